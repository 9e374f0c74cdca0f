"""Search results highlighted in templates: the words a search matched, in any of their
forms (:func:`analysis.search.match_spans`), wrapped in ``<mark>``; everything else escaped.

``{{ text|highlight(q) }}`` marks the whole text; ``{{ text|snippet(q) }}`` shows only the
stretch around the first match (empty when nothing matches), for long notes and answers.
"""

from __future__ import annotations

from flask import Flask
from markupsafe import Markup, escape

#: Characters of context shown on each side of the first match in a snippet.
SNIPPET_CONTEXT = 80
#: Longest text searched for matches to highlight; beyond it the text is shown as it is.
MAX_HIGHLIGHT_CHARS = 20_000


def _marked(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    parts, position = [], start
    for a, b in spans:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        parts.append(escape(text[position:a]))
        parts.append(Markup("<mark>{}</mark>").format(text[a:b]))
        position = b
    parts.append(escape(text[position:end]))
    return Markup("").join(parts)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """:func:`analysis.search.match_spans`, imported on the first search shown: the text
    analysis (stemmers, language tables) would otherwise load into every worker at start,
    more than doubling its memory, for pages that never search."""
    from analysis.search import match_spans as spans

    return spans(text, query)


def highlight(text: object, query: object) -> Markup:
    """``text`` escaped, with the words ``query`` matches marked."""
    text = "" if text is None else str(text)
    query = "" if query is None else str(query)
    if not query.strip() or len(text) > MAX_HIGHLIGHT_CHARS:
        return escape(text)
    return _marked(text, match_spans(text, query))


def snippet(text: object, query: object) -> Markup:
    """The stretch of ``text`` around the first word ``query`` matches, marked and
    escaped, with "…" where it is cut; empty when nothing matches."""
    text = "" if text is None else str(text)[:MAX_HIGHLIGHT_CHARS]
    query = "" if query is None else str(query)
    spans = match_spans(text, query) if query.strip() else []
    if not spans:
        return Markup("")
    start = max(0, spans[0][0] - SNIPPET_CONTEXT)
    end = min(len(text), spans[0][1] + SNIPPET_CONTEXT)
    body = _marked(text, spans, start, end)
    return Markup("{}{}{}").format("…" if start else "", body, "…" if end < len(text) else "")


def mark_text(text: object, needle: object) -> Markup:
    """``text`` escaped, with each occurrence of ``needle`` (any case, white space as one
    space) marked and, for a long text, cut to the stretch around the first one: the
    answers search is by substring, so is its highlighting."""
    text = "" if text is None else str(text)[:MAX_HIGHLIGHT_CHARS]
    needle = " ".join(("" if needle is None else str(needle)).split()).lower()
    lowered = text.lower()
    if not needle or len(lowered) != len(text):
        # (lower() changed the length, e.g. "İ": offsets would no longer line up)
        return escape(text[: 2 * SNIPPET_CONTEXT * 2])
    spans, start = [], lowered.find(needle)
    while start >= 0 and len(spans) < 50:
        spans.append((start, start + len(needle)))
        start = lowered.find(needle, start + len(needle))
    if not spans:
        return escape(text[: 2 * SNIPPET_CONTEXT * 2])
    first = max(0, spans[0][0] - SNIPPET_CONTEXT * 2)
    last = min(len(text), spans[0][1] + SNIPPET_CONTEXT * 2)
    body = _marked(text, spans, first, last)
    return Markup("{}{}{}").format("…" if first else "", body, "…" if last < len(text) else "")


def init_app(app: Flask) -> None:
    app.add_template_filter(highlight, "highlight")
    app.add_template_filter(mark_text, "mark_text")
    app.add_template_filter(snippet, "snippet")

"""Text from outside made safe to store: control characters and lone surrogates.

Web forms, JSON bodies, uploaded CSV files and spreadsheet cells can carry characters that
no answer needs and that break things further on: PostgreSQL refuses NUL in text, other C0
control characters (U+0000 to U+001F) garble exports and terminals, and a lone UTF-16
surrogate (``"\\ud800"`` in JSON) cannot be encoded as UTF-8 at all. Tab, carriage return
and line feed are kept in multi-line text; in single-line text they become spaces.

:func:`clean_text` removes what is not wanted, for input that is taken anyway (a typed or
pasted answer, a cell of an imported file); :func:`unwanted_character` finds it, for input
that is refused instead (a URL, a JSON body). Both take and return plain strings, so the
app's request handling and the command-line importers share them.
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "unwanted_character"]

#: C0 control characters but tab, line feed and carriage return.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f"
_UNWANTED_RE = re.compile(f"[{_CONTROLS}\ud800-\udfff]")
_UNWANTED_SINGLE_LINE_RE = re.compile(f"[{_CONTROLS}\t\n\r\ud800-\udfff]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_LINE_BREAK_RE = re.compile("\r\n?|\n|\t")


def clean_text(text: str, *, multiline: bool = True) -> str:
    """``text`` without C0 control characters, lone surrogates replaced by U+FFFD.

    With ``multiline`` (the default) tab, CR and LF are kept; without it each tab and line
    break (CRLF, CR or LF) becomes one space. Text with nothing to clean is returned as it
    is (the same object), so the common case costs one scan.
    """
    pattern = _UNWANTED_RE if multiline else _UNWANTED_SINGLE_LINE_RE
    if pattern.search(text) is None:
        return text
    text = _SURROGATE_RE.sub("\ufffd", text)
    if not multiline:
        text = _LINE_BREAK_RE.sub(" ", text)
    return re.sub(f"[{_CONTROLS}]", "", text)


def unwanted_character(text: str, *, multiline: bool = True) -> str | None:
    """The first character :func:`clean_text` would change, or None when ``text`` is clean."""
    match = (_UNWANTED_RE if multiline else _UNWANTED_SINGLE_LINE_RE).search(text)
    return match[0] if match else None

"""The multilingual threat-theme lexicon (``analysis/data/lexicon.json``) and its matcher.

The lexicon lists, per theme and language, words and phrases a conservation practitioner
would recognise, at three strengths. Matching works on ``text.normalise``d words:

- English and Russian words match by Snowball stem (``hunting`` = ``hunted``), or as a
  prefix when written with a trailing ``*`` (``poach*`` = ``poacher``, ``poaching``);
- other languages written with spaces (Mongolian, Persian, Kazakh …) match the start of a
  word, so case and plural suffixes are tolerated, after folding letters that keyboards
  often replace (Mongolian ``ө``/``ү`` typed as ``о``/``у``);
- Chinese terms are found anywhere in the text (leftmost, longest first);
- a word of seven or more letters also matches a lexicon word one typing error away,
  when their first two and last letters agree.

A phrase's words must appear in order, with at most one other word between two of them.
A theme's score is the noisy-or of the weights of the distinct terms found:
``1 - prod(1 - weight)``, so one strong term (0.8) is enough to tag, two weak ones (0.25)
add up to 0.44, and the matched words are kept as evidence.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np

from analysis.text import (
    CACHE_LIMIT,
    STEMMERS,
    analyzer,
    base_language,
    language_script,
    normalise,
    prepare,
    script_of,
    starts_in_script,
    words,
)

DEFAULT_PATH = Path(__file__).with_name("data") / "lexicon.json"

#: Languages matched as substrings of the text rather than word by word.
SUBSTRING_LANGUAGES = frozenset({"zh", "ja"})
#: Languages whose own lexicon is short, so texts in them are also matched against the
#: lexicon of the language their speakers most often borrow domain words from.
COMPANIONS = {
    "kk": ("ru",),
    "ky": ("ru",),
    "tg": ("ru",),
    "uz": ("ru",),
    "tk": ("ru",),
    "ps": ("fa",),
    "ur": ("fa",),
}
_MIN_FUZZY_LENGTH = 7

# Letters that keyboards without a full Mongolian, Kazakh, Kyrgyz or Tajik layout replace
# with their Russian look-alikes.
_CYRILLIC_FOLD = str.maketrans(
    {
        "ө": "о",
        "ү": "у",
        "ә": "а",
        "қ": "к",
        "ғ": "г",
        "ң": "н",
        "ұ": "у",
        "һ": "х",
        "і": "и",
        "ӣ": "и",
        "ӯ": "у",
        "ҳ": "х",
        "ҷ": "ч",
    }
)
_FOLDED_LANGUAGES = frozenset({"mn", "kk", "ky", "tg", "uz", "tk"})


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a word or phrase of a language, for a theme, with its weight."""

    theme: str  #: theme code, or "" for an ``ignore`` phrase
    lang: str
    text: str  #: as written in the lexicon file
    level: str  #: strong | medium | weak | ignore
    weight: float


class Match(NamedTuple):
    """A term found in a text: ``surface`` is the text's own (normalised) wording."""

    theme: str
    term: str
    surface: str
    weight: float
    level: str
    start: int  #: first word (or character, for Chinese) covered
    end: int  #: one past the last


@dataclass
class LexiconScores:
    """Theme scores of many texts: ``scores[i, j]`` is text i's score for ``themes[j]``."""

    themes: tuple[str, ...]
    scores: np.ndarray
    matches: list[list[Match]] = field(repr=False)

    def evidence(self, row: int, theme: str) -> list[str]:
        """Return the distinct wordings that made text ``row`` score on ``theme``."""
        seen: list[str] = []
        for match in sorted(self.matches[row], key=lambda m: (-m.weight, m.start)):
            if match.theme == theme and match.surface not in seen:
                seen.append(match.surface)
        return seen


def _within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or
    swap of neighbouring letters."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


class _WordMatcher:
    """Matches the terms of one language written with spaces between words."""

    def __init__(self, lang: str, terms: Sequence[Term]):
        self.lang = lang
        self.stemmed = lang in STEMMERS
        self.fold = lang in _FOLDED_LANGUAGES
        self._analyzer = analyzer(lang)
        self.terms: list[Term] = []
        self._spec_ids: dict[tuple[str, str], int] = {}
        self._specs: list[tuple[str, str]] = []  # (mode, key)
        self._exact: dict[str, list[int]] = {}
        self._stem: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        # (first two letters, last letter, length) -> ids of the long stem / prefix specs
        self._fuzzy_stem: dict[tuple[str, str, int], list[int]] = {}
        self._fuzzy_prefix: dict[tuple[str, str, int], list[int]] = {}
        # spec id -> the terms starting with that word, each with its remaining word specs
        self._starts: dict[int, list[tuple[Term, tuple[int, ...]]]] = {}
        self._cache: dict[str, tuple[int, ...]] = {}
        for term in terms:
            self._add(term)

    def _key(self, word: str) -> str:
        return word.translate(_CYRILLIC_FOLD) if self.fold else word

    def _stem_of(self, word: str) -> str:
        return self._analyzer.unit(word)

    def _spec(self, mode: str, key: str) -> int:
        found = self._spec_ids.get((mode, key))
        if found is not None:
            return found
        spec_id = len(self._specs)
        self._spec_ids[(mode, key)] = spec_id
        self._specs.append((mode, key))
        index = {"exact": self._exact, "stem": self._stem, "prefix": self._prefix}[mode]
        index.setdefault(key, []).append(spec_id)
        if mode != "exact" and len(key) >= _MIN_FUZZY_LENGTH - 1:
            fuzzy = self._fuzzy_stem if mode == "stem" else self._fuzzy_prefix
            fuzzy.setdefault((key[:2], key[-1], len(key)), []).append(spec_id)
        return spec_id

    def _add(self, term: Term) -> None:
        specs: list[int] = []
        for piece in term.text.split():
            marker = piece[-1] if piece[-1] in "*=" else ""
            parts = words(normalise(piece.rstrip("*=")))
            for position, part in enumerate(parts):
                last = position == len(parts) - 1
                if last and marker == "*":
                    specs.append(self._spec("prefix", self._key(part)))
                elif last and marker == "=":
                    specs.append(self._spec("exact", self._key(part)))
                elif self.stemmed:
                    specs.append(self._spec("stem", self._stem_of(part)))
                else:
                    specs.append(self._spec("prefix", self._key(part)))
        if not specs:
            return
        self.terms.append(term)
        self._starts.setdefault(specs[0], []).append((term, tuple(specs[1:])))

    def word_specs(self, word: str) -> tuple[int, ...]:
        """Return the ids of the lexicon words that ``word`` (normalised) matches."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        key = self._key(word)
        found: set[int] = set(self._exact.get(key, ()))
        stem = self._stem_of(word) if self.stemmed else key
        found.update(self._stem.get(stem, ()))
        for length in range(1, len(key) + 1):
            found.update(self._prefix.get(key[:length], ()))
        if len(key) >= _MIN_FUZZY_LENGTH:
            # A slip inside the word is tolerated, not a different ending: the candidate
            # must keep the lexicon word's first two and last letters ("ovregrazing" is
            # "overgrazing", but "trafficking" is not "traffic").
            specs = self._specs
            if self._fuzzy_stem and len(stem) >= _MIN_FUZZY_LENGTH - 1:
                head, last, size = stem[:2], stem[-1], len(stem)
                for length in (size - 1, size, size + 1):
                    for spec_id in self._fuzzy_stem.get((head, last, length), ()):
                        if spec_id not in found and _within_one_edit(specs[spec_id][1], stem):
                            found.add(spec_id)
            head = key[:2]
            for cut in range(_MIN_FUZZY_LENGTH - 2, len(key) + 1):
                window, last = key[:cut], key[cut - 1]
                for length in (cut - 1, cut, cut + 1):
                    for spec_id in self._fuzzy_prefix.get((head, last, length), ()):
                        if spec_id not in found and _within_one_edit(specs[spec_id][1], window):
                            found.add(spec_id)
        result = tuple(sorted(found))
        self._cache[word] = result
        return result

    def find(self, text: str, tokens: Sequence[str]) -> list[Match]:
        """Return every term occurrence in a text's words (overlaps included)."""
        cache = self._cache
        specs: list[tuple[int, ...]] = []
        positions: list[int] = []
        for position, token in enumerate(tokens):
            found_specs = cache.get(token)
            if found_specs is None:
                found_specs = self.word_specs(token)
            specs.append(found_specs)
            if found_specs:
                positions.append(position)
        found: list[Match] = []
        starts = self._starts
        for start in positions:
            for spec_id in specs[start]:
                for term, rest in starts.get(spec_id, ()):
                    if rest:
                        end = _phrase_end(rest, specs, start)
                        if end is None:
                            continue
                        surface = " ".join(tokens[start:end])
                    else:
                        end, surface = start + 1, tokens[start]
                    found.append(
                        Match(term.theme, term.text, surface, term.weight, term.level, start, end)
                    )
        return found


def _phrase_end(rest: tuple[int, ...], specs: list[tuple[int, ...]], start: int) -> int | None:
    """Return one past the last word of a phrase whose first word is at ``start``, or None
    when the remaining words ``rest`` do not follow in order (one interloper allowed)."""
    position, size = start, len(specs)
    for spec_id in rest:
        if position + 1 < size and spec_id in specs[position + 1]:
            position += 1
        elif position + 2 < size and spec_id in specs[position + 2]:
            position += 2
        else:
            return None
    return position + 1


class _SubstringMatcher:
    """Matches the terms of a language written without spaces (Chinese)."""

    def __init__(self, lang: str, terms: Sequence[Term]):
        self.lang = lang
        self._terms: dict[str, Term] = {}
        for term in terms:
            key = normalise(term.text).replace(" ", "")
            if key and (key not in self._terms or term.weight > self._terms[key].weight):
                self._terms[key] = term
        # first character -> the lengths of the terms starting with it, longest first
        lengths: dict[str, set[int]] = {}
        for key in self._terms:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {char: sorted(sizes, reverse=True) for char, sizes in lengths.items()}

    def find(self, text: str, tokens: Sequence[str] = ()) -> list[Match]:
        """Return leftmost-longest, non-overlapping term occurrences in normalised text."""
        found: list[Match] = []
        position, size = 0, len(text)
        terms, first = self._terms, self._lengths
        while position < size:
            for length in first.get(text[position], ()):
                piece = text[position : position + length]
                term = terms.get(piece)
                if term is not None:
                    found.append(
                        Match(
                            term.theme,
                            term.text,
                            piece,
                            term.weight,
                            term.level,
                            position,
                            position + length,
                        )
                    )
                    position += length
                    break
            else:
                position += 1
        return found


def _resolve_overlaps(found: list[Match]) -> list[Match]:
    """Drop matches inside an ignore phrase, and matches inside a longer match of the same
    theme ("illegal hunting" counts once, not also as "hunting")."""
    ignored = [m for m in found if not m.theme]
    if ignored:
        found = [
            m
            for m in found
            if m.theme and not any(i.start < m.end and m.start < i.end for i in ignored)
        ]
    if len({m.theme for m in found}) == len(found):
        return found
    found.sort(key=lambda m: (m.start - m.end, m.start))
    kept: list[Match] = []
    for match in found:
        for other in kept:
            if other.theme == match.theme and other.start <= match.start and match.end <= other.end:
                break
        else:
            kept.append(match)
    return kept


class Lexicon:
    """A loaded lexicon: theme codes, their names and IUCN-CMP classes, and matchers."""

    def __init__(self, data: dict):
        self.weights: dict[str, float] = {k: float(v) for k, v in data["weights"].items()}
        themes = data["themes"]
        self.themes: tuple[str, ...] = tuple(themes)
        self.iucn_cmp: dict[str, list[str]] = {t: list(themes[t]["iucn_cmp"]) for t in themes}
        self.names: dict[str, dict[str, str]] = {t: dict(themes[t]["names"]) for t in themes}
        by_lang: dict[str, list[Term]] = {}
        for theme, spec in themes.items():
            for lang, levels in spec["terms"].items():
                for level, entries in levels.items():
                    weight = self.weights[level]
                    by_lang.setdefault(lang, []).extend(
                        Term(theme, lang, entry, level, weight) for entry in entries
                    )
        for lang, entries in data.get("ignore", {}).items():
            by_lang.setdefault(lang, []).extend(
                Term("", lang, entry, "ignore", 0.0) for entry in entries
            )
        self.languages: frozenset[str] = frozenset(by_lang)
        self._terms = by_lang
        self._matchers: dict[str, _WordMatcher | _SubstringMatcher] = {}
        self._theme_index = {theme: i for i, theme in enumerate(self.themes)}
        self._plans: dict[str, tuple[list[str], str]] = {}

    def terms(self, lang: str) -> list[Term]:
        """Return the entries of one language (ignore phrases have theme "")."""
        return list(self._terms.get(base_language(lang), ()))

    def name(self, theme: str, lang: str = "en") -> str:
        """Return a theme's name in ``lang``, falling back to English, then to the code."""
        names = self.names.get(theme, {})
        return names.get(base_language(lang)) or names.get("en") or theme

    def _matcher(self, lang: str) -> _WordMatcher | _SubstringMatcher:
        matcher = self._matchers.get(lang)
        if matcher is None:
            terms = self._terms.get(lang, [])
            if lang in SUBSTRING_LANGUAGES:
                matcher = _SubstringMatcher(lang, terms)
            else:
                matcher = _WordMatcher(lang, terms)
            self._matchers[lang] = matcher
        return matcher

    def match_languages(self, lang: str, text: str = "") -> list[str]:
        """Return the lexicon languages a text in ``lang`` is matched against.

        Its own language where the lexicon has it, plus companions for languages with a
        short list (Kazakh texts often use Russian terms), plus, when the text is written
        in another script than its language's or the language has no list, every lexicon
        language of the text's script.
        """
        plan = self._plans.get(lang)
        if plan is None:
            code = base_language(lang)
            own = [code] if code in self.languages else []
            own += [c for c in COMPANIONS.get(code, ()) if c in self.languages]
            plan = self._plans[lang] = (own, language_script(code))
        own, own_script = plan
        if own and own_script and (not text or starts_in_script(text, own_script)):
            return own
        chosen = list(own)
        script = script_of(text) if text else ""
        if not chosen or (script and script != own_script):
            chosen += sorted(
                other
                for other in self.languages
                if language_script(other) == script and other not in chosen
            )
        return chosen

    def match(self, text: object, lang: str) -> list[Match]:
        """Return the theme terms found in ``text``, after ignore phrases are removed.

        In: raw text and its language code. Out: matches (theme, lexicon term, the text's
        wording, weight, position); a match inside a longer match of the same theme is
        dropped so one phrase is not counted twice.
        """
        return self.match_prepared(*prepare(text), lang)

    def match_prepared(self, clean: str, tokens: Sequence[str], lang: str) -> list[Match]:
        """``match`` for a text already passed through ``text.prepare``."""
        if not clean:
            return []
        kept: list[Match] = []
        for match_lang in self.match_languages(lang, clean):
            found = self._matcher(match_lang).find(clean, tokens)
            if found:
                kept.extend(_resolve_overlaps(found))
        return kept

    @staticmethod
    def _theme_scores(matches: Sequence[Match]) -> dict[str, float]:
        """Noisy-or of the weights of the distinct terms matched, per theme."""
        missing: dict[str, float] = {}
        seen: set[tuple[str, str]] = set()
        for match in matches:
            key = (match.theme, match.term)
            if key not in seen:
                seen.add(key)
                missing[match.theme] = missing.get(match.theme, 1.0) * (1.0 - match.weight)
        return {theme: 1.0 - value for theme, value in missing.items()}

    def score_texts(
        self,
        texts: Sequence[object],
        langs: Sequence[str],
        *,
        prepared: Sequence[tuple[str, list[str]]] | None = None,
    ) -> LexiconScores:
        """Score many texts.

        In: texts and their language codes (equal lengths; resolve missing languages
        first), optionally already passed through ``text.prepare``. Out: ``LexiconScores``
        with an (n texts × n themes) array in 0..1 and each text's matches for evidence.
        """
        if prepared is None:
            prepared = [prepare(text) for text in texts]
        rows: list[int] = []
        columns: list[int] = []
        values: list[float] = []
        all_matches: list[list[Match]] = []
        index = self._theme_index
        match_prepared, theme_scores = self.match_prepared, self._theme_scores
        for row, ((clean, tokens), lang) in enumerate(zip(prepared, langs, strict=True)):
            matches = match_prepared(clean, tokens, lang)
            all_matches.append(matches)
            if matches:
                for theme, value in theme_scores(matches).items():
                    rows.append(row)
                    columns.append(index[theme])
                    values.append(value)
        scores = np.zeros((len(prepared), len(self.themes)))
        scores[rows, columns] = values
        return LexiconScores(self.themes, scores, all_matches)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load a lexicon file (default: the one shipped in ``analysis/data``).

    In: a path to a JSON file with ``weights``, ``themes`` (per theme: ``iucn_cmp``,
    ``names`` and ``terms`` per language and level) and optional ``ignore``. Out: a
    ``Lexicon``. The default lexicon is loaded once per process.
    """
    if path is None:
        return _default_lexicon()
    with open(path, encoding="utf-8") as handle:
        return Lexicon(json.load(handle))


@functools.cache
def _default_lexicon() -> Lexicon:
    with open(DEFAULT_PATH, encoding="utf-8") as handle:
        return Lexicon(json.load(handle))

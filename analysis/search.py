"""Search terms: the words of a text as stored index terms, a query's words as variants,
and the spans of a text a query matches (for highlighting).

A word is indexed as itself and as its stem or lemma under each analyzer of ``text.py``
that suits its script (Snowball for Russian and English, simplemma lemmas for Persian), so a
query finds other forms of the same word ("рога" finds "рогов", "horns" finds "horn"), and
Chinese runs are indexed as characters and character pairs, since Chinese is written
without spaces. Matching is by prefix of a term, which also lets a query find words of
languages without a stemmer by their beginning (Mongolian "бэлчээр" finds "бэлчээрийн"),
and a place name by its stem in another case ("Иргиз" finds "Иргизе").

Everything here is a pure function of its input; ``consult`` stores :func:`index_terms`
in a text column and turns :func:`query_terms` into ``LIKE '% term%'`` conditions.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from analysis.text import HAN, WORD_PATTERN, analyzer, normalise

#: Analyzers (language codes) tried on a word of each script.
_SCRIPT_LANGUAGES = {
    "cyrillic": ("ru",),
    "latin": ("en",),
    "arabic": ("fa",),
}
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
_WORD = re.compile(WORD_PATTERN)
#: Longest query handled: words after these are ignored, so a query's cost is bounded.
MAX_QUERY_WORDS = 8
#: Longest word kept as a term; longer "words" are noise (a pasted link, a hash).
MAX_WORD_CHARS = 60


def _plain(word: str) -> str:
    """Accents off Latin letters (café → cafe); other scripts' marks are kept, as they are
    letters there (й, Devanagari vowel signs)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    out = []
    for char in decomposed:
        if unicodedata.combining(char) and out and out[-1].isascii():
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def _script_languages(word: str) -> tuple[str, ...]:
    if _CYRILLIC.search(word):
        return _SCRIPT_LANGUAGES["cyrillic"]
    if _ARABIC.search(word):
        return _SCRIPT_LANGUAGES["arabic"]
    if _LATIN.search(word):
        return _SCRIPT_LANGUAGES["latin"]
    return ()


def _han_terms(word: str) -> list[str]:
    """Characters and character pairs of the Han runs in ``word``."""
    terms = []
    for run in re.findall(r"(?:" + HAN.pattern + r")+", word):
        terms.extend(run)
        terms.extend(run[i : i + 2] for i in range(len(run) - 1))
    return terms


@functools.lru_cache(maxsize=65536)
def word_terms(word: str) -> tuple[str, ...]:
    """The terms one normalised word stands for: the word (accents off Latin letters) and
    its stems or lemmas; for Chinese, its characters and character pairs."""
    word = _plain(word)[:MAX_WORD_CHARS]
    if not word.strip("_"):
        return ()
    if HAN.search(word):
        return tuple(dict.fromkeys(_han_terms(word)))
    terms = [word]
    for lang in _script_languages(word):
        unit = _plain(analyzer(lang).unit(word))
        if unit and unit != word:
            terms.append(unit)
    return tuple(dict.fromkeys(terms))


def index_terms(*texts: str) -> str:
    """The distinct terms of ``texts`` as one string, each term between spaces
    (``" horn horns иргиз иргизе "``), ready for ``LIKE '% term%'``."""
    terms: set[str] = set()
    for text in texts:
        for word in _WORD.findall(normalise(text or "")):
            terms.update(word_terms(word))
    return " " + " ".join(sorted(terms)) + " " if terms else ""


def query_terms(query: str) -> list[tuple[str, ...]]:
    """The words of a query, each as the variants that may match it (the word and its
    stems; for Chinese, its character pairs, each of which must match). At most
    :data:`MAX_QUERY_WORDS` words; each inner tuple is "any of", the list "all of"."""
    groups: list[tuple[str, ...]] = []
    for word in _WORD.findall(normalise(query or ""))[:MAX_QUERY_WORDS]:
        word = _plain(word)[:MAX_WORD_CHARS]
        if HAN.search(word):
            runs = re.findall(r"(?:" + HAN.pattern + r")+", word)
            for run in runs:
                pairs = [run[i : i + 2] for i in range(len(run) - 1)] or [run]
                groups.extend((pair,) for pair in pairs)
            continue
        variants = [v for v in word_terms(word) if v]
        if variants:
            groups.append(tuple(variants))
    return groups


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where in ``text`` (character offsets, in order, not overlapping) the words of
    ``query`` occur in any of their forms: a word of the text is marked when one of its
    terms starts with one of a query word's variants; in Chinese, the matching pairs."""
    groups = query_terms(query)
    if not groups or not text:
        return []
    variants = {v for group in groups for v in group}
    spans = []
    for match in _WORD.finditer(text):
        word = normalise(match.group())
        if not word:
            continue
        if HAN.search(word):
            raw = match.group()
            for variant in variants:
                if HAN.search(variant):
                    start = raw.find(variant)
                    while start >= 0:
                        spans.append((match.start() + start, match.start() + start + len(variant)))
                        start = raw.find(variant, start + 1)
            continue
        terms = word_terms(word)
        if any(term.startswith(v) for term in terms for v in variants):
            spans.append((match.start(), match.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged

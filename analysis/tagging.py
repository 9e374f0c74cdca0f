"""Threat tagging of free-text answers and interview notes.

Two sources of evidence, usable together or alone:

- the lexicon (``analysis.lexicon``): each theme's score is the noisy-or of the weights of
  the distinct lexicon terms found; the evidence is the text's own matching words;
- a classifier trained on texts that already carry tags (interview notes tagged by
  facilitators, answers coded by the secretariat): TF-IDF over the shared analyzer's
  features (word stems or lemmas; character 4-grams for languages without a stemmer;
  Chinese characters and bigrams), and one L2-regularised logistic regression per theme
  with balanced class weights (liblinear, so results do not depend on threads). Its
  evidence is the text's features with the largest contribution to the theme.

When both are used, a theme's score is the mean of the two (``model_share`` sets the
classifier's part), except for themes the classifier never saw enough examples of, where
the lexicon score stands alone. A text gets the themes whose score reaches the
threshold, at most two for an answer of up to four sentences and one more for each further
two sentences of a longer note (``theme_limit``: a short answer mostly says one or two
things, and a third theme found in it is far more often a passing word than a point made);
its ``theme`` is the one with the highest score. Livestock found beside a main theme of
community or climate is dropped: there the herds are the victims (of a snow leopard, of a
dzud), not the overgrazing, competition or disease the theme stands for.

Before that:

- each text is read in the language it is written in (``text.fit_language``: a Kazakh
  answer saved under ``ru`` is read as Kazakh; Russian typed in Latin letters and Uzbek in
  Cyrillic are transliterated first, ``text.matching_text``);
- a term the text denies ("no poaching", "X is no longer a problem, but …") does not count
  (``analysis.negation``); the denied theme is listed in ``negated`` and in the evidence;
- a non-answer ("thank you", "don't know", "-") gets no theme and an ``abstain_reason``
  (``analysis.abstain``);
- rows with reviewed (human-coded) tags keep those tags: they take precedence over the
  machine's wherever tags are used (here, in mention shares, in clusters).

The reported ``confidence`` is the score mapped to how often such a score was a person's
code on the development data (``analysis.calibration``); the threshold reads the score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

from analysis.abstain import abstain_reason
from analysis.calibration import calibrate
from analysis.lexicon import Lexicon, load_lexicon
from analysis.text import (
    TextVectorizer,
    analyzer,
    matching_texts,
    prepare_texts,
    resolve_languages,
)


def split_tags(value: object) -> list[str]:
    """Split a ";"-separated tag string into codes (blank and non-string values give [])."""
    if not isinstance(value, str):
        return []
    return [tag.strip() for tag in value.split(";") if tag.strip()]


@dataclass
class ThemeClassifier:
    """A trained one-vs-rest theme classifier (see ``train_classifier``)."""

    themes: tuple[str, ...]
    vectorizer: TextVectorizer
    models: dict[str, LogisticRegression]
    n_examples: dict[str, int]

    def transform(
        self,
        texts: Sequence[object],
        langs: Sequence[str],
        prepared: Sequence[tuple[str, list[str]]] | None = None,
    ):
        """Return the TF-IDF matrix of texts (languages already resolved; ``prepared`` as
        from ``text.prepare``, computed here when not given)."""
        if prepared is None:
            prepared = prepare_texts(texts)
        return self.vectorizer.transform(prepared, langs)

    def predict_proba(self, matrix) -> np.ndarray:
        """Return an (n × themes) array of probabilities; NaN for themes without a model."""
        out = np.full((matrix.shape[0], len(self.themes)), np.nan)
        for column, theme in enumerate(self.themes):
            model = self.models.get(theme)
            if model is not None:
                out[:, column] = model.predict_proba(matrix)[:, 1]
        return out

    def top_terms(self, matrix, row: int, theme: str, k: int = 3) -> list[str]:
        """Return the ``k`` features of text ``row`` that push it most towards ``theme``
        (weight × TF-IDF), word terms before character n-grams."""
        model = self.models.get(theme)
        if model is None:
            return []
        vector = matrix[row]
        names = self.vectorizer.feature_names_
        coefficients = model.coef_[0]
        contributions = sorted(
            (
                (-float(value * coefficients[index]), str(names[index]))
                for index, value in zip(vector.indices, vector.data, strict=True)
                if coefficients[index] > 0
            ),
        )
        whole = [name for _, name in contributions if not name.startswith("~")]
        grams = [name for _, name in contributions if name.startswith("~")]
        return (whole + grams)[:k]

    def explain(
        self, matrix, row: int, theme: str, text_words: Sequence[str], lang: str, k: int = 3
    ) -> list[str]:
        """Return ``top_terms`` as the words of the text they come from (a stem such as
        "poach" is shown as the text's "poachers")."""
        unit_of = analyzer(lang)
        shown: list[str] = []
        for feature in self.top_terms(matrix, row, theme, k):
            word = next((w for w in text_words if feature in unit_of.word_features(w)), None)
            written = word or feature.lstrip("~").strip()
            if written not in shown:
                shown.append(written)
        return shown


def _column(texts: pd.DataFrame, name: str, default: object = "") -> list:
    if name in texts.columns:
        return texts[name].tolist()
    return [default] * len(texts)


def train_classifier(
    texts: pd.DataFrame,
    *,
    tags_column: str = "tags",
    text_column: str = "text",
    lang_column: str = "lang",
    themes: Sequence[str] | None = None,
    min_examples: int = 3,
    seed: int = 0,
    reviewed_column: str = "reviewed",
    reviewed_weight: float = 2.0,
    weight_column: str = "weight",
) -> ThemeClassifier:
    """Train a theme classifier on texts that already carry tags.

    In: a ``texts`` frame with the text, its language (may be blank: detected) and a
    ";"-separated tags column. Rows whose ``reviewed`` column is true carry reviewed
    (human-coded) tags and count ``reviewed_weight`` times as much as other tagged rows (a
    facilitator's quick tags); a reviewed row without tags (a person decided the text names
    no theme: "there is no poaching here", "thank you") is a negative example of every
    theme. Other rows without tags are left out: nobody has said what they are about. A
    ``weight`` column, when there is one, multiplies a row's weight (the run's own texts
    count more than the seed statements, ``analysis.seed``). ``themes`` defaults to the
    lexicon's themes; a theme gets a model only when it has at least ``min_examples``
    tagged and ``min_examples`` untagged texts. Out: a ``ThemeClassifier``. Deterministic
    for a given input and ``seed``.
    """
    themes = tuple(themes) if themes is not None else load_lexicon().themes
    tags = [split_tags(value) for value in _column(texts, tags_column)]
    reviewed = reviewed_rows(texts, reviewed_column)
    keep = [i for i, row_tags in enumerate(tags) if row_tags or reviewed[i]]
    raw_texts = _column(texts, text_column)
    raw_langs = _column(texts, lang_column)
    train_texts = [raw_texts[i] for i in keep]
    langs = resolve_languages(train_texts, [raw_langs[i] for i in keep])
    vectorizer = TextVectorizer(max_features=300_000)
    matrix = vectorizer.fit_transform(prepare_texts(matching_texts(train_texts, langs)), langs)
    weights = np.where(reviewed[keep], reviewed_weight, 1.0)
    if weight_column in texts.columns:
        given = pd.to_numeric(texts[weight_column], errors="coerce").fillna(1.0).to_numpy()
        weights = weights * given[keep]
    models: dict[str, LogisticRegression] = {}
    counts: dict[str, int] = {}
    for theme in themes:
        target = np.array([theme in tags[i] for i in keep])
        counts[theme] = int(target.sum())
        if target.sum() < min_examples or (~target).sum() < min_examples:
            continue
        model = LogisticRegression(
            C=10.0,
            class_weight="balanced",
            solver="liblinear",
            random_state=seed,
            max_iter=1000,
        )
        models[theme] = model.fit(matrix, target, sample_weight=weights)
    return ThemeClassifier(themes, vectorizer, models, counts)


def _truthy(value: object) -> bool:
    """Whether a ``reviewed`` cell says yes (True, 1, "1", "true", "yes", "y")."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "t")
    try:
        return bool(value) and not pd.isna(value)
    except (TypeError, ValueError):
        return False


def reviewed_rows(texts: pd.DataFrame, reviewed_column: str = "reviewed") -> np.ndarray:
    """Which rows carry reviewed (human-coded) tags: a true ``reviewed`` cell."""
    if reviewed_column not in texts.columns:
        return np.zeros(len(texts), dtype=bool)
    return np.fromiter(map(_truthy, texts[reviewed_column]), dtype=bool, count=len(texts))


# The end of a sentence: ., !, ?, an ellipsis or their Chinese, Persian and Arabic forms
# before a space or the end, or a line break.
_SENTENCE_END = re.compile(r"[.!?…。！？؟]+(?=\s|$)|[。！？]+|\n+")


def theme_limit(text: str) -> int:
    """The most themes a text is tagged with: two for up to four sentences, one more for
    each further two (a long interview note may make many points, an answer one or two)."""
    sentences = sum(1 for part in _SENTENCE_END.split(text) if part.strip())
    return max(2, -(-sentences // 2))


#: Main themes beside which herds are named as the victims, not as a threat of their own:
#: sheep killed by a snow leopard (community: conflict with predators), livestock dying in
#: a dzud (climate). Livestock found beside one of them as a lesser theme is dropped.
_HERDS_AS_VICTIMS = frozenset({"community", "climate"})

#: A theme beside the most confident one is tagged only when its score reaches this share
#: of the first theme's score as well as the threshold: a statement names its main point
#: clearly and a further theme nearly as clearly, while a passing mention (the sheep a
#: ranger's note names beside the poachers it is about) stays out. Chosen on the held-out
#: halves of the development sets, also with a classifier trained without the set measured.
SECOND_THEME_RATIO = 0.6


#: Columns ``tag_texts`` adds, in order.
TAG_COLUMNS = (
    "theme",
    "themes",
    "confidence",
    "score",
    "evidence",
    "negated",
    "abstain_reason",
    "detected_lang",
    "tag_source",
)


#: The score a theme must reach, by what scores it: the lexicon alone, the lexicon with a
#: classifier ("combined"), or a classifier alone. A further theme must also reach a share
#: of the first theme's score (``SECOND_THEME_RATIO``); with that rule 0.35 suited the
#: combined score best on the held-out halves of the development sets (0.40 without it).
DEFAULT_THRESHOLDS = {"lexicon": 0.35, "combined": 0.35, "model": 0.35}


@dataclass
class ThemeScores:
    """Each text's raw score per theme, as ``tag_texts`` thresholds it (see
    ``score_themes``), with what was computed on the way."""

    themes: tuple[str, ...]
    kind: str
    scores: np.ndarray
    reasons: list[str]
    #: per text, the themes the lexicon found only denied, with their wordings
    #: (``LexiconScores.negated``; empty without the lexicon)
    denied: list[dict[str, list[str]]]
    raw: list[str]
    langs: list[str]
    prepared: object
    lexical: object
    matrix: object


def score_themes(
    texts: pd.DataFrame,
    *,
    classifier: ThemeClassifier | None = None,
    use_lexicon: bool = True,
    model_share: float = 0.5,
    lexicon: Lexicon | None = None,
    lang_column: str = "lang",
    text_column: str = "text",
) -> ThemeScores:
    """Score every text on every theme (the raw scores ``tag_texts`` thresholds).

    A theme's score is its lexicon score, the classifier's probability, or with both their
    mean weighted by ``model_share`` (the lexicon score alone for a theme the classifier
    has no model of). A theme the text names only to deny it ("no poaching here") keeps
    its lexicon score, zero: the classifier, which reads the denied words too, does not
    bring it back. Empty texts and non-answers (``analysis.abstain``; only a text the
    lexicon finds nothing in can be one) score zero, their reason in ``reasons``.
    """
    if not use_lexicon and classifier is None:
        raise ValueError("tag_texts needs the lexicon, a classifier, or both")
    lexicon = lexicon or load_lexicon()
    themes = classifier.themes if classifier is not None else lexicon.themes
    raw = [t if isinstance(t, str) else "" for t in _column(texts, text_column)]
    langs = resolve_languages(raw, _column(texts, lang_column))
    prepared = prepare_texts(matching_texts(raw, langs))

    lexical = None
    lexical_scores = np.zeros((len(raw), len(themes)))
    denied: list[dict[str, list[str]]] = [{} for _ in raw]
    if use_lexicon:
        lexical = lexicon.score_texts(raw, langs, prepared=prepared)
        order = [lexical.themes.index(t) if t in lexical.themes else None for t in themes]
        for column, source in enumerate(order):
            if source is not None:
                lexical_scores[:, column] = lexical.scores[:, source]
        denied = [lexical.negated(row) for row in range(len(raw))]

    matrix = None
    kind = "lexicon"
    if classifier is not None:
        matrix = classifier.transform(raw, langs, prepared)
        modelled = classifier.predict_proba(matrix)
        if use_lexicon:
            kind = "combined"
            confidence = np.where(
                np.isnan(modelled),
                lexical_scores,
                model_share * np.nan_to_num(modelled) + (1 - model_share) * lexical_scores,
            )
            for row, only_denied in enumerate(denied):
                for theme in only_denied:
                    if theme in themes:
                        column = themes.index(theme)
                        confidence[row, column] = lexical_scores[row, column]
        else:
            kind = "model"
            confidence = np.nan_to_num(modelled)
    else:
        confidence = lexical_scores
    empty = np.array([not text.strip() for text in raw], dtype=bool)
    confidence[empty] = 0.0

    # Non-answers: only a text the lexicon finds nothing asserted in can be one (a text
    # that abstains says nothing a theme could come from).
    reasons = [""] * len(raw)
    low = lexical_scores.max(axis=1, initial=0.0) < DEFAULT_THRESHOLDS["lexicon"]
    candidates = np.flatnonzero(~empty & low)
    for row, clean in zip(candidates.tolist(), prepared.clean_of(candidates.tolist()), strict=True):
        reasons[row] = abstain_reason(clean, langs[row])
    for row in np.flatnonzero(empty).tolist():
        reasons[row] = "empty"
    abstained = np.array([bool(r) for r in reasons], dtype=bool)
    confidence[abstained] = 0.0
    return ThemeScores(
        themes, kind, confidence, reasons, denied, raw, langs, prepared, lexical, matrix
    )


def tag_texts(
    texts: pd.DataFrame,
    *,
    classifier: ThemeClassifier | None = None,
    threshold: float | None = None,
    use_lexicon: bool = True,
    model_share: float = 0.5,
    lexicon: Lexicon | None = None,
    lang_column: str = "lang",
    text_column: str = "text",
    tags_column: str = "tags",
    reviewed_column: str = "reviewed",
    calibrated: bool = True,
) -> pd.DataFrame:
    """Tag each text with threat themes, a confidence and the evidence behind it.

    In: a ``texts`` frame (``text`` and ``lang`` columns; a blank language is detected, and
    a label the text does not fit is corrected, see ``text.fit_language``), an optional
    trained ``classifier``, and the ``threshold`` a theme's evidence score must reach
    (by default ``DEFAULT_THRESHOLDS`` of what scores it). ``classifier=None`` tags with
    the lexicon alone; ``use_lexicon=False`` with the classifier alone; with both,
    ``model_share`` is the classifier's weight in the mean (``seed.seed_classifier`` is the
    classifier runs start from).
    Rows whose ``reviewed`` column is true carry reviewed (human-coded) tags in ``tags``:
    those tags are their themes, whatever the machine finds. Out: a copy of ``texts`` plus

    - ``theme``: the most confident theme (the first reviewed tag), or "";
    - ``themes``: every theme reaching the threshold, ";"-separated, most confident first;
    - ``confidence``: how often a theme with this evidence score was a person's code in
      the development data (``analysis.calibration``; the score itself when
      ``calibrated=False``), 0.0 without a theme, 1.0 for reviewed tags;
    - ``score``: the raw evidence score (0..1) of ``theme``, which ``threshold`` applies to;
    - ``evidence``: for each theme in ``themes``, "theme: words, …", "; "-separated; the
      words are the text's own wording of the lexicon terms found, or, for a theme only
      the classifier found, "model: " and the text's terms it weighs most; themes the text
      names only to deny them follow as "theme (negated): words [kind of negation]";
    - ``negated``: those denied themes, ";"-separated ("There is no poaching here");
    - ``abstain_reason``: why a text got no theme because it says nothing to tag
      ("thanks", "don't know", "no comment", "placeholder", "empty"; see
      ``analysis.abstain``), else "";
    - ``detected_lang``: the language the text was read as;
    - ``tag_source``: "reviewed", "machine", or "" when there is no theme.

    Empty or missing text gives no theme.
    """
    scored = score_themes(
        texts,
        classifier=classifier,
        use_lexicon=use_lexicon,
        model_share=model_share,
        lexicon=lexicon,
        lang_column=lang_column,
        text_column=text_column,
    )
    themes, raw, langs, prepared = scored.themes, scored.raw, scored.langs, scored.prepared
    lexical, matrix, confidence, reasons = (
        scored.lexical,
        scored.matrix,
        scored.scores,
        scored.reasons,
    )
    if threshold is None:
        threshold = DEFAULT_THRESHOLDS[scored.kind]
    reviewed = reviewed_rows(texts, reviewed_column)
    reviewed_tags = _column(texts, tags_column)
    mapped = calibrate(confidence, scored.kind, first=True) if calibrated else confidence

    out: dict[str, list] = {name: [] for name in TAG_COLUMNS}
    livestock = themes.index("livestock") if "livestock" in themes else -1
    for row in range(len(raw)):
        denied = scored.denied[row]
        if reviewed[row]:
            chosen = split_tags(reviewed_tags[row])
            out["theme"].append(chosen[0] if chosen else "")
            out["themes"].append(";".join(chosen))
            out["confidence"].append(1.0 if chosen else 0.0)
            out["score"].append(1.0 if chosen else 0.0)
            out["evidence"].append("; ".join(f"{theme}: reviewed" for theme in chosen))
            out["negated"].append("")
            out["abstain_reason"].append("")
            out["detected_lang"].append(langs[row])
            out["tag_source"].append("reviewed" if chosen else "")
            continue
        reaching = [
            j
            for j in np.argsort(-confidence[row], kind="stable")
            if confidence[row, j] >= threshold
        ]
        if reaching:
            bar = SECOND_THEME_RATIO * confidence[row, reaching[0]]
            reaching = [j for j in reaching if confidence[row, j] >= bar]
        if (
            len(reaching) > 1
            and themes[reaching[0]] in _HERDS_AS_VICTIMS
            and livestock in reaching[1:]
        ):
            reaching = [j for j in reaching if j != livestock]
        ranked = reaching[: theme_limit(raw[row])]
        chosen = [themes[j] for j in ranked]
        out["theme"].append(chosen[0] if chosen else "")
        out["themes"].append(";".join(chosen))
        out["confidence"].append(round(float(mapped[row, ranked[0]]), 4) if chosen else 0.0)
        out["score"].append(round(float(confidence[row, ranked[0]]), 4) if chosen else 0.0)
        parts = []
        for theme in chosen:
            found = lexical.evidence(row, theme) if lexical is not None else []
            if found:
                parts.append(f"{theme}: {', '.join(found)}")
            elif classifier is not None:
                terms = classifier.explain(matrix, row, theme, prepared.words_of(row), langs[row])
                parts.append(f"{theme}: model: {', '.join(terms)}" if terms else f"{theme}: model")
        # a theme left out only by the limit was found, not denied
        found_themes = {themes[j] for j in reaching}
        denied = {theme: shown for theme, shown in denied.items() if theme not in found_themes}
        parts.extend(f"{theme} (negated): {', '.join(shown)}" for theme, shown in denied.items())
        out["evidence"].append("; ".join(parts))
        out["negated"].append(";".join(denied))
        out["abstain_reason"].append(reasons[row])
        out["detected_lang"].append(langs[row])
        out["tag_source"].append("machine" if chosen else "")

    result = texts.copy()
    for name in TAG_COLUMNS:
        result[name] = out[name]
    result["confidence"] = np.asarray(out["confidence"], dtype=float)
    result["score"] = np.asarray(out["score"], dtype=float)
    return result

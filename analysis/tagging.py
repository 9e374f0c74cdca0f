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

When both are used, a theme's confidence is the mean of the two (``model_share`` sets the
classifier's part), except for themes the classifier never saw enough examples of, where
the lexicon score stands alone. A text gets every theme whose confidence reaches the
threshold; its ``theme`` is the most confident.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

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
) -> ThemeClassifier:
    """Train a theme classifier on texts that already carry tags.

    In: a ``texts`` frame with the text, its language (may be blank: detected) and a
    ";"-separated tags column; rows without tags are left out. ``themes`` defaults to the
    lexicon's themes; a theme gets a model only when it has at least ``min_examples``
    tagged and ``min_examples`` untagged texts. Out: a ``ThemeClassifier``. Deterministic
    for a given input and ``seed``.
    """
    themes = tuple(themes) if themes is not None else load_lexicon().themes
    tags = [split_tags(value) for value in _column(texts, tags_column)]
    keep = [i for i, row_tags in enumerate(tags) if row_tags]
    raw_texts = _column(texts, text_column)
    raw_langs = _column(texts, lang_column)
    train_texts = [raw_texts[i] for i in keep]
    langs = resolve_languages(train_texts, [raw_langs[i] for i in keep])
    vectorizer = TextVectorizer(max_features=300_000)
    matrix = vectorizer.fit_transform(prepare_texts(matching_texts(train_texts, langs)), langs)
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
        models[theme] = model.fit(matrix, target)
    return ThemeClassifier(themes, vectorizer, models, counts)


def tag_texts(
    texts: pd.DataFrame,
    *,
    classifier: ThemeClassifier | None = None,
    threshold: float = 0.35,
    use_lexicon: bool = True,
    model_share: float = 0.5,
    lexicon: Lexicon | None = None,
    lang_column: str = "lang",
    text_column: str = "text",
) -> pd.DataFrame:
    """Tag each text with threat themes, a confidence and the evidence behind it.

    In: a ``texts`` frame (``text`` and ``lang`` columns; a blank language is detected),
    an optional trained ``classifier``, and the confidence ``threshold`` a theme must reach.
    ``classifier=None`` tags with the lexicon alone; ``use_lexicon=False`` with the
    classifier alone; with both, ``model_share`` is the classifier's weight in the mean.
    Out: a copy of ``texts`` plus

    - ``theme``: the most confident theme reaching the threshold, or "";
    - ``themes``: every theme reaching it, ";"-separated, most confident first;
    - ``confidence``: the confidence (0..1) of ``theme``, 0.0 when there is none;
    - ``evidence``: for each theme in ``themes``, "theme: words, …", "; "-separated; the
      words are the text's own wording of the lexicon terms found, or, for a theme only
      the classifier found, "model: " and the text's terms it weighs most.

    Empty or missing text gives no theme.
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
    if use_lexicon:
        lexical = lexicon.score_texts(raw, langs, prepared=prepared)
        order = [lexical.themes.index(t) if t in lexical.themes else None for t in themes]
        for column, source in enumerate(order):
            if source is not None:
                lexical_scores[:, column] = lexical.scores[:, source]

    matrix = None
    if classifier is not None:
        matrix = classifier.transform(raw, langs, prepared)
        modelled = classifier.predict_proba(matrix)
        if use_lexicon:
            confidence = np.where(
                np.isnan(modelled),
                lexical_scores,
                model_share * np.nan_to_num(modelled) + (1 - model_share) * lexical_scores,
            )
        else:
            confidence = np.nan_to_num(modelled)
    else:
        confidence = lexical_scores
    empty = np.array([not text.strip() for text in raw], dtype=bool)
    confidence[empty] = 0.0

    out_theme, out_themes, out_confidence, out_evidence = [], [], [], []
    for row in range(len(raw)):
        ranked = [
            j
            for j in np.argsort(-confidence[row], kind="stable")
            if confidence[row, j] >= threshold
        ]
        chosen = [themes[j] for j in ranked]
        out_theme.append(chosen[0] if chosen else "")
        out_themes.append(";".join(chosen))
        out_confidence.append(round(float(confidence[row, ranked[0]]), 4) if chosen else 0.0)
        parts = []
        for theme in chosen:
            found = lexical.evidence(row, theme) if lexical is not None else []
            if found:
                parts.append(f"{theme}: {', '.join(found)}")
            elif classifier is not None:
                terms = classifier.explain(matrix, row, theme, prepared.words_of(row), langs[row])
                parts.append(f"{theme}: model: {', '.join(terms)}" if terms else f"{theme}: model")
        out_evidence.append("; ".join(parts))

    result = texts.copy()
    result["theme"] = out_theme
    result["themes"] = out_themes
    result["confidence"] = np.asarray(out_confidence, dtype=float)
    result["evidence"] = out_evidence
    return result

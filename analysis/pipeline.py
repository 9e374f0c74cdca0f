"""One analysis run: tag and cluster the texts, score threats, rank actions, find gaps.

:func:`run_analysis` takes the four input frames of the data contract (texts, ratings, needs,
measures) and an :class:`AnalysisParams`, and returns an :class:`AnalysisResults` whose
``method`` records everything needed to explain and repeat the run. It is the same call from
the CLI, a background job and the tests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis.clustering import ASSIGNMENT_COLUMNS, CLUSTER_COLUMNS, cluster_texts
from analysis.prioritise import (
    gap_analysis,
    load_actions,
    rank_actions,
    regional_priorities,
    shared_threats,
)
from analysis.scoring import ScoringConfig, split_codes, threat_scores
from analysis.tagging import TAG_COLUMNS, reviewed_rows, tag_texts, train_classifier

#: A classifier is trained on the facilitators' tags only when at least this many tagged
#: texts exist, covering at least MIN_TRAINING_THEMES themes; below that the lexicon alone
#: tags the texts, because a model fitted to a handful of examples is noise.
MIN_TRAINING_TEXTS = 30
MIN_TRAINING_THEMES = 2

TEXT_COLUMNS = ("id", "text", "lang", "country", "group", "source", "tags", "link")
TAGGED_COLUMNS = (*TEXT_COLUMNS, *TAG_COLUMNS)

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class AnalysisParams:
    """Parameters of one run.

    ``seed`` fixes every random step (clustering, bootstrap); ``k`` fixes the number of
    clusters, or ``None`` lets ``k_range`` be searched; ``countries`` limits the run to those
    ISO codes (``None``: all); ``min_n`` overrides the config's low-evidence threshold;
    ``reader_lang`` is the language cluster labels are written for; ``config_path`` points
    to a scoring TOML (``None``: the shipped one); ``actions_path`` to an action catalogue
    (``None``: the shipped one); ``date`` (ISO 8601, given by the caller so that a rerun is
    identical) is recorded in the outputs.
    """

    seed: int = 0
    k: int | None = None
    k_range: tuple[int, int] = (3, 12)
    countries: tuple[str, ...] | None = None
    min_n: int | None = None
    reader_lang: str = "en"
    config_path: str | None = None
    actions_path: str | None = None
    date: str = ""


@dataclass
class AnalysisResults:
    """Everything a run produces: result tables and the ``method`` that explains them."""

    threat_scores: pd.DataFrame
    priorities_by_country: pd.DataFrame
    regional_priorities: pd.DataFrame
    clusters: pd.DataFrame
    cluster_assignments: pd.DataFrame
    gaps: pd.DataFrame
    shared_threats: pd.DataFrame = field(default_factory=pd.DataFrame)
    tagged_texts: pd.DataFrame = field(default_factory=pd.DataFrame)
    method: dict = field(default_factory=dict)
    weights: pd.DataFrame = field(default_factory=pd.DataFrame)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The result tables by their output name, in the order they are reported."""
        return {
            "threat_scores": self.threat_scores,
            "priorities_by_country": self.priorities_by_country,
            "regional_priorities": self.regional_priorities,
            "shared_threats": self.shared_threats,
            "clusters": self.clusters,
            "cluster_assignments": self.cluster_assignments,
            "gaps": self.gaps,
        }


def software_version() -> str:
    """Installed version of the ``consult`` distribution, or "dev" when not installed."""
    try:
        return metadata.version("consult")
    except metadata.PackageNotFoundError:
        return "dev"


def run_analysis(
    texts: pd.DataFrame | None,
    ratings: pd.DataFrame | None,
    needs: pd.DataFrame | None,
    measures: pd.DataFrame | None,
    params: AnalysisParams | None = None,
    progress: Progress | None = None,
) -> AnalysisResults:
    """Run the whole analysis on the contract's four frames.

    Steps, each announced through ``progress(fraction, message)``: tag the texts
    (:func:`analysis.tagging.tag_texts`, with a classifier trained on the already-tagged
    texts when there are enough), cluster them (:func:`analysis.clustering.cluster_texts`),
    score threats (:func:`analysis.scoring.threat_scores`, using the tagged themes for
    mention shares), rank actions per country and regionally
    (:mod:`analysis.prioritise`), and compare needs with measures
    (:func:`analysis.prioritise.gap_analysis`). Any frame may be empty or ``None``; the
    tables that depend on it are then empty with their usual columns.
    """
    params = params or AnalysisParams()
    report = progress or _silent
    config = ScoringConfig.load(params.config_path)
    if params.min_n is not None:
        config = dataclasses.replace(config, min_n=params.min_n)
    actions = load_actions(params.actions_path)

    texts = _select(texts, params.countries, TEXT_COLUMNS)
    ratings = _select(ratings, params.countries, ())
    needs = _select(needs, params.countries, ())
    measures = _select(measures, params.countries, ())

    report(0.0, "Tagging texts")
    tagged, classifier_note = _tag(texts, params.seed)

    report(0.25, "Clustering texts")
    clusters, assignments, criterion = _cluster(tagged, params)

    report(0.5, "Scoring threats")
    scores = threat_scores(ratings, tagged, config=config, seed=params.seed)

    report(0.7, "Ranking actions per country")
    priorities = rank_actions(scores, actions, config=config)

    report(0.8, "Ranking actions for the region")
    shared = shared_threats(scores, config=config)
    regional = regional_priorities(scores, actions, config=config)

    report(0.9, "Comparing needs with measures")
    gaps = gap_analysis(needs, measures, config=config)

    method = {
        "date": params.date,
        "software_version": software_version(),
        "parameters": _plain(dataclasses.asdict(params)),
        "weights": _plain(dataclasses.asdict(config)),
        "data_counts": _counts(texts, ratings, needs, measures, actions),
        "tagging": classifier_note,
        "clustering_criterion": criterion,
    }
    report(1.0, "Done")
    return AnalysisResults(
        threat_scores=scores,
        priorities_by_country=priorities,
        regional_priorities=regional,
        clusters=clusters,
        cluster_assignments=assignments,
        gaps=gaps,
        shared_threats=shared,
        tagged_texts=tagged,
        method=method,
        weights=config.as_table(),
    )


def _silent(fraction: float, message: str) -> None:
    """Progress sink used when the caller does not follow progress."""


def _select(
    frame: pd.DataFrame | None, countries: tuple[str, ...] | None, columns: tuple[str, ...]
) -> pd.DataFrame:
    """The frame (or an empty one with ``columns``) limited to ``countries``."""
    if frame is None:
        return pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
    if countries is not None and "country" in frame:
        frame = frame[frame["country"].isin(set(countries))]
    return frame.reset_index(drop=True)


def _tag(texts: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, str]:
    if texts.empty:
        empty = pd.DataFrame({c: pd.Series(dtype=str) for c in TAGGED_COLUMNS})
        empty["confidence"] = empty["confidence"].astype(float)
        empty["score"] = empty["score"].astype(float)
        return empty, "no texts"
    tags = texts["tags"].fillna("") if "tags" in texts else pd.Series("", index=texts.index)
    tagged_mask = tags.map(lambda v: bool(split_codes(v)))
    themes = {code for value in tags[tagged_mask] for code in split_codes(value)}
    classifier = None
    note = "lexicon only"
    if tagged_mask.sum() >= MIN_TRAINING_TEXTS and len(themes) >= MIN_TRAINING_THEMES:
        classifier = train_classifier(texts[tagged_mask], seed=seed)
        reviewed = int(reviewed_rows(texts[tagged_mask]).sum())
        note = f"lexicon and a classifier trained on {int(tagged_mask.sum())} tagged texts"
        if reviewed:
            note += f" ({reviewed} of them reviewed, counted twice)"
    if "reviewed" in texts and reviewed_rows(texts).any():
        note += "; reviewed tags stand for the machine's on the texts they code"
    return tag_texts(texts, classifier=classifier), note


def _cluster(
    tagged: pd.DataFrame, params: AnalysisParams
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    if tagged.empty:
        clusters = pd.DataFrame({c: pd.Series(dtype=object) for c in CLUSTER_COLUMNS})
        assignments = pd.DataFrame({c: pd.Series(dtype=object) for c in ASSIGNMENT_COLUMNS})
        return clusters, assignments, "no texts to cluster"
    result = cluster_texts(
        tagged,
        k=params.k,
        k_range=params.k_range,
        seed=params.seed,
        reader_lang=params.reader_lang,
    )
    clusters = result.clusters
    criterion = getattr(result, "criterion", None)
    if criterion is None and "criterion" in clusters and len(clusters):
        criterion = clusters["criterion"].iloc[0]
    return clusters, result.assignments, str(criterion or "")


def _counts(
    texts: pd.DataFrame,
    ratings: pd.DataFrame,
    needs: pd.DataFrame,
    measures: pd.DataFrame,
    actions: pd.DataFrame,
) -> dict[str, object]:
    def respondents(frame: pd.DataFrame) -> int:
        return int(frame["response_id"].nunique()) if "response_id" in frame else 0

    def countries(frame: pd.DataFrame) -> set[str]:
        return set(frame["country"].dropna().astype(str)) - {""} if "country" in frame else set()

    source = texts["source"] if "source" in texts else pd.Series(dtype=str)
    return {
        "texts": len(texts),
        "texts_survey": int((source == "survey").sum()),
        "texts_interview": int((source == "interview").sum()),
        "rating_rows": len(ratings),
        "rating_respondents": respondents(ratings),
        "need_rows": len(needs),
        "need_respondents": respondents(needs),
        "measure_rows": len(measures),
        "measure_respondents": respondents(measures),
        "actions": len(actions),
        "countries": sorted(
            countries(texts) | countries(ratings) | countries(needs) | countries(measures)
        ),
    }


def _plain(values: dict) -> dict:
    """Settings as JSON-friendly values (tuples as lists, paths as text)."""
    out: dict = {}
    for key, value in values.items():
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Path):
            value = str(value)
        out[key] = value
    return out

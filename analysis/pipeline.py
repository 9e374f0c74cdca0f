"""One analysis run: tag and cluster the texts, rate and rank threats, rank actions, find gaps.

:func:`run_analysis` takes the input frames of the data contract (texts, ratings, needs,
measures, factor_gaps, strategy_ratings and the reference data) and an
:class:`AnalysisParams`, and returns an :class:`AnalysisResults`: the output tables (no NaN
in any of them; "not rated" with a note instead), the ``method`` table that explains every
setting and rule, and the ``run`` record (date, version, parameters, data counts). It is
the same call from the CLI, a background job and the tests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis.assessment import Assessment, assess
from analysis.clustering import ASSIGNMENT_COLUMNS, CLUSTER_COLUMNS, cluster_texts
from analysis.method import method_table
from analysis.prioritise import (
    action_inputs,
    gap_analysis,
    load_actions,
    rank_actions,
    regional_priorities,
    shared_population_threats,
)
from analysis.reference import Reference
from analysis.scoring import ScoringConfig, mention_shares
from analysis.seed import run_classifier, seed_statements
from analysis.sensitivity import sensitivity
from analysis.tagging import TAG_COLUMNS, reviewed_rows, tag_texts

TEXT_COLUMNS = ("id", "text", "lang", "country", "group", "source", "tags", "link")
TAGGED_COLUMNS = (*TEXT_COLUMNS, *TAG_COLUMNS)

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class AnalysisParams:
    """Parameters of one run.

    ``seed`` fixes every random step (clustering, bootstrap, sensitivity scenarios); ``k``
    fixes the number of clusters, or ``None`` lets ``k_range`` be searched; ``countries``
    limits the run to those ISO codes (``None``: all); ``min_n`` overrides the config's
    low-evidence threshold; ``reader_lang`` is the language cluster labels are written for;
    ``config_path`` points to a scoring TOML (``None``: the shipped one); ``actions_path``
    to an action catalogue (``None``: the shipped one); ``date`` (ISO 8601, given by the
    caller so that a rerun is identical) is recorded in the outputs.
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
    """Everything a run produces.

    Output tables (see each producing function for its columns): ``threat_ratings``,
    ``threat_summary``, ``factor_gaps`` (:mod:`analysis.assessment`),
    ``priorities_by_country``, ``regional_priorities``, ``shared_populations``
    (:mod:`analysis.prioritise`), ``sensitivity``, ``sensitivity_summary``
    (:mod:`analysis.sensitivity`), ``clusters``, ``cluster_assignments``, ``gaps`` (needs
    versus measures) and ``method`` (setting, value, meaning, source). ``run``: date,
    software version, parameters and data counts. ``tagged_texts``: the texts with their
    themes. ``assessment``: the numeric results behind the tables (not stored by the app).
    """

    threat_ratings: pd.DataFrame
    threat_summary: pd.DataFrame
    factor_gaps: pd.DataFrame
    priorities_by_country: pd.DataFrame
    regional_priorities: pd.DataFrame
    sensitivity: pd.DataFrame
    sensitivity_summary: pd.DataFrame
    clusters: pd.DataFrame
    cluster_assignments: pd.DataFrame
    gaps: pd.DataFrame
    method: pd.DataFrame
    shared_populations: pd.DataFrame = field(default_factory=pd.DataFrame)
    run: dict = field(default_factory=dict)
    tagged_texts: pd.DataFrame = field(default_factory=pd.DataFrame)
    assessment: Assessment | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        """The result tables by their output name, in the order they are reported."""
        return {
            "threat_summary": self.threat_summary,
            "threat_ratings": self.threat_ratings,
            "factor_gaps": self.factor_gaps,
            "priorities_by_country": self.priorities_by_country,
            "regional_priorities": self.regional_priorities,
            "shared_populations": self.shared_populations,
            "sensitivity_summary": self.sensitivity_summary,
            "sensitivity": self.sensitivity,
            "clusters": self.clusters,
            "cluster_assignments": self.cluster_assignments,
            "gaps": self.gaps,
            "method": self.method,
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
    *,
    factor_gaps: pd.DataFrame | None = None,
    strategy_ratings: pd.DataFrame | None = None,
    reference: Reference | None = None,
) -> AnalysisResults:
    """Run the whole analysis on the contract's frames.

    Inputs (any frame may be empty or ``None``; the tables that depend on it are then empty
    or "not rated"): ``texts`` (id, text, lang, country, group, source, tags, link),
    ``ratings`` (response_id, country, group, target, threat, present, scope, severity,
    irreversibility, trend), ``needs`` (response_id, country, need, rank), ``measures``
    (response_id, country, measure, effectiveness), ``factor_gaps`` (response_id, country,
    group, factor, item, gap), ``strategy_ratings`` (country, action, impact, feasibility,
    cost, source, meeting_date, ...) and ``reference`` (:class:`analysis.reference.Reference`:
    theme kinds, species ranges, populations).

    Steps, each announced through ``progress(fraction, message)``: tag the texts
    (:func:`analysis.tagging.tag_texts`, with a classifier trained on the labelled seed
    statements and the run's already-tagged texts, :mod:`analysis.seed`), cluster them
    (:func:`analysis.clustering.cluster_texts`),
    rate and rank threats and assess factor gaps with the bootstrap
    (:func:`analysis.assessment.assess`), rank actions per country and for the region
    (:mod:`analysis.prioritise`), re-rank under perturbed settings
    (:func:`analysis.sensitivity.sensitivity`), and compare needs with measures
    (:func:`analysis.prioritise.gap_analysis`).
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
    factor_gaps = _select(factor_gaps, params.countries, ())
    strategy_ratings = _select(strategy_ratings, params.countries, ())

    report(0.0, "Tagging texts")
    tagged, classifier_note = _tag(texts, params.seed)

    report(0.25, "Clustering texts")
    clusters, assignments, criterion = _cluster(tagged, params)

    report(0.45, "Rating threats and factors (bootstrap)")
    assessment = assess(
        ratings,
        factor_gaps,
        config=config,
        seed=params.seed,
        reference=reference,
        mentions=mention_shares(tagged),
    )

    report(0.65, "Ranking actions per country")
    priorities = rank_actions(assessment, actions, strategy_ratings, config=config)

    report(0.7, "Ranking actions for the region")
    shared = shared_population_threats(assessment, reference, config=config)
    regional = regional_priorities(assessment, actions, reference, strategy_ratings, config=config)

    report(0.75, "Re-ranking under perturbed settings")
    inputs = action_inputs(assessment, actions, strategy_ratings)
    detail, stability = sensitivity(assessment, inputs, config=config, seed=params.seed)

    report(0.9, "Comparing needs with measures")
    gaps = gap_analysis(needs, measures, config=config)

    kinds = (
        "reference data"
        if reference is not None and reference.theme_kinds
        else "inferred from the input frames (threats in ratings, factors in factor_gaps)"
    )
    run = {
        "date": params.date,
        "software_version": software_version(),
        "parameters": _plain(dataclasses.asdict(params)),
        "settings": _plain(dataclasses.asdict(config)),
        "data_counts": _counts(
            texts, ratings, needs, measures, factor_gaps, strategy_ratings, actions
        ),
        "tagging": classifier_note,
        "clustering_criterion": criterion,
        "theme_kinds": kinds,
    }
    report(1.0, "Done")
    return AnalysisResults(
        threat_ratings=assessment.threat_ratings(),
        threat_summary=assessment.threat_summary(),
        factor_gaps=assessment.factor_gaps(),
        priorities_by_country=priorities,
        regional_priorities=regional,
        sensitivity=detail,
        sensitivity_summary=stability,
        clusters=clusters,
        cluster_assignments=assignments,
        gaps=gaps,
        method=method_table(config, params.seed, {"theme kinds": kinds}),
        shared_populations=shared,
        run=run,
        tagged_texts=tagged,
        assessment=assessment,
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
    classifier, own = run_classifier(texts, seed)
    reviewed = int(reviewed_rows(texts).sum())
    note = (
        f"lexicon and a classifier trained on {len(seed_statements())} labelled development "
        "statements"
    )
    if own:
        note += f" and {own} tagged or reviewed texts of the run"
    if reviewed:
        note += f" ({reviewed} of them reviewed, counted twice)"
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
    factor_gaps: pd.DataFrame,
    strategy_ratings: pd.DataFrame,
    actions: pd.DataFrame,
) -> dict[str, object]:
    def respondents(frame: pd.DataFrame) -> int:
        return int(frame["response_id"].nunique()) if "response_id" in frame else 0

    def countries(frame: pd.DataFrame) -> set[str]:
        return set(frame["country"].dropna().astype(str)) - {""} if "country" in frame else set()

    source = texts["source"] if "source" in texts else pd.Series(dtype=str)
    frames = (texts, ratings, needs, measures, factor_gaps)
    return {
        "texts": len(texts),
        "texts_survey": int((source == "survey").sum()),
        "texts_interview": int((source == "interview").sum()),
        "rating_rows": len(ratings),
        "rating_respondents": respondents(ratings),
        "factor_gap_rows": len(factor_gaps),
        "factor_gap_respondents": respondents(factor_gaps),
        "strategy_rating_rows": len(strategy_ratings),
        "need_rows": len(needs),
        "need_respondents": respondents(needs),
        "measure_rows": len(measures),
        "measure_respondents": respondents(measures),
        "actions": len(actions),
        "countries": sorted(set().union(*(countries(f) for f in frames))),
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

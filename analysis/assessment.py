"""Threat ratings per target, summary threat ratings per country, contributing-factor gaps.

The Conservation Standards rate each direct threat to each target in one workshop; here many
respondents rate, so the method (docs/method.md) adds stated rules where the
standard has none:

1. Per respondent, target and threat: the Miradi rating 0..4
   (:func:`analysis.scoring.rate_responses`).
2. Across respondents, per country, target and threat (a *cell*): the **group-balanced
   mean** of the respondents' rating values (the mean within each stakeholder group, then
   the unweighted mean of the group means, so thirty answers from one group weigh as much
   as three from another), labelled by the cut-points of the config; ``share_high``, ``n``,
   the number of groups, the Tastle-Wierman agreement and a bootstrap interval. A cell from
   fewer than ``min_n`` respondents or ``min_groups`` groups is *low evidence*.
3. Across targets, per country and threat: Miradi's summary rating (3-5-7 then 2-prime,
   :func:`analysis.scoring.summary_rating`) over the labels of the cells that are not low
   evidence; threats are ranked within each country by it, ties broken by the higher
   highest target rating_value, then the higher mean target rating_value, then the threat
   code. A threat without such a cell is low evidence and not ranked.
4. Contributing factors: per respondent the mean of their answered gap items for the
   factor, then per country the group-balanced mean with the same interval and agreement.

**Bootstrap.** Respondents are resampled with replacement *within their country*: each
replicate draws as many respondents as the country has, uniformly, and a drawn respondent
brings every row they gave (every target, threat and factor). A replicate is a B x R matrix
of exact resampling counts (how many times each respondent was drawn); the group sums are
sparse matrix products of it, and the group-balanced means follow. Every replicate runs
through the whole chain: cell values -> labels (cut-points) -> summary (3-5-7, 2-prime;
which cells count is fixed by the real data's low evidence) -> ranks, so each ranked threat
has a rank interval and the probabilities of ranking first and in the top three. A group
with nobody drawn in a replicate drops out of that replicate's mean (so a one-person group
varies too); a cell with nobody drawn is unrated in that replicate, and its interval uses
the replicates where it has a value. Intervals are percentile intervals (Efron & Tibshirani
1993, ch. 13) at the configured coverage; rank intervals take observed ranks (the inverted
empirical distribution), so they are whole places.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.ranking import rank_rows, tie_rules
from analysis.reference import CONTRIBUTING_FACTOR, DIRECT_THREAT, Reference
from analysis.scoring import (
    LEVEL_LABELS,
    POOLED_TARGET,
    ScoringConfig,
    rate_responses,
    rating_levels,
    three_five_seven,
    two_prime,
)
from analysis.tables import NOT_RANKED, NOT_RATED, empty_table, join_notes, shown

RATING_COLUMNS: tuple[str, ...] = (
    "country",
    "target",
    "threat",
    "n_respondents",
    "n_groups",
    "rating",
    "rating_value",
    "ci_low",
    "ci_high",
    "share_high",
    "agreement",
    "low_evidence",
    "n_incomplete",
    "note",
)
SUMMARY_COLUMNS: tuple[str, ...] = (
    "country",
    "threat",
    "rating",
    "rank",
    "rank_low",
    "rank_high",
    "p_rank1",
    "p_top3",
    "mention_share",
    "low_evidence",
    "n_respondents",
    "level",
    "country_value",
    "n_targets",
    "target_ratings",
    "tie_rule",
    "note",
)
FACTOR_COLUMNS: tuple[str, ...] = (
    "country",
    "factor",
    "gap",
    "ci_low",
    "ci_high",
    "n_respondents",
    "agreement",
    "low_evidence",
    "n_groups",
    "mention_share",
    "note",
)

#: The threat tie rule, in words, after the summary level.
THREAT_TIE_NAMES: tuple[str, ...] = (
    "higher highest target rating_value",
    "higher mean target rating_value",
)
NO_GROUP = "(no group)"
#: Bootstrap replicates x respondents held in memory at once.
_CHUNK_CELLS = 4_000_000


# --------------------------------------------------------------------------- the chain


@dataclass(frozen=True)
class ChainResult:
    """The chain run on several rows (real data, replicates or scenarios): arrays rows x units.

    ``level``: summary level 0..4; ``value``: the country value ranks use (the level, or
    with ``text_weight`` > 0 the level mixed with mentions); ``top``/``mean``: highest and
    mean rating_value of the counted cells; ``rank``: 1..n within the country, NaN for
    threats that are not ranked.
    """

    level: np.ndarray
    value: np.ndarray
    top: np.ndarray
    mean: np.ndarray
    rank: np.ndarray


@dataclass(frozen=True)
class ThreatChain:
    """The fixed structure of the chain from cell values to ranked threats.

    Cells are (country, target, threat), sorted by unit; units are (country, threat), unit
    ``u = country_index * len(threats) + threat_index``. ``eligible``: the cell is not low
    evidence in the real data, so it counts in the summary (in every replicate and
    scenario). ``unit_ranked``: the unit has an eligible cell. ``mention``: the unit's
    mention share (NaN without texts).
    """

    countries: tuple[str, ...]
    threats: tuple[str, ...]
    cell_unit: np.ndarray
    eligible: np.ndarray
    unit_ranked: np.ndarray
    mention: np.ndarray

    @property
    def n_units(self) -> int:
        """Number of (country, threat) units: countries x threats."""
        return len(self.countries) * len(self.threats)

    def run(
        self, values: np.ndarray, cuts: np.ndarray, text_weight: np.ndarray | float
    ) -> ChainResult:
        """Run the chain on ``values`` (rows x cells; NaN = cell unrated in that row).

        ``cuts``: the four cut-points, shape (4,) or (rows, 4); ``text_weight``: a number or
        one per row. A threat's country value = (1 - w) x level + w x 4 x mention_share
        (the level alone where there are no texts, or w = 0).
        """
        values = np.atleast_2d(np.asarray(values, dtype=float))
        rows, n_cells = values.shape
        n_units = self.n_units
        membership = np.zeros((n_cells, n_units))
        membership[np.arange(n_cells), self.cell_unit] = 1.0
        labels = rating_levels(values, cuts)
        counted = (labels >= 0) & self.eligible[None, :]
        counts = np.zeros((rows, n_units, 4), dtype=np.int64)
        for level in range(1, 5):
            hits = ((labels == level) & counted).astype(float) @ membership
            counts[:, :, level - 1] = np.rint(hits).astype(np.int64)
        level = two_prime(three_five_seven(counts)).astype(float)

        kept = np.where(counted, values, np.nan)
        n_counted = counted.astype(float) @ membership
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(n_counted > 0, np.nan_to_num(kept) @ membership / n_counted, np.nan)
        top = np.full((rows, n_units), np.nan)
        with_cells, starts = np.unique(self.cell_unit, return_index=True)
        if len(with_cells):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                top[:, with_cells] = np.fmax.reduceat(kept, starts, axis=1)

        weight = np.broadcast_to(np.asarray(text_weight, dtype=float), (rows,))[:, None]
        mention = self.mention[None, :]
        value = np.where(np.isnan(mention), level, (1 - weight) * level + weight * 4 * mention)

        rank = np.full((rows, n_units), np.nan)
        n_threats = len(self.threats)
        for c in range(len(self.countries)):
            units = np.arange(c * n_threats, (c + 1) * n_threats)
            units = units[self.unit_ranked[units]]
            if not len(units):
                continue
            ranks = rank_rows([value[:, units], top[:, units], mean[:, units]], [True, True, True])
            rank[:, units] = ranks
        level[:, ~self.unit_ranked] = np.nan
        value[:, ~self.unit_ranked] = np.nan
        return ChainResult(level=level, value=value, top=top, mean=mean, rank=rank)


# --------------------------------------------------------------------------- the result


@dataclass
class Assessment:
    """Numeric results of :func:`assess` and the structure to re-run its chain.

    * ``cells``: one row per (country, target, threat) with any answer: n_respondents,
      n_incomplete, n_groups, rating_value, level (label 0..4), ci_low, ci_high,
      share_high, agreement, low_evidence, in_range (species listed for the country:
      True/False, None without reference data).
    * ``summary``: one row per (country, threat): level, country_value, top, mean,
      n_targets, n_respondents, ranked, rank, rank_low, rank_high, p_rank1, p_top3, mention_share,
      low_evidence, tie_rule.
    * ``factors``: one row per (country, factor): gap, ci_low, ci_high, n_respondents,
      n_groups, agreement, low_evidence, mention_share.
    * ``chain``: :class:`ThreatChain` to re-rank the real cell values under other settings.

    NaN marks what does not exist; :meth:`threat_ratings`, :meth:`threat_summary` and
    :meth:`factor_gaps` give the output tables, where it never appears.
    """

    cells: pd.DataFrame
    summary: pd.DataFrame
    factors: pd.DataFrame
    chain: ThreatChain
    config: ScoringConfig

    def cell_values(self) -> np.ndarray:
        """The real rating_value of each cell, in the chain's cell order."""
        return self.cells["rating_value"].to_numpy(dtype=float)

    def threat_ratings(self) -> pd.DataFrame:
        """The ``threat_ratings`` output table (:data:`RATING_COLUMNS`).

        One row per country, target and threat with any answer, sorted by country, target
        and threat: ``n_respondents`` with a rating value (0 = not present counts),
        ``n_groups`` among them, ``rating`` (label by the cut-points), ``rating_value``
        (group-balanced mean), ``ci_low``/``ci_high`` (bootstrap percentile interval),
        ``share_high`` (share rating High or Very high), ``agreement`` (Tastle-Wierman),
        ``low_evidence``, ``n_incomplete`` (said present, left a criterion unrated:
        excluded) and ``note``.
        """
        cells = self.cells
        if cells.empty:
            return empty_table(RATING_COLUMNS)
        cfg = self.config
        rated = cells["n_respondents"].to_numpy() > 0
        level = cells["level"].to_numpy()
        labels = np.where(rated, [LEVEL_LABELS[max(int(v), 0)] for v in level], NOT_RATED)
        none_rated = [
            f"not rated: nobody gave a complete rating ({n} incomplete)" if not r else ""
            for r, n in zip(rated, cells["n_incomplete"], strict=True)
        ]
        low = [
            _low_evidence_reason(n, g, cfg) if flag and r else ""
            for n, g, flag, r in zip(
                cells["n_respondents"], cells["n_groups"], cells["low_evidence"], rated, strict=True
            )
        ]
        incomplete = [
            f"{n} incomplete rating(s) excluded" if n and r else ""
            for n, r in zip(cells["n_incomplete"], rated, strict=True)
        ]
        ranges = [
            f"{t} is not listed for {c} in the species ranges" if ok is False else ""
            for t, c, ok in zip(cells["target"], cells["country"], cells["in_range"], strict=True)
        ]
        out = pd.DataFrame(
            {
                "country": cells["country"].astype(object),
                "target": cells["target"].astype(object),
                "threat": cells["threat"].astype(object),
                "n_respondents": cells["n_respondents"].astype(np.int64),
                "n_groups": cells["n_groups"].astype(np.int64),
                "rating": labels.astype(object),
                "rating_value": shown(cells["rating_value"]),
                "ci_low": shown(cells["ci_low"]),
                "ci_high": shown(cells["ci_high"]),
                "share_high": shown(cells["share_high"]),
                "agreement": shown(cells["agreement"]),
                "low_evidence": cells["low_evidence"].astype(bool),
                "n_incomplete": cells["n_incomplete"].astype(np.int64),
                "note": join_notes(none_rated, low, incomplete, ranges),
            }
        )
        out = out.sort_values(["country", "target", "threat"], kind="stable")
        return out.reset_index(drop=True)[list(RATING_COLUMNS)]

    def threat_summary(self) -> pd.DataFrame:
        """The ``threat_summary`` output table (:data:`SUMMARY_COLUMNS`).

        One row per country and direct threat, sorted by country then rank (threats not
        ranked last, by code): ``rating`` (Miradi summary over the targets not low
        evidence), ``rank`` within the country with ``rank_low``/``rank_high`` (bootstrap
        percentile interval of the rank), ``p_rank1``/``p_top3`` (share of replicates
        ranking it first / in the top three), ``mention_share`` (share of the country's
        texts mentioning it), ``low_evidence`` (no target rating with enough evidence),
        ``n_respondents`` (respondents who rated the threat for any target in the country),
        ``level`` (0..4), ``country_value`` (the value ranks and priorities use: the level,
        mixed with mentions only when text_weight > 0), ``n_targets`` (target ratings
        counted), ``target_ratings`` (each target's label, value and n), ``tie_rule`` (the
        rule that decided its place where it tied on country_value) and ``note``.
        """
        summary = self.summary
        if summary.empty:
            return empty_table(SUMMARY_COLUMNS)
        ranked = summary["ranked"].to_numpy(dtype=bool)
        rating = np.where(
            ranked,
            [LEVEL_LABELS[int(v)] if v == v else "" for v in summary["level"]],
            NOT_RATED,
        )
        not_ranked = np.where(ranked, "", summary["why_not_ranked"].astype(str))
        no_texts = np.where(
            summary["mention_share"].isna(), "mention_share: no texts from this country", ""
        )

        def rank_shown(column: str, integer: bool = False) -> np.ndarray:
            values = summary[column].where(ranked)
            return shown(values, NOT_RANKED, integer=integer)

        out = pd.DataFrame(
            {
                "country": summary["country"].astype(object),
                "threat": summary["threat"].astype(object),
                "rating": rating.astype(object),
                "rank": rank_shown("rank", integer=True),
                "rank_low": rank_shown("rank_low", integer=True),
                "rank_high": rank_shown("rank_high", integer=True),
                "p_rank1": rank_shown("p_rank1"),
                "p_top3": rank_shown("p_top3"),
                "mention_share": shown(summary["mention_share"]),
                "low_evidence": ~ranked,
                "n_respondents": summary["n_respondents"].astype(np.int64),
                "level": shown(summary["level"].where(ranked), integer=True),
                "country_value": shown(summary["country_value"].where(ranked)),
                "n_targets": summary["n_targets"].astype(np.int64),
                "target_ratings": summary["target_ratings"].astype(object),
                "tie_rule": summary["tie_rule"].astype(object),
                "note": join_notes(list(not_ranked), list(no_texts)),
            }
        )
        order = summary["rank"].fillna(np.inf).to_numpy()
        out = out.iloc[np.lexsort((summary["threat"].to_numpy(), order, summary["country"]))]
        return out.reset_index(drop=True)[list(SUMMARY_COLUMNS)]

    def factor_gaps(self) -> pd.DataFrame:
        """The ``factor_gaps`` output table (:data:`FACTOR_COLUMNS`).

        One row per country and contributing factor, sorted by country and factor:
        ``gap`` (group-balanced mean of the respondents' gaps, 1 = adequate .. 4 = very
        inadequate), ``ci_low``/``ci_high`` (bootstrap percentile interval, the same
        replicates as the threats), ``n_respondents``, ``agreement`` (Tastle-Wierman on the
        1..4 scale), ``low_evidence``, ``n_groups``, ``mention_share`` and ``note``. Never
        ranked beside the threats.
        """
        factors = self.factors
        if factors.empty:
            return empty_table(FACTOR_COLUMNS)
        cfg = self.config
        answered = factors["n_respondents"].to_numpy() > 0
        none = np.where(answered, "", "not rated: nobody answered its gap questions")
        low = [
            _low_evidence_reason(n, g, cfg) if flag and a else ""
            for n, g, flag, a in zip(
                factors["n_respondents"],
                factors["n_groups"],
                factors["low_evidence"],
                answered,
                strict=True,
            )
        ]
        no_texts = np.where(
            factors["mention_share"].isna(), "mention_share: no texts from this country", ""
        )
        out = pd.DataFrame(
            {
                "country": factors["country"].astype(object),
                "factor": factors["factor"].astype(object),
                "gap": shown(factors["gap"]),
                "ci_low": shown(factors["ci_low"]),
                "ci_high": shown(factors["ci_high"]),
                "n_respondents": factors["n_respondents"].astype(np.int64),
                "agreement": shown(factors["agreement"]),
                "low_evidence": factors["low_evidence"].astype(bool),
                "n_groups": factors["n_groups"].astype(np.int64),
                "mention_share": shown(factors["mention_share"]),
                "note": join_notes(list(none), low, list(no_texts)),
            }
        )
        return out.reset_index(drop=True)[list(FACTOR_COLUMNS)]


def _low_evidence_reason(n: int, groups: int, cfg: ScoringConfig) -> str:
    parts = []
    if n < cfg.min_n:
        parts.append(f"{n} respondent(s) < {cfg.min_n}")
    if groups < cfg.min_groups:
        parts.append(f"{groups} stakeholder group(s) < {cfg.min_groups}")
    return "low evidence: " + " and ".join(parts) if parts else ""


# --------------------------------------------------------------------------- inputs


def _require(frame: pd.DataFrame | None, name: str, columns: tuple[str, ...]) -> None:
    """Raise ``ValueError`` naming the columns a non-empty input frame lacks."""
    if frame is None or frame.empty:
        return
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks the column(s) {', '.join(missing)} (data contract)")


def _clean_text(values: pd.Series) -> np.ndarray:
    """Codes as stripped text, "" for missing; works on the distinct values only."""
    codes, uniques = pd.factorize(values)
    cleaned = np.array([str(u).strip() for u in uniques] + [""], dtype=object)
    return cleaned[codes]


def rating_observations(ratings: pd.DataFrame | None) -> pd.DataFrame:
    """The ratings frame cleaned and rated: one row per respondent, target and threat.

    Input: the contract's ``ratings`` frame. Output columns: country, response_id, group,
    target, threat, present, scope, severity, irreversibility, magnitude, rating_value
    (float 0..4, NaN when excluded) and status (see
    :func:`analysis.scoring.rate_responses`). Rows without a country, respondent, target
    or threat are dropped; when a respondent gives the same target and threat twice (a
    resubmission) the last row counts, so nobody counts twice. A missing group becomes
    "(no group)". A non-empty frame without response_id, country, target, threat or present
    raises ``ValueError``.
    """
    columns = ["country", "response_id", "group", "target", "threat"]
    _require(ratings, "ratings", ("response_id", "country", "target", "threat", "present"))
    if ratings is None or ratings.empty:
        frame = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        frame["rating_value"] = pd.Series(dtype=float)
        frame["status"] = pd.Series(dtype=object)
        return frame
    frame = rate_responses(ratings.reset_index(drop=True))
    for column in columns:
        if column not in frame:
            frame[column] = POOLED_TARGET if column == "target" else ""
        frame[column] = _clean_text(frame[column])
    frame.loc[frame["group"] == "", "group"] = NO_GROUP
    frame = frame[
        (frame["country"] != "")
        & (frame["response_id"] != "")
        & (frame["target"] != "")
        & (frame["threat"] != "")
    ]
    frame = frame.drop_duplicates(["country", "response_id", "target", "threat"], keep="last")
    frame["rating_value"] = (
        frame["rating_value"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    )
    return frame.reset_index(drop=True)


def factor_observations(factor_gaps: pd.DataFrame | None) -> pd.DataFrame:
    """Each respondent's gap per factor: the mean of their answered items for it.

    Input: the contract's ``factor_gaps`` frame (response_id, country, group, factor, item,
    gap 1..4 or NA for "don't know"). Output: country, response_id, group, factor, gap
    (float; NaN when they answered none of its items), n_items (items answered). An item
    given twice counts once (the last). A non-empty frame without response_id, country,
    factor or gap raises ``ValueError``.
    """
    columns = ["country", "response_id", "group", "factor"]
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    empty["gap"] = pd.Series(dtype=float)
    empty["n_items"] = pd.Series(dtype=np.int64)
    _require(factor_gaps, "factor_gaps", ("response_id", "country", "factor", "gap"))
    if factor_gaps is None or factor_gaps.empty:
        return empty
    frame = factor_gaps.reset_index(drop=True).copy()
    for column in [*columns, "item"]:
        if column not in frame:
            frame[column] = ""
        frame[column] = _clean_text(frame[column])
    frame.loc[frame["group"] == "", "group"] = NO_GROUP
    gap = pd.to_numeric(frame["gap"], errors="coerce") if "gap" in frame else np.nan
    frame["gap"] = pd.Series(gap, index=frame.index, dtype=float)
    frame.loc[~frame["gap"].isin([1.0, 2.0, 3.0, 4.0]), "gap"] = np.nan
    frame = frame[(frame["country"] != "") & (frame["response_id"] != "") & (frame["factor"] != "")]
    if frame.empty:
        return empty
    frame = frame.drop_duplicates(["country", "response_id", "factor", "item"], keep="last")
    grouped = frame.groupby(["country", "response_id", "factor"], sort=True)
    out = grouped.agg(group=("group", "first"), gap=("gap", "mean"), n_items=("gap", "count"))
    out = out.reset_index()
    out["n_items"] = out["n_items"].astype(np.int64)
    return out[["country", "response_id", "group", "factor", "gap", "n_items"]]


# --------------------------------------------------------------------------- assess


def assess(
    ratings: pd.DataFrame | None,
    factor_gaps: pd.DataFrame | None = None,
    *,
    config: ScoringConfig | None = None,
    seed: int = 0,
    reference: Reference | None = None,
    mentions: pd.DataFrame | None = None,
) -> Assessment:
    """Rate every threat to every target, summarise per country and rank, assess factor gaps.

    Input: the contract's ``ratings`` and ``factor_gaps`` frames (either may be None);
    ``config`` (weights, cut-points, thresholds, bootstrap size); ``seed`` (the bootstrap
    of each country is seeded by ``seed`` and the country code, so a country's numbers do
    not change when others are added); ``reference`` (theme kinds and species ranges;
    without it, threats are the codes in ``ratings.threat`` and factors those in
    ``factor_gaps.factor``); ``mentions`` from :func:`analysis.scoring.mention_shares`.
    Ratings of a theme the reference calls a contributing factor are not used as threats.
    Output: :class:`Assessment` (numeric frames and the output tables); the method is in
    this module's docstring.
    """
    cfg = config or ScoringConfig()
    ref = reference or Reference()
    obs = rating_observations(ratings)
    fobs = factor_observations(factor_gaps)
    factor_codes = set(ref.themes_of_kind(CONTRIBUTING_FACTOR))
    obs = obs[~obs["threat"].isin(factor_codes)].reset_index(drop=True)
    threat_codes = set(ref.themes_of_kind(DIRECT_THREAT))
    fobs = fobs[~fobs["factor"].isin(threat_codes)].reset_index(drop=True)

    _one_group_per_respondent(obs, fobs)

    threats = tuple(sorted(threat_codes | set(obs["threat"])))
    factors = tuple(sorted(factor_codes | set(fobs["factor"])))
    countries = tuple(sorted(set(obs["country"]) | set(fobs["country"])))

    cells = (
        obs[["country", "threat", "target"]]
        .drop_duplicates()
        .sort_values(["country", "threat", "target"], kind="stable")
        .reset_index(drop=True)
    )
    country_index = {c: i for i, c in enumerate(countries)}
    threat_index = {t: i for i, t in enumerate(threats)}
    factor_index = {f: i for i, f in enumerate(factors)}
    cell_unit = cells["country"].map(country_index).to_numpy(dtype=np.int64) * len(threats) + cells[
        "threat"
    ].map(threat_index).to_numpy(dtype=np.int64)
    n_cells = len(cells)
    cell_key = pd.MultiIndex.from_frame(cells[["country", "target", "threat"]])
    obs["cell"] = cell_key.get_indexer(
        pd.MultiIndex.from_frame(obs[["country", "target", "threat"]])
    )
    fobs["unit"] = fobs["country"].map(country_index).to_numpy(dtype=np.int64) * len(
        factors
    ) + fobs["factor"].map(factor_index).to_numpy(dtype=np.int64)

    values = _bootstrap(obs, fobs, countries, n_cells, len(countries) * len(factors), cfg, seed)
    tail = (1.0 - cfg.interval) / 2.0

    cell_stats = _cell_stats(obs, n_cells, cfg)
    cells = pd.concat([cells, cell_stats], axis=1)
    cells["rating_value"] = values[0, :n_cells]
    cells.loc[cells["n_respondents"] == 0, "rating_value"] = np.nan
    cells["level"] = rating_levels(cells["rating_value"].to_numpy(), cfg.cuts)
    cells["ci_low"], cells["ci_high"] = _percentiles(values[1:, :n_cells], tail)
    cells["in_range"] = [
        None if t == POOLED_TARGET else ref.occurs(t, c)
        for c, t in zip(cells["country"], cells["target"], strict=True)
    ]

    mention = _unit_mentions(mentions, countries, threats)
    chain = ThreatChain(
        countries=countries,
        threats=threats,
        cell_unit=cell_unit,
        eligible=~cells["low_evidence"].to_numpy(dtype=bool),
        unit_ranked=np.bincount(
            cell_unit[~cells["low_evidence"].to_numpy(dtype=bool)],
            minlength=len(countries) * len(threats),
        )
        > 0,
        mention=mention,
    )
    result = chain.run(values[:, :n_cells], np.asarray(cfg.cuts), cfg.text_weight)
    summary = _summary_frame(chain, cells, result, tail)
    rated = obs[obs["rating_value"].notna()]
    people = rated.groupby(cell_unit[rated["cell"].to_numpy(dtype=np.int64)])["response_id"]
    n_people = people.nunique()
    summary["n_respondents"] = 0
    summary.loc[n_people.index.to_numpy(dtype=np.int64), "n_respondents"] = n_people.to_numpy()

    factor_values = values[:, n_cells:]
    factors_frame = _factor_frame(fobs, countries, factors, factor_values, tail, cfg, mentions)
    return Assessment(cells=cells, summary=summary, factors=factors_frame, chain=chain, config=cfg)


def _one_group_per_respondent(obs: pd.DataFrame, fobs: pd.DataFrame) -> None:
    """Give every row of a respondent the group of their first row (in place).

    The loader gives one group per response; should rows disagree, the respondent still
    counts in one group only, the same in the averages, the counts and the bootstrap.
    """
    people = pd.concat(
        [obs[["country", "response_id", "group"]], fobs[["country", "response_id", "group"]]],
        ignore_index=True,
    ).drop_duplicates(["country", "response_id"], ignore_index=True)
    index = pd.MultiIndex.from_frame(people[["country", "response_id"]])
    groups = people["group"].to_numpy(dtype=object)
    for frame in (obs, fobs):
        if len(frame):
            where = index.get_indexer(pd.MultiIndex.from_frame(frame[["country", "response_id"]]))
            frame["group"] = groups[where]


def _percentiles(replicates: np.ndarray, tail: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column over the replicates that have a value."""
    low = np.full(replicates.shape[1], np.nan)
    high = low.copy()
    defined = ~np.isnan(replicates).all(axis=0) if replicates.size else np.zeros(0, bool)
    if defined.any():
        low[defined], high[defined] = np.nanquantile(
            replicates[:, defined], [tail, 1.0 - tail], axis=0
        )
    return low, high


def _cell_stats(obs: pd.DataFrame, n_cells: int, cfg: ScoringConfig) -> pd.DataFrame:
    """n_respondents, n_groups, n_incomplete, share_high, agreement, low_evidence per cell."""
    rated = obs[obs["rating_value"].notna()]
    cell = rated["cell"].to_numpy(dtype=np.int64)
    value = rated["rating_value"].to_numpy(dtype=np.int64)
    counts = np.bincount(cell * 5 + value, minlength=n_cells * 5).reshape(n_cells, 5)
    n = counts.sum(axis=1)
    groups = rated.groupby("cell")["group"].nunique()
    n_groups = np.zeros(n_cells, dtype=np.int64)
    n_groups[groups.index.to_numpy(dtype=np.int64)] = groups.to_numpy()
    incomplete = np.bincount(
        obs.loc[obs["status"] == "incomplete", "cell"].to_numpy(dtype=np.int64),
        minlength=n_cells,
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        share_high = np.where(n > 0, counts[:, 3:].sum(axis=1) / np.maximum(n, 1), np.nan)
    return pd.DataFrame(
        {
            "n_respondents": n.astype(np.int64),
            "n_groups": n_groups,
            "n_incomplete": incomplete.astype(np.int64),
            "share_high": share_high,
            "agreement": _agreement_from_counts(counts, width=4.0),
            "low_evidence": (n < max(cfg.min_n, 1)) | (n_groups < cfg.min_groups),
        }
    )


def _agreement_from_counts(counts: np.ndarray, width: float) -> np.ndarray:
    """Tastle-Wierman consensus per row of counts at the levels 0..k (see scoring)."""
    n = counts.sum(axis=1, keepdims=True)
    levels = np.arange(counts.shape[1], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = counts / np.maximum(n, 1)
        mu = p @ levels
        distance = np.abs(levels[None, :] - mu[:, None]) / width
        logs = np.log2(np.maximum(1.0 - distance, 1e-300))
        terms = np.where(p > 0, p * logs, 0.0)
    return np.where(n[:, 0] > 0, 1.0 + terms.sum(axis=1), np.nan)


def _unit_mentions(
    mentions: pd.DataFrame | None, countries: tuple[str, ...], themes: tuple[str, ...]
) -> np.ndarray:
    """Mention share per (country, theme) unit in unit order; NaN for a country without texts."""
    out = np.full(len(countries) * len(themes), np.nan)
    if mentions is None or mentions.empty:
        return out
    share = mentions.set_index(["country", "theme"])["mention_share"]
    with_texts = set(mentions.loc[mentions["mention_share"].notna(), "country"])
    for c, country in enumerate(countries):
        # a country with texts that never mention a theme has a share of 0 for it
        default = 0.0 if country in with_texts else np.nan
        for t, theme in enumerate(themes):
            value = share.get((country, theme), default)
            out[c * len(themes) + t] = float(value) if value == value else default
    return out


# --------------------------------------------------------------------------- bootstrap


def _country_key(seed: int, country: str) -> np.random.SeedSequence:
    return np.random.SeedSequence([int(seed), *country.encode("utf-8")])


def _bootstrap(
    obs: pd.DataFrame,
    fobs: pd.DataFrame,
    countries: tuple[str, ...],
    n_cells: int,
    n_factor_units: int,
    cfg: ScoringConfig,
    seed: int,
) -> np.ndarray:
    """Group-balanced means of every cell and factor unit, real and resampled.

    Output: array (1 + resamples) x (n_cells + n_factor_units); row 0 is the real data,
    row 1 + b replicate b; NaN where a column has no value in that row. Per country the
    respondents are numbered 0..R-1; a replicate's counts W (B x R) come from R uniform
    draws with replacement (exact bootstrap counts). For the (unit, group) pairs, the group
    sums are V @ W.T and the group sizes I @ W.T, with V (pairs x R) the sparse matrix of
    the respondents' values and I its pattern; group means are their ratio where the group
    was drawn, and the unit's value the mean of the group means drawn.
    """
    n_units = n_cells + n_factor_units
    out = np.full((1 + cfg.resamples, n_units), np.nan)
    parts = [
        obs.loc[obs["rating_value"].notna(), ["country", "response_id", "group"]].assign(
            unit=obs.loc[obs["rating_value"].notna(), "cell"].to_numpy(dtype=np.int64),
            value=obs.loc[obs["rating_value"].notna(), "rating_value"].to_numpy(dtype=float),
        ),
        fobs.loc[fobs["gap"].notna(), ["country", "response_id", "group"]].assign(
            unit=n_cells + fobs.loc[fobs["gap"].notna(), "unit"].to_numpy(dtype=np.int64),
            value=fobs.loc[fobs["gap"].notna(), "gap"].to_numpy(dtype=float),
        ),
    ]
    data = pd.concat(parts, ignore_index=True)
    people = pd.concat(
        [obs[["country", "response_id", "group"]], fobs[["country", "response_id", "group"]]],
        ignore_index=True,
    ).drop_duplicates(["country", "response_id"], ignore_index=True)
    group_codes = {g: i for i, g in enumerate(sorted(set(people["group"])))}
    n_group_codes = max(len(group_codes), 1)
    local = people.groupby("country", sort=False).cumcount().to_numpy(dtype=np.int64)
    group_of = people["group"].map(group_codes).to_numpy(dtype=np.int64)
    person = pd.MultiIndex.from_frame(people[["country", "response_id"]]).get_indexer(
        pd.MultiIndex.from_frame(data[["country", "response_id"]])
    )
    data_respondent = local[person]
    data_group = group_of[person]
    n_people_of = people.groupby("country").size()
    rows_of = data.groupby("country", sort=False).indices
    for country in countries:
        n_people = int(n_people_of.get(country, 0))
        mine = rows_of.get(country)
        if not n_people or mine is None or not len(mine):
            continue
        respondent = data_respondent[mine]
        unit = data["unit"].to_numpy(dtype=np.int64)[mine]
        pair_key = unit * n_group_codes + data_group[mine]
        pairs, pair_of_row = np.unique(pair_key, return_inverse=True)
        units, starts = np.unique(pairs // n_group_codes, return_index=True)
        shape = (len(pairs), n_people)
        values = sparse.csr_matrix(
            (data["value"].to_numpy(dtype=float)[mine], (pair_of_row, respondent)), shape
        )
        pattern = sparse.csr_matrix((np.ones(len(mine)), (pair_of_row, respondent)), shape)
        out[0, units] = _unit_means(values, pattern, starts, np.ones((n_people, 1)))[:, 0]
        rng = np.random.default_rng(_country_key(seed, country))
        chunk = max(1, min(cfg.resamples, _CHUNK_CELLS // n_people))
        for start in range(0, cfg.resamples, chunk):
            size = min(chunk, cfg.resamples - start)
            draws = rng.integers(0, n_people, size=(size, n_people))
            offsets = (np.arange(size) * n_people)[:, None]
            counts = np.bincount((draws + offsets).ravel(), minlength=size * n_people)
            weights = counts.reshape(size, n_people).T.astype(float)
            out[1 + start : 1 + start + size, units] = _unit_means(
                values, pattern, starts, weights
            ).T
    return out


def _unit_means(
    values: sparse.csr_matrix, pattern: sparse.csr_matrix, starts: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Group-balanced mean per unit (rows) for each column of respondent weights (R x b).

    ``values``/``pattern``: (unit, group) pairs x respondents, pairs sorted by unit with
    each unit's first pair at ``starts``. A group's mean is its weighted sum over its
    weighted size; groups of zero weight (nobody drawn) drop out; NaN where none is left.
    """
    sums = values @ weights
    sizes = pattern @ weights
    drawn = sizes > 0
    means = np.where(drawn, sums / np.where(drawn, sizes, 1.0), 0.0)
    total = np.add.reduceat(means, starts, axis=0)
    n_drawn = np.add.reduceat(drawn.astype(float), starts, axis=0)
    return np.where(n_drawn > 0, total / np.where(n_drawn > 0, n_drawn, 1.0), np.nan)


# --------------------------------------------------------------------------- frames


def _summary_frame(
    chain: ThreatChain, cells: pd.DataFrame, result: ChainResult, tail: float
) -> pd.DataFrame:
    countries, threats = chain.countries, chain.threats
    n_units = chain.n_units
    real_rank = result.rank[0]
    replicate_ranks = result.rank[1:]
    frame = pd.DataFrame(
        {
            "country": np.repeat(countries, len(threats)).astype(object),
            "threat": np.tile(threats, len(countries)).astype(object),
            "level": result.level[0],
            "country_value": result.value[0],
            "top": result.top[0],
            "mean": result.mean[0],
            "ranked": chain.unit_ranked,
            "rank": real_rank,
            "mention_share": chain.mention,
        }
    )
    frame["n_targets"] = np.bincount(chain.cell_unit[chain.eligible], minlength=n_units).astype(
        np.int64
    )
    rank_low = np.full(n_units, np.nan)
    rank_high = rank_low.copy()
    p_rank1 = rank_low.copy()
    p_top3 = rank_low.copy()
    if len(replicate_ranks):
        ranked = chain.unit_ranked
        rank_low[ranked] = np.quantile(
            replicate_ranks[:, ranked], tail, axis=0, method="inverted_cdf"
        )
        rank_high[ranked] = np.quantile(
            replicate_ranks[:, ranked], 1.0 - tail, axis=0, method="inverted_cdf"
        )
        p_rank1[ranked] = (replicate_ranks[:, ranked] == 1).mean(axis=0)
        p_top3[ranked] = (replicate_ranks[:, ranked] <= 3).mean(axis=0)
    frame["rank_low"], frame["rank_high"] = rank_low, rank_high
    frame["p_rank1"], frame["p_top3"] = p_rank1, p_top3
    frame["low_evidence"] = ~chain.unit_ranked

    tie = [""] * n_units
    n_threats = len(threats)
    for c in range(len(countries)):
        units = np.arange(c * n_threats, (c + 1) * n_threats)
        units = units[chain.unit_ranked[units]]
        if len(units) < 2:
            continue
        rules = tie_rules(
            [result.value[0, units], result.top[0, units], result.mean[0, units]],
            [True, True, True],
            THREAT_TIE_NAMES,
            real_rank[units],
            [threats[u % n_threats] for u in units],
        )
        for u, rule in zip(units, rules, strict=True):
            tie[u] = rule
    frame["tie_rule"] = tie

    described: list[list[str]] = [[] for _ in range(n_units)]
    reasons: list[list[str]] = [[] for _ in range(n_units)]
    for unit, cell in zip(chain.cell_unit, cells.itertuples(index=False), strict=True):
        if cell.n_respondents == 0:
            described[unit].append(f"{cell.target} not rated")
            reasons[unit].append(f"{cell.target}: nobody gave a complete rating")
            continue
        label = LEVEL_LABELS[int(cell.level)]
        if cell.low_evidence:
            described[unit].append(
                f"{cell.target} {label} {cell.rating_value:.2f} (n={cell.n_respondents}, "
                "low evidence, not counted)"
            )
            reasons[unit].append(f"{cell.target}: n={cell.n_respondents}, {cell.n_groups} group(s)")
        else:
            described[unit].append(
                f"{cell.target} {label} {cell.rating_value:.2f} (n={cell.n_respondents})"
            )
    frame["target_ratings"] = ["; ".join(d) for d in described]
    frame["why_not_ranked"] = [
        "not ranked: no respondent rated this threat in this country"
        if not r
        else "not ranked: no target rating with enough evidence (" + "; ".join(r) + ")"
        for r in reasons
    ]
    return frame


def _factor_frame(
    fobs: pd.DataFrame,
    countries: tuple[str, ...],
    factors: tuple[str, ...],
    values: np.ndarray,
    tail: float,
    cfg: ScoringConfig,
    mentions: pd.DataFrame | None,
) -> pd.DataFrame:
    n_units = len(countries) * len(factors)
    frame = pd.DataFrame(
        {
            "country": np.repeat(countries, len(factors)).astype(object),
            "factor": np.tile(factors, len(countries)).astype(object),
        }
    )
    answered = fobs[fobs["gap"].notna()]
    unit = answered["unit"].to_numpy(dtype=np.int64)
    n = np.bincount(unit, minlength=n_units)
    groups = answered.groupby("unit")["group"].nunique()
    n_groups = np.zeros(n_units, dtype=np.int64)
    n_groups[groups.index.to_numpy(dtype=np.int64)] = groups.to_numpy()
    frame["gap"] = values[0] if len(values) else np.nan
    frame["ci_low"], frame["ci_high"] = _percentiles(values[1:], tail)
    frame["n_respondents"] = n.astype(np.int64)
    frame["n_groups"] = n_groups
    # Tastle-Wierman on the respondents' gaps (scale 1..4, width 3); a respondent whose
    # gap is the mean of two items may sit between levels, and counts as that value.
    mu = answered.groupby("unit")["gap"].transform("mean").to_numpy()
    gaps = answered["gap"].to_numpy()
    with np.errstate(divide="ignore"):
        logs = np.log2(np.maximum(1.0 - np.abs(gaps - mu) / 3.0, 1e-300))
    sums = np.bincount(unit, weights=logs, minlength=n_units)
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["agreement"] = np.where(n > 0, 1.0 + sums / np.maximum(n, 1), np.nan)
    frame["low_evidence"] = (n < max(cfg.min_n, 1)) | (n_groups < cfg.min_groups)
    frame["mention_share"] = _unit_mentions(mentions, countries, factors)
    return frame

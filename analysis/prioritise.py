"""Prioritised actions per country and for the region, and the gap between needs and measures.

Actions come from the programme of work's catalogue (``analysis/data/actions.csv``). Each is
linked to the threat themes it addresses and rated, as in the Conservation Standards' strategy
rating (CMP, *Open Standards for the Practice of Conservation* v4.0, step 2C; Miradi's
strategy rating), for potential impact and feasibility on the four-level scale; the summary
strategy rating is min(impact, feasibility):

    1 Not effective · 2 Less effective · 3 Effective · 4 Very effective

A country's priority for an action is the threat it answers (from
:func:`analysis.scoring.threat_scores`) times how effective the action is, adjusted for cost;
see :func:`rank_actions`. :func:`regional_priorities` does the same across range states and
raises transboundary actions on threats that several range states share.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.scoring import THEMES, ScoringConfig, split_codes

DEFAULT_ACTIONS_PATH = Path(__file__).parent / "data" / "actions.csv"

STRATEGY_LABELS: dict[int, str] = {
    1: "Not effective",
    2: "Less effective",
    3: "Effective",
    4: "Very effective",
}
COST_LABELS: dict[int, str] = {1: "low", 2: "medium", 3: "high"}
ACTION_COLUMNS: tuple[str, ...] = (
    "code",
    "title_en",
    "title_ru",
    "title_zh",
    "title_mn",
    "title_fa",
    "objective",
    "themes",
    "transboundary",
    "impact",
    "feasibility",
    "cost",
)

NEEDS: tuple[str, ...] = (
    "capacity",
    "funding",
    "legislation",
    "enforcement",
    "data",
    "cooperation",
)

#: Measures (questionnaire codes) that answer each need. A respondent "has" a need covered
#: when they report at least one of its measures in place.
NEED_MEASURES: dict[str, tuple[str, ...]] = {
    # trained, equipped staff on the ground
    "capacity": ("anti_poaching", "protected_areas", "monitoring"),
    # the measures that cannot run without sustained money
    "funding": (
        "protected_areas",
        "community_programmes",
        "wildlife_crossings",
        "livestock_management",
    ),
    "legislation": ("legislation",),
    "enforcement": ("anti_poaching", "legislation"),
    "data": ("monitoring",),
    "cooperation": ("transboundary_agreements", "community_programmes"),
}

#: Columns an action carries in both the per-country and the regional ranking.
_ACTION_SCORE_COLUMNS: tuple[str, ...] = (
    "action",
    "title_en",
    "themes",
    "transboundary",
    "impact",
    "feasibility",
    "strategy_rating",
    "strategy_label",
    "cost",
    "cost_label",
    "cost_factor",
    "threat_max",
    "threat_sum",
    "threat_basis",
    "driving_themes",
    "addressed_scores",
)

PRIORITY_COLUMNS: tuple[str, ...] = (
    "country",
    *_ACTION_SCORE_COLUMNS,
    "low_evidence",
    "priority",
    "rank",
)

SHARED_THREAT_COLUMNS: tuple[str, ...] = (
    "theme",
    "n_countries",
    "regional_score",
    "n_range_states",
    "shared_by",
    "shared",
)

REGIONAL_COLUMNS: tuple[str, ...] = (
    *_ACTION_SCORE_COLUMNS,
    "shared_themes",
    "n_range_states",
    "shared_by",
    "transboundary_boost",
    "boost_reason",
    "priority",
    "rank",
)

GAP_COLUMNS: tuple[str, ...] = (
    "country",
    "need",
    "n_respondents",
    "n_ranking",
    "n_ranked",
    "share_top",
    "mean_rank",
    "related_measures",
    "n_in_place",
    "share_in_place",
    "mean_effectiveness",
    "coverage",
    "gap",
    "rank",
)

_DECIMALS = 4


def load_actions(path: str | Path | None = None) -> pd.DataFrame:
    """Read the action catalogue (default: ``analysis/data/actions.csv``).

    Output: one row per action with :data:`ACTION_COLUMNS`; ``transboundary`` as bool,
    ``impact``/``feasibility`` as int 1..4, ``cost`` as int 1..3 (low/medium/high),
    ``themes`` as the ";"-separated theme codes. Raises ``ValueError`` on a missing column,
    a duplicate code or a rating out of range.
    """
    actions = pd.read_csv(path or DEFAULT_ACTIONS_PATH, dtype=str, keep_default_na=False)
    missing = [c for c in ACTION_COLUMNS if c not in actions.columns]
    if missing:
        raise ValueError(f"action catalogue lacks columns: {', '.join(missing)}")
    if actions["code"].duplicated().any():
        raise ValueError("action codes must be unique")
    actions["transboundary"] = (
        actions["transboundary"].str.strip().str.lower().isin(("true", "1", "yes"))
    )
    for column, high in (("impact", 4), ("feasibility", 4), ("cost", 3)):
        values = pd.to_numeric(actions[column], errors="coerce")
        if values.isna().any() or not values.between(1, high).all():
            raise ValueError(f"action {column} must be an integer 1..{high}")
        actions[column] = values.astype(np.int64)
    actions["themes"] = actions["themes"].map(lambda v: ";".join(split_codes(v)))
    return actions


def strategy_rating(impact: int, feasibility: int) -> int:
    """Conservation Standards strategy rating summary: min(impact, feasibility), levels 1..4."""
    return int(min(int(impact), int(feasibility)))


def _action_frame(actions: pd.DataFrame, cfg: ScoringConfig) -> pd.DataFrame:
    acts = actions.copy()
    acts["strategy_rating"] = np.minimum(acts["impact"], acts["feasibility"]).astype(np.int64)
    acts["strategy_label"] = acts["strategy_rating"].map(STRATEGY_LABELS)
    acts["cost_label"] = acts["cost"].map(COST_LABELS)
    acts["cost_factor"] = acts["cost"].map(cfg.cost_factor).astype(float)
    return acts.rename(columns={"code": "action"})


def _addressed(acts: pd.DataFrame) -> pd.DataFrame:
    """One row per action and theme it addresses, in catalogue order."""
    pairs = acts[["action", "themes"]].assign(theme=acts["themes"].map(split_codes))
    return pairs.explode("theme").dropna(subset=["theme"])[["action", "theme"]]


def _summarise_threats(scored: pd.DataFrame, keys: list[str], value: str) -> pd.DataFrame:
    """Per ``keys``: max and sum of ``value``, the theme(s) at the max and all scores as text.

    ``scored`` has one row per key x addressed theme, in the order the catalogue lists the
    themes; ties at the max keep that order.
    """
    grouped = scored.groupby(keys, sort=False)
    summary = grouped[value].agg(threat_max="max", threat_sum="sum").reset_index()
    scored = scored.merge(summary[[*keys, "threat_max"]], on=keys)
    at_max = scored[np.isclose(scored[value], scored["threat_max"])]
    drivers = at_max.groupby(keys, sort=False)["theme"].agg(";".join).rename("driving_themes")
    ordered = scored.sort_values(value, ascending=False, kind="stable")
    text = (
        ordered.assign(pair=ordered["theme"] + "=" + ordered[value].map(lambda v: f"{v:.3f}"))
        .groupby(keys, sort=False)["pair"]
        .agg(";".join)
        .rename("addressed_scores")
    )
    return summary.merge(drivers.reset_index(), on=keys).merge(text.reset_index(), on=keys)


def _priority(frame: pd.DataFrame, cfg: ScoringConfig) -> pd.Series:
    threat = frame["threat_max"] if cfg.threat_aggregate == "max" else frame["threat_sum"]
    return threat * frame["strategy_rating"] / 4.0 * frame["cost_factor"]


def rank_actions(
    scores: pd.DataFrame, actions: pd.DataFrame, *, config: ScoringConfig | None = None
) -> pd.DataFrame:
    """Rank the catalogue's actions for each country (the ``priorities_by_country`` table).

    Input: ``scores`` from :func:`analysis.scoring.threat_scores` (country, theme, score,
    low_evidence) and ``actions`` from :func:`load_actions`. Output: one row per country x
    action, columns :data:`PRIORITY_COLUMNS`, sorted by country and rank:

    * ``threat_max``/``threat_sum``: the highest and the summed threat score (0..1 each) of
      the themes the action addresses in that country; ``threat_basis`` says which of the two
      enters the priority (``config.threat_aggregate``, "max" by default: an action is as
      urgent as the worst threat it answers, and addressing many weak threats does not add
      up to one severe one).
    * ``driving_themes``: the addressed theme(s) with the highest score;
      ``addressed_scores``: every addressed theme with its score, highest first.
    * ``strategy_rating`` = min(impact, feasibility) (1..4) and its label.
    * ``cost_factor``: multiplier for the cost class from the config.
    * ``priority`` = threat (max or sum) x strategy_rating / 4 x cost_factor.
    * ``low_evidence``: every driving theme is low_evidence in that country.
    * ``rank``: 1 = highest priority in the country (ties: higher strategy rating, lower
      cost, catalogue order).
    """
    cfg = config or ScoringConfig.load()
    if scores.empty or actions.empty:
        return _empty(PRIORITY_COLUMNS)
    acts = _action_frame(actions, cfg)
    addressed = _addressed(acts)
    countries = sorted(scores["country"].unique())
    grid = pd.DataFrame({"country": np.repeat(countries, len(addressed))})
    grid["action"] = np.tile(addressed["action"].to_numpy(), len(countries))
    grid["theme"] = np.tile(addressed["theme"].to_numpy(), len(countries))
    evidence = scores[["country", "theme", "score", "low_evidence"]]
    scored = grid.merge(evidence, on=["country", "theme"], how="left")
    scored["score"] = scored["score"].fillna(0.0)
    scored["low_evidence"] = scored["low_evidence"].astype("boolean").fillna(True).astype(bool)

    summary = _summarise_threats(scored, ["country", "action"], "score")
    low = scored.merge(summary[["country", "action", "threat_max"]], on=["country", "action"])
    low = low[np.isclose(low["score"], low["threat_max"])]
    low_flag = low.groupby(["country", "action"])["low_evidence"].all().rename("low_evidence")
    out = summary.merge(low_flag.reset_index(), on=["country", "action"]).merge(acts, on="action")
    out["threat_basis"] = cfg.threat_aggregate
    out["priority"] = _priority(out, cfg)
    out["_order"] = out["action"].map({a: i for i, a in enumerate(acts["action"])})
    out = out.sort_values(
        ["country", "priority", "strategy_rating", "cost", "_order"],
        ascending=[True, False, False, True, True],
        kind="stable",
    )
    out["rank"] = out.groupby("country").cumcount().astype(np.int64) + 1
    return _finish(out, PRIORITY_COLUMNS)


def shared_threats(scores: pd.DataFrame, *, config: ScoringConfig | None = None) -> pd.DataFrame:
    """Which threat themes several range states share.

    A range state *shares* a theme when its cell is not ``low_evidence`` and its
    ``mean_rating`` >= ``config.rating_threshold`` (3 = High) or its ``share_reporting`` >=
    ``config.share_threshold``. Output (:data:`SHARED_THREAT_COLUMNS`), one row per theme:
    ``n_countries`` in the scores, ``regional_score`` = plain mean of the theme's score over
    those countries, ``n_range_states`` sharing it, ``shared_by`` (";"-separated ISO codes),
    and ``shared`` = n_range_states >= ``config.min_countries``.
    """
    cfg = config or ScoringConfig.load()
    if scores.empty:
        return _empty(SHARED_THREAT_COLUMNS)
    frame = scores.copy()
    strong = (frame["mean_rating"].fillna(-1) >= cfg.rating_threshold) | (
        frame["share_reporting"].fillna(-1) >= cfg.share_threshold
    )
    frame["_shares"] = strong & ~frame["low_evidence"].astype(bool)
    themes = list(THEMES) + sorted(set(frame["theme"]) - set(THEMES))
    rows = []
    for theme in themes:
        part = frame[frame["theme"] == theme]
        sharing = sorted(part.loc[part["_shares"], "country"])
        rows.append(
            {
                "theme": theme,
                "n_countries": int(part["country"].nunique()),
                "regional_score": float(part["score"].mean()) if len(part) else 0.0,
                "n_range_states": len(sharing),
                "shared_by": ";".join(sharing),
                "shared": len(sharing) >= cfg.min_countries,
            }
        )
    out = pd.DataFrame(rows, columns=list(SHARED_THREAT_COLUMNS))
    out["regional_score"] = out["regional_score"].round(_DECIMALS)
    return out


def regional_priorities(
    scores: pd.DataFrame, actions: pd.DataFrame, *, config: ScoringConfig | None = None
) -> pd.DataFrame:
    """Rank the catalogue's actions for the region as a whole.

    Input as for :func:`rank_actions`. Each theme gets a regional score (its mean score over
    the range states, :func:`shared_threats`). An action's ``threat_max``/``threat_sum``,
    strategy rating, cost factor and base priority follow :func:`rank_actions` with these
    regional scores. The regional rule: a **transboundary** action that addresses at least
    one **shared** theme (shared by >= ``config.min_countries`` range states, each with
    mean_rating >= High or share_reporting >= ``config.share_threshold``) has its priority
    multiplied by ``transboundary_boost`` = 1 + ``config.transboundary_bonus``; other actions
    keep a boost of 1. ``shared_themes``, ``n_range_states`` (the most range states sharing
    one of its themes), ``shared_by`` and ``boost_reason`` show why. Output columns:
    :data:`REGIONAL_COLUMNS`, sorted by rank.
    """
    cfg = config or ScoringConfig.load()
    if scores.empty or actions.empty:
        return _empty(REGIONAL_COLUMNS)
    acts = _action_frame(actions, cfg)
    shared = shared_threats(scores, config=cfg)
    scored = _addressed(acts).merge(shared, on="theme", how="left")
    scored["regional_score"] = scored["regional_score"].fillna(0.0)
    scored["shared"] = scored["shared"].astype("boolean").fillna(False).astype(bool)
    scored["n_range_states"] = scored["n_range_states"].fillna(0).astype(np.int64)
    scored["shared_by"] = scored["shared_by"].fillna("")

    summary = _summarise_threats(scored, ["action"], "regional_score")
    rows = []
    for action, part in scored.groupby("action", sort=False):
        hits = part[part["shared"]]
        countries = sorted({c for s in hits["shared_by"] for c in s.split(";") if c})
        rows.append(
            {
                "action": action,
                "shared_themes": ";".join(hits["theme"]),
                "n_range_states": int(hits["n_range_states"].max()) if len(hits) else 0,
                "shared_by": ";".join(countries),
            }
        )
    out = summary.merge(pd.DataFrame(rows), on="action").merge(acts, on="action")
    boosted = out["transboundary"] & (out["shared_themes"] != "")
    out["transboundary_boost"] = np.where(boosted, 1.0 + cfg.transboundary_bonus, 1.0)
    out["boost_reason"] = [
        (
            f"transboundary action on {themes} shared by {n} range states "
            f"(>= {cfg.min_countries}): x {1 + cfg.transboundary_bonus:g}"
        )
        if boost
        else ""
        for boost, themes, n in zip(
            boosted, out["shared_themes"], out["n_range_states"], strict=True
        )
    ]
    out["threat_basis"] = cfg.threat_aggregate
    out["priority"] = _priority(out, cfg) * out["transboundary_boost"]
    out["_order"] = out["action"].map({a: i for i, a in enumerate(acts["action"])})
    out = out.sort_values(
        ["priority", "strategy_rating", "cost", "_order"],
        ascending=[False, False, True, True],
        kind="stable",
    )
    out["rank"] = np.arange(1, len(out) + 1, dtype=np.int64)
    return _finish(out, REGIONAL_COLUMNS)


def gap_analysis(
    needs: pd.DataFrame, measures: pd.DataFrame, *, config: ScoringConfig | None = None
) -> pd.DataFrame:
    """Compare what respondents need with the measures they report in place, per country.

    Input: ``needs`` (response_id, country, need, rank with 1 = most needed) and ``measures``
    (response_id, country, measure, effectiveness 1..4 or NA; a row = the measure is in
    place). Needs map to measures by :data:`NEED_MEASURES`. Output: one row per country x need
    (every need of :data:`NEEDS` for every country in either frame), columns
    :data:`GAP_COLUMNS`, sorted by country and rank:

    * ``n_respondents``: respondents of the country in needs or measures; ``n_ranking``:
      those who ranked needs; ``n_ranked``: those who ranked this need.
    * ``share_top``: share of ``n_ranking`` who put this need within their top
      ``config.top_n`` (3 by default); ``mean_rank`` over those who ranked it.
    * ``related_measures``; ``n_in_place``: respondents reporting at least one of them;
      ``share_in_place`` = n_in_place / n_respondents; ``mean_effectiveness``: mean rated
      effectiveness (1..4) of those reports.
    * ``coverage`` = share_in_place x (mean_effectiveness - 1) / 3, so "not effective" covers
      nothing and "very effective" everything; with no effectiveness rated,
      share_in_place x ``config.unknown_effectiveness_credit``.
    * ``gap`` = share_top x (1 - coverage): high when many rank the need among their top and
      few report effective measures answering it. ``rank``: 1 = largest gap in the country.
    """
    cfg = config or ScoringConfig.load()
    needs = needs if needs is not None else pd.DataFrame()
    measures = measures if measures is not None else pd.DataFrame()
    need_rows = _respondent_rows(needs, "need", "rank")
    measure_rows = _respondent_rows(measures, "measure", "effectiveness")
    countries = sorted(set(need_rows["country"]) | set(measure_rows["country"]))
    if not countries:
        return _empty(GAP_COLUMNS)
    need_codes = list(NEEDS) + sorted(set(need_rows["need"]) - set(NEEDS))
    valid = measure_rows["effectiveness"].between(1, 4)
    measure_rows["effectiveness"] = measure_rows["effectiveness"].where(valid)

    everyone = pd.concat(
        [need_rows[["country", "response_id"]], measure_rows[["country", "response_id"]]]
    )
    n_respondents = everyone.drop_duplicates().groupby("country").size()
    n_ranking = need_rows.drop_duplicates(["country", "response_id"]).groupby("country").size()

    rows = []
    for country in countries:
        c_needs = need_rows[need_rows["country"] == country]
        c_measures = measure_rows[measure_rows["country"] == country]
        n_all = int(n_respondents.get(country, 0))
        n_rank = int(n_ranking.get(country, 0))
        for need in need_codes:
            ranked = c_needs[c_needs["need"] == need].drop_duplicates("response_id", keep="last")
            top = int((ranked["rank"] <= cfg.top_n).sum())
            related = NEED_MEASURES.get(need, ())
            in_place = c_measures[c_measures["measure"].isin(related)]
            n_in_place = int(in_place["response_id"].nunique())
            share_in_place = n_in_place / n_all if n_all else 0.0
            mean_eff = float(in_place["effectiveness"].mean()) if len(in_place) else np.nan
            credit = (
                (mean_eff - 1.0) / 3.0
                if not np.isnan(mean_eff)
                else cfg.unknown_effectiveness_credit
            )
            coverage = share_in_place * credit
            share_top = top / n_rank if n_rank else 0.0
            rows.append(
                {
                    "country": country,
                    "need": need,
                    "n_respondents": n_all,
                    "n_ranking": n_rank,
                    "n_ranked": len(ranked),
                    "share_top": share_top,
                    "mean_rank": float(ranked["rank"].mean()) if len(ranked) else np.nan,
                    "related_measures": ";".join(related),
                    "n_in_place": n_in_place,
                    "share_in_place": share_in_place,
                    "mean_effectiveness": mean_eff,
                    "coverage": coverage,
                    "gap": share_top * (1.0 - coverage),
                }
            )
    out = pd.DataFrame(rows)
    out["_order"] = out["need"].map({n: i for i, n in enumerate(need_codes)})
    out = out.sort_values(
        ["country", "gap", "_order"], ascending=[True, False, True], kind="stable"
    )
    out["rank"] = out.groupby("country").cumcount().astype(np.int64) + 1
    return _finish(out, GAP_COLUMNS)


def _respondent_rows(frame: pd.DataFrame, code: str, value: str) -> pd.DataFrame:
    """Clean country, response_id, code and numeric value columns.

    Rows missing a country, respondent or code are dropped; a missing or non-numeric value
    becomes NaN.
    """
    columns = ("country", "response_id", code)
    if frame.empty or not set(columns) <= set(frame.columns):
        empty = {c: pd.Series(dtype=str) for c in columns}
        return pd.DataFrame({**empty, value: pd.Series(dtype=float)})
    out = pd.DataFrame(
        {
            "country": frame["country"].fillna("").astype(str),
            "response_id": frame["response_id"].fillna("").astype(str),
            code: frame[code].fillna("").astype(str).str.strip().str.lower(),
            value: pd.to_numeric(frame[value], errors="coerce").astype(float)
            if value in frame
            else np.nan,
        }
    )
    return out[(out["country"] != "") & (out["response_id"] != "") & (out[code] != "")]


def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def _finish(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    out = frame[list(columns)].reset_index(drop=True)
    floats = out.select_dtypes("float").columns
    out[floats] = out[floats].round(_DECIMALS)
    return out

"""Prioritised actions per country and for the region, and the gap between needs and measures.

Actions (strategies) come from the programme of work's catalogue (``reference/data/actions.csv``);
each addresses direct threats and/or contributing factors. Its **strategy rating** is the
Conservation Standards' (CMP Open Standards 4.0, step 2C; Miradi,
``StrategyRatingSummaryQuestion.getResult``): min(potential impact, feasibility) on four
levels, 4 Very effective, 3 Effective, 2 Less effective, 1 Not effective; cost is shown
beside it, never folded in. Ratings come per country from the national consultation
(``strategy_ratings``), else the catalogue's defaults, and every row says which.

A country's **priority** for an action (:func:`rank_actions`) is

    priority = (strategy value / 4) ^ a  x  (need / 4) ^ b

where need = the largest country value among the threats and factors the action addresses
(a threat's: its summary level 0..4, mixed with mentions only when text_weight > 0; a
factor's: factor_weight x its gap 1..4); items that are low evidence or not rated do not
count, and an action none of whose items counts is not ranked. a = strategy_exponent and
b = need_exponent of the config. Ties are broken by the higher impact, then the lower cost,
then the larger need, then the higher feasibility, then the action code; never file order.

**Regional** (:func:`regional_priorities`): an action is raised for the region when a threat
it addresses is rated High or Very high (``min_level``) on the same species target, with
enough evidence, in at least ``min_states`` range states that share a transboundary
population of that species (:func:`shared_population_threats`). Pooled targets (questionnaire
2026.1, "the species in your area") name no species and do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

import reference
from analysis.assessment import Assessment
from analysis.ranking import rank_rows, tie_rules
from analysis.reference import Reference
from analysis.scoring import LEVEL_LABELS, POOLED_TARGET, ScoringConfig, split_codes
from analysis.tables import NOT_RANKED, NOT_RATED, empty_table, shown

DEFAULT_ACTIONS_PATH = reference.DATA / "actions.csv"

STRATEGY_LABELS: dict[int, str] = {
    1: "Not effective",
    2: "Less effective",
    3: "Effective",
    4: "Very effective",
}
COST_LABELS: dict[int, str] = {1: "low", 2: "medium", 3: "high"}
COST_CODES: dict[str, int] = {label: code for code, label in COST_LABELS.items()}
CATALOGUE_DEFAULT = "catalogue default"
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

PRIORITY_COLUMNS: tuple[str, ...] = (
    "country",
    "action",
    "rank",
    "priority",
    "impact",
    "feasibility",
    "strategy_rating",
    "cost",
    "rating_source",
    "addresses",
    "tie_rule",
    "strategy_value",
    "need",
    "driver",
    "title_en",
    "note",
)

SHARED_COLUMNS: tuple[str, ...] = (
    "population",
    "species",
    "threat",
    "countries",
    "ratings",
)

REGIONAL_COLUMNS: tuple[str, ...] = (
    "action",
    "rank",
    "priority",
    "countries",
    "populations",
    "threats",
    "basis",
    "n_states",
    "impact",
    "cost",
    "transboundary",
    "title_en",
    "tie_rule",
    "note",
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
    "note",
)

#: The action tie rule after the priority, in words, in order (the code comes last).
ACTION_TIE_NAMES: tuple[str, ...] = (
    "higher impact",
    "lower cost",
    "larger threat/factor value addressed",
    "higher feasibility",
)
REGIONAL_TIE_NAMES: tuple[str, ...] = (
    "higher impact",
    "lower cost",
    "more range states",
)

_DECIMALS = 4


def load_actions(path: str | Path | None = None) -> pd.DataFrame:
    """Read the action catalogue (default: ``reference/data/actions.csv``).

    Output: one row per action with :data:`ACTION_COLUMNS`; ``transboundary`` as bool,
    ``impact``/``feasibility`` as int 1..4, ``cost`` as int 1..3 (low/medium/high),
    ``themes`` as the ";"-separated codes of the threats and factors it addresses. Raises
    ``ValueError`` on a missing column, a duplicate code or a rating out of range.
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
    actions["themes"] = actions["themes"].map(lambda v: ";".join(split_codes(v))).astype(object)
    return actions


def strategy_rating(impact: int, feasibility: int) -> int:
    """Conservation Standards strategy rating: min(impact, feasibility), levels 1..4.

    4 Very effective, 3 Effective, 2 Less effective, 1 Not effective (Miradi,
    ``StrategyRatingSummaryQuestion.getResult``; CMP Open Standards 4.0). Cost is not part
    of it.
    """
    for name, value in (("impact", impact), ("feasibility", feasibility)):
        if not 1 <= int(value) <= 4:
            raise ValueError(f"{name} must be a level 1..4, got {value!r}")
    return int(min(int(impact), int(feasibility)))


# --------------------------------------------------------------------------- strategies


def country_strategies(
    actions: pd.DataFrame, strategy_ratings: pd.DataFrame | None, countries: tuple[str, ...]
) -> pd.DataFrame:
    """The strategy rating each country uses for each action.

    Input: the catalogue (:func:`load_actions`), the ``strategy_ratings`` frame of the data
    contract (country, action, impact 1..4, feasibility 1..4, cost low|medium|high, source,
    meeting_date, ...; may be None) and the countries. A country's rows for an action come
    from its national consultation; with several, the latest ``meeting_date`` counts (then
    the last row). Without any, the catalogue's defaults. Output per country x action:
    country, action, impact, feasibility, cost (1..3), strategy_value (min of impact and
    feasibility), rating_source ("catalogue default" or the row's source text) and
    source_note. Rows for actions not in the catalogue are ignored; an impact or
    feasibility outside 1..4 or an unknown cost raises ``ValueError``.
    """
    codes = list(actions["code"])
    grid = pd.DataFrame(
        {
            "country": np.repeat(np.array(countries, dtype=object), len(codes)),
            "action": np.tile(np.array(codes, dtype=object), len(countries)),
        }
    )
    defaults = actions.set_index("code")[["impact", "feasibility", "cost"]]
    out = grid.join(defaults, on="action")
    out["rating_source"] = CATALOGUE_DEFAULT
    out["source_note"] = ""
    national = _clean_strategy_ratings(strategy_ratings, set(codes))
    if not national.empty:
        counts = national.groupby(["country", "action"]).size().rename("n_ratings")
        latest = national.sort_values("meeting_date", kind="stable").drop_duplicates(
            ["country", "action"], keep="last"
        )
        latest = latest.join(counts, on=["country", "action"]).set_index(["country", "action"])
        keys = pd.MultiIndex.from_frame(out[["country", "action"]])
        found = keys.isin(latest.index)
        rows = latest.reindex(keys[found])
        for column in ("impact", "feasibility", "cost"):
            out.loc[found, column] = rows[column].to_numpy(dtype=np.int64)
        out.loc[found, "rating_source"] = rows["source"].to_numpy(dtype=object)
        out.loc[found, "source_note"] = [
            f"latest of {n} national ratings" if n > 1 else "" for n in rows["n_ratings"]
        ]
    for column in ("impact", "feasibility", "cost"):
        out[column] = out[column].astype(np.int64)
    out["strategy_value"] = np.minimum(out["impact"], out["feasibility"]).astype(np.int64)
    return out


def _clean_strategy_ratings(frame: pd.DataFrame | None, codes: set[str]) -> pd.DataFrame:
    columns = ["country", "action", "impact", "feasibility", "cost", "source", "meeting_date"]
    if frame is None or frame.empty or not {"country", "action"} <= set(frame.columns):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    out = frame.reset_index(drop=True).copy()
    for column in ("country", "action", "source", "meeting_date"):
        if column not in out:
            out[column] = ""
        out[column] = out[column].astype(object).where(out[column].notna(), "").astype(str)
    out = out[out["action"].isin(codes) & (out["country"] != "")].copy()
    for column in ("impact", "feasibility"):
        values = pd.to_numeric(out[column], errors="coerce") if column in out else np.nan
        values = pd.Series(values, index=out.index, dtype=float)
        if values.isna().any() or not values.between(1, 4).all():
            raise ValueError(f"strategy_ratings {column} must be a level 1..4")
        out[column] = values.astype(np.int64)
    cost = out["cost"].astype(str).str.strip().str.lower() if "cost" in out else None
    if cost is None or not cost.isin([*COST_CODES, "1", "2", "3"]).all():
        raise ValueError("strategy_ratings cost must be low, medium or high")
    out["cost"] = cost.map(lambda v: COST_CODES.get(v) or int(v)).astype(np.int64)
    out.loc[out["source"].str.strip() == "", "source"] = "national consultation"
    return out[columns]


# --------------------------------------------------------------------------- priorities


@dataclass(frozen=True)
class ActionResult:
    """Action priorities on several rows (real data or scenarios): arrays rows x C x A.

    ``need``: largest addressed value / 4 (NaN: nothing addressed counts); ``driver``:
    index of the theme giving it; ``priority``; ``rank`` within the country (NaN: not
    ranked).
    """

    need: np.ndarray
    driver: np.ndarray
    priority: np.ndarray
    rank: np.ndarray


@dataclass(frozen=True)
class ActionInputs:
    """Everything an action's priority depends on, as arrays (C countries, A actions, T themes).

    ``addresses`` (A x T): which themes each action addresses; ``threat_unit`` (T): the
    assessment chain's unit offset of each theme that is a direct threat (-1 otherwise);
    ``factor_gap`` (C x T): the gap of each factor that is not low evidence (NaN otherwise);
    ``impact``, ``feasibility``, ``cost``, ``strategy`` (C x A) from
    :func:`country_strategies`. Actions are in code order (the final tie-breaker).
    """

    countries: tuple[str, ...]
    actions: tuple[str, ...]
    themes: tuple[str, ...]
    addresses: np.ndarray
    threat_index: np.ndarray
    n_threats: int
    factor_gap: np.ndarray
    impact: np.ndarray
    feasibility: np.ndarray
    cost: np.ndarray
    strategy: np.ndarray

    def theme_values(
        self, threat_values: np.ndarray, factor_weight: np.ndarray | float
    ) -> np.ndarray:
        """Country value of every theme: rows x C x T (NaN = does not count).

        ``threat_values``: rows x units from :class:`analysis.assessment.ChainResult`
        (``value``); ``factor_weight``: a number or one per row.
        """
        rows = threat_values.shape[0]
        n_c, n_t = len(self.countries), len(self.themes)
        out = np.full((rows, n_c, n_t), np.nan)
        is_threat = self.threat_index >= 0
        for c in range(n_c):
            units = c * self.n_threats + self.threat_index[is_threat]
            out[:, c, is_threat] = threat_values[:, units]
        weight = np.broadcast_to(np.asarray(factor_weight, dtype=float), (rows,))
        factors = ~is_threat
        out[:, :, factors] = weight[:, None, None] * self.factor_gap[None, :, factors]
        return out

    def run(
        self,
        theme_values: np.ndarray,
        strategy_exponent: np.ndarray | float,
        need_exponent: np.ndarray | float,
    ) -> ActionResult:
        """Priorities and ranks for each row of ``theme_values`` (rows x C x T)."""
        rows = theme_values.shape[0]
        n_c, n_a = len(self.countries), len(self.actions)
        addressed = np.where(self.addresses[None, None, :, :], theme_values[:, :, None, :], -np.inf)
        addressed = np.where(np.isnan(addressed), -np.inf, addressed)
        driver = addressed.argmax(axis=-1)
        best = addressed.max(axis=-1)
        need = np.where(np.isfinite(best), best / 4.0, np.nan)
        a = np.broadcast_to(np.asarray(strategy_exponent, dtype=float), (rows,))[:, None, None]
        b = np.broadcast_to(np.asarray(need_exponent, dtype=float), (rows,))[:, None, None]
        with np.errstate(invalid="ignore"):
            priority = (self.strategy[None] / 4.0) ** a * np.power(need, b)
        priority = np.where(np.isnan(need), np.nan, priority)
        rank = np.full((rows, n_c, n_a), np.nan)
        for c in range(n_c):
            ranked = ~np.isnan(need[:, c, :])
            cols = np.flatnonzero(ranked.any(axis=0))
            if not len(cols):
                continue
            # which actions count is fixed by the data (rows differ only in weights)
            ranks = rank_rows(
                self._keys(priority[:, c, cols], need[:, c, cols], c, cols),
                [True, True, False, True, True],
            )
            rank[:, c, cols] = ranks
        return ActionResult(need=need, driver=driver, priority=priority, rank=rank)

    def _keys(self, priority: np.ndarray, need: np.ndarray, c: int, cols: np.ndarray) -> list:
        return [
            priority,
            self.impact[c, cols][None, :],
            self.cost[c, cols][None, :],
            need,
            self.feasibility[c, cols][None, :],
        ]


def action_inputs(
    assessment: Assessment,
    actions: pd.DataFrame,
    strategy_ratings: pd.DataFrame | None = None,
) -> ActionInputs:
    """Everything the priorities depend on, as arrays (:class:`ActionInputs`).

    Input: an :class:`analysis.assessment.Assessment`, the catalogue
    (:func:`load_actions`) and the national ``strategy_ratings`` (may be None). A theme an
    action addresses is a direct threat when the assessment rates it as one, else a
    factor; factors that are low evidence or unanswered have no gap (NaN). Output:
    :class:`ActionInputs` with actions in code order.
    """
    chain = assessment.chain
    countries = chain.countries
    acts = actions.sort_values("code", kind="stable").reset_index(drop=True)
    codes = tuple(acts["code"])
    factor_codes = (
        tuple(sorted(set(assessment.factors["factor"]))) if len(assessment.factors) else ()
    )
    addressed = [split_codes(v) for v in acts["themes"]]
    themes = tuple(
        sorted({t for ts in addressed for t in ts} | set(chain.threats) | set(factor_codes))
    )
    theme_pos = {t: i for i, t in enumerate(themes)}
    matrix = np.zeros((len(codes), len(themes)), dtype=bool)
    for i, ts in enumerate(addressed):
        matrix[i, [theme_pos[t] for t in ts]] = True
    threat_pos = {t: i for i, t in enumerate(chain.threats)}
    threat_index = np.array([threat_pos.get(t, -1) for t in themes], dtype=np.int64)
    gap = np.full((len(countries), len(themes)), np.nan)
    factors = assessment.factors
    if len(factors):
        counted = factors[~factors["low_evidence"].astype(bool)]
        country_pos = {c: i for i, c in enumerate(countries)}
        for row in counted.itertuples(index=False):
            if row.country in country_pos and threat_pos.get(row.factor, -1) < 0:
                gap[country_pos[row.country], theme_pos[row.factor]] = row.gap
    strategies = country_strategies(acts, strategy_ratings, countries)

    def grid(column: str) -> np.ndarray:
        return strategies[column].to_numpy(dtype=float).reshape(len(countries), len(codes))

    return ActionInputs(
        countries=countries,
        actions=codes,
        themes=themes,
        addresses=matrix,
        threat_index=threat_index,
        n_threats=len(chain.threats),
        factor_gap=gap,
        impact=grid("impact"),
        feasibility=grid("feasibility"),
        cost=grid("cost"),
        strategy=grid("strategy_value"),
    )


def rank_actions(
    assessment: Assessment,
    actions: pd.DataFrame,
    strategy_ratings: pd.DataFrame | None = None,
    *,
    config: ScoringConfig | None = None,
) -> pd.DataFrame:
    """Rank the catalogue's actions for each country (the ``priorities_by_country`` table).

    Input: an :class:`analysis.assessment.Assessment`, the catalogue (:func:`load_actions`)
    and the national ``strategy_ratings`` (may be None). Output: one row per country x
    action (:data:`PRIORITY_COLUMNS`), sorted by country then rank (not ranked last, by
    code): ``rank`` and ``priority`` (formula in the module docstring), ``impact``,
    ``feasibility``, ``strategy_rating`` (label) and ``strategy_value`` (1..4), ``cost``
    (low/medium/high, beside the rating), ``rating_source``, ``addresses`` (each threat or
    factor addressed with its country value, or why it does not count), ``need`` (the
    largest value / 4) and ``driver`` (the item giving it), ``tie_rule`` (the rule that
    decided its place where it tied on priority, else empty), ``title_en`` and ``note``.
    """
    cfg = config or assessment.config
    inputs = action_inputs(assessment, actions, strategy_ratings)
    if not inputs.countries or not inputs.actions:
        return empty_table(PRIORITY_COLUMNS)
    result = action_result(assessment, inputs, cfg)
    return _priorities_table(assessment, actions, inputs, result, strategy_ratings)


def action_result(assessment: Assessment, inputs: ActionInputs, cfg: ScoringConfig) -> ActionResult:
    """Priorities and ranks of the real data under ``cfg``.

    Input: the assessment, its :class:`ActionInputs` and the settings (cut-points,
    text_weight, factor_weight, the exponents). Output: :class:`ActionResult` with one row
    (the real data).
    """
    chain = assessment.chain
    threat_values = chain.run(
        assessment.cell_values()[None, :], np.asarray(cfg.cuts), cfg.text_weight
    ).value
    values = inputs.theme_values(threat_values, cfg.factor_weight)
    return inputs.run(values, cfg.strategy_exponent, cfg.need_exponent)


def _theme_descriptions(assessment: Assessment, inputs: ActionInputs) -> dict[tuple[str, str], str]:
    """(country, theme) -> how that theme counts in the country, in words."""
    out: dict[tuple[str, str], str] = {}
    summary = assessment.summary
    for row in summary.itertuples(index=False):
        if row.ranked:
            label = LEVEL_LABELS[int(row.level)]
            out[(row.country, row.threat)] = f"threat {label} (value {row.country_value:.2f})"
        elif row.n_targets == 0 and "no respondent" in row.why_not_ranked:
            out[(row.country, row.threat)] = "threat not rated (no ratings)"
        else:
            out[(row.country, row.threat)] = "threat not rated (low evidence)"
    for row in assessment.factors.itertuples(index=False):
        if row.n_respondents == 0:
            text = "factor not rated (no gap answers)"
        elif row.low_evidence:
            text = f"factor not rated (low evidence, n={row.n_respondents})"
        else:
            text = f"factor gap {row.gap:.2f}"
        out[(row.country, row.factor)] = text
    return out


def _priorities_table(
    assessment: Assessment,
    actions: pd.DataFrame,
    inputs: ActionInputs,
    result: ActionResult,
    strategy_ratings: pd.DataFrame | None,
) -> pd.DataFrame:
    strategies = country_strategies(
        actions.sort_values("code", kind="stable").reset_index(drop=True),
        strategy_ratings,
        inputs.countries,
    )
    titles = actions.set_index("code")["title_en"]
    described = _theme_descriptions(assessment, inputs)
    n_a = len(inputs.actions)
    need, priority, rank = result.need[0], result.priority[0], result.rank[0]
    records = []
    for c, country in enumerate(inputs.countries):
        cols = np.flatnonzero(~np.isnan(rank[c]))
        rules = [""] * n_a
        if len(cols) > 1:
            keys = [
                k[0] if k.ndim == 2 and k.shape[0] == 1 else k
                for k in inputs._keys(priority[c, cols], need[c, cols], c, cols)
            ]
            found = tie_rules(
                keys,
                [True, True, False, True, True],
                ACTION_TIE_NAMES,
                rank[c, cols],
                [inputs.actions[i] for i in cols],
            )
            for i, rule in zip(cols, found, strict=True):
                rules[i] = rule
        for a, action in enumerate(inputs.actions):
            themes = [inputs.themes[t] for t in np.flatnonzero(inputs.addresses[a])]
            parts = [f"{t}: {described.get((country, t), 'not rated (no data)')}" for t in themes]
            ranked = not np.isnan(rank[c, a])
            strategy = strategies.iloc[c * n_a + a]
            note = ""
            if not ranked:
                note = (
                    f"not ranked: none of {', '.join(themes)} is rated with enough evidence "
                    f"in {country}"
                )
            records.append(
                {
                    "country": country,
                    "action": action,
                    "rank": int(rank[c, a]) if ranked else NOT_RANKED,
                    "priority": round(float(priority[c, a]), _DECIMALS) if ranked else NOT_RATED,
                    "impact": int(inputs.impact[c, a]),
                    "feasibility": int(inputs.feasibility[c, a]),
                    "strategy_rating": STRATEGY_LABELS[int(inputs.strategy[c, a])],
                    "cost": COST_LABELS[int(inputs.cost[c, a])],
                    "rating_source": strategy["rating_source"],
                    "addresses": "; ".join(parts),
                    "tie_rule": rules[a],
                    "strategy_value": int(inputs.strategy[c, a]),
                    "need": round(float(need[c, a]), _DECIMALS) if ranked else NOT_RATED,
                    "driver": inputs.themes[int(result.driver[0, c, a])] if ranked else NOT_RATED,
                    "title_en": str(titles.get(action, "")),
                    "note": "; ".join(p for p in (note, strategy["source_note"]) if p),
                    "_order": rank[c, a] if ranked else np.inf,
                }
            )
    out = pd.DataFrame.from_records(records)
    out = out.sort_values(["country", "_order", "action"], kind="stable")
    out = out.reset_index(drop=True)[list(PRIORITY_COLUMNS)]
    return out.astype({c: object for c in ("rank", "priority", "need")})


# --------------------------------------------------------------------------- regional


def shared_population_threats(
    assessment: Assessment, reference: Reference | None, *, config: ScoringConfig | None = None
) -> pd.DataFrame:
    """Threats rated High or above on one species in range states that share its population.

    For each transboundary population (reference ``populations``: code, species, countries)
    and direct threat: the population's range states whose target rating of that species
    for that threat (``threat_ratings``, the species as target, never the pooled target)
    has enough evidence and a label at least ``min_level`` (3 = High). A row is kept when
    at least ``min_states`` such states share the population. Output (:data:`SHARED_COLUMNS`):
    population, species, threat, countries (";"-separated), ratings (each state's label and
    value). Empty without populations.
    """
    cfg = config or assessment.config
    populations = reference.populations if reference is not None else None
    cells = assessment.cells
    if populations is None or populations.empty or cells.empty:
        return empty_table(SHARED_COLUMNS)
    strong = cells[
        (cells["target"] != POOLED_TARGET)
        & ~cells["low_evidence"].astype(bool)
        & (cells["level"] >= cfg.min_level)
    ]
    lookup = {
        (row.target, row.threat, row.country): (int(row.level), float(row.rating_value))
        for row in strong.itertuples(index=False)
    }
    rows = []
    for pop in populations.sort_values("code").itertuples(index=False):
        for threat in assessment.chain.threats:
            states = [c for c in pop.countries if (pop.species, threat, c) in lookup]
            if len(states) < cfg.min_states:
                continue
            rows.append(
                {
                    "population": pop.code,
                    "species": pop.species,
                    "threat": threat,
                    "countries": ";".join(sorted(states)),
                    "ratings": "; ".join(
                        f"{c} {LEVEL_LABELS[lookup[(pop.species, threat, c)][0]]} "
                        f"{lookup[(pop.species, threat, c)][1]:.2f}"
                        for c in sorted(states)
                    ),
                }
            )
    if not rows:
        return empty_table(SHARED_COLUMNS)
    return pd.DataFrame(rows, columns=list(SHARED_COLUMNS))


def regional_priorities(
    assessment: Assessment,
    actions: pd.DataFrame,
    reference: Reference | None,
    strategy_ratings: pd.DataFrame | None = None,
    *,
    config: ScoringConfig | None = None,
) -> pd.DataFrame:
    """Rank the actions raised for the region (the ``regional_priorities`` table).

    An action is raised when a threat it addresses appears in
    :func:`shared_population_threats`. Its regional ``priority`` = the mean of its
    priorities (:func:`rank_actions`) in the range states behind it (``countries``, the
    union over its shared threats and populations). Ranked by priority, ties by the higher
    catalogue impact, then the lower catalogue cost, then more range states, then the action
    code. Output (:data:`REGIONAL_COLUMNS`): every catalogue action; those not raised are
    "not ranked" with the reason in ``note``. ``basis`` lists each shared threat with its
    population and the states' ratings.
    """
    cfg = config or assessment.config
    acts = actions.sort_values("code", kind="stable").reset_index(drop=True)
    if acts.empty:
        return empty_table(REGIONAL_COLUMNS)
    shared = shared_population_threats(assessment, reference, config=cfg)
    inputs = action_inputs(assessment, acts, strategy_ratings)
    result = action_result(assessment, inputs, cfg) if inputs.countries else None
    country_pos = {c: i for i, c in enumerate(inputs.countries)}
    no_populations = reference is None or reference.populations.empty
    records = []
    for a, act in enumerate(acts.itertuples(index=False)):
        themes = split_codes(act.themes)
        hits = shared[shared["threat"].isin(themes)] if len(shared) else shared
        states = sorted({c for value in hits["countries"] for c in value.split(";")})
        priorities = [
            result.priority[0, country_pos[c], a]
            for c in states
            if result is not None and c in country_pos
        ]
        priorities = [p for p in priorities if not np.isnan(p)]
        raised = bool(len(hits)) and bool(priorities)
        if raised:
            note = ""
        elif no_populations:
            note = "not raised: no transboundary populations given (reference data)"
        else:
            note = (
                "not raised: no threat it addresses is rated High or Very high on one species "
                f"in {cfg.min_states} or more range states sharing a population of it"
            )
        records.append(
            {
                "action": act.code,
                "priority_value": float(np.mean(priorities)) if raised else np.nan,
                "countries": ";".join(states),
                "populations": ";".join(sorted(set(hits["population"]))) if raised else "",
                "threats": ";".join(sorted(set(hits["threat"]))) if raised else "",
                "basis": " | ".join(
                    f"{h.threat} on {h.species} ({h.population}): {h.ratings}"
                    for h in hits.itertuples(index=False)
                )
                if raised
                else "",
                "n_states": len(states) if raised else 0,
                "impact": int(act.impact),
                "cost": COST_LABELS[int(act.cost)],
                "_cost": int(act.cost),
                "transboundary": bool(act.transboundary),
                "title_en": act.title_en,
                "note": note,
            }
        )
    frame = pd.DataFrame.from_records(records)
    raised = frame["priority_value"].notna().to_numpy()
    rank = np.full(len(frame), np.nan)
    rules = [""] * len(frame)
    if raised.any():
        cols = np.flatnonzero(raised)
        keys = [
            frame["priority_value"].to_numpy(dtype=float)[cols],
            frame["impact"].to_numpy(dtype=float)[cols],
            frame["_cost"].to_numpy(dtype=float)[cols],
            frame["n_states"].to_numpy(dtype=float)[cols],
        ]
        desc = [True, True, False, True]
        ranks = rank_rows([k[None, :] for k in keys], desc)[0]
        rank[cols] = ranks
        found = tie_rules(keys, desc, REGIONAL_TIE_NAMES, ranks, list(frame["action"].iloc[cols]))
        for i, rule in zip(cols, found, strict=True):
            rules[i] = rule
    frame["rank"] = [int(r) if r == r else NOT_RANKED for r in rank]
    frame["priority"] = shown(frame["priority_value"], NOT_RATED)
    frame["tie_rule"] = rules
    frame["_order"] = np.where(np.isnan(rank), np.inf, rank)
    frame = frame.sort_values(["_order", "action"], kind="stable").reset_index(drop=True)
    return frame[list(REGIONAL_COLUMNS)].astype({"rank": object, "priority": object})


# --------------------------------------------------------------------------- needs


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
    * ``mean_rank``/``mean_effectiveness`` are "not rated" when nobody ranked the need or
      rated a measure answering it; ``note`` says which.
    """
    cfg = config or ScoringConfig.load()
    needs = needs if needs is not None else pd.DataFrame()
    measures = measures if measures is not None else pd.DataFrame()
    need_rows = _respondent_rows(needs, "need", "rank")
    measure_rows = _respondent_rows(measures, "measure", "effectiveness")
    countries = sorted(set(need_rows["country"]) | set(measure_rows["country"]))
    if not countries:
        return empty_table(GAP_COLUMNS)
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
    no_rank = out["mean_rank"].isna()
    no_effect = out["mean_effectiveness"].isna()
    out["note"] = [
        "; ".join(
            part
            for part, flag in (
                ("mean_rank: nobody ranked this need", r),
                (
                    "mean_effectiveness: no measure answering it in place"
                    if n == 0
                    else "mean_effectiveness: nobody rated the effectiveness of its measures",
                    e,
                ),
            )
            if flag
        )
        for r, e, n in zip(no_rank, no_effect, out["n_in_place"], strict=True)
    ]
    out = _finish(out, GAP_COLUMNS)
    out["mean_rank"] = shown(out["mean_rank"])
    out["mean_effectiveness"] = shown(out["mean_effectiveness"])
    return out


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


def _finish(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    out = frame[list(columns)].reset_index(drop=True)
    floats = out.select_dtypes("float").columns
    out[floats] = out[floats].round(_DECIMALS)
    return out

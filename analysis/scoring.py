"""Threat scores per country and theme, rated as in the Conservation Standards.

Respondents rate each threat theme they see in their country on the four-level scales of the
Conservation Measures Partnership's *Open Standards for the Practice of Conservation*
("Conservation Standards", CMP 2020, v4.0), using the simple threat rating that Miradi
implements (Miradi help, "Threat-Target Ratings",
https://help.miradishare.org/hc/en-us/articles/7652645354395 ; the same rules are coded in
Miradi's open-source client, ``org.miradi.project.threatrating.SimpleThreatFormula``):

* scope: share of the population affected within 10 years (1-10 / 11-30 / 31-70 / 71-100 %);
* severity: decline within the scope (same bands);
* irreversibility: time to recover (0-5 / 6-20 / 21-100 / >100 years or never).

Levels are coded None=0, Low=1, Medium=2, High=3, Very high=4. One respondent's rating of one
threat is looked up in two published tables: scope x severity gives the *magnitude*, and
magnitude x irreversibility gives the *threat rating* (:data:`MAGNITUDE_TABLE`,
:data:`RATING_TABLE`). Ratings are rolled up across respondents with the "2-prime" rule
(:func:`two_prime`) and summarised per country and theme by :func:`threat_scores`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
import pandas as pd

THEMES: tuple[str, ...] = (
    "poaching",
    "livestock",
    "infrastructure",
    "governance",
    "community",
    "science",
    "transboundary",
    "climate",
)
LEVEL_LABELS: tuple[str, ...] = ("None", "Low", "Medium", "High", "Very high")
RATING_CODES: dict[str, int] = {"low": 1, "medium": 2, "high": 3, "very_high": 4}
TREND_CODES: tuple[str, ...] = ("increasing", "stable", "decreasing", "unknown")

DEFAULT_CONFIG_PATH = Path(__file__).parent / "data" / "scoring.toml"

# Miradi's scope x severity table (rows: scope None..Very high; columns: severity None..Very
# high). Every cell equals min(scope, severity), which is how DESIGN.md states it.
MAGNITUDE_TABLE: np.ndarray = np.array(
    [
        [0, 0, 0, 0, 0],
        [0, 1, 1, 1, 1],
        [0, 1, 2, 2, 2],
        [0, 1, 2, 3, 3],
        [0, 1, 2, 3, 4],
    ],
    dtype=np.int8,
)

# Miradi's magnitude x irreversibility table (rows: magnitude None..Very high; columns:
# irreversibility None..Very high). Irreversibility Medium or High keeps the magnitude, Very
# high raises it one level (capped at Very high), Low lowers it one level (floored at Low).
# This agrees cell by cell with the rule in DESIGN.md ("one step up when irreversibility is
# Very high, one step down when it is Low"); the table is kept explicit so it can be read
# against the published one.
RATING_TABLE: np.ndarray = np.array(
    [
        [0, 0, 0, 0, 0],
        [0, 1, 1, 1, 2],
        [0, 1, 2, 2, 3],
        [0, 2, 3, 3, 4],
        [0, 3, 4, 4, 4],
    ],
    dtype=np.int8,
)

THREAT_SCORE_COLUMNS: tuple[str, ...] = (
    "country",
    "theme",
    "n_respondents",
    "n_reporting",
    "share_reporting",
    "n_rated",
    "n_groups",
    "mean_rating",
    "ci_low",
    "ci_high",
    "agreement",
    "rollup_2prime",
    "rollup_label",
    "trend",
    "trend_increasing",
    "trend_stable",
    "trend_decreasing",
    "trend_unknown",
    "n_texts_survey",
    "n_texts_interview",
    "n_texts",
    "mention_share_survey",
    "mention_share_interview",
    "mention_share",
    "score",
    "low_evidence",
    "rank",
)

MENTION_COLUMNS: tuple[str, ...] = (
    "country",
    "theme",
    "n_texts_survey",
    "n_texts_interview",
    "n_texts",
    "mention_share_survey",
    "mention_share_interview",
    "mention_share",
)

_DECIMALS = 4


# --------------------------------------------------------------------------- configuration

_SECTIONS: dict[str, tuple[str, ...]] = {
    "threat_score": (
        "rating_weight",
        "reporting_weight",
        "mention_weight",
        "min_n",
        "bootstrap_resamples",
        "interval",
    ),
    "priority": ("threat_aggregate", "cost_factor_low", "cost_factor_medium", "cost_factor_high"),
    "regional": ("rating_threshold", "share_threshold", "min_countries", "transboundary_bonus"),
    "gap": ("top_n", "unknown_effectiveness_credit"),
}

_MEANINGS: dict[str, str] = {
    "rating_weight": "weight of mean_rating / 4 in the combined threat score",
    "reporting_weight": "weight of share_reporting in the combined threat score",
    "mention_weight": "weight of mention_share (free text and interviews) in the score",
    "min_n": "cells answered by fewer respondents are flagged low_evidence (not dropped)",
    "bootstrap_resamples": "bootstrap resamples of respondents within stakeholder groups",
    "interval": "two-sided coverage of the bootstrap interval ci_low..ci_high",
    "threat_aggregate": "how an action's threat scores combine: max or sum",
    "cost_factor_low": "priority multiplier for low-cost actions",
    "cost_factor_medium": "priority multiplier for medium-cost actions",
    "cost_factor_high": "priority multiplier for high-cost actions",
    "rating_threshold": "a range state shares a threat if mean_rating is at least this",
    "share_threshold": "... or if share_reporting is at least this",
    "min_countries": "a threat is transboundary when shared by at least this many range states",
    "transboundary_bonus": "transboundary actions on such threats get priority x (1 + bonus)",
    "top_n": "a need is pressing for a respondent who ranks it within this top n",
    "unknown_effectiveness_credit": "coverage credited to a measure of unrated effectiveness",
}


@dataclass(frozen=True)
class ScoringConfig:
    """Weights and thresholds of the threat scores and action priorities.

    Read from ``analysis/data/scoring.toml`` by :meth:`load`; :meth:`as_table` lists every
    setting with its value and meaning so it can be shown beside the results.
    """

    rating_weight: float = 0.5
    reporting_weight: float = 0.3
    mention_weight: float = 0.2
    min_n: int = 5
    bootstrap_resamples: int = 200
    interval: float = 0.90
    threat_aggregate: str = "max"
    cost_factor_low: float = 1.0
    cost_factor_medium: float = 0.85
    cost_factor_high: float = 0.7
    rating_threshold: float = 3.0
    share_threshold: float = 0.5
    min_countries: int = 2
    transboundary_bonus: float = 0.25
    top_n: int = 3
    unknown_effectiveness_credit: float = 0.5

    def __post_init__(self) -> None:
        weights = (self.rating_weight, self.reporting_weight, self.mention_weight)
        if min(weights) < 0 or sum(weights) <= 0:
            raise ValueError("score weights must be non-negative and not all zero")
        if self.threat_aggregate not in ("max", "sum"):
            raise ValueError("threat_aggregate must be 'max' or 'sum'")
        if not 0 < self.interval < 1:
            raise ValueError("interval must lie strictly between 0 and 1")
        if self.bootstrap_resamples < 1 or self.min_n < 0 or self.top_n < 1:
            raise ValueError("bootstrap_resamples and top_n must be >= 1, min_n >= 0")

    @classmethod
    def load(cls, path: str | Path | None = None) -> ScoringConfig:
        """Read a scoring TOML file (default: the one shipped in ``analysis/data``).

        Settings missing from the file keep their defaults; an unknown section or setting
        raises ``ValueError`` so that a typo cannot silently change nothing.
        """
        with open(path or DEFAULT_CONFIG_PATH, "rb") as fh:
            data = tomllib.load(fh)
        values: dict[str, object] = {}
        for section, entries in data.items():
            if section not in _SECTIONS or not isinstance(entries, dict):
                raise ValueError(f"unknown section [{section}] in scoring config")
            for key, value in entries.items():
                if key not in _SECTIONS[section]:
                    raise ValueError(f"unknown setting {section}.{key} in scoring config")
                values[key] = value
        return cls(**values)

    def cost_factor(self, cost: int) -> float:
        """Priority multiplier for a cost class (1 low, 2 medium, 3 high)."""
        return {1: self.cost_factor_low, 2: self.cost_factor_medium, 3: self.cost_factor_high}[
            int(cost)
        ]

    def as_table(self) -> pd.DataFrame:
        """Every setting as a row: section, setting, value (as text), meaning."""
        section_of = {key: sec for sec, keys in _SECTIONS.items() for key in keys}
        values = asdict(self)
        rows = [
            {
                "section": section_of[f.name],
                "setting": f.name,
                "value": str(values[f.name]),
                "meaning": _MEANINGS[f.name],
            }
            for f in fields(self)
        ]
        return pd.DataFrame(rows, columns=["section", "setting", "value", "meaning"])


# --------------------------------------------------------------------------- rating rules


def _check_level(value: int, name: str) -> int:
    level = int(value)
    if not 0 <= level <= 4:
        raise ValueError(f"{name} must be a level 0..4, got {value!r}")
    return level


def magnitude(scope: int, severity: int) -> int:
    """Miradi magnitude of a threat from its scope and severity levels (0..4 each)."""
    return int(MAGNITUDE_TABLE[_check_level(scope, "scope"), _check_level(severity, "severity")])


def threat_rating(scope: int, severity: int, irreversibility: int) -> int:
    """Miradi threat rating (0..4) of one threat from scope, severity and irreversibility.

    The magnitude (:func:`magnitude`) is combined with irreversibility through
    :data:`RATING_TABLE`.
    """
    mag = magnitude(scope, severity)
    return int(RATING_TABLE[mag, _check_level(irreversibility, "irreversibility")])


def level_label(level: int) -> str:
    """English label of a level 0..4 ("None" .. "Very high")."""
    return LEVEL_LABELS[_check_level(level, "level")]


def _two_prime_counts(
    very_high: np.ndarray, high: np.ndarray, medium: np.ndarray, low: np.ndarray
) -> np.ndarray:
    return np.select(
        [
            very_high >= 2,
            (very_high == 1) | (high >= 2),
            (high == 1) | (medium >= 2),
            (medium + low) >= 1,
        ],
        [4, 3, 2, 1],
        default=0,
    )


def two_prime(ratings: Iterable[int]) -> int:
    """Roll several ratings (levels 0..4) up into one with the Conservation Standards' 2-prime rule.

    Very high if at least two are Very high; High if one is Very high or at least two are
    High; Medium if one is High or at least two are Medium; Low if any is Low or Medium;
    None (0) when nothing above None was given. Missing values are ignored. (Miradi applies
    the 3-5-7 rule before the 2-prime rule when it rolls up many targets; across respondents
    rating the same threat that would make a crowd of Low answers look worse, so it is not
    applied here.)
    """
    values = np.array([int(v) for v in ratings if v is not None and not pd.isna(v)], dtype=int)
    counts = [np.array([(values == level).sum()]) for level in (4, 3, 2, 1)]
    return int(_two_prime_counts(*counts)[0])


def rate_responses(ratings: pd.DataFrame) -> pd.DataFrame:
    """Add each respondent's Miradi ``magnitude`` and ``rating`` to a ratings frame.

    Input: the ``ratings`` frame (scope, severity, irreversibility: levels 1..4 or NA;
    present: bool). Output: a copy with ``magnitude`` and ``rating`` (nullable Int64). A
    respondent who says the threat is absent gets rating 0 (None); one who says it is present
    but leaves any of the three criteria unrated gets NA, as Miradi leaves such a threat
    "not specified".
    """
    out = ratings.copy()
    present = _present(out)
    scope, severity, irrev = (_levels(out, col) for col in ("scope", "severity", "irreversibility"))
    rated = present & (scope > 0) & (severity > 0) & (irrev > 0)
    mag = MAGNITUDE_TABLE[scope, severity]
    rating = RATING_TABLE[mag, irrev]
    out["magnitude"] = pd.array(np.where(rated, mag, 0), dtype="Int64")
    out.loc[present & ~rated, "magnitude"] = pd.NA
    out["rating"] = pd.array(np.where(rated, rating, 0), dtype="Int64")
    out.loc[present & ~rated, "rating"] = pd.NA
    return out


def _present(ratings: pd.DataFrame) -> np.ndarray:
    if "present" not in ratings:
        return np.zeros(len(ratings), dtype=bool)
    return ratings["present"].astype("boolean").to_numpy(dtype=bool, na_value=False)


def _levels(ratings: pd.DataFrame, column: str) -> np.ndarray:
    """A rating column as int levels 0..4, where 0 stands for missing or out of range."""
    if column not in ratings:
        return np.zeros(len(ratings), dtype=np.int64)
    values = pd.to_numeric(ratings[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    valid = np.isin(values, (1.0, 2.0, 3.0, 4.0))
    return np.where(valid, np.nan_to_num(values), 0).astype(np.int64)


# --------------------------------------------------------------------------- mentions


def split_codes(value: object) -> list[str]:
    """Split a ";"-separated code list ("poaching; climate") into clean lower-case codes."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip().lower() for part in str(value).split(";") if part.strip()]


def _text_themes(texts: pd.DataFrame) -> pd.DataFrame:
    """One row per text and theme mentioned (union of ``themes`` and ``tags``)."""
    parts = [texts[col].fillna("").astype(str) for col in ("themes", "tags") if col in texts]
    if not parts or texts.empty:
        return pd.DataFrame({"row": pd.Series(dtype=np.int64), "theme": pd.Series(dtype=str)})
    joined = parts[0] if len(parts) == 1 else parts[0] + ";" + parts[1]
    frame = pd.DataFrame({"row": np.arange(len(texts)), "theme": joined.to_numpy()})
    frame["theme"] = frame["theme"].str.split(";")
    frame = frame.explode("theme")
    frame["theme"] = frame["theme"].fillna("").astype(str).str.strip().str.lower()
    return frame[frame["theme"] != ""].drop_duplicates()


def mention_shares(texts: pd.DataFrame | None) -> pd.DataFrame:
    """Share of each country's texts that mention each theme, per source and combined.

    Input: the ``texts`` frame (country, source, and ``themes`` from tagging and/or ``tags``
    given by facilitators, ";"-separated). A text mentions a theme when either list holds it.
    Output: one row per country x theme that has texts (:data:`MENTION_COLUMNS`):
    ``mention_share_survey`` = survey texts of that country mentioning the theme / survey texts
    of that country, likewise for interviews, and ``mention_share`` over both. A share is NaN
    when the country has no texts of that source.
    """
    empty = pd.DataFrame({c: pd.Series(dtype=_MENTION_DTYPES[c]) for c in MENTION_COLUMNS})
    if texts is None or texts.empty or "country" not in texts:
        return empty
    texts = texts.reset_index(drop=True)
    meta = pd.DataFrame(
        {
            "country": texts["country"].fillna("").astype(str),
            "source": texts["source"].fillna("").astype(str) if "source" in texts else "",
        }
    )
    meta = meta[meta["country"] != ""]
    if meta.empty:
        return empty
    mentioned = _text_themes(texts).merge(meta, left_on="row", right_index=True)
    themes = list(THEMES) + sorted(set(mentioned["theme"]) - set(THEMES))
    result = pd.MultiIndex.from_product(
        [sorted(meta["country"].unique()), themes], names=["country", "theme"]
    ).to_frame(index=False)
    for suffix, source in (("_survey", "survey"), ("_interview", "interview"), ("", None)):
        texts_in = meta if source is None else meta[meta["source"] == source]
        hits_in = mentioned if source is None else mentioned[mentioned["source"] == source]
        totals = result["country"].map(texts_in.groupby("country").size()).fillna(0)
        hits = hits_in.groupby(["country", "theme"]).size().rename("hits").reset_index()
        n_hits = result.merge(hits, on=["country", "theme"], how="left")["hits"].fillna(0)
        result[f"n_texts{suffix}"] = totals.astype(np.int64).to_numpy()
        result[f"mention_share{suffix}"] = np.where(
            totals > 0, n_hits.to_numpy() / np.maximum(totals.to_numpy(), 1), np.nan
        )
    return result[list(MENTION_COLUMNS)]


_MENTION_DTYPES = {
    "country": str,
    "theme": str,
    "n_texts_survey": np.int64,
    "n_texts_interview": np.int64,
    "n_texts": np.int64,
    "mention_share_survey": float,
    "mention_share_interview": float,
    "mention_share": float,
}


# --------------------------------------------------------------------------- threat scores


def threat_scores(
    ratings: pd.DataFrame,
    texts: pd.DataFrame | None = None,
    *,
    config: ScoringConfig | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """Score every threat theme in every country from ratings and text mentions.

    Input: ``ratings`` (one row per respondent and theme, see the data contract) and
    optionally ``texts`` with ``themes`` and/or ``tags``. Output: one row per country x theme
    (every theme of :data:`THEMES` for every country that has ratings or texts), columns
    :data:`THREAT_SCORE_COLUMNS`, sorted by country then rank:

    * ``n_respondents``: respondents who answered whether the threat is present;
      ``n_reporting``: those who said it is; ``share_reporting`` = n_reporting / n_respondents.
    * ``n_rated``: reporting respondents who rated scope, severity and irreversibility; each
      gets a Miradi threat rating 1..4 (:func:`threat_rating`).
    * ``mean_rating``: mean rating first within each stakeholder group, then the plain mean of
      the group means, so thirty answers from one group weigh as much as three from another;
      ``n_groups``: groups with at least one rating.
    * ``ci_low``/``ci_high``: percentile bootstrap interval (``config.interval``, default 90 %)
      of that group-balanced mean, resampling respondents with replacement within each group
      (``config.bootstrap_resamples`` resamples, seeded by ``seed``). Because ratings take
      four values, a resample of a group is drawn as multinomial counts of those values,
      which has exactly the distribution of resampling its respondents, and costs the same
      for 30 or 30,000 respondents.
    * ``agreement``: share of rated respondents whose rating equals the most common rating
      (1 = all agree; 0.25 is the floor with four levels).
    * ``rollup_2prime``/``rollup_label``: the 2-prime roll-up (:func:`two_prime`) of all
      ratings.
    * ``trend``: most common answer among increasing/stable/decreasing given by reporting
      respondents (ties go to the worse trend: increasing, then stable, then decreasing;
      "unknown" when nobody gave one), and the share of each trend answer
      (``trend_increasing`` ... ``trend_unknown``, over respondents who answered the trend).
    * ``mention_share_survey``/``_interview``/``mention_share``: see :func:`mention_shares`.
    * ``score``: weighted mean of mean_rating / 4, share_reporting and mention_share with the
      weights of ``config``; a component without data (NaN) is left out and the remaining
      weights rescaled; 0 when no component has data.
    * ``low_evidence``: n_respondents < ``config.min_n`` (flagged, never dropped).
    * ``rank``: 1 = highest score within the country (ties: higher mean_rating, then the
      order of :data:`THEMES`).
    """
    cfg = config or ScoringConfig.load()
    ratings = ratings if ratings is not None else pd.DataFrame()
    mentions = mention_shares(texts)

    rating_countries = (
        set(ratings["country"].dropna().astype(str)) - {""} if "country" in ratings else set()
    )
    countries = sorted(rating_countries | set(mentions["country"]))
    if not countries:
        return _empty_scores()
    extra_themes = set()
    if "theme" in ratings:
        extra_themes |= set(ratings["theme"].dropna().astype(str)) - {""}
    extra_themes |= set(mentions["theme"])
    themes = list(THEMES) + sorted(extra_themes - set(THEMES))

    stats = _rating_stats(ratings, countries, themes, cfg, seed)
    out = pd.DataFrame(
        {
            "country": np.repeat(countries, len(themes)),
            "theme": np.tile(themes, len(countries)),
        }
    )
    for name, values in stats.items():
        out[name] = values
    out = out.merge(mentions, on=["country", "theme"], how="left")
    for col in ("n_texts_survey", "n_texts_interview", "n_texts"):
        out[col] = out[col].fillna(0).astype(np.int64)

    components = np.column_stack(
        [out["mean_rating"] / 4.0, out["share_reporting"], out["mention_share"]]
    ).astype(float)
    weights = np.array([cfg.rating_weight, cfg.reporting_weight, cfg.mention_weight])
    available = ~np.isnan(components)
    weight_sum = (available * weights).sum(axis=1)
    weighted = np.nansum(components * weights, axis=1)
    out["score"] = np.where(weight_sum > 0, weighted / np.where(weight_sum > 0, weight_sum, 1), 0.0)
    out["low_evidence"] = out["n_respondents"] < cfg.min_n

    theme_order = {theme: i for i, theme in enumerate(themes)}
    out["_order"] = out["theme"].map(theme_order)
    out["_mean"] = out["mean_rating"].fillna(-1.0)
    out = out.sort_values(
        ["country", "score", "_mean", "_order"], ascending=[True, False, False, True], kind="stable"
    )
    out["rank"] = out.groupby("country").cumcount().astype(np.int64) + 1
    out = out.drop(columns=["_order", "_mean"]).reset_index(drop=True)
    floats = out.select_dtypes("float").columns
    out[floats] = out[floats].round(_DECIMALS)
    return out[list(THREAT_SCORE_COLUMNS)]


def _empty_scores() -> pd.DataFrame:
    ints = {
        "n_respondents",
        "n_reporting",
        "n_rated",
        "n_groups",
        "rollup_2prime",
        "rank",
        "n_texts_survey",
        "n_texts_interview",
        "n_texts",
    }
    strings = {"country", "theme", "rollup_label", "trend"}

    def dtype(col: str) -> object:
        if col in ints:
            return np.int64
        if col in strings:
            return str
        return bool if col == "low_evidence" else float

    return pd.DataFrame({c: pd.Series(dtype=dtype(c)) for c in THREAT_SCORE_COLUMNS})


def _codes(values: pd.Series, categories: list[str], normalise: bool = False) -> np.ndarray:
    """Position of each value in ``categories`` (-1 when absent or missing).

    Works on the distinct values only, so a million rows cost one factorisation.
    """
    codes, uniques = pd.factorize(values)
    position = {category: i for i, category in enumerate(categories)}
    keys = [str(u).strip().lower() if normalise else str(u) for u in uniques]
    table = np.array([position.get(key, -1) for key in keys] + [-1], dtype=np.int64)
    return table[codes]


def _rating_stats(
    ratings: pd.DataFrame,
    countries: list[str],
    themes: list[str],
    cfg: ScoringConfig,
    seed: int,
) -> dict[str, np.ndarray]:
    """Per-cell rating statistics, cells ordered country-major like the output frame."""
    n_cells = len(countries) * len(themes)
    nan = np.full(n_cells, np.nan)
    zeros = np.zeros(n_cells, dtype=np.int64)
    stats: dict[str, np.ndarray] = {
        "n_respondents": zeros.copy(),
        "n_reporting": zeros.copy(),
        "share_reporting": nan.copy(),
        "n_rated": zeros.copy(),
        "n_groups": zeros.copy(),
        "mean_rating": nan.copy(),
        "ci_low": nan.copy(),
        "ci_high": nan.copy(),
        "agreement": nan.copy(),
        "rollup_2prime": zeros.copy(),
        "rollup_label": np.array([LEVEL_LABELS[0]] * n_cells, dtype=object),
        "trend": np.array(["unknown"] * n_cells, dtype=object),
        "trend_increasing": nan.copy(),
        "trend_stable": nan.copy(),
        "trend_decreasing": nan.copy(),
        "trend_unknown": nan.copy(),
    }
    if ratings.empty or not {"country", "theme"} <= set(ratings.columns):
        return stats

    country_idx = _codes(ratings["country"], countries)
    theme_idx = _codes(ratings["theme"], themes)
    keep = (country_idx >= 0) & (theme_idx >= 0)
    if "response_id" in ratings:
        # The contract is one row per respondent and theme; if a respondent appears twice
        # for a theme (a resubmission), the last row wins so nobody counts twice.
        respondent = pd.factorize(ratings["response_id"].astype(str))[0].astype(np.int64)
        dup = pd.Series(respondent * len(themes) + theme_idx).duplicated(keep="last").to_numpy()
        keep &= ~dup
    cell = (country_idx * len(themes) + theme_idx)[keep]
    present_col = ratings["present"] if "present" in ratings else pd.Series(pd.NA, ratings.index)
    answered = present_col.notna().to_numpy()[keep]
    present = _present(ratings)[keep]
    scope, severity, irrev = (
        _levels(ratings, col)[keep] for col in ("scope", "severity", "irreversibility")
    )
    rated = present & (scope > 0) & (severity > 0) & (irrev > 0)
    rating = RATING_TABLE[MAGNITUDE_TABLE[scope, severity], irrev].astype(np.int64)

    n_resp = np.bincount(cell[answered], minlength=n_cells)
    n_rep = np.bincount(cell[present], minlength=n_cells)
    stats["n_respondents"] = n_resp.astype(np.int64)
    stats["n_reporting"] = n_rep.astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        stats["share_reporting"] = np.where(n_resp > 0, n_rep / np.maximum(n_resp, 1), np.nan)

    r_cell, r_level = cell[rated], rating[rated]
    level_counts = np.bincount(r_cell * 4 + (r_level - 1), minlength=n_cells * 4).reshape(
        n_cells, 4
    )
    n_rated = level_counts.sum(axis=1)
    stats["n_rated"] = n_rated.astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        stats["agreement"] = np.where(
            n_rated > 0, level_counts.max(axis=1) / np.maximum(n_rated, 1), np.nan
        )
    rollup = _two_prime_counts(
        level_counts[:, 3], level_counts[:, 2], level_counts[:, 1], level_counts[:, 0]
    )
    stats["rollup_2prime"] = rollup.astype(np.int64)
    stats["rollup_label"] = np.array(LEVEL_LABELS, dtype=object)[rollup]

    if r_cell.size:
        group_col = ratings["group"] if "group" in ratings else pd.Series("", ratings.index)
        group_idx = pd.factorize(group_col.fillna("").astype(str), sort=True)[0][keep][rated]
        n_group_codes = int(group_idx.max()) + 1
        _group_balanced(
            stats, r_cell, group_idx.astype(np.int64), n_group_codes, r_level, n_cells, cfg, seed
        )

    _trend_stats(stats, ratings, keep, present, cell, n_cells)
    return stats


def _group_balanced(
    stats: dict[str, np.ndarray],
    cell: np.ndarray,
    group: np.ndarray,
    n_group_codes: int,
    level: np.ndarray,
    n_cells: int,
    cfg: ScoringConfig,
    seed: int,
) -> None:
    """Group-balanced mean rating per cell and its bootstrap interval."""
    cell_group = cell * n_group_codes + group
    uniq, inverse = np.unique(cell_group, return_inverse=True)
    counts = np.bincount(inverse * 4 + (level - 1), minlength=len(uniq) * 4).reshape(-1, 4)
    n_in_group = counts.sum(axis=1)
    levels = np.arange(1, 5, dtype=float)
    group_mean = counts @ levels / n_in_group
    group_cell = uniq // n_group_codes  # ascending, so each cell's groups are contiguous
    n_groups = np.bincount(group_cell, minlength=n_cells)
    stats["n_groups"] = n_groups.astype(np.int64)
    sums = np.bincount(group_cell, weights=group_mean, minlength=n_cells)
    with np.errstate(invalid="ignore", divide="ignore"):
        stats["mean_rating"] = np.where(n_groups > 0, sums / np.maximum(n_groups, 1), np.nan)

    rng = np.random.default_rng(seed)
    draws = rng.multinomial(
        n_in_group, counts / n_in_group[:, None], size=(cfg.bootstrap_resamples, len(uniq))
    )
    boot_group_mean = draws @ levels / n_in_group  # resamples x groups
    cells_with_data, starts = np.unique(group_cell, return_index=True)
    boot_cell_mean = np.add.reduceat(boot_group_mean, starts, axis=1) / n_groups[cells_with_data]
    tail = (1.0 - cfg.interval) / 2.0
    low, high = np.quantile(boot_cell_mean, [tail, 1.0 - tail], axis=0)
    stats["ci_low"][cells_with_data] = low
    stats["ci_high"][cells_with_data] = high


def _trend_stats(
    stats: dict[str, np.ndarray],
    ratings: pd.DataFrame,
    keep: np.ndarray,
    present: np.ndarray,
    cell: np.ndarray,
    n_cells: int,
) -> None:
    if "trend" not in ratings:
        return
    trend = _codes(ratings["trend"], list(TREND_CODES), normalise=True)[keep]
    answered = present & (trend >= 0)
    counts = np.bincount(cell[answered] * 4 + trend[answered], minlength=n_cells * 4).reshape(
        n_cells, 4
    )
    total = counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(total[:, None] > 0, counts / np.maximum(total, 1)[:, None], np.nan)
    for i, code in enumerate(TREND_CODES):
        stats[f"trend_{code}"] = shares[:, i]
    known = counts[:, :3]
    # argmax keeps the first maximum, so ties resolve to increasing, then stable.
    modal = np.array(TREND_CODES[:3], dtype=object)[known.argmax(axis=1)]
    stats["trend"] = np.where(known.sum(axis=1) > 0, modal, "unknown").astype(object)

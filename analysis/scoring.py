"""The rating rules of the Conservation Standards, the settings of the method, and mentions.

Respondents rate each direct threat to each conservation target (a species they know, or,
in questionnaire 2026.1, one pooled target "the species in your area") on the four-level
scales of the Conservation Measures Partnership's *Open Standards for the Practice of
Conservation* ("Conservation Standards", CMP 2020, v4.0), using the simple threat rating
that Miradi implements (Miradi help, "Threat-Target Ratings",
https://help.miradishare.org/hc/en-us/articles/7652645354395 ; the same rules are coded in
Miradi's open-source client, ``org.miradi.project.threatrating.SimpleThreatFormula``):

* scope: share of the population affected within 10 years (1-10 / 11-30 / 31-70 / 71-100 %);
* severity: decline within the scope (same bands);
* irreversibility: time to recover (0-5 / 6-20 / 21-100 / >100 years or never).

Levels are coded None=0, Low=1, Medium=2, High=3, Very high=4. One respondent's rating of one
threat to one target is looked up in two published tables: scope x severity gives the
*magnitude* (:data:`MAGNITUDE_TABLE`, every cell = min(scope, severity)), and magnitude x
irreversibility gives the *threat rating* (:data:`RATING_TABLE`); see :func:`rate_responses`.

Ratings of one threat to one target by many respondents are averaged (group-balanced, in
:mod:`analysis.assessment`) and the average is given a label by the cut-points of
:class:`ScoringConfig` (:func:`rating_levels`). The standard's rule for one threat across
targets, Miradi's summary threat rating (the 3-5-7 rule, then the 2-prime rule), is
:func:`summary_rating`; it is never applied across respondents, because it would make a
label rise merely because more people answered. :func:`tastle_wierman` measures how far
respondents agree. :func:`mention_shares` counts how often texts mention each theme.
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
POOLED_TARGET = "pooled"

DEFAULT_CONFIG_PATH = Path(__file__).parent / "data" / "scoring.toml"

# Miradi's scope x severity table (rows: scope None..Very high; columns: severity None..Very
# high). Every cell equals min(scope, severity), which is how docs/method.md states it.
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
# The table is kept explicit so it can be read against the published one.
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

#: Values are compared with cut-points after rounding to this many decimals, so that
#: floating-point noise cannot move a value lying exactly on a cut-point (e.g. (7/3+8/3)/2).
VALUE_DECIMALS = 9


# --------------------------------------------------------------------------- configuration

_SECTIONS: dict[str, tuple[str, ...]] = {
    "rating": ("cut_low", "cut_medium", "cut_high", "cut_very_high", "min_n", "min_groups"),
    "bootstrap": ("resamples", "interval"),
    "text": ("text_weight",),
    "priority": ("strategy_exponent", "need_exponent", "factor_weight"),
    "regional": ("min_states", "min_level"),
    "sensitivity": ("perturbation", "random_scenarios", "stable_share"),
    "gap": ("top_n", "unknown_effectiveness_credit"),
}

_MEANINGS: dict[str, str] = {
    "cut_low": "a target's rating_value at or above this is labelled Low (below: None)",
    "cut_medium": "a target's rating_value at or above this is labelled Medium",
    "cut_high": "a target's rating_value at or above this is labelled High",
    "cut_very_high": "a target's rating_value at or above this is labelled Very high",
    "min_n": "a target rating (or factor gap) from fewer respondents is low evidence",
    "min_groups": "a target rating (or factor gap) from fewer stakeholder groups is low evidence",
    "resamples": "bootstrap replicates (respondents resampled within their country)",
    "interval": "two-sided coverage of the bootstrap percentile intervals",
    "text_weight": (
        "weight w of text mentions in a threat's country value: (1 - w) x summary level "
        "+ w x 4 x mention_share; 0 = texts are shown, never counted"
    ),
    "strategy_exponent": "exponent a of (strategy value / 4) in an action's priority",
    "need_exponent": "exponent b of (need / 4) in an action's priority",
    "factor_weight": "a factor's country value = factor_weight x gap (a threat's: its level)",
    "min_states": "range states sharing a population that must rate the threat High or above",
    "min_level": "label level (3 = High) a target rating must reach for the regional rule",
    "perturbation": "relative change of each weight and cut-point in the sensitivity runs",
    "random_scenarios": "sensitivity scenarios with every weight and cut-point drawn at random",
    "stable_share": "a country's ranking is 'stable' when at least this share keeps its top 3",
    "top_n": "a need is pressing for a respondent who ranks it within this top n",
    "unknown_effectiveness_credit": "coverage credited to a measure of unrated effectiveness",
}

#: Settings the sensitivity runs perturb (each weight and cut-point of the ranking chain).
PERTURBED_SETTINGS: tuple[str, ...] = (
    "cut_low",
    "cut_medium",
    "cut_high",
    "cut_very_high",
    "text_weight",
    "strategy_exponent",
    "need_exponent",
    "factor_weight",
)


@dataclass(frozen=True)
class ScoringConfig:
    """Every weight, cut-point and threshold of the method.

    Read from ``analysis/data/scoring.toml`` by :meth:`load`; :meth:`as_table` lists every
    setting with its section, value and meaning so it can be shown beside the results.
    """

    cut_low: float = 0.5
    cut_medium: float = 1.5
    cut_high: float = 2.5
    cut_very_high: float = 3.5
    min_n: int = 5
    min_groups: int = 2
    resamples: int = 1000
    interval: float = 0.90
    text_weight: float = 0.0
    strategy_exponent: float = 1.0
    need_exponent: float = 1.0
    factor_weight: float = 1.0
    min_states: int = 2
    min_level: int = 3
    perturbation: float = 0.25
    random_scenarios: int = 50
    stable_share: float = 0.8
    top_n: int = 3
    unknown_effectiveness_credit: float = 0.5

    def __post_init__(self) -> None:
        cuts = self.cuts
        if not all(0 < a < b for a, b in zip(cuts, cuts[1:], strict=False)) or cuts[0] <= 0:
            raise ValueError("cut-points must be positive and strictly increasing")
        if not 0 < self.interval < 1:
            raise ValueError("interval must lie strictly between 0 and 1")
        if not 0 <= self.text_weight <= 1:
            raise ValueError("text_weight must lie between 0 and 1")
        if min(self.strategy_exponent, self.need_exponent, self.factor_weight) < 0:
            raise ValueError("exponents and factor_weight must be non-negative")
        if self.resamples < 1 or self.min_n < 0 or self.min_groups < 0 or self.top_n < 1:
            raise ValueError("resamples and top_n must be >= 1, min_n and min_groups >= 0")
        if self.min_states < 2 or not 1 <= self.min_level <= 4:
            raise ValueError("min_states must be >= 2 and min_level a level 1..4")
        if not 0 <= self.perturbation < 1 or self.random_scenarios < 0:
            raise ValueError("perturbation must lie in [0, 1), random_scenarios >= 0")
        if not 0 <= self.stable_share <= 1:
            raise ValueError("stable_share must lie between 0 and 1")

    @property
    def cuts(self) -> tuple[float, float, float, float]:
        """The four cut-points Low, Medium, High, Very high, in order."""
        return (self.cut_low, self.cut_medium, self.cut_high, self.cut_very_high)

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


def rate_responses(ratings: pd.DataFrame) -> pd.DataFrame:
    """Each respondent's Miradi rating of one threat to one target (step 1 of the method).

    Input: the ``ratings`` frame of the data contract (``present``: bool or NA; ``scope``,
    ``severity``, ``irreversibility``: levels 1..4 or NA). Output: a copy with

    * ``magnitude`` = min(scope, severity) (:data:`MAGNITUDE_TABLE`), Int64 or NA;
    * ``rating_value`` (Int64 0..4 or NA): 0 when the respondent rated the target and said
      the threat does not affect it (``present`` False); the table rating
      (:data:`RATING_TABLE`) when scope, severity and irreversibility are all given; NA
      otherwise, as Miradi leaves such a rating "not specified";
    * ``status``: "rated", "not present", "incomplete" (present but a criterion missing:
      excluded from every average and counted as incomplete) or "not answered" (present NA).
    """
    out = ratings.copy()
    n = len(out)
    present_col = out["present"] if "present" in out else pd.Series(pd.NA, index=out.index)
    present_known = present_col.astype("boolean")
    answered = present_known.notna().to_numpy()
    present = present_known.to_numpy(dtype=bool, na_value=False)
    scope, severity, irrev = (_levels(out, col) for col in ("scope", "severity", "irreversibility"))
    complete = present & (scope > 0) & (severity > 0) & (irrev > 0)
    mag = MAGNITUDE_TABLE[scope, severity].astype(np.int64)
    rating = RATING_TABLE[mag, irrev].astype(np.int64)
    absent = answered & ~present
    value = np.where(complete, rating, 0)
    has_value = complete | absent
    out["magnitude"] = pd.array(np.where(complete, mag, 0), dtype="Int64")
    out.loc[~complete, "magnitude"] = pd.NA
    out["rating_value"] = pd.array(value, dtype="Int64")
    out.loc[~has_value, "rating_value"] = pd.NA
    status = np.full(n, "not answered", dtype=object)
    status[absent] = "not present"
    status[present & ~complete] = "incomplete"
    status[complete] = "rated"
    out["status"] = status
    return out


def _levels(ratings: pd.DataFrame, column: str) -> np.ndarray:
    """A rating column as int levels 0..4, where 0 stands for missing or out of range."""
    if column not in ratings:
        return np.zeros(len(ratings), dtype=np.int64)
    values = pd.to_numeric(ratings[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    valid = np.isin(values, (1.0, 2.0, 3.0, 4.0))
    return np.where(valid, np.nan_to_num(values), 0).astype(np.int64)


def rating_levels(values: np.ndarray, cuts: Iterable[float] | np.ndarray) -> np.ndarray:
    """Label levels 0..4 of rating values by cut-points (step 2 of the method).

    ``values``: any array of values on the 0..4 scale (NaN allowed); ``cuts``: the four
    cut-points Low, Medium, High, Very high, either one sequence for all values or an array
    of shape ``values.shape[:-1] + (4,)`` giving each row its own (the sensitivity runs).
    Output: int array of the same shape as ``values``: the number of cut-points a value
    reaches (value >= cut), after rounding to :data:`VALUE_DECIMALS` decimals; -1 for NaN.
    With the default cut-points: None < 0.5 <= Low < 1.5 <= Medium < 2.5 <= High < 3.5 <=
    Very high.
    """
    values = np.asarray(values, dtype=float)
    cuts = np.asarray(cuts, dtype=float)
    rounded = np.round(values, VALUE_DECIMALS)
    if cuts.ndim == 1:
        levels = (rounded[..., None] >= cuts).sum(axis=-1)
    else:
        levels = (rounded[..., None] >= cuts[..., None, :]).sum(axis=-1)
    return np.where(np.isnan(values), -1, levels).astype(np.int64)


def rating_label(value: float, config: ScoringConfig | None = None) -> str:
    """The label ("None" .. "Very high") of one rating value by the config's cut-points."""
    cfg = config or ScoringConfig()
    level = int(rating_levels(np.array([value]), cfg.cuts)[0])
    if level < 0:
        raise ValueError("a missing value has no label")
    return LEVEL_LABELS[level]


# --------------------------------------------------------------------------- summary rule


def three_five_seven(counts: np.ndarray) -> np.ndarray:
    """Miradi's 3-5-7 rule on counts of labels, carried upward in order.

    ``counts``: array whose last axis holds the numbers of Low, Medium, High and Very high
    ratings (in that order). Output: the same shape with every 7 Lows adding one Medium,
    then every 5 Mediums (including those just added) adding one High, then every 3 Highs
    (likewise) adding one Very high. The lower counts are kept: the 2-prime rule that
    follows looks at the highest levels first, so whether they are kept or removed never
    changes its result. Source: Miradi, ``ThreatFormula.getSummaryOfBundlesWithTwoPrimeRule``;
    CMP Open Standards 4.0 (summary threat rating).
    """
    out = np.array(counts, dtype=np.int64, copy=True)
    out[..., 1] += out[..., 0] // 7
    out[..., 2] += out[..., 1] // 5
    out[..., 3] += out[..., 2] // 3
    return out


def two_prime(counts: np.ndarray) -> np.ndarray:
    """The 2-prime rule on counts of Low, Medium, High, Very high (last axis).

    Very high if at least two are Very high; High if one is Very high or at least two are
    High; Medium if one is High or at least two are Medium; Low if any is Medium or Low;
    None (0) when there is none. Output: int levels 0..4 (shape without the last axis).
    Source: Miradi, ``ThreatFormula.getSummaryOfBundlesWithTwoPrimeRule``.
    """
    counts = np.asarray(counts)
    low, medium, high, very_high = (counts[..., i] for i in range(4))
    return np.select(
        [
            very_high >= 2,
            (very_high == 1) | (high >= 2),
            (high == 1) | (medium >= 2),
            (medium + low) >= 1,
        ],
        [4, 3, 2, 1],
        default=0,
    ).astype(np.int64)


def level_counts(levels: Iterable[int]) -> np.ndarray:
    """Numbers of Low, Medium, High and Very high among ``levels`` (None and NA ignored)."""
    values = [int(v) for v in levels if v is not None and not pd.isna(v)]
    return np.array([sum(1 for v in values if v == level) for level in (1, 2, 3, 4)])


def summary_rating(levels: Iterable[int]) -> int:
    """Miradi's summary rating of one threat across targets (step 3 of the method).

    ``levels``: the target ratings (0..4; None/NA ignored; 0 counts as nothing). The 3-5-7
    rule (:func:`three_five_seven`) is applied first, then the 2-prime rule
    (:func:`two_prime`). Examples: three High and one Very high give Very high (3 High = 1
    Very high, so two Very high); six High give Very high; two High give High; one High
    gives Medium; seven Low give Low (one Medium carried, which alone gives Low); fourteen
    Low give Medium. Source: Miradi, ``ThreatFormula.getSummaryOfBundlesWithTwoPrimeRule``;
    CMP Open Standards 4.0.
    """
    return int(two_prime(three_five_seven(level_counts(levels))))


def summary_steps(levels: Iterable[int]) -> list[str]:
    """The arithmetic of :func:`summary_rating` in words, one line per step."""
    counts = level_counts(levels)
    names = LEVEL_LABELS[1:]
    lines = [
        "counts: " + ", ".join(f"{name} {int(n)}" for name, n in zip(names, counts, strict=True))
    ]
    carried = counts.copy()
    for lower, upper, size in ((0, 1, 7), (1, 2, 5), (2, 3, 3)):
        add = int(carried[lower] // size)
        if add:
            lines.append(
                f"3-5-7 rule: {size} x {names[lower]} = 1 {names[upper]}: {int(carried[lower])} "
                f"{names[lower]} carry {add} to {names[upper]} "
                f"({int(carried[upper])} -> {int(carried[upper]) + add})"
            )
            carried[upper] += add
        else:
            lines.append(
                f"3-5-7 rule: {int(carried[lower])} {names[lower]} < {size}, nothing carried"
            )
    low, medium, high, very_high = (int(n) for n in carried)
    level = int(two_prime(carried))
    if very_high >= 2:
        why = f"Very high {very_high} >= 2"
    elif very_high == 1 or high >= 2:
        why = "Very high = 1" if very_high == 1 else f"High {high} >= 2"
    elif high == 1 or medium >= 2:
        why = "High = 1" if high == 1 else f"Medium {medium} >= 2"
    elif medium + low >= 1:
        why = "at least one Medium or Low"
    else:
        why = "no rating above None"
    lines.append(f"2-prime rule: {why} -> {LEVEL_LABELS[level]}")
    return lines


# --------------------------------------------------------------------------- agreement


def tastle_wierman(
    values: Iterable[float],
    low: float = 0.0,
    high: float = 4.0,
    weights: Iterable[float] | None = None,
) -> float:
    """Tastle-Wierman consensus of ratings on an ordinal scale from ``low`` to ``high``.

    Cns = 1 + sum_i p_i log2(1 - |X_i - mu| / d), where p_i is the share of respondents at
    value X_i, mu = sum_i p_i X_i the mean and d = high - low the width of the scale.
    1 = everyone gave the same value (also for a single respondent); 0 = half at each end
    of the scale. Source: Tastle, W. J. & Wierman, M. J. (2007), "Consensus and dissention:
    a measure of ordinal dispersion", International Journal of Approximate Reasoning 45(3),
    531-545. Returns NaN for no values.
    """
    x = np.asarray(list(values), dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(list(weights), dtype=float)
    if x.size == 0 or w.sum() <= 0:
        return float("nan")
    p = w / w.sum()
    mu = float((p * x).sum())
    distance = np.clip(np.abs(x - mu) / (high - low), 0.0, 1.0)
    with np.errstate(divide="ignore"):
        terms = np.where(p > 0, p * np.log2(np.maximum(1.0 - distance, 1e-300)), 0.0)
    return float(1.0 + terms.sum())


# --------------------------------------------------------------------------- mentions


def split_codes(value: object) -> list[str]:
    """Split a ";"-separated code list ("poaching; climate") into clean lower-case codes."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip().lower() for part in str(value).split(";") if part.strip()]


def _text_themes(texts: pd.DataFrame) -> pd.DataFrame:
    """One row per text and theme mentioned.

    A text's reviewed ``tags`` (given or checked by a person) take precedence: when a text
    has any, its machine ``themes`` are not used (docs/method.md, "Free text"); otherwise its
    ``themes`` from :func:`analysis.tagging.tag_texts` count. An optional boolean
    ``reviewed`` column marks texts a person has coded: a reviewed text with blank ``tags``
    was decided to have no theme, so it mentions nothing whatever the machine found.
    """
    if texts.empty or not ({"themes", "tags"} & set(texts.columns)):
        return pd.DataFrame({"row": pd.Series(dtype=np.int64), "theme": pd.Series(dtype=str)})
    blank = pd.Series("", index=texts.index, dtype=object)
    tags = texts["tags"].fillna("").astype(str) if "tags" in texts else blank
    machine = texts["themes"].fillna("").astype(str) if "themes" in texts else blank
    reviewed = tags.str.replace(";", "", regex=False).str.strip() != ""
    if "reviewed" in texts:
        reviewed |= texts["reviewed"].astype("boolean").fillna(False).astype(bool)
    joined = tags.where(reviewed, machine)
    frame = pd.DataFrame({"row": np.arange(len(texts)), "theme": joined.to_numpy()})
    frame["theme"] = frame["theme"].str.split(";")
    frame = frame.explode("theme")
    frame["theme"] = frame["theme"].fillna("").astype(str).str.strip().str.lower()
    return frame[frame["theme"] != ""].drop_duplicates()


def mention_shares(texts: pd.DataFrame | None) -> pd.DataFrame:
    """Share of each country's texts that mention each theme, per source and combined.

    Input: the ``texts`` frame (country, source, and ``themes`` from tagging and/or ``tags``
    given by facilitators or coders, ";"-separated; optionally ``reviewed``, True for a text
    a person has coded). A text mentions a theme when its reviewed ``tags`` hold it, or, for
    a text neither tagged nor marked ``reviewed``, when its machine ``themes`` do: a text
    marked ``reviewed`` with blank ``tags`` ("no theme") mentions none. It still counts in
    its country's number of texts.
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

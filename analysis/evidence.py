"""The evidence behind one number: the respondents, the group means and the arithmetic.

The method (docs/method.md) has each number one click from the respondents and ratings behind it,
with the arithmetic shown. These functions recompute one cell of ``threat_ratings``, one row
of ``threat_summary`` or one row of ``factor_gaps`` from its inputs, step by step, with the
same rules as :mod:`analysis.assessment` (tests check that they agree).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.assessment import factor_observations, rating_observations
from analysis.scoring import (
    LEVEL_LABELS,
    ScoringConfig,
    rating_levels,
    summary_rating,
    summary_steps,
)

_CUT_NAMES = ("cut_low", "cut_medium", "cut_high", "cut_very_high")
#: Above this many values a group's sum is written as a total, not term by term.
_MAX_TERMS = 12


@dataclass
class Evidence:
    """The evidence for one group-balanced value (a target rating or a factor gap).

    ``respondents``: one row per respondent behind it (for a target rating: response_id,
    group, present, scope, severity, irreversibility, magnitude, rating_value, status;
    excluded rows have status "incomplete" or "not answered" and no value); ``groups``:
    group, n, total, mean; ``steps``: the arithmetic in words, from the group means to the
    value and its label; ``value`` (None when nothing was rated) and ``label``.
    """

    respondents: pd.DataFrame
    groups: pd.DataFrame
    steps: list[str] = field(default_factory=list)
    value: float | None = None
    label: str = "not rated"


@dataclass
class SummaryEvidence:
    """The evidence for one summary threat rating.

    ``targets``: target, rating, rating_value, n_respondents, low_evidence, counted;
    ``steps``: the 3-5-7 and 2-prime steps in words; ``level`` (0..4, None when no target
    counts) and ``label``.
    """

    targets: pd.DataFrame
    steps: list[str]
    level: int | None
    label: str


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _balanced(frame: pd.DataFrame, value: str, config: ScoringConfig, label: bool) -> Evidence:
    """Group means, their mean and (for ratings) the label, with the steps written out."""
    rated = frame[frame[value].notna()]
    if rated.empty:
        groups = pd.DataFrame(columns=["group", "n", "total", "mean"])
        return Evidence(frame, groups, ["nobody gave a value: not rated"], None, "not rated")
    grouped = rated.groupby("group", sort=True)[value]
    groups = pd.DataFrame(
        {"n": grouped.size(), "total": grouped.sum(), "mean": grouped.mean()}
    ).reset_index()
    steps = []
    for group, part in rated.groupby("group", sort=True):
        values = part[value].to_numpy(dtype=float)
        total = values.sum()
        if len(values) <= _MAX_TERMS:
            terms = " + ".join(_number(v) for v in values)
            steps.append(f"{group}: ({terms}) / {len(values)} = {_number(total / len(values))}")
        else:
            steps.append(
                f"{group}: sum of {len(values)} values {_number(total)} / {len(values)} "
                f"= {_number(total / len(values))}"
            )
    means = groups["mean"].to_numpy(dtype=float)
    result = float(means.sum() / len(means))
    steps.append(
        f"group-balanced mean = ({' + '.join(_number(m) for m in means)}) / {len(means)} "
        f"group(s) = {_number(result)}"
    )
    text = _number(result)
    if label:
        level = int(rating_levels(np.array([result]), config.cuts)[0])
        cuts = config.cuts
        lower = f"{_CUT_NAMES[level - 1]} {cuts[level - 1]:g} <= " if level > 0 else ""
        upper = f" < {_CUT_NAMES[level]} {cuts[level]:g}" if level < 4 else ""
        text = LEVEL_LABELS[level]
        steps.append(f"label: {lower}{_number(result)}{upper} -> {text}")
    return Evidence(frame.reset_index(drop=True), groups, steps, result, text)


def cell_evidence(
    ratings: pd.DataFrame,
    country: str,
    target: str,
    threat: str,
    *,
    config: ScoringConfig | None = None,
) -> Evidence:
    """The respondents, group means and arithmetic behind one ``threat_ratings`` cell.

    Input: the contract's ``ratings`` frame and the cell's country, target and threat.
    Output: :class:`Evidence`; its ``value`` and ``label`` equal the cell's
    ``rating_value`` and ``rating``. Each respondent's rating value is written out from
    scope, severity and irreversibility (magnitude = min(scope, severity), then the
    Miradi table), 0 for "not present".
    """
    cfg = config or ScoringConfig()
    obs = rating_observations(ratings)
    part = obs[(obs["country"] == country) & (obs["target"] == target) & (obs["threat"] == threat)]
    columns = [
        "response_id",
        "group",
        "present",
        "scope",
        "severity",
        "irreversibility",
        "magnitude",
        "rating_value",
        "status",
    ]
    part = part.reindex(columns=columns).sort_values(["group", "response_id"], kind="stable")
    evidence = _balanced(part, "rating_value", cfg, label=True)
    rated = part[part["rating_value"].notna()]
    lines = [
        f"{row.response_id} ({row.group}): "
        + (
            "not present -> 0"
            if row.status == "not present"
            else f"scope {row.scope}, severity {row.severity} -> magnitude {row.magnitude}; "
            f"irreversibility {row.irreversibility} -> {int(row.rating_value)}"
        )
        for row in rated.itertuples(index=False)
    ]
    excluded = int((part["status"] == "incomplete").sum())
    if excluded:
        lines.append(f"{excluded} incomplete rating(s) excluded (a criterion left unrated)")
    if len(rated):
        high = int((rated["rating_value"] >= 3).sum())
        lines.append(f"share_high = {high} / {len(rated)} = {_number(high / len(rated))}")
    evidence.steps = lines + evidence.steps
    return evidence


def factor_evidence(
    factor_gaps: pd.DataFrame,
    country: str,
    factor: str,
    *,
    config: ScoringConfig | None = None,
) -> Evidence:
    """The respondents, group means and arithmetic behind one ``factor_gaps`` row.

    Input: the contract's ``factor_gaps`` frame and the row's country and factor. Output:
    :class:`Evidence` whose respondents are response_id, group, gap (the mean of their
    answered items), n_items and items (item=gap, "don't know" shown as NA); its ``value``
    equals the row's ``gap``.
    """
    cfg = config or ScoringConfig()
    per_person = factor_observations(factor_gaps)
    part = per_person[(per_person["country"] == country) & (per_person["factor"] == factor)]
    raw = factor_gaps[(factor_gaps["country"] == country) & (factor_gaps["factor"] == factor)]
    items = raw.groupby(raw["response_id"].astype(str))[["item", "gap"]].apply(
        lambda g: ", ".join(f"{i}={v}" for i, v in zip(g["item"], g["gap"], strict=True))
    )
    part = part.assign(items=part["response_id"].map(items).fillna(""))
    part = part[["response_id", "group", "gap", "n_items", "items"]].sort_values(
        ["group", "response_id"], kind="stable"
    )
    return _balanced(part, "gap", cfg, label=False)


def summary_evidence(
    threat_ratings: pd.DataFrame,
    country: str,
    threat: str,
) -> SummaryEvidence:
    """The target ratings and the 3-5-7 / 2-prime steps behind one ``threat_summary`` row.

    Input: the ``threat_ratings`` output table (or any frame with country, target, threat,
    rating, rating_value, n_respondents, low_evidence) and the row's country and threat.
    Targets that are low evidence or not rated are listed and not counted. Output:
    :class:`SummaryEvidence`; its ``label`` equals the row's ``rating``.
    """
    part = threat_ratings[
        (threat_ratings["country"] == country) & (threat_ratings["threat"] == threat)
    ].copy()
    part["counted"] = ~part["low_evidence"].astype(bool) & part["rating"].isin(LEVEL_LABELS)
    targets = part[
        ["target", "rating", "rating_value", "n_respondents", "low_evidence", "counted"]
    ].reset_index(drop=True)
    counted = targets[targets["counted"]]
    if counted.empty:
        steps = ["no target rating with enough evidence: not rated, not ranked"]
        return SummaryEvidence(targets, steps, None, "not rated")
    levels = [LEVEL_LABELS.index(label) for label in counted["rating"]]
    listed = ", ".join(
        f"{t} {r}" for t, r in zip(counted["target"], counted["rating"], strict=True)
    )
    steps = [f"target ratings counted: {listed}", *summary_steps(levels)]
    level = summary_rating(levels)
    return SummaryEvidence(targets, steps, level, LEVEL_LABELS[level])

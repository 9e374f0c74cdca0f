"""Builders of the analysis input frames for the tests (no app, no database)."""

from __future__ import annotations

import pandas as pd

from analysis.reference import Reference

DIRECT = ("poaching", "livestock", "infrastructure", "climate")
FACTORS = ("governance", "community", "science", "transboundary")


def rating_rows(country, target, threat, group, levels, *, start=0, prefix=None):
    """One row per level: respondent ``{prefix or country}-{group}-{start + i}``.

    A level 1..4 is given as scope = severity = level and irreversibility Medium, which
    keeps the magnitude, so the respondent's rating value is the level itself; level 0 is
    "rated the target, the threat does not affect it" (present False); None is present but
    incomplete (severity missing).
    """
    rows = []
    for i, level in enumerate(levels):
        rows.append(
            {
                "response_id": f"{prefix or country}-{group}-{start + i}",
                "country": country,
                "group": group,
                "target": target,
                "threat": threat,
                "present": level != 0,
                "scope": level if level else None,
                "severity": level if level else None,
                "irreversibility": 2 if level else None,
                "trend": None,
            }
        )
    return rows


def ratings_frame(rows):
    frame = pd.DataFrame(
        rows,
        columns=[
            "response_id",
            "country",
            "group",
            "target",
            "threat",
            "present",
            "scope",
            "severity",
            "irreversibility",
            "trend",
        ],
    )
    for column in ("scope", "severity", "irreversibility"):
        frame[column] = frame[column].astype("Int64")
    frame["present"] = frame["present"].astype("boolean")
    return frame


def gap_rows(country, factor, group, gaps, *, item=None, start=0, prefix=None):
    """One row per gap value (1..4, None = don't know) for ``item`` (default gap_<factor>)."""
    return [
        {
            "response_id": f"{prefix or country}-{group}-{start + i}",
            "country": country,
            "group": group,
            "factor": factor,
            "item": item or f"gap_{factor}",
            "gap": gap,
        }
        for i, gap in enumerate(gaps)
    ]


def gaps_frame(rows):
    frame = pd.DataFrame(rows, columns=["response_id", "country", "group", "factor", "item", "gap"])
    frame["gap"] = frame["gap"].astype("Int64")
    return frame


def reference(populations=(), ranges=()):
    """Theme kinds of the data contract plus the given populations and ranges.

    ``populations``: (code, species, countries); ``ranges``: (species, country).
    """
    return Reference.from_records(
        [{"code": t, "kind": "direct_threat"} for t in DIRECT]
        + [{"code": t, "kind": "contributing_factor"} for t in FACTORS],
        [{"species": s, "country": c} for s, c in ranges],
        [{"code": code, "species": s, "countries": list(cs)} for code, s, cs in populations],
    )

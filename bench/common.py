"""Pieces the benchmark scripts share: the questionnaire's codes, page scraping, ports and
percentiles."""

from __future__ import annotations

import re
import socket

from consult.reference import THEMES, read
from surveys.forms.cami_gap_needs import DIRECT_THREATS, GAP_ITEMS, SLUG

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
CLIENT_RE = re.compile(r'name="client_id" value="([^"]+)"')
SHOWN_RE = re.compile(r'name="shown" value="([^"]*)"')
MEASURES = (
    "protected_areas", "anti_poaching", "wildlife_crossings", "community_programmes",
    "monitoring", "legislation", "transboundary_agreements", "livestock_management",
)  # fmt: skip

ADEQUACY = ("very_inadequate", "inadequate", "partly_adequate", "adequate", "dont_know")

__all__ = ["ADEQUACY", "CLIENT_RE", "CSRF_RE", "DIRECT_THREATS", "GAP_ITEMS", "MEASURES",
           "SHOWN_RE", "SLUG", "THEMES", "free_port", "percentile", "species_in"]  # fmt: skip


def species_in(country: str) -> list[str]:
    """The species that occur in ``country`` (reference data), which it may name."""
    rows = read("species_ranges.json")
    return sorted({row["species"] for row in rows if row["country"] == country})


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile by the nearest-rank method (NaN for no values)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]

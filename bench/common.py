"""Pieces the benchmark scripts share: the questionnaire's codes, page scraping, ports and
percentiles."""

from __future__ import annotations

import re
import socket

from consult.reference import THEMES

SLUG = "cami-gap-needs"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
CLIENT_RE = re.compile(r'name="client_id" value="([^"]+)"')
SHOWN_RE = re.compile(r'name="shown" value="([^"]*)"')
MEASURES = (
    "protected_areas", "anti_poaching", "wildlife_crossings", "community_programmes",
    "monitoring", "legislation", "transboundary_agreements", "livestock_management",
)  # fmt: skip

__all__ = ["CLIENT_RE", "CSRF_RE", "MEASURES", "SHOWN_RE", "SLUG", "THEMES", "free_port",
           "percentile"]  # fmt: skip


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

"""Demo places: where a demo respondent says poaching happens (a point) and where a barrier
runs (a line), drawn inside their country's outline from the shipped boundaries.

Drawn with a generator seeded from the respondent's other answers, so adding places leaves
every other demo answer as it was for the same seed.
"""

from __future__ import annotations

import math
import random
from functools import cache
from typing import Any

import reference

#: Where the programme's species live: demo places are drawn inside this window of each
#: country (Russia's and India's share of the range, not the Arctic or the Deccan).
WINDOW = (27.0, 56.0, 44.0, 122.0)  # south, north, west, east
#: Share of the rated poaching and infrastructure threats given a place.
SHARE = 0.35
TRIES = 200


@cache
def _rings(country: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    for feature in reference.boundaries()["features"]:
        if feature["properties"]["code"] == country:
            geometry = feature["geometry"]
            polygons = (
                [geometry["coordinates"]]
                if geometry["type"] == "Polygon"
                else geometry["coordinates"]
            )
            return tuple(tuple(map(tuple, polygon[0])) for polygon in polygons)
    return ()


def _inside(lon: float, lat: float, rings) -> bool:
    for ring in rings:
        hit = False
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
        if hit:
            return True
    return False


def _bounds(rings) -> tuple[float, float, float, float] | None:
    lons = [x for ring in rings for x, _y in ring]
    lats = [y for ring in rings for _x, y in ring]
    south, north = max(min(lats), WINDOW[0]), min(max(lats), WINDOW[1])
    west, east = max(min(lons), WINDOW[2]), min(max(lons), WINDOW[3])
    return (south, north, west, east) if south < north and west < east else None


def random_point(rng: random.Random, country: str) -> tuple[float, float] | None:
    """A (lat, lon) inside ``country`` and the window, or None when none was found."""
    rings = _rings(country)
    bounds = _bounds(rings) if rings else None
    if bounds is None:
        return None
    south, north, west, east = bounds
    for _ in range(TRIES):
        lat, lon = rng.uniform(south, north), rng.uniform(west, east)
        if _inside(lon, lat, rings):
            return lat, lon
    return None


def random_line(rng: random.Random, country: str) -> list[tuple[float, float]] | None:
    """Three to five (lat, lon) points of a fairly straight line inside ``country``."""
    rings = _rings(country)
    for _ in range(20):
        start = random_point(rng, country)
        if start is None:
            return None
        heading = rng.uniform(0, 2 * math.pi)
        points = [start]
        for _ in range(rng.choice((2, 3, 4))):
            heading += rng.gauss(0, 0.3)
            step = rng.uniform(0.15, 0.45)
            lat = points[-1][0] + step * math.sin(heading)
            lon = points[-1][1] + step * math.cos(heading)
            if not _inside(lon, lat, rings):
                break
            points.append((lat, lon))
        else:
            return points
    return None


def _odk(points) -> str:
    return ";".join(f"{lat:.5f} {lon:.5f} 0 0" for lat, lon in points)


def add_places(values: dict[str, Any]) -> None:
    """Add ``t<i>_poaching_where`` / ``t<i>_infrastructure_where`` to some of the rated
    poaching and infrastructure threats in ``values`` (a demo respondent's answers)."""
    rng = random.Random(repr(sorted(values.items())))
    country = values.get("country", "")
    slot = 1
    while f"target_{slot}" in values:
        threats = str(values.get(f"t{slot}_threats", "")).split()
        if "poaching" in threats and rng.random() < SHARE:
            point = random_point(rng, country)
            if point:
                values[f"t{slot}_poaching_where"] = _odk([point])
        if "infrastructure" in threats and rng.random() < SHARE:
            line = random_line(rng, country)
            if line:
                values[f"t{slot}_infrastructure_where"] = _odk(line)
        slot += 1

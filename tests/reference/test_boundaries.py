"""The range states' outlines shipped for the maps: every range state, valid polygons, small."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

import reference

MAX_BYTES = 400 * 1024


@pytest.fixture(scope="module")
def collection():
    return json.loads(reference.boundaries_path().read_text(encoding="utf-8"))


def _polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon"
    return geometry["coordinates"]


def _cross(a, b, c, d) -> bool:
    """Segments ab and cd cross at a point inside both (touching ends do not count)."""

    def orient(p, q, r):
        value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (value > 0) - (value < 0)

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def _area(ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def test_the_file_is_small(collection):
    assert reference.boundaries_path().stat().st_size < MAX_BYTES


def test_every_range_state_has_one_outline_with_its_code(collection):
    states = [f["properties"] for f in collection["features"] if f["properties"]["range_state"]]
    codes = [props["code"] for props in states]
    assert sorted(codes) == sorted(c["code"] for c in reference.countries())
    assert len(reference.countries()) == 14


def test_rings_are_closed_simple_and_on_the_globe(collection):
    for feature in collection["features"]:
        code = feature["properties"]["code"]
        for polygon in _polygons(feature["geometry"]):
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1], code
                assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring), code
                assert abs(_area(ring)) > 0, code
                edges = list(zip(ring, ring[1:], strict=False))
                for (i, e), (j, f) in combinations(enumerate(edges), 2):
                    if j - i > 1 and not (i == 0 and j == len(edges) - 1):
                        assert not _cross(*e, *f), f"{code}: ring crosses itself"


def test_outlines_contain_a_known_place_of_each_country(collection):
    # Capitals (or a central point) of some range states, lon/lat.
    places = {"KZ": (71.45, 51.17), "MN": (106.9, 47.9), "IR": (51.4, 35.7), "NP": (85.3, 27.7)}

    def inside(point, ring):
        x, y = point
        hit = False
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
        return hit

    by_code = {f["properties"]["code"]: f["geometry"] for f in collection["features"]}
    for code, point in places.items():
        assert any(inside(point, polygon[0]) for polygon in _polygons(by_code[code])), code

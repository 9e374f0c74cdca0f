"""Build ``reference/data/boundaries.geojson`` from Natural Earth's 1:110m countries.

The map pages draw the range states' outlines from that file, so nothing is fetched at run
time. Natural Earth is in the public domain; its 1:110m admin-0 countries come inside the
``geopandas==0.14.4`` wheel on PyPI as the ``naturalearth_lowres`` shapefile. To rebuild:

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    unzip /tmp/ne/geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*' -d /tmp/ne
    pip install --target /tmp/ne/tools pyshp shapely
    PYTHONPATH=/tmp/ne/tools python reference/tools/boundaries.py \\
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

pyshp and shapely are needed only here, never by the app. Range states keep their ISO alpha-2
code (``countries.json``) as ``code``; neighbours are drawn for context only, unlabelled.
Russia's parts east of the antimeridian (Chukotka's tip, recorded at negative longitudes)
are left out so the region's map does not span the globe.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile
from shapely import set_precision
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

DATA = Path(__file__).resolve().parent.parent / "data"

#: Natural Earth's ISO alpha-3 codes of the range states, by the alpha-2 code the app uses.
RANGE_STATES = {
    "AF": "AFG", "BT": "BTN", "CN": "CHN", "IN": "IND", "IR": "IRN", "KZ": "KAZ", "KG": "KGZ",
    "MN": "MNG", "NP": "NPL", "PK": "PAK", "RU": "RUS", "TJ": "TJK", "TM": "TKM", "UZ": "UZB",
}
#: Countries bordering the range states or the seas between them, drawn grey for context.
NEIGHBOURS = (
    "AZE", "ARM", "GEO", "TUR", "IRQ", "KWT", "SAU", "ARE", "OMN", "QAT", "BGD", "MMR", "LAO",
    "VNM", "PRK", "KOR", "UKR", "BLR", "FIN", "EST", "LVA", "LTU", "POL", "NOR", "LKA", "THA",
)
#: Degrees; the 1:110m outlines are coarse already, this drops what a regional map cannot show.
TOLERANCE = 0.05
DECIMALS = 3


def _rounded(geometry):
    def walk(value):
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [round(value[0], DECIMALS), round(value[1], DECIMALS)]
        return [walk(v) for v in value]

    out = mapping(geometry)
    return {"type": out["type"], "coordinates": walk(out["coordinates"])}


def _clean(geometry, code):
    if code == "RU":
        parts = getattr(geometry, "geoms", [geometry])
        geometry = unary_union([p for p in parts if p.bounds[0] >= 0])
    simplified = geometry.simplify(TOLERANCE, preserve_topology=True)
    # Snapping to the stored grid keeps the rings valid where plain rounding could not.
    return set_precision(simplified, 10 ** -DECIMALS)


def build(shapefile_path: str) -> dict:
    expected = {v: k for k, v in RANGE_STATES.items()}
    with open(DATA / "countries.json", encoding="utf-8") as f:
        codes = {c["code"] for c in json.load(f)}
    assert codes == set(RANGE_STATES), "countries.json and RANGE_STATES disagree"
    features = []
    reader = shapefile.Reader(shapefile_path)
    for record in reader.shapeRecords():
        iso3 = record.record["iso_a3"]
        if iso3 not in expected and iso3 not in NEIGHBOURS:
            continue
        code = expected.get(iso3)
        geometry = _clean(shape(record.shape.__geo_interface__), code)
        features.append({
            "type": "Feature",
            "properties": {"code": code or iso3, "range_state": code is not None},
            "geometry": _rounded(geometry),
        })
    features.sort(key=lambda f: (not f["properties"]["range_state"], f["properties"]["code"]))
    found = {f["properties"]["code"] for f in features if f["properties"]["range_state"]}
    assert found == codes, f"missing from the shapefile: {sorted(codes - found)}"
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    collection = build(sys.argv[1])
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    (DATA / "boundaries.geojson").write_text(text + "\n", encoding="utf-8")
    print(f"{len(collection['features'])} features, {len(text)} bytes")

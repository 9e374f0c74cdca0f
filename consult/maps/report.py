"""The analysis report's maps: per country, the places where respondents located poaching
and the barriers of linear infrastructure, for the page (Leaflet) and for print (an inline
SVG drawn with matplotlib over the shipped outlines, no text in it)."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from functools import lru_cache

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

import reference
from consult.extensions import db
from consult.maps.service import MapFilter, location_answers, named
from consult.models import AnalysisRun, Questionnaire

#: The threats the report maps: sites of poaching, lines of barriers.
MAPPED_THREATS = ("poaching", "infrastructure")
COLOURS = {"poaching": "#b3261e", "infrastructure": "#8a4b00"}
#: Degrees of longitude: a country wider than this is shown around its places only.
MAX_SPAN = 30.0
#: Degrees: the least breadth of a printed map, so one place still shows its surroundings.
MIN_SPAN = 6.0


def popup_text() -> dict[str, str]:
    """The labels of a map popup's lines, in the reader's language."""
    return {
        "reference": _("Response"),
        "country": _("Country"),
        "group": _("Stakeholder group"),
        "species": _("Species"),
        "threats": _("Threats"),
        "question": _("Question"),
    }


def _questionnaires(run: AnalysisRun) -> list[Questionnaire]:
    slug = (run.parameters or {}).get("questionnaire")
    query = select(Questionnaire).order_by(Questionnaire.id)
    if slug:
        query = query.where(Questionnaire.slug == slug)
    return list(db.session.scalars(query))


def report_maps(run: AnalysisRun, lang: str, country: str | None = None) -> list[dict]:
    """One entry per country with located poaching or barriers in the responses the run
    could read (its questionnaire, its countries, submitted before it finished): the
    country's code and name, the features as GeoJSON (JSON text) and the print SVG."""
    wanted = set((run.parameters or {}).get("countries") or [])
    flt = MapFilter(country=country, threats=MAPPED_THREATS, submitted_before=run.finished_at)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for questionnaire in _questionnaires(run):
        for location in location_answers(questionnaire, flt, lang).locations:
            code = location.properties["country"]
            if not code or (wanted and code not in wanted):
                continue
            props = named(location, lang)
            props["url"] = url_for("secretariat.show_response", response_id=props["response_id"])
            by_country[code].append(
                {"type": "Feature", "geometry": location.geometry, "properties": props}
            )
    maps = []
    for code, features in by_country.items():
        shapes = json.dumps([(f["geometry"], _colour(f["properties"])) for f in features])
        maps.append({
            "country": code,
            "name": reference.name("country", code, lang),
            "count": len(features),
            "features": features,
            "svg": country_svg(code, shapes),
        })
    return sorted(maps, key=lambda m: m["name"])


def _colour(props: dict) -> str:
    return next((COLOURS[t] for t in props["threats"] if t in COLOURS), "#1f5f8b")


def _rings(geometry: dict) -> list:
    coords = geometry["coordinates"]
    polygons = [coords] if geometry["type"] == "Polygon" else coords
    return [polygon[0] for polygon in polygons]


def _overlaps(ring: list, view: tuple[float, float, float, float]) -> bool:
    west, east, south, north = view
    xs = [x for x, _y in ring]
    ys = [y for _x, y in ring]
    return min(xs) <= east and max(xs) >= west and min(ys) <= north and max(ys) >= south


@lru_cache(maxsize=64)
def country_svg(country: str, shapes_json: str) -> str:
    """An SVG map of ``country`` (its outline, its neighbours grey) with the shapes
    (``[geometry, colour]`` pairs as JSON) drawn over it. Cached: the same places give the
    same picture."""
    # matplotlib loads with the first map drawn, not with every web worker
    import matplotlib
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    shapes = json.loads(shapes_json)
    outlines = reference.boundaries()["features"]
    own = next((f for f in outlines if f["properties"]["code"] == country), None)
    xs, ys = [], []
    for geometry, _colour in shapes:
        coords = geometry["coordinates"]
        points = [coords] if geometry["type"] == "Point" else (
            coords if geometry["type"] == "LineString" else coords[0]
        )
        xs += [x for x, _y in points]
        ys += [y for _x, y in points]
    if not xs:
        return ""
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    if own is not None:
        ox = [x for ring in _rings(own["geometry"]) for x, _y in ring]
        oy = [y for ring in _rings(own["geometry"]) for _x, y in ring]
        # The whole country unless it is a continent's breadth (Russia, China, India):
        # then the region around the places.
        if max(ox) - min(ox) <= MAX_SPAN:
            west, east = min(west, min(ox)), max(east, max(ox))
            south, north = min(south, min(oy)), max(north, max(oy))
    centre_x, centre_y = (west + east) / 2, (south + north) / 2
    half_x = max(east - west, MIN_SPAN) / 2 + 0.5
    half_y = max(north - south, MIN_SPAN * 0.6) / 2 + 0.5
    figure = Figure(figsize=(6, 4))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(centre_x - half_x, centre_x + half_x)
    axes.set_ylim(centre_y - half_y, centre_y + half_y)
    axes.set_aspect(1.3)
    axes.set_axis_off()
    axes.set_facecolor("#eaf1f5")
    view = (centre_x - half_x, centre_x + half_x, centre_y - half_y, centre_y + half_y)
    others, own_rings = [], []
    for feature in outlines:
        for ring in _rings(feature["geometry"]):
            if feature["properties"]["code"] == country:
                own_rings.append(ring)
            elif _overlaps(ring, view):
                others.append(ring)
    # One collection per style: far faster to draw and write than a patch per ring.
    axes.add_collection(PolyCollection(others, facecolors="#e3e6e8", edgecolors="#a9b3bc",
                                       linewidths=0.4))  # fmt: skip
    axes.add_collection(PolyCollection(own_rings, facecolors="#fbfaf3", edgecolors="#6b7b8c",
                                       linewidths=0.8))  # fmt: skip
    for geometry, colour in shapes:
        coords = geometry["coordinates"]
        if geometry["type"] == "Point":
            axes.plot([coords[0]], [coords[1]], "o", color=colour, markersize=5)
        elif geometry["type"] == "LineString":
            axes.plot([x for x, _y in coords], [y for _x, y in coords], color=colour, linewidth=2)
        else:
            ring = coords[0]
            axes.fill([x for x, _y in ring], [y for _x, y in ring], facecolor=colour,
                      alpha=0.3, edgecolor=colour)  # fmt: skip
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"map-{country}", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="#eaf1f5")
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    # Ids unique on a page holding several maps.
    return text.replace('id="', f'id="map-{country}-').replace("url(#", f"url(#map-{country}-")

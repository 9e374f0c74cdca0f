"""Location answers as GeoJSON geometry and KML: order of coordinates, closing of areas,
refusal of malformed values, and escaping of hostile text in KML."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

from surveys.geo import MAX_POINTS, Location, geojson_bytes, geometry, kml_bytes

KML = "{http://www.opengis.net/kml/2.2}"


def test_a_point_is_written_longitude_first():
    assert geometry("geopoint", "43.2567 76.9286 850 5") == {
        "type": "Point", "coordinates": [76.9286, 43.2567]
    }


def test_a_trace_is_a_line_string_through_its_points_in_order():
    value = "43.1 76.1 0 0;43.2 76.3 0 0;43.4 76.2 0 0"
    assert geometry("geotrace", value) == {
        "type": "LineString", "coordinates": [[76.1, 43.1], [76.3, 43.2], [76.2, 43.4]]
    }


def test_a_shape_is_closed_when_its_last_point_is_not_its_first():
    shape = geometry("geoshape", "45 60;46 60;46 61")
    assert shape["type"] == "Polygon"
    assert shape["coordinates"] == [[[60.0, 45.0], [60.0, 46.0], [61.0, 46.0], [60.0, 45.0]]]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("geopoint", ""),
        ("geopoint", "abc def"),
        ("geopoint", "91 10"),
        ("geopoint", "10 181"),
        ("geopoint", "nan 10"),
        ("geopoint", "12"),
        ("geotrace", "43 76"),
        ("geoshape", "45 60;46 60"),
        ("text", "43 76"),
        ("geotrace", ";".join(["43 76"] * (MAX_POINTS + 1))),
    ],
)
def test_values_that_are_not_locations_give_no_geometry(kind, value):
    assert geometry(kind, value) is None


HOSTILE = 'A & B <script>alert("x")</script> ]]> \x07bell'


def _kml(locations):
    data = kml_bytes(
        locations,
        title="Places <&>",
        name_key="reference",
        fields={"reference": "Response", "label": "Question <label>", "species": "Species"},
    )
    return ET.fromstring(data)


def test_kml_parses_with_coordinates_longitude_first_and_text_escaped():
    locations = [
        Location(geometry("geopoint", "43.25 76.92 0 0"),
                 {"reference": "R-1", "label": HOSTILE, "species": ["saiga", "argali"]}),
        Location(geometry("geotrace", "44 56;45 56.5"), {"reference": "R-2", "label": "fence"}),
        Location(geometry("geoshape", "45 60;46 60;46 61"), {"reference": "R-3", "label": ""}),
    ]
    root = _kml(locations)
    assert root.tag == f"{KML}kml"
    assert root.find(f"{KML}Document/{KML}name").text == "Places <&>"
    placemarks = root.findall(f".//{KML}Placemark")
    assert [p.find(f"{KML}name").text for p in placemarks] == ["R-1", "R-2", "R-3"]
    point = placemarks[0].find(f"{KML}Point/{KML}coordinates").text
    assert point == "76.92,43.25"
    line = placemarks[1].find(f"{KML}LineString/{KML}coordinates").text
    assert line.split() == ["56.0,44.0", "56.5,45.0"]
    ring = placemarks[2].find(f"{KML}Polygon/{KML}outerBoundaryIs/{KML}LinearRing/{KML}coordinates")
    assert ring.text.split()[0] == ring.text.split()[-1] == "60.0,45.0"
    data = {
        d.get("name"): d.find(f"{KML}value").text or "" for d in placemarks[0].iter(f"{KML}Data")
    }
    # The hostile text comes back as text, the character XML cannot hold dropped.
    assert data["label"] == HOSTILE.replace("\x07", "")
    assert data["species"] == "saiga, argali"
    labels = [d.find(f"{KML}displayName").text for d in placemarks[0].iter(f"{KML}Data")]
    assert labels == ["Response", "Question <label>", "Species"]


def test_kml_of_raw_bytes_has_no_unescaped_markup():
    data = kml_bytes(
        [Location(geometry("geopoint", "43 76"), {"reference": "<b>x</b>"})],
        title="t", name_key="reference", fields={},
    )
    assert b"<b>" not in data and b"&lt;b&gt;x&lt;/b&gt;" in data


def test_geojson_is_a_feature_collection_with_the_properties_given():
    data = json.loads(geojson_bytes([
        Location(geometry("geopoint", "43 76"), {"reference": "R-1", "threats": ["poaching"]})
    ]))
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [76.0, 43.0]}
    assert feature["properties"] == {"reference": "R-1", "threats": ["poaching"]}

"""The secretariat's map of location answers and their GeoJSON/KML exports, on the shipped
questionnaire (2027.1 asks where poaching happens and where a barrier runs), and the public
boundaries the maps draw."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import pytest

import reference
from consult.extensions import db
from consult.models import Questionnaire
from consult.questionnaires import ensure_shipped_questionnaire
from tests.factories import make_response

KML = "{http://www.opengis.net/kml/2.2}"
SLUG = "cami-gap-needs"
HOSTILE_TEXT = '<img src=x onerror=alert(1)> & "quotes" ]]>'


@pytest.fixture
def world(app):
    """Three submitted responses with locations (KZ poaching point and fence line for
    saiga, MN poaching point for argali), a draft with one and a response with none."""
    with app.app_context():
        version = ensure_shipped_questionnaire()
        base = {"consent": "yes", "stakeholder_group": "government"}
        kz = make_response(version, {
            **base, "target_1": "saiga", "species": "saiga",
            "t1_threats": "poaching infrastructure",
            "t1_poaching_where": "46.5 68.5 0 0",
            "t1_infrastructure_where": "44.9 56.1 0 0;45.6 56.0 0 0;46.2 56.3 0 0",
        }, country="KZ")
        mn = make_response(version, {
            **base, "target_1": "saiga", "target_2": "argali", "species": "saiga argali",
            "t1_threats": "livestock", "t2_threats": "poaching",
            "t2_poaching_where": "46.0 100.5 0 0",
        }, country="MN", group="community")
        make_response(version, {**base, "t1_poaching_where": "47 70 0 0"}, status="draft")
        make_response(version, {**base, "target_1": "kulan", "t1_threats": "climate"})
        db.session.commit()
        return {"kz": kz.reference, "mn": mn.reference, "kz_id": kz.id, "mn_id": mn.id}


def _geojson(client, **args):
    url = f"/secretariat/questionnaires/{SLUG}/locations.geojson"
    response = client.get(url, query_string=args)
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    return json.loads(response.data)


def test_geojson_export_holds_the_submitted_locations_with_what_they_are_about(
    app, client, auth, world
):
    auth.login("admin")
    data = _geojson(client)
    features = {(f["properties"]["reference"], f["properties"]["question"]): f
                for f in data["features"]}  # fmt: skip
    assert set(features) == {
        (world["kz"], "t1_poaching_where"),
        (world["kz"], "t1_infrastructure_where"),
        (world["mn"], "t2_poaching_where"),
    }
    point = features[(world["kz"], "t1_poaching_where")]
    assert point["geometry"] == {"type": "Point", "coordinates": [68.5, 46.5]}
    assert point["properties"]["country"] == "KZ"
    assert point["properties"]["country_name"] == "Kazakhstan"
    assert point["properties"]["group"] == "government"
    assert point["properties"]["species"] == ["saiga"]
    assert point["properties"]["threats"] == ["poaching"]
    assert point["properties"]["label"].startswith("Where does this poaching happen?")
    line = features[(world["kz"], "t1_infrastructure_where")]
    assert line["geometry"]["type"] == "LineString"
    assert line["geometry"]["coordinates"][0] == [56.1, 44.9]
    assert line["properties"]["threats"] == ["infrastructure"]
    # The second species' page: the location is about argali, not the first species.
    mn = features[(world["mn"], "t2_poaching_where")]
    assert mn["properties"]["species"] == ["argali"]
    assert mn["properties"]["group_name"] == reference.name("group", "community", "en")


#: Filters of the map page and exports, and the questions whose locations pass them.
FILTER_CASES = [
    ({"country": "MN"}, {"t2_poaching_where"}),
    ({"species": "saiga"}, {"t1_poaching_where", "t1_infrastructure_where"}),
    ({"threat": "poaching"}, {"t1_poaching_where", "t2_poaching_where"}),
    ({"threat": "infrastructure", "country": "KZ"}, {"t1_infrastructure_where"}),
    ({"species": "kulan"}, set()),
    # Unknown codes are ignored rather than matching nothing or failing.
    ({"country": "XX", "threat": "<b>"},
     {"t1_poaching_where", "t1_infrastructure_where", "t2_poaching_where"}),
]


def test_filters_narrow_the_locations(app, client, auth, world):
    auth.login("admin")
    for args, expected in FILTER_CASES:
        found = {f["properties"]["question"] for f in _geojson(client, **args)["features"]}
        assert found == expected, args


SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@SQLITE_ONLY
def test_kml_export_parses_and_escapes_answers(app, client, auth, world):
    with app.app_context():
        questionnaire = db.session.scalar(
            db.select(Questionnaire).where(Questionnaire.slug == SLUG)
        )
        questionnaire.title = HOSTILE_TEXT
        db.session.commit()
    auth.login("admin")
    response = client.get(f"/secretariat/questionnaires/{SLUG}/locations.kml?lang=ru")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.google-earth.kml+xml"
    assert b"<img" not in response.data
    root = ET.fromstring(response.data)
    assert HOSTILE_TEXT in root.find(f"{KML}Document/{KML}name").text
    placemarks = {p.find(f"{KML}name").text: p for p in root.iter(f"{KML}Placemark")}
    assert set(placemarks) == {world["kz"], world["mn"]}
    assert len(list(root.iter(f"{KML}Placemark"))) == 3
    coordinates = [c.text for c in root.iter(f"{KML}coordinates")]
    assert "68.5,46.5" in coordinates and "100.5,46.0" in coordinates
    values = {d.get("name"): d.find(f"{KML}value").text
              for d in placemarks[world["mn"]].iter(f"{KML}Data")}  # fmt: skip
    # Names in the reader's language.
    assert values["country_name"] == reference.name("country", "MN", "ru") == "Монголия"
    assert values["threat_names"] == reference.name("theme", "poaching", "ru")


@SQLITE_ONLY
def test_map_page_lists_locations_linking_to_their_responses(app, client, auth, world):
    auth.login("admin")
    page = client.get(f"/secretariat/questionnaires/{SLUG}/map?threat=poaching")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'href="/secretariat/responses/{world["kz_id"]}"' in html
    assert f'href="/secretariat/responses/{world["mn_id"]}"' in html
    assert "vendor/leaflet/leaflet.js" in html and 'id="map-settings"' in html
    data = json.loads(re.search(r'id="map-data">(.*?)</script>', html, re.S).group(1))
    assert len(data["features"]) == 2
    assert {f["properties"]["url"] for f in data["features"]} == {
        f"/secretariat/responses/{world['kz_id']}", f"/secretariat/responses/{world['mn_id']}"
    }
    # In the reader's language: the interface and the range states' names.
    html = client.get(f"/secretariat/questionnaires/{SLUG}/map?lang=ru").get_data(as_text=True)
    settings = json.loads(re.search(r'id="map-settings">(.*?)</script>', html, re.S).group(1))
    assert settings["names"]["KZ"] == "Казахстан"
    assert "Казахстан" in html


@SQLITE_ONLY
def test_map_and_exports_refuse_other_roles_and_unknown_formats(app, client, auth, world):
    for url in (f"/secretariat/questionnaires/{SLUG}/map",
                f"/secretariat/questionnaires/{SLUG}/locations.kml"):  # fmt: skip
        assert client.get(url).status_code == 302
    auth.login("facilitator", countries=("KZ",))
    for url in (f"/secretariat/questionnaires/{SLUG}/map",
                f"/secretariat/questionnaires/{SLUG}/locations.geojson"):  # fmt: skip
        assert client.get(url).status_code == 403
    auth.logout()
    auth.login("admin")
    assert client.get(f"/secretariat/questionnaires/{SLUG}/locations.shp").status_code == 404
    assert client.get("/secretariat/questionnaires/nothing/map").status_code == 404
    # The responses page offers the exports.
    html = client.get(f"/secretariat/responses/?questionnaire={SLUG}").get_data(as_text=True)
    assert f"/secretariat/questionnaires/{SLUG}/locations.geojson" in html
    assert f"/secretariat/questionnaires/{SLUG}/locations.kml" in html


@SQLITE_ONLY
def test_boundaries_are_public_and_cacheable(client):
    response = client.get("/map/boundaries.geojson")
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("public") or "max-age" in (
        response.headers["Cache-Control"]
    )
    data = json.loads(response.data)
    assert data["type"] == "FeatureCollection"


def _finished_run(app, **parameters) -> int:
    from consult.models import AnalysisRun
    from consult.runs.service import RunRequest, execute_run

    with app.app_context():
        run = AnalysisRun(parameters=vars(RunRequest(seed=1, questionnaire=SLUG, **parameters)))
        db.session.add(run)
        db.session.commit()
        run = execute_run(run.id)
        assert run.status == "done", run.error
        return run.id


@SQLITE_ONLY
def test_analysis_results_map_poaching_and_barriers_per_country(app, client, auth, world):
    run_id = _finished_run(app)
    with app.app_context():
        # Submitted after the run finished: not on its maps.
        from consult.models import Questionnaire as Q

        version = db.session.scalar(db.select(Q).where(Q.slug == SLUG)).current_version
        later = make_response(version, {"t1_threats": "poaching",
                                        "t1_poaching_where": "48 80 0 0"}, country="KZ")
        later.submitted_at = later.submitted_at.replace(year=later.submitted_at.year + 1)
        db.session.commit()
    auth.login("admin")
    html = client.get(f"/secretariat/analysis/{run_id}").get_data(as_text=True)
    assert 'id="maps"' in html
    maps = {}
    for code in ("KZ", "MN"):
        found = re.search(rf'id="map-data-{code}">(.*?)</script>', html, re.S)
        assert found, code
        maps[code] = json.loads(found.group(1))
    kz_kinds = sorted(f["geometry"]["type"] for f in maps["KZ"]["features"])
    assert kz_kinds == ["LineString", "Point"]
    assert [f["properties"]["reference"] for f in maps["MN"]["features"]] == [world["mn"]]
    # For print: an SVG drawing of each country's map.
    assert html.count('<div class="map-print"') == 2 and "<svg" in html
    assert "vendor/leaflet/leaflet.js" in html
    # One country chosen: its map only.
    only = client.get(f"/secretariat/analysis/{run_id}?country=MN").get_data(as_text=True)
    assert 'id="map-data-MN"' in only and 'id="map-data-KZ"' not in only


def _area_form() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)"])
    for row in (
        ["select_multiple species", "species", "Species"],
        ["select_multiple threats", "threats_present", "Threats"],
        ["geoshape", "area", "Which area do you know?"],
    ):
        survey.append(row)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)"])
    for row in (["species", "saiga", "Saiga"], ["species", "kulan", "Kulan"],
                ["threats", "poaching", "Poaching"], ["threats", "climate", "Climate"],
                ["threats", "none", "None"]):  # fmt: skip
        choices.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@SQLITE_ONLY
def test_a_location_not_named_after_a_threat_is_about_all_the_response_names(app, client, auth):
    from consult.questionnaires import import_form

    with app.app_context():
        version = import_form(_area_form(), "areas.xlsx", slug="areas")
        make_response(version, {"species": "saiga kulan", "threats_present": "climate poaching",
                                "area": "45 60 0 0;46 60 0 0;46 61 0 0;45 60 0 0"})  # fmt: skip
        make_response(version, {"species": "kulan", "threats_present": "none",
                                "area": "not a place"})  # fmt: skip
        db.session.commit()
    auth.login("admin")
    response = client.get("/secretariat/questionnaires/areas/locations.geojson")
    (feature,) = json.loads(response.data)["features"]
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["geometry"]["coordinates"][0][0] == [60.0, 45.0]
    assert feature["properties"]["species"] == ["saiga", "kulan"]
    # In the programme's order of themes, whatever the order of the answer.
    assert feature["properties"]["threats"] == [
        code for code in reference.theme_codes() if code in ("climate", "poaching")
    ]

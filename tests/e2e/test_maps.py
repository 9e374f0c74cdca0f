"""Location questions answered in Chromium on the map widget and by typing; the stored
answers are read back from the database."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

SLUG = "places"


def _form_xlsx() -> bytes:
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)", "appearance"])
    for row in (
        ["begin_group", "where", "Where", "field-list"],
        ["geopoint", "site_clicked", "Where did you see it?", ""],
        ["geopoint", "site_typed", "Where is the ranger post?", ""],
        ["geotrace", "fence", "Where does the fence run?", ""],
        ["end_group", "where", "", ""],
    ):
        survey.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append(["Places", "places", "1", "English (en)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def questionnaire(live_app):
    from consult.extensions import db
    from consult.questionnaires import import_form

    with live_app.app_context():
        import_form(_form_xlsx(), "places.xlsx", slug=SLUG)
        db.session.commit()
    return SLUG


def _stored(app) -> dict[str, str]:
    from consult.extensions import db
    from consult.models import Response

    with app.app_context():
        response = db.session.scalars(db.select(Response)).one()
        assert response.status == "submitted"
        return {a.question: a.value for a in response.answers}


POINT = re.compile(r"^(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) 0 0$")


def test_locations_answered_by_clicking_the_map_and_by_typing_are_stored(
    live_app, live_server, questionnaire, page, screenshot_dir
):
    page.goto(f"{live_server}/s/{SLUG}")
    if page.locator("input[name=language]").count():
        page.click("button.primary")
    # Leaflet is fetched only when a map is asked for.
    assert page.evaluate("typeof window.L") == "undefined"
    clicked = page.locator('.geo-map[data-geo-field="f-site_clicked"]')
    for box in page.locator(".geo-map").all():
        box.locator("button[data-map-action=open]").click()
    clicked.locator(".leaflet-container").wait_for(state="visible")
    # The range states' outlines are drawn (fetched from the app, nothing from elsewhere).
    page.locator('.geo-map[data-geo-field="f-site_clicked"] path.leaflet-interactive, '
                 '.geo-map[data-geo-field="f-site_clicked"] svg path').first.wait_for()

    # A point by clicking: the text field receives it.
    box = clicked.locator(".map-canvas").bounding_box()
    clicked.locator(".map-canvas").click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    value = page.input_value("#f-site_clicked")
    lat, lon = map(float, POINT.match(value).groups())
    assert 23 < lat < 56 and 44 < lon < 122, value
    assert clicked.locator(".leaflet-marker-icon").count() == 1

    # A point typed: the map follows the field.
    typed = page.locator('.geo-map[data-geo-field="f-site_typed"]')
    assert typed.locator(".leaflet-marker-icon").count() == 0
    page.fill("#f-site_typed", "43.2567 76.9286")
    typed.locator(".leaflet-marker-icon").wait_for()

    # A line: three clicks, undo the last, one more click.
    line = page.locator('.geo-map[data-geo-field="f-fence"]')
    canvas = line.locator(".map-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    for dx in (0.3, 0.5, 0.7):
        canvas.click(position={"x": box["width"] * dx, "y": box["height"] * 0.5})
    line.locator("button[data-map-action=undo]").click()
    canvas.click(position={"x": box["width"] * 0.6, "y": box["height"] * 0.3})
    drawn = page.input_value("#f-fence").split(";\n")
    assert len(drawn) == 3 and all(POINT.match(p) for p in drawn), drawn
    assert float(POINT.match(drawn[2]).group(1)) > float(POINT.match(drawn[1]).group(1))
    page.screenshot(path=str(screenshot_dir / "map-widget.png"), full_page=True)

    page.click(".respond-actions button.primary")
    page.wait_for_load_state("domcontentloaded")
    stored = _stored(live_app)
    assert stored["site_typed"] == "43.2567 76.9286 0 0"
    assert POINT.match(stored["site_clicked"])
    points = stored["fence"].split(";")
    assert len(points) == 3
    assert [p.split()[:2] for p in points] == [p.split()[:2] for p in drawn]

    # The secretariat's map shows the three answers; a popup links to the response.
    from consult.accounts import create_user
    from consult.extensions import db

    with live_app.app_context():
        create_user("admin@example.org", "correct horse battery staple", "admin", [])
        db.session.commit()
    login(page, live_server, "admin@example.org", "correct horse battery staple")
    page.goto(f"{live_server}/secretariat/questionnaires/{SLUG}/map?lang=fa")
    assert page.locator("html").get_attribute("dir") == "rtl"
    shapes = page.locator("#locations-map path.leaflet-interactive")
    shapes.first.wait_for()
    assert shapes.count() == 3
    page.locator(".map-label", has_text="قزاقستان").first.wait_for()
    shapes.last.dispatch_event("click")
    link = page.locator(".leaflet-popup-content a")
    link.wait_for()
    assert re.search(r"/secretariat/responses/\d+$", link.get_attribute("href"))
    page.screenshot(path=str(screenshot_dir / "map-secretariat.png"), full_page=True)

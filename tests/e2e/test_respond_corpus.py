"""Forms of the XLSForm corpus answered in Chromium: relevance inside repeats and nested
repeats shown live, choices filtered by attached files, the new widgets, submit."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
ATTACHED = ("villages.csv", "rangers.csv", "prices.csv", "regions.xml", "sites.geojson")


def imported(app, name: str) -> str:
    from consult.extensions import db
    from consult.questionnaires import import_questionnaire

    attachments = {n: (CORPUS / n).read_bytes() for n in ATTACHED} if name == "attachments" else {}
    with app.app_context():
        result = import_questionnaire(
            (CORPUS / f"{name}.xlsx").read_bytes(), f"{name}.xlsx", attachments=attachments
        )
        db.session.commit()
        return result.version.questionnaire.slug


def start(page, base: str, slug: str) -> list[str]:
    """Open the questionnaire and press Start; returns the page's script errors as they come."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{base}/s/{slug}")
    page.click("button.primary")
    page.wait_for_load_state("domcontentloaded")
    return problems


def test_relevance_inside_nested_repeats_shows_live(live_app, live_server, page, screenshot_dir):
    slug = imported(live_app, "nested_repeats")
    problems = start(page, live_server, slug)
    page.fill('input[name="family[1]"]', "Abai")
    page.click('button[value="add:member:1"]')
    page.wait_for_load_state("domcontentloaded")
    school = page.locator('[data-q="school[1]"]')
    page.fill('input[name="member_name[1]"]', "Ana")
    page.fill('input[name="age[1]"]', "40")
    page.press('input[name="age[1]"]', "Tab")
    assert school.is_hidden()
    page.fill('input[name="age[1]"]', "12")
    page.press('input[name="age[1]"]', "Tab")
    school.wait_for(state="visible")
    page.check('input[name="school[1]"][value="yes"]')
    page.screenshot(path=str(screenshot_dir / "respond-nested-repeats.png"), full_page=True)
    page.click(".respond-actions button.primary")
    page.wait_for_load_state("domcontentloaded")
    assert "1 households, the first: Abai" in page.inner_text("main")
    page.click(".respond-actions button.primary")
    page.wait_for_url("**/thanks")
    assert not problems, problems


def test_choices_from_attached_files_are_filtered_live(live_app, live_server, page):
    slug = imported(live_app, "attachments")
    problems = start(page, live_server, slug)
    upper = page.locator('[data-choice="v1"]').first
    lower = page.locator('[data-choice="v2"]').first
    page.check('input[name="region"][value="north"]')
    lower.wait_for(state="hidden")
    assert upper.is_visible()
    page.check('input[name="region"][value="south"]')
    upper.wait_for(state="hidden")
    assert page.locator('[data-choice="eagle"]').first.is_hidden()  # legs = '4'
    page.check('input[name="village"][value="v2"]')
    page.check('input[name="animal"][value="kulan"]')
    page.check('input[name="sites"][value="s1"]')
    page.click(".respond-actions button.primary")
    page.wait_for_url("**/thanks")
    assert not problems, problems
    from consult.extensions import db
    from consult.models import Answer

    with live_app.app_context():
        stored = {a.question: a.value for a in db.session.scalars(db.select(Answer))}
    assert stored["ranger"] == "Bolat" and stored["region_label"] == "South"
    assert stored["legs"] == "4" and stored["price"] == "12.5"


def test_new_widgets_render_and_submit(live_app, live_server, page, screenshot_dir):
    slug = imported(live_app, "all_types")
    problems = start(page, live_server, slug)
    page.fill('input[name="village"]', "Kegen")
    page.check('input[name="herder"][value="yes"]')
    page.check('input[name="consent"]')
    page.click(".respond-actions button.primary")
    page.wait_for_load_state("domcontentloaded")
    assert page.locator('input[name="trust"]').get_attribute("type") == "number"
    assert page.locator('input[name="phone"]').get_attribute("type") == "tel"
    assert page.locator('input[name="summary"]').count() == 0
    assert "Almaty" in page.inner_text(".readonly-answer >> nth=1")
    page.fill('input[name="trust"]', "4")
    page.fill('input[name="phone"]', "77011234567")
    page.screenshot(path=str(screenshot_dir / "respond-all-types.png"), full_page=True)
    page.click(".respond-actions button.primary")
    page.wait_for_url("**/thanks")
    assert not problems, problems

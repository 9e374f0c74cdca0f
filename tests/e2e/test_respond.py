"""A stakeholder answers the questionnaire in Chromium: live skip logic, resume, submit."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import assert_hidden

pytestmark = pytest.mark.e2e

SLUG = "cami-gap-needs"


@pytest.fixture
def questionnaire(live_app):
    from consult.extensions import db
    from consult.questionnaires import ensure_shipped_questionnaire

    with live_app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return SLUG


def _next(page) -> None:
    page.click(".respond-actions button.primary")
    page.wait_for_load_state("domcontentloaded")


def test_respondent_answers_in_russian_resumes_elsewhere_and_submits(
    browser, live_server, questionnaire, page, screenshot_dir
):
    page.goto(f"{live_server}/s/{SLUG}?lang=ru")
    page.check("input[name=language][value=ru]")
    page.click("button.primary")
    expect_key(page, "welcome")
    assert page.locator("html").get_attribute("lang") == "ru"

    # The note for those who decline shows and hides as the answer changes, with no reload.
    declined = page.locator('[data-q="no_consent"]')
    assert_hidden(declined)
    page.check("input[name=consent][value=no]")
    declined.wait_for(state="visible")
    page.check("input[name=consent][value=yes]")
    declined.wait_for(state="hidden")
    _next(page)

    expect_key(page, "profile")
    other = page.locator('[data-q="org_type_other"]')
    assert_hidden(other)
    page.check("input[name=country][value=KZ]")
    page.check("input[name=stakeholder_group][value=research]")
    page.check("input[name=org_type][value=other]")
    other.wait_for(state="visible")
    page.fill("input[name=org_type_other]", "Полевая станция")
    page.fill("input[name=years_experience]", "200")
    page.press("input[name=years_experience]", "Tab")
    # The constraint is checked in the browser as soon as the field changes.
    page.locator('[data-msg-for="years_experience"]').wait_for(state="visible")
    assert "0 до 70" in page.inner_text('[data-msg-for="years_experience"]')
    page.fill("input[name=years_experience]", "9")
    page.press("input[name=years_experience]", "Tab")
    page.locator('[data-msg-for="years_experience"]').wait_for(state="hidden")
    _next(page)

    expect_key(page, "threats")
    # Only species of Kazakhstan are offered; a second one may be named once the first is.
    assert page.locator("select[name=target_1] option[value=chiru]").is_disabled()
    second = page.locator('[data-q="target_2"]')
    assert_hidden(second)
    page.select_option("select[name=target_1]", "saiga")
    second.wait_for(state="visible")
    _next(page)

    expect_key(page, "threats/species_1")
    assert "Сайгак" in page.inner_text("h1")
    scope = page.locator('[data-q="t1_poaching_scope"]')
    assert_hidden(scope)
    page.check("input[name=t1_threats][value=poaching]")
    scope.wait_for(state="visible")
    assert_hidden(page.locator('[data-q="t1_climate_scope"]'))
    for name, code in (
        ("t1_poaching_scope", "high"),
        ("t1_poaching_severity", "very_high"),
        ("t1_poaching_irreversibility", "medium"),
        ("t1_poaching_trend", "increasing"),
    ):
        page.check(f"input[name={name}][value={code}]")
    page.screenshot(path=str(screenshot_dir / "respond-section.png"), full_page=True)
    _next(page)

    expect_key(page, "gaps")
    for gap in ("enforcement", "funding", "community", "monitoring", "cooperation"):
        page.check(f"input[name=gap_{gap}][value=inadequate]")
    _next(page)

    expect_key(page, "measures")
    link = page.locator("a.resume-link").get_attribute("href")
    assert "/resume/" in link

    # Later, on another device: the link brings back the answers and the place.
    other_device = browser.new_context(locale="ru-RU")
    try:
        again = other_device.new_page()
        again.set_default_timeout(15000)
        again.goto(link)
        expect_key(again, "measures")
        again.click(".respond-actions button.back")
        expect_key(again, "gaps")
        again.click(".respond-actions button.back")
        expect_key(again, "threats/species_1")
        assert again.is_checked("input[name=t1_poaching_severity][value=very_high]")
        _next(again)
        expect_key(again, "gaps")
        _next(again)
        expect_key(again, "measures")
        _next(again)
        expect_key(again, "needs")
        ranks = again.locator("select[name=needs_rank]")
        for i, code in enumerate(("funding", "enforcement", "capacity")):
            ranks.nth(i).select_option(code)
        _next(again)
        expect_key(again, "transboundary")
        _next(again)
        expect_key(again, "stakeholders")
        _next(again)
        expect_key(again, "open")
        again.fill("textarea[name=main_threats_text]", "Браконьерство ради рогов сайгака.")
        again.click(".respond-actions button.primary")
        again.wait_for_url(re.compile(r"/thanks$"))
        reference = again.inner_text(".reference")
        assert re.fullmatch(r"CAMI-[0-9A-Z]{4}-[0-9A-Z]{4}", reference)
    finally:
        other_device.close()


def test_persian_questionnaire_is_right_to_left(live_server, questionnaire, page):
    page.goto(f"{live_server}/s/{SLUG}")
    page.check("input[name=language][value=fa]")
    page.click("button.primary")
    expect_key(page, "welcome")
    container = page.locator("#respond")
    assert container.get_attribute("dir") == "rtl"
    assert container.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The first choice sits on the right in a right-to-left page.
    yes = page.locator("input[name=consent][value=yes]").bounding_box()
    form = page.locator(".respond-form").bounding_box()
    assert yes["x"] > form["x"] + form["width"] / 2


def expect_key(page, key: str) -> None:
    page.wait_for_url(re.compile(rf"/p/{re.escape(key)}(\?.*)?$"))

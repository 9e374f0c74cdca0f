"""Working without a connection in Chromium: the network is switched off with Playwright's
``context.set_offline`` while the service worker and IndexedDB keep the work."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

pytestmark = pytest.mark.e2e

SLUG = "offline-walk"


def _walk_form_xlsx() -> bytes:
    """Four pages; the third applies only to respondents with more than five years."""
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "required", "relevant", "appearance"])
    for row in (
        ["begin_group", "about", "About you", "", "", "field-list"],
        ["select_one countries", "country", "Country", "yes", "", ""],
        ["select_one groups", "stakeholder_group", "Group", "yes", "", ""],
        ["end_group", "about", "", "", "", ""],
        ["begin_group", "work", "Your work", "", "", "field-list"],
        ["integer", "years", "Years in the field", "yes", "", ""],
        ["text", "comment", "What changed?", "", "", ""],
        ["end_group", "work", "", "", "", ""],
        ["begin_group", "long", "Long experience", "", "${years} > 5", "field-list"],
        ["text", "advice", "Your advice", "yes", "", ""],
        ["end_group", "long", "", "", "", ""],
        ["begin_group", "animals", "Species", "", "", "field-list"],
        ["select_multiple species", "species", "Species you know", "", "", ""],
        ["end_group", "animals", "", "", "", ""],
    ):
        survey.append(row)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for row in (
        ["countries", "KZ", "Kazakhstan"],
        ["countries", "MN", "Mongolia"],
        ["groups", "ngo", "NGO"],
        ["groups", "community", "Community"],
        ["species", "saiga", "Saiga"],
        ["species", "kulan", "Kulan"],
    ):
        choices.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_id", "form_title", "version"])
    settings.append(["offline_walk", "Offline walk", "1"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    # Script errors are test failures' likeliest cause: keep them in the test's output.
    page.on("console", lambda message: print("console:", message.type, message.text))
    page.on("pageerror", lambda error: print("page error:", error))
    yield page
    context.close()


def _ready_offline(page) -> None:
    """Wait until the service worker controls the page and kept every page's copy."""
    page.wait_for_function("() => Boolean(navigator.serviceWorker.controller)")
    page.wait_for_function("() => document.documentElement.dataset.offlineKept !== undefined")


def _key(page) -> str:
    return page.url.rsplit("/p/", 1)[1]


def test_questionnaire_answered_offline_is_sent_once_when_the_connection_returns(
    live_app, live_server, offline_page, screenshot_dir
):
    from consult.extensions import db
    from consult.models import Response
    from consult.questionnaires import import_form
    from consult.responses import response_values

    with live_app.app_context():
        version = import_form(_walk_form_xlsx(), "walk.xlsx")
        version.questionnaire.slug = SLUG
        version.questionnaire.public = True
        db.session.commit()
    page = offline_page
    context = page.context
    page.goto(f"{live_server}/s/{SLUG}")
    page.click("button.primary")
    page.wait_for_url(re.compile(r".*/p/about$"))
    _ready_offline(page)
    assert page.evaluate("document.documentElement.dataset.offlineKept") == "5"

    context.set_offline(True)
    page.check("input[name=country][value=KZ]")
    page.check("input[name=stakeholder_group][value=community]")
    status = page.locator("#offline-status")
    status.wait_for(state="visible")
    assert "You are offline" in status.inner_text()
    page.click(".respond-actions button.primary")
    page.wait_for_url(re.compile(r".*/p/work$"))
    page.fill("input[name=years]", "12")
    page.fill("[name=comment]", "Fewer saiga near the wells.")
    page.wait_for_timeout(200)

    # Reloading without a connection: the service worker serves the page, the answers stay.
    response = page.reload()
    assert response is not None and response.from_service_worker
    page.wait_for_function("() => document.querySelector('[name=years]').value === '12'")
    assert page.input_value("[name=comment]") == "Fewer saiga near the wells."
    assert "Answers waiting to be sent: 4" in page.locator("#offline-status").inner_text()

    # More than five years: the page of advice applies, walked without the server.
    page.click(".respond-actions button.primary")
    page.wait_for_url(re.compile(r".*/p/long$"))
    page.fill("[name=advice]", "Patrol the wells at night.")
    page.click(".respond-actions button.primary")
    page.wait_for_url(re.compile(r".*/p/animals$"))
    page.check("input[name=species][value=saiga]")
    page.check("input[name=species][value=kulan]")
    page.click(".respond-actions button.primary")
    waiting = page.locator("[data-offline-waiting]")
    waiting.wait_for(state="visible")
    page.screenshot(path=str(screenshot_dir / "respond-offline-waiting.png"), full_page=True)
    with live_app.app_context():
        assert db.session.scalar(
            db.select(db.func.count()).select_from(Response).where(Response.status == "submitted")
        ) == 0

    context.set_offline(False)
    reference = page.locator("#offline-thanks [data-reference]")
    reference.wait_for(state="visible")
    shown = reference.inner_text()
    assert re.fullmatch(r"[A-Z0-9-]{6,}", shown), shown
    with live_app.app_context():
        submitted = db.session.scalars(
            db.select(Response).where(Response.status == "submitted")
        ).all()
        assert len(submitted) == 1
        assert submitted[0].reference == shown
        assert submitted[0].client_submission_id
        values = response_values(submitted[0])
    assert values["country"] == "KZ"
    assert values["stakeholder_group"] == "community"
    assert str(values["years"]) in ("12", "12.0")
    assert values["comment"] == "Fewer saiga near the wells."
    assert values["advice"] == "Patrol the wells at night."
    assert sorted(str(values["species"]).split()) == ["kulan", "saiga"]

    # The browser kept nothing more to send; opening the page again sends nothing twice.
    assert page.evaluate(
        "ConsultOffline.get('responses', 'respond:" + SLUG + "').then(r => r === undefined)"
    )


def test_shipped_questionnaire_pages_are_kept_for_offline_use(
    live_app, live_server, offline_page
):
    from consult.extensions import db
    from consult.questionnaires import ensure_shipped_questionnaire

    with live_app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    page = offline_page
    page.goto(f"{live_server}/s/cami-gap-needs")
    page.click("button.primary")
    page.wait_for_url(re.compile(r".*/p/welcome$"))
    _ready_offline(page)
    kept = page.evaluate(
        """async () => {
          const names = await caches.keys();
          const cache = await caches.open(names.find(n => n.startsWith('consult-')));
          return (await cache.keys()).map(r => new URL(r.url).pathname);
        }"""
    )
    assert "/s/cami-gap-needs/p/profile" in kept
    assert "/static/js/respond_offline.js" in kept
    page.context.set_offline(True)
    response = page.goto(f"{live_server}/s/cami-gap-needs/p/profile")
    assert response is not None and response.from_service_worker
    assert page.locator("input[name=country]").count() > 0


FACILITATOR = "offline.kz@example.org"
PASSWORD = "a long enough password"


def _fill_interview(page, settlement: str, note: str) -> None:
    page.fill("input[name=date]", "2026-04-02")
    page.fill("input[name=settlement]", settlement)
    page.select_option("select[name=format]", "group")
    page.select_option("select[name=language]", "ru")
    page.select_option("select[name=consent]", "oral")
    page.select_option("select[name=participants-0-group]", "community")
    page.fill("input[name=participants-0-role]", "herder")
    page.locator("fieldset.note textarea[name$='-text']").first.fill(note)
    page.select_option("select[name=threats-poaching]", "high")


def test_interviews_recorded_offline_are_sent_once_and_a_conflict_is_shown(
    live_app, live_server, offline_page, screenshot_dir
):
    from datetime import date

    from consult.accounts import create_user
    from consult.extensions import db
    from consult.interviews import service
    from consult.models import Interview, User
    from tests.e2e.conftest import login

    with live_app.app_context():
        user = create_user(FACILITATOR, PASSWORD, "facilitator", ["KZ"], name="Aigerim")
        admin = create_user("offline.admin@example.org", PASSWORD, "admin")
        db.session.flush()
        existing = service.create_interview(
            service.InterviewData(
                country="KZ", date=date(2026, 3, 1), format="meeting", language="kk",
                consent="oral", settlement="Irgiz", facilitator_ids=[user.id],
            ),
            user,
        )
        db.session.commit()
        existing_id, admin_id = existing.id, admin.id
    page = offline_page
    context = page.context
    login(page, live_server, FACILITATOR, PASSWORD)
    page.wait_for_url(f"{live_server}/interviews/")
    _ready_offline(page)
    # The edit page, opened while online, is kept for later.
    page.goto(f"{live_server}/interviews/{existing_id}/edit")
    _ready_offline(page)
    page.goto(f"{live_server}/interviews/new")
    _ready_offline(page)

    context.set_offline(True)
    queue = page.locator("#offline-queue")
    _fill_interview(page, "Amangeldy", "Браконьеры приходят зимой.")
    page.click("input[name=save]")
    queue.get_by_text("Interviews waiting to be sent: 1").wait_for()
    assert page.url.endswith("/interviews/new")
    _fill_interview(page, "Torgai", "Заборы мешают сайгакам.")
    page.click("input[name=save]")
    queue.get_by_text("Interviews waiting to be sent: 2").wait_for()

    # The edit of a record, offline, based on the version the page was opened with.
    response = page.goto(f"{live_server}/interviews/{existing_id}/edit")
    assert response is not None and response.from_service_worker
    page.fill("input[name=settlement]", "Irgiz (offline edit)")
    page.click("input[name=save]")
    queue.get_by_text("Interviews waiting to be sent: 3").wait_for()
    # Meanwhile the secretariat changes the same record on the server.
    with live_app.app_context():
        record = db.session.get(Interview, existing_id)
        data = service.data_from_interview(record)
        data.province = "Kostanay"
        service.update_interview(
            record, data, db.session.get(User, admin_id), expected_version=record.row_version
        )
        db.session.commit()
    page.screenshot(path=str(screenshot_dir / "interviews-offline-queue.png"), full_page=True)

    context.set_offline(False)
    conflict = queue.locator("li[data-state=conflict]")
    conflict.wait_for()
    queue.locator("li[data-state=sent]").nth(1).wait_for()
    assert "someone else saved this record" in conflict.inner_text()
    assert "offline.admin@example.org" in conflict.inner_text()
    with live_app.app_context():
        rows = db.session.scalars(db.select(Interview).order_by(Interview.id)).all()
        assert [r.settlement for r in rows] == ["Irgiz", "Amangeldy", "Torgai"]
        assert all(r.client_id for r in rows[1:])
        assert rows[0].province == "Kostanay"
        assert rows[1].notes[0].text == "Браконьеры приходят зимой."

    # The facilitator compares, then sends the copy over the saved record.
    conflict.get_by_role("button", name="Send mine over it").click()
    queue.locator("li[data-state=sent]").nth(2).wait_for()
    assert queue.locator("li[data-state=conflict]").count() == 0
    assert "Interviews waiting to be sent" not in queue.inner_text()
    with live_app.app_context():
        record = db.session.get(Interview, existing_id)
        assert record.settlement == "Irgiz (offline edit)"
        assert db.session.scalar(db.select(db.func.count()).select_from(Interview)) == 3

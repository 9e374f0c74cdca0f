import re

import pytest

from tests.e2e.conftest import assert_hidden, login

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"
NOTE = "Браконьеры приезжают ночью на мотоциклах; сайгаков стало меньше."


def test_facilitator_logs_an_interview_restores_a_draft_edits_it_and_sees_history(
    live_app, live_server, page, screenshot_dir
):
    from consult.accounts import create_user
    from consult.extensions import db

    with live_app.app_context():
        create_user("kz@example.org", PASSWORD, "facilitator", ["KZ"], name="Aigerim")
        db.session.commit()
    login(page, live_server, "kz@example.org", PASSWORD)
    page.wait_for_url(f"{live_server}/interviews/")

    page.goto(f"{live_server}/interviews/new")
    assert_hidden(page.locator("#draft-prompt"))
    page.fill("input[name=date]", "2026-03-14")
    page.fill("input[name=settlement]", "Zhalpaktal")
    page.select_option("select[name=format]", "group")
    page.select_option("select[name=language]", "ru")
    page.select_option("select[name=consent]", "oral")
    page.fill("input[name=participants-0-name]", "Айгуль")
    page.select_option("select[name=participants-0-group]", "protected_area")
    page.fill("input[name=participants-0-role]", "ranger")
    page.select_option("select[name=participants-1-group]", "community")
    page.fill("input[name=participants-1-role]", "herder")
    poaching = page.locator("option[value=poaching][selected]")
    poaching_note = page.locator("fieldset.note", has=poaching)
    poaching_note.locator("textarea[name$='-text']").fill(NOTE)
    page.select_option("select[name=threats-poaching]", "very_high")
    page.select_option("select[name=threats-livestock]", "medium")
    page.check("input[name=species][value=saiga]")

    # Adding a row happens in the page, without sending the form.
    page.click("[data-add-row=participants]")
    assert page.locator("fieldset.participant").count() == 4
    assert page.url.endswith("/interviews/new")

    # The connection drops or the tab reloads before saving: the draft is offered back.
    page.wait_for_timeout(600)
    page.reload()
    prompt = page.locator("#draft-prompt")
    prompt.wait_for(state="visible")
    assert page.input_value("input[name=participants-0-name]") == ""
    page.click("[data-draft-restore]")
    assert_hidden(prompt)
    assert page.input_value("input[name=participants-0-name]") == "Айгуль"
    assert poaching_note.locator("textarea[name$='-text']").input_value() == NOTE
    assert page.input_value("select[name=threats-livestock]") == "medium"
    assert page.is_checked("input[name=species][value=saiga]")

    page.click("input[name=save]")
    page.wait_for_url(re.compile(r".*/interviews/\d+\?saved=new$"))
    assert NOTE in page.locator("main").inner_text()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':new')).length") == 0

    page.click("text=Edit")
    page.wait_for_url(re.compile(r".*/interviews/\d+/edit$"))
    assert_hidden(page.locator("#draft-prompt"))
    note_field = page.locator("textarea", has_text="Браконьеры")
    note_field.fill(NOTE + " Рейнджеры просят больше патрулей.")
    page.select_option("select[name=status]", "complete")
    page.click("input[name=save]")
    page.wait_for_url(re.compile(r".*/interviews/\d+\?saved=edit$"))
    history = page.locator("table.history").inner_text()
    # Events and fields by name, not by code.
    assert "created" in history and "changed" in history and "interview." not in history
    assert "kz@example.org" in history
    assert "Рейнджеры просят больше патрулей." in page.locator("main").inner_text()
    page.screenshot(path=str(screenshot_dir / "interviews-history.png"), full_page=True)


def test_facilitator_rates_actions_in_a_national_consultation_without_scripts_needed(
    live_app, live_server, page, screenshot_dir
):
    from consult.accounts import create_user
    from consult.extensions import db

    with live_app.app_context():
        create_user("mn@example.org", PASSWORD, "facilitator", ["MN"], name="Bat-Erdene")
        db.session.commit()
    login(page, live_server, "mn@example.org", PASSWORD)
    page.wait_for_url(f"{live_server}/interviews/")

    page.goto(f"{live_server}/interviews/new")
    grid = page.locator("details#strategy-ratings")
    assert grid.get_attribute("open") is None  # folded away for the other formats
    page.fill("input[name=date]", "2026-10-06")
    page.select_option("select[name=format]", "national_consultation")
    page.select_option("select[name=language]", "mn")
    page.select_option("select[name=consent]", "written")
    page.select_option("select[name=participants-0-group]", "government")
    page.click("details#strategy-ratings > summary")
    fences = "strategy_ratings-fence_modification"
    page.select_option(f"select[name={fences}-impact]", "4")
    page.select_option(f"select[name={fences}-feasibility]", "2")
    page.select_option(f"select[name={fences}-cost]", "high")
    page.select_option(f"select[name={fences}-agreement]", "majority")
    page.screenshot(path=str(screenshot_dir / "national-consultation-form.png"), full_page=True)
    page.click("input[name=save]")
    page.wait_for_url(re.compile(r".*/interviews/\d+\?saved=new$"))
    row = page.locator("tr[data-action=fence_modification]").inner_text()
    assert "Very high" in row and "Medium" in row and "Less effective" in row
    page.screenshot(path=str(screenshot_dir / "national-consultation-record.png"), full_page=True)

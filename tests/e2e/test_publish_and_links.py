"""In a browser: a workbook uploaded as a draft, previewed in Russian, published after the
confirmation; then, with no mail server, an invitee's link copied with its button and opened."""

import pytest
from playwright.sync_api import expect

from tests.consult.test_questionnaires import small_form_xlsx
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"


def test_draft_previewed_published_and_link_copied(live_app, live_server, page, tmp_path):
    from consult.accounts import create_user
    from consult.extensions import db

    with live_app.app_context():
        create_user("sec@example.org", PASSWORD, "admin")
        db.session.commit()
    workbook = tmp_path / "small.xlsx"
    workbook.write_bytes(small_form_xlsx())
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    login(page, live_server, "sec@example.org", PASSWORD)
    page.wait_for_url(f"{live_server}/secretariat/")

    page.goto(f"{live_server}/secretariat/questionnaires/")
    page.set_input_files("input[type=file][name=file]", str(workbook))
    page.locator("form[action$='/questionnaires/upload'] button[type=submit]").click()
    page.get_by_text("The new version is a draft").wait_for()
    # The public link answers nothing yet.
    other = page.context.new_page()
    assert other.goto(f"{live_server}/s/small-survey").status == 404

    page.locator("a", has_text="ru").first.click()
    page.get_by_text("nothing you enter is stored").wait_for()
    assert page.locator("#respond").get_attribute("lang") == "ru"
    assert "Страна" in page.locator("#respond").inner_text()

    page.goto(f"{live_server}/secretariat/questionnaires/small-survey/")
    publish = page.locator("form.publish-form")
    publish.locator("input[name=confirm]").check()
    publish.locator("button[type=submit]").click()
    page.get_by_text("Version 1 is published").wait_for()
    assert other.goto(f"{live_server}/s/small-survey").status == 200

    with live_app.app_context():
        from consult.invitations import create_invitation
        from consult.questionnaires import get_questionnaire

        create_invitation(
            get_questionnaire("small-survey"), name="Dana", email="dana@example.org"
        )
        db.session.commit()
    page.goto(f"{live_server}/secretariat/questionnaires/small-survey/mail/")
    page.get_by_text("No mail server is configured").wait_for()
    button = page.locator("button.copy-button").first
    button.click()
    # waited on from Playwright, not by a script string the page's CSP (no eval) would refuse
    expect(button).to_have_text("Copied")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{live_server}/s/small-survey?t=")
    other.goto(link)
    assert "Small survey" in other.content()

"""The secretariat sets up ODK Collect in a real browser, and a real HTTP Digest client
(requests' HTTPDigestAuth, written apart from consult) uses what the pages show."""

import pytest
import requests
from requests.auth import HTTPDigestAuth

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_collect_password_and_collection_link_work_from_the_pages(live_app, live_server, page):
    from consult.accounts import create_user
    from consult.extensions import db
    from consult.questionnaires import ensure_shipped_questionnaire

    with live_app.app_context():
        create_user("sec@example.org", "a long enough password", "admin")
        collector = create_user("ranger@example.org", "another long password", "collector",
                                ["KZ"])
        ensure_shipped_questionnaire()
        db.session.commit()
        collector_id = collector.id
    login(page, live_server, "sec@example.org", "a long enough password")
    page.wait_for_url(f"{live_server}/secretariat/")
    page.goto(f"{live_server}/secretariat/users/{collector_id}")
    page.get_by_role("button", name="Make a new ODK Collect password").click()
    server = page.get_by_label("Server URL").input_value()
    username = page.get_by_label("User name").input_value()
    password = page.get_by_label("Password").input_value()
    assert server == f"{live_server}/openrosa" and username == "ranger@example.org"

    listing = requests.get(f"{server}/formList", auth=HTTPDigestAuth(username, password),
                           headers={"X-OpenRosa-Version": "1.0"}, timeout=30)
    assert listing.status_code == 200
    assert "<formID>cami_gap_needs</formID>" in listing.text
    wrong = requests.get(f"{server}/formList", auth=HTTPDigestAuth(username, "nope"), timeout=30)
    assert wrong.status_code == 401

    page.goto(f"{live_server}/secretariat/questionnaires/cami-gap-needs/")
    page.get_by_label("Who or what the link is for").fill("Rangers of Altyn-Emel")
    page.get_by_role("button", name="Make a collection link").click()
    link = page.get_by_label("Server URL").input_value()
    assert "/openrosa/t/" in link
    assert requests.get(f"{link}/formList", timeout=30).status_code == 200
    page.goto(f"{live_server}/secretariat/questionnaires/cami-gap-needs/?lang=fa")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_text("Rangers of Altyn-Emel").count() == 1

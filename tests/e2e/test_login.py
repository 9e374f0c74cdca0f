import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_secretariat_signs_in_and_sees_the_dashboard_in_persian(live_app, live_server, page):
    from consult.accounts import create_user
    from consult.extensions import db

    with live_app.app_context():
        create_user("sec@example.org", "a long enough password", "admin")
        db.session.commit()
    login(page, live_server, "sec@example.org", "a long enough password")
    page.wait_for_url(f"{live_server}/secretariat/")
    assert page.locator("h1").inner_text() == "Secretariat"
    page.goto(f"{live_server}/secretariat/?lang=fa")
    assert page.locator("html").get_attribute("dir") == "rtl"
    # the layout mirrors: the brand sits at the right edge in a right-to-left page
    box = page.locator(".brand").bounding_box()
    assert box["x"] > page.viewport_size["width"] / 2

"""A photo chosen on a questionnaire page in Chromium is stored and shown as a thumbnail."""

from __future__ import annotations

import pytest

from tests.consult.media_files import jpeg
from tests.consult.test_media_respond import SLUG, site_form

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(live_app):
    from consult.extensions import db
    from consult.questionnaires import import_form

    with live_app.app_context():
        import_form(site_form(), "site.xlsx", slug=SLUG)
        db.session.commit()
    return SLUG


def test_photo_uploaded_on_a_page_shows_its_thumbnail(live_server, site, page):
    page.goto(f"{live_server}/s/{SLUG}")
    page.click("button.primary")
    page.wait_for_selector("input[type=file][name=photo]")
    page.fill("input[name=site_name]", "Altyn-Emel")
    page.set_input_files(
        "input[name=photo]",
        files=[{"name": "gate.jpg", "mimeType": "image/jpeg", "buffer": jpeg(640, 480)}],
    )
    page.click(".respond-actions button.primary")  # Next: the page and its file are saved
    page.wait_for_selector("input[name=comment]")
    page.click(".respond-actions button.back")

    thumbnail = page.locator('[data-q="photo"] img.thumbnail')
    thumbnail.wait_for(state="visible")
    # visible comes before loaded: wait for the image itself (0 if it fails to load)
    loaded = thumbnail.evaluate(
        """img => img.complete ? img.naturalWidth : new Promise(done => {
            img.addEventListener("load", () => done(img.naturalWidth));
            img.addEventListener("error", () => done(0));
        })"""
    )
    assert loaded == 320
    assert "gate.jpg" in page.locator('[data-q="photo"] .file-current').inner_text()
    assert page.input_value("input[name=site_name]") == "Altyn-Emel"

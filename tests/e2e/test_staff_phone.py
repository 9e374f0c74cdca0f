"""The secretariat's pages on a phone: at 390 px, in Russian (long words) and Persian (right
to left), no page is wider than the screen. A table too wide for a phone scrolls in its own
box; everything else wraps."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import login

#: the secretariat's menu, and the pages a menu item leads to first
PAGES = (
    "/secretariat/",
    "/secretariat/analysis/",
    "/secretariat/coding/",
    "/secretariat/questionnaires/",
    "/secretariat/responses/",
    "/secretariat/users",
    "/secretariat/users/new",
    "/secretariat/api-tokens/",
    "/secretariat/privacy",
    "/interviews/",
    "/interviews/new",
    "/interviews/import",
)


@pytest.mark.parametrize("lang", ["ru", "fa"])
def test_the_secretariat_pages_fit_a_phone(live_app, live_server, browser, lang):
    from consult.demo.service import seed_demo
    from consult.extensions import db

    with live_app.app_context():
        seed_demo()
        db.session.commit()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        login(page, live_server, "secretariat@demo.consult", "demo-secretariat")
        page.wait_for_url(lambda url: "/auth/login" not in url)
        # and the first questionnaire, response and interview the lists link to
        found = []
        for listing, link in (
            ("/secretariat/questionnaires/", "a[href*='/secretariat/questionnaires/']"),
            ("/secretariat/responses/", "a[href*='/secretariat/responses/']"),
            ("/interviews/", "a[href*='/interviews/']"),
        ):
            page.goto(f"{live_server}{listing}")
            hrefs = page.locator(f"main {link}").evaluate_all("els => els.map(e => e.href)")
            # a record's own page: /responses/12, /interviews/3, /questionnaires/<slug>/
            tail = [h.removeprefix(live_server).removeprefix(listing).strip("/") for h in hrefs]
            detail = [
                h for h, rest in zip(hrefs, tail, strict=True)
                if rest and not set("/?.") & set(rest) and rest not in ("new", "import", "sync")
            ]
            assert detail, listing
            found.append(detail[0].removeprefix(live_server))
        too_wide = []
        for path in (*PAGES, *found):
            response = page.goto(f"{live_server}{path}?lang={lang}")
            assert response.ok, (path, response.status)
            assert page.locator("html").get_attribute("lang") == lang
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 391:
                too_wide.append((path, width))
        assert not too_wide, too_wide
    finally:
        context.close()

"""The coding queue in a browser: a coder corrects the machine's themes with the keyboard and
the next analysis run quotes the text as evidence of the corrected theme."""

import re

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"
#: KZ texts: four about poaching, two about fences; the first is the one corrected.
TEXTS = [
    "Poachers shoot saiga for their horns and sell them at the border.",
    "Poaching of saiga with snares goes on every winter, rangers cannot stop it.",
    "Hunters poach argali in the mountains and sell the trophies.",
    "Poachers with rifles chase the saiga herds on motorbikes.",
    "The railway fence blocks the migration of the saiga herds.",
    "New road fences cut the gazelles off from their winter pastures.",
]
CORRECTED = TEXTS[0]


def _seed(app):
    from consult.accounts import create_user
    from consult.extensions import db
    from tests.factories import make_response, make_version

    with app.app_context():
        create_user("coder@example.org", PASSWORD, "admin")
        version = make_version("cami_gap_needs", "cami-gap-needs")
        for number, text in enumerate(TEXTS):
            make_response(
                version,
                {
                    "target_1": "saiga",
                    "t1_threats": "poaching infrastructure",
                    "t1_poaching_scope": "high",
                    "t1_poaching_severity": ["medium", "high", "very_high"][number % 3],
                    "t1_poaching_irreversibility": "high",
                    "t1_infrastructure_scope": "high",
                    "t1_infrastructure_severity": "high",
                    "t1_infrastructure_irreversibility": "very_high",
                    "main_threats_text": text,
                },
                country="KZ",
                group=["government", "community", "ngo"][number % 3],
            )
        db.session.commit()


def _analyse(page, base_url: str) -> int:
    """Start a run from the analysis page and wait for its results; returns its id."""
    page.goto(f"{base_url}/secretariat/analysis/")
    page.select_option("select[name=questionnaire]", "cami-gap-needs")
    page.fill("input[name=k]", "2")
    page.click("text=Start analysis")
    page.wait_for_selector("#heatmap-grid", timeout=60000)
    return int(re.search(r"/secretariat/analysis/(\d+)", page.url).group(1))


def _quotes(page, base_url: str, run_id: int, theme: str) -> list[str]:
    page.goto(f"{base_url}/secretariat/analysis/{run_id}/evidence?country=KZ&theme={theme}")
    return page.locator("ul.quotes li q").all_inner_texts()


def _ticked(page) -> list[str]:
    return [
        box.get_attribute("value")
        for box in page.locator("#coding-form input[name=themes]").all()
        if box.is_checked()
    ]


def test_a_coder_corrects_a_tag_with_the_keyboard_and_the_next_run_quotes_it(
    live_app, live_server, page
):
    _seed(live_app)
    login(page, live_server, "coder@example.org", PASSWORD)
    first_run = _analyse(page, live_server)
    assert CORRECTED in _quotes(page, live_server, first_run, "poaching")
    assert CORRECTED not in _quotes(page, live_server, first_run, "infrastructure")

    page.goto(f"{live_server}/secretariat/coding/")
    assert page.locator("#coding-queue tbody tr").count() == len(TEXTS)
    page.locator("#coding-queue a", has_text=CORRECTED[:30]).click()
    page.wait_for_selector("#coding-form")
    assert page.locator("#text").inner_text() == CORRECTED
    # The boxes start at the machine's themes.
    machine = _ticked(page)
    assert "poaching" in machine and "infrastructure" not in machine
    text_url = page.url

    # 1 unticks the first theme (poaching), 3 ticks the third (infrastructure).
    page.keyboard.press("1")
    page.keyboard.press("3")
    assert set(_ticked(page)) == set(machine) - {"poaching"} | {"infrastructure"}
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != text_url and "/secretariat/coding/texts/" in page.url
    assert page.locator(".flash", has_text="Saved.").count() == 1

    # The decision is on the text's page, and the queue of texts to code is one shorter.
    page.goto(text_url)
    assert "Infrastructure" in page.locator("#current-decision").inner_text()
    page.goto(f"{live_server}/secretariat/coding/")
    assert page.locator("#coding-queue tbody tr").count() == len(TEXTS) - 1

    second_run = _analyse(page, live_server)
    assert CORRECTED in _quotes(page, live_server, second_run, "infrastructure")
    assert CORRECTED not in _quotes(page, live_server, second_run, "poaching")
    page.goto(f"{live_server}/secretariat/analysis/{second_run}#method")
    assert "1 of the run" in page.locator("#review-counts").inner_text()


def test_keys_move_through_the_queue_and_n_decides_no_theme(live_app, live_server, page):
    _seed(live_app)
    login(page, live_server, "coder@example.org", PASSWORD)
    _analyse(page, live_server)
    page.goto(f"{live_server}/secretariat/coding/")
    page.click("#start-coding")
    page.wait_for_selector("#coding-form")
    first = page.url
    with page.expect_navigation():
        page.keyboard.press("j")
    second = page.url
    assert second != first
    with page.expect_navigation():
        page.keyboard.press("ArrowLeft")
    assert page.url == first
    with page.expect_navigation():
        page.keyboard.press("ArrowRight")
    assert page.url == second
    with page.expect_navigation():
        page.keyboard.press("n")
    page.goto(second)
    assert "no theme" in page.locator("#current-decision").inner_text()


def test_the_queue_fits_a_phone_in_persian(live_app, live_server, browser):
    """At 390 px each text is a block with its columns' names, right to left; nothing
    is reached by scrolling sideways."""
    _seed(live_app)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        login(page, live_server, "coder@example.org", PASSWORD)
        page.goto(f"{live_server}/secretariat/coding/?lang=fa")
        assert page.locator("html").get_attribute("dir") == "rtl"
        frame = page.locator("#coding-queue").locator("xpath=..")
        assert frame.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        row = page.locator("#coding-queue tbody tr").first
        decision = row.locator("td[data-label]").last
        label = decision.evaluate("e => getComputedStyle(e, '::before').content")
        assert label.strip('"').startswith(decision.get_attribute("data-label"))
        assert decision.get_attribute("data-label") != "Decision", "the label is translated"
        box = decision.bounding_box()
        text_box = row.locator("td.text").bounding_box()
        assert box["y"] > text_box["y"], "the decision stands below the text, not beside it"
    finally:
        context.close()


def test_a_text_and_the_privacy_page_fit_a_phone(live_app, live_server, browser):
    """At 390 px the coding page's buttons wrap their long Russian labels and the privacy
    page's command lines scroll in their own box, left to right even in Persian: nothing
    widens the page."""
    _seed(live_app)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    fits = "document.documentElement.scrollWidth <= window.innerWidth + 1"
    try:
        login(page, live_server, "coder@example.org", PASSWORD)
        live_app.config["ANALYSIS_SYNC"] = True
        _analyse(page, live_server)  # the machine's themes bring the "Confirm" button
        page.goto(f"{live_server}/secretariat/coding/?lang=ru")
        page.locator("#coding-queue a[href*='/texts/']").first.click()
        confirm = page.locator("#coding-form .actions [name=confirm]")
        confirm.wait_for()
        assert page.evaluate(fits)
        box = confirm.bounding_box()
        assert box["x"] + box["width"] <= 390
        page.goto(f"{live_server}/secretariat/privacy?lang=fa")
        assert page.evaluate(fits)
        command = page.locator("pre").first
        assert command.evaluate("e => getComputedStyle(e).direction") == "ltr"
        assert command.evaluate("e => e.scrollWidth > e.clientWidth"), "the line scrolls"
    finally:
        context.close()

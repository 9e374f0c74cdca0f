"""Browser tests: a live server on loopback and Debian's Chromium driven by Playwright.

Where Chromium or Playwright is missing the tests skip with the reason; CI sets
CONSULT_REQUIRE_BROWSER=1 to make that a failure instead.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRED = os.environ.get("CONSULT_REQUIRE_BROWSER") == "1"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


def _unavailable(reason: str):
    if REQUIRED:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def live_app(tmp_path):
    """The app on a real SQLite file, migrated and seeded with reference data and accounts."""
    from consult import create_app
    from consult.database import upgrade
    from consult.extensions import db
    from consult.reference import load_reference_data

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'e2e.sqlite'}",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SECRET_KEY": "e2e-secret-key",
            "LOG_LEVEL": "WARNING",
        }
    )
    upgrade(app)
    with app.app_context():
        load_reference_data()
        db.session.commit()
    return app


@pytest.fixture
def live_server(live_app):
    """Serve live_app on a free loopback port for the duration of a test; yields its base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    # Wait for the worker threads of requests still being answered (server_close joins
    # them), so that nothing they hold open outlives the test.
    server.server_close()
    with live_app.app_context():
        from consult.extensions import db

        db.engine.dispose()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    # Let the page's pending requests (scripts, styles, a draft being saved) finish before
    # the browser drops their connections: a request cut off mid-answer leaves the server's
    # worker with a half-sent file.
    from playwright.sync_api import Error as PlaywrightError

    try:
        page.wait_for_load_state("networkidle", timeout=5000)
    except PlaywrightError:  # still busy after 5 s, or already closed: close regardless
        pass
    context.close()


@pytest.fixture
def screenshot_dir():
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


def login(page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def assert_hidden(locator) -> None:
    """`locator` matches one element, which is hidden (is_hidden() alone passes for none)."""
    assert locator.count() == 1, f"{locator} matches {locator.count()} elements"
    assert locator.is_hidden(), f"{locator} is visible"

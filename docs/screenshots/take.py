"""Take the README's screenshots: the demo data served on loopback, shot in Chromium.

Usage (from the repository root, after ``make run`` has installed the virtualenv)::

    .venv/bin/python docs/screenshots/take.py [--languages ru,fa] [--out docs/screenshots]

A fresh SQLite database in a temporary folder gets the reference data and the demo data set
(``consult seed-demo``); an analysis run of the demo questionnaire is computed in the
process; then each page below is opened in each language, at a phone's width (390 px) and a
desktop's (1366 px), and the first screenful of each is saved as
``<page>-<language>-<phone|desktop>.png``. Needs Debian's ``chromium`` and Playwright for
Python (the test extra), and the Noto fonts for Chinese, Mongolian and Persian text
(``fonts-noto-core``, ``fonts-noto-cjk``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
ADMIN = ("secretariat@demo.consult", "demo-secretariat")


def _demo_app(folder: Path):
    from consult import create_app
    from consult.database import upgrade
    from consult.demo.service import seed_demo
    from consult.extensions import db
    from consult.reference import load_reference_data

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'demo.sqlite'}",
            "INSTANCE_PATH": str(folder / "instance"),
            "SECRET_KEY": "screenshots",
            "LOG_LEVEL": "WARNING",
            "ANALYSIS_SYNC": True,
            "RATELIMIT_ENABLED": False,
        }
    )
    upgrade(app)
    with app.app_context():
        load_reference_data()
        db.session.commit()
        seed_demo()
        db.session.commit()
    return app


def _serve(app) -> tuple[str, object]:
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def _first_id(app, model) -> int:
    from consult.extensions import db

    with app.app_context():
        return db.session.scalars(db.select(model.id).order_by(model.id)).first()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="ru,fa")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    chromium = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not chromium:
        print("Chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from consult.models import AnalysisRun, Interview, Response

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app = _demo_app(Path(folder))
        base, server = _serve(app)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            context = browser.new_context()
            page = context.new_page()
            page.set_default_timeout(120_000)
            page.goto(f"{base}/auth/login")
            page.fill("input[name=email]", ADMIN[0])
            page.fill("input[name=password]", ADMIN[1])
            page.click("button[type=submit]")
            page.goto(f"{base}/secretariat/analysis/")
            page.click("form.form button[type=submit]")
            page.wait_for_load_state("networkidle")
            run = _first_id(app, AnalysisRun)
            pages = {
                "interview": f"/interviews/{_first_id(app, Interview)}",
                "response": f"/secretariat/responses/{_first_id(app, Response)}",
                "analysis": f"/secretariat/analysis/{run}",
                "report": f"/secretariat/analysis/{run}/report",
            }
            for language in args.languages.split(","):
                for size, (width, height) in SIZES.items():
                    page.set_viewport_size({"width": width, "height": height})
                    for name, path in pages.items():
                        page.goto(f"{base}{path}?lang={language}")
                        page.wait_for_load_state("networkidle")
                        target = out / f"{name}-{language}-{size}.png"
                        page.screenshot(path=str(target))
                        print("wrote", target.relative_to(ROOT) if target.is_relative_to(ROOT)
                              else target)
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

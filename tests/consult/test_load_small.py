"""The load benchmark's respondents, driven through the test client on both databases.

bench/load.py counts a draft as lost when the database does not hold the rows it expects for
the last saved page, and a respondent as failed when a page does not move on. These tests
check that its random answers get through every page of the shipped questionnaire and that
its expected rows are what saving a page stores, so a failure in the benchmark is the app's;
and they keep what the benchmark found: a page saved while its draft was being submitted
rewrote the submitted answers on SQLite.
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
import threading
import time
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import update

from consult import responses
from consult.extensions import db
from consult.models import Answer, Response
from consult.questionnaires import get_questionnaire, load_version_form
from surveys import pages as form_pages

SLUG = "cami-gap-needs"
BENCH = Path(__file__).resolve().parents[2] / "bench" / "load.py"


def _load_module():
    # the script imports its neighbour bench/common.py, as it does when run from bench/
    if str(BENCH.parent) not in sys.path:
        sys.path.append(str(BENCH.parent))
    spec = importlib.util.spec_from_file_location("bench_load", BENCH)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the module runs
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


load = _load_module()


@pytest.fixture
def survey(app):
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return SLUG


@pytest.fixture(scope="module")
def questions():
    return load.page_questions()


def _field(html: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    assert match, f"no field {name}"
    return unescape(match.group(1))


def _stored(app, token: str) -> dict[tuple[str, int], str]:
    with app.app_context():
        response = db.session.scalar(
            db.select(Response).where(
                Response.resume_token_hash == load.hashlib.sha256(token.encode()).hexdigest()
            )
        )
        assert response is not None
        return {
            (row.question, row.instance): row.value
            for row in db.session.scalars(
                db.select(Answer).where(Answer.response_id == response.id)
            )
        }


@pytest.mark.parametrize("seed", [3, 11])
def test_benchmark_answers_pass_every_page_and_are_stored_as_expected(
    app, client, survey, questions, seed
):
    answers = load.answers_for(random.Random(seed))
    start = client.get(f"/s/{SLUG}").get_data(as_text=True)
    response = client.post(
        f"/s/{SLUG}",
        data={"csrf_token": _field(start, "csrf_token"), "language": answers["_language"]},
    )
    assert response.status_code == 302
    path = response.location
    seen = []
    while True:
        html = client.get(path).get_data(as_text=True)
        token = load.RESUME_RE.search(html).group(1)
        if 'value="submit"' in html:
            break
        body, _ = load._form_body(html, answers, "next")
        response = client.post(path, data=body, content_type="application/x-www-form-urlencoded")
        if response.status_code == 200:
            # More questions came up on the page; the benchmark posts it once more too.
            body, _ = load._form_body(response.get_data(as_text=True), answers, "next")
            response = client.post(
                path, data=body, content_type="application/x-www-form-urlencoded"
            )
        assert response.status_code == 302, f"page {path} did not move on"
        key = path.rsplit("/p/", 1)[1]
        seen.append(key)
        expected = load.expected_rows(answers, questions[key])
        stored = _stored(app, token)
        assert {k: stored.get(k) for k in expected} == expected
        path = response.location

    named = [slot for slot in (1, 2, 3) if f"target_{slot}" in answers]
    assert {f"species_{slot}" for slot in named} == {
        key.split("/")[-1] for key in seen if key.startswith("threats/")
    }
    body, client_id = load._form_body(html, answers, "submit")
    response = client.post(path, data=body, content_type="application/x-www-form-urlencoded")
    assert response.location.endswith("/thanks")
    reference = load.REFERENCE_RE.search(client.get(response.location).get_data(as_text=True))
    with app.app_context():
        stored = db.session.scalar(
            db.select(Response).where(Response.reference == reference.group(1).strip())
        )
        assert stored.status == "submitted"
        assert stored.client_submission_id == client_id


def test_page_saved_while_its_draft_is_submitted_leaves_the_submission_alone(app, survey):
    with app.app_context():
        version = get_questionnaire(SLUG).current_version
        form = load_version_form(version)
        response, _ = responses.start_response(version, form, "en")
        db.session.commit()
        response_id = response.id
    outcome: list[str] = []

    def save_welcome_page() -> None:
        with app.app_context():
            draft = db.session.get(Response, response_id)
            form = load_version_form(draft.version)
            page = form_pages.page_by_key(form, "welcome")
            try:
                responses.in_transaction(
                    lambda: responses.save_page(draft, form, page, {"consent": "no"})
                )
                outcome.append("saved")
            except responses.ResponseClosed:
                db.session.rollback()
                outcome.append("closed")

    with app.app_context():
        # Another request's submit holds the row (PostgreSQL) or the database (SQLite) while
        # the page is saved; the save must wait for it and then find the draft closed.
        with db.engine.connect() as submitting:
            submitting.execute(
                update(Response).where(Response.id == response_id).values(status="submitted")
            )
            saving = threading.Thread(target=save_welcome_page)
            saving.start()
            time.sleep(0.5)
            submitting.commit()
        saving.join(timeout=30)
        consent = db.session.scalar(
            db.select(Answer.value).where(
                Answer.response_id == response_id, Answer.question == "consent"
            )
        )
    assert outcome == ["closed"]
    assert consent != "no"

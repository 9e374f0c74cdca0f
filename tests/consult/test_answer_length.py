"""The longest answer accepted (ANSWER_MAX_LENGTH), on the pages and through the JSON
endpoint, and a long answer to a regex() constraint answered quickly, on both databases."""

from __future__ import annotations

import random
import re
import time
import uuid

import pytest

from consult.demo.responses import demo_answers
from consult.extensions import db
from consult.models import Answer, Response
from consult.questionnaires import ensure_shipped_questionnaire
from tests.consult.test_respond import ANSWERS, Respondent, errors, stored

SUBMIT = "/api/v1/questionnaires/cami-gap-needs/submissions"
#: Backtracks quadratically in the shipped e-mail pattern on an engine that backtracks:
#: every "." after the "@" is a place to split the domain.
HOSTILE_EMAIL = "a@" + "a." * 75_000 + "@"


@pytest.fixture
def shipped(app):
    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return app


def _payload(**answers) -> dict:
    values, lang = demo_answers(random.Random(11))
    values.update(consent="yes", **answers)
    return {"client_id": uuid.uuid4().hex, "language": lang, "answers": values}


def _responses(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Response))


def test_a_150_kb_email_answer_is_refused_quickly_with_a_length_message(shipped, client):
    assert len(HOSTILE_EMAIL) > 150_000
    before = _responses(shipped)
    started = time.perf_counter()
    response = client.post(SUBMIT, json=_payload(email=HOSTILE_EMAIL))
    assert time.perf_counter() - started < 2.0
    assert response.status_code == 422
    assert response.get_json()["errors"]["email"] == (
        f"Shorten this answer to at most 10000 characters (it has {len(HOSTILE_EMAIL)})."
    )
    assert _responses(shipped) == before


def test_a_long_email_answer_within_the_limit_is_checked_quickly(shipped, client):
    hostile = HOSTILE_EMAIL[:9_999] + "@"
    started = time.perf_counter()
    response = client.post(SUBMIT, json=_payload(email=hostile))
    assert time.perf_counter() - started < 2.0
    assert response.status_code == 422
    assert "email" in response.get_json()["errors"]
    assert "at most" not in response.get_json()["errors"]["email"]


def test_json_answers_over_the_configured_limit_are_refused_by_name(shipped, client):
    shipped.config["ANSWER_MAX_LENGTH"] = 2000
    response = client.post(SUBMIT, json=_payload(main_threats_text="x" * 2001))
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "main_threats_text": "Shorten this answer to at most 2000 characters (it has 2001)."
    }
    accepted = client.post(SUBMIT, json=_payload(main_threats_text="x" * 2000))
    assert accepted.status_code == 201, accepted.get_json()


def _page_of(app, name: str) -> str:
    from consult.questionnaires import get_questionnaire, load_version_form
    from surveys import pages as form_pages

    with app.app_context():
        form = load_version_form(get_questionnaire("cami-gap-needs").current_version)
        return next(page.key for page in form_pages.pages(form) if name in page.questions)


def test_a_page_answer_over_the_limit_keeps_the_saved_answer_and_says_why(shipped, client):
    shipped.config["ANSWER_MAX_LENGTH"] = 100
    key = _page_of(shipped, "most_needed_text")
    respondent = Respondent(client)
    respondent.start()
    respondent.walk(ANSWERS, until=key)
    assert 'maxlength="100"' in respondent.html
    respondent.post({**ANSWERS, "most_needed_text": "saved before"}, action="save")
    page = {**ANSWERS, "most_needed_text": "y" * 101, "needs_rank": ["data", "funding"]}
    response = respondent.post(page)
    assert response.status_code == 200
    assert "Shorten this answer to at most 100 characters (it has 101)." in errors(respondent.html)
    answers = stored(shipped)
    assert answers[("most_needed_text", 0)] == "saved before"
    assert answers[("needs_rank", 0)] == "data funding", "the rest of the page is saved"


def _field_block(html: str, name: str) -> str:
    """The markup of the question `name` on a page, from its wrapper to its message."""
    quoted = re.escape(f'data-q="{name}"')
    end = re.escape(f'data-msg-for="{name}"')
    match = re.search(rf'<div class="field[^"]*" {quoted}.*?{end}[^>]*>[^<]*</p>', html, re.S)
    assert match, f"no field {name} on the page"
    return match.group(0)


def test_repeat_answers_over_the_limit_are_named_by_instance(shipped, client):
    shipped.config["ANSWER_MAX_LENGTH"] = 60
    key = _page_of(shipped, "sh_name")
    respondent = Respondent(client)
    respondent.start()
    respondent.walk(ANSWERS, until=key)
    respondent.post({**ANSWERS, "_n.stakeholder_rep": "2", "sh_name[2]": "z" * 61})
    message = "Shorten this answer to at most 60 characters (it has 61)."
    second = _field_block(respondent.html, "sh_name[2]")
    assert 'class="field q-text has-error"' in second
    assert f'data-msg-for="sh_name[2]">{message}</p>' in second
    assert message not in _field_block(respondent.html, "sh_name[1]")
    with shipped.app_context():
        names = db.session.scalars(db.select(Answer.value).where(Answer.question == "sh_name"))
        assert "z" * 61 not in list(names)

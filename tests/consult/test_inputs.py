"""Control characters and oversized or deep JSON at the request boundary, on both databases.

PostgreSQL refuses NUL in text where SQLite stores it, so each of these requests used to
end in a 500 there; Python's JSON parser recursed on deep bodies everywhere.
"""

from __future__ import annotations

import io
import json
import random
import uuid

import pytest

from consult.demo.responses import demo_answers
from consult.extensions import db
from consult.models import Answer, QuestionnaireVersion, Response
from consult.questionnaires import ensure_shipped_questionnaire
from tests.conftest import csrf_token
from tests.consult.test_questionnaires import small_form_xlsx
from tests.consult.test_respond import ANSWERS, Respondent, stored

SUBMIT = "/api/v1/questionnaires/cami-gap-needs/submissions"


@pytest.fixture
def shipped(app):
    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return app


def _payload(**answers) -> dict:
    values, lang = demo_answers(random.Random(7))
    values.update(answers)
    return {"client_id": uuid.uuid4().hex, "language": lang, "answers": values}


def _responses(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Response))


# -- the address ------------------------------------------------------------------------------


def test_nul_in_the_path_is_refused_with_a_message(shipped, client):
    page = client.get("/s/a%00b")
    assert page.status_code == 400
    assert "control character (U+0000)" in page.get_data(as_text=True)
    api = client.get("/api/v1/questionnaires/a%00b")
    assert api.status_code == 400
    assert "control character" in api.get_json()["error"]["message"]


def test_nul_in_the_interview_search_is_refused(client, auth):
    auth.login("facilitator", ("KZ",))
    response = client.get("/interviews/?q=a%00b")
    assert response.status_code == 400
    assert "control character (U+0000) in &#39;q&#39;" in response.get_data(as_text=True)
    assert client.get("/interviews/?q=ab").status_code == 200


# -- form fields ------------------------------------------------------------------------------


def test_nul_in_a_login_email_is_taken_out(client, auth):
    _, email = auth.user("admin")
    token = csrf_token(client)
    wrong = client.post(
        "/auth/login", data={"email": "a\x00b@example.org", "password": "x", "csrf_token": token}
    )
    assert wrong.status_code == 200
    typed = email[:3] + "\x00" + email[3:]
    signed_in = client.post(
        "/auth/login", data={"email": typed, "password": auth.password, "csrf_token": token}
    )
    assert signed_in.status_code == 302


def test_nul_in_a_respondent_page_is_taken_out_and_the_answer_kept(shipped, client):
    respondent = Respondent(client)
    respondent.start()
    respondent.walk({**ANSWERS, "role": "Ran\x00ger\x07", "most_needed_text": "a\x00\r\nb"})
    answers = stored(shipped)
    assert answers[("role", 0)] == "Ranger"
    assert answers[("most_needed_text", 0)] == "a\nb"


def test_nul_in_an_uploaded_file_name_is_taken_out(app, client, auth):
    auth.login("admin")
    response = client.post(
        "/secretariat/questionnaires/upload",
        data={
            "csrf_token": csrf_token(client, "/secretariat/questionnaires/"),
            "file": (io.BytesIO(small_form_xlsx()), "small\x00form.xlsx"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(db.select(QuestionnaireVersion.source_filename)) == (
            "smallform.xlsx"
        )


# -- JSON bodies ------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["a\x00b", "a\x1bb", "lone \ud800 surrogate"])
def test_a_control_character_in_a_json_answer_is_refused_naming_the_field(shipped, client, bad):
    before = _responses(shipped)
    body = json.dumps(_payload(main_threats_text=bad))
    response = client.post(SUBMIT, data=body, content_type="application/json")
    assert response.status_code == 400
    assert "answers.main_threats_text" in response.get_json()["error"]["message"]
    assert _responses(shipped) == before


def test_json_answers_keep_tabs_and_line_breaks(shipped, client):
    response = client.post(SUBMIT, json=_payload(main_threats_text="a\tb\r\nc"))
    assert response.status_code == 201, response.get_json()
    with shipped.app_context():
        value = db.session.scalar(
            db.select(Answer.value).where(Answer.question == "main_threats_text")
        )
    assert value == "a\tb\nc"


@pytest.mark.parametrize("depth", [100_000, 33])
def test_deeply_nested_json_is_refused_with_a_clear_400(shipped, client, depth):
    body = '{"answers": {"main_threats_text": ' + "[" * depth + "]" * depth + "}}"
    response = client.post(SUBMIT, data=body, content_type="application/json")
    assert response.status_code == 400
    assert "nested more than 32 levels" in response.get_json()["error"]["message"]


def test_json_nested_within_the_limit_is_read(shipped, client):
    # Read, so the refusal is the question's (a list is no text), not the nesting limit's.
    before = _responses(shipped)
    answers = _payload()["answers"]
    answers["main_threats_text"] = json.loads("[" * 29 + "]" * 29)
    response = client.post(SUBMIT, json={**_payload(), "answers": answers})
    assert response.status_code == 422, response.get_json()
    assert response.get_json() == {"errors": {"main_threats_text": "This answer is not allowed."}}
    assert _responses(shipped) == before


def test_json_larger_than_the_limit_is_refused_with_413(shipped, client):
    shipped.config["JSON_MAX_BYTES"] = 50_000
    response = client.post(SUBMIT, json=_payload(main_threats_text="x" * 60_000))
    assert response.status_code == 413
    assert "larger than 48 KB" in response.get_json()["error"]["message"]

"""Invitations mean what they say: one response per link unless shared, the same draft in
every browser, country and group fixed, for the pages and the JSON API alike."""

from __future__ import annotations

import random
import re
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from consult.demo.responses import demo_answers
from consult.extensions import db
from consult.invitations import create_invitation
from consult.models import Invitation, Questionnaire, Response
from tests.conftest import csrf_token
from tests.consult.test_respond import ANSWERS, SLUG, Respondent, latest

API = f"/api/v1/questionnaires/{SLUG}/submissions"


@pytest.fixture
def survey(app):
    """The shipped questionnaire, imported."""
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return SLUG


def _invite(app, **fields) -> str:
    with app.app_context():
        query = db.select(Questionnaire).where(Questionnaire.slug == SLUG)
        questionnaire = db.session.scalar(query)
        created = create_invitation(questionnaire, **fields)
        db.session.commit()
        return created.token


def _payload(token: str, seed: int = 1, *, home: str = "KZ", **answers) -> dict:
    """A whole questionnaire from a demo respondent working in ``home`` (the species they
    name occur there), with ``answers`` changed."""
    values, lang = demo_answers(random.Random(seed), country=home)
    values.update(answers)
    return {"client_id": uuid.uuid4().hex, "language": lang, "answers": values, "invitation": token}


def _responses(app) -> list[Response]:
    with app.app_context():
        return list(db.session.scalars(db.select(Response).order_by(Response.id)))


def test_a_used_invitation_names_its_response_and_starts_nothing_more(app, client, survey):
    token = _invite(app, country="KZ", group="ngo")
    person = Respondent(client)
    person.start("en", token=token)
    person.walk(ANSWERS)
    reference = latest(app).reference

    for browser in (client, app.test_client()):
        again = browser.get(f"/s/{SLUG}?t={token}")
        assert again.status_code == 409
        assert reference in again.get_data(as_text=True)
    stranger = app.test_client()
    posted = stranger.post(
        f"/s/{SLUG}", data={"csrf_token": csrf_token(stranger, f"/s/{SLUG}"), "t": token}
    )
    assert posted.status_code == 409

    by_api = client.post(API, json=_payload(token))
    assert by_api.status_code == 409
    assert by_api.json["error"]["reference"] == reference
    assert len(_responses(app)) == 1


def test_the_api_takes_one_response_per_invitation_and_answers_retries_alike(app, client, survey):
    token = _invite(app, country="KZ", group="ngo")
    first = _payload(token, seed=1)
    assert client.post(API, json=first).status_code == 201
    second = client.post(API, json=_payload(token, seed=2, country="RU"))
    assert second.status_code == 409
    retry = client.post(API, json=first)
    assert retry.status_code == 200, "a retry of the stored submission is not a second one"
    assert [r.status for r in _responses(app)] == ["submitted"]


def test_a_single_use_link_continues_its_draft_in_another_browser(app, client, survey):
    token = _invite(app, country="MN", group="community", language="ru")
    phone = Respondent(client)
    phone.start("ru", token=token)
    phone.post({"consent": "yes"})
    assert phone.key == "profile"

    laptop = Respondent(app.test_client())
    laptop.start("ru", token=token)
    assert laptop.key == "profile", "the laptop goes on where the phone stopped"
    laptop.walk(ANSWERS)
    responses = _responses(app)
    assert len(responses) == 1 and responses[0].status == "submitted"
    # The phone's draft is that response: it cannot be submitted a second time.
    assert client.get(f"/s/{SLUG}?t={token}").status_code == 409


def test_a_shared_link_takes_many_responses(app, client, survey):
    token = _invite(app, country="TJ", group="government", multi_use=True)
    for seed in range(3):
        assert client.post(API, json=_payload(token, seed=seed, home="TJ")).status_code == 201
    person = Respondent(app.test_client())
    person.start("en", token=token)
    person.walk(dict(ANSWERS, target_1="argali", target_2="snow_leopard"))  # Tajik species
    with app.app_context():
        invitation = db.session.scalar(db.select(Invitation))
        assert invitation.responses_submitted == 4
    assert {r.country_code for r in _responses(app)} == {"TJ"}


def test_the_invitation_fixes_country_and_group_whatever_is_sent(app, client, survey):
    token = _invite(app, country="KZ", group="ngo")
    sent = client.post(API, json=_payload(token, country="KG", stakeholder_group="government"))
    assert sent.status_code == 201, sent.json
    with app.app_context():
        response = db.session.scalar(db.select(Response))
        answers = {a.question: a.value for a in response.answers if not a.instance}
        assert (response.country_code, response.group_code) == ("KZ", "ngo")
        assert (answers["country"], answers["stakeholder_group"]) == ("KZ", "ngo")


def test_concurrent_submissions_with_one_invitation_store_one(app, survey):
    answers, _lang = demo_answers(random.Random(1), country="KZ")
    token = _invite(app, country=answers["country"], group=answers["stakeholder_group"])
    payloads = [_payload(token, seed=1) for _ in range(4)]

    def send(payload):
        return app.test_client().post(API, json=payload).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(send, payloads))
    assert statuses == [201, 409, 409, 409]
    assert len(_responses(app)) == 1


def test_the_secretariat_makes_a_shared_link(app, client, auth, survey):
    auth.login("admin")
    page = f"/secretariat/questionnaires/{SLUG}/invitations/"
    response = client.post(
        f"/secretariat/questionnaires/{SLUG}/invitations/new",
        data={
            "one-csrf_token": csrf_token(client, page),
            "one-name": "Workshop in Khujand",
            "one-country": "TJ",
            "one-group": "government",
            "one-multi_use": "y",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200, re.findall(r"class=\"error[^<]*<", html)
    with app.app_context():
        invitation = db.session.scalar(db.select(Invitation))
        assert invitation.max_responses is None
    listing = client.get(page).get_data(as_text=True)
    assert "shared link" in listing

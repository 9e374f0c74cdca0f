"""Whole questionnaires sent in one JSON request (clients that collect answers offline)."""

import random
import re
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consult.demo.responses import demo_answers
from consult.extensions import db
from consult.models import Answer, Response
from consult.questionnaires import ensure_shipped_questionnaire
from surveys.validation import DEFAULT_MESSAGES

URL = "/api/v1/questionnaires/cami-gap-needs/submissions"


@pytest.fixture
def shipped(app):
    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return app


def _payload(seed=1, **changes):
    answers, lang = demo_answers(random.Random(seed))
    payload = {"client_id": uuid.uuid4().hex, "language": lang, "answers": answers}
    payload.update(changes)
    return payload


def _stored(app):
    with app.app_context():
        return db.session.query(Response).count(), db.session.query(Answer).count()


def test_a_complete_questionnaire_is_stored_with_its_reference(shipped, client):
    payload = _payload()
    response = client.post(URL, json=payload)
    assert response.status_code == 201, response.json
    reference = response.json["reference"]
    with shipped.app_context():
        stored = db.session.scalar(db.select(Response).where(Response.reference == reference))
        assert stored.status == "submitted" and stored.client_submission_id == payload["client_id"]
        assert stored.country_code == payload["answers"]["country"]
        saved = {answer.question: answer.value for answer in stored.answers if not answer.instance}
        assert len(saved) >= 20
        assert saved["target_1"] == payload["answers"]["target_1"]
        assert saved["t1_threats"] == payload["answers"]["t1_threats"]


def test_sending_the_same_client_id_again_stores_one_response(shipped, client):
    payload = _payload(seed=2)
    first = client.post(URL, json=payload)
    before = _stored(shipped)
    second = client.post(URL, json=payload)
    assert second.status_code == 200
    assert second.json["reference"] == first.json["reference"]
    assert _stored(shipped) == before


def test_missing_required_answer_is_refused_by_name_and_nothing_is_stored(shipped, client):
    payload = _payload(seed=3)
    del payload["answers"]["stakeholder_group"]
    before = _stored(shipped)
    response = client.post(URL, json=payload)
    assert response.status_code == 422
    assert "stakeholder_group" in response.json["errors"]
    assert _stored(shipped) == before


def test_every_problem_on_every_page_is_reported_at_once(shipped, client):
    payload = _payload(seed=6)
    answers = payload["answers"]
    del answers["stakeholder_group"]  # profile page: required
    answers["years_experience"] = 200  # profile page: constraint . <= 70
    # the first species' page: a threat said to be present but its severity not rated
    answers.update(t1_threats="poaching", t1_poaching_scope="high", t1_poaching_trend="stable")
    answers.update(t1_poaching_irreversibility="low", t1_poaching_severity="")
    answers["gap_cooperation"] = "perfect"  # the gaps page: not a choice
    # stakeholders' repeat: not a choice in the second entry
    answers.update(sh_name=["A", "B"], sh_group=["ngo", "government"])
    answers.update(sh_influence=["low", "enormous"], sh_interest=["high", "high"])
    response = client.post(URL, json=payload)
    assert response.status_code == 422
    assert set(response.json["errors"]) == {
        "stakeholder_group",
        "years_experience",
        "t1_poaching_severity",
        "gap_cooperation",
        "sh_influence[1]",
    }


def test_unknown_questions_and_bad_codes_are_named(shipped, client):
    payload = _payload(seed=4)
    payload["answers"]["no_such_question"] = "x"
    response = client.post(URL, json=payload)
    assert response.status_code == 422 and "no_such_question" in response.json["errors"]
    payload = _payload(seed=4)
    payload["answers"]["country"] = "XX"
    response = client.post(URL, json=payload)
    assert response.status_code == 422 and "country" in response.json["errors"]


def test_answers_to_questions_not_asked_are_dropped(shipped, client):
    payload = _payload(seed=5)
    answers = payload["answers"]
    answers["t1_threats"] = "none"
    answers["t1_climate_scope"] = "high"  # climate was not said to affect the species
    answers.pop("target_2", None)
    answers["t2_threats"] = "poaching"  # no second species was named
    response = client.post(URL, json=payload)
    assert response.status_code == 201, response.json
    with shipped.app_context():
        stored = db.session.scalar(
            db.select(Response).where(Response.reference == response.json["reference"])
        )
        kept = {answer.question for answer in stored.answers}
        assert "t1_climate_scope" not in kept and "t2_threats" not in kept
        assert {name for name in kept if name.startswith("t1_")} == {"t1_name", "t1_threats"}


def test_bad_bodies_get_clear_errors(shipped, client):
    assert client.post(URL, data="not json", content_type="application/json").status_code == 400
    assert client.post(URL, json={"answers": []}).status_code == 400
    missing_id = client.post(URL, json=_payload(client_id=""))
    assert missing_id.status_code == 422 and "client_id" in missing_id.json["errors"]
    unknown = client.post("/api/v1/questionnaires/nothing/submissions", json=_payload())
    assert unknown.status_code == 404


def test_every_answer_kept_is_stored_as_its_raw_value(shipped, client):
    """The rows stored (one INSERT of arrays on PostgreSQL, an executemany on SQLite) are
    the answers the checks kept: texts with quotes, braces, commas and other scripts, and
    the repeat instances in order."""
    from consult.questionnaires import get_questionnaire, load_version_form
    from consult.responses import service

    payload = _payload(seed=11)
    answers = payload["answers"]
    answers["main_threats_text"] = 'Браконьерство, "рога" {1,2}; 盗猎 \\ NULL \'x\''
    answers["anything_else_text"] = "NULL"
    response = client.post(URL, json=payload)
    assert response.status_code == 201, response.json
    with shipped.app_context():
        form = load_version_form(get_questionnaire("cami-gap-needs").current_version)
        kept = service.check_complete(form, answers, language=payload["language"])
        expected = sorted(
            (row["question"], row["instance"], row["value"])
            for row in service._rows(form, form.questions, kept)
        )
        stored = db.session.scalar(
            db.select(Response).where(Response.reference == response.json["reference"])
        )
        rows = db.session.execute(
            db.select(Answer.question, Answer.instance, Answer.value)
            .where(Answer.response_id == stored.id)
            .order_by(Answer.id)
        ).all()
    assert sorted(tuple(row) for row in rows) == expected
    assert ("main_threats_text", 0, answers["main_threats_text"]) in expected
    assert ("anything_else_text", 0, "NULL") in expected
    # stored in the order of the form's questions, as row by row
    assert [tuple(row) for row in rows] == [
        (row["question"], row["instance"], row["value"])
        for row in service._rows(form, form.questions, kept)
    ]


def test_a_client_id_stored_by_a_concurrent_request_is_answered_with_it(
    shipped, client, monkeypatch
):
    """A submission whose client id another request stores between the look-up and the
    insert fails on the unique client id, and is answered with the stored response."""
    from consult import responses

    payload = _payload(seed=12)
    first = client.post(URL, json=payload)
    assert first.status_code == 201
    before = _stored(shipped)
    real = responses.find_submission
    calls = []

    def not_yet(client_id, **options):
        # the view's look-up runs before the other request's commit
        calls.append(client_id)
        return None if len(calls) == 1 else real(client_id, **options)

    monkeypatch.setattr(responses, "find_submission", not_yet)
    second = client.post(URL, json=payload)
    assert second.status_code == 200, second.json
    assert second.json["reference"] == first.json["reference"]
    assert _stored(shipped) == before


def test_a_retry_is_answered_only_at_its_own_open_questionnaire(shipped, client):
    """A retry found by its client id is answered at its questionnaire's address while
    that has a current version; elsewhere, and once it has none, as any request there."""
    from consult.models import Questionnaire

    payload = _payload(seed=14)
    first = client.post(URL, json=payload)
    assert first.status_code == 201
    elsewhere = client.post("/api/v1/questionnaires/nothing/submissions", json=payload)
    assert elsewhere.status_code == 404
    with shipped.app_context():
        questionnaire = db.session.scalar(db.select(Questionnaire))
        current = questionnaire.current_version_id
        questionnaire.current_version_id = None
        db.session.commit()
    assert client.post(URL, json=payload).status_code == 404
    with shipped.app_context():
        db.session.scalar(db.select(Questionnaire)).current_version_id = current
        db.session.commit()
    again = client.post(URL, json=payload)
    assert again.status_code == 200 and again.json["reference"] == first.json["reference"]
    # a body refused by the checks of every JSON body is refused as before, after the 404
    bad = dict(payload, language="en\u0000")
    assert client.post(URL, json=bad).status_code == 400
    unknown = client.post("/api/v1/questionnaires/nothing/submissions", json=bad)
    assert unknown.status_code == 404


def test_a_reference_already_taken_is_drawn_again(shipped):
    from consult.models import utcnow
    from consult.questionnaires import get_questionnaire, load_version_form
    from consult.responses import record_submission

    draws = iter(["7K3Q9F2D", "7K3Q9F2D", "7K3Q9F2D", "AB12CD34"])
    answers, lang = _payload(seed=13)["answers"], "en"
    with shipped.app_context():
        version = get_questionnaire("cami-gap-needs").current_version
        form = load_version_form(version)
        kept = {}
        for _ in range(2):
            stored = record_submission(
                version, form, answers, language=lang, source="import",
                submitted_at=utcnow(), reference_digits=lambda n: next(draws),
            )  # fmt: skip
            kept[stored.reference] = stored.id
        db.session.commit()
        assert sorted(kept) == ["CAMI-7K3Q-9F2D", "CAMI-AB12-CD34"]
        assert next(draws, None) is None
        for reference, response_id in kept.items():
            stored = db.session.get(Response, response_id)
            assert stored.reference == reference and stored.status == "submitted"
            assert stored.answers


def test_invitation_only_questionnaires_need_a_valid_invitation(shipped, client):
    from consult.models import Questionnaire

    with shipped.app_context():
        questionnaire = db.session.scalar(db.select(Questionnaire))
        questionnaire.public = False
        db.session.commit()
    assert client.post(URL, json=_payload(seed=6)).status_code == 403
    assert client.post(URL, json=_payload(seed=6, invitation="forged")).status_code == 404


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=200) | st.just("<script>alert(1)</script>") | st.just("=1+1"),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner,
                                                                 max_size=4),
    max_leaves=12,
)


#: Names of the shipped form, on its first pages and its later ones, and one that is no question.
RANDOM_KEYS = (
    "country", "stakeholder_group", "consent", "t1_threats", "t1_poaching_scope",
    "gap_enforcement", "needs_rank", "sh_name", "main_threats_text", "years_experience",
)  # fmt: skip


def test_random_json_keys_are_questions_of_the_shipped_form(shipped):
    from consult.questionnaires import get_questionnaire, load_version_form

    with shipped.app_context():
        questionnaire = get_questionnaire("cami-gap-needs")
        form = load_version_form(questionnaire.current_version)
        assert set(RANDOM_KEYS) <= set(form.questions)


#: The engine's messages that quote the code they refuse, which may be anything sent.
QUOTING = re.compile(
    "|".join(
        re.escape(DEFAULT_MESSAGES[key]).replace(re.escape("{code}"), ".+")
        for key in ("choice", "duplicate", "filtered")
    ),
    re.DOTALL,
)


def _strings(value) -> list[str]:
    """Every string in a decoded JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *_strings(item)]]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    answers=st.dictionaries(st.sampled_from([*RANDOM_KEYS, "x"]), json_values, max_size=8),
    language=st.sampled_from(["en", "ru"]) | json_values,
    # A well-formed id half the time, so that the answers are checked too.
    client_id=st.uuids().map(lambda value: value.hex) | json_values,
)
def test_random_json_is_refused_cleanly(shipped, client, answers, language, client_id):
    # A burst from one address by design: the per-address submission limit is not tested here.
    shipped.config["RATELIMIT_SUBMIT"] = "10000/minute"
    before = _stored(shipped)
    response = client.post(URL, json={"client_id": client_id, "language": language,
                                      "answers": answers})
    assert response.status_code in (400, 422), response.data[:300]
    assert _stored(shipped) == before
    assert response.mimetype == "application/json", response.data[:300]
    body = response.get_json()
    assert body and set(body) <= {"error", "errors"}, body
    # Markup comes back only as a code quoted (and cut short) by the engine's own messages.
    echoed = [text for text in _strings(body) if "<script>" in text.lower()]
    assert all(QUOTING.fullmatch(text) for text in echoed), echoed

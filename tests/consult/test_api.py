"""The read-only JSON API: bearer tokens of secretariat accounts, paging and filters."""

from __future__ import annotations

import re

import pytest

from consult.accounts.tokens import create_token, revoke_token
from consult.extensions import db
from consult.models import ApiToken, User
from consult.questionnaires import import_form
from consult.security import hash_token
from tests.conftest import csrf_token
from tests.consult.test_questionnaires import small_form_xlsx
from tests.factories import make_response


def _token_for(app, auth, role="admin", countries=()):
    user_id, _email = auth.user(role, countries)
    with app.app_context():
        token, secret = create_token(db.session.get(User, user_id), "test")
        db.session.commit()
        return token.id, secret


def _get(client, url, secret=None):
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return client.get(url, headers=headers)


@pytest.fixture
def data(app):
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        for index in range(7):
            make_response(
                version,
                {"country": "KZ" if index % 2 else "MN", "years": str(index)},
                country="KZ" if index % 2 else "MN",
                group="ngo",
                status="draft" if index == 6 else "submitted",
            )
        db.session.commit()


def test_missing_malformed_unknown_and_revoked_tokens_get_401(app, client, auth, data):
    token_id, secret = _token_for(app, auth)
    assert _get(client, "/api/v1/responses").status_code == 401
    assert _get(client, "/api/v1/responses", "wrong-token").status_code == 401
    assert (
        client.get(
            "/api/v1/questionnaires", headers={"Authorization": f"Basic {secret}"}
        ).status_code
        == 401
    )
    assert _get(client, "/api/v1/questionnaires", secret).status_code == 200
    with app.app_context():
        revoke_token(db.session.get(ApiToken, token_id))
        db.session.commit()
    refused = _get(client, "/api/v1/questionnaires", secret)
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert refused.json["error"]["code"] == 401


def test_facilitator_token_gets_403(app, client, auth, data):
    _token_id, secret = _token_for(app, auth, "facilitator", ("KZ",))
    assert _get(client, "/api/v1/responses", secret).status_code == 403
    assert _get(client, "/api/v1/questionnaires", secret).status_code == 403


def test_token_is_stored_hashed_and_use_is_recorded(app, auth, client, data):
    token_id, secret = _token_for(app, auth)
    _get(client, "/api/v1/questionnaires", secret)
    with app.app_context():
        token = db.session.get(ApiToken, token_id)
        assert token.token_hash == hash_token(secret) != secret
        assert token.last_used_at is not None


def test_questionnaires_list_versions_and_counts(app, client, auth, data):
    _token_id, secret = _token_for(app, auth)
    (item,) = _get(client, "/api/v1/questionnaires", secret).json["data"]
    assert item["slug"] == "small-survey"
    assert item["current_version"] == 1
    assert item["versions"][0]["responses"] == {"draft": 1, "submitted": 6}
    assert item["versions"][0]["languages"] == ["en", "ru"]
    assert item["respond_url"].endswith("/s/small-survey")
    one = _get(client, "/api/v1/questionnaires/small-survey", secret).json["data"]
    assert one == item
    assert _get(client, "/api/v1/questionnaires/nothing", secret).status_code == 404


def test_responses_are_paged_and_filtered(app, client, auth, data):
    _token_id, secret = _token_for(app, auth)
    page = _get(client, "/api/v1/responses?per_page=3", secret).json
    assert page["meta"] == {"page": 1, "per_page": 3, "total": 7, "pages": 3}
    assert len(page["data"]) == 3 and "next" in page["links"] and "prev" not in page["links"]
    last = _get(client, "/api/v1/responses?per_page=3&page=3", secret).json
    assert len(last["data"]) == 1 and "prev" in last["links"]
    pages = [_get(client, f"/api/v1/responses?per_page=3&page={p}", secret) for p in (1, 2, 3)]
    seen = {item["id"] for page in pages for item in page.json["data"]}
    assert len(seen) == 7
    big = _get(client, "/api/v1/responses?per_page=10000", secret).json
    assert big["meta"]["per_page"] == 500
    kz = _get(client, "/api/v1/responses?country=kz&status=submitted", secret).json
    assert kz["meta"]["total"] == 3
    assert {r["country"] for r in kz["data"]} == {"KZ"}
    one = kz["data"][0]
    assert one["questionnaire"] == "small-survey" and one["version"] == 1
    assert isinstance(one["answers"]["years"], int)
    by_form = _get(client, "/api/v1/responses?questionnaire=small-survey&group=ngo", secret).json
    assert by_form["meta"]["total"] == 7
    future = _get(client, "/api/v1/responses?since=2999-01-01T00:00:00Z", secret).json
    assert future["meta"]["total"] == 0
    assert _get(client, "/api/v1/responses?since=yesterday", secret).status_code == 400
    assert _get(client, "/api/v1/responses?page=0", secret).status_code == 400
    assert _get(client, "/api/v1/responses?status=lost", secret).status_code == 400
    assert _get(client, "/api/v1/responses?questionnaire=none", secret).status_code == 404


def test_token_page_creates_a_token_shown_once_and_revokes_it(app, client, auth):
    auth.login("admin")
    url = "/secretariat/api-tokens/"
    created = client.post(url, data={"csrf_token": csrf_token(client, url), "name": "R script"})
    secret = re.search(r'readonly value="([\w-]+)"', created.get_data(as_text=True)).group(1)
    assert _get(client, "/api/v1/questionnaires", secret).status_code == 200
    listing = client.get(url).get_data(as_text=True)
    assert "R script" in listing and secret not in listing
    with app.app_context():
        token_id = db.session.scalar(db.select(ApiToken.id).where(ApiToken.name == "R script"))
    client.post(f"{url}{token_id}/revoke", data={"csrf_token": csrf_token(client, url)})
    assert _get(client, "/api/v1/questionnaires", secret).status_code == 401

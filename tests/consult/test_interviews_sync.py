"""/interviews/sync: interviews recorded offline, sent by the page script when the
connection returns (session, CSRF token, role and country checks, idempotency by client id,
conflicts and bad input)."""

from __future__ import annotations

from consult.extensions import db
from consult.models import AuditEvent, Interview
from tests.consult.test_interviews_records import form_data

SYNC = "/interviews/sync"


def fields(client, url: str = "/interviews/new", **values) -> dict:
    """The form's fields as the page script sends them: values by name, lists for
    checkboxes."""
    data = form_data(
        client,
        url,
        **{
            "date": "2026-04-02",
            "country": "KZ",
            "settlement": "Amangeldy",
            "format": "group",
            "language": "ru",
            "consent": "oral",
            "participants-0-group": "community",
            "participants-0-role": "herder",
            "notes-0-theme": "poaching",
            "notes-0-text": "Браконьеры приходят зимой.",
            "threats-poaching": "high",
            "species": ["saiga"],
        },
    )
    data.pop("csrf_token", None)
    data.pop("row_version", None)
    data.update(values)
    return data


def token(client) -> str:
    response = client.get(SYNC)
    assert response.status_code == 200
    return response.get_json()["csrf_token"]


def send(client, body, csrf: str | None = None):
    headers = {"X-CSRFToken": csrf if csrf is not None else token(client)}
    return client.post(SYNC, json=body, headers=headers)


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Interview))


def test_interview_sent_twice_is_saved_once(app, client, auth):
    auth.login("facilitator", ("KZ",))
    body = {"client_id": "a1b2c3d4e5f6a7b8", "interview_id": None, "fields": fields(client)}
    first = send(client, body)
    assert first.status_code == 201, first.get_data(as_text=True)
    again = send(client, body)
    assert again.status_code == 200
    assert again.get_json()["id"] == first.get_json()["id"]
    assert count(app) == 1
    with app.app_context():
        interview = db.session.scalars(db.select(Interview)).one()
        assert interview.client_id == "a1b2c3d4e5f6a7b8"
        assert interview.settlement == "Amangeldy"
        assert [n.text for n in interview.notes] == ["Браконьеры приходят зимой."]
        assert {t.theme_code: t.severity for t in interview.threats} == {"poaching": "high"}
        assert [s.code for s in interview.species] == ["saiga"]
        assert db.session.scalar(
            db.select(db.func.count()).select_from(AuditEvent).where(
                AuditEvent.action == "interview.create"
            )
        ) == 1


def test_sync_needs_the_csrf_token_and_an_account_with_the_role(app, client, auth):
    auth.login("facilitator", ("KZ",))
    body = {"client_id": "nocsrf-0001", "interview_id": None, "fields": fields(client)}
    refused = client.post(SYNC, json=body)
    assert refused.status_code == 400
    assert "expired or was sent from elsewhere" in refused.get_json()["error"]["message"]
    assert send(client, body, csrf="not-the-token").status_code == 400
    assert count(app) == 0
    auth.logout()
    anonymous = client.post(SYNC, json=body)
    assert anonymous.status_code in (302, 400)
    assert client.get(SYNC).status_code == 302
    assert count(app) == 0


def test_facilitator_cannot_send_an_interview_for_another_country(app, client, auth):
    auth.login("facilitator", ("MN",))
    body = {
        "client_id": "othercountry1",
        "interview_id": None,
        "fields": fields(client, country="KZ"),
    }
    response = send(client, body)
    assert response.status_code == 422
    assert "country" in response.get_json()["errors"]
    assert count(app) == 0


def test_bad_input_is_refused_with_a_message_and_nothing_saved(app, client, auth):
    auth.login("facilitator", ("KZ",))
    good = fields(client)
    cases = [
        ["not", "an", "object"],
        {"client_id": "abcdefgh12"},
        {"client_id": "short", "fields": good},
        {"client_id": "x" * 65, "fields": good},
        {"client_id": "abcdefgh13", "fields": {"date": {"nested": "dict"}}},
        {"client_id": "abcdefgh14", "fields": {"date": [None]}},
        {"client_id": "abcdefgh15", "fields": {f"f{i}": "x" for i in range(2001)}},
        {"client_id": "abcdefgh16", "interview_id": "7", "fields": good},
        {"client_id": "abcdefgh17", "interview_id": 2**40, "fields": good},
    ]
    csrf = token(client)
    for body in cases:
        response = send(client, body, csrf)
        assert response.status_code in (400, 404), (body, response.status_code)
        assert response.get_json()["error"]["message"]
    invalid = send(client, {"client_id": "abcdefgh18", "fields": {**good, "date": "tomorrow"}})
    assert invalid.status_code == 422
    assert "date" in invalid.get_json()["errors"]
    huge = {"client_id": "toolarge-01", "fields": {"key_quotes": "x" * (3 * 1024 * 1024)}}
    too_large = send(client, huge, csrf)
    assert too_large.status_code == 413
    assert too_large.get_json()["error"]["message"]
    assert count(app) == 0


def test_offline_edit_of_a_record_changed_since_is_a_conflict_not_an_overwrite(
    app, client, auth
):
    auth.login("facilitator", ("KZ",))
    created = send(
        client, {"client_id": "create-0001", "interview_id": None, "fields": fields(client)}
    ).get_json()
    interview_id, version = created["id"], created["row_version"]
    edit_url = f"/interviews/{interview_id}/edit"
    # Someone else saves the record first.
    other = fields(client, edit_url, province="Kostanay")
    first = send(
        client,
        {"client_id": "edit-other-01", "interview_id": interview_id,
         "row_version": version, "fields": other},
    )
    assert first.status_code == 200
    current = first.get_json()["row_version"]
    assert current > version
    # The offline edit started from the older version.
    mine = fields(client, edit_url, settlement="Amangeldy (offline)")
    body = {"client_id": "edit-mine-001", "interview_id": interview_id,
            "row_version": version, "fields": mine}
    conflict = send(client, body)
    assert conflict.status_code == 409
    details = conflict.get_json()["conflict"]
    assert details["row_version"] == current
    assert details["url"] == f"/interviews/{interview_id}"
    assert details["changes"] and "province" in details["changes"][0]["fields"]
    with app.app_context():
        record = db.session.get(Interview, interview_id)
        assert record.settlement == "Amangeldy" and record.province == "Kostanay"
    # Sent deliberately over the saved record, then retried: saved once.
    body["row_version"] = details["row_version"]
    assert send(client, body).status_code == 200
    assert send(client, body).status_code == 200
    with app.app_context():
        record = db.session.get(Interview, interview_id)
        assert record.settlement == "Amangeldy (offline)"
        assert record.row_version > current
        updates = db.select(AuditEvent).where(AuditEvent.action == "interview.update")
        sent = [event.details.get("client_id") for event in db.session.scalars(updates)]
        assert sent.count("edit-mine-001") == 1


def test_another_countrys_interview_cannot_be_edited_through_sync(app, client, auth):
    auth.login("facilitator", ("KZ",))
    created = send(
        client, {"client_id": "create-kz-01", "interview_id": None, "fields": fields(client)}
    ).get_json()
    auth.logout()
    auth.login("facilitator", ("MN",))
    body = {
        "client_id": "edit-mn-0001",
        "interview_id": created["id"],
        "row_version": created["row_version"],
        "fields": fields(client, settlement="Changed"),
    }
    assert send(client, body).status_code == 404
    new = {"client_id": "othercountry1", "interview_id": None, "fields": body["fields"]}
    response = send(client, {**new, "fields": fields(client, country="KZ")})
    assert response.status_code == 422
    assert "country" in response.get_json()["errors"]
    assert count(app) == 1
    # Nor can the other facilitator learn about it through the KZ client id.
    again = {"client_id": "create-kz-01", "interview_id": None, "fields": body["fields"]}
    assert send(client, again).status_code == 409
    with app.app_context():
        assert db.session.get(Interview, created["id"]).settlement == "Amangeldy"


def test_service_worker_is_served_from_the_root_with_a_versioned_cache(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert response.headers["Cache-Control"] == "no-cache"
    body = response.get_data(as_text=True)
    assert "const CACHE = 'consult-' + \"" in body
    assert "/static/js/respond_offline.js" in body


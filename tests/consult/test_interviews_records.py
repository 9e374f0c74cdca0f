"""Interview records through the test client: create, edit, conflicts, scoping, audit."""

from __future__ import annotations

import re
from datetime import date

from consult.extensions import db
from consult.models import AuditEvent, Interview
from tests.conftest import csrf_token

FIELD_RE = re.compile(r'<(input|textarea|select)[^>]*name="([^"]+)"', re.S)


def form_data(client, url: str, **values) -> dict:
    """The form at `url` as posted by a browser without changes, overridden by `values`."""
    page = client.get(url).get_data(as_text=True)
    data: dict = {}
    for match in re.finditer(r'<input[^>]*>', page):
        tag = match.group(0)
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="submit"' in tag:
            continue
        if 'type="checkbox"' in tag:
            if "checked" in tag:
                value = re.search(r'value="([^"]*)"', tag).group(1)
                data.setdefault(name.group(1), []).append(value)
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = value.group(1) if value else ""
    for match in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[match.group(1)] = match.group(2).strip("\r\n")
    for match in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        selected = re.search(r'<option selected value="([^"]*)"', match.group(2)) or re.search(
            r'<option value="([^"]*)"[^>]*selected', match.group(2)
        )
        first = re.search(r'<option[^>]*value="([^"]*)"', match.group(2))
        data[match.group(1)] = (selected or first).group(1)
    data.update(values)
    return data


def new_interview(client, **values):
    data = form_data(
        client,
        "/interviews/new",
        **{
            "date": "2026-03-14",
            "country": "KZ",
            "settlement": "Zhalpaktal",
            "province": "West Kazakhstan",
            "format": "group",
            "language": "ru",
            "consent": "oral",
            "participants-0-name": "Айгуль Сапарова",
            "participants-0-organisation": "Okhotzooprom",
            "participants-0-group": "government",
            "participants-0-role": "ranger",
            "participants-0-gender": "female",
            "participants-1-group": "community",
            "participants-1-role": "herder",
            "notes-0-theme": "poaching",
            "notes-0-text": "Браконьеры приезжают ночью на мотоциклах за рогами сайги.",
            "notes-0-translation_en": "Poachers come at night on motorbikes for saiga horns.",
            "threats-poaching": "very_high",
            "threats-infrastructure": "unrated",
            "species": ["saiga"],
            "save": "Save",
        },
    )
    data.update(values)
    return client.post("/interviews/new", data=data)


def only_interview(app) -> Interview:
    with app.app_context():
        interview = db.session.scalars(db.select(Interview)).one()
        db.session.expunge(interview)
        return interview


def test_facilitator_creates_an_interview_with_participants_notes_and_tags(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = new_interview(client)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        interview = db.session.scalars(db.select(Interview)).one()
        assert interview.country_code == "KZ"
        assert interview.date == date(2026, 3, 14)
        assert [p.group_code for p in interview.participants] == ["government", "community"]
        assert interview.participants[0].name == "Айгуль Сапарова"
        assert [(n.theme_code, n.text[:11]) for n in interview.notes] == [
            ("poaching", "Браконьеры ")
        ]
        assert interview.notes[0].search_text.startswith("браконьеры приезжают")
        assert {t.theme_code: t.severity for t in interview.threats} == {
            "poaching": "very_high",
            "infrastructure": None,
        }
        assert [s.code for s in interview.species] == ["saiga"]
        assert [u.email for u in interview.facilitators] == ["facilitator-kz@example.org"]
        location = response.headers["Location"]
    page = client.get(location).get_data(as_text=True)
    assert "Браконьеры приезжают ночью" in page
    # The history names the event, not its code.
    history = page[page.index('id="history"'):]
    assert "<td>created</td>" in history and "interview.create" not in history


def make_interview(app, user_id: int | None, country: str = "KZ", **overrides) -> int:
    """An interview saved through the service, as the import and the views save them."""
    from consult.interviews import service
    from consult.models import User

    values = {
        "country": country,
        "date": date(2026, 2, 1),
        "format": "individual",
        "language": "ru",
        "consent": "written",
        "participants": [service.ParticipantData(name="Ерлан", group="community", role="herder")],
        "notes": [service.NoteData(theme="livestock", text="Пастбища перегружены скотом.")],
        "threats": {"livestock": "high"},
    }
    values.update(overrides)
    with app.app_context():
        user = db.session.get(User, user_id) if user_id else None
        interview = service.create_interview(service.InterviewData(**values), user)
        db.session.commit()
        return interview.id


def test_editing_saves_changes_and_the_history_shows_who_changed_what(app, client, auth):
    user_id = auth.login("facilitator", ("KZ",))
    interview_id = make_interview(app, user_id)
    url = f"/interviews/{interview_id}/edit"
    data = form_data(client, url)
    assert data["notes-0-text"] == "Пастбища перегружены скотом."
    data.update({"notes-0-text": "Пастбища перегружены, колодцы пересохли.", "save": "Save"})
    data["status"] = "complete"
    response = client.post(url, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        interview = db.session.get(Interview, interview_id)
        assert interview.notes[0].text == "Пастбища перегружены, колодцы пересохли."
        assert interview.status == "complete"
        assert interview.row_version == 2
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.object_id == str(interview_id))
        ).all()
        update = [e for e in events if e.action == "interview.update"]
        assert len(update) == 1 and update[0].user_id == user_id
        assert sorted(update[0].details["fields"]) == ["notes", "status"]
    page = client.get(f"/interviews/{interview_id}").get_data(as_text=True)
    history = page[page.index('id="history"'):]
    assert "<td>changed</td>" in history and "facilitator-kz@example.org" in history
    assert "Status, Notes" in history


def test_saving_unchanged_form_writes_no_audit_event(app, client, auth):
    user_id = auth.login("facilitator", ("KZ",))
    interview_id = make_interview(app, user_id)
    url = f"/interviews/{interview_id}/edit"
    response = client.post(url, data=form_data(client, url, save="Save"))
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Interview, interview_id).row_version == 1
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.object_type == "interview")
        ).all()
        assert actions == ["interview.create"]


def test_second_concurrent_save_is_refused_and_keeps_the_users_text(app, client, auth):
    from tests.conftest import Auth

    first_id = auth.login("facilitator", ("KZ",))
    interview_id = make_interview(app, first_id)
    other = app.test_client()
    Auth(app, other).login("facilitator", ("KZ",), email="second@example.org")
    url = f"/interviews/{interview_id}/edit"
    mine = form_data(client, url, save="Save")
    theirs = form_data(other, url, save="Save")

    mine["notes-0-text"] = "Первая правка: волки нападают на овец."
    assert client.post(url, data=mine).status_code == 302

    theirs["notes-0-text"] = "Вторая правка: зимой был сильный джут."
    theirs["participants-1-role"] = "veterinarian"
    theirs["participants-1-group"] = "government"
    refused = other.post(url, data=theirs)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert "someone else saved this record" in page
    assert "Вторая правка: зимой был сильный джут." in page
    assert 'value="veterinarian"' in page
    with app.app_context():
        interview = db.session.get(Interview, interview_id)
        assert interview.notes[0].text == "Первая правка: волки нападают на овец."
        assert interview.row_version == 2
    # Having been told, the second editor may save again deliberately.
    again = form_data(other, url)
    again.update(theirs)
    again["row_version"] = re.search(r'name="row_version"[^>]*value="(\d+)"', page).group(1)
    assert other.post(url, data=again).status_code == 302
    with app.app_context():
        assert db.session.get(Interview, interview_id).notes[0].text.startswith("Вторая правка")


def test_facilitator_cannot_see_or_edit_another_countrys_records(app, client, auth):
    mn_user, _email = auth.user("facilitator", ("MN",))
    hidden = make_interview(app, mn_user, country="MN", language="mn", notes=[])
    mine = make_interview(app, None, country="KZ")
    auth.login("facilitator", ("KZ",))
    assert client.get(f"/interviews/{hidden}").status_code == 404
    assert client.get(f"/interviews/{hidden}/edit").status_code == 404
    token = csrf_token(client, "/interviews/new")
    assert client.post(f"/interviews/{hidden}/edit", data={"csrf_token": token}).status_code == 404
    listing = client.get("/interviews/").get_data(as_text=True)
    assert f"/interviews/{mine}" in listing and f"/interviews/{hidden}" not in listing
    searched = client.get("/interviews/?country=MN").get_data(as_text=True)
    assert f"/interviews/{hidden}" not in searched and "0 records found" in searched
    exported = client.post(
        "/interviews/export", data={"csrf_token": token, "format": "notes.csv"}
    )
    assert exported.status_code == 403


def test_facilitator_cannot_create_a_record_in_another_country(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = new_interview(client, country="MN")
    assert response.status_code == 200
    assert "Not a valid choice" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Interview)) == 0


def test_secretariat_sees_every_country(app, client, auth):
    first = make_interview(app, None, country="MN", language="mn")
    second = make_interview(app, None, country="IR", language="fa")
    auth.login("admin")
    listing = client.get("/interviews/").get_data(as_text=True)
    assert f"/interviews/{first}" in listing and f"/interviews/{second}" in listing
    assert client.get(f"/interviews/{first}/edit").status_code == 200


def test_names_are_refused_without_consent_and_the_form_is_kept(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = new_interview(client, consent="none")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Without consent no names may be recorded" in page
    assert "Браконьеры приезжают ночью" in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Interview)) == 0
    anonymous = new_interview(client, consent="none", **{"participants-0-name": ""})
    assert anonymous.status_code == 302


def test_missing_date_is_reported_on_the_field_not_as_an_error_page(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = new_interview(client, date="")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    wrapper = re.search(r'<div class="field has-error">((?:(?!</div>).)*)</div>', page, re.S)
    assert wrapper, "no field marked in error"
    assert 'name="date"' in wrapper.group(1)
    assert '<p class="error" role="alert">This field is required.</p>' in wrapper.group(1)
    assert page.count("has-error") == 1, "only the date is wrong"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Interview)) == 0


def test_add_row_button_offers_another_participant_row_without_saving(app, client, auth):
    auth.login("facilitator", ("KZ",))
    data = form_data(client, "/interviews/new")
    assert "participants-2-name" in data and "participants-3-name" not in data
    data["participants-0-role"] = "ranger"
    data["add_participant"] = "Add a participant row"
    response = client.post("/interviews/new", data=data)
    page = response.get_data(as_text=True)
    assert 'name="participants-3-name"' in page
    assert 'value="ranger"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Interview)) == 0


def test_pages_need_a_login(client):
    response = client.get("/interviews/new")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_a_web_edit_keeps_an_imported_language_and_an_admin_cofacilitator(app, client, auth):
    admin_id, admin_email = auth.user("admin")
    user_id = auth.login("facilitator", ("KZ",))
    # Imported from a spreadsheet: a language the form does not list, and an administrator
    # who is no facilitator the form offers.
    interview_id = make_interview(
        app, None, language="ar", facilitator_ids=[user_id, admin_id], settlement="Zhalpaktal"
    )
    url = f"/interviews/{interview_id}/edit"
    response = client.post(url, data=form_data(client, url, settlement="Aktobe", save="Save"))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        interview = db.session.get(Interview, interview_id)
        assert interview.settlement == "Aktobe"
        assert interview.language == "ar"
        assert sorted(u.email for u in interview.facilitators) == sorted(
            [admin_email, "facilitator-kz@example.org"]
        )
        update = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "interview.update")
        ).one()
        assert update.details["fields"] == ["settlement"]


def test_a_web_edit_keeps_a_cofacilitator_whose_account_was_deactivated(app, client, auth):
    from consult.models import User

    former_id, former_email = auth.user("facilitator", ("KZ",), email="former@example.org")
    user_id = auth.login("facilitator", ("KZ",))
    interview_id = make_interview(app, None, facilitator_ids=[user_id, former_id])
    with app.app_context():
        db.session.get(User, former_id).active = False
        db.session.commit()
    url = f"/interviews/{interview_id}/edit"
    response = client.post(url, data=form_data(client, url, province="Atyrau", save="Save"))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        interview = db.session.get(Interview, interview_id)
        assert interview.province == "Atyrau"
        assert former_email in {u.email for u in interview.facilitators}

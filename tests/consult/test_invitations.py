"""Invitation links: hashed tokens, expiry, revocation, status, CSV in and out."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest

from consult.extensions import db
from consult.invitations import (
    InvitationError,
    create_invitation,
    import_invitations_csv,
    reissue,
    resolve,
    revoke,
    status,
)
from consult.models import Invitation, utcnow
from consult.questionnaires import import_form
from consult.security import hash_token
from tests.conftest import csrf_token
from tests.consult.test_questionnaires import small_form_xlsx
from tests.factories import make_response

URL = "/secretariat/questionnaires/small-survey/invitations/"


@pytest.fixture
def questionnaire_id(app):
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()
        return version.questionnaire_id


def _questionnaire(questionnaire_id):
    from consult.models import Questionnaire

    return db.session.get(Questionnaire, questionnaire_id)


def _count():
    return db.session.scalar(db.select(db.func.count()).select_from(Invitation))


def test_token_is_stored_only_as_its_hash(app, questionnaire_id):
    with app.app_context():
        created = create_invitation(
            _questionnaire(questionnaire_id), name="Aigerim", country="kz", group="ngo"
        )
        db.session.commit()
        row = db.session.get(Invitation, created.invitation.id)
        assert row.token_hash == hash_token(created.token) != created.token
        assert len(created.token) >= 40
        stored = db.session.execute(db.text("SELECT * FROM invitations")).all()
        assert created.token not in repr(stored)
        assert (row.country_code, row.group_code) == ("KZ", "ngo")


def test_resolve_finds_the_invitation_and_marks_it_opened(app, questionnaire_id):
    with app.app_context():
        created = create_invitation(_questionnaire(questionnaire_id))
        db.session.commit()
        assert status(created.invitation) == "not_opened"
        assert resolve(created.token).id == created.invitation.id
        assert created.invitation.opened_at is not None
        assert status(created.invitation) == "opened"
        assert resolve("not-a-token") is None
        assert resolve("") is None


def test_expired_and_revoked_links_say_why(app, questionnaire_id):
    with app.app_context():
        questionnaire = _questionnaire(questionnaire_id)
        expiring = create_invitation(questionnaire, expires_at=utcnow() + timedelta(hours=1))
        revoked = create_invitation(questionnaire)
        db.session.commit()
        assert resolve(expiring.token) is not None
        expiring.invitation.expires_at = utcnow() - timedelta(seconds=1)
        revoke(revoked.invitation)
        db.session.commit()
        with pytest.raises(InvitationError) as caught:
            resolve(expiring.token)
        assert caught.value.reason == "expired"
        assert "expired" in str(caught.value)
        with pytest.raises(InvitationError) as caught:
            resolve(revoked.token)
        assert caught.value.reason == "revoked"


def test_reissued_invitation_only_works_with_the_new_token(app, questionnaire_id):
    with app.app_context():
        created = create_invitation(_questionnaire(questionnaire_id))
        new_token = reissue(created.invitation)
        db.session.commit()
        assert resolve(created.token) is None
        assert resolve(new_token).id == created.invitation.id


def test_status_follows_the_linked_responses(app, questionnaire_id):
    with app.app_context():
        created = create_invitation(_questionnaire(questionnaire_id))
        version = _questionnaire(questionnaire_id).current_version
        draft = make_response(version, {"comment": "x"}, status="draft")
        draft.invitation_id = created.invitation.id
        db.session.commit()
        assert status(created.invitation) == "started"
        draft.status = "submitted"
        db.session.commit()
        assert status(created.invitation) == "submitted"


def test_invalid_fields_are_refused_naming_the_field(app, questionnaire_id):
    with app.app_context():
        questionnaire = _questionnaire(questionnaire_id)
        for kwargs, field in (
            ({"country": "XX"}, "country"),
            ({"group": "nobody"}, "group"),
            ({"email": "not-an-address"}, "email"),
            ({"language": "Russian"}, "language"),
            ({"expires_at": utcnow() - timedelta(days=1)}, "expires"),
        ):
            with pytest.raises(InvitationError, match=field):
                create_invitation(questionnaire, **kwargs)
        db.session.rollback()
        assert _count() == 0


def test_csv_with_a_bad_line_creates_nothing_and_names_the_line(app, questionnaire_id):
    data = (
        b"name,email,country,group,language\n"
        b"Aigerim,a@example.org,KZ,ngo,ru\n"
        b"Bat,b@example.org,XX,government,mn\n"
        b"Chen,c@example.org,CN,nobody,zh\n"
    )
    with app.app_context():
        result = import_invitations_csv(_questionnaire(questionnaire_id), data)
        assert [line for line, _message in result.errors] == [3, 4]
        assert "XX" in result.errors[0][1] and "nobody" in result.errors[1][1]
        assert result.created == []
        db.session.rollback()
        assert _count() == 0


def test_csv_creates_one_invitation_per_row(app, questionnaire_id):
    data = "\ufeffName;E-mail;Country;Group;Language\nAigerim;a@example.org;KZ;ngo;ru\n\n;;MN;;\n"
    with app.app_context():
        result = import_invitations_csv(_questionnaire(questionnaire_id), data.encode())
        db.session.commit()
        assert result.errors == []
        assert [(i.invitation.name, i.invitation.country_code) for i in result.created] == [
            ("Aigerim", "KZ"),
            ("", "MN"),
        ]
        assert _count() == 2


def test_page_creates_an_invitation_and_shows_its_link_once(app, client, auth, questionnaire_id):
    auth.login("admin")
    response = client.post(
        URL + "new",
        data={
            "csrf_token": csrf_token(client, URL),
            "one-name": "Aigerim",
            "one-email": "a@example.org",
            "one-country": "KZ",
            "one-group": "ngo",
            "one-language": "ru",
            "one-expires": (utcnow() + timedelta(days=30)).strftime("%Y-%m-%d"),
        },
    )
    assert response.status_code == 200
    token = re.search(r"/s/small-survey\?t=([\w-]+)", response.get_data(as_text=True)).group(1)
    with app.app_context():
        invitation = resolve(token)
        assert invitation.name == "Aigerim" and invitation.expires_at is not None
    listing = client.get(URL).get_data(as_text=True)
    assert "Aigerim" in listing and token not in listing


def test_page_reports_bad_csv_lines_and_creates_nothing(app, client, auth, questionnaire_id):
    auth.login("admin")
    data = b"name,email,country,group,language\nA,a@example.org,KZ,ngo,ru\nB,b,KZ,ngo,ru\n"
    response = client.post(
        URL + "csv",
        data={"csrf_token": csrf_token(client, URL), "csv-file": (io.BytesIO(data), "i.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "line 3" in response.get_data(as_text=True)
    with app.app_context():
        assert _count() == 0


def test_links_csv_holds_the_links_just_created_neutralised(app, client, auth, questionnaire_id):
    auth.login("admin")
    data = 'name,email,country\n=HYPERLINK("http://evil"),a@example.org,KZ\nBat,,MN\n'
    response = client.post(
        URL + "csv",
        data={
            "csrf_token": csrf_token(client, URL),
            "csv-file": (io.BytesIO(data.encode()), "i.csv"),
        },
        content_type="multipart/form-data",
    )
    html = response.get_data(as_text=True)
    tokens = re.findall(r'name="token" value="([\w-]+)"', html)
    assert len(tokens) == 2
    download = client.post(
        URL + "links.csv",
        data={"csrf_token": csrf_token(client, URL), "token": [*tokens, "forged-token"]},
    )
    rows = list(csv.DictReader(io.StringIO(download.data.decode("utf-8-sig"))))
    assert [row["name"] for row in rows] == ['\'=HYPERLINK("http://evil")', "Bat"]
    assert rows[0]["link"].endswith(f"/s/small-survey?t={tokens[0]}")


def test_list_csv_shows_status_and_neutralises_cells(app, client, auth, questionnaire_id):
    with app.app_context():
        questionnaire = _questionnaire(questionnaire_id)
        opened = create_invitation(questionnaire, name="+cmd|' /C calc'!A0", country="KZ")
        create_invitation(questionnaire, name="Bat")
        db.session.commit()
        resolve(opened.token)
        db.session.commit()
    auth.login("admin")
    response = client.get(URL.rstrip("/") + ".csv")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    by_name = {row["name"]: row["status"] for row in rows}
    assert by_name == {"'+cmd|' /C calc'!A0": "opened", "Bat": "not_opened"}
    assert "link" not in rows[0]


def test_revoke_from_the_page_stops_the_link(app, client, auth, questionnaire_id):
    with app.app_context():
        created = create_invitation(_questionnaire(questionnaire_id))
        db.session.commit()
        invitation_id, token = created.invitation.id, created.token
    auth.login("admin")
    response = client.post(
        f"{URL}{invitation_id}/revoke", data={"csrf_token": csrf_token(client, URL)}
    )
    assert response.status_code == 302
    with app.app_context(), pytest.raises(InvitationError):
        resolve(token)


def test_control_characters_in_a_csv_are_taken_out_before_storing(app, questionnaire_id):
    data = b"name,email,country\nAi\x00gerim,ai@example.org,KZ\nBo\x07lat,,MN\n"
    with app.app_context():
        result = import_invitations_csv(_questionnaire(questionnaire_id), data)
        assert not result.errors
        db.session.commit()
        names = sorted(db.session.scalars(db.select(Invitation.name)))
    assert names == ["Aigerim", "Bolat"]

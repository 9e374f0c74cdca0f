"""E-mail through a real SMTP server (aiosmtpd on a free local port, in a thread): the
invitee's language, a link that opens the questionnaire, reminders only to those who have
not submitted, a refused recipient recorded without stopping the batch, the links to copy
when no server is configured, and the resume link mailed to a respondent."""

from __future__ import annotations

import re
import socket
from datetime import date, timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from consult.extensions import db
from consult.invitations import create_invitation, revoke
from consult.models import Invitation, Mail, Response, utcnow
from consult.privacy.service import purge_personal_data
from consult.questionnaires import get_questionnaire, import_form
from tests.conftest import csrf_token
from tests.consult.test_questionnaires import small_form_xlsx
from tests.factories import make_response

SLUG = "small-survey"
MAIL_PAGE = f"/secretariat/questionnaires/{SLUG}/mail/"
LINK_RE = re.compile(r"https?://[^\s<>\"]+")


class Inbox:
    """The aiosmtpd handler: keeps every message; refuses recipients named bounce@…"""

    def __init__(self) -> None:
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce@"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 Message accepted"

    def to(self, address: str) -> list:
        return [message for rcpt, message in self.messages if address in rcpt]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture
def mail_app(app, smtp):
    app.config.update(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=smtp[1],
        MAIL_DEFAULT_SENDER="secretariat@consult.test",
        MAIL_TIMEOUT=5,
    )
    return app


def _text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _html(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def _world(app) -> dict[str, int]:
    """A published questionnaire (en, ru) and invitations: Russian, English with markup in
    the name, one the server refuses, a withdrawn one, an expired one, one without address."""
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        questionnaire = version.questionnaire
        ids = {}
        for key, fields in {
            "ru": {"name": "Айгерим", "email": "aigerim@example.org", "language": "ru"},
            "en": {"name": "Ana <b>&", "email": "ana@example.org", "language": "en"},
            "bounce": {"name": "Nobody", "email": "bounce@example.org", "language": "en"},
            "revoked": {"name": "Gone", "email": "gone@example.org"},
            "expired": {"name": "Late", "email": "late@example.org"},
            "none": {"name": "No address"},
        }.items():
            ids[key] = create_invitation(questionnaire, **fields).invitation.id
        revoke(db.session.get(Invitation, ids["revoked"]))
        db.session.get(Invitation, ids["expired"]).expires_at = utcnow() - timedelta(days=1)
        db.session.commit()
        ids["version"] = version.id
    return ids


def _queue(client, kind: str, **fields):
    url = f"{MAIL_PAGE}?kind={kind}"
    data = {"csrf_token": csrf_token(client, url), "deadline": "2027-03-01", **fields}
    return client.post(url, data=data)


MESSAGES = {
    "subject-en": "Invitation to {questionnaire}",
    "body-en": "Dear {name},\nplease answer by {deadline}:\n{link}\nThanks",
    "subject-ru": "Приглашение: {questionnaire}",
    "body-ru": "Уважаемый(ая) {name},\nответьте до {deadline}:\n{link}",
}


def _send_all(client, location: str) -> str:
    url = location.split("://", 1)[-1].split("/", 1)[-1]
    url = "/" + url
    for _ in range(10):
        page = client.get(url).get_data(as_text=True)
        if "Send the next batch" not in page:
            return page
        sent = client.post(url + "/send", data={"csrf_token": csrf_token(client, url)})
        assert sent.status_code == 302
    raise AssertionError("the mailing never finished")


def test_invitations_mailed_in_each_language_with_working_links(mail_app, client, auth, smtp):
    inbox, _port = smtp
    ids = _world(mail_app)
    auth.login("admin")
    page = client.get(MAIL_PAGE).get_data(as_text=True)
    assert "No mail server is configured" not in page
    queued = _queue(client, "invitation", **MESSAGES)
    assert queued.status_code == 302, queued.get_data(as_text=True)[-1500:]
    result = _send_all(client, queued.location)
    assert "2 sent, 1 failed, 0 waiting" in result
    # The refusal is shown with the server's reason, for that invitee only.
    assert "bounce@example.org" in result and "550" in result

    assert sorted(r for rcpt, _m in inbox.messages for r in rcpt) == [
        "aigerim@example.org",
        "ana@example.org",
    ]
    russian = inbox.to("aigerim@example.org")[0]
    assert russian["Subject"] == "Приглашение: Small survey"
    assert russian["Content-Language"] == "ru"
    body = _text(russian)
    assert "Уважаемый(ая) Айгерим" in body and "1 марта 2027" in body
    english = inbox.to("ana@example.org")[0]
    assert "March 1, 2027" in _text(english)
    assert "Dear Ana <b>&" in _text(english)
    html = _html(english)
    assert "Ana &lt;b&gt;&amp;" in html and "<b>&" not in html

    # The link in the mail opens the questionnaire for that invitee.
    link = LINK_RE.search(body).group(0)
    assert f"/s/{SLUG}?t=" in link
    respondent = mail_app.test_client()
    opened = respondent.get(link.split("localhost", 1)[-1])
    assert opened.status_code == 200
    assert "Small survey" in opened.get_data(as_text=True)
    with mail_app.app_context():
        assert db.session.get(Invitation, ids["ru"]).opened_at is not None
        rows = db.session.scalars(db.select(Mail).order_by(Mail.id)).all()
        assert {(m.recipient, m.status) for m in rows} == {
            ("aigerim@example.org", "sent"),
            ("ana@example.org", "sent"),
            ("bounce@example.org", "failed"),
        }
        assert all(m.sent_at is not None for m in rows if m.status == "sent")
        # The token is not stored anywhere in the mail records.
        token = link.rsplit("t=", 1)[1]
        assert all(token not in (m.error or "") for m in rows)

    # Invitations already mailed are not mailed again.
    again = _queue(client, "invitation", **MESSAGES)
    assert again.status_code == 302
    _send_all(client, again.location)
    assert len(inbox.messages) == 2


def test_reminders_go_only_to_those_who_have_not_submitted(mail_app, client, auth, smtp):
    inbox, _port = smtp
    ids = _world(mail_app)
    with mail_app.app_context():
        version = get_questionnaire(SLUG).current_version
        response = make_response(version, {"country": "KZ"})
        response.invitation_id = ids["ru"]
        db.session.commit()
    auth.login("admin")
    queued = _queue(
        client,
        "reminder",
        **{"subject-en": "Reminder", "body-en": "Hello {name}, there is still time: {link}"},
    )
    assert queued.status_code == 302
    result = _send_all(client, queued.location)
    assert "1 sent, 1 failed, 0 waiting" in result
    assert [r for rcpt, _m in inbox.messages for r in rcpt] == ["ana@example.org"]
    # Nothing written in Russian: the default language's message.
    assert "there is still time" in _text(inbox.messages[0][1])


def test_bad_messages_are_refused_naming_the_field(mail_app, client, auth):
    _world(mail_app)
    auth.login("admin")
    wrong = _queue(
        client,
        "invitation",
        **{"subject-en": "Hi {name.__class__}", "body-en": "x {link}", "deadline": "soon"},
    )
    html = wrong.get_data(as_text=True)
    assert wrong.status_code == 400
    assert "unknown placeholder {name.__class__}" in html
    assert "Deadline: &#39;soon&#39; is not a date" in html
    missing = _queue(client, "invitation", **{"subject-ru": "Тема", "body-ru": "Текст"})
    assert missing.status_code == 400
    assert "the message in the questionnaire&#39;s default language is needed" in (
        missing.get_data(as_text=True)
    )
    with mail_app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Mail)) == 0


def test_unreachable_server_leaves_the_mails_waiting(mail_app, client, auth):
    _world(mail_app)
    mail_app.config["MAIL_PORT"] = _free_port()
    auth.login("admin")
    queued = _queue(client, "invitation", **MESSAGES)
    url = "/" + queued.location.split("://", 1)[-1].split("/", 1)[-1]
    sent = client.post(url + "/send", data={"csrf_token": csrf_token(client, url)})
    page = client.get(sent.location).get_data(as_text=True)
    assert "could not be used" in page and "0 sent, 0 failed, 3 waiting" in page


def test_without_a_mail_server_the_links_are_offered_to_copy(app, client, auth):
    ids = _world(app)
    assert not app.config.get("MAIL_SERVER")
    auth.login("admin")
    page = client.get(MAIL_PAGE).get_data(as_text=True)
    assert "No mail server is configured" in page
    assert f'data-copy="link-{ids["ru"]}"' in page
    assert "gone@example.org" not in page and "late@example.org" not in page
    value = re.search(rf'value="([^"]+)"[^>]*id="link-{ids["ru"]}"', page).group(1)
    opened = app.test_client().get(value.replace("&amp;", "&").split("localhost", 1)[-1])
    assert opened.status_code == 200
    refused = _queue(client, "invitation", **MESSAGES)
    assert refused.status_code == 400
    # The page made at creation has a copy button too.
    url = f"/secretariat/questionnaires/{SLUG}/invitations/"
    created = client.post(
        url + "new",
        data={"one-csrf_token": csrf_token(client, url), "one-name": "Bolat", "one-group": "ngo"}
        | {"one-country": "KZ"},
    )
    assert 'class="button copy-button" data-copy="link-' in created.get_data(as_text=True)


def _email_form() -> bytes:
    return small_form_xlsx(
        extra_rows=(
            ["begin_group", "contact", "Contact", "", "", "Контакт"],
            ["text", "email", "E-mail", "", "", "Эл. почта"],
            ["end_group", "contact", "", "", "", ""],
            ["begin_group", "last", "Last", "", "", "Последнее"],
            ["text", "closing", "Anything else?", "", "", "Что-нибудь ещё?"],
            ["end_group", "last", "", "", "", ""],
        )
    )


def test_resume_link_mailed_once_per_address_within_the_limit(mail_app, smtp):
    inbox, _port = smtp
    with mail_app.app_context():
        import_form(_email_form(), "small.xlsx")
        db.session.commit()
    respondent = mail_app.test_client()
    token = csrf_token(respondent, f"/s/{SLUG}")
    started = respondent.post(f"/s/{SLUG}", data={"csrf_token": token, "language": "ru"})
    assert started.status_code == 302

    def give(address: str):
        return respondent.post(
            f"/s/{SLUG}/p/contact",
            data={"csrf_token": token, "action": "next", "email": address, "client_id": "x"},
        )

    assert give("reader@example.org").status_code == 302
    assert len(inbox.messages) == 1
    message = inbox.to("reader@example.org")[0]
    assert message["Content-Language"] == "ru"
    link = LINK_RE.search(_text(message)).group(0)
    assert f"/s/{SLUG}/resume/" in link
    other = mail_app.test_client().get(link.split("localhost", 1)[-1])
    assert other.status_code == 302 and "/p/" in other.location
    # The same address again: no second mail.
    give("reader@example.org")
    assert len(inbox.messages) == 1
    # New addresses for the same draft: up to the hourly limit (3), then nothing.
    for n in range(4):
        give(f"other{n}@example.org")
    assert len(inbox.messages) == 3
    with mail_app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 1
        kinds = db.session.scalars(db.select(Mail.kind)).all()
        assert kinds == ["resume"] * 3
        # The privacy purge blanks the addresses; the hashes keep the limits working.
        counts = purge_personal_data(date.today() + timedelta(days=1), apply=True)
        db.session.commit()
        assert counts.mail_addresses == 3
        assert set(db.session.scalars(db.select(Mail.recipient))) == {""}
        assert all(len(h) == 64 for h in db.session.scalars(db.select(Mail.recipient_hash)))


def _titled(data: bytes) -> bytes:
    """The workbook ``data`` with a Russian title beside the English one."""
    import io

    import openpyxl

    from tests.consult.test_questionnaires import RU

    book = openpyxl.load_workbook(io.BytesIO(data))
    settings = book["settings"]
    column = settings.max_column + 1
    settings.cell(row=1, column=column, value=f"form_title::{RU}")
    settings.cell(row=2, column=column, value="Малый опрос")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_mails_and_pages_name_the_questionnaire_in_the_readers_language(mail_app, client, auth,
                                                                         smtp):
    inbox, _port = smtp
    with mail_app.app_context():
        version = import_form(_titled(_email_form()), "small.xlsx")
        for name, address, language in (("Айгерим", "aigerim@example.org", "ru"),
                                        ("Ana", "ana@example.org", "en")):
            create_invitation(version.questionnaire, name=name, email=address,
                              language=language)
        db.session.commit()
    auth.login("admin")
    _send_all(client, _queue(client, "invitation", **MESSAGES).location)
    assert inbox.to("aigerim@example.org")[0]["Subject"] == "Приглашение: Малый опрос"
    assert inbox.to("ana@example.org")[0]["Subject"] == "Invitation to Small survey"
    # the resume link mailed to a respondent answering in Russian
    respondent = mail_app.test_client()
    token = csrf_token(respondent, f"/s/{SLUG}")
    respondent.post(f"/s/{SLUG}", data={"csrf_token": token, "language": "ru"})
    respondent.post(f"/s/{SLUG}/p/contact", data={"csrf_token": token, "action": "next",
                                                  "email": "reader@example.org",
                                                  "client_id": "x"})  # fmt: skip
    assert "«Малый опрос»" in _text(inbox.to("reader@example.org")[0])
    # the public list and the staff pages that name it
    assert "Малый опрос" in client.get(f"{MAIL_PAGE}?lang=ru").get_data(as_text=True)
    with mail_app.app_context():
        get_questionnaire(SLUG).public = True
        db.session.commit()
    visitor = mail_app.test_client()
    assert "Малый опрос" in visitor.get("/?lang=ru").get_data(as_text=True)
    assert "Small survey" in visitor.get("/?lang=en").get_data(as_text=True)

"""Composing, queueing and sending e-mail through the SMTP server of the MAIL_* settings.

A mailing (:class:`~consult.models.Mailing`) is the message the secretariat wrote, a subject
and body per language with the placeholders ``{name}``, ``{link}``, ``{deadline}`` and
``{questionnaire}``. Queueing it adds one pending :class:`~consult.models.Mail` per invitee;
:func:`send_pending` sends a bounded batch over one connection and records each mail as sent
or failed with the server's reason, so one refused address never stops the others and a
page can show the progress. The link is written by the app: it is derived again from the
invitation's salt (:func:`consult.invitations.link_token`) and never stored.
"""

from __future__ import annotations

import hashlib
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from babel.dates import format_date
from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape
from sqlalchemy import func

from consult import audit, invitations
from consult.extensions import db
from consult.invitations.service import is_used_up
from consult.models import (
    Invitation,
    Mail,
    Mailing,
    Questionnaire,
    Response,
    User,
    utcnow,
)
from consult.questionnaires.service import load_version_form

#: The placeholders a subject or body may hold; anything else in braces is refused.
PLACEHOLDERS = ("name", "link", "deadline", "questionnaire")
_PLACEHOLDER_RE = re.compile(r"\{([^{}\s]{0,40})\}")
#: Longest subject and body accepted, in characters.
MAX_SUBJECT = 200
MAX_BODY = 10_000


class MailError(ValueError):
    """A message that cannot be queued (no recipient, a missing language, …)."""


def mail_configured() -> bool:
    """True when MAIL_SERVER is set: the app sends mail; otherwise it offers links."""
    return bool(current_app.config.get("MAIL_SERVER"))


def address_hash(address: str) -> str:
    """SHA-256 of an address in lower case: kept after the privacy purge blanks it."""
    return hashlib.sha256(address.strip().lower().encode("utf-8")).hexdigest()


def unknown_placeholders(text: str) -> list[str]:
    """The ``{…}`` in ``text`` that are not among :data:`PLACEHOLDERS`."""
    return sorted({m for m in _PLACEHOLDER_RE.findall(text or "") if m not in PLACEHOLDERS})


def _fill(text: str, values: dict[str, str]) -> str:
    # Plain replacement, never str.format: a template cannot reach attributes or indexes.
    return _PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _fill_html(text: str, values: dict[str, str]) -> Markup:
    """The body as HTML: the text and every value escaped, the link made clickable."""
    parts = []
    position = 0
    for match in _PLACEHOLDER_RE.finditer(text):
        parts.append(escape(text[position : match.start()]))
        name = match.group(1)
        if name == "link":
            link = escape(values["link"])
            parts.append(Markup('<a href="{0}">{0}</a>').format(link))
        else:
            parts.append(escape(values.get(name, match.group(0))))
        position = match.end()
    parts.append(escape(text[position:]))
    html = Markup("").join(parts).replace("\n", Markup("<br>\n"))
    return Markup("<!doctype html><html><body><p>{}</p></body></html>").format(html)


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


@dataclass
class Composed:
    """A message ready to send."""

    subject: str
    text: str
    html: str
    language: str


def _deadline_text(deadline: date | None, language: str) -> str:
    if deadline is None:
        return ""
    try:
        return format_date(deadline, format="long", locale=language.replace("-", "_"))
    except (ValueError, LookupError):
        return deadline.isoformat()


def compose(
    messages: dict[str, dict[str, str]],
    language: str | None,
    *,
    fallback: str,
    name: str,
    link: str,
    deadline: date | None,
    questionnaire: Callable[[str], str],
) -> Composed:
    """The subject and body of ``messages`` in ``language`` (else ``fallback``, else the
    first written), placeholders filled (``questionnaire`` gives the questionnaire's title
    in the language written, as the deadline is). A body without ``{link}`` gets the link
    at its end: the link is the point of the message."""
    chosen = next(
        (
            code
            for code in (language, fallback, *messages)
            if code and (messages.get(code) or {}).get("body", "").strip()
        ),
        None,
    )
    if chosen is None:
        raise MailError(_("No message is written in any language."))
    message = messages[chosen]
    body = message.get("body", "")
    if "{link}" not in body:
        body = body.rstrip() + "\n\n{link}\n"
    values = {
        "name": name or "",
        "link": link,
        "deadline": _deadline_text(deadline, chosen),
        "questionnaire": questionnaire(chosen),
    }
    return Composed(
        subject=_one_line(_fill(message.get("subject", ""), values))[:MAX_SUBJECT * 2],
        text=_fill(body, values),
        html=str(_fill_html(body, values)),
        language=chosen,
    )


def _message(composed: Composed, recipient: str, name: str) -> EmailMessage:
    config = current_app.config
    sender = config.get("MAIL_DEFAULT_SENDER") or f"consult@{socket.getfqdn()}"
    message = EmailMessage()
    message["Subject"] = composed.subject
    message["From"] = sender
    message["To"] = formataddr((_one_line(name), recipient))
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(composed.text)
    message.add_alternative(composed.html, subtype="html")
    # After the content: setting it replaces the Content-* headers.
    message["Content-Language"] = composed.language
    return message


class Outbox:
    """One connection to the mail server for a batch (a context manager)."""

    def __init__(self) -> None:
        self.connection: smtplib.SMTP | None = None

    def __enter__(self) -> Outbox:
        config = current_app.config
        timeout = float(config.get("MAIL_TIMEOUT") or 10)
        host, port = config["MAIL_SERVER"], int(config.get("MAIL_PORT") or 25)
        if config.get("MAIL_USE_SSL"):
            connection = smtplib.SMTP_SSL(
                host, port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            connection = smtplib.SMTP(host, port, timeout=timeout)
            if config.get("MAIL_USE_TLS"):
                connection.starttls(context=ssl.create_default_context())
        if config.get("MAIL_USERNAME"):
            connection.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        self.connection = connection
        return self

    def send(self, message: EmailMessage) -> None:
        assert self.connection is not None
        self.connection.send_message(message)

    def __exit__(self, *exc) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                self.connection.close()


def _reason(error: Exception) -> str:
    """A short, storable reason for a failed mail (the server's code and words)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refusals = list(error.recipients.values())
        if refusals:
            code, text = refusals[0]
            return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{error.smtp_code} {text}"
    return f"{type(error).__name__}: {error}"[:500]


# -- mailings to invitees ------------------------------------------------------------------


def recipients(questionnaire: Questionnaire, kind: str) -> list[Invitation]:
    """The invitations a mailing of ``kind`` goes to: those with an address whose link
    still works (not revoked, not expired, not used up). An invitation mailing skips
    invitees who were sent one already; a reminder goes only to those who have not
    submitted."""
    found = [
        inv
        for inv in db.session.scalars(
            db.select(Invitation)
            .where(Invitation.questionnaire_id == questionnaire.id, Invitation.email != "")
            .order_by(Invitation.id)
        )
        if invitations.is_usable(inv) and not is_used_up(inv)
    ]
    if kind == "invitation":
        mailed = set(
            db.session.scalars(
                db.select(Mail.invitation_id).where(
                    Mail.kind == "invitation",
                    Mail.status == "sent",
                    Mail.invitation_id.in_([inv.id for inv in found] or [0]),
                )
            )
        )
        return [inv for inv in found if inv.id not in mailed]
    status = invitations.statuses(found)
    return [inv for inv in found if status[inv.id] != "submitted"]


def queue_mailing(
    questionnaire: Questionnaire,
    kind: str,
    messages: dict[str, dict[str, str]],
    *,
    deadline: date | None = None,
    user: User | None = None,
) -> Mailing:
    """Save a mailing and one pending mail per recipient (see :func:`recipients`).

    Raises :class:`MailError` when the questionnaire has no published version (its links
    would open nothing) or nobody is left to write to. Flushes and audits; the caller
    commits."""
    if questionnaire.current_version_id is None:
        raise MailError(
            _("The questionnaire has no published version: publish it before inviting anyone.")
        )
    people = recipients(questionnaire, kind)
    if not people:
        raise MailError(
            _("Nobody to write to: no invitation with an e-mail address is waiting for this.")
        )
    mailing = Mailing(
        questionnaire=questionnaire,
        kind=kind,
        messages=messages,
        deadline=deadline,
        created_by_id=user.id if user is not None else None,
    )
    db.session.add(mailing)
    db.session.flush()
    for invitation in people:
        db.session.add(
            Mail(
                mailing_id=mailing.id,
                invitation_id=invitation.id,
                kind=kind,
                recipient=invitation.email,
                recipient_hash=address_hash(invitation.email),
                language=invitation.language or "",
            )
        )
    db.session.flush()
    audit.record(
        f"mail.{kind}",
        "questionnaire",
        questionnaire.id,
        user=user,
        mailing=mailing.id,
        recipients=len(people),
    )
    return mailing


def mailing_counts(mailing: Mailing) -> dict[str, int]:
    """Mails of a mailing by status (pending, sent, failed) and in all."""
    counts = dict.fromkeys(("pending", "sent", "failed"), 0)
    for status, n in db.session.execute(
        db.select(Mail.status, func.count())
        .where(Mail.mailing_id == mailing.id)
        .group_by(Mail.status)
    ):
        counts[status] = n
    counts["total"] = sum(counts.values())
    return counts


def invitation_link(invitation: Invitation, *, user: User | None = None) -> str:
    """The full respondent link of an invitation, for a mail or to copy. A link made
    before links were derived is replaced (audited) since its token is not known."""
    token = invitations.link_token(invitation)
    if token is None:
        token = invitations.reissue(invitation, user=user, reason="link to write in a mail")
        db.session.flush()
    return url_for("respond.start", slug=invitation.questionnaire.slug, t=token, _external=True)


def send_pending(
    mailing: Mailing,
    *,
    user: User | None = None,
    after_each: Callable[[], None] | None = None,
) -> str | None:
    """Send the mailing's pending mails over one connection: at most MAIL_BATCH_SIZE, and
    none started after MAIL_BATCH_SECONDS. Each mail is marked sent, or failed with the
    server's reason (the others go on); ``after_each`` runs after each (the caller commits
    there, so a crash loses no record). Returns the reason the server could not be used at
    all (the mails stay pending), else None."""
    config = current_app.config
    batch = list(
        db.session.scalars(
            db.select(Mail)
            .where(Mail.mailing_id == mailing.id, Mail.status == "pending")
            .order_by(Mail.id)
            .limit(max(1, int(config.get("MAIL_BATCH_SIZE") or 25)))
        )
    )
    if not batch:
        return None
    deadline = time.monotonic() + float(config.get("MAIL_BATCH_SECONDS") or 20)
    if mailing.questionnaire.current_version is None:
        return _("The questionnaire has no published version.")
    form = load_version_form(mailing.questionnaire.current_version)
    try:
        with Outbox() as outbox:
            for mail in batch:
                if time.monotonic() > deadline:
                    break
                invitation = mail.invitation
                if invitation is None or not invitations.is_usable(invitation):
                    mail.status, mail.error = "failed", "invitation withdrawn or expired"
                else:
                    try:
                        composed = compose(
                            mailing.messages,
                            mail.language or None,
                            fallback=form.default_language,
                            name=invitation.name,
                            link=invitation_link(invitation, user=user),
                            deadline=mailing.deadline,
                            questionnaire=form.title_in,
                        )
                        outbox.send(_message(composed, mail.recipient, invitation.name))
                        mail.status, mail.sent_at = "sent", utcnow()
                        mail.language = composed.language
                    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as error:
                        mail.status, mail.error = "failed", _reason(error)[:500]
                    except (MailError, ValueError) as error:
                        mail.status, mail.error = "failed", str(error)[:500]
                db.session.flush()
                if after_each is not None:
                    after_each()
    except (smtplib.SMTPException, OSError) as error:
        db.session.flush()
        return _reason(error)
    finally:
        audit.record(
            "mail.send", "questionnaire", mailing.questionnaire_id, user=user,
            mailing=mailing.id, **mailing_counts(mailing),
        )
    return None


def retry_failed(mailing: Mailing, *, user: User | None = None) -> int:
    """Put the mailing's failed mails back in the queue; returns how many. Flushes and
    audits; the caller commits."""
    failed = list(
        db.session.scalars(
            db.select(Mail).where(Mail.mailing_id == mailing.id, Mail.status == "failed")
        )
    )
    for mail in failed:
        mail.status, mail.error = "pending", ""
        if mail.invitation is not None and mail.invitation.email:
            # The address may have been corrected since.
            mail.recipient = mail.invitation.email
            mail.recipient_hash = address_hash(mail.invitation.email)
    db.session.flush()
    if failed:
        audit.record(
            "mail.retry", "questionnaire", mailing.questionnaire_id, user=user,
            mailing=mailing.id, mails=len(failed),
        )
    return len(failed)


@dataclass
class LinkRow:
    """An invitee and the link to give them by hand."""

    invitation: Invitation
    link: str | None


def link_rows(questionnaire: Questionnaire, kind: str) -> list[LinkRow]:
    """The invitees a mailing of ``kind`` would go to, with their links (None where the
    link was made before links were derived: a new link is made only on request)."""
    rows = []
    for invitation in recipients(questionnaire, kind):
        token = invitations.link_token(invitation)
        link = (
            url_for("respond.start", slug=questionnaire.slug, t=token, _external=True)
            if token
            else None
        )
        rows.append(LinkRow(invitation, link))
    return rows


# -- a respondent's resume link ------------------------------------------------------------


def send_resume_link(response: Response, address: str, link: str) -> str:
    """Mail a respondent the link that continues their draft, in the response's language
    (the questionnaire's title too, where the form has it in that language).

    Sent once per address and draft, and at most MAIL_RESUME_PER_HOUR times an hour to one
    address or for one draft, so a form cannot be used to flood a mailbox. Returns
    "sent", "failed", "skipped" (already sent, over the limit, or no mail server); the mail
    is recorded either way but "skipped". Flushes; the caller commits.
    """
    address = address.strip()
    if not mail_configured() or not address or len(address) > 254:
        return "skipped"
    digest = address_hash(address)
    since = utcnow() - timedelta(hours=1)
    already = db.session.scalar(
        db.select(func.count())
        .select_from(Mail)
        .where(
            Mail.kind == "resume",
            Mail.response_id == response.id,
            Mail.recipient_hash == digest,
            Mail.status == "sent",
        )
    )
    recent = db.session.scalar(
        db.select(func.count())
        .select_from(Mail)
        .where(
            Mail.kind == "resume",
            Mail.created_at >= since,
            (Mail.recipient_hash == digest) | (Mail.response_id == response.id),
        )
    )
    if already or recent >= int(current_app.config.get("MAIL_RESUME_PER_HOUR") or 3):
        return "skipped"
    mail = Mail(
        kind="resume",
        response_id=response.id,
        recipient=address,
        recipient_hash=digest,
        language=response.language,
    )
    db.session.add(mail)
    lang = response.language
    locale = lang if lang in current_app.config["LANGUAGES"] else "en"
    title = load_version_form(response.version).title_in(lang)
    with force_locale(locale):
        body = _(
            "Hello,\n\nthank you for answering “%(title)s”. Your answers are saved. To "
            "continue where you stopped, on this or another device, open this link:\n\n"
            "{link}\n\nKeep it to yourself: whoever has it can see and change your answers "
            "until you submit them.",
            title=title,
        )
        subject = _("Your link to continue: %(title)s", title=title)
    composed = compose(
        {lang: {"subject": subject, "body": body}},
        lang,
        fallback=lang,
        name="",
        link=link,
        deadline=None,
        questionnaire=lambda _language: title,
    )
    try:
        with Outbox() as outbox:
            outbox.send(_message(composed, address, ""))
        mail.status, mail.sent_at = "sent", utcnow()
    except (smtplib.SMTPException, OSError, ValueError) as error:
        mail.status, mail.error = "failed", _reason(error)[:500]
    db.session.flush()
    return mail.status


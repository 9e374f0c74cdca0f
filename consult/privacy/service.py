"""Personal data: what the system holds, and the retention purge that blanks it.

The purge keeps every answer that matters to the analysis (ratings, free text, interview
notes) and blanks only what identifies a person: the answers to the questions listed in
PERSONAL_QUESTIONS, resume tokens, invitees' names and e-mail addresses, the addresses of
e-mails sent (invitations, reminders, resume links; the server's reason may quote them, so it
goes too), interview participants' names and the IP addresses in the audit log.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy import Select, and_, func, or_, select, update

from consult import audit, media
from consult.extensions import db
from consult.models import (
    Answer,
    AuditEvent,
    Interview,
    Invitation,
    Mail,
    Mailing,
    MediaFile,
    Participant,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    User,
)


class PrivacyError(ValueError):
    """A purge request that cannot be carried out; the message names the option at fault."""


@dataclass
class PersonalDataCounts:
    """How many records hold personal data of each kind."""

    user_accounts: int
    invitations: int
    responses: int
    participants: int
    audit_events: int
    mails: int = 0
    #: photos, recordings and documents answering questions (they may show or name people)
    media_files: int = 0


@dataclass
class PurgeCounts:
    """Records a purge blanks (or would blank, in a dry run), by kind."""

    answers: int = 0
    resume_tokens: int = 0
    invitations: int = 0
    participants: int = 0
    audit_ips: int = 0
    mail_addresses: int = 0
    #: files answering questions of the purged responses, deleted (bytes and all)
    media_files: int = 0

    @property
    def total(self) -> int:
        return sum(asdict(self).values())


def personal_questions() -> list[str]:
    """Question names whose answers are personal data (config PERSONAL_QUESTIONS)."""
    return list(current_app.config.get("PERSONAL_QUESTIONS") or [])


def _count(statement: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(statement.subquery())) or 0


def personal_data_counts() -> PersonalDataCounts:
    """Count the records that hold personal data now (for the secretariat's privacy page)."""
    questions = personal_questions()
    return PersonalDataCounts(
        user_accounts=_count(select(User.id)),
        invitations=_count(
            select(Invitation.id).where(or_(Invitation.name != "", Invitation.email != ""))
        ),
        responses=_count(
            select(Answer.response_id)
            .where(Answer.question.in_(questions), Answer.value != "")
            .distinct()
        ),
        participants=_count(select(Participant.id).where(Participant.name != "")),
        audit_events=_count(select(AuditEvent.id).where(AuditEvent.ip != "")),
        mails=_count(select(Mail.id).where(Mail.recipient != "")),
        media_files=_count(select(MediaFile.id)),
    )


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _find_questionnaire(slug: str) -> Questionnaire:
    questionnaire = db.session.scalar(select(Questionnaire).where(Questionnaire.slug == slug))
    if questionnaire is None:
        raise PrivacyError(f"questionnaire: no questionnaire with the slug '{slug}'")
    return questionnaire


def purge_personal_data(
    before: date, questionnaire_slug: str | None = None, *, apply: bool = False
) -> PurgeCounts:
    """Blank personal data of records older than the day `before` (UTC midnight).

    - responses submitted before it, and drafts last saved before it: the answers to the
      PERSONAL_QUESTIONS are set to "" (all other answers stay) and the resume token is cleared;
    - invitations created before it: name and e-mail set to "";
    - interviews dated before it: participants' names set to "";
    - audit events before it: the IP address set to "";
    - e-mails sent before it: the address (and the server's reason, which may quote it)
      set to "" (the address's hash stays, for the resume-link limits);
    - those responses' files (photos, recordings, documents) deleted, in an object store too.
    With `questionnaire_slug`, only that questionnaire's responses and invitations are purged
    (interviews and the audit log belong to no questionnaire and are left alone).
    Counts only records that still hold something, so a repeated purge counts 0. With
    `apply=False` nothing changes; with `apply=True` the changes and one audit event are added
    to the session and the caller commits.
    """
    cutoff = _start_of(before)
    questionnaire = _find_questionnaire(questionnaire_slug) if questionnaire_slug else None
    old_response = or_(
        and_(Response.status == "submitted", Response.submitted_at < cutoff),
        and_(Response.status == "draft", Response.updated_at < cutoff),
    )
    responses = select(Response.id).where(old_response)
    invitations_where = [Invitation.created_at < cutoff]
    if questionnaire is not None:
        versions = select(QuestionnaireVersion.id).where(
            QuestionnaireVersion.questionnaire_id == questionnaire.id
        )
        responses = responses.where(Response.version_id.in_(versions))
        invitations_where.append(Invitation.questionnaire_id == questionnaire.id)

    answers_where = [
        Answer.response_id.in_(responses),
        Answer.question.in_(personal_questions()),
        Answer.value != "",
    ]
    tokens_where = [Response.id.in_(responses), Response.resume_token_hash.is_not(None)]
    invitations_where.append(or_(Invitation.name != "", Invitation.email != ""))
    participants_where = [
        Participant.interview_id.in_(select(Interview.id).where(Interview.date < before)),
        Participant.name != "",
    ]
    audit_where = [AuditEvent.at < cutoff, AuditEvent.ip != ""]
    mails_where = [Mail.created_at < cutoff, or_(Mail.recipient != "", Mail.error != "")]
    if questionnaire is not None:
        mailings = select(Mailing.id).where(Mailing.questionnaire_id == questionnaire.id)
        mails_where.append(
            or_(Mail.mailing_id.in_(mailings), Mail.response_id.in_(responses))
        )

    counts = PurgeCounts(
        answers=_count(select(Answer.id).where(*answers_where)),
        resume_tokens=_count(select(Response.id).where(*tokens_where)),
        invitations=_count(select(Invitation.id).where(*invitations_where)),
        mail_addresses=_count(select(Mail.id).where(*mails_where)),
        media_files=_count(select(MediaFile.id).where(MediaFile.response_id.in_(responses))),
    )
    if questionnaire is None:
        counts.participants = _count(select(Participant.id).where(*participants_where))
        counts.audit_ips = _count(select(AuditEvent.id).where(*audit_where))
    if not apply:
        return counts

    # Files first, through the media service: objects outside the database go too, once
    # the caller commits.
    media.delete_for_responses(
        db.session,
        db.session.scalars(
            select(MediaFile.response_id).where(MediaFile.response_id.in_(responses)).distinct()
        ).all(),
    )
    no_sync = {"synchronize_session": False}
    db.session.execute(
        update(Answer).where(*answers_where).values(value=""), execution_options=no_sync
    )
    db.session.execute(
        update(Response).where(*tokens_where).values(resume_token_hash=None),
        execution_options=no_sync,
    )
    db.session.execute(
        update(Invitation).where(*invitations_where).values(name="", email=""),
        execution_options=no_sync,
    )
    db.session.execute(
        update(Mail).where(*mails_where).values(recipient="", error=""),
        execution_options=no_sync,
    )
    if questionnaire is None:
        db.session.execute(
            update(Participant).where(*participants_where).values(name=""),
            execution_options=no_sync,
        )
        db.session.execute(
            update(AuditEvent).where(*audit_where).values(ip=""), execution_options=no_sync
        )
    # Objects already loaded in this session must not write their old values back.
    db.session.expire_all()
    audit.record(
        "privacy.purge",
        "questionnaire" if questionnaire else "",
        questionnaire.id if questionnaire else "",
        before=before.isoformat(),
        questionnaire=questionnaire_slug or "",
        questions=personal_questions(),
        **asdict(counts),
    )
    return counts


def purge_command_line(before: date, questionnaire_slug: str | None = None) -> str:
    """The `consult privacy purge` command line for these options (shown on the web page)."""
    line = f"consult privacy purge --before {before.isoformat()}"
    if questionnaire_slug:
        line += f" --questionnaire {questionnaire_slug}"
    return line + " --yes"

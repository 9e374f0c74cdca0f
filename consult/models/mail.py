"""E-mails the app sends: invitation and reminder mailings, and each message sent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.models.base import LANGUAGE_TAG_LENGTH, Base, UTCDateTime, utcnow
from consult.models.questionnaires import Invitation, Questionnaire

#: invitation: the first mail to an invitee; reminder: to invitees who have not submitted;
#: resume: a respondent's link to continue a draft
KINDS = ("invitation", "reminder", "resume")
#: pending: waiting in its mailing's queue; sent: the server took it; failed: see ``error``
STATUSES = ("pending", "sent", "failed")


class Mailing(Base):
    """A message the secretariat wrote for a questionnaire's invitees, and sent."""

    __tablename__ = "mailings"
    __table_args__ = (CheckConstraint("kind IN ('invitation', 'reminder')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaires.id", ondelete="CASCADE"), index=True
    )
    #: invitation | reminder
    kind: Mapped[str] = mapped_column(String(12))
    #: language code -> {"subject": …, "body": …} with {name}, {link}, {deadline} placeholders
    messages: Mapped[dict] = mapped_column(JSON, default=dict)
    deadline: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    questionnaire: Mapped[Questionnaire] = relationship()


class Mail(Base):
    """One e-mail to one recipient: queued, sent, or failed with the server's reason."""

    __tablename__ = "mails"
    __table_args__ = (
        Index("ix_mails_mailing_status", "mailing_id", "status"),
        Index("ix_mails_response_created", "response_id", "created_at"),
        CheckConstraint("kind IN ('invitation', 'reminder', 'resume')", name="kind"),
        CheckConstraint("status IN ('pending', 'sent', 'failed')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mailing_id: Mapped[int | None] = mapped_column(
        ForeignKey("mailings.id", ondelete="CASCADE")
    )
    invitation_id: Mapped[int | None] = mapped_column(
        ForeignKey("invitations.id", ondelete="SET NULL"), index=True
    )
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("responses.id", ondelete="SET NULL")
    )
    #: invitation | reminder | resume
    kind: Mapped[str] = mapped_column(String(12))
    #: the address written to; blanked by the privacy purge (the hash stays for counts)
    recipient: Mapped[str] = mapped_column(String(254), default="")
    #: SHA-256 of the address in lower case, so limits and counts survive the purge
    recipient_hash: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(LANGUAGE_TAG_LENGTH), default="")
    #: pending | sent | failed
    status: Mapped[str] = mapped_column(String(8), default="pending")
    #: why the server refused it or could not be reached (no address, no link: never a token)
    error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    mailing: Mapped[Mailing | None] = relationship()
    invitation: Mapped[Invitation | None] = relationship()

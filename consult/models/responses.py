"""Responses and their answers, stored long so the analysis is a pivot away."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.models.base import LANGUAGE_TAG_LENGTH, Base, UTCDateTime, utcnow
from consult.models.questionnaires import Invitation, QuestionnaireVersion

STATUSES = ("draft", "submitted")


class Response(Base):
    __tablename__ = "responses"
    __table_args__ = (
        Index("ix_responses_version_status", "version_id", "status"),
        Index("ix_responses_country_group", "country_code", "group_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_versions.id"))
    invitation_id: Mapped[int | None] = mapped_column(
        ForeignKey("invitations.id", ondelete="SET NULL"), index=True
    )
    #: language the respondent answered in
    language: Mapped[str] = mapped_column(String(LANGUAGE_TAG_LENGTH))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))
    group_code: Mapped[str | None] = mapped_column(ForeignKey("stakeholder_groups.code"))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    #: reference number shown on the thank-you page
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    #: SHA-256 of the resume token given to the respondent
    resume_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: id the browser sends with a submission, so a retried submit stores one response
    client_submission_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: uuid of a KoboToolbox / ODK Central submission this response was imported from, or
    #: the first meta/instanceID of a response sent over OpenRosa
    external_uuid: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: web | import | demo | openrosa (ODK Collect, KoboCollect)
    source: Mapped[str] = mapped_column(String(12), default="web")
    #: key of the page the respondent goes on from (see surveys.pages); the resume link
    #: opens it
    current_section: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    version: Mapped[QuestionnaireVersion] = relationship()
    invitation: Mapped[Invitation | None] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="Answer.id"
    )


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("response_id", "question", "instance"),
        Index("ix_answers_question", "question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    #: the XLSForm name of the question
    question: Mapped[str] = mapped_column(String(255))
    #: 0 outside repeats; 1, 2, … for the instances of a repeat
    instance: Mapped[int] = mapped_column(default=0)
    #: the ODK raw value: select_multiple space-separated, dates ISO
    value: Mapped[str] = mapped_column(Text, default="")

    response: Mapped[Response] = relationship(back_populates="answers")

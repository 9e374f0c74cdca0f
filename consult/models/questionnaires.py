"""Questionnaires, their immutable versions and invitations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.models.base import LANGUAGE_TAG_LENGTH, Base, UTCDateTime, utcnow


class Questionnaire(Base):
    __tablename__ = "questionnaires"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: XLSForm settings form_id; importing the same form_id adds a version
    form_id: Mapped[str] = mapped_column(String(120), unique=True)
    #: public part of the respondent link /s/<slug>
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    #: anyone with /s/<slug> may answer; otherwise an invitation is needed
    public: Mapped[bool] = mapped_column(default=True)
    #: the published version served to new respondents; None while only drafts exist
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("questionnaire_versions.id", use_alter=True, ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    versions: Mapped[list[QuestionnaireVersion]] = relationship(
        back_populates="questionnaire",
        foreign_keys="QuestionnaireVersion.questionnaire_id",
        order_by="QuestionnaireVersion.number",
    )
    current_version: Mapped[QuestionnaireVersion | None] = relationship(
        foreign_keys=[current_version_id], post_update=True
    )


class QuestionnaireVersion(Base):
    __tablename__ = "questionnaire_versions"
    __table_args__ = (UniqueConstraint("questionnaire_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaires.id", ondelete="CASCADE"), index=True
    )
    #: 1, 2, 3 … in import order
    number: Mapped[int]
    #: XLSForm settings version, as written by the form's author
    version_label: Mapped[str] = mapped_column(String(80), default="")
    #: the parsed form (surveys.model.Form.to_dict()); never changes once answered. Loaded
    #: only when read: requests take the parsed form from a per-app cache, and decoding
    #: this JSON would cost more than the rest of a request.
    form: Mapped[dict] = mapped_column(JSON, deferred=True)
    source_filename: Mapped[str] = mapped_column(String(255), default="")
    source_xlsx: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: draft (uploaded, shown to staff as a preview only) | published (may be answered).
    #: Rows made before drafts existed were all published.
    status: Mapped[str] = mapped_column(
        String(12), default="published", server_default="published"
    )
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: SHA-256 of the uploaded workbook's bytes
    content_hash: Mapped[str | None] = mapped_column(String(64))
    #: SHA-256 of the parsed form (with its attached files): an upload whose form is the
    #: same as the latest version's adds no version
    form_hash: Mapped[str | None] = mapped_column(String(64))

    questionnaire: Mapped[Questionnaire] = relationship(
        back_populates="versions", foreign_keys=[questionnaire_id]
    )


class Invitation(Base):
    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaires.id", ondelete="CASCADE"), index=True
    )
    #: SHA-256 of the random token in the link; the token itself is not kept
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: random salt the link's token is derived from with the app's secret key (HMAC), so the
    #: app can write the link into an e-mail again while the database alone gives no link.
    #: None for links made before e-mail existed: mailing one gives it a new link.
    link_salt: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))
    group_code: Mapped[str | None] = mapped_column(ForeignKey("stakeholder_groups.code"))
    language: Mapped[str | None] = mapped_column(String(LANGUAGE_TAG_LENGTH))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: how many submitted responses the link accepts; None = any number (a multi-use link).
    #: The server default covers rows made before the limit existed; new rows say it.
    max_responses: Mapped[int | None] = mapped_column(server_default="1")
    #: submitted responses made with this invitation; raised in the transaction that submits
    #: one, only while it is below ``max_responses``, so concurrent submits cannot exceed it
    responses_submitted: Mapped[int] = mapped_column(default=0, server_default="0")
    extra: Mapped[dict] = mapped_column(JSON, default=dict)

    questionnaire: Mapped[Questionnaire] = relationship()

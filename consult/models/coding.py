"""Reviewed theme tags of free-text answers and interview notes (human coding)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.models.accounts import User
from consult.models.base import LANGUAGE_TAG_LENGTH, Base, UTCDateTime, utcnow

#: first: the coding the analysis uses; second: an independent second opinion on a sample
#: of the texts, for the inter-coder agreement
ROLES = ("first", "second")


class Coding(Base):
    """One coder's decision on the themes of one text."""

    __tablename__ = "codings"
    __table_args__ = (
        UniqueConstraint("text_id", "role"),
        CheckConstraint("role IN ('first', 'second')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the text's id in the analysis's texts frame (consult.runs.frames):
    #: "survey:<response id>:<question>" or "interview:<interview id>:note:<note id>"
    text_id: Mapped[str] = mapped_column(String(300), index=True)
    #: the text's country and language when it was coded, for filters and agreement by them
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))
    language: Mapped[str] = mapped_column(String(LANGUAGE_TAG_LENGTH), default="")
    #: theme codes, in the reference data's order; [] is a decision: the text has no theme
    themes: Mapped[list] = mapped_column(JSON, default=list)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: first | second
    role: Mapped[str] = mapped_column(String(6))
    coded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: the machine's themes the coder was shown (None: the text had no machine tags yet)
    machine_themes: Mapped[list | None] = mapped_column(JSON)
    #: the machine's confidence in its most confident theme, as shown
    machine_confidence: Mapped[float | None]

    coder: Mapped[User | None] = relationship()

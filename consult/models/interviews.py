"""Interviews and consultation meetings logged by facilitators."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.models.accounts import User
from consult.models.base import LANGUAGE_TAG_LENGTH, Base, UTCDateTime, utcnow
from consult.models.reference import Species

#: national_consultation: the country's national consultation meeting, which also rates the
#: programme's actions (strategy ratings)
FORMATS = ("individual", "group", "meeting", "national_consultation")
NATIONAL_CONSULTATION = "national_consultation"
CONSENT = ("written", "oral", "recorded", "none")
STATUSES = ("draft", "complete")
#: Cost of an action as a national consultation rates it (the catalogue's 1..3).
COSTS = ("low", "medium", "high")
#: How far the participants of a consultation agreed on an action's rating.
AGREEMENTS = ("full", "majority", "split")

interview_facilitators = Table(
    "interview_facilitators",
    Base.metadata,
    Column("interview_id", ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)

interview_species = Table(
    "interview_species",
    Base.metadata,
    Column("interview_id", ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True),
    Column("species_code", ForeignKey("species.code"), primary_key=True),
)


class Interview(Base):
    __tablename__ = "interviews"
    __table_args__ = (Index("ix_interviews_country_date", "country_code", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: stable id from an import spreadsheet; re-importing the same file updates nothing twice
    record_uid: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: id the browser gave an interview created offline; sending it again creates nothing
    client_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"))
    date: Mapped[date] = mapped_column(Date)
    settlement: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(200), default="")
    #: individual | group | meeting | national_consultation
    format: Mapped[str] = mapped_column(String(30))
    language: Mapped[str] = mapped_column(String(LANGUAGE_TAG_LENGTH))
    #: written | oral | recorded | none; with none, participants carry no names
    consent: Mapped[str] = mapped_column(String(20))
    #: draft | complete
    status: Mapped[str] = mapped_column(String(12), default="draft")
    key_quotes: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    #: the words of the place, participants' organisations and notes with their stems, for
    #: search in any script (analysis.search.index_terms); None until indexed
    search_terms: Mapped[str | None] = mapped_column(Text)
    #: optimistic lock: a save based on an older row_version is refused
    row_version: Mapped[int] = mapped_column(default=1)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": row_version}

    facilitators: Mapped[list[User]] = relationship(secondary=interview_facilitators)
    species: Mapped[list[Species]] = relationship(secondary=interview_species)
    participants: Mapped[list[Participant]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Participant.position"
    )
    notes: Mapped[list[InterviewNote]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="InterviewNote.id"
    )
    threats: Mapped[list[InterviewThreat]] = relationship(
        back_populates="interview", cascade="all, delete-orphan"
    )
    strategy_ratings: Mapped[list[StrategyRating]] = relationship(
        back_populates="interview",
        cascade="all, delete-orphan",
        order_by="StrategyRating.action_code",
    )


class Participant(Base):
    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    #: personal data: empty unless consent was given
    name: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    group_code: Mapped[str | None] = mapped_column(ForeignKey("stakeholder_groups.code"))
    role: Mapped[str] = mapped_column(String(200), default="")
    gender: Mapped[str] = mapped_column(String(20), default="")

    interview: Mapped[Interview] = relationship(back_populates="participants")


class InterviewNote(Base):
    __tablename__ = "interview_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    #: threat theme the note is about; None for a general note
    theme_code: Mapped[str | None] = mapped_column(ForeignKey("threats.code"))
    text: Mapped[str] = mapped_column(Text, default="")
    translation_en: Mapped[str] = mapped_column(Text, default="")
    #: case- and accent-folded text and translation, for search in any script
    search_text: Mapped[str] = mapped_column(Text, default="")

    interview: Mapped[Interview] = relationship(back_populates="notes")


class InterviewThreat(Base):
    __tablename__ = "interview_threats"

    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True
    )
    theme_code: Mapped[str] = mapped_column(ForeignKey("threats.code"), primary_key=True)
    #: perceived severity on the questionnaire's scale: low | medium | high | very_high
    severity: Mapped[str | None] = mapped_column(String(12))

    interview: Mapped[Interview] = relationship(back_populates="threats")


class StrategyRating(Base):
    """A national consultation's rating of one action of the catalogue (Conservation
    Standards strategy rating: potential impact and feasibility on four levels, cost beside
    them). Actions a consultation leaves unrated have no row; the analysis then uses the
    catalogue's default."""

    __tablename__ = "strategy_ratings"
    __table_args__ = (
        UniqueConstraint("interview_id", "action_code"),
        CheckConstraint("impact BETWEEN 1 AND 4", name="impact_level"),
        CheckConstraint("feasibility BETWEEN 1 AND 4", name="feasibility_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    #: code of an action in reference/data/actions.csv (the catalogue is not a table)
    action_code: Mapped[str] = mapped_column(String(64))
    #: potential impact, 1 Low .. 4 Very high
    impact: Mapped[int]
    #: feasibility, 1 Low .. 4 Very high
    feasibility: Mapped[int]
    #: low | medium | high
    cost: Mapped[str] = mapped_column(String(8))
    #: how far the participants agreed: full | majority | split
    agreement: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(300), default="")

    interview: Mapped[Interview] = relationship(back_populates="strategy_ratings")

"""Accounts, their countries, API tokens and the audit log."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from consult.models.base import LANGUAGE_TAG_LENGTH, Base, UTCDateTime, utcnow
from consult.models.reference import Country

#: admin = secretariat; facilitator = interviews in assigned countries; collector = ODK
#: Collect / KoboCollect submissions over OpenRosa for assigned countries, nothing else
ROLES = ("admin", "facilitator", "collector")

user_countries = Table(
    "user_countries",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("country_code", ForeignKey("countries.code"), primary_key=True),
)


class User(UserMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    #: werkzeug scrypt hash; the password itself is never stored
    password_hash: Mapped[str] = mapped_column(String(255))
    #: admin = secretariat; facilitator = limited to assigned countries
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    #: interface language chosen by the user, None = follow the browser
    language: Mapped[str | None] = mapped_column(String(LANGUAGE_TAG_LENGTH))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: bumped by logout, a password change or reset and deactivation; a session cookie
    #: carries the number it was issued with and stops working when it no longer matches
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    countries: Mapped[list[Country]] = relationship(secondary=user_countries, lazy="selectin")

    def get_id(self) -> str:
        """The id a session keeps: the account and its session version, so that bumping the
        version ends every session issued before."""
        return f"{self.id}.{self.session_version}"

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def country_codes(self) -> set[str]:
        return {country.code for country in self.countries}

    def can_access_country(self, code: str | None) -> bool:
        return self.is_admin or (code is not None and code in self.country_codes)


class LoginThrottle(Base):
    """Failed sign-ins of one account from one address: a lock-out holds that pair only, so
    nobody can lock a colleague out from elsewhere by typing wrong passwords."""

    __tablename__ = "login_throttles"
    __table_args__ = (UniqueConstraint("user_id", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: the client address the attempts came from
    address: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PasswordReset(Base):
    """A one-time password-reset link; only the SHA-256 of its token is kept."""

    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    #: SHA-256 of the token; the token is shown once when created
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    #: None for anonymous actions (a respondent, a failed login)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(60), default="")
    object_id: Mapped[str] = mapped_column(String(60), default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    ip: Mapped[str] = mapped_column(String(64), default="")

    user: Mapped[User | None] = relationship()

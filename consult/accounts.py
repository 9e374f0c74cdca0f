"""Account services: create users, check logins, lock out repeated failures."""

from __future__ import annotations

from datetime import timedelta

from consult import audit
from consult.extensions import db
from consult.models import Country, User, utcnow
from consult.models.accounts import ROLES

MIN_PASSWORD_LENGTH = 12
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


class AccountError(ValueError):
    """A user-facing problem with account data; the message names the field."""


def create_user(
    email: str, password: str, role: str, countries: list[str] | None = None, name: str = ""
) -> User:
    email = email.strip().lower()
    if "@" not in email:
        raise AccountError(f"email: '{email}' is not an e-mail address")
    if role not in ROLES:
        raise AccountError(f"role: must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters are needed")
    if db.session.scalar(db.select(User).where(User.email == email)):
        raise AccountError(f"email: an account for {email} exists already")
    codes = [code.strip().upper() for code in countries or [] if code.strip()]
    found = db.session.scalars(db.select(Country).where(Country.code.in_(codes))).all()
    unknown = sorted(set(codes) - {country.code for country in found})
    if unknown:
        raise AccountError(f"country: unknown code(s) {', '.join(unknown)}")
    if role == "facilitator" and not found:
        raise AccountError("country: a facilitator needs at least one country")
    user = User(email=email, role=role, name=name, countries=list(found))
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", "user", user.id, role=role, countries=sorted(codes))
    return user


def authenticate(email: str, password: str) -> User | None:
    """Return the user when the password is right and the account is usable.

    Failed attempts count towards a temporary lock-out; both outcomes are audited.
    """
    user = db.session.scalar(db.select(User).where(User.email == email.strip().lower()))
    now = utcnow()
    if user is None:
        audit.record("login.failed", "user", "", email=email.strip().lower()[:254])
        return None
    if user.locked_until is not None and user.locked_until > now:
        audit.record("login.locked", "user", user.id, user=user)
        return None
    if not user.active or not user.check_password(password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        audit.record("login.failed", "user", user.id, user=user)
        return None
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    audit.record("login", "user", user.id, user=user)
    return user

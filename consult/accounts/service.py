"""Account services: create and change users, check sign-ins, lock-outs, password resets.

Every change is audited; functions flush and the caller commits.

Sign-in rules:
* the time a sign-in takes does not tell whether the e-mail has an account: an unknown
  e-mail, a locked pair and a deactivated account all pay for one password hash check;
* :data:`MAX_FAILED_LOGINS` wrong passwords for one account *from one address* lock that
  account for that address for :data:`LOCKOUT`; the same account still opens from elsewhere,
  so nobody can lock a colleague out by typing wrong passwords on purpose. The per-address
  rate limit on the login form (``RATELIMIT_LOGIN``) bounds guessing across accounts.
  An administrator can lift every lock of an account (:func:`unlock`);
* a session is valid while the account's ``session_version`` is the one it was issued with:
  signing out, changing or resetting the password and deactivation bump it, which ends every
  session of the account on every device.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from werkzeug.security import check_password_hash, generate_password_hash

from consult import audit
from consult.extensions import db
from consult.models import Country, LoginThrottle, PasswordReset, User, utcnow
from consult.models.accounts import ROLES
from consult.security import hash_token, new_token

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
#: how long a password-reset link works
RESET_LINK_LIFETIME = timedelta(hours=48)

#: A hash of a password nobody has, checked when there is no real hash to check, so that an
#: unknown e-mail costs the same time as a known one. Made once per process, lazily.
_dummy_hash: str | None = None


class AccountError(ValueError):
    """A user-facing problem with account data; ``field`` names the field, ``str()`` says
    what is wrong."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}")


@dataclass
class SignIn:
    """The outcome of a sign-in attempt: the user when it succeeded; ``locked_until`` when
    the account is locked for this address."""

    user: User | None
    locked_until: datetime | None = None


def _check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            "password", f"at least {MIN_PASSWORD_LENGTH} characters are needed"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError("password", f"at most {MAX_PASSWORD_LENGTH} characters")


#: The password rules, for other credentials of an account (the ODK Collect password).
check_password_rules = _check_password_rules


def _countries(codes: list[str] | tuple[str, ...] | None) -> list[Country]:
    wanted = sorted({code.strip().upper() for code in codes or [] if code.strip()})
    found = db.session.scalars(db.select(Country).where(Country.code.in_(wanted))).all()
    unknown = sorted(set(wanted) - {country.code for country in found})
    if unknown:
        raise AccountError("country", f"unknown code(s) {', '.join(unknown)}")
    return sorted(found, key=lambda country: country.code)


def _check_role(role: str, countries: list[Country]) -> None:
    if role not in ROLES:
        raise AccountError("role", f"must be one of {', '.join(ROLES)}")
    if role != "admin" and not countries:
        raise AccountError("country", f"a {role} needs at least one country")


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(db.select(User).where(User.email == normalise_email(email)))


def create_user(
    email: str,
    password: str | None,
    role: str,
    countries: list[str] | None = None,
    name: str = "",
) -> User:
    """A new account. Without a password nobody can sign in until a reset link is used
    (:func:`start_password_reset`); the secretariat's page creates accounts that way."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise AccountError("email", f"'{email[:254]}' is not an e-mail address")
    if len(name) > 200:
        raise AccountError("name", "at most 200 characters")
    found = _countries(countries)
    _check_role(role, found)
    if find_user(email) is not None:
        raise AccountError("email", f"an account for {email} exists already")
    user = User(email=email, role=role, name=name.strip(), countries=found)
    if password is None:
        # An unusable hash: no password matches it until one is set.
        user.password_hash = "!"
    else:
        _check_password_rules(password)
        user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", "user", user.id, role=role, countries=[c.code for c in found])
    return user


def update_user(
    user: User, *, by: User | None, name: str, role: str, countries: list[str]
) -> list[str]:
    """Change an account's name, role and countries; returns the changed field names.

    The last active administrator cannot give up the role (someone must manage accounts).
    """
    found = _countries(countries)
    _check_role(role, found)
    if user.role == "admin" and role != "admin" and _is_last_admin(user):
        raise AccountError("role", "the last active administrator must stay an administrator")
    if len(name) > 200:
        raise AccountError("name", "at most 200 characters")
    before = {
        "name": user.name,
        "role": user.role,
        "countries": sorted(user.country_codes),
    }
    after = {"name": name.strip(), "role": role, "countries": [c.code for c in found]}
    changed = [key for key in before if before[key] != after[key]]
    if not changed:
        return []
    user.name, user.role, user.countries = after["name"], role, found
    if "role" in changed or "countries" in changed:
        # What the account may see changed: its open sessions start again with the new rights.
        user.session_version += 1
    db.session.flush()
    audit.record(
        "user.update",
        "user",
        user.id,
        user=by,
        fields=changed,
        before={key: before[key] for key in changed},
        after={key: after[key] for key in changed},
    )
    return changed


def _is_last_admin(user: User) -> bool:
    others = db.session.scalar(
        db.select(db.func.count())
        .select_from(User)
        .where(User.role == "admin", User.active.is_(True), User.id != user.id)
    )
    return not others


def set_active(user: User, active: bool, *, by: User | None) -> bool:
    """Deactivate or reactivate an account; returns whether anything changed.

    Deactivation ends the account's sessions; an administrator cannot deactivate the last
    active administrator, nor their own account.
    """
    if user.active == active:
        return False
    if not active:
        if by is not None and by.id == user.id:
            raise AccountError("active", "you cannot deactivate your own account")
        if user.role == "admin" and _is_last_admin(user):
            raise AccountError("active", "the last active administrator cannot be deactivated")
        user.session_version += 1
    user.active = active
    db.session.flush()
    audit.record("user.deactivate" if not active else "user.reactivate", "user", user.id, user=by)
    return True


def set_password(user: User, password: str, *, by: User | None, action: str) -> None:
    """Give the account a new password and end all its sessions (``action`` names the
    audit event: "user.password_change", "user.password_reset")."""
    _check_password_rules(password)
    user.set_password(password)
    user.session_version += 1
    db.session.execute(db.delete(LoginThrottle).where(LoginThrottle.user_id == user.id))
    db.session.flush()
    audit.record(action, "user", user.id, user=by)


def change_password(user: User, current: str, new: str) -> None:
    """The account's own password change: the current password must be right."""
    if not user.check_password(current):
        raise AccountError("current_password", "the current password is not right")
    set_password(user, new, by=user, action="user.password_change")


def start_password_reset(user: User, *, by: User | None) -> str:
    """A one-time reset link's secret token for `user` (valid :data:`RESET_LINK_LIFETIME`);
    earlier unused links of the account stop working."""
    now = utcnow()
    db.session.execute(
        db.update(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None))
        .values(used_at=now)
    )
    token, digest = new_token()
    db.session.add(
        PasswordReset(
            user_id=user.id,
            token_hash=digest,
            created_by_id=by.id if by is not None else None,
            expires_at=now + RESET_LINK_LIFETIME,
        )
    )
    db.session.flush()
    audit.record("user.reset_link", "user", user.id, user=by)
    return token


def password_reset_for(token: str) -> PasswordReset | None:
    """The unused, unexpired reset of `token`, or None."""
    if not token or len(token) > 200:
        return None
    reset = db.session.scalar(
        db.select(PasswordReset).where(PasswordReset.token_hash == hash_token(token))
    )
    if reset is None or reset.used_at is not None or reset.expires_at <= utcnow():
        return None
    if not reset.user.active:
        return None
    return reset


def complete_password_reset(reset: PasswordReset, password: str) -> User:
    """Set the new password through a reset link; the link is used up."""
    user = reset.user
    set_password(user, password, by=user, action="user.password_reset")
    reset.used_at = utcnow()
    db.session.flush()
    return user


def _dummy() -> str:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = generate_password_hash(new_token()[0], method="scrypt")
    return _dummy_hash


def _throttle(user: User, address: str) -> LoginThrottle | None:
    return db.session.scalar(
        db.select(LoginThrottle).where(
            LoginThrottle.user_id == user.id, LoginThrottle.address == address[:64]
        )
    )


def authenticate(
    email: str, password: str, address: str = "", *, record_success: bool = True
) -> SignIn:
    """Check a sign-in from client `address`; both outcomes are audited (a success only
    with `record_success`: a device sending the password with every request, as ODK
    Collect over Basic, would fill the log).

    The password hash is checked on every path, so timing tells nothing about the account.
    """
    email = normalise_email(email)
    user = find_user(email) if len(email) <= 254 else None
    now = utcnow()
    if user is None:
        check_password_hash(_dummy(), password)
        audit.record("login.failed", "user", "", email=email[:254])
        return SignIn(None)
    throttle = _throttle(user, address)
    if throttle is not None and throttle.locked_until is not None:
        if throttle.locked_until > now:
            check_password_hash(_dummy(), password)
            audit.record("login.locked", "user", user.id, user=user)
            return SignIn(None, locked_until=throttle.locked_until)
        throttle.locked_until = None
        throttle.failures = 0
    usable = user.password_hash.startswith(("scrypt:", "pbkdf2:"))
    right = check_password_hash(user.password_hash if usable else _dummy(), password)
    if not (right and usable and user.active):
        if throttle is None:
            throttle = LoginThrottle(user_id=user.id, address=address[:64], failures=0)
            db.session.add(throttle)
        throttle.failures += 1
        throttle.last_failure_at = now
        if throttle.failures >= MAX_FAILED_LOGINS:
            throttle.locked_until = now + LOCKOUT
            throttle.failures = 0
        audit.record("login.failed", "user", user.id, user=user)
        return SignIn(None, locked_until=throttle.locked_until)
    if throttle is not None:
        db.session.delete(throttle)
    if record_success:
        user.last_login_at = now
        audit.record("login", "user", user.id, user=user)
    return SignIn(user)


def locks(user: User) -> list[LoginThrottle]:
    """The addresses from which the account is locked now."""
    return list(
        db.session.scalars(
            db.select(LoginThrottle).where(
                LoginThrottle.user_id == user.id, LoginThrottle.locked_until > utcnow()
            )
        )
    )


def unlock(user: User, *, by: User | None) -> int:
    """Lift every lock and forget the failed attempts of the account; returns how many
    addresses were locked."""
    locked = len(locks(user))
    db.session.execute(db.delete(LoginThrottle).where(LoginThrottle.user_id == user.id))
    db.session.flush()
    audit.record("user.unlock", "user", user.id, user=by, addresses=locked)
    return locked


def sign_out_everywhere(user: User) -> None:
    """End every session of the account (signing out does this)."""
    user.session_version += 1
    db.session.flush()

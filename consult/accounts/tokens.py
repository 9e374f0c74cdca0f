"""API tokens: ``Authorization: Bearer <token>`` for the read-only JSON API.

A token is ``secrets.token_urlsafe(32)``, shown once when created; the database keeps its
SHA-256 only. Tokens are revocable, and only an active secretariat (admin) account's tokens
open the API.
"""

from __future__ import annotations

from datetime import timedelta

from consult import audit
from consult.extensions import db
from consult.models import ApiToken, User, utcnow
from consult.security import hash_token, new_token

#: last_used_at is written at most this often, so reads do not turn into writes.
LAST_USED_RESOLUTION = timedelta(minutes=5)


class TokenError(ValueError):
    """Why a request's token does not open the API: ``status`` is 401 or 403."""

    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(message)



def create_token(user: User, name: str = "", *, by: User | None = None) -> tuple[ApiToken, str]:
    """Create a token for ``user`` and return it with its secret (shown once). Audited;
    the caller commits."""
    secret, digest = new_token()
    token = ApiToken(user_id=user.id, name=name.strip()[:200], token_hash=digest)
    db.session.add(token)
    db.session.flush()
    audit.record("api_token.create", "api_token", token.id, user=by or user, owner=user.id)
    return token, secret


def revoke_token(token: ApiToken, *, by: User | None = None) -> None:
    """Revoke a token; requests with it get 401 from now on. Audited; the caller commits."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("api_token.revoke", "api_token", token.id, user=by)


def list_tokens() -> list[ApiToken]:
    """Every token, newest first."""
    return list(
        db.session.scalars(db.select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id))
    )


def _bearer_secret(header: str | None) -> str | None:
    """The secret of an ``Authorization: Bearer <secret>`` header, or None when the header
    is missing or malformed."""
    scheme, _, secret = (header or "").strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret or len(secret) > 200:
        return None
    return secret


def valid_token_id(header: str | None) -> int | None:
    """The id of the token an ``Authorization`` header carries when that token is valid
    (known and not revoked), else None. Reads only; for keying rate limits, so that a
    made-up token counts as no token."""
    secret = _bearer_secret(header)
    if secret is None:
        return None
    row = db.session.execute(
        db.select(ApiToken.id, ApiToken.revoked_at).where(ApiToken.token_hash == hash_token(secret))
    ).first()
    return row.id if row is not None and row.revoked_at is None else None


def authenticate(header: str | None) -> User:
    """The admin user an ``Authorization`` header's bearer token belongs to.

    Raises :class:`TokenError` with status 401 for a missing, malformed, unknown or revoked
    token or an inactive account, and 403 for a token of an account that is not admin.
    Updates ``last_used_at`` (flushed; the caller commits).
    """
    secret = _bearer_secret(header)
    if secret is None:
        raise TokenError(401, "An API token is needed: Authorization: Bearer <token>.")
    token = db.session.scalar(db.select(ApiToken).where(ApiToken.token_hash == hash_token(secret)))
    if token is None or token.revoked_at is not None or not token.user.active:
        raise TokenError(401, "The API token is not valid or has been revoked.")
    if not token.user.is_admin:
        raise TokenError(403, "The API is open to secretariat accounts only.")
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        token.last_used_at = now
        db.session.flush()
    return token.user

"""Who is calling /openrosa: HTTP Digest (what ODK Collect and KoboCollect send), Basic
over HTTPS, or a token in the URL.

Digest (RFC 7616 with MD5 and ``qop=auth``, the variant Collect speaks) needs, on the
server, HA1 = MD5(username:realm:password) for each account. Passwords are stored as scrypt
hashes, from which HA1 cannot be made, so an account that uses Collect gets a *collector
password* set explicitly (``consult users set-collector-password``); only its HA1 is kept,
sealed with the app's SECRET_KEY (:func:`seal`): the database alone does not give it away,
the database and the key together do, and then only for this realm. Changing SECRET_KEY
makes every collector password unusable until it is set again.

Nonces are stateless: ``<unix time>.<HMAC of it>``, valid for OPENROSA_NONCE_SECONDS; an
older one is answered with ``stale=true`` so the device retries without asking the user.
Comparisons of secrets are constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app, request

from consult import audit
from consult.accounts import service as accounts
from consult.extensions import db
from consult.models import CollectorCredential, User
from consult.security import client_address

#: Roles that may use /openrosa with their own account.
OPENROSA_ROLES = ("admin", "facilitator", "collector")


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def _key() -> bytes:
    return str(current_app.config["SECRET_KEY"]).encode("utf-8")


def realm() -> str:
    return current_app.config["OPENROSA_REALM"]


def _mac(*parts: bytes) -> bytes:
    return hmac.new(_key(), b"|".join(parts), hashlib.sha256).digest()


def seal(user_id: int, ha1: str) -> str:
    """HA1 (32 hex digits) sealed for storage: XOR with an HMAC-SHA256 keystream of a
    random nonce, then an HMAC tag over nonce and ciphertext; ``nonce:cipher:tag`` hex."""
    nonce = secrets.token_bytes(16)
    plain = bytes.fromhex(ha1)
    stream = _mac(b"openrosa-ha1", nonce, str(user_id).encode())[: len(plain)]
    cipher = bytes(a ^ b for a, b in zip(plain, stream, strict=True))
    tag = _mac(b"openrosa-ha1-tag", nonce, cipher, str(user_id).encode())[:16]
    return f"{nonce.hex()}:{cipher.hex()}:{tag.hex()}"


def unseal(user_id: int, sealed: str) -> str | None:
    """HA1 from :func:`seal`, or None when the tag does not match (another SECRET_KEY, or
    a value copied from another account)."""
    try:
        nonce, cipher, tag = (bytes.fromhex(part) for part in sealed.split(":"))
    except ValueError:
        return None
    expected = _mac(b"openrosa-ha1-tag", nonce, cipher, str(user_id).encode())[:16]
    if not hmac.compare_digest(expected, tag):
        return None
    stream = _mac(b"openrosa-ha1", nonce, str(user_id).encode())[: len(cipher)]
    return bytes(a ^ b for a, b in zip(cipher, stream, strict=True)).hex()


def set_collector_password(user: User, password: str, *, by: User | None) -> None:
    """Give ``user`` a password for ODK Collect (Digest); the rules of account passwords
    apply. Replaces an earlier one. Flushes and audits; the caller commits."""
    accounts.check_password_rules(password)
    ha1 = _md5(f"{user.email}:{realm()}:{password}")
    credential = db.session.get(CollectorCredential, user.id)
    if credential is None:
        credential = CollectorCredential(user_id=user.id, realm=realm(), sealed_ha1="")
        db.session.add(credential)
    credential.realm = realm()
    credential.sealed_ha1 = seal(user.id, ha1)
    db.session.flush()
    audit.record("user.collector_password", "user", user.id, user=by)


def remove_collector_password(user: User, *, by: User | None) -> bool:
    """Take the Collect password away; True when there was one."""
    credential = db.session.get(CollectorCredential, user.id)
    if credential is None:
        return False
    db.session.delete(credential)
    audit.record("user.collector_password_removed", "user", user.id, user=by)
    db.session.flush()
    return True


def has_collector_password(user: User) -> bool:
    return db.session.get(CollectorCredential, user.id) is not None


# -- nonces and challenges --------------------------------------------------------------


def new_nonce(now: float | None = None) -> str:
    stamp = str(int(now if now is not None else time.time()))
    return f"{stamp}.{_mac(b'openrosa-nonce', stamp.encode()).hex()[:32]}"


def nonce_state(nonce: str, now: float | None = None) -> str:
    """``fresh``, ``stale`` (ours but too old) or ``bad``."""
    stamp, _, mac = nonce.partition(".")
    if not stamp.isdigit() or len(stamp) > 12:
        return "bad"
    expected = _mac(b"openrosa-nonce", stamp.encode()).hex()[:32]
    if not hmac.compare_digest(expected, mac):
        return "bad"
    age = (now if now is not None else time.time()) - int(stamp)
    if age < -60 or age > current_app.config["OPENROSA_NONCE_SECONDS"]:
        return "stale"
    return "fresh"


def challenge(stale: bool = False) -> str:
    """The WWW-Authenticate header of a 401: Digest, MD5, qop=auth."""
    header = (
        f'Digest realm="{realm()}", qop="auth", algorithm=MD5, '
        f'nonce="{new_nonce()}", opaque="{_md5(realm())}"'
    )
    return header + (", stale=true" if stale else "")


# -- checking a request ------------------------------------------------------------------


@dataclass
class Outcome:
    """The account a request authenticated as (None: not authenticated) and whether the
    nonce was merely stale."""

    user: User | None
    stale: bool = False


_DUMMY_HA1 = "0" * 32


def _digest(params) -> Outcome:
    username = params.get("username") or ""
    nonce = params.get("nonce") or ""
    uri = params.get("uri") or ""
    answer = params.get("response") or ""
    qop = params.get("qop") or ""
    nc = params.get("nc") or ""
    cnonce = params.get("cnonce") or ""
    if params.get("realm") != realm() or qop != "auth" or not (nc and cnonce and answer):
        return Outcome(None)
    if (params.get("algorithm") or "MD5").upper() != "MD5" or len(username) > 254:
        return Outcome(None)
    # The digest covers the URI the client names; it must be this request's.
    if urlsplit(uri).path != request.path:
        return Outcome(None)
    state = nonce_state(nonce)
    if state == "bad":
        return Outcome(None)
    user = accounts.find_user(username)
    credential = db.session.get(CollectorCredential, user.id) if user is not None else None
    ha1 = None
    if credential is not None and credential.realm == realm():
        ha1 = unseal(user.id, credential.sealed_ha1)
    ha2 = _md5(f"{request.method}:{uri}")
    expected = _md5(f"{ha1 or _DUMMY_HA1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
    right = hmac.compare_digest(expected, answer.lower())
    if not right or ha1 is None or user is None or not user.active:
        return Outcome(None)
    if state == "stale":
        return Outcome(None, stale=True)
    return Outcome(user)


def _basic(params) -> Outcome:
    allowed = request.is_secure or current_app.config["OPENROSA_ALLOW_BASIC_OVER_HTTP"]
    if not allowed:
        return Outcome(None)
    email = params.get("username") or ""
    password = params.get("password") or ""
    # Throttled as a sign-in, failures audited; the writes go with the request's.
    signed = accounts.authenticate(email, password, client_address(), record_success=False)
    return Outcome(signed.user)


def authenticate_request() -> Outcome:
    """The account the request's Authorization header proves, if any (cached per request).

    Only active accounts of :data:`OPENROSA_ROLES` pass."""
    from flask import g

    cached = g.get("openrosa_outcome")
    if cached is not None:
        return cached
    authorization = request.authorization
    outcome = Outcome(None)
    if authorization is not None:
        if authorization.type == "digest":
            outcome = _digest(authorization.parameters)
        elif authorization.type == "basic":
            outcome = _basic(authorization.parameters)
    if outcome.user is not None and outcome.user.role not in OPENROSA_ROLES:
        outcome = Outcome(None)
    g.openrosa_outcome = outcome
    return outcome

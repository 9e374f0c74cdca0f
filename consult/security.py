"""HTTP hardening: security headers on every response, cookie flags, proxies, rate limits."""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
import secrets

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_wtf import FlaskForm
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

#: No inline script anywhere: JS is served from /static/js; inline styles stay allowed because
#: templates set widths of progress bars and chart cells with a style attribute.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
#: Geolocation is allowed to the app's own pages: the map widget's "use my location".
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()"
)
HSTS = "max-age=31536000; includeSubDomains"

#: Largest value of an INTEGER column on both databases (PostgreSQL's int4). A larger number
#: in a URL or query string cannot name a row, and would make the database driver raise.
DATABASE_INT_MAX = 2**31 - 1

#: Words in an endpoint, URL argument or query parameter name that mark a respondent link
#: carrying a secret token; `?t=` is the invitation link's parameter.
_TOKEN_WORDS = ("token", "invitation", "invite", "resume")
_TOKEN_PARAMETERS = frozenset({"t"})


def _with_tile_images(tile_url: str) -> str:
    """The policy allowing images from the configured map tile server's origin too; Leaflet's
    ``{s}`` subdomain placeholder becomes a ``*.`` wildcard."""
    scheme, _sep, rest = tile_url.partition("://")
    host = rest.split("/", 1)[0].replace("{s}", "*")
    if scheme not in ("http", "https") or not re.fullmatch(r"(\*\.)?[A-Za-z0-9.-]+(:\d+)?", host):
        return CONTENT_SECURITY_POLICY
    return CONTENT_SECURITY_POLICY.replace(
        "img-src 'self' data:", f"img-src 'self' data: {scheme}://{host}"
    )


def security_headers(https: bool, tile_url: str = "") -> dict[str, str]:
    """The headers every response carries; `https` adds Strict-Transport-Security; a map
    `tile_url` (MAP_TILE_URL) lets pages load images from its server."""
    policy = _with_tile_images(tile_url) if tile_url else CONTENT_SECURITY_POLICY
    headers = {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": PERMISSIONS_POLICY,
    }
    if https:
        headers["Strict-Transport-Security"] = HSTS
    return headers


def client_address() -> str:
    """The caller's IP address (after ProxyFix has applied trusted X-Forwarded-For)."""
    return request.remote_addr or "unknown"


def api_client() -> str:
    """Rate-limit key for the API: a valid (known, unrevoked) bearer token has a count of
    its own; any other request, made-up tokens included, counts against its address."""
    from consult.accounts.tokens import valid_token_id
    from consult.extensions import db

    try:
        token_id = valid_token_id(request.headers.get("Authorization"))
    except SQLAlchemyError:
        # The view will fail on the database too; the limit still counts the address.
        db.session.rollback()
        token_id = None
    return f"token:{token_id}" if token_id is not None else "ip:" + client_address()


def openrosa_client() -> str:
    """Rate-limit key for /openrosa: the account a request authenticates as, or the URL's
    token when it opens something; any other request counts against its address."""
    from consult.extensions import db
    from consult.openrosa.auth import authenticate_request

    token = (request.view_args or {}).get("token")
    if token:
        return "openrosa-token:" + hash_token(str(token))[:32]
    try:
        user = authenticate_request().user
    except SQLAlchemyError:
        db.session.rollback()
        user = None
    return f"user:{user.id}" if user is not None else "ip:" + client_address()


def carries_token() -> bool:
    """True when the current respondent URL holds an invitation or resume token."""
    if _TOKEN_PARAMETERS & request.args.keys():
        return True
    names = [request.endpoint or "", *(request.view_args or {}), *request.args]
    return any(word in name.lower() for name in names for word in _TOKEN_WORDS)


class DatabaseIntConverter(IntegerConverter):
    """``<int:...>`` limited to :data:`DATABASE_INT_MAX`: a longer number is a 404."""

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False) -> None:
        super().__init__(map, fixed_digits, min, DATABASE_INT_MAX if max is None else max, signed)


def database_int(text: str) -> int:
    """A query-string number (``request.args.get(name, type=database_int)``); raises
    ValueError, so the default is used, when it is not a whole number a row id, page or
    version could have."""
    value = int(text)
    if not 0 <= value <= DATABASE_INT_MAX:
        raise ValueError(f"{text[:40]} is out of range")
    return value


def _not_login() -> bool:
    return request.endpoint != "auth.login"


def _not_submission() -> bool:
    return request.endpoint != "api.submit_questionnaire"


class _CheckedAddress:
    """WSGI middleware after ProxyFix: an X-Forwarded-For value that is not an IP address
    (any text a client sends) is not taken as the client's address; the proxy's is kept."""

    def __init__(self, app) -> None:
        self.app = app

    def __call__(self, environ, start_response):
        address = environ.get("REMOTE_ADDR") or ""
        try:
            ipaddress.ip_address(address)
        except ValueError:
            original = environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR")
            environ["REMOTE_ADDR"] = original or ""
        return self.app(environ, start_response)


def init_app(app: Flask) -> None:
    """Add security headers, cookie flags, proxy handling and rate limits to `app`.

    Limits (per client IP unless said otherwise, each a config setting):
    RATELIMIT_LOGIN on POST /auth/login; RATELIMIT_RESPOND shared by all respondent POSTs and,
    separately, by respondent URLs that carry a token; RATELIMIT_API on /api/v1/, per API
    token for valid tokens; RATELIMIT_SUBMIT on the whole-questionnaire submissions, which
    need no account. A breach answers 429 with the friendly error page (JSON under /api/).
    """
    # Before the blueprints are registered, so every <int:...> in a rule uses it.
    app.url_map.converters["int"] = DatabaseIntConverter
    if app.config.get("HTTPS"):
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
        app.config["PREFERRED_URL_SCHEME"] = "https"
    proxies = int(app.config.get("PROXY_COUNT") or 0)
    if proxies > 0:
        # Without this every client behind the proxy shares the proxy's address, which would
        # make the per-IP limits and the audit log's addresses useless.
        # ProxyFix sets the address, then calls the checker inside it with that address.
        app.wsgi_app = ProxyFix(
            _CheckedAddress(app.wsgi_app),
            x_for=proxies,
            x_proto=proxies,
            x_host=proxies,
            x_port=proxies,
        )

    headers = security_headers(bool(app.config.get("HTTPS")), app.config.get("MAP_TILE_URL") or "")

    @app.after_request
    def _add_security_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    _init_rate_limits(app)


def _init_rate_limits(app: Flask) -> Limiter | None:
    if not app.config.get("RATELIMIT_ENABLED", True):
        return None
    from consult.api import bp as api_bp
    from consult.auth import bp as auth_bp
    from consult.openrosa import bp as openrosa_bp
    from consult.respond import bp as respond_bp

    # One limiter per app: its storage and its blueprint limits belong to this app only.
    limiter = Limiter(
        client_address,
        storage_uri=app.config.get("RATELIMIT_STORAGE_URI") or "memory://",
        key_prefix=app.config.get("RATELIMIT_KEY_PREFIX") or "consult",
        headers_enabled=True,
        # A rate-limit store that is down must not take the site down with it.
        swallow_errors=True,
        in_memory_fallback_enabled=True,
    )
    config = app.config
    limiter.limit(lambda: config["RATELIMIT_LOGIN"], methods=["POST"], exempt_when=_not_login)(
        auth_bp
    )
    limiter.shared_limit(
        lambda: config["RATELIMIT_RESPOND"], scope="respond-post", methods=["POST"]
    )(respond_bp)
    limiter.shared_limit(
        lambda: config["RATELIMIT_RESPOND"],
        scope="respond-token",
        exempt_when=lambda: not carries_token(),
    )(respond_bp)
    limiter.shared_limit(lambda: config["RATELIMIT_API"], scope="api", key_func=api_client)(api_bp)
    limiter.limit(
        lambda: config["RATELIMIT_SUBMIT"], methods=["POST"], exempt_when=_not_submission
    )(api_bp)
    limiter.shared_limit(
        lambda: config["RATELIMIT_OPENROSA"], scope="openrosa", key_func=openrosa_client
    )(openrosa_bp)
    limiter.init_app(app)
    app.extensions["consult_limiter"] = limiter
    return limiter


def new_token() -> tuple[str, str]:
    """A fresh secret for a link or an API token, and the SHA-256 hex digest that is stored.

    The secret (``secrets.token_urlsafe(32)``, 256 bits) is shown once; a copy of the
    database holds only digests, which open nothing.
    """
    secret = secrets.token_urlsafe(32)
    return secret, hash_token(secret)


def derived_token(key: str | bytes, purpose: str, salt: str) -> str:
    """A link secret derived from the app's secret key and a stored random ``salt``
    (HMAC-SHA256, URL-safe, 43 characters like :func:`new_token`'s).

    The app can derive it again to write the link into an e-mail, while the database (which
    holds the salt and the token's digest) gives no link without the key.
    """
    if isinstance(key, str):
        key = key.encode("utf-8")
    digest = hmac.new(key, f"{purpose}:{salt}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def hash_token(token: str) -> str:
    """SHA-256 hex digest of a secret token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ConfirmForm(FlaskForm):
    """A button that changes something (revoke, reissue, unlock): CSRF only."""

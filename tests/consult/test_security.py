"""Security headers, cookie flags, rate limits, lock-out, password length, session renewal."""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pytest

from consult import create_app
from consult.extensions import db
from consult.models import User
from consult.security import CONTENT_SECURITY_POLICY
from tests.conftest import Auth, csrf_token, unavailable

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def make_app(database_url, tmp_path):
    """Build extra apps on the test database with config overrides; disposed afterwards."""
    apps = []

    def build(**overrides):
        app = create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": database_url,
                "INSTANCE_PATH": str(tmp_path / "instance"),
                "SECRET_KEY": "test-secret-key-not-for-production",
                "LOG_LEVEL": "WARNING",
                **overrides,
            }
        )
        apps.append(app)
        return app

    yield build
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def _login_post(client, email, password, token):
    return client.post(
        "/auth/login", data={"email": email, "password": password, "csrf_token": token}
    )


def _set_cookie(response, name="session"):
    cookies = [value for value in response.headers.getlist("Set-Cookie") if value.startswith(name)]
    assert cookies, f"no {name} cookie set"
    return cookies[-1]


# --- headers ---------------------------------------------------------------------------------


def test_every_response_carries_the_security_headers(client):
    for url in ("/", "/auth/login", "/healthz", "/no-such-page", "/api/v1/", "/secretariat/"):
        headers = client.get(url).headers
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        assert "script-src 'self';" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff", url
        assert headers["Referrer-Policy"] == "same-origin", url
        assert headers["X-Frame-Options"] == "DENY", url
        assert "camera=()" in headers["Permissions-Policy"], url
        assert "Strict-Transport-Security" not in headers, url


def test_static_files_carry_the_security_headers(client):
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    response.close()


def test_https_setting_adds_hsts_and_secure_session_cookie(make_app):
    app = make_app(HTTPS=True)
    client = app.test_client()
    response = client.get("/auth/login", base_url="https://consult.example.org")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = _set_cookie(response)
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_session_cookie_is_httponly_and_samesite_lax_and_not_secure_over_http(client):
    cookie = _set_cookie(client.get("/auth/login"))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_templates_have_no_inline_script_so_the_policy_holds():
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert TEMPLATES / "base.html" in templates, f"no base.html under {TEMPLATES}"
    offenders = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text, flags=re.IGNORECASE):
            if "src=" not in tag and "application/json" not in tag:
                offenders.append(f"{path.relative_to(TEMPLATES)}: {tag}")
        for handler in re.findall(r"\son[a-z]+\s*=\s*[\"']", text, flags=re.IGNORECASE):
            offenders.append(f"{path.relative_to(TEMPLATES)}: event handler {handler.strip()}")
        if re.search(r"(href|src)\s*=\s*[\"']\s*javascript:", text, flags=re.IGNORECASE):
            offenders.append(f"{path.relative_to(TEMPLATES)}: javascript: URL")
    assert offenders == []


def test_proxy_count_trusts_the_forwarded_client_address(make_app):
    app = make_app(PROXY_COUNT=1, RATELIMIT_LOGIN="2/minute")
    client = app.test_client()
    token = csrf_token(client)
    for address in ("203.0.113.1", "203.0.113.1", "203.0.113.2"):
        response = client.post(
            "/auth/login",
            data={"email": "x@example.org", "password": "wrong", "csrf_token": token},
            headers={"X-Forwarded-For": address},
        )
        assert response.status_code == 200, address
    refused = client.post(
        "/auth/login",
        data={"email": "x@example.org", "password": "wrong", "csrf_token": token},
        headers={"X-Forwarded-For": "203.0.113.1"},
    )
    assert refused.status_code == 429


# --- rate limits -----------------------------------------------------------------------------


def test_eleventh_login_post_within_a_minute_gets_429_with_friendly_page(client, auth):
    _, email = auth.user("admin")
    token = csrf_token(client)
    for attempt in range(10):
        response = _login_post(client, "nobody@example.org", "wrong password", token)
        assert response.status_code == 200, attempt
    response = _login_post(client, email, auth.password, token)
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "Too many requests" in page
    assert "Please wait a moment and try again." in page
    assert "<html" in page
    assert int(response.headers["Retry-After"]) > 0
    assert client.get("/secretariat/").status_code == 302, "a refused login must not sign in"


def test_login_limit_counts_per_client_address(client):
    token = csrf_token(client)
    for _ in range(11):
        _login_post(client, "nobody@example.org", "wrong password", token)
    assert _login_post(client, "nobody@example.org", "x", token).status_code == 429
    other = client.post(
        "/auth/login",
        data={"email": "nobody@example.org", "password": "x", "csrf_token": token},
        environ_base={"REMOTE_ADDR": "192.0.2.77"},
    )
    assert other.status_code == 200


def test_login_page_views_are_not_limited(client):
    for _ in range(30):
        assert client.get("/auth/login").status_code == 200


def test_rate_limits_can_be_switched_off(make_app):
    client = make_app(RATELIMIT_ENABLED=False).test_client()
    token = csrf_token(client)
    for _ in range(15):
        assert _login_post(client, "nobody@example.org", "wrong", token).status_code == 200
    assert "X-RateLimit-Limit" not in client.get("/api/v1/").headers


def _api_token(app, *, revoked: bool = False) -> str:
    from consult.accounts import create_user
    from consult.accounts.tokens import create_token, revoke_token

    with app.app_context():
        user = create_user(f"api-{uuid.uuid4().hex[:8]}@example.org", Auth.password, "admin")
        token, secret = create_token(user, "limits")
        if revoked:
            revoke_token(token)
        db.session.commit()
    return secret


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_api_limit_answers_json_429_and_counts_per_valid_token(make_app):
    app = make_app(RATELIMIT_API="3/minute")
    first, second = _api_token(app), _api_token(app)
    client = app.test_client()
    for _ in range(3):
        assert client.get("/api/v1/", headers=_bearer(first)).status_code == 200
    refused = client.get("/api/v1/", headers=_bearer(first))
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == 429
    assert client.get("/api/v1/", headers=_bearer(second)).status_code == 200
    assert client.get("/api/v1/").status_code == 200, "no token: counted by address instead"


def test_made_up_and_revoked_bearer_tokens_are_limited_by_address(make_app):
    app = make_app(RATELIMIT_API="3/minute")
    revoked = _api_token(app, revoked=True)
    client = app.test_client()
    headers = [_bearer(f"made-up-{uuid.uuid4().hex}") for _ in range(2)] + [_bearer(revoked)]
    assert [client.get("/api/v1/", headers=h).status_code for h in headers] == [200] * 3
    another = _bearer(f"made-up-{uuid.uuid4().hex}")
    assert client.get("/api/v1/", headers=another).status_code == 429
    assert client.get("/api/v1/").status_code == 429, "the same address, with no token"
    elsewhere = client.get("/api/v1/", headers=another, environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert elsewhere.status_code == 200


def test_unauthenticated_submissions_are_limited_per_address(make_app):
    app = make_app(RATELIMIT_SUBMIT="2/minute")
    client = app.test_client()
    url = "/api/v1/questionnaires/no-such-questionnaire/submissions"
    statuses = [client.post(url, json={}).status_code for _ in range(3)]
    assert statuses == [404, 404, 429]
    assert client.post(url, json={}).get_json()["error"]["code"] == 429
    assert client.get("/api/v1/").status_code == 200, "other API endpoints keep their own limit"
    other = client.post(url, json={}, environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert other.status_code == 404


def test_a_forwarded_address_that_is_not_an_ip_address_is_not_taken(make_app):
    app = make_app(PROXY_COUNT=1, RATELIMIT_SUBMIT="1/minute")
    client = app.test_client()
    url = "/api/v1/questionnaires/no-such-questionnaire/submissions"
    forged = {"X-Forwarded-For": "x" * 300 + "\u00e9"}
    assert client.post(url, json={}, headers=forged).status_code == 404
    # Counted against the proxy's own address, not against a new made-up one.
    assert client.post(url, json={}, headers={"X-Forwarded-For": "y" * 300}).status_code == 429


def _url(app, endpoint, **values):
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **values)


def test_respondent_posts_share_one_limit_per_address(make_app):
    app = make_app(RATELIMIT_RESPOND="3/minute")
    client = app.test_client()
    token = csrf_token(client)
    start = _url(app, "respond.start", slug="no-such-questionnaire")
    page = _url(app, "respond.save_page", slug="no-such-questionnaire", key="intro")
    statuses = [
        client.post(url, data={"csrf_token": token}).status_code for url in (start, page, start)
    ]
    assert 429 not in statuses
    assert client.post(page, data={"csrf_token": token}).status_code == 429, "one shared limit"
    elsewhere = client.post(
        page, data={"csrf_token": token}, environ_base={"REMOTE_ADDR": "192.0.2.11"}
    )
    assert elsewhere.status_code != 429, "another address has a limit of its own"


def test_respondent_token_links_are_limited_per_address(make_app):
    app = make_app(RATELIMIT_RESPOND="3/minute")
    client = app.test_client()
    url = _url(app, "respond.resume_draft", slug="no-such-questionnaire", token="abcdefgh")
    statuses = [client.get(url).status_code for _ in range(4)]
    assert 429 not in statuses[:3]
    assert statuses[3] == 429
    elsewhere = client.get(url, environ_base={"REMOTE_ADDR": "192.0.2.12"})
    assert elsewhere.status_code != 429, "another address has a limit of its own"


def test_respondent_start_page_is_limited_only_when_it_carries_an_invitation_token(make_app):
    client = make_app(RATELIMIT_RESPOND="3/minute").test_client()
    plain = {client.get("/s/no-such-questionnaire").status_code for _ in range(6)}
    assert 429 not in plain
    invited = [client.get("/s/no-such-questionnaire?t=guess").status_code for _ in range(4)]
    assert 429 not in invited[:3]
    assert invited[3] == 429


def test_redis_storage_shares_login_limit_between_app_servers(make_app):
    import redis

    url = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        unavailable(f"Redis not reachable at {url}: {error}")
    prefix = f"consult-test-{uuid.uuid4().hex}"
    servers = [
        make_app(RATELIMIT_STORAGE_URI=url, RATELIMIT_KEY_PREFIX=prefix).test_client()
        for _ in range(2)
    ]
    try:
        statuses = []
        for attempt in range(11):
            client = servers[attempt % 2]
            statuses.append(
                _login_post(client, "x@example.org", "wrong", csrf_token(client)).status_code
            )
        assert statuses[:10] == [200] * 10
        assert statuses[10] == 429
    finally:
        connection = redis.Redis.from_url(url)
        for key in connection.scan_iter(f"*{prefix}*"):
            connection.delete(key)
        connection.close()


# --- accounts --------------------------------------------------------------------------------


def test_users_create_refuses_an_eleven_character_password_and_takes_twelve(app, runner):
    short = runner.invoke(
        args=["users", "create", "--email", "short@example.org", "--role", "admin"],
        input="elevenchars\nelevenchars\n",
    )
    assert short.exit_code != 0
    assert "at least 12 characters" in short.output
    exact = runner.invoke(
        args=["users", "create", "--email", "exact@example.org", "--role", "admin"],
        input="twelve chars\ntwelve chars\n",
    )
    assert exact.exit_code == 0, exact.output
    with app.app_context():
        emails = set(db.session.scalars(db.select(User.email)))
    assert "exact@example.org" in emails
    assert "short@example.org" not in emails


def test_login_renews_the_session(client, auth):
    _, email = auth.user("admin")
    token = csrf_token(client, "/auth/login?lang=ru")
    with client.session_transaction() as session:
        session["planted"] = "set before login"
    before = client.get_cookie("session").value
    response = _login_post(client, email, Auth.password, token)
    assert response.status_code == 302
    after = client.get_cookie("session").value
    assert after != before
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["lang"] == "ru", "the chosen language survives the renewal"
        assert session["_user_id"]

"""Shared fixtures: an app on a real SQLite file and on a real PostgreSQL database.

Database tests are parametrised over both. PostgreSQL comes from TEST_DATABASE_URL (default:
the local server); each test run works in a database of its own, created here and dropped at
the end, so runs never see each other's rows. Where no server answers the PostgreSQL half is
skipped with the reason, except under CI=true where that is a failure; the same goes for the
tools some tests run (node, java, pg_dump, redis-server), which .ci/run provides.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from typing import NoReturn

import pytest

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip a test whose tool or service is missing; under CI=true, fail it instead."""
    __tracebackhide__ = True
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def require_commands(*names: str, package: str) -> None:
    """Skip (fail under CI) unless every command in `names` is on PATH; `package` provides them."""
    __tracebackhide__ = True
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        unavailable(f"{', '.join(missing)} not on PATH (apt-get install {package})")


def _pg_admin_url() -> str:
    return os.environ.get("TEST_DATABASE_URL") or DEFAULT_PG


@pytest.fixture(scope="session")
def pg_database():
    """URL of a fresh PostgreSQL database for this run, with the schema created."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(_pg_admin_url())
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any connection failure means "not reachable"
        unavailable(f"PostgreSQL not reachable at {admin_url.render_as_string()}: {error}")
    name = f"consult_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name)
    from consult.models import Base

    engine = create_engine(url)
    Base.metadata.create_all(engine)
    engine.dispose()
    yield url.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from consult.models import Base

    engine = create_engine(url)
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A database URL with the schema in place and no rows, once per database kind."""
    if request.param == "sqlite":
        from sqlalchemy import create_engine

        from consult.models import Base

        url = f"sqlite:///{tmp_path / 'consult.sqlite'}"
        engine = create_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
        return url
    url = request.getfixturevalue("pg_database")
    _empty_postgres(url)
    return url


@pytest.fixture
def app(database_url, tmp_path):
    from consult import create_app
    from consult.extensions import db
    from consult.reference import load_reference_data

    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SECRET_KEY": "test-secret-key-not-for-production",
            "LOG_LEVEL": "WARNING",
        }
    )
    with app.app_context():
        load_reference_data()
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token(client, url: str = "/auth/login") -> str:
    """The CSRF token of the client's session, read from a real form page."""
    response = client.get(url)
    match = CSRF_RE.search(response.get_data(as_text=True))
    assert match, f"no csrf_token on {url}"
    return match.group(1)


class Auth:
    """Log the test client in as a given role, creating the account when needed."""

    password = "correct horse battery staple"

    def __init__(self, app, client):
        self.app = app
        self.client = client

    def user(self, role: str = "admin", countries: tuple[str, ...] = (), email: str | None = None):
        from consult.accounts import create_user
        from consult.extensions import db
        from consult.models import User

        email = email or f"{role}-{'-'.join(countries) or 'all'}@example.org".lower()
        with self.app.app_context():
            user = db.session.scalar(db.select(User).where(User.email == email))
            if user is None:
                user = create_user(email, self.password, role, list(countries))
                db.session.commit()
            return user.id, email

    def login(self, role: str = "admin", countries: tuple[str, ...] = (), email: str | None = None):
        user_id, email = self.user(role, countries, email)
        response = self.client.post(
            "/auth/login",
            data={"email": email, "password": self.password, "csrf_token": csrf_token(self.client)},
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return user_id

    def logout(self):
        token = csrf_token(self.client, "/")
        return self.client.post("/auth/logout", data={"csrf_token": token})


@pytest.fixture
def auth(app, client):
    return Auth(app, client)

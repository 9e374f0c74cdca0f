"""`consult backup` and `consult restore` on SQLite (backup API) and PostgreSQL (pg_dump)."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from consult import create_app
from consult.accounts import create_user
from consult.database import upgrade
from consult.extensions import db
from consult.models import AuditEvent, User
from consult.reference import load_reference_data
from tests.conftest import require_commands

PASSWORD = "a long enough password"


@pytest.fixture(params=["sqlite", "postgresql"])
def live_url(request, tmp_path):
    """A database of its own, migrated like `consult init` does, once per database kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'live.sqlite'}"
        return
    server = make_url(request.getfixturevalue("pg_database"))
    name = f"consult_backup_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def live_app(live_url, tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": live_url,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SECRET_KEY": "test-secret-key-not-for-production",
            "LOG_LEVEL": "WARNING",
        }
    )
    upgrade(app)
    with app.app_context():
        load_reference_data()
        create_user("ranger@example.org", PASSWORD, "facilitator", ["KZ"], name="Aigerim")
        create_user("office@example.org", PASSWORD, "admin", name="Secretariat")
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _users(app) -> dict[str, str]:
    with app.app_context():
        users = {user.email: user.name for user in db.session.scalars(db.select(User))}
        db.session.remove()
        return users


def _change_everything(app) -> None:
    with app.app_context():
        db.session.delete(
            db.session.scalar(db.select(User).where(User.email == "office@example.org"))
        )
        db.session.scalar(db.select(User).where(User.email == "ranger@example.org")).name = "X"
        create_user("new@example.org", PASSWORD, "admin")
        db.session.commit()
        db.session.remove()


def _needs_pg_tools(app) -> None:
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        require_commands("pg_dump", "pg_restore", package="postgresql-client")


def test_backup_then_restore_brings_the_data_back(live_app, tmp_path):
    _needs_pg_tools(live_app)
    runner = live_app.test_cli_runner()
    original = _users(live_app)
    out = tmp_path / "backups" / "consult.backup"

    made = runner.invoke(args=["backup", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert out.stat().st_size > 0
    assert "consult restore" in made.output

    _change_everything(live_app)
    assert _users(live_app) != original

    refused = runner.invoke(args=["restore", str(out)])
    assert refused.exit_code != 0
    assert "--yes" in refused.output
    assert "new@example.org" in _users(live_app), "without --yes nothing is replaced"

    restored = runner.invoke(args=["restore", str(out), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert _users(live_app) == original
    with live_app.app_context():
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "database.restore")
        ).all()
        assert [event.details["file"] for event in events] == [out.name]
        user = db.session.scalar(db.select(User).where(User.email == "ranger@example.org"))
        assert user.check_password(PASSWORD)


def test_sqlite_backup_is_a_consistent_snapshot_while_a_write_is_in_progress(tmp_path):
    url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(tmp_path / "i")})
    upgrade(app)
    with app.app_context():
        load_reference_data()
        create_user("kept@example.org", PASSWORD, "admin")
        db.session.commit()
        db.engine.dispose()
    writer = sqlite3.connect(tmp_path / "busy.sqlite")
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE users SET name = 'uncommitted'")
    try:
        result = app.test_cli_runner().invoke(
            args=["backup", "--out", str(tmp_path / "snap.sqlite")]
        )
    finally:
        writer.rollback()
        writer.close()
    assert result.exit_code == 0, result.output
    copy = sqlite3.connect(tmp_path / "snap.sqlite")
    try:
        assert copy.execute("SELECT email, name FROM users").fetchall() == [
            ("kept@example.org", "")
        ]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        copy.close()


def _sqlite_app(tmp_path):
    url = f"sqlite:///{tmp_path / 'target.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(tmp_path / "i")})
    upgrade(app)
    with app.app_context():
        load_reference_data()
        create_user("kept@example.org", PASSWORD, "admin")
        db.session.commit()
        db.engine.dispose()
    return app


def _kept(app) -> bool:
    users = _users(app)
    with app.app_context():
        db.engine.dispose()
    return users == {"kept@example.org": ""}


def test_restore_refuses_a_file_that_is_not_a_database(tmp_path):
    app = _sqlite_app(tmp_path)
    bogus = tmp_path / "notes.txt"
    bogus.write_text("consult backup? no, a shopping list\n" * 100)
    result = app.test_cli_runner().invoke(args=["restore", str(bogus), "--yes"])
    assert result.exit_code != 0
    assert f"{bogus}: not a SQLite database" in result.output
    assert _kept(app)


def test_restore_refuses_a_sqlite_file_without_consult_tables(tmp_path):
    app = _sqlite_app(tmp_path)
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    result = app.test_cli_runner().invoke(args=["restore", str(other), "--yes"])
    assert result.exit_code != 0
    assert "not a consult database (missing tables: alembic_version, answers" in result.output
    assert _kept(app)


def test_restore_refuses_a_backup_from_an_unknown_schema_revision(tmp_path):
    app = _sqlite_app(tmp_path)
    runner = app.test_cli_runner()
    out = tmp_path / "future.sqlite"
    assert runner.invoke(args=["backup", "--out", str(out)]).exit_code == 0
    connection = sqlite3.connect(out)
    connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.commit()
    connection.close()
    result = runner.invoke(args=["restore", str(out), "--yes"])
    assert result.exit_code != 0
    assert "revision ffffffffffff is unknown" in result.output


def test_restore_of_a_missing_file_says_so(tmp_path):
    app = _sqlite_app(tmp_path)
    result = app.test_cli_runner().invoke(args=["restore", str(tmp_path / "nope.sqlite")])
    assert result.exit_code != 0
    assert "no such file" in result.output


def test_backup_does_not_overwrite_a_file_without_yes(tmp_path):
    app = _sqlite_app(tmp_path)
    runner = app.test_cli_runner()
    out = tmp_path / "kept.sqlite"
    out.write_bytes(b"an older backup")
    refused = runner.invoke(args=["backup", "--out", str(out)])
    assert refused.exit_code != 0
    assert "exists already" in refused.output
    assert out.read_bytes() == b"an older backup"
    assert runner.invoke(args=["backup", "--out", str(out), "--yes"]).exit_code == 0
    assert out.read_bytes().startswith(b"SQLite format 3")


def test_postgres_backup_without_out_prints_the_commands_without_the_password(tmp_path):
    url = "postgresql+psycopg://consult:s3cret-pw@db.internal:5432/consult"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(tmp_path)})
    result = app.test_cli_runner().invoke(args=["backup"])
    assert result.exit_code == 0, result.output
    assert "pg_dump --format=custom --no-owner --file consult-backup-" in result.output
    assert "--dbname postgresql://consult@db.internal:5432/consult" in result.output
    assert "pg_restore --clean --if-exists --no-owner" in result.output
    assert "s3cret-pw" not in result.output


def test_postgres_restore_refuses_a_file_that_is_not_a_dump(tmp_path, pg_database):
    require_commands("pg_dump", "pg_restore", package="postgresql-client")
    app = create_app({"SQLALCHEMY_DATABASE_URI": pg_database, "INSTANCE_PATH": str(tmp_path)})
    bogus = tmp_path / "bogus.dump"
    bogus.write_text("not a dump")
    result = app.test_cli_runner().invoke(args=["restore", str(bogus), "--yes"])
    assert result.exit_code != 0
    assert "not a pg_dump custom-format file" in result.output

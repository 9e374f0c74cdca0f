"""Database set-up: SQLite pragmas, Alembic upgrades, and the health check query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask
from sqlalchemy import String, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from consult import paths
from consult.extensions import db

MIGRATIONS = paths.shipped("migrations")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers work while a respondent's answer is written; the busy timeout makes a
    # writer wait for the lock instead of answering "database is locked".
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # SQLite's lower() knows only ASCII letters; searches in any script need all of them.
        dbapi_connection.create_function("consult_lower", 1, _lower, deterministic=True)


def _lower(value):
    return value.lower() if isinstance(value, str) else value


class lowered(FunctionElement):
    """``lower(x)`` for every script: PostgreSQL's own, SQLite's through a Python function
    registered on each connection (its built-in lowers ASCII letters only)."""

    type = String()
    inherit_cache = True
    name = "lowered"


@compiles(lowered)
def _lowered_default(element, compiler, **kw):
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(lowered, "sqlite")
def _lowered_sqlite(element, compiler, **kw):
    return f"consult_lower({compiler.process(element.clauses, **kw)})"


def init_app(app: Flask) -> None:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite:///"):
        # A SQLite URI filename (sqlite:///file:…?mode=ro&uri=true) names an existing file.
        if not uri.startswith("sqlite:///file:"):
            Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
        options.setdefault("connect_args", {"timeout": 30})
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(app: Flask, revision: str = "head") -> None:
    """Bring the app's database to `revision` by running the Alembic migrations."""
    with app.app_context():
        with db.engine.begin() as connection:
            config = alembic_config(app.config["SQLALCHEMY_DATABASE_URI"])
            config.attributes["connection"] = connection
            command.upgrade(config, revision)


def is_reachable() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any driver error means "not reachable" to a health check
        db.session.rollback()
        return False
    return True


def accepts_writes() -> bool:
    """True when the database takes a write: a row is inserted into the audit log and rolled
    back, so nothing is left. A server that answers reads but refuses writes (PostgreSQL in
    read-only mode or recovery, a full disk, a read-only SQLite file) gives False."""
    from consult.models import AuditEvent

    try:
        with db.engine.connect() as connection:
            transaction = connection.begin()
            try:
                connection.execute(
                    db.insert(AuditEvent).values(
                        action="health.check", object_type="", object_id="", details={}, ip=""
                    )
                )
            finally:
                transaction.rollback()
    except Exception:  # any driver error means the database cannot take writes now
        return False
    return True

"""Backup and restore of the consult database.

SQLite: the sqlite3 online backup API copies a consistent snapshot page by page while the app
keeps serving, and restores the same way into the configured file. PostgreSQL: pg_dump's
custom format and pg_restore, run when the client tools are installed; the exact commands are
always returned so an operator can run them by hand.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, make_url

#: Tables a consult database always has; a file without them is not one of ours.
REQUIRED_TABLES = frozenset(
    {"alembic_version", "users", "countries", "questionnaires", "responses", "answers"}
)


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass
class PostgresPlan:
    """The pg_dump or pg_restore command for a PostgreSQL database.

    `argv` is run with the password (if any) in `env` as PGPASSWORD, so it never shows in a
    process list; `display` is the same command to print, with no password in it.
    """

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)

    @property
    def display(self) -> str:
        return shlex.join(self.argv)


def is_sqlite(url: str) -> bool:
    """True when the SQLAlchemy URL `url` names a SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path:
    """The database file of a `sqlite:///…` URL; in-memory databases are refused."""
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("the database is in memory: there is no file to back up")
    return Path(database)


def backup_sqlite(url: str, out: Path, *, overwrite: bool = False) -> Path:
    """Copy the SQLite database at `url` into the new file `out`; returns `out`.

    Safe while the app is running: the backup API copies a consistent snapshot. The copy is
    written next to `out` first and renamed, so a failed backup never leaves a half file.
    """
    source_path = sqlite_path(url)
    if not source_path.exists():
        raise BackupError(f"{source_path}: no such database file")
    out = Path(out)
    if out.exists() and not overwrite:
        raise BackupError(f"{out}: exists already (use --yes to overwrite it)")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        # The live database runs in WAL mode; a backup is easier to move as one plain file.
        target.execute("PRAGMA journal_mode=DELETE")
        target.commit()
    finally:
        target.close()
        source.close()
    os.replace(partial, out)
    return out


def check_sqlite_backup(path: Path) -> str:
    """Check that `path` is a consult SQLite database; returns its Alembic revision.

    Raises BackupError naming what is wrong: missing file, not SQLite, not consult's schema.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            missing = sorted(REQUIRED_TABLES - tables)
            if missing:
                raise BackupError(
                    f"{path}: not a consult database (missing tables: {', '.join(missing)})"
                )
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: not a SQLite database ({error})") from error
    if revision is None:
        raise BackupError(f"{path}: not a consult database (no schema revision recorded)")
    _check_known_revision(path, revision[0])
    return revision[0]


def _check_known_revision(path: Path, revision: str) -> None:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    from consult.database import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    try:
        known = scripts.get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise BackupError(
            f"{path}: schema revision {revision} is unknown to this version of consult "
            "(the backup comes from a newer version; upgrade consult first)"
        )


def restore_sqlite(url: str, backup: Path) -> str:
    """Replace the SQLite database at `url` with the checked backup file `backup`.

    Copies with the backup API, which takes the database's write lock, so readers of the old
    file never see half a database. Returns the restored Alembic revision.
    """
    revision = check_sqlite_backup(backup)
    target_path = sqlite_path(url)
    target_path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{Path(backup)}?mode=ro", uri=True)
    target = sqlite3.connect(target_path, timeout=30)
    try:
        source.backup(target)
        target.commit()
    finally:
        target.close()
        source.close()
    return revision


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection URI for `url` without its password, and the password as env."""
    parsed: URL = make_url(url)
    env = {"PGPASSWORD": parsed.password} if parsed.password else {}
    plain = URL.create(
        "postgresql",
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return plain.render_as_string(hide_password=False), env


def pg_dump_plan(url: str, out: Path) -> PostgresPlan:
    """The pg_dump command writing the PostgreSQL database `url` to `out` (custom format)."""
    target, env = _libpq(url)
    argv = ["pg_dump", "--format=custom", "--no-owner", "--file", str(out), "--dbname", target]
    return PostgresPlan(argv, env)


def pg_restore_plan(url: str, backup: Path) -> PostgresPlan:
    """The pg_restore command replacing the PostgreSQL database `url` with `backup`."""
    target, env = _libpq(url)
    argv = [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--dbname",
        target,
        str(backup),
    ]
    return PostgresPlan(argv, env)


def postgres_tools_available() -> bool:
    """True when pg_dump and pg_restore are on PATH."""
    return shutil.which("pg_dump") is not None and shutil.which("pg_restore") is not None


def check_postgres_backup(path: Path) -> None:
    """Check with `pg_restore --list` that `path` is a custom-format dump of consult tables."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    listing = subprocess.run(
        ["pg_restore", "--list", str(path)], capture_output=True, text=True, check=False
    )
    if listing.returncode != 0:
        raise BackupError(
            f"{path}: not a pg_dump custom-format file ({listing.stderr.strip()[:300]})"
        )
    # Table entries read "<id>; <oid> <oid> TABLE <schema> <name> <owner>".
    tables = set()
    for line in listing.stdout.splitlines():
        parts = line.split()
        if not line.startswith(";") and len(parts) >= 6 and parts[3] == "TABLE":
            tables.add(parts[5])
    missing = sorted(REQUIRED_TABLES - tables)
    if missing:
        raise BackupError(f"{path}: not a consult database (missing tables: {', '.join(missing)})")


def backup_postgres(url: str, out: Path, *, overwrite: bool = False) -> PostgresPlan:
    """Dump the PostgreSQL database `url` into `out` with pg_dump; returns the plan it ran.

    Like the SQLite backup, the dump goes to a partial file that is renamed when complete.
    """
    out = Path(out)
    if out.exists() and not overwrite:
        raise BackupError(f"{out}: exists already (use --yes to overwrite it)")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        run_plan(pg_dump_plan(url, partial))
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return pg_dump_plan(url, out)


def restore_postgres(url: str, backup: Path) -> PostgresPlan:
    """Replace the PostgreSQL database `url` with the checked dump `backup`; returns the plan."""
    check_postgres_backup(backup)
    plan = pg_restore_plan(url, backup)
    run_plan(plan)
    return plan


def run_plan(plan: PostgresPlan) -> None:
    """Run a pg_dump/pg_restore plan; raises BackupError with the tool's message on failure."""
    result = subprocess.run(
        plan.argv, env={**os.environ, **plan.env}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{plan.argv[0]} failed: {result.stderr.strip()[:1000]}")


def default_backup_name(url: str) -> Path:
    """A time-stamped backup file name in the current folder, by database kind."""
    from consult.models import utcnow

    suffix = "sqlite" if is_sqlite(url) else "dump"
    return Path(f"consult-backup-{utcnow():%Y%m%d-%H%M%S}.{suffix}")

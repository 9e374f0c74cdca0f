"""`consult backup` and `consult restore` from the shell."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url

from consult import audit, media
from consult.backup.service import (
    BackupError,
    backup_postgres,
    backup_sqlite,
    check_postgres_backup,
    check_sqlite_backup,
    default_backup_name,
    is_sqlite,
    pg_dump_plan,
    pg_restore_plan,
    postgres_tools_available,
    restore_postgres,
    restore_sqlite,
    sqlite_path,
)
from consult.extensions import db


@click.command("backup")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write. SQLite default: consult-backup-<UTC time>.sqlite here. "
    "PostgreSQL: without --out the pg_dump command is only printed.",
)
@click.option("--yes", is_flag=True, help="Overwrite --out when it exists.")
@with_appcontext
def backup_command(out: Path | None, yes: bool) -> None:
    """Back up the database (safe while the app is running)."""
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    target = out or default_backup_name(url)
    try:
        if is_sqlite(url):
            written = backup_sqlite(url, target, overwrite=yes)
            click.echo(
                f"Backed up {sqlite_path(url)} to {written} ({written.stat().st_size} bytes)"
            )
            _export_media(written)
            click.echo(f"Restore with: consult restore {shlex.quote(str(written))} --yes")
            return
        dump = pg_dump_plan(url, target)
        if out is None or shutil.which("pg_dump") is None:
            click.echo("Back up PostgreSQL with (PGPASSWORD in the environment if needed):")
            click.echo(f"  {dump.display}")
            click.echo("Restore with:")
            click.echo(f"  {pg_restore_plan(url, target).display}")
            if out is not None:
                raise BackupError("pg_dump is not on PATH: install postgresql-client")
            return
        dump = backup_postgres(url, out, overwrite=yes)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up PostgreSQL to {out} ({out.stat().st_size} bytes) with:")
    click.echo(f"  {dump.display}")
    _export_media(out)
    click.echo(f"Restore with: consult restore {shlex.quote(str(out))} --yes")


def _export_media(backup: Path) -> None:
    """Answers' files kept outside the database (S3) go to a folder beside the backup."""
    folder = media.media_folder(backup)
    try:
        count = media.export_objects(db.session, folder)
    except media.StorageUnavailable as error:
        raise click.ClickException(f"answers' files not backed up: {error}") from error
    if count:
        click.echo(f"Copied {count} answers' files from the object store to {folder}")


def _import_media(backup: Path) -> None:
    folder = media.media_folder(backup)
    if not folder.is_dir():
        return
    count, problems = media.import_objects(db.session, folder)
    click.echo(f"Put {count} answers' files back into the object store from {folder}")
    if problems:
        click.echo(
            f"{len(problems)} files missing from {folder} or changed since the backup, "
            f"left as they are: {', '.join(problems[:10])}",
            err=True,
        )


@click.command("restore")
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Really replace every record of the database.")
@with_appcontext
def restore_command(backup_file: Path, yes: bool) -> None:
    """Replace the database with a backup made by `consult backup`.

    Stop the app servers first: requests during a restore may see the old data or fail.
    """

    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        if is_sqlite(url):
            revision = check_sqlite_backup(backup_file)
            target = str(sqlite_path(url))
        else:
            plan = pg_restore_plan(url, backup_file)
            if not postgres_tools_available():
                click.echo(f"Restore PostgreSQL with:\n  {plan.display}")
                raise BackupError("pg_restore is not on PATH: install postgresql-client")
            check_postgres_backup(backup_file)
            revision = ""
            target = make_url(url).render_as_string(hide_password=True)
        if not yes:
            raise BackupError(
                f"this replaces every record in {target} with {backup_file}; "
                "run again with --yes to go ahead"
            )
        # Pooled connections of this process must not hold the old database open.
        db.session.remove()
        db.engine.dispose()
        if is_sqlite(url):
            restore_sqlite(url, backup_file)
        else:
            click.echo(f"running: {restore_postgres(url, backup_file).display}")
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    _import_media(backup_file)
    audit.record("database.restore", "database", "", file=backup_file.name)
    db.session.commit()
    click.echo(
        f"Restored {target} from {backup_file}" + (f" (schema {revision})" if revision else "")
    )
    click.echo("Then run `consult init`: it brings an older backup's schema up to date.")

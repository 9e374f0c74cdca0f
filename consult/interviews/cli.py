"""`consult interviews …`: the spreadsheet import and the blank template from the shell."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from consult.extensions import db
from consult.interviews import importer
from consult.models import User

interviews_cli = AppGroup("interviews", help="Interviews and meetings logged by facilitators.")


@interviews_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--all-or-nothing",
    is_flag=True,
    help="Import nothing when any row has an error (default: import every valid record).",
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="Apply rows whose record was edited on the web since the file was made, replacing "
    "those edits (default: report them as conflicts and leave them alone).",
)
@click.option(
    "--as",
    "as_email",
    metavar="EMAIL",
    help="Import as this account: its countries limit what may be imported, and it is "
    "named in the audit log. Default: an operator with access to every country.",
)
def import_command(file: Path, all_or_nothing: bool, overwrite: bool, as_email: str | None) -> None:
    """Import interviews from a filled-in XLSX template (FILE.xlsx).

    Every row is checked first; each error is printed with its sheet, row and column, and
    each conflict (a record edited on the web since the file was made) with the fields that
    differ. Importing the same file again creates no duplicates (the record_id column).
    Exits with status 1 when there are errors or conflicts.
    """
    user = None
    if as_email:
        user = db.session.scalar(db.select(User).where(User.email == as_email.strip().lower()))
        if user is None or not user.active:
            raise click.ClickException(f"no active account with the e-mail {as_email}")
    with file.open("rb") as stream:
        report = importer.import_workbook(
            stream,
            user,
            all_or_nothing=all_or_nothing,
            overwrite=overwrite,
            filename=file.name,
        )
    db.session.commit()
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    for conflict in report.conflicts:
        click.echo(f"conflict: {conflict}", err=True)
    click.echo(
        f"created {len(report.created)}, updated {len(report.updated)}, "
        f"unchanged {len(report.unchanged)}, not imported {len(report.skipped)}, "
        f"errors {len(report.errors)}, conflicts {len(report.conflicts)}"
    )
    if report.errors or report.conflicts:
        raise SystemExit(1)


@interviews_cli.command("template")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def template_command(file: Path) -> None:
    """Write the blank XLSX import template to FILE."""
    file.write_bytes(importer.blank_template())
    click.echo(f"Template written to {file}")

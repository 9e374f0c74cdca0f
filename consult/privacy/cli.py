"""`consult privacy purge`: the retention purge from the shell, through the same service as
the secretariat's privacy page."""

from __future__ import annotations

from datetime import datetime

import click
from flask.cli import AppGroup, with_appcontext

from consult.extensions import db
from consult.privacy.service import PrivacyError, personal_questions, purge_personal_data

privacy_cli = AppGroup("privacy", help="Personal data: retention purge.")


@privacy_cli.command("purge")
@click.option(
    "--before",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Purge records older than this day (YYYY-MM-DD, UTC).",
)
@click.option("--questionnaire", "slug", default=None, help="Only this questionnaire (its slug).")
@click.option("--yes", is_flag=True, help="Really blank the data; without it, only report.")
@with_appcontext
def purge_command(before: datetime, slug: str | None, yes: bool) -> None:
    """Blank personal data of closed consultations, keeping the answers.

    Blanks the PERSONAL_QUESTIONS answers and resume tokens of old responses, invitees'
    names and e-mails, interview participants' names and audit-log IP addresses; deletes
    the files (photos, recordings, documents) of the old responses.
    A dry run unless --yes is given.
    """
    try:
        counts = purge_personal_data(before.date(), slug, apply=yes)
    except PrivacyError as error:
        raise click.ClickException(str(error)) from error
    verb = "Blanked" if yes else "Would blank"
    click.echo(f"{verb} (records before {before.date().isoformat()}):")
    click.echo(f"  personal answers ({', '.join(personal_questions())}): {counts.answers}")
    click.echo(f"  resume tokens: {counts.resume_tokens}")
    click.echo(f"  invitations (name, e-mail): {counts.invitations}")
    click.echo(f"  e-mails sent (address): {counts.mail_addresses}")
    click.echo(f"  answers' files (deleted): {counts.media_files}")
    if slug:
        click.echo("  interviews and audit log: left alone with --questionnaire")
    else:
        click.echo(f"  interview participants (name): {counts.participants}")
        click.echo(f"  audit events (IP address): {counts.audit_ips}")
    if yes:
        db.session.commit()
    else:
        click.echo("Dry run: nothing changed. Add --yes to blank these.")

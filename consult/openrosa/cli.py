"""``consult users set-collector-password`` and ``consult openrosa token …``: ODK Collect
credentials and collection links from the shell, through the same services as the pages."""

from __future__ import annotations

import click
from flask import current_app, url_for
from flask.cli import AppGroup

from consult.accounts import service as accounts
from consult.accounts.cli import users_cli
from consult.extensions import db
from consult.models import CollectorToken
from consult.openrosa import auth, service
from consult.questionnaires import get_questionnaire

openrosa_cli = AppGroup("openrosa", help="ODK Collect and KoboCollect: collection links.")
token_cli = AppGroup("token", help="Collection links (/openrosa/t/<token>) of a questionnaire.")
openrosa_cli.add_command(token_cli)


@users_cli.command("set-collector-password")
@click.argument("email")
@click.password_option(help="Prompted for when not given (at least 12 characters).")
def set_collector_password_command(email: str, password: str) -> None:
    """Set the password an account signs in with from ODK Collect or KoboCollect."""
    user = accounts.find_user(email)
    if user is None:
        raise click.ClickException(f"no account has the e-mail {email.strip().lower()}")
    if user.role not in auth.OPENROSA_ROLES:
        raise click.ClickException(f"a {user.role} account cannot use ODK Collect")
    try:
        auth.set_collector_password(user, password, by=None)
    except accounts.AccountError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"ODK Collect password set for {user.email} (user name: {user.email})")


def _questionnaire(slug: str):
    questionnaire = get_questionnaire(slug)
    if questionnaire is None:
        raise click.ClickException(f"no questionnaire at /s/{slug}")
    return questionnaire


@token_cli.command("create")
@click.argument("slug")
@click.option("--name", default="", help="Who or what the link is for.")
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True)
def create_token_command(slug: str, name: str, base_url: str) -> None:
    """Make a collection link for a questionnaire; the link is shown once."""
    questionnaire = _questionnaire(slug)
    row, token = service.create_collector_token(questionnaire, name, by=None)
    db.session.commit()
    with current_app.test_request_context(base_url=base_url):
        link = url_for("openrosa.token_form_list", token=token, _external=True)
    click.echo(f"Collection link {row.id}: server URL {link.removesuffix('/formList')}")


@token_cli.command("list")
@click.argument("slug")
def list_tokens_command(slug: str) -> None:
    """List a questionnaire's collection links (not the secrets)."""
    for row in service.collector_tokens(_questionnaire(slug)):
        state = "revoked" if row.revoked_at else "active"
        click.echo(f"{row.id}\t{state}\t{row.created_at:%Y-%m-%d}\t{row.name}")


@token_cli.command("revoke")
@click.argument("token_id", type=int)
def revoke_token_command(token_id: int) -> None:
    """Stop a collection link from working."""
    row = db.session.get(CollectorToken, token_id)
    if row is None:
        raise click.ClickException(f"no collection link {token_id}")
    service.revoke_collector_token(row, by=None)
    db.session.commit()
    click.echo(f"Collection link {token_id} revoked")

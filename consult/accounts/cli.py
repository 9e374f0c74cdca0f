"""`consult users …`: the account pages' work from the shell, through the same services."""

from __future__ import annotations

import click
from flask import current_app, url_for
from flask.cli import AppGroup

from consult.accounts import service
from consult.extensions import db
from consult.models import User
from consult.models.accounts import ROLES

users_cli = AppGroup("users", help="Manage secretariat and facilitator accounts.")


def _user(email: str) -> User:
    user = service.find_user(email)
    if user is None:
        raise click.ClickException(f"no account has the e-mail {email.strip().lower()}")
    return user


def _commit_or_fail(action) -> object:
    try:
        result = action()
    except service.AccountError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    return result


@users_cli.command("create")
@click.option("--email", required=True, help="Login e-mail address.")
@click.option(
    "--role",
    required=True,
    type=click.Choice(ROLES),
    help=(
        "admin = secretariat; facilitator = assigned countries only; collector = ODK Collect "
        "submissions for assigned countries, nothing else."
    ),
)
@click.option("--country", "countries", multiple=True, help="ISO code of an assigned country.")
@click.option("--name", default="", help="Display name.")
@click.password_option(help="Prompted for when not given (at least 12 characters).")
def create_user_command(
    email: str, role: str, countries: tuple[str, ...], name: str, password: str
) -> None:
    """Create an account; the password is asked for twice and stored hashed."""
    user = _commit_or_fail(
        lambda: service.create_user(email, password, role, list(countries), name=name)
    )
    click.echo(f"Created {user.role} {user.email}")


@users_cli.command("list")
def list_users_command() -> None:
    """List the accounts: e-mail, role, countries, state."""
    for user in db.session.scalars(db.select(User).order_by(User.email)):
        state = "active" if user.active else "deactivated"
        if user.active and service.locks(user):
            state = "locked for some addresses"
        countries = ",".join(sorted(user.country_codes)) or "-"
        click.echo(f"{user.email:<40} {user.role:<12} {countries:<20} {state}")


@users_cli.command("deactivate")
@click.argument("email")
def deactivate_command(email: str) -> None:
    """Stop an account from signing in and end its sessions (its records stay)."""
    user = _user(email)
    changed = _commit_or_fail(lambda: service.set_active(user, False, by=None))
    click.echo(f"Deactivated {user.email}" if changed else f"{user.email} was deactivated already")


@users_cli.command("reactivate")
@click.argument("email")
def reactivate_command(email: str) -> None:
    """Let a deactivated account sign in again."""
    user = _user(email)
    changed = _commit_or_fail(lambda: service.set_active(user, True, by=None))
    click.echo(f"Reactivated {user.email}" if changed else f"{user.email} was active already")


@users_cli.command("unlock")
@click.argument("email")
def unlock_command(email: str) -> None:
    """Lift the sign-in pauses that wrong passwords put on an account."""
    user = _user(email)
    count = _commit_or_fail(lambda: service.unlock(user, by=None))
    click.echo(f"Unlocked {user.email} ({count} address(es) were locked)")


@users_cli.command("set-role")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option(
    "--country",
    "countries",
    multiple=True,
    help="ISO code of an assigned country (repeat; replaces the current list when given).",
)
def set_role_command(email: str, role: str, countries: tuple[str, ...]) -> None:
    """Change an account's role and, with --country, its countries."""
    user = _user(email)
    codes = list(countries) if countries else sorted(user.country_codes)
    changed = _commit_or_fail(
        lambda: service.update_user(user, by=None, name=user.name, role=role, countries=codes)
    )
    click.echo(f"{user.email}: changed {', '.join(changed)}" if changed else "Nothing changed")


@users_cli.command("set-countries")
@click.argument("email")
@click.option("--country", "countries", multiple=True, required=True, help="ISO code (repeat).")
def set_countries_command(email: str, countries: tuple[str, ...]) -> None:
    """Replace the countries of an account."""
    user = _user(email)
    changed = _commit_or_fail(
        lambda: service.update_user(
            user, by=None, name=user.name, role=user.role, countries=list(countries)
        )
    )
    click.echo(f"{user.email}: changed {', '.join(changed)}" if changed else "Nothing changed")


@users_cli.command("reset-password")
@click.argument("email")
@click.option(
    "--link",
    is_flag=True,
    help="Print a one-time link for the user to choose a password, instead of asking for one.",
)
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True,
              help="Address of the site, for the link.")
def reset_password_command(email: str, link: bool, base_url: str) -> None:
    """Set a new password (asked for twice) or print a one-time password link; either way
    every session of the account ends."""
    user = _user(email)
    if link:
        token = _commit_or_fail(lambda: service.start_password_reset(user, by=None))
        with current_app.test_request_context(base_url=base_url):
            click.echo(url_for("auth.reset_password", token=token, _external=True))
        return
    password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    _commit_or_fail(
        lambda: service.set_password(user, password, by=None, action="user.password_reset")
    )
    click.echo(f"New password set for {user.email}; its sessions have ended")

"""The `consult` command line (also `flask --app consult`)."""

from __future__ import annotations

import os
import sys

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from consult.extensions import db


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or upgrade the database and load the reference data (safe to repeat)."""
    from consult.database import upgrade
    from consult.interviews.service import index_missing_interviews
    from consult.questionnaires import ensure_shipped_questionnaire
    from consult.reference import load_reference_data

    upgrade(current_app)
    added = load_reference_data()
    ensure_shipped_questionnaire()
    index_missing_interviews()
    db.session.commit()
    click.echo(f"Database ready: {_safe_url(current_app.config['SQLALCHEMY_DATABASE_URI'])}")
    click.echo(
        "Reference data: "
        + ", ".join(f"{table} +{count}" for table, count in added.items())
    )


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", type=int, default=None, help="Default: 2 × CPU cores + 1, at most 8.")
@click.option("--timeout", type=int, default=60, show_default=True)
def serve_command(host: str, port: int, workers: int | None, timeout: int) -> None:
    """Serve the app with gunicorn."""
    workers = workers or min(2 * (os.cpu_count() or 1) + 1, 8)
    click.echo(f"consult is serving on http://{host}:{port}/  (Ctrl+C to stop)")
    args = [
        "gunicorn",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--timeout",
        str(timeout),
        "--access-logfile",
        "-",
        "consult.wsgi:app",
    ]
    sys.stdout.flush()
    os.execvp(sys.executable, [sys.executable, "-m", *args])


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def init_app(app: Flask) -> None:
    """Every command: the app-wide ones here and each feature's group or commands."""
    from consult.accounts.cli import users_cli
    from consult.backup.cli import backup_command, restore_command
    from consult.demo.cli import seed_demo_command
    from consult.interviews.cli import interviews_cli
    from consult.openrosa.cli import openrosa_cli
    from consult.privacy.cli import privacy_cli
    from consult.questionnaires.cli import forms_cli
    from consult.responses.cli import responses_cli
    from consult.runs.cli import analyse_command, text_cli, worker_command

    for command in (
        init_command,
        serve_command,
        seed_demo_command,
        users_cli,
        forms_cli,
        responses_cli,
        interviews_cli,
        text_cli,
        analyse_command,
        worker_command,
        backup_command,
        restore_command,
        privacy_cli,
        openrosa_cli,
    ):
        app.cli.add_command(command)


def main() -> None:
    from consult import create_app

    cli = FlaskGroup(create_app=create_app, add_default_commands=False, add_version_option=False)
    cli.help = "consult: gap-and-needs consultations, interviews and threat analysis."
    cli.main(prog_name="consult")

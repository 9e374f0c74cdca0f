"""`consult seed-demo`: the demo data set from the shell."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from consult.extensions import db


@click.command("seed-demo")
@click.option("--seed", default=2026, show_default=True, help="Random seed; same seed, same data.")
@with_appcontext
def seed_demo_command(seed: int) -> None:
    """Add the demo data set (accounts, responses, interviews); existing data is kept."""
    from consult.demo.service import seed_demo

    summary = seed_demo(seed)
    db.session.commit()
    for table, count in summary.created.items():
        click.echo(f"demo {table}: +{count}")
    click.echo("Demo accounts (local demonstration only):")
    for email, role, password in summary.accounts:
        click.echo(f"  {role:<12} {email:<32} password: {password}")

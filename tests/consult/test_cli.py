import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from consult import create_app
from consult.extensions import db
from consult.models import Country, User

CONSULT = Path(sys.executable).parent / "consult"


def _command_paths(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _command_paths(command, (*prefix, name))


def test_console_script_help_lists_the_commands(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite'}"}
    result = subprocess.run(
        [str(CONSULT), "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    for name in ("init", "seed-demo", "users", "serve"):
        assert name in result.stdout


def test_every_subcommand_has_help(tmp_path):
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    runner = app.test_cli_runner()
    paths = list(_command_paths(app.cli))
    assert ("users", "create") in paths
    for path in paths:
        result = runner.invoke(args=[*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output


def test_init_creates_database_by_migrations_and_is_repeatable(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": url})
    runner = app.test_cli_runner()
    first = runner.invoke(args=["init"])
    assert first.exit_code == 0, first.output
    assert "countries +14" in first.output
    second = runner.invoke(args=["init"])
    assert second.exit_code == 0 and "countries +0" in second.output
    with app.app_context():
        assert db.session.query(Country).count() == 14
        db.engine.dispose()


@pytest.mark.usefixtures("app")
def test_seed_demo_is_idempotent_and_prints_accounts(app, runner):
    first = runner.invoke(args=["seed-demo", "--seed", "7"])
    assert first.exit_code == 0, first.output
    assert "secretariat@demo.consult" in first.output
    with app.app_context():
        users = db.session.query(User).count()
    second = runner.invoke(args=["seed-demo", "--seed", "7"])
    assert second.exit_code == 0
    with app.app_context():
        assert db.session.query(User).count() == users

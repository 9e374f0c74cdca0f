"""consult: participatory assessment of conservation gaps and needs."""

from __future__ import annotations

from typing import Any

from flask import Flask

from consult import paths
from consult.config import Config, instance_secret_key


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app; `config` overrides settings read from the environment."""
    config = dict(config or {})
    app = Flask(
        __name__,
        instance_path=config.pop("INSTANCE_PATH", None) or paths.default_instance_path(),
        template_folder=str(paths.shipped("templates")),
    )
    app.config.from_mapping(Config(app.instance_path).as_dict())
    app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)

    from consult import (
        cli,
        database,
        errors,
        highlight,
        i18n,
        inputs,
        logs,
        reference,
        security,
    )
    from consult.extensions import csrf, login_manager

    logs.init_app(app)
    database.init_app(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    security.init_app(app)
    inputs.init_app(app)
    i18n.init_app(app)
    reference.init_app(app)
    errors.init_app(app)
    highlight.init_app(app)
    _register_blueprints(app)
    cli.init_app(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from consult.api import bp as api_bp
    from consult.auth import bp as auth_bp
    from consult.interviews import bp as interviews_bp
    from consult.main import bp as main_bp
    from consult.openrosa import bp as openrosa_bp
    from consult.respond import bp as respond_bp
    from consult.secretariat import bp as secretariat_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(respond_bp, url_prefix="/s")
    app.register_blueprint(interviews_bp, url_prefix="/interviews")
    app.register_blueprint(secretariat_bp, url_prefix="/secretariat")
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(openrosa_bp, url_prefix="/openrosa")

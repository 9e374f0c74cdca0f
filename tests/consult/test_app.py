import os
from pathlib import Path

import pytest

from consult import create_app


def test_factory_applies_overrides_and_reads_database_url_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite'}")
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "MAX_CONTENT_LENGTH": 1234})
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.sqlite")
    assert app.config["MAX_CONTENT_LENGTH"] == 1234


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst")})
    expected = "sqlite:///" + str(tmp_path / "inst" / "consult.sqlite")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == expected


def test_generated_secret_key_is_kept_in_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path / "inst")})
    second = create_app({"INSTANCE_PATH": str(tmp_path / "inst")})
    other = create_app({"INSTANCE_PATH": str(tmp_path / "other")})
    key_file = Path(tmp_path / "inst" / "secret_key")
    assert key_file.read_text() == first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) >= 64
    assert other.config["SECRET_KEY"] != first.config["SECRET_KEY"]
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"


def test_secret_key_from_environment_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst")})
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "inst" / "secret_key").exists()


def test_healthz_reports_reachable_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"] == "reachable"


def test_healthz_is_503_when_the_database_refuses_writes(app, database_url, tmp_path):
    """Reads work, writes fail (a read-only server): submissions would fail, so the check
    fails too. The check itself leaves no row behind."""
    from sqlalchemy import create_engine, func, select, text
    from sqlalchemy.engine import make_url

    from consult.models import AuditEvent

    with app.app_context():
        from consult.extensions import db

        events = db.session.scalar(select(func.count()).select_from(AuditEvent))
    assert app.test_client().get("/healthz").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == events

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        read_only = f"sqlite:///file:{url.database}?mode=ro&uri=true"
        admin = None
    else:
        read_only = database_url
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(
                text(f'ALTER DATABASE "{url.database}" SET default_transaction_read_only = on')
            )
    try:
        frozen = create_app(
            {
                "INSTANCE_PATH": str(tmp_path / "ro"),
                "SQLALCHEMY_DATABASE_URI": read_only,
                "LOG_LEVEL": "CRITICAL",
            }
        )
        response = frozen.test_client().get("/healthz")
        with frozen.app_context():
            frozen.extensions["sqlalchemy"].engine.dispose()
    finally:
        if admin is not None:
            with admin.connect() as connection:
                connection.execute(
                    text(f'ALTER DATABASE "{url.database}" RESET default_transaction_read_only')
                )
            admin.dispose()
    assert response.status_code == 503
    assert response.json == {"status": "error", "database": "reachable", "writes": "refused"}


def test_healthz_is_503_when_database_is_unreachable(tmp_path):
    app = create_app(
        {
            "INSTANCE_PATH": str(tmp_path / "inst"),
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:9/none",
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 1}},
            "LOG_LEVEL": "CRITICAL",
        }
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


BLUEPRINTS = ["main", "auth", "respond", "interviews", "secretariat", "api"]


@pytest.mark.parametrize("blueprint", BLUEPRINTS)
def test_every_user_has_a_blueprint(tmp_path, blueprint):
    assert blueprint in create_app({"INSTANCE_PATH": str(tmp_path)}).blueprints


def test_home_page_is_served_with_local_assets_only(client):
    page = client.get("/").get_data(as_text=True)
    assert "/static/css/app.css" in page
    assert "http://" not in page and "https://" not in page
    with client.get("/static/css/app.css") as css:
        assert css.status_code == 200

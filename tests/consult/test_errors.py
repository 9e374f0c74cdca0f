import pytest

from consult import create_app


@pytest.fixture
def failing_app(tmp_path):
    app = create_app(
        {
            "INSTANCE_PATH": str(tmp_path),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}",
            "MAX_CONTENT_LENGTH": 1024,
            "LOG_LEVEL": "CRITICAL",
        }
    )

    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    @app.post("/upload-probe")
    def upload_probe():
        from flask import request

        return {"size": len(request.files["file"].read())}

    app.extensions["csrf"].exempt(upload_probe)
    return app


def _in_russian(app, *texts: str) -> list[str]:
    from flask_babel import force_locale, gettext

    with app.test_request_context(), force_locale("ru"):
        return [gettext(text) for text in texts]


def test_unknown_page_gets_friendly_404_in_the_users_language(app, client):
    response = client.get("/no/such/page?lang=ru")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert '<html lang="ru"' in html
    title, message = _in_russian(app, "Not found", "There is no page at this address.")
    assert title != "Not found" and message != "There is no page at this address."
    assert f"<h1>{title}</h1>" in html
    assert f"<p>{message}</p>" in html
    assert "Not found" not in html


def test_server_error_shows_no_stack_trace(failing_app):
    response = failing_app.test_client().get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "secret internal detail" not in html
    assert "Traceback" not in html
    assert "Something went wrong" in html


def test_too_large_upload_gets_413_page(failing_app):
    import io

    response = failing_app.test_client().post(
        "/upload-probe", data={"file": (io.BytesIO(b"x" * 5000), "big.xlsx")}
    )
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)


def test_api_errors_are_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json["error"]["code"] == 404


def test_wrong_method_gets_405_page(client):
    response = client.delete("/")
    assert response.status_code == 405
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "<h1>Not allowed</h1>" in html
    assert "<p>This page cannot be used that way.</p>" in html
    assert "Back to the start page" in html
    assert "Traceback" not in html and "Method Not Allowed" not in html
    assert "GET" in response.headers["Allow"], "a 405 names the methods that are allowed"


def test_forbidden_page_is_friendly(client, auth):
    auth.login("facilitator", ("KZ",))
    response = client.get("/secretariat/?lang=fa")
    assert response.status_code == 403
    assert 'dir="rtl"' in response.get_data(as_text=True)

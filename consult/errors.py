"""Error pages in the user's language, JSON errors under /api/ and to JSON requests, never a
stack trace."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from consult.inputs import InputRejected, InputTooLarge


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Bad request"), _("The request could not be understood. Please try again.")),
        403: (_("Not allowed"), _("Your account does not have access to this page.")),
        404: (_("Not found"), _("There is no page at this address.")),
        405: (_("Not allowed"), _("This page cannot be used that way.")),
        413: (
            _("File too large"),
            _("The upload is larger than the limit. Please send a smaller file."),
        ),
        429: (_("Too many requests"), _("Please wait a moment and try again.")),
        500: (
            _("Something went wrong"),
            _("The error has been logged. Nothing you saved before has been lost."),
        ),
    }


def render_error(code: int, detail: str | None = None):
    title, message = _messages().get(code, (_("Error"), ""))
    # A script that sent JSON (the API, the offline interview queue) reads JSON back.
    if request.path.startswith("/api/") or request.is_json:
        return {"error": {"code": code, "title": title, "message": detail or message}}, code
    if request.path.startswith("/openrosa/"):
        # ODK Collect shows the message of an OpenRosa response document.
        from consult.openrosa.documents import response_message
        from consult.openrosa.views import XML, openrosa_headers

        return response_message(detail or message), code, {"Content-Type": XML,
                                                           **openrosa_headers()}
    return (
        render_template("errors/error.html", code=code, title=title, message=detail or message),
        code,
    )


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(
            400, _("The form had expired or was sent from elsewhere. Please send it again.")
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        if isinstance(error, InputRejected | InputTooLarge):
            return render_error(error.code, error.description)
        body, code, *extra = render_error(error.code)
        # The exception's own headers belong on the friendly page too, as a 405's Allow.
        headers = [(name, value) for name, value in error.get_headers() if name != "Content-Type"]
        if extra:
            headers.extend(extra[0].items())
        return body, code, headers

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        if isinstance(error, HTTPException):
            return http_error(error)
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        try:
            from consult.extensions import db

            db.session.rollback()
        except Exception:  # a broken connection must not hide the original error
            app.logger.exception("rollback after error failed")
        return render_error(InternalServerError.code)

"""Read-only JSON API at /api/v1/."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from consult.api import views  # noqa: E402,F401

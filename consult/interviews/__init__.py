"""Facilitators logging interviews and consultation meetings."""

from flask import Blueprint

from consult.auth.roles import require_role_for_blueprint

bp = Blueprint("interviews", __name__)
require_role_for_blueprint(bp, "facilitator", "admin")

from consult.interviews import views  # noqa: E402,F401

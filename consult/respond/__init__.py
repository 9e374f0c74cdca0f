"""Stakeholders answering a questionnaire at /s/<slug>; no account needed."""

from flask import Blueprint

bp = Blueprint("respond", __name__)

from consult.respond import views  # noqa: E402,F401

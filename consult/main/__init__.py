"""Public pages: the home page (public questionnaires) and ``/healthz``."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from consult.main import views  # noqa: E402,F401
from consult.maps import views as _maps  # noqa: E402,F401

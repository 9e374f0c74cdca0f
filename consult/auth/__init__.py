"""The ``auth`` blueprint (``/auth``): signing in and out, passwords; role checks in
:mod:`consult.auth.roles`. The views live with the accounts feature."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from consult.accounts import views  # noqa: E402,F401

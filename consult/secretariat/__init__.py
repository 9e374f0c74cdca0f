"""The secretariat's pages: questionnaires, invitations, users, analysis."""

from flask import Blueprint

from consult.auth.roles import require_role_for_blueprint

bp = Blueprint("secretariat", __name__)
require_role_for_blueprint(bp, "admin")

from consult.accounts import views as _accounts_views  # noqa: E402,F401
from consult.secretariat import analysis, privacy, questionnaires, routes  # noqa: E402,F401

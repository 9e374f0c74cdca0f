"""The secretariat's blueprint (``/secretariat``, administrators only): the overview here;
each feature's pages register on it from the feature's folder."""

from flask import Blueprint

from consult.auth.roles import require_role_for_blueprint

bp = Blueprint("secretariat", __name__)
require_role_for_blueprint(bp, "admin")

# Each feature's views attach themselves to ``bp`` when imported.
from consult.accounts import views as _accounts  # noqa: E402,F401
from consult.coding import views as _coding  # noqa: E402,F401
from consult.invitations import views as _invitations  # noqa: E402,F401
from consult.mail import views as _mail  # noqa: E402,F401
from consult.maps import views as _maps  # noqa: E402,F401
from consult.media import views as _media  # noqa: E402,F401
from consult.openrosa import secretariat_views as _openrosa  # noqa: E402,F401
from consult.privacy import views as _privacy  # noqa: E402,F401
from consult.questionnaires import preview as _preview  # noqa: E402,F401
from consult.questionnaires import views as _questionnaires  # noqa: E402,F401
from consult.responses import views as _responses  # noqa: E402,F401
from consult.runs import views as _runs  # noqa: E402,F401
from consult.secretariat import views as _overview  # noqa: E402,F401

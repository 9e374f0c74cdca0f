"""Flask extensions, created unbound and initialised in the application factory."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from consult.models.base import Base

db = SQLAlchemy(model_class=Base)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()


@login_manager.user_loader
def _load_user(session_id: str):
    """The account of a session id ``"<user id>.<session version>"`` (see ``User.get_id``):
    None when the account is inactive or its sessions were ended since the id was issued."""
    from consult.models import User

    user_id, _, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()) or len(session_id) > 40:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    if user.role == "collector":
        # Collectors have no web session: their credentials open /openrosa only.
        return None
    return user


login_manager.login_view = "auth.login"
login_manager.login_message = None

from pathlib import Path

from flask import Response, current_app, render_template

from consult.database import accepts_writes, is_reachable
from consult.extensions import db
from consult.main import bp
from consult.models import Questionnaire


@bp.route("/")
def index():
    questionnaires = db.session.scalars(
        db.select(Questionnaire).where(Questionnaire.public.is_(True)).order_by(Questionnaire.title)
    ).all()
    return render_template("main/index.html", questionnaires=questionnaires)


@bp.route("/healthz")
def healthz():
    """200 when the database answers and takes writes (submissions would succeed)."""
    if not is_reachable():
        return {"status": "error", "database": "unreachable"}, 503
    if not accepts_writes():
        return {"status": "error", "database": "reachable", "writes": "refused"}, 503
    return {"status": "ok", "database": "reachable", "writes": "accepted"}, 200


@bp.route("/favicon.ico")
def favicon():
    """The site's icon where browsers look for it without a link (the pages link the SVG).
    A few hundred bytes, read once and answered from memory."""
    data = current_app.extensions.get("consult.favicon")
    if data is None:
        data = (Path(current_app.static_folder) / "favicon.ico").read_bytes()
        current_app.extensions["consult.favicon"] = data
    response = Response(data, mimetype="image/vnd.microsoft.icon")
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response

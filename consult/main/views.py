from flask import render_template

from consult.database import accepts_writes, is_reachable
from consult.extensions import db
from consult.main import bp
from consult.models import Questionnaire


@bp.route("/")
def index():
    questionnaires = db.session.scalars(
        db.select(Questionnaire)
        .where(Questionnaire.public.is_(True), Questionnaire.current_version_id.is_not(None))
        .order_by(Questionnaire.title)
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

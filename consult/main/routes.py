from flask import render_template

from consult.database import is_reachable
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
    if is_reachable():
        return {"status": "ok", "database": "reachable"}, 200
    return {"status": "error", "database": "unreachable"}, 503

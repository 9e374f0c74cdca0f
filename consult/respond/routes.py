from flask import abort, render_template

from consult.extensions import db
from consult.models import Questionnaire
from consult.respond import bp


@bp.route("/<slug>")
def start(slug: str):
    questionnaire = db.session.scalar(db.select(Questionnaire).where(Questionnaire.slug == slug))
    if questionnaire is None or questionnaire.current_version is None:
        abort(404)
    return render_template("respond/start.html", questionnaire=questionnaire)

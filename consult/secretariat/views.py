from flask import render_template
from sqlalchemy import func

from consult.extensions import db
from consult.models import AuditEvent, Interview, Questionnaire, Response, User
from consult.secretariat import bp


@bp.route("/")
def index():
    def count(model, *where):
        return db.session.scalar(db.select(func.count()).select_from(model).where(*where))

    counts = {
        "questionnaires": count(Questionnaire),
        "responses": count(Response, Response.status == "submitted"),
        "drafts": count(Response, Response.status == "draft"),
        "interviews": count(Interview),
        "users": count(User),
    }
    recent = db.session.scalars(
        db.select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(10)
    ).all()
    return render_template("secretariat/index.html", counts=counts, recent=recent)

from flask import render_template
from flask_login import current_user

from consult.extensions import db
from consult.interviews import bp
from consult.models import Interview


@bp.route("/")
def index():
    query = db.select(Interview).order_by(Interview.date.desc(), Interview.id.desc())
    if not current_user.is_admin:
        query = query.where(Interview.country_code.in_(current_user.country_codes))
    interviews = db.session.scalars(query.limit(50)).all()
    return render_template("interviews/index.html", interviews=interviews)

"""The secretariat's privacy page: what personal data the system holds, and the purge."""

from datetime import date

from flask import render_template, request
from flask_babel import gettext as _

from consult.extensions import db
from consult.i18n import current_language
from consult.models import Questionnaire
from consult.privacy.service import (
    PrivacyError,
    personal_data_counts,
    personal_questions,
    purge_command_line,
    purge_personal_data,
)
from consult.secretariat import bp


def _named(questions: list[str], questionnaires: list[Questionnaire]) -> list[str]:
    """Each personal question as "its label (its name)": the label in the reader's language
    from the first questionnaire whose current version asks it; the name alone otherwise."""
    from consult.questionnaires import load_version_form
    from consult.respond.page_view import plain_label

    lang = current_language()
    forms = []
    for questionnaire in questionnaires:
        version = questionnaire.current_version
        if version is None:
            continue
        try:
            forms.append(load_version_form(version))
        except (ValueError, KeyError):  # a stored form this engine cannot read
            continue
    named = []
    for name in questions:
        label = next(
            (plain_label(form, form.questions[name], lang)
             for form in forms if name in form.questions),
            name,
        )  # fmt: skip
        named.append(f"{label} ({name})" if label != name else name)
    return named


@bp.route("/privacy")
def privacy():
    """Counts of personal data held, and a dry run of the purge for a chosen day."""
    questionnaires = db.session.scalars(
        db.select(Questionnaire).order_by(Questionnaire.title)
    ).all()
    before_text = request.args.get("before", "").strip()
    slug = request.args.get("questionnaire", "").strip() or None
    preview = command = error = None
    if before_text:
        try:
            before = date.fromisoformat(before_text)
        except ValueError:
            error = _("before: '%(value)s' is not a date (YYYY-MM-DD)", value=before_text)
        else:
            try:
                preview = purge_personal_data(before, slug, apply=False)
            except PrivacyError:
                error = _("questionnaire: no questionnaire with the slug '%(slug)s'", slug=slug)
            else:
                command = purge_command_line(before, slug)
    return render_template(
        "privacy/privacy.html",
        counts=personal_data_counts(),
        questions=_named(personal_questions(), questionnaires),
        questionnaires=questionnaires,
        before=before_text,
        slug=slug or "",
        preview=preview,
        command=command,
        error=error,
    ), (400 if error else 200)

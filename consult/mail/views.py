"""The secretariat's e-mail pages of a questionnaire: write an invitation or reminder in
each language, send it in batches with the progress shown, see what failed, and (without a
mail server) the links to give by hand. Views on the ``secretariat`` blueprint."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from consult.extensions import db
from consult.mail.service import (
    MAX_BODY,
    MAX_SUBJECT,
    PLACEHOLDERS,
    MailError,
    link_rows,
    mail_configured,
    mailing_counts,
    queue_mailing,
    retry_failed,
    send_pending,
    unknown_placeholders,
)
from consult.models import Mail, Mailing, Questionnaire
from consult.questionnaires.forms import ConfirmForm
from consult.questionnaires.service import load_version_form
from consult.questionnaires.views import questionnaire_or_404
from consult.secretariat import bp
from consult.security import database_int

KINDS = ("invitation", "reminder")
FAILURES_PER_PAGE = 100


def _languages(questionnaire: Questionnaire) -> tuple[list[str], str]:
    """The published form's languages (default first) and its default language."""
    if questionnaire.current_version is None:
        return ["en"], "en"
    form = load_version_form(questionnaire.current_version)
    codes = list(form.languages) or [form.default_language]
    if form.default_language in codes:
        codes.remove(form.default_language)
        codes.insert(0, form.default_language)
    return codes, form.default_language


def _default_message(kind: str, language: str, interface: list[str]) -> dict[str, str]:
    """A starting text in ``language`` where the interface speaks it, else empty."""
    if language not in interface:
        return {"subject": "", "body": ""}
    with force_locale(language):
        if kind == "reminder":
            return {
                "subject": _("Reminder: %(title)s", title="{questionnaire}"),
                "body": _(
                    "Dear {name},\n\nwe have not yet received your answers to "
                    "“{questionnaire}”. Your view counts: please answer by {deadline} with "
                    "your personal link:\n\n{link}\n\nThank you."
                ),
            }
        return {
            "subject": _("Invitation: %(title)s", title="{questionnaire}"),
            "body": _(
                "Dear {name},\n\nthe programme invites you to answer “{questionnaire}”. "
                "Your link is personal; your answers are saved on every page:\n\n{link}\n\n"
                "Please answer by {deadline}. Thank you."
            ),
        }


def _previous(questionnaire: Questionnaire, kind: str) -> Mailing | None:
    return db.session.scalar(
        db.select(Mailing)
        .where(Mailing.questionnaire_id == questionnaire.id, Mailing.kind == kind)
        .order_by(Mailing.id.desc())
        .limit(1)
    )


def _read_messages(codes: list[str], default: str) -> tuple[dict, dict[str, str]]:
    """The subjects and bodies posted, and the errors by field name."""
    messages, errors = {}, {}
    for code in codes:
        subject = (request.form.get(f"subject-{code}") or "").strip()
        body = (request.form.get(f"body-{code}") or "").replace("\r\n", "\n").strip()
        if not subject and not body:
            continue
        if len(subject) > MAX_SUBJECT:
            errors[f"subject-{code}"] = _(
                "Subject (%(code)s): at most %(n)d characters.", code=code, n=MAX_SUBJECT
            )
        if "\n" in subject or "\r" in subject:
            errors[f"subject-{code}"] = _("Subject (%(code)s): one line only.", code=code)
        if len(body) > MAX_BODY:
            errors[f"body-{code}"] = _(
                "Message (%(code)s): at most %(n)d characters.", code=code, n=MAX_BODY
            )
        if not subject or not body:
            key = f"subject-{code}" if not subject else f"body-{code}"
            errors[key] = _("%(code)s: write both the subject and the message.", code=code)
        for key, text in ((f"subject-{code}", subject), (f"body-{code}", body)):
            unknown = unknown_placeholders(text)
            if unknown:
                errors[key] = _(
                    "%(code)s: unknown placeholder %(names)s; the placeholders are "
                    "%(known)s.",
                    code=code,
                    names=", ".join("{" + n + "}" for n in unknown),
                    known=", ".join("{" + n + "}" for n in PLACEHOLDERS),
                )
        messages[code] = {"subject": subject, "body": body}
    if default not in messages and f"body-{default}" not in errors:
        errors[f"body-{default}"] = _(
            "%(code)s: the message in the questionnaire's default language is needed (the "
            "others fall back to it).",
            code=default,
        )
    return messages, errors


def _deadline() -> tuple[date | None, str | None]:
    text = (request.form.get("deadline") or "").strip()
    if not text:
        return None, None
    try:
        return date.fromisoformat(text[:10]), None
    except ValueError:
        return None, _("Deadline: '%(text)s' is not a date (YYYY-MM-DD).", text=text[:20])


def _compose_page(questionnaire: Questionnaire, kind: str, errors=None, posted=None, status=200):
    codes, default = _languages(questionnaire)
    previous = _previous(questionnaire, kind)
    interface = list(current_app.config["LANGUAGES"])
    if posted is not None:
        messages = posted
    elif previous is not None:
        messages = previous.messages
    else:
        messages = {code: _default_message(kind, code, interface) for code in codes}
    mailings = db.session.scalars(
        db.select(Mailing)
        .where(Mailing.questionnaire_id == questionnaire.id)
        .order_by(Mailing.id.desc())
        .limit(20)
    ).all()
    configured = mail_configured()
    return (
        render_template(
            "mail/compose.html",
            questionnaire=questionnaire,
            kind=kind,
            kinds=KINDS,
            codes=codes,
            default=default,
            messages=messages,
            deadline=request.form.get("deadline", "")
            or (previous.deadline.isoformat() if previous and previous.deadline else ""),
            errors=errors or {},
            placeholders=", ".join("{" + name + "}" for name in PLACEHOLDERS),
            configured=configured,
            rows=link_rows(questionnaire, kind),
            mailings=[(m, mailing_counts(m)) for m in mailings],
            confirm=ConfirmForm(),
        ),
        status,
    )


def _kind() -> str:
    kind = request.values.get("kind", "invitation")
    return kind if kind in KINDS else "invitation"


@bp.route("/questionnaires/<slug>/mail/", methods=["GET"])
def compose_mail(slug: str):
    """Write an invitation or reminder (``?kind=``); without a mail server, the links."""
    return _compose_page(questionnaire_or_404(slug), _kind())


@bp.route("/questionnaires/<slug>/mail/", methods=["POST"])
def queue_mail(slug: str):
    """Save the message and queue one mail per recipient, then go to its progress page."""
    questionnaire = questionnaire_or_404(slug)
    kind = _kind()
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not mail_configured():
        return _compose_page(
            questionnaire, kind, {"": _("No mail server is configured.")}, status=400
        )
    codes, default = _languages(questionnaire)
    messages, errors = _read_messages(codes, default)
    deadline, problem = _deadline()
    if problem:
        errors["deadline"] = problem
    if errors:
        return _compose_page(questionnaire, kind, errors, posted=messages, status=400)
    try:
        mailing = queue_mailing(
            questionnaire,
            kind,
            messages,
            deadline=deadline,
            user=current_user._get_current_object(),
        )
    except MailError as error:
        db.session.rollback()
        return _compose_page(questionnaire, kind, {"": str(error)}, posted=messages, status=400)
    db.session.commit()
    return redirect(url_for("secretariat.show_mailing", slug=slug, mailing_id=mailing.id))


def _mailing_or_404(questionnaire: Questionnaire, mailing_id: int) -> Mailing:
    mailing = db.session.get(Mailing, mailing_id)
    if mailing is None or mailing.questionnaire_id != questionnaire.id:
        abort(404)
    return mailing


@bp.route("/questionnaires/<slug>/mail/<int:mailing_id>")
def show_mailing(slug: str, mailing_id: int):
    """Progress of a mailing and its failures, each with the server's reason."""
    questionnaire = questionnaire_or_404(slug)
    mailing = _mailing_or_404(questionnaire, mailing_id)
    page = request.args.get("page", 1, type=database_int)
    failures = db.paginate(
        db.select(Mail)
        .where(Mail.mailing_id == mailing.id, Mail.status == "failed")
        .order_by(Mail.id),
        page=page,
        per_page=FAILURES_PER_PAGE,
        error_out=False,
    )
    return render_template(
        "mail/mailing.html",
        questionnaire=questionnaire,
        mailing=mailing,
        counts=mailing_counts(mailing),
        failures=failures,
        configured=mail_configured(),
        confirm=ConfirmForm(),
    )


@bp.route("/questionnaires/<slug>/mail/<int:mailing_id>/send", methods=["POST"])
def send_mailing(slug: str, mailing_id: int):
    """Send the next batch of a mailing; the page asks for the next until none is left."""
    questionnaire = questionnaire_or_404(slug)
    mailing = _mailing_or_404(questionnaire, mailing_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not mail_configured():
        flash(_("No mail server is configured: nothing was sent."), "error")
        return redirect(url_for("secretariat.show_mailing", slug=slug, mailing_id=mailing_id))
    problem = send_pending(
        mailing, user=current_user._get_current_object(), after_each=db.session.commit
    )
    db.session.commit()
    if problem:
        flash(
            _(
                "The mail server could not be used (%(reason)s); the remaining mails wait. "
                "Try again later.",
                reason=problem,
            ),
            "error",
        )
    return redirect(url_for("secretariat.show_mailing", slug=slug, mailing_id=mailing_id))


@bp.route("/questionnaires/<slug>/mail/<int:mailing_id>/retry", methods=["POST"])
def retry_mailing(slug: str, mailing_id: int):
    """Queue the failed mails of a mailing again (after correcting the addresses)."""
    questionnaire = questionnaire_or_404(slug)
    mailing = _mailing_or_404(questionnaire, mailing_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    n = retry_failed(mailing, user=current_user._get_current_object())
    db.session.commit()
    flash(_("%(n)d mails wait to be sent again.", n=n))
    return redirect(url_for("secretariat.show_mailing", slug=slug, mailing_id=mailing_id))

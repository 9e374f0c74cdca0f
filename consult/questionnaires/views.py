"""The secretariat's questionnaire pages: XLSForm upload and download, versions, the public
link, translations (views on the ``secretariat`` blueprint)."""

from __future__ import annotations

import io
from collections import Counter

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from consult.extensions import db
from consult.inputs import read_upload
from consult.models import (
    Questionnaire,
    QuestionnaireVersion,
)
from consult.questionnaires.forms import PublicForm, PublishForm, UploadForm
from consult.questionnaires.service import (
    QuestionnaireError,
    form_issues,
    get_questionnaire,
    get_version,
    import_questionnaire,
    load_version_form,
    max_upload_bytes,
    publish_version,
    set_public,
    version_xlsx,
    xlsx_filename,
)
from consult.reference import languages
from consult.responses.review import response_counts
from consult.secretariat import bp
from consult.spreadsheets import XLSX_MIMETYPE
from surveys.attachments import MAX_ATTACHMENT_BYTES
from surveys.model import Form
from surveys.translations import coverage
from surveys.xlsform import FormError, xlsx_with_language


@bp.app_template_filter("questionnaire_title")
def questionnaire_title(questionnaire: Questionnaire) -> str:
    """The questionnaire's title in the reader's language: its current version's
    ``form_title::…`` of that language, else its title."""
    from consult.i18n import current_language

    if questionnaire.current_version_id is None:
        return questionnaire.title
    version = db.session.get(QuestionnaireVersion, questionnaire.current_version_id)
    if version is None:
        return questionnaire.title
    try:
        form = load_version_form(version)
    except ValueError:
        return questionnaire.title
    # The questionnaire's own title unless the form has one of its own in this language.
    lang = current_language()
    titled = {
        code for code in form.setting_languages("form_title") if code != form.default_language
    }
    if not any(code == lang or code.split("-")[0] == lang for code in titled):
        return questionnaire.title
    return form.title_in(lang) or questionnaire.title

#: Kinds of text on the translation page: the coverage kinds each one counts.
TEXT_KINDS = {
    "labels": ("label",),
    "hints": ("hint",),
    "messages": ("constraint_message", "required_message"),
    "choices": ("choice",),
}


def questionnaire_or_404(slug: str) -> Questionnaire:
    """The questionnaire called ``slug``, or a 404."""
    questionnaire = get_questionnaire(slug)
    if questionnaire is None:
        abort(404)
    return questionnaire


def version_or_404(questionnaire: Questionnaire, number: int | None) -> QuestionnaireVersion:
    """Version ``number`` of ``questionnaire`` (the current one for None), or a 404."""
    try:
        return get_version(questionnaire, number)
    except QuestionnaireError:
        abort(404)


def respond_url(questionnaire: Questionnaire) -> str:
    """The respondents' address of a questionnaire."""
    return url_for("respond.start", slug=questionnaire.slug, _external=True)




def _list_page(form: UploadForm, issues=None, message: str | None = None, status: int = 200):
    questionnaires = db.session.scalars(
        db.select(Questionnaire)
        .options(selectinload(Questionnaire.versions))
        .order_by(Questionnaire.title)
    ).all()
    counts = {q.id: response_counts(q) for q in questionnaires}
    return (
        render_template(
            "questionnaires/questionnaires.html",
            questionnaires=questionnaires,
            counts=counts,
            form=form,
            issues=issues or [],
            message=message,
            max_kb=max_upload_bytes() // 1024,
            respond_url=respond_url,
        ),
        status,
    )


@bp.route("/questionnaires/")
def list_questionnaires():
    return _list_page(UploadForm())


@bp.route("/questionnaires/upload", methods=["POST"])
def upload_questionnaire():
    """Import an XLSForm as a draft: a new questionnaire, or a new version when the form_id
    is known. The draft is previewed, then published from the questionnaire's page."""
    form = UploadForm()
    expected = request.form.get("expected_form_id") or None
    back = get_questionnaire(request.form.get("back", "")) if request.form.get("back") else None

    def failed(issues=None, message=None):
        db.session.rollback()
        if back is not None:
            return _questionnaire_page(back, form, issues=issues, message=message, status=400)
        return _list_page(form, issues=issues, message=message, status=400)

    if not form.validate_on_submit():
        return failed()
    limit = max_upload_bytes()
    data = read_upload(form.file.data, limit)
    if data is None:
        return failed(
            message=_("The file is larger than the limit of %(kb)d KB.", kb=limit // 1024)
        )
    filename = form.file.data.filename or "form.xlsx"
    attachments = {}
    for upload in form.attachments.data or []:
        if not getattr(upload, "filename", ""):
            continue
        content = read_upload(upload, MAX_ATTACHMENT_BYTES)
        if content is None:
            return failed(
                message=_(
                    "The attachment %(name)s is larger than the limit of %(kb)d KB.",
                    name=upload.filename,
                    kb=MAX_ATTACHMENT_BYTES // 1024,
                )
            )
        attachments[upload.filename] = content
    try:
        result = import_questionnaire(
            data,
            filename,
            user=current_user._get_current_object(),
            slug=form.slug.data or None,
            expected_form_id=expected,
            attachments=attachments,
            publish=False,
        )
    except FormError as error:
        return failed(issues=form_issues(error))
    except QuestionnaireError as error:
        return failed(message=str(error))
    db.session.commit()
    version = result.version
    return render_template(
        "questionnaires/questionnaire_imported.html",
        version=version,
        questionnaire=version.questionnaire,
        form=load_version_form(version),
        result=result,
        warnings=result.warnings,
        created=result.created,
        respond_url=respond_url(version.questionnaire),
        publish_form=PublishForm(),
    )


def _questionnaire_page(
    questionnaire: Questionnaire,
    upload: UploadForm,
    issues=None,
    message=None,
    status=200,
    publish_form=None,
):
    return (
        render_template(
            "questionnaires/questionnaire.html",
            questionnaire=questionnaire,
            counts=response_counts(questionnaire),
            forms={v.id: load_version_form(v) for v in questionnaire.versions},
            upload=upload,
            public_form=PublicForm(public=questionnaire.public),
            publish_form=publish_form or PublishForm(),
            issues=issues or [],
            message=message,
            max_kb=max_upload_bytes() // 1024,
            respond_url=respond_url(questionnaire),
        ),
        status,
    )


@bp.route("/questionnaires/<slug>/")
def show_questionnaire(slug: str):
    return _questionnaire_page(questionnaire_or_404(slug), UploadForm())


@bp.route("/questionnaires/<slug>/xlsx")
def download_questionnaire(slug: str):
    """The current version's workbook, or ``?version=N``'s."""
    questionnaire = questionnaire_or_404(slug)
    number = request.args.get("version", type=int)
    version = version_or_404(questionnaire, number)
    return send_file(
        io.BytesIO(version_xlsx(version)),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name=xlsx_filename(version),
    )


@bp.route("/questionnaires/<slug>/versions/<int:number>/publish", methods=["POST"])
def publish_questionnaire_version(slug: str, number: int):
    """Publish a draft version (the confirmation box ticked): respondents get it from now."""
    questionnaire = questionnaire_or_404(slug)
    version = version_or_404(questionnaire, number)
    form = PublishForm()
    if not form.validate_on_submit():
        message = "; ".join(str(e) for e in form.confirm.errors) or _("The form has expired.")
        return _questionnaire_page(
            questionnaire, UploadForm(), message=message, status=400, publish_form=form
        )
    try:
        publish_version(version, user=current_user._get_current_object())
    except QuestionnaireError as error:
        db.session.rollback()
        return _questionnaire_page(questionnaire, UploadForm(), message=str(error), status=400)
    db.session.commit()
    flash(
        _(
            "Version %(n)d is published: respondents answer it from now on at %(url)s.",
            n=version.number,
            url=respond_url(questionnaire),
        )
    )
    return redirect(url_for("secretariat.show_questionnaire", slug=slug))


@bp.route("/questionnaires/<slug>/public", methods=["POST"])
def toggle_public(slug: str):
    questionnaire = questionnaire_or_404(slug)
    form = PublicForm()
    if not form.validate_on_submit():
        abort(400)
    set_public(questionnaire, bool(form.public.data), user=current_user._get_current_object())
    db.session.commit()
    if questionnaire.public:
        flash(_("Anyone with the link %(url)s may answer.", url=respond_url(questionnaire)))
    else:
        flash(_("The public link is closed; only invitation links work."))
    return redirect(url_for("secretariat.show_questionnaire", slug=slug))


# -- translations ----------------------------------------------------------------------


def _kind_shares(form: Form) -> list[dict]:
    """Per language: total and translated texts per kind of :data:`TEXT_KINDS`."""
    totals = Counter()
    for group in form.groups.values():
        totals["label"] += any(t.strip() for t in group.labels.values())
        totals["hint"] += any(t.strip() for t in group.hints.values())
    for question in form.questions.values():
        if question.generated:
            continue
        totals["label"] += any(t.strip() for t in question.labels.values())
        totals["hint"] += any(t.strip() for t in question.hints.values())
        totals["constraint_message"] += any(t.strip() for t in question.constraint_message.values())
        totals["required_message"] += any(t.strip() for t in question.required_message.values())
    for choices in form.choices.values():
        totals["choice"] += sum(any(t.strip() for t in c.labels.values()) for c in choices)
    rows = []
    for item in coverage(form):
        missing = Counter(kind for kind, _name, _column in item.missing)
        kinds = {}
        for label, parts in TEXT_KINDS.items():
            total = sum(totals[p] for p in parts)
            done = total - sum(missing[p] for p in parts)
            kinds[label] = (done, total, done / total if total else 1.0)
        rows.append({"coverage": item, "kinds": kinds})
    return rows


@bp.route("/questionnaires/<slug>/translations")
def show_translations(slug: str):
    questionnaire = questionnaire_or_404(slug)
    version = version_or_404(questionnaire, request.args.get("version", type=int))
    form = load_version_form(version)
    known = [lang for lang in languages() if lang["code"] not in form.languages]
    return render_template(
        "questionnaires/translations.html",
        questionnaire=questionnaire,
        version=version,
        form=form,
        rows=_kind_shares(form),
        new_languages=known,
        upload=UploadForm(),
        max_kb=max_upload_bytes() // 1024,
    )


@bp.route("/questionnaires/<slug>/translations/xlsx")
def download_translation_workbook(slug: str):
    """The workbook with empty columns for ``?code=`` (named ``?name=`` or by its native
    name), for translators to fill in and upload as a new version."""
    questionnaire = questionnaire_or_404(slug)
    version = version_or_404(questionnaire, request.args.get("version", type=int))
    code = (request.args.get("other_code") or request.args.get("code") or "").strip()
    name = (request.args.get("name") or "").strip()
    if not name:
        name = next((lang["native"] for lang in languages() if lang["code"] == code), code)
    try:
        data = xlsx_with_language(load_version_form(version), code, name)
    except ValueError:
        flash(
            _("'%(code)s' / '%(name)s' is not a language code and name.", code=code, name=name),
            "error",
        )
        return redirect(url_for("secretariat.show_translations", slug=slug))
    return send_file(
        io.BytesIO(data),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name=f"{questionnaire.slug}-v{version.number}-{code}.xlsx",
    )


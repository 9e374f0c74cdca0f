"""The secretariat's response pages: the list with filters, one response, exports, and
imports from KoboToolbox / ODK Central (views on the ``secretariat`` blueprint)."""

from __future__ import annotations

import io
import tempfile

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from consult import media
from consult.extensions import db
from consult.i18n import current_language
from consult.inputs import read_upload
from consult.media.types import INLINE_IMAGES
from consult.models import (
    Country,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    StakeholderGroup,
)
from consult.models.responses import STATUSES as RESPONSE_STATUSES
from consult.questionnaires.service import (
    get_questionnaire,
    load_version_form,
    max_upload_bytes,
)
from consult.questionnaires.views import questionnaire_or_404, version_or_404
from consult.reference import reference_choices
from consult.responses.forms import ResponseFilterForm, ResponsesImportForm
from consult.responses.kobo_import import ImportFileError, import_responses
from consult.responses.review import (
    ResponseFilter,
    export_responses,
    export_responses_zip,
    matching_answers,
    response_values,
    responses_query,
)
from consult.secretariat import bp
from consult.security import database_int
from consult.spreadsheets import XLSX_MIMETYPE
from surveys.model import MULTI_CODE_TYPES, Form
from surveys.validation import calculate, fill_in

RESPONSES_PER_PAGE = 50



def _filter_from_args() -> tuple[ResponseFilterForm, ResponseFilter]:
    form = ResponseFilterForm(formdata=request.args)
    questionnaires = db.session.scalars(db.select(Questionnaire).order_by(Questionnaire.title))
    form.questionnaire.choices = [("", _("all"))] + [(q.slug, q.title) for q in questionnaires]
    form.country.choices = reference_choices(Country, _("all"))
    form.group.choices = reference_choices(StakeholderGroup, _("all"))
    form.status.choices = [("", _("all")), ("submitted", _("submitted")), ("draft", _("draft"))]
    form.validate()
    questionnaire = get_questionnaire(form.questionnaire.data) if form.questionnaire.data else None
    form.version.choices = [("", _("all"))]
    if questionnaire is not None:
        form.version.choices += [(str(v.number), str(v.number)) for v in questionnaire.versions]
    version = form.version.data
    flt = ResponseFilter(
        questionnaire=questionnaire,
        version=int(version) if questionnaire is not None and (version or "").isdigit() else None,
        country=form.country.data or None,
        group=form.group.data or None,
        language=(form.language.data or "").strip().lower() or None,
        status=form.status.data if form.status.data in RESPONSE_STATUSES else None,
        date_from=form.date_from.data if not form.date_from.errors else None,
        date_to=form.date_to.data if not form.date_to.errors else None,
        reference=(form.reference.data or "")[:200] or None,
        text=(form.text.data or "")[:200] or None,
    )
    return form, flt


@bp.route("/responses/")
def list_responses():
    form, flt = _filter_from_args()
    page = request.args.get("page", 1, type=database_int)
    query = responses_query(flt).options(
        selectinload(Response.version).selectinload(QuestionnaireVersion.questionnaire)
    )
    pagination = db.paginate(query, page=page, per_page=RESPONSES_PER_PAGE, error_out=False)
    matches = matching_answers(list(pagination.items), flt.text or "")
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    form_languages = []
    if flt.questionnaire is not None and flt.questionnaire.current_version is not None:
        current = load_version_form(flt.questionnaire.current_version)
        form_languages = [
            (code, current.language_names.get(code, code)) for code in current.languages
        ]
    return render_template(
        "responses/responses.html",
        form=form,
        flt=flt,
        pagination=pagination,
        matches=matches,
        args=args,
        form_languages=form_languages,
    )


@bp.route("/responses/export.<fmt>")
def export_responses_view(fmt: str):
    """The filtered responses as CSV or XLSX (``?labels=1``, ``?label_lang=ru``), or as a
    zip of the CSV with the answers' files."""
    if fmt not in ("csv", "xlsx", "zip"):
        abort(404)
    _form, flt = _filter_from_args()
    if flt.questionnaire is None:
        flash(_("Choose a questionnaire to export its responses."), "error")
        return redirect(url_for("secretariat.list_responses", **request.args))
    labels = request.args.get("labels") in ("1", "on", "true")
    lang = request.args.get("label_lang") or None
    if fmt == "zip":
        # Spooled: a small zip stays in memory, a large one goes to a temporary file.
        out = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)
        export_responses_zip(flt, out, labels=labels, lang=lang)
        out.seek(0)
        reply = send_file(
            out,
            mimetype="application/zip",
            as_attachment=True,
            download_name=f"{flt.questionnaire.slug}-responses-with-files.zip",
        )
        reply.call_on_close(out.close)
        return reply
    data = export_responses(flt, fmt, labels=labels, lang=lang)
    name = f"{flt.questionnaire.slug}-responses.{fmt}"
    mimetype = "text/csv" if fmt == "csv" else XLSX_MIMETYPE
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name)


def _display_value(form: Form, question, value, lang: str) -> list[tuple[str, bool]]:
    """An answer as texts in ``lang``, each with whether it fell back to another language."""
    if value in (None, ""):
        return []
    if not question.list_name:
        return [(str(value), False)]
    options = {choice.name: choice for choice in form.options(question)}
    codes = str(value).split() if question.type in MULTI_CODE_TYPES else [str(value)]
    texts = []
    for code in codes:
        choice = options.get(code)
        texts.append(form.label(choice, lang) if choice is not None else (code, False))
    return texts


def _group_context(form: Form, question, section, lang: str, values: dict) -> str:
    """The labels of the groups between ``section`` and ``question`` ("Threats to Saiga ›
    Poaching"): questions asked once per species and threat share their own label ("Scope"),
    and the groups tell them apart."""
    labels = []
    path = getattr(question, "group", "") or ""
    top = getattr(section, "path", None) or section.name
    while path and path != top and path in form.groups:
        group = form.groups[path]
        text, _fallback = form.label(group, lang)
        text = fill_in(form, text, values)
        if text:
            labels.append(text)
        parent = group.parent or ""
        path = parent if parent != path else ""
    return " › ".join(reversed(labels))


def _response_sections(
    form: Form, values: dict, lang: str
) -> tuple[list[dict], dict[str, object], dict[str, object]]:
    """The response page's content: one entry per section (title, rows of label and
    answers in ``lang``), the answers to questions no section shows, and values that name
    no question of the form (kept from an import)."""
    sections = []
    shown = set()
    # Labels such as "Threats to ${t1_name}" name the respondent's choice in `lang`.
    in_lang = calculate(form, values, lang)
    for section in form.sections:
        rows = []
        for name in section.questions:
            question = form.questions.get(name)
            if question is None or not question.answered:
                continue
            shown.add(name)
            label, fallback = form.label(question, lang)
            label = fill_in(form, label, in_lang)
            value = values.get(name)
            if isinstance(value, list):
                answers = [_display_value(form, question, item, lang) for item in value]
            else:
                answers = [_display_value(form, question, value, lang)]
            rows.append(
                {
                    "name": name,
                    "context": _group_context(form, question, section, lang, in_lang),
                    "label": label or name,
                    "fallback": fallback,
                    "repeat": isinstance(value, list),
                    "answers": answers,
                }
            )
        title, fallback = form.label(section, lang)
        title = fill_in(form, title, in_lang)
        sections.append({"title": title or section.name, "fallback": fallback, "rows": rows})
    extra = {k: v for k, v in values.items() if k not in shown and k in form.questions}
    other = {k: v for k, v in values.items() if k not in form.questions}
    return sections, extra, other


@bp.route("/responses/<int:response_id>")
def show_response(response_id: int):
    response = db.session.get(Response, response_id)
    if response is None:
        abort(404)
    form = load_version_form(response.version)
    lang = request.args.get("form_lang") or current_language()
    if lang not in form.languages:
        lang = current_language()
    values = response_values(response, form)
    sections, extra, other = _response_sections(form, values, lang)
    return render_template(
        "responses/response.html",
        files=media.media_by_answer(db.session, response.id),
        inline_images=INLINE_IMAGES,
        response=response,
        form=form,
        lang=lang,
        sections=sections,
        extra=extra,
        other=other,
    )


@bp.route("/questionnaires/<slug>/import-responses", methods=["GET", "POST"])
def import_responses_view(slug: str):
    questionnaire = questionnaire_or_404(slug)
    form = ResponsesImportForm()
    form.version.choices = [
        (str(v.number), _("version %(n)d", n=v.number))
        for v in sorted(questionnaire.versions, key=lambda v: v.number, reverse=True)
    ]
    if request.method == "GET" and questionnaire.current_version is not None:
        form.version.data = str(questionnaire.current_version.number)
    report, message, status = None, None, 200
    if form.validate_on_submit():
        version = version_or_404(questionnaire, int(form.version.data))
        limit = int(request.max_content_length or max_upload_bytes())
        data = read_upload(form.file.data, limit)
        filename = form.file.data.filename or "export.csv"
        if data is None:
            message = _("The file is larger than the limit of %(kb)d KB.", kb=limit // 1024)
        else:
            try:
                report = import_responses(
                    version, data, filename, user=current_user._get_current_object()
                )
            except ImportFileError as error:
                message = str(error)
        if report is not None:
            db.session.commit()
        else:
            db.session.rollback()
            status = 400
    elif request.method == "POST":
        status = 400
    return (
        render_template(
            "responses/import.html",
            questionnaire=questionnaire,
            form=form,
            report=report,
            message=message,
        ),
        status,
    )


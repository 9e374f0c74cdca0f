"""Secretariat pages: questionnaires (XLSForm upload and download, translations), invitations,
responses (list, read, export, import from KoboToolbox / ODK Central) and API tokens."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, date, datetime, time

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from consult.api.tokens import create_token, list_tokens, revoke_token
from consult.extensions import db
from consult.i18n import current_language
from consult.invitations import (
    InvitationError,
    NewInvitation,
    create_invitation,
    find_by_tokens,
    import_invitations_csv,
    invitations_csv,
    is_usable,
    links_csv,
    reissue,
    revoke,
    statuses,
)
from consult.models import (
    ApiToken,
    Country,
    Invitation,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    StakeholderGroup,
)
from consult.models.responses import STATUSES as RESPONSE_STATUSES
from consult.odk import ImportFileError, import_responses
from consult.questionnaires import (
    QuestionnaireError,
    ResponseFilter,
    export_responses,
    form_issues,
    get_questionnaire,
    get_version,
    import_questionnaire,
    load_version_form,
    max_upload_bytes,
    response_counts,
    response_values,
    responses_query,
    set_public,
    version_xlsx,
    xlsx_filename,
)
from consult.reference import languages
from consult.secretariat import bp
from consult.secretariat.forms import (
    ApiTokenForm,
    ConfirmForm,
    InvitationCsvForm,
    InvitationForm,
    PublicForm,
    ResponseFilterForm,
    ResponsesImportForm,
    UploadForm,
)
from consult.security import database_int
from surveys.model import MULTI_CODE_TYPES, Form
from surveys.translations import coverage
from surveys.validation import calculate, fill_in
from surveys.xlsform import FormError, xlsx_with_language

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RESPONSES_PER_PAGE = 50
INVITATIONS_PER_PAGE = 100
#: Kinds of text on the translation page: the coverage kinds each one counts.
TEXT_KINDS = {
    "labels": ("label",),
    "hints": ("hint",),
    "messages": ("constraint_message", "required_message"),
    "choices": ("choice",),
}


def _user():
    return current_user._get_current_object()


def _questionnaire_or_404(slug: str) -> Questionnaire:
    questionnaire = get_questionnaire(slug)
    if questionnaire is None:
        abort(404)
    return questionnaire


def _version_or_404(questionnaire: Questionnaire, number: int | None) -> QuestionnaireVersion:
    try:
        return get_version(questionnaire, number)
    except QuestionnaireError:
        abort(404)


def _read_upload(storage, limit: int) -> bytes | None:
    """The uploaded bytes, or None (with a flashed message) when over ``limit``."""
    data = storage.read(limit + 1)
    if len(data) > limit:
        return None
    return data


def _reference_choices(model, blank: str) -> list[tuple[str, str]]:
    lang = current_language()
    rows = db.session.scalars(db.select(model)).all()
    return [("", blank)] + sorted(
        ((row.code, row.name(lang)) for row in rows), key=lambda item: item[1]
    )


def _respond_url(questionnaire: Questionnaire) -> str:
    return url_for("respond.start", slug=questionnaire.slug, _external=True)


# -- questionnaires --------------------------------------------------------------------


def _list_page(form: UploadForm, issues=None, message: str | None = None, status: int = 200):
    questionnaires = db.session.scalars(
        db.select(Questionnaire)
        .options(selectinload(Questionnaire.versions))
        .order_by(Questionnaire.title)
    ).all()
    counts = {q.id: response_counts(q) for q in questionnaires}
    return (
        render_template(
            "secretariat/questionnaires.html",
            questionnaires=questionnaires,
            counts=counts,
            form=form,
            issues=issues or [],
            message=message,
            max_kb=max_upload_bytes() // 1024,
            respond_url=_respond_url,
        ),
        status,
    )


@bp.route("/questionnaires/")
def list_questionnaires():
    return _list_page(UploadForm())


@bp.route("/questionnaires/upload", methods=["POST"])
def upload_questionnaire():
    """Import an XLSForm: a new questionnaire, or a new version when the form_id is known."""
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
    data = _read_upload(form.file.data, limit)
    if data is None:
        return failed(
            message=_("The file is larger than the limit of %(kb)d KB.", kb=limit // 1024)
        )
    filename = form.file.data.filename or "form.xlsx"
    try:
        result = import_questionnaire(
            data, filename, user=_user(), slug=form.slug.data or None, expected_form_id=expected
        )
    except FormError as error:
        return failed(issues=form_issues(error))
    except QuestionnaireError as error:
        return failed(message=str(error))
    db.session.commit()
    version = result.version
    return render_template(
        "secretariat/questionnaire_imported.html",
        version=version,
        questionnaire=version.questionnaire,
        warnings=result.warnings,
        created=result.created,
        respond_url=_respond_url(version.questionnaire),
    )


def _questionnaire_page(
    questionnaire: Questionnaire, upload: UploadForm, issues=None, message=None, status=200
):
    return (
        render_template(
            "secretariat/questionnaire.html",
            questionnaire=questionnaire,
            counts=response_counts(questionnaire),
            forms={v.id: load_version_form(v) for v in questionnaire.versions},
            upload=upload,
            public_form=PublicForm(public=questionnaire.public),
            issues=issues or [],
            message=message,
            max_kb=max_upload_bytes() // 1024,
            respond_url=_respond_url(questionnaire),
        ),
        status,
    )


@bp.route("/questionnaires/<slug>/")
def show_questionnaire(slug: str):
    return _questionnaire_page(_questionnaire_or_404(slug), UploadForm())


@bp.route("/questionnaires/<slug>/xlsx")
def download_questionnaire(slug: str):
    """The current version's workbook, or ``?version=N``'s."""
    questionnaire = _questionnaire_or_404(slug)
    number = request.args.get("version", type=int)
    version = _version_or_404(questionnaire, number)
    return send_file(
        io.BytesIO(version_xlsx(version)),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name=xlsx_filename(version),
    )


@bp.route("/questionnaires/<slug>/public", methods=["POST"])
def toggle_public(slug: str):
    questionnaire = _questionnaire_or_404(slug)
    form = PublicForm()
    if not form.validate_on_submit():
        abort(400)
    set_public(questionnaire, bool(form.public.data), user=_user())
    db.session.commit()
    if questionnaire.public:
        flash(_("Anyone with the link %(url)s may answer.", url=_respond_url(questionnaire)))
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
    questionnaire = _questionnaire_or_404(slug)
    version = _version_or_404(questionnaire, request.args.get("version", type=int))
    form = load_version_form(version)
    known = [lang for lang in languages() if lang["code"] not in form.languages]
    return render_template(
        "secretariat/translations.html",
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
    questionnaire = _questionnaire_or_404(slug)
    version = _version_or_404(questionnaire, request.args.get("version", type=int))
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


# -- invitations -----------------------------------------------------------------------


def _invitation_forms() -> tuple[InvitationForm, InvitationCsvForm]:
    single = InvitationForm(prefix="one")
    single.country.choices = _reference_choices(Country, "—")
    single.group.choices = _reference_choices(StakeholderGroup, "—")
    return single, InvitationCsvForm(prefix="csv")


def _expiry(day: date | None) -> datetime | None:
    """An invitation given an expiry day works until the end of that day (UTC)."""
    if day is None:
        return None
    return datetime.combine(day, time.max, UTC)


def _invitations_page(questionnaire: Questionnaire, single, many, errors=None, status=200):
    page = request.args.get("page", 1, type=database_int)
    pagination = db.paginate(
        db.select(Invitation)
        .where(Invitation.questionnaire_id == questionnaire.id)
        .order_by(Invitation.created_at.desc(), Invitation.id.desc()),
        page=page,
        per_page=INVITATIONS_PER_PAGE,
        error_out=False,
    )
    items = list(pagination.items)
    return (
        render_template(
            "secretariat/invitations.html",
            questionnaire=questionnaire,
            pagination=pagination,
            invitations=items,
            statuses=statuses(items),
            usable={inv.id: is_usable(inv) for inv in items},
            single=single,
            many=many,
            errors=errors or [],
            confirm=ConfirmForm(),
            status_names=_invitation_status_names(),
        ),
        status,
    )


def _invitation_status_names() -> dict[str, str]:
    return {
        "not_opened": _("not opened"),
        "opened": _("opened"),
        "started": _("started"),
        "submitted": _("submitted"),
    }


@bp.route("/questionnaires/<slug>/invitations/")
def list_invitations(slug: str):
    questionnaire = _questionnaire_or_404(slug)
    return _invitations_page(questionnaire, *_invitation_forms())


def _created_page(questionnaire: Questionnaire, created, title: str):
    base = request.host_url
    return render_template(
        "secretariat/invitations_created.html",
        questionnaire=questionnaire,
        created=created,
        base=base.rstrip("/"),
        title=title,
        confirm=ConfirmForm(),
    )


@bp.route("/questionnaires/<slug>/invitations/new", methods=["POST"])
def create_invitation_view(slug: str):
    questionnaire = _questionnaire_or_404(slug)
    single, many = _invitation_forms()
    if not single.validate_on_submit():
        return _invitations_page(questionnaire, single, many, status=400)
    try:
        created = create_invitation(
            questionnaire,
            name=single.name.data or "",
            email=single.email.data or "",
            country=single.country.data or None,
            group=single.group.data or None,
            language=single.language.data or None,
            expires_at=_expiry(single.expires.data),
            user=_user(),
            multi_use=bool(single.multi_use.data),
        )
    except InvitationError as error:
        db.session.rollback()
        return _invitations_page(questionnaire, single, many, errors=[(0, str(error))], status=400)
    db.session.commit()
    return _created_page(questionnaire, [created], _("Invitation created"))


@bp.route("/questionnaires/<slug>/invitations/csv", methods=["POST"])
def import_invitations(slug: str):
    questionnaire = _questionnaire_or_404(slug)
    single, many = _invitation_forms()
    if not many.validate_on_submit():
        return _invitations_page(questionnaire, single, many, status=400)
    limit = max_upload_bytes()
    data = _read_upload(many.file.data, limit)
    if data is None:
        message = _("The file is larger than the limit of %(kb)d KB.", kb=limit // 1024)
        return _invitations_page(questionnaire, single, many, errors=[(0, message)], status=400)
    result = import_invitations_csv(
        questionnaire,
        data,
        expires_at=_expiry(many.expires.data),
        user=_user(),
        multi_use=bool(many.multi_use.data),
    )
    if result.errors:
        db.session.rollback()
        return _invitations_page(questionnaire, single, many, errors=result.errors, status=400)
    db.session.commit()
    return _created_page(
        questionnaire,
        result.created,
        _("%(n)d invitations created", n=len(result.created)),
    )


@bp.route("/questionnaires/<slug>/invitations/links.csv", methods=["POST"])
def download_invitation_links(slug: str):
    """CSV of the links just shown: the tokens come back from the page, as they are not
    kept; only tokens of this questionnaire's invitations are written."""
    questionnaire = _questionnaire_or_404(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    created = find_by_tokens(questionnaire, request.form.getlist("token")[:10000])
    return send_file(
        io.BytesIO(links_csv(created, request.host_url)),
        mimetype="text/csv",
        as_attachment=True,
        download_name=f"{questionnaire.slug}-invitation-links.csv",
    )


@bp.route("/questionnaires/<slug>/invitations.csv")
def download_invitations(slug: str):
    questionnaire = _questionnaire_or_404(slug)
    invitations = list(
        db.session.scalars(
            db.select(Invitation)
            .where(Invitation.questionnaire_id == questionnaire.id)
            .order_by(Invitation.created_at, Invitation.id)
        )
    )
    return send_file(
        io.BytesIO(invitations_csv(invitations)),
        mimetype="text/csv",
        as_attachment=True,
        download_name=f"{questionnaire.slug}-invitations.csv",
    )


def _invitation_or_404(questionnaire: Questionnaire, invitation_id: int) -> Invitation:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.questionnaire_id != questionnaire.id:
        abort(404)
    return invitation


@bp.route("/questionnaires/<slug>/invitations/<int:invitation_id>/revoke", methods=["POST"])
def revoke_invitation(slug: str, invitation_id: int):
    questionnaire = _questionnaire_or_404(slug)
    invitation = _invitation_or_404(questionnaire, invitation_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    revoke(invitation, user=_user())
    db.session.commit()
    flash(_("The invitation has been withdrawn; its link no longer works."))
    return redirect(url_for("secretariat.list_invitations", slug=slug))


@bp.route("/questionnaires/<slug>/invitations/<int:invitation_id>/reissue", methods=["POST"])
def reissue_invitation(slug: str, invitation_id: int):
    questionnaire = _questionnaire_or_404(slug)
    invitation = _invitation_or_404(questionnaire, invitation_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = reissue(invitation, user=_user())
    db.session.commit()
    return _created_page(
        questionnaire, [NewInvitation(invitation, token)], _("New link for the invitation")
    )


# -- responses -------------------------------------------------------------------------


def _filter_from_args() -> tuple[ResponseFilterForm, ResponseFilter]:
    form = ResponseFilterForm(formdata=request.args)
    questionnaires = db.session.scalars(db.select(Questionnaire).order_by(Questionnaire.title))
    form.questionnaire.choices = [("", _("all"))] + [(q.slug, q.title) for q in questionnaires]
    form.country.choices = _reference_choices(Country, _("all"))
    form.group.choices = _reference_choices(StakeholderGroup, _("all"))
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
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    form_languages = []
    if flt.questionnaire is not None and flt.questionnaire.current_version is not None:
        current = load_version_form(flt.questionnaire.current_version)
        form_languages = [
            (code, current.language_names.get(code, code)) for code in current.languages
        ]
    return render_template(
        "secretariat/responses.html",
        form=form,
        flt=flt,
        pagination=pagination,
        args=args,
        form_languages=form_languages,
    )


@bp.route("/responses/export.<fmt>")
def export_responses_view(fmt: str):
    """The filtered responses as CSV or XLSX (``?labels=1``, ``?label_lang=ru``)."""
    if fmt not in ("csv", "xlsx"):
        abort(404)
    _form, flt = _filter_from_args()
    if flt.questionnaire is None:
        flash(_("Choose a questionnaire to export its responses."), "error")
        return redirect(url_for("secretariat.list_responses", **request.args))
    labels = request.args.get("labels") in ("1", "on", "true")
    lang = request.args.get("label_lang") or None
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


def _response_sections(form: Form, values: dict, lang: str) -> list[dict]:
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
        "secretariat/response.html",
        response=response,
        form=form,
        lang=lang,
        sections=sections,
        extra=extra,
        other=other,
    )


@bp.route("/questionnaires/<slug>/import-responses", methods=["GET", "POST"])
def import_responses_view(slug: str):
    questionnaire = _questionnaire_or_404(slug)
    form = ResponsesImportForm()
    form.version.choices = [
        (str(v.number), _("version %(n)d", n=v.number))
        for v in sorted(questionnaire.versions, key=lambda v: v.number, reverse=True)
    ]
    if request.method == "GET" and questionnaire.current_version is not None:
        form.version.data = str(questionnaire.current_version.number)
    report, message, status = None, None, 200
    if form.validate_on_submit():
        version = _version_or_404(questionnaire, int(form.version.data))
        limit = int(request.max_content_length or max_upload_bytes())
        data = _read_upload(form.file.data, limit)
        filename = form.file.data.filename or "export.csv"
        if data is None:
            message = _("The file is larger than the limit of %(kb)d KB.", kb=limit // 1024)
        else:
            try:
                report = import_responses(version, data, filename, user=_user())
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
            "secretariat/import_responses.html",
            questionnaire=questionnaire,
            form=form,
            report=report,
            message=message,
        ),
        status,
    )


# -- API tokens ------------------------------------------------------------------------


@bp.route("/api-tokens/", methods=["GET", "POST"])
def api_tokens():
    form = ApiTokenForm()
    secret = None
    if form.validate_on_submit():
        _token, secret = create_token(_user(), form.name.data or "")
        db.session.commit()
        form = ApiTokenForm(formdata=None)
    return render_template(
        "secretariat/api_tokens.html",
        form=form,
        secret=secret,
        tokens=list_tokens(),
        confirm=ConfirmForm(),
        api_url=url_for("api.index", _external=True),
    )


@bp.route("/api-tokens/<int:token_id>/revoke", methods=["POST"])
def revoke_api_token(token_id: int):
    token = db.session.get(ApiToken, token_id)
    if token is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    revoke_token(token, by=_user())
    db.session.commit()
    flash(_("The token has been revoked."))
    return redirect(url_for("secretariat.api_tokens"))

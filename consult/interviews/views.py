"""The facilitators' pages: list and search, create, edit, history, import and export."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import FieldList, FormField

from consult import audit
from consult.auth.roles import role_required
from consult.errors import render_error
from consult.extensions import db
from consult.interviews import bp, exporter, importer, service
from consult.interviews.forms import (
    AGREEMENT_LABELS,
    COST_LABELS,
    LEVEL_LABELS,
    STRATEGY_LABELS,
    ExportForm,
    FilterForm,
    ImportForm,
    InterviewForm,
    format_choices,
)
from consult.models import Interview
from consult.models.interviews import NATIONAL_CONSULTATION
from consult.reference import ACTION_CODES
from consult.responses import valid_client_id
from consult.security import DATABASE_INT_MAX
from consult.spreadsheets import XLSX_MIMETYPE


def _interview_or_404(interview_id: int) -> Interview:
    interview = service.interview_for(current_user, interview_id)
    if interview is None:
        abort(404)
    return interview


def _grow(form: InterviewForm) -> None:
    if form.add_participant.data:
        form.participants.append_entry()
    if form.add_note.data:
        form.notes.append_entry()


@bp.route("/")
def index():
    form = FilterForm(formdata=request.args, user=current_user)
    filters = form.to_filters()
    page = service.search_interviews(current_user, filters, request.args.get("page", 1, type=int))
    return render_template(
        "interviews/index.html",
        form=form,
        page=page,
        filters=filters.as_dict(),
        export_form=ExportForm() if current_user.is_admin else None,
    )


@bp.route("/new", methods=["GET", "POST"])
def new_interview():
    form = InterviewForm(user=current_user)
    if request.method == "GET":
        form.facilitators.data = [current_user.id]
        form.date.data = date.today()
        form.offer_empty_rows()
    elif form.wants_more_rows():
        _grow(form)
    elif form.validate():
        data, participant_rows, note_rows = form.to_data()
        try:
            interview = service.create_interview(data, current_user)
        except service.InvalidInterview as error:
            db.session.rollback()
            form.show_problems(error.problems, participant_rows, note_rows)
        else:
            db.session.commit()
            flash(_("The interview is saved."), "info")
            return redirect(url_for(".view_interview", interview_id=interview.id, saved="new"))
    return render_template("interviews/edit.html", form=form, interview=None, conflict=None)


@bp.route("/<int:interview_id>")
def view_interview(interview_id: int):
    interview = _interview_or_404(interview_id)
    return render_template(
        "interviews/view.html",
        interview=interview,
        format_label=dict(format_choices()).get(interview.format, interview.format),
        national_consultation=interview.format == NATIONAL_CONSULTATION,
        ratings=service.rated_actions(interview),
        labels={
            "level": LEVEL_LABELS,
            "strategy": STRATEGY_LABELS,
            "cost": COST_LABELS,
            "agreement": AGREEMENT_LABELS,
        },
        actions_count=len(ACTION_CODES),
        events=audit.history("interview", interview.id),
    )


@bp.route("/<int:interview_id>/edit", methods=["GET", "POST"])
def edit_interview(interview_id: int):
    interview = _interview_or_404(interview_id)
    stored = service.data_from_interview(interview)
    form = InterviewForm(user=current_user, current=stored)
    conflict = None
    if request.method == "GET":
        form.fill(stored, interview.row_version)
    elif form.wants_more_rows():
        _grow(form)
    elif form.validate():
        data, participant_rows, note_rows = form.to_data()
        expected = int(form.row_version.data) if (form.row_version.data or "").isdigit() else -1
        try:
            service.update_interview(interview, data, current_user, expected_version=expected)
        except service.EditConflict:
            db.session.rollback()
            interview = _interview_or_404(interview_id)
            conflict = [
                event
                for event in audit.history("interview", interview.id)
                if (event.details or {}).get("version", 0) > expected
            ]
            # The next save is a deliberate one by someone who has been told.
            form.row_version.data = str(interview.row_version)
        except service.InvalidInterview as error:
            db.session.rollback()
            form.show_problems(error.problems, participant_rows, note_rows)
        else:
            db.session.commit()
            flash(_("The interview is saved."), "info")
            return redirect(url_for(".view_interview", interview_id=interview.id, saved="edit"))
    status = 409 if conflict is not None else 200
    return (
        render_template("interviews/edit.html", form=form, interview=interview, conflict=conflict),
        status,
    )


@bp.route("/template.xlsx")
def download_template():
    return send_file(
        importer.blank_template_file(),
        mimetype=XLSX_MIMETYPE,
        as_attachment=True,
        download_name="interviews-template.xlsx",
    )


def _limit_mb() -> str:
    return f"{(current_app.config.get('MAX_CONTENT_LENGTH') or 0) / (1024 * 1024):.0f}"


@bp.route("/import", methods=["GET", "POST"])
def import_interviews():
    form = ImportForm()
    report = None
    if form.validate_on_submit():
        upload = form.file.data
        report = importer.import_workbook(
            upload.stream,
            current_user,
            all_or_nothing=form.all_or_nothing.data,
            overwrite=form.overwrite.data,
            filename=upload.filename or "",
        )
        db.session.commit()
    status = 200
    if report is not None and not report.saved:
        status = 400 if report.errors else 409 if report.conflicts else 200
    return (
        render_template("interviews/import.html", form=form, report=report, limit_mb=_limit_mb()),
        status,
    )


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(error):
    if request.is_json:
        return render_error(413)  # an interview sent from the offline queue
    form = ImportForm(formdata=None)
    form.file.errors = [
        _(
            "The file is larger than the limit of %(mb)s MB. Split it into smaller files.",
            mb=_limit_mb(),
        )
    ]
    return (
        render_template("interviews/import.html", form=form, report=None, limit_mb=_limit_mb()),
        413,
    )


@bp.route("/export", methods=["POST"])
@role_required("admin")
def export_interviews():
    form = ExportForm()
    if not form.validate_on_submit():
        abort(400)
    filters = FilterForm(formdata=request.args, user=current_user).to_filters()
    interviews = db.session.scalars(service.filtered_query(current_user, filters)).all()
    tables = exporter.export_tables(interviews, include_names=form.include_names.data)
    if form.labels.data:
        tables = exporter.label_tables(tables)
    audit.record(
        "interview.export",
        "interview",
        "",
        file=form.format.data,
        include_names=bool(form.include_names.data),
        count=len(interviews),
        filters=filters.as_dict(),
    )
    db.session.commit()
    stamp = date.today().isoformat()
    if form.format.data == "xlsx":
        content, mimetype = exporter.to_xlsx(tables), XLSX_MIMETYPE
        name = f"interviews-{stamp}.xlsx"
    else:
        table = form.format.data.removesuffix(".csv")
        content, mimetype = exporter.to_csv(tables[table]), "text/csv; charset=utf-8"
        name = f"interviews-{table}-{stamp}.csv"
    return send_file(
        exporter.as_stream(content), mimetype=mimetype, as_attachment=True, download_name=name
    )


#: Most fields an offline interview may send: the form has some 150 (participant and note
#: rows, a threat select per theme, a rating row per action); far more is not a form.
SYNC_MAX_FIELDS = 2000


def _sync_error(status: int, message: str):
    return {"error": {"code": status, "message": message}}, status


def _flat_errors(fields) -> dict[str, list[str]]:
    """A form's messages by the name of the field in the page (``participants-0-name``)."""
    found: dict[str, list[str]] = {}
    for item in fields:
        if isinstance(item, FormField | FieldList):
            found.update(_flat_errors(item))
        elif item.errors:
            found[item.name] = [str(message) for message in item.errors]
    return found


def _problems(error: service.InvalidInterview) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in error.problems:
        key = problem.field if problem.item is None else f"{problem.field}[{problem.item}]"
        found.setdefault(key, []).append(str(problem.message))
    return found


def _saved(interview: Interview, status: int):
    return {
        "id": interview.id,
        "row_version": interview.row_version,
        "url": url_for(".view_interview", interview_id=interview.id),
    }, status


def _posted_fields(fields: dict) -> MultiDict | None:
    """The page's field values (a list for a field with several) as form data, or None
    when they are not such values."""
    if len(fields) > SYNC_MAX_FIELDS:
        return None
    data = MultiDict()
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        if len(name) > 100 or len(values) > SYNC_MAX_FIELDS:
            return None
        for item in values:
            if not isinstance(item, str | int | float) or isinstance(item, bool):
                return None
            data.add(name, str(item))
    return data


@bp.route("/sync", methods=["GET", "POST"])
def sync_interview():
    """Interviews recorded without a connection, sent by the page script when it returns.

    GET: a fresh CSRF token for the POSTs (the page the script runs in may be a copy kept
    while offline). POST (JSON, with the token in ``X-CSRFToken``): ``{"client_id",
    "interview_id" (null for a new one), "row_version" (of the record the edit started
    from), "fields" (the form's fields by name, as the page holds them)}``. Answers 201 with
    the new record, 200 when saved (also when the same client id was sent before), 409 with
    ``conflict`` when someone saved the record since the edit started (nothing is saved),
    422 with ``errors`` by field, 400 for a body that is not such an object.
    """
    if request.method == "GET":
        return {"csrf_token": generate_csrf()}
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("fields"), dict):
        return _sync_error(400, _('Send a JSON object with "client_id" and "fields".'))
    client_id = str(payload.get("client_id") or "")
    if not valid_client_id(client_id):
        return _sync_error(400, _("A client id of 8 to 64 letters, digits, - or _ is needed."))
    formdata = _posted_fields(payload["fields"])
    if formdata is None:
        return _sync_error(400, _("The fields must map names to text or lists of text."))
    interview_id = payload.get("interview_id")
    if interview_id is None:
        return _sync_new(client_id, formdata)
    if not isinstance(interview_id, int) or isinstance(interview_id, bool):
        return _sync_error(400, _("interview_id: a record number is needed."))
    interview = (
        service.interview_for(current_user, interview_id)
        if 0 < interview_id <= DATABASE_INT_MAX
        else None
    )
    if interview is None:
        return _sync_error(404, _("There is no such interview among those of your countries."))
    expected = payload.get("row_version")
    if not isinstance(expected, int) or isinstance(expected, bool):
        return _sync_error(400, _("row_version: the version the edit started from is needed."))
    return _sync_edit(interview, client_id, formdata, expected)


def _sync_new(client_id: str, formdata: MultiDict):
    existing = service.interview_by_client_id(client_id)
    if existing is not None:
        if service.interview_for(current_user, existing.id) is None:
            return _sync_error(409, _("This client id belongs to another record."))
        return _saved(existing, 200)
    form = InterviewForm(formdata=formdata, user=current_user, meta={"csrf": False})
    if not form.validate():
        return {"errors": _flat_errors(form)}, 422
    data, _participants, _notes = form.to_data()
    try:
        interview = service.create_interview(data, current_user, client_id=client_id)
        db.session.commit()
    except service.InvalidInterview as error:
        db.session.rollback()
        return {"errors": _problems(error)}, 422
    except IntegrityError:
        # the same interview sent twice at the same moment: the other request saved it
        db.session.rollback()
        existing = service.interview_by_client_id(client_id)
        if existing is None:
            raise
        return _saved(existing, 200)
    return _saved(interview, 201)


def _sync_edit(interview: Interview, client_id: str, formdata: MultiDict, expected: int):
    if service.edit_applied(interview, client_id):
        return _saved(interview, 200)
    stored = service.data_from_interview(interview)
    form = InterviewForm(formdata=formdata, user=current_user, current=stored, meta={"csrf": False})
    if not form.validate():
        return {"errors": _flat_errors(form)}, 422
    data, _participants, _notes = form.to_data()
    interview_id = interview.id
    try:
        service.update_interview(
            interview, data, current_user, expected_version=expected, client_id=client_id
        )
        db.session.commit()
    except service.EditConflict:
        db.session.rollback()
        interview = _interview_or_404(interview_id)
        changes = [
            {
                "by": event.user.email if event.user else "",
                "at": event.at.strftime("%Y-%m-%d %H:%M"),
                "fields": list((event.details or {}).get("fields", [])),
            }
            for event in audit.history("interview", interview.id)
            if (event.details or {}).get("version", 0) > expected
        ]
        return {
            "conflict": {
                "message": _(
                    "Not saved: someone else saved this record while you were editing it."
                ),
                "row_version": interview.row_version,
                "url": url_for(".view_interview", interview_id=interview.id),
                "changes": changes,
            }
        }, 409
    except service.InvalidInterview as error:
        db.session.rollback()
        return {"errors": _problems(error)}, 422
    except PermissionError:
        db.session.rollback()
        return _sync_error(404, _("There is no such interview among those of your countries."))
    return _saved(interview, 200)

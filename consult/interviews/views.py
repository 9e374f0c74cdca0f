"""The facilitators' pages: list and search, create, edit, history, import and export."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from consult import audit
from consult.auth.roles import role_required
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

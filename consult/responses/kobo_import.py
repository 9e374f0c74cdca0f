"""Import submissions exported from KoboToolbox, ODK Central, KoboCAT/Ona or consult itself
as responses.

The file is read by :func:`surveys.odk_import.read_export` against every version of the
questionnaire: a row naming its version (``__version__``, ``_version_``, ``FormVersion``,
consult's ``version``) is stored as a response to that version, any other row as one to the
version chosen. Each row that reads cleanly becomes one response (``source="import"``,
``external_uuid`` = the submission's id) in a savepoint of its own, so a row goes in whole
or not at all and one bad row never stops the others. A row whose id is already the
uuid, the reference or the browser's submission id of a response is skipped, so the same
export, or consult's own export of responses it holds, can be imported again and adds
nothing twice.

Nothing is lost without a word: the report (:class:`ImportReport`) names every column
that matches no question and how many values it held, sheets and files that match no
repeat, repeat rows whose submission is missing, repeats the file has no columns for,
and per row each answer kept although its version's form cannot read it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import or_
from sqlalchemy.exc import SQLAlchemyError

from consult import audit, spreadsheets
from consult.extensions import db
from consult.models import (
    Answer,
    Country,
    QuestionnaireVersion,
    Response,
    StakeholderGroup,
    User,
    utcnow,
)
from consult.models.responses import STATUSES
from consult.questionnaires import load_version_form
from consult.responses import new_reference
from consult.responses.review import version_name
from surveys.model import Form
from surveys.odk_import import (
    ExportReading,
    RowNote,
    RowResult,
    SubmissionFileError,
    read_export,
)

#: Question names read as the respondent's country and stakeholder group, in this order.
COUNTRY_QUESTIONS = ("country", "country_code")
GROUP_QUESTIONS = ("stakeholder_group", "group")
#: The tools an export can come from, as the report names them.
TOOLS = {
    "kobo": "KoboToolbox",
    "central": "ODK Central",
    "legacy": "KoboCAT / Ona",
    "consult": "consult",
    "unknown": "",
}


class ImportFileError(ValueError):
    """The file cannot be read as a submission export of the questionnaire."""


@dataclass
class RowOutcome:
    """What happened to one row: ``outcome`` is "imported", "skipped" or "error";
    ``notes`` are the answers kept that the row's form cannot read, and where the row
    went when not to the version chosen."""

    row_number: int
    uuid: str | None
    outcome: str
    message: str = ""
    response_id: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """Per-row outcomes of an import, in file order, and ``findings``: what the file was
    read as and everything in it that was not imported, each a sentence."""

    filename: str
    rows: list[RowOutcome] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    answers: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """Rows per outcome: ``{"imported": n, "skipped": m, "error": k}``."""
        counts = Counter(row.outcome for row in self.rows)
        return {key: counts.get(key, 0) for key in ("imported", "skipped", "error")}


def raw_value(value: Any) -> str:
    """An answer as ODK stores it in text: numbers without a trailing ``.0``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value)


def answers_from_values(values: dict[str, Any]) -> list[Answer]:
    """Answer rows for a dict of values (repeats as lists: instance 1, 2, …); empty
    values are left out."""
    answers = []
    for name, value in values.items():
        if isinstance(value, list):
            for index, item in enumerate(value, start=1):
                if item not in (None, ""):
                    answers.append(Answer(question=name, instance=index, value=raw_value(item)))
        elif value not in (None, ""):
            answers.append(Answer(question=name, instance=0, value=raw_value(value)))
    return answers


def _known_code(model, value: str | None, upper: bool) -> str | None:
    if not value or not value.strip():
        return None
    code = value.strip().upper() if upper else value.strip().lower()
    return code if db.session.get(model, code) is not None else None


def _reference_code(model, values: dict[str, Any], names: tuple[str, ...], upper: bool):
    for name in names:
        value = values.get(name)
        if isinstance(value, str) and value.strip():
            return _known_code(model, value, upper)
    return None


def _versions(version: QuestionnaireVersion) -> dict[str, QuestionnaireVersion]:
    """The questionnaire's versions by the names exports give them: the chosen version
    first where two share a name, else the newest."""
    named: dict[str, QuestionnaireVersion] = {}
    for other in sorted(version.questionnaire.versions, key=lambda v: v.number):
        named[version_name(other)] = other
    named[version_name(version)] = version
    return named


def refusal_message(error: SubmissionFileError, filename: str) -> str:
    """Why a file was refused, in the user's language."""
    if error.refusal is not None:
        return f"{filename}: {spreadsheets.describe(error.refusal)}"
    params = error.params
    messages = {
        "no_header": lambda: _("%(file)s: the file has no header row.", file=filename),
        "no_match": lambda: _(
            "%(file)s: no column matches a question of the questionnaire, by name or by "
            "label in any of its languages. Is it an export of this questionnaire?",
            file=filename,
        ),
        "mostly_unmatched": lambda: _(
            "%(file)s: %(unmatched)d of its %(total)d columns match no question of the "
            "questionnaire (%(columns)s). Is it an export of this questionnaire? Nothing "
            "was imported.",
            file=filename,
            unmatched=params["unmatched"],
            total=params["total"],
            columns=", ".join(f"“{c}”" for c in params["columns"]),
        ),
        "repeat_only": lambda: _(
            "%(file)s holds the answers of the repeat “%(repeat)s”, which belong inside "
            "submissions; it is not a list of submissions. Import the whole export: the "
            ".csv.zip from ODK Central (with its main CSV), or the XLSX from KoboToolbox.",
            file=filename,
            repeat=params.get("repeat") or "?",
        ),
        "not_an_export": lambda: _(
            "%(file)s: the zip holds neither an Excel workbook nor the CSV files of an ODK "
            "Central export.",
            file=filename,
        ),
        "not_a_zip": lambda: _(
            "%(file)s is not a zip file; download the .csv.zip from ODK Central again.",
            file=filename,
        ),
        "not_utf8": lambda: _(
            "%(file)s: the CSV file is not UTF-8 text; save it as “CSV UTF-8” and try again.",
            file=filename,
        ),
    }
    message = messages.get(error.code)
    return message() if message is not None else str(error)


def import_responses(
    version: QuestionnaireVersion, data: bytes, filename: str, *, user: User | None = None
) -> ImportReport:
    """Store the submissions of a KoboToolbox, ODK Central, KoboCAT/Ona or consult export
    (CSV, XLSX or ODK Central's .csv.zip) as responses of the questionnaire of ``version``.

    Rows are stored as submitted responses to ``version``, or to the version they name.
    Country and stakeholder group come from consult's own columns, else from the profile
    answers (``country``, ``stakeholder_group``) when they are reference codes; the
    language from consult's column, else the form's default language. Returns a report
    with one outcome per row and the findings. Raises :class:`ImportFileError` when the
    file cannot be read at all, breaks one of the spreadsheet limits (the SPREADSHEET_*
    settings; the message says which and where), is a repeat's file alone or matches the
    questionnaire too little; nothing is stored then. Each stored row is flushed in its
    own savepoint; the caller commits.
    """
    form = load_version_form(version)
    named = _versions(version)
    forms = {name: load_version_form(v) for name, v in named.items()}
    try:
        reading = read_export(
            form, data, filename, limits=spreadsheets.limits(), versions=forms
        )
    except SubmissionFileError as error:
        raise ImportFileError(refusal_message(error, filename)) from error
    except (ValueError, UnicodeDecodeError, KeyError, OSError) as error:
        raise ImportFileError(
            _("%(file)s could not be read: %(error)s", file=filename, error=error)
        ) from error
    results = reading.rows
    known = _known_ids([r.uuid for r in results if r.uuid])
    report = ImportReport(filename=filename, findings=findings(reading, version, form))
    for result in results:
        if result.errors or result.values is None:
            report.rows.append(
                RowOutcome(result.row_number, result.uuid, "error", "; ".join(result.errors))
            )
            continue
        if not result.uuid:
            report.rows.append(
                RowOutcome(
                    result.row_number,
                    None,
                    "error",
                    _(
                        "The row has no submission id (_uuid, meta/instanceID, KEY or "
                        "submission_id)."
                    ),
                )
            )
            continue
        if len(result.uuid) > 64:
            report.rows.append(
                RowOutcome(
                    result.row_number,
                    result.uuid[:64],
                    "error",
                    _("The submission id is longer than 64 characters."),
                )
            )
            continue
        if result.uuid in known:
            report.rows.append(
                RowOutcome(
                    result.row_number,
                    result.uuid,
                    "skipped",
                    _("Imported before as %(reference)s.", reference=known[result.uuid]),
                )
            )
            continue
        target = named[result.version] if result.version is not None else version
        row_form = forms[result.version] if result.version is not None else form
        outcome = _store_row(target, row_form, result)
        outcome.notes = [describe_note(note) for note in result.notes]
        if not result.values:
            outcome.notes.append(_("The row answers no question of the questionnaire."))
        if target.id != version.id:
            outcome.notes.insert(
                0,
                _(
                    "Stored as a response to version %(number)d (%(name)s), the version the "
                    "row names.",
                    number=target.number,
                    name=version_name(target),
                ),
            )
        report.rows.append(outcome)
        if outcome.outcome == "imported":
            known[result.uuid] = outcome.message
            report.answers += len(answers_from_values(result.values))
    counts = report.counts
    audit.record(
        "responses.import",
        "questionnaire_version",
        version.id,
        user=user,
        filename=filename[-255:],
        **counts,
        answers=report.answers,
        unmatched_columns=[c.header[:100] for c in reading.unmatched][:100],
        response_ids=[r.response_id for r in report.rows if r.response_id][:1000],
    )
    return report


def _known_ids(ids: list[str]) -> dict[str, str]:
    """Which of ``ids`` a response already has as its imported uuid, its reference or its
    browser's submission id: ``{id: reference}``."""
    known: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = db.session.execute(
            db.select(
                Response.external_uuid,
                Response.reference,
                Response.client_submission_id,
            ).where(
                or_(
                    Response.external_uuid.in_(chunk),
                    Response.reference.in_(chunk),
                    Response.client_submission_id.in_(chunk),
                )
            )
        ).all()
        wanted = set(chunk)
        for external, reference, client in rows:
            for value in (external, reference, client):
                if value in wanted:
                    known[value] = reference
    return known


def describe_note(note: RowNote) -> str:
    """A kept answer's note in the user's language."""
    if note.kind == "unknown_choice":
        return _(
            "Column “%(column)s”: “%(value)s” is not one of the choices of “%(question)s” in "
            "this version; the answer is kept as given.",
            column=note.column,
            value=note.value[:200],
            question=note.question,
        )
    return _(
        "Column “%(column)s”: “%(question)s” is not a question of this version; the answer "
        "is kept.",
        column=note.column,
        question=note.question,
    )


def findings(reading: ExportReading, version: QuestionnaireVersion, form: Form) -> list[str]:
    """What an import report says about the file as a whole, each a sentence."""
    said = [_read_as(reading, form)]
    for column in reading.unmatched:
        where = column.sheet or ""
        if column.values:
            said.append(
                ngettext(
                    "Column “%(column)s”%(where)s matches no question: its value in "
                    "%(num)d row is not imported.",
                    "Column “%(column)s”%(where)s matches no question: its values in "
                    "%(num)d rows are not imported.",
                    column.values,
                    column=column.header or _("(no header)"),
                    where=_(" of “%(sheet)s”", sheet=where) if where else "",
                )
            )
        else:
            said.append(
                _(
                    "Column “%(column)s”%(where)s matches no question (it is empty).",
                    column=column.header or _("(no header)"),
                    where=_(" of “%(sheet)s”", sheet=where) if where else "",
                )
            )
    for table in reading.unread_tables:
        said.append(
            ngettext(
                "“%(sheet)s” matches no repeat of the questionnaire: its %(num)d row is not "
                "imported.",
                "“%(sheet)s” matches no repeat of the questionnaire: its %(num)d rows are not "
                "imported.",
                table.rows,
                sheet=table.sheet,
            )
        )
    for orphans in reading.orphans:
        said.append(
            ngettext(
                "%(num)d row of “%(sheet)s” (repeat “%(repeat)s”) belongs to no submission "
                "in the file and is not imported: row %(rows)s.",
                "%(num)d rows of “%(sheet)s” (repeat “%(repeat)s”) belong to no submission "
                "in the file and are not imported: rows %(rows)s.",
                len(orphans.rows),
                sheet=orphans.sheet,
                repeat=orphans.repeat,
                rows=", ".join(str(n) for n in orphans.rows[:20])
                + ("…" if len(orphans.rows) > 20 else ""),
            )
        )
    for repeat in reading.missing_repeats:
        said.append(
            _(
                "The file has no columns for the repeat “%(repeat)s”: answers to it are not "
                "in this file. A KoboToolbox CSV leaves repeats out (export XLSX instead); "
                "from ODK Central import the whole .csv.zip.",
                repeat=repeat,
            )
        )
    for name, rows in reading.unknown_versions.items():
        said.append(
            ngettext(
                "%(num)d row names the form version “%(name)s”, which is none of this "
                "questionnaire's versions: it was read as version %(number)d; answers that "
                "version cannot read are kept and listed on the row.",
                "%(num)d rows name the form version “%(name)s”, which is none of this "
                "questionnaire's versions: they were read as version %(number)d; answers "
                "that version cannot read are kept and listed on their row.",
                rows,
                name=name[:80],
                number=version.number,
            )
        )
    if reading.placeholders:
        said.append(
            ngettext(
                "%(num)d “n/a” cell was read as “not asked”.",
                "%(num)d “n/a” cells were read as “not asked”.",
                reading.placeholders,
            )
        )
    for sheet in reading.hxl_rows:
        said.append(_("The row of HXL hashtags under the header of “%(sheet)s” was skipped.",
                      sheet=sheet))
    if reading.metadata:
        said.append(
            _(
                "Columns the tool adds that hold no answer, not stored: %(columns)s.",
                columns=", ".join(reading.metadata[:30])
                + ("…" if len(reading.metadata) > 30 else ""),
            )
        )
    return said


def _read_as(reading: ExportReading, form: Form) -> str:
    tool = TOOLS.get(reading.tool) or _("a tool it does not name")
    if reading.headers == "xml":
        headers = _("XML headers")
    else:
        language = form.language_names.get(reading.language or "", reading.language or "")
        headers = _("label headers in %(language)s", language=language)
        if reading.separator:
            headers += " " + _("(group separator “%(separator)s”)", separator=reading.separator)
    sheets = ", ".join(
        f"“{sheet}” → {repeat}" for sheet, repeat in reading.repeat_tables.items()
    )
    said = _("Read as an export from %(tool)s with %(headers)s.", tool=tool, headers=headers)
    if sheets:
        said += " " + _("Repeats read from: %(sheets)s.", sheets=sheets)
    return said


def _store_row(version: QuestionnaireVersion, form: Form, result: RowResult) -> RowOutcome:
    values = result.values or {}
    meta = result.meta
    submitted_at = result.submitted_at or utcnow()
    status = meta.get("status") if meta.get("status") in STATUSES else "submitted"
    reference = meta.get("reference", "")
    if not reference or len(reference) > 20 or db.session.scalar(
        db.select(Response.id).where(Response.reference == reference)
    ):
        reference = new_reference(form.form_id)
    language = meta.get("language", "")
    try:
        with db.session.begin_nested():
            response = Response(
                version_id=version.id,
                language=language if language in form.languages else form.default_language,
                country_code=_known_code(Country, meta.get("country"), upper=True)
                or _reference_code(Country, values, COUNTRY_QUESTIONS, upper=True),
                group_code=_known_code(StakeholderGroup, meta.get("group"), upper=False)
                or _reference_code(StakeholderGroup, values, GROUP_QUESTIONS, upper=False),
                status=status,
                reference=reference,
                external_uuid=result.uuid,
                source="import",
                created_at=submitted_at,
                updated_at=submitted_at,
                submitted_at=submitted_at if status == "submitted" else None,
                answers=answers_from_values(values),
            )
            db.session.add(response)
            db.session.flush()
    except SQLAlchemyError as error:
        return RowOutcome(
            result.row_number,
            result.uuid,
            "error",
            _(
                "The row could not be stored: %(error)s",
                error=str(getattr(error, "orig", None) or error)[:300],
            ),
        )
    return RowOutcome(result.row_number, result.uuid, "imported", response.reference, response.id)

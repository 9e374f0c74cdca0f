"""Interviews typed offline into the XLSX template, and the blank template itself.

The template has a sheet for interviews, one for participants, one for notes and one for the
strategy ratings of national consultations (one row per rated action), tied together by the
``record_id`` column, with the allowed values as drop-down lists. A file without the
strategy_ratings sheet (made before it existed) leaves stored ratings as they are. An import
checks every row first and reports each problem by sheet, row and column; then it saves
every valid record, or nothing at all when asked to. ``record_id`` becomes
``Interview.record_uid``, so importing the same file again creates no duplicates: a record
that is unchanged is left alone, a changed one is updated (and audited).

The file is read by :mod:`surveys.spreadsheet` within the SPREADSHEET_* limits; a file that
breaks one is refused whole, with the limit and the place, before anything is written.

Imports respect edits made on the web. A row for a record that was edited on the web
since the file was made, and that would change the record, is a *conflict*: reported with
the fields where the file differs, and not applied unless the import is asked to
overwrite. When the file was made is read from the row's ``row_version`` (the blank
template has the column empty; the export fills it with the record's version). A row
without one (typed into the blank template, or a file from before the column existed) is
taken to be no newer than the record's last import, so any web edit after that import
counts: the safe reading, as a file typed offline cannot know about later web edits. Web
edits are the record's audited saves other than imports; a row whose ``row_version`` is
ahead of the record is read the same way as a row without one.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.exc import SQLAlchemyError

from consult import spreadsheets
from consult.extensions import db
from consult.interviews import service
from consult.models import (
    AuditEvent,
    Country,
    Interview,
    Species,
    StakeholderGroup,
    Threat,
    User,
)
from consult.models.interviews import AGREEMENTS, CONSENT, COSTS, FORMATS, STATUSES
from consult.reference import ACTION_CODES, THEMES, languages
from surveys.spreadsheet import SpreadsheetError, open_xlsx

SPECIES_COLUMNS = ("species_1", "species_2", "species_3")
INTERVIEW_COLUMNS = (
    "record_id",
    "date",
    "country",
    "settlement",
    "province",
    "format",
    "language",
    "consent",
    "status",
    "facilitators",
    *SPECIES_COLUMNS,
    *(f"threat_{t}" for t in THEMES),
    "key_quotes",
    "follow_up",
    "agenda",
    "recommendations",
    "row_version",
)
PARTICIPANT_COLUMNS = ("record_id", "name", "organisation", "group", "role", "gender")
NOTE_COLUMNS = ("record_id", "theme", "text", "translation_en")
RATING_COLUMNS = ("record_id", "action", "impact", "feasibility", "cost", "agreement", "note")
SHEETS = {
    "interviews": INTERVIEW_COLUMNS,
    "participants": PARTICIPANT_COLUMNS,
    "notes": NOTE_COLUMNS,
    "strategy_ratings": RATING_COLUMNS,
}
REQUIRED_COLUMNS = {
    "interviews": ("record_id", "date", "country", "format", "language", "consent"),
    "participants": ("record_id", "group"),
    "notes": ("record_id", "text"),
    "strategy_ratings": ("record_id", "action"),
}
#: Sheets a file may lack: files made before the sheet existed import as they did.
OPTIONAL_SHEETS = ("strategy_ratings",)
#: What a cell may hold for a level of potential impact or feasibility.
LEVEL_VALUES = {
    **{str(level): level for level in service.LEVELS},
    **dict(zip(service.SEVERITIES, service.LEVELS, strict=True)),
}
#: Rows offered with drop-down lists in the blank template.
TEMPLATE_ROWS = 500
#: Audited actions that save an interview; every one but the import is a web edit.
IMPORT_ACTION = "interview.import"
SAVE_ACTIONS = ("interview.create", "interview.update", IMPORT_ACTION)
#: Fields of service.InterviewData under the column or sheet names of the file.
FIELD_NAMES = {"facilitator_ids": "facilitators"}
UNRATED = "unrated"
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")


@dataclass(frozen=True)
class RowError:
    """One problem in the file: sheet name, row number (1-based, as Excel shows it), column
    header (empty when the problem is the whole file or sheet) and what is wrong."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.sheet:
            return self.message
        where = f"{self.sheet}, row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Conflict:
    """A row left alone because its record was edited on the web since the file was made:
    sheet and row, the record id, the fields where the file differs from the record (file
    column or sheet names) and what to do about it."""

    sheet: str
    row: int
    uid: str
    fields: tuple[str, ...]
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}, row {self.row}, {self.uid}: {self.message}"


@dataclass
class ImportReport:
    """What an import did: record ids created, updated and unchanged, the conflicts (rows
    not applied because of web edits), and every error."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def saved(self) -> int:
        return len(self.created) + len(self.updated)


@dataclass
class _Record:
    uid: str
    row: int
    data: service.InterviewData
    #: the record's version when the file was made (the row_version column), if given
    version: int | None = None
    participant_rows: list[int] = field(default_factory=list)
    note_rows: list[int] = field(default_factory=list)
    #: action code -> the strategy_ratings row it came from
    rating_rows: dict[str, int] = field(default_factory=dict)
    species_columns: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


# --- the blank template -----------------------------------------------------------------------


def _allowed_values() -> dict[str, list[str]]:
    def codes(model) -> list[str]:
        return list(db.session.scalars(db.select(model.code).order_by(model.code)))

    return {
        "country": codes(Country),
        "format": list(FORMATS),
        "language": [item["code"] for item in languages()],
        "consent": list(CONSENT),
        "status": list(STATUSES),
        "species": codes(Species),
        "severity": [*service.SEVERITIES, UNRATED],
        "group": codes(StakeholderGroup),
        "gender": list(service.GENDERS),
        "theme": ["general", *codes(Threat)],
        "action": list(ACTION_CODES),
        "level": list(service.LEVELS),
        "cost": list(COSTS),
        "agreement": list(AGREEMENTS),
    }


def _column_list(sheet_column: str) -> str | None:
    if sheet_column.startswith("species_"):
        return "species"
    if sheet_column.startswith("threat_"):
        return "severity"
    if sheet_column in {"impact", "feasibility"}:
        return "level"
    if sheet_column in {
        "country",
        "format",
        "language",
        "consent",
        "status",
        "group",
        "gender",
        "theme",
        "action",
        "cost",
        "agreement",
    }:
        return sheet_column
    return None


def _help_texts() -> dict[str, str]:
    return {
        "record_id": _(
            "Your own id for the record, unique (e.g. KZ-2026-014). Importing the "
            "file again updates the record with this id instead of adding one."
        ),
        "date": _("Date of the interview, YYYY-MM-DD."),
        "facilitators": _("E-mail addresses of the facilitators, separated by ';'. Empty: you."),
        "name": _("Only with consent; leave empty when consent is 'none'."),
        "theme": _("Threat theme of the note, or 'general'."),
        "species_1": _("Species discussed, one per column."),
        "threat_poaching": _(
            "Perceived severity of each threat discussed; empty if not "
            "discussed, 'unrated' if discussed without a severity."
        ),
        "agenda": _("Meetings only."),
        "action": _(
            "National consultations only: one row per action the meeting rated, by its code "
            "in the catalogue. Actions without a row are not rated by the meeting."
        ),
        "impact": _("Potential impact: 1 Low, 2 Medium, 3 High, 4 Very high."),
        "feasibility": _("Feasibility: 1 Low, 2 Medium, 3 High, 4 Very high."),
        "agreement": _("How far the participants agreed: full, majority or split."),
        "row_version": _(
            "Filled in by the export: the record's version when the file was made. Leave "
            "it as it is; empty for new records."
        ),
    }


def blank_template() -> bytes:
    """An empty import workbook (bytes): interviews, participants and notes sheets with the
    allowed values as drop-down lists, and a hidden sheet holding those lists."""
    allowed = _allowed_values()
    book = Workbook()
    book.remove(book.active)
    lists = book.create_sheet("lists")
    ranges = {}
    for index, (name, values) in enumerate(allowed.items(), start=1):
        letter = get_column_letter(index)
        lists.cell(row=1, column=index, value=name)
        for offset, value in enumerate(values, start=2):
            lists.cell(row=offset, column=index, value=value)
        ranges[name] = f"{quote_sheetname('lists')}!${letter}$2:${letter}${len(values) + 1}"
    lists.sheet_state = "hidden"
    helps = _help_texts()
    for position, (sheet_name, columns) in enumerate(SHEETS.items()):
        sheet = book.create_sheet(sheet_name, position)
        sheet.append(list(columns))
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = (
                40 if column in {"text", "translation_en", "key_quotes", "note"} else 16
            )
            if column in helps:
                sheet[f"{letter}1"].comment = Comment(helps[column], "consult")
            list_name = _column_list(column)
            if list_name:
                validation = DataValidation(
                    type="list", formula1=f"={ranges[list_name]}", allow_blank=True
                )
                validation.error = _("Choose a value from the list.")
                validation.showErrorMessage = True
                sheet.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            if column == "date":
                for row in range(2, TEMPLATE_ROWS + 2):
                    sheet[f"{letter}{row}"].number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def blank_template_file() -> io.BytesIO:
    """:func:`blank_template` as a file object for sending."""
    return io.BytesIO(blank_template())


# --- reading -------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(_text(value), pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def _read_sheet(book, name: str, errors: list[RowError]) -> list[tuple[int, dict[str, Any]]]:
    """The rows of one sheet that hold a value, as (row number, {header: value}); a missing
    sheet or required column is added to `errors`. Raises SpreadsheetError when the sheet
    breaks a reading limit."""
    if name not in book.sheet_names:
        if name not in OPTIONAL_SHEETS:
            errors.append(RowError(name, 1, "", _("The sheet '%(sheet)s' is missing.", sheet=name)))
        return []
    table = book.table(name)
    header = [_text(cell).lower() for cell in table.header]
    missing = [c for c in REQUIRED_COLUMNS[name] if c not in header]
    for column in missing:
        errors.append(
            RowError(name, 1, column, _("The column '%(column)s' is missing.", column=column))
        )
    if missing:
        return []
    result = []
    for number, values in table.rows:
        cells = {
            column: values[i] if i < len(values) else None
            for i, column in enumerate(header)
            if column
        }
        if any(_text(v) for v in cells.values()):
            result.append((number, cells))
    return result


def _open(stream: IO[bytes], filename: str) -> tuple[Any, RowError | None]:
    """The workbook of an upload, or the RowError saying why it cannot be read."""
    limits = spreadsheets.limits()
    content = stream.read(limits.max_bytes + 1)
    if not content:
        return None, RowError("", 0, "", _("The file is empty."))
    if filename and not filename.lower().endswith(".xlsx"):
        return None, RowError(
            "", 0, "", _("Only .xlsx files can be imported; download the template and use it.")
        )
    try:
        return open_xlsx(content, limits), None
    except SpreadsheetError as error:
        return None, _refusal(error)


def _refusal(error: SpreadsheetError) -> RowError:
    """A file refused by a reading limit, as the error the report lists."""
    return RowError(
        error.sheet or "", error.row or 0, error.column_label(), spreadsheets.message(error)
    )


def _parse_interview(
    number: int, cells: dict[str, Any], user: User | None, emails: dict[str, User]
) -> _Record:
    sheet = "interviews"
    errors: list[RowError] = []

    def text(column: str) -> str:
        return _text(cells.get(column))

    uid = text("record_id")
    if not uid:
        errors.append(RowError(sheet, number, "record_id", _("Give each record an id.")))
    elif len(uid) > 64:
        errors.append(RowError(sheet, number, "record_id", _("At most 64 characters.")))
    version = None
    if text("row_version"):
        version = int(text("row_version")) if text("row_version").isdigit() else None
        if version is None:
            errors.append(
                RowError(
                    sheet,
                    number,
                    "row_version",
                    _("Leave row_version as the export wrote it: a whole number, or empty."),
                )
            )
    when = None
    if text("date"):
        try:
            when = _date(cells.get("date"))
        except ValueError:
            errors.append(RowError(sheet, number, "date", _("Write the date as YYYY-MM-DD.")))
    facilitator_ids = []
    raw = text("facilitators").replace(",", ";")
    for email in (part.strip().lower() for part in raw.split(";")):
        if not email:
            continue
        person = emails.get(email)
        if person is None:
            errors.append(
                RowError(
                    sheet,
                    number,
                    "facilitators",
                    _("No account with the e-mail %(email)s.", email=email),
                )
            )
        else:
            facilitator_ids.append(person.id)
    if not raw.strip() and user is not None and not user.is_admin:
        facilitator_ids = [user.id]
    species, species_columns = [], []
    for column in SPECIES_COLUMNS + tuple(
        c for c in cells if c.startswith("species") and c not in SPECIES_COLUMNS
    ):
        for code in text(column).lower().replace(",", " ").replace(";", " ").split():
            species.append(code)
            species_columns.append(column)
    threats: dict[str, str | None] = {}
    for theme in THEMES:
        value = text(f"threat_{theme}").lower().replace(" ", "_")
        if value:
            threats[theme] = None if value == UNRATED else value
    data = service.InterviewData(
        country=text("country").upper(),
        date=when,
        format=text("format").lower(),
        language=text("language").lower(),
        consent=text("consent").lower(),
        settlement=text("settlement"),
        province=text("province"),
        status=text("status").lower() or "draft",
        facilitator_ids=facilitator_ids,
        species=species,
        threats=threats,
        key_quotes=text("key_quotes"),
        follow_up=text("follow_up"),
        agenda=text("agenda"),
        recommendations=text("recommendations"),
    )
    return _Record(
        uid, number, data, version=version, species_columns=species_columns, errors=errors
    )


def _check_record(record: _Record, user: User | None, current: Interview | None) -> None:
    """Add the service's rule problems to the record, each placed on its cell; `current`
    is the stored record the row would update, if any."""
    data = record.data
    kept = {person.id for person in current.facilitators} if current is not None else set()
    for problem in service.validate_interview(data, user, kept_facilitators=kept):
        name, _dot, sub = problem.field.partition(".")
        if name == "participants" and problem.item is not None:
            place = ("participants", record.participant_rows[problem.item], sub)
        elif name == "notes" and problem.item is not None:
            place = ("notes", record.note_rows[problem.item], sub)
        elif name == "species" and problem.item is not None:
            place = ("interviews", record.row, record.species_columns[problem.item])
        elif name == "threats":
            place = ("interviews", record.row, f"threat_{sub}" if sub else "")
        elif name == "strategy_ratings" and sub:
            # strategy_ratings.<action> (the action itself) or strategy_ratings.<action>.<field>
            action, _dot, part = (sub, "", "") if sub in record.rating_rows else sub.rpartition(".")
            place = ("strategy_ratings", record.rating_rows.get(action, 0), part or "action")
        else:
            place = ("interviews", record.row, name)
        record.errors.append(RowError(*place, problem.message))


def _dedupe(errors: list[RowError]) -> list[RowError]:
    seen: set[tuple[str, int, str]] = set()
    kept = []
    for error in errors:
        key = (error.sheet, error.row, error.column)
        if key not in seen:
            seen.add(key)
            kept.append(error)
    return kept


def import_workbook(
    stream: IO[bytes],
    user: User | None,
    *,
    all_or_nothing: bool = False,
    overwrite: bool = False,
    filename: str = "",
) -> ImportReport:
    """Check and import a filled-in template on behalf of `user` (None: an operator at the
    command line, who may write to any country).

    Every row is checked before anything is written. Valid records are saved and the others
    reported; a row whose record was edited on the web since the file was made is reported
    as a conflict and left alone, unless `overwrite` (see the module's docstring). With
    `all_or_nothing` nothing is saved when any error or conflict is found. A file that
    breaks a reading limit is refused whole. Each record is saved in a savepoint of its
    own; flushes, the caller commits.
    """
    report = ImportReport()
    book, problem = _open(stream, filename)
    if problem is not None:
        report.errors.append(problem)
        return report
    errors: list[RowError] = []
    try:
        with book:
            sheets = {name: _read_sheet(book, name, errors) for name in SHEETS}
    except SpreadsheetError as error:
        report.errors.append(_refusal(error))
        return report
    if errors:
        report.errors = errors
        return report
    if not sheets["interviews"]:
        report.errors.append(RowError("interviews", 2, "", _("The file has no interview rows.")))
        return report
    records = _records(sheets, user, errors)
    existing = {
        row.record_uid: row
        for row in db.session.scalars(
            db.select(Interview).where(Interview.record_uid.in_([r.uid for r in records.values()]))
        )
    }
    if "strategy_ratings" not in book.sheet_names:
        for record in records.values():
            if record.uid in existing:
                stored = service.data_from_interview(existing[record.uid])
                record.data.strategy_ratings = stored.strategy_ratings
    for record in records.values():
        _check_access(record, user, existing.get(record.uid))
        errors.extend(record.errors)
    report.errors = sorted(
        _dedupe(errors), key=lambda e: (list(SHEETS).index(e.sheet), e.row, e.column)
    )
    valid = [r for r in records.values() if not r.errors]
    if not overwrite:
        report.conflicts = _conflicts(valid, existing)
    if all_or_nothing and (report.errors or report.conflicts):
        report.skipped = [r.uid for r in records.values() if r.uid]
        return report
    report.skipped = [r.uid for r in records.values() if r.errors and r.uid]
    held = {conflict.uid for conflict in report.conflicts}
    for record in valid:
        if record.uid not in held:
            _save(record, existing.get(record.uid), user, report)
    return report


def _records(sheets: dict, user: User | None, errors: list[RowError]) -> dict[str, _Record]:
    """The interview rows with their participants and notes attached, by record id; rows
    that cannot be placed are added to `errors`."""
    emails = {u.email: u for u in db.session.scalars(db.select(User))}
    records: dict[str, _Record] = {}
    for number, cells in sheets["interviews"]:
        record = _parse_interview(number, cells, user, emails)
        if record.uid and record.uid in records:
            errors.append(
                RowError(
                    "interviews",
                    number,
                    "record_id",
                    _("The id %(id)s is used twice in this sheet.", id=record.uid),
                )
            )
            continue
        records[record.uid or f"#row{number}"] = record
    for number, cells in sheets["participants"]:
        record = _owner(records, "participants", number, cells, errors)
        if record is None:
            continue
        record.data.participants.append(
            service.ParticipantData(
                name=_text(cells.get("name")),
                organisation=_text(cells.get("organisation")),
                group=_text(cells.get("group")).lower() or None,
                role=_text(cells.get("role")),
                gender=_text(cells.get("gender")).lower(),
            )
        )
        record.participant_rows.append(number)
    for number, cells in sheets["notes"]:
        record = _owner(records, "notes", number, cells, errors)
        if record is None:
            continue
        theme = _text(cells.get("theme")).lower()
        record.data.notes.append(
            service.NoteData(
                theme=None if theme in ("", "general") else theme,
                text=_text(cells.get("text")),
                translation_en=_text(cells.get("translation_en")),
            )
        )
        record.note_rows.append(number)
    for number, cells in sheets["strategy_ratings"]:
        record = _owner(records, "strategy_ratings", number, cells, errors)
        if record is not None:
            _add_rating(record, number, cells)
    return records


def _add_rating(record: _Record, number: int, cells: dict[str, Any]) -> None:
    """One row of the strategy_ratings sheet into `record`; a level that is no level and an
    action rated twice are errors of the row."""
    sheet = "strategy_ratings"
    action = _text(cells.get("action")).lower()
    if not action:
        record.errors.append(RowError(sheet, number, "action", _("Give the action's code.")))
        return
    if action in record.rating_rows:
        message = _("This action is rated twice for this record.")
        record.errors.append(RowError(sheet, number, "action", message))
        return
    levels: dict[str, int | None] = {}
    for column in ("impact", "feasibility"):
        value = _text(cells.get(column)).lower().replace(" ", "_")
        levels[column] = LEVEL_VALUES.get(value)
        if value and levels[column] is None:
            message = _("Write a level from 1 (Low) to 4 (Very high).")
            record.errors.append(RowError(sheet, number, column, message))
    record.rating_rows[action] = number
    record.data.strategy_ratings[action] = service.StrategyRatingData(
        impact=levels["impact"],
        feasibility=levels["feasibility"],
        cost=_text(cells.get("cost")).lower() or None,
        agreement=_text(cells.get("agreement")).lower() or None,
        note=_text(cells.get("note")),
    )


def _owner(
    records: dict[str, _Record], sheet: str, number: int, cells: dict, errors: list[RowError]
) -> _Record | None:
    uid = _text(cells.get("record_id"))
    record = records.get(uid) if uid else None
    if record is None:
        errors.append(
            RowError(
                sheet,
                number,
                "record_id",
                _("No interview with this record_id in the interviews sheet."),
            )
        )
    return record


def _check_access(record: _Record, user: User | None, current: Interview | None) -> None:
    """The rules, and that `user` may change the stored record the row would update."""
    _check_record(record, user, current)
    if (
        current is not None
        and user is not None
        and not user.can_access_country(current.country_code)
    ):
        record.errors.append(
            RowError(
                "interviews",
                record.row,
                "record_id",
                _("This id belongs to a record in a country you are not assigned to."),
            )
        )
    record.errors = _dedupe(record.errors)


def _save_versions(interviews: list[Interview]) -> tuple[dict[int, int], dict[int, list[int]]]:
    """From the audit log, per interview id: the version its last import left, and the
    versions its web edits made."""
    imported: dict[int, int] = {}
    edited: dict[int, list[int]] = {}
    ids = [str(interview.id) for interview in interviews]
    for start in range(0, len(ids), 500):
        events = db.session.execute(
            db.select(AuditEvent.object_id, AuditEvent.action, AuditEvent.details).where(
                AuditEvent.object_type == "interview",
                AuditEvent.object_id.in_(ids[start : start + 500]),
                AuditEvent.action.in_(SAVE_ACTIONS),
            )
        )
        for object_id, action, details in events:
            version = (details or {}).get("version")
            if not isinstance(version, int):
                continue
            key = int(object_id)
            if action == IMPORT_ACTION:
                imported[key] = max(imported.get(key, 0), version)
            else:
                edited.setdefault(key, []).append(version)
    return imported, edited


def _conflicts(records: list[_Record], existing: dict[str, Interview]) -> list[Conflict]:
    """The rows that would undo web edits made since their file was made."""
    stored = {r.uid: existing[r.uid] for r in records if r.uid in existing}
    imported, edited = _save_versions(list(stored.values()))
    conflicts = []
    for record in records:
        current = stored.get(record.uid)
        if current is None:
            continue
        made_at = record.version
        if made_at is None or made_at > current.row_version:
            made_at = imported.get(current.id, 0)
        if not any(version > made_at for version in edited.get(current.id, ())):
            continue
        differs = service.pending_changes(current, record.data)
        if differs:
            conflicts.append(_conflict(record, current, differs))
    return conflicts


def _conflict(record: _Record, current: Interview, differs: list[str]) -> Conflict:
    names = tuple(FIELD_NAMES.get(name, name) for name in differs)
    message = _(
        "Edited on the web since this file was made (the record is at version "
        "%(version)d); the file differs in: %(fields)s. Not imported, so the web edits "
        "stay; import again with 'overwrite' to replace them.",
        version=current.row_version,
        fields=", ".join(names),
    )
    return Conflict("interviews", record.row, record.uid, names, message)


def _save(record: _Record, current: Interview | None, user: User | None, report) -> None:
    """Create or update one record in a savepoint of its own, and say so in `report`.

    The update expects the version the record had when the file was checked, so an edit
    saved on the web during the import becomes a conflict rather than being overwritten.
    """
    try:
        with db.session.begin_nested():
            if current is None:
                service.create_interview(record.data, user, record_uid=record.uid, action="import")
                report.created.append(record.uid)
            elif service.update_interview(
                current,
                record.data,
                user,
                expected_version=current.row_version,
                action="import",
            ):
                report.updated.append(record.uid)
            else:
                report.unchanged.append(record.uid)
    except service.EditConflict:
        message = _("Edited on the web while this file was being imported; not imported.")
        report.conflicts.append(Conflict("interviews", record.row, record.uid, (), message))
    except SQLAlchemyError as error:
        message = _(
            "The record could not be stored: %(error)s",
            error=str(getattr(error, "orig", None) or error)[:300],
        )
        report.errors.append(RowError("interviews", record.row, "", message))
        report.skipped.append(record.uid)

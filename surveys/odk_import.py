"""Reading submissions exported from KoboToolbox or ODK Central.

Both tools export one row per submission of the same XLSForm, as CSV or XLSX:

* question columns are named by the question's path with ``/`` (Kobo: ``threats/poaching``),
  ``-`` (ODK Central: ``threats-poaching``) or ``.`` between groups, or by the bare name
  (Kobo without group names);
* a select_multiple is one column of space-separated codes, or one 0/1 column per choice
  (``species/saiga``, ``species.saiga``), or both;
* the submission id is ``_uuid`` (Kobo), ``meta/instanceID`` or ``KEY`` (Central), with
  any ``uuid:`` prefix removed; the time is ``_submission_time`` (Kobo, UTC) or
  ``SubmissionDate`` (Central);
* Kobo's XLSX export puts each repeat on a sheet named after it, linked to the main
  sheet by ``_parent_index`` = ``_index`` (or ``_submission__uuid`` = ``_uuid``); those are
  read into per-instance lists. Repeats in CSV exports (separate files) are not read.

Only XML values (choice codes) and XML headers are understood, not label exports. Every
value is checked with :func:`surveys.validation.coerce`; a row is taken whole or not at
all, with the reasons.

Both kinds of file are read by :mod:`surveys.spreadsheet` within the caller's limits (size,
rows, columns, characters per cell, and for XLSX the zip and its XML), so an export that
breaks one is refused whole before any row is returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from surveys.cleaning import clean_text
from surveys.model import Form, Question
from surveys.spreadsheet import (
    DEFAULT_LIMITS,
    ZIP_MAGIC,
    Limits,
    SpreadsheetError,
    check_size,
    open_xlsx,
    read_csv,
)
from surveys.validation import AnswerError, coerce

_UUID_COLUMNS = ("_uuid", "meta/instanceID", "meta-instanceID", "meta.instanceID", "KEY")
_TIME_COLUMNS = ("_submission_time", "SubmissionDate")
_SEPARATORS = ("/", "-", ".", ":")
_SPLIT_SEPARATORS = ("/", ".")
_TRUE_CELLS = {"1", "true", "yes", "1.0"}
_FALSE_CELLS = {"0", "false", "no", "0.0", ""}


class SubmissionFileError(ValueError):
    """The file cannot be read as a submission export of the form.

    ``refusal`` is the :class:`~surveys.spreadsheet.SpreadsheetError` behind it when the
    file broke one of the reading limits (it says which, and where), else ``None``.
    """

    def __init__(self, message: str, refusal: SpreadsheetError | None = None) -> None:
        super().__init__(message)
        self.refusal = refusal


@dataclass
class RowResult:
    """One submission row of an export.

    ``row_number`` is the spreadsheet row (the header is row 1). ``values`` holds the
    coerced answers keyed by question name (empty answers left out; repeats as lists) and
    is ``None`` when the row has ``errors``, each naming the column and the reason.
    """

    row_number: int
    uuid: str | None
    submitted_at: datetime | None
    values: dict[str, Any] | None
    errors: list[str] = field(default_factory=list)


@dataclass
class _Table:
    title: str
    headers: list[str]
    rows: list[tuple[int, list[Any]]]

    def column(self, name: str) -> int | None:
        try:
            return self.headers.index(name)
        except ValueError:
            return None


def read_submissions(
    form: Form, data: bytes, filename: str, *, limits: Limits = DEFAULT_LIMITS
) -> list[RowResult]:
    """Read a KoboToolbox or ODK Central export (CSV or XLSX bytes) of ``form``.

    Returns one :class:`RowResult` per data row, in file order; blank rows are skipped.
    Raises :class:`SubmissionFileError` when the file cannot be read, breaks one of
    ``limits`` (then with the ``refusal``), or no column matches a question of the form.
    ``filename`` tells an XLSX upload from a CSV one when the bytes do not, and is used in
    messages.
    """
    try:
        tables = _read_tables(data, filename, limits)
    except SpreadsheetError as exc:
        raise SubmissionFileError(f"{filename}: {exc}", refusal=exc) from exc
    if not tables or not tables[0].headers:
        raise SubmissionFileError(f"{filename}: the file has no header row.")
    main = tables[0]
    columns = _match_columns(form, main.headers, repeat=None)
    if not columns:
        raise SubmissionFileError(
            f"{filename}: no column matches a question of the form '{form.form_id}'. "
            "Export with XML values and headers."
        )
    repeats = _repeat_rows(form, tables[1:])
    results = []
    seen: dict[str, int] = {}
    for number, cells in main.rows:
        result = _read_row(form, main, columns, number, cells, repeats)
        if result.uuid:
            if result.uuid in seen:
                result.errors.append(
                    f"the submission {result.uuid} is already on row {seen[result.uuid]}"
                )
                result.values = None
            else:
                seen[result.uuid] = number
        results.append(result)
    return results


# -- files -----------------------------------------------------------------------------


def _read_tables(data: bytes, filename: str, limits: Limits) -> list[_Table]:
    check_size(data, limits)
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data, limits)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise SpreadsheetError("not_xlsx")
    return _read_csv(data, limits)


def _read_csv(data: bytes, limits: Limits) -> list[_Table]:
    try:
        # Control characters out before anything reads a cell: PostgreSQL stores no NUL.
        text = clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SubmissionFileError("the CSV file is not UTF-8 text") from exc
    end = text.find("\n")
    first_line = text if end < 0 else text[:end]
    # Kobo writes ";" by default, ODK Central ","; the header line says which.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    table = read_csv(text, delimiter, limits)
    headers = [str(h).strip() for h in table.header]
    body = [(n, list(row)) for n, row in table.rows if any(c.strip() for c in row)]
    if not headers and not body:
        return []
    return [_Table("csv", headers, body)]


def _read_xlsx(data: bytes, limits: Limits) -> list[_Table]:
    tables = []
    with open_xlsx(data, limits) as workbook:
        for sheet in workbook.tables():
            headers = ["" if h is None else str(h).strip() for h in sheet.header]
            body = [(n, list(row)) for n, row in sheet.rows if any(_text(c) for c in row)]
            tables.append(_Table(sheet.title, headers, body))
    return tables


# -- columns ---------------------------------------------------------------------------


@dataclass
class _Columns:
    """Where a question's answer is: its own column and/or one 0/1 column per choice."""

    question: Question
    index: int | None
    header: str | None
    split: dict[str, tuple[int, str]] = field(default_factory=dict)


def _candidates(question: Question) -> list[str]:
    spellings = [question.path.replace("/", sep) for sep in _SEPARATORS]
    return list(dict.fromkeys([*spellings, question.name]))


def _match_columns(form: Form, headers: Sequence[str], repeat: str | None) -> list[_Columns]:
    positions = {}
    for index, header in enumerate(headers):
        positions.setdefault(header, index)
    questions = [q for q in form.questions.values() if q.type != "note" and q.repeat == repeat]
    claimed: set[int] = set()
    found: dict[str, _Columns] = {}
    # Full paths before bare names, so "species/saiga" is the question saiga in the
    # group species, not a split column of a question species, when both could be meant.
    for question in questions:
        for candidate in _candidates(question):
            index = positions.get(candidate)
            if index is not None and index not in claimed:
                found[question.name] = _Columns(question, index, candidate)
                claimed.add(index)
                break
    for question in questions:
        if question.type != "select_multiple":
            continue
        split = {}
        for candidate in _candidates(question):
            for code in question.codes:
                for sep in _SPLIT_SEPARATORS:
                    index = positions.get(f"{candidate}{sep}{code}")
                    if index is not None and index not in claimed and code not in split:
                        split[code] = (index, f"{candidate}{sep}{code}")
                        claimed.add(index)
        if split:
            entry = found.setdefault(question.name, _Columns(question, None, None))
            entry.split = split
    return [found[q.name] for q in questions if q.name in found]


def _text(value: Any) -> str:
    """A cell as text the way the export meant it (whole numbers without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _answer(entry: _Columns, cells: Sequence[Any]) -> tuple[str, list[str]]:
    """The raw answer of one question in one row, and the problems reading it."""
    own = _text(cells[entry.index]) if entry.index is not None and entry.index < len(cells) else ""
    if own or not entry.split:
        return own, []
    codes, problems = [], []
    for code, (index, header) in entry.split.items():
        cell = _text(cells[index]).lower() if index < len(cells) else ""
        if cell in _TRUE_CELLS:
            codes.append(code)
        elif cell not in _FALSE_CELLS:
            problems.append(f"column '{header}': '{cell}' is not 0 or 1")
    return " ".join(codes), problems


# -- rows ------------------------------------------------------------------------------


def _first(table: _Table, cells: Sequence[Any], names: Iterable[str]) -> tuple[str, str]:
    for name in names:
        index = table.column(name)
        if index is not None and index < len(cells) and _text(cells[index]):
            return name, _text(cells[index])
    return "", ""


def _uuid(table: _Table, cells: Sequence[Any]) -> str | None:
    _, value = _first(table, cells, _UUID_COLUMNS)
    value = value.removeprefix("uuid:").strip()
    return value or None


def _submitted_at(table: _Table, cells: Sequence[Any]) -> tuple[datetime | None, str | None]:
    for name in _TIME_COLUMNS:
        index = table.column(name)
        if index is None or index >= len(cells) or cells[index] in (None, ""):
            continue
        value = cells[index]
        if isinstance(value, datetime):
            moment = value
        else:
            try:
                moment = datetime.fromisoformat(_text(value))
            except ValueError:
                return None, f"column '{name}': '{_text(value)}' is not a date and time"
        if moment.tzinfo is None:
            # Kobo writes _submission_time in UTC without saying so.
            moment = moment.replace(tzinfo=UTC)
        return moment, None
    return None, None


def _coerce_cells(
    columns: Sequence[_Columns], cells: Sequence[Any], where: str = ""
) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    errors: list[str] = []
    for entry in columns:
        raw, problems = _answer(entry, cells)
        errors.extend(f"{where}{p}" for p in problems)
        if problems:
            continue
        try:
            value = coerce(entry.question, raw)
        except AnswerError as exc:
            header = entry.header or next(iter(entry.split.values()))[1]
            errors.append(f"{where}column '{header}': '{raw}': {exc}")
            continue
        values[entry.question.name] = value
    return values, errors


def _read_row(
    form: Form,
    table: _Table,
    columns: Sequence[_Columns],
    number: int,
    cells: Sequence[Any],
    repeats: dict[str, dict[str, list[tuple[dict[str, Any], list[str]]]]],
) -> RowResult:
    submitted_at, time_error = _submitted_at(table, cells)
    values, errors = _coerce_cells(columns, cells)
    if time_error:
        errors.append(time_error)
    values = {k: v for k, v in values.items() if v != ""}
    keys = {_first(table, cells, [name])[1] for name in ("_index", "_uuid")} - {""}
    for repeat, by_parent in repeats.items():
        instances = next((by_parent[k] for k in keys if k in by_parent), [])
        if not instances:
            continue
        names = [q.name for q in form.questions.values() if q.repeat == repeat and q.type != "note"]
        for _, instance_errors in instances:
            errors.extend(instance_errors)
        for name in names:
            items = [instance.get(name, "") for instance, _ in instances]
            if any(item != "" for item in items):
                values[name] = items
    return RowResult(
        row_number=number,
        uuid=_uuid(table, cells),
        submitted_at=submitted_at,
        values=None if errors else values,
        errors=errors,
    )


def _repeat_rows(
    form: Form, tables: Sequence[_Table]
) -> dict[str, dict[str, list[tuple[dict[str, Any], list[str]]]]]:
    """Kobo repeat sheets: {repeat: {parent _index or _uuid: [(values, errors)]}}."""
    repeats = {g.name for g in form.groups.values() if g.kind == "repeat"}
    found: dict[str, dict[str, list[tuple[dict[str, Any], list[str]]]]] = {}
    for table in tables:
        repeat = next((r for r in repeats if r[:31] == table.title), None)
        if repeat is None:
            continue
        columns = _match_columns(form, table.headers, repeat=repeat)
        by_parent: dict[str, list[tuple[dict[str, Any], list[str]]]] = {}
        for number, cells in table.rows:
            _, parent = _first(table, cells, ["_parent_index", "_submission__uuid"])
            if not parent:
                continue
            values, errors = _coerce_cells(columns, cells, f"sheet '{table.title}' row {number}, ")
            by_parent.setdefault(parent, []).append((values, errors))
        found[repeat] = by_parent
    return found

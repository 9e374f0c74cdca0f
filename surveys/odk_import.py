"""Reading submissions exported from KoboToolbox, ODK Central, legacy KoboCAT/Ona or consult.

Every tool exports one row per submission of the same XLSForm. What this module reads:

* **Files**: CSV (``,``, ``;`` or tab, told apart by the header record), XLSX (KoboToolbox:
  the main sheet first, one sheet per repeat) and ODK Central's ``.csv.zip`` (the main CSV
  and one CSV per repeat, ``<form>-<repeat>.csv``, joined by ``KEY`` = ``PARENT_KEY``).
  A repeat's file or sheet on its own (it has ``PARENT_KEY`` or ``_parent_index``) is
  refused: its rows are not submissions.
* **XML headers**: the question's path with ``/`` (Kobo), ``-`` (Central), ``.`` or ``:``
  between groups, the bare name, or in a repeat's file the path inside the repeat.
* **Label headers** (KoboToolbox's default export): the question's label in any of the
  form's languages, alone or after its groups' labels with any group separator (``/``,
  ``" > "``…; found per column). Columns are in form order, so a label several questions
  share (``Scope…`` in each threat block) goes to the next such question in order. Choice
  labels are read back to codes (a select_multiple's labels joined by spaces or ``"; "``).
* **select_multiple** as one column of codes and/or one 0/1 (or ``True``/``False``) column
  per choice (``species/saiga``; label exports: ``Species/Saiga``).
* **Legacy KoboCAT/Ona CSVs**: repeats as loop columns (``sites[2]/site_name``) and ``n/a``
  for "not asked" (read as empty wherever the file is such an export, and in any column of
  a question that cannot hold the text ``n/a``).
* A second header row of HXL hashtags (``#loc +name``) is skipped.
* **Form versions**: a row names its version in ``__version__``, ``_version_``,
  ``_version``, ``FormVersion`` or consult's ``version`` column; with ``versions`` given, a
  row naming one of them is read against that version's form. A choice code the row's
  form does not know (a choice removed since) is kept as given and reported
  (:class:`RowNote`), never dropped; so is an answer to a question of another version.
* **consult's own exports** (meta columns ``reference``, ``status``, ``submitted_at``…, the
  submission id and version): the apostrophe put before text that starts like a formula
  is taken off again.

Every column that matches no question is reported (:class:`UnmatchedColumn`, with how many
rows had a value there), and so are sheets and files that match no repeat, repeat rows
whose submission is not in the file, and HXL rows skipped. A file whose columns mostly
match nothing is refused. Every value is checked with :func:`surveys.validation.coerce`;
a row with a value that cannot be read (a number that is not one) is refused whole, with
the reasons.

Files are read by :mod:`surveys.spreadsheet` within the caller's limits (size, rows,
columns, characters per cell, and for zips their members), so an export that breaks one is
refused whole before any row is returned.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, NoReturn

from surveys.cleaning import clean_text
from surveys.export import restore
from surveys.model import MULTI_CODE_TYPES, SELECT_TYPES, Form, Question
from surveys.spreadsheet import (
    DEFAULT_LIMITS,
    ZIP_MAGIC,
    Limits,
    SpreadsheetError,
    check_size,
    check_zip,
    open_xlsx,
    read_csv,
)
from surveys.validation import AnswerError, coerce

_SEPARATORS = ("/", "-", ".", ":")
_TRUE_CELLS = {"1", "true", "yes", "1.0"}
_FALSE_CELLS = {"0", "false", "no", "0.0", ""}
#: What legacy KoboCAT / Ona exports write in a cell the submission has no value for.
PLACEHOLDER = "n/a"
#: Question types whose answer may be any text, so ``n/a`` can be a real answer.
_FREE_TEXT_TYPES = {"text", "calculate"}

#: Meta columns by the role they play. Submission ids in order of preference.
_ID_COLUMNS = (
    "submission_id", "_submission_id", "_uuid", "meta/instanceID", "meta-instanceID",
    "meta.instanceID", "instanceID", "KEY", "reference", "_reference",
)
_TIME_COLUMNS = ("submitted_at", "_submitted_at", "_submission_time", "SubmissionDate")
_VERSION_COLUMNS = ("version", "_version", "__version__", "_version_", "FormVersion")
#: consult's own export (surveys.export.META_COLUMNS and the submission id and version).
_CONSULT_META = (
    "id", "reference", "language", "country", "group", "status", "submitted_at",
    "submission_id", "version",
)
#: Columns KoboToolbox, KoboCAT/Ona and ODK Central add that hold no answer.
_TOOL_META = {
    "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
    "_submitted_by", "__version__", "_version_", "_version", "_tags", "_index",
    "_parent_table_name", "_parent_index", "_attachments", "_geolocation", "_xform_id_string",
    "_xform_id", "_duration", "_total_media", "_media_count", "_media_all_received",
    "_date_modified", "_edited", "_bamboo_dataset_id", "_deleted_at", "_review_status",
    "_review_comment", "_review_date", "instanceID", "SubmissionDate", "KEY", "PARENT_KEY",
    "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
    "ReviewState", "DeviceID", "Edits", "FormVersion", "isValidated",
}
#: Columns only KoboCAT / Ona write: their exports use n/a for "not asked".
_LEGACY_META = {
    "_duration", "_total_media", "_media_count", "_media_all_received", "_date_modified",
    "_xform_id_string", "_xform_id", "_version",
}
_META_PREFIXES = ("meta/", "meta-", "meta.", "formhub/", "formhub-", "_submission_")
_HXL_RE = re.compile(r"^#[A-Za-z][\w]*(\s*\+[\w-]+)*$")
_LOOP_RE = re.compile(r"\[(\d{1,4})\]")
_TRUNCATED_RE = re.compile(r"^(.*?)(?:\.\.\.|\u2026)(?: \(\d+\))?$")
_DEDUPED_RE = re.compile(r"^(.*?) \(\d+\)$")
_CENTRAL_COPY_RE = re.compile(r"~\d+$")
_INSTANCE_RE = re.compile(r"\[(\d+)\]$")
#: What Excel does not allow in a sheet name; KoboToolbox writes "_" instead.
_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]*?:\\/"})


class SubmissionFileError(ValueError):
    """The file cannot be read as a submission export of the form.

    ``refusal`` is the :class:`~surveys.spreadsheet.SpreadsheetError` behind it when the
    file broke one of the reading limits (it says which, and where), else ``None``.
    ``code`` names the reason (``no_header``, ``no_match``, ``mostly_unmatched``,
    ``repeat_only``, ``not_an_export``, ``not_a_zip``, ``not_utf8``, ``limit``) and
    ``params`` its details, so a caller can say it in another language.
    """

    def __init__(
        self,
        message: str,
        refusal: SpreadsheetError | None = None,
        *,
        code: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.refusal = refusal
        self.code = code or ("limit" if refusal is not None else "")
        self.params = dict(params or {})


@dataclass(frozen=True)
class RowNote:
    """An answer kept although the row's form cannot read it.

    ``kind`` is ``unknown_choice`` (a code or label the question's choices do not have:
    kept as given) or ``other_version`` (the question is not in the row's version of the
    form: the answer is kept under its name). ``column`` is the header it came from.
    """

    kind: str
    column: str
    question: str
    value: str

    def describe(self) -> str:
        """The note in English."""
        if self.kind == "unknown_choice":
            return (
                f"column '{self.column}': '{self.value}' is not one of the choices of "
                f"'{self.question}'; kept as given"
            )
        return (
            f"column '{self.column}': '{self.question}' is not a question of this version; "
            "the answer is kept"
        )


@dataclass
class RowResult:
    """One submission row of an export.

    ``row_number`` is the spreadsheet row (the header is row 1). ``values`` holds the
    coerced answers keyed by question name (empty answers left out; repeats as lists) and
    is ``None`` when the row has ``errors``, each naming the column and the reason.
    ``version`` is the key of ``versions`` the row was read against (``None``: the form
    given), ``notes`` the answers kept that the form could not read. ``meta`` holds what
    consult's own export says of the response (``reference``, ``language``, ``country``,
    ``group``, ``status``), as text.
    """

    row_number: int
    uuid: str | None
    submitted_at: datetime | None
    values: dict[str, Any] | None
    errors: list[str] = field(default_factory=list)
    version: str | None = None
    notes: list[RowNote] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class UnmatchedColumn:
    """A column that matches no question: ``values`` rows had something in it, which is
    not imported. ``sheet`` is the sheet or file (``None`` for a CSV's only table)."""

    sheet: str | None
    header: str
    values: int


@dataclass(frozen=True)
class UnreadTable:
    """A sheet or file of the export that matches no repeat of the form; its ``rows`` are
    not imported."""

    sheet: str
    rows: int


@dataclass(frozen=True)
class OrphanRows:
    """Rows of a repeat's sheet or file whose submission is not in the export."""

    sheet: str
    repeat: str
    rows: tuple[int, ...]


@dataclass
class ExportReading:
    """An export read: the rows and what the report must say about the rest.

    ``tool`` is ``kobo``, ``central``, ``legacy`` (KoboCAT / Ona), ``consult`` or
    ``unknown``; ``headers`` is ``xml``, ``labels`` or ``mixed``; ``language`` the form
    language whose labels matched the headers (``None`` for XML headers) and
    ``separator`` the group separator of label headers. ``metadata`` lists the tools'
    columns that hold no answer (not stored). ``repeat_tables`` says which repeat each
    other sheet or file was read as. ``placeholders`` counts the ``n/a`` cells read as
    "not asked"; ``hxl_rows`` names the tables whose HXL row was skipped;
    ``missing_repeats`` the repeats of the form the file has no column for (a Kobo CSV
    leaves repeats out); ``unknown_versions`` the version names rows gave that are not
    among ``versions``, with their number of rows.
    """

    rows: list[RowResult]
    tool: str = "unknown"
    headers: str = "xml"
    language: str | None = None
    separator: str | None = None
    unmatched: list[UnmatchedColumn] = field(default_factory=list)
    metadata: list[str] = field(default_factory=list)
    unread_tables: list[UnreadTable] = field(default_factory=list)
    orphans: list[OrphanRows] = field(default_factory=list)
    repeat_tables: dict[str, str] = field(default_factory=dict)
    placeholders: int = 0
    hxl_rows: list[str] = field(default_factory=list)
    missing_repeats: list[str] = field(default_factory=list)
    unknown_versions: dict[str, int] = field(default_factory=dict)


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

    @property
    def is_repeat(self) -> bool:
        return "PARENT_KEY" in self.headers or "_parent_index" in self.headers


def read_submissions(
    form: Form,
    data: bytes,
    filename: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    versions: Mapping[str, Form] | None = None,
) -> list[RowResult]:
    """The rows of :func:`read_export` (same arguments, same refusals)."""
    return read_export(form, data, filename, limits=limits, versions=versions).rows


def read_export(
    form: Form,
    data: bytes,
    filename: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    versions: Mapping[str, Form] | None = None,
) -> ExportReading:
    """Read an export (CSV, XLSX or ODK Central ``.csv.zip`` bytes) of ``form``.

    ``versions`` maps version names (as exports write them) to the forms of other
    versions of the same questionnaire; rows naming one are read against it. Returns an
    :class:`ExportReading` with one :class:`RowResult` per data row in file order (blank
    rows skipped) and what matched nothing. Raises :class:`SubmissionFileError` when the
    file cannot be read, breaks one of ``limits`` (then with the ``refusal``), is a
    repeat's file alone, or when no column, or fewer than half of the columns that are
    not a tool's metadata, match a question of the form. ``filename`` tells the kind of
    file when the bytes do not, and is used in messages.
    """
    versions = dict(versions or {})
    try:
        tables = _read_tables(data, filename, limits)
    except SpreadsheetError as exc:
        raise SubmissionFileError(f"{filename}: {exc}", refusal=exc) from exc
    tables = [t for t in tables if t.headers and any(t.headers)]
    if not tables:
        raise SubmissionFileError(f"{filename}: the file has no header row.", code="no_header")
    vocabulary = _Vocabulary(form, list(versions.values()))
    main = next((t for t in tables if not t.is_repeat), None)
    if main is None:
        _refuse_repeat_only(vocabulary, tables[0], filename, form)
    reading = ExportReading(rows=[])
    _skip_hxl(tables, reading)
    reading.tool = _tool(main.headers)
    columns = vocabulary.match(main, repeat=None, loops=True, tool=reading.tool)
    _check_enough(columns, main, filename, form)
    _describe_headers(columns, reading)
    repeats = _repeat_tables(vocabulary, [t for t in tables if t is not main], reading)
    legacy = reading.tool == "legacy" or _has_placeholders(vocabulary, main, columns)
    if legacy and reading.tool == "unknown":
        reading.tool = "legacy"
    context = _Context(form, versions, vocabulary, reading, legacy)
    children = {
        repeat: _child_rows(context, table, repeat_columns)
        for repeat, (table, repeat_columns) in repeats.items()
    }
    _note_columns(main, columns, reading, sheet=None if len(tables) == 1 else main.title)
    covered = set(repeats) | {vocabulary.form.questions[c.question].repeat for c in columns
                              if c.kind == "loop"}
    reading.missing_repeats = [
        g.name for g in form.groups.values()
        if g.kind == "repeat" and g.name not in covered
        and any(q.repeat == g.name and q.answered for q in form.questions.values())
    ]
    seen: dict[str, int] = {}
    used: dict[str, set[str]] = {repeat: set() for repeat in children}
    unknown: Counter[str] = Counter()
    for number, cells in main.rows:
        result = _read_row(context, main, columns, number, cells, children, used, unknown)
        if result.uuid:
            if result.uuid in seen:
                result.errors.append(
                    f"the submission {result.uuid} is already on row {seen[result.uuid]}"
                )
                result.values = None
            else:
                seen[result.uuid] = number
        reading.rows.append(result)
    reading.unknown_versions = dict(unknown)
    for repeat, (table, _columns) in repeats.items():
        orphans = tuple(
            number
            for parent, instances in children[repeat].items()
            if parent not in used[repeat]
            for number, _values, _errors, _notes in instances
        )
        if orphans:
            reading.orphans.append(OrphanRows(table.title, repeat, tuple(sorted(orphans))))
    return reading


def _skip_hxl(tables: Sequence[_Table], reading: ExportReading) -> None:
    """Take out a second header row of HXL hashtags (``#loc +name``) from each table."""
    for table in tables:
        if not table.rows:
            continue
        cells = [_text(c) for c in table.rows[0][1]]
        filled = [c for c in cells if c]
        if filled and all(_HXL_RE.match(c) for c in filled):
            table.rows.pop(0)
            reading.hxl_rows.append(table.title)


# -- files -----------------------------------------------------------------------------


def _read_tables(data: bytes, filename: str, limits: Limits) -> list[_Table]:
    check_size(data, limits)
    lower = filename.lower()
    if data.startswith(ZIP_MAGIC):
        archive = check_zip(data, limits)
        names = archive.namelist()
        if "[Content_Types].xml" in names or any(n.startswith("xl/") for n in names):
            return _read_xlsx(data, limits)
        csvs = [n for n in names if n.lower().endswith(".csv") and not n.startswith("media/")]
        if not csvs:
            raise SubmissionFileError(
                f"{filename}: the zip holds neither an Excel workbook nor the CSV files "
                "of an ODK Central export.",
                code="not_an_export",
            )
        return [_read_csv(archive.read(name), limits, posixpath.basename(name)) for name in csvs]
    if lower.endswith((".xlsx", ".xlsm")):
        raise SpreadsheetError("not_xlsx")
    if lower.endswith(".zip"):
        raise SubmissionFileError(
            f"{filename}: the file is not a zip; download the .csv.zip again from ODK Central.",
            code="not_a_zip",
        )
    return [_read_csv(data, limits, posixpath.basename(filename) or "csv")]


def _first_record(text: str) -> str:
    """The first CSV record (a header may hold line breaks inside quotes), quotes out."""
    quoted, out = False, []
    for char in text[:1_000_000]:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            break
        elif not quoted:
            out.append(char)
    return "".join(out)


def _read_csv(data: bytes, limits: Limits, title: str) -> _Table:
    try:
        # Control characters out before anything reads a cell: PostgreSQL stores no NUL.
        text = clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SubmissionFileError(
            f"{title}: the CSV file is not UTF-8 text", code="not_utf8"
        ) from exc
    first = _first_record(text)
    # Kobo writes ";" by default, ODK Central ","; the header record says which (counted
    # outside quotes, where labels may hold either).
    delimiter = max((",", ";", "\t"), key=first.count)
    table = read_csv(text, delimiter, limits)
    headers = [str(h).strip() for h in table.header]
    body = [(n, list(row)) for n, row in table.rows if any(c.strip() for c in row)]
    return _Table(title, headers, body)


def _read_xlsx(data: bytes, limits: Limits) -> list[_Table]:
    tables = []
    with open_xlsx(data, limits) as workbook:
        for sheet in workbook.tables():
            headers = ["" if h is None else _text(h) for h in sheet.header]
            body = [(n, list(row)) for n, row in sheet.rows if any(_text(c) for c in row)]
            tables.append(_Table(sheet.title, headers, body))
    return tables


# -- what a column holds -----------------------------------------------------------------


@dataclass
class _Column:
    """One column of a table: a question's answer (``question``), one choice of a
    select_multiple (``split``, ``code``; ``known`` False for a code the form lacks), a
    repeat question's answer in instance ``instance`` (``loop``, legacy), a tool's
    metadata (``meta``, ``role``) or nothing known (``unmatched``)."""

    index: int
    header: str
    kind: str = "unmatched"
    question: str | None = None
    code: str | None = None
    known: bool = True
    instance: int | None = None
    role: str | None = None
    language: str | None = None
    separator: str | None = None


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _merged(form: Form, others: Iterable[Form]) -> Form:
    """``form`` with the questions, groups and choices of ``others`` added after its own,
    so that columns of any version are recognised."""
    others = list(others)
    if not others:
        return form
    merged = Form.from_dict(form.to_dict())
    for other in others:
        for name, question in other.questions.items():
            merged.questions.setdefault(name, question)
        for name, group in other.groups.items():
            merged.groups.setdefault(name, group)
        for list_name, choices in other.choices.items():
            known = {c.name for c in merged.choices.setdefault(list_name, [])}
            merged.choices[list_name].extend(c for c in choices if c.name not in known)
        merged.languages = list(dict.fromkeys([*merged.languages, *other.languages]))
    return merged


class _Vocabulary:
    """Every way an export names the questions and choices of a form."""

    def __init__(self, form: Form, others: Sequence[Form] = ()) -> None:
        self.form = form = _merged(form, others)
        self.order = {name: n for n, name in enumerate(form.questions)}
        # A question may have moved or changed type between versions (2026.1's
        # profile/species, a select_multiple, is a calculation in threats/ later): every
        # version's spelling of it is known.
        self.variants: dict[str, list[Question]] = {}
        for version in [form, *others]:
            for question in version.questions.values():
                if question.type == "note":
                    continue
                known = self.variants.setdefault(question.name, [])
                if all((q.path, q.type) != (question.path, question.type) for q in known):
                    known.append(question)
        self.questions = [q for name in form.questions for q in self.variants.get(name, [])]
        self.languages = list(dict.fromkeys([*form.languages, form.default_language]))
        self.paths: dict[str, str] = {}
        self.relative: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for question in self.questions:
            for sep in _SEPARATORS:
                self.paths.setdefault(question.path.replace("/", sep), question.name)
            self.names.setdefault(question.name, question.name)
            if question.repeat:
                base = next(
                    (g.path for g in form.groups.values()
                     if g.kind == "repeat" and g.name == question.repeat), ""
                )
                inside = question.path.removeprefix(base + "/") if base else question.name
                for sep in _SEPARATORS:
                    self.relative.setdefault(inside.replace("/", sep), question.name)
        # Labels: normalised question label -> [(question, language, group labels)].
        self.labels: dict[str, list[tuple[str, str, tuple[str, ...], bool]]] = {}
        for question in self.questions:
            chain = self._chain(question)
            for lang in self.languages:
                own = question.labels.get(lang)
                groups = tuple(_norm(g.labels.get(lang) or g.name) for g in chain)
                last = _norm(own or question.name)
                if not last:
                    continue
                self.labels.setdefault(last, []).append((question.name, lang, groups, bool(own)))
        self.longest_label = max((len(k) for k in self.labels), default=0)
        # Choices of select questions: normalised label or code -> codes, per list.
        self.choice_labels: dict[str, dict[str, dict[str, list[str]]]] = {}
        for list_name, choices in form.choices.items():
            by_lang: dict[str, dict[str, list[str]]] = {}
            for choice in choices:
                for lang, text in choice.labels.items():
                    if text:
                        by_lang.setdefault(lang, {}).setdefault(_norm(text), []).append(
                            choice.name
                        )
            self.choice_labels[list_name] = by_lang

    def _chain(self, question: Question) -> list:
        chain = []
        name = question.group
        while name and name in self.form.groups and len(chain) < 50:
            group = self.form.groups[name]
            chain.append(group)
            name = group.parent
        return list(reversed(chain))

    def in_scope(self, name: str, repeat: str | None) -> bool:
        return self.form.questions[name].repeat == repeat

    # -- one header --------------------------------------------------------------------

    def xml(self, header: str, repeat: str | None) -> str | None:
        """The question a header names by path (or path inside ``repeat``)."""
        name = self.paths.get(header)
        if name is None and repeat is not None:
            name = self.relative.get(header)
        return name if name is not None and self.in_scope(name, repeat) else None

    def label_matches(self, header: str, repeat: str | None) -> list[tuple[str, str, str | None]]:
        """Questions whose label (alone, or after its groups' labels joined by one
        separator) is ``header``: ``[(question, language, separator or None)]``."""
        text = _norm(header)
        found = []
        # Only suffixes as long as a label can be: a huge header costs no more than a short one.
        for start in range(max(0, len(text) - self.longest_label), len(text)):
            for name, lang, groups, own in self.labels.get(text[start:], ()):
                if not self.in_scope(name, repeat):
                    continue
                prefix = text[:start]
                if not prefix:
                    if own:
                        found.append((name, lang, None))
                elif groups:
                    separator = _separator(prefix, groups)
                    if separator is not None:
                        found.append((name, lang, separator))
        return found

    def codes_of(self, question: Question, text: str, lang: str | None) -> list[str]:
        """The codes whose label in ``lang`` (else any language) is ``text``."""
        by_lang = self.choice_labels.get(question.list_name or "", {})
        key = _norm(text)
        if lang and key in by_lang.get(lang, {}):
            return by_lang[lang][key]
        for codes in (by_lang.get(code, {}).get(key) for code in self.languages):
            if codes:
                return codes
        for labels in by_lang.values():
            if key in labels:
                return labels[key]
        return []

    # -- a whole table -------------------------------------------------------------------

    def match(
        self, table: _Table, *, repeat: str | None, loops: bool, tool: str
    ) -> list[_Column]:
        """What each column of ``table`` holds, questions of ``repeat`` (``None``: the
        main table, with loop columns of repeats when ``loops``)."""
        columns = [_Column(i, h) for i, h in enumerate(table.headers)]
        claimed: set[str] = set()

        def take(column: _Column, kind: str, question: str | None = None, **more) -> None:
            column.kind, column.question = kind, question
            for key, value in more.items():
                setattr(column, key, value)
            if kind == "question" and question:
                claimed.add(question)

        open_ = [c for c in columns if c.header]
        # 1. Full paths (with any separator), the surest.
        for column in open_:
            name = self.paths.get(column.header)
            if name is None and repeat is not None:
                name = self.relative.get(column.header)
            if name is not None and self.in_scope(name, repeat) and name not in claimed:
                take(column, "question", name)
        # 2. The tools' metadata.
        for column in open_:
            if column.kind == "unmatched":
                role = _meta_role(column.header, tool)
                if role is not None:
                    take(column, "meta", role=role)
        # 3. Bare names.
        for column in open_:
            name = self.names.get(column.header)
            if column.kind == "unmatched" and name and self.in_scope(name, repeat):
                if name not in claimed:
                    take(column, "question", name)
        # 4. Loop columns of legacy exports: sites[2]/site_name.
        if loops:
            for column in open_:
                if column.kind == "unmatched" and "[" in column.header:
                    self._loop(column)
        # 5. One column per choice: <question>/<code>.
        headers = {c.header: c for c in columns if c.kind == "question"}
        for column in open_:
            if column.kind == "unmatched":
                self._split_by_code(column, headers, repeat)
        # 6. Labels, in form order where several questions share one.
        last = -1
        for column in open_:
            if column.kind != "unmatched":
                if column.kind == "question" and column.question:
                    last = max(last, self.order[column.question])
                continue
            matches = [m for m in self.label_matches(column.header, repeat) if m[0] not in claimed]
            if not matches:
                continue
            names = sorted({m[0] for m in matches}, key=self.order.__getitem__)
            name = next((n for n in names if self.order[n] > last), names[0])
            lang, separator = next((m[1], m[2]) for m in matches if m[0] == name)
            take(column, "question", name, language=lang, separator=separator)
            last = self.order[name]
        # 7. One column per choice, by labels: <question label>/<choice label>.
        questions = {c.question for c in columns if c.kind == "question"}
        for column in open_:
            if column.kind == "unmatched":
                self._split_by_label(column, repeat, questions)
        return columns

    def _loop(self, column: _Column) -> None:
        found = _LOOP_RE.findall(column.header)
        if len(found) != 1:
            return
        instance = int(found[0])
        path = _LOOP_RE.sub("", column.header)
        name = self.paths.get(path)
        if name is not None and self.form.questions[name].repeat and instance >= 1:
            column.kind, column.question, column.instance = "loop", name, instance
            return
        for sep in _SEPARATORS:
            head, _, code = path.rpartition(sep)
            name = self.paths.get(head)
            if name and instance >= 1 and self.form.questions[name].repeat:
                question = self.form.questions[name]
                if question.type == "select_multiple":
                    column.kind, column.question, column.instance = "loop", name, instance
                    column.code, column.known = code, code in question.codes
                    return

    def _split_by_code(self, column: _Column, headers: Mapping[str, _Column], repeat) -> None:
        for sep in _SEPARATORS:
            head, _, code = column.header.rpartition(sep)
            if not head or not code:
                continue
            name = self.xml(head, repeat) or (
                self.names.get(head) if head in self.names and self.in_scope(head, repeat)
                else None
            )
            if name is None and head in headers:
                name = headers[head].question
            question = next(
                (q for q in self.variants.get(name or "", ()) if q.type == "select_multiple"),
                None,
            )
            if question is not None:
                column.kind, column.question = "split", question.name
                column.code, column.known = code, code in question.codes
                return

    def _split_by_label(self, column: _Column, repeat, questions: set) -> None:
        text = _norm(column.header)
        for question in self.questions:
            if question.type != "select_multiple" or not self.in_scope(question.name, repeat):
                continue
            by_lang = self.choice_labels.get(question.list_name or "", {})
            for labels in by_lang.values():
                for label, codes in labels.items():
                    if not text.endswith(label) or len(text) <= len(label):
                        continue
                    head = text[: -len(label)]
                    for width in (1, 2, 3):
                        part = head[:-width] if len(head) > width else ""
                        if part and self._names_question(part, question, repeat):
                            column.kind, column.question = "split", question.name
                            column.code = codes[0]
                            return

    def _names_question(self, text: str, question: Question, repeat) -> bool:
        if text in {_norm(question.path.replace("/", s)) for s in _SEPARATORS}:
            return True
        if text == _norm(question.name):
            return True
        return any(m[0] == question.name for m in self.label_matches(text, repeat))


def _separator(prefix: str, groups: tuple[str, ...]) -> str | None:
    """The separator ``s`` such that ``s.join(groups) + s == prefix``, if there is one."""
    total = len(prefix) - sum(len(g) for g in groups)
    if total < 0 or total % len(groups) or not prefix.startswith(groups[0]):
        return None
    width = total // len(groups)
    separator = prefix[len(groups[0]) : len(groups[0]) + width]
    return separator if separator.join(groups) + separator == prefix else None


def _tool(headers: Sequence[str]) -> str:
    present = set(headers)
    plain = {h.lstrip("_") for h in present}
    if {"reference", "status", "submitted_at"} <= plain and (
        "submission_id" in plain or "language" in plain
    ):
        return "consult"
    if "KEY" in present and "SubmissionDate" in present:
        return "central"
    if present & _LEGACY_META or any(_LOOP_RE.search(h) for h in present):
        return "legacy"
    if present & {"_uuid", "_submission_time", "_index", "__version__"}:
        return "kobo"
    return "unknown"


def _meta_role(header: str, tool: str) -> str | None:
    """What a tool's metadata column is for (``id``, ``time``, ``version``, ``index``,
    ``parent``, ``key``, consult's ``reference`` …, else ``meta``); ``None`` when the
    header is no tool's metadata."""
    if tool == "consult":
        plain = header[1:] if header.startswith("_") else header
        if plain in _CONSULT_META:
            return {"submitted_at": "time", "submission_id": "id", "id": "meta"}.get(plain, plain)
    if header in _ID_COLUMNS[2:7]:
        return "id"
    if header in ("_submission_time", "SubmissionDate"):
        return "time"
    if header in ("__version__", "_version_", "_version", "FormVersion"):
        return "version"
    if header == "_index":
        return "index"
    if header in ("_parent_index",):
        return "parent"
    if header == "_submission__uuid":
        return "parent_uuid"
    if header == "KEY":
        return "key"
    if header == "PARENT_KEY":
        return "parent_key"
    if header in _TOOL_META or header.startswith(_META_PREFIXES):
        return "meta"
    return None


def _check_enough(columns: Sequence[_Column], table: _Table, filename: str, form: Form) -> None:
    answers = [c for c in columns if c.kind in ("question", "split", "loop")]
    unmatched = [c.header for c in columns if c.kind == "unmatched" and c.header]
    if not answers:
        raise SubmissionFileError(
            f"{filename}: no column matches a question of the form '{form.form_id}', by "
            "name or by label in any of its languages.",
            code="no_match",
            params={"form": form.form_id},
        )
    if len(unmatched) > len(answers):
        shown = ", ".join(f"'{h}'" for h in unmatched[:8])
        more = f" and {len(unmatched) - 8} more" if len(unmatched) > 8 else ""
        raise SubmissionFileError(
            f"{filename}: {len(unmatched)} of the {len(unmatched) + len(answers)} columns "
            f"match no question of the form '{form.form_id}' ({shown}{more}); is it an "
            "export of this form?",
            code="mostly_unmatched",
            params={
                "form": form.form_id,
                "unmatched": len(unmatched),
                "total": len(unmatched) + len(answers),
                "columns": unmatched[:8],
            },
        )


def _refuse_repeat_only(
    vocabulary: _Vocabulary, table: _Table, filename: str, form: Form
) -> NoReturn:
    repeat = _best_repeat(vocabulary, table, list(_repeat_names(form)))
    where = f" of the repeat '{repeat}'" if repeat else " of a repeat"
    raise SubmissionFileError(
        f"{filename}: this is the file{where} (it has "
        f"{'PARENT_KEY' if 'PARENT_KEY' in table.headers else '_parent_index'}), whose rows "
        "are not submissions. Import the whole export: the .csv.zip from ODK Central, or "
        "the XLSX from KoboToolbox.",
        code="repeat_only",
        params={"repeat": repeat or ""},
    )


def _describe_headers(columns: Sequence[_Column], reading: ExportReading) -> None:
    by_label = [c for c in columns if c.kind == "question" and c.language]
    by_xml = [c for c in columns if c.kind == "question" and not c.language]
    if by_label:
        reading.headers = "labels" if len(by_label) >= len(by_xml) else "mixed"
        reading.language = Counter(c.language for c in by_label).most_common(1)[0][0]
        separators = Counter(c.separator for c in by_label if c.separator is not None)
        reading.separator = separators.most_common(1)[0][0] if separators else None


def _note_columns(
    table: _Table, columns: Sequence[_Column], reading: ExportReading, sheet: str | None
) -> None:
    for column in columns:
        if column.kind == "meta":
            if column.header not in reading.metadata:
                reading.metadata.append(column.header)
            continue
        if column.kind != "unmatched":
            continue
        filled = sum(
            1 for _, cells in table.rows
            if column.index < len(cells) and _text(cells[column.index]) not in ("", PLACEHOLDER)
        )
        if not column.header and not filled:
            continue
        reading.unmatched.append(UnmatchedColumn(sheet, column.header, filled))


def _has_placeholders(vocabulary: _Vocabulary, table: _Table, columns: Sequence[_Column]) -> bool:
    """True when ``n/a`` stands where no answer can be ``n/a`` (a number, a choice)."""
    for column in columns:
        if column.kind not in ("question", "split", "loop") or not column.question:
            continue
        question = vocabulary.form.questions[column.question]
        if column.kind == "question" and question.type in _FREE_TEXT_TYPES:
            continue
        if any(
            column.index < len(cells) and _text(cells[column.index]) == PLACEHOLDER
            for _, cells in table.rows
        ):
            return True
    return False


# -- repeats in their own sheets or files ------------------------------------------------


def _repeat_names(form: Form) -> list[str]:
    return [g.name for g in form.groups.values() if g.kind == "repeat"]


def _sheet_name(name: str) -> str:
    """A repeat's name as KoboToolbox's XLSX export names its sheet, before shortening."""
    name = name.translate(_SHEET_FORBIDDEN)
    return re.sub(r"(^'|'$)", "_", name)


def _title_candidates(title: str, repeats: Sequence[str]) -> list[str]:
    """Repeats a sheet or file title can stand for: the name itself, KoboToolbox's
    shortened name (31 characters ending in "..." or "…", then " (1)" when two clash),
    or ODK Central's ``<form>-<repeat>.csv`` (``~1`` when two repeats share a name)."""
    stem = title[:-4] if title.lower().endswith(".csv") else title
    stem = _CENTRAL_COPY_RE.sub("", stem)
    exact = [r for r in repeats if _sheet_name(r) == stem or stem.endswith("-" + r) or r == stem]
    if exact:
        return sorted(exact, key=len, reverse=True)[:1]
    shortened = _TRUNCATED_RE.match(stem) or _DEDUPED_RE.match(stem)
    if shortened:
        prefix = shortened.group(1)
        return [r for r in repeats if _sheet_name(r).startswith(prefix)]
    return []


def _score(vocabulary: _Vocabulary, table: _Table, repeat: str) -> int:
    return sum(
        1 for header in table.headers
        if header and (vocabulary.xml(header, repeat) or vocabulary.label_matches(header, repeat))
    )


def _best_repeat(vocabulary: _Vocabulary, table: _Table, candidates: Sequence[str]) -> str | None:
    scored = [(_score(vocabulary, table, r), -n, r) for n, r in enumerate(candidates)]
    scored = [s for s in scored if s[0] > 0]
    return max(scored)[2] if scored else None


def _repeat_tables(
    vocabulary: _Vocabulary, tables: Sequence[_Table], reading: ExportReading
) -> dict[str, tuple[_Table, list[_Column]]]:
    repeats = _repeat_names(vocabulary.form)
    found: dict[str, tuple[_Table, list[_Column]]] = {}
    for table in tables:
        free = [r for r in repeats if r not in found]
        candidates = [r for r in _title_candidates(table.title, repeats) if r in free]
        repeat = candidates[0] if len(candidates) == 1 else None
        if repeat is None:
            repeat = _best_repeat(vocabulary, table, candidates or free)
        if repeat is None or not table.is_repeat:
            reading.unread_tables.append(UnreadTable(table.title, len(table.rows)))
            continue
        columns = vocabulary.match(table, repeat=repeat, loops=False, tool="kobo")
        found[repeat] = (table, columns)
        reading.repeat_tables[table.title] = repeat
        _note_columns(table, columns, reading, sheet=table.title)
    return found


Instances = dict[str, list[tuple[int, dict[str, Any], list[str], list[RowNote]]]]


def _child_rows(context: _Context, table: _Table, columns: Sequence[_Column]) -> Instances:
    """A repeat's rows by their submission's key: ``_parent_index`` (= ``_index``),
    ``_submission__uuid`` (= ``_uuid``) or ``PARENT_KEY`` (= ``KEY``), in instance order."""
    by_parent: Instances = {}
    order: dict[str, list[int]] = {}
    parents = [c.index for c in columns if c.role in ("parent", "parent_uuid", "parent_key")]
    keys = [c.index for c in columns if c.role == "key"]
    for number, cells in table.rows:
        parent = next((_text(cells[i]) for i in parents if i < len(cells) and _text(cells[i])), "")
        if not parent:
            continue
        values, errors, notes = context.coerce_cells(
            columns, cells, context.form, f"sheet '{table.title}' row {number}, "
        )
        by_parent.setdefault(parent, []).append((number, values, errors, notes))
        key = next((_text(cells[i]) for i in keys if i < len(cells)), "")
        match = _INSTANCE_RE.search(key)
        order.setdefault(parent, []).append(int(match.group(1)) if match else 0)
    for parent, instances in by_parent.items():
        places = order[parent]
        if any(places):
            paired = sorted(zip(places, range(len(instances)), instances, strict=True))
            by_parent[parent] = [item for _, _, item in paired]
    return by_parent


# -- values ----------------------------------------------------------------------------


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


class _Context:
    """What reading a row needs: the forms, the vocabulary and the file's conventions."""

    def __init__(
        self,
        form: Form,
        versions: Mapping[str, Form],
        vocabulary: _Vocabulary,
        reading: ExportReading,
        legacy: bool,
    ) -> None:
        self.form = form
        self.versions = versions
        self.vocabulary = vocabulary
        self.reading = reading
        self.legacy = legacy
        self.consult = reading.tool == "consult"

    def cell(self, cells: Sequence[Any], column: _Column) -> str:
        """A cell's text; ``n/a`` placeholders empty, consult's formula guard undone."""
        text = _text(cells[column.index] if column.index < len(cells) else None)
        if text == PLACEHOLDER and self._placeholder(column):
            self.reading.placeholders += 1
            return ""
        return restore(text) if self.consult else text

    def _placeholder(self, column: _Column) -> bool:
        if self.legacy or column.kind != "question":
            return True
        question = self.vocabulary.form.questions.get(column.question or "")
        return question is None or question.type not in _FREE_TEXT_TYPES

    def coerce_cells(
        self, columns: Sequence[_Column], cells: Sequence[Any], form: Form, where: str = ""
    ) -> tuple[dict[str, Any], list[str], list[RowNote]]:
        """The answers of one row (or repeat row): own columns, then choice columns."""
        values: dict[str, Any] = {}
        errors: list[str] = []
        notes: list[RowNote] = []
        own = {c.question: c for c in columns if c.kind == "question"}
        splits: dict[str, list[_Column]] = {}
        for column in columns:
            if column.kind == "split" and column.question:
                splits.setdefault(column.question, []).append(column)
        for name in [*own, *(n for n in splits if n not in own)]:
            column = own.get(name)
            raw = self.cell(cells, column) if column is not None else ""
            header = column.header if column is not None else splits[name][0].header
            if name in splits and raw and not self._readable(name, raw, form, column):
                # A label export's answer whose labels do not read back: the 0/1 columns do.
                from_splits, problems = self._from_splits(splits[name], cells)
                if from_splits and not problems:
                    raw = from_splits
            if raw == "" and name in splits:
                raw, problems = self._from_splits(splits[name], cells)
                errors.extend(f"{where}{p}" for p in problems)
                if problems:
                    continue
            value, error, note = self.value(name, raw, header, form, column)
            if error:
                errors.append(f"{where}{error}")
            elif value != "":
                values[name] = value
                if note is not None:
                    notes.append(note)
        return values, errors, notes

    def _readable(self, name: str, raw: str, form: Form, column: _Column | None) -> bool:
        question = form.questions.get(name)
        if question is None or question.type not in MULTI_CODE_TYPES:
            return True
        return all(c in question.codes for c in self.codes(question, raw, column).split())

    def _from_splits(self, splits: Sequence[_Column], cells: Sequence[Any]) -> tuple[str, list]:
        codes, problems = [], []
        for column in splits:
            cell = self.cell(cells, column).lower()
            if cell in _TRUE_CELLS:
                codes.append(column.code or "")
            elif cell not in _FALSE_CELLS:
                problems.append(f"column '{column.header}': '{cell}' is not 0 or 1")
        return " ".join(c.replace(" ", "_") for c in codes if c), problems

    def value(
        self, name: str, raw: str, header: str, form: Form, column: _Column | None
    ) -> tuple[Any, str | None, RowNote | None]:
        """A coerced answer, an error, or the answer kept as given with a note."""
        if raw == "":
            return "", None, None
        question = form.questions.get(name)
        if question is None:
            known = self.vocabulary.form.questions[name]
            if known.type in SELECT_TYPES:
                raw = self.codes(known, raw, column)
            try:
                kept = coerce(known, raw)
            except AnswerError:
                kept = raw
            return kept, None, RowNote("other_version", header, name, raw)
        if question.type in SELECT_TYPES:
            raw = self.codes(question, raw, column)
        try:
            return coerce(question, raw), None, None
        except AnswerError as exc:
            if exc.key in ("choice", "duplicate"):
                codes = raw.split() if question.type in MULTI_CODE_TYPES else [raw]
                unknown = [c for c in codes if c not in question.codes] or codes
                kept = " ".join(codes) if question.type in MULTI_CODE_TYPES else raw
                return kept, None, RowNote("unknown_choice", header, name, " ".join(unknown))
            return "", f"column '{header}': '{raw}': {exc}", None

    def codes(self, question: Question, text: str, column: _Column | None) -> str:
        """Choice labels read back to codes; codes and what matches nothing as given."""
        lang = (column.language if column else None) or self.reading.language
        by_label = bool(column and column.language)
        if question.type not in MULTI_CODE_TYPES:
            if text in question.codes and not (by_label and self._label_code(question, text, lang)):
                return text
            return self._label_code(question, text, lang) or text
        tokens = text.split()
        if all(t in question.codes for t in tokens) and not by_label:
            return " ".join(tokens)
        for pieces in (text.split(";"), text.split("|")):
            if len(pieces) > 1:
                codes = [self._label_code(question, p, lang) or p.strip() for p in pieces]
                if all(c in question.codes for c in codes):
                    return " ".join(codes)
        segmented = self._segment(question, tokens, lang)
        if segmented is not None:
            return " ".join(segmented)
        return " ".join(tokens)

    def _label_code(self, question: Question, text: str, lang: str | None) -> str | None:
        codes = self.vocabulary.codes_of(question, text, lang)
        return codes[0] if len(set(codes)) == 1 else None

    def _segment(self, question: Question, tokens: list[str], lang) -> list[str] | None:
        """Labels joined by spaces (KoboToolbox's label export of a select_multiple) read
        back to codes: the split of the words into whole labels or codes, longest first."""
        labels = self.vocabulary.choice_labels.get(question.list_name or "", {})
        words = max((len(label.split()) for by in labels.values() for label in by), default=1)
        best: dict[int, list[str]] = {0: []}
        for start in range(len(tokens)):
            if start not in best:
                continue
            for end in range(min(len(tokens), start + words), start, -1):
                piece = " ".join(tokens[start:end])
                code = self._label_code(question, piece, lang)
                if code is None and end == start + 1 and piece in question.codes:
                    code = piece
                if code is not None and end not in best:
                    best[end] = [*best[start], code]
        return best.get(len(tokens))


# -- rows ------------------------------------------------------------------------------


def _role_value(table: _Table, columns: Sequence[_Column], cells, roles: Iterable[str]) -> str:
    for role in roles:
        for column in columns:
            if column.role == role and column.index < len(cells):
                value = _text(cells[column.index])
                if value and value != PLACEHOLDER:
                    return value
    return ""


def _uuid(columns: Sequence[_Column], cells: Sequence[Any]) -> str | None:
    ordered = sorted(
        (c for c in columns if c.role in ("id", "key", "reference")),
        key=lambda c: (_ID_COLUMNS.index(c.header) if c.header in _ID_COLUMNS else 99),
    )
    for column in ordered:
        value = _text(cells[column.index]) if column.index < len(cells) else ""
        value = value.removeprefix("uuid:").strip()
        if value and value != PLACEHOLDER:
            return value
    return None


def _submitted_at(
    columns: Sequence[_Column], cells: Sequence[Any]
) -> tuple[datetime | None, str | None]:
    for column in columns:
        if column.role != "time" or column.index >= len(cells):
            continue
        value = cells[column.index]
        if value in (None, "") or _text(value) == PLACEHOLDER:
            continue
        if isinstance(value, datetime):
            moment = value
        else:
            try:
                moment = datetime.fromisoformat(_text(value))
            except ValueError:
                return None, f"column '{column.header}': '{_text(value)}' is not a date and time"
        if moment.tzinfo is None:
            # Kobo writes _submission_time in UTC without saying so.
            moment = moment.replace(tzinfo=UTC)
        return moment, None
    return None, None


def _read_row(
    context: _Context,
    table: _Table,
    columns: Sequence[_Column],
    number: int,
    cells: Sequence[Any],
    children: Mapping[str, Instances],
    used: dict[str, set[str]],
    unknown: Counter,
) -> RowResult:
    named = _role_value(table, columns, cells, ["version"])
    version = named if named in context.versions else None
    if named and version is None and named not in (context.form.version,):
        unknown[named] += 1
    form = context.versions[version] if version is not None else context.form
    submitted_at, time_error = _submitted_at(columns, cells)
    values, errors, notes = context.coerce_cells(
        [c for c in columns if c.kind in ("question", "split")], cells, form
    )
    if time_error:
        errors.append(time_error)
    _read_loops(context, columns, cells, form, values, errors, notes)
    keys = {_role_value(table, columns, cells, [role]) for role in ("index", "id", "key")} - {""}
    raw_keys = {
        _text(cells[c.index]) for c in columns
        if c.role in ("id", "key") and c.index < len(cells)
    } - {""}
    for repeat, by_parent in children.items():
        parent = next((k for k in [*keys, *raw_keys] if k in by_parent), None)
        if parent is None:
            continue
        used[repeat].add(parent)
        instances = by_parent[parent]
        for _number, _values, instance_errors, instance_notes in instances:
            errors.extend(instance_errors)
            notes.extend(instance_notes)
        names = [
            q.name for q in context.vocabulary.form.questions.values()
            if q.repeat == repeat and q.type != "note"
        ]
        for name in names:
            items = [instance.get(name, "") for _n, instance, _e, _o in instances]
            if any(item != "" for item in items):
                values[name] = items
    meta = {
        c.role: _text(cells[c.index]) for c in columns
        if c.role in ("reference", "language", "country", "group", "status")
        and c.index < len(cells) and _text(cells[c.index])
    }
    return RowResult(
        row_number=number,
        uuid=_uuid(columns, cells),
        submitted_at=submitted_at,
        values=None if errors else values,
        errors=errors,
        version=version,
        notes=notes,
        meta=meta,
    )


def _read_loops(
    context: _Context,
    columns: Sequence[_Column],
    cells: Sequence[Any],
    form: Form,
    values: dict[str, Any],
    errors: list[str],
    notes: list[RowNote],
) -> None:
    """Legacy loop columns (``sites[2]/site_name``) into per-instance lists."""
    loops = [c for c in columns if c.kind == "loop"]
    if not loops:
        return
    by_instance: dict[tuple[str, int], list[_Column]] = {}
    for column in loops:
        by_instance.setdefault((column.question or "", column.instance or 0), []).append(column)
    items: dict[str, dict[int, Any]] = {}
    for (name, instance), group in by_instance.items():
        own = next((c for c in group if c.code is None), None)
        raw = context.cell(cells, own) if own is not None else ""
        if raw == "":
            splits = [c for c in group if c.code is not None]
            if splits:
                raw, problems = context._from_splits(splits, cells)
                errors.extend(problems)
                if problems:
                    continue
        header = (own or group[0]).header
        value, error, note = context.value(name, raw, header, form, own)
        if error:
            errors.append(error)
        elif value != "":
            items.setdefault(name, {})[instance] = value
            if note is not None:
                notes.append(note)
    sizes: dict[str | None, int] = {}
    for name, found in items.items():
        repeat = context.vocabulary.form.questions[name].repeat
        sizes[repeat] = max(sizes.get(repeat, 0), max(found))
    for name, found in items.items():
        size = sizes[context.vocabulary.form.questions[name].repeat]
        values[name] = [found.get(i, "") for i in range(1, size + 1)]


__all__ = [
    "ExportReading",
    "OrphanRows",
    "PLACEHOLDER",
    "RowNote",
    "RowResult",
    "SubmissionFileError",
    "UnmatchedColumn",
    "UnreadTable",
    "read_export",
    "read_submissions",
]


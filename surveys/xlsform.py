"""XLSForm in and out.

:func:`load_form` checks an uploaded workbook and turns it into a :class:`~surveys.model.Form`.
pyxform does the reading and the XLSForm checking: it reads the workbook, normalises the
column headers (aliases, ``label::Русский (ru)`` translation columns), and converts the form
to an XForm exactly as ODK tools do, so a form accepted here also works in KoboToolbox or
ODK Central. Its errors and warnings are mapped to the sheet, row and column they are
about. On top of that the engine checks what it needs itself: every expression parses,
question names are unique in the whole form, and every question type can be answered in
the web questionnaire.

:func:`form_to_xlsx` writes the workbook back from the rows kept in the form, and
:func:`xlsx_with_language` adds empty translation columns for a new language.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

import openpyxl
from pyxform import aliases, constants
from pyxform.builder import create_survey_element_from_dict
from pyxform.errors import PyXFormError
from pyxform.parsing.parameters import parse as parse_parameters
from pyxform.parsing.sheet_headers import dealias_and_group_headers, process_header
from pyxform.question import MultipleChoiceQuestion, Option
from pyxform.survey import Survey
from pyxform.validators.pyxform.sheet_misspellings import find_sheet_misspellings
from pyxform.xls2json import RE_BEGIN_CONTROL, RE_END_CONTROL, RE_SELECT, workbook_to_json
from pyxform.xls2json_backends import DefinitionData, get_xlsform

from surveys import expressions
from surveys.attachments import (
    MAX_TOTAL_BYTES,
    Attachment,
    AttachmentError,
    read_attachment,
)
from surveys.attachments import to_dict as attachment_to_dict
from surveys.model import (
    OTHER_CODE,
    REPEAT_PARENT,
    SELECT_TYPES,
    SUPPORTED_TYPES,
    Choice,
    Form,
    Group,
    Question,
    Section,
    SheetData,
)
from surveys.spreadsheet import DEFAULT_LIMITS, ZIP_MAGIC, Limits, SpreadsheetError
from surveys.spreadsheet import check_xlsx as check_spreadsheet

MAX_BYTES = 5 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SHEETS = ("survey", "choices", "settings", "external_choices", "entities", "osm")

_ROW_RE = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_SHEET_RE = re.compile(r"On the '([^']+)' sheet|sheet: '([^']+)'")
_COLUMN_RE = re.compile(r"the '([^']+)' (?:value|column)")
_UNKNOWN_TYPE_RE = re.compile(r"Unknown question type '([^']*)'")
_ELEMENT_RE = re.compile(r"element named '([^']+)'")
_MISSING_TRANSLATION_RE = re.compile(r"is missing the (survey|choices) ")
_LANGUAGE_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\)$")
_CODE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$")
#: Messages of pyxform that do not name their column, and the column they are about.
_COLUMN_HINTS = (
    ("Unmatched", "type"),
    ("List name not in", "type"),
    ("no type", "type"),
    ("question type", "type"),
    ("or_other", "type"),
    ("table list", "type"),
    ("Repeat loop", "type"),
    ("no name", "name"),
    ("Missing calculation", "calculation"),
    ("Choice filter", "choice_filter"),
    ("Parameter", "parameters"),
)

#: Grouped pyxform header tokens and the XLSForm column names users write.
_BIND_COLUMNS = {
    ("bind", "relevant"): "relevant",
    ("bind", "required"): "required",
    ("bind", "constraint"): "constraint",
    ("bind", "calculate"): "calculation",
    ("bind", "jr:constraintMsg"): "constraint_message",
    ("bind", "jr:requiredMsg"): "required_message",
    ("bind", "readonly"): "read_only",
    ("control", "appearance"): "appearance",
    ("control", "jr:count"): "repeat_count",
}
#: Translatable columns: model attribute name -> pyxform header tokens.
SURVEY_TEXT_COLUMNS = {
    "label": ("label",),
    "hint": ("hint",),
    "guidance_hint": ("guidance_hint",),
    "constraint_message": ("bind", "jr:constraintMsg"),
    "required_message": ("bind", "jr:requiredMsg"),
}
#: Expression columns checked when a form is loaded.
_EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter", "repeat_count")

#: Question type spellings pyxform accepts, mapped to the engine's names.
_TYPE_NAMES = {
    "string": "text",
    "q string": "text",
    "add text prompt": "text",
    "int": "integer",
    "q int": "integer",
    "add integer prompt": "integer",
    "q decimal": "decimal",
    "add decimal prompt": "decimal",
    "q date": "date",
    "add date prompt": "date",
    "dateTime": "datetime",
    "date time": "datetime",
    "q dateTime": "datetime",
    "q date time": "datetime",
    "add dateTime prompt": "datetime",
    "add date time prompt": "datetime",
    "q note": "note",
    "add note prompt": "note",
    "trigger": "acknowledge",
    "q acknowledge": "acknowledge",
    "add acknowledge prompt": "acknowledge",
    "q calculate": "calculate",
    "add calculate prompt": "calculate",
    "start time": "start",
    "get start time": "start",
    "end time": "end",
    "get end time": "end",
    "get today": "today",
    "device id": "deviceid",
    "get device id": "deviceid",
    "imei": "deviceid",
    "uri:deviceid": "deviceid",
    "subscriber id": "subscriberid",
    "get subscriber id": "subscriberid",
    "uri:subscriberid": "subscriberid",
    "sim id": "simserial",
    "get sim id": "simserial",
    "uri:simserial": "simserial",
    "get phone number": "phonenumber",
    "uri:phonenumber": "phonenumber",
    "uri:username": "username",
    "uri:email": "email",
    "photo": "image",
    "q picture": "image",
    "q image": "image",
    "add image prompt": "image",
    "q audio": "audio",
    "add audio prompt": "audio",
    "q video": "video",
    "add video prompt": "video",
    "add file prompt": "file",
    "osm": "file",
    "q barcode": "barcode",
    "add barcode prompt": "barcode",
    "phone number": "phone",
    "location": "geopoint",
    "gps": "geopoint",
    "q location": "geopoint",
    "q geopoint": "geopoint",
    "add location prompt": "geopoint",
    "q geoshape": "geoshape",
    "q geotrace": "geotrace",
    "percentage": "integer",
    "number of days in last month": "integer",
    "number of days in last six months": "integer",
    "number of days in last year": "integer",
}
#: Types that declare a secondary instance from an attached file rather than a question.
_EXTERNAL_INSTANCE_TYPES = {"xml-external": ".xml", "csv-external": ".csv"}
_SELECT_NAMES = {
    constants.SELECT_ONE: "select_one",
    constants.SELECT_ALL_THAT_APPLY: "select_multiple",
    constants.RANK: "rank",
    constants.SELECT_ONE_EXTERNAL: "select_one",
}
#: English and native names of the programme's languages, for translation columns that
#: give a language name without a code (``label::Russian``).
_LANGUAGE_NAMES = {
    "english": "en",
    "russian": "ru",
    "русский": "ru",
    "chinese": "zh",
    "中文": "zh",
    "mongolian": "mn",
    "монгол": "mn",
    "persian": "fa",
    "farsi": "fa",
    "فارسی": "fa",
    "kazakh": "kk",
    "қазақша": "kk",
    "kyrgyz": "ky",
    "кыргызча": "ky",
    "uzbek": "uz",
    "o'zbek": "uz",
    "tajik": "tg",
    "тоҷикӣ": "tg",
    "turkmen": "tk",
    "türkmen": "tk",
    "pashto": "ps",
    "پښتو": "ps",
    "urdu": "ur",
    "اردو": "ur",
    "hindi": "hi",
    "हिन्दी": "hi",
    "nepali": "ne",
    "नेपाली": "ne",
    "dzongkha": "dz",
    "རྫོང་ཁ": "dz",
}


@dataclass(frozen=True)
class FormIssue:
    """A problem with an uploaded form, located as precisely as it can be.

    ``sheet`` is the worksheet name (``survey``, ``choices``, ``settings``), ``row`` the
    spreadsheet row number (the header is row 1) and ``column`` the column header as
    written in the sheet; each is ``None`` when the problem is not about one place.
    """

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"sheet '{self.sheet}'")
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class FormError(ValueError):
    """The uploaded form cannot be used; ``issues`` says where and why.

    ``warnings`` holds pyxform's warnings about the same workbook, if it got that far.
    ``refusal`` is the :class:`~surveys.spreadsheet.SpreadsheetError` when the workbook
    broke a reading limit (then the only issue is that one), else ``None``.
    """

    def __init__(
        self,
        issues: Sequence[FormIssue],
        warnings: Sequence[FormIssue] = (),
        refusal: SpreadsheetError | None = None,
    ):
        self.issues = list(issues)
        self.warnings = list(warnings)
        self.refusal = refusal
        super().__init__("; ".join(str(issue) for issue in self.issues))


@dataclass
class LoadedForm:
    """A form that loaded, with pyxform's warnings (missing translations and the like)."""

    form: Form
    warnings: list[FormIssue] = field(default_factory=list)


def load_form(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = MAX_BYTES,
    limits: Limits = DEFAULT_LIMITS,
    attachments: Mapping[str, bytes] | None = None,
) -> LoadedForm:
    """Read an XLSForm workbook (.xlsx or .xls bytes) into a :class:`Form`.

    ``filename`` only supplies the form id when the settings sheet has none. Returns the
    form with pyxform's warnings. Raises :class:`FormError` listing every problem found:
    not an Excel workbook, larger than ``max_bytes``, empty, no survey sheet, and every
    error pyxform or the engine's own checks report, located by sheet, row and column.
    An .xlsx is first read through within ``limits`` (its ``max_bytes`` is replaced by
    ``max_bytes``); one that breaks a limit is refused with that refusal alone.

    ``attachments`` maps file names to the bytes of the CSV, XML and GeoJSON files the form
    reads (``select_one_from_file``, ``csv-external``/``xml-external``, ``pulldata()``,
    ``instance()``); they are kept in the form (:mod:`surveys.attachments`). A file the form
    needs and was not given is an issue naming the row that needs it.
    """
    kind = _sniff(data, max_bytes, limits)
    try:
        definition = get_xlsform(data, file_type=kind)
    except Exception as exc:  # xlrd and openpyxl raise many types for corrupt files
        raise FormError([FormIssue(None, None, None, _unreadable(kind, exc))]) from exc
    _check_sheets(definition)

    warnings: list[str] = []
    issues: list[FormIssue] = []
    sheets = _Sheets(definition)
    try:
        convert_with_pyxform(definition, PurePath(filename).stem, warnings)
    except PyXFormError as exc:
        issues.extend(_issues_from_message(str(exc), exc.context, sheets))
    except Exception as exc:  # pyxform has no other error contract for broken input
        issues.append(FormIssue(None, None, None, f"The form could not be converted: {exc}"))
    mapped_warnings = [i for w in warnings for i in _issues_from_message(w, {}, sheets)]

    files, attachment_issues = _read_attachments(attachments or {})
    issues.extend(attachment_issues)
    builder = _FormBuilder(definition, sheets, PurePath(filename).stem, files)
    try:
        form = builder.build()
    except PyXFormError as exc:
        if not issues:
            issues.extend(_issues_from_message(str(exc), exc.context, sheets))
        form = None
    located = {(i.sheet, i.row, i.column) for i in issues}
    issues.extend(i for i in builder.issues if (i.sheet, i.row, i.column) not in located)
    if form is not None and not form.questions and not issues and not builder.used_files:
        issues.append(FormIssue(sheets.title("survey"), None, None, "The form has no questions."))
    if form is not None:
        unused = sorted(set(files) - builder.used_files)
        mapped_warnings.extend(
            FormIssue(None, None, None, f"The attachment '{name}' is not used by the form.")
            for name in unused
        )
    if issues or form is None:
        raise FormError(issues, mapped_warnings)
    return LoadedForm(form=form, warnings=mapped_warnings)


def form_to_xlsx(form: Form) -> bytes:
    """Write ``form`` as an .xlsx workbook (bytes) from the sheet rows it was loaded from.

    Every column and row of the imported survey, choices and settings sheets is written
    back, so :func:`load_form` reads the result to an equal form. ``ValueError`` if the
    form has no sheet rows (it was not made by :func:`load_form`).
    """
    if "survey" not in form.sheets:
        raise ValueError("the form has no sheet rows to write")
    return _write_workbook(form.sheets.values())


def xlsx_with_language(form: Form, lang_code: str, lang_name: str) -> bytes:
    """The form's workbook with empty translation columns for a new language.

    For every translatable column of the default language (survey label, hint,
    guidance_hint, constraint_message, required_message; choices label) a column
    ``<column>::<lang_name> (<lang_code>)`` is inserted after the existing ones, unless it
    is there already. Returns .xlsx bytes for translators to fill in and upload again.
    ``ValueError`` for a malformed code (``kk``, ``zh-Hans``) or name.
    """
    if not _CODE_RE.match(lang_code):
        raise ValueError(f"not a language code: {lang_code!r}")
    lang_name = lang_name.strip()
    if not lang_name or any(c in lang_name for c in "():"):
        raise ValueError(f"not a language name: {lang_name!r}")
    if "survey" not in form.sheets:
        raise ValueError("the form has no sheet rows to write")
    sheets = []
    for key, sheet in form.sheets.items():
        if key in ("survey", "choices"):
            columns = SURVEY_TEXT_COLUMNS if key == "survey" else {"label": ("label",)}
            sheet = _add_language_columns(sheet, key, columns, lang_code, lang_name)
        elif key == "settings":
            sheet = _add_title_column(form, sheet, lang_code, lang_name)
        sheets.append(sheet)
    return _write_workbook(sheets)


def language_of(key: str) -> tuple[str | None, str]:
    """Split a translation column suffix into ``(code, name)``.

    ``"Русский (ru)"`` gives ``("ru", "Русский")``; ``"Russian"`` gives ``("ru",
    "Russian")`` for the programme's languages and ``(None, name)`` otherwise.
    """
    key = key.strip()
    match = _LANGUAGE_RE.match(key)
    if match:
        return match["code"].lower().replace("_", "-"), match["name"].strip() or match["code"]
    return _LANGUAGE_NAMES.get(key.lower()), key


# -- reading ---------------------------------------------------------------------------


def _sniff(data: bytes, max_bytes: int, limits: Limits) -> str:
    """Say ".xlsx" or ".xls" from the bytes themselves, or raise FormError. An .xlsx is
    checked whole by :func:`surveys.spreadsheet.check_xlsx` before pyxform reads it."""

    def fail(message: str) -> FormError:
        return FormError([FormIssue(None, None, None, message)])

    if len(data) > max_bytes:
        raise fail(f"The file is larger than the limit of {max_bytes // 1024} KB.")
    if not data:
        raise fail("The file is empty.")
    if data.startswith(_OLE_MAGIC):
        return ".xls"
    if not data.startswith(ZIP_MAGIC):
        raise fail("The file is not an Excel workbook (.xlsx or .xls).")
    try:
        check_spreadsheet(data, replace(limits, max_bytes=max_bytes))
    except SpreadsheetError as exc:
        issue = FormIssue(exc.sheet, exc.row, exc.column_label() or None, exc.limit_message())
        raise FormError([issue], refusal=exc) from exc
    return ".xlsx"


def _read_attachments(
    given: Mapping[str, bytes],
) -> tuple[dict[str, Attachment], list[FormIssue]]:
    files: dict[str, Attachment] = {}
    issues: list[FormIssue] = []
    total = sum(len(data) for data in given.values())
    if total > MAX_TOTAL_BYTES:
        message = f"The attachments are larger than the limit of {MAX_TOTAL_BYTES // 1024} KB."
        return {}, [FormIssue(None, None, None, message)]
    for name, data in given.items():
        try:
            attachment = read_attachment(name, data)
        except AttachmentError as exc:
            message = f"Attachment '{exc.filename}': {exc.message}."
            issues.append(FormIssue(None, None, None, message))
            continue
        files[attachment.name] = attachment
    return files, issues


def _unreadable(kind: str, exc: Exception) -> str:
    return f"The file could not be read as an Excel workbook ({kind}): {exc}"


def _not_an_xlsform(names: Sequence[str]) -> FormError:
    shown = ", ".join(f"'{name}'" for name in names[:5]) + (", ..." if len(names) > 5 else "")
    return FormError(
        [
            FormIssue(
                None,
                None,
                None,
                f"This workbook is not an XLSForm: it has no 'survey' sheet with a 'type' "
                f"column (its sheets: {shown}). A workbook of data, such as answers or a "
                "list, cannot be imported as a form.",
            )
        ]
    )


def _check_sheets(definition: DefinitionData) -> None:
    names = list(definition.sheet_names or [])
    has_content = any(
        getattr(definition, sheet) or getattr(definition, f"{sheet}_header") for sheet in _SHEETS
    )
    known = {name.lower() for name in names} & {*_SHEETS, "external_choices"}
    if not has_content:
        if len(names) > 1 and not known:
            raise _not_an_xlsform(names)
        raise FormError([FormIssue(None, None, None, "The workbook is empty.")])
    # pyxform reads a workbook of one sheet as the survey, whatever its name: without a
    # 'type' column it is data, not a form.
    header = definition.survey_header[0] if definition.survey_header else {}
    headers = {str(h).strip().lower() for h in header}
    if not known and "type" not in headers:
        raise _not_an_xlsform(names)
    if definition.survey is None and definition.survey_header is None:
        message = "The workbook has no sheet named 'survey'."
        similar = find_sheet_misspellings(key=constants.SURVEY, keys=names)
        if similar:
            message = f"{message} {similar}"
        raise FormError([FormIssue("survey", None, None, message)])
    if not any(definition.survey or []):
        sheet = _sheet_title(definition, "survey")
        raise FormError([FormIssue(sheet, None, None, "The survey sheet has no questions.")])


#: Settings columns this app reads per language (``form_title::Русский (ru)``) that
#: XForms cannot hold (an XForm has one ``<h:title>``): pyxform is not shown them.
TRANSLATED_SETTINGS = ("form_title", "form_description", "description")


def _is_translated_setting(header: object) -> bool:
    name, sep, _suffix = str(header).partition("::")
    return bool(sep) and name.strip().lower() in TRANSLATED_SETTINGS or (
        not sep and str(header).strip().lower() in TRANSLATED_SETTINGS[1:]
    )


def single_title_workbook(data: bytes) -> bytes:
    """The .xlsx workbook ``data`` without its translated settings columns
    (``form_title::…``, ``form_description::…``): the workbook pyxform, and so KoboToolbox and
    ODK Central, accept. Every other sheet and cell is kept as it is."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() != "settings":
            continue
        headers = [cell.value for cell in sheet[1]] if sheet.max_row else []
        for index in sorted(
            (i for i, header in enumerate(headers, start=1)
             if header is not None and _is_translated_setting(header)),
            reverse=True,
        ):
            sheet.delete_cols(index)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def for_pyxform(definition: DefinitionData) -> DefinitionData:
    """``definition`` without the translated settings columns pyxform cannot convert."""

    def keep(rows):
        if not rows:
            return rows
        return [{k: v for k, v in row.items() if not _is_translated_setting(k)} for row in rows]

    return dataclasses.replace(
        definition,
        settings=keep(definition.settings),
        settings_header=keep(definition.settings_header),
    )


def convert_with_pyxform(
    definition: DefinitionData, stem: str, warnings: list[str], *, validate: bool = False
) -> str:
    """pyxform's XLSForm to XForm conversion of ``definition`` (without the translated
    settings pyxform cannot hold): the XForm XML; pyxform's warnings go to ``warnings``.
    ``validate`` also runs ODK Validate (a Java process: far too slow for a web upload, where
    pyxform's own checks plus the engine's expression parser cover what the engine relies
    on)."""
    json_form = workbook_to_json(
        workbook_dict=copy.deepcopy(for_pyxform(definition)),
        form_name="data",
        fallback_form_name=stem,
        warnings=warnings,
    )
    survey = create_survey_element_from_dict(json_form)
    return survey.to_xml(validate=validate, warnings=warnings)


def _sheet_title(definition: DefinitionData, key: str) -> str:
    names = list(definition.sheet_names or [])
    for name in names:
        if name.lower() == key:
            return name
    if key == "survey" and len(names) == 1:
        return names[0]
    return key


class _Sheets:
    """The raw sheets with their original headers, and pyxform's reading of the headers."""

    def __init__(self, definition: DefinitionData):
        self.definition = definition
        self.data: dict[str, SheetData] = {}
        for key in _SHEETS:
            rows = getattr(definition, key)
            header = getattr(definition, f"{key}_header")
            if rows is None and header is None:
                continue
            headers = list(header[0]) if header else []
            table = [[_text(row.get(h)) for h in headers] for row in rows or []]
            self.data[key] = SheetData(
                title=_sheet_title(definition, key), headers=headers, rows=table
            )

    def title(self, key: str) -> str:
        sheet = self.data.get(key)
        return sheet.title if sheet else key

    def header_for(self, key: str, column: str) -> str:
        """The header as written in sheet ``key`` for an XLSForm column name."""
        sheet = self.data.get(key)
        if sheet is None:
            return column
        aliases_map = aliases.survey_header if key == "survey" else aliases.list_header
        columns = _survey_columns() if key == "survey" else _option_columns()
        use_double_colon = any("::" in h for h in sheet.headers)
        for header in sheet.headers:
            _, tokens = process_header(header, use_double_colon, aliases_map, columns)
            name = _BIND_COLUMNS.get(tokens[:2], tokens[0])
            if name == column or header == column:
                return header
        return column

    def find_row(self, key: str, column: str, value: str) -> int | None:
        """The first row of sheet ``key`` whose ``column`` holds ``value``."""
        sheet = self.data.get(key)
        if sheet is None:
            return None
        header = self.header_for(key, column)
        if header not in sheet.headers:
            return None
        index = sheet.headers.index(header)
        for number, row in enumerate(sheet.rows, start=2):
            if row[index].strip() == value:
                return number
        return None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _survey_columns() -> set[str]:
    return set(MultipleChoiceQuestion.get_slot_names())


def _option_columns() -> set[str]:
    return set(Option.get_slot_names())


def _issues_from_message(
    message: str, context: Mapping[str, Any], sheets: _Sheets
) -> list[FormIssue]:
    """Locate a pyxform message: one issue per ``[row : N]`` part of it."""
    parts = re.split(r"\n(?=\[row\s*:|Language ')", message.strip())
    return [_issue_from_part(part, context, sheets) for part in parts if part.strip()]


def _issue_from_part(part: str, context: Mapping[str, Any], sheets: _Sheets) -> FormIssue:
    row_match = _ROW_RE.search(part)
    row = int(row_match.group(1)) if row_match else context.get("row")
    text = _ROW_RE.sub("", part, count=1).strip() if row_match else part.strip()
    sheet_match = _SHEET_RE.search(part)
    sheet_key = context.get("sheet") or (
        (sheet_match.group(1) or sheet_match.group(2)) if sheet_match else None
    )
    column = context.get("column")
    column_match = _COLUMN_RE.search(part)
    if column is None and column_match:
        column = column_match.group(1)
    if column is None and row is not None:
        column = next((col for hint, col in _COLUMN_HINTS if hint in part), None)
    unknown_type = _UNKNOWN_TYPE_RE.search(part)
    if unknown_type and row is None:
        row = sheets.find_row("survey", "type", unknown_type.group(1))
        sheet_key, column = "survey", "type"
    missing = _MISSING_TRANSLATION_RE.search(part)
    if missing and sheet_key is None:
        sheet_key = missing.group(1)
    element = _ELEMENT_RE.search(part)
    if element and row is None:
        row = sheets.find_row("survey", "name", element.group(1))
        sheet_key = "survey"
    if sheet_key is None and row is not None:
        sheet_key = "survey"
    sheet_key = sheet_key.lower() if sheet_key else None
    if sheet_key and column:
        column = sheets.header_for(sheet_key, column)
    sheet = sheets.title(sheet_key) if sheet_key else None
    return FormIssue(sheet, row, column, text)


# -- building the model ----------------------------------------------------------------


@dataclass
class _Open:
    """A group or repeat that has begun and not ended yet."""

    group: Group
    relevance: list[str]
    repeat: str | None


class _FormBuilder:
    """Turns pyxform's reading of the sheets into a Form, collecting the engine's issues."""

    def __init__(
        self,
        definition: DefinitionData,
        sheets: _Sheets,
        stem: str,
        files: Mapping[str, Attachment] | None = None,
    ):
        self.definition = definition
        self.sheets = sheets
        self.stem = stem
        self.files = dict(files or {})
        #: attachment names the form reads
        self.used_files: set[str] = set()
        #: instance ids the expressions read, with the first row that reads each
        self.read_instances: dict[str, int] = {}
        self.issues: list[FormIssue] = []
        self.language_keys: list[str] = []
        self.default_key = constants.DEFAULT_LANGUAGE_VALUE
        self.codes: dict[str, str] = {}
        self.names: dict[str, str] = {}

    # The order matters: settings say which column suffix is the default language,
    # which pyxform needs to group untranslated columns with it.
    def build(self) -> Form:
        settings, raw_settings = self._settings()
        self.default_key = settings.get(constants.DEFAULT_LANGUAGE_KEY) or self.default_key
        survey = self._dealias("survey")
        choices_sheet = self._dealias("choices") if self.definition.choices else None
        self._languages(list(survey.headers) + list(choices_sheet.headers if choices_sheet else ()))
        form = Form(
            form_id=str(settings.get(constants.ID_STRING) or self.stem or "form"),
            title=str(settings.get(constants.TITLE) or settings.get(constants.ID_STRING) or ""),
            version=str(settings.get(constants.VERSION) or ""),
            default_language=self.codes[self.default_key],
            languages=list(dict.fromkeys(self.codes[k] for k in self.language_keys)),
            language_names=dict(self.names),
            settings=raw_settings,
            sheets=self.sheets.data,
        )
        if not form.title:
            form.title = form.form_id
        if choices_sheet is not None:
            form.choices = self._choices(choices_sheet.data)
        if self.definition.external_choices:
            external = self._dealias("external_choices")
            for list_name, items in self._choices(external.data).items():
                form.choices.setdefault(list_name, items)
        self._walk(form, _expand_loops(survey.data, form.choices))
        self._unique_names(form)
        self._check_instances(form)
        form.attachments = {
            name: attachment_to_dict(self.files[name]) for name in sorted(self.used_files)
        }
        return form

    def _need_file(self, name: str, row: int, column: str) -> Attachment | None:
        """The attachment ``name``, or an issue on ``row`` saying it must be attached."""
        attachment = self.files.get(name)
        if attachment is None:
            self._issue(
                row,
                column,
                f"The form reads the file '{name}', which was not attached: upload it with "
                "the workbook (attachments).",
            )
            return None
        self.used_files.add(name)
        return attachment

    def _check_instances(self, form: Form) -> None:
        """Every instance an expression reads is a choice list or an attached file."""
        declared = {name.rpartition(".")[0]: name for name in self.files}
        for instance_id, row in self.read_instances.items():
            if instance_id in form.choices:
                continue
            filename = declared.get(instance_id) or f"{instance_id}.csv"
            self._need_file(filename, row, "calculation")

    def _file_choices(
        self, form: Form, filename: str, parameters: Mapping[str, str], row: int
    ) -> str | None:
        """The choice list of a ``select_*_from_file`` question, from its attachment's rows
        (``value``/``label`` parameters name the columns, ``name``/``label`` by default)."""
        attachment = self._need_file(filename, row, "type")
        if attachment is None:
            return None
        value_column = parameters.get("value") or "name"
        label_column = parameters.get("label") or "label"
        key = filename
        if (value_column, label_column) != ("name", "label"):
            key = f"{filename}|{value_column}|{label_column}"
        if key in form.choices:
            return key
        if attachment.kind == "geojson" and "name" not in attachment.columns:
            value_column = "id" if value_column == "name" else value_column
        if attachment.rows and value_column not in attachment.columns:
            self._issue(
                row,
                "type",
                f"The file '{filename}' has no column '{value_column}' for the choice values.",
            )
            return None
        label_columns = {
            column: language_of(column.partition("::")[2])[0] if "::" in column else None
            for column in attachment.columns
            if column == label_column or column.startswith(f"{label_column}::")
        }
        choices = []
        seen: set[str] = set()
        for number, item in enumerate(attachment.rows, start=2):
            name = str(item.get(value_column, "")).strip()
            if not name or name in seen:
                continue
            seen.add(name)
            labels = {}
            for column, code in label_columns.items():
                text = str(item.get(column, "")).strip()
                if text:
                    labels.setdefault(code or form.default_language, text)
            extra = {
                k: str(v) for k, v in item.items() if k not in (value_column, *label_columns)
            }
            labels = labels or {form.default_language: name}
            choices.append(Choice(name=name, labels=labels, extra=extra, row=number))
        form.choices[key] = choices
        return key

    def _settings(self) -> tuple[dict[str, Any], dict[str, str]]:
        rows = self.definition.settings or []
        if not rows:
            return {}, {}
        plain = for_pyxform(self.definition)
        dealiased = dealias_and_group_headers(
            sheet_name=constants.SETTINGS,
            sheet_data=plain.settings,
            sheet_header=plain.settings_header,
            header_aliases=aliases.settings_header,
            header_columns=set(Survey.get_slot_names()),
        )
        raw = {str(k): _text(v) for k, v in rows[0].items()}
        return dict(dealiased.data[0]), raw

    def _dealias(self, key: str):
        if key == "external_choices":
            return dealias_and_group_headers(
                sheet_name=constants.EXTERNAL_CHOICES,
                sheet_data=self.definition.external_choices,
                sheet_header=self.definition.external_choices_header,
                header_aliases=aliases.list_header,
                header_columns=_option_columns(),
                headers_required={constants.NAME},
                default_language=self.default_key,
            )
        if key == "survey":
            return dealias_and_group_headers(
                sheet_name=constants.SURVEY,
                sheet_data=self.definition.survey,
                sheet_header=self.definition.survey_header,
                header_aliases=aliases.survey_header,
                header_columns=_survey_columns(),
                headers_required={constants.TYPE},
                default_language=self.default_key,
                strip_whitespace=True,
            )
        return dealias_and_group_headers(
            sheet_name=constants.CHOICES,
            sheet_data=self.definition.choices,
            sheet_header=self.definition.choices_header,
            header_aliases=aliases.list_header,
            header_columns=_option_columns(),
            headers_required={constants.NAME},
            default_language=self.default_key,
        )

    def _languages(self, headers: Iterable[tuple[str, ...]]) -> None:
        prefixes = list(SURVEY_TEXT_COLUMNS.values())
        tagged: list[str] = []
        untagged = False
        for tokens in headers:
            for prefix in prefixes:
                if tokens[: len(prefix)] != prefix:
                    continue
                if len(tokens) == len(prefix):
                    untagged = True
                elif len(tokens) == len(prefix) + 1:
                    tagged.append(tokens[-1])
        tagged = list(dict.fromkeys(tagged))
        for key in tagged:
            self._add_language(key)
        if self.default_key != constants.DEFAULT_LANGUAGE_VALUE:
            self._add_language(self.default_key)
        elif untagged or not tagged:
            # Untranslated columns with no default_language setting: the programme works
            # in English first, and ODK tools would show these columns as "default".
            self.codes[self.default_key] = "en"
            self.names.setdefault("en", "English")
        else:
            self.default_key = tagged[0]
        self.language_keys = [self.default_key] + [k for k in tagged if k != self.default_key]

    def _add_language(self, key: str) -> None:
        if key in self.codes:
            return
        code, name = language_of(key)
        code = code or re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "und"
        self.codes[key] = code
        self.names.setdefault(code, name)

    def _texts(self, value: Any) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            value = {self.default_key: value}
        texts = {}
        for key, text in value.items():
            if isinstance(text, str) and text.strip() and key in self.codes:
                texts.setdefault(self.codes[key], text)
        return texts

    def _choices(self, rows: Sequence[dict]) -> dict[str, list[Choice]]:
        lists: dict[str, list[Choice]] = {}
        for number, row in enumerate(rows, start=2):
            list_name = row.get(constants.LIST_NAME_S)
            name = row.get(constants.NAME)
            if not list_name or name is None:
                continue
            extra = {
                str(k): str(v)
                for k, v in row.items()
                if k not in (constants.LIST_NAME_S, constants.NAME, constants.LABEL, "media")
                and isinstance(v, str)
            }
            lists.setdefault(str(list_name), []).append(
                Choice(
                    name=str(name),
                    labels=self._texts(row.get(constants.LABEL)),
                    extra=extra,
                    row=number,
                )
            )
        return lists

    def _issue(self, row: int, column: str, message: str) -> None:
        sheet = self.sheets.title("survey")
        self.issues.append(FormIssue(sheet, row, self.sheets.header_for("survey", column), message))

    def _walk(self, form: Form, rows: Sequence[tuple[int, dict]]) -> None:
        stack: list[_Open] = []
        run: Section | None = None
        #: question and group paths seen, for names used twice in the same group
        seen_paths: dict[str, int] = {}
        for number, row in rows:
            if aliases.yes_no.get(str(row.get("disabled", "no")).strip(), False):
                continue
            type_text = str(row.get(constants.TYPE) or "").strip()
            if not type_text or type_text in aliases.settings_header:
                continue
            row = _with_relative_paths(row, stack[-1].group.path if stack else "")
            self._check_expressions(number, row)
            if RE_END_CONTROL.search(type_text):
                if stack:
                    stack.pop()
                if not stack:
                    run = None
                continue
            name = str(row.get(constants.NAME) or "").strip()
            if not name and type_text == "note":
                name = f"generated_note_name_{number}"
            if not name:
                continue
            if type_text in _EXTERNAL_INSTANCE_TYPES:
                self._need_file(name + _EXTERNAL_INSTANCE_TYPES[type_text], number, "type")
                continue
            path = f"{stack[-1].group.path}/{name}" if stack else name
            if path in seen_paths:
                self._issue(
                    number,
                    "name",
                    f"The name '{name}' is already used on row {seen_paths[path]} in the same "
                    "group; names must be unique within a group.",
                )
            seen_paths.setdefault(path, number)
            begin = RE_BEGIN_CONTROL.search(type_text)
            if begin:
                run = self._begin(form, stack, row, number, name, begin, run)
                continue
            question = self._question(form, stack, row, number, name, type_text)
            if question is None or question.path in form.questions:
                continue
            if stack:
                form.section(stack[0].group.name).questions.append(question.path)
                question.section = stack[0].group.name
            elif question.displayed or run is not None:
                if run is None:
                    run = Section(name=name, kind="questions", row=number)
                    form.sections.append(run)
                run.questions.append(question.path)
                question.section = run.name
            # Keyed by path until _unique_names gives every question its name.
            form.questions[question.path] = question
            if question.or_other:
                self._add_other(form, question, seen_paths)

    def _unique_names(self, form: Form) -> None:
        """Key questions by name, or by path for a name the form uses more than once (in
        different groups, as pyxform allows; expressions cannot refer to such a name)."""
        counts: dict[str, int] = {}
        for question in form.questions.values():
            counts[question.name] = counts.get(question.name, 0) + 1
        renamed = {}
        for path, question in form.questions.items():
            if counts[question.name] > 1:
                question.name = path
            renamed[path] = question.name
        form.questions = {question.name: question for question in form.questions.values()}
        for section in form.sections:
            section.questions = [renamed.get(key, key) for key in section.questions]
        # Relative paths (../name) were read as ${group/path/name}: now the question's key.
        paths = {path: key for path, key in renamed.items() if "/" in path}

        def rekey(text: str | None) -> str | None:
            if not text or "${" not in text:
                return text
            return _PATH_REFERENCE_RE.sub(
                lambda m: "${" + paths.get(m[1], m[1].rpartition("/")[2]) + "}", text
            )

        for question in form.questions.values():
            for attribute in (
                "relevant",
                "own_relevant",
                "constraint",
                "calculation",
                "choice_filter",
                "default",
            ):
                setattr(question, attribute, rekey(getattr(question, attribute)))
            if isinstance(question.required, str):
                question.required = rekey(question.required)

    def _begin(self, form, stack, row, number, name, begin, run) -> Section | None:
        kind = aliases.control[begin.group("type")]
        kind = "repeat" if kind in (constants.REPEAT, constants.LOOP) else "group"
        parent = stack[-1] if stack else None
        bind = row.get("bind", {})
        control = row.get("control", {})
        own = _clean(bind.get("relevant"))
        relevance = (parent.relevance if parent else []) + ([own] if own else [])
        group = Group(
            name=name,
            path=f"{parent.group.path}/{name}" if parent else name,
            kind=kind,
            labels=self._texts(row.get(constants.LABEL)),
            hints=self._texts(row.get(constants.HINT)),
            relevant=_combine(relevance),
            own_relevant=own,
            appearance=_clean(control.get("appearance")),
            repeat_count=_clean(control.get("jr:count")),
            parent=parent.group.path if parent else None,
            row=number,
        )
        form.groups[group.path] = group
        repeat = name if kind == "repeat" else (parent.repeat if parent else None)
        stack.append(_Open(group, relevance, repeat))
        if kind == "repeat" and parent and parent.repeat:
            link = Question(
                name=f"_parent_{name}",
                path=f"{group.path}/_parent_{name}",
                type=REPEAT_PARENT,
                repeat=name,
                group=group.path,
                section=stack[0].group.name,
                row=number,
                generated=True,
            )
            form.questions[link.path] = link
            form.section(stack[0].group.name).questions.append(link.path)
        if parent is None:
            form.sections.append(
                Section(
                    name=name,
                    kind=kind,
                    path=group.path,
                    labels=dict(group.labels),
                    hints=dict(group.hints),
                    relevant=group.relevant,
                    appearance=group.appearance,
                    row=number,
                )
            )
            return None
        return run

    def _question(self, form, stack, row, number, name, type_text) -> Question | None:
        type_text = aliases._type_alias_map.get(type_text, type_text)
        list_name = None
        or_other = False
        select = RE_SELECT.search(type_text)
        try:
            parameters = parse_parameters(row.get("parameters", ""), number)
        except PyXFormError:
            parameters = {}
        if select:
            command = select.group("select_command")
            q_type = _SELECT_NAMES.get(aliases.select[command])
            list_name = select.group("list_name")
            or_other = select.group("specify_other") is not None
            if command in aliases.select_from_file:
                list_name = self._file_choices(form, list_name, parameters, number)
                if list_name is None:
                    return None
            if q_type is None or list_name not in form.choices:
                self._issue(
                    number,
                    "type",
                    f"Question type '{type_text}' is not supported: selects must use a "
                    "list from the choices sheet.",
                )
                return None
        else:
            q_type = _TYPE_NAMES.get(type_text, type_text)
        if q_type not in SUPPORTED_TYPES:
            self._issue(
                number, "type", f"Question type '{type_text}' is not supported by the engine."
            )
            return None
        parent = stack[-1] if stack else None
        bind = row.get("bind", {})
        control = row.get("control", {})
        own = _clean(bind.get("relevant"))
        relevance = (parent.relevance if parent else []) + ([own] if own else [])
        constraint = _clean(bind.get("constraint"))
        if q_type == "range":
            parameters = {"start": "0", "end": "10", "step": "1", **parameters}
        return Question(
            name=name,
            path=f"{parent.group.path}/{name}" if parent else name,
            type=q_type,
            list_name=list_name if q_type in SELECT_TYPES else None,
            or_other=or_other,
            codes=_codes(form.choices.get(list_name, []), or_other) if list_name else [],
            labels=self._texts(row.get(constants.LABEL)),
            hints=self._texts(row.get(constants.HINT)),
            required_message=self._texts(bind.get("jr:requiredMsg")),
            constraint_message=self._texts(bind.get("jr:constraintMsg")),
            required=_required(bind.get("required")),
            constraint=constraint,
            relevant=_combine(relevance),
            own_relevant=own,
            default=_clean(row.get("default")),
            choice_filter=_clean(row.get(constants.CHOICE_FILTER)),
            appearance=_clean(control.get("appearance")),
            calculation=_clean(bind.get("calculate")),
            read_only=bool(aliases.yes_no.get(str(bind.get("readonly", "")).strip(), False)),
            repeat=parent.repeat if parent else None,
            group=parent.group.path if parent else None,
            parameters=dict(parameters),
            row=number,
        )

    def _add_other(self, form: Form, question: Question, seen_paths: dict[str, int]) -> None:
        name = f"{question.name}_other"
        parent_path = question.path.rpartition("/")[0]
        path = f"{parent_path}/{name}" if parent_path else name
        if path in seen_paths:
            self._issue(
                seen_paths[path],
                "name",
                f"The name '{name}' is reserved for the 'Other' answer of '{question.name}'.",
            )
            return
        own = f"selected(${{{question.name}}}, 'other')"
        other = Question(
            name=name,
            path=path,
            type="text",
            labels={form.default_language: "Specify other"},
            relevant=_combine([question.relevant, own] if question.relevant else [own]),
            own_relevant=own,
            repeat=question.repeat,
            group=question.group,
            section=question.section,
            row=question.row,
            generated=True,
        )
        form.questions[path] = other
        if question.section:
            questions = form.section(question.section).questions
            questions.insert(questions.index(question.path) + 1, path)

    def _check_expressions(self, number: int, row: dict) -> None:
        bind = row.get("bind", {})
        cells = {
            "relevant": bind.get("relevant"),
            "constraint": bind.get("constraint"),
            "calculation": bind.get("calculate"),
            "choice_filter": row.get(constants.CHOICE_FILTER),
            "repeat_count": row.get("control", {}).get("jr:count"),
        }
        required = _required(bind.get("required"))
        if isinstance(required, str):
            cells["required"] = required
        for column in (*_EXPRESSION_COLUMNS, "required"):
            expr = _clean(cells.get(column))
            if expr is None:
                continue
            try:
                node = expressions.parse(expr, choice_filter=column == "choice_filter")
            except expressions.ExpressionError as exc:
                self._issue(number, column, f"Invalid expression '{expr}': {exc}")
                continue
            for instance_id in expressions.instance_names(node):
                self.read_instances.setdefault(instance_id, number)


_RELATIVE_RE = re.compile(r"(?<![\w.$/])((?:\.\./)+)([^\W\d][\w.\-]*)")
_PATH_REFERENCE_RE = re.compile(r"\$\{([^\W\d][\w.\-]*(?:/[^\W\d][\w.\-]*)+)\}")
_EXPRESSION_KEYS = {"relevant", "constraint", "calculate", "required", "jr:count"}


def _with_relative_paths(row: dict, group_path: str) -> dict:
    """``row`` with XPath's relative references (``../total``, ``../../name``, which loops
    use because ``${total}`` would name several questions) written as ``${path}`` from the
    group the row is in."""
    text = " ".join(str(v) for v in row.get("bind", {}).values()) + str(row.get("choice_filter"))
    if "../" not in text:
        return row

    def resolve(match: re.Match[str]) -> str:
        levels = match[1].count("../")
        parts = group_path.split("/") if group_path else []
        base = parts[: len(parts) - (levels - 1)] if levels > 1 else parts
        return "${" + "/".join([*base, match[2]]) + "}"

    def rewrite(value: Any) -> Any:
        return _RELATIVE_RE.sub(resolve, value) if isinstance(value, str) else value

    row = dict(row)
    row["bind"] = {
        k: rewrite(v) if k in _EXPRESSION_KEYS else v for k, v in row.get("bind", {}).items()
    }
    if constants.CHOICE_FILTER in row:
        row[constants.CHOICE_FILTER] = rewrite(row[constants.CHOICE_FILTER])
    return row


def _expand_loops(
    rows: Sequence[dict], choices: Mapping[str, list[Choice]]
) -> list[tuple[int, dict]]:
    """The survey rows with their row numbers, each ``begin loop over <list>`` ... ``end
    loop`` replaced as pyxform does: a group named after the loop holding one group per
    choice of the list (but "none"), named and labelled after the choice, whose questions
    have ``%(name)s`` and ``%(label)s`` replaced by the choice's name and label (in each
    language). Nested loops are expanded from the outside in."""
    numbered = list(enumerate(rows, start=2))
    return _expand(numbered, choices)


def _expand(
    numbered: list[tuple[int, dict]], choices: Mapping[str, list[Choice]]
) -> list[tuple[int, dict]]:
    result: list[tuple[int, dict]] = []
    i = 0
    while i < len(numbered):
        number, row = numbered[i]
        begin = RE_BEGIN_CONTROL.search(str(row.get(constants.TYPE) or "").strip())
        if not begin or aliases.control[begin.group("type")] != constants.LOOP:
            result.append((number, row))
            i += 1
            continue
        depth, j = 1, i + 1
        while j < len(numbered) and depth:
            type_text = str(numbered[j][1].get(constants.TYPE) or "").strip()
            if RE_BEGIN_CONTROL.search(type_text):
                depth += 1
            elif RE_END_CONTROL.search(type_text):
                depth -= 1
            j += 1
        body = numbered[i + 1 : j - 1] if not depth else numbered[i + 1 : j]
        end = numbered[j - 1] if not depth else (number, {constants.TYPE: "end group"})
        result.append((number, {**row, constants.TYPE: "begin group"}))
        for choice in choices.get(begin.group("list_name") or "", []):
            if choice.name == "none":
                continue
            label = choice.labels
            group = {
                constants.TYPE: "begin group",
                constants.NAME: choice.name,
                constants.LABEL: _by_language(label),
            }
            result.append((number, group))
            result.extend(
                (n, _substitute(child, choice)) for n, child in _expand(body, choices)
            )
            result.append((end[0], {constants.TYPE: "end group"}))
        result.append((end[0], {**end[1], constants.TYPE: "end group"}))
        i = j
    return result


def _by_language(labels: Mapping[str, str]) -> Any:
    return dict(labels) if len(labels) != 1 else next(iter(labels.values()))


def _substitute(value: Any, choice: Choice, language: str | None = None) -> Any:
    """``value`` with ``%(name)s``/``%(label)s`` replaced by the choice's (labels in the
    language of the column a text comes from)."""
    if isinstance(value, str):
        label = choice.labels.get(language or "", "") or next(iter(choice.labels.values()), "")
        return value.replace("%(name)s", choice.name).replace("%(label)s", label)
    if isinstance(value, dict):
        return {k: _substitute(v, choice, language or _language_key(k)) for k, v in value.items()}
    return value


def _language_key(key: str) -> str | None:
    code, _ = language_of(key)
    return code


def _codes(choices: Sequence[Choice], or_other: bool) -> list[str]:
    codes = [choice.name for choice in choices]
    if or_other and OTHER_CODE not in codes:
        codes.append(OTHER_CODE)
    return codes


def _clean(value: Any) -> str | None:
    if value is None or isinstance(value, dict):
        return None
    text = str(value).strip()
    return text or None


def _combine(expressions_: Sequence[str | None]) -> str | None:
    parts = [e for e in expressions_ if e]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return " and ".join(f"({e})" for e in parts)


def _required(value: Any) -> bool | str:
    text = _clean(value)
    if text is None:
        return False
    flag = aliases.yes_no.get(text)
    return flag if flag is not None else text


# -- writing ---------------------------------------------------------------------------


def _write_workbook(sheets: Iterable[SheetData]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.title[:31])
        for col, header in enumerate(sheet.headers, start=1):
            _write_cell(worksheet, 1, col, header)
        for row_number, row in enumerate(sheet.rows, start=2):
            for col, value in enumerate(row, start=1):
                if value != "":
                    _write_cell(worksheet, row_number, col, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_cell(worksheet, row: int, col: int, value: str) -> None:
    cell = worksheet.cell(row=row, column=col, value=value)
    # openpyxl stores any string starting with "=" as a formula; XLSForm cells are text.
    cell.data_type = "s"


def _add_title_column(form: Form, sheet: SheetData, lang_code: str, lang_name: str) -> SheetData:
    """The settings sheet with a ``form_title::<name> (<code>)`` column for the translator,
    filled with the default title, unless the form has a title in that language."""
    if lang_code in form.setting_languages("form_title") and lang_code != form.default_language:
        return sheet
    headers = [*sheet.headers, f"form_title::{lang_name} ({lang_code})"]
    rows = [[*row, *([""] * (len(headers) - 1 - len(row)))] for row in sheet.rows] or [
        [""] * (len(headers) - 1)
    ]
    rows[0] = [*rows[0], form.title]
    return SheetData(title=sheet.title, headers=headers, rows=[rows[0], *rows[1:]])


def _add_language_columns(
    sheet: SheetData,
    key: str,
    columns: Mapping[str, tuple[str, ...]],
    lang_code: str,
    lang_name: str,
) -> SheetData:
    aliases_map = aliases.survey_header if key == "survey" else aliases.list_header
    known = _survey_columns() if key == "survey" else _option_columns()
    use_double_colon = any("::" in h for h in sheet.headers)
    headers = list(sheet.headers)
    rows = [list(r) for r in sheet.rows]
    parsed = [process_header(h, use_double_colon, aliases_map, known)[1] for h in headers]
    wanted = set(columns.values())
    for prefix in wanted:
        positions = [
            i
            for i, tokens in enumerate(parsed)
            if tokens[: len(prefix)] == prefix and len(tokens) in (len(prefix), len(prefix) + 1)
        ]
        if not positions:
            continue
        existing_codes = {
            language_of(parsed[i][-1])[0] for i in positions if len(parsed[i]) > len(prefix)
        }
        if lang_code in existing_codes:
            continue
        base = headers[positions[0]].split("::")[0].strip()
        new_header = f"{base}::{lang_name} ({lang_code})"
        insert_at = positions[-1] + 1
        headers.insert(insert_at, new_header)
        parsed.insert(insert_at, (*prefix, f"{lang_name} ({lang_code})"))
        for row in rows:
            row.insert(insert_at, "")
    return SheetData(title=sheet.title, headers=headers, rows=rows)

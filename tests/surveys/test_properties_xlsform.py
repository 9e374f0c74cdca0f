"""XLSForm import under fuzzing: broken uploads are refused with located issues, never
with another exception, and valid forms survive export and import unchanged."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from surveys.model import Form
from surveys.xlsform import FormError, FormIssue, LoadedForm, form_to_xlsx, load_form
from tests.surveys.xlsform_fixtures import CHOICES, SETTINGS, SURVEY, xlsx

FUZZ = settings(
    deadline=None,
    max_examples=40,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FIXTURE_BYTES = xlsx({"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS})
#: Stands for a NUL character, which openpyxl refuses to write; put into the XML afterwards.
NUL = "NULPLACEHOLDER"
#: Characters openpyxl refuses in a cell.
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _check_issue(issue: FormIssue) -> None:
    assert issue.sheet is None or (isinstance(issue.sheet, str) and issue.sheet)
    assert issue.row is None or (type(issue.row) is int and issue.row >= 1)
    assert issue.column is None or isinstance(issue.column, str)
    assert isinstance(issue.message, str) and issue.message.strip()
    assert str(issue).strip()


def _load_or_refuse(data: bytes, filename: str = "fuzz.xlsx", **kwargs) -> LoadedForm | None:
    """The form, or None after checking that the refusal says where and why."""
    try:
        loaded = load_form(data, filename, **kwargs)
    except FormError as error:
        assert error.issues
        for issue in [*error.issues, *error.warnings]:
            _check_issue(issue)
        assert str(error)
        return None
    assert isinstance(loaded, LoadedForm)
    for warning in loaded.warnings:
        _check_issue(warning)
    stored = json.loads(json.dumps(loaded.form.to_dict()))
    assert Form.from_dict(stored) == loaded.form
    return loaded


# -- bytes that are not a workbook ------------------------------------------------------


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from([b"", ZIP_MAGIC, OLE_MAGIC]))
def test_random_bytes_are_refused_with_issues(data, magic):
    assert _load_or_refuse(magic + data) is None


@FUZZ
@given(st.integers(0, len(FIXTURE_BYTES) - 1))
@example(len(FIXTURE_BYTES) - 22)
def test_truncated_workbooks_are_refused_with_issues(length):
    assert _load_or_refuse(FIXTURE_BYTES[:length]) is None


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(FIXTURE_BYTES) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_workbooks_with_damaged_bytes_load_or_are_refused_with_issues(damage):
    data = bytearray(FIXTURE_BYTES)
    for position, value in damage:
        data[position] = value
    _load_or_refuse(bytes(data))


with zipfile.ZipFile(io.BytesIO(FIXTURE_BYTES)) as _archive:
    FIXTURE_PARTS = {name: _archive.read(name) for name in _archive.namelist()}

PART_NAMES = st.one_of(
    st.sampled_from(sorted(FIXTURE_PARTS)),
    st.sampled_from(["xl/workbook.xml", "xl/worksheets/sheet9.xml", "mimetype", "../evil.xml"]),
    st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF, blacklist_characters="\\"),
            min_size=1, max_size=20),
)
PART_CONTENT = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(sorted(FIXTURE_PARTS.values())),
    st.just(b"<?xml version='1.0'?><workbook/>"),
    st.just(b"<not-closed"),
)


@FUZZ
@given(st.dictionaries(PART_NAMES, PART_CONTENT, max_size=6), st.sampled_from([None, 200, 5000]))
def test_zip_files_with_missing_or_broken_parts_load_or_are_refused_with_issues(parts, limit):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    kwargs = {} if limit is None else {"max_bytes": limit}
    loaded = _load_or_refuse(buffer.getvalue(), **kwargs)
    # Random parts may make up a whole workbook; without its workbook part, never.
    if parts.get("xl/workbook.xml") != FIXTURE_PARTS["xl/workbook.xml"]:
        assert loaded is None


@FUZZ
@given(st.sets(st.sampled_from(sorted(FIXTURE_PARTS)), min_size=1))
def test_workbooks_missing_some_parts_load_or_are_refused_with_issues(dropped):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in FIXTURE_PARTS.items():
            if name not in dropped:
                archive.writestr(name, content)
    _load_or_refuse(buffer.getvalue())


# -- workbooks with random content ------------------------------------------------------

TYPES = [
    "text", "integer", "decimal", "date", "time", "datetime", "note", "calculate",
    "acknowledge", "trigger", "start", "end", "today", "deviceid", "audit", "hidden",
    "select_one L", "select_multiple L", "rank L", "select_one L or_other", "select_one",
    "select_one missing", "select_multiple_from_file x.csv", "select_one_external L",
    "begin_group", "end_group", "begin group", "end group", "begin_repeat", "end_repeat",
    "begin repeat", "begin_loop over L", "end_loop", "geopoint", "image", "range", "barcode",
    "xml-external", "unknown_type", "Text", " integer ", "select_one L L",
]
NAMES = ["a", "b", "a", "L", "country", "1bad", "has space", "dash-name", "_x", "meta",
         "x" * 300, "имя", "a_other"]
EXPRESSIONS = [
    "${a} > 1", "${missing} = 'x'", "1 +", "${a", ". > 0", "selected(${b}, 'x')", "if(1, 2)",
    "unknown()", "(((((((", "regex(., '[[a]')", "regex(., 'a{4294967296}')", "${a} == 1",
    "count-selected(${b}) * 2", "yes", "true()", "name = ${a}", "-" * 200 + "1",
]
HEADERS = [
    "type", "name", "label", "label::English (en)", "label::Русский (ru)", "label::Nonsense",
    "label:: (xx)", "hint", "hint::English (en)", "relevant", "constraint", "calculation",
    "required", "required_message", "constraint_message::English (en)", "choice_filter",
    "appearance", "default", "read_only", "repeat_count", "parameters", "media::image",
    "list_name", "list name", "form_id", "form_title", "version", "default_language",
    "disabled", "bind::foo", "body::x", "", "Type", " name ",
]

SAFE_TEXT = st.text(max_size=30).map(lambda s: ILLEGAL.sub("", s))
CELLS = st.one_of(
    st.none(),
    st.sampled_from(TYPES),
    st.sampled_from(NAMES),
    st.sampled_from(EXPRESSIONS),
    st.sampled_from(HEADERS),
    SAFE_TEXT,
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.just("=1+1"),
    st.just("=SUM(A1:A3)"),
    st.just(f"a{NUL}b"),
    st.integers(1, 30_000).map(lambda n: "x" * n),
)
SHEET_TITLES = st.one_of(
    st.sampled_from(["survey", "choices", "settings", "Survey", "CHOICES", "servey",
                     "external_choices", "entities", "osm", "Sheet1"]),
    st.text(st.characters(blacklist_characters="\\/?*[]:'", blacklist_categories=["Cs", "Cc"]),
            min_size=1, max_size=31).filter(lambda s: s.strip() == s and s),
)
ROWS = st.lists(st.lists(CELLS, max_size=10), max_size=15)
SHEET = st.tuples(st.lists(st.sampled_from(HEADERS) | SAFE_TEXT, max_size=10), ROWS)


def _workbook(sheets: list[tuple[str, list, list[list]]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_nul(buffer.getvalue())


def _with_nul(data: bytes) -> bytes:
    """The workbook with the placeholder replaced by a NUL character in its XML."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, source.read(name).replace(NUL.encode(), b"\x00"))
    return buffer.getvalue()


@settings(FUZZ, max_examples=30)
@given(st.lists(st.tuples(SHEET_TITLES, SHEET), min_size=1, max_size=4))
def test_random_workbooks_load_or_are_refused_with_issues(sheets):
    _load_or_refuse(_workbook([(title, headers, rows) for title, (headers, rows) in sheets]))


def _mutate(rows: list[list], data: st.DataObject) -> list[list]:
    rows = [list(row) for row in rows]
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        action = data.draw(st.sampled_from(["cell", "drop_row", "add_row", "drop_column"]))
        if action == "cell" and rows:
            row = data.draw(st.integers(0, len(rows) - 1))
            if rows[row]:
                column = data.draw(st.integers(0, len(rows[row]) - 1))
                rows[row][column] = data.draw(CELLS)
        elif action == "drop_row" and len(rows) > 1:
            del rows[data.draw(st.integers(1, len(rows) - 1))]
        elif action == "add_row":
            at = data.draw(st.integers(1, len(rows)))
            rows.insert(at, data.draw(st.lists(CELLS, max_size=len(rows[0]) + 2)))
        elif action == "drop_column" and rows and rows[0]:
            column = data.draw(st.integers(0, len(rows[0]) - 1))
            rows = [row[:column] + row[column + 1 :] for row in rows]
    return rows


@settings(FUZZ, max_examples=20)
@given(st.sampled_from(["survey", "choices", "settings"]), st.data())
def test_damaged_copies_of_a_good_form_load_or_are_refused_with_issues(sheet, data):
    sheets = {"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS}
    sheets[sheet] = _mutate(sheets[sheet], data)
    bad = [(title, rows[0], rows[1:]) for title, rows in sheets.items() if rows]
    loaded = _load_or_refuse(_workbook(bad))
    if loaded is not None:
        again = load_form(form_to_xlsx(loaded.form), "fuzz.xlsx").form
        assert again.to_dict() == loaded.form.to_dict()


# -- valid forms round trip -------------------------------------------------------------

LANGUAGES = [("English", "en"), ("Русский", "ru"), ("中文", "zh"), ("Монгол", "mn"),
             ("فارسی", "fa"), ("Қазақша", "kk")]
QUESTION_TYPES = ["text", "integer", "decimal", "date", "time", "datetime", "note",
                  "acknowledge", "select_one L", "select_multiple L", "rank L",
                  "select_one L or_other", "calculate", "start", "end", "today", "deviceid"]
XML_NAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,15}", fullmatch=True).filter(
    lambda n: not n.lower().startswith("xml") and n.lower() not in {"meta", "instanceid"}
)
# "${" starts a reference to a question in any XLSForm text, so a valid form has none
# that is left open (pyxform rightly refuses those; another test covers broken forms).
LABEL = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s and "${" not in s)


@st.composite
def valid_forms(draw) -> tuple[list[list], list[list], list[list]]:
    languages = draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True))
    text_columns = [f"label::{name} ({code})" for name, code in languages]
    hint_columns = [f"hint::{name} ({code})" for name, code in languages]
    survey = [["type", "name", *text_columns, *hint_columns, "relevant", "calculation",
               "required"]]
    names = draw(st.lists(XML_NAME, min_size=2, max_size=12, unique_by=str.lower))
    codes = draw(st.lists(XML_NAME, min_size=1, max_size=5, unique=True))
    choices = [["list_name", "name", *text_columns]]
    for code in codes:
        choices.append(["L", code, *(draw(LABEL) for _ in languages)])
    open_groups: list[str] = []
    earlier: list[str] = []
    for name in names[1:]:
        kind = draw(st.sampled_from([*QUESTION_TYPES, "begin_group", "begin_repeat", "end"]))
        if kind == "end" and open_groups:
            survey.append([f"end_{open_groups.pop()}"])
            continue
        if kind in ("begin_group", "begin_repeat"):
            if kind == "begin_repeat" and "repeat" in open_groups:
                kind = "begin_group"
            open_groups.append(kind.removeprefix("begin_"))
            labels = [draw(LABEL) for _ in languages]
            survey.append([kind, name, *labels, *([""] * len(languages)), "", "", ""])
            continue
        if kind == "end":
            kind = "text"
        if kind.endswith("or_other") and f"{name}_other" in names:
            kind = "select_one L"
        labels = [draw(LABEL) for _ in languages]
        hints = [draw(st.just("") | LABEL) for _ in languages]
        relevant = f"${{{draw(st.sampled_from(earlier))}}} != ''" if earlier and draw(
            st.booleans()) else ""
        calculation = "1 + 1" if kind == "calculate" else ""
        required = draw(st.sampled_from(["", "yes", "no"])) if kind != "calculate" else ""
        survey.append([kind, name, *labels, *hints, relevant, calculation, required])
        earlier.append(name)
    if not earlier:
        survey.append(["text", names[0], *(draw(LABEL) for _ in languages)])
    for kind in reversed(open_groups):
        survey.append([f"end_{kind}"])
    default = languages[0]
    settings_sheet = [["form_id", "form_title", "default_language"],
                      [draw(XML_NAME), draw(LABEL), f"{default[0]} ({default[1]})"]]
    return survey, choices, settings_sheet


@settings(FUZZ, max_examples=20)
@given(valid_forms())
def test_valid_forms_load_and_survive_export_and_import(sheets):
    survey, choices, settings_sheet = sheets
    data = xlsx({"survey": survey, "choices": choices, "settings": settings_sheet})
    form = load_form(data, "generated.xlsx").form
    exported = form_to_xlsx(form)
    again = load_form(exported, "generated.xlsx").form
    assert again.to_dict() == form.to_dict()


WITHOUT_SETTINGS = xlsx({"survey": SURVEY, "choices": CHOICES})


@settings(FUZZ, max_examples=15)
@given(st.text(max_size=40), st.sampled_from(["", ".xlsx", ".xls", ".XLSX"]))
def test_any_file_name_gives_a_form_id_or_issues(stem, suffix):
    loaded = _load_or_refuse(WITHOUT_SETTINGS, stem + suffix)
    if loaded is not None:
        assert loaded.form.form_id

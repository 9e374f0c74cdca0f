"""Submission imports and exports under fuzzing.

Any KoboToolbox / ODK Central export, however broken, gives one result per row that is
either taken (values, no errors) or refused (errors, no values), or the whole file is
refused with SubmissionFileError; valid rows come back as the values written. On the way
out, no cell of a CSV or XLSX export is ever read by a spreadsheet as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from surveys.export import (
    FORMULA_STARTS,
    neutralise,
    responses_frame,
    restore,
    to_csv,
    to_xlsx,
)
from surveys.model import Question
from surveys.odk_import import RowResult, SubmissionFileError, read_submissions
from surveys.validation import coerce
from surveys.xlsform import load_form
from tests.surveys.xlsform_fixtures import CHOICES, SETTINGS, SURVEY, xlsx

FUZZ = settings(
    deadline=None,
    max_examples=50,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FORM = load_form(xlsx({"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS}), "f.xlsx").form
MAIN_QUESTIONS = [q for q in FORM.questions.values() if q.type != "note" and q.repeat is None]
SITE_QUESTIONS = [q for q in FORM.questions.values() if q.repeat == "sites"]
#: Characters openpyxl refuses in a cell.
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _headers_of(question: Question) -> list[str]:
    spellings = [question.path.replace("/", sep) for sep in "/-.:"]
    return list(dict.fromkeys([*spellings, question.name]))


HEADER_POOL = sorted(
    {h for q in FORM.questions.values() for h in _headers_of(q)}
    | {f"threats/species_seen{sep}{code}" for sep in "/." for code in ("saiga", "kulan", "x")}
    | {"_uuid", "meta/instanceID", "meta-instanceID", "KEY", "_submission_time",
       "SubmissionDate", "_index", "_parent_index", "_submission__uuid", "_id", ""}
)
CELL_TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", " ", "0", "1", "yes", "true", "maybe", "12", "12.0", "-3", "1e400",
                     "1" * 5000, "KZ", "saiga kulan", "saiga saiga", "other", "OK", "uuid:",
                     "uuid:a", "2024-05-02", "2024-05-02T10:11:12", "2024-13-45T99:00",
                     "=cmd|' /C calc'!A0", "\x00", "a\r\nb", "\ufeff", '"', "'"]),
)
CSV_ROWS = st.lists(st.lists(CELL_TEXT, max_size=12), max_size=8)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "latin-1"])


def _csv_bytes(headers, rows, delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding, errors="replace")


def _check_results(results: list[RowResult]) -> None:
    assert isinstance(results, list)
    numbers = [r.row_number for r in results]
    assert numbers == sorted(set(numbers)) and all(n >= 2 for n in numbers)
    for result in results:
        assert isinstance(result, RowResult)
        assert result.uuid is None or (isinstance(result.uuid, str) and result.uuid)
        assert result.submitted_at is None or result.submitted_at.tzinfo is not None
        if result.values is None:
            assert result.errors
            assert all(isinstance(e, str) and e.strip() for e in result.errors)
        else:
            assert result.errors == []
            assert set(result.values) <= set(FORM.questions)
            assert "" not in result.values.values()


def _read_or_refuse(data: bytes, filename: str) -> list[RowResult] | None:
    try:
        results = read_submissions(FORM, data, filename)
    except SubmissionFileError as error:
        assert str(error).strip()
        return None
    _check_results(results)
    return results


# -- anything --------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbf"]))
def test_random_bytes_are_read_or_refused(data, prefix):
    _read_or_refuse(prefix + data, "random.csv")


@FUZZ
@given(
    st.lists(st.sampled_from(HEADER_POOL) | st.text(max_size=10), max_size=14),
    CSV_ROWS,
    st.sampled_from([",", ";", "\t"]),
    ENCODINGS,
    st.booleans(),
)
@example(["respondent/years", "_uuid"], [["1" * 5000, "a"]], ",", "utf-8", False)
@example(["country", "country", "_uuid", "_uuid"], [["KZ", "MN", "a", "b"]], ";", "utf-8", True)
@example(["country", "comments"], [["KZ", "a\x00b"]], ",", "utf-8", False)
def test_random_csv_exports_are_read_or_refused(headers, rows, delimiter, encoding, bom):
    data = _csv_bytes(headers, rows, delimiter, encoding)
    _read_or_refuse((b"\xef\xbb\xbf" if bom else b"") + data, "export.csv")


@FUZZ
@given(CSV_ROWS, st.integers(0, 400))
def test_truncated_csv_exports_are_read_or_refused(rows, cut):
    headers = [h for q in MAIN_QUESTIONS for h in _headers_of(q)[:1]] + ["_uuid"]
    data = _csv_bytes(headers, rows, ",", "utf-8")
    _read_or_refuse(data[: len(data) - cut], "export.csv")


XLSX_CELLS = st.one_of(
    st.none(),
    CELL_TEXT.map(lambda s: ILLEGAL.sub("", s)),
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.times(),
)
XLSX_SHEET = st.tuples(
    st.sampled_from(["Gap and needs test", "sites", "Sheet1", "sites2"]),
    st.lists(st.sampled_from(HEADER_POOL) | st.text(max_size=8).map(lambda s: ILLEGAL.sub("", s)),
             max_size=12),
    st.lists(st.lists(XLSX_CELLS, max_size=12), max_size=6),
)


def _xlsx_bytes(sheets) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@settings(FUZZ, max_examples=30)
@given(st.lists(XLSX_SHEET, min_size=1, max_size=3))
def test_random_xlsx_exports_are_read_or_refused(sheets):
    _read_or_refuse(_xlsx_bytes(sheets), "export.xlsx")


GOOD_XLSX = _xlsx_bytes([
    ("Gap and needs test", ["respondent/country", "comments", "_uuid", "_index"],
     [["KZ", "fine", "u-1", 1], ["MN", "ok", "u-2", 2]]),
    ("sites", ["sites/site_name", "sites/site_count", "_parent_index"], [["Barsa", 3, 1]]),
])


@FUZZ
@given(st.integers(1, len(GOOD_XLSX) - 1))
@example(len(GOOD_XLSX) - 22)
def test_truncated_xlsx_exports_are_refused(length):
    assert _read_or_refuse(GOOD_XLSX[:length], "export.xlsx") is None


with zipfile.ZipFile(io.BytesIO(GOOD_XLSX)) as _archive:
    GOOD_PARTS = {name: _archive.read(name) for name in _archive.namelist()}


@FUZZ
@given(st.sampled_from(sorted(GOOD_PARTS)), st.data())
def test_xlsx_exports_with_a_damaged_part_are_read_or_refused(part, data):
    content = bytearray(GOOD_PARTS[part])
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, max(len(content) - 1, 0)))
        content[at:at + data.draw(st.integers(0, 20))] = data.draw(st.binary(max_size=8))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, original in GOOD_PARTS.items():
            archive.writestr(name, bytes(content) if name == part else original)
    _read_or_refuse(buffer.getvalue(), "export.xlsx")


# -- valid rows come back ----------------------------------------------------------------

SAFE_TEXT = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=20)


def _raw_answers(question: Question) -> st.SearchStrategy[str]:
    """Text a tool would export for a valid answer to ``question`` (or nothing)."""
    codes = question.codes
    # Cells are read stripped; only text answers are stripped by coerce as well.
    passed_through = SAFE_TEXT.map(str.strip)
    by_type = {
        "text": SAFE_TEXT,
        "calculate": passed_through,
        "start": passed_through,
        "integer": st.integers(-(2**31), 2**31 - 1).map(str),
        "decimal": st.floats(-1e12, 1e12, allow_nan=False).map(repr),
        "date": st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat),
        "select_one": st.sampled_from(codes or [""]),
        "select_multiple": st.lists(st.sampled_from(codes or [""]), unique=True).map(" ".join),
        "rank": st.permutations(codes).flatmap(
            lambda p: st.integers(0, len(p)).map(lambda n, p=p: " ".join(p[:n]))
        ),
        "acknowledge": st.sampled_from(["OK", "ok", "1", "yes"]),
    }
    return st.just("") | by_type.get(question.type, passed_through)


@st.composite
def exports(draw) -> tuple[list[dict[str, str]], list[list[dict[str, str]]]]:
    """Submissions as raw text by question name, and each one's repeat instances."""
    count = draw(st.integers(1, 4))
    rows = [{q.name: draw(_raw_answers(q)) for q in MAIN_QUESTIONS} for _ in range(count)]
    sites = [
        [{q.name: draw(_raw_answers(q)) for q in SITE_QUESTIONS}
         for _ in range(draw(st.integers(0, 3)))]
        for _ in range(count)
    ]
    return rows, sites


def _expected(rows, sites) -> list[dict]:
    expected = []
    for row, instances in zip(rows, sites, strict=True):
        values = {q.name: coerce(q, row[q.name]) for q in MAIN_QUESTIONS}
        values = {k: v for k, v in values.items() if v != ""}
        for question in SITE_QUESTIONS:
            items = [coerce(question, instance[question.name]) for instance in instances]
            if any(item != "" for item in items):
                values[question.name] = items
        expected.append(values)
    return expected


@settings(FUZZ, max_examples=30)
@given(exports(), st.sampled_from(["/", "-", "."]), st.sampled_from([",", ";"]), st.booleans())
def test_valid_csv_rows_come_back_as_written(export, separator, delimiter, split):
    rows, _ = export
    headers = []
    for question in MAIN_QUESTIONS:
        if split and question.type == "select_multiple":
            headers += [f"{question.path}/{code}" for code in question.codes]
        else:
            headers.append(question.path.replace("/", separator))
    lines = []
    for number, row in enumerate(rows):
        line = []
        for question in MAIN_QUESTIONS:
            if split and question.type == "select_multiple":
                chosen = set(row[question.name].split())
                line += ["1" if code in chosen else "0" for code in question.codes]
            else:
                line.append(row[question.name])
        lines.append([*line, f"uuid-{number}"])
    data = _csv_bytes([*headers, "_uuid"], lines, delimiter, "utf-8-sig")
    results = read_submissions(FORM, data, "export.csv")
    _check_results(results)
    written = [dict(row) for row in rows]
    if split:
        # One 0/1 column per choice keeps which codes were chosen, not their order.
        for row in written:
            for question in MAIN_QUESTIONS:
                if question.type == "select_multiple":
                    chosen = set(row[question.name].split())
                    row[question.name] = " ".join(c for c in question.codes if c in chosen)
    assert [r.values for r in results] == _expected(written, [[] for _ in rows])
    assert [r.uuid for r in results] == [f"uuid-{n}" for n in range(len(rows))]


@settings(FUZZ, max_examples=30)
@given(exports())
def test_valid_xlsx_rows_and_repeats_come_back_as_written(export):
    rows, sites = export
    main_headers = [q.path for q in MAIN_QUESTIONS] + ["_uuid", "_index"]
    main = [
        [*(row[q.name] for q in MAIN_QUESTIONS), f"uuid-{n}", n + 1]
        for n, row in enumerate(rows)
    ]
    site_headers = [q.path for q in SITE_QUESTIONS] + ["_parent_index"]
    site_rows = [
        [*(instance[q.name] for q in SITE_QUESTIONS), n + 1]
        for n, instances in enumerate(sites)
        for instance in instances
    ]
    # Written as text cells, as the tools export text (no formulas).
    data = xlsx({"Gap and needs test": [main_headers, *main], "sites": [site_headers, *site_rows]})
    results = read_submissions(FORM, data, "export.xlsx")
    _check_results(results)
    assert [r.values for r in results] == _expected(rows, sites)


# -- exports never run formulas -----------------------------------------------------------

FORMULA_TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(FORMULA_STARTS).flatmap(lambda c: st.text(max_size=10).map(lambda s: c + s)),
    st.sampled_from(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "'=1", " =1", "=", "-"]),
)


@FUZZ
@given(FORMULA_TEXT)
def test_neutralised_text_never_starts_like_a_formula(text):
    safe = neutralise(text)
    assert safe in (text, "'" + text)
    assert not safe.startswith(FORMULA_STARTS)
    assert (safe != text) == text.lstrip("'").startswith(FORMULA_STARTS)
    assert restore(safe) == text


def _answers_with_formulas() -> st.SearchStrategy[dict]:
    text = FORMULA_TEXT.map(lambda s: ILLEGAL.sub("", s))
    value = st.one_of(text, st.integers(-(2**31), 2**31 - 1), st.floats(allow_nan=False,
                      allow_infinity=False), st.none(), st.lists(text, max_size=3))
    names = sorted(FORM.questions)
    return st.dictionaries(st.sampled_from(names), value, max_size=8)


@settings(FUZZ, max_examples=20)
@given(st.lists(st.tuples(_answers_with_formulas(), FORMULA_TEXT.map(lambda s: ILLEGAL.sub("", s))),
                min_size=1, max_size=3),
       st.booleans(), st.sampled_from([None, "en", "ru"]))
def test_exported_cells_never_run_as_formulas(responses, labels, lang):
    frame = responses_frame(
        FORM,
        [{"id": n, "reference": reference, "language": "ru", "values": values}
         for n, (values, reference) in enumerate(responses)],
        labels=labels,
        lang=lang,
    )
    text = to_csv(frame).decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or _is_number(cell)
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame)))
    for sheet_row in workbook.active.iter_rows():
        for cell in sheet_row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(FORMULA_STARTS)


def _is_number(cell: str) -> bool:
    """A negative number written by pandas (``-3``, ``-2.5``) is data, not a formula."""
    try:
        float(cell)
    except ValueError:
        return False
    return pd.notna(float(cell))

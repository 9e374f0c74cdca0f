"""The shared spreadsheet reader: values as openpyxl reads them, and every hostile file
refused with the limit it broke, quickly and in little memory."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile
from dataclasses import replace
from datetime import date, datetime, timedelta
from datetime import time as day_time

import openpyxl
import pytest

from surveys.spreadsheet import (
    DEFAULT_LIMITS,
    SpreadsheetError,
    check_xlsx,
    check_zip,
    open_xlsx,
    read_csv,
)
from tests.spreadsheet_corpus import MAIN, csv_corpus, sheet_xml, xlsx, xlsx_corpus

#: Generous bounds: a refusal takes milliseconds and a few megabytes.
SECONDS = 2.0
MEGABYTES = 200


def saved(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rows_of(data: bytes, sheet: str, limits=DEFAULT_LIMITS):
    with open_xlsx(data, limits) as book:
        table = book.table(sheet)
        return table.header, list(table.rows)


def _without_trailing_none(values) -> tuple:
    values = list(values)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def test_values_are_read_as_openpyxl_reads_them():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append(["text", "number", "when", None, "flag"])
    sheet.append(["Сайга", 12, datetime(2026, 3, 2, 10, 11), None, True])
    sheet.append([None, 2.5, date(2026, 3, 2), None, False])
    sheet["A5"] = "  spaces kept  "
    sheet["B6"] = day_time(10, 30)
    sheet["C7"] = timedelta(hours=30)
    sheet["D8"] = "=1+1"
    data = saved(book)
    header, rows = rows_of(data, "data")
    expected = list(
        openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)["data"].iter_rows(
            values_only=True
        )
    )
    assert header == expected[0][:5]
    by_number = {number: values for number, values in rows}
    # The reader leaves out empty trailing cells and blank rows, and nothing else.
    wanted = {
        number: _without_trailing_none(values)
        for number, values in enumerate(expected[1:], start=2)
        if any(value is not None for value in values)
    }
    assert by_number == wanted
    assert by_number[6] == (None, day_time(10, 30))
    assert 8 not in by_number  # a formula without a cached value holds nothing


def test_shared_and_inline_strings_keep_runs_and_leave_phonetic_text_out():
    strings = (
        f'<sst xmlns="{MAIN}"><si><t>plain</t></si>'
        "<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r>"
        "<rPh><t>PHONETIC</t></rPh></si></sst>"
    )
    rows = (
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>'
        '<c r="C2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>'
        '<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c>'
        '<c r="F2" t="str"><f>A1</f><v>cached</v></c></row>'
    )
    data = xlsx({"s": sheet_xml(rows)}, shared_strings=strings)
    _header, rows_read = rows_of(data, "s")
    assert rows_read == [(2, ("plain", "rich text", "inline", True, "#N/A", "cached"))]


def test_declared_dimensions_are_ignored():
    rows = '<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>'
    data = xlsx({"s": sheet_xml(rows, dimension="A1:XFD1048576")})
    started = time.perf_counter()
    header, rows_read = rows_of(data, "s")
    assert time.perf_counter() - started < SECONDS
    assert len(header) == 8
    assert rows_read == [(2, (1,)), (3, (None, 2))]


def test_cells_without_references_follow_each_other():
    rows = (
        '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C3"><v>3</v></c><c><v>4</v></c></row>'
    )
    data = xlsx({"s": sheet_xml(rows)})
    _header, rows_read = rows_of(data, "s")
    assert rows_read == [(2, (1, 2)), (3, (None, None, 3, 4))]


@pytest.mark.parametrize("hostile", xlsx_corpus(), ids=lambda h: h.name)
def test_every_hostile_workbook_is_refused_quickly_in_little_memory(hostile):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(SpreadsheetError) as caught:
            check_xlsx(hostile.data)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert re.search(hostile.refusal, str(caught.value)), str(caught.value)
    assert elapsed < SECONDS, elapsed
    assert peak < MEGABYTES * 1024 * 1024, peak


@pytest.mark.parametrize("hostile", csv_corpus(), ids=lambda h: h.name)
def test_every_hostile_csv_is_refused_quickly(hostile):
    started = time.perf_counter()
    with pytest.raises(SpreadsheetError) as caught:
        list(read_csv(hostile.data.decode()).rows)
    assert re.search(hostile.refusal, str(caught.value)), str(caught.value)
    assert time.perf_counter() - started < SECONDS


def test_a_refusal_says_which_limit_and_where():
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 6))
    data = xlsx({"notes": sheet_xml(rows)})
    with pytest.raises(SpreadsheetError) as caught:
        rows_of(data, "notes", replace(DEFAULT_LIMITS, max_rows=3))
    error = caught.value
    assert (error.limit, error.sheet, error.row, error.column, error.heading, error.allowed) == (
        "rows",
        "notes",
        5,
        "A",
        "record_id",
        3,
    )
    assert (
        str(error)
        == "sheet 'notes', row 5, column A (record_id): The sheet has a value past the limit of "
        "3 rows."
    )


def test_every_limit_can_be_changed():
    long_cell = '<row r="2"><c r="B2" t="inlineStr"><is><t>abcdef</t></is></c></row>'
    data = xlsx({"s": sheet_xml(long_cell)})
    assert rows_of(data, "s")[1] == [(2, (None, "abcdef"))]
    for change, limit in (
        ({"max_cell_chars": 5}, "cell_chars"),
        ({"max_cells": 3}, "cells"),
        ({"max_columns": 4}, "columns"),
        ({"max_depth": 3}, "xml_depth"),
        ({"max_sheets": 0}, "sheets"),
        ({"max_members": 3}, "zip_members"),
        ({"max_unpacked_bytes": 100}, "unpacked_size"),
        ({"max_bytes": 100}, "file_size"),
    ):
        with pytest.raises(SpreadsheetError) as caught:
            rows_of(data, "s", replace(DEFAULT_LIMITS, **change))
        assert caught.value.limit == limit, change


def test_a_data_cell_may_go_a_little_past_the_header_but_not_far():
    near = '<row r="2"><c r="J2"><v>1</v></c></row>'
    assert rows_of(xlsx({"s": sheet_xml(near)}), "s")[1] == [(2, (None,) * 9 + (1,))]
    far = '<row r="2"><c r="BZ2"><v>1</v></c></row>'
    with pytest.raises(SpreadsheetError) as caught:
        rows_of(xlsx({"s": sheet_xml(far)}), "s")
    assert (caught.value.limit, caught.value.column, caught.value.allowed) == ("columns", "BZ", 72)


def test_odd_zip_members_are_refused():
    def zipped(*members, method=zipfile.ZIP_DEFLATED) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", method) as archive:
            for name in members:
                archive.writestr(name, "<x/>")
        return buffer.getvalue()

    for data, limit in (
        (zipped("xl/workbook.xml", "../../etc/passwd"), "zip_member"),
        (zipped("/etc/passwd"), "zip_member"),
        (zipped("xl/workbook.xml", method=zipfile.ZIP_BZIP2), "zip_member"),
        (b"PK\x03\x04 not really a zip", "damaged"),
        (zipped("word/document.xml"), "not_xlsx"),
    ):
        with pytest.raises(SpreadsheetError) as caught:
            open_xlsx(data).close()
        assert caught.value.limit == limit, data[:40]
    with pytest.raises(SpreadsheetError):
        check_zip(b"plain text")


def test_csv_rows_keep_their_numbers_and_blank_records_are_left_out():
    table = read_csv("a;b\n1;2\n\n;\n3;4;\n", delimiter=";")
    assert table.header == ("a", "b")
    assert list(table.rows) == [(2, ("1", "2")), (5, ("3", "4"))]

"""Reading uploaded spreadsheets (XLSX and CSV) within limits, so that no file can exhaust
the server that reads it.

An XLSX file is a zip of XML parts. :func:`open_xlsx` checks the zip before anything in it
is parsed: the size of the upload, the number of members, each member's and the total
unpacked size (absolute, and against the packed size, which is how a zip bomb shows), and
refuses encrypted members, unusual compression and odd member names. It then reads the
workbook's list of sheets (at most ``max_sheets``), the shared strings and the date styles.

Sheets are streamed with expat, one row at a time, and never through the sheet's declared
``<dimension>``: a cell's place comes from its own reference. A cell holding a value at a
row or column past the limits is refused as soon as its value starts, before it is read;
the text of a cell is counted as it arrives and refused past ``max_cell_chars``. No XML part
may declare a DOCTYPE (so no entity can expand) or nest elements deeper than ``max_depth``.

Every refusal raises :class:`SpreadsheetError`, which names the limit and where the file
broke it (sheet, row, column); callers turn it into a message in the user's language.
:func:`read_csv` applies the same row, column and cell limits to CSV text.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601

ZIP_MAGIC = b"PK\x03\x04"
#: Members unpacking to less than this are not held to the packing ratio: small XML parts
#: can pack very tightly and cannot hurt anyone.
RATIO_FLOOR = 1024 * 1024
#: Bytes handed to expat at a time; rows are passed on after each chunk.
CHUNK = 64 * 1024
#: Excel's own largest sheet, so a reference past it is damage, not a big sheet.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
_LETTERS = re.compile(r"[A-Z]{1,3}")
_LONG_FORMAT = 1000


@dataclass(frozen=True)
class Limits:
    """What a spreadsheet may hold; every field is a cap (see :class:`SpreadsheetError`)."""

    #: the file as uploaded
    max_bytes: int = 20 * 1024 * 1024
    #: members of the zip
    max_members: int = 1000
    #: all members unpacked together, and any one of them
    max_unpacked_bytes: int = 64 * 1024 * 1024
    #: a member's unpacked size over its packed size (members above RATIO_FLOOR)
    max_ratio: int = 100
    #: sheets listed in the workbook (any kind)
    max_sheets: int = 100
    #: rows below the header row (row 1) holding a value, by position
    max_rows: int = 20_000
    #: columns of the header row, by position
    max_columns: int = 1024
    #: columns a data row may go past the header's last column
    extra_columns: int = 64
    #: characters in one cell (32,767 is Excel's own limit)
    max_cell_chars: int = 32_767
    #: cells holding a value, and shared strings, in the whole file
    max_cells: int = 1_000_000
    #: nesting of XML elements
    max_depth: int = 64


DEFAULT_LIMITS = Limits()

#: What each limit code means, in English; the app says the same in the user's language.
MESSAGES = {
    "file_size": "The file is larger than the limit of {allowed:,} bytes.",
    "not_xlsx": "The file is not an Excel workbook (.xlsx).",
    "not_csv": "The file cannot be read as CSV ({detail}).",
    "damaged": "The workbook is damaged and cannot be read ({detail}).",
    "encrypted": "The workbook is encrypted or password-protected ({detail}).",
    "zip_members": "The workbook has more than {allowed:,} parts.",
    "zip_member": "The workbook contains a part it should not ({detail}).",
    "unpacked_size": "The workbook is larger than {allowed:,} bytes once unpacked ({detail}).",
    "zip_ratio": "The workbook unpacks to more than {allowed} times its size ({detail}).",
    "sheets": "The workbook has more than {allowed:,} sheets.",
    "rows": "The sheet has a value past the limit of {allowed:,} rows.",
    "columns": "A value lies past the last column allowed ({allowed:,}).",
    "cell_chars": "A cell holds more than {allowed:,} characters.",
    "cells": "The file holds more than {allowed:,} cells with values.",
    "xml_depth": "The workbook's XML is nested deeper than {allowed} levels.",
    "xml_entities": "The workbook's XML declares a DOCTYPE or entities, which are not allowed.",
}


class SpreadsheetError(ValueError):
    """A spreadsheet refused: ``limit`` is the code of the rule it broke (a key of
    :data:`MESSAGES`); ``sheet``, ``row`` (1-based) and ``column`` (a letter such as
    ``XFD``) say where, each ``None`` when not about one place, and ``heading`` is the
    column's header (row 1) when it has one; ``allowed`` is the limit's value and
    ``detail`` a few words on what was found."""

    def __init__(
        self,
        limit: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        heading: str | None = None,
        allowed: int | None = None,
        detail: str = "",
    ) -> None:
        self.limit = limit
        self.sheet = sheet
        self.row = row
        self.column = column
        self.heading = heading
        self.allowed = allowed
        self.detail = detail
        super().__init__(self.describe())

    def column_label(self) -> str:
        """``D (settlement)``, ``XFD`` or empty: the column and its header."""
        if self.column and self.heading:
            return f"{self.column} ({self.heading})"
        return self.column or ""

    def where(self) -> str:
        """``sheet 'notes', row 5, column D (text)`` (empty when not about a place)."""
        parts = []
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column_label()}")
        return ", ".join(parts)

    def limit_message(self) -> str:
        """Which limit the file broke, in English, without the place."""
        return MESSAGES[self.limit].format(allowed=self.allowed or 0, detail=self.detail)

    def describe(self) -> str:
        """The refusal in English, with its place."""
        message = self.limit_message()
        where = self.where()
        return f"{where}: {message}" if where else message


@dataclass
class Table:
    """One sheet (or CSV file) as read: ``header`` is row 1 (empty when row 1 holds
    nothing); ``rows`` yields ``(row number, values)`` for the rows below that hold a
    value, values indexed from column A and padded with ``None`` to the last value."""

    title: str
    header: tuple[Any, ...]
    rows: Iterator[tuple[int, tuple[Any, ...]]]


def column_letter(index: int) -> str:
    """``1`` → ``A``, ``16384`` → ``XFD``."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_size(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise :class:`SpreadsheetError` (``file_size``) when ``data`` is over the limit."""
    if len(data) > limits.max_bytes:
        raise SpreadsheetError("file_size", allowed=limits.max_bytes, detail=f"{len(data):,}")


# -- the zip ---------------------------------------------------------------------------


def check_zip(data: bytes, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking it against ``limits``; nothing is unpacked.

    Returns the open archive. Raises :class:`SpreadsheetError`: ``file_size``,
    ``not_xlsx`` (no zip), ``damaged``, ``zip_members``, ``encrypted``, ``zip_member``
    (unusual compression, a name reaching outside the archive, a name twice),
    ``unpacked_size`` or ``zip_ratio``.
    """
    check_size(data, limits)
    if not data.startswith(ZIP_MAGIC):
        raise SpreadsheetError("not_xlsx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise SpreadsheetError("damaged", detail=str(exc)[:200]) from exc
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise SpreadsheetError("zip_members", allowed=limits.max_members, detail=f"{len(members)}")
    names: set[str] = set()
    total = 0
    for info in members:
        _check_member(info, names, limits)
        total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise SpreadsheetError(
                "unpacked_size", allowed=limits.max_unpacked_bytes, detail="all parts"
            )
    if total > RATIO_FLOOR and total > limits.max_ratio * max(len(data), 1):
        raise SpreadsheetError("zip_ratio", allowed=limits.max_ratio, detail="the whole file")
    return archive


def _check_member(info: zipfile.ZipInfo, names: set[str], limits: Limits) -> None:
    name = info.filename
    if info.flag_bits & 0x1:
        raise SpreadsheetError("encrypted", detail=name[:100])
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise SpreadsheetError("zip_member", detail=f"{name[:100]}: compression")
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or "\x00" in name or name in names:
        raise SpreadsheetError("zip_member", detail=name[:100])
    names.add(name)
    if info.file_size > limits.max_unpacked_bytes:
        raise SpreadsheetError(
            "unpacked_size", allowed=limits.max_unpacked_bytes, detail=name[:100]
        )
    if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        raise SpreadsheetError("zip_ratio", allowed=limits.max_ratio, detail=name[:100])


# -- safe XML --------------------------------------------------------------------------


def _refuse_doctype(*_args) -> None:
    raise SpreadsheetError("xml_entities")


def _parser(
    start: Callable[[str, dict], None],
    end: Callable[[str], None],
    text: Callable[[str], None] | None = None,
) -> expat.XMLParserType:
    """An expat parser that refuses DOCTYPEs and entity declarations outright, resolves
    nothing external, and calls the handlers with element names reduced to local names."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    # Text arrives in pieces of at most this size, so a long cell is counted as it comes.
    parser.buffer_size = CHUNK
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    return parser


def _local(name: str) -> str:
    return name[name.rfind("}") + 1 :]


def _feed(
    parser: expat.XMLParserType,
    archive: zipfile.ZipFile,
    name: str,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[None]:
    """Unpack the member ``name`` into ``parser`` chunk by chunk, yielding after each chunk,
    until the member ends or ``stop()`` says the rest is not needed. A damaged member or
    malformed XML raises :class:`SpreadsheetError` (``damaged``)."""
    try:
        with archive.open(name) as stream:
            while not stop():
                chunk = stream.read(CHUNK)
                parser.Parse(chunk, not chunk)
                yield
                if not chunk:
                    break
    except expat.ExpatError as exc:
        raise SpreadsheetError("damaged", detail=f"{name}: {exc}"[:200]) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
        raise SpreadsheetError("damaged", detail=f"{name}: {exc}"[:200]) from exc


class _Depth:
    """Counts element nesting and refuses past the limit."""

    def __init__(self, limit: int, sheet: str | None = None) -> None:
        self.limit = limit
        self.sheet = sheet
        self.level = 0

    def down(self) -> None:
        self.level += 1
        if self.level > self.limit:
            raise SpreadsheetError("xml_depth", sheet=self.sheet, allowed=self.limit)


def _parse_part(
    archive: zipfile.ZipFile,
    name: str,
    limits: Limits,
    on_start: Callable[[str, dict], None],
    on_end: Callable[[str], None] = lambda _tag: None,
) -> None:
    """Parse a small XML part, calling ``on_start(local name, attributes)`` and
    ``on_end(local name)`` per element (attribute names reduced to local names too)."""
    depth = _Depth(limits.max_depth)

    def start(tag: str, attrs: dict) -> None:
        depth.down()
        on_start(_local(tag), {_local(k): v for k, v in attrs.items()})

    def end(tag: str) -> None:
        depth.level -= 1
        on_end(_local(tag))

    for _ in _feed(_parser(start, end), archive, name):
        pass


def scan_xml(archive: zipfile.ZipFile, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Parse the XML part ``name`` only to check it: no DOCTYPE, nesting within limits."""
    _parse_part(archive, name, limits, lambda _tag, _attrs: None)


# -- the workbook ----------------------------------------------------------------------


@dataclass
class _Budget:
    """Cells read so far in the whole file, against ``max_cells``."""

    limit: int
    used: int = 0


@dataclass(frozen=True)
class _TooLong:
    """A shared string over the cell limit; refused where a cell uses it."""

    length: int


@dataclass
class _Styles:
    dates: set[int] = field(default_factory=set)
    durations: set[int] = field(default_factory=set)


class Workbook:
    """An XLSX file opened by :func:`open_xlsx`: ``sheet_names`` are the worksheets in
    workbook order; :meth:`table` streams one of them."""

    def __init__(self, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.archive = check_zip(data, limits)
        try:
            self._read_parts()
        except BaseException:
            self.archive.close()
            raise

    def _read_parts(self) -> None:
        """The workbook's sheets, shared strings and date styles."""
        self._budget = _Budget(self.limits.max_cells)
        self._names = set(self.archive.namelist())
        workbook_path = self._workbook_path()
        self._date1904 = False
        entries, rels = self._read_workbook(workbook_path)
        self._sheets: dict[str, str] = {}
        for title, rel_id in entries:
            target, kind = rels.get(rel_id, ("", ""))
            if kind.endswith("/worksheet") and target in self._names:
                self._sheets.setdefault(title, target)
        self.sheet_names = list(self._sheets)
        by_kind = {kind.rpartition("/")[2]: target for target, kind in rels.values()}
        self._strings = self._read_strings(by_kind.get("sharedStrings"))
        self._styles = self._read_styles(by_kind.get("styles"))

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.archive.close()

    def _workbook_path(self) -> str:
        found = []
        if "_rels/.rels" in self._names:

            def start(tag: str, attrs: dict) -> None:
                if tag == "Relationship" and attrs.get("Type", "").endswith("/officeDocument"):
                    found.append(attrs.get("Target", "").lstrip("/"))

            _parse_part(self.archive, "_rels/.rels", self.limits, start)
        path = found[0] if found else "xl/workbook.xml"
        if path not in self._names:
            raise SpreadsheetError("not_xlsx")
        return path

    def _read_workbook(self, path: str) -> tuple[list[tuple[str, str]], dict]:
        entries: list[tuple[str, str]] = []

        def start(tag: str, attrs: dict) -> None:
            if tag == "sheet":
                entries.append((attrs.get("name", ""), attrs.get("id", "")))
                if len(entries) > self.limits.max_sheets:
                    raise SpreadsheetError("sheets", allowed=self.limits.max_sheets)
            elif tag == "workbookPr":
                self._date1904 = attrs.get("date1904", "").lower() in ("1", "true")

        _parse_part(self.archive, path, self.limits, start)
        folder = posixpath.dirname(path)
        rels_path = posixpath.join(folder, "_rels", posixpath.basename(path) + ".rels")
        rels: dict[str, tuple[str, str]] = {}

        def relation(tag: str, attrs: dict) -> None:
            if tag == "Relationship" and attrs.get("TargetMode") != "External":
                rels[attrs.get("Id", "")] = (
                    _resolve(folder, attrs.get("Target", "")),
                    attrs.get("Type", ""),
                )

        if rels_path in self._names:
            _parse_part(self.archive, rels_path, self.limits, relation)
        return entries, rels

    def _read_strings(self, path: str | None) -> list[str | _TooLong]:
        """The shared strings, each the text of its runs (phonetic runs left out, as
        openpyxl does); one longer than a cell may be is kept as its length only."""
        strings: list[str | _TooLong] = []
        if not path or path not in self._names:
            return strings
        cap = self.limits.max_cell_chars
        depth = _Depth(self.limits.max_depth)
        state = {"pieces": [], "size": 0, "in_t": False, "phonetic": 0}

        def start(tag: str, _attrs: dict) -> None:
            depth.down()
            local = _local(tag)
            if local == "si":
                state["pieces"], state["size"] = [], 0
                self._budget.used += 1
                if self._budget.used > self._budget.limit:
                    raise SpreadsheetError(
                        "cells", allowed=self._budget.limit, detail="shared strings"
                    )
            elif local == "t":
                state["in_t"] = not state["phonetic"]
            elif local == "rPh":
                state["phonetic"] += 1

        def end(tag: str) -> None:
            depth.level -= 1
            local = _local(tag)
            if local == "t":
                state["in_t"] = False
            elif local == "rPh":
                state["phonetic"] -= 1
            elif local == "si":
                size = state["size"]
                text = "".join(state["pieces"]) if size <= cap else _TooLong(size)
                strings.append(text.replace("x005F_", "") if isinstance(text, str) else text)

        def chars(data: str) -> None:
            if state["in_t"]:
                state["size"] += len(data)
                if state["size"] <= cap:
                    state["pieces"].append(data)

        for _ in _feed(_parser(start, end, chars), self.archive, path):
            pass
        return strings

    def _read_styles(self, path: str | None) -> _Styles:
        styles = _Styles()
        if not path or path not in self._names:
            return styles
        custom: dict[int, str] = {}
        cell_formats: list[int] = []
        inside: list[str] = []

        def start(tag: str, attrs: dict) -> None:
            if tag == "numFmt":
                code = attrs.get("formatCode", "")
                # A date format is a short pattern; a long one is no date worth a regex.
                if len(code) <= _LONG_FORMAT:
                    custom[_int(attrs.get("numFmtId"))] = code
            elif tag == "xf" and inside[-1:] == ["cellXfs"]:
                cell_formats.append(_int(attrs.get("numFmtId")))
            inside.append(tag)

        def end(_tag: str) -> None:
            inside.pop()

        _parse_part(self.archive, path, self.limits, start, end)
        for index, number in enumerate(cell_formats):
            code = custom.get(number, BUILTIN_FORMATS.get(number))
            if code is None:
                continue
            if is_date_format(code):
                styles.dates.add(index)
            if is_timedelta_format(code):
                styles.durations.add(index)
        return styles

    def table(self, name: str) -> Table:
        """The sheet ``name`` as a :class:`Table`; its rows are read as they are taken.

        ``KeyError`` when there is no such worksheet. Reading raises
        :class:`SpreadsheetError` at the first value past a limit.
        """
        rows = self._rows(name)
        first = next(rows, None)
        if first is None:
            return Table(name, (), iter(()))
        if first[0] == 1:
            return Table(name, first[1], rows)
        return Table(name, (), _chain(first, rows))

    def tables(self) -> Iterator[Table]:
        """Every worksheet as a :class:`Table`, in workbook order."""
        for name in self.sheet_names:
            yield self.table(name)

    def _rows(self, name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        path = self._sheets[name]
        reader = _SheetReader(name, self)
        for _ in _feed(reader.parser, self.archive, path, stop=lambda: reader.finished):
            yield from reader.take_rows()
        yield from reader.take_rows()


def _chain(first, rest):
    yield first
    yield from rest


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1


class _SheetReader:
    """expat handlers for one worksheet: rows are collected as they end and taken by
    :meth:`take_rows`; everything after ``sheetData`` is left unread."""

    def __init__(self, title: str, book: Workbook) -> None:
        self.title = title
        self.strings = book._strings
        self.styles = book._styles
        self.epoch = MAC_EPOCH if book._date1904 else WINDOWS_EPOCH
        self.limits = book.limits
        # One budget for the whole file, so many sheets cannot add up past it.
        self.budget = book._budget
        self.level = 0
        self.letters: dict[str, int] = {}
        self.parser = _parser(self.start, self.end, self.chars)
        self.finished = False
        self.done: list[tuple[int, tuple[Any, ...]]] = []
        self.header_width: int | None = None
        self.header: tuple[Any, ...] = ()
        self.row = 0
        self.values: list[Any] = []
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.text: list[str] = []
        self.collect = False
        self.size = 0
        self.inline = False
        self.phonetic = 0
        self.raw: str | None = None
        self.tags: dict[str, str] = {}

    def take_rows(self) -> list[tuple[int, tuple[Any, ...]]]:
        rows, self.done = self.done, []
        return rows

    def place(self) -> dict[str, Any]:
        """Where the reader is, as SpreadsheetError's keyword arguments."""
        return _place(self.title, self.row, self.column, self.header)

    def start(self, tag: str, attrs: dict) -> None:
        self.level += 1
        if self.level > self.limits.max_depth:
            raise SpreadsheetError("xml_depth", sheet=self.title, allowed=self.limits.max_depth)
        local = self.tags.get(tag) or self.tags.setdefault(tag, _local(tag))
        if local == "c":
            self.start_cell(attrs)
        elif local == "v":
            self.start_value()
            self.collect = True
        elif local == "row":
            self.start_row(attrs.get("r"))
        elif local == "is":
            self.start_value()
            self.inline = True
        elif local == "rPh":
            self.phonetic += 1
        elif local == "t" and self.inline and not self.phonetic:
            self.collect = True

    def start_row(self, number: str | None) -> None:
        if number is None:
            self.row += 1
        elif number.isdigit() and 0 < int(number) <= EXCEL_ROWS:
            self.row = int(number)
        else:
            raise SpreadsheetError("damaged", sheet=self.title, detail=f"row {number[:20]}")
        if self.header_width is None and self.row > 1:
            self.header_width = 0
        self.values = []
        self.column = 0

    def start_cell(self, attrs: dict) -> None:
        reference = attrs.get("r")
        if reference is None:
            self.column += 1
        else:
            letters = reference.rstrip("0123456789")
            self.column = self.letters.get(letters) or self.new_letters(letters, reference)
        self.kind = attrs.get("t", "n")
        self.style = _int(attrs.get("s"))
        self.raw = None
        self.inline = False

    def new_letters(self, letters: str, reference: str) -> int:
        """The column of a cell reference's letters, checked and remembered."""
        column = _column_index(letters) if _LETTERS.fullmatch(letters) else 0
        if not 0 < column <= EXCEL_COLUMNS:
            raise SpreadsheetError(
                "damaged", sheet=self.title, row=self.row, detail=f"cell {reference[:20]}"
            )
        self.letters[letters] = column
        return column

    def start_value(self) -> None:
        """A cell's value starts: refuse it here, unread, when it lies past the limits."""
        limits = self.limits
        if self.row - 1 > limits.max_rows:
            raise SpreadsheetError("rows", **self.place(), allowed=limits.max_rows)
        if self.row == 1:
            allowed = limits.max_columns
        else:
            allowed = min(limits.max_columns, (self.header_width or 0) + limits.extra_columns)
        if self.column > allowed:
            raise SpreadsheetError("columns", **self.place(), allowed=allowed)
        self.text = []
        self.size = 0

    def chars(self, data: str) -> None:
        if not self.collect:
            return
        self.size += len(data)
        if self.size > self.limits.max_cell_chars:
            raise SpreadsheetError("cell_chars", **self.place(), allowed=self.limits.max_cell_chars)
        self.text.append(data)

    def end(self, tag: str) -> None:
        self.level -= 1
        local = self.tags.get(tag) or self.tags.setdefault(tag, _local(tag))
        if local == "v":
            self.raw = "".join(self.text)
            self.collect = False
        elif local == "t":
            self.collect = False
        elif local == "is":
            self.raw = "".join(self.text)
            self.inline = False
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "c":
            self.end_cell()
        elif local == "row":
            self.end_row()
        elif local == "sheetData":
            self.finished = True
            self.parser.StartElementHandler = None
            self.parser.EndElementHandler = None
            self.parser.CharacterDataHandler = None

    def end_cell(self) -> None:
        if self.raw is None:
            return
        value = self.value(self.raw)
        self.raw = None
        if value is None:
            return
        self.budget.used += 1
        if self.budget.used > self.budget.limit:
            raise SpreadsheetError("cells", **self.place(), allowed=self.budget.limit)
        missing = self.column - len(self.values)
        if missing > 0:
            self.values.extend([None] * missing)
        self.values[self.column - 1] = value

    def end_row(self) -> None:
        if self.row == 1:
            self.header_width = len(self.values)
            self.header = tuple(self.values)
        if any(value is not None for value in self.values):
            self.done.append((self.row, tuple(self.values)))
        self.values = []

    def value(self, raw: str) -> Any:
        """A cell's value from its text and type, as openpyxl reads it with
        ``data_only=True`` (cached formula results, dates from date styles)."""
        kind = self.kind
        if kind == "inlineStr":
            return raw
        if raw == "":
            return None
        if kind == "s":
            return self.shared(raw)
        if kind in ("str", "e"):
            return raw
        try:
            if kind == "b":
                return bool(int(raw))
            if kind == "d":
                return from_ISO8601(raw)
            return self.number(raw)
        except (ValueError, OverflowError) as exc:
            raise SpreadsheetError("damaged", **self.place(), detail=f"value {raw[:20]!r}") from exc

    def shared(self, raw: str) -> str:
        try:
            text = self.strings[int(raw)]
        except (ValueError, IndexError) as exc:
            raise SpreadsheetError(
                "damaged", **self.place(), detail=f"shared string {raw[:20]!r}"
            ) from exc
        if isinstance(text, _TooLong):
            raise SpreadsheetError("cell_chars", **self.place(), allowed=self.limits.max_cell_chars)
        return text

    def number(self, raw: str) -> int | float | datetime | timedelta | str:
        value: int | float = float(raw) if any(c in raw for c in ".Ee") else int(raw)
        if self.style not in self.styles.dates:
            return value
        try:
            return from_excel(value, self.epoch, timedelta=self.style in self.styles.durations)
        except (OverflowError, ValueError):
            return "#VALUE!"


def _place(sheet: str | None, row: int, column: int, header: tuple) -> dict[str, Any]:
    heading = header[column - 1] if 0 < column <= len(header) else None
    return {
        "sheet": sheet,
        "row": row,
        "column": column_letter(column),
        "heading": str(heading)[:100] if heading not in (None, "") else None,
    }


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index


def open_xlsx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Open XLSX bytes for reading within ``limits``.

    Returns a :class:`Workbook` (close it, or use it as a context manager). Raises
    :class:`SpreadsheetError` when the zip, the workbook's parts, the number of sheets or
    the shared strings break a limit, or when the file is not an XLSX workbook.
    """
    return Workbook(data, limits)


def check_xlsx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """Check a whole XLSX file for another reader (pyxform) to read afterwards.

    Every worksheet is read through and every other XML part parsed, within ``limits``.
    Returns the worksheet names; raises :class:`SpreadsheetError` on the first problem.
    """
    with open_xlsx(data, limits) as book:
        for table in book.tables():
            for _ in table.rows:
                pass
        read = {*book._sheets.values()}
        for name in book.archive.namelist():
            if name.endswith((".xml", ".rels")) and name not in read:
                scan_xml(book.archive, name, limits)
        return list(book.sheet_names)


# -- CSV -------------------------------------------------------------------------------


def read_csv(text: str, delimiter: str = ",", limits: Limits = DEFAULT_LIMITS) -> Table:
    """Read CSV ``text`` within ``limits`` (rows, columns, characters per field, cells).

    Returns a :class:`Table` whose rows are tuples of strings, read as they are taken;
    records whose fields are all empty are left out. Reading raises
    :class:`SpreadsheetError` at the first record past a limit, or ``not_csv`` when the
    text is not CSV.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = _CsvRecords(reader, limits).read()
    first = next(records, None)
    if first is None:
        return Table("csv", (), iter(()))
    if first[0] == 1:
        return Table("csv", first[1], records)
    return Table("csv", (), _chain(first, records))


class _CsvRecords:
    """The records of a csv.reader, each checked against the limits before it is passed on."""

    def __init__(self, reader, limits: Limits) -> None:
        self.reader = reader
        self.limits = limits
        self.budget = _Budget(limits.max_cells)
        self.header: tuple[str, ...] = ()
        self.number = 0

    def read(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        while True:
            try:
                record = next(self.reader, None)
            except csv.Error as exc:
                raise self.unreadable(exc) from exc
            if record is None:
                return
            self.number += 1
            filled = [index for index, value in enumerate(record, start=1) if value]
            if not filled:
                continue
            self.check(record, filled)
            values = tuple(record[: filled[-1]])
            if self.number == 1:
                self.header = values
            yield self.number, values

    def refuse(self, limit: str, column: int = 0, **details) -> SpreadsheetError:
        place = _place(None, self.number, column, self.header) if column else {}
        return SpreadsheetError(limit, **{"row": self.number, **place, **details})

    def check(self, record: list[str], filled: list[int]) -> None:
        limits = self.limits
        if self.number - 1 > limits.max_rows:
            raise self.refuse("rows", filled[0], allowed=limits.max_rows)
        if self.number == 1:
            allowed = limits.max_columns
        else:
            allowed = min(limits.max_columns, len(self.header) + limits.extra_columns)
        if filled[-1] > allowed:
            raise self.refuse("columns", filled[-1], allowed=allowed)
        for index in filled:
            if len(record[index - 1]) > limits.max_cell_chars:
                raise self.refuse("cell_chars", index, allowed=limits.max_cell_chars)
        self.budget.used += len(filled)
        if self.budget.used > self.budget.limit:
            raise self.refuse("cells", filled[-1], allowed=self.budget.limit)

    def unreadable(self, exc: csv.Error) -> SpreadsheetError:
        self.number += 1
        # The csv module stops a field at its own limit (131,072 characters by default), so
        # a huge field is refused before it is held whole.
        if "field larger than field limit" in str(exc):
            return self.refuse("cell_chars", allowed=self.limits.max_cell_chars)
        return self.refuse("not_csv", detail=str(exc)[:200])

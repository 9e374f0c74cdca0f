"""Hostile spreadsheets, generated: every way found (or feared) for an upload to exhaust
the server that reads it, each with a pattern of the message that must refuse it.

Files are built from raw XML parts, as an attacker would, not with openpyxl (which would
not write most of them). The large ones are built once per test session.
"""

from __future__ import annotations

import functools
import io
import random
import string
import struct
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
#: The interview template's required columns, so the hostile sheet passes the header check
#: of every importer and the refusal comes from the reader.
HEADER = ("record_id", "date", "country", "format", "language", "consent", "group", "text")


@dataclass(frozen=True)
class Hostile:
    """One hostile file: a name for messages, the bytes, the file name to upload it as,
    and a regular expression the refusal must match (it names the limit)."""

    name: str
    data: bytes
    filename: str
    refusal: str


def _cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def header_row() -> str:
    letters = string.ascii_uppercase
    cells = "".join(_cell(f"{letters[i]}1", name) for i, name in enumerate(HEADER))
    return f'<row r="1">{cells}</row>'


def sheet_xml(rows: str = "", dimension: str = "A1:H1", before: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{before}'
        f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{header_row()}{rows}</sheetData></worksheet>"
    )


def _workbook_xml(titles: Iterable[str], targets: int) -> str:
    sheets = "".join(
        f'<sheet name="{title}" sheetId="{i}" r:id="rId{(i - 1) % targets + 1}"/>'
        for i, title in enumerate(titles, start=1)
    )
    return f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets></workbook>'


def _workbook_rels(targets: int, shared_strings: bool) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, targets + 1)
    )
    if shared_strings:
        rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    return f'<Relationships xmlns="{PKG_REL}">{rels}</Relationships>'


CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
ROOT_RELS = (
    f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
    f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


def xlsx(
    sheets: dict[str, str | bytes | Iterable[bytes]],
    shared_strings: str | None = None,
    titles: Iterable[str] | None = None,
    extra: dict[str, bytes] | None = None,
    doctype: str = "",
) -> bytes:
    """An XLSX zip from raw parts: ``sheets`` maps titles to sheet XML (text, bytes, or
    an iterable of byte chunks written as they come, for parts too big to hold);
    ``titles`` lists the workbook's sheets when they are not ``sheets``' keys; ``doctype``
    goes before the workbook part's root element."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr(
            "xl/workbook.xml", doctype + _workbook_xml(titles or list(sheets), max(len(sheets), 1))
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets), shared_strings is not None)
        )
        for index, content in enumerate(sheets.values(), start=1):
            name = f"xl/worksheets/sheet{index}.xml"
            if isinstance(content, str | bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w", force_zip64=True) as out:
                for chunk in content:
                    out.write(chunk)
        if shared_strings is not None:
            archive.writestr("xl/sharedStrings.xml", shared_strings)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _random_text(length: int) -> str:
    # Random letters barely pack, so only the cell limit can refuse them.
    generator = random.Random(length)
    return "".join(generator.choices(string.ascii_letters, k=length))


def _big_sheet(megabytes: int) -> Iterable[bytes]:
    yield sheet_xml().split("</sheetData>")[0].encode()
    row = b'<row r="2"><c r="A2"><v>1</v></c></row>'
    block = row * (1024 * 1024 // len(row))
    for _ in range(megabytes):
        yield block
    yield b"</sheetData></worksheet>"


def _patch_headers(content: bytes, name: str, change) -> bytes:
    """The zip with ``change(data, header offset, central)`` applied to both headers of
    the member ``name`` (local and central directory)."""
    data = bytearray(content)
    wanted = name.encode()
    for signature, name_length_at, name_at, central in (
        (b"PK\x03\x04", 26, 30, False),
        (b"PK\x01\x02", 28, 46, True),
    ):
        offset = data.find(signature)
        while offset != -1:
            length = struct.unpack_from("<H", data, offset + name_length_at)[0]
            if data[offset + name_at : offset + name_at + length] == wanted:
                change(data, offset, central)
            offset = data.find(signature, offset + 4)
    return bytes(data)


def _encrypted() -> bytes:
    """A sheet marked as encrypted (bit 0 of the zip flags), as a password would."""

    def encrypt(data: bytearray, offset: int, central: bool) -> None:
        at = offset + (8 if central else 6)
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | 0x1)

    return _patch_headers(xlsx({"interviews": sheet_xml()}), "xl/worksheets/sheet1.xml", encrypt)


def _understated() -> bytes:
    """A sheet whose zip headers say 100 bytes while it unpacks to 10 MB."""

    def understate(data: bytearray, offset: int, central: bool) -> None:
        struct.pack_into("<I", data, offset + (24 if central else 22), 100)

    content = xlsx({"interviews": sheet_xml('<row r="2">' + "<c/>" * 2_500_000 + "</row>")})
    return _patch_headers(content, "xl/worksheets/sheet1.xml", understate)


def _many_members(count: int) -> bytes:
    extra = {f"xl/media/image{i}.bin": b"" for i in range(count)}
    return xlsx({"interviews": sheet_xml()}, extra=extra)


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


@functools.lru_cache(maxsize=1)
def xlsx_corpus() -> tuple[Hostile, ...]:
    """The hostile XLSX files, each with the pattern of its refusal."""
    far = _cell("XFD1048576", "x")
    nested = "<x>" * 100_000 + "</x>" * 100_000
    laughs = sheet_xml('<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>')
    long_text = _random_text(100_000)
    return (
        Hostile(
            "declared dimension A1:XFD1048576 with a cell at XFD1048576",
            xlsx({"interviews": sheet_xml(f'<row r="1048576">{far}</row>', "A1:XFD1048576")}),
            "bomb.xlsx",
            r"rows",
        ),
        Hostile(
            "a cell at XFD2",
            xlsx({"interviews": sheet_xml(f'<row r="2">{_cell("XFD2", "x")}</row>')}),
            "wide.xlsx",
            r"column",
        ),
        Hostile(
            "a header cell at XFD1",
            xlsx({"interviews": sheet_xml().replace("</row>", _cell("XFD1", "x") + "</row>", 1)}),
            "wide-header.xlsx",
            r"column",
        ),
        Hostile(
            "a 100,000-character shared string",
            xlsx(
                {"interviews": sheet_xml('<row r="2"><c r="B2" t="s"><v>0</v></c></row>')},
                shared_strings=f'<sst xmlns="{MAIN}"><si><t>{long_text}</t></si></sst>',
            ),
            "long-shared.xlsx",
            r"characters",
        ),
        Hostile(
            "a 100,000-character inline string",
            xlsx({"interviews": sheet_xml(f'<row r="2">{_cell("B2", long_text)}</row>')}),
            "long-inline.xlsx",
            r"characters",
        ),
        Hostile(
            "a 20 MB sheet packed 1000 to 1",
            xlsx({"interviews": _big_sheet(20)}),
            "ratio.xlsx",
            r"times its size",
        ),
        Hostile(
            "a 300 MB sheet",
            xlsx({"interviews": _big_sheet(300)}),
            "unpacked.xlsx",
            r"once unpacked",
        ),
        Hostile(
            "a sheet whose zip headers understate its size",
            _understated(),
            "understated.xlsx",
            r"damaged",
        ),
        Hostile(
            "5,000 sheets",
            xlsx(
                {"interviews": sheet_xml()},
                titles=["interviews", *(f"s{i}" for i in range(5000))],
            ),
            "sheets.xlsx",
            r"more than [\d,.\s\u00a0]+ sheets",
        ),
        Hostile("5,000 zip members", _many_members(5000), "members.xlsx", r"parts"),
        Hostile(
            "XML nested 100,000 deep",
            xlsx({"interviews": sheet_xml(f'<row r="2"><c r="A2">{nested}</c></row>')}),
            "deep.xlsx",
            r"nested deeper",
        ),
        Hostile(
            "billion laughs",
            xlsx({"interviews": laughs.replace("?>", "?>" + BILLION_LAUGHS, 1)}),
            "laughs.xlsx",
            r"DOCTYPE",
        ),
        Hostile(
            "billion laughs in the workbook part",
            xlsx({"interviews": sheet_xml()}, doctype=BILLION_LAUGHS),
            "laughs-workbook.xlsx",
            r"DOCTYPE",
        ),
        Hostile("an encrypted sheet", _encrypted(), "encrypted.xlsx", r"encrypted"),
        Hostile(
            "a CSV file named .xlsx",
            b"record_id,date\nKZ-1,2026-01-01\n",
            "not-a-zip.xlsx",
            r"not an",
        ),
    )


@functools.lru_cache(maxsize=1)
def csv_corpus() -> tuple[Hostile, ...]:
    """Hostile CSV files for the uploads that take CSV (KoboToolbox / ODK exports)."""
    header = "_uuid,profile/country\n"
    return (
        Hostile(
            "a 200,000-character field",
            (header + "a," + "x" * 200_000 + "\n").encode(),
            "long-field.csv",
            r"characters",
        ),
        Hostile(
            "a 40,000-character field",
            (header + "a," + "x" * 40_000 + "\n").encode(),
            "field.csv",
            r"characters",
        ),
        Hostile("a 4 MB header", ("x" * 4_000_000).encode(), "header.csv", r"characters"),
        Hostile(
            "30,000 rows",
            (header + "a,KZ\n" * 30_000).encode(),
            "rows.csv",
            r"rows",
        ),
        Hostile(
            "a row 5,000 columns wide",
            (header + "a,KZ" + ",x" * 5_000 + "\n").encode(),
            "wide.csv",
            r"column",
        ),
    )

"""Form attachments: the CSV, XML and GeoJSON files an XLSForm reads its data from.

ODK forms name files that travel with them: ``select_one_from_file villages.csv`` offers
the rows of a file as choices, ``csv-external``/``xml-external`` declare a secondary instance
that ``instance('villages')/root/item[...]`` paths read, and ``pulldata('prices', ...)``
looks a value up in ``prices.csv``. The web questionnaire needs their rows, so they are
uploaded with the workbook and kept with the form version (in its parsed form).

:func:`read_attachment` turns one file into :class:`Attachment` rows (``{column: text}``),
within :data:`MAX_ATTACHMENT_BYTES` and :data:`MAX_ROWS`; :func:`needed_attachments` lists
the files a form needs, with the row that needs each.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

#: The largest attachment accepted, and all of a form's attachments together.
MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 5 * 1024 * 1024
#: Rows kept from one attachment (a village list of a whole country fits).
MAX_ROWS = 20_000
#: Longest cell kept; longer ones are refused.
MAX_CELL = 2_000
#: File types and how they are read.
KINDS = {".csv": "csv", ".xml": "xml", ".geojson": "geojson"}


class AttachmentError(ValueError):
    """An attachment that cannot be read: ``filename`` and a message saying why."""

    def __init__(self, filename: str, message: str):
        self.filename = filename
        self.message = message
        super().__init__(f"{filename}: {message}")


@dataclass
class Attachment:
    """One attached file read as rows: ``name`` is the file name as the form writes it
    (``villages.csv``), ``rows`` its items as ``{column: text}`` in file order."""

    name: str
    kind: str
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)

    @property
    def instance_id(self) -> str:
        """The id ``instance()`` and ``pulldata()`` use: the file name without extension."""
        return PurePath(self.name).stem


def kind_of(filename: str) -> str | None:
    """``csv``, ``xml`` or ``geojson`` from the file name's extension; None for others."""
    return KINDS.get(PurePath(filename).suffix.lower())


def read_attachment(filename: str, data: bytes) -> Attachment:
    """Read an attached file into rows. Raises :class:`AttachmentError` for a file of
    another type, larger than :data:`MAX_ATTACHMENT_BYTES`, with more than :data:`MAX_ROWS`
    rows or a cell longer than :data:`MAX_CELL`, or that does not parse."""
    name = PurePath(filename.replace("\\", "/")).name
    kind = kind_of(name)
    if kind is None:
        raise AttachmentError(name, "only .csv, .xml and .geojson files can be attached")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise AttachmentError(
            name, f"the file is larger than the limit of {MAX_ATTACHMENT_BYTES // 1024} KB"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AttachmentError(name, "the file is not UTF-8 text") from exc
    reader = {"csv": _csv_rows, "xml": _xml_rows, "geojson": _geojson_rows}[kind]
    columns, rows = reader(name, text)
    if len(rows) > MAX_ROWS:
        raise AttachmentError(name, f"the file has more than {MAX_ROWS} rows")
    for row in rows:
        for value in row.values():
            if len(value) > MAX_CELL:
                raise AttachmentError(name, f"a value is longer than {MAX_CELL} characters")
    return Attachment(name=name, kind=kind, columns=columns, rows=rows)


def _csv_rows(name: str, text: str) -> tuple[list[str], list[dict[str, str]]]:
    try:
        reader = csv.reader(io.StringIO(text))
        header = next(reader, None)
        if not header:
            raise AttachmentError(name, "the file has no header row")
        columns = [h.strip() for h in header]
        rows = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            rows.append(
                {c: (cells[i] if i < len(cells) else "") for i, c in enumerate(columns) if c}
            )
            if len(rows) > MAX_ROWS:
                break
    except csv.Error as exc:
        raise AttachmentError(name, f"the file is not valid CSV: {exc}") from exc
    return [c for c in columns if c], rows


def _xml_rows(name: str, text: str) -> tuple[list[str], list[dict[str, str]]]:
    """An ODK external instance: ``<root><item><name>…</name><label>…</label></item>…``;
    each child of the root element is a row, its child elements the columns."""
    try:
        root = ElementTree.fromstring(text)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise AttachmentError(name, f"the file is not valid XML: {exc}") from exc
    columns: dict[str, None] = {}
    rows = []
    for item in root:
        row = {}
        for child in item:
            tag = _local(child.tag)
            row[tag] = (child.text or "").strip()
            columns.setdefault(tag)
        for key, value in item.attrib.items():
            row.setdefault(_local(key), value)
            columns.setdefault(_local(key))
        rows.append(row)
        if len(rows) > MAX_ROWS:
            break
    return list(columns), rows


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _geojson_rows(name: str, text: str) -> tuple[list[str], list[dict[str, str]]]:
    """A GeoJSON FeatureCollection as ODK reads it: each feature a row with its ``id``, its
    properties, and ``geometry`` as an ODK geopoint/geotrace/geoshape value."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise AttachmentError(name, f"the file is not valid JSON: {exc}") from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise AttachmentError(name, "the file is not a GeoJSON FeatureCollection")
    columns: dict[str, None] = {"geometry": None}
    rows = []
    for feature in features[: MAX_ROWS + 1]:
        if not isinstance(feature, dict):
            continue
        row = {"geometry": _odk_geometry(feature.get("geometry"))}
        if feature.get("id") is not None:
            row["id"] = _cell(feature["id"])
            columns.setdefault("id")
        properties = feature.get("properties")
        for key, value in (properties if isinstance(properties, dict) else {}).items():
            row[str(key)] = _cell(value)
            columns.setdefault(str(key))
        rows.append(row)
    return list(columns), rows


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)


def _odk_geometry(geometry: Any) -> str:
    """GeoJSON ``[lon, lat]`` positions as ODK's ``lat lon 0 0`` points, ``;``-joined."""
    if not isinstance(geometry, dict):
        return ""
    coordinates = geometry.get("coordinates")
    kind = geometry.get("type")
    if kind == "Point":
        points = [coordinates]
    elif kind == "LineString":
        points = coordinates
    elif kind == "Polygon" and isinstance(coordinates, list) and coordinates:
        points = coordinates[0]
    else:
        return ""
    parts = []
    for point in points if isinstance(points, list) else []:
        if isinstance(point, list) and len(point) >= 2:
            parts.append(f"{point[1]} {point[0]} 0 0")
    return ";".join(parts)


def to_dict(attachment: Attachment) -> dict[str, Any]:
    """The attachment as JSON (stored inside the form)."""
    return {
        "name": attachment.name,
        "kind": attachment.kind,
        "columns": list(attachment.columns),
        "rows": attachment.rows,
    }


def from_dict(data: dict[str, Any]) -> Attachment:
    """An attachment from :func:`to_dict`."""
    return Attachment(
        name=data["name"],
        kind=data["kind"],
        columns=list(data.get("columns", [])),
        rows=list(data.get("rows", [])),
    )


def render_attachment(attachment: Attachment) -> bytes:
    """The attachment as a file again (UTF-8 bytes), for devices that read the form's files
    themselves (ODK Collect): a CSV with the header row, an ODK external instance
    (``<root><item>…``) or a GeoJSON FeatureCollection whose geometries come back from
    ODK's ``lat lon alt acc`` points (a closed line of four or more points is a polygon).
    Reading the result with :func:`read_attachment` gives the same rows."""
    if attachment.kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(attachment.columns)
        for row in attachment.rows:
            writer.writerow([row.get(column, "") for column in attachment.columns])
        return out.getvalue().encode("utf-8")
    if attachment.kind == "xml":
        from xml.etree.ElementTree import Element, SubElement, tostring

        root = Element("root")
        for row in attachment.rows:
            item = SubElement(root, "item")
            for column in attachment.columns:
                SubElement(item, column).text = row.get(column, "")
        return tostring(root, encoding="utf-8", xml_declaration=True)
    features = []
    for row in attachment.rows:
        feature: dict[str, Any] = {"type": "Feature", "geometry": _geojson_geometry(row)}
        if "id" in row:
            feature["id"] = row["id"]
        feature["properties"] = {
            key: value for key, value in row.items() if key not in ("id", "geometry")
        }
        features.append(feature)
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False
    ).encode("utf-8")


def _geojson_geometry(row: dict[str, str]) -> dict[str, Any] | None:
    points = []
    for part in (row.get("geometry") or "").split(";"):
        numbers = part.split()
        if len(numbers) >= 2:
            points.append([float(numbers[1]), float(numbers[0])])
    if not points:
        return None
    if len(points) == 1:
        return {"type": "Point", "coordinates": points[0]}
    if len(points) >= 4 and points[0] == points[-1]:
        return {"type": "Polygon", "coordinates": [points]}
    return {"type": "LineString", "coordinates": points}

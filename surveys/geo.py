"""Location answers as geometry: ODK's geopoint/geotrace/geoshape text to GeoJSON and KML.

ODK stores a location as ``"lat lon alt acc"`` and a line or an area as such points joined by
``;`` (an area closed by repeating its first point). GeoJSON (RFC 7946) and KML 2.2 both write
a position longitude first: ``[lon, lat]`` and ``lon,lat[,alt]``. Nothing here knows about
the database or the web app: callers pass plain values.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from surveys.model import GEO_TYPES

#: Positions kept in one answer; a longer trace is refused rather than drawn slowly.
MAX_POINTS = 2000
KML_NAMESPACE = "http://www.opengis.net/kml/2.2"


def _position(text: str) -> tuple[float, float, float] | None:
    parts = text.split()
    if len(parts) < 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
        alt = float(parts[2]) if len(parts) > 2 else 0.0
    except ValueError:
        return None
    if not all(math.isfinite(n) for n in (lat, lon, alt)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon, alt


def geometry(kind: str, value: str) -> dict[str, Any] | None:
    """The GeoJSON geometry of an answer of type ``kind`` (geopoint, geotrace, geoshape):
    a Point, a LineString or a Polygon with ``[lon, lat]`` positions (altitude left out: ODK
    records 0 when it has none). None for an empty, malformed or too long value, or a type
    that is not a location."""
    if kind not in GEO_TYPES or not value or not value.strip():
        return None
    parts = [p for p in value.split(";") if p.strip()]
    if len(parts) > MAX_POINTS:
        return None
    positions = [_position(p) for p in parts]
    if not positions or any(p is None for p in positions):
        return None
    coordinates = [[p[1], p[0]] for p in positions]
    if kind == "geopoint":
        return {"type": "Point", "coordinates": coordinates[0]}
    if kind == "geotrace":
        return {"type": "LineString", "coordinates": coordinates} if len(coordinates) >= 2 else None
    if coordinates[0] != coordinates[-1]:
        coordinates.append(coordinates[0])
    return {"type": "Polygon", "coordinates": [coordinates]} if len(coordinates) >= 4 else None


@dataclass
class Location:
    """One location answer with what is known about it."""

    geometry: dict[str, Any]
    #: the feature's properties, written as given (strings, or lists of strings)
    properties: dict[str, Any] = field(default_factory=dict)


def feature_collection(locations: Iterable[Location]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of ``locations``."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": loc.geometry, "properties": loc.properties}
            for loc in locations
        ],
    }


def geojson_bytes(locations: Iterable[Location]) -> bytes:
    """``feature_collection`` as UTF-8 JSON."""
    return json.dumps(feature_collection(locations), ensure_ascii=False).encode("utf-8")


def _kml_coordinates(positions: Sequence[Sequence[float]]) -> str:
    return " ".join(f"{lon!r},{lat!r}" for lon, lat in positions)


def _kml_geometry(parent: ET.Element, geom: Mapping[str, Any]) -> None:
    ns = f"{{{KML_NAMESPACE}}}"
    if geom["type"] == "Point":
        point = ET.SubElement(parent, ns + "Point")
        ET.SubElement(point, ns + "coordinates").text = _kml_coordinates([geom["coordinates"]])
    elif geom["type"] == "LineString":
        line = ET.SubElement(parent, ns + "LineString")
        ET.SubElement(line, ns + "tessellate").text = "1"
        ET.SubElement(line, ns + "coordinates").text = _kml_coordinates(geom["coordinates"])
    else:
        polygon = ET.SubElement(parent, ns + "Polygon")
        ring = ET.SubElement(
            ET.SubElement(polygon, ns + "outerBoundaryIs"), ns + "LinearRing"
        )
        ET.SubElement(ring, ns + "coordinates").text = _kml_coordinates(geom["coordinates"][0])


#: Characters XML 1.0 does not allow in a document at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return _NOT_XML.sub("", "" if value is None else str(value))


def kml_bytes(
    locations: Iterable[Location], *, title: str, name_key: str, fields: Mapping[str, str]
) -> bytes:
    """A KML 2.2 document of ``locations``: one Placemark each, named by its ``name_key``
    property, with ``fields`` (property key -> label shown) as ExtendedData. The XML writer
    escapes every text, so answers and labels cannot break out of their elements."""
    ET.register_namespace("", KML_NAMESPACE)
    ns = f"{{{KML_NAMESPACE}}}"
    root = ET.Element(ns + "kml")
    document = ET.SubElement(root, ns + "Document")
    ET.SubElement(document, ns + "name").text = _text(title)
    for loc in locations:
        placemark = ET.SubElement(document, ns + "Placemark")
        ET.SubElement(placemark, ns + "name").text = _text(loc.properties.get(name_key))
        extended = ET.SubElement(placemark, ns + "ExtendedData")
        for key, label in fields.items():
            data = ET.SubElement(extended, ns + "Data", name=key)
            ET.SubElement(data, ns + "displayName").text = label
            ET.SubElement(data, ns + "value").text = _text(loc.properties.get(key))
        _kml_geometry(placemark, loc.geometry)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)

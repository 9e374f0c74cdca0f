"""Spreadsheet uploads: the limits from the configuration, and refusals in the user's
language.

Every upload that takes a spreadsheet (interviews, KoboToolbox / ODK exports, XLSForms)
reads it through :mod:`surveys.spreadsheet` with :func:`limits`; a refusal
(:class:`surveys.spreadsheet.SpreadsheetError`) is shown with :func:`describe`.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from flask import current_app
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from surveys.spreadsheet import Limits, SpreadsheetError

#: Each field of Limits is set by the setting SPREADSHEET_<FIELD>, e.g. SPREADSHEET_MAX_ROWS.
#: The media type of an .xlsx workbook, for downloads.
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SETTING_PREFIX = "SPREADSHEET_"

_MESSAGES = {
    "file_size": _l("The file is larger than the limit of %(n)s bytes."),
    "not_xlsx": _l("The file is not an .xlsx workbook; save it as .xlsx and try again."),
    "not_csv": _l("The file cannot be read as CSV (%(detail)s)."),
    "damaged": _l("The workbook is damaged and cannot be read (%(detail)s)."),
    "encrypted": _l(
        "The workbook is encrypted or password-protected (%(detail)s); save it without a password."
    ),
    "zip_members": _l("The workbook has more than %(n)s parts."),
    "zip_member": _l("The workbook contains a part it should not (%(detail)s)."),
    "unpacked_size": _l("The workbook is larger than %(n)s bytes once unpacked (%(detail)s)."),
    "zip_ratio": _l(
        "The workbook unpacks to more than %(n)s times its size (%(detail)s), as a zip bomb does."
    ),
    "sheets": _l("The workbook has more than %(n)s sheets."),
    "rows": _l("The sheet has a value past the limit of %(n)s rows; split the file."),
    "columns": _l("A value lies past the last column allowed (%(n)s)."),
    "cell_chars": _l("A cell holds more than %(n)s characters."),
    "cells": _l("The file holds more than %(n)s cells with values; split the file."),
    "xml_depth": _l("The workbook's XML is nested deeper than %(n)s levels."),
    "xml_entities": _l("The workbook's XML declares a DOCTYPE or entities, which are not allowed."),
}


def setting_name(field_name: str) -> str:
    """The configuration key of a :class:`Limits` field: ``max_rows`` →
    ``SPREADSHEET_MAX_ROWS``."""
    return SETTING_PREFIX + field_name.upper()


def limits_from(settings: dict) -> Limits:
    """:class:`Limits` from a mapping of settings; missing ones keep their defaults."""
    values = {}
    for item in fields(Limits):
        value = settings.get(setting_name(item.name))
        if value not in (None, ""):
            values[item.name] = int(value)
    return Limits(**values)


def limits() -> Limits:
    """The app's spreadsheet limits (the SPREADSHEET_* settings)."""
    return limits_from(current_app.config)


def message(error: SpreadsheetError) -> str:
    """What limit the file broke, in the user's language, without the place."""
    text = _MESSAGES.get(error.limit)
    if text is None:
        return str(error)
    number = format_decimal(error.allowed) if error.allowed is not None else ""
    return str(text) % {"n": number, "detail": error.detail}


def where(error: SpreadsheetError) -> str:
    """Where the file broke it: sheet, row and column, in the user's language."""
    parts = []
    if error.sheet:
        parts.append(_("sheet '%(sheet)s'", sheet=error.sheet))
    if error.row:
        parts.append(_("row %(row)d", row=error.row))
    if error.column:
        parts.append(_("column %(column)s", column=error.column_label()))
    return ", ".join(parts)


def describe(error: SpreadsheetError) -> str:
    """The whole refusal for a page or the command line: place, then the limit."""
    place = where(error)
    text = message(error)
    return _("%(where)s: %(message)s", where=place, message=text) if place else text


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file named on the command line, refused (``file_size``) when it is
    larger than ``max_bytes`` rather than read whole."""
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SpreadsheetError("file_size", allowed=max_bytes)
    return data

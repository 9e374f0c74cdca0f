"""Interviews out for the secretariat: four tables (interviews, participants, notes and the
strategy ratings of national consultations) as CSV or one XLSX workbook.

Participants' names are left out unless asked for; every text cell goes through
:func:`surveys.export.neutralise` so a note starting with ``=`` is never run as a formula.
``row_version`` is each record's version when the file was written: an import of the file
reads it to tell which records were edited on the web since (see importer).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from consult.interviews.service import main_group
from consult.models import Interview
from surveys.export import neutralise
from surveys.export import to_csv as responses_csv

if TYPE_CHECKING:
    import pandas as pd

INTERVIEW_COLUMNS = [
    "record_id",
    "id",
    "row_version",
    "date",
    "country",
    "settlement",
    "province",
    "format",
    "language",
    "consent",
    "status",
    "facilitators",
    "species",
    "threats",
    "main_group",
    "participants",
    "key_quotes",
    "follow_up",
    "agenda",
    "recommendations",
    "link",
]
PARTICIPANT_COLUMNS = [
    "record_id",
    "interview_id",
    "position",
    "name",
    "organisation",
    "group",
    "role",
    "gender",
]
NOTE_COLUMNS = [
    "record_id",
    "interview_id",
    "note_id",
    "country",
    "language",
    "theme",
    "text",
    "translation_en",
]
RATING_COLUMNS = [
    "record_id",
    "interview_id",
    "country",
    "action",
    "impact",
    "feasibility",
    "cost",
    "agreement",
    "note",
]


def export_tables(
    interviews: Sequence[Interview], *, include_names: bool
) -> dict[str, pd.DataFrame]:
    """The interviews as four frames keyed "interviews", "participants", "notes" and
    "strategy_ratings" (impact and feasibility as levels 1..4, as the import reads them).

    Without `include_names` the participants frame has no name column at all.
    """
    import pandas as pd

    rows, people, notes, ratings = [], [], [], []
    for item in interviews:
        uid = item.record_uid or ""
        rows.append(
            {
                "record_id": uid,
                "id": item.id,
                "row_version": item.row_version,
                "date": item.date.isoformat(),
                "country": item.country_code,
                "settlement": item.settlement,
                "province": item.province,
                "format": item.format,
                "language": item.language,
                "consent": item.consent,
                "status": item.status,
                "facilitators": "; ".join(u.email for u in item.facilitators),
                "species": " ".join(s.code for s in item.species),
                "threats": " ".join(
                    f"{t.theme_code}:{t.severity or 'unrated'}"
                    for t in sorted(item.threats, key=lambda t: t.theme_code)
                ),
                "main_group": main_group(p.group_code for p in item.participants),
                "participants": len(item.participants),
                "key_quotes": item.key_quotes,
                "follow_up": item.follow_up,
                "agenda": item.agenda,
                "recommendations": item.recommendations,
                "link": f"/interviews/{item.id}",
            }
        )
        for person in item.participants:
            people.append(
                {
                    "record_id": uid,
                    "interview_id": item.id,
                    "position": person.position + 1,
                    "name": person.name,
                    "organisation": person.organisation,
                    "group": person.group_code or "",
                    "role": person.role,
                    "gender": person.gender,
                }
            )
        for note in item.notes:
            notes.append(
                {
                    "record_id": uid,
                    "interview_id": item.id,
                    "note_id": note.id,
                    "country": item.country_code,
                    "language": item.language,
                    "theme": note.theme_code or "general",
                    "text": note.text,
                    "translation_en": note.translation_en,
                }
            )
        for rating in item.strategy_ratings:
            ratings.append(
                {
                    "record_id": uid,
                    "interview_id": item.id,
                    "country": item.country_code,
                    "action": rating.action_code,
                    "impact": rating.impact,
                    "feasibility": rating.feasibility,
                    "cost": rating.cost,
                    "agreement": rating.agreement,
                    "note": rating.note,
                }
            )
    participant_columns = [c for c in PARTICIPANT_COLUMNS if include_names or c != "name"]
    return {
        "interviews": pd.DataFrame(rows, columns=INTERVIEW_COLUMNS),
        "participants": pd.DataFrame(people, columns=PARTICIPANT_COLUMNS)[participant_columns],
        "notes": pd.DataFrame(notes, columns=NOTE_COLUMNS),
        "strategy_ratings": pd.DataFrame(ratings, columns=RATING_COLUMNS),
    }


#: Columns of the export holding codes, by the kind of code (consult.reference.label).
_LABELLED = {
    "country": "country",
    "format": "format",
    "language": "language",
    "consent": "consent",
    "status": "interview_status",
    "main_group": "group",
    "group": "group",
    "gender": "gender",
    "theme": "theme",
    "action": "action",
    "impact": "level",
    "feasibility": "level",
    "cost": "cost",
    "agreement": "agreement",
}


def label_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The export with its codes named in the reader's language (the "labels" option):
    for people to read; a file to import again keeps the codes."""
    from flask_babel import gettext

    from consult.reference import label, label_list

    def severity(item: str) -> str:
        theme, _sep, level = item.partition(":")
        return f"{label('theme', theme)}: {label('severity', level)}"

    out = {}
    for name, frame in tables.items():
        frame = frame.copy()
        for column, kind in _LABELLED.items():
            if column in frame.columns:
                frame[column] = frame[column].map(
                    lambda code, kind=kind: label(kind, code) if code not in (None, "") else code
                )
        if "species" in frame.columns:
            frame["species"] = frame["species"].map(lambda codes: label_list("species", codes))
        if "threats" in frame.columns:
            frame["threats"] = frame["threats"].map(
                lambda text: "; ".join(severity(item) for item in str(text or "").split())
            )
        if name == "notes" and "theme" in frame.columns:
            frame["theme"] = frame["theme"].replace({"general": gettext("General")})
        out[name] = frame
    return out


def _safe_rows(frame: pd.DataFrame) -> list[list]:
    return [
        [neutralise(value) for value in row]
        for row in frame.astype(object).where(frame.notna(), None).itertuples(index=False)
    ]


def to_csv(frame: pd.DataFrame) -> bytes:
    """One frame as UTF-8 CSV with a byte order mark (so Excel reads Cyrillic, Chinese and
    Persian right), every text cell and header neutralised (surveys.export.to_csv)."""
    return responses_csv(frame.rename(columns=neutralise))


def to_xlsx(tables: dict[str, pd.DataFrame]) -> bytes:
    """The frames as one workbook, a sheet each, every text cell neutralised."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in tables.items():
        sheet = book.create_sheet(name[:31])
        sheet.append([neutralise(c) for c in frame.columns])
        for row in _safe_rows(frame):
            # Control characters pasted into a note are not allowed in XLSX cells.
            sheet.append(
                [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
            )
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_stream(content: bytes) -> io.BytesIO:
    """Bytes wrapped for `send_file`."""
    return io.BytesIO(content)

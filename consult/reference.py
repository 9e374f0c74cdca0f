"""Reference data shipped with the app, loaded idempotently into the database."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from consult.extensions import db
from consult.models import Country, Species, StakeholderGroup, Threat

DATA = Path(__file__).resolve().parent / "data" / "reference"

TABLES = (
    ("countries.json", Country, ("names",)),
    ("species.json", Species, ("names", "scientific_name", "cms_appendix")),
    ("threats.json", Threat, ("names", "iucn_cmp", "descriptions")),
    ("stakeholder_groups.json", StakeholderGroup, ("names",)),
)


@cache
def read(filename: str) -> list[dict]:
    return json.loads((DATA / filename).read_text(encoding="utf-8"))


#: Threat theme codes in the programme's order (the data file's order).
THEMES: tuple[str, ...] = tuple(item["code"] for item in read("threats.json"))


#: The reference files whose rows are named in templates, by the filter that names them.
_NAMED = {
    "country_name": "countries.json",
    "species_name": "species.json",
    "theme_name": "threats.json",
    "group_name": "stakeholder_groups.json",
}


@cache
def _names(filename: str) -> dict[str, dict[str, str]]:
    return {item["code"]: item.get("names", {}) for item in read(filename)}


def name_of(filename: str, code: str | None, lang: str) -> str:
    """The name of reference row `code` of `filename` in `lang` (English when the language
    has none, the code itself when the row is unknown)."""
    if not code:
        return ""
    names = _names(filename).get(code, {})
    return names.get(lang) or names.get("en") or code


def init_app(app) -> None:
    """Template filters naming reference codes in the reader's language:
    ``{{ code|country_name }}``, ``species_name``, ``theme_name``, ``group_name``."""
    from consult.i18n import current_language

    for filter_name, filename in _NAMED.items():
        app.add_template_filter(
            lambda code, _file=filename: name_of(_file, code, current_language()), filter_name
        )


def languages() -> list[dict]:
    """Known languages: code, English name, native name and whether it is written RTL."""
    return read("languages.json")


def load_reference_data() -> dict[str, int]:
    """Insert missing reference rows and refresh the names of existing ones.

    Returns how many rows were added per table; running it twice adds nothing.
    """
    added: dict[str, int] = {}
    for filename, model, fields in TABLES:
        existing = {row.code: row for row in db.session.scalars(db.select(model))}
        count = 0
        for item in read(filename):
            values = {
                field: item.get(field, {} if field == "descriptions" else None) for field in fields
            }
            row = existing.get(item["code"])
            if row is None:
                db.session.add(model(code=item["code"], **values))
                count += 1
            else:
                for field, value in values.items():
                    if getattr(row, field) != value:
                        setattr(row, field, value)
        added[model.__tablename__] = count
    db.session.flush()
    return added

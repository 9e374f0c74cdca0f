"""The reference facts (the top-level ``reference`` package) in the app: loaded idempotently
into the database, and named in templates in the reader's language."""

from __future__ import annotations

import reference as facts
from consult.extensions import db
from consult.models import Country, Species, StakeholderGroup, Threat

TABLES = (
    ("countries.json", Country, ("names",)),
    ("species.json", Species, ("names", "scientific_name", "cms_appendix")),
    ("threats.json", Threat, ("names", "iucn_cmp", "descriptions")),
    ("stakeholder_groups.json", StakeholderGroup, ("names",)),
)

read = facts.read

#: Threat theme codes in the programme's order (the data file's order).
THEMES: tuple[str, ...] = facts.theme_codes()
#: The programme's action catalogue (``actions.csv``), in its order.
ACTIONS: tuple[dict, ...] = tuple(facts.actions())
ACTION_CODES: tuple[str, ...] = tuple(item["code"] for item in ACTIONS)


def action_title(code: str, lang: str) -> str:
    """An action's title in ``lang``, in English where the catalogue has none in that
    language, the code itself for an action not in the catalogue."""
    item = next((row for row in ACTIONS if row["code"] == code), None)
    if item is None:
        return code
    return item.get(f"title_{lang}") or item["title_en"]


def languages() -> list[dict]:
    """Known languages: code, English name, native name and whether it is written RTL."""
    return facts.languages()


#: Template filters naming reference codes, by the kind of code they name.
_FILTERS = {
    "country_name": "country",
    "species_name": "species",
    "theme_name": "theme",
    "group_name": "group",
    "population_name": "population",
}


def reference_choices(model, blank: str) -> list[tuple[str, str]]:
    """Form choices of a reference table (``Country`` …): ``("", blank)`` first, then
    ``(code, name)`` sorted by the name in the reader's language."""
    from consult.i18n import current_language

    lang = current_language()
    rows = db.session.scalars(db.select(model)).all()
    return [("", blank)] + sorted(
        ((row.code, row.name(lang)) for row in rows), key=lambda item: item[1]
    )


def init_app(app) -> None:
    """Template filters naming reference codes in the reader's language:
    ``{{ code|country_name }}``, ``species_name``, ``theme_name``, ``group_name``,
    ``population_name`` and ``action_title``."""
    from consult.i18n import current_language

    for filter_name, kind in _FILTERS.items():
        app.add_template_filter(
            lambda code, _kind=kind: facts.name(_kind, code, current_language()), filter_name
        )
    app.add_template_filter(lambda code: action_title(code, current_language()), "action_title")


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

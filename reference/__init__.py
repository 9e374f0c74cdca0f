"""The programme's reference facts, kept in one place and read from here by every package.

Range states, species (with their CMS appendix) and the range states each occurs in, the
transboundary populations they form, the threat themes (with their kind, IUCN-CMP classes and
the gap questions of the contributing factors), stakeholder groups and languages (code, name,
native name, direction, whether the interface is translated into it). Plain JSON files in
``reference/data``, with their sources in ``reference/data/SOURCES.md``; no Flask, no database.
``surveys/``, ``analysis/`` (through its callers), ``consult/`` and the tests read the facts
through these functions, so adding a theme or a language is an edit of the data files (see
the README's "Extending").

Plural and numeral rules of a language are not kept here: Babel (CLDR) supplies them by code.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

#: The data files: those shipped here, or a copy of them edited for a deployment (a new
#: language or theme, see the README's "Extending") named by ``CONSULT_REFERENCE_DATA``.
DATA = Path(os.environ.get("CONSULT_REFERENCE_DATA") or Path(__file__).resolve().parent / "data")

#: A language tag as questionnaires and invitations name their languages (BCP 47 shape:
#: ``ru``, ``zh-Hans``, ``uz-Cyrl-UZ``); at most 35 characters are stored.
LANGUAGE_TAG = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"

#: The kinds of theme: direct threats are rated against targets; contributing factors are
#: assessed as gaps (Conservation Standards: direct threats versus contributing factors).
DIRECT_THREAT = "direct_threat"
CONTRIBUTING_FACTOR = "contributing_factor"


@cache
def read(filename: str) -> list[dict]:
    """The records of one data file (``countries.json`` …), as stored."""
    return json.loads((DATA / filename).read_text(encoding="utf-8"))


#: The boundaries file: a deployment's data folder may leave it out and keep the shipped one.
BOUNDARIES = "boundaries.geojson"


def boundaries_path() -> Path:
    """Where the range states' outlines are (GeoJSON, see SOURCES.md): ``DATA``'s copy, else
    the one shipped with the package."""
    path = DATA / BOUNDARIES
    return path if path.exists() else Path(__file__).resolve().parent / "data" / BOUNDARIES


@cache
def boundaries() -> dict:
    """The range states' and their neighbours' outlines as a GeoJSON FeatureCollection; each
    feature's ``code`` is a range state's alpha-2 code where ``range_state`` is true."""
    return json.loads(boundaries_path().read_text(encoding="utf-8"))


def countries() -> list[dict]:
    """The range states: code (ISO 3166-1 alpha-2) and names by language."""
    return read("countries.json")


def species() -> list[dict]:
    """The species: code, scientific name, CMS appendix, names by language."""
    return read("species.json")


def species_ranges() -> list[dict]:
    """Where each species occurs: species, country, status (native, seasonal,
    reintroduced), sources."""
    return read("species_ranges.json")


def species_by_country() -> dict[str, list[str]]:
    """Species codes per range state, in the species file's order."""
    order = {item["code"]: n for n, item in enumerate(species())}
    result: dict[str, list[str]] = {}
    for row in species_ranges():
        result.setdefault(row["country"], []).append(row["species"])
    return {country: sorted(codes, key=order.__getitem__) for country, codes in result.items()}


def countries_by_species() -> dict[str, list[str]]:
    """Range-state codes per species, sorted."""
    result: dict[str, set[str]] = {}
    for row in species_ranges():
        result.setdefault(row["species"], set()).add(row["country"])
    return {code: sorted(states) for code, states in result.items()}


def populations() -> list[dict]:
    """Transboundary populations: code, species, countries (two or more), names, sources."""
    return read("populations.json")


def themes() -> list[dict]:
    """The programme's themes in their order: code, kind, IUCN-CMP classes, names,
    descriptions, and for contributing factors the questionnaire's gap questions."""
    return read("threats.json")


def theme_codes(kind: str | None = None) -> tuple[str, ...]:
    """Theme codes in the programme's order; only those of ``kind`` when given."""
    return tuple(item["code"] for item in themes() if kind is None or item["kind"] == kind)


def theme_kinds() -> dict[str, str]:
    """Each theme's kind: :data:`DIRECT_THREAT` or :data:`CONTRIBUTING_FACTOR`."""
    return {item["code"]: item["kind"] for item in themes()}


def actions() -> list[dict]:
    """The programme's action catalogue (``actions.csv``): code, titles by language
    (``title_en`` …), objective, the themes it addresses (";"-separated), whether it is
    transboundary, and the default potential impact, feasibility (1..4) and cost (1..3)."""
    import csv

    with (DATA / "actions.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def stakeholder_groups() -> list[dict]:
    """Stakeholder groups: code and names by language."""
    return read("stakeholder_groups.json")


def languages() -> list[dict]:
    """Known languages: code, English name, native name, ``rtl`` and ``interface`` (the
    interface is translated into it)."""
    return read("languages.json")


def interface_languages() -> tuple[str, ...]:
    """Codes of the languages the interface speaks, the default (English) first."""
    return tuple(item["code"] for item in languages() if item.get("interface"))


def native_names() -> dict[str, str]:
    """Each known language's name in itself."""
    return {item["code"]: item["native"] for item in languages()}


def rtl_languages() -> frozenset[str]:
    """Codes of the languages written right to left."""
    return frozenset(item["code"] for item in languages() if item.get("rtl"))


def is_rtl(lang: str) -> bool:
    """Whether a language tag (``fa``, ``ps-AF``) is written right to left."""
    return lang.split("-")[0].split("_")[0].lower() in rtl_languages()


_FILES = {
    "country": "countries.json",
    "species": "species.json",
    "theme": "threats.json",
    "group": "stakeholder_groups.json",
    "population": "populations.json",
}


@cache
def _names(kind: str) -> dict[str, dict[str, str]]:
    return {item["code"]: item.get("names", {}) for item in read(_FILES[kind])}


def name(kind: str, code: str | None, lang: str) -> str:
    """The name of a reference code in ``lang`` (English where that language has none, the
    code itself for an unknown code); ``kind`` is country, species, theme, group or
    population."""
    if not code:
        return ""
    names = _names(kind).get(code, {})
    return names.get(lang) or names.get("en") or code

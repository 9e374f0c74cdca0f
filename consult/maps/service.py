"""The location answers of a questionnaire as map features, with the species and threats
they are about.

A location question is tied to a threat when a threat code is a word of its name or of its
group's path (``t1_poaching_where`` in 2027.1's ``species_1/t1_poaching`` group) and to the
species of a slot when its name or group starts with ``t<i>_`` / ``species_<i>`` (2027.1
names up to three species, ``target_1`` .. ``target_3``, and the threats affecting each,
``t<i>_threats``; see consult/runs/frames.py). Otherwise the location is tied to everything
the response says: the species it names (``species``) and the threats it says are present
(``threats_present`` of 2026.1, the union of ``t<i>_threats``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

import reference
from consult.extensions import db
from consult.models import Answer, Questionnaire, QuestionnaireVersion, Response
from consult.questionnaires.service import load_version_form
from surveys.geo import Location, geometry
from surveys.model import GEO_TYPES, Form

#: Location answers read for one map or export; beyond it the rest are left out (and said).
MAX_LOCATIONS = 5000
_CONTEXT = re.compile(r"t\d+_threats|target_\d+")
_SLOT = re.compile(r"^(?:t|species_)(\d+)(?:_|$)")


@dataclass(frozen=True)
class MapFilter:
    country: str | None = None
    species: str | None = None
    threat: str | None = None
    #: any of these threats (the analysis report's maps); None for no condition
    threats: tuple[str, ...] | None = None
    #: responses submitted up to this moment only (an analysis run's finish)
    submitted_before: datetime | None = None


@dataclass
class LocationSet:
    locations: list[Location]
    #: more answers matched than MAX_LOCATIONS
    truncated: bool = False


def _slot(question_name: str, group: str) -> int | None:
    for part in (question_name, *reversed(group.split("/"))):
        match = _SLOT.match(part)
        if match:
            return int(match[1])
    return None


def _codes(value: str) -> list[str]:
    return [code for code in (value or "").split() if code != "none"]


def _context(form: Form, name: str, values: dict[str, str]) -> tuple[list[str], list[str]]:
    """The species and threats the location answer ``name`` is about."""
    question = form.questions[name]
    group = question.group or ""
    words = set(re.split(r"[_/]", f"{name}/{group}"))
    themes = reference.theme_codes()
    slot = _slot(name, group)
    threats = [code for code in themes if code in words]
    if slot is not None and values.get(f"target_{slot}"):
        species = [values[f"target_{slot}"]]
    else:
        species = _codes(values.get("species", ""))
    if not threats:
        if slot is not None:
            threats = _codes(values.get(f"t{slot}_threats", ""))
        else:
            named = _codes(values.get("threats_present", ""))
            for key, value in values.items():
                if re.fullmatch(r"t\d+_threats", key):
                    named += _codes(value)
            threats = [code for code in themes if code in named]
    return species, threats


def location_answers(questionnaire: Questionnaire, flt: MapFilter, lang: str) -> LocationSet:
    """The submitted location answers of every version of ``questionnaire`` that pass
    ``flt``, as :class:`surveys.geo.Location` with properties: ``reference``, ``response_id``,
    ``country``, ``group``, ``question``, ``label`` (in ``lang``), ``kind``, ``species`` and
    ``threats`` (lists of codes). Answers that are not a valid location are skipped."""
    forms: dict[int, Form] = {}
    geo_names: set[str] = set()
    context_names: set[str] = {"species", "threats_present"}
    versions = db.session.scalars(
        select(QuestionnaireVersion).where(
            QuestionnaireVersion.questionnaire_id == questionnaire.id
        )
    ).all()
    for version in versions:
        try:
            form = load_version_form(version)
        except (ValueError, KeyError, TypeError):
            # A stored form this code cannot read has no location questions it could draw.
            continue
        names = {n for n, q in form.questions.items() if q.type in GEO_TYPES}
        if names:
            forms[version.id] = form
            geo_names |= names
            context_names |= {n for n in form.questions if _CONTEXT.fullmatch(n)}
    if not forms:
        return LocationSet([])
    query = (
        select(Answer, Response)
        .join(Response, Answer.response_id == Response.id)
        .where(
            Response.version_id.in_(forms),
            Response.status == "submitted",
            Answer.question.in_(geo_names),
            Answer.value != "",
        )
        .order_by(Response.id, Answer.question, Answer.instance)
    )
    if flt.country:
        query = query.where(Response.country_code == flt.country)
    if flt.submitted_before is not None:
        query = query.where(Response.submitted_at <= flt.submitted_before)
    rows = db.session.execute(query.limit(MAX_LOCATIONS + 1)).all()
    truncated = len(rows) > MAX_LOCATIONS
    rows = rows[:MAX_LOCATIONS]
    contexts: dict[int, dict[str, str]] = defaultdict(dict)
    response_ids = sorted({response.id for _answer, response in rows})
    for start in range(0, len(response_ids), 500):
        chunk = response_ids[start : start + 500]
        for answer in db.session.scalars(
            select(Answer).where(Answer.response_id.in_(chunk), Answer.question.in_(context_names))
        ):
            contexts[answer.response_id][answer.question] = answer.value
    locations = []
    for answer, response in rows:
        form = forms[response.version_id]
        question = form.questions.get(answer.question)
        if question is None or question.type not in GEO_TYPES:
            continue
        shape = geometry(question.type, answer.value)
        if shape is None:
            continue
        species, threats = _context(form, answer.question, contexts[response.id])
        if flt.species and flt.species not in species:
            continue
        if flt.threat and flt.threat not in threats:
            continue
        if flt.threats is not None and not set(flt.threats) & set(threats):
            continue
        locations.append(
            Location(
                shape,
                {
                    "reference": response.reference,
                    "response_id": response.id,
                    "country": response.country_code or "",
                    "group": response.group_code or "",
                    "question": answer.question,
                    "label": form.label(question, lang)[0],
                    "kind": question.type,
                    "species": species,
                    "threats": threats,
                },
            )
        )
    return LocationSet(locations, truncated)


def named(location: Location, lang: str) -> dict:
    """A location's properties with the names of its codes in ``lang`` beside them."""
    props = dict(location.properties)
    props["country_name"] = reference.name("country", props["country"], lang)
    props["group_name"] = reference.name("group", props["group"], lang)
    props["species_names"] = [reference.name("species", c, lang) for c in props["species"]]
    props["threat_names"] = [reference.name("theme", c, lang) for c in props["threats"]]
    return props

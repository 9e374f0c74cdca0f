"""Interview records: validation, scoping, saving with an audit trail, search and the
analysis frames (interview notes as texts; national consultations' strategy ratings).

Views, the spreadsheet import and the CLI all pass plain values (:class:`InterviewData`) to
these functions; they add and flush, the caller commits.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, and_, exists, or_, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from consult import audit
from consult.extensions import db
from consult.models import (
    Country,
    Interview,
    InterviewNote,
    InterviewThreat,
    Participant,
    Species,
    StakeholderGroup,
    StrategyRating,
    Threat,
    User,
    interview_facilitators,
    interview_species,
    utcnow,
)
from consult.models.interviews import (
    AGREEMENTS,
    CONSENT,
    COSTS,
    FORMATS,
    NATIONAL_CONSULTATION,
    STATUSES,
)
from consult.reference import ACTION_CODES, languages

if TYPE_CHECKING:
    import pandas as pd

SEVERITIES = ("low", "medium", "high", "very_high")
GENDERS = ("female", "male", "other")
#: Columns of the frame :func:`interview_texts_frame` returns (the analysis `texts` contract).
TEXT_COLUMNS = [
    "id", "text", "lang", "country", "group", "source", "tags", "link", "translation"
]
#: Persian and Arabic spell yeh and kaf with different code points; search treats them alike.
_ARABIC_TO_PERSIAN = str.maketrans(
    {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u200c": None}
)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
#: The four levels of potential impact and feasibility (Conservation Standards), 1 Low ..
#: 4 Very high.
LEVELS = (1, 2, 3, 4)
#: Columns of the frame :func:`strategy_ratings_frame` returns (the analysis
#: `strategy_ratings` contract, analysis.prioritise.country_strategies).
STRATEGY_RATING_COLUMNS = [
    "country",
    "action",
    "impact",
    "feasibility",
    "cost",
    "agreement",
    "source",
    "meeting_id",
    "meeting_date",
]


@dataclass
class ParticipantData:
    name: str = ""
    organisation: str = ""
    group: str | None = None
    role: str = ""
    gender: str = ""

    def is_empty(self) -> bool:
        return not any((self.name, self.organisation, self.group, self.role, self.gender))


@dataclass
class NoteData:
    #: threat theme code, None for a general note
    theme: str | None
    text: str
    translation_en: str = ""


@dataclass
class StrategyRatingData:
    """A national consultation's rating of one action; every value None (and no note)
    means the consultation did not rate it."""

    #: potential impact, 1 Low .. 4 Very high
    impact: int | None = None
    #: feasibility, 1 Low .. 4 Very high
    feasibility: int | None = None
    #: low | medium | high
    cost: str | None = None
    #: full | majority | split
    agreement: str | None = None
    note: str = ""

    def is_empty(self) -> bool:
        return not any((self.impact, self.feasibility, self.cost, self.agreement, self.note))


def strategy_rating(impact: int, feasibility: int) -> int:
    """The Conservation Standards' strategy rating, 1 Not effective .. 4 Very effective:
    min(potential impact, feasibility), as Miradi computes it and as the analysis does
    (analysis.prioritise.strategy_rating, not imported here to keep pandas out of the web
    pages)."""
    return min(impact, feasibility)


@dataclass
class InterviewData:
    """One interview or meeting as plain values, the way forms and spreadsheets give it."""

    country: str
    date: date | None
    format: str
    language: str
    consent: str
    settlement: str = ""
    province: str = ""
    status: str = "draft"
    facilitator_ids: list[int] = field(default_factory=list)
    participants: list[ParticipantData] = field(default_factory=list)
    species: list[str] = field(default_factory=list)
    notes: list[NoteData] = field(default_factory=list)
    #: theme code -> perceived severity (low … very_high), None when tagged without one
    threats: dict[str, str | None] = field(default_factory=dict)
    key_quotes: str = ""
    follow_up: str = ""
    agenda: str = ""
    recommendations: str = ""
    #: national consultations only: action code -> the consultation's rating of it
    strategy_ratings: dict[str, StrategyRatingData] = field(default_factory=dict)


@dataclass
class Problem:
    """A validation problem: the field (``participants.name``), the message, and for list
    fields the position of the item (0-based)."""

    field: str
    message: str
    item: int | None = None


class InvalidInterview(ValueError):
    """The data breaks one or more rules; `problems` says which field and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


class EditConflict(Exception):
    """Someone saved the record after the version the editor started from."""

    def __init__(self, interview_id: int, current_version: int) -> None:
        super().__init__(f"interview {interview_id} is at version {current_version}")
        self.interview_id = interview_id
        self.current_version = current_version


# --- text folding for search -------------------------------------------------------------


def fold(text: str) -> str:
    """Fold `text` for case- and accent-insensitive search in any script.

    NFKD, combining marks removed, casefolded, Arabic yeh/kaf mapped to the Persian letters,
    zero-width non-joiners dropped and runs of white space made one space.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.casefold().translate(_ARABIC_TO_PERSIAN)
    return " ".join(folded.split())


def interview_terms(interview: Interview) -> str:
    """What Interview.search_terms holds: the terms (words and stems) of the place, the
    participants' organisations and the notes with their translations."""
    from analysis.search import index_terms  # the text analysis loads on first use

    return index_terms(
        interview.settlement,
        interview.province,
        *(p.organisation for p in interview.participants),
        *(f"{n.text}\n{n.translation_en}" for n in interview.notes),
    )


def index_missing_interviews(batch: int = 500) -> int:
    """Fill the search terms of interviews saved before they existed; returns how many.
    Flushes; the caller commits."""
    done = 0
    while True:
        rows = db.session.scalars(
            select(Interview)
            .where(Interview.search_terms.is_(None))
            .options(selectinload(Interview.participants), selectinload(Interview.notes))
            .limit(batch)
        ).all()
        if not rows:
            return done
        for interview in rows:
            # A plain UPDATE: indexing is not an edit and must not bump the row version.
            db.session.execute(
                update(Interview)
                .where(Interview.id == interview.id)
                .values(search_terms=interview_terms(interview)),
                execution_options={"synchronize_session": False},
            )
        db.session.flush()
        db.session.expire_all()
        done += len(rows)


def note_search_text(text: str, translation_en: str) -> str:
    """What InterviewNote.search_text holds: the folded text and translation."""
    return fold(f"{text}\n{translation_en}")


# --- who sees what -----------------------------------------------------------------------


def scoped(query: Select, user: User) -> Select:
    """Limit an interview query to the countries `user` may see (all for the secretariat)."""
    if user.is_admin:
        return query
    return query.where(Interview.country_code.in_(sorted(user.country_codes)))


def interview_for(user: User, interview_id: int) -> Interview | None:
    """The interview when it exists and `user` may see it; None otherwise, so a record in
    another country looks exactly like a missing one."""
    interview = db.session.get(Interview, interview_id)
    if interview is None or not user.can_access_country(interview.country_code):
        return None
    return interview


def facilitator_choices(user: User) -> list[User]:
    """Accounts that can be named as facilitators by `user`: active facilitators sharing a
    country with them (all of them for the secretariat), and `user` themself."""
    query = select(User).where(User.active.is_(True), User.role == "facilitator")
    candidates = db.session.scalars(query.order_by(User.name, User.email)).all()
    if not user.is_admin:
        mine = user.country_codes
        candidates = [c for c in candidates if c.country_codes & mine]
    if user not in candidates:
        candidates = [user, *candidates]
    return list(candidates)


# --- validation ----------------------------------------------------------------------------


def _codes(model) -> set[str]:
    return set(db.session.scalars(select(model.code)))


def max_length(model, name: str) -> int:
    """The size of a text column (``max_length(Interview, "settlement")`` → 200): what a
    value may hold before the database refuses it."""
    return model.__table__.c[name].type.length


def _length_problems(data: InterviewData) -> list[Problem]:
    """Values longer than their columns: PostgreSQL would refuse the whole save."""
    problems = []
    for name in ("settlement", "province"):
        limit = max_length(Interview, name)
        if len(getattr(data, name) or "") > limit:
            problems.append(Problem(name, str(_l("At most %(n)d characters.", n=limit))))
    for position, person in enumerate(data.participants):
        for name in ("name", "organisation", "role"):
            limit = max_length(Participant, name)
            if len(getattr(person, name) or "") > limit:
                message = str(_l("At most %(n)d characters.", n=limit))
                problems.append(Problem(f"participants.{name}", message, position))
    return problems


def validate_interview(
    data: InterviewData, user: User | None, *, kept_facilitators: Collection[int] = ()
) -> list[Problem]:
    """Every rule an interview record must meet; an empty list means it may be saved.

    `user` None means an operator at the command line, who may write to any country.
    `kept_facilitators` are the ids already on the record being updated: they were
    checked when they were added and stay even if their account has changed since
    (deactivated, moved to other countries, made an administrator).
    """
    problems: list[Problem] = _length_problems(data)

    def problem(name: str, message, item: int | None = None) -> None:
        problems.append(Problem(name, str(message), item))

    country_ok = False
    if data.country not in _codes(Country):
        problem("country", _l("Choose a range state."))
    elif user is not None and not user.can_access_country(data.country):
        problem("country", _l("You are not assigned to this country."))
    else:
        country_ok = True
    if data.date is None:
        problem("date", _l("Give the date of the interview."))
    elif data.date > date.today() + timedelta(days=1):
        problem("date", _l("The date is in the future."))
    if data.format not in FORMATS:
        problem("format", _l("Choose individual, group, meeting or national consultation."))
    known_languages = {item["code"] for item in languages()}
    if data.language not in known_languages and not _LANGUAGE_CODE.match(data.language or ""):
        problem("language", _l("Give the language as a code such as ru or fa."))
    if data.consent not in CONSENT:
        problem("consent", _l("Say how consent was obtained."))
    if data.status not in STATUSES:
        problem("status", _l("Status is draft or complete."))
    if data.facilitator_ids:
        found = {
            u.id: u
            for u in db.session.scalars(select(User).where(User.id.in_(data.facilitator_ids)))
        }
        for position, user_id in enumerate(data.facilitator_ids):
            person = found.get(user_id)
            if user_id in kept_facilitators and person is not None:
                continue
            if person is None or not person.active:
                problem("facilitators", _l("Unknown facilitator."), position)
            elif country_ok and not person.can_access_country(data.country):
                problem(
                    "facilitators",
                    _l("%(email)s is not a facilitator for this country.", email=person.email),
                    position,
                )
    groups = _codes(StakeholderGroup)
    for position, person in enumerate(data.participants):
        if person.name and data.consent == "none":
            problem(
                "participants.name",
                _l("Without consent no names may be recorded; leave the name empty."),
                position,
            )
        if not person.group:
            problem("participants.group", _l("Choose the stakeholder group."), position)
        elif person.group not in groups:
            problem("participants.group", _l("Unknown stakeholder group."), position)
        if person.gender and person.gender not in GENDERS:
            problem("participants.gender", _l("Gender is female, male, other or empty."), position)
    species = _codes(Species)
    for position, code in enumerate(data.species):
        if code not in species:
            problem("species", _l("Unknown species %(code)s.", code=code), position)
    themes = _codes(Threat)
    for position, note in enumerate(data.notes):
        if note.theme is not None and note.theme not in themes:
            problem("notes.theme", _l("Unknown threat theme."), position)
        if not note.text.strip():
            problem("notes.text", _l("A note needs the original text."), position)
    for theme, severity in data.threats.items():
        if theme not in themes:
            problem("threats", _l("Unknown threat theme %(code)s.", code=theme))
        elif severity is not None and severity not in SEVERITIES:
            problem(
                f"threats.{theme}",
                _l("Severity is low, medium, high or very_high."),
            )
    problems += _strategy_rating_problems(data)
    return problems


def _strategy_rating_problems(data: InterviewData) -> list[Problem]:
    """A rated action needs its potential impact, feasibility, cost and the participants'
    agreement (the analysis uses them together); problems are named
    ``strategy_ratings.<action>.<field>``."""
    problems: list[Problem] = []
    if data.strategy_ratings and data.format in FORMATS and data.format != NATIONAL_CONSULTATION:
        message = _l(
            "Only a national consultation rates actions: choose that format, or clear the "
            "strategy ratings."
        )
        problems.append(Problem("format", str(message)))
    note_limit = max_length(StrategyRating, "note")
    for code, rating in data.strategy_ratings.items():
        where = f"strategy_ratings.{code}"
        if code not in ACTION_CODES:
            problems.append(Problem(where, str(_l("Unknown action %(code)s.", code=code))))
            continue
        for name, given in (("impact", rating.impact), ("feasibility", rating.feasibility)):
            if given is None:
                message = (
                    _l("Give the potential impact (Low to Very high), or leave the action blank.")
                    if name == "impact"
                    else _l("Give the feasibility (Low to Very high), or leave the action blank.")
                )
            elif given not in LEVELS:
                message = (
                    _l("Potential impact is a level from 1 (Low) to 4 (Very high).")
                    if name == "impact"
                    else _l("Feasibility is a level from 1 (Low) to 4 (Very high).")
                )
            else:
                continue
            problems.append(Problem(f"{where}.{name}", str(message)))
        if rating.cost is None:
            message = _l("Give the cost (low, medium or high), or leave the action blank.")
            problems.append(Problem(f"{where}.cost", str(message)))
        elif rating.cost not in COSTS:
            problems.append(Problem(f"{where}.cost", str(_l("Cost is low, medium or high."))))
        if rating.agreement is None:
            message = _l(
                "Say how far the participants agreed (full, majority or split), or leave the "
                "action blank."
            )
            problems.append(Problem(f"{where}.agreement", str(message)))
        elif rating.agreement not in AGREEMENTS:
            message = _l("Agreement is full, majority or split.")
            problems.append(Problem(f"{where}.agreement", str(message)))
        if len(rating.note) > note_limit:
            message = _l("At most %(n)d characters.", n=note_limit)
            problems.append(Problem(f"{where}.note", str(message)))
    return problems


# --- reading and writing ----------------------------------------------------------------


def data_from_interview(interview: Interview) -> InterviewData:
    """The record as plain values, as a form would show it for editing."""
    return InterviewData(
        country=interview.country_code,
        date=interview.date,
        format=interview.format,
        language=interview.language,
        consent=interview.consent,
        settlement=interview.settlement,
        province=interview.province,
        status=interview.status,
        facilitator_ids=[u.id for u in interview.facilitators],
        participants=[
            ParticipantData(p.name, p.organisation, p.group_code, p.role, p.gender)
            for p in interview.participants
        ],
        species=[s.code for s in interview.species],
        notes=[NoteData(n.theme_code, n.text, n.translation_en) for n in interview.notes],
        threats={t.theme_code: t.severity for t in interview.threats},
        key_quotes=interview.key_quotes,
        follow_up=interview.follow_up,
        agenda=interview.agenda,
        recommendations=interview.recommendations,
        strategy_ratings={
            row.action_code: StrategyRatingData(
                row.impact, row.feasibility, row.cost, row.agreement, row.note
            )
            for row in interview.strategy_ratings
        },
    )


#: List fields whose order means nothing (the relationships behind them have none).
UNORDERED_FIELDS = ("facilitator_ids", "species")


def changed_fields(before: InterviewData, after: InterviewData) -> list[str]:
    """Names of the fields that differ; what the audit log records (never the values,
    which may name people). Facilitators and species differ only in who or what, not in
    the order they were listed."""

    def value(data: InterviewData, name: str):
        item = getattr(data, name)
        return sorted(item) if name in UNORDERED_FIELDS else item

    return [f.name for f in fields(InterviewData) if value(before, f.name) != value(after, f.name)]


def pending_changes(interview: Interview, data: InterviewData) -> list[str]:
    """The fields saving `data` over `interview` would change (`data` is normalised on the
    way, as a save would)."""
    return changed_fields(data_from_interview(interview), _normalise(data))


def _normalise(data: InterviewData) -> InterviewData:
    data.participants = [p for p in data.participants if not p.is_empty()]
    data.notes = [n for n in data.notes if n.text.strip() or n.translation_en.strip()]
    data.species = list(dict.fromkeys(data.species))
    data.facilitator_ids = list(dict.fromkeys(data.facilitator_ids))
    for name in ("settlement", "province", "key_quotes", "follow_up", "agenda", "recommendations"):
        setattr(data, name, (getattr(data, name) or "").strip())
    for rating in data.strategy_ratings.values():
        rating.note = (rating.note or "").strip()
    data.strategy_ratings = {
        code: rating for code, rating in data.strategy_ratings.items() if not rating.is_empty()
    }
    return data


def _apply(interview: Interview, data: InterviewData) -> None:
    interview.country_code = data.country
    interview.date = data.date
    interview.settlement = data.settlement
    interview.province = data.province
    interview.format = data.format
    interview.language = data.language
    interview.consent = data.consent
    interview.status = data.status
    interview.key_quotes = data.key_quotes
    interview.follow_up = data.follow_up
    interview.agenda = data.agenda
    interview.recommendations = data.recommendations
    interview.facilitators = (
        list(db.session.scalars(select(User).where(User.id.in_(data.facilitator_ids))))
        if data.facilitator_ids
        else []
    )
    interview.species = (
        list(db.session.scalars(select(Species).where(Species.code.in_(data.species))))
        if data.species
        else []
    )
    # Rows are updated in place by position so note ids, which the analysis links to,
    # survive an edit.
    participants = list(interview.participants)
    for position, person in enumerate(data.participants):
        if position < len(participants):
            row = participants[position]
        else:
            row = Participant()
            interview.participants.append(row)
        row.position = position
        row.name = person.name.strip()
        row.organisation = person.organisation.strip()
        row.group_code = person.group or None
        row.role = person.role.strip()
        row.gender = person.gender
    for row in participants[len(data.participants) :]:
        interview.participants.remove(row)
    notes = list(interview.notes)
    for position, note in enumerate(data.notes):
        if position < len(notes):
            row = notes[position]
        else:
            row = InterviewNote()
            interview.notes.append(row)
        row.theme_code = note.theme
        row.text = note.text.strip()
        row.translation_en = note.translation_en.strip()
        row.search_text = note_search_text(row.text, row.translation_en)
    for row in notes[len(data.notes) :]:
        interview.notes.remove(row)
    interview.search_terms = interview_terms(interview)
    existing = {t.theme_code: t for t in interview.threats}
    for theme, severity in data.threats.items():
        if theme in existing:
            existing[theme].severity = severity
        else:
            interview.threats.append(InterviewThreat(theme_code=theme, severity=severity))
    for theme, row in existing.items():
        if theme not in data.threats:
            interview.threats.remove(row)
    rated = {row.action_code: row for row in interview.strategy_ratings}
    for code, rating in data.strategy_ratings.items():
        row = rated.get(code)
        if row is None:
            row = StrategyRating(action_code=code)
            interview.strategy_ratings.append(row)
        row.impact = rating.impact
        row.feasibility = rating.feasibility
        row.cost = rating.cost
        row.agreement = rating.agreement
        row.note = rating.note
    for code, row in rated.items():
        if code not in data.strategy_ratings:
            interview.strategy_ratings.remove(row)


def create_interview(
    data: InterviewData,
    user: User | None,
    *,
    record_uid: str | None = None,
    action: str = "create",
    client_id: str | None = None,
) -> Interview:
    """Add a new interview from `data` on behalf of `user` (None: command-line operator);
    `client_id` is the id a browser gave an interview recorded offline.

    Raises InvalidInterview with the problems when a rule is broken. Flushes and writes an
    ``interview.<action>`` audit event; the caller commits.
    """
    data = _normalise(data)
    problems = validate_interview(data, user)
    if problems:
        raise InvalidInterview(problems)
    interview = Interview(
        record_uid=record_uid, client_id=client_id, created_by_id=user.id if user else None
    )
    _apply(interview, data)
    db.session.add(interview)
    db.session.flush()
    audit.record(
        f"interview.{action}",
        "interview",
        interview.id,
        user=user,
        country=interview.country_code,
        version=interview.row_version,
        fields=changed_fields(InterviewData("", None, "", "", ""), data),
        **({"client_id": client_id} if client_id else {}),
    )
    return interview


def update_interview(
    interview: Interview,
    data: InterviewData,
    user: User | None,
    *,
    expected_version: int | None,
    action: str = "update",
    client_id: str | None = None,
) -> list[str]:
    """Save `data` over `interview` when nobody else saved it since `expected_version`;
    `client_id`, the id a browser gave an edit made offline, is kept in the audit event.

    Returns the names of the changed fields (empty: nothing to save, nothing audited).
    Raises EditConflict when the record moved on since the editor loaded it, and
    InvalidInterview when a rule is broken. Flushes; the caller commits.
    """
    if expected_version is not None and expected_version != interview.row_version:
        raise EditConflict(interview.id, interview.row_version)
    if user is not None and not user.can_access_country(interview.country_code):
        raise PermissionError("interview outside the user's countries")
    data = _normalise(data)
    kept = {person.id for person in interview.facilitators}
    problems = validate_interview(data, user, kept_facilitators=kept)
    if problems:
        raise InvalidInterview(problems)
    changes = changed_fields(data_from_interview(interview), data)
    if not changes:
        return []
    _apply(interview, data)
    # Touching the row makes every save bump row_version, even when only notes changed, so
    # the version check in the UPDATE also catches two saves racing each other.
    interview.updated_at = utcnow()
    try:
        db.session.flush()
    except StaleDataError as error:
        raise EditConflict(interview.id, -1) from error
    audit.record(
        f"interview.{action}",
        "interview",
        interview.id,
        user=user,
        version=interview.row_version,
        fields=changes,
        **({"client_id": client_id} if client_id else {}),
    )
    return changes


def interview_by_client_id(client_id: str) -> Interview | None:
    """The interview a browser created offline under `client_id`, or None."""
    return db.session.scalar(select(Interview).where(Interview.client_id == client_id))


def edit_applied(interview: Interview, client_id: str) -> bool:
    """True when the edit a browser sent under `client_id` was saved already (its audit
    event carries the id), so sending it again changes nothing."""
    return any(
        (event.details or {}).get("client_id") == client_id
        for event in audit.history("interview", interview.id)
    )


# --- search --------------------------------------------------------------------------------


@dataclass
class Filters:
    """List filters; empty values filter nothing."""

    country: str = ""
    date_from: date | None = None
    date_to: date | None = None
    format: str = ""
    group: str = ""
    threat: str = ""
    species: str = ""
    facilitator: int | None = None
    status: str = ""
    q: str = ""

    def as_dict(self) -> dict[str, str]:
        """Non-empty filters as strings (for links, the audit log and the export)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {k: v.isoformat() if isinstance(v, date) else str(v) for k, v in values.items() if v}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filtered_query(user: User, filters: Filters) -> Select:
    """The interviews `user` may see that match `filters`, newest first."""
    query = scoped(select(Interview), user)
    if filters.country:
        query = query.where(Interview.country_code == filters.country)
    if filters.date_from:
        query = query.where(Interview.date >= filters.date_from)
    if filters.date_to:
        query = query.where(Interview.date <= filters.date_to)
    if filters.format:
        query = query.where(Interview.format == filters.format)
    if filters.status:
        query = query.where(Interview.status == filters.status)
    if filters.group:
        query = query.where(
            exists().where(
                Participant.interview_id == Interview.id, Participant.group_code == filters.group
            )
        )
    if filters.threat:
        query = query.where(
            exists().where(
                InterviewThreat.interview_id == Interview.id,
                InterviewThreat.theme_code == filters.threat,
            )
        )
    if filters.species:
        query = query.where(
            exists().where(
                interview_species.c.interview_id == Interview.id,
                interview_species.c.species_code == filters.species,
            )
        )
    if filters.facilitator:
        query = query.where(
            exists().where(
                interview_facilitators.c.interview_id == Interview.id,
                interview_facilitators.c.user_id == filters.facilitator,
            )
        )
    condition = text_condition(filters.q)
    if condition is not None:
        query = query.where(condition)
    return query.order_by(Interview.date.desc(), Interview.id.desc())


#: Longest search text read, in characters; the rest is ignored.
MAX_QUERY_CHARS = 200


def text_condition(q: str | None):
    """The condition for search text ``q``: every word of it, in any of its forms (see
    :mod:`analysis.search`), among the terms of the place, organisations and notes; or the
    whole text, case and accents folded, inside a note. None for an empty search."""
    q = (q or "")[:MAX_QUERY_CHARS]
    folded = fold(q)
    if not folded:
        return None
    in_note = exists().where(
        InterviewNote.interview_id == Interview.id,
        InterviewNote.search_text.like(_like(folded), escape="\\"),
    )
    from analysis.search import query_terms  # the text analysis loads on first use

    groups = query_terms(q)
    if not groups:
        return in_note
    by_terms = and_(
        *(
            or_(
                *(
                    Interview.search_terms.like("% " + _like(v)[1:], escape="\\")
                    for v in group
                )
            )
            for group in groups
        )
    )
    return or_(in_note, by_terms)


def search_interviews(user: User, filters: Filters, page: int = 1, per_page: int = 25):
    """One page (a Flask-SQLAlchemy ``Pagination``) of the interviews `user` may see that
    match `filters`; a page past the last gives the last."""
    query = filtered_query(user, filters).options(
        selectinload(Interview.participants), selectinload(Interview.threats)
    )
    if filters.q:
        # The notes are shown with the words found in them.
        query = query.options(selectinload(Interview.notes))
    result = db.paginate(query, page=max(1, page), per_page=per_page, error_out=False)
    if result.pages and result.page > result.pages:
        result = db.paginate(query, page=result.pages, per_page=per_page, error_out=False)
    return result


# --- the analysis ---------------------------------------------------------------------------


def main_group(groups: Iterable[str | None]) -> str:
    """The most common stakeholder group (the first seen wins a tie), "" when none."""
    counted = Counter(g for g in groups if g)
    return counted.most_common(1)[0][0] if counted else ""


def interview_texts_frame(
    session: Session,
    countries: Iterable[str] | None = None,
    species: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Interview notes in the analysis `texts` contract, one row per note with text.

    Columns: id ("interview:<id>:note:<note id>"), text (the original), lang (the
    interview's language), country, group (most common stakeholder group of the
    participants, or ""), source ("interview"), tags (";"-joined theme codes: the note's
    theme, then the interview's threat tags), link ("/interviews/<id>"), translation (the
    facilitator's English translation, "" when there is none). Drafts count too:
    a note is evidence once it is typed. `countries` limits the rows to those countries,
    `species` to interviews that discussed any of those species.
    """
    import pandas as pd

    query = select(Interview).options(
        selectinload(Interview.notes),
        selectinload(Interview.participants),
        selectinload(Interview.threats),
    )
    if countries is not None:
        query = query.where(Interview.country_code.in_(list(countries)))
    if species:
        query = query.where(Interview.species.any(Species.code.in_(list(species))))
    rows = []
    for interview in session.scalars(query.order_by(Interview.id)):
        group = main_group(p.group_code for p in interview.participants)
        tagged = sorted(t.theme_code for t in interview.threats)
        for note in interview.notes:
            if not note.text.strip():
                continue
            tags = list(dict.fromkeys([*([note.theme_code] if note.theme_code else []), *tagged]))
            rows.append(
                {
                    "id": f"interview:{interview.id}:note:{note.id}",
                    "text": note.text,
                    "lang": interview.language,
                    "country": interview.country_code,
                    "group": group,
                    "source": "interview",
                    "tags": ";".join(tags),
                    "link": f"/interviews/{interview.id}",
                    "translation": _translation(note),
                }
            )
    return pd.DataFrame(rows, columns=TEXT_COLUMNS)


def _translation(note: InterviewNote) -> str:
    """The note's English translation when it says something the original does not (an
    English note's copy of itself is no translation)."""
    translation = note.translation_en.strip()
    return translation if translation and translation != note.text.strip() else ""


def rated_actions(interview: Interview) -> list[tuple[StrategyRating, int]]:
    """The record's strategy ratings in the catalogue's order (actions no longer in it
    last), each with its strategy rating 1..4 (:func:`strategy_rating`)."""
    order = {code: position for position, code in enumerate(ACTION_CODES)}
    rows = sorted(
        interview.strategy_ratings,
        key=lambda row: (order.get(row.action_code, len(order)), row.action_code),
    )
    return [(row, strategy_rating(row.impact, row.feasibility)) for row in rows]


def consultation_source(interview: Interview) -> str:
    """How the analysis names a national consultation as the source of a rating (English:
    the analysis prints it)."""
    return f"National consultation {interview.date.isoformat()} (#{interview.id})"


def strategy_ratings_frame(session_or_db, countries: Iterable[str] | None = None) -> pd.DataFrame:
    """The strategy ratings of complete national consultations, in the analysis
    `strategy_ratings` contract (analysis.prioritise.country_strategies).

    `session_or_db` is a SQLAlchemy session or the Flask-SQLAlchemy ``db``. One row per
    rated action of each national consultation whose status is complete (drafts do not
    count), ordered by country, meeting date, meeting id and action. Columns: country,
    action (catalogue code), impact and feasibility (int 1..4), cost ("low", "medium",
    "high"), agreement ("full", "majority", "split"), source ("National consultation
    <date> (#<id>)"), meeting_id (int), meeting_date (ISO date). `countries` limits the
    rows to those countries.
    """
    import pandas as pd

    session = getattr(session_or_db, "session", session_or_db)
    query = (
        select(Interview, StrategyRating)
        .join(StrategyRating, StrategyRating.interview_id == Interview.id)
        .where(Interview.format == NATIONAL_CONSULTATION, Interview.status == "complete")
    )
    if countries is not None:
        query = query.where(Interview.country_code.in_(list(countries)))
    query = query.order_by(
        Interview.country_code, Interview.date, Interview.id, StrategyRating.action_code
    )
    rows = [
        {
            "country": interview.country_code,
            "action": rating.action_code,
            "impact": rating.impact,
            "feasibility": rating.feasibility,
            "cost": rating.cost,
            "agreement": rating.agreement,
            "source": consultation_source(interview),
            "meeting_id": interview.id,
            "meeting_date": interview.date.isoformat(),
        }
        for interview, rating in session.execute(query)
    ]
    frame = pd.DataFrame(rows, columns=STRATEGY_RATING_COLUMNS)
    return frame.astype({"impact": "int64", "feasibility": "int64", "meeting_id": "int64"})

"""Demo interviews and consultation meetings, logged by the demo facilitators, and each
country's national consultation with its strategy ratings of the catalogue's actions."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from consult.demo import texts
from consult.extensions import db
from consult.interviews import service
from consult.models import Interview, User
from consult.models.interviews import COSTS, NATIONAL_CONSULTATION
from consult.reference import ACTIONS

#: Countries of the demo facilitators and how many records each gets (40 in all).
PLAN = (
    ("kz.facilitator@demo.consult", (("KZ", 9), ("KG", 5))),
    ("mn.facilitator@demo.consult", (("MN", 9), ("CN", 5))),
    ("ir.facilitator@demo.consult", (("IR", 6), ("AF", 3), ("TM", 3))),
)
FIRST_DAY = date(2026, 1, 12)
DAYS = 290
FORMAT_WEIGHTS = {"individual": 0.45, "group": 0.3, "meeting": 0.25}
CONSENT_WEIGHTS = {"written": 0.4, "oral": 0.35, "recorded": 0.1, "none": 0.15}
SEVERITY_WEIGHTS = {"low": 0.15, "medium": 0.35, "high": 0.35, "very_high": 0.15, None: 0.1}
#: Who a facilitator meets, per format: stakeholder groups with weights.
GROUPS = {
    "individual": {
        "community": 4,
        "protected_area": 2,
        "government": 1,
        "hunting": 1,
        "research": 1,
        "private_sector": 1,
    },
    "group": {"community": 6, "protected_area": 1, "hunting": 1},
    "meeting": {
        "government": 3,
        "protected_area": 2,
        "ngo": 2,
        "research": 2,
        "community": 2,
        "international": 1,
        "private_sector": 1,
        "hunting": 1,
    },
}
ORGANISATIONS = {
    "government": (
        "Ministry of Ecology",
        "Forestry and Wildlife Committee",
        "Provincial environment department",
    ),
    "protected_area": ("State nature reserve", "National park administration"),
    "ngo": ("National wildlife society", "Snow Leopard Trust partner", "Steppe Forward"),
    "research": ("Institute of Zoology", "State university, biology faculty"),
    "community": ("", "Herders' cooperative", "Pasture users' association"),
    "hunting": ("Hunting concession", "Hunters' and fishers' society"),
    "private_sector": ("Railway company", "Mining company", "Road construction contractor"),
    "international": ("CMS Secretariat", "UNDP project", "GIZ programme"),
}
ROLES = {
    "government": ("inspector", "head of department", "specialist"),
    "protected_area": ("ranger", "director", "ecologist"),
    "ngo": ("project coordinator", "field officer"),
    "research": ("researcher", "professor"),
    "community": ("herder", "village head", "teacher", "elder"),
    "hunting": ("game warden", "hunter"),
    "private_sector": ("environmental officer", "site manager"),
    "international": ("programme officer",),
}


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _participants(
    rng: random.Random, fmt: str, country: str, consent: str
) -> list[service.ParticipantData]:
    size = {"individual": 1, "group": rng.randint(3, 6), "meeting": rng.randint(6, 12)}[fmt]
    people = []
    for _ in range(size):
        group = _pick(rng, GROUPS[fmt])
        name, gender = texts.person(rng, country)
        # a quarter of the participants did not state a gender (the draw as before)
        stated = rng.choice(("female", "male", "male", "")) != ""
        people.append(
            service.ParticipantData(
                name=name if consent != "none" else "",
                organisation=rng.choice(ORGANISATIONS[group]),
                group=group,
                role=rng.choice(ROLES[group]),
                gender=gender if stated else "",
            )
        )
    return people


def _record(rng: random.Random, country: str, facilitator: User) -> service.InterviewData:
    fmt = _pick(rng, FORMAT_WEIGHTS)
    consent = _pick(rng, CONSENT_WEIGHTS)
    lang = texts.language_for(rng, country)
    settlement, province = texts.place_for(rng, country)
    candidates = texts.COUNTRY_SPECIES.get(country) or ("saiga",)
    species = rng.sample(list(candidates), k=min(len(candidates), rng.randint(1, 2)))
    themes = rng.sample(list(texts.THEMES), k=rng.randint(2, 4))
    notes, quotes, follow_up = [], [], []
    for theme in [*themes, *([None] if rng.random() < 0.5 else [])]:
        note = texts.interview_note(rng, theme, lang, country, species, fmt)
        notes.append(service.NoteData(theme, note["text"], note.get("translation_en") or ""))
        quotes.extend(note.get("quotes") or [])
        if note.get("follow_up"):
            follow_up.append(note["follow_up"])
    meeting = texts.meeting_texts(rng, lang, country) if fmt == "meeting" else {}
    return service.InterviewData(
        country=country,
        date=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
        format=fmt,
        language=lang,
        consent=consent,
        settlement=settlement,
        province=province,
        status="complete" if rng.random() < 0.8 else "draft",
        facilitator_ids=[facilitator.id],
        participants=_participants(rng, fmt, country, consent),
        species=species,
        notes=notes,
        threats={theme: _pick(rng, SEVERITY_WEIGHTS) for theme in themes},
        key_quotes="\n".join(quotes),
        follow_up="\n".join(follow_up),
        agenda=meeting.get("agenda", ""),
        recommendations=meeting.get("recommendations", ""),
    )


def seed_interviews(rng: random.Random) -> int:
    """Add the demo interviews and meetings (record ids "demo-1" … "demo-40") that are not
    there yet, each logged by the demo facilitator of its country. Returns how many were
    added; a second run adds none. Needs the demo accounts; flushes, the caller commits."""
    existing = set(
        db.session.scalars(
            db.select(Interview.record_uid).where(Interview.record_uid.like("demo-%"))
        )
    )
    added = 0
    number = 0
    for email, countries in PLAN:
        facilitator = db.session.scalar(db.select(User).where(User.email == email))
        for country, count in countries:
            for _ in range(count):
                number += 1
                # Drawn even when the record exists, so every record stays the same for a seed.
                data = _record(rng, country, facilitator) if facilitator else None
                uid = f"demo-{number}"
                if data is None or uid in existing:
                    continue
                service.create_interview(data, facilitator, record_uid=uid, action="demo")
                added += 1
    return added


# --- national consultations ------------------------------------------------------------


@dataclass(frozen=True)
class Priorities:
    """What a country's national consultation stresses when it rates the actions.

    `stress`: themes whose actions it sees doing more than the catalogue says (+1 potential
    impact); `lower`: themes that matter less there (at most Medium, unless also stressed);
    `key`: actions rated Very high impact; `feasible`: themes whose actions are easier there
    (+1 feasibility); `capacity`: a shift of every feasibility (security, staff, money).
    """

    stress: tuple[str, ...]
    key: tuple[str, ...]
    lower: tuple[str, ...] = ()
    feasible: tuple[str, ...] = ()
    capacity: int = 0


#: Where fences, railways and roads cut migrations (Mongolian gazelle, saiga, kulan, khulan
#: and wild ass), crossings and fence changes lead; where poaching and trafficking dominate
#: (argali, snow leopard, Bukhara deer), rangers, trade controls and prosecution do.
PRIORITIES = {
    "KZ": Priorities(
        stress=("infrastructure", "livestock"),
        key=("fence_modification", "wildlife_crossings", "livestock_disease_surveillance"),
    ),
    "MN": Priorities(
        stress=("infrastructure", "climate"),
        key=("fence_modification", "wildlife_crossings", "dzud_contingency"),
        lower=("poaching",),
    ),
    "CN": Priorities(
        stress=("infrastructure", "science"),
        key=("wildlife_crossings", "fence_modification", "infrastructure_safeguards"),
        lower=("community",),
        feasible=("infrastructure", "science"),
    ),
    "KG": Priorities(
        stress=("poaching",),
        key=("ranger_capacity", "horn_trade_controls", "hunting_regulation"),
        lower=("infrastructure",),
        capacity=-1,
    ),
    "AF": Priorities(
        stress=("poaching",),
        key=("ranger_capacity", "horn_trade_controls", "joint_patrols"),
        lower=("infrastructure", "science", "climate"),
        capacity=-1,
    ),
    "TM": Priorities(
        stress=("poaching", "climate"),
        key=("ranger_capacity", "water_points"),
        lower=("infrastructure",),
    ),
    "IR": Priorities(
        stress=("poaching", "livestock"),
        key=("conflict_mitigation", "ranger_capacity", "wildlife_crossings"),
        feasible=("community",),
    ),
}
#: The demo's national consultations: record id, country, date and status. Kyrgyzstan's
#: follow-up meeting is still a draft, so the analysis does not use its ratings yet.
CONSULTATIONS = (
    ("demo-nc-1", "MN", date(2026, 9, 29), "complete"),
    ("demo-nc-2", "KZ", date(2026, 10, 6), "complete"),
    ("demo-nc-3", "CN", date(2026, 10, 13), "complete"),
    ("demo-nc-4", "KG", date(2026, 10, 20), "complete"),
    ("demo-nc-5", "IR", date(2026, 10, 27), "complete"),
    ("demo-nc-6", "AF", date(2026, 11, 3), "complete"),
    ("demo-nc-7", "TM", date(2026, 11, 10), "complete"),
    ("demo-nc-8", "KG", date(2026, 11, 24), "draft"),
)
AGREEMENT_WEIGHTS = {"full": 0.4, "majority": 0.45, "split": 0.15}


def _level(value: int) -> int:
    return max(1, min(4, value))


def _jitter(rng: random.Random) -> int:
    """Mostly no change; now and then a meeting rates an action a level apart."""
    return rng.choice((-1, 0, 0, 0, 0, 1))


def strategy_ratings(rng: random.Random, country: str) -> dict[str, service.StrategyRatingData]:
    """The actions a national consultation in `country` rates, from its priorities and the
    catalogue's defaults: every key action and every action on a stressed theme, plus a
    few others; the rest are left to the catalogue."""
    plan = PRIORITIES[country]
    actions = list(ACTIONS)
    stressed = [a for a in actions if set(a["themes"].split(";")) & set(plan.stress)]
    others = [a for a in actions if a not in stressed and a["code"] not in plan.key]
    chosen = {a["code"] for a in stressed} | set(plan.key)
    chosen |= {a["code"] for a in rng.sample(others, k=rng.randint(2, 5))}
    ratings = {}
    for action in actions:
        if action["code"] not in chosen:
            continue
        themes = set(action["themes"].split(";"))
        key = action["code"] in plan.key
        impact = int(action["impact"])
        if key:
            impact = 4
        elif themes & set(plan.stress):
            impact += 1 + min(0, _jitter(rng))
        elif themes & set(plan.lower):
            impact = min(impact - 1, 2)
        else:
            impact += _jitter(rng)
        feasibility = int(action["feasibility"]) + plan.capacity + _jitter(rng)
        if themes & set(plan.feasible):
            feasibility += 1
        cost = int(action["cost"]) - 1 + rng.choice((-1, 0, 0, 0, 1))
        agreement = "full" if key and rng.random() < 0.7 else _pick(rng, AGREEMENT_WEIGHTS)
        ratings[action["code"]] = service.StrategyRatingData(
            impact=_level(impact),
            feasibility=_level(feasibility),
            cost=COSTS[max(0, min(len(COSTS) - 1, cost))],
            agreement=agreement,
        )
    return ratings


def _consultation(
    rng: random.Random, country: str, when: date, status: str, facilitator: User
) -> service.InterviewData:
    """A national consultation meeting: officials, rangers, scientists, NGOs and community
    representatives, notes on the threats the country stresses, and its strategy ratings."""
    lang = texts.language_for(rng, country)
    settlement, province = texts.place_for(rng, country)
    candidates = texts.COUNTRY_SPECIES.get(country) or ("saiga",)
    species = rng.sample(list(candidates), k=min(len(candidates), 3))
    threats = list(PRIORITIES[country].stress)
    notes = []
    for theme in threats:
        note = texts.interview_note(rng, theme, lang, country, species, "meeting")
        notes.append(service.NoteData(theme, note["text"], note.get("translation_en") or ""))
    meeting = texts.meeting_texts(rng, lang, country)
    return service.InterviewData(
        country=country,
        date=when,
        format=NATIONAL_CONSULTATION,
        language=lang,
        consent="written",
        settlement=settlement,
        province=province,
        status=status,
        facilitator_ids=[facilitator.id],
        participants=_participants(rng, "meeting", country, "written"),
        species=species,
        notes=notes,
        threats={theme: rng.choice(("high", "very_high")) for theme in threats},
        agenda=meeting["agenda"],
        recommendations=meeting["recommendations"],
        strategy_ratings=strategy_ratings(rng, country),
    )


def seed_national_consultations(rng: random.Random) -> int:
    """Add the demo's national consultations (:data:`CONSULTATIONS`, record ids
    "demo-nc-1" …) that are not there yet, each with strategy ratings that follow its
    country's :data:`PRIORITIES`, logged by the demo facilitator of the country. Returns how
    many were added; a second run adds none. Needs the demo accounts; flushes, the caller
    commits."""
    facilitators = {country: email for email, countries in PLAN for country, _count in countries}
    existing = set(
        db.session.scalars(
            db.select(Interview.record_uid).where(Interview.record_uid.like("demo-nc-%"))
        )
    )
    added = 0
    for uid, country, when, status in CONSULTATIONS:
        email = facilitators[country]
        facilitator = db.session.scalar(db.select(User).where(User.email == email))
        # Drawn even when the record exists, so every record stays the same for a seed.
        data = _consultation(rng, country, when, status, facilitator) if facilitator else None
        if data is None or uid in existing:
            continue
        service.create_interview(data, facilitator, record_uid=uid, action="demo")
        added += 1
    return added

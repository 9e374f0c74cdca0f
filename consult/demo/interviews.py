"""Demo interviews and consultation meetings, logged by the demo facilitators."""

from __future__ import annotations

import random
from datetime import date, timedelta

from consult.demo import texts
from consult.extensions import db
from consult.interviews import service
from consult.models import Interview, User

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
        name = texts.person_name(rng, country)
        people.append(
            service.ParticipantData(
                name=name if consent != "none" else "",
                organisation=rng.choice(ORGANISATIONS[group]),
                group=group,
                role=rng.choice(ROLES[group]),
                gender=rng.choice(("female", "male", "male", "")),
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

"""Demo responses to the programme's questionnaire: a few hundred stakeholders across the 14
range states answering in their own languages.

The numbers are invented but shaped like a real consultation: most answers come from the
countries with the largest programmes (Kazakhstan, Mongolia, China, Kyrgyzstan, Uzbekistan),
government and protected-area staff answer most, and each country rates the threats it is
known for higher (poaching in the saiga range of Kazakhstan and Russia, infrastructure in
Mongolia and China, livestock and climate in Mongolia). Each respondent names one to three
species that occur in their country and rates the direct threats to each; the contributing
factors a country struggles with most come out as its largest gaps. Deterministic for the
generator's seed; a second run adds nothing.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from consult import audit
from consult.demo import texts
from consult.demo.locations import add_places
from consult.extensions import db
from consult.models import Response, utcnow
from consult.questionnaires import (
    ensure_shipped_questionnaire,
    get_questionnaire,
    load_version_form,
)
from consult.reference import read
from consult.responses import REFERENCE_DIGITS, record_submission
from surveys.forms.cami_gap_needs import (
    CONTRIBUTING_FACTORS,
    DIRECT_THREATS,
    GAP_ITEMS,
    SLUG,
    TARGET_SLOTS,
)

#: How many responses the demo holds.
DEMO_RESPONSES = 300
COUNTRY_WEIGHTS = {
    "KZ": 60, "MN": 55, "CN": 40, "KG": 35, "UZ": 35, "RU": 18, "TJ": 14,
    "IR": 10, "TM": 8, "AF": 8, "PK": 6, "IN": 6, "NP": 5, "BT": 3,
}  # fmt: skip
GROUP_WEIGHTS = {
    "government": 20, "protected_area": 18, "ngo": 15, "research": 14,
    "community": 16, "hunting": 5, "private_sector": 5, "international": 7,
}  # fmt: skip
#: How serious each country's respondents think a theme is, 1 (low) … 4 (very high);
#: themes not listed are 2.
THEME_LEVELS = {
    "KZ": {"poaching": 4, "infrastructure": 3, "climate": 3, "transboundary": 3},
    "RU": {"poaching": 4, "transboundary": 3, "climate": 2.5},
    "MN": {"livestock": 4, "infrastructure": 4, "climate": 4, "poaching": 3, "community": 3},
    "CN": {"infrastructure": 4, "livestock": 3, "poaching": 3, "science": 2.5},
    "KG": {"poaching": 3, "livestock": 3, "community": 3, "climate": 3},
    "UZ": {"poaching": 3, "infrastructure": 3, "livestock": 3, "climate": 3},
    "TJ": {"poaching": 3, "livestock": 3, "community": 3},
    "TM": {"poaching": 3, "climate": 3},
    "AF": {"governance": 4, "poaching": 4, "community": 3},
    "IR": {"livestock": 3, "poaching": 3, "infrastructure": 3, "climate": 3},
    "PK": {"poaching": 3, "community": 3, "climate": 3},
    "IN": {"community": 3, "livestock": 3, "climate": 3},
    "NP": {"community": 3, "livestock": 3, "climate": 3},
    "BT": {"livestock": 3, "climate": 3},
}
#: Groups that see threats a little worse (+) or better (-) than average.
GROUP_BIAS = {"government": -0.3, "ngo": 0.3, "community": 0.3, "private_sector": -0.4}
LEVELS = ("low", "medium", "high", "very_high")
#: Adequacy answers from the smallest gap (1) to the largest (4).
ADEQUACY = ("adequate", "partly_adequate", "inadequate", "very_inadequate")
MEASURES = (
    "protected_areas", "anti_poaching", "wildlife_crossings", "community_programmes",
    "monitoring", "legislation", "transboundary_agreements", "livestock_management",
)  # fmt: skip
EFFECTIVENESS = ("not", "less", "effective", "very_effective")
NEEDS = ("capacity", "funding", "legislation", "enforcement", "data", "cooperation")
ORG_TYPES = {
    "government": ("government_national", "government_local"),
    "protected_area": ("protected_area_admin",),
    "ngo": ("ngo_national", "ngo_international"),
    "research": ("university",),
    "community": ("community_org",),
    "hunting": ("community_org", "company"),
    "private_sector": ("company",),
    "international": ("ngo_international", "other"),
}
#: Names of the organisations respondents list as stakeholders, by group and language.
STAKEHOLDER_NAMES = {
    "government": {"en": "Ministry of Environment", "ru": "Министерство экологии",
                   "zh": "林业和草原局", "mn": "Байгаль орчны яам",
                   "fa": "سازمان حفاظت محیط زیست"},
    "protected_area": {"en": "Nature reserve administration", "ru": "Дирекция заповедника",
                       "zh": "自然保护区管理局", "mn": "Тусгай хамгаалалттай газрын захиргаа",
                       "fa": "اداره منطقه حفاظت‌شده"},
    "ngo": {"en": "Wildlife conservation society", "ru": "Общество охраны дикой природы",
            "zh": "野生动物保护协会", "mn": "Зэрлэг амьтан хамгаалах нийгэмлэг",
            "fa": "انجمن حفاظت از حیات وحش"},
    "research": {"en": "Institute of zoology", "ru": "Институт зоологии", "zh": "动物研究所",
                 "mn": "Биологийн хүрээлэн", "fa": "پژوهشکده جانورشناسی"},
    "community": {"en": "Herders' cooperative", "ru": "Кооператив животноводов",
                  "zh": "牧民合作社", "mn": "Малчдын хоршоо", "fa": "تعاونی دامداران"},
    "hunting": {"en": "Hunting association", "ru": "Охотничье общество", "zh": "狩猎协会",
                "mn": "Анчдын холбоо", "fa": "انجمن شکارچیان"},
    "private_sector": {"en": "Railway company", "ru": "Железнодорожная компания",
                       "zh": "铁路公司", "mn": "Төмөр замын компани", "fa": "شرکت راه‌آهن"},
    "international": {"en": "Donor programme", "ru": "Программа донора", "zh": "捐助项目",
                      "mn": "Хандивлагчийн хөтөлбөр", "fa": "برنامه کمک‌کننده"},
}  # fmt: skip
#: The period the demo consultation ran.
PERIOD_START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
PERIOD_DAYS = 75


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _level(rng: random.Random, base: float, spread: float = 0.8) -> str:
    value = round(base + rng.gauss(0, spread))
    return LEVELS[min(max(value, 1), 4) - 1]


def _species_of(country: str) -> list[str]:
    """The species a respondent of ``country`` may name: the demo's usual ones for the
    country that occur there according to the reference data, else any that occur there."""
    occurring = {row["species"] for row in read("species_ranges.json") if row["country"] == country}
    usual = [code for code in texts.COUNTRY_SPECIES[country] if code in occurring]
    return usual or sorted(occurring)


def _ratings(
    rng: random.Random, slot: int, country: str, group: str, values: dict[str, Any]
) -> list[str]:
    """The direct threats to the species in ``slot`` and their ratings; returns the threats."""
    levels = THEME_LEVELS.get(country, {})
    bias = GROUP_BIAS.get(group, 0.0)
    chosen = [t for t in DIRECT_THREATS if rng.random() < 0.1 + 0.17 * levels.get(t, 2)]
    if not chosen and rng.random() < 0.7:
        chosen = [max(DIRECT_THREATS, key=lambda t: (levels.get(t, 2), rng.random()))]
    values[f"t{slot}_threats"] = " ".join(chosen) or "none"
    for threat in chosen:
        base = levels.get(threat, 2) + bias
        prefix = f"t{slot}_{threat}"
        values[f"{prefix}_scope"] = _level(rng, base)
        values[f"{prefix}_severity"] = _level(rng, base)
        values[f"{prefix}_irreversibility"] = _level(rng, base - 0.4, 1.0)
        rising = 0.15 + 0.12 * base
        values[f"{prefix}_trend"] = rng.choices(
            ("increasing", "stable", "decreasing", "unknown"),
            weights=(rising, 0.35, 0.12, 0.1),
        )[0]
    return chosen


def _threat_answers(
    rng: random.Random, country: str, group: str, species: tuple[str, ...]
) -> tuple[dict, list[str]]:
    """Targets and the ratings of the threats to each; also the threats named, worst first."""
    values: dict[str, Any] = {}
    named: set[str] = set()
    for slot, code in enumerate(species[:TARGET_SLOTS], start=1):
        values[f"target_{slot}"] = code
        named.update(_ratings(rng, slot, country, group, values))
    levels = THEME_LEVELS.get(country, {})
    # sorted first: the random tie-breaks must not depend on the order of a set
    ranked = sorted(sorted(named), key=lambda t: -(levels.get(t, 2) + rng.random()))
    return values, ranked


def _gaps(rng: random.Random, country: str, group: str) -> tuple[dict[str, Any], list[str]]:
    """Answers to the gap questions; also the factors with the largest gaps, worst first."""
    levels = THEME_LEVELS.get(country, {})
    # Groups that see threats worse see the gaps larger too.
    bias = GROUP_BIAS.get(group, 0.0)
    values: dict[str, Any] = {}
    for item, factor in GAP_ITEMS.items():
        if rng.random() < 0.08:
            values[item] = "dont_know"
            continue
        # Most conditions are judged between partly adequate and inadequate.
        gap = round(levels.get(factor, 2) + 0.5 + bias + rng.gauss(0, 0.8))
        values[item] = ADEQUACY[min(max(gap, 1), 4) - 1]
    worst = sorted(CONTRIBUTING_FACTORS, key=lambda f: -(levels.get(f, 2) + rng.random()))
    return values, worst


def _needs(rng: random.Random, country: str) -> str:
    weights = {"funding": 3.0, "capacity": 2.6, "enforcement": 2.0, "data": 1.8,
               "cooperation": 1.6, "legislation": 1.4}  # fmt: skip
    levels = THEME_LEVELS.get(country, {})
    weights["enforcement"] += levels.get("poaching", 2) - 2
    weights["cooperation"] += levels.get("transboundary", 2) - 2
    weights["legislation"] += levels.get("governance", 2) - 2
    noisy = {need: weight + rng.gauss(0, 1.0) for need, weight in weights.items()}
    return " ".join(sorted(NEEDS, key=lambda need: -noisy[need]))


def _measures(rng: random.Random, values: dict[str, Any]) -> None:
    chosen = rng.sample(MEASURES, k=rng.choice((0, 1, 2, 2, 3, 3, 4)))
    chosen = [m for m in MEASURES if m in chosen]
    if chosen:
        values["measures_in_place"] = " ".join(chosen)
    for measure in chosen:
        values[f"eff_{measure}"] = rng.choices(EFFECTIVENESS, weights=(1, 4, 4, 1.5))[0]


def _stakeholders(rng: random.Random, lang: str, values: dict[str, Any]) -> None:
    groups = rng.sample(list(STAKEHOLDER_NAMES), k=rng.choice((0, 1, 2, 2, 3)))
    if not groups:
        return
    values["sh_name"] = [STAKEHOLDER_NAMES[g][lang] for g in groups]
    values["sh_group"] = groups
    values["sh_influence"] = [rng.choice(("low", "medium", "high")) for _ in groups]
    values["sh_interest"] = [rng.choice(("low", "medium", "high")) for _ in groups]


def demo_answers(
    rng: random.Random, *, country: str | None = None, group: str | None = None
) -> tuple[dict[str, Any], str]:
    """One demo respondent's answers to the shipped questionnaire and their language.

    ``country`` and ``group`` fix the respondent's (as an invitation does); otherwise they
    are drawn like the rest, and the species named are always ones of the country.
    """
    country = country or _weighted(rng, COUNTRY_WEIGHTS)
    group = group or _weighted(rng, GROUP_WEIGHTS)
    lang = texts.language_for(rng, country)
    known = _species_of(country)
    species = tuple(rng.sample(known, k=min(len(known), rng.choice((1, 1, 2, 2, 3)))))
    values: dict[str, Any] = {
        "consent": "yes",
        "country": country,
        "stakeholder_group": group,
        "org_type": rng.choice(ORG_TYPES[group]),
        "years_experience": rng.choice((2, 3, 5, 7, 8, 10, 12, 15, 18, 20, 25, 30)),
    }
    threats, ranked = _threat_answers(rng, country, group, species)
    values.update(threats)
    add_places(values)
    gaps, worst = _gaps(rng, country, group)
    values.update(gaps)
    if rng.random() < 0.6:
        values["gap_most_needed"] = texts.survey_answer(
            rng, "most_needed_text", worst[: rng.choice((1, 1, 2))], lang, country, species
        )
    _measures(rng, values)
    values["needs_rank"] = _needs(rng, country)
    neighbours = texts.NEIGHBOURS[country]
    values["tb_partner_countries"] = " ".join(
        rng.sample(neighbours, k=min(len(neighbours), rng.choice((1, 1, 2, 3))))
    )
    _stakeholders(rng, lang, values)
    top = ranked[: rng.choice((1, 2, 2, 3))]
    values["main_threats_text"] = texts.survey_answer(
        rng, "main_threats_text", top, lang, country, species
    )
    if rng.random() < 0.8:
        values["most_needed_text"] = texts.survey_answer(
            rng, "most_needed_text", top[:2], lang, country, species
        )
    if rng.random() < 0.55:
        cross = ["transboundary"] if "transboundary" in worst[:2] else top[:1]
        values["cooperation_blocks_text"] = texts.survey_answer(
            rng, "cooperation_blocks_text", cross, lang, country, species
        )
    if rng.random() < 0.35:
        values["anything_else_text"] = texts.survey_answer(
            rng, "anything_else_text", top[:1] if rng.random() < 0.5 else [], lang, country, species
        )
    return values, lang


def seed_responses(rng: random.Random) -> int:
    """Add the demo responses to the shipped questionnaire (importing it first when needed).

    Returns how many responses were added: ``DEMO_RESPONSES``, or 0 when demo responses
    exist already. Flushes and audits; the caller commits.
    """
    ensure_shipped_questionnaire()
    questionnaire = get_questionnaire(SLUG)
    version = questionnaire.current_version
    exists = db.session.scalar(
        db.select(Response.id).where(Response.version_id == version.id, Response.source == "demo")
    )
    if exists is not None:
        return 0
    form = load_version_form(version)

    def digits(n: int) -> str:
        return "".join(rng.choice(REFERENCE_DIGITS) for _ in range(n))

    for _ in range(DEMO_RESPONSES):
        values, lang = demo_answers(rng)
        submitted = PERIOD_START + timedelta(minutes=rng.randrange(PERIOD_DAYS * 24 * 60))
        record_submission(
            version,
            form,
            values,
            language=lang,
            source="demo",
            submitted_at=min(submitted, utcnow()),
            created_at=min(submitted, utcnow()) - timedelta(minutes=rng.randint(6, 40)),
            reference_digits=digits,
        )
    audit.record("response.demo_seed", "questionnaire", questionnaire.id, responses=DEMO_RESPONSES)
    return DEMO_RESPONSES

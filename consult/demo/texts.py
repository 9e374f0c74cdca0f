"""Free text for the demo data set: questionnaire answers, interview notes, meeting texts.

Texts are assembled from phrase banks in ``phrases/<lang>.json`` (en, ru, zh, mn, fa). For
each threat theme a bank holds clauses describing threats, needs and cross-border
obstacles, and first-person quotes; around them sit openers, hedges, connectors and closers,
plus species and place names in the forms the language needs (Russian and Mongolian store
inflected forms, so a slot never has to be declined). Slots are ``{species}``, ``{place}``,
``{in_place}``, ``{country}``, ``{neighbour}``, ``{number}``, ``{percent}``, ``{km}``,
``{year}`` and ``{people}``, with case variants such as ``{species_gen}``.

A phrase has the same id in every language (the English bank holds every id), so an
interview note is planned as a list of phrase ids and slot values, rendered in the note's
language and, for a translation, rendered again in English: the translation says what the
note says. People's names and settlements come from ``phrases/names.json``.

Everything is drawn from the ``random.Random`` passed in, so a seed gives the same texts.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import reference

PHRASE_DIR = Path(__file__).with_name("phrases")

#: The languages the demo writes in: the interface languages (the phrase files cover them).
LANGUAGES = reference.interface_languages()
THEMES = reference.theme_codes()
COUNTRIES = tuple(item["code"] for item in reference.countries())
SPECIES = tuple(item["code"] for item in reference.species())
#: Free-text questions of the questionnaire and the kind of clause that answers each.
QUESTIONS = {
    "main_threats_text": "threat",
    "most_needed_text": "need",
    "cooperation_blocks_text": "cross",
    "anything_else_text": "else",
}
FORMATS = ("individual", "group", "meeting")

#: Species a respondent of the country is likely to write about when none are given.
COUNTRY_SPECIES = {
    "AF": ("snow_leopard", "argali", "bukhara_deer"),
    "BT": ("snow_leopard", "wild_yak"),
    "CN": ("chiru", "wild_yak", "kiang", "tibetan_gazelle", "snow_leopard", "wild_camel",
           "argali", "goitered_gazelle", "mongolian_gazelle", "przewalski_horse"),
    "IN": ("snow_leopard", "kiang", "tibetan_gazelle", "chiru", "wild_yak", "chinkara"),
    "IR": ("cheetah", "goitered_gazelle", "kulan", "chinkara"),
    "KZ": ("saiga", "kulan", "goitered_gazelle", "argali", "snow_leopard", "bukhara_deer"),
    "KG": ("argali", "snow_leopard"),
    "MN": ("mongolian_gazelle", "saiga", "wild_camel", "argali", "snow_leopard", "kulan",
           "przewalski_horse", "goitered_gazelle"),
    "NP": ("snow_leopard", "kiang", "tibetan_gazelle", "wild_yak"),
    "PK": ("snow_leopard", "argali", "chinkara"),
    "RU": ("saiga", "argali", "snow_leopard", "mongolian_gazelle"),
    "TJ": ("argali", "snow_leopard", "bukhara_deer"),
    "TM": ("kulan", "goitered_gazelle", "bukhara_deer", "argali"),
    "UZ": ("saiga", "bukhara_deer", "goitered_gazelle", "kulan"),
}
#: Range states sharing a border (and usually animals) with each country.
NEIGHBOURS = {
    "AF": ("IR", "TM", "UZ", "TJ", "CN", "PK"),
    "BT": ("IN", "CN"),
    "CN": ("MN", "KZ", "KG", "TJ", "AF", "PK", "IN", "NP", "BT", "RU"),
    "IN": ("PK", "CN", "NP", "BT"),
    "IR": ("TM", "AF", "PK"),
    "KZ": ("RU", "UZ", "KG", "CN", "TM"),
    "KG": ("KZ", "CN", "TJ", "UZ"),
    "MN": ("RU", "CN"),
    "NP": ("IN", "CN"),
    "PK": ("AF", "CN", "IN", "IR"),
    "RU": ("KZ", "MN", "CN"),
    "TJ": ("AF", "KG", "CN", "UZ"),
    "TM": ("IR", "AF", "UZ", "KZ"),
    "UZ": ("KZ", "TM", "TJ", "KG", "AF"),
}
# Shares of answers per language: Russian is the working language of Central Asian
# conservation, some respondents everywhere prefer English.
_LANGUAGE_SHARES = {
    "KZ": {"ru": 0.85, "en": 0.15},
    "KG": {"ru": 0.85, "en": 0.15},
    "TJ": {"ru": 0.85, "en": 0.15},
    "TM": {"ru": 0.9, "en": 0.1},
    "UZ": {"ru": 0.85, "en": 0.15},
    "RU": {"ru": 0.95, "en": 0.05},
    "MN": {"mn": 0.6, "ru": 0.25, "en": 0.15},
    "CN": {"zh": 0.9, "en": 0.1},
    "IR": {"fa": 0.9, "en": 0.1},
    "AF": {"fa": 0.85, "en": 0.15},
    "IN": {"en": 1.0},
    "NP": {"en": 1.0},
    "BT": {"en": 1.0},
    "PK": {"en": 1.0},
}

# The key of a species or place entry that fills the bare slot; other keys fill
# ``{species_<key>}`` and friends.
_PRIMARY_FORM = {"en": "pl", "ru": "nom", "zh": "name", "mn": "name", "fa": "name"}
_NEIGHBOUR_SLOTS = {"name": "neighbour", "gen": "neighbour_gen", "with": "with_neighbour",
                    "to": "to_neighbour", "loc": "in_neighbour"}
_COUNTRY_SLOTS = {"name": "country", "gen": "country_gen", "with": "with_country",
                  "to": "to_country", "loc": "in_country"}
_SENTENCE_END = {"zh": "。"}
_CASED = frozenset({"en", "ru", "mn"})
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# The Solar Hijri year starts in March, so this is the year most of a Gregorian year falls in.
_HIJRI_OFFSET = 621

#: Share of survey answers written carelessly (lower case, no final stop, a typo).
INFORMAL_SHARE = 0.08
#: Share of non-English interview notes that come with an English translation.
TRANSLATION_SHARE = 0.5


@functools.cache
def _bank(lang: str) -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise ValueError(f"no phrase bank for language {lang!r}; have {', '.join(LANGUAGES)}")
    with (PHRASE_DIR / f"{lang}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@functools.cache
def _names() -> dict[str, Any]:
    with (PHRASE_DIR / "names.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _check_country(country: str) -> None:
    if country not in COUNTRIES:
        raise ValueError(f"unknown country code {country!r}")


def _check_themes(themes: Sequence[str]) -> None:
    unknown = [t for t in themes if t not in THEMES]
    if unknown:
        raise ValueError(f"unknown theme code(s): {', '.join(map(repr, unknown))}")


def _species_or_default(country: str, species: Sequence[str]) -> tuple[str, ...]:
    unknown = [s for s in species if s not in SPECIES]
    if unknown:
        raise ValueError(f"unknown species code(s): {', '.join(map(repr, unknown))}")
    return tuple(species) or COUNTRY_SPECIES[country]


@dataclasses.dataclass(frozen=True)
class _Slots:
    """Slot values as codes and numbers, so that any language can render them."""

    country: str
    species: str
    place: str
    neighbour: str
    number: int
    percent: int
    km: int
    year: int
    people: int


def _draw_slots(rng: random.Random, country: str, species: Sequence[str]) -> _Slots:
    return _Slots(
        country=country,
        species=rng.choice(species),
        place=rng.choice(sorted(_bank("en")["places"][country])),
        neighbour=rng.choice(NEIGHBOURS[country]),
        number=rng.randrange(20, 510, 10),
        percent=rng.randrange(15, 75, 5),
        km=rng.randrange(30, 410, 10),
        year=rng.randint(2005, 2023),
        people=rng.randint(5, 20),
    )


def _redraw(rng: random.Random, slots: _Slots, species: Sequence[str]) -> _Slots:
    """Fresh numbers and possibly another species; place and neighbour stay, as one person
    writes about one area."""
    fresh = _draw_slots(rng, slots.country, species)
    keep_species = rng.random() < 0.6
    return dataclasses.replace(
        fresh, place=slots.place, neighbour=slots.neighbour,
        species=slots.species if keep_species else fresh.species,
    )


def _slot_values(lang: str, slots: _Slots) -> dict[str, str]:
    bank = _bank(lang)
    primary = _PRIMARY_FORM[lang]
    values = {
        "number": str(slots.number),
        "percent": str(slots.percent),
        "km": str(slots.km),
        "year": str(slots.year - _HIJRI_OFFSET if lang == "fa" else slots.year),
        "people": str(slots.people),
    }
    for form, text in bank["species"][slots.species].items():
        values["species" if form == primary else f"species_{form}"] = text
    place = bank["places"][slots.country][slots.place]
    values["place"] = place["name"]
    values["in_place"] = place.get("loc", place["name"])
    for form, text in bank["countries"][slots.country].items():
        values[_COUNTRY_SLOTS[form]] = text
    for form, text in bank["countries"][slots.neighbour].items():
        values[_NEIGHBOUR_SLOTS[form]] = text
    return values


def _fill(lang: str, template: str, slots: _Slots, **extra: str) -> str:
    return template.format_map({**_slot_values(lang, slots), **extra})


def _capitalise(lang: str, text: str) -> str:
    if lang in _CASED and text:
        return text[0].upper() + text[1:]
    return text


def _sentence(lang: str, text: str) -> str:
    return _capitalise(lang, text) + _SENTENCE_END.get(lang, ".")


def _join(lang: str, sentences: Sequence[str]) -> str:
    return ("" if lang == "zh" else " ").join(s for s in sentences if s)


def _localise_digits(lang: str, text: str) -> str:
    return text.translate(_PERSIAN_DIGITS) if lang == "fa" else text


# --- survey answers -------------------------------------------------------------------------

def survey_answer(
    rng: random.Random,
    question: str,
    themes: Sequence[str],
    lang: str,
    country: str,
    species: Sequence[str],
) -> str:
    """A free-text questionnaire answer that talks about ``themes``.

    ``question`` is one of ``QUESTIONS``: ``main_threats_text`` describes threats,
    ``most_needed_text`` needs and actions, ``cooperation_blocks_text`` what blocks
    cross-border work, ``anything_else_text`` is a short remark and often empty. ``themes``
    are threat-theme codes; every one of them is expressed at least once and no other theme
    is (an answer without themes is a non-committal one-liner). ``lang`` is one of
    ``LANGUAGES``; ``country`` an ISO code whose places and neighbours appear in the text;
    ``species`` codes to mention (the country's typical species when empty).

    Returns the answer: a few words to five sentences, some written carelessly.
    """
    if question not in QUESTIONS:
        raise ValueError(f"unknown free-text question {question!r}")
    _check_country(country)
    _check_themes(themes)
    bank = _bank(lang)
    species = _species_or_default(country, species)
    kind = QUESTIONS[question]
    if kind == "else":
        text = _anything_else(rng, lang, themes, country, species)
    elif not themes:
        text = rng.choice(bank["no_theme"][kind])
    elif rng.random() < 0.1:
        text = _keyword_answer(rng, lang, kind, themes)
    else:
        text = _prose_answer(rng, lang, kind, themes, country, species)
    if text and rng.random() < INFORMAL_SHARE:
        text = _informal(rng, lang, text)
    return _localise_digits(lang, text)


def _keyword_answer(rng: random.Random, lang: str, kind: str, themes: Sequence[str]) -> str:
    """The terse answer some respondents give: a list of what matters."""
    bank = _bank(lang)
    order = list(themes)
    rng.shuffle(order)
    words = [rng.choice(bank["themes"][t]["keywords"][kind]) for t in order]
    sep, last = bank["list"]["sep"], bank["list"]["last"]
    text = words[0] if len(words) == 1 else sep.join(words[:-1]) + last + words[-1]
    if rng.random() < 0.5:
        text = _capitalise(lang, text)
    if rng.random() < 0.5:
        text += _SENTENCE_END.get(lang, ".")
    return text


def _prose_answer(
    rng: random.Random,
    lang: str,
    kind: str,
    themes: Sequence[str],
    country: str,
    species: Sequence[str],
) -> str:
    bank = _bank(lang)
    count = rng.choices((1, 2, 3, 4, 5), weights=(30, 30, 22, 12, 6))[0]
    order = list(themes)
    rng.shuffle(order)
    while len(order) < count:
        order.append(rng.choice(themes))
    slots = _draw_slots(rng, country, species)
    used: set[tuple[str, str]] = set()
    sentences: list[str] = []
    for theme in order:
        clauses = bank["themes"][theme][kind]
        free = [cid for cid in sorted(clauses) if (theme, cid) not in used]
        if not free:
            continue
        cid = rng.choice(free)
        used.add((theme, cid))
        slots = _redraw(rng, slots, species)
        body = _fill(lang, clauses[cid], slots)
        # Two short clauses of one theme sometimes share a sentence.
        spare = [c for c in free if c != cid]
        if spare and len(body) < 90 and rng.random() < 0.15:
            other = rng.choice(spare)
            used.add((theme, other))
            body += rng.choice(bank["joiners"]) + _fill(lang, clauses[other], slots)
        sentences.append(_sentence(lang, _prefix(rng, bank, kind, first=not sentences) + body))
    if len(sentences) > 1 and rng.random() < 0.2:
        sentences.append(rng.choice(bank["closers"][kind]))
    return _join(lang, sentences)


def _prefix(rng: random.Random, bank: dict[str, Any], kind: str, first: bool) -> str:
    roll = rng.random()
    if first:
        if roll < 0.45:
            return rng.choice(bank["openers"][kind])
        if roll < 0.55:
            return rng.choice(bank["hedges"])
        return ""
    if roll < 0.3:
        return rng.choice(bank["connectors"])
    if roll < 0.45:
        return rng.choice(bank["more"][kind])
    return ""


def _anything_else(
    rng: random.Random,
    lang: str,
    themes: Sequence[str],
    country: str,
    species: Sequence[str],
) -> str:
    bank = _bank(lang)
    roll = rng.random()
    if roll < 0.35:
        return ""
    if roll < 0.75 or not themes:
        return rng.choice(bank["else"])
    theme = rng.choice(themes)
    clauses = bank["themes"][theme][rng.choice(("threat", "need"))]
    body = _fill(lang, clauses[rng.choice(sorted(clauses))], _draw_slots(rng, country, species))
    return _sentence(lang, rng.choice(bank["else_prefix"]) + body)


def _informal(rng: random.Random, lang: str, text: str) -> str:
    """The same answer typed in a hurry: no capitals, no final stop, maybe a typo."""
    text = text.rstrip(".。")
    if lang == "fa":
        # Typed without the zero-width non-joiner, as on many keyboards.
        return text.replace("\u200c", " ")
    if lang not in _CASED:
        return text
    text = text.lower()
    if lang == "ru":
        text = text.replace("ё", "е")
    if rng.random() < 0.6:
        text = _typo(rng, text)
    return text


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    word = words[i]
    k = rng.randrange(1, len(word) - 2)
    operation = rng.choice(("swap", "drop", "double"))
    if operation == "swap":
        word = word[:k] + word[k + 1] + word[k] + word[k + 2:]
    elif operation == "drop":
        word = word[:k] + word[k + 1:]
    else:
        word = word[:k] + word[k] + word[k:]
    words[i] = word
    return " ".join(words)


# --- interview notes ------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _Part:
    """One sentence of a note: a phrase (by bank path and id), optionally wrapped in a frame
    whose ``{clause}`` or ``{quote}`` slot takes the phrase."""

    body: tuple[str, ...]
    body_id: str
    slots: _Slots
    frame: tuple[str, ...] = ()
    frame_id: str = ""


def _lookup(lang: str, path: Sequence[str], phrase_id: str) -> str:
    node: Any = _bank(lang)
    for key in path:
        node = node[key]
    return node[phrase_id]


def _render_part(lang: str, part: _Part) -> str:
    body = _fill(lang, _lookup(lang, part.body, part.body_id), part.slots)
    if not part.frame:
        return body
    return _fill(lang, _lookup(lang, part.frame, part.frame_id), part.slots,
                 clause=body, quote=body)


def _render_parts(lang: str, parts: Sequence[_Part]) -> str:
    return _localise_digits(lang, _join(lang, [_render_part(lang, p) for p in parts]))


def interview_note(
    rng: random.Random,
    theme: str | None,
    lang: str,
    country: str,
    species: Sequence[str],
    fmt: str,
) -> dict[str, Any]:
    """A facilitator's note on one theme of an interview, group discussion or meeting.

    ``theme`` is a threat-theme code, or None for a general note on the session itself;
    ``lang`` the language the note is written in; ``country`` and ``species`` as for
    ``survey_answer``; ``fmt`` one of ``FORMATS`` and decides who is reported
    ("the interviewee", "herders in ...", "participants of the meeting").

    Returns ``text`` (one to five reported-speech sentences), ``translation_en`` (an English
    rendering of the same phrases for about half of the non-English notes, otherwise None),
    ``quotes`` (zero to two first-person sentences in the note's language) and ``follow_up``
    (an action for the facilitator, or an empty string).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown interview format {fmt!r}; expected one of {FORMATS}")
    _check_country(country)
    if theme is not None:
        _check_themes([theme])
    bank = _bank(lang)
    species = _species_or_default(country, species)
    slots = _draw_slots(rng, country, species)
    quote_frames = ("frames", "quote_individual" if fmt == "individual" else "quote_group")

    if theme is None:
        audience = "general_individual" if fmt == "individual" else "general_group"
        pool = [((key,), gid) for key in ("general", audience) for gid in sorted(bank[key])]
        chosen = rng.sample(pool, rng.randint(2, min(4, len(pool))))
        parts = [_Part(path, gid, slots) for path, gid in chosen]
        quote_pool = [(("general_quotes",), qid) for qid in sorted(bank["general_quotes"])]
        quote_count = rng.choice((0, 1, 1))
    else:
        parts = _theme_parts(rng, bank, theme, fmt, slots, species)
        quote_pool = [(("themes", theme, "quote"), qid)
                      for qid in sorted(bank["themes"][theme]["quote"])]
        quote_count = rng.choice((0, 1, 1, 2))

    quoted = rng.sample(quote_pool, quote_count)
    if quoted and rng.random() < 0.35:
        path, qid = quoted[0]
        frame_id = rng.choice(sorted(bank["frames"][quote_frames[1]]))
        parts.append(_Part(path, qid, slots, quote_frames, frame_id))

    translation = None
    if lang != "en" and rng.random() < TRANSLATION_SHARE:
        translation = _render_parts("en", parts)
    follow_up = ""
    if rng.random() < 0.7:
        follow_up = _localise_digits(lang, bank["follow_up"][rng.choice(sorted(bank["follow_up"]))])
    return {
        "text": _render_parts(lang, parts),
        "translation_en": translation,
        "quotes": [_localise_digits(lang, _fill(lang, _lookup(lang, path, qid), slots))
                   for path, qid in quoted],
        "follow_up": follow_up,
    }


def _theme_parts(
    rng: random.Random,
    bank: dict[str, Any],
    theme: str,
    fmt: str,
    slots: _Slots,
    species: Sequence[str],
) -> list[_Part]:
    # One person is "the respondent", a group or meeting is "participants" and "others".
    suffix = "_individual" if fmt == "individual" else ""
    follow_frames, need_frames = ("frames", "follow" + suffix), ("frames", "need" + suffix)
    threat_path = ("themes", theme, "threat")
    frames = bank["frames"]
    threat_ids = rng.sample(sorted(bank["themes"][theme]["threat"]), rng.choice((1, 2, 2, 3)))
    follow_ids = rng.sample(sorted(frames[follow_frames[1]]), len(threat_ids) - 1)
    parts = [_Part(threat_path, threat_ids[0], slots, ("frames", fmt),
                   rng.choice(sorted(frames[fmt])))]
    for tid, fid in zip(threat_ids[1:], follow_ids, strict=True):
        slots = _redraw(rng, slots, species)
        parts.append(_Part(threat_path, tid, slots, follow_frames, fid))
    if rng.random() < 0.6:
        need_id = rng.choice(sorted(bank["themes"][theme]["need"]))
        parts.append(_Part(("themes", theme, "need"), need_id, _redraw(rng, slots, species),
                           need_frames, rng.choice(sorted(frames[need_frames[1]]))))
    return parts


# --- meetings, people, places ---------------------------------------------------------------

def meeting_texts(rng: random.Random, lang: str, country: str) -> dict[str, str]:
    """The agenda and the recommendations of a national consultation meeting.

    ``lang`` is the language of the minutes, ``country`` the host country (its species,
    places and neighbours fill the items). Returns ``agenda`` (numbered lines, opening first
    and closing last) and ``recommendations`` (three to five numbered sentences).
    """
    _check_country(country)
    bank = _bank(lang)
    species = COUNTRY_SPECIES[country]
    slots = _draw_slots(rng, country, species)
    agenda = bank["agenda"]
    item_count = rng.randint(3, min(5, len(agenda["items"])))
    items = sorted(rng.sample(sorted(agenda["items"]), item_count))
    lines = [_fill(lang, text, slots) for text in agenda["open"].values()]
    lines += [_fill(lang, agenda["items"][item], slots) for item in items]
    lines += [_fill(lang, text, slots) for text in agenda["close"].values()]

    pool: list[tuple[str, ...]] = [("recommendations", rid)
                                   for rid in sorted(bank["recommendations"])]
    for theme in rng.sample(THEMES, 2):
        pool += [("themes", theme, "need", nid) for nid in sorted(bank["themes"][theme]["need"])]
    recommendations = []
    for *path, pid in rng.sample(pool, rng.randint(3, 5)):
        text = _fill(lang, _lookup(lang, path, pid), _redraw(rng, slots, species))
        recommendations.append(text if path[0] == "recommendations" else _sentence(lang, text))
    return {
        "agenda": _localise_digits(lang, _numbered(lines)),
        "recommendations": _localise_digits(lang, _numbered(recommendations)),
    }


def _numbered(lines: Sequence[str]) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1))


def language_for(rng: random.Random, country: str) -> str:
    """The language a respondent or facilitator in ``country`` writes in, one of
    ``LANGUAGES``: mostly the country's usual language, sometimes English (Mongolia also
    Russian)."""
    _check_country(country)
    shares = _LANGUAGE_SHARES[country]
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def person_name(rng: random.Random, country: str) -> str:
    """A plausible personal name for someone from ``country``, in Latin script, in the
    order the country uses (Mongolian names as patronymic initial and given name)."""
    return person(rng, country)[0]


def person(rng: random.Random, country: str) -> tuple[str, str]:
    """A plausible personal name for someone from ``country`` (see :func:`person_name`) and
    the gender the name goes with: ``(name, "female" | "male")``."""
    _check_country(country)
    group = rng.choice(_names()["people"][country])
    gender = rng.choice("mf")
    given = rng.choice(group[gender])
    sex = "female" if gender == "f" else "male"
    if group["order"] == "initial_given":
        return f"{rng.choice(group['initials'])}. {given}", sex
    last = rng.choice(group[f"last_{gender}"])
    if group["order"] == "last_given":
        return f"{last} {given}", sex
    return f"{given} {last}", sex


def place_for(rng: random.Random, country: str) -> tuple[str, str]:
    """A settlement near migratory-mammal range in ``country`` and its province, both in
    Latin script: ``(settlement, province)``."""
    _check_country(country)
    settlement, province = rng.choice(_names()["settlements"][country])
    return settlement, province

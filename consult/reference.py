"""The reference facts (the top-level ``reference`` package) in the app: loaded idempotently
into the database, and named in templates in the reader's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

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
    app.add_template_filter(lambda code, kind: label(kind, code), "label")
    app.add_template_filter(lambda codes, kind: label_list(kind, codes), "labels")


# --------------------------------------------------------------------------- labels
#
# Every code the app stores is shown by its name in the reader's language. Reference codes
# (countries, species, themes, groups, populations) are named by the reference data, action
# codes by the catalogue's titles, the questionnaire's needs, measures and trends by the
# shipped questionnaire's catalogue; the app's own codes and the analysis's fixed words are
# named here, through gettext.

#: The app's own codes by kind, each named in English for gettext to translate.
VOCABULARIES: dict[str, dict[str, object]] = {
    "interview_status": {"draft": _l("Draft"), "complete": _l("Complete")},
    "response_status": {"draft": _l("draft"), "submitted": _l("submitted")},
    "run_status": {
        "queued": _l("waiting"),
        "running": _l("running"),
        "done": _l("done"),
        "failed": _l("failed"),
    },
    "format": {
        "individual": _l("Individual interview"),
        "group": _l("Group interview"),
        "meeting": _l("Consultation meeting or workshop"),
        "national_consultation": _l("National consultation (rates the actions)"),
    },
    "consent": {
        "written": _l("Written consent"),
        "oral": _l("Oral consent, noted by the facilitator"),
        "recorded": _l("Consent recorded (audio or video)"),
        "none": _l("No consent to record names"),
    },
    "severity": {
        "low": _l("Low"),
        "medium": _l("Medium"),
        "high": _l("High"),
        "very_high": _l("Very high"),
        "unrated": _l("severity not given"),
    },
    "gender": {"female": _l("Female"), "male": _l("Male"), "other": _l("Other")},
    "role": {
        "admin": _l("Secretariat (administrator)"),
        "facilitator": _l("Facilitator"),
        "collector": _l("Data collector (ODK Collect, KoboCollect)"),
    },
    "source": {
        "web": _l("web form"),
        "openrosa": _l("ODK Collect / KoboCollect"),
        "import": _l("spreadsheet import"),
        "demo": _l("demo data"),
        "api": _l("API"),
    },
    #: Audit event kinds.
    "event": {
        "interview.create": _l("created"),
        "interview.update": _l("changed"),
        "interview.import": _l("imported from a spreadsheet"),
        "interview.export": _l("exported"),
        "interview.demo": _l("added as demo data"),
        "user.create": _l("account created"),
        "user.update": _l("name, role or countries changed"),
        "user.deactivate": _l("deactivated"),
        "user.reactivate": _l("reactivated"),
        "user.reset_link": _l("password link made"),
        "user.password_reset": _l("password set through a link"),
        "user.password_change": _l("password changed"),
        "user.unlock": _l("sign-in unlocked"),
        "login": _l("signed in"),
        "login.failed": _l("wrong password"),
        "login.locked": _l("sign-in refused: paused after wrong passwords"),
        "user.collector_password": _l("ODK Collect password set"),
        "user.collector_password_removed": _l("ODK Collect password removed"),
        "logout": _l("signed out"),
        "response.start": _l("response started"),
        "response.submit": _l("response submitted"),
        "responses.import": _l("responses imported"),
        "coding.save": _l("themes reviewed"),
        "analysis.start": _l("analysis started"),
        "analysis.restart": _l("analysis started again"),
        "privacy.purge": _l("personal data blanked"),
        "api_token.create": _l("API token made"),
        "api_token.revoke": _l("API token revoked"),
        "database.restore": _l("database restored"),
        "invitation.create": _l("invitations made"),
        "invitation.reissue": _l("invitation sent again"),
        "invitation.revoke": _l("invitation withdrawn"),
        "questionnaire.import": _l("questionnaire imported"),
        "questionnaire.public": _l("public link changed"),
        "response.demo_seed": _l("demo responses added"),
        "response.edit": _l("response corrected"),
        "questionnaire.publish": _l("questionnaire version published"),
        "openrosa.token_create": _l("ODK Collect link made"),
        "openrosa.token_revoke": _l("ODK Collect link revoked"),
        "mail.invitation": _l("invitations e-mailed"),
        "mail.reminder": _l("reminders e-mailed"),
        "mail.resume": _l("resume link e-mailed"),
    },
    #: Kinds of record the audit log names.
    "object": {
        "user": _l("account"),
        "interview": _l("interview"),
        "response": _l("response"),
        "questionnaire": _l("questionnaire"),
        "questionnaire_version": _l("questionnaire version"),
        "invitation": _l("invitation"),
        "coding": _l("text"),
        "analysis_run": _l("analysis run"),
        "api_token": _l("API token"),
        "database": _l("database"),
    },
    #: Fields of an interview record, as its history names them.
    "field": {
        "date": _l("Date"),
        "country": _l("Country"),
        "settlement": _l("Settlement"),
        "province": _l("Province or region"),
        "format": _l("Format"),
        "language": _l("Language of the interview"),
        "consent": _l("How consent was obtained"),
        "status": _l("Status"),
        "facilitators": _l("Facilitators"),
        "species": _l("Species discussed"),
        "threats": _l("Threats discussed and perceived severity"),
        "participants": _l("Participants"),
        "notes": _l("Notes"),
        "key_quotes": _l("Key quotes"),
        "follow_up": _l("Agreed follow-up actions"),
        "agenda": _l("Agenda"),
        "recommendations": _l("Recommendations"),
        "strategy_ratings": _l("Strategy ratings"),
    },
    #: The analysis's words in its tables (analysis/ writes them in English).
    "analysis": {
        "None": _l("None"),
        "Low": _l("Low"),
        "Medium": _l("Medium"),
        "High": _l("High"),
        "Very high": _l("Very high"),
        "Not effective": _l("Not effective"),
        "Less effective": _l("Less effective"),
        "Effective": _l("Effective"),
        "Very effective": _l("Very effective"),
        "low": _l("Low cost"),
        "medium": _l("Medium cost"),
        "high": _l("High cost"),
        "not rated": _l("not rated"),
        "not ranked": _l("not ranked"),
        "not computed": _l("not computed"),
        "catalogue default": _l("catalogue default"),
        "stable": _l("stable"),
        "sensitive": _l("sensitive"),
        "threats": _l("threats"),
        "actions": _l("actions"),
        "pooled": _l("all species (2026.1)"),
    },
    "cost": {"low": _l("Low cost"), "medium": _l("Medium cost"), "high": _l("High cost")},
    "agreement": {
        "full": _l("Full agreement"),
        "majority": _l("Majority"),
        "split": _l("Split"),
    },
    #: Strategy-rating scales (impact and feasibility 1..4) of the Conservation Standards.
    "level": {"1": _l("Low"), "2": _l("Medium"), "3": _l("High"), "4": _l("Very high")},
    "strategy": {
        "1": _l("Not effective"),
        "2": _l("Less effective"),
        "3": _l("Effective"),
        "4": _l("Very effective"),
    },
}

#: Kinds named by the reference data (``reference.name``).
_REFERENCE_KINDS = ("country", "species", "theme", "group", "population")


def _questionnaire_catalogue(kind: str) -> dict[str, dict[str, str]]:
    """Needs, measures and trends as the shipped questionnaire names them, per language."""
    from surveys.forms import cami_gap_needs as catalogue

    return {"need": catalogue.NEEDS, "measure": catalogue.MEASURES, "trend": catalogue.TREND}[
        kind
    ]


def label(kind: str, code: object, lang: str | None = None) -> str:
    """The name of a stored ``code`` of ``kind`` in ``lang`` (the reader's language when not
    given): reference kinds (country, species, theme, group, population), ``action``,
    ``language``, ``need``, ``measure``, ``trend`` or a kind of :data:`VOCABULARIES`.
    A code no catalogue names comes back as it is; an empty code as ""."""
    if code is None or code == "":
        return ""
    text = str(code)
    if lang is None:
        from consult.i18n import current_language

        lang = current_language()
    if kind in _REFERENCE_KINDS:
        return facts.name(kind, text, lang)
    if kind == "action":
        return action_title(text, lang)
    if kind == "language":
        return facts.native_names().get(text, text)
    if kind in ("need", "measure", "trend"):
        names = _questionnaire_catalogue(kind).get(text)
        return (names.get(lang) or names["en"]) if names else text
    named = VOCABULARIES[kind].get(text)
    return str(named) if named is not None else text


def label_list(kind: str, codes: object, lang: str | None = None) -> str:
    """Codes separated by ";", "," or spaces named one by one and joined by ", "."""
    import re

    parts = [part for part in re.split(r"[;,\s]+", str(codes or "")) if part]
    return ", ".join(label(kind, part, lang) for part in parts)


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

"""The programme's questionnaire as shipped (cami-gap-needs.xlsx) and the reference data.

The workbook is what users download and import; its source is
`surveys.forms.cami_gap_needs`. The reference JSON files seed the app's country, species,
threat and stakeholder-group tables, and the form's choice lists must say the same. The
question names are the contract with the analysis (consult/runs/frames.py reads them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from pyxform.xls2xform import convert

import reference as facts
from surveys.forms import cami_gap_needs as source
from surveys.validation import settle, validate_section, visible_sections
from surveys.xlsform import load_form, single_title_workbook
from tests.conftest import require_commands

LANGS = ("en", "ru", "zh", "mn", "fa")
REFERENCE = facts.DATA
TEXT_KINDS = ("label", "hint", "required_message", "constraint_message")

THEMES = facts.theme_codes()
DIRECT_THREATS = facts.theme_codes(facts.DIRECT_THREAT)
FACTORS = facts.theme_codes(facts.CONTRIBUTING_FACTOR)
SLOTS = (1, 2, 3)
GAPS = tuple(question for theme in facts.themes() for question in theme.get("gap_questions", ()))
COUNTRIES = {item["code"] for item in facts.countries()}
APPENDIX_I = {"bukhara_deer", "wild_camel", "wild_yak", "snow_leopard", "cheetah"}
APPENDIX_II = {"saiga", "argali", "mongolian_gazelle", "goitered_gazelle", "kulan", "kiang"}
NOT_LISTED = {"chiru", "przewalski_horse", "tibetan_gazelle", "chinkara"}
GROUPS = tuple(item["code"] for item in facts.stakeholder_groups())
MEASURES = (
    "protected_areas",
    "anti_poaching",
    "wildlife_crossings",
    "community_programmes",
    "monitoring",
    "legislation",
    "transboundary_agreements",
    "livestock_management",
)

#: Letters each translation must be written in (Mongolian in Cyrillic script).
SCRIPTS = {
    "ru": re.compile(r"[\u0400-\u04FF]"),
    "mn": re.compile(r"[\u0400-\u04FF]"),
    "zh": re.compile(r"[\u4E00-\u9FFF]"),
    "fa": re.compile(r"[\u0600-\u06FF]"),
}


def records(rows: list[list[str]]) -> list[dict[str, str]]:
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


def column(kind: str, lang: str) -> str:
    return f"{kind}::{source.LANGUAGES[lang]} ({lang})"


def reference(name: str) -> list[dict]:
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped() -> dict[str, list[list[str]]]:
    return source.read_workbook(source.SHIPPED)


@pytest.fixture(scope="module")
def survey(shipped) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in records(shipped["survey"]) if row["type"][:4] != "end_"}


@pytest.fixture(scope="module")
def choices(shipped) -> dict[str, dict[str, dict[str, str]]]:
    lists: dict[str, dict[str, dict[str, str]]] = {}
    for row in records(shipped["choices"]):
        lists.setdefault(row["list_name"], {})[row["name"]] = {
            lang: row[column("label", lang)] for lang in LANGS
        }
    return lists


#: ``${name}`` in a text is replaced by an answer when shown, so it is not read as text.
REFERENCE_RE = re.compile(r"\$\{[^}]*\}")


def translated_texts(shipped) -> Iterator[tuple[str, dict[str, str]]]:
    """Every translated text of the workbook as (where, {lang: text}), empty ones skipped;
    references to answers (``${t1_name}``) are left out."""
    for row in records(shipped["survey"]):
        for kind in TEXT_KINDS:
            texts = {lang: REFERENCE_RE.sub("", row[column(kind, lang)]) for lang in LANGS}
            if any(texts.values()):
                yield f"{row['name']} {kind}", texts
    for row in records(shipped["choices"]):
        yield (
            f"{row['list_name']}/{row['name']}",
            {lang: row[column("label", lang)] for lang in LANGS},
        )


def reference_texts() -> Iterator[tuple[str, dict[str, str]]]:
    for path in sorted(REFERENCE.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            for field in ("names", "descriptions"):
                if field in item:
                    yield f"{path.name} {item['code']} {field}", item[field]


def all_texts(shipped) -> list[tuple[str, dict[str, str]]]:
    return [*translated_texts(shipped), *reference_texts()]


# --- the workbook ---------------------------------------------------------------------------


def test_shipped_workbook_converts_with_pyxform_without_warnings(tmp_path):
    # pyxform takes one title: the workbook for KoboToolbox and ODK Central leaves out the
    # translated ones (consult forms export --single-title)
    plain = tmp_path / "cami-gap-needs.xlsx"
    plain.write_bytes(single_title_workbook(source.SHIPPED.read_bytes()))
    warnings: list[str] = []
    xform = convert(xlsform=str(plain), warnings=warnings).xform
    assert warnings == []
    assert 'id="cami_gap_needs"' in xform
    assert 'version="2027.1"' in xform
    for lang in LANGS:
        assert f'lang="{source.LANGUAGES[lang]} ({lang})"' in xform


def test_shipped_workbook_gives_the_title_in_every_language():
    form = load_form(source.SHIPPED.read_bytes(), "cami-gap-needs.xlsx")
    for lang in LANGS:
        assert form.form.title_in(lang) == source.TITLE[lang], lang


def test_shipped_workbook_passes_odk_validate():
    require_commands("java", package="default-jre-headless")  # ODK Validate runs on Java
    # JavaRosa, the engine of ODK Collect, checks every expression and reference.
    assert source.validate(source.SHIPPED, odk_validate=True) == []


def test_building_from_source_reproduces_the_shipped_workbook(shipped, tmp_path):
    out = tmp_path / "cami-gap-needs.xlsx"
    assert source.build(out) == []
    assert source.read_workbook(out) == shipped
    assert source.sheets() == shipped


def test_command_line_without_an_output_path_prints_usage(capsys):
    assert source.main([]) == 2
    assert "OUT.xlsx" in capsys.readouterr().err


def test_settings_give_form_id_version_and_default_language(shipped):
    (settings,) = records(shipped["settings"])
    assert settings["form_id"] == "cami_gap_needs"
    assert settings["version"] == "2027.1" == source.VERSION
    assert settings["default_language"] == "English (en)"
    assert settings["form_title"] == source.TITLE["en"]


def test_workbook_has_every_translated_column_for_the_five_languages(shipped):
    survey_header = shipped["survey"][0]
    for kind in TEXT_KINDS:
        assert [c for c in survey_header if c.startswith(f"{kind}::")] == [
            column(kind, lang) for lang in LANGS
        ]
    for name in ("required", "constraint", "relevant", "appearance", "choice_filter"):
        assert name in survey_header
    assert shipped["choices"][0] == [
        "list_name",
        "name",
        *(column("label", x) for x in LANGS),
        "countries",
    ]


def test_every_text_is_filled_in_all_five_languages(shipped):
    missing = [
        (where, lang)
        for where, texts in all_texts(shipped)
        for lang in LANGS
        if not texts.get(lang, "").strip()
    ]
    assert missing == []


def test_every_required_question_has_a_translated_message(survey):
    required = [row for row in survey.values() if row["required"] == "yes"]
    assert len(required) > 40
    for row in required:
        assert all(row[column("required_message", lang)] for lang in LANGS), row["name"]
    for row in survey.values():
        if row["constraint"]:
            assert all(row[column("constraint_message", lang)] for lang in LANGS), row["name"]


def test_translations_are_written_in_their_own_script(shipped):
    wrong = [
        (where, lang, texts[lang])
        for where, texts in all_texts(shipped)
        for lang, script in SCRIPTS.items()
        if not script.search(texts[lang])
    ]
    assert wrong == []


def test_persian_uses_persian_letters_and_digits(shipped):
    # Arabic yeh/kaf and Arabic-Indic or Latin digits look wrong to a Persian reader.
    wrong = re.compile(r"[\u064A\u0643\u0660-\u0669\u0030-\u0039]")
    bad = [(where, texts["fa"]) for where, texts in all_texts(shipped) if wrong.search(texts["fa"])]
    assert bad == []
    joined = "".join(texts["fa"] for _, texts in all_texts(shipped))
    assert "\u200c" in joined  # compound words keep their zero-width non-joiner


def test_cyrillic_words_contain_no_latin_lookalike_letters(shipped):
    mixed = re.compile(r"\b(?=\w*[\u0400-\u04FF])(?=\w*[A-Za-z])\w+\b")
    bad = [
        (where, lang, mixed.findall(texts[lang]))
        for where, texts in all_texts(shipped)
        for lang in ("ru", "mn")
        if mixed.search(texts[lang])
    ]
    assert bad == []


def test_chinese_uses_full_width_punctuation(shipped):
    bad = [
        (where, texts["zh"])
        for where, texts in all_texts(shipped)
        if re.search(r"[,;?!():]", texts["zh"])
    ]
    assert bad == []


def errors_of(form, answers, lang="en") -> dict[str, str]:
    """The messages every page shown to a respondent giving ``answers`` would show."""
    values, _ = settle(form, answers)
    errors: dict[str, str] = {}
    for section in visible_sections(form, values):
        errors.update(validate_section(form, section, values, lang))
    return errors


@pytest.fixture(scope="module")
def form():
    return load_form(source.SHIPPED.read_bytes(), source.SHIPPED.name).form


#: A complete response to version 2026.1, as installations that imported it hold them.
ANSWERS_2026_1 = {
    "consent": "yes",
    "country": "KZ",
    "stakeholder_group": "ngo",
    "species": "saiga argali",
    "threats_present": "poaching governance",
    **{f"{theme}_{rating}": "high" for theme in ("poaching", "governance")
       for rating in ("scope", "severity", "irreversibility")},
    "poaching_trend": "increasing",
    "governance_trend": "stable",
    "needs_rank": "funding capacity enforcement data legislation cooperation",
    "tb_cooperation": "informal",
    "tb_partner_countries": "RU UZ",
}  # fmt: skip


def test_version_2026_1_is_kept_and_its_answers_still_validate():
    path = source.PREVIOUS_VERSIONS["2026.1"]
    loaded = load_form(path.read_bytes(), path.name)
    assert loaded.warnings == []
    old = loaded.form
    assert (old.form_id, old.version) == (source.FORM_ID, "2026.1")
    assert errors_of(old, ANSWERS_2026_1) == {}
    assert errors_of(old, dict(ANSWERS_2026_1, poaching_scope="")) == {
        "poaching_scope": "This question needs an answer."
    }


def test_the_median_respondents_answers_are_valid(form):
    assert errors_of(form, source.MEDIAN_RESPONDENT) == {}
    values, _ = settle(form, source.MEDIAN_RESPONDENT)
    assert values["species"] == "saiga argali"
    assert values["t1_name"] == "Saiga" and values["t2_name"] == "Argali"
    assert values["calc_n_threats"] == 3


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"target_1": "chiru"}, {"target_1"}),  # the chiru does not occur in Kazakhstan
        ({"target_2": "saiga"}, {"target_2"}),
        ({"target_3": "argali"}, {"target_3"}),
        ({"t1_threats": "none poaching"}, {"t1_threats"}),
        ({"t1_threats": "none"}, set()),
        ({"t2_livestock_trend": ""}, {"t2_livestock_trend"}),
        ({"gap_funding": ""}, {"gap_funding"}),
        ({"target_1": ""}, {"target_1"}),
    ],
)
def test_species_and_threat_rules(form, changes, errors):
    answers = {**source.MEDIAN_RESPONDENT, "target_3": "kulan", "t3_threats": "none", **changes}
    assert set(errors_of(form, answers)) == errors


def test_median_respondent_finishes_in_under_twenty_minutes():
    estimate = source.estimate()
    assert estimate.seconds < 20 * 60
    # 2 species x 2 threats x 4 ratings, 5 gaps, 2 measures, the profile and a stakeholder.
    assert estimate.counts["select_one"] == 2 * 2 * 4 + 5 + 2 + 4 + 3 + 3
    assert estimate.counts["free_text"] == 4 and estimate.counts["page"] == 12
    # The module docstring states the method and the figures; they must be the current ones.
    assert f"{estimate.seconds} s, about {estimate.minutes:.1f} minutes" in source.__doc__


def test_even_a_respondent_rating_every_threat_for_three_species_is_told_the_truth():
    answers = dict(source.MEDIAN_RESPONDENT, target_3="kulan", email="a@example.org",
                   anything_else_text="No.")  # fmt: skip
    for slot in SLOTS:
        answers[f"t{slot}_threats"] = " ".join(DIRECT_THREATS)
        for threat in DIRECT_THREATS:
            for rating in ("scope", "severity", "irreversibility"):
                answers[f"t{slot}_{threat}_{rating}"] = "high"
            answers[f"t{slot}_{threat}_trend"] = "stable"
    estimate = source.estimate(answers)
    assert estimate.seconds > source.estimate().seconds
    stated = f"{estimate.seconds} s, about {estimate.minutes:.1f} minutes"
    assert stated in " ".join(source.__doc__.split())
    assert "about 15 minutes" in source.WELCOME.children[0].label["en"]


# --- the questions the analysis reads ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("consent", "select_one yes_no"),
        ("country", "select_one countries"),
        ("stakeholder_group", "select_one groups"),
        ("org_type", "select_one org_types"),
        ("role", "text"),
        ("years_experience", "integer"),
        ("email", "text"),
        ("target_1", "select_one species"),
        ("target_2", "select_one species"),
        ("target_3", "select_one species"),
        ("species", "calculate"),
        *((f"t{i}_threats", "select_multiple direct_threats") for i in SLOTS),
        *((gap, "select_one adequacy") for gap in GAPS),
        ("gap_most_needed", "text"),
        ("measures_in_place", "select_multiple measures"),
        ("needs_rank", "rank needs"),
        ("most_needed_text", "text"),
        ("tb_partner_countries", "select_multiple countries"),
        ("cooperation_blocks_text", "text"),
        ("stakeholder_rep", "begin_repeat"),
        ("sh_name", "text"),
        ("sh_group", "select_one groups"),
        ("sh_influence", "select_one level3"),
        ("sh_interest", "select_one level3"),
        ("main_threats_text", "text"),
        ("anything_else_text", "text"),
        ("calc_n_threats", "calculate"),
    ],
)
def test_question_the_analysis_reads_exists_with_its_type(survey, name, type_):
    assert survey[name]["type"] == type_


@pytest.mark.parametrize("name", ["threats_present", "tb_cooperation", "poaching_scope"])
def test_questions_of_2026_1_that_2027_1_replaced_are_gone(survey, name):
    assert name not in survey


def test_up_to_three_species_are_named_from_those_of_the_respondents_country(survey):
    first, second, third = (survey[f"target_{i}"] for i in SLOTS)
    for row in (first, second, third):
        assert row["choice_filter"] == "selected(countries, ${country})"
    assert first["required"] == "yes" and first["relevant"] == ""
    assert second["required"] == "" and second["relevant"] == "${target_1} != ''"
    assert third["required"] == "" and third["relevant"] == "${target_2} != ''"
    assert first["constraint"] == ""
    assert second["constraint"] == ". != ${target_1}"
    assert third["constraint"] == ". != ${target_1} and . != ${target_2}"


@pytest.mark.parametrize("slot", SLOTS)
def test_each_named_species_has_one_page_of_direct_threats_and_their_ratings(shipped, slot):
    rows = records(shipped["survey"])
    start = next(i for i, row in enumerate(rows) if row["name"] == f"species_{slot}")
    end = next(
        i
        for i, row in enumerate(rows)
        if row["type"] == "end_group" and row["name"] == f"species_{slot}"
    )
    page, body = rows[start], rows[start + 1 : end]
    assert page["type"] == "begin_group" and page["appearance"] == "field-list"
    assert page["relevant"] == f"${{target_{slot}}} != ''"
    assert f"${{t{slot}_name}}" in page[column("label", "en")]
    assert [(row["type"], row["name"]) for row in body[:2]] == [
        ("calculate", f"t{slot}_name"),
        ("select_multiple direct_threats", f"t{slot}_threats"),
    ]
    assert body[0]["calculation"] == f"jr:choice-name(${{target_{slot}}}, '${{target_{slot}}}')"
    assert all(f"${{t{slot}_name}}" in body[1][column("label", lang)] for lang in LANGS)
    assert body[1]["constraint"] == "not(selected(., 'none')) or count-selected(.) = 1"
    groups = [row for row in body if row["type"] == "begin_group"]
    assert [row["name"] for row in groups] == [f"t{slot}_{t}" for t in DIRECT_THREATS]
    for threat in DIRECT_THREATS:
        group = next(row for row in groups if row["name"] == f"t{slot}_{threat}")
        assert group["relevant"] == f"selected(${{t{slot}_threats}}, '{threat}')"
        at = body.index(group)
        assert body[at + 1]["type"] == "note"
        ratings = {row["name"]: row for row in body[at + 2 : at + 6]}
        assert {name: row["type"] for name, row in ratings.items()} == {
            f"t{slot}_{threat}_scope": "select_one level4",
            f"t{slot}_{threat}_severity": "select_one level4",
            f"t{slot}_{threat}_irreversibility": "select_one level4",
            f"t{slot}_{threat}_trend": "select_one trend",
        }
        assert all(r["required"] == "yes" and r["appearance"] == "likert" for r in ratings.values())
        where = {"poaching": "geopoint", "infrastructure": "geotrace"}.get(threat)
        if where:
            # Where it happens: optional, a point for poaching, a line for a barrier.
            assert (body[at + 6]["type"], body[at + 6]["name"]) == (
                where, f"t{slot}_{threat}_where"
            )
            assert body[at + 6]["required"] == ""
            assert all(body[at + 6][column("label", lang)] for lang in LANGS)
            at += 1
        assert body[at + 6]["type"] == "end_group"


def test_rating_hints_give_the_conservation_standards_bands(survey):
    scope = survey["t1_poaching_scope"][column("hint", "en")]
    severity = survey["t1_poaching_severity"][column("hint", "en")]
    irreversibility = survey["t1_poaching_irreversibility"][column("hint", "en")]
    for band in ("1–10 %", "11–30 %", "31–70 %", "71–100 %"):
        assert band in scope and band in severity
    for band in ("0–5 years", "6–20 years", "21–100 years", "more than 100 years"):
        assert band in irreversibility
    for slot in SLOTS:
        for threat in DIRECT_THREATS:
            for rating in ("scope", "severity", "irreversibility"):
                for lang in LANGS:
                    name = f"t{slot}_{threat}_{rating}"
                    assert survey[name][column("hint", lang)] == (
                        survey[f"t1_poaching_{rating}"][column("hint", lang)]
                    )


def test_contributing_factors_are_asked_as_gaps_on_a_stated_adequacy_scale(survey, choices):
    assert source.GAP_ITEMS == {
        "gap_enforcement": "governance",
        "gap_funding": "governance",
        "gap_community": "community",
        "gap_monitoring": "science",
        "gap_cooperation": "transboundary",
    }
    assert set(source.GAP_ITEMS.values()) == set(FACTORS)
    for gap in GAPS:
        assert survey[gap]["required"] == "yes" and survey[gap]["appearance"] == "likert"
    assert tuple(choices["adequacy"]) == (
        "very_inadequate",
        "inadequate",
        "partly_adequate",
        "adequate",
        "dont_know",
    )
    scale = survey["gaps_intro"]
    for lang in LANGS:
        for code in ("very_inadequate", "inadequate", "partly_adequate", "adequate"):
            assert f"*{choices['adequacy'][code][lang]}*" in scale[column("label", lang)]


def test_direct_threats_and_factors_split_the_eight_themes():
    kinds = {item["code"]: item.get("kind") for item in reference("threats.json")}
    assert set(kinds.values()) == {facts.DIRECT_THREAT, facts.CONTRIBUTING_FACTOR}, kinds
    assert DIRECT_THREATS == ("poaching", "livestock", "infrastructure", "climate")
    assert FACTORS == ("governance", "community", "science", "transboundary")
    assert sorted(DIRECT_THREATS + FACTORS) == sorted(THEMES) and len(THEMES) == 8
    assert source.DIRECT_THREATS == DIRECT_THREATS
    assert source.CONTRIBUTING_FACTORS == FACTORS


@pytest.mark.parametrize("measure", MEASURES)
def test_each_measure_in_place_is_rated_for_effectiveness(survey, measure):
    row = survey[f"eff_{measure}"]
    assert row["type"] == "select_one effectiveness"
    assert row["relevant"] == f"selected(${{measures_in_place}}, '{measure}')"
    assert row["appearance"] == "likert"


def test_later_sections_are_shown_only_after_consent(shipped):
    depth = 0
    top_level = []
    for row in records(shipped["survey"]):
        if row["type"].startswith("begin_"):
            if depth == 0:
                top_level.append(row)
            depth += 1
        elif row["type"].startswith("end_"):
            depth -= 1
    assert depth == 0
    assert [row["name"] for row in top_level] == [
        "welcome",
        "profile",
        "threats",
        "gaps",
        "measures",
        "needs",
        "transboundary",
        "stakeholders",
        "open",
    ]
    assert top_level[0]["appearance"] == "field-list"
    assert all(row["relevant"] == "${consent} = 'yes'" for row in top_level[1:])


def test_partner_countries_leave_out_the_respondents_own_country(survey):
    assert survey["tb_partner_countries"]["choice_filter"] == "name != ${country}"


def test_years_of_experience_are_limited_to_a_working_life(survey):
    assert survey["years_experience"]["constraint"] == ". >= 0 and . <= 70"


@pytest.mark.parametrize("address", ["name@example.org", "a.b-c@mail.example.kz"])
def test_email_constraint_accepts_addresses(survey, address):
    pattern = re.search(r"regex\(\., '(.+)'\)", survey["email"]["constraint"]).group(1)
    assert re.search(pattern, address)


@pytest.mark.parametrize("typo", ["name@", "name example.org", "name@example", "@example.org"])
def test_email_constraint_rejects_typos(survey, typo):
    pattern = re.search(r"regex\(\., '(.+)'\)", survey["email"]["constraint"]).group(1)
    assert survey["email"]["required"] == ""
    assert not re.search(pattern, typo)


def test_choice_lists_use_the_programme_codes(choices):
    assert set(choices["countries"]) == COUNTRIES
    assert set(choices["species"]) == APPENDIX_I | APPENDIX_II | NOT_LISTED
    assert tuple(choices["direct_threats"]) == (*DIRECT_THREATS, "none")
    assert tuple(choices["groups"]) == GROUPS
    assert tuple(choices["measures"]) == MEASURES
    assert tuple(choices["level4"]) == ("low", "medium", "high", "very_high")
    assert tuple(choices["trend"]) == ("decreasing", "stable", "increasing", "unknown")
    assert tuple(choices["effectiveness"]) == ("not", "less", "effective", "very_effective")
    assert tuple(choices["needs"]) == (
        "capacity",
        "funding",
        "legislation",
        "enforcement",
        "data",
        "cooperation",
    )
    assert tuple(choices["level3"]) == ("low", "medium", "high")
    assert "other" in choices["org_types"]


@pytest.mark.parametrize(
    ("list_name", "filename"),
    [
        ("countries", "countries.json"),
        ("species", "species.json"),
        ("groups", "stakeholder_groups.json"),
    ],
)
def test_form_choices_name_things_as_the_reference_data_does(choices, list_name, filename):
    assert choices[list_name] == {item["code"]: item["names"] for item in reference(filename)}


def test_direct_threats_are_named_as_the_reference_data_does(choices):
    names = {item["code"]: item["names"] for item in reference("threats.json")}
    assert {code: choices["direct_threats"][code] for code in DIRECT_THREATS} == {
        code: names[code] for code in DIRECT_THREATS
    }


def test_threat_ratings_open_with_the_reference_description(survey):
    for item in reference("threats.json"):
        if item["code"] not in DIRECT_THREATS:
            continue
        for slot in SLOTS:
            intro = survey[f"t{slot}_{item['code']}_intro"]
            for lang in LANGS:
                assert intro[column("label", lang)].startswith(item["descriptions"][lang])
                assert f"${{t{slot}_name}}" in intro[column("label", lang)]


def test_species_choices_list_the_range_states_of_the_reference_data(shipped):
    ranges: dict[str, set[str]] = {}
    for row in reference("species_ranges.json"):
        ranges.setdefault(row["species"], set()).add(row["country"])
    listed = {
        row["name"]: row["countries"].split()
        for row in records(shipped["choices"])
        if row["list_name"] == "species"
    }
    assert {code: set(countries) for code, countries in listed.items()} == ranges
    assert all(len(countries) == len(set(countries)) for countries in listed.values())
    other_lists = [row for row in records(shipped["choices"]) if row["list_name"] != "species"]
    assert all(row["countries"] == "" for row in other_lists)


def test_species_ranges_naming_an_unknown_country_are_refused(tmp_path):
    path = tmp_path / "ranges.json"
    path.write_text(json.dumps([{"species": "saiga", "country": "XX", "status": "native"}]))
    with pytest.raises(ValueError, match="unknown species or country"):
        source.species_countries(path)
    path.write_text(json.dumps([{"species": "saiga", "country": "KZ", "status": "native"}]))
    with pytest.raises(ValueError, match="no range state for bukhara_deer"):
        source.species_countries(path)


# --- reference data -----------------------------------------------------------------------------


def test_reference_countries_are_the_fourteen_range_states():
    countries = reference("countries.json")
    assert len(countries) == 14
    assert {item["code"] for item in countries} == COUNTRIES
    names = {item["code"]: item["names"]["en"] for item in countries}
    assert names["RU"] == "Russian Federation"


def test_reference_species_carry_their_cms_appendix():
    species = reference("species.json")
    assert len(species) == 15
    by_appendix: dict[str | None, set[str]] = {}
    for item in species:
        by_appendix.setdefault(item["cms_appendix"], set()).add(item["code"])
        assert re.fullmatch(r"[A-Z][a-z]+ [a-z.]+( [a-z]+)*", item["scientific_name"])
    assert by_appendix == {"I": APPENDIX_I, "II": APPENDIX_II, None: NOT_LISTED}


def test_reference_themes_map_to_iucn_cmp_threat_classes():
    threats = reference("threats.json")
    assert tuple(item["code"] for item in threats) == THEMES
    for item in threats:
        assert item["iucn_cmp"], item["code"]
        for code in item["iucn_cmp"]:
            first, *rest = code.split(".")
            assert 1 <= int(first) <= 12 and len(rest) <= 2, code
        assert item["note"].strip()
    mapping = {item["code"]: item["iucn_cmp"] for item in threats}
    assert any(code.startswith("5.1") for code in mapping["poaching"])
    assert "2.3" in mapping["livestock"]
    assert {"4.1", "4.2"} <= set(mapping["infrastructure"])
    assert all(code.startswith("11.") for code in mapping["climate"])


def test_reference_stakeholder_groups_are_the_eight_groups():
    assert tuple(item["code"] for item in reference("stakeholder_groups.json")) == GROUPS


def test_reference_languages_mark_right_to_left_scripts():
    languages = {item["code"]: item for item in reference("languages.json")}
    assert set(languages) == {*LANGS, "kk", "ky", "uz", "tg", "tk", "ps", "ur", "hi", "ne", "dz"}
    assert {code for code, item in languages.items() if item["rtl"]} == {"fa", "ps", "ur"}
    assert all(item["name"] and item["native"] for item in languages.values())
    assert languages["mn"]["native"] == source.LANGUAGES["mn"]


@pytest.mark.parametrize("path", sorted(REFERENCE.glob("*.json")), ids=lambda p: p.name)
def test_reference_files_are_pretty_printed_readable_utf8(path):
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"

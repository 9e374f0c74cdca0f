"""The reference facts hang together: every code they use exists, every name is there."""

from __future__ import annotations

import re
from pathlib import Path

import reference

CODES = {
    "country": {item["code"] for item in reference.countries()},
    "species": {item["code"] for item in reference.species()},
}


def test_there_are_fourteen_range_states_fifteen_species_and_eight_themes():
    assert len(CODES["country"]) == 14
    assert len(CODES["species"]) == 15
    assert len(reference.theme_codes()) == 8


def test_every_theme_is_a_direct_threat_or_a_contributing_factor():
    kinds = reference.theme_kinds()
    assert set(kinds.values()) == {reference.DIRECT_THREAT, reference.CONTRIBUTING_FACTOR}
    assert reference.theme_codes(reference.DIRECT_THREAT) == (
        "poaching", "livestock", "infrastructure", "climate",
    )  # fmt: skip
    for theme in reference.themes():
        has_questions = bool(theme.get("gap_questions"))
        assert has_questions == (theme["kind"] == reference.CONTRIBUTING_FACTOR), theme["code"]


def test_species_ranges_name_known_species_and_states_once_each():
    pairs = [(row["species"], row["country"]) for row in reference.species_ranges()]
    assert len(pairs) == len(set(pairs))
    for species, country in pairs:
        assert species in CODES["species"] and country in CODES["country"]
    assert set(reference.species_by_country()) == CODES["country"]
    assert "saiga" in reference.species_by_country()["KZ"]


def test_populations_cross_borders_within_their_species_range():
    ranges = reference.countries_by_species()
    for population in reference.populations():
        states = population["countries"]
        assert len(states) >= 2, population["code"]
        assert set(states) <= set(ranges[population["species"]]), population["code"]


def test_every_source_key_is_listed_in_sources():
    sources = (reference.DATA / "SOURCES.md").read_text()
    listed = set(re.findall(r"`([a-z0-9][a-z0-9.-]+)`", sources))
    used = {key for row in reference.species_ranges() for key in row.get("sources", [])}
    used |= {key for row in reference.populations() for key in row.get("sources", [])}
    assert used and used <= listed, sorted(used - listed)


def test_everything_named_is_named_in_every_interface_language():
    languages = reference.interface_languages()
    assert languages[0] == "en" and {"ru", "zh", "mn", "fa"} <= set(languages)
    for items in (reference.countries(), reference.species(), reference.themes(),
                  reference.stakeholder_groups(), reference.populations()):  # fmt: skip
        for item in items:
            missing = [lang for lang in languages if not item["names"].get(lang)]
            assert not missing, (item["code"], missing)


def test_names_fall_back_to_english_and_right_to_left_is_known_by_code():
    assert reference.name("country", "KZ", "ru") == "Казахстан"
    assert reference.name("country", "KZ", "kk") == "Kazakhstan"
    assert reference.name("species", "unknown", "en") == "unknown"
    assert reference.is_rtl("fa") and reference.is_rtl("ps-AF") and not reference.is_rtl("ru")


def test_reference_never_imports_the_app():
    source = (Path(reference.__file__)).read_text()
    assert "import flask" not in source and "consult" not in source.replace("consult/", "")


def test_every_action_addresses_known_themes_and_is_titled_in_every_interface_language():
    themes = set(reference.theme_codes())
    actions = reference.actions()
    assert len(actions) >= 20
    for action in actions:
        addressed = {code.strip() for code in action["themes"].split(";") if code.strip()}
        assert addressed and addressed <= themes, action["code"]
        for lang in reference.interface_languages():
            assert action[f"title_{lang}"].strip(), (action["code"], lang)
        assert action["impact"] in "1234" and action["feasibility"] in "1234"
        assert action["cost"] in "123"

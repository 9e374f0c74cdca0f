import pandas as pd
import pytest

from consult.extensions import db
from consult.runs.frames import _answers as load_answers
from consult.runs.frames import measures_frame, needs_frame, ratings_frame, survey_texts_frame
from tests.factories import make_response, make_version


@pytest.fixture
def answers(app):
    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        make_response(
            version,
            {
                "threats_present": "poaching climate",
                "poaching_scope": "high",
                "poaching_severity": "very_high",
                "poaching_irreversibility": "medium",
                "poaching_trend": "increasing",
                "climate_scope": "low",
                "needs_rank": "funding enforcement capacity",
                "measures_in_place": "anti_poaching monitoring",
                "eff_anti_poaching": "less",
                "main_threats_text": "Poachers take saiga horns near the railway.",
                "anything_else_text": "   ",
                "sh_name": ["Ministry", "Herders' union"],
            },
            country="KZ",
            group="ngo",
            language="ru",
        )
        make_response(version, {"threats_present": "livestock"}, country="MN", status="draft")
        db.session.commit()
        yield load_answers(db.session, "cami-gap-needs", None)


def test_only_submitted_responses_are_read(answers):
    assert set(answers["country"]) == {"KZ"}


def test_2026_ratings_become_one_pooled_target_of_the_direct_threats(answers):
    ratings = ratings_frame(answers)
    # One row per direct threat for the one respondent; the factors rated in 2026.1
    # (governance …) are no threats and are left out.
    assert len(ratings) == 4
    assert set(ratings["target"]) == {"pooled"}
    assert set(ratings["threat"]) == {"poaching", "livestock", "infrastructure", "climate"}
    poaching = ratings.set_index("threat").loc["poaching"]
    assert bool(poaching["present"]) is True
    assert (poaching["scope"], poaching["severity"], poaching["irreversibility"]) == (3, 4, 2)
    assert poaching["trend"] == "increasing" and poaching["group"] == "ngo"
    climate = ratings.set_index("threat").loc["climate"]
    assert climate["scope"] == 1 and pd.isna(climate["severity"])
    assert not ratings.set_index("threat").loc["livestock", "present"]


def test_2027_ratings_are_per_species_and_gaps_per_factor(app):
    from consult.runs.frames import factor_gaps_frame

    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        make_response(
            version,
            {
                "target_1": "saiga",
                "t1_threats": "poaching",
                "t1_poaching_scope": "very_high",
                "t1_poaching_severity": "high",
                "t1_poaching_irreversibility": "low",
                "target_2": "argali",
                "t2_threats": "none",
                "gap_enforcement": "very_inadequate",
                "gap_funding": "dont_know",
                "gap_cooperation": "adequate",
            },
            country="KZ",
            group="ngo",
        )
        db.session.commit()
        answers = load_answers(db.session, "cami-gap-needs", None)
    ratings = ratings_frame(answers).set_index(["target", "threat"])
    assert len(ratings) == 8  # two species x four direct threats
    saiga = ratings.loc[("saiga", "poaching")]
    assert bool(saiga["present"]) and (saiga["scope"], saiga["severity"]) == (4, 3)
    assert saiga["irreversibility"] == 1
    # "None of these" for argali: every direct threat absent, which rates 0, not unknown.
    assert not ratings.loc[("argali", "poaching"), "present"]
    assert not ratings.loc[("saiga", "climate"), "present"]
    gaps = factor_gaps_frame(answers).set_index("item")
    assert gaps.loc["gap_enforcement", "factor"] == "governance"
    assert gaps.loc["gap_enforcement", "gap"] == 4 and pd.isna(gaps.loc["gap_funding", "gap"])
    assert gaps.loc["gap_cooperation", "factor"] == "transboundary"
    assert gaps.loc["gap_cooperation", "gap"] == 1


def test_needs_keep_their_rank_order(answers):
    needs = needs_frame(answers)
    assert list(needs.sort_values("rank")["need"]) == ["funding", "enforcement", "capacity"]


def test_measures_carry_effectiveness_when_rated(answers):
    measures = measures_frame(answers).set_index("measure")
    assert measures.loc["anti_poaching", "effectiveness"] == 2
    assert pd.isna(measures.loc["monitoring", "effectiveness"])


def test_free_text_answers_become_texts_and_blank_ones_are_dropped(answers):
    texts = survey_texts_frame(answers)
    assert list(texts["question"]) == ["main_threats_text"]
    row = texts.iloc[0]
    assert row["lang"] == "ru" and row["source"] == "survey" and row["country"] == "KZ"
    assert row["link"].startswith("/secretariat/responses/")


def test_species_and_group_filters_keep_only_matching_respondents(app):
    from consult.runs.frames import analysis_frames

    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        make_response(version, {"species": "saiga kulan", "threats_present": "poaching"},
                      group="ngo")
        make_response(version, {"species": "snow_leopard", "threats_present": "climate"},
                      group="community")
        db.session.commit()
        saiga = analysis_frames(db.session, species=["saiga"], include_interviews=False)
        assert set(saiga.ratings[saiga.ratings["present"].fillna(False)]["threat"]) == {
            "poaching"
        }
        herders = analysis_frames(db.session, groups=["community"], include_interviews=False)
        assert set(herders.ratings["group"]) == {"community"}
        nobody = analysis_frames(db.session, species=["cheetah"], include_interviews=False)
        assert nobody.ratings.empty

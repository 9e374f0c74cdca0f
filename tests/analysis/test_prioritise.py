import re

import pandas as pd
import pytest

from analysis.prioritise import (
    GAP_COLUMNS,
    NEED_MEASURES,
    NEEDS,
    gap_analysis,
    load_actions,
    rank_actions,
    regional_priorities,
    shared_threats,
    strategy_rating,
)
from analysis.scoring import THEMES, ScoringConfig

# tables are rounded to 4 decimals
TOL = 5e-5

HEADER = (
    "code,title_en,title_ru,title_zh,title_mn,title_fa,objective,themes,transboundary,"
    "impact,feasibility,cost"
)
CATALOGUE = "\n".join(
    [
        HEADER,
        "a_patrol,Patrols,Патрули,巡护,Эргүүл,گشت,Stop poaching,poaching,false,4,3,2",
        "a_joint,Joint patrols,Совместные патрули,联合巡护,Хамтарсан эргүүл,گشت مشترک,"
        "Stop poaching across borders,poaching;transboundary,true,3,3,2",
        "a_fence,Fence gaps,Проходы в заборах,围栏缺口,Хашааны гарц,شکاف حصار,"
        "Reopen routes,infrastructure;transboundary,true,4,4,3",
        "a_talk,Policy talks,Диалог,政策对话,Яриа хэлэлцээ,گفت‌وگو,"
        "Better laws,governance,false,2,4,1",
        "",
    ]
)


@pytest.fixture
def actions(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(CATALOGUE, encoding="utf-8")
    return load_actions(path)


def scores_frame(rows):
    """rows: (country, theme, score, mean_rating, share_reporting, low_evidence)."""
    return pd.DataFrame(
        rows,
        columns=["country", "theme", "score", "mean_rating", "share_reporting", "low_evidence"],
    )


KZ_SCORES = scores_frame(
    [
        ("KZ", "poaching", 0.8, 3.5, 0.9, False),
        ("KZ", "infrastructure", 0.5, 2.0, 0.5, False),
        ("KZ", "transboundary", 0.2, 1.0, 0.2, True),
        ("KZ", "governance", 0.6, 2.5, 0.6, False),
    ]
)


def test_strategy_rating_is_min_of_impact_and_feasibility():
    assert strategy_rating(4, 2) == 2
    assert strategy_rating(1, 4) == 1
    assert strategy_rating(3, 3) == 3


def test_load_actions_types_columns(actions):
    assert list(actions["code"]) == ["a_patrol", "a_joint", "a_fence", "a_talk"]
    assert actions["transboundary"].tolist() == [False, True, True, False]
    assert actions["cost"].tolist() == [2, 2, 3, 1]


def test_load_actions_rejects_rating_out_of_range(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text(CATALOGUE.replace(",governance,false,2,4,1", ",governance,false,5,4,1"))
    with pytest.raises(ValueError, match="impact"):
        load_actions(path)


def test_shipped_catalogue_is_complete_and_translated():
    actions = load_actions()
    assert 20 <= len(actions) <= 30
    assert actions["code"].is_unique
    for themes in actions["themes"]:
        assert themes and set(themes.split(";")) <= set(THEMES)
    assert set(THEMES) <= {t for ts in actions["themes"] for t in ts.split(";")}
    scripts = {
        "title_ru": r"[\u0400-\u04FF]",
        "title_mn": r"[\u0400-\u04FF]",
        "title_zh": r"[\u4E00-\u9FFF]",
        "title_fa": r"[\u0600-\u06FF]",
    }
    for column, pattern in scripts.items():
        assert actions[column].map(lambda text, p=pattern: bool(re.search(p, text))).all()
    assert actions["transboundary"].any() and not actions["transboundary"].all()


def test_rank_actions_orders_by_priority_within_country(actions):
    ranked = rank_actions(KZ_SCORES, actions, config=ScoringConfig()).set_index("action")
    # threat (max) x strategy / 4 x cost factor (1.0 / 0.85 / 0.7)
    assert ranked.loc["a_patrol", "priority"] == pytest.approx(0.8 * 3 / 4 * 0.85, abs=TOL)
    assert ranked.loc["a_joint", "priority"] == pytest.approx(0.8 * 3 / 4 * 0.85, abs=TOL)
    assert ranked.loc["a_fence", "priority"] == pytest.approx(0.5 * 4 / 4 * 0.7, abs=TOL)
    assert ranked.loc["a_talk", "priority"] == pytest.approx(0.6 * 2 / 4 * 1.0, abs=TOL)
    # the tie between a_patrol and a_joint goes to catalogue order
    assert ranked["rank"].sort_values().index.tolist() == [
        "a_patrol",
        "a_joint",
        "a_fence",
        "a_talk",
    ]
    fence = ranked.loc["a_fence"]
    assert fence["driving_themes"] == "infrastructure"
    assert fence["threat_sum"] == pytest.approx(0.7, abs=TOL)
    assert fence["addressed_scores"] == "infrastructure=0.500;transboundary=0.200"
    assert fence["strategy_label"] == "Very effective"
    assert fence["threat_basis"] == "max"


def test_rank_actions_can_sum_threats(actions):
    config = ScoringConfig(threat_aggregate="sum")
    ranked = rank_actions(KZ_SCORES, actions, config=config).set_index("action")
    assert ranked.loc["a_joint", "priority"] == pytest.approx((0.8 + 0.2) * 3 / 4 * 0.85, abs=TOL)
    assert ranked.loc["a_joint", "rank"] == 1


def test_rank_actions_flags_actions_driven_by_low_evidence(actions):
    scores = scores_frame([("KZ", "transboundary", 0.9, 3.0, 0.9, True)])
    ranked = rank_actions(scores, actions).set_index("action")
    assert bool(ranked.loc["a_joint", "low_evidence"])
    assert ranked.loc["a_joint", "driving_themes"] == "transboundary"


REGION = scores_frame(
    [
        ("KZ", "poaching", 0.6, 3.2, 0.4, False),  # shares: rating >= High
        ("MN", "poaching", 0.6, 2.0, 0.6, False),  # shares: reporting share >= 0.5
        ("UZ", "poaching", 0.6, 3.5, 0.9, True),  # low evidence: does not count
        ("KZ", "infrastructure", 0.6, 3.0, 0.3, False),  # the only one sharing it
        ("MN", "infrastructure", 0.6, 2.0, 0.2, False),
        ("UZ", "infrastructure", 0.6, 1.0, 0.1, False),
    ]
)


def test_shared_threats_counts_range_states_over_thresholds():
    shared = shared_threats(REGION, config=ScoringConfig()).set_index("theme")
    assert shared.loc["poaching", "shared_by"] == "KZ;MN"
    assert shared.loc["poaching", "n_range_states"] == 2
    assert bool(shared.loc["poaching", "shared"])
    assert shared.loc["infrastructure", "shared_by"] == "KZ"
    assert not bool(shared.loc["infrastructure", "shared"])
    assert shared.loc["poaching", "regional_score"] == pytest.approx(0.6, abs=TOL)


def test_regional_rule_raises_transboundary_actions_on_shared_threats(actions):
    regional = regional_priorities(REGION, actions, config=ScoringConfig()).set_index("action")
    joint = regional.loc["a_joint"]
    assert joint["transboundary_boost"] == pytest.approx(1.25, abs=TOL)
    assert joint["shared_themes"] == "poaching"
    assert joint["shared_by"] == "KZ;MN"
    assert joint["n_range_states"] == 2
    assert "poaching" in joint["boost_reason"]
    assert joint["priority"] == pytest.approx(0.6 * 3 / 4 * 0.85 * 1.25, abs=TOL)
    # not transboundary: same threat, no boost
    assert regional.loc["a_patrol", "transboundary_boost"] == 1.0
    assert regional.loc["a_patrol", "boost_reason"] == ""
    # transboundary, but its threats are not shared
    assert regional.loc["a_fence", "transboundary_boost"] == 1.0
    assert regional.loc["a_fence", "priority"] == pytest.approx(0.6 * 1.0 * 0.7, abs=TOL)
    # the boost lifts a_joint above a_fence, which would otherwise outrank it
    assert regional["rank"].sort_values().index.tolist() == [
        "a_joint",
        "a_fence",
        "a_patrol",
        "a_talk",
    ]


def test_regional_rule_needs_enough_range_states(actions):
    config = ScoringConfig(min_countries=3)
    regional = regional_priorities(REGION, actions, config=config).set_index("action")
    assert (regional["transboundary_boost"] == 1.0).all()


NEEDS_FRAME = pd.DataFrame(
    {
        "response_id": ["r1", "r1", "r1", "r2", "r2", "r3"],
        "country": ["KZ"] * 6,
        "group": ["ngo"] * 6,
        "need": ["funding", "data", "capacity", "data", "funding", "enforcement"],
        "rank": [1, 2, 4, 1, 3, 1],
    }
)
MEASURES_FRAME = pd.DataFrame(
    {
        "response_id": ["r1", "r2", "r4"],
        "country": ["KZ"] * 3,
        "group": ["ngo"] * 3,
        "measure": ["monitoring", "monitoring", "legislation"],
        "effectiveness": pd.array([4, 2, pd.NA], dtype="Int64"),
    }
)


def test_gap_analysis_compares_top_needs_with_effective_measures():
    gaps = gap_analysis_frame()
    data = gaps.loc["data"]
    assert data["n_respondents"] == 4  # r1..r4, in needs or measures
    assert data["n_ranking"] == 3
    assert data["share_top"] == pytest.approx(2 / 3, abs=TOL)
    assert data["mean_rank"] == pytest.approx(1.5, abs=TOL)
    assert data["share_in_place"] == pytest.approx(0.5, abs=TOL)
    assert data["mean_effectiveness"] == pytest.approx(3.0, abs=TOL)
    # coverage 0.5 x (3 - 1) / 3; gap 2/3 x (1 - 1/3)
    assert data["coverage"] == pytest.approx(1 / 3, abs=TOL)
    assert data["gap"] == pytest.approx(4 / 9, abs=TOL)
    funding = gaps.loc["funding"]
    assert funding["coverage"] == 0
    assert funding["gap"] == pytest.approx(2 / 3, abs=TOL)
    enforcement = gaps.loc["enforcement"]
    # legislation in place with no effectiveness rated: credit 0.5
    assert enforcement["coverage"] == pytest.approx(0.125, abs=TOL)
    assert enforcement["gap"] == pytest.approx(1 / 3 * 0.875, abs=TOL)
    assert gaps.loc["capacity", "share_top"] == 0
    assert gaps.sort_values("rank").index.tolist() == [
        "funding",
        "data",
        "enforcement",
        "capacity",
        "legislation",
        "cooperation",
    ]


def gap_analysis_frame():
    gaps = gap_analysis(NEEDS_FRAME, MEASURES_FRAME, config=ScoringConfig())
    assert list(gaps.columns) == list(GAP_COLUMNS)
    return gaps.set_index("need")


def test_every_need_maps_to_questionnaire_measures():
    measures = {
        "protected_areas",
        "anti_poaching",
        "wildlife_crossings",
        "community_programmes",
        "monitoring",
        "legislation",
        "transboundary_agreements",
        "livestock_management",
    }
    assert set(NEED_MEASURES) == set(NEEDS)
    for related in NEED_MEASURES.values():
        assert related and set(related) <= measures
    assert {m for related in NEED_MEASURES.values() for m in related} == measures


def test_empty_inputs_give_empty_tables(actions):
    assert rank_actions(scores_frame([]), actions).empty
    assert regional_priorities(scores_frame([]), actions).empty
    gaps = gap_analysis(pd.DataFrame(), pd.DataFrame())
    assert gaps.empty and list(gaps.columns) == list(GAP_COLUMNS)

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.assessment import assess
from analysis.prioritise import (
    GAP_COLUMNS,
    NEED_MEASURES,
    NEEDS,
    PRIORITY_COLUMNS,
    REGIONAL_COLUMNS,
    country_strategies,
    gap_analysis,
    load_actions,
    rank_actions,
    regional_priorities,
    shared_population_threats,
    strategy_rating,
)
from analysis.scoring import THEMES, ScoringConfig
from tests.analysis.factories import (
    gap_rows,
    gaps_frame,
    rating_rows,
    ratings_frame,
    reference,
)

FAST = ScoringConfig(resamples=50)
# tables are rounded to 4 decimals
TOL = 5e-5

HEADER = (
    "code,title_en,title_ru,title_zh,title_mn,title_fa,objective,themes,transboundary,"
    "impact,feasibility,cost"
)


def catalogue(tmp_path, rows):
    """rows: (code, themes, transboundary, impact, feasibility, cost)."""
    lines = [HEADER] + [
        f"{code},T {code},Т,题,Т,ت,Goal,{themes},{str(tb).lower()},{i},{f},{c}"
        for code, themes, tb, i, f, c in rows
    ]
    path = tmp_path / "actions.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_actions(path)


def row(frame, **keys):
    mask = np.ones(len(frame), dtype=bool)
    for key, value in keys.items():
        mask &= (frame[key] == value).to_numpy()
    assert mask.sum() == 1, keys
    return frame[mask].iloc[0]


def test_strategy_rating_is_min_of_impact_and_feasibility():
    # Miradi: min(impact, feasibility); 4 Very effective .. 1 Not effective
    assert strategy_rating(4, 2) == 2
    assert strategy_rating(1, 4) == 1
    assert strategy_rating(3, 3) == 3
    with pytest.raises(ValueError):
        strategy_rating(5, 1)


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


def test_load_actions_rejects_rating_out_of_range(tmp_path):
    with pytest.raises(ValueError, match="impact"):
        catalogue(tmp_path, [("a_x", "poaching", False, 5, 4, 1)])


def test_national_ratings_replace_the_catalogue_default_and_say_so(tmp_path):
    actions = catalogue(tmp_path, [("a_patrol", "poaching", False, 4, 3, 2)])
    national = pd.DataFrame(
        {
            "country": ["KZ", "KZ", "UZ"],
            "action": ["a_patrol", "a_patrol", "a_unknown"],
            "impact": [2, 3, 4],
            "feasibility": [4, 4, 4],
            "cost": ["high", "low", "low"],
            "source": [
                "National consultation 2027-01-10 (#3)",
                "National consultation 2027-03-14 (#12)",
                "x",
            ],
            "meeting_date": ["2027-01-10", "2027-03-14", "2027-01-01"],
        }
    )
    strategies = country_strategies(actions, national, ("KZ", "UZ"))
    kz = row(strategies, country="KZ")
    # the later meeting counts: impact 3, feasibility 4 -> min 3, cost low (1)
    assert (kz["impact"], kz["feasibility"], kz["strategy_value"], kz["cost"]) == (3, 4, 3, 1)
    assert kz["rating_source"] == "National consultation 2027-03-14 (#12)"
    assert kz["source_note"] == "latest of 2 national ratings"
    uz = row(strategies, country="UZ")
    assert uz["rating_source"] == "catalogue default" and uz["strategy_value"] == 3


def priority_data():
    """KZ: poaching High (saiga and argali both High), infrastructure Medium (one target
    Medium... summary of one Medium is Low), governance gap 3."""
    rows = []
    gaps = []
    for group, start in (("ngo", 0), ("government", 3)):
        for target in ("saiga", "argali"):
            rows += rating_rows("KZ", target, "poaching", group, [3, 3, 3], start=start)
            rows += rating_rows("KZ", target, "infrastructure", group, [2, 2, 2], start=start)
        gaps += gap_rows("KZ", "governance", group, [3, 3, 3], start=start)
    return ratings_frame(rows), gaps_frame(gaps)


def test_priority_and_the_tie_rule_worked_example(tmp_path):
    ratings, gaps = priority_data()
    result = assess(ratings, gaps, config=FAST, reference=reference())
    actions = catalogue(
        tmp_path,
        [
            # code, themes, transboundary, impact, feasibility, cost
            ("a_patrol", "poaching", False, 3, 3, 2),
            ("a_ranger", "poaching", False, 3, 3, 1),
            ("a_joint", "poaching;transboundary", True, 3, 4, 2),
            ("a_law", "governance", False, 4, 3, 3),
            ("a_fence", "infrastructure", False, 4, 4, 1),
            ("a_talk", "transboundary", True, 4, 4, 1),
        ],
    )
    ranked = rank_actions(result, actions)
    assert list(ranked.columns) == list(PRIORITY_COLUMNS)
    by = ranked.set_index("action")
    # poaching: 2 High -> High, level 3; infrastructure: 2 Medium -> Medium, level 2;
    # governance: gap 3 (x factor_weight 1); transboundary: no data, does not count.
    # a_patrol:  strategy min(3, 3) = 3, need 3/4: (3/4)^1 x (3/4)^1 = 0.5625
    # a_ranger:  the same 0.5625
    # a_joint:   min(3, 4) = 3, need max(3, -)/4 = 3/4: 0.5625
    # a_law:     min(4, 3) = 3, need governance 3/4: 0.5625
    # a_fence:   min(4, 4) = 4, need 2/4: 1 x 0.5 = 0.5
    # a_talk:    nothing it addresses is rated: not ranked
    for action in ("a_patrol", "a_ranger", "a_joint", "a_law"):
        assert by.loc[action, "priority"] == pytest.approx(0.5625)
    assert by.loc["a_fence", "priority"] == pytest.approx(0.5)
    # the tie at 0.5625: a_law has the higher impact (4); among impact 3, a_ranger has the
    # lower cost (1); a_joint and a_patrol tie on cost and need, a_joint has the higher
    # feasibility (4)
    assert list(ranked["action"]) == [
        "a_law",
        "a_ranger",
        "a_joint",
        "a_patrol",
        "a_fence",
        "a_talk",
    ]
    assert list(ranked["rank"]) == [1, 2, 3, 4, 5, "not ranked"]
    assert by.loc["a_law", "tie_rule"] == "tied with a_ranger; broken by higher impact"
    assert by.loc["a_ranger", "tie_rule"] == "tied with a_law; broken by higher impact"
    assert by.loc["a_joint", "tie_rule"] == "tied with a_ranger; broken by lower cost"
    assert by.loc["a_patrol", "tie_rule"] == "tied with a_joint; broken by higher feasibility"
    assert by.loc["a_fence", "tie_rule"] == ""
    assert by.loc["a_law", "strategy_rating"] == "Effective"
    assert by.loc["a_law", "cost"] == "high"
    assert by.loc["a_law", "driver"] == "governance"
    assert by.loc["a_joint", "rating_source"] == "catalogue default"
    assert "transboundary: factor not rated (no gap answers)" in by.loc["a_joint", "addresses"]
    talk = by.loc["a_talk"]
    assert talk["priority"] == "not rated"
    assert talk["note"] == "not ranked: none of transboundary is rated with enough evidence in KZ"


def test_exponents_change_the_priority(tmp_path):
    ratings, gaps = priority_data()
    config = ScoringConfig(resamples=20, strategy_exponent=2.0, need_exponent=0.5)
    result = assess(ratings, gaps, config=config, reference=reference())
    actions = catalogue(tmp_path, [("a_fence", "infrastructure", False, 4, 2, 1)])
    ranked = rank_actions(result, actions)
    # (2/4)^2 x (2/4)^0.5 = 0.25 x 0.70711 = 0.17678
    assert row(ranked, action="a_fence")["priority"] == pytest.approx(0.1768, abs=1e-4)


POPULATIONS = (
    ("saiga_ustyurt", "saiga", ("KZ", "UZ")),
    ("kulan_gobi", "kulan", ("MN", "CN")),
    ("argali_altai", "argali", ("RU", "MN")),
)


def regional_data():
    rows = []
    plan = [
        # KZ and UZ share saiga_ustyurt: poaching High and Very high on saiga -> raised
        ("KZ", "saiga", "poaching", 3),
        ("UZ", "saiga", "poaching", 4),
        # kulan: High in MN only (CN Low) -> not raised
        ("MN", "kulan", "infrastructure", 3),
        ("CN", "kulan", "infrastructure", 1),
        # argali High in KZ and MN, which share no argali population -> not raised
        ("KZ", "argali", "infrastructure", 3),
        ("MN", "argali", "infrastructure", 3),
        # pooled targets High in KZ and UZ: no species named -> not raised
        ("KZ", "pooled", "livestock", 4),
        ("UZ", "pooled", "livestock", 4),
    ]
    for country, target, threat, level in plan:
        for group in ("ngo", "government"):
            rows += rating_rows(country, target, threat, group, [level] * 3)
    return ratings_frame(rows)


def test_regional_rule_worked_example(tmp_path):
    ref = reference(POPULATIONS)
    result = assess(regional_data(), config=FAST, reference=ref)
    shared = shared_population_threats(result, ref)
    assert shared[["population", "threat", "countries"]].values.tolist() == [
        ["saiga_ustyurt", "poaching", "KZ;UZ"]
    ]
    assert shared["ratings"].iloc[0] == "KZ High 3.00; UZ Very high 4.00"
    actions = catalogue(
        tmp_path,
        [
            ("a_patrol", "poaching", False, 4, 3, 2),
            ("a_fence", "infrastructure", True, 4, 4, 2),
            ("a_grazing", "livestock", False, 3, 3, 1),
        ],
    )
    regional = regional_priorities(result, actions, ref)
    assert list(regional.columns) == list(REGIONAL_COLUMNS)
    patrol = row(regional, action="a_patrol")
    assert (patrol["rank"], patrol["countries"], patrol["populations"]) == (
        1,
        "KZ;UZ",
        "saiga_ustyurt",
    )
    # KZ: one High target -> summary Medium (2-prime: H = 1 -> Medium), level 2:
    # (3/4) x (2/4) = 0.375; UZ: one Very high target -> summary High, level 3:
    # (3/4) x (3/4) = 0.5625; regional priority = (0.375 + 0.5625) / 2 = 0.46875
    per_country = rank_actions(result, actions).set_index(["country", "action"])["priority"]
    assert per_country[("KZ", "a_patrol")] == pytest.approx(0.375)
    assert per_country[("UZ", "a_patrol")] == pytest.approx(0.5625)
    assert patrol["priority"] == pytest.approx(0.4688, abs=1e-4)
    assert "poaching on saiga (saiga_ustyurt): KZ High 3.00; UZ Very high 4.00" == patrol["basis"]
    for action in ("a_fence", "a_grazing"):
        other = row(regional, action=action)
        assert other["rank"] == "not ranked" and other["note"].startswith("not raised")


def test_regional_rule_is_false_without_populations(tmp_path):
    result = assess(regional_data(), config=FAST, reference=reference())
    actions = catalogue(tmp_path, [("a_patrol", "poaching", False, 4, 3, 2)])
    regional = regional_priorities(result, actions, reference())
    assert regional["rank"].tolist() == ["not ranked"]
    assert "no transboundary populations" in regional["note"].iloc[0]


STATES = ("KZ", "UZ", "TM", "KG", "TJ", "MN")


@st.composite
def states_sharing_no_population(draw):
    """States rating poaching High on saiga, and saiga populations none of which holds two
    of them (each population: at most one High state plus any states rating it Low)."""
    high = draw(st.lists(st.sampled_from(STATES), min_size=2, max_size=5, unique=True))
    low = [s for s in STATES if s not in high]
    populations = []
    for i in range(draw(st.integers(1, 4))):
        members = draw(st.lists(st.sampled_from(low), max_size=3, unique=True)) if low else []
        if draw(st.booleans()):
            members = [*members, draw(st.sampled_from(high))]
        if len(members) >= 2:
            populations.append((f"saiga_{i}", "saiga", tuple(members)))
    # and a population of another species holding all the High states
    populations.append(("kulan_all", "kulan", tuple(high)))
    return high, low, populations


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(states_sharing_no_population())
def test_regional_raise_is_false_for_high_threats_in_states_sharing_no_population(case):
    high, low, populations = case
    rows = []
    for state in high:
        for group in ("ngo", "government"):
            rows += rating_rows(state, "saiga", "poaching", group, [4, 4, 3])
            rows += rating_rows(state, "kulan", "poaching", group, [1, 1, 1])
    for state in low:
        for group in ("ngo", "government"):
            rows += rating_rows(state, "saiga", "poaching", group, [1, 1, 1])
    ref = reference(populations)
    result = assess(ratings_frame(rows), config=ScoringConfig(resamples=10), reference=ref)
    summary = result.threat_summary()
    # poaching is rated Very high on saiga, and High in summary, in every High state ...
    cells = result.threat_ratings()
    saiga = cells[(cells["target"] == "saiga") & cells["country"].isin(high)]
    assert (saiga["rating"] == "Very high").all() and not saiga["low_evidence"].any()
    poaching = summary[(summary["threat"] == "poaching") & summary["country"].isin(high)]
    assert (poaching["rating"] == "High").all()
    # ... and still nothing is raised
    assert shared_population_threats(result, ref).empty
    actions = load_actions()
    regional = regional_priorities(result, actions, ref)
    assert (regional["rank"] == "not ranked").all()


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
    # nobody ranked legislation, nobody rated a measure answering cooperation
    assert gaps.loc["legislation", "mean_rank"] == "not rated"
    assert "nobody ranked this need" in gaps.loc["legislation", "note"]
    assert gaps.loc["cooperation", "mean_effectiveness"] == "not rated"
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


def test_empty_inputs_give_empty_tables():
    result = assess(None, None, config=FAST)
    assert rank_actions(result, load_actions()).empty
    assert (regional_priorities(result, load_actions(), None)["rank"] == "not ranked").all()
    gaps = gap_analysis(pd.DataFrame(), pd.DataFrame())
    assert gaps.empty and list(gaps.columns) == list(GAP_COLUMNS)

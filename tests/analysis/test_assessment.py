import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.assessment import FACTOR_COLUMNS, RATING_COLUMNS, SUMMARY_COLUMNS, assess
from analysis.evidence import cell_evidence, factor_evidence, summary_evidence
from analysis.scoring import ScoringConfig
from analysis.tables import has_missing
from tests.analysis.factories import (
    gap_rows,
    gaps_frame,
    rating_rows,
    ratings_frame,
    reference,
)

FAST = ScoringConfig(resamples=200)
#: Low evidence depends on n by design; properties about the rating arithmetic fix it.
EVERY_CELL_COUNTS = ScoringConfig(resamples=30, min_n=1, min_groups=1, random_scenarios=0)


def row(frame, **keys):
    mask = np.ones(len(frame), dtype=bool)
    for key, value in keys.items():
        mask &= (frame[key] == value).to_numpy()
    assert mask.sum() == 1, keys
    return frame[mask].iloc[0]


def one_person_group_cell():
    # government: four respondents rating 1, 2, 2, 3; community: one respondent rating 4
    return ratings_frame(
        rating_rows("KZ", "saiga", "poaching", "government", [1, 2, 2, 3])
        + rating_rows("KZ", "saiga", "poaching", "community", [4])
    )


def test_group_balanced_mean_where_a_one_person_group_meets_a_larger_group():
    cells = assess(one_person_group_cell(), config=FAST, seed=1).threat_ratings()
    cell = row(cells, country="KZ", target="saiga", threat="poaching")
    # government (1 + 2 + 2 + 3) / 4 = 2; community 4 / 1 = 4; (2 + 4) / 2 groups = 3
    # (the respondents' plain mean (1 + 2 + 2 + 3 + 4) / 5 = 2.4 would be Medium)
    assert cell["rating_value"] == pytest.approx(3.0)
    # 2.5 <= 3 < 3.5
    assert cell["rating"] == "High"
    assert cell["n_respondents"] == 5 and cell["n_groups"] == 2
    # ratings 3 and 4 are High or Very high: 2 / 5
    assert cell["share_high"] == pytest.approx(0.4)
    # Tastle-Wierman of 1, 2, 2, 3, 4 (worked in test_scoring): 0.62061
    assert cell["agreement"] == pytest.approx(0.6206, abs=1e-4)
    assert not cell["low_evidence"]
    assert list(cells.columns) == list(RATING_COLUMNS)


def test_one_person_group_still_varies_in_the_bootstrap():
    cell = row(
        assess(one_person_group_cell(), config=FAST, seed=1).threat_ratings(),
        target="saiga",
    )
    # the community respondent is absent from about 1/e of the replicates: the mean then
    # falls to the government's alone (about 2), so the interval is not a point
    assert cell["ci_low"] < 3.0 - 0.5
    assert cell["ci_high"] >= 3.0


def test_interval_of_a_unanimous_cell_is_a_point():
    ratings = ratings_frame(
        rating_rows("KZ", "saiga", "poaching", "government", [3] * 6)
        + rating_rows("KZ", "saiga", "poaching", "ngo", [3] * 4)
        + rating_rows("KZ", "saiga", "climate", "ngo", [1, 4, 2, 2])
    )
    cell = row(assess(ratings, config=FAST).threat_ratings(), target="saiga", threat="poaching")
    assert cell["ci_low"] == cell["ci_high"] == pytest.approx(3.0)


def test_low_evidence_by_respondents_or_groups():
    ratings = ratings_frame(
        rating_rows("KZ", "saiga", "poaching", "ngo", [3] * 4)
        + rating_rows("KZ", "saiga", "poaching", "government", [3])
        + rating_rows("KZ", "argali", "poaching", "ngo", [2] * 9)
        + rating_rows("KZ", "kulan", "poaching", "ngo", [2, 3])
        + rating_rows("KZ", "kulan", "poaching", "government", [2, 3])
    )
    cells = assess(ratings, config=FAST).threat_ratings()
    saiga = row(cells, target="saiga")
    argali = row(cells, target="argali")
    kulan = row(cells, target="kulan")
    assert not saiga["low_evidence"]  # 5 respondents, 2 groups
    assert argali["low_evidence"] and "1 stakeholder group(s) < 2" in argali["note"]
    assert kulan["low_evidence"] and "4 respondent(s) < 5" in kulan["note"]


def test_incomplete_ratings_are_excluded_and_counted():
    ratings = ratings_frame(
        rating_rows("KZ", "saiga", "poaching", "ngo", [2, 2, None])
        + rating_rows("KZ", "saiga", "poaching", "government", [4, None, 0], start=3)
        + rating_rows("KZ", "argali", "poaching", "ngo", [None, None])
    )
    cells = assess(ratings, config=FAST).threat_ratings()
    saiga = row(cells, target="saiga")
    # ngo (2 + 2) / 2 = 2; government (4 + 0) / 2 = 2; (2 + 2) / 2 = 2
    assert saiga["rating_value"] == pytest.approx(2.0)
    assert saiga["n_respondents"] == 4 and saiga["n_incomplete"] == 2
    assert "2 incomplete rating(s) excluded" in saiga["note"]
    argali = row(cells, target="argali")
    assert argali["rating"] == argali["rating_value"] == "not rated"
    assert "nobody gave a complete rating (2 incomplete)" in argali["note"]


def summary_ratings():
    """KZ: poaching High on saiga and argali; climate one High on saiga; livestock Medium
    twice; infrastructure only low evidence. UZ: poaching Medium on saiga."""
    rows = []
    for group, start in (("ngo", 0), ("government", 3)):
        for target in ("saiga", "argali"):
            rows += rating_rows("KZ", target, "poaching", group, [3, 3, 3], start=start)
            rows += rating_rows("KZ", target, "livestock", group, [2, 2, 2], start=start)
        rows += rating_rows("KZ", "saiga", "climate", group, [3, 4, 3], start=start)
        rows += rating_rows("UZ", "saiga", "poaching", group, [2, 2, 2], start=start)
    rows += rating_rows("KZ", "saiga", "infrastructure", "ngo", [4, 4])
    return ratings_frame(rows)


def test_summary_rating_and_rank_with_the_tie_rule():
    result = assess(summary_ratings(), config=FAST, seed=2, reference=reference())
    summary = result.threat_summary()
    assert list(summary.columns) == list(SUMMARY_COLUMNS)
    poaching = row(summary, country="KZ", threat="poaching")
    climate = row(summary, country="KZ", threat="climate")
    livestock = row(summary, country="KZ", threat="livestock")
    # poaching: 2 High -> High (2-prime); climate: 1 High (3.33) -> Medium;
    # livestock: 2 Medium -> Medium
    assert (poaching["rating"], poaching["rank"]) == ("High", 1)
    assert climate["rating"] == livestock["rating"] == "Medium"
    # climate and livestock tie at Medium; climate's highest target rating_value 3.33 is
    # higher than livestock's 2: the tie rule puts climate second
    assert climate["rank"] == 2 and livestock["rank"] == 3
    assert (
        climate["tie_rule"] == "tied with livestock; broken by higher highest target rating_value"
    )
    assert livestock["tie_rule"].startswith("tied with climate")
    infrastructure = row(summary, country="KZ", threat="infrastructure")
    assert infrastructure["rank"] == "not ranked" and infrastructure["low_evidence"]
    assert "saiga: n=2" in infrastructure["note"]
    assert infrastructure["rating"] == "not rated"
    # every direct threat of the reference has a row in every country
    assert len(summary) == 2 * 4
    uz_climate = row(summary, country="UZ", threat="climate")
    assert "no respondent rated this threat" in uz_climate["note"]


def test_rank_intervals_and_probabilities_come_from_the_replicates():
    summary = assess(summary_ratings(), config=FAST, seed=2).threat_summary()
    kz = summary[(summary["country"] == "KZ") & ~summary["low_evidence"]]
    # every replicate ranks exactly one threat first
    assert kz["p_rank1"].astype(float).sum() == pytest.approx(1.0)
    assert kz["p_top3"].astype(float).between(0, 1).all()
    assert (kz["rank_low"].astype(int) <= kz["rank_high"].astype(int)).all()
    # livestock is Medium with highest value 2 in every replicate, climate at least Medium
    # with highest value >= 3: livestock is third in every replicate
    livestock = row(kz, threat="livestock")
    assert livestock["rank_low"] == livestock["rank_high"] == 3
    assert (livestock["p_rank1"], livestock["p_top3"]) == (0.0, 1.0)
    # poaching (two High targets) is High in every replicate; climate's one target is High
    # (summary Medium) or, where only its 4s are drawn, Very high (summary High), and then
    # it wins the tie on its highest value: the two share the first place
    poaching, climate = row(kz, threat="poaching"), row(kz, threat="climate")
    assert 0.5 < poaching["p_rank1"] < 1.0
    assert poaching["p_rank1"] + climate["p_rank1"] == pytest.approx(1.0)
    # UZ ranks one threat
    uz = row(summary, country="UZ", threat="poaching")
    assert (uz["rank"], uz["rank_low"], uz["rank_high"], uz["p_rank1"]) == (1, 1, 1, 1.0)


def test_mentions_are_shown_and_count_only_with_a_text_weight():
    mentions = pd.DataFrame(
        {"country": ["KZ"] * 2, "theme": ["livestock", "climate"], "mention_share": [1.0, 0.0]}
    )
    plain = assess(summary_ratings(), config=FAST, mentions=mentions).threat_summary()
    assert row(plain, country="KZ", threat="livestock")["mention_share"] == 1.0
    assert row(plain, country="KZ", threat="livestock")["country_value"] == 2.0
    assert row(plain, country="UZ", threat="poaching")["mention_share"] == "not rated"
    weighted = assess(
        summary_ratings(), config=ScoringConfig(resamples=50, text_weight=0.5), mentions=mentions
    ).threat_summary()
    # livestock: (1 - 0.5) x 2 + 0.5 x 4 x 1.0 = 3; climate: 0.5 x 2 + 0.5 x 4 x 0 = 1
    assert row(weighted, country="KZ", threat="livestock")["country_value"] == pytest.approx(3.0)
    assert row(weighted, country="KZ", threat="climate")["country_value"] == pytest.approx(1.0)
    assert row(weighted, country="KZ", threat="livestock")["rank"] == 1


def test_the_bootstrap_is_seeded_and_a_country_does_not_depend_on_others():
    ratings = summary_ratings()
    first = assess(ratings, config=FAST, seed=5).threat_ratings()
    again = assess(ratings, config=FAST, seed=5).threat_ratings()
    pd.testing.assert_frame_equal(first, again)
    kz_only = ratings[ratings["country"] == "KZ"]
    alone = assess(kz_only, config=FAST, seed=5).threat_ratings()
    pd.testing.assert_frame_equal(
        first[first["country"] == "KZ"].reset_index(drop=True), alone.reset_index(drop=True)
    )


def test_a_species_not_listed_for_the_range_state_is_noted():
    ratings = ratings_frame(
        rating_rows("KZ", "saiga", "poaching", "ngo", [3, 3])
        + rating_rows("KZ", "wild_yak", "poaching", "ngo", [3, 3])
        + rating_rows("KZ", "pooled", "poaching", "ngo", [3, 3])
    )
    ref = reference(ranges=[("saiga", "KZ"), ("wild_yak", "CN")])
    cells = assess(ratings, config=FAST, reference=ref).threat_ratings()
    assert "wild_yak is not listed for KZ" in row(cells, target="wild_yak")["note"]
    assert "not listed" not in row(cells, target="saiga")["note"]
    assert "not listed" not in row(cells, target="pooled")["note"]


def test_ratings_of_contributing_factors_are_not_used_as_threats():
    ratings = ratings_frame(
        rating_rows("KZ", "pooled", "poaching", "ngo", [3] * 5)
        + rating_rows("KZ", "pooled", "governance", "ngo", [4] * 5)
    )
    cells = assess(ratings, config=FAST, reference=reference()).threat_ratings()
    assert set(cells["threat"]) == {"poaching"}


def factor_data():
    rows = (
        # ngo: respondent 0 answers two governance items 4 and 3 -> 3.5; respondent 1 says
        # "don't know" to one item and 2 to the other -> 2
        gap_rows("KZ", "governance", "ngo", [4, None], item="gap_enforcement")
        + gap_rows("KZ", "governance", "ngo", [3, 2], item="gap_funding")
        # government: 1, 1, 4 on one item
        + gap_rows("KZ", "governance", "government", [1, 1, 4], item="gap_enforcement")
        + gap_rows("KZ", "science", "ngo", [None, None], item="gap_monitoring")
    )
    return gaps_frame(rows)


def test_factor_gap_worked_example():
    gaps = assess(None, factor_data(), config=FAST, reference=reference()).factor_gaps()
    assert list(gaps.columns) == list(FACTOR_COLUMNS)
    governance = row(gaps, country="KZ", factor="governance")
    # ngo: (3.5 + 2) / 2 = 2.75; government: (1 + 1 + 4) / 3 = 2; (2.75 + 2) / 2 = 2.375
    assert governance["gap"] == pytest.approx(2.375)
    assert governance["n_respondents"] == 5 and governance["n_groups"] == 2
    assert not governance["low_evidence"]
    assert governance["ci_low"] < 2.375 < governance["ci_high"]
    science = row(gaps, country="KZ", factor="science")
    assert science["gap"] == "not rated" and "nobody answered" in science["note"]
    # every factor of the reference has a row
    assert set(gaps["factor"]) == {"governance", "community", "science", "transboundary"}


def test_evidence_reproduces_a_cell_a_summary_and_a_factor_gap():
    ratings = summary_ratings()
    result = assess(ratings, config=FAST, reference=reference())
    cells = result.threat_ratings()
    evidence = cell_evidence(ratings, "KZ", "saiga", "climate")
    cell = row(cells, country="KZ", target="saiga", threat="climate")
    assert evidence.value == pytest.approx(cell["rating_value"], abs=1e-4)
    assert evidence.label == cell["rating"] == "High"
    assert list(evidence.groups["mean"]) == pytest.approx([10 / 3, 10 / 3])
    assert "government: (3 + 4 + 3) / 3 = 3.3333" in evidence.steps
    assert evidence.steps[-1] == "label: cut_high 2.5 <= 3.3333 < cut_very_high 3.5 -> High"
    assert len(evidence.respondents) == 6

    summary = summary_evidence(cells, "KZ", "poaching")
    assert summary.label == row(result.threat_summary(), country="KZ", threat="poaching")["rating"]
    assert summary.steps[0] == "target ratings counted: argali High, saiga High"
    assert summary.steps[-1] == "2-prime rule: High 2 >= 2 -> High"
    not_counted = summary_evidence(cells, "KZ", "infrastructure")
    assert not_counted.label == "not rated" and not bool(not_counted.targets["counted"].any())

    gaps = factor_data()
    factor = factor_evidence(gaps, "KZ", "governance")
    assert factor.value == pytest.approx(2.375)
    assert "ngo: (3.5 + 2) / 2 = 2.75" in factor.steps


def test_a_ratings_frame_of_the_old_shape_is_rejected():
    old = pd.DataFrame({"response_id": ["r1"], "country": ["KZ"], "theme": ["poaching"]})
    with pytest.raises(ValueError, match="target, threat, present"):
        assess(old, config=FAST)


def test_no_ratings_at_all_give_empty_tables_with_columns():
    result = assess(None, None, config=FAST)
    for table, columns in (
        (result.threat_ratings(), RATING_COLUMNS),
        (result.threat_summary(), SUMMARY_COLUMNS),
        (result.factor_gaps(), FACTOR_COLUMNS),
    ):
        assert table.empty and list(table.columns) == list(columns)


# --------------------------------------------------------------------------- properties

LEVELS = st.one_of(st.integers(0, 4), st.none())


@st.composite
def rating_data(draw):
    """Respondents in two countries and three groups rating up to three targets and two
    threats each (None = incomplete)."""
    n = draw(st.integers(1, 14))
    rows = []
    for i in range(n):
        country = draw(st.sampled_from(["KZ", "UZ"]))
        group = draw(st.sampled_from(["ngo", "government", "community"]))
        targets = draw(
            st.lists(
                st.sampled_from(["saiga", "argali", "pooled"]), min_size=1, max_size=3, unique=True
            )
        )
        for target in targets:
            for threat in ("poaching", "climate"):
                level = draw(LEVELS)
                rows += rating_rows(country, target, threat, group, [level], start=i, prefix="r")
    return ratings_frame(rows)


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(rating_data())
def test_duplicating_every_respondent_changes_no_label_and_no_rank(ratings):
    twice = pd.concat(
        [ratings, ratings.assign(response_id=ratings["response_id"] + "-copy")], ignore_index=True
    )
    one = assess(ratings, config=EVERY_CELL_COUNTS)
    two = assess(twice, config=EVERY_CELL_COUNTS)
    keys = ["country", "target", "threat"]
    pd.testing.assert_series_equal(
        one.threat_ratings().set_index(keys)["rating"],
        two.threat_ratings().set_index(keys)["rating"],
    )
    for column in ("rating", "rank"):
        pd.testing.assert_series_equal(
            one.threat_summary().set_index(["country", "threat"])[column],
            two.threat_summary().set_index(["country", "threat"])[column],
        )


@PROPERTY
@given(rating_data(), st.data())
def test_a_respondent_rating_no_higher_than_anyone_never_raises_the_label(ratings, data):
    before = assess(ratings, config=EVERY_CELL_COUNTS)
    rated = before.cells[before.cells["n_respondents"] > 0]
    if rated.empty:
        return
    cell = rated.iloc[data.draw(st.integers(0, len(rated) - 1))]
    obs = ratings[
        (ratings["country"] == cell["country"])
        & (ratings["target"] == cell["target"])
        & (ratings["threat"] == cell["threat"])
    ]
    # the cell's rating values: 0 for "not present", the level otherwise; incomplete
    # answers (severity missing) have none
    complete = ~obs["present"].astype(bool) | obs["severity"].notna()
    values = np.where(obs["present"].astype(bool), obs["scope"].fillna(0), 0)[complete]
    lowest = int(values.min())
    level = data.draw(st.integers(0, lowest))
    group = data.draw(st.sampled_from(["ngo", "government", "community", "research"]))
    extra = ratings_frame(
        rating_rows(cell["country"], cell["target"], cell["threat"], group, [level], prefix="new")
    )
    after = assess(pd.concat([ratings, extra], ignore_index=True), config=EVERY_CELL_COUNTS)
    keys = ["country", "target", "threat"]
    level_before = before.cells.set_index(keys)["level"]
    level_after = after.cells.set_index(keys)["level"].reindex(level_before.index)
    assert (level_after <= level_before).all()
    summary_keys = ["country", "threat"]
    summary_before = before.summary.set_index(summary_keys)["level"].fillna(-1)
    summary_after = after.summary.set_index(summary_keys)["level"].fillna(-1)
    assert (summary_after.reindex(summary_before.index) <= summary_before).all()


@PROPERTY
@given(rating_data())
def test_an_interval_has_zero_width_only_when_all_ratings_are_equal(ratings):
    result = assess(ratings, config=ScoringConfig(resamples=200, min_n=1, min_groups=1))
    cells = result.cells[result.cells["n_respondents"] > 0]
    for cell in cells.itertuples(index=False):
        mask = (
            (ratings["country"] == cell.country)
            & (ratings["target"] == cell.target)
            & (ratings["threat"] == cell.threat)
        )
        part = ratings[mask]
        complete = ~part["present"].astype(bool) | part["severity"].notna()
        values = np.where(part["present"].astype(bool), part["scope"].fillna(0), 0)[complete]
        all_equal = len(set(values.tolist())) == 1
        zero_width = cell.ci_low == cell.ci_high
        assert zero_width == all_equal, (cell, values)


@PROPERTY
@given(rating_data())
def test_output_tables_of_the_assessment_hold_no_missing_value(ratings):
    result = assess(ratings, config=ScoringConfig(resamples=20))
    for table in (result.threat_ratings(), result.threat_summary(), result.factor_gaps()):
        assert has_missing(table) == []

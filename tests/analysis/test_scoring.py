import numpy as np
import pandas as pd
import pytest

from analysis.scoring import (
    THREAT_SCORE_COLUMNS,
    ScoringConfig,
    magnitude,
    mention_shares,
    rate_responses,
    threat_rating,
    threat_scores,
    two_prime,
)

LEVEL = {"L": 1, "M": 2, "H": 3, "VH": 4}

# The two tables as printed by Miradi ("Threat-Target Ratings"), highest level first.
# Magnitude: rows severity, columns scope (Very high, High, Medium, Low).
PUBLISHED_MAGNITUDE = {
    "VH": "VH H M L",
    "H": "H H M L",
    "M": "M M M L",
    "L": "L L L L",
}
# Threat rating: rows magnitude, columns irreversibility (Very high, High, Medium, Low).
PUBLISHED_RATING = {
    "VH": "VH VH VH H",
    "H": "VH H H M",
    "M": "H M M L",
    "L": "M L L L",
}
COLUMN_ORDER = ("VH", "H", "M", "L")


def published_cells(table):
    cells_out = []
    for row, cells in table.items():
        for column, cell in zip(COLUMN_ORDER, cells.split(), strict=True):
            cells_out.append((LEVEL[row], LEVEL[column], LEVEL[cell]))
    return cells_out


@pytest.mark.parametrize(("severity", "scope", "expected"), published_cells(PUBLISHED_MAGNITUDE))
def test_magnitude_follows_published_scope_severity_table(severity, scope, expected):
    assert magnitude(scope, severity) == expected


@pytest.mark.parametrize(("mag", "irreversibility", "expected"), published_cells(PUBLISHED_RATING))
def test_rating_follows_published_magnitude_irreversibility_table(mag, irreversibility, expected):
    # scope = severity = mag gives exactly that magnitude
    assert threat_rating(mag, mag, irreversibility) == expected


def test_published_tables_agree_with_the_design_rule():
    for scope in range(1, 5):
        for severity in range(1, 5):
            mag = min(scope, severity)
            for irreversibility in range(1, 5):
                step = {4: 1, 1: -1}.get(irreversibility, 0)
                expected = min(4, max(1, mag + step))
                assert threat_rating(scope, severity, irreversibility) == expected


@pytest.mark.parametrize("levels", [(0, 3, 3), (3, 0, 3), (3, 3, 0), (0, 0, 0)])
def test_any_criterion_at_none_gives_none(levels):
    assert threat_rating(*levels) == 0


def test_level_out_of_range_is_rejected():
    with pytest.raises(ValueError):
        threat_rating(5, 1, 1)


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([4, 4], 4),
        ([4, 4, 1], 4),
        ([4], 3),
        ([4, 1, 1], 3),
        ([3, 3], 3),
        ([3, 3, 3, 3, 3], 3),
        ([3], 2),
        ([3, 1, 1], 2),
        ([2, 2], 2),
        ([2], 1),
        ([1, 1, 1, 1, 1, 1, 1, 1], 1),
        ([1], 1),
        ([0, 0], 0),
        ([], 0),
        ([4, None, 4], 4),
    ],
)
def test_two_prime_rule(ratings, expected):
    assert two_prime(ratings) == expected


def rating_rows(country, theme, group, levels, *, start=0, present=True, trend=None):
    """Rows whose scope = severity = irreversibility = level, so the rating is the level."""
    rows = []
    for i, level in enumerate(levels):
        rows.append(
            {
                "response_id": f"{country}-{group}-{start + i}",
                "country": country,
                "group": group,
                "theme": theme,
                "present": present,
                "scope": level,
                "severity": level,
                "irreversibility": 3 if level == 4 else (2 if level == 1 else level),
                "trend": trend,
                "link": "",
            }
        )
    return rows


def frame(rows):
    df = pd.DataFrame(rows)
    for column in ("scope", "severity", "irreversibility"):
        df[column] = df[column].astype("Int64")
    return df


def cell(scores, country, theme):
    row = scores[(scores["country"] == country) & (scores["theme"] == theme)]
    assert len(row) == 1
    return row.iloc[0]


def test_rate_responses_gives_none_for_absent_and_na_for_unrated():
    ratings = frame(
        [
            *rating_rows("KZ", "poaching", "ngo", [3]),
            *rating_rows("KZ", "poaching", "ngo", [None], start=1),
            *rating_rows("KZ", "poaching", "ngo", [None], start=2, present=False),
        ]
    )
    rated = rate_responses(ratings)
    assert rated["rating"].iloc[0] == 3
    assert pd.isna(rated["rating"].iloc[1])
    assert rated["rating"].iloc[2] == 0


def test_mean_rating_balances_stakeholder_groups():
    ratings = frame(
        rating_rows("KZ", "poaching", "government", [4] * 30)
        + rating_rows("KZ", "poaching", "community", [1] * 3)
    )
    row = cell(threat_scores(ratings), "KZ", "poaching")
    # (4 + 1) / 2, not the respondent mean (30*4 + 3*1) / 33
    assert row["mean_rating"] == pytest.approx(2.5)
    assert row["n_rated"] == 33
    assert row["n_groups"] == 2


def test_counts_and_share_reporting():
    ratings = frame(
        rating_rows("MN", "livestock", "community", [2, 3])
        + rating_rows("MN", "livestock", "community", [None], start=2)
        + rating_rows("MN", "livestock", "ngo", [None, None], start=3, present=False)
    )
    row = cell(threat_scores(ratings), "MN", "livestock")
    assert row["n_respondents"] == 5
    assert row["n_reporting"] == 3
    assert row["share_reporting"] == pytest.approx(0.6)
    assert row["n_rated"] == 2
    assert row["mean_rating"] == pytest.approx(2.5)
    assert row["n_groups"] == 1


def test_agreement_is_share_at_the_modal_rating():
    ratings = frame(rating_rows("KZ", "climate", "ngo", [3, 3, 3, 1]))
    assert cell(threat_scores(ratings), "KZ", "climate")["agreement"] == pytest.approx(0.75)


def test_rollup_uses_two_prime_over_respondents():
    ratings = frame(rating_rows("KZ", "climate", "ngo", [4, 2, 2, 1]))
    row = cell(threat_scores(ratings), "KZ", "climate")
    assert row["rollup_2prime"] == 3
    assert row["rollup_label"] == "High"


def mixed_ratings():
    rng = np.random.default_rng(7)
    rows = []
    for group in ("government", "ngo", "community"):
        rows += rating_rows("UZ", "poaching", group, list(rng.integers(1, 5, 12)), start=0)
    return frame(rows)


def test_bootstrap_interval_is_reproducible_for_a_seed():
    ratings = mixed_ratings()
    first = threat_scores(ratings, seed=3)
    second = threat_scores(ratings, seed=3)
    pd.testing.assert_frame_equal(first, second)
    row = cell(first, "UZ", "poaching")
    assert row["ci_low"] < row["mean_rating"] < row["ci_high"]
    other = cell(threat_scores(ratings, seed=4), "UZ", "poaching")
    assert (other["ci_low"], other["ci_high"]) != (row["ci_low"], row["ci_high"])


def test_bootstrap_interval_of_unanimous_groups_is_a_point():
    ratings = frame(
        rating_rows("KZ", "poaching", "government", [4] * 6)
        + rating_rows("KZ", "poaching", "ngo", [2] * 4)
    )
    row = cell(threat_scores(ratings), "KZ", "poaching")
    assert row["ci_low"] == row["ci_high"] == pytest.approx(3.0)


def test_low_evidence_cells_are_flagged_not_dropped():
    ratings = frame(
        rating_rows("KZ", "poaching", "ngo", [3] * 4) + rating_rows("KZ", "climate", "ngo", [2] * 5)
    )
    scores = threat_scores(ratings, config=ScoringConfig(min_n=5))
    assert bool(cell(scores, "KZ", "poaching")["low_evidence"])
    assert not bool(cell(scores, "KZ", "climate")["low_evidence"])
    # every theme of the country is listed, even those nobody answered
    assert len(scores) == 8
    assert cell(scores, "KZ", "governance")["n_respondents"] == 0


def test_trend_is_modal_with_ties_to_the_worse_trend():
    ratings = frame(
        rating_rows("KZ", "poaching", "ngo", [3, 3], trend="increasing")
        + rating_rows("KZ", "poaching", "ngo", [3, 3], start=2, trend="stable")
        + rating_rows("KZ", "poaching", "ngo", [3], start=4, trend="unknown")
        + rating_rows("KZ", "climate", "ngo", [2, 2, 2], trend="decreasing")
        + rating_rows("KZ", "climate", "ngo", [2], start=3, trend="stable")
    )
    scores = threat_scores(ratings)
    poaching = cell(scores, "KZ", "poaching")
    assert poaching["trend"] == "increasing"
    assert poaching["trend_stable"] == pytest.approx(0.4)
    assert poaching["trend_unknown"] == pytest.approx(0.2)
    assert cell(scores, "KZ", "climate")["trend"] == "decreasing"


def test_mention_shares_per_source_and_combined():
    texts = pd.DataFrame(
        {
            "id": ["s1", "s2", "s3", "s4", "i1"],
            "country": ["KZ", "KZ", "KZ", "KZ", "KZ"],
            "source": ["survey", "survey", "survey", "survey", "interview"],
            "tags": ["", "", "poaching", "", "poaching; climate"],
            "themes": ["poaching", "climate", "poaching", "", ""],
        }
    )
    shares = mention_shares(texts).set_index("theme")
    assert shares.loc["poaching", "mention_share_survey"] == pytest.approx(0.5)
    assert shares.loc["poaching", "mention_share_interview"] == pytest.approx(1.0)
    assert shares.loc["poaching", "mention_share"] == pytest.approx(0.6)
    assert shares.loc["climate", "mention_share"] == pytest.approx(0.4)
    assert shares.loc["science", "mention_share"] == 0
    assert shares.loc["science", "n_texts"] == 5


def test_score_is_weighted_mean_of_available_components():
    config = ScoringConfig(rating_weight=0.5, reporting_weight=0.3, mention_weight=0.2)
    ratings = frame(
        rating_rows("KZ", "poaching", "ngo", [2, 2])
        + rating_rows("KZ", "poaching", "ngo", [None, None], start=2, present=False)
    )
    texts = pd.DataFrame(
        {
            "country": ["KZ"] * 4,
            "source": ["survey"] * 4,
            "tags": ["poaching", "", "", ""],
        }
    )
    with_texts = cell(threat_scores(ratings, texts, config=config), "KZ", "poaching")
    # 0.5 * 2/4 + 0.3 * 0.5 + 0.2 * 0.25
    assert with_texts["score"] == pytest.approx(0.45)
    without = cell(threat_scores(ratings, config=config), "KZ", "poaching")
    # no texts: the mention weight drops out, (0.25 + 0.15) / 0.8
    assert without["score"] == pytest.approx(0.5)


def test_rank_orders_themes_within_each_country():
    ratings = frame(
        rating_rows("KZ", "poaching", "ngo", [4, 4])
        + rating_rows("KZ", "climate", "ngo", [2, 2])
        + rating_rows("MN", "climate", "ngo", [3, 3])
    )
    scores = threat_scores(ratings)
    assert cell(scores, "KZ", "poaching")["rank"] == 1
    assert cell(scores, "KZ", "climate")["rank"] == 2
    assert cell(scores, "MN", "climate")["rank"] == 1
    assert sorted(scores.loc[scores["country"] == "KZ", "rank"]) == list(range(1, 9))


def test_resubmitted_rating_counts_once():
    rows = rating_rows("KZ", "poaching", "ngo", [1]) + rating_rows("KZ", "poaching", "ngo", [4])
    row = cell(threat_scores(frame(rows)), "KZ", "poaching")
    assert row["n_respondents"] == 1
    assert row["mean_rating"] == 4


def test_empty_ratings_and_texts_give_empty_table_with_columns():
    scores = threat_scores(pd.DataFrame(), None)
    assert scores.empty
    assert list(scores.columns) == list(THREAT_SCORE_COLUMNS)


def test_texts_alone_give_rows_with_mention_shares():
    texts = pd.DataFrame({"country": ["TJ"], "source": ["interview"], "tags": ["poaching"]})
    row = cell(threat_scores(pd.DataFrame(), texts), "TJ", "poaching")
    assert row["n_respondents"] == 0
    assert row["mention_share_interview"] == 1
    assert row["score"] == 1
    assert bool(row["low_evidence"])


def test_config_loads_weights_from_toml(tmp_path):
    path = tmp_path / "scoring.toml"
    path.write_text("[threat_score]\nrating_weight = 0.7\nmin_n = 9\n", encoding="utf-8")
    config = ScoringConfig.load(path)
    assert config.rating_weight == 0.7
    assert config.min_n == 9
    assert config.reporting_weight == ScoringConfig().reporting_weight
    table = config.as_table().set_index("setting")
    assert table.loc["rating_weight", "value"] == "0.7"
    assert table.loc["rating_weight", "section"] == "threat_score"
    assert table["meaning"].str.len().min() > 0


def test_config_rejects_unknown_setting(tmp_path):
    path = tmp_path / "scoring.toml"
    path.write_text("[threat_score]\nrating_wieght = 0.7\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rating_wieght"):
        ScoringConfig.load(path)


def test_shipped_config_loads():
    config = ScoringConfig.load()
    assert config.rating_weight + config.reporting_weight + config.mention_weight > 0
    assert len(config.as_table()) == 16

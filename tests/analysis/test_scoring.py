import numpy as np
import pandas as pd
import pytest

from analysis.scoring import (
    ScoringConfig,
    magnitude,
    mention_shares,
    rate_responses,
    rating_label,
    rating_levels,
    summary_rating,
    summary_steps,
    tastle_wierman,
    threat_rating,
    three_five_seven,
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


def test_one_respondents_rating_worked_example():
    # scope High (3), severity Very high (4): magnitude = min(3, 4) = 3 (High);
    # irreversibility Low (1) lowers the magnitude one level: High -> Medium = 2.
    assert magnitude(3, 4) == 3
    assert threat_rating(3, 4, 1) == 2
    # the same with irreversibility Very high raises it one level: High -> Very high = 4
    assert threat_rating(3, 4, 4) == 4


def test_rate_responses_gives_zero_for_absent_and_na_for_incomplete():
    ratings = pd.DataFrame(
        {
            "present": [True, True, False, pd.NA],
            "scope": pd.array([3, 3, pd.NA, pd.NA], dtype="Int64"),
            "severity": pd.array([4, pd.NA, pd.NA, pd.NA], dtype="Int64"),
            "irreversibility": pd.array([1, 2, pd.NA, pd.NA], dtype="Int64"),
        }
    )
    rated = rate_responses(ratings)
    # row 0: the worked example above; row 1: severity missing -> excluded, "incomplete";
    # row 2: rated the target, threat not present -> 0; row 3: nothing said -> excluded
    assert rated["rating_value"].iloc[0] == 2
    assert rated["magnitude"].iloc[0] == 3
    assert pd.isna(rated["rating_value"].iloc[1])
    assert rated["rating_value"].iloc[2] == 0
    assert pd.isna(rated["rating_value"].iloc[3])
    assert rated["status"].tolist() == ["rated", "incomplete", "not present", "not answered"]


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0.0, "None"),
        (0.49, "None"),
        (0.5, "Low"),
        (1.4999, "Low"),
        (1.5, "Medium"),
        (2.4, "Medium"),
        (2.5, "High"),
        (3.0, "High"),
        (3.5, "Very high"),
        (4.0, "Very high"),
    ],
)
def test_labels_follow_the_stated_cut_points(value, label):
    # None < 0.5 <= Low < 1.5 <= Medium < 2.5 <= High < 3.5 <= Very high
    assert rating_label(value) == label


def test_value_exactly_on_a_cut_point_survives_floating_point_noise():
    # (7/3 + 8/3) / 2 is 2.5 exactly in arithmetic; in floating point it may be a hair off
    value = (7 / 3 + 8 / 3) / 2
    assert rating_label(value) == "High"
    assert rating_label(2.5 - 1e-12) == "High"


def test_rating_levels_take_a_row_of_cut_points_each():
    values = np.array([[2.0, 3.0], [2.0, 3.0]])
    cuts = np.array([[0.5, 1.5, 2.5, 3.5], [0.5, 1.5, 1.875, 3.5]])
    assert rating_levels(values, cuts).tolist() == [[2, 3], [3, 3]]
    assert rating_levels(np.array([np.nan]), (0.5, 1.5, 2.5, 3.5)).tolist() == [-1]


L, M, H, VH = 1, 2, 3, 4


@pytest.mark.parametrize(
    ("levels", "expected", "arithmetic"),
    [
        ([H, H, H, VH], VH, "3 High carry 1 Very high: VH 2 >= 2 -> Very high"),
        ([H] * 6, VH, "6 High carry 2 Very high: VH 2 >= 2 -> Very high"),
        ([H] * 5, H, "5 High carry 1 Very high: VH = 1 -> High"),
        ([H, H], H, "H 2 >= 2 -> High"),
        ([H], M, "H = 1 -> Medium"),
        ([L] * 7, L, "7 Low carry 1 Medium: M = 1 only, any M or L -> Low"),
        ([L] * 14, M, "14 Low carry 2 Medium: M 2 >= 2 -> Medium"),
        ([M] * 5, M, "5 Medium carry 1 High: H = 1 -> Medium"),
        ([M] * 10, H, "10 Medium carry 2 High: H 2 >= 2 -> High"),
        ([M] * 25, H, "25 Medium carry 5 High, which carry 1 Very high: VH = 1 -> High"),
        ([M] * 5 + [L] * 7, M, "7 Low -> 1 Medium, 6 Medium -> 1 High: H = 1 -> Medium"),
        ([VH], H, "VH = 1 -> High"),
        ([VH, VH], VH, "VH 2 >= 2 -> Very high"),
        ([M, L, L], L, "no High and M 1 < 2, so any M or L -> Low"),
        ([0, 0], 0, "nothing above None -> None"),
        ([], 0, "no targets -> None"),
    ],
)
def test_summary_rating_three_five_seven_then_two_prime(levels, expected, arithmetic):
    assert summary_rating(levels) == expected, arithmetic


def test_three_five_seven_carries_upward_in_order():
    # counts Low, Medium, High, Very high
    assert three_five_seven(np.array([7, 4, 2, 0])).tolist() == [7, 5, 3, 1]
    assert two_prime(np.array([0, 0, 0, 2])) == 4
    assert two_prime(np.array([[0, 0, 2, 0], [0, 2, 0, 0]])).tolist() == [3, 2]


def test_summary_steps_write_out_the_arithmetic():
    steps = summary_steps([H, H, H, VH])
    assert steps[0] == "counts: Low 0, Medium 0, High 3, Very high 1"
    assert "3 x High = 1 Very high" in steps[3]
    assert steps[-1] == "2-prime rule: Very high 2 >= 2 -> Very high"


def test_tastle_wierman_worked_examples():
    # all the same, or one respondent: consensus 1
    assert tastle_wierman([3, 3, 3]) == pytest.approx(1.0)
    assert tastle_wierman([2]) == pytest.approx(1.0)
    # half at each end of the 0..4 scale: mean 2, |x - 2| / 4 = 0.5, log2(0.5) = -1,
    # 1 + 0.5 x (-1) + 0.5 x (-1) = 0
    assert tastle_wierman([0, 4]) == pytest.approx(0.0)
    # 2, 2, 3, 3: mean 2.5; |x - 2.5| / 4 = 0.125; 1 + log2(0.875) = 1 - 0.19265 = 0.80735
    assert tastle_wierman([2, 2, 3, 3]) == pytest.approx(0.807355, abs=1e-6)
    # 1, 2, 2, 3, 4: p = .2, .4, .2, .2; mean 2.4;
    # 1 + .2 log2(1 - 1.4/4) + .4 log2(1 - .4/4) + .2 log2(1 - .6/4) + .2 log2(1 - 1.6/4)
    # = 1 + .2(-0.62149) + .4(-0.15200) + .2(-0.23447) + .2(-0.73697) = 0.62061
    assert tastle_wierman([1, 2, 2, 3, 4]) == pytest.approx(0.62061, abs=1e-5)
    assert np.isnan(tastle_wierman([]))


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


def test_reviewed_tags_take_precedence_over_machine_themes():
    texts = pd.DataFrame(
        {
            "country": ["KZ", "KZ"],
            "source": ["survey", "survey"],
            # a person tagged the first text climate; the machine said poaching
            "tags": ["climate", ""],
            "themes": ["poaching", "poaching"],
        }
    )
    shares = mention_shares(texts).set_index("theme")
    assert shares.loc["poaching", "mention_share"] == pytest.approx(0.5)
    assert shares.loc["climate", "mention_share"] == pytest.approx(0.5)


def test_a_text_reviewed_as_having_no_theme_mentions_nothing():
    texts = pd.DataFrame(
        {
            "country": ["KZ", "KZ", "KZ", "KZ"],
            "source": ["survey", "survey", "survey", "interview"],
            # a coder decided the first text has no theme; the second is not reviewed
            "tags": ["", "", "climate", "poaching"],
            "themes": ["poaching", "poaching", "poaching", ""],
            "reviewed": [True, False, True, None],
        }
    )
    shares = mention_shares(texts).set_index("theme")
    # poaching: the unreviewed survey text and the interview note -> 2 of 4
    assert shares.loc["poaching", "mention_share"] == pytest.approx(0.5)
    assert shares.loc["poaching", "mention_share_survey"] == pytest.approx(1 / 3)
    assert shares.loc["climate", "mention_share"] == pytest.approx(0.25)
    assert shares.loc["climate", "n_texts"] == 4
    without_marker = mention_shares(texts.drop(columns="reviewed")).set_index("theme")
    assert without_marker.loc["poaching", "mention_share"] == pytest.approx(0.75)


def test_config_loads_settings_from_toml(tmp_path):
    path = tmp_path / "scoring.toml"
    path.write_text("[rating]\ncut_high = 2.6\nmin_n = 9\n", encoding="utf-8")
    config = ScoringConfig.load(path)
    assert config.cut_high == 2.6
    assert config.min_n == 9
    assert config.min_groups == ScoringConfig().min_groups
    table = config.as_table().set_index("setting")
    assert table.loc["cut_high", "value"] == "2.6"
    assert table.loc["cut_high", "section"] == "rating"
    assert table["meaning"].str.len().min() > 0


def test_config_rejects_unknown_setting_and_section(tmp_path):
    path = tmp_path / "scoring.toml"
    path.write_text("[rating]\ncut_hihg = 2.6\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cut_hihg"):
        ScoringConfig.load(path)
    path.write_text("[threat_score]\nrating_weight = 0.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="threat_score"):
        ScoringConfig.load(path)


def test_config_rejects_cut_points_out_of_order():
    with pytest.raises(ValueError, match="cut-points"):
        ScoringConfig(cut_medium=2.6)


def test_shipped_config_loads_with_the_stated_defaults():
    config = ScoringConfig.load()
    assert config == ScoringConfig()
    assert config.cuts == (0.5, 1.5, 2.5, 3.5)
    assert (config.min_n, config.min_groups) == (5, 2)
    assert (config.resamples, config.interval) == (1000, 0.90)
    assert config.text_weight == 0
    assert len(config.as_table()) == 19

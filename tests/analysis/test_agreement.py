"""Agreement measures against examples worked by hand and one from the literature."""

import math

import pytest

from analysis.agreement import (
    AGREEMENT_COLUMNS,
    ONE_CATEGORY,
    coder_agreement,
    cohen_kappa,
    in_sample,
    krippendorff_alpha_nominal,
)


def test_cohen_kappa_of_a_two_by_two_table_worked_by_hand():
    # A says yes to units 1 and 2, B to unit 1 only: agree on 3 of 4, p_o = 0.75.
    # p(yes) is 0.5 for A and 0.25 for B: p_e = 0.5·0.25 + 0.5·0.75 = 0.5.
    # kappa = (0.75 − 0.5) / (1 − 0.5) = 0.5.
    assert cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx(0.5)


def test_cohen_kappa_of_three_categories_worked_by_hand():
    # 6 units. A: a a b b c c; B: a b b b c a. Agree on units 1, 3, 4, 5: p_o = 4/6.
    # A: a 2, b 2, c 2; B: a 2, b 3, c 1; p_e = (2·2 + 2·3 + 2·1) / 36 = 12/36 = 1/3.
    # kappa = (2/3 − 1/3) / (2/3) = 0.5.
    assert cohen_kappa(list("aabbcc"), list("abbbca")) == pytest.approx(0.5)


def test_cohen_kappa_is_one_for_perfect_and_negative_for_opposite_coders():
    assert cohen_kappa([1, 0, 1, 0], [1, 0, 1, 0]) == pytest.approx(1.0)
    assert cohen_kappa([1, 0, 1, 0], [0, 1, 0, 1]) == pytest.approx(-1.0)


def test_cohen_kappa_is_undefined_with_one_category_or_no_units():
    assert math.isnan(cohen_kappa([0, 0, 0], [0, 0, 0]))
    assert math.isnan(cohen_kappa([], []))
    with pytest.raises(ValueError):
        cohen_kappa([1], [1, 0])


def test_krippendorff_alpha_of_a_two_by_two_table_worked_by_hand():
    # Same data as the kappa example. Coincidences (each unit's ordered pairs, weight
    # 1/(2−1)): (1,1) 2; (1,0) 1; (0,1) 1; (0,0) 4. n_1 = 3, n_0 = 5, n = 8.
    # alpha = 1 − (n − 1)·(o_10 + o_01) / (n_1·n_0 + n_0·n_1) = 1 − 7·2/30 = 16/30.
    units = [(1, 1), (1, 0), (0, 0), (0, 0)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(16 / 30)


def test_krippendorff_alpha_matches_the_published_nominal_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C:
    # four observers, twelve units, missing values; nominal alpha = 0.743.
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    c = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    units = list(zip(a, b, c, d, strict=True))
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=0.0005)


def test_krippendorff_alpha_leaves_out_units_with_one_value_and_is_undefined_for_one_category():
    assert krippendorff_alpha_nominal([(1, 1), (0, 0), (1, None)]) == pytest.approx(1.0)
    assert math.isnan(krippendorff_alpha_nominal([(1, 1), (1, 1)]))
    assert math.isnan(krippendorff_alpha_nominal([(1, None)]))


def test_coder_agreement_per_theme_and_pooled_worked_by_hand():
    # Four texts, two themes. poaching: first {1, 2}, second {1} -> the 2x2 example above
    # (kappa 0.5, alpha 16/30). climate: both coders tag text 3 only -> kappa 1, alpha 1.
    first = [{"poaching"}, {"poaching"}, {"climate"}, set()]
    second = [{"poaching"}, set(), {"climate"}, set()]
    result = coder_agreement(first, second, ["poaching", "climate"])
    assert result.n == 4
    assert result.exact == pytest.approx(3 / 4)
    assert list(result.themes.columns) == list(AGREEMENT_COLUMNS)
    poaching, climate = result.themes.to_dict("records")
    assert (poaching["both"], poaching["first_only"], poaching["second_only"]) == (1, 1, 0)
    assert poaching["neither"] == 2
    assert poaching["observed"] == pytest.approx(0.75)
    assert poaching["kappa"] == pytest.approx(0.5)
    assert poaching["alpha"] == pytest.approx(16 / 30)
    assert climate["kappa"] == pytest.approx(1.0) and climate["alpha"] == pytest.approx(1.0)
    # Pooled over 8 (text, theme) decisions: yes/yes 2, yes/no 1, no/no 5.
    # o_11 = 4, o_10 = o_01 = 1, o_00 = 10; n_1 = 5, n_0 = 11, n = 16.
    # alpha = 1 − 15·2 / (2·5·11) = 1 − 30/110 = 8/11.
    assert result.alpha == pytest.approx(8 / 11)


def test_coder_agreement_notes_a_theme_nobody_used_and_an_empty_sample():
    result = coder_agreement([{"poaching"}, set()], [{"poaching"}, set()], ["poaching", "climate"])
    climate = result.themes.set_index("theme").loc["climate"]
    assert math.isnan(climate["kappa"]) and climate["note"] == ONE_CATEGORY
    empty = coder_agreement([], [], ["poaching"])
    assert empty.n == 0 and math.isnan(empty.alpha) and math.isnan(empty.exact)
    assert empty.themes.loc[0, "note"]


def test_the_second_coder_sample_is_deterministic_and_near_its_share():
    ids = [f"survey:{n}:main_threats_text" for n in range(5000)]
    chosen = [key for key in ids if in_sample(key, 0.2)]
    assert chosen == [key for key in ids if in_sample(key, 0.2)]
    assert 0.18 < len(chosen) / len(ids) < 0.22
    # A larger share keeps every text of a smaller one.
    assert set(chosen) <= {key for key in ids if in_sample(key, 0.5)}
    assert not any(in_sample(key, 0.0) for key in ids[:100])
    assert all(in_sample(key, 1.0) for key in ids[:100])

import numpy as np
import pytest

from analysis.assessment import assess
from analysis.prioritise import action_inputs, load_actions
from analysis.ranking import kendall_tau, rank_rows
from analysis.scoring import PERTURBED_SETTINGS, ScoringConfig
from analysis.sensitivity import SENSITIVITY_COLUMNS, SUMMARY_COLUMNS, scenarios, sensitivity
from tests.analysis.factories import rating_rows, ratings_frame, reference


def test_kendall_tau_worked_example():
    # items ranked 1, 2, 3 and then 2, 1, 3: pairs (a, b) discordant, (a, c) and (b, c)
    # concordant: (2 - 1) / 3 = 1/3
    assert kendall_tau(np.array([1, 2, 3]), np.array([2, 1, 3])) == pytest.approx(1 / 3)
    assert kendall_tau(np.array([1, 2, 3]), np.array([3, 2, 1])) == pytest.approx(-1.0)
    assert np.isnan(kendall_tau(np.array([1]), np.array([1])))


def test_rank_rows_breaks_ties_by_later_keys_then_column_order():
    first = np.array([[2.0, 2.0, 1.0, 2.0]])
    second = np.array([[1.0, 3.0, 9.0, 1.0]])
    # columns 1 (2, 3), then 0 and 3 (2, 1: tied, column order), then 2
    assert rank_rows([first, second], [True, True]).tolist() == [[2, 1, 4, 3]]


def test_scenarios_move_each_setting_down_and_up_then_all_at_random():
    config = ScoringConfig(random_scenarios=3)
    table = scenarios(config, seed=1)
    # text_weight is 0 by default: 25 % of 0 is 0, so it is not moved one at a time
    moved = [s for s in PERTURBED_SETTINGS if s != "text_weight"]
    assert len(table) == 2 * len(moved) + 3
    down = table.set_index("scenario").loc["cut_high -25%"]
    assert down["cut_high"] == pytest.approx(2.5 * 0.75)
    assert down["cut_medium"] == pytest.approx(1.5)
    random = table[table["scenario"].str.startswith("random")]
    for name in PERTURBED_SETTINGS:
        base = getattr(config, name)
        assert random[name].between(base * 0.75 - 1e-12, base * 1.25 + 1e-12).all()
    cuts = random[["cut_low", "cut_medium", "cut_high", "cut_very_high"]].to_numpy()
    assert (np.diff(cuts, axis=1) > 0).all()
    assert table.equals(scenarios(config, seed=1))


def flip_data():
    """KZ: poaching saiga 2.6 and argali 0.4; infrastructure saiga 2 and argali 2; climate
    saiga 1 and argali 1 (two groups of five, each group the same)."""
    rows = []
    for group in ("ngo", "government"):
        rows += rating_rows("KZ", "saiga", "poaching", group, [3, 3, 3, 2, 2])
        rows += rating_rows("KZ", "argali", "poaching", group, [0, 0, 0, 1, 1])
        for target in ("saiga", "argali"):
            rows += rating_rows("KZ", target, "infrastructure", group, [2] * 5)
            rows += rating_rows("KZ", target, "climate", group, [1] * 5)
    return ratings_frame(rows)


def test_a_sensitivity_scenario_worked_example():
    config = ScoringConfig(resamples=20, random_scenarios=2)
    result = assess(flip_data(), config=config, reference=reference())
    summary = result.threat_summary().set_index("threat")
    # published: poaching High (2.6) + None (0.4) -> 1 High -> Medium; infrastructure
    # Medium + Medium -> Medium; tie at Medium broken by the highest value 2.6 > 2;
    # climate Low + Low -> Low
    assert summary.loc[["poaching", "infrastructure", "climate"], "rank"].tolist() == [1, 2, 3]
    detail, stability = sensitivity(result, action_inputs(result, load_actions()), config=config)
    assert list(detail.columns) == list(SENSITIVITY_COLUMNS)
    assert list(stability.columns) == list(SUMMARY_COLUMNS)
    threats = detail[detail["ranking"] == "threats"].set_index("scenario")
    # cut_high -25 % = 1.875: infrastructure's 2 and 2 become High -> 2 High -> High;
    # poaching stays Medium: infrastructure 1, poaching 2, climate 3. Top three changed;
    # tau between (1, 2, 3) and (2, 1, 3) = 1/3
    flipped = threats.loc["cut_high -25%"]
    assert not flipped["top3_same"]
    assert flipped["kendall_tau"] == pytest.approx(1 / 3, abs=1e-4)
    assert "cut_high=1.875" in flipped["settings"]
    # cut_high +25 % = 3.125: poaching's 2.6 is only Medium and 1 Medium summarises to
    # Low; infrastructure's 2 Medium stay Medium: infrastructure first as well
    assert not threats.loc["cut_high +25%", "top3_same"]
    # exponents change no threat rank
    assert threats.loc["need_exponent +25%", "top3_same"]
    assert threats.loc["need_exponent +25%", "kendall_tau"] == 1.0
    kz = stability.set_index("ranking").loc["threats"]
    share = threats["top3_same"].mean()
    assert kz["share_top3_same"] == pytest.approx(round(share, 4))
    assert kz["stability"] == ("stable" if share >= 0.8 else "sensitive")
    assert kz["n_scenarios"] == len(threats)

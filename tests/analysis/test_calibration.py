"""Confidence calibration (analysis.calibration) and reviewed tags in tagging and scores."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

from analysis.calibration import (
    DEFAULT_PATH,
    apply_mapping,
    expected_calibration_error,
    fit_mapping,
    load_mapping,
    reliability_table,
)
from analysis.scoring import mention_shares
from analysis.tagging import tag_texts, train_classifier


def test_isotonic_mapping_is_monotone_and_matches_observed_shares():
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 1, 4000)
    truth = rng.uniform(0, 1, 4000) < scores**2  # the true share is the score squared
    mapping = fit_mapping(scores, truth)
    assert mapping["x"][0] == 0.0 and mapping["x"][-1] == 1.0
    assert all(np.diff(mapping["y"]) >= 0)
    mapped = apply_mapping(mapping, scores)
    assert expected_calibration_error(mapped, truth) < expected_calibration_error(scores, truth)
    assert abs(float(apply_mapping(mapping, np.array([0.5]))[0]) - 0.25) < 0.08
    assert apply_mapping(mapping, np.array([0.0]))[0] == 0.0


def test_reliability_table_counts_every_pair_once():
    table = reliability_table([0.05, 0.15, 0.95, 0.97], [False, True, True, True])
    assert sum(row["n"] for row in table) == 4
    assert table[-1] == {"low": 0.9, "high": 1.0, "n": 2, "confidence": 0.96, "observed": 1.0}


def test_the_shipped_mapping_states_its_data_and_held_out_calibration():
    stored = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    # fitted only on texts the lexicon was not revised on: the real statements of the
    # held-out halves of the third to sixteenth development sets, never a frozen
    # evaluation set
    assert stored["data"] and all(
        re.search(r"tests/data/text_dev(?:[3-9]|1[0-6])/", source) and "held out" in source
        for source in stored["data"]
    )
    assert not any("text_eval" in source for source in stored["data"])
    for kind in ("lexicon", "combined", "lexicon:first", "combined:first"):
        assert load_mapping(kind) is not None
        held_out = stored["held_out"][kind]
        # measured on folds the mapping was not fitted on
        assert held_out["pairs"] >= 200
        assert held_out["ece_calibrated"] < 0.1


def test_confidence_is_the_calibrated_score_and_the_threshold_reads_the_score():
    texts = pd.DataFrame({"text": ["Wire snares on every trail", "hunting"], "lang": ["en", "en"]})
    tagged = tag_texts(texts, threshold=0.2)
    raw = tag_texts(texts, threshold=0.2, calibrated=False)
    assert (tagged["score"] == raw["score"]).all()
    assert (raw["confidence"] == raw["score"]).all()
    # the confidence of a text's most confident theme, with that theme's own mapping
    mapping = load_mapping("lexicon:first")
    expected = apply_mapping(mapping, tagged["score"].to_numpy())
    # the reported score is rounded to four places, the confidence mapped from the exact one
    np.testing.assert_allclose(tagged["confidence"], expected.round(4), atol=5e-4)


def _reviewed_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "text": ["Snares everywhere", "Snares everywhere", "Drought again"],
            "lang": ["en", "en", "en"],
            "country": ["KZ", "KZ", "KZ"],
            "source": ["survey"] * 3,
            "tags": ["governance", "", ""],
            "reviewed": [True, False, False],
        }
    )


def test_reviewed_tags_take_precedence_in_tag_texts():
    tagged = tag_texts(_reviewed_frame())
    assert tagged["themes"].tolist() == ["governance", "poaching", "climate"]
    assert tagged["tag_source"].tolist() == ["reviewed", "machine", "machine"]
    assert tagged.loc[0, "confidence"] == 1.0
    assert tagged.loc[0, "evidence"] == "governance: reviewed"


def test_mention_shares_follow_reviewed_tags():
    shares = mention_shares(tag_texts(_reviewed_frame())).set_index("theme")["mention_share"]
    assert shares["governance"] == 1 / 3
    assert shares["poaching"] == 1 / 3  # the reviewed text no longer counts for poaching


def test_reviewed_rows_weigh_more_in_training(statements):
    training = statements.assign(tags=statements["themes"], reviewed=False)
    plain = train_classifier(training)
    training.loc[training.index[:60], "reviewed"] = True
    weighted = train_classifier(training)
    texts, langs = statements["text"].tolist(), statements["lang"].tolist()
    assert not np.allclose(
        plain.predict_proba(plain.transform(texts, langs)),
        weighted.predict_proba(weighted.transform(texts, langs)),
    )

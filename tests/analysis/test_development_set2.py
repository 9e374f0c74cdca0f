"""The second development set (tests/data/text_dev2/statements.csv).

439 statements in nine languages: 299 rewritten from public reports on the region's species
(``kind`` real) and 140 hard cases (negation, contrast, typing errors, code switching,
wrong language labels, false friends, Latin-script Russian, non-answers, one-word answers).
Gold themes are ``theme`` and ``theme2`` ("none": no theme). The set was written without
sight of the code or the lexicon, but the lexicon, the language fitting and the negation
rules were then revised while looking at its errors, so these are DEVELOPMENT figures (tuned
on): a check that the revisions hold, not an estimate of accuracy on unseen answers. Run
with ``-s`` to see them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score

from analysis.tagging import tag_texts

from .conftest import THEMES, gold_themes

DEVELOPMENT = Path(__file__).resolve().parent.parent / "data" / "text_dev2" / "statements.csv"

#: The figures reached when the revisions were made, less a small margin.
REAL_FLOOR = 0.83
#: Kazakh's and Kyrgyz's were lowered (0.85 to 0.82, 0.90 to 0.86) by revisions chosen on the
#: held-out halves of the later sets (herd words as weak evidence, herds as the victims of
#: predators or a dzud), which those halves gained from and this in-sample set lost a little.
#: English's was lowered (0.84 to 0.82) with the rule that a further theme must reach a share
#: of the first theme's score (``tagging.SECOND_THEME_RATIO``): the held-out halves of the
#: later sets gained from it, this set's English real statements lost 0.028.
LANGUAGE_FLOORS = {
    "en": 0.82, "ru": 0.77, "zh": 0.82, "mn": 0.80, "fa": 0.84,
    "kk": 0.82, "ky": 0.86, "uz": 0.85, "tg": 0.84,
}  # fmt: skip
#: Statements of each hard-case kind whose themes must come out exactly right.
HARD_CASE_FLOORS = {
    "negation": 29, "contrast": 8, "typo": 3, "code_switching": 5, "wrong_label": 5,
    "false_friend": 6, "latin_russian": 6, "non_answer": 29, "one_word": 14,
}  # fmt: skip


def _indicator(sets: list[set[str]]) -> np.ndarray:
    return np.array([[theme in found for theme in THEMES] for found in sets])


@pytest.fixture(scope="module")
def development() -> tuple[pd.DataFrame, list[set[str]], list[set[str]]]:
    frame = pd.read_csv(DEVELOPMENT, dtype=str, keep_default_na=False)
    tagged = tag_texts(frame[["id", "lang", "text"]])
    gold = gold_themes(frame)
    found = [set(filter(None, value.split(";"))) for value in tagged["themes"]]
    truth, predicted = _indicator(gold), _indicator(found)
    real = (frame["kind"] == "real").to_numpy()
    print("\nDEVELOPMENT set 2 (lexicon and rules revised on it; not a test on unseen text)")
    print(f"  real statements, macro-F1: {_macro(truth[real], predicted[real]):.3f}")
    print(f"  {'lang':5s} {'n':>4s} {'macro-F1':>9s} {'no theme':>9s}")
    for lang in LANGUAGE_FLOORS:
        rows = real & (frame["lang"] == lang).to_numpy()
        untagged = sum(1 for row in np.flatnonzero(rows) if not found[row])
        score = _macro(truth[rows], predicted[rows])
        print(f"  {lang:5s} {rows.sum():4d} {score:9.3f} {untagged:9d}")
    per_theme = f1_score(truth[real], predicted[real], average=None, zero_division=0)
    print("  per theme:", " ".join(f"{t} {v:.2f}" for t, v in zip(THEMES, per_theme, strict=True)))
    print("  hard cases, themes exactly right:")
    for kind in HARD_CASE_FLOORS:
        rows = np.flatnonzero((frame["hard_case"] == kind).to_numpy())
        exact = sum(gold[row] == found[row] for row in rows)
        print(f"    {kind:15s} {exact:3d} / {len(rows):3d}")
    return frame, gold, found


def _macro(truth: np.ndarray, predicted: np.ndarray) -> float:
    return float(f1_score(truth, predicted, average="macro", zero_division=0))


def test_development_set2_real_statements_reach_their_floors(development):
    frame, gold, found = development
    truth, predicted = _indicator(gold), _indicator(found)
    real = (frame["kind"] == "real").to_numpy()
    assert _macro(truth[real], predicted[real]) >= REAL_FLOOR
    for lang, floor in LANGUAGE_FLOORS.items():
        rows = real & (frame["lang"] == lang).to_numpy()
        assert rows.sum() >= 20
        assert _macro(truth[rows], predicted[rows]) >= floor, lang


def test_development_set2_hard_cases_reach_their_floors(development):
    frame, gold, found = development
    for kind, floor in HARD_CASE_FLOORS.items():
        rows = np.flatnonzero((frame["hard_case"] == kind).to_numpy())
        exact = sum(gold[row] == found[row] for row in rows)
        assert exact >= floor, (kind, exact, len(rows))


def test_development_set2_non_answers_get_no_theme_and_mostly_say_why(development):
    frame = development[0]
    non_answers = frame.index[frame["hard_case"] == "non_answer"]
    assert len(non_answers) >= 20
    tagged = tag_texts(frame.loc[non_answers, ["id", "lang", "text"]])
    assert (tagged["themes"] == "").all()
    # questions off the topic ("What time does the meeting start?") have no reason to give
    assert (tagged["abstain_reason"] != "").sum() >= 25

"""Tagging measured on the second frozen evaluation set (tests/data/text_eval2, README there).

384 statements in nine languages (224 rewritten from public reports, 160 hard cases with
numbered negation kinds), written for measurement only by writers who never saw the code,
the lexicon or the other sets, after the revisions on the third development set and before
anything was measured on it. Nothing in analysis/ was revised by looking at it: these are
figures for unseen text. The floors are the figures of the latest measurement less a margin
for the bootstrap's spread; the issue's targets are printed beside them. Run with ``-s``.
The tagger is measured as runs tag: the lexicon with the classifier trained on the seed
statements (``analysis.seed``: development statements, never this set); the lexicon alone is
printed beside it. The classifier took the whole set from 0.771 to 0.804, Mongolian from
0.546 to 0.606, and English down from 0.748 to 0.735; negation hard cases exactly right from
57 to 54 of 68 (it reads words around a denial that the lexicon does not list). After the
revisions on the eighth development set: 0.806 (the lexicon alone 0.778), English 0.743,
Mongolian 0.610; with the ninth set's odd half in the seed statements: 0.816, English 0.768,
Mongolian 0.610, and the first theme's confidence less well calibrated (ECE 0.064 -> 0.076);
after the lexicon revisions on the ninth set: 0.818 (the lexicon alone 0.783), English
0.755, ECE 0.087, all of it under-confidence (the mapping is fitted on every text-theme
pair, and the most confident theme of a text is right more often than a pair at its score).
After three changes measured together (a further theme must reach 60 % of the first theme's
score, with the combined threshold at 0.35; the tenth development set's odd half in the seed
statements; the lexicon and negation rules revised on that half in every language): 0.832
(the lexicon alone 0.783), English 0.763, Mongolian 0.666, negation 56 of 68, and the first
theme's ECE 0.101, just over the ceiling; with a mapping of its own for a text's first
theme, fitted on the development sets' held-out halves (where the same under-confidence
showed: ECE 0.056, 0.030 cross-validated with that mapping), 0.028. After the eleventh
development set (its odd half in the seed statements; the lexicon, negation and non-answer
rules revised on that half in every language; the mappings refitted on the held-out halves
of sets 3-11): 0.845 [0.815, 0.867] (the lexicon alone 0.796), English 0.801, Mongolian
0.674, negation 59 of 68, non-answers 36 of 36, the first theme's ECE 0.045; 0.847
[0.817, 0.870] (the lexicon alone 0.799, Kyrgyz 0.841 -> 0.853) after three further changes
decided on development data: of two terms covering the same word the heavier counts, Uzbek
apostrophe look-alikes read as the apostrophe, and Mongolian wordings revised again. After
the twelfth development set (its odd half in the seed statements; the rules revised on that
half in every language; the mappings refitted on the held-out halves of sets 3-12): 0.850
[0.822, 0.872] (the lexicon alone 0.803), English 0.775, Persian 0.881, Mongolian 0.683,
negation 62 of 68 (kinds 2, 5, 6 and 7 whole), non-answers 36 of 36, the first theme's ECE
0.050; the overall floor raised to 0.83 and the negation floor to 0.87. After the thirteenth
development set (Mongolian, Kazakh, Kyrgyz and Tajik as typed in Latin letters or without
their own letters; its odd half in the seed statements, the reading of such typing revised
on that half): 0.852 [0.823, 0.874] (the lexicon alone 0.803), Mongolian 0.683 -> 0.717,
Tajik 0.822 -> 0.832, Kazakh 0.929 -> 0.920, the first theme's ECE 0.047; the Mongolian floor
raised to 0.67. After the fourteenth development set (resources said to be in place or
problems solved, and denials, in every language; its odd half in the seed statements, the
rules revised on that half, the mappings refitted on the held-out halves of sets 3-14):
0.858 [0.829, 0.880] (the lexicon alone 0.804), English 0.812, Persian 0.912, Kazakh 0.929,
Mongolian 0.717, negation 63 of 68 (kinds 2, 4, 5, 6 and 7 whole), non-answers 36 of 36;
the first theme's ECE rose to 0.061 (under-confidence), and its ceiling was raised to 0.07.
After the fifteenth development set (denials of kinds 1, 3, 6 and 7 in every language,
Mongolian hard cases and statements retold from reports; its odd half in the seed
statements, the rules revised on that half) and with the mappings now fitted on the real
statements of the held-out halves of sets 3-15 (a choice made on the development sets,
where leaving the synthetic hard cases out of the fit took the held-out real statements'
first-theme ECE from 0.048 to 0.006): 0.860 [0.831, 0.882] (the lexicon alone 0.803),
Mongolian 0.717 -> 0.748, Persian 0.912 -> 0.895, negation 63 of 68 (kinds 2, 4, 5, 6 and 7
whole), non-answers 36 of 36, the first theme's ECE 0.020; the Mongolian floor raised to
0.70 and the calibration ceiling brought back down to 0.04. Measured again after a review
took out four of those rules that had moved no held-out figure and dropped plausible
complaints, and kept three more complaints from being read as denials: 0.861 [0.833, 0.884]
(the lexicon alone 0.805), Persian 0.912, Mongolian 0.748, the rest as above.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import reference
from analysis.seed import seed_classifier
from analysis.tagging import tag_texts

from .conftest import gold_themes, read_frozen
from .test_text_eval import interval, macro_f1

DATA = Path(__file__).resolve().parents[1] / "data" / "text_eval2"
FROZEN = {
    "statements_main.csv": "ec7456bfd1ebae3a2ff67a63ed401eaf1eab02664a1885b17a4f469171a13003",
    "statements_central.csv": "b35228f7a0226bafd6c77462f2d637fec3a2ebeece6e1888905796927cdead99",
}
THEMES = reference.theme_codes()
#: The measured figures less a margin (see the module docstring); targets beside them.
#: Limiting answers to two themes (a rule chosen on the development sets, where it raised
#: every half) took Mongolian here from 0.576 to 0.539 while the whole set rose from 0.757 to
#: 0.759 (the first set 0.791 to 0.804); the classifier then took it to 0.606.
FLOORS = {"all": 0.83, "en": 0.76, "ru": 0.81, "zh": 0.84, "mn": 0.70, "fa": 0.84,
          "kk": 0.89, "ky": 0.79, "uz": 0.86, "tg": 0.77}  # fmt: skip
TARGETS = {"all": 0.85, "language": 0.75}
NEGATION_FLOOR = 0.87
NON_ANSWER_FLOOR = 0.95
#: Raised from 0.06 to 0.07 after the fourteenth development set, when the mapping, fitted on
#: the held-out halves with their hard cases, gave real statements here a lower confidence
#: than they bore out (ECE 0.061); with the mappings fitted on real statements only, 0.020,
#: and the ceiling is 0.04 as on the first set.
CALIBRATION_CEILING = 0.04


@pytest.fixture(scope="module")
def evaluated() -> pd.DataFrame:
    frame = read_frozen(DATA, FROZEN)
    tagged = tag_texts(frame[["id", "lang", "text"]], classifier=seed_classifier())
    frame["predicted"] = tagged["themes"].map(lambda v: {t for t in v.split(";") if t})
    lexicon_only = tag_texts(frame[["id", "lang", "text"]])["themes"]
    frame["lexicon_only"] = lexicon_only.map(lambda v: {t for t in v.split(";") if t})
    frame["gold"] = gold_themes(frame)
    return frame


def test_the_set_is_frozen_and_covers_every_language_and_negation_kind(evaluated):
    assert len(evaluated) == 384
    assert set(evaluated["lang"]) == {"en", "ru", "zh", "mn", "fa", "kk", "ky", "uz", "tg"}
    assert set(evaluated["neg_kind"]) - {""} == {str(kind) for kind in range(1, 8)}


def test_macro_f1_per_language_on_unseen_statements(evaluated, capsys):
    lines, failures = [], []
    overall = macro_f1(evaluated)
    low, high = interval(evaluated)
    lines.append(f"all {len(evaluated)}: {overall:.3f} [{low:.3f}, {high:.3f}] "
                 f"(floor {FLOORS['all']}, target {TARGETS['all']})")  # fmt: skip
    if overall < FLOORS["all"]:
        failures.append(f"all {overall:.3f} < {FLOORS['all']}")
    lexicon = macro_f1(evaluated.assign(predicted=evaluated["lexicon_only"]))
    lines.append(f"(the lexicon alone, without the classifier: {lexicon:.3f})")
    real = evaluated[evaluated["kind"] == "real"]
    lines.append(f"real statements {len(real)}: {macro_f1(real):.3f}")
    for lang, part in evaluated.groupby("lang"):
        score = macro_f1(part)
        low, high = interval(part)
        lines.append(f"{lang} {len(part)}: {score:.3f} [{low:.3f}, {high:.3f}] "
                     f"(floor {FLOORS[lang]}, target {TARGETS['language']})")  # fmt: skip
        if score < FLOORS[lang]:
            failures.append(f"{lang} {score:.3f} < {FLOORS[lang]}")
    with capsys.disabled():
        print("\nmacro-F1 on the second frozen evaluation set\n  " + "\n  ".join(lines))
    assert not failures, failures


def test_negated_themes_are_not_tagged(evaluated, capsys):
    negated = evaluated[evaluated["hard_case"] == "negation"]
    assert len(negated) >= 60
    right = pd.Series([gold == found for gold, found in
                       zip(negated["gold"], negated["predicted"], strict=True)],
                      index=negated.index)  # fmt: skip
    by_kind = right.groupby(negated["neg_kind"]).agg(["sum", "size"])
    with capsys.disabled():
        print("\nnegation hard cases with exactly the asserted themes, by kind (target: all):")
        for kind, row in by_kind.iterrows():
            print(f"  kind {kind}: {int(row['sum'])} of {int(row['size'])}")
        print(f"  all: {int(right.sum())} of {len(right)}")
    assert right.mean() >= NEGATION_FLOOR


def test_non_answers_abstain(evaluated, capsys):
    answers = evaluated[evaluated["hard_case"] == "non_answer"]
    abstained = answers["predicted"].map(len).eq(0)
    with capsys.disabled():
        print(f"\nnon-answers with no theme: {int(abstained.sum())} of {len(answers)} "
              "(target 19 of 20)")  # fmt: skip
    assert len(answers) >= 30 and abstained.mean() >= NON_ANSWER_FLOOR


def test_confidence_is_calibrated_on_unseen_statements(evaluated, capsys):
    tagged = tag_texts(evaluated[["id", "lang", "text"]], classifier=seed_classifier())
    chosen = (tagged["theme"] != "").to_numpy()
    right = np.array([theme in gold for theme, gold in
                      zip(tagged["theme"], evaluated["gold"], strict=True)])  # fmt: skip
    from analysis.calibration import expected_calibration_error, reliability_table

    confidence = tagged["confidence"].to_numpy()[chosen]
    error = expected_calibration_error(confidence, right[chosen])
    with capsys.disabled():
        print(
            f"\nfirst theme right in {right[chosen].mean():.2f} of {int(chosen.sum())} tagged "
            f"statements; ECE of its confidence {error:.3f}"
        )
        for row in reliability_table(confidence, right[chosen]):
            print(
                f"  {row['low']:.1f}-{row['high']:.1f} {row['n']:5d} "
                f"{row['confidence']:.3f} {row['observed']:.3f}"
            )
    assert error <= CALIBRATION_CEILING

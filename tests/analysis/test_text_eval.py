"""Tagging measured on the frozen, independent evaluation set (tests/data/text_eval).

The set was written before this round's tuning by people who never saw the lexicon or the
code, from public reports and news rewritten in their own words (README_a.md, README_b.md,
with their sha256): 360 real statements in en, ru, zh, mn, fa, kk, ky, uz, tg and 252 hard
cases (negation in seven kinds, contrast, non-answers, one-word answers, typos, Latin-letter
Russian, code-switching, false friends, wrong language labels). Nothing in analysis/ was tuned
on it: the figures are what unseen text gets. The floors asserted here are the figures
measured, less a small margin for the bootstrap's spread; they are not the targets, which the
tests print beside them. They were raised three times, to the figures measured after the
tagger was revised on the second, the third, and then the fourth to sixth development sets
(tests/data/text_dev2 to text_dev6), which this set never informed, and a fourth time when
the lexicon was joined by the classifier trained on the seed statements (``analysis.seed``:
development statements, never this set), which took the whole set from 0.822 to 0.850,
and to 0.854 once the eighth development set's odd half had joined the seed statements
(0.854 again after the lexicon was revised on that half; the lexicon alone 0.823), and
0.852 with the ninth set's odd half in the seed too, 0.853 after the lexicon was revised on
that half (the lexicon alone 0.825). Raised a fifth time after three changes measured here
together: a further theme must reach 60 % of the first theme's score (the combined threshold
0.35 instead of 0.40), the tenth development set's odd half in the seed statements, and the
lexicon and negation rules revised on that half in every language: 0.868 [0.850, 0.884]
(the lexicon alone 0.830). Raised a sixth time after the eleventh development set (denials
and non-answers in every language, English, Mongolian and the Central Asian languages in new
registers): its odd half in the seed statements and the lexicon, negation and non-answer
rules revised on that half: 0.871 [0.853, 0.887] (the lexicon alone 0.838; 0.839 after
three further changes decided on development data), negated statements with no theme 54 ->
60 of 68. After the twelfth development set (Mongolian in spoken and written registers,
English typed by non-native writers, Persian and Dari, denials and non-answers in every
language), its odd half in the seed statements and the rules revised on that half, the
mappings refitted on the held-out halves of sets 3-12: 0.872 [0.852, 0.888] (the lexicon
alone 0.837), negated statements with no theme 61 of 68, non-answers 53 of 55; the
non-answer floor raised to 0.94. After the thirteenth development set (Mongolian, Kazakh,
Kyrgyz and Tajik as typed in Latin letters or without their own letters), its odd half in
the seed statements and the reading of such typing revised on that half: 0.872 [0.852,
0.887], Kyrgyz 0.825 -> 0.823, the rest as before. After the fourteenth development set
(resources said to be in place or problems solved, and denials, in every language; its odd
half in the seed statements, the rules revised on that half, the mappings refitted): 0.870
[0.850, 0.886] (the lexicon alone 0.836), Kazakh 0.797, Kyrgyz 0.816, Uzbek 0.940 (from
0.819, 0.823, 0.952), Persian 0.865, negated statements with no theme 60 of 68 (kind 6: 5 ->
4 of 8), non-answers 54 of 55. After the fifteenth development set (denials of kinds 1, 3, 6
and 7 in every language, Mongolian hard cases and statements retold from reports; its odd
half in the seed statements, the rules revised on that half, the mappings refitted on the
real statements of the held-out halves of sets 3-15): 0.870 [0.851, 0.886] (the lexicon
alone 0.837), Russian 0.869 -> 0.853, Mongolian 0.870, Persian 0.871, negated statements with
no theme 62 of 68 (kind 6: 5 of 8, kind 7: 7 of 9), non-answers 54 of 55, ECE 0.009; the
negation floor raised from 0.85 to 0.88. Measured again after a review of those rules took
out four that had moved no held-out figure and dropped plausible complaints, bounded the
cues' running time, and kept three more complaints from being read as denials (all decided
on development data and the review's own sentences): 0.873 [0.854, 0.887] (the lexicon alone
0.838), Russian 0.866, the rest as above.
The tagger is measured as runs tag: the lexicon with that classifier; the lexicon alone is
printed beside it.

Macro-F1 is multi-label over the eight themes: a statement's gold themes are its dominant and
second theme ("none" = no theme), its predicted themes those the tagger gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

import reference
from analysis.clustering import cluster_texts
from analysis.seed import seed_classifier
from analysis.tagging import tag_texts

from .conftest import gold_themes, read_frozen

DATA = Path(__file__).resolve().parents[1] / "data" / "text_eval"
#: sha256 of the frozen files, as recorded when they were written (README_a.md, README_b.md).
FROZEN = {
    "statements_a.csv": "57ffb2e58419b7794362a802da9e1fa651111fc0db0a3a179e681d755e48a59d",
    "statements_b.csv": "449495298e7380a5fe1ee334f1c87389a1d7fa0e07f9739e3f2fab9ae4e52449",
}
THEMES = reference.theme_codes()
#: Floors: the measured figure less a margin (see the module docstring); targets beside them.
FLOORS = {"all": 0.85, "en": 0.87, "ru": 0.84, "zh": 0.86, "mn": 0.82, "fa": 0.84,
          "kk": 0.78, "ky": 0.79, "uz": 0.92, "tg": 0.74}  # fmt: skip
TARGETS = {"all": 0.85, "language": 0.75}
#: Expected calibration error of the confidence on this set: the measured figure plus a margin.
CALIBRATION_CEILING = 0.04


@pytest.fixture(scope="module")
def evaluated() -> pd.DataFrame:
    frame = read_frozen(DATA, FROZEN)
    texts = pd.DataFrame({"id": frame["id"], "text": frame["text"], "lang": frame["lang"]})
    tagged = tag_texts(texts, classifier=seed_classifier())
    frame["predicted"] = tagged["themes"].fillna("").map(lambda v: {t for t in v.split(";") if t})
    lexicon_only = tag_texts(texts)["themes"]
    frame["lexicon_only"] = lexicon_only.map(lambda v: {t for t in v.split(";") if t})
    frame["gold"] = gold_themes(frame)
    return frame


def macro_f1(frame: pd.DataFrame) -> float:
    scores = []
    for theme in THEMES:
        gold = frame["gold"].map(lambda themes, t=theme: t in themes)
        predicted = frame["predicted"].map(lambda themes, t=theme: t in themes)
        tp, fp, fn = (gold & predicted).sum(), (~gold & predicted).sum(), (gold & ~predicted).sum()
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores)) if scores else float("nan")


def interval(frame: pd.DataFrame, replicates: int = 300) -> tuple[float, float]:
    """90 % bootstrap interval of macro-F1 over the statements (seeded)."""
    rng = np.random.default_rng(7)
    values = [
        macro_f1(frame.iloc[rng.integers(0, len(frame), len(frame))]) for _ in range(replicates)
    ]
    return float(np.percentile(values, 5)), float(np.percentile(values, 95))


def test_macro_f1_per_language_on_unseen_statements(evaluated, capsys):
    lines = []
    overall = macro_f1(evaluated)
    low, high = interval(evaluated)
    lines.append(f"all {len(evaluated)}: {overall:.3f} [{low:.3f}, {high:.3f}] "
                 f"(target {TARGETS['all']})")  # fmt: skip
    lexicon = macro_f1(evaluated.assign(predicted=evaluated["lexicon_only"]))
    lines.append(f"(the lexicon alone, without the classifier: {lexicon:.3f})")
    failures = []
    if overall < FLOORS["all"]:
        failures.append(f"all {overall:.3f} < {FLOORS['all']}")
    for lang, part in evaluated.groupby("lang"):
        if len(part) < 15:
            continue
        score = macro_f1(part)
        low, high = interval(part)
        lines.append(f"{lang} {len(part)}: {score:.3f} [{low:.3f}, {high:.3f}] "
                     f"(floor {FLOORS[lang]}, target {TARGETS['language']})")  # fmt: skip
        if score < FLOORS[lang]:
            failures.append(f"{lang} {score:.3f} < {FLOORS[lang]}")
    with capsys.disabled():
        print("\nmacro-F1 on the frozen evaluation set\n  " + "\n  ".join(lines))
    assert not failures, failures


def _negation_kinds() -> dict[str, int]:
    """Statement id -> negation kind 1..7, from the two READMEs."""
    kinds: dict[str, int] = {}
    text_a = (DATA / "README_a.md").read_text(encoding="utf-8")
    for line in text_a.splitlines():
        match = re.match(r"^\| (\d) ", line)
        if not match:
            continue
        # Each language's cell lists the negation rows, then after ";" the contrast row.
        for cell in line.split("|")[2:]:
            for identifier in re.findall(r"A\d{4}", cell.split(";")[0]):
                kinds[identifier] = int(match.group(1))
    text_b = (DATA / "README_b.md").read_text(encoding="utf-8")
    for identifier, kind in re.findall(r"^\| (B\d{4}) \|[^|]*\| negation \|[^|]*\| neg kind (\d)",
                                       text_b, re.M):  # fmt: skip
        kinds[identifier] = int(kind)
    return kinds


def test_negated_statements_get_no_theme(evaluated, capsys):
    negated = evaluated[evaluated["hard_case"] == "negation"]
    assert len(negated) >= 60 and negated["gold"].map(len).eq(0).all()
    kinds = _negation_kinds()
    negated = negated.assign(kind=negated["id"].map(kinds))
    assert negated["kind"].notna().sum() >= 40, "the READMEs name the kind of most rows"
    correct = negated["predicted"].map(len).eq(0)
    by_kind = correct.groupby(negated["kind"]).agg(["sum", "size"])
    with capsys.disabled():
        print("\nnegated statements with no theme, by kind (target: all):")
        for kind, row in by_kind.iterrows():
            print(f"  kind {int(kind)}: {int(row['sum'])} of {int(row['size'])}")
        print(f"  all: {int(correct.sum())} of {len(negated)}")
    assert correct.mean() >= 0.88


def test_non_answers_abstain(evaluated, capsys):
    answers = evaluated[evaluated["hard_case"] == "non_answer"]
    abstained = answers["predicted"].map(len).eq(0)
    with capsys.disabled():
        print(f"\nnon-answers that abstain: {int(abstained.sum())} of {len(answers)} "
              "(target 19 of 20)")  # fmt: skip
    assert len(answers) >= 50 and abstained.mean() >= 0.94


def test_real_statements_rarely_go_without_a_theme(evaluated):
    real = evaluated[evaluated["kind"] == "real"]
    assert real["predicted"].map(len).eq(0).mean() <= 0.10


def test_clusters_follow_the_themes_across_languages(evaluated, capsys):
    real = evaluated[evaluated["kind"] == "real"].reset_index(drop=True)
    result = cluster_texts(
        pd.DataFrame({"id": real["id"], "text": real["text"], "lang": real["lang"]}),
        k=8,
        seed=1,
    )
    clusters = result.assignments.set_index("id")["cluster"].reindex(real["id"]).to_numpy()
    ari = adjusted_rand_score(real["theme"], clusters)
    mixing = (
        pd.DataFrame({"cluster": clusters, "lang": real["lang"]})
        .groupby("cluster")["lang"]
        .nunique()
    )
    with capsys.disabled():
        mixed = int((mixing >= 3).sum())
        print(f"\nclusters (k=8) against the dominant theme: ARI {ari:.3f} (target 0.6); "
              f"clusters holding 3+ languages: {mixed} of {len(mixing)}")  # fmt: skip
    assert ari >= 0.64
    assert (mixing >= 3).sum() >= 6, "clusters on a shared theme mix languages"


def test_confidence_is_calibrated_on_unseen_statements(evaluated, capsys):
    """The confidence mapping was fitted on the development sets; here it meets statements
    it never saw: for every statement and theme with evidence, the theme's confidence
    against whether the statement has that theme. Measured first with a mapping fitted on
    every development set, texts the lexicon was revised on included: ECE 0.124, worse than
    the raw score's 0.073 (it promised 0.86 where 0.64 came true). The third development
    set's held-out half showed the same, so the mapping is now fitted on that half alone
    (bench/calibrate.py): ECE 0.053 here. With the classifier beside the lexicon the
    mapping is the "combined" one, fitted on the held-out halves of the third to seventh
    development sets, which the classifier was not trained on: ECE 0.008 here (most pairs
    are themes the statement lacks, with a score near zero)."""
    from analysis.calibration import (
        apply_mapping,
        expected_calibration_error,
        load_mapping,
        reliability_table,
    )
    from analysis.tagging import score_themes

    scored = score_themes(evaluated[["id", "text", "lang"]], classifier=seed_classifier())
    scores = scored.scores[:, [scored.themes.index(theme) for theme in THEMES]]
    truth = np.array([[theme in gold for theme in THEMES] for gold in evaluated["gold"]])
    present = scores > 0
    confidence = apply_mapping(load_mapping("combined"), scores)[present]
    raw_ece = expected_calibration_error(scores[present], truth[present])
    ece = expected_calibration_error(confidence, truth[present])
    with capsys.disabled():
        print(
            f"\ncalibration on unseen statements: {int(present.sum())} statement-theme "
            f"pairs with evidence; ECE raw score {raw_ece:.3f}, confidence {ece:.3f}"
        )
        print("   bin        n  confidence  observed")
        for row in reliability_table(confidence, truth[present]):
            print(
                f"  {row['low']:.1f}-{row['high']:.1f} {row['n']:6d} {row['confidence']:11.3f}"
                f" {row['observed']:9.3f}"
            )
    assert ece <= CALIBRATION_CEILING

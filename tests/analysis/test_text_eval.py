"""Tagging measured on the frozen, independent evaluation set (tests/data/text_eval).

The set was written before this round's tuning by people who never saw the lexicon or the
code, from public reports and news rewritten in their own words (README_a.md, README_b.md,
with their sha256): 360 real statements in en, ru, zh, mn, fa, kk, ky, uz, tg and 252 hard
cases (negation in seven kinds, contrast, non-answers, one-word answers, typos, Latin-letter
Russian, code-switching, false friends, wrong language labels). Nothing in analysis/ was tuned
on it: the figures are what unseen text gets. The floors asserted here are the figures
measured, less a small margin for the bootstrap's spread; they are not the targets, which the
tests print beside them. They were raised once, to the figures measured after the tagger was
tuned on the second development set (tests/data/text_dev2), which this set never informed.

Macro-F1 is multi-label over the eight themes: a statement's gold themes are its dominant and
second theme ("none" = no theme), its predicted themes those the tagger gives.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

import reference
from analysis.clustering import cluster_texts
from analysis.tagging import tag_texts

DATA = Path(__file__).resolve().parents[1] / "data" / "text_eval"
#: sha256 of the frozen files, as recorded when they were written (README_a.md, README_b.md).
FROZEN = {
    "statements_a.csv": "57ffb2e58419b7794362a802da9e1fa651111fc0db0a3a179e681d755e48a59d",
    "statements_b.csv": "449495298e7380a5fe1ee334f1c87389a1d7fa0e07f9739e3f2fab9ae4e52449",
}
THEMES = reference.theme_codes()
#: Floors: the measured figure less a margin (see the module docstring); targets beside them.
FLOORS = {"all": 0.75, "en": 0.78, "ru": 0.75, "zh": 0.78, "mn": 0.72, "fa": 0.73,
          "kk": 0.67, "ky": 0.71, "uz": 0.77, "tg": 0.73}  # fmt: skip
TARGETS = {"all": 0.85, "language": 0.75}


@pytest.fixture(scope="module")
def evaluated() -> pd.DataFrame:
    frames = []
    for name, digest in FROZEN.items():
        data = (DATA / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, f"{name} changed since it was frozen"
        frames.append(pd.read_csv(DATA / name, keep_default_na=False))
    frame = pd.concat(frames, ignore_index=True)
    tagged = tag_texts(pd.DataFrame({"id": frame["id"], "text": frame["text"],
                                     "lang": frame["lang"]}))  # fmt: skip
    frame["predicted"] = tagged["themes"].fillna("").map(lambda v: {t for t in v.split(";") if t})
    frame["gold"] = frame.apply(
        lambda row: {t for t in (row["theme"], row["theme2"]) if t and t != "none"}, axis=1
    )
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
        macro_f1(frame.iloc[rng.integers(0, len(frame), len(frame))])
        for _ in range(replicates)
    ]
    return float(np.percentile(values, 5)), float(np.percentile(values, 95))


def test_macro_f1_per_language_on_unseen_statements(evaluated, capsys):
    lines = []
    overall = macro_f1(evaluated)
    low, high = interval(evaluated)
    lines.append(f"all {len(evaluated)}: {overall:.3f} [{low:.3f}, {high:.3f}] "
                 f"(target {TARGETS['all']})")  # fmt: skip
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
    assert correct.mean() >= 0.6


def test_non_answers_abstain(evaluated, capsys):
    answers = evaluated[evaluated["hard_case"] == "non_answer"]
    abstained = answers["predicted"].map(len).eq(0)
    with capsys.disabled():
        print(f"\nnon-answers that abstain: {int(abstained.sum())} of {len(answers)} "
              "(target 19 of 20)")  # fmt: skip
    assert len(answers) >= 50 and abstained.mean() >= 0.9


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
    mixing = pd.DataFrame({"cluster": clusters, "lang": real["lang"]}).groupby("cluster")[
        "lang"
    ].nunique()
    with capsys.disabled():
        mixed = int((mixing >= 3).sum())
        print(f"\nclusters (k=8) against the dominant theme: ARI {ari:.3f} (target 0.6); "
              f"clusters holding 3+ languages: {mixed} of {len(mixing)}")  # fmt: skip
    assert ari >= 0.58
    assert (mixing >= 3).sum() >= 6, "clusters on a shared theme mix languages"

"""Build the seed statements (analysis/data/seed_statements.csv) from the development sets.

Usage: python bench/seed_corpus.py [--write]

The seed file holds the labelled development statements a run's classifier is trained on
(see ``analysis.seed``): every statement of tests/data/threat_statements.csv,
tests/data/text_dev and tests/data/text_dev2, and the statements with an odd id number of
tests/data/text_dev3 to text_dev16 (their even-numbered half stays out of training, to
measure on). The frozen evaluation sets (tests/data/text_eval, text_eval2) are never part
of it: a development statement that happens to be word for word one of theirs (a short
answer such as a one-word reply or "-") is left out too, so that they measure text the
classifier never saw, and so is one that is word for word a held-out statement. Without
``--write`` it only prints how many statements each source gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.seed import SEED_COLUMNS, SEED_PATH  # noqa: E402

DATA = ROOT / "tests" / "data"
#: Sets used whole: the in-sample statements and the first two development sets.
WHOLE = (
    DATA / "threat_statements.csv",
    DATA / "text_dev" / "statements.csv",
    DATA / "text_dev2" / "statements.csv",
)
#: Sets whose odd-numbered half only is used (the even half is held out).
HALVED = tuple(
    sorted(path for n in range(3, 17) for path in (DATA / f"text_dev{n}").glob("statements*.csv"))
)


def _themes(frame: pd.DataFrame) -> list[str]:
    if "themes" in frame.columns:
        return frame["themes"].tolist()
    return [
        ";".join(theme for theme in (first, second) if theme and theme != "none")
        for first, second in zip(frame["theme"], frame["theme2"], strict=True)
    ]


#: The frozen evaluation sets, whose texts the seed must not hold.
EVALUATION = tuple(sorted((DATA / "text_eval").glob("*.csv"))) + tuple(
    sorted((DATA / "text_eval2").glob("*.csv"))
)


def evaluation_texts() -> set[str]:
    """Every text of the frozen evaluation sets (compared, never read for anything else)."""
    return {
        text
        for path in EVALUATION
        for text in pd.read_csv(path, dtype=str, keep_default_na=False)["text"]
    }


def build() -> pd.DataFrame:
    """The seed statements, in a fixed order (sources as listed, rows as in each file)."""
    excluded = evaluation_texts()
    for path in HALVED:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        even = frame["id"].str.extract(r"(\d+)$")[0].astype(int) % 2 == 0
        excluded |= set(frame.loc[even, "text"])
    frames = []
    for path in (*WHOLE, *HALVED):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame["tags"] = _themes(frame)
        if path in HALVED:
            number = frame["id"].str.extract(r"(\d+)$")[0].astype(int)
            frame = frame[number % 2 == 1]
        frame = frame[~frame["text"].isin(excluded)]
        frame["source"] = str(path.relative_to(DATA))
        frames.append(frame[list(SEED_COLUMNS)])
    return pd.concat(frames, ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    seed = build()
    for source, count in seed["source"].value_counts(sort=False).items():
        print(f"  {source:40s} {count:5d}")
    print(f"  {'all':40s} {len(seed):5d} ({(seed['tags'] != '').sum()} with a theme)")
    if args.write:
        seed.to_csv(SEED_PATH, index=False, lineterminator="\n")
        print(f"written: {SEED_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

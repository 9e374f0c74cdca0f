"""The labelled statements every run's classifier starts from.

``analysis/data/seed_statements.csv`` holds threat statements a person labelled with their
themes, in every range-state language the lexicon covers: the in-sample statements the
lexicon was first written with, the first two development sets, and the odd-numbered half
of the third to eleventh development sets (written by independent writers from public
reports). The even-numbered half of those sets is left out, so that it measures the
classifier on text it was not trained on, as it measures the lexicon revised on the odd
half. ``bench/seed_corpus.py`` builds the file from the development sets and a test checks
it is what that build gives.

Each run trains the classifier that tags beside the lexicon on these statements plus the
run's own tagged texts (facilitators' tags, reviewed codes), which count more
(``run_classifier``). Without any tagged text of its own, a run's classifier is the one
trained on these statements alone (``seed_classifier``, trained once per process).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

SEED_PATH = Path(__file__).with_name("data") / "seed_statements.csv"

#: Columns of the seed file: where each statement comes from, its language, text and
#: themes (";"-separated, blank for a statement that names none).
SEED_COLUMNS = ("source", "id", "lang", "text", "tags")


#: A seed statement's weight in training: a person labelled it, so it is ``reviewed`` (a
#: statement naming no theme is a negative example of every theme), and this weight times
#: the reviewed weight (2) makes it count once, as a facilitator's tag does in a run
#: (``analysis.tagging.train_classifier``).
SEED_WEIGHT = 0.5

#: How much more a run's own tagged text counts than a seed statement in training the
#: classifier (a reviewed text counts twice that again, ``train_classifier``; a text
#: reviewed as naming no theme is a negative example of every theme).
OWN_TEXT_WEIGHT = 2.0


@functools.cache
def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)[list(SEED_COLUMNS)]
    return frame.assign(reviewed=True, weight=SEED_WEIGHT)


def seed_statements(path: Path = SEED_PATH) -> pd.DataFrame:
    """The seed statements (a copy: callers may change it), marked ``reviewed`` and with
    their training ``weight``."""
    return _read(path).copy()


@functools.cache
def seed_classifier(seed: int = 0):
    """The classifier trained on the seed statements alone (trained once per process)."""
    from analysis.tagging import train_classifier

    return train_classifier(seed_statements(), seed=seed)


def run_classifier(texts: pd.DataFrame, seed: int = 0):
    """The classifier a run tags ``texts`` with, and how many of them it learnt from.

    Trained on the seed statements and the texts a facilitator tagged or a person reviewed
    (``tags``, ``reviewed``), each counting ``OWN_TEXT_WEIGHT`` times a seed statement; when
    there are none, the classifier of the seed alone (``seed_classifier``).
    """
    from analysis.tagging import reviewed_rows, split_tags, train_classifier

    tags = texts["tags"].tolist() if "tags" in texts.columns else [""] * len(texts)
    own = np.array([bool(split_tags(value)) for value in tags], dtype=bool)
    own |= reviewed_rows(texts)
    if not own.any():
        return seed_classifier(seed), 0
    training = pd.concat(
        [seed_statements(), texts[own].assign(weight=OWN_TEXT_WEIGHT)], ignore_index=True
    )
    return train_classifier(training, seed=seed), int(own.sum())

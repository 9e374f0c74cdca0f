"""The seed statements every run's classifier starts from (analysis/data/seed_statements.csv)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from analysis.seed import SEED_PATH, seed_classifier, seed_statements
from analysis.tagging import tag_texts, train_classifier

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _builder():
    spec = importlib.util.spec_from_file_location("seed_corpus", ROOT / "bench" / "seed_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_file_is_what_the_build_from_the_development_sets_gives():
    built = _builder().build()
    shipped = pd.read_csv(SEED_PATH, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(shipped, built)
    assert list(seed_statements().columns) == [*built.columns, "reviewed", "weight"]


def test_no_held_out_or_evaluation_statement_is_in_the_seed():
    seed = seed_statements()
    halved = seed[seed["source"].str.match(r"text_dev(?:[3-9]|1[0-6])/")]
    assert len(halved) > 600
    assert (halved["id"].str.extract(r"(\d+)$")[0].astype(int) % 2 == 1).all()
    texts = set(seed["text"])
    for folder in ("text_eval", "text_eval2"):
        for path in (DATA / folder).glob("*.csv"):
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            shared = len(texts & set(frame["text"]))  # a count: the texts are not shown
            assert shared == 0, f"{path.name} shares {shared} statements with the seed"
    for number in range(3, 17):
        for path in (DATA / f"text_dev{number}").glob("*.csv"):
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            even = frame[frame["id"].str.extract(r"(\d+)$")[0].astype(int) % 2 == 0]
            shared = len(texts & set(even["text"]))
            assert shared == 0, f"{shared} held-out statements of {path} in the seed"


def test_the_seed_covers_every_theme_in_every_language_the_lexicon_reads():
    seed = seed_statements()
    themes = seed["tags"].str.split(";").explode()
    assert set(themes) - {""} == set(seed_classifier().themes)
    assert set(seed["lang"]) >= {"en", "ru", "zh", "mn", "fa", "kk", "ky", "uz", "tg"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "There is no poaching in our district any more."),
        ("ru", "Браконьерства у нас нет."),
        ("zh", "我们这里没有盗猎。"),
    ],
)
def test_a_denied_theme_is_not_brought_back_by_the_classifier(lang, text):
    tagged = tag_texts(pd.DataFrame({"text": [text], "lang": [lang]}), classifier=seed_classifier())
    assert "poaching" not in tagged.loc[0, "themes"].split(";")
    assert "poaching" in tagged.loc[0, "negated"].split(";")


def test_the_runs_own_tagged_texts_weigh_more_than_a_seed_statement():
    """A run whose facilitators tag a local word with a theme teaches it to the classifier,
    more strongly the more the run's own texts weigh."""
    local = pd.DataFrame(
        {
            "text": [f"The zud winter number {i} hit the steppe" for i in range(6)],
            "lang": "en",
            "tags": "climate",
        }
    )
    probe = pd.DataFrame({"text": ["zud zud"], "lang": ["en"]})

    def climate_probability(weight: float) -> float:
        training = pd.concat(
            [seed_statements(), local.assign(weight=weight).head(6 if weight else 0)],
            ignore_index=True,
        )
        classifier = train_classifier(training)
        matrix = classifier.transform(probe["text"].tolist(), ["en"])
        return classifier.predict_proba(matrix)[0, classifier.themes.index("climate")]

    without = climate_probability(0.0)  # the seed alone
    assert climate_probability(4.0) > climate_probability(1.0) > without + 0.2


def test_texts_reviewed_as_naming_no_theme_teach_the_classifier_what_is_not_a_theme():
    """A person who decides that a text names no theme gives a negative example of every
    theme; a text nobody reviewed, without tags, teaches nothing."""
    said = [f"The camel caravan number {i} crossed the pass at dawn" for i in range(8)]
    probe = ["The camel caravan crossed the pass"]

    def probabilities(reviewed: bool) -> list[float]:
        training = pd.concat(
            [seed_statements(), pd.DataFrame({"text": said, "lang": "en", "tags": "",
                                              "reviewed": reviewed, "weight": 2.0})],
            ignore_index=True,
        )  # fmt: skip
        classifier = train_classifier(training)
        return classifier.predict_proba(classifier.transform(probe, ["en"]))[0].tolist()

    unreviewed, reviewed = probabilities(False), probabilities(True)
    assert unreviewed == probabilities(False)
    assert all(after < before for before, after in zip(unreviewed, reviewed, strict=True))

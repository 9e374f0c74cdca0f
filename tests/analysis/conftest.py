"""Fixtures for the text-analysis tests: the labelled in-sample set of threat statements.

The lexicon was written with these statements in view: figures on them are in-sample."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import reference

STATEMENTS = Path(__file__).resolve().parent.parent / "data" / "threat_statements.csv"
THEMES = reference.theme_codes()


@pytest.fixture(scope="session")
def statements() -> pd.DataFrame:
    """The in-sample set: id, lang, text, themes (";"-separated, primary first), plus the
    primary theme in ``primary``. Read-only: tests copy it before changing anything."""
    frame = pd.read_csv(STATEMENTS, dtype=str, keep_default_na=False)
    frame["primary"] = frame["themes"].str.split(";").str[0]
    return frame

"""Fixtures for the text-analysis tests: the labelled in-sample set of threat statements.

The lexicon was written with these statements in view: figures on them are in-sample."""

from __future__ import annotations

import hashlib
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


def read_frozen(folder: Path, checksums: dict[str, str]) -> pd.DataFrame:
    """The statements of a frozen set's files, each first checked against the sha256
    recorded when it was frozen; every column read as text, empty cells as ""."""
    frames = []
    for name, digest in checksums.items():
        data = (folder / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, f"{name} changed since it was frozen"
        frames.append(pd.read_csv(folder / name, dtype=str, keep_default_na=False))
    return pd.concat(frames, ignore_index=True)


def gold_themes(frame: pd.DataFrame) -> list[set[str]]:
    """Each statement's themes: its ``theme`` and ``theme2`` ("none" is no theme)."""
    return [
        {theme for theme in (first, second) if theme and theme != "none"}
        for first, second in zip(frame["theme"], frame["theme2"], strict=True)
    ]

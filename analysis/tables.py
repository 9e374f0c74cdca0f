"""Presentation of numeric results: no NaN in an output table, the reason in a note instead.

The method's internal frames are numeric (NaN where a value does not exist); the tables
:func:`analysis.pipeline.run_analysis` returns show "not rated" or "not ranked" there and
say why in their ``note`` column (docs/method.md, "On the page": no ``nan`` anywhere).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

NOT_RATED = "not rated"
NOT_RANKED = "not ranked"
NOT_COMPUTED = "not computed"
#: Decimals numbers are rounded to in the output tables.
DECIMALS = 4


def shown(values: Iterable, missing: str = NOT_RATED, *, integer: bool = False) -> np.ndarray:
    """Numbers ready for an output table: an object array of floats rounded to
    :data:`DECIMALS` (or ints with ``integer=True``), with ``missing`` where a value is NaN,
    None or NA."""
    out = []
    for value in values:
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            out.append(missing)
        elif integer:
            out.append(int(value))
        else:
            out.append(round(float(value), DECIMALS))
    return np.array(out, dtype=object)


def join_notes(*parts: Iterable[str]) -> list[str]:
    """Join parallel lists of note fragments row by row with "; ", skipping empty ones."""
    rows = zip(*parts, strict=True)
    return ["; ".join(p for p in row if p) for row in rows]


def empty_table(columns: Iterable[str]) -> pd.DataFrame:
    """An empty output table with the given columns."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def has_missing(frame: pd.DataFrame) -> list[str]:
    """Names of the columns of ``frame`` holding NaN, None or NA anywhere (for tests)."""
    return [c for c in frame.columns if frame[c].isna().any()]

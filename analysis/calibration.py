"""Confidence that means something: evidence scores mapped to observed frequencies.

The tagger's raw score for a theme (the noisy-or of lexicon term weights, or its mean with
a classifier's probability) orders texts well but is not a probability: a score of 0.8
does not mean that eight texts in ten with that score carry the theme. ``confidence`` is
the raw score passed through a monotone mapping fitted by isotonic regression (scikit-
learn's ``IsotonicRegression``) on development data: for every text and every theme with
a score above zero, the score and whether a person coded that theme. The mapping is stored
as a table of breakpoints (``analysis/data/calibration.json``) and read by linear
interpolation, so tagging needs no model at run time.

How it was fitted, on which data, and how well calibrated it is (a reliability table and
the expected calibration error of five-fold cross-validated mappings) are stored with it;
``bench/calibrate.py`` refits it and prints them. The mapping is monotone, so a threshold
on the raw score and one on the confidence select the same themes.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DEFAULT_PATH = Path(__file__).with_name("data") / "calibration.json"


def fit_mapping(scores: Sequence[float], truth: Sequence[bool]) -> dict[str, list[float]]:
    """Fit a monotone mapping from raw scores (0..1) to the share of true themes.

    Out: ``{"x": breakpoints, "y": values}`` for linear interpolation, starting at (0, 0)
    and ending at (1, the fitted value at 1).
    """
    from sklearn.isotonic import IsotonicRegression

    x = np.asarray(scores, dtype=float)
    y = np.asarray(truth, dtype=float)
    model = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip", increasing=True)
    model.fit(x, y)
    xs = np.concatenate(([0.0], model.X_thresholds_, [1.0]))
    ys = np.concatenate(([0.0], model.y_thresholds_, [float(model.predict([1.0])[0])]))
    keep = np.concatenate(([True], np.diff(xs) > 0))
    return {
        "x": [round(float(v), 6) for v in xs[keep]],
        "y": [round(float(v), 6) for v in ys[keep]],
    }


def apply_mapping(mapping: dict[str, list[float]], scores: np.ndarray) -> np.ndarray:
    """Map raw scores through ``mapping`` (linear between breakpoints); 0 stays 0."""
    scores = np.asarray(scores, dtype=float)
    mapped = np.interp(scores, mapping["x"], mapping["y"])
    return np.where(scores > 0, mapped, 0.0)


def reliability_table(
    confidence: Sequence[float], truth: Sequence[bool], bins: int = 10
) -> list[dict[str, float]]:
    """Per confidence bin (equal width over 0..1): how many, mean confidence, share true."""
    confidence = np.asarray(confidence, dtype=float)
    truth = np.asarray(truth, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    rows = []
    for b in range(bins):
        inside = which == b
        if inside.any():
            rows.append(
                {
                    "low": round(float(edges[b]), 2),
                    "high": round(float(edges[b + 1]), 2),
                    "n": int(inside.sum()),
                    "confidence": round(float(confidence[inside].mean()), 3),
                    "observed": round(float(truth[inside].mean()), 3),
                }
            )
    return rows


def expected_calibration_error(
    confidence: Sequence[float], truth: Sequence[bool], bins: int = 10
) -> float:
    """The mean gap between confidence and observed share, weighted by bin size."""
    table = reliability_table(confidence, truth, bins)
    total = sum(row["n"] for row in table)
    if not total:
        return 0.0
    return sum(row["n"] * abs(row["confidence"] - row["observed"]) for row in table) / total


@functools.cache
def _stored(path: str) -> dict:
    file = Path(path)
    if not file.exists():
        return {}
    return json.loads(file.read_text(encoding="utf-8"))


def load_mapping(kind: str, path: str | Path | None = None) -> dict[str, list[float]] | None:
    """The stored mapping for scores of ``kind`` ("lexicon", or "combined" for the mean of
    lexicon and classifier; with ":first", the mapping of a text's most confident theme),
    or None when none is stored (confidence is then the score)."""
    stored = _stored(str(path or DEFAULT_PATH))
    mapping = stored.get("mappings", {}).get(kind)
    return mapping if mapping and mapping.get("x") else None


def calibrate(scores: np.ndarray, kind: str = "lexicon", first: bool = False) -> np.ndarray:
    """``apply_mapping`` with the stored mapping of ``kind`` (identity when none).

    ``first=True`` maps the scores of texts' most confident themes: among themes with the
    same score, a text's first theme is a person's code more often than a theme ranked
    below another (the first is what the text is most about), so it has a mapping of its
    own (``kind:first``); the pair mapping is used where none is stored.
    """
    mapping = (load_mapping(f"{kind}:first") if first else None) or load_mapping(kind)
    if mapping is None:
        return np.asarray(scores, dtype=float)
    return apply_mapping(mapping, scores)

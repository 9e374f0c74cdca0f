"""Ranking by ordered keys with a stated tie rule, vectorised over many rows at once.

One row is one version of the data: the real data, a bootstrap replicate
(:mod:`analysis.assessment`) or a sensitivity scenario (:mod:`analysis.sensitivity`). The
same function ranks all of them, so the ranks published and the ranks behind their
intervals come from one rule. Never input order: the last tie-breaker is always the code.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from analysis.scoring import VALUE_DECIMALS


def rank_rows(keys: Sequence[np.ndarray], descending: Sequence[bool]) -> np.ndarray:
    """Ranks 1..n along the last axis by ``keys`` in order of precedence.

    ``keys``: arrays of shape (rows, n) (or broadcastable to it); the first decides, each
    later one breaks the ties left by those before it (values are compared after rounding
    to :data:`analysis.scoring.VALUE_DECIMALS` decimals, NaN counts as the lowest value).
    Remaining ties keep column order, so callers put the columns in code order: the code
    is the final tie-breaker. Output: int array (rows, n) of ranks.
    """
    shape = np.broadcast_shapes(*(np.shape(k) for k in keys))
    rows, n = shape
    order = np.broadcast_to(np.arange(n), (rows, n)).copy()
    for key, desc in zip(reversed(keys), reversed(descending), strict=True):
        key = _comparable(np.broadcast_to(key, shape), desc)
        taken = np.take_along_axis(key, order, axis=1)
        order = np.take_along_axis(order, np.argsort(taken, axis=1, kind="stable"), axis=1)
    ranks = np.empty((rows, n), dtype=np.int64)
    np.put_along_axis(ranks, order, np.broadcast_to(np.arange(1, n + 1), (rows, n)), axis=1)
    return ranks


def _comparable(key: np.ndarray, descending: bool) -> np.ndarray:
    values = np.round(np.asarray(key, dtype=float), VALUE_DECIMALS)
    values = np.where(np.isnan(values), -np.inf, values)
    return -values if descending else values


def tie_rules(
    keys: Sequence[np.ndarray],
    descending: Sequence[bool],
    names: Sequence[str],
    ranks: np.ndarray,
    codes: Sequence[str],
) -> list[str]:
    """Which rule decided each item's place where it tied with its neighbour on the first key.

    ``keys``: 1-D arrays (one value per item); ``names``: the words for each tie-breaking
    key after the first (``len(keys) - 1`` names), the code being the last rule; ``ranks``
    from :func:`rank_rows` for this row; ``codes`` the item codes. Output per item: "" when
    it ties with no neighbour on the first key, else e.g. "tied with other_code; broken by
    higher impact", naming the rule that separated it from the tied item ranked just above
    it (or, for the first of a tie, just below it).
    """
    n = len(codes)
    order = np.argsort(ranks)
    comparable = [_comparable(np.asarray(k), d) for k, d in zip(keys, descending, strict=True)]

    def rule(i: int, j: int) -> str | None:
        if comparable[0][i] != comparable[0][j]:
            return None
        for key, name in zip(comparable[1:], names, strict=True):
            if key[i] != key[j]:
                return name
        return "code (alphabetical)"

    out = [""] * n
    for pos, item in enumerate(order):
        above = order[pos - 1] if pos > 0 else None
        below = order[pos + 1] if pos + 1 < n else None
        for other in (above, below):
            if other is None:
                continue
            decided = rule(item, other)
            if decided:
                out[item] = f"tied with {codes[other]}; broken by {decided}"
                break
    return out


def kendall_tau(first: np.ndarray, second: np.ndarray) -> float:
    """Kendall's tau between two rankings of the same items without ties.

    tau = (concordant pairs - discordant pairs) / (n (n - 1) / 2); 1 = same order, -1 =
    reversed. Kendall, M. G. (1938), "A new measure of rank correlation", Biometrika 30.
    Returns NaN for fewer than two items.
    """
    a = np.asarray(first, dtype=float)
    b = np.asarray(second, dtype=float)
    n = a.size
    if n < 2:
        return float("nan")
    upper = np.triu_indices(n, k=1)
    da = np.sign(a[:, None] - a[None, :])[upper]
    db = np.sign(b[:, None] - b[None, :])[upper]
    return float((da * db).sum() / (n * (n - 1) / 2))

"""Agreement between coders of the texts' themes: two people, or a person and the machine.

A text's coding is a set of theme codes (possibly empty: "no theme"). Each theme is then a
binary decision per text, present or absent, and agreement is measured per theme on those
decisions:

- **Cohen's kappa** (Cohen 1960): (p_o − p_e) / (1 − p_e), where p_o is the share of texts
  on which the two coders agree and p_e the agreement expected from each coder's own
  share of "present". It compares two fixed coders (or a coder and the machine).
- **Krippendorff's alpha**, nominal (Krippendorff 2011, "Computing Krippendorff's
  alpha-reliability"): 1 − D_o / D_e from the coincidence matrix of the values; it allows
  missing values and any number of coders, and corrects for small samples.

Over all themes together, alpha is computed on every (text, theme) decision pooled: the
units are the text-theme pairs, each with two binary values. This was chosen over one alpha
on whole theme sets with a set distance (e.g. MASI, Passonneau 2006) because it is the
same measure as the per-theme figures, needs no choice of a distance between partly
overlapping sets, and a reader can recompute it from the per-theme counts shown.

Both measures are undefined (NaN, with a note) when every decision falls in one category:
agreement beyond chance cannot be told apart from a theme nobody used.

Which texts a second coder sees is decided by :func:`in_sample`, from the text's id alone,
so the sample is the same on every page and in every process and no coder chooses it.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported when an agreement is computed, not with the app
    import pandas as pd

#: Columns of :attr:`Agreement.themes`.
AGREEMENT_COLUMNS = (
    "theme",
    "n",
    "both",
    "first_only",
    "second_only",
    "neither",
    "observed",
    "kappa",
    "alpha",
    "note",
)
ONE_CATEGORY = "undefined: every decision was the same"
NO_TEXTS = "no texts coded by both"


def in_sample(key: str, share: float) -> bool:
    """Whether the text ``key`` (its id) belongs to a sample of about ``share`` (0..1) of
    all texts: the first 8 bytes of the SHA-256 of the id, read as a fraction of 2**64,
    fall below ``share``. Deterministic; independent of the other texts."""
    if share <= 0:
        return False
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Cohen's kappa of two coders' values for the same units (equal-length sequences of
    categories). Out: kappa in [-1, 1]; NaN for no units or when both coders used one and
    the same category throughout (p_e = 1)."""
    if len(first) != len(second):
        raise ValueError("both coders must code the same units")
    n = len(first)
    if n == 0:
        return math.nan
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    share_first, share_second = Counter(first), Counter(second)
    expected = sum(share_first[c] * share_second[c] for c in share_first) / (n * n)
    if expected >= 1.0:
        return math.nan
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha_nominal(units: Iterable[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha for nominal data.

    In: one sequence per unit of the values the coders gave it (``None``: that coder did
    not code it). Units with fewer than two values are not pairable and are left out. Out:
    alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k, where o_ck counts the ordered
    pairs of values (c, k) within units, each unit's pairs weighted 1 / (m_u − 1) for its
    m_u values, n_c = Σ_k o_ck and n = Σ_c n_c. NaN when fewer than two values are
    pairable or all are one category.
    """
    coincidences: Counter = Counter()
    for unit in units:
        values = [value for value in unit if value is not None]
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    coincidences[(c, k)] += 1.0 / (m - 1)
    totals: Counter = Counter()
    for (c, _k), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    if n < 2:
        return math.nan
    disagreement = sum(weight for (c, k), weight in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return math.nan
    return 1.0 - (n - 1) * disagreement / expected


@dataclass(frozen=True)
class Agreement:
    """Agreement of two codings of the same texts.

    ``n``: texts coded by both; ``exact``: share of them given exactly the same theme set;
    ``alpha``: Krippendorff's alpha over every (text, theme) decision pooled; ``themes``:
    one row per theme (:data:`AGREEMENT_COLUMNS`): how many texts both, only the first,
    only the second or neither coder gave it, the observed share of agreement, Cohen's
    kappa, Krippendorff's alpha and a note when they are undefined.
    """

    n: int
    exact: float
    alpha: float
    themes: pd.DataFrame


def coder_agreement(
    first: Sequence[Iterable[str]], second: Sequence[Iterable[str]], themes: Sequence[str]
) -> Agreement:
    """Agreement between two codings of the same texts, per theme and overall.

    In: for each text, the first coder's theme codes and the second's (the same texts in
    the same order; an empty set is a decided "no theme"), and the themes to report, in
    their order. Out: an :class:`Agreement`. Codes outside ``themes`` count in ``exact``
    only.
    """
    if len(first) != len(second):
        raise ValueError("both codings must cover the same texts")
    first_sets = [set(codes) for codes in first]
    second_sets = [set(codes) for codes in second]
    n = len(first_sets)
    rows = []
    pooled: list[tuple[bool, bool]] = []
    for theme in themes:
        a = [theme in codes for codes in first_sets]
        b = [theme in codes for codes in second_sets]
        pairs = list(zip(a, b, strict=True))
        pooled += pairs
        kappa = cohen_kappa(a, b)
        alpha = krippendorff_alpha_nominal(pairs)
        rows.append(
            {
                "theme": theme,
                "n": n,
                "both": sum(x and y for x, y in pairs),
                "first_only": sum(x and not y for x, y in pairs),
                "second_only": sum(y and not x for x, y in pairs),
                "neither": sum(not x and not y for x, y in pairs),
                "observed": (sum(x == y for x, y in pairs) / n) if n else math.nan,
                "kappa": kappa,
                "alpha": alpha,
                "note": NO_TEXTS if n == 0 else ONE_CATEGORY if math.isnan(kappa) else "",
            }
        )
    import pandas as pd

    same = sum(x == y for x, y in zip(first_sets, second_sets, strict=True))
    exact = same / n if n else math.nan
    table = pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))
    return Agreement(n=n, exact=exact, alpha=krippendorff_alpha_nominal(pooled), themes=table)

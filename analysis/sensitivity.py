"""How much the rankings depend on the settings: re-rank under perturbed weights and cut-points.

Every weight and cut-point of the ranking chain (:data:`analysis.scoring.PERTURBED_SETTINGS`:
the four cut-points, text_weight, the priority exponents a and b, factor_weight) is moved
one at a time by -p and +p (p = ``perturbation``, 25 % by default), and then
``random_scenarios`` scenarios (seeded) move all of them at once, each by a factor drawn
uniformly from [1 - p, 1 + p]. A setting at 0 is not moved (25 % of 0 is 0); cut-points
that cross are put back in increasing order; text_weight is kept within 0..1. The cell
values and which cells count (low evidence) stay those of the real data: only the settings
change. Each scenario re-ranks the threats (labels -> summary -> ranks) and the actions
(priorities -> ranks) of every country through the same functions as the published ranks.

Per country, ranking and scenario: ``top3_same`` (the items at ranks 1, 2 and 3 are the
same, in the same order; all of them when fewer than three are ranked) and ``kendall_tau``
between the published and the scenario's ranks of the ranked items
(:func:`analysis.ranking.kendall_tau`). Per country and ranking: the share of scenarios with
the same top three, the median tau and the flag "stable" (share >= ``stable_share``) or
"sensitive". docs/method.md, "How stable the ranks are".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.assessment import Assessment
from analysis.prioritise import ActionInputs
from analysis.ranking import kendall_tau
from analysis.scoring import PERTURBED_SETTINGS, ScoringConfig
from analysis.tables import NOT_COMPUTED, empty_table

SENSITIVITY_COLUMNS: tuple[str, ...] = (
    "country",
    "ranking",
    "scenario",
    "top3_same",
    "kendall_tau",
    "n_ranked",
    "settings",
    "note",
)
SUMMARY_COLUMNS: tuple[str, ...] = (
    "country",
    "ranking",
    "n_scenarios",
    "share_top3_same",
    "median_tau",
    "stability",
    "note",
)
STABLE = "stable"
SENSITIVE = "sensitive"


def scenarios(config: ScoringConfig, seed: int = 0) -> pd.DataFrame:
    """The perturbed settings: one row per scenario, a column per perturbed setting.

    Columns: ``scenario`` (e.g. "cut_high -25%", "random 7") and each setting of
    :data:`analysis.scoring.PERTURBED_SETTINGS`. One-at-a-time scenarios first (each
    non-zero setting down then up), then the random ones, drawn from a generator seeded by
    ``seed``.
    """
    base = {name: float(getattr(config, name)) for name in PERTURBED_SETTINGS}
    p = config.perturbation
    rows = []
    if p > 0:
        for name in PERTURBED_SETTINGS:
            if base[name] == 0:
                continue
            for sign, word in ((-1, "-"), (1, "+")):
                row = dict(base)
                row[name] = base[name] * (1 + sign * p)
                rows.append({"scenario": f"{name} {word}{p:.0%}", **_valid(row)})
    rng = np.random.default_rng(np.random.SeedSequence([int(seed), 0x5E75]))
    for i in range(config.random_scenarios):
        factors = rng.uniform(1 - p, 1 + p, size=len(PERTURBED_SETTINGS))
        row = {name: base[name] * f for name, f in zip(PERTURBED_SETTINGS, factors, strict=True)}
        rows.append({"scenario": f"random {i + 1}", **_valid(row)})
    return pd.DataFrame(rows, columns=["scenario", *PERTURBED_SETTINGS])


def _valid(row: dict[str, float]) -> dict[str, float]:
    cuts = sorted(row[name] for name in ("cut_low", "cut_medium", "cut_high", "cut_very_high"))
    row.update(zip(("cut_low", "cut_medium", "cut_high", "cut_very_high"), cuts, strict=True))
    row["text_weight"] = min(max(row["text_weight"], 0.0), 1.0)
    return row


def sensitivity(
    assessment: Assessment,
    inputs: ActionInputs,
    *,
    config: ScoringConfig | None = None,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Re-rank threats and actions under every scenario of :func:`scenarios`.

    Input: the run's :class:`analysis.assessment.Assessment`, its
    :class:`analysis.prioritise.ActionInputs`, the config and seed. Output: the
    ``sensitivity`` table (:data:`SENSITIVITY_COLUMNS`: country, ranking "threats" or
    "actions", scenario, top3_same, kendall_tau, n_ranked, settings, note) and the
    ``sensitivity_summary`` table (:data:`SUMMARY_COLUMNS`).
    """
    cfg = config or assessment.config
    table = scenarios(cfg, seed)
    chain = assessment.chain
    if table.empty or not chain.countries:
        return empty_table(SENSITIVITY_COLUMNS), empty_table(SUMMARY_COLUMNS)
    settings = pd.concat(
        [pd.DataFrame([{n: float(getattr(cfg, n)) for n in PERTURBED_SETTINGS}]), table],
        ignore_index=True,
    )
    cuts = settings[["cut_low", "cut_medium", "cut_high", "cut_very_high"]].to_numpy()
    values = np.tile(assessment.cell_values(), (len(settings), 1))
    threats = chain.run(values, cuts, settings["text_weight"].to_numpy())
    theme_values = inputs.theme_values(threats.value, settings["factor_weight"].to_numpy())
    actions = inputs.run(
        theme_values,
        settings["strategy_exponent"].to_numpy(),
        settings["need_exponent"].to_numpy(),
    )
    described = [
        ", ".join(f"{n}={row[n]:.4g}" for n in PERTURBED_SETTINGS)
        for row in table.to_dict("records")
    ]
    n_threats = len(chain.threats)
    rows = []
    for c, country in enumerate(chain.countries):
        threat_ranks = threats.rank[:, c * n_threats : (c + 1) * n_threats]
        for ranking, ranks, codes in (
            ("threats", threat_ranks, chain.threats),
            ("actions", actions.rank[:, c, :], inputs.actions),
        ):
            rows.extend(
                _compare(country, ranking, ranks, codes, list(table["scenario"]), described)
            )
    detail = pd.DataFrame(rows, columns=list(SENSITIVITY_COLUMNS))
    return detail, _summarise(detail, cfg)


def _compare(
    country: str,
    ranking: str,
    ranks: np.ndarray,
    codes: tuple[str, ...],
    names: list[str],
    described: list[str],
) -> list[dict]:
    """Rows comparing each scenario (ranks[1:]) with the published ranks (ranks[0])."""
    ranked = ~np.isnan(ranks[0])
    n = int(ranked.sum())
    if n == 0:
        return []
    base = ranks[0, ranked]
    top = min(3, n)
    base_top = np.argsort(base)[:top]
    out = []
    for i, (name, text) in enumerate(zip(names, described, strict=True), start=1):
        scenario = ranks[i, ranked]
        same = bool(np.array_equal(np.argsort(scenario)[:top], base_top))
        tau = kendall_tau(base, scenario)
        out.append(
            {
                "country": country,
                "ranking": ranking,
                "scenario": name,
                "top3_same": same,
                "kendall_tau": round(tau, 4) if n >= 2 else NOT_COMPUTED,
                "n_ranked": n,
                "settings": text,
                "note": "" if n >= 2 else "kendall_tau: fewer than two items ranked",
            }
        )
    return out


def _summarise(detail: pd.DataFrame, cfg: ScoringConfig) -> pd.DataFrame:
    if detail.empty:
        return empty_table(SUMMARY_COLUMNS)
    rows = []
    for (country, ranking), part in detail.groupby(["country", "ranking"], sort=True):
        share = float(part["top3_same"].mean())
        taus = [t for t in part["kendall_tau"] if not isinstance(t, str)]
        rows.append(
            {
                "country": country,
                "ranking": ranking,
                "n_scenarios": len(part),
                "share_top3_same": round(share, 4),
                "median_tau": round(float(np.median(taus)), 4) if taus else NOT_COMPUTED,
                "stability": STABLE if share >= cfg.stable_share else SENSITIVE,
                "note": "" if taus else "median_tau: fewer than two items ranked",
            }
        )
    out = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    return out.astype({"median_tau": object})

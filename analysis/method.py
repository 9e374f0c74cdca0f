"""The ``method`` table: every setting and rule of a run, in words, with its source.

It becomes the workbook's Method sheet and the page's explanation (docs/method.md: the
secretariat must be able to defend every number). Settings come from the run's
:class:`analysis.scoring.ScoringConfig`; rules are stated here once, in the words the page
shows, and implemented where their docstrings say.
"""

from __future__ import annotations

import pandas as pd

from analysis.scoring import PERTURBED_SETTINGS, ScoringConfig

METHOD_COLUMNS: tuple[str, ...] = ("setting", "value", "meaning", "source")


def N_(text: str) -> str:  # noqa: N802 - the name message extraction looks for
    """Mark a sentence of the method table for translation: the table keeps the English
    text (the CSV files and the workbook do not depend on the reader), and the app shows
    its translation by looking the text up in its message catalogue."""
    return text

CMP = "CMP, Open Standards for the Practice of Conservation 4.0 (2020)"
MIRADI_THREAT = "Miradi SimpleThreatFormula (threat-target ratings)"
MIRADI_SUMMARY = "Miradi ThreatFormula.getSummaryOfBundlesWithTwoPrimeRule"
MIRADI_STRATEGY = "Miradi StrategyRatingSummaryQuestion.getResult"
TASTLE = (
    "Tastle & Wierman (2007), Consensus and dissention: a measure of ordinal dispersion, "
    "Int. J. Approximate Reasoning 45(3)"
)
EFRON = "Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13"
KENDALL = "Kendall (1938), A new measure of rank correlation, Biometrika 30"
CHOSEN = "rule chosen for this programme (the standard has no rule for many raters)"
OWN_RULE = "rule chosen here, where the standard has none (docs/method.md)"


def _rules(cfg: ScoringConfig) -> list[tuple[str, str, str, str]]:
    cuts = cfg.cuts
    perturbed = ", ".join(PERTURBED_SETTINGS)
    return [
        (
            N_("rule: magnitude"),
            "min(scope, severity)",
            N_("scope and severity on four levels (Low 1 .. Very high 4) give the magnitude"),
            f"{MIRADI_THREAT}; {CMP}",
        ),
        (
            N_("rule: respondent rating"),
            "magnitude x irreversibility table",
            N_(
                "irreversibility Medium or High keeps the magnitude, Very high raises it one level "
                "(at most Very high), Low lowers it one level (at least Low); a target the "
                "respondent rated and said the threat does not affect = 0 (None); a rating with "
                "scope, severity or irreversibility missing is incomplete: excluded, counted"
            ),
            f"{MIRADI_THREAT}; {CMP}",
        ),
        (
            N_("rule: rating_value"),
            "group-balanced mean",
            N_(
                "per country, target and threat: mean of the respondents' ratings 0..4 within each "
                "stakeholder group, then the unweighted mean of the group means"
            ),
            CHOSEN,
        ),
        (
            N_("rule: rating label"),
            f"None < {cuts[0]:g} <= Low < {cuts[1]:g} <= Medium < {cuts[2]:g} <= High < "
            f"{cuts[3]:g} <= Very high",
            N_(
                "the rating_value's label by the cut-points cut_low .. cut_very_high; never the "
                "2-prime rule across respondents (a label must not rise because more people "
                "answered)"
            ),
            CHOSEN,
        ),
        (
            N_("rule: share_high"),
            "share of respondents",
            N_("share of the cell's respondents whose rating is High or Very high (not balanced)"),
            CHOSEN,
        ),
        (
            N_("rule: agreement"),
            "Tastle-Wierman consensus",
            N_(
                "1 + sum_i p_i log2(1 - |X_i - mean| / width): 1 = all gave the same rating (or "
                "one respondent), 0 = split between the ends; ratings 0..4 (width 4), factor "
                "gaps 1..4 (width 3)"
            ),
            TASTLE,
        ),
        (
            N_("rule: low evidence"),
            f"n < {cfg.min_n} or groups < {cfg.min_groups}",
            N_(
                "a target rating or factor gap from fewer respondents or stakeholder groups is "
                "marked low evidence: shown, not counted in summaries, priorities or the regional "
                "rule"
            ),
            CHOSEN,
        ),
        (
            N_("rule: bootstrap"),
            f"{cfg.resamples} replicates, {cfg.interval:.0%} percentile interval",
            N_(
                "respondents resampled with replacement within their country (each brings all "
                "their "
                "rows: every target, threat and factor); the group-balanced mean recomputed in "
                "each "
                "replicate (a group nobody was drawn from drops out); ci_low/ci_high the "
                "percentile "
                "interval; seeded by the run's seed and the country code"
            ),
            EFRON,
        ),
        (
            N_("rule: summary threat rating"),
            "3-5-7 rule, then 2-prime rule",
            N_(
                "per country and threat, over the labels of its target ratings that are not low "
                "evidence: 7 Low = 1 Medium, 5 Medium = 1 High, 3 High = 1 Very high (carried "
                "upward in that order); then Very high if >= 2 Very high; High if 1 Very high or "
                ">= 2 High; Medium if 1 High or >= 2 Medium; Low if any Medium or Low; else None. "
                "A threat without such a target rating is low evidence and not ranked"
            ),
            f"{MIRADI_SUMMARY}; {CMP}",
        ),
        (
            N_("rule: threat rank"),
            "country_value, then tie rule",
            N_(
                "threats ranked within each country by country_value (the summary level 0..4; see "
                "text_weight); ties broken by the higher highest target rating_value, then the "
                "higher mean target rating_value, then the threat code (alphabetical)"
            ),
            CHOSEN,
        ),
        (
            N_("rule: rank interval"),
            f"{cfg.interval:.0%} percentile interval of ranks",
            N_(
                "every bootstrap replicate runs the whole chain (rating_values -> labels -> "
                "summary "
                "-> ranks; which target ratings count is fixed by the real data); rank_low/"
                "rank_high: percentile interval of the replicate ranks; p_rank1 / p_top3: share of "
                "replicates ranking the threat first / in the top three"
            ),
            EFRON,
        ),
        (
            N_("rule: factor gap"),
            "very_inadequate 4, inadequate 3, partly_adequate 2, adequate 1, don't know excluded",
            N_(
                "a respondent's gap for a factor = mean of their answered items for it; per "
                "country "
                "the group-balanced mean, with the same bootstrap replicates, agreement and low "
                "evidence rule; a table of its own, never ranked beside threats"
            ),
            "questionnaire 2027.1 data contract; " + CHOSEN,
        ),
        (
            N_("rule: mentions"),
            "share of texts",
            N_(
                "mention_share = the country's texts (survey answers and interview notes) that "
                "mention the theme / the country's texts; reviewed tags take precedence over "
                "machine tags; counted in a threat's country_value only when text_weight > 0"
            ),
            OWN_RULE,
        ),
        (
            N_("rule: country_value of a threat"),
            f"(1 - w) x level + w x 4 x mention_share, w = text_weight = {cfg.text_weight:g}",
            N_("with w = 0 the summary level alone; a country without texts uses its level alone"),
            CHOSEN,
        ),
        (
            N_("rule: strategy rating"),
            "min(impact, feasibility)",
            N_(
                "4 Very effective, 3 Effective, 2 Less effective, 1 Not effective; cost is shown "
                "beside it, not folded in; per country from its national consultation "
                "(rating_source), else the catalogue default"
            ),
            f"{MIRADI_STRATEGY}; {CMP}",
        ),
        (
            N_("rule: priority"),
            f"(strategy value / 4) ^ {cfg.strategy_exponent:g} x (need / 4) ^ "
            f"{cfg.need_exponent:g}",
            N_(
                "need = largest country value among the threats and factors the action addresses "
                "(a threat's: its country_value 0..4; a factor's: factor_weight x gap 1..4); items "
                "low evidence or not rated do not count; an action none of whose items counts is "
                "not ranked"
            ),
            CHOSEN,
        ),
        (
            N_("rule: action tie rule"),
            "impact, cost, need, feasibility, code",
            N_(
                "actions tied on priority are ordered by the higher impact, then the lower cost, "
                "then the larger threat/factor value addressed, then the higher feasibility, then "
                "the action code; tie_rule names the rule that decided"
            ),
            CHOSEN,
        ),
        (
            N_("rule: regional"),
            f">= {cfg.min_states} range states, label >= {cfg.min_level} (High)",
            N_(
                "an action is raised for the region when a threat it addresses is rated High or "
                "Very high (not low evidence) on the same species target in at least min_states "
                "range states that share a transboundary population of that species; pooled "
                "targets (questionnaire 2026.1) name no species and do not count; regional "
                "priority = mean of the action's priorities in those states; ties by the higher "
                "catalogue impact, lower catalogue cost, more states, then the code"
            ),
            f"{OWN_RULE}; populations from the reference data",
        ),
        (
            N_("rule: sensitivity"),
            f"+-{cfg.perturbation:.0%} one at a time, {cfg.random_scenarios} random scenarios",
            f"re-rank threats and actions with each of {perturbed} moved down and up one at a "
            "time (settings at 0 are not moved), then with all moved at once by factors drawn "
            "uniformly; cut-points kept in order; top3_same = same items at ranks 1-3 in the "
            "same order; kendall_tau on the ranked items; 'stable' when the share of "
            f"scenarios with the same top three is >= {cfg.stable_share:g}, else 'sensitive'",
            f"{KENDALL}; {OWN_RULE}",
        ),
        (
            N_("rule: not rated"),
            "text, never NaN",
            N_(
                "a value that does not exist is shown as 'not rated' (or 'not ranked'), with the "
                "reason in the row's note"
            ),
            OWN_RULE,
        ),
    ]


def method_table(config: ScoringConfig, seed: int = 0, notes: dict | None = None) -> pd.DataFrame:
    """Every setting (with its value and meaning) and every rule of the run, with sources.

    Input: the run's config, its seed and optional ``notes`` ({item: text}, e.g. how the
    theme kinds were obtained). Output: DataFrame with :data:`METHOD_COLUMNS`: settings
    first ("section.setting"), then the rules ("rule: ..."), then the seed and notes.
    """
    settings = config.as_table()
    rows = [
        (
            f"{row.section}.{row.setting}",
            row.value,
            row.meaning,
            "analysis/data/scoring.toml (configurable)",
        )
        for row in settings.itertuples(index=False)
    ]
    rows.extend(_rules(config))
    rows.append(("seed", str(seed), N_("seed of every random step (bootstrap, scenarios)"), "run"))
    for key, value in (notes or {}).items():
        rows.append((key, str(value), "", "run"))
    return pd.DataFrame(rows, columns=list(METHOD_COLUMNS))

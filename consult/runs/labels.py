"""The analysis's tables in the reader's language.

``analysis/`` writes its tables with codes (KZ, poaching, saiga, ranger_capacity) and fixed
English words (Very high, catalogue default, tied with …; broken by …), so that the CSV files
stay the same whatever the reader speaks. The pages, the report, the charts and the exports
with labels name them here: codes by the reference data and the catalogues
(:func:`consult.reference.label`), fixed words and rules through gettext.
"""

from __future__ import annotations

import re
from functools import cache

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

import reference as facts
from consult.i18n import current_language, format_number, localise_digits
from consult.reference import VOCABULARIES, label

#: The rules that break ties in the ranks (analysis.assessment.THREAT_TIE_NAMES,
#: analysis.prioritise.ACTION_TIE_NAMES and REGIONAL_TIE_NAMES, analysis.ranking).
TIE_RULES = {
    "higher highest target rating_value": _l("higher highest species rating"),
    "higher highest target rating": _l("higher highest species rating"),
    "higher mean target rating_value": _l("higher mean species rating"),
    "higher mean target rating": _l("higher mean species rating"),
    "higher impact": _l("higher impact"),
    "lower cost": _l("lower cost"),
    "larger threat/factor value addressed": _l("larger threat or factor value addressed"),
    "higher feasibility": _l("higher feasibility"),
    "more range states": _l("more range states"),
    "code (alphabetical)": _l("code (alphabetical)"),
}

_TIE = re.compile(r"^tied with (?P<other>\S+); broken by (?P<rule>.+)$")


@cache
def _kinds() -> dict[str, str]:
    """Every code the analysis may write in its text, with its kind (species and theme
    codes never clash; country codes are upper case)."""
    kinds: dict[str, str] = {}
    for kind, records in (
        ("population", facts.populations()),
        ("group", facts.stakeholder_groups()),
        ("species", facts.species()),
        ("theme", facts.themes()),
        ("action", facts.actions()),
        ("country", facts.countries()),
    ):
        for item in records:
            kinds[item["code"]] = kind
    return kinds


@cache
def _code_pattern() -> re.Pattern:
    codes = sorted(_kinds(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, codes)) + r")(?![\w-])")


def name_codes(text: object, lang: str | None = None) -> str:
    """``text`` with every reference code and action id in it replaced by its name."""
    if text is None:
        return ""
    lang = lang or current_language()
    kinds = _kinds()
    return _code_pattern().sub(lambda m: label(kinds[m.group(1)], m.group(1), lang), str(text))


def value(text: object) -> str:
    """One cell of an analysis table: a fixed word (a level, a strategy rating, "not
    rated" …) translated, a number in the reader's digits, codes named."""
    if text is None:
        return "—"
    if isinstance(text, bool):
        return _("yes") if text else _("no")
    if isinstance(text, int | float):
        return format_number(text)
    named = VOCABULARIES["analysis"].get(str(text))
    if named is not None:
        return str(named)
    return sentence(text)


def tie_rule(text: object) -> str:
    """"tied with X; broken by RULE" in the reader's language."""
    match = _TIE.match(str(text or ""))
    if not match:
        return sentence(text)
    rule = TIE_RULES.get(match["rule"])
    return _(
        "tied with %(other)s; broken by %(rule)s",
        other=name_codes(match["other"]),
        rule=str(rule) if rule is not None else match["rule"],
    )


#: The sentences the analysis writes into notes and the evidence's arithmetic
#: (analysis.assessment, analysis.evidence, analysis.scoring.summary_steps), each with the
#: same sentence in the reader's language. Their parts are named by :func:`_part`.
_SENTENCES: tuple[tuple[re.Pattern, object], ...] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (r"^(?P<who>\S+) \((?P<group>[^)]+)\): not present -> 0$",
         _l("%(who)s (%(group)s): not present -> 0")),
        (r"^(?P<who>\S+) \((?P<group>[^)]+)\): scope (?P<scope>\S+), severity (?P<severity>\S+)"
         r" -> magnitude (?P<magnitude>\S+); irreversibility (?P<irr>\S+) -> (?P<value>\S+)$",
         _l("%(who)s (%(group)s): scope %(scope)s, severity %(severity)s -> magnitude "
            "%(magnitude)s; irreversibility %(irr)s -> %(value)s")),
        (r"^(?P<n>\d+) incomplete rating\(s\) excluded \(a criterion left unrated\)$",
         _l("%(n)s incomplete rating(s) excluded (a criterion left unrated)")),
        (r"^(?P<n>\d+) incomplete rating\(s\) excluded$",
         _l("%(n)s incomplete rating(s) excluded")),
        (r"^share_high = (?P<rest>.+)$", _l("share rated High or Very high = %(rest)s")),
        (r"^(?P<group>[^:]+): sum of (?P<n>\d+) values (?P<total>\S+) / \d+ = (?P<value>\S+)$",
         _l("%(group)s: sum of %(n)s values %(total)s / %(n)s = %(value)s")),
        (r"^group-balanced mean = \((?P<terms>[^)]*)\) / (?P<n>\d+) group\(s\) = "
         r"(?P<value>\S+)$",
         _l("group-balanced mean = (%(terms)s) / %(n)s group(s) = %(value)s")),
        (r"^label: (?P<rest>.+) -> (?P<level>[^>]+)$", _l("label: %(rest)s -> %(level)s")),
        (r"^nobody gave a value: not rated$", _l("nobody gave a value: not rated")),
        (r"^target ratings counted: (?P<list>.+)$", _l("species ratings counted: %(list)s")),
        (r"^no target rating with enough evidence: not rated, not ranked$",
         _l("no species rating with enough evidence: not rated, not ranked")),
        (r"^counts: (?P<list>.+)$", _l("counts: %(list)s")),
        (r"^3-5-7 rule: (?P<size>\d+) x (?P<lower>.+?) = 1 (?P<upper>.+?): (?P<n>\d+) .+? "
         r"carry (?P<add>\d+) to .+? \((?P<before>\d+) -> (?P<after>\d+)\)$",
         _l("3-5-7 rule: %(size)s x %(lower)s = 1 %(upper)s: %(n)s %(lower)s carry %(add)s to "
            "%(upper)s (%(before)s -> %(after)s)")),
        (r"^3-5-7 rule: (?P<n>\d+) (?P<lower>.+?) < (?P<size>\d+), nothing carried$",
         _l("3-5-7 rule: %(n)s %(lower)s < %(size)s, nothing carried")),
        (r"^2-prime rule: (?P<why>.+) -> (?P<level>.+)$", _l("2-prime rule: %(why)s -> %(level)s")),
        (r"^not rated: nobody gave a complete rating \((?P<n>\d+) incomplete\)$",
         _l("not rated: nobody gave a complete rating (%(n)s incomplete)")),
        (r"^(?P<species>\S+) is not listed for (?P<country>\S+) in the species ranges$",
         _l("%(species)s is not listed for %(country)s in the species ranges")),
        (r"^low evidence: (?P<n>\d+) respondent\(s\) < (?P<min>\d+) and (?P<g>\d+) stakeholder "
         r"group\(s\) < (?P<min_groups>\d+)$",
         _l("low evidence: %(n)s respondent(s) < %(min)s and %(g)s stakeholder group(s) < "
            "%(min_groups)s")),
        (r"^low evidence: (?P<n>\d+) respondent\(s\) < (?P<min>\d+)$",
         _l("low evidence: %(n)s respondent(s) < %(min)s")),
        (r"^low evidence: (?P<g>\d+) stakeholder group\(s\) < (?P<min_groups>\d+)$",
         _l("low evidence: %(g)s stakeholder group(s) < %(min_groups)s")),
        (r"^National consultation (?P<date>\S+) \(#(?P<id>\d+)\)$",
         _l("National consultation %(date)s (#%(id)s)")),
        (r"^not raised: no threat it addresses is rated High or Very high on one species in "
         r"(?P<n>\d+) or more range states sharing a population of it$",
         _l("not raised: no threat it addresses is rated High or Very high on one species in "
            "%(n)s or more range states sharing a population of it")),
        (r"^not ranked: no respondent rated this threat in this country$",
         _l("not ranked: no respondent rated this threat in this country")),
        (r"^not ranked: no target rating with enough evidence \((?P<list>.+)\)$",
         _l("not ranked: no species rating with enough evidence (%(list)s)")),
        (r"^(?P<species>[^:;]+): n=(?P<n>\d+), (?P<g>\d+) group\(s\)$",
         _l("%(species)s: n=%(n)s, %(g)s group(s)")),
        (r"^(?P<species>[^:;]+): nobody gave a complete rating$",
         _l("%(species)s: nobody gave a complete rating")),
        (r"^(?P<threat>\S+) on (?P<species>\S+) \((?P<population>[^)]+)\): (?P<list>.+)$",
         _l("%(threat)s on %(species)s (%(population)s): %(list)s")),
        (r"^(?P<need>\S+): no measure answering it in place$",
         _l("%(need)s: no measure answering it in place")),
        # the Method table's rules whose values carry the run's settings (analysis.method)
        (r"^None < (?P<low>\S+) <= Low < (?P<medium>\S+) <= Medium < (?P<high>\S+) <= High < "
         r"(?P<very_high>\S+) <= Very high$",
         _l("None < %(low)s <= Low < %(medium)s <= Medium < %(high)s <= High < %(very_high)s "
            "<= Very high")),
        (r"^n < (?P<min>\d+) or groups < (?P<min_groups>\d+)$",
         _l("respondents < %(min)s or stakeholder groups < %(min_groups)s")),
        (r"^(?P<n>\d+) replicates, (?P<percent>\d+)% percentile interval$",
         _l("%(n)s replicates, %(percent)s%% percentile interval")),
        (r"^(?P<percent>\d+)% percentile interval of ranks$",
         _l("%(percent)s%% percentile interval of ranks")),
        (r"^\(1 - w\) x level \+ w x 4 x mention_share, w = text_weight = (?P<w>\S+)$",
         _l("(1 - w) x level + w x 4 x mention_share, w = text_weight = %(w)s")),
        (r"^\(strategy value / 4\) \^ (?P<a>\S+) x \(need / 4\) \^ (?P<b>\S+)$",
         _l("(strategy value / 4) ^ %(a)s x (need / 4) ^ %(b)s")),
        (r"^>= (?P<n>\d+) range states, label >= (?P<level>\d+) \(High\)$",
         _l(">= %(n)s range states, label >= %(level)s (High)")),
        (r"^\+-(?P<percent>\d+)% one at a time, (?P<n>\d+) random scenarios$",
         _l("+-%(percent)s%% one at a time, %(n)s random scenarios")),
        (r"^re-rank threats and actions with each of (?P<settings>.+) moved down and up one at a "
         r"time \(settings at 0 are not moved\), then with all moved at once by factors drawn "
         r"uniformly; cut-points kept in order; top3_same = same items at ranks 1-3 in the "
         r"same order; kendall_tau on the ranked items; 'stable' when the share of "
         r"scenarios with the same top three is >= (?P<share>\S+), else 'sensitive'$",
         _l("re-rank threats and actions with each of %(settings)s moved down and up one at a "
            "time (settings at 0 are not moved), then with all moved at once by factors drawn "
            "uniformly; cut-points kept in order; top3_same = same items at ranks 1-3 in the "
            "same order; kendall_tau on the ranked items; 'stable' when the share of "
            "scenarios with the same top three is >= %(share)s, else 'sensitive'")),
    )
)
#: Level words inside those sentences ("saiga High 2.53", "Very high 2 >= 2").
_LEVEL_WORDS = re.compile(r"(?<![\w-])(Very high|High|Medium|Low|None|not rated)(?![\w-])")


def _part(text: str) -> str:
    """A part of an analysis sentence: a list of sentences read one by one, codes named,
    level words translated."""
    if "; " in text:
        return "; ".join(_translated(part) or _part(part) for part in text.split("; "))
    levels = VOCABULARIES["analysis"]
    return _LEVEL_WORDS.sub(lambda m: str(levels[m.group(1)]), name_codes(text))


def _translated(text: str) -> str | None:
    for pattern, message in _SENTENCES:
        match = pattern.match(text)
        if match:
            return str(message) % {k: _part(v) for k, v in match.groupdict().items()}
    return None


def sentence(text: object) -> str:
    """A sentence the analysis wrote (a note, a source, a step of the arithmetic) in the
    reader's language where its shape is known (:data:`_SENTENCES`; notes joined by "; "
    are read one by one), else with its codes named; digits localised."""
    if text is None:
        return ""
    return localise_digits(" | ".join(_sentence(part) for part in str(text).split(" | ")))


def _sentence(text: str) -> str:
    whole = _translated(text)
    if whole is None:
        whole = "; ".join(_translated(part) or name_codes(part) for part in text.split("; "))
    return whole


@cache
def _actions() -> dict[str, dict]:
    return {row["code"]: row for row in facts.actions()}


def addresses(action: str, country: str, summary_levels: dict, factor_gaps: dict) -> list[str]:
    """What an action addresses in ``country``, in words: each theme of the catalogue's
    action with its summary rating (threats) or gap (factors) there."""
    item = _actions().get(action)
    if item is None:
        return []
    parts = []
    for theme in [code for code in item["themes"].split(";") if code]:
        name = label("theme", theme)
        if theme in summary_levels.get(country, {}):
            shown = value(summary_levels[country][theme])
        elif theme in factor_gaps.get(country, {}):
            gap = factor_gaps[country][theme]
            shown = (
                _("gap %(value)s", value=format_number(gap, 2))
                if isinstance(gap, int | float)
                else value(gap)
            )
        else:
            shown = str(VOCABULARIES["analysis"]["not rated"])
        parts.append(f"{name}: {shown}")
    return parts


#: The run's data counts (``run.data_counts``) by name.
COUNTS = {
    "actions": _l("actions in the catalogue"),
    "factor_gap_respondents": _l("respondents who answered the gap questions"),
    "factor_gap_rows": _l("gap answers"),
    "measure_respondents": _l("respondents who named measures in place"),
    "measure_rows": _l("measures named"),
    "need_respondents": _l("respondents who ranked needs"),
    "need_rows": _l("needs ranked"),
    "rating_respondents": _l("respondents who rated threats"),
    "rating_rows": _l("threat ratings"),
    "strategy_rating_rows": _l("strategy ratings from national consultations"),
    "texts": _l("texts"),
    "texts_interview": _l("interview notes"),
    "texts_survey": _l("free-text answers"),
}


def count_name(key: str) -> str:
    named = COUNTS.get(key)
    return str(named) if named is not None else key


#: The kinds of denial ``analysis.negation`` names in the evidence ("[no longer]"), and the
#: non-answers it recognises, in the reader's words.
NEGATION_KINDS = {
    "no": _l("“no …”"),
    "not": _l("a negated verb"),
    "no longer": _l("no longer"),
    "neither-nor": _l("“neither … nor”"),
    "without": _l("free of it, or without it"),
    "never": _l("never seen or heard of"),
    "not a problem": _l("said not to be a problem"),
    "don't know": _l("the speaker does not know"),
    "asked back": _l("a question asked back"),
    "echo": _l("the question's words repeated"),
    "referral": _l("sent to someone else"),
    "refusal": _l("declined to answer"),
    "thanks": _l("thanks"),
}

#: Why the tagger gave a text no theme because it says nothing to tag
#: (``analysis.abstain``), in the reader's words.
ABSTAIN_REASONS = {
    "empty": _l("no words, only signs or numbers"),
    "placeholder": _l("a filler such as “n/a” or “no”"),
    "thanks": _l("thanks or good wishes"),
    "no comment": _l("no comment, a refusal or a question back"),
    "don't know": _l("the speaker does not know, or sends the asker to someone else"),
}


def abstain_reason(code: object) -> str:
    """A non-answer's reason (``analysis.abstain``) in the reader's words; "" for none."""
    code = "" if code is None else str(code)
    return str(ABSTAIN_REASONS[code]) if code in ABSTAIN_REASONS else code


#: Where one theme's part of the machine's evidence starts: "poaching: …",
#: "poaching (negated): …" (``analysis.tagging`` joins the parts with "; ").
_EVIDENCE_PART = re.compile(r"(?:^|;\s+)(?P<theme>[a-z_]+)(?P<negated>\s+\(negated\))?:\s")
_NEGATION_KIND = re.compile(r"\s*\[(?P<kind>[^\[\]]+)\]\s*$")


def evidence_parts(text: object, lang: str | None = None) -> list[dict]:
    """The machine's evidence for a text (``analysis.tagging``'s ``evidence`` column), one
    entry per theme, for the reader: ``theme`` (code), ``name`` (in the reader's language),
    ``words`` (the text's own words, as found), ``source`` ("lexicon", "model" or
    "reviewed"), ``negated`` (the theme is named only to be denied) and ``kind`` (the kind
    of denial in the reader's words, or ""). Text that is not evidence of that form comes
    back as one entry with no theme, so that nothing is hidden."""
    text = "" if text is None else str(text).strip()
    if not text:
        return []
    themes = {item["code"] for item in facts.themes()}
    starts = [m for m in _EVIDENCE_PART.finditer(text) if m.group("theme") in themes]
    if not starts or starts[0].start() != 0:
        return [{"theme": "", "name": "", "words": text, "source": "lexicon",
                 "negated": False, "kind": ""}]  # fmt: skip
    lang = lang or current_language()
    parts = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        words = text[match.end() : end].strip()
        kind = ""
        if match.group("negated"):
            found = _NEGATION_KIND.search(words)
            if found:
                words = words[: found.start()].strip()
                code = found.group("kind").strip()
                kind = str(NEGATION_KINDS[code]) if code in NEGATION_KINDS else code
        source = "lexicon"
        if words == "reviewed":
            source, words = "reviewed", ""
        elif words == "model" or words.startswith("model:"):
            source, words = "model", words[len("model:") :].strip() if ":" in words else ""
        theme = match.group("theme")
        parts.append({"theme": theme, "name": label("theme", theme, lang), "words": words,
                      "source": source, "negated": bool(match.group("negated")),
                      "kind": kind})  # fmt: skip
    return parts


def register(app_or_blueprint) -> None:
    """Template filters: ``analysis_value``, ``analysis_tie``, ``analysis_sentence``,
    ``count_name``."""
    for name, function in (
        ("analysis_value", value),
        ("analysis_tie", tie_rule),
        ("analysis_sentence", sentence),
        ("count_name", count_name),
        ("level_value", level_value),
        ("run_step", step),
        ("method_text", method_text),
        ("method_source", method_source),
        ("evidence_parts", evidence_parts),
        ("abstain_reason", abstain_reason),
    ):
        app_or_blueprint.add_app_template_filter(function, name)


def level_value(level: object) -> str:
    """A rating on the standard's four levels (1..4) by its name, with the number beside."""
    if level is None or level != level:
        return "—"
    if isinstance(level, float) and level.is_integer():
        level = int(level)
    named = VOCABULARIES["level"].get(str(level))
    return f"{named} ({format_number(level)})" if named is not None else value(level)


#: The meanings of the settings in analysis/data/scoring.toml and the phrases of the
#: sources, as the Method table shows them (marked here for translation; the table reads
#: them through :func:`method_text` and :func:`method_source`).
METHOD_PHRASES = (
    _l("a country's ranking is 'stable' when at least this share keeps its top 3"),
    _l("a factor's country value = factor_weight x gap (a threat's: its level)"),
    _l("a need is pressing for a respondent who ranks it within this top n"),
    _l("a target rating (or factor gap) from fewer respondents is low evidence"),
    _l("a target rating (or factor gap) from fewer stakeholder groups is low evidence"),
    _l("a target's rating_value at or above this is labelled High"),
    _l("a target's rating_value at or above this is labelled Low (below: None)"),
    _l("a target's rating_value at or above this is labelled Medium"),
    _l("a target's rating_value at or above this is labelled Very high"),
    _l("bootstrap replicates (respondents resampled within their country)"),
    _l("coverage credited to a measure of unrated effectiveness"),
    _l("exponent a of (strategy value / 4) in an action's priority"),
    _l("exponent b of (need / 4) in an action's priority"),
    _l("label level (3 = High) a target rating must reach for the regional rule"),
    _l("range states sharing a population that must rate the threat High or above"),
    _l("relative change of each weight and cut-point in the sensitivity runs"),
    _l("seed of every random step (bootstrap, scenarios)"),
    _l("sensitivity scenarios with every weight and cut-point drawn at random"),
    _l("two-sided coverage of the bootstrap percentile intervals"),
    _l("weight w of text mentions in a threat's country value: (1 - w) x summary level + w x "
       "4 x mention_share; 0 = texts are shown, never counted"),
    _l("analysis/data/scoring.toml (configurable)"),
    _l("rule chosen for this programme (the standard has no rule for many raters)"),
    _l("rule chosen here, where the standard has none (docs/method.md)"),
    _l("populations from the reference data"),
    _l("questionnaire 2027.1 data contract"),
    _l("run"),
    # values of the rules that do not depend on the settings
    _l("min(scope, severity)"),
    _l("magnitude x irreversibility table"),
    _l("group-balanced mean"),
    _l("share of respondents"),
    _l("Tastle-Wierman consensus"),
    _l("3-5-7 rule, then 2-prime rule"),
    _l("country_value, then tie rule"),
    _l("share of texts"),
    _l("min(impact, feasibility)"),
    _l("impact, cost, need, feasibility, code"),
    _l("text, never NaN"),
    _l("very_inadequate 4, inadequate 3, partly_adequate 2, adequate 1, don't know excluded"),
)


def method_source(text: object) -> str:
    """The sources of a Method row: the phrases this app writes in the reader's language,
    the citations (authors, titles) as published."""
    if text is None or text == "":
        return ""
    return "; ".join(_(part) for part in str(text).split("; "))


def method_text(text: object) -> str:
    """A sentence or rule name of the method table (analysis.method marks them with
    ``N_``) in the reader's language; codes in it named."""
    if text is None or text == "":
        return ""
    return sentence(_(str(text)))


def tie_rule_names(text: str) -> str:
    """The method's tie rule ("priority, then higher impact, lower cost …") with the rule
    names translated."""
    out = str(text or "")
    for english, translated in sorted(TIE_RULES.items(), key=lambda item: -len(item[0])):
        out = out.replace(english, str(translated))
    return sentence(out)


#: Columns holding one code, by the kind of code.
_CODE_COLUMNS = {
    "country": "country",
    "threat": "theme",
    "factor": "theme",
    "dominant_theme": "theme",
    "driver": "theme",
    "species": "species",
    "population": "population",
    "action": "action",
    "need": "need",
}
#: Columns of the analysis's fixed words (levels, ratings, "not rated" …).
_VALUE_COLUMNS = ("rating", "strategy_rating", "cost", "rating_source", "stability", "ranking")
#: Columns of sentences or lists with codes in them.
_SENTENCE_COLUMNS = (
    "countries", "populations", "threats", "basis", "addresses", "note",
    "related_measures", "scenario", "meaning", "value", "setting",
)


def _texts(column, function):
    return column.map(lambda cell: function(cell) if isinstance(cell, str) and cell else cell)


def label_table(name: str, frame):
    """An analysis table with its codes named in the reader's language (``?labels=1``
    downloads). Numbers stay numbers; column names stay as documented."""
    out = frame.copy()
    for column in out.columns:
        if column in _CODE_COLUMNS:
            kind = _CODE_COLUMNS[column]
            out[column] = _texts(out[column], lambda code, kind=kind: label(kind, code))
        elif column == "target":
            out[column] = _texts(
                out[column],
                lambda code: value("pooled") if code == "pooled" else label("species", code),
            )
        elif column in _VALUE_COLUMNS or column == "rank":
            out[column] = _texts(out[column], value)
        elif column == "tie_rule":
            out[column] = _texts(out[column], tie_rule)
        elif column in _SENTENCE_COLUMNS:
            out[column] = _texts(out[column], name_codes)
    return out


#: Font families that cover each script, first choice first (Debian: fonts-noto-core,
#: fonts-noto-cjk).
_FONTS = {
    "Latn": ("Noto Sans", "DejaVu Sans"),
    "Cyrl": ("Noto Sans", "DejaVu Sans"),
    "Hans": ("Noto Sans CJK SC", "Noto Sans CJK JP"),
    "Arab": ("Noto Sans Arabic", "Noto Naskh Arabic"),
}
_SCRIPTS = {"zh": "Hans", "fa": "Arab", "ps": "Arab", "ur": "Arab", "ru": "Cyrl", "mn": "Cyrl",
            "kk": "Cyrl", "ky": "Cyrl", "tg": "Cyrl"}


@cache
def chart_fonts(lang: str) -> tuple[str, ...]:
    """The installed font families to draw a chart for a reader of ``lang``; a warning is
    logged when none of those that cover its script is installed (the chart then falls back
    to matplotlib's DejaVu Sans, and the browser to its own fonts for the SVG's text)."""
    import logging

    from matplotlib import font_manager

    wanted = _FONTS[_SCRIPTS.get(lang, "Latn")]
    found = []
    # Noto Sans after the script's own font: digits and Latin words in the same label.
    for family in dict.fromkeys((*wanted, "Noto Sans")):
        try:
            font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:
            continue
        found.append(family)
    if not set(found) & set(wanted):
        logging.getLogger(__name__).warning(
            "no font covering %s is installed (%s): charts fall back to DejaVu Sans; "
            "install fonts-noto-core and fonts-noto-cjk", lang, ", ".join(wanted)
        )
    return tuple(found)


def chart_text():
    """The words of the run's charts in the reader's language."""
    from analysis.report import ChartText

    lang = current_language()
    names = {code: label(kind, code, lang) for code, kind in _kinds().items()}
    words = {
        english: str(translated)
        for english, translated in {
            **{key: VOCABULARIES["analysis"][key] for key in ("None", "Low", "Medium", "High",
                                                                 "Very high", "not rated")},
            "low evidence": _l("low evidence"),
            "regional priority (mean of the states' priorities)": _l(
                "regional priority (mean of the states' priorities)"
            ),
            "Regional priority of the top actions": _l("Regional priority of the top actions"),
            "Summary threat rating per country and threat": _l(
                "Summary threat rating per country and threat"
            ),
        }.items()
    }
    return ChartText(
        names=names,
        words=words,
        fonts=chart_fonts(lang),
        digits=lambda text: localise_digits(text, lang),
        rtl=facts.is_rtl(lang),
    )


#: The steps a run announces (analysis.pipeline.run_analysis) and the app's own messages.
STEPS = {
    "Tagging texts": _l("Tagging texts"),
    "Clustering texts": _l("Clustering texts"),
    "Rating threats and factors (bootstrap)": _l("Rating threats and factors (bootstrap)"),
    "Ranking actions per country": _l("Ranking actions per country"),
    "Ranking actions for the region": _l("Ranking actions for the region"),
    "Re-ranking under perturbed settings": _l("Re-ranking under perturbed settings"),
    "Comparing needs with measures": _l("Comparing needs with measures"),
    "Done": _l("Done"),
}


def step(message: str | None) -> str:
    """A run's progress message in the reader's language."""
    if not message:
        return _("Waiting to start…")
    named = STEPS.get(message)
    return str(named) if named is not None else sentence(message)

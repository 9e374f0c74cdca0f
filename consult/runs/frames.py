"""The one place that turns database rows into the DataFrames `analysis/` takes.

Frames and their columns are the contract described in analysis/pipeline.py: texts,
ratings, needs, measures, factor gaps and strategy ratings; the reference facts come from
the reference package. Only submitted responses count.

Ratings are read from both versions of the programme's questionnaire:

* 2027.1 names up to three species (``target_1`` .. ``target_3``) and, for each, the direct
  threats that affect it (``t{i}_threats``) and their scope, severity, irreversibility and
  trend (``t{i}_{threat}_scope`` …): one row per respondent, species and direct threat;
* 2026.1 asked about "the species in your area" (``threats_present``, ``{theme}_scope`` …):
  its direct-threat ratings become one pooled target ("pooled"); its ratings of the
  contributing factors are not threats and are left out.

Gap questions (``gap_enforcement`` …; which factor each measures is reference data) give the
factor gaps: very inadequate 4, inadequate 3, partly adequate 2, adequate 1, don't know none.

Texts carry reviewed tags: the facilitator's tags of an interview note, replaced by the first
coder's themes where the secretariat has coded the text (``codings``), and a ``reviewed``
column, True for a text whose tags a person gave or checked. A coded text with no theme has
blank ``tags`` and ``reviewed`` True: the analysis (``analysis.scoring.mention_shares``)
then counts it as mentioning nothing, instead of falling back to the machine's themes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

import reference
from consult.models import Answer, Coding, Questionnaire, QuestionnaireVersion, Response

LEVELS = {"low": 1, "medium": 2, "high": 3, "very_high": 4}
GAPS = {"very_inadequate": 4, "inadequate": 3, "partly_adequate": 2, "adequate": 1}
#: The target of 2026.1 ratings, which named no species (the analysis's POOLED_TARGET).
POOLED = "pooled"
#: How many species a 2027.1 respondent may name (``target_1`` .. ``target_3``).
TARGET_SLOTS = 3
EFFECTIVENESS = {"not": 1, "less": 2, "effective": 3, "very_effective": 4}
#: Free-text questions of the programme's questionnaire; other forms' `text` questions whose
#: name ends in "_text" count too.
FREE_TEXT_SUFFIX = "_text"

TEXT_COLUMNS = [
    "id", "text", "lang", "country", "group", "source", "tags", "link", "question", "translation"
]
#: The texts frame as the analysis gets it: reviewed tags in ``tags``, and ``reviewed``.
REVIEWED_TEXT_COLUMNS = [*TEXT_COLUMNS, "reviewed"]
RATING_COLUMNS = [
    "response_id", "country", "group", "target", "threat", "present",
    "scope", "severity", "irreversibility", "trend", "link",
]
GAP_COLUMNS = ["response_id", "country", "group", "factor", "item", "gap"]
NEED_COLUMNS = ["response_id", "country", "group", "need", "rank"]
MEASURE_COLUMNS = ["response_id", "country", "group", "measure", "effectiveness"]


@dataclass
class AnalysisFrames:
    texts: pd.DataFrame
    ratings: pd.DataFrame
    needs: pd.DataFrame
    measures: pd.DataFrame
    factor_gaps: pd.DataFrame
    strategy_ratings: pd.DataFrame

    def counts(self) -> dict[str, int]:
        return {
            "survey_texts": int((self.texts["source"] == "survey").sum()),
            "interview_notes": int((self.texts["source"] == "interview").sum()),
            "respondents_rating": int(self.ratings["response_id"].nunique()),
            "rating_rows": len(self.ratings),
            "respondents_on_gaps": int(self.factor_gaps["response_id"].nunique()),
            "strategy_ratings": len(self.strategy_ratings),
        }


def _answers(
    session: Session,
    slug: str | None,
    countries: Iterable[str] | None,
    *,
    free_text_only: bool = False,
) -> pd.DataFrame:
    query = (
        select(
            Response.id,
            Response.language,
            Response.country_code,
            Response.group_code,
            Answer.question,
            Answer.instance,
            Answer.value,
        )
        .join(Answer, Answer.response_id == Response.id)
        .where(Response.status == "submitted")
    )
    if slug:
        query = (
            query.join(QuestionnaireVersion, QuestionnaireVersion.id == Response.version_id)
            .join(Questionnaire, Questionnaire.id == QuestionnaireVersion.questionnaire_id)
            .where(Questionnaire.slug == slug)
        )
    if countries:
        query = query.where(Response.country_code.in_(list(countries)))
    if free_text_only:
        query = query.where(Answer.question.like(f"%{FREE_TEXT_SUFFIX}"))
    rows = session.execute(query).all()
    frame = pd.DataFrame(
        rows,
        columns=["response_id", "lang", "country", "group", "question", "instance", "value"],
    )
    frame[["country", "group", "lang"]] = frame[["country", "group", "lang"]].fillna("")
    return frame


def survey_texts_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """Free-text answers, one row per answer, in the `texts` contract."""
    mask = answers["question"].str.endswith(FREE_TEXT_SUFFIX) & (
        answers["value"].str.strip() != ""
    )
    texts = answers[mask]
    return pd.DataFrame(
        {
            "id": "survey:" + texts["response_id"].astype(str) + ":" + texts["question"],
            "text": texts["value"],
            "lang": texts["lang"],
            "country": texts["country"],
            "group": texts["group"],
            "source": "survey",
            "tags": "",
            "link": "/secretariat/responses/" + texts["response_id"].astype(str),
            "question": texts["question"],
            "translation": "",
        },
        columns=TEXT_COLUMNS,
    ).reset_index(drop=True)


def reviewed_themes(session: Session) -> dict[str, list[str]]:
    """The first coder's themes of every coded text, by text id ([]: coded "no theme")."""
    rows = session.execute(select(Coding.text_id, Coding.themes).where(Coding.role == "first"))
    return {text_id: list(themes or []) for text_id, themes in rows}


def with_reviewed_tags(texts: pd.DataFrame, coded: dict[str, list[str]]) -> pd.DataFrame:
    """``texts`` with the coders' themes (``coded``, by text id) in ``tags`` (";"-joined in
    the reference data's order) instead of the facilitator's, and ``reviewed``: True for a
    coded text or one with tags; a text coded "no theme" has blank tags."""
    order = {code: position for position, code in enumerate(reference.theme_codes())}
    joined = {
        text_id: ";".join(sorted(themes, key=lambda code: (order.get(code, len(order)), code)))
        for text_id, themes in coded.items()
    }
    result = texts.copy()
    is_coded = result["id"].isin(list(joined))
    result["tags"] = result["tags"].fillna("").astype(str)
    result.loc[is_coded, "tags"] = result.loc[is_coded, "id"].map(joined)
    result["reviewed"] = is_coded | (result["tags"].str.replace(";", "").str.strip() != "")
    return result[REVIEWED_TEXT_COLUMNS]


def free_texts(session: Session, countries: Iterable[str] | None = None) -> pd.DataFrame:
    """Every free-text answer of a submitted response and every interview note with text,
    in the `texts` contract (:data:`TEXT_COLUMNS`; ``tags`` as the facilitators gave them,
    without the coders' themes): the texts the secretariat codes. `countries` limits them
    to those countries."""
    from consult.interviews.service import interview_texts_frame

    countries = list(countries or [])
    answers = _answers(session, None, countries, free_text_only=True)
    notes = interview_texts_frame(session, countries=countries or None).assign(question="note")
    return pd.concat([survey_texts_frame(answers), notes[TEXT_COLUMNS]], ignore_index=True)


def _levels(wide: pd.DataFrame, name: str) -> pd.Series:
    column = wide.get(name)
    if column is None:
        return pd.Series(pd.NA, index=wide.index, dtype="Int64")
    return column.map(LEVELS).astype("Int64")


def _text(wide: pd.DataFrame, name: str) -> pd.Series:
    column = wide.get(name)
    return column if column is not None else pd.Series(pd.NA, index=wide.index)


def _rating_rows(
    wide: pd.DataFrame, target: pd.Series, chosen: pd.Series, prefix: str
) -> list[pd.DataFrame]:
    """The rows of one target slot (or of the pooled 2026.1 ratings): one per respondent
    with a target and direct threat; ``chosen`` holds the ticked codes (NA: unanswered)."""
    keep = target.notna() & (target.astype("string").str.strip() != "")
    if not keep.any():
        return []
    ticked = chosen[keep].map(lambda codes: codes.split() if isinstance(codes, str) else None)
    parts = []
    for threat in reference.theme_codes(reference.DIRECT_THREAT):
        part = pd.DataFrame(index=wide.index[keep])
        part["target"] = target[keep].astype(str)
        part["threat"] = threat
        part["present"] = ticked.map(
            lambda codes, t=threat: pd.NA if codes is None else t in codes
        ).astype("boolean")
        for aspect in ("scope", "severity", "irreversibility"):
            part[aspect] = _levels(wide, f"{prefix}{threat}_{aspect}")[keep]
        part["trend"] = _text(wide, f"{prefix}{threat}_trend")[keep]
        parts.append(part)
    return parts


def ratings_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per respondent, target (species, or "pooled" for 2026.1) and direct threat:
    present (NA when the question was not answered), scope/severity/irreversibility 1–4,
    trend."""
    top = answers[answers["instance"] == 0]
    wide = top.pivot_table(
        index="response_id", columns="question", values="value", aggfunc="first"
    )
    if wide.empty:
        return pd.DataFrame(columns=RATING_COLUMNS)
    parts: list[pd.DataFrame] = []
    if "threats_present" in wide:
        answered = wide["threats_present"].notna()
        pooled = pd.Series(POOLED, index=wide.index).where(answered)
        parts += _rating_rows(wide, pooled, wide["threats_present"], "")
    for slot in range(1, TARGET_SLOTS + 1):
        target = wide.get(f"target_{slot}")
        if target is not None:
            parts += _rating_rows(wide, target, _text(wide, f"t{slot}_threats"), f"t{slot}_")
    if not parts:
        return pd.DataFrame(columns=RATING_COLUMNS)
    profile = top.drop_duplicates("response_id").set_index("response_id")[["country", "group"]]
    ratings = pd.concat(parts).join(profile).rename_axis("response_id").reset_index()
    ratings["response_id"] = ratings["response_id"].astype(str)
    ratings["link"] = "/secretariat/responses/" + ratings["response_id"]
    ratings["trend"] = ratings["trend"].astype("string")
    return (
        ratings[RATING_COLUMNS]
        .sort_values(["response_id", "target", "threat"])
        .reset_index(drop=True)
    )


def factor_gaps_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per respondent and gap question answered: the factor it measures (reference
    data) and the gap 1–4 (NA for "don't know")."""
    factor_of = {
        question: theme["code"]
        for theme in reference.themes()
        for question in theme.get("gap_questions", ())
    }
    top = answers[(answers["instance"] == 0) & answers["question"].isin(list(factor_of))]
    top = top[top["value"].str.strip() != ""]
    frame = pd.DataFrame(
        {
            "response_id": top["response_id"].astype(str),
            "country": top["country"],
            "group": top["group"],
            "factor": top["question"].map(factor_of),
            "item": top["question"],
            "gap": top["value"].map(GAPS).astype("Int64"),
        },
        columns=GAP_COLUMNS,
    )
    return frame.sort_values(["response_id", "item"]).reset_index(drop=True)


def needs_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """The ranked needs, one row per respondent and need (rank 1 = most needed)."""
    ranked = answers[(answers["question"] == "needs_rank") & (answers["value"] != "")]
    rows = [
        (str(row.response_id), row.country, row.group, need, position)
        for row in ranked.itertuples()
        for position, need in enumerate(row.value.split(), start=1)
    ]
    return pd.DataFrame(rows, columns=NEED_COLUMNS)


def measures_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """Measures reported in place, with their rated effectiveness (1–4, NA when not rated)."""
    top = answers[answers["instance"] == 0]
    in_place = top[top["question"] == "measures_in_place"]
    ratings = {
        (row.response_id, row.question.removeprefix("eff_")): EFFECTIVENESS.get(row.value)
        for row in top[top["question"].str.startswith("eff_")].itertuples()
    }
    rows = [
        (str(row.response_id), row.country, row.group, measure,
         ratings.get((row.response_id, measure)))
        for row in in_place.itertuples()
        for measure in row.value.split()
    ]
    frame = pd.DataFrame(rows, columns=MEASURE_COLUMNS)
    frame["effectiveness"] = frame["effectiveness"].astype("Int64")
    return frame


def analysis_frames(
    session: Session,
    *,
    questionnaire: str | None = None,
    countries: Iterable[str] | None = None,
    include_interviews: bool = True,
    species: Iterable[str] | None = None,
    groups: Iterable[str] | None = None,
) -> AnalysisFrames:
    """Read submitted responses (and interview notes) into the analysis frames; the texts
    carry their reviewed tags (the first coder's themes take precedence).

    `species` keeps respondents who work with any of those species (their `species`
    answer) and interviews that discussed any of them; `groups` keeps stakeholder groups.
    """
    countries = list(countries or [])
    species = list(species or [])
    answers = _answers(session, questionnaire, countries)
    if species:
        chosen = answers[answers["question"] == "species"]
        wanted = set(species)
        works_with = chosen["value"].str.split().map(lambda codes: not wanted.isdisjoint(codes))
        answers = answers[answers["response_id"].isin(chosen[works_with]["response_id"])]
    if groups:
        answers = answers[answers["group"].isin(list(groups))]
    texts = survey_texts_frame(answers)
    if include_interviews:
        from consult.interviews.service import interview_texts_frame

        notes = interview_texts_frame(
            session, countries=countries or None, species=species or None
        )
        if groups:
            notes = notes[notes["group"].isin(list(groups))]
        notes = notes.assign(question="note")
        texts = pd.concat([texts, notes[TEXT_COLUMNS]], ignore_index=True)
    from consult.interviews.service import strategy_ratings_frame

    return AnalysisFrames(
        texts=with_reviewed_tags(texts, reviewed_themes(session)),
        ratings=ratings_frame(answers),
        needs=needs_frame(answers),
        measures=measures_frame(answers),
        factor_gaps=factor_gaps_frame(answers),
        strategy_ratings=strategy_ratings_frame(session, countries=countries or None),
    )

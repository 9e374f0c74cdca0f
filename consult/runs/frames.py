"""The one place that turns database rows into the DataFrames `analysis/` takes.

Frames and their columns are the contract described in analysis/pipeline.py:
texts, ratings, needs and measures. Only submitted responses count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from consult.models import Answer, Questionnaire, QuestionnaireVersion, Response
from consult.reference import THEMES

LEVELS = {"low": 1, "medium": 2, "high": 3, "very_high": 4}
EFFECTIVENESS = {"not": 1, "less": 2, "effective": 3, "very_effective": 4}
#: Free-text questions of the programme's questionnaire; other forms' `text` questions whose
#: name ends in "_text" count too.
FREE_TEXT_SUFFIX = "_text"

TEXT_COLUMNS = ["id", "text", "lang", "country", "group", "source", "tags", "link", "question"]
RATING_COLUMNS = [
    "response_id", "country", "group", "theme", "present",
    "scope", "severity", "irreversibility", "trend", "link",
]
NEED_COLUMNS = ["response_id", "country", "group", "need", "rank"]
MEASURE_COLUMNS = ["response_id", "country", "group", "measure", "effectiveness"]


@dataclass
class AnalysisFrames:
    texts: pd.DataFrame
    ratings: pd.DataFrame
    needs: pd.DataFrame
    measures: pd.DataFrame

    def counts(self) -> dict[str, int]:
        return {
            "survey_texts": int((self.texts["source"] == "survey").sum()),
            "interview_notes": int((self.texts["source"] == "interview").sum()),
            "respondents_rating": int(self.ratings["response_id"].nunique()),
            "rating_rows": len(self.ratings),
        }


def _answers(
    session: Session, slug: str | None, countries: Iterable[str] | None
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
        },
        columns=TEXT_COLUMNS,
    ).reset_index(drop=True)


def ratings_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per respondent and theme: present, scope/severity/irreversibility 1–4, trend."""
    top = answers[answers["instance"] == 0]
    wide = top.pivot_table(
        index="response_id", columns="question", values="value", aggfunc="first"
    )
    if wide.empty or "threats_present" not in wide:
        return pd.DataFrame(columns=RATING_COLUMNS)
    profile = top.drop_duplicates("response_id").set_index("response_id")[["country", "group"]]
    present = wide["threats_present"].fillna("").str.split()
    parts = []
    for theme in THEMES:
        part = pd.DataFrame(index=wide.index)
        part["theme"] = theme
        part["present"] = present.map(lambda codes, t=theme: t in codes)
        for aspect in ("scope", "severity", "irreversibility"):
            column = wide.get(f"{theme}_{aspect}")
            values = column.map(LEVELS) if column is not None else pd.Series(pd.NA, wide.index)
            part[aspect] = values.astype("Int64")
        trend = wide.get(f"{theme}_trend")
        part["trend"] = trend if trend is not None else pd.NA
        parts.append(part)
    ratings = pd.concat(parts).join(profile).reset_index()
    ratings["response_id"] = ratings["response_id"].astype(str)
    ratings["link"] = "/secretariat/responses/" + ratings["response_id"]
    ratings["trend"] = ratings["trend"].astype("string")
    return ratings[RATING_COLUMNS].sort_values(["response_id", "theme"]).reset_index(drop=True)


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
    """Read submitted responses (and interview notes) into the analysis frames.

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
    return AnalysisFrames(
        texts=texts,
        ratings=ratings_frame(answers),
        needs=needs_frame(answers),
        measures=measures_frame(answers),
    )

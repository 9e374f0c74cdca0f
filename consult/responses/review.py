"""Reading responses back: counts per version, the list filter, one response's values, and
exports (CSV and XLSX, answers by question, with labels in a chosen language)."""

from __future__ import annotations

import copy
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import IO, TYPE_CHECKING, Any

from flask_babel import gettext as _
from sqlalchemy import exists, func
from sqlalchemy.orm import selectinload

from consult import media
from consult.database import lowered
from consult.extensions import db
from consult.models import Answer, MediaFile, Questionnaire, QuestionnaireVersion, Response
from consult.questionnaires.service import QuestionnaireError, get_version, load_version_form
from surveys.export import responses_frame, to_csv, to_xlsx
from surveys.model import Form
from surveys.validation import coerce

if TYPE_CHECKING:
    import pandas as pd

def response_counts(questionnaire: Questionnaire) -> dict[int, dict[str, int]]:
    """Responses per version id and status: ``{version_id: {"draft": n, "submitted": m}}``."""
    rows = db.session.execute(
        db.select(Response.version_id, Response.status, func.count())
        .join(QuestionnaireVersion, QuestionnaireVersion.id == Response.version_id)
        .where(QuestionnaireVersion.questionnaire_id == questionnaire.id)
        .group_by(Response.version_id, Response.status)
    ).all()
    counts: dict[int, dict[str, int]] = {
        v.id: {"draft": 0, "submitted": 0} for v in questionnaire.versions
    }
    for version_id, status, count in rows:
        counts.setdefault(version_id, {"draft": 0, "submitted": 0})[status] = count
    return counts


@dataclass
class ResponseFilter:
    """Which responses to list or export; every field is optional.

    ``version`` is a version number of ``questionnaire``; ``date_from``/``date_to`` bound
    the submission day (the start day for drafts), both inclusive, in UTC; ``since``
    keeps responses changed at or after a moment (for API clients that sync).
    """

    questionnaire: Questionnaire | None = None
    version: int | None = None
    country: str | None = None
    group: str | None = None
    language: str | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    since: datetime | None = None
    #: a reference number, whole or its beginning, in any case, hyphens optional
    reference: str | None = None
    #: words inside any answer, in any case
    text: str | None = None


#: Longest reference or answer text searched for, in characters.
MAX_SEARCH_CHARS = 200
#: Letters a reference read aloud or retyped may come with, as Crockford's base 32 reads them.
_CROCKFORD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def reference_key(text: str) -> str:
    """A reference as typed reduced to its letters and digits in upper case, the letters
    Crockford's base 32 leaves out read as the digits they look like after the first
    hyphen-free block (``cami 7k3q-9f2d`` → ``CAMI7K3Q9F2D``)."""
    key = re.sub(r"[^0-9A-Za-z]", "", (text or "")[:MAX_SEARCH_CHARS]).upper()
    head = re.match(r"[A-Z]*", key).group(0)
    # The form's prefix is letters; the random part never has O, I or L.
    if len(head) > 6:
        head = head[:6]
    return head + key[len(head) :].translate(_CROCKFORD)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def responses_query(flt: ResponseFilter):
    """A select of responses matching ``flt``, newest first (for ``db.paginate``)."""
    moment = func.coalesce(Response.submitted_at, Response.created_at)
    query = db.select(Response).join(
        QuestionnaireVersion, QuestionnaireVersion.id == Response.version_id
    )
    if flt.questionnaire is not None:
        query = query.where(QuestionnaireVersion.questionnaire_id == flt.questionnaire.id)
    if flt.version is not None:
        query = query.where(QuestionnaireVersion.number == flt.version)
    if flt.country:
        query = query.where(Response.country_code == flt.country)
    if flt.group:
        query = query.where(Response.group_code == flt.group)
    if flt.language:
        query = query.where(Response.language == flt.language)
    if flt.status:
        query = query.where(Response.status == flt.status)
    if flt.date_from is not None:
        query = query.where(moment >= datetime.combine(flt.date_from, time.min, UTC))
    if flt.date_to is not None:
        query = query.where(
            moment < datetime.combine(flt.date_to + timedelta(days=1), time.min, UTC)
        )
    if flt.since is not None:
        query = query.where(Response.updated_at >= flt.since)
    key = reference_key(flt.reference or "")
    if key:
        bare = func.replace(Response.reference, "-", "")
        condition = bare.like(_like(key) + "%", escape="\\")
        if len(key) >= 8:
            # The random part alone, without the form's prefix.
            condition = condition | bare.like("%" + _like(key), escape="\\")
        query = query.where(condition)
    text = " ".join((flt.text or "")[:MAX_SEARCH_CHARS].split()).lower()
    if text:
        query = query.where(
            exists().where(
                Answer.response_id == Response.id,
                lowered(Answer.value).like("%" + _like(text) + "%", escape="\\"),
            )
        )
    return query.order_by(moment.desc(), Response.id.desc())


def matching_answers(responses: list[Response], text: str, per_response: int = 3):
    """For each response id, up to ``per_response`` answers holding ``text`` (any case):
    what the list shows under a response found by its answers."""
    text = " ".join((text or "")[:MAX_SEARCH_CHARS].split()).lower()
    found: dict[int, list[Answer]] = {}
    if not text or not responses:
        return found
    rows = db.session.scalars(
        db.select(Answer)
        .where(
            Answer.response_id.in_([r.id for r in responses]),
            lowered(Answer.value).like("%" + _like(text) + "%", escape="\\"),
        )
        .order_by(Answer.response_id, Answer.id)
    )
    for answer in rows:
        items = found.setdefault(answer.response_id, [])
        if len(items) < per_response:
            items.append(answer)
    return found


def response_values(response: Response, form: Form | None = None) -> dict[str, Any]:
    """A response's answers as values keyed by question name (see surveys.validation):
    numbers as numbers, repeat answers as one list per question. Answers to questions
    the form does not have are kept as their text."""
    form = form or load_version_form(response.version)
    values: dict[str, Any] = {}
    repeated: dict[str, dict[int, Any]] = {}
    sizes: dict[str | None, int] = {}
    for answer in response.answers:
        question = form.questions.get(answer.question)
        value: Any = answer.value
        if question is not None:
            try:
                value = coerce(question, answer.value)
            except ValueError:
                value = answer.value
        if answer.instance:
            repeated.setdefault(answer.question, {})[answer.instance] = value
            repeat = question.repeat if question is not None else None
            sizes[repeat] = max(sizes.get(repeat, 0), answer.instance)
        else:
            values[answer.question] = value
    for name, items in repeated.items():
        question = form.questions.get(name)
        size = sizes.get(question.repeat if question is not None else None, max(items))
        values[name] = [items.get(i, "") for i in range(1, size + 1)]
    return values


def export_form(questionnaire: Questionnaire, number: int | None = None) -> Form:
    """The form whose columns an export has.

    With a version number, that version's form. Without, the current version's form with
    the questions and choices of older versions added after it, so that no answer given
    to an earlier version is left out of the table.
    """
    if number is not None:
        return load_version_form(get_version(questionnaire, number))
    newest = get_version(questionnaire)
    merged = copy.copy(load_version_form(newest))
    merged.questions = dict(merged.questions)
    merged.choices = {name: list(items) for name, items in merged.choices.items()}
    for version in sorted(questionnaire.versions, key=lambda v: v.number, reverse=True):
        if version.id == newest.id:
            continue
        older = load_version_form(version)
        for name, question in older.questions.items():
            merged.questions.setdefault(name, question)
        for list_name, choices in older.choices.items():
            known = {choice.name for choice in merged.choices.setdefault(list_name, [])}
            merged.choices[list_name].extend(c for c in choices if c.name not in known)
    return merged


def submission_id(response: Response) -> str:
    """The id an export gives a response and an import matches it by: the uuid of the
    submission it was imported from, else the id the respondent's browser sent, else its
    reference."""
    return response.external_uuid or response.client_submission_id or response.reference


def version_name(version: QuestionnaireVersion) -> str:
    """How an export names a questionnaire version: the XLSForm's settings version, or
    ``#<number>`` when the form has none."""
    return version.version_label or f"#{version.number}"


def response_record(response: Response, form: Form | None = None) -> dict[str, Any]:
    """One response as the dict :func:`surveys.export.responses_frame` takes."""
    return {
        "id": response.id,
        "reference": response.reference,
        "submission_id": submission_id(response),
        "version": version_name(response.version),
        "language": response.language,
        "country": response.country_code,
        "group": response.group_code,
        "status": response.status,
        "submitted_at": response.submitted_at,
        "values": response_values(response, form),
    }


def responses_table(
    flt: ResponseFilter, *, labels: bool = False, lang: str | None = None
) -> pd.DataFrame:
    """The responses matching ``flt`` (its questionnaire is required) as one table: one
    row per response, one column per question path (:func:`surveys.export.responses_frame`),
    oldest first."""
    if flt.questionnaire is None:
        raise QuestionnaireError(_("Choose a questionnaire to export its responses."))
    form = export_form(flt.questionnaire, flt.version)
    query = responses_query(flt).options(
        selectinload(Response.answers), selectinload(Response.version)
    )
    responses = list(db.session.scalars(query))
    responses.reverse()
    records = [response_record(response, form) for response in responses]
    frame = responses_frame(form, records, labels=labels, lang=lang)
    if labels:
        # The describing columns too: countries, groups, languages and statuses by name.
        from consult.reference import label

        questions = set(form.questions)
        for name, kind in (("country", "country"), ("group", "group"),
                           ("language", "language"), ("status", "response_status")):
            # The describing column is "_country" where a question is called "country".
            column = f"_{name}" if name in questions and f"_{name}" in frame.columns else name
            if column in frame.columns and (column.startswith("_") or name not in questions):
                frame[column] = frame[column].map(
                    lambda code, kind=kind: label(kind, code, lang) if code else code
                )
    return frame


def export_responses(
    flt: ResponseFilter, fmt: str, *, labels: bool = False, lang: str | None = None
) -> bytes:
    """The responses matching ``flt`` as ``fmt`` "csv" or "xlsx" bytes, every text cell
    neutralised against formula injection."""
    if fmt not in ("csv", "xlsx"):
        raise QuestionnaireError(_("format: '%(format)s' is not csv or xlsx", format=fmt))
    frame = responses_table(flt, labels=labels, lang=lang)
    return to_csv(frame) if fmt == "csv" else to_xlsx(frame)


#: files in formats that are compressed already go into a zip as they are
_COMPRESSED = ("image/", "audio/", "video/", "application/pdf", "application/vnd.openxml")


def media_path(response: Response, stored: MediaFile) -> str:
    """Where an export zip puts a file: ``media/<reference>/<question>[-<instance>]-<name>``."""
    place = stored.question + (f"-{stored.instance}" if stored.instance else "")
    return f"media/{response.reference}/{place}-{stored.filename}"


def export_responses_zip(
    flt: ResponseFilter, out: IO[bytes], *, labels: bool = False, lang: str | None = None
) -> int:
    """Write to ``out`` a zip of the responses matching ``flt``: ``responses.csv`` (as the
    CSV export), the answers' files under ``media/`` and ``media.csv`` listing each file's
    response, question, repeat instance, name, type, size, SHA-256 and path in the zip.
    Files are read one at a time. Returns the number of files."""
    import pandas as pd

    frame = responses_table(flt, labels=labels, lang=lang)
    select_ids = responses_query(flt).with_only_columns(Response.id).order_by(None)
    rows = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("responses.csv", to_csv(frame))
        found = db.session.execute(
            db.select(MediaFile, Response)
            .join(Response, Response.id == MediaFile.response_id)
            .where(MediaFile.response_id.in_(select_ids))
            .order_by(Response.id, MediaFile.question, MediaFile.instance)
        )
        for stored, response in found:
            path = media_path(response, stored)
            try:
                data = media.read(stored)
            except FileNotFoundError:
                path = ""
            else:
                kind = (
                    zipfile.ZIP_STORED
                    if stored.content_type.startswith(_COMPRESSED)
                    else zipfile.ZIP_DEFLATED
                )
                archive.writestr(path, data, compress_type=kind)
            rows.append(
                {
                    "reference": response.reference,
                    "submission_id": submission_id(response),
                    **stored.describe(),
                    "path": path,
                }
            )
        columns = ["reference", "submission_id", "question", "instance", "filename",
                   "content_type", "size", "sha256", "path"]
        archive.writestr("media.csv", to_csv(pd.DataFrame(rows, columns=columns)))
    return len(rows)

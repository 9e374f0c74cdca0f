"""Responses out: one table, written safely for spreadsheets.

:func:`responses_frame` lays responses out as one row each with one column per question,
named by its XLSForm path as KoboToolbox and ODK Central name them, so the same analysis
scripts read either. :func:`to_csv` and :func:`to_xlsx` write a frame with every text cell
passed through :func:`neutralise`, because respondents' free text is opened in Excel and
a cell starting with ``=`` would run as a formula (CSV/formula injection).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from surveys.model import MULTI_CODE_TYPES, Form, Question

if TYPE_CHECKING:
    import pandas as pd

#: Columns describing each response, before the question columns. ``submission_id`` is
#: the id an import of the file matches responses by (so importing it again adds nothing
#: twice); ``version`` names the questionnaire version the response answered.
META_COLUMNS = (
    "id",
    "reference",
    "submission_id",
    "version",
    "language",
    "country",
    "group",
    "status",
    "submitted_at",
)
#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Between labels of a multiple answer.
LABEL_SEPARATOR = "; "


def neutralise(value: Any) -> Any:
    """A cell value that a spreadsheet shows as text, never runs as a formula.

    A string starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading apostrophe, and so does one that starts so after apostrophes (``'=x``), so that
    taking one apostrophe off again (:func:`restore`) gives back every text; anything else
    (numbers, dates, other strings) is returned as is.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore(text: str) -> str:
    """A text cell of an export as it was before :func:`neutralise`."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def exported_questions(form: Form) -> list[Question]:
    """The questions that get a column: all but notes, in form order."""
    return [q for q in form.questions.values() if q.type != "note"]


def responses_frame(
    form: Form,
    responses: Sequence[Mapping[str, Any]],
    *,
    labels: bool = False,
    lang: str | None = None,
) -> pd.DataFrame:
    """One row per response, one column per question.

    Each response is a dict with the keys of :data:`META_COLUMNS` and ``values`` (answers
    by question name, as in :mod:`surveys.validation`). Columns are :data:`META_COLUMNS`
    (with a leading ``_`` where a question has the same name), then each question by its
    path (``threats/poaching_severity``); a select_multiple column holds the
    space-separated codes and is followed by one 0/1 column per choice
    (``threats/species/saiga``), empty when the question was not answered. With
    ``labels=True`` select answers are choice labels in ``lang`` (default language where a
    translation is missing), several joined by ``"; "``. A question in a repeat has one
    column per instance, named as KoboCAT and Ona name them (``sites[2]/site_name``), as
    many as the most instances a response has (at least one), without choice columns.
    """
    import pandas as pd

    questions = exported_questions(form)
    paths = {question.path for question in questions}
    # A describing column takes a leading "_" where a question has the same path (a form
    # with a top-level `country` question), as KoboToolbox names its own columns.
    meta = {name: f"_{name}" if name in paths else name for name in META_COLUMNS}
    instances = _instance_counts(form, questions, responses)
    columns = list(meta.values())
    for question in questions:
        if question.repeat is not None:
            columns.extend(_loop_columns(form, question, instances[question.repeat]))
            continue
        columns.append(question.path)
        columns.extend(f"{question.path}/{code}" for code in _split_codes(form, question))
    rows = []
    for response in responses:
        values = response.get("values") or {}
        row: dict[str, Any] = {meta[name]: response.get(name) for name in META_COLUMNS}
        for question in questions:
            value = values.get(question.name)
            if question.repeat is not None:
                items = value if isinstance(value, list) else [value]
                loop = _loop_columns(form, question, instances[question.repeat])
                for column, item in zip(loop, items, strict=False):
                    row[column] = _cell(form, question, item, labels, lang)
                continue
            row[question.path] = _cell(form, question, value, labels, lang)
            codes = _split_codes(form, question)
            if not codes:
                continue
            answered = value not in (None, "")
            chosen = set(str(value).split()) if answered else set()
            for code in codes:
                row[f"{question.path}/{code}"] = int(code in chosen) if answered else None
        rows.append(row)
    data: dict[str, Any] = {column: [row.get(column) for row in rows] for column in columns}
    for question in questions:
        if question.type == "integer" and question.repeat is None:
            cells = data[question.path]
            if all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in cells):
                data[question.path] = pd.array(cells, dtype="Int64")
        for code in _split_codes(form, question):
            column = f"{question.path}/{code}"
            data[column] = pd.array(data[column], dtype="Int64")
    frame = pd.DataFrame(data, columns=columns)
    return frame


def _repeat_path(form: Form, repeat: str) -> str:
    return next(
        (g.path for g in form.groups.values() if g.kind == "repeat" and g.name == repeat), repeat
    )


def _instance_counts(
    form: Form, questions: Sequence[Question], responses: Sequence[Mapping[str, Any]]
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in questions:
        if question.repeat is None:
            continue
        longest = max(
            (len(v) for r in responses
             if isinstance(v := (r.get("values") or {}).get(question.name), list)),
            default=0,
        )
        counts[question.repeat] = max(counts.get(question.repeat, 1), longest)
    return counts


def _loop_columns(form: Form, question: Question, count: int) -> list[str]:
    """``sites[1]/site_name`` … for the instances of a repeat question."""
    base = _repeat_path(form, question.repeat or "")
    inside = question.path.removeprefix(base + "/")
    return [f"{base}[{n}]/{inside}" for n in range(1, count + 1)]


def _split_codes(form: Form, question: Question) -> list[str]:
    if question.type != "select_multiple" or question.repeat is not None:
        return []
    return [choice.name for choice in form.options(question)]


def _cell(form: Form, question: Question, value: Any, labels: bool, lang: str | None) -> Any:
    if isinstance(value, list):
        # Several values for a question outside a repeat (it was in one in another version).
        parts = [_cell(form, question, item, labels, lang) for item in value]
        return " | ".join("" if p is None else str(p) for p in parts)
    if value is None or value == "":
        return None
    if isinstance(value, str) and question.type in ("integer", "decimal"):
        # Answers stored as text come back as numbers, so the column sorts and sums.
        try:
            return int(value) if question.type == "integer" else float(value)
        except ValueError:
            return value
    if not labels or not question.list_name:
        return value
    names = {choice.name: choice for choice in form.options(question)}
    codes = str(value).split() if question.type in MULTI_CODE_TYPES else [str(value)]
    texts = [form.label(names[c], lang)[0] or c if c in names else c for c in codes]
    return LABEL_SEPARATOR.join(texts)


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    safe = frame.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise, na_action="ignore")
    return safe


def to_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV bytes (with a byte order mark, which Excel needs to see
    UTF-8), text cells neutralised, lines ending in CRLF as RFC 4180 has them."""
    # With "\r\n" as line end the csv writer quotes every cell holding a carriage return;
    # unquoted, Excel starts a new row there and could run the text after it as a formula.
    return _safe(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet_name: str = "responses") -> bytes:
    """The frame as .xlsx bytes, text cells neutralised; time zones are written as UTC."""
    import pandas as pd

    safe = _safe(frame)
    for column in safe.columns:
        series = safe[column]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            safe[column] = series.dt.tz_convert(UTC).dt.tz_localize(None)
        elif series.dtype == object:
            safe[column] = series.map(_naive_utc, na_action="ignore")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet_name[:31], index=False)
    return buffer.getvalue()


def _naive_utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value

"""Submission exports written the way the tools write them, for import tests.

The tools themselves cannot be installed here (formpack, KoboToolbox's exporter, is not on
PyPI; ODK Central and onadata are servers), so these writers follow their published code
and documentation:

* :func:`kobo_export`: formpack's ``Export`` (``reporting/export.py``, ``schema/fields.py``):
  headers are XML names or labels in one language (``lang``), with the groups' labels or
  names joined by ``group_sep`` when ``hierarchy``; select_multiple "both" (the answer, then
  one column per choice named ``<header><group_sep><choice label>``, "1"/"0", empty when not
  answered); choice answers as labels in label exports, a select_multiple's labels joined by
  spaces; KPI's copy fields after the questions (``_id``, ``_uuid``, ``_submission_time``,
  ``__version__`` …) and ``_index``; each repeat on its own sheet with ``_parent_table_name``,
  ``_parent_index`` and ``_submission_<copy field>``; sheet names made unique for Excel
  (``unique_name_for_xls``: 31 characters, "..." and " (1)"); an optional HXL row; CSV of
  the main section only, ``;`` between quoted cells.
* :func:`central_zip`: ODK Central's ``.csv.zip`` (``lib/data/briefcase.js``; docs.getodk.org,
  "Briefcase export CSV format"): ``<form>.csv`` with ``SubmissionDate``, the fields by
  group path with ``-``, ``meta-instanceID``, ``KEY`` and Central's columns, and one
  ``<form>-<repeat>.csv`` per repeat with the paths inside the repeat, ``PARENT_KEY`` and
  ``KEY`` (``uuid:…/group/repeat[n]``).
* :func:`legacy_csv`: KoboCAT / Ona's CSV (onadata ``libs/utils/csv_builder.py``): XPath
  headers, select_multiple split into ``True``/``False`` choice columns, repeats as loop
  columns ``repeat[n]/question``, ``n/a`` for every value a submission does not have, and
  onadata's extra columns.

A submission is ``{"uuid", "time", "version", "values"}`` with ODK raw values (codes,
repeat questions as lists).
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from collections.abc import Sequence
from typing import Any

import openpyxl

from surveys.model import Form, Question

KPI_COPY_FIELDS = (
    "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
    "_submitted_by", "__version__", "_tags",
)
ONA_EXTRA = (
    "_id", "_uuid", "_submission_time", "_date_modified", "_tags", "_notes", "_version",
    "_duration", "_submitted_by", "_total_media", "_media_count", "_media_all_received",
)


def exported(form: Form, repeat: str | None) -> list[Question]:
    return [q for q in form.questions.values() if q.type != "note" and q.repeat == repeat]


def repeats(form: Form) -> list[str]:
    return [g.name for g in form.groups.values() if g.kind == "repeat"]


def repeat_path(form: Form, repeat: str) -> str:
    return next(g.path for g in form.groups.values() if g.kind == "repeat" and g.name == repeat)


def count_answers(submissions: Sequence[dict]) -> int:
    """Answers in a list of submissions: each non-empty value, each repeat item."""
    total = 0
    for submission in submissions:
        for value in submission["values"].values():
            items = value if isinstance(value, list) else [value]
            total += sum(1 for item in items if item not in (None, ""))
    return total


# -- KoboToolbox (formpack) ------------------------------------------------------------


def _chain(form: Form, question: Question) -> list:
    chain, name = [], question.group
    while name:
        group = form.groups[name]
        chain.append(group)
        name = group.parent
    return list(reversed(chain))


def _label(form: Form, obj, lang: str | None) -> str:
    if lang is None:
        return obj.name
    return obj.labels.get(lang) or obj.name


def kobo_header(form: Form, question: Question, lang, hierarchy: bool, sep: str) -> str:
    if not hierarchy:
        return _label(form, question, lang)
    return sep.join([_label(form, g, lang) for g in _chain(form, question)]
                    + [_label(form, question, lang)])


def _kobo_cells(form: Form, question: Question, value: Any, lang) -> list[str]:
    """The cells of one field: its value, and for a select_multiple one cell per choice."""
    value = "" if value is None else str(value)
    options = form.options(question)
    if question.type == "select_one" and lang is not None and value:
        names = {c.name: c for c in options}
        return [names[value].labels.get(lang) or value if value in names else value]
    if question.type != "select_multiple":
        return [value]
    chosen = value.split()
    if lang is not None:
        names = {c.name: c for c in options}
        summary = " ".join(
            (names[c].labels.get(lang) or c) if c in names else c for c in chosen
        )
    else:
        summary = value
    details = ["1" if c.name in chosen else "0" for c in options] if value else [""] * len(options)
    return [summary, *details]


def _kobo_headers(form, question, lang, hierarchy, sep) -> list[str]:
    header = kobo_header(form, question, lang, hierarchy, sep)
    if question.type != "select_multiple":
        return [header]
    joiner = sep or "/"
    return [header, *(f"{header}{joiner}{_label(form, c, lang)}" for c in form.options(question))]


def unique_name_for_xls(name: str, taken: Sequence[str], ellipsis: str = "...") -> str:
    """formpack's utils.string.unique_name_for_xls."""
    name = name.translate({ord(c): "_" for c in "[]*?:\\/"})
    name = re.sub(r"(^'|'$)", "_", name)

    def ellipsize(text: str, mark: str) -> str:
        return text[: 31 - len(mark)] + mark if len(text) > 31 else text

    candidate, number = ellipsize(name, ellipsis), 1
    while candidate in taken:
        candidate = ellipsize(name, f"{ellipsis} ({number})")
        number += 1
    return candidate


def kobo_export(
    form: Form,
    submissions: Sequence[dict],
    *,
    lang: str | None = None,
    hierarchy: bool = True,
    sep: str = "/",
    fmt: str = "xlsx",
    hxl: dict[str, str] | None = None,
    title: str | None = None,
    ellipsis: str = "...",
) -> bytes:
    """A KoboToolbox export of ``submissions``; ``lang=None`` for XML values and headers."""
    sections: dict[str | None, list[list[Any]]] = {}
    main_questions = exported(form, None)
    has_children = any(
        any(isinstance(s["values"].get(q.name), list) for q in form.questions.values())
        for s in submissions
    ) or bool(repeats(form))
    header = [h for q in main_questions for h in _kobo_headers(form, q, lang, hierarchy, sep)]
    header += list(KPI_COPY_FIELDS) + (["_index"] if has_children else [])
    sections[None] = [header]
    if hxl is not None:
        tags = []
        for question in main_questions:
            width = len(_kobo_headers(form, question, lang, hierarchy, sep))
            tags += [hxl.get(question.name, "")] + [""] * (width - 1)
        sections[None].append(tags + [""] * (len(header) - len(tags)))
    child_index = {r: 0 for r in repeats(form)}
    for index, submission in enumerate(submissions, start=1):
        values = submission["values"]
        row = [c for q in main_questions for c in _kobo_cells(form, q, values.get(q.name), lang)]
        meta = {
            "_id": str(100 + index), "_uuid": submission["uuid"],
            "_submission_time": submission.get("time", "2026-05-02T10:00:00"),
            "_validation_status": "", "_notes": "", "_status": "submitted_via_web",
            "_submitted_by": "", "__version__": submission.get("version", ""), "_tags": "",
        }
        row += [meta[k] for k in KPI_COPY_FIELDS] + ([index] if has_children else [])
        sections[None].append(row)
        for repeat in repeats(form):
            questions = exported(form, repeat)
            count = max((len(values.get(q.name) or []) for q in questions), default=0)
            if repeat not in sections:
                child_header = [h for q in questions
                                for h in _kobo_headers(form, q, lang, hierarchy, sep)]
                child_header += ["_parent_table_name", "_parent_index"]
                child_header += [f"_submission_{k}" for k in KPI_COPY_FIELDS]
                sections[repeat] = [child_header]
            for item in range(count):
                child_index[repeat] += 1
                cells = [
                    c for q in questions
                    for c in _kobo_cells(form, q, (values.get(q.name) or [""] * count)[item], lang)
                ]
                cells += [title or form.title, index] + [meta[k] for k in KPI_COPY_FIELDS]
                sections[repeat].append(cells)
    if fmt == "csv":
        return "".join(
            '"' + '";"'.join(str(c).replace('"', '""') for c in row) + '"\r\n'
            for row in sections[None]
        ).encode("utf-8")
    book = openpyxl.Workbook()
    book.remove(book.active)
    names: list[str] = []
    for section, rows in sections.items():
        name = unique_name_for_xls(title or form.title if section is None else section, names,
                                   ellipsis)
        names.append(name)
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- ODK Central -----------------------------------------------------------------------


def _central_cells(form: Form, question: Question, value: Any, split: bool) -> list[str]:
    value = "" if value is None else str(value)
    if question.type != "select_multiple" or not split:
        return [value]
    chosen = value.split()
    return [value, *("1" if c.name in chosen else "0" for c in form.options(question))]


def _central_headers(form: Form, question: Question, base: str, split: bool, paths: bool):
    name = question.path.removeprefix(base).replace("/", "-") if paths else question.name
    if question.type != "select_multiple" or not split:
        return [name]
    return [name, *(f"{name}/{c.name}" for c in form.options(question))]


def _csv(rows: Sequence[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def central_files(
    form: Form, submissions: Sequence[dict], form_id: str = "cami_gap_needs",
    *, split: bool = False, group_paths: bool = True,
) -> dict[str, bytes]:
    """The CSV files of ODK Central's export, by file name."""
    main = exported(form, None)
    header = ["SubmissionDate"]
    header += [h for q in main for h in _central_headers(form, q, "", split, group_paths)]
    header += ["meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
               "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits",
               "FormVersion"]
    rows: list[list[Any]] = [header]
    children: dict[str, list[list[Any]]] = {}
    for submission in submissions:
        values, key = submission["values"], f"uuid:{submission['uuid']}"
        row = [submission.get("time", "2026-05-02T10:00:00.000Z")]
        row += [c for q in main for c in _central_cells(form, q, values.get(q.name), split)]
        row += [key, key, "5", "collector", "0", "0", "", "", "", "0",
                submission.get("version", form.version)]
        rows.append(row)
        for repeat in repeats(form):
            path = repeat_path(form, repeat)
            questions = exported(form, repeat)
            if repeat not in children:
                children[repeat] = [[
                    h for q in questions
                    for h in _central_headers(form, q, path + "/", split, group_paths)
                ] + ["PARENT_KEY", "KEY"]]
            count = max((len(values.get(q.name) or []) for q in questions), default=0)
            for item in range(count):
                cells = [
                    c for q in questions
                    for c in _central_cells(
                        form, q, (values.get(q.name) or [""] * count)[item], split
                    )
                ]
                children[repeat].append([*cells, key, f"{key}/{path}[{item + 1}]"])
    files = {f"{form_id}.csv": _csv(rows)}
    for repeat, child_rows in children.items():
        files[f"{form_id}-{repeat}.csv"] = _csv(child_rows)
    return files


def central_zip(form: Form, submissions: Sequence[dict], form_id: str = "cami_gap_needs",
                **options) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in central_files(form, submissions, form_id, **options).items():
            archive.writestr(name, data)
    return buffer.getvalue()


# -- KoboCAT / Ona -----------------------------------------------------------------------


def legacy_csv(form: Form, submissions: Sequence[dict], *, binary: bool = False) -> bytes:
    """onadata's CSV export: split selects, loop columns, n/a for what is missing."""
    yes, no = ("1", "0") if binary else ("True", "False")

    def columns_of(question: Question, prefix: str) -> list[str]:
        if question.type == "select_multiple":
            return [f"{prefix}/{c.name}" for c in form.options(question)]
        return [prefix]

    counts = {
        r: max(
            (len(s["values"].get(q.name) or []) for s in submissions for q in exported(form, r)),
            default=0,
        )
        for r in repeats(form)
    }
    header: list[str] = []
    for question in exported(form, None):
        header += columns_of(question, question.path)
    for repeat in repeats(form):
        path = repeat_path(form, repeat)
        for item in range(1, counts[repeat] + 1):
            for question in exported(form, repeat):
                inside = question.path.removeprefix(path + "/")
                header += columns_of(question, f"{path}[{item}]/{inside}")
    header += list(ONA_EXTRA)
    rows = [header]
    for number, submission in enumerate(submissions, start=1):
        values = submission["values"]
        record: dict[str, str] = {}

        def put(question: Question, prefix: str, value: Any, record=record) -> None:
            if value in (None, ""):
                return
            if question.type == "select_multiple":
                chosen = str(value).split()
                for choice in form.options(question):
                    record[f"{prefix}/{choice.name}"] = yes if choice.name in chosen else no
            else:
                record[prefix] = str(value)

        for question in exported(form, None):
            put(question, question.path, values.get(question.name))
        for repeat in repeats(form):
            path = repeat_path(form, repeat)
            for question in exported(form, repeat):
                inside = question.path.removeprefix(path + "/")
                for item, value in enumerate(values.get(question.name) or [], start=1):
                    put(question, f"{path}[{item}]/{inside}", value)
        record.update({
            "_id": str(number), "_uuid": submission["uuid"],
            "_submission_time": submission.get("time", "2015-03-02T10:00:00"),
            "_version": submission.get("version", "n/a"), "_duration": "312",
        })
        rows.append([record.get(column, "n/a") for column in header])
    return _csv(rows)


# -- sample submissions ------------------------------------------------------------------

#: Texts that are hard for a CSV or a spreadsheet: separators, quotes, line breaks.
TEXTS = ["Railway fences; the canal", 'He said "stop", then left', "Сайгак, кулан\nи архар",
         "=1+1 dzud", "  spaced  ", "n/a"]


def answer(form: Form, question, rng: random.Random):
    codes = [c.name for c in form.options(question)]
    kind = question.type
    if kind == "select_one":
        return rng.choice(codes)
    if kind in ("select_multiple", "rank"):
        picked = rng.sample(codes, rng.randint(1, min(3, len(codes))))
        return " ".join(picked)
    if kind == "integer":
        return str(rng.randint(0, 60))
    if kind == "decimal":
        return rng.choice(["7.5", "12", "0.25"])
    if kind == "date":
        return "2026-05-0" + str(rng.randint(1, 9))
    if kind == "acknowledge":
        return "OK"
    if kind in ("text", "calculate"):
        return rng.choice(TEXTS[:4])
    if kind in ("geopoint", "geotrace", "geoshape"):
        # ODK's "latitude longitude altitude accuracy", points joined by ";", a shape closed
        # (written as the readers normalise numbers: no trailing zeros)
        points = [f"{round(rng.uniform(36, 50), 5)} {round(rng.uniform(50, 90), 5)} 0 0"
                  for _ in range(3)]
        if kind == "geopoint":
            return points[0]
        return ";".join(points[:2] if kind == "geotrace" else [*points, points[0]])
    return ""


def submissions(form: Form, count: int = 4, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    made = []
    for number in range(count):
        values: dict = {}
        for question in exported(form, None):
            if question.type in ("start", "end", "today", "deviceid", "username"):
                continue
            if rng.random() < 0.85:
                values[question.name] = answer(form, question, rng)
        for repeat in repeats(form):
            instances = rng.randint(0, 3)
            for question in exported(form, repeat):
                items = [answer(form, question, rng) for _ in range(instances)]
                if instances:
                    values[question.name] = items
        made.append({"uuid": f"a0000000-0000-4000-8000-00000000000{number}",
                     "time": f"2026-05-0{number + 1}T10:00:00", "values": values})
    return made


def expected(form: Form, submission: dict, *, choice_order: bool = False) -> dict:
    """The values a reading gives: numbers as numbers, texts stripped, no empty ones;
    with ``choice_order`` a select_multiple's codes in the order of its choices (what one
    0/1 column per choice keeps)."""
    values = {}
    for name, value in submission["values"].items():
        question = form.questions[name]

        def typed(item, question=question):
            if question.type == "integer":
                return int(item)
            if question.type == "decimal":
                return float(item)
            if question.type == "select_multiple" and choice_order:
                chosen = item.split()
                return " ".join(c.name for c in form.options(question) if c.name in chosen)
            return item.strip() if question.type == "text" else item

        values[name] = [typed(v) for v in value] if isinstance(value, list) else typed(value)
    return values



"""Exports as KoboToolbox, ODK Central and KoboCAT/Ona write them, read back whole.

Each test writes submissions with :mod:`tests.surveys.export_writers` and checks that every
answer comes back (answers in = answers read), or is named in the reading's report.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from surveys.model import Form
from surveys.odk_import import SubmissionFileError, read_export
from surveys.xlsform import load_form
from tests.surveys.export_writers import (
    central_files,
    central_zip,
    count_answers,
    expected,
    kobo_export,
    legacy_csv,
    submissions,
)
from tests.surveys.xlsform_fixtures import CHOICES, SETTINGS, SURVEY, survey_row, xlsx

SHIPPED = Path(__file__).resolve().parents[2] / "surveys" / "forms" / "cami-gap-needs.xlsx"
@pytest.fixture(scope="module")
def shipped() -> Form:
    return load_form(SHIPPED.read_bytes(), SHIPPED.name).form


def assert_read_whole(form: Form, made: list[dict], reading) -> None:
    assert [r.errors for r in reading.rows] == [[] for _ in made]
    assert [r.notes for r in reading.rows] == [[] for _ in made]
    assert [r.values for r in reading.rows] == [expected(form, s) for s in made]
    assert [r.uuid for r in reading.rows] == [s["uuid"] for s in made]
    read = sum(
        len([v for v in (value if isinstance(value, list) else [value]) if v != ""])
        for row in reading.rows for value in row.values.values()
    )
    assert read == count_answers(made)
    assert reading.unmatched == []


# -- KoboToolbox -----------------------------------------------------------------------


@pytest.mark.parametrize("hierarchy", [True, False])
def test_kobo_xlsx_with_xml_headers_and_its_repeat_sheet(shipped, hierarchy):
    made = submissions(shipped)
    data = kobo_export(shipped, made, hierarchy=hierarchy)
    reading = read_export(shipped, data, "kobo.xlsx")
    assert_read_whole(shipped, made, reading)
    assert reading.tool == "kobo" and reading.headers == "xml"
    assert reading.repeat_tables == {"stakeholder_rep": "stakeholder_rep"}


@pytest.mark.parametrize(
    ("lang", "hierarchy", "sep"),
    [("en", False, "/"), ("ru", False, "/"), ("en", True, "/"), ("fa", True, " > "),
     ("zh", True, "-"), ("mn", True, ".")],
)
def test_kobo_label_exports_in_any_language_are_read_back_to_codes(shipped, lang, hierarchy, sep):
    made = submissions(shipped, count=5, seed=len(lang) + hierarchy)
    data = kobo_export(shipped, made, lang=lang, hierarchy=hierarchy, sep=sep)
    reading = read_export(shipped, data, "kobo.xlsx")
    assert_read_whole(shipped, made, reading)
    assert (reading.headers, reading.language) == ("labels", lang)
    if hierarchy:
        assert reading.separator == sep


def test_kobo_label_headers_shared_by_several_questions_follow_form_order(shipped):
    # Twelve questions are labelled "Scope: …"; without group names only the order tells.
    made = submissions(shipped, count=3, seed=3)
    reading = read_export(shipped, kobo_export(shipped, made, lang="en", hierarchy=False),
                          "kobo.xlsx")
    for row, submission in zip(reading.rows, made, strict=True):
        for name in ("t1_poaching_scope", "t2_climate_scope", "t3_livestock_trend"):
            assert row.values.get(name) == submission["values"].get(name)


def test_kobo_label_csv_with_an_hxl_row_and_repeats_left_out(form):
    made = submissions(form, count=3)
    tags = {"country": "#country +code", "years": "#indicator +years"}
    data = kobo_export(form, made, lang="ru", fmt="csv", hxl=tags)
    reading = read_export(form, data, "kobo.csv")
    assert reading.hxl_rows == ["kobo.csv"]
    assert [r.row_number for r in reading.rows] == [3, 4, 5]
    main_only = [{**s, "values": {k: v for k, v in s["values"].items()
                                  if not isinstance(v, list)}} for s in made]
    assert [r.values for r in reading.rows] == [expected(form, s) for s in main_only]
    # A Kobo CSV has no repeats: the reading says so instead of staying silent.
    assert reading.missing_repeats == ["sites"]


def test_long_repeat_sheet_names_shortened_by_kobo_find_their_repeats():
    long_a = "stakeholder_representatives_of_the_region"
    long_b = "stakeholder_representatives_of_the_district"
    survey = [
        ["type", "name", "label"],
        ["text", "place", "Place"],
        ["begin_repeat", long_a, "Regional"],
        ["text", "who_a", "Who (regional)"],
        ["end_repeat", None, None],
        ["begin_repeat", long_b, "District"],
        ["integer", "count_b", "How many (district)"],
        ["end_repeat", None, None],
    ]
    form = load_form(xlsx({"survey": survey, "settings": [["form_title", "form_id"],
                                                          ["Reps", "reps"]]}), "r.xlsx").form
    made = [
        {"uuid": "u-1", "values": {"place": "Aral", "who_a": ["A1", "A2"], "count_b": ["3"]}},
        {"uuid": "u-2", "values": {"place": "Ustyurt", "count_b": ["5", "8"]}},
    ]
    for ellipsis in ("...", "\u2026"):
        data = kobo_export(form, made, ellipsis=ellipsis)
        reading = read_export(form, data, "kobo.xlsx")
        titles = sorted(reading.repeat_tables)
        assert titles[0].startswith("stakeholder_representat") and len(titles[0]) == 31
        assert sorted(reading.repeat_tables.values()) == [long_b, long_a]
        assert [r.values for r in reading.rows] == [
            {"place": "Aral", "who_a": ["A1", "A2"], "count_b": [3]},
            {"place": "Ustyurt", "count_b": [5, 8]},
        ]


def test_unmatched_columns_and_sheets_and_orphan_rows_are_reported(form):
    made = submissions(form, count=2)
    data = kobo_export(form, made)
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    main = book.worksheets[0]
    main.cell(row=1, column=main.max_column + 1, value="threats/new_question")
    main.cell(row=2, column=main.max_column, value="kept nowhere")
    sites = book["sites"]
    sites.append(["Lost site", 3, "Gap and needs test", 99])
    notes = book.create_sheet("field notes")
    notes.append(["note", "_parent_index"])
    notes.append(["windy", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    reading = read_export(form, buffer.getvalue(), "kobo.xlsx")
    assert [(u.header, u.values) for u in reading.unmatched] == [("threats/new_question", 1)]
    assert [(t.sheet, t.rows) for t in reading.unread_tables] == [("field notes", 1)]
    assert [(o.sheet, o.repeat) for o in reading.orphans] == [("sites", "sites")]
    assert "_uuid" in reading.metadata and "_submission_time" in reading.metadata


# -- ODK Central -----------------------------------------------------------------------


@pytest.mark.parametrize("split", [False, True])
def test_odk_central_csv_zip_joins_repeats_to_their_submissions(shipped, split):
    made = submissions(shipped, count=5, seed=11)
    data = central_zip(shipped, made, split=split)
    reading = read_export(shipped, data, "cami_gap_needs.csv.zip")
    assert_read_whole(shipped, made, reading)
    assert reading.tool == "central"
    assert reading.repeat_tables == {"cami_gap_needs-stakeholder_rep.csv": "stakeholder_rep"}


def test_odk_central_repeat_rows_are_ordered_by_their_key(form):
    made = [{"uuid": "c-1", "values": {"country": "KZ", "site_name": ["A", "B", "C"]}}]
    files = central_files(form, made, "gap")
    header, *rows = list(csv.reader(io.StringIO(files["gap-sites.csv"].decode())))
    files["gap-sites.csv"] = "\n".join(
        ",".join(r) for r in [header, *reversed(rows)]
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    (row,) = read_export(form, buffer.getvalue(), "gap.csv.zip").rows
    assert row.values["site_name"] == ["A", "B", "C"]


def test_a_repeat_csv_alone_is_refused_with_a_message_saying_so(form):
    made = submissions(form, count=2)
    child = central_files(form, made, "gap")["gap-sites.csv"]
    with pytest.raises(SubmissionFileError, match="repeat 'sites'.*csv.zip") as refused:
        read_export(form, child, "gap-sites.csv")
    assert refused.value.code == "repeat_only"


def test_odk_central_main_csv_alone_says_its_repeats_are_elsewhere(form):
    made = submissions(form, count=2)
    main = central_files(form, made, "gap", group_paths=False)["gap.csv"]
    reading = read_export(form, main, "gap.csv")
    assert reading.missing_repeats == ["sites"]
    assert all(r.errors == [] for r in reading.rows)


def test_a_zip_that_is_no_export_is_refused(form):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(SubmissionFileError, match="ODK Central export"):
        read_export(form, buffer.getvalue(), "x.csv.zip")


# -- KoboCAT / Ona -----------------------------------------------------------------------


@pytest.mark.parametrize("binary", [False, True])
def test_legacy_csv_with_loop_columns_and_na_placeholders(form, binary):
    made = submissions(form, count=4, seed=5)
    reading = read_export(form, legacy_csv(form, made, binary=binary), "ona.csv")
    assert reading.tool == "legacy"
    assert reading.placeholders > 0
    assert [r.errors for r in reading.rows] == [[] for _ in made]
    assert [r.values for r in reading.rows] == [
        expected(form, s, choice_order=True) for s in made
    ]


def test_na_stays_a_text_answer_outside_legacy_exports(form):
    data = b"country,comments,_uuid\nKZ,n/a,u-1\n"
    (row,) = read_export(form, data, "k.csv").rows
    assert row.values == {"country": "KZ", "comments": "n/a"}


# -- versions ----------------------------------------------------------------------------


def older_version(argali: bool = False) -> Form:
    """The test form as it was: species had "goitered" instead of "argali", and a question
    "herders" that was dropped later (with ``argali``: both, as an export of both versions
    has them)."""
    survey = [*SURVEY, survey_row("integer", "herders", "Herders met", "Пастухи")]
    choices = [r for r in CHOICES if argali or r[1] != "argali"]
    choices.append(["species", "goitered", "Goitered", "Джейран"])
    settings = [SETTINGS[0], ["Gap and needs test", "gap_needs_test", "2023010101", SETTINGS[1][3]]]
    sheets = {"survey": survey, "choices": choices, "settings": settings}
    return load_form(xlsx(sheets), "o.xlsx").form


def test_rows_of_an_older_version_are_read_against_it(form):
    old = older_version()
    made = [
        {"uuid": "o-1", "version": "2023010101",
         "values": {"country": "KZ", "species_seen": "saiga goitered", "herders": "4"}},
        {"uuid": "n-1", "version": "2024060101",
         "values": {"country": "MN", "species_seen": "argali"}},
    ]
    data = legacy_csv(older_version(argali=True), made)
    reading = read_export(form, data, "ona.csv", versions={"2023010101": old, "2024060101": form})
    first, second = reading.rows
    assert first.version == "2023010101" and first.notes == []
    assert first.values == {"country": "KZ", "species_seen": "saiga goitered", "herders": 4}
    assert second.version == "2024060101"
    assert second.values["species_seen"] == "argali"


def test_unknown_choices_of_an_unnamed_version_are_kept_and_noted(form):
    old = older_version()
    made = [{"uuid": "o-1", "version": "v-kpi-uid",
             "values": {"country": "KZ", "species_seen": "saiga goitered", "herders": "4",
                        "poaching_severity": "extreme"}}]
    reading = read_export(form, kobo_export(old, made), "kobo.xlsx")
    (row,) = reading.rows
    assert row.errors == []
    assert row.values["species_seen"] == "saiga goitered"
    assert row.values["poaching_severity"] == "extreme"
    assert sorted((n.kind, n.question, n.value) for n in row.notes) == [
        ("unknown_choice", "poaching_severity", "extreme"),
        ("unknown_choice", "species_seen", "goitered"),
    ]
    # "herders" is in no version given: its column is named in the report.
    assert [(u.header, u.values) for u in reading.unmatched] == [("herders", 1)]
    assert reading.unknown_versions == {"v-kpi-uid": 1}


# -- refusals ----------------------------------------------------------------------------


def test_a_file_whose_columns_mostly_match_nothing_is_refused(form):
    data = b"country,Region name,Years,Notes,Other,_uuid\nKZ,a,b,c,d,u-1\n"
    with pytest.raises(SubmissionFileError, match="4 of the 5 columns match no question") as e:
        read_export(form, data, "other.csv")
    assert e.value.code == "mostly_unmatched"

import csv
import io
from datetime import UTC, datetime

import pytest

from surveys.odk_import import SubmissionFileError, read_submissions
from tests.surveys.xlsform_fixtures import xlsx

KOBO_HEADERS = [
    "start",
    "respondent/country",
    "respondent/region",
    "respondent/stakeholder",
    "respondent/years",
    "respondent/interview_date",
    "respondent/consent",
    "threats/species_seen",
    "threats/species_seen/saiga",
    "threats/species_seen/argali",
    "threats/species_seen/kulan",
    "threats/poaching_severity",
    "threats/decline",
    "threats/main_threat",
    "threats/main_threat_other",
    "priority_rank",
    "comments",
    "meta/instanceID",
    "_id",
    "_uuid",
    "_submission_time",
    "_index",
]


def kobo_row(**cells) -> list[str]:
    base = {
        "start": "2024-05-02T09:00:00.000+05:00",
        "respondent/country": "KZ",
        "respondent/region": "almaty",
        "respondent/stakeholder": "community",
        "respondent/years": "12",
        "respondent/interview_date": "2024-05-02",
        "respondent/consent": "OK",
        "threats/species_seen": "saiga kulan",
        "threats/species_seen/saiga": "1",
        "threats/species_seen/argali": "0",
        "threats/species_seen/kulan": "1",
        "threats/poaching_severity": "high",
        "threats/decline": "7.5",
        "threats/main_threat": "other",
        "threats/main_threat_other": "fences",
        "priority_rank": "climate poaching livestock",
        "comments": "Saiga cross; the railway",
        "meta/instanceID": "uuid:0f9e0c1e-1111-4a2b-9c3d-000000000001",
        "_id": "101",
        "_uuid": "0f9e0c1e-1111-4a2b-9c3d-000000000001",
        "_submission_time": "2024-05-02T10:11:12",
        "_index": "1",
    }
    base.update(cells)
    return [base[h] for h in KOBO_HEADERS]


def to_csv(headers, rows, delimiter=",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_kobo_csv_rows_are_read_with_group_paths(form):
    data = to_csv(KOBO_HEADERS, [kobo_row()], delimiter=";")
    (row,) = read_submissions(form, data, "kobo.csv")
    assert row.errors == []
    assert row.row_number == 2
    assert row.uuid == "0f9e0c1e-1111-4a2b-9c3d-000000000001"
    assert row.submitted_at == datetime(2024, 5, 2, 10, 11, 12, tzinfo=UTC)
    assert row.values == {
        "country": "KZ",
        "region": "almaty",
        "stakeholder": "community",
        "years": 12,
        "interview_date": "2024-05-02",
        "consent": "OK",
        "species_seen": "saiga kulan",
        "poaching_severity": "high",
        "decline": 7.5,
        "main_threat": "other",
        "main_threat_other": "fences",
        "priority_rank": "climate poaching livestock",
        "comments": "Saiga cross; the railway",
    }


def test_control_characters_in_a_csv_are_taken_out(form):
    row = kobo_row(comments="Saiga\x00 cross\x1b", _uuid="0f9e\x000c1e")
    (result,) = read_submissions(form, to_csv(KOBO_HEADERS, [row]), "kobo.csv")
    assert result.errors == []
    assert result.values["comments"] == "Saiga cross"
    assert result.uuid == "0f9e0c1e"


def test_split_select_multiple_columns_fill_an_empty_combined_column(form):
    data = to_csv(
        KOBO_HEADERS,
        [
            kobo_row(
                **{
                    "threats/species_seen": "",
                    "threats/species_seen/saiga": "0",
                    "threats/species_seen/argali": "1",
                    "threats/species_seen/kulan": "1",
                }
            )
        ],
    )
    (row,) = read_submissions(form, data, "kobo.csv")
    assert row.values["species_seen"] == "argali kulan"


def test_split_columns_alone_with_dots_and_bare_names(form):
    headers = ["country", "species_seen.saiga", "species_seen.argali", "species_seen.kulan"]
    data = to_csv(headers, [["MN", "1", "", "1"], ["MN", "0", "0", "0"]])
    first, second = read_submissions(form, data, "kobo.csv")
    assert first.values == {"country": "MN", "species_seen": "saiga kulan"}
    assert second.values == {"country": "MN"}


def test_bad_rows_are_reported_with_column_and_reason_and_good_rows_kept(form):
    rows = [
        kobo_row(),
        kobo_row(
            **{
                "respondent/years": "twelve",
                "respondent/country": "XX",
                "_uuid": "u-2",
                "meta/instanceID": "uuid:u-2",
            }
        ),
        kobo_row(
            **{"threats/species_seen": "", "threats/species_seen/kulan": "maybe", "_uuid": "u-3"}
        ),
        kobo_row(**{"_uuid": "u-4", "_submission_time": "last week"}),
    ]
    results = read_submissions(form, to_csv(KOBO_HEADERS, rows, ";"), "kobo.csv")
    assert [r.row_number for r in results] == [2, 3, 4, 5]
    assert results[0].values is not None
    bad = results[1]
    assert bad.values is None
    assert bad.uuid == "u-2"
    # An unknown code is kept and noted (a choice removed since); "twelve" is no number.
    assert bad.errors == ["column 'respondent/years': 'twelve': Enter a whole number."]
    assert [(n.kind, n.column, n.value) for n in bad.notes] == [
        ("unknown_choice", "respondent/country", "XX")
    ]
    assert results[2].values is None
    assert results[2].errors == ["column 'threats/species_seen/kulan': 'maybe' is not 0 or 1"]
    assert results[3].values is None
    assert results[3].errors == ["column '_submission_time': 'last week' is not a date and time"]


def test_the_same_submission_twice_is_refused_the_second_time(form):
    results = read_submissions(form, to_csv(KOBO_HEADERS, [kobo_row(), kobo_row()]), "k.csv")
    assert results[0].values is not None
    assert results[1].values is None
    assert results[1].errors == [
        "the submission 0f9e0c1e-1111-4a2b-9c3d-000000000001 is already on row 2"
    ]


def test_odk_central_csv_uses_hyphen_paths_key_and_submission_date(form):
    headers = [
        "SubmissionDate",
        "respondent-country",
        "respondent-years",
        "threats-species_seen",
        "threats-decline",
        "comments",
        "meta-instanceID",
        "KEY",
        "SubmitterName",
        "ReviewState",
    ]
    rows = [
        [
            "2024-05-03T08:00:00.000Z",
            "MN",
            "3",
            "argali",
            "",
            "good",
            "uuid:c-1",
            "uuid:c-1",
            "tablet",
            "",
        ],
        ["2024-05-03T09:30:00.000Z", "MN", "-4x", "", "", "", "uuid:c-2", "uuid:c-2", "", ""],
    ]
    data = b"\xef\xbb\xbf" + to_csv(headers, rows)
    good, bad = read_submissions(form, data, "central.csv")
    assert good.uuid == "c-1"
    assert good.submitted_at == datetime(2024, 5, 3, 8, 0, tzinfo=UTC)
    assert good.values == {
        "country": "MN",
        "years": 3,
        "species_seen": "argali",
        "comments": "good",
    }
    assert bad.uuid == "c-2"
    assert bad.errors == ["column 'respondent-years': '-4x': Enter a whole number."]


def test_kobo_xlsx_with_typed_cells_and_a_repeat_sheet(form):
    main = [
        [
            "respondent/country",
            "respondent/years",
            "respondent/interview_date",
            "threats/decline",
            "_uuid",
            "_submission_time",
            "_index",
        ],
        ["KZ", 12, datetime(2024, 5, 2), 7.0, "x-1", datetime(2024, 5, 2, 10, 0), 1],
        ["MN", 4.0, "2024-05-04", 0.5, "x-2", "2024-05-04T11:00:00", 2],
        ["MN", 5, "2024-05-05", 1, "x-3", "2024-05-05T11:00:00", 3],
    ]
    sites = [
        [
            "sites/site_name",
            "sites/site_count",
            "_index",
            "_parent_table_name",
            "_parent_index",
            "_submission__uuid",
        ],
        ["Barsakelmes", 30, 1, "Gap and needs test", 1, "x-1"],
        ["Altyn-Emel", 12, 2, "Gap and needs test", 1, "x-1"],
        ["Khustai", "many", 3, "Gap and needs test", 3, "x-3"],
    ]
    data = xlsx({"Gap and needs test": main, "sites": sites})
    first, second, third = read_submissions(form, data, "kobo.xlsx")
    assert first.values == {
        "country": "KZ",
        "years": 12,
        "interview_date": "2024-05-02",
        "decline": 7.0,
        "site_name": ["Barsakelmes", "Altyn-Emel"],
        "site_count": [30, 12],
    }
    assert first.submitted_at == datetime(2024, 5, 2, 10, 0, tzinfo=UTC)
    assert second.values == {
        "country": "MN",
        "years": 4,
        "interview_date": "2024-05-04",
        "decline": 0.5,
    }
    assert third.values is None
    assert third.errors == [
        "sheet 'sites' row 4, column 'sites/site_count': 'many': Enter a whole number."
    ]


def test_blank_lines_are_skipped(form):
    data = to_csv(["country", "_uuid"], [["KZ", "a"], ["", ""], ["MN", "b"]])
    assert [r.row_number for r in read_submissions(form, data, "k.csv")] == [2, 4]


def test_a_file_without_matching_columns_is_refused(form):
    data = to_csv(["Country name", "Years"], [["Kazakhstan", "12"]])
    with pytest.raises(SubmissionFileError, match="no column matches"):
        read_submissions(form, data, "labels.csv")


def test_an_unreadable_file_is_refused(form):
    with pytest.raises(SubmissionFileError):
        read_submissions(form, "страна".encode("utf-16"), "k.csv")
    with pytest.raises(SubmissionFileError):
        read_submissions(form, b"PK\x03\x04broken", "k.xlsx")
    with pytest.raises(SubmissionFileError):
        read_submissions(form, b"", "k.csv")

"""Submissions from KoboToolbox and ODK Central exports become submitted responses."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import openpyxl
import pytest

from consult.extensions import db
from consult.models import Answer, Response
from consult.questionnaires import ensure_shipped_questionnaire, import_form, load_version_form
from consult.responses.kobo_import import ImportFileError, import_responses
from tests.conftest import csrf_token
from tests.consult.test_questionnaires import small_form_xlsx

UUIDS = [f"b1c1c1c1-0000-4000-8000-00000000000{i}" for i in range(1, 4)]


def to_csv(headers: list[str], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in headers])
    return buffer.getvalue().encode("utf-8")


def kobo_export(form, bad_number: bool = False) -> bytes:
    """A KoboToolbox CSV export of the shipped questionnaire: group paths, a select_multiple
    with its 0/1 columns, _uuid and _submission_time; the third row has a wrong code."""
    threats = "threats/species_1/t1_threats"
    headers = [q.path for q in form.questions.values() if q.type != "note" and q.repeat is None] + [
        f"{threats}/poaching",
        f"{threats}/climate",
        "_id",
        "_uuid",
        "_submission_time",
    ]
    base = {
        "welcome/consent": "yes",
        "profile/stakeholder_group": "ngo",
        "profile/years_experience": "12",
        "threats/target_1": "saiga",
        "threats/target_2": "kulan",
        "threats/species": "saiga kulan",  # calculations are exported with their values
        "threats/species_1/t1_name": "Saiga",
        threats: "poaching climate",
        f"{threats}/poaching": "1",
        f"{threats}/climate": "1",
        "threats/species_1/t1_poaching/t1_poaching_scope": "high",
        "threats/species_1/t1_poaching/t1_poaching_severity": "very_high",
        "threats/species_2/t2_threats": "none",
        "gaps/gap_funding": "inadequate",
        "open/main_threats_text": "Railway fences cut the saiga migration",
    }
    rows = [
        {
            **base,
            "profile/country": "KZ",
            "_uuid": UUIDS[0],
            "_submission_time": "2026-05-02T10:11:12",
        },
        {
            **base,
            "profile/country": "MN",
            "_uuid": UUIDS[1],
            "_submission_time": "2026-05-03T08:00:00",
        },
        {
            **base,
            "profile/country": "KZ",
            "threats/species_1/t1_poaching/t1_poaching_scope": "enormous",
            **({"profile/years_experience": "twelve"} if bad_number else {}),
            "_uuid": UUIDS[2],
            "_submission_time": "2026-05-04T08:00:00",
        },
    ]
    return to_csv(headers, rows)


@pytest.fixture
def shipped(app):
    with app.app_context():
        version = ensure_shipped_questionnaire()
        db.session.commit()
        return version.id


def _version(version_id):
    from consult.models import QuestionnaireVersion

    return db.session.get(QuestionnaireVersion, version_id)


def _responses():
    return list(db.session.scalars(db.select(Response).order_by(Response.submitted_at)))


def test_kobo_csv_rows_are_imported_and_a_bad_row_is_reported(app, shipped):
    with app.app_context():
        version = _version(shipped)
        report = import_responses(version, kobo_export(load_version_form(version)), "kobo.csv")
        db.session.commit()
        # The unknown code is kept and noted: the row may come from an older version.
        assert [(r.row_number, r.outcome) for r in report.rows] == [
            (2, "imported"),
            (3, "imported"),
            (4, "imported"),
        ]
        (note,) = report.rows[2].notes
        assert "t1_poaching_scope" in note and "enormous" in note
        first, second, third = _responses()
        assert (first.external_uuid, first.source, first.status) == (
            UUIDS[0],
            "import",
            "submitted",
        )
        assert first.submitted_at == datetime(2026, 5, 2, 10, 11, 12, tzinfo=UTC)
        assert (first.country_code, first.group_code) == ("KZ", "ngo")
        assert second.country_code == "MN"
        assert first.reference.startswith("CAMI-")
        answers = {a.question: a.value for a in first.answers}
        assert answers["species"] == "saiga kulan"
        assert answers["t1_threats"] == "poaching climate"
        assert answers["gap_funding"] == "inadequate"
        assert answers["years_experience"] == "12"
        assert answers["main_threats_text"] == "Railway fences cut the saiga migration"
        assert {a.question: a.value for a in third.answers}["t1_poaching_scope"] == "enormous"


def test_reimporting_the_same_export_skips_rows_already_imported(app, shipped):
    with app.app_context():
        version = _version(shipped)
        data = kobo_export(load_version_form(version))
        import_responses(version, data, "kobo.csv")
        db.session.commit()
        answers_before = db.session.scalar(db.select(db.func.count()).select_from(Answer))
        report = import_responses(version, data, "kobo.csv")
        db.session.commit()
        assert report.counts == {"imported": 0, "skipped": 3, "error": 0}
        assert "Imported before as CAMI-" in report.rows[0].message
        assert len(_responses()) == 3
        assert db.session.scalar(db.select(db.func.count()).select_from(Answer)) == answers_before


def test_odk_central_csv_is_imported_with_its_instance_id(app):
    headers = "SubmissionDate country stakeholder_group comment years species".split()
    headers += ["species.saiga", "species.kulan", "meta-instanceID", "KEY"]
    rows = [
        {
            "SubmissionDate": "2026-06-01T07:30:00.000Z",
            "country": "MN",
            "stakeholder_group": "government",
            "comment": "=1+1 dzud winters",
            "years": "3",
            "species": "kulan",
            "species.saiga": "0",
            "species.kulan": "1",
            "meta-instanceID": "uuid:c0ffee00-0000-4000-8000-000000000001",
            "KEY": "uuid:c0ffee00-0000-4000-8000-000000000001",
        },
        {"country": "KZ", "comment": "no id"},
        {"KEY": "uuid:c0ffee00-0000-4000-8000-000000000002"},
    ]
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()
        report = import_responses(version, to_csv(headers, rows), "central.csv")
        db.session.commit()
        assert [r.outcome for r in report.rows] == ["imported", "error", "imported"]
        assert "submission id" in report.rows[1].message
        assert report.rows[2].notes == ["The row answers no question of the questionnaire."]
        response = db.session.scalar(
            db.select(Response).where(
                Response.external_uuid == "c0ffee00-0000-4000-8000-000000000001"
            )
        )
        assert response.external_uuid == "c0ffee00-0000-4000-8000-000000000001"
        assert response.submitted_at == datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
        assert (response.country_code, response.group_code, response.language) == (
            "MN",
            "government",
            "en",
        )
        assert {a.question: a.value for a in response.answers}["comment"] == "=1+1 dzud winters"


def test_kobo_xlsx_repeat_sheet_becomes_repeat_instances(app):
    book = openpyxl.Workbook()
    main = book.active
    main.title = "Small survey"
    main.append(["country", "comment", "_uuid", "_submission_time", "_index"])
    main.append(
        ["KZ", "two people", "d0d0d0d0-0000-4000-8000-000000000001", "2026-05-02T10:00:00", 1]
    )
    people = book.create_sheet("people")
    people.append(["people/person_name", "_parent_index", "_index"])
    people.append(["Aigerim", 1, 1])
    people.append(["Bolat", 1, 2])
    buffer = io.BytesIO()
    book.save(buffer)
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()
        report = import_responses(version, buffer.getvalue(), "kobo.xlsx")
        db.session.commit()
        assert report.counts["imported"] == 1
        (response,) = _responses()
        names = sorted(
            (a.instance, a.value) for a in response.answers if a.question == "person_name"
        )
        assert names == [(1, "Aigerim"), (2, "Bolat")]


def test_file_without_matching_columns_is_refused_and_nothing_stored(app, shipped):
    with app.app_context():
        with pytest.raises(ImportFileError):
            import_responses(_version(shipped), b"a,b\n1,2\n", "other.csv")
        db.session.rollback()
        assert _responses() == []


def test_import_page_reports_each_row(app, client, auth, shipped):
    auth.login("admin")
    url = "/secretariat/questionnaires/cami-gap-needs/import-responses"
    with app.app_context():
        data = kobo_export(load_version_form(_version(shipped)), bad_number=True)
    response = client.post(
        url,
        data={
            "csrf_token": csrf_token(client, url),
            "file": (io.BytesIO(data), "kobo.csv"),
            "version": "1",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.count('class="outcome-imported"') == 2
    assert html.count('class="outcome-error"') == 1
    assert UUIDS[2] in html and "twelve" in html
    assert "Read as an export from KoboToolbox with XML headers." in html
    refused = client.post(
        url,
        data={
            "csrf_token": csrf_token(client, url),
            "file": (io.BytesIO(b"\x00\x01 not a table"), "x.csv"),
            "version": "1",
        },
        content_type="multipart/form-data",
    )
    assert refused.status_code == 400
    assert 'role="alert"' in refused.get_data(as_text=True)
    with app.app_context():
        assert len(_responses()) == 2

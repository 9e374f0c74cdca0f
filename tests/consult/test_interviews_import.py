"""The XLSX template, its import (web and command line) and the secretariat's export."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from consult.extensions import db
from consult.models import AuditEvent, Interview
from tests.conftest import csrf_token

GOOD = {
    "record_id": "KZ-2026-001",
    "date": date(2026, 3, 2),
    "country": "KZ",
    "settlement": "Zhalpaktal",
    "format": "group",
    "language": "ru",
    "consent": "written",
    "status": "complete",
    "species_1": "saiga",
    "threat_poaching": "high",
    "threat_climate": "unrated",
}


def workbook(app, interviews, participants=(), notes=()) -> bytes:
    """The blank template filled with rows given as dicts of column -> value."""
    from consult.interviews.importer import blank_template

    with app.app_context():
        book = load_workbook(io.BytesIO(blank_template()))
    for name, rows in (("interviews", interviews), ("participants", participants),
                       ("notes", notes)):
        sheet = book[name]
        header = [cell.value for cell in sheet[1]]
        for number, row in enumerate(rows, start=2):
            for index, column in enumerate(header, start=1):
                sheet.cell(row=number, column=index, value=row.get(column))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def good_file(app, note="Сайгаков стало больше после запрета охоты.") -> bytes:
    second = {**GOOD, "record_id": "KZ-2026-002", "format": "meeting", "agenda": "1. Saiga"}
    return workbook(
        app,
        [GOOD, second],
        participants=[
            {"record_id": "KZ-2026-001", "name": "Бахыт", "group": "community", "role": "herder"},
            {"record_id": "KZ-2026-001", "group": "government", "gender": "female"},
            {"record_id": "KZ-2026-002", "organisation": "ACBK", "group": "ngo"},
        ],
        notes=[
            {"record_id": "KZ-2026-001", "theme": "poaching", "text": note},
            {"record_id": "KZ-2026-002", "theme": "general", "text": "Общая заметка",
             "translation_en": "A general note"},
        ],
    )


def bad_file(app) -> bytes:
    return workbook(
        app,
        [
            GOOD,
            {**GOOD, "record_id": "KZ-2026-009", "country": "XX", "date": "14/13/2026"},
            {**GOOD, "record_id": "KZ-2026-010", "consent": "none", "threat_livestock": "huge"},
        ],
        participants=[
            {"record_id": "KZ-2026-001", "group": "community"},
            {"record_id": "KZ-2026-010", "name": "Нурлан", "group": "community"},
            {"record_id": "KZ-2026-404", "group": "community"},
        ],
        notes=[{"record_id": "KZ-2026-001", "theme": "spaceships", "text": "x"}],
    )


def import_file(app, content: bytes, user_id=None, **options):
    from consult.interviews.importer import import_workbook
    from consult.models import User

    with app.app_context():
        user = db.session.get(User, user_id) if user_id else None
        report = import_workbook(io.BytesIO(content), user, filename="file.xlsx", **options)
        db.session.commit()
        return report


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Interview))


def test_template_has_three_sheets_with_drop_down_lists(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = client.get("/interviews/template.xlsx")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames[:3] == ["interviews", "participants", "notes"]
    assert book["lists"].sheet_state == "hidden"
    interviews = book["interviews"]
    header = [cell.value for cell in interviews[1]]
    assert header[:3] == ["record_id", "date", "country"]
    country_letter = interviews.cell(row=1, column=header.index("country") + 1).column_letter
    validations = {str(v.sqref): v.formula1 for v in interviews.data_validations.dataValidation}
    assert "lists" in validations[f"{country_letter}2:{country_letter}501"]
    countries = [row[0] for row in book["lists"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert {"KZ", "MN", "IR"} <= set(countries)
    participants = book["participants"]
    assert [cell.value for cell in participants[1]] == [
        "record_id", "name", "organisation", "group", "role", "gender"
    ]
    assert participants.data_validations.dataValidation


def test_import_reports_each_error_by_sheet_row_and_column_and_imports_valid_records(app):
    report = import_file(app, bad_file(app))
    where = {(e.sheet, e.row, e.column) for e in report.errors}
    assert ("interviews", 3, "country") in where
    assert ("interviews", 3, "date") in where
    assert ("interviews", 4, "threat_livestock") in where
    assert ("participants", 3, "name") in where
    assert ("participants", 4, "record_id") in where
    assert ("notes", 2, "theme") in where
    assert report.created == [] and sorted(report.skipped) == [
        "KZ-2026-001", "KZ-2026-009", "KZ-2026-010"
    ]
    fixed = workbook(app, [GOOD, {**GOOD, "record_id": "KZ-2026-011", "country": "XX"}])
    partial = import_file(app, fixed)
    assert partial.created == ["KZ-2026-001"] and partial.skipped == ["KZ-2026-011"]
    assert [str(e) for e in partial.errors] == [
        "interviews, row 3, column country: Choose a range state."
    ]
    assert count(app) == 1


def test_all_or_nothing_imports_nothing_when_one_row_is_wrong(app):
    content = workbook(app, [GOOD, {**GOOD, "record_id": "KZ-2026-011", "format": "party"}])
    report = import_file(app, content, all_or_nothing=True)
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("interviews", 3, "format")]
    assert report.created == [] and count(app) == 0


def test_reimporting_the_same_file_creates_no_duplicates_and_applies_changes(app):
    first = import_file(app, good_file(app))
    assert sorted(first.created) == ["KZ-2026-001", "KZ-2026-002"] and not first.errors
    again = import_file(app, good_file(app))
    assert again.created == [] and sorted(again.unchanged) == ["KZ-2026-001", "KZ-2026-002"]
    assert count(app) == 2
    changed = import_file(app, good_file(app, note="Новая версия заметки"))
    assert changed.updated == ["KZ-2026-001"]
    with app.app_context():
        interview = db.session.scalar(
            db.select(Interview).where(Interview.record_uid == "KZ-2026-001")
        )
        assert interview.notes[0].text == "Новая версия заметки"
        assert [p.name for p in interview.participants] == ["Бахыт", ""]
        assert {t.theme_code: t.severity for t in interview.threats} == {
            "poaching": "high", "climate": None
        }
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.object_id == str(interview.id))
        ).all()
        assert sorted(actions) == ["interview.import", "interview.import"]


def test_facilitator_cannot_import_into_another_country(app, auth):
    user_id, _email = auth.user("facilitator", ("KZ",))
    content = workbook(app, [GOOD, {**GOOD, "record_id": "MN-1", "country": "MN",
                                    "language": "mn"}])
    report = import_file(app, content, user_id=user_id)
    assert [(e.row, e.column) for e in report.errors] == [(3, "country")]
    assert report.created == ["KZ-2026-001"]
    with app.app_context():
        interview = db.session.scalars(db.select(Interview)).one()
        assert [u.id for u in interview.facilitators] == [user_id]


def test_upload_page_lists_errors_and_refuses_wrong_files(app, client, auth):
    auth.login("facilitator", ("KZ",))
    token = csrf_token(client, "/interviews/import")

    def upload(content: bytes, name: str, **extra):
        data = {"csrf_token": token, "file": (io.BytesIO(content), name), **extra}
        return client.post("/interviews/import", data=data, content_type="multipart/form-data")

    response = upload(bad_file(app), "interviews.xlsx")
    page = response.get_data(as_text=True)
    assert "<td>participants</td><td>3</td><td>name</td>" in page
    assert "<td>interviews</td><td>3</td><td>country</td>" in page
    assert "Not imported" in page
    assert "not an .xlsx" in upload(b"a,b\n1,2\n", "data.xlsx").get_data(as_text=True)
    assert "Only .xlsx files" in upload(b"a,b\n1,2\n", "data.csv").get_data(as_text=True)
    assert "The file is empty" in upload(b"", "empty.xlsx").get_data(as_text=True)
    assert "no interview rows" in upload(workbook(app, []), "blank.xlsx").get_data(as_text=True)
    good = upload(good_file(app), "good.xlsx", all_or_nothing="y")
    assert good.status_code == 200 and count(app) == 2


def test_upload_over_the_size_limit_gets_a_clear_message(app, client, auth):
    auth.login("facilitator", ("KZ",))
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    response = client.post(
        "/interviews/import",
        data=b"x" * (3 * 1024 * 1024),
        content_type="multipart/form-data; boundary=limit",
    )
    assert response.status_code == 413
    assert "larger than the limit of 2 MB" in response.get_data(as_text=True)


def test_command_line_import_reports_errors_and_is_idempotent(app, runner, auth, tmp_path):
    _user_id, email = auth.user("facilitator", ("KZ",))
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bad_file(app))
    result = runner.invoke(args=["interviews", "import", str(bad), "--all-or-nothing",
                                 "--as", email])
    assert result.exit_code == 1
    assert "interviews, row 3, column country" in result.output
    assert count(app) == 0
    good = tmp_path / "good.xlsx"
    good.write_bytes(good_file(app))
    for expected in ("created 2, updated 0, unchanged 0", "created 0, updated 0, unchanged 2"):
        result = runner.invoke(args=["interviews", "import", str(good), "--as", email])
        assert result.exit_code == 0, result.output
        assert expected in result.output
    assert count(app) == 2
    unknown = runner.invoke(args=["interviews", "import", str(good), "--as", "no@example.org"])
    assert unknown.exit_code != 0 and "no active account" in unknown.output


# --- export ---------------------------------------------------------------------------------


def exported(client, fmt: str, **extra):
    token = csrf_token(client, "/interviews/")
    return client.post("/interviews/export", data={"csrf_token": token, "format": fmt, **extra})


@pytest.fixture
def formula_interview(app):
    from consult.interviews import service

    data = service.InterviewData(
        country="KZ", date=date(2026, 3, 2), format="individual", language="ru",
        consent="written", settlement='=HYPERLINK("http://evil","x")',
        participants=[service.ParticipantData(name="Бахыт Оразов", group="community",
                                              role="+herder")],
        notes=[service.NoteData(theme="poaching", text="=1+1 сайга", translation_en="@SUM(A1)")],
    )
    with app.app_context():
        service.create_interview(data, None, record_uid="KZ-2026-001")
        db.session.commit()


def test_csv_export_neutralises_formulas_and_leaves_names_out(app, client, auth,
                                                               formula_interview):
    auth.login("admin")
    notes_csv = exported(client, "notes.csv").data.decode("utf-8-sig")
    notes = list(csv.DictReader(io.StringIO(notes_csv)))
    assert notes[0]["text"] == "'=1+1 сайга" and notes[0]["translation_en"] == "'@SUM(A1)"
    people_csv = exported(client, "participants.csv").data.decode("utf-8-sig")
    people = list(csv.DictReader(io.StringIO(people_csv)))
    assert "name" not in people[0] and "Бахыт" not in people_csv
    assert people[0]["role"] == "'+herder"
    records = list(csv.DictReader(io.StringIO(
        exported(client, "interviews.csv").data.decode("utf-8-sig"))))
    assert records[0]["settlement"].startswith("'=HYPERLINK")
    with app.app_context():
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "interview.export")
        ).all()
        assert [e.details["include_names"] for e in events] == [False, False, False]


def test_names_are_exported_only_when_asked_and_that_is_audited(app, client, auth,
                                                                formula_interview):
    auth.login("admin")
    response = exported(client, "xlsx", include_names="y")
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["interviews", "participants", "notes", "strategy_ratings"]
    people = list(book["participants"].iter_rows(values_only=True))
    assert people[0][3] == "name" and people[1][3] == "Бахыт Оразов"
    note = book["notes"]["G2"]
    assert note.value == "'=1+1 сайга" and note.data_type == "s"
    with app.app_context():
        event = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "interview.export")
        ).one()
        assert event.details["include_names"] is True and event.details["count"] == 1
    without = load_workbook(io.BytesIO(exported(client, "xlsx").data))
    assert "name" not in [cell.value for cell in without["participants"][1]]


def test_export_is_for_the_secretariat_only(app, client, auth):
    auth.login("facilitator", ("KZ",))
    assert exported(client, "xlsx").status_code == 403


# --- limits, column sizes and web edits -------------------------------------------------------


def with_dimension(content: bytes, ref: str) -> bytes:
    """The workbook with every sheet declaring `ref` as its dimension, as a hostile or
    careless writer might; the cells stay where they are."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(),
                              data)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


def only(app, uid: str) -> Interview:
    with app.app_context():
        interview = db.session.scalar(db.select(Interview).where(Interview.record_uid == uid))
        db.session.expunge(interview)
        return interview


def test_declared_sheet_dimensions_are_ignored(app):
    content = with_dimension(good_file(app), "A1:XFD1048576")
    started = time.perf_counter()
    report = import_file(app, content)
    assert time.perf_counter() - started < 2
    assert sorted(report.created) == ["KZ-2026-001", "KZ-2026-002"] and not report.errors


def test_a_value_longer_than_its_column_is_a_row_error_and_other_rows_are_imported(
    app, client, auth
):
    auth.login("facilitator", ("KZ",))
    content = workbook(
        app,
        [
            GOOD,
            {**GOOD, "record_id": "KZ-2026-002", "settlement": "Ж" * 300},
            {**GOOD, "record_id": "KZ-2026-003"},
        ],
        participants=[
            {"record_id": "KZ-2026-001", "group": "community"},
            {"record_id": "KZ-2026-003", "group": "community", "role": "r" * 201},
        ],
    )
    token = csrf_token(client, "/interviews/import")
    response = client.post(
        "/interviews/import",
        data={"csrf_token": token, "file": (io.BytesIO(content), "long.xlsx")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page[:2000]
    assert "<td>interviews</td><td>3</td><td>settlement</td><td>At most 200 characters." in page
    assert "<td>participants</td><td>3</td><td>role</td><td>At most 200 characters." in page
    with app.app_context():
        uids = db.session.scalars(db.select(Interview.record_uid)).all()
        assert uids == ["KZ-2026-001"]


def web_edit(client, interview_id: int, **values):
    from tests.consult.test_interviews_records import form_data

    url = f"/interviews/{interview_id}/edit"
    return client.post(url, data=form_data(client, url, save="Save", **values))


def test_reimporting_an_older_file_after_a_web_edit_is_a_conflict_until_overwritten(
    app, client, auth, runner, tmp_path
):
    user_id = auth.login("facilitator", ("KZ",))
    old = good_file(app)
    assert sorted(import_file(app, old, user_id=user_id).created) == [
        "KZ-2026-001", "KZ-2026-002"
    ]
    edited = only(app, "KZ-2026-001")
    assert web_edit(client, edited.id, settlement="Edited on the web").status_code == 302

    again = import_file(app, old, user_id=user_id)
    assert [(c.sheet, c.row, c.uid, c.fields) for c in again.conflicts] == [
        ("interviews", 2, "KZ-2026-001", ("settlement",))
    ]
    assert again.updated == [] and again.unchanged == ["KZ-2026-002"] and not again.errors
    assert only(app, "KZ-2026-001").settlement == "Edited on the web"

    token = csrf_token(client, "/interviews/import")
    page = client.post(
        "/interviews/import",
        data={"csrf_token": token, "file": (io.BytesIO(old), "old.xlsx")},
        content_type="multipart/form-data",
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 409
    assert "<td>interviews</td><td>2</td><td>KZ-2026-001</td><td>settlement</td>" in text
    assert only(app, "KZ-2026-001").settlement == "Edited on the web"

    path = tmp_path / "old.xlsx"
    path.write_bytes(old)
    email = "facilitator-kz@example.org"
    refused = runner.invoke(args=["interviews", "import", str(path), "--as", email])
    assert refused.exit_code == 1
    assert "conflict: interviews, row 2, KZ-2026-001" in refused.output
    assert "settlement" in refused.output and "conflicts 1" in refused.output
    assert only(app, "KZ-2026-001").settlement == "Edited on the web"

    forced = runner.invoke(
        args=["interviews", "import", str(path), "--as", email, "--overwrite"]
    )
    assert forced.exit_code == 0, forced.output
    assert "updated 1" in forced.output
    assert only(app, "KZ-2026-001").settlement == "Zhalpaktal"
    # The file now matches the last import again, so it goes in without a conflict.
    assert import_file(app, old, user_id=user_id).conflicts == []


def test_overwrite_on_the_upload_page_applies_a_conflicting_row(app, client, auth):
    user_id = auth.login("facilitator", ("KZ",))
    old = good_file(app)
    import_file(app, old, user_id=user_id)
    edited = only(app, "KZ-2026-001")
    assert web_edit(client, edited.id, province="Edited").status_code == 302

    def upload(**extra):
        token = csrf_token(client, "/interviews/import")
        data = {"csrf_token": token, "file": (io.BytesIO(old), "old.xlsx"), **extra}
        return client.post("/interviews/import", data=data, content_type="multipart/form-data")

    assert upload().status_code == 409
    assert only(app, "KZ-2026-001").province == "Edited"
    assert upload(overwrite="y").status_code == 200
    assert only(app, "KZ-2026-001").province == ""


def test_the_row_version_column_says_which_web_edits_a_file_has_seen(app, client, auth):
    user_id = auth.login("facilitator", ("KZ",))
    import_file(app, workbook(app, [GOOD]), user_id=user_id)
    record = only(app, "KZ-2026-001")
    assert web_edit(client, record.id, settlement="Edited on the web").status_code == 302
    version = only(app, "KZ-2026-001").row_version
    seen = {**GOOD, "settlement": "Edited on the web", "key_quotes": "Новая цитата"}
    made_after = workbook(app, [{**seen, "row_version": version}])
    report = import_file(app, made_after, user_id=user_id)
    assert report.updated == ["KZ-2026-001"] and not report.conflicts
    made_before = workbook(app, [{**seen, "row_version": 1, "key_quotes": "Старая цитата"}])
    report = import_file(app, made_before, user_id=user_id)
    assert [c.fields for c in report.conflicts] == [("key_quotes",)]
    assert only(app, "KZ-2026-001").key_quotes == "Новая цитата"
    nonsense = import_file(app, workbook(app, [{**seen, "row_version": "two"}]), user_id=user_id)
    assert [(e.row, e.column) for e in nonsense.errors] == [(2, "row_version")]


def test_template_and_export_carry_the_row_version(app, client, auth):
    auth.login("admin")
    template = load_workbook(io.BytesIO(client.get("/interviews/template.xlsx").data))
    assert "row_version" in [cell.value for cell in template["interviews"][1]]
    import_file(app, good_file(app))
    exported_book = load_workbook(io.BytesIO(exported(client, "xlsx").data))
    rows = list(exported_book["interviews"].iter_rows(values_only=True))
    assert rows[0][:3] == ("record_id", "id", "row_version")
    assert {row[2] for row in rows[1:]} == {1}

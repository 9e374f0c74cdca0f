"""Real exports imported whole: every answer in the file is stored, or named in the report.

Exports of the shipped questionnaire are written as KoboToolbox, ODK Central and
KoboCAT/Ona write them (tests/surveys/export_writers.py), and consult's own export is
imported back into an emptied database. Runs on SQLite and PostgreSQL (the ``app``
fixture).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from consult.extensions import db
from consult.models import Answer, Response
from consult.questionnaires import (
    ensure_shipped_questionnaire,
    get_questionnaire,
    import_form,
    load_version_form,
)
from consult.responses import ResponseFilter, export_responses, response_values
from consult.responses.kobo_import import ImportFileError, import_responses
from surveys.forms.cami_gap_needs import SHIPPED
from tests.conftest import csrf_token
from tests.surveys.export_writers import (
    central_files,
    central_zip,
    count_answers,
    expected,
    kobo_export,
    legacy_csv,
    submissions,
)

OLDER = SHIPPED.with_name("cami-gap-needs-2026.1.xlsx")
SLUG = "cami-gap-needs"


@pytest.fixture
def shipped(app):
    with app.app_context():
        version = ensure_shipped_questionnaire()
        db.session.commit()
        return version.id


def _version(version_id):
    from consult.models import QuestionnaireVersion

    return db.session.get(QuestionnaireVersion, version_id)


def _answer_count() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(Answer))


def _stored(uuid: str) -> Response:
    return db.session.scalar(db.select(Response).where(Response.external_uuid == uuid))


WRITERS = {
    "kobo-xlsx-xml": lambda form, made: (kobo_export(form, made), "kobo.xlsx"),
    "kobo-xlsx-labels-ru": lambda form, made: (
        kobo_export(form, made, lang="ru", hierarchy=True), "kobo-ru.xlsx"
    ),
    "kobo-xlsx-labels-en-flat": lambda form, made: (
        kobo_export(form, made, lang="en", hierarchy=False), "kobo-en.xlsx"
    ),
    "central-csv-zip": lambda form, made: (central_zip(form, made), "cami_gap_needs.csv.zip"),
    "legacy-csv": lambda form, made: (legacy_csv(form, made), "ona.csv"),
}


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_every_answer_of_a_tool_export_is_stored(app, shipped, kind):
    with app.app_context():
        version = _version(shipped)
        form = load_version_form(version)
        made = submissions(form, count=6, seed=len(kind))
        data, name = WRITERS[kind](form, made)
        report = import_responses(version, data, name)
        db.session.commit()
        assert report.counts == {"imported": 6, "skipped": 0, "error": 0}
        assert report.answers == count_answers(made) == _answer_count()
        assert all(row.notes == [] for row in report.rows)
        assert not any("matches no" in finding for finding in report.findings)
        for submission in made:
            assert response_values(_stored(submission["uuid"]), form) == expected(
                form, submission, choice_order=kind == "legacy-csv"
            )


def test_columns_that_match_nothing_are_named_with_the_values_they_held(app, shipped):
    with app.app_context():
        version = _version(shipped)
        form = load_version_form(version)
        made = submissions(form, count=3, seed=2)
        files = central_files(form, made)
        rows = list(csv.reader(io.StringIO(files["cami_gap_needs.csv"].decode())))
        rows[0].append("old_question")
        rows[1].append("kept nowhere")
        rows[2].append("nor here")
        rows[3].append("")
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        report = import_responses(version, buffer.getvalue().encode(), "cami_gap_needs.csv")
        db.session.commit()
        assert report.counts["imported"] == 3
        assert "Column “old_question” matches no question: its values in 2 rows are not " \
               "imported." in report.findings
        # Only the main CSV: its repeat's answers are elsewhere, and the report says so.
        assert any("stakeholder_rep" in f and ".csv.zip" in f for f in report.findings)
        main_only = sum(
            1 for s in made for v in s["values"].values() if not isinstance(v, list)
        )
        assert report.answers == main_only == _answer_count()


def test_rows_naming_an_older_version_are_stored_as_responses_to_it(app):
    with app.app_context():
        older = import_form(OLDER.read_bytes(), OLDER.name, slug=SLUG)
        current = import_form(SHIPPED.read_bytes(), SHIPPED.name, slug=SLUG)
        db.session.commit()
        old_form = load_version_form(older)
        made = submissions(old_form, count=3, seed=4)
        made[0]["version"] = older.version_label
        made[1]["version"] = "vKpiAssetVersionUid"
        report = import_responses(current, kobo_export(old_form, made), "kobo.xlsx")
        db.session.commit()
        assert report.counts["imported"] == 3
        assert report.answers == count_answers(made) == _answer_count()
        first, second, third = (_stored(s["uuid"]) for s in made)
        assert first.version_id == older.id
        assert "version 1" in report.rows[0].notes[0]
        assert response_values(first, old_form) == expected(old_form, made[0])
        assert second.version_id == current.id and third.version_id == current.id
        assert any("vKpiAssetVersionUid" in f for f in report.findings)


def _snapshot() -> dict:
    responses = db.session.scalars(db.select(Response)).all()
    return {
        response.external_uuid or response.client_submission_id or response.reference: (
            response.version.number,
            response.reference,
            response.language,
            response.country_code,
            response.group_code,
            response.status,
            response.submitted_at,
            response_values(response),
        )
        for response in responses
    }


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_consult_export_imports_back_whole_and_only_once(app, shipped, fmt):
    with app.app_context():
        version = _version(shipped)
        form = load_version_form(version)
        made = submissions(form, count=4, seed=9)
        import_responses(version, kobo_export(form, made), "kobo.xlsx")
        web = Response(
            version_id=version.id, language="ru", country_code="MN", group_code="ngo",
            status="submitted", reference="CAMI-WEB0-0001", client_submission_id="client-abc-123",
            source="web", submitted_at=datetime(2026, 5, 9, 8, 0, tzinfo=UTC),
        )
        web.answers = [
            Answer(question="main_threats_text", instance=0, value="=SUM(A1) | 'quoted'"),
            Answer(question="anything_else_text", instance=0, value="'=already guarded"),
            Answer(question="sh_name", instance=1, value="Herders | union"),
            Answer(question="sh_name", instance=3, value="Rangers"),
            Answer(question="years_experience", instance=0, value="7"),
        ]
        draft = Response(version_id=version.id, language="en", status="draft",
                         reference="CAMI-DRFT-0001", source="web")
        draft.answers = [Answer(question="role", instance=0, value="Ranger, north")]
        db.session.add_all([web, draft])
        db.session.commit()
        before = _snapshot()
        answers_before = _answer_count()
        flt = ResponseFilter(questionnaire=get_questionnaire(SLUG))
        data = export_responses(flt, fmt)

        # Into the same database: every row is known by its id, nothing is added.
        again = import_responses(version, data, f"consult.{fmt}")
        db.session.commit()
        assert again.counts == {"imported": 0, "skipped": 6, "error": 0}
        assert _answer_count() == answers_before

        # Into a database without these responses: the same responses come back.
        db.session.execute(db.delete(Answer))
        db.session.execute(db.delete(Response))
        db.session.commit()
        report = import_responses(version, data, f"consult.{fmt}")
        db.session.commit()
        assert report.counts == {"imported": 6, "skipped": 0, "error": 0}
        assert report.findings[0].startswith("Read as an export from consult")
        assert not any("matches no" in finding for finding in report.findings)
        assert _answer_count() == answers_before == report.answers
        assert _snapshot() == before


def test_the_command_prints_what_was_not_imported(app, runner, shipped, tmp_path):
    with app.app_context():
        form = load_version_form(_version(shipped))
        made = submissions(form, count=2, seed=1)
    files = central_files(form, made)
    child = tmp_path / "cami_gap_needs-stakeholder_rep.csv"
    child.write_bytes(files["cami_gap_needs-stakeholder_rep.csv"])
    refused = runner.invoke(args=["responses", "import", "--form", SLUG, str(child)])
    assert refused.exit_code == 1
    assert "repeat “stakeholder_rep”" in refused.output and ".csv.zip" in refused.output
    main = tmp_path / "cami_gap_needs.csv"
    main.write_bytes(files["cami_gap_needs.csv"])
    result = runner.invoke(args=["responses", "import", "--form", SLUG, str(main)])
    assert result.exit_code == 0, result.output
    assert "* Read as an export from ODK Central with XML headers." in result.output
    assert "stakeholder_rep" in result.output
    assert "2 imported, 0 skipped, 0 with errors" in result.output


def test_the_page_refuses_a_file_that_mostly_matches_nothing(app, client, auth, shipped):
    auth.login("admin")
    url = f"/secretariat/questionnaires/{SLUG}/import-responses"
    data = b"Country name,Region,Years,Notes,consent,_uuid\nKZ,a,b,c,yes,u-1\n"
    response = client.post(
        url,
        data={
            "csrf_token": csrf_token(client, url),
            "file": (io.BytesIO(data), "other.csv"),
            "version": "1",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "4 of its 5 columns match no question" in html
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 0


def test_a_repeat_file_alone_stores_nothing(app, shipped):
    with app.app_context():
        version = _version(shipped)
        form = load_version_form(version)
        files = central_files(form, submissions(form, count=2))
        with pytest.raises(ImportFileError, match="stakeholder_rep"):
            import_responses(version, files["cami_gap_needs-stakeholder_rep.csv"], "child.csv")
        db.session.rollback()
        assert _answer_count() == 0

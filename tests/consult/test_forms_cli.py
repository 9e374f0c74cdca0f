"""`consult forms …` and `consult responses …` on the command line."""

from __future__ import annotations

import pandas as pd

from consult import create_app
from consult.extensions import db
from consult.models import Questionnaire, QuestionnaireVersion, Response
from consult.questionnaires import get_questionnaire, load_version_form
from surveys.forms.cami_gap_needs import SHIPPED
from surveys.xlsform import load_form
from tests.consult.test_questionnaires import small_form_xlsx
from tests.consult.test_responses_import import UUIDS, kobo_export
from tests.factories import make_response


def test_forms_import_prints_slug_and_link_and_export_round_trips(app, runner, tmp_path):
    source = tmp_path / "small.xlsx"
    source.write_bytes(small_form_xlsx())
    result = runner.invoke(args=["forms", "import", str(source)])
    assert result.exit_code == 0, result.output
    assert "small-survey version 1 (new questionnaire)" in result.output
    assert "/s/small-survey" in result.output

    source.write_bytes(small_form_xlsx(version="2", title="Second"))
    result = runner.invoke(args=["forms", "import", str(source)])
    assert "small-survey version 2 (new version)" in result.output

    out = tmp_path / "out.xlsx"
    result = runner.invoke(args=["forms", "export", "small-survey", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert load_form(out.read_bytes(), "out.xlsx").form.title == "Second"
    result = runner.invoke(
        args=["forms", "export", "small-survey", "--out", str(out), "--version", "1"]
    )
    with app.app_context():
        first = get_questionnaire("small-survey").versions[0]
        assert load_form(out.read_bytes(), "out.xlsx").form == load_version_form(first)
    listing = runner.invoke(args=["forms", "list"])
    assert "small-survey\tversion 2 of 2" in listing.output


def test_shipped_form_imports_and_exports_to_the_same_form(app, runner, tmp_path):
    result = runner.invoke(args=["forms", "import", str(SHIPPED), "--slug", "cami-gap-needs"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "cami.xlsx"
    runner.invoke(args=["forms", "export", "cami-gap-needs", "--out", str(out)])
    with app.app_context():
        version = get_questionnaire("cami-gap-needs").current_version
        assert load_form(out.read_bytes(), out.name).form == load_version_form(version)


def test_single_title_export_is_the_workbook_pyxform_accepts(app, runner, tmp_path):
    from pyxform.xls2xform import convert

    runner.invoke(args=["forms", "import", str(SHIPPED), "--slug", "cami-gap-needs"])
    full, plain = tmp_path / "full.xlsx", tmp_path / "plain.xlsx"
    runner.invoke(args=["forms", "export", "cami-gap-needs", "--out", str(full)])
    result = runner.invoke(
        args=["forms", "export", "cami-gap-needs", "--out", str(plain), "--single-title"]
    )
    assert result.exit_code == 0, result.output
    warnings: list[str] = []
    assert 'id="cami_gap_needs"' in convert(xlsform=str(plain), warnings=warnings).xform
    titled, single = (load_form(p.read_bytes(), p.name).form for p in (full, plain))
    assert titled.title_in("ru") != titled.title_in("en")
    assert single.title_in("ru") == single.title_in("en") == titled.title_in("en")
    assert single.questions.keys() == titled.questions.keys()


def test_forms_import_of_an_invalid_form_exits_non_zero_with_the_place(app, runner, tmp_path):
    source = tmp_path / "bad.xlsx"
    source.write_bytes(small_form_xlsx(bad_type="no_such_type"))
    result = runner.invoke(args=["forms", "import", str(source)])
    assert result.exit_code == 1
    assert "sheet 'survey', row 4, column 'type'" in result.output
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    result = runner.invoke(args=["forms", "import", str(empty)])
    assert result.exit_code == 1 and "empty" in result.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Questionnaire)) == 0
        assert db.session.scalar(db.select(db.func.count()).select_from(QuestionnaireVersion)) == 0


def test_forms_export_of_an_unknown_form_or_version_fails(app, runner, tmp_path):
    out = tmp_path / "x.xlsx"
    assert runner.invoke(args=["forms", "export", "nothing", "--out", str(out)]).exit_code != 0
    source = tmp_path / "small.xlsx"
    source.write_bytes(small_form_xlsx())
    runner.invoke(args=["forms", "import", str(source)])
    result = runner.invoke(
        args=["forms", "export", "small-survey", "--out", str(out), "--version", "5"]
    )
    assert result.exit_code != 0 and "no version 5" in result.output
    assert not out.exists()


def test_init_imports_the_shipped_questionnaire_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    fresh = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": url})
    runner = fresh.test_cli_runner()
    for _ in range(2):
        result = runner.invoke(args=["init"])
        assert result.exit_code == 0, result.output
    with fresh.app_context():
        assert get_questionnaire("cami-gap-needs").current_version.number == 1
        assert db.session.scalar(db.select(db.func.count()).select_from(QuestionnaireVersion)) == 1
        db.engine.dispose()


def test_responses_import_reports_rows_and_skips_them_the_second_time(app, runner, tmp_path):
    runner.invoke(args=["forms", "import", str(SHIPPED), "--slug", "cami-gap-needs"])
    with app.app_context():
        form = load_version_form(get_questionnaire("cami-gap-needs").current_version)
    export = tmp_path / "kobo.csv"
    export.write_bytes(kobo_export(form, bad_number=True))
    result = runner.invoke(args=["responses", "import", "--form", "cami-gap-needs", str(export)])
    assert result.exit_code == 1
    assert f"row 2\t{UUIDS[0]}\timported" in result.output
    assert f"row 4\t{UUIDS[2]}\terror" in result.output
    assert "2 imported, 0 skipped, 1 with errors" in result.output
    again = runner.invoke(args=["responses", "import", "--form", "cami-gap-needs", str(export)])
    assert "0 imported, 2 skipped, 1 with errors" in again.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 2


def test_responses_export_writes_csv_and_xlsx_with_labels(app, runner, tmp_path):
    source = tmp_path / "small.xlsx"
    source.write_bytes(small_form_xlsx())
    runner.invoke(args=["forms", "import", str(source)])
    with app.app_context():
        version = get_questionnaire("small-survey").current_version
        make_response(version, {"country": "KZ", "comment": "@SUM(A1)", "species": "saiga"})
        make_response(version, {"country": "MN"}, status="draft")
        db.session.commit()
    out = tmp_path / "r.csv"
    result = runner.invoke(
        args=["responses", "export", "--form", "small-survey", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(frame["country"]) == ["KZ"]
    assert frame.loc[0, "comment"] == "'@SUM(A1)"
    assert frame.loc[0, "species/saiga"] == "1"
    xlsx = tmp_path / "r.xlsx"
    options = ["--out", str(xlsx), "--labels", "--lang", "ru", "--status", "all"]
    runner.invoke(args=["responses", "export", "--form", "small-survey", *options])
    labelled = pd.read_excel(xlsx, dtype=str, keep_default_na=False)
    assert sorted(labelled["country"]) == ["Казахстан", "Монголия"]
    bad = runner.invoke(
        args=["responses", "export", "--form", "small-survey", "--out", str(tmp_path / "r.json")]
    )
    assert bad.exit_code != 0


def test_every_command_has_help(runner):
    for args in (
        ["forms", "--help"],
        ["forms", "import", "--help"],
        ["forms", "export", "--help"],
        ["forms", "list", "--help"],
        ["responses", "--help"],
        ["responses", "import", "--help"],
        ["responses", "export", "--help"],
    ):
        result = runner.invoke(args=args)
        assert result.exit_code == 0 and "Usage:" in result.output, args

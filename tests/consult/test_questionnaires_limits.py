"""What an XLSForm may hold that its database columns must store: language codes, the
settings, page and question names. Refused at import with the sheet, row and column; what
fits goes all the way through, on both databases (PostgreSQL raises where SQLite accepts)."""

from __future__ import annotations

import pytest

from consult.extensions import db
from consult.models import Answer, Response
from consult.models.base import LANGUAGE_TAG_LENGTH
from consult.questionnaires import import_form, storage_issues
from surveys.xlsform import FormError, load_form
from tests.consult.test_respond import Respondent
from tests.surveys.xlsform_fixtures import xlsx

UZ = "Ўзбекча (uz-Cyrl-UZ)"


def _workbook(
    *,
    form_id: str = "limits",
    title: str = "Limits",
    version: str = "1",
    language: str = UZ,
    group: str = "about",
    question: str = "role",
) -> bytes:
    survey = [
        ["type", "name", "label::English (en)", f"label::{language}", "required"],
        ["begin_group", group, "About you", "Сиз ҳақингизда", ""],
        ["text", question, "Your role", "Вазифангиз", "yes"],
        ["select_one yn", "agree", "Agree?", "Розимисиз?", "yes"],
        ["end_group", "", "", "", ""],
    ]
    choices = [
        ["list_name", "name", "label::English (en)", f"label::{language}"],
        ["yn", "yes", "Yes", "Ҳа"],
        ["yn", "no", "No", "Йўқ"],
    ]
    settings = [
        ["form_id", "form_title", "version", "default_language"],
        [form_id, title, version, "English (en)"],
    ]
    return xlsx({"survey": survey, "choices": choices, "settings": settings})


def _refusal(data: bytes) -> list[str]:
    with pytest.raises(FormError) as caught:
        import_form(data, "limits.xlsx")
    return [str(issue) for issue in caught.value.issues]


def test_an_uzbek_cyrillic_column_goes_through_to_stored_answers(app, client):
    with app.app_context():
        import_form(_workbook(), "limits.xlsx")
        db.session.commit()
    assert "Ўзбекча" in client.get("/s/limits").get_data(as_text=True)
    respondent = Respondent(client, slug="limits")
    respondent.start(language="uz-cyrl-uz")
    assert "Вазифангиз" in respondent.html
    respondent.walk({"role": "Инспектор", "agree": "yes"})
    with app.app_context():
        response = db.session.scalar(db.select(Response))
        assert response.language == "uz-cyrl-uz"
        assert response.status == "submitted"
        answers = dict(db.session.execute(db.select(Answer.question, Answer.value)).all())
        assert answers["role"] == "Инспектор" and answers["agree"] == "yes"


def test_a_language_code_longer_than_its_column_is_refused_naming_the_column(app):
    code = "uz-Cyrl-UZ-" + "x" * LANGUAGE_TAG_LENGTH
    with app.app_context():
        issues = _refusal(_workbook(language=f"Ўзбекча ({code})"))
    assert len(issues) == 1
    assert issues[0].startswith(f"sheet 'survey', row 1, column 'label::Ўзбекча ({code})'")
    assert f"longer than {LANGUAGE_TAG_LENGTH} characters" in issues[0]


def test_a_language_named_without_a_code_gets_a_code_that_must_fit(app):
    with app.app_context():
        issues = _refusal(_workbook(language="A language nobody has given a short code yet"))
    assert "column 'label::A language nobody has given a short code yet'" in issues[0]


@pytest.mark.parametrize(
    ("setting", "limit", "column"),
    [("form_id", 120, "form_id"), ("title", 300, "form_title"), ("version", 80, "version")],
)
def test_settings_longer_than_their_columns_are_refused(app, setting, limit, column):
    with app.app_context():
        fits = import_form(_workbook(**{setting: "a" * limit}), "limits.xlsx")
        db.session.commit()
        assert fits.id
        issues = _refusal(_workbook(**{setting: "b" * (limit + 1)}))
    assert issues == [
        f"sheet 'settings', row 2, column '{column}': The {column} is {limit + 1} characters "
        f"long; at most {limit} fit."
    ]


def test_a_page_name_longer_than_the_resume_column_is_refused_naming_its_row(app):
    with app.app_context():
        issues = _refusal(_workbook(group="g" * 121))
    assert len(issues) == 1
    assert issues[0].startswith("sheet 'survey', row 2, column 'name': The page 'ggg")
    assert "121 characters long; at most 120 fit" in issues[0]


def test_a_question_name_longer_than_its_column_is_refused_naming_its_row(app):
    with app.app_context():
        issues = _refusal(_workbook(question="q" * 256))
    assert issues == [
        f"sheet 'survey', row 3, column 'name': The question name '{'q' * 59}\u2026' is 256 "
        "characters long; at most 255 fit."
    ]


def test_the_shipped_form_fits_its_columns():
    from surveys.forms.cami_gap_needs import SHIPPED

    assert storage_issues(load_form(SHIPPED.read_bytes(), SHIPPED.name).form) == []

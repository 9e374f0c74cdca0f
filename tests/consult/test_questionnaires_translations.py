"""The translation page: coverage per language and kind, a workbook for a new language, and
the translated workbook uploaded back as a new version."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from consult.extensions import db
from consult.questionnaires import get_questionnaire, import_form, load_version_form
from tests.conftest import csrf_token
from tests.consult.test_questionnaires import publish, small_form_xlsx

URL = "/secretariat/questionnaires/small-survey/translations"


@pytest.fixture
def small(app):
    with app.app_context():
        import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()


def _cells(html: str, language: str) -> list[str]:
    row = re.search(rf"<tr>\s*<td>{re.escape(language)}.*?</tr>", html, re.S).group(0)
    return re.findall(r"\((\d+/\d+)\)", row)


def test_page_shows_shares_per_language_and_kind_and_what_is_missing(client, auth, small):
    auth.login("admin")
    html = client.get(URL).get_data(as_text=True)
    # all texts, labels (6 questions and the repeat), hints, messages, choices
    assert _cells(html, "English (en)") == ["14/14", "7/7", "1/1", "0/0", "6/6"]
    assert _cells(html, "Русский (ru)") == ["12/14", "7/7", "0/1", "0/0", "5/6"]
    assert "Русский (ru): 2 texts missing" in html
    assert "species/kulan" in html and "hint::Русский (ru)" in html


def test_workbook_for_a_new_language_has_its_empty_columns(client, auth, small):
    auth.login("admin")
    response = client.get(URL + "/xlsx?code=kk")
    assert response.status_code == 200
    assert "small-survey-v1-kk.xlsx" in response.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    headers = [cell.value for cell in book["survey"][1]]
    assert "label::Қазақша (kk)" in headers
    custom = client.get(URL + "/xlsx?code=en&other_code=zh-Hant&name=Traditional Chinese")
    book = openpyxl.load_workbook(io.BytesIO(custom.data))
    assert "label::Traditional Chinese (zh-Hant)" in [c.value for c in book["choices"][1]]
    bad = client.get(URL + "/xlsx?code=x(y")
    assert bad.status_code == 302


def test_translated_workbook_uploads_back_as_a_new_version(app, client, auth, small):
    auth.login("admin")
    data = client.get(URL + "/xlsx?code=kk").data
    book = openpyxl.load_workbook(io.BytesIO(data))
    survey = book["survey"]
    headers = [cell.value for cell in survey[1]]
    column = headers.index("label::Қазақша (kk)") + 1
    survey.cell(row=2, column=column, value="Ел")
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        "/secretariat/questionnaires/upload",
        data={
            "csrf_token": csrf_token(client, URL),
            "file": (io.BytesIO(buffer.getvalue()), "small-kk.xlsx"),
            "expected_form_id": "small_survey",
            "back": "small-survey",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert publish(client, "small-survey", 2).status_code == 302
    with app.app_context():
        questionnaire = get_questionnaire("small-survey")
        assert questionnaire.current_version.number == 2
        form = load_version_form(questionnaire.current_version)
        assert "kk" in form.languages
        assert form.questions["country"].labels["kk"] == "Ел"
        assert "kk" not in load_version_form(questionnaire.versions[0]).languages
    html = client.get(URL).get_data(as_text=True)
    assert "Қазақша (kk)" in html

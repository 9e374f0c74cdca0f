"""A questionnaire's title and description in each of its languages (settings columns
``form_title::Русский (ru)``), read on import and written back on export."""

from surveys.xlsform import form_to_xlsx, load_form, xlsx_with_language
from tests.surveys.xlsform_fixtures import CHOICES, EN, RU, SURVEY_HEADERS, survey_row, xlsx

SURVEY = [
    SURVEY_HEADERS,
    survey_row("text", "name", en="Your name", ru="Ваше имя"),
]


def _workbook(settings):
    return xlsx({"survey": SURVEY, "choices": CHOICES, "settings": settings})


def _form(settings):
    return load_form(_workbook(settings), "titles.xlsx").form


def test_title_and_description_in_each_language_round_trip():
    form = _form(
        [
            ["form_title", f"form_title::{RU}", "form_description::Русский (ru)",
             "form_description", "form_id", "default_language"],
            ["Gaps and needs", "Пробелы и потребности", "Опрос о сохранении видов",
             "A survey on conservation", "titles", EN],
        ]
    )
    assert form.title == "Gaps and needs"
    assert form.title_in("ru") == "Пробелы и потребности"
    assert form.title_in("en") == "Gaps and needs"
    # A language the settings do not name falls back to the default title.
    assert form.title_in("fa") == "Gaps and needs"
    assert form.description_in("ru") == "Опрос о сохранении видов"
    assert form.description_in("en") == "A survey on conservation"
    again = load_form(form_to_xlsx(form), "titles.xlsx").form
    assert again.title_in("ru") == "Пробелы и потребности"
    assert again.description_in("ru") == "Опрос о сохранении видов"
    assert again.title == "Gaps and needs"


def test_a_form_without_translated_titles_keeps_its_one_title():
    form = _form([["form_title", "form_id"], ["Only English", "plain"]])
    assert form.title_in("ru") == "Only English"
    assert form.description_in("ru") == ""


def test_the_translators_workbook_gets_a_title_column_for_the_new_language():
    form = _form([["form_title", "form_id", "default_language"], ["Gaps", "titles", EN]])
    data = xlsx_with_language(form, "kk", "Қазақша")
    settings = load_form(data, "titles.xlsx").form.settings
    assert settings["form_title::Қазақша (kk)"] == "Gaps"

"""Test forms for the questionnaire engine, built in code with openpyxl.

``SURVEY``, ``CHOICES`` and ``SETTINGS`` make a small but complete XLSForm in English and
Russian: every row type the engine supports, groups (field-list, table-list), a repeat, a
choice filter, ``or_other``, a likert select, a calculation, required and constraint
messages (some left untranslated on purpose to exercise the fallback).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import openpyxl

EN = "English (en)"
RU = "Русский (ru)"

SURVEY_HEADERS = [
    "type",
    "name",
    f"label::{EN}",
    f"label::{RU}",
    f"hint::{EN}",
    f"hint::{RU}",
    "required",
    f"required_message::{EN}",
    f"required_message::{RU}",
    "constraint",
    f"constraint_message::{EN}",
    f"constraint_message::{RU}",
    "relevant",
    "default",
    "choice_filter",
    "appearance",
    "calculation",
]


def survey_row(type_, name=None, en=None, ru=None, **cells) -> list:
    """One survey row in SURVEY_HEADERS order; keyword cells by short column name."""
    short = {
        "hint_en": f"hint::{EN}",
        "hint_ru": f"hint::{RU}",
        "required_en": f"required_message::{EN}",
        "required_ru": f"required_message::{RU}",
        "constraint_en": f"constraint_message::{EN}",
        "constraint_ru": f"constraint_message::{RU}",
    }
    values = {"type": type_, "name": name, f"label::{EN}": en, f"label::{RU}": ru}
    for key, value in cells.items():
        values[short.get(key, key)] = value
    unknown = set(values) - set(SURVEY_HEADERS)
    assert not unknown, unknown
    return [values.get(header) for header in SURVEY_HEADERS]


SURVEY = [
    SURVEY_HEADERS,
    survey_row("begin_group", "respondent", "About you", "О вас", appearance="field-list"),
    survey_row("select_one country", "country", "Country", "Страна", required="yes"),
    survey_row(
        "select_one region",
        "region",
        "Region",
        "Регион",
        choice_filter="country = ${country}",
    ),
    survey_row(
        "select_one group",
        "stakeholder",
        "Stakeholder group",
        "Группа",
        required="yes",
        required_en="Please choose your group",
        required_ru="Выберите группу",
    ),
    survey_row(
        "integer",
        "years",
        "Years of experience",
        "Стаж (лет)",
        hint_en="Whole years",
        constraint=". >= 0 and . <= 80",
        constraint_en="Between 0 and 80 years",
    ),
    survey_row("date", "interview_date", "Date of interview", "Дата интервью"),
    survey_row("acknowledge", "consent", "I agree to take part", "Я согласен", required="yes"),
    survey_row("end_group"),
    survey_row("begin_group", "threats", "Threats", "Угрозы", relevant="${consent} = 'OK'"),
    survey_row("note", "threats_intro", "Rate each threat", "Оцените каждую угрозу"),
    survey_row(
        "select_multiple species",
        "species_seen",
        "Species you have seen",
        "Виды, которые вы видели",
        required="yes",
    ),
    survey_row(
        "select_one rating",
        "poaching_severity",
        "Poaching severity",
        "Браконьерство",
        appearance="likert",
        relevant="selected(${species_seen}, 'saiga')",
        required="yes",
    ),
    survey_row(
        "decimal",
        "decline",
        "Decline in %",
        "Снижение, %",
        constraint=". >= 0 and . <= 100",
        constraint_en="A share between 0 and 100",
        constraint_ru="Доля от 0 до 100",
        default="5.5",
    ),
    survey_row("select_one threat or_other", "main_threat", "Main threat", "Главная угроза"),
    survey_row("calculate", "species_score", calculation="count-selected(${species_seen}) * 2"),
    survey_row("end_group"),
    survey_row("begin_group", "ratings", "Ratings", "Оценки", appearance="table-list"),
    survey_row("select_one rating", "livestock_severity", "Livestock", "Скот"),
    survey_row("select_one rating", "climate_severity", "Climate", "Климат"),
    survey_row("end_group"),
    survey_row("begin_repeat", "sites", "Sites", "Места"),
    survey_row("text", "site_name", "Site name", "Название", required="yes"),
    survey_row("integer", "site_count", "Animals counted", "Сколько животных", constraint=". > 0"),
    survey_row("end_repeat"),
    survey_row("rank theme", "priority_rank", "Rank the themes", "Расставьте темы"),
    survey_row("text", "comments", "Comments", None, appearance="multiline"),
    survey_row("select_one yn", "followup", "May we contact you?", "Можно связаться?"),
    survey_row("text", "email", "Email", "Эл. почта", relevant="${followup} = 'yes'"),
]

CHOICES = [
    ["list_name", "name", f"label::{EN}", f"label::{RU}", "country"],
    ["country", "KZ", "Kazakhstan", "Казахстан"],
    ["country", "MN", "Mongolia", "Монголия"],
    ["region", "almaty", "Almaty", "Алматы", "KZ"],
    ["region", "mangystau", "Mangystau", "Мангистау", "KZ"],
    ["region", "gobi_altai", "Gobi-Altai", "Гоби-Алтай", "MN"],
    ["group", "government", "Government agency", "Госорган"],
    ["group", "community", "Local community", "Местное сообщество"],
    ["species", "saiga", "Saiga", "Сайгак"],
    ["species", "argali", "Argali", "Архар"],
    ["species", "kulan", "Kulan", "Кулан"],
    ["rating", "low", "Low", "Низкая"],
    ["rating", "medium", "Medium", "Средняя"],
    ["rating", "high", "High", "Высокая"],
    ["rating", "very_high", "Very high", None],
    ["threat", "poaching", "Poaching", "Браконьерство"],
    ["threat", "infrastructure", "Infrastructure", "Инфраструктура"],
    ["theme", "poaching", "Poaching", "Браконьерство"],
    ["theme", "livestock", "Livestock", "Скот"],
    ["theme", "climate", "Climate", "Климат"],
    ["yn", "yes", "Yes", "Да"],
    ["yn", "no", "No", "Нет"],
]

SETTINGS = [
    ["form_title", "form_id", "version", "default_language"],
    ["Gap and needs test", "gap_needs_test", "2024060101", EN],
]


def xlsx(sheets: dict[str, Sequence[Sequence]]) -> bytes:
    """An .xlsx workbook with one sheet per entry, rows written as given."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    # Text as typed in Excel: "=..." stays text, not a formula.
                    cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def simple_form_bytes(survey_rows: Sequence[Sequence], choices=None) -> bytes:
    """A one-language form: header type/name/label/relevant/constraint/calculation."""
    sheets = {"survey": [["type", "name", "label", "relevant", "constraint", "calculation"]]}
    sheets["survey"] += [list(r) for r in survey_rows]
    if choices:
        sheets["choices"] = [["list_name", "name", "label"], *choices]
    return xlsx(sheets)

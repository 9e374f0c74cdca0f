import pytest

from surveys.translations import column_for, coverage
from surveys.xlsform import load_form, xlsx_with_language
from tests.surveys.xlsform_fixtures import CHOICES, SURVEY, xlsx


def texts_in_fixture() -> int:
    """Cells with text in any language of the fixture: one per row and kind."""
    headers = SURVEY[0]
    kinds = {}
    for index, header in enumerate(headers):
        base = header.split("::")[0]
        if "::" in header:
            kinds.setdefault(base, []).append(index)
    survey = sum(
        1 for row in SURVEY[1:] for columns in kinds.values() if any(row[i] for i in columns)
    )
    choices = sum(1 for row in CHOICES[1:] if any(row[2:4]))
    return survey + choices


def by_lang(form):
    return {c.lang: c for c in coverage(form)}


def test_default_language_is_complete(form):
    english = by_lang(form)["en"]
    assert english.total == texts_in_fixture()
    assert english.translated == english.total
    assert english.share == 1.0
    assert english.missing == []
    assert english.name == "English"


def test_missing_translations_are_listed_with_the_column_to_fill(form):
    russian = by_lang(form)["ru"]
    assert russian.missing == [
        ("hint", "years", "hint::Русский (ru)"),
        ("constraint_message", "years", "constraint_message::Русский (ru)"),
        ("label", "comments", "label::Русский (ru)"),
        ("choice", "rating/very_high", "label::Русский (ru)"),
    ]
    assert russian.translated == russian.total - 4
    assert russian.share == pytest.approx(russian.translated / russian.total)


def test_generated_other_question_is_not_counted(form):
    names = {name for c in coverage(form) for _, name, _ in c.missing}
    assert "main_threat_other" not in names


def test_new_language_starts_empty_with_columns_named(form):
    form = load_form(xlsx_with_language(form, "kk", "Қазақша"), "f.xlsx").form
    kazakh = by_lang(form)["kk"]
    assert kazakh.translated == 0
    assert kazakh.share == 0.0
    assert len(kazakh.missing) == kazakh.total == texts_in_fixture()
    assert {column for _, _, column in kazakh.missing} == {
        "label::Қазақша (kk)",
        "hint::Қазақша (kk)",
        "constraint_message::Қазақша (kk)",
        "required_message::Қазақша (kk)",
    }


def test_filled_translation_counts_as_translated():
    survey = [
        ["type", "name", "label", "label::Монгол (mn)", "hint"],
        ["text", "a", "A", "А", "hint a"],
        ["text", "b", "B", None, None],
    ]
    form = load_form(xlsx({"survey": survey}), "f.xlsx").form
    mongolian = by_lang(form)["mn"]
    assert (mongolian.total, mongolian.translated) == (3, 1)
    assert mongolian.missing == [
        ("hint", "a", "hint::Монгол (mn)"),
        ("label", "b", "label::Монгол (mn)"),
    ]


def test_untagged_columns_belong_to_the_default_language():
    survey = [["type", "name", "label", "label::فارسی (fa)"], ["text", "a", None, "الف"]]
    form = load_form(xlsx({"survey": survey}), "f.xlsx").form
    assert by_lang(form)["en"].missing == [("label", "a", "label")]
    assert column_for(form, "label", "fa") == "label::فارسی (fa)"
    assert column_for(form, "hint", "fa") == "hint::فارسی (fa)"

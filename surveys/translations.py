"""How complete each language of a form is.

The secretariat adds a language by downloading the workbook with empty columns for it
(:func:`surveys.xlsform.xlsx_with_language`), having it filled in and uploading it again.
:func:`coverage` says, per language, how many of the form's texts are translated and
which cells are still empty, named by the column to fill in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pyxform import aliases
from pyxform.parsing.sheet_headers import process_header
from pyxform.question import MultipleChoiceQuestion, Option

from surveys.model import Form
from surveys.xlsform import SURVEY_TEXT_COLUMNS, language_of

#: Text kinds counted: the column name on the sheet for each.
KINDS = {
    "label": ("survey", "label"),
    "hint": ("survey", "hint"),
    "constraint_message": ("survey", "constraint_message"),
    "required_message": ("survey", "required_message"),
    "choice": ("choices", "label"),
}


@dataclass
class LanguageCoverage:
    """One language's share of translated texts.

    ``total`` counts the texts the form has in any language (question and group labels
    and hints, constraint and required messages, choice labels), ``translated`` those
    with text in ``lang``, ``share`` their ratio (1.0 for a form without texts).
    ``missing`` lists ``(kind, name, column)``: kind is one of :data:`KINDS`, name the
    question or group name (``list_name/choice`` for a choice) and column the header of
    the cell to fill in (``label::Русский (ru)``).
    """

    lang: str
    name: str
    total: int
    translated: int
    share: float
    missing: list[tuple[str, str, str]] = field(default_factory=list)


def coverage(form: Form) -> list[LanguageCoverage]:
    """Translation coverage of every language of ``form``, the default language first."""
    items = list(_texts(form))
    result = []
    for lang in form.languages:
        missing = []
        for kind, name, texts in items:
            if not texts.get(lang, "").strip():
                missing.append((kind, name, column_for(form, kind, lang)))
        total = len(items)
        translated = total - len(missing)
        result.append(
            LanguageCoverage(
                lang=lang,
                name=form.language_names.get(lang, lang),
                total=total,
                translated=translated,
                share=translated / total if total else 1.0,
                missing=missing,
            )
        )
    return result


def column_for(form: Form, kind: str, lang: str) -> str:
    """The header of the column holding ``kind`` texts in ``lang``.

    The header as written in the workbook when the column exists (an untagged ``label``
    column for the default language included), else the header to add,
    ``<column>::<language name> (<code>)``.
    """
    sheet_key, column = KINDS[kind]
    sheet = form.sheets.get(sheet_key)
    prefix = SURVEY_TEXT_COLUMNS[column]
    name = form.language_names.get(lang, lang)
    base = column
    if sheet is not None:
        use_double_colon = any("::" in h for h in sheet.headers)
        header_aliases = aliases.survey_header if sheet_key == "survey" else aliases.list_header
        known = set((MultipleChoiceQuestion if sheet_key == "survey" else Option).get_slot_names())
        for header in sheet.headers:
            _, tokens = process_header(header, use_double_colon, header_aliases, known)
            if tokens[: len(prefix)] != prefix:
                continue
            base = header.split("::")[0].strip()
            if len(tokens) == len(prefix) + 1 and language_of(tokens[-1])[0] == lang:
                return header
            if len(tokens) == len(prefix) and lang == form.default_language:
                return header
    return f"{base}::{name} ({lang})"


def _texts(form: Form) -> Iterator[tuple[str, str, dict[str, str]]]:
    for group in form.groups.values():
        for kind, texts in (("label", group.labels), ("hint", group.hints)):
            if any(t.strip() for t in texts.values()):
                yield kind, group.name, texts
    for question in form.questions.values():
        if question.generated:
            continue
        for kind, texts in (
            ("label", question.labels),
            ("hint", question.hints),
            ("constraint_message", question.constraint_message),
            ("required_message", question.required_message),
        ):
            if any(t.strip() for t in texts.values()):
                yield kind, question.name, texts
    for list_name, choices in form.choices.items():
        for choice in choices:
            if any(t.strip() for t in choice.labels.values()):
                yield "choice", f"{list_name}/{choice.name}", choice.labels

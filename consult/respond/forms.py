"""Reading a questionnaire page from a form post.

Field names: a question's name outside repeats, ``name[n]`` for repeat instance ``n``
(counted from 1; brackets cannot occur in XLSForm names); ``_n.<repeat>`` holds how many
instances of a repeat the page showed. Checkboxes and rank boxes repeat their field name;
browsers send them in page order, which for a rank is the order of the ranks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MultiDict

from consult.responses import MAX_INSTANCES
from surveys.model import MEDIA_TYPES, MULTI_CODE_TYPES, Form, Question
from surveys.pages import Page
from surveys.validation import drop_instances, repeat_questions

_ACTION_RE = re.compile(r"^(next|back|submit|save|add|remove)(?::([\w.\-]+))?(?::(\d+))?$")


def field_name(question: Question, instance: int = 0) -> str:
    """The form field of ``question`` (``instance`` counted from 1 inside repeats)."""
    return f"{question.name}[{instance}]" if instance else question.name


def count_field(repeat: str) -> str:
    """The hidden field holding the number of instances of ``repeat`` on the page."""
    return f"_n.{repeat}"


@dataclass(frozen=True)
class Action:
    """What the respondent pressed: ``kind`` is next, back, submit, save, add or remove;
    ``repeat`` and ``instance`` (from 1) say which repeat instance to add or remove."""

    kind: str
    repeat: str | None = None
    instance: int | None = None


def parse_action(text: str | None) -> Action:
    """The button pressed, from its value (``next``, ``add:stakeholder_rep``,
    ``remove:stakeholder_rep:2``); "next" when missing or unreadable (Enter in a text box)."""
    match = _ACTION_RE.match(text or "")
    if match is None:
        return Action("next")
    kind, repeat, instance = match.groups()
    return Action(kind, repeat, int(instance) if instance else None)


def _read(question: Question, data: MultiDict, name: str, files: MultiDict | None) -> Any:
    if question.type in MEDIA_TYPES:
        # The file's name is the answer, as ODK stores it; a page without a new file keeps
        # the name it showed (a hidden field). consult.respond.uploads then puts the file
        # itself (new or stored) behind the name.
        upload = files.get(name) if files is not None else None
        if upload is not None and upload.filename:
            return upload.filename
        return data.get(name, "")
    if question.type in MULTI_CODE_TYPES:
        return [value for value in data.getlist(name) if value.strip()]
    if question.type == "acknowledge":
        return "OK" if data.get(name) else ""
    return data.get(name, "")


def page_repeats(form: Form, page: Page) -> list[str]:
    """Names of the repeats whose questions are on ``page``, in order."""
    return list(
        dict.fromkeys(form.questions[n].repeat for n in page.questions if form.questions[n].repeat)
    )


def read_page(
    form: Form, page: Page, data: MultiDict, files: MultiDict | None = None
) -> dict[str, Any]:
    """The raw answers to ``page``'s answered questions: text, lists of codes, and lists with
    one item per instance inside repeats. Every answered question of the page is present,
    ``""`` or ``[]`` when the post left it out (an unticked box clears an answer). ``files``
    are the uploaded files (``request.files``): a media answer is the file's name."""
    values: dict[str, Any] = {}
    counts = {}
    for repeat in page_repeats(form, page):
        try:
            count = int(data.get(count_field(repeat), "0"))
        except ValueError:
            count = 0
        counts[repeat] = max(0, min(count, MAX_INSTANCES))
    for name in page.questions:
        question = form.questions[name]
        if not question.answered:
            continue
        if question.repeat is None:
            values[name] = _read(question, data, name, files)
        else:
            values[name] = [
                _read(question, data, field_name(question, i), files)
                for i in range(1, counts.get(question.repeat, 0) + 1)
            ]
    return values


def add_instance(
    form: Form, values: dict[str, Any], repeat: str, parent: int | None = None
) -> dict[str, Any]:
    """``values`` with one more, empty, instance of ``repeat`` (up to MAX_INSTANCES); in a
    repeat inside a repeat, one that belongs to instance ``parent`` (from 1) of the
    enclosing repeat."""
    result = dict(values)
    questions = repeat_questions(form, repeat)
    count = max((len(result.get(q.name) or []) for q in questions), default=0)
    if count >= MAX_INSTANCES:
        return result
    link = form.parent_question(repeat)
    for question in questions:
        items = list(result.get(question.name) or [])
        items += [""] * (count - len(items))
        new = str(parent or 1) if question.name == link else ""
        result[question.name] = [*items, new]
    return result


def remove_instance(
    form: Form, values: dict[str, Any], repeat: str, instance: int
) -> dict[str, Any]:
    """``values`` without instance ``instance`` (from 1) of ``repeat``, and the instances of
    repeats inside it."""
    return drop_instances(form, values, repeat, [instance - 1])

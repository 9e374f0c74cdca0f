"""What a questionnaire page template needs: its blocks, texts in the form language with the
fallback flag, values, messages, and the expressions the browser re-evaluates.

A page is a list of blocks: single questions, rating matrices (consecutive ``select_one``
questions sharing a choice list inside a field-list/table-list group, or all with the
``likert`` appearance), headings of nested groups, and repeats. The server decides what is
relevant when it renders; with JavaScript the same expressions (as ASTs from
:func:`surveys.expressions.to_ast`) show and hide questions as answers change. Texts that
refer to answers (``Threats to ${t1_name}``, ODK's outputs) are filled in on the server when
the page is rendered, in the page language, so they should refer to answers of earlier pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from markupsafe import Markup, escape

from consult.i18n import direction
from consult.respond.forms import count_field, field_name
from surveys import expressions
from surveys.model import OTHER_CODE, Choice, Form, Group, Question
from surveys.pages import Page, holds
from surveys.validation import (
    ChoiceLabels,
    available_choices,
    calculate,
    fill_in,
    repeat_questions,
)

_MATRIX_APPEARANCES = ("field-list", "table-list")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def odk_text(text: str) -> Markup:
    """Label or hint text as HTML: escaped, with ODK's ``**bold**``, ``*italic*`` and line
    breaks kept (the rest of ODK's markdown is shown as written)."""
    html = str(escape(text))
    html = _BOLD_RE.sub(r"<strong>\1</strong>", html)
    html = _ITALIC_RE.sub(r"<em>\1</em>", html)
    return Markup(html.replace("\n", "<br>"))


@dataclass
class Block:
    """One piece of a page: ``kind`` is question, matrix, heading or repeat."""

    kind: str
    questions: list[Question] = field(default_factory=list)
    group: Group | None = None
    children: list[Block] = field(default_factory=list)

    @property
    def question(self) -> Question:
        return self.questions[0]


def _matrix_fits(form: Form, question: Question) -> bool:
    if question.type != "select_one" or question.repeat or question.or_other:
        return False
    if question.choice_filter or not question.list_name:
        return False
    group = form.groups.get(question.group or "")
    in_list = group is not None and any(a in (group.appearance or "") for a in _MATRIX_APPEARANCES)
    return in_list or "likert" in (question.appearance or "")


def _plain_blocks(form: Form, questions: list[Question]) -> list[Block]:
    blocks: list[Block] = []
    for question in questions:
        last = blocks[-1] if blocks else None
        if (
            last is not None
            and last.kind in ("question", "matrix")
            and _matrix_fits(form, question)
            and _matrix_fits(form, last.questions[-1])
            and last.questions[-1].list_name == question.list_name
            and last.questions[-1].group == question.group
        ):
            last.kind = "matrix"
            last.questions.append(question)
            continue
        blocks.append(Block("question", [question]))
    return blocks


def page_blocks(form: Form, page: Page) -> list[Block]:
    """The blocks of ``page`` in form order."""
    own_groups = {page.key, page.section.path}
    blocks: list[Block] = []
    run: list[Question] = []
    seen_groups: set[str] = set()

    def flush() -> None:
        blocks.extend(_plain_blocks(form, run))
        run.clear()

    questions = [form.questions[n] for n in page.questions if form.questions[n].displayed]
    i = 0
    while i < len(questions):
        question = questions[i]
        group_path = question.group
        if (
            question.repeat is None
            and group_path
            and group_path not in own_groups
            and group_path not in seen_groups
        ):
            seen_groups.add(group_path)
            group = form.groups.get(group_path)
            if group is not None and group.labels:
                flush()
                blocks.append(Block("heading", group=group))
        if question.repeat is not None:
            flush()
            members = []
            while i < len(questions) and questions[i].repeat == question.repeat:
                members.append(questions[i])
                i += 1
            group = next(
                g for g in form.groups.values() if g.kind == "repeat" and g.name == question.repeat
            )
            blocks.append(Block("repeat", group=group, children=_plain_blocks(form, members)))
            continue
        run.append(question)
        i += 1
    flush()
    return blocks


@dataclass
class Option:
    choice: Choice
    label: tuple[str, bool]
    available: bool


class PageView:
    """The page being rendered: ``values`` are the response's values (for this page possibly
    as posted), ``errors`` the messages keyed ``name`` or ``name[i]`` (from 0)."""

    def __init__(
        self,
        form: Form,
        page: Page,
        values: dict[str, Any],
        flags: dict[str, Any],
        errors: dict[str, str],
        lang: str,
        fixed: dict[str, str] | None = None,
    ):
        self.form = form
        #: answers set by the respondent's invitation, shown but not asked
        self.fixed = fixed or {}
        self.page = page
        self.values = values
        self.flags = flags
        self.errors = errors
        self.lang = lang
        self.dir = direction(lang)
        self.default_lang = form.default_language
        self.blocks = page_blocks(form, page)
        self._shown_values: dict[str, Any] | None = None

    # texts
    def _text(self, texts: dict[str, str]) -> tuple[str, bool]:
        """A text in the page language with its ``${name}`` references filled in (a
        ``jr:choice-name()`` calculation names the choice in the page language)."""
        text, fallback = self.form.translate(texts, self.lang)
        if "${" in text:
            if self._shown_values is None:
                self._shown_values = calculate(self.form, self.values, self.lang)
            text = fill_in(self.form, text, self._shown_values)
        return text, fallback

    def label(self, obj) -> tuple[str, bool]:
        if isinstance(obj, Question) and obj.generated and not obj.labels.get(self.lang):
            return _("Specify other"), False
        return self._text(obj.labels)

    def hint(self, obj) -> tuple[str, bool]:
        return self._text(getattr(obj, "hints", {}) or {})

    def page_title(self) -> tuple[str, bool]:
        return self._text(self.page.labels)

    def page_parent(self) -> tuple[str, bool]:
        return self._text(self.page.parent_labels)

    def page_hint(self) -> tuple[str, bool]:
        return self._text(self.page.hints)

    # fields and values
    @property
    def max_length(self) -> int:
        """The longest answer accepted (ANSWER_MAX_LENGTH), for the text boxes' maxlength."""
        return current_app.config["ANSWER_MAX_LENGTH"]

    def field(self, question: Question, instance: int = 0) -> str:
        return field_name(question, instance)

    def count_field(self, group: Group) -> str:
        return count_field(group.name)

    def value(self, question: Question, instance: int = 0) -> Any:
        value = self.values.get(question.name, "")
        if instance:
            items = value if isinstance(value, list) else []
            value = items[instance - 1] if instance - 1 < len(items) else ""
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def fixed_label(self, question: Question) -> tuple[str, bool]:
        """The label of the choice the invitation set for ``question``."""
        code = self.fixed.get(question.name, "")
        for option in self.options(question):
            if option.choice.name == code:
                return option.label
        return code, False

    def codes(self, question: Question, instance: int = 0) -> list[str]:
        return self.value(question, instance).split()

    def error(self, question: Question, instance: int = 0) -> str:
        key = f"{question.name}[{instance - 1}]" if instance else question.name
        return self.errors.get(key, "")

    def shown(self, question: Question, instance: int = 0) -> bool:
        flag = self.flags.get(question.name, True)
        if isinstance(flag, list):
            return instance - 1 < len(flag) and flag[instance - 1] if instance else any(flag)
        return bool(flag)

    def any_shown(self, questions: list[Question]) -> bool:
        return any(self.shown(q) for q in questions)

    def heading_shown(self, group: Group) -> bool:
        return holds(group.relevant, self.values)

    def repeat_shown(self, group: Group) -> bool:
        return holds(group.relevant, self.values)

    def instances(self, group: Group) -> range:
        count = max(
            (
                len(self.values[q.name])
                for q in repeat_questions(self.form, group.name)
                if isinstance(self.values.get(q.name), list)
            ),
            default=0,
        )
        if group.repeat_count:
            try:
                result = expressions.evaluate(group.repeat_count, self.values)
                fixed = int(expressions.to_number(result))
            except (expressions.ExpressionError, ValueError, OverflowError):
                fixed = count
            count = max(0, min(fixed, 50))
        return range(1, max(count, 0 if group.repeat_count else 1) + 1)

    def fixed_count(self, group: Group) -> bool:
        return bool(group.repeat_count)

    def options(self, question: Question, instance: int = 0) -> list[Option]:
        all_options = self.form.options(question)
        if question.choice_filter:
            index = instance - 1 if instance else 0
            allowed = {c.name for c in available_choices(self.form, question, self.values, index)}
        else:
            allowed = {c.name for c in all_options}
        result = []
        for choice in all_options:
            if choice.name == OTHER_CODE and not choice.labels.get(self.lang):
                label = self.form.translate(choice.labels, self.lang)
                label = (_("Other"), False) if label[1] or not label[0] else label
            else:
                label = self.form.label(choice, self.lang)
            result.append(Option(choice, label, choice.name in allowed))
        return result

    def matrix_options(self, block: Block) -> list[Option]:
        return self.options(block.question)

    def input_kind(self, question: Question) -> str:
        """The widget: textarea, text, integer, decimal, date, time, datetime, radios,
        likert, dropdown, checkboxes, rank, acknowledge, note, or fixed (set by the
        invitation, shown as text)."""
        if question.name in self.fixed:
            return "fixed"
        appearance = question.appearance or ""
        kind = question.type
        if kind == "text":
            return "textarea" if "multiline" in appearance else "text"
        if kind == "select_one":
            if "likert" in appearance:
                return "likert"
            if "minimal" in appearance or "autocomplete" in appearance:
                return "dropdown"
            return "radios"
        if kind == "select_multiple":
            return "checkboxes"
        return kind

    def rank_slots(self, question: Question, instance: int = 0) -> list[tuple[str, str]]:
        chosen = self.codes(question, instance)
        count = len(self.form.options(question))
        return [
            (ordinal(n), chosen[n - 1] if n - 1 < len(chosen) else "") for n in range(1, count + 1)
        ]

    # the browser's copy of the rules
    def logic_json(self) -> str:
        """The page's relevance, constraint and choice-filter expressions as ASTs, the
        constraint messages, the answers from other pages they refer to and the choice
        labels their ``jr:choice-name()`` calls look up, as JSON for
        ``<script type="application/json" id="form-logic">``."""
        on_page = set(self.page.questions)
        logic: dict[str, Any] = {"q": {}, "g": {}, "values": {}, "choices": {}, "names": {}}
        referenced: set[str] = set()
        labelled: set[str] = set()

        def ast(expr: str | None, *, choice_filter: bool = False):
            if not expr:
                return None
            try:
                node = expressions.parse(expr, choice_filter=choice_filter)
                referenced.update(expressions.references(node))
                labelled.update(expressions.choice_name_questions(node))
                return expressions.to_ast(node)
            except expressions.ExpressionError:
                return None

        for name in self.page.questions:
            question = self.form.questions[name]
            if not question.displayed:
                continue
            entry: dict[str, Any] = {"type": question.type}
            if question.repeat:
                entry["rep"] = question.repeat
            rel = ast(question.relevant)
            if rel is not None:
                entry["rel"] = rel
            con = ast(question.constraint)
            if con is not None:
                entry["con"] = con
                entry["msg"] = self.form.translate(question.constraint_message, self.lang)[0] or _(
                    "This answer is not allowed."
                )
            flt = ast(question.choice_filter, choice_filter=True)
            if flt is not None:
                entry["filter"] = flt
                logic["choices"][name] = [
                    {"name": c.name, **c.extra} for c in self.form.options(question)
                ]
            logic["q"][name] = entry
        for block in self.blocks:
            if block.kind == "heading" and block.group is not None:
                rel = ast(block.group.relevant)
                if rel is not None:
                    logic["g"][block.group.path] = rel
        for name in sorted(referenced - on_page):
            if name in self.values:
                logic["values"][name] = self.values[name]
        # Rules use the default language's labels, as the server does (surveys.validation).
        labels = ChoiceLabels(self.form)
        logic["names"] = {name: dict(labels[name]) for name in sorted(labelled) if name in labels}
        text = json.dumps(logic, ensure_ascii=False, separators=(",", ":"), default=str)
        # Inside <script>, "</" would end the element early whatever the JSON means.
        return Markup(text.replace("</", "<\\/"))

    def shown_names(self) -> str:
        return " ".join(
            name
            for name in self.page.questions
            if self.form.questions[name].displayed and self.shown(self.form.questions[name])
        )


def ordinal(n: int) -> str:
    """The ordinal of a rank (1st, 2nd, 3rd, 4th …) in the interface language."""
    if n == 1:
        return _("1st")
    if n == 2:
        return _("2nd")
    if n == 3:
        return _("3rd")
    return _("%(n)dth", n=n)

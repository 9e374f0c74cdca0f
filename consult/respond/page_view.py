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

from consult.i18n import direction, localise_digits
from consult.media import accepted_formats, human_size
from consult.media.types import INLINE_IMAGES
from consult.respond.forms import count_field, field_name
from surveys import expressions
from surveys.model import GEO_TYPES, MEDIA_TYPES, OTHER_CODE, Choice, Form, Group, Question
from surveys.pages import Page, holds
from surveys.validation import (
    ChoiceLabels,
    available_choices,
    calculate,
    fill_in,
    repeat_questions,
    visibility,
)

_MATRIX_APPEARANCES = ("field-list", "table-list")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


#: Markup that ODK and KoboToolbox labels use and that is kept: a few inline tags, and
#: ``<span style>`` with harmless declarations. Everything else is escaped.
_TAG_RE = re.compile(r"<(/?)([a-zA-Z]+)((?:\s+[^<>]*?)?)\s*(/?)>")
_INLINE_TAGS = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "u": "u"}
_STYLE_RE = re.compile(r"""^\s*style\s*=\s*(?:"([^"]*)"|'([^']*)')\s*$""", re.IGNORECASE)
_DECLARATION_RE = re.compile(
    r"^(color|background-color|font-weight|font-style|text-decoration|font-size)\s*:\s*"
    r"(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|\d{1,3}(?:\.\d+)?(?:px|em|rem|%)?)$"
)
_HIDDEN_RE = re.compile(r"^display\s*:\s*none$", re.IGNORECASE)


def _safe_style(attributes: str) -> str | None:
    """The harmless declarations of a ``style`` attribute ("" for none), "hidden" for
    ``display:none``, None for any other attribute."""
    if not attributes.strip():
        return ""
    match = _STYLE_RE.match(attributes)
    if match is None:
        return None
    kept = []
    for declaration in (match[1] or match[2] or "").split(";"):
        declaration = declaration.strip()
        if not declaration:
            continue
        if _HIDDEN_RE.match(declaration):
            return "hidden"
        if _DECLARATION_RE.match(declaration):
            kept.append(declaration)
    return "; ".join(kept)


def _safe_markup(text: str) -> str:
    """``text`` as HTML: the inline tags and styled spans of :data:`_INLINE_TAGS` kept
    (balanced), a ``<span style="display:none">`` left out with its content (KoboToolbox
    hides text for exports that way), everything else escaped."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (closing tag, hidden)
    hidden = 0
    position = 0
    for match in _TAG_RE.finditer(text):
        closing, tag, attributes, _self_closing = match.groups()
        tag = tag.lower()
        html, change = None, 0
        if tag == "br" and not closing and not attributes.strip():
            html = "<br>"
        elif tag in _INLINE_TAGS and not attributes.strip():
            if not closing:
                html = f"<{_INLINE_TAGS[tag]}>"
                stack.append((f"</{_INLINE_TAGS[tag]}>", False))
            elif stack and stack[-1][0] == f"</{_INLINE_TAGS[tag]}>":
                html = stack.pop()[0]
        elif tag == "span":
            if not closing:
                style = _safe_style(attributes)
                if style == "hidden":
                    html, change = "", 1
                    stack.append(("", True))
                elif style is not None:
                    html = f'<span style="{escape(style)}">' if style else "<span>"
                    stack.append(("</span>", False))
            elif stack and stack[-1][0] in ("</span>", ""):
                html, was_hidden = stack.pop()
                change = -1 if was_hidden else 0
        if html is None:
            continue
        if not hidden:
            out.append(str(escape(text[position : match.start()])))
            out.append(html)
        hidden += change
        position = match.end()
    if not hidden:
        out.append(str(escape(text[position:])))
    out.extend(closer for closer, was_hidden in reversed(stack) if not was_hidden)
    return "".join(out)


def plain_label(form, question, language: str) -> str:
    """A question's label in ``language`` (else the form's default language) as plain text,
    for messages and staff pages; its name when the form gives it no label."""
    text = question.labels.get(language) or question.labels.get(form.default_language)
    return odk_text(text).striptags() if text else question.name


def odk_text(text: str) -> Markup:
    """Label or hint text as HTML: escaped, with ODK's ``**bold**``, ``*italic*`` and line
    breaks kept, and the inline markup ODK and KoboToolbox forms use (``<b>``, ``<i>``,
    ``<u>``, ``<br>``, ``<span style="color: …">``; a ``display:none`` span is left out);
    the rest of ODK's markdown is shown as written."""
    html = _safe_markup(text) if "<" in text else str(escape(text))
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
            outer = _repeat_chain(form, question.repeat)[0]
            members = []
            while i < len(questions) and outer in _repeat_chain(form, questions[i].repeat):
                members.append(questions[i])
                i += 1
            blocks.append(_repeat_block(form, outer, members))
            continue
        run.append(question)
        i += 1
    flush()
    return blocks


def _repeat_chain(form: Form, repeat: str | None) -> list[str]:
    """The repeats around a question, outermost first, ending with ``repeat``."""
    chain = []
    while repeat:
        chain.insert(0, repeat)
        repeat = form.parent_repeat(repeat)
    return chain


def _repeat_block(form: Form, repeat: str, members: list[Question]) -> Block:
    """A repeat's block: its own questions, and the blocks of the repeats inside it."""
    children: list[Block] = []
    run: list[Question] = []
    i = 0
    while i < len(members):
        question = members[i]
        if question.repeat == repeat:
            run.append(question)
            i += 1
            continue
        children.extend(_plain_blocks(form, run))
        run = []
        chain = _repeat_chain(form, question.repeat)
        inner = chain[chain.index(repeat) + 1]
        nested = []
        while i < len(members) and inner in _repeat_chain(form, members[i].repeat):
            nested.append(members[i])
            i += 1
        children.append(_repeat_block(form, inner, nested))
    children.extend(_plain_blocks(form, run))
    group = form.repeat_group(repeat)
    return Block("repeat", group=group, children=children)


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
        files: dict | None = None,
        slug: str = "",
    ):
        self.form = form
        #: the response's stored files by (question, repeat instance)
        self.files = files or {}
        self.slug = slug
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
        self._with_blank_instances()

    def _with_blank_instances(self) -> None:
        """Relevance for the instances a repeat shows beyond those answered (the first, empty
        instance of a repeat nobody answered yet, or the instances a repeat_count asks
        for): computed as for blank instances, so that their questions are not hidden."""
        extended = dict(self.values)
        grown = False
        for block in self.blocks:
            if block.kind != "repeat" or block.group is None:
                continue
            members = repeat_questions(self.form, block.group.name)
            wanted = self.total_instances(block.group)
            for question in members:
                items = extended.get(question.name)
                items = list(items) if isinstance(items, list) else []
                if len(items) < wanted:
                    extended[question.name] = items + [""] * (wanted - len(items))
                    grown = True
        if grown:
            self.flags = visibility(self.form, extended)

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

    def instances(self, group: Group, parent: int = 0) -> list[int]:
        """The instances (from 1) of a repeat to show; inside an instance ``parent`` of an
        enclosing repeat, the instances of the nested repeat that belong to it."""
        link = self.form.parent_question(group.name)
        if link is not None:
            parents = self.values.get(link)
            parents = parents if isinstance(parents, list) else []
            return [
                n for n, owner in enumerate(parents, start=1) if str(owner) == str(parent or 1)
            ]
        return list(self._top_instances(group))

    def total_instances(self, group: Group) -> int:
        """All instances of a repeat on the page (the count field posted with the page)."""
        link = self.form.parent_question(group.name)
        if link is None:
            return len(self._top_instances(group))
        parents = self.values.get(link)
        return len(parents) if isinstance(parents, list) else 0

    def parent_field(self, group: Group, instance: int) -> tuple[str, str] | None:
        """The hidden field (name, value) that ties an instance of a nested repeat to its
        enclosing instance."""
        link = self.form.parent_question(group.name)
        if link is None:
            return None
        question = self.form.questions[link]
        return field_name(question, instance), self.value(question, instance) or "1"

    def nested(self, group: Group) -> bool:
        return self.form.parent_question(group.name) is not None

    def _top_instances(self, group: Group) -> range:
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
        return bool(group.repeat_count) and not self.nested(group)

    def options(self, question: Question, instance: int = 0) -> list[Option]:
        all_options = self.form.options(question)
        if question.choice_filter:
            index = instance - 1 if instance else 0
            allowed = {c.name for c in available_choices(self.form, question, self.values, index)}
        else:
            allowed = {c.name for c in all_options}
        result = []
        seen: set[str] = set()
        for choice in all_options:
            # A list may name a choice twice (ODK allows it with allow_choice_duplicates);
            # one answer cannot tell them apart, so the first is offered.
            if choice.name in seen:
                continue
            seen.add(choice.name)
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
        likert, dropdown, checkboxes, rank, acknowledge, note, range, barcode, phone,
        geopoint, geotrace, geoshape, image, audio, video, file, readonly (a calculated or
        read-only question, shown as its value), or fixed (set by the invitation)."""
        if question.name in self.fixed:
            return "fixed"
        if question.type != "note" and (question.calculation or question.read_only):
            return "readonly"
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

    def accept(self, question: Question) -> str:
        """The ``accept`` attribute of a file input: the media type the question asks for."""
        return {"image": "image/*", "audio": "audio/*", "video": "video/*"}.get(
            question.type, ""
        )

    def file(self, question: Question, instance: int = 0):
        """The stored file answering ``question`` when its name is the answer shown."""
        stored = self.files.get((question.name, instance))
        if stored is not None and stored.filename == self.value(question, instance):
            return stored
        return None

    def file_limits(self, question: Question) -> str:
        """The accepted formats and the largest size, for the hint under a file input."""
        return _("Accepted: %(formats)s; up to %(size)s.", formats=accepted_formats(
            question.type), size=human_size(current_app.config["MEDIA_MAX_BYTES"]))

    def thumbnail_shown(self, stored) -> bool:
        return stored.content_type in INLINE_IMAGES

    def range_bounds(self, question: Question) -> dict[str, str]:
        params = question.parameters
        start, end = params.get("start", "0"), params.get("end", "10")
        try:
            if float(start) > float(end):
                start, end = end, start
        except ValueError:
            pass
        return {"min": start, "max": end, "step": params.get("step", "1")}

    def has_files(self) -> bool:
        """True when the page asks for a file (the form must be sent as multipart)."""
        return any(self.form.questions[n].type in MEDIA_TYPES for n in self.page.questions)

    def has_locations(self) -> bool:
        """True when the page asks for a location (its fields get a map)."""
        return any(self.form.questions[n].type in GEO_TYPES for n in self.page.questions)

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
        logic: dict[str, Any] = {
            "q": {},
            "g": {},
            "values": {},
            "choices": {},
            "names": {},
            "instances": {},
        }
        referenced: set[str] = set()
        labelled: set[str] = set()
        read: set[str] = set()

        def ast(expr: str | None, *, choice_filter: bool = False):
            if not expr:
                return None
            try:
                node = expressions.parse(expr, choice_filter=choice_filter)
                referenced.update(expressions.references(node))
                labelled.update(expressions.choice_name_questions(node))
                read.update(expressions.instance_names(node))
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
        # Answers of other pages, and the values of calculated or read-only questions (not
        # typed on this page), which the page reads as they were when it was rendered.
        computed = {
            n for n in on_page if not self.form.questions[n].answered
        }
        for name in sorted(referenced - (on_page - computed)):
            if name in self.values:
                logic["values"][name] = self.values[name]
        parents = {}
        for name in self.page.questions:
            question = self.form.questions[name]
            outer = self.form.parent_repeat(question.repeat) if question.repeat else None
            if outer:
                parents[question.repeat] = [outer, self.form.parent_question(question.repeat)]
        logic["parents"] = parents
        instances = self.form.instances()
        logic["instances"] = {name: instances[name] for name in sorted(read) if name in instances}
        # Rules use the default language's labels, as the server does (surveys.validation).
        labels = ChoiceLabels(self.form)
        logic["names"] = {name: dict(labels[name]) for name in sorted(labelled) if name in labels}
        text = json.dumps(logic, ensure_ascii=False, separators=(",", ":"), default=str)
        # Inside <script>, "</" would end the element early whatever the JSON means.
        return Markup(text.replace("</", "<\\/"))

    def shown_names(self) -> str:
        """The questions shown (``name``, ``name[n]`` in repeat instance n): a post without
        JavaScript tells the server which it showed, so that questions an answer brought up
        are shown before the page is left."""
        keys = []
        for name in self.page.questions:
            question = self.form.questions[name]
            if not question.displayed:
                continue
            if question.repeat is None:
                if self.shown(question):
                    keys.append(name)
                continue
            flags = self.flags.get(name)
            for n, flag in enumerate(flags if isinstance(flags, list) else [], start=1):
                if flag:
                    keys.append(f"{name}[{n}]")
        return " ".join(keys)


def ordinal(n: int) -> str:
    """The ordinal of a rank (1st, 2nd, 3rd, 4th …) in the interface language."""
    if n == 1:
        text = _("1st")
    elif n == 2:
        text = _("2nd")
    elif n == 3:
        text = _("3rd")
    else:
        text = _("%(n)dth", n=n)
    # The messages hold ASCII digits; a Persian page writes its own (۴ام, not 4ام).
    return localise_digits(text)


def _conditions(form: Form, question: Question) -> list[Any]:
    """The relevance of ``question`` and of every group around it, as ASTs (an expression
    that does not parse is left out: it counts as true, as on the server)."""
    expressions_ = [question.relevant]
    path = question.group or ""
    while path:
        group = form.groups.get(path)
        if group is not None:
            expressions_.append(group.relevant)
        path = path.rpartition("/")[0]
    result = []
    for expr in expressions_:
        if not expr:
            continue
        try:
            result.append(expressions.to_ast(expressions.parse(expr)))
        except expressions.ExpressionError:
            continue
    return result


_offline_cache: dict[int, tuple[Form, list[dict[str, Any]]]] = {}


def offline_pages(form: Form, pages: list[Page]) -> list[dict[str, Any]]:
    """What the browser needs to walk the pages without the server: each page's key and,
    in ``any``, one list of conditions per question or repeat that would show the page
    (the page applies when every condition of one of the lists holds, as
    :func:`surveys.pages.visible_pages` decides). The answers it reads come from the
    browser's store. Kept per form object, like the pages themselves; callers get copies."""
    cached = _offline_cache.get(id(form))
    if cached is not None and cached[0] is form:
        return [dict(entry) for entry in cached[1]]
    result = []
    for page in pages:
        candidates: list[list[Any]] = []
        for path in page.repeats:
            group = form.groups.get(path)
            condition = group.relevant if group is not None else None
            try:
                parsed = expressions.to_ast(expressions.parse(condition)) if condition else None
            except expressions.ExpressionError:
                parsed = None
            candidates.append([parsed] if parsed is not None else [])
        for name in page.questions:
            question = form.questions[name]
            if question.displayed and question.repeat is None:
                candidates.append(_conditions(form, question))
        # Many questions of a page share their conditions (every rating of a theme asks
        # whether the theme was chosen): each set is sent once.
        unique = {json.dumps(c, sort_keys=True, default=str): c for c in candidates}
        any_of = list(unique.values())
        if [] in any_of:
            any_of = [[]]  # one question always applies: so does the page
        result.append({"key": page.key, "any": any_of})
    if len(_offline_cache) > 64:
        _offline_cache.clear()
    _offline_cache[id(form)] = (form, result)
    return [dict(entry) for entry in result]


def offline_json(data: dict[str, Any]) -> Markup:
    """``data`` as JSON safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return Markup(text.replace("</", "<\\/"))

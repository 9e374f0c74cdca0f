"""The pages of a questionnaire and which of them to show, from the form and the answers.

Pages follow ODK Collect's screens at section level: a section (top-level group) is one page,
except that a nested group with a ``field-list`` or ``table-list`` appearance inside a section
without one is a page of its own. So the programme's "threats" section becomes the theme
checklist and one rating page per theme, and a theme that is not selected has its page
skipped. Pure functions of a :class:`~surveys.model.Form` and answer values: the web pages,
the API and the tests call them alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from surveys import expressions
from surveys.model import Form, Section
from surveys.validation import is_empty, visibility

__all__ = ["Page", "holds", "page_by_key", "pages", "planned_pages", "visible_pages"]

_PAGE_APPEARANCES = ("field-list", "table-list")

@dataclass(frozen=True)
class Page:
    """One page of a form: a section, or a nested field-list group shown on its own.

    ``section`` is a :class:`~surveys.model.Section` holding only this page's questions, so
    the engine's page checks (``clean_section``) run on it unchanged. ``labels``/``hints`` are
    the page's title texts; ``parent_labels`` those of the enclosing section for a nested
    page. ``repeats`` are the paths of the repeat groups on the page.
    """

    key: str
    section: Section
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    parent_labels: dict[str, str] = field(default_factory=dict)
    repeats: tuple[str, ...] = ()

    @property
    def questions(self) -> list[str]:
        return self.section.questions


_pages_cache: dict[int, tuple[Form, list[Page]]] = {}


def pages(form: Form) -> list[Page]:
    """The pages of ``form`` in order (see the module docstring); kept per form object."""
    cached = _pages_cache.get(id(form))
    if cached is not None and cached[0] is form:
        return cached[1]
    result = _build_pages(form)
    if len(_pages_cache) > 64:
        _pages_cache.clear()
    _pages_cache[id(form)] = (form, result)
    return result


def _splits(appearance: str | None) -> bool:
    return any(word in (appearance or "") for word in _PAGE_APPEARANCES)


def _build_pages(form: Form) -> list[Page]:
    result: list[Page] = []
    for section in form.sections:
        runs: list[tuple[str | None, list[str]]] = []
        for name in section.questions:
            question = form.questions[name]
            sub = None
            if section.kind == "group" and section.path and not _splits(section.appearance):
                prefix = section.path + "/"
                if question.group and question.group.startswith(prefix):
                    top = prefix + question.group[len(prefix) :].split("/")[0]
                    group = form.groups.get(top)
                    if group is not None and group.kind == "group" and _splits(group.appearance):
                        sub = top
            if runs and runs[-1][0] == sub:
                runs[-1][1].append(name)
            else:
                runs.append((sub, [name]))
        section_runs = 0
        for sub, names in runs:
            repeats = tuple(
                dict.fromkeys(
                    _repeat_path(form, form.questions[n].repeat)
                    for n in names
                    if form.questions[n].repeat
                )
            )
            if sub is not None:
                group = form.groups[sub]
                result.append(
                    Page(
                        key=sub,
                        section=Section(name=sub, kind="group", path=sub, questions=names),
                        labels=group.labels,
                        hints=group.hints,
                        parent_labels=section.labels,
                        repeats=repeats,
                    )
                )
                continue
            section_runs += 1
            key = section.name if section_runs == 1 else f"{section.name}~{section_runs}"
            result.append(
                Page(
                    key=key,
                    section=Section(
                        name=key,
                        kind=section.kind,
                        path=section.path,
                        relevant=section.relevant,
                        appearance=section.appearance,
                        questions=names,
                    ),
                    labels=section.labels,
                    hints=section.hints if section_runs == 1 else {},
                    repeats=repeats,
                )
            )
    return result


def _repeat_path(form: Form, repeat: str) -> str:
    for path, group in form.groups.items():
        if group.kind == "repeat" and group.name == repeat:
            return path
    return repeat


def page_by_key(form: Form, key: str) -> Page | None:
    """The page called ``key``, or None."""
    for page in pages(form):
        if page.key == key:
            return page
    return None


def holds(expr: str | None, values: Mapping[str, Any]) -> bool:
    """Whether a relevance-like expression is true; a run-time failure counts as true (a
    broken condition never hides a question)."""
    if not expr:
        return True
    try:
        return expressions.truthy(expressions.evaluate(expr, values))
    except expressions.ExpressionError:
        return True


def visible_pages(
    form: Form, values: Mapping[str, Any], flags: Mapping[str, Any] | None = None
) -> list[Page]:
    """The pages to show given the answers: those with a relevant question or note, or with a
    relevant repeat (which may still have no instance). ``flags`` is ``visibility()`` when
    the caller has it already."""
    flags = visibility(form, values) if flags is None else flags
    shown = []
    for page in pages(form):
        if any(holds(form.groups[path].relevant, values) for path in page.repeats):
            shown.append(page)
            continue
        for name in page.questions:
            question = form.questions[name]
            if question.displayed and question.repeat is None and flags.get(name):
                shown.append(page)
                break
    return shown


def planned_pages(
    form: Form, values: Mapping[str, Any], flags: Mapping[str, Any] | None = None
) -> list[Page]:
    """The visible pages plus the hidden ones that an answer still missing could bring up:
    what the progress indicator counts ("Section 3 of 9"). Before the threats are chosen,
    every theme's rating page is still possible; afterwards only the chosen ones are."""
    flags = visibility(form, values) if flags is None else flags
    visible = {page.key for page in visible_pages(form, values, flags)}
    result = []
    for page in pages(form):
        if page.key in visible or _may_appear(form, page, values):
            result.append(page)
    return result


def _may_appear(form: Form, page: Page, values: Mapping[str, Any]) -> bool:
    conditions = [form.groups[path].relevant for path in page.repeats]
    conditions += [
        form.questions[name].relevant
        for name in page.questions
        if form.questions[name].displayed and form.questions[name].repeat is None
    ]
    for condition in conditions:
        if not condition:
            continue
        try:
            names = expressions.references(condition)
        except expressions.ExpressionError:
            continue
        if any(is_empty(values.get(name)) for name in names):
            return True
    return False

"""XForms for ODK Collect and KoboCollect: the form out, filled-in instances back in.

:func:`xform_from_xlsform` converts a stored XLSForm workbook with pyxform, the same
converter ODK's own tools use, so Collect gets the form it would get from ODK Central.

An *instance* is the XML document Collect sends back: a root element named after the form
(``<data id="form_id" version="...">``), one element per group, repeat instance and
question in the form's order, and a ``meta`` block with ``instanceID`` (and, for an edit,
``deprecatedID``). :func:`read_instance` reads its envelope; :func:`instance_answers`
maps its elements to the engine's values (see :mod:`surveys.validation`): text per
question, a list per question inside a repeat, nested repeats flat with their
``repeat-parent`` question. :func:`instance_document` writes the same shape from values
(tests and load benchmarks play Collect with it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from pyxform.xls2json_backends import get_xlsform

from surveys.model import METADATA_TYPES, REPEAT_PARENT, Form, Question
from surveys.xlsform import convert_with_pyxform

#: Instance documents deeper than this are refused (a form nests groups a few levels).
MAX_DEPTH = 64
#: Elements in one instance document (a questionnaire with repeats has a few thousand).
MAX_ELEMENTS = 100_000


class InstanceError(ValueError):
    """An instance document that cannot be read; ``str()`` says why."""


@dataclass
class Envelope:
    """What an instance says about itself before its answers are read."""

    root: Any
    form_id: str
    version: str
    instance_id: str
    deprecated_id: str = ""


@dataclass
class InstanceAnswers:
    """The answers of an instance by question name, and the element paths that name no
    question of the form (outside ``meta``)."""

    answers: dict[str, Any] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)


def xform_from_xlsform(data: bytes, filename: str) -> str:
    """The XForm XML pyxform writes for an XLSForm workbook (.xlsx or .xls ``data``).

    ``filename`` supplies the form id when the settings sheet has none, as on import. ODK
    Validate is not run here (it is a Java process; see :func:`pyxform.validators`)."""
    kind = ".xls" if data[:4] == b"\xd0\xcf\x11\xe0" else ".xlsx"
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "form"
    # translated titles (form_title::…) are this app's; an XForm has one title
    return convert_with_pyxform(get_xlsform(data, file_type=kind), stem, [])


def md5_hex(data: bytes | str) -> str:
    """The hex MD5 OpenRosa uses to tell whether a form or file changed (not a secret)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def _local(tag: Any) -> str:
    return str(tag).rpartition("}")[2]


def _check_shape(root: Any) -> None:
    count = 0
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise InstanceError(f"the document is nested deeper than {MAX_DEPTH} levels")
        if count > MAX_ELEMENTS:
            raise InstanceError(f"the document has more than {MAX_ELEMENTS} elements")
        stack.extend((child, depth + 1) for child in element)


def _meta_text(root: Any, name: str) -> str:
    for child in root:
        if _local(child.tag) == "meta":
            for item in child:
                if _local(item.tag) == name:
                    return (item.text or "").strip()
    return ""


def read_instance(data: bytes) -> Envelope:
    """Parse an instance document and read its form id, version and instance ids.

    Raises :class:`InstanceError` for a document that is not well-formed XML, uses DTDs or
    entities (refused by defusedxml), is too deep or too large, or has no form id or no
    ``meta/instanceID``."""
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InstanceError(f"the document uses forbidden XML features ({exc})") from exc
    except ElementTree.ParseError as exc:
        raise InstanceError(f"the document is not well-formed XML ({exc})") from exc
    _check_shape(root)
    form_id = (root.get("id") or "").strip()
    if not form_id:
        raise InstanceError("the root element has no id attribute naming the form")
    instance_id = _meta_text(root, "instanceID") or (root.get("instanceID") or "").strip()
    if not instance_id:
        raise InstanceError("the document has no meta/instanceID")
    return Envelope(
        root=root,
        form_id=form_id,
        version=(root.get("version") or "").strip(),
        instance_id=instance_id,
        deprecated_id=_meta_text(root, "deprecatedID"),
    )


def _paths(form: Form) -> tuple[dict[str, Question], set[str]]:
    """Questions by their path, and the paths of repeats."""
    questions = {q.path: q for q in form.questions.values() if not q.generated}
    repeats = {g.path for g in form.groups.values() if g.kind == "repeat"}
    return questions, repeats


def _kept(question: Question) -> bool:
    """Questions whose value an instance carries to the server: answered questions and the
    device's metadata. Calculations are redone by the engine and notes hold nothing."""
    return (question.answered and question.type != REPEAT_PARENT) or (
        question.type in METADATA_TYPES
    )


def instance_answers(root: Any, form: Form) -> InstanceAnswers:
    """Map an instance's elements to answers of ``form`` (see the module docstring).

    Elements of questions that are not kept (notes, calculations) are skipped; an element
    with children or text whose path is no group or question of the form is reported in
    ``unknown`` (the ``meta`` block is never)."""
    questions, repeat_paths = _paths(form)
    groups = {g.path for g in form.groups.values()}
    result = InstanceAnswers()
    counts: dict[str, int] = {}
    generated = {
        q.name[: -len("_other")]: q.name
        for q in form.questions.values()
        if q.generated and q.name.endswith("_other")
    }
    parent_of = {g.path: g.name for g in form.groups.values() if g.kind == "repeat"}

    def set_value(question: Question, text: str, instance: int | None) -> None:
        if question.repeat is None:
            result.answers[question.name] = text
            return
        items = result.answers.setdefault(question.name, [])
        index = counts[question.repeat] - 1
        items.extend([""] * (index + 1 - len(items)))
        items[index] = text

    def walk(element: Any, prefix: str, outer: int | None) -> None:
        for child in element:
            name = _local(child.tag)
            path = f"{prefix}/{name}" if prefix else name
            if not prefix and name == "meta":
                continue
            if path in repeat_paths:
                repeat = parent_of[path]
                counts[repeat] = counts.get(repeat, 0) + 1
                parent = form.parent_question(repeat)
                if parent is not None and outer is not None:
                    set_value(form.questions[parent], str(outer), None)
                walk(child, path, counts[repeat])
                continue
            if path in groups:
                walk(child, path, outer)
                continue
            question = questions.get(path)
            if question is None:
                base = path.rpartition("/")[2]
                other = generated.get(base[: -len("_other")]) if base.endswith("_other") else None
                if other is not None:
                    set_value(form.questions[other], (child.text or "").strip(), outer)
                elif len(child) or (child.text or "").strip():
                    result.unknown.append(path)
                continue
            if _kept(question):
                set_value(question, (child.text or "").strip(), outer)

    walk(root, "", None)
    # A repeat's questions hold lists of one length: the instance count.
    for repeat, count in counts.items():
        for question in form.questions.values():
            if question.repeat == repeat and question.name in result.answers:
                items = result.answers[question.name]
                items.extend([""] * (count - len(items)))
    return result


def _raw(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def instance_document(
    form: Form,
    values: Mapping[str, Any],
    *,
    instance_id: str,
    version: str | None = None,
    deprecated_id: str | None = None,
    root_name: str = "data",
) -> bytes:
    """An instance document of ``form`` holding ``values`` (engine values: lists inside
    repeats), shaped as Collect writes it: groups and repeat instances as elements in form
    order, empty elements for unanswered questions, and a ``meta`` block. Nested repeats
    are not written (their flat lists need the parent question to be split again)."""
    root = Element(root_name, {"id": form.form_id})
    root.set("version", form.version if version is None else version)
    elements: dict[str, Element] = {"": root}
    repeat_paths = {g.path: g.name for g in form.groups.values() if g.kind == "repeat"}
    repeated: dict[str, list[Question]] = {}
    for question in form.questions.values():
        if question.generated or question.type == REPEAT_PARENT:
            continue
        if question.repeat is not None:
            repeated.setdefault(question.repeat, []).append(question)
            repeat_path = question.path.rpartition("/")[0]
            while repeat_path and repeat_path not in repeat_paths:
                repeat_path = repeat_path.rpartition("/")[0]
            if repeat_path not in elements:
                parent = _element_for(elements, repeat_path.rpartition("/")[0])
                elements[repeat_path] = Element("__placeholder__")
                _write_repeat(parent, form, question.repeat, repeat_path, values)
            continue
        parent = _element_for(elements, question.path.rpartition("/")[0])
        node = SubElement(parent, question.xlsform_name)
        node.text = _raw(values.get(question.name, ""))
        other = form.questions.get(f"{question.name}_other")
        if other is not None and other.generated:
            extra = SubElement(parent, other.name)
            extra.text = _raw(values.get(other.name, ""))
    meta = SubElement(root, "meta")
    SubElement(meta, "instanceID").text = instance_id
    if deprecated_id:
        SubElement(meta, "deprecatedID").text = deprecated_id
    return b"<?xml version='1.0' encoding='UTF-8'?>" + tostring(root, encoding="utf-8")


def _element_for(elements: dict[str, Element], path: str) -> Element:
    if path in elements:
        return elements[path]
    parent = _element_for(elements, path.rpartition("/")[0])
    node = SubElement(parent, path.rpartition("/")[2])
    elements[path] = node
    return node


def _write_repeat(
    parent: Element, form: Form, repeat: str, repeat_path: str, values: Mapping[str, Any]
) -> None:
    members = [
        q
        for q in form.questions.values()
        if q.repeat == repeat and not q.generated and q.type != REPEAT_PARENT
    ]
    count = max(
        (len(values[q.name]) for q in members if isinstance(values.get(q.name), list)), default=0
    )
    tag = repeat_path.rpartition("/")[2]
    for index in range(count):
        instance = SubElement(parent, tag)
        nodes = {repeat_path: instance}
        for question in members:
            holder = _element_for(nodes, question.path.rpartition("/")[0])
            items = values.get(question.name)
            value = items[index] if isinstance(items, list) and index < len(items) else ""
            SubElement(holder, question.xlsform_name).text = _raw(value)

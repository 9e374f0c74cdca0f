"""Files sent with a questionnaire page: which file each media answer holds as the page's
values move (repeat instances added, removed, blank ones dropped), and storing them.

A media answer's value is the file's name (as in ODK). While a page post is handled, the
value of a media question is a :class:`FileValue`, a ``str`` holding that name which also
knows the stored file it keeps (``media_id``) or the new file it brings (``data``); the
engine's functions move it around like any other value, so after an action the position of
each file is known without renumbering by hand.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from werkzeug.datastructures import MultiDict

from consult import media
from consult.inputs import read_upload
from consult.models import MediaFile
from consult.respond.forms import field_name
from surveys.model import MEDIA_TYPES, Form
from surveys.pages import Page


class FileValue(str):
    """A media answer's file name, with the file behind it."""

    media_id: int | None = None
    data: bytes | None = None
    content_type: str = ""

    @classmethod
    def kept(cls, stored: MediaFile) -> FileValue:
        value = cls(stored.filename)
        value.media_id = stored.id
        return value

    @classmethod
    def new(cls, filename: str, data: bytes, content_type: str) -> FileValue:
        value = cls(filename)
        value.data = data
        value.content_type = content_type
        return value


def remove_field(name: str) -> str:
    """The checkbox asking to remove the file of field ``name``."""
    return f"_rm.{name}"


def _positions(question, value) -> list[int]:
    if question.repeat is None:
        return [0]
    return list(range(1, len(value) + 1)) if isinstance(value, list) else []


def _error_key(name: str, instance: int) -> str:
    return f"{name}[{instance - 1}]" if instance else name


def attach_files(
    form: Form,
    page: Page,
    posted: dict[str, Any],
    files: MultiDict,
    data: MultiDict,
    stored: dict[tuple[str, int], MediaFile],
    label,
) -> dict[str, str]:
    """Put in ``posted`` (from :func:`consult.respond.forms.read_page`) the file each media
    answer of ``page`` holds: a new upload that passes the checks, else the stored file
    unless its removal was asked, else what was posted (an answer without a stored file,
    e.g. imported). Returns the messages of refused uploads, keyed as page errors; a refused
    upload leaves the stored file in place. ``label(question)`` names a question."""
    errors: dict[str, str] = {}
    limit = current_app.config["MEDIA_MAX_BYTES"]
    for name in page.questions:
        question = form.questions[name]
        if question.type not in MEDIA_TYPES or name not in posted:
            continue
        value = posted[name]
        for instance in _positions(question, value):
            field = field_name(question, instance)
            kept = stored.get((name, instance))
            current: Any = FileValue.kept(kept) if kept is not None else None
            upload = files.get(field)
            if upload is not None and upload.filename:
                chosen = _checked_upload(question, upload, limit, label(question))
                if isinstance(chosen, FileValue):
                    current = chosen
                else:
                    errors[_error_key(name, instance)] = chosen
            elif data.get(remove_field(field)):
                current = ""
            if current is None:
                continue  # nothing stored: the posted value stays
            if instance:
                value[instance - 1] = current
            else:
                posted[name] = current
    return errors


def _checked_upload(question, upload, limit: int, label: str) -> FileValue | str:
    """The upload as a FileValue, or the message saying why it is refused."""
    data = read_upload(upload, limit)
    if data is None:
        return media.service.too_large_message(label)
    try:
        content_type, filename = media.check(question, data, upload.filename, label=label)
    except media.MediaRejected as refused:
        return refused.message
    return FileValue.new(filename, data, content_type)


def store_files(
    session,
    form: Form,
    page: Page,
    response_id: int,
    posted: dict[str, Any],
    values: dict[str, Any],
    stored: dict[tuple[str, int], MediaFile],
    label,
) -> dict[str, str]:
    """Make the response's files match the page's media answers: files whose answer is
    gone (removed, replaced, its repeat instance removed, no longer relevant) are deleted,
    kept files move with their repeat instance, new files are stored. ``posted`` holds the
    FileValues (after the page's action), ``values`` the checked values, whose media
    answers are set to the stored files' names. Returns messages for files refused at this
    point (the response's file limit), whose answers are left empty."""
    claims: dict[int, int] = {}
    new: list[tuple[Any, int, FileValue]] = []
    for name in page.questions:
        question = form.questions[name]
        if question.type not in MEDIA_TYPES:
            continue
        given = posted.get(name)
        checked = values.get(name)
        for instance in _positions(question, checked if question.repeat else given):
            item = given if not instance else _item(given, instance)
            answer = checked if not instance else _item(checked, instance)
            if not isinstance(item, FileValue) or not answer:
                continue
            if item.media_id is not None:
                claims[item.media_id] = instance
            elif item.data is not None:
                new.append((question, instance, item))
    on_page = [m for m in stored.values() if m.question in page.questions]
    for item in on_page:
        if item.id not in claims:
            media.delete(session, item)
    moving = [m for m in on_page if m.id in claims and m.instance != claims[m.id]]
    for item in moving:  # two steps, so no two rows hold one place in between
        item.instance = -item.id
    session.flush()
    for item in moving:
        item.instance = claims[item.id]
    session.flush()
    errors: dict[str, str] = {}
    for question, instance, item in new:
        try:
            saved = media.store(
                session,
                response_id=response_id,
                question=question,
                instance=instance,
                filename=item,
                content_type=item.content_type,
                data=item.data,
                label=label(question),
            )
            _set(values, question, instance, saved.filename)
        except media.MediaRejected as refused:
            errors[_error_key(question.name, instance)] = refused.message
            _set(values, question, instance, "")
    return errors


def _item(items, instance: int):
    return items[instance - 1] if isinstance(items, list) and instance - 1 < len(items) else None


def _set(values: dict[str, Any], question, instance: int, text: str) -> None:
    if not instance:
        values[question.name] = text
    else:
        items = list(values.get(question.name) or [])
        items[instance - 1] = text
        values[question.name] = items

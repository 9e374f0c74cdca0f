"""Storing, reading and deleting the files that answer image, audio, video and file
questions.

The answer's value stays the file's name (as in ODK); a :class:`MediaFile` row per
(response, question, repeat instance) says what the file is and where its bytes are. The
functions flush; the caller commits. Bytes in an object store outside the database are
written before their row and deleted only once the transaction dropping their row has
committed, so a rolled-back transaction never loses a file (it may leave an unreferenced
object behind, which is also removed on rollback when possible).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import Iterable
from pathlib import Path

from flask import current_app
from flask_babel import format_decimal, gettext, ngettext
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, object_session

from consult.media import storage
from consult.media.types import CHECKED_IMAGES, accepted_type, readable_image, sniff
from consult.models import MediaFile
from surveys.model import MEDIA_TYPES

#: longest file name kept (characters, extension included)
FILENAME_LENGTH = 120

_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_PENDING_DELETES = "consult.media.delete_after_commit"
_PENDING_PUTS = "consult.media.delete_after_rollback"


class MediaRejected(ValueError):
    """A file was refused; ``message`` says why, naming the question."""

    def __init__(self, question: str, message: str) -> None:
        super().__init__(message)
        self.question = question
        self.message = message


def human_size(size: int) -> str:
    """A size for people: 980 bytes, 34.5 KB, 10 MB (powers of 1024)."""
    if size < 1024:
        return gettext("%(number)s bytes", number=format_decimal(size))
    if size < 1024 * 1024:
        return gettext("%(number)s KB", number=format_decimal(round(size / 1024, 1)))
    return gettext("%(number)s MB", number=format_decimal(round(size / 1024 / 1024, 1)))


def max_bytes() -> int:
    return current_app.config["MEDIA_MAX_BYTES"]


def max_files() -> int:
    return current_app.config["MEDIA_MAX_FILES_PER_RESPONSE"]


def safe_filename(filename: str, extension: str) -> str:
    """The file's name without folders, control or reserved characters, at most
    ``FILENAME_LENGTH`` characters, ending in ``extension`` when it had no extension."""
    name = unicodedata.normalize("NFC", filename or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if not ext or len(ext) > 10:
        stem, ext = name, extension
    stem = stem[: FILENAME_LENGTH - len(ext) - 1].strip(" .") or "file"
    return f"{stem}.{ext}"


def _label(question, label: str | None) -> str:
    return label or question.name


def check(
    question, data: bytes, filename: str = "", *, label: str | None = None
) -> tuple[str, str]:
    """The (content type, file name) a file is stored under as the answer to
    ``question``, or :class:`MediaRejected` saying why it cannot be."""
    name = _label(question, label)
    if question.type not in MEDIA_TYPES:
        raise MediaRejected(
            question.name, gettext("“%(question)s” does not take a file.", question=name)
        )
    if not data:
        raise MediaRejected(
            question.name, gettext("“%(question)s”: the file is empty.", question=name)
        )
    if len(data) > max_bytes():
        raise MediaRejected(question.name, too_large_message(name))
    kind = accepted_type(question.type, sniff(data, filename))
    if kind is None or (kind.content_type in CHECKED_IMAGES and not readable_image(data)):
        raise MediaRejected(question.name, not_accepted_message(question.type, name))
    return kind.content_type, safe_filename(filename, kind.extension)


def too_large_message(name: str) -> str:
    """The message for a file over ``MEDIA_MAX_BYTES`` answering the question ``name``."""
    return gettext(
        "“%(question)s”: the file is larger than the limit of %(limit)s.",
        question=name,
        limit=human_size(max_bytes()),
    )


def not_accepted_message(question_type: str, name: str) -> str:
    messages = {
        "image": gettext(
            "“%(question)s”: this file is not a photo in an accepted format (%(formats)s).",
            question=name,
            formats=accepted_formats("image"),
        ),
        "audio": gettext(
            "“%(question)s”: this file is not a sound recording in an accepted format "
            "(%(formats)s).",
            question=name,
            formats=accepted_formats("audio"),
        ),
        "video": gettext(
            "“%(question)s”: this file is not a video in an accepted format (%(formats)s).",
            question=name,
            formats=accepted_formats("video"),
        ),
    }
    return messages.get(
        question_type,
        gettext(
            "“%(question)s”: this kind of file is not accepted (accepted: %(formats)s).",
            question=name,
            formats=accepted_formats("file"),
        ),
    )


def accepted_formats(question_type: str) -> str:
    """The accepted formats of a media question as extensions: "JPG, PNG, …"."""
    from consult.media.types import ACCEPTED

    extensions = dict.fromkeys(ext.upper() for ext in ACCEPTED.get(question_type, {}).values())
    return ", ".join(extensions)


def media_for_response(session: Session, response_id: int) -> list[MediaFile]:
    """The response's files, by question and repeat instance."""
    return list(
        session.scalars(
            select(MediaFile)
            .where(MediaFile.response_id == response_id)
            .order_by(MediaFile.question, MediaFile.instance, MediaFile.id)
        )
    )


def media_by_answer(session: Session, response_id: int) -> dict[tuple[str, int], MediaFile]:
    """The response's files keyed by (question, repeat instance)."""
    return {(m.question, m.instance): m for m in media_for_response(session, response_id)}


def find(session: Session, response_id: int, question: str, instance: int = 0):
    return session.scalar(
        select(MediaFile).where(
            MediaFile.response_id == response_id,
            MediaFile.question == question,
            MediaFile.instance == instance,
        )
    )


def store(
    session: Session,
    *,
    response_id: int,
    question,
    instance: int = 0,
    filename: str,
    content_type: str | None = None,
    data: bytes,
    label: str | None = None,
) -> MediaFile:
    """Store ``data`` as the file answering ``question`` (a :class:`surveys.model.Question`)
    in repeat ``instance`` of the response, replacing any file stored there before.

    ``content_type`` is what the client claimed; it is not trusted: the type is found from
    the bytes and must be one the question type accepts. ``label`` names the question in
    messages (default: its name). Raises :class:`MediaRejected` (nothing changed) for an
    empty, too large or unaccepted file, or one past ``MEDIA_MAX_FILES_PER_RESPONSE``.
    """
    del content_type  # the bytes decide, whatever the client said
    kind, safe_name = check(question, data, filename, label=label)
    previous = find(session, response_id, question.name, instance)
    if previous is None:
        count = session.scalar(
            select(func.count(MediaFile.id)).where(MediaFile.response_id == response_id)
        )
        if count >= max_files():
            raise MediaRejected(
                question.name,
                ngettext(
                    "“%(question)s”: this response already holds %(num)s file, the most "
                    "allowed.",
                    "“%(question)s”: this response already holds %(num)s files, the most "
                    "allowed.",
                    count,
                    question=_label(question, label),
                ),
            )
    else:
        delete(session, previous)
    backend = storage.backend()
    media = MediaFile(
        response_id=response_id,
        question=question.name,
        instance=instance,
        filename=safe_name,
        content_type=kind,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        backend=backend.name,
        key=f"responses/{response_id}/{uuid.uuid4().hex}",
    )
    session.add(media)
    session.flush()
    backend.put(session, media, data)
    if backend.name != "database":
        _after_rollback(session, backend.name, media.key)
    return media


def read(media: MediaFile, session: Session | None = None) -> bytes:
    """The bytes of a stored file (FileNotFoundError when its backend has lost them)."""
    session = session or object_session(media)
    return storage.backend(media.backend).get(session, media)


def delete(session: Session, media: MediaFile) -> None:
    """Remove one file: its row now, its bytes now (database) or after commit (others)."""
    if media.backend == "database":
        storage.backend("database").delete(session, media)
    else:
        _after_commit(session, media.backend, media.key)
    session.delete(media)
    session.flush()


def delete_for_response(session: Session, response_id: int) -> int:
    """Remove every file of a response; returns how many."""
    files = media_for_response(session, response_id)
    for media in files:
        delete(session, media)
    return len(files)


def delete_for_responses(session: Session, response_ids: Iterable[int]) -> int:
    return sum(delete_for_response(session, rid) for rid in response_ids)


def keep_only(session: Session, response_id: int, answers: Iterable[tuple[str, int]]) -> int:
    """Remove the response's files whose (question, instance) is not in ``answers`` (an
    answer cleared, a repeat instance removed); returns how many."""
    keep = set(answers)
    dropped = [
        m
        for m in media_for_response(session, response_id)
        if (m.question, m.instance) not in keep
    ]
    for media in dropped:
        delete(session, media)
    return len(dropped)


def media_folder(backup: Path) -> Path:
    """The folder beside a backup file holding the files kept outside the database."""
    return backup.with_name(backup.name + ".media")


def export_objects(session: Session, folder: Path) -> int:
    """Copy every file kept outside the database (``MEDIA_STORAGE=s3``) into ``folder``,
    one file per object under its key; returns how many. Files in the database travel
    with the database's own backup."""
    count = 0
    for stored in session.scalars(select(MediaFile).where(MediaFile.backend != "database")):
        target = folder / stored.key
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(read(stored, session))
        count += 1
    return count


def import_objects(session: Session, folder: Path) -> tuple[int, list[str]]:
    """Put back the objects of ``folder`` (from :func:`export_objects`) that the restored
    database names; returns how many, and the keys missing from the folder or whose bytes
    do not match the recorded SHA-256 (left as they are)."""
    count, problems = 0, []
    for stored in session.scalars(select(MediaFile).where(MediaFile.backend != "database")):
        source = folder / stored.key
        data = source.read_bytes() if source.is_file() else None
        if data is None or hashlib.sha256(data).hexdigest() != stored.sha256:
            problems.append(stored.key)
            continue
        storage.backend(stored.backend).put(session, stored, data)
        count += 1
    return count, problems


# Object-store bookkeeping: keys to delete once the transaction commits (their rows are
# gone) and keys to delete if it rolls back (their rows never existed).


def _after_commit(session: Session, backend: str, key: str) -> None:
    _listen(session)
    session.info.setdefault(_PENDING_DELETES, []).append((backend, key))


def _after_rollback(session: Session, backend: str, key: str) -> None:
    _listen(session)
    session.info.setdefault(_PENDING_PUTS, []).append((backend, key))


def _listen(session: Session) -> None:
    if not event.contains(session, "after_commit", _on_commit):
        event.listen(session, "after_commit", _on_commit)
        event.listen(session, "after_soft_rollback", _on_rollback)


def _remove_objects(pending: list[tuple[str, str]]) -> None:
    for backend, key in pending:
        try:
            storage.backend(backend).delete_key(key)
        except Exception:  # an orphaned object costs space, never an answer
            current_app.logger.warning("media object %s not deleted", key, exc_info=True)


def _on_commit(session: Session) -> None:
    session.info.pop(_PENDING_PUTS, None)
    _remove_objects(session.info.pop(_PENDING_DELETES, []))


def _on_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is not None:
        return
    session.info.pop(_PENDING_DELETES, None)
    _remove_objects(session.info.pop(_PENDING_PUTS, []))

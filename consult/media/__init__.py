"""Files answering image, audio, video and file questions: checks (type from the bytes,
size and count limits), storage in the database or an S3-compatible store, reading,
deleting.

``service`` is the API (store, read, delete, media_for_response …), ``types`` finds what a
file is, ``storage`` holds the backends.
"""

from consult.media.service import (
    MediaRejected,
    accepted_formats,
    check,
    delete,
    delete_for_response,
    delete_for_responses,
    export_objects,
    find,
    human_size,
    import_objects,
    keep_only,
    media_by_answer,
    media_folder,
    media_for_response,
    read,
    safe_filename,
    store,
)
from consult.media.storage import StorageUnavailable

__all__ = [
    "MediaRejected",
    "StorageUnavailable",
    "accepted_formats",
    "check",
    "delete",
    "delete_for_response",
    "delete_for_responses",
    "export_objects",
    "find",
    "human_size",
    "import_objects",
    "keep_only",
    "media_by_answer",
    "media_folder",
    "media_for_response",
    "read",
    "safe_filename",
    "store",
]

"""What a file is, found from its bytes, and which kinds each media question accepts.

The client's declared content type and the file name's extension are never trusted: a
file is what its first bytes say it is (``filetype`` knows the signatures of the common
photo, audio, video and document formats). Text has no signature, so a file of valid
UTF-8 without NUL bytes is text, unless it starts like markup (HTML, SVG, XML), which is
refused everywhere because a browser could run it.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import filetype
from PIL import Image, UnidentifiedImageError

#: photos: formats cameras and phones write and browsers show
IMAGE_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/heic": "heic",
    "image/avif": "avif",
    "image/bmp": "bmp",
    "image/tiff": "tif",
}
AUDIO_TYPES = {
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/aac": "aac",
    "audio/ogg": "ogg",
    "audio/x-flac": "flac",
    "audio/x-wav": "wav",
    "audio/amr": "amr",
    "audio/3gpp": "3gp",
    "audio/webm": "weba",
}
VIDEO_TYPES = {
    "video/mp4": "mp4",
    "video/3gpp": "3gp",
    "video/quicktime": "mov",
    "video/webm": "webm",
    "video/x-matroska": "mkv",
    "video/x-m4v": "m4v",
    "video/x-msvideo": "avi",
    "video/mpeg": "mpg",
}
DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "text/plain": "txt",
    "text/csv": "csv",
    "application/rtf": "rtf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}

#: the content types each media question type accepts, with their usual extension
ACCEPTED: dict[str, dict[str, str]] = {
    "image": IMAGE_TYPES,
    "audio": AUDIO_TYPES,
    "video": VIDEO_TYPES,
    # A ``file`` question takes documents and the common photo, audio and video formats.
    "file": {**DOCUMENT_TYPES, **IMAGE_TYPES, **AUDIO_TYPES, **VIDEO_TYPES},
}

#: images a browser shows inline and Pillow reads, so a thumbnail can be made
INLINE_IMAGES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
#: images whose structure Pillow checks when they are stored
CHECKED_IMAGES = INLINE_IMAGES | {"image/bmp", "image/tiff"}

#: a recording sent in a container ``filetype`` reports as video may hold sound only;
#: for an audio question it is stored under the audio name of the same container
_AUDIO_CONTAINERS = {
    "video/mp4": "audio/mp4",
    "video/3gpp": "audio/3gpp",
    "video/webm": "audio/webm",
}

_MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body")
_TEXT_SAMPLE = 64 * 1024


@dataclass(frozen=True)
class Sniffed:
    """A file's media type found from its bytes, with the extension that goes with it."""

    content_type: str
    extension: str


def _is_text(data: bytes) -> bool:
    sample = data[:_TEXT_SAMPLE]
    if b"\x00" in sample:
        return False
    try:
        # A multi-byte character cut at the sample's end is still text.
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 3:
            return False
    start = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not start.startswith(_MARKUP_STARTS)


def sniff(data: bytes, filename: str = "") -> Sniffed | None:
    """The media type of ``data`` from its content (the name only tells CSV from plain
    text); None when it is none this module knows."""
    kind = filetype.guess(data[:8192])
    if kind is not None:
        return Sniffed(kind.mime, kind.extension)
    if data and _is_text(data):
        if filename.lower().endswith(".csv"):
            return Sniffed("text/csv", "csv")
        return Sniffed("text/plain", "txt")
    return None


def accepted_type(question_type: str, sniffed: Sniffed | None) -> Sniffed | None:
    """The type the file is stored as when a ``question_type`` question accepts it, else
    None."""
    if sniffed is None:
        return None
    accepted = ACCEPTED.get(question_type, {})
    if question_type == "audio" and sniffed.content_type in _AUDIO_CONTAINERS:
        audio = _AUDIO_CONTAINERS[sniffed.content_type]
        return Sniffed(audio, accepted[audio])
    if sniffed.content_type in accepted:
        return Sniffed(sniffed.content_type, accepted[sniffed.content_type])
    return None


def readable_image(data: bytes) -> bool:
    """True when Pillow reads the image's structure (a photo signature put in front of
    something else is not read); for the formats in ``CHECKED_IMAGES``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        return False
    return True

"""Sending stored files and photo thumbnails to a browser, safely.

Only photos in formats every browser shows (JPEG, PNG, GIF, WebP) are sent inline; any
other file, whatever it claims to be, is sent as an attachment, so a document holding
markup is never rendered by the browser on the app's origin. Every reply says
``nosniff`` and carries a sandboxing Content-Security-Policy.
"""

from __future__ import annotations

import io
import warnings
from urllib.parse import quote

from flask import Response, abort, current_app
from PIL import Image, ImageOps

from consult import media
from consult.media.types import INLINE_IMAGES
from consult.models import MediaFile

#: longest side of a thumbnail, in pixels
THUMBNAIL_SIZE = 320
#: photos with more pixels than this get no thumbnail (decoding them would cost too much)
THUMBNAIL_MAX_PIXELS = 50_000_000


def _safe_headers(reply: Response) -> Response:
    reply.headers["X-Content-Type-Options"] = "nosniff"
    reply.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    reply.headers["Cache-Control"] = "private, max-age=3600"
    return reply


def _disposition(kind: str, filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def send_media(stored: MediaFile) -> Response:
    """The file itself: inline for photos browsers show, else as an attachment."""
    try:
        data = media.read(stored)
    except FileNotFoundError:
        current_app.logger.warning("media %s: bytes missing in %s", stored.id, stored.backend)
        abort(404)
    inline = stored.content_type in INLINE_IMAGES
    reply = Response(
        data, mimetype=stored.content_type if inline else "application/octet-stream"
    )
    reply.headers["Content-Disposition"] = _disposition(
        "inline" if inline else "attachment", stored.filename
    )
    return _safe_headers(reply)


def thumbnail(data: bytes) -> tuple[bytes, str] | None:
    """A small copy of a photo (longest side THUMBNAIL_SIZE, turned upright, without its
    EXIF data, e.g. the place it was taken), as (bytes, media type); None when the photo
    cannot be read or is too large to decode."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > THUMBNAIL_MAX_PIXELS:
                    return None
                # JPEG can decode at a reduced scale directly: much less work and memory.
                image.draft("RGB", (THUMBNAIL_SIZE, THUMBNAIL_SIZE))
                small = ImageOps.exif_transpose(image)
                small.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
                keeps_alpha = small.mode in ("RGBA", "LA", "P")
                small = small.convert("RGBA" if keeps_alpha else "RGB")
                out = io.BytesIO()
                if keeps_alpha:
                    small.save(out, "PNG", optimize=True)
                    return out.getvalue(), "image/png"
                small.save(out, "JPEG", quality=80)
                return out.getvalue(), "image/jpeg"
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        return None


def send_thumbnail(stored: MediaFile) -> Response:
    if stored.content_type not in INLINE_IMAGES:
        abort(404)
    try:
        made = thumbnail(media.read(stored))
    except FileNotFoundError:
        abort(404)
    if made is None:
        abort(404)
    data, mimetype = made
    reply = Response(data, mimetype=mimetype)
    reply.headers["Content-Disposition"] = "inline"
    return _safe_headers(reply)

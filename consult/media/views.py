"""The secretariat's view of answers' files (on the ``secretariat`` blueprint, admins
only): the file and a photo's thumbnail, by response."""

from __future__ import annotations

from flask import abort

from consult.extensions import db
from consult.media.serving import send_media, send_thumbnail
from consult.models import MediaFile
from consult.secretariat import bp


def _media_or_404(response_id: int, media_id: int) -> MediaFile:
    stored = db.session.get(MediaFile, media_id)
    if stored is None or stored.response_id != response_id:
        abort(404)
    return stored


@bp.route("/responses/<int:response_id>/media/<int:media_id>")
def response_media(response_id: int, media_id: int):
    return send_media(_media_or_404(response_id, media_id))


@bp.route("/responses/<int:response_id>/media/<int:media_id>/thumbnail")
def response_media_thumbnail(response_id: int, media_id: int):
    return send_thumbnail(_media_or_404(response_id, media_id))

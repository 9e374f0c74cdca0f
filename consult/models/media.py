"""Files attached to answers (photos, recordings, documents) and, for the database
backend, their bytes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.models.base import Base, UTCDateTime, utcnow
from consult.models.responses import Response


class MediaFile(Base):
    """One file answering one question (in one repeat instance) of a response.

    The answer's value stays the file name, as in ODK; this row says where the bytes are.
    """

    __tablename__ = "media_files"
    __table_args__ = (UniqueConstraint("response_id", "question", "instance"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    #: the XLSForm name of the question the file answers
    question: Mapped[str] = mapped_column(String(255))
    #: 0 outside repeats; 1, 2, … for the instances of a repeat
    instance: Mapped[int] = mapped_column(default=0)
    #: the name the file was sent with, made safe (no folders, no control characters)
    filename: Mapped[str] = mapped_column(String(255))
    #: the media type found from the file's content, never the one the client claimed
    content_type: Mapped[str] = mapped_column(String(100))
    #: bytes
    size: Mapped[int]
    #: hex SHA-256 of the bytes
    sha256: Mapped[str] = mapped_column(String(64))
    #: where the bytes are: database | s3
    backend: Mapped[str] = mapped_column(String(12))
    #: the object's key in that backend
    key: Mapped[str] = mapped_column(String(300), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    response: Mapped[Response] = relationship()

    def describe(self) -> dict:
        """What the file is, as exports and the API list it."""
        return {
            "question": self.question,
            "instance": self.instance,
            "filename": self.filename,
            "content_type": self.content_type,
            "size": self.size,
            "sha256": self.sha256,
        }


class MediaBlob(Base):
    """The bytes of a file kept by the database backend, apart from the metadata so that
    listing files never loads them."""

    __tablename__ = "media_blobs"

    media_id: Mapped[int] = mapped_column(
        ForeignKey("media_files.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

"""Where the bytes of media files live: in the database (the default, shared by every app
server that shares the database) or in an S3-compatible object store.

A backend puts, gets and deletes the bytes of one :class:`~consult.models.MediaFile`.
Which backend new files go to is ``MEDIA_STORAGE``; a file is always read and deleted
through the backend it names, so files stored before a change of setting stay readable.
"""

from __future__ import annotations

from typing import Protocol

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from consult.models import MediaBlob, MediaFile

BACKENDS = ("database", "s3")


class StorageUnavailable(RuntimeError):
    """The configured backend cannot be used (e.g. S3 without boto3 or without a bucket)."""


class Storage(Protocol):
    name: str

    def put(self, session: Session, media: MediaFile, data: bytes) -> None: ...

    def get(self, session: Session, media: MediaFile) -> bytes: ...

    def delete(self, session: Session, media: MediaFile) -> None: ...


class DatabaseStorage:
    """Bytes in the ``media_blobs`` table, written and removed in the caller's transaction."""

    name = "database"

    def put(self, session: Session, media: MediaFile, data: bytes) -> None:
        session.add(MediaBlob(media_id=media.id, data=data))
        session.flush()

    def get(self, session: Session, media: MediaFile) -> bytes:
        data = session.scalar(select(MediaBlob.data).where(MediaBlob.media_id == media.id))
        if data is None:
            raise FileNotFoundError(media.key)
        return bytes(data)

    def delete(self, session: Session, media: MediaFile) -> None:
        session.execute(delete(MediaBlob).where(MediaBlob.media_id == media.id))


class S3Storage:
    """Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage …), through boto3.

    The object store takes no part in the database transaction, so the service writes an
    object before the row that names it and deletes an object only after the transaction
    that dropped its row committed (see :mod:`consult.media.service`).
    """

    name = "s3"

    def __init__(self, config) -> None:
        try:
            import boto3
        except ImportError as error:  # boto3 is the optional extra ``consult[s3]``
            raise StorageUnavailable(
                "MEDIA_STORAGE=s3 needs boto3: pip install 'consult[s3]'"
            ) from error
        self.bucket = config.get("MEDIA_S3_BUCKET")
        if not self.bucket:
            raise StorageUnavailable("MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET")
        self.prefix = config.get("MEDIA_S3_PREFIX", "")
        self.client = boto3.client(
            "s3",
            endpoint_url=config.get("MEDIA_S3_ENDPOINT") or None,
            region_name=config.get("MEDIA_S3_REGION") or None,
            aws_access_key_id=config.get("MEDIA_S3_ACCESS_KEY") or None,
            aws_secret_access_key=config.get("MEDIA_S3_SECRET_KEY") or None,
        )

    def object_key(self, key: str) -> str:
        return self.prefix + key

    def put(self, session: Session, media: MediaFile, data: bytes) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=self.object_key(media.key),
            Body=data,
            ContentType=media.content_type,
        )

    def get(self, session: Session, media: MediaFile) -> bytes:
        try:
            reply = self.client.get_object(Bucket=self.bucket, Key=self.object_key(media.key))
        except self.client.exceptions.NoSuchKey as error:
            raise FileNotFoundError(media.key) from error
        return reply["Body"].read()

    def delete(self, session: Session, media: MediaFile) -> None:
        self.delete_key(media.key)

    def delete_key(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.object_key(key))


def backend(name: str | None = None) -> DatabaseStorage | S3Storage:
    """The backend called ``name`` (default: ``MEDIA_STORAGE``), made once per app."""
    name = name or current_app.config["MEDIA_STORAGE"]
    if name not in BACKENDS:
        raise StorageUnavailable(f"unknown MEDIA_STORAGE {name!r}; use one of {BACKENDS}")
    made = current_app.extensions.setdefault("consult.media.backends", {})
    if name not in made:
        made[name] = DatabaseStorage() if name == "database" else S3Storage(current_app.config)
    return made[name]

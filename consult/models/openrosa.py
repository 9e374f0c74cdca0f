"""OpenRosa (ODK Collect, KoboCollect): served XForms, collector credentials, received
instances, and per-questionnaire collector tokens. Attachments are media files
(:mod:`consult.models.media`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.models.base import Base, UTCDateTime, utcnow
from consult.models.questionnaires import Questionnaire
from consult.models.responses import Response


class XForm(Base):
    """The XForm of a questionnaire version as pyxform wrote it, kept so that the bytes
    served (and their md5, which Collect compares) never change between requests or app
    servers, even when pyxform is upgraded."""

    __tablename__ = "xforms"

    version_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaire_versions.id", ondelete="CASCADE"), primary_key=True
    )
    xml: Mapped[str] = mapped_column(Text, deferred=True)
    #: hex md5 of the UTF-8 bytes of ``xml``
    md5: Mapped[str] = mapped_column(String(32))
    #: the instance's root ``version`` attribute ("" when the form has none)
    version_label: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CollectorCredential(Base):
    """The HTTP Digest secret of an account that uses ODK Collect.

    Digest needs HA1 = MD5(username:realm:password) on the server, which is as good as the
    password for this realm; it is kept sealed (XOR with an HMAC-SHA256 keystream of the
    app's SECRET_KEY and a random nonce, plus an HMAC tag), so the database alone does not
    give it away. Only accounts given a collector password explicitly have one.
    """

    __tablename__ = "collector_credentials"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    #: realm the HA1 was computed for; a change of realm needs a new password
    realm: Mapped[str] = mapped_column(String(120))
    #: ``nonce:ciphertext:tag`` in hex
    sealed_ha1: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CollectorToken(Base):
    """A secret URL (``/openrosa/t/<token>``) through which devices list and submit one
    questionnaire without an account; only the SHA-256 of the token is kept."""

    __tablename__ = "collector_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaires.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    questionnaire: Mapped[Questionnaire] = relationship()


class OpenRosaInstance(Base):
    """Every ``meta/instanceID`` received, with the response it made or edited: a resend
    of the same instance finds its response here, and an edit names its predecessor."""

    __tablename__ = "openrosa_instances"

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[str] = mapped_column(String(120), unique=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    #: hex md5 of the instance document: the same id with another document is a conflict
    xml_md5: Mapped[str] = mapped_column(String(32))
    #: the ``meta/deprecatedID`` this instance replaced, if it is an edit
    deprecated_id: Mapped[str | None] = mapped_column(String(120))
    #: False while Collect is still sending the instance's attachments in further requests
    complete: Mapped[bool] = mapped_column(default=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    response: Mapped[Response] = relationship()

"""The audit log: who did what to which record, and when."""

from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user

from consult.extensions import db
from consult.models import AuditEvent, User


def _columns(action: str, object_type: str, object_id: object, user: User | None, details):
    if user is None and has_request_context() and current_user.is_authenticated:
        user = current_user._get_current_object()
    return {
        "action": action,
        "object_type": object_type,
        "object_id": str(object_id) if object_id not in (None, "") else "",
        "user_id": user.id if user is not None else None,
        "details": details,
        "ip": (request.remote_addr or "") if has_request_context() else "",
    }


def record(
    action: str,
    object_type: str = "",
    object_id: object = "",
    *,
    user: User | None = None,
    **details,
) -> AuditEvent:
    """Add an audit event to the session; the caller's commit writes it with the change."""
    event = AuditEvent(**_columns(action, object_type, object_id, user, details))
    db.session.add(event)
    return event


def insert(
    action: str,
    object_type: str = "",
    object_id: object = "",
    *,
    user: User | None = None,
    **details,
) -> None:
    """The event :func:`record` adds, inserted now in the session's transaction (the
    caller commits) without an ORM object: for paths where the flush of one object costs
    as much as the rest of the write."""
    db.session.execute(
        AuditEvent.__table__.insert(), _columns(action, object_type, object_id, user, details)
    )


def history(object_type: str, object_id: object) -> list[AuditEvent]:
    """Events about one record, newest first."""
    return list(
        db.session.scalars(
            db.select(AuditEvent)
            .where(AuditEvent.object_type == object_type, AuditEvent.object_id == str(object_id))
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        )
    )

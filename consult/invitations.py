"""Invitation links: one random token per invited stakeholder, kept only as its hash.

The link is ``/s/<slug>?t=<token>``. The token (``secrets.token_urlsafe(32)``) is shown once,
when the invitation is created or reissued; the database holds its SHA-256, so a copy of the
database gives no working links. An invitation may expire and may be revoked; the
respondent pages call :func:`resolve`, which says why a link no longer works.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func

from consult import audit
from consult.extensions import db
from consult.models import (
    Country,
    Invitation,
    Questionnaire,
    Response,
    StakeholderGroup,
    User,
    utcnow,
)
from surveys.export import neutralise

#: Progress of an invitation, in order.
STATUSES = ("not_opened", "opened", "started", "submitted")
CSV_COLUMNS = ("name", "email", "country", "group", "language")
#: Column names accepted for the same data, as people write them in a spreadsheet.
_COLUMN_ALIASES = {
    "stakeholder_group": "group",
    "group_code": "group",
    "country_code": "country",
    "lang": "language",
    "e-mail": "email",
}
MAX_CSV_ROWS = 5000
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$")


class InvitationError(ValueError):
    """An invitation link that no longer works (``reason``: "expired" or "revoked"), or
    invitation data that cannot be used (``reason``: "invalid"); ``str()`` is the message
    to show."""

    def __init__(self, reason: str, message: str):
        self.reason = reason
        super().__init__(message)


@dataclass
class NewInvitation:
    """A created invitation and its token, which exists nowhere else."""

    invitation: Invitation
    token: str


@dataclass
class CsvResult:
    """Invitations created from a CSV file, or the problems found, by line number."""

    created: list[NewInvitation] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def hash_token(token: str) -> str:
    """SHA-256 hex digest of a token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def link_path(questionnaire: Questionnaire, token: str) -> str:
    """The respondent path of an invitation: ``/s/<slug>?t=<token>``."""
    return f"/s/{questionnaire.slug}?t={token}"


def _clean(
    name: str = "",
    email: str = "",
    country: str | None = None,
    group: str | None = None,
    language: str | None = None,
) -> dict:
    """Checked invitation fields; InvitationError("invalid", message naming the field)."""
    name, email = (name or "").strip(), (email or "").strip()
    country = (country or "").strip().upper() or None
    group = (group or "").strip().lower() or None
    language = (language or "").strip().lower() or None
    if len(name) > 200:
        raise InvitationError("invalid", _("name: at most 200 characters"))
    if email and (len(email) > 254 or "@" not in email or any(c.isspace() for c in email)):
        raise InvitationError(
            "invalid", _("email: '%(email)s' is not an e-mail address", email=email)
        )
    if country and db.session.get(Country, country) is None:
        raise InvitationError("invalid", _("country: unknown code '%(code)s'", code=country))
    if group and db.session.get(StakeholderGroup, group) is None:
        raise InvitationError("invalid", _("group: unknown code '%(code)s'", code=group))
    if language and not _LANGUAGE_RE.match(language):
        raise InvitationError(
            "invalid", _("language: '%(code)s' is not a language code", code=language)
        )
    return {
        "name": name,
        "email": email,
        "country_code": country,
        "group_code": group,
        "language": language,
    }


def create_invitation(
    questionnaire: Questionnaire,
    *,
    name: str = "",
    email: str = "",
    country: str | None = None,
    group: str | None = None,
    language: str | None = None,
    expires_at: datetime | None = None,
    user: User | None = None,
) -> NewInvitation:
    """Create one invitation to ``questionnaire`` and return it with its token.

    Country and group are reference codes, language a code such as ``ru``; all optional.
    Raises :class:`InvitationError` (reason "invalid") naming the field at fault. Flushes
    and audits; the caller commits.
    """
    fields = _clean(name, email, country, group, language)
    if expires_at is not None and expires_at <= utcnow():
        raise InvitationError("invalid", _("expires: the date must be in the future"))
    return _add(questionnaire, fields, expires_at, user)


def _add(
    questionnaire: Questionnaire, fields: dict, expires_at: datetime | None, user: User | None
) -> NewInvitation:
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        questionnaire=questionnaire,
        token_hash=hash_token(token),
        expires_at=expires_at,
        created_by_id=user.id if user is not None else None,
        **fields,
    )
    db.session.add(invitation)
    db.session.flush()
    audit.record(
        "invitation.create",
        "invitation",
        invitation.id,
        user=user,
        questionnaire=questionnaire.slug,
        country=fields["country_code"],
        group=fields["group_code"],
    )
    return NewInvitation(invitation, token)


def import_invitations_csv(
    questionnaire: Questionnaire,
    data: bytes,
    *,
    expires_at: datetime | None = None,
    user: User | None = None,
) -> CsvResult:
    """Create one invitation per row of a CSV file (columns name, email, country, group,
    language; any order, all optional but the header).

    All or nothing: when a line is wrong, ``errors`` lists every wrong line as
    ``(line number, message)`` (the header is line 1) and nothing is created.
    """
    result = CsvResult()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((0, _("The file is not UTF-8 text (save it as CSV UTF-8).")))
        return result
    if expires_at is not None and expires_at <= utcnow():
        result.errors.append((0, _("expires: the date must be in the future")))
        return result
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    parser = csv.reader(io.StringIO(text), dialect)
    try:
        # Read whole first: a malformed line (an overlong cell, a stray NUL) is reported
        # like any other wrong line instead of escaping as an exception.
        reader = iter(list(parser))
    except csv.Error as error:
        result.errors.append(
            (parser.line_num, _("The file cannot be read as CSV: %(error)s", error=str(error)))
        )
        return result
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        result.errors.append((1, _("The file is empty or has no header row.")))
        return result
    columns = [_COLUMN_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    unknown = [h for h in columns if h and h not in CSV_COLUMNS]
    if unknown or not set(columns) & set(CSV_COLUMNS):
        result.errors.append(
            (
                1,
                _(
                    "Unknown column(s) %(columns)s; the columns are %(expected)s.",
                    columns=", ".join(unknown) or "—",
                    expected=", ".join(CSV_COLUMNS),
                ),
            )
        )
        return result
    rows: list[dict] = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_CSV_ROWS:
            result.errors.append((line, _("At most %(n)d invitations per file.", n=MAX_CSV_ROWS)))
            break
        if len(cells) > len(columns):
            result.errors.append((line, _("More cells than columns in the header.")))
            continue
        values = {col: cells[i] for i, col in enumerate(columns) if col and i < len(cells)}
        try:
            rows.append(_clean(**values))
        except InvitationError as error:
            result.errors.append((line, str(error)))
    if result.errors:
        return result
    result.created = [_add(questionnaire, fields, expires_at, user) for fields in rows]
    return result


def resolve(token: str) -> Invitation | None:
    """The invitation a link's token belongs to, or None for an unknown token.

    Raises :class:`InvitationError` with reason "revoked" or "expired" (and a message for
    the respondent) when the link no longer works. The first time a working link is
    resolved ``opened_at`` is set (flushed; the caller commits).
    """
    if not token or len(token) > 200:
        return None
    invitation = db.session.scalar(
        db.select(Invitation).where(Invitation.token_hash == hash_token(token))
    )
    if invitation is None:
        return None
    if invitation.revoked_at is not None:
        raise InvitationError(
            "revoked", _("This invitation has been withdrawn. Please contact the secretariat.")
        )
    if invitation.expires_at is not None and invitation.expires_at <= utcnow():
        raise InvitationError(
            "expired",
            _(
                "This invitation expired on %(date)s. Please contact the secretariat.",
                date=invitation.expires_at.strftime("%Y-%m-%d"),
            ),
        )
    if invitation.opened_at is None:
        invitation.opened_at = utcnow()
        db.session.flush()
    return invitation


def statuses(invitations: list[Invitation]) -> dict[int, str]:
    """The status (one of :data:`STATUSES`) of each invitation by id, in one query."""
    ids = [invitation.id for invitation in invitations]
    found: dict[int, set[str]] = {}
    for start in range(0, len(ids), 500):
        rows = db.session.execute(
            db.select(Response.invitation_id, Response.status)
            .where(Response.invitation_id.in_(ids[start : start + 500]))
            .group_by(Response.invitation_id, Response.status)
        ).all()
        for invitation_id, status in rows:
            found.setdefault(invitation_id, set()).add(status)
    result = {}
    for invitation in invitations:
        seen = found.get(invitation.id, set())
        if "submitted" in seen:
            result[invitation.id] = "submitted"
        elif seen:
            result[invitation.id] = "started"
        elif invitation.opened_at is not None:
            result[invitation.id] = "opened"
        else:
            result[invitation.id] = "not_opened"
    return result


def status(invitation: Invitation) -> str:
    """How far the invited person got: "not_opened", "opened", "started" (a draft
    exists) or "submitted"."""
    return statuses([invitation])[invitation.id]


def is_usable(invitation: Invitation) -> bool:
    """True when the link still works (neither revoked nor expired)."""
    return invitation.revoked_at is None and (
        invitation.expires_at is None or invitation.expires_at > utcnow()
    )


def revoke(invitation: Invitation, *, user: User | None = None) -> None:
    """Withdraw an invitation: its link stops working; responses made with it stay."""
    if invitation.revoked_at is not None:
        return
    invitation.revoked_at = utcnow()
    audit.record("invitation.revoke", "invitation", invitation.id, user=user)


def reissue(invitation: Invitation, *, user: User | None = None) -> str:
    """Give an invitation a new token (the old link stops working) and return it."""
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    audit.record("invitation.reissue", "invitation", invitation.id, user=user)
    return token


def list_invitations(questionnaire: Questionnaire) -> list[Invitation]:
    """The questionnaire's invitations, newest first."""
    return list(
        db.session.scalars(
            db.select(Invitation)
            .where(Invitation.questionnaire_id == questionnaire.id)
            .order_by(Invitation.created_at.desc(), Invitation.id.desc())
        )
    )


def count_invitations(questionnaire: Questionnaire) -> int:
    """How many invitations a questionnaire has."""
    return db.session.scalar(
        db.select(func.count())
        .select_from(Invitation)
        .where(Invitation.questionnaire_id == questionnaire.id)
    )


def links_csv(created: list[NewInvitation], base_url: str) -> bytes:
    """CSV (UTF-8 with BOM) of newly created invitations with their links.

    ``base_url`` is the site root (``https://consult.example.org``). Cells are neutralised
    so that a name such as ``=HYPERLINK(…)`` is shown as text in a spreadsheet.
    """
    rows = (
        (*_described(item.invitation),
         base_url.rstrip("/") + link_path(item.invitation.questionnaire, item.token))
        for item in created
    )  # fmt: skip
    return _csv([*CSV_COLUMNS, "link"], rows)


def invitations_csv(invitations: list[Invitation]) -> bytes:
    """CSV (UTF-8 with BOM) of invitations and their status, without links (the tokens
    are not kept). Cells are neutralised against formula injection."""
    status_by_id = statuses(invitations)
    rows = (
        (
            *_described(inv),
            status_by_id[inv.id],
            _iso(inv.created_at),
            _iso(inv.opened_at),
            _iso(inv.expires_at),
            _iso(inv.revoked_at),
        )
        for inv in invitations
    )
    header = [*CSV_COLUMNS, "status", "created_at", "opened_at", "expires_at", "revoked_at"]
    return _csv(header, rows)


def _described(inv: Invitation) -> tuple:
    """The invitation's own columns, in the order of CSV_COLUMNS."""
    return (inv.name, inv.email, inv.country_code, inv.group_code, inv.language)


def _csv(header: list[str], rows: Iterable[tuple]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([neutralise(value or "") for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _iso(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else ""


def find_by_tokens(questionnaire: Questionnaire, tokens: list[str]) -> list[NewInvitation]:
    """The questionnaire's invitations whose current token is among ``tokens`` (unknown
    and reissued tokens are left out), in the order given; nothing is marked opened."""
    wanted = {hash_token(t): t for t in tokens if t and len(t) <= 200}
    if not wanted:
        return []
    found = {
        inv.token_hash: inv
        for inv in db.session.scalars(
            db.select(Invitation).where(
                Invitation.questionnaire_id == questionnaire.id,
                Invitation.token_hash.in_(list(wanted)),
            )
        )
    }
    return [NewInvitation(found[h], t) for h, t in wanted.items() if h in found]

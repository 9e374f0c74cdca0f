"""Invitation links: one random token per invited stakeholder, kept only as its hash.

The link is ``/s/<slug>?t=<token>``. The token is an HMAC of a random per-invitation salt
under the app's secret key (:func:`consult.security.derived_token`); the database holds the
salt and the token's SHA-256, so a copy of the database gives no working links, while the app
can write the link into an invitation or reminder e-mail (:func:`link_token`). An invitation
may expire and may be revoked.

Rules, applied by :func:`admit` for the respondent pages and the API alike:

* an invitation accepts one submitted response unless the secretariat made it a multi-use
  link (``max_responses`` None); once used, the link says so and names the response's
  reference. The count is raised by :func:`claim_submission` in the transaction that submits,
  only while it is below the limit, so two concurrent submits cannot both get through;
* the same single-use link opened in another browser continues the invitation's draft
  instead of starting a second one (:func:`open_draft`);
* the invitation's country and stakeholder group are the response's: the questionnaire
  does not ask for them again and an answer sent for them is replaced
  (:func:`fixed_answers`).
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, null

import reference
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
from consult.models.base import LANGUAGE_TAG_LENGTH
from consult.security import derived_token, hash_token
from surveys.cleaning import clean_text
from surveys.export import neutralise

#: The profile questions whose answers an invitation fixes (the questionnaire's names).
COUNTRY_QUESTION = "country"
GROUP_QUESTION = "stakeholder_group"

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
_LANGUAGE_RE = re.compile(reference.LANGUAGE_TAG)


class InvitationError(ValueError):
    """A link that does not admit the visitor, or invitation data that cannot be used.

    ``reason`` is one of "invitation_only" (no token for a questionnaire that needs one),
    "unknown", "revoked", "expired", "used" (its responses are used up; ``reference`` names
    the first) or "invalid" (bad invitation data); ``str()`` is the message to show and
    ``status`` the HTTP status that goes with it."""

    STATUS = {
        "invitation_only": 404,
        "unknown": 404,
        "revoked": 403,
        "expired": 410,
        "used": 409,
        "invalid": 400,
    }

    def __init__(self, reason: str, message: str, reference: str = ""):
        self.reason = reason
        self.reference = reference
        super().__init__(message)

    @property
    def status(self) -> int:
        return self.STATUS.get(self.reason, 400)


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
    language = (language or "").strip() or None
    if language:
        # The primary subtag in lower case; script and region as written (uz-Cyrl-UZ), since
        # the questionnaire's own language columns are matched exactly.
        primary, _sep, rest = language.partition("-")
        language = primary.lower() + _sep + rest
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
    if language and (len(language) > LANGUAGE_TAG_LENGTH or not _LANGUAGE_RE.match(language)):
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
    multi_use: bool = False,
) -> NewInvitation:
    """Create one invitation to ``questionnaire`` and return it with its token.

    Country and group are reference codes, language a code such as ``ru``; all optional.
    A ``multi_use`` link takes any number of responses (a workshop's shared link); otherwise
    one. Raises :class:`InvitationError` (reason "invalid") naming the field at fault.
    Flushes and audits; the caller commits.
    """
    fields = _clean(name, email, country, group, language)
    if expires_at is not None and expires_at <= utcnow():
        raise InvitationError("invalid", _("expires: the date must be in the future"))
    fields["max_responses"] = None if multi_use else 1
    return _add(questionnaire, fields, expires_at, user)


def _limit(max_responses: int | None):
    # An explicit NULL: None alone would let the column's server default (1) apply.
    return null() if max_responses is None else max_responses


#: What the HMAC of an invitation link is for (see :func:`consult.security.derived_token`).
_LINK_PURPOSE = "invitation-link"


def _new_link(invitation: Invitation) -> str:
    """Give ``invitation`` a fresh link token (derived from a new salt) and return it."""
    invitation.link_salt = secrets.token_hex(16)
    token = derived_token(current_app.secret_key, _LINK_PURPOSE, invitation.link_salt)
    invitation.token_hash = hash_token(token)
    return token


def link_token(invitation: Invitation) -> str | None:
    """The token of the invitation's working link, derived again from its salt and the
    app's secret key; None for a link made before links were derived (or under another
    secret key), which only :func:`reissue` can replace."""
    if not invitation.link_salt:
        return None
    token = derived_token(current_app.secret_key, _LINK_PURPOSE, invitation.link_salt)
    return token if hash_token(token) == invitation.token_hash else None


def _add(
    questionnaire: Questionnaire, fields: dict, expires_at: datetime | None, user: User | None
) -> NewInvitation:
    invitation = Invitation(
        questionnaire=questionnaire,
        expires_at=expires_at,
        created_by_id=user.id if user is not None else None,
        **{**fields, "max_responses": _limit(fields.get("max_responses", 1))},
    )
    token = _new_link(invitation)
    db.session.add(invitation)
    db.session.flush()
    db.session.expire(invitation, ["max_responses"])
    audit.record(
        "invitation.create",
        "invitation",
        invitation.id,
        user=user,
        questionnaire=questionnaire.slug,
        country=fields["country_code"],
        group=fields["group_code"],
        multi_use=invitation.max_responses is None,
    )
    return NewInvitation(invitation, token)


def import_invitations_csv(
    questionnaire: Questionnaire,
    data: bytes,
    *,
    expires_at: datetime | None = None,
    user: User | None = None,
    multi_use: bool = False,
) -> CsvResult:
    """Create one invitation per row of a CSV file (columns name, email, country, group,
    language; any order, all optional but the header).

    All or nothing: when a line is wrong, ``errors`` lists every wrong line as
    ``(line number, message)`` (the header is line 1) and nothing is created.
    """
    result = CsvResult()
    try:
        # Control characters out before anything reads a cell: PostgreSQL stores no NUL.
        text = clean_text(data.decode("utf-8-sig"))
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
    limit = None if multi_use else 1
    result.created = [
        _add(questionnaire, {**fields, "max_responses": limit}, expires_at, user)
        for fields in rows
    ]
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


def admit(questionnaire: Questionnaire, token: str | None) -> Invitation | None:
    """Whether a visitor with ``token`` (None: no token) may answer ``questionnaire``.

    Returns the invitation of the token, or None for a visitor of the public link. Raises
    :class:`InvitationError` saying why not: "invitation_only", "unknown" (also a token of
    another questionnaire), "revoked", "expired" or "used". Marks a working link opened
    (flushed; the caller commits).
    """
    if not token:
        if questionnaire.public:
            return None
        raise InvitationError(
            "invitation_only",
            _(
                "This questionnaire is answered by invitation only. Please use the link "
                "from your invitation."
            ),
        )
    invitation = resolve(token)
    if invitation is None or invitation.questionnaire_id != questionnaire.id:
        raise InvitationError(
            "unknown",
            _("This invitation link is not valid. Please check that it was copied whole."),
        )
    if is_used_up(invitation):
        raise used_error(invitation)
    return invitation


def is_used_up(invitation: Invitation) -> bool:
    """True when the invitation has taken all the responses it accepts."""
    limit = invitation.max_responses
    return limit is not None and invitation.responses_submitted >= limit


def used_error(invitation: Invitation) -> InvitationError:
    """The "used" refusal, naming the reference and date of the invitation's first
    submitted response."""
    first = db.session.scalar(
        db.select(Response)
        .where(Response.invitation_id == invitation.id, Response.status == "submitted")
        .order_by(Response.submitted_at, Response.id)
        .limit(1)
    )
    reference = first.reference if first is not None else ""
    when = first.submitted_at.strftime("%Y-%m-%d") if first and first.submitted_at else ""
    return InvitationError(
        "used",
        _(
            "This invitation has already been used: a response was submitted with it on "
            "%(date)s (reference %(reference)s). Thank you! To change the answers, please "
            "contact the secretariat and give the reference.",
            date=when or "—",
            reference=reference or "—",
        ),
        reference=reference,
    )


def claim_submission(invitation: Invitation | None) -> None:
    """Count one more submitted response for ``invitation``, in the caller's transaction.

    The count is raised only while it is below the invitation's limit, in one UPDATE, so of
    two concurrent submits the second finds the limit reached. Raises the "used"
    :class:`InvitationError` then; the caller rolls back.
    """
    if invitation is None:
        return
    claimed = db.session.execute(
        db.update(Invitation)
        .where(
            Invitation.id == invitation.id,
            db.or_(
                Invitation.max_responses.is_(None),
                Invitation.responses_submitted < Invitation.max_responses,
            ),
        )
        .values(responses_submitted=Invitation.responses_submitted + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        db.session.expire(invitation)
        raise used_error(invitation)
    db.session.expire(invitation, ["responses_submitted"])


def open_draft(invitation: Invitation | None) -> Response | None:
    """The draft a single-use invitation already has (the newest), to be continued in
    whichever browser opens the link; None for a multi-use link or when there is none."""
    if invitation is None or invitation.max_responses != 1:
        return None
    return db.session.scalar(
        db.select(Response)
        .where(Response.invitation_id == invitation.id, Response.status == "draft")
        .order_by(Response.id.desc())
        .limit(1)
    )


def fixed_answers(invitation: Invitation | None, questions: Iterable[str]) -> dict[str, str]:
    """The answers an invitation sets and the respondent cannot change: its country and
    stakeholder group, for those of the questions ``country`` and ``stakeholder_group``
    that are among ``questions``."""
    if invitation is None:
        return {}
    names = set(questions)
    pairs = (
        (COUNTRY_QUESTION, invitation.country_code),
        (GROUP_QUESTION, invitation.group_code),
    )
    return {name: code for name, code in pairs if code and name in names}


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


def reissue(invitation: Invitation, *, user: User | None = None, reason: str = "") -> str:
    """Give an invitation a new token (the old link stops working) and return it."""
    token = _new_link(invitation)
    audit.record("invitation.reissue", "invitation", invitation.id, user=user, reason=reason)
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

"""Invitations: one link per invited stakeholder, their rules (:func:`admit`), status and CSV.

``service`` holds the rules, writes and queries; ``views`` are the secretariat's pages (on
the ``secretariat`` blueprint). The respondent pages and the JSON API admit visitors through
the same :func:`admit`.
"""

from consult.invitations.service import (
    COUNTRY_QUESTION,
    GROUP_QUESTION,
    InvitationError,
    NewInvitation,
    admit,
    claim_submission,
    create_invitation,
    find_by_tokens,
    fixed_answers,
    import_invitations_csv,
    invitations_csv,
    is_usable,
    link_token,
    links_csv,
    open_draft,
    reissue,
    resolve,
    revoke,
    status,
    statuses,
)

__all__ = [
    "COUNTRY_QUESTION",
    "GROUP_QUESTION",
    "InvitationError",
    "NewInvitation",
    "admit",
    "claim_submission",
    "create_invitation",
    "find_by_tokens",
    "fixed_answers",
    "import_invitations_csv",
    "invitations_csv",
    "is_usable",
    "link_token",
    "links_csv",
    "open_draft",
    "reissue",
    "resolve",
    "revoke",
    "status",
    "statuses",
]

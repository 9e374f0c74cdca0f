"""Accounts: users and their roles and countries, sign-in, sessions, password resets.

Views register on the blueprints of their audience: sign-in, sign-out and passwords on
``auth``, account management on ``secretariat``.
"""

from consult.accounts.service import (
    AccountError,
    authenticate,
    create_user,
    find_user,
)

__all__ = ["AccountError", "authenticate", "create_user", "find_user"]

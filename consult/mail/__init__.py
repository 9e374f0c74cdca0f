"""E-mail: invitations and reminders written by the secretariat in each language, sent in
batches with every failure recorded; the resume link mailed to a respondent who gives an
address. ``service`` composes, queues and sends (standard library ``smtplib`` and ``email``),
``views`` are the secretariat's pages (on the ``secretariat`` blueprint)."""

from consult.mail.service import (
    PLACEHOLDERS,
    MailError,
    compose,
    link_rows,
    mail_configured,
    mailing_counts,
    queue_mailing,
    retry_failed,
    send_pending,
    send_resume_link,
    unknown_placeholders,
)

__all__ = [
    "PLACEHOLDERS",
    "MailError",
    "compose",
    "link_rows",
    "mail_configured",
    "mailing_counts",
    "queue_mailing",
    "retry_failed",
    "send_pending",
    "send_resume_link",
    "unknown_placeholders",
]

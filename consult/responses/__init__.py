"""Responses: storing drafts and submissions (from the pages, the JSON API and imports of
KoboToolbox / ODK Central exports alike), reading them back, exporting them.

``service`` stores, ``review`` reads and exports, ``kobo_import`` imports exports through
the same storing code; ``views`` are the secretariat's pages, ``cli`` is
``consult responses …``. The respondents' own pages are in :mod:`consult.respond`.
"""

from consult.responses.review import (
    ResponseFilter,
    export_responses,
    response_counts,
    response_values,
    responses_query,
)
from consult.responses.service import (
    MAX_INSTANCES,
    REFERENCE_DIGITS,
    ResponseClosed,
    SubmissionIncomplete,
    SubmissionRejected,
    check_all,
    check_complete,
    check_page,
    drop_blank_instances,
    find_submission,
    in_transaction,
    invitation_answers,
    load_values,
    new_reference,
    record_submission,
    replace_submission,
    resume,
    save_page,
    start_response,
    submit_complete,
    submit_response,
    valid_client_id,
)

__all__ = [
    "MAX_INSTANCES",
    "REFERENCE_DIGITS",
    "ResponseClosed",
    "ResponseFilter",
    "SubmissionIncomplete",
    "SubmissionRejected",
    "check_all",
    "check_complete",
    "check_page",
    "drop_blank_instances",
    "export_responses",
    "find_submission",
    "in_transaction",
    "invitation_answers",
    "load_values",
    "new_reference",
    "record_submission",
    "replace_submission",
    "response_counts",
    "response_values",
    "responses_query",
    "resume",
    "save_page",
    "start_response",
    "submit_complete",
    "submit_response",
    "valid_client_id",
]

"""Questionnaires: XLSForm import as append-only versions, translations and the public link.

``service`` holds the writes and queries; ``views`` are the secretariat's pages (on the
``secretariat`` blueprint); ``cli`` is ``consult forms …``.
"""

from consult.questionnaires.service import (
    QuestionnaireError,
    drafts,
    ensure_shipped_questionnaire,
    form_issues,
    get_questionnaire,
    get_version,
    import_form,
    import_questionnaire,
    load_version_form,
    max_upload_bytes,
    publish_version,
    set_public,
    storage_issues,
    version_xlsx,
    xlsx_filename,
)

__all__ = [
    "QuestionnaireError",
    "ensure_shipped_questionnaire",
    "form_issues",
    "get_questionnaire",
    "get_version",
    "import_form",
    "import_questionnaire",
    "load_version_form",
    "drafts",
    "max_upload_bytes",
    "publish_version",
    "set_public",
    "storage_issues",
    "version_xlsx",
    "xlsx_filename",
]

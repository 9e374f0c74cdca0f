"""Import submissions exported from KoboToolbox or ODK Central as submitted responses.

The file is read by :func:`surveys.odk_import.read_submissions`; each row that reads cleanly
becomes one response (``source="import"``, ``external_uuid`` = the submission's uuid) in a
savepoint of its own, so a row goes in whole or not at all and one bad row never stops the
others. A uuid imported before is skipped, so the same export can be imported again after
new submissions came in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from consult import audit, spreadsheets
from consult.extensions import db
from consult.models import (
    Answer,
    Country,
    QuestionnaireVersion,
    Response,
    StakeholderGroup,
    User,
    utcnow,
)
from consult.questionnaires import load_version_form
from consult.responses import new_reference
from surveys.model import Form
from surveys.odk_import import RowResult, SubmissionFileError, read_submissions

#: Question names read as the respondent's country and stakeholder group, in this order.
COUNTRY_QUESTIONS = ("country", "country_code")
GROUP_QUESTIONS = ("stakeholder_group", "group")


class ImportFileError(ValueError):
    """The file cannot be read as a submission export of the questionnaire."""


@dataclass
class RowOutcome:
    """What happened to one row: ``outcome`` is "imported", "skipped" or "error"."""

    row_number: int
    uuid: str | None
    outcome: str
    message: str = ""
    response_id: int | None = None


@dataclass
class ImportReport:
    """Per-row outcomes of an import, in file order."""

    filename: str
    rows: list[RowOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Rows per outcome: ``{"imported": n, "skipped": m, "error": k}``."""
        counts = Counter(row.outcome for row in self.rows)
        return {key: counts.get(key, 0) for key in ("imported", "skipped", "error")}


def raw_value(value: Any) -> str:
    """An answer as ODK stores it in text: numbers without a trailing ``.0``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value)


def answers_from_values(values: dict[str, Any]) -> list[Answer]:
    """Answer rows for a dict of values (repeats as lists: instance 1, 2, …); empty
    values are left out."""
    answers = []
    for name, value in values.items():
        if isinstance(value, list):
            for index, item in enumerate(value, start=1):
                if item not in (None, ""):
                    answers.append(Answer(question=name, instance=index, value=raw_value(item)))
        elif value not in (None, ""):
            answers.append(Answer(question=name, instance=0, value=raw_value(value)))
    return answers


def _reference_code(model, values: dict[str, Any], names: tuple[str, ...], upper: bool):
    for name in names:
        value = values.get(name)
        if isinstance(value, str) and value.strip():
            code = value.strip().upper() if upper else value.strip().lower()
            return code if db.session.get(model, code) is not None else None
    return None


def import_responses(
    version: QuestionnaireVersion, data: bytes, filename: str, *, user: User | None = None
) -> ImportReport:
    """Store the submissions of a KoboToolbox / ODK Central CSV or XLSX export as
    submitted responses to ``version``.

    Country and stakeholder group come from the profile answers (``country``,
    ``stakeholder_group``) when they are reference codes; the language is the form's
    default language. Returns a report with one outcome per row. Raises
    :class:`ImportFileError` when the file cannot be read at all or breaks one of the
    spreadsheet limits (the SPREADSHEET_* settings; the message says which and where);
    nothing is stored then. Each stored row is flushed in its own savepoint; the caller
    commits.
    """
    form = load_version_form(version)
    try:
        results = read_submissions(form, data, filename, limits=spreadsheets.limits())
    except SubmissionFileError as error:
        if error.refusal is not None:
            message = f"{filename}: {spreadsheets.describe(error.refusal)}"
            raise ImportFileError(message) from error
        raise ImportFileError(str(error)) from error
    except (ValueError, UnicodeDecodeError, KeyError, OSError) as error:
        raise ImportFileError(
            _("%(file)s could not be read: %(error)s", file=filename, error=error)
        ) from error
    uuids = [r.uuid for r in results if r.uuid]
    known: dict[str, str] = {}
    for start in range(0, len(uuids), 500):
        known.update(
            db.session.execute(
                db.select(Response.external_uuid, Response.reference).where(
                    Response.external_uuid.in_(uuids[start : start + 500])
                )
            ).all()
        )
    report = ImportReport(filename=filename)
    for result in results:
        if result.errors or result.values is None:
            report.rows.append(
                RowOutcome(result.row_number, result.uuid, "error", "; ".join(result.errors))
            )
            continue
        if not result.uuid:
            report.rows.append(
                RowOutcome(
                    result.row_number,
                    None,
                    "error",
                    _("The row has no submission id (_uuid, meta/instanceID or KEY)."),
                )
            )
            continue
        if len(result.uuid) > 64:
            report.rows.append(
                RowOutcome(
                    result.row_number,
                    result.uuid[:64],
                    "error",
                    _("The submission id is longer than 64 characters."),
                )
            )
            continue
        if result.uuid in known:
            report.rows.append(
                RowOutcome(
                    result.row_number,
                    result.uuid,
                    "skipped",
                    _("Imported before as %(reference)s.", reference=known[result.uuid]),
                )
            )
            continue
        report.rows.append(_store_row(version, form, result))
        if report.rows[-1].outcome == "imported":
            known[result.uuid] = ""
    counts = report.counts
    audit.record(
        "responses.import",
        "questionnaire_version",
        version.id,
        user=user,
        filename=filename[-255:],
        **counts,
        response_ids=[r.response_id for r in report.rows if r.response_id][:1000],
    )
    return report


def _store_row(version: QuestionnaireVersion, form: Form, result: RowResult) -> RowOutcome:
    values = result.values or {}
    submitted_at = result.submitted_at or utcnow()
    try:
        with db.session.begin_nested():
            response = Response(
                version_id=version.id,
                language=form.default_language,
                country_code=_reference_code(Country, values, COUNTRY_QUESTIONS, upper=True),
                group_code=_reference_code(StakeholderGroup, values, GROUP_QUESTIONS, upper=False),
                status="submitted",
                reference=new_reference(form.form_id),
                external_uuid=result.uuid,
                source="import",
                created_at=submitted_at,
                updated_at=submitted_at,
                submitted_at=submitted_at,
                answers=answers_from_values(values),
            )
            db.session.add(response)
            db.session.flush()
    except SQLAlchemyError as error:
        return RowOutcome(
            result.row_number,
            result.uuid,
            "error",
            _(
                "The row could not be stored: %(error)s",
                error=str(getattr(error, "orig", None) or error)[:300],
            ),
        )
    return RowOutcome(result.row_number, result.uuid, "imported", response.reference, response.id)

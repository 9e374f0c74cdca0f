"""Factories for test data, written straight through the models."""

from __future__ import annotations

import itertools

from consult.extensions import db
from consult.models import Answer, Questionnaire, QuestionnaireVersion, Response, utcnow

_serial = itertools.count(1)


def make_version(form_id: str = "test_form", slug: str | None = None) -> QuestionnaireVersion:
    """A questionnaire with one version whose form is a stub (enough for the loader)."""
    questionnaire = db.session.scalar(
        db.select(Questionnaire).where(Questionnaire.form_id == form_id)
    )
    if questionnaire is None:
        questionnaire = Questionnaire(
            form_id=form_id, slug=slug or form_id.replace("_", "-"), title=form_id
        )
        db.session.add(questionnaire)
        db.session.flush()
    version = QuestionnaireVersion(
        questionnaire_id=questionnaire.id,
        number=len(questionnaire.versions) + 1,
        form={"form_id": form_id},
        source_xlsx=b"",
    )
    db.session.add(version)
    db.session.flush()
    questionnaire.current_version_id = version.id
    return version


def make_response(
    version: QuestionnaireVersion,
    answers: dict[str, str | list[str]],
    *,
    country: str = "KZ",
    group: str = "government",
    language: str = "en",
    status: str = "submitted",
) -> Response:
    """A response with its answers; a list value becomes repeat instances 1, 2, …"""
    number = next(_serial)
    response = Response(
        version_id=version.id,
        language=language,
        country_code=country,
        group_code=group,
        status=status,
        reference=f"T-{number:06d}",
        source="web",
        submitted_at=utcnow() if status == "submitted" else None,
    )
    for question, value in answers.items():
        if isinstance(value, list):
            for instance, item in enumerate(value, start=1):
                response.answers.append(Answer(question=question, instance=instance, value=item))
        else:
            response.answers.append(Answer(question=question, value=value))
    db.session.add(response)
    db.session.flush()
    return response

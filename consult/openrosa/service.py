"""OpenRosa: the forms a caller may fill, their XForms and files, and submissions.

A *caller* is an account (Digest or Basic, see :mod:`consult.openrosa.auth`) or a token in
the URL: an invitation's (the invitation's rules apply, as on the respondent pages) or a
collector token the secretariat made for one questionnaire.

Accounts list every questionnaire that has a current version; admins submit for any
country, facilitators and collectors only for theirs (the country answer is checked; a form
without a country question has none to check). A token lists its one questionnaire.

Submissions are checked by the same rules as the web's whole-questionnaire submissions
(:func:`consult.responses.check_complete`), stored with ``source="openrosa"``, and are
idempotent by ``meta/instanceID``: the same instance sent again stores nothing new (only
attachments that did not arrive yet: Collect splits large media over several requests of
the same instance); another document under a known instanceID is a conflict. An instance
with ``meta/deprecatedID`` naming one received before replaces that response's answers
(an audited edit). Service functions flush; the caller commits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

import reference as facts
from consult import audit, invitations, media
from consult.extensions import db
from consult.i18n import current_language
from consult.invitations import COUNTRY_QUESTION
from consult.models import (
    CollectorToken,
    Invitation,
    OpenRosaInstance,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    User,
    XForm,
    utcnow,
)
from consult.questionnaires import load_version_form
from consult.responses import (
    SubmissionRejected,
    check_complete,
    replace_submission,
    submit_complete,
)
from consult.security import hash_token, new_token
from surveys.attachments import from_dict, render_attachment
from surveys.model import MEDIA_TYPES, Form
from surveys.xform import InstanceError, instance_answers, md5_hex, read_instance
from surveys.xform import xform_from_xlsform as convert

SOURCE = "openrosa"


class OpenRosaError(Exception):
    """A request refused with an HTTP status and a message for the device's user."""

    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message
        super().__init__(f"{status}: {message}")


@dataclass
class Caller:
    """Who is calling: an account, or a token that opens one questionnaire."""

    user: User | None = None
    questionnaire: Questionnaire | None = None
    invitation: Invitation | None = None
    token: CollectorToken | None = None
    #: the raw token of the URL, for an invitation's rules at submission time
    raw_token: str = ""


# -- tokens ------------------------------------------------------------------------------


def create_collector_token(
    questionnaire: Questionnaire, name: str, *, by: User | None
) -> tuple[CollectorToken, str]:
    """A new collector token for ``questionnaire``; returns it and the secret (the only
    copy). Flushes and audits; the caller commits."""
    token, digest = new_token()
    row = CollectorToken(
        questionnaire_id=questionnaire.id,
        token_hash=digest,
        name=name.strip()[:200],
        created_by_id=by.id if by is not None else None,
    )
    db.session.add(row)
    db.session.flush()
    audit.record("openrosa.token_create", "questionnaire", questionnaire.id, user=by,
                 token_id=row.id, name=row.name)
    return row, token


def revoke_collector_token(row: CollectorToken, *, by: User | None) -> None:
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        audit.record("openrosa.token_revoke", "questionnaire", row.questionnaire_id, user=by,
                     token_id=row.id)
        db.session.flush()


def collector_tokens(questionnaire: Questionnaire) -> list[CollectorToken]:
    return list(
        db.session.scalars(
            db.select(CollectorToken)
            .where(CollectorToken.questionnaire_id == questionnaire.id)
            .order_by(CollectorToken.id)
        )
    )


def caller_for_token(token: str) -> Caller | None:
    """The caller a URL token stands for: a working collector token or invitation; None
    for an unknown, revoked or expired one."""
    if not token or len(token) > 200:
        return None
    row = db.session.scalar(
        db.select(CollectorToken).where(CollectorToken.token_hash == hash_token(token))
    )
    if row is not None:
        if row.revoked_at is not None:
            return None
        return Caller(questionnaire=row.questionnaire, token=row, raw_token=token)
    try:
        invitation = invitations.resolve(token)
    except invitations.InvitationError:
        return None
    if invitation is None:
        return None
    return Caller(questionnaire=invitation.questionnaire, invitation=invitation, raw_token=token)


# -- forms -------------------------------------------------------------------------------


def listed_questionnaires(caller: Caller) -> list[Questionnaire]:
    """The questionnaires the caller may fill, by title; only those with a current
    version."""
    if caller.questionnaire is not None:
        found = [caller.questionnaire]
    else:
        found = list(
            db.session.scalars(
                db.select(Questionnaire)
                .where(Questionnaire.current_version_id.is_not(None))
                .order_by(Questionnaire.title, Questionnaire.id)
            )
        )
    return [q for q in found if q.current_version_id is not None]


def may_open(caller: Caller, version: QuestionnaireVersion) -> bool:
    """Whether the caller may download ``version``'s form and files: published versions
    only (a draft is a preview for the secretariat)."""
    if version.status != "published":
        return False
    if caller.questionnaire is not None:
        return version.questionnaire_id == caller.questionnaire.id
    return caller.user is not None


def xform_for(version: QuestionnaireVersion) -> XForm:
    """The served XForm of ``version``: made by pyxform from the stored workbook the first
    time and kept, so its bytes and md5 stay the same for every request and app server.
    Raises :class:`OpenRosaError` (500 is never right: the form is listed without it) when
    the workbook cannot be converted. Flushes a new row; the caller commits."""
    row = db.session.get(XForm, version.id)
    if row is not None:
        return row
    try:
        xml = convert(version.source_xlsx, version.source_filename or "form.xlsx")
    except Exception as exc:  # pyxform raises many types for workbooks it cannot convert
        current_app.logger.warning("XForm of version %s not made: %s", version.id, exc)
        raise OpenRosaError(
            404, _("This form cannot be offered to ODK Collect: %(error)s", error=str(exc)[:300])
        ) from exc
    row = XForm(
        version_id=version.id, xml=xml, md5=md5_hex(xml), version_label=version.version_label
    )
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        # Another request made it at the same moment: theirs is the one kept.
        row = db.session.get(XForm, version.id, populate_existing=True)
    return row


def form_files(form: Form) -> dict[str, bytes]:
    """The files the form reads (choices from a file, external instances, pulldata), by
    name, as the device gets them."""
    return {name: render_attachment(from_dict(data)) for name, data in form.attachments.items()}


# -- submissions -------------------------------------------------------------------------


@dataclass
class Upload:
    """A file part of a submission other than the instance document."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Received:
    """A submission taken: its response, whether this request stored new answers (a new
    response or an edit) and the attachment names stored by it."""

    response: Response
    stored: bool
    attachments: list[str] = field(default_factory=list)
    #: file name -> why it was not kept
    refused: dict[str, str] = field(default_factory=dict)
    edit: bool = False


def _version_for(questionnaire: Questionnaire, label: str) -> QuestionnaireVersion | None:
    """The version an instance names by its ``version`` attribute: the newest published
    one with that version label (older versions stay accepted, drafts never); without a
    label, the current one."""
    matching = [
        v for v in questionnaire.versions if v.version_label == label and v.status == "published"
    ]
    if matching:
        return max(matching, key=lambda v: v.number)
    if not label:
        return questionnaire.current_version
    return None


def _client_id(instance_id: str) -> str:
    """The client submission id of an instance: unique per instanceID, so two concurrent
    requests with the same instance store one response (the column is unique)."""
    return "openrosa-" + hashlib.sha256(instance_id.encode("utf-8")).hexdigest()[:48]


def _media_answers(form: Form, answers: dict) -> dict[str, tuple[str, int]]:
    """File name -> (question, repeat instance) of every media answer."""
    found = {}
    for name, value in answers.items():
        question = form.questions.get(name)
        if question is None or question.type not in MEDIA_TYPES:
            continue
        items = enumerate(value, start=1) if isinstance(value, list) else [(0, value)]
        for instance, item in items:
            if item:
                found[str(item)] = (name, instance)
    return found


def _rejection(rejected: SubmissionRejected) -> OpenRosaError:
    problems = "; ".join(f"{key}: {message}" for key, message in sorted(rejected.errors.items()))
    return OpenRosaError(
        400, _("The answers were not accepted: %(problems)s", problems=problems[:3000])
    )


def _check_country(caller: Caller, answers: dict) -> None:
    user = caller.user
    if user is None or user.is_admin:
        return
    country = answers.get(COUNTRY_QUESTION)
    if isinstance(country, str) and country and country not in user.country_codes:
        lang = current_language()
        raise OpenRosaError(
            403,
            _(
                "Your account sends questionnaires for %(countries)s only, not %(country)s.",
                countries=", ".join(
                    sorted(facts.name("country", code, lang) for code in user.country_codes)
                )
                or "-",
                country=facts.name("country", country[:10], lang),
            ),
        )


def store_attachment(response_id: int, question, instance: int, upload: Upload) -> bool:
    """Keep one file of a submission through :mod:`consult.media` (the one place
    attachments are written). A file with the same bytes kept there already is left as it
    is (a resend); other bytes replace it (an edit). Returns True when stored; raises
    :class:`consult.media.MediaRejected` for a file the question cannot take."""
    kept = media.find(db.session, response_id, question.name, instance)
    if kept is not None and kept.sha256 == hashlib.sha256(upload.data).hexdigest():
        return False
    media.store(
        db.session,
        response_id=response_id,
        question=question,
        instance=instance,
        filename=upload.filename,
        content_type=upload.content_type,
        data=upload.data,
    )
    return True


def _store_uploads(
    response_id: int, form: Form, answers: dict, uploads: Iterable[Upload]
) -> tuple[list[str], dict[str, str]]:
    """Store the uploads the answers name (others are ignored, as ODK Central does).
    Returns the names stored and, by name, why a file was not kept (it could not answer
    its question): the answers are kept all the same, and the message says so."""
    wanted = _media_answers(form, answers)
    stored, refused = [], {}
    for upload in uploads:
        place = wanted.get(upload.filename)
        if place is None:
            continue
        name, instance = place
        try:
            with db.session.begin_nested():
                if store_attachment(response_id, form.questions[name], instance, upload):
                    stored.append(upload.filename)
        except media.MediaRejected as error:
            refused[upload.filename] = error.message
    return stored, refused


def _language(form: Form) -> str:
    return form.default_language if form.default_language in form.languages else form.languages[0]


def receive_submission(
    caller: Caller, document: bytes, uploads: list[Upload], *, incomplete: bool
) -> Received:
    """Take one submission request (see the module docstring). Raises
    :class:`OpenRosaError` with the status and message for the device."""
    try:
        envelope = read_instance(document)
    except InstanceError as exc:
        raise OpenRosaError(
            400, _("The submission could not be read: %(error)s", error=str(exc))
        ) from exc
    if len(envelope.instance_id) > 120 or len(envelope.deprecated_id) > 120:
        raise OpenRosaError(400, _("The instanceID is longer than 120 characters."))
    questionnaire = db.session.scalar(
        db.select(Questionnaire).where(Questionnaire.form_id == envelope.form_id[:120])
    )
    if questionnaire is None or (
        caller.questionnaire is not None and caller.questionnaire.id != questionnaire.id
    ):
        raise OpenRosaError(
            404, _("There is no form '%(form)s' on this server.", form=envelope.form_id[:120])
        )
    version = _version_for(questionnaire, envelope.version)
    if version is None:
        raise OpenRosaError(
            404,
            _(
                "Version '%(version)s' of the form '%(form)s' is not on this server. "
                "Download the form again and fill it in anew.",
                version=envelope.version[:80],
                form=envelope.form_id[:120],
            ),
        )
    form = load_version_form(version)
    digest = md5_hex(document)
    known = db.session.scalar(
        db.select(OpenRosaInstance).where(OpenRosaInstance.instance_id == envelope.instance_id)
    )
    if known is not None:
        return _resend(caller, known, digest, form, envelope.root, uploads, incomplete)
    read = instance_answers(envelope.root, form)
    if read.unknown:
        raise OpenRosaError(
            400,
            _(
                "The submission has fields the form version '%(version)s' does not have: "
                "%(fields)s. Download the form again.",
                version=envelope.version[:80],
                fields=", ".join(read.unknown[:10]),
            ),
        )
    _check_country(caller, read.answers)
    invitation = None
    if caller.raw_token and caller.invitation is not None:
        try:
            invitation = invitations.admit(questionnaire, caller.raw_token)
        except invitations.InvitationError as error:
            raise OpenRosaError(403, str(error)) from error
    language = _language(form)
    previous = None
    if envelope.deprecated_id:
        previous = db.session.scalar(
            db.select(OpenRosaInstance).where(
                OpenRosaInstance.instance_id == envelope.deprecated_id
            )
        )
    try:
        if previous is not None:
            response = previous.response
            if response.version.questionnaire_id != questionnaire.id:
                raise OpenRosaError(409, _("The edited submission belongs to another form."))
            # The response replaced must be one the caller could have sent.
            _check_country(caller, {COUNTRY_QUESTION: response.country_code or ""})
            kept = check_complete(form, read.answers, language=language, invitation=invitation)
            replace_submission(
                response,
                version,
                form,
                kept,
                source=SOURCE,
                instance_id=envelope.instance_id,
                deprecated_id=envelope.deprecated_id,
            )
            stored, edit = True, True
        else:
            response, stored = submit_complete(
                version,
                form,
                read.answers,
                language=language,
                client_id=_client_id(envelope.instance_id),
                invitation=invitation,
                source=SOURCE,
                external_uuid=envelope.instance_id if len(envelope.instance_id) <= 64 else None,
            )
            edit = False
    except SubmissionRejected as rejected:
        raise _rejection(rejected) from rejected
    except invitations.InvitationError as error:
        raise OpenRosaError(403, str(error)) from error
    db.session.add(
        OpenRosaInstance(
            instance_id=envelope.instance_id,
            response_id=response.id,
            xml_md5=digest,
            deprecated_id=envelope.deprecated_id or None,
            complete=not incomplete,
            user_id=caller.user.id if caller.user is not None else None,
        )
    )
    db.session.flush()
    names, refused = _store_uploads(response.id, form, read.answers, uploads)
    if edit:
        # Files of answers the edit cleared go with them.
        media.keep_only(db.session, response.id, _media_answers(form, read.answers).values())
    return Received(
        response=response, stored=stored, attachments=names, refused=refused, edit=edit
    )


def _resend(
    caller: Caller,
    known: OpenRosaInstance,
    digest: str,
    form: Form,
    root,
    uploads: list[Upload],
    incomplete: bool,
) -> Received:
    """The same instanceID again: the same document adds the attachments that had not
    arrived (a split submission, or a retry); another document is a conflict."""
    if known.xml_md5 != digest:
        raise OpenRosaError(
            409,
            _(
                "A different submission with the instanceID %(id)s was received before; "
                "it was not replaced.",
                id=known.instance_id,
            ),
        )
    read = instance_answers(root, form)
    names, refused = _store_uploads(known.response_id, form, read.answers, uploads)
    if not incomplete and not known.complete:
        known.complete = True
        db.session.flush()
    return Received(response=known.response, stored=False, attachments=names, refused=refused)

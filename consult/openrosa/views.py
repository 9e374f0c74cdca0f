"""The OpenRosa routes: what ODK Collect and KoboCollect request, as they request it."""

from __future__ import annotations

import mimetypes

from flask import current_app, g, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from werkzeug.http import http_date

from consult.extensions import csrf, db
from consult.models import QuestionnaireVersion
from consult.openrosa import bp, documents, service
from consult.openrosa.auth import authenticate_request, challenge
from consult.questionnaires import load_version_form
from consult.responses import in_transaction

XML = "text/xml; charset=utf-8"
#: Endpoints whose URL carries a token instead of asking for credentials.
TOKEN_ENDPOINTS = frozenset(
    {
        "openrosa.token_form_list",
        "openrosa.token_download_form",
        "openrosa.token_manifest",
        "openrosa.token_media_file",
        "openrosa.token_submission",
    }
)

csrf.exempt(bp)


def openrosa_headers() -> dict[str, str]:
    """The headers of every OpenRosa response."""
    return {
        "X-OpenRosa-Version": "1.0",
        "X-OpenRosa-Accept-Content-Length": str(
            current_app.config["OPENROSA_MAX_SUBMISSION_BYTES"]
        ),
        "Date": http_date(),
    }


def xml_response(body: bytes, status: int = 200, headers: dict | None = None):
    return body, status, {"Content-Type": XML, **(headers or {})}


def message(status: int, text: str, nature: str = "", headers: dict | None = None):
    return xml_response(documents.response_message(text, nature), status, headers)


@bp.errorhandler(service.OpenRosaError)
def _refused(error: service.OpenRosaError):
    db.session.rollback()
    return message(error.status, error.message)


@bp.before_request
def _identify_caller():
    # Submissions may be larger than other uploads (photos); the limit is per request.
    request.max_content_length = current_app.config["OPENROSA_MAX_SUBMISSION_BYTES"]
    if request.endpoint in TOKEN_ENDPOINTS:
        caller = service.caller_for_token((request.view_args or {}).get("token", ""))
        db.session.commit()
        if caller is None:
            return message(404, _("This collection link is not valid or no longer works."))
        g.openrosa_caller = caller
        return None
    outcome = authenticate_request()
    # A Basic sign-in is throttled and audited like the sign-in page's.
    db.session.commit()
    if outcome.user is None:
        return message(
            401,
            _("Sign in with the user name and password of a data collection account."),
            headers={"WWW-Authenticate": challenge(stale=outcome.stale)},
        )
    g.openrosa_caller = service.Caller(user=outcome.user)
    return None


@bp.after_request
def _add_headers(response):
    for name, value in openrosa_headers().items():
        response.headers.setdefault(name, value)
    return response


def _caller() -> service.Caller:
    return g.openrosa_caller


def _url(endpoint: str, **values) -> str:
    token = (request.view_args or {}).get("token")
    if token:
        return url_for(f"openrosa.token_{endpoint}", token=token, _external=True, **values)
    return url_for(f"openrosa.{endpoint}", _external=True, **values)


@bp.route("/formList")
@bp.route("/t/<token>/formList", endpoint="token_form_list")
def form_list(token: str | None = None):
    """The forms the caller may fill (Form List API); ``formID`` picks one."""
    wanted = request.args.get("formID")
    listed = []
    for questionnaire in service.listed_questionnaires(_caller()):
        if wanted and questionnaire.form_id != wanted:
            continue
        version = questionnaire.current_version
        try:
            served = service.xform_for(version)
        except service.OpenRosaError:
            continue
        listed.append(
            documents.ListedForm(
                form_id=questionnaire.form_id,
                name=questionnaire.title,
                version=served.version_label,
                md5=served.md5,
                download_url=_url("download_form", version_id=version.id),
                manifest_url=_url("manifest", version_id=version.id),
                description=questionnaire.title,
            )
        )
    db.session.commit()
    verbose = request.args.get("verbose", "").lower() == "true"
    return xml_response(documents.form_list(listed, verbose=verbose))


def _version(version_id: int) -> QuestionnaireVersion:
    version = db.session.get(QuestionnaireVersion, version_id)
    if version is None or not service.may_open(_caller(), version):
        raise service.OpenRosaError(404, _("There is no such form on this server."))
    return version


@bp.route("/forms/<int:version_id>/form.xml")
@bp.route("/t/<token>/forms/<int:version_id>/form.xml", endpoint="token_download_form")
def download_form(version_id: int, token: str | None = None):
    """The XForm of a questionnaire version, byte for byte what the list's hash covers."""
    served = service.xform_for(_version(version_id))
    body = served.xml.encode("utf-8")
    db.session.commit()
    return xml_response(body)


@bp.route("/forms/<int:version_id>/manifest")
@bp.route("/t/<token>/forms/<int:version_id>/manifest", endpoint="token_manifest")
def manifest(version_id: int, token: str | None = None):
    """The files the form reads, each with its md5 and address (Manifest API)."""
    form = load_version_form(_version(version_id))
    files = [
        documents.MediaFile(
            filename=name,
            md5=service.md5_hex(data),
            download_url=_url("media_file", version_id=version_id, filename=name),
        )
        for name, data in sorted(service.form_files(form).items())
    ]
    return xml_response(documents.manifest(files))


@bp.route("/forms/<int:version_id>/files/<filename>")
@bp.route("/t/<token>/forms/<int:version_id>/files/<filename>", endpoint="token_media_file")
def media_file(version_id: int, filename: str, token: str | None = None):
    """One file of a form's manifest."""
    form = load_version_form(_version(version_id))
    data = service.form_files(form).get(filename)
    if data is None:
        raise service.OpenRosaError(404, _("The form has no file of that name."))
    kind = {".geojson": "application/geo+json"}.get(
        filename[filename.rfind(".") :].lower()
    ) or (mimetypes.guess_type(filename)[0] or "application/octet-stream")
    return data, 200, {"Content-Type": kind}


@bp.route("/submission", methods=["HEAD", "POST"])
@bp.route("/t/<token>/submission", methods=["HEAD", "POST"], endpoint="token_submission")
def submission(token: str | None = None):
    """HEAD: 204 with the largest accepted request. POST: a filled-in form (multipart:
    ``xml_submission_file``, its attachments, ``*isIncomplete*`` when more follow)."""
    if request.method == "HEAD":
        return "", 204
    limit = current_app.config["OPENROSA_MAX_SUBMISSION_BYTES"]
    if (request.content_length or 0) > limit:
        raise service.OpenRosaError(
            413, _("The submission is larger than %(size)d KB.", size=limit // 1024)
        )
    part = request.files.get("xml_submission_file")
    if part is None:
        raise service.OpenRosaError(
            400, _("The request has no xml_submission_file part holding the filled-in form.")
        )
    document = part.read()
    uploads = [
        service.Upload(
            filename=(upload.filename or name).rsplit("/", 1)[-1],
            content_type=upload.mimetype,
            data=upload.read(),
        )
        for name, upload in request.files.items(multi=True)
        if name != "xml_submission_file"
    ]
    incomplete = request.form.get("*isIncomplete*", "").lower() == "yes"
    caller = _caller()

    def receive() -> tuple[service.Received, str]:
        received = service.receive_submission(caller, document, uploads, incomplete=incomplete)
        return received, received.response.reference

    try:
        received, reference = in_transaction(receive)
    except IntegrityError:
        # The same instance sent twice at the same moment: the other request stored it,
        # and this one is now a resend of it.
        db.session.rollback()
        received, reference = in_transaction(receive)
    if received.edit:
        text = _("The edited questionnaire was received (reference %(ref)s).", ref=reference)
    else:
        text = _("The questionnaire was received (reference %(ref)s).", ref=reference)
    if received.refused:
        text += " " + _(
            "These files were not kept: %(files)s",
            files="; ".join(f"{name}: {why}" for name, why in sorted(received.refused.items())),
        )
    return message(201, text, nature="submit_success")

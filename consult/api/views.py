"""JSON: questionnaires and responses for secretariat accounts with an API token (read-only),
and whole-questionnaire submissions from respondents' clients (no account)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps

from flask import g, request, url_for
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from consult import invitations, responses
from consult.accounts.tokens import TokenError, authenticate
from consult.api import bp
from consult.extensions import csrf, db
from consult.inputs import InputRejected, InputTooLarge
from consult.media.serving import send_media
from consult.models import MediaFile, Questionnaire, QuestionnaireVersion, Response
from consult.models.responses import STATUSES
from consult.questionnaires import get_questionnaire, load_version_form
from consult.responses import ResponseFilter, response_counts, response_values, responses_query
from consult.security import DATABASE_INT_MAX

DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 500


def _error(status: int, message: str):
    body = {"error": {"code": status, "message": message}}
    headers = {"WWW-Authenticate": 'Bearer realm="consult"'} if status == 401 else {}
    return body, status, headers


def _refusal(error: invitations.InvitationError):
    """The JSON answer to an invitation that does not admit the request; a used one names
    the reference of the response made with it."""
    # A client without a token is told it needs one (403); the pages answer 404 instead,
    # so a closed questionnaire looks like no questionnaire to a browsing stranger.
    status = 403 if error.reason == "invitation_only" else error.status
    body, status, headers = _error(status, str(error))
    if error.reference:
        body["error"]["reference"] = error.reference
    return body, status, headers


def token_required(view: Callable) -> Callable:
    """Let the view run only for a valid admin API token (401 / 403 JSON otherwise)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        try:
            g.api_user = authenticate(request.headers.get("Authorization"))
        except TokenError as error:
            return _error(error.status, str(error))
        db.session.commit()
        return view(*args, **kwargs)

    return wrapped


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


def _questionnaire_json(questionnaire: Questionnaire) -> dict:
    counts = response_counts(questionnaire)
    current = questionnaire.current_version
    return {
        "slug": questionnaire.slug,
        "form_id": questionnaire.form_id,
        "title": questionnaire.title,
        "public": questionnaire.public,
        "current_version": current.number if current else None,
        "respond_url": url_for("respond.start", slug=questionnaire.slug, _external=True),
        "versions": [
            {
                "number": version.number,
                "version_label": version.version_label,
                "status": version.status,
                "created_at": _iso(version.created_at),
                "published_at": _iso(version.published_at),
                "languages": load_version_form(version).languages,
                "responses": counts.get(version.id, {}),
            }
            for version in questionnaire.versions
        ],
    }


@bp.route("/")
def index():
    return {
        "name": "consult",
        "version": "v1",
        "resources": [url_for("api.list_questionnaires"), url_for("api.list_responses")],
        "authentication": "Authorization: Bearer <token>",
    }


@bp.route("/questionnaires")
@token_required
def list_questionnaires():
    questionnaires = db.session.scalars(db.select(Questionnaire).order_by(Questionnaire.slug))
    return {"data": [_questionnaire_json(q) for q in questionnaires]}


@bp.route("/questionnaires/<slug>")
@token_required
def get_questionnaire_json(slug: str):
    questionnaire = get_questionnaire(slug)
    if questionnaire is None:
        return _error(404, f"There is no questionnaire '{slug}'.")
    return {"data": _questionnaire_json(questionnaire)}


def _int_arg(name: str, default: int) -> int:
    raw = request.args.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= DATABASE_INT_MAX:
        raise ValueError(f"{name}: a whole number from 1 is needed, not '{raw[:40]}'")
    return int(raw)


def _since_arg() -> datetime | None:
    raw = request.args.get("since", "").strip()
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"since: '{raw[:40]}' is not an ISO 8601 date or time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@bp.route("/responses")
@token_required
def list_responses():
    try:
        page = _int_arg("page", 1)
        per_page = min(_int_arg("per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
        since = _since_arg()
    except ValueError as error:
        return _error(400, str(error))
    status = request.args.get("status") or None
    if status is not None and status not in STATUSES:
        return _error(400, f"status: one of {', '.join(STATUSES)}")
    questionnaire = None
    slug = request.args.get("questionnaire")
    if slug:
        questionnaire = get_questionnaire(slug)
        if questionnaire is None:
            return _error(404, f"There is no questionnaire '{slug[:120]}'.")
    flt = ResponseFilter(
        questionnaire=questionnaire,
        country=(request.args.get("country") or "").upper() or None,
        group=request.args.get("group") or None,
        status=status,
        since=since,
    )
    query = responses_query(flt).options(
        selectinload(Response.answers),
        selectinload(Response.version).selectinload(QuestionnaireVersion.questionnaire),
    )
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)
    args = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}
    links = {}
    if pagination.has_next:
        links["next"] = url_for(
            "api.list_responses", page=page + 1, per_page=per_page, _external=True, **args
        )
    if pagination.has_prev:
        links["prev"] = url_for(
            "api.list_responses", page=page - 1, per_page=per_page, _external=True, **args
        )
    files: dict[int, list[MediaFile]] = {}
    ids = [response.id for response in pagination.items]
    if ids:
        for stored in db.session.scalars(
            db.select(MediaFile)
            .where(MediaFile.response_id.in_(ids))
            .order_by(MediaFile.question, MediaFile.instance)
        ):
            files.setdefault(stored.response_id, []).append(stored)
    return {
        "data": [
            _response_json(response, files.get(response.id, []))
            for response in pagination.items
        ],
        "meta": {
            "page": page,
            "per_page": per_page,
            "total": pagination.total,
            "pages": pagination.pages,
        },
        "links": links,
    }


def _media_json(stored: MediaFile) -> dict:
    return {
        **stored.describe(),
        "url": url_for(
            "api.get_response_media",
            response_id=stored.response_id,
            media_id=stored.id,
            _external=True,
        ),
    }


@bp.route("/responses/<int:response_id>/media/<int:media_id>")
@token_required
def get_response_media(response_id: int, media_id: int):
    """The file answering a question of a response (with the same token as the listing)."""
    stored = db.session.get(MediaFile, media_id)
    if stored is None or stored.response_id != response_id:
        return _error(404, "There is no such file of this response.")
    return send_media(stored)


def _response_json(response: Response, files: list[MediaFile] = ()) -> dict:
    return {
        "id": response.id,
        "reference": response.reference,
        "questionnaire": response.version.questionnaire.slug,
        "version": response.version.number,
        "language": response.language,
        "country": response.country_code,
        "group": response.group_code,
        "status": response.status,
        "source": response.source,
        "created_at": _iso(response.created_at),
        "updated_at": _iso(response.updated_at),
        "submitted_at": _iso(response.submitted_at),
        "answers": response_values(response),
        "media": [_media_json(stored) for stored in files],
    }


def _submission_json(response: Response) -> dict:
    return {"reference": response.reference, "status": response.status}


@bp.route("/questionnaires/<slug>/submissions", methods=["POST"])
@csrf.exempt
def submit_questionnaire(slug: str):
    """A whole questionnaire in one JSON request, for clients that collect answers offline.

    Body: ``{"client_id": "...", "language": "ru", "answers": {...}, "invitation": token}``
    (the invitation only where the questionnaire is not public). No account is needed, as
    for the respondent pages. 201 with the reference number; 200 with the same reference
    when the client id was sent before; 422 with ``errors`` by question; nothing is stored
    then.
    """
    # A retry of a submission already stored answers as the first time, even when that
    # submission used up its invitation meanwhile. It is looked up first, with its
    # questionnaire, so that a retry costs one query; every other request goes on as if
    # it had not been (a body the input checks refuse is refused after the 404).
    refusal = None
    try:
        payload = request.get_json(silent=True)
    except (InputRejected, InputTooLarge) as error:
        payload, refusal = None, error
    client_id = ""
    stored = None
    if isinstance(payload, dict) and isinstance(payload.get("answers"), dict):
        client_id = str(payload.get("client_id") or "")
        stored = responses.find_submission(client_id, with_questionnaire=True)
        stored_in = stored.version.questionnaire if stored is not None else None
        if (
            stored_in is not None
            and stored_in.slug == slug
            and stored_in.current_version_id is not None
        ):
            return _submission_json(stored), 200
    questionnaire = get_questionnaire(slug)
    if questionnaire is None or questionnaire.current_version is None:
        return _error(404, "There is no questionnaire at this address.")
    if refusal is not None:
        raise refusal
    if not isinstance(payload, dict) or not isinstance(payload.get("answers"), dict):
        return _error(400, 'Send a JSON object with "client_id", "language" and "answers".')
    token = payload.get("invitation")
    try:
        invitation = invitations.admit(questionnaire, token if isinstance(token, str) else None)
    except invitations.InvitationError as error:
        db.session.rollback()
        return _refusal(error)
    version = questionnaire.current_version
    form = load_version_form(version)

    def submit() -> tuple[dict, bool]:
        response, created = responses.submit_complete(
            version,
            form,
            payload["answers"],
            language=str(payload.get("language") or form.default_language),
            client_id=client_id,
            invitation=invitation,
            # looked up above; a concurrent submission of it ends in the IntegrityError below
            looked_up=stored is None,
        )
        # read before the commit expires the row, which would cost another query
        return _submission_json(response), created

    try:
        body, created = responses.in_transaction(submit)
    except responses.SubmissionRejected as rejected:
        db.session.rollback()
        return {"errors": rejected.errors}, 422
    except invitations.InvitationError as error:
        # a concurrent submission used the invitation up
        db.session.rollback()
        return _refusal(error)
    except IntegrityError:
        # the same client id sent twice at the same moment: the other request stored it
        db.session.rollback()
        response, created = responses.find_submission(client_id), False
        if response is None:
            raise
        body = _submission_json(response)
    return body, 201 if created else 200

"""The respondent's pages: start, one page per section, resume link, thank-you page.

The draft being answered is remembered in the (signed) session per questionnaire slug, with
its resume token so the link can be shown on every page; the resume link restores both on
another device. A single-use invitation's draft is remembered with the invitation's token
instead: the invitation link itself continues it, in any browser.
"""

from __future__ import annotations

import time
import uuid

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import defer

from consult import invitations, mail, media, responses
from consult.extensions import db
from consult.i18n import current_language, direction
from consult.media.serving import send_media, send_thumbnail
from consult.models import Invitation, MediaFile, Questionnaire, QuestionnaireVersion, Response
from consult.questionnaires import get_questionnaire, load_version_form
from consult.respond import bp, uploads
from consult.respond.forms import add_instance, parse_action, read_page, remove_instance
from consult.respond.page_view import (
    PageView,
    odk_text,
    offline_json,
    offline_pages,
    plain_label,
)
from consult.security import hash_token
from surveys.model import MEDIA_TYPES, Form, Question
from surveys.pages import Page, page_by_key, planned_pages, visible_pages
from surveys.pages import pages as form_pages
from surveys.validation import visibility

DRAFTS = "respond.drafts"
DONE = "respond.done"


@bp.app_template_filter("odk")
def _odk_filter(text: str):
    return odk_text(text or "")


@bp.url_value_preprocessor
def _allow_files(endpoint: str | None, _values) -> None:
    """A page post may carry the files its questions take: up to the most a response may
    hold (MEDIA_MAX_FILES_PER_RESPONSE × MEDIA_MAX_BYTES) above the usual request limit.
    Runs before the CSRF check reads the body; Werkzeug keeps large files on disk."""
    base = current_app.config["MAX_CONTENT_LENGTH"]
    if endpoint == "respond.save_page" and request.method == "POST" and base is not None:
        config = current_app.config
        request.max_content_length = (
            base + config["MEDIA_MAX_BYTES"] * config["MEDIA_MAX_FILES_PER_RESPONSE"]
        )


@bp.app_template_filter("filesize")
def _filesize_filter(size: int) -> str:
    return media.human_size(size)


@bp.app_template_filter("odk_plain")
def _odk_plain_filter(text: str) -> str:
    """A label as plain text (for <option> and <title>): its markup taken out."""
    return odk_text(text or "").striptags()


def _version(version_id: int) -> QuestionnaireVersion:
    """A questionnaire version without its form and workbook columns: the parsed form comes
    from the per-app cache, and decoding the stored JSON on every page would cost more than
    the rest of the request."""
    version = db.session.get(
        QuestionnaireVersion,
        version_id,
        options=[defer(QuestionnaireVersion.form), defer(QuestionnaireVersion.source_xlsx)],
    )
    if version is None:
        abort(404)
    return version


def view_has_files(form: Form, page: Page) -> bool:
    return any(form.questions[n].type in MEDIA_TYPES for n in page.questions)


def _question_label(form: Form, language: str):
    """A function naming a question in messages: its label in ``language`` as plain text."""

    def label(question: Question) -> str:
        return plain_label(form, question, language)

    return label


def _unavailable(code: int, message: str, questionnaire: Questionnaire | None = None):
    return make_response(
        render_template(
            "respond/unavailable.html", code=code, message=message, questionnaire=questionnaire
        ),
        code,
    )


def _questionnaire(slug: str) -> Questionnaire:
    questionnaire = get_questionnaire(slug)
    if questionnaire is None or questionnaire.current_version_id is None:
        abort(_unavailable(404, _("There is no questionnaire at this address.")))
    return questionnaire


def _invitation(questionnaire: Questionnaire, token: str | None) -> Invitation | None:
    """The invitation of ``?t=`` (None for the public link); aborts with a page saying why a
    link does not admit the visitor (see :func:`consult.invitations.admit`)."""
    try:
        return invitations.admit(questionnaire, token)
    except invitations.InvitationError as error:
        db.session.rollback()
        abort(_unavailable(error.status, str(error), questionnaire))


def _remember(
    slug: str,
    response: Response,
    token: str,
    *,
    invitation: bool = False,
    invitation_token: str | None = None,
) -> None:
    """Keep the draft this browser answers; ``token`` is its resume token, or with
    ``invitation`` the token of the single-use invitation that owns it.
    ``invitation_token`` (a shared link's) is kept so that answers collected offline can be
    sent with it."""
    drafts = dict(session.get(DRAFTS) or {})
    drafts[slug] = {"id": response.id, "token": token, "via": "invitation" if invitation else ""}
    if invitation_token:
        drafts[slug]["invitation"] = invitation_token
    session[DRAFTS] = drafts
    session.permanent = True


def _forget(slug: str, reference: str) -> None:
    drafts = dict(session.get(DRAFTS) or {})
    drafts.pop(slug, None)
    session[DRAFTS] = drafts
    done = dict(session.get(DONE) or {})
    done[slug] = reference
    session[DONE] = done


def _follow_language(lang: str) -> None:
    """The interface follows the form language where it has one, else English."""
    session["lang"] = lang if lang in current_app.config["LANGUAGES"] else "en"


def _draft(questionnaire: Questionnaire) -> tuple[Response, str] | None:
    """The draft this browser is answering for ``questionnaire``, with its resume token."""
    entry = (session.get(DRAFTS) or {}).get(questionnaire.slug)
    if not isinstance(entry, dict):
        return None
    response = db.session.get(Response, entry.get("id"))
    if response is None or _version(response.version_id).questionnaire_id != questionnaire.id:
        return None
    digest = hash_token(str(entry.get("token", "")))
    if entry.get("via") == "invitation":
        if response.invitation is None or response.invitation.token_hash != digest:
            return None
    elif response.resume_token_hash != digest:
        return None
    return response, entry["token"]


def _invitation_token(questionnaire: Questionnaire) -> str | None:
    """The invitation token this browser's draft was started with, if it knows one."""
    entry = (session.get(DRAFTS) or {}).get(questionnaire.slug)
    if not isinstance(entry, dict):
        return None
    if entry.get("via") == "invitation":
        return str(entry.get("token") or "") or None
    return str(entry.get("invitation") or "") or None


def _offline_data(
    questionnaire: Questionnaire, response: Response, form: Form, page: Page, values: dict
) -> dict:
    """What the page's script keeps in the browser to go on without a connection: every
    page of the questionnaire (to cache them and to walk them), the answers so far, and
    what the whole-questionnaire JSON submission needs."""
    slug = questionnaire.slug
    return {
        "slug": slug,
        "version": response.version_id,
        #: when the server rendered the page (ms); a page shown from the browser's cache is
        #: older than the last one it saw fresh, so its answers are not taken as current
        "rendered": int(time.time() * 1000),
        "for_cache": bool(request.args.get("offline")),
        "sw": url_for("main.service_worker"),
        "page": page.key,
        "language": response.language,
        # Files are sent with the pages, online only: the JSON submission carries none.
        "answers": {
            name: value
            for name, value in values.items()
            if name in form.questions and form.questions[name].type not in MEDIA_TYPES
        },
        "invitation": _invitation_token(questionnaire),
        "submit": url_for("api.submit_questionnaire", slug=slug),
        "start": url_for("respond.start", slug=slug),
        #: a page's address is this followed by its key
        "base": url_for("respond.page", slug=slug, key="-").removesuffix("-"),
        "pages": url_for("respond.offline_walk", slug=slug),
    }


def _via_invitation(questionnaire: Questionnaire) -> bool:
    """True when this browser's draft is held through its invitation's token."""
    entry = (session.get(DRAFTS) or {}).get(questionnaire.slug)
    return isinstance(entry, dict) and entry.get("via") == "invitation"


def _form_languages(form: Form) -> list[tuple[str, str]]:
    return [(code, form.language_names.get(code) or code) for code in form.languages] or [
        (form.default_language, form.default_language)
    ]


def _offered(lang: str, languages: list[str]) -> str | None:
    """The form language matching ``lang`` (``zh`` matches ``zh-Hans``), or None."""
    if lang in languages:
        return lang
    base = lang.split("-")[0].lower()
    return next((code for code in languages if code.split("-")[0].lower() == base), None)


@bp.route("/<slug>", methods=["GET", "POST"])
def start(slug: str):
    questionnaire = _questionnaire(slug)
    token = request.values.get("t") or None
    invitation = _invitation(questionnaire, token)
    version = _version(questionnaire.current_version_id)
    form = load_version_form(version)
    languages = [code for code, _name in _form_languages(form)]
    shared = invitations.open_draft(invitation)
    if request.method == "POST":
        if shared is not None:
            # The invitation's draft, begun in another browser, goes on here.
            db.session.commit()
            _remember(slug, shared, token, invitation=True)
            _follow_language(shared.language)
            return redirect(url_for("respond.page", slug=slug, key=shared.current_section))
        lang = request.form.get("language", "")
        if lang not in languages:
            lang = form.default_language
        response, resume_token = responses.in_transaction(
            lambda: responses.start_response(version, form, lang, invitation=invitation)
        )
        if not form_pages(form) or not response.current_section:
            # Nothing to answer (a form of metadata and calculations only, or one whose
            # every question is hidden by the answers it starts with): starting it is
            # sending it.
            return _submit(questionnaire, response, form, uuid.uuid4().hex)
        if invitation is not None and invitation.max_responses == 1:
            _remember(slug, response, token, invitation=True)
        else:
            _remember(slug, response, resume_token, invitation_token=token)
        _follow_language(lang)
        return redirect(url_for("respond.page", slug=slug, key=response.current_section))
    db.session.commit()
    draft = _draft(questionnaire)
    if shared is not None and draft is None:
        draft = (shared, token)
    # The invitation's language, else the interface language the respondent already has
    # (chosen, or from the browser's Accept-Language), where the form offers it.
    preferred = _offered(
        (invitation.language if invitation else None)
        or str(request.args.get("lang") or session.get("lang") or current_language()),
        languages,
    )
    if preferred is None:
        preferred = form.default_language if form.default_language in languages else languages[0]
    return render_template(
        "respond/start.html",
        questionnaire=questionnaire,
        form=form,
        languages=_form_languages(form),
        preferred=preferred,
        token=token,
        draft=draft[0] if draft and draft[0].status == "draft" else None,
        nothing_to_answer=not form_pages(form),
    )


def _render_page(
    questionnaire: Questionnaire,
    response: Response,
    resume_token: str,
    form: Form,
    page: Page,
    values: dict,
    errors: dict[str, str],
    *,
    notice: str = "",
    status: int = 200,
    flags: dict | None = None,
):
    flags = visibility(form, values) if flags is None else flags
    planned = [p.key for p in planned_pages(form, values, flags)]
    position = planned.index(page.key) + 1 if page.key in planned else 1
    fixed = responses.invitation_answers(form, response.invitation)
    files = media.media_by_answer(db.session, response.id) if view_has_files(form, page) else {}
    view = PageView(
        form, page, values, flags, errors, response.language, fixed=fixed, files=files,
        slug=questionnaire.slug,
    )
    resume_url = _resume_url(questionnaire, resume_token)
    return (
        render_template(
            "respond/page.html",
            questionnaire=questionnaire,
            form=form,
            view=view,
            position=position,
            total=max(len(planned), 1),
            is_first=position == 1,
            is_last=position >= len(planned),
            client_id=uuid.uuid4().hex,
            resume_url=resume_url,
            offline=offline_json(_offline_data(questionnaire, response, form, page, values)),
            notice=notice,
            form_dir=direction(response.language),
        ),
        status,
    )


def _resume_url(questionnaire: Questionnaire, resume_token: str) -> str:
    """The link that continues this browser's draft: the invitation link for a draft held
    through a single-use invitation, else the draft's own resume link."""
    if _via_invitation(questionnaire):
        return url_for("respond.start", slug=questionnaire.slug, t=resume_token, _external=True)
    return url_for(
        "respond.resume_draft", slug=questionnaire.slug, token=resume_token, _external=True
    )


def _mail_resume_link(
    questionnaire: Questionnaire, response: Response, token: str, page: Page, values: dict,
    errors: dict,
) -> None:
    """Mail the resume link when this page took an e-mail address (the questionnaire's
    e-mail question promises it); once per address and draft, within the hourly limit."""
    question = current_app.config.get("RESUME_MAIL_QUESTION") or "email"
    if question not in page.questions or question in errors:
        return
    address = str(values.get(question) or "").strip()
    if not address or "@" not in address or any(c.isspace() for c in address):
        return
    try:
        sent = mail.send_resume_link(response, address, _resume_url(questionnaire, token))
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        return
    if sent == "sent":
        flash(_("We have sent the link to continue to %(address)s.", address=address))


def _current(slug: str) -> tuple[Questionnaire, Response, str, Form]:
    questionnaire = _questionnaire(slug)
    draft = _draft(questionnaire)
    if draft is None:
        abort(redirect(url_for("respond.start", slug=slug)))
    response, token = draft
    if response.status != "draft":
        _forget(slug, response.reference)
        abort(redirect(url_for("respond.thanks", slug=slug)))
    return questionnaire, response, token, load_version_form(_version(response.version_id))


@bp.route("/<slug>/p/<path:key>", methods=["GET"])
def page(slug: str, key: str):
    questionnaire, response, token, form = _current(slug)
    lang = request.args.get("lang")
    if lang in form.languages and lang != response.language:
        response.language = lang
        responses.in_transaction(lambda: None)
        _follow_language(lang)
    page = page_by_key(form, key)
    if page is None:
        abort(404)
    values = responses.load_values(response, form)
    flags = visibility(form, values)
    visible = visible_pages(form, values, flags)
    # ?offline=1: the browser caches every page for answering without a connection, also
    # those the answers so far do not bring up.
    if page.key not in [p.key for p in visible] and not request.args.get("offline"):
        return redirect(url_for("respond.page", slug=slug, key=_nearest(form, visible, page.key)))
    errors: dict[str, str] = {}
    if request.args.get("check"):
        errors = responses.check_page(form, page, values, {}, response.language).errors
    return _render_page(questionnaire, response, token, form, page, values, errors, flags=flags)


@bp.route("/<slug>/pages.json")
def offline_walk(slug: str):
    """The pages of the draft's questionnaire version and the conditions that bring each
    up, for the page script to walk them without a connection; fetched once per version
    and kept in the browser's store."""
    _questionnaire_, response, _token, form = _current(slug)
    return {"version": response.version_id, "pages": offline_pages(form, form_pages(form))}


def _nearest(form: Form, visible: list[Page], key: str) -> str:
    """The visible page at or after ``key`` in form order (else the last visible page)."""
    order = [p.key for p in form_pages(form)]
    position = order.index(key) if key in order else 0
    for candidate in visible:
        if order.index(candidate.key) >= position:
            return candidate.key
    return visible[-1].key if visible else order[0]


@bp.route("/<slug>/p/<path:key>", methods=["POST"])
def save_page(slug: str, key: str):
    client_id = request.form.get("client_id", "")
    action = parse_action(request.form.get("action"))
    if action.kind == "submit":
        done = responses.find_submission(client_id)
        if (
            done is not None
            and _version(done.version_id).questionnaire_id == _questionnaire(slug).id
        ):
            _forget(slug, done.reference)
            return redirect(url_for("respond.thanks", slug=slug))
    questionnaire, response, token, form = _current(slug)
    page = page_by_key(form, key)
    if page is None:
        abort(404)
    stored = responses.load_values(response, form)
    posted = read_page(form, page, request.form, request.files)
    label = _question_label(form, response.language)
    files = media.media_by_answer(db.session, response.id) if view_has_files(form, page) else {}
    file_errors = uploads.attach_files(
        form, page, posted, request.files, request.form, files, label
    )
    if file_errors and action.kind in ("add", "remove"):
        # Say what was wrong with the file before anything moves on the page.
        action = parse_action("save")
    # The invitation's country and group are not the respondent's to change.
    fixed = responses.invitation_answers(form, response.invitation)
    posted.update({name: code for name, code in fixed.items() if name in page.questions})
    if action.kind == "add" and action.repeat:
        posted = add_instance(form, posted, action.repeat, action.instance)
    elif action.kind == "remove" and action.repeat and action.instance:
        posted = remove_instance(form, posted, action.repeat, action.instance)
    elif action.kind in ("next", "submit"):
        posted = responses.drop_blank_instances(form, {**stored, **posted})
        posted = {name: posted[name] for name in page.questions if name in posted}
    result = responses.check_page(form, page, stored, posted, response.language)
    values = result.values
    flags = result.flags
    errors = {**result.errors, **file_errors}
    keys = [p.key for p in visible_pages(form, values, flags)]
    order = [p.key for p in form_pages(form)]
    shown_before = set(request.form.get("shown", "").split())
    newly = _newly_shown(form, page, flags, shown_before)
    target: str | None = page.key
    outcome = "page"
    if file_errors:
        outcome = "errors"
    elif action.kind in ("add", "remove", "save"):
        outcome = "reload"
    elif action.kind == "back":
        before = [k for k in keys if order.index(k) < order.index(page.key)]
        target = before[-1] if before else (keys[0] if keys else page.key)
        outcome = "go"
    elif "shown" in request.form and newly:
        outcome = "more"
    elif errors:
        outcome = "errors"
    else:
        target = _following(form, keys, page.key) if action.kind == "next" else None
        outcome = "go" if target is not None else "submit"

    def save() -> None:
        if view_has_files(form, page):
            refused = uploads.store_files(
                db.session, form, page, response.id, posted, values, files, label
            )
            errors.update(refused)
        responses.save_page(response, form, page, values, target or page.key)

    try:
        responses.in_transaction(save)
    except responses.ResponseClosed:
        db.session.rollback()
        _forget(slug, response.reference)
        return redirect(url_for("respond.thanks", slug=slug))
    if set(errors) - set(result.errors) and outcome != "more":
        outcome = "errors"  # a file was refused: say so on the page
    if outcome in ("go", "reload"):
        _mail_resume_link(questionnaire, response, token, page, values, errors)
    if outcome == "reload":
        anchor = f"#r-{action.repeat}" if action.repeat else ""
        return redirect(url_for("respond.page", slug=slug, key=page.key) + anchor)
    if outcome == "go":
        return redirect(url_for("respond.page", slug=slug, key=target))
    if outcome in ("more", "errors"):
        values = _as_posted(form, values, posted, result.errors)
    if outcome == "more":
        # Without JavaScript, answers on this page made more of it apply: show those
        # questions before moving on rather than complaining they were not answered.
        errors = {k: v for k, v in errors.items() if _page_key(k) not in newly or k in file_errors}
        notice = _("Your answers brought up more questions on this page. Please look at them.")
        return _render_page(
            questionnaire, response, token, form, page, values, errors, notice=notice, flags=flags
        )
    if outcome == "errors":
        return _render_page(questionnaire, response, token, form, page, values, errors, flags=flags)
    # "Next" on the last page that applies finishes the questionnaire like "Submit".
    return _submit(questionnaire, response, form, client_id)


def _shown_keys(form: Form, page: Page, flags: dict) -> set[str]:
    """The questions of ``page`` that ``flags`` show: ``name``, and ``name[n]`` for repeat
    instance n (from 1), as the page's ``shown`` field lists them."""
    keys = set()
    for name in page.questions:
        question = form.questions[name]
        if not question.displayed:
            continue
        flag = flags.get(name)
        if isinstance(flag, list):
            keys.update(f"{name}[{n}]" for n, on in enumerate(flag, start=1) if on)
        elif flag:
            keys.add(name)
    return keys


def _newly_shown(form: Form, page: Page, flags: dict, shown_before: set[str]) -> set[str]:
    """The questions the answers just posted brought up: shown now, not when the page was
    shown; in a repeat, only in the instances the page showed (an instance the respondent
    added is new, not brought up)."""
    on_page = set()
    for key in shown_before:
        name, _, index = key.partition("[")
        question = form.questions.get(name)
        if index and question is not None and question.repeat:
            on_page.add((question.repeat, index))
    newly = set()
    for key in _shown_keys(form, page, flags) - shown_before:
        name, _, index = key.partition("[")
        if not index or (form.questions[name].repeat, index) in on_page:
            newly.add(key)
    return newly


def _as_posted(form: Form, values: dict, posted: dict, errors: dict[str, str]) -> dict:
    """The page's values to show again with its messages: an answer that was refused (a
    choice ranked twice) is shown as the respondent gave it, all its other choices kept,
    rather than emptied; it is not stored."""
    shown = dict(values)
    for name in errors:
        if name not in posted or name not in form.questions:
            continue
        raw = posted[name]
        shown[name] = " ".join(raw) if isinstance(raw, list) else raw
    return shown


def _page_key(error_key: str) -> str:
    """An error's key (``name``, ``name[i]`` from 0) as a ``shown`` key (``name[n]`` from 1)."""
    name, _, index = error_key.partition("[")
    return f"{name}[{int(index.rstrip(']')) + 1}]" if index else name


def _following(form: Form, visible_keys: list[str], key: str) -> str | None:
    """The first visible page after ``key`` in form order, or None."""
    order = [p.key for p in form_pages(form)]
    position = order.index(key)
    for candidate in visible_keys:
        if order.index(candidate) > position:
            return candidate
    return None


def _submit(questionnaire: Questionnaire, response: Response, form: Form, client_id: str):
    slug = questionnaire.slug
    if not responses.valid_client_id(client_id):
        return redirect(url_for("respond.page", slug=slug, key=response.current_section))
    try:
        submitted = responses.in_transaction(
            lambda: responses.submit_response(
                db.session.get(Response, response.id), form, client_id
            )
        )
    except responses.SubmissionIncomplete as incomplete:
        db.session.rollback()
        return redirect(url_for("respond.page", slug=slug, key=incomplete.page_key, check=1))
    except invitations.InvitationError as error:
        # Another browser submitted with the same single-use invitation first.
        db.session.rollback()
        return _unavailable(error.status, str(error), questionnaire)
    _forget(slug, submitted.reference)
    return redirect(url_for("respond.thanks", slug=slug))


def _own_media(slug: str, media_id: int) -> MediaFile:
    """A file of the draft this browser is answering (404 for any other)."""
    draft = _draft(_questionnaire(slug))
    stored = db.session.get(MediaFile, media_id)
    if draft is None or stored is None or stored.response_id != draft[0].id:
        abort(404)
    return stored


@bp.route("/<slug>/media/<int:media_id>")
def media_file(slug: str, media_id: int):
    return send_media(_own_media(slug, media_id))


@bp.route("/<slug>/media/<int:media_id>/thumbnail")
def media_thumbnail(slug: str, media_id: int):
    return send_thumbnail(_own_media(slug, media_id))


@bp.route("/<slug>/thanks")
def thanks(slug: str):
    questionnaire = _questionnaire(slug)
    reference = (session.get(DONE) or {}).get(questionnaire.slug)
    if not reference:
        return redirect(url_for("respond.start", slug=slug))
    return render_template("respond/thanks.html", questionnaire=questionnaire, reference=reference)


@bp.route("/<slug>/resume/<token>")
def resume_draft(slug: str, token: str):
    questionnaire = _questionnaire(slug)
    response = responses.resume(token)
    if response is None or _version(response.version_id).questionnaire_id != questionnaire.id:
        return _unavailable(
            404,
            _(
                "This link to continue the questionnaire is not valid. Please check that it was "
                "copied whole."
            ),
            questionnaire,
        )
    if response.status != "draft":
        _forget(slug, response.reference)
        return redirect(url_for("respond.thanks", slug=slug))
    _remember(slug, response, token)
    _follow_language(response.language)
    form = load_version_form(_version(response.version_id))
    values = responses.load_values(response, form)
    visible = visible_pages(form, values)
    key = response.current_section or (visible[0].key if visible else "")
    if visible and key not in [p.key for p in visible]:
        key = _nearest(form, visible, key)
    return redirect(url_for("respond.page", slug=slug, key=key))

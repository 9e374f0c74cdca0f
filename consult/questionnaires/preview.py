"""The secretariat's preview of a questionnaire version: its pages walked as a respondent
would walk them, in any of its languages, with nothing stored.

The answers given so far travel with each page as a hidden field (JSON) instead of a draft
in the database, so a preview leaves no response, no answer and no count behind. Only staff
reach it (the ``secretariat`` blueprint), drafts included: that is what it is for.
"""

from __future__ import annotations

import json
from typing import Any

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _

from consult import responses
from consult.i18n import direction
from consult.questionnaires.service import load_version_form
from consult.questionnaires.views import questionnaire_or_404, version_or_404
from consult.respond.forms import add_instance, parse_action, read_page, remove_instance
from consult.respond.page_view import PageView
from consult.responses.service import _typed, final_values
from consult.secretariat import bp
from surveys.model import Form
from surveys.pages import Page, page_by_key, planned_pages, visible_pages
from surveys.pages import pages as form_pages
from surveys.validation import visibility

#: Largest state field read back, in characters; a preview of any real form stays far below.
MAX_STATE_CHARS = 1_000_000


def _state(form: Form, text: str) -> dict[str, Any]:
    """The answers a preview page carried: only the form's answered questions, re-typed as a
    stored draft would be (dates, numbers), lists inside repeats."""
    if not text or len(text) > MAX_STATE_CHARS:
        return {}
    try:
        raw = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        question = form.questions.get(name)
        if question is None or not question.answered:
            continue
        if question.repeat is not None:
            if isinstance(value, list):
                values[name] = [_typed(question, str(item)) for item in value]
        elif isinstance(value, list):
            values[name] = [str(item) for item in value]
        elif value is not None:
            values[name] = _typed(question, str(value))
    return values


def _dump(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, default=str)


def _language(form: Form) -> str:
    # form_lang, not lang: ?lang= switches the reader's interface language
    lang = request.values.get("form_lang") or ""
    return lang if lang in form.languages else form.default_language


def _render(questionnaire, version, form, lang, page: Page, values, errors, flags=None, notice=""):
    flags = visibility(form, values) if flags is None else flags
    planned = [p.key for p in planned_pages(form, values, flags)]
    position = planned.index(page.key) + 1 if page.key in planned else 1
    view = PageView(form, page, values, flags, errors, lang, fixed={}, slug=questionnaire.slug)
    return render_template(
        "respond/page.html",
        questionnaire=questionnaire,
        form=form,
        view=view,
        position=position,
        total=max(len(planned), 1),
        is_first=position == 1,
        is_last=position >= len(planned),
        client_id="",
        resume_url="",
        notice=notice,
        form_dir=direction(lang),
        preview={
            "version": version,
            "lang": lang,
            "state": _dump(values),
            "languages": form.languages,
            "action": url_for(
                "secretariat.preview_version",
                slug=questionnaire.slug,
                number=version.number,
                form_lang=lang,
                key=page.key,
            ),
        },
    )


@bp.route("/questionnaires/<slug>/versions/<int:number>/preview", methods=["GET", "POST"])
def preview_version(slug: str, number: int):
    """Walk a version's pages in ``?form_lang=``; ``?key=`` is the page shown or posted."""
    questionnaire = questionnaire_or_404(slug)
    version = version_or_404(questionnaire, number)
    form = load_version_form(version)
    lang = _language(form)
    if not form_pages(form):
        return render_template(
            "questionnaires/preview_end.html",
            questionnaire=questionnaire,
            version=version,
            lang=lang,
            message=_("This form has no page to answer: starting it submits it."),
        )
    if request.method == "GET":
        values: dict[str, Any] = {}
        visible = visible_pages(form, values)
        page = visible[0] if visible else form_pages(form)[0]
        return _render(questionnaire, version, form, lang, page, values, {})
    page = page_by_key(form, request.args.get("key", ""))
    if page is None:
        abort(404)
    stored = _state(form, request.form.get("state", ""))
    action = parse_action(request.form.get("action"))
    # Files are not read: a preview keeps nothing, not even a file's name.
    posted = read_page(form, page, request.form, None)
    if action.kind == "add" and action.repeat:
        posted = add_instance(form, posted, action.repeat, action.instance)
    elif action.kind == "remove" and action.repeat and action.instance:
        posted = remove_instance(form, posted, action.repeat, action.instance)
    elif action.kind in ("next", "submit"):
        posted = responses.drop_blank_instances(form, {**stored, **posted})
        posted = {name: posted[name] for name in page.questions if name in posted}
    result = responses.check_page(form, page, stored, posted, lang)
    values, flags = result.values, result.flags
    visible = visible_pages(form, values, flags)
    keys = [p.key for p in visible]
    order = [p.key for p in form_pages(form)]
    if action.kind in ("add", "remove", "save"):
        return _render(questionnaire, version, form, lang, page, values, {}, flags)
    if action.kind == "back":
        before = [k for k in keys if order.index(k) < order.index(page.key)]
        target = page_by_key(form, before[-1] if before else keys[0] if keys else page.key)
        return _render(questionnaire, version, form, lang, target, values, {})
    if result.errors:
        return _render(questionnaire, version, form, lang, page, values, result.errors, flags)
    position = order.index(page.key)
    following = next((k for k in keys if order.index(k) > position), None)
    if action.kind == "next" and following is not None:
        return _render(questionnaire, version, form, lang, page_by_key(form, following), values, {})
    try:
        responses.check_all(form, final_values(form, values), lang)
    except responses.SubmissionIncomplete as incomplete:
        target = page_by_key(form, incomplete.page_key)
        return _render(questionnaire, version, form, lang, target, values, incomplete.errors)
    return render_template(
        "questionnaires/preview_end.html",
        questionnaire=questionnaire,
        version=version,
        lang=lang,
        message=_(
            "End of the preview: a respondent would now have submitted the questionnaire. "
            "Nothing was stored."
        ),
    )

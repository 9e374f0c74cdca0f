"""The secretariat's coding pages: the queue with the inter-coder agreement, and one text
to confirm or correct."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

import reference as facts
from consult.coding import service
from consult.coding.forms import MODE_LABELS, STATUS_LABELS, CodingForm, FilterForm
from consult.extensions import db
from consult.i18n import current_language
from consult.secretariat import bp

#: Texts listed on one page of the queue.
PER_PAGE = 50

#: Why a decision was refused, by the service's reason.
REFUSALS = {
    "not_offered": _l("This text is not offered to you for a second opinion: it is not in "
                      "the sample, has no first decision yet, or the first decision is yours."),
    "second_coder": _l("You gave the second opinion on this text, so the first decision "
                       "must be someone else's."),
    "nothing_to_confirm": _l("No analysis run has tagged this text yet: tick its themes, or "
                             "choose “No theme”."),
    "concurrent": _l("Someone else saved a decision on this text at the same moment. Look "
                     "at it again."),
}


def _share() -> float:
    return min(max(float(current_app.config.get("CODING_SECOND_SHARE", 0.2)), 0.0), 1.0)


def _filter_form(items: list[service.Item]) -> FilterForm:
    lang = current_language()
    countries = sorted(
        ((row["code"], facts.name("country", row["code"], lang)) for row in facts.countries()),
        key=lambda pair: pair[1],
    )
    natives = facts.native_names()
    languages = sorted(
        ((code, natives.get(code, code)) for code in {item.lang for item in items if item.lang}),
        key=lambda pair: pair[1],
    )
    return FilterForm(formdata=request.args, countries=countries, languages=languages)


class _Page:
    """One page of a list, with the attributes the ``pages`` macro reads."""

    def __init__(self, rows: list, number: int, per_page: int = PER_PAGE) -> None:
        self.total = len(rows)
        self.pages = max(1, -(-self.total // per_page))
        self.page = min(max(number, 1), self.pages)
        self.items = rows[(self.page - 1) * per_page : self.page * per_page]
        self.has_prev, self.has_next = self.page > 1, self.page < self.pages
        self.prev_num, self.next_num = self.page - 1, self.page + 1


@bp.route("/coding/")
def show_coding_queue():
    share = _share()
    items = service.load_items(share)
    form = _filter_form(items)
    filters = form.to_filters()
    user = current_user._get_current_object()
    listed = service.queue(items, filters, user)
    return render_template(
        "coding/queue.html",
        form=form,
        filters=filters,
        args=filters.as_args(),
        page=_Page(listed, request.args.get("page", 1, type=int) or 1),
        opinions=service.second_opinions(items, share),
        untagged=sum(1 for item in items if item.machine_themes is None),
        total=len(items),
        status_labels=STATUS_LABELS,
        mode_labels=MODE_LABELS,
    )


@bp.route("/coding/texts/<path:text_id>", methods=["GET", "POST"])
def code_text(text_id: str):
    items = service.load_items(_share())
    item = next((candidate for candidate in items if candidate.id == text_id), None)
    if item is None:
        abort(404)
    filters = _filter_form(items).to_filters()
    mode = filters.mode
    user = current_user._get_current_object()
    args = filters.as_args()
    if mode == "second" and not service.offered_for_second_opinion(item, user):
        flash(str(REFUSALS["not_offered"]), "error")
        return redirect(url_for(".show_coding_queue", **args))
    form = CodingForm()
    refusal = None
    if request.method == "GET":
        coding = item.coding(mode)
        form.themes.data = list(coding.themes) if coding else list(item.machine_themes or [])
    elif form.validate_on_submit():
        themes = [] if form.no_theme.data else form.themes.data
        try:
            service.save_coding(item, user, mode, themes, confirm=bool(form.confirm.data))
            db.session.commit()
        except service.CodingRefused as error:
            db.session.rollback()
            refusal = REFUSALS.get(error.reason, error.reason)
        except IntegrityError:
            db.session.rollback()
            refusal = REFUSALS["concurrent"]
        else:
            flash(_("Saved."), "info")
            _previous, following, _place, _total = service.neighbours(items, item, filters, user)
            if following is not None:
                return redirect(url_for(".code_text", text_id=following.id, **args))
            flash(_("No more texts in this queue."), "info")
            return redirect(url_for(".show_coding_queue", **args))
    previous, following, place, total = service.neighbours(items, item, filters, user)
    return (
        render_template(
            "coding/text.html",
            item=item,
            question=service.question_label(item, current_language()),
            form=form,
            mode=mode,
            coding=item.coding(mode),
            args=args,
            previous=previous,
            following=following,
            place=place,
            total=total,
            refusal=refusal,
            events=service.history(item, mode),
            mode_labels=MODE_LABELS,
        ),
        409 if refusal else 200,
    )

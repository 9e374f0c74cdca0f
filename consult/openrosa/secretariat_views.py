"""The secretariat's pages for ODK Collect: an account's Collect password (on the account
page) and a questionnaire's collection links (on the questionnaire page)."""

from __future__ import annotations

import secrets

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length

from consult.extensions import db
from consult.models import CollectorToken, User
from consult.openrosa import auth, bp, service
from consult.questionnaires import get_questionnaire
from consult.secretariat import bp as secretariat_bp


class CollectionLinkForm(FlaskForm):
    name = StringField(_l("Who or what the link is for"), validators=[Length(max=200)])


@bp.app_context_processor
def _openrosa_helpers():
    return {
        "has_collector_password": auth.has_collector_password,
        "collection_links": service.collector_tokens,
        "collection_link_form": CollectionLinkForm,
        "may_use_collect": lambda user: user.role in auth.OPENROSA_ROLES,
    }


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _server_url() -> str:
    return url_for("openrosa.form_list", _external=True).removesuffix("/formList")


@secretariat_bp.route("/users/<int:user_id>/collect-password", methods=["POST"])
def set_collect_password(user_id: int):
    """A new random ODK Collect password for the account, shown once."""
    user = _user_or_404(user_id)
    if not FlaskForm().validate_on_submit():
        return redirect(url_for("secretariat.edit_user", user_id=user.id))
    if user.role not in auth.OPENROSA_ROLES or not user.active:
        flash(_("Only an active account can send questionnaires from ODK Collect."), "error")
        return redirect(url_for("secretariat.edit_user", user_id=user.id))
    # Four groups of letters: typed on a phone keyboard, strong enough for Digest's MD5.
    password = "-".join(
        "".join(secrets.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(5))
        for _ in range(4)
    )
    auth.set_collector_password(user, password, by=current_user)
    db.session.commit()
    return render_template(
        "openrosa/collect_password.html", user=user, password=password, server=_server_url()
    )


@secretariat_bp.route("/users/<int:user_id>/collect-password/remove", methods=["POST"])
def remove_collect_password(user_id: int):
    user = _user_or_404(user_id)
    if FlaskForm().validate_on_submit() and auth.remove_collector_password(user, by=current_user):
        db.session.commit()
        flash(_("The account can no longer sign in from ODK Collect."), "info")
    return redirect(url_for("secretariat.edit_user", user_id=user.id))


@secretariat_bp.route("/questionnaires/<slug>/collection-links", methods=["POST"])
def create_collection_link(slug: str):
    """A new collection link (/openrosa/t/<token>) for the questionnaire, shown once."""
    questionnaire = get_questionnaire(slug)
    if questionnaire is None:
        abort(404)
    form = CollectionLinkForm()
    if not form.validate_on_submit():
        flash(_("The name is too long (at most 200 characters)."), "error")
        return redirect(url_for("secretariat.show_questionnaire", slug=slug))
    _row, token = service.create_collector_token(questionnaire, form.name.data or "",
                                                 by=current_user)
    db.session.commit()
    server = url_for("openrosa.token_form_list", token=token, _external=True)
    return render_template(
        "openrosa/collection_link.html",
        questionnaire=questionnaire,
        server=server.removesuffix("/formList"),
    )


@secretariat_bp.route(
    "/questionnaires/<slug>/collection-links/<int:link_id>/revoke", methods=["POST"]
)
def revoke_collection_link(slug: str, link_id: int):
    row = db.session.get(CollectorToken, link_id)
    if row is None or row.questionnaire.slug != slug:
        abort(404)
    if FlaskForm().validate_on_submit():
        service.revoke_collector_token(row, by=current_user)
        db.session.commit()
        flash(_("The collection link no longer works."), "info")
    return redirect(url_for("secretariat.show_questionnaire", slug=slug))

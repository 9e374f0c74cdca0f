"""The secretariat's invitation pages: one or many invitations, their links and status,
withdrawal and new links (views on the ``secretariat`` blueprint)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.extensions import db
from consult.inputs import read_upload
from consult.invitations.forms import InvitationCsvForm, InvitationForm
from consult.invitations.service import (
    InvitationError,
    NewInvitation,
    create_invitation,
    find_by_tokens,
    import_invitations_csv,
    invitations_csv,
    is_usable,
    links_csv,
    reissue,
    revoke,
    statuses,
)
from consult.models import (
    Country,
    Invitation,
    Questionnaire,
    StakeholderGroup,
)
from consult.questionnaires.forms import ConfirmForm
from consult.questionnaires.service import max_upload_bytes
from consult.questionnaires.views import questionnaire_or_404
from consult.reference import reference_choices
from consult.secretariat import bp
from consult.security import database_int

INVITATIONS_PER_PAGE = 100



def _invitation_forms() -> tuple[InvitationForm, InvitationCsvForm]:
    single = InvitationForm(prefix="one")
    single.country.choices = reference_choices(Country, "—")
    single.group.choices = reference_choices(StakeholderGroup, "—")
    return single, InvitationCsvForm(prefix="csv")


def _expiry(day: date | None) -> datetime | None:
    """An invitation given an expiry day works until the end of that day (UTC)."""
    if day is None:
        return None
    return datetime.combine(day, time.max, UTC)


def _invitations_page(questionnaire: Questionnaire, single, many, errors=None, status=200):
    page = request.args.get("page", 1, type=database_int)
    pagination = db.paginate(
        db.select(Invitation)
        .where(Invitation.questionnaire_id == questionnaire.id)
        .order_by(Invitation.created_at.desc(), Invitation.id.desc()),
        page=page,
        per_page=INVITATIONS_PER_PAGE,
        error_out=False,
    )
    items = list(pagination.items)
    return (
        render_template(
            "invitations/invitations.html",
            questionnaire=questionnaire,
            pagination=pagination,
            invitations=items,
            statuses=statuses(items),
            usable={inv.id: is_usable(inv) for inv in items},
            single=single,
            many=many,
            errors=errors or [],
            confirm=ConfirmForm(),
            status_names=_invitation_status_names(),
        ),
        status,
    )


def _invitation_status_names() -> dict[str, str]:
    return {
        "not_opened": _("not opened"),
        "opened": _("opened"),
        "started": _("started"),
        "submitted": _("submitted"),
    }


@bp.route("/questionnaires/<slug>/invitations/")
def list_invitations(slug: str):
    questionnaire = questionnaire_or_404(slug)
    return _invitations_page(questionnaire, *_invitation_forms())


def _created_page(questionnaire: Questionnaire, created, title: str):
    base = request.host_url
    return render_template(
        "invitations/created.html",
        questionnaire=questionnaire,
        created=created,
        base=base.rstrip("/"),
        title=title,
        confirm=ConfirmForm(),
    )


@bp.route("/questionnaires/<slug>/invitations/new", methods=["POST"])
def create_invitation_view(slug: str):
    questionnaire = questionnaire_or_404(slug)
    single, many = _invitation_forms()
    if not single.validate_on_submit():
        return _invitations_page(questionnaire, single, many, status=400)
    try:
        created = create_invitation(
            questionnaire,
            name=single.name.data or "",
            email=single.email.data or "",
            country=single.country.data or None,
            group=single.group.data or None,
            language=single.language.data or None,
            expires_at=_expiry(single.expires.data),
            user=current_user._get_current_object(),
            multi_use=bool(single.multi_use.data),
        )
    except InvitationError as error:
        db.session.rollback()
        return _invitations_page(questionnaire, single, many, errors=[(0, str(error))], status=400)
    db.session.commit()
    return _created_page(questionnaire, [created], _("Invitation created"))


@bp.route("/questionnaires/<slug>/invitations/csv", methods=["POST"])
def import_invitations(slug: str):
    questionnaire = questionnaire_or_404(slug)
    single, many = _invitation_forms()
    if not many.validate_on_submit():
        return _invitations_page(questionnaire, single, many, status=400)
    limit = max_upload_bytes()
    data = read_upload(many.file.data, limit)
    if data is None:
        message = _("The file is larger than the limit of %(kb)d KB.", kb=limit // 1024)
        return _invitations_page(questionnaire, single, many, errors=[(0, message)], status=400)
    result = import_invitations_csv(
        questionnaire,
        data,
        expires_at=_expiry(many.expires.data),
        user=current_user._get_current_object(),
        multi_use=bool(many.multi_use.data),
    )
    if result.errors:
        db.session.rollback()
        return _invitations_page(questionnaire, single, many, errors=result.errors, status=400)
    db.session.commit()
    return _created_page(
        questionnaire,
        result.created,
        _("%(n)d invitations created", n=len(result.created)),
    )


@bp.route("/questionnaires/<slug>/invitations/links.csv", methods=["POST"])
def download_invitation_links(slug: str):
    """CSV of the links just shown: the tokens come back from the page, as they are not
    kept; only tokens of this questionnaire's invitations are written."""
    questionnaire = questionnaire_or_404(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    created = find_by_tokens(questionnaire, request.form.getlist("token")[:10000])
    return send_file(
        io.BytesIO(links_csv(created, request.host_url)),
        mimetype="text/csv",
        as_attachment=True,
        download_name=f"{questionnaire.slug}-invitation-links.csv",
    )


@bp.route("/questionnaires/<slug>/invitations.csv")
def download_invitations(slug: str):
    questionnaire = questionnaire_or_404(slug)
    invitations = list(
        db.session.scalars(
            db.select(Invitation)
            .where(Invitation.questionnaire_id == questionnaire.id)
            .order_by(Invitation.created_at, Invitation.id)
        )
    )
    return send_file(
        io.BytesIO(invitations_csv(invitations)),
        mimetype="text/csv",
        as_attachment=True,
        download_name=f"{questionnaire.slug}-invitations.csv",
    )


def _invitation_or_404(questionnaire: Questionnaire, invitation_id: int) -> Invitation:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.questionnaire_id != questionnaire.id:
        abort(404)
    return invitation


@bp.route("/questionnaires/<slug>/invitations/<int:invitation_id>/revoke", methods=["POST"])
def revoke_invitation(slug: str, invitation_id: int):
    questionnaire = questionnaire_or_404(slug)
    invitation = _invitation_or_404(questionnaire, invitation_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    revoke(invitation, user=current_user._get_current_object())
    db.session.commit()
    flash(_("The invitation has been withdrawn; its link no longer works."))
    return redirect(url_for("secretariat.list_invitations", slug=slug))


@bp.route("/questionnaires/<slug>/invitations/<int:invitation_id>/reissue", methods=["POST"])
def reissue_invitation(slug: str, invitation_id: int):
    questionnaire = questionnaire_or_404(slug)
    invitation = _invitation_or_404(questionnaire, invitation_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = reissue(invitation, user=current_user._get_current_object())
    db.session.commit()
    return _created_page(
        questionnaire, [NewInvitation(invitation, token)], _("New link for the invitation")
    )


"""Sign-in, sign-out and passwords (``auth``); the secretariat's account and API token
pages (``secretariat``)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm

from consult import audit
from consult.accounts import service
from consult.accounts.forms import (
    ApiTokenForm,
    ChangePasswordForm,
    ConfirmForm,
    LoginForm,
    SetPasswordForm,
    UserForm,
)
from consult.accounts.tokens import create_token, list_tokens, revoke_token
from consult.auth import bp as auth_bp
from consult.extensions import db
from consult.i18n import current_language
from consult.models import ApiToken, Country, User
from consult.models.accounts import ROLES
from consult.reference import VOCABULARIES
from consult.secretariat import bp as secretariat_bp
from consult.security import client_address

#: How each role and each account event is called on the pages (named once, in
#: consult.reference).
ROLE_NAMES = VOCABULARIES["role"]
EVENT_NAMES = VOCABULARIES["event"]


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def home_for(user) -> str:
    return url_for("secretariat.index") if user.is_admin else url_for("interviews.index")


def _start_session(user: User) -> None:
    """A fresh session for `user`, so a session id planted before sign-in is worthless."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user)


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        outcome = service.authenticate(form.email.data, form.password.data, client_address())
        db.session.commit()
        if outcome.user is None:
            flash(_("E-mail or password is not right, or the account is locked."), "error")
        elif outcome.user.role == "collector":
            # A collector's account is for ODK Collect and KoboCollect only (see /openrosa).
            flash(
                _(
                    "This account sends questionnaires from ODK Collect or KoboCollect; "
                    "it has no pages to sign in to."
                ),
                "error",
            )
        else:
            _start_session(outcome.user)
            return redirect(_safe_next(request.args.get("next")) or home_for(outcome.user))
    return render_template(
        "accounts/login.html",
        form=form,
        max_failures=service.MAX_FAILED_LOGINS,
        lock_minutes=int(service.LOCKOUT.total_seconds() // 60),
    )


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = FlaskForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        # Signing out ends the account's sessions everywhere, including copies of the cookie.
        service.sign_out_everywhere(user)
        audit.record("logout", "user", user.id)
        db.session.commit()
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))


@auth_bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            service.change_password(user, form.current_password.data, form.new_password.data)
        except service.AccountError:
            db.session.rollback()
            form.current_password.errors.append(_("The current password is not right."))
        else:
            db.session.commit()
            # Every other session of the account has ended; this one goes on.
            _start_session(user)
            flash(_("Your password is changed. Other sessions of your account have ended."), "info")
            return redirect(home_for(user))
    return render_template("accounts/change_password.html", form=form)


@auth_bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    reset = service.password_reset_for(token)
    if reset is None:
        return (
            render_template(
                "accounts/reset_unavailable.html",
                hours=int(service.RESET_LINK_LIFETIME.total_seconds() // 3600),
            ),
            404,
        )
    form = SetPasswordForm()
    if form.validate_on_submit():
        service.complete_password_reset(reset, form.new_password.data)
        db.session.commit()
        if current_user.is_authenticated:
            logout_user()
        flash(_("Your password is set. Please sign in with it."), "info")
        return redirect(url_for("auth.login"))
    return render_template("accounts/reset_password.html", form=form, email=reset.user.email)


# The secretariat's account pages. -------------------------------------------------------


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _fill_choices(form: UserForm) -> None:
    form.role.choices = [(role, str(ROLE_NAMES.get(role, role))) for role in ROLES]
    lang = current_language()
    countries = db.session.scalars(db.select(Country)).all()
    form.countries.choices = sorted(
        ((country.code, country.name(lang)) for country in countries), key=lambda pair: pair[1]
    )


def _show_account_error(form: UserForm, error: service.AccountError) -> None:
    messages = {
        "email": _("This e-mail address cannot be used, or an account has it already."),
        "country": _("Choose at least one country for this role."),
        "role": _("The last active administrator must stay an administrator."),
        "name": _("The name is too long."),
    }
    field = getattr(form, error.field if error.field != "country" else "countries", None)
    message = messages.get(error.field, _("This change is not possible."))
    if field is not None:
        field.errors = [*field.errors, message]
    else:
        flash(message, "error")


@secretariat_bp.route("/users")
def list_users():
    users = db.session.scalars(db.select(User).order_by(User.active.desc(), User.email)).all()
    locked = {user.id for user in users if service.locks(user)}
    return render_template(
        "accounts/users.html", users=users, locked=locked, role_names=ROLE_NAMES
    )


@secretariat_bp.route("/users/new", methods=["GET", "POST"])
def new_user():
    form = UserForm()
    _fill_choices(form)
    if form.validate_on_submit():
        try:
            user = service.create_user(
                form.email.data or "",
                None,
                form.role.data,
                form.countries.data,
                name=form.name.data or "",
            )
            token = service.start_password_reset(user, by=current_user)
        except service.AccountError as error:
            db.session.rollback()
            _show_account_error(form, error)
        else:
            db.session.commit()
            return _show_reset_link(user, token)
    return render_template("accounts/user_new.html", form=form)


def _show_reset_link(user: User, token: str):
    return render_template(
        "accounts/reset_link.html",
        user=user,
        link=url_for("auth.reset_password", token=token, _external=True),
        hours=int(service.RESET_LINK_LIFETIME.total_seconds() // 3600),
    )


@secretariat_bp.route("/users/<int:user_id>", methods=["GET", "POST"])
def edit_user(user_id: int):
    user = _user_or_404(user_id)
    form = UserForm(obj=None if request.method == "POST" else user)
    _fill_choices(form)
    if request.method == "GET":
        form.countries.data = sorted(user.country_codes)
    if form.validate_on_submit():
        try:
            changed = service.update_user(
                user,
                by=current_user,
                name=form.name.data or "",
                role=form.role.data,
                countries=form.countries.data,
            )
        except service.AccountError as error:
            db.session.rollback()
            _show_account_error(form, error)
        else:
            db.session.commit()
            flash(_("Saved.") if changed else _("Nothing changed."), "info")
            return redirect(url_for("secretariat.edit_user", user_id=user.id))
    return render_template(
        "accounts/user_edit.html",
        user=user,
        form=form,
        confirm=FlaskForm(),
        locks=service.locks(user),
        history=audit.history("user", user.id)[:20],
        role_names=ROLE_NAMES,
        event_names=EVENT_NAMES,
    )


def _confirmed() -> bool:
    return FlaskForm().validate_on_submit()


@secretariat_bp.route("/users/<int:user_id>/active", methods=["POST"])
def set_user_active(user_id: int):
    user = _user_or_404(user_id)
    if _confirmed():
        active = request.form.get("active") == "1"
        try:
            service.set_active(user, active, by=current_user)
        except service.AccountError:
            db.session.rollback()
            flash(
                _("You cannot deactivate your own account or the last active administrator."),
                "error",
            )
        else:
            db.session.commit()
            if active:
                flash(_("The account is active again."), "info")
            else:
                flash(_("The account is deactivated."), "info")
    return redirect(url_for("secretariat.edit_user", user_id=user.id))


@secretariat_bp.route("/users/<int:user_id>/unlock", methods=["POST"])
def unlock_user(user_id: int):
    user = _user_or_404(user_id)
    if _confirmed():
        service.unlock(user, by=current_user)
        db.session.commit()
        flash(_("Sign-in is open again for this account from every address."), "info")
    return redirect(url_for("secretariat.edit_user", user_id=user.id))


@secretariat_bp.route("/users/<int:user_id>/reset", methods=["POST"])
def reset_user_password(user_id: int):
    user = _user_or_404(user_id)
    if not _confirmed():
        return redirect(url_for("secretariat.edit_user", user_id=user.id))
    if not user.active:
        flash(_("Reactivate the account before sending it a password link."), "error")
        return redirect(url_for("secretariat.edit_user", user_id=user.id))
    token = service.start_password_reset(user, by=current_user)
    db.session.commit()
    return _show_reset_link(user, token)


# API tokens of the read-only JSON API. -------------------------------------------------


@secretariat_bp.route("/api-tokens/", methods=["GET", "POST"])
def api_tokens():
    form = ApiTokenForm()
    secret = None
    if form.validate_on_submit():
        _token, secret = create_token(current_user._get_current_object(), form.name.data or "")
        db.session.commit()
        form = ApiTokenForm(formdata=None)
    return render_template(
        "accounts/api_tokens.html",
        form=form,
        secret=secret,
        tokens=list_tokens(),
        confirm=ConfirmForm(),
        api_url=url_for("api.index", _external=True),
    )


@secretariat_bp.route("/api-tokens/<int:token_id>/revoke", methods=["POST"])
def revoke_api_token(token_id: int):
    token = db.session.get(ApiToken, token_id)
    if token is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    revoke_token(token, by=current_user._get_current_object())
    db.session.commit()
    flash(_("The token has been revoked."))
    return redirect(url_for("secretariat.api_tokens"))

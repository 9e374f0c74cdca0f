from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm

from consult import audit
from consult.accounts import authenticate
from consult.auth import bp
from consult.auth.forms import LoginForm
from consult.extensions import db


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def home_for(user) -> str:
    return url_for("secretariat.index") if user.is_admin else url_for("interviews.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        db.session.commit()
        if user is None:
            flash(_("E-mail or password is not right, or the account is locked."), "error")
        else:
            lang = session.get("lang")
            # A fresh session at login, so a session id planted before login is worthless.
            session.clear()
            if lang:
                session["lang"] = lang
            login_user(user)
            return redirect(_safe_next(request.args.get("next")) or home_for(user))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = FlaskForm()
    if form.validate_on_submit():
        audit.record("logout", "user", current_user.id)
        db.session.commit()
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))

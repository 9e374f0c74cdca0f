"""Forms of sign-in, passwords and the secretariat's account and API token pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from consult.accounts.service import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from consult.security import ConfirmForm

__all__ = [
    "ApiTokenForm",
    "ChangePasswordForm",
    "ConfirmForm",
    "LoginForm",
    "SetPasswordForm",
    "UserForm",
]


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(
        _l("Password"), validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)]
    )


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    return (
        PasswordField(
            _l("New password"),
            validators=[
                DataRequired(),
                Length(
                    min=MIN_PASSWORD_LENGTH,
                    max=MAX_PASSWORD_LENGTH,
                    message=_l(
                        "Between %(min)d and %(max)d characters.",
                        min=MIN_PASSWORD_LENGTH,
                        max=MAX_PASSWORD_LENGTH,
                    ),
                ),
            ],
        ),
        PasswordField(
            _l("New password again"),
            validators=[
                DataRequired(),
                EqualTo("new_password", message=_l("The two passwords are not the same.")),
            ],
        ),
    )


class SetPasswordForm(FlaskForm):
    """A new password, typed twice (password-reset link)."""

    new_password, repeat_password = _new_password_fields()


class ChangePasswordForm(FlaskForm):
    """The signed-in user's own password change."""

    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)]
    )
    new_password, repeat_password = _new_password_fields()


class UserForm(FlaskForm):
    """An account's name, role and countries (the e-mail only when it is created)."""

    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=254)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), choices=[], validate_choice=True)
    countries = SelectMultipleField(
        _l("Countries (facilitators see only these)"), choices=[], validate_choice=True
    )


class ApiTokenForm(FlaskForm):
    name = StringField(_l("What the token is for"), validators=[Optional(), Length(max=200)])

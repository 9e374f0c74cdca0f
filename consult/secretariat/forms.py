"""Forms of the secretariat's questionnaire, invitation, response and API token pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, EmailField, SelectField, StringField
from wtforms.validators import Length, Optional, Regexp

from consult.models.base import LANGUAGE_TAG_LENGTH

#: A language code as forms name their languages: ``ru``, ``zh-hans``, ``uz-cyrl-uz``.
LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"


class UploadForm(FlaskForm):
    """An XLSForm workbook: a new questionnaire, or a new version of one."""

    file = FileField(_l("XLSForm workbook (.xlsx)"), validators=[FileRequired()])
    slug = StringField(
        _l("Link name for a new questionnaire (optional)"),
        validators=[
            Optional(),
            Length(max=120),
            Regexp(
                r"^[a-z0-9][a-z0-9-]*$",
                message=_l("Only lower-case letters, digits and hyphens."),
            ),
        ],
    )


class PublicForm(FlaskForm):
    """Open or close the public link; the submit button says which."""

    public = BooleanField(_l("Anyone with the link may answer"))


class InvitationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=254)])
    country = SelectField(_l("Country"), choices=[], validate_choice=True)
    group = SelectField(_l("Stakeholder group"), choices=[], validate_choice=True)
    language = StringField(
        _l("Language code (e.g. ru)"),
        validators=[
            Optional(),
            Length(max=LANGUAGE_TAG_LENGTH),
            Regexp(LANGUAGE_CODE, message=_l("A language code such as ru or zh-Hans.")),
        ],
    )
    expires = DateField(_l("Expires after (optional)"), validators=[Optional()])
    multi_use = BooleanField(_l("Several people may answer with this link"))


class InvitationCsvForm(FlaskForm):
    file = FileField(
        _l("CSV file (columns name, email, country, group, language)"), validators=[FileRequired()]
    )
    expires = DateField(_l("Expires after (optional)"), validators=[Optional()])
    multi_use = BooleanField(_l("Several people may answer with each link"))


class ResponsesImportForm(FlaskForm):
    file = FileField(
        _l("KoboToolbox or ODK Central export (.csv or .xlsx)"), validators=[FileRequired()]
    )
    version = SelectField(_l("Questionnaire version"), choices=[], validate_choice=True)


class ApiTokenForm(FlaskForm):
    name = StringField(_l("What the token is for"), validators=[Optional(), Length(max=200)])


class ConfirmForm(FlaskForm):
    """A button that changes something (revoke, reissue): CSRF only."""


class ResponseFilterForm(FlaskForm):
    """The filters of the responses list, read from the query string (no CSRF: GET)."""

    class Meta:
        csrf = False

    questionnaire = SelectField(_l("Questionnaire"), choices=[], validate_choice=False)
    version = SelectField(_l("Version"), choices=[], validate_choice=False)
    country = SelectField(_l("Country"), choices=[], validate_choice=False)
    group = SelectField(_l("Stakeholder group"), choices=[], validate_choice=False)
    language = StringField(
        _l("Language"), validators=[Optional(), Length(max=LANGUAGE_TAG_LENGTH)]
    )
    status = SelectField(_l("Status"), choices=[], validate_choice=False)
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])

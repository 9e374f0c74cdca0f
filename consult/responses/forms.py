"""Forms of the response pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional

from consult.models.base import LANGUAGE_TAG_LENGTH


class ResponsesImportForm(FlaskForm):
    file = FileField(
        _l("KoboToolbox, ODK Central, KoboCAT/Ona or consult export (.csv, .xlsx or .csv.zip)"),
        validators=[FileRequired()],
    )
    version = SelectField(_l("Questionnaire version"), choices=[], validate_choice=True)


class ResponseFilterForm(FlaskForm):
    """The filters of the responses list, read from the query string (no CSRF: GET)."""

    class Meta:
        csrf = False

    reference = StringField(
        _l("Reference number (or its beginning)"), validators=[Optional(), Length(max=200)]
    )
    text = StringField(_l("Words in the answers"), validators=[Optional(), Length(max=200)])
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

"""Forms of the invitation pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, EmailField, SelectField, StringField
from wtforms.validators import Length, Optional, Regexp

from consult.models.base import LANGUAGE_TAG_LENGTH
from reference import LANGUAGE_TAG as LANGUAGE_CODE


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

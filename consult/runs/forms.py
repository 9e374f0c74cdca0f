from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, SelectMultipleField
from wtforms.validators import NumberRange, Optional


class AnalysisRunForm(FlaskForm):
    questionnaire = SelectField(_l("Questionnaire"), choices=[], validate_choice=True)
    countries = SelectMultipleField(_l("Countries (none selected = all)"), choices=[])
    species = SelectMultipleField(_l("Species (none selected = all)"), choices=[])
    groups = SelectMultipleField(_l("Stakeholder groups (none selected = all)"), choices=[])
    seed = IntegerField(_l("Random seed"), default=0, validators=[NumberRange(0, 2**31 - 1)])
    k = IntegerField(
        _l("Number of text clusters (empty = chosen by silhouette)"),
        validators=[Optional(), NumberRange(2, 40)],
    )
    min_n = IntegerField(
        _l("Minimum respondents before a score is trusted (empty = configured)"),
        validators=[Optional(), NumberRange(1, 1000)],
    )
    include_interviews = BooleanField(_l("Include interview notes"), default=True)

"""The map page's filters, read from the query string (no CSRF: GET)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField


class MapFilterForm(FlaskForm):
    class Meta:
        csrf = False

    country = SelectField(_l("Country"), choices=[], validate_choice=False)
    species = SelectField(_l("Species"), choices=[], validate_choice=False)
    threat = SelectField(_l("Threat"), choices=[], validate_choice=False)

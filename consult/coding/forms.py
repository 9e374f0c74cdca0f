"""Forms of the coding pages; they work without JavaScript (the keys are a shortcut)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

import reference as facts
from consult.coding.service import MODES, STATUSES, Filters
from consult.i18n import current_language

STATUS_LABELS = {
    "todo": _l("To code"),
    "coded": _l("Coded"),
    "all": _l("All"),
}
MODE_LABELS = {
    "first": _l("Coding"),
    "second": _l("Second opinion"),
}


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the options WTForms expects."""
    return [SelectChoice(value, label) for value, label in pairs]


def theme_choices() -> list[tuple[str, str]]:
    """The themes in the reference data's order, named in the reader's language."""
    lang = current_language()
    return [(code, facts.name("theme", code, lang)) for code in facts.theme_codes()]


class ThemeCheckboxes(SelectMultipleField):
    widget = ListWidget(html_tag="ol", prefix_label=False)
    option_widget = CheckboxInput()


class CodingForm(FlaskForm):
    """One coder's decision on one text: confirm the machine's themes, tick the themes, or
    no theme. Save comes first, so Enter in the form saves the ticked themes."""

    themes = ThemeCheckboxes(_l("Themes"), choices=[])
    save = SubmitField(_l("Save and next"))
    confirm = SubmitField(_l("Confirm the machine's themes"))
    no_theme = SubmitField(_l("No theme"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.themes.choices = choices(theme_choices())

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        deciding = self.confirm.data or self.no_theme.data
        if not deciding and not self.themes.data:
            self.themes.errors.append(_l("Tick at least one theme, or choose “No theme”."))
            return False
        return True


class FilterForm(FlaskForm):
    """The queue's filters, read from the query string."""

    class Meta:
        csrf = False

    country = SelectField(_l("Country"), choices=[], default="")
    language = SelectField(_l("Language"), choices=[], default="")
    theme = SelectField(_l("Theme"), choices=[], default="")
    status = SelectField(
        _l("Texts"),
        choices=choices((code, STATUS_LABELS[code]) for code in STATUSES),
        default="todo",
    )
    mode = SelectField(
        _l("Decision"),
        choices=choices((code, MODE_LABELS[code]) for code in MODES),
        default="first",
    )

    def __init__(self, *args, countries, languages, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = choices([("", _l("All countries")), *countries])
        self.language.choices = choices([("", _l("All languages")), *languages])
        self.theme.choices = choices([("", _l("All themes")), *theme_choices()])

    def to_filters(self) -> Filters:
        """Valid filters only: a value that fails validation filters nothing."""
        self.validate()

        def ok(field, default=""):
            return field.data if not field.errors and field.data else default

        return Filters(
            country=ok(self.country),
            language=ok(self.language),
            theme=ok(self.theme),
            status=ok(self.status, "todo"),
            mode=ok(self.mode, "first"),
        )

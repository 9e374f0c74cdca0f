"""Forms of the questionnaire pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, MultipleFileField
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from consult.security import ConfirmForm

__all__ = ["ConfirmForm", "PublicForm", "PublishForm", "UploadForm"]


class UploadForm(FlaskForm):
    """An XLSForm workbook: a new questionnaire, or a new version of one."""

    file = FileField(_l("XLSForm workbook (.xlsx)"), validators=[FileRequired()])
    attachments = MultipleFileField(_l("Attached files (optional)"))
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


class PublishForm(FlaskForm):
    """Publish a draft version: the box must be ticked, so one click cannot do it."""

    confirm = BooleanField(
        _l("I have looked at the preview; respondents may answer this version from now on"),
        validators=[DataRequired(message=_l("Tick the box to confirm the publication."))],
    )

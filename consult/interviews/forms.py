"""Forms of the interviews pages; they work without JavaScript.

Participants and notes are FieldLists of sub-forms: the page offers a few empty participant
rows and one note per threat theme plus a general note, and an "add" button that sends the
form back to be shown with one more row. The strategy-rating grid (one row per action of the
catalogue) is always on the form, folded away unless the record is a national consultation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from consult.extensions import db
from consult.i18n import current_language
from consult.interviews.service import (
    GENDERS,
    LEVELS,
    SEVERITIES,
    Filters,
    InterviewData,
    NoteData,
    ParticipantData,
    Problem,
    StrategyRatingData,
    facilitator_choices,
)
from consult.models import Country, Species, StakeholderGroup, StrategyRating, Threat, User
from consult.models.interviews import (
    AGREEMENTS,
    CONSENT,
    COSTS,
    FORMATS,
    NATIONAL_CONSULTATION,
    STATUSES,
)
from consult.reference import ACTION_CODES, THEMES, action_title, languages

PARTICIPANT_ROWS = 3
#: The select value for a threat tagged without a severity.
UNRATED = "unrated"


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the options WTForms expects."""
    return [SelectChoice(value, label) for value, label in pairs]


def options(pairs_of: Callable[[], Iterable[tuple]], blank: str | None = None) -> Callable:
    """A WTForms choices callable: `pairs_of()` is read when the form is built (so labels
    follow the request's language), with an empty "any" option first when `blank` is given."""

    def build() -> list[SelectChoice]:
        pairs = list(pairs_of())
        return choices([("", blank), *pairs] if blank is not None else pairs)

    return build


def _reference(model) -> list[tuple[str, str]]:
    lang = current_language()
    rows = db.session.scalars(db.select(model)).all()
    return [(row.code, row.name(lang)) for row in rows]


def country_choices() -> list[tuple[str, str]]:
    choices = sorted(_reference(Country), key=lambda item: item[1])
    if current_user.is_authenticated and not current_user.is_admin:
        choices = [c for c in choices if c[0] in current_user.country_codes]
    return choices


def theme_choices() -> list[tuple[str, str]]:
    return _reference(Threat)


def format_choices() -> list[tuple[str, str]]:
    labels = {
        "individual": _l("Individual interview"),
        "group": _l("Group interview"),
        "meeting": _l("Consultation meeting or workshop"),
        "national_consultation": _l("National consultation (rates the actions)"),
    }
    return [(code, labels[code]) for code in FORMATS]


def consent_choices() -> list[tuple[str, str]]:
    labels = {
        "written": _l("Written consent"),
        "oral": _l("Oral consent, noted by the facilitator"),
        "recorded": _l("Consent recorded (audio or video)"),
        "none": _l("No consent to record names"),
    }
    return [(code, labels[code]) for code in CONSENT]


def status_choices() -> list[tuple[str, str]]:
    labels = {"draft": _l("Draft"), "complete": _l("Complete")}
    return [(code, labels[code]) for code in STATUSES]


def severity_choices() -> list[tuple[str, str]]:
    labels = {
        "low": _l("Low"),
        "medium": _l("Medium"),
        "high": _l("High"),
        "very_high": _l("Very high"),
    }
    return [
        ("", _l("Not discussed")),
        (UNRATED, _l("Discussed, severity not given")),
        *[(code, labels[code]) for code in SEVERITIES],
    ]


#: Labels of the strategy rating's scales (Conservation Standards): potential impact and
#: feasibility on four levels, the rating (min of the two), cost and the participants'
#: agreement. Also used by the record page.
LEVEL_LABELS = {1: _l("Low"), 2: _l("Medium"), 3: _l("High"), 4: _l("Very high")}
STRATEGY_LABELS = {
    1: _l("Not effective"),
    2: _l("Less effective"),
    3: _l("Effective"),
    4: _l("Very effective"),
}
COST_LABELS = {"low": _l("Low cost"), "medium": _l("Medium cost"), "high": _l("High cost")}
AGREEMENT_LABELS = {
    "full": _l("Full agreement"),
    "majority": _l("Majority"),
    "split": _l("Split"),
}


def level_choices() -> list[tuple[str, str]]:
    return [("", _l("Not rated")), *[(str(level), LEVEL_LABELS[level]) for level in LEVELS]]


def cost_choices() -> list[tuple[str, str]]:
    return [("", "—"), *[(code, COST_LABELS[code]) for code in COSTS]]


def agreement_choices() -> list[tuple[str, str]]:
    return [("", "—"), *[(code, AGREEMENT_LABELS[code]) for code in AGREEMENTS]]


def language_choices() -> list[tuple[str, str]]:
    return [(item["code"], f"{item['native']} ({item['code']})") for item in languages()]


def group_choices() -> list[tuple[str, str]]:
    return [("", "—"), *_reference(StakeholderGroup)]


def gender_choices() -> list[tuple[str, str]]:
    labels = {"female": _l("Female"), "male": _l("Male"), "other": _l("Other")}
    return [("", _l("Not stated")), *[(code, labels[code]) for code in GENDERS]]


def note_theme_choices() -> list[tuple[str, str]]:
    return [("", _l("General")), *theme_choices()]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ParticipantForm(Form):
    name = StringField(_l("Name (optional)"), [Optional(), Length(max=200)])
    organisation = StringField(_l("Organisation"), [Optional(), Length(max=200)])
    group = SelectField(_l("Stakeholder group"), choices=options(group_choices))
    role = StringField(_l("Role"), [Optional(), Length(max=200)])
    gender = SelectField(_l("Gender (optional)"), choices=options(gender_choices))


class NoteForm(Form):
    theme = SelectField(_l("Theme"), choices=options(note_theme_choices))
    text = TextAreaField(_l("Note in the language of the interview"), [Length(max=50000)])
    translation_en = TextAreaField(_l("English translation (optional)"), [Length(max=50000)])


class ThreatsForm(Form):
    """One severity select per threat theme; the fields are added below from the codes."""


for _theme in THEMES:
    setattr(ThreatsForm, _theme, SelectField(_theme, choices=options(severity_choices), default=""))


class StrategyRatingForm(Form):
    """One action's rating by a national consultation; all blank: not rated."""

    impact = SelectField(_l("Potential impact"), choices=options(level_choices), default="")
    feasibility = SelectField(_l("Feasibility"), choices=options(level_choices), default="")
    cost = SelectField(_l("Cost"), choices=options(cost_choices), default="")
    agreement = SelectField(_l("Agreement"), choices=options(agreement_choices), default="")
    note = StringField(
        _l("Note (optional)"), [Optional(), Length(max=StrategyRating.__table__.c.note.type.length)]
    )

    def to_data(self) -> StrategyRatingData:
        return StrategyRatingData(
            impact=int(self.impact.data) if self.impact.data else None,
            feasibility=int(self.feasibility.data) if self.feasibility.data else None,
            cost=self.cost.data or None,
            agreement=self.agreement.data or None,
            note=(self.note.data or "").strip(),
        )


class StrategyRatingsForm(Form):
    """One rating row per action of the catalogue; the fields are added below from the
    codes."""


for _action in ACTION_CODES:
    setattr(StrategyRatingsForm, _action, FormField(StrategyRatingForm, _action))


class InterviewForm(FlaskForm):
    row_version = HiddenField()
    date = DateField(_l("Date"), [InputRequired()])
    country = SelectField(_l("Country"), choices=options(country_choices))
    settlement = StringField(_l("Settlement"), [Optional(), Length(max=200)])
    province = StringField(_l("Province or region"), [Optional(), Length(max=200)])
    format = SelectField(_l("Format"), choices=options(format_choices))
    language = SelectField(_l("Language of the interview"), choices=options(language_choices))
    consent = SelectField(_l("How consent was obtained"), choices=options(consent_choices))
    status = SelectField(_l("Status"), choices=options(status_choices), default="draft")
    facilitators = MultiCheckboxField(_l("Facilitators"), coerce=int)
    species = MultiCheckboxField(_l("Species discussed"))
    participants = FieldList(FormField(ParticipantForm), min_entries=PARTICIPANT_ROWS)
    notes = FieldList(FormField(NoteForm))
    threats = FormField(ThreatsForm, label=_l("Threats discussed and perceived severity"))
    key_quotes = TextAreaField(_l("Key quotes"), [Length(max=20000)])
    follow_up = TextAreaField(_l("Agreed follow-up actions"), [Length(max=20000)])
    agenda = TextAreaField(_l("Agenda (meetings)"), [Length(max=20000)])
    recommendations = TextAreaField(_l("Recommendations (meetings)"), [Length(max=20000)])
    strategy_ratings = FormField(StrategyRatingsForm, label=_l("Strategy ratings"))
    add_participant = SubmitField(_l("Add a participant row"))
    add_note = SubmitField(_l("Add a note"))
    save = SubmitField(_l("Save"))

    def __init__(self, *args, user, current: InterviewData | None = None, **kwargs) -> None:
        """`current` is the stored record being edited: the form then also offers its
        values that the lists would not (an imported language code, a facilitator who is
        an administrator or no longer active), so saving keeps them instead of silently
        replacing them with whatever the lists offer."""
        super().__init__(*args, **kwargs)
        people = facilitator_choices(user)
        if current is not None:
            shown = {person.id for person in people}
            hidden = [i for i in current.facilitator_ids if i not in shown]
            if hidden:
                people += db.session.scalars(db.select(User).where(User.id.in_(hidden))).all()
            codes = [code for code, _label in language_choices()]
            if current.language and current.language not in codes:
                self.language.choices = choices(
                    [*language_choices(), (current.language, current.language)]
                )
        self.facilitators.choices = choices(
            (person.id, person.name or person.email) for person in people
        )
        self.species.choices = choices(_reference(Species))
        lang = current_language()
        names = {row.code: row.name(lang) for row in db.session.scalars(db.select(Threat))}
        for sub in self.threats:
            sub.label.text = names.get(sub.short_name, sub.short_name)
        for sub in self.strategy_ratings:
            sub.label.text = action_title(sub.short_name, lang)

    def shows_strategy_ratings(self) -> bool:
        """Whether the page shows the grid unfolded: for a national consultation, and
        whenever a rating is filled in or has an error."""
        return (
            self.format.data == NATIONAL_CONSULTATION
            or any(field.data for row in self.strategy_ratings for field in row.form)
            or bool(self.strategy_ratings.errors)
        )

    def offer_empty_rows(self) -> None:
        """Pad the lists to the rows a blank form offers: participants, and one note per
        theme that has none yet, plus a general note."""
        while len(self.participants) < PARTICIPANT_ROWS:
            self.participants.append_entry()
        present = {entry.form.theme.data or "" for entry in self.notes}
        for code, _label in note_theme_choices():
            if code not in present:
                self.notes.append_entry({"theme": code, "text": "", "translation_en": ""})

    def fill(self, data: InterviewData, row_version: int | None) -> None:
        """Show `data` in the form (for editing)."""
        self.row_version.data = "" if row_version is None else str(row_version)
        for name in (
            "date",
            "country",
            "settlement",
            "province",
            "format",
            "language",
            "consent",
            "status",
            "key_quotes",
            "follow_up",
            "agenda",
            "recommendations",
        ):
            getattr(self, name).data = getattr(data, name)
        self.facilitators.data = list(data.facilitator_ids)
        self.species.data = list(data.species)
        while len(self.participants):
            self.participants.pop_entry()
        for person in data.participants:
            self.participants.append_entry(
                {
                    "name": person.name,
                    "organisation": person.organisation,
                    "group": person.group or "",
                    "role": person.role,
                    "gender": person.gender,
                }
            )
        while len(self.notes):
            self.notes.pop_entry()
        for note in data.notes:
            self.notes.append_entry(
                {
                    "theme": note.theme or "",
                    "text": note.text,
                    "translation_en": note.translation_en,
                }
            )
        for sub in self.threats:
            code = sub.short_name
            if code in data.threats:
                sub.data = data.threats[code] or UNRATED
            else:
                sub.data = ""
        for sub in self.strategy_ratings:
            rating = data.strategy_ratings.get(sub.short_name) or StrategyRatingData()
            sub.form.impact.data = str(rating.impact or "")
            sub.form.feasibility.data = str(rating.feasibility or "")
            sub.form.cost.data = rating.cost or ""
            sub.form.agreement.data = rating.agreement or ""
            sub.form.note.data = rating.note
        self.offer_empty_rows()

    def to_data(self) -> tuple[InterviewData, list[int], list[int]]:
        """The posted values as InterviewData, with the form rows each participant and each
        note came from (empty rows are left out)."""
        participants, participant_rows = [], []
        for index, entry in enumerate(self.participants):
            sub = entry.form
            person = ParticipantData(
                name=(sub.name.data or "").strip(),
                organisation=(sub.organisation.data or "").strip(),
                group=sub.group.data or None,
                role=(sub.role.data or "").strip(),
                gender=sub.gender.data or "",
            )
            if not person.is_empty():
                participants.append(person)
                participant_rows.append(index)
        notes, note_rows = [], []
        for index, entry in enumerate(self.notes):
            sub = entry.form
            note = NoteData(
                theme=sub.theme.data or None,
                text=(sub.text.data or "").strip(),
                translation_en=(sub.translation_en.data or "").strip(),
            )
            if note.text or note.translation_en:
                notes.append(note)
                note_rows.append(index)
        threats = {
            sub.short_name: (None if sub.data == UNRATED else sub.data)
            for sub in self.threats
            if sub.data
        }
        data = InterviewData(
            country=self.country.data or "",
            date=self.date.data,
            format=self.format.data or "",
            language=self.language.data or "",
            consent=self.consent.data or "",
            settlement=self.settlement.data or "",
            province=self.province.data or "",
            status=self.status.data or "draft",
            facilitator_ids=list(self.facilitators.data or []),
            participants=participants,
            species=list(self.species.data or []),
            notes=notes,
            threats=threats,
            key_quotes=self.key_quotes.data or "",
            follow_up=self.follow_up.data or "",
            agenda=self.agenda.data or "",
            recommendations=self.recommendations.data or "",
            strategy_ratings={
                sub.short_name: rating
                for sub in self.strategy_ratings
                if not (rating := sub.form.to_data()).is_empty()
            },
        )
        return data, participant_rows, note_rows

    def show_problems(
        self, problems: list[Problem], participant_rows: list[int], note_rows: list[int]
    ) -> None:
        """Attach service-level problems to the fields they are about."""
        for problem in problems:
            name, _, sub = problem.field.partition(".")
            if name == "participants" and problem.item is not None:
                target = getattr(self.participants[participant_rows[problem.item]].form, sub)
            elif name == "notes" and problem.item is not None:
                target = getattr(self.notes[note_rows[problem.item]].form, sub)
            elif name == "threats" and sub:
                target = self.threats[sub]
            elif name == "strategy_ratings" and sub:
                action, _, part = sub.partition(".")
                row = self.strategy_ratings[action] if action in ACTION_CODES else None
                target = row[part] if row is not None and part else self.save
            else:
                target = getattr(self, name, None)
                if target is None or isinstance(target, FormField):
                    target = self.save
            target.errors = [*target.errors, problem.message]

    def wants_more_rows(self) -> bool:
        return bool(self.add_participant.data or self.add_note.data)


class FilterForm(FlaskForm):
    """The list's filters, read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Search the notes"), [Optional(), Length(max=200)])
    country = SelectField(_l("Country"), choices=options(country_choices, blank="—"), default="")
    date_from = DateField(_l("From"), [Optional()])
    date_to = DateField(_l("To"), [Optional()])
    format = SelectField(_l("Format"), choices=options(format_choices, blank="—"), default="")
    group = SelectField(_l("Stakeholder group"), choices=options(group_choices), default="")
    threat = SelectField(_l("Threat"), choices=options(theme_choices, blank="—"), default="")
    species = SelectField(
        _l("Species"), choices=options(lambda: _reference(Species), blank="—"), default=""
    )
    facilitator = SelectField(_l("Facilitator"), choices=[], default="")
    status = SelectField(_l("Status"), choices=options(status_choices, blank="—"), default="")

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.facilitator.choices = choices(
            [("", "—")] + [(str(p.id), p.name or p.email) for p in facilitator_choices(user)]
        )

    def to_filters(self) -> Filters:
        """Valid filters only: a value that fails validation filters nothing."""
        self.validate()

        def ok(field, value):
            return value if not field.errors else None

        facilitator = ok(self.facilitator, self.facilitator.data)
        return Filters(
            # Taken as asked even when it is not one of the user's countries: the query is
            # scoped anyway, so another country's filter finds nothing rather than everything.
            country=(self.country.data or "").strip().upper()[:2],
            date_from=ok(self.date_from, self.date_from.data),
            date_to=ok(self.date_to, self.date_to.data),
            format=ok(self.format, self.format.data) or "",
            group=ok(self.group, self.group.data) or "",
            threat=ok(self.threat, self.threat.data) or "",
            species=ok(self.species, self.species.data) or "",
            facilitator=int(facilitator) if facilitator else None,
            status=ok(self.status, self.status.data) or "",
            q=(self.q.data or "").strip()[:200],
        )


class ImportForm(FlaskForm):
    file = FileField(_l("Filled-in template (.xlsx)"), [FileRequired(_l("Choose a file."))])
    all_or_nothing = BooleanField(_l("Import nothing if any row has an error"))
    overwrite = BooleanField(_l("Overwrite conflicts"))


class ExportForm(FlaskForm):
    format = SelectField(
        _l("File"),
        choices=options(
            lambda: [
                ("xlsx", _l("Excel workbook (interviews, participants, notes, strategy ratings)")),
                ("interviews.csv", _l("CSV: interviews")),
                ("participants.csv", _l("CSV: participants")),
                ("notes.csv", _l("CSV: notes")),
                ("strategy_ratings.csv", _l("CSV: strategy ratings")),
            ]
        ),
    )
    include_names = BooleanField(_l("Include participants' names (recorded in the audit log)"))
    labels = BooleanField(
        _l("Names in my language instead of codes (to read; a file to import again needs codes)")
    )

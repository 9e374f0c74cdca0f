"""The questionnaire model: a parsed XLSForm as plain dataclasses.

A :class:`Form` is what :func:`surveys.xlsform.load_form` returns. It keeps two views of
the same questionnaire:

* the structure the engine works with: sections (one page each), questions by name,
  choice lists and translations keyed by language code (``en``, ``ru``, ...);
* the original sheet rows (``sheets``), so that exporting the form writes back exactly the
  workbook that was imported, including columns the engine does not use.

``Form.to_dict()`` gives a JSON-serialisable dict for storing in a database and
``Form.from_dict()`` restores an equal ``Form``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

#: Bumped when the shape of ``Form.to_dict()`` changes incompatibly.
FORMAT_VERSION = 1

#: Question types a respondent answers in the web questionnaire.
ANSWER_TYPES = frozenset(
    {
        "text",
        "integer",
        "decimal",
        "date",
        "time",
        "datetime",
        "select_one",
        "select_multiple",
        "rank",
        "acknowledge",
        "range",
        "barcode",
        "phone",
        "geopoint",
        "geotrace",
        "geoshape",
        "image",
        "audio",
        "video",
        "file",
    }
)
#: Location types: ODK's text values, "lat lon alt acc" points joined with ";".
GEO_TYPES = frozenset({"geopoint", "geotrace", "geoshape"})
#: Types whose answer is a file; the value is the file's name.
MEDIA_TYPES = frozenset({"image", "audio", "video", "file"})
#: Types that carry choices from the choices sheet.
SELECT_TYPES = frozenset({"select_one", "select_multiple", "rank"})
#: Types whose value is a space-separated list of choice codes.
MULTI_CODE_TYPES = frozenset({"select_multiple", "rank"})
#: Types filled in by the device or the server rather than the respondent (start, end,
#: today, deviceid, username, audit ...). They are kept so that exports of the same
#: XLSForm line up, but they are never shown or validated.
METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "subscriberid",
        "simserial",
        "phonenumber",
        "username",
        "email",
        "audit",
        "start-geopoint",
        "background-geopoint",
        "background-audio",
    }
)
#: The generated question of a repeat inside a repeat that holds, for each of its instances,
#: the instance (from 1) of the enclosing repeat it belongs to: nested repeats are kept as
#: flat lists, as KoboToolbox's exports keep them with a ``_parent_index``.
REPEAT_PARENT = "repeat-parent"
#: Every type the engine accepts; anything else is reported when the form is loaded.
#: A ``hidden`` question holds its default (or a value set from outside) and is never shown.
SUPPORTED_TYPES = ANSWER_TYPES | METADATA_TYPES | {"note", "calculate", "hidden"}

#: The code answered for an ``or_other`` select when the respondent picks "Other".
OTHER_CODE = "other"


@dataclass
class Choice:
    """One row of the choices sheet.

    ``labels`` maps language codes to text; ``extra`` holds the other columns of the row
    (for example ``country``), which choice filters refer to by their column name.
    """

    name: str
    labels: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    row: int | None = None


@dataclass
class Question:
    """One question of the survey sheet.

    ``path`` is the XLSForm path through the enclosing groups (``threats/poaching``);
    ``relevant`` combines the question's own relevance with that of every enclosing
    group (``(group) and (own)``), ``own_relevant`` is the question's cell alone.
    ``codes`` are the choice names a select accepts (with ``other`` for ``or_other``).
    ``required`` is ``True``/``False`` or an expression. ``repeat`` names the enclosing
    repeat, if any: such a question has one value per repeat instance (see
    :mod:`surveys.validation`). ``generated`` marks the ``<name>_other`` text question
    that ``or_other`` selects imply; it has no row of its own in the sheet.
    """

    name: str
    path: str
    type: str
    list_name: str | None = None
    or_other: bool = False
    codes: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    required_message: dict[str, str] = field(default_factory=dict)
    constraint_message: dict[str, str] = field(default_factory=dict)
    required: bool | str = False
    constraint: str | None = None
    relevant: str | None = None
    own_relevant: str | None = None
    default: str | None = None
    choice_filter: str | None = None
    appearance: str | None = None
    calculation: str | None = None
    read_only: bool = False
    repeat: str | None = None
    group: str | None = None
    section: str | None = None
    parameters: dict[str, str] = field(default_factory=dict)
    row: int | None = None
    generated: bool = False

    @property
    def answered(self) -> bool:
        """True for questions the respondent gives a value to (a calculated or read-only
        question is shown but not answered: its value comes from the form)."""
        if self.type == REPEAT_PARENT:
            return True
        return self.type in ANSWER_TYPES and not self.calculation and not self.read_only

    @property
    def xlsform_name(self) -> str:
        """The name written in the XLSForm. ``name`` is the same unless the form uses it
        for two questions (in different groups), when ``name`` is the question's path."""
        return self.path.rpartition("/")[2]

    @property
    def displayed(self) -> bool:
        """True for questions shown on a page (answered questions and notes)."""
        return self.type in ANSWER_TYPES or self.type == "note"


@dataclass
class Group:
    """A ``begin_group``/``begin_repeat`` at any depth; ``kind`` is "group" or "repeat"."""

    name: str
    path: str
    kind: str
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    relevant: str | None = None
    own_relevant: str | None = None
    appearance: str | None = None
    repeat_count: str | None = None
    parent: str | None = None
    row: int | None = None


@dataclass
class Section:
    """One page of the questionnaire.

    A top-level group or repeat is a section (``kind`` "group" or "repeat", ``path`` its
    group path). Consecutive questions outside any group form a section of ``kind``
    "questions", named after its first question and without labels. ``questions`` lists
    the names of every question in the section in sheet order, including those in nested
    groups, calculations and notes.
    """

    name: str
    kind: str
    path: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    relevant: str | None = None
    appearance: str | None = None
    questions: list[str] = field(default_factory=list)
    row: int | None = None


@dataclass
class SheetData:
    """One worksheet as imported: column headers in order and rows of cell text.

    Empty cells are ``""``; empty rows are kept so that row numbers stay those of the
    workbook (row 1 is the header row, the first entry of ``rows`` is row 2).
    """

    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _Labelled(Protocol):
    labels: dict[str, str]


@dataclass
class Form:
    """A parsed questionnaire (see the module docstring)."""

    form_id: str
    title: str
    version: str = ""
    default_language: str = "en"
    languages: list[str] = field(default_factory=list)
    language_names: dict[str, str] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    questions: dict[str, Question] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    choices: dict[str, list[Choice]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    sheets: dict[str, SheetData] = field(default_factory=dict)
    #: attached files (CSV, XML, GeoJSON) by file name, as surveys.attachments.to_dict()
    attachments: dict[str, dict[str, Any]] = field(default_factory=dict)

    def title_in(self, lang: str) -> str:
        """The form's title in ``lang``: the settings' ``form_title::Name (code)`` column of
        that language, else the default ``form_title``."""
        return self._setting_in("form_title", lang) or self.title

    def description_in(self, lang: str) -> str:
        """The form's description in ``lang`` (settings ``form_description::Name (code)``
        or ``description::…``), else the default language's, else ""."""
        return self._setting_in("form_description", lang) or self._setting_in("description", lang)

    def setting_languages(self, column: str) -> dict[str, str]:
        """A translated settings column (``form_title``) by language code: the untranslated
        column is the default language's."""
        out: dict[str, str] = {}
        for key, value in self.settings.items():
            name, _sep, suffix = str(key).partition("::")
            if name.strip().lower() != column or not str(value).strip():
                continue
            code = self._language_of(suffix) if suffix else self.default_language
            if code:
                out.setdefault(code, str(value).strip())
        return out

    def _setting_in(self, column: str, lang: str) -> str:
        texts = self.setting_languages(column)
        if not texts:
            return ""
        base = lang.split("-")[0].lower()
        for code, text in texts.items():
            if code == lang or code.split("-")[0].lower() == base:
                return text
        return texts.get(self.default_language) or ""

    def _language_of(self, suffix: str) -> str:
        """The language code of a column suffix: ``Русский (ru)`` → ``ru``; a suffix the
        form's translation columns name (``Russian``) → their code."""
        from surveys.xlsform import language_of  # xlsform builds on this module

        code, _name = language_of(suffix)
        if code:
            return code
        for known, name in self.language_names.items():
            if name.strip().lower() == suffix.strip().lower():
                return known
        return ""

    def repeat_group(self, repeat: str) -> Group | None:
        """The repeat group called ``repeat``."""
        for group in self.groups.values():
            if group.kind == "repeat" and group.name == repeat:
                return group
        return None

    def parent_repeat(self, repeat: str) -> str | None:
        """The name of the repeat that encloses the repeat ``repeat``, or None."""
        cache = self.__dict__.setdefault("_parent_repeats", {})
        if repeat not in cache:
            cache[repeat] = self._find_parent_repeat(repeat)
        return cache[repeat]

    def _find_parent_repeat(self, repeat: str) -> str | None:
        group = self.repeat_group(repeat)
        path = group.parent if group else None
        while path:
            outer = self.groups.get(path)
            if outer is None:
                return None
            if outer.kind == "repeat":
                return outer.name
            path = outer.parent
        return None

    def parent_question(self, repeat: str) -> str | None:
        """The :data:`REPEAT_PARENT` question of a nested repeat, or None."""
        cache = self.__dict__.get("_parent_questions")
        if cache is None:
            cache = self.__dict__["_parent_questions"] = {
                q.repeat: q.name for q in self.questions.values() if q.type == REPEAT_PARENT
            }
        return cache.get(repeat)

    def instances(self) -> dict[str, list[dict[str, Any]]]:
        """The secondary instances expressions read with ``instance('id')/root/item``: every
        choice list (``name``, ``label`` in the default language and the other columns) and
        every attachment (by file name without extension). Built once per form object."""
        cached = self.__dict__.get("_instances")
        if cached is not None:
            return cached
        result: dict[str, list[dict[str, Any]]] = {}
        for list_name, choices in self.choices.items():
            if "." in list_name:
                continue
            result[list_name] = [
                {
                    **c.extra,
                    "name": c.name,
                    "label": self.translate(c.labels, self.default_language)[0],
                }
                for c in choices
            ]
        for name, attachment in self.attachments.items():
            result[name.rpartition(".")[0] or name] = attachment.get("rows", [])
        self.__dict__["_instances"] = result
        return result
    def translate(self, texts: dict[str, str], lang: str | None) -> tuple[str, bool]:
        """Pick the text for ``lang`` from a ``{language code: text}`` dict.

        Returns ``(text, is_fallback)``. A missing or empty translation falls back to the
        default language, then to any language that has the text, with
        ``is_fallback=True`` so the page can mark it. ``("", False)`` when there is no
        text in any language.
        """
        if lang and texts.get(lang):
            return texts[lang], False
        if texts.get(self.default_language):
            return texts[self.default_language], lang not in (None, self.default_language)
        for code in self.languages:
            if texts.get(code):
                return texts[code], True
        for text in texts.values():
            if text:
                return text, True
        return "", False

    def label(self, obj: _Labelled, lang: str | None) -> tuple[str, bool]:
        """The label of a question, section, group or choice in ``lang``.

        Returns ``(text, is_fallback)`` as :meth:`translate` does.
        """
        return self.translate(obj.labels, lang)

    def section(self, name: str) -> Section:
        """The section called ``name``; ``KeyError`` if there is none."""
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)

    def options(self, question: Question) -> list[Choice]:
        """The choices offered by a select question, "Other" last for ``or_other``.

        Returns ``[]`` for questions without a choice list. The choice filter is not
        applied here (it depends on the answers; see ``validation.available_choices``).
        """
        if not question.list_name:
            return []
        options = list(self.choices.get(question.list_name, []))
        if question.or_other and all(c.name != OTHER_CODE for c in options):
            options.append(Choice(name=OTHER_CODE, labels={self.default_language: "Other"}))
        return options

    def to_dict(self) -> dict[str, Any]:
        """The form as a JSON-serialisable dict (plain dicts, lists, str, bool, int)."""
        for cached in ("_instances", "_parent_repeats", "_parent_questions"):
            self.__dict__.pop(cached, None)
        data = asdict(self)
        data["format"] = FORMAT_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Form:
        """Rebuild a form from :meth:`to_dict` output; ``ValueError`` for another format."""
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"unsupported form format {data.get('format')!r}")
        return cls(
            form_id=data["form_id"],
            title=data["title"],
            version=data.get("version", ""),
            default_language=data["default_language"],
            languages=list(data["languages"]),
            language_names=dict(data["language_names"]),
            sections=[Section(**s) for s in data["sections"]],
            questions={k: Question(**q) for k, q in data["questions"].items()},
            groups={k: Group(**g) for k, g in data["groups"].items()},
            choices={k: [Choice(**c) for c in v] for k, v in data["choices"].items()},
            settings=dict(data["settings"]),
            sheets={k: SheetData(**s) for k, s in data["sheets"].items()},
            attachments=dict(data.get("attachments") or {}),
        )

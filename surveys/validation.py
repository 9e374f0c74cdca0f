"""Answers: from submitted text to checked values.

How answers are held
--------------------
A response's answers are one ``dict`` keyed by question name (names are unique in a
form). Values are what ODK would store, so the expressions of the form work on them:

* text, select_one, date (``YYYY-MM-DD``), time (``HH:MM:SS``), datetime (ISO 8601):
  ``str``; integer: ``int``; decimal: ``float``; acknowledge: ``"OK"``;
* select_multiple and rank: the choice codes separated by spaces (``"saiga kulan"``);
* ``or_other`` selects answer ``"other"`` and the text goes to the question
  ``<name>_other`` (a text question in the form, shown only when "other" is chosen);
* a missing answer is absent or ``""``;
* questions inside a repeat hold a ``list`` with one value per repeat instance (index 0
  is the first instance). All questions of a repeat have lists of the same length; the
  number of instances is the longest of them. Expressions inside a repeat see the values
  of their own instance; expressions outside it see the whole lists.

Choice labels in expressions
----------------------------
``jr:choice-name()`` looks up labels in :class:`ChoiceLabels`. Relevance, constraints, choice
filters and stored calculations use the form's default language, so whether an answer is
valid never depends on the language it was given in; only texts shown to the respondent
(:func:`fill_in` on the values of :func:`calculate` with ``lang``) use theirs.

Messages
--------
The engine's own messages are English templates in :data:`DEFAULT_MESSAGES`. Functions
that return messages take ``translate`` (the app passes its ``gettext``) which is applied
to the template before the ``{placeholders}`` are filled. The form's own
``required_message`` and ``constraint_message`` are used in the requested language, falling
back to the default language.

Length
------
Functions that read submitted answers take ``max_length``: an answer longer than that many
characters (a line break sent as CRLF counts as one, as browsers count it; a list of codes
by the codes joined with spaces) is refused with the ``too_long`` message before anything
else is done with it. ``None`` means no limit; the app passes its configured limit.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Mapping
from datetime import date, datetime, time
from typing import Any

from pyxform.utils import default_is_dynamic

from surveys import expressions
from surveys.cleaning import clean_text
from surveys.model import ANSWER_TYPES, MULTI_CODE_TYPES, Choice, Form, Question, Section

DEFAULT_MESSAGES = {
    "required": "This question requires an answer.",
    "constraint": "This answer is not allowed.",
    "integer": "Enter a whole number.",
    "integer_range": "Enter a whole number between -2147483648 and 2147483647.",
    "decimal": "Enter a number.",
    "date": "Enter a date as YYYY-MM-DD.",
    "time": "Enter a time as HH:MM.",
    "datetime": "Enter a date and time as YYYY-MM-DD HH:MM.",
    "choice": "'{code}' is not one of the choices.",
    "single": "Choose only one answer.",
    "duplicate": "'{code}' is ranked more than once.",
    "acknowledge": "Tick the box to confirm.",
    "filtered": "'{code}' is not available with your other answers.",
    "too_long": "Shorten this answer to at most {limit} characters (it has {length}).",
    "unchecked": (
        "This answer could not be checked against the question's rule in time. "
        "Please shorten or simplify it."
    ),
    "range": "Enter a number from {start} to {end} in steps of {step}.",
    "phone": "Enter numbers only.",
    "geopoint": (
        "Enter a location as latitude and longitude in decimal degrees, such as "
        "43.25 76.95 (altitude and accuracy in metres may follow)."
    ),
    "geotrace": "Enter at least two locations separated by ';'.",
    "geoshape": "Enter at least three locations separated by ';'.",
    "file": "Choose a file.",
}

Translate = Callable[[str], str]

_INTEGER_RE = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_DECIMAL_RE = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$")
_INT32 = 2**31
_ACKNOWLEDGED = {"ok", "1", "true", "yes", "on", "y"}
#: Codes quoted in a message are cut to this many characters.
_SHOWN_CODE_LENGTH = 60


class AnswerError(ValueError):
    """An answer that cannot be taken as given; ``key`` names a :data:`DEFAULT_MESSAGES` entry."""

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params
        super().__init__(DEFAULT_MESSAGES[key].format(**params))

    def message(self, translate: Translate | None = None) -> str:
        """The message, its template passed through ``translate`` first."""
        template = DEFAULT_MESSAGES[self.key]
        return (translate or _identity)(template).format(**self.params)


def _identity(text: str) -> str:
    return text


def is_empty(value: Any) -> bool:
    """True for a missing answer: ``None``, ``""``, blank text or an empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return not value
    return False


def answer_length(raw: Any) -> int:
    """How many characters a raw answer counts as: text with CRLF as one, a list of codes
    joined with spaces, 0 for other values (numbers, dates already coerced)."""
    if isinstance(raw, str):
        return len(raw) - raw.count("\r\n")
    if isinstance(raw, list | tuple):
        return sum(answer_length(item) for item in raw) + max(len(raw) - 1, 0)
    return 0


def coerce(question: Question, raw: Any, *, max_length: int | None = None) -> Any:
    """Turn a submitted answer into the value stored for ``question``.

    ``raw`` is the text from a web form or a spreadsheet cell (``str``), the list of
    ticked codes of a select_multiple or the ordered codes of a rank (``list[str]``), or a
    value already coerced. Returns the value described in the module docstring, ``""`` for
    an empty answer. Text loses its control characters but tab and line feed. Raises
    :class:`AnswerError` (a ``ValueError``) for an answer longer than ``max_length``
    characters (see :func:`answer_length`; ``None``: no limit), for a number, date or time
    that does not parse, for codes that are not in the question's choice list and for a
    list or mapping (other than one item in a list) given to a text question.
    Notes return ``""``; calculations and metadata pass through unchanged.
    """
    if question.type in ("calculate", "note") or question.type not in _COERCERS:
        return "" if question.type == "note" else raw
    if max_length is not None and answer_length(raw) > max_length:
        raise AnswerError("too_long", limit=max_length, length=answer_length(raw))
    if question.type not in MULTI_CODE_TYPES and isinstance(raw, list | tuple):
        items = [r for r in raw if not is_empty(r)]
        if len(items) > 1:
            raise AnswerError("single")
        raw = items[0] if items else ""
    if is_empty(raw):
        return ""
    return _COERCERS[question.type](question, raw)


def _text(question: Question, raw: Any) -> str:
    if isinstance(raw, list | tuple | dict):
        # A JSON client's nested list or object: its Python repr is not the respondent's text.
        raise AnswerError("constraint")
    return clean_text(str(raw).replace("\r\n", "\n")).strip()


def _shown(code: str) -> str:
    """A code as a message quotes it: cut short, so a huge answer is not sent back whole."""
    if len(code) <= _SHOWN_CODE_LENGTH:
        return code
    return code[: _SHOWN_CODE_LENGTH - 1] + "\u2026"


def _integer(question: Question, raw: Any) -> int:
    if isinstance(raw, bool):
        raise AnswerError("integer")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise AnswerError("integer")
        value = int(raw)
    else:
        text = str(raw).strip().replace("\u2212", "-")
        if not _INTEGER_RE.match(text):
            raise AnswerError("integer")
        whole = text.split(".")[0]
        significant = whole.lstrip("+-").lstrip("0") or "0"
        # Checked before int(), which refuses more than 4300 digits with a ValueError.
        if len(significant) > len(str(_INT32)):
            raise AnswerError("integer_range")
        value = -int(significant) if whole.startswith("-") else int(significant)
    if not -_INT32 <= value < _INT32:
        raise AnswerError("integer_range")
    return value


def _decimal(question: Question, raw: Any) -> float:
    if isinstance(raw, bool):
        raise AnswerError("decimal")
    if isinstance(raw, int | float):
        try:
            value = float(raw)
        except OverflowError as exc:
            raise AnswerError("decimal") from exc
    else:
        text = str(raw).strip().replace("\u2212", "-").replace(" ", "")
        # Many respondents write a decimal comma (ru, mn, fa ...).
        if not _DECIMAL_RE.match(text):
            raise AnswerError("decimal")
        value = float(text.replace(",", "."))
    if not math.isfinite(value):
        raise AnswerError("decimal")
    return value


def _date(question: Question, raw: Any) -> str:
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    text = str(raw).strip()
    try:
        return date.fromisoformat(text[:10] if "T" in text else text).isoformat()
    except ValueError as exc:
        raise AnswerError("date") from exc


def _time(question: Question, raw: Any) -> str:
    if isinstance(raw, time):
        return raw.replace(microsecond=0, tzinfo=None).isoformat()
    try:
        return time.fromisoformat(str(raw).strip()).replace(microsecond=0).isoformat()
    except ValueError as exc:
        raise AnswerError("time") from exc


def _datetime(question: Question, raw: Any) -> str:
    if isinstance(raw, datetime):
        return raw.isoformat()
    try:
        return datetime.fromisoformat(str(raw).strip()).isoformat()
    except ValueError as exc:
        raise AnswerError("datetime") from exc


def _select_one(question: Question, raw: Any) -> str:
    code = str(raw).strip()
    if question.codes and code not in question.codes:
        raise AnswerError("choice", code=_shown(code))
    return code


def _codes(question: Question, raw: Any) -> list[str]:
    if isinstance(raw, list | tuple):
        items = [str(r).strip() for r in raw if not is_empty(r)]
    else:
        items = str(raw).split()
    for code in items:
        if question.codes and code not in question.codes:
            raise AnswerError("choice", code=_shown(code))
    return items


def _select_multiple(question: Question, raw: Any) -> str:
    return " ".join(dict.fromkeys(_codes(question, raw)))


def _rank(question: Question, raw: Any) -> str:
    codes = _codes(question, raw)
    # Counted once, not per code: a list of many thousand codes must not take quadratic time.
    counts = Counter(codes)
    for code in codes:
        if counts[code] > 1:
            raise AnswerError("duplicate", code=_shown(code))
    return " ".join(codes)


def _acknowledge(question: Question, raw: Any) -> str:
    if raw is True or str(raw).strip().lower() in _ACKNOWLEDGED:
        return "OK"
    if raw is False or str(raw).strip().lower() in {"0", "false", "no", "off", "n"}:
        return ""
    raise AnswerError("acknowledge")


def _number_text(text: str) -> float | None:
    text = text.strip().replace("\u2212", "-")
    if not _DECIMAL_RE.match(text.replace(",", ".", 1) if text.count(",") == 1 else text):
        return None
    value = float(text.replace(",", "."))
    return value if math.isfinite(value) else None


def _range(question: Question, raw: Any) -> int | float:
    """A ``range`` answer: a number from ``start`` to ``end`` (either way round) that is a
    whole number of ``step`` from ``start``; whole numbers as int."""
    params = question.parameters
    start, end, step = (
        _number_text(str(params.get(k, d))) for k, d in (("start", 0), ("end", 10), ("step", 1))
    )
    shown = {k: params.get(k, d) for k, d in (("start", 0), ("end", 10), ("step", 1))}
    if isinstance(raw, bool):
        raise AnswerError("range", **shown)
    value = float(raw) if isinstance(raw, int | float) else _number_text(str(raw))
    if value is None or start is None or end is None or not step:
        raise AnswerError("range", **shown)
    low, high = min(start, end), max(start, end)
    steps = (value - start) / abs(step)
    if not low - 1e-9 <= value <= high + 1e-9 or abs(steps - round(steps)) > 1e-9:
        raise AnswerError("range", **shown)
    return int(value) if value.is_integer() and all(
        x is not None and float(x).is_integer() for x in (start, step)
    ) else value


def _phone(question: Question, raw: Any) -> str:
    text = _text(question, raw)
    if not question.constraint and not text.isdigit():
        # pyxform's rule for "phone number" (regex(., '^\d*$')) unless the form has its own.
        raise AnswerError("phone")
    return text


def _geo_point(text: str) -> str | None:
    """One ODK point, "lat lon alt acc", from text with blanks or a comma between the
    numbers; altitude and accuracy default to 0. None when it is not a point on Earth."""
    parts = [p for p in re.split(r"[\s,]+", text.strip()) if p]
    if not 2 <= len(parts) <= 4:
        return None
    numbers = [_number_text(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    numbers += [0.0] * (4 - len(numbers))
    lat, lon, alt, acc = numbers
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or acc < 0:
        return None
    return " ".join(expressions.to_string(n) for n in (lat, lon, alt, acc))


def _geopoint(question: Question, raw: Any) -> str:
    point = _geo_point(str(raw))
    if point is None:
        raise AnswerError("geopoint")
    return point


def _geo_points(question: Question, raw: Any) -> str:
    """A geotrace (two points or more) or geoshape (three or more, closed by repeating the
    first point as ODK does) as ODK's ";"-joined points; lines also separate points."""
    parts = [p for p in re.split(r"[;\n]+", str(raw)) if p.strip()]
    points = [_geo_point(p) for p in parts]
    if any(p is None for p in points):
        raise AnswerError(question.type)
    if question.type == "geoshape":
        if points and points[0].split()[:2] != points[-1].split()[:2]:
            points.append(points[0])
        if len(points) < 4:
            raise AnswerError("geoshape")
    elif len(points) < 2:
        raise AnswerError("geotrace")
    return ";".join(p for p in points if p)


def _file_name(question: Question, raw: Any) -> str:
    """A media answer: the file's name without any folder (ODK stores the name only)."""
    name = clean_text(str(raw)).replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name or name in (".", ".."):
        raise AnswerError("file")
    return name


_COERCERS: dict[str, Callable[[Question, Any], Any]] = {
    "text": _text,
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "time": _time,
    "datetime": _datetime,
    "select_one": _select_one,
    "select_multiple": _select_multiple,
    "rank": _rank,
    "acknowledge": _acknowledge,
    "range": _range,
    "barcode": _text,
    "phone": _phone,
    "geopoint": _geopoint,
    "geotrace": _geo_points,
    "geoshape": _geo_points,
    "image": _file_name,
    "audio": _file_name,
    "video": _file_name,
    "file": _file_name,
}


# -- repeats and evaluation scopes -----------------------------------------------------


def repeat_questions(form: Form, repeat: str) -> list[Question]:
    """The questions inside the repeat called ``repeat``, in form order."""
    return [q for q in form.questions.values() if q.repeat == repeat]


def instance_count(
    form: Form, repeat: str, values: Mapping[str, Any], members: list[Question] | None = None
) -> int:
    """How many instances of ``repeat`` the answers hold (the longest list); ``members``
    is :func:`repeat_questions` when the caller has it."""
    lengths = [
        len(values[q.name])
        for q in (repeat_questions(form, repeat) if members is None else members)
        if isinstance(values.get(q.name), list)
    ]
    return max(lengths, default=0)


def _scope(
    form: Form,
    values: Mapping[str, Any],
    repeat: str | None,
    index: int,
    members: list[Question] | None = None,
) -> dict:
    """The values an expression sees: inside a repeat, its own instance's, and inside a
    repeat in a repeat also those of the enclosing instance (nested repeats are flat lists
    whose :data:`~surveys.model.REPEAT_PARENT` question names the enclosing instance)."""
    if repeat is None:
        return dict(values)
    position = index + 1
    parent = form.parent_repeat(repeat)
    link = form.parent_question(repeat) if parent else None
    if link is not None:
        parents = values.get(link) if isinstance(values.get(link), list) else []
        mine = _parent_index(parents, index)
        position = sum(1 for i in range(index + 1) if _parent_index(parents, i) == mine)
    scope = expressions.Scope(values, position=position, whole=values)
    for question in repeat_questions(form, repeat) if members is None else members:
        items = values.get(question.name)
        if isinstance(items, list):
            scope[question.name] = items[index] if index < len(items) else ""
        else:
            scope[question.name] = ""
    if link is not None and parent is not None:
        outer = _scope(form, values, parent, _parent_index(parents, index) - 1)
        for question in _enclosing_members(form, parent):
            scope[question.name] = outer.get(question.name, "")
    return scope


def nested_repeats(form: Form, repeat: str) -> list[str]:
    """The repeats directly inside the repeat ``repeat``."""
    return [
        group.name
        for group in form.groups.values()
        if group.kind == "repeat" and form.parent_repeat(group.name) == repeat
    ]


def drop_instances(
    form: Form, values: Mapping[str, Any], repeat: str, indexes: Iterable[int]
) -> dict[str, Any]:
    """``values`` without the instances ``indexes`` (from 0) of ``repeat``: the instances of
    repeats inside them go too, and the later ones of those repeats are renumbered."""
    drop = set(indexes)
    result = dict(values)
    if not drop:
        return result
    for question in repeat_questions(form, repeat):
        items = result.get(question.name)
        if isinstance(items, list):
            result[question.name] = [v for i, v in enumerate(items) if i not in drop]
    for inner in nested_repeats(form, repeat):
        link = form.parent_question(inner)
        parents = result.get(link) if link and isinstance(result.get(link), list) else []
        gone = [i for i in range(len(parents)) if _parent_index(parents, i) - 1 in drop]
        result = drop_instances(form, result, inner, gone)
        if link:
            kept = result.get(link) or []
            result[link] = [
                str(parent - sum(1 for d in drop if d < parent - 1))
                for parent in (_parent_index(kept, i) for i in range(len(kept)))
            ]
    return result


def _parent_index(parents: list, index: int) -> int:
    """The enclosing instance (from 1) of instance ``index`` (from 0) of a nested repeat."""
    try:
        return max(int(parents[index]), 1) if index < len(parents) else 1
    except (TypeError, ValueError):
        return 1


def _enclosing_members(form: Form, repeat: str) -> list[Question]:
    """The questions of ``repeat`` and of the repeats around it."""
    members = list(repeat_questions(form, repeat))
    parent = form.parent_repeat(repeat)
    return members + (_enclosing_members(form, parent) if parent else [])


def _instances(form: Form, question: Question, values: Mapping[str, Any]) -> range:
    if question.repeat is None:
        return range(1)
    return range(instance_count(form, question.repeat, values))


class ChoiceLabels(Mapping[str, Mapping[str, str]]):
    """What ``jr:choice-name()`` looks up: question name -> ``{code: label}`` for every
    question with a choice list, in ``lang`` (the form's default language when None; a
    missing translation falls back as :meth:`Form.translate` does). Built on first use."""

    def __init__(self, form: Form, lang: str | None = None):
        self._form = form
        self._lang = lang
        self._built: dict[str, dict[str, str]] = {}

    @property
    def instances(self) -> dict[str, list[dict[str, Any]]]:
        """The form's secondary instances (choice lists, attachments) for ``instance()``
        paths and ``pulldata()``, which every evaluation that looks up labels also needs."""
        return self._form.instances()

    def __getitem__(self, name: str) -> Mapping[str, str]:
        labels = self._built.get(name)
        if labels is None:
            question = self._form.questions.get(name)
            if question is None or not question.list_name:
                raise KeyError(name)
            labels = self._built[name] = {
                choice.name: self._form.translate(choice.labels, self._lang)[0]
                for choice in self._form.options(question)
            }
        return labels

    def __iter__(self) -> Iterator[str]:
        return (name for name, q in self._form.questions.items() if q.list_name)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _holds(
    expr: str | expressions.Node | None,
    scope: Mapping[str, Any],
    *,
    current: Any = None,
    when_broken: bool,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> bool:
    """Whether ``expr`` is true; ``when_broken`` if it cannot be evaluated at run time."""
    if not expr:
        return True
    try:
        value = expressions.evaluate(
            expr,
            scope,
            current=current,
            choice_names=names,
            instances=getattr(names, "instances", None),
        )
        return expressions.truthy(value)
    except expressions.ExpressionError:
        return when_broken


# -- calculations, defaults, relevance -------------------------------------------------


def _stored(result: Any) -> Any:
    """A calculation result as ODK stores it: text for booleans, whole numbers as int, a
    node-set (an ``instance()`` path) as the text of its first node."""
    if isinstance(result, list):
        result = expressions.to_string(result)
    if isinstance(result, bool):
        return "true" if result else "false"
    if isinstance(result, float):
        if math.isnan(result) or math.isinf(result):
            return ""
        if result.is_integer() and abs(result) < 2**53:
            return int(result)
    return result


def _calculation_order(form: Form) -> list[Question]:
    """Questions with a calculation, each after the calculations it refers to."""
    calculated = [q for q in form.questions.values() if q.calculation]
    names = {q.name for q in calculated}
    needs = {}
    for question in calculated:
        try:
            needs[question.name] = (expressions.references(question.calculation) & names) - {
                question.name
            }
        except expressions.ExpressionError:
            needs[question.name] = set()
    ordered: list[Question] = []
    done: set[str] = set()
    pending = list(calculated)
    while pending:
        ready = [q for q in pending if needs[q.name] <= done]
        # A cycle cannot be ordered; what remains is evaluated in sheet order.
        batch = ready[:1] if ready else pending[:1]
        ordered.extend(batch)
        done.update(q.name for q in batch)
        pending = [q for q in pending if q.name not in done]
    return ordered


def calculate(form: Form, values: Mapping[str, Any], lang: str | None = None) -> dict[str, Any]:
    """Evaluate every calculation of ``form`` on ``values``.

    Returns a new dict: ``values`` with each calculated question set to its result
    (booleans as ``"true"``/``"false"``, whole numbers as ``int``, ``""`` when the
    expression fails at run time). Calculations run after those they refer to; inside a
    repeat they give one result per instance. ``jr:choice-name()`` gives labels in ``lang``,
    the form's default language when None (as stored; pass the respondent's language only
    for texts shown to them).
    """
    result = dict(values)
    names = ChoiceLabels(form, lang)
    for question in _calculation_order(form):
        if question.repeat is None:
            result[question.name] = _calculate_one(question, result, names)
        else:
            result[question.name] = [
                _calculate_one(question, _scope(form, result, question.repeat, i), names)
                for i in _instances(form, question, result)
            ]
    return result


def _calculate_one(question: Question, scope: Mapping[str, Any], names: ChoiceLabels) -> Any:
    try:
        # "." in a calculation is its own value, which once() keeps.
        own = scope.get(question.name)
        value = expressions.evaluate(
            question.calculation,
            scope,
            current=own if not isinstance(own, list) else None,
            choice_names=names,
            instances=names.instances,
        )
        return _stored(value)
    except expressions.ExpressionError:
        return ""


_TEXT_REFERENCE_RE = re.compile(r"\$\{\s*([^\W\d][\w.\-]*(?:/[^\W\d][\w.\-]*)*)\s*\}")


def fill_in(form: Form, text: str, values: Mapping[str, Any]) -> str:
    """A label or hint with each ``${name}`` of a question replaced by its value, as ODK
    shows an ``<output>``: the raw answer as text (codes for selects; a calculation such as
    ``jr:choice-name(${species}, '${species}')`` gives a label), ``""`` when unanswered, the
    first instance's value for a question in a repeat. ``values`` should come from
    :func:`calculate` in the reader's language. ``${...}`` naming no question stays as written.
    """
    if "${" not in text:
        return text

    def value(match: re.Match[str]) -> str:
        name = match[1]
        if name not in form.questions:
            return match[0]
        return expressions.to_string(values.get(name, ""))

    return _TEXT_REFERENCE_RE.sub(value, text)


def initial_values(form: Form) -> dict[str, Any]:
    """The answers a new response starts with: each question's ``default``.

    A default that is an expression (``today()``, ``${other}``, ``random()``) is evaluated
    once, when the response starts, on the defaults before it, as ODK does on the form's
    first load. Defaults that do not fit the question type, or whose expression fails, are
    left out. Questions in repeats start without instances.
    """
    values: dict[str, Any] = {}
    labels = ChoiceLabels(form)
    for question in form.questions.values():
        if not question.default or question.repeat or question.calculation:
            continue
        if question.type not in ANSWER_TYPES and question.type != "hidden":
            continue
        pyxform_type = "dateTime" if question.type == "datetime" else question.type
        raw: Any = question.default
        if default_is_dynamic(question.default, pyxform_type):
            try:
                raw = expressions.to_string(
                    expressions.evaluate(
                        question.default,
                        values,
                        choice_names=labels,
                        instances=labels.instances,
                    )
                )
            except expressions.ExpressionError:
                continue
        try:
            values[question.name] = coerce(question, raw)
        except ValueError:
            continue
    return {name: value for name, value in values.items() if not is_empty(value)}


@functools.lru_cache(maxsize=4096)
def _referenced(expr: str) -> tuple[str, ...] | None:
    """The names ``expr`` refers to, or None when it does not parse."""
    try:
        return tuple(sorted(expressions.references(expr)))
    except expressions.ExpressionError:
        return None


def _frozen(value: Any) -> Hashable:
    # The type too: 1, 1.0 and True are equal keys in a dict but not to every expression.
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return (value.__class__, value)


def visibility(form: Form, values: Mapping[str, Any]) -> dict[str, bool | list[bool]]:
    """Whether each question is relevant given ``values``.

    Returns ``{name: bool}``, and ``{name: [bool per instance]}`` for questions in a
    repeat. A question is relevant when its own ``relevant`` and that of every enclosing
    group are true. As in ODK, the answers of questions found not relevant count as empty
    for the questions after them. An expression that fails at run time counts as true,
    so that a broken condition never hides a question.
    """
    effective = dict(values)
    shown: dict[str, bool | list[bool]] = {}
    # Many questions share a condition (every rating of a theme asks whether the theme was
    # chosen): each is evaluated once per set of values it refers to.
    known: dict[tuple, bool] = {}
    members: dict[str, list[Question]] = {}
    labels = ChoiceLabels(form)

    def holds(expr: str | None, scope: Mapping[str, Any]) -> bool:
        if not expr:
            return True
        names = _referenced(expr) if isinstance(expr, str) else None
        if names is None:
            return _holds(expr, scope, when_broken=True, names=labels)
        key = (expr, getattr(scope, "position", 0), *(_frozen(scope.get(name)) for name in names))
        flag = known.get(key)
        if flag is None:
            flag = known[key] = _holds(expr, scope, when_broken=True, names=labels)
        return flag

    for question in form.questions.values():
        if question.repeat is None:
            flag = holds(question.relevant, effective)
            shown[question.name] = flag
            if not flag:
                effective[question.name] = ""
            continue
        repeat = question.repeat
        if repeat not in members:
            members[repeat] = repeat_questions(form, repeat)
        flags = [
            holds(question.relevant, _scope(form, effective, repeat, i, members[repeat]))
            for i in range(instance_count(form, repeat, effective, members[repeat]))
        ]
        shown[question.name] = flags
        items = effective.get(question.name)
        if isinstance(items, list):
            effective[question.name] = [
                item if i < len(flags) and flags[i] else "" for i, item in enumerate(items)
            ]
    return shown


def visible(form: Form, values: Mapping[str, Any]) -> set[str]:
    """Names of the questions that are relevant given ``values``.

    A question in a repeat counts when it is relevant in at least one instance (see
    :func:`visibility` for each instance).
    """
    return {
        name
        for name, flag in visibility(form, values).items()
        if (any(flag) if isinstance(flag, list) else flag)
    }


def visible_sections(form: Form, values: Mapping[str, Any]) -> list[Section]:
    """The sections to show, in order: relevant and with a question to show or a repeat."""
    shown = visible(form, values)
    result = []
    for section in form.sections:
        displayed = [n for n in section.questions if form.questions[n].displayed]
        if section.kind == "repeat":
            if _holds(section.relevant, values, when_broken=True, names=ChoiceLabels(form)):
                result.append(section)
        elif any(name in shown for name in displayed):
            result.append(section)
    return result


def prune_hidden(form: Form, values: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to keep on submit: calculations redone, non-relevant answers dropped.

    Returns a new dict without the questions that are not relevant; inside repeats the
    values of non-relevant instances become ``""`` (a question not relevant in any
    instance is dropped). Names that are not questions of the form are dropped too.
    """
    return settle(form, values)[0]


def settle(
    form: Form, values: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, bool | list[bool]]]:
    """:func:`prune_hidden` and the :func:`visibility` of its result, which it computes on
    the way: ``(kept values, flags)``."""
    current = {k: v for k, v in values.items() if k in form.questions}
    for _ in range(len(form.questions) + 1):
        current = calculate(form, current)
        flags = visibility(form, current)
        pruned: dict[str, Any] = {}
        for name, value in current.items():
            flag = flags.get(name, True)
            if isinstance(flag, list):
                if not any(flag):
                    continue
                if isinstance(value, list):
                    value = [v if i < len(flag) and flag[i] else "" for i, v in enumerate(value)]
            elif not flag:
                continue
            pruned[name] = value
        if pruned == current:
            break
        current = pruned
    else:
        flags = visibility(form, current)
    return current, flags


# -- choices ---------------------------------------------------------------------------


def available_choices(
    form: Form, question: Question, values: Mapping[str, Any], index: int = 0
) -> list[Choice]:
    """The choices ``question`` offers given the answers: its ``choice_filter`` applied.

    The filter is evaluated once per choice with ``current`` set to the choice's columns
    (``name``, ``label`` and the extra columns such as ``country``), which the filter
    names bare (``country = ${country}``). ``index`` picks the repeat instance.
    A filter that fails at run time keeps the choice.
    """
    options = form.options(question)
    if not question.choice_filter:
        return options
    scope = _scope(form, values, question.repeat, index)
    try:
        condition = expressions.parse(question.choice_filter, choice_filter=True)
    except expressions.ExpressionError:
        return options
    kept = []
    labels = ChoiceLabels(form)
    for choice in options:
        row = {"name": choice.name, **choice.extra}
        if _holds(condition, scope, current=row, when_broken=True, names=labels):
            kept.append(choice)
    return kept


# -- checking a page -------------------------------------------------------------------


def _required(question: Question, scope: Mapping[str, Any], labels: ChoiceLabels) -> bool:
    if isinstance(question.required, bool):
        return question.required
    return _holds(question.required, scope, when_broken=False, names=labels)


def _form_message(form: Form, texts: dict[str, str], lang: str | None) -> str:
    return form.translate(texts, lang)[0]


def long_answers(
    form: Form,
    names: Iterable[str],
    values: Mapping[str, Any],
    max_length: int | None,
    *,
    translate: Translate | None = None,
) -> dict[str, str]:
    """The answers among those to ``names`` that are longer than ``max_length`` (see
    :func:`answer_length`): ``{name: message}``, ``name[i]`` for instance ``i`` (from 0)
    inside a repeat. Empty when ``max_length`` is None. A caller that stores what it can
    (a draft page) keeps the answers it had for these instead of taking them."""
    if max_length is None:
        return {}
    errors: dict[str, str] = {}
    for name in names:
        question = form.questions.get(name)
        if question is None or not question.answered or name not in values:
            continue
        raw = values[name]
        items = enumerate(raw) if question.repeat and isinstance(raw, list | tuple) else None
        for key, item in ((f"{name}[{i}]", item) for i, item in items) if items else [(name, raw)]:
            length = answer_length(item)
            if length > max_length:
                error = AnswerError("too_long", limit=max_length, length=length)
                errors[key] = error.message(translate)
    return errors


def coerce_answers(
    form: Form,
    names: Iterable[str],
    values: Mapping[str, Any],
    *,
    translate: Translate | None = None,
    max_length: int | None = None,
    lang: str | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Coerce the answers to the questions ``names`` (see :func:`coerce`, which refuses
    answers longer than ``max_length``).

    Returns ``(values, errors)``: all of ``values`` with those answers coerced (an answer
    that does not parse becomes ``""``), and ``{name: message}`` (``name[i]`` inside a
    repeat) for the answers that do not parse; a message about one choice names it by its
    label in ``lang`` (the form's default language when not given), not by its code.
    Calculations are not redone.
    """
    translate = translate or _identity
    errors: dict[str, str] = {}
    cleaned = dict(values)
    for name in names:
        question = form.questions[name]
        if not question.answered or name not in values:
            continue
        raw = values[name]
        if question.repeat is not None and isinstance(raw, list | tuple):
            items = []
            for i, item in enumerate(raw):
                try:
                    items.append(coerce(question, item, max_length=max_length))
                except AnswerError as exc:
                    errors[f"{name}[{i}]"] = _labelled(form, question, exc, lang).message(
                        translate
                    )
                    items.append("")
            cleaned[name] = items
            continue
        try:
            cleaned[name] = coerce(question, raw, max_length=max_length)
        except AnswerError as exc:
            errors[name] = _labelled(form, question, exc, lang).message(translate)
            cleaned[name] = ""
    return cleaned, errors


def _labelled(form: Form, question: Question, error: AnswerError, lang: str | None) -> AnswerError:
    """``error`` with the choice it quotes named by its label (plain text) in ``lang``."""
    code = error.params.get("code")
    if code is None:
        return error
    choice = next((c for c in form.options(question) if c.name == code), None)
    if choice is None:
        return error
    text, _fallback = form.translate(choice.labels, lang or form.default_language)
    text = re.sub(r"<[^>]*>|[*_`#]", "", text or "").strip()
    if not text:
        return error
    return AnswerError(error.key, **{**error.params, "code": _shown(text)})


def check_answers(
    form: Form,
    names: Iterable[str],
    values: Mapping[str, Any],
    flags: Mapping[str, bool | list[bool]],
    lang: str | None = None,
    *,
    translate: Translate | None = None,
    skip: Container[str] = (),
) -> dict[str, str]:
    """The rules broken by the coerced ``values`` of the relevant questions among ``names``.

    ``flags`` is :func:`visibility` of ``values`` (computed once by the caller, as it
    costs more than the checks). Returns ``{name: message}`` (``name[i]`` inside a repeat)
    for answers that are missing (required), not allowed by a choice filter, or break a
    constraint; keys in ``skip`` (answers that did not parse) are not checked.
    """
    translate = translate or _identity
    errors: dict[str, str] = {}
    for name in names:
        question = form.questions[name]
        if not question.answered:
            continue
        if question.repeat is None:
            if flags.get(name) and name not in skip:
                message = _check(form, question, values, values.get(name, ""), 0, lang)
                if message:
                    errors[name] = message(translate)
            continue
        instance_flags = flags.get(name) or []
        items = values.get(name) if isinstance(values.get(name), list) else []
        for i, shown in enumerate(instance_flags):
            key = f"{name}[{i}]"
            if not shown or key in skip:
                continue
            value = items[i] if i < len(items) else ""
            message = _check(form, question, values, value, i, lang)
            if message:
                errors[key] = message(translate)
    return errors


def clean_answers(
    form: Form,
    names: Iterable[str],
    values: Mapping[str, Any],
    lang: str | None = None,
    *,
    translate: Translate | None = None,
    max_length: int | None = None,
) -> tuple[dict[str, Any], dict[str, str], dict[str, bool | list[bool]]]:
    """:func:`clean_section` for the questions ``names``, also returning the
    :func:`visibility` of the cleaned values it computed: ``(values, errors, flags)``."""
    names = list(names)
    cleaned, errors = coerce_answers(
        form, names, values, translate=translate, max_length=max_length, lang=lang
    )
    cleaned = calculate(form, cleaned)
    flags = visibility(form, cleaned)
    errors.update(
        check_answers(form, names, cleaned, flags, lang, translate=translate, skip=errors)
    )
    return cleaned, errors, flags


def clean_section(
    form: Form,
    section: Section,
    values: Mapping[str, Any],
    lang: str | None = None,
    *,
    translate: Translate | None = None,
    max_length: int | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Coerce and check the answers of one section.

    ``values`` holds the whole response (other sections' answers are needed by the
    expressions); this section's answers may still be raw text or lists of codes.
    Returns ``(values, errors)``: all values with this section's coerced and the
    calculations redone, and ``{question name: message}`` for the section's relevant
    questions that are missing (required), not allowed (constraint, choice filter) or do
    not parse or are longer than ``max_length``. In a repeat the key is ``name[i]`` for
    instance ``i``. Non-relevant questions are not checked.
    """
    cleaned, errors, _ = clean_answers(
        form, section.questions, values, lang, translate=translate, max_length=max_length
    )
    return cleaned, errors


def validate_section(
    form: Form,
    section: Section,
    values: Mapping[str, Any],
    lang: str | None = None,
    *,
    translate: Translate | None = None,
    max_length: int | None = None,
) -> dict[str, str]:
    """The error messages for one section: ``{question name: message}``.

    See :func:`clean_section`, which also returns the coerced values. Required and
    constraint messages come from the form in ``lang`` (default language as fallback),
    else from :data:`DEFAULT_MESSAGES` through ``translate``.
    """
    return clean_section(form, section, values, lang, translate=translate, max_length=max_length)[1]


def _check(
    form: Form,
    question: Question,
    values: Mapping[str, Any],
    value: Any,
    index: int,
    lang: str | None,
) -> Callable[[Translate], str] | None:
    """The message maker for the first rule ``value`` breaks, or None."""
    scope = _scope(form, values, question.repeat, index)
    labels = ChoiceLabels(form)
    if is_empty(value):
        if _required(question, scope, labels):
            custom = _form_message(form, question.required_message, lang)
            return lambda tr: custom or tr(DEFAULT_MESSAGES["required"])
        return None
    if question.choice_filter and question.list_name:
        allowed = {c.name for c in available_choices(form, question, values, index)}
        for code in str(value).split():
            if code not in allowed:
                return lambda tr, code=code: tr(DEFAULT_MESSAGES["filtered"]).format(code=code)
    if not question.constraint:
        return None
    try:
        met = expressions.truthy(
            expressions.evaluate(
                question.constraint,
                scope,
                current=value,
                choice_names=labels,
                instances=labels.instances,
            )
        )
    except expressions.RegexTimeout:
        # Not met, but the form's own message would blame the respondent for a rule the
        # answer may well satisfy.
        return lambda tr: tr(DEFAULT_MESSAGES["unchecked"])
    except expressions.ExpressionError:
        met = False
    if not met:
        custom = _form_message(form, question.constraint_message, lang)
        return lambda tr: custom or tr(DEFAULT_MESSAGES["constraint"])
    return None

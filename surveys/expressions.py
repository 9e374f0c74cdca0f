"""XLSForm expressions: relevance, constraints, calculations and choice filters.

:func:`parse` reads an expression as written in an XLSForm cell (``${age} >= 18 and
selected(${threats}, 'poaching')``) into a :class:`Node`; :func:`evaluate` computes it from
the answers given so far; :func:`to_ast` turns it into plain JSON that
``consult/static/js/expressions.js`` evaluates in the browser with the same results, so the
questionnaire shows and hides questions without a round trip and the server checks the same
rules on submission.

The semantics are those of XPath 1.0 as ODK's JavaRosa implements them, because forms are
written and tested against ODK tools:

* Answers are ODK raw values: text, ``select_one`` codes and dates (``YYYY-MM-DD``) are
  strings, a ``select_multiple`` is a space-separated string of codes, numbers are ``int`` or
  ``float`` or their string form, repeats give lists. Unanswered is ``""``.
* ``=`` and ``!=`` compare as booleans if either side is a boolean, else as numbers if either
  side is a number, else as strings; so ``${x} = ''`` is true while ``x`` is unanswered and
  ``${age} = 0`` is not. Numbers are equal within 1e-12, as in JavaRosa, so
  ``0.1 + 0.2 = 0.3``.
* ``<``, ``<=``, ``>``, ``>=`` compare numbers; strings that read as numbers or as ISO dates
  count as numbers (dates as days since 1970-01-01). An empty side makes them false, as
  ``NaN`` does. Unlike JavaRosa, which answers false, two other strings (date-times, words)
  compare as strings.
* Arithmetic turns both sides into numbers: ``""`` and words become ``NaN``; ``1 div 0`` is
  ``Infinity`` and ``0 div 0`` is ``NaN``, never an error; ``mod`` keeps the sign of the
  dividend. ISO dates count as days, so ``today() - ${birth_date}`` is an age in days.
* A list (the answers to one question across repeat instances) compares as XPath node-sets
  do: true when any item satisfies the comparison; elsewhere it stands for its first item,
  except in ``count``, ``sum``, ``min``, ``max``, ``concat``, ``join`` and
  ``count-non-empty``, which take every item.
* ``regex(s, pattern)`` must match the whole string (Java's ``matches()``); ``\\d``, ``\\w``
  and ``\\s`` mean ASCII characters as in Java. Patterns should keep to the syntax Java,
  Python and JavaScript share. A pattern is checked with Python's ``re`` (so a form with a
  pattern Java would read differently is refused when it is uploaded) and run by Google's
  RE2, in time linear in the text, whatever the text: a respondent cannot stall the server
  with a long answer (``^[^@]+@[^@]+\\.[^@]+$`` backtracks quadratically elsewhere). The
  pattern is rewritten where RE2's syntax differs (``\\s`` with the vertical tab, ``\\uXXXX``,
  ``\\Z``, ``{,n}``, ``[`` inside a class); with ``(?i)``, which JavaScript does not share,
  RE2 also folds non-ASCII letters; ``\\B`` matches an empty text, as in Java and
  JavaScript (Python's ``re`` differs there); ``$`` matches only at the very end, as in
  JavaScript (Java and Python also before a final line break, which matters only to a
  pattern that matches that line break after its ``$``). Patterns RE2 cannot run
  (backreferences, lookaround, more than 1000 repetitions) are still accepted, because ODK
  accepts them: they run on the backtracking ``regex`` package with a time limit
  (:data:`REGEX_FALLBACK_TIMEOUT`) and a text length limit
  (:data:`REGEX_FALLBACK_MAX_LENGTH`); past either, evaluation raises :class:`RegexTimeout`,
  which a constraint counts as not met, with a message saying so. Refusing such patterns
  at upload would break forms that work in ODK, and the limits bound what one answer can
  cost. :func:`regex_engine` says which engine a pattern gets.
* ``round(x)`` and ``round(x, digits)`` round the decimal value half up (towards +Infinity
  at a tie) as JavaRosa does; more than 30 digits either way gives ``NaN``.
* Strings are measured and cut in characters (code points): ``string-length``, ``substr``
  (0-based, end exclusive, negative counts from the end, as in ODK) and ``substring``
  (XPath's 1-based form).
* ``jr:choice-name(${species}, '${species}')`` is the label of the chosen code in the choice
  list of the question the second argument names (``'${name}'`` as XLSForm writes it, or the
  XForm path pyxform makes of it). The labels come from ``choice_names`` given to
  :func:`evaluate` (question name -> code -> label, in one language); without them, or for
  a code that is not a choice, it is ``""``.
* ``${last-saved#name}`` (ODK: the answer in the form last saved on the device) is ``""``: a
  web questionnaire starts from no earlier instance, as Collect does before its first save.

Syntax errors, unknown functions and wrong argument counts raise :class:`ExpressionError`
when parsing, with the position, so a form is rejected when it is uploaded rather than when a
respondent reaches the question. Evaluating never raises for any answers, except for a
regular expression that only turns out to be invalid at run time and :class:`RegexTimeout`.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import math
import random as random_module
import re
import secrets
import uuid as uuid_module
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import re2
import regex as regex_fallback

__all__ = [
    "ExpressionError",
    "NONDETERMINISTIC",
    "Node",
    "RegexTimeout",
    "Scope",
    "choice_name_questions",
    "evaluate",
    "instance_names",
    "parse",
    "question_named",
    "references",
    "regex_engine",
    "to_ast",
    "to_number",
    "to_string",
    "truthy",
    "uses",
]

Value = str | float | int | bool | list
"""What an expression evaluates to."""

#: Parentheses, function calls and unary minus may nest this deep.
MAX_NESTING = 48
#: Operator chains make trees this deep at most (150 terms added up is fine).
MAX_DEPTH = 250

_NAN = math.nan
_INF = math.inf
_WHITESPACE = " \t\n\r"
_NUMBER_RE = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATE_PREFIX_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T.*)?", re.DOTALL)
_SPLIT_RE = re.compile(r"[ \t\n\r]+")
#: A question name, or the path of a question whose name the form uses more than once.
_QUESTION_NAME_RE = re.compile(r"[^\W\d][\w.\-]*(?:/[^\W\d][\w.\-]*)*")
_EPOCH = dt.date(1970, 1, 1).toordinal()


class ExpressionError(ValueError):
    """An expression that cannot be parsed, or a regular expression that cannot be compiled.

    ``message`` says what is wrong, ``expression`` is the text and ``offset`` the 0-based index
    of the character at fault (both ``None`` when unknown); ``str()`` of the error gives all
    three, with the position counted from 1.
    """

    def __init__(self, message: str, expression: str | None = None, offset: int | None = None):
        self.message = message
        self.expression = expression
        self.offset = offset
        text = message
        if expression is not None:
            shown = expression if len(expression) <= 100 else expression[:97] + "..."
            where = f"at position {offset + 1} " if offset is not None else ""
            text = f"{message} ({where}in {shown!r})"
        super().__init__(text)


# -- conversions (XPath 1.0 section 4, with JavaRosa's choices) -----------------------------


def truthy(value: Any) -> bool:
    """XPath ``boolean()``: ``""``, ``0``, ``NaN``, ``None`` and empty lists are false.

    Any non-empty string is true, including ``"0"`` and ``"false"``.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value == value and value != 0
    if isinstance(value, list | tuple):
        return len(value) > 0
    if value is None:
        return False
    return to_string(value) != ""


def to_number(value: Any) -> float:
    """XPath ``number()``: a float, ``NaN`` when the value does not read as a number.

    Strings are decimal numbers without exponent (surrounding blanks allowed) or ISO dates,
    which give days since 1970-01-01; ``True`` is 1; a list gives its first item's number.
    """
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            return _INF if value > 0 else -_INF
    if isinstance(value, str):
        text = value.strip(_WHITESPACE)
        if _NUMBER_RE.fullmatch(text):
            return float(text)
        return _days(text)
    if isinstance(value, list | tuple):
        return to_number(value[0]) if value else _NAN
    return _NAN


def to_string(value: Any) -> str:
    """XPath ``string()``: numbers without exponent or trailing zeros (``2``, ``0.5``,
    ``NaN``, ``Infinity``), booleans as ``true``/``false``, a list as its first item."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and -(2**53) < value < 2**53:
        return str(value)
    if isinstance(value, int | float):
        return _format_number(to_number(value))
    if isinstance(value, list | tuple):
        return to_string(value[0]) if value else ""
    if isinstance(value, Mapping):
        return "".join(to_string(item) for item in value.values())
    return "" if value is None else str(value)


def _format_number(number: float) -> str:
    if number != number:
        return "NaN"
    if number in (_INF, -_INF):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    if number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    # The shortest round-tripping digits, which JavaScript's String(number) also gives,
    # written out without an exponent as XPath requires.
    text = repr(number)
    if "e" in text:
        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _days(text: str) -> float:
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return _NAN
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return _NAN
    return float(day.toordinal() - _EPOCH)


def _date_from_days(days: float) -> str:
    if not math.isfinite(days):
        return ""
    try:
        return dt.date.fromordinal(_EPOCH + math.trunc(days)).isoformat()
    except (ValueError, OverflowError):
        return ""


def _index(number: float) -> int:
    """Java's ``(int)`` cast, which ODK uses for positions: NaN is 0, infinities saturate."""
    if number != number:
        return 0
    if math.isinf(number):
        return 2**31 if number > 0 else -(2**31)
    return math.trunc(number)


def _xpath_round(number: float) -> float:
    """Nearest integer, ties towards +Infinity (XPath ``round()``), exact for all doubles."""
    if not math.isfinite(number):
        return number
    floor = math.floor(number)
    return float(floor + 1 if number - floor >= 0.5 else floor)


def _value(raw: Any) -> Value:
    """An answer as the evaluator sees it: ``None`` is ``""``, dates are ISO strings."""
    if raw is None:
        return ""
    if isinstance(raw, str | bool | int | float):
        return raw
    if isinstance(raw, list | tuple):
        return [_value(item) for item in raw]
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, Decimal):
        return float(raw)
    return str(raw)


# -- operators ------------------------------------------------------------------------------


def _relate(op: str, left: Any, right: Any) -> bool:
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    return left >= right


def _compare(op: str, left: Value, right: Value) -> bool:
    equality = op in ("=", "!=")
    if isinstance(left, bool) or isinstance(right, bool):
        if equality:
            return (truthy(left) == truthy(right)) == (op == "=")
        return _relate(op, to_number(left), to_number(right))
    if isinstance(left, list):
        return any(_compare(op, item, right) for item in left)
    if isinstance(right, list):
        return any(_compare(op, left, item) for item in right)
    numeric = isinstance(left, int | float) or isinstance(right, int | float)
    if equality:
        if numeric:
            a, b = to_number(left), to_number(right)
            same = a == b or abs(a - b) < 1e-12
        else:
            same = to_string(left) == to_string(right)
        return same == (op == "=")
    a, b = to_number(left), to_number(right)
    if numeric or not (a != a or b != b):
        return _relate(op, a, b)
    left, right = to_string(left), to_string(right)
    return left != "" and right != "" and _relate(op, left, right)


def _arithmetic(op: str, left: Value, right: Value) -> float:
    a, b = to_number(left), to_number(right)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "div":
        if b == 0:
            if a == 0 or a != a:
                return _NAN
            return math.copysign(_INF, a) * math.copysign(1.0, b)
        return a / b
    if b == 0 or math.isinf(a):
        return _NAN
    return math.fmod(a, b)


# -- functions ------------------------------------------------------------------------------


def _flatten(args: tuple[Value, ...] | list[Value]) -> list[Value]:
    """Every item of the arguments, lists (node-sets, nested repeats) opened at any depth."""
    items: list[Value] = []
    for arg in args:
        if isinstance(arg, list):
            items.extend(_flatten(arg))
        else:
            items.append(arg)
    return items


def _choices(value: Value) -> list[str]:
    text = " ".join(map(to_string, value)) if isinstance(value, list) else to_string(value)
    return [code for code in _SPLIT_RE.split(text) if code]


def _is_empty(value: Value) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != value
    return to_string(value) == ""


def _numbers(args: tuple[Value, ...]) -> list[float]:
    return [n for n in map(to_number, _flatten(args)) if n == n]


def _fn_min(*args: Value) -> float:
    numbers = _numbers(args)
    return min(numbers) if numbers else _NAN


def _fn_max(*args: Value) -> float:
    numbers = _numbers(args)
    return max(numbers) if numbers else _NAN


def _fn_sum(value: Value) -> float:
    # Added one by one from 0 (not math.fsum) so the browser gets the same float.
    total = 0.0
    for number in _numbers((value,)):
        total += number
    return total


def _fn_count(value: Value) -> float:
    if isinstance(value, list):
        return float(len(value))
    return 0.0 if value == "" else 1.0


def _fn_int(value: Value) -> float:
    number = to_number(value)
    return float(math.trunc(number)) if math.isfinite(number) else number


def _fn_round(value: Value, digits: Value = 0.0) -> float:
    number, places = to_number(value), to_number(digits)
    if not math.isfinite(number):
        return number
    if places != places:
        places = 0.0
    if math.isinf(places) or abs(math.trunc(places)) > 30:
        return _NAN
    shift = math.trunc(places)
    # Shift the decimal point in the shortest decimal form of the number, so 2.675 rounds
    # to 2.68 like the decimal it was typed as, not like its binary approximation.
    mantissa, _, exponent = repr(number).partition("e")
    scaled = float(f"{mantissa}e{int(exponent or 0) + shift}")
    if abs(scaled) >= 2**52:
        return number
    rounded = math.floor(scaled)
    if scaled - rounded >= 0.5:
        rounded += 1
    return float(f"{rounded}e{-shift}")


def _fn_pow(base: Value, exponent: Value) -> float:
    a, b = to_number(base), to_number(exponent)
    if b != b or (abs(a) == 1 and math.isinf(b)):
        return _NAN
    try:
        return math.pow(a, b)
    except OverflowError:
        return -_INF if a < 0 and b % 2 == 1 else _INF
    except ValueError:
        return _INF if a == 0 else _NAN


def _fn_floor(value: Value) -> float:
    number = to_number(value)
    return float(math.floor(number)) if math.isfinite(number) else number


def _fn_ceiling(value: Value) -> float:
    number = to_number(value)
    return float(math.ceil(number)) if math.isfinite(number) else number


def _fn_selected_at(value: Value, index: Value) -> str:
    choices = _choices(value)
    position = _index(to_number(index))
    return choices[position] if 0 <= position < len(choices) else ""


def _fn_substr(text: Value, start: Value, end: Value | None = None) -> str:
    string = to_string(text)
    stop = len(string) if end is None else _index(to_number(end))
    return string[_index(to_number(start)) : stop]


def _fn_substring(text: Value, start: Value, length: Value | None = None) -> str:
    first = _xpath_round(to_number(start))
    stop = _INF if length is None else first + _xpath_round(to_number(length))
    return "".join(c for i, c in enumerate(to_string(text), 1) if first <= i < stop)


#: regex() with a pattern RE2 cannot run (backreferences, lookaround, more than 1000
#: repetitions) falls back to a backtracking engine, which gives up after this many seconds
#: and on texts longer than :data:`REGEX_FALLBACK_MAX_LENGTH`.
REGEX_FALLBACK_TIMEOUT = 0.1
#: Longest text the backtracking fallback of regex() is run on.
REGEX_FALLBACK_MAX_LENGTH = 10_000

_RE2_OPTIONS = re2.Options()
# A pattern RE2 refuses is expected (it goes to the fallback), not worth a line on stderr.
_RE2_OPTIONS.log_errors = False
#: \s and \S as Java and Python read them (with \v, which RE2's \s leaves out), outside and
#: inside a character class.
_RE2_SPACE = {
    ("s", False): "[[:space:]]",
    ("S", False): "[^[:space:]]",
    ("s", True): "[:space:]",
    ("S", True): "[:^space:]",
}
_HEX_ESCAPE_RE = re.compile(r"[uU]")
_OPEN_MIN_RE = re.compile(r"\{,(\d*)\}")


class RegexTimeout(ExpressionError):
    """regex() could not decide in time: the pattern needs the backtracking fallback and the
    text was too long for it or the match ran out of time. Validation counts the answer as
    not matching and says why."""


class _Matcher:
    """A compiled regex() pattern; ``engine`` is ``"re2"`` or ``"backtracking"``."""

    __slots__ = ("compiled", "engine", "pattern")

    def __init__(self, pattern: str, engine: str, compiled: Any):
        self.pattern = pattern
        self.engine = engine
        self.compiled = compiled

    def matches(self, text: str) -> bool:
        """Whether ``text`` matches the whole pattern; raises :class:`RegexTimeout` when the
        backtracking fallback cannot tell in time."""
        if self.engine == "re2":
            # RE2 takes UTF-8, which has no lone surrogates; U+FFFD stands in for them.
            text = text.encode("utf-8", "replace").decode("utf-8")
            return self.compiled.fullmatch(text) is not None
        if len(text) > REGEX_FALLBACK_MAX_LENGTH:
            raise RegexTimeout(
                f"text longer than {REGEX_FALLBACK_MAX_LENGTH} characters for the pattern "
                f"{self.pattern!r}, which needs the backtracking engine"
            )
        try:
            return self.compiled.fullmatch(text, timeout=REGEX_FALLBACK_TIMEOUT) is not None
        except TimeoutError:
            raise RegexTimeout(f"the pattern {self.pattern!r} took too long") from None


def _re2_syntax(pattern: str) -> str:
    """A pattern Python's ``re`` accepts, rewritten so that RE2 reads it the same way.

    RE2 has no \\u escapes, no \\Z, no ``{,n}``, reads ``[`` in a class as the start of a
    POSIX class and escapes of other characters than ASCII punctuation as errors, and its
    \\s leaves out the vertical tab; each is written in a form both agree on.
    """
    out: list[str] = []
    in_class = False
    i, end = 0, len(pattern)
    while i < end:
        char = pattern[i]
        if char == "\\" and i + 1 < end:
            i = _re2_escape(pattern, i, in_class, out)
            continue
        if in_class:
            if char == "]":
                in_class = False
            out.append("\\[" if char == "[" else char)
            i += 1
            continue
        if char == "[":
            # "^" and a "]" right after the bracket belong to the class.
            start = i + 1 + (pattern.startswith("^", i + 1))
            if pattern.startswith("]", start):
                start += 1
            out.append(pattern[i:start].replace("]", "\\]"))
            in_class = True
            i = start
            continue
        open_min = _OPEN_MIN_RE.match(pattern, i) if char == "{" else None
        if open_min:
            out.append(f"{{0,{open_min[1]}}}")
            i = open_min.end()
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _re2_escape(pattern: str, i: int, in_class: bool, out: list[str]) -> int:
    """Append the RE2 form of the escape at ``pattern[i]`` to ``out``; the index after it."""
    letter = pattern[i + 1]
    if letter in "sS":
        out.append(_RE2_SPACE[letter, in_class])
    elif letter == "Z" and not in_class:
        out.append("\\z")
    elif letter == "b" and in_class:
        out.append("\\x{8}")
    elif _HEX_ESCAPE_RE.fullmatch(letter):
        digits = 4 if letter == "u" else 8
        out.append(f"\\x{{{pattern[i + 2 : i + 2 + digits]}}}")
        return i + 2 + digits
    elif letter.isascii() and letter.isalnum():
        out.append("\\" + letter)
    else:
        out.append(f"\\x{{{ord(letter):x}}}")
    return i + 2


def _check_syntax(pattern: str) -> None:
    """Raise :class:`ExpressionError` unless Python's ``re`` reads ``pattern`` as Java does."""
    try:
        with warnings.catch_warnings():
            # Python only warns of sets such as [[a]] or [a&&b], which Java reads differently.
            warnings.simplefilter("error", FutureWarning)
            re.compile(pattern, re.ASCII)
            return
    except re.error as error:
        raise ExpressionError(f"invalid regular expression {pattern!r}: {error.msg}") from None
    except FutureWarning as warning:
        reason = f"{str(warning).lower()}, which Java reads differently; escape the character"
    # re reports these two problems with other exception types than re.error.
    except OverflowError:
        reason = "a repetition count is too large"
    except RecursionError:
        reason = "groups are nested too deeply"
    raise ExpressionError(f"invalid regular expression {pattern!r}: {reason}")


@functools.lru_cache(maxsize=256)
def _compile_regex(pattern: str) -> _Matcher:
    """The matcher for a regex() pattern: RE2 where it can run the pattern, else the
    backtracking fallback. Raises :class:`ExpressionError` for an invalid pattern."""
    _check_syntax(pattern)
    try:
        return _Matcher(pattern, "re2", re2.compile(_re2_syntax(pattern), _RE2_OPTIONS))
    except (re2.error, UnicodeEncodeError, ValueError):
        pass
    flags = regex_fallback.ASCII | regex_fallback.VERSION0
    return _Matcher(pattern, "backtracking", regex_fallback.compile(pattern, flags))


def regex_engine(pattern: str) -> str:
    """Which engine regex() uses for ``pattern``: ``"re2"`` (linear time, used for every
    pattern RE2 can run) or ``"backtracking"`` (the fallback with a time limit). Raises
    :class:`ExpressionError` for an invalid pattern."""
    return _compile_regex(pattern).engine


def _fn_regex(text: Value, pattern: Value) -> bool:
    return _compile_regex(to_string(pattern)).matches(to_string(text))


def _fn_date(value: Value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        return _date_from_days(to_number(value))
    text = to_string(value).strip(_WHITESPACE)
    match = _DATE_PREFIX_RE.fullmatch(text)
    if match:
        return "" if math.isnan(_days(match[1])) else match[1]
    return _date_from_days(float(text)) if _NUMBER_RE.fullmatch(text) else ""


def _fn_coalesce(*args: Value) -> Value:
    for arg in args:
        if not _is_empty(arg):
            return arg
    return args[-1]


def question_named(value: Value) -> str:
    """The question name in the second argument of ``jr:choice-name()``: ``'${species}'``
    as written in XLSForm, or the XForm path ``/data/profile/species`` pyxform makes of it."""
    text = to_string(value).strip(_WHITESPACE)
    if text.startswith("${") and text.endswith("}"):
        text = text[2:-1]
    return text.strip(_WHITESPACE).split("/")[-1]


def _fn_choice_name(
    value: Value, question: Value, names: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    labels = names.get(question_named(question)) if names else None
    if not isinstance(labels, Mapping):
        return ""
    return to_string(labels.get(to_string(value).strip(_WHITESPACE)))


def _fn_boolean_from_string(value: Value) -> bool:
    text = to_string(value)
    return text == "1" or text.lower() == "true"


def _math(function: Callable[[float], float]) -> Callable[[Value], float]:
    """A one-argument math function of XPath 3.0: NaN where the argument is outside its
    domain (``sqrt(-1)``, ``log(0)`` is -Infinity as in Java)."""

    def apply(value: Value) -> float:
        number = to_number(value)
        try:
            return _digits12(function(number))
        except (ValueError, OverflowError):
            if function is math.log or function is math.log10:
                return -_INF if number == 0 else _NAN
            if function is math.exp:
                return _INF if number > 0 else 0.0
            return _NAN

    return apply


def _digits12(number: float) -> float:
    """``number`` to 12 significant digits. The math libraries of the server and of
    browsers may differ in the last bit of sin(), log() and the like; rounded, both give
    the same number (but for a value within a few units of the 17th digit of a rounding
    boundary, about one in 100,000)."""
    return float(f"{number:.12g}") if math.isfinite(number) else number


def _fn_sqrt(value: Value) -> float:
    number = to_number(value)
    return math.sqrt(number) if number >= 0 else _NAN


def _fn_exp10(value: Value) -> float:
    return _fn_pow(10.0, value)


def _fn_atan2(y: Value, x: Value) -> float:
    return _digits12(math.atan2(to_number(y), to_number(x)))


def _fn_substring_before(text: Value, needle: Value) -> str:
    haystack, part = to_string(text), to_string(needle)
    position = haystack.find(part)
    return haystack[:position] if position >= 0 else ""


def _fn_substring_after(text: Value, needle: Value) -> str:
    haystack, part = to_string(text), to_string(needle)
    position = haystack.find(part)
    return haystack[position + len(part) :] if position >= 0 else ""


def _fn_translate(text: Value, source: Value, target: Value) -> str:
    """XPath ``translate()``: each character of ``source`` becomes the one at the same place
    in ``target``, or is removed when ``target`` is shorter; the first occurrence counts."""
    table: dict[str, str | None] = {}
    replacement = to_string(target)
    for i, char in enumerate(to_string(source)):
        table.setdefault(char, replacement[i] if i < len(replacement) else None)
    out = []
    for char in to_string(text):
        if char not in table:
            out.append(char)
        elif table[char] is not None:
            out.append(table[char])
    return "".join(out)


def _checked(value: Value) -> bool:
    """Whether a checklist item counts: a boolean as itself, anything else when it reads as
    a number above 0 (the ODK spec's rule)."""
    if isinstance(value, bool):
        return value
    return to_number(value) > 0


def _within(total: float, low: Value, high: Value) -> bool:
    lowest, highest = to_number(low), to_number(high)
    return (lowest == -1 or total >= lowest) and (highest == -1 or total <= highest)


def _fn_checklist(low: Value, high: Value, *items: Value) -> bool:
    return _within(float(sum(_checked(v) for v in _flatten(items))), low, high)


def _fn_weighted_checklist(low: Value, high: Value, *pairs: Value) -> bool:
    total = 0.0
    for i in range(0, len(pairs) - 1, 2):
        if _checked(pairs[i]):
            total += to_number(pairs[i + 1])
    return _within(total, low, high)


_DIGESTS = {"md5": "md5", "sha-1": "sha1", "sha-256": "sha256", "sha-384": "sha384",
            "sha-512": "sha512"}


def _fn_digest(text: Value, algorithm: Value, encoding: Value = "base64") -> str:
    name = _DIGESTS.get(to_string(algorithm).strip().lower())
    if name is None:
        raise ExpressionError(f"digest(): unknown algorithm {to_string(algorithm)!r}")
    # Lone surrogates become U+FFFD, as the browser's TextEncoder makes them.
    data = to_string(text).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    digest = hashlib.new(name, data.encode("utf-8")).digest()
    kind = to_string(encoding).strip().lower()
    if kind == "hex":
        return digest.hex()
    if kind != "base64":
        raise ExpressionError(f"digest(): unknown encoding {to_string(encoding)!r}")
    return base64.b64encode(digest).decode("ascii")


_BASE64_RE = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _fn_base64_decode(value: Value) -> str:
    """The UTF-8 text a base64 string encodes; ``""`` for text that is not base64, and
    U+FFFD for bytes that are not UTF-8 (as browsers decode)."""
    text = "".join(to_string(value).split())
    if not _BASE64_RE.fullmatch(text):
        return ""
    return base64.b64decode(text).decode("utf-8", "replace")


def _fn_uuid(length: Value | None = None) -> str:
    if length is None:
        return str(uuid_module.uuid4())
    count = max(0, min(_index(to_number(length)), 1000))
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(count))


def _fn_now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="milliseconds")


_DATETIME_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME_RE = re.compile(r"(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_WEEKDAYS = "Sun Mon Tue Wed Thu Fri Sat".split()


def _moment(value: Value) -> tuple[int, ...] | None:
    """A date or date-time as (year, month, day, hour, minute, second, millisecond, offset
    minutes or None); a number counts as days since 1970-01-01. None when unreadable."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = to_number(value)
        if not math.isfinite(number):
            return None
        whole = math.floor(number)
        text = _date_from_days(whole)
        if not text:
            return None
        millis = min(math.floor((number - whole) * 86_400_000 + 0.5), 86_399_999)
        year, month, day = (int(p) for p in text.split("-"))
        return (year, month, day, millis // 3_600_000, millis // 60_000 % 60,
                millis // 1000 % 60, millis % 1000, None)
    match = _DATETIME_RE.fullmatch(to_string(value).strip(_WHITESPACE))
    if match is None or math.isnan(_days(f"{match[1]}-{match[2]}-{match[3]}")):
        return None
    hour, minute, second = int(match[4] or 0), int(match[5] or 0), int(match[6] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    millis = int((match[7] or "0")[:3].ljust(3, "0"))
    return (int(match[1]), int(match[2]), int(match[3]), hour, minute, second, millis,
            _offset(match[8]))


def _offset(text: str | None) -> int | None:
    if not text:
        return None
    if text == "Z":
        return 0
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    return -minutes if text[0] == "-" else minutes


def _format_moment(value: Value, pattern: Value, with_time: bool) -> str:
    """``format-date``/``format-date-time``: the date and time as written in the value (a
    time zone offset is not converted to the server's or the browser's), English names of
    months and days so that the server and the page agree."""
    moment = _moment(value)
    if moment is None:
        return ""
    year, month, day, hour, minute, second, millis, _ = moment
    weekday = (int(_days(f"{year:04d}-{month:02d}-{day:02d}")) + 4) % 7
    fields = {
        "Y": f"{year:04d}", "y": f"{year % 100:02d}", "m": f"{month:02d}", "n": str(month),
        "b": _MONTHS[month - 1], "d": f"{day:02d}", "e": str(day), "a": _WEEKDAYS[weekday],
    }
    if with_time:
        fields.update(
            {"H": f"{hour:02d}", "h": str(hour), "M": f"{minute:02d}", "S": f"{second:02d}",
             "3": f"{millis:03d}"}
        )
    text = to_string(pattern)
    out = []
    i = 0
    while i < len(text):
        if text[i] == "%" and i + 1 < len(text) and text[i + 1] in fields:
            out.append(fields[text[i + 1]])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _fn_decimal_date_time(value: Value) -> float:
    """Days since 1970-01-01T00:00Z with the fraction of the day; a value without a time
    zone offset is read as UTC (the server knows no respondent's time zone)."""
    moment = _moment(value)
    if moment is None or isinstance(value, int | float) and not isinstance(value, bool):
        return to_number(value) if moment is not None else _NAN
    year, month, day, hour, minute, second, millis, offset = moment
    days = _days(f"{year:04d}-{month:02d}-{day:02d}")
    seconds = hour * 3600 + minute * 60 + second + millis / 1000 - (offset or 0) * 60
    return days + seconds / 86400


def _fn_decimal_time(value: Value) -> float:
    """A time of day as a fraction of the day (noon is 0.5); an offset is not applied."""
    match = _TIME_RE.fullmatch(to_string(value).strip(_WHITESPACE))
    if match is None:
        return _NAN
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return _NAN
    millis = int((match[4] or "0")[:3].ljust(3, "0"))
    return (hour * 3600 + minute * 60 + second + millis / 1000) / 86400


#: The Earth's equatorial radius in metres, as the spherical formulas of ODK's web forms use.
EARTH_RADIUS = 6378137.0
_RADIANS = math.pi / 180


def _points(value: Value) -> list[tuple[float, float]]:
    """The latitude/longitude pairs of a geopoint node-set or a geotrace/geoshape value."""
    texts = [to_string(item) for item in _flatten([value])]
    points = []
    for text in texts:
        for part in text.split(";"):
            numbers = part.split()
            if len(numbers) < 2:
                continue
            lat, lon = to_number(numbers[0]), to_number(numbers[1])
            if lat != lat or lon != lon:
                return []
            points.append((lat, lon))
    return points


def _fn_distance(value: Value) -> float:
    """The length in metres of the path through the points, by the haversine formula."""
    points = _points(value)
    if len(points) < 2:
        return _NAN
    total = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:], strict=False):
        p1, p2 = lat1 * _RADIANS, lat2 * _RADIANS
        dp, dl = p2 - p1, (lon2 - lon1) * _RADIANS
        half_p, half_l = math.sin(dp / 2), math.sin(dl / 2)
        a = half_p * half_p + math.cos(p1) * math.cos(p2) * half_l * half_l
        total += 2 * EARTH_RADIUS * math.atan2(math.sqrt(a), math.sqrt(1 - a))
    return _digits12(total)


def _fn_area(value: Value) -> float:
    """The area in square metres of the polygon through the points on a sphere (Chamberlain
    and Duquette's spherical excess formula)."""
    points = _points(value)
    if len(points) < 3:
        return _NAN
    total = 0.0
    for i, (lat1, lon1) in enumerate(points):
        lat2, lon2 = points[(i + 1) % len(points)]
        total += (lon2 - lon1) * _RADIANS * (
            2 + math.sin(lat1 * _RADIANS) + math.sin(lat2 * _RADIANS)
        )
    return _digits12(abs(total * EARTH_RADIUS * EARTH_RADIUS / 2))


def _fn_randomize(value: Value, seed: Value | None = None) -> list[Value]:
    """The items in a shuffled order (inside-out Fisher-Yates); with a seed, reproducibly
    by the Park-Miller generator as the ODK spec says."""
    items = _flatten([value])
    result: list[Value] = []
    if seed is None:
        draws = (secrets.randbelow(i + 1) for i in range(len(items)))
    else:
        draws = _park_miller(to_number(seed), len(items))
    for i, item in enumerate(items):
        j = next(draws)
        if j == i:
            result.append(item)
        else:
            result.append(result[j])
            result[j] = item
    return result


def _park_miller(seed: float, count: int) -> Iterator[int]:
    state = int(math.trunc(seed)) % 2147483647 if math.isfinite(seed) else 0
    if state <= 0:
        state += 2147483646
    for i in range(count):
        state = state * 16807 % 2147483647
        yield math.floor((state - 1) / 2147483646 * (i + 1))


_ANY = None
#: name: (fewest arguments, most arguments or None for any number, implementation).
#: ``if`` is evaluated lazily by :class:`Call`, ``jr:choice-name`` gets the choice labels
#: from it, and a call of ``string-length`` or ``normalize-space`` without argument is read
#: as one on ``.``.
_FUNCTIONS: dict[str, tuple[int, int | None, Callable[..., Value]]] = {
    "true": (0, 0, lambda: True),
    "false": (0, 0, lambda: False),
    "not": (1, 1, lambda v: not truthy(v)),
    "boolean": (1, 1, truthy),
    "boolean-from-string": (1, 1, _fn_boolean_from_string),
    "if": (3, 3, lambda c, a, b: a if truthy(c) else b),
    "coalesce": (2, _ANY, _fn_coalesce),
    "number": (1, 1, to_number),
    "string": (1, 1, to_string),
    "int": (1, 1, _fn_int),
    "round": (1, 2, _fn_round),
    "floor": (1, 1, _fn_floor),
    "ceiling": (1, 1, _fn_ceiling),
    "abs": (1, 1, lambda v: abs(to_number(v))),
    "pow": (2, 2, _fn_pow),
    "min": (1, _ANY, _fn_min),
    "max": (1, _ANY, _fn_max),
    "sum": (1, 1, _fn_sum),
    "count": (1, 1, _fn_count),
    "count-non-empty": (1, 1, lambda v: float(sum(not _is_empty(x) for x in _flatten((v,))))),
    "selected": (2, 2, lambda v, code: to_string(code).strip(_WHITESPACE) in _choices(v)),
    "count-selected": (1, 1, lambda v: float(len(_choices(v)))),
    "selected-at": (2, 2, _fn_selected_at),
    "string-length": (0, 1, lambda v: float(len(to_string(v)))),
    "normalize-space": (0, 1, lambda v: " ".join(c for c in _SPLIT_RE.split(to_string(v)) if c)),
    "contains": (2, 2, lambda a, b: to_string(b) in to_string(a)),
    "starts-with": (2, 2, lambda a, b: to_string(a).startswith(to_string(b))),
    "ends-with": (2, 2, lambda a, b: to_string(a).endswith(to_string(b))),
    "substr": (2, 3, _fn_substr),
    "substring": (2, 3, _fn_substring),
    "concat": (0, _ANY, lambda *args: "".join(map(to_string, _flatten(args)))),
    "join": (1, _ANY, lambda sep, *args: to_string(sep).join(map(to_string, _flatten(args)))),
    "regex": (2, 2, _fn_regex),
    "today": (0, 0, lambda: dt.date.today().isoformat()),
    "date": (1, 1, _fn_date),
    "jr:choice-name": (2, 2, _fn_choice_name),
    "sqrt": (1, 1, _fn_sqrt),
    "exp": (1, 1, _math(math.exp)),
    "exp10": (1, 1, _fn_exp10),
    "log": (1, 1, _math(math.log)),
    "log10": (1, 1, _math(math.log10)),
    "sin": (1, 1, _math(math.sin)),
    "cos": (1, 1, _math(math.cos)),
    "tan": (1, 1, _math(math.tan)),
    "asin": (1, 1, _math(math.asin)),
    "acos": (1, 1, _math(math.acos)),
    "atan": (1, 1, _math(math.atan)),
    "atan2": (2, 2, _fn_atan2),
    "pi": (0, 0, lambda: math.pi),
    "substring-before": (2, 2, _fn_substring_before),
    "substring-after": (2, 2, _fn_substring_after),
    "translate": (3, 3, _fn_translate),
    "checklist": (2, _ANY, _fn_checklist),
    "weighted-checklist": (2, _ANY, _fn_weighted_checklist),
    "digest": (2, 3, _fn_digest),
    "base64-decode": (1, 1, _fn_base64_decode),
    "uuid": (0, 1, _fn_uuid),
    "random": (0, 0, random_module.random),
    "now": (0, 0, _fn_now),
    "format-date": (2, 2, lambda v, f: _format_moment(v, f, False)),
    "format-date-time": (2, 2, lambda v, f: _format_moment(v, f, True)),
    "decimal-date-time": (1, 1, _fn_decimal_date_time),
    "decimal-time": (1, 1, _fn_decimal_time),
    "area": (1, 1, _fn_area),
    "distance": (1, 1, _fn_distance),
    "randomize": (1, 2, _fn_randomize),
    # Evaluated by Call with the evaluation context (see _CONTEXT_FUNCTIONS).
    "once": (1, 1, lambda v: v),
    "position": (0, 1, lambda *a: _NAN),
    "current": (0, 0, lambda: ""),
    "instance": (1, 1, lambda v: []),
    "pulldata": (4, 4, lambda *a: ""),
    "indexed-repeat": (3, 7, lambda *a: ""),
}
#: Functions whose result changes from one call to the next: never compared between the
#: server and the page, and never cached.
NONDETERMINISTIC = frozenset({"today", "now", "random", "uuid", "randomize"})
#: Functions that need the evaluation context (current value, instances, repeat position).
_CONTEXT_FUNCTIONS = frozenset(
    {"once", "position", "current", "instance", "pulldata", "indexed-repeat"}
)
_CURRENT_BY_DEFAULT = frozenset({"string-length", "normalize-space"})


# -- syntax tree ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Env:
    values: Mapping[str, Any]
    current: Value
    fields: Mapping[str, Any]
    names: Mapping[str, Mapping[str, str]] | None = None
    #: secondary instances: id -> rows (dicts of column -> text)
    instances: Mapping[str, list[Mapping[str, Any]]] | None = None
    #: 1-based position of the repeat instance (or of the row inside a predicate); 0 outside
    position: int = 0
    #: the values with whole lists for repeated questions (``indexed-repeat``)
    whole: Mapping[str, Any] | None = None


class Node:
    """A parsed expression. Evaluate it with :func:`evaluate`, ship it with :func:`to_ast`."""

    __slots__ = ()

    def _eval(self, env: _Env) -> Value:
        raise NotImplementedError

    def _ast(self) -> dict[str, Any]:
        raise NotImplementedError

    def _children(self) -> tuple[Node, ...]:
        return ()


@dataclass(frozen=True, slots=True)
class Literal(Node):
    """A string or number written in the expression."""

    value: str | float

    def _eval(self, env: _Env) -> Value:
        return self.value

    def _ast(self) -> dict[str, Any]:
        return {"t": "str" if isinstance(self.value, str) else "num", "v": self.value}


@dataclass(frozen=True, slots=True)
class Reference(Node):
    """``${name}``: the answer to another question."""

    name: str

    def _eval(self, env: _Env) -> Value:
        return _value(env.values.get(self.name))

    def _ast(self) -> dict[str, Any]:
        return {"t": "ref", "n": self.name}


@dataclass(frozen=True, slots=True)
class Current(Node):
    """``.``: the answer being checked by a constraint."""

    def _eval(self, env: _Env) -> Value:
        return env.current

    def _ast(self) -> dict[str, Any]:
        return {"t": "cur"}


@dataclass(frozen=True, slots=True)
class Field(Node):
    """A bare name in a choice filter: that column of the choice being filtered."""

    name: str

    def _eval(self, env: _Env) -> Value:
        return _value(env.fields.get(self.name))

    def _ast(self) -> dict[str, Any]:
        return {"t": "field", "n": self.name}


@dataclass(frozen=True, slots=True)
class Negate(Node):
    """Unary minus."""

    operand: Node

    def _eval(self, env: _Env) -> Value:
        return -to_number(self.operand._eval(env))

    def _ast(self) -> dict[str, Any]:
        return {"t": "neg", "a": self.operand._ast()}

    def _children(self) -> tuple[Node, ...]:
        return (self.operand,)


@dataclass(frozen=True, slots=True)
class Binary(Node):
    """An operator: ``or and = != < <= > >= + - * div mod``."""

    op: str
    left: Node
    right: Node

    def _eval(self, env: _Env) -> Value:
        op = self.op
        if op == "and":
            return truthy(self.left._eval(env)) and truthy(self.right._eval(env))
        if op == "or":
            return truthy(self.left._eval(env)) or truthy(self.right._eval(env))
        left, right = self.left._eval(env), self.right._eval(env)
        if op in _COMPARISONS:
            return _compare(op, left, right)
        return _arithmetic(op, left, right)

    def _ast(self) -> dict[str, Any]:
        return {"t": "op", "op": self.op, "a": self.left._ast(), "b": self.right._ast()}

    def _children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True, slots=True)
class Call(Node):
    """A function call."""

    name: str
    args: tuple[Node, ...]

    def _eval(self, env: _Env) -> Value:
        if self.name == "if":
            condition, then, otherwise = self.args
            return (then if truthy(condition._eval(env)) else otherwise)._eval(env)
        if self.name == "jr:choice-name":
            value, question = (arg._eval(env) for arg in self.args)
            return _fn_choice_name(value, question, env.names)
        if self.name in _CONTEXT_FUNCTIONS:
            return self._in_context(env)
        return _FUNCTIONS[self.name][2](*(arg._eval(env) for arg in self.args))

    def _in_context(self, env: _Env) -> Value:
        name = self.name
        if name == "once":
            # ODK: the value already there stays (a calculation's own value is ``current``).
            return env.current if not _is_empty(env.current) else self.args[0]._eval(env)
        if name == "position":
            return float(env.position) if env.position else _NAN
        if name == "current":
            return env.current
        if name == "instance":
            return list(_instance_rows(env, self.args[0]._eval(env)))
        if name == "pulldata":
            source, column, key_column, key = (arg._eval(env) for arg in self.args)
            wanted = to_string(key)
            for row in _instance_rows(env, source):
                if to_string(_value(row.get(to_string(key_column)))) == wanted:
                    return to_string(_value(row.get(to_string(column))))
            return ""
        # indexed-repeat(${q}, ${repeat}, i, ${repeat2}, j, ...): the answer to q in the
        # i-th instance (of the j-th inner instance ...), whatever instance is current.
        target = self.args[0]
        whole = env.whole if env.whole is not None else env.values
        if isinstance(target, Reference):
            item: Any = _value(whole.get(target.name))
        else:
            item = target._eval(env)
        for index_node in self.args[2::2]:
            position = _index(to_number(index_node._eval(env)))
            if not isinstance(item, list) or not 1 <= position <= len(item):
                return ""
            item = item[position - 1]
        return item

    def _ast(self) -> dict[str, Any]:
        return {"t": "fn", "n": self.name, "args": [arg._ast() for arg in self.args]}

    def _children(self) -> tuple[Node, ...]:
        return self.args


def _instance_rows(env: _Env, name: Value) -> list[Mapping[str, Any]]:
    rows = (env.instances or {}).get(to_string(name).strip(_WHITESPACE))
    return rows if isinstance(rows, list) else []


@dataclass(frozen=True, slots=True)
class Step(Node):
    """One ``/name[predicate]...`` step of a path into a secondary instance."""

    name: str
    predicates: tuple[Node, ...] = ()

    def _eval(self, env: _Env) -> Value:  # pragma: no cover - evaluated by Path
        raise NotImplementedError

    def _ast(self) -> dict[str, Any]:
        return {"n": self.name, "p": [p._ast() for p in self.predicates]}

    def _children(self) -> tuple[Node, ...]:
        return self.predicates


@dataclass(frozen=True, slots=True)
class Path(Node):
    """``instance('id')/root/item[filter]/column``: a secondary instance (a choice list, an
    attached CSV, XML or GeoJSON file) read as rows. The first step is the root element,
    the second its items (filtered by the predicates, where bare names are the row's
    columns and ``position()`` its place), the third a column of each item kept; a path that
    stops at the items gives the rows themselves (for ``count()``)."""

    base: Node
    steps: tuple[Step, ...]

    def _eval(self, env: _Env) -> Value:
        rows: list[Any] = list(self.base._eval(env)) if isinstance(self.base, Call) else []
        result: list[Any] = []
        for depth, step in enumerate(self.steps):
            if depth == 0:
                for predicate in step.predicates:
                    rows = rows if truthy(predicate._eval(env)) else []
                continue
            if depth == 1:
                for predicate in step.predicates:
                    rows = _filter_rows(rows, predicate, env)
                result = rows
                continue
            if depth == 2:
                result = [_value(row.get(step.name, "")) for row in rows if step.name in row]
                continue
            return []
        return result

    def _ast(self) -> dict[str, Any]:
        return {"t": "path", "a": self.base._ast(), "s": [step._ast() for step in self.steps]}

    def _children(self) -> tuple[Node, ...]:
        return (self.base, *self.steps)


def _filter_rows(rows: list[Any], predicate: Node, env: _Env) -> list[Any]:
    kept = []
    for position, row in enumerate(rows, start=1):
        inner = _Env(env.values, env.current, row, env.names, env.instances, position, env.whole)
        value = predicate._eval(inner)
        if isinstance(value, int | float) and not isinstance(value, bool):
            if value == position:
                kept.append(row)
        elif truthy(value):
            kept.append(row)
    return kept


@dataclass(frozen=True, slots=True)
class Parent(Node):
    """``..``: the enclosing repeat instance, as ``position(..)`` asks for."""

    def _eval(self, env: _Env) -> Value:
        return ""

    def _ast(self) -> dict[str, Any]:
        return {"t": "parent"}


_COMPARISONS = frozenset({"=", "!=", "<", "<=", ">", ">="})
_LEVELS = (
    frozenset({"or"}),
    frozenset({"and"}),
    frozenset({"=", "!="}),
    frozenset({"<", "<=", ">", ">="}),
    frozenset({"+", "-"}),
    frozenset({"*", "div", "mod"}),
)


# -- parser ---------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<num>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<ref>\$\{[^}]*\})
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:[-:][A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<bad>==|\|\||&&)
  | (?P<op>!=|<=|>=|\.\.|[=<>+\-*(),./\[\]])
    """,
    re.VERBOSE,
)
#: prefix of ODK's reference to the last saved instance of the form: ``${last-saved#name}``
LAST_SAVED = "last-saved#"
_PATHS = (
    "paths are not supported, refer to questions as ${name} (only instance('id')/root/item... "
    "paths into secondary instances are)"
)
_BAD_TOKENS = {
    "==": "'==' is not an operator, compare with '='",
    "||": "'||' is not an operator, use 'or'",
    "&&": "'&&' is not an operator, use 'and'",
}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # num str ref name op end
    text: str
    offset: int


def _tokens(text: str) -> list[_Token]:
    tokens = []
    offset = 0
    while offset < len(text):
        match = _TOKEN_RE.match(text, offset)
        if match is None:
            raise ExpressionError(_unexpected_character(text, offset), text, offset)
        kind = match.lastgroup
        assert kind is not None
        if kind == "bad":
            raise ExpressionError(_BAD_TOKENS[match[0]], text, offset)
        if kind != "space":
            tokens.append(_Token(kind, match[0], offset))
        offset = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


def _unexpected_character(text: str, offset: int) -> str:
    char = text[offset]
    if char in "'\"":
        return "unterminated string"
    if text.startswith("${", offset):
        return "unterminated ${...} reference"
    if char in "\u2018\u2019\u201c\u201d":
        return f"curly quote {char!r}, quote strings with ' or \""
    if char == "$":
        return "'$' must start a reference like ${name}"
    return f"unexpected character {char!r}"


class _Parser:
    def __init__(self, text: str, choice_filter: bool):
        self.text = text
        self.choice_filter = choice_filter
        self.tokens = _tokens(text)
        self.position = 0
        self.nesting = 0

    def error(self, message: str, token: _Token) -> ExpressionError:
        return ExpressionError(message, self.text, token.offset)

    def peek(self) -> _Token:
        return self.tokens[self.position]

    def take(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def expect(self, text: str) -> _Token:
        token = self.take()
        if token.kind != "op" or token.text != text:
            raise self.error(f"expected '{text}' but found {_describe(token)}", token)
        return token

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise ExpressionError("empty expression", self.text)
        node = self.binary(0)
        token = self.peek()
        if token.kind == "op" and token.text == "/":
            raise self.error(_PATHS, token)
        if token.kind != "end":
            raise self.error(f"unexpected {_describe(token)}", token)
        return node

    def binary(self, level: int) -> Node:
        if level == len(_LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while True:
            token = self.peek()
            if token.kind not in ("op", "name") or token.text not in _LEVELS[level]:
                return node
            self.take()
            node = Binary(token.text, node, self.binary(level + 1))

    def unary(self) -> Node:
        token = self.peek()
        if token.kind == "op" and token.text == "-":
            self.take()
            with self.nested(token):
                return Negate(self.unary())
        return self.primary()

    def nested(self, token: _Token) -> _Nesting:
        return _Nesting(self, token)

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "num":
            number = float(token.text)
            if math.isinf(number):
                raise self.error("number too large", token)
            return Literal(number)
        if token.kind == "str":
            return Literal(token.text[1:-1])
        if token.kind == "ref":
            name = token.text[2:-1].strip()
            if name.startswith(LAST_SAVED):
                # ODK's ${last-saved#name}: the answer in the form last saved on the device.
                # A web questionnaire keeps no earlier instance, so it is always empty, as in
                # Collect before the first save.
                saved = name[len(LAST_SAVED):]
                if not _QUESTION_NAME_RE.fullmatch(saved):
                    raise self.error(f"invalid question name {saved!r} in {token.text}", token)
                return Literal("")
            if not _QUESTION_NAME_RE.fullmatch(name):
                raise self.error(f"invalid question name {name!r} in {token.text}", token)
            return Reference(name)
        if token.kind == "op" and token.text in (".", ".."):
            if self.peek().kind == "op" and self.peek().text == "/":
                raise self.error(_PATHS, token)
            return Current() if token.text == "." else Parent()
        if token.kind == "op" and token.text == "/":
            raise self.error(_PATHS, token)
        if token.kind == "op" and token.text == "(":
            with self.nested(token):
                node = self.binary(0)
            self.expect(")")
            return node
        if token.kind == "name":
            following = self.peek()
            if following.kind == "op" and following.text == "(":
                return self.call(token)
            if self.choice_filter:
                return Field(token.text)
            raise self.error(
                f"unexpected name '{token.text}', refer to questions as ${{{token.text}}}", token
            )
        raise self.error(f"unexpected {_describe(token)}", token)

    def call(self, name: _Token) -> Node:
        spec = _FUNCTIONS.get(name.text)
        if spec is None:
            raise self.error(f"unknown function '{name.text}()'", name)
        self.expect("(")
        args: list[Node] = []
        with self.nested(name):
            if not (self.peek().kind == "op" and self.peek().text == ")"):
                args.append(self.binary(0))
                while self.peek().kind == "op" and self.peek().text == ",":
                    self.take()
                    args.append(self.binary(0))
        self.expect(")")
        fewest, most, _ = spec
        if not fewest <= len(args) <= (len(args) if most is None else most):
            raise self.error(f"'{name.text}()' {_arity(fewest, most)}, not {len(args)}", name)
        if not args and name.text in _CURRENT_BY_DEFAULT:
            args.append(Current())
        if name.text == "regex" and isinstance(args[1], Literal):
            try:
                _compile_regex(to_string(args[1].value))
            except ExpressionError as error:
                raise self.error(error.message, name) from None
        call = Call(name.text, tuple(args))
        following = self.peek()
        if following.kind == "op" and following.text == "/":
            if name.text != "instance":
                raise self.error(_PATHS, following)
            return Path(call, self.steps())
        return call

    def steps(self) -> tuple[Step, ...]:
        """``/name[predicate]...`` after ``instance('id')``; bare names in a predicate are
        the columns of the row it filters."""
        steps = []
        while self.peek().kind == "op" and self.peek().text == "/":
            self.take()
            token = self.take()
            if token.kind != "name":
                raise self.error(f"expected a name after '/' but found {_describe(token)}", token)
            predicates = []
            while self.peek().kind == "op" and self.peek().text == "[":
                bracket = self.take()
                saved, self.choice_filter = self.choice_filter, True
                with self.nested(bracket):
                    predicates.append(self.binary(0))
                self.choice_filter = saved
                self.expect("]")
            steps.append(Step(token.text, tuple(predicates)))
        return tuple(steps)


class _Nesting:
    """Counts how deep parentheses, calls and minus signs nest, to fail before recursion does."""

    def __init__(self, parser: _Parser, token: _Token):
        self.parser = parser
        self.token = token

    def __enter__(self) -> None:
        self.parser.nesting += 1
        if self.parser.nesting > MAX_NESTING:
            raise self.parser.error("expression is nested too deeply", self.token)

    def __exit__(self, *exc_info: object) -> None:
        self.parser.nesting -= 1


def _describe(token: _Token) -> str:
    return "end of expression" if token.kind == "end" else f"'{token.text}'"


def _arity(fewest: int, most: int | None) -> str:
    if most is None:
        return f"takes at least {fewest} argument{'s' if fewest != 1 else ''}"
    if fewest == most:
        return f"takes {fewest} argument{'s' if fewest != 1 else ''}"
    return f"takes {fewest} to {most} arguments"


def _walk(node: Node) -> Iterator[tuple[Node, int]]:
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        yield current, depth
        stack.extend((child, depth + 1) for child in current._children())


# -- public interface -----------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _parse(expr: str, choice_filter: bool) -> Node:
    node = _Parser(expr, choice_filter).parse()
    if any(depth > MAX_DEPTH for _, depth in _walk(node)):
        raise ExpressionError(f"expression is nested more than {MAX_DEPTH} levels deep", expr)
    return node


def parse(expr: str, *, choice_filter: bool = False) -> Node:
    """Parse an XLSForm expression into a :class:`Node`; results are cached.

    ``expr`` is the text of a relevant, constraint, calculation, required or repeat_count
    cell. With ``choice_filter=True`` a bare name such as ``region`` in
    ``region = ${country}`` is allowed and means that column of the choice being filtered
    (pass the choice's columns as ``current`` to :func:`evaluate`); otherwise it is an error,
    since it is almost always a question reference missing its ``${}``.
    Raises :class:`ExpressionError` with the position of the problem.
    """
    if not isinstance(expr, str):
        raise TypeError(f"expression must be a string, not {type(expr).__name__}")
    return _parse(expr, choice_filter)


def _node(expr: str | Node) -> Node:
    return expr if isinstance(expr, Node) else parse(expr)


def evaluate(
    expr: str | Node,
    values: Mapping[str, Any],
    current: Any = None,
    *,
    choice_names: Mapping[str, Mapping[str, str]] | None = None,
    instances: Mapping[str, list[Mapping[str, Any]]] | None = None,
) -> Value:
    """Evaluate an expression (text or parsed :class:`Node`) against the answers so far.

    ``values`` maps question names to raw answers (missing or ``None`` is unanswered, ``""``);
    ``current`` is what ``.`` stands for, the answer a constraint checks, or, for a choice
    filter, a mapping of the choice's columns. ``choice_names`` maps question names to
    ``{code: label}`` for ``jr:choice-name()``, in the language wanted. ``instances`` maps
    secondary instance ids to their rows (``{column: text}``) for ``instance('id')/root/item``
    paths and ``pulldata()``; ``values`` may be a :class:`Scope` inside a repeat instance.
    Returns a ``str``,
    ``float``, ``bool``, or an answer as given (``int``, ``list``) when the expression is
    just a reference; use :func:`truthy` for relevance and constraints and
    :func:`to_string` for calculations.
    """
    position = getattr(values, "position", 0)
    whole = getattr(values, "whole", None)
    if isinstance(current, Mapping):
        env = _Env(values, "", current, choice_names, instances, position, whole)
    else:
        env = _Env(values, _value(current), {}, choice_names, instances, position, whole)
    return _node(expr)._eval(env)


class Scope(dict):
    """The values an expression inside a repeat instance sees (its own instance's answers
    in place of the lists), with ``position``, the instance's place from 1 (for
    ``position(..)``), and ``whole``, the values with every list (for ``indexed-repeat``)."""

    def __init__(self, values: Mapping[str, Any], *, position: int = 0, whole=None):
        super().__init__(values)
        self.position = position
        self.whole = whole


def references(expr: str | Node) -> set[str]:
    """The question names an expression refers to with ``${name}``."""
    return {node.name for node, _ in _walk(_node(expr)) if isinstance(node, Reference)}


def instance_names(expr: str | Node) -> set[str]:
    """The secondary instances an expression reads (literal first arguments of
    ``instance()`` and ``pulldata()``)."""
    return {
        to_string(node.args[0].value)
        for node, _ in _walk(_node(expr))
        if isinstance(node, Call)
        and node.name in ("instance", "pulldata")
        and isinstance(node.args[0], Literal)
    }


def uses(expr: str | Node, names: frozenset[str] | set[str]) -> bool:
    """Whether the expression calls any of the functions ``names``."""
    return any(isinstance(n, Call) and n.name in names for n, _ in _walk(_node(expr)))


def choice_name_questions(expr: str | Node) -> set[str]:
    """The questions whose choice labels ``jr:choice-name()`` calls in ``expr`` look up (those
    named by a literal second argument)."""
    return {
        question_named(node.args[1].value)
        for node, _ in _walk(_node(expr))
        if isinstance(node, Call)
        and node.name == "jr:choice-name"
        and isinstance(node.args[1], Literal)
    }


def to_ast(expr: str | Node, *, choice_filter: bool = False) -> dict[str, Any]:
    """The expression as a JSON-serialisable tree for ``ConsultExpr.evaluate`` in the browser.

    Nodes are dicts with a type ``t``: ``num``/``str`` (value ``v``), ``ref`` and ``field``
    (name ``n``), ``cur``, ``neg`` (operand ``a``), ``op`` (operator ``op``, operands ``a`` and
    ``b``), ``fn`` (name ``n``, ``args``). Each call builds a new dict. ``choice_filter`` is
    as for :func:`parse`. Raises :class:`ExpressionError` like :func:`parse`.
    """
    node = expr if isinstance(expr, Node) else parse(expr, choice_filter=choice_filter)
    return node._ast()

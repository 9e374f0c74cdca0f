"""Interface language: from ?lang=, then the session, then the user, then Accept-Language."""

from __future__ import annotations

import datetime as dt
from functools import cache
from urllib.parse import urlencode

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

import reference
from consult.extensions import babel


def select_locale() -> str:
    # Commands and background jobs have no request: they speak the default language.
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    languages = current_app.config["LANGUAGES"]
    asked = request.args.get("lang", "")
    if asked in languages:
        session["lang"] = asked
        return asked
    kept = session.get("lang")
    if kept in languages:
        return kept
    if current_user.is_authenticated and current_user.language in languages:
        return current_user.language
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


def current_language() -> str:
    return str(get_locale() or "en").split("_")[0]


def direction(lang: str) -> str:
    return "rtl" if reference.is_rtl(lang) else "ltr"


def url_with_lang(lang: str) -> str:
    args = request.args.to_dict()
    args["lang"] = lang
    return f"{request.path}?{urlencode(args)}"


# Numbers and dates in the reader's language. Babel (CLDR) formats them in the locale's
# default numbering system: Persian gets Extended Arabic-Indic digits (۱۲۳) with its own
# separators (٬ ٫), the other interface languages Latin digits with their separators. Babel's
# own default is Latin digits everywhere, which would mix digit shapes on a Persian page.


def _locale() -> str:
    return current_language() if has_request_context() else "en"


def format_number(value: object, digits: int | None = None, lang: str | None = None) -> str:
    """A number as the reader writes it: ``digits`` decimals when given (fixed), else as
    many as it has; anything that is not a number comes back as text, None as "—"."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and value != value:
        return "—"
    lang = lang or _locale()
    locale = _parsed_locale(lang)
    if digits is not None:
        pattern = _pattern("#,##0" + ("." + "0" * digits if digits else ""))
    else:
        pattern = locale.decimal_formats[None]
    text = pattern.apply(value, locale, numbering_system="default")
    return localise_digits(text, lang)


@cache
def _parsed_locale(lang: str) -> Locale:
    return Locale.parse(lang)


@cache
def _pattern(text: str):
    # Parsed once: a results page formats thousands of numbers.
    return babel_numbers.parse_pattern(text)


def format_percent(value: object, lang: str | None = None) -> str:
    """A share (0..1) as a percentage in the reader's language."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return "—" if value is None else str(value)
    lang = lang or _locale()
    locale = _parsed_locale(lang)
    text = babel_numbers.format_percent(value, locale=locale, numbering_system="default")
    # Babel keeps the pattern's ASCII "%" where the numbering system has its own sign (٪).
    sign = locale.number_symbols.get(locale.default_numbering_system, {}).get("percentSign")
    return localise_digits(text.replace("%", sign) if sign else text, lang)


#: The zero of the CLDR numbering systems an interface language may default to; the other
#: nine digits follow it in Unicode (Babel knows each locale's system but not its digits).
_ZEROS = {"latn": "0", "arab": "\u0660", "arabext": "\u06f0", "deva": "\u0966", "beng": "\u09e6",
          "mymr": "\u1040", "tibt": "\u0f20"}


@cache
def _digits(lang: str) -> str:
    try:
        system = Locale.parse(lang).default_numbering_system
    except (ValueError, LookupError):
        system = "latn"
    zero = ord(_ZEROS.get(system, "0"))
    return "".join(chr(zero + n) for n in range(10))


def localise_digits(text: str, lang: str | None = None) -> str:
    """ASCII digits of ``text`` written in the locale's digits (Babel's dates and gettext
    messages with ``%d`` use ASCII digits whatever the locale)."""
    digits = _digits(lang or _locale())
    if digits == "0123456789":
        return text
    translated = str.translate(str(text), str.maketrans("0123456789", digits))
    # A message already escaped by Jinja stays safe (its digits are text, not markup).
    return Markup(translated) if isinstance(text, Markup) else translated


def format_date(value: dt.date | dt.datetime | None, width: str = "medium") -> str:
    """A date in the reader's language (CLDR pattern ``width``: short, medium, long)."""
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        value = value.date()
    lang = _locale()
    return localise_digits(babel_dates.format_date(value, format=width, locale=lang), lang)


def format_datetime(value: dt.datetime | None, width: str = "medium") -> str:
    """A date and time (UTC, as stored) in the reader's language: the date at ``width``,
    the time in hours and minutes, joined by the locale's pattern."""
    if value is None:
        return "—"
    lang = _locale()
    locale = Locale.parse(lang)
    day = babel_dates.format_date(value.date(), format=width, locale=locale)
    time = babel_dates.format_time(value.time(), format="short", locale=locale)
    joined = str(locale.datetime_formats.get(width, "{1} {0}")).replace("{1}", day)
    return localise_digits(joined.replace("{0}", time), lang)


def _template_context() -> dict:
    lang = current_language()
    return {
        "current_lang": lang,
        "text_direction": direction(lang),
        "interface_languages": [
            (code, reference.native_names().get(code, code))
            for code in current_app.config["LANGUAGES"]
        ],
        "url_with_lang": url_with_lang,
    }


def init_app(app: Flask) -> None:
    app.config.setdefault(
        "BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/translations")
    )
    babel.init_app(app, locale_selector=select_locale)
    app.context_processor(_template_context)
    app.add_template_filter(format_number, "number")
    app.add_template_filter(format_percent, "percent")
    app.add_template_filter(format_date, "date")
    app.add_template_filter(format_datetime, "datetime")
    app.add_template_filter(localise_digits, "digits")

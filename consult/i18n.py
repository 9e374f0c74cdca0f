"""Interface language: from ?lang=, then the session, then the user, then Accept-Language."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

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

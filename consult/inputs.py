"""What a request may carry: control characters, and JSON bodies' size and depth.

Every route gets the same treatment here, before its own code runs:

* the URL path and the query string must be free of control characters and lone
  surrogates (:mod:`surveys.cleaning`); a request with one is refused with 400, since
  such an address names nothing and PostgreSQL refuses NUL in any query it would reach;
* form fields (and uploaded files' names) lose them instead: a respondent's pasted text
  may hold a stray control character, and refusing the post would lose the whole page;
  tab, CR and LF stay;
* a JSON body, wherever it is read (:meth:`ConsultRequest.get_json`), must be at most
  ``JSON_MAX_BYTES`` long (413), nested at most ``JSON_MAX_DEPTH`` deep and free of control
  characters (400, naming the field): Python's parser recurses, so 100,000 brackets
  would otherwise end in a RecursionError.

Each refusal is an :class:`InputRejected` or :class:`InputTooLarge`, which the error
handlers show with their own message (JSON under /api/).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request
from flask import Request as FlaskRequest
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from surveys.cleaning import clean_text, unwanted_character

#: A field name shown in a message is cut to this many characters.
_SHOWN_NAME_LENGTH = 60


class InputRejected(BadRequest):
    """400 with a message saying what in the request was refused."""


class InputTooLarge(RequestEntityTooLarge):
    """413 with a message saying which limit the request went over."""


def _character(char: str) -> str:
    return f"U+{ord(char):04X}"


def _shown(path: tuple[str | int, ...]) -> str:
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    text = text.lstrip(".") or _("the top level")
    return text if len(text) <= _SHOWN_NAME_LENGTH else text[: _SHOWN_NAME_LENGTH - 1] + "\u2026"


def json_problem(value: Any, max_depth: int) -> str | None:
    """Why a parsed JSON value is refused, or None: nested more than ``max_depth`` levels
    (objects and arrays; a scalar at the top is level 0), or a string or key holding a
    control character or lone surrogate (the message names where)."""
    stack: list[tuple[Any, int, tuple[str | int, ...]]] = [(value, 0, ())]
    while stack:
        item, depth, path = stack.pop()
        if isinstance(item, str):
            char = unwanted_character(item)
            if char is not None:
                return _(
                    "The JSON body holds a control character (%(char)s) in %(field)s; remove "
                    "it and send the request again.",
                    char=_character(char),
                    field=_shown(path),
                )
            continue
        if not isinstance(item, dict | list):
            continue
        if depth + 1 > max_depth:
            return _("The JSON body is nested more than %(depth)d levels deep.", depth=max_depth)
        children = item.items() if isinstance(item, dict) else enumerate(item)
        for key, child in children:
            if isinstance(key, str):
                char = unwanted_character(key)
                if char is not None:
                    return _(
                        "The JSON body holds a control character (%(char)s) in a name in "
                        "%(field)s; remove it and send the request again.",
                        char=_character(char),
                        field=_shown(path),
                    )
            stack.append((child, depth + 1, (*path, key)))
    return None


class ConsultRequest(FlaskRequest):
    """Flask's request with form fields cleaned and JSON bodies checked (module docstring)."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form is not None and any(
            unwanted_character(key) or unwanted_character(value)
            for key, value in form.items(multi=True)
        ):
            self.__dict__["form"] = self.parameter_storage_class(
                [(clean_text(key), clean_text(value)) for key, value in form.items(multi=True)]
            )
        for upload in (self.__dict__.get("files") or {}).values():
            if upload.filename:
                upload.filename = clean_text(upload.filename, multiline=False)

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        """The parsed JSON body, as Flask's, after the checks of the module docstring;
        refusals raise even when ``silent``, so that the client learns why."""
        if not (force or self.is_json):
            return super().get_json(force=force, silent=silent, cache=cache)
        limit = current_app.config["JSON_MAX_BYTES"]
        if (self.content_length or 0) > limit or len(self.get_data(cache=True)) > limit:
            raise InputTooLarge(
                _("The JSON body is larger than %(size)d KB.", size=max(limit // 1024, 1))
            )
        depth = current_app.config["JSON_MAX_DEPTH"]
        try:
            value = super().get_json(force=force, silent=silent, cache=cache)
        except RecursionError:
            raise InputRejected(
                _("The JSON body is nested more than %(depth)d levels deep.", depth=depth)
            ) from None
        problem = json_problem(value, depth)
        if problem is not None:
            raise InputRejected(problem)
        return value


def _refuse_unwanted_characters_in_the_address() -> None:
    char = unwanted_character(request.path) if request.path else None
    if char is not None:
        raise InputRejected(
            _("The address holds a control character (%(char)s).", char=_character(char))
        )
    for key, value in request.args.items(multi=True):
        char = unwanted_character(key) or unwanted_character(value)
        if char is not None:
            raise InputRejected(
                _(
                    "The address holds a control character (%(char)s) in '%(field)s'.",
                    char=_character(char),
                    field=clean_text(key)[:_SHOWN_NAME_LENGTH],
                )
            )


def init_app(app: Flask) -> None:
    """Check every request of ``app`` as the module docstring says."""
    app.request_class = ConsultRequest
    app.before_request(_refuse_unwanted_characters_in_the_address)


def read_upload(storage, limit: int) -> bytes | None:
    """The bytes of an uploaded file (a ``FileStorage``), or None when it is larger than
    ``limit`` bytes; reads at most one byte more than the limit, so a huge upload costs no
    more memory than an allowed one. The caller tells the user."""
    data = storage.read(limit + 1)
    if len(data) > limit:
        return None
    return data

"""Random, huge, binary and hostile values sent to every form and API endpoint as every role.

The forms are the ones the app renders: every GET page of the URL map is fetched as each
role and parsed with :mod:`html.parser`; each ``<form>`` found gives the endpoint, its
fields and their valid values. POST forms go with the role's real CSRF token. Checked for
every request: never a 5xx; user text that comes back in HTML is escaped (and template
syntax is never evaluated); a refused request adds no rows; a change of data is audited.
Exports are checked for formula neutralisation with values typed into the real forms.

Beyond the forms: values as long as the answer limit and longer against every constraint
of the shipped form and of the test forms, control characters in every address, deep and
large JSON bodies on every POST endpoint and random bearer tokens on the API.

Runs on SQLite and on PostgreSQL (which refuses NUL and over-long text where SQLite stores
them), in one app per module and database: the world with its analysis run is built once.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, quote_from_bytes, urlsplit

import openpyxl
import pytest
from flask import Flask, url_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.test import EnvironBuilder

from consult.extensions import db
from consult.models import AuditEvent, Questionnaire
from consult.questionnaires import import_form, load_version_form
from tests.conftest import _empty_postgres
from tests.consult.test_authorisation_matrix import (
    LAST,
    QUERY,
    ROLES,
    Visitor,
    World,
    build_world,
    url_arguments,
    visitors,
)
from tests.surveys.xlsform_fixtures import CHOICES, SETTINGS, SURVEY, xlsx

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULA = "=cmd|' /C calc'!A0"
#: Template syntax with a marker, so "49zq" in a page means a template evaluated input.
TEMPLATE = "{{7*7}}zq"
HOSTILE = (
    SCRIPT,
    IMG,
    FORMULA,
    TEMPLATE,
    "{{7*7}}",
    "a\x00b\x00",
    "Сайгак 高鼻羚羊 بز کوهی 🦌 \u202eevil\u202c \u200f",
    "\u202e" + SCRIPT,
    "%s %(x)s {0} %n",
    "' OR 1=1 --",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "9999-12-31",
    "",
    "   ",
    "\r\n\t",
    "\x01\x02\x1b[31m\x7f\x0b\x0c",
    "lone \ud800 surrogate",
    "\u0000",
)
#: One megabyte: larger than every text limit of the app, smaller than the upload limit.
HUGE = ("x" * 1024 + SCRIPT) * 1000
#: Stands for HUGE in generated examples, so a failing example prints short.
HUGE_MARK = "[one megabyte]"
TEST_FORM = xlsx({"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS})
#: More nested brackets than Python's JSON parser can recurse through.
DEEP_JSON = "[" * 100_000 + "]" * 100_000
MAIN_TABLES = (
    "users",
    "api_tokens",
    "questionnaires",
    "questionnaire_versions",
    "invitations",
    "responses",
    "answers",
    "interviews",
    "participants",
    "interview_notes",
    "interview_threats",
    "strategy_ratings",
    "analysis_runs",
    "codings",
)
#: Respondents' drafts are saved on every post, with or without messages on the page, and
#: a draft's answers are not audited one save at a time (starting and submitting are).
SAVES_DRAFTS = frozenset({"respond.save_page", "respond.start"})
ERROR_RE = re.compile(r'class="error"[^>]*>\s*[^<\s]')


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzz_app(request, tmp_path_factory):
    """An app on a SQLite file or on the run's PostgreSQL database, built like
    tests/conftest.py's, with the rate limits off (a fuzz run is a burst by design)."""
    from sqlalchemy import create_engine

    from consult import create_app
    from consult.models import Base
    from consult.reference import load_reference_data

    folder = tmp_path_factory.mktemp("fuzz")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'consult.sqlite'}"
        engine = create_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
    else:
        url = request.getfixturevalue("pg_database")
        _empty_postgres(url)
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": url,
            "INSTANCE_PATH": str(folder / "instance"),
            "SECRET_KEY": "test-secret-key-not-for-production",
            "LOG_LEVEL": "CRITICAL",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        load_reference_data()
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# -- forms as the pages render them ---------------------------------------------------------


@dataclass
class FormSpec:
    """One rendered ``<form>``: where it goes, and its fields with their valid values."""

    endpoint: str
    method: str
    url: str
    multipart: bool = False
    #: field name -> values a browser could send (hidden values, options, button values)
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    multiple: set[str] = field(default_factory=set)


class FormParser(HTMLParser):
    """Collects the forms of a page; fields outside a form are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = {"attrs": a, "fields": {}, "files": set(), "multiple": set()}
            self.forms.append(self._form)
            return
        if tag == "option" and self._form is not None and self._select:
            self._form["fields"][self._select].append(a.get("value", ""))
            return
        if self._form is None or not a.get("name"):
            return
        name, fields = a["name"], self._form["fields"]
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "file":
                self._form["files"].add(name)
            fields.setdefault(name, [])
            if kind in ("checkbox", "radio", "hidden", "submit") or a.get("value"):
                fields[name].append(a.get("value", "on" if kind == "checkbox" else ""))
            if kind == "checkbox":
                self._form["multiple"].add(name)
        elif tag == "button":
            fields.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select":
            self._select = name
            fields.setdefault(name, [])
            if "multiple" in a:
                self._form["multiple"].add(name)
        elif tag == "textarea":
            self._textarea = name
            fields.setdefault(name, [])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self._form is not None and data.strip():
            self._form["fields"][self._textarea].append(data)


def forms_on(app: Flask, page_url: str, html: str) -> Iterator[FormSpec]:
    """The forms of a page whose action is a route of the app."""
    parser = FormParser()
    parser.feed(html)
    adapter = app.url_map.bind("localhost")
    for form in parser.forms:
        method = form["attrs"].get("method", "get").upper()
        action = form["attrs"].get("action") or page_url
        parts = urlsplit(action)
        try:
            endpoint, _args = adapter.match(parts.path, method=method)
        except (NotFound, MethodNotAllowed):
            continue
        fields = form["fields"]
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            fields.setdefault(name, []).append(value)
        yield FormSpec(
            endpoint=endpoint,
            method=method,
            url=parts.path if method == "GET" else action,
            multipart="multipart" in form["attrs"].get("enctype", ""),
            fields=fields,
            files=form["files"],
            multiple=form["multiple"],
        )


def get_urls(app: Flask, world: World, respondent: Visitor) -> list[str]:
    """A URL for every GET route but static, with its arguments from the world."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        arguments = url_arguments(rule.endpoint, world, respondent)
        with app.test_request_context():
            urls.append(
                url_for(
                    rule.endpoint,
                    **{name: arguments[name] for name in rule.arguments},
                    **QUERY.get(rule.endpoint, {}),
                )
            )
    return sorted(urls)


def discover(app: Flask, browser: Visitor, urls: list[str]) -> dict[tuple[str, str], FormSpec]:
    """(endpoint, method) -> the first form for it on the pages ``browser`` may open, then
    on the pages those forms lead to when sent as they are (one level deeper)."""
    found: dict[tuple[str, str], FormSpec] = {}

    def add(page_url, response):
        if response.status_code == 200 and response.mimetype == "text/html":
            for spec in forms_on(app, page_url, response.get_data(as_text=True)):
                found.setdefault((spec.endpoint, spec.method), spec)

    for url in urls:
        if "/resume/" not in url:
            add(url, browser.client.get(url, headers=browser.headers))
    for key in sorted(found, key=lambda k: k[0] in LAST):
        spec = found[key]
        if spec.method == "POST" and not spec.files and spec.endpoint not in LAST:
            data = {name: values[0] for name, values in spec.fields.items() if values}
            add(spec.url, browser.client.post(spec.url, data=data, headers=browser.headers))
    return found


# -- what gets sent -----------------------------------------------------------------------

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Lo", "So"]), max_size=20),
    st.builds(lambda h: h + SCRIPT, st.sampled_from(HOSTILE)),
)


def value_for(spec: FormSpec, name: str) -> st.SearchStrategy:
    """Mostly hostile text; sometimes a value the page offers, so deeper code runs too."""
    offered = [v for v in spec.fields.get(name, []) if v is not None]
    choices = [hostile_text, st.just(HUGE_MARK)]
    if offered:
        choices += [st.sampled_from(offered)] * 2
    if name in spec.multiple and offered:
        choices.append(st.lists(st.sampled_from(offered), max_size=4, unique=True))
    return st.one_of(*choices)


def upload() -> st.SearchStrategy:
    """(content, filename) of an uploaded file: random bytes, empty, huge or a zip header."""
    return st.tuples(
        st.one_of(
            st.binary(max_size=300), st.sampled_from([b"", HUGE_MARK.encode(), b"PK\x03\x04"])
        ),
        st.sampled_from(["a.xlsx", "b.csv", "c.txt", "../../etc/passwd", "=x.csv", SCRIPT]),
    )


def form_values(spec: FormSpec) -> st.SearchStrategy:
    """A dict of field -> value; the CSRF token is always the session's, to get past it."""
    names = sorted(n for n in spec.fields if not n.endswith("csrf_token"))
    parts = {name: upload() if name in spec.files else value_for(spec, name) for name in names}
    return st.fixed_dictionaries({}, optional=parts)


def _quoted(item: object) -> str:
    if item == HUGE_MARK:
        return _HUGE_QUOTED
    raw = item if isinstance(item, bytes) else str(item).encode("utf-8", "surrogatepass")
    return quote_from_bytes(raw)


_HUGE_QUOTED = quote_from_bytes(HUGE.encode())


def _expand(value):
    return HUGE if value == HUGE_MARK else value


def _multipart_text(value):
    """A field value as a browser writes it into a multipart body: UTF-8, where a lone
    surrogate cannot be written and becomes U+FFFD (the test client would raise)."""
    if isinstance(value, list):
        return [_multipart_text(item) for item in value]
    return re.sub("[\ud800-\udfff]", "\ufffd", value) if isinstance(value, str) else value


def _upload(content: bytes, filename: str) -> tuple[io.BytesIO, str]:
    return io.BytesIO(HUGE.encode() if content == HUGE_MARK.encode() else content), filename


def _urlencoded(data: dict) -> bytes:
    pairs = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append(f"{quote(name)}={_quoted(item)}")
    return "&".join(pairs).encode()


def send(browser: Visitor, spec: FormSpec, values: dict):
    """Submit ``values`` the way a browser submits the form."""
    csrf = {name: browser.csrf for name in spec.fields if name.endswith("csrf_token")}
    if spec.method == "GET":
        # Servers cut URLs at a few kilobytes, so a query string never carries a megabyte.
        small = {k: v for k, v in values.items() if v != HUGE_MARK}
        return browser.client.get(
            spec.url, query_string=_urlencoded(small).decode(), headers=browser.headers
        )
    if spec.multipart:
        data = {
            name: _upload(*value) if name in spec.files else _multipart_text(_expand(value))
            for name, value in values.items()
        }
        builder = EnvironBuilder(
            path=spec.url,
            method="POST",
            data={**data, **csrf},
            headers=browser.headers,
            content_type="multipart/form-data",
        )
        request = builder.get_request()
        try:
            return browser.client.open(request)
        finally:
            # The test client spools a large multipart body to a temporary file it never
            # closes; the app is not involved.
            request.environ["wsgi.input"].close()
            builder.close()
    return browser.client.post(
        spec.url,
        data=_urlencoded({**values, **csrf}),
        headers=browser.headers,
        content_type="application/x-www-form-urlencoded",
    )


# -- what is checked -------------------------------------------------------------------------


def counts(app: Flask) -> dict[str, int]:
    with app.app_context():
        tables = db.metadata.tables
        result = {
            name: db.session.scalar(db.select(db.func.count()).select_from(tables[name]))
            for name in MAIN_TABLES
        }
        result["audit"] = db.session.scalar(db.select(db.func.count(AuditEvent.id)))
        return result


def assert_escaped(response, where: str) -> None:
    if response.mimetype != "text/html":
        return
    html = response.get_data(as_text=True)
    assert SCRIPT not in html, f"{where}: raw <script> in the page"
    assert "<img src=x onerror" not in html, f"{where}: raw <img onerror> in the page"
    assert "49zq" not in html, f"{where}: template syntax was evaluated"


def check(app: Flask, browser: Visitor, spec: FormSpec, values: dict, before: dict) -> None:
    where = f"{spec.method} {spec.endpoint} as {browser.role}"
    response = send(browser, spec, values)
    assert response.status_code < 500, f"{where}: {response.status_code}"
    assert_escaped(response, where)
    if response.status_code in (301, 302, 303) and response.location.startswith("/"):
        followed = browser.client.get(response.location, headers=browser.headers)
        assert followed.status_code < 500, f"{where} then GET {response.location}"
        assert_escaped(followed, f"{where} then GET {response.location}")
    after = counts(app)
    refused = response.status_code >= 400 or (
        response.status_code == 200
        and spec.method == "POST"
        and spec.endpoint not in SAVES_DRAFTS
        and response.mimetype == "text/html"
        and ERROR_RE.search(response.get_data(as_text=True)) is not None
    )
    rows_before = {k: v for k, v in before.items() if k != "audit"}
    rows_after = {k: v for k, v in after.items() if k != "audit"}
    if refused:
        assert rows_after == rows_before, f"{where}: refused ({response.status_code}), rows added"
    elif rows_after != rows_before and spec.endpoint not in SAVES_DRAFTS:
        assert after["audit"] > before["audit"], f"{where}: rows changed without an audit event"


@pytest.fixture(scope="module")
def fuzz_world(fuzz_app):
    world = build_world(fuzz_app)
    with fuzz_app.app_context():
        # The engine's test form, for its constraints (the world has the shipped form and
        # the small form already).
        import_form(TEST_FORM, "gap_needs_test.xlsx")
        extra = _pages_with_rare_forms(world)
        db.session.commit()
    browsers = visitors(fuzz_app, world)
    urls = get_urls(fuzz_app, world, browsers["respondent"]) + extra
    scout = visitors(fuzz_app, world)["admin"]
    found = discover(fuzz_app, scout, urls)
    for role in ROLES:
        found |= discover(fuzz_app, browsers[role], urls)
    return world, browsers, found


JSON_ENDPOINTS = {"api.submit_questionnaire"}
#: JSON endpoints of signed-in pages: without the session's CSRF token a body is refused
#: before it is read.
SESSION_JSON_ENDPOINTS = {"interviews.sync_interview"}
#: Multipart endpoints of ODK Collect: no HTML form; tests/consult/test_openrosa.py sends
#: them broken documents.
DEVICE_ENDPOINTS = {"openrosa.submission", "openrosa.token_submission"}


def _pages_with_rare_forms(world: World) -> list[str]:
    """Pages whose forms appear only in some states, put in those states: a failed run
    (its restart button), a sign-in pause on the spare account (its unlock button), an ODK
    Collect password on it (its remove button) and a password link (its form); their URLs."""
    from datetime import timedelta

    from consult.accounts.service import start_password_reset
    from consult.models import AnalysisRun, LoginThrottle, User, utcnow
    from consult.openrosa.auth import set_collector_password

    failed = AnalysisRun(parameters={"seed": 1}, status="failed", error="stopped")
    db.session.add(failed)
    db.session.add(
        LoginThrottle(
            user_id=world.spare_user_id,
            address="192.0.2.1",
            failures=0,
            locked_until=utcnow() + timedelta(minutes=15),
        )
    )
    token = start_password_reset(db.session.get(User, world.spare_user_id), by=None)
    set_collector_password(
        db.session.get(User, world.spare_user_id), "spare collect password", by=None
    )
    db.session.flush()
    return [f"/secretariat/analysis/{failed.id}", f"/auth/reset/{token}"]


def test_every_form_endpoint_is_found_on_a_page(fuzz_app, fuzz_world):
    _world, _browsers, found = fuzz_world
    posting = {rule.endpoint for rule in fuzz_app.url_map.iter_rules() if "POST" in rule.methods}
    # JSON endpoints have no HTML form; tests/consult/test_submit_api.py fuzzes them.
    assert posting - JSON_ENDPOINTS - SESSION_JSON_ENDPOINTS - DEVICE_ENDPOINTS <= {
        endpoint for endpoint, _method in found
    }


def _fuzz_order(found: dict[tuple[str, str], FormSpec]) -> list[FormSpec]:
    return [found[key] for key in sorted(found, key=lambda k: (k[0] in LAST, k))]


def _api_specs(app: Flask, world: World) -> list[FormSpec]:
    """The JSON API's GET endpoints with the query parameters they read."""
    listing = ("page", "per_page", "since", "status", "questionnaire", "country", "group")
    with app.test_request_context():
        return [
            FormSpec(
                "api.list_responses",
                "GET",
                url_for("api.list_responses"),
                fields={name: [] for name in listing},
            ),
            FormSpec(
                "api.get_questionnaire_json",
                "GET",
                url_for("api.get_questionnaire_json", slug=world.slug),
                fields={"page": []},
            ),
            FormSpec(
                "api.list_questionnaires",
                "GET",
                url_for("api.list_questionnaires"),
                fields={"page": []},
            ),
        ]


def fuzz(app: Flask, browser: Visitor, spec: FormSpec) -> None:
    """Send ``spec`` eight generated submissions as ``browser``, checking each."""

    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(values=form_values(spec))
    def run(values):
        check(app, browser, spec, values, counts(app))

    run()


@pytest.mark.parametrize("role", ROLES)
def test_hostile_values_never_break_a_form(fuzz_app, fuzz_world, role):
    world, browsers, found = fuzz_world
    for spec in [*_api_specs(fuzz_app, world), *_fuzz_order(found)]:
        fuzz(fuzz_app, browsers[role], spec)


# -- long values, control characters, JSON bodies, bearer tokens ------------------------------


def long_values(limit: int) -> list[str]:
    """Answers at the answer limit, one past it and far past it: text a backtracking regex
    engine splits every way (an e-mail with a dot per character after the "@"), digits
    for number constraints, and blanks around a letter."""
    values = []
    for length in (limit, limit + 1, 150_000):
        values += [
            ("a@" + "a." * length)[: length - 1] + "@",
            "9" * length,
            " " * (length - 1) + "x",
        ]
    return values


def _constrained(app: Flask) -> list[tuple[str, str, bool]]:
    """(slug, question name, in a repeat) of every answered question with a constraint and
    every text question, in every questionnaire of the world."""
    with app.app_context():
        questionnaires = db.session.scalars(db.select(Questionnaire).order_by(Questionnaire.slug))
        found = []
        for questionnaire in questionnaires:
            form = load_version_form(questionnaire.current_version)
            for question in form.questions.values():
                if question.answered and (question.constraint or question.type == "text"):
                    found.append((questionnaire.slug, question.name, question.repeat is not None))
        return found


def test_long_values_against_every_constraint_are_answered_quickly(fuzz_app, fuzz_world):
    world, browsers, _found = fuzz_world
    client = browsers["anonymous"].client
    limit = fuzz_app.config["ANSWER_MAX_LENGTH"]
    questions = _constrained(fuzz_app)
    assert {slug for slug, _name, _repeat in questions} >= {
        "cami-gap-needs",
        "gap-needs-test",
        world.slug,
    }
    assert "email" in {name for _slug, name, _repeat in questions}
    for slug, name, in_repeat in questions:
        url = f"/api/v1/questionnaires/{slug}/submissions"
        for value in long_values(limit):
            body = {"client_id": "fuzz-long-values", "language": "en"}
            body["answers"] = {name: [value] if in_repeat else value}
            started = time.perf_counter()
            response = client.post(url, json=body)
            where = f"{slug}: {name} = {len(value)} characters"
            assert time.perf_counter() - started < 2.0, where
            assert response.status_code == 422, f"{where}: {response.status_code}"
            message = response.get_json()["errors"].get(f"{name}[0]" if in_repeat else name, "")
            assert ("at most" in message) == (len(value) > limit), f"{where}: {message}"


def test_control_characters_in_any_address_are_refused(fuzz_app, fuzz_world):
    world, browsers, _found = fuzz_world
    admin = browsers["admin"]
    before = counts(fuzz_app)
    for url in get_urls(fuzz_app, world, browsers["respondent"]):
        for bad in (url + "%00", url + "?q=a%00b", url + "?lang=%1B%5B31m"):
            response = admin.client.get(bad, headers=admin.headers)
            assert response.status_code == 400, bad
    assert counts(fuzz_app) == before


def _post_urls(app: Flask, world: World, respondent: Visitor) -> list[tuple[str, str]]:
    """(endpoint, URL) of every POST route, with its arguments from the world."""
    found = []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods:
            continue
        arguments = url_arguments(rule.endpoint, world, respondent)
        with app.test_request_context():
            values = {name: arguments[name] for name in rule.arguments}
            found.append((rule.endpoint, url_for(rule.endpoint, **values)))
    return sorted(found)


def test_deep_large_and_dirty_json_bodies_never_break_a_post_endpoint(fuzz_app, fuzz_world):
    world, browsers, _found = fuzz_world
    # A fresh sign-in: the admin's browser of the module signed out in the forms' fuzz.
    admin = visitors(fuzz_app, world)["admin"]
    before = counts(fuzz_app)
    bodies = {
        "deep": DEEP_JSON,
        "dirty": json.dumps({"client_id": "x" * 20, "answers": {"email": "a\x00@b.c"}}),
        "large": json.dumps({"answers": {"email": "x" * (fuzz_app.config["JSON_MAX_BYTES"])}}),
    }
    for endpoint, url in _post_urls(fuzz_app, world, browsers["respondent"]):
        for kind, body in bodies.items():
            response = admin.client.post(
                url, data=body, content_type="application/json", headers=admin.headers
            )
            assert response.status_code < 500, f"{kind} JSON to {endpoint}"
            if endpoint in JSON_ENDPOINTS:
                assert response.status_code == (413 if kind == "large" else 400), kind
                assert response.get_json()["error"]["message"], kind
            if endpoint in SESSION_JSON_ENDPOINTS:
                assert response.status_code == 400, kind
                assert response.get_json()["error"]["message"], kind
                response = admin.client.post(
                    url,
                    data=body,
                    content_type="application/json",
                    headers={**admin.headers, "X-CSRFToken": admin.csrf},
                )
                assert response.status_code == (413 if kind == "large" else 400), kind
                assert response.get_json()["error"]["message"], kind
    assert counts(fuzz_app) == before


bearer_tokens = st.one_of(
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=300),
    st.sampled_from(["", " ", "null", "undefined", "x" * 201, "x" * 10_000, "Bearer"]),
    st.builds(lambda n: "a" * n, st.integers(0, 400)),
)


def test_random_bearer_tokens_never_break_the_api(fuzz_app, fuzz_world):
    world, browsers, _found = fuzz_world
    client = browsers["anonymous"].client
    real = world.api_tokens["admin"]
    with fuzz_app.test_request_context():
        urls = [
            url_for("api.index"),
            url_for("api.list_questionnaires"),
            url_for("api.list_responses"),
            url_for("api.get_questionnaire_json", slug=world.slug),
        ]

    @settings(max_examples=40, deadline=None, derandomize=True, database=None)
    @given(token=bearer_tokens, scheme=st.sampled_from(["Bearer", "bearer", "Basic", ""]))
    def run(token, scheme):
        for value in (f"{scheme} {token}", f"Bearer {real}{token}", f"Bearer {token}{real}"):
            for url in urls:
                response = client.get(url, headers={"Authorization": value})
                assert response.status_code in (200, 401), f"{url}: {value[:60]!r}"
                assert response.status_code == 200 or response.is_json

    run()


# -- exports ---------------------------------------------------------------------------------


def field_errors(html: str) -> list[tuple[str, str]]:
    """(field name, message) of every error shown on a form page."""
    found = []
    for match in re.finditer(r'class="error"[^>]*>([^<]*)<', html):
        names = re.findall(r'name="([^"]+)"', html[: match.start()])
        found.append((names[-1] if names else "", match.group(1)))
    return found


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_formulas_typed_into_forms_are_neutralised_in_exports(fuzz_app, fuzz_world):
    world, browsers, found = fuzz_world
    admin = visitors(fuzz_app, world)["admin"]
    spec = found[("interviews.new_interview", "POST")]
    page = admin.client.get(spec.url).get_data(as_text=True)
    form = next(f for f in forms_on(fuzz_app, spec.url, page) if f.endpoint == spec.endpoint)
    data = {name: values[0] for name, values in form.fields.items() if values}
    for name in ("add_participant", "add_note"):
        data.pop(name, None)
    data |= {
        "country": "KZ",
        "date": "2026-05-04",
        "format": "individual",
        "language": "kk",
        "consent": "oral",
        "settlement": FORMULA,
        "participants-0-group": "community",
        "participants-0-name": "@SUM(A1)",
        "notes-0-theme": "",
        "notes-0-text": FORMULA,
        "save": "Save",
    }
    created = admin.client.post(spec.url, data=data)
    assert created.status_code == 302, field_errors(created.get_data(as_text=True))
    export = found[("interviews.export_interviews", "POST")]
    notes = admin.client.post(
        export.url,
        data={"csrf_token": admin.csrf, "format": "notes.csv", "include_names": "y"},
    )
    texts = [row[6] for row in _csv_rows(notes.data)[1:]]
    assert "'" + FORMULA in texts and FORMULA not in texts
    book = admin.client.post(
        export.url, data={"csrf_token": admin.csrf, "format": "xlsx", "include_names": "y"}
    )
    workbook = openpyxl.load_workbook(io.BytesIO(book.data))
    cells = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert "'" + FORMULA in cells and "'@SUM(A1)" in cells
    assert not [c for c in cells if isinstance(c, str) and c[:1] in "=+-@" and c != "-"]


def test_invitation_name_formula_is_neutralised_in_the_csv(fuzz_app, fuzz_world):
    world, browsers, found = fuzz_world
    admin = visitors(fuzz_app, world)["admin"]
    spec = found[("secretariat.create_invitation_view", "POST")]
    created = admin.client.post(
        spec.url,
        data={
            "one-csrf_token": admin.csrf,
            "one-name": FORMULA,
            "one-country": "KZ",
            "one-group": "",
            "one-language": "",
        },
    )
    assert created.status_code == 200
    with fuzz_app.test_request_context():
        listing = url_for("secretariat.download_invitations", slug=world.slug)
    names = [row[0] for row in _csv_rows(admin.client.get(listing).data)]
    assert "'" + FORMULA in names and FORMULA not in names
    links = next(
        f
        for f in forms_on(fuzz_app, spec.url, created.get_data(as_text=True))
        if f.endpoint == "secretariat.download_invitation_links"
    )
    data = {name: values for name, values in links.fields.items() if values}
    data["csrf_token"] = admin.csrf
    cells = [c for row in _csv_rows(admin.client.post(links.url, data=data).data) for c in row]
    assert "'" + FORMULA in cells and FORMULA not in cells

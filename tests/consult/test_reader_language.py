"""Every staff page, the analysis results and the print-ready report in each interface
language name stored codes by their labels: no country, group, theme, species, action,
status, format, consent, level or audit code is shown as text where a name exists."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest

import reference
from consult.extensions import db
from consult.models import AnalysisRun, Interview, Questionnaire, Response, User
from consult.reference import VOCABULARIES

LANGUAGES = reference.interface_languages()
DEMO_RESPONSES = 36

#: Elements whose text is not the page's own: what people wrote (marked ``dir="auto"``),
#: form fields' contents, code samples and scripts.
_SKIPPED = {"script", "style", "textarea", "code", "q", "pre"}
#: Elements that hold data (where a code would leak) rather than prose.
_DATA = {"td", "th", "dd", "dt", "li", "h1", "h2", "h3", "option", "label", "summary",
         "figcaption", "text", "tspan", "strong", "a"}
_VOID = {"br", "img", "input", "meta", "link", "hr", "source", "col", "wbr"}


class _Text(HTMLParser):
    """The visible text of a page: all of it, and the part inside data elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []
        self.all: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        attributes = dict(attrs)
        skipped = bool(self.stack and self.stack[-1][1]) or tag in _SKIPPED or (
            attributes.get("dir") == "auto" or "hidden" in attributes
        )
        data = bool(self.stack and self.stack[-1][2]) or tag in _DATA
        self.stack.append((tag, skipped, data))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, text):
        if self.stack and self.stack[-1][1]:
            return
        self.all.append(text)
        if self.stack and self.stack[-1][2]:
            self.data.append(text)


def _visible(html: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.all), [text.strip() for text in parser.data if text.strip()]


def _codes() -> tuple[set[str], set[str]]:
    """Stored codes that have a label: those that cannot be words of a sentence (upper case,
    with "_" or "."), and those that are plain lower-case words."""
    codes: set[str] = set()
    for records in (reference.countries(), reference.stakeholder_groups(), reference.themes(),
                    reference.species(), reference.populations(), reference.actions()):
        codes.update(item["code"] for item in records)
    for kind in ("interview_status", "format", "consent", "severity", "gender", "event"):
        codes.update(VOCABULARIES[kind])
    # Codes that are also everyday English words of the messages (a message not translated
    # yet is not a code shown): none, other, group, low, medium, high.
    codes -= {"none", "unrated", "other", "login", "logout", "group", "low", "medium", "high"}
    strict = {c for c in codes if not c.islower() or "_" in c or "." in c}
    return strict, codes - strict


STRICT, WORDS = _codes()
_STRICT_RE = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, sorted(STRICT))) + r")(?![\w-])")


def _word_codes(cell: str) -> set[str]:
    """Plain-word codes standing for values in a data cell: the cell is a code or a list of
    codes ("climate, poaching"), each maybe with its value after a colon ("poaching:
    high"). In a sentence (a message not translated yet) such a word is just a word."""
    parts = [part.split(":", 1)[0].strip() for part in re.split(r"[,;·]", cell)]
    parts = [part for part in parts if part]
    return set(parts) if parts and all(part in WORDS for part in parts) else set()



def codes_shown(html: str, lang: str) -> set[str]:
    """The codes a page shows as text: any code that cannot be a word anywhere, and in a
    language other than English also a plain-word code standing alone in a data cell."""
    body = html.split("<body", 1)[-1]
    text, data = _visible(body)
    found = set(_STRICT_RE.findall(text))
    if lang != "en":
        for cell in data:
            found |= _word_codes(cell)
    return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo data set (its responses cut to a few dozen, to keep the test short) and a
    finished analysis run, on SQLite."""
    from consult import create_app
    from consult.accounts import create_user
    from consult.demo import interviews, responses
    from consult.demo.service import DEMO_ACCOUNTS
    from consult.models import Base
    from consult.reference import load_reference_data

    folder = tmp_path_factory.mktemp("labels")
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'consult.sqlite'}",
        "INSTANCE_PATH": str(folder / "instance"),
        "SECRET_KEY": "test-secret-key-not-for-production",
        "LOG_LEVEL": "WARNING",
        "ANALYSIS_SYNC": True,
    })
    with app.app_context():
        Base.metadata.create_all(db.engine)
        load_reference_data()
        for email, role, countries, name, password in DEMO_ACCOUNTS:
            create_user(email, password, role, list(countries), name=name)
        interviews.seed_interviews(random.Random("7:interviews"))
        interviews.seed_national_consultations(random.Random("7:consultations"))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(responses, "DEMO_RESPONSES", DEMO_RESPONSES)
            responses.seed_responses(random.Random("7:responses"))
        db.session.commit()
    client = app.test_client()
    _login(client)
    from tests.conftest import csrf_token

    started = client.post("/secretariat/analysis/", data={
        "questionnaire": "cami-gap-needs", "seed": "3", "include_interviews": "y",
        "csrf_token": csrf_token(client, "/secretariat/analysis/"),
    })
    assert started.status_code == 302
    with app.app_context():
        run = db.session.scalars(db.select(AnalysisRun)).one()
        assert run.status == "done", run.error
    yield app, client
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _login(client):
    from tests.conftest import csrf_token

    response = client.post("/auth/login", data={
        "email": "secretariat@demo.consult", "password": "demo-secretariat",
        "csrf_token": csrf_token(client),
    })
    assert response.status_code == 302


def _staff_pages(app) -> list[str]:
    with app.app_context():
        run = db.session.scalars(db.select(AnalysisRun)).one()
        records = db.session.scalars(db.select(Interview).order_by(Interview.id)).all()
        chosen = [records[0], next(r for r in records if r.format == "national_consultation")]
        response_ids = db.session.scalars(db.select(Response.id).limit(2)).all()
        slugs = db.session.scalars(db.select(Questionnaire.slug)).all()
        user_id = db.session.scalar(db.select(User.id).where(User.role == "facilitator"))
        kz = "country=KZ&theme=poaching"
        evidence = f"/secretariat/analysis/{run.id}/evidence?"
    pages = [
        "/secretariat/", "/secretariat/analysis/", f"/secretariat/analysis/{run.id}",
        f"/secretariat/analysis/{run.id}/report", evidence + kz, evidence + kz + "&target=saiga",
        evidence + "country=KZ&theme=governance", "/interviews/", "/interviews/new",
        "/secretariat/responses/", "/secretariat/responses/?questionnaire=cami-gap-needs",
        "/secretariat/coding/", "/secretariat/privacy", "/secretariat/users",
        "/secretariat/users/new", "/interviews/import",
        f"/secretariat/users/{user_id}", "/secretariat/api-tokens/",
        "/secretariat/questionnaires/",
    ]
    pages += [f"/interviews/{record.id}" for record in chosen]
    pages += [f"/interviews/{record.id}/edit" for record in chosen]
    pages += [f"/secretariat/responses/{number}" for number in response_ids]
    for slug in slugs:
        pages += [f"/secretariat/questionnaires/{slug}/",
                  f"/secretariat/questionnaires/{slug}/translations",
                  f"/secretariat/questionnaires/{slug}/invitations/",
                  f"/secretariat/questionnaires/{slug}/mail/",
                  f"/secretariat/questionnaires/{slug}/map",
                  f"/secretariat/questionnaires/{slug}/import-responses"]
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_staff_page_names_codes_in_the_readers_language(demo, lang):
    app, client = demo
    shown: dict[str, set[str]] = {}
    for url in _staff_pages(app):
        response = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
        assert response.status_code == 200, url
        page = response.get_data(as_text=True)
        assert f'<html lang="{lang}"' in page, url
        codes = codes_shown(page, lang)
        if codes:
            shown[url] = codes
    assert not shown, f"codes shown as text in {lang}: {shown}"


def test_the_check_finds_a_code_shown_as_text():
    assert codes_shown("<body><td>KZ</td><td>protected_area</td></body>", "en") == {
        "KZ", "protected_area"}
    assert codes_shown("<body><td>poaching: very_high</td></body>", "ru") == {
        "poaching", "very_high"}
    assert codes_shown("<body><td>climate, poaching</td><h3>complete</h3></body>", "fa") == {
        "climate", "poaching", "complete"}
    # A message not translated yet is a sentence, not a code.
    assert codes_shown("<body><h2>Where poaching was seen</h2></body>", "ru") == set()
    # Attributes, links and what people wrote are not the page's text.
    assert codes_shown(
        '<body><a href="/x?country=KZ" data-format="group">Казахстан</a>'
        '<p dir="auto">poaching on the steppe</p></body>', "ru") == set()


def test_hints_quoting_a_placeholder_show_it_as_text(demo):
    _app, client = demo
    page = client.get("/secretariat/questionnaires/?lang=en").get_data(as_text=True)
    assert "/s/&lt;name&gt;" in page
    tokens = client.get("/secretariat/api-tokens/?lang=en").get_data(as_text=True)
    assert "Bearer &lt;token&gt;" in tokens


def _run_url(app) -> str:
    with app.app_context():
        return f"/secretariat/analysis/{db.session.scalars(db.select(AnalysisRun.id)).one()}"


def test_downloads_keep_codes_unless_labels_are_asked_for(demo):
    import io
    import zipfile

    import openpyxl
    import pandas as pd

    app, client = demo
    run = _run_url(app)

    def table(query: str) -> pd.DataFrame:
        archive = zipfile.ZipFile(io.BytesIO(client.get(f"{run}/download.zip?{query}").data))
        return pd.read_csv(archive.open("threat_summary.csv"), keep_default_na=False)

    codes = table("lang=ru")
    assert "KZ" in set(codes["country"]) and "poaching" in set(codes["threat"])
    names = table("lang=ru&labels=1")
    assert "Казахстан" in set(names["country"]) and "KZ" not in set(names["country"])
    assert "Браконьерство и незаконная торговля" in set(names["threat"])
    assert len(names) == len(codes)
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"{run}/download.xlsx?lang=fa&labels=1").data)
    )
    rows = workbook["threat_summary"].iter_rows(min_row=2, values_only=True)
    countries = {row[0] for row in rows}
    assert "قزاقستان" in countries and "KZ" not in countries
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{run}/download.zip?lang=zh").data))
    report = archive.read("report.html").decode()
    assert '<html lang="zh"' in report and "哈萨克斯坦" in report


def test_charts_are_drawn_in_the_readers_language_and_script(demo):
    app, client = demo
    report = client.get(f"{_run_url(app)}/report?lang=fa").get_data(as_text=True)
    heatmap = report.split('aria-label="', 1)[1]
    assert "Noto Sans Arabic" in report  # the font covering Persian comes first
    assert "قزاقستان" in heatmap  # Kazakhstan, as the chart's row label
    assert not re.search(r">\s*(KZ|poaching|ranger_capacity)\s*<", report)
    assert "<style>" in report and "/static/css/app.css" not in report  # standalone
    chinese = client.get(f"{_run_url(app)}/report?lang=zh").get_data(as_text=True)
    assert "Noto Sans CJK SC" in chinese and "哈萨克斯坦" in chinese.split('aria-label="', 1)[1]


def test_interview_export_names_codes_when_asked(demo):
    import csv
    import io

    from tests.conftest import csrf_token

    _app, client = demo

    def export(**fields) -> list[dict]:
        data = {"format": "interviews.csv", "csrf_token": csrf_token(client, "/interviews/"),
                **fields}
        response = client.post("/interviews/export?country=KZ&lang=ru", data=data)
        assert response.status_code == 200
        return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))

    codes = export()
    assert {row["country"] for row in codes} == {"KZ"}
    assert {row["status"] for row in codes} <= {"draft", "complete"}
    named = export(labels="y")
    assert {row["country"] for row in named} == {"Казахстан"}
    assert len(named) == len(codes)
    assert not any(code in row["threats"] for row in named for code in ("very_high", "poaching"))
    assert not any(row["format"] in ("individual", "group", "meeting") for row in named)


def test_questions_asked_per_species_and_threat_are_told_apart_by_their_groups(demo):
    import html as markup

    app, client = demo
    with app.app_context():
        from consult.models import Answer

        response_id = db.session.scalar(
            db.select(Answer.response_id).where(Answer.question == "t1_poaching_scope").limit(1)
        )
    page = client.get(f"/secretariat/responses/{response_id}?lang=ru").get_data(as_text=True)
    rows = [
        markup.unescape(re.sub(r"<[^>]+>|\(\w+\)\s*$", "", dt)).strip()
        for dt in re.findall(r"<dt>(.*?)</dt>", page, re.S)
    ]
    scopes = [row for row in rows if "Масштаб" in row]
    assert len(scopes) >= 2
    assert len(set(scopes)) == len(scopes), scopes
    assert any("Браконьерство и незаконная торговля" in row for row in scopes)

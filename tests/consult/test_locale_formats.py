"""Numbers, dates and ordinals in the reader's language (Babel's CLDR data), the favicon and
hints that quote a placeholder."""

from __future__ import annotations

import datetime as dt

import pytest

from consult import i18n
from consult.respond.page_view import ordinal

WHEN = dt.datetime(2026, 11, 3, 14, 5)


@pytest.fixture(scope="module")
def bare_app(tmp_path_factory):
    from consult import create_app

    folder = tmp_path_factory.mktemp("formats")
    return create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'consult.sqlite'}",
        "INSTANCE_PATH": str(folder / "instance"),
        "SECRET_KEY": "test-secret-key-not-for-production",
    })


def _in(app, lang, function):
    with app.test_request_context(f"/?lang={lang}"):
        return function()


@pytest.mark.parametrize(
    ("lang", "number", "share", "day"),
    [
        # Persian: Extended Arabic-Indic digits with Persian separators and percent sign.
        ("fa", "۱٬۲۳۴٫۵۰", "۲۵٪", "۳ نوامبر ۲۰۲۶"),
        ("ru", "1\u00a0234,50", "25\u00a0%", "3 нояб. 2026\u202fг."),
        ("zh", "1,234.50", "25%", "2026年11月3日"),
        ("en", "1,234.50", "25%", "Nov 3, 2026"),
    ],
)
def test_numbers_and_dates_follow_the_readers_locale(bare_app, lang, number, share, day):
    assert _in(bare_app, lang, lambda: i18n.format_number(1234.5, 2)) == number
    assert _in(bare_app, lang, lambda: i18n.format_percent(0.25)) == share
    assert _in(bare_app, lang, lambda: i18n.format_date(WHEN.date())) == day
    moment = _in(bare_app, lang, lambda: i18n.format_datetime(WHEN))
    assert day in moment
    assert ("۱۴:۰۵" if lang == "fa" else "14:05" if lang != "en" else "2:05") in moment


def test_persian_pages_never_mix_digit_shapes(bare_app):
    text = _in(bare_app, "fa", lambda: i18n.format_number(1234567.891, 2))
    assert not any(c.isascii() and c.isdigit() for c in text)
    assert _in(bare_app, "fa", lambda: i18n.localise_digits("n = 12")) == "n = ۱۲"
    assert _in(bare_app, "ru", lambda: i18n.localise_digits("n = 12")) == "n = 12"
    # Not a number: shown as it is; no value: a dash.
    assert _in(bare_app, "fa", lambda: i18n.format_number("not rated")) == "not rated"
    assert _in(bare_app, "fa", lambda: i18n.format_number(None)) == "—"


def test_persian_ordinals_stay_in_persian_digits_past_the_third(bare_app):
    ranks = _in(bare_app, "fa", lambda: [ordinal(n) for n in range(1, 13)])
    assert ranks[:3] == ["اول", "دوم", "سوم"]
    assert ranks[3] == "۴ام" and ranks[4] == "۵ام" and ranks[11] == "۱۲ام"
    assert not any(c.isascii() and c.isdigit() for rank in ranks for c in rank)
    assert _in(bare_app, "ru", lambda: ordinal(4)) == "4-й"
    assert _in(bare_app, "en", lambda: ordinal(4)) == "4th"


def test_favicon_is_served_and_linked(bare_app):
    client = bare_app.test_client()
    with client.get("/favicon.ico") as icon:
        assert icon.status_code == 200
        assert icon.mimetype == "image/vnd.microsoft.icon"
        assert icon.data[:4] == b"\x00\x00\x01\x00"  # the ICO header
    page = client.get("/auth/login").get_data(as_text=True)
    assert 'rel="icon" href="/static/favicon.svg"' in page
    with client.get("/static/favicon.svg") as svg:
        assert svg.status_code == 200 and b"<svg" in svg.data


def test_numbers_inside_messages_are_in_persian_digits_on_a_persian_page(bare_app):
    import re

    page = bare_app.test_client().get("/auth/login?lang=fa").get_data(as_text=True)
    hint = re.search(r'<p class="muted">(.*?)</p>', page, re.S).group(1)
    assert re.search("[۰-۹]", hint) and not re.search("[0-9]", hint)


def _titled_form() -> bytes:
    from tests.surveys.xlsform_fixtures import CHOICES, EN, RU, SURVEY_HEADERS, survey_row, xlsx

    survey = [SURVEY_HEADERS, survey_row("text", "village", en="Village", ru="Село")]
    settings = [
        ["form_title", f"form_title::{RU}", f"form_description::{RU}", "form_id",
         "default_language"],
        ["Village survey", "Опрос в сёлах", "Несколько вопросов о селе", "villages", EN],
    ]
    return xlsx({"survey": survey, "choices": CHOICES, "settings": settings})


def test_respondents_and_staff_see_the_title_in_their_language(app, client, auth):
    from consult.extensions import db
    from consult.questionnaires import import_form

    with app.app_context():
        import_form(_titled_form(), "villages.xlsx", slug="villages")
        db.session.commit()
    # The browser asks for Russian: the title, the description and the preselected
    # questionnaire language follow.
    page = client.get("/s/villages", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    html = page.get_data(as_text=True)
    assert "<h1>Опрос в сёлах</h1>" in html and "Несколько вопросов о селе" in html
    assert 'value="ru" checked' in html
    english = client.get("/s/villages?lang=en").get_data(as_text=True)
    assert "<h1>Village survey</h1>" in english and 'value="en" checked' in english
    auth.login("admin")
    listing = client.get("/secretariat/questionnaires/?lang=ru").get_data(as_text=True)
    assert "Опрос в сёлах" in listing
    assert "Village survey" in client.get("/secretariat/questionnaires/?lang=zh").get_data(
        as_text=True
    )


def test_the_analysis_sentences_read_in_the_readers_language(bare_app):
    from analysis.scoring import summary_steps
    from consult.runs.labels import sentence

    steps = summary_steps([3, 3, 2])
    note = ("not rated: nobody gave a complete rating (2 incomplete); "
            "3 incomplete rating(s) excluded")
    cell = "R-17 (community): scope 4, severity 3 -> magnitude 3; irreversibility 2 -> 3"
    basis = ("poaching on saiga (saiga_ural): KZ High 3.10; RU High 2.58 | poaching on argali "
             "(argali_pamir): AF Very high 3.60; CN High 2.78")
    source = "National consultation 2026-10-06 (#42)"

    def read(lang):
        return _in(bare_app, lang,
                   lambda: [sentence(s) for s in [*steps, note, cell, basis, source]])

    english, russian = read("en"), read("ru")
    # English pages read as the analysis wrote it, with codes named
    assert english[:len(steps)] == steps
    assert english[-1].startswith("R-17 (Local communities") or "community" not in english[-1]
    for text in russian:
        assert not any(word in text for word in ("rule:", "nobody", "scope", "excluded", " on ",
                                                 "consultation", "High")), text
    assert "Высок" in " ".join(russian)  # the level words too
    persian = read("fa")
    assert all("Very high" not in text and "High" not in text for text in persian)


def test_the_method_tables_meanings_and_sources_read_in_the_readers_language(bare_app):
    from consult.runs.labels import method_source, method_text

    meaning = "a target's rating_value at or above this is labelled High"
    source = ("Kendall (1938), A new measure of rank correlation, Biometrika 30; rule chosen "
              "here, where the standard has none (docs/method.md)")
    russian = _in(bare_app, "ru", lambda: (method_text(meaning), method_source(source)))
    assert "labelled" not in russian[0] and "rating_value" in russian[0]
    # the citation stays as published, the app's own phrase is translated
    assert russian[1].startswith("Kendall (1938), A new measure of rank correlation")
    assert "rule chosen" not in russian[1]
    assert _in(bare_app, "en", lambda: method_source(source)) == source


#: Formula notation and names the Method table keeps in every language (functions, symbols,
#: the authors of a measure and the setting names it defines in its first column).
_FORMULA_WORDS = {"min", "log", "mean", "width", "NaN", "prime", "seed", "Tastle-Wierman"}


@pytest.mark.parametrize("lang", ["ru", "zh", "mn", "fa"])
def test_every_cell_of_the_method_table_reads_in_the_readers_language(bare_app, lang):
    import re

    from analysis.method import method_table
    from analysis.scoring import ScoringConfig
    from consult.runs.labels import method_text

    config = ScoringConfig()
    table = method_table(config)
    cells = [(row.setting, column, getattr(row, column)) for row in table.itertuples()
             for column in ("value", "meaning")]
    shown = _in(bare_app, lang, lambda: [method_text(text) for _, _, text in cells])
    for (setting, column, english), text in zip(cells, shown, strict=True):
        without_identifiers = re.sub(r"\b\w+_\w+\b|\b[a-z]+\.[a-z_]+\b", "", text)
        words = set(re.findall(r"[A-Za-z]{3,}(?:-[A-Za-z]+)*", without_identifiers))
        words -= _FORMULA_WORDS
        assert not words, (setting, column, english, text)
    # the settings carried in the rules' values are the run's own, in the reader's digits
    value = shown[[s for s, c, _ in cells].index("rule: sensitivity")]
    digits = _in(bare_app, lang, lambda: i18n.localise_digits(str(config.random_scenarios)))
    assert digits in value, value

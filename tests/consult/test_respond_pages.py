"""How the questionnaire pages look and behave: widgets, languages, weight, skip logic."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from consult.extensions import db
from consult.models import Answer, Response
from tests.consult.test_respond import ANSWERS, SLUG, Respondent, draft_at, errors, stored

STATIC = Path(__file__).resolve().parents[2] / "consult" / "static"

SURVEY = [
    [
        "type",
        "name",
        "label::English (en)",
        "label::Қазақ (kk)",
        "hint::English (en)",
        "required",
        "constraint",
        "relevant",
        "appearance",
        "choice_filter",
        "default",
        "calculation",
    ],
    ["begin_group", "basics", "Basics", "Негізгі", "", "", "", "", "", "", "", ""],
    ["text", "village", "Village", "Ауыл", "", "yes", "", "", "", "", "", ""],
    ["integer", "herd", "Herd size", "", "Number of animals", "", ". >= 0", "", "", "", "40", ""],
    ["decimal", "area", "Pasture area (ha)", "Жайылым (га)", "", "", "", "", "", "", "", ""],
    ["date", "visit", "Date of visit", "Келу күні", "", "", "", "", "", "", "", ""],
    ["select_one region or_other", "region", "Region", "Облыс", "", "yes", "", "", "", "", "", ""],
    [
        "select_one district",
        "district",
        "District",
        "Аудан",
        "",
        "",
        "",
        "",
        "minimal",
        "region = ${region}",
        "",
        "",
    ],
    [
        "select_multiple animals",
        "animals",
        "Animals seen",
        "Көрген жануарлар",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["rank priorities", "priorities", "Priorities", "Басымдықтар", "", "", "", "", "", "", "", ""],
    ["acknowledge", "agree", "I agree", "Келісемін", "", "", "", "", "", "", "", ""],
    ["note", "bye", "Thank you, **friend**", "Рақмет", "", "", "", "", "", "", "", ""],
    ["calculate", "double_herd", "", "", "", "", "", "", "", "", "", "${herd} * 2"],
    ["end_group", "", "", "", "", "", "", "", "", "", "", ""],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Қазақ (kk)", "region"],
    ["region", "north", "North", "Солтүстік", ""],
    ["region", "south", "South", "Оңтүстік", ""],
    ["district", "n1", "North one", "Солтүстік 1", "north"],
    ["district", "s1", "South one", "", "south"],
    ["animals", "saiga", "Saiga", "Киік", ""],
    ["animals", "kulan", "Kulan", "Құлан", ""],
    ["priorities", "water", "Water", "Су", ""],
    ["priorities", "roads", "Roads", "Жолдар", ""],
    ["priorities", "rangers", "Rangers", "Инспекторлар", ""],
]


def widget_form() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in SURVEY:
        sheet.append(row)
    choices = book.create_sheet("choices")
    for row in CHOICES:
        choices.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append(["Widgets", "widgets_test", "1", "English (en)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def widgets(app):
    from consult.questionnaires import import_form

    with app.app_context():
        import_form(widget_form(), "widgets.xlsx", slug="widgets")
        db.session.commit()
    return "widgets"


@pytest.fixture
def survey(app):
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return SLUG


def test_every_widget_renders_without_javascript(client, widgets):
    person = Respondent(client, widgets)
    person.start("en")
    html = person.html
    assert re.search(
        r'<input type="text" inputmode="numeric" id="f-herd" name="herd" value="40"', html
    )
    assert 'inputmode="decimal"' in html
    assert '<input type="date" id="f-visit" name="visit"' in html
    assert re.search(r'type="radio" name="region"\s+value="other"', html)
    assert 'name="region_other"' in html
    assert '<select id="f-district" name="district">' in html
    assert 'type="checkbox" name="animals"' in html
    assert html.count('<select name="priorities">') == 3
    assert "1st" in html and "2nd" in html and "3rd" in html
    assert 'name="agree" value="OK"' in html
    assert "Thank you, <strong>friend</strong>" in html


def test_widget_answers_are_stored_as_odk_values(app, client, widgets):
    person = Respondent(client, widgets)
    person.start("en")
    answers = {
        "village": "Akkol",
        "herd": "120",
        "area": "3,5",
        "visit": "2026-05-01",
        "region": "other",
        "region_other": "Far east",
        "animals": ["kulan", "saiga"],
        "priorities": ["roads", "", "water"],
        "agree": "OK",
    }
    response = person.post(answers, action="submit")
    # "Other" brings up its text box first (without JavaScript), then the page is sent again.
    assert response.status_code == 200 and 'data-q="region_other">' in person.html
    response = person.post(answers, action="submit")
    assert response.status_code == 302, errors(person.html)
    answers = stored(app)
    assert answers[("herd", 0)] == "120"
    assert answers[("area", 0)] == "3.5"
    assert answers[("region_other", 0)] == "Far east"
    assert answers[("animals", 0)] == "kulan saiga"
    assert answers[("priorities", 0)] == "roads water"
    assert answers[("agree", 0)] == "OK"
    assert answers[("double_herd", 0)] == "240"


def test_wrong_values_get_messages_next_to_the_field(client, widgets):
    person = Respondent(client, widgets)
    person.start("en")
    person.post({"herd": "-3", "area": "lots", "priorities": ["water", "water"]})
    messages = errors(person.html)
    assert "This question requires an answer." in messages
    assert "This answer is not allowed." in messages
    assert "Enter a number." in messages
    # The choice is named by its label, not its code.
    assert "'Water' is ranked more than once." in messages
    assert re.search(r'data-q="area">\s*<label', person.html.replace(' has-error"', '"'))


def test_a_rank_error_keeps_the_choices_given(client, widgets):
    person = Respondent(client, widgets)
    person.start("en")
    person.post({"village": "Akkol", "priorities": ["roads", "water", "roads"]})
    assert "'Roads' is ranked more than once." in errors(person.html)
    ranks = re.search(r'<ol class="rank">(.*?)</ol>', person.html, re.S).group(1)
    chosen = re.findall(r'<option value="(\w+)" selected>', ranks)
    assert chosen == ["roads", "water", "roads"]
    assert 'value="Akkol"' in person.html


def test_choice_filter_offers_only_matching_options(client, widgets):
    person = Respondent(client, widgets)
    person.start("en")
    person.post({"village": "Akkol", "region": "south"}, action="save")
    assert re.search(r'value="n1" data-choice="n1"[^>]* hidden disabled', person.html)
    assert re.search(r'value="s1" data-choice="s1">', person.html)
    logic = json.loads(re.search(r'id="form-logic">(.*?)</script>', person.html).group(1))
    assert logic["q"]["district"]["filter"]["t"] == "op"
    assert {row["name"]: row["region"] for row in logic["choices"]["district"]} == {
        "n1": "north",
        "s1": "south",
    }


def test_missing_translation_falls_back_with_a_marker(app, client, widgets):
    person = Respondent(client, widgets)
    person.start("kk")
    html = person.html
    # Kazakh is not an interface language: English interface, Kazakh questionnaire.
    assert '<html lang="en"' in html
    assert '<div class="respond" lang="kk" dir="ltr"' in html
    assert "Ауыл" in html
    marker = '<span class="fallback">not yet translated</span>'
    assert f'<span lang="en" dir="auto">Herd size</span> {marker}' in html
    assert "Солтүстік" in html and "South one" in html
    assert latest_language(app) == "kk"


def latest_language(app) -> str:
    with app.app_context():
        return db.session.scalar(db.select(Response.language).order_by(Response.id.desc()))


def test_form_language_sets_interface_language_and_direction(app, client, survey):
    person = Respondent(client)
    person.start("fa")
    assert '<html lang="fa" dir="rtl">' in person.html
    assert '<div class="respond" lang="fa" dir="rtl"' in person.html
    assert "آیا با شرکت در این ارزیابی موافقید؟" in person.html
    other = Respondent(app.test_client())
    other.start("ru")
    assert '<html lang="ru" dir="ltr">' in other.html
    assert "Согласны ли вы" in other.html


def test_section_page_weighs_under_100_kb_without_external_requests(client, survey):
    person = Respondent(client)
    person.start("ru")
    # The heaviest page: a species with all four direct threats to rate.
    threats = dict(ANSWERS, t1_threats=["poaching", "livestock", "infrastructure", "climate"])
    person.walk(threats, until="threats/species_1")
    person.post(threats)
    assert person.key == "threats/species_1" and "t1_infrastructure_scope" in person.html
    html = person.html
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert {Path(a).name for a in assets} >= {"app.css", "expressions.js", "respond.js"}
    total = len(html.encode())
    # The offline mode's scripts have a budget of their own: fetched with the first page,
    # then kept by the service worker and taken from its cache on every later page.
    offline, offline_total = {"offline_store.js", "respond_offline.js"}, 0
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200
        if Path(asset).name in offline:
            offline_total += len(response.get_data())
        else:
            total += len(response.get_data())
        response.close()
    assert total < 100 * 1024, total
    assert offline_total < 16 * 1024, offline_total
    for url in re.findall(r'(?:src|href|action)="([^"]+)"', html):
        assert url.startswith(("/", "#", "?")) or url.startswith("http://localhost/"), url
    assert "<script>" not in html and "onclick" not in html


def test_threat_ratings_form_a_matrix_table(client, survey):
    person = Respondent(client)
    person.start("en")
    person.walk(dict(ANSWERS, t1_threats=["poaching"]), until="threats/species_1")
    html = person.html
    table = re.search(r'<table class="matrix">.*?</table>', html, re.S).group(0)
    for name in ("t1_poaching_scope", "t1_poaching_severity", "t1_poaching_irreversibility"):
        assert f'<tr data-q="{name}"' in table
    assert table.count('type="radio" name="t1_poaching_scope"') == 4
    assert 'class="m-label"' in table
    assert "Poaching and illegal trade" in html
    assert '<div class="likert">' in html  # the trend, on its own scale


@pytest.mark.parametrize(
    ("lang", "title", "question"),
    [
        ("en", "Threats to Saiga", "Which of these threats affect Saiga in the area you know?"),
        ("ru", "Угрозы виду: Сайгак", "затрагивают данный вид (Сайгак)"),
        ("zh", "高鼻羚羊（赛加羚羊）面临的威胁", "影响着高鼻羚羊（赛加羚羊）"),
        ("mn", "Аюул занал: Бөхөн", "энэ амьтанд (Бөхөн)"),
        ("fa", "تهدیدهای آنتلوپ سایگا", "بر آنتلوپ سایگا اثر"),
    ],
)
def test_species_page_names_the_species_in_the_respondents_language(
    client, survey, lang, title, question
):
    person = Respondent(client)
    person.start(lang)
    person.walk(ANSWERS, until="threats/species_1")
    assert f"<h1>{title}</h1>" in person.html
    assert question in person.html
    assert "${" not in person.html


def test_species_to_name_are_those_of_the_respondents_country(client, survey):
    person = Respondent(client)
    person.start("en")
    person.walk(dict(ANSWERS, country="MN"), until="threats")
    offered = re.findall(r'<option value="(\w+)" data-choice="\w+"(?: selected)?>', person.html)
    hidden = re.findall(r'<option value="(\w+)" data-choice="\w+" hidden disabled>', person.html)
    mongolia = {"wild_camel", "snow_leopard", "saiga", "argali", "mongolian_gazelle",
                "goitered_gazelle", "kulan", "przewalski_horse"}  # fmt: skip
    assert set(offered) == mongolia  # in each of the three lists
    assert "chiru" in hidden and "cheetah" in hidden
    logic = json.loads(re.search(r'id="form-logic">(.*?)</script>', person.html).group(1))
    saiga = next(c for c in logic["choices"]["target_1"] if c["name"] == "saiga")
    assert saiga["countries"] == "KZ MN RU UZ"
    assert logic["values"]["country"] == "MN"
    response = person.post(dict(ANSWERS, country="MN", target_1="chiru"))
    assert response.status_code == 200
    assert "'chiru' is not available with your other answers." in errors(person.html)


def test_skip_logic_hides_questions_until_they_apply(client, survey):
    person = Respondent(client)
    person.start("en")
    assert re.search(r'data-q="no_consent" hidden', person.html)
    person.walk(ANSWERS, until="profile")
    assert re.search(r'data-q="org_type_other" hidden', person.html)
    logic = json.loads(re.search(r'id="form-logic">(.*?)</script>', person.html).group(1))
    assert logic["q"]["org_type_other"]["rel"]["t"] == "op"
    assert logic["values"]["consent"] == "yes"
    # Without JavaScript: choosing "other" shows the question on the same page first.
    response = person.post(dict(ANSWERS, org_type="other"))
    assert response.status_code == 200
    assert "brought up more questions" in person.html
    assert not errors(person.html)
    assert re.search(r'data-q="org_type_other">', person.html)
    person.post(dict(ANSWERS, org_type="other", org_type_other="Hunters' union"))
    assert person.key == "threats"


def test_measures_not_in_place_skip_their_rating_page(client, survey):
    person = Respondent(client)
    person.start("en")
    seen = person.walk(dict(ANSWERS, measures_in_place=[]))
    assert "measures/measure_effectiveness" not in seen


def test_declining_consent_ends_the_questionnaire(app, client, survey):
    person = Respondent(client)
    person.start("en")
    seen = person.walk({"consent": "no"})
    assert seen == ["welcome"]
    assert "Your reference number" in person.html
    assert stored(app) == {("consent", 0): "no"}


def test_repeat_instances_are_added_and_removed(app, client, survey):
    person = Respondent(client)
    person.open(draft_at(app, "stakeholders"))
    assert 'name="_n.stakeholder_rep" value="1"' in person.html
    first = {"_n.stakeholder_rep": "1", "sh_name[1]": "Rangers", "sh_group[1]": "government"}
    person.post(first, action="add:stakeholder_rep")
    assert 'name="_n.stakeholder_rep" value="2"' in person.html
    assert 'name="sh_name[2]"' in person.html
    two = dict(first, **{"_n.stakeholder_rep": "2", "sh_name[2]": "Herders"})
    person.post(two, action="remove:stakeholder_rep:1")
    assert 'name="_n.stakeholder_rep" value="1"' in person.html
    assert re.search(r'name="sh_name\[1\]" value="Herders"', person.html)
    # An entry left empty is not an entry; a started one must be completed.
    person.post({"_n.stakeholder_rep": "1", "sh_name[1]": "Herders"})
    assert errors(person.html).count("This question needs an answer.") == 3
    person.post({"_n.stakeholder_rep": "2", "sh_name[1]": "", "sh_name[2]": ""})
    assert person.key == "open"
    with app.app_context():
        names = db.session.scalars(db.select(Answer.question).where(Answer.question.like("sh_%")))
        assert list(names) == []


def named_choice_form() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    rows = [
        ["type", "name", "label::English (en)", "label::Қазақ (kk)", "relevant", "calculation"],
        ["begin_group", "g", "Animals", "Жануарлар", "", ""],
        ["select_one animals", "animal", "Animal", "Жануар", "", ""],
        ["calculate", "animal_name", "", "", "", "jr:choice-name(${animal}, '${animal}')"],
        ["note", "about", "About ${animal_name}", "${animal_name} туралы",
         "jr:choice-name(${animal}, '${animal}') = 'Saiga'", ""],
        ["end_group", "", "", "", "", ""],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    choices = book.create_sheet("choices")
    for row in CHOICES[:1] + [row for row in CHOICES if row[0] == "animals"]:
        choices.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append(["Named", "named_test", "1", "English (en)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_choice_names_fill_labels_in_the_page_language_and_rules_in_the_default_one(app, client):
    from consult.questionnaires import import_form

    with app.app_context():
        import_form(named_choice_form(), "named.xlsx", slug="named")
        db.session.commit()
    person = Respondent(client, "named")
    person.start("kk")
    logic = json.loads(re.search(r'id="form-logic">(.*?)</script>', person.html).group(1))
    # The rule compares with the English label whatever the page language, as the server does.
    assert logic["names"] == {"animal": {"saiga": "Saiga", "kulan": "Kulan"}}
    assert re.search(r'data-q="about" hidden', person.html)
    response = person.post({"animal": "saiga"})
    assert response.status_code == 200  # the note came up: shown first, without JavaScript
    assert "Киік туралы" in person.html
    assert not re.search(r'data-q="about" hidden', person.html)

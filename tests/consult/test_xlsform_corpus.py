"""The XLSForm corpus of tests/data/xlsforms/ (written by tests/tools/make_xlsforms.py):
every form imported with ``consult forms import``, its pages walked with the test client
(no JavaScript) and its answers submitted and stored as ODK values."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import pytest

from consult.extensions import db
from consult.models import Answer, Response
from tests.consult.media_files import jpeg, wav
from tests.consult.test_respond import Respondent, errors, hidden

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
ATTACHED = ("villages.csv", "rangers.csv", "prices.csv", "regions.xml", "sites.geojson")
FORMS = sorted(p.stem for p in CORPUS.glob("*.xlsx") if p.stem != "data_workbook")


def import_form(runner, name: str, *attach: str):
    args = ["forms", "import", str(CORPUS / f"{name}.xlsx")]
    for filename in attach:
        args += ["--attach", str(CORPUS / filename)]
    return runner.invoke(args=args)


@pytest.fixture
def imported(runner):
    def run(name: str) -> str:
        result = import_form(runner, name, *(ATTACHED if name == "attachments" else ()))
        assert result.exit_code == 0, result.output
        return re.search(r"/s/([\w-]+)", result.output).group(1)

    return run


def stored(app) -> dict[tuple[str, int], str]:
    with app.app_context():
        response = db.session.scalar(db.select(Response).order_by(Response.id.desc()))
        assert response.status == "submitted"
        rows = db.session.scalars(db.select(Answer).where(Answer.response_id == response.id))
        return {(row.question, row.instance): row.value for row in rows}


def walk(respondent: Respondent, pages: dict[str, dict], limit: int = 20) -> list[str]:
    """Answer each page with the fields ``pages`` gives for its key (built afresh for each
    post, so that files can be sent), posting a page again when answers brought up more of
    it; returns the page keys seen."""
    seen = []
    for _ in range(limit):
        key = respondent.key.partition("#")[0]
        seen.append(key)
        answers = pages.get(key, {})
        response = respondent.post(dict(answers() if callable(answers) else answers))
        if response.status_code == 200:
            response = respondent.post(dict(answers() if callable(answers) else answers))
        assert response.status_code == 302, (key, errors(respondent.html))
        if "/thanks" in response.location:
            return seen
    raise AssertionError(f"never finished: {seen}")


def test_every_form_of_the_corpus_imports(runner):
    for name in FORMS:
        result = import_form(runner, name, *(ATTACHED if name == "attachments" else ()))
        assert result.exit_code == 0, (name, result.output)


def test_a_data_workbook_is_refused_as_not_an_xlsform(runner):
    result = import_form(runner, "data_workbook")
    assert result.exit_code == 1
    assert "not an XLSForm" in result.output and "'answers'" in result.output


def test_a_form_without_its_attachments_names_each_missing_file(runner):
    result = import_form(runner, "attachments")
    assert result.exit_code == 1
    for name in ATTACHED:
        assert f"'{name}', which was not attached" in result.output, name


def test_all_types_are_answered_and_stored_as_odk_values(app, client, imported):
    slug = imported("all_types")
    respondent = Respondent(client, slug)
    respondent.start()
    html = respondent.html
    assert 'name="herd"' in html and 'name="consent"' in html
    pages = {
        "basics": {
            "village": "Kegen",
            "herd": "120",
            "area_ha": "3,5",
            "visit": "2026-05-01",
            "visit_time": "09:30",
            "visit_at": "2026-05-01T09:30",
            "herder": "yes",
            "animals": ["saiga", "kulan"],
            "animal_rank": ["kulan", "saiga", "eagle"],
            "consent": "OK",
        },
        "more": {"tag": "KZ-0042", "phone": "77011234567", "trust": "8", "share": "0.75"},
    }
    walk(respondent, pages)
    answers = stored(app)
    assert answers[("herd", 0)] == "120"
    assert answers[("area_ha", 0)] == "3.5"
    assert answers[("animal_rank", 0)] == "kulan saiga eagle"
    assert answers[("trust", 0)] == "8" and answers[("share", 0)] == "0.75"
    assert answers[("phone", 0)] == "77011234567" and answers[("tag", 0)] == "KZ-0042"
    assert answers[("campaign", 0)] == "winter-2026"
    assert answers[("herd_double", 0)] == "240"
    assert answers[("summary", 0)] == "Kegen: 120"
    assert answers[("fixed_note", 0)] == "Almaty"
    assert answers[("day", 0)] and answers[("started", 0)] and answers[("ended", 0)]
    assert ("device", 0) not in answers and ("origin", 0) not in answers


def test_range_and_phone_answers_are_checked_on_the_server(app, client, imported):
    slug = imported("all_types")
    respondent = Respondent(client, slug)
    respondent.start()
    respondent.post({"village": "K", "herder": "no", "consent": "OK"})
    assert respondent.key == "more"
    assert "readonly-answer" in respondent.html and "Almaty" in respondent.html
    assert 'name="summary"' not in respondent.html
    response = respondent.post({"trust": "7", "share": "2", "phone": "+7 701"})
    assert response.status_code == 200
    messages = errors(respondent.html)
    assert "Enter a number from 0 to 10 in steps of 2." in messages
    assert "Enter a number from 0 to 1 in steps of 0.25." in messages
    assert "Enter numbers only." in messages


def test_location_and_media_answers(app, client, imported):
    slug = imported("location_media")
    respondent = Respondent(client, slug)
    respondent.start()
    response = respondent.post({"camp": "95 10"})
    assert response.status_code == 200
    assert any("latitude and longitude" in m for m in errors(respondent.html))
    assert 'enctype="multipart/form-data"' in respondent.html or respondent.key != "media"

    def media():
        return {
            "photo": (io.BytesIO(jpeg()), "camp.jpg"),
            "voice": (io.BytesIO(wav()), "/home/ana/note.wav"),
        }

    pages = {
        respondent.key: {
            "camp": "43.2567, 76.9286",
            "route": "43.25 76.95\n43.30 77.00",
            "pasture": "0 0; 0 0.01; 0.01 0.01; 0.01 0",
        },
        "media": media,
    }
    walk(respondent, pages)
    answers = stored(app)
    assert answers[("camp", 0)] == "43.2567 76.9286 0 0"
    assert answers[("route", 0)] == "43.25 76.95 0 0;43.3 77 0 0"
    assert answers[("pasture", 0)].count(";") == 4
    assert answers[("photo", 0)] == "camp.jpg" and answers[("voice", 0)] == "note.wav"
    assert int(answers[("route_m", 0)]) > 6000
    assert 1_200_000 < int(answers[("pasture_m2", 0)]) < 1_300_000


def test_the_odk_functions_give_their_values_on_the_server(app, client, imported):
    slug = imported("functions")
    respondent = Respondent(client, slug)
    respondent.start()
    response = respondent.post({"n": "15", "word": "Saiga", "born": "2000-02-29"})
    assert response.status_code == 200
    assert len(errors(respondent.html)) == 2
    walk(
        respondent,
        {
            respondent.key: {
                "n": "16",
                "word": "saiga",
                "born": "2000-02-29",
                "colours": ["red", "blue"],
            }
        },
    )
    answers = stored(app)
    assert answers[("c_math", 0)] == "4 256 1 2.773 2 100 16 7 3.14"
    assert answers[("c_trig", 0)] == "1 1 0 1.571 0 0.785 0.785"
    assert answers[("c_text", 0)] == "absAigAx ysaai5A-E"
    assert answers[("c_select", 0)] == "2redRRed"
    assert answers[("c_dates", 0)] == "2000/02/29 Feb Tue 10:05 1.5 0.5 true 1"
    assert answers[("c_logic", 0)] == "truetruetruectruetruetrue1211"
    assert answers[("c_misc", 0)].startswith("36 8 true true ba7816bf")
    assert answers[("c_misc", 0)].endswith(" saiga a+b")
    assert 0 <= int(answers[("c_once", 0)]) <= 1000


def test_loop_over_a_list_asks_once_per_choice_with_its_label(app, client, imported):
    slug = imported("loops")
    respondent = Respondent(client, slug)
    respondent.start()
    html = unescape(respondent.html)
    assert "How many Saiga did you see?" in html and "How many Kulan did you see?" in html
    assert "%(label)s" not in html
    walk(
        respondent,
        {
            "counts": {
                "counts/saiga/seen": "12",
                "counts/kulan/seen": "3",
                "counts/kulan/young": "yes",
            }
        },
    )
    answers = stored(app)
    assert answers[("counts/saiga/seen", 0)] == "12"
    assert answers[("counts/kulan/young", 0)] == "yes"


def test_names_in_two_groups_duplicate_choices_hidden_spans_and_read_only(app, client, imported):
    slug = imported("names_markup")
    respondent = Respondent(client, slug)
    respondent.start()
    html = respondent.html
    assert "Name of the home village" in html and "Q1." not in html and "&lt;span" not in html
    assert "Level of <strong>threat</strong>" in html
    assert html.count('value="high"') == 1
    walk(
        respondent,
        {
            "home": {"home/name": "Kegen", "level": "high"},
            "work": {"work/name": "Park office", "staff": "99"},
        },
    )
    answers = stored(app)
    assert answers[("home/name", 0)] == "Kegen" and answers[("work/name", 0)] == "Park office"
    assert answers[("staff", 0)] == "5"


def test_repeats_inside_repeats_without_javascript(app, client, imported):
    slug = imported("nested_repeats")
    respondent = Respondent(client, slug)
    respondent.start()
    key = respondent.key
    # The first household is offered open; its questions are not hidden.
    assert re.search(r'data-q="family\[1\]"(?! hidden)', respondent.html)
    respondent.post({"_n.household": "1", "family[1]": "Abai"}, action="add:member:1")
    assert 'name="member_name[1]"' in respondent.html
    assert hidden(respondent.html, "_parent_member[1]") == "1"
    data = {
        "_n.household": "1",
        "family[1]": "Abai",
        "_n.member": "1",
        "_parent_member[1]": "1",
        "member_name[1]": "Ana",
        "age[1]": "12",
    }
    # The school question applies to a child: shown before the page is left.
    response = respondent.post(data)
    assert response.status_code == 200
    assert re.search(r'data-q="school\[1\]"(?! hidden)', respondent.html)
    respondent.post({**data, "school[1]": "yes"}, action="add:household")
    data2 = {**data, "school[1]": "yes", "_n.household": "2", "family[2]": "Bek"}
    respondent.post(data2, action="add:member:2")
    assert hidden(respondent.html, "_parent_member[2]") == "2"
    final = {
        **data2,
        "_n.member": "2",
        "_parent_member[2]": "2",
        "member_name[2]": "Bolat",
        "age[2]": "40",
    }
    walk(respondent, {key: final})
    answers = stored(app)
    assert answers[("family", 1)] == "Abai" and answers[("family", 2)] == "Bek"
    assert answers[("_parent_member", 1)] == "1" and answers[("_parent_member", 2)] == "2"
    assert answers[("school", 1)] == "yes" and not answers.get(("school", 2))
    assert answers[("hh_no", 2)] == "2"
    assert answers[("households", 0)] == "2" and answers[("first_family", 0)] == "Abai"


def test_removing_a_household_removes_its_members(app, client, imported):
    slug = imported("nested_repeats")
    respondent = Respondent(client, slug)
    respondent.start()
    data = {
        "_n.household": "2",
        "family[1]": "Abai",
        "family[2]": "Bek",
        "_n.member": "2",
        "_parent_member[1]": "1",
        "member_name[1]": "Ana",
        "age[1]": "30",
        "_parent_member[2]": "2",
        "member_name[2]": "Bolat",
        "age[2]": "40",
    }
    respondent.post(data, action="remove:household:1")
    assert 'value="Bolat"' in respondent.html and 'value="Ana"' not in respondent.html
    assert hidden(respondent.html, "_parent_member[1]") == "1"


def test_choices_and_values_from_attached_files(app, client, imported):
    slug = imported("attachments")
    respondent = Respondent(client, slug)
    respondent.start()
    html = respondent.html
    assert "Upper village" in html and "Spring" in html and "District one" in html
    assert 'value="eagle"' in html  # filtered out on the server only once a choice is made
    response = respondent.post({"region": "north", "village": "v2", "animal": "saiga"})
    assert response.status_code == 200
    assert any("not available" in m for m in errors(respondent.html))
    walk(
        respondent,
        {
            respondent.key: {
                "region": "north",
                "village": "v1",
                "district": "d1",
                "animal": "saiga",
                "sites": ["s1", "s2"],
            }
        },
    )
    answers = stored(app)
    assert answers[("price", 0)] == "12.5"
    assert answers[("ranger", 0)] == "Aigerim"
    assert answers[("region_label", 0)] == "North"
    assert answers[("legs", 0)] == "4" and answers[("site_count", 0)] == "2"


def test_a_form_with_nothing_to_answer_has_a_page_that_sends_it(app, client, imported):
    slug = imported("metadata_only")
    response = client.get(f"/s/{slug}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "no questions to answer" in html
    response = client.post(f"/s/{slug}", data={"csrf_token": hidden(html, "csrf_token")})
    assert response.status_code == 302 and "/thanks" in response.location
    answers = stored(app)
    assert answers[("started", 0)] and answers[("stamp", 0)]


def test_a_form_whose_every_question_starts_hidden_is_sent_when_started(app, client, runner,
                                                                          tmp_path):
    from tests.surveys.xlsform_fixtures import simple_form_bytes

    # ODK's last saved instance is empty in a web questionnaire, so "foo" is never relevant
    source = tmp_path / "hidden.xlsx"
    source.write_bytes(simple_form_bytes([["integer", "foo", "Foo", "${last-saved#foo} < 12",
                                           "", ""]]))
    result = runner.invoke(args=["forms", "import", str(source)])
    assert result.exit_code == 0, result.output
    slug = re.search(r"/s/([\w-]+)", result.output).group(1)
    html = client.get(f"/s/{slug}").get_data(as_text=True)
    response = client.post(f"/s/{slug}", data={"csrf_token": hidden(html, "csrf_token")})
    assert response.status_code == 302 and "/thanks" in response.location
    assert ("foo", 0) not in stored(app)

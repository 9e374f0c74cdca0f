"""Finding things: responses by reference number (exact or its beginning, any case, hyphens
optional), country, group, dates and words in the answers; interviews by words in any
script and in other forms of the same word, across place, organisations and notes; results
highlighted and escaped; hostile searches answered without an error, on both databases."""

from __future__ import annotations

import re
from datetime import date

import pytest

from consult.extensions import db
from consult.interviews import service
from consult.interviews.service import Filters, InterviewData, NoteData, ParticipantData
from consult.questionnaires import import_form
from tests.consult.test_questionnaires import small_form_xlsx
from tests.factories import make_response

RESPONSES = "/secretariat/responses/"


def _references(page: str) -> list[str]:
    return re.findall(r'/secretariat/responses/\d+">(?:<span[^>]*>)?([^<]+)<', page)


@pytest.fixture
def responses(app):
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        rows = [
            ("CAMI-7K3Q-9F20", "KZ", "ngo", "Браконьеры продают рога у Иргиза"),
            ("CAMI-7K3R-AB12", "MN", "government", "Fences <script>alert(1)</script> 100% sure"),
            ("OTHR-1111-2222", "KZ", "government", "Nothing to add"),
        ]
        for reference, country, group, comment in rows:
            response = make_response(
                version, {"country": country, "comment": comment}, country=country, group=group
            )
            response.reference = reference
        db.session.commit()


def test_reference_found_exactly_by_beginning_in_any_case_without_hyphens(
    app, client, auth, responses
):
    auth.login("admin")

    def found(reference: str) -> list[str]:
        page = client.get(RESPONSES, query_string={"reference": reference})
        assert page.status_code == 200
        return sorted(_references(page.get_data(as_text=True)))

    assert found("CAMI-7K3Q-9F20") == ["CAMI-7K3Q-9F20"]
    assert found("cami7k3q9f20") == ["CAMI-7K3Q-9F20"]
    assert found(" cami 7k3q-9f2o ") == ["CAMI-7K3Q-9F20"]  # a letter O for the zero
    assert found("cami-7k3") == ["CAMI-7K3Q-9F20", "CAMI-7K3R-AB12"]
    assert found("7k3q9f20") == ["CAMI-7K3Q-9F20"]  # without the form's prefix
    assert found("CAMI-7K3Q-9F21") == []
    assert len(found("")) == 3


def test_filters_and_words_in_answers_with_highlighting(app, client, auth, responses):
    auth.login("admin")

    def found(**args) -> tuple[list[str], str]:
        page = client.get(RESPONSES, query_string=args)
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        return sorted(_references(html)), html

    assert found(country="KZ")[0] == ["CAMI-7K3Q-9F20", "OTHR-1111-2222"]
    assert found(country="KZ", group="ngo")[0] == ["CAMI-7K3Q-9F20"]
    today = date.today().isoformat()
    assert len(found(date_from=today, date_to=today)[0]) == 3
    assert found(date_from="2020-01-01", date_to="2020-12-31")[0] == []
    refs, html = found(text="БРАКОНЬЕРЫ")
    assert refs == ["CAMI-7K3Q-9F20"]
    assert "<mark>Браконьеры</mark> продают" in html
    refs, html = found(text="100%")
    assert refs == ["CAMI-7K3R-AB12"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>100%</mark>" in html
    assert "<script>alert(1)" not in html
    # LIKE's wildcards are letters like any other.
    assert found(text="_")[0] == [] and found(text="%%")[0] == []


def _interview(user, text: str, **values) -> int:
    data = InterviewData(
        country=values.pop("country", "KZ"),
        date=date(2026, 1, 10),
        format="group",
        language=values.pop("language", "ru"),
        consent="oral",
        participants=values.pop("participants", [ParticipantData(group="community")]),
        notes=[NoteData(theme=None, text=text, translation_en=values.pop("translation", ""))],
        **values,
    )
    interview = service.create_interview(data, user)
    db.session.flush()
    return interview.id


def test_interviews_found_by_other_forms_in_any_script_with_highlights(app, client, auth):
    with app.app_context():
        from tests.consult.test_interviews_search import admin_user

        admin = admin_user()
        horns = _interview(admin, "Перекупщики скупают много рогов сайгака <b>ночью</b>")
        place = _interview(admin, "Воды мало", settlement="Иргиз", province="Актюбинская")
        club = _interview(
            admin,
            "Нет патрулей",
            participants=[ParticipantData(organisation="Охотничье общество", group="hunting")],
        )
        english = _interview(admin, "Poachers sell the horns at night", language="en")
        chinese = _interview(admin, "牧民说非法盗猎越来越少了", language="zh")
        mongol = _interview(admin, "Бэлчээрийн талхагдал ихэссэн", language="mn")
        db.session.commit()

        def found(q: str) -> set[int]:
            return {i.id for i in service.search_interviews(admin, Filters(q=q)).items}

        assert found("рога") == {horns}
        assert found("Иргиз") == {place}
        assert found("иргизе") == {place}
        assert found("охотничьего") == {club}
        assert found("horn") == {english}
        assert found("poacher horns") == {english}
        assert found("盗猎") == {chinese}
        assert found("бэлчээр") == {mongol}
        assert found("рога Иргиз") == set()
    auth.login("admin")
    html = client.get("/interviews/", query_string={"q": "рога"}).get_data(as_text=True)
    assert "<mark>рогов</mark> сайгака &lt;b&gt;ночью&lt;/b&gt;" in html
    html = client.get("/interviews/", query_string={"q": "Иргиз"}).get_data(as_text=True)
    assert "<mark>Иргиз</mark>" in html


HOSTILE = (
    "a\x00b",
    "x" * 10_000,
    "Иргиз " * 2000,
    ".*[(\\%_^$|?+{}",
    "'; DROP TABLE responses; --",
    "\u202e\ufeff\u200b",
    "盗" * 3000,
)


def test_hostile_searches_answer_without_an_error(app, client, auth, responses):
    with app.app_context():
        from tests.consult.test_interviews_search import admin_user

        _interview(admin_user(), "Перекупщики скупают много рогов")
        db.session.commit()
    auth.login("admin")
    for hostile in HOSTILE:
        for url, args in (
            (RESPONSES, {"reference": hostile}),
            (RESPONSES, {"text": hostile}),
            ("/interviews/", {"q": hostile}),
        ):
            response = client.get(url, query_string=args)
            # Control characters in a query string are refused (400) before any view runs.
            expected = 400 if "\x00" in hostile else 200
            assert response.status_code == expected, (url, hostile[:20], response.status_code)

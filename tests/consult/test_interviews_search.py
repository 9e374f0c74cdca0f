"""Search across languages, filters, pagination and the analysis frame of interview notes."""

from __future__ import annotations

import re
from datetime import date

import pytest

from consult.extensions import db
from consult.interviews import service
from consult.interviews.service import Filters, InterviewData, NoteData, ParticipantData, fold
from consult.models import InterviewNote, User


def add(user: User | None, country: str, text: str, **values) -> int:
    data = InterviewData(
        country=country,
        date=values.pop("date", date(2026, 1, 10)),
        format=values.pop("format", "individual"),
        language=values.pop("language", "en"),
        consent="oral",
        participants=values.pop("participants", [ParticipantData(group="community")]),
        notes=[NoteData(theme=values.pop("theme", None), text=text,
                        translation_en=values.pop("translation", ""))],
        **values,
    )
    interview = service.create_interview(data, user)
    db.session.flush()
    return interview.id


def listed_ids(page: str) -> set[int]:
    """The ids of the interviews a list page links to."""
    return {int(number) for number in re.findall(r'href="/interviews/(\d+)"', page)}


def admin_user() -> User:
    from consult.accounts import create_user

    return create_user("sec@example.org", "a long enough password", "admin")


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Ёлки и СНЕГ", "елки и снег"),
        ("Café near Ürümqi", "CAFE NEAR URUMQI"),
        ("شكار غير قانوني", "شکار غیر قانونی"),
        ("Хулгайн АН ихэссэн", "хулгайн ан"),
        ("ＡＢＣ 盗猎", "abc 盗猎"),
    ],
)
def test_fold_makes_case_accents_and_arabic_letters_irrelevant(stored, typed):
    assert fold(typed) in fold(stored)


def test_search_finds_notes_in_any_script_ignoring_case_and_accents(app):
    with app.app_context():
        admin = admin_user()
        ru = add(admin, "KZ", "Браконьеры приезжают ночью", language="ru")
        fa = add(admin, "IR", "شكار غير قانوني يوزپلنگ زياد است", language="fa")
        zh = add(admin, "CN", "牧民说盗猎越来越少了", language="zh")
        mn = add(admin, "MN", "Зудын дараа ХУЛГАЙН АН ихэссэн", language="mn")
        en = add(admin, "KG", "Fences block the argali", translation="",
                 language="en")
        tr = add(admin, "KZ", "Железная дорога мешает миграции", language="ru",
                 translation="The railway blocks the migration of saiga")

        def found(q: str) -> set[int]:
            return {i.id for i in service.search_interviews(admin, Filters(q=q)).items}

        assert found("БРАКОНЬЕРЫ") == {ru}
        assert found("شکار غیر") == {fa}
        assert found("盗猎") == {zh}
        assert found("хулгайн ан") == {mn}
        assert found("fences") == {en}
        assert found("RAILWAY") == {tr}
        assert found("100%_") == set()
        assert found("") == {ru, fa, zh, mn, en, tr}


def test_filters_narrow_the_list(app):
    with app.app_context():
        admin = admin_user()
        other = add(admin, "KZ", "a", date=date(2025, 5, 1))
        wanted = add(
            admin, "KZ", "b", date=date(2026, 2, 1), format="meeting", status="complete",
            participants=[ParticipantData(group="hunting")], threats={"poaching": "high"},
            species=["saiga"], facilitator_ids=[admin.id],
        )
        checks = [
            Filters(country="KZ", date_from=date(2026, 1, 1)),
            Filters(date_to=date(2026, 12, 31), date_from=date(2026, 1, 1)),
            Filters(format="meeting"),
            Filters(group="hunting"),
            Filters(threat="poaching"),
            Filters(species="saiga"),
            Filters(facilitator=admin.id),
            Filters(status="complete"),
        ]
        for filters in checks:
            ids = [i.id for i in service.search_interviews(admin, filters).items]
            assert ids == [wanted], filters
        every = [i.id for i in service.search_interviews(admin, Filters(country="KZ")).items]
        assert every == [wanted, other]


def test_list_is_paginated(app):
    with app.app_context():
        admin = admin_user()
        ids = [add(admin, "KZ", f"note {n}", date=date(2026, 1, 1 + n)) for n in range(5)]
        first = service.search_interviews(admin, Filters(), page=1, per_page=2)
        last = service.search_interviews(admin, Filters(), page=3, per_page=2)
        assert (first.total, first.pages) == (5, 3)
        assert [i.id for i in first.items] == ids[::-1][:2]
        assert [i.id for i in last.items] == ids[:1]
        beyond = service.search_interviews(admin, Filters(), page=99, per_page=2)
        assert beyond.page == 3


def test_search_page_of_a_facilitator_stays_in_their_countries(app, client, auth):
    auth.login("facilitator", ("KZ",))
    with app.app_context():
        hidden = add(None, "MN", "Хулгайн ан", language="mn")
        visible = add(None, "KZ", "Хулгайн ан тоже", language="ru")
        db.session.commit()
    page = client.get("/interviews/?q=хулгайн").get_data(as_text=True)
    assert listed_ids(page) == {visible}, f"{hidden} is in MN"


def test_list_page_links_to_the_next_page_with_the_filters(app, client, auth):
    auth.login("admin")
    with app.app_context():
        for n in range(26):
            add(None, "KZ", f"saiga note {n}", date=date(2026, 1, 1))
        db.session.commit()
    page = client.get("/interviews/?q=saiga").get_data(as_text=True)
    assert "26 records found" in page and "Page 1 of 2" in page
    assert "page=2" in page and "q=saiga" in page


def test_interview_texts_frame_gives_notes_in_the_analysis_contract(app):
    with app.app_context():
        admin = admin_user()
        first = add(
            admin, "KZ", "Сайгаков убивают ради рогов", language="ru", theme="poaching",
            participants=[ParticipantData(group="community"), ParticipantData(group="hunting"),
                          ParticipantData(group="hunting")],
            threats={"poaching": "very_high", "infrastructure": None},
        )
        second = add(admin, "MN", "Зуд", language="mn", participants=[])
        frame = service.interview_texts_frame(db.session)
        notes = {n.interview_id: n.id for n in db.session.scalars(db.select(InterviewNote))}
        assert list(frame.columns) == service.TEXT_COLUMNS
        rows = frame.set_index("id").to_dict("index")
        row = rows[f"interview:{first}:note:{notes[first]}"]
        assert row == {
            "text": "Сайгаков убивают ради рогов",
            "lang": "ru",
            "country": "KZ",
            "group": "hunting",
            "source": "interview",
            "tags": "poaching;infrastructure",
            "link": f"/interviews/{first}",
            "translation": "",
        }
        general = rows[f"interview:{second}:note:{notes[second]}"]
        assert (general["group"], general["tags"], general["lang"]) == ("", "", "mn")
        translated = add(admin, "KZ", "Рога вывозят в Китай", language="ru",
                         translation="The horns are taken to China")
        english = add(admin, "KZ", "Horns go abroad", translation="Horns go abroad")
        rows = service.interview_texts_frame(db.session).set_index("id").to_dict("index")
        assert rows[f"interview:{translated}:note:{notes[first] + 2}"]["translation"] == (
            "The horns are taken to China"
        )
        # an English note's copy of itself is no translation
        assert rows[f"interview:{english}:note:{notes[first] + 3}"]["translation"] == ""
        only_mn = service.interview_texts_frame(db.session, countries=["MN"])
        assert only_mn["country"].tolist() == ["MN"]


def test_analysis_loader_reads_interview_notes_next_to_survey_texts(app):
    from consult.runs.frames import analysis_frames

    with app.app_context():
        add(admin_user(), "KZ", "Колодцы пересохли", language="ru", theme="climate")
        frames = analysis_frames(db.session)
        assert frames.counts()["interview_notes"] == 1
        assert frames.texts["text"].tolist() == ["Колодцы пересохли"]


def test_unfiltered_list_shows_no_filter_errors(client, auth):
    auth.login("facilitator", ("KZ",))
    response = client.get("/interviews/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<h1>Interviews and meetings</h1>" in page
    assert 'class="error"' not in page and "has-error" not in page
    assert "Not a valid choice" not in page

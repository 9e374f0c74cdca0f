"""The secretariat's responses: filtered list, one response in the reader's language, exports."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pandas as pd
import pytest

from consult.extensions import db
from consult.questionnaires import get_questionnaire, import_form
from consult.responses import ResponseFilter, export_responses, response_values
from tests.consult.test_questionnaires import small_form_xlsx
from tests.factories import make_response


@pytest.fixture
def responses(app):
    """Four responses to two versions of the small survey."""
    with app.app_context():
        first = import_form(small_form_xlsx(version="1"), "v1.xlsx")
        extra = (["text", "added_later", "Added later", "", "", "Добавлено"],)
        make_response(
            first,
            {
                "country": "KZ",
                "stakeholder_group": "ngo",
                "comment": '=HYPERLINK("http://x")',
                "years": "12",
                "species": "saiga kulan",
                "person_name": ["Aigerim", "Bolat"],
            },
            country="KZ",
            group="ngo",
            language="ru",
        )
        make_response(
            first, {"country": "MN", "species": "kulan"}, country="MN", group="government"
        )
        make_response(first, {"country": "KZ"}, country="KZ", group="government", status="draft")
        second = import_form(small_form_xlsx(version="2", extra_rows=extra), "v2.xlsx")
        late = make_response(second, {"country": "MN", "added_later": "new"}, country="MN")
        late.submitted_at = datetime(2026, 1, 15, 12, tzinfo=UTC)
        db.session.commit()
        return {"january": late.id}


def _references(html: str) -> int:
    return len(re.findall(r'href="/secretariat/responses/\d+"', html))


def test_list_filters_by_country_group_status_version_language_and_date(client, auth, responses):
    auth.login("admin")
    base = "/secretariat/responses/?questionnaire=small-survey"
    assert _references(client.get(base).get_data(as_text=True)) == 4
    cases = {
        "&country=KZ": 2,
        "&country=MN&group=government": 2,
        "&status=draft": 1,
        "&status=submitted": 3,
        "&version=2": 1,
        "&language=ru": 1,
        "&date_from=2026-01-15&date_to=2026-01-15": 1,
        "&date_to=2026-01-14&status=submitted": 0,
    }
    for query, expected in cases.items():
        html = client.get(base + query).get_data(as_text=True)
        assert _references(html) == expected, query


def test_list_is_paginated(app, client, auth, responses):
    with app.app_context():
        version = get_questionnaire("small-survey").current_version
        for _ in range(55):
            make_response(version, {"country": "KZ"})
        db.session.commit()
    auth.login("admin")
    first = client.get("/secretariat/responses/").get_data(as_text=True)
    assert _references(first) == 50
    assert "Page 1 of 2 (59 in all)" in first
    second = client.get("/secretariat/responses/?page=2").get_data(as_text=True)
    assert _references(second) == 9


def test_response_page_shows_labels_in_the_readers_language(app, client, auth, responses):
    with app.app_context():
        from consult.models import Response

        response_id = db.session.scalar(db.select(Response.id).where(Response.language == "ru"))
    auth.login("admin")
    english = client.get(f"/secretariat/responses/{response_id}").get_data(as_text=True)
    assert "Kazakhstan" in english and "Saiga" in english and "Bolat" in english
    russian = client.get(f"/secretariat/responses/{response_id}?form_lang=ru").get_data(
        as_text=True
    )
    assert "Казахстан" in russian and "Сайгак" in russian
    # the Russian label of kulan is missing: the English one is shown, marked
    assert 'Kulan</span><span class="fallback">' in russian
    assert "&#34;http://x&#34;" in russian or "&quot;http://x&quot;" in russian
    assert client.get("/secretariat/responses/999999").status_code == 404


def test_values_are_typed_and_repeats_are_lists(app, responses):
    with app.app_context():
        from consult.models import Response

        response = db.session.scalar(db.select(Response).where(Response.language == "ru"))
        values = response_values(response)
        assert values["years"] == 12
        assert values["person_name"] == ["Aigerim", "Bolat"]
        assert values["species"] == "saiga kulan"


def test_export_has_a_column_per_question_path_and_choice_and_neutralises(app, responses):
    with app.app_context():
        flt = ResponseFilter(questionnaire=get_questionnaire("small-survey"), status="submitted")
        frame = pd.read_csv(
            io.BytesIO(export_responses(flt, "csv")), dtype=str, keep_default_na=False
        )
    assert len(frame) == 3
    expected = ["reference", "_country", "country", "species", "species/saiga", "species/kulan"]
    for column in [*expected, "submission_id", "version", "people[1]/person_name", "added_later"]:
        assert column in frame.columns, column
    kz = frame[frame["_country"] == "KZ"].iloc[0]
    assert kz["comment"] == '\'=HYPERLINK("http://x")'
    assert (kz["species"], kz["species/saiga"], kz["species/kulan"]) == ("saiga kulan", "1", "1")
    assert (kz["people[1]/person_name"], kz["people[2]/person_name"]) == ("Aigerim", "Bolat")
    assert kz["submission_id"] == kz["reference"]
    mn = frame[frame["_country"] == "MN"].set_index("added_later")
    assert mn.loc["", "species/saiga"] == "0"
    assert mn.loc["new", "species"] == ""
    assert frame["submitted_at"].is_monotonic_increasing


def test_export_of_one_version_with_labels_in_a_language(app, responses):
    with app.app_context():
        flt = ResponseFilter(questionnaire=get_questionnaire("small-survey"), version=1)
        data = export_responses(flt, "xlsx", labels=True, lang="ru")
    frame = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert "added_later" not in frame.columns
    assert len(frame) == 3
    kz = frame[frame["comment"] != ""].iloc[0]
    assert kz["country"] == "Казахстан"
    assert kz["species"] == "Сайгак; Kulan"
    assert kz["comment"] == '\'=HYPERLINK("http://x")'


def test_export_page_downloads_csv_and_xlsx_for_the_filter(client, auth, responses):
    auth.login("admin")
    csv_response = client.get(
        "/secretariat/responses/export.csv?questionnaire=small-survey&country=MN"
    )
    assert csv_response.status_code == 200
    assert csv_response.mimetype == "text/csv"
    frame = pd.read_csv(io.BytesIO(csv_response.data), dtype=str, keep_default_na=False)
    assert sorted(frame["_country"]) == ["MN", "MN"]
    xlsx = client.get(
        "/secretariat/responses/export.xlsx?questionnaire=small-survey&labels=1&label_lang=ru"
    )
    named = pd.read_excel(io.BytesIO(xlsx.data), dtype=str)
    assert named.shape[0] == 4
    # The describing columns name their codes too.
    assert "Монголия" in set(named["_country"]) and "MN" not in set(named["_country"])
    unfiltered = client.get("/secretariat/responses/export.csv")
    assert unfiltered.status_code == 302


def test_response_page_names_the_chosen_species_in_labels_that_refer_to_it(app, client, auth):
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        version = ensure_shipped_questionnaire()
        answers = {"consent": "yes", "country": "KZ", "target_1": "saiga",
                   "t1_name": "Saiga", "t1_threats": "poaching"}  # fmt: skip
        response_id = make_response(version, answers, language="ru").id
        db.session.commit()
    auth.login("admin")
    russian = client.get(f"/secretariat/responses/{response_id}?form_lang=ru")
    html = russian.get_data(as_text=True)
    assert "затрагивают данный вид (Сайгак) в известном вам районе" in html
    assert "${" not in html

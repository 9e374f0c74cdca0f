"""National consultations rate the programme's actions: the grid on the interview form, the
strategy rating on the record page, scoping, the frame the analysis reads, and the sheet of
the import template and the export."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from consult.extensions import db
from consult.interviews.service import (
    InterviewData,
    ParticipantData,
    StrategyRatingData,
    create_interview,
    strategy_ratings_frame,
)
from consult.models import AuditEvent, Interview, StrategyRating, User
from tests.conftest import csrf_token
from tests.consult.test_interviews_import import exported, workbook
from tests.consult.test_interviews_records import form_data, new_interview, only_interview

FENCES = "strategy_ratings-fence_modification"
RANGERS = "strategy_ratings-ranger_capacity"
CROSSINGS = "strategy_ratings-wildlife_crossings"


def rating_fields(prefix: str, impact="", feasibility="", cost="", agreement="", note=""):
    return {
        f"{prefix}-impact": impact,
        f"{prefix}-feasibility": feasibility,
        f"{prefix}-cost": cost,
        f"{prefix}-agreement": agreement,
        f"{prefix}-note": note,
    }


def national_consultation(client, **values):
    return new_interview(
        client,
        **{
            "format": "national_consultation",
            "status": "complete",
            **rating_fields(
                FENCES, "4", "2", "high", "majority", "Border fence: needs the neighbour"
            ),
            **rating_fields(RANGERS, "3", "4", "medium", "full"),
            **values,
        },
    )


def stored_ratings(app) -> dict[str, tuple]:
    with app.app_context():
        return {
            r.action_code: (r.impact, r.feasibility, r.cost, r.agreement, r.note)
            for r in db.session.scalars(db.select(StrategyRating))
        }


def error_next_to(html: str, name: str) -> list[str]:
    """The error messages shown in the grid cell of the field `name`."""
    cell = re.search(rf'name="{re.escape(name)}".*?</td>', html, re.S)
    assert cell, f"no field {name}"
    return re.findall(r'class="error"[^>]*>([^<]*)<', cell.group(0))


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_facilitator_rates_actions_in_a_national_consultation_and_sees_the_strategy_rating(
    app, client, auth
):
    auth.login("facilitator", ("KZ",))
    page = client.get("/interviews/new").get_data(as_text=True)
    assert 'value="national_consultation"' in page
    assert (
        f'name="{FENCES}-impact"' in page and "Remove or modify fences that block migration" in page
    )
    assert "Very high, very likely to remove or greatly reduce" in page

    response = national_consultation(client)

    assert response.status_code == 302, text_of(response.get_data(as_text=True))[:2000]
    assert stored_ratings(app) == {
        "fence_modification": (4, 2, "high", "majority", "Border fence: needs the neighbour"),
        "ranger_capacity": (3, 4, "medium", "full", ""),
    }
    interview = only_interview(app)
    assert interview.format == "national_consultation"
    record = text_of(client.get(f"/interviews/{interview.id}").get_data(as_text=True))
    # min(impact, feasibility): 4 and 2 -> Less effective; 3 and 4 -> Effective
    assert (
        "Remove or modify fences that block migration Very high Medium Less effective "
        "High cost Majority Border fence: needs the neighbour"
    ) in record
    assert "Strengthen anti-poaching ranger capacity High Very high Effective Medium cost" in record
    assert "Not rated by this meeting: 24 of 26 actions" in record


def test_the_grid_and_the_record_page_name_actions_in_the_readers_language(app, client, auth):
    auth.login("facilitator", ("KZ",))
    assert national_consultation(client).status_code == 302
    interview = only_interview(app)
    form = client.get(f"/interviews/{interview.id}/edit?lang=ru").get_data(as_text=True)
    assert "Демонтаж или модификация заборов, препятствующих миграции" in form
    record = client.get(f"/interviews/{interview.id}?lang=zh").get_data(as_text=True)
    assert "拆除或改造阻碍迁徙的围栏" in record


def test_editing_changes_adds_and_removes_ratings_and_is_audited(app, client, auth):
    auth.login("facilitator", ("KZ",))
    assert national_consultation(client).status_code == 302
    interview = only_interview(app)
    url = f"/interviews/{interview.id}/edit"
    page = client.get(url).get_data(as_text=True)
    assert '<details id="strategy-ratings" class="strategy-ratings" open>' in page
    data = form_data(
        client,
        url,
        **rating_fields(FENCES, "4", "3", "medium", "full"),
        **rating_fields(RANGERS),
        **rating_fields(CROSSINGS, "3", "1", "high", "split", "Railway company not present"),
        save="Save",
    )
    response = client.post(url, data=data)

    assert response.status_code == 302, text_of(response.get_data(as_text=True))[:2000]
    assert stored_ratings(app) == {
        "fence_modification": (4, 3, "medium", "full", ""),
        "wildlife_crossings": (3, 1, "high", "split", "Railway company not present"),
    }
    with app.app_context():
        event = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "interview.update")
        ).one()
        assert event.details["fields"] == ["strategy_ratings"]
        assert db.session.get(Interview, interview.id).row_version == interview.row_version + 1
    record = text_of(client.get(f"/interviews/{interview.id}").get_data(as_text=True))
    assert "Wildlife-friendly crossings on railways and roads High Low Not effective" in record
    assert "Strengthen anti-poaching ranger capacity" not in record


def test_an_edit_from_an_older_version_of_the_ratings_is_a_conflict(app, client, auth):
    auth.login("facilitator", ("KZ",))
    assert national_consultation(client).status_code == 302
    interview = only_interview(app)
    url = f"/interviews/{interview.id}/edit"
    stale = form_data(client, url, **rating_fields(RANGERS, "1", "1", "low", "split"), save="Save")
    fresh = form_data(client, url, **rating_fields(RANGERS, "4", "4", "low", "full"), save="Save")
    assert client.post(url, data=fresh).status_code == 302
    response = client.post(url, data=stale)
    assert response.status_code == 409
    assert stored_ratings(app)["ranger_capacity"][:2] == (4, 4)


def test_a_partly_rated_action_is_refused_with_a_message_on_each_missing_field(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = national_consultation(
        client, **rating_fields(FENCES, impact="4"), **rating_fields(RANGERS, note="Discussed")
    )

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Not saved yet" in html
    assert error_next_to(html, f"{FENCES}-impact") == []
    assert error_next_to(html, f"{FENCES}-feasibility") == [
        "Give the feasibility (Low to Very high), or leave the action blank."
    ]
    assert error_next_to(html, f"{FENCES}-cost") == [
        "Give the cost (low, medium or high), or leave the action blank."
    ]
    assert error_next_to(html, f"{FENCES}-agreement") == [
        "Say how far the participants agreed (full, majority or split), or leave the action blank."
    ]
    assert error_next_to(html, f"{RANGERS}-impact") == [
        "Give the potential impact (Low to Very high), or leave the action blank."
    ]
    # what was typed stays on the page, unfolded
    assert '<option selected value="4">' in html.split(f'name="{FENCES}-impact"')[1][:400]
    assert '<details id="strategy-ratings" class="strategy-ratings" open>' in html
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Interview.id))) == 0


def test_a_level_outside_the_scale_is_refused(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = national_consultation(client, **{f"{FENCES}-impact": "5", f"{FENCES}-cost": "free"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert error_next_to(html, f"{FENCES}-impact") == ["Not a valid choice."]
    assert error_next_to(html, f"{FENCES}-cost") == ["Not a valid choice."]
    assert stored_ratings(app) == {}


def test_only_a_national_consultation_rates_actions(app, client, auth):
    auth.login("facilitator", ("KZ",))
    response = national_consultation(client, format="meeting")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    format_field = html.split('name="format"')[1].split("</div>")[0]
    assert "Only a national consultation rates actions" in format_field
    assert stored_ratings(app) == {}
    # without ratings the other formats save as before, and show no grid on the record
    assert (
        national_consultation(
            client, format="meeting", **rating_fields(FENCES), **rating_fields(RANGERS)
        ).status_code
        == 302
    )
    record = client.get(f"/interviews/{only_interview(app).id}").get_data(as_text=True)
    assert 'id="strategy-ratings"' not in record
    form = client.get(f"/interviews/{only_interview(app).id}/edit").get_data(as_text=True)
    assert '<details id="strategy-ratings" class="strategy-ratings">' in form


def test_a_facilitator_of_another_country_can_neither_see_nor_change_the_ratings(app, client, auth):
    auth.login("facilitator", ("KZ",))
    assert national_consultation(client).status_code == 302
    interview = only_interview(app)
    url = f"/interviews/{interview.id}/edit"
    data = form_data(client, url, **rating_fields(FENCES, "1", "1", "low", "split"), save="Save")
    auth.logout()

    auth.login("facilitator", ("MN",))
    assert client.get(f"/interviews/{interview.id}").status_code == 404
    assert client.get(url).status_code == 404
    data["csrf_token"] = csrf_token(client, "/interviews/new")
    assert client.post(url, data=data).status_code == 404
    listing = client.get("/interviews/?format=national_consultation").get_data(as_text=True)
    assert f"/interviews/{interview.id}" not in listing
    assert stored_ratings(app)["fence_modification"][:2] == (4, 2)


# -- the frame the analysis reads ---------------------------------------------------------------


def consultation(country: str, when: date, status: str, ratings: dict, fmt="national_consultation"):
    return InterviewData(
        country=country,
        date=when,
        format=fmt,
        language="ru",
        consent="oral",
        status=status,
        participants=[ParticipantData(group="government")],
        strategy_ratings={code: StrategyRatingData(*values) for code, values in ratings.items()},
    )


def test_strategy_ratings_frame_has_the_ratings_of_complete_consultations_only(app):
    import pandas as pd

    with app.app_context():
        kz = create_interview(
            consultation(
                "KZ",
                date(2026, 3, 14),
                "complete",
                {
                    "ranger_capacity": (4, 3, "medium", "full", "note stays out"),
                    "fence_modification": (4, 2, "high", "majority"),
                },
            ),
            None,
        )
        create_interview(
            consultation(
                "KZ", date(2026, 5, 1), "draft", {"data_platform": (1, 1, "low", "split")}
            ),
            None,
        )
        mn = create_interview(
            consultation(
                "MN",
                date(2026, 4, 2),
                "complete",
                {
                    "wildlife_crossings": (4, 3, "high", "split"),
                },
            ),
            None,
        )
        create_interview(consultation("MN", date(2026, 4, 3), "complete", {}, fmt="meeting"), None)
        db.session.commit()

        frame = strategy_ratings_frame(db)
        by_country = strategy_ratings_frame(db.session, countries=["MN"])

    expected = pd.DataFrame(
        {
            "country": ["KZ", "KZ", "MN"],
            "action": ["fence_modification", "ranger_capacity", "wildlife_crossings"],
            "impact": [4, 4, 4],
            "feasibility": [2, 3, 3],
            "cost": ["high", "medium", "high"],
            "agreement": ["majority", "full", "split"],
            "source": [
                f"National consultation 2026-03-14 (#{kz.id})",
                f"National consultation 2026-03-14 (#{kz.id})",
                f"National consultation 2026-04-02 (#{mn.id})",
            ],
            "meeting_id": [kz.id, kz.id, mn.id],
            "meeting_date": ["2026-03-14", "2026-03-14", "2026-04-02"],
        }
    )
    pd.testing.assert_frame_equal(frame, expected)
    pd.testing.assert_frame_equal(by_country, expected.iloc[2:].reset_index(drop=True))


def test_the_analysis_uses_the_frame_instead_of_the_catalogue_default(app):
    from analysis.prioritise import country_strategies, load_actions

    with app.app_context():
        meeting = create_interview(
            consultation(
                "KZ",
                date(2026, 3, 14),
                "complete",
                {
                    "ranger_capacity": (2, 3, "high", "split"),
                },
            ),
            None,
        )
        db.session.commit()
        frame = strategy_ratings_frame(db)
    table = country_strategies(load_actions(), frame, ("KZ", "MN")).set_index(["country", "action"])
    kz = table.loc[("KZ", "ranger_capacity")]
    assert (kz["impact"], kz["feasibility"], kz["cost"], kz["strategy_value"]) == (2, 3, 3, 2)
    assert kz["rating_source"] == f"National consultation 2026-03-14 (#{meeting.id})"
    assert table.loc[("MN", "ranger_capacity"), "rating_source"] == "catalogue default"


def test_an_empty_frame_keeps_its_columns_and_types(app):
    with app.app_context():
        frame = strategy_ratings_frame(db)
    assert list(frame.columns) == [
        "country",
        "action",
        "impact",
        "feasibility",
        "cost",
        "agreement",
        "source",
        "meeting_id",
        "meeting_date",
    ]
    assert frame.empty and str(frame["impact"].dtype) == "int64"


# -- spreadsheets -------------------------------------------------------------------------------

NC = {
    "record_id": "KZ-NC-2026",
    "date": date(2026, 3, 2),
    "country": "KZ",
    "format": "national_consultation",
    "language": "ru",
    "consent": "written",
    "status": "complete",
}


def rated_file(app, ratings, record=NC) -> bytes:
    data = workbook(app, [record], participants=[{"record_id": NC["record_id"], "group": "ngo"}])
    book = load_workbook(io.BytesIO(data))
    sheet = book["strategy_ratings"]
    header = [cell.value for cell in sheet[1]]
    for number, row in enumerate(ratings, start=2):
        for index, column in enumerate(header, start=1):
            sheet.cell(row=number, column=index, value=row.get(column))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_file(app, content: bytes, user_email: str | None = None):
    from consult.interviews.importer import import_workbook

    with app.app_context():
        user = None
        if user_email:
            user = db.session.scalar(db.select(User).where(User.email == user_email))
        report = import_workbook(io.BytesIO(content), user, filename="file.xlsx")
        db.session.commit()
        return report


def test_the_template_has_a_strategy_ratings_sheet_with_drop_down_lists(app):
    from consult.interviews.importer import blank_template

    with app.app_context():
        book = load_workbook(io.BytesIO(blank_template()))
    sheet = book["strategy_ratings"]
    assert [c.value for c in sheet[1]] == [
        "record_id",
        "action",
        "impact",
        "feasibility",
        "cost",
        "agreement",
        "note",
    ]
    columns = {str(v.sqref)[0] for v in sheet.data_validations.dataValidation}
    assert columns == {"B", "C", "D", "E", "F"}


def test_ratings_are_imported_checked_by_row_and_kept_when_a_file_has_no_sheet_for_them(app):
    good = rated_file(
        app,
        [
            {
                "record_id": NC["record_id"],
                "action": "ranger_capacity",
                "impact": 4,
                "feasibility": "high",
                "cost": "medium",
                "agreement": "full",
            },
            {
                "record_id": NC["record_id"],
                "action": "joint_patrols",
                "impact": 3,
                "feasibility": 2,
                "cost": "low",
                "agreement": "majority",
                "note": "with KG",
            },
        ],
    )
    report = import_file(app, good)
    assert report.created == [NC["record_id"]] and not report.errors
    assert stored_ratings(app) == {
        "ranger_capacity": (4, 3, "medium", "full", ""),
        "joint_patrols": (3, 2, "low", "majority", "with KG"),
    }

    bad = rated_file(
        app,
        [
            {
                "record_id": NC["record_id"],
                "action": "ranger_capacity",
                "impact": 7,
                "feasibility": 3,
                "cost": "medium",
                "agreement": "full",
            },
            {
                "record_id": NC["record_id"],
                "action": "ranger_capacity",
                "impact": 1,
                "feasibility": 1,
                "cost": "low",
                "agreement": "full",
            },
            {
                "record_id": NC["record_id"],
                "action": "teleportation",
                "impact": 1,
                "feasibility": 1,
                "cost": "low",
                "agreement": "full",
            },
            {"record_id": NC["record_id"], "action": "data_platform", "impact": 2},
        ],
    )
    report = import_file(app, bad)
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [
        ("strategy_ratings", 2, "impact"),
        ("strategy_ratings", 3, "action"),
        ("strategy_ratings", 4, "action"),
        ("strategy_ratings", 5, "agreement"),
        ("strategy_ratings", 5, "cost"),
        ("strategy_ratings", 5, "feasibility"),
    ]
    assert "1 (Low) to 4 (Very high)" in report.errors[0].message
    assert "rated twice" in report.errors[1].message
    assert "teleportation" in report.errors[2].message
    assert report.updated == []

    without_sheet = load_workbook(io.BytesIO(good))
    del without_sheet["strategy_ratings"]
    buffer = io.BytesIO()
    without_sheet.save(buffer)
    changed = {**NC, "settlement": "Astana"}
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    book["interviews"]["D2"] = changed["settlement"]
    buffer = io.BytesIO()
    book.save(buffer)
    report = import_file(app, buffer.getvalue())
    assert report.updated == [NC["record_id"]] and not report.errors
    assert set(stored_ratings(app)) == {"ranger_capacity", "joint_patrols"}


def test_ratings_for_a_record_that_is_no_national_consultation_are_refused(app):
    content = rated_file(
        app,
        [
            {
                "record_id": NC["record_id"],
                "action": "ranger_capacity",
                "impact": 4,
                "feasibility": 3,
                "cost": "medium",
                "agreement": "full",
            }
        ],
        record={**NC, "format": "meeting"},
    )
    report = import_file(app, content)
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("interviews", 2, "format")]


def test_the_export_has_the_strategy_ratings(app, client, auth):
    auth.login("facilitator", ("KZ",))
    assert national_consultation(client).status_code == 302
    auth.logout()
    auth.login("admin")
    book = load_workbook(io.BytesIO(exported(client, "xlsx").data))
    assert book.sheetnames == ["interviews", "participants", "notes", "strategy_ratings"]
    rows = list(book["strategy_ratings"].iter_rows(values_only=True))
    assert rows[0] == (
        "record_id",
        "interview_id",
        "country",
        "action",
        "impact",
        "feasibility",
        "cost",
        "agreement",
        "note",
    )
    assert sorted(row[3:8] for row in rows[1:]) == [
        ("fence_modification", 4, 2, "high", "majority"),
        ("ranger_capacity", 3, 4, "medium", "full"),
    ]
    csv_text = exported(client, "strategy_ratings.csv").data.decode("utf-8-sig")
    assert "fence_modification,4,2,high,majority" in csv_text


@pytest.mark.parametrize("value", ["4", "very high", "Very_High"])
def test_a_level_may_be_written_as_a_number_or_a_word(app, value):
    content = rated_file(
        app,
        [
            {
                "record_id": NC["record_id"],
                "action": "ranger_capacity",
                "impact": value,
                "feasibility": 4,
                "cost": "low",
                "agreement": "full",
            }
        ],
    )
    report = import_file(app, content)
    assert not report.errors
    assert stored_ratings(app)["ranger_capacity"][:2] == (4, 4)

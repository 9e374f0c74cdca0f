"""The retention purge (`consult privacy purge`) and the secretariat's privacy page."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from consult.extensions import db
from consult.models import (
    Answer,
    AuditEvent,
    Interview,
    Invitation,
    Participant,
    Response,
    utcnow,
)
from consult.privacy.service import personal_data_counts, purge_personal_data
from tests.factories import make_response, make_version

OLD = datetime(2025, 1, 10, 9, 30, tzinfo=UTC)
CUTOFF = "2025-06-01"


def _old_response(version, answers, *, status="submitted", token="a"):
    response = make_response(version, answers, status=status)
    response.resume_token_hash = token * 64
    if status == "submitted":
        response.submitted_at = OLD
    db.session.flush()
    # updated_at moves on every ORM update, so it is set last, in SQL.
    db.session.execute(db.update(Response).where(Response.id == response.id).values(updated_at=OLD))
    return response


def _interview(day: date, names: list[str]) -> Interview:
    interview = Interview(
        country_code="KZ", date=day, format="group", language="ru", consent="written"
    )
    interview.participants = [
        Participant(name=name, organisation="Okhotzooprom", group_code="government", position=i)
        for i, name in enumerate(names)
    ]
    db.session.add(interview)
    return interview


@pytest.fixture
def data(app):
    """Old and recent records of every kind that holds personal data."""
    with app.app_context():
        gap = make_version("gap_form", "gap")
        other = make_version("other_form", "other")
        old = _old_response(
            gap,
            {
                "email": "old@example.org",
                "sh_name": ["Steppe Rangers", "Herders' union"],
                "threat_poaching": "very_high",
                "comment": "Poachers cross the river at night.",
            },
        )
        draft = _old_response(
            gap, {"email": "draft@example.org", "trend": "stable"}, status="draft", token="b"
        )
        recent = make_response(gap, {"email": "new@example.org", "threat_poaching": "high"})
        recent.resume_token_hash = "c" * 64
        other_old = _old_response(other, {"email": "other@example.org", "x": "1"}, token="d")
        for questionnaire, name, email, created in (
            (gap.questionnaire, "Aigerim", "aigerim@example.org", OLD),
            (gap.questionnaire, "Recent", "recent@example.org", utcnow()),
            (other.questionnaire, "Other", "other-inv@example.org", OLD),
        ):
            db.session.add(
                Invitation(
                    questionnaire_id=questionnaire.id,
                    token_hash=f"{email:0>64}"[-64:],
                    name=name,
                    email=email,
                    created_at=created,
                )
            )
        _interview(date(2025, 3, 1), ["Bolat", "Dana"])
        _interview(date.today(), ["Erlan"])
        db.session.add(AuditEvent(action="login", ip="198.51.100.7", at=OLD))
        db.session.add(AuditEvent(action="login", ip="198.51.100.8", at=utcnow()))
        db.session.commit()
        ids = {"old": old.id, "draft": draft.id, "recent": recent.id, "other": other_old.id}
    return ids


def _answers(app) -> dict[tuple[int, str, int], str]:
    with app.app_context():
        return {
            (a.response_id, a.question, a.instance): a.value
            for a in db.session.scalars(db.select(Answer))
        }


def _snapshot(app) -> dict:
    with app.app_context():
        return {
            "answers": _answers(app),
            "tokens": {r.id: r.resume_token_hash for r in db.session.scalars(db.select(Response))},
            "invitations": sorted(
                (i.name, i.email) for i in db.session.scalars(db.select(Invitation))
            ),
            "participants": sorted(p.name for p in db.session.scalars(db.select(Participant))),
            "ips": sorted(e.ip for e in db.session.scalars(db.select(AuditEvent))),
        }


def test_dry_run_reports_what_it_would_blank_and_changes_nothing(app, runner, data):
    before = _snapshot(app)
    result = runner.invoke(args=["privacy", "purge", "--before", CUTOFF])
    assert result.exit_code == 0, result.output
    assert "Would blank" in result.output
    assert "personal answers (email, sh_name): 5" in result.output
    assert "resume tokens: 3" in result.output
    assert "invitations (name, e-mail): 2" in result.output
    assert "interview participants (name): 2" in result.output
    assert "audit events (IP address): 1" in result.output
    assert "Dry run: nothing changed" in result.output
    assert _snapshot(app) == before


def test_purge_blanks_personal_fields_and_keeps_every_other_answer(app, runner, data):
    before = _snapshot(app)
    result = runner.invoke(args=["privacy", "purge", "--before", CUTOFF, "--yes"])
    assert result.exit_code == 0, result.output
    assert "Blanked" in result.output
    after = _snapshot(app)

    old_ids = {data["old"], data["draft"], data["other"]}
    for key, value in before["answers"].items():
        response_id, question, _ = key
        if response_id in old_ids and question in ("email", "sh_name"):
            assert after["answers"][key] == "", key
        else:
            assert after["answers"][key] == value, key
    assert after["answers"][(data["recent"], "email", 0)] == "new@example.org"
    assert after["tokens"] == {**{i: None for i in old_ids}, data["recent"]: "c" * 64}
    assert after["invitations"] == [("", ""), ("", ""), ("Recent", "recent@example.org")]
    assert after["participants"] == ["", "", "Erlan"]
    assert "198.51.100.7" not in after["ips"] and "198.51.100.8" in after["ips"]

    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "privacy.purge"))
        assert event.details["before"] == CUTOFF
        assert event.details["answers"] == 5
        assert event.details["invitations"] == 2
        assert event.details["participants"] == 2
        assert event.details["questions"] == ["email", "sh_name"]


def test_a_second_purge_finds_nothing_left(app, runner, data):
    assert runner.invoke(args=["privacy", "purge", "--before", CUTOFF, "--yes"]).exit_code == 0
    with app.app_context():
        counts = purge_personal_data(date.fromisoformat(CUTOFF))
    assert counts.total == 0


def test_purge_of_one_questionnaire_leaves_the_others_and_interviews_alone(app, runner, data):
    before = _snapshot(app)
    result = runner.invoke(
        args=["privacy", "purge", "--before", CUTOFF, "--questionnaire", "gap", "--yes"]
    )
    assert result.exit_code == 0, result.output
    assert "left alone with --questionnaire" in result.output
    after = _snapshot(app)
    assert after["answers"][(data["old"], "email", 0)] == ""
    assert after["answers"][(data["other"], "email", 0)] == "other@example.org"
    assert after["tokens"][data["other"]] == "d" * 64
    assert ("Other", "other-inv@example.org") in after["invitations"]
    assert ("Aigerim", "aigerim@example.org") not in after["invitations"]
    assert after["participants"] == before["participants"]
    assert [ip for ip in after["ips"] if ip] == before["ips"]


def test_personal_questions_come_from_the_configuration(app, data):
    app.config["PERSONAL_QUESTIONS"] = ["comment"]
    with app.app_context():
        counts = purge_personal_data(date.fromisoformat(CUTOFF), apply=True)
        db.session.commit()
    assert counts.answers == 1
    answers = _answers(app)
    assert answers[(data["old"], "comment", 0)] == ""
    assert answers[(data["old"], "email", 0)] == "old@example.org"


def test_purge_names_an_unknown_questionnaire_and_a_bad_date(runner, data):
    unknown = runner.invoke(
        args=["privacy", "purge", "--before", CUTOFF, "--questionnaire", "nope"]
    )
    assert unknown.exit_code != 0
    assert "no questionnaire with the slug 'nope'" in unknown.output
    bad = runner.invoke(args=["privacy", "purge", "--before", "01/06/2025"])
    assert bad.exit_code != 0
    assert "--before" in bad.output


def test_counts_of_personal_data_held(app, data):
    with app.app_context():
        counts = personal_data_counts()
    assert counts.user_accounts == 0
    assert counts.invitations == 3
    assert counts.responses == 4
    assert counts.participants == 3
    assert counts.audit_events == 2


def _cell(page: str, key: str, kind: str = "count") -> int:
    match = re.search(rf'data-{kind}="{key}">(\d+)<', page)
    assert match, key
    return int(match.group(1))


def test_privacy_page_lists_personal_data_held(client, auth, data):
    auth.login("admin")
    response = client.get("/secretariat/privacy")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert _cell(page, "user_accounts") == 1
    assert _cell(page, "invitations") == 3
    assert _cell(page, "responses") == 4
    assert _cell(page, "participants") == 3
    # the login itself has just added an audit event with the client's address
    assert _cell(page, "audit_events") == 3
    assert "consult privacy purge --before YYYY-MM-DD" in page


def test_privacy_page_previews_a_purge_without_changing_anything(app, client, auth, data):
    auth.login("admin")
    before = _snapshot(app)
    page = client.get(f"/secretariat/privacy?before={CUTOFF}&questionnaire=gap").get_data(
        as_text=True
    )
    assert _cell(page, "answers", "purge") == 4
    assert _cell(page, "resume_tokens", "purge") == 2
    assert _cell(page, "invitations", "purge") == 1
    assert 'data-purge="participants"' not in page, "interviews are not part of a questionnaire"
    assert f"consult privacy purge --before {CUTOFF} --questionnaire gap --yes" in page
    after = _snapshot(app)
    assert after["answers"] == before["answers"]
    assert after["invitations"] == before["invitations"]


def test_privacy_page_names_a_bad_date(client, auth):
    auth.login("admin")
    response = client.get("/secretariat/privacy?before=yesterday")
    assert response.status_code == 400
    assert "before: &#39;yesterday&#39; is not a date" in response.get_data(as_text=True)


def test_privacy_page_is_for_the_secretariat_only(client, auth):
    assert client.get("/secretariat/privacy").status_code == 302
    auth.login("facilitator", ("KZ",))
    assert client.get("/secretariat/privacy").status_code == 403


def test_privacy_page_is_linked_from_the_secretariat_navigation(client, auth):
    auth.login("admin")
    assert 'href="/secretariat/privacy"' in client.get("/secretariat/").get_data(as_text=True)


def test_privacy_page_names_the_personal_questions_by_their_labels(app, client, auth):
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    auth.login("admin")
    for lang, script in (("en", r"[A-Za-z]{4}"), ("ru", r"[А-Яа-я]{4}")):
        page = client.get("/secretariat/privacy", query_string={"lang": lang}).get_data(
            as_text=True
        )
        row = page.split('data-count="responses"', 1)[0].rsplit("<tr>", 1)[1]
        # "label (name)" for each question the configuration names
        for name in ("email", "sh_name"):
            match = re.search(rf"([^,>]+) \({name}\)", row)
            assert match and re.search(script, match.group(1)), (lang, name, row)

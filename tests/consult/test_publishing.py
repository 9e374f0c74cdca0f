"""Drafts and publication: a workbook uploaded on the web is a draft that only the
secretariat sees (a preview in each of its languages) until it is published; the command
line publishes at once unless --draft; an unchanged upload adds no version."""

from __future__ import annotations

from consult.extensions import db
from consult.invitations import create_invitation
from consult.models import Answer, AuditEvent, QuestionnaireVersion, Response
from consult.questionnaires import get_questionnaire, import_form
from tests.conftest import csrf_token
from tests.consult.test_questionnaires import _upload, publish, small_form_xlsx

SLUG = "small-survey"
ADMIN_PAGE = f"/secretariat/questionnaires/{SLUG}/"


def _submit_json(client, **extra):
    return client.post(
        f"/api/v1/questionnaires/{SLUG}/submissions",
        json={"client_id": "c" * 32, "language": "en", "answers": {"country": "KZ"}, **extra},
    )


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_web_upload_is_a_draft_nobody_answers_until_published(app, client, auth):
    auth.login("admin")
    page = _upload(client, small_form_xlsx()).get_data(as_text=True)
    assert "is a draft" in page
    with app.app_context():
        questionnaire = get_questionnaire(SLUG)
        assert questionnaire.current_version is None
        assert questionnaire.versions[0].status == "draft"
        token = create_invitation(questionnaire, name="Dana").token
        db.session.commit()
    respondent = app.test_client()
    assert "Small survey" not in respondent.get("/").get_data(as_text=True)
    assert respondent.get(f"/s/{SLUG}").status_code == 404
    assert respondent.get(f"/s/{SLUG}?t={token}").status_code == 404
    assert _submit_json(respondent).status_code == 404
    assert _submit_json(respondent, invitation=token).status_code == 404
    assert _count(app, Response) == 0

    # The confirmation box is required.
    refused = client.post(
        ADMIN_PAGE + "versions/1/publish", data={"csrf_token": csrf_token(client, ADMIN_PAGE)}
    )
    assert refused.status_code == 400
    assert "Tick the box" in refused.get_data(as_text=True)
    assert respondent.get(f"/s/{SLUG}").status_code == 404

    assert publish(client, SLUG, 1).status_code == 302
    assert "Small survey" in respondent.get("/").get_data(as_text=True)
    assert respondent.get(f"/s/{SLUG}").status_code == 200
    assert respondent.get(f"/s/{SLUG}?t={token}").status_code == 200
    assert _submit_json(respondent).status_code == 201
    with app.app_context():
        version = get_questionnaire(SLUG).current_version
        assert version.status == "published" and version.published_at is not None
        event = db.session.scalar(
            db.select(AuditEvent).where(AuditEvent.action == "questionnaire.publish")
        )
        assert event is not None and event.user_id is not None
    # Published once is published: a second click says so.
    again = publish(client, SLUG, 1)
    assert again.status_code == 400 and "published already" in again.get_data(as_text=True)


def test_draft_of_a_new_version_leaves_respondents_on_the_published_one(app, client, auth):
    with app.app_context():
        import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()
    auth.login("admin")
    _upload(
        client,
        small_form_xlsx(version="2", title="Second"),
        expected_form_id="small_survey",
        back=SLUG,
    )
    respondent = app.test_client()
    start = respondent.get(f"/s/{SLUG}").get_data(as_text=True)
    assert "Small survey" in start and "Second" not in start
    assert "Second" not in respondent.get("/").get_data(as_text=True)
    with app.app_context():
        questionnaire = get_questionnaire(SLUG)
        assert (questionnaire.current_version.number, questionnaire.title) == (1, "Small survey")
    publish(client, SLUG, 2)
    assert "Second" in respondent.get(f"/s/{SLUG}").get_data(as_text=True)


def test_preview_walks_the_pages_in_each_language_and_stores_nothing(app, client, auth):
    auth.login("admin")
    _upload(client, small_form_xlsx())
    english = client.get(ADMIN_PAGE + "versions/1/preview?form_lang=en")
    assert english.status_code == 200
    html = english.get_data(as_text=True)
    assert "nothing you enter is stored" in html and "Country" in html
    russian = client.get(ADMIN_PAGE + "versions/1/preview?form_lang=ru").get_data(as_text=True)
    assert "Страна" in russian and 'lang="ru"' in russian
    # previewing the Russian questionnaire leaves the reader's interface in English
    assert "nothing you enter is stored" in russian
    # The preview links of the draft name both languages.
    page = client.get(ADMIN_PAGE).get_data(as_text=True)
    assert "versions/1/preview?form_lang=en" in page and "versions/1/preview?form_lang=ru" in page

    # Walk it: a required answer missing is an error, as for a respondent.
    key = "country"
    action = ADMIN_PAGE + f"versions/1/preview?form_lang=en&key={key}"
    token = csrf_token(client, ADMIN_PAGE + "versions/1/preview?form_lang=en")
    missing = client.post(action, data={"csrf_token": token, "action": "next", "state": "{}"})
    assert missing.status_code == 200
    assert "Please check the answers marked below." in missing.get_data(as_text=True)
    steps, data = 0, {"csrf_token": token, "action": "next", "state": "{}", "country": "KZ"}
    response = client.post(action, data=data)
    while "End of the preview" not in response.get_data(as_text=True):
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and "flash-error" not in html, html[-2000:]
        action = html.split('action="', 2)[2].split('"', 1)[0].replace("&amp;", "&")
        state = html.split('name="state" value="', 1)[1].split('"', 1)[0]
        state = state.replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&")
        assert '"country": "KZ"' in state
        response = client.post(action, data={"csrf_token": token, "action": "next", "state": state})
        steps += 1
        assert steps < 20
    assert _count(app, Response) == 0 and _count(app, Answer) == 0
    # Staff only.
    assert app.test_client().get(ADMIN_PAGE + "versions/1/preview").status_code == 302


def test_unchanged_upload_adds_no_version_on_the_web(app, client, auth):
    auth.login("admin")
    _upload(client, small_form_xlsx())
    same = _upload(client, small_form_xlsx(), expected_form_id="small_survey", back=SLUG)
    assert same.status_code == 200
    assert "no version was added" in same.get_data(as_text=True)
    # The workbook downloaded from the app is another file holding the same form.
    publish(client, SLUG, 1)
    exported = client.get(ADMIN_PAGE + "xlsx").data
    again = _upload(client, exported, "exported.xlsx")
    text = again.get_data(as_text=True)
    assert "holds the same form as version 1" in text
    assert _count(app, QuestionnaireVersion) == 1


def test_cli_publishes_at_once_unless_draft_and_publishes_later(app, runner, tmp_path):
    source = tmp_path / "small.xlsx"
    source.write_bytes(small_form_xlsx())
    result = runner.invoke(args=["forms", "import", str(source)])
    assert result.exit_code == 0 and "(new questionnaire)" in result.output
    with app.app_context():
        assert get_questionnaire(SLUG).current_version.status == "published"

    result = runner.invoke(args=["forms", "import", str(source)])
    assert result.exit_code == 0
    assert "unchanged, the same workbook as version 1" in result.output

    source.write_bytes(small_form_xlsx(version="2", title="Second"))
    result = runner.invoke(args=["forms", "import", str(source), "--draft"])
    assert result.exit_code == 0, result.output
    assert "version 2 (new version, draft)" in result.output
    assert "consult forms publish small-survey --version 2" in result.output
    with app.app_context():
        assert get_questionnaire(SLUG).current_version.number == 1
    assert "version 1 of 2 (1 draft)" in runner.invoke(args=["forms", "list"]).output
    assert app.test_client().get(f"/s/{SLUG}").get_data(as_text=True).count("Second") == 0

    result = runner.invoke(args=["forms", "publish", SLUG, "--version", "2"])
    assert result.exit_code == 0 and "version 2 published" in result.output
    with app.app_context():
        questionnaire = get_questionnaire(SLUG)
        assert questionnaire.current_version.number == 2
        assert questionnaire.title == "Second"
    again = runner.invoke(args=["forms", "publish", SLUG, "--version", "2"])
    assert again.exit_code == 1 and "published already" in again.output
    missing = runner.invoke(args=["forms", "publish", SLUG, "--version", "7"])
    assert missing.exit_code == 1 and "no version 7" in missing.output


def test_draft_workbook_is_kept_with_the_upload_bytes(app, client, auth):
    auth.login("admin")
    data = small_form_xlsx()
    _upload(client, data)
    with app.app_context():
        version = get_questionnaire(SLUG).versions[0]
        assert version.source_xlsx == data
        assert len(version.content_hash) == 64 and len(version.form_hash) == 64


def test_staff_pages_of_a_questionnaire_with_only_a_draft_work(app, client, auth):
    auth.login("admin")
    _upload(client, small_form_xlsx())
    for url in (
        ADMIN_PAGE,
        ADMIN_PAGE + "xlsx",
        ADMIN_PAGE + "translations",
        ADMIN_PAGE + "invitations/",
        ADMIN_PAGE + "mail/",
        f"/secretariat/responses/export.csv?questionnaire={SLUG}",
        "/secretariat/questionnaires/",
        "/api/v1/",
    ):
        assert client.get(url).status_code == 200, url
    page = client.get(ADMIN_PAGE + "mail/").get_data(as_text=True)
    assert "Nobody to write to" in page or "No mail server" in page


def test_openrosa_lists_and_serves_only_published_versions(app, client):
    from consult.openrosa.service import create_collector_token

    with app.app_context():
        first = import_form(small_form_xlsx(), "small.xlsx")
        draft = import_form(small_form_xlsx(version="2"), "small-2.xlsx", publish=False)
        _row, token = create_collector_token(first.questionnaire, "rangers", by=None)
        db.session.commit()
        first_id, draft_id = first.id, draft.id
    listing = client.get(f"/openrosa/t/{token}/formList").get_data(as_text=True)
    assert f"/forms/{first_id}/form.xml" in listing
    assert f"/forms/{draft_id}/" not in listing
    assert client.get(f"/openrosa/t/{token}/forms/{first_id}/form.xml").status_code == 200
    assert client.get(f"/openrosa/t/{token}/forms/{draft_id}/form.xml").status_code == 404

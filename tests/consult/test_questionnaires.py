"""Questionnaires: XLSForm import as versions, downloads, the upload page and its refusals."""

from __future__ import annotations

import io

import openpyxl
import pytest

from consult.extensions import db
from consult.models import AuditEvent, Questionnaire, QuestionnaireVersion
from consult.questionnaires import (
    QuestionnaireError,
    ensure_shipped_questionnaire,
    get_questionnaire,
    import_form,
    import_questionnaire,
    load_version_form,
    version_xlsx,
)
from surveys.forms.cami_gap_needs import SHIPPED
from surveys.xlsform import FormError, load_form
from tests.conftest import csrf_token
from tests.factories import make_response

EN, RU = "English (en)", "Русский (ru)"


def small_form_xlsx(
    form_id: str = "small_survey",
    version: str = "1",
    title: str = "Small survey",
    extra_rows: tuple[list, ...] = (),
    bad_type: str | None = None,
) -> bytes:
    """A small XLSForm in English and Russian: profile questions (country, group), text,
    integer, a select_multiple and a repeat; the Russian label of one choice is missing."""
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", f"label::{EN}", f"hint::{EN}", "required", f"label::{RU}"])
    rows = [
        ["select_one countries", "country", "Country", "Where you work", "yes", "Страна"],
        ["select_one groups", "stakeholder_group", "Group", "", "", "Группа"],
        [bad_type or "text", "comment", "Comment", "", "", "Комментарий"],
        ["integer", "years", "Years", "", "", "Годы"],
        ["select_multiple species", "species", "Species", "", "", "Виды"],
        ["begin_repeat", "people", "People", "", "", "Люди"],
        ["text", "person_name", "Name", "", "", "Имя"],
        ["end_repeat", "people", "", "", "", ""],
        *extra_rows,
    ]
    for row in rows:
        survey.append(row)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", f"label::{EN}", f"label::{RU}"])
    for row in (
        ["countries", "KZ", "Kazakhstan", "Казахстан"],
        ["countries", "MN", "Mongolia", "Монголия"],
        ["groups", "ngo", "NGO", "НКО"],
        ["groups", "government", "Government", "Правительство"],
        ["species", "saiga", "Saiga", "Сайгак"],
        ["species", "kulan", "Kulan", ""],
    ):
        choices.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_id", "form_title", "version", "default_language"])
    settings.append([form_id, title, version, EN])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _counts():
    return (
        db.session.scalar(db.select(db.func.count()).select_from(Questionnaire)),
        db.session.scalar(db.select(db.func.count()).select_from(QuestionnaireVersion)),
    )


# -- services ----------------------------------------------------------------------------


def test_shipped_questionnaire_is_imported_once_with_its_slug(app):
    with app.app_context():
        version = ensure_shipped_questionnaire()
        db.session.commit()
        assert version.questionnaire.slug == "cami-gap-needs"
        assert version.number == 1
        assert ensure_shipped_questionnaire() is None
        assert _counts() == (1, 1)
        form = load_version_form(version)
        assert form.form_id == "cami_gap_needs"
        assert set(form.languages) >= {"en", "ru", "zh", "mn", "fa"}


def test_shipped_questionnaire_exports_to_a_workbook_that_imports_to_the_same_form(app):
    with app.app_context():
        version = ensure_shipped_questionnaire()
        db.session.commit()
        exported = version_xlsx(version)
        assert load_form(exported, "again.xlsx").form == load_version_form(version)


def test_new_form_id_gets_a_slug_from_the_form_id(app):
    with app.app_context():
        data = small_form_xlsx()
        version = import_form(data, "small.xlsx")
        db.session.commit()
        assert version.questionnaire.slug == "small-survey"
        assert version.questionnaire.current_version_id == version.id
        assert (version.source_xlsx, version.source_filename) == (data, "small.xlsx")
        assert version.form["form_id"] == "small_survey"
        other = import_form(small_form_xlsx(form_id="other_one"), "o.xlsx", slug="custom-link")
        db.session.commit()
        assert other.questionnaire.slug == "custom-link"
        assert get_questionnaire("custom-link").form_id == "other_one"


def test_taken_or_malformed_slug_is_refused_and_nothing_stored(app):
    with app.app_context():
        import_form(small_form_xlsx(), "small.xlsx", slug="survey")
        db.session.commit()
        for slug in ("survey", "Not A Slug", "-x"):
            with pytest.raises(QuestionnaireError):
                import_form(small_form_xlsx(form_id="another"), "a.xlsx", slug=slug)
            db.session.rollback()
        assert _counts() == (1, 1)


def test_same_form_id_adds_a_version_and_old_version_and_responses_stay(app):
    with app.app_context():
        first = import_form(small_form_xlsx(version="1"), "v1.xlsx")
        db.session.commit()
        first_form = dict(first.form)
        response = make_response(first, {"country": "KZ", "comment": "fences"})
        db.session.commit()
        extra = (["text", "new_question", "New question", "", "", "Новый вопрос"],)
        second = import_form(small_form_xlsx(version="2", extra_rows=extra), "v2.xlsx")
        db.session.commit()
        assert second.number == 2
        assert second.questionnaire_id == first.questionnaire_id
        db.session.expire_all()
        questionnaire = db.session.get(Questionnaire, first.questionnaire_id)
        assert questionnaire.current_version.number == 2
        assert [v.number for v in questionnaire.versions] == [1, 2]
        old = db.session.get(QuestionnaireVersion, first.id)
        assert old.form == first_form
        assert "new_question" not in load_version_form(old).questions
        assert "new_question" in load_version_form(second).questions
        assert response.version_id == old.id


def test_a_stored_version_cannot_be_changed(app):
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()
        with pytest.raises(QuestionnaireError):
            version.form = {"form_id": "changed"}
        with pytest.raises(QuestionnaireError):
            version.source_xlsx = b"changed"


def test_new_version_with_another_form_id_is_refused_when_one_is_expected(app):
    with app.app_context():
        import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()
        with pytest.raises(QuestionnaireError, match="form_id"):
            import_questionnaire(
                small_form_xlsx(form_id="else"), "e.xlsx", expected_form_id="small_survey"
            )
        db.session.rollback()
        assert _counts() == (1, 1)


def test_import_is_audited(app):
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        db.session.commit()
        event = db.session.scalar(
            db.select(AuditEvent).where(AuditEvent.action == "questionnaire.import")
        )
        assert event.object_id == str(version.questionnaire_id)
        assert event.details["version"] == 1


def test_invalid_workbook_raises_form_error_with_sheet_row_column(app):
    with app.app_context():
        with pytest.raises(FormError) as caught:
            import_form(small_form_xlsx(bad_type="no_such_type"), "bad.xlsx")
        db.session.rollback()
        issue = caught.value.issues[0]
        assert (issue.sheet, issue.row, issue.column) == ("survey", 4, "type")
        assert _counts() == (0, 0)


# -- pages -------------------------------------------------------------------------------


def _upload(client, data: bytes, filename: str = "form.xlsx", **fields):
    token = csrf_token(client, "/secretariat/questionnaires/")
    return client.post(
        "/secretariat/questionnaires/upload",
        data={"csrf_token": token, "file": (io.BytesIO(data), filename), **fields},
        content_type="multipart/form-data",
    )


def publish(client, slug: str, number: int):
    """Publish draft version ``number`` from the questionnaire's page, the box ticked."""
    url = f"/secretariat/questionnaires/{slug}/"
    return client.post(
        f"{url}versions/{number}/publish",
        data={"csrf_token": csrf_token(client, url), "confirm": "y"},
    )


def test_upload_page_imports_and_shows_link_and_warnings(app, client, auth):
    auth.login("admin")
    response = _upload(client, small_form_xlsx())
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "/s/small-survey" in html
    assert "survey hint column" in html  # pyxform's warning about the missing ru hints
    listing = client.get("/secretariat/questionnaires/").get_data(as_text=True)
    assert "Small survey" in listing and "/s/small-survey" in listing
    with app.app_context():
        assert _counts() == (1, 1)


def test_upload_of_same_form_id_from_questionnaire_page_adds_version(app, client, auth):
    auth.login("admin")
    _upload(client, small_form_xlsx())
    response = _upload(
        client,
        small_form_xlsx(version="2"),
        expected_form_id="small_survey",
        back="small-survey",
    )
    assert response.status_code == 200
    page = client.get("/secretariat/questionnaires/small-survey/").get_data(as_text=True)
    assert "<td>2</td>" in page and "Drafts awaiting publication" in page
    assert publish(client, "small-survey", 2).status_code == 302
    page = client.get("/secretariat/questionnaires/small-survey/").get_data(as_text=True)
    assert "<td>2 (current)</td>" in page
    with app.app_context():
        questionnaire = get_questionnaire("small-survey")
        assert questionnaire.current_version.number == 2
    refused = _upload(
        client,
        small_form_xlsx(form_id="elsewhere"),
        expected_form_id="small_survey",
        back="small-survey",
    )
    assert refused.status_code == 400
    assert "elsewhere" in refused.get_data(as_text=True)
    with app.app_context():
        assert _counts() == (1, 2)


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "empty.xlsx", "The file is empty."),
        (b"name,email\nA,a@example.org\n", "form.xlsx", "not an Excel workbook"),
        (b"%PDF-1.4 not a workbook", "form.pdf", "not an Excel workbook"),
    ],
)
def test_bad_upload_shows_a_clear_message_and_changes_nothing(
    app, client, auth, data, filename, message
):
    auth.login("admin")
    response = _upload(client, data, filename)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert _counts() == (0, 0)


def test_upload_over_the_configured_limit_is_refused(app, client, auth):
    app.config["XLSFORM_MAX_BYTES"] = 2048
    auth.login("admin")
    response = _upload(client, small_form_xlsx())
    assert response.status_code == 400
    assert "larger than the limit of 2 KB" in response.get_data(as_text=True)
    with app.app_context():
        assert _counts() == (0, 0)


def test_upload_with_pyxform_error_names_sheet_row_and_column(app, client, auth):
    auth.login("admin")
    response = _upload(client, small_form_xlsx(bad_type="no_such_type"))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<td>survey</td><td>4</td><td>type</td>" in html
    assert "nothing has changed" in html
    with app.app_context():
        assert _counts() == (0, 0)


def test_download_current_and_any_version_imports_back(app, client, auth):
    auth.login("admin")
    _upload(client, small_form_xlsx(version="1"))
    _upload(client, small_form_xlsx(version="2", title="Small survey, second"))
    publish(client, "small-survey", 1)
    publish(client, "small-survey", 2)
    current = client.get("/secretariat/questionnaires/small-survey/xlsx")
    assert current.status_code == 200
    assert "small-survey-v2.xlsx" in current.headers["Content-Disposition"]
    assert load_form(current.data, "c.xlsx").form.version == "2"
    first = client.get("/secretariat/questionnaires/small-survey/xlsx?version=1")
    assert load_form(first.data, "f.xlsx").form.title == "Small survey"
    assert client.get("/secretariat/questionnaires/small-survey/xlsx?version=9").status_code == 404


def test_public_link_can_be_closed_and_opened(app, client, auth):
    auth.login("admin")
    _upload(client, small_form_xlsx())
    url = "/secretariat/questionnaires/small-survey/"
    response = client.post(url + "public", data={"csrf_token": csrf_token(client, url)})
    assert response.status_code == 302
    with app.app_context():
        assert get_questionnaire("small-survey").public is False
    client.post(url + "public", data={"csrf_token": csrf_token(client, url), "public": "y"})
    with app.app_context():
        assert get_questionnaire("small-survey").public is True


def test_shipped_questionnaire_page_lists_versions_and_counts(app, client, auth):
    with app.app_context():
        version = ensure_shipped_questionnaire()
        make_response(version, {"country": "KZ"})
        make_response(version, {"country": "MN"}, status="draft")
        db.session.commit()
    auth.login("admin")
    html = client.get("/secretariat/questionnaires/cami-gap-needs/").get_data(as_text=True)
    assert SHIPPED.name in html
    assert 'status=submitted">1</a>' in html


SECRETARIAT_GETS = [
    "/secretariat/questionnaires/",
    "/secretariat/questionnaires/small-survey/",
    "/secretariat/questionnaires/small-survey/xlsx",
    "/secretariat/questionnaires/small-survey/translations",
    "/secretariat/questionnaires/small-survey/translations/xlsx?code=kk",
    "/secretariat/questionnaires/small-survey/invitations/",
    "/secretariat/questionnaires/small-survey/invitations.csv",
    "/secretariat/questionnaires/small-survey/import-responses",
    "/secretariat/responses/",
    "/secretariat/responses/export.csv?questionnaire=small-survey",
    "/secretariat/api-tokens/",
]
SECRETARIAT_POSTS = [
    "/secretariat/questionnaires/upload",
    "/secretariat/questionnaires/small-survey/public",
    "/secretariat/questionnaires/small-survey/invitations/new",
    "/secretariat/questionnaires/small-survey/invitations/csv",
    "/secretariat/questionnaires/small-survey/invitations/links.csv",
    "/secretariat/questionnaires/small-survey/invitations/1/revoke",
    "/secretariat/questionnaires/small-survey/invitations/1/reissue",
    "/secretariat/questionnaires/small-survey/import-responses",
    "/secretariat/api-tokens/",
    "/secretariat/api-tokens/1/revoke",
]


@pytest.fixture
def small_questionnaire(app):
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        make_response(version, {"country": "KZ"})
        db.session.commit()


def test_every_secretariat_page_refuses_facilitators_and_sends_anonymous_to_login(
    app, client, auth, small_questionnaire
):
    for url in SECRETARIAT_GETS:
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.location, url
    token = csrf_token(client, "/auth/login")
    for url in SECRETARIAT_POSTS:
        response = client.post(url, data={"csrf_token": token})
        assert response.status_code == 302 and "/auth/login" in response.location, url
    auth.login("facilitator", ("KZ",))
    token = csrf_token(client, "/")
    for url in SECRETARIAT_GETS:
        assert client.get(url).status_code == 403, url
    for url in SECRETARIAT_POSTS:
        assert client.post(url, data={"csrf_token": token}).status_code == 403, url
    with app.app_context():
        assert _counts() == (1, 1)


def test_every_secretariat_page_opens_for_the_secretariat(app, client, auth, small_questionnaire):
    auth.login("admin")
    for url in SECRETARIAT_GETS:
        assert client.get(url).status_code == 200, url

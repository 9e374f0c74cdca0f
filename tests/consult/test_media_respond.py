"""Files on the questionnaire pages: uploaded with the page form (no JavaScript), checked,
kept across re-saves and resume links, replaced, removed, moved with repeat instances, and
shown back (a thumbnail for photos) only to the browser answering."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from openpyxl import Workbook
from PIL import Image

from consult.extensions import db
from consult.models import Answer, MediaFile, Response
from tests.consult.media_files import HTML, jpeg, pdf, png
from tests.consult.test_respond import Respondent, errors, hidden

SLUG = "site-visit"
#: for the page's handling of files, the same on both databases (the storing is tested on
#: both in test_media.py and by the other tests here)
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def site_form() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in [
        ["type", "name", "label::English (en)", "label::Русский (ru)", "relevant"],
        ["begin_group", "visit", "Visit", "Визит", ""],
        ["text", "site_name", "Site name", "Название", ""],
        # A later answer can make the photo not apply: its file then goes at submission.
        ["image", "photo", "Photo of the site", "Фото места", "${comment} != 'no photos'"],
        ["file", "report", "Field report", "Отчёт", ""],
        ["begin_repeat", "sightings", "Sightings", "Наблюдения", ""],
        ["image", "s_photo", "Sighting photo", "Фото наблюдения", ""],
        ["text", "s_note", "Note", "Заметка", ""],
        ["end_repeat", "", "", "", ""],
        ["end_group", "", "", "", ""],
        ["begin_group", "more", "More", "Ещё", ""],
        ["text", "comment", "Comment", "Комментарий", ""],
        ["end_group", "", "", "", ""],
    ]:
        sheet.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append(["Site visit", "site_visit", "1", "English (en)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def site(app):
    from consult.questionnaires import import_form

    with app.app_context():
        import_form(site_form(), "site.xlsx", slug=SLUG)
        db.session.commit()
    return SLUG


class Uploader(Respondent):
    def post(self, answers: dict, action: str = "save"):
        data = {
            key: (io.BytesIO(value[1]), value[0]) if isinstance(value, tuple) else value
            for key, value in answers.items()
        }
        data.update(
            csrf_token=hidden(self.html, "csrf_token"),
            client_id=hidden(self.html, "client_id"),
            shown=hidden(self.html, "shown"),
            action=action,
        )
        for name in re.findall(r'name="(_n\.[^"]+)" value="', self.html):
            data.setdefault(name, hidden(self.html, name))
        response = self.client.post(self.url, data=data, content_type="multipart/form-data")
        if response.status_code == 302 and "/p/" in response.location:
            self.open(response.location)
        elif response.status_code == 200:
            self.html = response.get_data(as_text=True)
        return response


def files(app) -> dict[tuple[str, int], MediaFile]:
    with app.app_context():
        rows = db.session.scalars(db.select(MediaFile))
        result = {(m.question, m.instance): m for m in rows}
        for row in result.values():
            db.session.expunge(row)
        return result


def answers(app) -> dict[tuple[str, int], str]:
    with app.app_context():
        rows = db.session.scalars(db.select(Answer))
        return {(a.question, a.instance): a.value for a in rows}


def test_photo_upload_is_stored_shown_kept_and_replaced(app, client, site):
    person = Uploader(client, SLUG)
    person.start()
    assert 'enctype="multipart/form-data"' in person.html
    assert "Accepted: JPG, PNG" in person.html and "up to 10 MB" in person.html
    photo = jpeg(800, 600, exif=True)
    response = person.post({"site_name": "Altyn-Emel", "photo": ("gate.jpg", photo),
                            "report": ("report.pdf", pdf())})
    assert response.status_code == 302, errors(person.html)
    stored = files(app)
    assert stored[("photo", 0)].filename == "gate.jpg"
    assert stored[("photo", 0)].content_type == "image/jpeg"
    assert stored[("report", 0)].content_type == "application/pdf"
    assert answers(app)[("photo", 0)] == "gate.jpg"

    # The page shows a thumbnail linking to the photo, and a link to the report.
    photo_id, report_id = stored[("photo", 0)].id, stored[("report", 0)].id
    assert f'src="/s/{SLUG}/media/{photo_id}/thumbnail"' in person.html
    assert f'href="/s/{SLUG}/media/{report_id}"' in person.html
    thumb = client.get(f"/s/{SLUG}/media/{photo_id}/thumbnail")
    assert thumb.status_code == 200 and thumb.mimetype == "image/jpeg"
    assert thumb.headers["X-Content-Type-Options"] == "nosniff"
    with Image.open(io.BytesIO(thumb.data)) as image:
        assert max(image.size) == 320
        assert not image.getexif()
    original = client.get(f"/s/{SLUG}/media/{photo_id}")
    assert original.data == photo and original.headers["Content-Disposition"].startswith("inline")
    report = client.get(f"/s/{SLUG}/media/{report_id}")
    assert report.data == pdf()
    assert report.headers["Content-Disposition"].startswith("attachment")
    assert report.mimetype == "application/octet-stream"

    # Saving the page again without choosing files keeps them.
    person.post({"site_name": "Altyn-Emel park", "photo": hidden(person.html, "photo"),
                 "report": hidden(person.html, "report")})
    again = files(app)
    assert again[("photo", 0)].id == photo_id and again[("report", 0)].id == report_id

    # A new photo replaces the old one; the report stays.
    person.post({"photo": ("fence.png", png()), "report": hidden(person.html, "report")})
    again = files(app)
    assert again[("photo", 0)].filename == "fence.png" and again[("report", 0)].id == report_id
    assert client.get(f"/s/{SLUG}/media/{photo_id}").status_code == 404

    # Another browser cannot fetch this draft's files.
    stranger = app.test_client()
    assert stranger.get(f"/s/{SLUG}/media/{report_id}").status_code == 404


@SQLITE_ONLY
def test_refused_files_say_why_and_lose_nothing(app, client, site):
    app.config["MEDIA_MAX_BYTES"] = 50_000
    person = Uploader(client, SLUG)
    person.start()
    person.post({"photo": ("gate.jpg", jpeg())})
    kept = files(app)[("photo", 0)]

    response = person.post({
        "site_name": "Charyn",
        "photo": ("gate.jpg", b"not a photo at all"),
        "report": ("page.html", HTML),
    })
    assert response.status_code == 200
    shown = errors(person.html)
    assert any("“Photo of the site”: this file is not a photo" in e for e in shown), shown
    assert any("“Field report”: this kind of file is not accepted" in e for e in shown), shown
    # The other answer was saved, and the photo stored before is still the answer.
    assert answers(app)[("site_name", 0)] == "Charyn"
    assert answers(app)[("photo", 0)] == "gate.jpg"
    assert files(app)[("photo", 0)].id == kept.id
    assert ("report", 0) not in files(app)

    response = person.post({"photo": ("huge.png", png(600, 600) + b"\x00" * 60_000)})
    assert response.status_code == 200
    assert any("larger than the limit of 48.8 KB" in e for e in errors(person.html))
    assert files(app)[("photo", 0)].id == kept.id


@SQLITE_ONLY
def test_too_many_files_are_refused_on_the_page(app, client, site):
    app.config["MEDIA_MAX_FILES_PER_RESPONSE"] = 1
    person = Uploader(client, SLUG)
    person.start()
    person.post({"photo": ("gate.jpg", jpeg())})
    response = person.post({"photo": hidden(person.html, "photo"),
                            "report": ("report.pdf", pdf())})
    assert response.status_code == 200
    assert any("already holds 1 file," in e for e in errors(person.html)), errors(person.html)
    assert set(files(app)) == {("photo", 0)}
    assert answers(app).get(("report", 0), "") == ""


@SQLITE_ONLY
def test_removing_a_file_deletes_it(app, client, site):
    person = Uploader(client, SLUG)
    person.start()
    person.post({"photo": ("gate.jpg", jpeg())})
    person.post({"photo": hidden(person.html, "photo"), "_rm.photo": "1"})
    assert files(app) == {}
    assert ("photo", 0) not in answers(app)


def test_files_move_with_their_repeat_instance(app, client, site):
    person = Uploader(client, SLUG)
    person.start()
    person.post({"s_photo[1]": ("first.jpg", jpeg()), "s_note[1]": "one"}, action="add:sightings")
    person.post({"s_photo[1]": hidden(person.html, "s_photo[1]"), "s_note[1]": "one",
                 "s_photo[2]": ("second.png", png()), "s_note[2]": "two"})
    assert {k: m.filename for k, m in files(app).items()} == {
        ("s_photo", 1): "first.jpg", ("s_photo", 2): "second.png"}
    second = files(app)[("s_photo", 2)].id
    person.post({"s_photo[1]": hidden(person.html, "s_photo[1]"), "s_note[1]": "one",
                 "s_photo[2]": hidden(person.html, "s_photo[2]"), "s_note[2]": "two"},
                action="remove:sightings:1")
    moved = files(app)
    assert list(moved) == [("s_photo", 1)] and moved[("s_photo", 1)].id == second
    assert answers(app)[("s_photo", 1)] == "second.png"
    assert answers(app)[("s_note", 1)] == "two"


def test_resume_link_keeps_the_files(app, client, site):
    person = Uploader(client, SLUG)
    person.start()
    person.post({"photo": ("gate.jpg", jpeg())})
    link = re.search(r'class="resume-link" href="([^"]+)"', person.html).group(1)
    photo_id = files(app)[("photo", 0)].id

    other = Uploader(app.test_client(), SLUG)
    other.open(unescape(link).removeprefix("http://localhost"))
    assert f"/s/{SLUG}/media/{photo_id}/thumbnail" in other.html
    assert other.client.get(f"/s/{SLUG}/media/{photo_id}").status_code == 200
    response = other.post({"site_name": "Resumed", "photo": hidden(other.html, "photo")},
                          action="next")
    assert response.status_code == 302
    assert files(app)[("photo", 0)].id == photo_id
    with app.app_context():
        assert db.session.scalar(db.select(Response.current_section)) != "visit"


@SQLITE_ONLY
def test_secretariat_sees_and_downloads_the_files_of_a_response(app, client, auth, site):
    person = Uploader(client, SLUG)
    person.start()
    person.post({"photo": ("gate.jpg", jpeg()), "report": ("notes.txt", b"<b>bold</b> text")})
    stored = files(app)
    with app.app_context():
        response_id = db.session.scalar(db.select(Response.id))
    staff = app.test_client()
    assert staff.get(f"/secretariat/responses/{response_id}/media/{stored[('photo', 0)].id}"
                     ).status_code == 302  # to the login page
    auth.client = staff
    auth.login("admin")
    page = staff.get(f"/secretariat/responses/{response_id}").get_data(as_text=True)
    photo_url = f"/secretariat/responses/{response_id}/media/{stored[('photo', 0)].id}"
    report_url = f"/secretariat/responses/{response_id}/media/{stored[('report', 0)].id}"
    assert f'src="{photo_url}/thumbnail"' in page and f'href="{report_url}"' in page
    assert staff.get(photo_url + "/thumbnail").mimetype == "image/jpeg"
    report = staff.get(report_url)
    assert report.data == b"<b>bold</b> text"
    assert report.mimetype == "application/octet-stream"
    assert report.headers["Content-Disposition"].startswith("attachment")
    assert report.headers["X-Content-Type-Options"] == "nosniff"
    assert staff.get(report_url + "/thumbnail").status_code == 404
    # A file is reached only through its own response.
    assert staff.get(f"/secretariat/responses/{response_id + 1}/media/"
                     f"{stored[('photo', 0)].id}").status_code == 404


@SQLITE_ONLY
def test_submission_keeps_files_of_answers_that_apply_and_drops_the_others(app, client, site):
    person = Uploader(client, SLUG)
    person.start()
    person.post({"photo": ("gate.jpg", jpeg()), "report": ("r.pdf", pdf())}, action="next")
    assert "name=\"comment\"" in person.html
    response = person.post({"comment": "no photos"}, action="submit")
    assert response.status_code == 302 and "/thanks" in response.location
    assert set(files(app)) == {("report", 0)}
    with app.app_context():
        assert db.session.scalar(db.select(Response.status)) == "submitted"

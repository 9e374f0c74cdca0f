"""Answers' files in the rest of the data's life: backup and restore, the privacy purge,
the secretariat's export zip and the JSON API."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest

from consult import media
from consult.accounts.tokens import create_token
from consult.extensions import db
from consult.models import MediaBlob, MediaFile, User
from consult.privacy.service import personal_data_counts, purge_personal_data
from consult.questionnaires import import_form
from surveys.model import Question
from tests.consult.media_files import jpeg, pdf, wav
from tests.consult.test_backup import _needs_pg_tools, live_app, live_url  # noqa: F401
from tests.consult.test_privacy import CUTOFF, _old_response
from tests.consult.test_questionnaires import small_form_xlsx
from tests.factories import make_response, make_version

PHOTO = Question(name="photo", path="/data/photo", type="image")
RECORDING = Question(name="voice", path="/data/voice", type="audio")
DOCUMENT = Question(name="report", path="/data/report", type="file")


def _store(response_id: int, question: Question, name: str, data: bytes, instance: int = 0):
    return media.store(db.session, response_id=response_id, question=question,
                       instance=instance, filename=name, data=data)


def _files(app) -> dict[tuple[int, str, int], bytes]:
    with app.app_context():
        found = {(m.response_id, m.question, m.instance): media.read(m)
                 for m in db.session.scalars(db.select(MediaFile))}
        db.session.remove()
        return found


def test_backup_and_restore_bring_the_files_back(live_app, tmp_path):  # noqa: F811
    _needs_pg_tools(live_app)
    with live_app.app_context():
        response = make_response(make_version(), {"photo": "a.jpg"})
        _store(response.id, PHOTO, "a.jpg", jpeg())
        _store(response.id, DOCUMENT, "r.pdf", pdf())
        db.session.commit()
        response_id = response.id
    before = _files(live_app)
    runner = live_app.test_cli_runner()
    out = tmp_path / "consult.backup"
    assert runner.invoke(args=["backup", "--out", str(out)]).exit_code == 0

    with live_app.app_context():
        media.delete_for_response(db.session, response_id)
        _store(response_id, RECORDING, "v.wav", wav())
        db.session.commit()
    assert _files(live_app) != before

    restored = runner.invoke(args=["restore", str(out), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert _files(live_app) == before


@pytest.fixture
def purge_data(app):
    with app.app_context():
        version = make_version()
        old = _old_response(version, {"email": "a@example.org", "photo": "a.jpg"})
        recent = make_response(version, {"email": "b@example.org", "photo": "b.jpg"})
        _store(old.id, PHOTO, "a.jpg", jpeg())
        _store(old.id, RECORDING, "v.wav", wav())
        _store(recent.id, PHOTO, "b.jpg", jpeg(30, 30))
        db.session.commit()
        return old.id, recent.id


def test_privacy_purge_deletes_the_files_of_old_responses(app, runner, purge_data):
    old_id, recent_id = purge_data
    with app.app_context():
        assert personal_data_counts().media_files == 3
    dry = runner.invoke(args=["privacy", "purge", "--before", CUTOFF])
    assert "answers' files (deleted): 2" in dry.output
    assert len(_files(app)) == 3
    done = runner.invoke(args=["privacy", "purge", "--before", CUTOFF, "--yes"])
    assert done.exit_code == 0, done.output
    assert list(_files(app)) == [(recent_id, "photo", 0)]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(MediaBlob)) == 1
        again = purge_personal_data(date.fromisoformat(CUTOFF), apply=True)
        assert again.media_files == 0


def _csv(archive: zipfile.ZipFile, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_export_zip_holds_the_answers_and_the_files(app, client, auth):
    with app.app_context():
        version = import_form(small_form_xlsx(), "small.xlsx")
        first = make_response(version, {"country": "KZ", "years": "3"})
        second = make_response(version, {"country": "MN", "years": "5"})
        photo = jpeg()
        _store(first.id, PHOTO, "=cmd|calc.jpg", photo)
        _store(second.id, DOCUMENT, "report.pdf", pdf(), instance=2)
        db.session.commit()
        slug = version.questionnaire.slug
        references = (first.reference, second.reference)
    auth.login("admin")
    page = client.get(f"/secretariat/responses/?questionnaire={slug}").get_data(as_text=True)
    assert "export.zip" in page
    with client.get(f"/secretariat/responses/export.zip?questionnaire={slug}") as reply:
        assert reply.status_code == 200 and reply.mimetype == "application/zip"
        data = reply.data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len(_csv(archive, "responses.csv")) == 2
        listing = _csv(archive, "media.csv")
        assert [(row["reference"], row["question"], row["instance"]) for row in listing] == [
            (references[0], "photo", "0"), (references[1], "report", "2")]
        # A file name that looks like a formula is neutralised in the CSV, not in the zip.
        assert listing[0]["filename"].startswith("'=")
        assert archive.read(listing[0]["path"]) == photo
        assert listing[1]["path"] == f"media/{references[1]}/report-2-report.pdf"
        assert archive.read(listing[1]["path"]) == pdf()


def test_api_lists_download_urls_for_token_holders(app, client, auth):
    user_id, _email = auth.user("admin")
    with app.app_context():
        _token, secret = create_token(db.session.get(User, user_id), "test")
        version = import_form(small_form_xlsx(), "small.xlsx")
        response = make_response(version, {"country": "KZ"})
        stored = _store(response.id, PHOTO, "a.jpg", jpeg())
        db.session.commit()
        media_id, response_id = stored.id, response.id
    headers = {"Authorization": f"Bearer {secret}"}
    listing = client.get("/api/v1/responses", headers=headers).get_json()
    [entry] = listing["data"][0]["media"]
    assert entry["question"] == "photo" and entry["content_type"] == "image/jpeg"
    assert entry["url"] == f"http://localhost/api/v1/responses/{response_id}/media/{media_id}"
    assert client.get(entry["url"], headers=headers).data == jpeg()
    assert client.get(entry["url"]).status_code == 401
    wrong = f"/api/v1/responses/{response_id + 1}/media/{media_id}"
    assert client.get(wrong, headers=headers).status_code == 404

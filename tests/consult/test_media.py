"""The media service: files answering image, audio, video and file questions stored,
read, replaced and deleted, on SQLite and PostgreSQL, with their limits."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from consult import media
from consult.extensions import db
from consult.models import Answer, MediaBlob, MediaFile, Response
from surveys.model import Question
from tests.consult.media_files import HTML, SVG, jpeg, pdf, png, wav
from tests.factories import make_response, make_version

PHOTO = Question(name="photo", path="/data/photo", type="image")
RECORDING = Question(name="recording", path="/data/recording", type="audio")
DOCUMENT = Question(name="document", path="/data/document", type="file")
#: for checks of the file itself, which no database takes part in
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def response_id(app):
    with app.app_context():
        response = make_response(make_version(), {"photo": "site.jpg"})
        db.session.commit()
        return response.id


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_store_and_read_round_trip(app, response_id):
    data = jpeg()
    with app.app_context():
        stored = media.store(
            db.session,
            response_id=response_id,
            question=PHOTO,
            filename="C:\\Users\\me\\Фото сайта.JPG",
            content_type="application/octet-stream",
            data=data,
        )
        db.session.commit()
        media_id = stored.id
    with app.app_context():
        found = db.session.get(MediaFile, media_id)
        assert found.filename == "Фото сайта.JPG"
        assert found.content_type == "image/jpeg"
        assert found.size == len(data)
        assert found.sha256 == hashlib.sha256(data).hexdigest()
        assert found.backend == "database"
        assert media.read(found) == data
        assert [m.id for m in media.media_for_response(db.session, response_id)] == [media_id]


def test_a_new_file_replaces_the_old_one_for_the_same_answer(app, response_id):
    with app.app_context():
        media.store(db.session, response_id=response_id, question=PHOTO, filename="a.jpg",
                    data=jpeg())
        second = media.store(db.session, response_id=response_id, question=PHOTO,
                             filename="b.png", data=png())
        other = media.store(db.session, response_id=response_id, question=RECORDING,
                            filename="voice.wav", data=wav())
        db.session.commit()
        files = media.media_for_response(db.session, response_id)
        assert [(m.question, m.filename) for m in files] == [
            ("photo", "b.png"), ("recording", "voice.wav")]
        assert _count(MediaBlob) == 2
        assert media.read(second) == png()
        assert other.content_type == "audio/x-wav"


def test_deleting_a_response_deletes_its_files_and_bytes(app, response_id):
    with app.app_context():
        media.store(db.session, response_id=response_id, question=PHOTO, filename="a.jpg",
                    data=jpeg())
        db.session.commit()
        db.session.delete(db.session.get(Response, response_id))
        db.session.commit()
        assert _count(MediaFile) == 0
        assert _count(MediaBlob) == 0


def test_delete_for_response_leaves_the_answers(app, response_id):
    with app.app_context():
        media.store(db.session, response_id=response_id, question=PHOTO, filename="a.jpg",
                    data=jpeg())
        media.store(db.session, response_id=response_id, question=DOCUMENT, filename="r.pdf",
                    data=pdf())
        db.session.commit()
        assert media.delete_for_response(db.session, response_id) == 2
        db.session.commit()
        assert _count(MediaFile) == 0 and _count(MediaBlob) == 0
        assert _count(Answer) == 1


@pytest.mark.parametrize(
    ("question", "data", "claimed", "expected"),
    [
        (PHOTO, b"just some text, not a photo", "image/jpeg", "not a photo"),
        (PHOTO, jpeg()[:20] + b"\x00" * 200, "image/jpeg", "not a photo"),
        (PHOTO, SVG, "image/svg+xml", "not a photo"),
        (RECORDING, jpeg(), "audio/mpeg", "not a sound recording"),
        (DOCUMENT, HTML, "text/plain", "not accepted"),
        (DOCUMENT, SVG, "text/plain", "not accepted"),
        (DOCUMENT, b"MZ\x90\x00" + b"\x00" * 100, "application/pdf", "not accepted"),
        (PHOTO, b"", "image/jpeg", "empty"),
    ],
    ids=["text-as-jpeg", "truncated-jpeg", "svg", "photo-as-audio", "html", "svg-file",
         "exe-as-pdf", "empty"],
)
@SQLITE_ONLY
def test_files_of_the_wrong_type_are_refused_naming_the_question(
    app, response_id, question, data, claimed, expected
):
    with app.test_request_context():
        media.store(db.session, response_id=response_id, question=DOCUMENT,
                    filename="keep.pdf", data=pdf())
        db.session.commit()
        with pytest.raises(media.MediaRejected) as caught:
            media.store(db.session, response_id=response_id, question=question,
                        filename="upload.jpg", content_type=claimed, data=data,
                        label="Photo of the site")
        assert expected in caught.value.message
        if question is not DOCUMENT:
            assert "Photo of the site" in caught.value.message
        assert caught.value.question == question.name
        db.session.rollback()
        # The file stored before is still there, bytes and all.
        files = media.media_for_response(db.session, response_id)
        assert [m.filename for m in files] == ["keep.pdf"]
        assert media.read(files[0]) == pdf()


@SQLITE_ONLY
def test_text_and_csv_are_accepted_by_a_file_question(app, response_id):
    with app.app_context():
        text = media.store(db.session, response_id=response_id, question=DOCUMENT,
                           filename="notes", data="Сайгак, 12 голов\n".encode())
        assert (text.content_type, text.filename) == ("text/plain", "notes.txt")
        table = media.store(db.session, response_id=response_id, question=DOCUMENT,
                            filename="counts.csv", data=b"site,count\nA,3\n")
        assert table.content_type == "text/csv"


def test_oversize_file_is_refused_with_the_limit(app, response_id):
    app.config["MEDIA_MAX_BYTES"] = 1024
    with app.test_request_context():
        with pytest.raises(media.MediaRejected) as caught:
            media.store(db.session, response_id=response_id, question=PHOTO,
                        filename="big.jpg", data=jpeg(400, 400))
        assert "larger than the limit of 1 KB" in caught.value.message
        assert "“photo”" in caught.value.message
        db.session.rollback()
        assert _count(MediaFile) == 0


def test_too_many_files_for_one_response_are_refused(app, response_id):
    app.config["MEDIA_MAX_FILES_PER_RESPONSE"] = 2
    with app.test_request_context():
        for instance in (1, 2):
            media.store(db.session, response_id=response_id, question=PHOTO,
                        instance=instance, filename="a.jpg", data=jpeg())
        # Replacing a file does not count as one more.
        media.store(db.session, response_id=response_id, question=PHOTO, instance=2,
                    filename="b.png", data=png())
        with pytest.raises(media.MediaRejected) as caught:
            media.store(db.session, response_id=response_id, question=PHOTO, instance=3,
                        filename="c.jpg", data=jpeg())
        assert "already holds 2 files" in caught.value.message
        db.session.commit()
        assert [m.filename for m in media.media_for_response(db.session, response_id)] == [
            "a.jpg", "b.png"]


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("../../etc/passwd", "txt", "passwd.txt"),
        ("photo", "jpg", "photo.jpg"),
        ("a\x00b<>.png", "png", "a_b_.png"),
        ("   .hidden", "txt", "hidden.txt"),
        ("", "jpg", "file.jpg"),
        ("x" * 300 + ".jpeg", "jpg", "x" * 115 + ".jpeg"),
    ],
)
def test_file_names_are_made_safe(name, extension, expected):
    assert media.safe_filename(name, extension) == expected

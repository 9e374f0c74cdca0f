"""The S3 backend against moto's S3 server: a real HTTP S3 endpoint on a local port."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from consult import media
from consult.extensions import db
from consult.models import MediaFile, Response
from surveys.model import Question
from tests.conftest import unavailable
from tests.consult.media_files import jpeg, png
from tests.consult.test_backup import live_app, live_url  # noqa: F401
from tests.factories import make_response, make_version

PHOTO = Question(name="photo", path="/data/photo", type="image")
BUCKET = "consult-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    try:
        import boto3  # noqa: F401
        from moto.server import ThreadedMotoServer
    except ImportError:
        unavailable("boto3 and moto[server] are needed: pip install 'consult[s3]' 'moto[server]'")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_app(app, s3_endpoint):
    yield from _with_s3(app, s3_endpoint)


def _with_s3(app, s3_endpoint):
    import boto3

    app.config.update(
        MEDIA_STORAGE="s3",
        MEDIA_S3_BUCKET=BUCKET,
        MEDIA_S3_ENDPOINT=s3_endpoint,
        MEDIA_S3_REGION="us-east-1",
        MEDIA_S3_PREFIX="test/",
        MEDIA_S3_ACCESS_KEY="testing",
        MEDIA_S3_SECRET_KEY="testing",
    )
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1",
        aws_access_key_id="testing", aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    app.extensions["test.s3"] = client
    yield app
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])


def _keys(app) -> list[str]:
    listing = app.extensions["test.s3"].list_objects_v2(Bucket=BUCKET)
    return sorted(item["Key"] for item in listing.get("Contents", []))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_s3_round_trip_replace_and_delete(s3_app):
    with s3_app.app_context():
        response = make_response(make_version(), {"photo": "a.jpg"})
        stored = media.store(db.session, response_id=response.id, question=PHOTO,
                             filename="a.jpg", data=jpeg())
        db.session.commit()
        assert stored.backend == "s3"
        assert _keys(s3_app) == ["test/" + stored.key]
        assert media.read(stored) == jpeg()

        # A replacement's old object goes only once the transaction has committed.
        old_key = stored.key
        new = media.store(db.session, response_id=response.id, question=PHOTO,
                          filename="b.png", data=png())
        assert "test/" + old_key in _keys(s3_app)
        db.session.commit()
        assert _keys(s3_app) == ["test/" + new.key]

        # A rolled-back deletion keeps the object; a committed one removes it.
        media.delete_for_response(db.session, response.id)
        db.session.rollback()
        assert _keys(s3_app) == ["test/" + new.key]
        assert media.read(db.session.scalar(select(MediaFile))) == png()
        media.delete_for_response(db.session, response.id)
        db.session.delete(db.session.get(Response, response.id))
        db.session.commit()
        assert _keys(s3_app) == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_s3_object_of_a_rolled_back_store_is_removed(s3_app):
    with s3_app.app_context():
        response = make_response(make_version(), {"photo": "a.jpg"})
        db.session.commit()
        media.store(db.session, response_id=response.id, question=PHOTO,
                    filename="a.jpg", data=jpeg())
        assert len(_keys(s3_app)) == 1
        db.session.rollback()
        assert _keys(s3_app) == []
        assert db.session.scalar(select(MediaFile)) is None


@pytest.fixture
def migrated_s3_app(live_app, s3_endpoint):  # noqa: F811
    yield from _with_s3(live_app, s3_endpoint)


@pytest.mark.parametrize("live_url", ["sqlite"], indirect=True)
def test_s3_objects_follow_backup_restore_and_the_privacy_purge(migrated_s3_app, tmp_path):
    from tests.consult.test_privacy import CUTOFF, _old_response

    s3_app = migrated_s3_app

    with s3_app.app_context():
        old = _old_response(make_version(), {"photo": "a.jpg"})
        stored = media.store(db.session, response_id=old.id, question=PHOTO,
                             filename="a.jpg", data=jpeg())
        db.session.commit()
        key = "test/" + stored.key
    runner = s3_app.test_cli_runner()
    out = tmp_path / "backup.sqlite"
    made = runner.invoke(args=["backup", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert (tmp_path / "backup.sqlite.media" / stored.key).read_bytes() == jpeg()

    purged = runner.invoke(args=["privacy", "purge", "--before", CUTOFF, "--yes"])
    assert purged.exit_code == 0, purged.output
    assert _keys(s3_app) == []

    restored = runner.invoke(args=["restore", str(out), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert "Put 1 answers' files back" in restored.output
    assert _keys(s3_app) == [key]
    with s3_app.app_context():
        assert media.read(db.session.scalar(select(MediaFile))) == jpeg()

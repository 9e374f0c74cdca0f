"""OpenRosa as ODK Collect speaks it, through the Flask test client: the Digest challenge
and its answer, the form list, the XForm and its hash, the manifest and its files, HEAD and
multipart submissions (split ones too), resends, edits, refusals, and what a collector
account may do. Every stored answer is compared with the one sent. Both databases."""

from __future__ import annotations

import base64
import hashlib
import io
import random
import uuid
from pathlib import Path
from xml.etree import ElementTree

import pytest
from werkzeug.datastructures import WWWAuthenticate

from consult import media
from consult.accounts import create_user
from consult.demo.responses import demo_answers
from consult.extensions import db
from consult.invitations import create_invitation
from consult.models import (
    Answer,
    AuditEvent,
    OpenRosaInstance,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    XForm,
)
from consult.openrosa import auth as openrosa_auth
from consult.openrosa.service import create_collector_token
from consult.questionnaires import ensure_shipped_questionnaire, import_form, load_version_form
from surveys.model import GEO_TYPES
from surveys.xform import instance_document
from tests.conftest import csrf_token
from tests.consult.media_files import jpeg, wav

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
PASSWORD = "correct horse battery staple"
COLLECT_PASSWORD = "collect horse battery staple"
NS = {"l": "http://openrosa.org/xforms/xformsList", "m": "http://openrosa.org/xforms/xformsManifest",
      "r": "http://openrosa.org/http/response"}


def md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


class Collect:
    """A device: answers Digest challenges as Collect does (MD5, qop=auth, counting nc up
    on one nonce until the server says it is stale)."""

    def __init__(self, client, username: str, password: str):
        self.client = client
        self.username = username
        self.password = password
        self.challenge: WWWAuthenticate | None = None
        self.nc = 0
        self.challenges = 0

    def _header(self, method: str, uri: str) -> str:
        params = self.challenge.parameters
        self.nc += 1
        nc = f"{self.nc:08x}"
        cnonce = uuid.uuid4().hex[:16]
        ha1 = md5(f"{self.username}:{params['realm']}:{self.password}".encode())
        ha2 = md5(f"{method}:{uri}".encode())
        answer = md5(f"{ha1}:{params['nonce']}:{nc}:{cnonce}:auth:{ha2}".encode())
        return (
            f'Digest username="{self.username}", realm="{params["realm"]}", '
            f'nonce="{params["nonce"]}", uri="{uri}", algorithm=MD5, response="{answer}", '
            f'qop=auth, nc={nc}, cnonce="{cnonce}", opaque="{params.get("opaque", "")}"'
        )

    def request(self, method: str, uri: str, **kwargs):
        headers = {"X-OpenRosa-Version": "1.0", **kwargs.pop("headers", {})}
        for _ in range(2):
            if self.challenge is not None:
                headers["Authorization"] = self._header(method, uri)
            response = self.client.open(uri, method=method, headers=headers, **kwargs)
            if response.status_code != 401:
                return response
            self.challenges += 1
            self.challenge = WWWAuthenticate.from_header(response.headers["WWW-Authenticate"])
            self.nc = 0
            for value in kwargs.values():
                if isinstance(value, dict):
                    for item in value.values():
                        if isinstance(item, tuple) and hasattr(item[0], "seek"):
                            item[0].seek(0)
        return response

    def get(self, uri: str, **kwargs):
        return self.request("GET", uri, **kwargs)

    def submit(self, document: bytes, files: dict[str, bytes] | None = None, *,
               incomplete: bool = False, uri: str = "/openrosa/submission"):
        def body() -> dict:
            data: dict = {"xml_submission_file": (io.BytesIO(document), "submission.xml",
                                                  "text/xml")}
            for name, content in (files or {}).items():
                data[name] = (io.BytesIO(content), name, "application/octet-stream")
            if incomplete:
                data["*isIncomplete*"] = "yes"
            return data

        first = self.request("HEAD", uri)
        assert first.status_code == 204, first.get_data(as_text=True)
        return self.request("POST", uri, data=body(), content_type="multipart/form-data")


def message_of(response) -> tuple[str, str]:
    root = ElementTree.fromstring(response.get_data())
    assert root.tag == "{http://openrosa.org/http/response}OpenRosaResponse"
    item = root.find("r:message", NS)
    return item.get("nature", ""), item.text or ""


def stored_answers(response_id: int) -> dict[tuple[str, int], str]:
    rows = db.session.execute(
        db.select(Answer.question, Answer.instance, Answer.value).where(
            Answer.response_id == response_id
        )
    ).all()
    return {(q, i): v for q, i, v in rows}


def raw(value) -> list[tuple[int, str]]:
    if isinstance(value, list):
        return [(i, str(v)) for i, v in enumerate(value, start=1)]
    return [(0, str(value))]


def same_answer(question, sent: str, stored: str | None) -> bool:
    """The stored text is the sent one; locations as numbers (``45.24050`` is stored as
    the engine writes it, ``45.2405``)."""
    if stored is None:
        return False
    if question.type in GEO_TYPES:
        def numbers(text: str) -> list[list[float]]:
            return [[float(x) for x in point.split()] for point in text.split(";")]

        return numbers(sent) == numbers(stored)
    return sent == stored


def assert_stored_as_sent(response_id: int, sent: dict, form) -> None:
    """Every answer sent is stored as sent; nothing answered was added but calculations."""
    stored = stored_answers(response_id)
    for name, value in sent.items():
        if value in ("", None, []):
            continue
        for instance, text in raw(value):
            got = stored.get((name, instance))
            assert same_answer(form.questions[name], text, got), (name, instance, text, got)
    extra = {q for q, _ in stored if q not in sent and not form.questions[q].calculation}
    assert not extra, extra


_SHIPPED: dict = {}


def shipped_version():
    """The shipped questionnaire, imported the first time and then written straight from
    the parsed form kept here (reading the workbook is the slow part of an import)."""
    if not _SHIPPED:
        version = ensure_shipped_questionnaire()
        _SHIPPED.update(form=version.form, xlsx=version.source_xlsx,
                        filename=version.source_filename, label=version.version_label,
                        title=version.questionnaire.title)
        return version
    from surveys.forms.cami_gap_needs import FORM_ID, SLUG

    questionnaire = Questionnaire(form_id=FORM_ID, slug=SLUG, title=_SHIPPED["title"])
    version = QuestionnaireVersion(
        questionnaire=questionnaire, number=1, version_label=_SHIPPED["label"],
        form=_SHIPPED["form"], source_filename=_SHIPPED["filename"],
        source_xlsx=_SHIPPED["xlsx"],
    )
    db.session.add_all([questionnaire, version])
    db.session.flush()
    questionnaire.current_version = version
    db.session.flush()
    return version


@pytest.fixture
def world(app):
    """The shipped questionnaire, a KZ collector with a Collect password, and an admin."""
    with app.app_context():
        version = shipped_version()
        collector = create_user("collector@example.org", PASSWORD, "collector", ["KZ"])
        admin = create_user("admin@example.org", PASSWORD, "admin")
        db.session.flush()
        openrosa_auth.set_collector_password(collector, COLLECT_PASSWORD, by=admin)
        openrosa_auth.set_collector_password(admin, COLLECT_PASSWORD, by=admin)
        db.session.commit()
        return {"version_id": version.id, "form_id": version.questionnaire.form_id,
                "slug": version.questionnaire.slug}


def shipped_instance(app, *, country: str = "KZ", seed: int = 7, **changes):
    with app.app_context():
        from consult.models import QuestionnaireVersion
        from consult.questionnaires import get_questionnaire

        version = get_questionnaire("cami-gap-needs").current_version
        form = load_version_form(version)
        values, _ = demo_answers(random.Random(seed), country=country, group="ngo")
        values.update(changes)
        instance_id = f"uuid:{uuid.uuid4()}"
        document = instance_document(form, values, instance_id=instance_id)
        assert isinstance(version, QuestionnaireVersion)
        return values, instance_id, document, form


def test_digest_challenge_form_list_xform_and_manifest(app, client, world):
    anonymous = client.get("/openrosa/formList")
    assert anonymous.status_code == 401
    challenge = WWWAuthenticate.from_header(anonymous.headers["WWW-Authenticate"])
    assert challenge.type == "digest"
    assert challenge.parameters["qop"] == "auth" and challenge.parameters["realm"] == "consult"
    assert anonymous.headers["X-OpenRosa-Version"] == "1.0"

    wrong = Collect(client, "collector@example.org", "not the password at all")
    assert wrong.get("/openrosa/formList").status_code == 401

    device = Collect(client, "collector@example.org", COLLECT_PASSWORD)
    listing = device.get("/openrosa/formList")
    assert listing.status_code == 200, listing.get_data(as_text=True)
    assert listing.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert listing.headers["X-OpenRosa-Version"] == "1.0"
    assert listing.headers["Date"]
    root = ElementTree.fromstring(listing.get_data())
    assert root.tag == "{http://openrosa.org/xforms/xformsList}xforms"
    (entry,) = root.findall("l:xform", NS)
    assert entry.find("l:formID", NS).text == "cami_gap_needs"
    assert entry.find("l:version", NS).text == "2027.1"
    assert entry.find("l:name", NS).text
    assert entry.find("l:descriptionText", NS) is None
    hash_text = entry.find("l:hash", NS).text
    assert hash_text.startswith("md5:")
    download = entry.find("l:downloadUrl", NS).text
    manifest_url = entry.find("l:manifestUrl", NS).text

    form = device.get(download)
    assert form.status_code == 200
    assert form.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert "md5:" + md5(form.get_data()) == hash_text
    assert b'<data id="cami_gap_needs" version="2027.1">' in form.get_data()
    # The same bytes on every request: made once, kept in the database.
    assert device.get(download).get_data() == form.get_data()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(XForm)) == 1

    manifest = device.get(manifest_url)
    assert manifest.status_code == 200
    assert ElementTree.fromstring(manifest.get_data()).tag == (
        "{http://openrosa.org/xforms/xformsManifest}manifest"
    )
    # one challenge, then the nonce is reused with nc counting up
    assert device.challenges == 1

    only = ElementTree.fromstring(device.get("/openrosa/formList?formID=nope").get_data())
    assert only.findall("l:xform", NS) == []
    verbose = ElementTree.fromstring(
        device.get("/openrosa/formList?formID=cami_gap_needs&verbose=true").get_data()
    )
    assert verbose.find("l:xform/l:descriptionText", NS) is not None

    head = device.request("HEAD", "/openrosa/submission")
    assert head.status_code == 204
    assert head.headers["X-OpenRosa-Accept-Content-Length"] == str(10 * 1024 * 1024)

    # A nonce past its time is refused with stale=true, so the device retries silently.
    app.config["OPENROSA_NONCE_SECONDS"] = -120
    refused = client.get("/openrosa/formList",
                         headers={"Authorization": device._header("GET", "/openrosa/formList")})
    assert refused.status_code == 401
    assert "stale=true" in refused.headers["WWW-Authenticate"]
    app.config["OPENROSA_NONCE_SECONDS"] = 300

    # Limited per account like the API per token; the refusal is a message Collect shows.
    app.config["RATELIMIT_OPENROSA"] = "3/hour"
    statuses = [device.get("/openrosa/formList").status_code for _ in range(4)]
    assert statuses[-1] == 429
    assert message_of(device.get("/openrosa/formList"))[1]


def test_submission_stores_every_answer_once_and_an_edit_replaces_them(app, client, world, auth):
    values, instance_id, document, form = shipped_instance(app)
    device = Collect(client, "collector@example.org", COLLECT_PASSWORD)
    sent = device.submit(document)
    assert sent.status_code == 201, sent.get_data(as_text=True)
    nature, text = message_of(sent)
    assert nature == "submit_success"
    with app.app_context():
        response = db.session.scalar(db.select(Response))
        assert response.source == "openrosa"
        assert response.status == "submitted"
        assert (response.country_code, response.group_code) == ("KZ", "ngo")
        assert response.external_uuid == instance_id
        assert response.reference in text
        assert_stored_as_sent(response.id, values, form)
        first_id, reference = response.id, response.reference

    # Sent again (no answer from the server reached the phone): nothing new is stored.
    again = device.submit(document)
    assert again.status_code == 201
    assert message_of(again) == (nature, text)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 1

    # The same instanceID with another document is a conflict; nothing changes.
    other = document.replace(b"<years_experience>", b"<years_experience>1")
    conflict = device.submit(other)
    assert conflict.status_code == 409
    assert "instanceID" in message_of(conflict)[1]

    # An edit on the phone: a new instanceID and the old one as deprecatedID.
    edited_values = dict(values, years_experience=33, main_threats_text="Edited on the phone.")
    edit_id = f"uuid:{uuid.uuid4()}"
    edit = instance_document(form, edited_values, instance_id=edit_id, deprecated_id=instance_id)
    changed = device.submit(edit)
    assert changed.status_code == 201, changed.get_data(as_text=True)
    assert reference in message_of(changed)[1]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 1
        assert_stored_as_sent(first_id, edited_values, form)
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "response.edit")
        ).all()
        assert len(events) == 1 and events[0].details["deprecated_id"] == instance_id
        assert events[0].object_id == str(first_id)
        assert {row.instance_id for row in db.session.scalars(db.select(OpenRosaInstance))} == {
            instance_id, edit_id}
    # The original sent late again changes nothing back.
    assert device.submit(document).status_code == 201
    with app.app_context():
        assert stored_answers(first_id)[("years_experience", 0)] == "33"

    # The secretariat sees it with the others, in the list and the export.
    auth.login("admin")
    assert reference in client.get("/secretariat/responses/").get_data(as_text=True)
    export = client.get("/secretariat/responses/export.csv?questionnaire=cami-gap-needs")
    assert export.status_code == 200
    assert reference in export.get_data(as_text=True)
    assert "Edited on the phone." in export.get_data(as_text=True)


def test_refusals_name_the_problem_and_a_collector_has_no_other_door(app, client, world):
    values, instance_id, document, form = shipped_instance(app)
    device = Collect(client, "collector@example.org", COLLECT_PASSWORD)
    cases = {
        "unknown form": (document.replace(b'id="cami_gap_needs"', b'id="no_such_form"'), 404,
                         "no_such_form"),
        "old version": (document.replace(b'version="2027.1"', b'version="1999"'), 404, "1999"),
        "malformed": (document[:-20], 400, "well-formed"),
        "entity": (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><data id="a">&e;</data>',
                   400, "forbidden"),
        "no instanceID": (document.replace(instance_id.encode(), b""), 400, "instanceID"),
        "bad answer": (document.replace(b"<years_experience>", b"<years_experience>many"), 400,
                       "years_experience"),
        "unknown field": (document.replace(b"<meta>", b"<bogus>1</bogus><meta>"), 400, "bogus"),
    }
    for name, (body, status, needle) in cases.items():
        answer = device.submit(body)
        assert answer.status_code == status, (name, answer.get_data(as_text=True))
        assert needle in message_of(answer)[1], (name, message_of(answer))
    missing = device.request("POST", "/openrosa/submission", data={"x": "1"},
                             content_type="multipart/form-data")
    assert missing.status_code == 400 and "xml_submission_file" in message_of(missing)[1]
    app.config["OPENROSA_MAX_SUBMISSION_BYTES"] = 1000
    too_big = device.submit(document)
    assert too_big.status_code == 413
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 0
        assert db.session.scalar(db.select(db.func.count()).select_from(Answer)) == 0
    app.config["OPENROSA_MAX_SUBMISSION_BYTES"] = 10 * 1024 * 1024

    # A collector sends for their countries only.
    _, _, document, _ = shipped_instance(app, country="MN")
    refused = device.submit(document)
    assert refused.status_code == 403
    assert "Kazakhstan" in message_of(refused)[1] and "Mongolia" in message_of(refused)[1]
    # nor can they overwrite another country's response by naming it as the one they edit
    admin = Collect(client, "admin@example.org", COLLECT_PASSWORD)
    mn_values, mn_id, mn_document, _ = shipped_instance(app, country="MN", seed=21)
    assert admin.submit(mn_document).status_code == 201
    takeover = instance_document(form, values, instance_id=f"uuid:{uuid.uuid4()}",
                                 deprecated_id=mn_id)
    assert device.submit(takeover).status_code == 403
    with app.app_context():
        (mn,) = db.session.scalars(db.select(Response)).all()
        assert mn.country_code == "MN"
        assert_stored_as_sent(mn.id, mn_values, form)
    # The account opens no page of the app: signing in is refused, credentials open nothing.
    login = client.post("/auth/login", data={"email": "collector@example.org",
                                              "password": PASSWORD,
                                              "csrf_token": csrf_token(client)})
    assert login.status_code == 200
    assert client.get("/interviews/").status_code == 302
    assert client.get("/secretariat/").status_code == 302
    basic = {"Authorization": "Basic " + base64.b64encode(
        f"collector@example.org:{PASSWORD}".encode()).decode()}
    assert client.get("/api/v1/questionnaires", headers=basic).status_code == 401
    # Basic over plain HTTP is refused unless the deployment allows it; over HTTPS it works.
    assert client.get("/openrosa/formList", headers=basic).status_code == 401
    secure = client.get("/openrosa/formList", headers=basic, base_url="https://localhost")
    assert secure.status_code == 200
    app.config["OPENROSA_ALLOW_BASIC_OVER_HTTP"] = True
    assert client.get("/openrosa/formList", headers=basic).status_code == 200
    # A facilitator without a Collect password cannot use Digest.
    with app.app_context():
        create_user("fac@example.org", PASSWORD, "facilitator", ["KZ"])
        db.session.commit()
    assert Collect(client, "fac@example.org", PASSWORD).get("/openrosa/formList").status_code == 401


def test_media_split_over_two_requests_and_form_files_in_the_manifest(app, client, world, runner):
    with app.app_context():
        version = import_form((CORPUS / "location_media.xlsx").read_bytes(), "location_media.xlsx")
        db.session.commit()
        form = load_version_form(version)
    photo = jpeg(640, 480)
    voice = wav(8000)
    values = {
        "camp": "43.25 76.95 800 5",
        "route": "43.25 76.95 0 0;43.26 76.96 0 0",
        "pasture": "43.25 76.95 0 0;43.26 76.95 0 0;43.26 76.96 0 0;43.25 76.95 0 0",
        "photo": "1712345.jpg",
        "voice": "1712346.wav",
    }
    instance_id = f"uuid:{uuid.uuid4()}"
    document = instance_document(form, values, instance_id=instance_id)
    device = Collect(client, "admin@example.org", COLLECT_PASSWORD)
    listed = ElementTree.fromstring(device.get("/openrosa/formList").get_data())
    assert {e.text for e in listed.findall("l:xform/l:formID", NS)} == {
        "cami_gap_needs", "location_media"}
    first = device.submit(document, {"1712345.jpg": photo, "stray.txt": b"x"}, incomplete=True)
    assert first.status_code == 201, first.get_data(as_text=True)
    with app.app_context():
        row = db.session.scalar(db.select(OpenRosaInstance))
        assert row.complete is False
    second = device.submit(document, {"1712346.wav": voice})
    assert second.status_code == 201
    with app.app_context():
        response = db.session.scalar(db.select(Response))
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 1
        assert db.session.scalar(db.select(OpenRosaInstance)).complete is True
        assert_stored_as_sent(response.id, values, form)
        files = media.media_by_answer(db.session, response.id)
        assert set(files) == {("photo", 0), ("voice", 0)}
        assert media.read(files[("photo", 0)]) == photo
        assert media.read(files[("voice", 0)]) == voice
        assert files[("photo", 0)].content_type == "image/jpeg"
    # An edit on the phone with another photo and no recording: the files follow.
    new_photo = jpeg(320, 240)
    edit = instance_document(form, {**values, "voice": "", "photo": "1712399.jpg"},
                             instance_id=f"uuid:{uuid.uuid4()}", deprecated_id=instance_id)
    assert device.submit(edit, {"1712399.jpg": new_photo}).status_code == 201
    with app.app_context():
        files = media.media_by_answer(db.session, response.id)
        assert set(files) == {("photo", 0)}
        assert media.read(files[("photo", 0)]) == new_photo
    # A file that is not what its question takes is not kept; the answers are.
    other_id = f"uuid:{uuid.uuid4()}"
    bad = instance_document(form, {**values, "voice": ""}, instance_id=other_id)
    refused = device.submit(bad, {"1712345.jpg": b"not a photo at all"})
    assert refused.status_code == 201
    assert "1712345.jpg" in message_of(refused)[1]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 2

    # A draft (a preview for the secretariat) is neither listed, nor served, nor answered.
    with app.app_context():
        draft = import_form((CORPUS / "nested_repeats.xlsx").read_bytes(), "nested_repeats.xlsx",
                            publish=False)
        db.session.commit()
        draft_id, draft_label = draft.id, draft.version_label
    listed = ElementTree.fromstring(device.get("/openrosa/formList").get_data())
    assert "nested_repeats" not in {e.text for e in listed.findall("l:xform/l:formID", NS)}
    assert device.get(f"/openrosa/forms/{draft_id}/form.xml").status_code == 404
    draft_instance = (
        f'<data id="nested_repeats" version="{draft_label}"><households/>'
        f"<meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></data>"
    ).encode()
    assert device.submit(draft_instance).status_code == 404

    # A form that reads files: the manifest lists them, each downloadable with its hash.
    attach = ["--attach", str(CORPUS / "villages.csv"), "--attach", str(CORPUS / "rangers.csv"),
              "--attach", str(CORPUS / "prices.csv"), "--attach", str(CORPUS / "regions.xml"),
              "--attach", str(CORPUS / "sites.geojson")]
    result = runner.invoke(args=["forms", "import", str(CORPUS / "attachments.xlsx"), *attach])
    assert result.exit_code == 0, result.output
    listed = ElementTree.fromstring(device.get("/openrosa/formList?formID=attachments").get_data())
    manifest_url = listed.find("l:xform/l:manifestUrl", NS).text
    manifest = ElementTree.fromstring(device.get(manifest_url).get_data())
    files = {m.find("m:filename", NS).text: m for m in manifest.findall("m:mediaFile", NS)}
    assert set(files) == {"villages.csv", "rangers.csv", "prices.csv", "regions.xml",
                          "sites.geojson"}
    for item in files.values():
        body = device.get(item.find("m:downloadUrl", NS).text)
        assert body.status_code == 200
        assert item.find("m:hash", NS).text == "md5:" + md5(body.get_data())
    villages = device.get(files["villages.csv"].find("m:downloadUrl", NS).text).get_data()
    assert villages.decode().splitlines()[0] == "name,label,region"




def test_collection_links_and_invitations_open_one_questionnaire(app, client, world):
    with app.app_context():
        from consult.questionnaires import get_questionnaire

        questionnaire = get_questionnaire("cami-gap-needs")
        _, token = create_collector_token(questionnaire, "rangers", by=None)
        invitation = create_invitation(questionnaire, name="Aigerim", country="KZ").token
        import_form((CORPUS / "location_media.xlsx").read_bytes(), "location_media.xlsx")
        db.session.commit()
    listing = client.get(f"/openrosa/t/{token}/formList")
    assert listing.status_code == 200
    ids = [e.text for e in ElementTree.fromstring(listing.get_data()).findall("l:xform/l:formID",
                                                                              NS)]
    assert ids == ["cami_gap_needs"]
    assert f"/openrosa/t/{token}/forms/" in listing.get_data(as_text=True)
    values, _, document, form = shipped_instance(app, country="MN")
    device = Collect(client, "", "")
    sent = device.submit(document, uri=f"/openrosa/t/{token}/submission")
    assert sent.status_code == 201, sent.get_data(as_text=True)
    assert client.get("/openrosa/t/not-a-token/formList").status_code == 404

    # An instance as Collect writes it: namespaces, attributes, the meta block first.
    with app.app_context():
        version_label = db.session.scalar(
            db.select(QuestionnaireVersion.version_label).join(
                Questionnaire, Questionnaire.id == QuestionnaireVersion.questionnaire_id
            ).where(
                Questionnaire.form_id == "location_media"))
        _, media_token = create_collector_token(
            db.session.scalar(db.select(Questionnaire).where(
                Questionnaire.form_id == "location_media")), "", by=None)
        db.session.commit()
    written = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" '
        f'id="location_media" version="{version_label}">\n'
        '  <orx:meta><orx:instanceID>uuid:5b1f1d9e-8f0e-4f7a-9d6b-2d1c0a6e7f10</orx:instanceID>'
        '</orx:meta>\n'
        '  <camp>43.2567 76.9286 812.5 4.9</camp>\n  <route/>\n  <pasture/>\n'
        '  <route_m>0</route_m>\n  <pasture_m2>0</pasture_m2>\n  <sizes/>\n'
        '  <media><photo/><voice/><clip/><report/></media>\n'
        '</data>\n'
    ).encode()
    taken = device.submit(written, uri=f"/openrosa/t/{media_token}/submission")
    assert taken.status_code == 201, taken.get_data(as_text=True)
    with app.app_context():
        response = db.session.scalar(db.select(Response).where(
            Response.external_uuid == "uuid:5b1f1d9e-8f0e-4f7a-9d6b-2d1c0a6e7f10"))
        assert stored_answers(response.id)[("camp", 0)] == "43.2567 76.9286 812.5 4.9"

    # A one-response invitation takes one submission.
    _, _, first, _ = shipped_instance(app, seed=11)
    assert device.submit(first, uri=f"/openrosa/t/{invitation}/submission").status_code == 201
    _, _, second, _ = shipped_instance(app, seed=12)
    used = device.submit(second, uri=f"/openrosa/t/{invitation}/submission")
    assert used.status_code == 403
    with app.app_context():
        responses = db.session.scalars(db.select(Response).order_by(Response.id)).all()
        assert [r.source for r in responses] == ["openrosa"] * 3
        assert responses[2].invitation_id is not None


def test_the_secretariat_gives_collect_passwords_and_collection_links(app, client, world, auth):
    import re

    auth.login("admin")
    with app.app_context():
        from consult.accounts import find_user

        collector_id = find_user("collector@example.org").id
    page = client.get(f"/secretariat/users/{collector_id}").get_data(as_text=True)
    assert "Make a new ODK Collect password" in page
    shown = client.post(f"/secretariat/users/{collector_id}/collect-password",
                        data={"csrf_token": csrf_token(client, "/secretariat/")})
    assert shown.status_code == 200
    values = re.findall(r'readonly value="([^"]+)"', shown.get_data(as_text=True))
    server, username, password = values
    assert server == "http://localhost/openrosa" and username == "collector@example.org"
    assert Collect(client, username, password).get("/openrosa/formList").status_code == 200
    # the earlier password no longer works
    assert Collect(client, username, COLLECT_PASSWORD).get("/openrosa/formList").status_code == 401

    made = client.post("/secretariat/questionnaires/cami-gap-needs/collection-links",
                       data={"csrf_token": csrf_token(client, "/secretariat/"),
                             "name": "Rangers of Altyn-Emel"})
    assert made.status_code == 200
    (link,) = re.findall(r'readonly value="([^"]+)"', made.get_data(as_text=True))
    path = link.removeprefix("http://localhost")
    assert client.get(f"{path}/formList").status_code == 200
    questionnaire_page = client.get("/secretariat/questionnaires/cami-gap-needs/")
    assert "Rangers of Altyn-Emel" in questionnaire_page.get_data(as_text=True)
    link_id = re.search(r"collection-links/(\d+)/revoke", questionnaire_page.get_data(
        as_text=True)).group(1)
    client.post(f"/secretariat/questionnaires/cami-gap-needs/collection-links/{link_id}/revoke",
                data={"csrf_token": csrf_token(client, "/secretariat/")})
    assert client.get(f"{path}/formList").status_code == 404

"""Every route of the app, found from the URL map, requested as every kind of visitor.

The expected status of each endpoint for each role lives in one table, :data:`EXPECTED`;
a route added without an entry fails :func:`test_every_route_has_an_expectation`. URL
arguments come from a small world (an interview in KZ, a questionnaire with a response and
invitations, a finished analysis run, API tokens), so object-level scoping is checked too:
the MN facilitator gets 404 for the KZ interview and its history.

Runs on both databases through the parametrised ``app`` fixture: the whole matrix is one
test per database, because the world takes a moment to build and every role needs it.
"""

from __future__ import annotations

import base64
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from flask import Flask, url_for
from flask.testing import FlaskClient

from consult import media
from consult.accounts import create_user
from consult.accounts.tokens import create_token
from consult.extensions import db
from consult.interviews.service import InterviewData, NoteData, ParticipantData, create_interview
from consult.invitations import create_invitation
from consult.models import AnalysisRun, Mail, Mailing, User
from consult.openrosa.service import create_collector_token
from consult.questionnaires import ensure_shipped_questionnaire, import_form
from consult.runs.service import RunRequest, execute_run
from surveys.model import Question
from tests.conftest import CSRF_RE
from tests.consult.media_files import png
from tests.consult.test_questionnaires import small_form_xlsx
from tests.factories import make_response

PASSWORD = "correct horse battery staple"
SLUG = "small-survey"
ROLES = ("anonymous", "respondent", "collector", "facilitator_a", "facilitator_b", "admin")
#: A 302 to the login page: the visitor is not signed in.
LOGIN = "redirect:login"
#: A 302 back to the questionnaire's start page: this browser holds no draft of it.
START = "redirect:start"
#: A 302 to a page of the draft this browser is answering.
PAGE = "redirect:page"

_SECRETARIAT_REFUSED = {
    "anonymous": LOGIN,
    "respondent": LOGIN,
    "collector": LOGIN,
    "facilitator_a": 403,
    "facilitator_b": 403,
}
_STAFF_REFUSED = {"anonymous": LOGIN, "respondent": LOGIN, "collector": LOGIN}
_API_REFUSED = {"anonymous": 401, "respondent": 401, "collector": 401, "facilitator_a": 403}
_API_REFUSED |= {"facilitator_b": 403}
#: /openrosa with an account: only the collector's credentials (Basic, which the matrix's
#: app accepts over HTTP) open it; the others send no OpenRosa credentials.
_OPENROSA = {**dict.fromkeys(ROLES, 401), "collector": 200}
_EVERYONE = dict.fromkeys(ROLES, 200)

#: endpoint -> role -> expected status (or redirect target). Facilitator A works in KZ,
#: facilitator B in MN; the interview of the world is in KZ.
EXPECTED: dict[str, dict[str, int | str]] = {
    # JSON API: bearer tokens only; facilitators' tokens exist but do not open it.
    "api.index": _EVERYONE,
    "api.list_questionnaires": {**_API_REFUSED, "admin": 200},
    "api.get_questionnaire_json": {**_API_REFUSED, "admin": 200},
    "api.list_responses": {**_API_REFUSED, "admin": 200},
    "api.get_response_media": {**_API_REFUSED, "admin": 200},
    # Whole-questionnaire submissions need no account (as the respondent pages); a form post
    # instead of the JSON body is refused the same way for everyone.
    "api.submit_questionnaire": dict.fromkeys(ROLES, 400),
    # Sign in and out.
    "auth.login": {**_STAFF_REFUSED, "anonymous": 200, "respondent": 200, "collector": 200}
    | {"facilitator_a": 302, "facilitator_b": 302, "admin": 302},
    "auth.logout": {**_STAFF_REFUSED, "facilitator_a": 302, "facilitator_b": 302, "admin": 302},
    "auth.change_password": {**_STAFF_REFUSED, "facilitator_a": 200, "facilitator_b": 200}
    | {"admin": 200},
    # A password link that is not one (here: a resume token) opens nothing, for anyone.
    "auth.reset_password": dict.fromkeys(ROLES, 404),
    # Public pages.
    "main.index": _EVERYONE,
    "main.healthz": _EVERYONE,
    "main.favicon": _EVERYONE,
    # The service worker that keeps pages for offline use holds nothing of anyone's.
    "main.service_worker": _EVERYONE,
    # The range states' outlines the maps draw, respondents' pages included.
    "main.map_boundaries": _EVERYONE,
    # Respondents: the draft lives in the browser's session; the resume link is the key.
    "respond.start": _EVERYONE,
    "respond.page": {**dict.fromkeys(ROLES, START), "respondent": 200},
    "respond.save_page": {**dict.fromkeys(ROLES, START), "respondent": PAGE},
    "respond.resume_draft": dict.fromkeys(ROLES, PAGE),
    # The pages and conditions for walking the draft's questionnaire offline.
    "respond.offline_walk": {**dict.fromkeys(ROLES, START), "respondent": 200},
    "respond.thanks": dict.fromkeys(ROLES, START),
    # A draft's files: only to the browser answering it; to anyone else they look missing.
    "respond.media_file": {**dict.fromkeys(ROLES, 404), "respondent": 200},
    "respond.media_thumbnail": {**dict.fromkeys(ROLES, 404), "respondent": 200},
    # Facilitators: their countries only; another country's record looks missing.
    "interviews.index": {**_STAFF_REFUSED, "facilitator_a": 200, "facilitator_b": 200}
    | {"admin": 200},
    "interviews.new_interview": {**_STAFF_REFUSED, "facilitator_a": 200, "facilitator_b": 200}
    | {"admin": 200},
    "interviews.view_interview": {**_STAFF_REFUSED, "facilitator_a": 200, "facilitator_b": 404}
    | {"admin": 200},
    "interviews.edit_interview": {**_STAFF_REFUSED, "facilitator_a": 200, "facilitator_b": 404}
    | {"admin": 200},
    "interviews.download_template": {**_STAFF_REFUSED, "facilitator_a": 200}
    | {"facilitator_b": 200, "admin": 200},
    "interviews.import_interviews": {**_STAFF_REFUSED, "facilitator_a": 200}
    | {"facilitator_b": 200, "admin": 200},
    "interviews.export_interviews": {**_SECRETARIAT_REFUSED, "admin": 200},
    # Interviews recorded offline: GET gives the CSRF token their JSON POSTs need.
    "interviews.sync_interview": {**_STAFF_REFUSED, "facilitator_a": 200, "facilitator_b": 200}
    | {"admin": 200},
    # The secretariat.
    "secretariat.index": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.privacy": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.list_questionnaires": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.upload_questionnaire": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.show_questionnaire": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.download_questionnaire": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.toggle_public": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.preview_version": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.publish_questionnaire_version": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.show_translations": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.download_translation_workbook": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.list_invitations": {**_SECRETARIAT_REFUSED, "admin": 200},
    # E-mail: the matrix's app has no mail server, so queueing is refused with the reason
    # and sending says so (nothing sent, back to the mailing).
    "secretariat.compose_mail": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.queue_mail": {**_SECRETARIAT_REFUSED, "admin": 400},
    "secretariat.show_mailing": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.send_mailing": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.retry_mailing": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.create_invitation_view": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.import_invitations": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.download_invitation_links": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.download_invitations": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.revoke_invitation": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.reissue_invitation": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.list_responses": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.show_response": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.response_media": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.response_media_thumbnail": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.export_responses_view": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.import_responses_view": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.api_tokens": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.list_users": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.new_user": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.edit_user": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.set_user_active": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.unlock_user": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.reset_user_password": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.revoke_api_token": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.analysis_runs": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.analysis_run": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.analysis_run_status": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.restart_analysis_run": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.analysis_evidence": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.analysis_report": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.analysis_download": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.show_coding_queue": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.code_text": {**_SECRETARIAT_REFUSED, "admin": 200},
    # Location answers: the map page and its GeoJSON/KML exports.
    "secretariat.questionnaire_map": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.export_locations": {**_SECRETARIAT_REFUSED, "admin": 200},
    # ODK Collect: the collector's account, or a collection link for anyone holding it.
    "openrosa.form_list": _OPENROSA,
    "openrosa.download_form": _OPENROSA,
    "openrosa.manifest": _OPENROSA,
    # the small form reads no files
    "openrosa.media_file": {**_OPENROSA, "collector": 404},
    # a POST without the form's XML part
    "openrosa.submission": {**_OPENROSA, "collector": 400},
    "openrosa.token_form_list": _EVERYONE,
    "openrosa.token_download_form": _EVERYONE,
    "openrosa.token_manifest": _EVERYONE,
    "openrosa.token_media_file": dict.fromkeys(ROLES, 404),
    "openrosa.token_submission": dict.fromkeys(ROLES, 400),
    "secretariat.set_collect_password": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.remove_collect_password": {**_SECRETARIAT_REFUSED, "admin": 302},
    "secretariat.create_collection_link": {**_SECRETARIAT_REFUSED, "admin": 200},
    "secretariat.revoke_collection_link": {**_SECRETARIAT_REFUSED, "admin": 302},
}

#: Query strings some endpoints need to do their real work for the admin.
QUERY: dict[str, dict[str, str]] = {
    "secretariat.analysis_evidence": {"country": "KZ", "theme": "poaching"},
    "secretariat.export_responses_view": {"questionnaire": SLUG},
    "secretariat.download_translation_workbook": {"code": "kk"},
}
#: Outcomes that refuse the request: such a POST must leave every row as it was.
REFUSED = (LOGIN, 401, 403, 404)
#: Endpoints run after all the others, in this order: the resume link hands its draft to
#: whoever opens it, and signing out ends the session.
LAST = ("respond.resume_draft", "auth.logout")


@dataclass
class World:
    """Ids and secrets of the objects the routes are requested for."""

    users: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: an account the admin's account pages act on, so the visitors' own stay as they are
    spare_user_id: int = 0
    api_tokens: dict[str, str] = field(default_factory=dict)
    spare_token_id: int = 0
    interview_id: int = 0
    response_id: int = 0
    #: a photo answering a question of that response
    media_id: int = 0
    run_id: int = 0
    #: a text the run tagged, for the coding pages
    text_id: str = ""
    invitation_token: str = ""
    collector_token: str = ""
    #: a second collection link, which the admin withdraws
    link_id: int = 0
    version_id: int = 0
    revoke_invitation_id: int = 0
    reissue_invitation_id: int = 0
    mailing_id: int = 0
    slug: str = SLUG


def _interview_data(facilitator_id: int) -> InterviewData:
    return InterviewData(
        country="KZ",
        date=date(2026, 5, 4),
        format="group",
        language="kk",
        consent="oral",
        settlement="Zhaltyr",
        facilitator_ids=[facilitator_id],
        participants=[ParticipantData(name="Aigerim", group="community")],
        species=["saiga"],
        notes=[NoteData("poaching", "Saiga horns are sold at the border.")],
        threats={"poaching": "high"},
    )


#: Distinct free texts: identical ones would leave the clustering fewer points than clusters.
TEXTS = (
    "Poachers shoot saiga for horns and sell them across the border.",
    "New railway fences cut the migration route of the kulan herds.",
    "Herders bring too many sheep onto the spring pastures near the lakes.",
    "Rangers have no fuel for patrols in the winter months.",
    "Drought dried the wells and the gazelles left the valley.",
    "Mining roads bring trucks and hunters deep into the steppe.",
)


def _rated_run(admin: User) -> AnalysisRun:
    """A finished analysis run over a few KZ and MN ratings, with their free text."""
    version = ensure_shipped_questionnaire()
    for number in range(6):
        make_response(
            version,
            {
                "threats_present": "poaching",
                "poaching_scope": "high",
                "poaching_severity": "very_high" if number % 2 else "medium",
                "poaching_irreversibility": "high",
                "poaching_trend": "increasing",
                "main_threats_text": TEXTS[number],
            },
            country="KZ" if number % 2 else "MN",
            group=("government", "community")[number % 2],
        )
    run = AnalysisRun(parameters=vars(RunRequest(seed=1)), created_by_id=admin.id)
    db.session.add(run)
    db.session.commit()
    run = execute_run(run.id)
    assert run.status == "done"
    return run


def _photo(response_id: int) -> int:
    """A photo stored as the answer to an image question of the response."""
    stored = media.store(
        db.session,
        response_id=response_id,
        question=Question(name="photo", path="/data/photo", type="image"),
        filename="site.png",
        data=png(),
    )
    return stored.id


def build_world(app: Flask) -> World:
    """Accounts for every role, API tokens, a questionnaire with a response and invitations,
    an interview in KZ and a finished analysis run that tagged their texts."""
    world = World()
    # A run started by a request (the admin's restart) runs in it, not in a thread that would
    # write while the matrix compares tables.
    app.config["ANALYSIS_SYNC"] = True
    with app.app_context():
        accounts = {
            "admin": create_user("matrix-admin@example.org", PASSWORD, "admin"),
            "facilitator_a": create_user("matrix-kz@example.org", PASSWORD, "facilitator", ["KZ"]),
            "facilitator_b": create_user("matrix-mn@example.org", PASSWORD, "facilitator", ["MN"]),
        }
        spare = create_user("matrix-spare@example.org", PASSWORD, "facilitator", ["TJ"])
        collector = create_user("matrix-collector@example.org", PASSWORD, "collector", ["KZ"])
        db.session.flush()
        world.spare_user_id = spare.id
        for role, user in accounts.items():
            world.users[role] = (user.id, user.email)
            world.api_tokens[role] = create_token(user, "matrix")[1]
        world.spare_token_id = create_token(accounts["admin"], "spare")[0].id
        world.users["collector"] = (collector.id, collector.email)
        version = import_form(small_form_xlsx(), "small.xlsx")
        questionnaire = version.questionnaire
        world.slug = questionnaire.slug
        world.version_id = version.id
        world.collector_token = create_collector_token(questionnaire, "matrix", by=None)[1]
        world.link_id = create_collector_token(questionnaire, "spare", by=None)[0].id
        # A draft second version, for the preview and the publish button.
        import_form(small_form_xlsx(version="2"), "small-2.xlsx", publish=False)
        # A shared link: the respondent's browser then holds the draft's own resume token.
        world.invitation_token = create_invitation(
            questionnaire, name="Aigerim", multi_use=True
        ).token
        world.revoke_invitation_id = create_invitation(questionnaire, name="B").invitation.id
        world.reissue_invitation_id = create_invitation(questionnaire, name="C").invitation.id
        world.response_id = make_response(version, {"country": "KZ", "comment": "Fences."}).id
        mailing = Mailing(questionnaire=questionnaire, kind="invitation", messages={})
        db.session.add(mailing)
        db.session.flush()
        world.mailing_id = mailing.id
        # One mail waiting and one failed: the mailing page then offers both its buttons.
        for status in ("pending", "failed"):
            db.session.add(
                Mail(
                    mailing_id=mailing.id,
                    kind="invitation",
                    recipient=f"{status}@example.org",
                    recipient_hash=status * 8,
                    status=status,
                )
            )
        world.media_id = _photo(world.response_id)
        interview = create_interview(
            _interview_data(accounts["facilitator_a"].id), accounts["facilitator_a"]
        )
        world.interview_id = interview.id
        db.session.commit()
        run = _rated_run(accounts["admin"])
        world.run_id = run.id
        world.text_id = run.results["tables"]["tagged_texts"][0]["id"]
    return world


def token_of(client: FlaskClient, url: str) -> str:
    """The CSRF token of the client's session, from a page that has one."""
    match = CSRF_RE.search(client.get(url).get_data(as_text=True))
    assert match, f"no csrf_token on {url}"
    return match.group(1)


@dataclass
class Visitor:
    """A browser of one role: its client, the headers it sends and its CSRF token."""

    role: str
    client: FlaskClient
    headers: dict[str, str] = field(default_factory=dict)
    csrf: str = ""
    page_key: str = ""
    resume_token: str = ""
    #: a photo of the respondent's draft
    media_id: int = 0


def visitors(app: Flask, world: World) -> dict[str, Visitor]:
    """A signed-in browser per account role, an anonymous one, and a respondent who opened
    the invitation link and started answering (so holds a draft and its resume token)."""
    result = {}
    # Collect's Basic authentication over the test client's plain HTTP.
    app.config["OPENROSA_ALLOW_BASIC_OVER_HTTP"] = True
    for role in ROLES:
        visitor = Visitor(role, app.test_client())
        if role == "collector":
            # A collector has no session (signing in is refused): only its credentials.
            secret = base64.b64encode(f"{world.users[role][1]}:{PASSWORD}".encode()).decode()
            visitor.headers["Authorization"] = f"Basic {secret}"
            visitor.csrf = token_of(visitor.client, "/auth/login")
        elif role in world.users:
            visitor.headers["Authorization"] = f"Bearer {world.api_tokens[role]}"
            login = visitor.client.post(
                "/auth/login",
                data={
                    "email": world.users[role][1],
                    "password": PASSWORD,
                    "csrf_token": token_of(visitor.client, "/auth/login"),
                },
            )
            assert login.status_code == 302, login.get_data(as_text=True)[:300]
            visitor.csrf = token_of(visitor.client, "/")
        elif role == "respondent":
            start = f"/s/{world.slug}?t={world.invitation_token}"
            visitor.csrf = token_of(visitor.client, start)
            started = visitor.client.post(
                f"/s/{world.slug}",
                data={"csrf_token": visitor.csrf, "t": world.invitation_token, "language": "en"},
            )
            assert started.status_code == 302, started.get_data(as_text=True)[:300]
            visitor.page_key = started.location.split("/p/", 1)[1]
            with visitor.client.session_transaction() as session:
                visitor.resume_token = session["respond.drafts"][world.slug]["token"]
                draft_id = session["respond.drafts"][world.slug]["id"]
            with app.app_context():
                visitor.media_id = _photo(draft_id)
                db.session.commit()
        else:
            visitor.csrf = token_of(visitor.client, "/auth/login")
        result[role] = visitor
    return result


def url_arguments(endpoint: str, world: World, respondent: Visitor) -> dict[str, object]:
    """Values for the endpoint's URL variables, taken from the world."""
    invitation = {
        "secretariat.revoke_invitation": world.revoke_invitation_id,
        "secretariat.reissue_invitation": world.reissue_invitation_id,
    }.get(endpoint, world.reissue_invitation_id)
    fmt = {"secretariat.analysis_download": "xlsx", "secretariat.export_locations": "kml"}.get(
        endpoint, "csv"
    )
    return {
        "slug": world.slug,
        "interview_id": world.interview_id,
        "response_id": world.response_id,
        "run_id": world.run_id,
        "text_id": world.text_id,
        "token_id": world.spare_token_id,
        "user_id": world.spare_user_id,
        "invitation_id": invitation,
        "key": respondent.page_key,
        "token": (
            world.collector_token if endpoint.startswith("openrosa.") else respondent.resume_token
        ),
        "version_id": world.version_id,
        "link_id": world.link_id,
        "filename": "villages.csv",
        "media_id": respondent.media_id if endpoint.startswith("respond.") else world.media_id,
        "fmt": fmt,
        "number": 2,
        "mailing_id": world.mailing_id,
    }


def post_data(endpoint: str, visitor: Visitor, world: World) -> dict[str, object]:
    """A valid form for a POST-only endpoint, as its page would send it."""
    data: dict[str, object] = {"csrf_token": visitor.csrf}
    if endpoint == "secretariat.upload_questionnaire":
        data["file"] = (io.BytesIO(small_form_xlsx(form_id="matrix_upload")), "matrix.xlsx")
    elif endpoint == "secretariat.create_invitation_view":
        data = {"one-csrf_token": visitor.csrf, "one-name": "Bolat", "one-country": "KZ"}
        data |= {"one-group": "ngo", "one-language": "ru"}
    elif endpoint == "secretariat.import_invitations":
        rows = io.StringIO()
        csv.writer(rows).writerows([["name", "email", "country"], ["Dana", "", "KZ"]])
        data = {"csv-csrf_token": visitor.csrf}
        data["csv-file"] = (io.BytesIO(rows.getvalue().encode()), "invitations.csv")
    elif endpoint == "secretariat.toggle_public":
        data["public"] = "y"
    elif endpoint == "secretariat.publish_questionnaire_version":
        data["confirm"] = "y"
    elif endpoint == "interviews.export_interviews":
        data["format"] = "xlsx"
    elif endpoint == "secretariat.set_user_active":
        data["active"] = "1"
    elif endpoint == "respond.save_page":
        data |= {"action": "save", "comment": "Still answering."}
    return data


def _path(location: str) -> str:
    return urlsplit(location).path


def outcome(response, world: World) -> int | str:
    """The status, or for a redirect to a known place that place's name."""
    if response.status_code != 302:
        return response.status_code
    path = _path(response.location)
    if path == "/auth/login":
        return LOGIN
    if path == f"/s/{world.slug}":
        return START
    if path.startswith(f"/s/{world.slug}/p/"):
        return PAGE
    return 302


def request_route(app: Flask, visitor: Visitor, endpoint: str, world: World, respondent):
    """Request ``endpoint`` as ``visitor``: GET when the rule allows it, else POST."""
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    arguments = url_arguments(endpoint, world, respondent)
    with app.test_request_context():
        url = url_for(
            endpoint,
            **{name: arguments[name] for name in rule.arguments},
            **QUERY.get(endpoint, {}),
        )
    if "GET" in rule.methods:
        return visitor.client.get(url, headers=visitor.headers)
    return visitor.client.post(
        url, data=post_data(endpoint, visitor, world), headers=visitor.headers
    )


def ordered_endpoints(app: Flask) -> Iterator[str]:
    """Every endpoint but static, the ones that end a session last."""
    endpoints = sorted({rule.endpoint for rule in app.url_map.iter_rules()} - {"static"})
    yield from (e for e in endpoints if e not in LAST)
    yield from LAST


def test_every_route_has_an_expectation(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints == set(EXPECTED), (
        f"routes without an expectation: {sorted(endpoints - set(EXPECTED))}; "
        f"expectations without a route: {sorted(set(EXPECTED) - endpoints)}"
    )
    assert all(set(row) == set(ROLES) for row in EXPECTED.values())


def test_every_route_answers_every_role_as_the_table_says(app):
    world = build_world(app)
    browsers = visitors(app, world)
    respondent = browsers["respondent"]
    posted = {r.endpoint for r in app.url_map.iter_rules() if "GET" not in r.methods}
    wrong = []
    for endpoint in ordered_endpoints(app):
        # The admin goes last: its POSTs change what the others would see.
        for role in ROLES:
            refused = EXPECTED[endpoint][role] in REFUSED
            before = snapshot(app) if refused and endpoint in posted else None
            response = request_route(app, browsers[role], endpoint, world, respondent)
            got = outcome(response, world)
            if before is not None and snapshot(app) != before:
                wrong.append(f"{endpoint} as {role}: refused, yet rows changed")
            if got != EXPECTED[endpoint][role]:
                body = re.sub(r"\s+", " ", response.get_data(as_text=True))[:160]
                wrong.append(f"{endpoint} as {role}: {got}, not {EXPECTED[endpoint][role]} {body}")
    assert not wrong, "\n".join(wrong)


def snapshot(app: Flask) -> dict[str, list[tuple]]:
    """Every row of every table but the audit log, in primary-key order."""
    with app.app_context():
        return {
            table.name: [
                tuple(row)
                for row in db.session.execute(db.select(table).order_by(*table.primary_key.columns))
            ]
            for table in db.metadata.sorted_tables
            if table.name != "audit_events"
        }

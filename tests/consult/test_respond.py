"""The stakeholders' answering path at /s/<slug>, through the test client on both databases."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest

from consult.extensions import db
from consult.models import Answer, AuditEvent, Invitation, Questionnaire, Response, utcnow

SLUG = "cami-gap-needs"
PAGE_RE = re.compile(r"/s/[^/]+/p/(.+?)(?:\?|$)")
HIDDEN_RE = r'name="{}" value="([^"]*)"'

#: A complete set of answers to the shipped questionnaire, as form fields.
ANSWERS = {
    "consent": "yes",
    "country": "KZ",
    "stakeholder_group": "ngo",
    "org_type": "ngo_national",
    "role": "Ranger",
    "years_experience": "12",
    "target_1": "saiga",
    "target_2": "argali",
    "t1_threats": ["poaching", "climate"],
    "t1_poaching_scope": "high",
    "t1_poaching_severity": "very_high",
    "t1_poaching_irreversibility": "medium",
    "t1_poaching_trend": "increasing",
    "t1_climate_scope": "medium",
    "t1_climate_severity": "high",
    "t1_climate_irreversibility": "high",
    "t1_climate_trend": "stable",
    "t2_threats": ["none"],
    "gap_enforcement": "inadequate",
    "gap_funding": "very_inadequate",
    "gap_community": "partly_adequate",
    "gap_monitoring": "adequate",
    "gap_cooperation": "dont_know",
    "gap_most_needed": "Fuel and vehicles for the patrols.",
    "measures_in_place": ["anti_poaching", "monitoring"],
    "eff_anti_poaching": "effective",
    "eff_monitoring": "less",
    "needs_rank": ["funding", "capacity", "enforcement", "data", "legislation", "cooperation"],
    "most_needed_text": "More rangers on the steppe in spring.",
    "tb_partner_countries": ["RU", "UZ"],
    "cooperation_blocks_text": "Different reporting rules.",
    "_n.stakeholder_rep": "1",
    "sh_name[1]": "District hunting inspection",
    "sh_group[1]": "government",
    "sh_influence[1]": "high",
    "sh_interest[1]": "medium",
    "main_threats_text": "Poaching for horns during the calving season.",
    "anything_else_text": "",
}


@pytest.fixture
def survey(app):
    """The shipped questionnaire, imported."""
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    return SLUG


def hidden(html: str, name: str) -> str:
    match = re.search(HIDDEN_RE.format(re.escape(name)), html)
    assert match, f"no hidden field {name}"
    return unescape(match.group(1))


def page_key(url: str) -> str:
    match = PAGE_RE.search(url)
    assert match, url
    return match.group(1)


class Respondent:
    """A stakeholder clicking through the pages with JavaScript off."""

    def __init__(self, client, slug: str = SLUG):
        self.client = client
        self.slug = slug
        self.url = ""
        self.html = ""

    def start(self, language: str = "en", token: str | None = None, ui: str | None = None):
        query = "&".join(
            part for part in (f"t={token}" if token else "", f"lang={ui}" if ui else "") if part
        )
        response = self.client.get(f"/s/{self.slug}" + (f"?{query}" if query else ""))
        assert response.status_code == 200, response.status_code
        data = {
            "csrf_token": hidden(response.get_data(as_text=True), "csrf_token"),
            "language": language,
        }
        if token:
            data["t"] = token
        response = self.client.post(f"/s/{self.slug}", data=data)
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        return self.open(response.location)

    def open(self, url: str):
        response = self.client.get(url)
        while response.status_code == 302 and "/p/" in response.location:
            url = response.location
            response = self.client.get(url)
        self.url, self.html = url, response.get_data(as_text=True)
        return response

    @property
    def key(self) -> str:
        return page_key(self.url)

    def post(self, answers: dict, action: str = "next"):
        data = dict(answers)
        data.update(
            csrf_token=hidden(self.html, "csrf_token"),
            client_id=hidden(self.html, "client_id"),
            shown=hidden(self.html, "shown"),
            action=action,
        )
        response = self.client.post(self.url, data=data)
        if response.status_code == 302 and "/p/" in response.location:
            self.open(response.location)
        elif response.status_code == 200:
            self.html = response.get_data(as_text=True)
        return response

    def walk(self, answers: dict, *, until: str | None = None) -> list[str]:
        """Answer page after page; returns the keys of the pages seen. Stops before page
        ``until`` or after the submission."""
        seen = []
        for _ in range(40):
            if until is not None and self.key == until:
                return seen
            seen.append(self.key)
            response = self.post(answers)
            if response.status_code == 200:
                # Answers on the page brought up more of it: post it again, as a person would.
                response = self.post(answers)
            assert response.status_code == 302, errors(self.html)
            if "/thanks" in response.location:
                self.html = self.client.get(response.location).get_data(as_text=True)
                return seen
        raise AssertionError("the questionnaire never ended")


def draft_at(app, key: str, answers: dict = ANSWERS, language: str = "en") -> str:
    """A draft answered page by page up to page ``key`` through the service functions (as
    the pages do), and the path of its resume link."""
    from werkzeug.datastructures import MultiDict

    from consult import responses
    from consult.questionnaires import get_questionnaire, load_version_form
    from consult.respond.forms import read_page
    from surveys import pages as form_pages

    data = MultiDict(
        [(k, v) for k, vs in answers.items() for v in (vs if isinstance(vs, list) else [vs])]
    )
    with app.app_context():
        version = get_questionnaire(SLUG).current_version
        form = load_version_form(version)
        response, token = responses.start_response(version, form, language)
        order = [page.key for page in form_pages.pages(form)]
        values = responses.load_values(response, form)
        page = form_pages.visible_pages(form, values)[0]
        while page.key != key:
            posted = read_page(form, page, data)
            result = responses.check_page(form, page, values, posted, language)
            assert not result.errors, result.errors
            values = result.values
            following = next(
                p
                for p in form_pages.visible_pages(form, values)
                if order.index(p.key) > order.index(page.key)
            )
            responses.save_page(response, form, page, values, following.key)
            page = following
        db.session.commit()
    return f"/s/{SLUG}/resume/{token}"


def errors(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'class="error"[^>]*>([^<]+)<', html)]


def stored(app, reference: str | None = None) -> dict[tuple[str, int], str]:
    with app.app_context():
        response = db.session.scalar(db.select(Response).order_by(Response.id.desc()))
        rows = db.session.scalars(db.select(Answer).where(Answer.response_id == response.id))
        return {(row.question, row.instance): row.value for row in rows}


def latest(app) -> Response:
    with app.app_context():
        response = db.session.scalar(db.select(Response).order_by(Response.id.desc()))
        db.session.expunge(response)
        return response


def test_respondent_answers_every_page_and_submits(app, client, survey):
    person = Respondent(client)
    person.start("en")
    assert person.key == "welcome"
    seen = person.walk(ANSWERS)
    assert seen == [
        "welcome",
        "profile",
        "threats",
        "threats/species_1",
        "threats/species_2",
        "gaps",
        "measures",
        "measures/measure_effectiveness",
        "needs",
        "transboundary",
        "stakeholders",
        "open",
    ]
    response = latest(app)
    assert response.status == "submitted"
    assert response.submitted_at is not None
    assert (response.country_code, response.group_code) == ("KZ", "ngo")
    assert re.fullmatch(r"CAMI-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", response.reference)
    assert response.reference in person.html
    answers = stored(app)
    assert answers[("t1_poaching_severity", 0)] == "very_high"
    assert answers[("t2_threats", 0)] == "none"
    assert answers[("gap_funding", 0)] == "very_inadequate"
    assert answers[("needs_rank", 0)] == "funding capacity enforcement data legislation cooperation"
    assert answers[("sh_name", 1)] == "District hunting inspection"
    assert answers[("species", 0)] == "saiga argali"
    assert answers[("t1_name", 0)] == "Saiga"
    assert answers[("calc_n_threats", 0)] == "2"
    assert ("t1_livestock_scope", 0) not in answers and ("target_3", 0) not in answers
    with app.app_context():
        events = db.session.scalars(
            db.select(AuditEvent).where(
                AuditEvent.action == "response.submit", AuditEvent.object_id == str(response.id)
            )
        ).all()
        assert len(events) == 1 and events[0].user_id is None


def test_progress_shows_section_number_and_total(app, client, survey):
    from consult.questionnaires import load_version_form
    from consult.responses import load_values
    from surveys.pages import planned_pages
    from surveys.validation import visibility

    person = Respondent(client)
    person.start("en")
    seen = person.walk(ANSWERS, until="threats/species_1")
    with app.app_context():
        draft = db.session.scalar(db.select(Response))
        form = load_version_form(draft.version)
        values = load_values(draft, form)
        planned = [page.key for page in planned_pages(form, values, visibility(form, values))]
    # welcome, profile, species named, the first species' page, then more that may apply
    assert planned[:4] == [*seen, "threats/species_1"]
    total = len(planned)
    assert f"Section 4 of {total}" in person.html
    assert f'<progress max="{total}" value="4"' in person.html
    # The total counts every page still to come.
    rest = person.walk(ANSWERS)
    assert set(rest) <= set(planned) and len(seen) + len(rest) <= total


def test_unselected_threat_and_species_are_skipped_and_their_answers_not_stored(
    app, client, survey
):
    person = Respondent(client)
    person.start("en")
    both = dict(ANSWERS, t1_threats=["poaching", "livestock"])
    both.update(
        t1_livestock_scope="high",
        t1_livestock_severity="high",
        t1_livestock_irreversibility="low",
        t1_livestock_trend="increasing",
    )
    person.walk(both, until="gaps")
    assert stored(app)[("t1_livestock_scope", 0)] == "high"
    for _ in range(3):
        person.post({}, action="back")
    assert person.key == "threats"
    seen = person.walk(dict(ANSWERS, target_2="", t1_threats=["poaching"]))
    assert "threats/species_2" not in seen
    answers = stored(app)
    assert latest(app).status == "submitted"
    assert not any(name.startswith(("t1_livestock_", "t1_climate_", "t2_")) for name, _ in answers)
    assert answers[("t1_poaching_scope", 0)] == "high"
    assert answers[("species", 0)] == "saiga"


def test_required_and_constraint_messages_come_in_russian(client, survey):
    person = Respondent(client)
    person.start("ru")
    person.walk(ANSWERS, until="profile")
    response = person.post(dict(ANSWERS, country="", years_experience="100"))
    assert response.status_code == 200
    messages = errors(person.html)
    assert "Это обязательный вопрос." in messages
    assert "Введите число лет от 0 до 70." in messages
    assert person.key == "profile"
    assert 'lang="ru"' in person.html


def test_every_page_saves_a_draft(app, client, survey):
    person = Respondent(client)
    person.start("en")
    person.walk(ANSWERS, until="threats")
    response = latest(app)
    assert response.status == "draft"
    assert response.current_section == "threats"
    answers = stored(app)
    assert answers[("country", 0)] == "KZ"
    assert answers[("years_experience", 0)] == "12"
    # Going back saves too: the page is replaced, not added to.
    person.post(ANSWERS, action="back")
    assert person.key == "profile"
    person.post(dict(ANSWERS, years_experience="13", role=""), action="back")
    assert person.key == "welcome"
    answers = stored(app)
    assert answers[("years_experience", 0)] == "13"
    assert ("role", 0) not in answers
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 1


def test_resume_link_restores_draft_answers(app, client, survey):
    person = Respondent(client)
    person.start("ru")
    person.walk(ANSWERS, until="threats")
    link = re.search(r'class="resume-link" href="([^"]+)"', person.html).group(1)
    assert link.startswith("http://localhost/s/cami-gap-needs/resume/")
    with app.app_context():
        token = link.rsplit("/", 1)[1]
        assert token not in {r.resume_token_hash for r in db.session.scalars(db.select(Response))}

    other = Respondent(app.test_client())
    other.open(link.removeprefix("http://localhost"))
    assert other.key == "threats"
    assert 'lang="ru"' in other.html
    other.post({}, action="back")
    assert other.key == "profile"
    assert re.search(r'value="KZ"\s+checked', other.html)
    assert 'value="12"' in other.html
    other.walk(ANSWERS)
    assert latest(app).status == "submitted"


def test_submitting_twice_with_the_same_client_id_stores_one_response(app, client, survey):
    person = Respondent(client)
    person.open(draft_at(app, "open"))
    data = dict(ANSWERS)
    data.update(
        csrf_token=hidden(person.html, "csrf_token"),
        client_id=hidden(person.html, "client_id"),
        shown=hidden(person.html, "shown"),
        action="submit",
    )
    first = client.post(person.url, data=data)
    assert first.status_code == 302 and first.location.endswith("/thanks")
    reference = latest(app).reference
    again = client.post(person.url, data=data)
    assert again.status_code == 302 and again.location.endswith("/thanks")
    assert reference in client.get(again.location).get_data(as_text=True)
    # The same retry from a browser that lost its cookies still finds the response.
    stranger = app.test_client()
    token = hidden(stranger.get(f"/s/{SLUG}").get_data(as_text=True), "csrf_token")
    retry = stranger.post(person.url, data=dict(data, csrf_token=token))
    assert retry.status_code == 302 and retry.location.endswith("/thanks")
    assert reference in stranger.get(retry.location).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 1
        assert latest(app).client_submission_id == data["client_id"]


def test_submit_with_an_unanswered_required_page_goes_back_to_it(app, client, survey):
    person = Respondent(client)
    person.open(draft_at(app, "needs"))
    # Skip "needs" by going straight to the last page, then submit.
    person.open(person.url.replace("/p/needs", "/p/open"))
    response = person.post(ANSWERS, action="submit")
    assert response.status_code == 302
    assert person.key == "needs"
    assert "This question needs an answer." in errors(person.html)
    assert latest(app).status == "draft"


def _invite(app, **fields) -> str:
    from consult import invitations

    with app.app_context():
        questionnaire = db.session.scalar(
            db.select(Questionnaire).where(Questionnaire.slug == SLUG)
        )
        created = invitations.create_invitation(questionnaire, **fields)
        db.session.commit()
        return created.token


def test_invitation_prefills_profile_and_links_the_response(app, client, survey):
    token = _invite(app, country="MN", group="community", language="mn")
    page = client.get(f"/s/{SLUG}?t={token}").get_data(as_text=True)
    assert re.search(r'value="mn"\s+checked', page)
    with app.app_context():
        assert db.session.scalar(db.select(Invitation)).opened_at is not None
    person = Respondent(client)
    person.start("mn", token=token)
    person.post({"consent": "yes"})
    assert person.key == "profile"
    # The invitation's country and group are shown, not asked: no choice to change them.
    assert person.html.count('class="fixed-answer"') == 2
    assert not re.search(r'type="radio"[^>]*name="country"', person.html)
    assert not re.search(r'type="radio"[^>]*name="stakeholder_group"', person.html)
    answers = dict(ANSWERS)
    # A country and group posted anyway (a crafted request) are replaced by the invitation's.
    answers.update(country="RU", stakeholder_group="government")
    person.walk(answers)
    response = latest(app)
    assert response.status == "submitted"
    assert response.invitation_id is not None
    assert (response.country_code, response.group_code, response.language) == (
        "MN",
        "community",
        "mn",
    )


def test_invitation_links_that_no_longer_work_say_why(app, client, survey):
    from consult import invitations

    expired = _invite(app, expires_at=utcnow() + timedelta(days=1))
    revoked = _invite(app)
    with app.app_context():
        for invitation in db.session.scalars(db.select(Invitation)):
            if invitation.expires_at is not None:
                invitation.expires_at = utcnow() - timedelta(days=1)
            else:
                invitations.revoke(invitation)
        db.session.commit()
    response = client.get(f"/s/{SLUG}?t={expired}")
    assert response.status_code == 410
    assert "expired" in response.get_data(as_text=True)
    response = client.get(f"/s/{SLUG}?t={revoked}")
    assert response.status_code == 403
    assert "withdrawn" in response.get_data(as_text=True)
    response = client.get(f"/s/{SLUG}?t=made-up")
    assert response.status_code == 404
    assert "not valid" in response.get_data(as_text=True)
    # Posting the start form with a dead token starts nothing either.
    token_page = client.get(f"/s/{SLUG}").get_data(as_text=True)
    posted = client.post(
        f"/s/{SLUG}", data={"csrf_token": hidden(token_page, "csrf_token"), "t": revoked}
    )
    assert posted.status_code == 403
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response)) == 0


def test_closed_questionnaire_needs_an_invitation(app, client, survey):
    with app.app_context():
        questionnaire = db.session.scalar(
            db.select(Questionnaire).where(Questionnaire.slug == SLUG)
        )
        questionnaire.public = False
        db.session.commit()
    response = client.get(f"/s/{SLUG}")
    assert response.status_code == 404
    assert "invitation" in response.get_data(as_text=True)
    token = _invite(app)
    assert client.get(f"/s/{SLUG}?t={token}").status_code == 200


def test_unknown_questionnaire_and_resume_link_are_friendly_404s(client, survey):
    assert client.get("/s/no-such-form").status_code == 404
    response = client.get(f"/s/{SLUG}/resume/not-a-token")
    assert response.status_code == 404
    assert "not valid" in response.get_data(as_text=True)


def test_concurrent_submits_of_one_draft_store_it_once(app, client, survey):
    from concurrent.futures import ThreadPoolExecutor

    person = Respondent(client)
    person.open(draft_at(app, "open"))
    cookie = client.get_cookie("session")
    base = dict(ANSWERS)
    base.update(
        csrf_token=hidden(person.html, "csrf_token"),
        shown=hidden(person.html, "shown"),
        action="submit",
    )
    # Two tabs (two client ids) and retries of each, all at once.
    client_ids = [hidden(person.html, "client_id"), "b" * 32] * 3

    def submit(client_id: str):
        browser = app.test_client()
        browser.set_cookie("session", cookie.value)
        return browser.post(person.url, data=dict(base, client_id=client_id))

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(submit, client_ids))
    assert [r.status_code for r in results] == [302] * 6
    assert all(r.location.endswith("/thanks") for r in results)
    with app.app_context():
        responses = db.session.scalars(db.select(Response)).all()
        assert [r.status for r in responses] == ["submitted"]
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "response.submit")
        ).all()
        assert len(events) == 1
    assert stored(app)[("t1_poaching_scope", 0)] == "high"

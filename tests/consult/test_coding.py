"""Human review of the machine's theme tags at /secretariat/coding, on both databases."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from markupsafe import escape

from consult.extensions import db
from consult.models import AnalysisRun, AuditEvent, Coding, User, utcnow
from tests.conftest import csrf_token
from tests.factories import make_response, make_version

#: (country, language, text, machine themes, machine confidence) of the survey texts.
TEXTS = [
    ("KZ", "en", "Poachers shoot saiga for horns and sell them at the border.", "poaching", 0.9),
    ("KZ", "ru", "Заборы вдоль железной дороги мешают миграции.", "infrastructure", 0.4),
    ("MN", "en", "Too many goats on the spring pastures.", "livestock;climate", 0.6),
    ("MN", "mn", "Ган гачиг олон жил үргэлжилж байна.", "", 0.0),
    ("KZ", "en", "Rangers have no fuel for the winter patrols.", "governance", 0.5),
]


def _get_text(client, text_id: str, **args):
    return client.get(f"/secretariat/coding/texts/{text_id}", query_string=args)


def _post_text(client, text_id: str, data: dict, **args):
    token = csrf_token(client, f"/secretariat/coding/texts/{text_id}")
    return client.post(
        f"/secretariat/coding/texts/{text_id}",
        data={"csrf_token": token, **data},
        query_string=args,
    )


def _queue_ids(html: str) -> list[str]:
    return re.findall(r'<tr data-text-id="([^"]+)"', html)


def _checked(html: str) -> list[str]:
    """The themes ticked on a coding page."""
    boxes = re.findall(r'<input[^>]*name="themes"[^>]*>', html)
    return [re.search(r'value="([^"]+)"', box).group(1) for box in boxes if "checked" in box]


def _fake_run(tagged: list[dict], finished_minutes_ago: int = 0) -> int:
    """A finished run whose tagged texts are ``tagged`` (the machine's tags, written by
    hand so the order and themes are known)."""
    run = AnalysisRun(
        parameters={"seed": 0},
        status="done",
        finished_at=utcnow() - timedelta(minutes=finished_minutes_ago),
        results={"tables": {"tagged_texts": tagged}, "run": {}},
    )
    db.session.add(run)
    db.session.flush()
    return run.id


@pytest.fixture
def texts(app):
    """Five free-text answers in KZ and MN and a machine run that tagged them; returns
    their text ids in the order of TEXTS."""
    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        ids = []
        for country, lang, text, _themes, _confidence in TEXTS:
            response = make_response(
                version, {"main_threats_text": text}, country=country, language=lang
            )
            ids.append(f"survey:{response.id}:main_threats_text")
        _fake_run(
            [
                {"id": text_id, "themes": themes, "theme": themes.split(";")[0],
                 "confidence": confidence, "evidence": f"{themes}: words" if themes else ""}
                for text_id, (_c, _l, _t, themes, confidence) in zip(ids, TEXTS, strict=True)
            ]
        )
        db.session.commit()
    return ids


def _codings(app, role: str = "first") -> dict[str, Coding]:
    with app.app_context():
        rows = db.session.scalars(db.select(Coding).where(Coding.role == role)).all()
        return {row.text_id: row for row in rows}


def test_the_queue_lists_texts_least_certain_first_with_the_machines_themes(
    app, texts, client, auth
):
    auth.login("admin")
    html = client.get("/secretariat/coding/").get_data(as_text=True)
    # confidences 0.9, 0.4, 0.6, 0.0, 0.5 -> 0.0, 0.4, 0.5, 0.6, 0.9
    assert _queue_ids(html) == [texts[3], texts[1], texts[4], texts[2], texts[0]]
    assert "Livestock" in html and "Climate" in html
    assert 'id="agreement"' in html


def test_machine_tags_come_from_the_newest_run_that_tagged_each_text(app, texts, client, auth):
    with app.app_context():
        # A newer run, limited to one text, names another theme for it.
        _fake_run([{"id": texts[0], "themes": "community", "confidence": 0.1}], -1)
        db.session.commit()
    auth.login("admin")
    page = _get_text(client, texts[0]).get_data(as_text=True)
    machine = page.split('id="machine-themes"', 1)[1].split("</p>", 1)[0]
    assert "Communities" in machine and "Poaching" not in machine
    other = _get_text(client, texts[2]).get_data(as_text=True)
    assert "Livestock" in other.split('id="machine-themes"', 1)[1].split("</p>", 1)[0]


def test_confirming_keeps_the_machines_themes_and_is_audited(app, texts, client, auth):
    user_id = auth.login("admin")
    response = _post_text(client, texts[2], {"confirm": "Confirm"})
    assert response.status_code == 302
    coding = _codings(app)[texts[2]]
    assert coding.themes == ["livestock", "climate"]
    assert coding.machine_themes == ["livestock", "climate"]
    assert coding.machine_confidence == pytest.approx(0.6)
    assert coding.coder_id == user_id and coding.country_code == "MN"
    assert coding.language == "en"
    with app.app_context():
        event = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "coding.save")
        ).one()
        assert event.user_id == user_id and event.object_id == str(coding.id)
        assert event.details["decision"] == "confirm"
        assert event.details["text_id"] == texts[2]
        assert event.details["previous"] is None


def test_correcting_adds_and_removes_themes_and_the_page_shows_the_history(
    app, texts, client, auth
):
    auth.login("admin")
    page = _get_text(client, texts[2]).get_data(as_text=True)
    # The boxes start at the machine's themes.
    assert _checked(page) == ["livestock", "climate"]
    response = _post_text(client, texts[2], {"themes": ["livestock", "community"], "save": "y"})
    assert response.status_code == 302
    assert _codings(app)[texts[2]].themes == ["livestock", "community"]
    response = _post_text(client, texts[2], {"themes": ["poaching"], "save": "y"})
    assert _codings(app)[texts[2]].themes == ["poaching"]
    with app.app_context():
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "coding.save").order_by(AuditEvent.id)
        ).all()
        assert [e.details["decision"] for e in events] == ["correct", "correct"]
        assert events[1].details["previous"] == ["livestock", "community"]
    page = _get_text(client, texts[2]).get_data(as_text=True)
    assert len(re.findall(r"<li>", page.split('id="coding-history"', 1)[1].split("</ul>")[0])) == 2


def test_no_theme_is_a_decision_and_saving_nothing_ticked_is_refused(app, texts, client, auth):
    auth.login("admin")
    refused = _post_text(client, texts[0], {"save": "y"})
    assert refused.status_code == 200
    assert 'class="error"' in refused.get_data(as_text=True)
    assert texts[0] not in _codings(app)
    response = _post_text(client, texts[0], {"themes": ["poaching"], "no_theme": "y"})
    assert response.status_code == 302
    coding = _codings(app)[texts[0]]
    assert coding.themes == [] and coding.machine_themes == ["poaching"]
    with app.app_context():
        event = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "coding.save")
        ).one()
        assert event.details["decision"] == "no_theme"


def test_saving_opens_the_next_text_to_code_and_the_page_links_its_neighbours(
    app, texts, client, auth
):
    auth.login("admin")
    # Queue order: 3, 1, 4, 2, 0. Coding 1 goes on to 4.
    response = _post_text(client, texts[1], {"confirm": "y"})
    assert response.location.endswith(f"/secretariat/coding/texts/{texts[4]}")
    page = _get_text(client, texts[4]).get_data(as_text=True)
    # To code: 3, (1 is coded now), 4, 2, 0 -> before 4 comes 3, after it 2.
    previous = page.split('id="previous-text"')[1][:200]
    following = page.split('id="next-text"')[1][:200]
    assert f'href="/secretariat/coding/texts/{texts[3]}"' in previous
    assert f'href="/secretariat/coding/texts/{texts[2]}"' in following
    # The last text of the queue goes back to the queue.
    response = _post_text(client, texts[0], {"confirm": "y"})
    assert response.location.endswith("/secretariat/coding/")
    html = client.get("/secretariat/coding/").get_data(as_text=True)
    assert texts[1] not in _queue_ids(html) and texts[0] not in _queue_ids(html)
    coded = client.get("/secretariat/coding/?status=coded").get_data(as_text=True)
    assert _queue_ids(coded) == [texts[1], texts[0]]


def test_the_queue_filters_by_country_language_and_theme(app, texts, client, auth):
    auth.login("admin")

    def ids(**args):
        page = client.get("/secretariat/coding/", query_string=args)
        return _queue_ids(page.get_data(as_text=True))

    assert ids(country="MN") == [texts[3], texts[2]]
    assert ids(language="ru") == [texts[1]]
    assert ids(theme="climate") == [texts[2]]
    assert ids(country="KZ", language="en") == [texts[4], texts[0]]
    # A value that is not one of the choices filters nothing.
    assert len(ids(country="<script>")) == 5
    # A coded theme counts for the filter too.
    _post_text(client, texts[0], {"themes": ["climate"], "save": "y"})
    assert ids(theme="climate", status="all") == [texts[2], texts[0]]


def test_the_filters_travel_with_the_coder(app, texts, client, auth):
    auth.login("admin")
    response = _post_text(client, texts[3], {"no_theme": "y"}, country="MN")
    assert response.location.endswith(f"/secretariat/coding/texts/{texts[2]}?country=MN")


def test_a_facilitator_cannot_open_the_coding_pages(app, texts, client, auth):
    auth.login("facilitator", countries=("KZ",))
    assert client.get("/secretariat/coding/").status_code == 403
    assert _get_text(client, texts[0]).status_code == 403
    posted = client.post(f"/secretariat/coding/texts/{texts[0]}", data={"confirm": "y"})
    assert posted.status_code in (400, 403)
    assert _codings(app) == {}


def test_an_unknown_text_is_not_found(app, texts, client, auth):
    auth.login("admin")
    assert _get_text(client, "survey:999999:main_threats_text").status_code == 404


def _switch(client, auth, email: str) -> int:
    auth.logout()
    return auth.login("admin", email=email)


def test_a_second_coder_codes_the_sample_without_seeing_the_first_decision(
    app, texts, client, auth
):
    app.config["CODING_SECOND_SHARE"] = 1.0
    auth.login("admin", email="first@example.org")
    _post_text(client, texts[0], {"themes": ["poaching", "community"], "save": "y"})
    _post_text(client, texts[2], {"no_theme": "y"})
    # The first coder is offered nothing for a second opinion: both decisions are theirs.
    assert _queue_ids(client.get("/secretariat/coding/?mode=second").get_data(as_text=True)) == []
    refused = _post_text(client, texts[0], {"themes": ["poaching"], "save": "y"}, mode="second")
    assert refused.status_code == 302 and _codings(app, "second") == {}

    _switch(client, auth, "second@example.org")
    queue = client.get("/secretariat/coding/?mode=second").get_data(as_text=True)
    assert _queue_ids(queue) == [texts[2], texts[0]]
    page = _get_text(client, texts[0], mode="second").get_data(as_text=True)
    # The boxes start at the machine's themes, not at the first coder's; the first
    # decision, its coder and its history are nowhere on the page.
    assert _checked(page) == ["poaching"]
    assert 'id="current-decision"' not in page and 'id="coding-history"' not in page
    assert "first@example.org" not in page
    response = _post_text(client, texts[0], {"themes": ["poaching"], "save": "y"}, mode="second")
    assert response.status_code == 302
    second = _codings(app, "second")[texts[0]]
    assert second.themes == ["poaching"]
    assert _codings(app)[texts[0]].themes == ["poaching", "community"]
    # The second coder may not then take over the first decision.
    refused = _post_text(client, texts[0], {"themes": ["climate"], "save": "y"})
    assert refused.status_code == 409
    assert _codings(app)[texts[0]].themes == ["poaching", "community"]


def test_the_second_coder_sample_is_the_configured_share_chosen_by_text_id(
    app, texts, client, auth
):
    from analysis.agreement import in_sample

    app.config["CODING_SECOND_SHARE"] = 0.5
    auth.login("admin", email="first@example.org")
    for text_id in texts:
        _post_text(client, text_id, {"confirm": "y"})
    _switch(client, auth, "second@example.org")
    offered = _queue_ids(client.get("/secretariat/coding/?mode=second").get_data(as_text=True))
    assert sorted(offered) == sorted(t for t in texts if in_sample(t, 0.5))
    app.config["CODING_SECOND_SHARE"] = 0.0
    assert _queue_ids(client.get("/secretariat/coding/?mode=second").get_data(as_text=True)) == []


def test_the_queue_shows_agreement_between_coders_computed_by_hand(app, texts, client, auth):
    app.config["CODING_SECOND_SHARE"] = 1.0
    auth.login("admin", email="first@example.org")
    first = {0: ["poaching"], 1: ["poaching"], 2: [], 3: []}
    second = {0: ["poaching"], 1: [], 2: [], 3: []}
    for n, themes in first.items():
        data = {"themes": themes, "save": "y"} if themes else {"no_theme": "y"}
        assert _post_text(client, texts[n], data).status_code == 302
    _switch(client, auth, "second@example.org")
    for n, themes in second.items():
        data = {"themes": themes, "save": "y"} if themes else {"no_theme": "y"}
        assert _post_text(client, texts[n], data, mode="second").status_code == 302
    html = client.get("/secretariat/coding/").get_data(as_text=True)
    # poaching: first yes yes no no, second yes no no no -> kappa 0.5, alpha 16/30 = 0.53
    row = html.split('data-theme="poaching"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="kappa">0.50</td>' in row and '<td class="alpha">0.53</td>' in row
    assert "<td>4</td>" in row  # n
    # climate: nobody used it -> undefined, not a number
    climate = html.split('data-theme="climate"', 1)[1].split("</tr>", 1)[0]
    assert "undefined" in climate
    summary = html.split('id="agreement-summary"', 1)[1].split("</p>", 1)[0]
    # exact sets 3 of 4; pooled over 4 texts x 8 themes: one disagreement in 32 decisions
    # o_11 = 2, o_10 = o_01 = 1, o_00 = 60; n_1 = 3, n_0 = 61, n = 64
    # alpha = 1 - 63 * 2 / (2 * 3 * 61) = 1 - 126/366 = 0.66
    assert "0.75" in summary and "0.66" in summary


def test_confirming_a_text_no_run_has_tagged_is_refused(app, client, auth):
    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        response = make_response(version, {"other_text": "Dust storms every spring."})
        text_id = f"survey:{response.id}:other_text"
        db.session.commit()
    auth.login("admin")
    page = _get_text(client, text_id).get_data(as_text=True)
    assert "No analysis run has tagged this text yet" in page
    assert 'name="confirm"' not in page
    assert _post_text(client, text_id, {"confirm": "y"}).status_code == 409
    assert _post_text(client, text_id, {"themes": ["climate"], "save": "y"}).status_code == 302
    assert _codings(app)[text_id].machine_themes is None


def test_interview_notes_are_coded_under_the_loaders_id(app, client, auth):
    from consult.interviews.service import InterviewData, NoteData, create_interview

    with app.app_context():
        facilitator = db.session.get(User, auth.user("facilitator", ("KZ",))[0])
        interview = create_interview(
            InterviewData(
                country="KZ", date=date(2026, 5, 4), format="individual", language="kk",
                consent="oral", facilitator_ids=[facilitator.id],
                notes=[NoteData("poaching", "Ақбөкен мүйізін шекарада сатады.")],
            ),
            facilitator,
        )
        db.session.commit()
        text_id = f"interview:{interview.id}:note:{interview.notes[0].id}"
    auth.login("admin")
    html = client.get("/secretariat/coding/").get_data(as_text=True)
    assert _queue_ids(html) == [text_id]  # not tagged by a run yet
    page = _get_text(client, text_id).get_data(as_text=True)
    assert "Facilitator's tags" in page and "Interview note" in page
    saved = _post_text(client, text_id, {"themes": ["poaching", "transboundary"], "save": "y"})
    assert saved.status_code == 302
    with app.app_context():
        from consult.runs.frames import analysis_frames

        row = analysis_frames(db.session).texts.set_index("id").loc[text_id]
        assert row["tags"] == "poaching;transboundary" and bool(row["reviewed"])


# -- reviewed tags in the next analysis run ----------------------------------------------------

#: KZ texts: four about poaching and two about fences, all different (for the clustering).
RUN_TEXTS = [
    "Poachers shoot saiga for their horns and sell them at the border.",
    "Poaching of saiga with snares goes on every winter, rangers cannot stop it.",
    "Hunters poach argali in the mountains and sell the trophies.",
    "Poachers with rifles chase the saiga herds on motorbikes.",
    "The railway fence blocks the migration of the saiga herds.",
    "New road fences cut the gazelles off from their winter pastures.",
]


@pytest.fixture
def analysed(app):
    """Six KZ respondents rating poaching and infrastructure on saiga, each with a text."""
    from tests.consult.test_analysis_app import _answers_2027

    app.config["ANALYSIS_SYNC"] = True
    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        for number, text in enumerate(RUN_TEXTS):
            make_response(
                version,
                {**_answers_2027(number, "KZ"), "main_threats_text": text},
                country="KZ",
                group=["government", "community", "ngo"][number % 3],
            )
        db.session.commit()
    return app


def _run(client) -> AnalysisRun:
    token = csrf_token(client, "/secretariat/analysis/")
    response = client.post(
        "/secretariat/analysis/",
        data={"questionnaire": "cami-gap-needs", "seed": "3", "k": "2", "csrf_token": token},
    )
    assert response.status_code == 302
    run = db.session.scalars(db.select(AnalysisRun).order_by(AnalysisRun.id.desc())).first()
    assert run.status == "done", run.error
    return run


def _mention_share(run: AnalysisRun, threat: str) -> float:
    row = next(
        row
        for row in run.results["tables"]["threat_summary"]
        if row["country"] == "KZ" and row["threat"] == threat
    )
    return row["mention_share"]


def test_reviewed_tags_take_precedence_in_the_next_run(analysed, client, auth):
    app = analysed
    auth.login("admin")
    with app.app_context():
        first = _run(client)
        tagged = first.results["tables"]["tagged_texts"]
        machine = {row["id"]: row["themes"].split(";") for row in tagged}
        before = {t: _mention_share(first, t) for t in ("poaching", "infrastructure")}
        first_id = first.id
    poached = sorted(i for i, themes in machine.items() if "poaching" in themes)
    assert len(poached) >= 2, machine
    corrected, dismissed = poached[0], poached[1]
    assert "infrastructure" not in machine[corrected]
    _post_text(client, corrected, {"themes": ["infrastructure"], "save": "y"})
    _post_text(client, dismissed, {"no_theme": "y"})

    with app.app_context():
        from consult.runs.frames import analysis_frames

        texts = analysis_frames(db.session).texts.set_index("id")
        assert texts.loc[corrected, "tags"] == "infrastructure"
        assert texts.loc[dismissed, "tags"] == "" and bool(texts.loc[dismissed, "reviewed"])
        assert not texts.drop(index=[corrected, dismissed])["reviewed"].any()

        second = _run(client)
        n = len(RUN_TEXTS)
        # Shares are stored to four decimals.
        assert _mention_share(second, "poaching") == pytest.approx(
            before["poaching"] - 2 / n, abs=1e-3
        )
        assert _mention_share(second, "infrastructure") == pytest.approx(
            before["infrastructure"] + 1 / n, abs=1e-3
        )
        stored = {row["id"]: row for row in second.results["tables"]["tagged_texts"]}
        assert stored[corrected]["tags"] == "infrastructure" and stored[corrected]["reviewed"]
        review = second.results["run"]["review"]
        assert (review["texts"], review["reviewed"], review["reviewed_no_theme"]) == (n, 2, 1)
        agreement = review["machine_agreement"]
        assert agreement["n"] == 2 and agreement["exact"] == 0.0
        rows = {row["theme"]: row for row in agreement["themes"]}
        # machine: poaching on both; reviewers: infrastructure on one, nothing on the other
        assert (rows["poaching"]["machine_only"], rows["poaching"]["both"]) == (2, 0)
        assert rows["infrastructure"]["reviewer_only"] == 1
        # poaching: machine yes, yes; reviewers no, no -> p_o = 0, p_e = 1·0 + 0·1 = 0,
        # kappa = (0 − 0) / (1 − 0) = 0
        assert rows["poaching"]["kappa"] == pytest.approx(0.0)
        assert rows["climate"]["kappa"] is None
        second_id = second.id

    # The evidence follows the reviewed tags: the corrected text is quoted for fences.
    quotes = client.get(
        f"/secretariat/analysis/{second_id}/evidence?country=KZ&theme=infrastructure"
    ).get_data(as_text=True)
    old_quotes = client.get(
        f"/secretariat/analysis/{first_id}/evidence?country=KZ&theme=infrastructure"
    ).get_data(as_text=True)
    text = next(t for t in RUN_TEXTS if t.startswith(_text_of(app, corrected)[:20]))
    assert text in quotes and text not in old_quotes
    poaching = client.get(
        f"/secretariat/analysis/{second_id}/evidence?country=KZ&theme=poaching"
    ).get_data(as_text=True)
    assert text not in poaching
    # The run's Method section says how many texts were reviewed and how far they agreed.
    page = client.get(f"/secretariat/analysis/{second_id}").get_data(as_text=True)
    counts = page.split('id="review-counts"', 1)[1].split("</p>", 1)[0]
    assert "2 of the run" in counts and "6 texts" in counts
    assert 'id="review-table"' in page
    earlier = client.get(f"/secretariat/analysis/{first_id}").get_data(as_text=True)
    assert "0 of the run" in earlier.split('id="review-counts"', 1)[1].split("</p>", 1)[0]
    assert 'id="review-table"' not in earlier


def _text_of(app, text_id: str) -> str:
    from consult.models import Answer

    response_id = int(text_id.split(":")[1])
    with app.app_context():
        return db.session.scalar(
            db.select(Answer.value).where(
                Answer.response_id == response_id, Answer.question == "main_threats_text"
            )
        )


def test_the_machines_evidence_names_its_themes_and_denials_in_the_readers_language(
    app, client, auth
):
    """The evidence the tagger writes ("infrastructure: fence, …; poaching (negated): …
    [not a problem]") is shown with the themes' and the denials' names, never their codes."""
    import pandas as pd

    from analysis.tagging import tag_texts

    text = "Poaching is no longer a problem here, but the railway fence blocks the saiga."
    tagged = tag_texts(pd.DataFrame({"id": ["t"], "lang": ["en"], "text": [text]}))
    evidence = tagged["evidence"][0]
    assert "infrastructure: " in evidence and "poaching (negated): " in evidence
    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        response = make_response(version, {"main_threats_text": text}, country="KZ",
                                 language="en")  # fmt: skip
        text_id = f"survey:{response.id}:main_threats_text"
        _fake_run([{"id": text_id, "themes": tagged["themes"][0], "theme": tagged["theme"][0],
                    "confidence": 0.7, "evidence": evidence}])  # fmt: skip
        db.session.commit()
    auth.login("admin")
    for lang, infrastructure, poaching in (
        ("en", "Infrastructure and barriers to migration", "Poaching and illegal trade"),
        ("ru", "Инфраструктура и барьеры для миграции", "Браконьерство и незаконная торговля"),
        ("fa", "زیرساخت\u200cها و موانع مهاجرت", "شکار غیرمجاز و قاچاق"),
    ):
        page = _get_text(client, text_id, lang=lang).get_data(as_text=True)
        shown = page.split('id="machine-evidence"', 1)[1].split("</ul>", 1)[0]
        items = re.findall(r"<li[^>]*>(.*?)</li>", shown, re.S)
        assert len(items) == 2, items
        assert f"<strong>{infrastructure}</strong>" in items[0] and "fence" in items[0]
        assert 'class="denied"' in shown and f"<strong>{poaching}</strong>" in items[1]
        for raw in ("infrastructure:", "(negated)", "[not a problem]", "poaching (", "[no"):
            assert raw not in shown, (lang, raw)
    english = _get_text(client, text_id, lang="en").get_data(as_text=True)
    assert "Named but denied" in english and "(said not to be a problem)" in english
    persian = _get_text(client, text_id, lang="fa").get_data(as_text=True)
    assert "نام برده شده اما رد شده" in persian and "(گفته شده مشکل نیست)" in persian


def test_evidence_of_another_form_is_shown_whole():
    from consult import create_app
    from consult.runs.labels import evidence_parts

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.test_request_context("/?lang=en"):
        assert evidence_parts("") == [] and evidence_parts(None) == []
        odd = evidence_parts("livestock;climate: words")
        assert [part["words"] for part in odd] == ["livestock;climate: words"]
        assert odd[0]["name"] == ""
        parts = evidence_parts("poaching: model: snare, horn; climate: reviewed; "
                               "livestock (negated): овец [not a problem]")  # fmt: skip
        assert [(p["theme"], p["source"], p["words"], p["negated"]) for p in parts] == [
            ("poaching", "model", "snare, horn", False),
            ("climate", "reviewed", "", False),
            ("livestock", "lexicon", "овец", True),
        ]
        assert parts[2]["kind"] == "said not to be a problem"
        assert parts[0]["name"] == "Poaching and illegal trade"


def test_a_survey_text_names_its_question_by_its_label_in_the_readers_language(
    app, client, auth
):
    from consult.coding.service import load_items, question_label
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        version = ensure_shipped_questionnaire()
        response = make_response(version, {"main_threats_text": "Snares on every trail."},
                                 country="KZ", language="en")  # fmt: skip
        text_id = f"survey:{response.id}:main_threats_text"
        db.session.commit()
    auth.login("admin")
    scripts = (("en", r"[A-Za-z]{4}"), ("ru", r"[А-Яа-я]{4}"), ("fa", r"[\u0600-\u06ff]{4}"))
    for lang, script in scripts:
        page = _get_text(client, text_id, lang=lang).get_data(as_text=True)
        source = page.split('id="text-source"', 1)[1].split("</p>", 1)[0]
        assert "main_threats_text" not in source, (lang, source)
        with app.app_context():
            item = next(item for item in load_items(0.0) if item.id == text_id)
            label = question_label(item, lang)
        assert label != "main_threats_text" and re.search(script, label), (lang, label)
        assert escape(label) in source


def test_a_non_answer_shows_why_the_machine_gave_it_no_theme(analysed, client, auth):
    app = analysed
    from tests.consult.test_analysis_app import _answers_2027

    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        response = make_response(
            version,
            {**_answers_2027(9, "KZ"), "main_threats_text": "Thank you for the survey, good luck!"},
            country="KZ",
            group="ngo",
        )
        text_id = f"survey:{response.id}:main_threats_text"
        db.session.commit()
    auth.login("admin")
    with app.app_context():
        run = _run(client)
        stored = {row["id"]: row for row in run.results["tables"]["tagged_texts"]}
        assert stored[text_id]["themes"] == "" and stored[text_id]["abstain_reason"] == "thanks"
    english = _get_text(client, text_id, lang="en").get_data(as_text=True)
    shown = english.split('id="machine-abstain"', 1)[1].split("</p>", 1)[0]
    assert "a non-answer (thanks or good wishes)" in shown
    russian = _get_text(client, text_id, lang="ru").get_data(as_text=True)
    shown = russian.split('id="machine-abstain"', 1)[1].split("</p>", 1)[0]
    assert "thanks" not in shown and re.search(r"[А-Яа-я]{5}", shown)
    # A text with a theme says nothing of the kind.
    tagged = next(i for i, row in stored.items() if row["themes"])
    assert 'id="machine-abstain"' not in _get_text(client, tagged).get_data(as_text=True)

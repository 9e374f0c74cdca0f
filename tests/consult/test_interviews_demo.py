"""The demo interviews: realistic, varied, multilingual, and added only once; national
consultations whose strategy ratings follow each country's threats."""

from __future__ import annotations

from consult.extensions import db
from consult.interviews.service import strategy_ratings_frame
from consult.models import AuditEvent, Interview, InterviewNote
from consult.reference import VOCABULARIES


def test_demo_interviews_are_multilingual_scoped_and_idempotent(app):
    from consult.demo.service import seed_demo

    with app.app_context():
        first = seed_demo(7)
        db.session.commit()
        assert first.created["interviews"] >= 35
        interviews = db.session.scalars(db.select(Interview)).all()
        assert len(interviews) == first.created["interviews"] + first.created[
            "national_consultations"
        ]
        assert {i.language for i in interviews} >= {"ru", "mn", "zh", "fa", "en"}
        assert {i.format for i in interviews} == {
            "individual",
            "group",
            "meeting",
            "national_consultation",
        }
        for interview in interviews:
            assert interview.record_uid.startswith("demo-")
            assert all(f.can_access_country(interview.country_code)
                       for f in interview.facilitators)
            assert interview.facilitators and interview.notes and interview.threats
            if interview.consent == "none":
                assert not any(p.name for p in interview.participants)
        assert len({i.country_code for i in interviews}) >= 6
        notes = db.session.scalars(db.select(InterviewNote)).all()
        assert len({n.text for n in notes}) == len(notes)
        assert len({n.theme_code for n in notes}) == 9
        assert all(n.search_text for n in notes)
        second = seed_demo(7)
        db.session.commit()
        assert second.created["interviews"] == 0
        assert second.created["national_consultations"] == 0
        assert db.session.scalar(db.select(db.func.count()).select_from(Interview)) == len(
            interviews
        )


def test_demo_national_consultations_rate_actions_by_what_threatens_each_country(app):
    import random

    from consult.accounts import create_user
    from consult.demo.interviews import seed_national_consultations
    from consult.demo.service import DEMO_ACCOUNTS

    with app.app_context():
        for email, role, countries, name, password in DEMO_ACCOUNTS:
            create_user(email, password, role, list(countries), name=name)
        # as seed_demo(7) draws them
        added = seed_national_consultations(random.Random("7:consultations"))
        db.session.commit()
        frame = strategy_ratings_frame(db)
        drafts = {
            d.id: len(d.strategy_ratings)
            for d in db.session.scalars(
                db.select(Interview).where(
                    Interview.format == "national_consultation", Interview.status == "draft"
                )
            )
        }

    assert added >= 5
    counts = frame.groupby("country").size()
    assert len(counts) >= 5 and (counts >= 8).all()
    impact = frame.set_index(["country", "action"])["impact"]
    # fences, railways and roads cut migrations in Mongolia, China and Kazakhstan
    for country in ("MN", "CN", "KZ"):
        assert impact[(country, "fence_modification")] == 4
        assert impact[(country, "wildlife_crossings")] == 4
    # poaching and trafficking lead in Kyrgyzstan and Afghanistan
    for country in ("KG", "AF"):
        assert impact[(country, "ranger_capacity")] == 4
        assert impact[(country, "horn_trade_controls")] == 4
        if (country, "wildlife_crossings") in impact.index:
            assert impact[(country, "wildlife_crossings")] <= 2
    assert set(frame["cost"]) == {"low", "medium", "high"}
    assert set(frame["agreement"]) == {"full", "majority", "split"}
    # countries differ: no two rate the same actions the same way
    signatures = {
        country: tuple(sorted(rows[["action", "impact", "feasibility"]].itertuples(index=False)))
        for country, rows in frame.groupby("country")
    }
    assert len(set(signatures.values())) == len(signatures)
    # a draft consultation is in the demo but not in what the analysis reads
    assert drafts and all(drafts.values())
    assert not set(frame["meeting_id"]) & set(drafts)


def test_same_seed_gives_the_same_strategy_ratings():
    import random

    from consult.demo.interviews import strategy_ratings

    def draw(seed):
        rng = random.Random(seed)
        return [strategy_ratings(rng, country) for country in ("KZ", "MN", "KG", "AF")]

    assert draw(3) == draw(3)
    assert draw(3) != draw(4)


def test_every_event_the_demo_records_has_a_name(app):
    """The overview's recent activity names each event in the reader's language: the demo's
    own events ("interview.demo") have a name like the others."""
    from consult.demo.service import seed_demo

    with app.app_context():
        seed_demo(7)
        db.session.commit()
        actions = set(db.session.scalars(db.select(AuditEvent.action).distinct()))
    assert actions and actions <= set(VOCABULARIES["event"]), actions - set(VOCABULARIES["event"])

"""The demo interviews: realistic, varied, multilingual, and added only once."""

from __future__ import annotations

from consult.extensions import db
from consult.models import Interview, InterviewNote


def test_demo_interviews_are_multilingual_scoped_and_idempotent(app):
    from consult.demo.service import seed_demo

    with app.app_context():
        first = seed_demo(7)
        db.session.commit()
        assert first.created["interviews"] >= 35
        interviews = db.session.scalars(db.select(Interview)).all()
        assert len(interviews) == first.created["interviews"]
        assert {i.language for i in interviews} >= {"ru", "mn", "zh", "fa", "en"}
        assert {i.format for i in interviews} == {"individual", "group", "meeting"}
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
        assert db.session.scalar(db.select(db.func.count()).select_from(Interview)) == len(
            interviews
        )

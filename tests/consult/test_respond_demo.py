"""Demo responses: plausible, valid against the form, repeatable and added once."""

from __future__ import annotations

import random
import re
from collections import Counter
from statistics import mean

from consult.demo.responses import DEMO_RESPONSES, demo_answers, seed_responses
from consult.extensions import db
from consult.models import Answer, Response
from consult.questionnaires import get_questionnaire, load_version_form
from consult.reference import read
from consult.responses import check_all, load_values

LEVEL = {"low": 1, "medium": 2, "high": 3, "very_high": 4}
GAP = {"adequate": 1, "partly_adequate": 2, "inadequate": 3, "very_inadequate": 4}


def _ratings(rows, threat: str, rating: str) -> dict[str, list[int]]:
    """Ratings of ``threat`` for every species named, by country."""
    question = re.compile(rf"t[123]_{threat}_{rating}")
    by_country: dict[str, list[int]] = {}
    for country, name, value in rows:
        if question.fullmatch(name):
            by_country.setdefault(country, []).append(LEVEL[value])
    return by_country


def test_demo_responses_are_valid_skewed_and_added_once(app):
    with app.app_context():
        assert seed_responses(random.Random("2026:responses")) == DEMO_RESPONSES
        db.session.commit()
        assert seed_responses(random.Random("2026:responses")) == 0
        responses = db.session.scalars(db.select(Response)).all()
        assert len(responses) == DEMO_RESPONSES
        assert {r.status for r in responses} == {"submitted"}
        assert {r.source for r in responses} == {"demo"}
        assert len({r.reference for r in responses}) == DEMO_RESPONSES

        countries = Counter(r.country_code for r in responses)
        assert len(countries) == 14
        assert min(countries[c] for c in ("KZ", "MN", "CN", "KG", "UZ")) > max(
            countries[c] for c in ("BT", "NP", "IN", "PK")
        )
        assert len({r.group_code for r in responses}) == 8
        assert {r.language for r in responses} == {"en", "ru", "zh", "mn", "fa"}

        form = load_version_form(get_questionnaire("cami-gap-needs").current_version)
        for response in responses[:40]:
            check_all(form, load_values(response, form), response.language)

        rows = db.session.execute(
            db.select(Response.country_code, Answer.question, Answer.value).join(
                Answer, Answer.response_id == Response.id
            )
        ).all()
        poaching = _ratings(rows, "poaching", "severity")
        infrastructure = _ratings(rows, "infrastructure", "severity")
        assert mean(poaching["KZ"]) > mean(poaching["MN"])
        assert mean(infrastructure["MN"]) > mean(infrastructure["KZ"])
        governance = [
            GAP[value] for country, name, value in rows
            if country == "AF" and name == "gap_enforcement" and value in GAP
        ]  # fmt: skip
        assert mean(governance) > 3  # Afghanistan's respondents see governance worst

        ranges = {(r["species"], r["country"]) for r in read("species_ranges.json")}
        named = [(value, country) for country, name, value in rows if name.startswith("target_")]
        assert named and all(pair in ranges for pair in named)
        assert {name for _, name, _ in rows} >= {"target_3", "t3_threats", "gap_most_needed"}
        texts = [value for _, name, value in rows if name == "main_threats_text"]
        assert len(texts) == DEMO_RESPONSES and all(texts)


def test_demo_answers_are_the_same_for_the_same_seed():
    first = [demo_answers(random.Random(7)) for _ in range(3)]
    again = [demo_answers(random.Random(7)) for _ in range(3)]
    assert first == again
    assert demo_answers(random.Random(8)) != first[0]


def test_demo_answers_do_not_depend_on_the_interpreters_hash_seed():
    # The same seed gives the same respondents in every process: the demo's figures (and
    # the tests that read them) must not change with Python's randomised set order.
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import json, random\n"
        "from consult.demo.responses import demo_answers\n"
        "rng = random.Random(11)\n"
        "print(json.dumps([demo_answers(rng) for _ in range(40)], sort_keys=True, default=str))\n"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                              text=True, check=True, timeout=120)  # fmt: skip
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]

"""The demo data set: accounts now, and whatever the other modules add to it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from consult.accounts import create_user
from consult.demo.interviews import seed_interviews, seed_national_consultations
from consult.demo.responses import seed_responses
from consult.extensions import db
from consult.models import User

#: Demo accounts. The passwords are printed by `consult seed-demo` and `make run`; they are
#: for a local demonstration only.
FAC_PASSWORD = "demo-facilitator"
DEMO_ACCOUNTS = (
    ("secretariat@demo.consult", "admin", (), "Demo Secretariat", "demo-secretariat"),
    ("kz.facilitator@demo.consult", "facilitator", ("KZ", "KG"), "Aigerim", FAC_PASSWORD),
    ("mn.facilitator@demo.consult", "facilitator", ("MN", "CN"), "Bat-Erdene", FAC_PASSWORD),
    ("ir.facilitator@demo.consult", "facilitator", ("IR", "AF", "TM"), "Sara", FAC_PASSWORD),
)


@dataclass
class DemoSummary:
    accounts: list[tuple[str, str, str]] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)


def seed_demo(seed: int = 2026) -> DemoSummary:
    """Create the demo data set; existing demo records are kept, nothing is duplicated."""
    summary = DemoSummary()
    created_users = 0
    for email, role, countries, name, password in DEMO_ACCOUNTS:
        if db.session.scalar(db.select(User).where(User.email == email)) is None:
            create_user(email, password, role, list(countries), name=name)
            created_users += 1
        summary.accounts.append((email, role, password))
    summary.created["users"] = created_users
    summary.created["interviews"] = seed_interviews(random.Random(f"{seed}:interviews"))
    summary.created["national_consultations"] = seed_national_consultations(
        random.Random(f"{seed}:consultations")
    )
    summary.created["responses"] = seed_responses(random.Random(f"{seed}:responses"))
    return summary

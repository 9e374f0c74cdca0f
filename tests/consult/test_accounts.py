"""Accounts: sign-in timing and lock-outs, sessions that end, the account pages and CLI."""

from __future__ import annotations

import re
import statistics
import time
from datetime import timedelta

from consult.extensions import db
from consult.models import AuditEvent, LoginThrottle, PasswordReset, User, utcnow
from tests.conftest import Auth, csrf_token

HERE = {"REMOTE_ADDR": "192.0.2.10"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.20"}


def _login(client, email, password, environ=None):
    environ = environ or HERE
    token = csrf_token(client)
    return client.post(
        "/auth/login",
        data={"email": email, "password": password, "csrf_token": token},
        environ_base=environ,
    )


def _post(client, url, data=None, token_page="/secretariat/"):
    return client.post(url, data={"csrf_token": csrf_token(client, token_page), **(data or {})})


def _events(app, action):
    with app.app_context():
        return db.session.scalars(db.select(AuditEvent).where(AuditEvent.action == action)).all()


# --- sign-in -------------------------------------------------------------------------------


def test_an_unknown_email_takes_as_long_as_a_wrong_password(app, client, auth):
    _, email = auth.user("admin")
    # Warm up both paths (the dummy hash is made on first use).
    _login(client, "nobody@example.org", "wrong password")
    _login(client, email, "wrong password")

    def median_seconds(address, count=3):
        times = []
        for _ in range(count):
            start = time.perf_counter()
            _login(client, address, "wrong password", {"REMOTE_ADDR": f"203.0.113.{len(times)}"})
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    known = median_seconds(email)
    unknown = median_seconds("nobody@example.org")
    # Before, an unknown e-mail skipped the password hash: about 5 % of the known time.
    assert unknown > 0.5 * known, (unknown, known)


def test_wrong_passwords_lock_the_account_for_that_address_only(app, client, auth):
    user_id, email = auth.user("admin")
    before = utcnow()
    for _ in range(5):
        assert _login(client, email, "not the password").status_code == 200
    # Locked here, even with the right password ...
    assert _login(client, email, auth.password).status_code == 200
    assert client.get("/secretariat/").status_code == 302
    with app.app_context():
        throttle = db.session.scalar(
            db.select(LoginThrottle).where(LoginThrottle.user_id == user_id)
        )
        assert throttle.address == HERE["REMOTE_ADDR"]
        assert before + timedelta(minutes=15) <= throttle.locked_until
        assert throttle.locked_until <= utcnow() + timedelta(minutes=15)
    # ... but the owner signs in from their own address.
    other = app.test_client()
    assert _login(other, email, auth.password, ELSEWHERE).status_code == 302
    assert other.get("/secretariat/").status_code == 200
    assert _events(app, "login.locked")


def test_four_failures_do_not_lock_and_a_success_forgets_them(app, client, auth):
    user_id, email = auth.user("admin")
    for _ in range(4):
        _login(client, email, "not the password")
    assert _login(client, email, auth.password).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(LoginThrottle)) is None


def test_a_lock_ends_when_its_time_is_over(app, client, auth):
    user_id, email = auth.user("admin")
    for _ in range(5):
        _login(client, email, "not the password")
    assert _login(client, email, auth.password).status_code == 200
    with app.app_context():
        throttle = db.session.scalar(db.select(LoginThrottle))
        # Stand in for the 15 minutes passing.
        throttle.locked_until = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert _login(client, email, auth.password).status_code == 302


def test_an_administrator_unlocks_an_account_on_its_page(app, client, auth):
    user_id, email = auth.user("facilitator", ("KZ",))
    victim = app.test_client()
    for _ in range(5):
        _login(victim, email, "not the password")
    assert _login(victim, email, Auth.password).status_code == 200

    auth.login("admin")
    page = client.get(f"/secretariat/users/{user_id}").get_data(as_text=True)
    assert HERE["REMOTE_ADDR"] in page
    assert _post(client, f"/secretariat/users/{user_id}/unlock").status_code == 302
    assert _login(victim, email, Auth.password).status_code == 302
    assert [event.object_id for event in _events(app, "user.unlock")] == [str(user_id)]


# --- sessions ------------------------------------------------------------------------------


def test_a_session_cookie_copied_before_sign_out_stops_working(app, client, auth):
    auth.login("admin")
    copied = client.get_cookie("session").value
    assert client.get("/secretariat/").status_code == 200
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/secretariat/")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_changing_the_password_ends_other_sessions_and_keeps_this_one(app, client, auth):
    user_id, email = auth.user("admin")
    laptop = app.test_client()
    assert _login(laptop, email, Auth.password).status_code == 302
    auth.login("admin")
    new = "a new and longer password"
    response = client.post(
        "/auth/password",
        data={
            "csrf_token": csrf_token(client, "/auth/password"),
            "current_password": Auth.password,
            "new_password": new,
            "repeat_password": new,
        },
    )
    assert response.status_code == 302
    assert client.get("/secretariat/").status_code == 200
    assert laptop.get("/secretariat/").status_code == 302
    assert _login(laptop, email, Auth.password).status_code == 200
    assert _login(laptop, email, new).status_code == 302
    assert _events(app, "user.password_change")


def test_a_wrong_current_password_changes_nothing(app, client, auth):
    auth.login("admin")
    response = client.post(
        "/auth/password",
        data={
            "csrf_token": csrf_token(client, "/auth/password"),
            "current_password": "not the password",
            "new_password": "a new and longer password",
            "repeat_password": "a new and longer password",
        },
    )
    assert response.status_code == 200
    assert "current password is not right" in response.get_data(as_text=True)
    assert client.get("/secretariat/").status_code == 200


# --- the secretariat's account pages -------------------------------------------------------


def _reset_link(html: str) -> str:
    match = re.search(r'value="(http[^"]+/auth/reset/[^"]+)"', html)
    assert match, html[:2000]
    return match.group(1).split("localhost", 1)[-1]


def test_a_new_account_chooses_its_password_through_a_one_time_link(app, client, auth):
    auth.login("admin")
    response = client.post(
        "/secretariat/users/new",
        data={
            "csrf_token": csrf_token(client, "/secretariat/users/new"),
            "email": "New.Person@Example.org",
            "name": "New Person",
            "role": "facilitator",
            "countries": ["KZ", "UZ"],
        },
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:1000]
    link = _reset_link(response.get_data(as_text=True))
    newcomer = app.test_client()
    # No password works before the link is used.
    assert _login(newcomer, "new.person@example.org", "").status_code == 200
    form = newcomer.get(link)
    assert form.status_code == 200
    password = "the newcomer's own password"
    done = newcomer.post(
        link,
        data={
            "csrf_token": csrf_token(newcomer, link),
            "new_password": password,
            "repeat_password": password,
        },
    )
    assert done.status_code == 302
    assert newcomer.get(link).status_code == 404, "a link works once"
    assert _login(newcomer, "new.person@example.org", password).status_code == 302
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "new.person@example.org"))
        assert user.country_codes == {"KZ", "UZ"}
        assert user.role == "facilitator"


def test_a_facilitator_needs_a_country(app, client, auth):
    auth.login("admin")
    response = client.post(
        "/secretariat/users/new",
        data={
            "csrf_token": csrf_token(client, "/secretariat/users/new"),
            "email": "nocountry@example.org",
            "role": "facilitator",
        },
    )
    assert response.status_code == 200
    assert "at least one country" in response.get_data(as_text=True)
    with app.app_context():
        query = db.select(User).where(User.email == "nocountry@example.org")
        assert db.session.scalar(query) is None


def test_an_expired_reset_link_does_not_work(app, client, auth):
    user_id, email = auth.user("facilitator", ("KZ",))
    auth.login("admin")
    response = _post(client, f"/secretariat/users/{user_id}/reset")
    link = _reset_link(response.get_data(as_text=True))
    with app.app_context():
        reset = db.session.scalar(db.select(PasswordReset))
        reset.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert app.test_client().get(link).status_code == 404


def test_changing_countries_changes_what_a_facilitator_may_open(app, client, auth):
    user_id, email = auth.user("facilitator", ("KZ",))
    facilitator = app.test_client()
    assert _login(facilitator, email, Auth.password).status_code == 302
    auth.login("admin")
    response = client.post(
        f"/secretariat/users/{user_id}",
        data={
            "csrf_token": csrf_token(client, f"/secretariat/users/{user_id}"),
            "name": "Renamed",
            "role": "facilitator",
            "countries": ["MN"],
        },
    )
    assert response.status_code == 302
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user.country_codes == {"MN"}
        assert user.name == "Renamed"
    # The facilitator's session started again with the new rights.
    assert facilitator.get("/interviews/").status_code == 302
    [event] = _events(app, "user.update")
    assert event.details["before"]["countries"] == ["KZ"]
    assert event.details["after"]["countries"] == ["MN"]


def test_deactivation_ends_sessions_and_reactivation_lets_the_account_in(app, client, auth):
    user_id, email = auth.user("facilitator", ("KZ",))
    facilitator = app.test_client()
    assert _login(facilitator, email, Auth.password).status_code == 302
    auth.login("admin")
    assert _post(client, f"/secretariat/users/{user_id}/active", {"active": "0"}).status_code == 302
    assert facilitator.get("/interviews/").status_code == 302
    assert _login(facilitator, email, Auth.password).status_code == 200
    assert _post(client, f"/secretariat/users/{user_id}/active", {"active": "1"}).status_code == 302
    assert _login(facilitator, email, Auth.password, ELSEWHERE).status_code == 302
    assert [e.action for e in _events(app, "user.deactivate")] == ["user.deactivate"]
    assert _events(app, "user.reactivate")


def test_the_last_administrator_cannot_be_deactivated_or_demoted(app, client, auth):
    admin_id = auth.login("admin")
    other_id, _ = auth.user("admin", email="second@example.org")
    # Not one's own account ...
    _post(client, f"/secretariat/users/{admin_id}/active", {"active": "0"})
    # ... and once the other administrator is gone, not the last one.
    _post(client, f"/secretariat/users/{other_id}/active", {"active": "0"})
    response = client.post(
        f"/secretariat/users/{admin_id}",
        data={
            "csrf_token": csrf_token(client, f"/secretariat/users/{admin_id}"),
            "role": "facilitator",
            "countries": ["KZ"],
        },
    )
    assert "last active administrator" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, admin_id).active
        assert db.session.get(User, admin_id).role == "admin"
        assert not db.session.get(User, other_id).active


def test_facilitators_cannot_open_the_account_pages(client, auth):
    auth.login("facilitator", ("KZ",))
    assert client.get("/secretariat/users").status_code == 403


# --- the command line ----------------------------------------------------------------------


def test_cli_manages_accounts_through_the_same_rules(app, runner, auth):
    auth.user("admin")
    user_id, email = auth.user("facilitator", ("KZ",))
    client = app.test_client()
    for _ in range(5):
        _login(client, email, "not the password")

    listed = runner.invoke(args=["users", "list"])
    assert email in listed.output and "locked" in listed.output

    assert runner.invoke(args=["users", "unlock", email]).exit_code == 0
    assert _login(client, email, Auth.password).status_code == 302

    result = runner.invoke(args=["users", "set-countries", email, "--country", "MN"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["users", "set-role", email, "--role", "admin"])
    assert result.exit_code == 0, result.output
    assert client.get("/secretariat/").status_code == 302, "new rights, new session"

    assert runner.invoke(args=["users", "deactivate", email]).exit_code == 0
    assert _login(client, email, Auth.password).status_code == 200
    assert runner.invoke(args=["users", "reactivate", email]).exit_code == 0

    new = "chosen at the prompt"
    result = runner.invoke(args=["users", "reset-password", email], input=f"{new}\n{new}\n")
    assert result.exit_code == 0, result.output
    assert _login(client, email, new).status_code == 302

    result = runner.invoke(args=["users", "reset-password", email, "--link"])
    assert result.exit_code == 0, result.output
    assert "/auth/reset/" in result.output

    assert runner.invoke(args=["users", "deactivate", email]).exit_code == 0
    alone = runner.invoke(args=["users", "deactivate", "admin-all@example.org"])
    assert alone.exit_code != 0 and "last active administrator" in alone.output
    assert runner.invoke(args=["users", "reactivate", email]).exit_code == 0

    missing = runner.invoke(args=["users", "deactivate", "nobody@example.org"])
    assert missing.exit_code != 0 and "no account" in missing.output
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user.role == "admin" and user.country_codes == {"MN"} and user.active
        actions = set(db.session.scalars(db.select(AuditEvent.action)))
    assert {"user.unlock", "user.update", "user.deactivate", "user.reactivate"} <= actions
    assert {"user.password_reset", "user.reset_link"} <= actions

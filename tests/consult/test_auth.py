from consult.extensions import db
from consult.models import AuditEvent, User
from tests.conftest import csrf_token


def _events(app, action):
    with app.app_context():
        return db.session.scalars(db.select(AuditEvent).where(AuditEvent.action == action)).all()


def test_login_with_right_password_opens_secretariat_and_is_audited(app, client, auth):
    auth.login("admin")
    assert client.get("/secretariat/").status_code == 200
    assert len(_events(app, "login")) == 1


def test_login_with_wrong_password_is_refused_and_audited(app, client, auth):
    _, email = auth.user("admin")
    response = client.post(
        "/auth/login",
        data={"email": email, "password": "not the password", "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 200
    assert "not right" in response.get_data(as_text=True)
    assert client.get("/secretariat/").status_code == 302
    assert len(_events(app, "login.failed")) == 1


def test_repeated_failures_lock_the_account(app, client, auth):
    _, email = auth.user("admin")
    for _ in range(5):
        client.post(
            "/auth/login",
            data={"email": email, "password": "wrong password!", "csrf_token": csrf_token(client)},
        )
    response = client.post(
        "/auth/login",
        data={"email": email, "password": auth.password, "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 200, "the right password must not open a locked account"
    assert _events(app, "login.locked")


def test_logout_ends_the_session(client, auth):
    auth.login("admin")
    response = auth.logout()
    assert response.status_code == 302
    assert client.get("/secretariat/").status_code == 302


def test_logout_by_get_is_not_allowed(client, auth):
    auth.login("admin")
    assert client.get("/auth/logout").status_code == 405
    assert client.get("/secretariat/").status_code == 200


def test_anonymous_user_is_sent_to_login(client):
    for url in ("/secretariat/", "/interviews/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/auth/login" in response.headers["Location"]


def test_facilitator_gets_403_on_secretariat_pages(client, auth):
    auth.login("facilitator", ("KZ",))
    assert client.get("/secretariat/").status_code == 403
    assert client.get("/interviews/").status_code == 200


def test_admin_may_open_facilitator_pages(client, auth):
    auth.login("admin")
    assert client.get("/interviews/").status_code == 200


def test_login_form_without_csrf_token_is_rejected(client, auth):
    _, email = auth.user("admin")
    response = client.post("/auth/login", data={"email": email, "password": auth.password})
    assert response.status_code == 400
    assert "form had expired" in response.get_data(as_text=True)
    assert client.get("/secretariat/").status_code == 302


def test_login_redirects_only_to_local_next(client, auth):
    _, email = auth.user("admin")
    cases = (("/interviews/", "/interviews/"), ("//evil.example/", "/secretariat/"))
    for target, expected in cases:
        client.get("/")
        response = client.post(
            f"/auth/login?next={target}",
            data={"email": email, "password": auth.password, "csrf_token": csrf_token(client)},
        )
        assert response.headers["Location"] == expected
        auth.logout()


def test_passwords_are_stored_hashed(app, auth):
    user_id, _ = auth.user("admin")
    with app.app_context():
        user = db.session.get(User, user_id)
        assert auth.password not in user.password_hash
        assert user.password_hash.startswith("scrypt:")


def test_users_create_command_prompts_for_password(app, runner):
    result = runner.invoke(
        args=["users", "create", "--email", "Ranger@Example.org", "--role", "facilitator",
              "--country", "KZ", "--country", "MN"],
        input="a long enough password\na long enough password\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "ranger@example.org"))
        assert user.country_codes == {"KZ", "MN"}
        assert user.check_password("a long enough password")
        assert _events(app, "user.create")


def test_users_create_refuses_short_password_and_unknown_country(runner):
    short = runner.invoke(
        args=["users", "create", "--email", "a@example.org", "--role", "admin"],
        input="short\nshort\n",
    )
    assert short.exit_code != 0 and "12 characters" in short.output
    unknown = runner.invoke(
        args=["users", "create", "--email", "b@example.org", "--role", "facilitator",
              "--country", "XX"],
        input="a long enough password\na long enough password\n",
    )
    assert unknown.exit_code != 0 and "XX" in unknown.output

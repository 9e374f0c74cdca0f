import re

import pytest

from consult.extensions import db


@pytest.fixture
def page(client):
    def get(url="/", **headers):
        return client.get(url, headers=headers).get_data(as_text=True)

    return get


def test_default_language_is_english_left_to_right(page):
    html = page()
    assert '<html lang="en" dir="ltr">' in html
    assert "Sign in" in html


def test_query_parameter_picks_the_language_and_the_session_keeps_it(page):
    assert '<html lang="ru" dir="ltr">' in page("/?lang=ru")
    html = page("/")
    assert '<html lang="ru" dir="ltr">' in html
    assert "Войти" in html


def test_accept_language_is_used_when_nothing_was_chosen(page):
    html = page("/", **{"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})
    assert '<html lang="zh" dir="ltr">' in html


def test_persian_pages_are_right_to_left(page):
    html = page("/?lang=fa")
    assert '<html lang="fa" dir="rtl">' in html
    assert "ورود" in html


def test_unknown_language_falls_back_without_error(page):
    assert '<html lang="en"' in page("/?lang=xx")


def _switcher(html: str) -> str:
    match = re.search(r'<nav aria-label="Language" class="languages">(.*?)</nav>', html, re.S)
    assert match, "no language switcher"
    return match.group(1)


def test_every_page_has_a_language_switcher(app, client, auth):
    from consult.questionnaires import ensure_shipped_questionnaire
    from reference import interface_languages

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    codes = interface_languages()
    assert len(codes) >= 5
    pages = {path: client.get(path) for path in ("/", "/auth/login", "/s/cami-gap-needs")}
    auth.login("admin")
    pages.update({path: client.get(path) for path in ("/secretariat/", "/interviews/")})
    for path, response in pages.items():
        assert response.status_code == 200, path
        switcher = _switcher(response.get_data(as_text=True))
        for code in codes:
            # Each link opens the same page in that language.
            link = f'<a href="{path}?lang={code}" lang="{code}" hreflang="{code}"'
            assert link in switcher, (path, code)

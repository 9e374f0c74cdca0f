import pytest


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


def test_every_page_has_a_language_switcher(page):
    html = page("/auth/login")
    for code in ("en", "ru", "zh", "mn", "fa"):
        assert f'hreflang="{code}"' in html
    assert "lang=mn" in html

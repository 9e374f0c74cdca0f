"""Which pages a questionnaire has and which of them the answers bring up (no app)."""

from __future__ import annotations

from surveys.forms import cami_gap_needs as source
from surveys.pages import page_by_key, pages, planned_pages, visible_pages
from surveys.xlsform import load_form


def _form():
    return load_form(source.SHIPPED.read_bytes(), source.SHIPPED.name).form


def test_a_field_list_group_inside_a_section_is_a_page_of_its_own():
    form = _form()
    keys = [page.key for page in pages(form)]
    assert keys[0] == "welcome"
    nested = [page for page in pages(form) if page.parent_labels]
    assert nested, "rating pages nested in a section"
    assert all(page.key.count("/") >= 1 for page in nested)
    assert page_by_key(form, keys[-1]) is pages(form)[-1]
    assert page_by_key(form, "no-such-page") is None


def test_only_the_pages_the_answers_bring_up_are_shown_and_planned():
    form = _form()
    before = {"consent": "yes"}
    shown = {page.key for page in visible_pages(form, before)}
    planned = {page.key for page in planned_pages(form, before)}
    nested = {page.key for page in pages(form) if page.parent_labels}
    # Nothing chosen yet: the nested pages are not shown, but each may still come.
    assert not nested & shown
    assert nested <= planned
    declined = {page.key for page in visible_pages(form, {"consent": "no"})}
    assert declined < shown

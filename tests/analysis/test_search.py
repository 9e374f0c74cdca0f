"""Search terms: words indexed with their stems in any script, queries as variants, and the
spans a query marks in a text."""

from __future__ import annotations

from analysis.search import MAX_QUERY_WORDS, index_terms, match_spans, query_terms


def _found(terms: str, query: str) -> bool:
    return all(any(f" {variant}" in terms for variant in group) for group in query_terms(query))


def test_other_forms_of_a_word_are_found_in_each_script():
    terms = index_terms(
        "Продают много рогов сайгака у Иргизе",
        "Poachers sell horns",
        "شکارچیان غیرقانونی",
        "牧民说非法盗猎越来越少了",
        "Бэлчээрийн талхагдал",
        "Café near Ürümqi",
    )
    for query in ("рога", "Иргиз", "horn", "poacher", "САЙГАК", "盗猎", "бэлчээр", "cafe",
                  "URUMQI"):
        assert _found(terms, query), query
    for query in ("дорога", "fence", "盗窃", "Иргиз рога fence"):
        assert not _found(terms, query), query


def test_queries_are_bounded_and_hostile_text_is_just_text():
    assert len(query_terms("a " * 50)) == MAX_QUERY_WORDS
    assert query_terms(".*[(\\%_^$|?+{}") == []
    assert len(index_terms("x" * 100_000)) < 100
    assert index_terms("") == ""


def test_match_spans_mark_each_form_of_the_word():
    text = "Продают много рогов, Рога! И дорога."
    assert [text[a:b] for a, b in match_spans(text, "рога")] == ["рогов", "Рога"]
    chinese = "非法盗猎越来越少"
    assert [chinese[a:b] for a, b in match_spans(chinese, "盗猎")] == ["盗猎"]
    assert match_spans(text, "") == [] and match_spans("", "рога") == []

"""regex(): RE2 for every pattern it can run, Python's meaning kept, a bounded fallback."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from surveys import expressions
from surveys.expressions import ExpressionError, RegexTimeout, evaluate, regex_engine
from surveys.forms.cami_gap_needs import SHIPPED
from surveys.validation import DEFAULT_MESSAGES, validate_section
from surveys.xlsform import load_form
from tests.surveys.xlsform_fixtures import simple_form_bytes


@pytest.fixture(scope="module")
def shipped_email_pattern() -> str:
    form = load_form(SHIPPED.read_bytes(), SHIPPED.name).form
    constraint = form.questions["email"].constraint
    return re.search(r"regex\(\., '(.+)'\)", constraint).group(1)


def _matches(pattern: str, text: str) -> bool:
    return evaluate("regex(., ${p})", {"p": pattern}, text)


def test_the_shipped_email_pattern_runs_on_re2(shipped_email_pattern):
    assert regex_engine(shipped_email_pattern) == "re2"


def test_a_long_answer_to_the_shipped_email_question_is_checked_in_linear_time(
    shipped_email_pattern,
):
    # Many dots after the "@" make a backtracking engine try every split: quadratic in the
    # length (20 KB took 1.8 s with Python's re).
    hostile = "a@" + "a." * 15_000 + "@"
    started = time.perf_counter()
    assert not _matches(shipped_email_pattern, hostile)
    assert not _matches(shipped_email_pattern, "a" * 150_000)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        # \s keeps the vertical tab, which RE2's own \s leaves out.
        (r"a\sb", "a\x0bb", True),
        (r"a\Sb", "a\x0bb", False),
        (r"[\s]+", "\t\x0b\x0c ", True),
        (r"[^\s]+", "ab\x0b", False),
        # {,n} is {0,n}, not the literal text.
        (r"a{,2}", "aa", True),
        (r"a{,2}", "a{,2}", False),
        (r"a{,}", "aaaa", True),
        # "[" inside a class is a bracket, not the start of a POSIX class.
        (r"[a[:space:]]", "s]", True),
        (r"[a[:space:]]", " ", False),
        (r"\u0416+", "ЖЖ", True),
        (r"[\u0400-\u04FF]+", "Сайгак", True),
        (r"ab\Z", "ab", True),
        (r"[]a]+", "]a", True),
        (r"[^]a]", "b", True),
        (r"\@\-\/", "@-/", True),
        (r"[\b]", "\x08", True),
        (r"\d+", "١٢", False),
        (r"\w+", "Жизнь", False),
        (r"a.b", "a\nb", False),
    ],
)
def test_re2_reads_patterns_as_python_and_java_do(pattern, text, expected):
    assert regex_engine(pattern) == "re2"
    assert _matches(pattern, text) is expected
    assert (re.fullmatch(pattern, text, re.ASCII) is not None) is expected


_PIECES = ["a", "b", r"\s", r"\S", r"\d", r"\w", ".", "[ab]", "[^a]", r"[\s1]", "(", ")", "|"]
_QUANTIFIERS = ["", "", "*", "+", "?", "{,2}", "{1,2}", "*?", "{2}"]


def _pattern_parts():
    return st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(_QUANTIFIERS)), max_size=6
    ).map(lambda parts: "".join(piece + quantifier for piece, quantifier in parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(_pattern_parts(), st.text("ab1 _\t\n\x0b\x0c-{},", max_size=8))
@example(r"\s{,2}", "\x0b\x0b")
def test_re2_agrees_with_python_re_on_generated_patterns(pattern, text):
    try:
        expected = re.fullmatch(pattern, text, re.ASCII) is not None
    except re.error:
        with pytest.raises(ExpressionError):
            expressions.parse(f"regex(., '{pattern}')")
        return
    assert regex_engine(pattern) == "re2"
    assert _matches(pattern, text) is expected


def test_lone_surrogates_in_an_answer_do_not_break_re2():
    assert _matches(".", "\ud800")
    assert not _matches("a", "\ud800")


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"(a)\1", "aa", True),
        (r"(a)\1", "ab", False),
        (r"(?=.*\d)\w+", "abc1", True),
        (r"(?=.*\d)\w+", "abc", False),
        (r"(?!http).*", "http://x", False),
        (r"a{1001}", "a" * 1001, True),
    ],
)
def test_patterns_re2_cannot_run_use_the_backtracking_fallback(pattern, text, expected):
    assert regex_engine(pattern) == "backtracking"
    assert _matches(pattern, text) is expected


def test_the_fallback_gives_up_on_catastrophic_backtracking():
    started = time.perf_counter()
    with pytest.raises(RegexTimeout):
        _matches(r"((a+)+)\1c", "a" * 5000)
    assert time.perf_counter() - started < 1.0


def test_the_fallback_refuses_texts_longer_than_its_limit():
    text = "a" * (expressions.REGEX_FALLBACK_MAX_LENGTH + 1)
    with pytest.raises(RegexTimeout):
        _matches(r"(a)\1*", text)
    assert _matches(r"(a)\1*", text[:-1])


def test_a_constraint_that_times_out_is_not_met_with_its_own_message():
    rows = [["text", "code", "Code", "", "regex(., '((a+)+)\\1c')"]]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    errors = validate_section(form, form.sections[0], {"code": "a" * 5000})
    assert errors == {"code": DEFAULT_MESSAGES["unchecked"]}
    assert validate_section(form, form.sections[0], {"code": "aac"}) == {}

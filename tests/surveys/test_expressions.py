"""XLSForm expressions: parsing, ODK/XPath 1.0 semantics, errors and the browser tree."""

from __future__ import annotations

import datetime as dt
import json
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from surveys.expressions import (
    ExpressionError,
    Node,
    choice_name_questions,
    evaluate,
    parse,
    question_named,
    references,
    to_ast,
    to_number,
    to_string,
    truthy,
)


def ev(expr: str, current=None, **values):
    return evaluate(expr, values, current)


def is_nan(value) -> bool:
    return isinstance(value, float) and math.isnan(value)


# -- operators and precedence ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),
        ("8 div 4 div 2", 1),
        ("7 mod 4 * 2", 6),
        ("2 + 3 mod 2", 3),
        ("-2 * 3", -6),
        ("- - 2", 2),
        ("2 - -2", 4),
        ("5 div 2", 2.5),
        ("${a}+1", 4),
        ("5div 2", 2.5),
        ("1\u00a0+\t2\n", 3),
    ],
)
def test_arithmetic_follows_xpath_precedence_and_left_associativity(expr, expected):
    assert ev(expr, a=3) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("1 = 1 and 2 = 3 or 1 < 2", True),
        ("1 = 2 or 1 = 1 and 1 = 2", False),
        ("not(1 = 2) and 2 = 2", True),
        ("1 + 1 = 2", True),
        ("1 < 2 = true()", True),
        ("3 > 2 > 1", False),
        ("2 < 3 = 3 < 2", False),
        ("1 = 1 = 1", True),
    ],
)
def test_boolean_and_comparison_operators_bind_as_in_xpath(expr, expected):
    assert ev(expr) is expected


def test_and_or_short_circuit_and_return_booleans():
    assert ev("${a} and ${b}", a="yes", b="") is False
    assert ev("${a} or ${b}", a="", b="x") is True
    assert ev("${a} or 0", a="") is False


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("1 div 0", math.inf),
        ("-1 div 0", -math.inf),
        ("1 div -0", -math.inf),
        ("1 div 0 - 1 div 0", None),
        ("0 div 0", None),
        ("5 mod 0", None),
        ("(1 div 0) mod 2", None),
        ("5 mod (1 div 0)", 5),
        ("-5 mod 3", -2),
        ("5 mod -3", 2),
        ("5.5 mod 2", 1.5),
    ],
)
def test_division_by_zero_and_mod_give_ieee_results_not_errors(expr, expected):
    result = ev(expr)
    if expected is None:
        assert is_nan(result)
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"a": 3}, 4),
        ({"a": "3"}, 4),
        ({"a": " 3.5 "}, 4.5),
        ({"a": True}, 2),
        ({"a": "2024-01-02"}, 19725),
        ({"a": Decimal("2.5")}, 3.5),
    ],
)
def test_arithmetic_coerces_values_to_numbers(values, expected):
    assert evaluate("${a} + 1", values) == expected


@pytest.mark.parametrize("value", ["", None, "abc", "1e3", "1,5", "+1", "NaN", "Infinity", "-"])
def test_arithmetic_on_empty_or_non_numeric_text_is_nan(value):
    assert is_nan(evaluate("${a} + 1", {"a": value}))
    assert is_nan(evaluate("-${a}", {"a": value}))


def test_unanswered_questions_are_empty_strings():
    assert evaluate("${missing}", {}) == ""
    assert evaluate("${none}", {"none": None}) == ""
    assert evaluate("${d}", {"d": dt.date(2024, 5, 1)}) == "2024-05-01"
    assert evaluate("${a}", {"a": ("x", None)}) == ["x", ""]


# -- comparisons ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "values", "expected"),
    [
        # unanswered
        ("${x} = ''", {}, True),
        ("${x} = ''", {"x": None}, True),
        ("${x} != ''", {"x": ""}, False),
        ("'' = ''", {}, True),
        ("${x} = 0", {"x": ""}, False),
        ("${x} != 0", {"x": ""}, True),
        ("${x} < 5", {"x": ""}, False),
        ("${x} >= 0", {"x": ""}, False),
        ("${x} <= ''", {"x": ""}, False),
        ("${x} = ''", {"x": 0}, False),
        ("${x} = 0", {"x": 0}, True),
        # numbers against text
        ("${x} > 9", {"x": "10"}, True),
        ("'10' > 9", {}, True),
        ("${x} > ${y}", {"x": "10", "y": "9"}, True),
        ("${x} = 10", {"x": "10.0"}, True),
        ("${x} = '10'", {"x": "10.0"}, False),
        ("${x} = ${y}", {"x": 10, "y": "10.0"}, True),
        ("${x} = 'abc'", {"x": 5}, False),
        ("${x} != 'abc'", {"x": 5}, True),
        ("'abc' > 5", {}, False),
        ("0.1 + 0.2 = 0.3", {}, True),
        ("0.1 + 0.2 != 0.3", {}, False),
        # text
        ("${x} = 'yes'", {"x": "yes"}, True),
        ("${x} = 'Yes'", {"x": "yes"}, False),
        ("'abc' < 'abd'", {}, True),
        ("'b' > 'abc'", {}, True),
        # booleans
        ("${x} = true()", {"x": "no"}, True),
        ("${x} = false()", {"x": ""}, True),
        ("${x} = true()", {"x": 0}, False),
        ("true() > false()", {}, True),
        ("${x} = 'true'", {"x": True}, True),
        # NaN and infinity
        ("0 div 0 = 0 div 0", {}, False),
        ("0 div 0 != 0 div 0", {}, True),
        ("1 div 0 = 1 div 0", {}, True),
        ("1 div 0 > 10000000", {}, True),
    ],
)
def test_comparisons_follow_odk_coercion_rules(expr, values, expected):
    assert evaluate(expr, values) is expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("${d} < '2024-03-01'", True),
        ("${d} >= today()", False),
        ("${d} = '2024-02-29'", True),
        ("${d} < '2024-02-29T08:00'", True),
        ("'2024-02-29T08:00' < '2024-02-29T09:00'", True),
        ("${d} > 19781", True),
        ("${d} > 19782", False),
        ("${bad} < '2024-03-01'", True),
    ],
)
def test_iso_dates_compare_in_calendar_order(expr, expected):
    assert evaluate(expr, {"d": "2024-02-29", "bad": "2023-02-30"}) is expected


# -- the current answer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "expected"),
    [(20, True), ("18", True), ("17", False), (17.9, False), ("", False), (None, False)],
)
def test_dot_is_the_answer_a_constraint_checks(current, expected):
    assert evaluate(". >= 18 and . < 120", {}, current) is expected


def test_dot_can_be_combined_with_other_answers():
    assert evaluate(". <= ${total}", {"total": "10"}, current="7") is True
    assert evaluate(". <= ${total}", {"total": "10"}, current="11") is False
    assert evaluate("string-length(.) <= 5", {}, current="snow leopard") is False


def test_string_functions_without_argument_read_the_current_answer():
    assert evaluate("string-length()", {}, "kulan") == 5
    assert evaluate("normalize-space()", {}, "  wild   yak ") == "wild yak"


# -- functions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "values", "expected"),
    [
        ("selected(${s}, 'livestock')", {"s": "poaching livestock"}, True),
        ("selected(${s}, ' livestock ')", {"s": "poaching  livestock\n"}, True),
        ("selected(${s}, 'live')", {"s": "poaching livestock"}, False),
        ("selected(${s}, 'poaching')", {"s": ""}, False),
        ("selected(${s}, '')", {"s": ""}, False),
        ("selected(${s}, 'poaching')", {}, False),
        ("selected(${s}, 'poaching')", {"s": "poaching"}, True),
        ("selected(${s}, 'b')", {"s": ["a", "b"]}, True),
        ("selected(${s}, 3)", {"s": "1 3"}, True),
        ("count-selected(${s})", {"s": "a b  c"}, 3),
        ("count-selected(${s})", {"s": ""}, 0),
        ("count-selected(${s})", {}, 0),
        ("count-selected(${s})", {"s": " "}, 0),
        ("selected-at(${s}, 0)", {"s": "a b c"}, "a"),
        ("selected-at(${s}, 2)", {"s": "a b c"}, "c"),
        ("selected-at(${s}, 3)", {"s": "a b c"}, ""),
        ("selected-at(${s}, -1)", {"s": "a b c"}, ""),
        ("selected-at(${s}, 1.9)", {"s": "a b c"}, "b"),
        ("selected-at(${s}, '')", {"s": "a b c"}, "a"),
        ("selected-at(${s}, 0)", {"s": ""}, ""),
    ],
)
def test_select_multiple_functions(expr, values, expected):
    assert evaluate(expr, values) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("string-length('saiga')", 5),
        ("string-length('')", 0),
        ("string-length('Жизнь 🐎')", 7),
        ("string-length(12.50)", 4),
        ("contains('snow leopard', 'leo')", True),
        ("contains('snow leopard', '')", True),
        ("starts-with('saiga', 'sai')", True),
        ("ends-with('saiga', 'sai')", False),
        ("substr('saiga', 1)", "aiga"),
        ("substr('saiga', 1, 3)", "ai"),
        ("substr('saiga', -3)", "iga"),
        ("substr('saiga', 0, -1)", "saig"),
        ("substr('saiga', 4, 2)", ""),
        ("substr('saiga', 10)", ""),
        ("substr('Жизнь 🐎', 6, 7)", "🐎"),
        ("substring('12345', 2, 3)", "234"),
        ("substring('12345', 2)", "2345"),
        ("substring('12345', 1.5, 2.6)", "234"),
        ("substring('12345', 0, 3)", "12"),
        ("substring('12345', 0 div 0, 3)", ""),
        ("substring('12345', -42, 1 div 0)", "12345"),
        ("substring('12345', -1 div 0, 1 div 0)", ""),
        ("concat('a', 1, true(), 0.5, '', 1 div 0)", "a1true0.5Infinity"),
        ("concat()", ""),
        ("join('-', 'a', 'b', 3)", "a-b-3"),
        ("normalize-space('  a \t\n b  ')", "a b"),
        ("string(5)", "5"),
        ("string(1 div 3)", "0.3333333333333333"),
        ("string(0 div 0)", "NaN"),
        ("string(-1 div 0)", "-Infinity"),
        ("string(true())", "true"),
        ("boolean-from-string('TRUE')", True),
        ("boolean-from-string('1')", True),
        ("boolean-from-string('yes')", False),
    ],
)
def test_string_functions(expr, expected):
    assert ev(expr) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("regex('abc', 'b')", False),
        ("regex('abc', 'a.c')", True),
        ("regex('abc', 'a|abc')", True),
        ("regex('abcd', 'a.c')", False),
        ("regex('', '.*')", True),
        ("regex('', '.+')", False),
        ("regex('KZ-01', '[A-Z]{2}-\\d{2}')", True),
        ("regex('١٢', '\\d+')", False),
        ("regex('Жизнь', '\\w+')", False),
        ("regex('Жизнь', '[А-Яа-я]+')", True),
        ("regex('a\nb', 'a.b')", False),
    ],
)
def test_regex_must_match_the_whole_string_like_java_matches(expr, expected):
    assert ev(expr) is expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("number('  12.50 ')", 12.5),
        ("number('.5')", 0.5),
        ("number('5.')", 5),
        ("number('-0.25')", -0.25),
        ("number(true())", 1),
        ("number(false())", 0),
        ("int(3.7)", 3),
        ("int(-3.7)", -3),
        ("int('7.9')", 7),
        ("round(2.5)", 3),
        ("round(-2.5)", -2),
        ("round(2.4999)", 2),
        ("round(0.49999999999999994)", 0),
        ("round(2.675, 2)", 2.68),
        ("round(1.005, 2)", 1.01),
        ("round(-1.25, 1)", -1.2),
        ("round(-1.35, 1)", -1.3),
        ("round(1234.5678, 2)", 1234.57),
        ("round(1234.5, -2)", 1200),
        ("round(-1250, -2)", -1200),
        ("round(1.5, '')", 2),
        ("round(0.1 + 0.2, 15)", 0.3),
        ("floor(-2.5)", -3),
        ("ceiling(-2.5)", -2),
        ("ceiling(2.1)", 3),
        ("abs(-4.5)", 4.5),
        ("pow(2, 10)", 1024),
        ("pow(9, 0.5)", 3),
        ("pow(0, -1)", math.inf),
        ("pow(10, 400)", math.inf),
        ("pow(-10, 401)", -math.inf),
        ("min(3, '1', 2)", 1),
        ("max(3, '1', 2)", 3),
        ("min(3, '', 'x')", 3),
        ("sum(4)", 4),
        ("sum('')", 0),
        ("count(4)", 1),
        ("count('')", 0),
    ],
)
def test_number_functions(expr, expected):
    assert ev(expr) == expected


@pytest.mark.parametrize(
    "expr",
    [
        "number('')",
        "number('abc')",
        "number('1e3')",
        "int('')",
        "round('')",
        "round(2.5, 31)",
        "round(2.5, 1 div 0)",
        "floor('x')",
        "abs('')",
        "pow(-8, 1 div 3)",
        "pow(1, 0 div 0)",
        "min('', 'x')",
        "max('')",
    ],
)
def test_number_functions_give_nan_for_missing_or_impossible_input(expr):
    assert is_nan(ev(expr))


def test_boolean_functions_and_if():
    assert ev("true() and not(false())") is True
    assert ev("boolean('false')") is True
    assert ev("boolean('')") is False
    assert ev("boolean(0 div 0)") is False
    assert ev("if(${age} >= 18, 'adult', 'minor')", age=30) == "adult"
    assert ev("if(${age} >= 18, 'adult', 'minor')", age="") == "minor"
    assert ev("if(${x}, 1, 2)", x="0") == 1


def test_if_only_evaluates_the_branch_it_takes():
    # The other branch holds an invalid pattern that would raise if it were evaluated.
    assert ev("if(true(), 'ok', regex('x', ${p}))", p="(") == "ok"


@pytest.mark.parametrize(
    ("expr", "values", "expected"),
    [
        ("coalesce(${a}, ${b})", {"a": "", "b": "x"}, "x"),
        ("coalesce(${a}, ${b})", {"a": "y", "b": "x"}, "y"),
        ("coalesce(${a}, ${b})", {"a": 0, "b": "x"}, 0),
        ("coalesce(${a}, ${b})", {"a": False, "b": "x"}, False),
        ("coalesce(0 div 0, ${b})", {"b": "x"}, "x"),
        ("coalesce(${a}, ${b}, 'z')", {}, "z"),
        ("coalesce(${a}, ${b})", {}, ""),
    ],
)
def test_coalesce_returns_the_first_non_empty_value(expr, values, expected):
    assert evaluate(expr, values) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("date('2024-02-29')", "2024-02-29"),
        ("date('2023-02-29')", ""),
        ("date('2024-03-01T10:15:00+05:00')", "2024-03-01"),
        ("date(19782)", "2024-02-29"),
        ("date('19782')", "2024-02-29"),
        ("date(0)", "1970-01-01"),
        ("date(-1)", "1969-12-31"),
        ("date(-0.5)", "1970-01-01"),
        ("date('')", ""),
        ("date('soon')", ""),
        ("date(1 div 0)", ""),
        ("date(3000000)", ""),
        ("date('0000-01-01')", ""),
        ("date(date('2024-02-28') + 1)", "2024-02-29"),
        ("date('2024-02-28') + 1", 19782),
        ("date('2024-03-01') - date('2024-02-01')", 29),
    ],
)
def test_dates_are_iso_strings_and_count_as_days_in_arithmetic(expr, expected):
    assert ev(expr) == expected


def test_today_is_the_local_iso_date():
    assert ev("today()") == dt.date.today().isoformat()
    assert ev("today() > '2020-01-01'") is True
    age_in_days = ev("today() - ${born}", born="2000-01-01")
    assert age_in_days == (dt.date.today() - dt.date(2000, 1, 1)).days


# -- repeats --------------------------------------------------------------------------------


def test_repeat_answers_arrive_as_lists_and_count_sum_min_max_take_every_item():
    values = {"herd": [12, "7", "", 3.5], "none": []}
    assert evaluate("count(${herd})", values) == 4
    assert evaluate("count(${none})", values) == 0
    assert evaluate("count(${missing})", values) == 0
    assert evaluate("sum(${herd})", values) == 22.5
    assert evaluate("sum(${none})", values) == 0
    assert evaluate("min(${herd})", values) == 3.5
    assert evaluate("max(${herd}, 20)", values) == 20
    assert evaluate("count-non-empty(${herd})", values) == 3
    assert evaluate("concat(${herd})", values) == "1273.5"
    assert evaluate("join(' ', ${herd})", values) == "12 7  3.5"


def test_a_list_compares_true_when_any_item_matches_like_a_node_set():
    values = {"herd": [12, "7", ""], "none": []}
    assert evaluate("${herd} = 7", values) is True
    assert evaluate("${herd} = 8", values) is False
    assert evaluate("${herd} != 12", values) is True
    assert evaluate("${herd} > 10", values) is True
    assert evaluate("${herd} > 12", values) is False
    assert evaluate("${none} = ''", values) is False
    assert evaluate("${none} != ''", values) is False
    assert evaluate("${herd} = true()", values) is True
    assert evaluate("${none} = false()", values) is True


def test_a_list_stands_for_its_first_item_elsewhere():
    values = {"herd": ["12", "7"], "none": []}
    assert evaluate("${herd} + 1", values) == 13
    assert evaluate("string(${herd})", values) == "12"
    assert evaluate("string(${none})", values) == ""
    assert is_nan(evaluate("number(${none})", values))


# -- choice filters -------------------------------------------------------------------------


def test_choice_filters_read_bare_names_from_the_choice_row():
    node = parse("region = ${country} or name = 'other'", choice_filter=True)
    assert evaluate(node, {"country": "KZ"}, {"name": "ustyurt", "region": "KZ"}) is True
    assert evaluate(node, {"country": "MN"}, {"name": "ustyurt", "region": "KZ"}) is False
    assert evaluate(node, {"country": "MN"}, {"name": "other"}) is True
    assert evaluate(node, {"country": "KZ"}, None) is False
    assert evaluate(node, {"country": ""}, None) is True  # no row: columns are empty too
    assert references(node) == {"country"}
    assert to_ast(node)["a"]["a"] == {"t": "field", "n": "region"}


def test_a_choice_column_listing_codes_filters_with_selected():
    # The species list's `countries` column names the range states, space-separated.
    node = parse("selected(countries, ${country})", choice_filter=True)
    saiga = {"name": "saiga", "countries": "KZ MN RU UZ"}
    assert evaluate(node, {"country": "KZ"}, saiga) is True
    assert evaluate(node, {"country": "K"}, saiga) is False
    assert evaluate(node, {"country": "CN"}, saiga) is False
    assert evaluate(node, {"country": ""}, saiga) is False
    assert evaluate(node, {"country": "KZ"}, {"name": "no_column"}) is False


def test_bare_names_outside_choice_filters_are_reported_as_missing_braces():
    with pytest.raises(ExpressionError, match=r"unexpected name 'age'.*\$\{age\}") as info:
        parse("age > 18")
    assert info.value.offset == 0


# -- choice labels --------------------------------------------------------------------------

NAMES = {"target_1": {"saiga": "Saiga", "kulan": "Kulan (Asiatic wild ass)"}}


@pytest.mark.parametrize(
    ("expr", "values", "expected"),
    [
        ("jr:choice-name(${target_1}, '${target_1}')", {"target_1": "saiga"}, "Saiga"),
        ("jr:choice-name(${target_1}, ' ${ target_1 } ')", {"target_1": " kulan"},
         "Kulan (Asiatic wild ass)"),
        ("jr:choice-name(${target_1}, '/data/threats/target_1')", {"target_1": "saiga"}, "Saiga"),
        ("jr:choice-name(${target_1}, 'target_1')", {"target_1": "saiga"}, "Saiga"),
        ("jr:choice-name(${target_1}, '${target_1}')", {"target_1": ""}, ""),
        ("jr:choice-name(${target_1}, '${target_1}')", {}, ""),
        ("jr:choice-name(${target_1}, '${target_1}')", {"target_1": "argali"}, ""),
        ("jr:choice-name('saiga', '${target_2}')", {}, ""),
        ("concat('Threats to ', jr:choice-name(${target_1}, '${target_1}'))",
         {"target_1": "saiga"}, "Threats to Saiga"),
    ],
)  # fmt: skip
def test_choice_name_is_the_label_of_the_code_in_the_named_questions_list(expr, values, expected):
    assert evaluate(expr, values, choice_names=NAMES) == expected


def test_choice_name_without_labels_is_empty():
    assert evaluate("jr:choice-name(${a}, '${a}')", {"a": "saiga"}) == ""
    assert evaluate("jr:choice-name(${a}, '${a}')", {"a": "saiga"}, choice_names={}) == ""


def test_choice_name_questions_lists_the_lists_an_expression_looks_up():
    node = parse("concat(jr:choice-name(${a}, '${a}'), jr:choice-name(${b}, '/data/g/b'), ${c})")
    assert choice_name_questions(node) == {"a", "b"}
    assert choice_name_questions("jr:choice-name(${a}, concat('$', '{a}'))") == set()
    assert references(node) == {"a", "b", "c"}
    assert to_ast(node)["args"][0] == {
        "t": "fn",
        "n": "jr:choice-name",
        "args": [{"t": "ref", "n": "a"}, {"t": "str", "v": "${a}"}],
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [("${species}", "species"), (" ${ species } ", "species"), ("/data/p/species", "species"),
     ("species", "species"), ("", ""), ("${}", "")],
)  # fmt: skip
def test_question_named_reads_xlsform_references_and_xform_paths(text, name):
    assert question_named(text) == name


# -- truthiness and conversions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", False),
        ("0", True),
        ("false", True),
        (" ", True),
        (0, False),
        (0.0, False),
        (-0.0, False),
        (math.nan, False),
        (3, True),
        (-1.5, True),
        (math.inf, True),
        (True, True),
        (False, False),
        (None, False),
        ([], False),
        ([""], True),
    ],
)
def test_truthy_is_xpath_boolean(value, expected):
    assert truthy(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2.0, "2"),
        (-0.0, "0"),
        (0.5, "0.5"),
        (1e-7, "0.0000001"),
        (-1.5e-6, "-0.0000015"),
        (1e21, "1000000000000000000000"),
        (2.0**60, "1152921504606847000"),
        (123456789012345678, "123456789012345680"),
        (0.1 + 0.2, "0.30000000000000004"),
        (math.nan, "NaN"),
        (math.inf, "Infinity"),
        (True, "true"),
        (None, ""),
        (["a", "b"], "a"),
    ],
)
def test_to_string_writes_numbers_without_exponent(value, expected):
    assert to_string(value) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_survive_a_round_trip_through_their_string_form(number):
    assert to_number(to_string(number)) == number


@given(st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6))
def test_numbers_as_text_compare_like_numbers(a, b):
    values = {"a": str(a), "b": str(b)}
    assert evaluate("${a} < ${b}", values) is (a < b)
    assert evaluate("${a} = ${b}", values) is (a == b)
    assert evaluate("${a} >= ${b}", {"a": a, "b": str(b)}) is (a >= b)
    assert evaluate("${a} - ${b}", values) == a - b


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "message", "offset"),
    [
        ("1 +", "unexpected end of expression", 3),
        ("(1 + 2", "expected ')' but found end of expression", 6),
        ("1 + 2)", "unexpected ')'", 5),
        ("${a} ${b}", "unexpected '${b}'", 5),
        ("${a} = 'x", "unterminated string", 7),
        ("${a = 1", "unterminated ${...} reference", 0),
        ("${} = 1", "invalid question name", 0),
        ("${1a} = 1", "invalid question name", 0),
        ("1 == 2", "'==' is not an operator", 2),
        ("${a} && ${b}", "'&&' is not an operator", 5),
        ("/data/a = 1", "paths are not supported", 0),
        ("../a", "paths are not supported", 0),
        ("${a} = \u2018x\u2019", "curly quote", 7),
        ("${a} # 1", "unexpected character '#'", 5),
        ("f(1)", "unknown function 'f()'", 0),
        ("1 + jr:itext(${a})", "unknown function 'jr:itext()'", 4),
        ("jr:choice-name(${a})", "'jr:choice-name()' takes 2 arguments, not 1", 0),
        ("selected(${a})", "'selected()' takes 2 arguments, not 1", 0),
        ("if(1, 2)", "'if()' takes 3 arguments, not 2", 0),
        ("round(1, 2, 3)", "'round()' takes 1 to 2 arguments, not 3", 0),
        ("today(1)", "'today()' takes 0 arguments, not 1", 0),
        ("min()", "'min()' takes at least 1 argument, not 0", 0),
        ("regex(., '[a-z')", "invalid regular expression '[a-z'", 0),
        ("1 2", "unexpected '2'", 2),
        ("1e5", "unexpected 'e5'", 1),
        ("9" * 400, "number too large", 0),
        ("(" * 60 + "1" + ")" * 60, "nested too deeply", 48),
    ],
)
def test_syntax_errors_say_what_and_where(expr, message, offset):
    with pytest.raises(ExpressionError) as info:
        parse(expr)
    error = info.value
    assert message in error.message
    assert error.offset == offset
    assert error.expression == expr
    assert f"at position {offset + 1}" in str(error)


def test_empty_expression_is_an_error():
    for expr in ("", "   "):
        with pytest.raises(ExpressionError, match="empty expression"):
            parse(expr)


def test_very_long_operator_chains_are_refused_before_they_exhaust_the_stack():
    assert evaluate(" + ".join(["${a}"] * 150), {"a": 1}) == 150
    with pytest.raises(ExpressionError, match="levels deep"):
        parse(" + ".join(["1"] * 400))


def test_invalid_pattern_known_only_at_run_time_raises_expression_error():
    with pytest.raises(ExpressionError, match="invalid regular expression"):
        evaluate("regex(., ${pattern})", {"pattern": "("}, "x")


def test_expression_errors_are_value_errors_and_evaluate_reports_them_too():
    with pytest.raises(ValueError):
        evaluate("1 +", {})


def test_parse_rejects_non_strings():
    with pytest.raises(TypeError):
        parse(None)  # type: ignore[arg-type]


# -- parsed forms: caching, references, browser tree ----------------------------------------


def test_parsed_expressions_are_cached_and_reusable():
    node = parse("${a} + 1")
    assert parse("${a} + 1") is node
    assert isinstance(node, Node)
    assert evaluate(node, {"a": 1}) == 2
    assert evaluate(node, {"a": 41}) == 42


def test_references_lists_each_question_once():
    assert references("${a} + ${b} > ${a} and selected(${c}, 'x') and . = 1") == {"a", "b", "c"}
    assert references("1 + 1") == set()
    assert references(parse("${ spaced }")) == {"spaced"}


def test_to_ast_is_plain_json_with_the_documented_node_types():
    tree = to_ast("-${a} + 2.5 > count-selected(.) or 'x'")
    assert json.loads(json.dumps(tree, allow_nan=False)) == tree
    assert tree == {
        "t": "op",
        "op": "or",
        "a": {
            "t": "op",
            "op": ">",
            "a": {
                "t": "op",
                "op": "+",
                "a": {"t": "neg", "a": {"t": "ref", "n": "a"}},
                "b": {"t": "num", "v": 2.5},
            },
            "b": {"t": "fn", "n": "count-selected", "args": [{"t": "cur"}]},
        },
        "b": {"t": "str", "v": "x"},
    }


def test_to_ast_returns_a_fresh_tree_each_time():
    first = to_ast("${a} = 1")
    first["op"] = "!="
    assert to_ast("${a} = 1")["op"] == "="


def test_to_ast_fills_in_the_current_answer_for_argumentless_string_length():
    assert to_ast("string-length() > 3")["a"] == {
        "t": "fn",
        "n": "string-length",
        "args": [{"t": "cur"}],
    }


def test_last_saved_references_are_empty_in_a_web_questionnaire():
    from surveys.expressions import ExpressionError, parse, references

    node = parse("if(${last-saved#village} = '', 'first', ${last-saved#village})")
    assert evaluate(node, {"village": "Beineu"}) == "first"
    assert evaluate(parse("${last-saved#count} + 1"), {"count": 3}) != 4
    assert references("${last-saved#village} = ${village}") == {"village"}
    with pytest.raises(ExpressionError, match="invalid question name"):
        parse("${last-saved#not a name}")


def test_a_form_using_last_saved_imports_and_its_expressions_run():
    from surveys.xlsform import load_form
    from tests.surveys.xlsform_fixtures import simple_form_bytes

    data = simple_form_bytes(
        [
            ["text", "village", "Village", "", "", ""],
            ["calculate", "visits", "", "", "", "coalesce(${last-saved#visits}, 0) + 1"],
            ["integer", "herd", "Herd size", "${last-saved#herd} = ''", ". > 0", ""],
        ]
    )
    from surveys.validation import settle

    form = load_form(data, "last_saved.xlsx").form
    assert {"village", "visits", "herd"} <= set(form.questions)
    values, flags = settle(form, {"village": "Beineu", "herd": 40})
    assert values["visits"] in (1, 1.0, "1") and flags["herd"] is True

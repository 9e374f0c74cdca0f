"""Expressions under fuzzing: any text parses or fails cleanly, any valid tree evaluates.

Hypothesis runs derandomised (the same examples on every run) so CI is reproducible.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from surveys.expressions import (
    MAX_NESTING,
    ExpressionError,
    Node,
    evaluate,
    parse,
    references,
    to_ast,
    truthy,
)

FUZZ = settings(
    deadline=None,
    max_examples=150,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Pieces of the grammar, so random text reaches deep into the parser, not just the lexer.
FRAGMENTS = [
    "${age}", "${", "}", "$", "(", ")", ",", ".", "..", "/", "'", '"', "'text'", '"x"',
    " ", "\t", "\n", "\x00", "1", "0.5", ".5", "12345678901234567890", "9" * 400,
    "=", "!=", "<", "<=", ">", ">=", "==", "+", "-", "*", "div", "mod", "and", "or",
    "not(", "if(", "selected(", "regex(", "concat(", "count(", "round(", "unknown(",
    "true()", "name", "a-b", "x:y", "\u2018", "\u201c", "саига", "沙漠", "فارسی", "\U0001f98c",
]

#: Values an answer can hold, including the awkward ones.
SCALARS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "0", "1", "-1", " 2 ", "NaN", "Infinity", "2024-02-29", "2023-02-29",
                     "1970-01-01T10:00:00", "saiga kulan", "true", "false", "a{4294967296}",
                     "(" * 600 + ")" * 600, "(?P<x", "[", "\x00"]),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(),
    st.none(),
    st.booleans(),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=4))
NAMES = ["age", "threats", "country", "x", "x_other", "site.name", "год", "a-b"]
ANSWERS = st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=len(NAMES))

#: Functions of the grammar with the numbers of arguments they take.
FUNCTIONS = {
    "true": (0, 0), "false": (0, 0), "not": (1, 1), "boolean": (1, 1),
    "boolean-from-string": (1, 1), "if": (3, 3), "coalesce": (2, 4), "number": (1, 1),
    "string": (1, 1), "int": (1, 1), "round": (1, 2), "floor": (1, 1), "ceiling": (1, 1),
    "abs": (1, 1), "pow": (2, 2), "min": (1, 4), "max": (1, 4), "sum": (1, 1),
    "count": (1, 1), "count-non-empty": (1, 1), "selected": (2, 2), "count-selected": (1, 1),
    "selected-at": (2, 2), "string-length": (0, 1), "normalize-space": (0, 1),
    "contains": (2, 2), "starts-with": (2, 2), "ends-with": (2, 2), "substr": (2, 3),
    "substring": (2, 3), "concat": (0, 4), "join": (1, 4), "today": (0, 0), "date": (1, 1),
}
OPERATORS = ["or", "and", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"]
SAFE_PATTERNS = ["'[0-9]+'", "'\\d{4}-\\d{2}-\\d{2}'", "'[a-z_]*'", "'.*'", "'(a|b)?c'"]

# A generated expression is (text, names it refers to).
Expr = tuple[str, frozenset[str]]


def _literal_number(number: float) -> str:
    return format(number, "f").rstrip("0").rstrip(".") if number % 1 else str(int(number))


LEAVES: st.SearchStrategy[Expr] = st.one_of(
    st.integers(0, 10**12).map(lambda n: (str(n), frozenset())),
    st.floats(0, 1e6, allow_nan=False).map(lambda n: (_literal_number(n), frozenset())),
    st.text(st.characters(blacklist_characters="'", blacklist_categories=["Cs"]), max_size=12)
    .map(lambda s: (f"'{s}'", frozenset())),
    st.text(st.characters(blacklist_characters='"', blacklist_categories=["Cs"]), max_size=12)
    .map(lambda s: (f'"{s}"', frozenset())),
    st.sampled_from(NAMES).map(lambda n: (f"${{{n}}}", frozenset([n]))),
    st.just((".", frozenset())),
)


def _binary(op: str, left: Expr, right: Expr, parenthesise: bool) -> Expr:
    a, b = (f"({left[0]})", f"({right[0]})") if parenthesise else (left[0], right[0])
    return f"{a} {op} {b}", left[1] | right[1]


def _call(name: str, args: list[Expr]) -> Expr:
    return f"{name}({', '.join(a[0] for a in args)})", frozenset().union(*(a[1] for a in args))


def _extend(children: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
    calls = st.sampled_from(sorted(FUNCTIONS)).flatmap(
        lambda name: st.lists(
            children, min_size=FUNCTIONS[name][0], max_size=FUNCTIONS[name][1]
        ).map(lambda args, name=name: _call(name, args))
    )
    regex = st.tuples(
        children, st.one_of(st.sampled_from(SAFE_PATTERNS).map(lambda p: (p, frozenset())),
                            st.sampled_from(NAMES).map(lambda n: (f"${{{n}}}", frozenset([n]))))
    ).map(lambda args: _call("regex", list(args)))
    return st.one_of(
        st.builds(_binary, st.sampled_from(OPERATORS), children, children, st.booleans()),
        children.map(lambda e: (f"-{e[0]}", e[1])),
        children.map(lambda e: (f"({e[0]})", e[1])),
        calls,
        regex,
    )


EXPRESSIONS = st.recursive(LEAVES, _extend, max_leaves=25)


def _same(a, b) -> bool:
    """Equal, counting NaN as equal to itself."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def _parses_or_fails_cleanly(text: str, *, choice_filter: bool = False) -> Node | None:
    try:
        node = parse(text, choice_filter=choice_filter)
    except ExpressionError as error:
        assert isinstance(error.message, str) and error.message
        assert error.offset is None or 0 <= error.offset <= len(text)
        return None
    assert isinstance(node, Node)
    return node


# -- any text -------------------------------------------------------------------------------


@FUZZ
@given(st.text(max_size=200), st.booleans())
def test_random_text_parses_or_raises_expression_error(text, choice_filter):
    _parses_or_fails_cleanly(text, choice_filter=choice_filter)


@FUZZ
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join), st.booleans())
def test_text_made_of_grammar_pieces_parses_or_raises_expression_error(text, choice_filter):
    _parses_or_fails_cleanly(text, choice_filter=choice_filter)


@FUZZ
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map("".join),
    st.integers(1, 2500),
)
def test_huge_repetitive_text_parses_or_raises_expression_error(piece, times):
    text = (piece * times)[:10_000]
    node = _parses_or_fails_cleanly(text)
    if node is not None:
        json.dumps(to_ast(node), allow_nan=False)


@settings(FUZZ, max_examples=25)
@given(st.text(st.characters(blacklist_categories=["Cs"]), min_size=2000, max_size=10_000))
def test_huge_random_text_parses_or_raises_expression_error(text):
    _parses_or_fails_cleanly(text)


@FUZZ
@given(st.text(max_size=40) | st.text("ab(){}[]*+?|\\d,0123456789", max_size=40))
@example("a{4294967296}")
@example("(" * 1000 + ")" * 1000)
@example("(?P<x>a)(?P<x>b)")
def test_any_regex_pattern_written_in_a_form_parses_or_raises_expression_error(pattern):
    quoted = pattern.replace("'", "")
    _parses_or_fails_cleanly(f"regex(., '{quoted}')")


#: Each opens one level of nesting: a group, a minus sign or a function call.
OPENINGS = ["(", "-", "not(", "concat(", "${a} + (", "if(1, 2, "]


def _nested(opening: str, depth: int) -> str:
    return opening * depth + "1" + ")" * depth * opening.count("(")


@pytest.mark.parametrize("opening", OPENINGS)
def test_nesting_to_the_limit_parses_and_one_level_more_is_refused(opening):
    assert isinstance(parse(_nested(opening, MAX_NESTING)), Node)
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse(_nested(opening, MAX_NESTING + 1))


@settings(FUZZ, max_examples=40)
@given(st.sampled_from(OPENINGS), st.integers(1, 3000))
@example("(", 1)
@example("if(1, 2, ", 3000)
def test_deep_nesting_is_refused_with_an_expression_error(opening, depth):
    text = _nested(opening, depth)
    if depth <= MAX_NESTING:
        assert isinstance(parse(text), Node)
        return
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert "nested" in caught.value.message
    assert caught.value.offset is None or 0 <= caught.value.offset <= len(text)


@settings(FUZZ, max_examples=40)
@given(st.sampled_from(OPERATORS), st.integers(1, 3000))
def test_long_operator_chains_parse_or_raise_expression_error(op, terms):
    node = _parses_or_fails_cleanly(f" {op} ".join(["${age}"] * terms))
    if node is not None:
        evaluate(node, {"age": 3})
        json.dumps(to_ast(node), allow_nan=False)


@FUZZ
@given(EXPRESSIONS, st.data())
def test_damaged_valid_expressions_parse_or_raise_expression_error(expr, data):
    text = expr[0]
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        insert = data.draw(st.sampled_from(FRAGMENTS) | st.text(max_size=2))
        text = text[:at] + insert + text[at + cut :]
    _parses_or_fails_cleanly(text)


# -- valid expressions ----------------------------------------------------------------------


@FUZZ
@given(EXPRESSIONS)
def test_generated_expressions_parse(expr):
    assert isinstance(parse(expr[0]), Node)


@FUZZ
@given(EXPRESSIONS, ANSWERS, VALUES)
def test_valid_expressions_evaluate_to_a_value_for_any_answers(expr, answers, current):
    node = parse(expr[0])
    try:
        result = evaluate(node, answers, current)
    except ExpressionError:
        # The only run-time failure: a regular expression taken from an answer.
        assert "regex(" in expr[0]
        return
    assert isinstance(result, str | float | int | bool | list)
    assert isinstance(truthy(result), bool)


@FUZZ
@given(EXPRESSIONS, ANSWERS, VALUES)
def test_evaluation_is_deterministic(expr, answers, current):
    outcomes = []
    for source in (expr[0], parse(expr[0]), expr[0]):
        try:
            outcomes.append(("value", evaluate(source, answers, current)))
        except ExpressionError as error:
            outcomes.append(("error", error.message))
    first = outcomes[0]
    for other in outcomes[1:]:
        assert other[0] == first[0]
        if isinstance(first[1], list):
            assert len(other[1]) == len(first[1])
            assert all(_same(a, b) for a, b in zip(first[1], other[1], strict=True))
        else:
            assert _same(first[1], other[1])


@FUZZ
@given(EXPRESSIONS)
def test_browser_tree_is_strict_json_and_survives_a_round_trip(expr):
    tree = to_ast(expr[0])
    text = json.dumps(tree, allow_nan=False)
    assert json.loads(text) == tree


@FUZZ
@given(EXPRESSIONS)
def test_references_are_exactly_the_names_written_as_refs(expr):
    assert references(expr[0]) == set(expr[1])
    assert references(parse(expr[0])) == set(expr[1])

"""Answer checking under fuzzing: any submitted value is coerced, refused or reported.

The forms are the test form of ``xlsform_fixtures``, the shipped questionnaire and a small
form with the expression-driven rules the others lack (required and constraints that
refer to other answers, chained calculations, relevance inside a repeat, time types).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from surveys.forms.cami_gap_needs import SHIPPED
from surveys.model import Form, Question
from surveys.validation import (
    AnswerError,
    clean_section,
    coerce,
    prune_hidden,
    validate_section,
    visibility,
)
from surveys.xlsform import load_form
from tests.surveys.xlsform_fixtures import CHOICES, SETTINGS, SURVEY, xlsx

FUZZ = settings(
    deadline=None,
    max_examples=50,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

RULES_SURVEY = [
    ["type", "name", "label", "relevant", "constraint", "calculation", "required",
     "choice_filter"],
    ["integer", "n", "How many", None, ". >= 0", None, None, None],
    ["time", "at", "Time", "${n} > 3", None, None, None, None],
    ["datetime", "when", "When", None, None, None, None, None],
    ["select_multiple species", "seen", "Seen", None, None, None, "${n} > 1",
     "name != 'kulan' or ${n} > 5"],
    ["calculate", "double", None, None, None, "${n} * 2", None, None],
    ["calculate", "more", None, None, None, "${double} + count-selected(${seen})", None, None],
    ["text", "why", "Why", "${more} > 10", None, None, "yes", None],
    ["begin_repeat", "sites", "Sites", "${n} != 0", None, None, None, None],
    ["text", "site", "Site", None, "string-length(.) < 20", None, None, None],
    ["integer", "count", "Count", "string-length(${site}) > 2", ". < ${n}", None, None, None],
    ["select_one species or_other", "kind", "Kind", None, None, None, None, None],
    ["calculate", "site_twice", None, None, None, "${count} * 2", None, None],
    ["end_repeat", None, None, None, None, None, None, None],
    ["acknowledge", "ok", "OK", None, None, None, "yes", None],
    ["decimal", "share", "Share", "${ok} = 'OK'", "regex(., '[0-9.]+') and . <= 100", None,
     None, None],
    ["rank species", "order", "Order", None, None, None, None, None],
]
RULES_CHOICES = [
    ["list_name", "name", "label"],
    ["species", "saiga", "Saiga"],
    ["species", "kulan", "Kulan"],
    ["species", "argali", "Argali"],
]


def _load(data: bytes, filename: str) -> Form:
    return load_form(data, filename).form


FORMS = {
    "fixture": _load(xlsx({"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS}), "f.xlsx"),
    "shipped": _load(SHIPPED.read_bytes(), SHIPPED.name),
    "rules": _load(xlsx({"survey": RULES_SURVEY, "choices": RULES_CHOICES}), "rules.xlsx"),
}

#: Text as respondents type it, with near misses for every answer type.
AWKWARD = [
    "", " ", "\t\n", "0", "-0", "12", "+7", "\u22125", "12.0", "12.5", "1,5", "1e5", "1e400",
    "-1e400", "NaN", "inf", "2147483647", "2147483648", "-2147483649", "1" * 5000, "9" * 400,
    "2024-05-02", "2024-02-30", "2024-05-02T10:11:12", "2024-05-02 10:11", "10:11", "25:00",
    "10:11:12.123+05:00", "OK", "ok", "yes", "no", "off", "saiga", "saiga saiga", "saiga kulan",
    "other", "KZ", "low very_high", "'; DROP TABLE", "=HYPERLINK(\"x\")", "\x00", "\r\n",
    "Сайгак", "沙漠", "فارسی",
]
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(AWKWARD))
SCALARS = st.one_of(
    TEXT,
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(),
    st.booleans(),
    st.none(),
)
RAW = st.one_of(SCALARS, st.lists(SCALARS, max_size=4))


def _codes_and_junk(form: Form) -> st.SearchStrategy[str]:
    codes = sorted({c.name for choices in form.choices.values() for c in choices})
    return st.lists(st.sampled_from(codes) | TEXT, max_size=4).map(" ".join)


def _answers(form: Form) -> st.SearchStrategy[dict]:
    """Whole responses: some questions answered with anything, repeats as lists."""
    names = sorted(form.questions)
    raw = st.one_of(RAW, _codes_and_junk(form))
    instance_lists = st.lists(raw, max_size=4)

    def value_for(name: str) -> st.SearchStrategy:
        if form.questions[name].repeat is not None:
            return st.one_of(instance_lists, raw)
        return raw

    return st.lists(st.sampled_from(names), unique=True, max_size=len(names)).flatmap(
        lambda chosen: st.fixed_dictionaries({name: value_for(name) for name in chosen})
    ).flatmap(
        lambda answers: st.dictionaries(st.text(max_size=8), RAW, max_size=2).map(
            lambda junk: {**junk, **answers}
        )
    )


# Forms are drawn by key so that a failing example prints short.
FORM_AND_QUESTION = st.sampled_from(sorted(FORMS)).flatmap(
    lambda key: st.tuples(st.just(key), st.sampled_from(sorted(FORMS[key].questions)))
)
FORM_AND_ANSWERS = st.sampled_from(sorted(FORMS)).flatmap(
    lambda key: st.tuples(st.just(key), _answers(FORMS[key]))
)
LANGS = st.sampled_from([None, "en", "ru", "fa", "xx"])
KEY_RE = re.compile(r"(?P<name>.+)\[(?P<index>\d+)\]")


def _marked(template: str) -> str:
    """A stand-in for gettext that shows it was applied."""
    return "» " + template


def _check_coerced(question: Question, value) -> None:
    """What a coerced value of each answer type looks like."""
    if value == "" or not question.answered:
        return
    expected = {"integer": int, "decimal": float}.get(question.type, str)
    assert type(value) is expected
    if question.type in ("select_one", "select_multiple", "rank") and question.codes:
        assert set(value.split()) <= set(question.codes)


# -- coerce -----------------------------------------------------------------------------


@FUZZ
@given(FORM_AND_QUESTION, RAW)
@example(("rules", "n"), "1" * 5000)
@example(("rules", "n"), "0" * 5000 + "7")
@example(("rules", "share"), 10**400)
@example(("fixture", "species_seen"), 3)
def test_coerce_returns_a_value_or_raises_answer_error(form_and_question, raw):
    key, name = form_and_question
    question = FORMS[key].questions[name]
    try:
        value = coerce(question, raw)
    except AnswerError as error:
        assert isinstance(error, ValueError)
        assert isinstance(error.message(), str) and error.message()
        assert error.message(_marked).startswith("» ")
        return
    _check_coerced(question, value)


@FUZZ
@given(FORM_AND_QUESTION, st.data())
def test_coerce_accepts_its_own_output_unchanged(form_and_question, data):
    key, name = form_and_question
    form = FORMS[key]
    question = form.questions[name]
    raw = data.draw(st.one_of(RAW, _codes_and_junk(form)))
    try:
        value = coerce(question, raw)
    except AnswerError:
        return
    if question.answered:
        assert coerce(question, value) == value


# -- pages ------------------------------------------------------------------------------


@FUZZ
@given(FORM_AND_ANSWERS, st.data(), LANGS)
def test_validate_section_reports_only_questions_of_that_section(
    form_and_answers, data, lang
):
    key, answers = form_and_answers
    form = FORMS[key]
    section = data.draw(st.sampled_from(form.sections))
    errors = validate_section(form, section, answers, lang, translate=_marked)
    assert isinstance(errors, dict)
    for key, message in errors.items():
        match = KEY_RE.fullmatch(key)
        name = match["name"] if match else key
        assert name in section.questions
        question = form.questions[name]
        assert question.answered
        if match:
            assert question.repeat is not None
        assert isinstance(message, str) and message.strip()


@FUZZ
@given(FORM_AND_ANSWERS, st.data(), LANGS)
def test_clean_section_coerces_every_answer_of_the_section(form_and_answers, data, lang):
    key, answers = form_and_answers
    form = FORMS[key]
    section = data.draw(st.sampled_from(form.sections))
    cleaned, errors = clean_section(form, section, answers, lang)
    for name in section.questions:
        question = form.questions[name]
        if not question.answered or name not in answers:
            continue
        value = cleaned[name]
        for item in value if isinstance(value, list) else [value]:
            _check_coerced(question, item)


@FUZZ
@given(FORM_AND_ANSWERS)
def test_prune_hidden_keeps_no_answer_of_a_question_not_shown(form_and_answers):
    key, answers = form_and_answers
    form = FORMS[key]
    kept = prune_hidden(form, answers)
    assert set(kept) <= set(form.questions)
    shown = visibility(form, kept)
    for name, value in kept.items():
        flag = shown[name]
        if isinstance(flag, list):
            assert any(flag)
            if isinstance(value, list):
                hidden = [v for i, v in enumerate(value) if i >= len(flag) or not flag[i]]
                assert all(v == "" for v in hidden)
        else:
            assert flag


@FUZZ
@given(FORM_AND_ANSWERS)
def test_prune_hidden_is_idempotent(form_and_answers):
    key, answers = form_and_answers
    form = FORMS[key]
    kept = prune_hidden(form, answers)
    assert prune_hidden(form, kept) == kept

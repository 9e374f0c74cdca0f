import datetime
import time

import pytest

from surveys.validation import (
    DEFAULT_MESSAGES,
    AnswerError,
    ChoiceLabels,
    available_choices,
    calculate,
    clean_section,
    coerce,
    coerce_answers,
    fill_in,
    initial_values,
    instance_count,
    long_answers,
    prune_hidden,
    validate_section,
    visibility,
    visible,
    visible_sections,
)
from surveys.xlsform import load_form
from tests.surveys.xlsform_fixtures import simple_form_bytes, xlsx

CONSENTED = {"consent": "OK"}


# -- coerce ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("42", 42), (" -7 ", -7), ("+3", 3), ("12.0", 12), (5, 5), (8.0, 8), ("", ""), ([], "")],
)
def test_integer_answers_become_int(form, raw, expected):
    assert coerce(form.questions["years"], raw) == expected


@pytest.mark.parametrize("raw", ["4.5", "four", "1e3", "2147483648", True, 2.5])
def test_integer_answers_that_are_not_whole_numbers_are_refused(form, raw):
    with pytest.raises(AnswerError) as caught:
        coerce(form.questions["years"], raw)
    assert caught.value.key in ("integer", "integer_range")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("3.5", 3.5), ("3,5", 3.5), ("-0.25", -0.25), (".5", 0.5), ("7", 7.0), (2, 2.0)],
)
def test_decimal_answers_accept_point_or_comma(form, raw, expected):
    assert coerce(form.questions["decline"], raw) == expected


@pytest.mark.parametrize("raw", ["3.5.1", "abc", "nan", "inf", "1,000.5"])
def test_decimal_answers_that_do_not_parse_are_refused(form, raw):
    with pytest.raises(ValueError, match="Enter a number"):
        coerce(form.questions["decline"], raw)


def test_dates_are_stored_as_iso_text(form):
    question = form.questions["interview_date"]
    assert coerce(question, "2024-06-01") == "2024-06-01"
    assert coerce(question, "2024-06-01T10:00:00") == "2024-06-01"
    for bad in ("01/06/2024", "2024-02-30", "yesterday"):
        with pytest.raises(AnswerError, match="YYYY-MM-DD"):
            coerce(question, bad)


def test_select_one_accepts_only_codes_of_its_list(form):
    question = form.questions["country"]
    assert coerce(question, "KZ") == "KZ"
    assert coerce(question, ["MN"]) == "MN"
    with pytest.raises(AnswerError, match="'XX' is not one of the choices"):
        coerce(question, "XX")
    with pytest.raises(AnswerError, match="only one"):
        coerce(question, ["KZ", "MN"])


def test_select_multiple_joins_codes_with_spaces(form):
    question = form.questions["species_seen"]
    assert coerce(question, ["saiga", "kulan"]) == "saiga kulan"
    assert coerce(question, "kulan  argali") == "kulan argali"
    assert coerce(question, ["saiga", "saiga", ""]) == "saiga"
    assert coerce(question, []) == ""
    with pytest.raises(AnswerError, match="'tiger'"):
        coerce(question, ["saiga", "tiger"])


def test_or_other_select_accepts_other(form):
    assert coerce(form.questions["main_threat"], "other") == "other"
    with pytest.raises(AnswerError):
        coerce(form.questions["country"], "other")


def test_rank_keeps_order_and_refuses_repeats(form):
    question = form.questions["priority_rank"]
    assert coerce(question, ["climate", "poaching", "livestock"]) == "climate poaching livestock"
    with pytest.raises(AnswerError, match="more than once"):
        coerce(question, ["climate", "climate"])


def test_rank_of_many_codes_is_checked_in_linear_time(form):
    question = form.questions["priority_rank"]
    started = time.perf_counter()
    with pytest.raises(AnswerError, match="more than once"):
        coerce(question, ["climate"] * 50_000 + ["poaching"] * 50_000)
    assert time.perf_counter() - started < 1.0


def test_a_huge_code_is_quoted_cut_short_in_the_message(form):
    with pytest.raises(AnswerError) as caught:
        coerce(form.questions["country"], "X" * 100_000)
    assert len(str(caught.value)) < 100


def test_answers_longer_than_max_length_are_refused(form):
    text = form.questions["comments"]
    assert coerce(text, "x" * 10, max_length=10) == "x" * 10
    # A line break sent as CRLF counts as one character, as the browser counted it.
    assert coerce(text, "x" * 4 + "\r\n" + "x" * 5, max_length=10) == "xxxx\nxxxxx"
    with pytest.raises(AnswerError) as caught:
        coerce(text, "x" * 11, max_length=10)
    assert caught.value.key == "too_long"
    assert str(caught.value) == "Shorten this answer to at most 10 characters (it has 11)."
    with pytest.raises(AnswerError, match="at most 10 characters"):
        coerce(form.questions["priority_rank"], ["climate", "poaching"], max_length=10)
    assert coerce(text, "x" * 100_000) == "x" * 100_000, "no limit unless one is given"


def test_coerce_answers_reports_each_too_long_answer(form):
    values = {"comments": "x" * 101, "site_name": ["ok", "y" * 101]}
    cleaned, errors = coerce_answers(form, ["comments", "site_name"], values, max_length=100)
    assert errors == {
        "comments": DEFAULT_MESSAGES["too_long"].format(limit=100, length=101),
        "site_name[1]": DEFAULT_MESSAGES["too_long"].format(limit=100, length=101),
    }
    assert cleaned["comments"] == "" and cleaned["site_name"] == ["ok", ""]


def test_long_answers_names_the_answers_over_the_limit(form):
    values = {"comments": "x" * 101, "site_name": ["ok", "y" * 101], "country": "KZ"}
    names = ["comments", "site_name", "country"]
    catalogue = {DEFAULT_MESSAGES["too_long"]: "Не больше {limit} знаков (здесь {length})."}
    assert long_answers(form, names, values, 100, translate=catalogue.get) == {
        "comments": "Не больше 100 знаков (здесь 101).",
        "site_name[1]": "Не больше 100 знаков (здесь 101).",
    }
    assert long_answers(form, names, values, None) == {}


def test_text_answers_lose_control_characters_but_keep_tabs_and_line_breaks(form):
    raw = "a\x00b\x07c\td\r\ne\x1bf\ud800"
    assert coerce(form.questions["comments"], raw) == "abc\td\nef\ufffd"


@pytest.mark.parametrize("raw", [[["a"]], {"a": 1}, [{"a": 1}], [[[]]]])
def test_a_nested_list_or_an_object_is_not_taken_as_text(form, raw):
    with pytest.raises(AnswerError) as caught:
        coerce(form.questions["comments"], raw)
    assert caught.value.key == "constraint"


def test_acknowledge_is_ok_or_empty(form):
    question = form.questions["consent"]
    assert coerce(question, "on") == "OK"
    assert coerce(question, "OK") == "OK"
    assert coerce(question, "") == ""
    with pytest.raises(AnswerError):
        coerce(question, "maybe")


def test_text_is_trimmed_and_notes_have_no_value(form):
    assert coerce(form.questions["comments"], "  fences block kulan\r\nmigration ") == (
        "fences block kulan\nmigration"
    )
    assert coerce(form.questions["threats_intro"], "anything") == ""


def test_answer_error_message_goes_through_translate(form):
    with pytest.raises(AnswerError) as caught:
        coerce(form.questions["country"], "XX")
    catalogue = {DEFAULT_MESSAGES["choice"]: "«{code}» нет среди вариантов."}
    assert caught.value.message(catalogue.get) == "«XX» нет среди вариантов."
    assert str(caught.value) == "'XX' is not one of the choices."


# -- relevance -------------------------------------------------------------------------


def test_group_relevance_hides_every_question_in_the_group(form):
    shown = visible(form, {})
    assert "species_seen" not in shown
    assert "decline" not in shown
    assert "country" in shown
    assert "species_seen" in visible(form, CONSENTED)


def test_own_relevance_combines_with_the_group(form):
    assert "poaching_severity" not in visible(form, {"species_seen": "saiga"})
    assert "poaching_severity" not in visible(form, {**CONSENTED, "species_seen": "kulan"})
    assert "poaching_severity" in visible(form, {**CONSENTED, "species_seen": "kulan saiga"})


def test_specify_other_shows_only_when_other_is_chosen(form):
    assert "main_threat_other" not in visible(form, {**CONSENTED, "main_threat": "poaching"})
    assert "main_threat_other" in visible(form, {**CONSENTED, "main_threat": "other"})


def test_answers_of_hidden_questions_count_as_empty_downstream():
    rows = [
        ["select_one yn", "a", "A"],
        ["select_one yn", "b", "B", "${a} = 'yes'"],
        ["text", "c", "C", "${b} = 'yes'"],
    ]
    form = load_form(
        simple_form_bytes(rows, [["yn", "yes", "Yes"], ["yn", "no", "No"]]), "f.xlsx"
    ).form
    assert "c" in visible(form, {"a": "yes", "b": "yes"})
    assert "c" not in visible(form, {"a": "no", "b": "yes"})


def test_repeat_relevance_is_per_instance():
    rows = [
        ["begin_repeat", "sites", "Sites"],
        ["integer", "count", "Count"],
        ["text", "why_none", "Why none?", "${count} = 0"],
        ["end_repeat"],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    values = {"count": [3, 0, 5]}
    assert visibility(form, values)["why_none"] == [False, True, False]
    assert "why_none" in visible(form, values)
    assert instance_count(form, "sites", values) == 3
    pruned = prune_hidden(form, {"count": [3, 0], "why_none": ["stale", "flooded"]})
    assert pruned == {"count": [3, 0], "why_none": ["", "flooded"]}


def test_a_shared_condition_follows_the_values_it_sees_at_each_question():
    # "early" and "late" share one condition on "b"; "b" is hidden between them, so from
    # there on its answer counts as empty and "late" is hidden while "early" is not.
    rows = [
        ["text", "a", "A"],
        ["text", "early", "Early", "${b} != ''"],
        ["text", "b", "B", "${a} = 'yes'"],
        ["text", "late", "Late", "${b} != ''"],
        ["begin_repeat", "sites", "Sites"],
        ["text", "name", "Name"],
        ["text", "detail", "Detail", "${name} != '' and ${b} != ''"],
        ["end_repeat"],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    flags = visibility(form, {"a": "no", "b": "x", "name": ["n1", "", "n3"]})
    assert (flags["early"], flags["b"], flags["late"]) == (True, False, False)
    assert flags["detail"] == [False, False, False]
    flags = visibility(form, {"a": "yes", "b": "x", "name": ["n1", "", "n3"]})
    assert (flags["early"], flags["b"], flags["late"]) == (True, True, True)
    assert flags["detail"] == [True, False, True]


def test_prune_hidden_drops_answers_of_questions_no_longer_shown(form):
    values = {
        "followup": "no",
        "email": "someone@example.org",
        "comments": "ok",
        "species_seen": "saiga",
        "not_a_question": 1,
    }
    pruned = prune_hidden(form, values)
    assert "email" not in pruned
    assert "species_seen" not in pruned
    assert "not_a_question" not in pruned
    assert pruned["comments"] == "ok"
    assert prune_hidden(form, {**values, "followup": "yes"})["email"] == "someone@example.org"


def test_visible_sections_skip_groups_with_nothing_to_show(form):
    assert [s.name for s in visible_sections(form, {})] == [
        "respondent",
        "ratings",
        "sites",
        "priority_rank",
    ]
    assert "threats" in [s.name for s in visible_sections(form, CONSENTED)]


# -- calculations and defaults ---------------------------------------------------------


def test_calculations_run_on_the_answers(form):
    values = calculate(form, {"species_seen": "saiga argali"})
    assert values["species_score"] == 4
    assert values["species_seen"] == "saiga argali"


def test_calculations_run_after_those_they_depend_on():
    rows = [
        ["calculate", "total", None, None, None, "${double} + 1"],
        ["calculate", "double", None, None, None, "${n} * 2"],
        ["integer", "n", "N"],
        ["calculate", "flag", None, None, None, "${n} > 2"],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    assert calculate(form, {"n": 3}) == {"n": 3, "double": 6, "total": 7, "flag": "true"}


def test_calculations_inside_a_repeat_give_one_value_per_instance():
    rows = [
        ["begin_repeat", "sites", "Sites"],
        ["integer", "count", "Count"],
        ["calculate", "twice", None, None, None, "${count} * 2"],
        ["end_repeat"],
        ["calculate", "sites_total", None, None, None, "sum(${count})"],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    values = calculate(form, {"count": [1, 4]})
    assert values["twice"] == [2, 8]
    assert values["sites_total"] == 5


def test_initial_values_hold_fixed_defaults(form):
    assert initial_values(form) == {"decline": 5.5}


# -- checking a section ----------------------------------------------------------------


def test_required_questions_without_answer_are_reported(form):
    errors = validate_section(form, form.section("respondent"), {"country": "KZ"}, "en")
    assert errors == {
        "stakeholder": "Please choose your group",
        "consent": DEFAULT_MESSAGES["required"],
    }


def test_required_message_is_in_the_chosen_language(form):
    errors = validate_section(form, form.section("respondent"), {}, "ru")
    assert errors["stakeholder"] == "Выберите группу"


def test_default_messages_go_through_translate(form):
    errors = validate_section(
        form, form.section("respondent"), {}, "ru", translate=lambda text: f"[ru] {text}"
    )
    assert errors["country"] == f"[ru] {DEFAULT_MESSAGES['required']}"
    assert errors["stakeholder"] == "Выберите группу"


def test_constraint_on_current_value_uses_constraint_message(form):
    values = {"country": "KZ", "stakeholder": "community", "consent": "OK", "years": "81"}
    assert validate_section(form, form.section("respondent"), values, "en") == {
        "years": "Between 0 and 80 years"
    }
    values["years"] = "80"
    assert validate_section(form, form.section("respondent"), values, "en") == {}


def test_missing_constraint_translation_falls_back_to_default_language(form):
    values = {"country": "KZ", "stakeholder": "community", "consent": "OK", "years": "-1"}
    errors = validate_section(form, form.section("respondent"), values, "ru")
    assert errors == {"years": "Between 0 and 80 years"}


def test_translated_constraint_message_is_used(form):
    values = {**CONSENTED, "species_seen": ["kulan"], "decline": "120"}
    errors = validate_section(form, form.section("threats"), values, "ru")
    assert errors == {"decline": "Доля от 0 до 100"}


def test_coercion_errors_are_reported_instead_of_other_checks(form):
    values = {"country": "KZ", "stakeholder": "community", "consent": "OK", "years": "many"}
    values_after, errors = clean_section(form, form.section("respondent"), values, "en")
    assert errors == {"years": DEFAULT_MESSAGES["integer"]}
    assert values_after["years"] == ""


def test_hidden_questions_are_not_validated(form):
    errors = validate_section(form, form.section("threats"), {"decline": "500"}, "en")
    assert errors == {}
    errors = validate_section(form, form.section("threats"), {**CONSENTED, "decline": "500"}, "en")
    assert set(errors) == {"species_seen", "decline"}


def test_required_follows_skip_logic_inside_the_group(form):
    values = {**CONSENTED, "species_seen": ["kulan"]}
    assert validate_section(form, form.section("threats"), values, "en") == {}
    values["species_seen"] = ["saiga"]
    assert validate_section(form, form.section("threats"), values, "en") == {
        "poaching_severity": DEFAULT_MESSAGES["required"]
    }


def test_choice_filter_limits_the_valid_choices(form):
    question = form.questions["region"]
    assert [c.name for c in available_choices(form, question, {"country": "KZ"})] == [
        "almaty",
        "mangystau",
    ]
    values = {"country": "MN", "region": "almaty", "stakeholder": "community", "consent": "on"}
    errors = validate_section(form, form.section("respondent"), values, "en")
    assert errors == {"region": DEFAULT_MESSAGES["filtered"].format(code="almaty")}


def test_clean_section_returns_coerced_values_and_calculations(form):
    values = {
        **CONSENTED,
        "species_seen": ["saiga", "argali"],
        "poaching_severity": "high",
        "decline": "12,5",
    }
    cleaned, errors = clean_section(form, form.section("threats"), values, "en")
    assert errors == {}
    assert cleaned["species_seen"] == "saiga argali"
    assert cleaned["decline"] == 12.5
    assert cleaned["species_score"] == 4


def test_repeat_instances_are_checked_one_by_one(form):
    values = {"site_name": ["Barsakelmes", "", "Altyn-Emel"], "site_count": ["30", "4", "x"]}
    cleaned, errors = clean_section(form, form.section("sites"), values, "en")
    assert errors == {
        "site_name[1]": DEFAULT_MESSAGES["required"],
        "site_count[2]": DEFAULT_MESSAGES["integer"],
    }
    assert cleaned["site_count"] == [30, 4, ""]
    errors = validate_section(
        form, form.section("sites"), {"site_name": ["A"], "site_count": ["0"]}, "en"
    )
    assert errors == {"site_count[0]": DEFAULT_MESSAGES["constraint"]}


def test_required_can_be_an_expression():
    rows = [["integer", "n", "N"], ["text", "why", "Why?"]]
    data = simple_form_bytes(rows)
    form = load_form(data, "f.xlsx").form
    form.questions["why"].required = "${n} > 10"
    section = form.sections[0]
    assert validate_section(form, section, {"n": "11"}) == {"why": DEFAULT_MESSAGES["required"]}
    assert validate_section(form, section, {"n": "3"}) == {}


def test_relevance_is_inherited_through_nested_groups():
    rows = [
        ["integer", "a", "A"],
        ["begin_group", "outer", "Outer", "${a} > 0"],
        ["integer", "b", "B"],
        ["begin_group", "inner", "Inner", "${b} > 0"],
        ["text", "c", "C"],
        ["end_group"],
        ["end_group"],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    assert "c" in visible(form, {"a": 1, "b": 1})
    assert "c" not in visible(form, {"a": 1, "b": 0})
    assert not {"b", "c"} & visible(form, {"a": 0, "b": 1})


def test_initial_values_evaluate_expression_defaults_once_and_keep_dates():
    survey = [
        ["type", "name", "label", "default"],
        ["date", "when", "When", "2024-01-31"],
        ["date", "today_", "Today", "today()"],
        ["integer", "n", "N", "${when}"],
        ["integer", "m", "M", "abc"],
        ["integer", "year", "Year", "int(substr(${when}, 0, 4))"],
    ]
    form = load_form(xlsx({"survey": survey}), "f.xlsx").form
    today = datetime.date.today().isoformat()
    # ${when} is a date, not a whole number, and "abc" neither: both left out.
    assert initial_values(form) == {"when": "2024-01-31", "today_": today, "year": 2024}


# -- choice names and labels that name answers -----------------------------------------

NAMED_SURVEY = [
    ["type", "name", "label::English (en)", "label::Русский (ru)", "calculation",
     "choice_filter", "constraint"],
    ["select_one countries", "country", "Country", "Страна", "", "", ""],
    ["select_one species", "target", "Species", "Вид", "", "selected(countries, ${country})", ""],
    ["calculate", "target_name", "", "", "jr:choice-name(${target}, '${target}')", "", ""],
    ["text", "why", "Why ${target_name}?", "Почему ${target_name}?", "", "", ""],
    ["text", "check", "Check", "Проверка", "", "", ". = ${target_name}"],
]  # fmt: skip
NAMED_CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Русский (ru)", "countries"],
    ["countries", "KZ", "Kazakhstan", "Казахстан", ""],
    ["countries", "CN", "China", "Китай", ""],
    ["species", "saiga", "Saiga", "Сайгак", "KZ RU"],
    ["species", "chiru", "Chiru", "Оронго", "CN"],
]


@pytest.fixture
def named_form():
    data = xlsx({"survey": NAMED_SURVEY, "choices": NAMED_CHOICES})
    return load_form(data, "named.xlsx").form


def test_choice_column_of_codes_filters_the_choices_by_country(named_form):
    target = named_form.questions["target"]
    assert [c.name for c in available_choices(named_form, target, {"country": "KZ"})] == ["saiga"]
    assert [c.name for c in available_choices(named_form, target, {"country": "CN"})] == ["chiru"]
    assert available_choices(named_form, target, {"country": ""}) == []
    section = named_form.sections[0]
    _, errors = clean_section(named_form, section, {"country": "KZ", "target": "chiru"})
    assert errors["target"] == DEFAULT_MESSAGES["filtered"].format(code="chiru")


def test_choice_labels_map_each_select_to_its_labels_in_a_language(named_form):
    english, russian = ChoiceLabels(named_form), ChoiceLabels(named_form, "ru")
    assert english["target"] == {"saiga": "Saiga", "chiru": "Chiru"}
    assert russian["country"]["KZ"] == "Казахстан"
    assert set(english) == {"country", "target"} and len(russian) == 2
    assert "why" not in english and "nothing" not in english


def test_choice_name_calculations_are_stored_in_the_default_language(named_form):
    values = {"country": "KZ", "target": "saiga"}
    assert calculate(named_form, values)["target_name"] == "Saiga"
    assert calculate(named_form, values, "ru")["target_name"] == "Сайгак"
    assert calculate(named_form, {"country": "KZ"})["target_name"] == ""


def test_rules_use_default_language_labels_whatever_the_respondents_language(named_form):
    section = named_form.sections[0]
    values = {"country": "KZ", "target": "saiga", "check": "Saiga"}
    assert validate_section(named_form, section, values, "ru") == {}
    errors = validate_section(named_form, section, dict(values, check="Сайгак"), "ru")
    assert list(errors) == ["check"]


def test_fill_in_puts_answers_into_labels_as_odk_outputs_do(named_form):
    values = calculate(named_form, {"country": "KZ", "target": "saiga"}, "ru")
    label = named_form.label(named_form.questions["why"], "ru")[0]
    assert fill_in(named_form, label, values) == "Почему Сайгак?"
    assert fill_in(named_form, "${target} in ${ country }", values) == "saiga in KZ"
    assert fill_in(named_form, "${why}|${unknown}|$5", values) == "|${unknown}|$5"
    assert fill_in(named_form, "no references", {}) == "no references"

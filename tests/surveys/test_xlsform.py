import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from surveys.model import Form
from surveys.xlsform import FormError, form_to_xlsx, language_of, load_form, xlsx_with_language
from tests.surveys.xlsform_fixtures import CHOICES, EN, SETTINGS, SURVEY, simple_form_bytes, xlsx


def issues_of(data: bytes, **kwargs):
    with pytest.raises(FormError) as caught:
        load_form(data, "broken.xlsx", **kwargs)
    return caught.value.issues


# -- what a good form turns into -------------------------------------------------------


def test_settings_give_id_title_version_and_default_language(form):
    assert form.form_id == "gap_needs_test"
    assert form.title == "Gap and needs test"
    assert form.version == "2024060101"
    assert form.default_language == "en"


def test_languages_come_from_translation_column_names(form):
    assert form.languages == ["en", "ru"]
    assert form.language_names == {"en": "English", "ru": "Русский"}


def test_top_level_groups_and_runs_of_ungrouped_questions_become_sections(form):
    assert [(s.name, s.kind) for s in form.sections] == [
        ("respondent", "group"),
        ("threats", "group"),
        ("ratings", "group"),
        ("sites", "repeat"),
        ("priority_rank", "questions"),
    ]
    assert form.section("priority_rank").questions == [
        "priority_rank",
        "comments",
        "followup",
        "email",
    ]
    assert form.section("ratings").appearance == "table-list"
    assert form.section("respondent").appearance == "field-list"
    assert form.section("threats").labels == {"en": "Threats", "ru": "Угрозы"}


def test_every_supported_row_type_is_read_with_its_columns(form):
    q = form.questions
    assert {name: q[name].type for name in q} == {
        "country": "select_one",
        "region": "select_one",
        "stakeholder": "select_one",
        "years": "integer",
        "interview_date": "date",
        "consent": "acknowledge",
        "threats_intro": "note",
        "species_seen": "select_multiple",
        "poaching_severity": "select_one",
        "decline": "decimal",
        "main_threat": "select_one",
        "main_threat_other": "text",
        "species_score": "calculate",
        "livestock_severity": "select_one",
        "climate_severity": "select_one",
        "site_name": "text",
        "site_count": "integer",
        "priority_rank": "rank",
        "comments": "text",
        "followup": "select_one",
        "email": "text",
    }
    assert q["poaching_severity"].path == "threats/poaching_severity"
    assert q["poaching_severity"].appearance == "likert"
    assert q["species_seen"].list_name == "species"
    assert q["years"].hints == {"en": "Whole years"}
    assert q["years"].constraint == ". >= 0 and . <= 80"
    assert q["years"].constraint_message == {"en": "Between 0 and 80 years"}
    assert q["stakeholder"].required is True
    assert q["stakeholder"].required_message == {
        "en": "Please choose your group",
        "ru": "Выберите группу",
    }
    assert q["decline"].default == "5.5"
    assert q["region"].choice_filter == "country = ${country}"
    assert q["species_score"].calculation == "count-selected(${species_seen}) * 2"
    assert q["comments"].labels == {"en": "Comments"}
    assert q["priority_rank"].codes == ["poaching", "livestock", "climate"]


def test_relevance_of_enclosing_groups_is_inherited(form):
    severity = form.questions["poaching_severity"]
    assert severity.own_relevant == "selected(${species_seen}, 'saiga')"
    assert severity.relevant == "(${consent} = 'OK') and (selected(${species_seen}, 'saiga'))"
    assert form.questions["decline"].relevant == "${consent} = 'OK'"
    assert form.questions["country"].relevant is None


def test_questions_in_a_repeat_name_their_repeat(form):
    assert form.questions["site_name"].repeat == "sites"
    assert form.questions["site_count"].repeat == "sites"
    assert form.questions["comments"].repeat is None
    assert form.groups["sites"].kind == "repeat"


def test_or_other_adds_the_other_code_and_a_specify_question(form):
    select = form.questions["main_threat"]
    assert select.or_other
    assert select.codes == ["poaching", "infrastructure", "other"]
    other = form.questions["main_threat_other"]
    assert other.generated
    assert other.path == "threats/main_threat_other"
    assert other.relevant == "(${consent} = 'OK') and (selected(${main_threat}, 'other'))"
    threats = form.section("threats").questions
    assert threats.index("main_threat_other") == threats.index("main_threat") + 1
    assert [c.name for c in form.options(select)][-1] == "other"
    assert [c.name for c in form.choices["threat"]] == ["poaching", "infrastructure"]


def test_choices_keep_labels_per_language_and_filter_columns(form):
    almaty = form.choices["region"][0]
    assert almaty.name == "almaty"
    assert almaty.labels == {"en": "Almaty", "ru": "Алматы"}
    assert almaty.extra == {"country": "KZ"}
    assert form.choices["rating"][3].labels == {"en": "Very high"}


def test_pyxform_warnings_are_returned_with_the_form(loaded):
    assert any("or_other" in w.message for w in loaded.warnings)


def test_form_survives_json_storage(form):
    stored = json.dumps(form.to_dict(), ensure_ascii=False)
    assert Form.from_dict(json.loads(stored)) == form


def test_from_dict_refuses_an_unknown_format(form):
    data = form.to_dict()
    data["format"] = 99
    with pytest.raises(ValueError, match="format"):
        Form.from_dict(data)


def test_label_falls_back_to_default_language_and_says_so(form):
    very_high = form.choices["rating"][3]
    assert form.label(very_high, "ru") == ("Very high", True)
    assert form.label(very_high, "en") == ("Very high", False)
    assert form.label(form.questions["country"], "ru") == ("Страна", False)
    assert form.label(form.questions["country"], "zh") == ("Country", True)
    assert form.label(form.questions["species_score"], "ru") == ("", False)


def test_untagged_label_column_is_the_default_language():
    data = simple_form_bytes([["text", "name", "Your name"]])
    form = load_form(data, "my_form.xlsx").form
    assert form.languages == ["en"]
    assert form.questions["name"].labels == {"en": "Your name"}
    assert form.form_id == "my_form"


def test_without_default_language_setting_the_first_translation_is_default():
    data = xlsx(
        {
            "survey": [
                ["type", "name", "label::Русский (ru)", "label::English (en)"],
                ["text", "name", "Имя", "Name"],
            ]
        }
    )
    form = load_form(data, "f.xlsx").form
    assert form.default_language == "ru"
    assert form.languages == ["ru", "en"]


def test_language_of_reads_names_and_codes():
    assert language_of("Русский (ru)") == ("ru", "Русский")
    assert language_of("中文 (zh-Hans)") == ("zh-hans", "中文")
    assert language_of("Persian") == ("fa", "Persian")
    assert language_of("Klingon") == (None, "Klingon")


# -- writing back ----------------------------------------------------------------------


def test_exported_workbook_loads_back_to_an_equal_form(form):
    again = load_form(form_to_xlsx(form), "gap_needs_test.xlsx").form
    assert again == form


def test_export_keeps_columns_the_engine_does_not_use():
    survey = [
        ["type", "name", "label", "media::image", "notes_for_us"],
        ["text", "q", "Q", "map.png", "keep me"],
    ]
    form = load_form(xlsx({"survey": survey}), "f.xlsx").form
    book = openpyxl.load_workbook(io.BytesIO(form_to_xlsx(form)))
    assert [c.value for c in book["survey"][1]] == survey[0]
    assert [c.value for c in book["survey"][2]] == survey[1]


def test_export_writes_cells_starting_with_equals_as_text():
    data = simple_form_bytes(
        [["calculate", "c", None, None, None, "1 + 1"], ["text", "t", "=not a formula"]]
    )
    form = load_form(data, "f.xlsx").form
    book = openpyxl.load_workbook(io.BytesIO(form_to_xlsx(form)))
    cell = book["survey"]["C3"]
    assert cell.value == "=not a formula"
    assert cell.data_type == "s"
    assert load_form(form_to_xlsx(form), "f.xlsx").form == form


def test_new_language_gets_empty_columns_after_the_existing_ones(form):
    data = xlsx_with_language(form, "kk", "Қазақша")
    again = load_form(data, "gap_needs_test.xlsx").form
    assert again.languages == ["en", "ru", "kk"]
    assert again.language_names["kk"] == "Қазақша"
    headers = again.sheets["survey"].headers
    assert headers.index("label::Қазақша (kk)") == headers.index(f"label::{'Русский (ru)'}") + 1
    assert "hint::Қазақша (kk)" in headers
    assert "constraint_message::Қазақша (kk)" in headers
    assert "required_message::Қазақша (kk)" in headers
    assert "label::Қазақша (kk)" in again.sheets["choices"].headers
    assert again.questions["country"].labels == {"en": "Country", "ru": "Страна"}


def test_adding_an_existing_language_adds_no_columns(form):
    again = load_form(xlsx_with_language(form, "ru", "Русский"), "f.xlsx").form
    assert again.sheets["survey"].headers == form.sheets["survey"].headers


@pytest.mark.parametrize(("code", "name"), [("Kazakh", "Kazakh"), ("kk", ""), ("kk", "K (x)")])
def test_new_language_needs_a_code_and_a_plain_name(form, code, name):
    with pytest.raises(ValueError):
        xlsx_with_language(form, code, name)


# -- broken files and forms ------------------------------------------------------------


def test_bytes_that_are_not_a_workbook_are_refused():
    (issue,) = issues_of(b"type,name,label\ntext,q,Q\n")
    assert "not an Excel workbook" in issue.message


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    (issue,) = issues_of(buffer.getvalue())
    assert "not an Excel workbook" in issue.message


def test_a_damaged_xls_is_refused_with_a_reason():
    (issue,) = issues_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert "could not be read" in issue.message


def test_empty_bytes_are_refused():
    (issue,) = issues_of(b"")
    assert "empty" in issue.message


def test_a_file_over_the_limit_is_refused(form_bytes):
    (issue,) = issues_of(form_bytes, max_bytes=len(form_bytes) - 1)
    assert "larger than" in issue.message


def test_an_empty_workbook_is_refused():
    (issue,) = issues_of(xlsx({"Sheet1": []}))
    assert issue.message == "The workbook is empty."


def test_a_workbook_without_survey_sheet_names_the_likely_misspelling():
    data = xlsx({"servey": [["type", "name"], ["text", "q"]], "choices": CHOICES})
    (issue,) = issues_of(data)
    assert issue.sheet == "survey"
    assert "no sheet named 'survey'" in issue.message
    assert "'servey'" in issue.message


def test_a_survey_sheet_without_questions_is_refused():
    (issue,) = issues_of(xlsx({"survey": [["type", "name", "label"]]}))
    assert "no questions" in issue.message


def test_unknown_question_type_is_located():
    (issue,) = issues_of(simple_form_bytes([["text", "a", "A"], ["integr", "b", "B"]]))
    assert (issue.sheet, issue.row, issue.column) == ("survey", 3, "type")
    assert "integr" in issue.message


def test_unmatched_begin_group_is_located():
    rows = [["text", "a", "A"], ["begin_group", "g", "G"], ["text", "b", "B"]]
    (issue,) = issues_of(simple_form_bytes(rows))
    assert (issue.sheet, issue.row, issue.column) == ("survey", 3, "type")
    assert "Unmatched 'begin_group'" in issue.message


def test_unmatched_end_group_is_located():
    (issue,) = issues_of(simple_form_bytes([["text", "a", "A"], ["end_group"]]))
    assert (issue.row, issue.column) == (3, "type")
    assert "Unmatched 'end_group'" in issue.message


def test_select_from_a_missing_choice_list_is_located():
    rows = [["text", "a", "A"], ["select_one nolist", "b", "B"]]
    (issue,) = issues_of(simple_form_bytes(rows, choices=[["yn", "yes", "Yes"]]))
    assert (issue.sheet, issue.row, issue.column) == ("survey", 3, "type")
    assert "nolist" in issue.message


def test_expression_syntax_errors_are_located_by_column():
    rows = [
        ["integer", "a", "A", None, ". >"],
        ["text", "b", "B", "${a} == 1"],
        ["calculate", "c", None, None, None, "${a} +"],
    ]
    issues = issues_of(simple_form_bytes(rows))
    assert [(i.sheet, i.row, i.column) for i in issues] == [
        ("survey", 2, "constraint"),
        ("survey", 3, "relevant"),
        ("survey", 4, "calculation"),
    ]
    assert "'=='" in issues[1].message


def test_reference_to_an_unknown_question_is_located():
    (issue,) = issues_of(simple_form_bytes([["text", "a", "A"], ["text", "b", "B", "${zzz} = 1"]]))
    assert (issue.sheet, issue.row, issue.column) == ("survey", 3, "relevant")
    assert "zzz" in issue.message


def test_column_is_named_as_written_in_the_sheet():
    survey = [
        ["type", "name", "label", "bind::relevant"],
        ["text", "a", "A"],
        ["text", "b", "B", "${a} = = 1"],
    ]
    (issue,) = issues_of(xlsx({"survey": survey}))
    assert (issue.row, issue.column) == (3, "bind::relevant")


def test_duplicate_choice_names_are_reported_per_row():
    choices = [
        ["yn", "yes", "Yes"],
        ["yn", "yes", "Yes again"],
        ["yn", "no", "No"],
        ["yn", "no", "No again"],
    ]
    issues = issues_of(simple_form_bytes([["select_one yn", "q", "Q"]], choices))
    assert [(i.sheet, i.row, i.column) for i in issues] == [
        ("choices", 3, "name"),
        ("choices", 5, "name"),
    ]


def test_a_name_used_in_two_groups_keys_both_questions_by_path():
    rows = [
        ["begin_group", "g1", "G1"],
        ["text", "a", "A"],
        ["end_group"],
        ["begin_group", "g2", "G2"],
        ["text", "a", "A again"],
        ["end_group"],
        ["text", "b", "B"],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    assert list(form.questions) == ["g1/a", "g2/a", "b"]
    assert form.questions["g2/a"].xlsform_name == "a"
    assert [s.questions for s in form.sections] == [["g1/a"], ["g2/a"], ["b"]]


def test_names_must_be_unique_within_a_group():
    rows = [
        ["begin_group", "g1", "G1"],
        ["text", "a", "A"],
        ["text", "a", "A again"],
        ["end_group"],
    ]
    issues = issues_of(simple_form_bytes(rows))
    assert any(i.row == 4 and i.column == "name" for i in issues)


def test_every_odk_question_type_a_web_form_offers_is_accepted():
    rows = [
        ["text", "a", "A"],
        ["geopoint", "where", "Where"],
        ["geotrace", "path", "Path"],
        ["geoshape", "area", "Area"],
        ["image", "photo", "Photo"],
        ["audio", "voice", "Voice"],
        ["video", "clip", "Clip"],
        ["file", "doc", "Document"],
        ["barcode", "code", "Code"],
        ["phone number", "phone", "Phone"],
        ["hidden", "secret", ""],
        ["range", "score", "Score"],
        ["start-geopoint", "origin", ""],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    types = {q.name: q.type for q in form.questions.values()}
    assert types == {
        "a": "text",
        "where": "geopoint",
        "path": "geotrace",
        "area": "geoshape",
        "photo": "image",
        "voice": "audio",
        "clip": "video",
        "doc": "file",
        "code": "barcode",
        "phone": "phone",
        "secret": "hidden",
        "score": "range",
        "origin": "start-geopoint",
    }
    assert form.questions["score"].parameters == {"start": "0", "end": "10", "step": "1"}
    assert not form.questions["secret"].displayed and not form.questions["origin"].displayed


def test_a_repeat_inside_a_repeat_gets_a_question_linking_it_to_its_enclosing_instance():
    rows = [
        ["begin_repeat", "r1", "R1"],
        ["text", "b", "B"],
        ["begin_repeat", "r2", "R2"],
        ["text", "a", "A"],
        ["end_repeat"],
        ["end_repeat"],
    ]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    assert form.parent_repeat("r2") == "r1" and form.parent_repeat("r1") is None
    link = form.questions[form.parent_question("r2")]
    assert (link.type, link.repeat, link.generated) == ("repeat-parent", "r2", True)
    assert link.answered and not link.displayed


def test_metadata_types_are_kept_but_not_shown():
    form = load_form(simple_form_bytes([["start", "start"], ["text", "a", "A"]]), "f.xlsx").form
    assert form.questions["start"].type == "start"
    assert not form.questions["start"].displayed
    assert [s.questions for s in form.sections] == [["a"]]


def test_error_lists_every_issue_in_its_message():
    rows = [["integer", "a", "A", None, ". >"], ["integer", "b", "B", None, "< 3"]]
    with pytest.raises(FormError) as caught:
        load_form(simple_form_bytes(rows), "f.xlsx")
    assert "row 2" in str(caught.value) and "row 3" in str(caught.value)


def test_settings_sheet_values_are_kept_verbatim(form):
    assert form.settings == dict(zip(SETTINGS[0], SETTINGS[1], strict=True))
    assert form.settings["default_language"] == EN


def test_full_form_rows_are_kept_with_their_row_numbers(form):
    survey = form.sheets["survey"]
    assert survey.headers == SURVEY[0]
    assert survey.rows[2][1] == "region"
    assert form.questions["region"].row == 4


def test_pyxform_messages_naming_an_element_are_located_at_its_row():
    (issue,) = issues_of(simple_form_bytes([["text", "a", "A"], ["text", "b"]]))
    assert (issue.sheet, issue.row) == ("survey", 3)
    assert "'b' has no label" in issue.message


def test_untagged_columns_join_the_default_language_setting():
    survey = [
        ["type", "name", "label", "label::Русский (ru)", "hint"],
        ["text", "a", "Name", "Имя", "Full name"],
    ]
    settings = [["default_language"], ["English (en)"]]
    form = load_form(xlsx({"survey": survey, "settings": settings}), "f.xlsx").form
    assert form.languages == ["en", "ru"]
    assert form.questions["a"].labels == {"en": "Name", "ru": "Имя"}
    assert form.questions["a"].hints == {"en": "Full name"}
    again = load_form(xlsx_with_language(form, "kk", "Қазақша"), "f.xlsx").form
    assert again.sheets["survey"].headers == [
        "type",
        "name",
        "label",
        "label::Русский (ru)",
        "label::Қазақша (kk)",
        "hint",
        "hint::Қазақша (kk)",
    ]


def test_missing_translation_columns_are_warned_about_per_sheet():
    survey = [
        ["type", "name", "label::English (en)", "label::Русский (ru)", "hint::English (en)"],
        ["select_one yn", "a", "A", "А", "hint"],
    ]
    choices = [
        [
            "list_name",
            "name",
            "label::English (en)",
            "label::Русский (ru)",
            "media::image::English (en)",
        ],
        ["yn", "yes", "Yes", "Да", "yes.png"],
    ]
    loaded = load_form(xlsx({"survey": survey, "choices": choices}), "f.xlsx")
    assert sorted((w.sheet, w.message) for w in loaded.warnings) == [
        ("choices", "Language 'Русский (ru)' is missing the choices image column."),
        ("survey", "Language 'Русский (ru)' is missing the survey hint column."),
    ]


def test_nested_groups_give_paths_and_stay_in_their_section():
    rows = [
        ["begin_group", "outer", "Outer", "${a} = 1"],
        ["begin_group", "inner", "Inner", "${b} = 2"],
        ["integer", "c", "C", "${c0} = 3"],
        ["end_group"],
        ["end_group"],
    ]
    rows = [["integer", "a", "A"], ["integer", "b", "B"], ["integer", "c0", "C0"], *rows]
    form = load_form(simple_form_bytes(rows), "f.xlsx").form
    question = form.questions["c"]
    assert question.path == "outer/inner/c"
    assert question.group == "outer/inner"
    assert question.relevant == "(${a} = 1) and (${b} = 2) and (${c0} = 3)"
    assert form.groups["outer/inner"].parent == "outer"
    assert form.section("outer").questions == ["c"]


def test_programme_questionnaire_loads_and_round_trips():
    path = Path(__file__).resolve().parents[2] / "surveys" / "forms" / "cami-gap-needs.xlsx"
    loaded = load_form(path.read_bytes(), path.name)
    assert loaded.warnings == []
    form = loaded.form
    assert form.languages[0] == "en"
    assert {"ru", "zh", "mn", "fa"} <= set(form.languages)
    assert load_form(form_to_xlsx(form), path.name).form == form

import io
import re
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest

from surveys.export import META_COLUMNS, neutralise, responses_frame, to_csv, to_xlsx


def response(id_, values, **meta):
    base = {
        "id": id_,
        "reference": f"R-{id_}",
        "language": "ru",
        "country": "KZ",
        "group": "community",
        "status": "submitted",
        "submitted_at": datetime(2024, 5, 2, 10, 0, tzinfo=UTC),
        "values": values,
    }
    base.update(meta)
    return base


ANSWERS = {
    "country": "KZ",
    "years": 12,
    "species_seen": "saiga kulan",
    "poaching_severity": "very_high",
    "main_threat": "other",
    "main_threat_other": "fences",
    "priority_rank": "climate poaching livestock",
    "site_name": ["Barsakelmes", "Altyn-Emel"],
    "comments": '=HYPERLINK("http://x")',
}


@pytest.fixture
def frame(form):
    return responses_frame(form, [response(1, ANSWERS), response(2, {}, status="draft")])


def test_one_row_per_response_and_meta_columns_first(frame):
    assert len(frame) == 2
    assert tuple(frame.columns[: len(META_COLUMNS)]) == META_COLUMNS
    assert frame.loc[1, "status"] == "draft"


def test_question_columns_are_named_by_path_in_form_order(form, frame):
    question_columns = [re.sub(r"\[\d+\]", "", c) for c in frame.columns[len(META_COLUMNS) :]]
    paths = [q.path for q in form.questions.values() if q.type != "note"]
    assert list(dict.fromkeys(c for c in question_columns if c in paths)) == paths
    assert "threats/threats_intro" not in frame.columns


def test_select_multiple_has_codes_and_one_column_per_choice(frame):
    assert frame.loc[0, "threats/species_seen"] == "saiga kulan"
    assert frame.loc[0, "threats/species_seen/saiga"] == 1
    assert frame.loc[0, "threats/species_seen/argali"] == 0
    assert frame.loc[0, "threats/species_seen/kulan"] == 1
    assert frame["threats/species_seen/saiga"].dtype == "Int64"
    assert pd.isna(frame.loc[1, "threats/species_seen/saiga"])
    columns = list(frame.columns)
    start = columns.index("threats/species_seen")
    assert columns[start + 1 : start + 4] == [
        "threats/species_seen/saiga",
        "threats/species_seen/argali",
        "threats/species_seen/kulan",
    ]


def test_codes_by_default_and_labels_in_a_chosen_language(form):
    codes = responses_frame(form, [response(1, ANSWERS)])
    assert codes.loc[0, "respondent/country"] == "KZ"
    russian = responses_frame(form, [response(1, ANSWERS)], labels=True, lang="ru")
    assert russian.loc[0, "respondent/country"] == "Казахстан"
    assert russian.loc[0, "threats/species_seen"] == "Сайгак; Кулан"
    assert russian.loc[0, "threats/poaching_severity"] == "Very high"
    assert russian.loc[0, "threats/main_threat"] == "Other"
    assert russian.loc[0, "priority_rank"] == "Климат; Браконьерство; Скот"
    assert russian.loc[0, "threats/species_seen/kulan"] == 1


def test_numbers_stay_numbers_and_text_numbers_are_read(form):
    frame = responses_frame(
        form, [response(1, {"years": 12}), response(2, {"years": "7"}), response(3, {})]
    )
    assert frame["respondent/years"].dtype == "Int64"
    assert frame["respondent/years"].sum() == 19


def test_repeat_answers_have_one_column_per_instance(frame):
    assert frame.loc[0, "sites[1]/site_name"] == "Barsakelmes"
    assert frame.loc[0, "sites[2]/site_name"] == "Altyn-Emel"
    assert pd.isna(frame.loc[1, "sites[1]/site_name"])
    assert "sites/site_name" not in frame.columns
    assert "sites[3]/site_name" not in frame.columns


def test_the_submission_id_and_version_are_exported(form):
    frame = responses_frame(form, [response(1, ANSWERS, submission_id="u-1", version="2024.1")])
    assert (frame.loc[0, "submission_id"], frame.loc[0, "version"]) == ("u-1", "2024.1")


@pytest.mark.parametrize("text", ["=1+1", "+7", "-cmd", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_prefixes_formula_starts(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["saiga", "", "a=b", -5, 3.5, None])
def test_neutralise_leaves_other_values(value):
    assert neutralise(value) == value


def test_csv_is_utf8_with_neutralised_text(frame):
    data = to_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    reread = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert reread.loc[0, "comments"] == '\'=HYPERLINK("http://x")'
    assert reread.loc[0, "respondent/years"] == 12


def test_xlsx_has_text_not_formulas_and_utc_times(frame):
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame)))
    sheet = book["responses"]
    headers = [c.value for c in sheet[1]]
    comment = sheet.cell(row=2, column=headers.index("comments") + 1)
    assert comment.data_type == "s"
    assert comment.value == '\'=HYPERLINK("http://x")'
    submitted = sheet.cell(row=2, column=headers.index("submitted_at") + 1).value
    assert submitted == datetime(2024, 5, 2, 10, 0)


def test_no_responses_still_give_every_column(form, frame):
    empty = responses_frame(form, [])
    assert empty.empty
    # Repeat questions get one column per instance, at least one.
    assert list(empty.columns) == [c for c in frame.columns if "[2]" not in c]

"""surveys.xform: XForms from XLSForms, and instance documents read back into answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveys.attachments import read_attachment, render_attachment
from surveys.xform import (
    InstanceError,
    instance_answers,
    instance_document,
    md5_hex,
    read_instance,
    xform_from_xlsform,
)
from surveys.xlsform import load_form

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"


def corpus_form(name: str):
    return load_form((CORPUS / f"{name}.xlsx").read_bytes(), f"{name}.xlsx").form


def test_the_xform_is_pyxforms_and_the_same_every_time():
    data = (CORPUS / "location_media.xlsx").read_bytes()
    first = xform_from_xlsform(data, "location_media.xlsx")
    assert '<data id="location_media" version="2026120601">' in first
    assert md5_hex(first) == md5_hex(xform_from_xlsform(data, "location_media.xlsx"))


def test_answers_written_as_an_instance_come_back_the_same(form):
    values: dict = {}
    for question in form.questions.values():
        if not question.answered or question.generated:
            continue
        value = {"text": f"text of {question.name} <&>", "integer": "7"}.get(question.type)
        if question.type in ("select_one", "select_multiple") and question.codes:
            value = question.codes[0]
        if value is not None:
            values[question.name] = [value, value] if question.repeat else value
    assert len(values) > 5
    document = instance_document(form, values, instance_id="uuid:1")
    envelope = read_instance(document)
    assert (envelope.form_id, envelope.instance_id) == (form.form_id, "uuid:1")
    read = instance_answers(envelope.root, form)
    assert read.unknown == []
    for name, value in values.items():
        assert read.answers[name] == value


def test_nested_repeats_come_back_flat_with_their_parent():
    form = corpus_form("nested_repeats")
    document = (
        b'<data id="nested_repeats" version="2026120601">'
        b"<household><family>A</family><hh_no>1</hh_no>"
        b"<member><member_name>a1</member_name><age>3</age><school/></member>"
        b"<member><member_name>a2</member_name><age>40</age><school/></member></household>"
        b"<household><family>B</family><hh_no>2</hh_no>"
        b"<member><member_name>b1</member_name><age>5</age><school/></member></household>"
        b"<households>2</households><meta><instanceID>uuid:2</instanceID></meta></data>"
    )
    read = instance_answers(read_instance(document).root, form)
    assert read.answers["family"] == ["A", "B"]
    assert read.answers["member_name"] == ["a1", "a2", "b1"]
    assert read.answers[form.parent_question("member")] == ["1", "1", "2"]
    assert "households" not in read.answers  # a calculation: the engine redoes it


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (b"<data id='x'><a>", "well-formed"),
        (b'<!DOCTYPE d [<!ENTITY e "x">]><data id="x">&e;</data>', "forbidden"),
        (b"<data><meta><instanceID>u</instanceID></meta></data>", "id attribute"),
        (b"<data id='x'><meta/></data>", "instanceID"),
        (b"<data id='x'>" + b"<g>" * 70 + b"</g>" * 70 + b"</data>", "deeper"),
    ],
)
def test_unreadable_instances_say_why(document, reason):
    with pytest.raises(InstanceError, match=reason):
        read_instance(document)


def test_an_element_the_form_does_not_have_is_reported():
    form = corpus_form("location_media")
    document = (
        b'<data id="location_media"><camp>1 2 0 0</camp><extra>5</extra>'
        b"<meta><instanceID>u</instanceID><deprecatedID>v</deprecatedID></meta></data>"
    )
    envelope = read_instance(document)
    assert envelope.deprecated_id == "v"
    read = instance_answers(envelope.root, form)
    assert read.unknown == ["extra"] and read.answers["camp"] == "1 2 0 0"


@pytest.mark.parametrize(
    "name", ["villages.csv", "rangers.csv", "prices.csv", "regions.xml", "sites.geojson"]
)
def test_an_attachment_rendered_again_reads_as_the_same_rows(name):
    attachment = read_attachment(name, (CORPUS / name).read_bytes())
    again = read_attachment(name, render_attachment(attachment))
    assert (again.columns, again.rows) == (attachment.columns, attachment.rows)

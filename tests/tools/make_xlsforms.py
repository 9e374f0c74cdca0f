"""Writes the XLSForm corpus of tests/data/xlsforms/: one workbook per feature of the ODK
XLSForm spec that the web questionnaire offers, and the files they read.

Run ``python tests/tools/make_xlsforms.py`` after changing a form here; the workbooks are
committed so that the tests read real .xlsx files, as a user uploads them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl

OUT = Path(__file__).resolve().parents[1] / "data" / "xlsforms"

SURVEY_HEADER = [
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "calculation",
    "default",
    "appearance",
    "parameters",
    "choice_filter",
    "read_only",
    "repeat_count",
]


def rows(*items: dict) -> list[list[str]]:
    """Survey rows from dicts of the columns they fill."""
    return [SURVEY_HEADER] + [[item.get(column, "") for column in SURVEY_HEADER] for item in items]


def q(type_: str, name: str = "", label: str = "", **columns: str) -> dict:
    return {"type": type_, "name": name, "label": label, **columns}


def settings(form_id: str, title: str, **extra: str) -> list[list[str]]:
    keys = ["form_id", "form_title", "version", *extra]
    return [keys, [form_id, title, "2026120601", *extra.values()]]


CHOICES_HEADER = ["list_name", "name", "label", "region", "legs"]

FORMS: dict[str, dict[str, list[list[str]]]] = {
    # Every question type that takes an answer, and the metadata ODK web forms fill.
    "all_types": {
        "survey": rows(
            q("start", "started"),
            q("end", "ended"),
            q("today", "day"),
            q("deviceid", "device"),
            q("username", "user"),
            q("phonenumber", "phone_meta"),
            q("email", "email_meta"),
            q("audit", "audit"),
            q("start-geopoint", "origin"),
            q("begin_group", "basics", "Basics", appearance="field-list"),
            q("text", "village", "Village", required="yes"),
            q("integer", "herd", "Herd size", constraint=". >= 0 and . < 100000"),
            q("decimal", "area_ha", "Pasture area (ha)"),
            q("date", "visit", "Date of visit"),
            q("time", "visit_time", "Time of visit"),
            q("dateTime", "visit_at", "Date and time"),
            q("select_one yesno", "herder", "Are you a herder?", required="yes"),
            q("select_multiple animals", "animals", "Animals seen"),
            q("rank animals", "animal_rank", "Rank the animals by importance"),
            q("acknowledge", "consent", "I agree to take part", required="yes"),
            q("note", "intro", "Thank you, **${village}**"),
            q("end_group"),
            q("begin_group", "more", "More types"),
            q("barcode", "tag", "Collar tag number"),
            q("phone number", "phone", "Phone number"),
            q("range", "trust", "Trust in rangers", parameters="start=0 end=10 step=2"),
            q("range", "share", "Share of grazing", parameters="start=0 end=1 step=0.25"),
            q("hidden", "campaign", default="winter-2026"),
            q("calculate", "herd_double", calculation="${herd} * 2"),
            q("text", "summary", "Summary", calculation="concat(${village}, ': ', ${herd})"),
            q("text", "fixed_note", "Registration desk", read_only="yes", default="Almaty"),
            q("end_group"),
        ),
        "choices": [
            CHOICES_HEADER,
            ["yesno", "yes", "Yes", "", ""],
            ["yesno", "no", "No", "", ""],
            ["animals", "saiga", "Saiga", "", "4"],
            ["animals", "kulan", "Kulan", "", "4"],
            ["animals", "eagle", "Eagle", "", "2"],
        ],
        "settings": settings("all_types", "All question types"),
    },
    # Location and media questions and the geographic functions.
    "location_media": {
        "survey": rows(
            q("geopoint", "camp", "Where is the camp?", required="yes"),
            q("geotrace", "route", "Migration route"),
            q("geoshape", "pasture", "Pasture boundary"),
            q("calculate", "route_m", calculation="round(distance(${route}), 0)"),
            q("calculate", "pasture_m2", calculation="round(area(${pasture}), 0)"),
            q("note", "sizes", "Route ${route_m} m, pasture ${pasture_m2} m²"),
            q("begin_group", "media", "Photos and recordings"),
            q("image", "photo", "Photo of the site"),
            q("audio", "voice", "Voice note"),
            q("video", "clip", "Video"),
            q("file", "report", "Report (any file)"),
            q("end_group"),
        ),
        "settings": settings("location_media", "Location and media"),
    },
    # The XPath functions of the ODK spec in calculations, constraints and relevance.
    "functions": {
        "survey": rows(
            q("integer", "n", "A number", required="yes", constraint="sqrt(.) = int(sqrt(.))"),
            q(
                "text",
                "word",
                "A word",
                constraint="regex(., '^[a-z]+$') and string-length(.) < 20",
            ),
            q("date", "born", "A date", constraint=". <= today()"),
            q("select_multiple colours", "colours", "Colours"),
            q(
                "calculate",
                "c_math",
                calculation="concat(sqrt(${n}), ' ', pow(${n}, 2), ' ', "
                "round(exp(0), 0), ' ', round(log(${n}), 3), ' ', log10(100), ' ', exp10(2), ' ', "
                "abs(-${n}), ' ', int(7.9), ' ', round(pi(), 2))",
            ),
            q(
                "calculate",
                "c_trig",
                calculation="concat(round(sin(pi() div 2), 3), ' ', "
                "round(cos(0), 3), ' ', round(tan(0), 3), ' ', round(asin(1), 3), ' ', "
                "round(acos(1), 3), ' ', round(atan(1), 3), ' ', round(atan2(1, 1), 3))",
            ),
            q(
                "calculate",
                "c_text",
                calculation="concat(substring-before('a-b', '-'), "
                "substring-after('a-b', '-'), translate(${word}, 'abc', 'ABC'), "
                "normalize-space('  x  y '), substr(${word}, 0, 2), substring(${word}, 2, 2), "
                "string-length(${word}), if(contains(${word}, 'a'), 'A', '-'), "
                "if(starts-with(${word}, 'a'), 'S', '-'), if(ends-with(${word}, 'a'), 'E', '-'))",
            ),
            q(
                "calculate",
                "c_select",
                calculation="concat(count-selected(${colours}), "
                "selected-at(${colours}, 0), if(selected(${colours}, 'red'), 'R', '-'), "
                "jr:choice-name(selected-at(${colours}, 0), '${colours}'))",
            ),
            q(
                "calculate",
                "c_dates",
                calculation="concat(format-date(${born}, '%Y/%m/%d %b %a'), "
                "' ', format-date-time('2026-12-06T10:05:00', '%H:%M'), ' ', "
                "decimal-date-time('1970-01-02T12:00:00Z'), ' ', decimal-time('12:00:00'), ' ', "
                "date('2026-01-01') < today(), ' ', string(number(date('1970-01-02'))))",
            ),
            q(
                "calculate",
                "c_logic",
                calculation="concat(boolean-from-string('true'), not(false()), "
                "true(), coalesce('', 'c'), checklist(1, 2, 1, 0), "
                "weighted-checklist(2, 3, 1, 2, 0, 5), boolean(1), min(1, 2), max(1, 2), "
                "sum(1), count(${colours}))",
            ),
            q(
                "calculate",
                "c_misc",
                calculation="concat(string-length(uuid()), ' ', "
                "string-length(uuid(8)), ' ', random() < 1, ' ', string-length(now()) > 18, ' ', "
                "digest('abc', 'SHA-256', 'hex'), ' ', base64-decode('c2FpZ2E='), ' ', "
                "join('+', 'a', 'b'))",
            ),
            q("calculate", "c_once", calculation="once(round(random() * 1000, 0))"),
            q(
                "note",
                "shown",
                "math: ${c_math} | trig: ${c_trig} | text: ${c_text} | "
                "select: ${c_select} | dates: ${c_dates} | logic: ${c_logic}",
            ),
            q("text", "why_big", "Why so big?", relevant="${n} > 99 and not(${word} = '')"),
        ),
        "choices": [
            CHOICES_HEADER,
            ["colours", "red", "Red", "", ""],
            ["colours", "blue", "Blue", "", ""],
        ],
        "settings": settings("functions", "Functions"),
    },
    # begin loop over: one group per choice, %(label)s filled in.
    "loops": {
        "survey": rows(
            q("begin loop over animals", "counts", "Animals counted"),
            q("integer", "seen", "How many %(label)s did you see?"),
            q("select_one yesno", "young", "Were there young %(label)s?"),
            q("end loop"),
        ),
        "choices": [
            CHOICES_HEADER,
            ["yesno", "yes", "Yes", "", ""],
            ["yesno", "no", "No", "", ""],
            ["animals", "saiga", "Saiga", "", ""],
            ["animals", "kulan", "Kulan", "", ""],
        ],
        "settings": settings("loops", "Loops"),
    },
    # The same name in two groups, a choice name listed twice, Kobo's hidden spans,
    # read-only and calculated inputs.
    "names_markup": {
        "survey": rows(
            q("begin_group", "home", "Home"),
            q("text", "name", '<span style="display:none">Q1.</span> Name of the home village'),
            q("select_one levels", "level", "Level of <b>threat</b>"),
            q("end_group"),
            q("begin_group", "work", "Work"),
            q("text", "name", '<span style="display:none">Q2.</span> Name of the work place'),
            q("integer", "staff", "Staff", read_only="yes", calculation="2 + 3"),
            q("end_group"),
        ),
        "choices": [
            CHOICES_HEADER,
            ["levels", "low", "Low", "", ""],
            ["levels", "high", "High", "", ""],
            ["levels", "high", "High (again)", "", ""],
        ],
        "settings": settings("names_markup", "Names and markup", allow_choice_duplicates="yes"),
    },
    # Repeats inside repeats, with relevance, position(..), indexed-repeat and count.
    "nested_repeats": {
        "survey": rows(
            q("begin_repeat", "household", "Household"),
            q("text", "family", "Family name", required="yes"),
            q("integer", "hh_no", "Household number", calculation="position(..)", read_only="yes"),
            q("begin_repeat", "member", "Member"),
            q("text", "member_name", "Member name"),
            q("integer", "age", "Age"),
            q("select_one yesno", "school", "Goes to school?", relevant="${age} < 18"),
            q("end_repeat"),
            q("end_repeat"),
            q("calculate", "households", calculation="count(${family})"),
            q(
                "calculate",
                "first_family",
                calculation="indexed-repeat(${family}, ${household}, 1)",
            ),
            q("note", "done", "${households} households, the first: ${first_family}"),
        ),
        "choices": [
            CHOICES_HEADER,
            ["yesno", "yes", "Yes", "", ""],
            ["yesno", "no", "No", "", ""],
        ],
        "settings": settings("nested_repeats", "Nested repeats"),
    },
    # Choices and data from attached files, the external choices sheet, choice filters and
    # instance() paths.
    "attachments": {
        "survey": rows(
            q("csv-external", "rangers"),
            q("xml-external", "regions"),
            q("select_one_from_file regions.xml", "region", "Region", required="yes"),
            q(
                "select_one_from_file villages.csv",
                "village",
                "Village",
                choice_filter="region = ${region}",
            ),
            q("select_multiple_from_file sites.geojson", "sites", "Monitoring sites"),
            q(
                "select_one_external district",
                "district",
                "District",
                choice_filter="region = ${region}",
            ),
            q("select_one animals", "animal", "Animal", choice_filter="legs = '4'"),
            q("calculate", "price", calculation="pulldata('prices', 'price', 'item', 'permit')"),
            q(
                "calculate",
                "ranger",
                calculation="instance('rangers')/root/item[village = ${village}]/ranger",
            ),
            q(
                "calculate",
                "region_label",
                calculation="instance('regions')/root/item[name = ${region}]/label",
            ),
            q(
                "calculate",
                "legs",
                calculation="instance('animals')/root/item[name = ${animal}]/legs",
            ),
            q("calculate", "site_count", calculation="count-selected(${sites})"),
            q(
                "note",
                "info",
                "Permit costs ${price}; ranger ${ranger} in ${region_label}; ${legs} legs",
            ),
        ),
        "choices": [
            CHOICES_HEADER,
            ["animals", "saiga", "Saiga", "", "4"],
            ["animals", "eagle", "Eagle", "", "2"],
            ["animals", "kulan", "Kulan", "", "4"],
        ],
        "external_choices": [
            ["list_name", "name", "label", "region"],
            ["district", "d1", "District one", "north"],
            ["district", "d2", "District two", "south"],
        ],
        "settings": settings("attachments", "Attachments"),
    },
    # Only metadata and a calculation: nothing to answer.
    "metadata_only": {
        "survey": rows(
            q("start", "started"),
            q("end", "ended"),
            q("deviceid", "device"),
            q("calculate", "stamp", calculation="now()"),
        ),
        "settings": settings("metadata_only", "Metadata only"),
    },
}

#: Files the forms read.
ATTACHMENTS = {
    "villages.csv": "name,label,region\nv1,Upper village,north\nv2,Lower village,south\n",
    "rangers.csv": "village,ranger\nv1,Aigerim\nv2,Bolat\n",
    "prices.csv": "item,price\npermit,12.5\nfine,100\n",
    "regions.xml": (
        "<root><item><name>north</name><label>North</label></item>"
        "<item><name>south</name><label>South</label></item></root>"
    ),
    "sites.geojson": json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": "s1",
                    "geometry": {"type": "Point", "coordinates": [76.95, 43.25]},
                    "properties": {"label": "Spring"},
                },
                {
                    "type": "Feature",
                    "id": "s2",
                    "geometry": {"type": "Point", "coordinates": [77.1, 43.3]},
                    "properties": {"label": "Pass"},
                },
            ],
        }
    ),
}

#: A workbook of data, not a form.
DATA_WORKBOOK = {"answers": [["country", "respondents"], ["KZ", "12"], ["UZ", "7"]]}


def write_workbook(path: Path, sheets: dict[str, list[list[str]]]) -> None:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, table in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in table:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"
    workbook.save(path)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, sheets in FORMS.items():
        write_workbook(OUT / f"{name}.xlsx", sheets)
    write_workbook(OUT / "data_workbook.xlsx", DATA_WORKBOOK)
    for name, text in ATTACHMENTS.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(FORMS) + 1} workbooks and {len(ATTACHMENTS)} attachments to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

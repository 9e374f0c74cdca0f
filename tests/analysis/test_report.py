import csv
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from analysis.pipeline import AnalysisResults
from analysis.prioritise import gap_analysis, load_actions, rank_actions, regional_priorities
from analysis.prioritise import shared_threats as shared_threats_table
from analysis.report import heatmap_svg, neutralise, write_outputs
from analysis.scoring import ScoringConfig, threat_scores

CSV_FILES = {
    "threat_scores.csv",
    "priorities_by_country.csv",
    "regional_priorities.csv",
    "shared_threats.csv",
    "clusters.csv",
    "cluster_assignments.csv",
    "gaps.csv",
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("poaching = hunting", "poaching = hunting"),
        ("", ""),
        (-2.5, -2.5),
        (None, None),
    ],
)
def test_neutralise_prefixes_formula_starts_only(value, expected):
    assert neutralise(value) == expected


def make_results(date="2026-03-01"):
    rows = []
    for country, levels in (("KZ", [4, 4, 3, 3, 2, 4]), ("MN", [2, 1, 2, 3, 3, 1])):
        for i, level in enumerate(levels):
            for theme in ("poaching", "climate"):
                rows.append(
                    {
                        "response_id": f"{country}{i}",
                        "country": country,
                        "group": "ngo" if i % 2 else "community",
                        "theme": theme,
                        "present": True,
                        "scope": level,
                        "severity": level,
                        "irreversibility": 2,
                        "trend": "increasing",
                        "link": "",
                    }
                )
    ratings = pd.DataFrame(rows)
    texts = pd.DataFrame(
        {
            "id": ["t1", "t2"],
            "text": ['=HYPERLINK("http://x")', "شکار غیرمجاز <b>"],
            "lang": ["en", "fa"],
            "country": ["KZ", "KZ"],
            "group": ["ngo", "community"],
            "source": ["survey", "interview"],
            "tags": ["poaching", "poaching"],
            "link": ["", ""],
        }
    )
    config = ScoringConfig()
    scores = threat_scores(ratings, texts, config=config, seed=1)
    actions = load_actions()
    needs = pd.DataFrame(
        {"response_id": ["KZ0"], "country": ["KZ"], "group": ["ngo"], "need": ["data"], "rank": [1]}
    )
    measures = pd.DataFrame(
        {
            "response_id": ["KZ1"],
            "country": ["KZ"],
            "group": ["ngo"],
            "measure": ["monitoring"],
            "effectiveness": [3],
        }
    )
    clusters = pd.DataFrame(
        {
            "cluster": [0],
            "label": ["=cmd|' /C calc'!A0 <script>alert(1)</script>"],
            "size": [2],
            "top_terms": ["poaching;hunting"],
            "quotes": [
                [
                    {"id": "t1", "text": '=HYPERLINK("http://x")', "lang": "en", "link": ""},
                    {"id": "t2", "text": "شکار غیرمجاز <b>", "lang": "fa", "link": ""},
                ]
            ],
            "dominant_theme": ["poaching"],
            "by_country": [{"KZ": 2}],
            "by_group": [{"community": 1, "ngo": 1}],
            "by_source": [{"interview": 1, "survey": 1}],
        }
    )
    assignments = pd.DataFrame(
        {"id": ["t1", "t2"], "cluster": [0, 0], "cluster_label": ["poaching"] * 2}
    )
    return AnalysisResults(
        threat_scores=scores,
        priorities_by_country=rank_actions(scores, actions, config=config),
        regional_priorities=regional_priorities(scores, actions, config=config),
        clusters=clusters,
        cluster_assignments=assignments,
        gaps=gap_analysis(needs, measures, config=config),
        shared_threats=shared_threats_table(scores, config=config),
        method={
            "date": date,
            "software_version": "dev",
            "parameters": {"seed": 1, "k_range": [3, 12]},
            "data_counts": {"texts": 2, "countries": ["KZ", "MN"]},
        },
        weights=config.as_table(),
    )


def test_write_outputs_writes_every_format(tmp_path):
    paths = write_outputs(make_results(), tmp_path)
    names = {p.name for p in paths}
    assert names == CSV_FILES | {"analysis.xlsx", "report.html"}
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)


def test_csv_cells_are_neutralised_and_containers_are_json(tmp_path):
    write_outputs(make_results(), tmp_path, formats=("csv",))
    with open(tmp_path / "clusters.csv", encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["label"].startswith("'=cmd")
    assert row["by_country"] == '{"KZ": 2}'
    assert "شکار غیرمجاز" in row["quotes"]
    scores = pd.read_csv(tmp_path / "threat_scores.csv")
    assert len(scores) == 16


def test_workbook_has_a_sheet_per_table_and_a_method_sheet(tmp_path):
    write_outputs(make_results(), tmp_path, formats=("xlsx",))
    workbook = openpyxl.load_workbook(tmp_path / "analysis.xlsx")
    assert {f"{name[:-4]}" for name in CSV_FILES} | {"Method"} == set(workbook.sheetnames)
    label = workbook["clusters"]["B2"]
    assert label.data_type == "s"
    assert label.value.startswith("'=cmd")
    method = {row[0]: row[1] for row in workbook["Method"].iter_rows(values_only=True) if row}
    assert method["date"] == "2026-03-01"
    assert method["software_version"] == "dev"
    assert method["parameters.seed"] == 1
    settings = [row[1] for row in workbook["Method"].iter_rows(values_only=True) if row]
    assert "rating_weight" in settings


def test_workbook_timestamps_come_from_the_run_date(tmp_path):
    write_outputs(make_results(date="2026-03-01"), tmp_path, formats=("xlsx",))
    with zipfile.ZipFile(tmp_path / "analysis.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 3, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core) == [
        "2026-03-01T00:00:00Z",
        "2026-03-01T00:00:00Z",
    ]


def test_html_report_is_standalone_and_escaped(tmp_path):
    write_outputs(make_results(), tmp_path, formats=("html",))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;" in page
    assert '<li lang="fa" dir="auto">' in page
    assert page.count("<svg") == 2
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "<link" not in page and "@import" not in page
    assert "rating_weight" in page


def test_outputs_are_byte_identical_for_the_same_results(tmp_path):
    first = write_outputs(make_results(), tmp_path / "one")
    second = write_outputs(make_results(), tmp_path / "two")
    for a, b in zip(first, second, strict=True):
        assert a.name == b.name
        assert a.read_bytes() == b.read_bytes(), a.name


def test_heatmap_svg_is_inline_svg_with_country_rows():
    scores = make_results().threat_scores
    svg = heatmap_svg(scores)
    assert svg.startswith("<svg")
    assert ">KZ<" in svg and ">MN<" in svg
    assert svg == heatmap_svg(scores)
    assert heatmap_svg(scores.iloc[0:0]) == ""


def test_unknown_format_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="pdf"):
        write_outputs(make_results(), tmp_path, formats=("pdf",))

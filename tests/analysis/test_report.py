import csv
import dataclasses
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from analysis.pipeline import AnalysisParams, run_analysis
from analysis.report import (
    CSV_TABLES,
    GLOSSARY,
    heatmap_svg,
    neutralise,
    render_html,
    write_outputs,
)
from tests.analysis.factories import gap_rows, gaps_frame, rating_rows, ratings_frame, reference

CSV_FILES = {f"{name}.csv" for name in CSV_TABLES}


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


def make_results(date="2026-03-01", tmp_config=None):
    rows = []
    for country, levels in (("KZ", [4, 4, 3, 3, 2, 4]), ("MN", [2, 1, 2, 3, 3, 1])):
        for i, level in enumerate(levels):
            group = "ngo" if i % 2 else "community"
            for threat in ("poaching", "climate"):
                rows += rating_rows(country, "saiga", threat, group, [level], start=i)
            rows += rating_rows(country, "pooled", "livestock", group, [1], start=10 + i)
    # MN's infrastructure rests on two respondents: low evidence, grey in the heatmap
    rows += rating_rows("MN", "kulan", "infrastructure", "ngo", [4, 4])
    gaps = gap_rows("KZ", "governance", "ngo", [3, 4, 2]) + gap_rows(
        "KZ", "governance", "community", [2, 3], start=3
    )
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
    results = run_analysis(
        texts,
        ratings_frame(rows),
        needs,
        measures,
        AnalysisParams(seed=1, k=1, date=date),
        factor_gaps=gaps_frame(gaps),
        reference=reference([("saiga_ustyurt", "saiga", ("KZ", "UZ"))]),
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
            "criterion": ["fixed k"],
        }
    )
    return dataclasses.replace(results, clusters=clusters)


@pytest.fixture(scope="module")
def results():
    return make_results()


def test_write_outputs_writes_every_format(results, tmp_path):
    paths = write_outputs(results, tmp_path)
    names = {p.name for p in paths}
    assert names == CSV_FILES | {"analysis.xlsx", "report.html"}
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)


def test_csv_cells_are_neutralised_and_containers_are_json(results, tmp_path):
    write_outputs(results, tmp_path, formats=("csv",))
    with open(tmp_path / "clusters.csv", encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["label"].startswith("'=cmd")
    assert row["by_country"] == '{"KZ": 2}'
    assert "شکار غیرمجاز" in row["quotes"]
    summary = pd.read_csv(tmp_path / "threat_summary.csv", keep_default_na=False)
    assert len(summary) == 2 * 4
    assert "not ranked" in set(summary["rank"])


def test_workbook_has_a_sheet_per_table_and_a_method_sheet(results, tmp_path):
    write_outputs(results, tmp_path, formats=("xlsx",))
    workbook = openpyxl.load_workbook(tmp_path / "analysis.xlsx")
    expected = {name[:31] for name in CSV_TABLES if name != "method"} | {"Method"}
    assert expected == set(workbook.sheetnames)
    label = workbook["clusters"]["B2"]
    assert label.data_type == "s"
    assert label.value.startswith("'=cmd")
    method = {row[0]: row[1] for row in workbook["Method"].iter_rows(values_only=True) if row}
    assert method["date"] == "2026-03-01"
    assert method["software_version"]
    assert method["parameters.seed"] == 1
    assert method["rating.cut_high"] == "2.5"
    assert method["rule: summary threat rating"] == "3-5-7 rule, then 2-prime rule"


def test_workbook_timestamps_come_from_the_run_date(tmp_path):
    write_outputs(make_results(date="2026-03-01"), tmp_path, formats=("xlsx",))
    with zipfile.ZipFile(tmp_path / "analysis.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 3, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core) == [
        "2026-03-01T00:00:00Z",
        "2026-03-01T00:00:00Z",
    ]


def test_html_report_is_standalone_and_escaped(results, tmp_path):
    write_outputs(results, tmp_path, formats=("html",))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<li lang="fa" dir="auto">' in page
    assert page.count("<svg") == 1  # the heatmap; no action is raised for the region
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "<link" not in page and "@import" not in page
    assert "getSummaryOfBundlesWithTwoPrimeRule" in page
    assert "nan" not in re.sub(r"<svg.*?</svg>", "", page, flags=re.S).lower().split()


def test_html_report_has_a_glossary_of_every_column_of_every_table(results):
    page = render_html(results)
    for name, table in results.tables().items():
        entries = GLOSSARY[name]
        for column in table.columns:
            assert entries.get(column), (name, column)
    assert page.count('<details class="glossary">') >= 10
    # low-evidence rows are greyed in the tables
    assert '<tr class="low">' in page


def test_html_report_heads_columns_and_names_codes_in_words(results):
    """Tables are headed by words (the column's CSV name only in its title and the
    glossary), and countries, threats and species are named, not coded."""
    page = render_html(results)
    headings = re.findall(r"<th[^>]*>([^<]*)</th>", page)
    assert "Mention share" in headings and "Respondents" in headings
    assert not [h for h in headings if "_" in h], "no heading is a column code"
    assert '<th title="mention_share">Mention share</th>' in page
    assert "Mention share <span class=\"note\">(mention_share in the CSV files)</span>" in page
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
    assert "Kazakhstan (KZ)" in cells and "KZ" not in cells
    assert "Poaching and illegal trade" in cells and "poaching" not in cells
    # codes inside descriptions ("saiga High 3.00 (n=6)") and the charts' labels are named
    described = [c for c in cells if "(n=" in c]
    assert described and all(not c.startswith(("saiga ", "argali ")) for c in described)
    assert any(c.startswith(("Saiga", "Argali")) for c in described)
    heatmap = re.search(r"<svg.*?</svg>", page, flags=re.S).group()
    assert ">Kazakhstan<" in heatmap and ">KZ<" not in heatmap


def test_outputs_are_byte_identical_for_the_same_results(results, tmp_path):
    first = write_outputs(results, tmp_path / "one")
    second = write_outputs(make_results(), tmp_path / "two")
    for a, b in zip(first, second, strict=True):
        assert a.name == b.name
        assert a.read_bytes() == b.read_bytes(), a.name


def test_heatmap_shows_levels_with_n_and_greys_low_evidence(results):
    summary = results.threat_summary
    svg = heatmap_svg(summary)
    assert svg.startswith("<svg")
    assert ">KZ<" in svg and ">MN<" in svg
    # every cell says its n (six respondents rate poaching in KZ); MN's infrastructure
    # rests on two respondents and is grey
    assert "n=6" in svg
    assert "low evidence" in svg and "n=2" in svg
    assert svg == heatmap_svg(summary)
    assert heatmap_svg(summary.iloc[0:0]) == ""


def test_unknown_format_is_rejected(results, tmp_path):
    with pytest.raises(ValueError, match="pdf"):
        write_outputs(results, tmp_path, formats=("pdf",))


def test_regional_chart_names_actions_and_labels_values_without_a_legend():
    from analysis.report import ChartText, regional_bar_svg

    regional = pd.DataFrame(
        {
            "action": ["horn_trade_controls", "ranger_capacity", "fence_modification"],
            "rank": [1, 2, "not ranked"],
            "priority": [0.91, 0.52, "not rated"],
        }
    )
    text = ChartText(
        names={"horn_trade_controls": "Контроль торговли рогами", "ranger_capacity": "Егеря"},
        words={"regional priority (mean of the states' priorities)": "региональный приоритет"},
        digits=lambda s: s.replace(".", ","),
    )
    svg = regional_bar_svg(regional, text=text)
    assert "Контроль торговли рогами" in svg and "Егеря" in svg
    assert "horn_trade_controls" not in svg and "fence_modification" not in svg
    assert "региональный приоритет" in svg
    assert "0,91" in svg and "0,52" in svg  # values at the bars' ends, no legend box
    assert "legend" not in svg
    assert regional_bar_svg(regional) != svg  # English codes without ChartText

"""Write an analysis run's results as CSV files, one Excel workbook and a standalone HTML page.

Everything written is a pure function of the results: the same inputs, parameters and seed
give byte-identical files (the workbook's timestamps come from the run's date, chart ids
from a fixed salt). Text cells that a spreadsheet would run as a formula are neutralised
(:func:`neutralise`).
"""

from __future__ import annotations

import html
import io
import json
import math
import re
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from analysis.scoring import THEMES

if TYPE_CHECKING:
    from analysis.pipeline import AnalysisResults

FORMATS = ("csv", "xlsx", "html")
CSV_TABLES = (
    "threat_scores",
    "priorities_by_country",
    "regional_priorities",
    "shared_threats",
    "clusters",
    "cluster_assignments",
    "gaps",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Used for the workbook's timestamps when the run has no date (zip cannot store < 1980).
FALLBACK_DATE = datetime(1980, 1, 1)
_SVG_SALT = "consult-analysis"


def neutralise(value: object) -> object:
    """Prefix an apostrophe to text a spreadsheet would read as a formula.

    Strings starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (OWASP's
    CSV-injection list) come back as ``"'" + value``; anything else is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_outputs(
    results: AnalysisResults, out_dir: str | Path, formats: Iterable[str] = FORMATS
) -> list[Path]:
    """Write ``results`` into ``out_dir`` and return the paths written.

    ``csv``: one file per table (threat_scores.csv, priorities_by_country.csv,
    regional_priorities.csv, shared_threats.csv, clusters.csv, cluster_assignments.csv,
    gaps.csv), UTF-8, lists and mappings as JSON. ``xlsx``: analysis.xlsx with one sheet per
    table and a "Method" sheet (date, software version, parameters, data counts, weights).
    ``html``: report.html, standalone (inline CSS and SVG charts, no external requests).
    """
    formats = tuple(formats)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown output format(s): {', '.join(sorted(unknown))}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = {name: results.tables()[name] for name in CSV_TABLES}
    written: list[Path] = []
    if "csv" in formats:
        for name, frame in tables.items():
            path = out / f"{name}.csv"
            _cells_for_export(frame).to_csv(path, index=False, lineterminator="\n")
            written.append(path)
    if "xlsx" in formats:
        path = out / "analysis.xlsx"
        path.write_bytes(_workbook_bytes(results, tables))
        written.append(path)
    if "html" in formats:
        path = out / "report.html"
        path.write_text(render_html(results), encoding="utf-8", newline="\n")
        written.append(path)
    return written


# --------------------------------------------------------------------------- cells


def _plain(value: object) -> object:
    """A cell value as a plain Python scalar: None for missing, JSON text for containers."""
    if isinstance(value, dict | list | tuple | set | np.ndarray):
        if isinstance(value, set):
            value = sorted(value)
        if isinstance(value, np.ndarray):
            value = value.tolist()
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _json_default(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def _export_value(value: object) -> object:
    return neutralise(_plain(value))


def _cells_for_export(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if not (
            pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_bool_dtype(out[column])
        ):
            out[column] = out[column].astype(object).map(_export_value)
    return out


# --------------------------------------------------------------------------- workbook


def _run_datetime(results: AnalysisResults) -> datetime:
    text = str(results.method.get("date") or "")
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return FALLBACK_DATE
    stamp = stamp.replace(tzinfo=None)
    return max(stamp, FALLBACK_DATE)


def _method_rows(results: AnalysisResults) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for key, value in results.method.items():
        if isinstance(value, dict):
            rows.extend((f"{key}.{sub}", _plain(v)) for sub, v in value.items())
        else:
            rows.append((key, _plain(value)))
    return rows


def _sheet_value(value: object) -> object:
    value = _export_value(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _fill_sheet(sheet, frame: pd.DataFrame) -> None:
    bold = Font(bold=True)
    sheet.append([str(c) for c in frame.columns])
    for cell in sheet[1]:
        cell.font = bold
    for row in frame.itertuples(index=False, name=None):
        sheet.append([_sheet_value(v) for v in row])
    sheet.freeze_panes = "A2"
    for i, column in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(max(len(str(column)), 8) + 2, 40)


def _workbook_bytes(results: AnalysisResults, tables: dict[str, pd.DataFrame]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, frame in tables.items():
        _fill_sheet(workbook.create_sheet(name[:31]), frame)

    method = workbook.create_sheet("Method")
    bold = Font(bold=True)
    method.append(["item", "value"])
    for row in _method_rows(results):
        method.append([_sheet_value(v) for v in row])
    method.append([])
    method.append(["Weights and thresholds"])
    weights = results.weights
    if not weights.empty:
        method.append(list(weights.columns))
        for row in weights.itertuples(index=False, name=None):
            method.append([_sheet_value(v) for v in row])
    for row in method.iter_rows():
        if row and row[0].value in ("item", "Weights and thresholds", "section"):
            for cell in row:
                cell.font = bold
    method.column_dimensions["A"].width = 34
    method.column_dimensions["B"].width = 60

    stamp = _run_datetime(results)
    workbook.properties.creator = "consult"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save: save() stamps "modified" with the clock.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return _restamp_zip(buffer.getvalue(), stamp)


def _restamp_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrite a zip archive with every member dated ``stamp`` (zip dates default to now)."""
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- charts


def _svg(figure: Figure, name: str, label: str) -> str:
    """The figure as an inline ``<svg>`` element whose ids all start with ``name``.

    Prefixing keeps the ids of several charts on one page apart (matplotlib names every
    figure's groups "figure_1", "axes_1", ...).
    """
    buffer = io.StringIO()
    metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
    with matplotlib.rc_context({"svg.hashsalt": _SVG_SALT, "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata=metadata, bbox_inches="tight")
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{name}-\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{name}-\1"', text)
    aria = html.escape(label, quote=True)
    return text.replace("<svg ", f'<svg role="img" aria-label="{aria}" ', 1)


def heatmap_svg(threat_scores: pd.DataFrame) -> str:
    """Country x threat heatmap of the combined score as an inline ``<svg>`` element.

    Input: the ``threat_scores`` table. Each cell shows the score (0..1, darker = higher);
    a trailing ``*`` marks low-evidence cells; cells with neither ratings nor texts are grey
    and empty. Returns "" when there are no scores.
    """
    if threat_scores.empty:
        return ""
    present = set(threat_scores["theme"])
    themes = [t for t in THEMES if t in present] + sorted(present - set(THEMES))
    evidence = pd.Series(False, index=threat_scores.index)
    for column in ("n_respondents", "n_texts"):
        if column in threat_scores:
            evidence |= threat_scores[column].fillna(0) > 0
    frame = threat_scores.assign(
        shown=threat_scores["score"].where(evidence),
        low_evidence=threat_scores.get("low_evidence", False),
    )
    grid = frame.pivot(index="country", columns="theme", values="shown")
    grid = grid.reindex(columns=themes).sort_index()
    low = frame.pivot(index="country", columns="theme", values="low_evidence")
    low = low.reindex(index=grid.index, columns=themes)
    values = grid.to_numpy(dtype=float)
    colours = matplotlib.colormaps["YlOrRd"].with_extremes(bad="#e8e8e8")

    figure = Figure(figsize=(1.1 + 0.9 * len(themes), 0.9 + 0.42 * len(grid)))
    axes = figure.add_subplot()
    image = axes.imshow(
        np.ma.masked_invalid(values), cmap=colours, vmin=0.0, vmax=1.0, aspect="auto"
    )
    axes.set_xticks(range(len(themes)), labels=themes, rotation=40, ha="right")
    axes.set_yticks(range(len(grid)), labels=list(grid.index))
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if np.isnan(values[i, j]):
                continue
            mark = "*" if bool(low.iat[i, j]) else ""
            colour = "white" if values[i, j] > 0.6 else "black"
            axes.text(
                j,
                i,
                f"{values[i, j]:.2f}{mark}",
                ha="center",
                va="center",
                fontsize=8,
                color=colour,
            )
    figure.colorbar(image, ax=axes, fraction=0.03, pad=0.02, label="combined threat score")
    return _svg(figure, "heatmap", "Combined threat score per country and theme")


def regional_bar_svg(regional: pd.DataFrame, top: int = 15) -> str:
    """Horizontal bars of the ``top`` regional priorities as an inline ``<svg>`` element.

    Bars of transboundary actions raised by the regional rule are drawn in a second colour.
    Returns "" when there are no priorities.
    """
    if regional.empty:
        return ""
    frame = regional.sort_values("rank").head(top).iloc[::-1]
    figure = Figure(figsize=(7.5, 0.8 + 0.32 * len(frame)))
    axes = figure.add_subplot()
    boost = frame["transboundary_boost"] if "transboundary_boost" in frame else 1.0
    boosted = pd.Series(boost, index=frame.index).to_numpy(dtype=float) > 1.0
    colours = np.where(boosted, "#b2182b", "#4d7ea8")
    axes.barh(range(len(frame)), frame["priority"].to_numpy(dtype=float), color=colours)
    axes.set_yticks(range(len(frame)), labels=list(frame["action"]))
    axes.set_xlabel("regional priority")
    axes.spines[["top", "right"]].set_visible(False)
    handles = [
        Patch(color="#b2182b", label="raised: threat shared across borders"),
        Patch(color="#4d7ea8", label="not raised"),
    ]
    axes.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    return _svg(figure, "regional", "Regional priority of the top actions")


# --------------------------------------------------------------------------- html

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem;
color:#1d1d1f;line-height:1.45;max-width:80rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}
th,td{border:1px solid #d0d0d0;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f1f1f1}td.num{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#555;font-size:.9rem}figure{margin:1rem 0}svg{max-width:100%;height:auto}
ul.quotes{margin:0;padding-left:1.1rem}
"""


def _format(value: object) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def _quotes_html(value: object) -> str:
    if not isinstance(value, list | tuple):
        return html.escape(_format(value))
    items = []
    for quote in value:
        if not isinstance(quote, dict):
            items.append(f"<li>{html.escape(str(quote))}</li>")
            continue
        lang = html.escape(str(quote.get("lang") or ""), quote=True)
        lang_attr = f' lang="{lang}"' if lang else ""
        text = html.escape(str(quote.get("text") or ""))
        items.append(f'<li{lang_attr} dir="auto">{text}</li>')
    return '<ul class="quotes">' + "".join(items) + "</ul>"


def _mapping_text(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return _format(value)


def _table_html(frame: pd.DataFrame, columns: list[str] | None = None) -> str:
    if frame.empty:
        return '<p class="note">No data.</p>'
    columns = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for record in frame[columns].to_dict("records"):
        cells = []
        for column in columns:
            value = record[column]
            if column == "quotes":
                cells.append(f"<td>{_quotes_html(value)}</td>")
                continue
            if isinstance(value, dict):
                cells.append(f"<td>{html.escape(_mapping_text(value))}</td>")
                continue
            plain = _plain(value)
            numeric = isinstance(plain, int | float) and not isinstance(plain, bool)
            cls = ' class="num"' if numeric else ' dir="auto"'
            cells.append(f"<td{cls}>{html.escape(_format(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure_html(svg: str, caption: str) -> str:
    if not svg:
        return '<p class="note">No data to chart.</p>'
    return f'<figure>{svg}<figcaption class="note">{html.escape(caption)}</figcaption></figure>'


def render_html(results: AnalysisResults, top_per_country: int = 5) -> str:
    """The standalone HTML report of a run, as a string (see :func:`write_outputs`)."""
    method = results.method
    counts = method.get("data_counts", {})
    params = method.get("parameters", {})
    scores = results.threat_scores
    priorities = results.priorities_by_country
    if not priorities.empty:
        priorities = priorities[priorities["rank"] <= top_per_country]
    method_rows = pd.DataFrame(_method_rows(results), columns=["item", "value"])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Threat scores and priorities</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Conservation gaps and needs: threat scores and priorities</h1>",
        '<p class="note">Run date: '
        f"{html.escape(str(method.get('date') or 'not given'))} · software version "
        f"{html.escape(str(method.get('software_version', '')))} · seed "
        f"{html.escape(str(params.get('seed', '')))} · "
        f"{html.escape(str(counts.get('rating_respondents', 0)))} rating respondents, "
        f"{html.escape(str(counts.get('texts', 0)))} texts.</p>",
        "<h2>Threat scores by country</h2>",
        '<p class="note">Score = weighted mean of mean rating / 4 (Miradi simple threat rating '
        "of scope, severity and irreversibility, averaged within then across stakeholder "
        "groups), share of respondents reporting the threat, and share of texts mentioning "
        "it. * = fewer respondents than the low-evidence threshold.</p>",
        _figure_html(heatmap_svg(scores), "Combined threat score per country and theme."),
        _table_html(
            scores,
            [
                "country",
                "theme",
                "rank",
                "score",
                "n_respondents",
                "share_reporting",
                "mean_rating",
                "ci_low",
                "ci_high",
                "n_groups",
                "agreement",
                "rollup_label",
                "trend",
                "mention_share",
                "low_evidence",
            ],
        ),
        f"<h2>Priority actions per country (top {top_per_country})</h2>",
        '<p class="note">Priority = threat score of the worst threat addressed × strategy '
        "rating / 4 (min of impact and feasibility) × cost factor.</p>",
        _table_html(
            priorities,
            [
                "country",
                "rank",
                "action",
                "title_en",
                "driving_themes",
                "threat_max",
                "strategy_label",
                "cost_label",
                "priority",
                "low_evidence",
            ],
        ),
        "<h2>Regional priorities</h2>",
        _figure_html(regional_bar_svg(results.regional_priorities), "Top regional priorities."),
        _table_html(
            results.regional_priorities,
            [
                "rank",
                "action",
                "title_en",
                "driving_themes",
                "threat_max",
                "strategy_label",
                "cost_label",
                "shared_themes",
                "n_range_states",
                "transboundary_boost",
                "boost_reason",
                "priority",
            ],
        ),
        "<h2>Threats shared across borders</h2>",
        _table_html(results.shared_threats),
        "<h2>Clusters of free-text answers and interview notes</h2>",
        _table_html(
            results.clusters,
            ["cluster", "label", "size", "top_terms", "dominant_theme", "by_country", "quotes"],
        ),
        "<h2>Needs versus measures in place</h2>",
        _table_html(
            results.gaps,
            [
                "country",
                "rank",
                "need",
                "share_top",
                "mean_rank",
                "related_measures",
                "share_in_place",
                "mean_effectiveness",
                "coverage",
                "gap",
            ],
        ),
        "<h2>Method</h2>",
        _table_html(method_rows),
        "<h3>Weights and thresholds</h3>",
        _table_html(results.weights),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"

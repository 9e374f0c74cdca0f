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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

import reference as facts
from analysis.scoring import LEVEL_LABELS

if TYPE_CHECKING:
    from analysis.pipeline import AnalysisResults

FORMATS = ("csv", "xlsx", "html")
CSV_TABLES = (
    "threat_summary",
    "threat_ratings",
    "factor_gaps",
    "priorities_by_country",
    "regional_priorities",
    "shared_populations",
    "sensitivity_summary",
    "sensitivity",
    "clusters",
    "cluster_assignments",
    "gaps",
    "method",
)
#: Tables that get a sheet of their own; ``method`` goes on the "Method" sheet.
SHEET_TABLES = tuple(name for name in CSV_TABLES if name != "method")
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
    results: AnalysisResults,
    out_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    *,
    relabel: Callable[[str, pd.DataFrame], pd.DataFrame] | None = None,
) -> list[Path]:
    """Write ``results`` into ``out_dir`` and return the paths written.

    ``csv``: one file per table of :data:`CSV_TABLES` (``<name>.csv``), UTF-8, lists and
    mappings as JSON. ``xlsx``: analysis.xlsx with one sheet per table and a "Method" sheet
    (the run record: date, software version, parameters, data counts; then the ``method``
    table: every setting and rule with its meaning and source). ``html``: report.html,
    standalone (inline CSS and SVG charts, no external requests), each table with a
    glossary of its columns. ``relabel(name, table)``, when given, rewrites each table before
    it is written (the app names the codes in the reader's language with it).
    """
    formats = tuple(formats)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown output format(s): {', '.join(sorted(unknown))}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = {name: results.tables()[name] for name in CSV_TABLES}
    if relabel is not None:
        tables = {name: relabel(name, frame) for name, frame in tables.items()}
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
    text = str(results.run.get("date") or "")
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return FALLBACK_DATE
    stamp = stamp.replace(tzinfo=None)
    return max(stamp, FALLBACK_DATE)


def _run_rows(results: AnalysisResults) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for key, value in results.run.items():
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
    for name in SHEET_TABLES:
        _fill_sheet(workbook.create_sheet(name[:31]), tables[name])

    method = workbook.create_sheet("Method")
    bold = Font(bold=True)
    method.append(["item", "value"])
    for row in _run_rows(results):
        method.append([_sheet_value(v) for v in row])
    method.append([])
    method.append(["Settings and rules"])
    table = tables.get("method", results.method)
    if not table.empty:
        method.append(list(table.columns))
        for row in table.itertuples(index=False, name=None):
            method.append([_sheet_value(v) for v in row])
    for row in method.iter_rows():
        if row and row[0].value in ("item", "Settings and rules", "setting"):
            for cell in row:
                cell.font = bold
    method.column_dimensions["A"].width = 34
    method.column_dimensions["B"].width = 60
    method.column_dimensions["C"].width = 80

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


@dataclass(frozen=True)
class ChartText:
    """The words a chart shows, in the reader's language (English codes when not given).

    ``names`` maps codes (countries, threats, actions) to their names; ``words`` maps the
    chart's fixed English words (the level labels, "low evidence", "not rated", the axis
    label, the chart titles) to their translation; ``fonts`` is the font families to draw
    with, first choice first (a font that covers the reader's script); ``digits`` rewrites
    a number in the reader's digits; ``rtl`` draws the labels for a right-to-left reader.
    The SVG keeps its text as text (``svg.fonttype: none``), so the browser shapes it and
    orders right-to-left runs itself.
    """

    names: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    fonts: tuple[str, ...] = ()
    digits: Callable[[str], str] | None = None
    rtl: bool = False

    def name(self, code: object) -> str:
        return self.names.get(str(code), str(code))

    def word(self, text: str) -> str:
        return self.words.get(text, text)

    def number(self, text: str) -> str:
        return self.digits(text) if self.digits else text

    def rc(self) -> dict:
        # A list of families (not the generic "sans-serif"): matplotlib then takes each
        # glyph from the first family that has it.
        return {"font.family": [*self.fonts, "DejaVu Sans"]}


ENGLISH = ChartText()


def _english_names(results: AnalysisResults) -> ChartText:
    """The words of the report's charts: countries and threats by their English names,
    actions by their titles."""
    names = {code: facts.name("theme", code, "en") for code in facts.theme_codes()}
    names |= {row["code"]: facts.name("country", row["code"], "en") for row in facts.countries()}
    regional = results.regional_priorities
    if not regional.empty and "title_en" in regional.columns:
        names |= {
            str(code): str(title)
            for code, title in zip(regional["action"], regional["title_en"], strict=True)
            if isinstance(title, str) and title
        }
    return ChartText(names=names)


def heatmap_svg(threat_summary: pd.DataFrame, text: ChartText = ENGLISH) -> str:
    """Country x threat heatmap of the summary threat ratings as an inline ``<svg>`` element.

    Input: the ``threat_summary`` table and the words to draw (:class:`ChartText`). Each
    cell is coloured by the summary level (None .. Very high) and shows the label and n
    (respondents who rated the threat in that country); threats not ranked are grey and say
    "low evidence" (or "not rated" when nobody rated them). Returns "" when there is no
    summary.
    """
    if threat_summary.empty:
        return ""
    with matplotlib.rc_context(text.rc()):
        return _heatmap_svg(threat_summary, text)


def _heatmap_svg(threat_summary: pd.DataFrame, text: ChartText) -> str:
    frame = threat_summary.copy()
    frame["shown"] = [
        float(v) if not low and not isinstance(v, str) else np.nan
        for v, low in zip(frame["level"], frame["low_evidence"], strict=True)
    ]
    grid = frame.pivot(index="country", columns="threat", values="shown").sort_index()
    threats = sorted(grid.columns)
    grid = grid.reindex(columns=threats)
    n = frame.pivot(index="country", columns="threat", values="n_respondents")
    n = n.reindex(index=grid.index, columns=threats)
    values = grid.to_numpy(dtype=float)
    colours = matplotlib.colormaps["YlOrRd"].resampled(5).with_extremes(bad="#d9d9d9")
    levels = [text.word(label) for label in LEVEL_LABELS]

    figure = Figure(figsize=(1.8 + 1.35 * len(threats), 0.9 + 0.5 * len(grid)))
    axes = figure.add_subplot()
    image = axes.imshow(
        np.ma.masked_invalid(values), cmap=colours, vmin=-0.5, vmax=4.5, aspect="auto"
    )
    axes.set_xticks(
        range(len(threats)), labels=[text.name(t) for t in threats], rotation=30, ha="right"
    )
    axes.set_yticks(range(len(grid)), labels=[text.name(c) for c in grid.index])
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            count = n.iat[i, j]
            count = 0 if count is None or count != count else int(count)
            counted = text.number(f"n={count}")
            if np.isnan(values[i, j]):
                reason = text.word("low evidence" if count else "not rated")
                cell, colour = f"{reason}\n{counted}", "#555555"
            else:
                level = int(values[i, j])
                cell = f"{levels[level]}\n{counted}"
                colour = "white" if level >= 3 else "black"
            axes.text(j, i, cell, ha="center", va="center", fontsize=7, color=colour)
    bar = figure.colorbar(image, ax=axes, fraction=0.03, pad=0.02, ticks=range(5))
    bar.ax.set_yticklabels(levels)
    return _svg(figure, "heatmap", text.word("Summary threat rating per country and threat"))


def regional_bar_svg(regional: pd.DataFrame, top: int = 15, text: ChartText = ENGLISH) -> str:
    """Horizontal bars of the ``top`` ranked regional priorities as an inline ``<svg>``,
    each bar labelled with the action's name (:class:`ChartText`) and its value at its end.

    Returns "" when no action is raised for the region.
    """
    if regional.empty:
        return ""
    ranked = regional[regional["rank"].map(lambda r: not isinstance(r, str))]
    if ranked.empty:
        return ""
    frame = ranked.sort_values("rank").head(top).iloc[::-1]
    with matplotlib.rc_context(text.rc()):
        figure = Figure(figsize=(8.5, 0.8 + 0.36 * len(frame)))
        axes = figure.add_subplot()
        values = frame["priority"].to_numpy(dtype=float)
        bars = axes.barh(range(len(frame)), values, color="#4d7ea8")
        # Values at the bars' ends, inside the axes: no legend box to cover a bar.
        axes.bar_label(
            bars, labels=[text.number(f"{v:.2f}") for v in values], padding=3, fontsize=8
        )
        axes.set_xlim(0, max(1.0, float(values.max()) * 1.15))
        axes.set_yticks(
            range(len(frame)), labels=[_wrap(text.name(code)) for code in frame["action"]]
        )
        axes.set_xlabel(text.word("regional priority (mean of the states' priorities)"))
        axes.spines[["top", "right"]].set_visible(False)
        if text.rtl:
            axes.yaxis.tick_right()
            axes.invert_xaxis()
            axes.spines[["right"]].set_visible(True)
            axes.spines[["left"]].set_visible(False)
        return _svg(figure, "regional", text.word("Regional priority of the top actions"))


def _wrap(label: str, width: int = 38) -> str:
    """A long tick label on two lines."""
    if len(label) <= width:
        return label
    cut = label.rfind(" ", 0, width)
    cut = cut if cut > 0 else width
    return label[:cut] + "\n" + label[cut:].strip()


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
tr.low td{color:#777;background:#f4f4f4}details.glossary{font-size:.85rem;margin:.2rem 0 1rem}
details.glossary dt{font-weight:600}details.glossary dd{margin:0 0 .3rem 1.2rem}
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
        translation = str(quote.get("translation") or "").strip()
        if translation:
            text += (
                ' <span class="translation" lang="en" dir="ltr">(English: '
                f"{html.escape(translation)})</span>"
            )
        items.append(f'<li{lang_attr} dir="auto">{text}</li>')
    return '<ul class="quotes">' + "".join(items) + "</ul>"


#: Mappings whose keys are reference codes (texts per country).
NAMED_KEYS: dict[str, str] = {"by_country": "country"}


def _mapping_text(value: object, column: str = "") -> str:
    if isinstance(value, dict):
        kind = NAMED_KEYS.get(column)
        return ", ".join(
            f"{facts.name(kind, str(k), 'en') if kind else k} {v}" for k, v in value.items()
        )
    return _format(value)


#: Headings of the columns whose name is not their code read aloud (``mention_share`` is
#: headed "Mention share"; these are not).
HEADINGS: dict[str, str] = {
    "n_respondents": "Respondents",
    "n_groups": "Stakeholder groups",
    "n_targets": "Targets",
    "n_incomplete": "Incomplete ratings",
    "n_ranking": "Respondents ranking needs",
    "n_ranked": "Ranked it",
    "n_in_place": "Measure in place",
    "n_states": "Range states",
    "n_scenarios": "Scenarios",
    "ci_low": "Interval, low",
    "ci_high": "Interval, high",
    "rank_low": "Rank interval, low",
    "rank_high": "Rank interval, high",
    "p_rank1": "Chance of rank 1",
    "p_top3": "Chance of top 3",
    "title_en": "Title",
    "top3_same": "Same top 3",
    "share_top3_same": "Share with the same top 3",
    "kendall_tau": "Kendall's tau",
    "median_tau": "Median Kendall's tau",
    "dominant_theme": "Dominant theme",
    "by_country": "Texts per country",
    "by_group": "Texts per stakeholder group",
    "by_source": "Texts per source",
}

#: Columns holding reference codes, shown by their English names (the code in brackets
#: where a reader may need it to find the row in the CSV files).
NAMED_COLUMNS: dict[str, str] = {
    "country": "country",
    "countries": "country",
    "threat": "theme",
    "threats": "theme",
    "factor": "theme",
    "driver": "theme",
    "dominant_theme": "theme",
    "target": "species",
    "species": "species",
    "population": "population",
    "populations": "population",
}


#: Columns describing each item by its code first ("argali High 3.00 (n=6); …"): the
#: kind of that leading code.
LEADING_CODES: dict[str, str] = {"target_ratings": "species", "ratings": "country"}


def heading(column: str) -> str:
    """The English heading of an output column: ``mention_share`` -> "Mention share"."""
    words = HEADINGS.get(column) or column.replace("_", " ")
    return words[:1].upper() + words[1:]


def _named(column: str, value: object) -> str | None:
    """A reference code (or codes separated by ";" or ",") of ``column`` by its name, or
    None when the column holds no reference codes."""
    if column in LEADING_CODES and isinstance(value, str) and value:
        kind = LEADING_CODES[column]
        return "; ".join(
            re.sub(r"^\S+", lambda code: facts.name(kind, code.group(), "en"), part.strip())
            for part in value.split(";")
        )
    kind = NAMED_COLUMNS.get(column)
    if kind is None or not isinstance(value, str) or not value:
        return None
    codes = [part for part in re.split(r"[;,]\s*", value) if part]
    named = []
    for code in codes:
        name = facts.name(kind, code, "en")
        named.append(f"{name} ({code})" if kind == "country" and name != code else name)
    return ", ".join(named)


def _table_html(frame: pd.DataFrame, columns: list[str] | None = None) -> str:
    if frame.empty:
        return '<p class="note">No data.</p>'
    columns = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    head = "".join(
        f'<th title="{html.escape(c, quote=True)}">{html.escape(heading(c))}</th>'
        for c in columns
    )
    body = []
    for record in frame[columns].to_dict("records"):
        cells = []
        for column in columns:
            value = record[column]
            if column == "quotes":
                cells.append(f"<td>{_quotes_html(value)}</td>")
                continue
            if isinstance(value, dict):
                cells.append(f"<td>{html.escape(_mapping_text(value, column))}</td>")
                continue
            named = _named(column, value)
            if named is not None:
                cells.append(f'<td dir="auto">{html.escape(named)}</td>')
                continue
            plain = _plain(value)
            numeric = isinstance(plain, int | float) and not isinstance(plain, bool)
            cls = ' class="num"' if numeric else ' dir="auto"'
            cells.append(f"<td{cls}>{html.escape(_format(value))}</td>")
        low = record.get("low_evidence") is True or record.get("low_evidence") is np.True_
        body.append(('<tr class="low">' if low else "<tr>") + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure_html(svg: str, caption: str) -> str:
    if not svg:
        return '<p class="note">No data to chart.</p>'
    return f'<figure>{svg}<figcaption class="note">{html.escape(caption)}</figcaption></figure>'


#: What every column of every output table means, shown under the table in the report.
GLOSSARY: dict[str, dict[str, str]] = {
    "threat_summary": {
        "country": "range state (its ISO code in brackets)",
        "threat": "direct threat",
        "rating": "summary threat rating over the country's targets: 3-5-7 rule, then 2-prime "
        "rule (Miradi), over the target ratings that are not low evidence",
        "rank": "place among the country's threats by country_value, ties by tie_rule",
        "rank_low": "lower end of the bootstrap percentile interval of the rank",
        "rank_high": "upper end of the bootstrap percentile interval of the rank",
        "p_rank1": "share of bootstrap replicates ranking the threat first",
        "p_top3": "share of bootstrap replicates ranking it in the top three",
        "mention_share": "share of the country's texts (answers, interview notes) mentioning "
        "it; corroborating evidence, counted only when text_weight > 0",
        "low_evidence": "no target rating with enough respondents and groups: not ranked",
        "n_respondents": "respondents who rated this threat for any target in the country",
        "level": "the rating as a number: None 0, Low 1, Medium 2, High 3, Very high 4",
        "country_value": "value ranks and priorities use: the level (mixed with mentions "
        "only when text_weight > 0)",
        "n_targets": "target ratings counted in the summary",
        "target_ratings": "each target's label, rating_value and n",
        "tie_rule": "the rule that decided the place where the threat tied on country_value",
        "note": "why a value is not rated or not ranked, and other remarks",
    },
    "threat_ratings": {
        "country": "range state (its ISO code in brackets)",
        "target": "conservation target: a species, or 'pooled' (questionnaire 2026.1: the "
        "species in the respondent's area)",
        "threat": "direct threat",
        "n_respondents": "respondents with a rating (0 = said it does not affect the target)",
        "n_groups": "stakeholder groups among them",
        "rating": "label of rating_value by the cut-points (see Method)",
        "rating_value": "group-balanced mean of the respondents' Miradi ratings 0..4 (mean "
        "within each stakeholder group, then the mean of the group means)",
        "ci_low": "lower end of the bootstrap percentile interval of rating_value",
        "ci_high": "upper end of the bootstrap percentile interval of rating_value",
        "share_high": "share of the respondents rating it High or Very high",
        "agreement": "Tastle-Wierman consensus: 1 = all agree, 0 = split between the ends",
        "low_evidence": "fewer respondents than min_n or groups than min_groups: shown, not "
        "counted in the summary",
        "n_incomplete": "respondents who said it affects the target but left scope, severity "
        "or irreversibility unrated: excluded",
        "note": "why a value is not rated, low evidence, exclusions, range remarks",
    },
    "factor_gaps": {
        "country": "range state (its ISO code in brackets)",
        "factor": "contributing factor",
        "gap": "group-balanced mean of the respondents' gaps: 1 adequate .. 4 very "
        "inadequate (a respondent's gap is the mean of their answered items)",
        "ci_low": "lower end of the bootstrap percentile interval of gap",
        "ci_high": "upper end of the bootstrap percentile interval of gap",
        "n_respondents": "respondents who answered at least one of its gap items",
        "agreement": "Tastle-Wierman consensus on the 1..4 scale",
        "low_evidence": "fewer respondents than min_n or groups than min_groups",
        "n_groups": "stakeholder groups among the respondents",
        "mention_share": "share of the country's texts mentioning it",
        "note": "why a value is not rated, low evidence",
    },
    "priorities_by_country": {
        "country": "range state (its ISO code in brackets)",
        "action": "action code (catalogue)",
        "rank": "place among the country's actions by priority, ties by tie_rule",
        "priority": "(strategy value / 4)^a x (need / 4)^b (see Method)",
        "impact": "potential impact 1..4 (national rating or catalogue default)",
        "feasibility": "feasibility 1..4 (national rating or catalogue default)",
        "strategy_rating": "min(impact, feasibility): Very effective .. Not effective",
        "cost": "cost class, shown beside the rating, not part of it",
        "rating_source": "'catalogue default' or the national consultation it comes from",
        "addresses": "the threats and factors the action addresses, with their country values",
        "tie_rule": "the rule that decided the place where the action tied on priority",
        "strategy_value": "the strategy rating as a number 1..4",
        "need": "largest country value / 4 among the addressed items that count",
        "driver": "the addressed threat or factor giving the need",
        "title_en": "action title",
        "note": "why the action is not ranked, and other remarks",
    },
    "regional_priorities": {
        "action": "action code (catalogue)",
        "rank": "place among the actions raised for the region, ties by tie_rule",
        "priority": "mean of the action's priorities in the range states behind it",
        "countries": "range states behind it",
        "populations": "transboundary populations those states share",
        "threats": "the addressed threats rated High or above on that species in them",
        "basis": "each shared threat with its population and the states' ratings",
        "n_states": "number of range states behind it",
        "impact": "catalogue impact (used to break ties)",
        "cost": "catalogue cost (used to break ties)",
        "transboundary": "the catalogue marks the action as transboundary",
        "title_en": "action title",
        "tie_rule": "the rule that decided the place where the action tied on priority",
        "note": "why the action is not raised",
    },
    "shared_populations": {
        "population": "transboundary population (reference data)",
        "species": "its species",
        "threat": "direct threat rated High or above on that species",
        "countries": "range states of the population rating it so (not low evidence)",
        "ratings": "each state's label and rating_value",
    },
    "sensitivity_summary": {
        "country": "range state (its ISO code in brackets)",
        "ranking": "threats or actions",
        "n_scenarios": "perturbed scenarios run",
        "share_top3_same": "share of scenarios with the same top three, in order",
        "median_tau": "median Kendall tau between the published and the scenario ranks",
        "stability": "'stable' when share_top3_same >= stable_share, else 'sensitive'",
        "note": "remarks",
    },
    "sensitivity": {
        "country": "range state (its ISO code in brackets)",
        "ranking": "threats or actions",
        "scenario": "which settings were moved (see Method)",
        "top3_same": "the same items at ranks 1, 2 and 3, in order",
        "kendall_tau": "Kendall tau between the published and the scenario ranks",
        "n_ranked": "items ranked",
        "settings": "the settings of the scenario",
        "note": "remarks",
    },
    "clusters": {
        "cluster": "cluster number",
        "label": "words that describe the cluster",
        "size": "texts in the cluster",
        "top_terms": "its most characteristic terms",
        "quotes": "texts closest to its centre",
        "dominant_theme": "the theme most of its texts are tagged with",
        "by_country": "texts per country",
        "by_group": "texts per stakeholder group",
        "by_source": "texts per source (survey, interview)",
        "criterion": "how the number of clusters was chosen",
    },
    "cluster_assignments": {
        "id": "text id",
        "cluster": "its cluster",
        "cluster_label": "the cluster's label",
    },
    "gaps": {
        "country": "range state (its ISO code in brackets)",
        "need": "need (questionnaire code)",
        "n_respondents": "respondents who answered needs or measures",
        "n_ranking": "respondents who ranked needs",
        "n_ranked": "respondents who ranked this need",
        "share_top": "share of n_ranking putting it in their top n",
        "mean_rank": "mean rank given to it (1 = most needed)",
        "related_measures": "measures that answer it",
        "n_in_place": "respondents reporting one of them in place",
        "share_in_place": "n_in_place / n_respondents",
        "mean_effectiveness": "mean rated effectiveness 1..4 of those measures",
        "coverage": "share_in_place x (mean_effectiveness - 1) / 3",
        "gap": "share_top x (1 - coverage)",
        "rank": "place among the country's needs by gap",
        "note": "why a value is not rated",
    },
    "method": {
        "setting": "setting (section.name) or rule",
        "value": "its value",
        "meaning": "what it does",
        "source": "where it comes from",
    },
}


def _glossary_html(name: str, frame: pd.DataFrame) -> str:
    entries = GLOSSARY.get(name, {})
    columns = list(frame.columns) if len(frame.columns) else list(entries)
    items = "".join(
        f"<dt>{html.escape(heading(c))} <span class=\"note\">({html.escape(c)} in the CSV "
        f"files)</span></dt><dd>{html.escape(entries.get(c, ''))}</dd>"
        for c in columns
    )
    return f'<details class="glossary"><summary>Columns</summary><dl>{items}</dl></details>'


def _section(title: str, name: str, frame: pd.DataFrame, intro: str = "") -> list[str]:
    parts = [f"<h2>{html.escape(title)}</h2>"]
    if intro:
        parts.append(f'<p class="note">{html.escape(intro)}</p>')
    parts.append(_table_html(frame))
    parts.append(_glossary_html(name, frame))
    return parts


def _top_per_country(frame: pd.DataFrame, top: int) -> pd.DataFrame:
    if frame.empty:
        return frame
    keep = frame["rank"].map(lambda r: not isinstance(r, str) and r <= top)
    return frame[keep]


def render_html(results: AnalysisResults, top_per_country: int = 5) -> str:
    """The standalone HTML report of a run, as a string (see :func:`write_outputs`).

    Input: the run's :class:`analysis.pipeline.AnalysisResults`; ``top_per_country``
    actions are shown per country. Output: one HTML document with the heatmap, every table
    (low-evidence rows greyed) with a glossary of its columns, and the Method table.
    """
    run = results.run
    counts = run.get("data_counts", {})
    params = run.get("parameters", {})
    priorities = _top_per_country(results.priorities_by_country, top_per_country)
    regional = results.regional_priorities
    if not regional.empty:
        regional = regional[regional["rank"].map(lambda r: not isinstance(r, str))]
    run_rows = pd.DataFrame(_run_rows(results), columns=["item", "value"])
    stability = results.sensitivity_summary
    sensitive = (
        stability[stability["stability"] == "sensitive"] if not stability.empty else stability
    )
    flagged = ", ".join(
        f"{facts.name('country', r.country, 'en')} ({r.ranking})"
        for r in sensitive.itertuples(index=False)
    )
    chart_text = _english_names(results)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Threat ratings and priorities</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Conservation gaps and needs: threat ratings and priorities</h1>",
        '<p class="note">Run date: '
        f"{html.escape(str(run.get('date') or 'not given'))} · software version "
        f"{html.escape(str(run.get('software_version', '')))} · seed "
        f"{html.escape(str(params.get('seed', '')))} · "
        f"{html.escape(str(counts.get('rating_respondents', 0)))} rating respondents, "
        f"{html.escape(str(counts.get('factor_gap_respondents', 0)))} gap respondents, "
        f"{html.escape(str(counts.get('texts', 0)))} texts.</p>",
        "<h2>Summary threat ratings by country</h2>",
        '<p class="note">Each respondent rates scope, severity and irreversibility of a threat '
        "to a species (Miradi simple threat rating, CMP Open Standards 4.0). Per species, the "
        "ratings are averaged within each stakeholder group and then across groups, and "
        "labelled by stated cut-points; per country, the species' labels are summarised with "
        "Miradi's 3-5-7 and 2-prime rules. Grey = low evidence (too few respondents or "
        "groups): not ranked. n = respondents who rated the threat.</p>",
        _figure_html(
            heatmap_svg(results.threat_summary, chart_text),
            "Summary threat rating per country and threat, with n.",
        ),
        *_section(
            "Threats ranked per country",
            "threat_summary",
            results.threat_summary,
            "Ranks with their bootstrap interval and the probability of ranking first and in "
            "the top three.",
        ),
        *_section(
            "Target ratings (per country, species and threat)",
            "threat_ratings",
            results.threat_ratings,
        ),
        *_section(
            "Contributing factors: gaps",
            "factor_gaps",
            results.factor_gaps,
            "Assessed as gaps (1 adequate .. 4 very inadequate), never ranked beside threats.",
        ),
        *_section(
            f"Priority actions per country (top {top_per_country})",
            "priorities_by_country",
            priorities,
            "Priority = (strategy value / 4)^a × (need / 4)^b, where the strategy value is "
            "min(impact, feasibility) and need the largest country value of the threats and "
            "factors the action addresses; cost is shown beside it. See Method for a, b and "
            "the tie rule.",
        ),
        "<h2>Regional priorities</h2>",
        _figure_html(
            regional_bar_svg(results.regional_priorities, text=chart_text),
            "Top regional priorities.",
        ),
        *_section(
            "Actions raised for the region",
            "regional_priorities",
            regional,
            "Raised when a threat the action addresses is rated High or Very high on the same "
            "species in two or more range states sharing a population of it.",
        ),
        *_section(
            "Threats shared by range states of one population",
            "shared_populations",
            results.shared_populations,
        ),
        *_section(
            "How stable are the rankings",
            "sensitivity_summary",
            stability,
            "Re-ranked with every weight and cut-point moved by the configured share, one at "
            "a time and all at once. "
            + (f"Sensitive: {flagged}." if flagged else "No ranking is flagged sensitive."),
        ),
        *_section(
            "Clusters of free-text answers and interview notes",
            "clusters",
            results.clusters[
                [
                    c
                    for c in (
                        "cluster",
                        "label",
                        "size",
                        "top_terms",
                        "dominant_theme",
                        "by_country",
                        "quotes",
                    )
                    if c in results.clusters.columns
                ]
            ],
        ),
        *_section("Needs versus measures in place", "gaps", results.gaps),
        "<h2>Method</h2>",
        _table_html(run_rows),
        *_section("Settings and rules", "method", results.method),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"

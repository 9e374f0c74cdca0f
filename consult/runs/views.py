"""Secretariat pages for analysis runs: start, follow progress, read and download results."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from flask import abort, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm

from consult.extensions import db
from consult.i18n import current_language
from consult.maps.report import popup_text, report_maps
from consult.models import (
    AnalysisRun,
    Country,
    Questionnaire,
    Species,
    StakeholderGroup,
    Threat,
)
from consult.reference import VOCABULARIES
from consult.runs import labels as analysis_labels
from consult.runs.forms import AnalysisRunForm
from consult.secretariat import bp

analysis_labels.register(bp)

if TYPE_CHECKING:
    import pandas as pd

#: How a run's status is called on the pages.
RUN_STATUSES = VOCABULARIES["run_status"]

# pandas, scikit-learn, nltk and matplotlib are imported inside the views: a web worker that
# never serves an analysis page stays small.


def _names(model) -> dict[str, str]:
    lang = current_language()
    return {row.code: row.name(lang) for row in db.session.scalars(db.select(model))}


def _run_or_404(run_id: int) -> AnalysisRun:
    run = db.session.get(AnalysisRun, run_id)
    if run is None:
        abort(404)
    if run.status in ("queued", "running"):
        _fail_lost_runs()
        db.session.refresh(run)
    return run


def _fail_lost_runs() -> None:
    """Runs whose process died are shown failed, not "running" for ever."""
    from consult.runs.service import fail_lost_runs

    if fail_lost_runs():
        db.session.commit()


@bp.route("/analysis/", methods=["GET", "POST"])
def analysis_runs():
    form = AnalysisRunForm()
    questionnaires = db.session.scalars(db.select(Questionnaire).order_by(Questionnaire.title))
    form.questionnaire.choices = [("", _("All questionnaires"))] + [
        (q.slug, q.title) for q in questionnaires
    ]
    form.countries.choices = sorted(_names(Country).items(), key=lambda item: item[1])
    form.species.choices = sorted(_names(Species).items(), key=lambda item: item[1])
    form.groups.choices = sorted(_names(StakeholderGroup).items(), key=lambda item: item[1])
    if form.validate_on_submit():
        from consult.runs.service import RunRequest, start_run

        run = start_run(
            RunRequest(
                questionnaire=form.questionnaire.data or None,
                countries=list(form.countries.data or []),
                seed=form.seed.data or 0,
                k=form.k.data,
                min_n=form.min_n.data,
                reader_lang=current_language(),
                include_interviews=bool(form.include_interviews.data),
                species=list(form.species.data or []),
                groups=list(form.groups.data or []),
            ),
            user=current_user._get_current_object(),
        )
        return redirect(url_for("secretariat.analysis_run", run_id=run.id))
    _fail_lost_runs()
    runs = db.session.scalars(
        db.select(AnalysisRun).order_by(AnalysisRun.id.desc()).limit(30)
    ).all()
    return render_template(
        "runs/runs.html", form=form, runs=runs, run_statuses=RUN_STATUSES
    )


@bp.route("/analysis/<int:run_id>/restart", methods=["POST"])
def restart_analysis_run(run_id: int):
    run = _run_or_404(run_id)
    if not FlaskForm().validate_on_submit() or run.status in ("queued", "running"):
        return redirect(url_for("secretariat.analysis_run", run_id=run.id))
    from consult.runs.service import restart_run

    new = restart_run(run, user=current_user._get_current_object())
    return redirect(url_for("secretariat.analysis_run", run_id=new.id))


@bp.route("/analysis/<int:run_id>/status.json")
def analysis_run_status(run_id: int):
    run = _run_or_404(run_id)
    return {
        "id": run.id,
        "status": run.status,
        "progress": run.progress,
        "message": run.message,
        "message_text": analysis_labels.step(run.message),
        "url": url_for("secretariat.analysis_run", run_id=run.id),
    }


def _table(run: AnalysisRun, name: str) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(run.results.get("tables", {}).get(name, []))


#: What each column of the result tables means, shown as the header's tooltip and in the
#: glossary under the table (by column name; the same names as the CSV files).
GLOSSARY = {
    "country": _l("Range state."),
    "target": _l("Conservation target: the species rated (or all species of the area, for "
                 "answers to the questionnaire's 2026.1 version, which named none)."),
    "threat": _l("Direct threat, rated against targets."),
    "factor": _l("Contributing factor, assessed as a gap, never ranked with threats."),
    "rating": _l("Label of the rating: None, Low, Medium, High or Very high."),
    "rating_value": _l("Group-balanced mean of the respondents' ratings (0 none … 4 very "
                       "high): the mean within each stakeholder group, then across groups."),
    "interval": _l("Bootstrap interval (90 %) from resampling the country's respondents."),
    "share_high": _l("Share of the respondents who rated it High or Very high."),
    "agreement": _l("Tastle–Wierman consensus of the ratings: 1 all agree, 0 split in two."),
    "n_respondents": _l("Respondents behind the value."),
    "n_groups": _l("Stakeholder groups among them."),
    "low_evidence": _l("Too few respondents or groups: shown grey and not ranked."),
    "rank": _l("Place among the country's threats by the summary rating; ties broken by the "
               "rule named beside them."),
    "rank_range": _l("Range of places over the bootstrap replicates (90 %)."),
    "p_rank1": _l("Share of bootstrap replicates in which it ranks first."),
    "p_top3": _l("Share of bootstrap replicates in which it ranks in the top three."),
    "mention_share": _l("Share of the country's free-text answers and interview notes that "
                        "mention it (evidence beside the rating; it does not change it)."),
    "n_targets": _l("Targets (species) whose ratings count in the summary."),
    "stability": _l("How often the top three stay the same when weights and cut-points are "
                    "perturbed by ±25 %."),
    "gap": _l("Group-balanced mean gap: 1 adequate … 4 very inadequate."),
    "priority": _l("Priority from the strategy rating and the threats and factors the action "
                   "addresses in the country, by the formula above the table."),
    "strategy_rating": _l("Conservation Standards strategy rating: the lower of potential "
                          "impact and feasibility."),
    "impact": _l("Potential impact, 1 low … 4 very high."),
    "feasibility": _l("Feasibility, 1 low … 4 very high."),
    "cost": _l("Cost class: 1 low, 2 medium, 3 high."),
    "rating_source": _l("Where the strategy rating comes from: the country's national "
                        "consultation, or the catalogue default."),
    "addresses": _l("Threats and factors the action addresses."),
    "tie_rule": _l("Which rule decided the place where values were tied."),
    "countries": _l("Range states behind the row."),
    "populations": _l("Transboundary populations shared by those states."),
    "note": _l("Why a value is not rated or not ranked."),
}


def _action_titles() -> dict[str, str]:
    import reference

    lang = current_language()
    return {
        row["code"]: row.get(f"title_{lang}") or row["title_en"] for row in reference.actions()
    }


def _stability(run: AnalysisRun) -> dict[tuple[str, str], dict]:
    summary = _table(run, "sensitivity_summary")
    return {
        (row["country"], row["ranking"]): row for row in summary.to_dict("records")
    } if not summary.empty else {}


@bp.route("/analysis/<int:run_id>")
def analysis_run(run_id: int):
    run = _run_or_404(run_id)
    if run.status != "done":
        return render_template("runs/progress.html", run=run)
    return render_template(
        "runs/results.html",
        **_results_context(run, request.args.get("country", ""), request.args.get("group", "")),
        regional_chart=_regional_chart(run),
    )


def _results_context(run: AnalysisRun, country: str = "", group: str = "") -> dict:
    """What the results page and the print-ready report show of a finished run."""
    summary = _table(run, "threat_summary")
    ratings = _table(run, "threat_ratings")
    priorities = _table(run, "priorities_by_country")
    if country:
        summary = summary[summary["country"] == country] if not summary.empty else summary
        ratings = ratings[ratings["country"] == country] if not ratings.empty else ratings
        if not priorities.empty:
            priorities = priorities[priorities["country"] == country]
    clusters = _table(run, "clusters")
    if group and not clusters.empty and "by_group" in clusters:
        clusters = clusters[clusters["by_group"].map(lambda d: bool(d) and group in d)]
    method = _table(run, "method")
    summary_levels, factor_gaps = _theme_values(run)
    return dict(
        addresses=lambda action, code: analysis_labels.addresses(
            action, code, summary_levels, factor_gaps
        ),
        run=run,
        summary=summary,
        heatmap=_heatmap(_table(run, "threat_summary")),
        ratings=ratings,
        factors=_table(run, "factor_gaps"),
        priorities=priorities.head(400),
        regional=_table(run, "regional_priorities"),
        stability=_stability(run),
        gaps=_table(run, "gaps"),
        clusters=clusters,
        method=method,
        formula=_method_value(method, "rule: priority"),
        tie_rule=analysis_labels.tie_rule_names(_method_value(method, "rule: action tie rule")),
        counts=(run.results.get("run") or {}).get("data_counts", {}),
        review=(run.results.get("run") or {}).get("review"),
        glossary=GLOSSARY,
        actions=_action_titles(),
        countries=_names(Country),
        themes=_names(Threat),
        groups=_names(StakeholderGroup),
        species=_names(Species),
        selected_country=country,
        selected_group=group,
        location_maps=report_maps(run, current_language(), country or None),
        map_text=popup_text(),
        report=False,
    )


def _regional_chart(run: AnalysisRun):
    from markupsafe import Markup

    from analysis.report import regional_bar_svg

    return Markup(
        regional_bar_svg(_table(run, "regional_priorities"), text=analysis_labels.chart_text())
    )


def _heatmap_chart(run: AnalysisRun):
    from markupsafe import Markup

    from analysis.report import heatmap_svg

    return Markup(heatmap_svg(_table(run, "threat_summary"), text=analysis_labels.chart_text()))


def _report_html(run: AnalysisRun) -> str:
    from flask import current_app
    from markupsafe import Markup

    css = (Path(current_app.static_folder) / "css" / "app.css").read_text(encoding="utf-8")
    return render_template(
        "runs/results.html",
        **{
            **_results_context(run),
            "report": True,
            "inline_css": Markup(css),
            "heatmap_chart": _heatmap_chart(run),
            "regional_chart": _regional_chart(run),
        },
    )


def _theme_values(run: AnalysisRun) -> tuple[dict, dict]:
    """Per country, each threat's summary label and each factor's gap, for the themes an
    action addresses."""
    levels: dict[str, dict] = {}
    for row in run.results.get("tables", {}).get("threat_summary", []):
        levels.setdefault(row["country"], {})[row["threat"]] = (
            row.get("rating") if not row.get("low_evidence") else "not rated"
        )
    gaps: dict[str, dict] = {}
    for row in run.results.get("tables", {}).get("factor_gaps", []):
        gaps.setdefault(row["country"], {})[row["factor"]] = (
            row.get("gap") if not row.get("low_evidence") else "not rated"
        )
    return levels, gaps


def _method_value(method: pd.DataFrame, setting: str) -> str:
    if method.empty:
        return ""
    row = method[method["setting"] == setting]
    return "" if row.empty else str(row.iloc[0]["value"])


def _heatmap(summary: pd.DataFrame) -> dict:
    """Countries x threats of the summary table, each cell its row (rating, n, low
    evidence), for the page's heatmap grid."""
    if summary.empty:
        return {"threats": [], "rows": []}
    threats = [t for t in _names(Threat) if t in set(summary["threat"])]
    cells = {(row["country"], row["threat"]): row for row in summary.to_dict("records")}
    countries = sorted({row["country"] for row in cells.values()})
    return {
        "threats": threats,
        "rows": [(code, [cells.get((code, threat)) for threat in threats]) for code in countries],
    }


@bp.route("/analysis/<int:run_id>/evidence")
def analysis_evidence(run_id: int):
    """The evidence behind one number: a target rating (country, theme, target), a summary
    rating (country, theme) or a factor gap (country, theme = a contributing factor): the
    respondents and their ratings, the group means, the arithmetic, and the quotes."""
    import reference

    run = _run_or_404(run_id)
    if run.status != "done":
        abort(404)
    country = request.args.get("country", "")
    theme = request.args.get("theme", "")
    target = request.args.get("target", "")
    kinds = reference.theme_kinds()
    if theme not in kinds or country not in _names(Country):
        abort(404)
    from analysis.evidence import cell_evidence, factor_evidence, summary_evidence
    from analysis.scoring import ScoringConfig
    from consult.runs.service import stored_input

    settings = (run.results.get("run") or {}).get("settings") or {}
    config = ScoringConfig(**settings) if settings else ScoringConfig.load()
    summary = None
    if kinds[theme] == reference.CONTRIBUTING_FACTOR:
        evidence = factor_evidence(
            stored_input(run.results, "factor_gaps"), country, theme, config=config
        )
    elif target:
        evidence = cell_evidence(
            stored_input(run.results, "ratings"), country, target, theme, config=config
        )
    else:
        evidence = None
        summary = summary_evidence(_table(run, "threat_ratings"), country, theme)
    return render_template(
        "runs/evidence.html",
        run=run,
        country=country,
        theme=theme,
        target=target,
        kind=kinds[theme],
        evidence=evidence,
        summary=summary,
        references=_references(evidence),
        quotes=_quotes(run, country, theme),
        countries=_names(Country),
        themes=_names(Threat),
        groups=_names(StakeholderGroup),
        species=_names(Species),
        glossary=GLOSSARY,
    )


def _references(evidence) -> dict[str, str]:
    """The reference number of each respondent in ``evidence``, by response id."""
    from consult.models import Response

    if evidence is None or evidence.respondents.empty:
        return {}
    ids = [int(value) for value in evidence.respondents["response_id"] if str(value).isdigit()]
    rows = db.session.execute(
        db.select(Response.id, Response.reference).where(Response.id.in_(ids))
    ).all()
    return {str(response_id): reference for response_id, reference in rows}


def _reviewed_or_machine_themes(tagged: pd.DataFrame) -> pd.Series:
    """Each tagged text's themes as the run counted them: its reviewed tags where a person
    gave or checked them (blank for a text coded "no theme"), else the machine's."""
    machine = tagged["themes"].fillna("").astype(str)
    if "reviewed" not in tagged or "tags" not in tagged:
        return machine
    reviewed = tagged["reviewed"].astype("boolean").fillna(False).astype(bool)
    tags = tagged["tags"].fillna("").astype(str)
    return tags.where(reviewed | (tags.str.strip() != ""), machine)


def _quotes(run: AnalysisRun, country: str, theme: str, limit: int = 30) -> list[dict]:
    """Free-text answers and notes of ``country`` tagged with ``theme`` in the run (reviewed
    tags taking precedence over the machine's)."""
    from consult.runs.frames import analysis_frames
    from consult.runs.service import RunRequest

    tagged = _table(run, "tagged_texts")
    if tagged.empty:
        return []
    counted = _reviewed_or_machine_themes(tagged).str.split(";")
    themed = tagged[counted.map(lambda codes: theme in [c.strip() for c in codes])]
    themed = themed[[c for c in ("id", "theme", "themes", "confidence", "evidence") if c in themed]]
    parameters = RunRequest(**run.parameters)
    frames = analysis_frames(
        db.session,
        questionnaire=parameters.questionnaire,
        countries=[country],
        include_interviews=parameters.include_interviews,
        species=parameters.species,
        groups=parameters.groups,
    )
    texts = frames.texts.merge(themed, on="id", how="inner").head(limit)
    return texts.to_dict("records")


@bp.route("/analysis/<int:run_id>/report")
def analysis_report(run_id: int):
    """A print-ready page in the reader's language: the browser's print dialog turns it
    into a PDF."""
    run = _run_or_404(run_id)
    if run.status != "done":
        abort(404)
    return _report_html(run)


@bp.route("/analysis/<int:run_id>/download.<fmt>")
def analysis_download(run_id: int, fmt: str):
    """The run's tables as one workbook or CSV files with the report; codes by default (for
    machines), names in the reader's language with ``?labels=1``. The zip's report is the
    print-ready report in the reader's language."""
    run = _run_or_404(run_id)
    if run.status != "done" or fmt not in {"xlsx", "zip"}:
        abort(404)
    from analysis.report import write_outputs
    from consult.runs.service import results_from_json

    results = results_from_json(run.results)
    relabel = analysis_labels.label_table if request.args.get("labels") == "1" else None
    with tempfile.TemporaryDirectory() as folder:
        if fmt == "xlsx":
            path = write_outputs(results, folder, ("xlsx",), relabel=relabel)[0]
            data = Path(path).read_bytes()
            mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            paths = write_outputs(results, folder, ("csv",), relabel=relabel)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in paths:
                    archive.write(path, Path(path).name)
                archive.writestr("report.html", _report_html(run))
            data = buffer.getvalue()
            mimetype = "application/zip"
    suffix = "-labels" if relabel else ""
    return send_file(
        io.BytesIO(data),
        mimetype=mimetype,
        as_attachment=True,
        download_name=f"analysis-{run.id}{suffix}.{fmt}",
    )

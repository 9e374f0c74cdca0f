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
from consult.models import (
    AnalysisRun,
    Country,
    Questionnaire,
    Species,
    StakeholderGroup,
    Threat,
)
from consult.runs.forms import AnalysisRunForm
from consult.secretariat import bp

if TYPE_CHECKING:
    import pandas as pd

#: How a run's status is called on the pages.
RUN_STATUSES = {
    "queued": _l("waiting"),
    "running": _l("running"),
    "done": _l("done"),
    "failed": _l("failed"),
}

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
        "url": url_for("secretariat.analysis_run", run_id=run.id),
    }


def _table(run: AnalysisRun, name: str) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(run.results.get("tables", {}).get(name, []))


@bp.route("/analysis/<int:run_id>")
def analysis_run(run_id: int):
    run = _run_or_404(run_id)
    if run.status != "done":
        return render_template("runs/progress.html", run=run)
    import pandas as pd

    from analysis.report import heatmap_svg, regional_bar_svg
    scores = _table(run, "threat_scores")
    group = request.args.get("group", "")
    country = request.args.get("country", "")
    priorities = _table(run, "priorities_by_country")
    if country and not priorities.empty:
        priorities = priorities[priorities["country"] == country]
    clusters = _table(run, "clusters")
    if group and not clusters.empty and "by_group" in clusters:
        clusters = clusters[clusters["by_group"].map(lambda d: bool(d) and group in d)]
    return render_template(
        "runs/results.html",
        run=run,
        scores=scores,
        heatmap=heatmap_svg(scores) if not scores.empty else "",
        regional_chart=regional_bar_svg(_table(run, "regional_priorities"))
        if not _table(run, "regional_priorities").empty
        else "",
        priorities=priorities.head(200),
        regional=_table(run, "regional_priorities"),
        shared=_table(run, "shared_threats"),
        gaps=_table(run, "gaps"),
        clusters=clusters,
        method=run.results.get("method", {}),
        weights=pd.DataFrame.from_records(run.results.get("weights", [])),
        countries=_names(Country),
        themes=_names(Threat),
        groups=_names(StakeholderGroup),
        species=_names(Species),
        selected_country=country,
        selected_group=group,
    )


@bp.route("/analysis/<int:run_id>/evidence")
def analysis_evidence(run_id: int):
    """The answers behind one country × theme cell: ratings and tagged texts."""
    run = _run_or_404(run_id)
    country = request.args.get("country", "")
    theme = request.args.get("theme", "")
    if theme not in _names(Threat) or country not in _names(Country):
        abort(404)
    from consult.runs.frames import analysis_frames
    from consult.runs.service import RunRequest

    parameters = RunRequest(**run.parameters)
    frames = analysis_frames(
        db.session,
        questionnaire=parameters.questionnaire,
        countries=[country],
        include_interviews=parameters.include_interviews,
        species=parameters.species,
        groups=parameters.groups,
    )
    ratings = frames.ratings[(frames.ratings["theme"] == theme) & frames.ratings["present"]]
    tagged = _table(run, "tagged_texts")
    texts = frames.texts
    if not tagged.empty:
        themed = tagged[tagged["themes"].fillna("").str.split(";").map(lambda t: theme in t)]
        texts = texts.merge(themed, on="id", how="inner")
    else:
        texts = texts[texts["tags"].str.split(";").map(lambda t: theme in t)]
    return render_template(
        "runs/evidence.html",
        run=run,
        country=country,
        theme=theme,
        ratings=ratings,
        texts=texts.head(300),
        countries=_names(Country),
        themes=_names(Threat),
        groups=_names(StakeholderGroup),
    )


@bp.route("/analysis/<int:run_id>/report")
def analysis_report(run_id: int):
    """A print-ready page: the browser's print dialog turns it into a PDF."""
    run = _run_or_404(run_id)
    if run.status != "done":
        abort(404)
    from analysis.report import render_html
    from consult.runs.service import results_from_json

    return render_html(results_from_json(run.results))


@bp.route("/analysis/<int:run_id>/download.<fmt>")
def analysis_download(run_id: int, fmt: str):
    run = _run_or_404(run_id)
    if run.status != "done" or fmt not in {"xlsx", "zip"}:
        abort(404)
    from analysis.report import write_outputs
    from consult.runs.service import results_from_json

    results = results_from_json(run.results)
    with tempfile.TemporaryDirectory() as folder:
        if fmt == "xlsx":
            path = write_outputs(results, folder, ("xlsx",))[0]
            data = Path(path).read_bytes()
            mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            paths = write_outputs(results, folder, ("csv", "html"))
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in paths:
                    archive.write(path, Path(path).name)
            data = buffer.getvalue()
            mimetype = "application/zip"
    return send_file(
        io.BytesIO(data),
        mimetype=mimetype,
        as_attachment=True,
        download_name=f"analysis-{run.id}.{fmt}",
    )

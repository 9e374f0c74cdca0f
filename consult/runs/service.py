"""Analysis runs: start one, run it in the background, keep its progress and results.

Without REDIS_URL a run executes in a worker thread of the web process; with REDIS_URL it is
queued on RQ and `consult worker` executes it. Either way status, progress and the result
tables are kept in the `analysis_runs` row, so any process can show them.

A process computing a run writes the row's ``heartbeat_at`` every ``RUN_HEARTBEAT_SECONDS``
from a thread of its own, whatever step the analysis is in. A process that dies (killed,
out of memory, the server restarted) stops writing it: :func:`fail_lost_runs` marks a running
run whose heartbeat is older than ``RUN_LOST_AFTER_SECONDS`` failed, with the reason, and the
pages offer to start it again. A run queued for a worker that never took it fails the same
way after ``RUN_QUEUE_TIMEOUT_SECONDS``.
"""

from __future__ import annotations

import json
import threading
import traceback
from dataclasses import asdict, dataclass, field
from datetime import timedelta

import pandas as pd
from flask import Flask, current_app

import reference
from analysis.pipeline import AnalysisParams, AnalysisResults, run_analysis
from analysis.reference import Reference
from consult import audit
from consult.extensions import db
from consult.models import AnalysisRun, User, utcnow
from consult.runs.frames import AnalysisFrames, analysis_frames

QUEUE_NAME = "consult-analysis"
#: ``message`` of a run failed because the process computing it stopped; the pages explain it.
WORKER_LOST = "worker_lost"
#: ``message`` of a queued run that no worker took.
NEVER_STARTED = "never_started"


@dataclass
class RunRequest:
    """What the secretariat asks for; stored as the run's parameters."""

    questionnaire: str | None = None
    countries: list[str] = field(default_factory=list)
    seed: int = 0
    k: int | None = None
    min_n: int | None = None
    reader_lang: str = "en"
    include_interviews: bool = True
    species: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def params(self, date: str) -> AnalysisParams:
        return AnalysisParams(
            seed=self.seed,
            k=self.k,
            countries=tuple(self.countries) or None,
            min_n=self.min_n,
            reader_lang=self.reader_lang,
            date=date,
        )


def compute(
    request: RunRequest, date: str, progress=None
) -> tuple[AnalysisResults, AnalysisFrames]:
    """Load the frames from the database and run the whole analysis on them; returns the
    results and the frames they were computed from."""
    frames = analysis_frames(
        db.session,
        questionnaire=request.questionnaire,
        countries=request.countries,
        include_interviews=request.include_interviews,
        species=request.species,
        groups=request.groups,
    )
    results = run_analysis(
        frames.texts,
        frames.ratings,
        frames.needs,
        frames.measures,
        request.params(date),
        progress=progress,
        factor_gaps=frames.factor_gaps,
        strategy_ratings=frames.strategy_ratings,
        reference=Reference.from_records(
            reference.themes(), reference.species_ranges(), reference.populations()
        ),
    )
    results.run["review"] = review_record(frames.texts, request.countries)
    return results, frames


def review_record(texts: pd.DataFrame, countries: list[str] | None = None) -> dict:
    """How many of the run's texts people reviewed, and how far the machine's themes agreed
    with the first coder's on them: Cohen's kappa and Krippendorff's alpha per theme
    (:func:`analysis.agreement.coder_agreement`), comparing the first coder's themes with
    the machine's themes the coder was shown (kept with the coding), not this run's, which
    a classifier trained on the reviewed texts would fit by construction."""
    from analysis.agreement import coder_agreement
    from consult.models import Coding

    if countries and "country" in texts:
        texts = texts[texts["country"].isin(countries)]
    ids = set(texts["id"]) if "id" in texts else set()
    codings = [
        coding
        for coding in db.session.scalars(db.select(Coding).where(Coding.role == "first"))
        if coding.text_id in ids
    ]
    compared = [coding for coding in codings if coding.machine_themes is not None]
    agreement = coder_agreement(
        [coding.themes for coding in compared],
        [coding.machine_themes for coding in compared],
        reference.theme_codes(),
    )
    tagged = texts["tags"].fillna("").astype(str).str.strip() != "" if "tags" in texts else None
    coded = {coding.text_id for coding in codings}
    return _json_safe(
        {
            "texts": len(texts),
            "reviewed": len(codings),
            "reviewed_no_theme": sum(not coding.themes for coding in codings),
            "tagged_by_facilitators": (
                int((tagged & ~texts["id"].isin(coded)).sum()) if tagged is not None else 0
            ),
            "machine_agreement": {
                "n": agreement.n,
                "exact": agreement.exact,
                "alpha": agreement.alpha,
                "themes": agreement.themes.rename(
                    columns={"first_only": "reviewer_only", "second_only": "machine_only"}
                ).to_dict("records"),
            },
            "basis": "first coder's themes against the machine's themes shown to the coder",
        }
    )


def _json_safe(value):
    """``value`` with NaN (undefined measures) as None: JSON, and PostgreSQL, have no NaN."""
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_safe(item) for item in value]
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _json_safe(value.item())
    return value


def start_run(request: RunRequest, user: User | None = None) -> AnalysisRun:
    """Create and commit the run row (with its audit event), then hand it to the background
    executor: RQ with ``REDIS_URL``, else a thread of this process (or, with
    ``ANALYSIS_SYNC``, this request)."""
    run = AnalysisRun(parameters=asdict(request), created_by_id=user.id if user else None)
    db.session.add(run)
    db.session.flush()
    audit.record("analysis.start", "analysis_run", run.id, user=user, **asdict(request))
    db.session.commit()
    app = current_app._get_current_object()
    if app.config.get("REDIS_URL"):
        _enqueue(app, run.id)
    elif app.config.get("ANALYSIS_SYNC"):
        execute_run(run.id)
    else:
        threading.Thread(target=_execute_in_app, args=(app, run.id), daemon=True).start()
    return run


def _enqueue(app: Flask, run_id: int) -> None:
    from redis import Redis
    from rq import Queue

    queue = Queue(QUEUE_NAME, connection=Redis.from_url(app.config["REDIS_URL"]))
    queue.enqueue(execute_run_job, run_id, job_timeout=3600)


def execute_run_job(run_id: int) -> None:
    """Entry point for the RQ worker: builds its own app from the environment."""
    from consult import create_app

    _execute_in_app(create_app(), run_id)


def _execute_in_app(app: Flask, run_id: int) -> None:
    with app.app_context():
        execute_run(run_id)
        db.session.remove()


class _Heartbeat:
    """Writes ``heartbeat_at`` of a running run every few seconds from its own thread and
    connection, so a long step of the analysis does not look like a dead process."""

    def __init__(self, app: Flask, run_id: int, seconds: float):
        self._app, self._run_id, self._seconds = app, run_id, seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        with self._app.app_context():
            while not self._stop.wait(self._seconds):
                try:
                    with db.engine.begin() as connection:
                        connection.execute(
                            db.update(AnalysisRun)
                            .where(AnalysisRun.id == self._run_id, AnalysisRun.status == "running")
                            .values(heartbeat_at=utcnow())
                        )
                except Exception:  # a missed beat is retried; the run itself goes on
                    self._app.logger.warning("heartbeat of run %s not written", self._run_id)


def fail_lost_runs() -> int:
    """Mark failed the runs whose process stopped (no heartbeat within the configured time)
    and the queued runs no worker took; returns how many. Flushes; the caller commits."""
    config = current_app.config
    now = utcnow()
    lost_before = now - timedelta(seconds=float(config["RUN_LOST_AFTER_SECONDS"]))
    queued_before = now - timedelta(seconds=float(config["RUN_QUEUE_TIMEOUT_SECONDS"]))
    lost = db.session.execute(
        db.update(AnalysisRun)
        .where(
            AnalysisRun.status == "running",
            db.func.coalesce(AnalysisRun.heartbeat_at, AnalysisRun.started_at) < lost_before,
        )
        .values(
            status="failed",
            message=WORKER_LOST,
            error="The process computing this run stopped sending signs of life.",
            finished_at=now,
        )
    ).rowcount
    never = db.session.execute(
        db.update(AnalysisRun)
        .where(AnalysisRun.status == "queued", AnalysisRun.created_at < queued_before)
        .values(
            status="failed",
            message=NEVER_STARTED,
            error="No worker took this run from the queue.",
            finished_at=now,
        )
    ).rowcount
    return lost + never


def restart_run(run: AnalysisRun, user: User | None = None) -> AnalysisRun:
    """Start a new run with the parameters of `run` (one that failed, usually)."""
    audit.record("analysis.restart", "analysis_run", run.id, user=user)
    return start_run(RunRequest(**run.parameters), user=user)


def execute_run(run_id: int) -> AnalysisRun:
    """Run a queued analysis, recording progress as it goes and the tables at the end."""
    run = db.session.get(AnalysisRun, run_id)
    run.status = "running"
    run.started_at = run.heartbeat_at = utcnow()
    run.progress = 0.0
    db.session.commit()

    def progress(fraction: float, message: str) -> None:
        run.progress = round(float(fraction), 3)
        run.message = message[:300]
        run.heartbeat_at = utcnow()
        db.session.commit()

    app = current_app._get_current_object()
    try:
        request = RunRequest(**run.parameters)
        with _Heartbeat(app, run_id, float(app.config["RUN_HEARTBEAT_SECONDS"])):
            results, frames = compute(
                request, date=run.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"), progress=progress
            )
    except Exception:  # the run records any failure for the secretariat to see
        db.session.rollback()
        run = db.session.get(AnalysisRun, run_id)
        run.status = "failed"
        run.error = traceback.format_exc(limit=5)[-4000:]
        run.finished_at = utcnow()
        db.session.commit()
        current_app.logger.exception("analysis run %s failed", run_id)
        return run
    run.results = results_to_json(
        results, {"ratings": frames.ratings, "factor_gaps": frames.factor_gaps}
    )
    run.status = "done"
    run.progress = 1.0
    run.message = "Done"
    run.finished_at = utcnow()
    db.session.commit()
    return run


#: What a run keeps of each tagged text: the machine's ``theme``, ``themes``, ``confidence``,
#: ``evidence`` and ``abstain_reason`` (why a non-answer got no theme), and the reviewed
#: ``tags`` and ``reviewed`` mark that take precedence.
TAGGED_TEXT_COLUMNS = (
    "id", "theme", "themes", "confidence", "evidence", "abstain_reason", "tags", "reviewed",
)

#: The input frames a run keeps with its results, so that each number's evidence (the
#: respondents and the arithmetic behind it) is the one the run computed, whatever changes in
#: the database afterwards.
KEPT_INPUTS = ("ratings", "factor_gaps")


def results_to_json(
    results: AnalysisResults, inputs: dict[str, pd.DataFrame] | None = None
) -> dict:
    """Result tables as JSON-safe records, the run record and the inputs the evidence pages
    recompute from, for the run row."""
    tables = {name: _records(frame) for name, frame in results.tables().items()}
    tagged = results.tagged_texts
    tag_columns = [c for c in TAGGED_TEXT_COLUMNS if c in tagged]
    tables["tagged_texts"] = _records(tagged[tag_columns]) if tag_columns else []
    return {
        "tables": tables,
        # An empty table keeps its columns, so its download still has a header row.
        "columns": {name: list(frame.columns) for name, frame in results.tables().items()},
        "run": json.loads(json.dumps(results.run, default=str)),
        "inputs": {
            name: _records(frame)
            for name, frame in (inputs or {}).items()
            if name in KEPT_INPUTS and frame is not None
        },
    }


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))


def stored_input(stored: dict, name: str) -> pd.DataFrame:
    """One of the :data:`KEPT_INPUTS` of a stored run, as a frame with the analysis's types."""
    frame = pd.DataFrame.from_records(stored.get("inputs", {}).get(name, []))
    for column in ("scope", "severity", "irreversibility", "gap"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    if "present" in frame:
        frame["present"] = frame["present"].astype("boolean")
    return frame


def results_from_json(stored: dict) -> AnalysisResults:
    """Rebuild the results object from a run row, e.g. to write its downloads."""
    columns = stored.get("columns", {})
    tables = {
        name: pd.DataFrame.from_records(rows, columns=columns.get(name) if not rows else None)
        for name, rows in stored["tables"].items()
    }
    empty = pd.DataFrame()
    return AnalysisResults(
        threat_ratings=tables.get("threat_ratings", empty),
        threat_summary=tables.get("threat_summary", empty),
        factor_gaps=tables.get("factor_gaps", empty),
        priorities_by_country=tables.get("priorities_by_country", empty),
        regional_priorities=tables.get("regional_priorities", empty),
        sensitivity=tables.get("sensitivity", empty),
        sensitivity_summary=tables.get("sensitivity_summary", empty),
        clusters=tables.get("clusters", empty),
        cluster_assignments=tables.get("cluster_assignments", empty),
        gaps=tables.get("gaps", empty),
        method=tables.get("method", empty),
        shared_populations=tables.get("shared_populations", empty),
        run=stored.get("run", {}),
    )

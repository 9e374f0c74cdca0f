"""CLI: `consult text classify|cluster` (CSV in, CSV out), `consult analyse`, `consult worker`."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

if TYPE_CHECKING:
    import pandas as pd

text_cli = AppGroup("text", help="Tag and cluster free text from a CSV file.")


def _read_csv(path: str, text_column: str) -> pd.DataFrame:
    import pandas as pd

    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise click.ClickException(f"{path}: cannot be read as CSV ({error})") from error
    if text_column not in frame.columns:
        raise click.ClickException(
            f"{path}: no column '{text_column}' (columns: {', '.join(frame.columns)})"
        )
    return frame


def _with_language(frame: pd.DataFrame, lang_column: str | None, lang: str | None) -> pd.DataFrame:
    if lang_column:
        if lang_column not in frame.columns:
            raise click.ClickException(f"no column '{lang_column}' for --lang-column")
        return frame.assign(lang=frame[lang_column])
    return frame.assign(lang=lang or "")


def _write_csv(frame: pd.DataFrame, out: str) -> None:
    from analysis.report import neutralise

    safe = frame.map(neutralise)
    safe.to_csv(out, index=False, lineterminator="\n")
    click.echo(f"wrote {len(frame)} rows to {out}")


@text_cli.command("classify")
@click.argument("infile", type=click.Path(exists=True, dir_okay=False))
@click.option("--text-column", default="text", show_default=True)
@click.option("--lang-column", default=None, help="Column holding each row's language code.")
@click.option("--lang", default=None, help="One language code for every row.")
@click.option(
    "--threshold",
    default=None,
    type=float,
    help="Score a theme must reach (default 0.40: the lexicon with the classifier).",
)
@click.option("--out", required=True, type=click.Path(dir_okay=False))
def classify_command(infile, text_column, lang_column, lang, threshold, out) -> None:
    """Tag each text with threat themes: adds theme, themes, confidence, evidence, negated
    (themes named only to be denied), abstain_reason (why a non-answer got no theme) and
    detected_lang (the language the text was read as)."""
    from analysis.seed import seed_classifier
    from analysis.tagging import tag_texts

    frame = _read_csv(infile, text_column)
    work = _with_language(frame, lang_column, lang).rename(columns={text_column: "text"})
    tagged = tag_texts(work, classifier=seed_classifier(), threshold=threshold)
    result = frame.copy()
    for column in (
        "theme", "themes", "confidence", "evidence", "negated", "abstain_reason", "detected_lang",
    ):
        result[column] = tagged[column].to_numpy()
    _write_csv(result, out)


@text_cli.command("cluster")
@click.argument("infile", type=click.Path(exists=True, dir_okay=False))
@click.option("--text-column", default="text", show_default=True)
@click.option("--lang-column", default=None, help="Column holding each row's language code.")
@click.option("--lang", default=None, help="One language code for every row.")
@click.option("--k", type=int, default=None, help="Number of clusters (default: chosen).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False))
def cluster_command(infile, text_column, lang_column, lang, k, seed, out) -> None:
    """Cluster the texts: adds cluster and cluster_label."""
    from analysis.clustering import cluster_texts

    frame = _read_csv(infile, text_column)
    work = _with_language(frame, lang_column, lang).rename(columns={text_column: "text"})
    work = work.assign(id=[str(i) for i in range(len(work))])
    for column in ("country", "group", "source", "link"):
        if column not in work:
            work[column] = ""
    result = cluster_texts(work, k=k, seed=seed)
    labels = result.assignments.set_index("id")
    out_frame = frame.copy()
    out_frame["cluster"] = labels.loc[work["id"], "cluster"].to_numpy()
    out_frame["cluster_label"] = labels.loc[work["id"], "cluster_label"].to_numpy()
    _write_csv(out_frame, out)
    click.echo(
        f"{len(result.clusters)} clusters; {result.clusters['criterion'].iloc[0]}"
        if len(result.clusters)
        else "no clusters"
    )


@click.command("analyse")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False))
@click.option("--questionnaire", default=None, help="Questionnaire slug (default: all).")
@click.option("--countries", default="", help="Comma-separated ISO codes, e.g. KZ,MN.")
@click.option("--species", default="", help="Comma-separated species codes, e.g. saiga,kulan.")
@click.option("--groups", default="", help="Comma-separated stakeholder group codes.")
@click.option("--format", "formats", default="xlsx,csv,html", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--k", type=int, default=None, help="Number of clusters (default: chosen).")
@click.option("--date", default=None, help="Date recorded in the outputs (default: now, UTC).")
@with_appcontext
def analyse_command(out_dir, questionnaire, countries, species, groups, formats, seed, k, date):
    """Score threats, rank actions and cluster texts from the database; write the tables."""
    from analysis.report import write_outputs
    from consult.runs.service import RunRequest, compute

    wanted = tuple(part.strip() for part in formats.split(",") if part.strip())
    unknown = set(wanted) - {"xlsx", "csv", "html"}
    if unknown:
        raise click.ClickException(f"--format: unknown {', '.join(sorted(unknown))}")
    request = RunRequest(
        questionnaire=questionnaire,
        countries=[c.strip().upper() for c in countries.split(",") if c.strip()],
        species=[c.strip() for c in species.split(",") if c.strip()],
        groups=[c.strip() for c in groups.split(",") if c.strip()],
        seed=seed,
        k=k,
    )
    date = date or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with click.progressbar(length=100, label="analysis", file=sys.stderr) as bar:
        done = 0

        def progress(fraction: float, message: str) -> None:
            nonlocal done
            step = int(fraction * 100) - done
            if step > 0:
                bar.update(step)
                done += step
            bar.label = message

        results, _frames = compute(request, date=date, progress=progress)
    paths = write_outputs(results, out_dir, wanted)
    counts = results.run.get("data_counts", {})
    click.echo("data: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    for path in paths:
        click.echo(f"wrote {Path(path)}")


@click.command("worker")
@with_appcontext
def worker_command() -> None:
    """Run queued analysis jobs (needs REDIS_URL)."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        raise click.ClickException("REDIS_URL is not set: analysis runs in the web process")
    from redis import Redis
    from rq import Queue, Worker

    from consult.runs.service import QUEUE_NAME

    connection = Redis.from_url(url)
    Worker([Queue(QUEUE_NAME, connection=connection)], connection=connection).work()

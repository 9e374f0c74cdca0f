"""Run every benchmark at sizes that fit in about 15 minutes and write bench/RESULTS.md.

Runs bench/submit.py (submissions against a bare Flask route), bench/analysis.py (text
analysis and the whole analysis run) and bench/load.py (many respondents, a killed worker, a
restarted server) one after the other, shows their output as they go, and writes their figures to
bench/RESULTS.md with the machine they ran on, the date, the exact commands, and a pass or
fail against each target of the issues:

* submissions: throughput >= 0.25 x the bare route's requests/s, p99 < 150 ms, nothing failed
  or duplicated, < 150 MB resident memory per worker (peak);
* analysis: clustering <= 1.5 x the plain scikit-learn baseline, 100k texts tagged and
  clustered in < 60 s and < 2 GB, the whole analysis run on 50,000 responses with 1,000
  bootstrap replicates in < 60 s and < 2 GB, time growing no faster than linearly with
  the number of texts, and a 50,000-character note tagged within 3 x the time of its
  500-character pieces;
* load: no 5xx, every acknowledged submission stored exactly once, no draft lost, also when a
  worker is killed and when the server is restarted.

    make bench                         # or: .venv/bin/python bench/run_all.py
    .venv/bin/python bench/run_all.py --quick --out /tmp/RESULTS.md   # a few minutes
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
#: Allowance for noise when checking that time grows no faster than the number of texts.
GROWTH_SLACK = 1.25


@dataclass
class Run:
    """One benchmark command and what it printed."""

    name: str
    argv: list[str]
    output: str = ""
    returncode: int | None = None
    seconds: float = 0.0


@dataclass
class Verdict:
    """One target: what it asks, what was measured, and whether it was met (None: unknown)."""

    benchmark: str
    target: str
    measured: str
    passed: bool | None


@dataclass
class Report:
    verdicts: list[Verdict] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)

    def judge(self, benchmark: str, target: str, measured: str, passed: bool | None) -> None:
        self.verdicts.append(Verdict(benchmark, target, measured, passed))


# -- running -------------------------------------------------------------------------------


def run(command: Run, timeout: float) -> None:
    """Run ``command`` from the repository root, echoing and keeping its output."""
    print(f"\n$ {shlex.join(command.argv)}", flush=True)
    started = time.perf_counter()
    lines: list[str] = []
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with subprocess.Popen(
        command.argv,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    ) as process:
        # A benchmark that hangs is stopped (its own clean-up may then be skipped).
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            for line in process.stdout or ():
                print(line, end="", flush=True)
                lines.append(line)
            process.wait()
        finally:
            timer.cancel()
        command.returncode = process.returncode
        if process.returncode == -9:
            lines.append(f"[stopped after {timeout:.0f} s]\n")
    command.seconds = time.perf_counter() - started
    command.output = "".join(lines)


# -- reading the outputs -------------------------------------------------------------------


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def columns(header: str, row: str) -> dict[str, str]:
    """The cells of a right-aligned table row by their column names: each value ends where
    its name ends in the header line (names may contain single spaces)."""
    cells = {}
    start = 0
    for match in re.finditer(r"\S+", row):
        end = match.end()
        name = header[start:end].strip()
        if name:
            cells[name] = match.group()
        start = end
    return cells


def read_submit(output: str, report: Report) -> str:
    """Targets and a markdown table from bench/submit.py's output."""
    bare = re.search(r"bare route: ([\d.]+) requests/s", output)
    row_re = re.compile(
        r"^(?P<db>sqlite|postgresql)\s+(?P<rate>[\d.]+)\s+(?P<ratio>[\d.]+)\s+(?P<p50>[\d.]+)\s+"
        r"(?P<p99>[\d.]+|nan)\s+(?P<failed>\d+)\s+(?P<dup>\d+)\s+(?P<lost>\d+)\s+"
        r"(?P<retry>\d+/\d+)\s+(?P<rps>[\d.]+)\s+(?P<memory>.*)$",
        re.M,
    )
    rows = list(row_re.finditer(output))
    if not rows:
        report.judge("submit", "figures readable", "no result rows found in the output", None)
        return "The output had no result rows; see the full output below.\n"
    lines = [
        "| database | submissions/s | ratio to bare route | p50 ms | p99 ms | failed | duplicated "
        "| lost | retried submit answered | app requests/s | RSS MB per worker (peak) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        r = row.groupdict()
        lines.append(
            f"| {r['db']} | {r['rate']} | {r['ratio']} | {r['p50']} | {r['p99']} | {r['failed']} "
            f"| {r['dup']} | {r['lost']} | {r['retry']} | {r['rps']} | {r['memory'].strip()} |"
        )
        ratio, p99 = float(r["ratio"]), float(r["p99"])
        report.judge(
            "submit", f"{r['db']}: throughput >= 0.25 x bare route", f"{ratio:.3f}", ratio >= 0.25
        )
        report.judge("submit", f"{r['db']}: submit p99 < 150 ms", f"{p99:.1f} ms", p99 < 150)
        bad = int(r["failed"]) + int(r["dup"]) + int(r["lost"])
        report.judge(
            "submit",
            f"{r['db']}: zero failed, duplicated or lost submissions",
            f"failed {r['failed']}, duplicated {r['dup']}, lost {r['lost']}",
            bad == 0,
        )
        peaks = [float(v) for v in re.findall(r"\(([\d.]+)\)", r["memory"])]
        rss = [float(v) for v in re.findall(r"([\d.]+)\s*\(", r["memory"])]
        worst = max(peaks or rss or [float("nan")])
        report.judge(
            "submit",
            f"{r['db']}: < 150 MB RSS per worker",
            f"{worst:.0f} MB (highest peak of {len(peaks or rss)} workers)",
            worst < 150 if peaks or rss else None,
        )
    head = f"Bare Flask route: {bare.group(1)} requests/s.\n\n" if bare else ""
    floors = re.findall(
        r"^storage floor (\w+): ([\d.]+) submissions/s, ratio ([\d.]+), p99 ([\d.]+) ms",
        output,
        re.M,
    )
    tail = ""
    if floors:
        tail = (
            "\nStorage floor: a minimal endpoint served the same way that only reads the same "
            "JSON, looks up the client id and inserts the same response and answer rows with "
            "SQLAlchemy Core (no validation, no ORM, no audit): roughly the most a submission "
            "endpoint on this stack and schema can reach on this machine.\n\n"
            "| database | submissions/s | ratio to bare route | p99 ms |\n"
            "| --- | ---: | ---: | ---: |\n"
            + "".join(f"| {db} | {rate} | {ratio} | {p99} |\n" for db, rate, ratio, p99 in floors)
        )
    return head + "\n".join(lines) + "\n" + tail


def read_analysis(output: str, report: Report) -> str:
    """Targets and a markdown table from bench/analysis.py's output."""
    text_lines = output.splitlines()
    header = next((line for line in text_lines if line.strip().startswith("texts")), None)
    rows: list[dict[str, str]] = []
    if header is not None:
        for line in text_lines:
            if re.match(r"^\s*\d+\s+[\d.]", line):
                rows.append(columns(header, line))
    table = ""
    if rows:
        names = list(rows[0])
        table = "| " + " | ".join(names) + " |\n| " + " | ".join("---:" for _ in names) + " |\n"
        table += "".join("| " + " | ".join(row.get(n, "") for n in names) + " |\n" for row in rows)
    else:
        report.judge("analysis", "figures readable", "no result rows found in the output", None)
    timings: dict[str, list[tuple[int, float | None]]] = {}
    for row in rows:
        size = int(row["texts"])
        ratio = _number(row.get("x base", ""))
        report.judge(
            "analysis",
            f"{size} texts: clustering after tagging, as a run does, <= 1.5 x baseline",
            f"{ratio:.2f} x" if ratio is not None else "not printed",
            ratio <= 1.5 if ratio is not None else None,
        )
        seconds = _number(row.get("tag+cluster s", ""))
        peak = _number(row.get("peak MB", ""))
        if size >= 100_000:
            report.judge(
                "analysis",
                f"{size} texts tagged and clustered < 60 s",
                f"{seconds:.1f} s" if seconds is not None else "not printed",
                seconds < 60 if seconds is not None else None,
            )
            report.judge(
                "analysis",
                f"{size} texts: < 2 GB",
                f"{peak:.0f} MB peak" if peak is not None else "not printed",
                peak < 2048 if peak is not None else None,
            )
        timings.setdefault("tag+cluster", []).append((size, seconds))
        timings.setdefault("clustering", []).append((size, _number(row.get("cluster s", ""))))
    if rows and max(int(row["texts"]) for row in rows) < 100_000:
        report.judge("analysis", "100k texts < 60 s and < 2 GB", "100k not run", None)
    for label, measured in timings.items():
        # Judged from the smallest to the largest size: the small sizes take about a second,
        # so a single step between them mostly measures the machine's noise. The steps are
        # shown beside the verdict.
        points = [(size, seconds) for size, seconds in measured if seconds]
        if len(points) < 2:
            continue
        steps = [
            f"{a // 1000}k->{b // 1000}k: {(tb / ta) / (b / a):.2f}"
            for (a, ta), (b, tb) in zip(points, points[1:], strict=False)
        ]
        (first, t_first), (last, t_last) = points[0], points[-1]
        overall = (t_last / t_first) / (last / first)
        report.judge(
            "analysis",
            f"{label} time grows no faster than linearly (time ratio / size ratio "
            f"<= {GROWTH_SLACK}, {first // 1000}k to {last // 1000}k)",
            f"{overall:.2f} (steps: {', '.join(steps)})",
            overall <= GROWTH_SLACK,
        )
    for found in re.finditer(
        r"long text (.+?): (\d+) characters ([\d.]+) s, in 500-character pieces ([\d.]+) s: "
        r"([\d.]+)x \(target <= ([\d.]+)\)",
        output,
    ):
        name, size, ratio, limit = found.group(1), int(found.group(2)), *map(
            float, found.group(5, 6)
        )
        report.judge(
            "analysis",
            f"a {size:,}-character note ({name}) tags within {limit:g} x its 500-character pieces",
            f"{ratio:.2f} x ({found.group(3)} s against {found.group(4)} s)",
            ratio <= limit,
        )
    method = re.search(
        r"method (\d+) responses, (\d+) replicates: ([\d.]+) s, peak ([\d.]+) MB", output
    )
    if method:
        responses, replicates = int(method.group(1)), int(method.group(2))
        seconds, peak = float(method.group(3)), float(method.group(4))
        label = f"whole run on {responses:,} responses x {replicates:,} replicates"
        report.judge(
            "analysis",
            f"{label} < 60 s",
            f"{seconds:.1f} s",
            seconds < 60 if responses >= 50_000 else None,
        )
        report.judge("analysis", f"{label} < 2 GB", f"{peak:.0f} MB peak", peak < 2048)
        table += f"\n{label.capitalize()}: {seconds:.2f} s, peak {peak:.0f} MB.\n"
    else:
        report.judge("analysis", "50,000 responses: whole run < 60 s", "not printed", None)
    return table


def read_load(path: Path, report: Report) -> str:
    """Targets and a markdown table from bench/load.py's JSON figures."""
    try:
        figures = json.loads(path.read_text())
    except (OSError, ValueError):
        report.judge("load", "figures readable", "no JSON figures written", None)
        return "No figures were written; see the output below.\n"
    for kind, reason in figures.get("skipped", {}).items():
        report.judge("load", f"{kind}: all phases", f"skipped: {reason}", None)
    lines = [
        "| database | phase | respondents | s | submissions/s | requests/s | page p50 ms "
        "| page p99 ms | submit p50 ms | submit p99 ms | acknowledged | stored once | duplicates "
        "| lost acknowledged | lost drafts / checked | 5xx | 'database is locked' "
        "| connection errors retried | respondents failed | fault |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for phase in figures.get("phases", []):
        c = phase["check"]
        lost_ack = c["not_stored"] + c["wrong_client_id"]
        lines.append(
            f"| {phase['database']} | {phase['phase']} | {phase['respondents']} "
            f"| {phase['seconds']:.0f} | {phase['submissions_per_s']:.2f} "
            f"| {phase['requests_per_s']:.0f} | {phase['page_p50_ms']:.0f} "
            f"| {phase['page_p99_ms']:.0f} | {phase['submit_p50_ms']:.0f} "
            f"| {phase['submit_p99_ms']:.0f} | {c['acknowledged']} | {c['stored']} "
            f"| {c['duplicates']} | {lost_ack} | {c['lost_drafts']} / {c['drafts_checked']} "
            f"| {phase['server_errors']} | {phase['locked_pages']} "
            f"| {phase['connection_retries']} | {phase['failed_respondents']} "
            f"| {phase['fault']} |"
        )
        label = f"{phase['database']} {phase['phase']}"
        report.judge("load", f"{label}: zero 5xx", str(phase["server_errors"]),
                     phase["server_errors"] == 0)  # fmt: skip
        report.judge("load", f"{label}: no 'database is locked'", str(phase["locked_pages"]),
                     phase["locked_pages"] == 0)  # fmt: skip
        report.judge(
            "load",
            f"{label}: every acknowledged submission stored exactly once",
            f"{c['stored']} of {c['acknowledged']} stored once, {c['duplicates']} duplicates, "
            f"{lost_ack} lost",
            c["acknowledged"] > 0 and c["stored"] == c["acknowledged"] and c["duplicates"] == 0,
        )
        report.judge(
            "load",
            f"{label}: no submitted response written again",
            str(c.get("changed_after_submit", "not counted")),
            c.get("changed_after_submit") == 0,
        )
        report.judge(
            "load",
            f"{label}: no draft lost",
            f"{c['lost_drafts']} of {c['drafts_checked']} lost; resume links to the wrong page "
            f"{c['resumed_wrong_page']} of {c['resumed']}",
            c["lost_drafts"] == 0 and c["resumed_wrong_page"] == 0,
        )
    collected = figures.get("openrosa", [])
    if collected:
        lines += [
            "",
            "ODK Collect (the openrosa phase: collectors sending a form with a photo, half of "
            "them twice):",
            "",
            "| database | collectors | sent | s | acknowledged | stored | lost | duplicated "
            "| photos stored as sent | 5xx |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
    for tally in collected:
        lines.append(
            f"| {tally['database']} | {tally['collectors']} | {tally['sent']} "
            f"| {tally['seconds']:.0f} | {tally['acknowledged']} | {tally['stored']} "
            f"| {tally['lost']} | {tally['duplicated']} | {tally['photos_stored']} "
            f"| {tally['server_errors']} |"
        )
        report.judge(
            "load",
            f"{tally['database']} openrosa: every acknowledged instance stored once with its "
            "photo",
            f"{tally['stored']} stored of {tally['collectors']} collectors, {tally['lost']} "
            f"lost, {tally['duplicated']} duplicated, {tally['photos_stored']} photos as sent, "
            f"{tally['server_errors']} 5xx",
            tally["passed"],
        )
    return "\n".join(lines) + "\n"


# -- the report ----------------------------------------------------------------------------


def machine() -> list[str]:
    """Lines describing the machine and the Python that ran the benchmarks."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return [
        f"- CPU: {model}, {os.cpu_count()} cores",
        f"- memory: {memory}",
        f"- Python {platform.python_version()} ({sys.executable}), {platform.platform()}",
    ]


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def _mark(passed: bool | None) -> str:
    return {True: "pass", False: "**FAIL**", None: "unknown"}[passed]


def write_results(
    out: Path, runs: list[Run], report: Report, started: datetime, loads: tuple[str, str]
) -> None:
    finished = datetime.now(UTC)
    failed = sum(v.passed is False for v in report.verdicts)
    unknown = sum(v.passed is None for v in report.verdicts)
    lines = [
        "# Benchmark results",
        "",
        f"Written by `bench/run_all.py` (`make bench`) on {finished:%Y-%m-%d %H:%M} UTC "
        f"(started {started:%H:%M}, {(finished - started).total_seconds() / 60:.1f} min).",
        "",
        "## Machine",
        "",
        *machine(),
        f"- load average (1, 5, 15 min) at the start: {loads[0]}; at the end: {loads[1]}",
        "",
        "This machine is shared with other engineers' test runs, so absolute figures are noisy: "
        "throughput and latency move with whatever else runs. The targets that matter most "
        "are ratios measured side by side in the same run (submissions against the bare "
        "route, clustering against the plain scikit-learn baseline) and the correctness "
        "counts, which do not depend on speed.",
        "",
        "## Commands",
        "",
        "```sh",
        *(shlex.join(run.argv) for run in runs),
        "```",
        "",
        "| command | exit status | minutes |",
        "| --- | ---: | ---: |",
        *(f"| {run.name} | {run.returncode} | {run.seconds / 60:.1f} |" for run in runs),
        "",
        "## Targets",
        "",
        f"{len(report.verdicts)} checks: {len(report.verdicts) - failed - unknown} passed, "
        f"{failed} failed, {unknown} unknown.",
        "",
        "| benchmark | target | measured | result |",
        "| --- | --- | --- | --- |",
        *(
            f"| {v.benchmark} | {v.target} | {v.measured} | {_mark(v.passed)} |"
            for v in report.verdicts
        ),
        "",
        *report.sections,
    ]
    for run in runs:
        lines += [
            f"## Output of {run.name}",
            "",
            "```",
            run.output.rstrip(),
            "```",
            "",
        ]
    out.write_text("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md", help="report file")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small sizes for a check of the whole run (a few minutes)",
    )
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument(
        "--timeout", type=float, default=900, help="seconds after which one benchmark is stopped"
    )
    args = parser.parse_args(argv)

    python = sys.executable
    started = datetime.now(UTC)
    load_at_start = load_average()
    figures = Path(tempfile.mkdtemp(prefix="consult-bench-")) / "load.json"
    if args.quick:
        submit = ["--seconds", "5", "--clients", "8"]
        analysis = ["--sizes", "2000,4000", "--responses", "5000", "--repeat", "1"]
        load = ["--quick", "--fault-respondents", "20"]
    else:
        submit = ["--seconds", "15", "--floor"]
        analysis = ["--sizes", "10000,30000,100000", "--responses", "50000", "--repeat", "2"]
        load = ["--respondents", "200", "--fault-respondents", "60", "--concurrency", "50",
                "--workers", "3"]  # fmt: skip
    if args.no_postgres:
        submit.append("--no-postgres")
        load += ["--databases", "sqlite"]
    runs = [
        Run("bench/submit.py", [python, "bench/submit.py", *submit]),
        Run("bench/analysis.py", [python, "bench/analysis.py", *analysis]),
        Run("bench/load.py", [python, "bench/load.py", *load, "--json", str(figures)]),
    ]
    for command in runs:
        run(command, args.timeout)

    report = Report()
    report.sections += [
        "## Submissions (bench/submit.py)",
        "",
        read_submit(runs[0].output, report),
        "## Analysis (bench/analysis.py)",
        "",
        read_analysis(runs[1].output, report),
        "## Load and faults (bench/load.py)",
        "",
        read_load(figures, report),
    ]
    figures.unlink(missing_ok=True)
    figures.parent.rmdir()
    write_results(args.out, runs, report, started, (load_at_start, load_average()))
    failed = [v for v in report.verdicts if v.passed is False]
    print(f"\nwrote {args.out}: {len(report.verdicts)} checks, {len(failed)} failed")
    for verdict in failed:
        print(f"  FAIL {verdict.benchmark}: {verdict.target}: {verdict.measured}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

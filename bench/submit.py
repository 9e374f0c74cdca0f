"""Benchmark: stakeholders submitting the questionnaire concurrently, against a bare Flask route.

Serves the app with gunicorn (2 sync workers) on SQLite in a temporary folder, then on
PostgreSQL when a server answers (a temporary database is created and dropped), and a bare
Flask app returning "ok" the same way. 32 client threads submit complete questionnaires
(about 80 answers each) for a fixed time, each retrying its submission once with the same
client id. With --mode whole (the default) a questionnaire is one JSON request to
/api/v1/questionnaires/<slug>/submissions, as an offline client sends it; with --mode pages
every page is fetched and posted as a browser does, then submitted. Prints a table:

* submissions/s, and its ratio to the bare route's requests/s
* p50 / p99 latency of the final submit request
* failed submissions, and duplicated ones (responses stored minus submissions acknowledged)
* resident memory per gunicorn worker (VmRSS / peak VmHWM from /proc)

With --floor, each database is also measured with a minimal endpoint served the same way
that only stores the same rows (the client id looked up, one response and one row per answer
inserted with SQLAlchemy Core, no validation): the storage floor, roughly the most a
submission endpoint on this stack and schema can reach here.

Targets: throughput >= 0.25 of the bare route, p99 < 150 ms, nothing failed or duplicated,
< 150 MB per worker.

    .venv/bin/python bench/submit.py --seconds 20 [--floor]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from common import (
    CLIENT_RE,
    CSRF_RE,
    DIRECT_THREATS,
    GAP_ITEMS,
    MEASURES,
    SHOWN_RE,
    SLUG,
    free_port,
    percentile,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BARE_APP = """from flask import Flask

app = Flask(__name__)


@app.get("/")
def ok():
    return "ok"
"""
# The least any submission endpoint on this stack has to do, as a reference point: the
# same JSON request read, the client id looked up, one response row and one row per answer
# inserted with SQLAlchemy Core and committed. No validation, no relevance, no ORM, no
# audit, no checks of the questionnaire or the codes.
FLOOR_APP = """import os
import secrets
from datetime import UTC, datetime

from flask import Flask, request
from sqlalchemy import MetaData, create_engine, insert, select

engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
tables = MetaData()
tables.reflect(engine, only=["responses", "answers", "questionnaire_versions"])
responses, answers = tables.tables["responses"], tables.tables["answers"]
with engine.connect() as connection:
    VERSION = connection.execute(select(tables.tables["questionnaire_versions"].c.id)).scalar()
REPEATED = {"sh_name", "sh_group", "sh_influence", "sh_interest"}
app = Flask(__name__)


@app.get("/")
def ok():
    return "ok"


@app.post("/floor")
def floor():
    payload = request.get_json()
    client_id = payload["client_id"]
    with engine.begin() as connection:
        found = connection.execute(
            select(responses.c.reference).where(responses.c.client_submission_id == client_id)
        ).first()
        if found is not None:
            return {"reference": found[0], "status": "submitted"}, 200
        now = datetime.now(UTC).replace(tzinfo=None)
        reference = "FLOOR-" + secrets.token_hex(6)
        response_id = connection.execute(
            insert(responses)
            .values(version_id=VERSION, language=payload["language"], status="submitted",
                    reference=reference, source="web", client_submission_id=client_id,
                    current_section="", created_at=now, updated_at=now, submitted_at=now)
            .returning(responses.c.id)
        ).scalar_one()
        rows = []
        for name, value in payload["answers"].items():
            if name in REPEATED:
                rows += [{"response_id": response_id, "question": name, "instance": i,
                          "value": str(item)} for i, item in enumerate(value, start=1)]
            else:
                text = " ".join(value) if isinstance(value, list) else str(value)
                rows.append({"response_id": response_id, "question": name, "instance": 0,
                             "value": text})
        connection.execute(insert(answers), rows)
    return {"reference": reference, "status": "submitted"}, 201
"""


def answers() -> dict[str, object]:
    """Every page of the shipped questionnaire answered: 78 answers (three species, the
    first with all four direct threats rated, the second with two, the third with none)."""
    data: dict[str, object] = {
        "consent": "yes",
        "country": "KZ",
        "stakeholder_group": "research",
        "org_type": "university",
        "role": "Field biologist",
        "years_experience": "11",
        "email": "field@example.org",
        "target_1": "saiga",
        "target_2": "kulan",
        "target_3": "argali",
        "t1_threats": list(DIRECT_THREATS),
        "t2_threats": list(DIRECT_THREATS[:2]),
        "t3_threats": ["none"],
        **{gap: "inadequate" for gap in GAP_ITEMS},
        "gap_most_needed": "Fuel for the patrols.",
        "measures_in_place": list(MEASURES),
        "needs_rank": ["funding", "capacity", "enforcement", "data", "legislation", "cooperation"],
        "most_needed_text": "Rangers and fuel for patrols in the calving season.",
        "tb_partner_countries": ["RU", "UZ"],
        "cooperation_blocks_text": "Data are not shared across the border.",
        "_n.stakeholder_rep": "5",
        "main_threats_text": "Poaching for horns; new fences along the railway.",
        "anything_else_text": "Thank you.",
    }
    for slot in (1, 2):
        for threat in data[f"t{slot}_threats"]:
            data.update(
                {
                    f"t{slot}_{threat}_scope": "high",
                    f"t{slot}_{threat}_severity": "medium",
                    f"t{slot}_{threat}_irreversibility": "low",
                    f"t{slot}_{threat}_trend": "increasing",
                }
            )
    for measure in MEASURES:
        data[f"eff_{measure}"] = "effective"
    groups = ("government", "community", "ngo", "hunting", "private_sector")
    for n, group in enumerate(groups, start=1):
        data.update(
            {
                f"sh_name[{n}]": f"Organisation {n}",
                f"sh_group[{n}]": group,
                f"sh_influence[{n}]": "high",
                f"sh_interest[{n}]": "medium",
            }
        )
    return data


ANSWERS = answers()


def json_answers() -> dict[str, object]:
    """The same answers as one JSON submission sends them: repeats as lists per question."""
    data = {k: v for k, v in ANSWERS.items() if "[" not in k and not k.startswith("_n.")}
    for name in ("sh_name", "sh_group", "sh_influence", "sh_interest"):
        data[name] = [v for k, v in ANSWERS.items() if k.startswith(f"{name}[")]
    return data


JSON_ANSWERS = json_answers()


# -- HTTP --------------------------------------------------------------------------------


class Client:
    """One browser: a cookie jar and a fresh connection per request (gunicorn's sync
    workers close each connection)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        body: str | None = None,
        content_type: str = "application/x-www-form-urlencoded",
    ):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = content_type
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            location = response.getheader("Location") or ""
            return response.status, urlsplit(location).path if location else "", text
        finally:
            connection.close()


@dataclass
class Tally:
    acknowledged: int = 0
    failed: int = 0
    retries_ok: int = 0
    requests: int = 0
    submit_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _form(html: str, action: str, extra: dict | None = None) -> str:
    data = dict(ANSWERS)
    data.update(extra or {})
    data["csrf_token"] = CSRF_RE.search(html).group(1)
    data["client_id"] = CLIENT_RE.search(html).group(1)
    data["shown"] = SHOWN_RE.search(html).group(1)
    data["action"] = action
    return urlencode(data, doseq=True)


def respond_once(port: int, tally: Tally) -> None:
    """One stakeholder: start, every page, submit, and a retried submit."""
    client = Client(port)
    requests = 0
    status, _, html = client.request("GET", f"/s/{SLUG}")
    requests += 1
    token = CSRF_RE.search(html).group(1)
    status, path, _ = client.request(
        "POST", f"/s/{SLUG}", urlencode({"csrf_token": token, "language": "en"})
    )
    requests += 1
    if status != 302:
        raise RuntimeError(f"start answered {status}")
    for _ in range(40):
        status, _, html = client.request("GET", path)
        requests += 1
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        final = 'value="submit"' in html
        body = _form(html, "submit" if final else "next")
        started = time.perf_counter()
        status, location, text = client.request("POST", path, body)
        elapsed = (time.perf_counter() - started) * 1000
        requests += 1
        if status == 200:
            raise RuntimeError(f"POST {path} stayed on the page")
        if status != 302:
            raise RuntimeError(f"POST {path} answered {status}")
        if final:
            if not location.endswith("/thanks"):
                raise RuntimeError(f"submit went to {location}")
            retry_status, retry_location, _ = client.request("POST", path, body)
            requests += 1
            with tally.lock:
                tally.acknowledged += 1
                tally.submit_ms.append(elapsed)
                tally.requests += requests
                if retry_status == 302 and retry_location.endswith("/thanks"):
                    tally.retries_ok += 1
            return
        path = location
    raise RuntimeError("the questionnaire never ended")


def whole_once(port: int, tally: Tally, path: str = f"/api/v1/questionnaires/{SLUG}/submissions"):
    """One client sending a whole questionnaire in one request, then retrying it."""
    client = Client(port)
    body = json.dumps({"client_id": uuid.uuid4().hex, "language": "en", "answers": JSON_ANSWERS})
    started = time.perf_counter()
    status, _, text = client.request("POST", path, body, content_type="application/json")
    elapsed = (time.perf_counter() - started) * 1000
    if status != 201:
        raise RuntimeError(f"submission answered {status}: {text[:200]}")
    retry_status, _, retry_text = client.request(
        "POST", path, body, content_type="application/json"
    )
    with tally.lock:
        tally.acknowledged += 1
        tally.submit_ms.append(elapsed)
        tally.requests += 2
        if (
            retry_status == 200
            and json.loads(retry_text)["reference"] == json.loads(text)["reference"]
        ):
            tally.retries_ok += 1


def run_clients(port: int, seconds: float, clients: int, work) -> tuple[Tally, float]:
    tally = Tally()
    deadline = time.perf_counter() + seconds

    def loop() -> None:
        while time.perf_counter() < deadline:
            try:
                work(port, tally)
            except Exception as error:  # a failed submission is a result, not a crash
                with tally.lock:
                    tally.failed += 1
                    if len(tally.errors) < 5:
                        tally.errors.append(repr(error))

    started = time.perf_counter()
    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.perf_counter() - started


def bare_once(port: int, tally: Tally) -> None:
    client = Client(port)
    started = time.perf_counter()
    status, _, text = client.request("GET", "/")
    if status != 200 or text != "ok":
        raise RuntimeError(f"bare route answered {status}")
    with tally.lock:
        tally.requests += 1
        tally.submit_ms.append((time.perf_counter() - started) * 1000)


# -- servers -----------------------------------------------------------------------------


def start_gunicorn(app: str, env: dict, chdir: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-w", str(workers), "-b", f"127.0.0.1:{port}", "--chdir", str(chdir),
         "--log-level", "warning", app],
        env=env,
    )  # fmt: skip
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/")
            connection.getresponse().read()
            connection.close()
            return process, port
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn for {app} did not start")


def worker_memory(master: int) -> list[tuple[int, float, float]]:
    """(pid, VmRSS MB, VmHWM MB) of each gunicorn worker (the master's children)."""
    result = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid != master:
                continue
            fields = dict(
                line.split(":", 1) for line in (entry / "status").read_text().splitlines()
            )
        except (OSError, ValueError, IndexError):
            continue
        rss = int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
        hwm = int(fields.get("VmHWM", "0 kB").split()[0]) / 1024
        result.append((int(entry.name), rss, hwm))
    return sorted(result)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


# -- databases ---------------------------------------------------------------------------


def prepare(url: str, instance: Path) -> None:
    """Schema by the migrations, reference data and the shipped questionnaire."""
    from consult import create_app
    from consult.database import upgrade
    from consult.extensions import db
    from consult.questionnaires import ensure_shipped_questionnaire
    from consult.reference import load_reference_data

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(instance), "SECRET_KEY": "bench"}
    )
    upgrade(app)
    with app.app_context():
        load_reference_data()
        ensure_shipped_questionnaire()
        db.session.commit()
        db.engine.dispose()


def stored(url: str) -> tuple[int, int, float]:
    """(submitted responses, distinct client ids among them, answers per response)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT count(*), count(DISTINCT client_submission_id) FROM responses "
                "WHERE status = 'submitted'"
            )
        ).one()
        answers = connection.execute(
            text(
                "SELECT count(*) FROM answers JOIN responses ON responses.id = answers.response_id"
                " WHERE responses.status = 'submitted'"
            )
        ).scalar_one()
    engine.dispose()
    return int(row[0]), int(row[1]), answers / max(int(row[0]), 1)


def postgres_database() -> tuple[str, callable] | None:
    """A fresh PostgreSQL database and a function dropping it, or None when none answers."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(os.environ.get("TEST_DATABASE_URL") or DEFAULT_PG)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure means "no PostgreSQL here"
        print(f"PostgreSQL not reachable ({error.__class__.__name__}); skipped", flush=True)
        return None
    name = f"consult_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin_url.set(database=name).render_as_string(hide_password=False), drop


# -- the run -----------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    rate: float
    p50: float
    p99: float
    failed: int
    duplicated: int
    lost: int
    retries_ok: int
    acknowledged: int
    requests_per_s: float
    answers: float
    memory: list[tuple[int, float, float]]
    errors: list[str]


def bench_app(label: str, url: str, work_dir: Path, args) -> Result:
    prepare(url, work_dir / "instance")
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        SECRET_KEY="bench-secret",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        # Every client comes from 127.0.0.1: the per-address limits on respondent posts
        # would measure the limiter, not the app.
        RATELIMIT_ENABLED="0",
    )
    process, port = start_gunicorn("consult.wsgi:app", env, ROOT, args.workers)
    try:
        work = whole_once if args.mode == "whole" else respond_once
        work(port, Tally())  # warm both workers' caches a little
        tally, elapsed = run_clients(port, args.seconds, args.clients, work)
        memory = worker_memory(process.pid)
    finally:
        stop(process)
    count, distinct, per_response = stored(url)
    warmed = 1
    acknowledged = tally.acknowledged + warmed
    return Result(
        label=label,
        rate=tally.acknowledged / elapsed,
        p50=statistics.median(tally.submit_ms) if tally.submit_ms else float("nan"),
        p99=percentile(tally.submit_ms, 99),
        failed=tally.failed,
        duplicated=max(count - acknowledged, 0) + (count - distinct),
        lost=max(acknowledged - count, 0),
        retries_ok=tally.retries_ok,
        acknowledged=tally.acknowledged,
        requests_per_s=tally.requests / elapsed,
        answers=per_response,
        memory=memory,
        errors=tally.errors,
    )


def bench_floor(label: str, url: str, work_dir: Path, args) -> tuple[float, float, int]:
    """(submissions/s, p99 ms, failed) of FLOOR_APP on the database the app was measured on."""
    (work_dir / "floor_app.py").write_text(FLOOR_APP)
    env = dict(os.environ, PYTHONPATH=str(ROOT), DATABASE_URL=url)
    process, port = start_gunicorn("floor_app:app", env, work_dir, args.workers)

    def work(port: int, tally: Tally) -> None:
        whole_once(port, tally, "/floor")

    try:
        tally, elapsed = run_clients(port, args.seconds, args.clients, work)
    finally:
        stop(process)
    return tally.acknowledged / elapsed, percentile(tally.submit_ms, 99), tally.failed


def bench_bare(work_dir: Path, args) -> tuple[float, float, float]:
    (work_dir / "bare_app.py").write_text(BARE_APP)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process, port = start_gunicorn("bare_app:app", env, work_dir, args.workers)
    try:
        tally, elapsed = run_clients(port, args.seconds, args.clients, bare_once)
    finally:
        stop(process)
    return (
        tally.requests / elapsed,
        statistics.median(tally.submit_ms),
        percentile(tally.submit_ms, 99),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="length of each load phase")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also measure the storage floor: a minimal endpoint that only stores the same "
        "rows with SQLAlchemy Core (mode whole)",
    )
    parser.add_argument(
        "--mode",
        choices=("whole", "pages"),
        default="whole",
        help="whole: each questionnaire in one JSON request (the submission endpoint); "
        "pages: every page fetched and posted as a browser does, then submitted",
    )
    args = parser.parse_args()

    work_dir = Path(tempfile.mkdtemp(prefix="consult-bench-"))
    results: list[Result] = []
    floors: list[tuple[str, float, float, int]] = []

    def measure(label: str, url: str) -> None:
        results.append(bench_app(label, url, work_dir, args))
        if args.floor and args.mode == "whole":
            floors.append((label, *bench_floor(label, url, work_dir, args)))

    try:
        bare_rate, bare_p50, bare_p99 = bench_bare(work_dir, args)
        print(f"bare route: {bare_rate:.0f} requests/s, p50 {bare_p50:.1f} ms, "
              f"p99 {bare_p99:.1f} ms", flush=True)  # fmt: skip
        measure("sqlite", f"sqlite:///{work_dir / 'bench.sqlite'}")
        if not args.no_postgres:
            database = postgres_database()
            if database is not None:
                url, drop = database
                try:
                    measure("postgresql", url)
                finally:
                    drop()
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)

    print()
    print(f"mode {args.mode}: {args.clients} clients, {args.workers} gunicorn workers, "
          f"{args.seconds:.0f} s per phase; answers stored per response: "
          + ", ".join(f"{r.label} {r.answers:.0f}" for r in results))  # fmt: skip
    header = (
        f"{'database':<11} {'subm/s':>7} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'failed':>6} {'dup':>4} {'lost':>4} {'retry ok':>8} {'app req/s':>9} "
        f"{'RSS MB/worker (peak)':>22}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        memory = ", ".join(f"{rss:.0f} ({hwm:.0f})" for _, rss, hwm in r.memory)
        print(
            f"{r.label:<11} {r.rate:>7.1f} {r.rate / bare_rate:>6.3f} {r.p50:>7.1f} "
            f"{r.p99:>7.1f} {r.failed:>6} {r.duplicated:>4} {r.lost:>4} "
            f"{r.retries_ok:>4}/{r.acknowledged:<3} {r.requests_per_s:>9.0f} {memory:>22}"
        )
        for error in r.errors:
            print(f"    error: {error}")
    for label, rate, p99, failed in floors:
        print(f"storage floor {label}: {rate:.1f} submissions/s, ratio {rate / bare_rate:.3f}, "
              f"p99 {p99:.1f} ms, failed {failed}; the app reaches "
              f"{next(r.rate for r in results if r.label == label) / rate:.2f} of it")  # fmt: skip
    print()
    print(f"bare route: {bare_rate:.0f} requests/s (the ratio is submissions/s to this)")
    print("targets: ratio >= 0.25, p99 < 150 ms, failed = dup = lost = 0, < 150 MB per worker")
    return 0


if __name__ == "__main__":
    sys.exit(main())

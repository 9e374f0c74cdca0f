"""Load and fault benchmark: many stakeholders answering at once, with workers dying under them.

Serves the app with gunicorn (``--workers`` sync workers, 127.0.0.1 only, rate limits off) on
SQLite in a temporary folder, then on PostgreSQL when a server answers (a temporary database,
dropped afterwards). Each database is made by ``consult init`` and goes through three phases:

* ``clean``: no faults;
* ``kill``: one gunicorn worker (a child of the master, found in /proc) is killed with SIGKILL
  when 40 % of the phase's respondents are done;
* ``restart``: the whole server is stopped (SIGTERM to the master) at the same point and
  started again on the same port;
* ``openrosa``: ``--collectors`` data collectors send a form with a ``--photo-bytes`` photo
  from "ODK Collect" (Digest, HEAD, multipart POST; half of them twice); every acknowledged
  instance must be stored once, with its photo's bytes (see bench/openrosa_phase.py);
* ``attack``: while the respondents answer, ``--attackers`` threads send the worst inputs
  known to have stalled or crashed the site (150 KB answers to a regex constraint through
  the JSON endpoint, 100,000 nested brackets, NUL bytes in URLs, forms and JSON, made-up
  Bearer tokens, and, signed in as a facilitator, the hostile workbooks of the tests'
  corpus — a 6 KB workbook declaring A1:XFD1048576 with a cell at XFD1048576, zip bombs,
  huge cells, deep XML, entity expansion — to the interview import). The phase passes when the
  respondents' p99 page latency stays under ``--attack-ratio`` (2) times the clean phase's,
  no request (respondent's or attacker's) gets a 5xx and nothing is lost.

In the clean phase ``--respondents`` simulated respondents (``--fault-respondents`` in the
others; at most ``--concurrency`` at a time, one thread and one cookie jar each) answer the
shipped questionnaire page by page in a random language with random answers, so each saves
a draft on every page and visits only the pages its answers bring up; then they submit.
About 15 % drop the connection on their submit and send it again (same client submission
id); about 15 % stop halfway and continue from their resume link in a fresh session. A
request that fails to connect (a dead worker, a server restarting) is sent again with
backoff for at most ``--retry-seconds``.

After each phase the database is read directly and the phase's responses are checked:

* every acknowledged submission (a thank-you page with a reference) is stored exactly once,
  under that reference and the client id that was sent, and no submitted response is
  written again afterwards (its ``updated_at`` stays at ``submitted_at``);
* no draft is lost: each respondent's response holds the answers of the last page whose save
  was acknowledged, and a resume link leads to the page the respondent was sent to;
* no 5xx answer and no page that says "database is locked".

Prints a table per phase with throughput (submissions/s, requests/s), p50/p99 latency of page
posts and of submits, and the counts; ``--json FILE`` writes the same figures.

    .venv/bin/python bench/load.py --quick
    .venv/bin/python bench/load.py --respondents 200 --workers 3 --databases sqlite,postgresql
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import openrosa_phase
from common import (
    ADEQUACY,
    CLIENT_RE,
    CSRF_RE,
    DIRECT_THREATS,
    GAP_ITEMS,
    MEASURES,
    SHOWN_RE,
    SLUG,
    free_port,
    percentile,
    species_in,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import reference  # noqa: E402

FORM_FILE = ROOT / "surveys" / "forms" / f"{SLUG}.xlsx"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PHASES = ("clean", "kill", "restart", "attack", "openrosa")
#: the CSRF field of a WTForms page (the id comes first there)
FORM_CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
#: a facilitator account made with ``consult users create`` for the attackers of the interview
#: import (an upload needs an account; a stolen or careless one is the threat)
ATTACKER_EMAIL = "attacker@load.bench"
ATTACKER_PASSWORD = "attacker-password-1"
LANGUAGES = reference.interface_languages()
COUNTRIES = [item["code"] for item in reference.countries()]
GROUPS = tuple(item["code"] for item in reference.stakeholder_groups())
ORG_TYPES = (
    "government_national", "government_local", "protected_area_admin", "ngo_national",
    "ngo_international", "university", "community_org", "company", "other",
)  # fmt: skip
NEEDS = ("capacity", "funding", "legislation", "enforcement", "data", "cooperation")
LEVELS = ("low", "medium", "high", "very_high")
TRENDS = ("decreasing", "stable", "increasing", "unknown")
EFFECT = ("not", "less", "effective", "very_effective")
TEXTS = {
    "en": "Rangers need fuel for patrols in the calving season; fences block the migration.",
    "ru": "Егерям не хватает бензина для рейдов; заборы вдоль дороги мешают миграции сайги.",
    "zh": "巡护员缺少燃料，铁路围栏阻断了迁徙通道。",
    "mn": "Хээрийн байцаагчдад шатахуун хэрэгтэй; төмөр замын хашаа нүүдлийг хаадаг.",
    "fa": "محیط‌بانان سوخت کافی برای گشت ندارند و حصارها مسیر مهاجرت را می‌بندند.",
}
RESUME_RE = re.compile(r'class="resume-link" href="[^"]*/resume/([^"/]+)"')
REFERENCE_RE = re.compile(r'class="reference"[^>]*>([^<]+)<')
LOCKED = "database is locked"
CONNECTION_ERRORS = (ConnectionError, http.client.HTTPException, TimeoutError, OSError)


# -- what a respondent answers ---------------------------------------------------------------


def answers_for(rng: random.Random) -> dict[str, object]:
    """Random answers to the shipped questionnaire that satisfy its rules: a country, a
    stakeholder group, 1-3 species of that country each with 0-4 direct threats rated, the
    five gap questions, 0-8 measures rated, a full ranking of needs, up to three partner
    countries other than one's own, 1-4 stakeholders, and free text in the response's
    language (``_language``)."""
    lang = rng.choice(LANGUAGES)
    measures = rng.sample(MEASURES, rng.randint(0, len(MEASURES)))
    country = rng.choice(COUNTRIES)
    known = species_in(country)
    species = rng.sample(known, min(len(known), rng.randint(1, 3)))
    partners = [code for code in COUNTRIES if code != country]
    data: dict[str, object] = {
        "_language": lang,
        "consent": "yes",
        "country": country,
        "stakeholder_group": rng.choice(GROUPS),
        "org_type": rng.choice(ORG_TYPES),
        "role": f"{TEXTS[lang][:24]} {rng.randint(1, 999)}",
        "years_experience": str(rng.randint(0, 70)),
        "email": f"r{rng.randint(1, 10**6)}@example.org",
        **{gap: rng.choice(ADEQUACY) for gap in GAP_ITEMS},
        "gap_most_needed": TEXTS[rng.choice(LANGUAGES)],
        "measures_in_place": [m for m in MEASURES if m in measures],
        "needs_rank": rng.sample(NEEDS, len(NEEDS)),
        "most_needed_text": TEXTS[lang],
        "tb_partner_countries": rng.sample(partners, rng.randint(0, 3)),
        "cooperation_blocks_text": TEXTS[rng.choice(LANGUAGES)],
        "main_threats_text": TEXTS[lang],
        "anything_else_text": f"{rng.randint(1, 10**9)}",
    }
    if data["org_type"] == "other":
        data["org_type_other"] = "Herders' cooperative"
    for slot, code in enumerate(species, start=1):
        data[f"target_{slot}"] = code
        threats = rng.sample(DIRECT_THREATS, rng.randint(0, len(DIRECT_THREATS)))
        data[f"t{slot}_threats"] = [t for t in DIRECT_THREATS if t in threats] or ["none"]
        for threat in threats:
            data[f"t{slot}_{threat}_scope"] = rng.choice(LEVELS)
            data[f"t{slot}_{threat}_severity"] = rng.choice(LEVELS)
            data[f"t{slot}_{threat}_irreversibility"] = rng.choice(LEVELS)
            data[f"t{slot}_{threat}_trend"] = rng.choice(TRENDS)
    for measure in measures:
        data[f"eff_{measure}"] = rng.choice(EFFECT)
    instances = rng.randint(1, 4)
    data["_n.stakeholder_rep"] = str(instances)
    for n in range(1, instances + 1):
        data[f"sh_name[{n}]"] = f"Organisation {rng.randint(1, 500)}"
        data[f"sh_group[{n}]"] = rng.choice(GROUPS)
        data[f"sh_influence[{n}]"] = rng.choice(LEVELS[:3])
        data[f"sh_interest[{n}]"] = rng.choice(LEVELS[:3])
    return data


def page_questions() -> dict[str, list[str]]:
    """Page key -> the answered questions on it, from the shipped form (as the app pages it)."""
    from surveys.pages import pages
    from surveys.xlsform import load_form

    form = load_form(FORM_FILE.read_bytes(), FORM_FILE.name).form
    return {
        page.key: [name for name in page.questions if form.questions[name].answered]
        for page in pages(form)
    }


def expected_rows(answers: dict[str, object], names: list[str]) -> dict[tuple[str, int], str]:
    """The answer rows (question, instance) -> stored text that saving ``names`` must leave."""
    rows: dict[tuple[str, int], str] = {}
    for name in names:
        if name in answers:
            value = answers[name]
            text = " ".join(value) if isinstance(value, list) else str(value)
            if text:
                rows[(name, 0)] = text
            continue
        for key, value in answers.items():
            match = re.fullmatch(rf"{re.escape(name)}\[(\d+)\]", key)
            if match:
                rows[(name, int(match.group(1)))] = str(value)
    return rows


# -- HTTP ------------------------------------------------------------------------------------


class Stats:
    """Counters shared by every respondent thread of a phase."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.server_errors = 0
        self.locked_pages = 0
        self.connection_retries = 0
        self.gave_up = 0
        self.page_ms: list[float] = []
        self.submit_ms: list[float] = []
        self.statuses: dict[int, int] = {}
        self.samples: list[str] = []
        self.finished = 0

    def note(self, status: int, text: str, path: str) -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status >= 500:
                self.server_errors += 1
                self.sample(f"{status} on {path}")
            if LOCKED in text:
                self.locked_pages += 1
                self.sample(f"'{LOCKED}' on {path}")

    def sample(self, message: str) -> None:
        if len(self.samples) < 8:
            self.samples.append(message)


class GaveUp(Exception):
    """The server did not answer within the retry budget."""


class Browser:
    """One respondent's browser: a cookie jar and a fresh connection per request (gunicorn's
    sync workers close every connection). Connection failures are retried with backoff for at
    most ``retry_seconds``, as a person pressing the button again would."""

    def __init__(self, port: int, stats: Stats, retry_seconds: float):
        self.port = port
        self.stats = stats
        self.retry_seconds = retry_seconds
        self.cookies: dict[str, str] = {}

    def _headers(self, body: str | None) -> dict[str, str]:
        headers = {"Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers

    def once(self, method: str, path: str, body: str | None = None) -> tuple[int, str, str]:
        """One attempt: (status, Location path, body text); raises on connection errors."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=self._headers(body))
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            location = response.getheader("Location") or ""
        finally:
            connection.close()
        self.stats.note(response.status, text, path)
        return response.status, urlsplit(location).path if location else "", text

    def drop(self, method: str, path: str, body: str) -> None:
        """Send a request and hang up without reading the answer (a connection lost on the
        way back: the server may or may not have acted on it)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=self._headers(body))
        except CONNECTION_ERRORS:
            pass
        finally:
            connection.close()

    def send(
        self, method: str, path: str, body: str | None = None, timings: list[float] | None = None
    ) -> tuple[int, str, str]:
        """``once`` with retries on connection errors; the last attempt's time goes to
        ``timings``."""
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.05
        while True:
            started = time.perf_counter()
            try:
                result = self.once(method, path, body)
            except CONNECTION_ERRORS as error:
                if time.monotonic() + delay > deadline:
                    raise GaveUp(f"{method} {path}: {error!r}") from error
                with self.stats.lock:
                    self.stats.connection_retries += 1
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
                continue
            if timings is not None:
                elapsed = (time.perf_counter() - started) * 1000
                with self.stats.lock:
                    timings.append(elapsed)
            return result


# -- one respondent ------------------------------------------------------------------------


@dataclass
class Respondent:
    """What one simulated respondent did and was told."""

    number: int
    language: str = ""
    retries_submit: bool = False
    resumes: bool = False
    token: str = ""
    #: the page whose save was last acknowledged (a redirect onwards) and its answers' names
    saved_page: str = ""
    reference: str = ""
    client_id: str = ""
    acknowledged: bool = False
    resumed_to_expected: bool | None = None
    error: str = ""
    pages: int = 0


def _form_body(html: str, answers: dict[str, object], action: str) -> tuple[str, str]:
    """The urlencoded post of a page and its client submission id."""
    data = {k: v for k, v in answers.items() if not k.startswith("_language")}
    client_id = CLIENT_RE.search(html).group(1)
    data.update(
        csrf_token=CSRF_RE.search(html).group(1),
        client_id=client_id,
        shown=SHOWN_RE.search(html).group(1),
        action=action,
    )
    return urlencode(data, doseq=True), client_id


def respond(
    respondent: Respondent,
    rng: random.Random,
    port: int,
    stats: Stats,
    retry_seconds: float,
) -> None:
    """Answer the questionnaire from the start page to the thank-you page."""
    answers = answers_for(rng)
    respondent.language = str(answers["_language"])
    browser = Browser(port, stats, retry_seconds)
    start = f"/s/{SLUG}"
    status, _, html = browser.send("GET", start)
    if status != 200:
        raise RuntimeError(f"GET {start} answered {status}")
    body = urlencode({"csrf_token": CSRF_RE.search(html).group(1), "language": respondent.language})
    status, path, _ = browser.send("POST", start, body)
    if status != 302 or "/p/" not in path:
        raise RuntimeError(f"POST {start} answered {status} to {path!r}")
    stop_after = rng.randint(3, 7) if respondent.resumes else None
    for _ in range(60):
        status, _, html = browser.send("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        token = RESUME_RE.search(html)
        if token:
            respondent.token = token.group(1)
        final = 'value="submit"' in html
        if final:
            break
        for _attempt in range(3):
            body, _ = _form_body(html, answers, "next")
            status, location, html = browser.send("POST", path, body, stats.page_ms)
            if status != 200:
                break
            # The page showed more questions because of the answers: post it again.
        if status != 302 or "/p/" not in location:
            raise RuntimeError(f"POST {path} answered {status} to {location!r}")
        respondent.saved_page = path.rsplit("/p/", 1)[1]
        respondent.pages += 1
        path = location
        if stop_after is not None and respondent.pages == stop_after:
            stop_after = None
            browser = Browser(port, stats, retry_seconds)
            status, resumed, _ = browser.send("GET", f"/s/{SLUG}/resume/{respondent.token}")
            respondent.resumed_to_expected = status == 302 and resumed == path
            if status != 302 or "/p/" not in resumed:
                raise RuntimeError(f"resume link answered {status} to {resumed!r}")
            path = resumed
    else:
        raise RuntimeError("the questionnaire never ended")

    body, respondent.client_id = _form_body(html, answers, "submit")
    if respondent.retries_submit:
        browser.drop("POST", path, body)
        time.sleep(rng.uniform(0, 0.2))
    status, location, _ = browser.send("POST", path, body, stats.submit_ms)
    if status != 302 or not location.endswith("/thanks"):
        raise RuntimeError(f"submit answered {status} to {location!r}")
    status, _, html = browser.send("GET", location)
    match = REFERENCE_RE.search(html)
    if status != 200 or match is None:
        raise RuntimeError(f"thank-you page answered {status} without a reference")
    respondent.reference = match.group(1).strip()
    respondent.acknowledged = True


# -- servers -------------------------------------------------------------------------------


class Server:
    """gunicorn serving consult on 127.0.0.1:``port``; its log goes to ``log``."""

    def __init__(self, env: dict[str, str], workers: int, port: int, log: Path):
        self.env = env
        self.workers = workers
        self.port = port
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [str(gunicorn), "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}",
                 "--chdir", str(ROOT), "--graceful-timeout", "20", "--timeout", "60",
                 "--log-level", "warning", "consult.wsgi:app"],
                env=self.env, stdout=log, stderr=log,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited with {self.process.returncode}; see {self.log}"
                )
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                status = connection.getresponse().status
                connection.close()
                if status == 200 and len(self.worker_pids()) >= self.workers:
                    return
            except CONNECTION_ERRORS:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start in time")

    def worker_pids(self) -> list[int]:
        """The master's children (the workers), from /proc."""
        if self.process is None:
            return []
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children")
        try:
            return sorted(int(pid) for pid in children.read_text().split())
        except OSError:
            pass
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                    found.append(int(entry.name))
        return sorted(found)

    def busiest_worker(self) -> int | None:
        """The worker that used the most CPU over 0.2 s (one in the middle of a request),
        or None when there is no worker."""

        def ticks() -> dict[int, int]:
            result = {}
            for pid in self.worker_pids():
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                result[pid] = int(fields[11]) + int(fields[12])
            return result

        before = ticks()
        time.sleep(0.2)
        after = ticks()
        if not after:
            return None
        return max(after, key=lambda pid: (after[pid] - before.get(pid, 0), pid))

    def stop(self, timeout: float = 40) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# -- databases -----------------------------------------------------------------------------


def consult_init(env: dict[str, str]) -> None:
    """Schema, reference data and the shipped questionnaire, as an operator would."""
    script = Path(sys.executable).with_name("consult")
    command = [str(script), "init"] if script.exists() else [
        sys.executable, "-m", "flask", "--app", "consult", "init"
    ]  # fmt: skip
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)


def postgres_admin(url: str) -> tuple[object | None, str]:
    """An AUTOCOMMIT engine on the PostgreSQL server, or None and the reason."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure means "no PostgreSQL here"
        return None, f"{error.__class__.__name__}: {str(error).splitlines()[0][:160]}"
    return engine, ""


@dataclass
class Database:
    url: str
    drop: Callable[[], None]


def new_database(kind: str, work: Path, admin) -> Database:
    """An empty SQLite file in ``work``, or a new PostgreSQL database; ``drop`` removes it."""
    if kind == "sqlite":
        return Database(f"sqlite:///{work / 'load.sqlite'}", lambda: None)
    from sqlalchemy import text

    name = f"consult_load_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    url = admin.url.set(database=name).render_as_string(hide_password=False)
    return Database(url, drop)


# -- checking what was stored --------------------------------------------------------------


@dataclass
class Check:
    acknowledged: int = 0
    stored: int = 0
    not_stored: int = 0
    wrong_client_id: int = 0
    duplicates: int = 0
    stored_unacknowledged: int = 0
    #: submitted responses whose row was written again after the submission
    changed_after_submit: int = 0
    drafts_checked: int = 0
    lost_drafts: int = 0
    resumed: int = 0
    resumed_wrong_page: int = 0
    examples: list[str] = field(default_factory=list)


def last_response_id(url: str) -> int:
    """The highest response id so far (0 for none): a phase checks only the rows after it."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        last = connection.execute(text("SELECT max(id) FROM responses")).scalar()
    engine.dispose()
    return int(last or 0)


def check(
    url: str, respondents: list[Respondent], questions: dict[str, list[str]], after_id: int
) -> Check:
    """Compare what respondents were told with what the database holds in the responses
    created after ``after_id``."""
    from sqlalchemy import create_engine, text

    result = Check()
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id, reference, status, client_submission_id, resume_token_hash, "
                "updated_at > submitted_at AS changed FROM responses WHERE id > :after"
            ),
            {"after": after_id},
        ).all()
        by_reference: dict[str, list] = {}
        by_token: dict[str, list] = {}
        for row in rows:
            by_reference.setdefault(row.reference, []).append(row)
            by_token.setdefault(row.resume_token_hash or "", []).append(row)
        submitted = [row for row in rows if row.status == "submitted"]
        # Submitting sets updated_at to submitted_at; a later draft save would move it on.
        result.changed_after_submit = sum(bool(row.changed) for row in submitted)
        client_ids = [row.client_submission_id for row in submitted]
        known_tokens = {hashlib.sha256(r.token.encode()).hexdigest() for r in respondents}
        # More than one stored submission per client id or per respondent (resume token), or
        # one from nobody we know, is a duplicate.
        result.duplicates = (
            (len(client_ids) - len(set(client_ids)))
            + sum(
                max(0, sum(row.status == "submitted" for row in group) - 1)
                for group in by_token.values()
            )
            + sum(row.resume_token_hash not in known_tokens for row in submitted)
        )

        def note(message: str) -> None:
            if len(result.examples) < 8:
                result.examples.append(message)

        acknowledged_refs = set()
        for respondent in respondents:
            if respondent.resumed_to_expected is not None:
                result.resumed += 1
                if not respondent.resumed_to_expected:
                    result.resumed_wrong_page += 1
                    note(f"respondent {respondent.number}: resume link led elsewhere")
            if respondent.acknowledged:
                result.acknowledged += 1
                acknowledged_refs.add(respondent.reference)
                matches = by_reference.get(respondent.reference, [])
                if len(matches) != 1 or matches[0].status != "submitted":
                    result.not_stored += 1
                    note(f"{respondent.reference}: acknowledged, stored {len(matches)} times")
                elif matches[0].client_submission_id != respondent.client_id:
                    result.wrong_client_id += 1
                    note(f"{respondent.reference}: stored under another client id")
                else:
                    result.stored += 1
            if not respondent.saved_page or not respondent.token:
                continue
            token_hash = hashlib.sha256(respondent.token.encode()).hexdigest()
            stored_rows = by_token.get(token_hash, [])
            if len(stored_rows) != 1:
                result.lost_drafts += 1
                note(f"respondent {respondent.number}: no response for its resume link")
                continue
            answers = answers_for(random.Random(respondent.number))
            expected = expected_rows(answers, questions.get(respondent.saved_page, []))
            held = {
                (row.question, row.instance): row.value
                for row in connection.execute(
                    text("SELECT question, instance, value FROM answers WHERE response_id = :id"),
                    {"id": stored_rows[0].id},
                )
            }
            result.drafts_checked += 1
            missing = [key for key, value in expected.items() if held.get(key) != value]
            if missing:
                result.lost_drafts += 1
                note(
                    f"respondent {respondent.number}: page {respondent.saved_page} lacks "
                    f"{missing[:3]}"
                )
        result.stored_unacknowledged = sum(
            row.reference not in acknowledged_refs for row in submitted
        )
    engine.dispose()
    return result


# -- a phase -------------------------------------------------------------------------------


@dataclass
class PhaseResult:
    database: str
    phase: str
    respondents: int
    seconds: float
    submissions_per_s: float
    requests_per_s: float
    requests: int
    page_p50_ms: float
    page_p99_ms: float
    submit_p50_ms: float
    submit_p99_ms: float
    server_errors: int
    locked_pages: int
    connection_retries: int
    failed_respondents: int
    fault: str
    server_tracebacks: int
    check: Check
    errors: list[str]
    #: attack phase: requests the attackers sent, of them 5xx, by kind
    attack_requests: int = 0
    attack_server_errors: int = 0
    attack_kinds: dict = field(default_factory=dict)
    #: attack phase: p99 page latency / the clean phase's (None when there was none)
    p99_ratio: float | None = None
    ratio_limit: float = 2.0

    @property
    def passed(self) -> bool:
        c = self.check
        return (
            self.server_errors == 0
            and self.locked_pages == 0
            and c.acknowledged > 0
            and c.not_stored == 0
            and c.wrong_client_id == 0
            and c.duplicates == 0
            and c.changed_after_submit == 0
            and c.lost_drafts == 0
            and c.resumed_wrong_page == 0
            and (self.phase not in ("clean", "attack") or self.failed_respondents == 0)
            and self.attack_server_errors == 0
            and (self.p99_ratio is None or self.p99_ratio < self.ratio_limit)
        )


def run_database(kind: str, work: Path, args, admin, questions) -> list[PhaseResult]:
    """Every phase of ``args.phases`` in turn on one database and one server (the restart
    phase leaves the restarted server for the phases after it)."""
    database = new_database(kind, work, admin)
    log = work / f"gunicorn-{kind}.log"
    results = []
    try:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=database.url,
            SECRET_KEY="load-bench-secret",
            LOG_LEVEL="WARNING",
            PYTHONPATH=str(ROOT),
            # All clients share 127.0.0.1: per-address limits would measure the limiter.
            RATELIMIT_ENABLED="0",
        )
        consult_init(env)
        if "attack" in args.phase_list:
            create_attacker(env)
        if "openrosa" in args.phase_list:
            openrosa_phase.prepare(env, args.collectors)
        server = Server(env, args.workers, free_port(), log)
        server.start()
        try:
            warm = Browser(server.port, Stats(), 10)
            for _ in range(args.workers * 3):
                warm.send("GET", f"/s/{SLUG}")
            for phase in args.phase_list:
                if phase == "openrosa":
                    tally = openrosa_phase.run_phase(server.port, database.url, args)
                    openrosa_phase.report(kind, tally, args)
                    args.openrosa_results.append((kind, tally))
                    continue
                result = _drive(kind, phase, server, database, args, questions, log)
                clean = next((r for r in results if r.phase == "clean"), None)
                if phase == "attack" and clean is not None and clean.page_p99_ms > 0:
                    result.p99_ratio = result.page_p99_ms / clean.page_p99_ms
                    result.ratio_limit = args.attack_ratio
                results.append(result)
                print(
                    f"{kind} {phase}: {result.check.acknowledged}/{result.respondents} "
                    f"acknowledged in {result.seconds:.0f} s, "
                    f"{'PASS' if result.passed else 'FAIL'}",
                    flush=True,
                )
        finally:
            server.stop()
    finally:
        database.drop()
    return results


def _drive(kind, phase, server: Server, database: Database, args, questions, log) -> PhaseResult:
    stats = Stats()
    before = last_response_id(database.url)
    log_offset = log.stat().st_size if log.exists() else 0
    plan = random.Random(f"{args.seed}-{kind}-{phase}")
    count = args.respondents if phase in ("clean", "attack") else args.fault_respondents
    first = args.seed * 1_000_000 + PHASES.index(phase) * 100_000
    respondents = [
        Respondent(
            number=first + n,
            retries_submit=plan.random() < 0.15,
            resumes=plan.random() < 0.15,
        )
        for n in range(count)
    ]
    queue = list(reversed(respondents))
    queue_lock = threading.Lock()
    deadline = time.monotonic() + args.max_seconds
    fault_at = max(1, int(count * 0.4))
    fault_done = threading.Event()
    fault_note: list[str] = []

    def worker() -> None:
        while time.monotonic() < deadline:
            with queue_lock:
                if not queue:
                    return
                respondent = queue.pop()
            try:
                respond(respondent, random.Random(respondent.number), server.port, stats,
                        args.retry_seconds)  # fmt: skip
            except GaveUp as error:
                respondent.error = f"gave up: {error}"
            except Exception as error:  # a failed respondent is a result, not a crash
                respondent.error = repr(error)[:300]
            with stats.lock:
                stats.finished += 1
                finished = stats.finished
            if phase in ("kill", "restart") and finished >= fault_at and not fault_done.is_set():
                fault_done.set()
                fault_note.append(inject(phase, server))

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.concurrency)]
    attack = Attack(server.port, args.retry_seconds) if phase == "attack" else None
    attackers = [
        threading.Thread(target=attack.run, args=(n,), daemon=True)
        for n in range(args.attackers if attack else 0)
    ]
    for thread in threads + attackers:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, deadline - time.monotonic() + args.retry_seconds + 5))
    elapsed = time.perf_counter() - started
    if attack is not None:
        attack.stop.set()
        for thread in attackers:
            thread.join(timeout=120)
    tally = check(database.url, respondents, questions, before)
    failed = [r for r in respondents if not r.acknowledged]
    errors = list(stats.samples) + [
        f"respondent {r.number}: {r.error or 'unfinished'}" for r in failed[:5]
    ]
    with log.open("rb") as handle:
        handle.seek(log_offset)
        text = handle.read().decode("utf-8", "replace")
    return PhaseResult(
        database=kind,
        phase=phase,
        respondents=len(respondents),
        seconds=elapsed,
        submissions_per_s=tally.acknowledged / elapsed,
        requests_per_s=stats.requests / elapsed,
        requests=stats.requests,
        page_p50_ms=percentile(stats.page_ms, 50),
        page_p99_ms=percentile(stats.page_ms, 99),
        submit_p50_ms=percentile(stats.submit_ms, 50),
        submit_p99_ms=percentile(stats.submit_ms, 99),
        server_errors=stats.server_errors,
        locked_pages=stats.locked_pages,
        connection_retries=stats.connection_retries,
        failed_respondents=len(failed),
        fault=fault_note[0] if fault_note else (
            "none" if phase in ("clean", "attack") else "not reached"
        ),
        server_tracebacks=text.count("Traceback"),
        check=tally,
        errors=errors + tally.examples + (attack.stats.samples if attack else []),
        attack_requests=attack.stats.requests if attack else 0,
        attack_server_errors=attack.stats.server_errors if attack else 0,
        attack_kinds=dict(attack.kinds) if attack else {},
    )


# -- attackers -----------------------------------------------------------------------------


def create_attacker(env: dict[str, str]) -> None:
    """The facilitator account the attackers sign in with."""
    script = Path(sys.executable).with_name("consult")
    subprocess.run(
        [str(script), "users", "create", "--email", ATTACKER_EMAIL, "--role", "facilitator",
         "--country", "KZ", "--password", ATTACKER_PASSWORD],
        env=env, cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip


def hostile_workbooks() -> list[tuple[str, bytes]]:
    """The hostile XLSX files of the tests' corpus (declared-dimension bombs, far cells, huge
    cells, zip bombs, deep XML, entity expansion …) small enough to pass the upload size
    limit, so that the reader itself must refuse them."""
    from tests.spreadsheet_corpus import xlsx_corpus

    return [(item.name, item.data) for item in xlsx_corpus() if len(item.data) < 4_000_000]


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    lines: list[bytes] = []
    for name, value in fields.items():
        lines += [f"--{boundary}".encode(),
                  f'Content-Disposition: form-data; name="{name}"'.encode(), b"",
                  value.encode()]  # fmt: skip
    for name, (filename, data) in files.items():
        lines += [f"--{boundary}".encode(),
                  f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'
                  .encode(),
                  b"Content-Type: application/octet-stream", b"", data]  # fmt: skip
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines), f"multipart/form-data; boundary={boundary}"


class Attack:
    """Threads sending the worst known inputs in turn until ``stop`` is set; every answer is
    counted (``stats``), and a 5xx is a failure of the phase."""

    def __init__(self, port: int, retry_seconds: float):
        self.port = port
        self.retry_seconds = retry_seconds
        self.stats = Stats()
        self.stop = threading.Event()
        self.kinds: dict[str, int] = {}
        self._lock = threading.Lock()
        self._workbooks = hostile_workbooks()

    def _raw(self, method: str, path: str, body: bytes | None, headers: dict[str, str],
             kind: str) -> tuple[int, str]:  # fmt: skip
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        self.stats.note(response.status, "", f"{kind}: {method} {path[:60]}")
        with self._lock:
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
        return response.status, text

    def _submission(self, answers: dict) -> bytes:
        return json.dumps(
            {"client_id": uuid.uuid4().hex, "language": "en", "answers": answers}
        ).encode()

    def _login(self, browser: Browser) -> bool:
        _status, _location, page = browser.send("GET", "/auth/login")
        token = FORM_CSRF_RE.search(page)
        if token is None:
            self.stats.sample("attacker: no CSRF token on the login page")
            return False
        body = urlencode({"csrf_token": token.group(1), "email": ATTACKER_EMAIL,
                          "password": ATTACKER_PASSWORD})  # fmt: skip
        status, _location, _text = browser.send("POST", "/auth/login", body)
        if status != 302:
            self.stats.sample(f"attacker: sign-in answered {status}")
        return status == 302

    def _upload_workbook(self, browser: Browser, rng: random.Random) -> None:
        _status, _location, page = browser.send("GET", "/interviews/import")
        token = FORM_CSRF_RE.search(page)
        if token is None:
            self.stats.sample("attacker: no CSRF token on the import page")
            return
        name, data = rng.choice(self._workbooks)
        body, content_type = _multipart(
            {"csrf_token": token.group(1)}, {"file": ("interviews.xlsx", data)}
        )
        headers = {"Content-Type": content_type, **browser._headers(None)}
        self._raw("POST", "/interviews/import", body, headers, "hostile workbook")

    def run(self, number: int) -> None:
        rng = random.Random(number)
        browser = Browser(self.port, self.stats, self.retry_seconds)
        signed_in = False
        json_headers = {"Content-Type": "application/json"}
        submit = f"/api/v1/questionnaires/{SLUG}/submissions"
        while not self.stop.is_set():
            step = rng.randrange(6)
            try:
                if step == 0:
                    answers = {"consent": "yes", "email": "a" * 150_000 + "@"}
                    self._raw("POST", submit, self._submission(answers), json_headers,
                              "150 KB regex answer")  # fmt: skip
                elif step == 1:
                    body = ('{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
                    self._raw("POST", submit, body, json_headers, "deep JSON")
                elif step == 2:
                    self._raw("GET", "/s/a%00b?q=a%00b", None, {}, "NUL in URL")
                    self._raw("POST", submit, self._submission({"consent": "y\u0000es"}),
                              json_headers, "NUL in JSON")  # fmt: skip
                elif step == 3:
                    headers = {"Authorization": f"Bearer {uuid.uuid4().hex}"}
                    self._raw("GET", "/api/v1/questionnaires", None, headers, "made-up token")
                elif step == 4:
                    body = urlencode({"email": "x\x00@example.org", "password": "p"})
                    headers = {"Content-Type": "application/x-www-form-urlencoded"}
                    self._raw("POST", "/auth/login", body.encode(), headers, "NUL in a form")
                else:
                    if not signed_in:
                        signed_in = self._login(browser)
                    if signed_in:
                        self._upload_workbook(browser, rng)
            except CONNECTION_ERRORS as error:
                self.stats.sample(f"attacker connection error: {error!r}")
                time.sleep(0.2)


def inject(phase: str, server: Server) -> str:
    """Kill one worker, or restart the whole server on the same port; says what it did."""
    if phase == "kill":
        victim = server.busiest_worker()
        if victim is None:
            return "no worker found"
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            pids = server.worker_pids()
            if victim not in pids and len(pids) >= server.workers:
                return f"SIGKILL to busy worker {victim}; the master replaced it"
            time.sleep(0.1)
        return f"SIGKILL to busy worker {victim}; not replaced within 60 s"
    started = time.perf_counter()
    server.stop()
    stopped = time.perf_counter()
    server.start()
    return f"restarted: stop {stopped - started:.1f} s, start {time.perf_counter() - stopped:.1f} s"


# -- report --------------------------------------------------------------------------------


def print_table(results: list[PhaseResult], args) -> None:
    print()
    print(
        f"{args.respondents} respondents in the clean phase, {args.fault_respondents} in each "
        f"fault phase (at most {args.concurrency} at once), "
        f"{args.workers} gunicorn workers, rate limits off; latency in ms"
    )
    header = (
        f"{'database':<10} {'phase':<8} {'s':>5} {'subm/s':>6} {'req/s':>6} {'page p50':>8} "
        f"{'page p99':>8} {'subm p50':>8} {'subm p99':>8} {'ack':>4} {'stored':>6} {'dup':>3} "
        f"{'lost ack':>8} {'lost drafts':>11} {'5xx':>3} {'locked':>6} {'conn retried':>12} "
        f"{'failed':>6} {'result':>6}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        c = r.check
        print(
            f"{r.database:<10} {r.phase:<8} {r.seconds:>5.0f} {r.submissions_per_s:>6.2f} "
            f"{r.requests_per_s:>6.0f} {r.page_p50_ms:>8.0f} {r.page_p99_ms:>8.0f} "
            f"{r.submit_p50_ms:>8.0f} {r.submit_p99_ms:>8.0f} {c.acknowledged:>4} "
            f"{c.stored:>6} {c.duplicates:>3} {c.not_stored + c.wrong_client_id:>8} "
            f"{c.lost_drafts:>4}/{c.drafts_checked:<6} {r.server_errors:>3} "
            f"{r.locked_pages:>6} {r.connection_retries:>12} {r.failed_respondents:>6} "
            f"{'PASS' if r.passed else 'FAIL':>6}"
        )
    print()
    for r in results:
        c = r.check
        print(
            f"{r.database} {r.phase}: fault: {r.fault}; resumed {c.resumed} "
            f"(wrong page {c.resumed_wrong_page}); stored but not acknowledged "
            f"{c.stored_unacknowledged}; submitted responses written again after submitting "
            f"{c.changed_after_submit}; server log tracebacks {r.server_tracebacks}"
        )
        if r.phase == "attack":
            ratio = f"{r.p99_ratio:.2f}" if r.p99_ratio is not None else "n/a (no clean phase)"
            print(
                f"    attackers sent {r.attack_requests} requests, 5xx {r.attack_server_errors}; "
                f"respondents' page p99 / clean p99 = {ratio} (limit {r.ratio_limit:g}); "
                + ", ".join(f"{kind} {count}" for kind, count in sorted(r.attack_kinds.items()))
            )
        for error in r.errors[:8]:
            print(f"    {error}")
    print()
    print(
        "targets: 5xx = 0, no 'database is locked', every acknowledged submission stored "
        "exactly once (dup = lost ack = 0), no draft lost, in every phase; under attack the "
        "respondents' page p99 under --attack-ratio x the clean phase's"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--respondents", type=int, default=200, help="respondents in the clean phase"
    )
    parser.add_argument(
        "--fault-respondents",
        type=int,
        help="respondents in each fault phase (None: as many as --respondents)",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=50,
        help="respondents answering at the same time (one thread each)",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument(
        "--phases",
        default=",".join(PHASES),
        help="comma-separated: clean (no fault), kill (SIGKILL a worker), "
        "restart (SIGTERM the server and start it again), attack (the worst inputs while "
        "respondents answer), openrosa (collectors sending forms with photos from ODK Collect)",
    )
    parser.add_argument(
        "--collectors", type=int, default=100, help="data collectors in the openrosa phase"
    )
    parser.add_argument(
        "--photo-bytes", type=int, default=1024 * 1024, help="size of each collector's photo"
    )
    parser.add_argument(
        "--quick", action="store_true", help="40 respondents, 20 at once: a fast run"
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_PG),
        help="a PostgreSQL server where temporary databases may be created",
    )
    parser.add_argument(
        "--retry-seconds",
        type=float,
        default=60,
        help="how long a client keeps retrying a request that cannot connect",
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=600,
        help="respondents not started by then are left out of a phase",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the respondents' answers")
    parser.add_argument(
        "--attackers", type=int, default=3, help="attacker threads in the attack phase"
    )
    parser.add_argument(
        "--attack-ratio",
        type=float,
        default=2.0,
        help="the attack phase's page p99 must stay under this many times the clean phase's",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.quick:
        args.respondents, args.concurrency = 40, min(args.concurrency, 20)
        args.fault_respondents = min(args.fault_respondents or 40, 40)
    args.fault_respondents = args.fault_respondents or args.respondents
    args.concurrency = max(1, args.concurrency)
    kinds = [k.strip() for k in args.databases.split(",") if k.strip()]
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = [k for k in kinds if k not in ("sqlite", "postgresql")] + [
        p for p in phases if p not in PHASES
    ]
    if unknown:
        parser.error(f"unknown database or phase: {', '.join(unknown)}")
    args.phase_list = phases
    args.openrosa_results = []

    questions = page_questions()
    work = Path(tempfile.mkdtemp(prefix="consult-load-"))
    results: list[PhaseResult] = []
    skipped: dict[str, str] = {}
    try:
        for kind in kinds:
            admin = None
            if kind == "postgresql":
                admin, reason = postgres_admin(args.postgres_url)
                if admin is None:
                    skipped[kind] = f"PostgreSQL not reachable ({reason})"
                    print(f"postgresql: skipped: {skipped[kind]}", flush=True)
                    continue
            try:
                results.extend(run_database(kind, work, args, admin, questions))
            finally:
                if admin is not None:
                    admin.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if results:
        print_table(results, args)
    for kind, tally in args.openrosa_results:
        openrosa_phase.report(kind, tally, args)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "respondents": args.respondents,
                    "concurrency": args.concurrency,
                    "workers": args.workers,
                    "skipped": skipped,
                    "phases": [{**asdict(r), "passed": r.passed} for r in results],
                    "openrosa": [
                        {"database": kind, **asdict(t), "passed": t.passed}
                        for kind, t in args.openrosa_results
                    ],
                },
                indent=2,
                default=str,
            )
        )
    tallies = [tally for _kind, tally in args.openrosa_results]
    ran = results or tallies
    return 0 if ran and all(r.passed for r in [*results, *tallies]) else 1


if __name__ == "__main__":
    sys.exit(main())

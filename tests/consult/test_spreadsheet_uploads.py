"""Every upload that takes a spreadsheet refuses every hostile file, on its page and at
the command line: with a message naming the limit, in under two seconds of CPU, in bounded
memory, and with nothing stored."""

from __future__ import annotations

import io
import re
import resource
import time
import tracemalloc
from html.parser import HTMLParser

import pytest
from werkzeug.test import EnvironBuilder

from consult.extensions import db
from consult.models import Base
from tests.conftest import csrf_token
from tests.spreadsheet_corpus import Hostile, csv_corpus, xlsx_corpus

SECONDS = 5.0  # a hostile upload is refused in bounded time, with room for slow machines
MEGABYTES = 200
SLUG = "cami-gap-needs"
#: Each upload: how to send a file there, and the role that may.
PATHS = (
    "interviews page",
    "interviews command",
    "responses page",
    "responses command",
    "forms page",
    "forms command",
)


def stored(app) -> dict[str, int]:
    """Rows per table: what an upload could have written."""
    with app.app_context():
        return {
            table.name: db.session.scalar(db.select(db.func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def _post(client, url: str, hostile: Hostile, page: str | None = None, **fields):
    token = csrf_token(client, page or url)
    data = {"csrf_token": token, "file": (io.BytesIO(hostile.data), hostile.filename), **fields}
    builder = EnvironBuilder(path=url, method="POST", data=data)
    request = builder.get_request()
    try:
        response = client.open(request)
    finally:
        # The test client spools a large body to a temporary file it never closes.
        request.environ["wsgi.input"].close()
        builder.close()
    return response.status_code, response.get_data(as_text=True)


def _invoke(runner, tmp_path, hostile: Hostile, *args: str):
    path = tmp_path / hostile.filename
    path.write_bytes(hostile.data)
    result = runner.invoke(args=[*args, str(path)])
    return result.exit_code, result.output


def sender(path: str, client, runner, tmp_path):
    """A function sending a hostile file to `path`, returning (status, text shown)."""
    return {
        "interviews page": lambda h: _post(client, "/interviews/import", h),
        "interviews command": lambda h: _invoke(runner, tmp_path, h, "interviews", "import"),
        "responses page": lambda h: _post(
            client, f"/secretariat/questionnaires/{SLUG}/import-responses", h, version="1"
        ),
        "responses command": lambda h: _invoke(
            runner, tmp_path, h, "responses", "import", "--form", SLUG
        ),
        "forms page": lambda h: _post(
            client, "/secretariat/questionnaires/upload", h, page="/secretariat/questionnaires/"
        ),
        "forms command": lambda h: _invoke(runner, tmp_path, h, "forms", "import"),
    }[path]


@pytest.fixture
def shipped(app):
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()


def measured(send, hostile: Hostile):
    """Send `hostile`; return (status, text, seconds, peak bytes allocated). The seconds are
    this process's CPU time (the app runs in it, through the test client), so that other
    work on a busy machine is not counted as the upload's."""
    tracemalloc.start()
    started = time.process_time()
    try:
        status, text = send(hostile)
        elapsed = time.process_time() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return status, text, elapsed, peak


class _ErrorText(HTMLParser):
    """The text inside the page's error elements: role="alert" and the errors table."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside an error element
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        errors_table = tag == "table" and "errors" in (attributes.get("class") or "").split()
        if self.depth or attributes.get("role") == "alert" or errors_table:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def error_text(page: str) -> str:
    """What the page shows as errors, without its static text (which names rows and columns)."""
    parser = _ErrorText()
    parser.feed(page)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("path", PATHS)
def test_every_hostile_spreadsheet_is_refused_on_every_upload(
    app, client, runner, auth, shipped, tmp_path, path
):
    corpus = xlsx_corpus() + (csv_corpus() if path.startswith("responses") else ())
    if path.startswith("interviews"):
        auth.login("facilitator", ("KZ",))
    else:
        auth.login("admin")
    send = sender(path, client, runner, tmp_path)
    before_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    failures = []
    for hostile in corpus:
        before = stored(app)
        status, text, elapsed, peak = measured(send, hostile)
        shown = error_text(text) if path.endswith(" page") else text
        refused = status not in (0, 200, 302)
        problems = [
            "accepted" if not refused else "",
            ""
            if re.search(hostile.refusal, shown)
            else f"no /{hostile.refusal}/ in the message {shown[:200]!r}",
            f"took {elapsed:.2f} s" if elapsed >= SECONDS else "",
            f"peak {peak / 2**20:.0f} MB" if peak >= MEGABYTES * 2**20 else "",
            "stored rows" if stored(app) != before else "",
        ]
        problems = [p for p in problems if p]
        if problems:
            failures.append(f"{hostile.name}: {', '.join(problems)}")
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_rss) / 1024
    assert not failures, "\n".join(failures)
    assert grown < MEGABYTES, f"the process grew by {grown:.0f} MB"


def test_the_limits_are_the_configured_ones(app, client, runner, auth, shipped, tmp_path):
    from tests.consult.test_interviews_import import good_file

    app.config["SPREADSHEET_MAX_ROWS"] = 1
    auth.login("admin")
    interviews = Hostile("two records", good_file(app), "good.xlsx", "")
    status, text = _post(client, "/interviews/import", interviews)
    assert status == 400
    assert "<td>interviews</td><td>3</td><td>A (record_id)</td>" in text
    assert "past the limit of 1 rows" in text
    app.config["SPREADSHEET_MAX_CELL_CHARS"] = 10
    export = Hostile("export", b"_uuid,country\nabcdefghijkl,KZ\n", "kobo.csv", "")
    code, output = _invoke(runner, tmp_path, export, "responses", "import", "--form", SLUG)
    assert code == 1
    assert "row 2, column A (_uuid): A cell holds more than 10 characters." in output
    from tests.consult.test_questionnaires import small_form_xlsx

    form = Hostile("form", small_form_xlsx(), "form.xlsx", "")
    code, output = _invoke(runner, tmp_path, form, "forms", "import")
    assert code == 1
    assert "sheet 'survey', row 1, column 'C': A cell holds more than 10 characters." in output

"""The ``openrosa`` phase of bench/load.py: data collectors sending filled-in forms with a
photo from ODK Collect, as Collect sends them.

Each of ``--collectors`` accounts (role ``collector``, made with their Collect passwords in
one process before the phase) answers the Digest challenge, sends ``HEAD /openrosa/submission``
and then the instance document of the corpus form ``location_media`` (a location and a
photo) with a ``--photo-bytes`` JPEG, multipart as Collect does. Half of them send the same
instance a second time (their first answer lost on the way, say). Afterwards the database is
read directly: every acknowledged instance must be stored exactly once (one response per
instanceID, none twice), and its photo stored through consult.media with the bytes sent
(SHA-256 compared).
"""

from __future__ import annotations

import hashlib
import http.client
import io
import random
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / "tests" / "data" / "xlsforms" / "location_media.xlsx"
PASSWORD = "collect-bench-password"
REALM = "consult"
CONNECTION_ERRORS = (ConnectionError, http.client.HTTPException, TimeoutError, OSError)


def photo(size: int, seed: int) -> bytes:
    """A JPEG of about ``size`` bytes (noise compresses badly, so the size is the pixels')."""
    from PIL import Image

    rng = random.Random(seed)
    side = max(16, int((size / 1.1) ** 0.5 / 1.3))
    while True:
        image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=95)
        if out.tell() >= size * 0.9 or side > 4000:
            return out.getvalue()
        side = int(side * 1.15)


def prepare(env: dict[str, str], collectors: int) -> None:
    """Import the form and make the collectors' accounts with their Collect passwords."""
    script = Path(sys.executable).with_name("consult")
    subprocess.run([str(script), "forms", "import", str(FORM)], env=env, cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    code = (
        "from consult import create_app\n"
        "from consult.accounts import create_user\n"
        "from consult.extensions import db\n"
        "from consult.openrosa.auth import set_collector_password\n"
        "app = create_app()\n"
        "with app.app_context():\n"
        f"    for n in range({collectors}):\n"
        "        user = create_user(f'collector{n}@load.bench', None, 'collector', ['KZ'])\n"
        "        db.session.flush()\n"
        f"        set_collector_password(user, {PASSWORD!r}, by=None)\n"
        "    db.session.commit()\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


@dataclass
class Collector:
    number: int
    sends_twice: bool
    instance_id: str = ""
    photo_sha256: str = ""
    acknowledged: int = 0
    statuses: list[int] = field(default_factory=list)
    error: str = ""


class Device:
    """ODK Collect on one phone: Digest with one nonce and a counting nc, a connection per
    request, retries of requests that cannot connect."""

    def __init__(self, port: int, username: str, retry_seconds: float):
        self.port = port
        self.username = username
        self.retry_seconds = retry_seconds
        self.nonce = ""
        self.nc = 0

    def _authorization(self, method: str, uri: str) -> str:
        self.nc += 1
        nc, cnonce = f"{self.nc:08x}", uuid.uuid4().hex[:16]
        ha1 = _md5(f"{self.username}:{REALM}:{PASSWORD}")
        answer = _md5(f"{ha1}:{self.nonce}:{nc}:{cnonce}:auth:{_md5(f'{method}:{uri}')}")
        return (
            f'Digest username="{self.username}", realm="{REALM}", nonce="{self.nonce}", '
            f'uri="{uri}", algorithm=MD5, response="{answer}", qop=auth, nc={nc}, '
            f'cnonce="{cnonce}"'
        )

    def _once(self, method: str, uri: str, body: bytes | None, headers: dict) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, uri, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            challenge = response.getheader("WWW-Authenticate") or ""
        finally:
            connection.close()
        if response.status == 401 and 'nonce="' in challenge:
            self.nonce = challenge.split('nonce="', 1)[1].split('"', 1)[0]
            self.nc = 0
        return response.status, text

    def request(self, method: str, uri: str, body: bytes | None = None,
                content_type: str = "") -> tuple[int, str]:  # fmt: skip
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.05
        for _ in range(3):
            headers = {"X-OpenRosa-Version": "1.0"}
            if content_type:
                headers["Content-Type"] = content_type
            if self.nonce:
                headers["Authorization"] = self._authorization(method, uri)
            try:
                status, text = self._once(method, uri, body, headers)
            except CONNECTION_ERRORS:
                if time.monotonic() + delay > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
                continue
            if status != 401:
                return status, text
        return status, text


def _multipart(document: bytes, name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        (b'Content-Disposition: form-data; name="xml_submission_file"; '
         b'filename="submission.xml"\r\nContent-Type: text/xml\r\n\r\n', document),
        (f'Content-Disposition: form-data; name="{name}"; filename="{name}"\r\n'
         "Content-Type: image/jpeg\r\n\r\n".encode(), data),
    ]  # fmt: skip
    body = b"".join(f"--{boundary}\r\n".encode() + head + content + b"\r\n"
                    for head, content in parts)  # fmt: skip
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def _instance(instance_id: str, photo_name: str, rng: random.Random) -> bytes:
    lat, lon = 43 + rng.random(), 76 + rng.random()
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        '<data id="location_media" version="2026120601">'
        f"<camp>{lat:.6f} {lon:.6f} 800 5</camp><route/><pasture/><route_m/><pasture_m2/>"
        f"<sizes/><media><photo>{photo_name}</photo><voice/><clip/><report/></media>"
        f"<meta><instanceID>{instance_id}</instanceID></meta></data>"
    ).encode()


def collect(collector: Collector, port: int, photo_bytes: bytes, retry_seconds: float) -> None:
    rng = random.Random(collector.number)
    device = Device(port, f"collector{collector.number}@load.bench", retry_seconds)
    collector.instance_id = f"uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}"
    name = f"{1_700_000_000_000 + collector.number}.jpg"
    document = _instance(collector.instance_id, name, rng)
    body, content_type = _multipart(document, name, photo_bytes)
    collector.photo_sha256 = hashlib.sha256(photo_bytes).hexdigest()
    for _ in range(2 if collector.sends_twice else 1):
        status, _text = device.request("HEAD", "/openrosa/submission")
        if status != 204:
            collector.statuses.append(status)
            collector.error = f"HEAD answered {status}"
            return
        status, text = device.request("POST", "/openrosa/submission", body, content_type)
        collector.statuses.append(status)
        if status == 201 and "submit_success" in text:
            collector.acknowledged += 1
        else:
            collector.error = f"POST answered {status}: {text[:200]}"


@dataclass
class OpenRosaTally:
    collectors: int = 0
    sent: int = 0
    acknowledged: int = 0
    stored: int = 0
    lost: int = 0
    duplicated: int = 0
    photos_stored: int = 0
    photos_wrong: int = 0
    server_errors: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return (
            self.acknowledged == self.sent
            and self.lost == 0
            and self.duplicated == 0
            and self.photos_wrong == 0
            and self.photos_stored == self.stored
            and self.server_errors == 0
        )


def run_phase(port: int, url: str, args) -> OpenRosaTally:
    """Send the collectors' submissions at ``--concurrency`` at a time; check the database."""
    photo_bytes = photo(args.photo_bytes, args.seed)
    collectors = [Collector(n, sends_twice=n % 2 == 0) for n in range(args.collectors)]
    queue = list(reversed(collectors))
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                collector = queue.pop()
            try:
                collect(collector, port, photo_bytes, args.retry_seconds)
            except Exception as error:  # a failed collector is a result, not a crash
                collector.error = repr(error)[:300]

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True)
               for _ in range(min(args.concurrency, len(collectors)))]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally = OpenRosaTally(collectors=len(collectors), seconds=time.perf_counter() - started)
    tally.sent = sum(2 if c.sends_twice else 1 for c in collectors)
    tally.acknowledged = sum(c.acknowledged for c in collectors)
    tally.server_errors = sum(1 for c in collectors for s in c.statuses if s >= 500)
    tally.examples = [f"collector {c.number}: {c.error}" for c in collectors if c.error][:5]
    _check(url, collectors, tally)
    return tally


def _check(url: str, collectors: list[Collector], tally: OpenRosaTally) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT i.instance_id, i.response_id, r.external_uuid FROM openrosa_instances i "
                "JOIN responses r ON r.id = i.response_id"
            )
        ).all()
        by_instance = {row[0]: row[1] for row in rows}
        per_uuid = connection.execute(
            text(
                "SELECT external_uuid, count(*) FROM responses WHERE source = 'openrosa' "
                "GROUP BY external_uuid"
            )
        ).all()
        photos = {
            row[0]: row[1]
            for row in connection.execute(
                text("SELECT response_id, sha256 FROM media_files WHERE question = 'photo'")
            )
        }
    engine.dispose()
    counts = dict(per_uuid)
    for collector in collectors:
        if not collector.acknowledged:
            continue
        response_id = by_instance.get(collector.instance_id)
        if response_id is None:
            tally.lost += 1
            tally.examples.append(f"collector {collector.number}: acknowledged, not stored")
            continue
        tally.stored += 1
        if counts.get(collector.instance_id, 0) > 1:
            tally.duplicated += 1
        sha = photos.get(response_id)
        if sha is None:
            tally.examples.append(f"collector {collector.number}: photo not stored")
        elif sha == collector.photo_sha256:
            tally.photos_stored += 1
        else:
            tally.photos_wrong += 1


def report(kind: str, tally: OpenRosaTally, args) -> None:
    print(
        f"{kind} openrosa: {tally.collectors} collectors, {tally.sent} submissions sent "
        f"({args.photo_bytes // 1024} KB photo each, half sent twice) in {tally.seconds:.0f} s: "
        f"acknowledged {tally.acknowledged}, instances stored {tally.stored}, lost "
        f"{tally.lost}, duplicated {tally.duplicated}, photos stored with the bytes sent "
        f"{tally.photos_stored} (wrong {tally.photos_wrong}), 5xx {tally.server_errors}: "
        f"{'PASS' if tally.passed else 'FAIL'}",
        flush=True,
    )
    for example in tally.examples:
        print(f"    {example}")

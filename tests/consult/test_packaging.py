"""A normal (non-editable) install works: the wheel carries the templates, the migrations and
the compiled message catalogues, and the installed app creates its database and serves.

The wheel is built from the checkout, installed with ``--no-deps`` into a fresh virtualenv in
a temporary folder, and run from there, outside the checkout. Its dependencies are the test
run's own (the new environment reads them through a ``.pth`` path entry, which makes no
import hook of the editable install active), so the test needs no network.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(work / "dist"),
         str(ROOT)],  # fmt: skip
        cwd=work,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = next((work / "dist").glob("consult-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    target = Path(purelib.stdout.strip())
    (target / "test-run-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    # The new environment's own interpreter runs pip (found through the same path entry),
    # so the console script is written for it.
    install = _run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-compile", "--quiet",
         str(wheel)],  # fmt: skip
        cwd=work,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    return env_dir


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    python = installed / "bin" / "python"
    found = _run(
        [str(python), "-c", "import consult, pathlib; print(pathlib.Path(consult.__file__))"],
        cwd=tmp_path,
    )
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).is_relative_to(installed)
    for part in ("templates/base.html", "migrations/env.py",
                 "translations/ru/LC_MESSAGES/messages.mo"):  # fmt: skip
        assert (Path(found.stdout.strip()).parent / part).is_file(), part


def test_the_installed_app_creates_its_database_and_serves_its_pages(installed, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'installed.sqlite'}",
        "SECRET_KEY": "packaging-test",
        "RATELIMIT_ENABLED": "0",
        "PYTHONPATH": "",
    }
    consult = str(installed / "bin" / "consult")
    init = _run([consult, "init"], cwd=tmp_path, env=env)
    assert init.returncode == 0, init.stderr[-3000:]
    assert "Database ready" in init.stdout
    port = _free_port()
    with (tmp_path / "serve.log").open("w") as log:
        server = subprocess.Popen(
            [consult, "serve", "--port", str(port), "--workers", "1"],
            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            pages = {}
            for path in ("/", "/s/cami-gap-needs", "/auth/login?lang=ru"):
                pages[path] = _get(f"http://127.0.0.1:{port}{path}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert "cami-gap-needs" in pages["/"]
    assert 'name="language"' in pages["/s/cami-gap-needs"]
    assert "Войти" in pages["/auth/login?lang=ru"], "the compiled Russian catalogue is used"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, wait: float = 60) -> str:
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return answer.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)

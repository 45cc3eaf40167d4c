"""The web front's fixtures: a store with motions and users, and ``tracker serve`` running
on it as a real subprocess on 127.0.0.1 (a free port), stopped afterwards.

:class:`Client` is a small HTTP client (httpx) that keeps cookies by hand: the server's
cookies are ``Secure``, which a cookie jar would not send back over plain HTTP on loopback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

import cli

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-03-01T10:00"
XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"
PASSWORD = "richtig-geheim-1"
#: Users of the test store: name -> (role, office).
USERS = {
    "rat": ("councillor", None),
    "amt_a": ("office", "Amt A"),
    "amt_b": ("office", "Amt B"),
    "pruef": ("reviewer", None),
    "admin": ("administrator", None),
}


def tracker(
    db: str,
    *args: str,
    now: str | None = NOW,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> str:
    """Run a ``tracker`` command in-process on ``db``; fails the test unless it succeeds."""
    prefix = ["--db", db] + (["--now", now] if now else [])
    result = CliRunner().invoke(cli.app, [*prefix, *args], input=stdin, env=env)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result.stdout


def seed(db: str) -> dict[str, str]:
    """Motions, a document with a review item, and the users; returns motion ids by name."""
    tracker(db, "ingest", str(REPO / "examples"))
    common = ["--body", "BVV Mitte von Berlin", "--state", "BE", "--decided", "20.02.2025",
              "--committee", "Ausschuss Soziales"]  # fmt: skip
    tracker(db, "add", "1263/IV", "--title", "Integrationskonferenz", *common,
            "--office", "Amt A", "--addressee", "Bezirksamt", "--due", "18.12.2025",
            "--initiator", "Fraktion Bündnis 90/Die Grünen")  # fmt: skip
    tracker(db, "add", "0888/IV", "--title", "Grundstücksverkauf Geheimweg", *common,
            "--office", "Amt A", "--due", "05.01.2026", "--non-public")  # fmt: skip
    tracker(db, "add", "0666/IV", "--title", XSS, *common, "--office", "Amt B",
            "--due", "15.01.2026")  # fmt: skip
    tracker(db, "add", "0777/IV", "--title", "Radwege Invalidenstraße", *common,
            "--office", "Amt A", "--due", "20.03.2026")  # fmt: skip
    for name, (role, office) in USERS.items():
        extra = ["--office", office] if office else []
        tracker(db, "user", "add", name, "--role", role, *extra, "--password-stdin",
                stdin=PASSWORD + "\n")  # fmt: skip
    ids: dict[str, str] = {}
    for reference in ("1263/IV", "0666/IV", "0777/IV", "0888/IV", "2025/0156", "2025/BV/0087"):
        out = tracker(db, "show", reference, "--format", "json")
        ids[reference] = re.search(r'"id": "([0-9a-f-]{36})"', out).group(1)  # type: ignore[union-attr]
    return ids


@dataclass
class Server:
    """``tracker serve`` in a subprocess."""

    db: str
    port: int
    process: subprocess.Popen[bytes]
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self) -> Client:
        """A new client (closed at the end of the test)."""
        made = Client(self.url)
        OPEN_CLIENTS.append(made)
        return made

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def start_server(
    db: str,
    *,
    now: str | None = NOW,
    config: Path | None = None,
    env: dict[str, str] | None = None,
) -> Server:
    """Start ``tracker serve`` on a loopback port of its own choosing and wait until it
    answers (its standard error goes to ``serve-*.log`` beside the config, else the SQLite
    store). The port is read from the process's own announcement, made once it holds the
    port, so that a server of another test that got the same port cannot answer for it."""
    args = [sys.executable, "-c", "import cli; cli.main()", "--db", db]
    if now:
        args += ["--now", now]
    if config:
        args += ["--config", str(config)]
    args += ["serve", "--host", "127.0.0.1", "--port", "0"]
    handle, name = tempfile.mkstemp(prefix="serve-", suffix=".log", dir=(config or Path(db)).parent)
    log = Path(name)
    with os.fdopen(handle, "wb") as errors:
        process = subprocess.Popen(args, cwd=REPO, stderr=errors, env={**os.environ, **(env or {})})
    server = Server(db, 0, process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"tracker serve ended: {log.read_text()}")
        announced = re.search(r"serving on http://127\.0\.0\.1:(\d+)/", log.read_text())
        if not announced:
            time.sleep(0.05)
            continue
        server.port = int(announced.group(1))
        try:
            with httpx.Client(timeout=1) as probe:
                ready = probe.get(f"{server.url}/healthz").status_code == 200
            if ready:
                return server
        except httpx.TransportError:
            time.sleep(0.05)
    server.stop()
    raise AssertionError("tracker serve did not answer within 30 s")


#: Clients made during the running test (closed after it).
OPEN_CLIENTS: list[Client] = []


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while OPEN_CLIENTS:
        OPEN_CLIENTS.pop().http.close()


class Client:
    """HTTP against the server, keeping its cookies (Secure ones too) by hand."""

    def __init__(self, base: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=20, follow_redirects=False)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if self.cookies:
            header = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            kwargs["headers"] = {"cookie": header} | kwargs.get("headers", {})
        response = self.http.request(method, path, **kwargs)
        for line in response.headers.get_list("set-cookie"):
            name, _, rest = line.partition("=")
            value = rest.split(";", 1)[0]
            if "expires=Thu, 01 Jan 1970" in line or "Max-Age=0" in line or value in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def csrf(self, path: str) -> str:
        """The CSRF token of the form on ``path``."""
        page = self.get(path)
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert found, page.text[:500]
        return found.group(1)

    def login(self, name: str, password: str = PASSWORD) -> httpx.Response:
        token = self.csrf("/login")
        response = self.post(
            "/login", data={"csrf": token, "name": name, "password": password, "next": "/"}
        )
        return response


@pytest.fixture(scope="session")
def seeded_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A seeded SQLite store, seeded once per test process (seeding hashes five passwords and
    reads the example documents: it takes longer than copying the files)."""
    db = tmp_path_factory.mktemp("web-seed") / "db"
    return db, seed(str(db))


@pytest.fixture(scope="module")
def seeded(
    seeded_once: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str]]:
    """A seeded SQLite store of the test module's own (a copy of the seeded one)."""
    template, ids = seeded_once
    db = tmp_path_factory.mktemp("web") / "db"
    shutil.copytree(template, db)
    return str(db), dict(ids)


def write_config(folder: Path, extra: str = "") -> Path:
    """A tracker.toml for the server: the example documents' folder, and ``extra``."""
    path = folder / "tracker.toml"
    path.write_text(f'[web]\ndocument_dirs = ["{REPO / "examples"}"]\n{extra}', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(seeded: tuple[str, dict[str, str]]) -> Iterator[Server]:
    """``tracker serve`` on the module's seeded store."""
    db, ids = seeded
    running = start_server(db, config=write_config(Path(db).parent))
    running.ids = ids
    yield running
    running.stop()


@pytest.fixture
def pg_servers(pg_location: Any, tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    """Two ``tracker serve`` processes on one seeded PostgreSQL schema."""
    from tests.conftest import PG_BASE

    db = f"{PG_BASE}?schema={pg_location.schema}"
    ids = seed(db)
    config = write_config(tmp_path)
    first = start_server(db, config=config)
    second = start_server(db, config=config)
    first.ids = second.ids = ids
    yield first, second
    first.stop()
    second.stop()


ClientFactory = Callable[[], Client]

"""Shared fixtures: real stores on both backends, a fixed clock, the shared seeds.

``store`` runs a test once on an SQLite file and once on PostgreSQL (127.0.0.1:5432,
database ``test``, a fresh schema per test, dropped afterwards). Without a reachable
PostgreSQL the PostgreSQL half is skipped locally and fails under CI (``CI=true``).
``shared_dir`` is ``../shared`` beside the repository: skipped when absent, failing in CI.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import structlog

from events.store import StoreLocation, parse_location
from tests.integration.notifiers.smtp import SmtpServer
from tracker.clock import FixedClock
from tracker.service import TrackerService, open_log

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
PG_BASE = os.environ.get("TRACKER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _no_inherited_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees the environment of a plain run: pytest-xdist's workers inherit
    ``COLUMNS=80`` from the controller, and the CLI's tables fit ``COLUMNS`` when it is set
    (a test that wants a width sets it itself)."""
    monkeypatch.delenv("COLUMNS", raising=False)


def require(condition: bool, reason: str) -> None:
    """Skip locally when ``condition`` fails; fail under CI where it must hold."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_BASE, connect_timeout=3):
            return True
    except Exception:  # any failure means "not available" here
        return False


@pytest.fixture(scope="session")
def pg_ok() -> bool:
    return postgres_available()


def new_pg_location() -> StoreLocation:
    return parse_location(f"{PG_BASE}?schema=t_{uuid.uuid4().hex[:12]}")


def drop_pg_schema(location: StoreLocation) -> None:
    import psycopg

    with psycopg.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {location.schema} CASCADE")


@pytest.fixture
def pg_location(pg_ok: bool) -> Iterator[StoreLocation]:
    """A fresh, empty PostgreSQL schema (dropped afterwards)."""
    require(pg_ok, f"PostgreSQL not reachable at {PG_BASE}")
    location = new_pg_location()
    yield location
    drop_pg_schema(location)


@pytest.fixture
def sqlite_location(tmp_path: Path) -> StoreLocation:
    """A fresh SQLite store in a temporary folder."""
    return parse_location(str(tmp_path / "db"))


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreLocation]:
    """A fresh store on each backend."""
    if request.param == "sqlite":
        yield parse_location(str(tmp_path / "db"))
        return
    require(request.getfixturevalue("pg_ok"), f"PostgreSQL not reachable at {PG_BASE}")
    loc = new_pg_location()
    yield loc
    drop_pg_schema(loc)


@pytest.fixture
def db_url(location: StoreLocation, tmp_path: Path) -> str:
    """The ``--db`` value of ``location`` for CLI tests."""
    if location.backend == "sqlite":
        return str(tmp_path / "db")
    return f"{PG_BASE}?schema={location.schema}"


@pytest.fixture(autouse=True)
def fresh_logging() -> Iterator[None]:
    """Each test starts with structlog's defaults (the CLI configures it globally)."""
    yield
    structlog.reset_defaults()


FIXED_NOW = datetime(2014, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


@pytest.fixture
def service(location: StoreLocation, clock: FixedClock) -> Iterator[TrackerService]:
    """The application service on a fresh store of each backend."""
    app = open_log(location)
    yield TrackerService(app, clock, "tester")
    app.close()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (seeds, OParl examples); skipped when absent, required under CI."""
    require(SHARED.is_dir(), f"{SHARED} is absent (a fresh clone has no ../shared)")
    return SHARED


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd, plain text: ``?starttls=off``) that keeps
    what it accepts."""
    server = SmtpServer()
    server.start()
    yield server
    server.stop()

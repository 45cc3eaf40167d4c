"""The periodic job for ``tracker run``: every system of ``[sync]``, one failing alone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from structlog.testing import capture_logs

from events.store import StoreLocation
from oparl import sync_configured, sync_interval
from tests.integration.oparl.conftest import T1
from tracker.clock import FixedClock
from tracker.service import TrackerService, open_log
from tracker.settings import load_settings


def test_the_job_syncs_every_configured_system_and_survives_a_dead_one(
    location: StoreLocation, base: str, tmp_path: Path
) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text(
        f"""
[sync]
interval_minutes = 30
timeout = 5
backoff = 0.01
retries = 3
rate = 0
systems = ["{base}/leipzig/system", "{base}/gone"]

[[sync.system]]
url = "{base}/"
bodies = ["Generatia"]
""",
        encoding="utf-8",
    )
    db = str(tmp_path / "db") if location.backend == "sqlite" else _pg_url(location)
    settings = load_settings(db=db, config=str(config), environ={})
    app = open_log(settings.store)
    service = TrackerService(app, FixedClock(T1), "job")
    try:
        with capture_logs() as logs:
            summaries = sync_configured(settings, service)
    finally:
        app.close()
    assert [s.system for s in summaries] == [f"{base}/leipzig/system", f"{base}/"]
    assert [s.motions_new for s in summaries] == [3, 7]
    failed = [e for e in logs if e["event"] == "oparl_sync_failed"]
    assert [e["system"] for e in failed] == [f"{base}/gone"]
    assert sync_interval(settings) == timedelta(minutes=30)


def _pg_url(location: StoreLocation) -> str:
    from tests.conftest import PG_BASE

    return f"{PG_BASE}?schema={location.schema}"

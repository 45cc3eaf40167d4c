"""Entry points: one sync for ``tracker sync``, the periodic job for ``tracker run``.

:func:`sync_system` wires a run from the settings (store, clock, ``[sync]``);
:func:`sync_configured` syncs every system of ``[sync]`` and is what the run service
schedules every :func:`sync_interval`. A system that cannot be read is logged and the next
one goes on.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import httpx

from events.store import Database, connect
from oparl.client import OParlClient
from oparl.config import SyncConfig
from oparl.mirror import Mirror
from oparl.problems import Problems
from oparl.sync import OParlSync, Progress, SyncSummary
from tracker.errors import InputError, SyncError
from tracker.logs import get_logger
from tracker.service import TrackerService
from tracker.settings import Settings

log = get_logger()


def system_url_checked(url: str) -> str:
    """``url`` if it can name an OParl System (http or https, a host, a valid port); else
    bad input (:class:`InputError`), not something to retry."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(f"SYSTEM_URL {url!r} is not a valid URL: {exc}") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname or port == 0:
        raise InputError(f"SYSTEM_URL {url!r} must be an http:// or https:// URL with a host")
    return url


def sync_system(
    settings: Settings,
    service: TrackerService,
    system_url: str,
    *,
    body: str | None = None,
    full: bool = False,
    progress: Progress | None = None,
    transport: httpx.BaseTransport | None = None,
    db: Database | None = None,
) -> SyncSummary:
    """Run one sync of ``system_url`` into the store of ``settings``.

    ``db``: the caller's connection to the store (left open); without it one is opened.
    """
    system_url_checked(system_url)
    config = SyncConfig.from_section(settings.section("sync"))
    opened = db
    db = opened or connect(settings.store)
    try:
        with OParlClient(config.client, Problems(), transport=transport) as client:
            run = OParlSync(
                service,
                Mirror(db),
                client,
                overlap=config.overlap,
                overlap_1_0=config.overlap_1_0,
                default_state=settings.default_state,
                progress=progress,
                download_files=config.download_files,
                max_file_bytes=config.max_file_bytes,
            )
            return run.run(system_url, body=body, full=full)
    finally:
        if opened is None:
            db.close()


def sync_interval(settings: Settings) -> timedelta:
    """How often :func:`sync_configured` should run (``[sync] interval_minutes``)."""
    return SyncConfig.from_section(settings.section("sync")).interval


def sync_configured(
    settings: Settings,
    service: TrackerService,
    *,
    transport: httpx.BaseTransport | None = None,
) -> list[SyncSummary]:
    """The periodic job: sync every system (and body) of ``[sync]``, one after another."""
    config = SyncConfig.from_section(settings.section("sync"))
    summaries: list[SyncSummary] = []
    for target in config.systems:
        for body in target.bodies or (None,):
            try:
                summaries.append(
                    sync_system(settings, service, target.url, body=body, transport=transport)
                )
            except SyncError as exc:
                log.error("oparl_sync_failed", system=target.url, body=body, reason=str(exc))
    return summaries

"""Following council information systems through their OParl 1.0/1.1 API.

::

    client.py    polite, stubborn HTTP: retries, rate limit, concurrency, lenient JSON, lists
    clean.py     repairing objects: N/A and blanks, single objects for arrays, missing type,
                 relative web URLs; content hashes; embedded objects lifted out
    mirror.py    tables beside the log: per-list state, last version of each object, pending
    mapping.py   Paper (+ consultations, agenda items, meetings, organizations, files)
                 -> Extraction (pure)
    sync.py      one run: lists -> mirror -> pending papers -> tracker.ingest.record_extraction
                 (optionally a paper's main file read through the document reader)
    problems.py  every server quirk logged with its URL and counted
    config.py    the [sync] table
    job.py       sync_system (tracker sync), sync_configured / sync_interval (tracker run)

See ``docs/decisions/0007-oparl-sync.md`` for the choices made.
"""

from __future__ import annotations

from oparl.config import SyncConfig, SystemTarget
from oparl.job import sync_configured, sync_interval, sync_system
from oparl.sync import OParlSync, SyncSummary

__all__ = [
    "OParlSync",
    "SyncConfig",
    "SyncSummary",
    "SystemTarget",
    "sync_configured",
    "sync_interval",
    "sync_system",
]

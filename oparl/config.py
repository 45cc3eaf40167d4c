"""The ``[sync]`` table of the configuration, read once into a frozen :class:`SyncConfig`.

::

    [sync]
    systems = ["https://ris.example.org/oparl/v1.1/system"]   # or tables, see below
    interval_minutes = 60        # tracker run: how often the job runs (at least 0.05)
    overlap_minutes = 60         # modified_since = last complete start minus this (1.1)
    overlap_minutes_1_0 = 20160  # the same on OParl 1.0 servers (14 days: they lag)
    rate = 5.0                   # requests per second (0: unlimited)
    concurrency = 2              # lists and references fetched at once
    timeout = 10.0               # seconds per request
    retries = 3                  # further attempts after a 5xx, 429 or timeout
    backoff = 1.0                # seconds before the first retry, doubled each time
    user_agent = "tracker-oparl-sync/0.1 (ris@example.org)"
    download_files = false       # read a paper's main file (PDF, HTML, text) when no
                                 # resolution text and no File.text is given
    max_file_mb = 20             # larger files are skipped (counted as file_failed)

    [[sync.system]]              # alternative to ``systems``: one table per system
    url = "https://ris.example.org/oparl/v1.1/system"
    bodies = ["https://ris.example.org/oparl/v1.1/body/1"]   # default: every body
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from oparl.client import DEFAULT_USER_AGENT, ClientOptions
from tracker.errors import ConfigurationError


@dataclass(frozen=True)
class SystemTarget:
    """One OParl system to follow, optionally only some of its bodies."""

    url: str
    bodies: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncConfig:
    """Everything the sync is configured with."""

    systems: tuple[SystemTarget, ...] = ()
    interval: timedelta = timedelta(hours=1)
    overlap: timedelta = timedelta(hours=1)
    overlap_1_0: timedelta = timedelta(days=14)
    client: ClientOptions = field(default_factory=ClientOptions)
    download_files: bool = False
    max_file_bytes: int = 20 * 1024 * 1024

    @classmethod
    def from_section(cls, section: Mapping[str, Any]) -> SyncConfig:
        """Read ``[sync]``; a wrong value raises :class:`ConfigurationError` naming it."""
        systems = [SystemTarget(str(url)) for url in _list(section, "systems")]
        for table in _list(section, "system"):
            if not isinstance(table, Mapping) or not isinstance(table.get("url"), str):
                raise ConfigurationError('[[sync.system]] needs url = "..."')
            bodies = table.get("bodies", [])
            if not isinstance(bodies, list):
                raise ConfigurationError("[[sync.system]] bodies must be a list of body ids")
            systems.append(SystemTarget(table["url"], tuple(str(b) for b in bodies)))
        client = ClientOptions(
            timeout=_number(section, "timeout", 10.0, minimum=0.1),
            retries=int(_number(section, "retries", 3, minimum=0)),
            backoff=_number(section, "backoff", 1.0, minimum=0),
            rate=_number(section, "rate", 5.0, minimum=0),
            concurrency=int(_number(section, "concurrency", 2, minimum=1)),
            user_agent=str(section.get("user_agent") or DEFAULT_USER_AGENT),
        )
        return cls(
            systems=tuple(systems),
            interval=timedelta(minutes=_number(section, "interval_minutes", 60, minimum=0.05)),
            overlap=timedelta(minutes=_number(section, "overlap_minutes", 60, minimum=0)),
            overlap_1_0=timedelta(
                minutes=_number(section, "overlap_minutes_1_0", 14 * 24 * 60, minimum=0)
            ),
            client=client,
            download_files=_flag(section, "download_files"),
            max_file_bytes=int(_number(section, "max_file_mb", 20, minimum=0) * 1024 * 1024),
        )


def _list(section: Mapping[str, Any], key: str) -> list[Any]:
    value = section.get(key, [])
    if not isinstance(value, list):
        raise ConfigurationError(f"[sync] {key} must be a list")
    return value


def _number(section: Mapping[str, Any], key: str, default: float, *, minimum: float) -> float:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise ConfigurationError(f"[sync] {key} must be a number >= {minimum}, not {value!r}")
    return float(value)


def _flag(section: Mapping[str, Any], key: str) -> bool:
    value = section.get(key, False)
    if not isinstance(value, bool):
        raise ConfigurationError(f"[sync] {key} must be true or false, not {value!r}")
    return value

"""Configuration, read once at start-up into a frozen :class:`Settings` (GUIDE rule 10).

Sources, later ones winning: built-in defaults, the TOML file (``--config`` /
``TRACKER_CONFIG``, default ``./tracker.toml`` when present), environment variables with the
``TRACKER_`` prefix, command-line options. Nothing here runs at import time.

Environment variables: ``TRACKER_DB``, ``TRACKER_CONFIG``, ``TRACKER_NOW``, ``TRACKER_USER``,
``TRACKER_STATE`` (default Bundesland), ``TRACKER_SMTP_URL``, ``TRACKER_WEBHOOK_SECRET``.
The TOML file has a table per concern (``[store]``, ``[reminders]``, ``[board]``,
``[sync]``, ...); each package reads its own table through :meth:`Settings.section`.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from events.store import StoreLocation, StoreLocationError, parse_location
from tracker.clock import Clock, FixedClock, SystemClock, parse_instant
from tracker.deadlines import check_state
from tracker.errors import ConfigurationError
from tracker.state import DEFAULT_REGULAR_CADENCE_MONTHS, Rules, parse_cadence

DEFAULT_DB = "./tracker-data/"
DEFAULT_CONFIG = "tracker.toml"


@dataclass(frozen=True)
class Settings:
    """Everything the tracker is configured with, fixed for the life of the process."""

    store: StoreLocation
    now: datetime | None = None
    user: str = "unknown"
    default_state: str | None = None
    config_path: Path | None = None
    smtp_url: str | None = field(default=None, repr=False)
    webhook_secret: str | None = field(default=None, repr=False)
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def clock(self) -> Clock:
        """The fixed clock of ``--now``, or the system clock."""
        return FixedClock(self.now) if self.now is not None else SystemClock()

    def section(self, name: str) -> Mapping[str, Any]:
        """One table of the TOML file (empty when absent)."""
        return self.sections.get(name, MappingProxyType({}))

    @property
    def rules(self) -> Rules:
        """The settings that shape a motion's life (:mod:`tracker.state`): the cadence of a
        duty to report "regularly", ``[board] regular_cadence_months`` (where it has always
        been configured)."""
        cadence = self.section("board").get(
            "regular_cadence_months", DEFAULT_REGULAR_CADENCE_MONTHS
        )
        return Rules(parse_cadence(cadence, "[board] regular_cadence_months"))

    @property
    def base_url(self) -> str | None:
        """The web front's address, ``[web] base_url`` (links in e-mails:
        ``{base_url}/motions/{motion_id}``); None when unset. Raises ConfigurationError
        for anything but an ``http(s)://`` URL."""
        value = self.section("web").get("base_url")
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not value.startswith(("http://", "https://")):
            raise ConfigurationError("[web] base_url must be an http:// or https:// URL")
        return value.rstrip("/")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigurationError(f"config {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"config {path}: {exc}") from exc


def load_settings(
    *,
    db: str | None = None,
    now: str | None = None,
    config: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build the settings from options, environment and the TOML file."""
    env = os.environ if environ is None else environ
    config_value = config or env.get("TRACKER_CONFIG")
    config_path: Path | None = None
    data: dict[str, Any] = {}
    if config_value:
        config_path = Path(config_value)
        if not config_path.is_file():
            raise ConfigurationError(f"config file {config_value!r} does not exist")
        data = _read_toml(config_path)
    elif Path(DEFAULT_CONFIG).is_file():
        config_path = Path(DEFAULT_CONFIG)
        data = _read_toml(config_path)

    tracker_table = data.get("tracker", {})
    if not isinstance(tracker_table, dict):
        raise ConfigurationError(f"config {config_path}: [tracker] must be a table")
    db_value = db or env.get("TRACKER_DB") or tracker_table.get("db") or DEFAULT_DB
    try:
        store = parse_location(str(db_value))
    except StoreLocationError as exc:
        raise ConfigurationError(str(exc)) from exc

    now_value = now or env.get("TRACKER_NOW")
    instant = parse_instant(now_value) if now_value else None
    try:
        user = env.get("TRACKER_USER") or tracker_table.get("user") or getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    state = check_state(env.get("TRACKER_STATE") or tracker_table.get("state"))
    sections = {k: MappingProxyType(dict(v)) for k, v in data.items() if isinstance(v, dict)}
    return Settings(
        store=store,
        now=instant,
        user=str(user),
        default_state=state,
        config_path=config_path,
        smtp_url=env.get("TRACKER_SMTP_URL"),
        webhook_secret=env.get("TRACKER_WEBHOOK_SECRET"),
        sections=MappingProxyType(sections),
    )

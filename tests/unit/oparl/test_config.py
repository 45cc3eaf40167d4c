"""The ``[sync]`` table: defaults, systems, and clear errors for wrong values."""

from __future__ import annotations

from datetime import timedelta

import pytest

from oparl.client import DEFAULT_USER_AGENT
from oparl.config import SyncConfig, SystemTarget
from tracker.errors import ConfigurationError


def test_defaults_are_polite_and_bounded() -> None:
    config = SyncConfig.from_section({})
    assert config.systems == ()
    assert (config.interval, config.overlap, config.overlap_1_0) == (
        timedelta(hours=1),
        timedelta(hours=1),
        timedelta(days=14),
    )
    assert (config.client.rate, config.client.concurrency, config.client.retries) == (5.0, 2, 3)
    assert config.client.timeout == 10.0
    assert config.client.user_agent == DEFAULT_USER_AGENT
    assert not config.download_files


def test_systems_come_as_urls_or_tables_with_bodies() -> None:
    config = SyncConfig.from_section(
        {
            "systems": ["https://a/system"],
            "system": [{"url": "https://b/system", "bodies": ["https://b/body/1"]}],
            "interval_minutes": 15,
            "overlap_minutes_1_0": 60 * 24 * 30,
            "rate": 0.5,
            "concurrency": 4,
            "user_agent": "tracker (ris@example.org)",
            "download_files": True,
            "max_file_mb": 5,
        }
    )
    assert config.systems == (
        SystemTarget("https://a/system"),
        SystemTarget("https://b/system", ("https://b/body/1",)),
    )
    assert config.interval == timedelta(minutes=15)
    assert config.overlap_1_0 == timedelta(days=30)
    assert (config.client.rate, config.client.concurrency) == (0.5, 4)
    assert config.client.user_agent == "tracker (ris@example.org)"
    assert (config.download_files, config.max_file_bytes) == (True, 5 * 1024 * 1024)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"rate": -1}, "rate"),
        ({"interval_minutes": 0.01}, "interval_minutes must be a number >= 0.05"),
        ({"concurrency": 0}, "concurrency"),
        ({"timeout": "fast"}, "timeout"),
        ({"retries": True}, "retries"),
        ({"download_files": "yes"}, "download_files must be true or false"),
        ({"systems": "https://a"}, "systems must be a list"),
        ({"system": [{"bodies": []}]}, "needs url"),
        ({"system": [{"url": "https://a", "bodies": "b"}]}, "bodies must be a list"),
    ],
)
def test_a_wrong_value_is_named(section: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        SyncConfig.from_section(section)


def test_the_interval_may_be_a_fraction_of_a_minute() -> None:
    assert SyncConfig.from_section({"interval_minutes": 0.5}).interval == timedelta(seconds=30)

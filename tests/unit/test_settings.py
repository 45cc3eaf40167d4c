"""Settings are read once from options, environment and the TOML file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracker.clock import FixedClock, SystemClock
from tracker.errors import ConfigurationError, InvalidDate
from tracker.settings import load_settings


def test_defaults_use_the_local_sqlite_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings(environ={})
    assert s.store.backend == "sqlite"
    assert s.store.path == Path("tracker-data/tracker.sqlite")
    assert isinstance(s.clock, SystemClock)


def test_options_win_over_environment_over_file(tmp_path: Path) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text('[tracker]\ndb = "from-file"\nstate = "NW"\n[reminders]\nstages = [14, 3]\n')
    env = {"TRACKER_DB": str(tmp_path / "from-env"), "TRACKER_CONFIG": str(config)}
    s = load_settings(environ=env)
    assert s.store.path == tmp_path / "from-env" / "tracker.sqlite"
    assert s.default_state == "NW"
    assert s.section("reminders")["stages"] == [14, 3]
    assert s.section("absent") == {}
    s = load_settings(db=str(tmp_path / "from-option"), environ=env)
    assert s.store.path == tmp_path / "from-option" / "tracker.sqlite"


def test_now_is_berlin_time_without_a_zone() -> None:
    s = load_settings(db="x", now="2015-01-05T09:00", environ={})
    assert s.now == datetime(2015, 1, 5, 8, 0, tzinfo=UTC)
    assert isinstance(s.clock, FixedClock) and s.clock.now() == s.now


def test_postgres_urls_keep_their_parts_and_hide_the_password() -> None:
    s = load_settings(db="postgresql://u:secret@db.example:6543/track?schema=city_1", environ={})
    loc = s.store
    assert (loc.backend, loc.host, loc.port, loc.dbname, loc.user, loc.schema) == (
        "postgres",
        "db.example",
        6543,
        "track",
        "u",
        "city_1",
    )
    assert "secret" not in loc.display and "secret" not in repr(s)
    assert loc.eventsourcing_env()["POSTGRES_SCHEMA"] == "city_1"


@pytest.mark.parametrize(
    ("kwargs", "error", "fragment"),
    [
        ({"now": "morgen"}, InvalidDate, "not an ISO date-time"),
        ({"db": "mysql://x/y"}, ConfigurationError, "unsupported URL"),
        ({"db": "postgresql://h/"}, ConfigurationError, "names no database"),
        ({"db": "postgresql://h/d?schema=a;drop"}, ConfigurationError, "schema"),
        ({"config": "/nonexistent/tracker.toml"}, ConfigurationError, "does not exist"),
    ],
)
def test_bad_settings_are_named(
    kwargs: dict[str, str], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment):
        load_settings(environ={}, **kwargs)


def test_a_broken_toml_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[tracker\n")
    with pytest.raises(ConfigurationError, match=r"bad\.toml"):
        load_settings(config=str(bad), environ={})


def test_an_unknown_state_in_the_environment(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="Bundesland"):
        load_settings(db=str(tmp_path), environ={"TRACKER_STATE": "Bayern"})

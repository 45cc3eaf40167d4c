"""The sample configuration shipped in examples/ is valid for every package that reads it."""

from __future__ import annotations

from pathlib import Path

from notifiers.policy import parse_policy
from oparl.config import SyncConfig
from projections.service import BoardSettings
from tracker.settings import load_settings

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tracker.toml"


def test_the_sample_configuration_is_valid(tmp_path: Path) -> None:
    settings = load_settings(db=str(tmp_path), config=str(SAMPLE), environ={})
    assert settings.default_state == "BE"
    policy, options = parse_policy(settings.section("reminders"))
    assert policy.before == (14, 3) and options.sender == "fristen@musterbezirk.example"
    assert BoardSettings.from_section(settings.section("board")).regular_cadence_months == 6
    sync = SyncConfig.from_section(settings.section("sync"))
    assert [s.url for s in sync.systems] == ["https://oparl.musterstadt.example/oparl/v1/system"]


def test_the_sample_deadlines_table_is_valid(tmp_path: Path) -> None:
    settings = load_settings(db=str(tmp_path), config=str(SAMPLE), environ={})
    defaults = settings.term_defaults
    assert defaults.soft_days == 30
    assert [r.statute for r in defaults.statutory] == ["§ 13 GO BVV Musterbezirk", "§ 27 BezVG"]
    assert "Ausschuss für Soziales" in defaults.calendar.sessions

"""``tracker sync`` through the real CLI against the local OParl server, on both stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from tests.integration.oparl.server import OParlWorld, serve
from tests.integration.oparl.world import build

runner = CliRunner()

FAST = """
[sync]
timeout = 5
retries = 3
backoff = 0.01
rate = 0
"""


@pytest.fixture
def world() -> OParlWorld:
    world = build()
    world.delays.clear()  # the timeout quirk is tested in tests/integration/oparl
    return world


@pytest.fixture
def base(world: OParlWorld) -> Iterator[str]:
    with serve(world) as url:
        yield url


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "tracker.toml"
    path.write_text(FAST, encoding="utf-8")
    return str(path)


def sync(
    db: str, config: str, *args: str, now: str = "2015-06-01T00:00:00+00:00"
) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, "--now", now, "--config", config, "sync", *args])
    return result.exit_code, result.stdout, result.stderr


def test_sync_prints_a_json_summary_and_a_second_run_appends_nothing(
    db_url: str, config: str, base: str
) -> None:
    code, out, _ = sync(db_url, config, base + "/", "--body", "Generatia", "--format", "json")
    assert code == 0
    summary = json.loads(out)
    assert (summary["motions_new"], summary["seen"], summary["errors"]) == (
        7,
        13,
        1,
    )  # 3 organizations, 3 meetings, 7 papers
    assert summary["problems"]["retried"] == 2  # the page that fails twice
    assert summary["bodies"] == [base + "/gen/body/1"]

    code, out, _ = sync(
        db_url,
        config,
        base + "/",
        "--body",
        "Generatia",
        "--format",
        "json",
        now="2015-06-02T00:00:00+00:00",
    )
    assert code == 0
    again = json.loads(out)
    assert (again["events"], again["seen"], again["new"]) == (0, 0, 0)


def test_sync_prints_a_table_summary(db_url: str, config: str, base: str) -> None:
    code, out, _ = sync(db_url, config, base + "/leipzig/system")
    assert code == 0
    assert "objects: 3 seen, 3 new, 0 changed, 0 unchanged, 0 deleted" in out
    assert "motions: 3 new" in out
    assert "relative_web: 3" in out


def test_an_incomplete_list_exits_1_and_a_full_run_reads_everything(
    db_url: str, config: str, base: str, world: OParlWorld
) -> None:
    world.failures["/gen/body/1/papers?page=2"] = 10
    code, out, _ = sync(db_url, config, base + "/", "--body", "Generatia")
    assert code == 1
    assert f"incomplete list: {base}/gen/body/1 paper" in out
    world.failures.clear()
    code, out, _ = sync(db_url, config, base + "/", "--body", "Generatia", "--full")
    assert code == 0 and "motions: 5 new" in out


def test_an_unreadable_system_or_unknown_body_is_an_error(
    db_url: str, config: str, base: str
) -> None:
    code, _, err = sync(db_url, config, base + "/nothing-here")
    assert code == 1
    assert f"cannot read the OParl System at {base}/nothing-here: HTTP 404" in err
    code, _, err = sync(db_url, config, base + "/", "--body", "Atlantis")
    assert code == 2 and "has no body 'Atlantis'" in err

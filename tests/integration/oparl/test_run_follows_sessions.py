"""``tracker run`` follows the session calendar: a meeting that moves in the OParl system
moves the due date anchored on it ("in der nächsten Sitzung") while the service runs, once
(a real ``tracker run`` process, a real OParl server on loopback, SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from events.store import StoreLocation
from tests.conftest import PG_BASE
from tests.integration.oparl.server import BASE, OParlWorld, serve
from tests.integration.oparl.world import V11

REPO = Path(__file__).resolve().parents[3]
NOW = "2015-03-05T10:00"
COMMITTEE = "Ausschuss für Verkehr"
DOCUMENT = """Antrag 2015/0042
Betreff: Radweg Parkstraße
Datum: 10.02.2015
Beratungsfolge:
Ausschuss für Verkehr Entscheidung 02.03.2015 beschlossen

Beschluss:
Die Verwaltung wird gebeten, in der nächsten Sitzung des Ausschusses für Verkehr zu berichten.
"""


def meeting(day: str, modified: str) -> dict[str, Any]:
    return {
        "id": f"{BASE}/meeting/7",
        "type": f"{V11}Meeting",
        "name": "7. Sitzung des Ausschusses für Verkehr",
        "start": f"{day}T17:00:00+01:00",
        "organization": [f"{BASE}/organization/2"],
        "created": "2015-01-01T10:00:00+01:00",
        "modified": modified,
    }


def small_world() -> OParlWorld:
    """One body with one committee and its one meeting (on 13 April 2015)."""
    world = OParlWorld()
    world.put(
        {
            "id": f"{BASE}/system",
            "type": f"{V11}System",
            "oparlVersion": V11,
            "body": f"{BASE}/bodies",
        }
    )
    body = {
        "id": f"{BASE}/body/1",
        "type": f"{V11}Body",
        "name": "Bezirksverordnetenversammlung Generatia",
        "ags": "11000000",
        "organization": f"{BASE}/body/1/organizations",
        "meeting": f"{BASE}/body/1/meetings",
        "paper": f"{BASE}/body/1/papers",
        "created": "2015-01-01T00:00:00+01:00",
        "modified": "2015-01-01T00:00:00+01:00",
    }
    world.lists["/bodies"] = [world.put(body)]
    world.add_to_list(
        body["organization"],
        {
            "id": f"{BASE}/organization/2",
            "type": f"{V11}Organization",
            "name": COMMITTEE,
            "created": "2015-01-01T00:00:00+01:00",
            "modified": "2015-01-01T00:00:00+01:00",
        },
    )
    world.add_to_list(body["meeting"], meeting("2015-04-13", "2015-01-01T10:00:00+01:00"))
    world.lists["/body/1/papers"] = []
    return world


def cli(db: str, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import cli; cli.main()", "--db", db, "--now", NOW,
         "--config", str(config), *args],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _env() -> dict[str, str]:
    env = dict(os.environ, TRACKER_LOG_LEVEL="info")
    for name in ("TRACKER_SMTP_URL", "TRACKER_WEBHOOK_SECRET", "TRACKER_CONFIG", "TRACKER_NOW"):
        env.pop(name, None)
    return env


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_a_meeting_that_moves_moves_the_due_date_while_tracker_run_runs(
    location: StoreLocation, tmp_path: Path
) -> None:
    sqlite = location.backend == "sqlite"
    db = str(tmp_path / "db") if sqlite else f"{PG_BASE}?schema={location.schema}"
    world = small_world()
    with serve(world) as base:
        config = tmp_path / "tracker.toml"
        config.write_text(
            f'[sync]\nsystems = ["{base}/system"]\ninterval_minutes = 0.05\n'
            "timeout = 5\nretries = 1\nbackoff = 0.01\nrate = 0\n"
            '[reminders]\nsender = "fristen@bvv.example"\npoll_seconds = 0.5\n',
            encoding="utf-8",
        )
        done = cli(db, config, "sync", f"{base}/system")
        assert done.returncode == 0, done.stderr
        doc = tmp_path / "2015-0042.txt"
        doc.write_text(DOCUMENT, encoding="utf-8")
        done = cli(db, config, "ingest", str(doc), "--state", "BE")
        assert done.returncode == 0, done.stderr

        def due() -> str | None:
            out = cli(db, config, "due", "--within", "90", "--format", "json").stdout
            items = [i for i in json.loads(out)["items"] if i["reference"] == "2015/0042"]
            return items[0]["due"] if items else None

        assert due() == "2015-04-13"  # the meeting as first synced

        log = (tmp_path / "run.log").open("wb")
        service = subprocess.Popen(
            [sys.executable, "-c", "import cli; cli.main()", "--db", db, "--now", NOW,
             "--config", str(config), "run"],
            cwd=REPO, env=_env(), stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        try:
            time.sleep(1.0)
            # the committee's meeting moves a week, as the council information system says
            world.replace(
                f"{BASE}/body/1/meetings", meeting("2015-04-20", "2015-03-05T10:00:00+01:00")
            )
            moved = wait_for(lambda: due() == "2015-04-20", timeout=60)
            passes = (tmp_path / "run.log").read_text(errors="replace").count('"oparl_sync"')
            # two more passes of the service: the move is not repeated
            wait_for(
                lambda: (
                    (tmp_path / "run.log").read_text(errors="replace").count('"oparl_sync"')
                    >= passes + 2
                ),
                timeout=30,
            )
        finally:
            service.send_signal(signal.SIGTERM)
            code = service.wait(30)
            log.close()
    output = (tmp_path / "run.log").read_text(errors="replace")
    assert moved, output[-3000:]
    assert code == 0, output[-3000:]
    assert "session_followed" in output
    events = [
        json.loads(line) for line in cli(db, config, "log", "--format", "jsonl").stdout.splitlines()
    ]
    corrected = [e for e in events if e["event"] == "Corrected"]
    assert [(e["data"]["field"], e["data"]["value"]) for e in corrected] == [
        ("deadline.D1.due", "2015-04-20")
    ]
    reason = corrected[0]["data"]["reason"]
    assert "nächste Sitzung von Ausschuss für Verkehr am 20.04.2015" in reason

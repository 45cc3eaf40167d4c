"""The board commands through ``cli.app`` on both backends: overdue, due, stats, calendar,
rebuild and the board section of ``show``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import Invoke

MITTE = "BVV Mitte von Berlin"


def add(run: Invoke, reference: str, due: str, *extra: str) -> None:
    code, _, err = run(
        "add",
        reference,
        "--body",
        MITTE,
        "--title",
        "Poststadion",
        "--state",
        "BE",
        "--decided",
        "2014-02-20",
        "--addressee",
        "Bezirksamt",
        "--office",
        "Abt. Stadtentwicklung",
        "--due",
        due,
        *extra,
        now="2014-02-21T10:00",
    )
    assert code == 0, err


def test_acceptance_1263_iv_is_overdue_on_5_january_2015_and_not_as_of_june(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")

    code, out, _ = run("overdue", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "tracker.board/1"
    assert doc["total"] == 1
    (item,) = doc["items"]
    assert (item["reference"], item["kind"], item["due"], item["status"]) == (
        "1263/IV",
        "completion",
        "2014-12-18",
        "overdue",
    )
    assert item["days_overdue"] == 18

    code, out, _ = run("overdue", "--format", "json", "--as-of", "2014-06-01")
    assert code == 0
    assert json.loads(out)["items"] == []
    code, out, _ = run("overdue", "--format", "json", "--as-of", "1990-01-01")
    assert (code, json.loads(out)["total"]) == (0, 0)


def test_table_lists_most_overdue_first_with_the_total(run: Invoke) -> None:
    add(run, "2/IV", "2014-12-18")
    add(run, "1/IV", "2014-11-18")

    code, out, _ = run("overdue", "--limit", "1")

    assert code == 0
    lines = out.splitlines()
    assert lines[2].split()[:2] == ["1/IV", "Abt."]
    assert "+48" in lines[2]
    assert lines[-1] == "1-1 of 2"
    code, out, _ = run("overdue", "--limit", "1", "--offset", "1", "--format", "json")
    doc = json.loads(out)
    assert ([i["reference"] for i in doc["items"]], doc["total"], doc["offset"]) == (
        ["2/IV"],
        2,
        1,
    )


def test_csv_neutralises_formula_cells(run: Invoke) -> None:
    code, _, err = run(
        "add",
        "3/IV",
        "--body",
        MITTE,
        "--title",
        '=HYPERLINK("http://x","klick")',
        "--decided",
        "2014-02-20",
        "--office",
        "@Amt",
        "--due",
        "2014-12-18",
    )
    assert code == 0, err

    code, out, _ = run("overdue", "--format", "csv")

    assert code == 0
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["title"] == '\'=HYPERLINK("http://x","klick")'
    assert row["office"] == "'@Amt"
    assert row["due"] == "2014-12-18"


def test_unknown_filter_is_bad_input_with_close_matches(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")

    code, out, err = run("overdue", "--office", "Abt. Stadtentwiklung")

    assert code == 2
    assert out == ""
    assert err.strip() == (
        "tracker: error: unknown --office 'Abt. Stadtentwiklung'; "
        "did you mean 'Abt. Stadtentwicklung'?"
    )


def test_due_within_and_filters(run: Invoke) -> None:
    add(run, "1/IV", "2015-01-09")
    add(run, "2/IV", "2015-02-20")

    code, out, _ = run("due", "--within", "7", "--format", "json", "--kind", "completion")

    doc = json.loads(out)
    assert code == 0
    assert [(i["reference"], i["status"], i["days_until_due"]) for i in doc["items"]] == [
        ("1/IV", "due_soon", 4)
    ]
    assert doc["within_days"] == 7


def test_stats_json(run: Invoke) -> None:
    add(run, "1/IV", "2014-12-18")
    add(run, "2/IV", "2014-06-30")
    assert run("complete", "2/IV", "--date", "2014-07-04")[0] == 0
    assert run("close", "2/IV", "--by", "BVV", "--on", "2014-09-11")[0] == 0

    code, out, _ = run("stats", "--format", "json")

    assert code == 0
    (office,) = json.loads(out)["by_office"]
    assert office == {
        "office": "Abt. Stadtentwicklung",
        "open": 1,
        "overdue": 1,
        "met_on_time": 0,
        "met_late": 1,
        "median_days_late": 4,
    }


def test_show_includes_the_board_view(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")

    code, out, _ = run("show", "1263/IV", "--format", "json")
    assert code == 0
    (row,) = json.loads(out)["board"]
    assert (row["obligation_id"], row["status"], row["days_overdue"]) == ("D1", "overdue", 18)

    code, out, _ = run("show", "1263/IV")
    assert code == 0
    board = out.split("board:\n", 1)[1].splitlines()
    assert board[2].split() == ["D1", "completion", "2014-12-18", "overdue", "+18"]


def test_calendar_feed_has_stable_uids_and_the_clock_as_dtstamp(
    run: Invoke, tmp_path: Path
) -> None:
    from icalendar import Calendar

    add(run, "1263/IV", "2014-12-20")  # a Saturday: due on Monday 22nd

    code, out, _ = run("calendar", "--office", "Abt. Stadtentwicklung")
    assert code == 0
    (event,) = Calendar.from_ical(out).walk("VEVENT")
    assert event["DTSTART"].dt.isoformat() == "2014-12-22"
    assert event["DTEND"].dt.isoformat() == "2014-12-23"
    assert event["DTSTAMP"].dt.isoformat() == "2015-01-05T08:00:00+00:00"
    assert str(event["SUMMARY"]).startswith("1263/IV: Erledigung")

    target = tmp_path / "mitte.ics"
    code, _, _ = run("calendar", "--output", str(target), now="2015-02-01T09:00")
    assert code == 0
    (again,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert again["UID"] == event["UID"]
    assert again["DTSTAMP"].dt.isoformat() == "2015-02-01T08:00:00+00:00"


def test_rebuild(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    assert run("overdue")[0] == 0

    code, out, _ = run("rebuild", "board")
    assert (code, out) == (0, "rebuilt board from 4 event(s)\n")
    code, _, err = run("rebuild", "boards")
    assert code == 2
    assert "no read model 'boards'; known: board" in err
    code, out, _ = run("overdue", "--format", "json")
    assert json.loads(out)["total"] == 1
    listed = json.loads(out)["items"]

    # Split over two processes (SQLite; one process on PostgreSQL): the same board.
    add(run, "1264/IV", "2015-06-30")
    code, out, _ = run("rebuild", "--workers", "2")
    assert (code, out) == (0, "rebuilt all read models from 8 event(s)\n")
    code, out, _ = run("overdue", "--format", "json")
    assert json.loads(out)["items"] == listed
    code, out, _ = run("due", "--within", "365", "--format", "json")
    assert [item["reference"] for item in json.loads(out)["items"]] == ["1264/IV"]
    code, _, err = run("rebuild", "--workers", "0")
    assert code == 2
    assert "--workers" in err


def test_bad_as_of_and_limit_are_usage_errors(run: Invoke) -> None:
    code, _, err = run("overdue", "--as-of", "2014-02-30")
    assert code == 2
    assert "--as-of" in err
    assert run("overdue", "--limit", "0")[0] == 2


#: Modules a listing on a current board does not need (docs/decisions/0010).
HEAVY = ("structlog", "pydantic", "eventsourcing", "events.motion", "tracker.motion")


def test_a_listing_on_a_current_board_imports_only_what_it_needs(tmp_path: Path) -> None:
    """The whole `tracker overdue` has a 0.5 s budget, interpreter start-up included.

    structlog (with rich) loads only to log; pydantic came with typer 0.29's coercion; the
    log's event classes (and eventsourcing) only when the board is behind the log.
    """
    repo = Path(__file__).resolve().parents[2]
    store = tmp_path / "store"
    probe = (
        "import sys, cli\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')\n"
    )

    def loaded(*args: str) -> set[str]:
        done = subprocess.run(
            [sys.executable, "-c", probe, "--db", str(store), "--log-level", "info", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        )
        last = done.stdout.strip().splitlines()[-1]
        return set() if last == "none" else set(last.split(","))

    # ingesting decodes and logs: all of them but pydantic
    assert loaded("ingest", str(repo / "examples")) == set(HEAVY) - {"pydantic"}
    # (ingest itself looks up answers waiting for each new motion on a caught-up board;
    # a motion added by hand leaves the board behind)
    loaded("add", "9/IX", "--body", "B", "--title", "t", "--due", "2026-02-01")
    assert "structlog" in loaded("overdue")  # catches the board up (logs that)
    assert loaded("--now", "2026-01-01T09:00", "overdue") == set()  # current: none

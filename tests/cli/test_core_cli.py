"""The event-log commands through the real CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def run(db: str, *args: str, now: str = "2014-03-01T09:00") -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, "--now", now, *args])
    return result.exit_code, result.stdout, result.stderr


ADD = [
    "add",
    "1263/IV",
    "--body",
    "BVV Mitte von Berlin",
    "--title",
    "Bezirkliche Integrationskonferenz",
    "--kind",
    "Antrag",
    "--state",
    "BE",
    "--decided",
    "20.02.2014",
    "--addressee",
    "Bezirksamt",
    "--due",
    "2014-12-18",
]


def test_add_then_show_as_json(db_url: str) -> None:
    code, out, _ = run(db_url, *ADD)
    assert code == 0 and "4 event(s) recorded, deadline D1" in out
    code, out, _ = run(db_url, "show", "1263/IV", "--format", "json")
    assert code == 0
    view = json.loads(out)
    assert view["reference"] == "1263/IV" and view["state"] == "BE"
    assert view["deadlines"][0]["id"] == "D1" and view["deadlines"][0]["due"] == "2014-12-18"
    assert view["decision"]["outcome"] == "adopted"
    assert view["history"][0]["event"] == "Registered"
    assert view["history"][0]["recorded"].startswith("2014-03-01T08:00")


def test_adding_twice_records_nothing_the_second_time(db_url: str) -> None:
    run(db_url, *ADD)
    code, out, _ = run(db_url, *ADD)
    assert code == 0 and "0 event(s) recorded" in out


def test_show_as_table(db_url: str) -> None:
    run(db_url, *ADD)
    code, out, _ = run(db_url, "show", "1263/IV")
    assert code == 0
    assert "Bezirkliche Integrationskonferenz" in out and "Erledigungsfrist: 18.12.2014" in out


def test_extend_report_complete_appear_in_history(db_url: str) -> None:
    run(db_url, *ADD)
    code, out, err = run(
        db_url,
        "deadline",
        "extend",
        "1263/IV",
        "D1",
        "--to",
        "31.03.2015",
        "--reason",
        "Raum nicht verfügbar",
        "--effective",
        "2014-12-01",
    )
    assert code == 0, err
    code, _, err = run(db_url, "report", "1263/IV", "--date", "2015-02-01", "--document", "1500/IV")
    assert code == 0, err
    code, out, err = run(
        db_url, "complete", "1263/IV", "--date", "2015-03-20", "--note", "fand statt"
    )
    assert code == 0 and "reported done on 2015-03-20" in out, err
    code, out, err = run(
        db_url, "close", "1263/IV", "--by", "BVV", "--on", "2015-04-16", now="2015-05-01T09:00"
    )
    assert (code, out) == (0, "1263/IV: closed on 2015-04-16 by BVV\n"), err
    view = json.loads(run(db_url, "show", "1263/IV", "--format", "json")[1])
    d1 = view["deadlines"][0]
    assert d1["due"] == "2015-03-31" and d1["original_due"] == "2014-12-18"
    assert d1["met_on"] == "2015-03-20"  # when the office reported it done
    assert [h["event"] for h in view["history"]][-4:] == [
        "DeadlineExtended",
        "ReportSubmitted",
        "DoneReported",
        "ClosureConfirmed",
    ]
    assert view["completion_note"] == "fand statt"


def test_log_jsonl_prints_valid_lines_in_order(db_url: str) -> None:
    run(db_url, *ADD)
    code, out, _ = run(db_url, "log", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["position"] for r in rows] == sorted(r["position"] for r in rows)
    assert [r["event"] for r in rows] == [
        "Registered",
        "DecisionRecorded",
        "AddresseeAssigned",
        "DeadlineSet",
    ]
    assert rows[3]["effective"] == "2014-02-20" and rows[3]["data"]["due"] == "2014-12-18"
    code, out, _ = run(db_url, "log")
    assert code == 0 and "DeadlineSet" in out


def test_withdraw_and_correct(db_url: str) -> None:
    run(db_url, *ADD)
    code, _, err = run(
        db_url, "correct", "1263/IV", "deadline.D1.due", "19.12.2014", "--reason", "x"
    )
    assert code == 0, err
    code, _, err = run(db_url, "withdraw", "1263/IV", "--reason", "erledigt sich")
    assert code == 0, err
    view = json.loads(run(db_url, "show", "1263/IV", "--format", "json")[1])
    assert view["deadlines"][0]["due"] == "2014-12-19" and view["withdrawn_on"] == "2014-03-01"


# -- error paths: one line, the right exit code, nothing written -------------------------


def assert_one_line_error(code: int, err: str, expected_code: int, fragment: str) -> None:
    assert code == expected_code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tracker: error:"), err
    assert fragment in lines[0]
    assert "Traceback" not in err


def log_length(db: str) -> int:
    return len(run(db, "log", "--format", "jsonl")[1].splitlines())


def test_unknown_reference(db_url: str) -> None:
    code, _, err = run(db_url, "show", "9999/IV")
    assert_one_line_error(code, err, 1, "no motion with reference '9999/IV'")


def test_malformed_date_writes_nothing(db_url: str) -> None:
    code, _, err = run(db_url, *ADD[:-1], "31.02.2024")
    assert_one_line_error(code, err, 2, "'31.02.2024' is not a valid date")
    assert log_length(db_url) == 0


def test_unknown_deadline_id(db_url: str) -> None:
    run(db_url, *ADD)
    code, _, err = run(
        db_url, "deadline", "extend", "1263/IV", "D9", "--to", "2015-01-01", "--reason", "x"
    )
    assert_one_line_error(code, err, 1, "no deadline 'D9'")
    assert log_length(db_url) == 4


def test_extension_of_a_completed_motion(db_url: str) -> None:
    run(db_url, *ADD)
    run(db_url, "complete", "1263/IV", "--date", "2014-11-01")
    run(db_url, "close", "1263/IV", "--by", "BVV", "--on", "2014-11-20", now="2014-12-01T09:00")
    code, _, err = run(
        db_url, "deadline", "extend", "1263/IV", "D1", "--to", "2015-01-01", "--reason", "x"
    )
    assert_one_line_error(code, err, 1, "was closed on 2014-11-20 by BVV")


def test_due_date_before_the_decision(db_url: str) -> None:
    code, _, err = run(db_url, *ADD[:-1], "2014-01-01")
    assert_one_line_error(code, err, 1, "before the decision")
    assert log_length(db_url) == 0


def test_unknown_outcome_is_bad_input(db_url: str) -> None:
    code, _, err = run(db_url, *ADD, "--outcome", "gewonnen")
    assert_one_line_error(code, err, 2, "--outcome 'gewonnen' is not one of")


def test_unknown_state_is_bad_input(db_url: str) -> None:
    code, _, err = run(db_url, *[a if a != "BE" else "XX" for a in ADD])
    assert_one_line_error(code, err, 2, "unknown Bundesland")


def test_bad_now_is_bad_input(db_url: str) -> None:
    code, _, err = run(db_url, "log", now="gestern")
    assert_one_line_error(code, err, 2, "not an ISO date-time")


def test_a_db_path_that_is_another_kind_of_file(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a database\n")
    code, _, err = run(str(other), "log")
    assert_one_line_error(code, err, 2, "not an SQLite database")
    assert other.read_text() == "not a database\n"


@pytest.mark.parametrize(
    "command",
    [
        ["log"],
        ["overdue"],
        ["due"],
        ["stats"],
        ["stats", "--format", "json"],
        ["calendar"],
        ["rebuild"],
        ["show", "1263/IV", "--body", "BVV Mitte von Berlin"],
        ["reminders"],
        ["notify", "--dry-run"],
        ["audit", "head"],
        ["audit", "verify"],
        ["add", "1/IV", "--body", "B", "--title", "T", "--state", "BE", "--decided", "2014-02-20"],
        ["sync", "http://127.0.0.1:9/oparl"],
    ],
)
def test_a_postgres_url_that_does_not_answer_is_one_line_for_every_command(
    command: list[str],
) -> None:
    code, _, err = run("postgresql://postgres@127.0.0.1:9/test", *command)
    assert_one_line_error(
        code, err, 1, "cannot open the store postgresql://postgres@127.0.0.1:9/test"
    )


@pytest.mark.parametrize("url", ["htp:/bad", "not a url", "http://", "http://[::1", "http://h:x/"])
def test_a_malformed_sync_url_is_bad_input_and_not_retried(tmp_path: Path, url: str) -> None:
    code, _, err = run(str(tmp_path / "db"), "sync", url)
    assert_one_line_error(code, err, 2, f"SYSTEM_URL {url!r}")


def test_usage_errors_exit_with_two(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "d"), "add", "1/I"])
    assert result.exit_code == 2
    assert "Missing option" in result.stderr


def test_the_default_store_is_created_on_first_use(tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(
            app, ["add", "1/I", "--body", "Rat", "--title", "T"], env={"TRACKER_DB": ""}
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "tracker-data" / "tracker.sqlite").is_file()


@pytest.mark.parametrize("args", [["--help"], ["deadline", "--help"]])
def test_help_is_available(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 0


def test_a_command_opens_the_store_once(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The board, the reminders and the audit seal share the command's one connection
    (the event log keeps the library's own)."""
    import events.store
    import tracker.audit

    run(db_url, *ADD, "--office", "Abt. Soziales")
    opened: list[str] = []
    real = events.store.connect

    def counting(location: events.store.StoreLocation) -> events.store.Database:
        opened.append(location.display)
        return real(location)

    monkeypatch.setattr(events.store, "connect", counting)
    monkeypatch.setattr(tracker.audit, "connect", counting)
    code, _, err = run(db_url, "show", "1263/IV")  # board, reminders, then the seal
    assert code == 0, err
    assert len(opened) == 1
    opened.clear()
    code, _, err = run(db_url, "complete", "1263/IV")  # a write: the seal extends the chain
    assert code == 0, err
    assert len(opened) <= 1


def test_the_store_comes_from_tracker_db(tmp_path: Path) -> None:
    store = tmp_path / "from-env"
    result = runner.invoke(app, [*ADD[:4], "--title", "T"], env={"TRACKER_DB": str(store)})
    assert result.exit_code == 0, result.stderr
    assert (store / "tracker.sqlite").is_file()

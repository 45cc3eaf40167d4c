"""``tracker notify``, ``tracker reminders`` and the deadline commands around them, through
the real CLI on SQLite and PostgreSQL, with a real SMTP server on loopback."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from tests.integration.notifiers.smtp import SmtpServer

runner = CliRunner()

CONFIG = """
[reminders]
sender = "fristen@bvv.example"
fallback = "fristen@bvv.example"
backoff_seconds = 0.01

[reminders.office]
"Abt. Soziales" = "soziales@mitte.example"
"""


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "tracker.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return str(path)


def run(
    db: str, config: str, now: str, *args: str, smtp: str | None = None
) -> tuple[int, str, str]:
    env = {"TRACKER_SMTP_URL": smtp} if smtp else {"TRACKER_SMTP_URL": ""}
    result = runner.invoke(app, ["--db", db, "--now", now, "--config", config, *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def add(db: str, config: str, reference: str, due: str, title: str = "Spielplatz") -> None:
    code, _, err = run(
        db, config, "2014-03-01T09:00", "add", reference, "--body", "BVV Mitte von Berlin",
        "--title", title, "--state", "BE", "--decided", "2014-02-20",
        "--office", "Abt. Soziales", "--due", due,
    )  # fmt: skip
    assert code == 0, err


def test_notify_dry_run_shows_without_sending_then_notify_sends_once(
    db_url: str, config: str, smtp: SmtpServer
) -> None:
    add(db_url, config, "1263/IV", "2014-12-18", title='=HYPERLINK("x")')
    now = "2014-12-04T08:30"
    code, out, _ = run(db_url, config, now, "notify", "--dry-run")
    assert code == 0
    assert "would send: email to soziales@mitte.example: Fristen-Erinnerung: 1 Vorgang" in out
    assert "  1263/IV D1 before-14\n" in out and not smtp.received
    code, out, err = run(db_url, config, now, "notify", "--format", "json", smtp=smtp.url)
    assert code == 0, err
    sent = json.loads(out)
    assert sent["counts"]["sent"] == 1 and sent["messages"][0]["status"] == "sent"
    assert len(smtp.received) == 1
    code, out, _ = run(db_url, config, now, "notify", smtp=smtp.url)
    assert code == 0 and out.strip() == "nothing due" and len(smtp.received) == 1


def test_reminders_lists_planned_and_sent_in_json_and_csv(
    db_url: str, config: str, smtp: SmtpServer
) -> None:
    add(db_url, config, "1263/IV", "2014-12-18", title='=HYPERLINK("x")')
    run(db_url, config, "2014-12-04T08:30", "notify", smtp=smtp.url)
    code, out, _ = run(db_url, config, "2014-12-04T09:00", "reminders", "--format", "json")
    assert code == 0
    data = json.loads(out)
    stages = {r["stage"]: r["status"] for r in data["reminders"]}
    assert stages == {
        "before-14": "sent",
        "before-3": "planned",
        "due": "planned",
        "overdue-7": "planned",
    }
    assert data["total"] == 4
    code, out, _ = run(
        db_url, config, "2014-12-04T09:00", "reminders", "--format", "csv", "--status", "sent"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["stage"] for r in rows] == ["before-14"]
    assert rows[0]["title"].startswith("'=")  # neutralised for spreadsheets


def test_an_extended_deadline_retires_the_reminders_for_the_old_date(
    db_url: str, config: str, smtp: SmtpServer
) -> None:
    add(db_url, config, "1263/IV", "2014-12-18")
    code, out, _ = run(db_url, config, "2014-12-01T09:00", "reminders", "--status", "planned")
    assert code == 0 and "4 reminder(s)" in out
    code, _, err = run(
        db_url, config, "2014-12-10T10:00", "deadline", "extend", "1263/IV", "D1",
        "--to", "2015-03-31", "--reason", "Fristverlängerung",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(db_url, config, "2014-12-18T09:00", "notify", smtp=smtp.url)
    assert code == 0 and not smtp.received
    code, out, _ = run(db_url, config, "2014-12-18T09:00", "reminders", "--format", "json")
    statuses = {(r["nominal_due"], r["stage"]): r["status"] for r in json.loads(out)["reminders"]}
    assert statuses[("2014-12-18", "due")] == "retired"
    assert statuses[("2015-03-31", "before-14")] == "planned"


def test_notify_without_an_smtp_url_is_a_configuration_error(db_url: str, config: str) -> None:
    add(db_url, config, "1263/IV", "2014-12-18")
    code, out, err = run(db_url, config, "2014-12-18T09:00", "notify")
    assert code == 2 and "TRACKER_SMTP_URL is not set" in err
    code, out, err = run(db_url, config, "2014-12-18T09:00", "notify", "--dry-run")
    assert code == 0 and "would send" in out


def test_a_bad_reminders_section_is_a_clear_error(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[reminders]\nbefore = [14, -3]\n", encoding="utf-8")
    code, _, err = run(db_url, str(path), "2014-12-18T09:00", "reminders")
    assert code == 2 and "[reminders] before" in err


def test_an_unknown_status_filter_is_bad_input(db_url: str, config: str) -> None:
    code, _, err = run(db_url, config, "2014-12-18T09:00", "reminders", "--status", "lost")
    assert code == 2 and "--status lost: not a reminder status" in err


def test_a_permanent_failure_shows_in_show_and_stats(
    db_url: str, config: str, smtp: SmtpServer
) -> None:
    add(db_url, config, "1263/IV", "2014-12-18")
    smtp.handler.replies = ["554 5.7.1 Rejected"]
    code, _, err = run(db_url, config, "2014-12-04T08:30", "notify", smtp=smtp.url)
    assert code == 0, err
    code, out, err = run(db_url, config, "2014-12-04T09:00", "show", "1263/IV")
    assert code == 0, err
    assert "reminder to soziales@mitte.example failed for good (before-14, D1): " in out
    code, out, _ = run(db_url, config, "2014-12-04T09:00", "show", "1263/IV", "--format", "json")
    failed = [r for r in json.loads(out)["reminders"] if r["status"] == "failed"]
    assert len(failed) == 1 and "554" in failed[0]["error"]
    code, out, _ = run(db_url, config, "2014-12-04T09:00", "stats", "--format", "json")
    assert json.loads(out)["reminders"]["failed"] == 1


def test_rebuild_rebuilds_every_read_model_the_reminders_included(db_url: str, config: str) -> None:
    add(db_url, config, "1263/IV", "2014-12-18")
    now = "2014-12-04T08:30"
    code, before, _ = run(db_url, config, now, "reminders", "--format", "json")
    assert code == 0 and json.loads(before)

    code, out, err = run(db_url, config, now, "rebuild", "reminders")
    assert (code, out) == (0, "rebuilt reminders from 4 event(s)\n"), err
    assert run(db_url, config, now, "reminders", "--format", "json")[1] == before

    code, out, _ = run(db_url, config, now, "rebuild")
    assert (code, out) == (0, "rebuilt all read models from 4 event(s)\n")
    assert run(db_url, config, now, "reminders", "--format", "json")[1] == before

    code, _, err = run(db_url, config, now, "rebuild", "calendar")
    assert code == 2
    assert "no read model 'calendar'; known: board, reminders" in err


def test_a_wrong_smtp_password_exits_1_keeps_the_reminder_and_retry_requeues_it(
    db_url: str, config: str
) -> None:
    smtp = SmtpServer(password="richtig")
    smtp.start()
    try:
        add(db_url, config, "1263/IV", "2014-12-18")
        now = "2014-12-04T08:30"
        code, out, err = run(db_url, config, now, "notify", smtp=smtp.url_with("falsch"))
        assert code == 1
        assert '"event": "reminder_channel_unavailable", "level": "error"' in err
        assert err.strip().splitlines()[-1:] == [
            f"tracker: error: email: smtp://tracker@127.0.0.1:{smtp.port}?starttls=off: "
            "authentication failed (535); check the user and password of TRACKER_SMTP_URL "
            "(reminders kept pending; fix it and run again)"
        ]
        code, out, _ = run(db_url, config, now, "reminders", "retry")
        assert out == "requeued 1 pending and 0 failed reminder(s)\n"
        code, out, _ = run(
            db_url, config, now, "notify", "--format", "json", smtp=smtp.url_with("falsch")
        )
        assert code == 1 and json.loads(out)["counts"]["failed_transient"] == 1
        assert "authentication failed" in json.loads(out)["unavailable"]["email"]
        code, out, _ = run(db_url, config, now, "stats", "--format", "json")
        assert json.loads(out)["reminders"]["retrying"] == 1
        assert json.loads(out)["reminders"]["failed"] == 0
        code, out, _ = run(db_url, config, now, "notify", smtp=smtp.url_with("falsch"))
        assert code == 0 and out == "retrying 1\n"  # nothing due, but not forgotten
        code, out, err = run(db_url, config, now, "reminders", "retry", "--failed")
        assert code == 0, err
        assert out == "requeued 1 pending and 0 failed reminder(s)\n"
        code, out, err = run(db_url, config, now, "notify", smtp=smtp.url_with("richtig"))
        assert code == 0, err
        assert [len(m.keys) for m in smtp.received] == [1]
    finally:
        smtp.stop()

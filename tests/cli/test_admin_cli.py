"""An administrator's first hour (issue 16): CSV for a German Excel, tables that fit the
terminal, motions named by their reference, ingest's warnings, one ``--format`` vocabulary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cli
from tests.cli.conftest import Invoke
from tests.integration.notifiers.smtp import SmtpServer

ROOT = Path(__file__).resolve().parents[2]
MITTE = "BVV Mitte von Berlin"
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
LONG_TITLE = (
    "Konzept für die Integrationskonferenz mit allen Trägern, Vereinen und Beiräten des "
    "Bezirks im Rathaus Tiergarten"
)


def add(run: Invoke, reference: str, due: str, *extra: str, title: str = LONG_TITLE) -> None:
    code, _, err = run(
        "add", reference, "--body", MITTE, "--title", title, "--state", "BE",
        "--decided", "20.02.2014", "--office", "Abt. Soziales", "--due", due, *extra,
        now="2014-02-21T10:00",
    )  # fmt: skip
    assert code == 0, err


# -- CSV for a German Excel -----------------------------------------------------------------


def test_excel_csv_has_semicolons_a_bom_german_dates_and_decimal_commas(
    run: Invoke, db_url: str
) -> None:
    add(run, "1/IV", "18.12.2014")
    add(run, "2/IV", "18.12.2014")
    add(run, "3/IV", "18.12.2014")
    assert run("complete", "1/IV", "--deadline", "D1", "--date", "19.12.2014")[0] == 0  # 1 late
    assert run("complete", "2/IV", "--deadline", "D1", "--date", "20.12.2014")[0] == 0  # 2 late

    result = CliRunner().invoke(
        cli.app, ["--db", db_url, "--now", "2015-01-05T09:00", "overdue", "--format", "csv",
                  "--excel"],
    )  # fmt: skip
    assert result.exit_code == 0
    out = result.stdout_bytes.decode("utf-8")
    assert out.startswith("\ufeffid;motion_id;reference;title;")
    lines = out.split("\r\n")
    assert lines[-1] == "" and "\n" not in out.replace("\r\n", "")
    (cells,) = [line.split(";") for line in lines if ";3/IV;" in line]
    assert "3/IV" in cells and "18.12.2014" in cells and "20.02.2014" in cells
    assert "2014-12-18" not in out

    code, out, _ = run("stats", "--format", "csv", "--excel")
    assert code == 0
    assert out.startswith("\ufeffgroup;name;open;overdue;met_on_time;met_late;median_days_late")
    assert "office;Abt. Soziales;1;1;0;2;1,5\n" in out  # (the runner shows \r\n as \n)

    # the plain form is unchanged: commas, ISO dates, a point
    code, out, _ = run("stats", "--format", "csv")
    assert "office,Abt. Soziales,1,1,0,2,1.5\n" in out and not out.startswith("\ufeff")


def test_every_listing_with_csv_takes_excel(run: Invoke) -> None:
    add(run, "1263/IV", "18.12.2014")
    for listing in (["due", "--within", "400"], ["reminders"], ["review"]):
        code, out, err = run(*listing, "--format", "csv", "--excel")
        assert code == 0, err
        assert out.startswith("\ufeff") and ";" in out.splitlines()[0], listing
    code, _, err = run("overdue", "--excel")
    assert code == 2 and "--excel needs --format csv" in err


# -- tables fit the terminal, references instead of ids -------------------------------------


def test_tables_fit_the_terminal_and_shorten_titles(
    run: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(run, "1263/IV", "18.12.2014")
    for columns in (80, 100):
        monkeypatch.setenv("COLUMNS", str(columns))
        for command in (["overdue"], ["reminders"], ["show", "1263/IV"], ["stats"], ["log"]):
            code, out, err = run(*command)
            assert code == 0, err
            too_wide = [line for line in out.splitlines() if len(line) > columns]
            assert not too_wide, (command, columns, too_wide)
        code, out, _ = run("overdue")
        assert "Konzept für" in out and "…" in out and "Rathaus Tiergarten" not in out
    monkeypatch.setenv("COLUMNS", "200")
    assert LONG_TITLE[:47] in run("overdue")[1]


def test_log_and_notify_name_motions_by_reference_not_by_id(
    run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text('[reminders]\nfallback = "buero@bvv.example"\n', encoding="utf-8")
    monkeypatch.setenv("TRACKER_CONFIG", str(config))
    add(run, "1263/IV", "18.12.2014")
    add(run, "22-4292", "18.12.2014")

    code, out, _ = run("log")
    assert code == 0 and not UUID_RE.search(out)
    header, _, first, *_ = out.splitlines()
    assert header.split()[-1] == "reference" and first.split()[-1] == "1263/IV"
    code, out, _ = run("log", "--from", "6")  # the registration is not in view
    assert code == 0 and out.splitlines()[2].split()[-1] == "22-4292"

    code, out, err = run("notify", "--dry-run")
    assert code == 0, err
    assert not UUID_RE.search(out), out
    assert "  1263/IV D1 overdue-7\n" in out
    assert "skipped: 1263/IV D1 due: coalesced into overdue-7\n" in out


# -- ingest's warnings, one --format vocabulary ---------------------------------------------


def test_ingest_prints_its_warnings_then_counts_the_rest(tmp_path: Path) -> None:
    source = ROOT / "examples" / "musterstadt-auszug-bauausschuss-2025-0156.txt"
    # without the town's address the reader cannot tell the Bundesland: one warning each
    text = "\n".join(
        line for line in source.read_text("utf-8").splitlines() if "Musterstadt ·" not in line
    )
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(23):
        (folder / f"auszug-{n:02}.txt").write_text(text, "utf-8")
    result = CliRunner().invoke(cli.app, ["--db", str(tmp_path / "db"), "ingest", str(folder)])
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "tracker: warning:" in line]
    assert len(warnings) == 20
    assert "auszug-00.txt: Bundesland not recognised" in warnings[0]
    assert "tracker: 3 more warning(s) in 3 document(s); `tracker extract " in result.stderr
    assert "23 warning(s)" in result.stdout


def test_extract_takes_format_json_like_the_other_commands(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))
    runner = CliRunner()
    result = runner.invoke(cli.app, ["extract", *files, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert [Path(d["file"]).name for d in found] == [Path(f).name for f in files]
    lines = runner.invoke(cli.app, ["extract", *files, "--format", "jsonl"]).stdout
    assert [json.loads(line) for line in lines.splitlines()] == found
    result = runner.invoke(cli.app, ["ingest", files[0], "--dry-run", "--format", "csv"])
    assert result.exit_code == 2 and "'csv' is not one of" in result.stderr


# -- times: Berlin time, catch-up at the next send time -------------------------------------


def test_send_times_are_berlin_time_and_a_catch_up_waits_for_a_working_day(
    run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text('[reminders]\nfallback = "buero@bvv.example"\n', encoding="utf-8")
    monkeypatch.setenv("TRACKER_CONFIG", str(config))
    add(run, "1263/IV", "18.12.2014", title="Konferenz")

    code, out, _ = run("reminders", "--format", "json", now="2014-12-01T10:00")
    send_at = {r["stage"]: r["send_at"] for r in json.loads(out)["reminders"]}
    assert send_at["before-14"] == "2014-12-04T08:00:00+01:00"  # the configured 08:00
    code, out, _ = run("reminders", now="2014-12-01T10:00")
    assert "2014-12-04 08:00  planned  before-14" in out and "(Berlin time)" in out
    code, out, _ = run("show", "1263/IV", now="2014-12-01T10:00")
    assert "2014-12-04 08:00" in out and "+00:00" not in out

    # back at 01:39 on Saturday 20 December: the due stage waits for Monday 08:00
    code, out, err = run("notify", "--dry-run", now="2014-12-20T01:39")
    assert code == 0, err
    assert "would send" not in out
    assert "held: 1 late reminder(s) until the next send time on a working day, " in out
    assert "Mon 22.12.2014 08:00 Berlin time" in out
    code, out, _ = run("notify", now="2014-12-20T01:39")
    assert code == 0 and "sent:" not in out and "held 1" in out
    smtp = SmtpServer()
    smtp.start()
    try:
        monkeypatch.setenv("TRACKER_SMTP_URL", smtp.url)
        code, out, err = run("notify", now="2014-12-22T08:00")
    finally:
        smtp.stop()
    assert code == 0, err
    assert "sent: email to buero@bvv.example" in out and "  1263/IV D1 due\n" in out
    assert len(smtp.received) == 1

    # unless configured to send at once
    config.write_text(
        '[reminders]\nfallback = "buero@bvv.example"\ncatch_up = "at_once"\n', encoding="utf-8"
    )
    add(run, "22-4292", "18.12.2014", title="Spielplatz")
    code, out, _ = run("notify", "--dry-run", now="2014-12-27T01:39")
    assert "would send" in out and "held" not in out

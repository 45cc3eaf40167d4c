"""`tracker extract` and `tracker ingest` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cli import app

runner = CliRunner()
TRACKER = str(Path(sys.executable).with_name("tracker"))


def test_extracting_the_seeds_scores_one(shared_dir: Path, tmp_path: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    done = subprocess.run(
        [TRACKER, "extract", "--format", "jsonl", *map(str, seeds)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    pred = tmp_path / "pred.jsonl"
    pred.write_text(done.stdout, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_extraction.py"),
         str(shared_dir / "seeds" / "expected.jsonl"), str(pred)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert score.stdout.strip().splitlines()[-1] == "score: 1.000", score.stdout


def test_extract_prints_exactly_the_documented_keys(shared_dir: Path) -> None:
    seed = shared_dir / "seeds" / "001_962e50f64b99c14b.txt"
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(seed)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {
        "file", "reference", "title", "kind", "body", "state", "consultations", "decision",
        "addressee", "deadlines", "reports", "amounts_eur", "warnings", "key", "review",
    }  # fmt: skip
    assert data["amounts_eur"] == [20000]


def test_extract_reports_bad_files_and_exits_one(tmp_path: Path, shared_dir: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    seed = shared_dir / "seeds" / "000_dab9d3976da33e67.txt"
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(empty), str(seed)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert json.loads(result.stdout)["reference"] == "1263/IV"


def test_ingesting_the_seeds_twice_appends_no_event(shared_dir: Path, db_url: str) -> None:
    seeds = str(shared_dir / "seeds")
    first = runner.invoke(app, ["--db", db_url, "ingest", seeds])
    assert first.exit_code == 0, first.stderr
    assert "5 new motion(s)" in first.stdout
    log_before = runner.invoke(app, ["--db", db_url, "log", "--format", "jsonl"]).stdout
    second = runner.invoke(app, ["--db", db_url, "ingest", seeds, "--format", "json"])
    assert second.exit_code == 0, second.stderr
    summary = json.loads(second.stdout)
    assert summary["events"] == 0 and summary["unchanged"] == 5
    log_after = runner.invoke(app, ["--db", db_url, "log", "--format", "jsonl"]).stdout
    assert log_after == log_before and len(log_after.splitlines()) > 10


def test_ingest_dry_run_stores_nothing(shared_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "db")
    result = runner.invoke(app, ["--db", db, "ingest", "--dry-run", str(shared_dir / "seeds")])
    assert result.exit_code == 0 and "would record" in result.stdout
    assert runner.invoke(app, ["--db", db, "log", "--format", "jsonl"]).stdout == ""


def test_the_shipped_examples_ingest_cleanly(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    result = runner.invoke(app, ["--db", str(tmp_path / "db"), "ingest", str(examples)])
    assert result.exit_code == 0, result.stderr
    assert "0 failure(s)" in result.stdout


CORPUS = Path(__file__).resolve().parents[1] / "data" / "documents"
EXCERPTS = (
    "053_luebeck-bauausschuss-frist-februar-2020.txt",
    "054_anhalt-bitterfeld-bericht-im-september.txt",
)


def test_minutes_excerpts_without_numbers_are_recorded_listed_and_confirmed(
    tmp_path: Path, db_url: str
) -> None:
    folder = tmp_path / "excerpts"
    folder.mkdir()
    for name in EXCERPTS:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    ingested = runner.invoke(app, ["--db", db_url, "ingest", str(folder), "--format", "json"])
    assert ingested.exit_code == 0, ingested.stderr
    summary = json.loads(ingested.stdout)
    assert summary["motions_new"] == 2 and summary["failures"] == 0 and summary["review"] >= 3

    listed = runner.invoke(app, ["--db", db_url, "review", "--format", "json"])
    assert listed.exit_code == 0, listed.stderr
    items = json.loads(listed.stdout)
    september = [i for i in items if i["phrase"] == "im September"]
    assert len(september) == 1 and september[0]["reason"] == "undated_term"
    assert september[0]["reference"].startswith("Dokument ")
    assert {i["document"] for i in items} == set(EXCERPTS)

    key, item = september[0]["reference"], september[0]["item"]
    done = runner.invoke(app, ["--db", db_url, "confirm", key, item, "--note", "September 2019"])
    assert done.exit_code == 0, done.stderr
    again = runner.invoke(app, ["--db", db_url, "confirm", key, item])
    assert again.exit_code == 2 and "already confirmed" in again.stderr
    after = json.loads(runner.invoke(app, ["--db", db_url, "review", "--format", "json"]).stdout)
    assert len(after) == len(items) - 1

    log = runner.invoke(app, ["--db", db_url, "log", "--format", "jsonl"]).stdout.splitlines()
    resolved = [json.loads(line) for line in log if "ReviewResolved" in line]
    assert len(resolved) == 1
    assert resolved[0]["data"]["resolution"] == "confirmed"

    shown = json.loads(runner.invoke(app, ["--db", db_url, "show", key, "--format", "json"]).stdout)
    by_item = {r["item"]: r for r in shown["review"]}
    assert by_item[item]["resolution"] == "confirmed" and by_item[item]["note"] == "September 2019"
    table = runner.invoke(app, ["--db", db_url, "show", key]).stdout
    assert "open for review" in table and "im September" not in table.split("open for review")[1]

    unchanged = runner.invoke(app, ["--db", db_url, "ingest", str(folder), "--format", "json"])
    assert json.loads(unchanged.stdout)["events"] == 0  # the confirmed item is not asked again


def test_extract_reads_a_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    raw = bytes(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as out:
        out.write((CORPUS / EXCERPTS[1]).read_bytes())
    done = subprocess.run(
        [TRACKER, "extract", "--format", "jsonl", str(tmp_path)],
        capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["file"].endswith("caf\ufffd.txt")
    second = tmp_path / "zz_after.txt"
    second.write_bytes((CORPUS / EXCERPTS[0]).read_bytes())
    ingested = subprocess.run(
        [TRACKER, "--db", str(tmp_path / "db"), "ingest", "--format", "json", str(tmp_path)],
        capture_output=True, check=False,
    )  # fmt: skip
    assert ingested.returncode == 0, ingested.stderr
    summary = json.loads(ingested.stdout)
    assert summary["documents"] == 2 and summary["failures"] == 0  # the file after it too

"""Statutory defaults, vague terms and the next session through ``cli.app`` on both
backends: given a document, when ingested, then the DeadlineSet with its rule and the
listing; a moved session moves the due date."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

DATA = Path(__file__).resolve().parents[1] / "data" / "sachstand"


def events(run: Invoke, name: str) -> list[dict[str, object]]:
    _, out, _ = run("log", "--format", "jsonl")
    return [json.loads(line) for line in out.splitlines() if json.loads(line)["event"] == name]


def test_a_hamburg_auskunftsersuchen_without_a_term_gets_its_27_bezvg_due_date(
    run: Invoke,
) -> None:
    code, _, err = run("ingest", str(DATA / "hh-22-5001-auskunftsersuchen.txt"))
    assert code == 0, err

    (deadline,) = events(run, "DeadlineSet")
    data = deadline["data"]
    assert isinstance(data, dict)
    assert (data["rule"], data["due"], data["kind"]) == (
        "statute:§ 27 BezVG",
        "2024-04-18",
        "report",
    )
    assert data["phrase"] == "§ 27 BezVG: Antwort der Behörde binnen sechs Wochen"
    assert deadline["effective"] == "2024-03-07"
    provenance = data["provenance"]
    assert isinstance(provenance, dict) and provenance["name"] == "hh-22-5001-auskunftsersuchen.txt"
    code, out, _ = run("due", "--within", "60", "--as-of", "2024-03-10", "--format", "json")
    (item,) = json.loads(out)["items"]
    assert (item["reference"], item["due"], item["phrase"]) == (
        "22-5001", "2024-04-18", "§ 27 BezVG: Antwort der Behörde binnen sechs Wochen",
    )  # fmt: skip
    code, out, _ = run("show", "22-5001", "--format", "json")
    explanation = json.loads(out)["deadlines"][0]["explanation"]
    assert explanation["runs_from"] == "2024-03-07"
    assert "§ 27 BezVG" in explanation["text"]["de"]


def test_an_explicit_term_in_the_text_wins_over_the_statute(run: Invoke, tmp_path: Path) -> None:
    text = (DATA / "hh-22-5001-auskunftsersuchen.txt").read_text(encoding="utf-8")
    doc = tmp_path / "22-5002.txt"
    doc.write_text(
        text.replace("22-5001", "22-5002").replace(
            "ereignet haben.", "ereignet haben. Die Antwort wird bis zum 30.06.2024 erbeten."
        ),
        encoding="utf-8",
    )
    code, _, err = run("ingest", str(doc))
    assert code == 0, err
    rules = [e["data"]["rule"] for e in events(run, "DeadlineSet")]  # type: ignore[index]
    assert rules and not any(str(r).startswith("statute:") for r in rules)


def test_a_council_adds_its_own_statutory_rule_in_the_configuration(
    run: Invoke, tmp_path: Path
) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text(
        '[deadlines]\nbuiltin_statutes = false\n[[deadlines.statutory]]\nstatute = "§ 13 GO BVV"\n'
        'text = "Bericht binnen drei Monaten"\nbody = "Bezirksversammlung"\nmonths = 3\n',
        encoding="utf-8",
    )
    code, _, err = run(
        "--config", str(config), "ingest", str(DATA / "hh-22-5001-auskunftsersuchen.txt")
    )
    assert code == 0, err
    (deadline,) = events(run, "DeadlineSet")
    assert deadline["data"]["rule"] == "statute:§ 13 GO BVV"  # type: ignore[index]
    assert deadline["data"]["due"] == "2024-06-07"  # type: ignore[index]


def test_vague_terms_get_the_soft_period_and_the_next_session_from_the_calendar(
    run: Invoke, tmp_path: Path
) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text(
        "[deadlines]\nsoft_days = 21\n[deadlines.sessions]\n"
        '"Ausschuss für Soziales" = ["2025-02-10", "2025-03-10", "2025-04-14"]\n',
        encoding="utf-8",
    )
    code, _, err = run(
        "--config", str(config), "ingest", str(DATA / "sozial-2025-0011-vage.txt"),
        "--state", "BE", now="2025-02-20T10:00",
    )  # fmt: skip
    assert code == 0, err

    found = {e["data"]["phrase"]: e["data"] for e in events(run, "DeadlineSet")}  # type: ignore[index]
    # a bare vague word is recorded with its clause (decision 0025)
    soft = "umgehend ein Konzept vorzulegen."
    assert (found[soft]["rule"], found[soft]["due"]) == ("soft:21", "2025-03-03")  # type: ignore[index]
    anchored = found["in der nächsten Sitzung des Ausschusses"]
    assert (anchored["rule"], anchored["due"]) == ("meeting:Ausschuss für Soziales", "2025-03-10")  # type: ignore[index]
    code, out, _ = run("due", "--within", "30", "--format", "json", now="2025-02-20T10:00")
    listed = {i["phrase"]: (i["rule"], i["soft"]) for i in json.loads(out)["items"]}
    assert listed[soft] == ("soft:21", True)
    assert listed["in der nächsten Sitzung des Ausschusses"] == (
        "meeting:Ausschuss für Soziales", False,
    )  # fmt: skip
    code, out, _ = run("show", "2025/0011", "--format", "json", now="2025-02-20T10:00")
    explained = {d["phrase"]: d["explanation"] for d in json.loads(out)["deadlines"]}
    assert explained[soft]["soft"] is True
    assert "weich" in explained[soft]["text"]["de"]

    code, out, err = run(
        "--config", str(config), "sessions", "move", "--committee", "Ausschuss für Soziales",
        "--from", "2025-03-10", "--to", "2025-03-17", now="2025-02-21T10:00",
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[-1] == "1 due date(s) moved"
    (moved,) = events(run, "Corrected")
    assert moved["data"]["field"] == "deadline.D2.due"  # type: ignore[index]
    assert moved["data"]["value"] == "2025-03-17"  # type: ignore[index]
    code, out, _ = run("due", "--within", "40", "--format", "json", now="2025-02-21T10:00")
    dues = {i["phrase"]: i["due"] for i in json.loads(out)["items"]}
    assert dues["in der nächsten Sitzung des Ausschusses"] == "2025-03-17"


def test_ingesting_a_resolved_vague_term_again_appends_nothing(run: Invoke) -> None:
    doc = str(DATA / "sozial-2025-0011-vage.txt")
    code, _, err = run("ingest", doc, "--state", "BE", now="2025-02-20T10:00")
    assert code == 0, err
    code, out, err = run("ingest", doc, "--state", "BE", "--format", "json", now="2025-02-21T10:00")
    assert code == 0, err
    assert json.loads(out)["events"] == 0
    assert [e["data"]["rule"] for e in events(run, "DeadlineSet")] == ["soft:30", "event_anchor"]  # type: ignore[index]


def test_sessions_follow_moves_anchored_due_dates_when_the_calendar_changes(
    run: Invoke, tmp_path: Path
) -> None:
    config = tmp_path / "tracker.toml"
    planned = '"Ausschuss für Soziales" = ["2025-02-10", "2025-03-10", "2025-04-14"]'
    config.write_text(f"[deadlines.sessions]\n{planned}\n", encoding="utf-8")
    doc = str(DATA / "sozial-2025-0011-vage.txt")
    code, _, err = run(
        "--config", str(config), "ingest", doc, "--state", "BE", now="2025-02-20T10:00"
    )
    assert code == 0, err
    code, out, _ = run("--config", str(config), "sessions", "follow", now="2025-02-21T10:00")
    assert out == "0 due date(s) moved\n"  # the calendar as it was

    config.write_text(
        '[deadlines.sessions]\n"Ausschuss für Soziales" = ["2025-02-10", "2025-03-20"]\n',
        encoding="utf-8",
    )
    code, out, err = run("--config", str(config), "sessions", "follow", now="2025-02-22T10:00")
    assert code == 0, err
    assert out.splitlines() == ["2025/0011 D2: due 2025-03-20", "1 due date(s) moved"]
    (moved,) = events(run, "Corrected")
    assert moved["data"]["value"] == "2025-03-20"  # type: ignore[index]
    assert "nächste Sitzung von Ausschuss für Soziales am 20.03.2025" in moved["data"]["reason"]  # type: ignore[index,operator]
    code, out, _ = run("--config", str(config), "sessions", "follow", now="2025-02-23T10:00")
    assert out == "0 due date(s) moved\n"

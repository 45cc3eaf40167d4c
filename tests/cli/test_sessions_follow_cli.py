"""``tracker sessions follow`` (also what ``tracker run`` does after each sync pass) on both
backends: a term left undated gets its session once the calendar has one; a due date a
person moved is not moved back by the calendar."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

DATA = Path(__file__).resolve().parents[1] / "data" / "sachstand"
DOC = str(DATA / "sozial-2025-0011-vage.txt")


def anchored(run: Invoke, now: str) -> tuple[str | None, str]:
    code, out, err = run("show", "2025/0011", "--format", "json", now=now)
    assert code == 0, err
    (d,) = [
        d for d in json.loads(out)["deadlines"]
        if d["phrase"] == "in der nächsten Sitzung des Ausschusses"
    ]  # fmt: skip
    return d["due"], d["rule"]


def calendar(config: Path, days: str) -> str:
    config.write_text(f'[deadlines.sessions]\n"Ausschuss für Soziales" = [{days}]\n', "utf-8")
    return str(config)


def test_a_next_session_term_left_undated_gets_its_date_once_the_session_is_known(
    run: Invoke, tmp_path: Path
) -> None:
    config = calendar(tmp_path / "tracker.toml", '"2025-01-13"')  # none after the decision
    code, _, err = run("--config", config, "ingest", DOC, "--state", "BE", now="2025-02-20T10:00")
    assert code == 0, err
    assert anchored(run, "2025-02-20T10:00") == (None, "event_anchor")

    calendar(tmp_path / "tracker.toml", '"2025-01-13", "2025-03-10"')
    code, out, err = run("--config", config, "sessions", "follow", now="2025-02-24T10:00")
    assert code == 0, err
    assert out.splitlines() == ["2025/0011 D2: due 2025-03-10", "1 due date(s) moved"]
    assert anchored(run, "2025-02-24T10:00")[0] == "2025-03-10"

    calendar(tmp_path / "tracker.toml", '"2025-03-17"')  # the session moves: it follows
    code, out, _ = run("--config", config, "sessions", "follow", now="2025-02-25T10:00")
    assert out.splitlines()[-1] == "1 due date(s) moved"
    assert anchored(run, "2025-02-25T10:00")[0] == "2025-03-17"
    code, out, _ = run("--config", config, "sessions", "follow", now="2025-02-26T10:00")
    assert out == "0 due date(s) moved\n"


def test_a_due_date_a_person_moved_is_not_moved_back_by_the_calendar(
    run: Invoke, tmp_path: Path
) -> None:
    config = calendar(tmp_path / "tracker.toml", '"2025-03-10", "2025-04-14"')
    code, _, err = run("--config", config, "ingest", DOC, "--state", "BE", now="2025-02-20T10:00")
    assert code == 0, err
    assert anchored(run, "2025-02-20T10:00") == ("2025-03-10", "meeting:Ausschuss für Soziales")
    code, _, err = run(
        "--config", config, "sessions", "move", "--committee", "Ausschuss für Soziales",
        "--from", "2025-03-10", "--to", "2025-03-24", now="2025-02-21T10:00",
    )  # fmt: skip
    assert code == 0, err

    code, out, err = run("--config", config, "sessions", "follow", now="2025-02-22T10:00")
    assert code == 0, err
    assert out == "0 due date(s) moved\n"  # the calendar still says 10 March: the person wins
    assert anchored(run, "2025-02-22T10:00")[0] == "2025-03-24"

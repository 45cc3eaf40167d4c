"""``tracker audit`` and the auditor's options through the real CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from events import chain
from events.store import StoreLocation, connect, parse_location
from tests.conftest import PG_BASE, drop_pg_schema, new_pg_location, require
from tests.integration.audit.tampering import Raw

runner = CliRunner()


def run(db: str, *args: str, now: str = "2014-03-01T09:00") -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, "--now", now, *args])
    return result.exit_code, result.stdout, result.stderr


def add(db: str, reference: str = "1263/IV", due: str = "2014-12-18", office: str = "SGA") -> None:
    code, _, err = run(
        db,
        "add",
        reference,
        "--body",
        "BVV Mitte von Berlin",
        "--title",
        "Integrationskonferenz",
        "--state",
        "BE",
        "--decided",
        "20.02.2014",
        "--office",
        office,
        "--due",
        due,
    )
    assert code == 0, err


def extend(db: str, reference: str = "1263/IV", now: str = "2015-01-10T10:00") -> None:
    code, _, err = run(
        db,
        "deadline",
        "extend",
        reference,
        "D1",
        "--to",
        "2015-03-31",
        "--reason",
        "Personalmangel",
        "--effective",
        "2014-12-15",
        now=now,
    )
    assert code == 0, err


@pytest.fixture
def filled(db_url: str) -> str:
    """Two motions, one extended: 9 events."""
    add(db_url)
    add(db_url, "1264/IV", due="2015-06-30", office="Jugendamt")
    extend(db_url)
    return db_url


def test_audit_head_prints_the_position_and_chain_value_to_publish(filled: str) -> None:
    code, out, _ = run(filled, "audit", "head")
    assert code == 0
    head = chain.ChainHead.parse(out.strip())
    assert head.position == 9
    code, out, _ = run(filled, "audit", "head", "--format", "json")
    assert json.loads(out) == {"position": 9, "chain": head.hex}


def test_writing_commands_extend_the_chain_as_they_end(
    filled: str, location: StoreLocation
) -> None:
    with connect(location) as db:
        assert chain.chain_head(db).position == chain.log_head(db) == 9


def test_audit_verify_passes_on_an_untouched_log(filled: str) -> None:
    _, head, _ = run(filled, "audit", "head")
    code, out, _ = run(filled, "audit", "verify", "--expect", head.strip())
    assert code == 0
    assert out.startswith("intact: 9 event(s), head 9:")
    assert "published head" in out


@pytest.mark.parametrize(
    ("tamper", "words"),
    [
        (lambda raw: raw.edit_state(4, b"2014-12-18", b"2014-12-28"), "position 4: the stored"),
        (lambda raw: raw.delete(6), "position 6: the event chained there is missing"),
        (lambda raw: raw.swap(2, 7), "position 2: holds the event chained at position 7"),
    ],
    ids=["edited", "deleted", "swapped"],
)
def test_audit_verify_names_the_first_tampered_position_and_exits_1(
    filled: str, location: StoreLocation, tamper: object, words: str
) -> None:
    raw = Raw(location)
    try:
        tamper(raw)  # type: ignore[operator]
    finally:
        raw.close()
    code, out, err = run(filled, "audit", "verify")
    assert code == 1
    assert out == ""
    assert err.startswith("tracker: error: the log is not intact: ")
    assert words in err
    assert len(err.strip().splitlines()) == 1


def test_audit_verify_rejects_a_malformed_published_head(filled: str) -> None:
    code, _, err = run(filled, "audit", "verify", "--expect", "9:xyz")
    assert code == 2 and "--expect" in err


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The ``--db`` of a second, empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "restored")
        return
    require(request.getfixturevalue("pg_ok"), "PostgreSQL not reachable")
    location = new_pg_location()
    yield f"{PG_BASE}?schema={location.schema}"
    drop_pg_schema(location)


def test_export_to_stdout_then_import_gives_the_same_head(
    filled: str, target: str, tmp_path: Path
) -> None:
    code, exported, _ = run(filled, "audit", "export", "--format", "jsonl")
    assert code == 0
    path = tmp_path / "backup.jsonl"
    path.write_text(exported, encoding="utf-8")
    code, out, err = run(target, "audit", "import", str(path))
    assert code == 0, err
    assert out.startswith("imported 9 event(s), head 9:")
    assert run(target, "audit", "head")[1] == run(filled, "audit", "head")[1]
    assert run(target, "log", "--format", "jsonl")[1] == run(filled, "log", "--format", "jsonl")[1]


def test_export_to_a_file_then_import_refuses_a_second_time(
    filled: str, target: str, tmp_path: Path
) -> None:
    path = tmp_path / "backup.jsonl"
    assert run(filled, "audit", "export", "--output", str(path))[0] == 0
    assert run(target, "audit", "import", str(path))[0] == 0
    code, _, err = run(target, "audit", "import", str(path))
    assert code == 2 and "already holds a log" in err


def test_import_of_an_edited_export_exits_1_naming_the_line(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "backup.jsonl"
    run(filled, "audit", "export", "--output", str(path))
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:4] + lines[5:]))
    fresh = str(tmp_path / "fresh")
    code, _, err = run(fresh, "audit", "import", str(path))
    assert code == 1
    assert "line 5: position 5: the chain value does not follow" in err
    assert "nothing imported" in err
    with connect(parse_location(fresh)) as db:
        assert chain.log_head(db) == 0


# -- what was true on a date, and what the tracker knew then ----------------------------------

LATER = "2015-02-01T10:00"


def overdue_json(db: str, *args: str) -> dict[str, object]:
    code, out, err = run(db, "overdue", "--format", "json", *args, now=LATER)
    assert code == 0, err
    document: dict[str, object] = json.loads(out)
    return document


def test_as_of_and_known_at_give_different_and_correct_answers(db_url: str) -> None:
    """A deadline due 18.12.2014, set in March 2014, extended to 31.03.2015 by an event
    recorded in January 2015 but effective 15.12.2014."""
    add(db_url)  # recorded 2014-03-01
    extend(db_url, now="2015-01-10T10:00")

    # What was true on 20.12.2014, with everything known today: the extension (effective
    # 15.12.2014) had already moved the due date; nothing was overdue.
    as_of = overdue_json(db_url, "--as-of", "2014-12-20")
    assert (as_of["date"], as_of["total"], as_of["items"]) == ("2014-12-20", 0, [])

    # What the tracker showed on 20.12.2014: it did not know of the extension yet.
    known = overdue_json(db_url, "--known-at", "2014-12-20")
    assert (known["date"], known["total"]) == ("2014-12-20", 1)
    [item] = known["items"]  # type: ignore[misc]
    assert (item["reference"], item["due"], item["days_overdue"]) == ("1263/IV", "2014-12-18", 2)
    assert known["known_at"] == "2014-12-20T23:59:59.999999+01:00"
    assert known["known_events"] == 4

    # Once the extension was recorded, the tracker knew better.
    after = overdue_json(db_url, "--known-at", "2015-01-10T12:00", "--as-of", "2014-12-20")
    assert after["total"] == 0
    today = overdue_json(db_url)
    assert today["total"] == 0


def test_known_at_answers_due_and_stats_and_show(db_url: str) -> None:
    add(db_url)
    extend(db_url, now="2015-01-10T10:00")
    code, out, _ = run(
        db_url, "due", "--within", "30", "--format", "json", "--known-at", "2014-12-10", now=LATER
    )
    assert code == 0
    assert [i["due"] for i in json.loads(out)["items"]] == ["2014-12-18"]
    code, out, _ = run(db_url, "stats", "--format", "json", "--known-at", "2014-12-20", now=LATER)
    assert code == 0
    stats = json.loads(out)
    assert stats["known_at"].startswith("2014-12-20T23:59")
    assert [(g["office"], g["overdue"]) for g in stats["by_office"]] == [("SGA", 1)]
    code, out, _ = run(
        db_url, "show", "1263/IV", "--format", "json", "--known-at", "2014-12-20", now=LATER
    )
    assert code == 0
    view = json.loads(out)
    assert view["deadlines"][0]["due"] == "2014-12-18"
    assert [h["event"] for h in view["history"]][-1] == "DeadlineSet"
    assert view["board"][0]["status"] == "overdue"


def test_known_at_never_touches_the_live_read_models(db_url: str, location: StoreLocation) -> None:
    add(db_url)
    code, out, _ = run(db_url, "overdue", "--known-at", "2015-01-01", now=LATER)
    assert code == 0 and "1263/IV" in out
    with connect(location) as db:
        if location.backend == "sqlite":
            found = db.query("SELECT name FROM sqlite_master WHERE substr(name, 1, 5) = 'board'")
        else:
            found = db.query(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = ? AND substr(table_name, 1, 5) = 'board'",
                (location.schema,),
            )
    assert found == []


def test_known_at_in_the_future_is_refused_clearly(db_url: str) -> None:
    add(db_url)
    code, out, err = run(db_url, "overdue", "--known-at", "2015-03-01", now=LATER)
    assert (code, out) == (2, "")
    assert "--known-at 2015-03-01: lies in the future (now is 2015-02-01 10:00 CET)" in err


def test_known_at_today_means_up_to_now(db_url: str) -> None:
    add(db_url)
    known = overdue_json(db_url, "--known-at", "2015-02-01")
    assert known["known_at"] == "2015-02-01T10:00:00+01:00"
    assert known["total"] == 1


def test_known_at_before_the_first_event_is_an_empty_board_with_a_note(db_url: str) -> None:
    add(db_url)
    code, out, err = run(db_url, "overdue", "--known-at", "2013-01-01T12:00", now=LATER)
    assert code == 0
    assert out.endswith("(none)\n")
    assert "note: nothing had been recorded by 2013-01-01 12:00" in err
    assert "first event was recorded 2014-03-01 09:00" in err
    code, _, err = run(db_url, "show", "1263/IV", "--known-at", "2013-01-01", now=LATER)
    assert code == 1
    assert "1263/IV was not known yet at 2013-01-01 23:59" in err


def test_known_at_on_an_empty_log_says_so(db_url: str) -> None:
    code, out, err = run(db_url, "overdue", "--known-at", "2014-01-01", now=LATER)
    assert code == 0 and "(none)" in out and "note: the log is empty" in err


def test_show_history_lists_both_times_provenance_and_what_was_replaced(db_url: str) -> None:
    add(db_url)
    extend(db_url, now="2015-01-10T10:00")
    code, out, _ = run(
        db_url,
        "correct",
        "1263/IV",
        "office",
        "Stadtentwicklungsamt",
        "--reason",
        "Zuständigkeit",
        now="2015-01-12T09:00",
    )
    assert code == 0
    code, out, _ = run(db_url, "show", "1263/IV", "--history", "--format", "json", now=LATER)
    assert code == 0
    history = json.loads(out)["history"]
    assert [h["event"] for h in history] == [
        "Registered",
        "DecisionRecorded",
        "AddresseeAssigned",
        "DeadlineSet",
        "DeadlineExtended",
        "Corrected",
    ]
    extension = history[4]
    assert (extension["effective"], extension["recorded"]) == (
        "2014-12-15",
        "2015-01-10T09:00:00+00:00",
    )
    assert extension["replaced"] == "D1 due 2014-12-18 -> 2015-03-31 (Personalmangel)"
    assert history[5]["replaced"] == "office: 'SGA' -> 'Stadtentwicklungsamt' (Zuständigkeit)"
    assert history[0]["provenance"].startswith("user: ")
    assert history[0]["replaced"] is None
    code, out, _ = run(db_url, "show", "1263/IV", "--history", now=LATER)
    assert code == 0
    assert "provenance" in out and "D1 due 2014-12-18 -> 2015-03-31 (Personalmangel)" in out


def test_export_import_gives_the_same_overdue_listing(
    filled: str, target: str, tmp_path: Path
) -> None:
    path = tmp_path / "backup.jsonl"
    assert run(filled, "audit", "export", "--output", str(path))[0] == 0
    assert run(target, "audit", "import", str(path))[0] == 0
    listings = (
        ["overdue"],
        ["overdue", "--format", "json"],
        ["overdue", "--known-at", "2014-12-20"],
    )
    for args in listings:
        source = run(filled, *args, now=LATER)
        restored = run(target, *args, now=LATER)
        assert source[0] == restored[0] == 0
        assert source[1] == restored[1]
    assert "1263/IV" in run(target, "overdue", "--known-at", "2014-12-20", now=LATER)[1]


def test_reminders_known_at_shows_the_plan_before_the_extension_was_recorded(db_url: str) -> None:
    add(db_url)
    extend(db_url, now="2015-01-10T10:00")
    code, out, err = run(db_url, "reminders", "--format", "json", now=LATER)
    assert code == 0, err
    live = json.loads(out)["reminders"]
    code, out, err = run(
        db_url, "reminders", "--format", "json", "--known-at", "2014-12-20", now=LATER
    )
    assert code == 0, err
    known = json.loads(out)["reminders"]
    assert {r["due"] for r in known} == {"2014-12-18"}
    assert {r["status"] for r in known} == {"planned"}
    assert {(r["due"], r["status"]) for r in live} == {
        ("2014-12-18", "retired"),
        ("2015-03-31", "planned"),
    }
    code, _, err = run(
        db_url, "reminders", "--known-at", "2014-12-20", "--status", "bogus", now=LATER
    )
    assert code == 2 and "not a reminder status" in err

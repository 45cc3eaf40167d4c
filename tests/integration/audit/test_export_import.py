"""Export and import: a backup and a migration path between SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from events import chain
from events.store import StoreLocation, connect, parse_location
from tests.conftest import drop_pg_schema, new_pg_location, require
from tracker import audit
from tracker.errors import InputError, IntegrityViolation
from tracker.service import TrackerService, open_log


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreLocation]:
    """A second, empty store to import into, on each backend."""
    if request.param == "sqlite":
        yield parse_location(str(tmp_path / "restored"))
        return
    require(request.getfixturevalue("pg_ok"), "PostgreSQL not reachable")
    location = new_pg_location()
    yield location
    drop_pg_schema(location)


@pytest.fixture
def fresh(tmp_path: Path) -> StoreLocation:
    """An empty SQLite store beside the test's ``location``."""
    return parse_location(str(tmp_path / "fresh"))


def export_file(location: StoreLocation, path: Path) -> Path:
    audit.export_to_file(location, path)
    return path


def log_of(location: StoreLocation) -> list[tuple[int, str, int, str, bytes]]:
    with connect(location) as db:
        return [
            (e.position, str(e.originator_id), e.version, e.topic, e.state)
            for e in chain.read_raw(db)
        ]


def is_empty(location: StoreLocation) -> bool:
    with connect(location) as db:
        return chain.log_head(db) == 0 and chain.chain_head(db) == chain.EMPTY_HEAD


def test_export_then_import_restores_the_same_log_and_head(
    filled: TrackerService, location: StoreLocation, target: StoreLocation, tmp_path: Path
) -> None:
    head = audit.head(location)
    path = export_file(location, tmp_path / "log.jsonl")
    restored = audit.restore(target, path)
    assert (restored.events, restored.head) == (18, head)
    assert audit.head(target) == head
    assert audit.verify(target, head).events == 18
    assert log_of(target) == log_of(location)


def test_the_restored_log_reads_as_the_same_motions_and_takes_new_events(
    filled: TrackerService, location: StoreLocation, target: StoreLocation, tmp_path: Path
) -> None:
    audit.restore(target, export_file(location, tmp_path / "log.jsonl"))
    app = open_log(target)
    try:
        service = TrackerService(app, filled.clock, "restorer")
        motion = service.find("1/IV")
        assert motion.deadlines["D1"].due.isoformat() == "2015-03-31"
        assert service.find("2/IV").title == "Antrag zwei"
        service.register(body="Rat", reference="NEU-1", title="Nach dem Import")
        assert service.head() == 19  # the position sequence continues after the import
    finally:
        app.close()
    assert audit.verify(target).head.position == 19


def test_an_export_carries_chain_values_and_provenance(
    filled: TrackerService, location: StoreLocation, tmp_path: Path
) -> None:
    lines = export_file(location, tmp_path / "log.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["format"] == "tracker-audit-export"
    events = [json.loads(line) for line in lines[1:-1]]
    assert [e["position"] for e in events] == list(range(1, 19))
    assert events[0]["provenance"] == {
        "kind": "user",
        "name": "tester",
        "sha256": None,
        "detail": None,
    }
    extension = next(e for e in events if e["event"] == "DeadlineExtended")
    assert extension["effective"] == "2014-12-15"
    assert extension["data"]["previous_due"] == "2014-12-18"
    assert events[-1]["chain"] == audit.head(location).hex
    assert json.loads(lines[-1]) == {"end": True, "events": 18, "head": str(audit.head(location))}


def rewrite(path: Path, change: str) -> Path:
    """A damaged copy of an export."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if change == "truncated":
        lines = lines[:10]
    elif change == "cut-mid-line":
        lines = [*lines[:10], lines[10][:40]]
    elif change == "reordered":
        lines[5], lines[6] = lines[6], lines[5]
    elif change == "dropped":
        del lines[7]
    elif change == "edited-state":
        line = json.loads(lines[8])
        line["data"]["due"] = "2015-12-18"
        lines[8] = json.dumps(line) + "\n"
    elif change == "edited-readable":
        line = json.loads(lines[4])
        line["provenance"]["name"] = "somebody else"
        lines[4] = json.dumps(line) + "\n"
    elif change == "appended":
        lines.insert(-1, lines[-2])
    damaged = path.with_name(f"{change}.jsonl")
    damaged.write_text("".join(lines), encoding="utf-8")
    return damaged


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        ("truncated", 11, "without its closing line (truncated)"),
        ("cut-mid-line", 11, "not valid JSON"),
        ("reordered", 6, "position 6: the chain value does not follow"),
        ("dropped", 8, "position 8: the chain value does not follow"),
        ("edited-state", 9, "readable fields disagree"),
        ("edited-readable", 5, "readable fields disagree"),
        ("appended", 20, "position 18 does not follow position 18"),
    ],
)
def test_a_damaged_export_is_refused_naming_the_first_bad_line_and_nothing_is_imported(
    filled: TrackerService,
    location: StoreLocation,
    fresh: StoreLocation,
    tmp_path: Path,
    change: str,
    line: int,
    words: str,
) -> None:
    damaged = rewrite(export_file(location, tmp_path / "log.jsonl"), change)
    with pytest.raises(IntegrityViolation) as caught:
        audit.restore(fresh, damaged)
    message = str(caught.value)
    assert f"line {line}: " in message
    assert words in message
    assert "nothing imported" in message
    assert is_empty(fresh)


def test_an_edited_state_with_a_forged_chain_value_is_refused_by_the_readable_fields(
    filled: TrackerService,
    location: StoreLocation,
    fresh: StoreLocation,
    tmp_path: Path,
) -> None:
    """Even with the state bytes changed consistently, the chain of later lines breaks."""
    import base64

    path = export_file(location, tmp_path / "log.jsonl")
    lines = path.read_text().splitlines(keepends=True)
    line = json.loads(lines[8])
    state = base64.b64decode(line["state"]).replace(b"2014-12-18", b"2015-12-18")
    line["state"] = base64.b64encode(state).decode()
    line["data"]["due"] = "2015-12-18"
    lines[8] = json.dumps(line) + "\n"
    path.write_text("".join(lines))
    with pytest.raises(IntegrityViolation, match="line 9: position 8: the chain value"):
        audit.restore(fresh, path)
    assert is_empty(fresh)


def test_import_refuses_a_store_that_already_holds_a_log(
    filled: TrackerService, location: StoreLocation, tmp_path: Path
) -> None:
    path = export_file(location, tmp_path / "log.jsonl")
    with pytest.raises(InputError, match="already holds a log"):
        audit.restore(location, path)
    assert audit.verify(location).events == 18


def test_import_checks_a_published_head(
    filled: TrackerService, location: StoreLocation, target: StoreLocation, tmp_path: Path
) -> None:
    published = audit.head(location)
    filled.register(body="Rat", reference="X-9", title="Später")
    path = export_file(location, tmp_path / "log.jsonl")
    assert audit.restore(target, path, published).head.position == 19
    forged = chain.ChainHead(18, bytes(32))
    other = parse_location(str(tmp_path / "other"))
    with pytest.raises(IntegrityViolation, match="published head"):
        audit.restore(other, path, forged)
    assert is_empty(other)


def test_a_file_that_is_no_export_is_bad_input(fresh: StoreLocation, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Sitzung am 5.1.2015\n")
    with pytest.raises(InputError, match="line 1: not a tracker export"):
        audit.restore(fresh, path)
    with pytest.raises(InputError, match="cannot read"):
        audit.restore(fresh, tmp_path / "missing.jsonl")


def test_an_empty_log_exports_and_imports(
    location: StoreLocation, target: StoreLocation, tmp_path: Path
) -> None:
    path = export_file(location, tmp_path / "empty.jsonl")
    restored = audit.restore(target, path)
    assert (restored.events, restored.head) == (0, chain.EMPTY_HEAD)
    assert audit.head(target) == chain.EMPTY_HEAD


def test_export_stops_at_a_tampered_event_and_leaves_no_file(
    filled: TrackerService, location: StoreLocation, tmp_path: Path
) -> None:
    from tests.integration.audit.tampering import Raw

    audit.seal(location)
    raw = Raw(location)
    try:
        raw.edit_state(3, b"Amt 1", b"Amt X")
    finally:
        raw.close()
    with pytest.raises(IntegrityViolation, match="position 3"):
        audit.export_to_file(location, tmp_path / "log.jsonl")
    assert list(tmp_path.glob("log.jsonl*")) == []

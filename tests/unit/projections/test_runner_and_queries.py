"""The runner's contract with any projection, statuses and settings, on in-memory SQLite."""

from __future__ import annotations

import gc
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from events.log import LogEntry
from events.motion import DeadlineSet, Registered
from events.store import Cursor, Database, StoreLocation
from events.values import DeadlineKind, Provenance
from projections.board import BoardProjection
from projections.queries import BoardQueries, Filters, Page, status_of
from projections.runner import (
    CATCH_UP_GC_THRESHOLD,
    Index,
    Runner,
    UnknownProjection,
    project,
)
from projections.service import BoardSettings
from tracker.errors import ConfigurationError, InputError

AT = datetime(2014, 3, 1, 9, 0, tzinfo=UTC)
WHO = Provenance.user("tester")


def memory() -> Database:
    return Database(StoreLocation("sqlite", path=Path(":memory:")), sqlite3.connect(":memory:"))


def motion(n: int, due: date, state: str = "BE") -> list[DeadlineSet | Registered]:
    mid = uuid.uuid5(uuid.NAMESPACE_URL, str(n))
    registered = Registered(
        originator_id=mid,
        originator_version=1,
        timestamp=AT,
        originator_topic="tracker.motion:Motion",
        effective=date(2014, 2, 20),
        provenance=WHO,
        body="BVV Mitte von Berlin",
        reference=f"{n}/IV",
        title=f"Antrag {n}",
        kind="Antrag",
        state=state,
        initiators=[],
    )
    deadline = DeadlineSet(
        originator_id=mid,
        originator_version=2,
        timestamp=AT,
        effective=date(2014, 2, 20),
        provenance=WHO,
        deadline_id="D1",
        kind=DeadlineKind.COMPLETION,
        due=due,
        window_start=None,
        phrase="bis",
        rule="manual",
    )
    return [registered, deadline]


def entries(*motions: list[DeadlineSet | Registered]) -> list[LogEntry]:
    events = [e for m in motions for e in m]
    return [LogEntry(i, e) for i, e in enumerate(events, start=1)]


INDEXED = "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'seen_twice'"


class Recording:
    """A projection that records the batches it is given and may fail on one position."""

    name = "recording"
    version = "1"
    query_indexes = (Index("seen_twice", "seen", "(position)"),)

    def __init__(self, fail_at: int | None = None) -> None:
        self.batches: list[list[int]] = []
        self.fail_at = fail_at
        self.indexed: list[bool] = []  # whether the query index existed at each batch
        self.begun: list[bool] = []  # what each catch-up was told about the index

    def create(self, cur: Cursor, prefix: str) -> None:
        cur.execute(f"CREATE TABLE IF NOT EXISTS {prefix}seen (position INTEGER PRIMARY KEY)")

    def drop(self, cur: Cursor, prefix: str) -> None:
        cur.execute(f"DROP TABLE IF EXISTS {prefix}seen")

    def begin_catch_up(self, cur: Cursor, prefix: str, *, indexed: bool) -> None:
        self.begun.append(indexed)

    def apply(self, cur: Cursor, batch: Sequence[LogEntry], prefix: str) -> None:
        self.indexed.append(bool(cur.execute(INDEXED).fetchall()))
        positions = [e.position for e in batch]
        cur.executemany(f"INSERT INTO {prefix}seen VALUES (?)", [(p,) for p in positions])
        if self.fail_at in positions:
            raise RuntimeError("boom")
        self.batches.append(positions)


def test_runner_applies_batches_and_saves_the_position_with_them() -> None:
    db = memory()
    recording = Recording()
    feed = entries(*(motion(n, date(2014, 6, 2)) for n in range(5)))

    assert Runner(db, None, [recording]).catch_up(batch_size=4, entries=feed) == 10

    assert recording.batches == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]
    assert db.query("SELECT position FROM projection_positions") == [(10,)]
    # Feeding the same entries again applies nothing.
    assert Runner(db, None, [recording]).catch_up(entries=feed) == 0


def test_query_indexes_are_built_after_catching_up_from_scratch() -> None:
    db = memory()
    feed = entries(*(motion(n, date(2014, 6, 2)) for n in range(5)))
    first = Recording()

    Runner(db, None, [first]).catch_up(batch_size=4, entries=feed)

    assert first.indexed == [False, False, False]
    assert first.begun == [False]
    assert db.query(INDEXED) == [(1,)]
    # Caught up: the next catch-up finds the index in place and keeps maintaining it.
    more = [*feed, LogEntry(11, motion(9, date(2014, 6, 2))[0])]
    assert Runner(db, None, [first]).catch_up(entries=more) == 1
    assert first.indexed[-1] is True
    assert first.begun == [False, True]


def test_a_runner_builds_query_indexes_an_interrupted_rebuild_left_missing() -> None:
    db = memory()
    feed = entries(*(motion(n, date(2014, 6, 2)) for n in range(5)))
    with pytest.raises(RuntimeError, match="boom"):  # killed while building from scratch
        Runner(db, None, [Recording(fail_at=6)]).catch_up(batch_size=4, entries=feed)
    assert db.query(INDEXED) == []

    resumed = Recording()
    assert Runner(db, None, [resumed]).catch_up(batch_size=4, entries=feed) == 6

    assert resumed.indexed == [False, False]
    assert resumed.begun == [False]
    assert db.query(INDEXED) == [(1,)]
    # Nothing left to apply: a later runner finds the index in place and leaves it.
    later = Recording()
    assert Runner(db, None, [later]).catch_up(entries=feed) == 0
    assert db.query(INDEXED) == [(1,)]


def test_given_entries_are_not_applied_over_a_reset_position() -> None:
    db = memory()
    feed = entries(*(motion(n, date(2014, 6, 2)) for n in range(5)))

    def feed_with_a_rebuild_after_the_first_batch() -> Iterator[LogEntry]:
        for entry in feed:
            if entry.position == 5:  # batch 1-4 is committed; another process resets
                with db.transaction() as cur:
                    cur.execute("DELETE FROM seen")
                    cur.execute("UPDATE projection_positions SET position = 0")
            yield entry

    with pytest.raises(RuntimeError, match="reset"):
        Runner(db, None, [Recording()]).catch_up(
            batch_size=4, entries=feed_with_a_rebuild_after_the_first_batch()
        )

    # Events 5-10 were not written on top of an empty model (1-4 would be lost).
    assert db.query("SELECT position FROM projection_positions") == [(0,)]
    assert db.query("SELECT COUNT(*) FROM seen") == [(0,)]


def test_a_failing_batch_leaves_neither_rows_nor_position() -> None:
    db = memory()
    feed = entries(*(motion(n, date(2014, 6, 2)) for n in range(5)))

    with pytest.raises(RuntimeError, match="boom"):
        Runner(db, None, [Recording(fail_at=6)]).catch_up(batch_size=4, entries=feed)

    assert db.query("SELECT position FROM projection_positions") == [(4,)]
    assert db.query("SELECT COUNT(*) FROM seen") == [(4,)]
    retry = Recording()
    assert Runner(db, None, [retry]).catch_up(batch_size=4, entries=feed) == 6
    assert retry.batches == [[5, 6, 7, 8], [9, 10]]


class Thresholds(Recording):
    """Records the garbage collector's thresholds while each batch is applied."""

    def __init__(self, fail_at: int | None = None) -> None:
        super().__init__(fail_at)
        self.seen: list[tuple[int, int, int]] = []

    def apply(self, cur: Cursor, batch: Sequence[LogEntry], prefix: str) -> None:
        self.seen.append(gc.get_threshold())
        super().apply(cur, batch, prefix)


def test_catching_up_collects_garbage_less_often_and_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    feed = entries(*(motion(n, date(2014, 6, 2)) for n in range(3)))
    try:
        gc.set_threshold(700, 9, 8)
        projection = Thresholds()
        Runner(memory(), None, [projection]).catch_up(batch_size=2, entries=feed)
        assert projection.seen == [(CATCH_UP_GC_THRESHOLD, 9, 8)] * 3
        assert gc.get_threshold() == (700, 9, 8)

        failing = Thresholds(fail_at=3)
        with pytest.raises(RuntimeError, match="boom"):
            Runner(memory(), None, [failing]).catch_up(batch_size=2, entries=feed)
        assert gc.get_threshold() == (700, 9, 8)
        assert gc.isenabled()
    finally:
        gc.set_threshold(*before)


def test_rebuild_of_an_unknown_projection_names_the_known_ones() -> None:
    with pytest.raises(UnknownProjection, match="no read model 'x'; known: recording"):
        Runner(memory(), None, [Recording()]).rebuild("x")


def test_a_runner_without_a_log_needs_entries() -> None:
    with pytest.raises(ValueError, match="pass entries"):
        Runner(memory(), None, [Recording()]).catch_up()


def test_board_in_memory_from_events_and_bgb_193() -> None:
    db = memory()
    # 2014-04-21 is Easter Monday: due on Tuesday in Berlin.
    project(db, [BoardProjection()], entries(motion(1, date(2014, 4, 21))))

    (item,) = BoardQueries(db).overdue(today=date(2014, 4, 23)).items

    assert (item["nominal_due"], item["due"], item["days_overdue"]) == (
        "2014-04-21",
        "2014-04-22",
        1,
    )
    assert BoardQueries(db).overdue(today=date(2014, 4, 22)).total == 0


@pytest.mark.parametrize(
    ("due", "met", "withdrawn", "day", "as_of", "expected"),
    [
        ("2014-12-18", None, None, date(2014, 12, 18), False, ("due_soon", None, None, 0)),
        ("2014-12-18", None, None, date(2014, 12, 19), False, ("overdue", 1, None, None)),
        ("2014-12-18", None, None, date(2014, 12, 3), False, ("upcoming", None, None, 15)),
        ("2014-12-18", "2014-12-18", None, date(2015, 1, 1), False, ("met", None, None, None)),
        ("2014-12-18", "2014-12-20", None, date(2015, 1, 1), False, ("met_late", None, 2, None)),
        ("2014-12-18", "2014-12-20", None, date(2014, 12, 19), True, ("overdue", 1, None, None)),
        (
            "2014-12-18",
            None,
            "2014-12-01",
            date(2015, 1, 1),
            False,
            ("withdrawn", None, None, None),
        ),
        (None, None, None, date(2015, 1, 1), False, ("undated", None, None, None)),
    ],
)
def test_status_is_derived_from_the_day_asked_about(
    due: str | None,
    met: str | None,
    withdrawn: str | None,
    day: date,
    as_of: bool,
    expected: tuple[object, ...],
) -> None:
    s = status_of(due, met, withdrawn, day, due_soon_days=14, as_of=as_of)
    assert (s["status"], s["days_overdue"], s["days_late"], s["days_until_due"]) == expected


def test_board_settings_are_checked() -> None:
    assert BoardSettings.from_section({}) == BoardSettings(14, 6)
    assert BoardSettings.from_section({"regular_cadence_months": 3}).regular_cadence_months == 3
    with pytest.raises(ConfigurationError, match="unknown setting"):
        BoardSettings.from_section({"regular_cadence": 3})
    with pytest.raises(ConfigurationError, match="regular_cadence_months"):
        BoardSettings.from_section({"regular_cadence_months": 0})


def test_page_limits_are_checked() -> None:
    db = memory()
    project(db, [BoardProjection()], [])
    with pytest.raises(InputError, match="--limit"):
        BoardQueries(db).overdue(today=date(2015, 1, 1), limit=0)
    with pytest.raises(InputError, match="--offset"):
        BoardQueries(db).overdue(today=date(2015, 1, 1), offset=-1)


def test_csv_of_a_page_neutralises_formulas() -> None:
    from console.render.board import render_page

    item = dict.fromkeys(("id", "reference", "title", "office", "due", "status", "kind"), "x")
    item |= {"title": "=1+2", "office": "-Amt", "reference": "+49"}
    page = Page("overdue", date(2015, 1, 1), None, Filters(), 1, 50, 0, [item])

    lines = render_page(page, "csv").splitlines()

    assert lines[0].startswith("id,motion_id,reference,title")
    assert "'+49,'=1+2" in lines[1]
    assert "'-Amt" in lines[1]

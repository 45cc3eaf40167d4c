"""The runner killed mid-batch (a real subprocess, SIGKILL) resumes without double-counting."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import events.log
from events.log import LogEntry, read_log
from events.store import Database, StoreLocation, connect
from projections.board import QUERY_INDEXES, BoardProjection
from projections.runner import Runner, project
from tests.integration.projections.conftest import Board

HELPER = Path(__file__).with_name("runner_helper.py")
REPO = Path(__file__).resolve().parents[3]


def board_tables(db: Database) -> dict[str, list[tuple[object, ...]]]:
    p = db.table_prefix
    return {
        "rows": sorted(db.query(f"SELECT * FROM {p}board_rows"), key=repr),
        "motions": sorted(db.query(f"SELECT * FROM {p}board_motions"), key=repr),
        "counts": sorted(db.query(f"SELECT * FROM {p}board_counts WHERE n <> 0"), key=repr),
        "values": sorted(db.query(f"SELECT * FROM {p}board_values"), key=repr),
    }


def query_indexes(db: Database) -> set[str]:
    names = [ix.name for ix in QUERY_INDEXES]
    marks = ", ".join(f"'{n}'" for n in names)
    if db.backend == "postgres":
        schema = db.location.schema or "public"
        found = db.query(
            f"SELECT indexname FROM pg_indexes WHERE schemaname = ? AND indexname IN ({marks})",
            (schema,),
        )
    else:
        found = db.query(f"SELECT name FROM sqlite_master WHERE name IN ({marks})")
    return {str(row[0]) for row in found}


def test_sigkill_mid_batch_then_resume_equals_a_rebuild(board: Board, db_url: str) -> None:
    for n in range(1, 41):
        mid = board.add(f"{n}/IV", date(2014, 5, 1 + n % 28), office=f"Abt. {n % 3}")
        if n % 4 == 0:
            board.service.extend_deadline(
                mid, "D1", new_due=date(2014, 9, 30), reason="", effective=date(2014, 6, 1)
            )
        if n % 5 == 0:
            board.service.complete(mid, on=date(2014, 7, 1), deadline_id=None, note=None)
    head = board.service.head()
    assert head > 150

    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), db_url, "25", "30"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    timer = threading.Timer(60, proc.kill)  # never hang the suite
    timer.start()
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().split() == ["applying", "1", "25"]
        # Batch 1 is committed once batch 2 starts; batch 2 then sleeps inside its transaction.
        assert proc.stdout.readline().split() == ["applying", "26", "50"]
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        timer.cancel()
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    # Only the committed batch is there: rows and position together, nothing of batch 2.
    # The query indexes, built only once a build from scratch has caught up, are missing.
    assert board.runner.positions() == {"board": 25}
    assert query_indexes(board.db) == set()
    assert board.runner.catch_up(batch_size=40) == head - 25
    assert query_indexes(board.db) == {ix.name for ix in QUERY_INDEXES}

    memory = Database(StoreLocation("sqlite", path=Path(":memory:")), sqlite3.connect(":memory:"))
    app = board.service.app
    project(memory, [BoardProjection()], read_log(app.recorder, app.mapper), batch_size=1000)
    resumed = board_tables(board.db)
    assert resumed == board_tables(memory)
    assert len(resumed["rows"]) > 40
    assert board.runner.rebuild() == head
    assert board_tables(board.db) == resumed


def test_postgres_runner_is_woken_by_a_new_event(board: Board) -> None:
    if board.db.backend != "postgres":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; SQLite pulls")
    board.runner.catch_up()
    board.runner._listen()
    board.add("1/IV", date(2014, 5, 2))
    # The channel is the database's, shared by every schema: other suites writing to the
    # same PostgreSQL wake the runner too. So no "not woken before" check, and each wait
    # until the new events are seen must end by a notification, not by its timeout.
    applied = 0
    while applied == 0:
        assert board.runner.wait(30) is True
        applied = board.runner.catch_up()
    assert applied == 4


def test_follow_catches_up_until_stopped(board: Board) -> None:
    board.add("1/IV", date(2014, 5, 2))
    rounds: list[int] = []

    def stop() -> bool:
        rounds.append(board.runner.positions()["board"])
        if len(rounds) == 1:
            board.add("2/IV", date(2014, 5, 2))
        return len(rounds) >= 2

    board.runner.follow(stop, poll_interval=0.05)

    assert rounds == [4, 8]


def test_a_catch_up_that_sees_a_rebuild_begin_starts_again_from_its_position(
    board: Board, location: StoreLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(1, 11):
        board.add(f"{n}/IV", date(2014, 5, n), office=f"Abt. {n % 3}")
    head = board.service.head()
    other = connect(location)
    rebuilding = Runner(other, board.service.app, [BoardProjection()])
    rebuilding.setup()
    real_read_log = events.log.read_log
    resets: list[int] = []

    def read_log_with_a_rebuild(*args: Any, **kwargs: Any) -> Iterator[LogEntry]:
        for entry in real_read_log(*args, **kwargs):
            if entry.position == 9 and not resets:
                # Batch 1-8 is committed; another process begins `tracker rebuild` and,
                # like a killed one, gets no further than dropping the board.
                with other.transaction() as cur:
                    board_projection = rebuilding.projections[0]
                    board_projection.drop(cur, other.table_prefix)
                    board_projection.create(cur, other.table_prefix)
                    cur.execute(f"UPDATE {other.table_prefix}projection_positions SET position = 0")
                resets.append(entry.position)
            yield entry

    monkeypatch.setattr(events.log, "read_log", read_log_with_a_rebuild)
    try:
        board.runner.catch_up(batch_size=8)
    finally:
        other.close()

    assert resets == [9]
    assert board.runner.positions() == {"board": head}
    memory = Database(StoreLocation("sqlite", path=Path(":memory:")), sqlite3.connect(":memory:"))
    app = board.service.app
    project(memory, [BoardProjection()], real_read_log(app.recorder, app.mapper))
    assert board_tables(board.db) == board_tables(memory)

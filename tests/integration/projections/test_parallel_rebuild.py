"""A rebuild split over worker processes builds the same read model as one process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from events.log import read_log
from events.store import StoreLocation, connect, memory_database
from events.values import Recurrence
from projections.board import QUERY_INDEXES, BoardProjection
from projections.parallel import BUILDING, part_path
from projections.runner import Runner, project
from tests.integration.projections.conftest import Board
from tests.integration.projections.parallel_helper import FailsInWorkers
from tests.integration.projections.test_runner_crash import board_tables, query_indexes

HELPER = Path(__file__).with_name("parallel_helper.py")
REPO = Path(__file__).resolve().parents[3]


def record_a_council_year(board: Board) -> None:
    """Motions, then their later facts in another order, as a real log holds them."""
    motions = []
    for n in range(1, 31):
        mid = board.add(
            f"{n}/IV",
            date(2014, 5, 1 + n % 28),
            office=f"Abt. {n % 4}",
            committee=f"Ausschuss {n % 3}",
            state=("BE", "SN", "NW")[n % 3],
        )
        motions.append(mid)
        if n % 6 == 0:
            board.service.set_report_obligation(
                mid,
                recipient="BVV",
                recurrence=Recurrence.HALF_YEARLY,
                first_due=date(2014, 12, 31),
                phrase="halbjährlich",
                effective=date(2014, 3, 1),
            )
    for n, mid in reversed(list(enumerate(motions, start=1))):
        if n % 4 == 0:
            board.service.extend_deadline(
                mid, "D1", new_due=date(2014, 9, 30), reason="", effective=date(2014, 6, 1)
            )
        if n % 5 == 0:
            board.service.complete(mid, on=date(2014, 7, 1), deadline_id=None, note=None)
        if n == 7:
            board.service.withdraw(mid, on=date(2014, 8, 1), reason="zurückgezogen")


def one_process_board(board: Board) -> dict[str, list[tuple[object, ...]]]:
    memory = memory_database()
    app = board.service.app
    project(memory, [BoardProjection()], read_log(app.recorder, app.mapper))
    return board_tables(memory)


def sqlite_only(location: StoreLocation) -> Path:
    if location.backend != "sqlite" or location.path is None:
        pytest.skip("the parallel rebuild splits SQLite files; PostgreSQL builds in one process")
    return location.path


@pytest.mark.parametrize("workers", [2, 3])
def test_a_parallel_rebuild_equals_one_process(
    board: Board, location: StoreLocation, workers: int
) -> None:
    path = sqlite_only(location)
    record_a_council_year(board)
    head = board.service.head()
    expected = one_process_board(board)

    assert board.runner.rebuild(workers=workers) == head

    assert board_tables(board.db) == expected
    assert board.runner.positions() == {"board": head}
    assert query_indexes(board.db) == {ix.name for ix in QUERY_INDEXES}
    assert not list(path.parent.glob(f"{path.name}.rebuild-*"))
    # Facts recorded after the rebuild are applied on top, as after any rebuild.
    mid = board.add("31/IV", date(2015, 1, 5))
    board.service.complete(mid, on=date(2015, 1, 2), deadline_id=None, note=None)
    assert board.runner.catch_up() == 5
    assert board_tables(board.db) == one_process_board(board)


def test_postgres_rebuilds_in_one_process_when_asked_for_workers(
    board: Board, location: StoreLocation
) -> None:
    if location.backend != "postgres":
        pytest.skip("PostgreSQL's fallback")
    record_a_council_year(board)
    assert board.runner.rebuild(workers=2) == board.service.head()
    assert board_tables(board.db) == one_process_board(board)


def test_a_worker_that_dies_leaves_its_part_to_the_caller(
    board: Board, location: StoreLocation, capfd: pytest.CaptureFixture[str]
) -> None:
    sqlite_only(location)
    record_a_council_year(board)
    runner = Runner(board.db, board.service.app, [FailsInWorkers()])

    assert runner.rebuild(workers=2) == board.service.head()

    output = "".join(capfd.readouterr())
    assert "this worker fails (test)" in output and "projection_part_failed" in output
    assert board_tables(board.db) == one_process_board(board)


def test_a_killed_parallel_rebuild_is_started_over_by_the_next_runner(
    board: Board, location: StoreLocation, db_url: str
) -> None:
    path = sqlite_only(location)
    record_a_council_year(board)
    board.runner.catch_up()
    before = board_tables(board.db)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), db_url, "2"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its workers too
    )
    timer = threading.Timer(60, lambda: os.killpg(proc.pid, signal.SIGKILL))
    timer.start()
    try:
        assert proc.stdout is not None
        # Log lines come first; then both parts are built and the merge is about to begin.
        assert "merging" in (line.strip() for line in iter(proc.stdout.readline, ""))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        timer.cancel()
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    # The tables were dropped for the build and the version says it did not finish.
    assert board_tables(board.db)["rows"] == []
    version = board.db.query("SELECT version FROM projection_positions WHERE name = 'board'")
    assert version[0][0] == BoardProjection().version + BUILDING
    assert part_path(path, 0).exists() and part_path(path, 1).exists()

    # The next runner (any command) drops the half-built board and builds it again.
    db = connect(location)
    try:
        runner = Runner(db, board.service.app, [BoardProjection()])
        assert runner.catch_up() == board.service.head()
        assert board_tables(db) == before == one_process_board(board)
        assert runner.positions() == {"board": board.service.head()}
    finally:
        db.close()
    assert not list(path.parent.glob(f"{path.name}.rebuild-*"))

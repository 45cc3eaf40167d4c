"""A rebuild split over worker processes builds the same read model as one process."""

from __future__ import annotations

import glob
import os
import re
import select
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import projections.parallel
import projections.runner
from events.log import read_log
from events.store import Database, StoreLocation, memory_database
from events.values import Recurrence
from projections.board import QUERY_INDEXES, BoardProjection
from projections.parallel import ParallelBuild, Plan, part_entries
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


#: The parallel rebuild splits SQLite files; on PostgreSQL a rebuild stays in one process.
SQLITE = pytest.mark.parametrize("location", ["sqlite"], indirect=True)
POSTGRES = pytest.mark.parametrize("location", ["postgres"], indirect=True)


def sqlite_only(location: StoreLocation) -> Path:
    assert location.backend == "sqlite" and location.path is not None
    return location.path


@SQLITE
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


def parallel_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of parts of each parallel build from now on (a spy on build_parts)."""
    parts: list[int] = []
    real = projections.parallel.build_parts

    def build_parts(db: Database, chosen: Any, plan: Plan, *args: Any) -> tuple[int, bool]:
        parts.append(len(plan.ranges))
        return real(db, chosen, plan, *args)

    monkeypatch.setattr(projections.parallel, "build_parts", build_parts)
    return parts


@SQLITE
def test_a_first_catch_up_builds_in_parallel_and_later_ones_apply_in_place(
    board: Board, location: StoreLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_only(location)
    record_a_council_year(board)
    runner = Runner(
        board.db, board.service.app, [BoardProjection()], workers=2, builder=ParallelBuild()
    )
    builds = parallel_builds(monkeypatch)

    assert runner.catch_up() == board.service.head()

    assert builds == [2]
    assert board_tables(board.db) == one_process_board(board)
    assert query_indexes(board.db) == {ix.name for ix in QUERY_INDEXES}
    mid = board.add("31/IV", date(2015, 1, 5))
    assert runner.catch_up() == 4
    board.service.complete(mid, on=date(2015, 1, 2), deadline_id=None, note=None)
    assert runner.catch_up() == 1
    assert builds == [2]  # in place, in this process
    assert board_tables(board.db) == one_process_board(board)


@SQLITE
def test_a_rebuild_asked_for_one_worker_stays_in_one_process(
    board: Board, location: StoreLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_a_council_year(board)
    runner = Runner(
        board.db, board.service.app, [BoardProjection()], workers=2, builder=ParallelBuild()
    )
    builds = parallel_builds(monkeypatch)

    assert runner.rebuild(workers=1) == board.service.head()

    assert builds == []
    assert board_tables(board.db) == one_process_board(board)


@SQLITE
def test_an_empty_log_starts_no_workers(
    board: Board, location: StoreLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_only(location)
    runner = Runner(
        board.db, board.service.app, [BoardProjection()], workers=2, builder=ParallelBuild()
    )
    builds = parallel_builds(monkeypatch)
    assert runner.catch_up() == 0
    assert runner.catch_up() == 0
    assert builds == []
    board.add("1/IV", date(2015, 1, 5))
    assert runner.catch_up() == 4
    assert builds == [2]


@POSTGRES
def test_postgres_rebuilds_in_one_process_when_asked_for_workers(
    board: Board, location: StoreLocation
) -> None:
    record_a_council_year(board)
    assert board.runner.rebuild(workers=2) == board.service.head()
    assert board_tables(board.db) == one_process_board(board)


@SQLITE
def test_a_worker_that_dies_leaves_its_part_to_the_caller(
    board: Board,
    location: StoreLocation,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sqlite_only(location)
    record_a_council_year(board)
    runner = Runner(board.db, board.service.app, [FailsInWorkers()], builder=ParallelBuild())
    here: list[int] = []  # parts built in this process (a worker's are not seen)
    real = projections.runner.project

    def project(*args: Any, **kwargs: Any) -> int:
        here.append(real(*args, **kwargs))
        return here[-1]

    monkeypatch.setattr(projections.runner, "project", project)

    assert runner.rebuild(workers=2) == board.service.head()

    assert "this worker fails (test)" in "".join(capfd.readouterr())  # the worker's traceback
    assert len(here) == 2 and all(here)  # part 0, then the dead worker's part 1
    assert board_tables(board.db) == one_process_board(board)


def helper(db_url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HELPER), db_url, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        start_new_session=True,  # a rebuild's workers too
    )


class Lines:
    """A subprocess's output line by line, read straight from its pipe (a buffered reader
    would hide lines that arrived together from ``select``)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        self.proc = proc
        self.fd = proc.stdout.fileno()
        self.pending = b""

    def next(self, seconds: float) -> str | None:
        """The next line, or None when none comes within ``seconds``."""
        deadline = time.monotonic() + seconds
        while b"\n" not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise AssertionError(f"the process ended; exit code {self.proc.wait()}")
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def until(self, prefix: str, seconds: float = 30) -> str:
        """The first line that starts with ``prefix`` (log lines come too)."""
        deadline = time.monotonic() + seconds
        while (line := self.next(deadline - time.monotonic())) is not None:
            if line.startswith(prefix):
                return line.strip()
        raise AssertionError(f"{prefix!r} did not come within {seconds} s")

    def within(self, seconds: float) -> list[str]:
        """The lines written within ``seconds``."""
        deadline = time.monotonic() + seconds
        lines: list[str] = []
        while (line := self.next(deadline - time.monotonic())) is not None:
            lines.append(line)
        return lines


@SQLITE
def test_a_runner_waits_for_a_parallel_rebuild_and_starts_over_when_it_was_killed(
    board: Board, location: StoreLocation, db_url: str
) -> None:
    path = sqlite_only(location)
    record_a_council_year(board)
    board.runner.catch_up()
    before = board_tables(board.db)
    follower = helper(db_url, "follow")  # set up before the rebuild, like `tracker run`'s
    following = Lines(follower)
    procs = [follower]
    stop = threading.Timer(60, lambda: [os.killpg(p.pid, signal.SIGKILL) for p in procs])
    stop.start()
    try:
        assert following.until("ready") == "ready"
        rebuild = helper(db_url, "rebuild", "2")
        procs.append(rebuild)
        Lines(rebuild).until("merging")  # both parts built, not merged

        # The tables were dropped for the build; a mark beside the version tells of it (the
        # version itself is left as it is); the parts are there.
        assert board_tables(board.db)["rows"] == []
        (version,) = board.db.query("SELECT version FROM projection_positions")[0]
        assert version == BoardProjection().version
        ((name, token),) = board.db.query("SELECT name, token FROM projection_builds")
        assert name == "board" and token
        parts = sorted(p.name[-2:] for p in path.parent.glob(f"{path.name}.rebuild-*-?"))
        assert parts == ["-0", "-1"]

        # A runner catching up meanwhile waits for the build instead of applying events.
        assert follower.stdin is not None and follower.stdout is not None
        follower.stdin.write("catch up\n")
        follower.stdin.flush()
        said = following.within(1.0)
        assert any("projection_waiting_for_rebuild" in line for line in said)
        assert not any(line.startswith("applied") for line in said)

        os.killpg(rebuild.pid, signal.SIGKILL)
        assert rebuild.wait() == -signal.SIGKILL
        # The build died with its lock: the waiting runner drops the half-built board,
        # deletes the scratch files and builds it again.
        assert following.until("applied") == f"applied {board.service.head()}"
    finally:
        stop.cancel()
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert board_tables(board.db) == before == one_process_board(board)
    assert board.runner.positions() == {"board": board.service.head()}
    assert not list(path.parent.glob(f"{path.name}.rebuild-*"))


#: The slow build's line before a batch (one write per line; see parallel_helper.say).
APPLYING = re.compile(r"applying (\d+) (\d+)")


def part_position(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT position FROM projection_positions").fetchone()[0])
    finally:
        conn.close()


@SQLITE
def test_a_killed_parallel_build_is_resumed_from_its_parts(
    board: Board, location: StoreLocation, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sqlite_only(location)
    record_a_council_year(board)
    head = board.service.head()
    slow = helper(db_url, "slow", "2", "10")
    output = Lines(slow)
    stop = threading.Timer(60, lambda: os.killpg(slow.pid, signal.SIGKILL))
    stop.start()
    try:
        # Both parts have committed their first batch and sleep inside their second.
        second: set[str] = set()
        while len(second) < 2:
            line = output.until("applying")
            second.update(pid for pid, batch in APPLYING.findall(line) if batch == "2")
        os.killpg(slow.pid, signal.SIGKILL)
        assert slow.wait() == -signal.SIGKILL
    finally:
        stop.cancel()
        slow.communicate()
    (plan,) = path.parent.glob(f"{path.name}.rebuild-*.json")
    parts = sorted(path.parent.glob(f"{glob.escape(plan.name[: -len('.json')])}-?"))
    assert len(parts) == 2
    done = [part_position(part) for part in parts]
    assert all(0 < position < head for position in done)

    # What a build of part 0 from scratch would apply, by the killed build's plan.
    token = plan.name[len(f"{path.name}.rebuild-") : -len(".json")]
    saved = Plan.load(path, token)
    assert saved is not None
    app = board.service.app
    whole_part0 = sum(1 for _ in part_entries(path, app.mapper, *saved.ranges[0], saved.upto, 50))

    # The next build from scratch takes the killed one's plan and parts over: the same
    # token, and part 0 (built in this process) goes on from its saved position.
    merged_token: list[str] = []
    applied_part0: list[int] = []
    real_merge, real_project = projections.parallel._merge, projections.runner.project

    def merge(db: Database, chosen: Any, build: str, *args: Any) -> bool:
        merged_token.append(build)
        return real_merge(db, chosen, build, *args)

    def project(*args: Any, **kwargs: Any) -> int:
        applied_part0.append(real_project(*args, **kwargs))
        return applied_part0[-1]

    monkeypatch.setattr(projections.parallel, "_merge", merge)
    monkeypatch.setattr(projections.runner, "project", project)
    runner = Runner(board.db, app, [BoardProjection()], workers=2, builder=ParallelBuild())
    assert runner.catch_up() == head

    assert merged_token == [token]
    assert len(applied_part0) == 1 and 0 < applied_part0[0] < whole_part0
    assert board_tables(board.db) == one_process_board(board)
    assert runner.positions() == {"board": head}
    assert not list(path.parent.glob(f"{path.name}.rebuild-*"))

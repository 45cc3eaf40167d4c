"""Test helpers for the parallel rebuild, run in subprocesses.

``python parallel_helper.py DB_URL rebuild WORKERS``: rebuild the board in ``WORKERS``
processes, but print ``merging`` and wait (for a test to kill it) instead of merging the
parts. The wait is this script's, not the production code's.

``python parallel_helper.py DB_URL slow WORKERS BATCH``: rebuild in ``WORKERS`` processes
with batches of ``BATCH`` events, each process printing ``applying PID N`` before its batch
N and, from its second batch on, sleeping inside the batch's transaction (so a test can
kill the build with every part's first batch committed).

``python parallel_helper.py DB_URL follow``: catch the board up, print ``ready``, and catch up
again on each line read from standard input, printing ``applied N`` (a ``tracker run``
worker whose runner was set up before a rebuild began).

:class:`FailsInWorkers` is a board whose ``apply`` fails in a worker process (the test of a
worker that dies); it is imported by the workers when they unpickle it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

import projections.parallel
from events.log import LogEntry
from events.store import Cursor, connect, parse_location
from projections.board import BoardProjection
from projections.parallel import ParallelBuild
from projections.runner import Runner
from tracker.service import open_log


def say(line: str) -> None:
    """One line to standard output in one write: the build's processes share the pipe, and
    ``print`` under ``PYTHONUNBUFFERED`` writes the text and its newline apart, so two
    processes' lines could interleave (``applying 1 2applying 3 2``)."""
    os.write(1, f"{line}\n".encode())


class FailsInWorkers(BoardProjection):
    """The board, failing when applied anywhere but in the process that began the rebuild."""

    def apply(self, cur: Cursor, entries: Sequence[LogEntry], prefix: str) -> None:
        if multiprocessing.parent_process() is not None:
            raise RuntimeError("this worker fails (test)")
        super().apply(cur, entries, prefix)


class SlowBoard(BoardProjection):
    """The board, pausing in the middle of every batch transaction after the first."""

    def __init__(self) -> None:
        super().__init__()
        self.batches = 0

    def apply(self, cur: Cursor, entries: Sequence[LogEntry], prefix: str) -> None:
        self.batches += 1
        say(f"applying {os.getpid()} {self.batches}")
        super().apply(cur, entries, prefix)
        if self.batches > 1:
            time.sleep(60)


def _stall(*args: Any, **kwargs: Any) -> bool:
    say("merging")
    time.sleep(120)
    return False


def main() -> None:
    url, mode = sys.argv[1], sys.argv[2]
    location = parse_location(url)
    runner = Runner(
        connect(location), open_log(location), [BoardProjection()], builder=ParallelBuild()
    )
    if mode == "slow":
        slow = Runner(connect(location), open_log(location), [SlowBoard()], builder=ParallelBuild())
        slow.rebuild(workers=int(sys.argv[3]), batch_size=int(sys.argv[4]))
        return
    if mode == "rebuild":
        projections.parallel._merge = _stall  # type: ignore[assignment]
        runner.rebuild(workers=int(sys.argv[3]))
        return
    runner.catch_up()
    say("ready")
    for _ in sys.stdin:
        say(f"applied {runner.catch_up()}")


if __name__ == "__main__":
    main()

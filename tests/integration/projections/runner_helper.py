"""Test helper run as a subprocess: catch the board up, slowly, so a test can kill it.

Usage: ``python runner_helper.py DB_URL BATCH_SIZE DELAY_SECONDS``. Before applying each
batch it prints ``applying FIRST LAST``; the first batch commits at once, every later one
sleeps ``DELAY_SECONDS`` *inside* its transaction, after its rows were written. The delay is
this script's, not the production code's.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from events.log import LogEntry
from events.store import Cursor, connect, parse_location
from projections.board import BoardProjection
from projections.runner import Runner
from tracker.service import open_log


class SlowBoard(BoardProjection):
    """The board, pausing in the middle of every batch transaction."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay
        self.batches = 0

    def apply(self, cur: Cursor, entries: Sequence[LogEntry], prefix: str) -> None:
        print(f"applying {entries[0].position} {entries[-1].position}", flush=True)
        super().apply(cur, entries, prefix)
        self.batches += 1
        if self.batches > 1:
            time.sleep(self.delay)


def main() -> None:
    url, batch_size, delay = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    location = parse_location(url)
    app = open_log(location)
    db = connect(location)
    applied = Runner(db, app, [SlowBoard(delay)]).catch_up(batch_size)
    print(f"done {applied}", flush=True)


if __name__ == "__main__":
    main()

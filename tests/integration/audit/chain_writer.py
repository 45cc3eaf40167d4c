"""Run by tests as a separate OS process: register COUNT motions, extending the chain after each.

Usage: python chain_writer.py DB WORKER COUNT
"""

from __future__ import annotations

import sys
import time

from events.store import StoreLocation, parse_location
from tracker import audit
from tracker.clock import SystemClock
from tracker.errors import StorageError
from tracker.service import MotionLog, TrackerService, open_log


def open_log_retrying(location: StoreLocation) -> MotionLog:
    """Open the log; the library's start-up DDL can collide with another process opening it."""
    for attempt in range(10):
        try:
            return open_log(location)
        except StorageError:
            time.sleep(0.05 * (attempt + 1))
    return open_log(location)


def main() -> None:
    db, worker, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    location = parse_location(db)
    app = open_log_retrying(location)
    service = TrackerService(app, SystemClock(), f"worker-{worker}")
    for i in range(count):
        service.register(body="Rat der Stadt", reference=f"W{worker}-{i}", title=f"Nr. {i}")
        audit.seal(location)
    app.close()


if __name__ == "__main__":
    main()

"""Run by tests as a separate OS process: update one motion N times through the service.

Usage: python concurrent_writer.py DB WORKER COUNT
"""

from __future__ import annotations

import sys
from datetime import date

from events.store import parse_location
from tracker.clock import SystemClock
from tracker.service import TrackerService, open_log


def main() -> None:
    db, worker, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = open_log(parse_location(db))
    service = TrackerService(app, SystemClock(), f"worker-{worker}")
    motion = service.find("RACE/1", "Rat der Stadt")
    for i in range(count):
        service.change(
            motion.id,
            lambda m, i=i: m.record_consultation(
                committee=f"Ausschuss {worker}-{i}",
                role="Vorberatung",
                result=None,
                meta=service.meta(date(2024, 1, 1)),
            ),
        )
    app.close()


if __name__ == "__main__":
    main()

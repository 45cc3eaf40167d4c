"""One dispatcher pass over 100,000 open deadlines with 1 % due, and the wake-up computation.

Usage: python bench/bench_reminders.py [--deadlines N] [--due-share 0.01] [--postgres URL]

The reminders read model is filled with the rows the projection plans for N open deadlines
(four reminders each: 14 and 3 days before, on the due date, 7 days overdue; 100 offices),
written in bulk; 1 % of the deadlines have their due-date reminder due at the pass's ``now``
(their earlier stages went out on their days, as with a service that runs every day).
Then, on SQLite (a temporary file) and, with ``--postgres``, on PostgreSQL (a temporary
schema):

* **pass**: one :meth:`Dispatcher.run_pass` with a notifier that accepts everything in
  memory (no network), so the figure is the dispatcher's own cost: claiming, the pure
  decision, rendering the digests, recording one ``ReminderSent`` per reminder in the log,
  settling the rows;
* **wake-up**: :meth:`ReminderStore.seconds_until_next` after the pass (median of 200).

Targets (issue 5): a pass under 1 s, the wake-up under 1 ms.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from events.store import StoreLocation, connect, parse_location
from notifiers.digest import RenderedDigest
from notifiers.dispatcher import Dispatcher
from notifiers.policy import Obligation, parse_policy, plan
from notifiers.queue import ReminderStore, epoch
from notifiers.reminders import ReminderProjection
from tracker.clock import FixedClock
from tracker.deadlines import legal_due_date
from tracker.service import open_log

OFFICES = 100
SINCE = datetime(2024, 1, 2, 9, 0, tzinfo=UTC)
#: The pass runs at 08:05 Berlin on Thursday 2024-06-20.
NOW = datetime(2024, 6, 20, 6, 5, tzinfo=UTC)


class NullNotifier:
    """Accepts every digest in memory."""

    channel = "email"
    digests = True

    def __init__(self) -> None:
        self.sent = 0

    def send(self, digest: RenderedDigest, *, now: datetime, items: list[dict[str, object]]) -> str:
        self.sent += len(digest.keys)
        return digest.message_id


def fill(location: StoreLocation, n: int, due_share: float) -> int:
    """Write the read model for ``n`` deadlines; returns how many reminders are due at NOW."""
    section = {"office": {f"Amt {k}": f"amt{k}@example.org" for k in range(OFFICES)}}
    policy, _ = parse_policy(section)
    projection = ReminderProjection(policy)
    due_every = max(1, round(1 / due_share))
    motions, obligations, reminders = [], [], []
    due_now = 0
    for i in range(n):
        mid = uuid.UUID(int=i + 1)
        # 1 in due_every deadlines is due today; the others 30..400 days ahead
        nominal = (
            date(2024, 6, 20) if i % due_every == 0 else date(2024, 7, 20) + timedelta(days=i % 370)
        )
        due_now += i % due_every == 0
        ob = Obligation(
            motion_id=mid, deadline_id="D1", reference=f"{i:06d}/IX", title=f"Antrag {i}",
            body="BVV Musterbezirk", committee=None, office=f"Amt {(i + i // 100) % OFFICES}",
            addressee="Bezirksamt", state="BE", kind="completion", nominal_due=nominal,
            due=legal_due_date(nominal, "BE"),
        )  # fmt: skip
        motions.append(
            (str(mid), ob.reference, ob.title, ob.body, None, ob.office, ob.addressee, "BE", 0)
        )
        obligations.append(
            (str(mid), "D1", "completion", nominal.isoformat(), 1, SINCE.isoformat(), None, None,
             None, None, 0)
        )  # fmt: skip
        for p in plan(ob, policy, SINCE):
            # the service ran every day: stages before today were sent on their days
            status = "sent" if p.send_at < NOW - timedelta(hours=12) else "planned"
            reminders.append(
                (p.key, str(mid), "D1", nominal.isoformat(), p.stage.name, p.due.isoformat(),
                 epoch(p.send_at), p.recipient, status)
            )  # fmt: skip
    from projections.runner import Runner

    with connect(location) as db:
        Runner(db, None, [projection]).setup()
    with connect(location) as db, db.transaction() as cur:
        p = db.table_prefix
        for table, rows, width in (
            ("reminder_motions", motions, 9),
            ("reminder_obligations", obligations, 11),
        ):
            cur.executemany(f"INSERT INTO {p}{table} VALUES ({', '.join('?' * width)})", rows)
        cur.executemany(
            f"INSERT INTO {p}reminders (key, motion_id, deadline_id, nominal_due, stage, due,"
            " send_at, recipient, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            reminders,
        )
    with connect(location) as db:
        if db.backend == "postgres":
            db.query(f"ANALYZE {db.table_prefix}reminders")
        else:
            db.query("ANALYZE")
    return due_now


def bench(location: StoreLocation, n: int, due_share: float) -> dict[str, Any]:
    location.prepare()
    app = open_log(location)
    begun = time.perf_counter()
    due_now = fill(location, n, due_share)
    filled = time.perf_counter() - begun
    _, options = parse_policy({})
    with connect(location) as db:
        store = ReminderStore(db)
        policy, _ = parse_policy({})
        notifier = NullNotifier()
        dispatcher = Dispatcher(
            app=app, store=store, policy=policy, options=options, clock=FixedClock(NOW),
            email=notifier, webhook=None, worker="bench",
        )  # fmt: skip
        before = [timed(lambda: store.seconds_until_next(NOW, cap=60)) for _ in range(50)]
        begun = time.perf_counter()
        result = dispatcher.run_pass()
        pass_seconds = time.perf_counter() - begun
        after = [timed(lambda: store.seconds_until_next(NOW, cap=60)) for _ in range(200)]
        wait = store.seconds_until_next(NOW, cap=10**9)
        if db.backend == "postgres":  # what autovacuum does soon after: prune the old rows
            vacuum(location)
        vacuumed = [timed(lambda: store.seconds_until_next(NOW, cap=60)) for _ in range(200)]
    app.close()
    assert notifier.sent == due_now == result.counts["sent"], (notifier.sent, due_now, result)
    return {
        "backend": location.backend,
        "deadlines": n,
        "due": due_now,
        "digests": result.counts["messages"],
        "fill_s": filled,
        "pass_s": pass_seconds,
        "wake_before_ms": statistics.median(before) * 1000,
        "wake_after_ms": statistics.median(after) * 1000,
        "wake_vacuumed_ms": statistics.median(vacuumed) * 1000,
        "next_wake_h": wait / 3600,
    }


def vacuum(location: StoreLocation) -> None:
    """VACUUM the reminders table (not possible inside a transaction)."""
    import psycopg

    with psycopg.connect(
        host=location.host, port=location.port, dbname=location.dbname,
        user=location.user, password=location.password or None, autocommit=True,
    ) as conn:  # fmt: skip
        conn.execute(f"VACUUM {location.schema}.reminders")


def timed(fn: Any) -> float:
    begun = time.perf_counter()
    fn()
    return time.perf_counter() - begun


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deadlines", type=int, default=100_000)
    parser.add_argument("--due-share", type=float, default=0.01)
    parser.add_argument("--postgres", help="postgresql:// URL of a database to use")
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {platform.processor() or ''}".rstrip())
    print(f"# Python {platform.python_version()}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    locations = []
    with tempfile.TemporaryDirectory() as folder:
        locations.append(parse_location(str(Path(folder) / "bench.sqlite")))
        schema = None
        if args.postgres:
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            locations.append(parse_location(f"{args.postgres}?schema={schema}"))
        try:
            for loc in locations:
                r = bench(loc, args.deadlines, args.due_share)
                print(
                    f"{r['backend']:8} deadlines {r['deadlines']:>7}  due {r['due']:>5}"
                    f"  digests {r['digests']:>4}  pass {r['pass_s']:.3f} s"
                    f"  wake-up {r['wake_after_ms']:.3f} ms (before the pass"
                    f" {r['wake_before_ms']:.3f} ms, after vacuum"
                    f" {r['wake_vacuumed_ms']:.3f} ms)  next in {r['next_wake_h']:.1f} h"
                    f"  [fill {r['fill_s']:.1f} s]"
                )
        finally:
            if schema:
                import psycopg

                with psycopg.connect(args.postgres, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


if __name__ == "__main__":
    main()

"""Appending through the service against raw inserts of rows of the same size.

Usage: python bench/bench_append.py [--motions N] [--postgres URL]

Measures, on SQLite (a temporary file) and on PostgreSQL (a temporary schema):

* per save: ``TrackerService.add`` of one motion with its decision, addressee and deadline
  (4 events, one transaction each motion), against raw inserts of the same 4 rows of the
  same byte size, one transaction per motion;
* bulk: registering motions with ``app.save(*motions)`` in batches of 500, against raw
  ``executemany`` of the same rows in batches of 500.

Prints events/s and the ratio raw/service for each (lower is better; 1.0 is no overhead).
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from machine import describe

from events.store import StoreLocation, parse_location
from events.values import Outcome, Provenance
from tracker.clock import FixedClock
from tracker.motion import Meta, Motion
from tracker.service import TrackerService, open_log

NOW = datetime(2024, 1, 10, 8, 0, tzinfo=UTC)
BATCH = 500


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def stored_rows(service: TrackerService) -> list[tuple[bytes, int, str, bytes]]:
    rows = service.app.recorder.select_notifications(1, 10**9)
    return [(uuid.uuid4().bytes, n.originator_version, n.topic, n.state) for n in rows]


def service_per_save(service: TrackerService, n: int) -> None:
    for i in range(n):
        service.add(
            body="Bezirksverordnetenversammlung Musterbezirk",
            reference=f"{i:06d}/IX",
            title=f"Antrag Nummer {i} zur Verbesserung der Integrationsarbeit im Bezirk",
            kind="Antrag",
            state="BE",
            decided_on=date(2023, 5, 11),
            outcome=Outcome.ADOPTED,
            committee=None,
            addressee="Bezirksamt",
            office="Abt. Soziales",
            due=date(2024, 6, 30),
        )


def service_bulk(service: TrackerService, n: int) -> None:
    meta = Meta(date(2023, 5, 11), Provenance.user("bench"), NOW)
    for start in range(0, n, BATCH):
        motions = [
            Motion.register(
                body="Rat der Stadt Musterstadt",
                reference=f"V-{i:07d}",
                title=f"Vorlage {i} zur Sanierung der Grundschule",
                kind="Beschlussvorlage",
                state="NW",
                initiators=["Dezernat II"],
                meta=meta,
            )
            for i in range(start, min(n, start + BATCH))
        ]
        service.app.save(*motions)


class Raw:
    """Raw inserts into a table shaped like the event store's."""

    def __init__(self, location: StoreLocation) -> None:
        self.location = location
        if location.backend == "sqlite":
            assert location.path is not None
            self.conn: Any = sqlite3.connect(
                location.path.with_name("raw.sqlite"), isolation_level=None
            )
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute(
                "CREATE TABLE raw (id BLOB, version INTEGER, topic TEXT, state BLOB, "
                "PRIMARY KEY (id, version))"
            )
            self.sql = "INSERT INTO raw VALUES (?, ?, ?, ?)"
        else:
            import psycopg

            self.conn = psycopg.connect(
                host=location.host,
                port=location.port,
                dbname=location.dbname,
                user=location.user,
                autocommit=True,
            )
            self.conn.execute(
                f"CREATE TABLE {location.schema}.raw (id uuid, version int, topic text, "
                "state bytea, notification_id bigserial, PRIMARY KEY (id, version))"
            )
            self.sql = (
                f"INSERT INTO {location.schema}.raw (id, version, topic, state) "
                "VALUES (%s, %s, %s, %s)"
            )

    def insert(self, rows: list[tuple[bytes, int, str, bytes]], per: int) -> None:
        for start in range(0, len(rows), per):
            chunk = rows[start : start + per]
            if self.location.backend == "postgres":
                chunk = [(uuid.UUID(bytes=r[0]), *r[1:]) for r in chunk]  # type: ignore[misc]
                with self.conn.transaction(), self.conn.cursor() as cur:
                    cur.executemany(self.sql, chunk)
            else:
                self.conn.execute("BEGIN")
                self.conn.executemany(self.sql, chunk)
                self.conn.execute("COMMIT")


def run(location: StoreLocation, n: int) -> list[tuple[str, float, float, float]]:
    results = []
    location.prepare()
    raw = Raw(location)
    for name, fn, per in (
        ("per save (4 events)", service_per_save, 4),
        ("bulk (batches of 500)", service_bulk, BATCH),
    ):
        app = open_log(location)
        service = TrackerService(app, FixedClock(NOW), "bench")
        before = service.head()
        took = timed(lambda fn=fn, service=service: fn(service, n))  # type: ignore[misc]
        rows = stored_rows(service)[before:]
        raw_took = timed(lambda rows=rows, per=per: raw.insert(rows, per))  # type: ignore[misc]
        if location.backend == "sqlite":
            raw.conn.execute("DELETE FROM raw")
        else:
            raw.conn.execute(f"DELETE FROM {location.schema}.raw")
        app.close()
        results.append((name, len(rows) / took, len(rows) / raw_took, took / raw_took))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--motions", type=int, default=2000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"machine: {describe()}")
    print(f"motions: {args.motions}")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_loc = parse_location(str(Path(tmp) / "db"))
        report("SQLite", run(sqlite_loc, args.motions))
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    pg = parse_location(f"{args.postgres}?schema={schema}")
    try:
        report("PostgreSQL", run(pg, args.motions))
    finally:
        import psycopg

        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def report(backend: str, rows: list[tuple[str, float, float, float]]) -> None:
    print(f"\n{backend}")
    print(f"{'workload':24s} {'service ev/s':>12s} {'raw ev/s':>10s} {'ratio':>6s}")
    for name, svc, raw, ratio in rows:
        print(f"{name:24s} {svc:12.0f} {raw:10.0f} {ratio:6.1f}")


if __name__ == "__main__":
    main()

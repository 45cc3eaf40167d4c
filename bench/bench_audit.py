"""The audit features at scale: chain verification and ``--known-at`` against reading the log.

Usage: python bench/bench_audit.py [--events N ...] [--postgres URL] [--keep DIR]

For each size N (default 100,000) a log of N events is generated in bulk straight through the
library's recorder (motions of 4 events: registered, decided, office assigned, deadline set;
every fifth motion's deadline extended by a fifth event recorded a year later; recorded times
spread over 2014-2016), on SQLite (a temporary file) and, with ``--postgres``, on PostgreSQL
(a temporary schema). Then it measures:

* ``raw read (recorder)``: every event through ``recorder.select_notifications`` in batches,
  undecoded: reading the raw log as the library offers it (the baseline);
* ``raw read (SQL)``: the same rows with one plain query per batch, as the chain reads them;
* ``read + decode``: every event through ``read_log`` (mapper included), for reference;
* ``chain extend``: chaining the whole log the first time (``tracker audit head`` on a log
  never chained);
* ``audit verify``: recomputing and checking the whole chain (``events.chain.verify``);
* ``seal`` and ``audit verify, sealed``: with 1,000 signed seals spread over the log (a
  seal at every thousandth of it, as years of daily seals would leave, also in a seal file),
  signing one more seal at the head (``tracker audit seal``: the newest seal checked, the
  events since recomputed) and verifying the chain plus every seal of the store and of the
  file (``tracker audit verify`` with a key);
* ``known-at overdue``: rebuilding the board in memory from the events recorded up to an
  instant in the middle of the log (about half the events known), and again at its end (all
  known), and asking for the overdue page (first 50 and the total), as
  ``tracker overdue --known-at`` does.

Targets (issue 6): verify at least half as fast as reading the raw log; the ``--known-at``
overdue query over 100,000 events under 5 s.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from machine import describe

from events import chain
from events.log import read_log
from events.store import StoreLocation, connect, parse_location
from events.values import DeadlineKind, Outcome, Provenance
from projections.replay import known_board
from tracker import audit
from tracker.clock import FixedClock
from tracker.motion import Meta, Motion
from tracker.service import MotionLog, open_log

T = TypeVar("T")
START = datetime(2014, 1, 2, 8, 0, tzinfo=UTC)
SPAN = timedelta(days=3 * 365)
BATCH = 5000


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    begun = time.perf_counter()
    result = fn()
    return time.perf_counter() - begun, result


def generate(app: MotionLog, events: int) -> int:
    """Append about ``events`` events in bulk through the recorder; returns how many."""
    motions = max(1, events * 5 // 21)  # 4.2 events per motion on average
    written = 0
    pending: list[Any] = []
    for i in range(motions):
        at = START + SPAN * (i / motions)
        decided = at.date() - timedelta(days=10)
        meta = Meta(decided, Provenance.user("bench"), at)
        motion = Motion.register(
            body=f"BVV Bezirk {i % 12}",
            reference=f"{i:07d}/IX",
            title=f"Antrag {i} zur Verbesserung der Spielplätze im Bezirk",
            kind="Antrag",
            state="BE",
            initiators=["Fraktion A"],
            meta=meta,
        )
        motion.record_decision(committee=None, outcome=Outcome.ADOPTED, text=None, meta=meta)
        motion.assign_addressee(addressee="Bezirksamt", office=f"Amt {i % 17}", meta=meta)
        due = decided + timedelta(days=90 + i % 200)
        motion.set_deadline(
            kind=DeadlineKind.COMPLETION,
            due=due,
            window_start=None,
            phrase=f"bis zum {due:%d.%m.%Y}",
            rule="bench",
            meta=meta,
        )
        if i % 5 == 0:
            later = Meta(due - timedelta(days=5), Provenance.user("bench"), at + SPAN / 3)
            motion.extend_deadline(
                "D1", new_due=due + timedelta(days=120), reason="Personal", meta=later
            )
        pending.extend(motion.collect_events())
        if len(pending) >= BATCH or i == motions - 1:
            app.recorder.insert_events([app.mapper.to_stored_event(e) for e in pending])
            written += len(pending)
            pending = []
    return written


def read_recorder(app: MotionLog) -> int:
    count, start = 0, 1
    while True:
        batch = app.recorder.select_notifications(start, BATCH)
        count += len(batch)
        if len(batch) < BATCH:
            return count
        start = batch[-1].id + 1


def read_sql(location: StoreLocation) -> int:
    with connect(location) as db:
        return sum(1 for _ in chain.read_raw(db, batch=BATCH))


def read_decoded(app: MotionLog) -> int:
    return sum(1 for _ in read_log(app.recorder, app.mapper, batch=BATCH))


def extend(location: StoreLocation) -> chain.ChainHead:
    with connect(location) as db:
        chain.ensure_chain_table(db)
        return chain.extend(db)


def verify(location: StoreLocation) -> chain.Verification:
    with connect(location) as db:
        return chain.verify(db)


SEALS = 1000


def sealed(location: StoreLocation, folder: Path, n: int) -> tuple[float, float, int]:
    """Lay 1,000 seals over the log, then time one more seal and a sealed verify."""
    from events import seals

    sealing = audit.SealSettings(key=folder / "seal.key", seal_file=folder / "seals.jsonl")
    signer = sealing.signer()
    clock = FixedClock(START + SPAN)
    step = max(1, n // SEALS)
    positions = list(range(step, n, step))[: SEALS - 1]
    with connect(location) as db:
        seals.ensure_seal_table(db)
        values = chain.chain_values(db, positions)
        with db.transaction() as cur:
            for number, position in enumerate(positions, start=1):
                seal = signer.sign(number, position, values[position], START)
                seals.insert_seal(cur, db, seal)
                seals.append_line(folder / "seals.jsonl", seal)
    t_seal, made = timed(lambda: audit.make_seal(location, sealing, clock))
    assert made is not None and made.position == n
    verifier = sealing.verifier()
    assert verifier is not None
    t_verify, result = timed(
        lambda: audit.verify_sealed(location, None, verifier, [folder / "seals.jsonl"])
    )
    assert result.seals is not None and result.seals.intact, result.seals
    return t_seal, t_verify, result.seals.valid


def known_at_overdue(app: MotionLog, instant: datetime) -> tuple[int, int]:
    when = audit.known_at(instant.isoformat(), FixedClock(START + SPAN * 2))
    board = known_board(app, when, {})
    try:
        from projections.queries import Filters

        page = board.overdue(Filters(), None, 50, 0)
        return board.events, page.total
    finally:
        board.close()


@contextmanager
def store(backend: str, postgres: str | None, keep: Path | None) -> Iterator[StoreLocation]:
    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="bench-audit-", dir=keep))
        try:
            yield parse_location(str(folder / "tracker.sqlite"))
        finally:
            if keep is None:
                shutil.rmtree(folder)
        return
    assert postgres is not None
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        yield parse_location(f"{postgres}?schema={schema}")
    finally:
        with psycopg.connect(postgres, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s" if seconds else "-"


def run(size: int, backend: str, postgres: str | None, keep: Path | None) -> list[str]:
    with store(backend, postgres, keep) as location:
        app = open_log(location)
        try:
            t_gen, n = timed(lambda: generate(app, size))
            print(f"[{backend} {n:,}] generated in {t_gen:.1f} s", flush=True)
            t_rec, c1 = timed(lambda: read_recorder(app))
            t_sql, c2 = timed(lambda: read_sql(location))
            t_dec, c3 = timed(lambda: read_decoded(app))
            t_ext, head = timed(lambda: extend(location))
            t_ver, result = timed(lambda: verify(location))
            assert c1 == c2 == c3 == n == result.events == head.position
            t_known, (known, overdue) = timed(lambda: known_at_overdue(app, START + SPAN / 2))
            t_all, (known_all, overdue_all) = timed(lambda: known_at_overdue(app, START + SPAN))
            with tempfile.TemporaryDirectory() as keys:
                t_seal, t_sealed, valid = sealed(location, Path(keys), n)
        finally:
            app.close()
    ratio = (n / t_ver) / (n / t_rec)
    lines = [
        f"| {backend} | {n:,} | raw read (recorder) | {t_rec:.2f} s | {rate(n, t_rec)} "
        "| baseline |",
        f"| {backend} | {n:,} | raw read (SQL) | {t_sql:.2f} s | {rate(n, t_sql)} | |",
        f"| {backend} | {n:,} | read + decode | {t_dec:.2f} s | {rate(n, t_dec)} | |",
        f"| {backend} | {n:,} | chain extend (first) | {t_ext:.2f} s | {rate(n, t_ext)} | |",
        f"| {backend} | {n:,} | audit verify | {t_ver:.2f} s | {rate(n, t_ver)} "
        f"| {ratio:.2f} x raw read (target >= 0.5) |",
        f"| {backend} | {n:,} | seal (one more) | {t_seal:.3f} s | | after {SEALS - 1:,} "
        "seals; checks the newest and the events since |",
        f"| {backend} | {n:,} | audit verify, sealed | {t_sealed:.2f} s | {rate(n, t_sealed)} "
        f"| chain + {valid:,} seals in the store and a seal file |",
        f"| {backend} | {n:,} | known-at overdue | {t_known:.2f} s | {rate(known, t_known)} "
        f"| T mid-log: {known:,} events known, {overdue:,} overdue (target < 5 s at 100,000) |",
        f"| {backend} | {n:,} | known-at overdue | {t_all:.2f} s | {rate(known_all, t_all)} "
        f"| T at the end: {known_all:,} events known, {overdue_all:,} overdue |",
    ]
    for line in lines:
        print(line, flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000])
    parser.add_argument("--postgres", help="postgresql:// URL of a database to bench in")
    parser.add_argument("--keep", type=Path, help="create the SQLite files in this folder")
    args = parser.parse_args()
    print(f"machine: {describe()}; date: {datetime.now(UTC):%Y-%m-%d}")
    print("| backend | events | measure | time | rate | note |")
    print("|---|---|---|---|---|---|")
    for size in args.events:
        run(size, "sqlite", None, args.keep)
        if args.postgres:
            run(size, "postgres", args.postgres, None)


if __name__ == "__main__":
    main()

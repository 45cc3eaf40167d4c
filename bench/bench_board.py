"""The deadline board at scale: rebuild speed, the overdue query, the whole command.

Usage: python bench/bench_board.py [--motions 10000 100000 ...] [--postgres URL]
       [--keep DIR] [--repeats 21] [--command-runs 10] [--later] [--workers 1 2]

For each size, on SQLite (a temporary folder; ``--postgres`` adds a temporary schema):

1. generates the log directly through the recorder in bulk: per motion ``Registered``,
   ``DecisionRecorded``, ``AddresseeAssigned``, ``DeadlineSet``; every 5th motion also a
   ``DeadlineExtended``, every 3rd a ``Completed`` (≈ 4.5 events per motion); due dates
   spread over 2015-2024, 40 offices, 12 bodies, five Bundesländer. Each motion's events
   are consecutive; with ``--later`` the extensions and completions (12 % of the events)
   follow all motions, in a shuffled order, so that applying them loads and rewrites
   motions written many batches before, as in a real log;
2. reads and decodes the whole log alone (``read_log``, with the garbage collector set as
   the runner sets it while catching up): events/s, the median of the reads timed just
   before each build;
3. builds the board into empty tables (the first catch-up, batches of 500, in one process;
   ``tracker`` commands split a first catch-up of a long log as a rebuild), then rebuilds
   it (``Runner.rebuild``: drop the full board and build it again, as ``tracker rebuild``
   does; batches of 500, the default, and of 2000, each in one process and split over two
   worker processes, ``--workers 1 2``; repeat a size, ``--batches 500 500 500``, to see
   the run-to-run scatter): events/s, and the ratio to a read of the whole log timed just
   before that build (target: at least 0.5), by wall-clock time and by CPU time (the
   machine may be shared; a parallel rebuild's CPU time includes its workers'); both
   include building the query indexes and, on SQLite, copying the WAL left behind into the
   database file (as the command does when it closes its connection);
4. the overdue query in-process on 2020-01-01 (about half the open rows are overdue): first
   page of 50 plus the total, median of ``--repeats``; also filtered by one office;
5. the whole ``tracker --db DIR --now 2020-01-01T09:00 overdue --limit 50`` command,
   interpreter start-up included (hyperfine when installed, else subprocess timing),
   after one warm-up run so the read model is current.

Prints a Markdown table row per size and backend.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from events.log import read_log
from events.motion import (
    AddresseeAssigned,
    Completed,
    DeadlineExtended,
    DeadlineSet,
    DecisionRecorded,
    Registered,
)
from events.store import StoreLocation, connect, parse_location
from events.values import DeadlineKind, Outcome, Provenance
from projections.board import BoardProjection, legal_due
from projections.parallel import ParallelBuild
from projections.queries import BoardQueries, Filters
from projections.runner import Runner, batched, fewer_collections
from tracker.logs import configure as configure_logs
from tracker.service import MotionLog, open_log

AT = datetime(2024, 1, 10, 8, 0, tzinfo=UTC)
TODAY = date(2020, 1, 1)
WHO = Provenance.user("bench")
STATES = ("BE", "NW", "SN", "BY", "HH")
TOPIC = "tracker.motion:Motion"
INSERT_CHUNK = 5000


def motion_events(i: int) -> list[Any]:
    """The events of motion ``i``."""
    mid = uuid.uuid5(uuid.NAMESPACE_OID, f"bench-{i}")
    decided = date(2014, 1, 1) + timedelta(days=i % 365)
    due = date(2015, 1, 1) + timedelta(days=(i * 7919) % 3650)
    common = {"originator_id": mid, "timestamp": AT, "provenance": WHO, "effective": decided}
    events: list[Any] = [
        Registered(
            originator_version=1,
            originator_topic=TOPIC,
            body=f"Bezirksverordnetenversammlung {i % 12}",
            reference=f"{i:07d}/IX",
            title=f"Antrag {i} zur Verbesserung der Radwege im Bezirk",
            kind="Antrag",
            state=STATES[i % len(STATES)],
            initiators=["Fraktion"],
            **common,
        ),
        DecisionRecorded(
            originator_version=2,
            committee=f"Ausschuss {i % 9}",
            outcome=Outcome.ADOPTED,
            text=None,
            **common,
        ),
        AddresseeAssigned(
            originator_version=3, addressee="Bezirksamt", office=f"Abt. {i % 40}", **common
        ),
        DeadlineSet(
            originator_version=4,
            deadline_id="D1",
            kind=DeadlineKind.COMPLETION,
            due=due,
            window_start=None,
            phrase=f"bis zum {due.strftime('%d.%m.%Y')}",
            rule="manual",
            **common,
        ),
    ]
    version = 5
    if i % 5 == 0:
        events.append(
            DeadlineExtended(
                originator_version=version,
                deadline_id="D1",
                previous_due=due,
                new_due=due + timedelta(days=90),
                reason="Fristverlängerung",
                **common | {"effective": due - timedelta(days=10)},
            )
        )
        version += 1
    if i % 3 == 0:
        events.append(
            Completed(
                originator_version=version,
                deadline_id=None,
                note="erledigt",
                **common | {"effective": due + timedelta(days=(i % 61) - 30)},
            )
        )
    return events


def log_order(motions: int, *, later: bool = False) -> Iterator[Any]:
    """The events of ``motions`` motions in the order they are recorded.

    ``later``: the extensions and completions come after every motion's first four events,
    motion by motion in a shuffled order (fixed seed), as they do in a real log, where they
    are recorded months after the decision; otherwise each motion's events are consecutive.
    """
    postponed: list[list[Any]] = []
    for i in range(motions):
        events = motion_events(i)
        if later and len(events) > 4:
            events, rest = events[:4], events[4:]
            postponed.append(rest)
        yield from events
    random.Random(1).shuffle(postponed)
    for rest in postponed:
        yield from rest


def generate(app: MotionLog, motions: int, *, later: bool = False) -> int:
    """Write the log through the recorder in bulk; returns the event count."""
    stored = (app.mapper.to_stored_event(e) for e in log_order(motions, later=later))
    written = 0
    for chunk in batched(stored, INSERT_CHUNK):
        app.recorder.insert_events(chunk)
        written += len(chunk)
    return written


def read_all(app: MotionLog) -> Iterator[Any]:
    return read_log(app.recorder, app.mapper, batch=500)


def median_ms(fn: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def command_seconds(db: str, runs: int) -> tuple[float, str]:
    """Median wall time of the whole overdue command (interpreter start-up included)."""
    # The console script installed with this interpreter (not a version manager's shim).
    script = Path(sys.executable).parent / "tracker"
    argv = [
        str(script) if script.exists() else "tracker",
        "--db",
        db,
        "--now",
        "2020-01-01T09:00",
        "overdue",
        "--limit",
        "50",
    ]
    # As installed: bytecode cached (some sandboxes set PYTHONDONTWRITEBYTECODE, which makes
    # every run compile the project's modules again: about 40 ms here).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # warm-up: read model current, bytecode written
    subprocess.run(argv, check=True, capture_output=True, env=env)
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                [
                    "hyperfine",
                    "--warmup",
                    "2",
                    "--runs",
                    str(runs),
                    "--export-json",
                    out.name,
                    "-N",
                    " ".join(f"'{a}'" for a in argv),
                ],
                check=True,
                capture_output=True,
                env=env,
            )
            result = json.loads(Path(out.name).read_text())["results"][0]
            return float(result["median"]), "hyperfine"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times), "subprocess"


def bench(location: StoreLocation, db_arg: str, motions: int, args: argparse.Namespace) -> str:
    app = open_log(location)
    start = time.perf_counter()
    events = generate(app, motions, later=args.later)
    gen = time.perf_counter() - start

    def timed(work: Any) -> tuple[float, float]:
        start, cpu = time.perf_counter(), cpu_seconds()
        work()
        return time.perf_counter() - start, cpu_seconds() - cpu

    def read() -> None:
        # With the garbage collector set as the runner sets it while catching up, so that
        # the ratio compares like with like (the default setting makes this read ~4% slower).
        with fewer_collections():
            assert sum(1 for _ in read_all(app)) == events

    # Each build is compared with a read of the whole log timed just before it, so that a
    # change of machine load between the two phases does not skew the ratio.
    db = connect(location)
    # the first build in one process; rebuilds as the command's runner does them
    runner = Runner(db, app, [BoardProjection()], workers=1, builder=ParallelBuild())
    runner.setup()
    legal_due("2015-01-01", "BE")  # the one-off import of holidays is not the rebuild's

    def settled() -> None:
        # A build leaves up to SQLITE_CHECKPOINT_PAGES of WAL behind; `tracker rebuild`
        # copies it into the database file when it closes its connection, so each timed
        # build ends with that checkpoint too.
        if location.backend == "sqlite":
            db.query("PRAGMA wal_checkpoint(TRUNCATE)")

    reads = [timed(read)]
    builds = [timed(lambda: (runner.catch_up(), settled()))]  # the first build, empty tables
    assert runner.positions() == {"board": app.recorder.max_notification_id()}
    for batch, workers in rebuilds(args):  # `tracker rebuild`: drop the board, build it again
        reads.append(timed(read))
        builds.append(
            timed(
                lambda b=batch, w=workers: (
                    runner.rebuild("board", batch_size=b, workers=w),
                    settled(),
                )
            )
        )

    queries = BoardQueries(db)
    page = queries.overdue(today=TODAY, limit=50)
    first_ms = median_ms(lambda: queries.overdue(today=TODAY, limit=50), args.repeats)
    office = Filters(office="Abt. 7")
    office_ms = median_ms(
        lambda: queries.overdue(today=TODAY, filters=office, limit=50), args.repeats
    )
    if location.backend == "sqlite":
        cmd_s, tool = command_seconds(db_arg, args.command_runs)
        command = f"{cmd_s:.3f} s ({tool})"
    else:
        command = "-"
    db.close()
    app.close()
    read_s = statistics.median(wall for wall, _ in reads)
    read_cpu = statistics.median(cpu for _, cpu in reads)
    cells = [f"{events / read_s:,.0f} (cpu {events / read_cpu:,.0f})"]
    for (read_wall, read_cpu_s), (wall, cpu_s) in zip(reads, builds, strict=True):
        cells.append(
            f"{events / wall:,.0f} in {wall:.1f} s, ratio {read_wall / wall:.2f}"
            f" (cpu {events / cpu_s:,.0f}, ratio {read_cpu_s / cpu_s:.2f})"
        )
    row = (
        f"| {location.backend} | {motions:,} | {events:,} | {gen:.0f} s | {' | '.join(cells)} |"
        f" {page.total:,} | {first_ms:.2f} | {office_ms:.2f} | {command} |"
    )
    print(row, flush=True)
    ratios = sorted(
        read_wall / wall for (read_wall, _), (wall, _) in zip(reads, builds, strict=True)
    )
    print(
        f"# {motions:,} motions, ratios of all {len(ratios)} builds: min {ratios[0]:.2f},"
        f" median {statistics.median(ratios):.2f}, max {ratios[-1]:.2f}",
        flush=True,
    )
    print(f"# load average after: {os.getloadavg()}", flush=True)
    return row


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (a parallel rebuild's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def rebuilds(args: argparse.Namespace) -> list[tuple[int, int]]:
    """The timed rebuilds: (batch size, worker processes)."""
    return [(batch, workers) for batch in args.batches for workers in args.workers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--motions", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--postgres", default=None, help="also run on this PostgreSQL URL")
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--batches", type=int, nargs="+", default=[500, 2000])
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2],
        help="worker processes of each rebuild (SQLite; PostgreSQL builds in one)",
    )
    parser.add_argument("--command-runs", type=int, default=10)
    parser.add_argument("--keep", default=None, help="keep the SQLite stores under this folder")
    parser.add_argument(
        "--later",
        action="store_true",
        help="record the extensions and completions after all motions (shuffled)",
    )
    args = parser.parse_args()
    configure_logs("warning")  # here and in the workers of a parallel rebuild
    print(
        f"# {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, {sys.version.split()[0]}"
    )
    print(f"# load average before: {os.getloadavg()}")
    shape = "later facts after all motions, shuffled" if args.later else "motion by motion"
    print(f"# log: {shape}")
    print(
        "| backend | motions | events | generate | read+decode events/s |"
        " first build, batches of 500 |"
        + "".join(
            f" rebuild, batches of {b}, {w} worker{'s' if w > 1 else ''} |"
            for b, w in rebuilds(args)
        )
        + " overdue total |"
        " page+total ms (median) | office filter ms | `tracker overdue --limit 50` |"
    )
    print("|---|---:|---:|---:|---:|" + "---:|" * (len(rebuilds(args)) + 5))
    for motions in args.motions:
        root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-board-"))
        folder = root / f"m{motions}"
        try:
            bench(parse_location(str(folder)), str(folder), motions, args)
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
        if args.postgres:
            import psycopg

            schema = f"bench_{uuid.uuid4().hex[:8]}"
            url = f"{args.postgres}?schema={schema}"
            try:
                bench(parse_location(url), url, motions, args)
            finally:
                with psycopg.connect(args.postgres, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


if __name__ == "__main__":
    main()

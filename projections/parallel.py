"""A rebuild from scratch split over worker processes (SQLite; docs/decisions/0012).

A read model's rows depend only on the events of their own aggregate (a motion), so the
aggregates can be divided among processes that each build the read model of their share,
and the shares can then be put together. :func:`build_parts` does that for a build from
scratch by :class:`projections.runner.Runner` with more than one worker (a rebuild, or a
first catch-up of a long log):

1. The log's head (``upto``) is fixed. Every aggregate belongs to the part in whose range of
   positions its first event (``originator_version`` 1) lies; the ranges are cut so that the
   parts hold equal numbers of aggregates.
2. Part *k* is built by a worker process (part 0 by the calling process) into a scratch
   SQLite file beside the database, ``<db>.rebuild-<token>-<k>``, with the projections' code
   and the runner's batches and positions: the worker reads the log's table from the start
   of its range to ``upto`` and decodes only the events of its own aggregates.
3. The calling process waits for the workers and builds any part a worker left unfinished
   itself (continuing from the part's saved position), then copies the parts into the
   database in one transaction (:meth:`projections.runner.Tables.merge`), part by part, so
   that keys growing with the log are appended in order, and saves ``upto`` as the
   projections' position. The scratch files are deleted.

The build's plan (its token, ``upto``, the ranges and the projections' versions) is saved
beside the database (``<db>.rebuild-<token>.json``) before the parts begin. While it runs,
the building process holds the build's lock and the projections are marked as being built
(:mod:`projections.builds`); the mark goes in the merge's transaction. Another runner that
finds the mark waits for the lock (a command run during the rebuild answers once it is
done). If the lock is free, the build was killed: the next build from scratch resumes it
(:func:`adopt_plan`: same ranges and ``upto``, each part from its saved position), or, in
one process, deletes its scratch files.

:class:`ParallelBuild` is the strategy a :class:`projections.runner.Runner` is given.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from events.store import Database, StoreLocation
from projections import runner as runners
from projections.builds import (
    build_lock,
    dead_builds,
    part_path,
    plan_path,
    remove_build,
    remove_part,
)
from projections.runner import LOG_TABLES, Progress, Projection, Runner
from tracker.logs import configure, configured_level, get_logger

if TYPE_CHECKING:
    from events.log import LogEntry

log = get_logger()


#: Below this many events a rebuild stays in one process (starting a worker costs ~0.3 s).
MIN_EVENTS_PER_WORKER = 50_000
#: Most workers chosen by :func:`default_workers`.
MAX_WORKERS = 4


def default_workers(events: int, cpus: int | None = None) -> int:
    """Worker processes for a rebuild of ``events`` events: one per CPU, at most
    :data:`MAX_WORKERS`, and one per :data:`MIN_EVENTS_PER_WORKER` events."""
    cpus = cpus if cpus is not None else (os.cpu_count() or 1)
    return max(1, min(cpus, MAX_WORKERS, events // MIN_EVENTS_PER_WORKER))


def new_token() -> str:
    """A name for one parallel build (its scratch files and its lock)."""
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class Plan:
    """A parallel build: the parts' ranges of first events, up to ``upto`` (``events`` in
    all), for projections at ``versions``."""

    token: str
    upto: int
    events: int
    ranges: list[tuple[int, int]]
    versions: dict[str, str]

    def save(self, db_path: Path) -> None:
        """Write the plan beside the database (replacing the file whole)."""
        path = plan_path(db_path, self.token)
        scratch = path.with_name(path.name + ".tmp")
        scratch.write_text(
            json.dumps(
                {
                    "upto": self.upto,
                    "events": self.events,
                    "ranges": self.ranges,
                    "versions": self.versions,
                }
            )
        )
        scratch.replace(path)

    @classmethod
    def load(cls, db_path: Path, token: str) -> Plan | None:
        """The saved plan of build ``token`` (None: none, or unreadable)."""
        try:
            data = json.loads(plan_path(db_path, token).read_text())
            return cls(
                token=token,
                upto=int(data["upto"]),
                events=int(data["events"]),
                ranges=[(int(lo), int(hi)) for lo, hi in data["ranges"]],
                versions={str(k): str(v) for k, v in data["versions"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


def new_plan(db_path: Path, versions: Mapping[str, str], upto: int, workers: int) -> Plan:
    """A plan for ``workers`` parts over the log up to ``upto`` (one scan of its table)."""
    firsts, events = scan_log(db_path, upto)
    return Plan(new_token(), upto, events, cut_ranges(firsts, upto, workers), dict(versions))


def adopt_plan(db_path: Path, versions: Mapping[str, str]) -> Plan | None:
    """The plan of a dead build of projections at ``versions``, to resume (None: none).

    The scratch files of the other dead builds are deleted; live builds are left alone.
    """
    adopted: Plan | None = None
    for token in dead_builds(db_path):
        plan = Plan.load(db_path, token)
        if adopted is None and plan is not None and plan.versions == dict(versions):
            adopted = plan
        else:
            remove_build(db_path, token)
    return adopted


def cut_ranges(firsts: Sequence[int], upto: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` ranges ``(lo, hi]`` of positions up to ``upto`` holding equal numbers of the
    first events at ``firsts`` (ascending); together they cover ``(0, upto]``."""
    bounds = [0]
    for k in range(1, parts):
        if not firsts:
            bounds.append(upto * k // parts)
            continue
        before = len(firsts) * k // parts  # first events in the parts before part k
        bounds.append(firsts[before - 1] if before else 0)
    bounds.append(upto)
    return [(bounds[k], max(bounds[k], bounds[k + 1])) for k in range(parts)]


def scan_log(log_path: Path, upto: int) -> tuple[list[int], int]:
    """Positions of the aggregates' first events up to ``upto``, and the number of events up
    to ``upto``, from the log's table."""
    table, column = LOG_TABLES["sqlite"]
    conn = sqlite3.connect(log_path)
    try:
        firsts = [
            int(row[0])
            for row in conn.execute(
                f"SELECT {column} FROM {table} WHERE originator_version = 1 AND {column} <= ?"
                f" ORDER BY {column}",
                (upto,),
            )
        ]
        count = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} <= ?", (upto,))
        return firsts, int(count.fetchone()[0])
    finally:
        conn.close()


def part_entries(
    log_path: Path, mapper: Any, lo: int, hi: int, upto: int, batch: int
) -> Iterator[LogEntry]:
    """The events up to ``upto`` of the aggregates whose first event lies in ``(lo, hi]``.

    Reads the log's table directly and decodes only those events (the others are skipped by
    their aggregate id, undecoded).
    """
    # deferred: a worker's imports (eventsourcing, the event classes), not the caller's
    from eventsourcing.persistence import StoredEvent

    from events.log import LogEntry

    table, column = LOG_TABLES["sqlite"]
    query = (
        f"SELECT {column}, originator_id, originator_version, topic, state FROM {table}"
        f" WHERE {column} > ? AND {column} <= ? ORDER BY {column} LIMIT ?"
    )
    mine: set[str] = set()
    position = lo
    conn = sqlite3.connect(log_path)
    try:
        while position < upto:
            rows = conn.execute(query, (position, upto, batch)).fetchall()
            if not rows:
                return
            for at, originator, version, topic, state in rows:
                if version == 1:
                    if at > hi:
                        continue
                    mine.add(originator)
                elif originator not in mine:
                    continue
                event = mapper.to_domain_event(StoredEvent(originator, version, topic, state))
                yield LogEntry(at, event)
            position = rows[-1][0]
    finally:
        conn.close()


def open_part(path: Path) -> Database:
    """A scratch database for one part: rebuilt from the log if lost, so not synced."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    return Database(StoreLocation("sqlite", path=path), conn)


def build_part(
    location: StoreLocation,
    projections: Sequence[Projection],
    token: str,
    k: int,
    lo: int,
    hi: int,
    upto: int,
    batch: int,
    progress: Progress | None = None,
    log_level: str | None = None,
) -> int:
    """Build part ``k`` into its scratch file (continuing from its saved position, if any);
    returns the events applied. The target of the worker processes. ``progress(position,
    upto)`` is called every few thousand events (part 0, in the calling process);
    ``log_level``: the calling process's (a worker logs as it does)."""
    from tracker.service import open_log  # deferred: a worker's imports, not the caller's

    if log_level is not None:
        configure(log_level)
    assert location.path is not None
    begun = time.perf_counter()
    app = open_log(location)
    try:
        with open_part(part_path(location.path, token, k)) as part:
            entries = part_entries(location.path, app.mapper, lo, hi, upto, batch)
            if progress is not None:
                entries = _reporting(entries, progress, upto)
            applied = runners.project(part, projections, entries, batch, indexes=False)
    finally:
        app.close()
    log.info(
        "projection_part_built",
        part=k,
        events=applied,
        seconds=round(time.perf_counter() - begun, 3),
    )
    return applied


def _reporting(entries: Iterator[LogEntry], progress: Progress, upto: int) -> Iterator[LogEntry]:
    for n, entry in enumerate(entries):
        if n % 5000 == 0:
            progress(entry.position, upto)
        yield entry


def build_parts(
    db: Database,
    projections: Sequence[Projection],
    plan: Plan,
    batch: int,
    progress: Progress | None = None,
) -> tuple[int, bool]:
    """Build ``projections`` by ``plan`` in one process per part (continuing parts already
    begun) and copy the parts into ``db``, whose projections must be freshly created, with
    their versions marked as the plan's build, by a caller holding :func:`build_lock`.
    Returns the events up to the plan's ``upto`` and whether the parts were merged (False:
    the marks were gone; the parts are discarded). ``progress`` follows part 0 (the parts
    advance at about the same pace). A failure leaves the files for a resumed build.
    """
    import multiprocessing  # deferred: only a build in several processes starts processes

    assert db.backend == "sqlite" and db.location.path is not None
    path = db.location.path
    token, upto, ranges = plan.token, plan.upto, plan.ranges
    plan.save(path)
    parts = [part_path(path, token, k) for k in range(len(ranges))]
    context = multiprocessing.get_context("spawn")  # no inherited connections
    level = configured_level()
    processes = [
        context.Process(
            target=build_part,
            args=(db.location, projections, token, k, lo, hi, upto, batch, None, level),
            name=f"tracker-rebuild-{k}",
        )
        for k, (lo, hi) in enumerate(ranges)
        if k > 0
    ]
    try:
        for process in processes:
            process.start()
        build_part(db.location, projections, token, 0, *ranges[0], upto, batch, progress)
        for process in processes:
            process.join()
        for k, process in enumerate(processes, start=1):
            if process.exitcode != 0:  # finish what the worker left, from its saved position
                log.warning("projection_part_failed", part=k, exitcode=process.exitcode)
                build_part(db.location, projections, token, k, *ranges[k], upto, batch)
        merged = _merge(db, projections, token, parts, upto)
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join()
    for part in parts:
        remove_part(part)
    plan_path(path, token).unlink(missing_ok=True)
    if progress is not None:
        progress(upto, upto)
    return plan.events, merged


def _merge(
    db: Database, projections: Sequence[Projection], token: str, parts: list[Path], upto: int
) -> bool:
    names = [f"part{k}" for k in range(len(parts))]
    for name, path in zip(names, parts, strict=True):
        db.query(f"ATTACH DATABASE ? AS {name}", (str(path),))
    try:
        with db.transaction() as cur:
            if not runners.finish_build(cur, projections, token, upto):
                log.warning("projection_parts_discarded", reason="no longer marked as building")
                return False
            for p in projections:
                for name in names:
                    p.merge(cur, "main.", f"{name}.")
        return True
    finally:
        for name in names:
            db.query(f"DETACH DATABASE {name}")


class ParallelBuild:
    """Builds from scratch shared among worker processes: the strategy given to a
    :class:`~projections.runner.Runner` (``Runner(..., builder=ParallelBuild())``)."""

    def workers(self, events: int) -> int:
        """One per CPU, at most :data:`MAX_WORKERS`, one per :data:`MIN_EVENTS_PER_WORKER`."""
        return default_workers(events)

    def build(
        self,
        runner: Runner,
        chosen: Sequence[Projection],
        workers: int,
        batch_size: int,
        progress: Progress | None,
        *,
        upto: int,
        fresh: bool,
    ) -> int:
        """Build ``chosen`` in ``workers`` processes up to position ``upto`` (the log's
        head), or resume a killed build of the same versions (with its parts); returns the
        events applied. ``fresh``: only if nothing has been applied to them yet (a first
        catch-up; 0 when another process built them meanwhile)."""
        path = runner.file_path
        assert path is not None
        versions = {p.name: p.version for p in chosen}
        plan = adopt_plan(path, versions)
        if plan is None:
            plan = new_plan(path, versions, upto, workers)
        else:
            log.info("projection_rebuild_resumed", token=plan.token, upto=plan.upto)
        # The tables stay empty until the parts are merged; meanwhile the mark tells other
        # processes of the build, and the lock whether it still runs.
        with build_lock(path, plan.token):
            if not runner.reset(chosen, build=plan.token, fresh=fresh):
                return 0
            log.info(
                "projection_rebuild",
                projections=[p.name for p in chosen],
                workers=len(plan.ranges),
            )
            with runners.fewer_collections():
                applied, merged = build_parts(runner.db, chosen, plan, batch_size, progress)
        return applied if merged else 0

"""The projection runner: keeps read models current with the log, in batches, crash-safe.

A read model (a :class:`Projection`) is a function of the events plus a saved position. The
runner feeds it the log in batches; each batch's rows **and** the projection's new position are
written in one transaction, so a crash (even ``SIGKILL``) leaves either the whole batch or
none of it, and the next run resumes after the last committed batch without applying
anything twice. The read models live in the same database as the log (the SQLite file, or
the PostgreSQL schema of the location), beside the table ``projection_positions``.

API::

    class Projection(Protocol):          # what a read model implements
        name: str                        # "board"; the key in projection_positions
        version: str                     # change it to have the runner rebuild the model
        def create(self, cur, prefix) -> None    # CREATE TABLE/INDEX IF NOT EXISTS
        def drop(self, cur, prefix) -> None      # DROP TABLE IF EXISTS
        def apply(self, cur, entries, prefix) -> None  # a batch of LogEntry, in log order
        query_indexes: Sequence[Index]           # built after catching up from scratch
        def begin_catch_up(self, cur, prefix, *, indexed) -> None  # before the first batch
        def merge(self, cur, dst, src) -> None   # add the rows of a part (parallel rebuild)

    runner = Runner(db, app, [BoardProjection()])   # db: events.store.Database; app: MotionLog
                                                    # (or a function opening it, on first need)
    runner.catch_up(batch_size=500) -> int          # events applied; 0 when current
    runner.catch_up(entries=iterable)               # feed entries instead of reading the store
    runner.rebuild(name=None) -> int                # drop, recreate, replay (one or all)
    runner.follow(stop)                             # keep catching up (LISTEN on PostgreSQL)

    project(db, projections, entries)               # one-shot: any Database, e.g. in memory
    log_head(db) -> int | None                      # the log's last position, by plain SQL

``prefix`` is the schema prefix of the database's tables (``Database.table_prefix``: empty on
SQLite, ``"schema."`` on PostgreSQL); a projection puts it before each of its table names.
``cur`` is an :class:`events.store.Cursor` (``?`` placeholders on both backends).

**Indexes that only queries need** (``query_indexes``) are not kept up to date while a read
model is built from scratch: a rebuild, a new read model or a version change creates the
tables with the indexes that applying needs, catches up, and then builds the query indexes in
one sorted pass (maintaining them row by row costs a random page write per row and index).
A runner whose setup finds any of them missing, for example after a rebuild was killed,
builds them at the end of its next catch-up; until then queries are correct but scan.

A projection whose stored ``version`` differs from its current one (new code, or a setting
it depends on such as ``[board] regular_cadence_months``) is dropped and rebuilt by the next
:meth:`Runner.catch_up`.

An auditor's rebuild "as recorded up to time T" runs the same projections into another
database, for example ``Database(StoreLocation("sqlite", path=Path(":memory:")),
sqlite3.connect(":memory:"))``, fed from an iterable of entries::

    project(memory_db, [BoardProjection()], (e for e in read_log(...) if e.recorded <= t))

Concurrent runners (two CLI processes catching up at once) are safe: inside each batch
transaction the runner re-reads the position under a lock (SQLite ``BEGIN IMMEDIATE``,
PostgreSQL ``SELECT ... FOR UPDATE``) and skips entries another runner applied meanwhile.

**Builds from scratch in several processes** (``Runner(..., builder=ParallelBuild())``,
``rebuild(workers=N)``; by default one per CPU for long logs; SQLite files only): a rebuild,
or a first catch-up with nothing applied yet, divides the motions among worker processes
that build their share into scratch files, which are then copied into the database in one
transaction (:class:`projections.parallel.ParallelBuild`, docs/decisions/0012). The runner
is given the strategy and does not import it. While such a build runs, its read models are
marked in ``projection_builds`` (their versions stay as they are); other runners wait for
it (:mod:`projections.builds`). A read model's rows must depend only on the events of their
own aggregate for this to hold.

While catching up, the cyclic garbage collector runs less often (:func:`fewer_collections`):
a batch allocates many short-lived objects without cycles (docs/decisions/0011).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from uuid import UUID

from events.store import Cursor, Database, pg_connect
from projections import builds
from tracker.logs import get_logger

if TYPE_CHECKING:  # the library loads only when events must be read (fast listings)
    from eventsourcing.persistence import ApplicationRecorder, Mapper

    from events.log import LogEntry

log = get_logger()

POSITIONS_TABLE = "projection_positions"
#: Read models being built from scratch in several processes: name, build token.
BUILDS_TABLE = "projection_builds"
T = TypeVar("T")

#: Default number of events per transaction.
DEFAULT_BATCH = 500
#: Allocations between two young-generation garbage collections while catching up.
CATCH_UP_GC_THRESHOLD = 10_000


@dataclass(frozen=True)
class Index:
    """An index that queries need but applying does not (see the module docstring).

    ``columns`` is what follows the table name, e.g. ``(due, mseq) WHERE is_open = 1``;
    ``name`` is unique within the schema.
    """

    name: str
    table: str
    columns: str
    unique: bool = False

    def sql(self, prefix: str) -> str:
        """The ``CREATE INDEX`` statement for tables under ``prefix``."""
        unique = "UNIQUE " if self.unique else ""
        return (
            f"CREATE {unique}INDEX IF NOT EXISTS {self.name} ON {prefix}{self.table} {self.columns}"
        )


class Projection(Protocol):
    """A read model: tables built from the log by applying batches of entries."""

    #: Unique name, e.g. ``board`` (``tracker rebuild NAME``).
    name: str
    #: Any change triggers a rebuild (schema or logic changes, settings the rows depend on).
    version: str

    @property
    def query_indexes(self) -> Sequence[Index]:
        """Indexes built after catching up from scratch (not maintained during a rebuild)."""
        ...

    def create(self, cur: Cursor, prefix: str) -> None:
        """Create the tables and the indexes applying needs, if absent (idempotent)."""
        ...

    def drop(self, cur: Cursor, prefix: str) -> None:
        """Drop the tables (if they exist)."""
        ...

    def apply(self, cur: Cursor, entries: Sequence[LogEntry], prefix: str) -> None:
        """Apply a batch of entries, in log order, inside the runner's transaction."""
        ...

    def begin_catch_up(self, cur: Cursor, prefix: str, *, indexed: bool) -> None:
        """Called in the first batch's transaction of each catch-up with events to apply.

        ``indexed`` is False while this projection's query indexes are missing (it is being
        built from scratch), so that ``apply`` can avoid lookups that would need them.
        """
        ...

    def merge(self, cur: Cursor, dst: str, src: str) -> None:
        """Add the tables under prefix ``src`` (a part built from other aggregates' events by
        a parallel rebuild) to those under ``dst``, inside the runner's transaction."""
        ...


class Tables:
    """``create`` and ``drop`` for a projection that lists its statements and tables.

    Subclasses set ``statements`` (``CREATE ... IF NOT EXISTS``, with ``{p}`` for the schema
    prefix), ``tables``, and optionally ``query_indexes`` and ``merge_statements`` (with
    ``{dst}`` and ``{src}``; by default each table's rows are copied, ``SELECT *``: a part's
    tables are created by the same statements, so their columns are in the same order).
    """

    statements: Sequence[str] = ()
    tables: Sequence[str] = ()
    query_indexes: Sequence[Index] = ()
    merge_statements: Sequence[str] = ()

    def create(self, cur: Cursor, prefix: str) -> None:
        """Create the tables and indexes if absent."""
        for statement in self.statements:
            cur.execute(statement.format(p=prefix))

    def drop(self, cur: Cursor, prefix: str) -> None:
        """Drop the tables."""
        for table in self.tables:
            cur.execute(f"DROP TABLE IF EXISTS {prefix}{table}")

    def begin_catch_up(self, cur: Cursor, prefix: str, *, indexed: bool) -> None:
        """Nothing to prepare (override to change how ``apply`` looks rows up)."""

    def merge(self, cur: Cursor, dst: str, src: str) -> None:
        """Run ``merge_statements``, or copy every table's rows."""
        statements = self.merge_statements or [
            f"INSERT INTO {{dst}}{table} SELECT * FROM {{src}}{table}" for table in self.tables
        ]
        for statement in statements:
            cur.execute(statement.format(dst=dst, src=src))


class LogSource(Protocol):
    """Where the runner reads the log: the eventsourcing application (``MotionLog``)."""

    @property
    def recorder(self) -> ApplicationRecorder: ...

    @property
    def mapper(self) -> Mapper[UUID]: ...


#: ``progress(done, total)``: events read so far of those to apply (a catch-up from the log).
Progress = Callable[[int, int], None]


class _Reset(Exception):
    """A projection's saved position went back, or its version changed, while a catch-up
    was under way (a rebuild)."""


class _BuildRunning(Exception):
    """Another process is building a projection in parallel (:mod:`projections.parallel`)."""

    def __init__(self, path: Path, token: str) -> None:
        super().__init__(token)
        self.path = path
        self.token = token


class UnknownProjection(LookupError):
    """``rebuild(name)`` named no projection of this runner."""


@contextmanager
def fewer_collections(threshold: int = CATCH_UP_GC_THRESHOLD) -> Iterator[None]:
    """Run the block with the cyclic garbage collector's first threshold raised.

    Catching up allocates several objects per event (decoded events, board states, rows)
    that live for one batch and hold no reference cycles. With Python's default threshold
    (700 allocations) the collector runs every few events and its older generations, which
    hold everything alive, are traversed again and again: about a tenth of a rebuild's time
    (docs/decisions/0011). The thresholds are restored afterwards; the collector stays on.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(threshold, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def batched(entries: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of up to ``size`` entries."""
    iterator = iter(entries)
    while chunk := list(islice(iterator, size)):
        yield chunk


#: The library's table of the log beside the read models (application name ``Tracker``).
LOG_TABLES = {
    "sqlite": ("stored_events", "rowid"),
    "postgres": ("tracker_events", "notification_id"),
}


def log_head(db: Database) -> int | None:
    """The log's last position read straight from the library's table in ``db``.

    Lets a caught-up runner answer without loading the eventsourcing library; None when the
    table is not where expected (then the application is asked).
    """
    table, column = LOG_TABLES[db.backend]
    if db.backend == "postgres":
        qualified = f"{db.table_prefix or 'public.'}{table}"
        found = db.query("SELECT to_regclass(?)", (qualified,))
    else:
        qualified = table
        found = db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        )
    if not found or found[0][0] is None:
        return None
    return int(db.query(f"SELECT COALESCE(MAX({column}), 0) FROM {qualified}")[0][0])


class BuildStrategy(Protocol):
    """How a build from scratch is shared among processes (given to a :class:`Runner`;
    :class:`projections.parallel.ParallelBuild`). Without one, a runner builds in its own
    process."""

    def workers(self, events: int) -> int:
        """Processes for a build of a log of ``events`` events, when none were asked for."""
        ...

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
        """Build ``chosen`` from scratch up to position ``upto`` (the log's head) in
        ``workers`` processes, marked with :meth:`Runner.reset` and finished with
        :func:`finish_build`; returns the events applied (0: ``fresh`` and another
        process built them meanwhile)."""
        ...


class Runner:
    """Keeps ``projections`` current with the log of ``app`` inside ``db``.

    ``app`` is the eventsourcing application, or a function that opens it when events must
    be read (a caught-up runner then never loads it); it may be None when entries are
    always given to :meth:`catch_up`. ``builder``: how a build from scratch (a rebuild, or
    a first catch-up) is shared among ``workers`` processes on an SQLite file (None: one
    process), or a function returning it (called only when such a build happens);
    ``workers`` None: as many as the builder chooses for the log's length.
    """

    def __init__(
        self,
        db: Database,
        app: LogSource | Callable[[], LogSource] | None,
        projections: Sequence[Projection],
        workers: int | None = None,
        builder: BuildStrategy | Callable[[], BuildStrategy] | None = None,
    ) -> None:
        names = [p.name for p in projections]
        if len(set(names)) != len(names):
            raise ValueError(f"projection names must be unique: {names}")
        self.db = db
        self._app = app
        self.projections = list(projections)
        self.prefix = db.table_prefix
        self._ready = False
        self._listener: Any = None
        #: Query indexes found missing by setup (or dropped by a rebuild): built after the
        #: next catch-up.
        self._unindexed: list[tuple[Projection, Index]] = []
        #: Processes of a build from scratch (None: by the log's length and the CPUs).
        self.workers = workers
        self._builder = builder

    @property
    def builder(self) -> BuildStrategy | None:
        """How builds from scratch are shared among processes (None: one process)."""
        if self._builder is not None and not hasattr(self._builder, "build"):
            opener: Any = self._builder
            self._builder = opener()
        builder: Any = self._builder
        return builder  # type: ignore[no-any-return]

    @property
    def app(self) -> LogSource | None:
        """The application whose log is read (opened on first use when given lazily)."""
        if self._app is not None and not hasattr(self._app, "recorder"):
            opener: Any = self._app
            self._app = opener()
        app: Any = self._app
        return app  # type: ignore[no-any-return]

    # -- positions -----------------------------------------------------------------------

    @property
    def _positions_table(self) -> str:
        return f"{self.prefix}{POSITIONS_TABLE}"

    def setup(self) -> None:
        """Create the position table and every projection's tables; rebuild stale versions.

        Idempotent and safe against concurrent callers; only reads when all is in place.
        Waits while another process builds a projection in parallel.
        """
        self._after_builds(self._setup)

    def _after_builds(self, work: Callable[[], T]) -> T:
        """``work()``, done again after each parallel build of another process it met
        (:class:`_BuildRunning`) has ended."""
        while True:
            try:
                return work()
            except _BuildRunning as running:
                log.info("projection_waiting_for_rebuild", token=running.token)
                builds.wait_for_build(running.path, running.token)

    @property
    def _builds_table(self) -> str:
        return f"{self.prefix}{BUILDS_TABLE}"

    def _check_builds(self, cur: Cursor) -> None:
        """Raise :class:`_BuildRunning` if a read model is marked as being built by a live
        parallel build (a dead one's files are left for the next build from scratch to
        resume or delete)."""
        path = self.file_path
        if path is None:
            return
        tokens = {
            str(t) for (t,) in cur.execute(f"SELECT token FROM {self._builds_table}").fetchall()
        }
        for token in sorted(tokens):
            if builds.build_alive(path, token):
                raise _BuildRunning(path, token)

    def _remove_dead_builds(self) -> None:
        """Delete what killed parallel builds left (a build in one process begins)."""
        path = self.file_path
        if path is not None:
            builds.remove_dead_builds(path)

    def _setup(self) -> None:
        if self._in_place():
            self._unindexed = self._missing_indexes()
            self._ready = True
            return
        with self.db.transaction() as cur:
            self._lock_setup(cur)
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {self._positions_table} ("
                " name TEXT PRIMARY KEY, version TEXT NOT NULL, position BIGINT NOT NULL)"
            )
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {self._builds_table} ("
                " name TEXT PRIMARY KEY, token TEXT NOT NULL)"
            )
            stored = dict(
                cur.execute(f"SELECT name, version FROM {self._positions_table}").fetchall()
            )
            self._check_builds(cur)
            # Marks left are those of killed builds: their read models are half built.
            killed = {
                str(name)
                for (name,) in cur.execute(f"SELECT name FROM {self._builds_table}").fetchall()
            }
            for p in self.projections:
                if p.name in stored and (stored[p.name] != p.version or p.name in killed):
                    log.info(
                        "projection_version_changed"
                        if p.name not in killed
                        else "projection_build_killed",
                        projection=p.name,
                        stored=stored[p.name],
                        current=p.version,
                    )
                    p.drop(cur, self.prefix)
                    cur.execute(
                        f"UPDATE {self._positions_table} SET version = ?, position = 0"
                        " WHERE name = ?",
                        (p.version, p.name),
                    )
                    cur.execute(f"DELETE FROM {self._builds_table} WHERE name = ?", (p.name,))
                elif p.name not in stored:
                    cur.execute(
                        f"INSERT INTO {self._positions_table} (name, version, position)"
                        " VALUES (?, ?, 0)",
                        (p.name, p.version),
                    )
                p.create(cur, self.prefix)
        self._unindexed = self._missing_indexes()
        self._ready = True

    def _in_place(self) -> bool:
        """The tables of positions and builds exist, every projection is recorded at its
        current version, and none is being built in parallel."""
        tables = (self._positions_table, self._builds_table)
        if self.db.backend == "postgres":
            found = self.db.query("SELECT to_regclass(?), to_regclass(?)", tables)
            if not found or None in found[0]:
                return False
        else:
            found = self.db.query(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
                (POSITIONS_TABLE, BUILDS_TABLE),
            )
            if not found or found[0][0] != 2:
                return False
        stored = self.db.query(
            f"SELECT name, version, (SELECT COUNT(*) FROM {self._builds_table})"
            f" FROM {self._positions_table}"
        )
        if any(building for _, _, building in stored):
            return False
        versions = {name: version for name, version, _ in stored}
        return all(versions.get(p.name) == p.version for p in self.projections)

    def _missing_indexes(self) -> list[tuple[Projection, Index]]:
        """The query indexes of this runner's projections that do not exist (one query)."""
        wanted = [(p, ix) for p in self.projections for ix in p.query_indexes]
        if not wanted:
            return []
        names = [ix.name for _, ix in wanted]
        marks = ",".join("?" * len(names))
        if self.db.backend == "postgres":
            rows = self.db.query(
                f"SELECT indexname FROM pg_indexes WHERE schemaname = ? AND indexname IN ({marks})",
                (self.db.location.schema or "public", *names),
            )
        else:
            rows = self.db.query(
                f"SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
                names,
            )
        present = {str(row[0]) for row in rows}
        return [(p, ix) for p, ix in wanted if ix.name not in present]

    def _build_indexes(self) -> None:
        """Build the missing query indexes (a sorted bulk build each), in one transaction."""
        begun = time.perf_counter()
        with self.db.transaction() as cur:
            self._lock_setup(cur)
            for _, index in self._unindexed:
                cur.execute(index.sql(self.prefix))
        if self.db.backend == "postgres":
            # Fresh statistics after a bulk load, so the planner uses the new indexes.
            for table in sorted({ix.table for _, ix in self._unindexed}):
                self.db.query(f"ANALYZE {self.prefix}{table}")
        log.info(
            "projection_indexes_built",
            indexes=[ix.name for _, ix in self._unindexed],
            seconds=round(time.perf_counter() - begun, 3),
        )
        self._unindexed = []

    def _lock_setup(self, cur: Cursor) -> None:
        if self.db.backend == "postgres":  # SQLite's BEGIN IMMEDIATE already serialises
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (self._positions_table,))

    def positions(self) -> dict[str, int]:
        """The saved position of each projection (0: nothing applied yet)."""
        if not self._ready:
            self.setup()
        rows = self.db.query(f"SELECT name, position FROM {self._positions_table}")
        known = {str(name): int(pos) for name, pos in rows}
        return {p.name: known.get(p.name, 0) for p in self.projections}

    def _locked_positions(self, cur: Cursor) -> dict[str, int]:
        """The saved positions, locked; :class:`_Reset` if a version changed meanwhile
        (another process runs newer code) or a parallel rebuild began."""
        lock = " FOR UPDATE OF p" if self.db.backend == "postgres" else ""
        rows = cur.execute(
            f"SELECT p.name, p.version, p.position, b.token FROM {self._positions_table} p"
            f" LEFT JOIN {self._builds_table} b ON b.name = p.name ORDER BY p.name{lock}"
        ).fetchall()
        versions = {str(name): str(version) for name, version, _, _ in rows}
        if any(versions.get(p.name, p.version) != p.version for p in self.projections):
            raise _Reset
        building = {str(name) for name, _, _, token in rows if token is not None}
        if any(p.name in building for p in self.projections):
            raise _Reset
        known = {str(name): int(pos) for name, _, pos, _ in rows}
        return {p.name: known.get(p.name, 0) for p in self.projections}

    # -- applying ------------------------------------------------------------------------

    def catch_up(
        self,
        batch_size: int = DEFAULT_BATCH,
        entries: Iterable[LogEntry] | None = None,
        progress: Progress | None = None,
        *,
        workers: int | None = None,
    ) -> int:
        """Apply every event after the saved positions; returns how many were applied.

        Reads the log of ``app`` unless ``entries`` are given (in log order; entries at or
        before a projection's position are skipped). Each batch of ``batch_size`` events is
        one transaction holding the rows and the new positions. Missing query indexes are
        built at the end. ``progress(done, total)`` is called after each batch when reading
        the log (``total``: the events between the saved position and the log's head).
        ``workers``: processes for a build from scratch (default: the runner's setting).
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if not self._ready:
            self.setup()
        applied = self._catch_up(batch_size, entries, progress, workers)
        if self._unindexed:
            self._build_indexes()
        return applied

    def _catch_up(
        self,
        batch_size: int,
        entries: Iterable[LogEntry] | None,
        progress: Progress | None,
        workers: int | None = None,
    ) -> int:
        given = entries is not None
        while True:
            try:
                return self._catch_up_pass(batch_size, entries, progress, workers)
            except _Reset:
                if given:
                    raise RuntimeError(
                        "a read model was reset (rebuilt) while these entries were applied;"
                        " apply them again"
                    ) from None
                # Another process began a rebuild under us: start again from its position
                # (after its parallel build, if it runs one).
                log.info("projection_reset_seen", projections=[p.name for p in self.projections])
                self._ready = False
                self.setup()

    def _catch_up_pass(
        self,
        batch_size: int,
        entries: Iterable[LogEntry] | None,
        progress: Progress | None,
        workers: int | None = None,
    ) -> int:
        expected = self.positions()
        start = min(expected.values(), default=0)
        if entries is None:
            if self._app is None:
                raise ValueError("this runner has no log to read; pass entries")
            head = log_head(self.db)
            if head is not None and head <= start:
                return 0
            from events.log import read_log  # deferred: eventsourcing, only when behind (0010)

            app = self.app
            assert app is not None
            recorder = app.recorder
            if head is None:
                head = recorder.max_notification_id() or 0
                if head <= start:
                    return 0
            if not any(expected.values()):
                # A build from scratch (a new store or read model, a version change, a killed
                # parallel build): in several processes when the log is long enough.
                parallel = self._workers(workers, head)
                if parallel > 1:
                    built = self._parallel().build(
                        self,
                        self.projections,
                        parallel,
                        batch_size,
                        progress,
                        upto=head,
                        fresh=True,
                    )
                    return built + self._catch_up_pass(batch_size, None, progress, workers=1)
                self._remove_dead_builds()
            entries = read_log(recorder, app.mapper, start=start + 1, batch=batch_size)
            total = head - start
        else:
            entries = (e for e in entries if e.position > start)
            progress, total = None, 0  # given entries: no total to show
        applied = 0
        begun = time.perf_counter()
        with fewer_collections():
            for number, chunk in enumerate(batched(entries, batch_size)):
                applied += self._apply_batch(chunk, expected, first=number == 0)
                if progress is not None:
                    progress(min(chunk[-1].position - start, total), total)
        if applied:
            log.info(
                "projections_caught_up",
                events=applied,
                seconds=round(time.perf_counter() - begun, 3),
                projections=[p.name for p in self.projections],
            )
        return applied

    def _apply_batch(
        self, chunk: Sequence[LogEntry], expected: dict[str, int], *, first: bool
    ) -> int:
        """Apply one chunk in one transaction; ``expected`` holds the positions this pass has
        seen, and a lower saved position means a rebuild reset it meanwhile (:class:`_Reset`:
        applying this chunk would skip the events before it)."""
        last = chunk[-1].position
        with self.db.transaction() as cur:
            current = self._locked_positions(cur)
            if any(current[name] < position for name, position in expected.items()):
                raise _Reset
            if first:
                unindexed = {p.name for p, _ in self._unindexed}
                for p in self.projections:
                    p.begin_catch_up(cur, self.prefix, indexed=p.name not in unindexed)
            lowest = min(current.values(), default=0)
            for p in self.projections:
                done = current[p.name]
                expected[p.name] = max(done, last)
                todo = (
                    chunk if chunk[0].position > done else [e for e in chunk if e.position > done]
                )
                if not todo:
                    continue
                p.apply(cur, todo, self.prefix)
                cur.execute(
                    f"UPDATE {self._positions_table} SET position = ? WHERE name = ?",
                    (last, p.name),
                )
        if chunk[0].position > lowest:
            return len(chunk)
        return sum(1 for e in chunk if e.position > lowest)

    def rebuild(
        self,
        name: str | None = None,
        batch_size: int = DEFAULT_BATCH,
        progress: Progress | None = None,
        workers: int | None = None,
    ) -> int:
        """Drop and recreate one projection (or all), then replay the log into it.

        ``workers``: processes sharing the replay (SQLite files only; one process
        elsewhere); by default the runner's ``workers``. Returns the number of events
        applied. Raises :class:`UnknownProjection` for a name this runner does not have.
        """
        if workers is not None and workers < 1:
            raise ValueError("workers must be at least 1")
        chosen = self.projections if name is None else [self.get(name)]
        if not self._ready:
            self.setup()
        head = log_head(self.db) or 0
        parallel = self._workers(workers, head)
        if parallel > 1:
            built = self._parallel().build(
                self, chosen, parallel, batch_size, progress, upto=head, fresh=False
            )
            return built + self.catch_up(batch_size, progress=progress, workers=1)
        self._remove_dead_builds()
        self.reset(chosen)
        log.info("projection_rebuild", projections=[p.name for p in chosen], workers=1)
        return self.catch_up(batch_size, progress=progress, workers=1)

    def _workers(self, asked: int | None, events: int) -> int:
        """Processes for a build from scratch of a log of ``events``: ``asked``, else the
        runner's setting, else the builder's choice; always 1 without a builder, unless the
        database is an SQLite file and the log is read from the application."""
        if self._app is None or self.file_path is None or self._builder is None:
            return 1
        if asked is None:
            asked = self.workers
        if asked is None:
            asked = self._parallel().workers(events)
        return asked

    def _parallel(self) -> BuildStrategy:
        """The builder, when a build in several processes was chosen (:meth:`_workers`)."""
        builder = self.builder
        assert builder is not None
        return builder

    def reset(
        self, chosen: Sequence[Projection], *, build: str | None = None, fresh: bool = False
    ) -> bool:
        """Drop and recreate ``chosen`` at position 0 (after any parallel build of another
        process has ended), marked as built by parallel build ``build`` if given.
        ``fresh``: only if none of them has a position yet; returns whether they were
        reset."""

        def reset() -> bool:
            with self.db.transaction() as cur:
                self._lock_setup(cur)
                stored = cur.execute(
                    f"SELECT name, position FROM {self._positions_table}"
                ).fetchall()
                self._check_builds(cur)
                names = {p.name for p in chosen}
                if fresh and any(pos for name, pos in stored if name in names):
                    return False
                for p in chosen:
                    p.drop(cur, self.prefix)
                    p.create(cur, self.prefix)
                    cur.execute(
                        f"UPDATE {self._positions_table} SET version = ?, position = 0"
                        " WHERE name = ?",
                        (p.version, p.name),
                    )
                    cur.execute(f"DELETE FROM {self._builds_table} WHERE name = ?", (p.name,))
                    if build is not None:
                        cur.execute(
                            f"INSERT INTO {self._builds_table} (name, token) VALUES (?, ?)",
                            (p.name, build),
                        )
                return True

        if not self._after_builds(reset):
            return False
        self._unindexed = self._missing_indexes()
        return True

    @property
    def file_path(self) -> Path | None:
        """The SQLite file of the database (None: PostgreSQL or in memory)."""
        path = self.db.location.path
        if self.db.backend != "sqlite" or path is None or str(path) == ":memory:":
            return None
        return path

    def get(self, name: str) -> Projection:
        """The projection called ``name``."""
        for p in self.projections:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.projections)
        raise UnknownProjection(f"no read model {name!r}; known: {known}")

    # -- following -----------------------------------------------------------------------

    def wait(self, timeout: float) -> bool:
        """Block until the log may hold new events or ``timeout`` seconds pass.

        On PostgreSQL the library NOTIFYs a channel on each write; this LISTENs on it and
        returns True when woken. The channel is named after the events table, not its
        schema, so writes to other schemas of the same database wake it too: a wake-up
        says the log *may* have grown. On SQLite it sleeps ``timeout`` and returns False
        (pull).
        """
        if self.db.backend != "postgres" or self._app is None:
            time.sleep(timeout)
            return False
        listener = self._listen()
        woken = False
        for _ in listener.notifies(timeout=timeout, stop_after=1):
            woken = True
        return woken

    def _listen(self) -> Any:
        if self._listener is None:
            channel = getattr(self.app.recorder if self.app else None, "channel_name", None)
            conn = pg_connect(self.db.location)
            conn.execute(f'LISTEN "{channel or "tracker_events"}"')
            self._listener = conn
        return self._listener

    def follow(
        self,
        stop: Callable[[], bool],
        *,
        poll_interval: float = 1.0,
        batch_size: int = DEFAULT_BATCH,
    ) -> None:
        """Catch up, then keep catching up as events arrive, until ``stop()`` is true."""
        if self.db.backend == "postgres" and self._app is not None:
            self._listen()  # listen before the first catch-up so no write is missed
        while True:
            self.catch_up(batch_size)
            if stop():
                return
            self.wait(poll_interval)

    def close(self) -> None:
        """Close the PostgreSQL listener, if one was opened (not the database)."""
        if self._listener is not None:
            self._listener.close()
            self._listener = None


def finish_build(
    cur: Cursor, chosen: Sequence[Projection], build: str, position: int, prefix: str = ""
) -> bool:
    """In the transaction that adds a parallel build's parts: save ``position`` for
    ``chosen`` and remove the build's marks. False (nothing changed) if they are no longer
    marked as built by ``build`` (another process reset them meanwhile)."""
    marks = dict(cur.execute(f"SELECT name, token FROM {prefix}{BUILDS_TABLE}").fetchall())
    if any(marks.get(p.name) != build for p in chosen):
        return False
    for p in chosen:
        cur.execute(
            f"UPDATE {prefix}{POSITIONS_TABLE} SET position = ? WHERE name = ?",
            (position, p.name),
        )
        cur.execute(f"DELETE FROM {prefix}{BUILDS_TABLE} WHERE name = ?", (p.name,))
    return True


def project(
    db: Database,
    projections: Sequence[Projection],
    entries: Iterable[LogEntry],
    batch_size: int = DEFAULT_BATCH,
    *,
    indexes: bool = True,
) -> int:
    """Build ``projections`` in ``db`` from ``entries`` (e.g. an in-memory SQLite database).

    The same code path as :meth:`Runner.catch_up`, positions included; returns how many
    entries were applied. ``indexes=False`` leaves the query indexes of a build from scratch
    unbuilt (a part of a parallel rebuild, whose rows are copied elsewhere).
    """
    runner = Runner(db, None, projections)
    if indexes:
        return runner.catch_up(batch_size, entries=entries)
    runner.setup()
    return runner._catch_up(batch_size, entries, None)

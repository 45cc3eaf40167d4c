"""Where the log lives: an SQLite file (the embedded default) or a PostgreSQL database.

``--db`` / ``TRACKER_DB`` is parsed once into a :class:`StoreLocation`. Everything that
needs the store (the event-sourced application, read models, the audit chain) opens it from
that one object: :meth:`StoreLocation.eventsourcing_env` configures the library, and
:func:`connect` gives a plain DB-API connection for tables kept beside the log.

SQL written for :class:`Database` uses ``?`` placeholders; they are translated for psycopg.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit

SQLITE_FILE_NAME = "tracker.sqlite"
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Seconds an SQLite writer waits for another process's lock before giving up.
SQLITE_LOCK_TIMEOUT = 30
#: Seconds to wait for a PostgreSQL server to answer.
POSTGRES_CONNECT_TIMEOUT = 5
#: WAL pages after which a read-model connection checkpoints (16,384 x 4 KiB = 64 MiB).
SQLITE_CHECKPOINT_PAGES = 16_384
#: Size the WAL file is truncated back to after a checkpoint.
SQLITE_WAL_KEEP_BYTES = 4 * 1024 * 1024


class StoreLocationError(ValueError):
    """``--db`` names something that cannot hold a tracker log."""


@dataclass(frozen=True)
class StoreLocation:
    """A parsed ``--db`` value."""

    backend: Literal["sqlite", "postgres"]
    #: SQLite: the database file.
    path: Path | None = None
    #: PostgreSQL connection parameters.
    host: str = "127.0.0.1"
    port: int = 5432
    dbname: str = ""
    user: str = ""
    password: str = field(default="", repr=False)
    schema: str = ""

    @property
    def display(self) -> str:
        """A description without secrets, for logs and messages."""
        if self.backend == "sqlite":
            return str(self.path)
        schema = f"?schema={self.schema}" if self.schema else ""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}{schema}"

    def eventsourcing_env(self) -> dict[str, str]:
        """The settings that configure the eventsourcing library for this store."""
        if self.backend == "sqlite":
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.path),
                "SQLITE_LOCK_TIMEOUT": str(SQLITE_LOCK_TIMEOUT),
            }
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_CONNECT_TIMEOUT": str(POSTGRES_CONNECT_TIMEOUT),
            "POSTGRES_POOL_SIZE": "2",
            "POSTGRES_MAX_OVERFLOW": "4",
            "POSTGRES_LOCK_TIMEOUT": "30",
        }
        if self.schema:
            env["POSTGRES_SCHEMA"] = self.schema
        return env

    def prepare(self) -> None:
        """Create what the store needs on first use: the SQLite folder, the PostgreSQL schema."""
        if self.backend == "sqlite" and self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif self.backend == "postgres" and self.schema:
            connect(self).close()


def parse_location(value: str) -> StoreLocation:
    """Parse ``--db``: a ``postgresql://`` URL, an SQLite file, or a folder for one.

    A folder (existing or not) holds ``tracker.sqlite``; an existing file must be an SQLite
    database. ``?schema=NAME`` on a PostgreSQL URL keeps the tables in that schema.
    """
    if value.startswith(("postgresql://", "postgres://")):
        return _parse_postgres(value)
    if "://" in value:
        raise StoreLocationError(
            f"--db {value!r}: unsupported URL; use a path or a postgresql:// URL"
        )
    path = Path(value).expanduser()
    if path.is_dir():
        return StoreLocation("sqlite", path=path / SQLITE_FILE_NAME)
    if path.exists():
        if not path.is_file():
            raise StoreLocationError(f"--db {value!r} is neither a folder nor a file")
        try:
            with path.open("rb") as handle:
                head = handle.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StoreLocationError(f"--db {value!r} cannot be read: {exc.strerror}") from exc
        if head and head != SQLITE_MAGIC:
            raise StoreLocationError(
                f"--db {value!r} is a file but not an SQLite database; "
                "give a folder, an SQLite file or a postgresql:// URL"
            )
        return StoreLocation("sqlite", path=path)
    if path.suffix in {".sqlite", ".sqlite3", ".db"}:
        return StoreLocation("sqlite", path=path)
    return StoreLocation("sqlite", path=path / SQLITE_FILE_NAME)


def _parse_postgres(value: str) -> StoreLocation:
    parts = urlsplit(value)
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname:
        raise StoreLocationError(f"--db {_redact(value)!r}: the URL names no database")
    query = parse_qs(parts.query)
    schema = query.get("schema", [""])[0]
    if schema and not schema.replace("_", "").isalnum():
        raise StoreLocationError(f"--db: schema {schema!r} must be letters, digits and _")
    try:
        port = parts.port or 5432
    except ValueError as exc:
        raise StoreLocationError(f"--db {_redact(value)!r}: bad port") from exc
    return StoreLocation(
        "postgres",
        host=parts.hostname or "127.0.0.1",
        port=port,
        dbname=dbname,
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password or ""),
        schema=schema,
    )


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url


class Database:
    """A plain connection to the store for tables kept beside the log.

    One backend-neutral surface: ``?`` placeholders, :meth:`transaction` for atomic work
    (on SQLite it takes the write lock at once: ``BEGIN IMMEDIATE``).
    """

    def __init__(self, location: StoreLocation, connection: Any) -> None:
        self.location = location
        self.backend = location.backend
        self._conn = connection

    def _sql(self, query: str) -> str:
        return query if self.backend == "sqlite" else query.replace("?", "%s")

    @property
    def table_prefix(self) -> str:
        """Schema-qualified prefix for table names."""
        if self.backend == "postgres" and self.location.schema:
            return f"{self.location.schema}."
        return ""

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """Run the block in one transaction; commit on success, roll back on error."""
        if self.backend == "sqlite":
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield Cursor(self, self._conn.cursor())
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()
        else:
            with self._conn.transaction(), self._conn.cursor() as cur:
                yield Cursor(self, cur)

    def query(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query outside an explicit transaction."""
        if self.backend == "sqlite":
            return list(self._conn.execute(query, tuple(params)).fetchall())
        with self._conn.transaction(), self._conn.cursor() as cur:
            cur.execute(self._sql(query), tuple(params))
            return list(cur.fetchall()) if cur.description else []

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Cursor:
    """A cursor inside :meth:`Database.transaction`, with ``?`` placeholders on both backends."""

    def __init__(self, db: Database, cursor: Any) -> None:
        self._db = db
        self._cur = cursor

    def execute(self, query: str, params: Sequence[Any] = ()) -> Cursor:
        self._cur.execute(self._db._sql(query), tuple(params))
        return self

    def executemany(self, query: str, rows: Sequence[Sequence[Any]]) -> Cursor:
        if rows:
            self._cur.executemany(self._db._sql(query), [tuple(r) for r in rows])
        return self

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._cur.fetchall())

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cur.fetchone()
        return tuple(row) if row is not None else None

    @property
    def rowcount(self) -> int:
        return int(self._cur.rowcount)


def pg_connect(location: StoreLocation) -> Any:
    """A plain autocommit psycopg connection to the PostgreSQL store (LISTEN, DDL, Database)."""
    import psycopg  # only PostgreSQL users need the driver

    return psycopg.connect(
        host=location.host,
        port=location.port,
        dbname=location.dbname,
        user=location.user,
        password=location.password or None,
        connect_timeout=POSTGRES_CONNECT_TIMEOUT,
        autocommit=True,
    )


def driver_errors(location: StoreLocation) -> tuple[type[Exception], ...]:
    """The errors the store's driver raises when it cannot open or use the store.

    psycopg is imported only for a PostgreSQL store, so SQLite users never load it.
    """
    if location.backend == "postgres":
        import psycopg  # deferred: only PostgreSQL users need the driver

        return (sqlite3.Error, OSError, psycopg.Error)
    return (sqlite3.Error, OSError)


def failure_reason(exc: BaseException) -> str:
    """The first line of a driver's error (psycopg's go on with hints), for one-line errors."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def connect(location: StoreLocation) -> Database:
    """Open a plain connection to the store (raises the driver's error if it cannot)."""
    if location.backend == "sqlite":
        assert location.path is not None
        location.path.parent.mkdir(parents=True, exist_ok=True)
        lite = sqlite3.connect(location.path, timeout=SQLITE_LOCK_TIMEOUT, isolation_level=None)
        lite.execute("PRAGMA journal_mode=WAL")
        lite.execute("PRAGMA synchronous=NORMAL")
        # Read models are written here in large batches whose index pages repeat from one
        # batch to the next: checkpoint every 64 MiB of WAL rather than every 4 MiB (the
        # default), so a page is copied back once per checkpoint, not once per few batches,
        # and shrink the WAL file back to 4 MiB afterwards (docs/decisions/0009).
        lite.execute(f"PRAGMA wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}")
        lite.execute(f"PRAGMA journal_size_limit={SQLITE_WAL_KEEP_BYTES}")
        # Some builds (Debian's) zero every deleted row and freed page; the read models'
        # rows are derived from the log in the same file, so there is nothing to hide and
        # dropping a 100,000-motion board for a rebuild goes from 0.9 s to 0.05 s.
        lite.execute("PRAGMA secure_delete=OFF")
        return Database(location, lite)
    conn = pg_connect(location)
    if location.schema:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {location.schema}")
    return Database(location, conn)


#: Advisory lock key serialising table creation on PostgreSQL (any fixed 64-bit number).
CREATION_LOCK_KEY = 7_310_112_026


@contextmanager
def creation_lock(location: StoreLocation, opened: Database | None = None) -> Iterator[None]:
    """Serialise creating the store's tables across processes.

    PostgreSQL's ``CREATE TABLE IF NOT EXISTS`` races with itself ("tuple concurrently
    updated") when two processes open a fresh database at once; an advisory lock held while
    the tables are created avoids it. SQLite serialises schema changes itself. ``opened``:
    a connection to hold the lock on (left open), else one is opened for it.
    """
    if location.backend != "postgres":
        yield
        return
    db = opened or connect(location)
    try:
        db.query("SELECT pg_advisory_lock(?)", (CREATION_LOCK_KEY,))
        yield
    finally:
        if opened is None:
            db.close()  # closing the session releases the advisory lock
        else:
            db.query("SELECT pg_advisory_unlock(?)", (CREATION_LOCK_KEY,))


def memory_database() -> Database:
    """An empty in-memory SQLite database with the same ``Database`` surface (replays)."""
    return Database(
        StoreLocation("sqlite", path=Path(":memory:")),
        sqlite3.connect(":memory:", isolation_level=None),
    )

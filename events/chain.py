"""The audit hash chain: a SHA-256 chain over the whole log, kept beside it.

Each stored event has canonical bytes (:meth:`RawEvent.canonical`): its position, originator
id, version, topic and state, each in a fixed, length-prefixed form that is the same on SQLite
and PostgreSQL. The chain value at a position is ``SHA-256(previous chain value || canonical
bytes)``, starting from :data:`GENESIS`. The values are kept in the table ``audit_chain``
(position, chain) in the same database as the log, and extended lazily (:func:`extend`): only
over events that are not chained yet, in position order, in short transactions that one
extender at a time holds, so several writing processes may extend it concurrently.

:func:`verify` re-reads the stored events from the start, recomputes every value and reports
the first position where the log and the chain disagree: an event changed, deleted, inserted,
or moved to another position; and optionally where a published head (``POSITION:HASH``, e.g.
printed in the council's minutes) no longer matches.

What the chain proves, and what it cannot, is written down in ``docs/audit.md``: whoever can
rewrite both the log and this table can make them agree again; only a head published outside
the database catches that.

This module reads the library's event table directly (``stored_events`` on SQLite with the
rowid as position, ``<app>_events`` on PostgreSQL with ``notification_id``), so that it hashes
exactly the bytes that were stored, without decoding them.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from uuid import UUID

from events.store import Cursor, Database

#: The chain value before the first event.
GENESIS = hashlib.sha256(b"tracker audit chain v1").digest()
#: The table beside the log that keeps one chain value per position.
CHAIN_TABLE = "audit_chain"
#: The eventsourcing application's name, lower case: PostgreSQL keeps its log in
#: ``<name>_events``.
DEFAULT_APPLICATION = "tracker"
#: Events hashed per extending transaction; keeps the write lock short.
EXTEND_BATCH = 5000
#: Rows read per query when verifying or exporting.
READ_BATCH = 5000
#: Below every position (positions start at 1).
LOWEST = -(2**63)

_FIXED = struct.Struct(">q16sqI")
_LENGTH = struct.Struct(">Q")
_HEAD_PATTERN = re.compile(r"^\s*(\d+)\s*:\s*([0-9a-fA-F]{64})\s*$")


class ChainError(Exception):
    """Base of this module's errors (the tracker maps them onto its own error tree)."""


class ChainBroken(ChainError):
    """The log and the chain disagree; ``position`` is the first place they do."""

    def __init__(self, position: int, kind: Problem, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.kind = kind


Problem = Literal["changed", "deleted", "inserted", "reordered", "head"]


@dataclass(frozen=True)
class RawEvent:
    """One stored event exactly as the store keeps it."""

    position: int
    originator_id: UUID
    version: int
    topic: str
    state: bytes

    def canonical(self) -> bytes:
        """The bytes that are hashed (see :func:`canonical`)."""
        return canonical(self.position, self.originator_id, self.version, self.topic, self.state)


def canonical(
    position: int, originator_id: UUID | str, version: int, topic: str, state: bytes
) -> bytes:
    """An event's canonical bytes: position, id, version as fixed-width big-endian numbers
    (8, 16, 8 bytes), then the topic (UTF-8) and the state, each after its length.

    ``originator_id`` may be a UUID or its text (SQLite keeps 32 hex digits).
    """
    if isinstance(originator_id, UUID):
        raw = originator_id.bytes
    elif len(originator_id) == 32:
        raw = bytes.fromhex(originator_id)
    else:
        raw = UUID(originator_id).bytes
    name = topic.encode("utf-8")
    return _FIXED.pack(position, raw, version, len(name)) + name + _LENGTH.pack(len(state)) + state


def link(previous: bytes, event: RawEvent) -> bytes:
    """The chain value after ``event``, given the value before it."""
    return hashlib.sha256(previous + event.canonical()).digest()


@dataclass(frozen=True)
class ChainHead:
    """The last chained position and its chain value: what an auditor publishes."""

    position: int
    chain: bytes

    @property
    def hex(self) -> str:
        return self.chain.hex()

    def __str__(self) -> str:
        return f"{self.position}:{self.hex}"

    @classmethod
    def parse(cls, text: str) -> ChainHead:
        """Read ``POSITION:HASH`` (64 hex digits); raises :class:`ValueError` otherwise."""
        match = _HEAD_PATTERN.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not POSITION:HASH with a 64-digit hex SHA-256")
        return cls(int(match.group(1)), bytes.fromhex(match.group(2)))


EMPTY_HEAD = ChainHead(0, GENESIS)


@dataclass(frozen=True)
class EventTable:
    """Where the eventsourcing library keeps the log in one database."""

    name: str
    position: str
    backend: Literal["sqlite", "postgres"]

    @classmethod
    def of(cls, db: Database, application: str = DEFAULT_APPLICATION) -> EventTable:
        """The log table of ``db`` for the application named ``application``."""
        if db.backend == "sqlite":
            return cls("stored_events", "rowid", "sqlite")
        return cls(f"{db.table_prefix}{application.lower()}_events", "notification_id", "postgres")

    def select(self, where: str) -> str:
        """A query for (position, originator id, version, topic, state) in position order."""
        return (
            f"SELECT {self.position}, originator_id, originator_version, topic, state "
            f"FROM {self.name} WHERE {where} ORDER BY {self.position}"
        )

    def row(self, row: Sequence[Any]) -> RawEvent:
        """A fetched row as a :class:`RawEvent`."""
        oid = row[1]
        return RawEvent(
            position=int(row[0]),
            originator_id=oid if isinstance(oid, UUID) else UUID(str(oid)),
            version=int(row[2]),
            topic=str(row[3]),
            state=bytes(row[4]),
        )

    def exists(self, db: Database) -> bool:
        """Whether the library has created this table yet."""
        return table_exists(db, self.name)

    def stored_id(self, originator_id: UUID) -> Any:
        """The originator id as this backend stores it (hex text on SQLite)."""
        return originator_id.hex if self.backend == "sqlite" else originator_id


def chain_table(db: Database) -> str:
    """The chain table's (schema-qualified) name."""
    return f"{db.table_prefix}{CHAIN_TABLE}"


def table_exists(db: Database, name: str) -> bool:
    """Whether the table ``name`` (schema-qualified on PostgreSQL) exists."""
    if db.backend == "sqlite":
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return bool(db.query(query, (name,)))
    return bool(db.query("SELECT to_regclass(?) IS NOT NULL", (name,))[0][0])


def ensure_table(db: Database, name: str, columns: str) -> None:
    """Create table ``name`` if it does not exist (safe when processes race to do it).
    ``columns`` may say ``{number}`` and ``{blob}`` for the backend's integer and byte types."""
    if table_exists(db, name):
        return
    blob = "BLOB" if db.backend == "sqlite" else "BYTEA"
    number = "INTEGER" if db.backend == "sqlite" else "BIGINT"
    with db.transaction() as cur:
        if db.backend == "postgres":  # CREATE ... IF NOT EXISTS itself can collide
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (name,))
        cur.execute(
            f"CREATE TABLE IF NOT EXISTS {name} ({columns.format(number=number, blob=blob)})"
        )


def ensure_chain_table(db: Database) -> None:
    """Create the chain table if it does not exist."""
    ensure_table(db, chain_table(db), "position {number} PRIMARY KEY, chain {blob} NOT NULL")


def lock_chain(db: Database, cur: Cursor) -> None:
    """Make extenders (and sealers) take turns (SQLite's ``BEGIN IMMEDIATE`` already does)."""
    if db.backend == "postgres":
        cur.execute(f"LOCK TABLE {chain_table(db)} IN SHARE ROW EXCLUSIVE MODE")


def head_in(db: Database, cur: Cursor) -> ChainHead:
    """The chain's head, read inside the caller's transaction."""
    cur.execute(f"SELECT position, chain FROM {chain_table(db)} ORDER BY position DESC LIMIT 1")
    row = cur.fetchone()
    return EMPTY_HEAD if row is None else ChainHead(int(row[0]), bytes(row[1]))


def chain_head(db: Database) -> ChainHead:
    """The last chained position and its value (position 0 and :data:`GENESIS` when empty)."""
    rows = db.query(f"SELECT position, chain FROM {chain_table(db)} ORDER BY position DESC LIMIT 1")
    return EMPTY_HEAD if not rows else ChainHead(int(rows[0][0]), bytes(rows[0][1]))


def log_head(db: Database, table: EventTable | None = None) -> int:
    """The position of the last stored event (0 when the log is empty)."""
    table = table or EventTable.of(db)
    rows = db.query(f"SELECT MAX({table.position}) FROM {table.name}")
    return int(rows[0][0] or 0) if rows else 0


def extend(
    db: Database, *, table: EventTable | None = None, batch: int = EXTEND_BATCH
) -> ChainHead:
    """Chain every stored event after the chain's head; returns the new head.

    Each batch runs in its own transaction under the chain's lock and re-reads the head
    inside it, so concurrent extenders never chain an event twice or skip one.
    """
    table = table or EventTable.of(db)
    while True:
        with db.transaction() as cur:
            lock_chain(db, cur)
            head = head_in(db, cur)
            cur.execute(table.select(f"{table.position} > ?") + " LIMIT ?", (head.position, batch))
            events = [table.row(r) for r in cur.fetchall()]
            value = head.chain
            rows: list[tuple[int, bytes]] = []
            for event in events:
                value = link(value, event)
                rows.append((event.position, value))
            cur.executemany(f"INSERT INTO {chain_table(db)} (position, chain) VALUES (?, ?)", rows)
        if len(events) < batch:
            return ChainHead(rows[-1][0], rows[-1][1]) if rows else head


def read_raw(
    db: Database,
    *,
    after: int = 0,
    stop: int | None = None,
    table: EventTable | None = None,
    batch: int = READ_BATCH,
) -> Iterator[RawEvent]:
    """Stored events after position ``after`` up to ``stop`` (inclusive), undecoded."""
    table = table or EventTable.of(db)
    position = after
    while True:
        if stop is None:
            rows = db.query(table.select(f"{table.position} > ?") + " LIMIT ?", (position, batch))
        else:
            rows = db.query(
                table.select(f"{table.position} > ? AND {table.position} <= ?") + " LIMIT ?",
                (position, stop, batch),
            )
        for row in rows:
            yield table.row(row)
        if len(rows) < batch:
            return
        position = int(rows[-1][0])


@dataclass(frozen=True)
class ChainedEvent:
    """A stored event with its recomputed, verified chain value."""

    event: RawEvent
    chain: bytes


def walk(
    db: Database, *, table: EventTable | None = None, batch: int = READ_BATCH
) -> Iterator[ChainedEvent]:
    """Every chained event in order, verified against the chain as it goes.

    Raises :class:`ChainBroken` at the first position where the stored events and the chain
    disagree. Events appended after the chain's head (not chained yet) are not walked.
    """
    table = table or EventTable.of(db)
    for row, value in _walk_rows(db, table, batch):
        yield ChainedEvent(table.row(row), value)


Fetch = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def _walk_rows(
    db: Database,
    table: EventTable,
    batch: int,
    *,
    start: ChainHead = EMPTY_HEAD,
    stop: int | None = None,
    fetch: Fetch | None = None,
) -> Iterator[tuple[tuple[Any, ...], bytes]]:
    """The verifying walk on plain rows: (position, id, version, topic, state), chain value.

    ``start``: a verified (position, chain value) to walk on from (the genesis by default);
    ``stop``: the last position to walk; ``fetch``: how to query (by default
    :meth:`Database.query`; a cursor's, to walk inside a transaction).
    """
    query = fetch or db.query
    previous = start.chain
    # from the genesis, also catch rows slipped in before the first position
    after = LOWEST if start == EMPTY_HEAD else start.position
    upper = "" if stop is None else f" AND position <= {int(stop)}"
    sha256 = hashlib.sha256
    while True:
        chained = query(
            f"SELECT position, chain FROM {chain_table(db)} WHERE position > ?{upper} "
            "ORDER BY position LIMIT ?",
            (after, batch),
        )
        if not chained:
            return
        last = chained[-1][0]
        rows = query(table.select(f"{table.position} > ? AND {table.position} <= ?"), (after, last))
        i, n = 0, len(rows)
        for position, expected in chained:
            if i < n and rows[i][0] < position:
                raise _inserted(rows[i][0])
            if i >= n or rows[i][0] > position:
                raise ChainBroken(
                    position,
                    "deleted",
                    f"position {position}: the event chained there is missing (deleted)",
                )
            row = rows[i]
            i += 1
            value = sha256(previous + canonical(*row)).digest()
            if value != expected:
                raise _changed(db, table.row(row), bytes(expected))
            previous = value
            yield row, value
        if i < n:
            raise _inserted(rows[i][0])
        after = last


def verify_segment(
    db: Database,
    start: ChainHead,
    stop: int,
    *,
    fetch: Fetch | None = None,
    table: EventTable | None = None,
    batch: int = READ_BATCH,
) -> ChainHead:
    """Recompute the chain from the verified value ``start`` up to position ``stop``.

    Raises :class:`ChainBroken` where the stored events and the chain disagree after
    ``start``; returns the value reached (the head at ``stop``). ``fetch``: a transaction's
    query function, to check inside the chain's lock.
    """
    table = table or EventTable.of(db)
    reached = start
    for row, value in _walk_rows(db, table, batch, start=start, stop=stop, fetch=fetch):
        reached = ChainHead(int(row[0]), value)
    return reached


def chain_values(db: Database, positions: Iterable[int], batch: int = 500) -> dict[int, bytes]:
    """The stored chain values at ``positions`` (those where something is chained)."""
    wanted = sorted(set(positions))
    found: dict[int, bytes] = {}
    for i in range(0, len(wanted), batch):
        part = wanted[i : i + batch]
        marks = ", ".join("?" * len(part))
        rows = db.query(
            f"SELECT position, chain FROM {chain_table(db)} WHERE position IN ({marks})", part
        )
        found.update((int(p), bytes(c)) for p, c in rows)
    return found


def _inserted(position: int) -> ChainBroken:
    return ChainBroken(
        position,
        "inserted",
        f"position {position}: an event that the chain does not know was inserted",
    )


def _changed(db: Database, event: RawEvent, expected: bytes) -> ChainBroken:
    origin = find_original_position(db, event)
    if origin is not None:
        return ChainBroken(
            event.position,
            "reordered",
            f"position {event.position}: holds the event chained at position {origin} "
            "(events reordered)",
        )
    return ChainBroken(
        event.position,
        "changed",
        f"position {event.position}: the stored event does not match its chain value (changed)",
    )


def find_original_position(db: Database, event: RawEvent, batch: int = READ_BATCH) -> int | None:
    """The other position at which ``event``'s bytes were chained, if any (a moved event).

    Scans the whole chain, so it is only called after a mismatch has been found.
    """
    previous = GENESIS
    after = 0
    while True:
        rows = db.query(
            f"SELECT position, chain FROM {chain_table(db)} WHERE position > ? "
            "ORDER BY position LIMIT ?",
            (after, batch),
        )
        for position_value, chain_value in rows:
            position = int(position_value)
            if position != event.position:
                moved = RawEvent(
                    position, event.originator_id, event.version, event.topic, event.state
                )
                if link(previous, moved) == bytes(chain_value):
                    return position
            previous = bytes(chain_value)
        if len(rows) < batch:
            return None
        after = int(rows[-1][0])


@dataclass(frozen=True)
class Verification:
    """The outcome of an intact :func:`verify`: how much was checked and the head."""

    events: int
    head: ChainHead
    unchained: int


def check_published(db: Database, expect: ChainHead) -> None:
    """Raise :class:`ChainBroken` unless the chain holds ``expect`` at its position.

    Call it after :func:`walk` has verified the chain against the log: then a mismatch here
    means the log and the chain were both rewritten at or before that position.
    """
    if expect == EMPTY_HEAD:
        return
    rows = db.query(f"SELECT chain FROM {chain_table(db)} WHERE position = ?", (expect.position,))
    if not rows:
        last = chain_head(db).position
        reason = (
            f"the log now ends at position {last}"
            if last < expect.position
            else "no event is chained there any more"
        )
        raise ChainBroken(
            expect.position,
            "head",
            f"position {expect.position}: the published head is not in the chain ({reason}; "
            "events were deleted or the log was rewritten)",
        )
    if bytes(rows[0][0]) != expect.chain:
        raise ChainBroken(
            expect.position,
            "head",
            f"position {expect.position}: the chain value differs from the published head "
            f"{expect}: the log and its chain were rewritten at or before position "
            f"{expect.position}",
        )


def verify(
    db: Database,
    *,
    expect: ChainHead | None = None,
    table: EventTable | None = None,
    batch: int = READ_BATCH,
) -> Verification:
    """Recompute the whole chain from the stored events; raise :class:`ChainBroken` if not intact.

    Does not extend the chain: call :func:`extend` first to cover the newest events.
    """
    table = table or EventTable.of(db)
    count = 0
    position, last = EMPTY_HEAD.position, EMPTY_HEAD.chain
    for row, value in _walk_rows(db, table, batch):
        count += 1
        position, last = row[0], value
    head = ChainHead(int(position), last)
    if expect is not None:
        check_published(db, expect)
    unchained = db.query(
        f"SELECT COUNT(*) FROM {table.name} WHERE {table.position} > ?", (head.position,)
    )
    return Verification(count, head, int(unchained[0][0]))

"""Edit the stored log behind the tracker's back: straight SQL on the SQLite file or PostgreSQL.

These are the attacks the audit chain must reveal; each works on the library's own table
(``stored_events`` with rowid positions on SQLite, ``<schema>.tracker_events`` with
``notification_id`` positions on PostgreSQL), not through any tracker code.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from uuid import UUID

import psycopg

from events.chain import GENESIS, RawEvent, link
from events.seals import Seal
from events.store import StoreLocation
from tests.conftest import PG_BASE


class Raw:
    """A direct connection to the store's event and chain tables."""

    def __init__(self, location: StoreLocation) -> None:
        self.backend = location.backend
        if location.backend == "sqlite":
            assert location.path is not None
            self.conn: Any = sqlite3.connect(location.path, isolation_level=None)
            self.events, self.pos, self.chain = "stored_events", "rowid", "audit_chain"
        else:
            self.conn = psycopg.connect(PG_BASE, autocommit=True)
            schema = location.schema
            self.events = f"{schema}.tracker_events"
            self.pos = "notification_id"
            self.chain = f"{schema}.audit_chain"

    def run(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        if self.backend == "postgres":
            sql = sql.replace("?", "%s")
        cur = self.conn.execute(sql, params)
        return list(cur.fetchall()) if cur.description else []

    def state(self, position: int) -> bytes:
        rows = self.run(f"SELECT state FROM {self.events} WHERE {self.pos} = ?", position)
        return bytes(rows[0][0])

    def edit_state(self, position: int, old: bytes, new: bytes) -> None:
        """Replace bytes inside the stored state of one event (a changed fact)."""
        state = self.state(position)
        assert old in state, (old, state)
        self.run(
            f"UPDATE {self.events} SET state = ? WHERE {self.pos} = ?",
            state.replace(old, new, 1),
            position,
        )

    def delete(self, position: int) -> None:
        self.run(f"DELETE FROM {self.events} WHERE {self.pos} = ?", position)

    def swap(self, a: int, b: int) -> None:
        """Exchange the positions of two events (the log reordered)."""
        self.run(f"UPDATE {self.events} SET {self.pos} = ? WHERE {self.pos} = ?", -1, a)
        self.run(f"UPDATE {self.events} SET {self.pos} = ? WHERE {self.pos} = ?", a, b)
        self.run(f"UPDATE {self.events} SET {self.pos} = ? WHERE {self.pos} = ?", b, -1)

    def copy_to(self, source: int, target: int, version: int) -> None:
        """Insert a copy of one event, as another version, at an unused position."""
        row = self.run(
            f"SELECT originator_id, topic, state FROM {self.events} WHERE {self.pos} = ?", source
        )[0]
        self.run(
            f"INSERT INTO {self.events} ({self.pos}, originator_id, originator_version, topic, "
            "state) VALUES (?, ?, ?, ?, ?)",
            target,
            row[0],
            version,
            row[1],
            row[2],
        )

    def forget_chain_from(self, position: int) -> None:
        """Drop chain values from ``position`` on (a forger who will rebuild the chain)."""
        self.run(f"DELETE FROM {self.chain} WHERE position >= ?", position)

    def positions(self) -> list[int]:
        return [int(r[0]) for r in self.run(f"SELECT {self.pos} FROM {self.events} ORDER BY 1")]

    def close(self) -> None:
        self.conn.close()


class Forger(Raw):
    """Raw access plus the public chain algorithm: what someone with database access but
    without the seal key can do."""

    def truncate(self, position: int) -> None:
        """Delete the events from ``position`` on together with their chain rows."""
        self.run(f"DELETE FROM {self.events} WHERE {self.pos} >= ?", position)
        self.forget_chain_from(position)

    def rechain(self) -> None:
        """Recompute the chain over every event after its last row, as the tracker would."""
        last = self.run(f"SELECT position, chain FROM {self.chain} ORDER BY position DESC LIMIT 1")
        position, value = (int(last[0][0]), bytes(last[0][1])) if last else (0, GENESIS)
        rows = self.run(
            f"SELECT {self.pos}, originator_id, originator_version, topic, state "
            f"FROM {self.events} WHERE {self.pos} > ? ORDER BY {self.pos}",
            position,
        )
        for row in rows:
            event = RawEvent(int(row[0]), _uuid(row[1]), int(row[2]), str(row[3]), bytes(row[4]))
            value = link(value, event)
            self.run(f"INSERT INTO {self.chain} (position, chain) VALUES (?, ?)", row[0], value)

    def append_forged(self, source: int, version: int) -> int:
        """Append a copy of the event at ``source`` as a new version of its motion, after the
        last position, and extend the chain over it; returns its position."""
        target = max(self.positions()) + 1
        self.copy_to(source, target, version)
        self.rechain()
        return target

    def rewrite(self, position: int, old: bytes, new: bytes) -> None:
        """Change one event and recompute every later chain value."""
        self.edit_state(position, old, new)
        self.forget_chain_from(position)
        self.rechain()

    def seal_table(self) -> str:
        return self.chain.replace("audit_chain", "audit_seals")

    def delete_seals_from(self, number: int) -> None:
        self.run(f"DELETE FROM {self.seal_table()} WHERE seal >= ?", number)

    def delete_seal(self, number: int) -> None:
        self.run(f"DELETE FROM {self.seal_table()} WHERE seal = ?", number)

    def insert_seal(self, seal: Seal) -> None:
        self.run(
            f"INSERT INTO {self.seal_table()} (seal, position, chain, sealed, key, signature) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            seal.number,
            seal.position,
            seal.chain,
            seal.sealed.isoformat(),
            seal.key,
            seal.signature,
        )

    def head(self) -> tuple[int, bytes]:
        row = self.run(f"SELECT position, chain FROM {self.chain} ORDER BY position DESC LIMIT 1")
        return int(row[0][0]), bytes(row[0][1])


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))

"""Edit the stored log behind the tracker's back: straight SQL on the SQLite file or PostgreSQL.

These are the attacks the audit chain must reveal; each works on the library's own table
(``stored_events`` with rowid positions on SQLite, ``<schema>.tracker_events`` with
``notification_id`` positions on PostgreSQL), not through any tracker code.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import psycopg

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

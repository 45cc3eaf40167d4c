"""The sync's memory, in tables beside the log (:func:`events.store.connect`).

``oparl_list_state``
    per body and list, when the last *complete* run of that list started; the next run asks
    for ``modified_since`` = that minus an overlap.
``oparl_object``
    the last version of every object seen (id, kind, content hash, ``modified``, the
    repaired JSON) and its links: ``parent`` (Consultation -> Paper, AgendaItem ->
    Consultation, File -> Paper) and ``link`` (Consultation -> AgendaItem). ``pending``
    marks an object whose change is not yet in the log: a Paper to record again, or a
    consultation, agenda item or file whose paper must be recorded again. It is set in the
    same transaction as the new version, so a crash loses nothing.
``oparl_alias``
    a URL that answered with an object of another ``id``.

The log stays the only record of facts; these tables can be dropped, and ``--full``
rebuilds them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from events.store import Cursor, Database

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS {p}oparl_list_state (
        body_id TEXT NOT NULL,
        list_name TEXT NOT NULL,
        last_started TEXT NOT NULL,
        PRIMARY KEY (body_id, list_name))""",
    """CREATE TABLE IF NOT EXISTS {p}oparl_object (
        object_id TEXT PRIMARY KEY,
        body_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        modified TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        parent TEXT,
        link TEXT,
        data TEXT NOT NULL,
        mapped_hash TEXT,
        pending INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX IF NOT EXISTS oparl_object_parent ON {p}oparl_object (parent)",
    "CREATE INDEX IF NOT EXISTS oparl_object_link ON {p}oparl_object (link)",
    "CREATE INDEX IF NOT EXISTS oparl_object_pending ON {p}oparl_object (body_id, pending)",
    """CREATE TABLE IF NOT EXISTS {p}oparl_alias (
        url TEXT PRIMARY KEY,
        object_id TEXT NOT NULL)""",
)

#: Placeholders per ``IN (...)`` query; both backends take far more.
CHUNK = 500


@dataclass(frozen=True)
class Incoming:
    """A version of an object to store (see :meth:`Mirror.store`)."""

    object_id: str
    kind: str
    content_hash: str
    modified: str | None
    deleted: bool
    parent: str | None
    link: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class Stored(Incoming):
    """One object as the mirror holds it: its version, and what was recorded of it."""

    mapped_hash: str | None
    pending: bool


_COLUMNS = (
    "object_id, kind, content_hash, modified, deleted, parent, link, data, mapped_hash, pending"
)


def _stored(row: Sequence[Any]) -> Stored:
    return Stored(
        object_id=row[0],
        kind=row[1],
        content_hash=row[2],
        modified=row[3],
        deleted=bool(row[4]),
        parent=row[5],
        link=row[6],
        data=json.loads(row[7]),
        mapped_hash=row[8],
        pending=bool(row[9]),
    )


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


class Mirror:
    """Read and write the sync's tables on one :class:`~events.store.Database`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.p = db.table_prefix
        with db.transaction() as cur:
            for statement in SCHEMA:
                cur.execute(statement.format(p=self.p))

    # -- list state ------------------------------------------------------------------------

    def last_started(self, body_id: str, list_name: str) -> datetime | None:
        """When the last complete run of this list started (None: never)."""
        rows = self.db.query(
            f"SELECT last_started FROM {self.p}oparl_list_state "
            "WHERE body_id = ? AND list_name = ?",
            (body_id, list_name),
        )
        return datetime.fromisoformat(rows[0][0]) if rows else None

    def list_completed(self, body_id: str, list_name: str, started: datetime) -> None:
        """Remember that a run of this list that started at ``started`` read it to the end."""
        with self.db.transaction() as cur:
            cur.execute(
                f"INSERT INTO {self.p}oparl_list_state (body_id, list_name, last_started) "
                "VALUES (?, ?, ?) ON CONFLICT (body_id, list_name) "
                "DO UPDATE SET last_started = excluded.last_started",
                (body_id, list_name, started.isoformat()),
            )

    # -- objects ---------------------------------------------------------------------------

    def versions(self, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """``(content hash, modified)`` of each of ``ids`` that the mirror holds."""
        found: dict[str, tuple[str, str | None]] = {}
        for chunk in _chunks(list(ids)):
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.query(
                f"SELECT object_id, content_hash, modified FROM {self.p}oparl_object "
                f"WHERE object_id IN ({marks})",
                chunk,
            )
            found.update({r[0]: (r[1], r[2]) for r in rows})
        return found

    def get(self, object_id: str) -> Stored | None:
        """The object stored under ``object_id`` or an alias URL of it."""
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM {self.p}oparl_object WHERE object_id = ?", (object_id,)
        )
        if not rows:
            rows = self.db.query(
                f"SELECT {', '.join('o.' + c.strip() for c in _COLUMNS.split(','))} "
                f"FROM {self.p}oparl_alias a JOIN {self.p}oparl_object o "
                "ON o.object_id = a.object_id WHERE a.url = ?",
                (object_id,),
            )
        return _stored(rows[0]) if rows else None

    def children(self, parent: str, kind: str) -> list[Stored]:
        """Objects of ``kind`` whose parent is ``parent``."""
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM {self.p}oparl_object WHERE parent = ? AND kind = ? "
            "ORDER BY object_id",
            (parent, kind),
        )
        return [_stored(r) for r in rows]

    def linked(self, link: str, kind: str) -> list[Stored]:
        """Objects of ``kind`` whose link is ``link``."""
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM {self.p}oparl_object WHERE link = ? AND kind = ? "
            "ORDER BY object_id",
            (link, kind),
        )
        return [_stored(r) for r in rows]

    def store(self, items: Sequence[Incoming], body_id: str, *, pending: bool = True) -> None:
        """Write new versions of objects in one transaction, marked ``pending``.

        A tombstone keeps the last data that the object had (its reference is still needed
        to find the motion); only hash, ``modified`` and the deleted flag change. A version
        without a back-reference (a list's Consultation without ``paper``) keeps the parent
        and link learnt from an earlier version (the Consultation embedded in its Paper).
        """
        if not items:
            return
        with self.db.transaction() as cur:
            for item in items:
                self._upsert(cur, item, body_id, 1 if pending else 0)

    def _upsert(self, cur: Cursor, item: Incoming, body_id: str, pending: int) -> None:
        if item.deleted:
            cur.execute(
                f"UPDATE {self.p}oparl_object SET content_hash = ?, modified = ?, deleted = 1, "
                "pending = ? WHERE object_id = ?",
                (item.content_hash, item.modified, pending, item.object_id),
            )
            if cur.rowcount:
                return
        cur.execute(
            f"INSERT INTO {self.p}oparl_object AS o (object_id, body_id, kind, content_hash, "
            "modified, deleted, parent, link, data, pending) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (object_id) DO UPDATE SET "
            "body_id = excluded.body_id, kind = excluded.kind, "
            "content_hash = excluded.content_hash, modified = excluded.modified, "
            "deleted = excluded.deleted, parent = COALESCE(excluded.parent, o.parent), "
            "link = COALESCE(excluded.link, o.link), data = excluded.data, "
            "pending = excluded.pending",
            (
                item.object_id,
                body_id,
                item.kind,
                item.content_hash,
                item.modified,
                1 if item.deleted else 0,
                item.parent,
                item.link,
                json.dumps(item.data, ensure_ascii=False, sort_keys=True),
                pending,
            ),
        )

    def alias(self, url: str, object_id: str) -> None:
        """Remember that ``url`` answered with the object ``object_id``."""
        with self.db.transaction() as cur:
            cur.execute(
                f"INSERT INTO {self.p}oparl_alias (url, object_id) VALUES (?, ?) "
                "ON CONFLICT (url) DO UPDATE SET object_id = excluded.object_id",
                (url, object_id),
            )

    def pending_links(self, body_id: str) -> list[tuple[str, str, str | None]]:
        """``(id, kind, parent)`` of the pending objects of one body that are not papers."""
        rows = self.db.query(
            f"SELECT object_id, kind, parent FROM {self.p}oparl_object "
            "WHERE body_id = ? AND pending = 1 AND kind <> 'Paper' ORDER BY object_id",
            (body_id,),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def parents_by_link(self, link: str, kind: str) -> list[str]:
        """The parents of the objects of ``kind`` whose link is ``link``."""
        rows = self.db.query(
            f"SELECT parent FROM {self.p}oparl_object WHERE link = ? AND kind = ? "
            "AND parent IS NOT NULL",
            (link, kind),
        )
        return [r[0] for r in rows]

    def parent_of(self, object_id: str) -> str | None:
        """The parent of one object, None when unknown."""
        rows = self.db.query(
            f"SELECT parent FROM {self.p}oparl_object WHERE object_id = ?", (object_id,)
        )
        return rows[0][0] if rows else None

    def pending_papers(self, body_id: str) -> list[str]:
        """Ids of the papers of one body whose facts must be recorded again."""
        rows = self.db.query(
            f"SELECT object_id FROM {self.p}oparl_object "
            "WHERE body_id = ? AND pending = 1 AND kind = 'Paper' ORDER BY object_id",
            (body_id,),
        )
        return [r[0] for r in rows]

    def mark_pending(self, paper_ids: Iterable[str], done: Iterable[str]) -> None:
        """Mark papers pending and clear the objects that led to them, atomically."""
        papers, cleared = list(paper_ids), list(done)
        with self.db.transaction() as cur:
            cur.executemany(
                f"UPDATE {self.p}oparl_object SET pending = 1 WHERE object_id = ?",
                [(p,) for p in papers],
            )
            cur.executemany(
                f"UPDATE {self.p}oparl_object SET pending = 0 WHERE object_id = ?",
                [(c,) for c in cleared],
            )

    def recorded(self, paper_id: str, mapped_hash: str | None) -> None:
        """The paper's facts are in the log: clear ``pending`` and keep the input's hash."""
        with self.db.transaction() as cur:
            cur.execute(
                f"UPDATE {self.p}oparl_object SET pending = 0, mapped_hash = ? WHERE object_id = ?",
                (mapped_hash, paper_id),
            )

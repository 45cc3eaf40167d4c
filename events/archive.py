"""Export the whole log with its chain values, and restore it into an empty store.

The export is JSON lines, written as it is read (constant memory):

* line 1, the header: ``{"format": "tracker-audit-export", "version": 1, "hash": "sha256",
  "genesis": HEX}``;
* one line per event, in log order: ``position``, ``motion``, ``version``, ``event``,
  ``recorded``, ``effective``, ``provenance``, ``data`` (readable, decoded from the stored
  state), ``topic`` and ``state`` (the stored bytes, base64: what is hashed and restored), and
  ``chain`` (the chain value after this event, hex);
* the closing line: ``{"end": true, "events": N, "head": "POSITION:HASH"}``.

:func:`import_archive` re-verifies every line before it is written, all inside one
transaction: the positions must increase, each chain value must follow from the previous one
and the line's bytes, the readable fields must agree with the stored state, and the closing
line must be present and match. The first bad line is named and nothing is imported. The
events keep their positions, so the restored log has the same chain head on either backend.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO
from uuid import UUID

from eventsourcing.domain import DomainEvent
from eventsourcing.persistence import Mapper, StoredEvent

from events.chain import (
    EMPTY_HEAD,
    GENESIS,
    ChainError,
    ChainHead,
    EventTable,
    RawEvent,
    chain_table,
    ensure_chain_table,
    link,
    walk,
)
from events.log import LogEntry
from events.store import Cursor, Database

FORMAT = "tracker-audit-export"
FORMAT_VERSION = 1
#: Rows written per ``executemany`` while importing.
WRITE_BATCH = 1000

EVENT_KEYS = (
    "position",
    "motion",
    "version",
    "event",
    "recorded",
    "effective",
    "provenance",
    "data",
    "topic",
    "state",
    "chain",
)
READABLE_KEYS = ("event", "recorded", "effective", "provenance", "data")


class ArchiveError(ChainError):
    """An export file that cannot be imported; ``line`` is the first bad line (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


class NotAnExport(ArchiveError):
    """The file does not start with an export header."""


class ArchiveTampered(ArchiveError):
    """The export was truncated, reordered or edited: its chain does not verify."""


class TargetNotEmpty(ChainError):
    """Import needs an empty store."""


def readable(mapper: Mapper[UUID], event: RawEvent) -> dict[str, Any]:
    """The decoded, JSON-ready fields of a stored event, as written in the export."""
    domain_event = mapper.to_domain_event(
        StoredEvent(event.originator_id, event.version, event.topic, event.state)
    )
    assert isinstance(domain_event, DomainEvent)
    entry = LogEntry(event.position, domain_event)
    data = entry.data()
    provenance = data.pop("provenance", None)
    return {
        "event": entry.name,
        "recorded": entry.recorded.isoformat(),
        "effective": entry.effective.isoformat() if entry.effective else None,
        "provenance": provenance,
        "data": data,
    }


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def header() -> dict[str, Any]:
    """The first line of every export."""
    return {"format": FORMAT, "version": FORMAT_VERSION, "hash": "sha256", "genesis": GENESIS.hex()}


def export_lines(db: Database, mapper: Mapper[UUID]) -> Iterator[str]:
    """The export, line by line, verified against the chain as it is read.

    Raises :class:`events.chain.ChainBroken` at the first event that does not verify (the
    lines before it have been yielded; without a closing line no import accepts them).
    """
    yield _dump(header())
    count = 0
    head = EMPTY_HEAD
    for item in walk(db):
        event = item.event
        line: dict[str, Any] = {
            "position": event.position,
            "motion": str(event.originator_id),
            "version": event.version,
        }
        line.update(readable(mapper, event))
        line["topic"] = event.topic
        line["state"] = base64.b64encode(event.state).decode("ascii")
        line["chain"] = item.chain.hex()
        yield _dump(line)
        count += 1
        head = ChainHead(event.position, item.chain)
    yield _dump({"end": True, "events": count, "head": str(head)})


def write_export(db: Database, mapper: Mapper[UUID], out: TextIO) -> None:
    """Write :func:`export_lines` to ``out``."""
    for line in export_lines(db, mapper):
        out.write(line)


@dataclass(frozen=True)
class Imported:
    """What an import restored."""

    events: int
    head: ChainHead


class _Reader:
    """Checks an export line by line; yields each verified event."""

    def __init__(self, lines: Iterable[str], mapper: Mapper[UUID]) -> None:
        self.lines = lines
        self.mapper = mapper
        self.count = 0
        self.head = EMPTY_HEAD

    def events(self) -> Iterator[RawEvent]:
        numbered = enumerate(self.lines, start=1)
        first = next(numbered, None)
        if first is None:
            raise NotAnExport(1, "the file is empty, not a tracker export")
        self._check_header(first[1])
        number = 1
        for number, text in numbered:
            document = self._parse(number, text)
            if document.get("end") is True:
                self._check_end(number, document)
                self._check_nothing_after(numbered)
                return
            yield self._check_event(number, document)
        raise ArchiveTampered(
            number + 1,
            f"the export ends after {self.count} event(s) without its closing line (truncated)",
        )

    def _parse(self, number: int, text: str) -> dict[str, Any]:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArchiveTampered(
                number, f"not valid JSON ({exc.msg}): truncated or edited"
            ) from None
        if not isinstance(document, dict):
            raise ArchiveTampered(number, "not a JSON object: edited")
        return document

    def _check_header(self, text: str) -> None:
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            document = None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise NotAnExport(1, f"not a tracker export (no {FORMAT!r} header)")
        if document.get("version") != FORMAT_VERSION:
            raise NotAnExport(1, f"export format version {document.get('version')!r} is unknown")
        if document.get("hash") != "sha256" or document.get("genesis") != GENESIS.hex():
            raise ArchiveTampered(1, "the header names another hash or chain start: edited")

    def _check_event(self, number: int, document: dict[str, Any]) -> RawEvent:
        missing = [k for k in EVENT_KEYS if k not in document]
        if missing:
            raise ArchiveTampered(number, f"missing {', '.join(missing)}: edited")
        try:
            event = RawEvent(
                position=_integer(document["position"]),
                originator_id=UUID(str(document["motion"])),
                version=_integer(document["version"]),
                topic=str(document["topic"]),
                state=base64.b64decode(str(document["state"]), validate=True),
            )
        except (ValueError, TypeError, binascii.Error) as exc:
            raise ArchiveTampered(number, f"a malformed field ({exc}): edited") from None
        if event.position <= self.head.position:
            raise ArchiveTampered(
                number,
                f"position {event.position} does not follow position {self.head.position} "
                "(lines reordered or repeated)",
            )
        value = link(self.head.chain, event)
        if value.hex() != document["chain"]:
            raise ArchiveTampered(
                number,
                f"position {event.position}: the chain value does not follow from the line "
                "before and this event (the line was edited, or lines were removed or moved)",
            )
        if _normal({k: document[k] for k in READABLE_KEYS}) != _normal(
            self._readable(number, event)
        ):
            raise ArchiveTampered(
                number,
                f"position {event.position}: the readable fields disagree with the stored "
                "event (edited)",
            )
        self.count += 1
        self.head = ChainHead(event.position, value)
        return event

    def _readable(self, number: int, event: RawEvent) -> dict[str, Any]:
        try:
            return readable(self.mapper, event)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ArchiveTampered(
                number, f"position {event.position}: the stored event cannot be decoded ({exc})"
            ) from None

    def _check_end(self, number: int, document: dict[str, Any]) -> None:
        if document.get("events") != self.count or document.get("head") != str(self.head):
            raise ArchiveTampered(
                number,
                f"the closing line says {document.get('events')!r} event(s) up to "
                f"{document.get('head')!r}, but the file holds {self.count} up to {self.head}",
            )

    def _check_nothing_after(self, numbered: Iterator[tuple[int, str]]) -> None:
        for number, text in numbered:
            if text.strip():
                raise ArchiveTampered(number, "content after the closing line: edited")


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not an integer")
    return value


def _normal(value: Any) -> Any:
    return json.loads(json.dumps(value, sort_keys=True))


def import_archive(
    db: Database,
    lines: Iterable[str],
    mapper: Mapper[UUID],
    *,
    table: EventTable | None = None,
    expect: ChainHead | None = None,
) -> Imported:
    """Restore an export into the empty store of ``db``, verifying it line by line.

    Everything happens in one transaction: a bad line (:class:`ArchiveError`), a published
    head that does not match (``expect``), or a store that is not empty
    (:class:`TargetNotEmpty`) leaves the store as it was. The log table must exist (open
    the application once first); the chain table is created here.
    """
    table = table or EventTable.of(db)
    ensure_chain_table(db)
    reader = _Reader(lines, mapper)
    with db.transaction() as cur:
        _lock_for_import(db, cur, table)
        events: list[tuple[Any, ...]] = []
        links: list[tuple[int, bytes]] = []
        for event in reader.events():
            events.append(
                (
                    event.position,
                    table.stored_id(event.originator_id),
                    event.version,
                    event.topic,
                    event.state,
                )
            )
            links.append((event.position, reader.head.chain))
            if len(events) >= WRITE_BATCH:
                _write(db, cur, table, events, links)
                events, links = [], []
        _write(db, cur, table, events, links)
        if expect is not None and (
            expect.position != reader.head.position or expect.chain != reader.head.chain
        ):
            cur.execute(
                f"SELECT chain FROM {chain_table(db)} WHERE position = ?", (expect.position,)
            )
            row = cur.fetchone()
            if row is None or bytes(row[0]) != expect.chain:
                raise ArchiveTampered(
                    reader.count + 2,
                    f"the export does not contain the published head {expect} "
                    "(rewritten, or exported before it)",
                )
        if table.backend == "postgres" and reader.count:
            cur.execute(
                "SELECT setval(pg_get_serial_sequence(?, 'notification_id'), ?)",
                (table.name, reader.head.position),
            )
    return Imported(reader.count, reader.head)


def _lock_for_import(db: Database, cur: Cursor, table: EventTable) -> None:
    if db.backend == "postgres":
        cur.execute(f"LOCK TABLE {table.name} IN EXCLUSIVE MODE")
        cur.execute(f"LOCK TABLE {chain_table(db)} IN SHARE ROW EXCLUSIVE MODE")
    cur.execute(f"SELECT 1 FROM {table.name} LIMIT 1")
    has_events = cur.fetchone() is not None
    cur.execute(f"SELECT 1 FROM {chain_table(db)} LIMIT 1")
    if has_events or cur.fetchone() is not None:
        raise TargetNotEmpty(
            f"{db.location.display} already holds a log; import restores only into an empty store"
        )


def _write(
    db: Database,
    cur: Cursor,
    table: EventTable,
    events: list[tuple[Any, ...]],
    links: list[tuple[int, bytes]],
) -> None:
    cur.executemany(
        f"INSERT INTO {table.name} ({table.position}, originator_id, originator_version, "
        "topic, state) VALUES (?, ?, ?, ?, ?)",
        events,
    )
    cur.executemany(f"INSERT INTO {chain_table(db)} (position, chain) VALUES (?, ?)", links)

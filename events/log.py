"""Reading the log in order: every recorded event with its position.

The position is the store's notification id: gap-free in commit order on SQLite, and
increasing (possibly with gaps from rolled-back transactions) on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import DomainEvent
from eventsourcing.persistence import ApplicationRecorder, Mapper

from events.motion import MOTION_EVENTS
from events.reminders import REMINDER_EVENTS
from events.values import to_jsonable

BASE_FIELDS = frozenset({"originator_id", "originator_version", "timestamp", "originator_topic"})


@dataclass(frozen=True)
class LogEntry:
    """One event of the log at its position."""

    position: int
    event: DomainEvent

    @property
    def name(self) -> str:
        """The event's name, e.g. ``DeadlineSet``."""
        return type(self.event).__name__

    @property
    def motion_id(self) -> UUID:
        return self.event.originator_id

    @property
    def version(self) -> int:
        return self.event.originator_version

    @property
    def recorded(self) -> datetime:
        """When the tracker learned the fact."""
        return self.event.timestamp

    @property
    def effective(self) -> date | None:
        """When it happened in the council."""
        value = getattr(self.event, "effective", None)
        return value if isinstance(value, date) else None

    def data(self) -> dict[str, Any]:
        """The event's own facts in JSON-ready form."""
        return event_data(self.event)

    def as_json(self) -> dict[str, Any]:
        """The entry as printed by ``tracker log --format jsonl``."""
        return self.as_row() | {"version": self.version, "data": self.data()}

    def as_row(self) -> dict[str, Any]:
        """The entry's :data:`TABLE_COLUMNS` (``tracker log`` in table form)."""
        return {
            "position": self.position,
            "recorded": self.recorded.isoformat(),
            "effective": self.effective.isoformat() if self.effective else None,
            "event": self.name,
            "motion": str(self.motion_id),
        }


#: The columns of ``tracker log`` in table form.
TABLE_COLUMNS = ("position", "recorded", "effective", "event", "motion")


def table_widths(last: int) -> dict[str, int]:
    """Widths of :data:`TABLE_COLUMNS` known without reading the log (so that the table
    streams): positions up to ``last``, recorded times with microseconds and offset, ISO
    dates, the event names of the vocabulary, UUIDs."""
    names = [*MOTION_EVENTS, *REMINDER_EVENTS]
    return {
        "position": len(str(last)),
        "recorded": len("2014-03-01T08:00:00.000000+00:00"),
        "effective": len("2014-03-01"),
        "event": max((len(n) for n in names), default=0),
        "motion": 36,
    }


def event_data(event: DomainEvent) -> dict[str, Any]:
    """An event's own attributes (not id, version, timestamp, topic), JSON-ready."""
    return {
        key: to_jsonable(value)
        for key, value in vars(event).items()
        if key not in BASE_FIELDS and key != "effective"
    }


def read_log(
    recorder: ApplicationRecorder,
    mapper: Mapper[UUID],
    *,
    start: int = 1,
    stop: int | None = None,
    batch: int = 1000,
) -> Iterator[LogEntry]:
    """Every event from position ``start`` up to ``stop`` (inclusive), in log order."""
    position = start
    while True:
        notifications = recorder.select_notifications(position, batch, stop=stop)
        for n in notifications:
            event = mapper.to_domain_event(n)
            assert isinstance(event, DomainEvent)
            yield LogEntry(n.id, event)
        if len(notifications) < batch:
            return
        position = notifications[-1].id + 1


def head_position(recorder: ApplicationRecorder) -> int:
    """The position of the last event, 0 for an empty log."""
    return recorder.max_notification_id() or 0

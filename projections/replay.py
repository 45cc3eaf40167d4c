"""The board as the tracker knew it at a past instant (``--known-at``), rebuilt in memory.

The live read models are never read or written: the events recorded up to the instant
(:func:`tracker.audit.known_entries`) are projected into an in-memory SQLite database and the
same queries as the live board answer there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from events.store import Database, memory_database
from projections.board import BoardProjection
from projections.queries import BoardQueries
from projections.runner import project
from projections.service import BoardSettings
from tracker.audit import KnownAt, first_recorded, known_entries
from tracker.clock import BERLIN
from tracker.service import MotionLog


@dataclass
class KnownAtBoard:
    """The deadline board as the tracker knew it at an instant: rebuilt in memory.

    It answers the same questions as the live board service (``overdue``, ``due``,
    ``stats``, ``motion``) with the same queries, on read models built from the events
    recorded up to ``when`` only; the live read models are never read or written. The day
    asked about defaults to the day of ``when``; ``--as-of`` still overrides it.
    """

    when: KnownAt
    queries: Any
    events: int
    note: str | None = None
    db: Database | None = field(default=None, repr=False)

    def _mark(self, page: Any) -> Any:
        page.extra["known_at"] = self.when.instant.astimezone(BERLIN).isoformat()
        page.extra["known_events"] = self.events
        return page

    def overdue(self, filters: Any, as_of: date | None, limit: int, offset: int) -> Any:
        """Overdue obligations as known at the instant."""
        return self._mark(
            self.queries.overdue(
                today=self.when.day, filters=filters, as_of=as_of, limit=limit, offset=offset
            )
        )

    def due(self, within: int, filters: Any, as_of: date | None, limit: int, offset: int) -> Any:
        """Obligations due within ``within`` days, as known at the instant."""
        return self._mark(
            self.queries.due_within(
                within,
                today=self.when.day,
                filters=filters,
                as_of=as_of,
                limit=limit,
                offset=offset,
            )
        )

    def stats(self, filters: Any, as_of: date | None) -> dict[str, Any]:
        """Statistics as known at the instant."""
        result: dict[str, Any] = self.queries.stats(
            today=self.when.day, filters=filters, as_of=as_of
        )
        known = self.when.instant.astimezone(BERLIN).isoformat()
        return result | {"known_at": known, "known_events": self.events}

    def motion(self, motion_id: UUID) -> list[dict[str, Any]]:
        """The board's rows of one motion as known at the instant."""
        rows: list[dict[str, Any]] = self.queries.for_motion(motion_id, today=self.when.day)
        return rows

    def close(self) -> None:
        """Drop the in-memory read models."""
        if self.db is not None:
            self.db.close()


def known_board(app: MotionLog, when: KnownAt, settings: Any) -> KnownAtBoard:
    """Rebuild the board from the events recorded up to ``when`` into memory.

    ``settings`` is the ``[board]`` table of the configuration (cadence, due-soon days), so
    the replayed board computes exactly as the live one.
    """
    board = BoardSettings.from_section(settings)
    db = memory_database()
    count = project(
        db,
        [BoardProjection(regular_cadence_months=board.regular_cadence_months)],
        known_entries(app, when),
        batch_size=5000,
    )
    note = None
    if count == 0:
        first = first_recorded(app)
        note = (
            "the log is empty"
            if first is None
            else f"nothing had been recorded by {when.instant.astimezone(BERLIN):%Y-%m-%d %H:%M}"
            f" (the first event was recorded {first.astimezone(BERLIN):%Y-%m-%d %H:%M})"
        )
    queries = BoardQueries(db, due_soon_days=board.due_soon_days, rag=board.rag)
    return KnownAtBoard(when, queries, count, note, db)

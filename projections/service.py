"""The board service behind the CLI: catch up the read models, then answer from them.

On the embedded default (SQLite) there is no separate projection worker, so every question
first catches the read models up with the log (cheap when nothing is new: two small
queries). Settings come from the ``[board]`` table of ``tracker.toml``:

* ``due_soon_days`` (default 14): how far ahead "due soon" reaches;
* ``regular_cadence_months`` (default 6): the cadence of a duty to report "regularly"
  (changing it rebuilds the board on the next run);
* ``stale_days`` (default 180), ``amber_days`` (30), ``amber_extensions`` (2): when an open
  obligation is red, amber or green (:class:`projections.queries.RagRules`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from events.store import Database
from projections.board import BoardProjection
from projections.queries import DEFAULT_DUE_SOON_DAYS, BoardQueries, Filters, Page, RagRules
from projections.runner import BuildStrategy, Runner
from tracker.errors import ConfigurationError
from tracker.state import DEFAULT_REGULAR_CADENCE_MONTHS, parse_cadence


@dataclass(frozen=True)
class BoardSettings:
    """The ``[board]`` table."""

    due_soon_days: int = DEFAULT_DUE_SOON_DAYS
    #: The domain's setting kept in ``[board]`` (:attr:`tracker.settings.Settings.rules`).
    regular_cadence_months: int = DEFAULT_REGULAR_CADENCE_MONTHS
    rag: RagRules = field(default_factory=RagRules)

    @classmethod
    def from_section(cls, section: Mapping[str, Any]) -> BoardSettings:
        """Read and check ``[board]``; unknown keys are an error (typos)."""
        defaults = RagRules()
        rag_keys = {"stale_days": 3660, "amber_days": 366, "amber_extensions": 100}
        unknown = set(section) - {"due_soon_days", "regular_cadence_months", *rag_keys}
        if unknown:
            raise ConfigurationError(f"[board]: unknown setting(s) {', '.join(sorted(unknown))}")
        soon = _whole(section, "due_soon_days", DEFAULT_DUE_SOON_DAYS, 0, 366)
        cadence = section.get("regular_cadence_months", DEFAULT_REGULAR_CADENCE_MONTHS)
        cadence = parse_cadence(cadence, "[board] regular_cadence_months")
        rag = RagRules(
            **{
                key: _whole(section, key, getattr(defaults, key), 1, hi)
                for key, hi in rag_keys.items()
            }
        )
        return cls(due_soon_days=soon, regular_cadence_months=cadence, rag=rag)


def _whole(section: Mapping[str, Any], key: str, default: int, lo: int, hi: int) -> int:
    """A whole number ``lo..hi`` of ``[board]`` (``default`` when absent)."""
    value = section.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise ConfigurationError(f"[board] {key} must be a whole number {lo}..{hi}")
    return value


def parallel_builds() -> BuildStrategy:
    """Builds from scratch in several processes (given to the runner, made when needed)."""
    from projections.parallel import ParallelBuild  # deferred: listings never build (0010)

    return ParallelBuild()


class BoardService:
    """The board of one store: catch-up and the board's questions."""

    def __init__(self, db: Database, app: Any, settings: BoardSettings, today: date) -> None:
        self.db = db
        self.today = today
        self.projection = BoardProjection(regular_cadence_months=settings.regular_cadence_months)
        self.runner = Runner(db, app, [self.projection], builder=parallel_builds)
        self.queries = BoardQueries(db, due_soon_days=settings.due_soon_days, rag=settings.rag)

    def catch_up(self) -> int:
        """Bring every read model up to the head of the log."""
        return self.runner.catch_up()

    def overdue(self, filters: Filters, as_of: date | None, limit: int, offset: int) -> Page:
        """Overdue obligations, most overdue first."""
        self.catch_up()
        return self.queries.overdue(
            today=self.today, filters=filters, as_of=as_of, limit=limit, offset=offset
        )

    def due(
        self, within: int, filters: Filters, as_of: date | None, limit: int, offset: int
    ) -> Page:
        """Obligations due within ``within`` days."""
        self.catch_up()
        return self.queries.due_within(
            within, today=self.today, filters=filters, as_of=as_of, limit=limit, offset=offset
        )

    def stats(self, filters: Filters, as_of: date | None) -> dict[str, Any]:
        """Per office and committee statistics."""
        self.catch_up()
        return self.queries.stats(today=self.today, filters=filters, as_of=as_of)

    def motion(self, motion_id: UUID) -> list[dict[str, Any]]:
        """The board's rows of one motion."""
        self.catch_up()
        return self.queries.for_motion(motion_id, today=self.today)

    def ids_for_reference(self, reference: str) -> list[UUID]:
        """Motion ids for a reference, from the catalogue read model."""
        self.catch_up()
        return self.queries.ids_for_reference(reference)

    def agenda(
        self, committee: str, day: date, public: bool | None = None
    ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """The open items and the states of a committee's motions (the list at a session)."""
        self.catch_up()
        return self.queries.agenda(committee, day=day, public=public)

    def open_session_terms(self) -> list[UUID]:
        """Motions with an open obligation whose phrase names a session."""
        self.catch_up()
        return self.queries.open_session_terms()

    def open_on(self, nominal_due: date) -> list[UUID]:
        """Motions with an open obligation due (as written) on ``nominal_due``."""
        self.catch_up()
        return self.queries.open_on(nominal_due)

    def answering(self, reference: str) -> list[UUID]:
        """Ids of motions whose documents answer ``reference``."""
        self.catch_up()
        return self.queries.answering(reference)

    def calendar(self, filters: Filters, now: datetime) -> bytes:
        """An iCalendar feed of the open obligations matching ``filters``."""
        from projections.calendar import render_calendar  # deferred: loads icalendar

        self.catch_up()
        items = self.queries.open_items(today=self.today, filters=filters)
        scope = " / ".join(v for _, v in filters.active()) or "alle"
        return render_calendar(items, name=f"Fristen: {scope}", stamp=now)

    def close(self) -> None:
        """Close the runner's listener (the connection stays its opener's to close)."""
        self.runner.close()

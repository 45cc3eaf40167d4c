"""One fold of a motion's life (tracker.state): the aggregate, the board and the reminders
agree on duties without a first due date and on the day of an event without an effective
date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from events.log import LogEntry
from events.store import memory_database
from events.values import DeadlineKind, Outcome, Provenance, Recurrence, ReportKind
from notifiers.policy import ReminderPolicy
from notifiers.queue import ReminderStore
from notifiers.reminders import ReminderProjection
from projections.board import BoardProjection
from projections.queries import BoardQueries
from projections.runner import project
from tracker.motion import Meta, Motion
from tracker.state import effective_day, evolve

WHO = Provenance.user("tester")
#: 23:30 UTC on 30 June is 01:30 on 1 July in Berlin (summer time).
LATE_EVENING = datetime(2014, 6, 30, 23, 30, tzinfo=UTC)


def meta(effective: date | None, at: datetime = datetime(2014, 3, 1, 9, tzinfo=UTC)) -> Meta:
    return Meta(effective=effective, provenance=WHO, at=at)


def adopted() -> Motion:
    motion = Motion.register(
        body="BVV Mitte von Berlin",
        reference="1263/IV",
        title="Bezirkliche Integrationskonferenz",
        kind="Antrag",
        state="BE",
        initiators=[],
        meta=meta(date(2014, 2, 20)),
    )
    motion.record_decision(
        committee="BVV", outcome=Outcome.ADOPTED, text=None, meta=meta(date(2014, 2, 20))
    )
    motion.assign_addressee(addressee="Bezirksamt", office="Abt. Jugend", meta=meta(None))
    return motion


def entries(events: Sequence[Any]) -> list[LogEntry]:
    return [LogEntry(i, e) for i, e in enumerate(events, start=1)]


def board_rows(events: Sequence[Any]) -> list[dict[str, Any]]:
    db = memory_database()
    project(db, [BoardProjection()], entries(events))
    return BoardQueries(db).for_motion(events[0].originator_id, today=date(2015, 1, 1))


def reminder_dues(events: Sequence[Any]) -> set[str]:
    db = memory_database()
    project(db, [ReminderProjection(ReminderPolicy(fallback="ba@example.org"))], entries(events))
    return {row.nominal_due.isoformat() for row in ReminderStore(db).listing()}


def test_a_duty_without_a_first_due_date_gets_reminders_for_the_due_date_the_board_shows() -> None:
    motion = adopted()
    motion.set_report_obligation(
        recipient=None,
        recurrence=Recurrence.HALF_YEARLY,
        first_due=None,
        phrase="halbjährlich zu berichten",
        meta=meta(date(2014, 2, 20)),
    )
    events = motion.collect_events()
    (duty,) = [row for row in board_rows(events) if row["obligation_id"] == "R1"]
    assert duty["nominal_due"] == "2014-08-20"  # one cadence after the decision
    assert reminder_dues(events) == {"2014-08-20"}


def test_an_event_without_an_effective_date_is_dated_by_the_berlin_day_everywhere() -> None:
    motion = adopted()
    motion.set_deadline(
        kind=DeadlineKind.COMPLETION,
        due=date(2014, 12, 18),
        window_start=None,
        phrase="bis 18.12.2014",
        rule="explicit_date",
        meta=meta(date(2014, 2, 20)),
    )
    motion.complete(deadline_id=None, note=None, meta=meta(None, at=LATE_EVENING))
    events = motion.collect_events()

    assert effective_day(events[-1]) == "2014-07-01"
    assert motion.completed_on == date(2014, 7, 1)  # the aggregate
    assert motion.deadlines["D1"].met_on == date(2014, 7, 1)
    (row,) = board_rows(events)  # the board
    assert row["met_on"] == "2014-07-01"


def test_a_recurring_duty_met_late_in_the_evening_moves_on_by_the_berlin_day() -> None:
    """A report on 30 June, 23:30 UTC is a report of 1 July: the quarterly occurrence due on
    30 June was met late, and the next one is due on 30 September, for all three."""
    motion = adopted()
    motion.set_report_obligation(
        recipient=None,
        recurrence=Recurrence.QUARTERLY,
        first_due=date(2014, 6, 30),
        phrase="vierteljährlich zu berichten",
        meta=meta(date(2014, 2, 20)),
    )
    motion.submit_report(
        report_kind=ReportKind.INTERIM,
        document_reference=None,
        obligation_id="R1",
        meta=meta(None, at=LATE_EVENING),
    )
    events = motion.collect_events()
    state = None
    for event in events:
        state = evolve(state, event)
    assert state is not None and state["duties"]["R1"]["met"] == [[0, "2014-07-01", "2014-02-20"]]
    assert motion.obligations["R1"].submitted == [date(2014, 7, 1)]
    rows = {row["occurrence"]: row for row in board_rows(events)}
    assert rows[1]["met_on"] == "2014-07-01" and rows[2]["nominal_due"] == "2014-09-30"
    assert "2014-09-30" in reminder_dues(events)

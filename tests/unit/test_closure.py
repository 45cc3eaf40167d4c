"""Two-step closure, given events, when a command, then events: the office reports a motion
done (reminders stop, it stays open), the committee confirms the closure (it leaves the open
lists), and reopening undoes both."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import pytest

from events.log import LogEntry
from events.motion import ClosureConfirmed, DoneReported, Reopened
from events.store import memory_database
from events.values import DeadlineKind, Outcome, Provenance, Recurrence
from notifiers.policy import ReminderPolicy
from notifiers.queue import ReminderStore
from notifiers.reminders import ReminderProjection
from projections.board import BoardProjection
from projections.queries import BoardQueries
from projections.runner import project
from tracker.errors import InputError, MotionClosed
from tracker.motion import Meta, Motion
from tracker.state import motion_status

WHO = Provenance.user("tester")


def meta(effective: date | None) -> Meta:
    return Meta(effective=effective, provenance=WHO, at=datetime(2014, 3, 1, 9, tzinfo=UTC))


def given_a_deadline_and_a_duty() -> Motion:
    motion = Motion.register(
        body="BVV Mitte von Berlin", reference="1263/IV", title="Konferenz", kind="Antrag",
        state="BE", initiators=[], meta=meta(date(2014, 2, 20)),
    )  # fmt: skip
    motion.record_decision(
        committee="BVV", outcome=Outcome.ADOPTED, text=None, meta=meta(date(2014, 2, 20))
    )
    motion.assign_addressee(addressee="Bezirksamt", office="Abt. Jugend", meta=meta(None))
    motion.set_deadline(
        kind=DeadlineKind.COMPLETION, due=date(2014, 12, 18), window_start=None,
        phrase="bis 18.12.2014", rule="manual", meta=meta(date(2014, 2, 20)),
    )  # fmt: skip
    motion.set_report_obligation(
        recipient="BVV", recurrence=Recurrence.HALF_YEARLY, first_due=date(2014, 8, 31),
        phrase="halbjährlich", meta=meta(date(2014, 2, 20)),
    )  # fmt: skip
    return motion


def board(events: Sequence[Any], today: date = date(2015, 1, 5)) -> list[dict[str, Any]]:
    db = memory_database()
    project(db, [BoardProjection()], [LogEntry(i, e) for i, e in enumerate(events, 1)])
    return BoardQueries(db).for_motion(events[0].originator_id, today=today)


def planned(events: Sequence[Any]) -> int:
    db = memory_database()
    projection = ReminderProjection(ReminderPolicy(fallback="ba@example.org"))
    project(db, [projection], [LogEntry(i, e) for i, e in enumerate(events, 1)])
    return len(ReminderStore(db).listing(["planned"]))


def test_reported_done_stops_reminders_but_stays_open() -> None:
    motion = given_a_deadline_and_a_duty()
    before = list(motion.collect_events())
    assert planned(before) > 0

    motion.report_done(note="Konferenz fand statt", meta=meta(date(2014, 12, 10)))

    (event,) = motion.collect_events()
    assert isinstance(event, DoneReported)
    assert (event.office, event.note) == ("Abt. Jugend", "Konferenz fand statt")
    assert motion_status(motion.life) == "done_reported"
    events = [*before, event]
    assert planned(events) == 0
    rows = board(events)
    assert {r["status"] for r in rows} == {"overdue"}
    assert {r["motion_status"] for r in rows} == {"done_reported"}
    with pytest.raises(MotionClosed, match="reported done on 2014-12-10 already"):
        motion.report_done(note=None, meta=meta(date(2014, 12, 11)))


def test_the_closure_meets_everything_on_the_day_it_was_reported_done() -> None:
    motion = given_a_deadline_and_a_duty()
    motion.report_done(note=None, meta=meta(date(2014, 12, 10)))

    motion.confirm_closure(committee=" BVV ", note="zur Kenntnis", meta=meta(date(2015, 1, 15)))

    event = motion.collect_events()[-1]
    assert isinstance(event, ClosureConfirmed) and event.committee == "BVV"
    assert motion.deadlines["D1"].met_on == date(2014, 12, 10)
    assert motion.obligations["R1"].ended_on == date(2014, 12, 10)
    assert (motion.closed_on, motion.closed_by) == (date(2015, 1, 15), "BVV")
    with pytest.raises(MotionClosed, match="closed on 2015-01-15 by BVV"):
        motion.report_progress(
            text="x", reason=None, next_step=None, expected=None, office=None,
            meta=meta(date(2015, 2, 1)),
        )  # fmt: skip


def test_a_closure_without_a_report_meets_on_its_own_day_and_needs_a_committee() -> None:
    motion = given_a_deadline_and_a_duty()
    with pytest.raises(InputError, match="needs the committee"):
        motion.confirm_closure(committee=" ", note=None, meta=meta(date(2015, 1, 15)))
    motion.confirm_closure(committee="BVV", note=None, meta=meta(date(2015, 1, 15)))
    assert motion.deadlines["D1"].met_on == date(2015, 1, 15)


def test_reopening_undoes_the_closure_and_the_report() -> None:
    motion = given_a_deadline_and_a_duty()
    motion.report_done(note=None, meta=meta(date(2014, 12, 10)))
    motion.confirm_closure(committee="BVV", note=None, meta=meta(date(2015, 1, 15)))
    events = list(motion.collect_events())

    motion.reopen(reason="Konferenz nur teilweise", meta=meta(date(2015, 2, 1)))

    (event,) = motion.collect_events()
    assert isinstance(event, Reopened) and event.reason == "Konferenz nur teilweise"
    assert motion.deadlines["D1"].met_on is None
    assert motion.obligations["R1"].ended_on is None
    assert (motion.done_on, motion.closed_on) == (None, None)
    assert motion_status(motion.life) == "not_started"
    events.append(event)
    assert {r["status"] for r in board(events) if r["obligation_id"] == "D1"} == {"overdue"}
    assert planned(events) > 0


def test_reopening_needs_a_reason_and_something_to_reopen() -> None:
    motion = given_a_deadline_and_a_duty()
    with pytest.raises(InputError, match="neither reported done nor closed"):
        motion.reopen(reason="x", meta=meta(date(2015, 2, 1)))
    motion.report_done(note=None, meta=meta(date(2014, 12, 10)))
    with pytest.raises(InputError, match="needs a reason"):
        motion.reopen(reason=" ", meta=meta(date(2015, 2, 1)))

"""The dispatcher without a mail server or a store: rows planned in memory, a recording
notifier, a recording log."""

from __future__ import annotations

from datetime import UTC, date, datetime

from events.reminders import ReminderFailed, ReminderSent
from events.store import Database, memory_database
from events.values import DeadlineKind
from notifiers.dispatcher import Dispatcher
from notifiers.policy import DeliveryOptions, ReminderPolicy
from notifiers.queue import ReminderStore
from notifiers.reminders import ReminderProjection
from projections.runner import project
from tests.unit.notifiers.fakes import RecordingLog, RecordingNotifier
from tests.unit.test_state import adopted, entries, meta
from tracker.clock import FixedClock
from tracker.errors import PermanentDeliveryError

POLICY = ReminderPolicy(fallback="fristen@mitte.example")
#: Two weeks before the deadline of 18 December 2014, after the send time (08:00 Berlin).
NOW = datetime(2014, 12, 4, 8, 30, tzinfo=UTC)


def planned() -> Database:
    motion = adopted()
    motion.set_deadline(
        kind=DeadlineKind.COMPLETION,
        due=date(2014, 12, 18),
        window_start=None,
        phrase="bis 18.12.2014",
        rule="explicit_date",
        meta=meta(date(2014, 2, 20)),
    )
    db = memory_database()
    project(db, [ReminderProjection(POLICY)], entries(motion.collect_events()))
    return db


def dispatcher(db: Database, email: RecordingNotifier, log: RecordingLog) -> Dispatcher:
    return Dispatcher(
        app=log,
        store=ReminderStore(db),
        policy=POLICY,
        options=DeliveryOptions(retries=1, backoff_seconds=0),
        clock=FixedClock(NOW),
        email=email,
        webhook=None,
        worker="test",
    )


def test_a_due_reminder_is_sent_once_and_its_outcome_recorded() -> None:
    db, email, log = planned(), RecordingNotifier(), RecordingLog()

    result = dispatcher(db, email, log).run_pass()

    ((digest, items),) = email.sent
    assert digest.recipient == "fristen@mitte.example"
    assert [item["reference"] for item in items] == ["1263/IV"]
    assert [type(e) for e in log.saved] == [ReminderSent]
    assert result.counts["claimed"] == 1
    assert [r.status for r in ReminderStore(db).listing(["sent"])] == ["sent"]
    assert dispatcher(db, email, log).run_pass().counts["claimed"] == 0  # nothing twice
    assert len(email.sent) == 1


def test_a_permanent_failure_is_recorded_and_not_retried() -> None:
    db, log = planned(), RecordingLog()
    email = RecordingNotifier(fail_with=PermanentDeliveryError("550 no such mailbox"))

    dispatcher(db, email, log).run_pass()

    (failed,) = log.saved
    assert isinstance(failed, ReminderFailed) and failed.permanent
    assert email.sent == []
    assert [r.status for r in ReminderStore(db).listing(["failed"])] == ["failed"]

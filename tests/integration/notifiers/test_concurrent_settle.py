"""A reminder settled by one worker while another worker's catch-up re-plans its obligation
stays sent (PostgreSQL, READ COMMITTED; found by bench/soak.py).

The catch-up reads the obligation's rows, decides from what it read, then writes. If a
dispatcher settles a row as sent in between, the catch-up must not put it back: re-planning
it (``planned``) sends it a second time; retiring it (``retired``) hides that it was sent.
The test commits the settle from a second connection exactly between that read and the
catch-up's write.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from events.reminders import ReminderSent
from events.store import StoreLocation, connect
from notifiers import reminders as projection
from notifiers.dispatcher import reminder_event
from notifiers.queue import ReminderStore, Settled
from tests.integration.notifiers.conftest import Reminders, make_reminders
from tests.integration.notifiers.smtp import SmtpServer

DUE = date(2014, 12, 1)  # a Monday; every stage below falls on a working day in Berlin


@pytest.fixture
def pg_rem(pg_location: StoreLocation, smtp: SmtpServer) -> Iterator[Reminders]:
    harness = make_reminders(pg_location, smtp)
    yield harness
    harness.reminders.close()
    harness.service.app.close()


@pytest.mark.postgres
@pytest.mark.parametrize("stage", [7, 14], ids=["re-planned", "retired"])
def test_a_reminder_settled_during_a_catch_up_stays_sent(
    pg_rem: Reminders, monkeypatch: pytest.MonkeyPatch, stage: int
) -> None:
    rem = pg_rem
    mid = rem.add("1/IV", DUE)
    for offset in (-14, -3, 0, 7):
        if offset < stage:
            rem.clock.set(DUE + timedelta(days=offset))
            assert rem.notify().counts["sent"] == 1
    rem.clock.set(DUE + timedelta(days=stage))
    now = rem.clock.now()
    key = f"{mid}/D1/{DUE.isoformat()}/overdue-{stage}"

    # worker W claims the reminder, sends it and records ReminderSent in the log ...
    with connect(rem.location) as db:
        (row,) = [r for r in ReminderStore(db).claim("W", now=now, lease=60, limit=10)]
    assert row.key == key
    sent = reminder_event(
        ReminderSent, row, now, channel="email", message_id="<m@x>", planned_for=row.send_at,
        late=False,
    )  # fmt: skip
    rem.service.app.save(sent)

    # ... and settles its row just after another worker's catch-up has read the rows
    original = projection._Batch.existing_reminders
    settled: list[str] = []

    def read_then_settle(self: Any, keys: Any) -> Any:
        found = original(self, keys)
        if not settled:
            with connect(rem.location) as other:
                outcome = Settled(key, "sent", sent.originator_version, "<m@x>", False, None, now)
                ReminderStore(other).settle([outcome], owner="W")
            settled.append(key)
        return found

    monkeypatch.setattr(projection._Batch, "existing_reminders", read_then_settle)
    rem.reminders.catch_up()
    assert settled == [key]

    assert rem.status()[key] == "sent"
    with connect(rem.location) as db:
        later = now + timedelta(hours=1)
        again = ReminderStore(db).claim("V", now=later, lease=60, limit=10)
    assert [r.key for r in again] == []

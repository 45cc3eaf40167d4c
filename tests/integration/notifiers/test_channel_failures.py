"""A channel that fails as a whole (a wrong password, the server down) loses no reminder and
does not fill the log: the reminders stay pending, the first failure and the outcome are
recorded, and ``retry`` requeues them (issue 16, defects 1 and 5)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from console.render.reminders import reminder_stats
from events.reminders import ReminderFailed, ReminderRequeued, ReminderSent
from events.store import StoreLocation
from tests.integration.notifiers.conftest import Reminders, make_reminders
from tests.integration.notifiers.smtp import SmtpServer


def use_smtp(rem: Reminders, url: str) -> None:
    rem.reminders.config = replace(rem.reminders.config, smtp_url=url)


def outcomes(rem: Reminders) -> list[object]:
    kinds = ReminderSent | ReminderFailed | ReminderRequeued
    return [e.event for e in rem.service.log() if isinstance(e.event, kinds)]


@pytest.fixture
def guarded(location: StoreLocation) -> Iterator[tuple[Reminders, SmtpServer]]:
    """Reminders and an SMTP server that requires the password ``richtig``."""
    server = SmtpServer(password="richtig")
    server.start()
    rem = make_reminders(location, server)
    yield rem, server
    rem.reminders.close()
    rem.service.app.close()
    server.stop()


def test_a_wrong_password_keeps_every_reminder_pending_and_the_fixed_one_sends_each_once(
    guarded: tuple[Reminders, SmtpServer],
) -> None:
    rem, smtp = guarded
    rem.add("A-1", date(2014, 12, 18))
    rem.add("B-1", date(2014, 12, 18), office="Abt. Soziales")
    rem.add("C-1", date(2014, 12, 18), office=None)
    rem.clock.set(date(2014, 12, 18))
    use_smtp(rem, smtp.url_with("falsch"))

    result = rem.notify()

    assert set(result.unavailable) == {"email"}
    assert "authentication failed (535)" in result.unavailable["email"]
    assert smtp.logins and not any(smtp.logins)
    # one digest tried once; the pass stops, the other two wait for the next one
    assert result.counts["failed_transient"] == 1 and result.counts["postponed"] == 2
    assert result.counts["failed_permanent"] == 0
    assert set(rem.status().values()) <= {"planned", "skipped"}
    assert reminder_stats(rem.reminders.counts())["retrying"] == 1
    with pytest.raises(Exception, match="authentication failed"):
        result.check()
    assert not [e for e in outcomes(rem) if isinstance(e, ReminderFailed) and e.permanent]

    use_smtp(rem, smtp.url_with("richtig"))
    assert rem.reminders.retry(failed=False, by="tester") == {"failed": 0, "pending": 3}
    result = rem.notify()

    assert not result.unavailable and result.counts["sent"] == 3
    assert sorted(len(m.keys) for m in smtp.received) == [1, 1, 1]
    rem.notify()
    assert len(smtp.received) == 3
    assert reminder_stats(rem.reminders.counts())["retrying"] == 0


def test_an_outage_records_one_failure_per_reminder_then_the_outcome(
    rem: Reminders,
) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.clock.set(date(2014, 12, 18))
    rem.smtp.stop()
    for _ in range(5):
        result = rem.notify()
        assert result.unavailable
        rem.reminders.retry(failed=False, by="tester")
    rows = {r.key: r for r in rem.reminders.reminders(["planned"])}
    key = f"{mid}/D1/2014-12-18/due"
    assert rows[key].attempts >= 5 and rows[key].error is not None

    rem.smtp.restart()
    assert rem.notify().counts["sent"] == 1

    kinds = [type(e).__name__ for e in outcomes(rem) if getattr(e, "key", None) == key]
    assert kinds == ["ReminderFailed", "ReminderSent"]


def test_a_permanent_failure_is_requeued_by_retry_failed_and_sent(rem: Reminders) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.smtp.handler.replies = ["554 5.7.1 Rejected"]
    rem.clock.set(date(2014, 12, 18))
    rem.notify()
    key = f"{mid}/D1/2014-12-18/due"
    assert rem.status()[key] == "failed"
    assert rem.reminders.retry(failed=False, by="tester") == {"failed": 0, "pending": 0}
    assert rem.reminders.retry(failed=True, by="tester", reference="A-1") == {
        "failed": 1,
        "pending": 0,
    }
    assert rem.status()[key] == "planned"

    assert rem.notify().counts["sent"] == 1
    assert [m.keys for m in rem.smtp.received] == [[key]]
    (requeued,) = [e for e in outcomes(rem) if isinstance(e, ReminderRequeued)]
    assert requeued.by == "tester"
    before = [(r.key, r.status) for r in rem.reminders.reminders()]
    rem.reminders.runner().rebuild()
    assert [(r.key, r.status) for r in rem.reminders.reminders()] == before


def test_a_failed_reminder_of_a_withdrawn_motion_is_retired_not_requeued(rem: Reminders) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.smtp.handler.replies = ["554 5.7.1 Rejected"]
    rem.clock.set(date(2014, 12, 18))
    rem.notify()
    rem.service.withdraw(mid, on=date(2014, 12, 18), reason="erledigt sich")
    assert rem.reminders.retry(failed=True, by="tester")["failed"] == 1
    assert rem.status()[f"{mid}/D1/2014-12-18/due"] == "retired"
    rem.notify()
    assert not rem.smtp.received

"""An escalation goes out even when its overdue twin of the same day went out first, in an
earlier claim (found by bench/soak.py: the twin's outcome re-planned the obligation from
the next repeat on and retired the escalation before it was sent)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from events.store import StoreLocation
from tests.integration.notifiers.conftest import RECIPIENTS, Reminders, make_reminders
from tests.integration.notifiers.smtp import SmtpServer

DUE = date(2014, 12, 1)  # a Monday; every stage below falls on a working day in Berlin


@pytest.fixture
def one_by_one(location: StoreLocation, smtp: SmtpServer) -> Iterator[Reminders]:
    """Claims of one recipient at a time; the office's address sorts before the escalation's,
    so the overdue reminder is claimed, sent and recorded before its escalation."""
    section = RECIPIENTS | {
        "claim_batch": 1,
        "escalate_to": "leitung@mitte.example",
        "office": {"Abt. Stadtentwicklung": "amt@mitte.example"},
    }
    harness = make_reminders(location, smtp, section)
    yield harness
    harness.reminders.close()
    harness.service.app.close()


def test_the_escalation_of_a_day_is_sent_after_its_overdue_twin(
    one_by_one: Reminders, smtp: SmtpServer
) -> None:
    rem = one_by_one
    mid = rem.add("1/IV", DUE)
    for offset in (-14, -3, 0, 7, 14, 21, 28, 35):
        rem.clock.set(DUE + timedelta(days=offset))
        rem.notify()
    stages = {key.rsplit("/", 1)[1]: status for key, status in rem.status().items()}
    assert stages["overdue-35"] == "sent"
    assert stages["escalation-35"] == "sent"
    to_leitung = [r for r in smtp.received if r.recipients == ["leitung@mitte.example"]]
    assert [k.rsplit("/", 1)[1] for r in to_leitung for k in r.keys] == ["escalation-35"]
    assert all(k.startswith(str(mid)) for r in smtp.received for k in r.keys)

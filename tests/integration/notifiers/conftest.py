"""Fixtures for the reminder tests: a real SMTP server on loopback and the services around
a store of each backend, with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest

from events.store import StoreLocation
from events.values import Outcome
from notifiers.policy import parse_policy
from notifiers.service import ReminderConfig, ReminderService
from tests.integration.notifiers.smtp import SmtpServer
from tracker.clock import BERLIN
from tracker.service import TrackerService, open_log

RECIPIENTS: dict[str, Any] = {
    "fallback": "fristen@example.org",
    "escalate_to": "leitung@example.org",
    "sender": "tracker@bvv.example",
    "backoff_seconds": 0.01,
    "lease_seconds": 5,
    "office": {
        "Abt. Stadtentwicklung": "stadt@mitte.example",
        "Abt. Soziales": "soziales@mitte.example",
    },
    "body": {"Bezirksversammlung Altona": "bv@altona.example"},
}


@dataclass
class MovableClock:
    """The injected clock; the test sets the instant."""

    instant: datetime

    def now(self) -> datetime:
        return self.instant

    def set(self, day: date, hour: int = 8, minute: int = 5) -> None:
        """Move to ``day`` at ``hour:minute`` Berlin time."""
        self.instant = datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


@dataclass
class Reminders:
    """The log's service and the reminder service over one store."""

    location: StoreLocation
    clock: MovableClock
    service: TrackerService
    reminders: ReminderService
    smtp: SmtpServer
    section: dict[str, Any] = field(default_factory=dict)

    def add(
        self,
        reference: str,
        due: date,
        *,
        body: str = "BVV Mitte von Berlin",
        state: str = "BE",
        office: str | None = "Abt. Stadtentwicklung",
        title: str = "Poststadion",
    ) -> UUID:
        """A motion adopted on 2014-02-20 with a completion deadline D1 due on ``due``."""
        _, change = self.service.add(
            body=body,
            reference=reference,
            title=title,
            kind="Antrag",
            state=state,
            decided_on=date(2014, 2, 20),
            outcome=Outcome.ADOPTED,
            committee=None,
            addressee="Bezirksamt",
            office=office,
            due=due,
        )
        return change.motion.id

    def notify(self) -> Any:
        return self.reminders.notify()

    def status(self) -> dict[str, str]:
        """Stage key (after the motion id) -> status."""
        return {r.key: r.status for r in self.reminders.reminders()}


def make_reminders(
    location: StoreLocation, smtp: SmtpServer, section: dict[str, Any] | None = None
) -> Reminders:
    clock = MovableClock(datetime(2014, 10, 1, 9, 0, tzinfo=UTC))
    app = open_log(location)
    policy, options = parse_policy(section or RECIPIENTS)
    config = ReminderConfig(policy, options, smtp.url, None)
    reminders = ReminderService(location=location, app=app, clock=clock, config=config)
    return Reminders(location, clock, TrackerService(app, clock, "tester"), reminders, smtp)


@pytest.fixture
def rem(location: StoreLocation, smtp: SmtpServer) -> Iterator[Reminders]:
    """Reminders on a fresh store of each backend, the clock at 2014-10-01."""
    harness = make_reminders(location, smtp)
    yield harness
    harness.reminders.close()
    harness.service.app.close()

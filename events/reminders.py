"""The vocabulary of facts recorded about reminders: sent, failed, skipped.

A reminder is identified by its deterministic key: the motion, the deadline, the nominal due
date (as recorded, before BGB § 193) and the stage (``before-14``, ``due``, ``overdue-7``,
``escalation-35``). Its events form a stream of their own whose id is
``uuid5(REMINDER_NAMESPACE, key)`` (GUIDE rule 3): two workers recording an outcome for the
same key write the same version of the same stream, and only one of them wins.

Stored names are identifiers (GUIDE rule 2): ``events.reminders:ReminderSent``,
``events.reminders:ReminderFailed``, ``events.reminders:ReminderSkipped`` and
``events.reminders:ReminderRequeued`` are written into the log;
``tests/unit/notifiers/test_reminder_events.py`` pins them.

The events are written directly (``Application.save(event)``); no aggregate has to be loaded
to append an outcome, only the stream's last version.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import AggregateEvent

from events.base import event

#: Namespace of reminder stream ids: ``uuid5(REMINDER_NAMESPACE, key)``.
REMINDER_NAMESPACE = UUID("5f0c2d1e-7a43-5b8e-9c61-3e2a4b7d8f10")


def reminder_key(motion: UUID, deadline_id: str, nominal_due: date | None, stage: str) -> str:
    """The deterministic key of one reminder: ``motion/deadline/nominal-due/stage``."""
    due = nominal_due.isoformat() if nominal_due is not None else "-"
    return f"{motion}/{deadline_id}/{due}/{stage}"


def reminder_id(key: str) -> UUID:
    """The id of the event stream recording the outcomes of the reminder ``key``."""
    return uuid.uuid5(REMINDER_NAMESPACE, key)


@event
class ReminderEvent(AggregateEvent):
    """Base of the reminder outcomes; ``originator_id`` is :func:`reminder_id` of ``key``."""

    key: str
    motion: UUID
    deadline_id: str
    nominal_due: date | None
    stage: str
    recipient: str

    def apply(self, aggregate: Any) -> None:
        """Reminder streams are read by projections, not folded into an aggregate."""


@event
class ReminderSent(ReminderEvent):
    """The reminder was handed to the mail server or webhook receiver.

    ``planned_for`` is its send time, ``late`` is True when it went out after the service
    was down across that time ("verspätet"), ``message_id`` the e-mail's Message-ID or the
    webhook id.
    """

    channel: str
    message_id: str
    planned_for: datetime
    late: bool


@event
class ReminderFailed(ReminderEvent):
    """Delivery failed: ``permanent`` (SMTP 5xx, HTTP 4xx) or transient (retried later)."""

    channel: str
    permanent: bool
    error: str
    attempts: int


@event
class ReminderSkipped(ReminderEvent):
    """The reminder was not sent, with the reason (coalesced, no recipient)."""

    reason: str


@event
class ReminderRequeued(ReminderEvent):
    """A person asked for a failed reminder to be tried again (``tracker reminders retry
    --failed``): it is planned again, due at once; ``by`` names who asked."""

    by: str


#: Every reminder event class by name.
REMINDER_EVENTS: dict[str, type[ReminderEvent]] = {
    cls.__name__: cls for cls in (ReminderSent, ReminderFailed, ReminderSkipped, ReminderRequeued)
}

"""The reminders read model as the tracker knew it at a past instant (``--known-at``)."""

from __future__ import annotations

from typing import Any

from events.store import memory_database
from notifiers.policy import parse_policy
from notifiers.queue import STATUSES, ReminderStore
from notifiers.reminders import ReminderProjection
from projections.runner import project
from tracker.audit import KnownAt, known_entries
from tracker.errors import InputError
from tracker.service import MotionLog


def known_reminders(
    app: MotionLog,
    when: KnownAt,
    section: Any,
    statuses: list[str] | None = None,
    regular_cadence_months: int = 6,
) -> list[Any]:
    """The reminders read model as known at ``when``: rebuilt in memory, then listed.

    ``section`` is the ``[reminders]`` table and ``regular_cadence_months`` the ``[board]``
    cadence (the same rows as the live read model); ``statuses`` filters as
    ``tracker reminders --status`` does.
    """
    unknown = sorted(set(statuses or ()) - set(STATUSES))
    if unknown:
        raise InputError(
            f"--status {', '.join(unknown)}: not a reminder status; use {', '.join(STATUSES)}"
        )
    policy, _ = parse_policy(section)
    db = memory_database()
    try:
        projection = ReminderProjection(policy, regular_cadence_months)
        project(db, [projection], known_entries(app, when), batch_size=5000)
        rows: list[Any] = ReminderStore(db).listing(statuses)
        return rows
    finally:
        db.close()

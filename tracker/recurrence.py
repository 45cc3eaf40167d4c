"""Recurring report duties: cadences and the due dates of their occurrences.

One place for the rule that the deadline board and the reminders follow: occurrence *k*
(0-based) of a duty first due on ``first`` is due ``k`` cadences later, counted from
``first`` and clamped to the month's end (BGB § 188 (3)). When an occurrence is met, the
duty moves to the first later occurrence that falls due after the day it was met (a report
covers the occurrences that fell due before it). ``regular`` duties ("regelmäßig") take
the configured cadence (``[board] regular_cadence_months``).
"""

from __future__ import annotations

from datetime import date

from events.values import Recurrence
from tracker.deadlines import add_months

CADENCE_MONTHS: dict[Recurrence, int] = {
    Recurrence.MONTHLY: 1,
    Recurrence.QUARTERLY: 3,
    Recurrence.HALF_YEARLY: 6,
    Recurrence.YEARLY: 12,
}


def cadence_months(recurrence: Recurrence | str, regular_months: int) -> int:
    """Months between occurrences; 0 for a one-off duty."""
    rec = Recurrence(recurrence)
    if rec is Recurrence.ONCE:
        return 0
    return CADENCE_MONTHS.get(rec, regular_months)


def occurrence_due(first: date, months: int, k: int) -> date:
    """The nominal due date of occurrence ``k`` (0-based)."""
    return add_months(first, k * months) if k else first


def next_occurrence(first: date, months: int, k: int, met_on: date) -> int:
    """The occurrence a duty moves to when occurrence ``k`` is met on ``met_on``."""
    j = k + 1
    while occurrence_due(first, months, j) <= met_on:
        j += 1
    return j

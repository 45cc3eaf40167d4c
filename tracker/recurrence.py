"""Recurring report duties: cadences and the due dates of their occurrences.

One place for the rule that the deadline board and the reminders follow: occurrence *k*
(0-based) of a duty first due on ``first`` is due ``k`` cadences later, counted from
``first`` and clamped to the month's end (BGB § 188 (3)). When an occurrence is met, the
duty moves to the first later occurrence that falls due after the day it was met (a report
covers the occurrences that fell due before it). ``regular`` duties ("regelmäßig") take
the configured cadence (``[board] regular_cadence_months``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from events.values import Recurrence
from tracker.deadlines import add_months

#: A due date: a date, or its ISO form (the board keeps dates as ISO strings).
Day = TypeVar("Day", date, str)

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


def next_occurrence(due_of: Callable[[int], Day | None], k: int, met_on: Day) -> int:
    """The occurrence a duty moves to when occurrence ``k`` is met on ``met_on``: the first
    later one falling due after it. ``due_of(j)`` is occurrence j's due date (a date, or an
    ISO string, which orders the same way); None ends the search."""
    j = k + 1
    while (due := due_of(j)) is not None and due <= met_on:
        j += 1
    return j

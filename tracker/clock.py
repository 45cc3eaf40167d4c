"""The injected clock (GUIDE rule 5): business code asks a clock, never the wall.

``--now`` replaces the clock for every time-dependent command; a date-time without a zone
is read as Europe/Berlin local time, the councils' time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from tracker.errors import InvalidDate

BERLIN = ZoneInfo("Europe/Berlin")


class Clock(Protocol):
    """Tells the current time as an aware UTC date-time."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(tz=UTC)


@dataclass(frozen=True)
class FixedClock:
    """A clock stopped at one instant (``--now``, tests)."""

    instant: datetime

    def now(self) -> datetime:
        return self.instant


def today(clock: Clock) -> date:
    """The current date in Berlin."""
    return clock.now().astimezone(BERLIN).date()


def german_date(day: date) -> str:
    """A day as people read it here: ``18.12.2014``."""
    return f"{day:%d.%m.%Y}"


def german_datetime(moment: datetime) -> str:
    """A moment as ``18.12.2014 09:30``, in Berlin time when it carries a time zone."""
    local = moment.astimezone(BERLIN) if moment.tzinfo is not None else moment
    return f"{local:%d.%m.%Y %H:%M}"


def parse_instant(text: str) -> datetime:
    """An ISO date or date-time; naive values are Berlin local time. Returns UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidDate(f"{text!r} is not an ISO date-time such as 2015-01-05T09:00") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=BERLIN)
    return value.astimezone(UTC)

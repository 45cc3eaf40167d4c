"""Deadline arithmetic under German law (BGB §§ 187-193) and working days per Bundesland.

Pure functions over dates; nothing here reads the clock.

* § 187 (1): when an event (a decision) starts the period, its day is not counted.
* § 187 (2): when the start of a day starts the period, that day is counted.
* § 188 (2): a period of weeks or months ends with the day of the last week or month that
  corresponds by name or number to the start day (§ 187 (2): the day before it).
* § 188 (3): if that day is missing in the last month, the period ends on its last day.
* § 193: a last day on a Saturday, Sunday or public holiday at the place of performance
  moves to the next working day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from tracker.errors import ConfigurationError

#: ISO 3166-2 codes of the German states without the ``DE-`` prefix.
STATES: frozenset[str] = frozenset(
    {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}
)


def check_state(state: str | None) -> str | None:
    """Return the state code in upper case, or raise :class:`ConfigurationError`."""
    if state is None:
        return None
    code = state.strip().upper().removeprefix("DE-")
    if code not in STATES:
        raise ConfigurationError(
            f"unknown Bundesland {state!r}; expected one of {', '.join(sorted(STATES))}"
        )
    return code


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's end (§ 188 (3))."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def period_end(
    start: date,
    *,
    days: int = 0,
    weeks: int = 0,
    months: int = 0,
    years: int = 0,
    start_counts: bool = False,
) -> date:
    """The last day of a period that begins at ``start`` (BGB §§ 187, 188).

    ``start`` is the day of the event that starts the period (a decision: § 187 (1)),
    or, with ``start_counts=True``, the first day of the period itself (§ 187 (2)).
    Combine units as the text does ("ein Jahr und sechs Monate" -> years=1, months=6).
    """
    end = add_months(start, years * 12 + months) + timedelta(days=days + 7 * weeks)
    if start_counts:
        end -= timedelta(days=1)
    return end


#: One entry per (Bundesland, year): 16 states over a century fit (a few KiB each); a smaller
#: cache thrashed when a board spans more states and years than it holds.
@lru_cache(maxsize=2048)
def _holidays(state: str | None, year: int) -> frozenset[date]:
    import holidays  # heavy (~0.1 s): only commands that compute due dates pay for it

    table = holidays.country_holidays("DE", subdiv=state, years=year)
    return frozenset(table.keys())


def is_holiday(day: date, state: str | None) -> bool:
    """True for a public holiday in ``state`` (nationwide holidays only when state is None)."""
    return day in _holidays(state, day.year)


def is_working_day(day: date, state: str | None) -> bool:
    """Monday to Friday and not a public holiday of ``state``."""
    return day.weekday() < 5 and not is_holiday(day, state)


def next_working_day(day: date, state: str | None) -> date:
    """``day`` itself if it is a working day, else the next one (BGB § 193)."""
    while not is_working_day(day, state):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date, state: str | None) -> date:
    """``day`` itself if it is a working day, else the one before (reminders move earlier)."""
    while not is_working_day(day, state):
        day -= timedelta(days=1)
    return day


def legal_due_date(day: date, state: str | None) -> date:
    """The due date after BGB § 193 in ``state``: weekends and holidays move it forward."""
    return next_working_day(day, state)


@lru_cache(maxsize=256)
def _holiday_names(state: str | None, year: int) -> dict[date, str]:
    import holidays  # heavy: only an explanation of a due date names the holidays

    return dict(holidays.country_holidays("DE", subdiv=state, years=year, language="de"))


#: German names of the days of the week (Monday first), as § 193 names the weekend.
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: German names of the months (January first), as e-mails and pages write a date in words.
MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
    "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip


@dataclass(frozen=True)
class Skipped:
    """A day BGB § 193 skips: a Saturday, Sunday (``holiday`` None) or the public
    holiday ``holiday`` (its German name) of the Bundesland ``state``."""

    day: date
    weekday: str
    holiday: str | None
    state: str | None

    def describe(self, lang: str = "de") -> str:
        """``Ostermontag 2025 in BE``, ``Samstag`` (``lang`` ``en``: ``Saturday``; a
        holiday keeps its German name)."""
        if self.holiday is None:
            return self.weekday if lang == "de" else WEEKDAYS_EN[self.day.weekday()]
        where = f" in {self.state}" if self.state else ""
        return f"{self.holiday} {self.day.year}{where}"


def skipped_days(day: date, state: str | None) -> list[Skipped]:
    """The days § 193 skips from ``day`` on to the next working day (none when ``day`` is
    one), each with why."""
    found = []
    while not is_working_day(day, state):
        name = _holiday_names(state, day.year).get(day) if is_holiday(day, state) else None
        found.append(Skipped(day, WEEKDAYS_DE[day.weekday()], name, state))
        day += timedelta(days=1)
    return found

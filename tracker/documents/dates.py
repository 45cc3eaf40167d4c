"""Reading a calendar date: one place for the ways a date is written (``18.12.2014``,
``18. Dezember 2014``, ``2014-12-18``), the month names and one two-digit-year rule.

``full_year("17")`` is 2017 and ``full_year("99")`` 1999 (a two-digit year below 70 is of this
century); ``safe_date`` returns None for a day that does not exist instead of raising;
``parse_date`` finds the first real date in a text, however it is written. The
deadline grammar (:mod:`tracker.documents.grammar`) and the header fields
(:mod:`tracker.documents.fields`) both read dates through this module.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

#: A numeric German date: ``18.12.2014``, ``1.1.11``.
DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")

MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "febr": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
_FULL_MONTHS = sorted((m for m in MONTHS if len(m) > 4 or m == "mai"), key=len, reverse=True)
_ABBREVIATED = sorted((m for m in MONTHS if m not in _FULL_MONTHS), key=len, reverse=True)
MONTH = r"(?:" + "|".join(_FULL_MONTHS) + r"|(?:" + "|".join(_ABBREVIATED) + r")\.?)(?![a-zäöüß])"
#: A date written with the month's name: ``30. Juni 2010``, ``1. Dez. 2024``.
WRITTEN = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s*(" + MONTH + r")\s*((?:19|20)\d{2})(?!\d)", re.IGNORECASE
)
#: An ISO date, as OParl exports and forms write it: ``2024-12-31``.
ISO = re.compile(r"(?<![\d./-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])")
_ANY_DATE = re.compile("|".join(f"(?:{p.pattern})" for p in (DATE, WRITTEN, ISO)), re.IGNORECASE)


def month_number(name: str) -> int:
    """``Juni`` -> 6, ``Dez.`` -> 12."""
    return MONTHS[name.lower().rstrip(".")]


def full_year(digits: str) -> int:
    """A four-digit year as written; a two-digit one in 2000-2069 or 1970-1999."""
    value = int(digits)
    if len(digits) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31.06., 29.02. in a common year)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def last_day(year: int, month: int) -> date:
    """The month's last day."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _date_of(m: re.Match[str]) -> date | None:
    if m.group(1):
        return safe_date(full_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m.group(4):
        return safe_date(int(m.group(6)), month_number(m.group(5)), int(m.group(4)))
    return safe_date(int(m.group(7)), int(m.group(8)), int(m.group(9)))


def parse_date(text: str) -> date | None:
    """The first date in ``text`` that exists, written as numbers (``18.12.2014``,
    ``1.1.11``), with the month's name (``18. Dezember 2014``) or in ISO form, else None."""
    for m in _ANY_DATE.finditer(text):
        found = _date_of(m)
        if found is not None:
            return found
    return None


# A date that a limit word or an entry into force governs ("bis zum 30.06.2025", "tritt am
# 01.01.2023 in Kraft", "ab dem 1. Juli 2016"): a term the paper sets, not its own date.
_GOVERNED = re.compile(
    r"(?:\bbis|\bspätestens|\btritt|\btreten|\bab|\bFrist)"
    r"(?:\s+(?:zum|zur|am|dem|den|spätestens|einschließlich))*\s*$",
    re.IGNORECASE,
)


def paper_date(text: str) -> date | None:
    """The first date in ``text`` (as :func:`parse_date`) that no limit word governs: the
    date a paper's head gives itself, not a term it sets."""
    for m in _ANY_DATE.finditer(text):
        if _GOVERNED.search(text, max(0, m.start() - 40), m.start()):
            continue
        found = _date_of(m)
        if found is not None:
            return found
    return None

"""Reading a calendar date written with numbers: one place, one two-digit-year rule.

``full_year("17")`` is 2017 and ``full_year("99")`` 1999 (a two-digit year below 70 is of this
century); ``safe_date`` returns None for a day that does not exist instead of raising;
``parse_date`` finds the first real ``dd.mm.yyyy`` (or ``d.m.yy``) date in a text. The
deadline grammar (:mod:`tracker.documents.grammar`) and the header fields
(:mod:`tracker.documents.fields`) both read dates through this module.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

#: A numeric German date: ``18.12.2014``, ``1.1.11``.
DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")


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


def parse_date(text: str) -> date | None:
    """The first ``dd.mm.yyyy`` (or ``d.m.yy``) date in ``text`` that exists, else None."""
    for m in DATE.finditer(text):
        found = safe_date(full_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if found is not None:
            return found
    return None

"""Reading dates typed by people: ISO (2014-12-18) and German (18.12.2014, 1.1.11)."""

from __future__ import annotations

import re
from datetime import date

from tracker.errors import InvalidDate

_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


def parse_date(text: str, *, what: str = "date") -> date:
    """Parse an ISO or German date; a date that does not exist raises :class:`InvalidDate`."""
    value = text.strip()
    match = _GERMAN.match(value)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            if len(match.group(3)) == 2:
                year += 2000
            return date(year, month, day)
        return date.fromisoformat(value)
    except ValueError as exc:
        reason = (
            str(exc)
            if match or re.match(r"^\d{4}-\d{2}-\d{2}$", value)
            else ("expected YYYY-MM-DD or DD.MM.YYYY")
        )
        raise InvalidDate(f"{what} {text!r} is not a valid date: {reason}") from None

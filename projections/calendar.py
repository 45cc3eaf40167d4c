"""iCalendar (RFC 5545) feeds of due dates, for councillors' calendar programs.

One all-day event per open obligation with a due date. The UID is derived from the board
row id (motion, obligation, occurrence), so a calendar program updates an event in place
when its due date moves instead of adding a second one. DTSTAMP is the injected clock's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

UID_DOMAIN = "tracker.invalid"
PRODID = "-//tracker//deadline board//DE"


def uid_for(row_id: str) -> str:
    """The stable UID of a board row."""
    return f"{row_id.replace('/', '-')}@{UID_DOMAIN}"


def sachstand_lines(progress: dict[str, Any] | None) -> list[str]:
    """The latest Sachstand in an event's description (nothing without one)."""
    if not progress:
        return []
    lines = [f"Sachstand ({progress['on']}, {progress['by']}): {progress['text']}"]
    for key, label in (
        ("reason", "Grund der Verzögerung"),
        ("next", "Nächster Schritt"),
        ("expected", "Voraussichtlich erledigt"),
    ):
        if progress.get(key):
            lines.append(f"{label}: {progress[key]}")
    return lines


def render_calendar(items: Sequence[dict[str, Any]], *, name: str, stamp: datetime) -> bytes:
    """The feed as bytes (CRLF lines, folded as RFC 5545 requires)."""
    from icalendar import Calendar, Event  # deferred: only the calendar command needs it

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for item in items:
        due = date.fromisoformat(item["due"])
        event = Event()
        event.add("uid", uid_for(item["id"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        what = {"completion": "Erledigung", "report": "Bericht", "event": "Termin"}.get(
            item["kind"], item["kind"]
        )
        occurrence = f" ({item['occurrence']}.)" if item.get("occurrence") else ""
        event.add("summary", f"{item['reference']}: {what}{occurrence} – {item['title']}")
        lines = [
            f"Drucksache: {item['reference']} ({item['body']})",
            f"Federführung: {item['office'] or '-'}",
            f"Adressat: {item['addressee'] or '-'}",
            f"Gremium: {item['committee'] or '-'}",
            f"Initiative: {', '.join(item.get('initiators') or []) or '-'}",
            f"Beschluss: {item['decision_date'] or '-'}",
            f"Frist: {item['phrase'] or '-'}",
        ]
        if item.get("original_due"):
            lines.append(f"Ursprünglich fällig: {item['original_due']}")
        lines += sachstand_lines(item.get("progress"))
        event.add("description", "\n".join(lines))
        event.add("categories", [item["kind"]])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data

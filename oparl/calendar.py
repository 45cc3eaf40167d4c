"""Session days per committee from the OParl meetings the sync mirrors, for the session
calendar of "in der nächsten Sitzung" (:class:`tracker.defaults.SessionCalendar`).

A meeting counts for each organization it names (by the organization's ``name``, else its
``shortName``), on the day of its ``start`` in Berlin; cancelled and deleted meetings do
not count. Nothing here writes to the log.
"""

from __future__ import annotations

import json
from datetime import date

from events.store import Database
from oparl.mapping import day_of
from oparl.mirror import Mirror


def sessions(db: Database) -> dict[str, tuple[date, ...]]:
    """Session days per committee name from the mirror (empty when nothing was synced)."""
    Mirror(db)  # its tables, when the sync never ran here
    prefix = db.table_prefix
    names: dict[str, str] = {}
    for object_id, data in db.query(
        f"SELECT object_id, data FROM {prefix}oparl_object"
        " WHERE kind = 'Organization' AND deleted = 0"
    ):
        org = json.loads(data)
        name = org.get("name") or org.get("shortName")
        if isinstance(name, str) and name.strip():
            names[str(object_id)] = " ".join(name.split())
    found: dict[str, set[date]] = {}
    for (data,) in db.query(
        f"SELECT data FROM {prefix}oparl_object WHERE kind = 'Meeting' AND deleted = 0"
    ):
        meeting = json.loads(data)
        day = day_of(meeting.get("start"))
        if day is None or meeting.get("cancelled") is True:
            continue
        organizations = meeting.get("organization") or []
        for ref in organizations if isinstance(organizations, list) else [organizations]:
            name = names.get(ref if isinstance(ref, str) else str(ref.get("id", "")))
            if name:
                found.setdefault(name, set()).add(day)
    return {name: tuple(sorted(days)) for name, days in found.items()}

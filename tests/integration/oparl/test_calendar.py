"""The session calendar from the OParl meetings the sync mirrors (both backends)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from events.store import Database, StoreLocation, connect
from oparl.calendar import sessions
from oparl.mirror import Incoming, Mirror
from tracker.defaults import TermDefaults


@pytest.fixture
def db(location: StoreLocation) -> Iterator[Database]:
    opened = connect(location)
    yield opened
    opened.close()


def obj(oid: str, kind: str, data: dict[str, Any], *, deleted: bool = False) -> Incoming:
    return Incoming(oid, kind, f"h-{oid}-{deleted}", "2025-01-01", deleted, None, None, data)


def test_meetings_give_each_organization_its_session_days(db: Database) -> None:
    assert sessions(db) == {}  # nothing synced: an empty calendar, the tables made
    Mirror(db).store(
        [
            obj("o1", "Organization", {"id": "o1", "name": "Ausschuss  für Soziales"}),
            obj("o2", "Organization", {"id": "o2", "shortName": "BV"}),
            obj(
                "m1",
                "Meeting",
                {"id": "m1", "start": "2025-03-10T17:00:00+01:00", "organization": ["o1", "o2"]},
            ),
            obj(
                "m2",
                "Meeting",
                {"id": "m2", "start": "2025-04-14T23:30:00Z", "organization": ["o1"]},
            ),
            obj(
                "m3",
                "Meeting",
                {"id": "m3", "start": "2025-05-12", "cancelled": True, "organization": ["o1"]},
            ),
            obj(
                "m4",
                "Meeting",
                {"id": "m4", "start": "2025-06-02", "organization": ["o1"]},
                deleted=True,
            ),
        ],
        "b",
    )
    assert sessions(db) == {
        "Ausschuss für Soziales": (date(2025, 3, 10), date(2025, 4, 15)),  # Berlin time
        "BV": (date(2025, 3, 10),),
    }


def test_the_calendar_adds_the_mirrored_meetings_to_the_configured_ones(db: Database) -> None:
    Mirror(db).store(
        [
            obj("o1", "Organization", {"id": "o1", "name": "Ausschuss für Soziales"}),
            obj("m1", "Meeting", {"id": "m1", "start": "2025-04-14", "organization": ["o1"]}),
        ],
        "b",
    )
    configured = TermDefaults.from_section({"sessions": {"Ausschuss für Soziales": ["2025-03-10"]}})
    calendar = configured.with_sessions_from(lambda: sessions(db)).calendar
    assert calendar.sessions == {"Ausschuss für Soziales": (date(2025, 3, 10), date(2025, 4, 14))}
    found = calendar.next_session("Ausschusses für Soziales", date(2025, 3, 10))
    assert found is not None and found.day == date(2025, 4, 14)

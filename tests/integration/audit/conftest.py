"""A small log of several motions on each backend, for the audit tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from events.store import StoreLocation
from events.values import Outcome
from tests.integration.audit.tampering import Raw
from tracker.service import TrackerService


def fill(service: TrackerService, motions: int = 4) -> None:
    """``motions`` motions, each registered with decision, office and deadline (4 events),
    then an extension of the first and a correction of the second."""
    for n in range(1, motions + 1):
        service.add(
            body="BVV Mitte von Berlin",
            reference=f"{n}/IV",
            title=f"Antrag {n}",
            kind="Antrag",
            state="BE",
            decided_on=date(2014, 2, 20),
            outcome=Outcome.ADOPTED,
            committee=None,
            addressee="Bezirksamt",
            office=f"Amt {n}",
            due=date(2014, 12, 18),
        )
    first = service.find("1/IV")
    service.extend_deadline(
        first.id,
        "D1",
        new_due=date(2015, 3, 31),
        reason="Personalmangel",
        effective=date(2014, 12, 15),
    )
    second = service.find("2/IV")
    service.correct(
        second.id,
        field_name="title",
        value="Antrag zwei",
        reason="Tippfehler",
        effective=date(2014, 3, 2),
    )


@pytest.fixture
def filled(service: TrackerService) -> TrackerService:
    """The service over a log of 18 events (positions 1-18)."""
    fill(service)
    assert service.head() == 18
    return service


@pytest.fixture
def raw(location: StoreLocation) -> Iterator[Raw]:
    """Direct SQL access to the store's tables."""
    connection = Raw(location)
    yield connection
    connection.close()

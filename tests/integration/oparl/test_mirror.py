"""The mirror's tables on both backends: versions, tombstones, back-references, state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from events.store import StoreLocation, connect
from oparl.mirror import Incoming, Mirror


@pytest.fixture
def mirror(location: StoreLocation) -> Iterator[Mirror]:
    db = connect(location)
    yield Mirror(db)
    db.close()


def version(
    oid: str, data: dict[str, Any], *, parent: str | None = None, deleted: bool = False
) -> Incoming:
    return Incoming(
        oid, "Consultation", f"h-{len(data)}-{deleted}", "2015-01-01", deleted, parent, None, data
    )


def test_a_version_without_back_reference_keeps_the_parent_learnt_before(mirror: Mirror) -> None:
    mirror.store([version("c1", {"id": "c1", "paper": "p1"}, parent="p1")], "b")
    mirror.store([version("c1", {"id": "c1", "role": "Vorberatung"})], "b")
    stored = mirror.get("c1")
    assert stored is not None
    assert (stored.parent, stored.data) == ("p1", {"id": "c1", "role": "Vorberatung"})


def test_a_tombstone_keeps_the_last_live_data(mirror: Mirror) -> None:
    mirror.store([version("p", {"id": "p", "reference": "1/2015"})], "b")
    mirror.store([version("p", {"id": "p", "deleted": True}, deleted=True)], "b")
    stored = mirror.get("p")
    assert stored is not None and stored.deleted and stored.data["reference"] == "1/2015"


def test_aliases_and_list_state(mirror: Mirror) -> None:
    mirror.store([version("https://x/org/3", {"id": "https://x/org/3"})], "b", pending=False)
    mirror.alias("https://x/org/alias-3", "https://x/org/3")
    found = mirror.get("https://x/org/alias-3")
    assert found is not None and found.object_id == "https://x/org/3" and not found.pending
    started = datetime(2015, 6, 1, tzinfo=UTC)
    assert mirror.last_started("b", "paper") is None
    mirror.list_completed("b", "paper", started)
    mirror.list_completed("b", "paper", started.replace(day=2))
    assert mirror.last_started("b", "paper") == started.replace(day=2)

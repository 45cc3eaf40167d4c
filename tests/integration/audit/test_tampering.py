"""Rows edited, deleted, swapped and inserted behind the tracker's back are found by position."""

from __future__ import annotations

import pytest

from events.chain import GENESIS, ChainHead
from events.store import StoreLocation
from tests.integration.audit.tampering import Raw
from tracker import audit
from tracker.errors import IntegrityViolation
from tracker.service import TrackerService


def broken(location: StoreLocation, expect: ChainHead | None = None) -> str:
    with pytest.raises(IntegrityViolation) as caught:
        audit.verify(location, expect)
    return str(caught.value)


def test_an_untouched_log_verifies(filled: TrackerService, location: StoreLocation) -> None:
    result = audit.verify(location)
    assert result.events == 18
    assert result.head == audit.head(location)
    assert result.head.position == 18
    assert result.unchained == 0


def test_an_edited_event_is_found_at_its_position(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    audit.seal(location)
    raw.edit_state(8, b"2014-12-18", b"2015-12-18")
    assert "position 8: the stored event does not match its chain value (changed)" in broken(
        location
    )


def test_an_edit_to_the_last_event_is_found(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    audit.seal(location)
    raw.edit_state(18, b"Tippfehler", b"Tippfehlex")
    assert "position 18:" in broken(location)


def test_a_deleted_event_is_found_at_its_position(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    audit.seal(location)
    raw.delete(5)
    assert "position 5: the event chained there is missing (deleted)" in broken(location)


def test_deleting_the_newest_events_is_found(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    audit.seal(location)
    raw.delete(18)
    raw.delete(17)
    assert "position 17: the event chained there is missing (deleted)" in broken(location)


def test_swapped_events_are_found_at_the_first_of_them(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    audit.seal(location)
    raw.swap(6, 11)
    message = broken(location)
    assert "position 6: holds the event chained at position 11 (events reordered)" in message


def test_an_inserted_event_is_found_at_its_position(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    audit.seal(location)
    raw.copy_to(source=4, target=0, version=99)
    assert "position 0: an event that the chain does not know was inserted" in broken(location)


def test_an_event_slipped_into_a_gap_is_found(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    """A gap (a rolled-back transaction on PostgreSQL, a deleted row on SQLite) filled later."""
    raw.delete(9)  # before the chain covers it: the gap is part of the sealed log
    audit.seal(location)
    assert audit.verify(location).events == 17
    raw.copy_to(source=4, target=9, version=99)
    assert "position 9: an event that the chain does not know was inserted" in broken(location)


def test_a_rewritten_log_and_chain_are_caught_only_by_the_published_head(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    published = audit.head(location)
    raw.edit_state(8, b"2014-12-18", b"2015-12-18")
    raw.forget_chain_from(8)
    forged = audit.head(location)  # the forger re-extends the chain over the edited log
    assert forged != published
    assert audit.verify(location).events == 18  # internally consistent again
    message = broken(location, published)
    assert "position 18: the chain value differs from the published head" in message


def test_the_empty_head_matches_every_log(filled: TrackerService, location: StoreLocation) -> None:
    assert audit.verify(location, ChainHead.parse(f"0:{GENESIS.hex()}")).events == 18


def test_an_older_published_head_still_matches_an_intact_log(
    filled: TrackerService, location: StoreLocation
) -> None:
    early = audit.head(location)
    filled.register(body="Rat", reference="X-1", title="Neu")
    result = audit.verify(location, early)
    assert result.head.position == 19


def test_a_published_head_beyond_the_log_means_events_were_deleted(
    filled: TrackerService, location: StoreLocation, raw: Raw
) -> None:
    published = audit.head(location)
    raw.delete(18)
    raw.forget_chain_from(18)
    message = broken(location, published)
    assert "position 18: the published head is not in the chain" in message


def test_events_written_after_sealing_are_chained_by_verify(
    filled: TrackerService, location: StoreLocation
) -> None:
    audit.seal(location)
    filled.register(body="Rat", reference="X-2", title="Neu")
    assert audit.verify(location).head.position == 19

"""The chain's arithmetic: canonical bytes, links and published heads (no store)."""

from __future__ import annotations

import hashlib
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.chain import GENESIS, ChainHead, RawEvent, link

MOTION = UUID("8c9d00ca-32b0-589c-9a7d-83a5fdd8632e")
EVENT = RawEvent(7, MOTION, 3, "events.motion:DeadlineSet", b'{"due":"2014-12-18"}')


def test_the_genesis_value_is_fixed() -> None:
    assert hashlib.sha256(b"tracker audit chain v1").digest() == GENESIS


def test_a_link_is_sha256_of_the_previous_value_and_the_canonical_bytes() -> None:
    canonical = (
        (7).to_bytes(8, "big")
        + MOTION.bytes
        + (3).to_bytes(8, "big")
        + len(EVENT.topic).to_bytes(4, "big")
        + EVENT.topic.encode()
        + len(EVENT.state).to_bytes(8, "big")
        + EVENT.state
    )
    assert EVENT.canonical() == canonical
    assert link(GENESIS, EVENT) == hashlib.sha256(GENESIS + canonical).digest()


def test_the_chain_depends_on_the_order_of_events() -> None:
    a = RawEvent(1, MOTION, 1, "t", b"a")
    b = RawEvent(2, MOTION, 2, "t", b"b")
    swapped_a = RawEvent(2, MOTION, 1, "t", b"a")
    swapped_b = RawEvent(1, MOTION, 2, "t", b"b")
    assert link(link(GENESIS, a), b) != link(link(GENESIS, swapped_b), swapped_a)


events = st.builds(
    RawEvent,
    position=st.integers(1, 2**40),
    originator_id=st.uuids(),
    version=st.integers(1, 10**6),
    topic=st.text(max_size=40),
    state=st.binary(max_size=200),
)


@given(events, events)
def test_different_events_give_different_links(a: RawEvent, b: RawEvent) -> None:
    if a != b:
        assert a.canonical() != b.canonical()
        assert link(GENESIS, a) != link(GENESIS, b)


@given(events, st.integers(0, 10**6))
def test_moving_bytes_between_topic_and_state_changes_the_link(event: RawEvent, cut: int) -> None:
    """Length prefixes keep field boundaries: 'ab' + 'c' never hashes like 'a' + 'bc'."""
    joined = event.topic.encode() + event.state
    cut = cut % (len(joined) + 1)
    try:
        topic = joined[:cut].decode()
    except UnicodeDecodeError:
        return
    moved = RawEvent(event.position, event.originator_id, event.version, topic, joined[cut:])
    if moved != event:
        assert link(GENESIS, moved) != link(GENESIS, event)


def test_a_published_head_reads_back() -> None:
    head = ChainHead(18, bytes(range(32)))
    assert ChainHead.parse(str(head)) == head
    assert ChainHead.parse(f" 18 : {head.hex.upper()} ") == head


@pytest.mark.parametrize("text", ["", "18", "18:abc", "x:" + "0" * 64, "-1:" + "0" * 64])
def test_a_malformed_head_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="POSITION:HASH"):
        ChainHead.parse(text)

"""Reminder event names are identifiers (GUIDE rule 2): pinned, and stored events decode."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from uuid import UUID

from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    StoredEvent,
    UUIDAsHex,
)
from eventsourcing.utils import get_topic

from events.reminders import (
    REMINDER_EVENTS,
    ReminderFailed,
    ReminderSent,
    reminder_id,
    reminder_key,
)
from events.transcodings import register_transcodings

STORED_TOPICS = {
    "events.reminders:ReminderSent",
    "events.reminders:ReminderFailed",
    "events.reminders:ReminderSkipped",
    "events.reminders:ReminderRequeued",
}
MID = UUID("38af68e2-66a0-5fae-b926-110825258926")


def test_reminder_events_are_stored_under_the_pinned_topics() -> None:
    assert {get_topic(cls) for cls in REMINDER_EVENTS.values()} == STORED_TOPICS


def test_the_key_and_stream_id_are_deterministic() -> None:
    key = reminder_key(MID, "D1", date(2014, 12, 18), "before-14")
    assert key == f"{MID}/D1/2014-12-18/before-14"
    assert reminder_id(key) == reminder_id(f"{MID}/D1/2014-12-18/before-14")
    assert reminder_id(key) != reminder_id(key.replace("before-14", "before-3"))
    assert reminder_id(key).version == 5


def mapper() -> Mapper[UUID]:
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO()):
        transcoder.register(transcoding)
    register_transcodings(transcoder)
    return Mapper(transcoder=transcoder)


def test_a_stored_reminder_sent_of_the_first_version_decodes() -> None:
    """The JSON exactly as version 0.1 writes it (the format must keep decoding)."""
    key = f"{MID}/D1/2014-12-18/due"
    state = {
        "timestamp": {"_type_": "datetime_iso", "_data_": "2014-12-18T07:05:00+00:00"},
        "key": key,
        "motion": {"_type_": "uuid_hex", "_data_": MID.hex},
        "deadline_id": "D1",
        "nominal_due": {"_type_": "date_iso", "_data_": "2014-12-18"},
        "stage": "due",
        "recipient": "ba@mitte.example",
        "channel": "email",
        "message_id": "<abc.reminder@bvv.example>",
        "planned_for": {"_type_": "datetime_iso", "_data_": "2014-12-18T07:00:00+00:00"},
        "late": False,
    }
    stored = StoredEvent(
        originator_id=reminder_id(key),
        originator_version=1,
        topic="events.reminders:ReminderSent",
        state=json.dumps(state).encode(),
    )
    event = mapper().to_domain_event(stored)
    assert isinstance(event, ReminderSent)
    assert event.nominal_due == date(2014, 12, 18) and event.motion == MID
    assert event.planned_for.hour == 7 and not event.late


def test_a_failure_round_trips_through_the_mapper() -> None:
    key = f"{MID}/D1/2014-12-18/due"
    original = ReminderFailed(
        originator_id=reminder_id(key),
        originator_version=2,
        timestamp=datetime(2014, 12, 18, 7, 5, tzinfo=UTC),
        key=key,
        motion=MID,
        deadline_id="D1",
        nominal_due=date(2014, 12, 18),
        stage="due",
        recipient="ba@mitte.example",
        channel="email",
        permanent=True,
        error="554 5.7.1 Rejected",
        attempts=1,
    )
    m = mapper()
    assert m.to_domain_event(m.to_stored_event(original)) == original

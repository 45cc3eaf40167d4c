"""Stored event names are identifiers: a rename must be deliberate (GUIDE rule 2)."""

from __future__ import annotations

from eventsourcing.utils import get_topic, resolve_topic

from events.motion import MOTION_EVENTS
from tracker.motion import Motion

#: The topics written into logs. Never remove a line; a moved class needs an alias
#: registered with eventsourcing.utils.register_topic so that old logs still resolve.
STORED_TOPICS = {
    "events.motion:Registered",
    "events.motion:ConsultationRecorded",
    "events.motion:DecisionRecorded",
    "events.motion:AddresseeAssigned",
    "events.motion:DeadlineSet",
    "events.motion:DeadlineExtended",
    "events.motion:ReportObligationSet",
    "events.motion:ReportSubmitted",
    "events.motion:Completed",
    "events.motion:Withdrawn",
    "events.motion:Corrected",
    "events.motion:ReviewRequested",
    "events.motion:ReviewResolved",
    "events.motion:ProgressReported",
    "events.motion:DoneReported",
    "events.motion:ClosureConfirmed",
    "events.motion:Reopened",
    "events.motion:VisibilityChanged",
    "events.motion:AnswerFiled",
}


def test_every_stored_topic_still_resolves() -> None:
    for topic in STORED_TOPICS:
        assert resolve_topic(topic).__name__ == topic.split(":")[1]


def test_event_classes_are_stored_under_the_pinned_topics() -> None:
    assert {get_topic(cls) for cls in MOTION_EVENTS.values()} == STORED_TOPICS


def test_the_aggregate_topic_is_pinned() -> None:
    assert get_topic(Motion) == "tracker.motion:Motion"

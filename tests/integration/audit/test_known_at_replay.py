"""Replaying the log up to a recorded instant, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime

from events.values import Outcome
from projections.replay import known_board
from tests.integration.audit.conftest import fill
from tracker import audit
from tracker.clock import FixedClock
from tracker.service import TrackerService

LATER = FixedClock(datetime(2016, 1, 1, tzinfo=UTC))


def test_the_fast_recorded_time_agrees_with_the_decoded_one(filled: TrackerService) -> None:
    for n in filled.app.recorder.select_notifications(1, 100):
        event = filled.app.mapper.to_domain_event(n)
        assert audit.stored_recorded(n.state) == event.timestamp


def test_replay_keeps_events_recorded_up_to_the_instant(service: TrackerService) -> None:
    fill(service)  # everything recorded at 2014-03-01 09:00 UTC
    first = service.find("1/IV")
    service.clock = FixedClock(datetime(2015, 1, 10, 9, 0, tzinfo=UTC))
    service.complete(first.id, on=date(2015, 1, 9), deadline_id="D1", note=None)
    entries = list(audit.known_entries(service.app, audit.known_at("2014-12-31", LATER)))
    assert [e.position for e in entries] == list(range(1, 19))
    assert len(list(audit.known_entries(service.app, audit.known_at("2015-01-10", LATER)))) == 19
    assert list(audit.known_entries(service.app, audit.known_at("2014-02-28", LATER))) == []


def test_a_motion_contributes_only_a_prefix_of_its_versions(service: TrackerService) -> None:
    """A clock set back (``--now``) must not leave a motion with a missing version."""
    service.clock = FixedClock(datetime(2015, 1, 1, tzinfo=UTC))
    service.register(body="Rat", reference="A-1", title="Später registriert")
    motion = service.find("A-1")
    service.clock = FixedClock(datetime(2014, 6, 1, tzinfo=UTC))
    service.change(
        motion.id,
        lambda m: m.record_decision(
            committee="Rat", outcome=Outcome.ADOPTED, text=None, meta=service.meta(None)
        ),
    )
    service.register(body="Rat", reference="B-2", title="Früher")
    when = audit.known_at("2014-12-01", LATER)
    known = [(e.name, e.version) for e in audit.known_entries(service.app, when)]
    assert known == [("Registered", 1)]  # B-2 only: A-1's decision came after its unknown v1
    shown, events = audit.known_motion(service, "B-2", None, "2014-12-01", LATER)
    assert shown.title == "Früher" and len(events) == 1


def test_the_replayed_board_answers_without_the_live_read_models(
    filled: TrackerService,
) -> None:
    from projections.queries import Filters

    board = known_board(filled.app, audit.known_at("2014-12-20", LATER), {})
    try:
        page = board.overdue(Filters(), None, 50, 0)
        assert page.total == 3  # 2/IV, 3/IV, 4/IV; 1/IV's extension was effective 15.12.
        assert board.events == 18 and board.note is None
        assert {i["reference"] for i in page.items} == {"2/IV", "3/IV", "4/IV"}
    finally:
        board.close()

"""The application service on real stores: SQLite files and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from eventsourcing.persistence import StoredEvent

from events.motion import DeadlineSet
from events.store import StoreLocation
from events.values import DeadlineKind, Outcome, Provenance, Recurrence, SourceKind
from tracker.service import TrackerService, open_log

HERE = Path(__file__).parent


def add_1263(service: TrackerService) -> None:
    service.add(
        body="BVV Mitte von Berlin",
        reference="1263/IV",
        title="Integrationskonferenz",
        kind="Antrag",
        state="BE",
        decided_on=date(2014, 2, 20),
        outcome=Outcome.ADOPTED,
        committee=None,
        addressee="Bezirksamt",
        office="Integrationsbüro",
        due=date(2014, 12, 18),
    )


def test_registering_the_same_facts_twice_appends_nothing(service: TrackerService) -> None:
    first = service.register(body="Rat", reference="A-1", title="T", state="NW")
    again = service.register(body="Rat", reference="A-1", title="T", state="NW")
    assert (first.appended, again.appended) == (1, 0)
    add_1263(service)
    before = service.head()
    add_1263(service)
    assert service.head() == before == 5


def test_facts_survive_a_reload_with_their_types(
    service: TrackerService, location: StoreLocation
) -> None:
    add_1263(service)
    motion = service.find("1263/IV")
    service.set_report_obligation(
        motion.id,
        recipient="Integrationsausschuss",
        recurrence=Recurrence.HALF_YEARLY,
        first_due=date(2014, 8, 31),
        phrase="halbjährlich zu berichten",
        effective=date(2014, 2, 20),
    )
    service.extend_deadline(
        motion.id,
        "D1",
        new_due=date(2015, 3, 31),
        reason="Personalmangel",
        effective=date(2014, 12, 1),
    )
    app = open_log(location)
    fresh = TrackerService(app, service.clock).get(motion.id)
    app.close()
    d = fresh.deadlines["D1"]
    assert d.due == date(2015, 3, 31) and d.original_due == date(2014, 12, 18)
    assert [h.reason for h in d.history] == ["set", "Personalmangel"]
    assert d.kind is DeadlineKind.COMPLETION
    assert fresh.obligations["R1"].recurrence is Recurrence.HALF_YEARLY
    assert fresh.decision is not None and fresh.decision.outcome is Outcome.ADOPTED
    events = service.history(motion.id)
    assert events[0].provenance.kind is SourceKind.USER


def test_the_log_lists_every_event_in_order(service: TrackerService) -> None:
    add_1263(service)
    service.register(body="Rat", reference="A-1", title="T")
    entries = list(service.log())
    assert [e.position for e in entries] == sorted(e.position for e in entries)
    assert [e.name for e in entries] == [
        "Registered",
        "DecisionRecorded",
        "AddresseeAssigned",
        "DeadlineSet",
        "Registered",
    ]
    assert entries[3].effective == date(2014, 2, 20)
    assert entries[3].data()["due"] == "2014-12-18"


def test_an_old_version_event_is_read_through_its_upcaster(service: TrackerService) -> None:
    add_1263(service)
    motion = service.find("1263/IV")
    mapper = service.app.mapper
    # A DeadlineSet as version 1 wrote it: no window_start, no class_version.
    current = DeadlineSet(
        originator_id=motion.id,
        originator_version=motion.version + 1,
        timestamp=service.clock.now(),
        effective=date(2014, 2, 20),
        provenance=Provenance.user("old"),
        deadline_id="D2",
        kind=DeadlineKind.REPORT,
        due=date(2014, 6, 30),
        window_start=None,
        phrase="bis 30.06.2014",
        rule="explicit_date",
    )
    state = {
        k: v
        for k, v in vars(current).items()
        if k not in {"originator_id", "originator_version", "window_start"}
    }
    old = StoredEvent(
        originator_id=motion.id,
        originator_version=motion.version + 1,
        topic="events.motion:DeadlineSet",
        state=mapper.transcoder.encode(state),
    )
    assert b"window_start" not in old.state and b"class_version" not in old.state
    service.app.recorder.insert_events([old])
    reloaded = service.get(motion.id)
    assert reloaded.deadlines["D2"].due == date(2014, 6, 30)
    assert reloaded.deadlines["D2"].window_start is None


def test_two_processes_updating_one_motion_lose_no_event(
    service: TrackerService, db_url: str
) -> None:
    service.register(body="Rat der Stadt", reference="RACE/1", title="Wettlauf")
    workers = [
        subprocess.Popen(
            [sys.executable, str(HERE / "concurrent_writer.py"), db_url, str(w), "200"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in (1, 2)
    ]
    for p in workers:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    motion = service.find("RACE/1")
    assert motion.version == 401
    committees = {c.committee for c in motion.consultations}
    assert len(committees) == 400

"""Given a motion, when a Sachstand is reported, then ``ProgressReported`` and the latest
Sachstand in the motion's folded life."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from events.motion import ProgressReported
from events.values import Outcome, Provenance
from tracker.errors import DateOrderError, InputError, MotionClosed
from tracker.motion import Meta, Motion

AT = datetime(2015, 1, 5, 9, 0, tzinfo=UTC)
CLERK = Provenance.user("frau.schulz")


def meta(effective: date | None = date(2015, 1, 5), at: datetime = AT) -> Meta:
    return Meta(effective=effective, provenance=CLERK, at=at)


def given_adopted() -> Motion:
    motion = Motion.register(
        body="BVV Mitte von Berlin", reference="1263/IV", title="Integrationskonferenz",
        kind="Antrag", state="BE", initiators=[], meta=meta(date(2014, 2, 20)),
    )  # fmt: skip
    motion.record_decision(
        committee="BVV", outcome=Outcome.ADOPTED, text=None, meta=meta(date(2014, 2, 20))
    )
    motion.assign_addressee(addressee="Bezirksamt", office="Abt. Jugend", meta=meta(None))
    motion.collect_events()
    return motion


def report(motion: Motion, text: str = "Räume angefragt", **kwargs: object) -> bool:
    args: dict[str, object] = {
        "reason": None, "next_step": None, "expected": None, "office": None, "meta": meta(),
    }  # fmt: skip
    args.update(kwargs)
    return motion.report_progress(text=text, **args)  # type: ignore[arg-type]


def test_a_sachstand_records_progress_reported_with_the_office_and_who() -> None:
    motion = given_adopted()

    assert report(motion, reason="Personalmangel", next_step="Einladung", expected=date(2015, 3, 1))

    (event,) = motion.collect_events()
    assert isinstance(event, ProgressReported)
    assert (event.text, event.reason, event.next_step, event.expected) == (
        "Räume angefragt", "Personalmangel", "Einladung", date(2015, 3, 1),
    )  # fmt: skip
    assert event.office == "Abt. Jugend"  # the Federführung, as nobody named another
    assert (event.effective, event.provenance, event.timestamp) == (date(2015, 1, 5), CLERK, AT)
    assert motion.life["progress"] == {
        "on": "2015-01-05", "text": "Räume angefragt", "reason": "Personalmangel",
        "next": "Einladung", "expected": "2015-03-01", "by": "frau.schulz",
        "office": "Abt. Jugend",
    }  # fmt: skip


def test_the_same_sachstand_twice_records_nothing_the_second_time() -> None:
    motion = given_adopted()
    assert report(motion)
    assert not report(motion, text="  Räume   angefragt ")
    assert len(motion.collect_events()) == 1
    assert report(motion, office="Abt. Finanzen")
    assert [e.office for e in motion.collect_events()] == ["Abt. Finanzen"]


def test_the_latest_sachstand_is_the_latest_by_its_day_not_by_recording() -> None:
    motion = given_adopted()
    report(motion, text="Stand Februar", meta=meta(date(2015, 2, 1)))
    report(motion, text="Stand Januar, nachgetragen", meta=meta(date(2015, 1, 10)))

    progress = motion.life["progress"]
    assert progress is not None and progress["text"] == "Stand Februar"
    assert [p["text"] for p in motion.progress_reports] == [
        "Stand Februar",
        "Stand Januar, nachgetragen",
    ]


def test_a_sachstand_needs_a_text() -> None:
    with pytest.raises(InputError, match="needs a text"):
        report(given_adopted(), text="   ")


def test_the_expected_date_may_not_lie_before_the_sachstand() -> None:
    with pytest.raises(DateOrderError, match="2014-12-31"):
        report(given_adopted(), expected=date(2014, 12, 31))


def test_a_withdrawn_motion_takes_no_sachstand() -> None:
    motion = given_adopted()
    motion.withdraw(reason=None, meta=meta())
    with pytest.raises(MotionClosed, match="withdrawn"):
        report(motion)


def test_without_an_effective_date_the_sachstand_is_of_the_berlin_day_it_was_recorded() -> None:
    motion = given_adopted()
    late = datetime(2015, 6, 30, 23, 30, tzinfo=UTC)  # 1 July in Berlin
    report(motion, meta=meta(None, at=late), expected=date(2015, 7, 1))
    progress = motion.life["progress"]
    assert progress is not None and progress["on"] == "2015-07-01"

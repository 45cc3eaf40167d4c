"""Given events, then the motion's status (tracker.state.motion_status): from the events
alone, never from the day."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from events.values import DeadlineKind, Outcome, Provenance
from projections.service import BoardSettings
from tracker.errors import ConfigurationError
from tracker.motion import Meta, Motion
from tracker.state import motion_status

WHO = Provenance.user("tester")


def meta(effective: date | None = date(2014, 2, 20)) -> Meta:
    return Meta(effective=effective, provenance=WHO, at=datetime(2014, 3, 1, 9, tzinfo=UTC))


def adopted(outcome: Outcome = Outcome.ADOPTED) -> Motion:
    motion = Motion.register(
        body="BVV Mitte von Berlin", reference="1263/IV", title="Konferenz", kind="Antrag",
        state="BE", initiators=[], meta=meta(),
    )  # fmt: skip
    motion.record_decision(committee="BVV", outcome=outcome, text=None, meta=meta())
    motion.set_deadline(
        kind=DeadlineKind.COMPLETION, due=date(2014, 12, 18), window_start=None,
        phrase="bis 18.12.2014", rule="manual", meta=meta(),
    )  # fmt: skip
    return motion


def sachstand(motion: Motion) -> None:
    motion.report_progress(
        text="begonnen", reason=None, next_step=None, expected=None, office=None, meta=meta()
    )


def test_an_adopted_motion_is_not_started_until_a_sachstand_then_in_progress() -> None:
    motion = adopted()
    assert motion_status(motion.life) == "not_started"
    sachstand(motion)
    assert motion_status(motion.life) == "in_progress"


def test_a_met_deadline_is_progress_too() -> None:
    motion = adopted()
    motion.set_deadline(
        kind=DeadlineKind.REPORT, due=date(2014, 6, 30), window_start=None,
        phrase="Bericht bis 30.06.2014", rule="manual", meta=meta(),
    )  # fmt: skip
    motion.complete(deadline_id="D2", note=None, meta=meta(date(2014, 6, 1)))
    assert motion_status(motion.life) == "in_progress"


def test_reported_done_then_closed_and_completing_in_one_step_is_closed() -> None:
    motion = adopted()
    sachstand(motion)
    motion.report_done(note="erledigt", meta=meta(date(2014, 12, 1)))
    assert motion_status(motion.life) == "done_reported"
    motion.confirm_closure(committee="BVV", note=None, meta=meta(date(2015, 1, 15)))
    assert motion_status(motion.life) == "closed"
    once = adopted()
    once.complete(deadline_id=None, note="erledigt", meta=meta(date(2014, 12, 1)))
    assert motion_status(once.life) == "closed"


def test_a_deferred_decision_and_a_withdrawal() -> None:
    motion = adopted()
    motion.record_decision(
        committee="BVV", outcome=Outcome.DEFERRED, text=None, meta=meta(date(2014, 3, 20))
    )
    assert motion_status(motion.life) == "deferred"
    motion.withdraw(reason=None, meta=meta(date(2014, 4, 1)))
    assert motion_status(motion.life) == "withdrawn"


def test_rag_rules_come_from_the_board_table() -> None:
    rules = BoardSettings.from_section(
        {"stale_days": 90, "amber_days": 21, "amber_extensions": 3}
    ).rag
    assert (rules.stale_days, rules.amber_days, rules.amber_extensions) == (90, 21, 3)
    assert BoardSettings.from_section({}).rag.stale_days == 180
    with pytest.raises(ConfigurationError, match=r"stale_days must be a whole number 1\.\.3660"):
        BoardSettings.from_section({"stale_days": 0})

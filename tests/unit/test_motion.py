"""Given events, when a command, then events: the Motion aggregate's rules, without a store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from events.motion import (
    AddresseeAssigned,
    Completed,
    ConsultationRecorded,
    Corrected,
    DeadlineExtended,
    DeadlineSet,
    DecisionRecorded,
    Registered,
    ReportObligationSet,
    ReportSubmitted,
    ReviewRequested,
    ReviewResolved,
    Withdrawn,
)
from events.values import DeadlineKind, Outcome, Provenance, Recurrence, ReportKind
from tracker.errors import (
    DateOrderError,
    InputError,
    MotionClosed,
    UnknownDeadline,
)
from tracker.identity import motion_id
from tracker.motion import Meta, Motion

AT = datetime(2014, 3, 1, 9, 0, tzinfo=UTC)
WHO = Provenance.user("tester")


def meta(effective: date | None = date(2014, 2, 20)) -> Meta:
    return Meta(effective=effective, provenance=WHO, at=AT)


def given_registered() -> Motion:
    motion = Motion.register(
        body="BVV Mitte von Berlin",
        reference="1263/IV",
        title="Bezirkliche Integrationskonferenz",
        kind="Antrag",
        state="BE",
        initiators=["Integration"],
        meta=meta(),
    )
    motion.collect_events()
    return motion


def given_adopted() -> Motion:
    motion = given_registered()
    motion.record_decision(
        committee="BVV", outcome=Outcome.ADOPTED, text="beschlossen", meta=meta()
    )
    motion.collect_events()
    return motion


def given_deadline(due: date = date(2014, 12, 18)) -> Motion:
    motion = given_adopted()
    motion.set_deadline(
        kind=DeadlineKind.COMPLETION,
        due=due,
        window_start=None,
        phrase="Erledigungsfrist: 18.12.2014",
        rule="labelled_field",
        meta=meta(),
    )
    motion.collect_events()
    return motion


def names(motion: Motion) -> list[str]:
    return [type(e).__name__ for e in motion.collect_events()]


def test_registration_records_the_facts_under_a_deterministic_id() -> None:
    motion = Motion.register(
        body="BVV  Mitte von Berlin",
        reference=" 1263/IV ",
        title="Konferenz",
        kind="Antrag",
        state="BE",
        initiators=[],
        meta=meta(),
    )
    (event,) = motion.collect_events()
    assert isinstance(event, Registered)
    assert event.reference == "1263/IV" and event.body == "BVV Mitte von Berlin"
    assert motion.id == motion_id("BVV Mitte von Berlin", "1263/IV")
    assert motion.id == motion_id("bvv mitte von berlin", "1263 / IV")
    assert motion.id != motion_id("BVV Pankow", "1263/IV")
    assert event.timestamp == AT and event.effective == date(2014, 2, 20)


def test_registration_needs_body_and_reference() -> None:
    with pytest.raises(InputError):
        Motion.register(
            body=" ", reference="1", title="t", kind=None, state=None, initiators=[], meta=meta()
        )


def test_consultation_is_recorded_once() -> None:
    motion = given_registered()
    assert motion.record_consultation(
        committee="BVV", role="Entscheidung", result=None, meta=meta()
    )
    assert not motion.record_consultation(
        committee="BVV", role="Entscheidung", result=None, meta=meta()
    )
    assert names(motion) == ["ConsultationRecorded"]
    assert motion.consultations[0].on == date(2014, 2, 20)


def test_the_same_decision_twice_appends_nothing() -> None:
    motion = given_adopted()
    assert not motion.record_decision(
        committee="BVV", outcome=Outcome.ADOPTED, text="again", meta=meta()
    )
    assert names(motion) == []
    assert motion.decision_date == date(2014, 2, 20)


def test_addressee_is_recorded_when_it_changes() -> None:
    motion = given_registered()
    assert motion.assign_addressee(addressee="Bezirksamt", office="Amt 1", meta=meta())
    assert not motion.assign_addressee(addressee="Bezirksamt", office="Amt 1", meta=meta())
    (event,) = motion.collect_events()
    assert isinstance(event, AddresseeAssigned) and motion.office == "Amt 1"


def test_setting_a_deadline_numbers_it_and_keeps_phrase_and_rule() -> None:
    motion = given_adopted()
    first = motion.set_deadline(
        kind=DeadlineKind.COMPLETION,
        due=date(2014, 12, 31),
        window_start=None,
        phrase="bis Jahresende 2014",
        rule="year_end",
        meta=meta(),
    )
    second = motion.set_deadline(
        kind=DeadlineKind.EVENT,
        due=date(2024, 12, 31),
        window_start=date(2024, 7, 1),
        phrase="im 2. Halbjahr 2024",
        rule="half_year",
        meta=meta(),
    )
    assert (first, second) == ("D1", "D2")
    events = motion.collect_events()
    assert all(isinstance(e, DeadlineSet) for e in events)
    assert motion.deadlines["D2"].window_start == date(2024, 7, 1)


def test_the_same_deadline_again_returns_its_id_and_appends_nothing() -> None:
    motion = given_deadline()
    again = motion.set_deadline(
        kind=DeadlineKind.COMPLETION,
        due=date(2014, 12, 18),
        window_start=None,
        phrase="Erledigungsfrist:  18.12.2014",
        rule="labelled_field",
        meta=meta(),
    )
    assert again == "D1" and names(motion) == []


def test_a_due_date_before_the_decision_is_refused() -> None:
    motion = given_adopted()
    with pytest.raises(DateOrderError, match="before the decision"):
        motion.set_deadline(
            kind=DeadlineKind.COMPLETION,
            due=date(2014, 1, 1),
            window_start=None,
            phrase="bis 1.1.2014",
            rule="explicit_date",
            meta=meta(),
        )
    assert names(motion) == []


def test_a_window_that_starts_after_its_end_is_refused() -> None:
    motion = given_adopted()
    with pytest.raises(DateOrderError):
        motion.set_deadline(
            kind=DeadlineKind.EVENT,
            due=date(2014, 7, 1),
            window_start=date(2014, 12, 1),
            phrase="x",
            rule="period",
            meta=meta(),
        )


def test_extension_moves_the_due_date_and_keeps_the_history() -> None:
    motion = given_deadline()
    motion.extend_deadline(
        "D1", new_due=date(2015, 3, 31), reason="Personalmangel", meta=meta(date(2014, 12, 1))
    )
    motion.extend_deadline(
        "D1", new_due=date(2015, 6, 30), reason="erneut", meta=meta(date(2015, 3, 1))
    )
    events = motion.collect_events()
    assert [type(e) for e in events] == [DeadlineExtended, DeadlineExtended]
    assert isinstance(events[1], DeadlineExtended)
    assert events[1].previous_due == date(2015, 3, 31)
    d = motion.deadlines["D1"]
    assert d.due == date(2015, 6, 30)
    assert d.original_due == date(2014, 12, 18)
    assert [h.due for h in d.history] == [date(2014, 12, 18), date(2015, 3, 31), date(2015, 6, 30)]


def test_extension_must_move_the_deadline_later() -> None:
    motion = given_deadline()
    with pytest.raises(DateOrderError, match="later"):
        motion.extend_deadline("D1", new_due=date(2014, 12, 1), reason="x", meta=meta())


def test_extending_an_unknown_deadline_names_the_known_ones() -> None:
    motion = given_deadline()
    with pytest.raises(UnknownDeadline, match="known: D1"):
        motion.extend_deadline("D7", new_due=date(2015, 1, 1), reason="x", meta=meta())


def test_extending_a_deadline_of_a_completed_motion_is_refused() -> None:
    motion = given_deadline()
    motion.complete(deadline_id=None, note="erledigt", meta=meta(date(2014, 11, 1)))
    motion.collect_events()
    with pytest.raises(MotionClosed, match="completed on 2014-11-01"):
        motion.extend_deadline("D1", new_due=date(2015, 1, 1), reason="x", meta=meta())


def test_a_withdrawn_motion_takes_no_new_deadlines() -> None:
    motion = given_adopted()
    motion.withdraw(reason="zurückgezogen", meta=meta(date(2014, 3, 1)))
    assert isinstance(motion.collect_events()[0], Withdrawn)
    with pytest.raises(MotionClosed, match="withdrawn"):
        motion.set_deadline(
            kind=DeadlineKind.COMPLETION,
            due=date(2015, 1, 1),
            window_start=None,
            phrase="x",
            rule="explicit_date",
            meta=meta(),
        )


def test_completing_one_deadline_meets_only_that_one() -> None:
    motion = given_deadline()
    motion.set_deadline(
        kind=DeadlineKind.REPORT,
        due=date(2014, 6, 30),
        window_start=None,
        phrase="bis 30.06.2014 zu berichten",
        rule="explicit_date",
        meta=meta(),
    )
    motion.complete(deadline_id="D2", note=None, meta=meta(date(2014, 6, 1)))
    assert isinstance(motion.collect_events()[-1], Completed)
    assert motion.deadlines["D2"].met_on == date(2014, 6, 1)
    assert motion.deadlines["D1"].is_open and not motion.is_closed
    with pytest.raises(MotionClosed, match="already met"):
        motion.complete(deadline_id="D2", note=None, meta=meta())


def test_completing_the_motion_meets_every_open_deadline() -> None:
    motion = given_deadline()
    motion.complete(deadline_id=None, note="Konferenz fand statt", meta=meta(date(2014, 11, 20)))
    assert motion.completed_on == date(2014, 11, 20)
    assert motion.deadlines["D1"].met_on == date(2014, 11, 20)
    with pytest.raises(MotionClosed):
        motion.complete(deadline_id=None, note=None, meta=meta())


def test_report_obligation_and_submission() -> None:
    motion = given_adopted()
    oid = motion.set_report_obligation(
        recipient="Kultur- und Sozialausschuss",
        recurrence=Recurrence.HALF_YEARLY,
        first_due=date(2014, 8, 31),
        phrase="halbjährlich zu berichten",
        meta=meta(),
    )
    assert oid == "R1"
    assert (
        motion.set_report_obligation(
            recipient="x",
            recurrence=Recurrence.HALF_YEARLY,
            first_due=None,
            phrase="halbjährlich  zu berichten",
            meta=meta(),
        )
        == "R1"
    )
    assert motion.submit_report(
        report_kind=ReportKind.INTERIM,
        document_reference="DS 1/2",
        obligation_id="R1",
        meta=meta(date(2014, 8, 20)),
    )
    assert not motion.submit_report(
        report_kind=ReportKind.INTERIM,
        document_reference="DS 1/2",
        obligation_id="R1",
        meta=meta(date(2014, 8, 20)),
    )
    events = motion.collect_events()
    assert [type(e) for e in events] == [ReportObligationSet, ReportSubmitted]
    assert motion.obligations["R1"].submitted == [date(2014, 8, 20)]
    assert motion.obligations["R1"].ended_on is None


def test_a_final_report_ends_the_duty() -> None:
    motion = given_adopted()
    motion.set_report_obligation(
        recipient=None,
        recurrence=Recurrence.REGULAR,
        first_due=None,
        phrase="regelmäßig informieren",
        meta=meta(),
    )
    motion.submit_report(
        report_kind=ReportKind.FINAL,
        document_reference=None,
        obligation_id="R1",
        meta=meta(date(2015, 1, 10)),
    )
    assert motion.obligations["R1"].ended_on == date(2015, 1, 10)


def test_a_report_for_an_unknown_obligation_is_refused() -> None:
    motion = given_adopted()
    with pytest.raises(UnknownDeadline):
        motion.submit_report(
            report_kind=ReportKind.INTERIM,
            document_reference=None,
            obligation_id="R9",
            meta=meta(),
        )


def test_a_report_deadline_is_met_by_a_report() -> None:
    motion = given_adopted()
    motion.set_deadline(
        kind=DeadlineKind.REPORT,
        due=date(2014, 6, 30),
        window_start=None,
        phrase="bis 30.06.2014 zu berichten",
        rule="explicit_date",
        meta=meta(),
    )
    motion.submit_report(
        report_kind=ReportKind.INTERIM,
        document_reference=None,
        obligation_id="D1",
        meta=meta(date(2014, 7, 2)),
    )
    assert motion.deadlines["D1"].met_on == date(2014, 7, 2)


def test_correction_keeps_what_it_replaced() -> None:
    motion = given_deadline()
    assert motion.correct(field_name="title", value="Neuer Titel", reason="Tippfehler", meta=meta())
    assert motion.correct(
        field_name="deadline.D1.due", value="2014-12-19", reason="falsch gelesen", meta=meta()
    )
    assert not motion.correct(field_name="title", value="Neuer Titel", reason="x", meta=meta())
    events = motion.collect_events()
    assert all(isinstance(e, Corrected) for e in events)
    assert (
        isinstance(events[0], Corrected)
        and events[0].previous == "Bezirkliche Integrationskonferenz"
    )
    assert motion.title == "Neuer Titel"
    assert motion.deadlines["D1"].due == date(2014, 12, 19)
    assert motion.deadlines["D1"].original_due == date(2014, 12, 18)


def test_correcting_an_unknown_field_is_refused() -> None:
    motion = given_registered()
    with pytest.raises(InputError, match="cannot correct"):
        motion.correct(field_name="body", value="x", reason="x", meta=meta())


def test_correcting_a_decision_outcome() -> None:
    motion = given_adopted()
    motion.correct(field_name="decision.outcome", value="noted", reason="x", meta=meta())
    assert motion.decision is not None and motion.decision.outcome is Outcome.NOTED


def test_consultation_and_decision_events_carry_provenance() -> None:
    motion = given_registered()
    doc = Provenance.document("000.txt", "ab" * 32)
    motion.record_consultation(
        committee="BVV",
        role="Entscheidung",
        result="beschlossen",
        meta=Meta(date(2014, 2, 20), doc, AT),
    )
    motion.record_decision(
        committee="BVV",
        outcome=Outcome.ADOPTED,
        text="ohne Änderungen",
        meta=Meta(date(2014, 2, 20), doc, AT),
    )
    events = motion.collect_events()
    assert [type(e) for e in events] == [ConsultationRecorded, DecisionRecorded]
    assert all(e.provenance == doc for e in events)


# -- review -------------------------------------------------------------------------------


def review_item(motion: Motion, phrase: str = "bis zur Sommerpause") -> bool:
    return motion.request_review(
        reason="undated_term", phrase=phrase, rule="event_anchor:Sommerpause",
        document="top.txt", meta=meta(),
    )  # fmt: skip


def test_a_review_request_is_recorded_once() -> None:
    motion = given_registered()
    assert review_item(motion) and not review_item(motion)
    assert review_item(motion, "umgehend")
    events = [e for e in motion.collect_events() if isinstance(e, ReviewRequested)]
    assert [(e.item_id, e.phrase) for e in events] == [
        ("R1", "bis zur Sommerpause"),
        ("R2", "umgehend"),
    ]
    assert [r.item_id for r in motion.open_reviews] == ["R1", "R2"]


def test_confirming_closes_an_item_with_the_person_as_provenance() -> None:
    motion = given_registered()
    review_item(motion)
    assert motion.resolve_review("r1", resolution="confirmed", note="geprüft", meta=meta()) == [
        "R1"
    ]
    (event,) = [e for e in motion.collect_events() if isinstance(e, ReviewResolved)]
    assert (event.item_id, event.resolution, event.provenance) == ("R1", "confirmed", WHO)
    assert motion.open_reviews == [] and motion.reviews["R1"].resolved_by == "tester"


def test_a_resolved_or_unknown_item_cannot_be_resolved_again() -> None:
    motion = given_registered()
    review_item(motion)
    motion.resolve_review(None, resolution="confirmed", note=None, meta=meta())
    with pytest.raises(InputError, match="already confirmed"):
        motion.resolve_review("R1", resolution="confirmed", note=None, meta=meta())
    with pytest.raises(InputError, match="no review item R7"):
        motion.resolve_review("R7", resolution="confirmed", note=None, meta=meta())
    with pytest.raises(InputError, match="nothing open"):
        motion.resolve_review(None, resolution="confirmed", note=None, meta=meta())

"""Given a motion, when a document answering it is recorded, then ``ReportSubmitted`` on
what is open; the answering motion records ``AnswerFiled`` once."""

from __future__ import annotations

from datetime import date

from events.motion import AnswerFiled, ReportSubmitted
from events.values import DeadlineKind, Outcome, Recurrence, ReportKind
from tests.unit.test_progress import meta
from tracker.motion import Motion


def given(*, duty: bool = False, report_deadline: bool = False) -> Motion:
    motion = Motion.register(
        body="BVV", reference="1263/IV", title="t", kind="Antrag", state="BE", initiators=[],
        meta=meta(date(2014, 2, 20)),
    )  # fmt: skip
    motion.record_decision(
        committee="BVV", outcome=Outcome.ADOPTED, text=None, meta=meta(date(2014, 2, 20))
    )
    motion.set_deadline(
        kind=DeadlineKind.COMPLETION, due=date(2014, 12, 18), window_start=None,
        phrase="bis 18.12.", rule="numeric_date", meta=meta(date(2014, 2, 20)),
    )  # fmt: skip
    if report_deadline:
        motion.set_deadline(
            kind=DeadlineKind.REPORT, due=date(2014, 12, 31), window_start=None,
            phrase="Bericht bis 31.12.", rule="numeric_date", meta=meta(date(2014, 2, 20)),
        )  # fmt: skip
    if duty:
        motion.set_report_obligation(
            recipient="BVV", recurrence=Recurrence.HALF_YEARLY, first_due=None,
            phrase="halbjährlich", meta=meta(date(2014, 2, 20)),
        )  # fmt: skip
    motion.collect_events()
    return motion


def test_a_final_answer_meets_the_completion_deadline_when_no_report_is_owed() -> None:
    motion = given()
    assert motion.record_answer(
        report_kind=ReportKind.FINAL, document_reference="1390/IV", meta=meta()
    )
    (event,) = motion.collect_events()
    assert isinstance(event, ReportSubmitted)
    assert (event.obligation_id, event.document_reference) == ("D1", "1390/IV")
    assert motion.deadline("D1").met_on == date(2015, 1, 5)
    assert not motion.record_answer(
        report_kind=ReportKind.FINAL, document_reference="1390/IV", meta=meta()
    )


def test_an_interim_answer_meets_a_report_duty_first_then_a_report_deadline() -> None:
    assert given(duty=True, report_deadline=True).answered_obligation(ReportKind.INTERIM) == "R1"
    assert given(report_deadline=True).answered_obligation(ReportKind.INTERIM) == "D2"
    assert given().answered_obligation(ReportKind.INTERIM) is None


def test_the_answering_motion_files_each_answer_once() -> None:
    motion = given()
    args = {"answered_reference": "22-5001", "phrase": "Stellungnahme ...", "rule": "stellungnahme"}
    assert motion.file_answer(report_kind=ReportKind.FINAL, meta=meta(), **args)  # type: ignore[arg-type]
    assert not motion.file_answer(report_kind=ReportKind.FINAL, meta=meta(), **args)  # type: ignore[arg-type]
    (event,) = motion.collect_events()
    assert isinstance(event, AnswerFiled) and event.answered_reference == "22-5001"
    assert motion.life["answers"] == [["22-5001", "final", "2015-01-05"]]
    assert [a.reference for a in motion.answers] == ["22-5001"]

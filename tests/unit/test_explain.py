"""How was this date computed? Given a motion's deadlines, then each due date explained:
phrase, rule, the decision it ran from, every § 193 shift, every change."""

from __future__ import annotations

from datetime import date

from events.values import DeadlineKind, Outcome, Recurrence
from tests.unit.test_progress import meta
from tracker.deadlines import skipped_days
from tracker.explain import explain, explain_motion, render, rule_text
from tracker.motion import Motion


def test_easter_2025_in_berlin_moves_good_friday_to_the_tuesday() -> None:
    e = explain(
        obligation_id="D1", kind="completion", phrase="bis zum 18.04.2025", rule="numeric_date",
        decided=date(2025, 1, 9), first_due=date(2025, 4, 18), nominal_due=date(2025, 4, 18),
        changes=(), state="BE",
    )  # fmt: skip
    assert [s.describe() for s in e.skipped] == [
        "Karfreitag 2025 in BE", "Samstag", "Sonntag", "Ostermontag 2025 in BE",
    ]  # fmt: skip
    assert e.due == date(2025, 4, 22) and e.runs_from is None
    text = render(e, "de")
    assert "Regel: numeric_date (ein Datum im Text (TT.MM.JJJJ))" in text
    assert "Ostermontag 2025 in BE -> 22.04.2025" in text
    assert text.endswith("fällig: 22.04.2025")
    english = render(e, "en")
    assert "BGB § 193: 2025-04-18 Karfreitag 2025 in BE, 2025-04-19 Saturday" in english
    assert english.endswith("due: 2025-04-22")


def test_a_working_day_is_not_moved_and_says_so() -> None:
    assert skipped_days(date(2025, 4, 22), "BE") == []
    e = explain(
        obligation_id="D1", kind="completion", phrase="x", rule="numeric_date", decided=None,
        first_due=date(2025, 4, 22), nominal_due=date(2025, 4, 22), changes=(), state="BE",
    )  # fmt: skip
    assert "22.04.2025: ein Werktag, § 193 BGB verschiebt nichts" in render(e)


def test_a_relative_term_names_the_decision_it_ran_from() -> None:
    e = explain(
        obligation_id="D1", kind="completion", phrase="innerhalb von 6 Wochen",
        rule="label:relative_period", decided=date(2025, 1, 9), first_due=date(2025, 2, 20),
        nominal_due=date(2025, 2, 20), changes=(), state="BE",
    )  # fmt: skip
    assert e.runs_from == date(2025, 1, 9)
    assert "ab dem Beschluss vom 09.01.2025" in render(e)
    assert e.as_json()["runs_from"] == "2025-01-09"
    assert rule_text("label:relative_period", "en").startswith("from a field: a period from")


def test_the_motion_explains_each_deadline_with_its_changes_and_its_duties() -> None:
    motion = Motion.register(
        body="BVV Mitte von Berlin", reference="5/V", title="t", kind=None, state="BE",
        initiators=[], meta=meta(date(2025, 1, 9)),
    )  # fmt: skip
    motion.record_decision(
        committee="BVV", outcome=Outcome.ADOPTED, text=None, meta=meta(date(2025, 1, 9))
    )
    motion.set_deadline(
        kind=DeadlineKind.COMPLETION, due=date(2025, 4, 18), window_start=None,
        phrase="bis zum 18.04.2025", rule="numeric_date", meta=meta(date(2025, 1, 9)),
    )  # fmt: skip
    motion.extend_deadline("D1", new_due=date(2025, 5, 31), reason="Gutachten", meta=meta())
    motion.set_report_obligation(
        recipient="BVV", recurrence=Recurrence.HALF_YEARLY, first_due=None,
        phrase="halbjährlich berichten", meta=meta(date(2025, 1, 9)),
    )  # fmt: skip

    d1, r1 = explain_motion(motion)

    assert (d1.first_due, d1.nominal_due, d1.due) == (
        date(2025, 4, 18), date(2025, 5, 31), date(2025, 6, 2),
    )  # fmt: skip
    assert [(c.nominal_due, c.reason) for c in d1.changes] == [(date(2025, 5, 31), "Gutachten")]
    assert "geändert am 05.01.2015 auf 31.05.2025: Gutachten" in render(d1)
    assert (r1.obligation_id, r1.runs_from, r1.nominal_due) == (
        "R1", date(2025, 1, 9), date(2025, 7, 9),
    )  # fmt: skip
    assert "Berichtspflicht (half-yearly), ab dem Beschluss" in render(r1)


def test_every_grammar_rule_is_explained_in_german_and_english() -> None:
    from tracker.documents.grammar import RULES
    from tracker.explain import RULE_TEXTS

    assert set(RULES) - set(RULE_TEXTS) == set()

"""The pure reminder policy: stages, send times, recipients, coalescing, late marks."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notifiers.policy import (
    BERLIN,
    Obligation,
    ReminderPolicy,
    Stage,
    due_reminders,
    next_overdue,
    parse_policy,
    plan,
    recipient_for,
    send_instant,
)
from tracker.deadlines import is_working_day
from tracker.errors import ConfigurationError

MID = UUID("0b4f3b8e-6a52-5d1c-9a7e-2f61c3d0a9e4")
POLICY, _ = parse_policy(
    {
        "fallback": "fallback@example.org",
        "escalate_to": "chef@example.org",
        "office": {"Abt. Soziales": "soziales@example.org", "Bezirksamt": "ba@example.org"},
        "body": {"BVV Mitte von Berlin": "bvv@example.org"},
    }
)


def ob(due: date, *, state: str = "BE", office: str | None = "Abt. Soziales") -> Obligation:
    return Obligation(
        motion_id=MID,
        deadline_id="D1",
        reference="1263/IV",
        title="Konferenz",
        body="BVV Mitte von Berlin",
        committee=None,
        office=office,
        addressee=None,
        state=state,
        kind="completion",
        nominal_due=due,
        due=due,
    )


def berlin(day: date, hour: int = 8, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def test_default_stages_are_14_and_3_days_before_the_due_date_and_overdue_weekly() -> None:
    items = plan(ob(date(2024, 6, 20)), POLICY, since=berlin(date(2024, 1, 1)))
    assert [(p.stage.name, p.send_at.astimezone(BERLIN)) for p in items] == [
        ("before-14", berlin(date(2024, 6, 6))),
        ("before-3", berlin(date(2024, 6, 17))),
        ("due", berlin(date(2024, 6, 20))),
        ("overdue-7", berlin(date(2024, 6, 27))),
    ]
    assert items[0].key == f"{MID}/D1/2024-06-20/before-14"


def test_a_stage_on_a_weekend_or_holiday_moves_earlier() -> None:
    # 3 days before Tue 2024-04-02 is Easter Saturday; Good Friday is a holiday too
    assert send_instant(date(2024, 3, 30), "BE", POLICY) == berlin(date(2024, 3, 28))
    # Reformationstag: a holiday in Saxony, not in North Rhine-Westphalia
    assert send_instant(date(2024, 10, 31), "SN", POLICY) == berlin(date(2024, 10, 30))
    assert send_instant(date(2024, 10, 31), "NW", POLICY) == berlin(date(2024, 10, 31))


def test_nothing_is_sent_between_two_and_three_local_time() -> None:
    policy = ReminderPolicy(send_time=time(2, 30))
    # 2024-03-31 is the spring DST switch (02:00 does not exist); a Sunday, so Friday is used
    assert send_instant(date(2024, 3, 29), "BE", policy).astimezone(BERLIN).time() == time(3, 0)
    assert send_instant(date(2024, 10, 25), "BE", policy) == berlin(date(2024, 10, 25), 3)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_send_times_are_working_days_at_eight_berlin(day: date) -> None:
    at = send_instant(day, "BY", POLICY).astimezone(BERLIN)
    assert at.time() == time(8, 0) and is_working_day(at.date(), "BY")
    assert at.date() <= day and (day - at.date()).days < 7


def test_recipients_by_office_then_addressee_then_body_then_fallback() -> None:
    assert recipient_for(ob(date(2024, 1, 1)), POLICY) == "soziales@example.org"
    assert recipient_for(ob(date(2024, 1, 1), office="abt.  soziales"), POLICY) == (
        "soziales@example.org"
    )
    assert recipient_for(ob(date(2024, 1, 1), office="Unbekannt"), POLICY) == "bvv@example.org"
    other = replace(ob(date(2024, 1, 1), office=None), body="Rat")
    assert recipient_for(other, POLICY) == "fallback@example.org"


def test_escalation_adds_the_second_address_after_30_days_overdue() -> None:
    o = ob(date(2024, 6, 20))
    after_28 = next_overdue(o, POLICY, after=21, since=berlin(date(2024, 7, 11), 9))
    assert [(p.stage.name, p.recipient) for p in after_28] == [
        ("overdue-28", "soziales@example.org")
    ]
    after_35 = next_overdue(o, POLICY, after=28, since=berlin(date(2024, 7, 18), 9))
    assert [(p.stage.name, p.recipient) for p in after_35] == [
        ("overdue-35", "soziales@example.org"),
        ("escalation-35", "chef@example.org"),
    ]


def test_a_deadline_learned_late_keeps_only_the_latest_passed_stage() -> None:
    items = plan(ob(date(2024, 6, 20)), POLICY, since=berlin(date(2024, 6, 18), 12))
    assert [p.stage.name for p in items] == ["before-3", "due", "overdue-7"]
    items = plan(ob(date(2024, 6, 20)), POLICY, since=berlin(date(2024, 8, 1), 12))
    names = [p.stage.name for p in items]
    assert names == ["overdue-42", "escalation-42", "overdue-49", "escalation-49"]


@dataclass(frozen=True)
class Row:
    key: str
    motion_id: UUID
    deadline_id: str
    nominal_due: date
    stage: str
    send_at: datetime
    recipient: str | None


def rows_of(o: Obligation, since: datetime) -> list[Row]:
    return [
        Row(p.key, p.motion_id, p.deadline_id, p.nominal_due, p.stage.name, p.send_at, p.recipient)
        for p in plan(o, POLICY, since)
    ]


def test_due_reminders_groups_by_recipient_and_ignores_future_rows() -> None:
    a = rows_of(ob(date(2024, 6, 20)), berlin(date(2024, 1, 1)))
    other = replace(ob(date(2024, 6, 20), office="Bezirksamt"), deadline_id="D2")
    b = rows_of(other, berlin(date(2024, 1, 1)))
    now = berlin(date(2024, 6, 6), 8, 1)
    decided = due_reminders(a + b, now, POLICY)
    assert [(d.recipient, d.keys) for d in decided.digests] == [
        ("ba@example.org", (b[0].key,)),
        ("soziales@example.org", (a[0].key,)),
    ]
    assert not decided.skips and not any(d.late for d in decided.digests)


def test_past_stages_of_one_deadline_are_coalesced_into_the_latest_marked_late() -> None:
    rows = rows_of(ob(date(2024, 6, 20)), berlin(date(2024, 1, 1)))
    now = berlin(date(2024, 6, 21), 10)  # down since before 06.06.
    decided = due_reminders(rows, now, POLICY)
    (digest,) = decided.digests
    assert [i.row.stage for i in digest.items] == ["due"] and digest.late
    assert sorted(s.row.stage for s in decided.skips) == ["before-14", "before-3"]
    assert all(s.reason == f"coalesced into {rows[2].key}" for s in decided.skips)


def test_a_reminder_within_the_late_threshold_is_not_late() -> None:
    rows = rows_of(ob(date(2024, 6, 20)), berlin(date(2024, 1, 1)))
    on_time = due_reminders(rows[:1], berlin(date(2024, 6, 6), 8, 59), POLICY)
    late = due_reminders(rows[:1], berlin(date(2024, 6, 6), 9, 1), POLICY)
    assert not on_time.digests[0].late and late.digests[0].late


def test_rows_without_a_recipient_are_skipped() -> None:
    policy = ReminderPolicy()
    p = plan(ob(date(2024, 6, 20)), policy, berlin(date(2024, 1, 1)))[0]
    row = Row(p.key, p.motion_id, p.deadline_id, p.nominal_due, p.stage.name, p.send_at, None)
    decided = due_reminders([row], p.send_at + timedelta(minutes=1), policy)
    assert not decided.digests and decided.skips[0].reason == "no recipient configured"


def test_stage_names_round_trip() -> None:
    for s in (Stage(-14), Stage(0), Stage(7), Stage(35, escalation=True)):
        assert Stage.parse(s.name) == s


@pytest.mark.parametrize(
    "section",
    [{"before": [0]}, {"before": "14"}, {"send_time": "8 Uhr"}, {"office": {"A": 1}}, {"x": 1}],
)
def test_bad_configuration_names_the_key(section: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError, match=r"\[reminders"):
        parse_policy(section)


def test_policy_fingerprint_changes_with_the_policy() -> None:
    assert (
        POLICY.fingerprint()
        == parse_policy(
            {
                "fallback": "fallback@example.org",
                "escalate_to": "chef@example.org",
                "office": {"Bezirksamt": "ba@example.org", "Abt. Soziales": "soziales@example.org"},
                "body": {"BVV Mitte von Berlin": "bvv@example.org"},
            }
        )[0].fingerprint()
    )
    assert POLICY.fingerprint() != ReminderPolicy().fingerprint()


def test_a_late_reminder_waits_for_the_next_send_time_on_a_working_day() -> None:
    rows = rows_of(ob(date(2024, 6, 20)), berlin(date(2024, 1, 1)))  # due Thu 20.06.
    saturday_night = berlin(date(2024, 6, 22), 1, 39)
    decided = due_reminders(rows, saturday_night, POLICY)
    assert not decided.digests
    ((held),) = decided.held
    assert held.row.stage == "due"
    assert held.until == berlin(date(2024, 6, 24), 8, 0)  # Monday at the send time
    friday_evening = due_reminders(rows, berlin(date(2024, 6, 21), 18, 30), POLICY)
    assert friday_evening.held[0].until == berlin(date(2024, 6, 24), 8, 0)
    assert due_reminders(rows, berlin(date(2024, 6, 24), 8, 0), POLICY).digests[0].late


def test_a_held_reminder_skips_the_holidays_of_the_motions_state() -> None:
    rows = rows_of(ob(date(2024, 5, 17)), berlin(date(2024, 1, 1)))  # due Fri 17.05.
    decided = due_reminders(rows, berlin(date(2024, 5, 19), 12, 0), POLICY)  # Sunday
    assert decided.held[0].until == berlin(date(2024, 5, 21), 8, 0)  # after Pfingstmontag


def test_catch_up_at_once_sends_late_reminders_whenever_the_service_comes_back() -> None:
    policy, _ = parse_policy({"fallback": "f@example.org", "catch_up": "at_once"})
    p = plan(ob(date(2024, 6, 20)), policy, berlin(date(2024, 1, 1)))
    rows = [
        Row(x.key, x.motion_id, x.deadline_id, x.nominal_due, x.stage.name, x.send_at, x.recipient)
        for x in p
    ]
    decided = due_reminders(rows, berlin(date(2024, 6, 22), 1, 39), policy)
    assert decided.digests and not decided.held


@pytest.mark.parametrize(
    "section", [{"catch_up": "later"}, {"catch_up_until": "07:00"}, {"catch_up_until": "x"}]
)
def test_bad_catch_up_settings_are_named(section: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError, match=r"\[reminders\] catch_up"):
        parse_policy(section)

"""The ``[deadlines]`` table (tracker.defaults): statutory rules, the soft period, the
session calendar; bad values name their key."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.defaults import (
    HAMBURG_27_BEZVG,
    SessionCalendar,
    TermDefaults,
    committee_in,
)
from tracker.errors import ConfigurationError


def test_hamburg_27_bezvg_is_built_in_and_runs_six_weeks_from_the_decision() -> None:
    d = TermDefaults.from_section({})
    assert d.statutory == (HAMBURG_27_BEZVG,) and d.soft_days == 30
    rule = d.statute_for(
        body="Bezirksversammlung Hamburg-Mitte", state="HH", kind="Auskunftsersuchen"
    )
    assert rule is HAMBURG_27_BEZVG
    assert rule.due(date(2024, 3, 7)) == date(2024, 4, 18)
    assert d.statute_for(body="BVV Mitte", state="BE", kind="Auskunftsersuchen") is None
    assert d.statute_for(body="Bezirksversammlung", state="HH", kind="Antrag") is None


def test_a_council_rule_comes_first_and_the_builtin_can_be_switched_off() -> None:
    d = TermDefaults.from_section(
        {
            "builtin_statutes": False,
            "statutory": [
                {"statute": "§ 13 GO", "text": "drei Monate", "state": "be", "months": 3}
            ],
        }
    )
    (rule,) = d.statutory
    assert (rule.state, rule.rule, rule.phrase) == ("BE", "statute:§ 13 GO", "§ 13 GO: drei Monate")
    assert rule.due(date(2025, 1, 31)) == date(2025, 4, 30)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"soft_days": 0}, "soft_days"),
        ({"nope": 1}, "unknown setting"),
        ({"statutory": [{"statute": "x", "text": "y"}]}, "days, weeks or months"),
        (
            {"statutory": [{"statute": "x", "text": "y", "weeks": 2, "obligation": "x"}]},
            "obligation",
        ),
        ({"statutory": [{"text": "y", "weeks": 2}]}, "statute must name it"),
        ({"sessions": {"Rat": ["10.03.2025"]}}, "is not a date"),
    ],
)
def test_a_wrong_value_names_its_key(section: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        TermDefaults.from_section(section)


def test_the_next_session_is_the_first_after_the_decision_of_the_named_committee() -> None:
    calendar = SessionCalendar(
        {"Ausschuss für Soziales": (date(2025, 2, 10), date(2025, 3, 10)),
         "Bauausschuss": (date(2025, 2, 20),)}
    )  # fmt: skip
    session = calendar.next_session("Ausschusses für Soziales", date(2025, 2, 10))
    assert session is not None and (session.committee, session.day) == (
        "Ausschuss für Soziales", date(2025, 3, 10),
    )  # fmt: skip
    found = calendar.next_session(
        committee_in("zur nächsten Bauausschusssitzung"), date(2025, 1, 1)
    )
    assert found is not None and found.day == date(2025, 2, 20)
    assert calendar.next_session("Hauptausschuss", date(2025, 1, 1)) is None
    assert calendar.next_session("Bauausschuss", date(2025, 2, 20)) is None


def test_committee_in_reads_the_named_committee_only() -> None:
    assert committee_in("in der nächsten Sitzung des Bauausschusses") == "Bauausschusses"
    assert committee_in("in der nächsten Sitzung des Ausschusses") is None
    assert committee_in("in der nächsten Sitzung") is None

"""BGB §§ 187, 188, 193 arithmetic and working days per Bundesland."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.deadlines import (
    add_months,
    check_state,
    is_working_day,
    legal_due_date,
    next_working_day,
    period_end,
    previous_working_day,
)
from tracker.errors import ConfigurationError


def test_weeks_end_on_the_same_weekday() -> None:
    # decided Thursday 20.02.2014: six weeks end Thursday 03.04.2014 (§ 188 (2))
    assert period_end(date(2014, 2, 20), weeks=6) == date(2014, 4, 3)


def test_months_end_on_the_same_numbered_day() -> None:
    assert period_end(date(2014, 2, 20), months=3) == date(2014, 5, 20)


def test_a_missing_day_ends_the_period_at_the_end_of_the_month() -> None:
    # § 188 (3): three months after 31 January end on 30 April
    assert period_end(date(2014, 1, 31), months=3) == date(2014, 4, 30)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_a_period_that_starts_with_a_day_ends_the_day_before() -> None:
    # § 187 (2) with § 188 (2): a month from 1 March is 31 March
    assert period_end(date(2014, 3, 1), months=1, start_counts=True) == date(2014, 3, 31)


def test_days_count_from_the_day_after_the_event() -> None:
    assert period_end(date(2014, 12, 25), days=10) == date(2015, 1, 4)


def test_easter_monday_in_berlin_moves_to_tuesday() -> None:
    assert legal_due_date(date(2024, 4, 1), "BE") == date(2024, 4, 2)


def test_reformation_day_counts_in_saxony_not_in_north_rhine_westphalia() -> None:
    # 31 October 2025 is a Friday: a holiday in SN, a working day in NW
    assert legal_due_date(date(2025, 10, 31), "SN") == date(2025, 11, 3)
    assert legal_due_date(date(2025, 10, 31), "NW") == date(2025, 10, 31)


def test_a_saturday_moves_to_monday() -> None:
    assert legal_due_date(date(2014, 12, 20), "BE") == date(2014, 12, 22)


def test_christmas_and_new_year() -> None:
    assert next_working_day(date(2014, 12, 25), "BE") == date(2014, 12, 29)
    assert not is_working_day(date(2015, 1, 1), None)


def test_reminders_move_earlier() -> None:
    assert previous_working_day(date(2014, 12, 21), "BE") == date(2014, 12, 19)


@pytest.mark.parametrize("code", ["be", "DE-HH", " nw "])
def test_state_codes_are_normalised(code: str) -> None:
    assert check_state(code) in {"BE", "HH", "NW"}


def test_an_unknown_state_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="unknown Bundesland"):
        check_state("XX")

"""The one reader of numeric dates and its two-digit-year rule."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.documents.dates import full_year, last_day, parse_date, safe_date
from tracker.documents.grammar import DateContext, find_terms


@pytest.mark.parametrize(
    ("digits", "year"), [("2014", 2014), ("08", 2008), ("69", 2069), ("99", 1999)]
)
def test_a_two_digit_year_has_one_rule(digits: str, year: int) -> None:
    assert full_year(digits) == year


def test_the_header_and_the_grammar_read_a_short_date_alike() -> None:
    assert parse_date("spätestens am 21.10.08") == date(2008, 10, 21)
    (term,) = find_terms("spätestens am 21.10.08", DateContext())
    assert term.date == date(2008, 10, 21)


def test_a_day_that_does_not_exist_is_no_date() -> None:
    assert safe_date(2023, 2, 29) is None and parse_date("31.06.2020, 1.7.2020") == date(2020, 7, 1)
    assert last_day(2024, 2) == date(2024, 2, 29)

"""The one reader of dates (numbers, month names, ISO) and its two-digit-year rule."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.documents import extract_text
from tracker.documents.dates import full_year, last_day, paper_date, parse_date, safe_date
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


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Sitzung vom 12. Mai 2015, 19:00 Uhr", date(2015, 5, 12)),
        ("am 5. Dez. 2024 und am 1.1.2025", date(2024, 12, 5)),
        ("Stand 2024-06-05 (OParl)", date(2024, 6, 5)),
        # the first by position, whatever its form; a day that does not exist is skipped
        ("1.1.11 und 30. Juni 2010", date(2011, 1, 1)),
        ("31. Juni 2010 oder 3. Mai 2011", date(2011, 5, 3)),
    ],
)
def test_a_date_is_read_however_it_is_written(text: str, day: date) -> None:
    assert parse_date(text) == day


def test_a_month_without_a_day_is_no_date() -> None:
    assert parse_date("im Dezember 2024") is None


def test_the_papers_date_written_with_the_months_name_dates_what_it_tells() -> None:
    # the paper's own date is its first date, written out or not: the limit of 30 June 2010
    # is not before it (read against a later date in the text, it was doubted as past)
    text = (
        "Beschluss: 1. Die Budgetverträge mit den freien Trägern werden bis zum 30. Juni 2010 "
        "mit Wirkung zum 31. Dezember 2010 gekündigt. Ab 1.1.11 sind neue Verträge "
        "abzuschließen."
    )
    dates = {d.date for d in extract_text(text, name="beschluss.txt").deadlines}
    assert date(2010, 6, 30) in dates


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Die Satzung tritt am 01.01.2023 in Kraft. Bad Bergzabern, 12.12.2022",
            date(2022, 12, 12),
        ),
        ("Bericht bis zum 30. Juni 2025 vorzulegen; Datum: 3. März 2025", date(2025, 3, 3)),
        ("Stadt Musterstadt, den 14.02.2024", date(2024, 2, 14)),
        ("Die Frist endet bis spätestens 2025-05-01.", None),
    ],
)
def test_a_papers_own_date_is_no_term_it_sets(text: str, day: date | None) -> None:
    assert paper_date(text) == day

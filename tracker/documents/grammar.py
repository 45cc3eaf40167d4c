"""A German deadline grammar: each rule reads one way of writing a due date.

Every rule is a function ``rule(text, context) -> list[Term]`` registered in :data:`RULES`
under its name; :func:`find_terms` runs them all and keeps the longest match where they
overlap. A :class:`Term` carries the due ``date`` (the end of a window for half-years,
quarters and periods, with ``window_start`` kept), or ``None`` with an ``anchor`` when the
term hangs on an event (``bis zur Sommerpause``) or on a date the document does not give.

Missing years (``bis zum 30. Juni``) are completed from :class:`DateContext`: the first
such day on or after the decision date (else the document's latest date). Relative periods
(``binnen drei Monaten``) run from the decision date under BGB §§ 187 (1), 188.

:func:`recurrence_of` reads a recurring report duty (``halbjährlich``, ``regelmäßig``).
Nothing here raises on odd text: a day that does not exist is simply not a date.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tracker.deadlines import WEEKDAYS_DE, period_end
from tracker.documents.dates import (
    ISO,
    MONTH,
    MONTHS,
    WRITTEN,
    full_year,
    last_day,
    month_number,
    safe_date,
)
from tracker.documents.model import Recurrence, ReviewItem
from tracker.documents.text import one_of
from tracker.documents.vocabulary import COUNCIL, NUMBER_WORDS, SESSION_CYCLES


@dataclass(frozen=True)
class DateContext:
    """Dates of the document that relative and year-less terms are resolved against."""

    decision_date: date | None = None
    reference_date: date | None = None
    #: The one year of every full date the text gives, when they agree (else None).
    text_year: int | None = None

    @property
    def own(self) -> date | None:
        """The document's own date: the decision's, else the paper's (not the start of the one
        year its dates name, which tells no month and no day)."""
        return self.decision_date or self.reference_date

    @property
    def anchor(self) -> date | None:
        """The date that completes a missing year: the decision, else the reference date,
        else the start of the only year the document's own dates name."""
        if self.own is not None:
            return self.own
        return date(self.text_year, 1, 1) if self.text_year else None

    def is_past(self, term: Term) -> bool:
        """Whether a dated term lies before the :attr:`anchor` (unknown: not past)."""
        anchor = self.anchor
        return term.date is not None and anchor is not None and term.date < anchor

    def is_ahead(self, term: Term) -> bool:
        """Whether a dated term lies after the :attr:`anchor` (an announcement, not a record of
        the past)."""
        anchor = self.anchor
        return term.date is not None and anchor is not None and term.date > anchor


@dataclass(frozen=True)
class Term:
    """One deadline term found in a text, with its position (``start``, ``end``)."""

    start: int
    end: int
    text: str
    rule: str
    date: dt.date | None
    window_start: dt.date | None = None
    anchor: str | None = None
    #: A bare point in time (``im Jahr 2025``, ``im Herbst 2025``, ``Anfang 2025``): no limit
    #: word, so it binds only where a sentence mandates an action (see obligations).
    weak: bool = False


Rule = Callable[[str, DateContext], list[Term]]


_NUMBER = r"(?:\d{1,3}|" + one_of(NUMBER_WORDS) + r")"
_ORDINALS: dict[str, int] = {
    "1": 1,
    "i": 1,
    "ersten": 1,
    "erste": 1,
    "erstes": 1,
    "2": 2,
    "ii": 2,
    "zweiten": 2,
    "zweite": 2,
    "zweites": 2,
    "3": 3,
    "iii": 3,
    "dritten": 3,
    "dritte": 3,
    "drittes": 3,
    "4": 4,
    "iv": 4,
    "vierten": 4,
    "vierte": 4,
    "viertes": 4,
}
_ORDINAL = r"(?:[1-4]\.|(?:IV|III|II|I)\.|ersten|erste[sn]?|zweite[sn]?|dritte[sn]?|vierte[sn]?)"
_YEAR = r"((?:19|20)\d{2})(?!\d)"
_FLAGS = re.IGNORECASE


def _ordinal(word: str) -> int:
    return _ORDINALS[word.lower().rstrip(".")]


def _number(word: str) -> int:
    low = word.lower()
    return int(low) if low.isdigit() else NUMBER_WORDS[low]


def _year_for(month: int, day: int | None, context: DateContext) -> int | None:
    """The year of the first such day (or month's end) on or after the context's anchor."""
    anchor = context.anchor
    if anchor is None:
        return None
    year = anchor.year
    last = calendar.monthrange(year, month)[1]
    candidate = date(year, month, min(day or last, last))
    return year + 1 if candidate < anchor else year


def _qualified_day(qualifier: str | None, year: int, month: int) -> date:
    """``Anfang`` -> the 1st, ``Mitte`` -> the 15th, ``Ende`` or nothing -> the last day."""
    word = (qualifier or "").lower()
    if word == "anfang":
        return date(year, month, 1)
    if word == "mitte":
        return date(year, month, 15)
    return last_day(year, month)


def _term(match: re.Match[str], rule: str, due: date | None, **extra: object) -> Term:
    window = extra.get("window_start")
    anchor = extra.get("anchor")
    return Term(
        start=match.start(),
        end=match.end(),
        text=match.group(0).strip(),
        rule=rule,
        date=due,
        window_start=window if isinstance(window, date) else None,
        anchor=anchor if isinstance(anchor, str) else None,
        weak=extra.get("weak") is True,
    )


# --- the rules -------------------------------------------------------------------------

_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.]\d)")


def _exact_dates(
    pattern: re.Pattern[str],
    rule: str,
    text: str,
    ymd: Callable[[re.Match[str]], tuple[int, int, int]],
) -> list[Term]:
    """Every match of ``pattern`` whose (year, month, day) is a real day, as a term."""
    found = []
    for m in pattern.finditer(text):
        due = safe_date(*ymd(m))
        if due is not None:
            found.append(_term(m, rule, due))
    return found


def numeric_date(text: str, context: DateContext) -> list[Term]:
    """``18.12.2014``, ``1.1.11``: day, month and a four- or two-digit year."""
    return _exact_dates(
        _NUMERIC,
        "numeric_date",
        text,
        lambda m: (full_year(m.group(3)), int(m.group(2)), int(m.group(1))),
    )


_US = re.compile(r"(?<![\d./-])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])")


def iso_date(text: str, context: DateContext) -> list[Term]:
    """``2024-12-31``: an ISO date, as OParl exports and forms write it."""
    return _exact_dates(
        ISO, "iso_date", text, lambda m: (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    )


def us_date(text: str, context: DateContext) -> list[Term]:
    """``12/31/2024``: month first, as some exported forms write it (read only when the
    month-first reading is the only valid one or both readings agree)."""
    found = []
    for m in _US.finditer(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        month_first = safe_date(year, first, second)
        day_first = safe_date(year, second, first)
        if month_first is not None and (day_first is None or day_first == month_first):
            found.append(_term(m, "us_date", month_first))
        elif day_first is not None and month_first is None:
            found.append(_term(m, "us_date", day_first))
    return found


def named_date(text: str, context: DateContext) -> list[Term]:
    """``30. Juni 2025``: day, month name, year."""
    return _exact_dates(
        WRITTEN,
        "named_date",
        text,
        lambda m: (int(m.group(3)), month_number(m.group(2)), int(m.group(1))),
    )


_DAY_NO_YEAR = re.compile(
    # "am 10. November" too: a point in time, bound only where a sentence orders or announces
    r"\b(?:bis\s+(?:zum\s+|spätestens\s+(?:zum\s+)?)?|spätestens\s+(?:zum\s+|am\s+)?|zum\s+|am\s+)"
    r"(\d{1,2})\.\s*(?:(\d{1,2})\.|(" + MONTH + r"))(?!\s*\d)",
    _FLAGS,
)


# The year named after a day, a month or a season by its relation to the document's:
# "bis zum 30. Juni des Folgejahres", "im Frühjahr nächsten Jahres" (the year after);
# "im Februar d. J.", "im Herbst dieses Jahres", "bis Ende des lfd. Jahres" (its own).
_YEAR_AFTER = re.compile(
    r"\s+(?:des\s+)?(?:(?P<next>Folgejahr|folgenden\s+Jahr|nächsten\s+Jahr|kommenden\s+Jahr)"
    r"(?:es|s)\b|dieses\s+Jahres|laufenden\s+Jahres|lfd\.\s?(?:Jahres|J\.))"
    r"|\s+d\.\s?J\."
    # a recurring day with its first year ("jährlich zum 31. März, erstmals 2017")
    r"|,?\s+erstmal(?:s|ig)\s+(?:im\s+Jahr(?:e)?\s+)?(?P<first>(?:19|20)\d{2})\b",
    _FLAGS,
)


def _related_year(
    text: str, m: re.Match[str], context: DateContext, year: int | None
) -> tuple[int | None, int]:
    """The year of a day, month or season without one, and where its term ends: the
    document's year plus one where ``des Folgejahres`` follows, the document's own year where
    ``d. J.`` or ``dieses Jahres`` does, the year named where ``erstmals 2017`` does."""
    after = _YEAR_AFTER.match(text, m.end())
    if after is None:
        return year, m.end()
    if after.group("first"):
        return int(after.group("first")), after.end()
    anchor = context.anchor
    if anchor is None:
        return None, after.end()
    return (anchor.year + 1 if after.group("next") else anchor.year), after.end()


def _widened(term: Term, text: str, end: int) -> Term:
    return dataclasses.replace(term, end=end, text=text[term.start : end].strip())


def day_without_year(text: str, context: DateContext) -> list[Term]:
    """``bis zum 30. Juni``, ``spätestens 15.3.``: the year comes from the document."""
    found = []
    for m in _DAY_NO_YEAR.finditer(text):
        month = int(m.group(2)) if m.group(2) else month_number(m.group(3))
        day = int(m.group(1))
        if safe_date(2000, month, day) is None:  # 2000 is a leap year: 29.2. passes
            continue
        year, end = _related_year(text, m, context, _year_for(month, day, context))
        due = safe_date(year, month, day) if year is not None else None
        if year is not None and due is None:  # 29.2. in a common year
            due = last_day(year, month)
        term = _term(m, "day_without_year", due, anchor=None if due else "year")
        found.append(_widened(term, text, end))
    return found


_YEAR_END = re.compile(
    r"\b(?:bis\s+(?:zum\s+|spätestens\s+(?:zum\s+)?)?|zum\s+)?"
    r"(?:Jahresende|Jahresschluss|Ende\s+des\s+Jahres|Ende\s+(?:d|lfd)\.\s?J\.)"
    r"(?:\s+" + _YEAR + r")?"
    # "Jahresabschluss" is the year's accounts ("der Jahresabschluss 2018 fällt positiv aus")
    # unless a limit word makes it the year's end ("bis zum Jahresabschluss")
    r"|\bbis\s+(?:zum\s+|spätestens\s+(?:zum\s+)?)?Jahresabschluss(?:\s+" + _YEAR + r")?",
    _FLAGS,
)


def year_end(text: str, context: DateContext) -> list[Term]:
    """``bis (zum) Jahresende 2014``, ``zum Ende des Jahres``: 31 December."""
    found = []
    for m in _YEAR_END.finditer(text):
        if m.group(1):
            year: int | None = int(m.group(1))
        else:
            year = _year_for(12, 31, context)
        due = date(year, 12, 31) if year is not None else None
        found.append(_term(m, "year_end", due, anchor=None if due else "year"))
    return found


_END_YEAR = re.compile(
    r"\b(?:(?:bis|spätestens)\s+(?:zur?\s+|spätestens\s+)?(Anfang|Mitte|Ende|Jahresmitte)|"
    r"(Ende|Mitte|Jahresmitte))\s+(?:des\s+Jahres\s+)?" + _YEAR,
    _FLAGS,
)


_MID_YEAR = re.compile(
    r"\b(?:bis|spätestens)\s+(?:zur?\s+|spätestens\s+)?(?:Jahresmitte|Mitte\s+des\s+Jahres)\b"
    r"(?!\s*(?:19|20)\d{2})",
    _FLAGS,
)


_RELATIVE_MONTH = re.compile(
    # (not a month named after it: "bis Ende des Monats März" is no month of the document's)
    r"\b(?:bis\s+(?:zum\s+)?(?:Ende\s+(?:des\s+)?(?:(nächsten|kommenden|folgenden)\s+)?Monats"
    r"(?!\s+" + MONTH + r")|"
    r"(?:(nächsten|kommenden)\s+)?Monatsende)|im\s+(nächsten|kommenden|folgenden)\s+Monat)\b",
    _FLAGS,
)


def relative_month(text: str, context: DateContext) -> list[Term]:
    """``bis Ende des Monats``, ``bis Monatsende``, ``im nächsten Monat``: the last day of the
    document's month, or of the month after (undated where the text gives no date of its own:
    the start of its one year names no month)."""
    found = []
    for m in _RELATIVE_MONTH.finditer(text):
        anchor = context.own
        if anchor is None:
            found.append(_term(m, "relative_month", None, anchor="month"))
            continue
        ahead = bool(m.group(1) or m.group(2) or m.group(3))
        year, month = (anchor.year, anchor.month + 1) if ahead else (anchor.year, anchor.month)
        if month > 12:
            year, month = year + 1, 1
        found.append(_term(m, "relative_month", last_day(year, month)))
    return found


def mid_year(text: str, context: DateContext) -> list[Term]:
    """``bis Mitte des Jahres``, ``bis zur Jahresmitte``: 30 June of the first such day on or
    after the document's date."""
    found = []
    for m in _MID_YEAR.finditer(text):
        year = _year_for(6, 30, context)
        due = date(year, 6, 30) if year is not None else None
        found.append(_term(m, "mid_year", due, anchor=None if due else "year"))
    return found


def end_of_year(text: str, context: DateContext) -> list[Term]:
    """``Ende 2014`` -> 31.12.; ``(bis) Mitte 2015``, ``bis Jahresmitte 2015`` -> 30.06.;
    ``bis Anfang 2016`` -> 31.03.

    ``Anfang`` needs ``bis``: alone it dates the past (``Anfang 2018 bereitgestellt``).
    """
    found = []
    for m in _END_YEAR.finditer(text):
        year = int(m.group(3))
        word = (m.group(1) or m.group(2)).lower()
        month = {"anfang": 3, "mitte": 6, "jahresmitte": 6}.get(word, 12)
        found.append(_term(m, "end_of_year", last_day(year, month)))
    return found


_OF_MONTH = r"(?:des\s+Monats\s+)?"
# the later month of two ("im September oder Oktober", "bis September/Oktober 2025") carries
_OR_MONTH = r"(?:\s*(?:/|-|–|oder|bzw\.)\s*(" + MONTH + r"))?"
_MONTH_YEAR = re.compile(
    r"\b(?:(?:bis|im|zum|spätestens|auf\s+(?:den|die)?)\s+(?:zum\s+|spätestens\s+)?)?"
    r"(?:(Anfang|Mitte|Ende)\s+"
    + _OF_MONTH
    + r")?("
    + MONTH
    + r")"
    + _OR_MONTH
    + r"\s*(?:/\s*)?"
    + _YEAR,
    _FLAGS,
)


def month_year(text: str, context: DateContext) -> list[Term]:
    """``bis September 2005``, ``Ende März 2020``: the month's last day (Mitte: the 15th)."""
    found = []
    for m in _MONTH_YEAR.finditer(text):
        month, year = month_number(m.group(3) or m.group(2)), int(m.group(4))
        found.append(_term(m, "month_year", _qualified_day(m.group(1), year, month)))
    return found


_NUMERIC_MONTH = re.compile(
    r"\b(?:(?:bis|spätestens)\s+(?:zum\s+|spätestens\s+)?(?:einschl\.\s*|einschließlich\s+|"
    r"Quartalsende\s+|Monatsende\s+)?(?:(Ende|Mitte|Anfang)\s+)?|"
    r"(Ende|Mitte|Anfang)\s+)(0?[1-9]|1[0-2])\s*/\s*((?:19|20)\d{2})(?![\d/.-])",
    _FLAGS,
)


def numeric_month(text: str, context: DateContext) -> list[Term]:
    """``bis 12/2025``, ``Ende 06/2026``: a month written as numbers after a limit word; its
    last day (Mitte: the 15th). Without the limit word ``12/2025`` is as often a number."""
    found = []
    for m in _NUMERIC_MONTH.finditer(text):
        month, year = int(m.group(3)), int(m.group(4))
        due = _qualified_day(m.group(1) or m.group(2), year, month)
        found.append(_term(m, "numeric_month", due))
    return found


_MONTH_NO_YEAR = re.compile(
    r"\b(?:(?:bis|im|spätestens|auf\s+(?:den|die)|in\s+den|für\s+den)\s+(?:zum\s+|spätestens\s+)?"
    r"(?:(Anfang|Mitte|Ende)\s+" + _OF_MONTH + r")?"
    r"|(Anfang|Mitte|Ende)\s+"
    + _OF_MONTH
    + r")("
    + MONTH
    + r")"
    + _OR_MONTH
    # (not a compound's first part: "auf die Juni-Sitzung" is the session's term)
    + r"(?!\s*/?\s*\d|\s*(?:/|-|–|oder|bzw\.)\s*"
    + MONTH
    + r"|-[A-Za-zÄÖÜäöü])",
    _FLAGS,
)


def month_without_year(text: str, context: DateContext) -> list[Term]:
    """``bis Ende September``, ``im Mai``: the year comes from the document."""
    found = []
    for m in _MONTH_NO_YEAR.finditer(text):
        month = month_number(m.group(4) or m.group(3))
        year, end = _related_year(text, m, context, _year_for(month, None, context))
        qualifier = m.group(1) or m.group(2)
        due = _qualified_day(qualifier, year, month) if year is not None else None
        term = _term(m, "month_without_year", due, anchor=None if due else "year")
        found.append(_widened(term, text, end))
    return found


_HALF_YEAR = re.compile(
    r"\b(?:(?:im|bis(?:\s+zum)?(?:\s+Ende\s+des)?|zum|spätestens(?:\s+(?:im|zum|bis))?)\s+)?"
    r"(" + _ORDINAL + r")\s*"
    r"(?:Halbjahr(?:es)?|Jahreshälfte|Hj\.?|HJ)\s*" + _YEAR,
    _FLAGS,
)


def half_year(text: str, context: DateContext) -> list[Term]:
    """``im 2. Halbjahr 2024``, ``in der ersten Jahreshälfte 2025``: window of six months."""
    found = []
    for m in _HALF_YEAR.finditer(text):
        half = _ordinal(m.group(1))
        if half > 2:
            continue
        year = int(m.group(2))
        start = date(year, 1 if half == 1 else 7, 1)
        due = last_day(year, 6 if half == 1 else 12)
        found.append(_term(m, "half_year", due, window_start=start))
    return found


_QUARTER = re.compile(
    r"\b(?:(?:im|bis(?:\s+zum)?(?:\s+Ende\s+des)?|zum|spätestens(?:\s+(?:im|zum|bis))?)\s+)?"
    r"(" + _ORDINAL + r")\s*"
    r"(?:Quartal(?:s|es)?|Qu\.)\s*" + _YEAR,
    _FLAGS,
)
_QUARTER_CODE = re.compile(
    r"\b(?:im\s+|bis\s+(?:(?:spätestens\s+)?Ende\s+)?|Ende\s+)?Q([1-4])"
    # without a year only after a limit word ("bis Ende Q3": the document's year)
    r"(?:\s*[/ .-]\s*(\d{4}|\d{2})(?!\d)|(?<=(?:bis|nde)\sQ\d)\b(?![/.-]?\d))",
    _FLAGS,
)


def _quarter(match: re.Match[str], rule: str, quarter: int, year: int) -> Term:
    first = 3 * quarter - 2
    return _term(match, rule, last_day(year, first + 2), window_start=date(year, first, 1))


def quarter(text: str, context: DateContext) -> list[Term]:
    """``im I. Quartal 2020``, ``im dritten Quartal 2021``: window of three months."""
    return [
        _quarter(m, "quarter", _ordinal(m.group(1)), int(m.group(2)))
        for m in _QUARTER.finditer(text)
    ]


def quarter_code(text: str, context: DateContext) -> list[Term]:
    """``Q2/2025``, ``Q4 2023``: window of three months; ``bis Ende Q3`` in the document's year."""
    found = []
    for m in _QUARTER_CODE.finditer(text):
        quarter = int(m.group(1))
        year = full_year(m.group(2)) if m.group(2) else _year_for(3 * quarter, None, context)
        if year is None:
            found.append(_term(m, "quarter_code", None, anchor="year"))
        else:
            found.append(_quarter(m, "quarter_code", quarter, year))
    return found


_PERIOD = re.compile(
    r"\b(?:(?:im\s+)?Zeitraum\s+(?:von\s+)?|von\s+|ab\s+|zwischen\s+)?"
    r"(?:(Anfang|Mitte|Ende)\s+)?(" + MONTH + r")(?:\s+" + _YEAR + r")?"
    r"\s*(?:bis(?:\s+(?:zum|einschließlich))?|[-–])\s*"
    r"(?:(Anfang|Mitte|Ende)\s+)?(" + MONTH + r")\s+" + _YEAR,
    _FLAGS,
)
_DATE_PERIOD = re.compile(
    r"\b(?:(?:im\s+)?Zeitraum\s+)?(?:vom|von|zwischen\s+dem)\s+"
    r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})?\s*(?:bis(?:\s+zum)?|und\s+dem|[-–])\s*"
    r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)",
    _FLAGS,
)


def period(text: str, context: DateContext) -> list[Term]:
    """``im Zeitraum von Januar bis Oktober 2019``, ``ab April bis Juni 2024``,
    ``vom 1.3. bis 30.6.2020``: a window (``ab`` belongs to it, it does not date a start)."""
    found = []
    for m in _PERIOD.finditer(text):
        end_year = int(m.group(6))
        start_month, end_month = month_number(m.group(2)), month_number(m.group(5))
        start_year = int(m.group(3)) if m.group(3) else end_year
        if (start_year, start_month) > (end_year, end_month):
            if m.group(3):
                continue
            start_year -= 1
        first = m.group(1)
        start: date | None = (
            date(start_year, start_month, 15 if first and first.lower() == "mitte" else 1)
            if not first or first.lower() != "ende"
            else last_day(start_year, start_month)
        )
        due = _qualified_day(m.group(4), end_year, end_month)
        found.append(_term(m, "period", due, window_start=start))
    for m in _DATE_PERIOD.finditer(text):
        end_year = full_year(m.group(6))
        last = safe_date(end_year, int(m.group(5)), int(m.group(4)))
        start_year = full_year(m.group(3)) if m.group(3) else end_year
        begin = safe_date(start_year, int(m.group(2)), int(m.group(1)))
        if last is None or begin is None or begin > last:
            continue
        found.append(_term(m, "period", last, window_start=begin))
    return found


_UNIT = r"(Tag(?:e|en|es)?|Woche(?:n)?|Monat(?:e|en|s|es)?|Jahr(?:e|en|es)?)"
_RELATIVE = re.compile(
    r"\b(?:(?:innerhalb|binnen)\s+(?:von\s+|der\s+(?:nächsten|kommenden)\s+)?|spätestens\s+)"
    r"(" + _NUMBER + r")\s+(?:(halben)\s+)?" + _UNIT + r"(?![a-zäöüß])"
    r"(?:\s+(nach|ab|seit|vor)\s+(?:der\s+|dem\s+|des\s+)?([A-Za-zÄÖÜäöüß-]+))?",
    _FLAGS,
)
_AFTER_DECISION = re.compile(
    r"^(?:Beschlussfassung|Beschlusses?|Beschlussdatum|Beschließung)$", _FLAGS
)


def relative_period(text: str, context: DateContext) -> list[Term]:
    """``innerhalb von 6 Wochen nach Beschlussfassung``, ``binnen drei Monaten``.

    The period starts with the decision (BGB § 187 (1): its day is not counted) and ends
    under § 188; without a decision date, or when it hangs on another event, the date is
    None and the term keeps its ``anchor``.
    """
    found = []
    for m in _RELATIVE.finditer(text):
        amount = _number(m.group(1))
        unit = m.group(3).lower()
        if m.group(2) and unit.startswith("jahr"):  # "eines halben Jahres": six months
            amount, unit = 6 * amount, "monat"
        preposition, event = m.group(4), m.group(5)
        on_decision = event is None or _AFTER_DECISION.match(event) is not None
        if preposition and preposition.lower() != "vor" and event and event[:1].islower():
            on_decision = True  # "nach" followed by a verb: no event is named
        start = context.decision_date if on_decision else None
        due: date | None = None
        if start is not None:
            due = _after(start, unit[:3], amount)
        anchor = None if due else ("Beschlussfassung" if on_decision else event)
        found.append(_term(m, "relative_period", due, anchor=anchor))
    return found


def _after(start: date, unit: str, amount: int) -> date:
    """BGB §§ 187 (1), 188: the period's last day after the event on ``start``."""
    if unit == "tag":
        return period_end(start, days=amount)
    if unit == "woc":
        return period_end(start, weeks=amount)
    if unit == "mon":
        return period_end(start, months=amount)
    return period_end(start, years=amount)


_EVENTS = (
    r"Sommerpause|Winterpause|Weihnachtspause|Osterpause|Sommerferien|Herbstferien|"
    r"Osterferien|Winterferien|Weihnachtsferien|Pfingstferien|Frühjahrsferien|Faschingsferien|"
    r"Parlamentspause|Jahreswechsel|Ostern|Weihnachten|Pfingsten|Weihnachtsfest|Osterfest|Pfingstfest|"
    r"Haushaltsberatung(?:en)?|Haushaltsplanberatung(?:en)?|Haushaltsaufstellung|"
    r"Kommunalwahl(?:en)?|Landtagswahl(?:en)?|Bundestagswahl(?:en)?|Verabschiedung\s+des\s+Haushalts|Beratung\s+des\s+Haushalts\w*|"
    r"Einbringung\s+des\s+Haushalt\w*|Beschlussfassung\s+über\s+den\s+Haushalt\w*|"
    r"Ferienbeginn|Schuljahresbeginn|Haushaltsverfahren(?:s)?"
)
#: Spans whose beginning or end a text names as a limit: "bis Ende der Wahlperiode", "vor Beginn
#: der Badesaison" (not the span itself: "in der Wahlperiode" is no limit).
_SPANS = (
    r"Wahlperiode|Legislaturperiode|Amtszeit|Heizperiode|Heizsaison|Badesaison|Freibadsaison|"
    r"Wintersaison|Sommersaison|Saison|Spielzeit|Brutzeit|Vegetationsperiode"
)
#: The council's cycles of sessions (the vocabulary's) and the older "Sitzungslauf".
_CYCLES = one_of((*SESSION_CYCLES, "Sitzungslauf"))
#: The bodies whose sessions a text names as the target of an action: the councils of the
#: vocabulary and any committee.
_BODIES = COUNCIL + r"|[A-ZÄÖÜ][\wäöüß-]*[Aa]usschuss"
_EVENT = re.compile(
    r"\b(?:(?:bis|noch)\s+)?(?:(?:vor|nach|in|bei|mit)\s+(?:der|dem|den)|zur|zum|zu\s+den|"
    r"im\s+Rahmen\s+(?:der|des))\s+"
    # "bis zum Beginn der Sommerferien", "bis Ende der Sommerpause"
    r"(?:(?:Beginn|Ende|Anfang)\s+(?:der|des)\s+)?"
    r"(?:(?:diesjährigen|nächsten|kommenden|anstehenden|bevorstehenden|folgenden)\s+)?"
    r"(" + _EVENTS + r")\b"
    r"|\b(?:bis|vor)\s+(?:zum\s+Beginn|Beginn|Ende|Anfang)\s+(?:der|des)\s+("
    + _EVENTS
    + r"|"
    + _SPANS
    + r")\b"
    r"|\b(?:(?:bis\s+)?(?:zur|zum|in\s+(?:der|einer|die|eine|den|seiner|ihrer)|zu\s+(?:der|einer)|"
    r"auf\s+(?:die|eine|den|seine|ihre)|der|die|den)\s+"
    r"(?:(?:der|seiner|ihrer)\s+)?(?:nächsten?|übernächsten?|kommenden?|folgenden?)\s+"
    r"((?:[A-ZÄÖÜ][\w-]*ausschuss\s+)?[\w-]*[Ss]itzung(?:en)?|BVV|"
    r"Ratssitzung|Ausschusssitzung|Sitzungsrunde|Sitzungsfolge|Sitzungslauf|Sitzungszyklus)"
    r"(?:\s+(?:des|der)\s+[A-ZÄÖÜ][\w-]*)?)"
    r"|\b(?:im|in\s+den)\s+(?:nächsten|kommenden)\s+(" + _CYCLES + r"|Sitzungen)\b"
    r"|\bum\s+(?:einen|eine|zwei)\s+(" + _CYCLES + r")\b"
    r"|\b(?:eine[rn]?|die|der)\s+(Sondersitzung)\b"
    # "soll in der Sitzung der Stadtverordnetenversammlung auf die Tagesordnung": a session
    # named by its body, without a day (a dated one is read by its date)
    r"|\b(?:in|zur|für)\s+(?:der\s+|eine\s+|einer\s+|die\s+)?Sitzung\s+(?:des|der)\s+"
    r"((?:" + _BODIES + r")\w*)\b"
    r"(?!\s+(?:\S+\s+){0,3}?(?:am|vom)\s+\d)"
    # "zum Haushalt 2026 anzumelden": in time for a budget (not "in den Haushalt 2026");
    # "mit dem Entwurf des Haushalts 2026 vorzulegen": together with the budget's draft
    r"|\b(?:bis\s+)?zu[mr]\s+(Haushalt(?:splan|sentwurf|splanentwurf)?\s+(?:19|20)\d{2}(?:/\d{2,4})?)"
    r"|\bmit\s+(?:dem|der\s+(?:Erstellung|Aufstellung|Vorlage)\s+des)\s+"
    r"((?:Entwurf\s+des\s+Haushalt(?:s|es|splans)|Haushalt(?:s|splan)?entwurf(?:s|es)?)"
    r"(?:\s+(?:19|20)\d{2}(?:/\d{2,4})?)?)"
    # a feast without an article: "bis Ostern", "vor Weihnachten", "nach Pfingsten 2026"
    # (and the winter's coming: "noch vor Wintereinbruch")
    r"|\b(?:bis|vor|nach)\s+((?:Ostern|Weihnachten|Pfingsten|Wintereinbruch)(?:\s+(?:19|20)\d{2})?)\b"
    # the end of a process: "nach Ablauf der Probephase", "nach Abschluss der Bauarbeiten"
    r"|\bnach\s+(?:Ablauf|Abschluss|Ende|Beendigung|Auswertung)\s+(?:der|des)\s+([\w-]*(?:phase|"
    r"zeit|arbeiten|maßnahmen?|projekte?s?|verfahrens?|versuch(?:e?s)?|tests?|erhebung|evaluation|"
    r"evaluierung|befragung|saison|sanierung|planung|prüfung|ausschreibung))\b"
    # a body for its next session: "im nächsten Bauausschuss", "zum kommenden Haupt- und
    # Finanzausschuss", "im nächsten Stadtrat"
    r"|\b(?:(?:bis\s+)?(?:im|zum|vor\s+dem)|in\s+den)\s+(?:nächsten|kommenden|übernächsten)\s+"
    r"((?:[A-ZÄÖÜ][\w-]*\s+und\s+)?(?:(?:[A-ZÄÖÜ][\w-]*)?[Aa]usschuss|"
    + COUNCIL
    + r"|[\w-]*[Bb]eirat)"
    r"(?:\s+für\s+[A-ZÄÖÜ][\w-]*)?)(?![\wäöüß-])",
    _FLAGS,
)


_UNTIL_CLAUSE = re.compile(
    # (a remark in brackets inside: "bis das Zentrenkonzept (vgl. TOP 1) vorliegt")
    r"\b(?:solange\s*,?\s*)?bis\s+(?:der|die|das|ein|eine)\s+(?:[^,.;:()]|\([^()]{0,40}\)){3,80}?"
    r"\b(?:abgeschlossen|vorliegt|vorliegen|vorgelegt|beschlossen|entschieden|geklärt|feststeht|"
    r"erfolgt|fertiggestellt)\b(?:\s+(?:hat|haben|ist|sind|wird|werden))?"
    # "bevor über das Verhalten der Stadt ... im Rat abgestimmt wird": before a decision
    r"|\bbevor\s+(?:über\s+)?[^,.;:]{3,100}?\b(?:abgestimmt|entschieden|beschlossen)\s+wird\b",
    _FLAGS,
)


def until_clause(text: str, context: DateContext) -> list[Term]:
    """``bis der HFA seine Beratungen abgeschlossen hat``, ``bis das Gutachten vorliegt``:
    a limit that hangs on an event the text names; no date."""
    return [_term(m, "until_clause", None, anchor="event") for m in _UNTIL_CLAUSE.finditer(text)]


def event_anchor(text: str, context: DateContext) -> list[Term]:
    """``bis zur Sommerpause``, ``in der nächsten Sitzung``: no date, the event is kept."""
    found = []
    for m in _EVENT.finditer(text):
        named = (m.group(i) for i in (1, 2, 6, 7, 8, 9, 10, 11, 12))  # the event, else the session
        anchor = next((g for g in named if g), None) or m.group(0).strip()
        found.append(_term(m, "event_anchor", None, anchor=" ".join(anchor.split())))
    return found


_PERIOD_OF_YEAR = re.compile(
    r"\b(?:(?:im|bis(?:\s+zum)?(?:\s+Ende\s+des)?|zum|in\s+der|im\s+Laufe\s+des|"
    r"spätestens(?:\s+(?:im|zum|bis))?)\s+)?"
    # (the noun whole: "ersten Quartals 2026" is a quarter of a named year, read elsewhere)
    r"(" + _ORDINAL + r")\s*(Quartal(?:s|es)?|Halbjahr(?:es)?|Jahreshälfte)\b"
    r"(?:\s+(?:des\s+)?(kommenden|nächsten|folgenden|laufenden|dieses|diesen)\s+Jahres)?"
    r"(?!\s*/?\s*\d)",
    _FLAGS,
)


def period_of_year(text: str, context: DateContext) -> list[Term]:
    """``im 2. Quartal``, ``im ersten Halbjahr des kommenden Jahres``: the year from the
    document (the first such period that ends on or after its date, or the next year)."""
    found = []
    for m in _PERIOD_OF_YEAR.finditer(text):
        ordinal, unit, relative = _ordinal(m.group(1)), m.group(2).lower(), m.group(3)
        months = 3 if unit.startswith("quartal") else 6
        if ordinal > 12 // months:
            continue
        first = months * (ordinal - 1) + 1
        anchor = context.anchor
        if anchor is None:
            found.append(_term(m, "period_of_year", None, anchor="year"))
            continue
        year = anchor.year
        ahead = bool(relative) and relative.lower() in ("kommenden", "nächsten", "folgenden")
        if ahead or (not relative and last_day(year, first + months - 1) < anchor):
            year += 1
        found.append(
            _term(
                m,
                "period_of_year",
                last_day(year, first + months - 1),
                window_start=date(year, first, 1),
            )
        )
    return found


_RELATIVE_YEAR = re.compile(
    r"\b(?:noch\s+)?(?:bis\s+(?:zum\s+)?Ende\s+(?:des\s+)?|im\s+Laufe\s+des\s+|in\s+|im\s+)"
    r"(dieses|diesem|laufenden|lfd\.|nächsten|kommenden|folgenden|neuen)\s*Jahr(?:es)?\b"
    # "nächstes Jahr", "im Folgejahr"
    r"|\b(nächstes)\s+Jahr\b|\b(?:im|bis\s+(?:zum\s+)?Ende\s+des)\s+(Folgejahr)(?:es)?\b"
    # "Mitte nächsten Jahres", "bis Anfang des kommenden Jahres" (not "Anfang dieses Jahres",
    # which dates the past as often as it sets a limit)
    r"|\b(?:(?:bis|spätestens)\s+(?:zur?\s+)?)?(Anfang|Mitte|Ende)\s+(?:des\s+)?"
    r"(nächsten|kommenden|folgenden)\s+Jahres\b"
    # "im Laufe des Jahres" without a year: the document's
    r"|\bim\s+Laufe\s+(des)\s+Jahres\b(?!\s*\(?\s*(?:19|20)\d{2})",
    _FLAGS,
)
#: The last month of the part of a year that a qualifier names (``Anfang`` a quarter).
_PART_END = {"anfang": 3, "mitte": 6, "ende": 12}


_YEAR_NAMED_AFTER = re.compile(r"\s*\(?\s*((?:19|20)\d{2})\b(?![\d/.-])\s*\)?")


def relative_year(text: str, context: DateContext) -> list[Term]:
    """``noch in diesem Jahr``, ``bis Ende nächsten Jahres``: 31 December of the document's
    year, or of the year after."""
    found = []
    for m in _RELATIVE_YEAR.finditer(text):
        named = _YEAR_NAMED_AFTER.match(text, m.end())
        if named is not None:
            # "im nächsten Jahr (2024)", "im kommenden Jahr 2026": the text names the year
            year = int(named.group(1))
            end = named.end()
            found.append(
                Term(
                    m.start(),
                    end,
                    text[m.start() : end].strip(),
                    "relative_year",
                    date(year, 12, 31),
                )
            )
            continue
        anchor = context.anchor
        if anchor is None:
            found.append(_term(m, "relative_year", None, anchor="year"))
            continue
        which = (m.group(1) or m.group(2) or m.group(3) or m.group(5) or m.group(6)).lower()
        ahead = which in ("nächsten", "kommenden", "folgenden", "neuen", "nächstes", "folgejahr")
        month = _PART_END[m.group(4).lower()] if m.group(4) else 12
        found.append(_term(m, "relative_year", last_day(anchor.year + ahead, month)))
    return found


_YEAR_PERIOD = re.compile(
    r"\b(?:im\s+Laufe\s+des\s+Jahres|noch\s+im\s+Jahre?|spätestens\s+im\s+Jahre?|in"
    r"(?=\s+(?:19|20)\d{2}(?:\s+(?:[a-zäöüß]|\W)|\s*$)))\s+" + _YEAR + r"(?![\d/.-])",
    _FLAGS,
)


def year_period(text: str, context: DateContext) -> list[Term]:
    """``im Laufe des Jahres 2025``, ``noch im Jahr 2025``, ``in 2023 zu sanieren``: the year
    as a window, due at its end. A bare ``im Jahr 2025`` describes more often than it binds
    and is not read."""
    return [
        _term(
            m,
            "year_period",
            date(int(m.group(1)), 12, 31),
            window_start=date(int(m.group(1)), 1, 1),
        )
        for m in _YEAR_PERIOD.finditer(text)
    ]


_WEEK = re.compile(
    r"\b(?:(?:bis|in|zur|zum|spätestens)\s+(?:zur\s+|der\s+)?)?(?:(?:KW|Kalenderwoche)\s*(\d{1,2})"
    r"|(\d{1,2})\.\s*(?:KW|Kalenderwoche))(?:\s*[/ ]\s*((?:19|20)\d{2}))?\b",
    _FLAGS,
)


def calendar_week(text: str, context: DateContext) -> list[Term]:
    """``bis KW 12/2025``, ``in der 40. Kalenderwoche``: the week's Sunday (ISO 8601)."""
    found = []
    for m in _WEEK.finditer(text):
        week = int(m.group(1) or m.group(2))
        if not 1 <= week <= 53:
            continue
        year = int(m.group(3)) if m.group(3) else (context.anchor.year if context.anchor else None)
        if year is None:
            found.append(_term(m, "calendar_week", None, anchor="year"))
            continue
        try:
            sunday = date.fromisocalendar(year, week, 7)
        except ValueError:
            continue
        if not m.group(3) and context.anchor is not None and sunday < context.anchor:
            try:
                sunday = date.fromisocalendar(year + 1, week, 7)
            except ValueError:
                continue
        found.append(_term(m, "calendar_week", sunday, window_start=sunday - dt.timedelta(days=6)))
    return found


_SCHOOL_YEAR = re.compile(
    r"\b(?:zum|bis\s+zum|zu\s+Beginn\s+des|(?:bis|spätestens)\s+(?:zum\s+)?(?:Beginn|Ende)\s+des|"
    r"zum\s+(?:Beginn|Ende)\s+des|spätestens\s+zum)\s+"
    r"(?:(?:ersten|zweiten|neuen|kommenden|nächsten|laufenden)\s+)?"
    r"(?:Schul(?:jahr(?:es)?(?:beginn|ende|start|anfang)?|jahresbeginn|jahresende|halbjahr(?:es)?|"
    r"beginn|start|anfang)"
    # the year of a day-care centre ("bis zum Kita-Jahr 2025/26", "zum Kindergartenjahr")
    r"|(?:Kita-?|Kindergarten|Krippen)jahr(?:es)?(?:beginn)?)\b"
    r"(?:\s+(20\d{2})\s*/\s*(\d{2,4}))?",
    _FLAGS,
)


def school_year(text: str, context: DateContext) -> list[Term]:
    """``zum Schuljahresbeginn 2025/26``, ``spätestens zum Beginn des zweiten
    Schulhalbjahres``: the school year differs by Land; kept without a date."""
    return [_term(m, "school_year", None, anchor="Schuljahr") for m in _SCHOOL_YEAR.finditer(text)]


# "tritt am Tage nach ihrer Bekanntmachung in Kraft": the statute's formula for its entry into
# force, an event without a date of its own
_AFTER_PUBLICATION = re.compile(
    r"\b(?:am|ab\s+dem|mit\s+dem)\s+Tage?\s+nach\s+(?:ihrer|seiner|der|deren|dessen)\s+"
    r"(?:(?:öffentlichen|ortsüblichen|amtlichen)\s+)?(?:Bekanntmachung|Verkündung|Veröffentlichung)\b",
    _FLAGS,
)


def after_publication(text: str, context: DateContext) -> list[Term]:
    """``am Tage nach ihrer Bekanntmachung``: an entry into force that hangs on the
    publication; no date."""
    return [
        _term(m, "after_publication", None, anchor="Bekanntmachung")
        for m in _AFTER_PUBLICATION.finditer(text)
    ]


_UNTIL_NOUN = re.compile(
    r"\bbis\s+(?:zur|zum)\s+(?:Klärung|Vorlage|Abschluss|Fertigstellung|Entscheidung|"
    r"Beschlussfassung|Umsetzung|Prüfung|Vorliegen|Eröffnung|Inbetriebnahme|"
    r"Ende\s+der\s+(?:laufenden\s+|aktuellen\s+|jetzigen\s+|nächsten\s+)?"
    r"(?:Wahlperiode|Legislaturperiode|Amtszeit|Sommerpause|\w*ferien))\b"
    r"(?:\s+(?:der|des|eines|einer|über\s+die|über\s+den)\s+[\w-]+){0,2}",
    _FLAGS,
)


_UNTIL_THEN = re.compile(r"\bbis\s+dahin\b", _FLAGS)


def until_then(text: str, context: DateContext) -> list[Term]:
    """``ist bis dahin zurückzustellen``: a limit that hangs on an event the text named
    before; no date, and weak (it binds only in a resolution or a mandate)."""
    return [
        _term(m, "until_then", None, anchor="event", weak=True) for m in _UNTIL_THEN.finditer(text)
    ]


def until_event(text: str, context: DateContext) -> list[Term]:
    """``bis zur Klärung der Finanzierung``, ``bis zum Ende der Wahlperiode``: a limit that
    hangs on an event; no date."""
    return [_term(m, "until_event", None, anchor="event") for m in _UNTIL_NOUN.finditer(text)]


_SOFT = re.compile(
    r"\b(?:zeitnah|umgehend|unverzüglich|baldmöglichst|schnellstmöglich|schnellstens|"
    r"kurzfristig|in\s+Kürze|möglichst\s+bald|so\s+bald\s+wie\s+möglich|sobald\s+wie\s+möglich|"
    r"alsbald|zügig|rechtzeitig|baldigst|ehestmöglich|frühestmöglich|schnellstmöglichst|"
    r"(?:zum|zu\s+einem)\s+(?:nächst|frühest|schnellst)möglichen\s+Zeitpunkt|"
    r"so\s+schnell\s+wie\s+möglich|so\s+zeitnah\s+wie\s+möglich|in\s+absehbarer\s+Zeit|"
    r"zu\s+gegebener\s+Zeit|"
    # "sofort in Kraft zu setzen", "sofort anzubieten": with an infinitive to do (not "ab
    # sofort", a start; not "sofortige", an adjective; not "sofort beantwortet", a record)
    r"(?<!ab\s)sofort(?=(?:\s+[\wäöüß-]+){0,6}?\s+(?:zu\s+[a-zäöüß]+en|[a-zäöüß]+zu[a-zäöüß]+en)"
    r"(?![\wäöüß]))|so\s+früh\s+wie\s+möglich|schnellstens|"
    r"(?:in|innerhalb)\s+(?:einer\s+)?angemessener\s+(?:Zeit|Frist)|"
    r"in\s+den\s+(?:kommenden|nächsten|folgenden)\s+(?:Tagen|Wochen|Monaten)|"
    # a week or months ahead of an undated text: "im Verlaufe der nächsten Woche", "in der
    # kommenden Woche", "noch in dieser Woche", "im Laufe der nächsten Monate", "demnächst"
    r"(?:im\s+(?:Ver)?[Ll]aufe?\s+|noch\s+in\s+|in\s+|bis\s+(?:Ende\s+)?)"
    r"(?:der\s+|den\s+)?(?:kommenden|nächsten|dieser)\s+(?:Woche|Wochen|Monate)|"
    r"(?:bis\s+)?(?:Ende\s+)?(?:nächste|nächster|kommende)\s+Woche|demnächst|"
    # in due time, of an answer or a report ("andere werden fristgerecht schriftlich
    # beantwortet"; not "fristgerecht eingeladen", a session's opening)
    r"fristgerecht(?=\s+(?:\S+\s+){0,2}?(?:beantwort\w*|Antwort|Beantwortung|vorgelegt|"
    r"vorzulegen|vorlegen|berichte\w*))|"
    # urgency as an adjective of the task: "eine schnelle Abarbeitung", "die zeitnahe Umsetzung"
    r"(?:zeitnahe|umgehende|unverzügliche|baldmöglichste|schnellstmögliche|kurzfristige|zügige|"
    # (any action noun: "die unverzügliche Nachrüstung", "eine zügige Umsetzung")
    # (with an adjective between: "um zeitnahe schriftliche Antwort")
    r"baldige|rasche|schnelle)[nrsm]?\s+(?:[a-zäöüß]+e[nrsm]?\s+)?(?:[A-ZÄÖÜ][a-zäöüß]+ung|"
    r"Vorlage|Information|Reparatur|Antwort|Stellungnahme|Auskunft|(?:Aus|Neu|Um|Rück)?[Bb]au|"
    r"Abriss|Beginn|Start|Abschluss))\b",
    _FLAGS,
)


def soft_term(text: str, context: DateContext) -> list[Term]:
    """``zeitnah``, ``umgehend``, ``baldmöglichst``: urgency without a date (anchor ``soft``)."""
    return [_term(m, "soft_term", None, anchor="soft") for m in _SOFT.finditer(text)]


_SEASONS: dict[str, tuple[int, int]] = {
    "frühjahr": (3, 5),
    "frühling": (3, 5),
    "sommer": (6, 8),
    "herbst": (9, 11),
    # a season's early or late part: its first or last month
    "frühsommer": (6, 6),
    "spätsommer": (8, 8),
    "frühherbst": (9, 9),
    "spätherbst": (11, 11),
}
_SEASON = re.compile(
    r"\b(?:(bis|spätestens)\s+(?:zum\s+|spätestens\s+|im\s+)?|im\s+)(?:(Ende|Anfang)\s+)?"
    r"(?:des\s+)?(Frühjahr|Frühling|Frühsommer|Spätsommer|Frühherbst|Spätherbst|Sommer|Herbst)s?\s+"
    + _YEAR,
    _FLAGS,
)


_SEASON_NO_YEAR = re.compile(
    r"\b(?:bis|spätestens)\s+(?:zum\s+|spätestens\s+|im\s+)?(?:(?:Ende|Anfang)\s+)?"
    r"(?:des\s+)?(?:(?:kommenden|nächsten)\s+)?(Frühjahr|Frühling|Sommer|Herbst|Winter)s?\b"
    r"(?!\s*(?:19|20)\d{2})",
    _FLAGS,
)


_SEASON_IN = re.compile(
    r"\bim\s+(?:(?:kommenden|nächsten)\s+)?(Frühjahr|Frühling|Frühsommer|Spätsommer|Frühherbst|"
    r"Spätherbst|Sommer|Herbst|Winter)\b"
    r"(?!\s*(?:19|20)\d{2})(?!\s+(?:des|der|letzten|vergangenen)\b(?!\s+(?:nächsten|kommenden|"
    r"laufenden)\b))",
    _FLAGS,
)


def season(text: str, context: DateContext) -> list[Term]:
    """``bis zum Herbst 2025``, ``spätestens im Frühjahr 2026``: the season's last month
    (meteorological). ``im Herbst 2025`` without ``bis`` is a weak point in time: it binds
    only where a sentence mandates an action."""
    found = []
    for m in _SEASON.finditer(text):
        first, last = _SEASONS[m.group(3).lower()]
        year = int(m.group(4))
        due, start = last_day(year, last), date(year, first, 1)
        found.append(_term(m, "season", due, window_start=start, weak=m.group(1) is None))
    # "bis (spätestens) Herbst": a limit whose year the text does not give; kept without a
    # date for a person to set. "im Herbst" without a year: weak, as "im Herbst 2025" (it
    # binds only where a sentence mandates an action). "im Herbst dieses Jahres", "bis zum
    # Frühjahr nächsten Jahres": the year by its relation to the document's.
    for weak, pattern in ((False, _SEASON_NO_YEAR), (True, _SEASON_IN)):
        for m in pattern.finditer(text):
            if any(t.start <= m.start() < t.end for t in found):
                continue
            named, end = _related_year(text, m, context, None)
            if named is None or m.group(1).lower() not in _SEASONS:  # a winter spans two years
                found.append(_term(m, "season", None, anchor="year", weak=weak))
                continue
            first, last = _SEASONS[m.group(1).lower()]
            due, start = last_day(named, last), date(named, first, 1)
            term = _term(m, "season", due, window_start=start, weak=weak)
            found.append(_widened(term, text, end))
    return found


_YEAR_ONLY = re.compile(
    r"\b(?:bis\s+(?:(?:spätestens|einschließlich|zum\s+Jahr|zum)\s+)?|spätestens\s+(?:bis\s+)?)"
    r"((?:19|20)\d{2})(?![\d/.-])",
    _FLAGS,
)


# "2010 bis 2013", "von 2019 bis 2023": the end of a span of years, not a limit.
_SPAN_START = re.compile(r"(?:19|20)\d{2}\s*(?:/\s*\d{2}\s*)?$")


def year_only(text: str, context: DateContext) -> list[Term]:
    """``bis 2025``, ``spätestens 2026``: the end of that year. ``2010 bis 2013`` is a span
    of years (a budget period, a programme), not a limit."""
    return [
        _term(m, "year_only", date(int(m.group(1)), 12, 31))
        for m in _YEAR_ONLY.finditer(text)
        if not _SPAN_START.search(text, max(0, m.start() - 12), m.start())
    ]


_YEAR_START = re.compile(
    r"\b(?:(?:bis\s+)?zu(?:m|\s+Beginn\s+des)\s+(Jahresbeginn|Jahresanfang|Beginn\s+des\s+Jahres)?"
    r"|(Anfang|Beginn)\s+(?:des\s+Jahres\s+)?|(Jahresbeginn|Jahresanfang)\s+)"
    r"(?(1)\s*|)" + _YEAR + r"(?![\d/.-])",
    _FLAGS,
)


def year_start(text: str, context: DateContext) -> list[Term]:
    """``zum Jahresbeginn 2025`` -> 1 January (a limit); ``Anfang 2025``, ``zu Beginn des
    Jahres 2025`` -> the first quarter, a weak point in time (it binds only in a mandate)."""
    found = []
    for m in _YEAR_START.finditer(text):
        year = int(m.group(4))
        lead = m.group(0).lower()
        if lead.startswith(("zum", "bis")) and m.group(1):
            found.append(_term(m, "year_start", date(year, 1, 1)))
        elif m.group(2) or m.group(3) or "beginn des" in lead:
            found.append(
                _term(m, "year_start", date(year, 3, 31), window_start=date(year, 1, 1), weak=True)
            )
    return found


_YEAR_POINT = re.compile(
    # "im Jahr 2025", "im Jahre 2025"
    r"\bim\s+Jahre?\s+" + _YEAR + r"(?![\d/.-])"
    # "soll 2024 folgen", "und 2023 ausschreiben": a year between a modal (or the ``und`` of a
    # list of tasks) and the verb
    r"|\b(?:soll|sollen|sollte|sollten|muss|müssen|wird|werden|und)\s+(?P<bare>(?:19|20)\d{2})"
    r"(?=\s+(?:zu\s+)?[a-zäöüß]{4,}(?:en|t)\b(?!\s+(?:bis|und|-)))",
    _FLAGS,
)


def year_point(text: str, context: DateContext) -> list[Term]:
    """``im Jahr 2025``, ``soll 2024 folgen``: the year as a weak point in time, due at its
    end. It binds only where a sentence mandates an action; elsewhere it describes."""
    found = []
    for m in _YEAR_POINT.finditer(text):
        bare = m.group("bare")
        year = int(m.group(1) or bare)
        start = m.start("bare") if bare else m.start()
        found.append(
            Term(
                start=start,
                end=m.end(),
                text=text[start : m.end()],
                rule="year_point",
                date=date(year, 12, 31),
                window_start=date(year, 1, 1),
                weak=True,
            )
        )
    return found


_AFTER = re.compile(
    r"\bnach\s+(?:Ablauf\s+(?:von\s+)?)?(" + _NUMBER + r")\s+(halben\s+)?" + r"(Tag(?:e|en|es)?|"
    r"Woche(?:n)?|Monat(?:e|en|s|es)?|Jahr(?:e|en|es)?)(?![a-zäöüß])"
    r"|\b(" + _NUMBER + r")\s+(Woche(?:n)?|Monate?|Jahre?)\s+nach\s+(?:dem\s+|der\s+|des\s+)?"
    r"([A-ZÄÖÜ][\w-]+)",
    _FLAGS,
)


def after_period(text: str, context: DateContext) -> list[Term]:
    """``nach Ablauf eines Jahres``, ``nach zwei Jahren``, ``zwei Jahre nach Inkrafttreten``:
    a period that runs from the decision (dated as ``relative_period``) or from an event the
    text names (no date, the event is kept)."""
    found = []
    for m in _AFTER.finditer(text):
        if m.group(1):
            amount, unit, event = _number(m.group(1)), m.group(3).lower(), None
            if m.group(2):  # "eines halben Jahres": six months
                amount, unit = 6 * amount if unit.startswith("jahr") else amount, "monat"
        else:
            if m.group(6)[:1].islower():  # "18 Monate nach dem offiziellen ...": no event named
                continue
            amount, unit, event = _number(m.group(4)), m.group(5).lower(), m.group(6)
        on_decision = event is None or _AFTER_DECISION.match(event) is not None
        start = context.decision_date if on_decision else None
        due = _after(start, unit[:3], amount) if start is not None else None
        anchor = None if due else ("Beschlussfassung" if on_decision else event)
        found.append(_term(m, "after_period", due, anchor=anchor))
    return found


_MONTH_SESSION = re.compile(
    r"\b(" + "|".join(m for m in MONTHS if len(m) >= 4 or m == "mai") + r")-?[Ss]itzung\b"
    r"(?:\s+(?:des\s+Jahres\s+)?" + _YEAR + r")?"
    # "auf die Sitzung im September 2025", "bis zur Sitzung des Bauausschusses im Mai 2025"
    r"|\b(?:auf|bis\s+zur|zur|in\s+der|in\s+die|für\s+die)\s+(?:\w+\s+)?[\w-]*[Ss]itzung"
    r"(?:\s+(?:des|der)\s+[\w-]+)?\s+im\s+(" + MONTH + r")\s+" + _YEAR,
    _FLAGS,
)


# An event's start or end set in a named month ("bis zum Beginn der Spielsaison im April 2024",
# "bis zum Saisonbeginn im September 2025", "vor Beginn der Badesaison im Mai 2025"): a limit in
# that month, its last day, as for a session in a named month.
_MONTH_EVENT = re.compile(
    r"\b(?:bis|vor|spätestens)\s+(?:zum\s+|zur\s+)?(?:(?:Beginn|Start|Ende|Anfang|Eröffnung)\s+"
    r"(?:der|des)\s+[\w-]+|[\w-]+(?:beginn|start))\s+im\s+(" + MONTH + r")\s+" + _YEAR,
    _FLAGS,
)


def month_event(text: str, context: DateContext) -> list[Term]:
    """``bis zum Beginn der Spielsaison im April 2024``: the named month's last day."""
    return [
        _term(m, "month_event", last_day(int(m.group(2)), month_number(m.group(1))))
        for m in _MONTH_EVENT.finditer(text)
    ]


def month_session(text: str, context: DateContext) -> list[Term]:
    """``in der Juni-Sitzung``, ``zur Septembersitzung``, ``auf die Sitzung im September 2025``:
    the month's last day, the year from the document where the text names none."""
    found = []
    for m in _MONTH_SESSION.finditer(text):
        if m.group(3):
            # "auf die Sitzung im September 2025": the named month and year
            month, named = month_number(m.group(3)), int(m.group(4))
            found.append(_term(m, "month_session", last_day(named, month)))
            continue
        month = month_number(m.group(1))
        year = int(m.group(2)) if m.group(2) else _year_for(month, None, context)
        due = last_day(year, month) if year is not None else None
        found.append(_term(m, "month_session", due, anchor=None if due else "year"))
    return found


#: The rules by name, in order of preference where two matches cover the same text.
_SESSION_OF_YEAR = re.compile(
    # "zur 1. Ratssitzung 2021", "in der ersten Sitzung des Jahres 2018"
    r"\b(?:zur|in\s+(?:der|seiner|ihrer)|bis\s+zur|vor\s+der)\s+"
    r"(?:\d{1,2}\.|ersten|zweiten|dritten|(?P<last>letzten))\s+"
    r"[\w-]*[Ss]itzung\s+(?:des\s+Jahres(?:\s+(?P<y1>(?:19|20)\d{2}))?|(?:im\s+Jahr(?:e)?\s+)?"
    r"(?P<y2>(?:19|20)\d{2}))\b(?![\d/-]|\.\d)",
    _FLAGS,
)


def session_of_year(text: str, context: DateContext) -> list[Term]:
    """``zur 1. Ratssitzung 2021``: a session counted in a year, an event without a date; the
    year's last session (``in der letzten Sitzung des Jahres 2025``) is held by the year's end."""
    found = []
    for m in _SESSION_OF_YEAR.finditer(text):
        year = m.group("y1") or m.group("y2")
        if m.group("last") and year:
            found.append(_term(m, "session_of_year", date(int(year), 12, 31)))
        else:
            found.append(_term(m, "session_of_year", None, anchor="Sitzung"))
    return found


_WEEKDAY = "(" + "|".join((*WEEKDAYS_DE, "Sonnabend")) + ")"
_WEEKDAY_TERM = re.compile(
    # "am kommenden Montag", "bis nächsten Freitag"
    r"\b(?:am\s+|bis\s+(?:zum\s+)?)?(kommenden|nächsten)\s+" + _WEEKDAY + r"\b"
    # "am Freitag dieser Woche", "Dienstag der kommenden Woche"
    r"|\b(?:am\s+|bis\s+(?:zum\s+)?)?" + _WEEKDAY + r"\s+(dieser|der\s+kommenden|kommender|"
    r"nächster|der\s+nächsten|der\s+folgenden)\s+Woche\b",
    _FLAGS,
)


def weekday(text: str, context: DateContext) -> list[Term]:
    """``am Freitag dieser Woche``, ``am kommenden Montag``: a day of the document's week or the
    next such day after the document's own date (no date where the document gives none)."""
    found = []
    own = context.own
    for m in _WEEKDAY_TERM.finditer(text):
        name = (m.group(2) or m.group(3)).capitalize().replace("Sonnabend", "Samstag")
        day = WEEKDAYS_DE.index(name)
        due = None
        if own is not None:
            if m.group(1):  # the next such day
                due = own + dt.timedelta(days=(day - own.weekday() - 1) % 7 + 1)
            else:
                ahead = 0 if m.group(4).lower() == "dieser" else 7
                due = own + dt.timedelta(days=day - own.weekday() + ahead)
        found.append(_term(m, "weekday", due, anchor=None if due else "weekday"))
    return found


RULES: dict[str, Rule] = {
    "period": period,
    "relative_period": relative_period,
    "half_year": half_year,
    "quarter": quarter,
    "quarter_code": quarter_code,
    "named_date": named_date,
    "numeric_date": numeric_date,
    "iso_date": iso_date,
    "us_date": us_date,
    "season": season,
    "year_end": year_end,
    "month_year": month_year,
    "numeric_month": numeric_month,
    "end_of_year": end_of_year,
    "mid_year": mid_year,
    "day_without_year": day_without_year,
    "month_without_year": month_without_year,
    "year_only": year_only,
    "year_start": year_start,
    "year_point": year_point,
    "after_period": after_period,
    "month_session": month_session,
    "month_event": month_event,
    "period_of_year": period_of_year,
    "relative_year": relative_year,
    "relative_month": relative_month,
    "year_period": year_period,
    "calendar_week": calendar_week,
    "school_year": school_year,
    "after_publication": after_publication,
    "event_anchor": event_anchor,
    "until_clause": until_clause,
    "until_event": until_event,
    "until_then": until_then,
    "soft_term": soft_term,
    "weekday": weekday,
    "session_of_year": session_of_year,
}


def single_year(text: str) -> int | None:
    """The year of every full date in ``text`` when they all agree (``bis zum Jahresende``
    in a paper whose dates are all of 2019 means 2019), else None."""
    empty = DateContext()
    years = {t.date.year for t in (*numeric_date(text, empty), *named_date(text, empty)) if t.date}
    return years.pop() if len(years) == 1 else None


#: The rules whose every match holds a digit (a day, a year, a week's number): a text
#: without one is not given to them (most sentences of a document name no date).
DIGIT_RULES = frozenset(
    {
        "period",
        "half_year",
        "quarter",
        "quarter_code",
        "named_date",
        "numeric_date",
        "iso_date",
        "us_date",
        "month_year",
        "numeric_month",
        "end_of_year",
        "day_without_year",
        "year_only",
        "year_start",
        "year_point",
        "year_period",
        "calendar_week",
    }
)
_DIGIT = re.compile(r"\d")


def find_terms(text: str, context: DateContext | None = None) -> list[Term]:
    """All deadline terms in ``text``, in reading order, overlaps resolved to the longest."""
    ctx = context or DateContext()
    digits = _DIGIT.search(text) is not None
    candidates = [
        (priority, term)
        for priority, (name, rule) in enumerate(RULES.items())
        if digits or name not in DIGIT_RULES
        for term in rule(text, ctx)
    ]
    candidates.sort(key=lambda c: (c[1].start - c[1].end, c[0], c[1].start))
    starts: list[int] = []  # the kept terms, disjoint and ordered by start
    kept: list[Term] = []
    for _, term in candidates:
        i = bisect.bisect_left(starts, term.start)
        if i > 0 and kept[i - 1].end > term.start:
            continue
        if i < len(kept) and kept[i].start < term.end:
            continue
        starts.insert(i, term.start)
        kept.insert(i, term)
    return kept


_RECURRENCES: tuple[tuple[Recurrence, re.Pattern[str]], ...] = (
    (
        "half-yearly",
        re.compile(
            r"halbjährlich|halbjährl\.|halbjährig|alle\s+(?:sechs|6)\s+Monate|"
            r"(?:des|eines)\s+jeweiligen\s+Halbjahr(?:e?s)?\b|zweimal\s+(?:jährlich|"
            r"im\s+Jahr|pro\s+Jahr)|jedes\s+Halbjahr|pro\s+Halbjahr",
            _FLAGS,
        ),
    ),
    (
        "quarterly",
        re.compile(
            r"quartalsweise|vierteljährlich|vierteljährl\.|quartalsmäßig|"
            r"(?:des|eines)\s+jeweiligen\s+Quartals\b|vierteljährig|jedes\s+Quartal|"
            r"pro\s+Quartal|(?:in\s+jedem|einmal\s+im)\s+Quartal|alle\s+(?:drei|3)\s+Monate",
            _FLAGS,
        ),
    ),
    (
        "monthly",
        re.compile(r"(?<![a-zäöüß])monatl(?:ich|\.)|jeden\s+Monat|einmal\s+im\s+Monat", _FLAGS),
    ),
    (
        "yearly",
        re.compile(
            r"(?<![a-zäöüß])(?:all)?jährl(?:ich|\.)|einmal\s+(?:im|pro)\s+Jahr|jedes\s+Jahr|"
            r"jeweils\s+zum\s+\d{1,2}\.\s?\d{1,2}\.\s+(?:eines|jedes)\s+Jahres|"
            r"jeweils\s+zu[mr]\s+(?:Jahresende|Jahresbeginn|Ende\s+des\s+Jahres|Jahresmitte)|"
            # (not "den Jahresbericht 2023": one year's report, delivered)
            r"Jahresbericht(?!e?s?\s+(?:für\s+)?(?:das\s+Jahr\s+)?(?:19|20)\d{2})|"
            r"(?:einen|in\s+einem)\s+jährlichen",
            _FLAGS,
        ),
    ),
    (
        "regular",
        re.compile(
            r"regelmäßig|fortlaufend|kontinuierlich|jeweils\s+zu\s+den\s+Sitzungen|"
            r"(?:zu|in)\s+jeder\s+(?:ordentlichen\s+|öffentlichen\s+)?Sitzung|jede[nr]?\s+(?:\d\.\s*|zweite[nr]?\s+|dritte[nr]?\s+)"
            r"\w*[Ss]itzung|laufend(?:e[nmrs]?)?\s+(?:zu\s+)?"
            r"(?:informier|berichte|unterricht)|in\s+regelmäßigen\s+Abständen|turnusmäßig|"
            # "informiert den Ausschuss laufend über den Sachstand"
            r"(?:informier|unterricht|berichte)\w*\s+(?:\S+\s+){0,3}?laufend\b|"
            r"auf\s+dem\s+Laufenden\s+(?:zu\s+halten|halten|hält)\b",
            _FLAGS,
        ),
    ),
)


def recurrence_of(text: str) -> Recurrence | None:
    """The cadence a report sentence asks for, or None when it names none (a single report).

    A named cadence wins over ``regelmäßig``; of several, the first one written (``im ersten
    Jahr vierteljährlich, im zweiten Jahr halbjährlich`` -> quarterly).
    """
    found: list[tuple[bool, int, Recurrence]] = []
    for recurrence, pattern in _RECURRENCES:
        m = pattern.search(text)
        if m:
            found.append((recurrence == "regular", m.start(), recurrence))
    return min(found)[2] if found else None


def review_of(term: Term) -> ReviewItem:
    if term.weak:
        return ReviewItem("weak_term", term.text, f"{term.rule}:weak")
    reason = "soft_term" if term.anchor == "soft" else "undated_term"
    return ReviewItem(reason, term.text, f"{term.rule}:{term.anchor or 'date'}")

"""Money amounts in euro: ``20.000 EUR``, ``135 Tsd. €``, ``1,5 Mio. Euro``, ``€ 3.500,50``."""

from __future__ import annotations

import re

from tracker.documents.text import one_of
from tracker.documents.vocabulary import NUMBER_WORDS

_SCALE = {
    "tsd": 1e3,
    "tausend": 1e3,
    "t": 1e3,
    "mio": 1e6,
    "mill": 1e6,
    "million": 1e6,
    "millionen": 1e6,
    "mrd": 1e9,
    "milliarde": 1e9,
    "milliarden": 1e9,
}
# Thousands grouped by dots or by (narrow) spaces: "3.500.000", "3 500 000" (a space only
# between groups of exactly three digits).
_NUMBER = (
    r"(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)"
    r"|\d+(?:\.\d{1,2}(?=\s*(?:Mio|Mrd|Millionen|Milliarden)))?)"
    # no cents written as dashes: "1.500,-", "30.000,– €", "109.000, -- EUR"
    r"(?:,(\d{1,3}|[ ]?[-–—]{1,2})|\.[-–—]{1,2})?"
)
_SCALE_WORD = r"(?:\s*(Tsd|Tausend|Mio|Mill|Millionen|Million|Mrd|Milliarden|Milliarde)\.?)?"
_AFTER = re.compile(
    r"(?<![\d.,])" + _NUMBER + _SCALE_WORD + r"\s*(?:(T)\s*)?(?:€(?:uro\b)?|EUR(?:O)?\b|Euro\b)",
    re.IGNORECASE,
)
# The unit and the number on one line: "Euro" ending a line is not a prefix to the next
# line's list number ("0,50 Euro\n2. für jedes ...").
_BEFORE = re.compile(
    r"(?:\b(T|Tsd\.?|Mio\.?|Mrd\.?)[^\S\n]*)?(?:€|\bEUR\b|\bEuro\b)(?:[^\S\n]*:)?[^\S\n]*"
    + _NUMBER
    + _SCALE_WORD
    + r"(?![\d.,]*\d)",
    re.IGNORECASE,
)
_YEARLIKE = re.compile(r"(?:19|20)\d{2}")
_PREFIX_SCALE = {"t": "tsd", "tsd": "tsd", "mio": "mio", "mrd": "mrd"}
# "15 - 20 Mio. €", "2,6 bis 3,1 Mio. €": the lower bound shares the upper bound's scale and unit.
_RANGE = re.compile(
    r"(?<![\d.,])"
    + _NUMBER
    # ("von 96 auf 120 Euro angehoben": a change's old value)
    + r"\s*(?:-|–|bis|und|auf)\s*(?="
    + _NUMBER
    + _SCALE_WORD
    + r"\s*(?:(T)\s*)?(?:€|EUR(?:O)?\b|Euro\b))",
    re.IGNORECASE,
)
_TEUR = re.compile(
    r"(?<![\d.,])" + _NUMBER + r"\s*(?:TEUR|T€|TEuro|kEUR|k€)(?!\w)"
    r"|\b(?:TEUR|TEuro)(?:[^\S\n]*:)?[^\S\n]*" + _NUMBER + r"(?![\d.,]*\d)",
    re.IGNORECASE,
)


def _value(whole: str, cents: str | None, scale: str | None) -> float:
    # "34.2 Mio.": a decimal point before a scale word, else dots separate thousands
    decimal = re.fullmatch(r"\d+\.\d{1,2}", whole) is not None
    value = float(whole) if decimal else float(re.sub(r"[.\s]", "", whole))
    if cents and cents.isdigit() and (scale or len(cents) <= 2):
        value += float(f"0.{cents}")
    if scale:
        value *= _SCALE[scale.lower()]
    return round(value, 2)


# A table whose columns are declared in euro once, in a header line: "- in € -", "Betrag in
# EUR", "Aufwand (in Euro)", or the unit alone for each column ("EUROEUROEURO"). Its cells
# carry no unit of their own.
_TABLE_UNIT = re.compile(
    r"^[^\S\n]*(?:[^\n]{0,40}?[-(][^\S\n]*)?in[^\S\n]*(?:€|(?:EUR|Euro)\b)[^\n]{0,20}$"
    r"|^[^\S\n]*(?:€|EURO?|Euro)(?:[^\S\n]*(?:€|EURO?|Euro))*[^\S\n]*$"
    # a header row naming its money column: "Maßnahme  Kosten (€)", "Jahr | Betrag EUR | Anteil",
    # "Position Betrag in Euro"
    r"|^(?=[^\n.]{0,80}$)[^\n]*?\b(?:Betrag|Kosten|Summe|Ansatz|Preis|Gesamt\w*|Zuschuss|"
    r"Mittel|Aufwand|Ertrag|Entgelt|Gebühr)\w*[^\S\n]*(?:\((?:€|EUR|Euro)\)|(?:in[^\S\n]+)?"
    r"(?:€|EUR\b|Euro\b))[^\n]*$",
    re.MULTILINE,
)
# A cell of such a table: a number with thousands separators ("3.500.000", "21.528,08"); cells
# an export ran together ("3.500.000175.0003.325.000") split at the end of each group.
_CELL = re.compile(r"(\d{1,3}(?:\.\d{3})+)(?:,(\d{2}))?")


def table_amounts(text: str) -> list[tuple[int, float]]:
    """The cells of tables declared in euro by a header line (see :data:`_TABLE_UNIT`)."""
    header = _TABLE_UNIT.search(text)
    if header is None:
        return []
    cells: list[tuple[int, float]] = []
    at, end = header.end(), -1
    while (m := _CELL.search(text, at)) is not None:
        # a cell starts a number, or starts right where the previous cell ended
        if m.start() != end and text[m.start() - 1] in "0123456789.,":
            at = m.start() + 1
            continue
        cells.append((m.start(), _value(m.group(1), m.group(2), None)))
        at = end = m.end()
    return cells


_MARK = re.compile(r"€|EUR|Euro", re.IGNORECASE)
#: How far around a currency mark an amount may stand ("2,6 bis 3,1 Mio. €", "€ 1.234,56").
_REACH = 60


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around its currency marks, merged, widened to whitespace
    (so that no number is cut): only there can an amount stand."""
    spans: list[tuple[int, int]] = []
    for m in _MARK.finditer(text):
        lo, hi = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


# A count of millions in words: "eine Million Euro", "zwei Millionen Euro".
_WORDED = re.compile(
    r"\b(" + one_of(NUMBER_WORDS) + r")\s+(Million(?:en)?|Milliarde(?:n)?)\s*(?:€|EUR\b|Euro\b)",
    re.IGNORECASE,
)


def find_amounts(text: str) -> list[float]:
    """Every euro amount in ``text``, in reading order, each value once (read only around
    the currency marks: a long text costs no more than its amounts)."""
    found: list[tuple[int, float]] = table_amounts(text)
    for lo, hi in _windows(text):
        found.extend((lo + at, value) for at, value in _marked(text[lo:hi]))
    values: list[float] = []
    for _, value in sorted(found):
        if value > 0 and value not in values:
            values.append(value)
    return values


def _marked(text: str) -> list[tuple[int, float]]:
    """The amounts written with a currency mark in ``text``, with their positions."""
    found: list[tuple[int, float]] = []
    for m in _AFTER.finditer(text):
        found.append((m.start(), _value(m.group(1), m.group(2), m.group(3) or m.group(4))))
    for m in _BEFORE.finditer(text):
        if _YEARLIKE.fullmatch(m.group(2)) and not m.group(3) and not m.group(4):
            continue  # "in T€ 2023 2024", "EUR 2025": a table header's years
        prefix = _PREFIX_SCALE.get((m.group(1) or "").lower().rstrip("."))
        found.append((m.start(), _value(m.group(2), m.group(3), m.group(4) or prefix)))
    for m in _RANGE.finditer(text):
        if _YEARLIKE.fullmatch(m.group(1)) and not m.group(2):
            continue  # "im Jahr 2013 auf 200.756,23 EUR": a year, not a lower bound
        scale = m.group(5) or m.group(6)
        found.append((m.start(), _value(m.group(1), m.group(2), scale)))
    for m in _WORDED.finditer(text):
        scale = 1e6 if m.group(2).lower().startswith("million") else 1e9
        found.append((m.start(), NUMBER_WORDS[m.group(1).lower()] * scale))
    for m in _TEUR.finditer(text):
        whole, cents = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if not m.group(1) and _YEARLIKE.fullmatch(whole) and not cents:
            continue
        found.append((m.start(), _value(whole, cents, "tsd")))
    return found

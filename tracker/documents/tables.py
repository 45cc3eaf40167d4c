"""Tables in a document's text: cells between bars or tabs (``Drs. | Beschluss | Betreff |
Termin``). A table aligned with spaces (a PDF's text layer) reaches them with tabs between its
cells (:func:`tracker.documents.text.normalize`).

A table is found by its header row (the caller says which header it wants); its rows are read
cell by cell, a row wrapped over several lines as one. What a table's cells mean is the
caller's business (:mod:`tracker.documents.obligations` reads follow-up lists).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tracker.documents.text import squash

# A line that only rules the table ("-----", "|---|---|", "+===+").
_RULE_LINE = re.compile(r"^[\s|:+=-]*-{3,}[\s|:+=-]*$")


@dataclass(frozen=True)
class Table:
    """A table's column names, its rows (one cell per column, a wrapped row joined) and its
    lines as written (header and rows, stripped), which prose readers skip."""

    header: list[str]
    rows: list[list[str]]
    lines: frozenset[str]


def bar_cells(line: str) -> list[str]:
    """A table row's cells, between bars or tabs (an empty cell kept in its place)."""
    return [c.strip() for c in re.split(r"[|\t]", line)]


def column(cells: list[str], name: re.Pattern[str], besides: int = -1) -> int | None:
    """The index of the first cell that names the column (not the one ``besides``)."""
    return next((i for i, c in enumerate(cells) if name.search(c) and i != besides), None)


def find_table(
    lines: list[str], wanted: Callable[[list[str]], bool], within: int = 40
) -> Table | None:
    """The first table among the first ``within`` lines whose header row is ``wanted``."""
    for index, line in enumerate(lines[:within]):
        if "|" not in line and "\t" not in line:
            continue  # no cells: no table's header
        cells = bar_cells(line)
        if len(cells) >= 3 and wanted(cells):
            return _bar_table(lines, index, cells)
    return None


def _bar_table(lines: list[str], start: int, header: list[str]) -> Table:
    width = len(header)
    first = next(i for i, c in enumerate(header) if c)  # the first named column
    rows: list[list[str]] = []
    table = {lines[start].strip()}
    for line in lines[start + 1 :]:
        if _RULE_LINE.match(line) or not line.strip():
            continue
        row = bar_cells(line)
        if len(row) < width - 1 or len(row) > width + 1:
            break  # the table ended
        table.add(line.strip())
        row += [""] * (width - len(row))
        if rows and not row[first] and any(row):
            # a row wrapped onto the next line (its first column empty): one row
            rows[-1] = [squash(f"{a} {b}") for a, b in zip(rows[-1], row, strict=False)]
        elif any(row):
            rows.append(row)
    return Table(header, rows, frozenset(table))

"""Rendering listings for people and programs: aligned tables, JSON, JSON lines and CSV.

CSV cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) are prefixed with an apostrophe; councillors open CSV files
in spreadsheet programs, and titles come from documents.

CSV comes in two dialects (:class:`CsvDialect`), chosen per command with ``--excel``
(``console.options.Excel``, which sets it for the command's output): plain (``,``, ISO
dates, UTF-8) for programs, and ``excel-de`` for a German Excel that opens the file with a
double click: ``;`` between cells, a UTF-8 byte order mark, ``\r\n`` line ends, dates as
``TT.MM.JJJJ`` (times as ``TT.MM.JJJJ HH:MM`` in Berlin time), decimal commas. Every
listing's CSV goes through :func:`render_csv`, so every command honours it.

Tables are at most :func:`terminal_width` wide: titles, phrases and names give way first
(:func:`fit_widths`, the widest first, with an ellipsis); references, dates and counts stay
whole (:data:`WHOLE`); when even that is too wide, the least needed columns are left out
(:data:`DROP_FIRST`), and only then is everything shortened.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from events.values import to_jsonable
from tracker.clock import german_date, german_datetime
from tracker.errors import InputError


class Format(StrEnum):
    """Output formats offered by listings."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not evaluate as a formula."""
    text = "" if value is None else str(to_jsonable(value))
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class CsvDialect(StrEnum):
    """How CSV is written: for programs, or for a German Excel."""

    PLAIN = "plain"
    EXCEL_DE = "excel-de"


#: The CSV dialect of the running command (``--excel`` sets it; plain otherwise).
CSV_DIALECT: ContextVar[CsvDialect] = ContextVar("csv_dialect", default=CsvDialect.PLAIN)

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def check_csv_dialect(fmt: str) -> None:
    """``--excel`` goes with ``--format csv`` only (bad input otherwise)."""
    if CSV_DIALECT.get() is CsvDialect.EXCEL_DE and fmt != "csv":
        raise InputError(f"--excel needs --format csv (not {fmt})")


def excel_cell(value: object) -> str:
    """A cell for a German Excel: German dates, Berlin times, decimal commas."""
    if isinstance(value, datetime):
        return german_datetime(value)
    if isinstance(value, date):
        return german_date(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, int | bool):
        return str(value).lower() if isinstance(value, bool) else str(value)
    if isinstance(value, str):
        day = _ISO_DAY.match(value)
        if day:
            return f"{day[3]}.{day[2]}.{day[1]}"
        if _ISO_TIME.match(value):
            try:
                return excel_cell(datetime.fromisoformat(value))
            except ValueError:
                pass
    return neutralise_cell(value)


def render_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV with a header line, cells neutralised, in the command's dialect."""
    buffer = io.StringIO()
    if CSV_DIALECT.get() is CsvDialect.EXCEL_DE:
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([excel_cell(row.get(c)) for c in columns])
        return buffer.getvalue()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def render_json(document: Any) -> str:
    """Pretty JSON, UTF-8 kept readable."""
    return json.dumps(to_jsonable(document), ensure_ascii=False, indent=2)


def render_jsonl(rows: Iterable[Any]) -> str:
    """One compact JSON object per line."""
    return "".join(
        json.dumps(to_jsonable(row), ensure_ascii=False, separators=(",", ":")) + "\n"
        for row in rows
    )


def terminal_width() -> int | None:
    """The width tables must fit: ``COLUMNS`` when set, else the terminal's when standard
    output is one; None (no limit) when the output goes to a file or a pipe."""
    import os
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def fit_line(line: str, width: int | None) -> str:
    """A line of text shortened with an ellipsis to ``width`` (None: as it is)."""
    return line if width is None or len(line) <= width else line[: width - 1] + "…"


#: Columns that are never shortened while another can give way: references, dates, counts
#: and short codes are useless cut (``2025/BV/0…``, ``2025-06-…``).
WHOLE = frozenset(
    {
        "reference",
        "due",
        "original_due",
        "met_on",
        "days",
        "rag",
        "status",
        "position",
        "recorded",
        "effective",
        "version",
        "date",
        "item",
        "send_at",
        "stage",
        "deadline",
        "kind",
        "obligation",
        "late",
        "on",
        "event",
        "reason",
    }
)
#: Columns left out, in this order, when the table cannot fit with every column at its floor
#: (the title and the phrase stay: they say what the item is).
DROP_FIRST = ("initiator", "document", "recipient", "committee", "body", "office", "error")
#: What a column that gives way keeps before the last resort of shortening everything.
KEEP_FLEXIBLE = 8


def fit_widths(natural: Sequence[int], floors: Sequence[int], limit: int | None) -> list[int]:
    """Column widths that fit ``limit`` characters with two spaces between columns: the
    widest column gives up a character at a time, none below its floor; only when that is
    not enough do all give way. ``natural`` when it fits or there is no limit."""
    widths = list(natural)
    if limit is None:
        return widths
    excess = sum(widths) + 2 * (len(widths) - 1) - limit
    for floor in (floors, [min(w, 1) for w in widths]):
        while excess > 0:
            widest = max(range(len(widths)), key=lambda i: (widths[i] > floor[i], widths[i]))
            if widths[widest] <= floor[widest]:
                break
            widths[widest] -= 1
            excess -= 1
    return widths


def _floors(columns: Sequence[str], natural: Sequence[int]) -> list[int]:
    """What each column keeps before the last resort: all of it for :data:`WHOLE` columns,
    :data:`KEEP_FLEXIBLE` characters for titles, phrases and names."""
    return [
        n if c in WHOLE else min(n, KEEP_FLEXIBLE) for c, n in zip(columns, natural, strict=True)
    ]


def _droppable(columns: Sequence[str], natural: Sequence[int], limit: int | None) -> list[int]:
    """Indexes of the columns to keep: while the floors alone are wider than ``limit``, the
    next column of :data:`DROP_FIRST` is left out."""
    keep = list(range(len(columns)))
    if limit is None:
        return keep
    for name in DROP_FIRST:
        floors = _floors([columns[i] for i in keep], [natural[i] for i in keep])
        if sum(floors) + 2 * (len(floors) - 1) <= limit:
            break
        keep = [i for i in keep if columns[i] != name]
    return keep


def _cell(value: Any, width: int | None) -> str:
    text = "" if value is None else str(to_jsonable(value))
    text = " ".join(text.split())
    if width is not None and len(text) > width:
        text = text[: max(width - 1, 0)] + "…"
    return text


def stream_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    widths: Mapping[str, int],
    *,
    max_width: int = 48,
    width: int | None = None,
) -> Iterator[str]:
    """:func:`render_table` line by line for rows that do not fit in memory: the column
    widths are given (from what the caller knows of the values), not measured; each line is
    made when its row is read. Cells longer than their column are shortened, so that every
    line is as wide and fits ``width`` (default: :func:`terminal_width`)."""
    natural = [max(len(c), widths.get(c, 0)) for c in columns]
    sizes = fit_widths(natural, _floors(columns, natural), width or terminal_width())
    yield "  ".join(c.ljust(w) for c, w in zip(columns, sizes, strict=True)).rstrip() + "\n"
    yield "  ".join("-" * w for w in sizes) + "\n"
    for row in rows:
        cells = [_cell(row.get(c), min(max_width, w)) for c, w in zip(columns, sizes, strict=True)]
        yield "  ".join(v.ljust(w) for v, w in zip(cells, sizes, strict=True)).rstrip() + "\n"


def render_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    headers: Mapping[str, str] | None = None,
    max_width: int = 48,
    width: int | None = None,
) -> str:
    """An aligned plain-text table, at most ``width`` characters wide (default:
    :func:`terminal_width`): when it is wider, columns empty in every row are left out and
    long cells are shortened with an ellipsis, the widest columns first."""
    limit = width or terminal_width()
    names = list(columns)
    heads = [(headers or {}).get(c, c) for c in names]
    cells = [[_cell(row.get(c), max_width) for c in names] for row in rows]
    natural = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(heads)]
    if limit is not None and sum(natural) + 2 * (len(natural) - 1) > limit and cells:
        keep = [i for i in range(len(heads)) if any(r[i] for r in cells)]  # empty ones go
        keep = [
            keep[i] for i in _droppable([names[i] for i in keep], [natural[i] for i in keep], limit)
        ]
        names, heads = [names[i] for i in keep], [heads[i] for i in keep]
        natural = [natural[i] for i in keep]
        cells = [[r[i] for i in keep] for r in cells]
    widths = fit_widths(natural, _floors(names, natural), limit)
    cells = [[_cell(v, w) for v, w in zip(r, widths, strict=True)] for r in cells]
    heads = [_cell(h, w) for h, w in zip(heads, widths, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"

"""Rendering listings for people and programs: aligned tables, JSON, JSON lines and CSV.

CSV cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) are prefixed with an apostrophe; councillors open CSV files
in spreadsheet programs, and titles come from documents.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any

from events.values import to_jsonable


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


def render_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV with a header line, cells neutralised."""
    buffer = io.StringIO()
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


def _cell(value: Any, width: int | None) -> str:
    text = "" if value is None else str(to_jsonable(value))
    text = " ".join(text.split())
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def stream_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    widths: Mapping[str, int],
    *,
    max_width: int = 48,
) -> Iterator[str]:
    """:func:`render_table` line by line for rows that do not fit in memory: the column
    widths are given (from what the caller knows of the values), not measured; each line is
    made when its row is read. A longer cell widens its own line only."""
    sizes = [max(len(c), widths.get(c, 0)) for c in columns]
    yield "  ".join(c.ljust(w) for c, w in zip(columns, sizes, strict=True)).rstrip() + "\n"
    yield "  ".join("-" * w for w in sizes) + "\n"
    for row in rows:
        cells = [_cell(row.get(c), max_width) for c in columns]
        yield "  ".join(v.ljust(w) for v, w in zip(cells, sizes, strict=True)).rstrip() + "\n"


def render_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    headers: Mapping[str, str] | None = None,
    max_width: int = 48,
) -> str:
    """An aligned plain-text table; long cells are shortened with an ellipsis."""
    heads = [(headers or {}).get(c, c) for c in columns]
    cells = [[_cell(row.get(c), max_width) for c in columns] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(heads)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"

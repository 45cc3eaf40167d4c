"""Printing board answers: aligned tables for people, JSON and CSV for programs.

JSON is the documented schema (``docs/board-schema.md``); CSV has one line per item with the
item keys as header (the Sachstand flattened into ``progress_<key>`` columns) and
formula-like cells neutralised (:func:`console.render.output.render_csv`).
"""

from __future__ import annotations

from typing import Any

from console.render.output import check_csv_dialect, render_csv, render_json, render_table
from projections.queries import ITEM_KEYS, Page

TABLE_COLUMNS = (
    "reference", "office", "kind", "due", "status", "days", "rag", "title", "progress",
)  # fmt: skip
#: What an item's ``progress`` becomes in CSV: one column per key, ``progress_<key>``.
PROGRESS_KEYS = ("text", "reason", "next", "expected", "on", "by", "office")
CSV_KEYS = tuple(k for k in ITEM_KEYS if k != "progress") + tuple(
    f"progress_{k}" for k in PROGRESS_KEYS
)
STATS_COLUMNS = (
    "group",
    "name",
    "open",
    "overdue",
    "met_on_time",
    "met_late",
    "median_days_late",
)
MOTION_COLUMNS = ("obligation", "kind", "due", "original_due", "met_on", "status", "days")


def _days(item: dict[str, Any]) -> Any:
    for key, sign in (("days_overdue", "+"), ("days_late", "+"), ("days_until_due", "-")):
        if item.get(key) is not None:
            return f"{sign}{item[key]}" if item[key] else "0"
    return None


def csv_row(item: dict[str, Any]) -> dict[str, Any]:
    """An item with its Sachstand flattened into ``progress_<key>`` cells."""
    progress = item.get("progress") or {}
    return item | {f"progress_{k}": progress.get(k) for k in PROGRESS_KEYS}


def progress_line(item: dict[str, Any]) -> str | None:
    """The latest Sachstand in one line: day, text, reason for delay."""
    p = item.get("progress")
    if not p:
        return None
    return f"{p['on']}: {p['text']}" + (f" (late: {p['reason']})" if p["reason"] else "")


def render_page(page: Page, fmt: str) -> str:
    """A listing in ``table``, ``json`` or ``csv``."""
    check_csv_dialect(fmt)
    if fmt == "json":
        return render_json(page.as_json()) + "\n"
    if fmt == "csv":
        return render_csv([csv_row(item) for item in page.items], CSV_KEYS)
    rows = [item | {"days": _days(item), "progress": progress_line(item)} for item in page.items]
    text = render_table(rows, TABLE_COLUMNS)
    if page.total == 0:
        return text + "(none)\n"
    first = page.offset + 1 if page.items else page.offset
    shown = f"{first}-{page.offset + len(page.items)}" if page.items else "none"
    return text + f"{shown} of {page.total}\n"


def stats_rows(stats: dict[str, Any]) -> list[dict[str, Any]]:
    """The statistics flattened: one row per office and per committee."""
    rows: list[dict[str, Any]] = []
    for dim in ("office", "committee"):
        for group in stats[f"by_{dim}"]:
            rows.append({"group": dim, "name": group[dim]} | group)
    return rows


def render_stats(stats: dict[str, Any], fmt: str) -> str:
    """Statistics in ``table``, ``json`` or ``csv``."""
    check_csv_dialect(fmt)
    if fmt == "json":
        return render_json(stats) + "\n"
    rows = stats_rows(stats)
    if fmt == "csv":
        return render_csv(rows, STATS_COLUMNS)
    return render_table(rows, STATS_COLUMNS)


def render_motion_board(items: list[dict[str, Any]]) -> str:
    """The board section of ``tracker show``."""
    if not items:
        return "board: no obligations\n"
    rows = [
        item
        | {
            "obligation": item["obligation_id"]
            + (f"#{item['occurrence']}" if item["occurrence"] else ""),
            "days": _days(item),
        }
        for item in items
    ]
    return "board:\n" + render_table(rows, MOTION_COLUMNS)

"""Everything the ``tracker`` command prints, in one place.

::

    output.py     aligned tables, JSON, JSON lines, CSV (one implementation each)
    board.py      the board's listings and statistics, the board section of ``show``
    reminders.py  reminders, a dispatcher pass, the reminder section of ``show``
    __init__.py   a motion (``show``), an extraction, an ingest summary, files written,
                  and the one progress line on a terminal (:class:`StatusLine`)
"""

from __future__ import annotations

import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO, TypeVar
from uuid import UUID

from console.options import ExtractFormat
from console.render.output import (
    check_csv_dialect,
    fit_line,
    render_csv,
    render_json,
    render_jsonl,
    render_table,
    stream_table,
    terminal_width,
)
from tracker.clock import BERLIN
from tracker.errors import InputError

T = TypeVar("T")


class StatusLine:
    """One updating status line (``\\r``) on a terminal; nothing when ``stream`` is not one.

    Updates come at most every ``every`` seconds unless forced (the last one); a shorter
    line blanks out what is left of a longer one.
    """

    def __init__(self, stream: TextIO | None = None, *, every: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty()
        self.every = every
        self._last = 0.0
        self._width = 0

    def show(self, line: str, *, force: bool = False) -> None:
        """Replace the line (unless shown less than ``every`` seconds ago)."""
        now = time.monotonic()
        if not self.active or (not force and now - self._last < self.every):
            return
        self._last = now
        pad = max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()

    def finish(self) -> None:
        """End the line (a newline, if anything was shown)."""
        if self.active and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def counting(self, items: Iterable[T], label: str) -> Iterator[T]:
        """``items``, with ``label: N`` counting them on the line; ended afterwards."""
        count = 0
        for count, item in enumerate(items, 1):
            self.show(f"{label}: {count}")
            yield item
        if count:
            self.show(f"{label}: {count}", force=True)
        self.finish()

    def of_total(self, label: str, unit: str) -> Callable[[int, int], None] | None:
        """A ``(done, total)`` callback showing ``label: done of total unit`` (None when
        there is no terminal, so the work need not count)."""
        if not self.active:
            return None

        def show(done: int, total: int) -> None:
            self.show(f"{label}: {done:,} of {total:,} {unit}", force=done == total)

        return show


def progress(items: Iterable[T], label: str) -> Iterator[T]:
    """Items with a progress line on a terminal (nothing otherwise)."""
    return StatusLine().counting(items, label)


class SyncProgress(StatusLine):
    """The progress of an OParl sync on the status line (``oparl.sync.Progress``)."""

    def listed(self, body: str, list_name: str, seen: int) -> None:
        """Objects read from one list so far."""
        self.show(f"{body} {list_name}: {seen} objects read")

    def recording(self, body: str, done: int, total: int) -> None:
        """Papers recorded so far."""
        self.show(f"{body}: {done}/{total} papers recorded", force=done == total)

    def finished(self) -> None:
        """End the status line."""
        self.finish()


#: The columns of ``tracker log`` in table form: the motion by its reference, not its id.
LOG_COLUMNS = ("position", "recorded", "effective", "event", "reference")
#: References longer than this are shortened in the log table (it streams: widths are fixed).
LOG_REFERENCE_WIDTH = 20


class References:
    """The reference of each motion a log entry is about, for ``tracker log`` (which
    streams, so this holds only the most recent ``size`` motions): a registration names
    it, else ``first_event(motion_id)`` (the motion's registration) is read once."""

    def __init__(self, first_event: Callable[[UUID], Any], size: int = 4096) -> None:
        self.first_event = first_event
        self.size = size
        self._known: OrderedDict[UUID, str] = OrderedDict()

    def __call__(self, event: Any) -> str:
        mid = getattr(event, "motion", None) or event.originator_id
        found = self._known.get(mid)
        if found is None:
            registration = event if mid == event.originator_id else None
            if getattr(registration, "reference", None) is None:
                registration = self.first_event(mid)
            found = str(getattr(registration, "reference", None) or mid)
            self._known[mid] = found
            if len(self._known) > self.size:
                self._known.popitem(last=False)
        else:
            self._known.move_to_end(mid)
        return found


def log_table(
    entries: Iterable[Any], widths: dict[str, int], references: References
) -> Iterator[str]:
    """``tracker log`` as a table, line by line: the motion named by its reference."""
    rows = (
        e.as_row()
        | {
            "recorded": e.recorded.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M:%S"),
            "reference": references(e.event),
        }
        for e in entries
    )
    widths = widths | {"recorded": 19, "reference": LOG_REFERENCE_WIDTH}
    return stream_table(rows, LOG_COLUMNS, widths, max_width=LOG_REFERENCE_WIDTH * 4)


def write_file(path: str, data: bytes) -> None:
    """Write an output file; a failure is bad input naming the file."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None


def render_motion(view: dict[str, Any]) -> str:
    """The table form of ``show``."""
    decision = view["decision"]
    lines = [
        f"{view['reference']}  {view['title']}",
        f"body: {view['body']}   kind: {view['kind'] or '-'}   state: {view['state'] or '-'}",
        f"addressee: {view['addressee'] or '-'}   office: {view['office'] or '-'}",
        f"initiators: {', '.join(view.get('initiators') or []) or '-'}"
        + ("" if view.get("public", True) else "   non-public (nichtöffentlich)"),
        "decision: "
        + (
            f"{decision['outcome'].value} on {decision['date']} by {decision['committee']}"
            if decision
            else "-"
        ),
        f"status: {view['status']}",
    ]
    if view["completed_on"]:
        lines.append(f"completed on {view['completed_on']}: {view['completion_note'] or ''}")
    if view.get("done_on"):
        lines.append(f"reported done on {view['done_on']}: {view['completion_note'] or ''}")
    if view.get("closed_on"):
        lines.append(f"closed on {view['closed_on']} by {view['closed_by']}")
    if view["withdrawn_on"]:
        lines.append(f"withdrawn on {view['withdrawn_on']}")
    width = terminal_width()
    text = "\n".join(fit_line(line, width) for line in lines) + "\n\n"
    if view["deadlines"]:
        text += (
            render_table(
                view["deadlines"], ["id", "kind", "due", "original_due", "met_on", "phrase"]
            )
            + "\n"
        )
    explained = [
        d["explanation"]
        for d in [*view["deadlines"], *view.get("report_obligations", [])]
        if d.get("explanation")
    ]
    if explained:
        lang = view.get("lang", "en")
        heading = (
            "Wie die Fristen berechnet sind:"
            if lang == "de"
            else "how the due dates were computed:"
        )
        blocks = ["  " + e["text"][lang].replace("\n", "\n    ") for e in explained]
        text += heading + "\n" + "\n".join(blocks) + "\n\n"
    if view.get("progress"):
        text += (
            "progress (Sachstand):\n"
            + render_table(
                view["progress"], ["on", "by", "office", "text", "reason", "next", "expected"]
            )
            + "\n"
        )
    if view.get("reports"):
        text += (
            "reports received:\n"
            + render_table(view["reports"], ["date", "kind", "document", "obligation"])
            + "\n"
        )
    if view.get("answers"):
        text += (
            "answers (this document reports on):\n"
            + render_table(view["answers"], ["reference", "kind", "date", "phrase"])
            + "\n"
        )
    open_items = [r for r in view.get("review", []) if r["resolution"] is None]
    if open_items:
        text += "open for review:\n" + render_table(open_items, ["item", "reason", "phrase"]) + "\n"
    if "board" in view:
        from console.render.board import render_motion_board  # deferred: only `show` uses it

        text += render_motion_board(view["board"]) + "\n"
    if view.get("reminders"):
        from console.render.reminders import (
            render_motion_reminders,  # deferred: only `show` uses it
        )

        text += "reminders:\n" + render_motion_reminders(view["reminders"]) + "\n"
    history = [h | {"recorded": _berlin(h["recorded"])} for h in view["history"]]
    columns = ["version", "recorded", "effective", "event"]
    if view["history"] and "provenance" in view["history"][0]:  # show --history
        columns += ["provenance", "summary"]
    text += render_table(history, columns, max_width=60)
    return text


def _berlin(recorded: Any) -> Any:
    """A recorded time (ISO) in Berlin time, as every time a person reads."""
    from datetime import datetime

    if not isinstance(recorded, str):
        return recorded
    try:
        return datetime.fromisoformat(recorded).astimezone(BERLIN).isoformat()
    except ValueError:
        return recorded


def render_extraction(data: dict[str, Any], fmt: ExtractFormat) -> str:
    """One extraction as a JSON line or a short block for people."""
    if fmt is ExtractFormat.jsonl:
        return render_jsonl([data])
    decision = data["decision"]
    lines = [
        f"{data['file']}: {data['reference'] or '(no number; key ' + data['key'] + ')'}"
        f" ({data['kind'] or '?'}) {data['title'] or ''}",
        f"  body: {data['body'] or '-'}  state: {data['state'] or '-'}"
        f"  addressee: {data['addressee'] or '-'}",
        f"  decision: {decision['outcome'] + ' ' + str(decision['date']) if decision else '-'}",
    ]
    lines += [
        f"  deadline {d['date'] or '?'} ({d['kind']}, {d['rule']}): {d['text']}"
        for d in data["deadlines"]
    ]
    lines += [
        f"  report {r['recurrence']} due {r['due'] or '-'}: {r['text']}" for r in data["reports"]
    ]
    lines += [f"  review ({r['reason']}, {r['rule']}): {r['phrase']}" for r in data["review"]]
    lines += [f"  warning: {w}" for w in data["warnings"]]
    return "\n".join(lines) + "\n"


def render_summary(summary: dict[str, int], fmt: str, dry_run: bool) -> str:
    """The summary of ``ingest``."""
    if fmt == "json":
        return render_json(summary | {"dry_run": dry_run})
    verb = "would record" if dry_run else "recorded"
    return (
        f"{summary['documents']} document(s) read: {summary['motions_new']} new motion(s), "
        f"{summary['motions_updated']} updated, {summary['unchanged']} unchanged; "
        f"{verb} {summary['events']} event(s), {summary['deadlines']} deadline(s), "
        f"{summary['review']} item(s) for review; {summary['nothing_to_record']} with nothing "
        f"to record; {summary['warnings']} warning(s), {summary['failures']} failure(s)"
    )


REVIEW_COLUMNS = ["body", "reference", "item", "reason", "phrase", "document", "office"]


def render_reviews(rows: list[dict[str, Any]], fmt: str) -> str:
    """The open review queue as a table, JSON or CSV."""
    check_csv_dialect(fmt)
    if fmt == "json":
        return render_json(rows)
    if fmt == "csv":
        return render_csv(rows, [*REVIEW_COLUMNS, "rule", "title", "requested"])
    if not rows:
        return "nothing open for review\n"
    return render_table(rows, REVIEW_COLUMNS, max_width=60)

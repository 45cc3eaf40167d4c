"""Printing reminders and passes for ``tracker reminders`` and ``tracker notify``.

The JSON forms are stable: keys are only ever added. Send times are shown in Berlin time
(ISO 8601 with the offset), as they are configured.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from console.render.output import check_csv_dialect, render_csv, render_json, render_table
from notifiers.dispatcher import PassResult
from notifiers.queue import STATUSES, ReminderRow
from tracker.clock import BERLIN

REMINDER_COLUMNS = [
    "send_at", "status", "stage", "reference", "deadline", "due", "recipient", "late",
]  # fmt: skip
#: CSV has the key (what identifies a reminder to programs) and the title besides.
CSV_COLUMNS = [*REMINDER_COLUMNS, "key", "title", "error"]


def local_minute(iso: str) -> str:
    """``2015-03-17 08:00``: an ISO time with offset as Berlin wall-clock time, for tables."""
    return datetime.fromisoformat(iso).astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def reminder_rows(rows: Sequence[ReminderRow]) -> list[dict[str, Any]]:
    """JSON-ready reminders."""
    return [
        r.as_item()
        | {
            "send_at": r.send_at.astimezone(BERLIN).isoformat(),
            "late": r.late,
            "attempts": r.attempts,
            "message_id": r.message_id,
            "outcome_at": r.outcome_at,
            "error": r.error,
        }
        for r in rows
    ]


def render_reminders(rows: Sequence[ReminderRow], fmt: str) -> str:
    """``tracker reminders`` in table, json or csv form."""
    check_csv_dialect(fmt)
    data = reminder_rows(rows)
    if fmt == "json":
        return render_json({"total": len(data), "reminders": data})
    if fmt == "csv":
        return render_csv(data, CSV_COLUMNS)
    shown = [r | {"send_at": local_minute(r["send_at"])} for r in data]
    return render_table(shown, REMINDER_COLUMNS) + f"{len(data)} reminder(s) (Berlin time)\n"


def render_pass(result: PassResult, fmt: str, *, dry_run: bool) -> str:
    """``tracker notify``: each message sent (or that would be sent) and the counts."""
    if fmt == "json":
        return render_json(
            {
                "dry_run": dry_run,
                "counts": dict(sorted(result.counts.items())),
                "messages": [m.as_json() for m in result.messages],
                "skipped": [
                    {"key": k, "reason": r, "item": result.labels.get(k)} for k, r in result.skipped
                ],
                "unavailable": dict(sorted(result.unavailable.items())),
                "held": [
                    {"key": k, "item": result.labels.get(k), "until": until.astimezone(BERLIN)}
                    for k, until in sorted(result.held.items())
                ],
            }
        )
    verb = "would send" if dry_run else "sent"
    lines = []
    label = result.labels.get
    for m in result.messages:
        state = verb if m.status in {"sent", "dry-run"} else m.status
        error = f" ({m.error})" if m.error else ""
        lines.append(f"{state}: {m.channel} to {m.recipient}: {m.subject}{error}")
        lines += [f"  {label(key, key)}" for key in m.keys]
    for key, reason in result.skipped:
        into = reason.removeprefix("coalesced into ")
        said = (
            f"coalesced into {label(into, into).rsplit(' ', 1)[-1]}" if into != reason else reason
        )
        lines.append(f"skipped: {label(key, key)}: {said}")
    if result.held:
        first = min(result.held.values()).astimezone(BERLIN)
        lines.append(
            f"held: {len(result.held)} late reminder(s) until the next send time on a working "
            f"day, {first:%a %d.%m.%Y %H:%M} Berlin time ([reminders] catch_up)"
        )
    counts = ", ".join(f"{k} {v}" for k, v in sorted(result.counts.items())) or "nothing due"
    lines.append(counts)
    return "\n".join(lines) + "\n"


# -- for ``tracker show`` and ``tracker stats`` ---------------------------------------------

MOTION_COLUMNS = ["deadline", "stage", "send_at", "status", "recipient", "late", "error"]


def motion_reminders_view(rows: Sequence[ReminderRow]) -> list[dict[str, Any]]:
    """A motion's reminders for ``tracker show --format json`` (key ``"reminders"``)."""
    return [
        {
            "key": r.key,
            "deadline": r.deadline_id,
            "nominal_due": r.nominal_due.isoformat(),
            "stage": r.stage,
            "send_at": r.send_at.astimezone(BERLIN).isoformat(),
            "status": r.status,
            "recipient": r.recipient,
            "late": r.late,
            "message_id": r.message_id,
            "error": r.error,
        }
        for r in rows
    ]


def render_motion_reminders(view: Sequence[dict[str, Any]]) -> str:
    """The reminders block of ``tracker show`` from :func:`motion_reminders_view`; permanent
    failures are named first."""
    if not view:
        return ""
    lines = [
        f"reminder to {r['recipient']} failed for good ({r['stage']}, {r['deadline']}): "
        f"{r['error']}"
        for r in view
        if r["status"] == "failed"
    ]
    rows = [r | {"send_at": local_minute(r["send_at"])} for r in view]
    return "\n".join([*lines, render_table(rows, MOTION_COLUMNS)])


def reminder_stats(counts: dict[str, int]) -> dict[str, int]:
    """Reminder counts for ``tracker stats`` (key ``"reminders"``): every status, zeros
    included, so that ``failed`` is always present, and ``retrying`` (planned, after a
    failed delivery)."""
    return {s: int(counts.get(s, 0)) for s in (*STATUSES, "retrying")}

"""The documents both fronts show for one motion (``tracker show --format json`` and the web's
``/api/motions/{id}`` and motion page): one assembly, so the two cannot drift apart."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bootstrap import Bootstrap
    from tracker.motion import Motion


def motion_document(
    c: Bootstrap,
    motion: Motion,
    events: list[Any],
    *,
    history: bool = False,
    known_at: str | None = None,
) -> tuple[dict[str, Any], str | None]:
    """A motion's facts, its history (``history``: both times, provenance and summaries of
    every event), its board rows and (live only) its reminders; and the replay's note."""
    # deferred: the views load the aggregate and eventsourcing (decision 0010)
    from console.render.reminders import motion_reminders_view
    from tracker import audit
    from tracker.views import history_view, motion_view

    rows = audit.history_rows(events) if history else history_view(events)
    view = motion_view(motion, c.settings.rules) | {"history": rows}
    board, note = c.board_known(known_at)
    view["board"] = board.motion(motion.id)
    if known_at is None:
        view["reminders"] = motion_reminders_view(c.reminders.for_motion(motion.id))
    return view, note

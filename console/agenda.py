"""Commands of a committee's session: the list tabled there (agenda-list) and moving a
session (sessions move)."""

from __future__ import annotations

from typing import Annotated

import typer

from console.app import boot, group
from console.options import parse_day

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()
sessions_app = group("The session calendar ([deadlines.sessions]).")


@sessions_app.command("move")
def sessions_move(
    ctx: typer.Context,
    committee: Annotated[str, typer.Option(help="The committee, as in [deadlines.sessions].")],
    old: Annotated[str, typer.Option("--from", help="The session's day as planned.")],
    new: Annotated[str, typer.Option("--to", help="The day it moved to.")],
    reason: Annotated[str | None, typer.Option(help="Why (default: 'Sitzung verlegt').")] = None,
) -> None:
    """A session moved: due dates anchored on it ("in der nächsten Sitzung") move with it."""
    c = boot(ctx)
    day, to = parse_day(old, "--from"), parse_day(new, "--to")
    why = reason or f"Sitzung {committee} verlegt vom {day:%d.%m.%Y} auf den {to:%d.%m.%Y}"
    moved = c.service.move_session(
        c.board.open_on(day), committee=committee, old=day, new=to, reason=why
    )
    for reference, deadline_id in moved:
        typer.echo(f"{reference} {deadline_id}: due {to} ({why})")
    typer.echo(f"{len(moved)} due date(s) moved")

"""Commands of a committee's session: the list tabled there (agenda-list), following the
session calendar (sessions follow) and moving a session (sessions move)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from console.app import boot, group
from console.options import Excel, parse_day
from console.render import write_file

if TYPE_CHECKING:
    from bootstrap import Bootstrap

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()
sessions_app = group("The session calendar ([deadlines.sessions]).")


class AgendaFormat(StrEnum):
    pdf = "pdf"
    xlsx = "xlsx"
    csv = "csv"
    html = "html"


@commands.command("agenda-list")
def agenda_list(
    ctx: typer.Context,
    committee: Annotated[str, typer.Option(help="The committee whose list it is.")],
    session: Annotated[str, typer.Option(help="The day of the session (statuses for it).")],
    since: Annotated[
        str | None, typer.Option(help="Also what changed after this day (the last session).")
    ] = None,
    fmt: Annotated[
        AgendaFormat,
        typer.Option("--format", help="pdf, xlsx, csv (with --excel for a German Excel), html."),
    ] = AgendaFormat.pdf,
    excel: Excel = False,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write (default: standard out).")
    ] = None,
    public: Annotated[
        bool | None,
        typer.Option("--public/--non-public", help="Only public (or only non-public) motions."),
    ] = None,
) -> None:
    """The list tabled at a committee's session: its open motions with Sachstand, reasons
    for delay and proposed closures, German headings."""
    from console.render.output import check_csv_dialect  # deferred: as the listings do
    from tracker.agenda import build_agenda, write  # deferred: only this command needs it

    check_csv_dialect(fmt.value)
    if output is None and fmt in (AgendaFormat.pdf, AgendaFormat.xlsx):
        raise typer.BadParameter("a PDF or XLSX needs --output FILE", param_hint="--output")
    c = boot(ctx)
    day, after = parse_day(session, "--session"), parse_day(since, "--since")
    items, states = c.board.agenda(committee, day, public)
    agenda = build_agenda(items, states, committee=committee, session=day, since=after)
    data = write(agenda, "csv-excel" if excel else fmt.value)
    if output is None:
        typer.echo(data.decode("utf-8-sig"), nl=False)
        return
    write_file(output, data)
    typer.echo(f"{output}: {len(agenda.rows)} motion(s), {len(agenda.changes)} change(s)")


@sessions_app.command("follow")
def sessions_follow(ctx: typer.Context) -> None:
    """Move due dates anchored on a next session to it as the calendar now has it (sessions
    moved or added in [deadlines.sessions] or in the synced OParl meetings)."""
    moved = follow_sessions(boot(ctx))
    for reference, deadline_id, day in moved:
        typer.echo(f"{reference} {deadline_id}: due {day}")
    typer.echo(f"{len(moved)} due date(s) moved")


def follow_sessions(c: Bootstrap) -> list[tuple[str, str, date]]:
    """Move the open due dates anchored on a next session to it as the calendar now has it
    (``sessions follow``, and ``tracker run`` after each sync pass and on its schedule)."""
    return c.service.follow_sessions(c.board.open_session_terms())


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

"""The board's commands: overdue, due, stats, calendar, and rebuilding the read models."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from console.app import boot
from console.options import BoardFormat, Excel, KnownAt, ListFormat, parse_day
from console.render import StatusLine, write_file

if TYPE_CHECKING:
    from bootstrap import BoardAnswers
    from projections.queries import Filters

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()

BodyFilter = Annotated[str | None, typer.Option("--body", help="Only this council body.")]
CommitteeFilter = Annotated[str | None, typer.Option(help="Only this committee.")]
OfficeFilter = Annotated[str | None, typer.Option(help="Only this office (Federführung).")]
KindFilter = Annotated[str | None, typer.Option(help="completion, report or event.")]
StatusFilter = Annotated[
    str | None,
    typer.Option(
        "--status",
        help="Only motions with this status: not_started, in_progress, deferred, "
        "done_reported, closed, withdrawn.",
    ),
]
RagFilter = Annotated[str | None, typer.Option("--rag", help="Only red, amber or green.")]
StaleFilter = Annotated[
    bool, typer.Option("--stale", help="Only motions without a Sachstand for long (180 days).")
]
AsOf = Annotated[str | None, typer.Option("--as-of", help="As it stood on this date.")]
Limit = Annotated[int, typer.Option(min=1, max=10000, help="At most this many rows.")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many rows.")]


def filters(
    body: str | None,
    committee: str | None,
    office: str | None,
    kind: str | None,
    status: str | None = None,
    rag: str | None = None,
    stale: bool = False,
) -> Filters:
    """The listing's filters."""
    from projections.queries import Filters  # deferred: the other commands need no queries

    return Filters(body, committee, office, kind, status, rag, stale)


def answering(ctx: typer.Context, known_at: str | None) -> BoardAnswers:
    """The live board, or the one replayed ``--known-at`` (its note on standard error)."""
    board, note = boot(ctx).board_known(known_at)
    if note:
        typer.echo(f"tracker: note: {note}", err=True)
    return board


@commands.command()
def overdue(
    ctx: typer.Context,
    fmt: BoardFormat = ListFormat.table,
    excel: Excel = False,
    body: BodyFilter = None,
    committee: CommitteeFilter = None,
    office: OfficeFilter = None,
    kind: KindFilter = None,
    status: StatusFilter = None,
    rag: RagFilter = None,
    stale: StaleFilter = False,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    known_at: KnownAt = None,
) -> None:
    """List overdue obligations, most overdue first."""
    from console.render.board import render_page  # deferred: see filters()

    found = filters(body, committee, office, kind, status, rag, stale)
    page = answering(ctx, known_at).overdue(found, parse_day(as_of, "--as-of"), limit, offset)
    typer.echo(render_page(page, fmt.value), nl=False)


@commands.command()
def due(
    ctx: typer.Context,
    within: Annotated[int, typer.Option(min=0, help="Days ahead (today included).")] = 14,
    fmt: BoardFormat = ListFormat.table,
    excel: Excel = False,
    body: BodyFilter = None,
    committee: CommitteeFilter = None,
    office: OfficeFilter = None,
    kind: KindFilter = None,
    status: StatusFilter = None,
    rag: RagFilter = None,
    stale: StaleFilter = False,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    known_at: KnownAt = None,
) -> None:
    """List open obligations due within DAYS days, soonest first."""
    from console.render.board import render_page  # deferred: see filters()

    found = filters(body, committee, office, kind, status, rag, stale)
    page = answering(ctx, known_at).due(within, found, parse_day(as_of, "--as-of"), limit, offset)
    typer.echo(render_page(page, fmt.value), nl=False)


@commands.command()
def stats(
    ctx: typer.Context,
    fmt: BoardFormat = ListFormat.table,
    excel: Excel = False,
    body: BodyFilter = None,
    committee: CommitteeFilter = None,
    office: OfficeFilter = None,
    kind: KindFilter = None,
    as_of: AsOf = None,
    known_at: KnownAt = None,
) -> None:
    """Per office and committee: open, overdue, met on time, met late, median days late."""
    from console.render.board import render_stats  # deferred: see filters()

    found = filters(body, committee, office, kind)
    result = answering(ctx, known_at).stats(found, parse_day(as_of, "--as-of"))
    if known_at is None and fmt.value == "json":
        from console.render.reminders import (
            reminder_stats,  # deferred: only the JSON form counts them
        )

        result["reminders"] = reminder_stats(boot(ctx).reminders.counts())
    typer.echo(render_stats(result, fmt.value), nl=False)


@commands.command()
def calendar(
    ctx: typer.Context,
    office: OfficeFilter = None,
    committee: CommitteeFilter = None,
    body: BodyFilter = None,
    kind: KindFilter = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write.")] = None,
) -> None:
    """Write an iCalendar (RFC 5545) feed of open due dates, e.g. per office or committee."""
    c = boot(ctx)
    data = c.board.calendar(filters(body, committee, office, kind), c.settings.clock.now())
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        write_file(output, data)


@commands.command()
def rebuild(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="One read model: board or reminders (default: all).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes that share the work (SQLite). Default: one per CPU, up to 4,"
            " and one per 50,000 events.",
        ),
    ] = None,
) -> None:
    """Rebuild read models from the log."""
    line = StatusLine()
    applied = boot(ctx).rebuild(
        name, progress=line.of_total("Rebuilding", "events"), workers=workers
    )
    line.finish()
    typer.echo(f"rebuilt {name or 'all read models'} from {applied} event(s)")

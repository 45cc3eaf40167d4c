"""The root of the ``tracker`` command: global options, the bootstrap, errors as exit codes.

Each command parses its arguments, calls one service and prints. Exit codes: 0 success,
1 a domain error (unknown motion, a rule violated), 2 bad input or usage. Errors are one
line on standard error, never a traceback.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer._click.core import Context as ClickContext
from typer.core import TyperGroup

from bootstrap import Bootstrap
from tracker import logs as tracker_logs
from tracker.errors import TrackerError


class TrackerGroup(TyperGroup):
    """Turns the tracker's errors into one line and an exit code."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            typer.echo(f"tracker: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


def group(help: str) -> typer.Typer:
    """A command group (``tracker deadline ...``) with the tracker's error handling."""
    return typer.Typer(cls=TrackerGroup, no_args_is_help=True, help=help)


app = typer.Typer(
    cls=TrackerGroup,
    no_args_is_help=True,
    add_completion=False,
    help="Track the deadlines and report duties that councils set their administrations.",
)


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(help="SQLite folder or file, or a postgresql:// URL (TRACKER_DB)."),
    ] = None,
    now: Annotated[
        str | None,
        typer.Option(help="Replace the clock: ISO date-time, Berlin time if no zone."),
    ] = None,
    config: Annotated[
        str | None, typer.Option(help="TOML configuration file (TRACKER_CONFIG).")
    ] = None,
    log_level: Annotated[
        str, typer.Option(help="debug, info, warning, error.", envvar="TRACKER_LOG_LEVEL")
    ] = "warning",
) -> None:
    """Track council deadlines."""
    tracker_logs.configure(log_level)
    ctx.obj = Bootstrap(db=db, now=now, config=config)
    ctx.call_on_close(ctx.obj.close)


def boot(ctx: typer.Context) -> Bootstrap:
    """The command's bootstrap (made by :func:`root`; the environment is read there once)."""
    found: Bootstrap = ctx.obj
    return found

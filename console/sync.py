"""``tracker sync``: follow an OParl system."""

from __future__ import annotations

from typing import Annotated

import typer

from console.app import boot
from console.options import TableOrJson
from console.render import SyncProgress
from console.render.output import render_json

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()


@commands.command()
def sync(
    ctx: typer.Context,
    system_url: Annotated[str, typer.Argument(metavar="SYSTEM_URL", help="OParl System URL.")],
    body: Annotated[str | None, typer.Option(help="Only this body (id or short name).")] = None,
    full: Annotated[bool, typer.Option("--full", help="Read all, not only changes.")] = False,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="table or json.")] = (
        TableOrJson.table
    ),
) -> None:
    """Follow an OParl system: record new and changed papers, decisions and deadlines."""
    from oparl import sync_system  # deferred: httpx and the sync are not small

    c = boot(ctx)
    done = sync_system(
        c.settings,
        c.service,
        system_url,
        body=body,
        full=full,
        progress=SyncProgress(),
        db=c.store,
    )
    typer.echo(render_json(done.as_json()) if fmt == "json" else done.render_text(), nl=False)
    raise typer.Exit(1 if done.incomplete else 0)

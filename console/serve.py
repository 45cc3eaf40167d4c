"""``tracker serve``: the web front and the HTTP API (the ``web`` package) under uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from tracker.errors import InputError

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()


@commands.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8080,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (PostgreSQL: several).")
    ] = 1,
) -> None:
    """Serve the board, the motion pages, the forms and /api/ over HTTP (German pages)."""
    # deferred: only this command needs the server and the web front
    import uvicorn

    from web.app import create_app

    options = ctx.find_root().params
    if workers > 1:
        if not str(options.get("db") or os.environ.get("TRACKER_DB", "")).startswith("postgresql"):
            raise InputError("--workers above 1 needs a PostgreSQL store (--db postgresql://...)")
        for key in ("db", "now", "config"):  # the worker processes read them from here
            if options.get(key):
                os.environ[f"TRACKER_{key.upper()}"] = str(options[key])
        uvicorn.run(
            "web.app:create_app", factory=True, host=host, port=port, workers=workers,
            log_level="warning", proxy_headers=False, server_header=False,
        )  # fmt: skip
        return
    app = create_app(db=options.get("db"), now=options.get("now"), config=options.get("config"))
    typer.echo(f"serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(
        app, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False
    )

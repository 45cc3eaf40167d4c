"""``tracker serve``: the web front and the HTTP API (the ``web`` package) under uvicorn."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated

import typer

from console.app import boot
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


@commands.command("sachstand-link")
def sachstand_link(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    office: Annotated[str, typer.Option(help="The office the link is for.")],
    reminder: Annotated[str, typer.Option(help="The reminder it goes with.")] = "manual",
    days: Annotated[int, typer.Option(min=1, max=90, help="Days it stays valid.")] = 14,
    body: Annotated[str | None, typer.Option(help="The council body, if ambiguous.")] = None,
) -> None:
    """Print a signed link to the web form for an office's Sachstand (one use, expiring;
    needs TRACKER_WEB_SECRET)."""
    from datetime import timedelta

    # deferred: only this command signs links
    from tracker.links import sign_link
    from web.context import WebSettings

    c = boot(ctx)
    motion = c.service.find(reference, body)
    expires = c.settings.clock.now() + timedelta(days=days)
    token = sign_link(
        c.settings.web_secret or "", motion_id=motion.id, office=office, reminder=reminder,
        expires=expires,
    )  # fmt: skip
    base = WebSettings.from_settings(c.settings).base_url
    typer.echo(f"{base}/sachstand/{token}")


def serve_beside(ctx: typer.Context, host: str, port: int) -> Callable[[], None]:
    """Start the web front in a thread of this process (``tracker run --serve-port``);
    returns what stops it."""
    # deferred: only a service that hosts the web front needs it
    import threading

    import uvicorn

    from web.app import create_app

    options = ctx.find_root().params
    app = create_app(db=options.get("db"), now=options.get("now"), config=options.get("config"))
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", proxy_headers=False,
        server_header=False,
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="web", daemon=True)
    thread.start()

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    return stop

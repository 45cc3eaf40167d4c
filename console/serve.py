"""``tracker serve``: the web front and the HTTP API (the ``web`` package) under uvicorn."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from console.app import boot
from tracker.errors import InputError

if TYPE_CHECKING:
    import uvicorn

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()


@commands.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port, printed).")
    ] = 8080,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (PostgreSQL: several).")
    ] = 1,
) -> None:
    """Serve the board, the motion pages, the forms and /api/ over HTTP (German pages)."""
    # deferred: only this command needs the server and the web front
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    options = ctx.find_root().params
    if workers > 1:
        if not str(options.get("db") or os.environ.get("TRACKER_DB", "")).startswith("postgresql"):
            raise InputError("--workers above 1 needs a PostgreSQL store (--db postgresql://...)")
        for key in ("db", "now", "config"):  # the worker processes read them from here
            if options.get(key):
                os.environ[f"TRACKER_{key.upper()}"] = str(options[key])
        config = uvicorn.Config(
            "web.app:create_app", factory=True, host=host, port=port, workers=workers,
            log_level="warning", proxy_headers=False, server_header=False,
        )  # fmt: skip
    else:
        config = _app_config(ctx, host, port)
    sock = listen(host, port)
    typer.echo(f"serving on http://{host}:{sock.getsockname()[1]}/ (Ctrl-C stops)", err=True)
    try:
        if workers > 1:
            Multiprocess(config, sockets=[sock]).run()
        else:
            uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()


def _app_config(ctx: typer.Context, host: str, port: int) -> uvicorn.Config:
    """uvicorn's configuration for the web front in this process, on the root options' store,
    clock and configuration."""
    # deferred: only serving needs the server and the web front
    import uvicorn

    from web.app import create_app

    options = ctx.find_root().params
    app = create_app(db=options.get("db"), now=options.get("now"), config=options.get("config"))
    return uvicorn.Config(
        app, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False
    )


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (0: a free port the system picks), so that the port
    is ours before it is announced; a taken or unknown address is a clear error."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)  # the worker processes serve it too
    return sock


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

    from tracker.logs import get_logger

    config = _app_config(ctx, host, port)
    sock = listen(host, port)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, args=([sock],), name="web", daemon=True)
    thread.start()
    get_logger().info("web_serving", url=f"http://{host}:{sock.getsockname()[1]}/")

    def stop() -> None:
        server.should_exit = True
        thread.join(10)
        sock.close()

    return stop

"""The ASGI application of ``tracker serve``: routes, security headers, errors.

Every endpoint runs its work in a worker thread (the store's drivers are synchronous) with
one :class:`bootstrap.Bootstrap` for the request. Bad input is a 400 with a German message
(JSON under ``/api/``), a refusal a 403, something not there (or not public) a 404.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from web import api, pages
from web.accounts import PUBLIC
from web.context import Web
from web.render import render

STATIC = Path(__file__).parent / "static"

#: Sent with every answer. No script runs anywhere (no inline script, no script files).
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGI = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` (and HSTS when served over HTTPS) to every answer, and
    ``Server-Timing: app;dur=MS``: the time the answer took inside the server (bench/)."""

    def __init__(self, app: ASGI, *, https: bool) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        if https:
            self.headers.append((b"strict-transport-security", b"max-age=31536000"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        start = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                took = f"app;dur={(time.perf_counter() - start) * 1000:.2f}".encode()
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in self.headers if k not in present),
                    (b"server-timing", took),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _answer(request: Request, status: int, title: str, message: str) -> Response:
    """An error as a German page, or as JSON under ``/api/``."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status)
    html = render("error.html", title=title, message=message, user=PUBLIC, csrf="",
                  request_path=request.url.path)  # fmt: skip
    return HTMLResponse(html, status)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _answer(request, 404, "Nicht gefunden", "Diese Seite gibt es nicht.")


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return _answer(request, 405, "Nicht möglich", "Diese Anfrage ist hier nicht vorgesehen.")


async def _server_error(request: Request, exc: Exception) -> Response:
    return _answer(request, 500, "Fehler", "Ein Fehler im Server; er ist protokolliert.")


#: Requests worked on at once (worker threads): more only contend for the interpreter.
WORKER_THREADS = 8


@asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    import anyio.to_thread  # deferred: the server's thread pool exists once it runs

    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    yield


def create_app(
    *, db: str | None = None, now: str | None = None, config: str | None = None
) -> Starlette:
    """The application over the store ``db`` with the clock ``now`` and the file ``config``
    (the global options of ``tracker``); the settings are read once, here."""
    web = Web(db=db, now=now, config=config)
    routes = [
        *pages.routes(web),
        *api.routes(web),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    handlers = {404: _not_found, 405: _not_allowed, 500: _server_error}
    app = Starlette(routes=routes, lifespan=_lifespan, exception_handlers=handlers)
    app.state.web = web
    app.add_middleware(SecurityHeaders, https=web.web.base_url.startswith("https://"))
    return app


__all__ = ["create_app"]

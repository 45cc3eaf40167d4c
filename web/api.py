"""The HTTP API under ``/api/``: the CLI's JSON documents, over HTTP.

The listings answer with exactly what ``tracker overdue|due|stats --format json`` prints
(``docs/board-schema.md``), made by the same functions; ``/api/motions/{id}`` with what
``tracker show --format json`` prints (:func:`console.views.motion_document`). Writes take
an API token (``Authorization: Bearer ...``, from ``tracker user token NAME``) and run the
same service commands as the CLI, the token's user as provenance. Errors are
``{"error": "..."}`` (German) with 400, 401, 403, 404 or 409.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from console.render.output import render_json
from projections.queries import KINDS, MAX_LIMIT, RAG, Filters
from tracker.errors import InputError, NotFound, RuleViolation
from tracker.state import MOTION_STATUSES
from web import params as p
from web.accounts import PUBLIC, Accounts, User
from web.context import Web
from web.params import BadRequest, Conflict, Forbidden, Gone

if TYPE_CHECKING:
    from bootstrap import Bootstrap

LISTING = ("body", "committee", "office", "initiator", "public", "kind", "status", "rag",
           "stale", "as_of", "limit", "offset")  # fmt: skip


class Unauthorized(Exception):
    """No valid API token where one is needed."""


@dataclass
class ApiCall:
    """One API request."""

    web: Web
    request: Request
    c: Bootstrap
    user: User
    body: Any = None

    @property
    def query(self) -> dict[str, str]:
        return dict(self.request.query_params)


ApiHandler = Callable[[ApiCall], Response]


def _json(document: Any, status: int = 200) -> Response:
    return Response(render_json(document) + "\n", status, media_type="application/json")


def _error(message: str, status: int) -> Response:
    return JSONResponse({"error": message}, status)


def endpoint(web: Web, handler: ApiHandler) -> Callable[[Request], Awaitable[Response]]:
    async def run(request: Request) -> Response:
        body: Any = None
        if request.method == "POST":
            raw = await request.body()
            try:
                body = json.loads(raw) if raw else None
            except (ValueError, UnicodeDecodeError):
                return _error("Der Inhalt ist kein gültiges JSON.", 400)
        return await run_in_threadpool(_serve, web, handler, request, body)

    return run


def _serve(web: Web, handler: ApiHandler, request: Request, body: Any) -> Response:
    with web.open() as c:
        call = ApiCall(web, request, c, PUBLIC, body)
        try:
            accounts = Accounts(c.store)
            token_user = web.bearer(request, accounts)
            if request.headers.get("authorization") and token_user is None:
                raise Unauthorized()
            call.user = token_user or web.user(request, accounts)[0]
            return handler(call)
        except Unauthorized:
            return _error("Anmeldung nötig: ein gültiges API-Token (Authorization: Bearer).", 401)
        except BadRequest as exc:
            return _error(str(exc), 400)
        except Forbidden as exc:
            return _error(str(exc), 403)
        except Conflict as exc:
            return _error(str(exc), 409)
        except (Gone, NotFound):
            return _error("Nicht gefunden (oder nicht öffentlich).", 404)
        except InputError as exc:
            return _error(f"Ungültige Eingabe: {exc}", 400)
        except RuleViolation as exc:
            return _error(f"Nicht möglich: {exc}", 409)
        finally:
            if call.c is not c:
                call.c.close()


def _names(q: Mapping[str, str], allowed: tuple[str, ...]) -> None:
    """Known parameter names, none of them empty (an API caller leaves a filter out)."""
    p.check_names(q, allowed)
    for name, value in q.items():
        if not value.strip():
            raise BadRequest(f"Der Parameter „{name}“ ist leer.")


def _filters(q: Mapping[str, str], user: User) -> Filters:
    from web.pages import scoped  # the one rule of what a user sees

    def one_of(name: str, allowed: tuple[str, ...]) -> str | None:
        value = q.get(name) or None
        if value is not None and value not in allowed:
            raise BadRequest(
                f"Unbekannter Wert „{value}“ für {name}; möglich: {', '.join(allowed)}."
            )
        return value

    stale, public = q.get("stale", "false"), q.get("public")
    for name, flag in (("stale", stale), ("public", public)):
        if flag not in ("true", "false", None):
            raise BadRequest(f"{name} muss true oder false sein, nicht „{flag}“.")
    filters = Filters(
        body=q.get("body") or None,
        committee=q.get("committee") or None,
        office=q.get("office") or None,
        kind=one_of("kind", KINDS),
        status=one_of("status", MOTION_STATUSES),
        rag=one_of("rag", RAG),
        stale=stale == "true",
        initiator=q.get("initiator") or None,
        public=None if public is None else public == "true",
    )
    return scoped(user, filters)


def _known(call: ApiCall, filters: Filters) -> None:
    from web.pages import check_known  # one check for pages and API

    call.c.board.catch_up()
    check_known(filters, call.c.board.queries.values())


def overdue(call: ApiCall) -> Response:
    q = call.query
    _names(q, LISTING)
    filters = _filters(q, call.user)
    _known(call, filters)
    as_of = p.day(q.get("as_of"), "as_of")
    limit = p.whole(q.get("limit"), "limit", 50, 1, MAX_LIMIT)
    offset = p.whole(q.get("offset"), "offset", 0, 0, 10**9)
    return _json(call.c.board.overdue(filters, as_of, limit, offset).as_json())


def due(call: ApiCall) -> Response:
    q = call.query
    _names(q, (*LISTING, "within"))
    filters = _filters(q, call.user)
    _known(call, filters)
    within = p.whole(q.get("within"), "within", 14, 0, 3660)
    as_of = p.day(q.get("as_of"), "as_of")
    limit = p.whole(q.get("limit"), "limit", 50, 1, MAX_LIMIT)
    offset = p.whole(q.get("offset"), "offset", 0, 0, 10**9)
    return _json(call.c.board.due(within, filters, as_of, limit, offset).as_json())


def stats(call: ApiCall) -> Response:
    q = call.query
    _names(q, ("body", "committee", "office", "initiator", "public", "kind", "as_of"))
    filters = _filters(q, call.user)
    _known(call, filters)
    return _json(call.c.board.stats(filters, p.day(q.get("as_of"), "as_of")))


def _motion(call: ApiCall) -> Any:
    from web.pages import visible  # the one rule of what a user sees

    try:
        mid = UUID(str(call.request.path_params["motion_id"]))
    except ValueError:
        raise Gone() from None
    motion = call.c.service.get(mid)
    visible(call.user, motion)
    return motion


def motion(call: ApiCall) -> Response:
    from console.views import motion_document  # deferred: loads the aggregate's views

    m = _motion(call)
    view, _ = motion_document(call.c, m, call.c.service.history(m.id))
    return _json(view)


def stale(reference: str) -> str:
    """The answer to a write based on an older version (checked before, and atomically with
    the write by the store)."""
    return f"{reference} wurde inzwischen geändert; nichts gespeichert."


def progress(call: ApiCall) -> Response:
    """Record a Sachstand (``tracker progress``) with an API token."""
    if call.user.name is None or call.request.headers.get("authorization") is None:
        raise Unauthorized()
    m = _motion(call)
    if not call.user.may_write(m.office):
        raise Forbidden("Dieses Token darf diesen Vorgang nicht ändern (andere Federführung).")
    body = call.body
    if not isinstance(body, dict):
        raise BadRequest("Erwartet wird ein JSON-Objekt mit mindestens „text“.")
    unknown = set(body) - {"text", "reason", "next", "expected", "on", "version"}
    if unknown:
        raise BadRequest(f"Unbekanntes Feld „{sorted(unknown)[0]}“.")
    if any(v is not None and not isinstance(v, str) for k, v in body.items() if k != "version"):
        raise BadRequest("Die Felder sind Texte (Daten als JJJJ-MM-TT).")
    version = body.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise BadRequest("version ist eine ganze Zahl.")
    if version is not None and version != m.version:
        return _error(stale(m.reference), 409)
    from tracker.service import StaleVersion  # deferred: the listings need no event classes

    text = p.text(body, "text", "text") or ""
    p.check_open(m)
    c = call.c = call.web.bootstrap(call.user)
    try:
        change = c.service.report_progress(
            m.id,
            on=p.day(body.get("on"), "on") or c.today(),
            text=text,
            reason=p.text(body, "reason", "reason", required=False),
            next_step=p.text(body, "next", "next", required=False),
            expected=p.day(body.get("expected"), "expected"),
            expected_version=version,
        )
    except StaleVersion:
        return _error(stale(m.reference), 409)
    return _json({"motion_id": str(m.id), "appended": change.appended,
                  "version": change.motion.version}, 201)  # fmt: skip


def openapi(call: ApiCall) -> Response:
    from web.openapi import document  # deferred: only this answer needs it

    return JSONResponse(document(call.web.web.base_url))


def healthz(call: ApiCall) -> Response:
    call.c.store.query("SELECT 1")
    return JSONResponse({"status": "ok"})


def routes(web: Web) -> list[Route]:
    """The API's routes."""

    def route(path: str, handler: ApiHandler, method: str = "GET") -> Route:
        return Route(path, endpoint(web, handler), methods=[method])

    return [
        route("/api/overdue", overdue),
        route("/api/due", due),
        route("/api/stats", stats),
        route("/api/motions/{motion_id}", motion),
        route("/api/motions/{motion_id}/progress", progress, "POST"),
        route("/openapi.json", openapi),
        route("/healthz", healthz),
    ]

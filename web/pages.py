"""The HTML pages and forms (German), each a thin function of one request.

Reading works without signing in (public items only) and without JavaScript. Writes need a
signed-in user allowed to make them, the form's CSRF token and the version of the motion
the form was made from (a form based on a stale version says so instead of overwriting).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from projections.queries import Filters, Page
from tracker.errors import InputError, NotFound, RuleViolation
from tracker.state import initiator_key
from web import params as p
from web import uploads
from web.accounts import Accounts, AuthError, Links, TooManyAttempts, User
from web.context import CSRF_COOKIE, SESSION_COOKIE, Web, csrf_ok, new_csrf
from web.params import (
    BadRequest,
    Conflict,
    Forbidden,
    Gone,
    check_after_decision,
    check_open,
    de_day,
)
from web.render import render

if TYPE_CHECKING:
    from bootstrap import Bootstrap
    from tracker.links import LinkClaim
    from tracker.motion import Motion

#: The largest document an upload may carry.
MAX_UPLOAD = 20 * 1024 * 1024


class StaleForm(Exception):
    """The form was made from an older version of the motion: nothing is written."""


@dataclass
class Call:
    """One request, as a page function sees it."""

    web: Web
    request: Request
    c: Bootstrap
    user: User
    csrf: str
    form: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    @property
    def query(self) -> dict[str, str]:
        return dict(self.request.query_params)

    def arg(self, name: str) -> str:
        return str(self.request.path_params[name])

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = render(template, user=self.user, csrf=self.csrf, request_path=self.path, **context)
        return HTMLResponse(html, status_code=status)

    @property
    def path(self) -> str:
        return self.request.url.path

    def writer(self) -> Bootstrap:
        """A bootstrap that records as the signed-in user (closed with the request)."""
        c = self.web.bootstrap(self.user)
        self.c.close()
        self.c = c
        return c


Handler = Callable[[Call], Response]


def endpoint(
    web: Web, handler: Handler, *, write: bool = False
) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint around ``handler``: the form read, the user found, the CSRF token checked,
    the work done in a worker thread, errors turned into German pages."""

    async def run(request: Request) -> Response:
        form: dict[str, str] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.method == "POST":
            async with request.form(max_files=1, max_fields=50) as data:
                for key, value in data.multi_items():
                    if isinstance(value, UploadFile):
                        files[key] = (
                            value.filename or "dokument",
                            await value.read(MAX_UPLOAD + 1),
                        )
                    else:
                        form[key] = value
        return await run_in_threadpool(_serve, web, handler, request, form, files, write)

    return run


def _serve(
    web: Web,
    handler: Handler,
    request: Request,
    form: dict[str, str],
    files: dict[str, tuple[str, bytes]],
    write: bool,
) -> Response:
    cookie_csrf = request.cookies.get(CSRF_COOKIE)
    with web.open() as c:
        call = Call(web, request, c, _anonymous(), cookie_csrf or new_csrf(), form, files)
        try:
            user, session_csrf = web.user(request, Accounts(c.store))
            call.user = user
            if session_csrf is not None:
                call.csrf = session_csrf
            if request.method == "POST":
                expected = session_csrf or cookie_csrf
                if not csrf_ok(expected, form.get("csrf")):
                    raise Forbidden(
                        "Das Formular ist ungültig oder abgelaufen (Sicherheits-Token fehlt"
                        " oder stimmt nicht). Bitte laden Sie die Seite neu."
                    )
            if write and call.user.name is None:
                return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
            response = handler(call)
        except BadRequest as exc:
            response = call.page("error.html", 400, title="Ungültige Anfrage", message=str(exc))
        except Forbidden as exc:
            response = call.page("error.html", 403, title="Nicht erlaubt", message=str(exc))
        except (Gone, NotFound):
            response = call.page(
                "error.html", 404, title="Nicht gefunden",
                message="Diese Seite gibt es nicht, oder sie ist nicht öffentlich.",
            )  # fmt: skip
        except StaleForm as exc:
            response = call.page("error.html", 409, title="Inzwischen geändert", message=str(exc))
        except Conflict as exc:
            response = call.page("error.html", 409, title="Nicht möglich", message=str(exc))
        except TooManyAttempts:
            response = call.page(
                "login.html", 429, title="Anmelden", next_url="/", name=form.get("name", ""),
                error="Zu viele Fehlversuche. Bitte warten Sie 15 Minuten.",
            )  # fmt: skip
        except AuthError:
            response = call.page(
                "login.html", 401, title="Anmelden", error="Name oder Passwort ist falsch.",
                next_url=_safe_next(form.get("next")), name=form.get("name", ""),
            )  # fmt: skip
        except (InputError, RuleViolation) as exc:
            # the checks above say the usual refusals in German; the rest names the rule
            response = call.page(
                "error.html", 400 if isinstance(exc, InputError) else 409,
                title="Nicht möglich",
                message="Das geht in diesem Stand des Vorgangs nicht; nichts wurde gespeichert."
                f" (Technische Angabe: {exc})",
            )  # fmt: skip
        if call.c is not c:
            call.c.close()
    if cookie_csrf is None and call.user.name is None:
        response.set_cookie(
            CSRF_COOKIE, call.csrf, httponly=True, samesite="strict",
            secure=web.web.secure_cookies, path="/",
        )  # fmt: skip
    response.headers.setdefault("cache-control", "no-store")
    return response


def _anonymous() -> User:
    from web.accounts import PUBLIC

    return PUBLIC


# -- who sees what ------------------------------------------------------------------------


def visible(user: User, motion: Motion) -> None:
    """Raise :class:`Gone` when ``user`` may not see ``motion`` (a public visitor, a
    non-public motion)."""
    if not user.sees_all and not motion.is_public:
        raise Gone()


def scoped(user: User, filters: Filters) -> Filters:
    """The filters a listing runs with for ``user``: public visitors see public items only."""
    return filters if user.sees_all else replace(filters, public=True)


def load_motion(call: Call) -> Motion:
    """The motion named in the path, if this user may see it (else 404)."""
    try:
        mid = UUID(call.arg("motion_id"))
    except ValueError:
        raise Gone() from None
    motion = call.c.service.get(mid)
    visible(call.user, motion)
    return motion


# -- the board ----------------------------------------------------------------------------


def _values(call: Call) -> dict[str, list[str]]:
    call.c.board.catch_up()
    return call.c.board.queries.values()


def check_known(filters: Filters, values: Mapping[str, list[str]]) -> None:
    """Refuse (German) a filter value the board has never seen."""
    for name, value in filters.active():
        if name != "kind" and value not in values.get(name, []):
            raise BadRequest(f"Unbekannter Wert „{value}“ für {p.FILTER_NAMES[name]}.")
    if filters.initiator is not None:
        key = initiator_key(filters.initiator)
        if not key or not any(key in initiator_key(n) for n in values.get("initiator", [])):
            raise BadRequest(f"Kein Antragsteller enthält „{filters.initiator}“.")


def _listing(call: Call, **fixed: str) -> tuple[p.Listing, Page, dict[str, list[str]]]:
    q = p.listing(call.query, page_size=call.web.web.page_size, **fixed)
    values = _values(call)
    check_known(q.filters, values)
    filters = scoped(call.user, q.filters)
    b = call.c.board
    if q.overdue:
        page = b.overdue(filters, q.as_of, q.limit, q.offset)
    else:
        page = b.due(q.within, filters, q.as_of, q.limit, q.offset)
    return q, page, values


def board(call: Call) -> Response:
    q, page, values = _listing(call)
    return call.page(
        "board.html", title="Fristen", q=q, page=page, values=values,
        params=call.query, pages=_pages(page),
    )  # fmt: skip


def _pages(page: Page) -> int:
    return max(1, -(-page.total // page.limit))


def _group_filter(dimension: str, name: str) -> Filters:
    return Filters(office=name) if dimension == "office" else Filters(committee=name)


def group(dimension: str) -> Handler:
    """The page of one office or committee: its listing and its statistics."""

    def handler(call: Call) -> Response:
        name = call.arg("name")
        if name not in _values(call).get(dimension, []):
            raise Gone()
        q, page, values = _listing(call, **{dimension: name})
        stats = call.c.board.stats(scoped(call.user, _group_filter(dimension, name)), q.as_of)
        title = ("Federführung " if dimension == "office" else "Gremium ") + name
        return call.page(
            "group.html", title=title, name=name, dimension=dimension, q=q, page=page,
            values=values, params=call.query, pages=_pages(page), stats=stats,
        )  # fmt: skip

    return handler


# -- one motion ---------------------------------------------------------------------------


def motion_page(call: Call) -> Response:
    from console.views import motion_document  # deferred: loads the aggregate's views

    motion = load_motion(call)
    events = call.c.service.history(motion.id)
    from tracker.explain import explain_motion, render  # deferred: only this page

    view, _ = motion_document(call.c, motion, events, history=True)
    documents = _documents(events)
    rules = call.c.settings.rules
    explained = {e.obligation_id: render(e, "de") for e in explain_motion(motion, rules)}
    service = call.c.service
    answered_by = [
        r | {"link": _linked(call, motion, [
            mid for mid in service.ids_for_reference(r["document"])
            if service.answered_target(motion.reference, service.get(mid).body) == motion.id
        ])}
        for r in view["reports"]
        if r["document"]
    ]  # fmt: skip
    answers = [
        a | {"link": _linked(call, motion, [t] if t else [])}
        for a in view["answers"]
        for t in [service.answered_target(a["reference"], motion.body)]
    ]
    return call.page(
        "motion.html", title=f"{motion.reference}: {motion.title}", m=view,
        explained=explained, public=motion.is_public, events=events,
        reviews=[r for r in view["review"] if r["resolution"] is None],
        answered_by=answered_by, answers=answers,
        documents=documents, may_write=call.user.may_write(motion.office),
        may_review=call.user.may_review,
        may_close=call.user.role == "administrator", today=call.c.today(),
    )  # fmt: skip


def _linked(call: Call, motion: Motion, ids: list[UUID]) -> str | None:
    """The id of the first of ``ids`` (another motion, linked as the ingest links a report
    with what it answers) this user may see; None when there is none."""
    for mid in ids:
        if mid != motion.id and (call.user.sees_all or call.c.service.get(mid).is_public):
            return str(mid)
    return None


def _documents(events: list[Any]) -> list[dict[str, str]]:
    """The source documents of a motion's events (by hash, in order of first use)."""
    seen: dict[str, str] = {}
    for e in events:
        prov = getattr(e, "provenance", None)
        if prov is not None and prov.sha256 and prov.sha256 not in seen:
            seen[prov.sha256] = prov.name
    return [{"sha256": k, "name": v} for k, v in seen.items()]


def document_page(call: Call) -> Response:
    motion = load_motion(call)
    sha = call.arg("sha256")
    names = {d["sha256"]: d["name"] for d in _documents(call.c.service.history(motion.id))}
    if sha not in names:
        raise Gone()
    text = uploads.document_text(call.c.store, sha, names[sha], call.web.web.document_dirs)
    if text is None:
        raise Gone()
    return call.page("document.html", title=names[sha], m=motion, name=names[sha], text=text)


# -- writes -------------------------------------------------------------------------------


def stale_message(reference: str) -> str:
    """The German answer to a form made from an older version of the motion."""
    return (
        f"{reference} wurde geändert, seit Sie das Formular geöffnet haben. Nichts wurde "
        "gespeichert; bitte prüfen Sie den aktuellen Stand und geben Sie Ihre Änderung "
        "erneut ein."
    )


def form_version(call: Call) -> int:
    """The version of the motion the form was made from (its hidden ``version`` field)."""
    return p.whole(call.form.get("version"), "version", -1, 0, 10**9)


@contextmanager
def current(motion: Motion, version: int) -> Iterator[None]:
    """Run a command that passes ``expected_version=version``: a motion found at another
    version (checked before, and by the store in the write's own transaction) answers 409
    with the stale-form message, nothing written."""
    from tracker.service import StaleVersion  # deferred: the listings need no event classes

    if version != motion.version:
        raise StaleForm(stale_message(motion.reference))
    try:
        yield
    except StaleVersion:
        raise StaleForm(stale_message(motion.reference)) from None


def _writable(call: Call, *, closing: bool = False) -> tuple[Motion, int]:
    """The motion of the form and the version the form was made from, if this user may
    change it (the version is checked atomically with the write, see :func:`current`)."""
    motion = load_motion(call)
    allowed = call.user.role == "administrator" if closing else call.user.may_write(motion.office)
    if not allowed:
        raise Forbidden("Sie dürfen diesen Vorgang nicht ändern (andere Federführung).")
    version = form_version(call)
    if version != motion.version:
        raise StaleForm(stale_message(motion.reference))
    call.writer()
    return motion, version


def _done(motion: Motion, anchor: str) -> Response:
    return RedirectResponse(f"/motions/{motion.id}#{anchor}", status_code=303)


def record_progress(call: Call) -> Response:
    motion, version = _writable(call)
    f = call.form
    on = p.day(f.get("on"), "Datum") or call.c.today()
    text = p.text(f, "text", "Sachstand") or ""
    reason = p.text(f, "reason", "Grund der Verzögerung", required=False)
    next_step = p.text(f, "next", "Nächster Schritt", required=False)
    expected = p.day(f.get("expected"), "Voraussichtlich erledigt")
    check_open(motion)
    if expected is not None and expected < on:
        raise BadRequest(
            f"„Voraussichtlich erledigt“ ({de_day(expected)}) liegt vor dem Datum des "
            f"Sachstands ({de_day(on)})."
        )
    with current(motion, version):
        call.c.service.report_progress(
            motion.id, on=on, text=text, reason=reason, next_step=next_step,
            expected=expected, expected_version=version,
        )  # fmt: skip
    return _done(motion, "sachstand")


def extend(call: Call) -> Response:
    motion, version = _writable(call)
    f = call.form
    new_due = p.day(f.get("to"), "Neue Frist")
    if new_due is None:
        raise BadRequest("Bitte geben Sie die neue Frist an.")
    deadline = p.text(f, "deadline", "Frist") or ""
    reason = p.text(f, "reason", "Begründung") or ""
    check_open(motion)
    found = motion.deadlines.get(deadline)
    if found is None:
        known = ", ".join(motion.deadlines) or "keine"
        raise BadRequest(f"{motion.reference} hat keine Frist „{deadline}“ (vorhanden: {known}).")
    if found.met_on is not None:
        raise Conflict(f"Die Frist {deadline} ist seit dem {de_day(found.met_on)} erfüllt; "
                       "nichts wurde gespeichert.")  # fmt: skip
    if found.due is not None and new_due <= found.due:
        raise BadRequest(f"Die neue Frist muss nach der bisherigen ({de_day(found.due)}) "
                         f"liegen, nicht am {de_day(new_due)}.")  # fmt: skip
    check_after_decision(motion, new_due, "Die neue Frist")
    with current(motion, version):
        call.c.service.extend_deadline(
            motion.id, deadline, new_due=new_due, reason=reason, effective=call.c.today(),
            expected_version=version,
        )  # fmt: skip
    return _done(motion, "fristen")


def report_done(call: Call) -> Response:
    motion, version = _writable(call)
    note = p.text(call.form, "note", "Erledigungsvermerk", required=False)
    check_open(motion)
    if motion.done_on is not None:
        raise Conflict(f"{motion.reference} wurde bereits am {de_day(motion.done_on)} als "
                       "erledigt gemeldet; nichts wurde gespeichert.")  # fmt: skip
    with current(motion, version):
        call.c.service.report_done(
            motion.id, on=call.c.today(), note=note, expected_version=version
        )
    return _done(motion, "stand")


def confirm_closure(call: Call) -> Response:
    motion, version = _writable(call, closing=True)
    f = call.form
    on = p.day(f.get("on"), "Sitzung am") or call.c.today()
    committee = p.text(f, "committee", "Gremium") or ""
    note = p.text(f, "note", "Vermerk", required=False)
    check_open(motion)
    with current(motion, version):
        call.c.service.confirm_closure(
            motion.id, on=on, committee=committee, note=note, expected_version=version
        )
    return _done(motion, "stand")


# -- a reminder's signed link -------------------------------------------------------------


def _link(call: Call) -> tuple[str, LinkClaim, Motion]:
    """The link's token, its claim and its motion; refused when altered, expired or used."""
    from tracker.links import InvalidLink, token_digest, verify_link

    token = call.arg("token")
    try:
        claim = verify_link(call.c.settings.web_secret or "", token, now=call.web.now())
    except InvalidLink as exc:
        expired = "expired" in str(exc)
        raise Forbidden(
            "Dieser Link ist abgelaufen." if expired else "Dieser Link ist ungültig."
        ) from None
    if Links(call.c.store).used(token_digest(token)):
        raise Forbidden("Dieser Link wurde bereits benutzt. Bitte melden Sie sich an.")
    motion = call.c.service.get(claim.motion_id)
    return token, claim, motion


def link_form(call: Call) -> Response:
    """The Sachstand form a reminder links to."""
    if call.web.web.link_requires_login and call.user.name is None:
        return RedirectResponse(f"/login?next={call.path}", status_code=303)
    _, claim, motion = _link(call)
    return call.page(
        "link.html", title=f"Sachstand zu {motion.reference}", m=motion, office=claim.office,
        expires=claim.expires,
    )  # fmt: skip


def link_record(call: Call) -> Response:
    """Record the Sachstand sent through a reminder's link (once)."""
    from tracker.links import token_digest

    if call.web.web.link_requires_login and call.user.name is None:
        return RedirectResponse(f"/login?next={call.path}", status_code=303)
    token, claim, motion = _link(call)
    version = form_version(call)
    if version != motion.version:
        raise StaleForm(stale_message(motion.reference))
    f = call.form
    text = p.text(f, "text", "Sachstand") or ""
    reason = p.text(f, "reason", "Grund der Verzögerung", required=False)
    next_step = p.text(f, "next", "Nächster Schritt", required=False)
    expected = p.day(f.get("expected"), "Voraussichtlich erledigt")
    check_open(motion)
    who = call.user.name or f"{claim.office} (Erinnerungslink {claim.reminder})"
    c = call.web.bootstrap(User(who, "office", claim.office))
    call.c.close()
    call.c = c
    links = Links(c.store)
    digest = token_digest(token)
    if not links.claim(digest, now=call.web.now()):
        raise Forbidden("Dieser Link wurde bereits benutzt. Bitte melden Sie sich an.")
    try:
        with current(motion, version):
            c.service.report_progress(
                motion.id, on=c.today(), text=text, reason=reason, next_step=next_step,
                expected=expected, office=claim.office, expected_version=version,
            )  # fmt: skip
    except BaseException:
        links.release(digest)
        raise
    return call.page("link_done.html", title="Danke", m=motion)


# -- the review queue ---------------------------------------------------------------------


def _reviewer(call: Call, what: str = "Die Prüfliste ist") -> None:
    if not call.user.may_review:
        raise Forbidden(f"{what} Prüferinnen und Prüfern vorbehalten.")


def review_queue(call: Call) -> Response:
    from tracker.review import open_reviews  # deferred: reads the review events of the log

    _reviewer(call)
    items = open_reviews(call.c.service)
    return call.page("review.html", title="Zu prüfen", items=items)


def review_resolve(call: Call) -> Response:
    """Confirm a review item, or correct the fact and close the item (one save: both
    events or neither, on the version the reviewer saw)."""
    _reviewer(call)
    motion = load_motion(call)
    item = call.arg("item")
    version = form_version(call)
    if version != motion.version:
        raise StaleForm(stale_message(motion.reference))
    motion.open_review(item)  # checked before anything is written
    c = call.writer()
    meta = c.service.meta(c.today())
    action = call.form.get("action")
    command: Callable[[Motion], object]
    if action == "confirm":

        def command(m: Motion) -> object:
            return m.resolve_review(item, resolution="confirmed", note=None, meta=meta)

    elif action == "correct":
        f = call.form
        field_name = p.text(f, "field", "Feld") or ""
        value = p.text(f, "value", "Richtiger Wert", required=False)
        reason = p.text(f, "reason", "Begründung") or ""
        if field_name.endswith(".due") and value:
            parsed = p.day(value, "Richtiger Wert")
            value = parsed.isoformat() if parsed else None

        def command(m: Motion) -> object:
            m.correct(field_name=field_name, value=value, reason=reason, meta=meta)
            return m.resolve_review(item, resolution="corrected", note=reason, meta=meta)

    else:
        raise BadRequest("Bitte wählen Sie „bestätigen“ oder „berichtigen“.")
    with current(motion, version):
        c.service.change(motion.id, command, expected_version=version)
    return RedirectResponse("/review", status_code=303)


# -- uploading a document -----------------------------------------------------------------


UPLOADING = "Das Einlesen von Dokumenten ist"


def upload_form(call: Call) -> Response:
    _reviewer(call, UPLOADING)
    return call.page("upload.html", title="Dokument einlesen", results=None)


def upload(call: Call) -> Response:
    # deferred: the reader and the ingest load the document grammar
    from events.values import Provenance
    from tracker.documents import extract_file
    from tracker.ingest import record_extraction

    _reviewer(call, UPLOADING)
    if "document" not in call.files:
        raise BadRequest("Bitte wählen Sie ein Dokument aus.")
    filename, data = call.files["document"]
    if len(data) > MAX_UPLOAD:
        raise BadRequest("Das Dokument ist größer als 20 MB.")
    name = Path(filename.replace("\\", "/")).name
    if name in ("", ".", ".."):
        name = "dokument"
    c = call.writer()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name  # the reader names the document in review items
        path.write_bytes(data)
        try:
            extraction = extract_file(path, state=c.settings.default_state)
        except InputError as exc:
            raise BadRequest(f"Das Dokument lässt sich nicht lesen: {exc.args[0]}") from None
    label = f"Upload: {name}"
    digest = hashlib.sha256(data).hexdigest()
    result = record_extraction(
        c.service, extraction, provenance=Provenance.document(label, digest),
        state=c.settings.default_state,
    )  # fmt: skip
    uploads.keep(c.store, data, label, by=call.user.name or "", now=call.web.now())
    return call.page("upload.html", title="Dokument einlesen", results=[result.as_json()])


# -- users (administrators) ---------------------------------------------------------------


def _administrator(call: Call) -> Accounts:
    if call.user.role != "administrator":
        raise Forbidden("Die Benutzerverwaltung ist Administratorinnen und Administratoren "
                        "vorbehalten.")  # fmt: skip
    return Accounts(call.c.store)


def users_page(call: Call, message: str | None = None, status: int = 200) -> Response:
    from web.accounts import ROLES

    accounts = _administrator(call)
    return call.page("users.html", status, title="Benutzer", users=accounts.users(),
                     roles=ROLES, message=message)  # fmt: skip


def add_user(call: Call) -> Response:
    accounts = _administrator(call)
    f = call.form
    name = p.text(f, "name", "Name") or ""
    role = p.text(f, "role", "Rolle") or ""
    office = p.text(f, "office", "Federführung", required=False)
    password = f.get("password") or None
    try:
        accounts.add_user(name, role, office=office, password=password, now=call.web.now())
    except InputError as exc:
        return users_page(call, f"Nicht angelegt: {exc}", 400)
    return RedirectResponse("/users", status_code=303)


def remove_user(call: Call) -> Response:
    accounts = _administrator(call)
    name = call.arg("name")
    if name == call.user.name:
        raise BadRequest("Sie können sich nicht selbst entfernen.")
    accounts.remove_user(name)
    return RedirectResponse("/users", status_code=303)


# -- signing in ---------------------------------------------------------------------------


def _safe_next(value: object) -> str:
    """Only a path of this site (never ``//host`` or a scheme) is followed after sign-in."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/"


def login_form(call: Call) -> Response:
    return call.page(
        "login.html", title="Anmelden", error=None,
        next_url=_safe_next(call.query.get("next")), name="",
    )  # fmt: skip


def login(call: Call) -> Response:
    accounts = Accounts(call.c.store)
    name = p.text(call.form, "name", "Name") or ""
    password = call.form.get("password") or ""
    user = accounts.authenticate(name, password, now=call.web.now())
    token, _ = accounts.open_session(user, now=call.web.now())
    response = RedirectResponse(_safe_next(call.form.get("next")), status_code=303)
    response.set_cookie(
        SESSION_COOKIE, token, httponly=True, samesite="lax",
        secure=call.web.web.secure_cookies, path="/",
    )  # fmt: skip
    return response


def logout(call: Call) -> Response:
    token = call.request.cookies.get(SESSION_COOKIE)
    if token:
        Accounts(call.c.store).close_session(token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# -- feeds --------------------------------------------------------------------------------

FEED_LENGTH = 50


def feed(call: Call) -> Response:
    """An Atom feed of the latest changes (the newest events of the log)."""
    p.check_names(call.query, ())
    service = call.c.service
    head = service.head()
    entries = list(service.log(start=max(1, head - 4 * FEED_LENGTH + 1)))
    motions: dict[UUID, Any] = {}
    shown = []
    for entry in reversed(entries):
        mid = entry.motion_id
        if mid not in motions:
            motions[mid] = service.get(mid)
        motion = motions[mid]
        if not call.user.sees_all and not motion.is_public:
            continue
        shown.append({"entry": entry, "motion": motion})
        if len(shown) == FEED_LENGTH:
            break
    updated = shown[0]["entry"].recorded if shown else call.web.now()
    xml = render(
        "feed.xml", entries=shown, updated=updated, base=call.web.web.base_url, user=call.user
    )
    return Response(xml, media_type="application/atom+xml; charset=utf-8")


AGENDA_TYPES = {
    "pdf": ("application/pdf", "pdf"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "csv-excel": ("text/csv; charset=utf-8", "csv"),
}


def agenda(call: Call) -> Response:
    """The list tabled at a committee's session (``tracker agenda-list``) as a download."""
    from tracker.agenda import build_agenda, write  # deferred: loads reportlab, XlsxWriter

    name, fmt = call.arg("name"), call.arg("fmt")
    if fmt not in AGENDA_TYPES or name not in _values(call).get("committee", []):
        raise Gone()
    p.check_names(call.query, ("session", "since"))
    session = p.day(call.query.get("session"), "Sitzung am") or call.c.today()
    since = p.day(call.query.get("since"), "Änderungen seit")
    public = None if call.user.sees_all else True
    items, states = call.c.board.agenda(name, session, public)
    data = write(build_agenda(items, states, committee=name, session=session, since=since), fmt)
    media, suffix = AGENDA_TYPES[fmt]
    filename = f"liste-{session.isoformat()}.{suffix}"
    disposition = f'attachment; filename="{filename}"'
    return Response(data, media_type=media, headers={"content-disposition": disposition})


def _ical(data: bytes) -> Response:
    return Response(data, media_type="text/calendar; charset=utf-8")


def calendar_group(dimension: str) -> Handler:
    def handler(call: Call) -> Response:
        name = call.arg("name")
        if name not in _values(call).get(dimension, []):
            raise Gone()
        p.check_names(call.query, ())
        filters = scoped(call.user, _group_filter(dimension, name))
        return _ical(call.c.board.calendar(filters, call.web.now()))

    return handler


def calendar_motion(call: Call) -> Response:
    from projections.calendar import render_calendar  # deferred: loads icalendar

    motion = load_motion(call)
    p.check_names(call.query, ())
    items = [
        r for r in call.c.board.motion(motion.id) if r["due"] and r["status"] not in ("met",
        "met_late", "withdrawn")
    ]  # fmt: skip
    return _ical(render_calendar(items, name=f"Fristen: {motion.reference}", stamp=call.web.now()))


def routes(web: Web) -> list[Route]:
    """The pages' routes."""

    def get(path: str, handler: Handler) -> Route:
        return Route(path, endpoint(web, handler), methods=["GET"])

    def post(path: str, handler: Handler, write: bool = True) -> Route:
        return Route(path, endpoint(web, handler, write=write), methods=["POST"])

    return [
        get("/", board),
        get("/motions/{motion_id}", motion_page),
        get("/motions/{motion_id}/documents/{sha256}", document_page),
        get("/offices/{name}", group("office")),
        get("/committees/{name}", group("committee")),
        get("/committees/{name}/agenda.{fmt}", agenda),
        get("/feed.atom", feed),
        get("/calendar/offices/{name}.ics", calendar_group("office")),
        get("/calendar/committees/{name}.ics", calendar_group("committee")),
        get("/calendar/motions/{motion_id}.ics", calendar_motion),
        get("/login", login_form),
        post("/login", login, write=False),
        post("/logout", logout, write=False),
        post("/motions/{motion_id}/progress", record_progress),
        post("/motions/{motion_id}/extend", extend),
        post("/motions/{motion_id}/done", report_done),
        post("/motions/{motion_id}/close", confirm_closure),
        get("/review", review_queue),
        post("/review/{motion_id}/{item}", review_resolve),
        get("/sachstand/{token}", link_form),
        post("/sachstand/{token}", link_record, write=False),
        get("/users", users_page),
        post("/users", add_user),
        post("/users/{name}/remove", remove_user),
        get("/upload", upload_form),
        post("/upload", upload),
    ]

"""Reading query strings and forms, with German messages for what cannot be read.

A page answers bad input with 400 and the message; the API with a JSON error. Unknown
parameter names are refused (a misspelt filter must not silently show everything).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from projections.queries import KINDS, MAX_LIMIT, ORDERS, RAG, Filters
from tracker.clock import german_date
from tracker.state import MOTION_STATUSES

if TYPE_CHECKING:
    from tracker.motion import Motion

#: Filters of the listings, with their German names for messages.
FILTER_NAMES = {
    "body": "Vertretung",
    "committee": "Gremium",
    "office": "Federführung",
    "initiator": "Antragsteller",
    "status": "Status",
    "rag": "Ampel",
    "kind": "Art",
    "stale": "ohne Sachstand",
}
#: The two lists of the board.
LISTS = {"overdue": "überfällig", "due": "bald fällig"}
LISTING_PARAMS = (*FILTER_NAMES, "as_of", "sort", "page", "limit", "list", "within")


class BadRequest(Exception):
    """Input the visitor can correct: 400 with this German message."""


class Forbidden(Exception):
    """Not allowed for this user: 403 with this German message; nothing is written."""


class Gone(Exception):
    """Nothing here for this visitor (unknown, or not public): 404."""


class Conflict(Exception):
    """The motion's state does not allow the change (closed, already reported done, an
    extension that is none): 409 with this German message; nothing is written."""


def de_day(day: Any) -> str:
    """A date as TT.MM.JJJJ."""
    return german_date(day)


def check_open(motion: Motion) -> None:
    """Refuse (German) a change to a motion that is completed, withdrawn or closed (the
    aggregate refuses it too; this says why in the users' words)."""
    ref = motion.reference
    if motion.completed_on is not None:
        raise Conflict(f"{ref} ist seit dem {de_day(motion.completed_on)} erledigt; "
                       "nichts wurde gespeichert.")  # fmt: skip
    if motion.withdrawn_on is not None:
        raise Conflict(f"{ref} wurde am {de_day(motion.withdrawn_on)} zurückgezogen; "
                       "nichts wurde gespeichert.")  # fmt: skip
    if motion.closed_on is not None:
        raise Conflict(f"{ref} wurde am {de_day(motion.closed_on)} von {motion.closed_by} "
                       "abgeschlossen; nichts wurde gespeichert.")  # fmt: skip


def check_after_decision(motion: Motion, day: Any, what: str) -> None:
    """Refuse (German) a date before the motion's decision."""
    decided = motion.decision_date
    if day is not None and decided is not None and day < decided:
        raise BadRequest(f"{what} ({de_day(day)}) liegt vor dem Beschluss vom {de_day(decided)}.")


def check_names(params: Mapping[str, str], allowed: Iterable[str]) -> None:
    """Refuse parameter names that are not ``allowed``."""
    allowed = tuple(allowed)
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        known = f"Erlaubt sind: {', '.join(allowed)}." if allowed else "Hier gibt es keine."
        raise BadRequest(f"Unbekannter Parameter „{unknown[0]}“. {known}")


def day(value: str | None, name: str) -> date | None:
    """A date as ``JJJJ-MM-TT`` or ``TT.MM.JJJJ``; None when empty."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if "." in text:
            d, m, y = text.split(".")
            return date(int(y), int(m), int(d))
        return date.fromisoformat(text)
    except ValueError:
        raise BadRequest(
            f"Ungültiges Datum „{value}“ für {name} (erwartet TT.MM.JJJJ oder JJJJ-MM-TT)."
        ) from None


def whole(value: str | None, name: str, default: int, lo: int, hi: int) -> int:
    """A whole number ``lo..hi`` (``default`` when empty)."""
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadRequest(f"„{value}“ ist keine ganze Zahl ({name}).") from None
    if not lo <= number <= hi:
        raise BadRequest(f"{name} muss zwischen {lo} und {hi} liegen, nicht {number}.")
    return number


def _one_of(
    value: str | None, name: str, allowed: Iterable[str], words: Mapping[str, str] | None = None
) -> str | None:
    """``value`` if it is one of ``allowed``; the message names each with its German word."""
    if value is None or value == "":
        return None
    allowed = tuple(allowed)
    if value not in allowed:
        named = [f"{a} ({words[a]})" if words and a in words else a for a in allowed]
        raise BadRequest(f"Unbekannter Wert „{value}“ für {name}; möglich: {', '.join(named)}.")
    return value


@dataclass(frozen=True)
class Listing:
    """A listing asked for in a query string."""

    filters: Filters
    as_of: date | None
    page: int
    limit: int
    within: int
    overdue: bool

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def listing(params: Mapping[str, str], *, page_size: int, **fixed: str) -> Listing:
    """The filters, date, page and order of a listing; ``fixed`` filters come from the path
    (a page per office or committee)."""
    check_names(params, LISTING_PARAMS)
    values = {k: (v.strip() or None) for k, v in params.items()} | dict(fixed)
    from web import render as words  # deferred: the templates' environment

    status = _one_of(values.get("status"), "Status", MOTION_STATUSES, words.MOTION_STATUS)
    rag = _one_of(values.get("rag"), "Ampel", RAG, words.RAG)
    kind = _one_of(values.get("kind"), "Art", KINDS, words.KIND)
    order = _one_of(values.get("sort"), "Sortierung", ORDERS, words.ORDER) or "due"
    which = _one_of(values.get("list"), "Liste", ("overdue", "due"), LISTS) or "overdue"
    stale = _one_of(values.get("stale"), "ohne Sachstand", ("1", "true", "on")) is not None
    filters = Filters(
        body=values.get("body"),
        committee=values.get("committee"),
        office=values.get("office"),
        kind=kind,
        status=status,
        rag=rag,
        stale=stale,
        initiator=values.get("initiator"),
        order=order,
    )
    return Listing(
        filters=filters,
        as_of=day(values.get("as_of"), "as_of (Stichtag)"),
        page=whole(values.get("page"), "page (Seite)", 1, 1, 1_000_000),
        limit=whole(values.get("limit"), "limit", page_size, 1, MAX_LIMIT),
        within=whole(values.get("within"), "within (Tage)", 30, 0, 3660),
        overdue=which == "overdue",
    )


def text(form: Mapping[str, Any], name: str, label: str, *, required: bool = True) -> str | None:
    """A text field of a form (stripped), required unless told."""
    value = form.get(name)
    value = value.strip() if isinstance(value, str) else None
    if not value:
        if required:
            raise BadRequest(f"Bitte füllen Sie das Feld „{label}“ aus.")
        return None
    if len(value) > 5000:
        raise BadRequest(f"Das Feld „{label}“ ist zu lang (höchstens 5000 Zeichen).")
    return value

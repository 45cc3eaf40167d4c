"""Rendering a digest: one German e-mail per recipient listing every due item.

Text and HTML carry the same content, from the Jinja2 templates in ``notifiers/templates/``
(``digest.txt``, ``digest.html``; HTML autoescaped, so titles, committees and offices taken
from documents cannot inject markup). The HTML is made for mail programs: tables and inline
styles, no scripts, no style sheets, no images. Items come by due date, the most overdue
first; each says what is due in words (``Bericht an den Ausschuss für ... fällig``,
``Erledigung fällig``), one day count, a due date moved by BGB § 193 as such (weekend or
the holiday's name), ``ursprünglich`` only after a real extension, the latest Sachstand,
and a link to the motion on the web front when ``[web] base_url`` is configured.
The Message-ID is derived from the reminder keys, so a digest that has to be sent again
after a crash carries the same Message-ID.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from uuid import UUID

from notifiers.policy import Digest, Stage
from tracker.clock import BERLIN, german_date
from tracker.deadlines import MONTHS_DE, WEEKDAYS_DE
from tracker.state import DeadlineLife, DutyLife, MotionState

#: The header naming the reminder keys of a digest, space-separated.
KEYS_HEADER = "X-Tracker-Reminder-Keys"
#: The header naming the process that sent it (for operators).
SENDER_HEADER = "X-Tracker-Worker"


def long_german_date(day: date) -> str:
    """``18. Dezember 2014``."""
    return f"{day.day}. {MONTHS_DE[day.month - 1]} {day.year}"


def status_text(due: date, today: date) -> str:
    """``noch 14 Tage``, ``heute fällig``, ``seit 7 Tagen überfällig``."""
    days = (due - today).days
    if days > 0:
        return f"noch {days} Tag{'e' if days != 1 else ''}"
    if days == 0:
        return "heute fällig"
    return f"seit {-days} Tag{'en' if days != -1 else ''} überfällig"


def message_id(keys: tuple[str, ...], sender: str) -> str:
    """``<hash-of-the-keys.reminder@domain>``: the same keys give the same Message-ID."""
    digest = hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:40]
    domain = sender.rpartition("@")[2] or "localhost"
    return f"<{digest}.reminder@{domain}>"


@dataclass(frozen=True)
class RenderedDigest:
    """A digest ready to send."""

    recipient: str
    subject: str
    text: str
    html: str
    message_id: str
    keys: tuple[str, ...]
    late: bool


RECURRENCE = {
    "monthly": "monatlich",
    "quarterly": "vierteljährlich",
    "half-yearly": "halbjährlich",
    "yearly": "jährlich",
    "regular": "regelmäßig",
}
#: Endings of council nouns by grammatical gender, for "an den/die/das ..." (lower case).
_FEMININE = ("versammlung", "vertretung", "kommission", "konferenz", "bvv", "runde")
_NEUTER = ("gremium", "plenum", "präsidium", "parlament")


def weekday_date(day: date) -> str:
    """``Montag, 02.02.2015``."""
    return f"{WEEKDAYS_DE[day.weekday()]}, {german_date(day)}"


def to_whom(committee: str) -> str:
    """``an den Ausschuss für Schule``, ``an die BVV``; ``an: X`` when the gender is unclear."""
    first = committee.split()[0].lower()
    words = [w.lower().strip(".,") for w in committee.split()]
    if first.endswith(_FEMININE) or words[0] == "bvv":
        return f"an die {committee}"
    if first.endswith(_NEUTER):
        return f"an das {committee}"
    if first.endswith(("ausschuss", "rat", "tag", "beirat", "senat")):
        return f"an den {committee}"
    return f"an: {committee}"


def shift_reason(nominal: date, due: date, state: str | None) -> str | None:
    """Why ``due`` is later than ``nominal`` (BGB § 193): the weekend or the holiday's name."""
    if due == nominal:
        return None
    if nominal.weekday() >= 5:
        return "wegen Wochenende, § 193 BGB"
    import holidays  # heavy: only a digest with a shifted date needs the names

    name = holidays.country_holidays("DE", subdiv=state, years=nominal.year, language="de").get(
        nominal
    )
    return f"wegen Feiertag ({name}), § 193 BGB" if name else "wegen Feiertag, § 193 BGB"


@dataclass(frozen=True)
class ItemView:
    """What a digest says about one item, in German, ready for the templates."""

    reference: str
    title: str
    what: str
    due: str
    status: str
    overdue: bool
    today: bool
    shift: str | None
    original: str | None
    committee: str
    office: str
    phrase: str | None
    progress: str | None
    progress_on: str | None
    progress_reason: str | None
    progress_next: str | None
    progress_expected: str | None
    escalation: bool
    #: When a late reminder was planned to go out (Berlin time), else None.
    late: str | None
    soon: bool
    url: str | None


def _deadline(state: MotionState | None, obligation: str) -> DeadlineLife | None:
    return state["deadlines"].get(obligation) if state else None


def _duty(state: MotionState | None, obligation: str) -> DutyLife | None:
    return state["duties"].get(obligation) if state else None


_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}")


def telling(phrase: str | None) -> str | None:
    """The phrase that set a deadline, unless it says no more than a label and the date
    (``Erledigungsfrist: 31.01.2015``, what a deadline entered by hand gets)."""
    if not phrase:
        return None
    rest = _DATE.sub("", phrase).strip()
    return None if len(rest.split()) <= 1 and rest.endswith(":") else phrase


def _what(row: Any, state: MotionState | None) -> tuple[str, str | None]:
    """What is due in words, and the phrase that set it."""
    deadline = _deadline(state, row.deadline_id)
    duty = _duty(state, row.deadline_id)
    committee = row.committee or row.body
    if duty is not None:
        recurring = RECURRENCE.get(duty["recurrence"])
        whom = to_whom(duty["recipient"] or committee)
        text = f"Bericht {whom} fällig" + (f" ({recurring} zu berichten)" if recurring else "")
        return text, telling(duty["phrase"])
    phrase = telling(deadline["phrase"]) if deadline else None
    if row.kind == "report":
        return f"Bericht {to_whom(committee)} fällig", phrase
    if row.kind == "event":
        return "Durchführung fällig", phrase
    return "Erledigung fällig", phrase


def _original(row: Any, state: MotionState | None) -> str | None:
    """The first due date, when the deadline was really extended (not moved by § 193)."""
    deadline = _deadline(state, row.deadline_id)
    if not deadline or not deadline.get("extended"):
        return None
    first = deadline["changes"][0][1]
    if first is None or first == row.nominal_due.isoformat():
        return None
    return german_date(date.fromisoformat(first))


def berlin_time(instant: datetime) -> str:
    """``Montag, 09.02.2015, 08:00 Uhr`` in Berlin time."""
    local = instant.astimezone(BERLIN)
    return f"{weekday_date(local.date())}, {local:%H:%M} Uhr"


def motion_url(base_url: str | None, motion_id: object) -> str | None:
    """``{base_url}/motions/{motion_id}`` (the web front's page of the motion), or None."""
    return f"{base_url.rstrip('/')}/motions/{motion_id}" if base_url else None


def item_view(item: Any, today: date, state: MotionState | None, base_url: str | None) -> ItemView:
    """The German view of one digest item."""
    r = item.row
    what, phrase = _what(r, state)
    land = getattr(r, "state", None) or (state["state"] if state else None)
    shift = shift_reason(r.nominal_due, r.due, land)
    progress = state.get("progress") if state else None
    expected = progress["expected"] if progress else None
    return ItemView(
        reference=r.reference,
        title=r.title,
        what=what,
        due=weekday_date(r.due),
        status=status_text(r.due, today),
        overdue=r.due < today,
        today=r.due == today,
        shift=(f"fiel auf {weekday_date(r.nominal_due)}, verschoben {shift}" if shift else None),
        original=_original(r, state),
        committee=r.committee or r.body,
        office=r.office or r.addressee or "-",
        phrase=phrase,
        progress=progress["text"] if progress else None,
        progress_on=german_date(date.fromisoformat(progress["on"])) if progress else None,
        progress_reason=progress["reason"] if progress else None,
        progress_next=progress["next"] if progress else None,
        progress_expected=german_date(date.fromisoformat(expected)) if expected else None,
        escalation=Stage.parse(r.stage).escalation,
        late=berlin_time(r.send_at) if item.late else None,
        soon=0 < (r.due - today).days <= 7,
        url=motion_url(base_url, r.motion_id),
    )


@lru_cache(maxsize=1)
def _templates() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(
    digest: Digest,
    *,
    now: datetime,
    sender: str,
    base_url: str | None,
    states: Mapping[UUID, MotionState] | None = None,
) -> RenderedDigest:
    """The subject, text and HTML of ``digest`` at ``now``: items by due date (the most
    overdue first), each with what is due in words, one day count, a § 193 shift or an
    extension said as such, the latest Sachstand and a link to the motion (``base_url``,
    the web front's address; without it, the reference alone)."""
    today = now.astimezone(BERLIN).date()
    ordered = sorted(
        digest.items, key=lambda i: (i.row.due, i.row.reference, i.row.deadline_id, i.row.key)
    )
    known = states or {}
    items = [item_view(i, today, known.get(i.row.motion_id), base_url) for i in ordered]
    overdue = sum(1 for i in items if i.overdue)
    late = " [verspätet]" if digest.late else ""
    subject = (
        f"Fristen-Erinnerung{late}: {len(items)} "
        f"{'Vorgang' if len(items) == 1 else 'Vorgänge'}"
        + (f", davon {overdue} überfällig" if overdue else "")
        + f" (Stand {german_date(today)})"
    )
    context = {
        "subject": subject,
        "items": items,
        "stand": long_german_date(today),
        "count": len(items),
        "overdue": overdue,
    }
    env = _templates()
    return RenderedDigest(
        recipient=digest.recipient,
        subject=subject,
        text=env.get_template("digest.txt").render(context),
        html=env.get_template("digest.html").render(context),
        message_id=message_id(digest.keys, sender),
        keys=digest.keys,
        late=digest.late,
    )


def to_email(rendered: RenderedDigest, *, sender: str, now: datetime, worker: str) -> EmailMessage:
    """The e-mail of a rendered digest, with the headers that make it traceable."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = rendered.recipient
    msg["Subject"] = rendered.subject
    msg["Date"] = format_datetime(now.astimezone(BERLIN))
    msg["Message-ID"] = rendered.message_id
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"
    msg["Content-Language"] = "de"
    msg[KEYS_HEADER] = " ".join(rendered.keys)
    msg[SENDER_HEADER] = worker
    msg.set_content(rendered.text)
    msg.add_alternative(rendered.html, subtype="html")
    return msg

"""Rendering a digest: one German e-mail per recipient listing every due item.

Text and HTML carry the same content; everything taken from documents (titles, committees,
offices) is HTML-escaped. The Message-ID is derived from the reminder keys, so a digest
that has to be sent again after a crash carries the same Message-ID.
"""

from __future__ import annotations

import hashlib
import html
import shlex
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from notifiers.policy import Digest, Stage
from tracker.clock import BERLIN

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
    "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
#: The header naming the reminder keys of a digest, space-separated.
KEYS_HEADER = "X-Tracker-Reminder-Keys"
#: The header naming the process that sent it (for operators).
SENDER_HEADER = "X-Tracker-Worker"


def german_date(day: date) -> str:
    """``18.12.2014``."""
    return day.strftime("%d.%m.%Y")


def long_german_date(day: date) -> str:
    """``18. Dezember 2014``."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def status_text(due: date, today: date) -> str:
    """``noch 14 Tage``, ``heute fällig``, ``seit 7 Tagen überfällig``."""
    days = (due - today).days
    if days > 0:
        return f"noch {days} Tag{'e' if days != 1 else ''}"
    if days == 0:
        return "heute fällig"
    return f"seit {-days} Tag{'en' if days != -1 else ''} überfällig"


STAGE_LABEL = {"before": "Vorab-Erinnerung", "due": "Fälligkeit", "overdue": "Überfällig"}


def stage_label(stage: str) -> str:
    """A German label for a stage name."""
    s = Stage.parse(stage)
    if s.escalation:
        return f"Eskalation ({s.offset} Tage überfällig)"
    if s.offset < 0:
        return f"Erinnerung {-s.offset} Tage vorher"
    return "Fälligkeit" if s.offset == 0 else f"Überfällig ({s.offset} Tage)"


def message_id(keys: tuple[str, ...], sender: str) -> str:
    """``<hash-of-the-keys.reminder@domain>``: the same keys give the same Message-ID."""
    digest = hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:40]
    domain = sender.rpartition("@")[2] or "localhost"
    return f"<{digest}.reminder@{domain}>"


def show_command(reference: str, body: str) -> str:
    """The command that shows the motion."""
    return f"tracker show {shlex.quote(reference)} --body {shlex.quote(body)}"


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


def _link(template: str | None, row: Any) -> str | None:
    if not template:
        return None
    return template.format(motion=row.motion_id, reference=row.reference)


def render(digest: Digest, *, now: datetime, sender: str, link: str | None) -> RenderedDigest:
    """The subject, text and HTML of ``digest`` at ``now``."""
    today = now.astimezone(BERLIN).date()
    items = digest.items
    overdue = sum(1 for i in items if i.row.due < today)
    late = " [verspätet]" if digest.late else ""
    subject = (
        f"Fristen-Erinnerung{late}: {len(items)} "
        f"{'Vorgang' if len(items) == 1 else 'Vorgänge'}"
        + (f", davon {overdue} überfällig" if overdue else "")
        + f" (Stand {german_date(today)})"
    )
    text_lines = [
        "Guten Tag,",
        "",
        f"folgende Fristen aus Beschlüssen sind zu beachten (Stand {long_german_date(today)}):",
        "",
    ]
    html_items: list[str] = []
    for n, item in enumerate(items, 1):
        r = item.row
        status = status_text(r.due, today)
        mark = " (verspätet zugestellt)" if item.late else ""
        extended = f" (ursprünglich {german_date(r.nominal_due)})" if r.nominal_due != r.due else ""
        url = _link(link, r)
        text_lines += [
            f"{n}. {r.reference}: {r.title}",
            f"   Gremium: {r.committee or r.body}",
            f"   Federführung: {r.office or r.addressee or '-'}",
            f"   Frist: {german_date(r.due)}{extended} - {status}",
            f"   Stufe: {stage_label(r.stage)}{mark}",
            f"   Anzeigen: {url or show_command(r.reference, r.body)}",
            "",
        ]
        e = html.escape
        see = (
            f'<a href="{e(url)}">{e(url)}</a>'
            if url
            else f"<code>{e(show_command(r.reference, r.body))}</code>"
        )
        html_items.append(
            "<li>"
            f"<strong>{e(r.reference)}</strong>: {e(r.title)}<br>"
            f"Gremium: {e(r.committee or r.body)}<br>"
            f"Federführung: {e(r.office or r.addressee or '-')}<br>"
            f"Frist: {e(german_date(r.due))}{e(extended)} &ndash; <em>{e(status)}</em><br>"
            f"Stufe: {e(stage_label(r.stage))}{e(mark)}<br>"
            f"Anzeigen: {see}"
            "</li>"
        )
    footer = "Diese Nachricht wurde automatisch vom Fristen-Tracker erzeugt."
    text_lines.append(footer)
    html_body = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{html.escape(subject)}</title></head><body>"
        "<p>Guten Tag,</p>"
        "<p>folgende Fristen aus Beschlüssen sind zu beachten "
        f"(Stand {html.escape(long_german_date(today))}):</p>"
        f"<ol>{''.join(html_items)}</ol>"
        f"<p><small>{footer}</small></p></body></html>"
    )
    return RenderedDigest(
        recipient=digest.recipient,
        subject=subject,
        text="\n".join(text_lines) + "\n",
        html=html_body,
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

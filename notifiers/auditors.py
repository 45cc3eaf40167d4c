"""Seals e-mailed to the auditors (``[audit] auditors``), through ``TRACKER_SMTP_URL``.

Each message carries one seal as its JSON line (what ``tracker audit verify --seals FILE``
reads) and the key id; the auditor keeps the lines, outside the tracker's reach. German
text, since the auditors (Rechnungsprüfungsamt) read German.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from events.seals import Seal
from tracker.clock import BERLIN
from tracker.errors import ConfigurationError, DeliveryError


def seal_message(seal: Seal, *, sender: str, to: str, now: datetime) -> EmailMessage:
    """The e-mail of one seal to one auditor."""
    sealed = seal.sealed.astimezone(BERLIN)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = f"Prüfsiegel Nr. {seal.number} des Fristen-Trackers (Position {seal.position})"
    msg["Date"] = format_datetime(now.astimezone(BERLIN))
    msg["Message-ID"] = make_msgid(domain="tracker.invalid")
    msg["Auto-Submitted"] = "auto-generated"
    msg["Content-Language"] = "de"
    msg.set_content(
        f"Prüfsiegel Nr. {seal.number}, gesiegelt am {sealed:%d.%m.%Y um %H:%M} Uhr.\n"
        f"Es bestätigt den Stand des Ereignisprotokolls bis Position {seal.position}\n"
        f"(Kettenwert {seal.chain.hex()}), signiert mit dem Schlüssel {seal.key}.\n\n"
        "Bitte bewahren Sie die folgende Zeile außerhalb des Trackers auf. Zur Prüfung:\n"
        "  tracker audit verify --public-key SCHLUESSEL.pub --seals DATEI\n"
        "(DATEI enthält die aufbewahrten Zeilen, eine je Siegel.)\n\n"
        f"{seal.line()}\n"
    )
    return msg


def mail_seal(
    seal: Seal, *, smtp_url: str | None, sender: str, auditors: tuple[str, ...], now: datetime
) -> list[str]:
    """Send ``seal`` to every auditor; returns one line per address that failed."""
    if not auditors:
        return []
    if not smtp_url:
        raise ConfigurationError("[audit] auditors is set, but TRACKER_SMTP_URL is not")
    from notifiers.email import parse_smtp_url, send_message  # deferred: smtplib

    smtp = parse_smtp_url(smtp_url)
    failed: list[str] = []
    for to in auditors:
        try:
            send_message(smtp, seal_message(seal, sender=sender, to=to, now=now), sender=sender)
        except DeliveryError as exc:
            failed.append(f"{to}: {exc}")
    return failed

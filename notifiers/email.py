"""E-mail over SMTP, configured by ``TRACKER_SMTP_URL``.

``smtp://[user:password@]host[:port][?starttls=off]`` (port 25 by default) upgrades with
STARTTLS and refuses to send when the server does not offer it, unless the URL says
``starttls=off`` (or ``no``; meant for a relay on the loopback interface).
``smtps://`` (port 465) uses TLS from the start. ``?timeout=SECONDS`` (default 10) bounds
every network operation.
Credentials come only from that environment variable (the URL's user and password,
percent-encoded) and are never logged: use :attr:`SmtpConfig.display`.
:func:`send_test` sends one test message and says in one line what failed.

Server answers are mapped to the delivery error tree. What refuses one message or recipient
is about that message: 4xx transient (retried), 5xx permanent. What fails the channel
itself (no connection, a timeout, a refused login, no STARTTLS or a failed TLS handshake, a
refused sender address) is :class:`~tracker.errors.ChannelUnavailable`: the dispatcher stops
sending e-mail for the pass and keeps every reminder pending; a wrong password is never a
verdict on a reminder.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from notifiers.digest import RenderedDigest, to_email
from tracker.errors import (
    ChannelUnavailable,
    ConfigurationError,
    PermanentDeliveryError,
    TransientDeliveryError,
)

DEFAULT_TIMEOUT = 10.0
_STARTTLS_ON = frozenset({"on", "yes", "true", "1"})
_STARTTLS_OFF = frozenset({"off", "no", "false", "0"})


@dataclass(frozen=True)
class SmtpConfig:
    """A parsed ``TRACKER_SMTP_URL``."""

    host: str
    port: int
    tls: bool = False
    starttls: bool = True
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT

    @property
    def display(self) -> str:
        """The server without credentials, for logs and messages."""
        scheme = "smtps" if self.tls else "smtp"
        user = f"{self.user}@" if self.user else ""
        plain = "" if self.starttls or self.tls else "?starttls=off"
        return f"{scheme}://{user}{self.host}:{self.port}{plain}"


def parse_smtp_url(url: str) -> SmtpConfig:
    """Parse ``TRACKER_SMTP_URL`` (raises ConfigurationError without echoing a password)."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ConfigurationError("TRACKER_SMTP_URL must start with smtp:// or smtps://")
    if not parts.hostname:
        raise ConfigurationError("TRACKER_SMTP_URL names no host")
    query = parse_qs(parts.query)
    starttls_value = query.get("starttls", ["on"])[0].lower()
    if starttls_value not in _STARTTLS_ON | _STARTTLS_OFF:
        raise ConfigurationError("TRACKER_SMTP_URL: starttls must be on or off")
    try:
        timeout = float(query.get("timeout", [DEFAULT_TIMEOUT])[0])
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise ConfigurationError("TRACKER_SMTP_URL: bad port or timeout") from None
    tls = parts.scheme == "smtps"
    return SmtpConfig(
        host=parts.hostname,
        port=port,
        tls=tls,
        starttls=not tls and starttls_value in _STARTTLS_ON,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        timeout=timeout,
    )


def _text(message: bytes | str) -> str:
    return message.decode(errors="replace") if isinstance(message, bytes) else message


def _classify(code: int, message: bytes | str, what: str) -> Exception:
    detail = f"{what}: {code} {_text(message)}".strip()
    if 400 <= code < 500:
        return TransientDeliveryError(detail)
    return PermanentDeliveryError(detail)


class EmailNotifier:
    """Sends digests as e-mail through one SMTP server."""

    channel = "email"
    digests = True

    def __init__(self, config: SmtpConfig, *, sender: str, worker: str) -> None:
        self.config = config
        self.sender = sender
        self.worker = worker

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        if c.tls:
            return smtplib.SMTP_SSL(
                c.host, c.port, timeout=c.timeout, context=ssl.create_default_context()
            )
        smtp = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
        smtp.ehlo()
        if c.starttls:
            if not smtp.has_extn("starttls"):
                smtp.quit()
                raise ChannelUnavailable(
                    f"{c.display} offers no STARTTLS; refusing to send in clear text "
                    "(add ?starttls=off only for a server on the loopback interface)",
                    retry=False,
                )
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        return smtp

    def _unavailable(self, exc: Exception) -> ChannelUnavailable:
        """What failed the channel itself (not one message): retried only if it may pass."""
        where = self.config.display
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return ChannelUnavailable(
                f"{where}: authentication failed ({exc.smtp_code}); "
                "check the user and password of TRACKER_SMTP_URL",
                retry=False,
            )
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return ChannelUnavailable(f"{where}: the server offers no login (AUTH)", retry=False)
        if isinstance(exc, smtplib.SMTPSenderRefused):
            return ChannelUnavailable(
                f"{where}: sender {self.sender} refused: {exc.smtp_code} {_text(exc.smtp_error)}",
                retry=exc.smtp_code < 500,
            )
        if isinstance(exc, ssl.SSLError):
            return ChannelUnavailable(f"{where}: TLS failed: {exc.reason or exc}", retry=False)
        if isinstance(exc, smtplib.SMTPResponseException):
            return ChannelUnavailable(f"{where}: {exc.smtp_code} {_text(exc.smtp_error)}")
        if isinstance(exc, ConnectionRefusedError):
            return ChannelUnavailable(f"{where}: connection refused")
        if isinstance(exc, TimeoutError):
            return ChannelUnavailable(f"{where}: no answer within {self.config.timeout:g} s")
        return ChannelUnavailable(f"{where}: {exc}")

    def send(self, digest: RenderedDigest, *, now: datetime, items: list[dict[str, object]]) -> str:
        """Send the digest; return its Message-ID."""
        self._deliver(to_email(digest, sender=self.sender, now=now, worker=self.worker))
        return digest.message_id

    def _deliver(self, msg: EmailMessage) -> None:
        try:
            smtp = self._connect()
            try:
                if self.config.user:
                    smtp.login(self.config.user, self.config.password or "")
                refused = smtp.send_message(msg)
            finally:
                try:
                    smtp.quit()
                except (smtplib.SMTPException, OSError):
                    smtp.close()
        except smtplib.SMTPRecipientsRefused as exc:
            code, message = next(iter(exc.recipients.values()))
            raise _classify(code, message, "recipient refused") from None
        except smtplib.SMTPDataError as exc:
            raise _classify(exc.smtp_code, exc.smtp_error, self.config.display) from None
        except (TimeoutError, smtplib.SMTPException, OSError) as exc:
            raise self._unavailable(exc) from None
        if refused:
            raise PermanentDeliveryError(f"recipient refused: {refused}")


def send_test(config: SmtpConfig, *, sender: str, to: str, now: datetime) -> None:
    """Send one test message to ``to`` through ``config`` (``tracker notify --test``).

    Raises :class:`~tracker.errors.ChannelUnavailable` (no connection, TLS, login, sender)
    or :class:`~tracker.errors.DeliveryError` (the recipient or the message refused), each
    with one line naming the server without its password.
    """
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = "tracker: Testnachricht"
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain="tracker.invalid")
    msg.set_content(
        f"Diese Nachricht prüft den Versand von Erinnerungen über {config.display}.\n"
        "Sie ist angekommen: die Einstellung TRACKER_SMTP_URL funktioniert.\n"
    )
    EmailNotifier(config, sender=sender, worker="test")._deliver(msg)


def send_message(config: SmtpConfig, msg: EmailMessage, *, sender: str) -> None:
    """Send one prepared message (a seal to the auditors) with the same error mapping."""
    EmailNotifier(config, sender=sender, worker="seal")._deliver(msg)

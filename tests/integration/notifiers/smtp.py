"""A real SMTP server on 127.0.0.1 (aiosmtpd) that records what it accepts.

``replies`` scripts the answers to DATA: each accepted message pops the next reply (``"451
..."`` refuses it for now, ``"554 ..."`` for good); when empty, ``250`` accepts. ``on_data``
may decide per message (return a reply to refuse it; ``None`` accepts it). With
``password``, the server offers a login (user ``tracker``) and answers a wrong password
with ``535``.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Received:
    """One accepted message."""

    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def keys(self) -> list[str]:
        return str(self.message["X-Tracker-Reminder-Keys"] or "").split()

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        assert part is not None
        return str(part.get_content())  # type: ignore[attr-defined]

    @property
    def html(self) -> str:
        part = self.message.get_body(preferencelist=("html",))
        assert part is not None
        return str(part.get_content())  # type: ignore[attr-defined]


@dataclass
class Recorder:
    """The handler: keeps accepted messages, answers per script."""

    replies: list[str] = field(default_factory=list)
    on_data: Callable[[EmailMessage], str | None] | None = None
    received: list[Received] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Seconds to wait before answering DATA (a slow server; other sessions go on).
    delay: float = 0.0
    #: Addresses refused at RCPT TO (``550``).
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self.lock:
            reply = self.replies.pop(0) if self.replies else None
            if reply is None and self.on_data is not None:
                reply = self.on_data(message)
            if reply is not None and not reply.startswith("250"):
                self.refused.append(reply)
                return reply
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"

    def keys(self) -> list[str]:
        with self.lock:
            return [k for r in self.received for k in r.keys]


class SmtpServer:
    """aiosmtpd on 127.0.0.1 at a free port, started and stopped by the fixture."""

    def __init__(self, *, password: str | None = None) -> None:
        self.handler = Recorder()
        self.port = free_port()
        self.logins: list[bool] = []
        self.password = password
        self.controller = self._controller()

    def _controller(self) -> Controller:
        auth: dict[str, Any] = (
            {"authenticator": self._authenticate, "auth_require_tls": False}
            if self.password is not None
            else {}
        )
        return Controller(self.handler, hostname="127.0.0.1", port=self.port, **auth)

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login == b"tracker"
            and data.password == str(self.password).encode()
        )
        self.logins.append(ok)
        return AuthResult(success=ok, handled=False)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}?starttls=off&timeout=5"

    def url_with(self, password: str) -> str:
        """The URL with the user ``tracker`` and ``password``."""
        return f"smtp://tracker:{password}@127.0.0.1:{self.port}?starttls=off&timeout=5"

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def start(self) -> None:
        """Start on the chosen port, or on another when a parallel test took it meanwhile."""
        for _ in range(5):
            try:
                self.controller.start()
                return
            except OSError:  # the port was free when chosen, not when bound
                self.port = free_port()
                self.controller = self._controller()
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    def restart(self) -> None:
        """Start again on the same port after :meth:`stop` (an outage ends)."""
        self.controller = self._controller()
        self.controller.start()

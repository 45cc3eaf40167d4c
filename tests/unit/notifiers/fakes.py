"""Recording fakes for unit tests of the dispatcher (GUIDE rule 7): a notifier that keeps
what it was given, and a log that keeps what was saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from notifiers.digest import RenderedDigest
from tracker.errors import DeliveryError


@dataclass
class RecordingNotifier:
    """A :class:`notifiers.base.Notifier` that records each digest instead of sending it;
    ``fail_with`` is raised on every send instead (a transient or permanent failure)."""

    channel: str = "email"
    digests: bool = True
    fail_with: DeliveryError | None = None
    sent: list[tuple[RenderedDigest, list[dict[str, object]]]] = field(default_factory=list)

    def send(self, digest: RenderedDigest, *, now: datetime, items: list[dict[str, object]]) -> str:
        if self.fail_with is not None:
            raise self.fail_with
        self.sent.append((digest, items))
        return digest.message_id


@dataclass
class RecordingLog:
    """The dispatcher's side of the event log: keeps the outcome events it saves."""

    saved: list[Any] = field(default_factory=list)

    def save(self, *events: Any) -> None:
        self.saved.extend(events)

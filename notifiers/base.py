"""The small interface behind which reminders leave the system (GUIDE rule 7).

A :class:`Notifier` delivers one :class:`~notifiers.digest.RenderedDigest` and returns the
id it was delivered under, or raises :class:`~tracker.errors.TransientDeliveryError`
(retry later; :class:`~tracker.errors.ChannelUnavailable` when the channel itself fails) or
:class:`~tracker.errors.PermanentDeliveryError` (do not retry this message).
:func:`deliver` retries transient failures with exponential backoff, except a channel
failure that retrying cannot mend (a refused login).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from notifiers.digest import RenderedDigest
from tracker.errors import (
    ChannelUnavailable,
    DeliveryError,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from tracker.logs import get_logger

log = get_logger()


class Notifier(Protocol):
    """Delivers reminders over one channel."""

    #: ``email`` or ``webhook``; recorded with the outcome.
    channel: str
    #: True when several reminders to one recipient go out as one message.
    digests: bool

    def send(self, digest: RenderedDigest, *, now: datetime, items: list[dict[str, object]]) -> str:
        """Deliver ``digest`` (its ``items`` as data); return the message id."""
        ...


@dataclass(frozen=True)
class Outcome:
    """The result of :func:`deliver`: the message id, or the error and how often it tried."""

    message_id: str | None
    error: DeliveryError | None
    attempts: int


def deliver(
    notifier: Notifier,
    digest: RenderedDigest,
    *,
    now: datetime,
    items: list[dict[str, object]],
    retries: int,
    backoff: float,
    deadline: float,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> Outcome:
    """Send with up to ``retries`` attempts; transient errors wait ``backoff`` (doubling).

    No retry starts after ``deadline`` (a ``monotonic()`` value: the claim's end), so the
    claim is still held whenever something is sent.
    """
    delay = backoff
    attempt = 0
    while True:
        attempt += 1
        try:
            return Outcome(notifier.send(digest, now=now, items=items), None, attempt)
        except TransientDeliveryError as exc:
            hopeless = isinstance(exc, ChannelUnavailable) and not exc.retry
            if hopeless or attempt >= retries or monotonic() + delay >= deadline:
                return Outcome(None, exc, attempt)
            log.info("delivery_retry", channel=notifier.channel, attempt=attempt, error=str(exc))
            sleep(delay)
            delay *= 2
        except PermanentDeliveryError as exc:
            return Outcome(None, exc, attempt)

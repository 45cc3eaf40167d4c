"""Webhooks: one JSON POST per reminder, signed after the Standard Webhooks specification.

Headers: ``webhook-id`` (the reminder key, stable across retries, so receivers can drop
duplicates), ``webhook-timestamp`` (seconds since the epoch, from the injected clock) and
``webhook-signature`` (``v1,`` and the base64 HMAC-SHA256 of ``id.timestamp.body`` with the
secret from ``TRACKER_WEBHOOK_SECRET``; a ``whsec_`` prefixed secret is base64-decoded first).

5xx answers, 429 and connection errors (timeouts included; 5 s by default) are transient;
other 4xx and 3xx answers are permanent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime

import httpx

from notifiers.digest import RenderedDigest
from tracker.errors import ConfigurationError, PermanentDeliveryError, TransientDeliveryError

TIMEOUT = httpx.Timeout(5.0)


def secret_bytes(secret: str) -> bytes:
    """The signing key: base64 after a ``whsec_`` prefix, else the text's UTF-8 bytes."""
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
        except ValueError:
            raise ConfigurationError("TRACKER_WEBHOOK_SECRET: whsec_ value is not base64") from None
    return secret.encode()


def sign(secret: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` value for one message."""
    content = f"{msg_id}.{timestamp}.".encode() + body
    mac = hmac.new(secret, content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


class WebhookNotifier:
    """Posts each reminder to its recipient, an ``http(s)://`` URL."""

    channel = "webhook"
    digests = False

    def __init__(self, *, secret: str | None, client: httpx.Client | None = None) -> None:
        if not secret:
            raise ConfigurationError("webhooks need TRACKER_WEBHOOK_SECRET to sign their requests")
        self.secret = secret_bytes(secret)
        self.client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)

    def send(self, digest: RenderedDigest, *, now: datetime, items: list[dict[str, object]]) -> str:
        """POST the single reminder of ``digest``; return its webhook id (the key)."""
        if len(items) != 1:
            raise ValueError("a webhook carries exactly one reminder")
        msg_id = digest.keys[0]
        timestamp = int(now.timestamp())
        body = json.dumps(
            {"type": "reminder.due", "timestamp": now.isoformat(), "data": items[0]},
            ensure_ascii=False,
            sort_keys=True,
        ).encode()
        headers = {
            "content-type": "application/json",
            "webhook-id": msg_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": sign(self.secret, msg_id, timestamp, body),
        }
        url = digest.recipient
        try:
            response = self.client.post(url, content=body, headers=headers)
        except httpx.TransportError as exc:
            raise TransientDeliveryError(f"webhook {url}: {type(exc).__name__}") from None
        status = response.status_code
        if 200 <= status < 300:
            return msg_id
        detail = f"webhook {url}: HTTP {status}"
        if status >= 500 or status == 429:
            raise TransientDeliveryError(detail)
        raise PermanentDeliveryError(detail)

    def close(self) -> None:
        """Close the HTTP client."""
        self.client.close()

"""Webhooks: Standard Webhooks headers and signature, retries on 5xx and connection errors."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import httpx
import pytest

from notifiers.base import deliver
from notifiers.webhook import WebhookNotifier, sign
from tests.unit.notifiers.test_digest import MID, NOW, sample_digest
from tracker.errors import (
    ConfigurationError,
    PermanentDeliveryError,
    TransientDeliveryError,
)

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef").decode()
URL = "https://hooks.example/t"
ITEM: dict[str, object] = {"key": f"{MID}/D1/2014-12-18/due", "reference": "1263/IV"}


def notifier(handler: httpx.MockTransport) -> WebhookNotifier:
    client = httpx.Client(transport=handler, timeout=httpx.Timeout(5.0))
    return WebhookNotifier(secret=SECRET, client=client)


def test_the_request_carries_a_verifiable_signature() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    digest = sample_digest(recipient=URL)
    msg_id = notifier(httpx.MockTransport(handle)).send(digest, now=NOW, items=[ITEM])
    (request,) = seen
    assert msg_id == request.headers["webhook-id"] == f"{MID}/D1/2014-12-18/due"
    timestamp = request.headers["webhook-timestamp"]
    assert timestamp == str(int(NOW.timestamp()))
    expected = hmac.new(
        b"0123456789abcdef", f"{msg_id}.{timestamp}.".encode() + request.content, hashlib.sha256
    ).digest()
    assert request.headers["webhook-signature"] == "v1," + base64.b64encode(expected).decode()
    body = json.loads(request.content)
    assert body["type"] == "reminder.due" and body["data"]["reference"] == "1263/IV"


def test_a_tampered_body_does_not_match_the_signature() -> None:
    good = sign(b"k", "id", 1, b"{}")
    assert good != sign(b"k", "id", 1, b"{ }") and good != sign(b"other", "id", 1, b"{}")


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_server_errors_are_transient(status: int) -> None:
    n = notifier(httpx.MockTransport(lambda r: httpx.Response(status)))
    with pytest.raises(TransientDeliveryError, match=str(status)):
        n.send(sample_digest(recipient=URL), now=NOW, items=[ITEM])


@pytest.mark.parametrize("status", [400, 401, 404, 410, 301])
def test_client_errors_are_permanent(status: int) -> None:
    n = notifier(httpx.MockTransport(lambda r: httpx.Response(status)))
    with pytest.raises(PermanentDeliveryError):
        n.send(sample_digest(recipient=URL), now=NOW, items=[ITEM])


def test_connection_errors_are_retried_with_backoff_until_success() -> None:
    calls: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) < 3:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200)

    sleeps: list[float] = []
    outcome = deliver(
        notifier(httpx.MockTransport(handle)),
        sample_digest(recipient=URL),
        now=NOW,
        items=[ITEM],
        retries=5,
        backoff=0.5,
        deadline=time.monotonic() + 60,
        sleep=sleeps.append,
    )
    assert outcome.message_id is not None and outcome.attempts == 3
    assert sleeps == [0.5, 1.0]


def test_retries_stop_before_the_claim_ends() -> None:
    n = notifier(httpx.MockTransport(lambda r: httpx.Response(503)))
    sleeps: list[float] = []
    outcome = deliver(
        n,
        sample_digest(recipient=URL),
        now=NOW,
        items=[ITEM],
        retries=10,
        backoff=1.0,
        deadline=100.0 + 2.5,
        sleep=sleeps.append,
        monotonic=lambda: 100.0 + sum(sleeps),
    )
    assert isinstance(outcome.error, TransientDeliveryError) and sleeps == [1.0]
    assert outcome.attempts == 2


def test_webhooks_need_a_secret() -> None:
    with pytest.raises(ConfigurationError, match="TRACKER_WEBHOOK_SECRET"):
        WebhookNotifier(secret=None)

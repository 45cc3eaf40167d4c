"""Signed, expiring links for a reminder: an office records its Sachstand without a search.

A reminder e-mail may carry ``{base_url}/sachstand/{token}``: the token names the motion, the
office the reminder went to, the reminder and when the link expires, signed with HMAC-SHA256
under ``TRACKER_WEB_SECRET``. The web front accepts a token only while it is unexpired and
only once (it keeps the digests of the tokens used); anything altered fails the signature.
Pure functions: the clock is passed in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tracker.errors import InputError


class InvalidLink(InputError):
    """A link that is altered, malformed or expired."""


@dataclass(frozen=True)
class LinkClaim:
    """What a valid link says."""

    motion_id: UUID
    office: str
    reminder: str
    expires: datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def sign_link(
    secret: str, *, motion_id: UUID, office: str, reminder: str, expires: datetime
) -> str:
    """The token of a link (URL-safe)."""
    if not secret:
        raise InputError("signed links need TRACKER_WEB_SECRET")
    claim = {"m": str(motion_id), "o": office, "r": reminder, "e": int(expires.timestamp())}
    payload = _b64(json.dumps(claim, separators=(",", ":"), ensure_ascii=False).encode())
    return f"{payload}.{_mac(secret, payload)}"


def verify_link(secret: str, token: str, *, now: datetime) -> LinkClaim:
    """The claim of a token signed with ``secret`` and not expired at ``now``."""
    payload, _, mac = token.partition(".")
    if not secret or not payload or not hmac.compare_digest(mac, _mac(secret, payload)):
        raise InvalidLink("the link is not valid")
    try:
        claim = json.loads(_unb64(payload))
        result = LinkClaim(
            UUID(claim["m"]),
            str(claim["o"]),
            str(claim["r"]),
            datetime.fromtimestamp(int(claim["e"]), tz=now.tzinfo),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidLink("the link is not valid") from exc
    if result.expires <= now:
        raise InvalidLink("the link has expired")
    return result


def token_digest(token: str) -> str:
    """What is kept of a used token."""
    return hashlib.sha256(token.encode()).hexdigest()

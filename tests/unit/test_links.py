"""Signed reminder links (tracker.links): valid until they expire, refused when altered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from tracker.links import InvalidLink, sign_link, verify_link

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_a_signed_link_says_what_it_was_signed_with() -> None:
    mid = uuid4()
    token = sign_link("geheim", motion_id=mid, office="Amt Ä", reminder="R7",
                      expires=NOW + timedelta(days=14))  # fmt: skip
    claim = verify_link("geheim", token, now=NOW)
    assert (claim.motion_id, claim.office, claim.reminder) == (mid, "Amt Ä", "R7")
    assert claim.expires == NOW + timedelta(days=14)


def test_an_expired_altered_or_foreign_link_is_refused() -> None:
    token = sign_link("geheim", motion_id=uuid4(), office="Amt A", reminder="R1",
                      expires=NOW + timedelta(hours=1))  # fmt: skip
    with pytest.raises(InvalidLink, match="expired"):
        verify_link("geheim", token, now=NOW + timedelta(hours=1))
    payload, _, mac = token.partition(".")
    with pytest.raises(InvalidLink, match="not valid"):
        verify_link("geheim", payload[:-2] + "xy." + mac, now=NOW)
    with pytest.raises(InvalidLink, match="not valid"):
        verify_link("anders", token, now=NOW)
    with pytest.raises(InvalidLink, match="not valid"):
        verify_link("", token, now=NOW)
    with pytest.raises(InvalidLink):
        verify_link("geheim", "kaputt", now=NOW)

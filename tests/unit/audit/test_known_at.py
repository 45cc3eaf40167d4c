"""Reading ``--known-at``, the recorded time inside a stored state, and history rows."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from events.motion import Corrected, DeadlineExtended
from events.values import Provenance, SourceKind
from tracker.audit import history_rows, known_at, provenance_text, replaced, stored_recorded
from tracker.clock import FixedClock
from tracker.errors import InputError

NOW = FixedClock(datetime(2015, 2, 1, 9, 0, tzinfo=UTC))  # 10:00 in Berlin


def test_a_bare_date_means_the_end_of_that_day_in_berlin() -> None:
    when = known_at("2014-12-20", NOW)
    assert when.instant == datetime(2014, 12, 20, 22, 59, 59, 999999, tzinfo=UTC)
    assert when.day == date(2014, 12, 20)
    assert when.knows(datetime(2014, 12, 20, 22, 59, tzinfo=UTC))
    assert not when.knows(datetime(2014, 12, 20, 23, 0, tzinfo=UTC))


def test_a_date_time_is_an_inclusive_instant_in_berlin_time() -> None:
    when = known_at("2014-12-20T09:30", NOW)
    assert when.instant == datetime(2014, 12, 20, 8, 30, tzinfo=UTC)
    assert when.knows(when.instant)
    assert known_at("2014-12-20T23:30:00+00:00", NOW).day == date(2014, 12, 21)


def test_today_means_up_to_now() -> None:
    when = known_at("2015-02-01", NOW)
    assert when.instant == NOW.instant
    assert when.day == date(2015, 2, 1)


@pytest.mark.parametrize("text", ["2015-02-02", "2015-02-01T10:01", "2099-01-01"])
def test_the_future_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="lies in the future"):
        known_at(text, NOW)


def test_nonsense_is_refused_as_a_date() -> None:
    with pytest.raises(InputError, match="not an ISO date-time"):
        known_at("gestern", NOW)


def test_the_recorded_time_is_read_from_the_start_of_a_stored_state() -> None:
    state = (
        b'{"timestamp":{"_type_":"datetime_iso","_data_":"2014-03-01T08:00:00+00:00"},'
        b'"originator_topic":"tracker.motion:Motion"}'
    )
    assert stored_recorded(state) == datetime(2014, 3, 1, 8, 0, tzinfo=UTC)
    assert stored_recorded(b'{"originator_topic":"x","timestamp":{}}') is None
    assert stored_recorded(state.replace(b"+00:00", b"")) is None  # naive: decode instead
    assert stored_recorded(b"\x00\x01compressed") is None


def test_an_extension_and_a_correction_say_what_they_replaced() -> None:
    meta = {
        "originator_id": uuid.uuid4(),
        "originator_version": 5,
        "timestamp": datetime(2015, 1, 10, 9, 0, tzinfo=UTC),
        "effective": date(2014, 12, 15),
        "provenance": Provenance.document("1263-IV.pdf", "ab" * 32),
    }
    extension = DeadlineExtended(
        **meta,
        deadline_id="D1",
        previous_due=date(2014, 12, 18),
        new_due=date(2015, 3, 31),
        reason="Personalmangel",
    )
    correction = Corrected(
        **meta | {"originator_version": 6},
        field="office",
        value="Amt B",
        previous="Amt A",
        reason="Zuständigkeit",
    )
    assert replaced(extension) == "D1 due 2014-12-18 -> 2015-03-31 (Personalmangel)"
    assert replaced(correction) == "office: 'Amt A' -> 'Amt B' (Zuständigkeit)"
    rows = history_rows([extension, correction])
    assert rows[0] | {"summary": None} == {
        "version": 5,
        "event": "DeadlineExtended",
        "effective": "2014-12-15",
        "recorded": "2015-01-10T09:00:00+00:00",
        "provenance": "document: 1263-IV.pdf (sha256 abababababab)",
        "replaced": "D1 due 2014-12-18 -> 2015-03-31 (Personalmangel)",
        "summary": None,
    }
    assert provenance_text(Provenance(SourceKind.OPARL, "https://x/p/1", None, "2015-01-01")) == (
        "oparl: https://x/p/1 [2015-01-01]"
    )

"""Signed seals catch what the chain alone cannot: a cut tail, a forged append and a rewrite
with every later link recomputed, each done with plain SQL on both backends (issue 16)."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from events import seals
from events.seals import Seal, Signer, Verifier
from events.store import StoreLocation
from events.values import Outcome
from tests.integration.audit.conftest import fill
from tests.integration.audit.tampering import Forger
from tracker import audit
from tracker.audit import SealReport, SealSettings
from tracker.clock import FixedClock
from tracker.errors import ConfigurationError, IntegrityViolation
from tracker.service import TrackerService
from tracker.settings import load_settings


@pytest.fixture
def sealing(tmp_path: Path) -> SealSettings:
    return SealSettings(key=tmp_path / "keys" / "seal.key", seal_file=tmp_path / "seals.jsonl")


@pytest.fixture
def forger(location: StoreLocation) -> Iterator[Forger]:
    connection = Forger(location)
    yield connection
    connection.close()


@pytest.fixture
def sealed(
    service: TrackerService, location: StoreLocation, sealing: SealSettings, clock: FixedClock
) -> TrackerService:
    """Seal #1 over positions 1-14 (three motions, an extension, a correction), seal #2 over
    15-18 (a fourth motion)."""
    fill(service, motions=3)
    assert service.head() == 14
    assert _seal(location, sealing, clock).number == 1
    service.add(
        body="BVV Mitte von Berlin",
        reference="4/IV",
        title="Antrag 4",
        kind="Antrag",
        state="BE",
        decided_on=date(2014, 2, 20),
        outcome=Outcome.ADOPTED,
        committee=None,
        addressee="Bezirksamt",
        office="Amt 4",
        due=date(2014, 12, 18),
    )
    assert _seal(location, sealing, clock).number == 2
    return service


def _seal(location: StoreLocation, sealing: SealSettings, clock: FixedClock) -> Seal:
    seal = audit.make_seal(location, sealing, clock)
    assert seal is not None
    return seal


def check(location: StoreLocation, sealing: SealSettings, *, with_file: bool = True) -> SealReport:
    verifier = sealing.verifier()
    assert verifier is not None
    files = [sealing.seal_file] if with_file and sealing.seal_file else []
    result = audit.verify_sealed(location, None, verifier, files)
    assert result.seals is not None
    return result.seals


def unsealed(report: SealReport) -> list[int]:
    return [e.position for e in report.unsealed]


def test_a_sealed_log_verifies_with_its_seals(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings
) -> None:
    report = check(location, sealing)
    assert report.intact, report.problems
    assert report.valid == 2
    assert report.last is not None and (report.last.number, report.last.position) == (2, 18)
    lines = sealing.seal_file.read_text().splitlines()  # type: ignore[union-attr]
    assert [Seal.parse(x).number for x in lines] == [1, 2]


def test_sealing_twice_without_new_events_adds_no_seal(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, clock: FixedClock
) -> None:
    assert audit.make_seal(location, sealing, clock) is None


def test_the_key_is_created_on_first_use_readable_only_by_its_owner(
    sealed: TrackerService, sealing: SealSettings
) -> None:
    assert sealing.key is not None
    assert stat.S_IMODE(sealing.key.stat().st_mode) == 0o600
    public = Verifier.from_file(seals.public_path(sealing.key))
    assert public.key == Signer.load_or_create(sealing.key).key


def test_a_key_that_others_may_read_is_refused(sealing: SealSettings) -> None:
    assert sealing.key is not None
    sealing.signer()
    os.chmod(sealing.key, 0o644)
    with pytest.raises(ConfigurationError, match="others may read it"):
        sealing.signer()


# -- the three cases of the issue --------------------------------------------------------------


def test_a_cut_tail_with_its_chain_rows_is_caught(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, forger: Forger
) -> None:
    forger.truncate(16)  # events 16-18 and their chain rows gone
    assert audit.verify(location).events == 15  # the chain alone sees a shorter, intact log
    report = check(location, sealing, with_file=False)
    assert report.problems == [
        "seal #2 (position 18): sealed position 18, but the log now ends at position 15: "
        "events were deleted"
    ]
    assert unsealed(report) == [15]


def test_a_cut_tail_with_its_seals_deleted_too_is_caught_by_the_seal_file(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, forger: Forger
) -> None:
    forger.truncate(15)  # exactly the events after seal #1
    forger.delete_seals_from(2)
    assert check(location, sealing, with_file=False).intact  # the store alone cannot tell
    report = check(location, sealing)
    assert "seal #2: missing from the store (seals.jsonl line 2 has it)" in report.problems
    assert (
        "seal #2 (seals.jsonl line 2): sealed position 18, but the log now ends at position "
        "14: events were deleted" in report.problems
    )


def test_a_forged_event_appended_with_the_chain_extended_is_named(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, forger: Forger
) -> None:
    position = forger.append_forged(source=8, version=99)
    assert position == 19
    assert audit.verify(location).events == 19  # the chain alone vouches for it
    report = check(location, sealing)
    assert report.problems == []
    assert unsealed(report) == [19]
    (event,) = report.unsealed
    assert event.version == 99 and event.event == "DeadlineSet"
    assert not report.intact


def test_a_rewritten_tail_with_every_later_link_recomputed_is_caught(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, forger: Forger
) -> None:
    forger.rewrite(16, b"adopted", b"rejected")
    assert audit.verify(location).events == 18  # the chain alone: intact
    report = check(location, sealing, with_file=False)
    assert report.problems == [
        "seal #2 (position 18): the log no longer matches it: rewritten at or before position 18"
    ]
    assert unsealed(report) == [15, 16, 17, 18]


def test_a_rewrite_before_a_seal_makes_every_later_seal_fail(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, forger: Forger
) -> None:
    forger.rewrite(8, b"2014-12-18", b"2015-12-18")
    report = check(location, sealing, with_file=False)
    assert [p.split(":")[0] for p in report.problems] == [
        "seal #1 (position 14)",
        "seal #2 (position 18)",
    ]
    assert unsealed(report) == list(range(1, 19))


# -- seals tampered with --------------------------------------------------------------------------


def test_a_seal_signed_by_another_key_is_named(
    sealed: TrackerService,
    location: StoreLocation,
    sealing: SealSettings,
    forger: Forger,
    clock: FixedClock,
) -> None:
    forger.rewrite(16, b"adopted", b"rejected")
    forger.delete_seal(2)
    other = Signer(Ed25519PrivateKey.generate())
    position, value = forger.head()
    forged = other.sign(2, position, value, clock.now())
    forger.insert_seal(forged)
    report = check(location, sealing, with_file=False)
    assert report.problems == [
        f"seal #2 (position 18): signed by another key ({other.key}, not {report.key})"
    ]
    assert unsealed(report) == [15, 16, 17, 18]


def test_a_deleted_seal_is_named_missing(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, forger: Forger
) -> None:
    forger.delete_seal(1)
    report = check(location, sealing, with_file=False)
    assert report.problems == ["seal #1: missing from the store"]
    assert unsealed(report) == []  # seal #2 still vouches for everything


def test_an_edited_line_of_the_seal_file_is_named(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings
) -> None:
    path = sealing.seal_file
    assert path is not None
    lines = path.read_text().splitlines()
    lines[0] = lines[0].replace('"position":14', '"position":13')
    lines.append("{not a seal")
    path.write_text("\n".join(lines) + "\n")
    report = check(location, sealing)
    assert report.problems[0] == (
        "seal #1 (seals.jsonl line 1): the signature does not verify: the seal was altered"
    )
    assert report.problems[1].startswith("seals.jsonl line 3: not a seal (")
    assert len(report.problems) == 2


def test_an_altered_seal_in_the_store_is_named(
    sealed: TrackerService, location: StoreLocation, sealing: SealSettings, forger: Forger
) -> None:
    forger.run(f"UPDATE {forger.seal_table()} SET sealed = ? WHERE seal = 1", "2014-01-01T00:00:00")
    report = check(location, sealing, with_file=False)
    assert report.problems == [
        "seal #1 (position 14): the signature does not verify: the seal was altered"
    ]


# -- no signature over a log that no longer continues the last seal ---------------------------


def test_sealing_refuses_a_log_rewritten_since_the_last_seal(
    sealed: TrackerService,
    location: StoreLocation,
    sealing: SealSettings,
    forger: Forger,
    clock: FixedClock,
) -> None:
    forger.rewrite(16, b"adopted", b"rejected")
    forger.append_forged(source=8, version=99)
    with pytest.raises(IntegrityViolation, match="chain no longer holds seal #2 at position 18"):
        audit.make_seal(location, sealing, clock)


def test_sealing_refuses_when_the_store_lost_seals_the_file_holds(
    sealed: TrackerService,
    location: StoreLocation,
    sealing: SealSettings,
    forger: Forger,
    clock: FixedClock,
) -> None:
    forger.rewrite(16, b"adopted", b"rejected")
    forger.delete_seals_from(2)  # the forger hides the seal that no longer matches
    with pytest.raises(IntegrityViolation, match="holds seal #2, the store only #1"):
        audit.make_seal(location, sealing, clock)
    assert forger.run(f"SELECT COUNT(*) FROM {forger.seal_table()}") == [(1,)]


def test_the_run_services_seal_job_signs_when_the_head_moved(
    filled: TrackerService, location: StoreLocation, tmp_path: Path
) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text('[audit]\nkey = "seal.key"\n', encoding="utf-8")
    settings = load_settings(db=str(tmp_path), config=str(config), environ={}, now="2015-01-05")
    settings = dataclasses.replace(settings, store=location)
    assert audit.seal(location, settings).position == 18  # the job of `tracker run`
    newest = audit.newest_seal(location)
    assert newest is not None and (newest.number, newest.position) == (1, 18)
    audit.seal(location, settings)  # nothing new: no second seal
    assert audit.newest_seal(location) == newest
    report = check(location, SealSettings(key=tmp_path / "seal.key"))
    assert report.intact

"""Ingesting council documents into real stores: idempotent, atomic, changes only."""

from __future__ import annotations

import shutil
from pathlib import Path

from tracker.ingest import IngestSummary, ingest_paths
from tracker.service import TrackerService


def ingest(service: TrackerService, *paths: Path, dry_run: bool = False) -> IngestSummary:
    summary = IngestSummary()
    for result in ingest_paths(service, list(paths), dry_run=dry_run):
        summary.add(result)
    return summary


def test_ingesting_the_seeds_twice_appends_nothing_the_second_time(
    service: TrackerService, shared_dir: Path
) -> None:
    first = ingest(service, shared_dir / "seeds")
    assert (first.documents, first.motions_new, first.failures) == (5, 5, 0)
    head = service.head()
    assert head == first.events > 0
    again = ingest(service, shared_dir / "seeds")
    assert (again.events, again.unchanged, again.motions_new) == (0, 5, 0)
    assert service.head() == head


def test_the_seed_facts_arrive_on_the_motion(service: TrackerService, shared_dir: Path) -> None:
    ingest(service, shared_dir / "seeds" / "000_dab9d3976da33e67.txt")
    motion = service.find("1263/IV")
    assert motion.body == "BVV Mitte von Berlin" and motion.state == "BE"
    assert sorted(d.due.isoformat() for d in motion.deadlines.values() if d.due) == [
        "2014-12-18",
        "2014-12-31",
    ]
    assert motion.decision is not None and motion.decision.on is not None
    event = service.history(motion.id)[0]
    assert event.provenance.name == "000_dab9d3976da33e67.txt"
    assert len(event.provenance.sha256) == 64


def test_a_changed_version_appends_only_the_extension(
    service: TrackerService, shared_dir: Path, tmp_path: Path
) -> None:
    seed = shared_dir / "seeds" / "000_dab9d3976da33e67.txt"
    ingest(service, seed)
    head = service.head()
    changed = tmp_path / "000_v2.txt"
    changed.write_bytes(seed.read_bytes().replace(b"18.12.2014", b"31.03.2015"))
    summary = ingest(service, changed)
    assert summary.events == 1 and summary.motions_updated == 1
    (entry,) = list(service.log(start=head + 1))
    assert entry.name == "DeadlineExtended"
    assert entry.data()["previous_due"] == "2014-12-18" and entry.data()["new_due"] == "2015-03-31"


def test_dry_run_records_nothing(service: TrackerService, shared_dir: Path) -> None:
    summary = ingest(service, shared_dir / "seeds", dry_run=True)
    assert summary.motions_new == 5 and summary.events > 0
    assert service.head() == 0


def test_a_bad_file_is_skipped_and_the_others_go_on(
    service: TrackerService, shared_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(shared_dir / "seeds" / "000_dab9d3976da33e67.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes(bytes(range(256)) * 4)
    results = list(ingest_paths(service, [folder]))
    errors = {Path(r.file).name: r.error for r in results if r.error}
    assert set(errors) == {"b.txt", "c.txt"}
    assert all(errors.values())
    assert [r.reference for r in results if not r.error] == ["1263/IV"]
    assert {e.name for e in service.log()} >= {"Registered", "DeadlineSet"}


def test_a_report_duty_written_twice_is_recorded_once(service: TrackerService) -> None:
    example = Path(__file__).resolve().parents[2] / "examples"
    ingest(service, example / "musterstadt-beschlussvorlage-2025-BV-0087.txt")
    motion = service.find("2025/BV/0087")
    assert [o.recurrence.value for o in motion.obligations.values()] == ["half-yearly"]
    report_deadlines = [d for d in motion.deadlines.values() if d.kind.value == "report"]
    assert report_deadlines == []

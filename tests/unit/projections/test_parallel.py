"""Pure logic of the parallel rebuild: how the log is cut into parts, how many workers."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from events.store import connect, parse_location
from projections.builds import (
    build_alive,
    build_lock,
    lock_path,
    part_path,
    plan_path,
    remove_build,
    remove_dead_builds,
)
from projections.parallel import Plan, adopt_plan, cut_ranges, default_workers
from projections.runner import Runner
from tests.unit.projections.test_runner_and_queries import Recording


def test_ranges_hold_equal_numbers_of_first_events_and_cover_the_log() -> None:
    # Motions first recorded at these positions; most of them early, as in a log whose
    # later facts (extensions, completions) come after the motions.
    firsts = [1, 5, 9, 13, 17, 21, 25, 29]
    ranges = cut_ranges(firsts, 100, 2)
    assert ranges == [(0, 13), (13, 100)]
    assert [sum(lo < f <= hi for f in firsts) for lo, hi in ranges] == [4, 4]
    three = cut_ranges(firsts, 100, 3)
    assert three[0][0] == 0 and three[-1][1] == 100
    assert all(a[1] == b[0] for a, b in pairwise(three))
    assert sorted(sum(lo < f <= hi for f in firsts) for lo, hi in three) == [2, 3, 3]


def test_more_parts_than_motions_leave_empty_ranges() -> None:
    assert cut_ranges([7], 10, 3) == [(0, 0), (0, 0), (0, 10)]
    assert cut_ranges([], 10, 2) == [(0, 5), (5, 10)]


def test_default_workers_by_cpus_and_log_length() -> None:
    assert default_workers(10_000, cpus=8) == 1
    assert default_workers(120_000, cpus=8) == 2
    assert default_workers(1_000_000, cpus=2) == 2
    assert default_workers(1_000_000, cpus=16) == 4
    assert default_workers(0, cpus=2) == 1


def test_a_build_is_marked_beside_the_version_it_builds(tmp_path: Path) -> None:
    db = connect(parse_location(str(tmp_path)))
    projection = Recording()
    runner = Runner(db, None, [projection])
    runner.setup()
    assert runner.reset([projection], build="0123abcd")
    assert db.query("SELECT version FROM projection_positions") == [(projection.version,)]
    assert db.query("SELECT name, token FROM projection_builds") == [(projection.name, "0123abcd")]
    assert runner.reset([projection])  # a build in one process: no mark
    assert db.query("SELECT name, token FROM projection_builds") == []
    db.close()


def test_only_the_scratch_files_of_dead_builds_are_deleted(tmp_path: Path) -> None:
    db = tmp_path / "tracker.sqlite"
    dead = [part_path(db, "dead01", 0), Path(f"{part_path(db, 'dead01', 1)}-wal")]
    live = [part_path(db, "live01", 0), part_path(db, "live01", 1)]
    kept = [db, tmp_path / "other.sqlite.rebuild-dead01-0"]
    for path in dead + live + kept:
        path.write_text("x")
    lock_path(db, "dead01").write_text("")  # its process died: nobody holds it

    with build_lock(db, "live01"):
        assert build_alive(db, "live01") and not build_alive(db, "dead01")
        remove_build(db, "live01")  # asked directly: its lock is held, nothing goes
        assert all(p.exists() for p in live) and lock_path(db, "live01").exists()
        remove_dead_builds(db)
        assert [p for p in dead if p.exists()] == []
        assert not lock_path(db, "dead01").exists()
        assert all(p.exists() for p in live + kept)
    assert not build_alive(db, "live01") and not lock_path(db, "live01").exists()


def test_a_dead_build_of_the_same_versions_is_adopted_and_others_deleted(tmp_path: Path) -> None:
    db = tmp_path / "tracker.sqlite"
    same = Plan("same01", 900, 1000, [(0, 400), (400, 900)], {"board": "5;regular=6"})
    older = Plan("old001", 800, 900, [(0, 800)], {"board": "4;regular=6"})
    for plan in (same, older):
        plan.save(db)
        part_path(db, plan.token, 0).write_text("x")
    (tmp_path / "tracker.sqlite.rebuild-broken.json").write_text("{")

    assert Plan.load(db, "same01") == same
    with build_lock(db, "live01"):
        plan_path(db, "live01").write_text("{}")
        assert adopt_plan(db, {"board": "5;regular=6"}) == same
        assert part_path(db, "same01", 0).exists()  # kept for the resumed build
        assert not part_path(db, "old001", 0).exists() and not plan_path(db, "old001").exists()
        assert not plan_path(db, "broken").exists()
        assert plan_path(db, "live01").exists()  # a running build is not touched
    assert adopt_plan(db, {"board": "6;regular=6"}) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == []

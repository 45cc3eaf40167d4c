"""``tracker log`` in table form streams: its memory does not grow with the log (issue 16,
defect 6), like the JSON lines form."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from console.render.output import stream_table
from events.store import StoreLocation
from events.values import DeadlineKind, Outcome, Provenance
from tracker.motion import Meta, Motion
from tracker.service import open_log

REPO = Path(__file__).resolve().parents[2]
PEAK = (
    "import resource, sys, cli\n"
    "try:\n"
    "    cli.main()\n"
    "finally:\n"
    "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def add_motions(location: StoreLocation, start: int, count: int) -> None:
    """``count`` motions from number ``start`` on, each registered, decided, addressed and
    given a deadline (4 events), saved a thousand at a time (the service's one at a time
    took most of this test's time)."""
    app = open_log(location)
    meta = Meta(date(2014, 2, 20), Provenance.user("tester"), datetime(2014, 3, 1, tzinfo=UTC))
    try:
        for first in range(start, start + count, 1000):
            motions = []
            for n in range(first, min(first + 1000, start + count)):
                m = Motion.register(
                    body="BVV Mitte von Berlin", reference=f"{n}/IV", title="Spielplatz " * 8,
                    kind="Antrag", state="BE", initiators=[], meta=meta,
                )  # fmt: skip
                m.record_decision(committee=None, outcome=Outcome.ADOPTED, text=None, meta=meta)
                m.assign_addressee(addressee="Bezirksamt", office="Abt. Soziales", meta=meta)
                m.set_deadline(
                    kind=DeadlineKind.COMPLETION, due=date(2014, 12, 18), window_start=None,
                    phrase="bis zum 18.12.2014", rule="manual", meta=meta,
                )  # fmt: skip
                motions.append(m)
            app.save(*motions)
    finally:
        app.close()


def peak_kib(db: Path, out: Path) -> int:
    """The peak resident memory of ``tracker log`` printing to ``out``."""
    with out.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-c", PEAK, "--db", str(db), "log"],
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.PIPE,
            check=True,
        )
    return int(done.stderr.decode().split()[-1])


@pytest.mark.slow
def test_the_log_table_keeps_its_memory_flat_as_the_log_grows(
    sqlite_location: StoreLocation, tmp_path: Path
) -> None:
    add_motions(sqlite_location, 1, 2500)  # 10,000 events
    small = peak_kib(tmp_path / "db", tmp_path / "small.txt")
    add_motions(sqlite_location, 2501, 22500)  # 100,000 events
    large = peak_kib(tmp_path / "db", tmp_path / "large.txt")
    lines = (tmp_path / "large.txt").read_text().splitlines()
    assert len(lines) == 2 + 100_000
    # aligned: the last column (the motion's reference) starts at the same place in every row
    assert len({len(line) - len(line.split()[-1]) for line in lines[2:]}) == 1
    assert lines[2].split()[-1] == "1/IV" and lines[-1].split()[-1] == "25000/IV"
    assert large - small < 4 * 1024, (small, large)  # 10x the events, not 10x the memory


def test_a_streamed_table_prints_each_row_before_the_next_is_read() -> None:
    read: list[int] = []

    def rows() -> Iterator[dict[str, object]]:
        for n in range(3):
            read.append(n)
            yield {"a": n, "b": "x" * n}

    lines = stream_table(rows(), ["a", "b"], {"a": 1, "b": 2})
    assert [next(lines), next(lines)] == ["a  b\n", "-  --\n"]
    assert next(lines) == "0\n" and read == [0]
    assert next(lines) == "1  x\n" and read == [0, 1]
    assert list(lines) == ["2  xx\n"]

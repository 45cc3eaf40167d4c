"""The OParl fixtures in tests/data/oparl are exact copies of ../shared/oparl-examples."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "oparl"


def test_the_copies_match_the_shared_examples(shared_dir: Path) -> None:
    shared = sorted((shared_dir / "oparl-examples").glob("*.json"))
    assert shared, "no shared OParl examples"
    for source in shared:
        assert (DATA / source.name).read_bytes() == source.read_bytes(), source.name

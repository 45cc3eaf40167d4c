"""Several OS processes writing and extending the chain at once leave one intact chain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from events import chain
from events.store import StoreLocation, connect
from tests.conftest import PG_BASE
from tracker import audit

HERE = Path(__file__).parent
WORKERS = 3
WRITES = 25


def db_value(location: StoreLocation) -> str:
    if location.backend == "sqlite":
        return str(location.path)
    return f"{PG_BASE}?schema={location.schema}"


@pytest.mark.slow
def test_concurrent_writers_and_extenders_leave_an_intact_chain(location: StoreLocation) -> None:
    audit.seal(location)  # create the tables before the race
    workers = [
        subprocess.Popen(
            [sys.executable, str(HERE / "chain_writer.py"), db_value(location), str(w), str(WRITES)]
        )
        for w in range(WORKERS)
    ]
    assert [p.wait(timeout=120) for p in workers] == [0] * WORKERS
    with connect(location) as db:
        head = chain.chain_head(db)
        assert head.position == chain.log_head(db)
        chained = db.query(f"SELECT COUNT(*) FROM {chain.chain_table(db)}")[0][0]
    assert chained == WORKERS * WRITES
    result = audit.verify(location)
    assert (result.events, result.head, result.unchained) == (WORKERS * WRITES, head, 0)

"""A local OParl server and a sync runner on each store backend."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from events.store import Database, StoreLocation, connect
from oparl.client import ClientOptions, OParlClient
from oparl.mapping import TextReader, read_obligations
from oparl.mirror import Mirror
from oparl.problems import Problems
from oparl.sync import OParlSync, SyncSummary
from tests.integration.oparl.server import OParlWorld, serve
from tests.integration.oparl.world import build
from tracker.clock import FixedClock
from tracker.service import MotionLog, TrackerService, open_log

#: Fast backoff, still bounded; a generous timeout so that a loaded machine does not retry.
FAST = ClientOptions(timeout=5.0, retries=3, backoff=0.01, rate=0, concurrency=2)

T1 = datetime(2015, 6, 1, 0, 0, tzinfo=UTC)
T2 = datetime(2015, 6, 3, 12, 0, 0, 123456, tzinfo=UTC)
T3 = datetime(2015, 6, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def world() -> OParlWorld:
    world = build()
    world.delays.clear()  # only the quirk test waits for a timeout
    return world


@pytest.fixture
def base(world: OParlWorld) -> Iterator[str]:
    with serve(world) as url:
        yield url


@dataclass
class Runner:
    """Runs syncs against the local server into one store, at chosen instants."""

    app: MotionLog
    db: Database
    base: str

    def service(self, at: datetime = T1) -> TrackerService:
        return TrackerService(self.app, FixedClock(at), "tester")

    def __call__(
        self,
        path: str = "/",
        *,
        at: datetime = T1,
        body: str | None = None,
        full: bool = False,
        options: ClientOptions = FAST,
        overlap: timedelta = timedelta(hours=1),
        reader: TextReader | None = read_obligations,
        download_files: bool = False,
    ) -> SyncSummary:
        with OParlClient(options, Problems()) as client:
            run = OParlSync(
                self.service(at),
                Mirror(self.db),
                client,
                overlap=overlap,
                reader=reader,
                download_files=download_files,
            )
            return run.run(self.base + path, body=body, full=full)

    @property
    def mirror(self) -> Mirror:
        return Mirror(self.db)

    def head(self) -> int:
        return self.service().head()


@pytest.fixture
def sync(location: StoreLocation, base: str) -> Iterator[Runner]:
    app = open_log(location)
    db = connect(location)
    yield Runner(app, db, base)
    db.close()
    app.close()

"""Fixtures for the read-model tests: a board over the real store of each backend."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import pytest

from events.store import Database, StoreLocation, connect
from events.values import Outcome
from projections.board import BoardProjection
from projections.parallel import ParallelBuild
from projections.queries import BoardQueries
from projections.runner import Runner
from tracker.service import TrackerService


@dataclass
class Board:
    """The service that writes the log, and the read model beside it."""

    service: TrackerService
    db: Database
    runner: Runner
    queries: BoardQueries

    def add(
        self,
        reference: str,
        due: date | None,
        *,
        body: str = "BVV Mitte von Berlin",
        state: str = "BE",
        decided: date = date(2014, 2, 20),
        office: str | None = "Abt. Stadtentwicklung",
        committee: str | None = None,
        title: str = "Poststadion",
    ) -> UUID:
        """A motion adopted on ``decided`` with a completion deadline ``due`` (D1)."""
        _, change = self.service.add(
            body=body,
            reference=reference,
            title=title,
            kind="Antrag",
            state=state,
            decided_on=decided,
            outcome=Outcome.ADOPTED,
            committee=committee,
            addressee="Bezirksamt",
            office=office,
            due=due,
        )
        return change.motion.id

    def refresh(self) -> int:
        return self.runner.catch_up()

    def rows(self) -> list[tuple[object, ...]]:
        """Every stored board row, sorted (for comparing read models)."""
        return sorted(self.db.query(f"SELECT * FROM {self.db.table_prefix}board_rows"), key=repr)


@pytest.fixture
def board(service: TrackerService, location: StoreLocation) -> Iterator[Board]:
    db = connect(location)
    runner = Runner(db, service.app, [BoardProjection()], builder=ParallelBuild())
    yield Board(service, db, runner, BoardQueries(db))
    runner.close()
    db.close()

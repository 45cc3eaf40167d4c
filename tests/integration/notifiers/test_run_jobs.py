"""`tracker run` repeats its further jobs beside the dispatcher and survives a failing one."""

from __future__ import annotations

import threading
from datetime import date

from events.store import StoreLocation
from notifiers.policy import parse_policy
from notifiers.service import PeriodicJob, ReminderConfig, ReminderService
from tracker.audit import head, seal
from tracker.errors import StorageError
from tracker.service import TrackerService


def test_run_seals_the_chain_and_keeps_going_after_a_failing_job(
    service: TrackerService, location: StoreLocation
) -> None:
    service.register(body="Rat", reference="A-1", title="T", effective=date(2024, 1, 1))
    policy, options = parse_policy({})
    reminders = ReminderService(
        location=location, app=service.app, clock=service.clock,
        config=ReminderConfig(policy, options, None, None),
    )  # fmt: skip
    stop = threading.Event()
    failures: list[int] = []

    def failing() -> None:
        failures.append(1)
        raise StorageError("the OParl server is down")

    def sealing() -> None:
        seal(location)
        if len(failures) >= 2:
            stop.set()

    jobs = [PeriodicJob("failing", 0.05, failing), PeriodicJob("seal", 0.1, sealing)]
    runner = threading.Thread(
        target=lambda: reminders.serve(stop=stop, install_signals=False, jobs=jobs)
    )
    runner.start()
    runner.join(timeout=30)
    assert not runner.is_alive()
    assert len(failures) >= 2
    assert head(location).position == service.head() == 1

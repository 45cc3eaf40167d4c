"""A send slower than the lease is not doubled by other workers: the claim is kept alive
while the message is on the wire (issue 16, defect 3)."""

from __future__ import annotations

import threading
import time
from datetime import date

from events.store import StoreLocation
from tests.integration.notifiers.conftest import RECIPIENTS, make_reminders
from tests.integration.notifiers.smtp import SmtpServer

LEASE = 2  # seconds; the server takes longer than that to accept a message


def test_three_workers_send_a_digest_slower_than_the_lease_once(
    location: StoreLocation, smtp: SmtpServer
) -> None:
    section = {**RECIPIENTS, "lease_seconds": LEASE}
    first = make_reminders(location, smtp, section)
    first.add("A-1", date(2014, 12, 18))
    first.add("B-1", date(2014, 12, 18), office="Abt. Soziales")
    first.service.app.close()
    smtp.handler.delay = LEASE * 1.75
    done = threading.Event()
    errors: list[BaseException] = []

    def work(n: int) -> None:
        worker = make_reminders(location, smtp, section)  # SQLite: one thread's connections
        worker.clock.set(date(2014, 12, 18))
        try:
            while not done.is_set():
                worker.notify()
                time.sleep(0.1)
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
        finally:
            worker.reminders.close()
            worker.service.app.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    try:
        deadline = time.monotonic() + 30
        while len(smtp.received) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(LEASE * 2.5)  # a doubled send would arrive in this time
    finally:
        done.set()
        for t in threads:
            t.join(30)
    assert errors == []
    keys = sorted(k for m in smtp.received for k in m.keys)
    assert len(keys) == 2 and len(set(keys)) == 2, keys

"""The reminder service: the APScheduler ticker, rebuilds, webhooks to a real HTTP server."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from events.store import StoreLocation, connect
from events.values import Recurrence, ReportKind
from notifiers.policy import parse_policy
from notifiers.queue import ReminderStore
from notifiers.service import ReminderConfig, ReminderService
from notifiers.webhook import sign
from tests.integration.notifiers.conftest import RECIPIENTS, Reminders, make_reminders
from tests.integration.notifiers.smtp import SmtpServer


def wait_for(condition: Any, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_the_service_started_after_a_due_date_sends_the_missed_reminder_once_marked_late(
    rem: Reminders,
) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.clock.set(date(2014, 12, 15))
    rem.notify()  # before-3 (and before-14, coalesced); then the service goes down
    assert len(rem.smtp.received) == 1
    rem.clock.set(date(2014, 12, 19), 10, 0)
    stop = threading.Event()
    serving = threading.Thread(
        target=rem.reminders.serve, kwargs={"stop": stop, "install_signals": False}
    )
    serving.start()
    try:
        assert wait_for(lambda: len(rem.smtp.received) >= 2)
        time.sleep(0.3)  # a second pass must not send it again
    finally:
        stop.set()
        serving.join(10)
    assert not serving.is_alive()
    _, msg = rem.smtp.received
    assert msg.keys == [f"{mid}/D1/2014-12-18/due"]
    assert "[verspätet]" in str(msg.message["Subject"])
    with connect(rem.location) as db:
        leased = db.query(
            f"SELECT COUNT(*) FROM {db.table_prefix}reminders WHERE lease_owner IS NOT NULL"
        )
    assert leased == [(0,)]


def test_a_rebuild_gives_the_same_reminders(rem: Reminders) -> None:
    a = rem.add("A-1", date(2014, 12, 18))
    rem.add("B-1", date(2014, 12, 5), office="Abt. Soziales")
    for day in (date(2014, 12, 4), date(2014, 12, 5), date(2014, 12, 12)):
        rem.clock.set(day)
        rem.notify()
    rem.clock.set(date(2014, 12, 13), 10)
    rem.service.extend_deadline(a, "D1", new_due=date(2015, 1, 30), reason="x", effective=None)
    rem.clock.set(date(2014, 12, 19))
    rem.notify()

    def snapshot() -> list[tuple[object, ...]]:
        return [
            (r.key, r.status, r.send_at, r.recipient, r.version, r.late)
            for r in rem.reminders.reminders()
        ]

    before = snapshot()
    assert {s for _, s, *_ in before} == {"sent", "planned", "retired", "skipped"}
    with connect(rem.location) as db:
        from projections.runner import Runner

        Runner(db, rem.service.app, [rem.reminders.projection]).rebuild("reminders")
    assert snapshot() == before


def test_changing_the_policy_rebuilds_the_read_model(rem: Reminders) -> None:
    rem.add("A-1", date(2014, 12, 18))
    assert len(rem.reminders.reminders()) == 4
    policy, options = parse_policy({**RECIPIENTS, "before": [30, 14, 7, 1]})
    other = ReminderService(
        location=rem.location,
        app=rem.service.app,
        clock=rem.clock,
        config=ReminderConfig(policy, options, rem.smtp.url, None),
    )
    try:
        stages = sorted(r.stage for r in other.reminders())
    finally:
        other.close()
    assert stages == ["before-1", "before-14", "before-30", "before-7", "due", "overdue-7"]


class Hook(BaseHTTPRequestHandler):
    """Records each POST; answers 503 while ``failures`` lasts, then 204."""

    received: ClassVar[list[tuple[dict[str, str], bytes]]] = []
    failures: ClassVar[list[int]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        if self.failures:
            self.failures.pop()
            self.send_response(503)
        else:
            self.received.append((dict(self.headers.items()), body))
            self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    Hook.received, Hook.failures = [], [1]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def test_webhook_recipients_get_one_signed_post_per_reminder_retried_after_503(
    location: StoreLocation, smtp: SmtpServer, hook: str
) -> None:
    section = {**RECIPIENTS, "office": {"Abt. Soziales": hook}}
    rem = make_reminders(location, smtp, section)
    rem.reminders.config = ReminderConfig(
        rem.reminders.config.policy, rem.reminders.config.options, smtp.url, "geheim"
    )
    try:
        a = rem.add("A-1", date(2014, 12, 18), office="Abt. Soziales")
        b = rem.add("A-2", date(2014, 12, 18), office="Abt. Soziales")
        rem.clock.set(date(2014, 12, 18))
        result = rem.notify()
        assert result.counts["sent"] == 2 and not smtp.received
        ids = sorted(h["webhook-id"] for h, _ in Hook.received)
        assert ids == sorted([f"{a}/D1/2014-12-18/due", f"{b}/D1/2014-12-18/due"])
        for headers, body in Hook.received:
            ts = int(headers["webhook-timestamp"])
            assert headers["webhook-signature"] == sign(b"geheim", headers["webhook-id"], ts, body)
            assert json.loads(body)["data"]["stage"] == "due"
        rem.notify()
        assert len(Hook.received) == 2
        with connect(location) as db:
            rows = ReminderStore(db).listing(["sent"])
        assert {r.message_id for r in rows} == set(ids)
    finally:
        rem.reminders.close()
        rem.service.app.close()


def test_a_recurring_report_duty_is_reminded_for_every_occurrence(rem: Reminders) -> None:
    mid = rem.add("R-1", date(2016, 12, 30))
    oid, _ = rem.service.set_report_obligation(
        mid,
        recipient="BVV",
        recurrence=Recurrence.HALF_YEARLY,
        first_due=date(2014, 12, 31),
        phrase="halbjährlich zu berichten",
        effective=date(2014, 2, 20),
    )

    def sent_keys() -> list[str]:
        return [k for message in rem.smtp.received for k in message.keys]

    def report(day: date, kind: ReportKind = ReportKind.INTERIM) -> None:
        rem.clock.set(day)
        rem.service.submit_report(
            mid, on=day, report_kind=kind, document_reference=None, obligation_id=oid
        )

    def planned(nominal: str) -> list[str]:
        prefix = f"{mid}/{oid}/{nominal}/"
        return [k for k, s in rem.status().items() if k.startswith(prefix) and s == "planned"]

    rem.clock.set(date(2014, 12, 29))
    rem.notify()
    assert any(k.startswith(f"{mid}/{oid}/2014-12-31/") for k in sent_keys())

    # An interim report, late: the duty moves to the next half-year, nothing more for 2014.
    report(date(2015, 1, 5))
    sent = len(rem.smtp.received)
    rem.notify()
    assert len(rem.smtp.received) == sent
    assert planned("2014-12-31") == []
    assert planned("2015-06-30")
    rem.clock.set(date(2015, 6, 26))
    rem.notify()
    assert any(k.startswith(f"{mid}/{oid}/2015-06-30/") for k in sent_keys())

    # A report after two due dates covers both: the next occurrence is the one after it.
    report(date(2016, 1, 10))
    assert planned("2015-12-31") == []
    assert planned("2016-06-30")

    # The final report ends the duty.
    report(date(2016, 1, 11), ReportKind.FINAL)
    assert [k for k, s in rem.status().items() if f"/{oid}/" in k and s == "planned"] == []


def test_a_stop_during_a_pass_releases_the_rest_and_serve_returns(rem: Reminders) -> None:
    rem.add("A-1", date(2014, 12, 18))
    rem.add("B-1", date(2014, 12, 18), office="Abt. Soziales")
    rem.clock.set(date(2014, 12, 18))
    stop = threading.Event()

    def stop_after_the_first(message: object) -> None:
        stop.set()  # SIGTERM while the first digest is on the wire

    rem.smtp.handler.on_data = stop_after_the_first  # type: ignore[assignment]
    errors: list[BaseException] = []
    totals: list[object] = []

    def serve() -> None:
        try:
            totals.append(rem.reminders.serve(stop=stop, install_signals=False))
        except BaseException as exc:  # the test reports what the thread raised
            errors.append(exc)

    serving = threading.Thread(target=serve)
    serving.start()
    serving.join(30)
    assert not serving.is_alive() and errors == []
    (counts,) = totals
    assert counts["released"] == 1 and counts["sent"] == 1  # type: ignore[index]
    assert len(rem.smtp.received) == 1
    due = [s for k, s in rem.status().items() if k.endswith("/due")]
    assert sorted(due) == ["planned", "sent"]


def test_only_the_serving_thread_reschedules_so_a_stop_never_waits_on_a_pass(
    rem: Reminders, monkeypatch: pytest.MonkeyPatch
) -> None:
    # APScheduler's shutdown(wait=True) holds the job stores' lock while it waits for running
    # jobs; a pass that rescheduled itself from its own thread then waited for that lock
    # forever (``tracker run`` hung on a SIGTERM that came during a pass).
    from apscheduler.schedulers.background import BackgroundScheduler

    callers: list[str] = []
    original = BackgroundScheduler.modify_job

    def recording(self: BackgroundScheduler, *args: Any, **kwargs: Any) -> Any:
        callers.append(threading.current_thread().name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BackgroundScheduler, "modify_job", recording)
    rem.add("A-1", date(2014, 12, 18))
    rem.clock.set(date(2014, 12, 10))
    stop = threading.Event()
    serving = threading.Thread(
        target=lambda: rem.reminders.serve(stop=stop, install_signals=False), name="serving"
    )
    serving.start()
    for _ in range(200):
        if callers:
            break
        time.sleep(0.05)
    stop.set()
    serving.join(30)
    assert not serving.is_alive()
    assert callers and set(callers) == {"serving"}

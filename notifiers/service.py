"""The reminder service behind ``tracker notify``, ``tracker reminders`` and ``tracker run``.

:class:`ReminderService` wires the read model, the dispatcher and the notifiers from the
settings (read once, GUIDE rule 10). :meth:`ReminderService.serve` is the long-running
service: APScheduler 3.x as an in-process ticker (in-memory job store, Europe/Berlin, one
job with explicit ``coalesce``, ``max_instances=1`` and ``misfire_grace_time``); each tick
catches the read model up with the log, runs a dispatcher pass, and sets the next tick to
the next send time (or expiring claim), at most ``poll_seconds`` away. No job per deadline:
the log and the read model are the schedule (docs/decisions/0005b).
"""

from __future__ import annotations

import logging
import queue
import signal
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from types import FrameType
from typing import Any

from events.store import Database, connect, driver_errors, failure_reason
from notifiers.base import Notifier
from notifiers.dispatcher import Dispatcher, PassResult, reminder_event, worker_name
from notifiers.policy import DeliveryOptions, ReminderPolicy, parse_policy
from notifiers.queue import STATUSES, ReminderRow, ReminderStore
from notifiers.reminders import ReminderProjection
from projections.runner import Runner
from tracker.clock import BERLIN, Clock
from tracker.errors import ConfigurationError, InputError, StorageError, TrackerError
from tracker.logs import get_logger
from tracker.settings import Settings
from tracker.state import DEFAULT_REGULAR_CADENCE_MONTHS

log = get_logger()


@dataclass(frozen=True)
class ReminderConfig:
    """Everything the reminder service is configured with."""

    policy: ReminderPolicy
    options: DeliveryOptions
    smtp_url: str | None
    webhook_secret: str | None
    #: The cadence of a duty to report "regularly" (:attr:`Settings.rules`).
    regular_cadence_months: int = DEFAULT_REGULAR_CADENCE_MONTHS

    @classmethod
    def from_settings(cls, settings: Settings) -> ReminderConfig:
        """From :class:`tracker.settings.Settings` (``[reminders]``, the rules, environment)."""
        policy, options = parse_policy(settings.section("reminders"))
        return cls(
            policy,
            replace(options, base_url=settings.base_url),
            settings.smtp_url,
            settings.webhook_secret,
            settings.rules.regular_cadence_months,
        )


def send_test_email(config: ReminderConfig, address: str, *, now: datetime) -> str:
    """Send one test message to ``address`` through ``TRACKER_SMTP_URL`` (``tracker notify
    --test``); return the server it went through (without credentials). Raises what failed:
    :class:`~tracker.errors.ChannelUnavailable` (connection, TLS, login, sender) or
    :class:`~tracker.errors.DeliveryError` (the recipient refused), in one line."""
    if not config.smtp_url:
        raise ConfigurationError("TRACKER_SMTP_URL is not set (see README, Configuration)")
    from notifiers.email import parse_smtp_url, send_test  # deferred: smtplib, email

    smtp = parse_smtp_url(config.smtp_url)
    send_test(smtp, sender=config.options.sender, to=address, now=now)
    return smtp.display


class ReminderService:
    """Reminders over one store: catch up, list, send one pass, or serve."""

    def __init__(
        self,
        *,
        location: Any,
        app: Any,
        clock: Clock,
        config: ReminderConfig,
        db: Database | None = None,
    ) -> None:
        """``db``: the calling thread's connection to the store, when the caller has one open
        (it stays the caller's to close); other threads open their own."""
        self.location = location
        self.app = app
        self.clock = clock
        self.config = config
        self.worker = worker_name()
        self.projection = ReminderProjection(config.policy, config.regular_cadence_months)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Database] = []
        if db is not None:
            self._local.db = db

    # -- per-thread wiring ---------------------------------------------------------------

    @property
    def db(self) -> Database:
        """This thread's connection (SQLite connections belong to one thread)."""
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = connect(self.location)
            except driver_errors(self.location) as exc:
                raise StorageError(
                    f"cannot open the store {self.location.display}: {failure_reason(exc)}"
                ) from exc
            self._local.db = db
            with self._lock:
                self._opened.append(db)
        return db

    def close(self) -> None:
        """Close every connection this service opened (not the log)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for db in opened:
            db.close()
        self._local = threading.local()

    def runner(self) -> Any:
        """The projection runner for the reminders read model."""
        runner = getattr(self._local, "runner", None)
        if runner is None:
            runner = Runner(self.db, self.app, [self.projection])
            self._local.runner = runner
        return runner

    @property
    def store(self) -> ReminderStore:
        return ReminderStore(self.db)

    def _catch_up(self, db: Database) -> int:
        runner = Runner(db, self.app, [self.projection])
        try:
            applied: int = runner.catch_up()
        finally:
            runner.close()
        return applied

    def dispatcher(
        self,
        *,
        store: ReminderStore | None = None,
        email: Notifier | None = None,
        webhook: Notifier | None = None,
        before_claim: Callable[[], object] | None = None,
    ) -> Dispatcher:
        """A dispatcher with the configured notifiers (or the given ones); before each
        claim it catches the read model up (``before_claim``, by default this thread's)."""
        return Dispatcher(
            app=self.app,
            store=store or self.store,
            policy=self.config.policy,
            options=self.config.options,
            clock=self.clock,
            email=email if email is not None else self._email(),
            webhook=webhook if webhook is not None else self._webhook(),
            worker=self.worker,
            before_claim=before_claim or self.catch_up,
        )

    def _email(self) -> Notifier | None:
        if not self.config.smtp_url:
            return None
        from notifiers.email import EmailNotifier, parse_smtp_url  # deferred: smtplib, email

        return EmailNotifier(
            parse_smtp_url(self.config.smtp_url),
            sender=self.config.options.sender,
            worker=self.worker,
        )

    def _webhook(self) -> Notifier | None:
        if not self.config.webhook_secret:
            return None
        from notifiers.webhook import WebhookNotifier  # deferred: httpx

        return WebhookNotifier(secret=self.config.webhook_secret)

    # -- commands ------------------------------------------------------------------------

    def catch_up(self) -> int:
        """Apply new events to the reminders read model."""
        applied: int = self.runner().catch_up()
        return applied

    def notify(self, *, dry_run: bool = False, dispatcher: Dispatcher | None = None) -> PassResult:
        """One pass now: catch up, then send (or with ``dry_run`` only show) what is due.

        ``retrying`` in the counts: reminders still waiting for another try after a failed
        delivery (so that a pass with nothing due does not hide them)."""
        self.catch_up()
        d = dispatcher or self.dispatcher()
        result = d.preview() if dry_run else d.run_pass()
        waiting = d.store.counts()["retrying"]
        if waiting:
            result.counts["retrying"] = waiting
        log.info("reminder_pass", worker=self.worker, dry_run=dry_run, **dict(result.counts))
        return result

    def reminders(self, statuses: list[str] | None = None) -> list[ReminderRow]:
        """The reminders read model (after catching up), optionally of some statuses."""
        unknown = sorted(set(statuses or ()) - set(STATUSES))
        if unknown:
            raise InputError(
                f"--status {', '.join(unknown)}: not a reminder status; use {', '.join(STATUSES)}"
            )
        self.catch_up()
        return self.store.listing(statuses)

    def for_motion(self, motion_id: Any) -> list[ReminderRow]:
        """One motion's reminders, failures included (for ``tracker show``)."""
        self.catch_up()
        return self.store.for_motion(motion_id)

    def counts(self) -> dict[str, int]:
        """Reminders per status (for ``tracker stats``), and ``retrying``: planned ones
        whose delivery failed and that wait for another try."""
        self.catch_up()
        return self.store.counts()

    def retry(
        self,
        *,
        failed: bool,
        by: str,
        recipient: str | None = None,
        reference: str | None = None,
    ) -> dict[str, int]:
        """Requeue reminders whose delivery failed: pending ones that wait for their next
        try (after a failure, or postponed while their channel failed) are due at once;
        with ``failed``, permanently failed ones are planned again too (a
        ``ReminderRequeued`` in the log). Optionally only those to ``recipient`` or of the
        motion ``reference``. Returns how many of each were requeued."""
        from events.reminders import ReminderRequeued  # deferred: eventsourcing

        self.catch_up()
        now = self.clock.now()
        failed_rows = [
            r
            for r in (self.store.listing(["failed"]) if failed else [])
            if recipient in (None, r.recipient) and reference in (None, r.reference)
        ]
        again = [reminder_event(ReminderRequeued, r, now, by=by) for r in failed_rows]
        if again:
            self.app.save(*again)
            self.catch_up()
        pending = self.store.requeue(recipient=recipient, reference=reference)
        log.info("reminders_requeued", failed=len(again), pending=pending)
        return {"failed": len(again), "pending": pending}

    # -- the service ---------------------------------------------------------------------

    def serve(
        self,
        *,
        stop: threading.Event | None = None,
        install_signals: bool = True,
        jobs: Sequence[PeriodicJob] = (),
    ) -> Counter[str]:
        """Run until SIGTERM/SIGINT (or ``stop`` is set); release claims on the way out.

        ``jobs`` are further periodic work of the same process (OParl sync, sealing the audit
        chain), each on the scheduler with the same coalescing and one instance at a time.
        """
        # deferred: only the long-running service needs the scheduler
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.jobstores.memory import MemoryJobStore
        from apscheduler.schedulers.background import BackgroundScheduler

        stop = stop or threading.Event()
        # A pass that runs past the next interval makes APScheduler log a warning for each
        # skipped run; with max_instances=1 that is the intended behaviour, not news.
        logging.getLogger("apscheduler").setLevel(logging.ERROR)
        totals: Counter[str] = Counter()
        poll = self.config.options.poll_seconds
        if install_signals:

            def on_signal(signum: int, frame: FrameType | None) -> None:
                log.info("reminder_service_stopping", signal=signal.Signals(signum).name)
                stop.set()

            signal.signal(signal.SIGTERM, on_signal)
            signal.signal(signal.SIGINT, on_signal)
        scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            # the dispatcher has a thread of its own, so a long sync never delays a reminder
            executors={"default": ThreadPoolExecutor(1), "jobs": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 30},
            timezone=BERLIN,
        )
        notifiers: dict[str, Notifier | None] = {}
        next_runs: queue.SimpleQueue[datetime] = queue.SimpleQueue()  # each pass's next run

        def tick() -> None:
            # One short-lived connection per tick, opened and closed in the executor's thread.
            if not notifiers:
                notifiers.update(email=self._email(), webhook=self._webhook())
            with connect(self.location) as db:
                self._catch_up(db)
                store = ReminderStore(db)
                result = self.dispatcher(
                    store=store,
                    email=notifiers["email"],
                    webhook=notifiers["webhook"],
                    before_claim=lambda: self._catch_up(db),
                ).run_pass(stop=stop.is_set)
                now = self.clock.now()
                wait = store.seconds_until_next(now, cap=poll, held=result.held)
                if result.held_until is not None:  # late ones wait for the next send time
                    wait = max(0.0, min(wait, (result.held_until - now).total_seconds()))
            totals.update(result.counts)
            log.info(
                "reminder_pass", worker=self.worker, next_in=round(wait, 3), **dict(result.counts)
            )
            next_runs.put(datetime.now(BERLIN) + timedelta(seconds=wait))

        scheduler.add_job(
            tick,
            "interval",
            seconds=poll,
            id="reminders",
            next_run_time=datetime.now(BERLIN),
            coalesce=True,
            max_instances=1,
            misfire_grace_time=max(1, int(poll)),
        )
        for job in jobs:
            scheduler.add_job(
                _logged(job),
                "interval",
                seconds=job.seconds,
                id=job.name,
                executor="jobs",
                next_run_time=datetime.now(BERLIN),
                coalesce=True,
                max_instances=1,
                misfire_grace_time=max(1, int(job.seconds)),
            )
        log.info("reminder_service_started", worker=self.worker, poll_seconds=poll)
        scheduler.start()
        try:
            # Only this thread touches the scheduler: shutdown(wait=True) holds the job stores'
            # lock while it waits for running jobs, so a job rescheduling itself then would
            # wait for that lock forever (a SIGTERM during a pass hung ``tracker run``).
            while not stop.is_set():
                try:
                    when = next_runs.get(timeout=0.2)
                except queue.Empty:
                    continue
                if not stop.is_set():
                    scheduler.modify_job("reminders", next_run_time=when)
        finally:
            stop.set()
            scheduler.shutdown(wait=True)
            with connect(self.location) as db:
                left = ReminderStore(db).release(self.worker)
            # ``released`` in the totals counts claims given back during passes
            log.info(
                "reminder_service_stopped",
                worker=self.worker,
                **(dict(totals) | {"released_at_stop": left}),
            )
        return totals


@dataclass(frozen=True)
class PeriodicJob:
    """Work that ``tracker run`` repeats every ``seconds`` beside the dispatcher."""

    name: str
    seconds: float
    run: Callable[[], object]


def _logged(job: PeriodicJob) -> Callable[[], None]:
    """The job, with a log line per run; a failing run is logged and the next one tries again."""

    def run() -> None:
        try:
            job.run()
        except TrackerError as exc:
            log.warning("job_failed", job=job.name, reason=str(exc))
            return
        log.info("job_done", job=job.name)

    return run

"""The dispatcher: claim due reminders, send them, then record what happened.

One pass (:meth:`Dispatcher.run_pass`) repeats until nothing due is left unclaimed:

1. claim a batch of due reminders (a lease in the read model, see
   :class:`notifiers.queue.ReminderStore`);
2. decide with the pure :func:`notifiers.policy.due_reminders` what goes out (digests per
   recipient, coalesced stages skipped, late ones marked);
3. send each digest (retrying transient failures while the claim is held);
4. record ``ReminderSent`` / ``ReminderFailed`` / ``ReminderSkipped`` in the log under each
   reminder's key, one atomic save per digest right after it went out;
5. when the claimed batch is done, write the outcomes into its rows and end the claims.

A transient failure is recorded once per reminder (its first ``ReminderFailed``, not
permanent); later transient failures of the same reminder only count attempts in its row,
so an outage does not fill the log: the log holds the first failure and the outcome. When
the channel itself fails (:class:`~tracker.errors.ChannelUnavailable`: a wrong password, no
TLS, no connection), the pass sends nothing more on that channel: the rest of its reminders
are released to be tried again after ``lease_seconds``, none is failed for good, and the
pass reports the channel in :attr:`PassResult.unavailable` (``tracker notify`` exits 1).

While a claimed batch is handled, its claims are renewed (:meth:`ReminderStore.kept`): a
server slower than the lease does not let another worker send the same digest. A crash
between 3 and 4 leaves the claim to expire: the reminder is sent again, with the
same Message-ID. Recording an outcome for a key that another worker recorded first fails
on the stream's version; that is logged and nothing else is written.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from eventsourcing.persistence import IntegrityError

from events.reminders import (
    ReminderEvent,
    ReminderFailed,
    ReminderRequeued,
    ReminderSent,
    ReminderSkipped,
    reminder_id,
)
from notifiers.base import Notifier, deliver
from notifiers.digest import RenderedDigest, render
from notifiers.policy import DeliveryOptions, Digest, Hold, ReminderPolicy, due_reminders
from notifiers.queue import ReminderRow, ReminderStore, Settled
from tracker.clock import Clock
from tracker.errors import (
    ChannelUnavailable,
    ConcurrencyError,
    ConfigurationError,
    PermanentDeliveryError,
)
from tracker.logs import get_logger

log = get_logger()


def worker_name() -> str:
    """``host:pid:random``: names this process's claims and its mails' worker header."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


#: The setting each channel needs (from the environment; see :mod:`tracker.settings`).
SETTING = {"email": "TRACKER_SMTP_URL", "webhook": "TRACKER_WEBHOOK_SECRET"}


def is_webhook(recipient: str) -> bool:
    """Recipients that are URLs get webhooks; the others e-mail."""
    return recipient.startswith(("http://", "https://"))


@dataclass
class Sent:
    """What a pass sent (or, dry, would send) to one recipient."""

    recipient: str
    channel: str
    keys: tuple[str, ...]
    subject: str
    late: bool
    status: str
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "recipient": self.recipient,
            "channel": self.channel,
            "subject": self.subject,
            "late": self.late,
            "status": self.status,
            "error": self.error,
            "keys": list(self.keys),
        }


@dataclass
class PassResult:
    """Counts and messages of one pass."""

    counts: Counter[str] = field(default_factory=Counter)
    messages: list[Sent] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: Channels that failed as a whole in this pass, with the error (reminders kept pending).
    unavailable: dict[str, str] = field(default_factory=dict)
    #: Of those, the channels that lack their setting (``TRACKER_WEBHOOK_SECRET``, ...).
    unconfigured: set[str] = field(default_factory=set)
    #: What each reminder key of the pass is about, for people: ``1263/IV D1 overdue-7``.
    labels: dict[str, str] = field(default_factory=dict)
    #: Late reminders held for the next send time on a working day: key -> when.
    held: dict[str, datetime] = field(default_factory=dict)

    def hold(self, holds: Iterable[Hold]) -> None:
        """Count the held reminders of a pass (once each)."""
        for h in holds:
            if h.row.key not in self.held:
                self.held[h.row.key] = h.until
                self.counts["held"] += 1

    @property
    def held_until(self) -> datetime | None:
        """When the first held reminder goes out (None: none held)."""
        return min(self.held.values(), default=None)

    def label(self, rows: Iterable[Any]) -> None:
        """Remember the labels of ``rows`` (reminder rows of this pass)."""
        self.labels.update((r.key, f"{r.reference} {r.deadline_id} {r.stage}") for r in rows)

    def check(self) -> None:
        """Raise naming each channel that failed in this pass: :class:`ConfigurationError`
        (exit 2) when one lacks its setting, else :class:`ChannelUnavailable` (exit 1)."""
        if self.unavailable:
            failed = "; ".join(f"{c}: {e}" for c, e in sorted(self.unavailable.items()))
            message = f"{failed} (reminders kept pending; fix it and run again)"
            if self.unconfigured:
                raise ConfigurationError(message)
            raise ChannelUnavailable(message)


class Dispatcher:
    """Sends due reminders from the read model and records the outcomes in the log."""

    def __init__(
        self,
        *,
        app: Any,
        store: ReminderStore,
        policy: ReminderPolicy,
        options: DeliveryOptions,
        clock: Clock,
        email: Notifier | None,
        webhook: Notifier | None,
        worker: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        before_claim: Callable[[], object] | None = None,
    ) -> None:
        self.app = app
        self.store = store
        self.policy = policy
        self.options = options
        self.clock = clock
        self.email = email
        self.webhook = webhook
        self.worker = worker or worker_name()
        self.sleep = sleep
        self.before_claim = before_claim
        self._settle: list[Settled] = []
        #: The late reminders held in the current pass (not claimed), by key.
        self._held_rows: dict[str, Any] = {}

    # -- one pass --------------------------------------------------------------------------

    def preview(self) -> PassResult:
        """What a pass would send now, without claiming, sending or recording."""
        now = self.clock.now()
        result = PassResult()
        due = self.store.due(now)
        result.label(due)
        decided = due_reminders(due, now, self.policy)
        for skip in decided.skips:
            result.skipped.append((skip.row.key, skip.reason))
            result.counts["skipped"] += 1
        result.hold(decided.held)
        for digest in decided.digests:
            for channel, part in self._parts(digest):
                rendered = self._render(part, now)
                result.messages.append(
                    Sent(part.recipient, channel, part.keys, rendered.subject, part.late, "dry-run")
                )
                result.counts["would_send"] += len(part.items)
        return result

    def run_pass(self, stop: Callable[[], bool] = lambda: False) -> PassResult:
        """Claim, send and record until nothing due is left unclaimed (or ``stop()``).

        Each outcome is recorded in the log right after its message went out; the rows of
        a claimed batch are settled together when the batch is done (a worker that dies
        before that leaves rows whose outcome is already in the log: ``before_claim``, the
        read model's catch-up, makes other workers see them before they claim).
        """
        result = PassResult()
        handled: set[str] = set()
        first = True
        while not stop():
            if self.before_claim is not None:
                self.before_claim()
            now = self.clock.now()
            if first:  # late reminders wait for the next send time: never claimed in this pass
                held = due_reminders(self.store.due(now), now, self.policy).held
                result.hold(held)
                self._held_rows = {h.row.key: h.row for h in held}
                first = False
            rows = self.store.claim(
                self.worker,
                now=now,
                lease=self.options.lease_seconds,
                limit=self.options.claim_batch,
                exclude=result.held,
            )
            if not rows:
                break
            if handled.issuperset(r.key for r in rows):  # settled rows came back: stop
                log.warning("reminder_rows_reclaimed", keys=len(rows))
                self.store.release(self.worker, [r.key for r in rows])
                break
            handled.update(r.key for r in rows)
            result.label(rows)
            result.counts["claimed"] += len(rows)
            deadline = time.monotonic() + self.options.lease_seconds * 0.8
            with self.store.kept(self.worker, lease=self.options.lease_seconds):
                try:
                    self._handle(rows, now, deadline, result, stop)
                finally:
                    settle, self._settle = self._settle, []
                    self.store.settle(settle, owner=self.worker)
        return result

    def _handle(
        self,
        rows: Sequence[ReminderRow],
        now: datetime,
        deadline: float,
        result: PassResult,
        stop: Callable[[], bool],
    ) -> None:
        claimed = {r.key for r in rows}
        # held rows are not claimed, but still the latest of their deadline: their earlier
        # stages among the claimed rows are coalesced into them
        waiting = [r for key, r in self._held_rows.items() if key not in claimed]
        decided = due_reminders([*rows, *waiting], now, self.policy)
        fresh = [h for h in decided.held if h.row.key in claimed]
        if fresh:  # became late while this pass ran: given back, excluded from now on
            result.hold(fresh)
            self._held_rows.update((h.row.key, h.row) for h in fresh)
            self.store.release(self.worker, [h.row.key for h in fresh])
        channels = {channel for d in decided.digests for channel, _ in self._parts(d)}
        for channel in sorted(channels - set(result.unavailable)):
            if (self.webhook if channel == "webhook" else self.email) is None:
                # one channel without its setting does not stop the others: its reminders
                # are postponed below like those of a channel that is down
                error = f"reminders to send by {channel} but {SETTING[channel]} is not set"
                result.unavailable[channel] = error
                result.unconfigured.add(channel)
                log.error("reminder_channel_unconfigured", channel=channel, error=error)
        if decided.skips:
            self._record(
                [
                    (s.row, ReminderSkipped, {"reason": s.reason}, "skipped", None, None, s.reason)
                    for s in decided.skips
                ],
                now,
            )
            result.counts["skipped"] += len(decided.skips)
            result.skipped += [(s.row.key, s.reason) for s in decided.skips]
        pending = list(decided.digests)
        while pending:
            if stop() or time.monotonic() >= deadline:
                left = [i.row.key for d in pending for i in d.items]
                self.store.release(self.worker, left)
                result.counts["released"] += len(left)
                return
            digest = pending.pop(0)
            for channel, part in self._parts(digest):
                if channel in result.unavailable:
                    keys = [i.row.key for i in part.items]
                    self.store.postpone(self.worker, keys, retry_at=self._retry_at())
                    result.counts["postponed"] += len(keys)
                else:
                    self._send(channel, part, now, deadline, result)

    def _parts(self, digest: Digest) -> list[tuple[str, Digest]]:
        if is_webhook(digest.recipient):
            return [("webhook", Digest(digest.recipient, (i,))) for i in digest.items]
        return [("email", digest)]

    def _retry_at(self) -> float:
        return time.time() + self.options.lease_seconds

    def _render(self, digest: Digest, now: datetime) -> RenderedDigest:
        states = self.store.states(i.row.motion_id for i in digest.items)
        return render(
            digest, now=now, sender=self.options.sender, base_url=self.options.base_url,
            states=states,
        )  # fmt: skip

    def _notifier(self, channel: str) -> Notifier:
        notifier = self.webhook if channel == "webhook" else self.email
        if notifier is None:
            raise ConfigurationError(
                f"reminders to send by {channel} but {SETTING[channel]} is not set"
            )
        return notifier

    def _send(
        self, channel: str, digest: Digest, now: datetime, deadline: float, result: PassResult
    ) -> None:
        rendered = self._render(digest, now)
        items: list[dict[str, object]] = [i.row.as_item() | {"late": i.late} for i in digest.items]
        outcome = deliver(
            self._notifier(channel),
            rendered,
            now=now,
            items=items,
            retries=self.options.retries,
            backoff=self.options.backoff_seconds,
            deadline=deadline,
            sleep=self.sleep,
        )
        sent = Sent(digest.recipient, channel, digest.keys, rendered.subject, digest.late, "sent")
        if outcome.message_id is not None:
            self._record(
                [
                    (
                        i.row,
                        ReminderSent,
                        {
                            "channel": channel,
                            "message_id": outcome.message_id,
                            "planned_for": i.row.send_at,
                            "late": i.late,
                        },
                        "sent",
                        outcome.message_id,
                        i.late,
                        None,
                    )
                    for i in digest.items
                ],
                now,
            )
            result.counts["sent"] += len(digest.items)
            result.counts["messages"] += 1
        else:
            permanent = isinstance(outcome.error, PermanentDeliveryError)
            error = str(outcome.error)
            # Only a reminder's first transient failure is recorded; later ones are counted.
            first = [i for i in digest.items if permanent or i.row.error is None]
            again = [i.row.key for i in digest.items if not (permanent or i.row.error is None)]
            self._record(
                [
                    (
                        i.row,
                        ReminderFailed,
                        {
                            "channel": channel,
                            "permanent": permanent,
                            "error": error,
                            "attempts": outcome.attempts,
                        },
                        "failed" if permanent else "planned",
                        None,
                        None,
                        error,
                    )
                    for i in first
                ],
                now,
                retry_at=self._retry_at(),
            )
            if again:
                self.store.postpone(
                    self.worker,
                    again,
                    retry_at=self._retry_at(),
                    attempts=outcome.attempts,
                    error=error,
                )
            result.counts["failed_permanent" if permanent else "failed_transient"] += len(
                digest.items
            )
            sent.status = "failed" if permanent else "retry"
            sent.error = error
            log.warning(
                "reminder_delivery_failed",
                recipient=digest.recipient,
                channel=channel,
                permanent=permanent,
                error=error,
                keys=len(digest.items),
                attempts=outcome.attempts,
            )
            if isinstance(outcome.error, ChannelUnavailable):
                result.unavailable[channel] = error
                log.error("reminder_channel_unavailable", channel=channel, error=error)
        result.messages.append(sent)

    # -- recording -------------------------------------------------------------------------

    def _record(
        self,
        outcomes: Sequence[
            tuple[
                ReminderRow,
                type[ReminderEvent],
                dict[str, Any],
                str,
                str | None,
                bool | None,
                str | None,
            ]
        ],
        now: datetime,
        *,
        retry_at: float = 0.0,
    ) -> None:
        if not outcomes:
            return
        events = [reminder_event(cls, row, now, **fields) for row, cls, fields, *_ in outcomes]
        try:
            self.app.save(*events)
            kept = [(True, event) for event in events]
        except IntegrityError:
            kept = [self._save_one(event) for event in events]
        settle: list[Settled] = []
        for (ours, event), (row, _cls, _fields, status, mid, late, error) in zip(
            kept, outcomes, strict=True
        ):
            settle.append(
                Settled(row.key, status, event.originator_version, mid, late, error, now, retry_at)
                if ours
                else recorded_elsewhere(event, now)
            )
        self._settle += settle

    def _save_one(self, event: ReminderEvent) -> tuple[bool, ReminderEvent]:
        """Save one outcome at the stream's current version: (True, the event saved); when
        another worker already recorded a final outcome for the key: (False, that one)."""
        for _ in range(20):
            try:
                self.app.save(event)
                return True, event
            except IntegrityError:
                last = self.app.recorder.select_events(event.originator_id, desc=True, limit=1)
                existing = self.app.mapper.to_domain_event(last[0]) if last else None
                if isinstance(existing, ReminderEvent) and not (
                    (isinstance(existing, ReminderFailed) and not existing.permanent)
                    or isinstance(existing, ReminderRequeued)
                ):
                    log.warning("reminder_recorded_elsewhere", key=event.key)
                    return False, existing
                fields = dict(vars(event))
                fields["originator_version"] = (existing.originator_version if existing else 0) + 1
                event = type(event)(**fields)
        raise ConcurrencyError(f"gave up recording reminder {event.key}")


def reminder_event(
    cls: type[ReminderEvent], row: ReminderRow, now: datetime, **fields: Any
) -> ReminderEvent:
    """The next event of ``row``'s reminder stream (``fields``: those of ``cls`` itself)."""
    made: ReminderEvent = cast(Any, cls)(
        originator_id=reminder_id(row.key),
        originator_version=row.version + 1,
        timestamp=now,
        key=row.key,
        motion=row.motion_id,
        deadline_id=row.deadline_id,
        nominal_due=row.nominal_due,
        stage=row.stage,
        recipient=row.recipient or "",
        **fields,
    )
    return made


def recorded_elsewhere(event: ReminderEvent, now: datetime) -> Settled:
    """The row's outcome as another worker recorded it."""
    if isinstance(event, ReminderSent):
        return Settled(event.key, "sent", event.originator_version, event.message_id,
                       event.late, None, now)  # fmt: skip
    if isinstance(event, ReminderFailed):
        status = "failed" if event.permanent else "planned"
        return Settled(event.key, status, event.originator_version, None, None, event.error, now)
    if isinstance(event, ReminderRequeued):
        return Settled(event.key, "planned", event.originator_version, None, None, None, now)
    reason = event.reason if isinstance(event, ReminderSkipped) else None
    return Settled(event.key, "skipped", event.originator_version, None, None, reason, now)

"""The queue of reminders: claiming due reminders under a lease, settling their outcomes.

The rows are the ``reminders`` read model's (:mod:`notifiers.reminders` plans them from the
log); this module reads them and keeps the claims on them. Claims are leases kept in the
rows: ``lease_owner`` and ``lease_until`` (seconds since the epoch of the machine clock;
leases measure elapsed time between processes, not council time). PostgreSQL claims with
``FOR UPDATE SKIP LOCKED``; SQLite under ``BEGIN IMMEDIATE``. An outcome is recorded in the
log first (a ``ReminderSent``, ...), then settled into its row here, ending the claim
(docs/decisions/0005).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from events.store import Cursor, Database, connect
from tracker.state import MotionState

#: Every status a reminder row can have.
STATUSES = ("planned", "sent", "failed", "skipped", "retired")


def epoch(instant: datetime) -> int:
    """Whole seconds since the epoch (send times are whole minutes)."""
    return int(instant.timestamp())


def from_epoch(seconds: int) -> datetime:
    """The UTC date-time of ``seconds``."""
    return datetime.fromtimestamp(int(seconds), tz=UTC)


@dataclass(frozen=True)
class Settled:
    """An outcome recorded in the log, to be written into its row."""

    key: str
    status: str
    version: int
    message_id: str | None
    late: bool | None
    error: str | None
    when: datetime
    retry_at: float = 0.0


@dataclass(frozen=True)
class ReminderRow:
    """A reminder row joined with its obligation's facts, as the dispatcher sees it."""

    key: str
    motion_id: UUID
    deadline_id: str
    nominal_due: date
    due: date
    stage: str
    send_at: datetime
    recipient: str | None
    status: str
    version: int
    attempts: int
    reference: str
    title: str
    body: str
    committee: str | None
    office: str | None
    addressee: str | None
    kind: str
    late: bool | None = None
    message_id: str | None = None
    outcome_at: str | None = None
    error: str | None = None
    #: The motion's Bundesland (its working days decide when a late reminder catches up).
    state: str | None = None

    def as_item(self) -> dict[str, object]:
        """The reminder as JSON-ready data (webhook payloads, listings)."""
        return {
            "key": self.key,
            "motion": str(self.motion_id),
            "reference": self.reference,
            "title": self.title,
            "body": self.body,
            "committee": self.committee,
            "office": self.office,
            "addressee": self.addressee,
            "deadline": self.deadline_id,
            "kind": self.kind,
            "nominal_due": self.nominal_due.isoformat(),
            "due": self.due.isoformat(),
            "stage": self.stage,
            "send_at": self.send_at.isoformat(),
            "recipient": self.recipient,
            "status": self.status,
        }


_ROW_SELECT = (
    "SELECT r.key, r.motion_id, r.deadline_id, r.nominal_due, r.due, r.stage, r.send_at,"
    " r.recipient, r.status, r.version, r.attempts, m.reference, m.title, m.body, m.committee,"
    " m.office, m.addressee, o.kind, r.late, r.message_id, r.outcome_at, r.error, m.state"
    " FROM {p}reminders r JOIN {p}reminder_motions m ON m.motion_id = r.motion_id"
    " JOIN {p}reminder_obligations o ON o.motion_id = r.motion_id"
    " AND o.deadline_id = r.deadline_id"
)


def _not_in(keys: Collection[str]) -> str:
    """``AND key NOT IN (?, ...)`` for ``keys`` (nothing when there are none)."""
    return f" AND key NOT IN ({','.join('?' * len(keys))})" if keys else ""


def _row(values: Sequence[Any]) -> ReminderRow:
    (key, mid, did, nominal, due, stage, send_at, recipient, status, version, attempts,
     reference, title, body, committee, office, addressee, kind, late, msg, at, error,
     state) = values  # fmt: skip
    return ReminderRow(
        key=str(key),
        motion_id=UUID(str(mid)),
        deadline_id=str(did),
        nominal_due=date.fromisoformat(str(nominal)),
        due=date.fromisoformat(str(due)),
        stage=str(stage),
        send_at=from_epoch(int(send_at)),
        recipient=recipient,
        status=str(status),
        version=int(version),
        attempts=int(attempts),
        reference=str(reference),
        title=str(title),
        body=str(body),
        committee=committee,
        office=office,
        addressee=addressee,
        kind=str(kind),
        late=None if late is None else bool(late),
        message_id=msg,
        outcome_at=at,
        error=error,
        state=state,
    )


class ReminderStore:
    """Queries and claims on the ``reminders`` read model in ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.p = db.table_prefix

    def claim(
        self,
        owner: str,
        *,
        now: datetime,
        lease: float,
        limit: int,
        exclude: Collection[str] = (),
    ) -> list[ReminderRow]:
        """Claim up to ``limit`` due, unclaimed reminders (and the rest of their recipients'),
        not those in ``exclude`` (late ones held for the next send time).

        A claim is a lease until ``time.time() + lease``; rows are ordered by recipient so
        that one recipient's reminders go out in one digest.
        """
        t = time.time()
        until = t + lease
        due = epoch(now)
        p = self.p
        free = "status = 'planned' AND send_at <= ? AND lease_until < ?" + _not_in(exclude)
        with self.db.transaction() as cur:
            if self.db.backend == "postgres":
                keys = [
                    str(k)
                    for (k,) in cur.execute(
                        f"UPDATE {p}reminders SET lease_owner = ?, lease_until = ? WHERE key IN ("
                        f" SELECT key FROM {p}reminders WHERE {free}"
                        " ORDER BY recipient, send_at, key LIMIT ? FOR UPDATE SKIP LOCKED)"
                        " RETURNING recipient",
                        (owner, until, due, t, *exclude, limit),
                    ).fetchall()
                    if k is not None
                ]
                recipients = sorted(set(keys))
                if recipients:
                    marks = ",".join("?" * len(recipients))
                    cur.execute(
                        f"UPDATE {p}reminders SET lease_owner = ?, lease_until = ? WHERE key IN ("
                        f" SELECT key FROM {p}reminders WHERE {free} AND recipient IN ({marks})"
                        " FOR UPDATE SKIP LOCKED)",
                        (owner, until, due, t, *exclude, *recipients),
                    )
            else:
                rows = cur.execute(
                    f"SELECT key, recipient FROM {p}reminders WHERE {free}"
                    " ORDER BY recipient, send_at, key LIMIT ?",
                    (due, t, *exclude, limit),
                ).fetchall()
                recipients = sorted({str(r) for _, r in rows if r is not None})
                keys = [str(k) for k, _ in rows]
                cur.executemany(
                    f"UPDATE {p}reminders SET lease_owner = ?, lease_until = ? WHERE key = ?",
                    [(owner, until, k) for k in keys],
                )
                if recipients:
                    marks = ",".join("?" * len(recipients))
                    cur.execute(
                        f"UPDATE {p}reminders SET lease_owner = ?, lease_until = ?"
                        f" WHERE {free} AND recipient IN ({marks})",
                        (owner, until, due, t, *exclude, *recipients),
                    )
            found = cur.execute(
                _ROW_SELECT.format(p=p)
                + " WHERE r.lease_owner = ? AND r.lease_until = ? AND r.status = 'planned'"
                " ORDER BY r.recipient, r.send_at, r.key",
                (owner, until),
            ).fetchall()
        return [_row(v) for v in found]

    def due(self, now: datetime) -> list[ReminderRow]:
        """Every planned reminder due at ``now``, claimed or not (for ``--dry-run``)."""
        rows = self.db.query(
            _ROW_SELECT.format(p=self.p)
            + " WHERE r.status = 'planned' AND r.send_at <= ? ORDER BY r.recipient, r.send_at",
            (epoch(now),),
        )
        return [_row(v) for v in rows]

    def settle(self, outcomes: Sequence[Settled], *, owner: str) -> None:
        """Write outcomes already recorded in the log into the rows, ending the claims.

        The projection writes the same when it applies the events; this only makes them
        visible at once. On PostgreSQL the commit does not wait for the disk: the rows are
        derived data, rebuilt from the log if a crash of the server loses them.
        """
        if not outcomes:
            return
        with self.db.transaction() as cur:
            self._relaxed(cur)
            cur.executemany(
                f"UPDATE {self.p}reminders SET status = ?, version = ?,"
                " attempts = attempts + 1, message_id = COALESCE(?, message_id),"
                " late = COALESCE(?, late), error = ?, outcome_at = ?, lease_owner = NULL,"
                " lease_until = ? WHERE key = ? AND lease_owner = ? AND version < ?",
                [
                    (
                        o.status,
                        o.version,
                        o.message_id,
                        None if o.late is None else int(o.late),
                        o.error,
                        o.when.isoformat(),
                        o.retry_at if o.status == "planned" else 0.0,
                        o.key,
                        owner,
                        o.version,
                    )
                    for o in outcomes
                ],
            )

    def _relaxed(self, cur: Cursor) -> None:
        if self.db.backend == "postgres":
            cur.execute("SET LOCAL synchronous_commit TO OFF")

    def release(self, owner: str, keys: Iterable[str] | None = None) -> int:
        """Give up claims of ``owner`` (all, or on ``keys``); returns how many."""
        with self.db.transaction() as cur:
            if keys is None:
                cur.execute(
                    f"UPDATE {self.p}reminders SET lease_owner = NULL, lease_until = 0"
                    " WHERE lease_owner = ? AND status = 'planned'",
                    (owner,),
                )
                return cur.rowcount
            wanted = list(keys)
            cur.executemany(
                f"UPDATE {self.p}reminders SET lease_owner = NULL, lease_until = 0"
                " WHERE lease_owner = ? AND key = ? AND status = 'planned'",
                [(owner, k) for k in wanted],
            )
            return len(wanted)

    @contextmanager
    def kept(self, owner: str, *, lease: float) -> Iterator[None]:
        """Keep ``owner``'s claims alive while the block runs (a claimed batch being sent):
        every ``lease / 3`` seconds they are extended to ``lease`` from then, so that no
        other worker claims a reminder whose message is still on the wire, however slow
        the server. Claims released, postponed or settled meanwhile are not renewed, and a
        claim another worker took over is not taken back. The renewals run in a thread
        with a connection of its own (SQLite connections belong to one thread), opened
        only once the block outlasts the first interval."""
        stop = threading.Event()

        def renew() -> None:
            if stop.wait(lease / 3):
                return
            with connect(self.db.location) as db:
                store = ReminderStore(db)
                while True:
                    store.extend(owner, until=time.time() + lease)
                    if stop.wait(lease / 3):
                        return

        keeper = threading.Thread(target=renew, name="lease-keeper", daemon=True)
        keeper.start()
        try:
            yield
        finally:
            stop.set()
            keeper.join()

    def extend(self, owner: str, *, until: float) -> None:
        """Extend ``owner``'s claims to ``until`` (machine time)."""
        with self.db.transaction() as cur:
            self._relaxed(cur)
            cur.execute(
                f"UPDATE {self.p}reminders SET lease_until = ?"
                " WHERE lease_owner = ? AND status = 'planned' AND lease_until < ?",
                (until, owner, until),
            )

    def postpone(
        self,
        owner: str,
        keys: Sequence[str],
        *,
        retry_at: float,
        attempts: int = 0,
        error: str | None = None,
    ) -> None:
        """End ``owner``'s claims on ``keys`` without an outcome: they stay planned and are
        not claimed before ``retry_at`` (machine time). ``attempts`` failed sends (with the
        ``error``) are counted in the rows; no event is recorded for them (the first failure
        of a reminder is, see :mod:`notifiers.dispatcher`)."""
        with self.db.transaction() as cur:
            self._relaxed(cur)
            cur.executemany(
                f"UPDATE {self.p}reminders SET lease_owner = NULL, lease_until = ?,"
                " attempts = attempts + ?, error = COALESCE(?, error)"
                " WHERE lease_owner = ? AND key = ? AND status = 'planned'",
                [(retry_at, attempts, error, owner, k) for k in keys],
            )

    def requeue(self, *, recipient: str | None = None, reference: str | None = None) -> int:
        """Make planned reminders that wait for another try (after a failure, or postponed
        while their channel failed) due again now; optionally only those to ``recipient``
        or of the motion ``reference``. Returns how many."""
        query = (
            f"UPDATE {self.p}reminders SET lease_until = 0 WHERE status = 'planned'"
            " AND lease_owner IS NULL AND lease_until > ?"
        )
        params: list[Any] = [time.time()]
        if recipient is not None:
            query += " AND recipient = ?"
            params.append(recipient)
        if reference is not None:
            query += (
                f" AND motion_id IN (SELECT motion_id FROM {self.p}reminder_motions"
                " WHERE reference = ?)"
            )
            params.append(reference)
        with self.db.transaction() as cur:
            cur.execute(query, tuple(params))
            return int(cur.rowcount)

    def seconds_until_next(self, now: datetime, *, cap: float, held: Collection[str] = ()) -> float:
        """Seconds until the dispatcher has work: the next send time, or a claim expiring.

        0 when unclaimed reminders are due now (not counting the ``held`` ones, which wait
        for their send time); at most ``cap``.
        """
        p = self.p
        due = epoch(now)
        t = time.time()
        waits = [cap]
        rows = self.db.query(
            f"SELECT (SELECT MIN(send_at) FROM {p}reminders"
            "         WHERE status = 'planned' AND send_at > ?),"
            f" (SELECT MIN(lease_until) FROM {p}reminders"
            "         WHERE status = 'planned' AND send_at <= ?" + _not_in(held) + ")",
            (due, due, *held),
        )
        next_send, lease_end = rows[0] if rows else (None, None)
        if next_send is not None:
            waits.append(float(next_send) - now.timestamp())
        if lease_end is not None:
            waits.append(float(lease_end) - t)
        return max(0.0, min(waits))

    def listing(self, statuses: Sequence[str] | None = None) -> list[ReminderRow]:
        """Reminders (optionally of some statuses) by send time."""
        query = _ROW_SELECT.format(p=self.p)
        params: tuple[Any, ...] = ()
        if statuses:
            query += f" WHERE r.status IN ({','.join('?' * len(statuses))})"
            params = tuple(statuses)
        return [_row(v) for v in self.db.query(query + " ORDER BY r.send_at, r.key", params)]

    def for_motion(self, motion_id: UUID) -> list[ReminderRow]:
        """A motion's reminders by send time (for ``tracker show``)."""
        query = _ROW_SELECT.format(p=self.p) + " WHERE r.motion_id = ? ORDER BY r.send_at, r.key"
        return [_row(v) for v in self.db.query(query, (str(motion_id),))]

    def states(self, motion_ids: Iterable[UUID]) -> dict[UUID, MotionState]:
        """The folded states of these motions (:mod:`tracker.state`), as the read model
        keeps them: what a digest says about each item (extensions, duties, Sachstand)."""
        ids = sorted({str(m) for m in motion_ids})
        found: dict[UUID, MotionState] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for mid, doc in self.db.query(
                f"SELECT motion_id, doc FROM {self.p}reminder_motions"
                f" WHERE motion_id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            ):
                found[UUID(str(mid))] = json.loads(doc)
        return found

    def counts(self) -> dict[str, int]:
        """How many reminders have each status (for ``tracker stats``), and ``retrying``:
        planned ones whose delivery failed (waiting for another try)."""
        rows = self.db.query(f"SELECT status, COUNT(*) FROM {self.p}reminders GROUP BY status")
        retrying = self.db.query(
            f"SELECT COUNT(*) FROM {self.p}reminders WHERE status = 'planned' AND error IS NOT NULL"
        )
        return {str(s): int(n) for s, n in rows} | {"retrying": int(retrying[0][0])}

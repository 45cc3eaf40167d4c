"""The ``reminders`` read model: planning one row per reminder from the motions' lives.

A projection for :class:`projections.runner.Runner`. It folds each motion's events with the
one fold of :mod:`tracker.state` (kept per motion as JSON in ``reminder_motions.doc``) and
follows its obligations from that state: deadlines, and report duties with the due date of
their open occurrence (without a first due date, counted from the decision, as on the
board). For each open obligation with a due date it plans its reminders with
:func:`notifiers.policy.plan` and keeps one row per reminder key with its send time,
recipient and status. A recurring duty is one obligation whose due date moves on when a
report meets its open occurrence, so reminders go out for every occurrence:

``planned``  waiting for its send time (or for a retry after a transient failure, or
             requeued by a ``ReminderRequeued`` after a failure)
``sent``     a ``ReminderSent`` event was recorded
``failed``   a permanent ``ReminderFailed`` was recorded
``skipped``  a ``ReminderSkipped`` was recorded (coalesced, no recipient)
``retired``  the deadline was extended, corrected or met, or the motion closed, first

Planning uses only the events' recorded times, so a rebuild gives the same rows. Overdue
repeats are planned one at a time: when an overdue reminder is dealt with, the next repeat
after that moment is planned. The projection's version includes the policy's fingerprint,
so changing ``[reminders]`` rebuilds it (the outcomes come back from the log). The claims
on the rows, and the outcomes written into them, are the queue's (:mod:`notifiers.queue`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from events.log import LogEntry
from events.reminders import (
    ReminderEvent,
    ReminderFailed,
    ReminderRequeued,
    ReminderSent,
    ReminderSkipped,
)
from events.store import Cursor
from notifiers.policy import (
    Obligation,
    PlannedReminder,
    ReminderPolicy,
    Stage,
    escalation,
    next_overdue,
    plan,
    send_instant,
)
from notifiers.queue import epoch
from projections.runner import Tables
from tracker.deadlines import legal_due_date
from tracker.state import (
    BINDING,
    DEFAULT_REGULAR_CADENCE_MONTHS,
    MotionState,
    Rules,
    current_due,
    registered,
    reminders_stop,
    step_for,
)

#: Bump when the tables or the planning logic change: the runner then rebuilds the model.
SCHEMA_VERSION = 4
TABLES = ("reminder_motions", "reminder_obligations", "reminders")

_CREATE = [
    """CREATE TABLE IF NOT EXISTS {p}reminder_motions (
        motion_id TEXT PRIMARY KEY, reference TEXT NOT NULL, title TEXT NOT NULL,
        body TEXT NOT NULL, committee TEXT, office TEXT, addressee TEXT, state TEXT,
        closed INTEGER NOT NULL, doc TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS {p}reminder_obligations (
        motion_id TEXT NOT NULL, deadline_id TEXT NOT NULL, kind TEXT NOT NULL,
        nominal_due TEXT, open INTEGER NOT NULL, since TEXT NOT NULL,
        last_overdue INTEGER, last_overdue_at TEXT,
        recurrence TEXT, first_due TEXT, occurrence INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (motion_id, deadline_id))""",
    """CREATE TABLE IF NOT EXISTS {p}reminders (
        key TEXT PRIMARY KEY, motion_id TEXT NOT NULL, deadline_id TEXT NOT NULL,
        nominal_due TEXT NOT NULL, due TEXT NOT NULL, stage TEXT NOT NULL,
        send_at BIGINT NOT NULL, recipient TEXT, status TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT, lease_until DOUBLE PRECISION NOT NULL DEFAULT 0,
        message_id TEXT, outcome_at TEXT, late INTEGER, error TEXT)""",
    "CREATE INDEX IF NOT EXISTS reminders_planned ON {p}reminders (status, send_at, lease_until)",
    "CREATE INDEX IF NOT EXISTS reminders_lease ON {p}reminders (lease_owner)"
    " WHERE lease_owner IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS reminders_obligation ON {p}reminders (motion_id, deadline_id)",
]

_MOTION_COLUMNS = (
    "motion_id", "reference", "title", "body", "committee", "office", "addressee", "state",
    "closed", "doc",
)  # fmt: skip
#: A change of these facts re-plans the motion's reminders (they name or date them).
_REPLAN_ON = ("title", "state", "office", "addressee")
_OBLIGATION_COLUMNS = (
    "motion_id", "deadline_id", "kind", "nominal_due", "open", "since", "last_overdue",
    "last_overdue_at", "recurrence", "first_due", "occurrence",
)  # fmt: skip


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, check_circular=False)


def _motion_row(mid: str, s: MotionState) -> dict[str, Any]:
    """The motion's facts a reminder names (its ``doc`` is written with the batch)."""
    return {
        "motion_id": mid,
        "reference": s["reference"],
        "title": s["title"],
        "body": s["body"],
        "committee": _deciding_committee(s),
        "office": s["office"],
        "addressee": s["addressee"],
        "state": s["state"],
        "closed": int(reminders_stop(s)),
    }


def _deciding_committee(s: MotionState) -> str | None:
    """The committee of the latest binding decision, else of the first decision."""
    found: str | None = None
    for _, outcome, committee in s["decisions"]:
        if outcome in BINDING or found is None:
            found = committee
    return found


class ReminderProjection(Tables):
    """The ``reminders`` read model (see the module docstring)."""

    statements = _CREATE
    tables = TABLES

    name = "reminders"

    def __init__(
        self, policy: ReminderPolicy, regular_cadence_months: int = DEFAULT_REGULAR_CADENCE_MONTHS
    ) -> None:
        self.policy = policy
        self.rules = Rules(regular_cadence_months)
        self.regular_cadence_months = regular_cadence_months
        self.version = (
            f"{SCHEMA_VERSION};policy={policy.fingerprint()};regular={regular_cadence_months}"
        )

    # -- applying ------------------------------------------------------------------------

    def apply(self, cur: Cursor, entries: Sequence[LogEntry], prefix: str) -> None:
        """Apply a batch: fold the touched motions (:mod:`tracker.state`), follow their
        obligations, then re-plan the changed ones."""
        batch = _Batch(cur, prefix)
        rules = self.rules
        for entry in entries:
            event = entry.event
            if isinstance(event, ReminderEvent):
                batch.outcome(event)
                continue
            mid = str(event.originator_id)
            step = step_for(type(event))
            if step is None:
                if type(event).__name__ == "Registered":
                    state = batch.states[mid] = registered(event)
                    batch.motions[mid] = _motion_row(mid, state)
                    batch.dirty_motions.add(mid)
                continue
            found = batch.state(mid)
            if found is None:
                continue
            step(found, event, rules)
            self._follow(batch, mid, found, event.timestamp.isoformat())
        self._write(batch, prefix)

    def _follow(self, batch: _Batch, mid: str, state: MotionState, since: str) -> None:
        """Bring the motion's row and its obligations' rows in line with its state.

        An obligation whose due date moved or that closed keeps the plan it had (its rows
        retire); a new due date is planned from ``since`` (the event's recorded time).
        """
        motion = batch.motions[mid]
        row = _motion_row(mid, state)
        if any(motion[c] != row[c] for c in _REPLAN_ON):
            batch.replan_motions.add(mid)
        motion.update(row)
        batch.dirty_motions.add(mid)
        for did, wanted in self._obligations(mid, state):
            ob = batch.obligation(mid, did)
            if ob is None:
                batch.obligations[(mid, did)] = wanted | {
                    "since": since, "last_overdue": None, "last_overdue_at": None,
                }  # fmt: skip
                batch.dirty.add((mid, did))
                continue
            moved = ob["nominal_due"] != wanted["nominal_due"]
            if moved or ob["open"] != wanted["open"]:
                self._snapshot(batch, mid, ob)
            if moved:
                ob.update(since=since, last_overdue=None, last_overdue_at=None)
            if any(ob[c] != wanted[c] for c in wanted):
                ob.update(wanted)
                batch.dirty.add((mid, did))

    def _obligations(self, mid: str, s: MotionState) -> list[tuple[str, dict[str, Any]]]:
        """What each obligation of the state is now: kind, due date, open, occurrence."""
        closed = reminders_stop(s)
        found: list[tuple[str, dict[str, Any]]] = []
        for did, d in s["deadlines"].items():
            found.append((did, {
                "motion_id": mid, "deadline_id": did, "kind": d["kind"],
                "nominal_due": current_due(d), "open": int(d["met"] is None and not closed),
                "recurrence": None, "first_due": None, "occurrence": 0,
            }))  # fmt: skip
        for did, duty in s["duties"].items():
            found.append((did, {
                "motion_id": mid, "deadline_id": did, "kind": "report",
                "nominal_due": self.rules.open_due(s, duty),
                "open": int(duty["ended"] is None and not closed),
                "recurrence": duty["recurrence"], "first_due": duty["first_due"],
                "occurrence": duty["occurrence"],
            }))  # fmt: skip
        return found

    def _snapshot(self, batch: _Batch, mid: str, ob: dict[str, Any]) -> None:
        """Keep the plan an obligation had before a change: the rows it retires exist
        whether or not the plan was written before (a rebuild applies larger batches)."""
        motion = batch.motion(mid)
        if motion is not None:
            for p in self._plan(ob, motion):
                batch.snapshots.setdefault(p.key, p)

    # -- writing -------------------------------------------------------------------------

    def _write(self, batch: _Batch, prefix: str) -> None:
        cur = batch.cur
        motions = [batch.motions[m] for m in sorted(batch.dirty_motions) if m in batch.motions]
        for m in motions:
            state = batch.states.get(m["motion_id"])
            if state is not None:
                m["doc"] = _ENCODER.encode(state)
        cur.executemany(
            f"INSERT INTO {prefix}reminder_motions ({', '.join(_MOTION_COLUMNS)})"
            f" VALUES ({', '.join('?' * len(_MOTION_COLUMNS))}) ON CONFLICT (motion_id) DO UPDATE"
            " SET " + ", ".join(f"{c} = excluded.{c}" for c in _MOTION_COLUMNS[1:]),
            [[m[c] for c in _MOTION_COLUMNS] for m in motions],
        )
        for mid in batch.replan_motions:
            batch.dirty.update((mid, did) for did in batch.obligation_ids(mid))
        dirty = sorted(k for k in batch.dirty if k in batch.obligations)
        cur.executemany(
            f"INSERT INTO {prefix}reminder_obligations ({', '.join(_OBLIGATION_COLUMNS)})"
            f" VALUES ({', '.join('?' * len(_OBLIGATION_COLUMNS))})"
            " ON CONFLICT (motion_id, deadline_id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in _OBLIGATION_COLUMNS[2:]),
            [[batch.obligations[k][c] for c in _OBLIGATION_COLUMNS] for k in dirty],
        )
        existing = batch.existing_reminders(dirty)
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        retire: list[tuple[str]] = []
        for key in dirty:
            ob, motion = batch.obligations[key], batch.motions.get(key[0])
            wanted = {p.key: p for p in self._plan(ob, motion)} if motion else {}
            have = existing.get(key, {})
            for rkey, status in have.items():
                if status == "planned" and rkey not in wanted:
                    retire.append((rkey,))
            for rkey, p in wanted.items():
                row = (p.due.isoformat(), epoch(p.send_at), p.recipient)
                if rkey not in have:
                    ident = (rkey, str(p.motion_id), p.deadline_id, p.nominal_due.isoformat())
                    inserts.append((*ident, p.stage.name, *row))
                elif have[rkey] in {"planned", "retired"}:
                    updates.append((*row, rkey))
        # The statuses were read above; a dispatcher may have settled a row since (on
        # PostgreSQL each statement sees what committed before it): only rows still planned
        # (or retired) are changed, so a reminder just sent is neither re-planned (and sent
        # again) nor retired.
        cur.executemany(
            f"UPDATE {prefix}reminders SET status = 'retired' WHERE key = ? AND status = 'planned'",
            retire,
        )
        cur.executemany(
            f"UPDATE {prefix}reminders SET due = ?, send_at = ?, recipient = ?,"
            " status = 'planned' WHERE key = ? AND status IN ('planned', 'retired')",
            updates,
        )
        cur.executemany(
            f"INSERT INTO {prefix}reminders (key, motion_id, deadline_id, nominal_due, stage,"
            " due, send_at, recipient, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned')",
            inserts,
        )
        inserted = {i[0] for i in inserts}
        missing = [
            p
            for key in sorted(batch.snapshots)
            for p in (batch.snapshots[key],)
            if key not in inserted
            and key not in existing.get((str(p.motion_id), p.deadline_id), {})
        ]
        missing += [p for p in self._outcome_rows(batch) if p.key not in inserted]
        cur.executemany(
            f"INSERT INTO {prefix}reminders (key, motion_id, deadline_id, nominal_due, stage,"
            " due, send_at, recipient, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'retired')"
            " ON CONFLICT (key) DO NOTHING",
            [
                (
                    p.key,
                    str(p.motion_id),
                    p.deadline_id,
                    p.nominal_due.isoformat(),
                    p.stage.name,
                    p.due.isoformat(),
                    epoch(p.send_at),
                    p.recipient,
                )
                for p in {p.key: p for p in missing}.values()
            ],
        )
        cur.executemany(
            f"UPDATE {prefix}reminders SET status = ?, version = ?, attempts = attempts + ?,"
            " message_id = COALESCE(?, message_id), outcome_at = ?, late = COALESCE(?, late),"
            " error = ? WHERE key = ? AND version < ?",
            batch.outcomes,
        )

    def _outcome_rows(self, batch: _Batch) -> list[PlannedReminder]:
        """Rows for recorded outcomes whose reminder is not (or no longer) planned: sent
        under another policy, or planned and dealt with within one batch."""
        rows: list[PlannedReminder] = []
        for event in batch.outcome_events:
            motion = batch.motion(str(event.motion))
            if event.nominal_due is None or motion is None:
                continue
            due = legal_due_date(event.nominal_due, motion["state"])
            stage = Stage.parse(event.stage)
            send_at = (
                event.planned_for
                if isinstance(event, ReminderSent)
                else send_instant(due + timedelta(days=stage.offset), motion["state"], self.policy)
            )
            rows.append(
                PlannedReminder(
                    key=event.key,
                    motion_id=event.motion,
                    deadline_id=event.deadline_id,
                    nominal_due=event.nominal_due,
                    due=due,
                    stage=stage,
                    send_at=send_at,
                    recipient=event.recipient or None,
                )
            )
        return rows

    def _plan(self, ob: dict[str, Any], motion: dict[str, Any]) -> list[PlannedReminder]:
        if not ob["open"] or motion["closed"] or ob["nominal_due"] is None:
            return []
        nominal = date.fromisoformat(ob["nominal_due"])
        obligation = Obligation(
            motion_id=UUID(ob["motion_id"]),
            deadline_id=ob["deadline_id"],
            reference=motion["reference"],
            title=motion["title"],
            body=motion["body"],
            committee=motion["committee"],
            office=motion["office"],
            addressee=motion["addressee"],
            state=motion["state"],
            kind=ob["kind"],
            nominal_due=nominal,
            due=legal_due_date(nominal, motion["state"]),
        )
        items = plan(obligation, self.policy, datetime.fromisoformat(ob["since"]))
        if ob["last_overdue"] is not None:
            last = int(ob["last_overdue"])
            # the escalation of the repeat just dealt with goes to another recipient in a
            # digest of its own, maybe claimed later: it stays owed until dealt with itself
            items += escalation(obligation, last, self.policy)
            items += next_overdue(
                obligation,
                self.policy,
                after=last,
                since=datetime.fromisoformat(ob["last_overdue_at"]),
            )
        return items


class _Batch:
    """The working state of one batch: touched motions and obligations, loaded on demand."""

    def __init__(self, cur: Cursor, prefix: str) -> None:
        self.cur = cur
        self.prefix = prefix
        self.motions: dict[str, dict[str, Any]] = {}
        self.states: dict[str, MotionState] = {}
        self.obligations: dict[tuple[str, str], dict[str, Any]] = {}
        self._loaded_motions: set[str] = set()
        self._loaded_obligations: set[str] = set()
        self.dirty_motions: set[str] = set()
        self.replan_motions: set[str] = set()
        self.dirty: set[tuple[str, str]] = set()
        self.outcomes: list[tuple[Any, ...]] = []
        self.outcome_events: list[ReminderEvent] = []
        self.snapshots: dict[str, PlannedReminder] = {}

    def motion(self, mid: str) -> dict[str, Any] | None:
        if mid not in self._loaded_motions and mid not in self.motions:
            self._loaded_motions.add(mid)
            row = self.cur.execute(
                f"SELECT {', '.join(_MOTION_COLUMNS)} FROM {self.prefix}reminder_motions"
                " WHERE motion_id = ?",
                (mid,),
            ).fetchone()
            if row is not None:
                self.motions[mid] = dict(zip(_MOTION_COLUMNS, row, strict=True))
        return self.motions.get(mid)

    def state(self, mid: str) -> MotionState | None:
        """The motion's folded state (None: never registered)."""
        found = self.states.get(mid)
        if found is None:
            motion = self.motion(mid)
            if motion is None:
                return None
            found = self.states[mid] = json.loads(motion["doc"])
        return found

    def _load_obligations(self, mid: str) -> None:
        if mid in self._loaded_obligations:
            return
        self._loaded_obligations.add(mid)
        for row in self.cur.execute(
            f"SELECT {', '.join(_OBLIGATION_COLUMNS)} FROM {self.prefix}reminder_obligations"
            " WHERE motion_id = ?",
            (mid,),
        ).fetchall():
            ob = dict(zip(_OBLIGATION_COLUMNS, row, strict=True))
            self.obligations.setdefault((mid, ob["deadline_id"]), ob)

    def obligation(self, mid: str, did: str) -> dict[str, Any] | None:
        self._load_obligations(mid)
        return self.obligations.get((mid, did))

    def obligation_ids(self, mid: str) -> list[str]:
        self._load_obligations(mid)
        return [did for (m, did) in self.obligations if m == mid]

    def existing_reminders(
        self, keys: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, str]]:
        found: dict[tuple[str, str], dict[str, str]] = {}
        for mid, did in keys:
            rows = self.cur.execute(
                f"SELECT key, status FROM {self.prefix}reminders"
                " WHERE motion_id = ? AND deadline_id = ?",
                (mid, did),
            ).fetchall()
            found[(mid, did)] = {str(k): str(s) for k, s in rows}
        return found

    def still_owed(self, event: ReminderEvent) -> bool:
        """Whether the reminder's obligation is still open at the same nominal due date
        (a requeued reminder of a met, moved or closed obligation is retired instead)."""
        mid = str(event.motion)
        ob = self.obligation(mid, event.deadline_id)
        motion = self.motion(mid)
        nominal = event.nominal_due.isoformat() if event.nominal_due else None
        return (
            ob is not None
            and motion is not None
            and bool(ob["open"])
            and not motion["closed"]
            and ob["nominal_due"] == nominal
        )

    def outcome(self, event: ReminderEvent) -> None:
        """Record an outcome; an overdue stage dealt with plans the next repeat."""
        late: int | None = None
        message_id: str | None = None
        error: str | None = None
        attempts = 0
        if isinstance(event, ReminderSent):
            status, message_id, late = "sent", event.message_id, int(event.late)
            attempts = 1
        elif isinstance(event, ReminderFailed):
            status = "failed" if event.permanent else "planned"
            error, attempts = event.error, event.attempts
        elif isinstance(event, ReminderSkipped):
            status, error = "skipped", event.reason
        elif isinstance(event, ReminderRequeued):
            status = "planned" if self.still_owed(event) else "retired"
        else:
            return
        when = event.timestamp.isoformat()
        self.outcome_events.append(event)
        self.outcomes.append(
            (status, event.originator_version, attempts, message_id, when, late, error,
             event.key, event.originator_version)
        )  # fmt: skip
        stage = Stage.parse(event.stage)
        if status != "planned" and stage.offset > 0 and not stage.escalation:
            mid = str(event.motion)
            ob = self.obligation(mid, event.deadline_id)
            nominal = event.nominal_due.isoformat() if event.nominal_due else None
            if (
                ob is not None
                and ob["nominal_due"] == nominal
                and (ob["last_overdue"] is None or stage.offset >= int(ob["last_overdue"]))
            ):
                ob.update(last_overdue=stage.offset, last_overdue_at=when)
                self.motion(mid)
                self.dirty.add((mid, event.deadline_id))

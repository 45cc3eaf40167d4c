"""The application service: the commands that change what the tracker knows.

Each command loads a motion, runs one of its methods, and saves the new events in one
atomic write. A save that loses the optimistic-concurrency race (another process wrote the
same motion in between) reloads the motion and runs the command again, up to
:data:`MAX_ATTEMPTS` times; a command that would repeat a recorded fact appends nothing.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    IntegrityError,
    JSONTranscoder,
    PersistenceError,
)
from eventsourcing.utils import Environment

from events.log import LogEntry, head_position, read_log
from events.motion import AnswerFiled, Registered
from events.store import (
    Database,
    StoreLocation,
    creation_lock,
    driver_errors,
    failure_reason,
)
from events.transcodings import register_transcodings
from events.values import DeadlineKind, Outcome, Provenance, Recurrence, ReportKind
from tracker.clock import Clock, today
from tracker.defaults import TermDefaults, session_committee
from tracker.errors import (
    ConcurrencyError,
    DateOrderError,
    StorageError,
    UnknownMotion,
)
from tracker.identity import motion_id, reference_key
from tracker.logs import get_logger
from tracker.motion import Deadline, Meta, Motion
from tracker.state import committee as motion_committee
from tracker.state import decision_date

log = get_logger()

T = TypeVar("T")

#: How often a command is retried after losing a concurrency race.
MAX_ATTEMPTS = 50

REGISTERED_TOPIC = f"{Registered.__module__}:{Registered.__qualname__}"


class MotionLog(Application[UUID]):
    """The eventsourcing application holding the motions' log."""

    name = "Tracker"

    #: Motions kept in memory and fast-forwarded from the store on each load.
    CACHE_SIZE = "1000"

    def construct_env(self, name: str, env: Any = None) -> Environment:
        # Settings come only from the tracker's own settings object, never os.environ.
        values = {"AGGREGATE_CACHE_MAXSIZE": self.CACHE_SIZE} | dict(env or {})
        return Environment(name, values)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_transcodings(transcoder)


def open_log(location: StoreLocation, opened: Database | None = None) -> MotionLog:
    """Open (and on first use create) the log at ``location``.

    ``opened``: a plain connection to the store the caller holds (it created the schema and
    holds the creation lock); without it, short-lived ones are opened for both.
    """
    errors: tuple[type[Exception], ...] = (PersistenceError, *driver_errors(location))
    try:
        if opened is None:
            location.prepare()
        with creation_lock(location, opened):
            return MotionLog(env=location.eventsourcing_env())
    except errors as exc:
        raise StorageError(
            f"cannot open the store {location.display}: {failure_reason(exc)}"
        ) from exc


@dataclass(frozen=True)
class Change:
    """The result of a command: the motion after it and how many events it appended."""

    motion: Motion
    appended: int


#: How a due date moved by :meth:`TrackerService.follow_sessions` begins its reason: the
#: calendar's own corrections, told apart from a person's.
CALENDAR_REASON = "Sitzungskalender:"


def _follows_calendar(deadline: Deadline) -> bool:
    """Whether the deadline's due date is still the calendar's: as first set, or last moved
    by the calendar (not extended or corrected by a person since)."""
    last = deadline.history[-1].reason if deadline.history else "set"
    return last == "set" or last.startswith(CALENDAR_REASON)


class StaleVersion(ConcurrencyError):
    """The motion is no longer at the version the caller's command was based on (a form
    made from an older state): nothing was written."""

    def __init__(self, mid: UUID, expected: int, actual: int | None) -> None:
        now = "a newer one" if actual is None else str(actual)
        super().__init__(f"motion {mid} is at version {now}, not {expected}")
        self.expected = expected
        self.actual = actual


class TrackerService:
    """Commands on motions, with the recorded time from the injected clock."""

    def __init__(
        self,
        app: MotionLog,
        clock: Clock,
        user: str = "unknown",
        lookup: Callable[[str], list[UUID]] | None = None,
        defaults: TermDefaults | None = None,
        answering: Callable[[str], list[UUID]] | None = None,
    ) -> None:
        self.app = app
        self.clock = clock
        self.user = user
        #: Finds motion ids by reference; without it, :meth:`ids_for_reference` scans the log.
        self.lookup = lookup
        #: Statutory defaults, the soft period and the session calendar (``[deadlines]``).
        self.defaults = defaults or TermDefaults()
        #: Finds the motions whose documents answer a reference; without it,
        #: :meth:`answering_ids` scans the log.
        self.answering = answering

    # -- reading ---------------------------------------------------------------------------

    def get(self, mid: UUID) -> Motion:
        """The motion with this id (raises :class:`UnknownMotion`)."""
        try:
            motion: object = self.app.repository.get(mid)
        except AggregateNotFoundError:
            raise UnknownMotion(f"no motion with id {mid}") from None
        assert isinstance(motion, Motion)
        return motion

    def find(self, reference: str, body: str | None = None) -> Motion:
        """The motion with this reference (and body, when several bodies use it)."""
        if body is not None:
            try:
                return self.get(motion_id(body, reference))
            except UnknownMotion:
                raise UnknownMotion(f"no motion {reference!r} of {body!r}") from None
        matches = (self.lookup or self.ids_for_reference)(reference)
        if not matches:
            raise UnknownMotion(f"no motion with reference {reference!r}")
        if len(matches) > 1:
            bodies = sorted(self.get(m).body for m in matches)
            raise UnknownMotion(
                f"reference {reference!r} exists in several bodies ({'; '.join(bodies)}); "
                "name one with --body"
            )
        return self.get(matches[0])

    def ids_for_reference(self, reference: str) -> list[UUID]:
        """Ids of motions registered under ``reference`` (any body), by scanning the log.

        The CLI passes the board's catalogue as ``lookup`` instead, which answers from an
        index; this scan is the fallback for programs without read models.
        """
        wanted = reference_key(reference)
        found: list[UUID] = []
        start = 1
        while True:
            batch = self.app.recorder.select_notifications(start, 1000, topics=[REGISTERED_TOPIC])
            for n in batch:
                event = self.app.mapper.to_domain_event(n)
                assert isinstance(event, Registered)
                if reference_key(event.reference) == wanted:
                    found.append(event.originator_id)
            if len(batch) < 1000:
                return found
            start = batch[-1].id + 1

    def answering_ids(self, reference: str) -> list[UUID]:
        """Ids of motions whose documents answer ``reference`` (``AnswerFiled``): from the
        board when wired (:attr:`answering`), else by scanning the log."""
        if self.answering is not None:
            return self.answering(reference)
        wanted = reference_key(reference)
        found: list[UUID] = []
        for entry in self.log():
            event: Any = entry.event
            answers = isinstance(event, AnswerFiled) and (
                reference_key(event.answered_reference) == wanted
            )
            if answers and event.originator_id not in found:
                found.append(event.originator_id)
        return found

    def answered_target(self, reference: str, body: str) -> UUID | None:
        """The motion ``reference`` names, seen from a document of ``body``: the only one
        under that reference, else the one of ``body``; None when not in the log (yet)."""
        ids = (self.lookup or self.ids_for_reference)(reference)
        if len(ids) == 1:
            return ids[0]
        own = motion_id(body, reference)
        return own if own in ids else None

    def history(self, mid: UUID) -> list[Any]:
        """Every event of one motion, oldest first."""
        return list(self.app.events.get(mid))

    def log(self, start: int = 1, stop: int | None = None) -> Iterator[LogEntry]:
        """The whole log in order."""
        return read_log(self.app.recorder, self.app.mapper, start=start, stop=stop)

    def head(self) -> int:
        """Position of the last event (0 when empty)."""
        return head_position(self.app.recorder)

    # -- writing ---------------------------------------------------------------------------

    def meta(self, effective: date | None, provenance: Provenance | None = None) -> Meta:
        """Recorded now, effective on ``effective``, by the current user unless told."""
        return Meta(
            effective=effective,
            provenance=provenance or Provenance.user(self.user),
            at=self.clock.now(),
        )

    def change(
        self,
        mid: UUID,
        command: Callable[[Motion], T],
        *,
        create: Callable[[], Motion] | None = None,
        expected_version: int | None = None,
    ) -> tuple[T, Change]:
        """Run ``command`` on the motion and save its events atomically, retrying races.

        With ``create``, a motion that does not exist yet is made by it first (in the same
        save). With ``expected_version``, the command applies only to the motion at that
        version: a motion found at another version, or a save that loses the race to
        another writer (the store's optimistic concurrency check, in the same transaction
        as the write), raises :class:`StaleVersion` and nothing is written (no retry).
        Returns the command's result and the :class:`Change`.
        """
        for attempt in range(1, MAX_ATTEMPTS + 1):
            motion: Motion
            try:
                motion = self.get(mid)
            except UnknownMotion:
                if create is None:
                    raise
                motion = create()
            if expected_version is not None and motion.version != expected_version:
                raise StaleVersion(mid, expected_version, motion.version)
            result = command(motion)
            pending = len(motion.pending_events)
            if pending == 0:
                return result, Change(motion, 0)
            try:
                self.app.save(motion)
            except IntegrityError:
                if expected_version is not None:
                    raise StaleVersion(mid, expected_version, None) from None
                log.debug("concurrency_retry", motion=str(mid), attempt=attempt)
                time.sleep(random.uniform(0, 0.002 * attempt))
                continue
            except PersistenceError as exc:
                raise StorageError(f"cannot write to the store: {failure_reason(exc)}") from exc
            return result, Change(motion, pending)
        raise ConcurrencyError(f"gave up writing motion {mid} after {MAX_ATTEMPTS} attempts")

    def register(
        self,
        *,
        body: str,
        reference: str,
        title: str,
        kind: str | None = None,
        state: str | None = None,
        initiators: list[str] | None = None,
        effective: date | None = None,
        provenance: Provenance | None = None,
    ) -> Change:
        """Register a motion; registering it again appends nothing."""
        meta = self.meta(effective, provenance)
        create = partial(
            Motion.register, body=body, reference=reference, title=title, kind=kind,
            state=state, initiators=initiators or [], meta=meta,
        )  # fmt: skip
        _, change = self.change(motion_id(body, reference), lambda m: None, create=create)
        return change

    def add(
        self,
        *,
        body: str,
        reference: str,
        title: str,
        kind: str | None,
        state: str | None,
        decided_on: date | None,
        outcome: Outcome | None,
        committee: str | None,
        addressee: str | None,
        office: str | None,
        due: date | None,
        deadline_kind: DeadlineKind = DeadlineKind.COMPLETION,
        phrase: str | None = None,
        initiators: list[str] | None = None,
        public: bool = True,
        dated_on: date | None = None,
    ) -> tuple[str | None, Change]:
        """Register a motion by hand with its decision, addressee and deadline, atomically
        (``public`` False: marked non-public from the start).

        The registration is effective on ``dated_on`` (the date the motion bears), else on
        the decision; the rest on the decision, else on ``dated_on``. Returns the deadline
        id (None without ``due``) and the change.
        """
        meta = self.meta(decided_on or dated_on)
        create = partial(
            Motion.register, body=body, reference=reference, title=title, kind=kind,
            state=state, initiators=initiators or [], meta=self.meta(dated_on or decided_on),
        )  # fmt: skip

        def command(m: Motion) -> str | None:
            if not public:
                m.mark_visibility(public=False, reason="added as non-public", meta=meta)
            if outcome is not None:
                m.record_decision(
                    committee=committee or body, outcome=outcome, text=None, meta=meta
                )
            if addressee is not None or office is not None:
                m.assign_addressee(
                    addressee=addressee or m.addressee, office=office or m.office, meta=meta
                )
            if due is None:
                return None
            text = phrase or f"Erledigungsfrist: {due.strftime('%d.%m.%Y')}"
            return m.set_deadline(
                kind=deadline_kind,
                due=due,
                window_start=None,
                phrase=text,
                rule="manual",
                meta=meta,
            )

        return self.change(motion_id(body, reference), command, create=create)

    def extend_deadline(
        self,
        mid: UUID,
        deadline_id: str,
        *,
        new_due: date,
        reason: str,
        effective: date | None,
        expected_version: int | None = None,
    ) -> Change:
        """Record a Fristverlängerung."""
        meta = self.meta(effective)
        _, change = self.change(
            mid,
            lambda m: m.extend_deadline(deadline_id, new_due=new_due, reason=reason, meta=meta),
            expected_version=expected_version,
        )
        return change

    def submit_report(
        self,
        mid: UUID,
        *,
        on: date,
        report_kind: ReportKind,
        document_reference: str | None,
        obligation_id: str | None,
    ) -> Change:
        """Record a report the administration submitted."""
        meta = self.meta(on)
        _, change = self.change(
            mid,
            lambda m: m.submit_report(
                report_kind=report_kind,
                document_reference=document_reference,
                obligation_id=obligation_id,
                meta=meta,
            ),
        )
        return change

    def set_report_obligation(
        self,
        mid: UUID,
        *,
        recipient: str | None,
        recurrence: Recurrence,
        first_due: date | None,
        phrase: str,
        effective: date | None,
    ) -> tuple[str, Change]:
        """Record a duty to report."""
        meta = self.meta(effective)
        return self.change(
            mid,
            lambda m: m.set_report_obligation(
                recipient=recipient,
                recurrence=recurrence,
                first_due=first_due,
                phrase=phrase,
                meta=meta,
            ),
        )

    def complete(self, mid: UUID, *, on: date, deadline_id: str | None, note: str | None) -> Change:
        """Mark a deadline, or the whole motion, as fulfilled on ``on``."""
        meta = self.meta(on)
        _, change = self.change(
            mid, lambda m: m.complete(deadline_id=deadline_id, note=note, meta=meta)
        )
        return change

    def report_progress(
        self,
        mid: UUID,
        *,
        on: date,
        text: str,
        reason: str | None = None,
        next_step: str | None = None,
        expected: date | None = None,
        office: str | None = None,
        expected_version: int | None = None,
    ) -> Change:
        """Record a Sachstand effective on ``on`` (by the current user; the office: the
        Federführung unless named)."""
        meta = self.meta(on)
        _, change = self.change(
            mid,
            lambda m: m.report_progress(
                text=text,
                reason=reason,
                next_step=next_step,
                expected=expected,
                office=office,
                meta=meta,
            ),
            expected_version=expected_version,
        )
        return change

    def report_done(
        self, mid: UUID, *, on: date, note: str | None, expected_version: int | None = None
    ) -> Change:
        """The office reports the motion done on ``on`` (step one of two)."""
        meta = self.meta(on)
        _, change = self.change(
            mid, lambda m: m.report_done(note=note, meta=meta), expected_version=expected_version
        )
        return change

    def confirm_closure(
        self,
        mid: UUID,
        *,
        on: date,
        committee: str,
        note: str | None = None,
        expected_version: int | None = None,
    ) -> Change:
        """The committee confirms the motion closed on ``on`` (step two): a session that has
        taken place, so not after today."""
        now = today(self.clock)
        if on > now:
            raise DateOrderError(
                f"closure confirmed on {on.isoformat()}, after today ({now.isoformat()}): "
                "a committee confirms in a session that has taken place"
            )
        meta = self.meta(on)
        _, change = self.change(
            mid,
            lambda m: m.confirm_closure(committee=committee, note=note, meta=meta),
            expected_version=expected_version,
        )
        return change

    def reopen(self, mid: UUID, *, on: date, reason: str) -> Change:
        """Take up a motion reported done or closed again."""
        meta = self.meta(on)
        _, change = self.change(mid, lambda m: m.reopen(reason=reason, meta=meta))
        return change

    def mark_visibility(self, mid: UUID, *, public: bool, reason: str | None, on: date) -> Change:
        """Mark the motion non-public (nichtöffentlich) or public again, from ``on``."""
        meta = self.meta(on)
        _, change = self.change(
            mid, lambda m: m.mark_visibility(public=public, reason=reason, meta=meta)
        )
        return change

    def move_session(
        self, candidates: list[UUID], *, committee: str, old: date, new: date, reason: str
    ) -> list[tuple[str, str]]:
        """A session of ``committee`` moved from ``old`` to ``new``: every open deadline of
        ``candidates`` anchored on it (rule ``meeting:<committee>``, due ``old``) moves with
        it (a correction, effective today). Returns ``(reference, deadline id)`` moved."""
        rule = f"meeting:{committee}"
        moved: list[tuple[str, str]] = []
        meta = self.meta(today(self.clock))
        for mid in candidates:

            def command(m: Motion) -> list[str]:
                ids = [
                    d.deadline_id
                    for d in m.deadlines.values()
                    if d.rule == rule and d.is_open and d.due == old
                ]
                for did in ids:
                    m.correct(
                        field_name=f"deadline.{did}.due", value=new.isoformat(),
                        reason=reason, meta=meta,
                    )  # fmt: skip
                return ids

            ids, change = self.change(mid, command)
            moved += [(change.motion.reference, did) for did in ids]
        return moved

    def follow_sessions(self, candidates: list[UUID]) -> list[tuple[str, str, date]]:
        """Move each open due date anchored on a committee's next session (rule
        ``meeting:<committee>``) to that session as the calendar now has it (a session that
        moved or was added; a correction, effective today); a "next session" term left
        undated because the calendar had no such session when it was read gets its date
        once the session is there. Returns ``(reference, deadline id, new due date)`` of
        each one moved.

        Idempotent (a due date already on its session is left alone), so ``tracker run``
        calls it after every sync pass and on its own schedule. A due date a person set
        since (``sessions move``, an extension, a correction) is not moved back."""
        calendar = self.defaults.calendar
        moved: list[tuple[str, str, date]] = []
        meta = self.meta(today(self.clock))
        for mid in candidates:

            def command(m: Motion) -> list[tuple[str, date]]:
                decided = decision_date(m.life)
                start = date.fromisoformat(decided) if decided else m.registered_on
                changes = []
                for d in m.deadlines.values():
                    named = session_committee(
                        d.rule, d.phrase, decided_by=motion_committee(m.life), body=m.body
                    )
                    if named is None or not d.is_open or start is None:
                        continue
                    if not _follows_calendar(d):
                        continue  # a person set this due date: the calendar does not undo it
                    session = calendar.next_session(named, start)
                    if session is None or session.day == d.due:
                        continue
                    m.correct(
                        field_name=f"deadline.{d.deadline_id}.due",
                        value=session.day.isoformat(),
                        reason=f"{CALENDAR_REASON} nächste Sitzung von {session.committee} am "
                        f"{session.day:%d.%m.%Y}",
                        meta=meta,
                    )
                    changes.append((d.deadline_id, session.day))
                return changes

            changed, change = self.change(mid, command)
            moved += [(change.motion.reference, did, day) for did, day in changed]
        return moved

    def withdraw(self, mid: UUID, *, on: date, reason: str | None) -> Change:
        """Record that the motion was withdrawn."""
        meta = self.meta(on)
        _, change = self.change(mid, lambda m: m.withdraw(reason=reason, meta=meta))
        return change

    def correct(
        self, mid: UUID, *, field_name: str, value: str | None, reason: str, effective: date | None
    ) -> Change:
        """Put a wrongly recorded fact right (a new event; nothing is edited)."""
        meta = self.meta(effective)
        _, change = self.change(
            mid,
            lambda m: m.correct(field_name=field_name, value=value, reason=reason, meta=meta),
        )
        return change

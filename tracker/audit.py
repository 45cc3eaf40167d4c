"""Audit services: the hash chain, export and import, history with both times, and replay.

Each public function here backs one ``tracker audit`` command or option:

* :func:`head` (``audit head``): extend the chain over the log, return its head;
* :func:`verify` (``audit verify [--expect P:H]``): extend, then recompute the whole chain
  from the stored events; raise :class:`~tracker.errors.IntegrityViolation` naming the first
  position that was changed, deleted, inserted or reordered, or a published head that no
  longer matches;
* :func:`export` / :func:`restore` (``audit export`` / ``audit import``);
* :func:`seal_after_writes`: extend the chain after a command wrote events (called by the CLI
  when a command ends; long-running writers call :func:`seal`);
* :func:`history_rows` (``show --history``): every event of a motion with its effective date,
  recorded time, provenance, and what a correction or extension replaced;
* :func:`known_at` / :func:`known_board` / :func:`known_motion` (``--known-at``): what the
  tracker knew at a past instant, rebuilt from the events recorded up to then.

The chain itself lives in :mod:`events.chain`, the export format in :mod:`events.archive`;
this module opens the store, maps their errors onto the tracker's error tree and adds the
domain's view.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO
from uuid import UUID

from eventsourcing.domain import DomainEvent

from events import archive, chain
from events.chain import ChainBroken, ChainHead, Verification
from events.log import LogEntry, read_log
from events.motion import Corrected, DeadlineExtended, DeadlineSet
from events.store import Database, StoreLocation, connect, driver_errors, failure_reason
from events.values import Provenance, to_jsonable
from tracker.clock import BERLIN, Clock, parse_instant
from tracker.errors import (
    InputError,
    IntegrityViolation,
    StorageError,
    UnknownMotion,
)
from tracker.logs import get_logger
from tracker.motion import Motion
from tracker.service import MotionLog, TrackerService, open_log

log = get_logger()


@contextmanager
def chain_database(location: StoreLocation, opened: Database | None = None) -> Iterator[Database]:
    """A plain connection to the store with the chain table in place.

    ``opened``: the command's connection to the store, used and left open; without it a
    connection is opened and closed afterwards. Driver errors (unreachable server, locked
    or unreadable file) become :class:`~tracker.errors.StorageError`.
    """
    errors = driver_errors(location)
    try:
        db = opened or connect(location)
    except errors as exc:
        raise StorageError(
            f"cannot open the store {location.display}: {failure_reason(exc)}"
        ) from exc
    try:
        try:
            if not chain.EventTable.of(db).exists(db):
                open_log(location).close()  # the library creates its table when opened
            chain.ensure_chain_table(db)
            yield db
        except BrokenPipeError:  # the reader of an export stopped early: not the store's fault
            raise
        except errors as exc:
            raise StorageError(
                f"audit on {location.display} failed: {failure_reason(exc)}"
            ) from exc
    finally:
        if opened is None:
            db.close()


def parse_head(text: str, what: str = "--expect") -> ChainHead:
    """Read a published head ``POSITION:HASH``; bad input raises :class:`InputError`."""
    try:
        return ChainHead.parse(text)
    except ValueError as exc:
        raise InputError(f"{what}: {exc}") from None


def seal(location: StoreLocation) -> ChainHead:
    """Extend the chain over every event not yet chained; returns the head."""
    with chain_database(location) as db:
        return chain.extend(db)


def seal_after_writes(location: StoreLocation, opened: Database | None = None) -> None:
    """Extend the chain after a command that may have written events.

    Cheap when nothing is new (two queries, no lock). A failure is logged, not raised: the
    events are already stored, and the next audit command or write extends the chain from
    where it stopped. ``opened``: the command's connection, if it has one.
    """
    try:
        with chain_database(location, opened) as db:
            if chain.chain_head(db).position >= chain.log_head(db):
                return
            chain.extend(db)
    except StorageError as exc:
        log.warning("audit_chain_not_extended", store=location.display, error=str(exc))


def head(location: StoreLocation) -> ChainHead:
    """The chain's head after extending it over the whole log (``audit head``)."""
    return seal(location)


def verify(location: StoreLocation, expect: ChainHead | None = None) -> Verification:
    """Extend, then verify the whole chain and an optional published head.

    Raises :class:`IntegrityViolation` naming the first position where the stored log no
    longer matches the chain (or the published head).
    """
    with chain_database(location) as db:
        try:
            chain.extend(db)
            return chain.verify(db, expect=expect)
        except ChainBroken as exc:
            raise IntegrityViolation(f"the log is not intact: {exc}") from exc


def export(location: StoreLocation, out: TextIO) -> None:
    """Write the whole log with chain values and provenance as JSON lines to ``out``.

    Raises :class:`IntegrityViolation` if the log does not verify while it is read.
    """
    app = open_log(location)
    try:
        with chain_database(location) as db:
            chain.extend(db)
            try:
                archive.write_export(db, app.mapper, out)
            except ChainBroken as exc:
                raise IntegrityViolation(f"export stopped, the log is not intact: {exc}") from exc
    finally:
        app.close()


def export_to_file(location: StoreLocation, path: Path) -> None:
    """:func:`export` into ``path``, replaced only when the export is complete."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            export(location, out)
        partial.replace(path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from exc
    finally:
        partial.unlink(missing_ok=True)


def restore(
    location: StoreLocation, path: Path, expect: ChainHead | None = None
) -> archive.Imported:
    """Import an export file into the empty store at ``location`` (``audit import``).

    Every line is verified before anything is committed; a bad line raises
    :class:`IntegrityViolation` (or :class:`InputError` for a file that is no export) naming
    it, and nothing is imported.
    """
    app = open_log(location)
    try:
        with path.open(encoding="utf-8") as lines, chain_database(location) as db:
            return archive.import_archive(db, lines, app.mapper, expect=expect)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a tracker export (not UTF-8 text)") from None
    except archive.NotAnExport as exc:
        raise InputError(f"{path}: {exc}") from exc
    except archive.ArchiveError as exc:
        raise IntegrityViolation(f"{path}: refused, nothing imported: {exc}") from exc
    except archive.TargetNotEmpty as exc:
        raise InputError(str(exc)) from exc
    finally:
        app.close()


# -- history with both times ------------------------------------------------------------------


def provenance_text(provenance: Provenance | None) -> str:
    """Where a fact came from, in one short line."""
    if provenance is None:
        return "-"
    text = f"{provenance.kind.value}: {provenance.name}"
    if provenance.sha256:
        text += f" (sha256 {provenance.sha256[:12]})"
    if provenance.detail:
        text += f" [{provenance.detail}]"
    return text


def replaced(event: Any) -> str | None:
    """For a correction or an extension, what it replaced; None for other events."""
    if isinstance(event, DeadlineExtended):
        previous = event.previous_due.isoformat() if event.previous_due else "none"
        return f"{event.deadline_id} due {previous} -> {event.new_due.isoformat()} ({event.reason})"
    if isinstance(event, Corrected):
        return f"{event.field}: {event.previous!r} -> {event.value!r} ({event.reason})"
    return None


def summary(event: Any) -> str:
    """A few words on what an event recorded."""
    if isinstance(event, DeadlineSet):
        due = event.due.isoformat() if event.due else "no date"
        return f"{event.deadline_id} {event.kind.value} due {due}"
    text = replaced(event)
    if text is not None:
        return text
    keys = ("outcome", "committee", "office", "addressee", "report_kind", "reason", "note", "title")
    parts = [
        f"{k}={to_jsonable(getattr(event, k))}" for k in keys if getattr(event, k, None) is not None
    ]
    return ", ".join(parts)


def history_rows(events: list[Any]) -> list[dict[str, Any]]:
    """Every event of one motion: version, name, effective date, recorded time, provenance,
    what a correction or extension replaced, and a short summary."""
    return [
        {
            "version": e.originator_version,
            "event": type(e).__name__,
            "effective": to_jsonable(getattr(e, "effective", None)),
            "recorded": to_jsonable(e.timestamp),
            "provenance": provenance_text(getattr(e, "provenance", None)),
            "replaced": replaced(e),
            "summary": summary(e),
        }
        for e in events
    ]


# -- what the tracker knew at an instant (--known-at) ------------------------------------------


@dataclass(frozen=True)
class KnownAt:
    """A past instant to replay the log up to, and the day the tracker would have shown.

    ``instant`` is inclusive: events recorded at or before it were known. A bare date means
    the end of that day in Berlin (everything recorded that day), but never later than now.
    """

    instant: datetime
    day: date
    asked: str

    def knows(self, recorded: datetime) -> bool:
        return recorded <= self.instant


def known_at(text: str, clock: Clock) -> KnownAt:
    """Read ``--known-at``; an instant after now is refused (:class:`InputError`)."""
    now = clock.now()
    value = text.strip()
    start = parse_instant(value)
    if start > now:
        shown = f"{now.astimezone(BERLIN):%Y-%m-%d %H:%M %Z}"
        raise InputError(
            f"--known-at {value}: lies in the future (now is {shown}); "
            "nothing can be known then yet"
        )
    instant = start
    if len(value) == 10:  # a bare date: up to the end of that day in Berlin
        day_after = start.astimezone(BERLIN).date() + timedelta(days=1)
        end = datetime.combine(day_after, time(0), BERLIN) - timedelta(microseconds=1)
        instant = min(end.astimezone(now.tzinfo), now)
    return KnownAt(instant, instant.astimezone(BERLIN).date(), value)


#: How the library's JSON transcoder writes an event's recorded time, first in its state.
_RECORDED = re.compile(rb'^\{"timestamp":\{"_type_":"datetime_iso","_data_":"([^"]+)"\}')


def stored_recorded(state: bytes) -> datetime | None:
    """The recorded time read from the start of a stored state without decoding the rest.

    None when the state does not begin as the library writes it (then decode it fully).
    """
    match = _RECORDED.match(state)
    if match is None:
        return None
    try:
        value = datetime.fromisoformat(match.group(1).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None
    return value if value.tzinfo is not None else None


def known_entries(app: MotionLog, when: KnownAt, batch: int = 5000) -> Iterator[LogEntry]:
    """The log's entries recorded up to ``when``, in log order.

    Each motion contributes the events up to its first one recorded later (a prefix of its
    versions), so a clock set back by ``--now`` cannot leave a motion with a missing version.
    Events recorded later are recognised from the start of their stored state and are not
    decoded.
    """
    cut: set[UUID | str] = set()
    start = 1
    while True:
        notifications = app.recorder.select_notifications(start, batch)
        for n in notifications:
            mid = n.originator_id
            if mid in cut:
                continue
            recorded = stored_recorded(n.state)
            if recorded is not None and not when.knows(recorded):
                cut.add(mid)
                continue
            event = app.mapper.to_domain_event(n)
            assert isinstance(event, DomainEvent)
            if when.knows(event.timestamp):
                yield LogEntry(n.id, event)
            else:
                cut.add(mid)
        if len(notifications) < batch:
            return
        start = notifications[-1].id + 1


def first_recorded(app: MotionLog) -> datetime | None:
    """When the first event of the log was recorded (None for an empty log)."""
    for entry in read_log(app.recorder, app.mapper, stop=1, batch=1):
        return entry.recorded
    return None


def known_motion(
    service: TrackerService,
    reference: str,
    body: str | None,
    known: str | None = None,
    clock: Clock | None = None,
) -> tuple[Motion, list[Any]]:
    """The motion as known at ``--known-at`` ``known`` (None: now), and its events by then."""
    current = service.find(reference, body)
    history = service.history(current.id)
    if known is None:
        return current, history
    when = known_at(known, clock or service.clock)
    events: list[Any] = []
    for event in history:
        if not when.knows(event.timestamp):
            break
        events.append(event)
    if not events:
        recorded = history[0].timestamp
        raise UnknownMotion(
            f"{current.reference} was not known yet at "
            f"{when.instant.astimezone(BERLIN):%Y-%m-%d %H:%M} (first recorded "
            f"{recorded.astimezone(BERLIN):%Y-%m-%d %H:%M})"
        )
    motion: Motion | None = None
    for event in events:
        motion = event.mutate(motion)
    assert isinstance(motion, Motion)
    return motion, events

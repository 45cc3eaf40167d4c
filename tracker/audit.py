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
* :func:`make_seal` (``audit seal``, and after writes when a key is configured): a signed
  seal of the chain's head (:mod:`events.seals`), stored beside the log, appended to the
  seal file; :func:`check_seals` (``audit verify`` with a key): every seal that is missing
  or does not verify, and every event after the last valid seal;
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

from events import archive, chain, seals
from events.chain import ChainBroken, ChainHead, RawEvent, Verification
from events.log import LogEntry, read_log
from events.motion import Corrected, DeadlineExtended, DeadlineSet
from events.seals import FileLine, Seal, SealError, Signer, Verifier
from events.store import Database, StoreLocation, connect, driver_errors, failure_reason
from events.values import Provenance, to_jsonable
from tracker.clock import BERLIN, Clock, parse_instant
from tracker.errors import (
    ConfigurationError,
    InputError,
    IntegrityViolation,
    StorageError,
    UnknownMotion,
)
from tracker.logs import get_logger
from tracker.motion import Motion
from tracker.service import MotionLog, TrackerService, open_log
from tracker.settings import Settings

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


def seal(location: StoreLocation, settings: Settings | None = None) -> ChainHead:
    """Extend the chain over every event not yet chained; returns the head. With a seal key
    configured (``[audit] key`` of ``settings``), also sign a seal of the head when it moved
    (``tracker run`` does this every minute)."""
    with chain_database(location) as db:
        head = chain.extend(db)
        if settings is not None:
            sealing = SealSettings.from_settings(settings)
            if sealing.key is not None:
                make_seal(location, sealing, settings.clock, opened=db)
        return head


def seal_after_writes(
    location: StoreLocation, opened: Database | None = None, settings: Settings | None = None
) -> None:
    """Extend the chain after a command that may have written events, and with a seal key
    configured (``[audit] key`` of ``settings``) sign a seal of the new head.

    Cheap when nothing is new (two queries, no lock). A failure is logged, not raised: the
    events are already stored, and the next audit command or write extends the chain (and
    seals) from where it stopped. ``opened``: the command's connection, if it has one.
    """
    try:
        with chain_database(location, opened) as db:
            if chain.chain_head(db).position >= chain.log_head(db):
                return
            chain.extend(db)
            if settings is not None:
                sealing = SealSettings.from_settings(settings)
                if sealing.key is not None:
                    make_seal(location, sealing, settings.clock, opened=db)
    except StorageError as exc:
        log.warning("audit_chain_not_extended", store=location.display, error=str(exc))
    except (IntegrityViolation, ConfigurationError) as exc:
        log.error("audit_seal_refused", store=location.display, error=str(exc))


# -- signed seals ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SealSettings:
    """``[audit]`` in the configuration: the seal key and where seals go.

    ``key``: the Ed25519 private key (PEM), created on first use with mode 0600 and its
    public half beside it (``<key>.pub``); ``public_key``: a PEM public key to verify with
    where the private key is not at hand (an auditor); ``seal_file``: an append-only file
    that receives every seal as a JSON line; ``auditors``: addresses each seal of
    ``tracker audit seal`` is e-mailed to. Relative paths are read from the configuration
    file's folder.
    """

    key: Path | None = None
    public_key: Path | None = None
    seal_file: Path | None = None
    auditors: tuple[str, ...] = ()

    @property
    def enabled(self) -> bool:
        """Whether seals are in use (a key to sign or to verify with is configured)."""
        return self.key is not None or self.public_key is not None

    @classmethod
    def from_section(cls, section: Any, base: Path | None = None) -> SealSettings:
        """Read ``[audit]``; bad values raise :class:`ConfigurationError` naming the setting."""
        known = {"key", "public_key", "seal_file", "auditors"}
        unknown = sorted(set(section) - known)
        if unknown:
            raise ConfigurationError(
                f"[audit] {', '.join(unknown)}: unknown setting; known: {', '.join(sorted(known))}"
            )

        def path(name: str) -> Path | None:
            value = section.get(name)
            if value is None:
                return None
            if not isinstance(value, str) or not value.strip():
                raise ConfigurationError(f"[audit] {name} must be a file path")
            found = Path(value).expanduser()
            return found if found.is_absolute() or base is None else base / found

        auditors = section.get("auditors", [])
        if isinstance(auditors, str):
            auditors = [auditors]
        if not isinstance(auditors, list) or not all(
            isinstance(a, str) and "@" in a for a in auditors
        ):
            raise ConfigurationError("[audit] auditors must be a list of e-mail addresses")
        return cls(path("key"), path("public_key"), path("seal_file"), tuple(auditors))

    @classmethod
    def from_settings(cls, settings: Settings) -> SealSettings:
        """``[audit]`` of the settings, relative paths from the configuration file's folder."""
        base = settings.config_path.parent if settings.config_path else None
        return cls.from_section(settings.section("audit"), base)

    def files(self, extra: list[Path]) -> list[Path]:
        """The seal files to check: ``[audit] seal_file`` (when it exists), then ``extra``."""
        own = [self.seal_file] if self.seal_file is not None and self.seal_file.exists() else []
        return own + extra

    def signer(self) -> Signer:
        """The signing key, created on first use; :class:`ConfigurationError` without one."""
        if self.key is None:
            raise ConfigurationError("no seal key: set [audit] key in the configuration")
        try:
            return Signer.load_or_create(self.key)
        except SealError as exc:
            raise ConfigurationError(str(exc)) from None

    def verifier(self, public_key: Path | None = None) -> Verifier | None:
        """The key to verify seals with: ``public_key`` (``--public-key``), else
        ``[audit] public_key``, else the public half of ``[audit] key``; None without any."""
        try:
            if public_key is not None:
                return Verifier.from_file(public_key)
            if self.public_key is not None:
                return Verifier.from_file(self.public_key)
            if self.key is not None:
                pub = seals.public_path(self.key)
                if pub.exists():
                    return Verifier.from_file(pub)
                return self.signer().verifier
        except SealError as exc:
            raise ConfigurationError(str(exc)) from None
        return None


def make_seal(
    location: StoreLocation,
    sealing: SealSettings,
    clock: Clock,
    *,
    opened: Database | None = None,
) -> Seal | None:
    """Extend the chain and sign a seal of its head; None when the newest seal already
    covers it (or the log is empty).

    The seal is numbered after the newest stored seal and signed only if the log still
    continues that seal: its signature verifies, the chain still holds its value, and the
    stored events from there to the head recompute to the chain (the first seal: from the
    genesis); and if the seal file already holds a later seal than the store, the store
    lost seals. Otherwise :class:`IntegrityViolation` says why and nothing is signed. The
    seal is stored in the same transaction, under the chain's lock, and then appended to
    ``[audit] seal_file``.
    """
    signer = sealing.signer()
    with chain_database(location, opened) as db:
        seals.ensure_seal_table(db)
        chain.extend(db)
        checked = _checked_beforehand(db)
        with db.transaction() as cur:
            chain.lock_chain(db, cur)
            head = chain.head_in(db, cur)
            last = seals.last_seal(cur, db)
            if head.position == 0 or (
                last is not None and last.position == head.position and last.chain == head.chain
            ):
                return None
            try:
                _check_continues(db, cur, head, last, signer.verifier, sealing.seal_file, checked)
            except (ChainBroken, SealError) as exc:
                raise IntegrityViolation(f"refusing to seal: {exc}") from exc
            number = last.number + 1 if last else 1
            seal = signer.sign(number, head.position, head.chain, clock.now())
            seals.insert_seal(cur, db, seal)
    if sealing.seal_file is not None:
        try:
            seals.append_line(sealing.seal_file, seal)
        except OSError as exc:
            raise IntegrityViolation(
                f"seal #{seal.number} is stored, but not appended to {sealing.seal_file}: "
                f"{exc.strerror}"
            ) from exc
    log.info("audit_sealed", seal=seal.number, position=seal.position, key=seal.key)
    return seal


@dataclass(frozen=True)
class _Checked:
    """How far the chain was verified before taking the lock, from which seal."""

    seal: int
    head: ChainHead


def _checked_beforehand(db: Database) -> _Checked | None:
    """Verify the chain from the newest seal to the head without holding the chain's lock,
    so that the locked check only covers what was chained since (the first seal of a long
    log walks it all here, not while writers wait). None when that fails: the locked check
    then starts from the seal and says why."""
    found = db.query(
        f"SELECT seal, position, chain FROM {seals.seal_table(db)} ORDER BY seal DESC LIMIT 1"
    )
    number, start = 0, chain.EMPTY_HEAD
    if found:
        number, start = int(found[0][0]), ChainHead(int(found[0][1]), bytes(found[0][2]))
        if chain.chain_values(db, [start.position]).get(start.position) != start.chain:
            return None
    try:
        return _Checked(number, chain.verify_segment(db, start, chain.chain_head(db).position))
    except ChainBroken:
        return None


def _check_continues(
    db: Database,
    cur: Any,
    head: ChainHead,
    last: Seal | None,
    verifier: Verifier,
    seal_file: Path | None,
    checked: _Checked | None = None,
) -> None:
    """Raise :class:`SealError` (or :class:`ChainBroken`) unless the head continues ``last``.

    ``checked``: how far the chain was verified beforehand from ``last``; only the rest is
    walked here, if the chain still holds the value verified then.
    """

    def fetch(query: str, params: Any) -> list[tuple[Any, ...]]:
        return cur.execute(query, params).fetchall()  # type: ignore[no-any-return]

    start = chain.EMPTY_HEAD
    if last is not None:
        if not verifier.verifies(last):
            raise SealError(
                f"the newest seal #{last.number} does not verify with key {verifier.key}"
            )
        rows = fetch(
            f"SELECT chain FROM {chain.chain_table(db)} WHERE position = ?", (last.position,)
        )
        if not rows or bytes(rows[0][0]) != last.chain:
            raise SealError(
                f"the chain no longer holds seal #{last.number} at position {last.position}: "
                "the log was rewritten or cut since"
            )
        start = ChainHead(last.position, last.chain)
    if (
        checked is not None
        and checked.seal == (last.number if last else 0)
        and start.position <= checked.head.position <= head.position
    ):
        rows = fetch(
            f"SELECT chain FROM {chain.chain_table(db)} WHERE position = ?",
            (checked.head.position,),
        )
        if checked.head == chain.EMPTY_HEAD or (rows and bytes(rows[0][0]) == checked.head.chain):
            start = checked.head
    reached = chain.verify_segment(db, start, head.position, fetch=fetch)
    if reached != head:
        raise SealError(f"the chain does not reach its head {head} from {start}")
    if seal_file is not None:
        in_file = seals.last_line_number(seal_file)
        if in_file > (last.number if last else 0):
            raise SealError(
                f"{seal_file} holds seal #{in_file}, the store only "
                f"{'#' + str(last.number) if last else 'none'}: seals were deleted from the store"
            )


def newest_seal(location: StoreLocation) -> Seal | None:
    """The stored seal with the highest number (None before the first)."""
    with chain_database(location) as db:
        seals.ensure_seal_table(db)
        found = seals.stored_seals(db)
    return found[-1] if found else None


@dataclass(frozen=True)
class UnsealedEvent:
    """An event after the last valid seal: nothing signed vouches for it."""

    position: int
    motion: UUID
    version: int
    event: str
    recorded: datetime | None

    def describe(self) -> str:
        when = f", recorded {self.recorded.isoformat()}" if self.recorded else ""
        return (
            f"position {self.position}: {self.event} of motion {self.motion} "
            f"version {self.version}{when}"
        )


@dataclass(frozen=True)
class SealReport:
    """What :func:`check_seals` found: problems with seals and events no seal covers."""

    key: str
    valid: int
    last: Seal | None
    problems: list[str]
    unsealed: list[UnsealedEvent]

    @property
    def intact(self) -> bool:
        return not self.problems and not self.unsealed

    def summary(self) -> str:
        """One line for the error (or the success) message."""
        parts = []
        if self.problems:
            parts.append(f"{len(self.problems)} seal problem(s)")
        if self.unsealed:
            first, last = self.unsealed[0].position, self.unsealed[-1].position
            parts.append(
                f"{len(self.unsealed)} event(s) after the last valid seal "
                f"(positions {first}-{last}) not vouched for by any signed seal"
            )
        return "; ".join(parts)


def _unsealed(event: RawEvent) -> UnsealedEvent:
    return UnsealedEvent(
        event.position,
        event.originator_id,
        event.version,
        event.topic.rpartition(":")[2] or event.topic,
        stored_recorded(event.state),
    )


def check_seals(db: Database, head: ChainHead, verifier: Verifier, files: list[Path]) -> SealReport:
    """Check every seal of the store and of the seal ``files`` against the verified chain.

    Names every seal that is missing from the store (a gap in the numbers, or one only a
    file holds), that does not verify (another key, an altered seal or file line), or that
    the log no longer matches (cut or rewritten), and every event after the last valid seal.
    Call it after :func:`events.chain.verify` has checked the chain against the log.
    """
    seals.ensure_seal_table(db)
    stored = seals.stored_seals(db)
    lines: list[FileLine] = []
    for path in files:
        try:
            lines.extend(seals.read_lines(path))
        except OSError as exc:
            raise InputError(f"seal file {path}: {exc.strerror}") from None
    found = chain.chain_values(
        db, [s.position for s in stored] + [x.seal.position for x in lines if x.seal]
    )

    def problem(seal: Seal) -> str | None:
        if seal.key != verifier.key:
            return f"signed by another key ({seal.key}, not {verifier.key})"
        if not verifier.verifies(seal):
            return "the signature does not verify: the seal was altered"
        if seal.position > head.position:
            return (
                f"sealed position {seal.position}, but the log now ends at position "
                f"{head.position}: events were deleted"
            )
        if found.get(seal.position) != seal.chain:
            return f"the log no longer matches it: rewritten at or before position {seal.position}"
        return None

    problems: list[str] = []
    valid: list[Seal] = []
    by_number = {s.number: s for s in stored}
    for s in stored:
        reason = problem(s)
        if reason:
            problems.append(f"seal #{s.number} (position {s.position}): {reason}")
        else:
            valid.append(s)
    in_files: dict[int, str] = {}
    for x in lines:
        if x.seal is None:
            problems.append(f"{x.where}: {x.problem}: the seal file was edited")
            continue
        s = x.seal
        in_files.setdefault(s.number, x.where)
        reason = problem(s)
        if reason:
            problems.append(f"seal #{s.number} ({x.where}): {reason}")
            continue
        valid.append(s)
        if s.number in by_number and by_number[s.number] != s:
            problems.append(
                f"seal #{s.number}: the store's copy differs from the valid one in {x.where}"
            )
    highest = max([*by_number, *in_files], default=0)
    for n in range(1, highest + 1):
        if n not in by_number:
            where = f" ({in_files[n]} has it)" if n in in_files else ""
            problems.append(f"seal #{n}: missing from the store{where}")
    last = max(valid, key=lambda s: (s.position, s.number), default=None)
    after = last.position if last else 0
    unsealed = [_unsealed(e) for e in chain.read_raw(db, after=after, stop=head.position)]
    return SealReport(verifier.key, len({s.number for s in valid}), last, problems, unsealed)


@dataclass(frozen=True)
class AuditResult:
    """``audit verify``: the chain, and the seals when a key is configured."""

    chain: Verification
    seals: SealReport | None


def verify_sealed(
    location: StoreLocation,
    expect: ChainHead | None,
    verifier: Verifier | None,
    files: list[Path],
) -> AuditResult:
    """:func:`verify`, then with a ``verifier`` :func:`check_seals` (the seal ``files``
    besides the store's seals). The chain's breaks raise; seal findings are returned."""
    with chain_database(location) as db:
        try:
            chain.extend(db)
            verification = chain.verify(db, expect=expect)
        except ChainBroken as exc:
            raise IntegrityViolation(f"the log is not intact: {exc}") from exc
        if verifier is None:
            return AuditResult(verification, None)
        return AuditResult(verification, check_seals(db, verification.head, verifier, files))


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

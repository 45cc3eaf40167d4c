"""The reminder policy: who is reminded of which obligation, and when. Pure (GUIDE rule 6).

Nothing here reads the clock, the database or the network: every function takes ``now`` or
``since`` as an argument.

Configuration (``[reminders]`` in ``tracker.toml``, all optional)::

    [reminders]
    before = [14, 3]            # stages before the due date, in days
    on_due = true               # a stage on the due date
    overdue_every = 7           # overdue repeats, in days (0: none)
    escalate_after = 30         # overdue repeats at least this late also go to escalate_to
    escalate_to = "amtsleitung@bezirk.example"
    send_time = "08:00"         # Europe/Berlin, on working days of the motion's Bundesland
    late_after_minutes = 60     # sent later than this after its time: marked "verspätet"
    catch_up = "send_time"      # a late reminder waits for the next send time on a working
                                # day ("send_time"), or goes out at once ("at_once")
    catch_up_until = "18:00"    # late ones go out on working days from send_time to this
    fallback = "buero@bvv.example"
    sender = "fristen@bvv.example"
    lease_seconds = 60          # how long a claim is held while sending
    retries = 3                 # delivery attempts per claim
    backoff_seconds = 1.0       # first retry delay, doubled each time
    poll_seconds = 60           # the dispatcher wakes at least this often
    claim_batch = 100           # reminders claimed at once

    [reminders.office]          # recipients per office (Federführung) or addressee
    "Bezirksamt" = "ba@bezirk.example"

    [reminders.body]            # recipients per council body
    "BVV Mitte von Berlin" = "bvv@bezirk.example"

A recipient is an e-mail address or an ``http(s)://`` URL (a webhook: one signed JSON POST
per reminder, see :mod:`notifiers.webhook`). Recipients are looked up by office, then
addressee, then body, then the fallback (names compared case- and space-insensitively).

Stages are counted from the due date after BGB § 193 (``due``); the reminder key keeps the
nominal due date as recorded. A stage that falls on a weekend or public holiday of the
motion's Bundesland moves to the working day before it; nothing is sent between 02:00 and
03:00 local time (the hour that daylight saving time skips or repeats).

A reminder whose time passed more than ``late_after_minutes`` ago (the service was down, or
the obligation became known late) goes out on a working day of the motion's Bundesland
between ``send_time`` and ``catch_up_until``: at once when the service comes back within
those hours, else it is *held* until the next send time (:func:`catch_up_at`), not sent at
whatever hour the service comes back (01:39 on a Saturday); ``catch_up = "at_once"`` sends
it at once. It is marked late ("verspätet") either way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any, Protocol
from uuid import UUID

from events.reminders import reminder_key
from tracker.clock import BERLIN
from tracker.deadlines import is_working_day, previous_working_day
from tracker.errors import ConfigurationError
from tracker.identity import normalise_key

#: Local hours in which nothing is scheduled (DST switches happen here).
QUIET_START, QUIET_END = time(2, 0), time(3, 0)
#: What a late reminder does: wait for the next send time on a working day, or go at once.
CATCH_UP = ("send_time", "at_once")


def _empty() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ReminderPolicy:
    """When and to whom reminders go; see the module docstring for the TOML keys."""

    before: tuple[int, ...] = (14, 3)
    on_due: bool = True
    overdue_every: int = 7
    escalate_after: int = 30
    escalate_to: str | None = None
    send_time: time = time(8, 0)
    late_after: timedelta = timedelta(minutes=60)
    #: ``send_time``: a late reminder waits for the next send time on a working day;
    #: ``at_once``: it goes out at once.
    catch_up: str = "send_time"
    #: Late reminders go out on working days from ``send_time`` until this local time.
    catch_up_until: time = time(18, 0)
    offices: Mapping[str, str] = field(default_factory=_empty)
    bodies: Mapping[str, str] = field(default_factory=_empty)
    fallback: str | None = None

    def fingerprint(self) -> str:
        """A short hash of everything that decides which reminders are planned, and when."""
        data = {
            "before": list(self.before),
            "on_due": self.on_due,
            "overdue_every": self.overdue_every,
            "escalate_after": self.escalate_after,
            "escalate_to": self.escalate_to,
            "send_time": self.send_time.isoformat(),
            "offices": dict(sorted(self.offices.items())),
            "bodies": dict(sorted(self.bodies.items())),
            "fallback": self.fallback,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DeliveryOptions:
    """How the dispatcher delivers: sender, claims, retries, polling."""

    sender: str = "tracker@localhost"
    #: The web front's address (``[web] base_url``): digests link ``{base_url}/motions/{id}``.
    base_url: str | None = None
    lease_seconds: float = 60.0
    retries: int = 3
    backoff_seconds: float = 1.0
    poll_seconds: float = 60.0
    claim_batch: int = 100


def _int_list(section: Mapping[str, Any], name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    value = section.get(name, list(default))
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value
    ):
        raise ConfigurationError(f"[reminders] {name} must be a list of positive whole days")
    return tuple(sorted(set(value), reverse=True))


def _number(section: Mapping[str, Any], name: str, default: float, *, minimum: float) -> float:
    value = section.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise ConfigurationError(f"[reminders] {name} must be a number of at least {minimum}")
    return float(value)


def _text(section: Mapping[str, Any], name: str) -> str | None:
    value = section.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"[reminders] {name} must be a non-empty string")
    return value.strip()


def _table(section: Mapping[str, Any], name: str) -> Mapping[str, str]:
    value = section.get(name, {})
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ConfigurationError(f"[reminders.{name}] must map names to addresses")
    return MappingProxyType({normalise_key(k): v.strip() for k, v in value.items()})


def parse_policy(section: Mapping[str, Any]) -> tuple[ReminderPolicy, DeliveryOptions]:
    """Read ``[reminders]`` into a policy and delivery options (raises ConfigurationError)."""
    known = {
        "before", "on_due", "overdue_every", "escalate_after", "escalate_to", "send_time",
        "late_after_minutes", "catch_up", "catch_up_until", "fallback", "sender", "lease_seconds",
        "retries", "backoff_seconds", "poll_seconds", "claim_batch", "office", "body",
    }  # fmt: skip
    unknown = sorted(set(section) - known)
    if unknown:
        raise ConfigurationError(
            f"[reminders] unknown key(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    raw_time = section.get("send_time", "08:00")
    try:
        send_time = time.fromisoformat(str(raw_time))
    except ValueError:
        raise ConfigurationError(f"[reminders] send_time {raw_time!r} is not HH:MM") from None
    catch_up = section.get("catch_up", "send_time")
    if catch_up not in CATCH_UP:
        raise ConfigurationError(f"[reminders] catch_up must be one of: {', '.join(CATCH_UP)}")
    raw_until = section.get("catch_up_until", "18:00")
    try:
        catch_up_until = time.fromisoformat(str(raw_until))
    except ValueError:
        raise ConfigurationError(f"[reminders] catch_up_until {raw_until!r} is not HH:MM") from None
    if catch_up_until <= send_time:
        raise ConfigurationError("[reminders] catch_up_until must be later than send_time")
    on_due = section.get("on_due", True)
    if not isinstance(on_due, bool):
        raise ConfigurationError("[reminders] on_due must be true or false")
    policy = ReminderPolicy(
        before=_int_list(section, "before", (14, 3)),
        on_due=on_due,
        overdue_every=int(_number(section, "overdue_every", 7, minimum=0)),
        escalate_after=int(_number(section, "escalate_after", 30, minimum=1)),
        escalate_to=_text(section, "escalate_to"),
        send_time=send_time,
        late_after=timedelta(minutes=_number(section, "late_after_minutes", 60, minimum=0)),
        catch_up=catch_up,
        catch_up_until=catch_up_until,
        offices=_table(section, "office"),
        bodies=_table(section, "body"),
        fallback=_text(section, "fallback"),
    )
    options = DeliveryOptions(
        sender=_text(section, "sender") or "tracker@localhost",
        lease_seconds=_number(section, "lease_seconds", 60, minimum=1),
        retries=int(_number(section, "retries", 3, minimum=1)),
        backoff_seconds=_number(section, "backoff_seconds", 1.0, minimum=0),
        poll_seconds=_number(section, "poll_seconds", 60, minimum=0.05),
        claim_batch=int(_number(section, "claim_batch", 100, minimum=1)),
    )
    return policy, options


# -- obligations and stages -----------------------------------------------------------------


class ObligationLike(Protocol):
    """What the policy needs of an open obligation (a deadline board row)."""

    @property
    def motion_id(self) -> UUID: ...
    @property
    def deadline_id(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def office(self) -> str | None: ...
    @property
    def addressee(self) -> str | None: ...
    @property
    def state(self) -> str | None: ...
    @property
    def nominal_due(self) -> date: ...
    @property
    def due(self) -> date: ...


@dataclass(frozen=True)
class Obligation:
    """An open obligation as the reminders read model keeps it."""

    motion_id: UUID
    deadline_id: str
    reference: str
    title: str
    body: str
    committee: str | None
    office: str | None
    addressee: str | None
    state: str | None
    kind: str
    nominal_due: date
    due: date


@dataclass(frozen=True, order=True)
class Stage:
    """A reminder stage: ``offset`` days relative to the due date (negative: before)."""

    offset: int
    escalation: bool = False

    @property
    def name(self) -> str:
        """``before-14``, ``due``, ``overdue-7``, ``escalation-35``."""
        if self.escalation:
            return f"escalation-{self.offset}"
        if self.offset < 0:
            return f"before-{-self.offset}"
        return "due" if self.offset == 0 else f"overdue-{self.offset}"

    @classmethod
    def parse(cls, name: str) -> Stage:
        """The stage named ``name`` (inverse of :attr:`name`)."""
        if name == "due":
            return cls(0)
        kind, _, days = name.partition("-")
        number = int(days)
        if kind == "before":
            return cls(-number)
        if kind == "overdue":
            return cls(number)
        if kind == "escalation":
            return cls(number, escalation=True)
        raise ValueError(f"unknown stage {name!r}")


@dataclass(frozen=True)
class PlannedReminder:
    """One reminder of one obligation: its key, stage, send time and recipient."""

    key: str
    motion_id: UUID
    deadline_id: str
    nominal_due: date
    due: date
    stage: Stage
    send_at: datetime
    recipient: str | None


def send_instant(day: date, state: str | None, policy: ReminderPolicy) -> datetime:
    """The send time (UTC) of a stage falling on ``day``.

    A weekend or public holiday of ``state`` moves it to the working day before; a send time
    configured between 02:00 and 03:00 local time moves to 03:00.
    """
    return _send_time_on(previous_working_day(day, state), policy)


def _send_time_on(day: date, policy: ReminderPolicy) -> datetime:
    at = policy.send_time
    if QUIET_START <= at < QUIET_END:
        at = QUIET_END
    return datetime.combine(day, at, tzinfo=BERLIN).astimezone(UTC)


def catch_up_at(
    send_at: datetime, state: str | None, now: datetime, policy: ReminderPolicy
) -> datetime | None:
    """When a reminder planned for ``send_at`` goes out, seen at ``now``: None for now.

    On time (at most ``late_after`` late) or with ``catch_up = "at_once"``: now. Later than
    that: between the send time and ``catch_up_until`` of a working day of ``state``, so the
    next send time on a working day unless ``now`` is within those hours.
    """
    if now - send_at <= policy.late_after or policy.catch_up == "at_once":
        return None
    day = now.astimezone(BERLIN).date()
    while True:
        if is_working_day(day, state):
            start = _send_time_on(day, policy)
            end = datetime.combine(day, policy.catch_up_until, tzinfo=BERLIN)
            if start <= now < end:
                return None
            if start > now:
                return start
        day += timedelta(days=1)


def recipient_for(ob: ObligationLike, policy: ReminderPolicy) -> str | None:
    """The office's address, else the addressee's, else the body's, else the fallback."""
    for name, table in ((ob.office, policy.offices), (ob.addressee, policy.offices)):
        if name and normalise_key(name) in table:
            return table[normalise_key(name)]
    return policy.bodies.get(normalise_key(ob.body)) or policy.fallback


def _planned(ob: ObligationLike, stage: Stage, policy: ReminderPolicy) -> PlannedReminder:
    day = ob.due + timedelta(days=stage.offset)
    recipient = policy.escalate_to if stage.escalation else recipient_for(ob, policy)
    return PlannedReminder(
        key=reminder_key(ob.motion_id, ob.deadline_id, ob.nominal_due, stage.name),
        motion_id=ob.motion_id,
        deadline_id=ob.deadline_id,
        nominal_due=ob.nominal_due,
        due=ob.due,
        stage=stage,
        send_at=send_instant(day, ob.state, policy),
        recipient=recipient,
    )


def _with_escalation(
    ob: ObligationLike, stage: Stage, policy: ReminderPolicy
) -> list[PlannedReminder]:
    items = [_planned(ob, stage, policy)]
    if stage.offset >= policy.escalate_after and policy.escalate_to:
        items.append(_planned(ob, Stage(stage.offset, escalation=True), policy))
    return items


def escalation(ob: ObligationLike, offset: int, policy: ReminderPolicy) -> list[PlannedReminder]:
    """The escalation of the overdue stage ``offset`` (none below ``escalate_after`` or
    without ``escalate_to``)."""
    return [p for p in _with_escalation(ob, Stage(offset), policy) if p.stage.escalation]


def next_overdue(
    ob: ObligationLike, policy: ReminderPolicy, *, after: int, since: datetime
) -> list[PlannedReminder]:
    """The first overdue repeat later than offset ``after`` whose send time is after ``since``.

    Used when an overdue reminder was dealt with: the chain continues from the time that
    happened, so a service that was down does not send every missed repeat in a row.
    """
    if policy.overdue_every <= 0:
        return []
    offset = (max(after, 0) // policy.overdue_every + 1) * policy.overdue_every
    while True:
        planned = _planned(ob, Stage(offset), policy)
        if planned.send_at > since:
            return _with_escalation(ob, Stage(offset), policy)
        offset += policy.overdue_every


def plan(ob: ObligationLike, policy: ReminderPolicy, since: datetime) -> list[PlannedReminder]:
    """The reminders of an obligation whose due date became known at ``since``.

    Every stage before and on the due date, and the overdue repeats up to the first one after
    ``since``. Of the stages whose time had passed before ``since``, only the latest is kept
    (it goes out at the next send time, :func:`catch_up_at`, coalescing the rest).
    """
    stages = [Stage(-days) for days in policy.before]
    if policy.on_due:
        stages.append(Stage(0))
    items = [p for s in stages for p in _with_escalation(ob, s, policy)]
    items += next_overdue(ob, policy, after=0, since=since)
    if policy.overdue_every > 0:  # overdue repeats that passed before since: keep the latest
        offset = policy.overdue_every
        while _planned(ob, Stage(offset), policy).send_at <= since:
            items += _with_escalation(ob, Stage(offset), policy)
            offset += policy.overdue_every
    return coalesce_past(items, since)


def coalesce_past(items: Iterable[PlannedReminder], since: datetime) -> list[PlannedReminder]:
    """Keep the future reminders and, per recipient role, only the latest past one."""
    unique = {p.key: p for p in items}
    result: list[PlannedReminder] = []
    for escalation in (False, True):
        group = sorted(
            (p for p in unique.values() if p.stage.escalation is escalation),
            key=lambda p: (p.send_at, p.stage.offset),
        )
        past = [p for p in group if p.send_at <= since]
        result += past[-1:] + [p for p in group if p.send_at > since]
    return sorted(result, key=lambda p: (p.send_at, p.stage.escalation, p.stage.offset))


# -- due reminders: the pure decision of one dispatcher pass --------------------------------


class DueRow(Protocol):
    """A planned reminder as the read model hands it to the dispatcher."""

    @property
    def key(self) -> str: ...
    @property
    def motion_id(self) -> UUID: ...
    @property
    def deadline_id(self) -> str: ...
    @property
    def nominal_due(self) -> date: ...
    @property
    def stage(self) -> str: ...
    @property
    def send_at(self) -> datetime: ...
    @property
    def recipient(self) -> str | None: ...


@dataclass(frozen=True)
class DueItem:
    """One reminder going out now; ``late`` when its send time passed while down."""

    row: Any
    late: bool


@dataclass(frozen=True)
class Digest:
    """Everything going to one recipient in one pass, in a stable order."""

    recipient: str
    items: tuple[DueItem, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(i.row.key for i in self.items)

    @property
    def late(self) -> bool:
        return any(i.late for i in self.items)


@dataclass(frozen=True)
class Skip:
    """A reminder that is not sent, and why."""

    row: Any
    reason: str


@dataclass(frozen=True)
class Hold:
    """A late reminder that waits for the next send time on a working day (``until``)."""

    row: Any
    until: datetime


@dataclass(frozen=True)
class PassPlan:
    """What one dispatcher pass does: digests to send, reminders to skip, late ones held."""

    digests: tuple[Digest, ...]
    skips: tuple[Skip, ...]
    held: tuple[Hold, ...] = ()


def due_reminders(rows: Sequence[DueRow], now: datetime, policy: ReminderPolicy) -> PassPlan:
    """Decide what goes out at ``now`` from planned reminder rows (pure).

    Rows whose send time is still ahead are ignored. Of several due stages of one deadline
    (the service was down across them) only the latest goes out, the others are skipped as
    coalesced. A reminder later than ``policy.late_after`` is marked late, and held until
    the next send time on a working day (:func:`catch_up_at`). Rows without a recipient are
    skipped. Items are grouped into one digest per recipient.
    """
    due = [r for r in rows if r.send_at <= now]
    latest: dict[tuple[UUID, str, date, bool], DueRow] = {}
    for r in due:
        group = (r.motion_id, r.deadline_id, r.nominal_due, Stage.parse(r.stage).escalation)
        best = latest.get(group)
        if best is None or (r.send_at, Stage.parse(r.stage)) > (
            best.send_at,
            Stage.parse(best.stage),
        ):
            latest[group] = r
    keep = {r.key for r in latest.values()}
    skips: list[Skip] = []
    held: list[Hold] = []
    by_recipient: dict[str, list[DueItem]] = {}
    for r in sorted(due, key=lambda r: (r.send_at, r.key)):
        if r.key not in keep:
            group = (r.motion_id, r.deadline_id, r.nominal_due, Stage.parse(r.stage).escalation)
            skips.append(Skip(r, f"coalesced into {latest[group].key}"))
        elif not r.recipient:
            skips.append(Skip(r, "no recipient configured"))
        elif (until := catch_up_at(r.send_at, getattr(r, "state", None), now, policy)) is not None:
            held.append(Hold(r, until))
        else:
            late = now - r.send_at > policy.late_after
            by_recipient.setdefault(r.recipient, []).append(DueItem(r, late))
    digests = tuple(
        Digest(recipient, tuple(items)) for recipient, items in sorted(by_recipient.items())
    )
    return PassPlan(digests, tuple(skips), tuple(held))


def days_left(due: date, today: date) -> int:
    """Days until ``due`` (negative when overdue)."""
    return (due - today).days

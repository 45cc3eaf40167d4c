"""A motion's life, folded once from its events: :func:`evolve`.

The aggregate (:mod:`tracker.motion`), the deadline board (:mod:`projections.board`) and the
reminders (:mod:`notifiers.reminders`) all read the same :class:`MotionState`; none of them
evolves one of its own. The rules, in one place:

* **Effective dates.** An event's effective date is the one it carries, else the day of its
  recorded time in Berlin (:func:`effective_day`).
* **Deadlines.** A deadline keeps its due dates in order of change (set, extended,
  corrected), each with the day it took effect. A report naming the deadline, completing
  the deadline, or completing the motion meets it.
* **Report duties.** Occurrence *k* (0-based) of a recurring duty is due *k* cadences after
  its first due date; without one, *k* + 1 cadences after the latest binding decision, else
  after the day the duty was set (:meth:`Rules.occurrence_due`). A one-off duty without a
  first due date has none. The open occurrence is the earliest one not met. A report for
  the duty meets it and opens the first later occurrence falling due after the report (a
  report covers those that fell due before it); a final report, a report for a one-off
  duty, or completing the motion ends the duty. Reports after the end change nothing.
* **Sachstand.** The latest Sachstand (by effective date; of two on the same day, the one
  recorded later) is the motion's ``progress``; the whole series is the aggregate's.
* **Closing.** Completing the motion meets its open deadlines and ends its duties;
  withdrawing it leaves them unmet (the read models show them as withdrawn). In two steps:
  the office reports it done (``DoneReported``: reminders stop, the obligations stay open),
  then the committee confirms the closure (``ClosureConfirmed``: it meets the open
  deadlines and ends the duties as completing does, met on the day it was reported done,
  else on the day of the closure). Reopening undoes the report and what the closure met.
* **Initiators and visibility.** The initiators (Fraktionen, Gruppen, members) are those
  registered; a motion is public until ``VisibilityChanged`` marks it non-public (from the
  document's "nichtöffentlich" or by a person), and public again only by that event.
* **Status** (:func:`motion_status`), from the events alone, never from the day: withdrawn;
  else closed (closure confirmed, or completed in one step); else done reported; else
  deferred (the latest decision put it off); else in progress (a Sachstand, or an
  obligation met); else not started. Red / amber / green depend on the day and are
  derived when asked (:mod:`projections.queries`).

The state is plain data (dicts, lists, strings; dates as ISO strings), so a read model
stores it as one JSON document and loads it back as it was. Settings that shape it (the
cadence of a duty to report "regularly") are the :class:`Rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, NotRequired, TypedDict

from events.values import BINDING_OUTCOMES, Recurrence, ReportKind
from tracker import recurrence
from tracker.clock import BERLIN
from tracker.deadlines import add_months
from tracker.errors import ConfigurationError

#: Outcomes (their values) that bind the administration.
BINDING = frozenset(o.value for o in BINDING_OUTCOMES)
#: The default cadence of ``regular`` ("regelmäßig") duties, in months.
DEFAULT_REGULAR_CADENCE_MONTHS = 6


class DeadlineLife(TypedDict):
    """A deadline: its kind, the phrase that set it, its due dates, and when it was met."""

    kind: str
    phrase: str
    #: ``[effective day, nominal due or None]`` per change, the first as set.
    changes: list[list[str | None]]
    met: str | None
    #: How often it was extended (absent from states stored before it was counted: 0).
    extended: NotRequired[int]
    #: The rule that dated it (``numeric_date``, ``statute:...``, ``soft:<days>``,
    #: ``meeting:...``; absent from states stored before it was kept).
    rule: NotRequired[str]


class DutyLife(TypedDict):
    """A duty to report, once or recurring, and its occurrences."""

    recurrence: str
    recipient: str | None
    phrase: str
    first_due: str | None
    #: The effective day the duty was set.
    since: str
    #: The open occurrence (0-based).
    occurrence: int
    #: The day the open occurrence opened (the duty set, or the previous one met).
    open_since: str
    #: ``[occurrence, met on, opened on]`` per occurrence met.
    met: list[list[Any]]
    ended: str | None


class ProgressLife(TypedDict):
    """A Sachstand: its day (``on``), texts, expected date (ISO), who recorded it (``by``)
    and the reporting office."""

    on: str
    text: str
    reason: str | None
    next: str | None
    expected: str | None
    by: str
    office: str | None


class ClosureLife(TypedDict):
    """A confirmed closure: its day, the committee, and what it met (to undo on reopening)."""

    on: str
    committee: str
    #: Deadline ids and duty ids the closure met.
    met: list[str]
    ended: list[str]


class MotionState(TypedDict):
    """What the read models and the aggregate's rules know of a motion."""

    reference: str
    body: str
    title: str
    kind: str | None
    state: str | None
    registered: str
    addressee: str | None
    office: str | None
    #: ``[effective day or None, outcome, committee]`` per decision, in order.
    decisions: list[list[str | None]]
    #: The committee of the latest consultation that named one.
    consulted: str | None
    deadlines: dict[str, DeadlineLife]
    duties: dict[str, DutyLife]
    completed: str | None
    withdrawn: str | None
    #: The latest Sachstand (absent from states stored before Sachstände were recorded).
    progress: NotRequired[ProgressLife | None]
    #: The day the office reported it done (absent in states stored before: None).
    done: NotRequired[str | None]
    #: The confirmed closure (absent in states stored before: None).
    closure: NotRequired[ClosureLife | None]
    #: Who brought the motion in (absent in states stored before: none known).
    initiators: NotRequired[list[str]]
    #: False once marked non-public (absent in states stored before: public).
    public: NotRequired[bool]
    #: ``[answered reference, report kind, effective day]`` per Drucksache this motion's
    #: document answers (absent in states stored before: none).
    answers: NotRequired[list[list[str]]]


def parse_cadence(value: object, where: str) -> int:
    """A configured cadence in months (1..120); anything else is a configuration error."""
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 120:
        raise ConfigurationError(f"{where} must be a whole number 1..120")
    return value


@dataclass(frozen=True)
class Rules:
    """The settings that shape a motion's life (``[board] regular_cadence_months``)."""

    regular_cadence_months: int = DEFAULT_REGULAR_CADENCE_MONTHS

    def __post_init__(self) -> None:
        if not 1 <= self.regular_cadence_months <= 120:
            raise ValueError("regular_cadence_months must be between 1 and 120")

    def cadence(self, recurrence_value: str) -> int:
        """Months between occurrences of a duty (0 for a one-off)."""
        return _cadence(recurrence_value, self.regular_cadence_months)

    def occurrence_due(self, s: MotionState, duty: DutyLife, k: int) -> str | None:
        """The nominal due date (ISO) of occurrence ``k`` (0-based) of ``duty``."""
        months = self.cadence(duty["recurrence"])
        first = duty["first_due"]
        if first is not None:
            return _occurrence_due(first, months, k)
        if months == 0:
            return None
        return _add_months(decision_date(s) or duty["since"], (k + 1) * months)

    def open_due(self, s: MotionState, duty: DutyLife) -> str | None:
        """The nominal due date of the duty's open occurrence."""
        return self.occurrence_due(s, duty, duty["occurrence"])


DEFAULT_RULES = Rules()


@lru_cache(maxsize=64)
def _cadence(recurrence_value: str, regular_months: int) -> int:
    return recurrence.cadence_months(recurrence_value, regular_months)


@lru_cache(maxsize=65536)
def _occurrence_due(first: str, months: int, k: int) -> str:
    return recurrence.occurrence_due(date.fromisoformat(first), months, k).isoformat()


@lru_cache(maxsize=65536)
def _add_months(day: str, months: int) -> str:
    return add_months(date.fromisoformat(day), months).isoformat()


# -- effective dates ------------------------------------------------------------------------


def effective_day(event: Any) -> str:
    """The event's effective date, else the day of its recorded time in Berlin (ISO)."""
    value = getattr(event, "effective", None)
    if isinstance(value, date):
        return value.isoformat()
    return _berlin_day(event.timestamp.astimezone(UTC).replace(tzinfo=None).isoformat())


@lru_cache(maxsize=4096)
def _berlin_day(utc_naive: str) -> str:
    instant = datetime.fromisoformat(utc_naive).replace(tzinfo=UTC)
    return instant.astimezone(BERLIN).date().isoformat()


# -- what the state says --------------------------------------------------------------------


def decision_date(s: MotionState) -> str | None:
    """The day of the latest binding decision (ISO), if any."""
    dates = [on for on, outcome, _ in s["decisions"] if outcome in BINDING and on]
    return max(dates) if dates else None


def committee(s: MotionState) -> str | None:
    """The committee that last decided, else the last one consulted."""
    for _, _, name in reversed(s["decisions"]):
        if name:
            return str(name)
    consulted = s["consulted"]
    return str(consulted) if consulted else None


#: The statuses of a motion (:func:`motion_status`), in the order of its life.
MOTION_STATUSES = ("not_started", "in_progress", "deferred", "done_reported", "closed", "withdrawn")


def motion_status(s: MotionState) -> str:
    """Where the motion stands, from its events alone (see the module docstring)."""
    if s["withdrawn"]:
        return "withdrawn"
    if s["completed"] or s.get("closure"):
        return "closed"
    if s.get("done"):
        return "done_reported"
    if s["decisions"] and s["decisions"][-1][1] == "deferred":
        return "deferred"
    if (
        s.get("progress")
        or any(d["met"] for d in s["deadlines"].values())
        or any(duty["met"] for duty in s["duties"].values())
    ):
        return "in_progress"
    return "not_started"


def current_due(d: DeadlineLife) -> str | None:
    """A deadline's nominal due date now."""
    return d["changes"][-1][1]


# -- evolving -------------------------------------------------------------------------------

#: One step of the fold: ``(state, event, rules)``.
Step = Callable[[MotionState, Any, Rules], None]


def evolve(state: MotionState | None, event: Any, rules: Rules = DEFAULT_RULES) -> MotionState:
    """The state after ``event``: a registration starts a new one; every other motion event
    changes ``state`` in place. Events of other kinds leave it as it is."""
    if type(event).__name__ == "Registered":
        return registered(event)
    step = step_for(type(event))
    if state is None:
        raise ValueError(f"{type(event).__name__} before the motion was registered")
    if step is not None:
        step(state, event, rules)
    return state


def registered(event: Any) -> MotionState:
    """A new motion's state from its ``Registered`` event."""
    s = _new_state(
        event.reference, event.body, event.title, event.kind, event.state, effective_day(event)
    )
    s["initiators"] = list(event.initiators)
    return s


def blank_state() -> MotionState:
    """The state of a motion not yet registered."""
    return _new_state("", "", "", None, None, "")


def _new_state(
    reference: str, body: str, title: str, kind: str | None, land: str | None, since: str
) -> MotionState:
    return {
        "reference": reference,
        "body": body,
        "title": title,
        "kind": kind,
        "state": land,
        "registered": since,
        "addressee": None,
        "office": None,
        "decisions": [],
        "consulted": None,
        "deadlines": {},
        "duties": {},
        "completed": None,
        "withdrawn": None,
        "progress": None,
        "done": None,
        "closure": None,
        "initiators": [],
        "public": True,
    }


def _consultation(s: MotionState, e: Any, rules: Rules) -> None:
    if e.committee:
        s["consulted"] = e.committee


def _decision(s: MotionState, e: Any, rules: Rules) -> None:
    on = e.effective.isoformat() if e.effective else None
    s["decisions"].append([on, e.outcome.value, e.committee])


def _addressee(s: MotionState, e: Any, rules: Rules) -> None:
    s["addressee"] = e.addressee
    s["office"] = e.office


def _deadline_set(s: MotionState, e: Any, rules: Rules) -> None:
    s["deadlines"][e.deadline_id] = {
        "kind": e.kind.value,
        "phrase": e.phrase,
        "changes": [[effective_day(e), e.due.isoformat() if e.due else None]],
        "met": None,
        "rule": e.rule,
    }


def _deadline_extended(s: MotionState, e: Any, rules: Rules) -> None:
    d = s["deadlines"].get(e.deadline_id)
    if d is not None:
        d["changes"].append([effective_day(e), e.new_due.isoformat()])
        d["extended"] = d.get("extended", 0) + 1


def _duty_set(s: MotionState, e: Any, rules: Rules) -> None:
    since = effective_day(e)
    s["duties"][e.obligation_id] = {
        "recurrence": e.recurrence.value,
        "recipient": e.recipient,
        "phrase": e.phrase,
        "first_due": e.first_due.isoformat() if e.first_due else None,
        "since": since,
        "occurrence": 0,
        "open_since": since,
        "met": [],
        "ended": None,
    }


def _report_submitted(s: MotionState, e: Any, rules: Rules) -> None:
    oid = e.obligation_id
    on = effective_day(e)
    duty = s["duties"].get(oid) if oid is not None else None
    if duty is not None:
        if duty["ended"] is not None:
            return
        meet_occurrence(s, duty, on, rules)
        if e.report_kind is ReportKind.FINAL or duty["recurrence"] == Recurrence.ONCE.value:
            duty["ended"] = on
    elif oid in s["deadlines"]:
        s["deadlines"][oid]["met"] = on


def meet_occurrence(s: MotionState, duty: DutyLife, on: str, rules: Rules) -> None:
    """The open occurrence is met on ``on``; the next one is the first falling due after it."""
    k = duty["occurrence"]
    duty["met"].append([k, on, duty["open_since"]])
    if rules.cadence(duty["recurrence"]) == 0:
        duty["ended"] = on
        return
    duty["occurrence"] = recurrence.next_occurrence(
        lambda j: rules.occurrence_due(s, duty, j), k, on
    )
    duty["open_since"] = on


def _completed(s: MotionState, e: Any, rules: Rules) -> None:
    on = effective_day(e)
    if e.deadline_id is not None:
        d = s["deadlines"].get(e.deadline_id)
        if d is not None:
            d["met"] = on
        return
    s["completed"] = on
    _meet_everything(s, on)


def _meet_everything(s: MotionState, on: str) -> tuple[list[str], list[str]]:
    """Meet every open deadline and end every duty on ``on``; the ids met and ended."""
    met, ended = [], []
    for did, d in s["deadlines"].items():
        if d["met"] is None:
            d["met"] = on
            met.append(did)
    for oid, duty in s["duties"].items():
        if duty["ended"] is None:
            duty["met"].append([duty["occurrence"], on, duty["open_since"]])
            duty["ended"] = on
            ended.append(oid)
    return met, ended


def _done_reported(s: MotionState, e: Any, rules: Rules) -> None:
    s["done"] = effective_day(e)


def _closure_confirmed(s: MotionState, e: Any, rules: Rules) -> None:
    on = effective_day(e)
    met, ended = _meet_everything(s, s.get("done") or on)
    s["closure"] = {"on": on, "committee": e.committee, "met": met, "ended": ended}


def _reopened(s: MotionState, e: Any, rules: Rules) -> None:
    closure = s.get("closure")
    if closure is not None:
        for did in closure["met"]:
            s["deadlines"][did]["met"] = None
        for oid in closure["ended"]:
            duty = s["duties"][oid]
            duty["met"].pop()
            duty["ended"] = None
    s["closure"] = None
    s["done"] = None


def reminders_stop(s: MotionState) -> bool:
    """Nothing more is reminded: reported done, closed, completed or withdrawn."""
    return bool(s["completed"] or s["withdrawn"] or s.get("done") or s.get("closure"))


def _withdrawn(s: MotionState, e: Any, rules: Rules) -> None:
    s["withdrawn"] = effective_day(e)


def progress_of(e: Any) -> ProgressLife:
    """The Sachstand an event of ``ProgressReported`` records, as plain data."""
    return {
        "on": effective_day(e),
        "text": e.text,
        "reason": e.reason,
        "next": e.next_step,
        "expected": e.expected.isoformat() if e.expected else None,
        "by": e.provenance.name,
        "office": e.office,
    }


def _progress(s: MotionState, e: Any, rules: Rules) -> None:
    latest = s.get("progress")
    report = progress_of(e)
    if latest is None or latest["on"] <= report["on"]:
        s["progress"] = report


def _visibility(s: MotionState, e: Any, rules: Rules) -> None:
    s["public"] = bool(e.public)


def _answer_filed(s: MotionState, e: Any, rules: Rules) -> None:
    s.setdefault("answers", []).append(
        [e.answered_reference, e.report_kind.value, effective_day(e)]
    )


#: A Fraktion or Gruppe among the initiators: named so, or a party in brackets after a name.
_FRAKTION = re.compile(r"(?i)\b(?:fraktion|gruppe)\b|-fraktion\b|\(([^()]+)\)\s*$")
#: Parties that stand for their Fraktion when named alone ("Initiator: SPD").
_PARTY = re.compile(
    r"(?i)^(?:SPD|CDU|CSU|FDP|AfD|BSW|Volt|Piraten|Die\s+PARTEI|Freie\s+Wähler|"
    r"(?:Bündnis\s*90\s*/\s*)?Die\s+Grünen|Grüne|GRÜNE|Die\s+Linke|Linke)$"
)


def initiator_key(name: str) -> str:
    """An initiator's name as ``--initiator`` compares it: case and spacing folded."""
    return " ".join(name.split()).casefold()


def fraktionen(initiators: list[str]) -> list[str]:
    """The Fraktionen and Gruppen among ``initiators``: those named so ("SPD-Fraktion",
    "Fraktion Die Linke", "Gruppe FDP"), a party named alone ("SPD"), and the party in
    brackets after a member's name ("Anna Schmidt (CDU)" -> "CDU"); each once, in order."""
    found: list[str] = []
    for name in initiators:
        m = _FRAKTION.search(name)
        if m is None and not _PARTY.match(name.strip()):
            continue
        party = ((m.group(1) if m else None) or name).strip()
        if party not in found:
            found.append(party)
    return found


#: Facts of the motion that ``Corrected`` may replace.
CORRECTABLE = ("title", "kind", "state", "addressee", "office")


def _corrected(s: MotionState, e: Any, rules: Rules) -> None:
    name, value = e.field, e.value
    if name in CORRECTABLE:
        s[name] = value  # type: ignore[literal-required]
        return
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "deadline" and parts[1] in s["deadlines"]:
        d = s["deadlines"][parts[1]]
        if parts[2] == "due":
            d["changes"].append([effective_day(e), value or None])
        elif parts[2] == "kind" and value:
            d["kind"] = value
    elif name == "decision.outcome" and s["decisions"] and value:
        s["decisions"][-1][1] = value


_STEPS: dict[str, Step] = {
    "ConsultationRecorded": _consultation,
    "DecisionRecorded": _decision,
    "AddresseeAssigned": _addressee,
    "DeadlineSet": _deadline_set,
    "DeadlineExtended": _deadline_extended,
    "ReportObligationSet": _duty_set,
    "ReportSubmitted": _report_submitted,
    "Completed": _completed,
    "Withdrawn": _withdrawn,
    "Corrected": _corrected,
    "ProgressReported": _progress,
    "DoneReported": _done_reported,
    "ClosureConfirmed": _closure_confirmed,
    "Reopened": _reopened,
    "VisibilityChanged": _visibility,
    "AnswerFiled": _answer_filed,
}
#: The steps by event class, filled on first sight of a class (None: not a motion's).
_STEPS_BY_TYPE: dict[type, Step | None] = {}


def step_for(event_type: type) -> Step | None:
    """The step that applies events of ``event_type`` (None: not a motion event, or
    ``Registered``, which starts a state: :func:`registered`).

    By class name, so that a read model applying decoded events need not import the event
    classes (docs/decisions/0010).
    """
    try:
        return _STEPS_BY_TYPE[event_type]
    except KeyError:
        found = _STEPS_BY_TYPE[event_type] = _STEPS.get(event_type.__name__)
        return found

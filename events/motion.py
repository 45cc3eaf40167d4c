"""The vocabulary of facts recorded about a motion (Drucksache, Vorlage, Antrag).

Every event is a fact in the past tense. Beside the library's ``timestamp`` (the *recorded*
time: when the tracker learned the fact) each carries ``effective``, the date on which it
happened in the council, and ``provenance``, where the fact came from.

Stored names are identifiers (GUIDE rule 2): the topic of each class here, such as
``events.motion:DeadlineSet``, is written into the log. Renaming or moving a class needs an
alias registered with :func:`eventsourcing.utils.register_topic`; changing a schema needs a
higher ``class_version`` and an ``upcast_vN_vM``. ``tests/unit/test_event_names.py`` pins the
names.

The aggregate that these events build lives in ``tracker.motion``; each event hands itself to
the aggregate's ``when`` method, so this module does not import the domain.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from eventsourcing.domain import AggregateCreated, AggregateEvent

from events.base import event
from events.values import DeadlineKind, Outcome, Provenance, Recurrence, ReportKind


class EventSink(Protocol):
    """What an aggregate offers to the events that evolve it."""

    def when(self, event: Any) -> None: ...


@event
class MotionEvent(AggregateEvent):
    """Base of every motion event after registration."""

    effective: date | None
    provenance: Provenance

    def apply(self, aggregate: EventSink) -> None:
        aggregate.when(self)


@event
class Registered(AggregateCreated):
    """A motion became known: its body, reference, title and kind."""

    effective: date | None
    provenance: Provenance
    body: str
    reference: str
    title: str
    kind: str | None
    state: str | None
    initiators: list[str]

    def apply(self, aggregate: EventSink) -> None:
        aggregate.when(self)


@event
class ConsultationRecorded(MotionEvent):
    """A committee or the council dealt with the motion (Beratungsfolge)."""

    committee: str | None
    role: str | None
    result: str | None


@event
class DecisionRecorded(MotionEvent):
    """A committee or the council decided on the motion."""

    committee: str | None
    outcome: Outcome
    text: str | None


@event
class AddresseeAssigned(MotionEvent):
    """Who must act (the addressee) and which office leads (Federführung)."""

    addressee: str | None
    office: str | None


@event
class DeadlineSet(MotionEvent):
    """An obligation with a due date: completion, report or event.

    Version 2 added ``window_start`` (a half-year, quarter or period begins there).
    """

    class_version = 2

    deadline_id: str
    kind: DeadlineKind
    due: date | None
    window_start: date | None
    phrase: str
    rule: str

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["window_start"] = None


@event
class DeadlineExtended(MotionEvent):
    """A Fristverlängerung: the due date moved; ``previous_due`` keeps the history."""

    deadline_id: str
    previous_due: date | None
    new_due: date
    reason: str


@event
class ReportObligationSet(MotionEvent):
    """A duty to report, once or recurring, to a recipient (committee or council)."""

    obligation_id: str
    recipient: str | None
    recurrence: Recurrence
    first_due: date | None
    phrase: str


@event
class ReportSubmitted(MotionEvent):
    """The administration submitted a report (the effective date is the submission)."""

    report_kind: ReportKind
    document_reference: str | None
    obligation_id: str | None


@event
class Completed(MotionEvent):
    """An obligation, or with ``deadline_id`` None the whole motion, was fulfilled."""

    deadline_id: str | None
    note: str | None


@event
class Withdrawn(MotionEvent):
    """The motion was withdrawn; it takes no further obligations."""

    reason: str | None


@event
class ProgressReported(MotionEvent):
    """A Sachstand: how far the work on the motion has come, as the office reports it.

    ``effective`` is the day of the Sachstand, ``provenance`` the person who recorded it;
    ``office`` the reporting unit (the Federführung when it was recorded, unless named);
    ``reason`` why the work is late, ``next_step`` what comes next and ``expected`` when
    the office expects to be done (each None when not said).
    """

    office: str | None
    text: str
    reason: str | None
    next_step: str | None
    expected: date | None


@event
class DoneReported(MotionEvent):
    """The office reported the motion done (Erledigungsvermerk, ``note``): reminders stop,
    but it stays on the open lists until the committee or body confirms the closure."""

    office: str | None
    note: str | None


@event
class ClosureConfirmed(MotionEvent):
    """The committee or body that owns the motion confirmed it settled (``committee``): it
    leaves the open lists; its obligations count as met when it was reported done."""

    committee: str
    note: str | None


@event
class Reopened(MotionEvent):
    """A motion reported done or closed was taken up again (``reason``): what the closure
    met is open again."""

    reason: str


@event
class Corrected(MotionEvent):
    """A wrongly recorded fact was put right; ``previous`` keeps what it replaced.

    ``field`` names the fact: ``title``, ``kind``, ``state``, ``addressee``, ``office``,
    ``deadline.<id>.due``, ``deadline.<id>.kind``, ``decision.outcome``. Values are strings
    (dates in ISO form).
    """

    field: str
    value: str | None
    previous: str | None
    reason: str


@event
class ReviewRequested(MotionEvent):
    """The reader could not resolve something in a document: a person should look.

    ``item_id`` (``R1``, ``R2`` ...) names the item on its motion; ``reason`` is a key of
    ``tracker.documents.model.REVIEW_REASONS``; ``phrase`` and ``rule`` say what was read
    and by which rule; ``document`` is the source document's name.
    """

    item_id: str
    reason: str
    phrase: str
    rule: str
    document: str


@event
class ReviewResolved(MotionEvent):
    """A person looked at a review item: ``resolution`` is ``confirmed`` (what was read
    stands) or ``corrected`` (a correction was recorded with it); the provenance names them."""

    item_id: str
    resolution: str
    note: str | None


@event
class VisibilityChanged(MotionEvent):
    """The motion was marked non-public (``public`` False: nichtöffentlich, from the
    document or by a person) or public again; ``reason`` says why. A non-public motion
    never appears in a public output."""

    public: bool
    reason: str | None


@event
class AnswerFiled(MotionEvent):
    """This motion's document answers Drucksache ``answered_reference`` (an interim or
    final report, ``report_kind``, by the wording ``phrase`` read by ``rule``). The answered
    motion records the report (``ReportSubmitted``) when it is in the log; until then the
    link waits here."""

    answered_reference: str
    report_kind: ReportKind
    phrase: str
    rule: str


#: Every event class of a motion, by the name shown in logs and listings.
MOTION_EVENTS: dict[str, type[AggregateEvent]] = {
    cls.__name__: cls
    for cls in (
        Registered,
        ConsultationRecorded,
        DecisionRecorded,
        AddresseeAssigned,
        DeadlineSet,
        DeadlineExtended,
        ReportObligationSet,
        ReportSubmitted,
        Completed,
        Withdrawn,
        Corrected,
        ReviewRequested,
        ReviewResolved,
        ProgressReported,
        DoneReported,
        ClosureConfirmed,
        Reopened,
        VisibilityChanged,
        AnswerFiled,
    )
}

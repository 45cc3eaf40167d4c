"""The Motion aggregate: one Drucksache, Vorlage or Antrag and what it obliges.

Commands are imperative methods that check the motion's rules, then trigger a past-tense
event from :mod:`events.motion`; the ``when`` handlers evolve the state from events and
never check anything (the log is what happened). Commands that would repeat a fact already
recorded return without appending (idempotent ingestion).

Rules (each raises a :mod:`tracker.errors` error):

* a completed or withdrawn motion takes no new deadlines, extensions or obligations
  (:class:`MotionClosed`);
* a due date may not lie before the date of the motion's decision (:class:`DateOrderError`);
* an extension must move the due date later (:class:`DateOrderError`);
* a deadline or obligation id must exist (:class:`UnknownDeadline`);
* a motion is reported done once, closed once, and reopened only when reported done or
  closed, with a reason (:class:`MotionClosed`, :class:`InputError`); a closure names the
  committee;
* marking a motion non-public (or public) when it is so already records nothing;
* a Sachstand needs a text, is not taken on a completed or withdrawn motion
  (:class:`MotionClosed`), and its expected date may not lie before its own day
  (:class:`DateOrderError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import singledispatchmethod
from typing import Any
from uuid import UUID

from eventsourcing.domain import BaseAggregate

from events.motion import (
    AddresseeAssigned,
    AnswerFiled,
    ClosureConfirmed,
    Completed,
    ConsultationRecorded,
    Corrected,
    DeadlineExtended,
    DeadlineSet,
    DecisionRecorded,
    DoneReported,
    ProgressReported,
    Registered,
    Reopened,
    ReportObligationSet,
    ReportSubmitted,
    ReviewRequested,
    ReviewResolved,
    VisibilityChanged,
    Withdrawn,
)
from events.values import (
    DeadlineKind,
    Outcome,
    Provenance,
    Recurrence,
    ReportKind,
)
from tracker.clock import BERLIN
from tracker.errors import DateOrderError, InputError, MotionClosed, UnknownDeadline
from tracker.identity import motion_id, normalise_key, reference_key
from tracker.state import (
    CORRECTABLE,
    DeadlineLife,
    DutyLife,
    MotionState,
    ProgressLife,
    blank_state,
    current_due,
    decision_date,
    effective_day,
    evolve,
    progress_of,
)


@dataclass(frozen=True)
class Meta:
    """What every command records beside its facts.

    ``effective``: when it happened in the council; ``at``: the recorded time (the injected
    clock); ``provenance``: where the fact came from.
    """

    effective: date | None
    provenance: Provenance
    at: datetime


@dataclass(frozen=True)
class DueChange:
    """One entry in a deadline's history of due dates."""

    due: date | None
    effective: date | None
    recorded: datetime
    reason: str


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


@dataclass
class Deadline:
    """An obligation with a due date, and every due date it has had.

    Its facts as recorded (the history of due dates with reasons); its kind, due date and
    when it was met come from the motion's folded state (:mod:`tracker.state`).
    """

    deadline_id: str
    window_start: date | None
    rule: str
    life: DeadlineLife = field(repr=False)
    history: list[DueChange] = field(default_factory=list)

    @property
    def kind(self) -> DeadlineKind:
        return DeadlineKind(self.life["kind"])

    @property
    def phrase(self) -> str:
        return self.life["phrase"]

    @property
    def due(self) -> date | None:
        """The due date now."""
        return _day(current_due(self.life))

    @property
    def met_on(self) -> date | None:
        return _day(self.life["met"])

    @property
    def original_due(self) -> date | None:
        """The due date as first set."""
        return self.history[0].due if self.history else self.due

    @property
    def is_open(self) -> bool:
        return self.met_on is None


@dataclass
class ReportObligation:
    """A duty to report to a recipient, once or recurring.

    ``submitted``: the days of the reports made for it; when it ended comes from the
    motion's folded state.
    """

    obligation_id: str
    recipient: str | None
    recurrence: Recurrence
    first_due: date | None
    phrase: str
    life: DutyLife = field(repr=False)
    submitted: list[date] = field(default_factory=list)

    @property
    def ended_on(self) -> date | None:
        return _day(self.life["ended"])


@dataclass(frozen=True)
class Consultation:
    committee: str | None
    on: date | None
    role: str | None
    result: str | None


@dataclass(frozen=True)
class Decision:
    committee: str | None
    on: date | None
    outcome: Outcome
    text: str | None


@dataclass
class ReviewItem:
    """Something the reader could not resolve, open until a person confirms or corrects it."""

    item_id: str
    reason: str
    phrase: str
    rule: str
    document: str
    requested: date | None
    resolution: str | None = None
    resolved_by: str | None = None
    note: str | None = None

    @property
    def is_open(self) -> bool:
        return self.resolution is None


@dataclass(frozen=True)
class SubmittedReport:
    on: date | None
    report_kind: ReportKind
    document_reference: str | None
    obligation_id: str | None


@dataclass(frozen=True)
class AnsweredPaper:
    """A Drucksache this motion's document answers (a report on it)."""

    reference: str
    report_kind: ReportKind
    on: date | None
    phrase: str
    rule: str
    provenance: Provenance


class Motion(BaseAggregate[UUID]):
    """One tracked Drucksache: its facts, decisions, deadlines and report duties."""

    def __init__(self) -> None:
        #: The motion's life, folded from its events (tracker.state).
        self.life: MotionState = blank_state()
        self.initiators: list[str] = []
        self.registered_on: date | None = None
        self.consultations: list[Consultation] = []
        self._decision_texts: list[str | None] = []
        self.deadlines: dict[str, Deadline] = {}
        self.obligations: dict[str, ReportObligation] = {}
        self.reports: list[SubmittedReport] = []
        self.completion_note: str | None = None
        self.corrections: list[Corrected] = []
        self.reviews: dict[str, ReviewItem] = {}
        #: Every Sachstand in the order recorded.
        self.progress_reports: list[ProgressLife] = []
        #: How often the motion was marked public or non-public.
        self.visibility_changes = 0
        #: The Drucksachen this motion's documents answer, in order.
        self.answers: list[AnsweredPaper] = []

    # -- the folded state ------------------------------------------------------------------

    @property
    def body(self) -> str:
        return self.life["body"]

    @property
    def reference(self) -> str:
        return self.life["reference"]

    @property
    def title(self) -> str:
        return self.life["title"]

    @property
    def kind(self) -> str | None:
        return self.life["kind"]

    @property
    def state(self) -> str | None:
        """The Bundesland."""
        return self.life["state"]

    @property
    def addressee(self) -> str | None:
        return self.life["addressee"]

    @property
    def office(self) -> str | None:
        return self.life["office"]

    @property
    def decisions(self) -> list[Decision]:
        """Every decision in order, the latest outcome correction applied."""
        return [
            Decision(committee, _day(on), Outcome(outcome), text)
            for (on, outcome, committee), text in zip(
                self.life["decisions"], self._decision_texts, strict=True
            )
        ]

    @property
    def completed_on(self) -> date | None:
        return _day(self.life["completed"])

    @property
    def withdrawn_on(self) -> date | None:
        return _day(self.life["withdrawn"])

    @property
    def done_on(self) -> date | None:
        """The day the office reported it done (None when not, or reopened since)."""
        return _day(self.life.get("done"))

    @property
    def closed_on(self) -> date | None:
        """The day the closure was confirmed (None when not, or reopened since)."""
        closure = self.life.get("closure")
        return _day(closure["on"]) if closure else None

    @property
    def closed_by(self) -> str | None:
        """The committee that confirmed the closure."""
        closure = self.life.get("closure")
        return closure["committee"] if closure else None

    @property
    def is_public(self) -> bool:
        """False once marked non-public (nichtöffentlich) and not made public again."""
        return self.life.get("public", True)

    # -- creation ------------------------------------------------------------------------

    @classmethod
    def register(
        cls,
        *,
        body: str,
        reference: str,
        title: str,
        kind: str | None,
        state: str | None,
        initiators: list[str],
        meta: Meta,
    ) -> Motion:
        """A new motion; its id follows from body and reference."""
        if not body.strip() or not reference.strip():
            raise InputError("a motion needs a body and a reference")
        return cls._create(
            Registered,
            id=motion_id(body, reference),
            timestamp=meta.at,
            effective=meta.effective,
            provenance=meta.provenance,
            body=" ".join(body.split()),
            reference=reference.strip(),
            title=" ".join(title.split()),
            kind=kind,
            state=state,
            initiators=list(initiators),
        )

    # -- queries -------------------------------------------------------------------------

    @property
    def is_closed(self) -> bool:
        return (
            self.completed_on is not None
            or self.withdrawn_on is not None
            or self.closed_on is not None
        )

    @property
    def decision(self) -> Decision | None:
        """The latest decision, if any."""
        return self.decisions[-1] if self.decisions else None

    @property
    def decision_date(self) -> date | None:
        """The date of the latest binding decision (adopted), if any."""
        return _day(decision_date(self.life))

    def deadline(self, deadline_id: str) -> Deadline:
        try:
            return self.deadlines[deadline_id]
        except KeyError:
            raise UnknownDeadline(
                f"{self.reference} has no deadline {deadline_id!r}"
                + (f"; known: {', '.join(self.deadlines)}" if self.deadlines else "")
            ) from None

    def find_deadline(self, kind: DeadlineKind, phrase: str) -> Deadline | None:
        """The deadline of this kind set from the same phrase, if any."""
        key = normalise_key(phrase)
        for d in self.deadlines.values():
            if d.kind == kind and normalise_key(d.phrase) == key:
                return d
        return None

    # -- commands ------------------------------------------------------------------------

    def _check_open(self, what: str) -> None:
        if self.completed_on is not None:
            raise MotionClosed(
                f"{self.reference} was completed on {self.completed_on.isoformat()}; cannot {what}"
            )
        if self.withdrawn_on is not None:
            raise MotionClosed(
                f"{self.reference} was withdrawn on {self.withdrawn_on.isoformat()}; cannot {what}"
            )
        if self.closed_on is not None:
            raise MotionClosed(
                f"{self.reference} was closed on {self.closed_on.isoformat()} by "
                f"{self.closed_by}; cannot {what}"
            )

    def _check_after_decision(self, due: date | None) -> None:
        decided = self.decision_date
        if due is not None and decided is not None and due < decided:
            raise DateOrderError(
                f"due date {due.isoformat()} lies before the decision of "
                f"{decided.isoformat()} on {self.reference}"
            )

    def _trigger(self, event_class: type[Any], meta: Meta, **kwargs: Any) -> None:
        self.trigger_event(
            event_class,
            timestamp=meta.at,
            effective=meta.effective,
            provenance=meta.provenance,
            **kwargs,
        )

    def record_consultation(
        self, *, committee: str | None, role: str | None, result: str | None, meta: Meta
    ) -> bool:
        """Record a Beratung; returns False when it was recorded before."""
        item = Consultation(committee, meta.effective, role, result)
        if item in self.consultations:
            return False
        self._trigger(ConsultationRecorded, meta, committee=committee, role=role, result=result)
        return True

    def record_decision(
        self, *, committee: str | None, outcome: Outcome, text: str | None, meta: Meta
    ) -> bool:
        """Record a decision; returns False when the same decision was recorded before."""
        for d in self.decisions:
            if (d.committee, d.on, d.outcome) == (committee, meta.effective, outcome):
                return False
        self._trigger(DecisionRecorded, meta, committee=committee, outcome=outcome, text=text)
        return True

    def assign_addressee(self, *, addressee: str | None, office: str | None, meta: Meta) -> bool:
        """Name who must act and the leading office; False when unchanged."""
        if (addressee, office) == (self.addressee, self.office):
            return False
        self._trigger(AddresseeAssigned, meta, addressee=addressee, office=office)
        return True

    def set_deadline(
        self,
        *,
        kind: DeadlineKind,
        due: date | None,
        window_start: date | None,
        phrase: str,
        rule: str,
        meta: Meta,
    ) -> str:
        """Set an obligation with a due date; returns its id (the existing one if repeated)."""
        existing = self.find_deadline(kind, phrase)
        if existing is not None and existing.original_due == due:
            return existing.deadline_id
        self._check_open("set a deadline")
        self._check_after_decision(due)
        if window_start is not None and due is not None and window_start > due:
            raise DateOrderError(
                f"window start {window_start.isoformat()} lies after the due date {due.isoformat()}"
            )
        deadline_id = f"D{len(self.deadlines) + 1}"
        self._trigger(
            DeadlineSet,
            meta,
            deadline_id=deadline_id,
            kind=kind,
            due=due,
            window_start=window_start,
            phrase=phrase,
            rule=rule,
        )
        return deadline_id

    def extend_deadline(self, deadline_id: str, *, new_due: date, reason: str, meta: Meta) -> None:
        """Move a deadline's due date later (Fristverlängerung)."""
        d = self.deadline(deadline_id)
        self._check_open(f"extend {deadline_id}")
        if not d.is_open:
            raise MotionClosed(f"{self.reference} {deadline_id} was met on {d.met_on}")
        if d.due is not None and new_due <= d.due:
            raise DateOrderError(
                f"an extension must move {deadline_id} later than {d.due.isoformat()}, "
                f"not to {new_due.isoformat()}"
            )
        self._check_after_decision(new_due)
        self._trigger(
            DeadlineExtended,
            meta,
            deadline_id=deadline_id,
            previous_due=d.due,
            new_due=new_due,
            reason=reason,
        )

    def set_report_obligation(
        self,
        *,
        recipient: str | None,
        recurrence: Recurrence,
        first_due: date | None,
        phrase: str,
        meta: Meta,
    ) -> str:
        """Set a duty to report; returns its id (the existing one if repeated)."""
        key = normalise_key(phrase)
        for o in self.obligations.values():
            if normalise_key(o.phrase) == key and o.recurrence == recurrence:
                return o.obligation_id
        self._check_open("set a report obligation")
        self._check_after_decision(first_due)
        obligation_id = f"R{len(self.obligations) + 1}"
        self._trigger(
            ReportObligationSet,
            meta,
            obligation_id=obligation_id,
            recipient=recipient,
            recurrence=recurrence,
            first_due=first_due,
            phrase=phrase,
        )
        return obligation_id

    def submit_report(
        self,
        *,
        report_kind: ReportKind,
        document_reference: str | None,
        obligation_id: str | None,
        meta: Meta,
    ) -> bool:
        """Record a submitted report; False when the same report was recorded before."""
        if obligation_id is not None and obligation_id not in self.obligations:
            self.deadline(obligation_id)  # raises UnknownDeadline unless it is a deadline
        item = SubmittedReport(meta.effective, report_kind, document_reference, obligation_id)
        if item in self.reports:
            return False
        self._trigger(
            ReportSubmitted,
            meta,
            report_kind=report_kind,
            document_reference=document_reference,
            obligation_id=obligation_id,
        )
        return True

    def complete(self, *, deadline_id: str | None, note: str | None, meta: Meta) -> None:
        """Mark one deadline, or the whole motion, as fulfilled."""
        if deadline_id is not None:
            d = self.deadline(deadline_id)
            if not d.is_open:
                raise MotionClosed(f"{self.reference} {deadline_id} was already met on {d.met_on}")
        self._check_open("complete it")
        self._trigger(Completed, meta, deadline_id=deadline_id, note=note)

    def report_progress(
        self,
        *,
        text: str,
        reason: str | None,
        next_step: str | None,
        expected: date | None,
        office: str | None,
        meta: Meta,
    ) -> bool:
        """Record a Sachstand (the office: the Federführung unless named); False when the
        same Sachstand was recorded before."""
        text = " ".join(text.split())
        if not text:
            raise InputError(f"a Sachstand on {self.reference} needs a text")
        self._check_open("record a Sachstand")
        on = meta.effective or meta.at.astimezone(BERLIN).date()
        if expected is not None and expected < on:
            raise DateOrderError(
                f"expected date {expected.isoformat()} lies before the Sachstand of "
                f"{on.isoformat()} on {self.reference}"
            )
        office = office or self.office
        said = (on.isoformat(), text, reason, next_step, expected and expected.isoformat(), office)
        for p in self.progress_reports:
            if (p["on"], p["text"], p["reason"], p["next"], p["expected"], p["office"]) == said:
                return False
        self._trigger(
            ProgressReported,
            meta,
            office=office,
            text=text,
            reason=reason,
            next_step=next_step,
            expected=expected,
        )
        return True

    def report_done(self, *, note: str | None, meta: Meta) -> None:
        """The office reports the motion done (step one of two): reminders stop."""
        self._check_open("report it done")
        if self.done_on is not None:
            raise MotionClosed(
                f"{self.reference} was reported done on {self.done_on.isoformat()} already"
            )
        self._trigger(DoneReported, meta, office=self.office, note=note)

    def confirm_closure(self, *, committee: str, note: str | None, meta: Meta) -> None:
        """The committee or body confirms the motion settled (step two): it leaves the open
        lists, its obligations met on the day it was reported done (else today's)."""
        committee = " ".join(committee.split())
        if not committee:
            raise InputError(f"closing {self.reference} needs the committee that confirms it")
        self._check_open("close it")
        self._trigger(ClosureConfirmed, meta, committee=committee, note=note)

    def reopen(self, *, reason: str, meta: Meta) -> None:
        """Take up a motion reported done or closed again; what the closure met is open."""
        if not reason.strip():
            raise InputError(f"reopening {self.reference} needs a reason")
        if self.withdrawn_on is not None:
            self._check_open("reopen it")
        if self.done_on is None and self.closed_on is None:
            raise InputError(f"{self.reference} is neither reported done nor closed")
        self._trigger(Reopened, meta, reason=reason)

    def mark_visibility(self, *, public: bool, reason: str | None, meta: Meta) -> bool:
        """Mark the motion non-public (``public`` False) or public again; False when it is
        so already (nothing recorded)."""
        if self.is_public == public:
            return False
        self._trigger(VisibilityChanged, meta, public=public, reason=reason)
        return True

    def file_answer(
        self,
        *,
        answered_reference: str,
        report_kind: ReportKind,
        phrase: str,
        rule: str,
        meta: Meta,
    ) -> bool:
        """Record that this motion's document answers ``answered_reference``; False when
        that answer (reference and kind) was recorded before."""
        key = reference_key(answered_reference)
        if any(
            reference_key(a.reference) == key and a.report_kind == report_kind for a in self.answers
        ):
            return False
        self._trigger(
            AnswerFiled,
            meta,
            answered_reference=answered_reference.strip(),
            report_kind=report_kind,
            phrase=phrase,
            rule=rule,
        )
        return True

    def answered_obligation(self, report_kind: ReportKind) -> str | None:
        """What a report answering this motion meets: its open report duty, else its open
        report deadline, else (a final report) its open completion deadline; None when
        nothing is open."""
        for o in self.obligations.values():
            if o.ended_on is None:
                return o.obligation_id
        open_deadlines = [d for d in self.deadlines.values() if d.is_open]
        for d in open_deadlines:
            if d.kind is DeadlineKind.REPORT:
                return d.deadline_id
        if report_kind is ReportKind.FINAL:
            for d in open_deadlines:
                if d.kind is DeadlineKind.COMPLETION:
                    return d.deadline_id
        return None

    def record_answer(
        self, *, report_kind: ReportKind, document_reference: str, meta: Meta
    ) -> bool:
        """The document ``document_reference`` answers this motion: a report on what is open
        (:meth:`answered_obligation`); False when that document's report was recorded."""
        if any(r.document_reference == document_reference for r in self.reports):
            return False
        return self.submit_report(
            report_kind=report_kind,
            document_reference=document_reference,
            obligation_id=self.answered_obligation(report_kind),
            meta=meta,
        )

    def withdraw(self, *, reason: str | None, meta: Meta) -> None:
        """The motion was withdrawn (zurückgezogen)."""
        self._check_open("withdraw it")
        self._trigger(Withdrawn, meta, reason=reason)

    def request_review(
        self, *, reason: str, phrase: str, rule: str, document: str, meta: Meta
    ) -> bool:
        """Ask a person to look at what the reader could not resolve; False when the same
        item (reason, phrase, rule) is already recorded, open or resolved."""
        item = (reason, phrase, rule)
        if any((r.reason, r.phrase, r.rule) == item for r in self.reviews.values()):
            return False
        item_id = f"R{len(self.reviews) + 1}"
        self._trigger(
            ReviewRequested,
            meta,
            item_id=item_id,
            reason=reason,
            phrase=phrase,
            rule=rule,
            document=document,
        )
        return True

    def resolve_review(
        self, item_id: str | None, *, resolution: str, note: str | None, meta: Meta
    ) -> list[str]:
        """Close one open review item, or with ``item_id`` None every open one; the ids closed.

        Raises :class:`InputError` for an unknown or already resolved item, or nothing open.
        """
        if resolution not in ("confirmed", "corrected"):
            raise InputError(f"unknown resolution {resolution!r}: confirmed or corrected")
        if item_id is not None:
            wanted = [self.open_review(item_id)]
        else:
            wanted = [r for r in self.reviews.values() if r.is_open]
            if not wanted:
                raise InputError(f"{self.reference} has nothing open for review")
        for item in wanted:
            self._trigger(
                ReviewResolved, meta, item_id=item.item_id, resolution=resolution, note=note
            )
        return [item.item_id for item in wanted]

    def open_review(self, item_id: str) -> ReviewItem:
        """The open review item ``item_id``; :class:`InputError` when it is unknown or was
        already confirmed or corrected."""
        item = self.reviews.get(item_id.upper())
        if item is None:
            known = ", ".join(self.reviews) or "none"
            raise InputError(f"{self.reference} has no review item {item_id} (items: {known})")
        if not item.is_open:
            raise InputError(f"{self.reference} {item.item_id} was already {item.resolution}")
        return item

    @property
    def open_reviews(self) -> list[ReviewItem]:
        """The review items no person has confirmed or corrected yet."""
        return [r for r in self.reviews.values() if r.is_open]

    CORRECTABLE = CORRECTABLE

    def correct(self, *, field_name: str, value: str | None, reason: str, meta: Meta) -> bool:
        """Put a wrongly recorded fact right; False when the value is already so."""
        previous = self._current(field_name)
        if previous == value:
            return False
        if field_name.endswith(".due") and value is not None:
            self._check_after_decision(date.fromisoformat(value))
        self._trigger(
            Corrected, meta, field=field_name, value=value, previous=previous, reason=reason
        )
        return True

    def _current(self, field_name: str) -> str | None:
        if field_name in self.CORRECTABLE:
            current = getattr(self, field_name)
            return current if current is None else str(current)
        parts = field_name.split(".")
        if len(parts) == 3 and parts[0] == "deadline" and parts[2] in {"due", "kind"}:
            d = self.deadline(parts[1])
            if parts[2] == "due":
                return d.due.isoformat() if d.due else None
            return d.kind.value
        if field_name == "decision.outcome" and self.decision is not None:
            return self.decision.outcome.value
        raise InputError(
            f"cannot correct {field_name!r}; correctable: {', '.join(self.CORRECTABLE)}, "
            "deadline.<id>.due, deadline.<id>.kind, decision.outcome"
        )

    # -- evolving state from events --------------------------------------------------------

    def when(self, event: Any) -> None:
        """Apply one event: fold it into the motion's life, then keep its facts."""
        self.life = evolve(self.life, event)
        self._record(event)

    @singledispatchmethod
    def _record(self, event: Any) -> None:
        """Keep what an event records beyond the folded state (dispatch by event class)."""
        raise TypeError(f"Motion cannot apply {type(event).__name__}")

    @_record.register
    def _(self, event: Registered) -> None:
        self.initiators = list(event.initiators)
        self.registered_on = event.effective

    @_record.register
    def _(self, event: ConsultationRecorded) -> None:
        self.consultations.append(
            Consultation(event.committee, event.effective, event.role, event.result)
        )

    @_record.register
    def _(self, event: DecisionRecorded) -> None:
        self._decision_texts.append(event.text)

    @_record.register
    def _(self, event: AddresseeAssigned) -> None:
        pass  # all in the folded state

    @_record.register
    def _(self, event: DeadlineSet) -> None:
        self.deadlines[event.deadline_id] = Deadline(
            deadline_id=event.deadline_id,
            window_start=event.window_start,
            rule=event.rule,
            life=self.life["deadlines"][event.deadline_id],
            history=[DueChange(event.due, event.effective, event.timestamp, "set")],
        )

    @_record.register
    def _(self, event: DeadlineExtended) -> None:
        d = self.deadlines[event.deadline_id]
        d.history.append(DueChange(event.new_due, event.effective, event.timestamp, event.reason))

    @_record.register
    def _(self, event: ReportObligationSet) -> None:
        self.obligations[event.obligation_id] = ReportObligation(
            obligation_id=event.obligation_id,
            recipient=event.recipient,
            recurrence=event.recurrence,
            first_due=event.first_due,
            phrase=event.phrase,
            life=self.life["duties"][event.obligation_id],
        )

    @_record.register
    def _(self, event: ReportSubmitted) -> None:
        self.reports.append(
            SubmittedReport(
                event.effective, event.report_kind, event.document_reference, event.obligation_id
            )
        )
        duty = self.obligations.get(event.obligation_id or "")
        if duty is not None:
            duty.submitted.append(date.fromisoformat(effective_day(event)))

    @_record.register
    def _(self, event: Completed) -> None:
        if event.deadline_id is None:
            self.completion_note = event.note

    @_record.register
    def _(self, event: Withdrawn) -> None:
        pass  # all in the folded state

    @_record.register
    def _(self, event: Corrected) -> None:
        self.corrections.append(event)
        parts = event.field.split(".")
        if parts[0] == "deadline" and parts[2] == "due":
            d = self.deadlines[parts[1]]
            d.history.append(DueChange(d.due, event.effective, event.timestamp, event.reason))

    @_record.register
    def _(self, event: DoneReported) -> None:
        self.completion_note = event.note

    @_record.register
    def _(self, event: ClosureConfirmed) -> None:
        pass  # all in the folded state

    @_record.register
    def _(self, event: Reopened) -> None:
        self.completion_note = None

    @_record.register
    def _(self, event: AnswerFiled) -> None:
        self.answers.append(
            AnsweredPaper(
                event.answered_reference,
                event.report_kind,
                event.effective,
                event.phrase,
                event.rule,
                event.provenance,
            )
        )

    @_record.register
    def _(self, event: VisibilityChanged) -> None:
        self.visibility_changes += 1

    @_record.register
    def _(self, event: ProgressReported) -> None:
        self.progress_reports.append(progress_of(event))

    @_record.register
    def _(self, event: ReviewRequested) -> None:
        self.reviews[event.item_id] = ReviewItem(
            item_id=event.item_id,
            reason=event.reason,
            phrase=event.phrase,
            rule=event.rule,
            document=event.document,
            requested=event.effective,
        )

    @_record.register
    def _(self, event: ReviewResolved) -> None:
        item = self.reviews[event.item_id]
        item.resolution = event.resolution
        item.resolved_by = event.provenance.name
        item.note = event.note

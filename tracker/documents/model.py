"""What a council document says, as read by :mod:`tracker.documents`.

Small frozen dataclasses; dates are :class:`datetime.date`, unknown values are ``None``.
:meth:`Extraction.to_json` gives the ``tracker extract --format jsonl`` object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tracker.documents.answers import Marks

DeadlineKind = Literal["completion", "report", "event"]
Recurrence = Literal["once", "monthly", "quarterly", "half-yearly", "yearly", "regular"]

#: Decision outcomes, in the tracker's vocabulary.
OUTCOMES: frozenset[str] = frozenset(
    {
        "adopted",
        "adopted_amended",
        "rejected",
        "noted",
        "deferred",
        "referred",
        "recommended",
        "withdrawn",
        "disposed",
    }
)


#: Why a sentence binds, as the reader recorded it (``Deadline.basis``, ``Report.basis``).
BASES: dict[str, str] = {
    "label": "a labelled limit (Erledigungsfrist, Termin)",
    "order": "an operative verb orders it (beauftragt, wird gebeten, soll)",
    "report": "a duty to report, inform or present",
    "postponement": "the target of a postponement",
    "announcement": "the administration announces it as its own next step",
    "task_item": "a task item of the resolution, in nominal style",
    "resolution": "a limit in the resolution, without an operative verb",
}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(frozen=True)
class Consultation:
    """One step of the Beratungsfolge: a committee's meeting on the paper."""

    committee: str | None
    date: dt.date | None
    role: str | None
    result: str | None = None

    def to_json(self) -> dict[str, object]:
        """The JSON object of this consultation."""
        return {
            "committee": self.committee,
            "date": _iso(self.date),
            "role": self.role,
            "result": self.result,
        }


@dataclass(frozen=True)
class Decision:
    """What a committee or the council decided; ``text`` is the wording found."""

    outcome: str
    date: dt.date | None
    committee: str | None
    text: str

    def to_json(self) -> dict[str, object]:
        """The JSON object of this decision."""
        return {
            "outcome": self.outcome,
            "date": _iso(self.date),
            "committee": self.committee,
            "text": self.text,
        }


@dataclass(frozen=True)
class Deadline:
    """A dated (or event-anchored, then ``date`` is None) obligation found in the text."""

    text: str
    date: dt.date | None
    window_start: dt.date | None
    kind: DeadlineKind
    rule: str
    #: why the sentence binds (:data:`BASES`); empty where no sentence rule applies
    basis: str = ""

    def to_json(self) -> dict[str, object]:
        """The JSON object of this deadline."""
        return {
            "text": self.text,
            "date": _iso(self.date),
            "window_start": _iso(self.window_start),
            "kind": self.kind,
            "rule": self.rule,
            "basis": self.basis,
        }


@dataclass(frozen=True)
class Report:
    """A duty to report back, once or recurring."""

    text: str
    recurrence: Recurrence
    due: dt.date | None
    recipient: str | None
    basis: str = "report"

    def to_json(self) -> dict[str, object]:
        """The JSON object of this report obligation."""
        return {
            "text": self.text,
            "recurrence": self.recurrence,
            "due": _iso(self.due),
            "recipient": self.recipient,
            "basis": self.basis,
        }


#: Why a person should look at an extraction (``review``): each names the phrase and the rule.
REVIEW_REASONS: dict[str, str] = {
    "undated_term": "a time term that resolved to no date (an event, a vague or relative term, "
    "a missing year)",
    "soft_term": "a vague term (zeitnah, umgehend): no date, only urgency",
    "weak_term": "a bare point in time (im Jahr 2025, im Herbst 2025) read as a deadline",
    "time_word_without_date": "an operative sentence with a time word that no rule read",
    "declined_report": "a report duty near a negation, not recorded as a duty",
    "unread_obligation": "a sentence pairing an action with a time term that yielded nothing",
    "unread_cue": "an operative sentence with a word of time or reporting that yielded nothing",
    "conflicting_dates": "one obligation with two different dates",
    "several_outcomes": "the motion fell, but the text records an adoption too: its terms "
    "were not recorded",
    "no_reference": "no Drucksachen-Nr.: recorded under a key made from the document",
    "no_body": "no council body found",
    "no_kind": "no document kind found",
}


def council_date(
    decision: Decision | None, consultations: tuple[Consultation, ...]
) -> dt.date | None:
    """The council date a document speaks for: its decision's, else its first consultation's."""
    if decision is not None and decision.date is not None:
        return decision.date
    dated = [c.date for c in consultations if c.date is not None]
    return min(dated) if dated else None


@dataclass(frozen=True)
class ReviewItem:
    """One reason a person should look at what was read: ``reason`` (a key of
    :data:`REVIEW_REASONS`), the ``phrase`` of the document and the ``rule`` involved."""

    reason: str
    phrase: str
    rule: str

    def to_json(self) -> dict[str, object]:
        """The JSON object of this review item."""
        return {"reason": self.reason, "phrase": self.phrase, "rule": self.rule}


@dataclass(frozen=True)
class Extraction:
    """Everything read from one council document.

    ``proposal`` is the outcome a Beschlussvorschlag or Verwaltungsstandpunkt asks for
    (not a decision); ``layout`` names the parser that read the document. ``reference`` is
    empty for a document that has no number of its own (null in :meth:`to_json`); ``key`` is
    then what identifies it (:func:`tracker.documents.keys.motion_key`). ``review`` lists
    what the reader could not resolve; empty when it is confident.
    """

    file: str
    source_name: str
    sha256: str
    layout: str
    reference: str
    title: str | None
    kind: str | None
    body: str | None
    state: str | None
    consultations: tuple[Consultation, ...]
    decision: Decision | None
    proposal: str | None
    addressee: str | None
    office: str | None
    initiators: tuple[str, ...]
    deadlines: tuple[Deadline, ...]
    reports: tuple[Report, ...]
    amounts_eur: tuple[float, ...]
    warnings: tuple[str, ...]
    review: tuple[ReviewItem, ...] = ()
    key: str = ""
    #: Whom the document answers and whether it is non-public (tracker.documents.answers).
    marks: Marks | None = None

    @property
    def motion_key(self) -> str:
        """What the document's motion is recorded under: its key, else its reference (an
        extraction made from an OParl paper carries only the reference)."""
        return self.key or self.reference

    def to_json(self) -> dict[str, object]:
        """The ``tracker extract --format jsonl`` object, with exactly the documented keys."""
        return {
            "file": self.file,
            "reference": self.reference or None,
            "key": self.motion_key,
            "title": self.title,
            "kind": self.kind,
            "body": self.body,
            "state": self.state,
            "consultations": [c.to_json() for c in self.consultations],
            "decision": self.decision.to_json() if self.decision is not None else None,
            "addressee": self.addressee,
            "deadlines": [d.to_json() for d in self.deadlines],
            "reports": [r.to_json() for r in self.reports],
            "amounts_eur": [int(a) if a == int(a) else a for a in self.amounts_eur],
            "review": [r.to_json() for r in self.review],
            "warnings": list(self.warnings),
        }

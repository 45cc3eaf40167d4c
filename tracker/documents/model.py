"""What a council document says, as read by :mod:`tracker.documents`.

Small frozen dataclasses; dates are :class:`datetime.date`, unknown values are ``None``.
:meth:`Extraction.to_json` gives the ``tracker extract --format jsonl`` object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

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

    def to_json(self) -> dict[str, object]:
        """The JSON object of this deadline."""
        return {
            "text": self.text,
            "date": _iso(self.date),
            "window_start": _iso(self.window_start),
            "kind": self.kind,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Report:
    """A duty to report back, once or recurring."""

    text: str
    recurrence: Recurrence
    due: dt.date | None
    recipient: str | None

    def to_json(self) -> dict[str, object]:
        """The JSON object of this report obligation."""
        return {
            "text": self.text,
            "recurrence": self.recurrence,
            "due": _iso(self.due),
            "recipient": self.recipient,
        }


@dataclass(frozen=True)
class Extraction:
    """Everything read from one council document.

    ``proposal`` is the outcome a Beschlussvorschlag or Verwaltungsstandpunkt asks for
    (not a decision); ``layout`` names the parser that read the document. ``reference`` is
    empty only for a document read with ``require_reference=False`` that has none (null
    in :meth:`to_json`).
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

    def to_json(self) -> dict[str, object]:
        """The ``tracker extract --format jsonl`` object, with exactly the documented keys."""
        return {
            "file": self.file,
            "reference": self.reference or None,
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
            "warnings": list(self.warnings),
        }

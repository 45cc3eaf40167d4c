"""Value types carried inside events: enumerations and provenance."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID


class Outcome(Enum):
    """What a committee or council decided (Beschlussart)."""

    ADOPTED = "adopted"
    ADOPTED_AMENDED = "adopted_amended"
    REJECTED = "rejected"
    NOTED = "noted"
    DEFERRED = "deferred"
    REFERRED = "referred"
    RECOMMENDED = "recommended"
    WITHDRAWN = "withdrawn"
    DISPOSED = "disposed"


#: Decisions after which the administration owes something.
BINDING_OUTCOMES = frozenset({Outcome.ADOPTED, Outcome.ADOPTED_AMENDED})


class DeadlineKind(Enum):
    """What a deadline is for: doing the thing, reporting on it, or an event to be held."""

    COMPLETION = "completion"
    REPORT = "report"
    EVENT = "event"


class Recurrence(Enum):
    """How often a report duty recurs."""

    ONCE = "once"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"
    REGULAR = "regular"


class ReportKind(Enum):
    """Zwischenbericht (interim) or Schlussbericht (final)."""

    INTERIM = "interim"
    FINAL = "final"


class SourceKind(Enum):
    """Where a fact came from."""

    DOCUMENT = "document"
    USER = "user"
    OPARL = "oparl"
    SYSTEM = "system"


@dataclass(frozen=True)
class Provenance:
    """Where a recorded fact came from.

    ``name`` is the document's file name or URL, the OParl object id, or the user's name;
    ``sha256`` is the source document's hash when there is one; ``detail`` carries
    anything else worth keeping (an OParl ``modified`` stamp).
    """

    kind: SourceKind
    name: str
    sha256: str | None = None
    detail: str | None = None

    @classmethod
    def user(cls, name: str) -> Provenance:
        """A fact typed in by a person."""
        return cls(SourceKind.USER, name)

    @classmethod
    def document(cls, name: str, sha256: str) -> Provenance:
        """A fact read from a council document."""
        return cls(SourceKind.DOCUMENT, name, sha256)

    def as_dict(self) -> dict[str, str | None]:
        """Plain JSON-ready form."""
        return {
            "kind": self.kind.value,
            "name": self.name,
            "sha256": self.sha256,
            "detail": self.detail,
        }


def to_jsonable(value: Any) -> Any:
    """Dates, enums, provenance and lists in JSON-ready form."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Provenance):
        return value.as_dict()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    return value

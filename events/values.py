"""Value types carried inside events: enumerations and provenance."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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

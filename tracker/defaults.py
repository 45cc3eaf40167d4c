"""Due dates for what a council text leaves open, by configured rules (``[deadlines]``).

* **Statutory defaults** (:class:`StatutoryRule`): when the text sets no term, a rule per
  body, Bundesland or kind of motion, naming its statute, gives one: Hamburg's § 27 BezVG
  (the authority answers an Auskunftsersuchen of a Bezirksversammlung within six weeks) is
  built in; a council adds its own (the Berlin BVV's rule for Ersuchen where its
  Geschäftsordnung sets one: § 13 (1) BezVG Berlin says only "unverzüglich", so no Berlin
  period is built in). An explicit term in the text always wins.
* **Vague terms** ("umgehend", "zeitnah", "unverzüglich"): ``soft_days`` (30) after the
  decision, marked soft (rule ``soft:<days>``): a reminder, not a date the council set.
* **The next session** ("in der nächsten Sitzung des Ausschusses X"): the first session of
  that committee (named in the phrase, else the one that decided) after the decision, from
  the session calendar (``[deadlines.sessions]``, and the meetings of the OParl systems the
  sync follows; rule ``meeting:<committee>``). When a session moves (``tracker sessions
  follow`` against the calendar, which ``tracker run`` does after every OParl sync pass and
  on its own schedule; ``tracker sessions move`` by hand), the due dates anchored on it move
  with it; a term left undated for want of a session gets its date once one is known; a
  date a person set is not moved back by the calendar.

Each rule is applied from :func:`tracker.ingest.record_extraction` (so OParl sync applies
them too); periods run under BGB §§ 187 (1), 188 from the decision. ``tracker show``
explains the result (:mod:`tracker.explain`).

Configuration (all optional)::

    [deadlines]
    soft_days = 30                 # "umgehend", "zeitnah": the default period (soft)
    builtin_statutes = true        # Hamburg § 27 BezVG

    [[deadlines.statutory]]        # one table per rule a council adds
    statute = "§ 13 GO BVV"        # what it rests on (shown with the due date)
    text = "Bericht des Bezirksamts binnen drei Monaten"
    state = "BE"                   # only motions of this Bundesland (optional)
    body = "BVV"                   # only bodies whose name contains this (optional)
    kind = "Ersuchen"              # only kinds containing this (optional)
    months = 3                     # days, weeks, months (at least one)
    obligation = "report"          # report (default) or completion

    [deadlines.sessions]           # the session calendar per committee
    "Ausschuss für Soziales" = ["2025-03-10", "2025-04-14"]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from tracker.deadlines import period_end
from tracker.errors import ConfigurationError

#: The default period of a vague term ("umgehend", "zeitnah"), in days.
DEFAULT_SOFT_DAYS = 30


@dataclass(frozen=True)
class StatutoryRule:
    """A default term set by law or rules of procedure for motions the rule matches."""

    statute: str
    text: str
    state: str | None = None
    body: str | None = None
    kind: str | None = None
    days: int = 0
    weeks: int = 0
    months: int = 0
    obligation: str = "report"

    @property
    def rule(self) -> str:
        """The rule name recorded with the deadline: ``statute:<statute>``."""
        return f"statute:{self.statute}"

    @property
    def phrase(self) -> str:
        """The phrase recorded with the deadline: the statute and what it says."""
        return f"{self.statute}: {self.text}"

    def applies(self, *, body: str, state: str | None, kind: str | None) -> bool:
        """Whether a motion of ``body``, ``state`` and ``kind`` falls under the rule."""
        if self.state is not None and self.state != state:
            return False
        if self.body is not None and self.body.casefold() not in body.casefold():
            return False
        return self.kind is None or (kind is not None and self.kind.casefold() in kind.casefold())

    def due(self, decided: date) -> date:
        """The last day of the period after the decision on ``decided`` (§§ 187 (1), 188)."""
        return period_end(decided, days=self.days, weeks=self.weeks, months=self.months)


#: Hamburg, § 27 BezVG: the authority answers a Bezirksversammlung's Auskunftsersuchen
#: within six weeks.
HAMBURG_27_BEZVG = StatutoryRule(
    statute="§ 27 BezVG",
    text="Antwort der Behörde binnen sechs Wochen",
    state="HH",
    kind="Auskunftsersuchen",
    weeks=6,
)
BUILTIN_STATUTES = (HAMBURG_27_BEZVG,)


@dataclass(frozen=True)
class Session:
    """The session of ``committee`` a term hangs on, on ``day``."""

    committee: str
    day: date


_COMMITTEE_IN_PHRASE = re.compile(
    r"(?:des|der)\s+([A-ZÄÖÜ][\w-]*(?:\s+(?:für|des|der)\s+[\w, -]+)?)\s*$"
    r"|([A-ZÄÖÜ][\w-]*?(?:ausschuss|rat|BVV|versammlung))[-\s]?sitzung",
    re.IGNORECASE,
)


def committee_in(phrase: str) -> str | None:
    """The committee a "next session" phrase names ("des Bauausschusses" -> Bauausschusses,
    "Bauausschusssitzung" -> Bauausschuss), else None."""
    m = _COMMITTEE_IN_PHRASE.search(phrase)
    if m is None:
        return None
    name = (m.group(1) or m.group(2) or "").strip()
    if name.casefold() in {"ausschusses", "ausschuss", "sitzung"}:
        return None
    return name or None


_NAMES_A_SESSION = re.compile(r"(?i)sitzung|BVV")


def session_committee(rule: str, phrase: str, *, decided_by: str | None, body: str) -> str | None:
    """The committee whose next session a term hangs on, or None for a term of another
    kind: ``meeting:<committee>`` names it; an event anchor that names a session ("in der
    nächsten Sitzung des Ausschusses X") hangs on the committee in the phrase, else the one
    that decided (``decided_by``), else the body."""
    if rule.startswith("meeting:"):
        return rule.removeprefix("meeting:")
    if rule == "event_anchor" and _NAMES_A_SESSION.search(phrase):
        return committee_in(phrase) or decided_by or body
    return None


def _stem(name: str) -> str:
    """A committee name folded for comparison (case, spacing, genitive -es/-s)."""
    folded = " ".join(name.split()).casefold()
    return re.sub(r"(?:es|s)+\b", "", folded)


@dataclass(frozen=True)
class SessionCalendar:
    """Session days per committee: the configured ones, and those ``more`` gives (the OParl
    meetings the sync mirrors), read on first use."""

    configured: Mapping[str, tuple[date, ...]] = field(default_factory=dict)
    more: Callable[[], Mapping[str, tuple[date, ...]]] | None = field(
        default=None, compare=False, repr=False
    )

    @cached_property
    def sessions(self) -> Mapping[str, tuple[date, ...]]:
        """Every committee's session days, sorted (configured and from ``more``)."""
        found: dict[str, set[date]] = {k: set(v) for k, v in self.configured.items()}
        for name, days in (self.more() if self.more is not None else {}).items():
            found.setdefault(name, set()).update(days)
        return {name: tuple(sorted(days)) for name, days in found.items()}

    def committee(self, wanted: str | None) -> str | None:
        """The calendar's committee that ``wanted`` names (equal, or one contains the
        other, case and genitive ignored)."""
        if not wanted:
            return None
        key = _stem(wanted)
        for name in self.sessions:
            stem = _stem(name)
            if stem == key:
                return name
        for name in self.sessions:
            stem = _stem(name)
            if key in stem or stem in key:
                return name
        return None

    def next_session(self, committee: str | None, after: date) -> Session | None:
        """The first session of ``committee`` after ``after`` (None: unknown committee, or
        no session after it in the calendar)."""
        name = self.committee(committee)
        if name is None:
            return None
        later = [d for d in self.sessions[name] if d > after]
        return Session(name, min(later)) if later else None


@dataclass(frozen=True)
class TermDefaults:
    """The ``[deadlines]`` table: statutory rules, the soft period, the session calendar."""

    statutory: tuple[StatutoryRule, ...] = BUILTIN_STATUTES
    soft_days: int = DEFAULT_SOFT_DAYS
    calendar: SessionCalendar = field(default_factory=SessionCalendar)

    def with_sessions_from(
        self, more: Callable[[], Mapping[str, tuple[date, ...]]]
    ) -> TermDefaults:
        """These defaults with the sessions ``more`` gives added to the calendar (read when
        a "next session" is first resolved)."""
        return replace(self, calendar=SessionCalendar(self.calendar.configured, more))

    def statute_for(
        self, *, body: str, state: str | None, kind: str | None
    ) -> StatutoryRule | None:
        """The first statutory rule for such a motion, if any."""
        return next(
            (r for r in self.statutory if r.applies(body=body, state=state, kind=kind)), None
        )

    @classmethod
    def from_section(cls, section: Mapping[str, Any]) -> TermDefaults:
        """Read and check ``[deadlines]``; a wrong value names its key."""
        known = {"soft_days", "builtin_statutes", "statutory", "sessions"}
        unknown = set(section) - known
        if unknown:
            raise ConfigurationError(
                f"[deadlines]: unknown setting(s) {', '.join(sorted(unknown))}"
            )
        soft = section.get("soft_days", DEFAULT_SOFT_DAYS)
        if not isinstance(soft, int) or isinstance(soft, bool) or not 1 <= soft <= 366:
            raise ConfigurationError("[deadlines] soft_days must be a whole number 1..366")
        builtin = section.get("builtin_statutes", True)
        if not isinstance(builtin, bool):
            raise ConfigurationError("[deadlines] builtin_statutes must be true or false")
        added = section.get("statutory", [])
        if not isinstance(added, list):
            raise ConfigurationError("[deadlines] statutory must be an array of tables")
        rules = [_statutory(i, t) for i, t in enumerate(added, 1)]
        statutory = (*rules, *(BUILTIN_STATUTES if builtin else ()))
        return cls(statutory, soft, _calendar(section.get("sessions", {})))


def _statutory(index: int, table: Any) -> StatutoryRule:
    where = f"[[deadlines.statutory]] #{index}"
    if not isinstance(table, Mapping):
        raise ConfigurationError(f"{where} must be a table")
    allowed = {"statute", "text", "state", "body", "kind", "days", "weeks", "months", "obligation"}
    unknown = set(table) - allowed
    if unknown:
        raise ConfigurationError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("statute", "text"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise ConfigurationError(f"{where}: {key} must name it (a text)")
    for key in ("state", "body", "kind"):
        if key in table and not isinstance(table[key], str):
            raise ConfigurationError(f"{where}: {key} must be a text")
    amounts = {}
    for key in ("days", "weeks", "months"):
        value = table.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1200:
            raise ConfigurationError(f"{where}: {key} must be a whole number 0..1200")
        amounts[key] = value
    if not any(amounts.values()):
        raise ConfigurationError(f"{where}: give the period in days, weeks or months")
    obligation = table.get("obligation", "report")
    if obligation not in ("report", "completion"):
        raise ConfigurationError(f"{where}: obligation must be report or completion")
    state = table.get("state")
    return StatutoryRule(
        statute=table["statute"].strip(),
        text=table["text"].strip(),
        state=state.strip().upper() if state else None,
        body=table.get("body"),
        kind=table.get("kind"),
        obligation=obligation,
        **amounts,
    )


def _calendar(table: Any) -> SessionCalendar:
    if not isinstance(table, Mapping):
        raise ConfigurationError("[deadlines.sessions] must be a table of committee = [dates]")
    sessions: dict[str, tuple[date, ...]] = {}
    for committee, days in table.items():
        if not isinstance(days, list):
            raise ConfigurationError(f"[deadlines.sessions] {committee!r} must be a list of dates")
        parsed = []
        for day in days:
            if isinstance(day, date):
                parsed.append(day)
                continue
            try:
                parsed.append(date.fromisoformat(str(day)))
            except ValueError:
                raise ConfigurationError(
                    f"[deadlines.sessions] {committee!r}: {day!r} is not a date (YYYY-MM-DD)"
                ) from None
        sessions[str(committee)] = tuple(sorted(parsed))
    return SessionCalendar(sessions)

"""How was this date computed? One explanation per due date of a motion, in one place.

:func:`explain_motion` returns, for each deadline and report duty of a motion, a
:class:`DueExplanation`: the phrase as written, the rule that read it (and what the rule
does), the decision date a relative term ran from, the date as written or computed, every
day BGB § 193 skipped on the way to the due date ("Ostermontag 2025 in BE"), and every later
change (extensions, corrections) with its reason. :meth:`DueExplanation.as_json` is what
``tracker show --format json`` carries (``deadlines[].explanation``,
``report_obligations[].explanation``); :func:`render` says it in German or English for
``tracker show`` and the web front's motion page.

Nothing here reads the clock; holidays are those of the motion's Bundesland.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from tracker.clock import german_date
from tracker.deadlines import Skipped, legal_due_date, skipped_days
from tracker.motion import Motion
from tracker.state import DEFAULT_RULES, Rules, decision_date

Language = Literal["de", "en"]

#: What each rule of the deadline grammar (and each other source of a due date) does, in
#: German and English. Rules not named here are shown by name.
RULE_TEXTS: dict[str, tuple[str, str]] = {
    "numeric_date": ("ein Datum im Text (TT.MM.JJJJ)", "a date in the text (DD.MM.YYYY)"),
    "iso_date": ("ein Datum im Text (JJJJ-MM-TT)", "a date in the text (YYYY-MM-DD)"),
    "us_date": ("ein Datum im Text (MM/TT/JJJJ)", "a date in the text (MM/DD/YYYY)"),
    "numeric_month": (
        "ein Monat in Ziffern (MM/JJJJ): sein letzter Tag",
        "a month in digits (MM/YYYY): its last day",
    ),
    "named_date": ("ein Datum mit Monatsnamen", "a date with the month's name"),
    "day_without_year": (
        "ein Tag ohne Jahr: das erste solche Datum ab dem Beschluss",
        "a day without a year: the first such day on or after the decision",
    ),
    "month_without_year": (
        "ein Monat ohne Jahr: sein letzter Tag, ab dem Beschluss",
        "a month without a year: its last day, on or after the decision",
    ),
    "month_year": ("ein Monat: sein letzter Tag", "a month: its last day"),
    "year_end": ("Jahresende: der 31.12.", "the end of a year: 31 December"),
    "end_of_year": ("Ende des Jahres: der 31.12.", "the end of the year: 31 December"),
    "relative_month": (
        "ein Monat relativ zum Beschluss: sein letzter Tag",
        "a month relative to the decision: its last day",
    ),
    "mid_year": (
        "Jahresmitte: der 30.06., ab dem Beschluss",
        "the middle of the year: 30 June, on or after the decision",
    ),
    "year_only": ("ein Jahr: sein letzter Tag", "a year: its last day"),
    "half_year": ("ein Halbjahr: sein letzter Tag", "a half-year: its last day"),
    "quarter": ("ein Quartal: sein letzter Tag", "a quarter: its last day"),
    "quarter_code": (
        "ein Quartal (Q1/2025): sein letzter Tag",
        "a quarter (Q1/2025): its last day",
    ),
    "period": ("ein Zeitraum: sein letzter Tag", "a period: its last day"),
    "period_of_year": ("ein Quartal oder Halbjahr: sein letzter Tag", "a quarter or half: its end"),
    "relative_year": ("ein Jahr relativ zum Beschluss", "a year relative to the decision"),
    "year_period": ("ein Zeitraum von Jahren: sein letzter Tag", "a span of years: its last day"),
    "calendar_week": ("eine Kalenderwoche: ihr Freitag", "a calendar week: its Friday"),
    "session_of_year": (
        "eine Sitzung, in einem Jahr gezählt: ein Ereignis ohne eigenes Datum",
        "a session counted in a year: an event without a date of its own",
    ),
    "weekday": (
        "ein Wochentag dieser oder der nächsten Woche, ab dem Datum des Dokuments",
        "a weekday of this or the next week, from the document's date",
    ),
    "school_year": (
        "ein Schuljahr oder Schulhalbjahr: ohne Datum (der Beginn ist je nach Land verschieden)",
        "a school year or half: no date (its start differs by Land)",
    ),
    "after_publication": (
        "der Tag nach der Bekanntmachung: ein Ereignis ohne eigenes Datum",
        "the day after publication: an event without a date of its own",
    ),
    "season": ("eine Jahreszeit: ihr letzter Tag", "a season: its last day"),
    "relative_period": (
        "eine Frist ab dem Beschluss (§§ 187 Abs. 1, 188 BGB: der Beschlusstag zählt nicht)",
        "a period from the decision (BGB §§ 187 (1), 188: the day of the decision not counted)",
    ),
    "after_period": (
        "eine Frist nach einem Zeitraum ab dem Beschluss oder einem genannten Ereignis",
        "a period from the decision or from an event the text names",
    ),
    "month_session": (
        "die Sitzung eines Monats: sein letzter Tag, das Jahr aus dem Dokument",
        "a month's session: the month's last day, the year from the document",
    ),
    "month_event": (
        "Beginn oder Ende eines Ereignisses in einem genannten Monat: dessen letzter Tag",
        "an event's start or end in a named month: the month's last day",
    ),
    "year_point": (
        "ein Zeitpunkt im Jahr (im Jahr 2025): sein letzter Tag",
        "a point in a year (im Jahr 2025): its last day",
    ),
    "year_start": (
        "Jahresbeginn: der 1. Januar, oder (Anfang 2025) das erste Quartal",
        "the start of a year: 1 January, or (Anfang 2025) the first quarter",
    ),
    "event_anchor": (
        "ein Ereignis (bis zur Sommerpause, in der nächsten Sitzung): kein Datum im Text",
        "an event (bis zur Sommerpause, the next session): no date in the text",
    ),
    "until_clause": (
        "bis ein genanntes Ereignis eintritt: kein Datum im Text",
        "until an event the text names: no date in the text",
    ),
    "until_event": (
        "bis zu einem Ereignis (Klärung, Ende der Wahlperiode): kein Datum im Text",
        "until an event (a clarification, the end of the term): no date in the text",
    ),
    "until_then": (
        "bis dahin (ein zuvor genanntes Ereignis): kein Datum im Text",
        "until then (an event named before): no date in the text",
    ),
    "soft_term": (
        "vage Frist (zeitnah, umgehend): Dringlichkeit ohne Datum",
        "a vague term (zeitnah, umgehend): urgency without a date",
    ),
    "manual": ("von Hand eingetragen", "entered by hand"),
}
#: Rules whose date depends on the decision date (it is named in the explanation).
FROM_DECISION = frozenset(
    {"relative_period", "day_without_year", "month_without_year", "relative_year"}
)


def rule_text(rule: str, lang: Language = "de") -> str:
    """What ``rule`` does, in ``lang``: a grammar rule, ``label:<rule>`` (a labelled field),
    ``statute:<name>`` (a statutory default), ``soft:<days>`` (a vague term given a default
    period), ``meeting:<committee>`` (the committee's next session), ``manual``."""
    de = lang == "de"
    prefix, _, rest = rule.partition(":")
    if rest and prefix == "label":
        inner = rule_text(rest, lang)
        return ("aus einem Feld (z. B. Erledigungsfrist): " if de else "from a field: ") + inner
    if rest and prefix == "statute":
        return (
            f"gesetzliche Regelfrist nach {rest}, der Text setzt keine"
            if de
            else f"statutory default period under {rest}; the text sets none"
        )
    if rest and prefix == "soft":
        return (
            f"vage Frist, angenommen {rest} Tage ab dem Beschluss (weich)"
            if de
            else f"vague term, taken as {rest} days from the decision (soft)"
        )
    if rest and prefix == "meeting":
        return (
            f"die erste Sitzung von {rest} nach dem Beschluss (Sitzungskalender)"
            if de
            else f"the first session of {rest} after the decision (session calendar)"
        )
    texts = RULE_TEXTS.get(rule)
    if texts is None:
        return rule
    return texts[0] if de else texts[1]


@dataclass(frozen=True)
class Change:
    """A later change of the due date: the new date as written, when, and why."""

    nominal_due: date | None
    effective: date | None
    reason: str


@dataclass(frozen=True)
class DueExplanation:
    """How one due date came about (see the module docstring)."""

    obligation_id: str
    kind: str
    phrase: str
    rule: str
    #: The day a relative or year-less term ran from: the decision, else (no decision
    #: known) the date of the document that set it (None when the date stands on its own).
    runs_from: date | None
    #: The date as the text gives it (or as first computed from it), before § 193.
    first_due: date | None
    #: The date now, before § 193 (after extensions and corrections).
    nominal_due: date | None
    #: Days § 193 skipped from ``nominal_due`` on.
    skipped: tuple[Skipped, ...]
    #: The due date after § 193.
    due: date | None
    changes: tuple[Change, ...]
    #: A vague term given a configured default period, not a date the council set.
    soft: bool
    state: str | None
    #: ``runs_from`` is the decision's date (False: the document's, no decision known).
    from_decision: bool = True

    def as_json(self) -> dict[str, Any]:
        """The explanation as ``tracker show --format json`` carries it."""
        return {
            "obligation_id": self.obligation_id,
            "kind": self.kind,
            "phrase": self.phrase,
            "rule": self.rule,
            "rule_text": {"de": rule_text(self.rule, "de"), "en": rule_text(self.rule, "en")},
            "runs_from": _iso(self.runs_from),
            "runs_from_decision": self.runs_from is not None and self.from_decision,
            "first_due": _iso(self.first_due),
            "nominal_due": _iso(self.nominal_due),
            "shifts": [
                {
                    "day": s.day.isoformat(),
                    "weekday": s.weekday,
                    "holiday": s.holiday,
                    "state": s.state,
                    "text": s.describe(),
                }
                for s in self.skipped
            ],
            "due": _iso(self.due),
            "changes": [
                {
                    "nominal_due": _iso(c.nominal_due),
                    "effective": _iso(c.effective),
                    "reason": c.reason,
                }
                for c in self.changes
            ],
            "soft": self.soft,
            "text": {"de": render(self, "de"), "en": render(self, "en")},
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _de(day: date | None) -> str:
    return german_date(day) if day is not None else "-"


def explain(
    *,
    obligation_id: str,
    kind: str,
    phrase: str,
    rule: str,
    decided: date | None,
    first_due: date | None,
    nominal_due: date | None,
    changes: tuple[Change, ...],
    state: str | None,
    dated: date | None = None,
) -> DueExplanation:
    """The explanation of one due date from its facts; ``dated``: the day the term was
    recorded as effective (its document's date), what it ran from without a decision."""
    base = rule.partition(":")[2] if rule.startswith("label:") else rule
    relative = base in FROM_DECISION or base.startswith(
        ("statute:", "soft:", "report_duty:", "meeting:")
    )
    skipped = tuple(skipped_days(nominal_due, state)) if nominal_due else ()
    return DueExplanation(
        obligation_id=obligation_id,
        kind=kind,
        phrase=phrase,
        rule=rule,
        runs_from=(decided or dated) if relative else None,
        first_due=first_due,
        nominal_due=nominal_due,
        skipped=skipped,
        due=legal_due_date(nominal_due, state) if nominal_due else None,
        changes=changes,
        soft=base.startswith("soft:"),
        state=state,
        from_decision=decided is not None,
    )


def explain_motion(motion: Motion, rules: Rules = DEFAULT_RULES) -> list[DueExplanation]:
    """One explanation per deadline, then per open report duty, of ``motion``."""
    decided_iso = decision_date(motion.life)
    decided = date.fromisoformat(decided_iso) if decided_iso else None
    found = []
    for d in motion.deadlines.values():
        first = d.history[0].due if d.history else d.due
        changes = tuple(Change(h.due, h.effective, h.reason) for h in d.history[1:])
        found.append(
            explain(
                obligation_id=d.deadline_id,
                kind=d.kind.value,
                phrase=d.phrase,
                rule=d.rule,
                decided=decided,
                first_due=first,
                nominal_due=d.due,
                changes=changes,
                state=motion.state,
                dated=d.history[0].effective if d.history else None,
            )
        )
    for o in motion.obligations.values():
        if o.ended_on is not None:
            continue
        life = motion.life["duties"][o.obligation_id]
        due_iso = rules.open_due(motion.life, life)
        due = date.fromisoformat(due_iso) if due_iso else None
        rule = "report_duty" if o.first_due else f"report_duty:{o.recurrence.value}"
        found.append(
            explain(
                obligation_id=o.obligation_id,
                kind="report",
                phrase=o.phrase,
                rule=rule,
                decided=decided if o.first_due is None else None,
                first_due=o.first_due,
                nominal_due=due,
                changes=(),
                state=motion.state,
            )
        )
    return found


def render(e: DueExplanation, lang: Language = "de") -> str:
    """The explanation in a few lines of German (``de``) or English (``en``)."""
    de = lang == "de"
    lines = [f"{e.obligation_id}: „{e.phrase}“" if de else f"{e.obligation_id}: “{e.phrase}”"]
    lines.append(("Regel: " if de else "rule: ") + f"{e.rule} ({_rule_line(e, lang)})")
    if e.runs_from is not None and e.from_decision:
        lines.append(
            (f"ab dem Beschluss vom {_de(e.runs_from)}")
            if de
            else f"from the decision of {e.runs_from.isoformat()}"
        )
    elif e.runs_from is not None:
        lines.append(
            f"ab dem Datum des Dokuments, {_de(e.runs_from)} (kein Beschluss bekannt)"
            if de
            else f"from the document's date, {e.runs_from.isoformat()} (no decision known)"
        )
    if e.nominal_due is None:
        lines.append("kein Datum" if de else "no date")
        return "\n".join(lines)
    if (e.first_due is not None and e.first_due != e.nominal_due) or e.changes:
        lines.append(f"zuerst: {_de(e.first_due)}" if de else f"first: {_iso(e.first_due)}")
    for c in e.changes:
        when = _de(c.effective) if de else _iso(c.effective)
        lines.append(
            f"geändert am {when} auf {_de(c.nominal_due)}: {c.reason}"
            if de
            else f"changed on {when} to {_iso(c.nominal_due)}: {c.reason}"
        )
    written = _de(e.nominal_due) if de else e.nominal_due.isoformat()
    if e.skipped and e.due is not None:
        days = ", ".join(
            f"{_de(s.day) if de else s.day.isoformat()} {s.describe(lang)}" for s in e.skipped
        )
        target = _de(e.due) if de else e.due.isoformat()
        lines.append(f"{'§ 193 BGB' if de else 'BGB § 193'}: {days} -> {target}")
    else:
        lines.append(
            f"{written}: ein Werktag, § 193 BGB verschiebt nichts"
            if de
            else f"{written}: a working day, BGB § 193 moves nothing"
        )
    due = _de(e.due) if de else _iso(e.due)
    soft = (" (weich: keine vom Gremium gesetzte Frist)" if de else " (soft: not set by the "
            "council)") if e.soft else ""  # fmt: skip
    lines.append((f"fällig: {due}" if de else f"due: {due}") + soft)
    return "\n".join(lines)


def _rule_line(e: DueExplanation, lang: Language) -> str:
    if e.rule.startswith("report_duty"):
        recurrence = e.rule.partition(":")[2]
        if lang == "de":
            return (
                f"Berichtspflicht ({recurrence}), ab dem Beschluss"
                if recurrence
                else "Berichtspflicht mit Datum"
            )
        return f"duty to report ({recurrence}) from the decision" if recurrence else "dated report"
    return rule_text(e.rule, lang)

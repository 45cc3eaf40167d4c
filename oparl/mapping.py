"""From OParl objects to the facts the tracker records (pure functions, no I/O).

A :class:`PaperContext` holds a Paper with everything it points to that the sync could
resolve: its consultations, each with its agenda item, meeting and organizations; the
organizations under whose direction it is (``underDirectionOf``, the office); its files.
:func:`map_paper` turns that into an :class:`~tracker.documents.model.Extraction`, the
same structure that ``tracker ingest`` reads from a document, recorded by the same
:func:`tracker.ingest.record_extraction`:

* Body.name -> the motion's ``body`` (with the reference, its id); Body.ags (its first two
  digits) -> ``state``, else the configured default Bundesland.
* Paper.reference, name, paperType -> reference, title, kind. Paper.date completes
  year-less deadline terms when nothing was decided.
* Paper.underDirectionOf -> ``office`` (the first organization's name).
* Paper.name and the main file's text -> the papers it answers (``marks.answers``: "In
  Erledigung der Drucksache ...", "Mitteilung zu Drucksache ...";
  :mod:`tracker.documents.answers`), recorded as for a document.
* Paper.consultation[] -> one consultation each: committee (its organizations, else the
  meeting's), date (the meeting's start, Berlin time), role (``role``; else "Entscheidung"
  or "Vorberatung" from ``authoritative``), result (the agenda item's ``result``).
* AgendaItem.result -> the decision's outcome (the document reader's wording map); the
  authoritative consultation wins, else the latest with a result. AgendaItem.resolutionText
  -> the decision's text and the operative text.
* File.text (resolution file, main file, auxiliary files) -> the operative text when there
  is no resolution text.

Deadlines, report duties and the addressee come from the operative text through a
:data:`TextReader` (by default the document reader's obligations grammar), so a paper read
from OParl and the same paper read as a document give the same deadlines. Without an
addressee in the text, the office is the addressee, as for documents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from oparl.clean import content_hash
from tracker.clock import BERLIN
from tracker.documents.answers import Marks, find_answers
from tracker.documents.grammar import DateContext
from tracker.documents.model import Consultation, Decision, Extraction
from tracker.documents.obligations import Obligations, find_obligations
from tracker.documents.outcomes import outcome_of
from tracker.errors import NoReference

#: The first two digits of the Amtlicher Gemeindeschlüssel name the Bundesland.
AGS_STATES: dict[str, str] = {
    "01": "SH",
    "02": "HH",
    "03": "NI",
    "04": "HB",
    "05": "NW",
    "06": "HE",
    "07": "RP",
    "08": "BW",
    "09": "BY",
    "10": "SL",
    "11": "BE",
    "12": "BB",
    "13": "MV",
    "14": "SN",
    "15": "ST",
    "16": "TH",
}


def _org_key(org: dict[str, Any]) -> dict[str, Any]:
    return {k: org.get(k) for k in ("id", "name", "shortName")}


@dataclass(frozen=True)
class ConsultationContext:
    """A consultation with the objects it points to (None or empty when unresolved)."""

    consultation: dict[str, Any]
    agenda_item: dict[str, Any] | None = None
    meeting: dict[str, Any] | None = None
    organizations: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class PaperContext:
    """A paper and what the sync resolved around it."""

    paper: dict[str, Any]
    body: dict[str, Any]
    consultations: tuple[ConsultationContext, ...] = ()
    directing: tuple[dict[str, Any], ...] = ()
    files: tuple[dict[str, Any], ...] = ()

    def as_json(self) -> dict[str, Any]:
        """Everything the mapping reads, for hashing (equal input, equal facts)."""
        return {
            "paper": self.paper,
            "body": {k: self.body.get(k) for k in ("id", "name", "shortName", "ags")},
            "consultations": [
                {
                    "c": c.consultation,
                    "a": c.agenda_item,
                    "m": {k: (c.meeting or {}).get(k) for k in ("id", "name", "start")},
                    "o": [_org_key(o) for o in c.organizations],
                }
                for c in self.consultations
            ],
            "directing": [_org_key(o) for o in self.directing],
            "files": [{k: f.get(k) for k in ("id", "text")} for f in self.files],
        }


#: Reads the operative text:
#: ``(text, kind, outcome, decided_on, paper_date, consultations) -> Obligations``.
TextReader = Callable[
    [str, str | None, str | None, date | None, date | None, tuple[Consultation, ...]],
    Obligations,
]


def read_obligations(
    operative: str,
    kind: str | None,
    outcome: str | None,
    decided_on: date | None,
    paper_date: date | None,
    consultations: tuple[Consultation, ...],
) -> Obligations:
    """The document reader's obligations grammar on an operative text (the default reader).

    Relative terms run from the decision; a year-less term takes its year from the decision,
    else from the paper's date.
    """
    return find_obligations(
        operative,
        context=DateContext(decision_date=decided_on, reference_date=decided_on or paper_date),
        kind=kind,
        outcome=outcome,
        proposal=None,
        consultations=consultations,
    )


def text(obj: dict[str, Any] | None, key: str) -> str | None:
    """A string field with its whitespace collapsed, None when absent or not a string."""
    if obj is None:
        return None
    value = obj.get(key)
    if isinstance(value, str):
        squashed = " ".join(value.split())
        return squashed or None
    return None


def day_of(value: Any) -> date | None:
    """The Berlin date of an OParl date or date-time, None when unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(BERLIN).date()


def body_name(body: dict[str, Any]) -> str:
    """The council's name as the motion's ``body``."""
    return text(body, "name") or text(body, "shortName") or str(body.get("id", ""))


def state_of_body(body: dict[str, Any], default: str | None) -> str | None:
    """The Bundesland from the body's AGS, else ``default``."""
    ags = text(body, "ags")
    if ags and ags[:2] in AGS_STATES:
        return AGS_STATES[ags[:2]]
    return default


def organization_names(orgs: Sequence[dict[str, Any]]) -> str | None:
    """The names of organizations, joined; None when there are none."""
    names = [n for n in (text(o, "name") or text(o, "shortName") for o in orgs) if n]
    return "; ".join(dict.fromkeys(names)) or None


def _committee(c: ConsultationContext) -> str | None:
    return organization_names(c.organizations) or text(c.meeting, "name")


def _role(c: ConsultationContext) -> str | None:
    role = text(c.consultation, "role")
    if role:
        return role
    authoritative = c.consultation.get("authoritative")
    if authoritative is True:
        return "Entscheidung"
    if authoritative is False:
        return "Vorberatung"
    return None


def _on(c: ConsultationContext) -> date | None:
    for source, key in ((c.meeting, "start"), (c.agenda_item, "start"), (c.meeting, "end")):
        if source is not None and (day := day_of(source.get(key))) is not None:
            return day
    return None


def _decision(consultations: Sequence[ConsultationContext], warnings: list[str]) -> Decision | None:
    candidates: list[tuple[bool, date, Decision]] = []
    for c in consultations:
        result = text(c.agenda_item, "result")
        if result is None:
            continue
        outcome = outcome_of(result)
        if outcome is None:
            warnings.append(f"result {result!r} of {c.consultation.get('id')} names no outcome")
            continue
        on = _on(c)
        decision = Decision(
            outcome=outcome,
            date=on,
            committee=_committee(c),
            text=text(c.agenda_item, "resolutionText") or result,
        )
        authoritative = c.consultation.get("authoritative") is True
        candidates.append((authoritative, on or date.min, decision))
    if not candidates:
        return None
    return max(candidates, key=lambda item: (item[0], item[1]))[2]


def operative_text(
    consultations: Sequence[ConsultationContext], files: Sequence[dict[str, Any]]
) -> str | None:
    """The resolution text, else a resolution file's text, else the paper's files' text."""
    ranked = sorted(consultations, key=lambda c: c.consultation.get("authoritative") is not True)
    sources: list[Any] = [c.agenda_item.get("resolutionText") for c in ranked if c.agenda_item]
    for c in ranked:
        item = c.agenda_item.get("resolutionFile") if c.agenda_item else None
        if isinstance(item, dict):
            sources.append(item.get("text"))
    sources += [f.get("text") for f in files]
    for value in sources:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def map_paper(
    ctx: PaperContext,
    *,
    default_state: str | None,
    reader: TextReader | None = read_obligations,
) -> Extraction:
    """The facts of a paper as an :class:`Extraction`, as ``tracker ingest`` records them.

    ``file`` and ``source_name`` are the paper's id, ``sha256`` the hash of everything read
    (:meth:`PaperContext.as_json`), ``layout`` is ``oparl``. Raises
    :class:`~tracker.errors.NoReference` for a paper without a reference.
    """
    paper = ctx.paper
    source_id = str(paper.get("id", ""))
    reference = text(paper, "reference")
    if reference is None:
        raise NoReference(source_id, "the paper has no reference (Drucksachen-Nr.)")
    warnings: list[str] = []
    kind = text(paper, "paperType")
    consultations = tuple(
        Consultation(_committee(c), _on(c), _role(c), text(c.agenda_item, "result"))
        for c in ctx.consultations
    )
    decision = _decision(ctx.consultations, warnings)
    operative = operative_text(ctx.consultations, ctx.files)
    found = Obligations((), (), None, ())
    if operative and reader is not None:
        found = reader(
            operative,
            kind,
            decision.outcome if decision else None,
            decision.date if decision else None,
            day_of(paper.get("date")),
            consultations,
        )
        warnings.extend(found.warnings)
    office = organization_names(ctx.directing[:1])
    return Extraction(
        file=source_id,
        source_name=source_id,
        sha256=content_hash(ctx.as_json()),
        layout="oparl",
        reference=reference,
        title=text(paper, "name") or reference,
        kind=kind,
        body=body_name(ctx.body),
        state=state_of_body(ctx.body, default_state),
        consultations=consultations,
        decision=decision,
        proposal=None,
        addressee=found.addressee or office,
        office=office,
        initiators=(),
        deadlines=found.deadlines,
        reports=found.reports,
        amounts_eur=(),
        warnings=tuple(warnings),
        marks=Marks(
            answers=find_answers(_own_text(ctx)),
            non_public=_non_public(ctx.consultations),
            dated=day_of(paper.get("date")),
        ),
    )


def _own_text(ctx: PaperContext) -> str:
    """What the paper says of itself: its name and its main file's text (where a
    Mitteilung says "In Erledigung der Drucksache ..."), for the answer rules."""
    main = ctx.paper.get("mainFile")
    main_id = main.get("id") if isinstance(main, dict) else main
    texts = [text(ctx.paper, "name") or ""]
    for f in ctx.files:
        if main_id is not None and f.get("id") == main_id and isinstance(f.get("text"), str):
            texts.append(f["text"])
    return "\n".join(texts)


def _non_public(consultations: Sequence[ConsultationContext]) -> str | None:
    """ "agendaItem.public: false" when every agenda item the paper is on says so (a paper
    on no agenda item, or on a public one, is not marked)."""
    items = [c.agenda_item for c in consultations if c.agenda_item is not None]
    if items and all(item.get("public") is False for item in items):
        return "OParl: agendaItem.public = false"
    return None

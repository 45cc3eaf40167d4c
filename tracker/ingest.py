"""Recording what a council document says: one document, one atomic save.

:func:`record_extraction` turns an :class:`~tracker.documents.model.Extraction` into commands
on its motion, all saved together: a document is stored whole or not at all. The same
document again appends nothing (every command is idempotent); a changed version appends only
what changed: a new consultation or decision, a new deadline, an extended labelled deadline
(``Erledigungsfrist:`` with a later date), a corrected title.

OParl sync records through the same function, with OParl provenance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from uuid import UUID

from events.motion import DeadlineExtended, DeadlineSet, ReportObligationSet, ReviewRequested
from events.values import (
    BINDING_OUTCOMES,
    DeadlineKind,
    Outcome,
    Provenance,
    Recurrence,
    ReportKind,
)
from tracker.deadlines import period_end
from tracker.defaults import TermDefaults, session_committee
from tracker.documents import display_name, document_paths, extract_file
from tracker.documents.model import Extraction, ReviewItem, council_date
from tracker.errors import DateOrderError, InputError, TrackerError
from tracker.identity import motion_id, reference_key
from tracker.logs import bound_contextvars, get_logger
from tracker.motion import AnsweredPaper, Meta, Motion
from tracker.service import TrackerService
from tracker.state import committee as motion_committee
from tracker.state import decision_date

log = get_logger()

#: The body a document is recorded under when the reader found none (it is also flagged
#: for review, so a person names the body with ``tracker correct``).
UNKNOWN_BODY = "Gremium unbekannt"

#: Deadlines read from a labelled field (``Erledigungsfrist: ...``; the reader names their rule
#: ``label:<date rule>``): a later date in a new version of the document extends them.
LABELLED_PREFIX = "label"


def is_labelled(rule: str) -> bool:
    """True for a deadline read from a labelled field."""
    return rule.startswith(LABELLED_PREFIX)


@dataclass
class DocumentResult:
    """What ingesting one document did."""

    file: str
    reference: str | None = None
    key: str | None = None
    motion_id: str | None = None
    new_motion: bool = False
    appended: int = 0
    deadlines: int = 0
    reports: int = 0
    review: int = 0
    nothing_to_record: bool = False
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "reference": self.reference,
            "key": self.key,
            "motion": self.motion_id,
            "new_motion": self.new_motion,
            "appended": self.appended,
            "deadlines": self.deadlines,
            "reports": self.reports,
            "review": self.review,
            "nothing_to_record": self.nothing_to_record,
            "warnings": self.warnings,
            "error": self.error,
        }


@dataclass
class IngestSummary:
    """Totals over a run of ``tracker ingest``."""

    documents: int = 0
    motions_new: int = 0
    motions_updated: int = 0
    unchanged: int = 0
    events: int = 0
    deadlines: int = 0
    review: int = 0
    nothing_to_record: int = 0
    warnings: int = 0
    failures: int = 0

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.warnings += len(result.warnings)
        if result.error is not None:
            self.failures += 1
            return
        if result.nothing_to_record:
            self.nothing_to_record += 1
            return
        self.review += result.review
        self.events += result.appended
        self.deadlines += result.deadlines
        if result.new_motion:
            self.motions_new += 1
        elif result.appended:
            self.motions_updated += 1
        else:
            self.unchanged += 1

    def as_json(self) -> dict[str, int]:
        return dict(vars(self))


def _outcome(value: str) -> Outcome:
    try:
        return Outcome(value)
    except ValueError:
        raise InputError(f"unknown decision outcome {value!r}") from None


def record_extraction(
    service: TrackerService,
    extraction: Extraction,
    *,
    provenance: Provenance | None = None,
    state: str | None = None,
    dry_run: bool = False,
) -> DocumentResult:
    """Record one document's facts on its motion in one save (nothing with ``dry_run``).

    A document without a number of its own is recorded under its key (the meeting date and
    TOP, else its hash) and its review items say so; one without a body under
    :data:`UNKNOWN_BODY`. A document without a number that yields nothing to follow up
    (no obligation, nothing to review) is not recorded: ``nothing_to_record``.
    """
    key = extraction.motion_key
    result = DocumentResult(file=extraction.file, reference=extraction.reference or None, key=key)
    answers = extraction.marks.answers if extraction.marks is not None else ()
    if not extraction.reference and not (
        extraction.deadlines or extraction.reports or extraction.review or answers
    ):
        result.nothing_to_record = True
        result.warnings = list(extraction.warnings)
        return result
    body = extraction.body or UNKNOWN_BODY
    prov = provenance or Provenance.document(extraction.source_name, extraction.sha256)
    dated = extraction.marks.dated if extraction.marks is not None else None
    meta = Meta(
        # the council's date, else the date the document bears (never the day it was read)
        effective=council_date(extraction.decision, extraction.consultations) or dated,
        provenance=prov,
        at=service.clock.now(),
    )
    mid = motion_id(body, key)
    result.motion_id = str(mid)
    warnings = list(extraction.warnings)

    def create() -> Motion:
        return Motion.register(
            body=body,
            reference=key,
            title=extraction.title or key,
            kind=extraction.kind,
            state=extraction.state or state,
            initiators=list(extraction.initiators),
            meta=meta,
        )

    def command(motion: Motion) -> None:
        warnings[:] = list(extraction.warnings)  # a retried attempt starts afresh
        _apply(motion, extraction, meta, warnings, service.defaults)
        pending = motion.pending_events
        result.deadlines = sum(isinstance(e, DeadlineSet | DeadlineExtended) for e in pending)
        result.reports = sum(isinstance(e, ReportObligationSet) for e in pending)
        result.review = sum(isinstance(e, ReviewRequested) for e in pending)
        if dry_run:
            result.appended = len(motion.collect_events())
            result.new_motion = motion.version == result.appended

    _, change = service.change(mid, command, create=create)
    motion = change.motion
    if not dry_run:
        result.appended = change.appended
        result.new_motion = motion.version == change.appended
        # Links to other motions are their own saves: a report on a motion already in the
        # log, and the reports that waited for this one (a failed link is made again the
        # next time either document is ingested).
        result.appended += link_answers(service, motion, new=result.new_motion)
    result.warnings = warnings
    log.info(
        "document_recorded",
        file=extraction.file,
        reference=motion.reference,
        appended=result.appended,
        dry_run=dry_run,
    )
    return result


def _at(meta: Meta, effective: date | None, council: date | None) -> Meta:
    """``meta`` effective on ``effective`` when the document gives that fact a date, else
    on the council's date (a session's facts are never dated by the document's own date)."""
    return replace(meta, effective=effective or council)


def _apply(
    motion: Motion, ex: Extraction, meta: Meta, warnings: list[str], defaults: TermDefaults
) -> None:
    """The commands one document implies, in the order things happen in the council."""
    council = council_date(ex.decision, ex.consultations)
    if ex.title:  # a no-op unless a newer version of the document changed the title
        motion.correct(
            field_name="title",
            value=" ".join(ex.title.split()),
            reason="a newer version of the document",
            meta=meta,
        )
    if ex.marks is not None and ex.marks.non_public and motion.visibility_changes == 0:
        # The document says nichtöffentlich; a person's marking (either way) is not undone.
        motion.mark_visibility(public=False, reason=f"document: {ex.marks.non_public}", meta=meta)
    for c in ex.consultations:
        motion.record_consultation(
            committee=c.committee, role=c.role, result=c.result, meta=_at(meta, c.date, council)
        )
    if ex.decision is not None:
        motion.record_decision(
            committee=ex.decision.committee,
            outcome=_outcome(ex.decision.outcome),
            text=ex.decision.text,
            meta=_at(meta, ex.decision.date, council),
        )
    if ex.addressee or ex.office:
        motion.assign_addressee(
            addressee=ex.addressee or motion.addressee, office=ex.office or motion.office, meta=meta
        )
    # A report duty found both as a dated report deadline and as a report obligation is one
    # duty: a recurring one keeps the obligation (it yields the occurrences), a one-off one
    # keeps the deadline.
    recurring_dues = {r.due for r in ex.reports if r.recurrence != "once" and r.due}
    report_dues = {d.date for d in ex.deadlines if d.kind == "report" and d.date}
    for d in ex.deadlines:
        if d.kind == "report" and d.date in recurring_dues:
            continue
        kind = DeadlineKind(d.kind)
        due, rule = d.date, d.rule
        if due is None:
            recorded = motion.find_deadline(kind, d.text)
            if recorded is not None:  # recorded before (resolved or not): it stands
                if recorded.due is not None:
                    _drop_no_date(warnings, d.text)
                continue
            due, rule = _resolve(motion, d.text, d.rule, defaults, meta.effective)
            if due is not None:  # a configured rule dated it: the reader's warning is moot
                _drop_no_date(warnings, d.text)
        try:
            if _extends_labelled(motion, d.rule, kind, d.date, d.text, meta):
                continue
            motion.set_deadline(
                kind=kind,
                due=due,
                window_start=d.window_start,
                phrase=d.text,
                rule=rule,
                meta=meta,
            )
        except DateOrderError as exc:
            warnings.append(f"deadline {d.text!r} not recorded: {exc}")
    if not motion.deadlines and not any(r.due for r in ex.reports):
        _statutory_default(motion, defaults, meta, warnings)
    for r in ex.reports:
        if r.recurrence == "once" and r.due in report_dues:
            continue
        try:
            motion.set_report_obligation(
                recipient=r.recipient,
                recurrence=Recurrence(r.recurrence),
                first_due=r.due,
                phrase=r.text,
                meta=meta,
            )
        except DateOrderError as exc:
            warnings.append(f"report duty {r.text!r} not recorded: {exc}")
    for answer in ex.marks.answers if ex.marks is not None else ():
        answer_kind = ReportKind(answer.kind)
        if reference_key(answer.reference) == reference_key(motion.reference):
            # a report that carries the number of what it answers (Berlin's Vorlage zur
            # Kenntnisnahme): on this very motion
            motion.record_answer(
                report_kind=answer_kind, document_reference=ex.source_name, meta=meta
            )
            continue
        motion.file_answer(
            answered_reference=answer.reference,
            report_kind=answer_kind,
            phrase=answer.phrase,
            rule=answer.rule,
            meta=meta,
        )
    review = list(ex.review)
    if not ex.reference:  # recorded under a key made from the document: a person names it
        review.append(ReviewItem("no_reference", ex.title or ex.source_name, "key"))
    for item in review:
        motion.request_review(
            reason=item.reason,
            phrase=item.phrase,
            rule=item.rule,
            document=ex.source_name,
            meta=meta,
        )


def link_answers(service: TrackerService, motion: Motion, *, new: bool = True) -> int:
    """Record the reports that link ``motion`` with the motions it answers and with those
    whose documents answer it (``ReportSubmitted`` on the answered motion, its
    ``document_reference`` naming the answering one); the number of events appended.

    An answer to a motion not in the log yet waits (its ``AnswerFiled``) until that motion
    is recorded; only a ``new`` motion is looked up among them (an answer to a motion in
    the log was linked when it came). A report recorded before is not repeated.
    """
    appended = 0
    for answer in motion.answers:
        target = service.answered_target(answer.reference, motion.body)
        if target is None or target == motion.id:
            continue
        appended += _report_on(service, target, answer, motion.reference)
    for mid in service.answering_ids(motion.reference) if new else ():
        if mid == motion.id:
            continue
        other = service.get(mid)
        key = reference_key(motion.reference)
        if service.answered_target(motion.reference, other.body) != motion.id:
            continue
        for answer in other.answers:
            if reference_key(answer.reference) == key:
                appended += _report_on(service, motion.id, answer, other.reference)
    return appended


def _report_on(service: TrackerService, target: UUID, answer: AnsweredPaper, by: str) -> int:
    meta = Meta(effective=answer.on, provenance=answer.provenance, at=service.clock.now())
    _, change = service.change(
        target,
        lambda m: m.record_answer(report_kind=answer.report_kind, document_reference=by, meta=meta),
    )
    return change.appended


def _start(motion: Motion, fallback: date | None) -> date | None:
    """The day a period runs from: the latest binding decision, else the document's date."""
    decided = decision_date(motion.life)
    return date.fromisoformat(decided) if decided else fallback


def _drop_no_date(warnings: list[str], phrase: str) -> None:
    """Remove the reader's "no date for 'phrase'" warning: the term got a date here (its
    rule and date are in the DeadlineSet, and ``show`` explains them)."""
    warnings[:] = [w for w in warnings if not w.startswith(f"no date for {phrase!r}")]


def _resolve(
    motion: Motion, phrase: str, rule: str, defaults: TermDefaults, fallback: date | None
) -> tuple[date | None, str]:
    """A due date for an undated term the configured rules date (tracker.defaults): a vague
    term after ``soft_days`` (rule ``soft:<days>``), the next session of a committee from
    the calendar (``meeting:<committee>``); else ``(None, rule)`` as read."""
    start = _start(motion, fallback)
    if start is None:
        return None, rule
    if rule == "soft_term":
        return period_end(start, days=defaults.soft_days), f"soft:{defaults.soft_days}"
    named = session_committee(
        rule, phrase, decided_by=motion_committee(motion.life), body=motion.body
    )
    if named is not None:
        session = defaults.calendar.next_session(named, start)
        if session is not None:
            return session.day, f"meeting:{session.committee}"
    return None, rule


def _statutory_default(
    motion: Motion, defaults: TermDefaults, meta: Meta, warnings: list[str]
) -> None:
    """A statutory default term when the text sets none (tracker.defaults), run from the
    decision; the document is its provenance."""
    decision = motion.decision
    if decision is not None and decision.outcome not in BINDING_OUTCOMES:
        return
    statute = defaults.statute_for(body=motion.body, state=motion.state, kind=motion.kind)
    start = _start(motion, meta.effective)
    if statute is None or start is None:
        return
    try:
        motion.set_deadline(
            kind=DeadlineKind(statute.obligation),
            due=statute.due(start),
            window_start=None,
            phrase=statute.phrase,
            rule=statute.rule,
            meta=meta,
        )
    except DateOrderError as exc:
        warnings.append(f"statutory term {statute.statute} not recorded: {exc}")


def _extends_labelled(
    motion: Motion, rule: str, kind: DeadlineKind, due: date | None, text: str, meta: Meta
) -> bool:
    """A labelled deadline that moved later in a new version is an extension."""
    if not is_labelled(rule) or due is None or motion.find_deadline(kind, text):
        return False
    for d in motion.deadlines.values():
        if is_labelled(d.rule) and d.kind == kind and d.is_open and d.due and due > d.due:
            motion.extend_deadline(
                d.deadline_id,
                new_due=due,
                reason=f"new version of the document: {text}",
                meta=meta,
            )
            return True
    return False


def ingest_paths(
    service: TrackerService,
    paths: Iterable[Path],
    *,
    state: str | None = None,
    max_bytes: int = 20 * 1024 * 1024,
    dry_run: bool = False,
) -> Iterator[DocumentResult]:
    """Extract and record each document; a failing document is reported, the rest go on."""
    for path in document_paths(paths):
        with bound_contextvars(file=display_name(path)):
            try:
                extraction = extract_file(path, state=state, max_bytes=max_bytes)
                result = record_extraction(service, extraction, state=state, dry_run=dry_run)
            except TrackerError as exc:
                log.warning("document_failed", reason=str(exc))
                result = DocumentResult(file=display_name(path), error=str(exc))
        yield result

"""Reading council documents: plain text, saved HTML pages and PDFs -> :class:`Extraction`.

::

    extract_file(path)            one file (text in UTF-8 or Windows-1252, HTML, PDF)
    extract_text(text, name=...)  text already in hand
    document_paths(paths)         files as given, folders expanded (.txt .htm .html .pdf)

The layout (ALLRIS, Hamburg, SessionNet, Bürgerinfo, Politik bei Uns, generic) is detected
from the text; the German deadline grammar lives in :mod:`tracker.documents.grammar`.
Only :class:`~tracker.errors.DocumentError` subclasses are raised, each naming the file
and the reason. Nothing here touches the event store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from tracker.deadlines import check_state
from tracker.documents.amounts import find_amounts
from tracker.documents.answers import find_marks
from tracker.documents.dates import paper_date
from tracker.documents.grammar import DateContext, single_year
from tracker.documents.keys import motion_key
from tracker.documents.kinds import guessed_kind, reported_kind
from tracker.documents.layouts import Header
from tracker.documents.model import (
    OUTCOMES,
    Consultation,
    Deadline,
    Decision,
    Extraction,
    Report,
    ReviewItem,
    council_date,
)
from tracker.documents.obligations import find_obligations
from tracker.documents.places import state_of
from tracker.documents.sources import display_name, read_bytes, read_source
from tracker.documents.systems import read_header
from tracker.documents.text import normalize
from tracker.errors import EmptyDocument, UnreadableDocument
from tracker.logs import get_logger

__all__ = [
    "DEFAULT_MAX_BYTES",
    "OUTCOMES",
    "SUFFIXES",
    "Consultation",
    "Deadline",
    "Decision",
    "Extraction",
    "Report",
    "display_name",
    "document_paths",
    "extract_file",
    "extract_text",
]

#: The default size limit of one document (20 MB).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: File name endings that :func:`document_paths` picks up inside folders.
SUFFIXES: frozenset[str] = frozenset({".txt", ".htm", ".html", ".pdf"})

log = get_logger()


def document_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by their documents (sorted, recursively).

    Raises :class:`~tracker.errors.UnreadableDocument` for a path that does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        elif path.exists():
            found.append(path)
        else:
            raise UnreadableDocument(display_name(path), "no such file or folder")
    return found


def extract_file(
    path: Path,
    *,
    state: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Extraction:
    """Read one council document and extract its facts.

    ``state`` (a Bundesland code such as ``BE``) overrides the state read from the text.
    No readable document is refused: one without a Drucksachen-Nr. has an empty
    ``reference`` and a ``key`` made from its text (:mod:`tracker.documents.keys`).
    Raises only :class:`~tracker.errors.DocumentError` subclasses: EmptyDocument,
    BinaryDocument, ImageOnlyDocument, DocumentTooLarge, UnreadableDocument;
    an unknown ``state`` code is a usage error (:class:`~tracker.errors.ConfigurationError`),
    raised before the file is read.
    """
    wanted_state = check_state(state)
    name = display_name(path)
    data = read_bytes(path, max_bytes)
    source = read_source(data, name)
    extraction = _extract(
        source.text,
        name=name,
        state=wanted_state,
        sha256=_sha256(data),
    )
    log.debug(
        "document extracted",
        file=name,
        format=source.format,
        layout=extraction.layout,
        reference=extraction.reference,
        deadlines=len(extraction.deadlines),
    )
    return extraction


def extract_text(text: str, *, name: str, state: str | None = None) -> Extraction:
    """Extract the facts of a document whose text is already in hand.

    ``sha256`` is then the hash of the UTF-8 encoded text (lone surrogates replaced).
    """
    return _extract(
        text,
        name=name,
        state=state,
        sha256=_sha256(text.encode("utf-8", "replace")),
    )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _extract(raw: str, *, name: str, state: str | None, sha256: str) -> Extraction:
    wanted_state = check_state(state)
    text = normalize(raw)
    if not text.strip():
        raise EmptyDocument(name, "the document has no text")
    header = read_header(text)
    warnings: list[str] = []
    if not header.reference:
        warnings.append("no Drucksachen-Nr. found: the document is keyed by its text")
    context = DateContext(
        decision_date=_decision_date(header),
        reference_date=_document_date(header),
        text_year=single_year(text),
    )
    obligations = find_obligations(
        text,
        context=context,
        kind=header.kind,
        outcome=_fate(header),
        proposal=header.proposal,
        consultations=header.consultations,
    )
    detected_state = state_of(text, header.body)
    warnings.extend(obligations.warnings)
    if wanted_state is None and detected_state is None:
        warnings.append("Bundesland not recognised; give the state explicitly")
    for field, value in (("title", header.title), ("kind", header.kind), ("body", header.body)):
        if value is None:
            warnings.append(f"no {field} found")
    review = list(obligations.review)
    if obligations.deadlines or obligations.reports or review:
        # Something to follow up: what is missing to record it becomes a reason to look.
        for reason, missing in (
            ("no_body", header.body is None),
            ("no_kind", header.kind is None),
        ):
            if missing:
                review.append(ReviewItem(reason, header.title or Path(name).name, "header"))
    return Extraction(
        file=name,
        source_name=Path(name).name,
        sha256=sha256,
        layout=header.layout,
        reference=header.reference or "",
        title=header.title,
        kind=reported_kind(header.kind) or guessed_kind(text),
        body=header.body,
        state=wanted_state or detected_state,
        consultations=header.consultations,
        decision=header.decision,
        proposal=header.proposal,
        addressee=obligations.addressee or header.addressee or header.office,
        office=header.office,
        initiators=header.initiators,
        deadlines=obligations.deadlines,
        reports=obligations.reports,
        amounts_eur=tuple(find_amounts(text)),
        warnings=tuple(warnings),
        review=tuple(review),
        key=motion_key(
            header.reference,
            text,
            council_date(header.decision, header.consultations) or header.date,
            sha256,
        ),
        marks=find_marks(text, header.date),
    )


def _fate(header: Header) -> str | None:
    """What became of the paper's own proposal, for its terms: the decision read, unless a
    Vorlage tells a rejection dated before its own date ("Die Stadtverordnetenversammlung hat
    am 13.03.2025 den Antrag ... abgelehnt und ... um eine Gesamtkonzeption gebeten, die
    hiermit vorgelegt wird"): that is an earlier motion's fate, not this paper's."""
    decision = header.decision
    if decision is None:
        return None
    if (
        decision.outcome in ("rejected", "withdrawn")
        and header.kind is not None
        and "vorlage" in header.kind.lower()
        and header.date is not None
    ):
        told = paper_date(decision.text)
        if told is not None and told < header.date:
            return None
    return decision.outcome


def _decision_date(header: Header) -> date | None:
    return header.decision.date if header.decision else None


def _document_date(header: Header) -> date | None:
    """The date that completes year-less terms when no decision is known: the last
    consultation, else the document's own date."""
    dated = [c.date for c in header.consultations if c.date is not None]
    return dated[-1] if dated else header.date

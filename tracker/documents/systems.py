"""Publishing systems as data: how each one's pages are recognised and read.

A council information system (ALLRIS, SessionNet, Bürgerinfo, Hamburg's Bezirks-RIS,
Politik bei Uns) is a :class:`Profile`: its detection marks, the labels that carry its
committee and meeting date, where the paper's own text starts, the kind its pages are when
they name none, and, only where data cannot say it, a small ``refine`` step. The generic
reader (:mod:`tracker.documents.layouts`) reads every document; the profile adds what its
system means. A new system is a new profile here and documents in the corpus, without
touching the others.

:func:`read_header` reads a text with the profile it carries (else generically), then
settles its kind and a decision stated in the present.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from tracker.documents.dates import parse_date
from tracker.documents.fields import known_kind, label_value
from tracker.documents.layouts import (
    AUSZUG,
    DECISION_STRONG,
    KIND_SUFFIX,
    Header,
    decided_in_present,
    read_generic,
    settled_kind,
    split_initiators,
)
from tracker.documents.model import Consultation, Decision
from tracker.documents.outcomes import outcome_of
from tracker.documents.text import drop_page_chrome, lines_of, sentences, squash
from tracker.documents.vocabulary import COUNCILS


@dataclass(frozen=True)
class Marks:
    """One way to recognise a system's page; every mark given must hold.

    ``first_line``: the first line's shape; ``head_line``: some line of the first six;
    ``lines``: groups of whole lines, one of each group among the first ``within`` lines
    (all lines when ``within`` is 0); ``text``: one of these strings anywhere.
    """

    first_line: re.Pattern[str] | None = None
    head_line: re.Pattern[str] | None = None
    lines: tuple[tuple[str, ...], ...] = ()
    within: int = 12
    text: tuple[str, ...] = ()

    def hold(self, text: str, lines: list[str]) -> bool:
        if self.first_line is not None and not (lines and self.first_line.search(lines[0])):
            return False
        if self.head_line is not None and not any(self.head_line.match(x) for x in lines[:6]):
            return False
        scope = set(lines[: self.within] if self.within else lines)
        if any(not scope.intersection(group) for group in self.lines):
            return False
        return not self.text or any(mark in text for mark in self.text)


Refine = Callable[[str, Header, "Profile"], Header]


@dataclass(frozen=True)
class Profile:
    """A publishing system: how to recognise it (any of ``marks``) and what it means."""

    name: str
    marks: tuple[Marks, ...]
    #: the paper's own text starts after this line (a page that wraps a file)
    content_after: str | None = None
    #: the kind of its pages when they name none
    default_kind: str | None = None
    #: the labels of the committee and the meeting date on its pages
    committee_label: str | None = None
    date_label: str | None = None
    #: labels of its own that carry the paper's number and its title
    reference_labels: tuple[str, ...] = ()
    title_labels: tuple[str, ...] = ()
    #: how its export is turned into plain labelled lines before reading, when it must be
    prepare: Callable[[str], str] | None = None
    refine: Refine | None = None

    def detect(self, text: str, lines: list[str]) -> bool:
        return any(m.hold(text, lines) for m in self.marks)

    def read(self, text: str) -> Header:
        content = text.split(self.content_after, 1)[1] if self.content_after else text
        if self.prepare is not None:
            content = self.prepare(content)
        header = replace(read_generic(content), layout=self.name)
        if self.default_kind and header.kind is None:
            header = replace(header, kind=self.default_kind)
        lines = lines_of(content)
        if self.reference_labels and header.reference is None:
            value = label_value(lines, self.reference_labels)
            number = re.match(r"\S+", value or "")
            header = replace(header, reference=number.group(0) if number else None)
        if self.title_labels:
            header = replace(header, title=label_value(lines, self.title_labels) or header.title)
        return self.refine(text, header, self) if self.refine else header


# --- what data cannot say -----------------------------------------------------------------


def _hamburg_title(text: str, header: Header, profile: Profile) -> Header:
    """The number alone on the first line, the title with its ``(Antrag der ...)`` below it,
    up to the kind word."""
    lines = lines_of(text)
    title_lines: list[str] = []
    kind = header.kind
    for line in lines[1:6]:
        first_word = known_kind(line.split(" ")[0])
        if title_lines and first_word and len(line) < 40:
            kind = kind or first_word
            break
        title_lines.append(line)
    title, initiators = split_initiators(squash(" ".join(title_lines)) or None)
    if title:
        title = KIND_SUFFIX.sub("", title) or title
    return replace(
        header,
        reference=lines[0],
        title=title or header.title,
        kind=kind,
        initiators=initiators or header.initiators,
    )


def _minutes_excerpt(text: str, header: Header, profile: Profile) -> Header:
    """One agenda item of a committee's minutes: the decision is the last resolution,
    taken by the committee on the meeting date its labels give."""
    lines = lines_of(text)
    committee = label_value(lines, (profile.committee_label or "Gremium",), next_line=False)
    day = parse_date(label_value(lines, (profile.date_label or "Datum",), next_line=False) or "")
    decision = header.decision
    if decision is None:
        candidates = [s for s in sentences(text) if DECISION_STRONG.search(s)]
        if candidates:
            wording = squash(candidates[-1])
            outcome = outcome_of(wording)
            if outcome:
                decision = Decision(outcome, day, committee, wording)
    elif decision.date is None or decision.committee is None:
        # "Beschlussart: ohne Änderungen beschlossen" names no date: the meeting's labels do
        decision = replace(
            decision, date=decision.date or day, committee=decision.committee or committee
        )
    consultations = header.consultations or (
        (Consultation(committee, day, None, decision.text if decision else None),)
        if committee or day
        else ()
    )
    return replace(
        header,
        body=header.body or committee,
        consultations=consultations,
        decision=decision,
    )


# The heading of minutes inside a file's text that the export ran into one line:
# "ÖFFENTLICHE NIEDERSCHRIFT über die 26. Sitzung des Rates der Gemeinde Inden vom 28.06.2018"
_RUN_ON_MINUTES = re.compile(
    r"(?:(?:Öffentliche|ÖFFENTLICHE)\s+)?(?:Niederschrift|NIEDERSCHRIFT)\s+über\s+die\s+"
    r"(?:[^.:;]|(?<=\d)\.){5,150}?\s(?:am|vom)\s+\d{1,2}\.\d{1,2}\.\d{4}"
)
# The page's own heading names the file: "Öffentliche Niederschrift (Rat)", "Beschlusstext
# (Spielraumplanung hier: Antrag der Fraktionen ...)"
_FILE_HEADING = re.compile(r"^(?P<kind>[^()]{3,60}?)\s*\((?P<inner>.+)\)$")


# The file's type as the page's heading names it, where it is no kind word of its own.
_FILE_KINDS = {"Beschlusstext": "Beschluss", "Allgemeine Vorlage": "Vorlage"}


def _file_kind(heading: str | None) -> str | None:
    """The paper's type from the page's heading (``Beschlussvorlage (...)``, ``Beschlusstext
    (...)``, ``Öffentliche Niederschrift (Rat)``): the system's own record of it."""
    named = _FILE_HEADING.match(heading or "")
    if named is None:
        return None
    word = named.group("kind").strip()
    return _FILE_KINDS.get(word) or known_kind(word)


def _file_page(text: str, header: Header, profile: Profile) -> Header:
    """The page names the municipality (``Kommune``) and the file (its heading above
    ``Daten``, with the file's type); the paper may name neither: the body, the kind, and
    the title when the file's text yields none (the heading of minutes in it, else the
    page's heading)."""
    lines = lines_of(text)
    content = text.split(profile.content_after or "", 1)[-1]
    heading = next(
        (lines[i - 1] for i in range(1, min(len(lines), 12)) if lines[i] == "Daten"), None
    )
    given = _file_kind(heading)
    if given:
        header = replace(header, kind=given, kind_given=True)
    town = label_value(lines, ("Kommune",))
    # the page names its municipality: it is the body where the file names none or only a
    # council without a name (as the seeds annotate a Politik bei Uns page)
    if town and (header.body is None or header.body in COUNCILS):
        m = re.search(r"\b(?:Stadt|Gemeinde|Landkreis|Kreis)\s+" + re.escape(town), content)
        header = replace(header, body=m.group(0) if m else town)
    if header.title is None:
        minutes = _RUN_ON_MINUTES.search(content.strip()[:400])
        if minutes:
            header = replace(header, title=squash(minutes.group(0)))
        elif heading and len(heading) <= 200 and not heading.endswith("."):
            named = _FILE_HEADING.match(heading)
            inner = named.group("inner") if named else ""
            # "(Rat)" names the body; a longer inner text is the paper's own title
            title = inner if len(inner.split()) >= 3 else heading
            header = replace(header, title=squash(title))
    return header


def _unbulleted(text: str) -> str:
    """ALLRIS 4 lists its ``Grunddaten`` as bullets (``- Gremium:`` / ``- Rat der Stadt``):
    plain label and value lines for the generic reader."""
    return re.sub(r"(?m)^- ", "", text)


# --- the systems ----------------------------------------------------------------------------

PROFILES: tuple[Profile, ...] = (
    Profile(
        "politik_bei_uns",
        marks=(Marks(lines=(("Inhalt der Datei",), ("Dateiname", "Kommune")), within=0),),
        content_after="Inhalt der Datei",
        refine=_file_page,
    ),
    Profile(
        "buergerinfo",
        marks=(Marks(head_line=AUSZUG, text=("Gremium:", "TOP:")),),
        # an excerpt page is the paper it decides on: its Vorlage-Art is the kind (the seeds
        # annotate it so), "Auszug" only when it names none
        default_kind="Auszug",
        committee_label="Gremium",
        date_label="Datum",
        refine=_minutes_excerpt,
    ),
    Profile(
        "hamburg",
        marks=(
            Marks(
                first_line=re.compile(r"^\d{2}-\d{3,5}(?:\.\d{1,2})?$"),
                text=("Petitum", "Beratungsreihenfolge"),
            ),
        ),
        refine=_hamburg_title,
    ),
    Profile(
        "allris4",
        marks=(Marks(lines=(("Grunddaten",), ("- Gremium:", "- TOP:")), within=6),),
        prepare=_unbulleted,
        default_kind="Auszug",
    ),
    Profile(
        "allris",
        marks=(
            Marks(first_line=re.compile(r"^(?:Drucksache|Vorlage)\s+-\s+\S")),
            Marks(text=("Drucksache-Art:", "Drucksachenlebenslauf")),
        ),
    ),
    Profile(
        "sessionnet",
        marks=(Marks(lines=(("Betreff",), ("Vorlage", "Drucksache"), ("Art", "Vorlagenart"))),),
    ),
    # a SessionNet meeting page: "Status: Abgeschlossen", "Öffentliche Sitzung, 18:34 Uhr bis
    # 21:16 Uhr" and the list of TOPs: the record of a session held
    Profile(
        "sessionnet_meeting",
        marks=(
            Marks(
                head_line=re.compile(r"^Status:\s*Abgeschlossen"),
                text=("TOP-Nr.",),
            ),
        ),
        default_kind="Niederschrift",
        committee_label="Gremium",
        date_label="Datum",
    ),
    # a meeting page of the Munich RIS: "Vollversammlung (2019-10-02 09:00:00)", its agenda
    # "auf der Karte"
    Profile(
        "muenchen_meeting",
        marks=(Marks(text=("Tagesordnung auf der Karte",)),),
        default_kind="Tagesordnung",
        committee_label="Gremium",
        date_label="Datum",
    ),
)


def detect(text: str) -> Profile | None:
    """The profile whose marks ``text`` carries, or None for the generic reader."""
    lines = lines_of(text)
    return next((p for p in PROFILES if p.detect(text, lines)), None)


def read_header(text: str) -> Header:
    """Read ``text`` with the profile it carries, else generically; then settle its kind
    and a decision stated in the present on a page of minutes."""
    text = drop_page_chrome(text)
    profile = detect(text)
    header = profile.read(text) if profile else read_generic(text)
    header = replace(header, kind=settled_kind(text, header))
    return decided_in_present(text, header)


__all__ = ["PROFILES", "Marks", "Profile", "detect", "read_header"]

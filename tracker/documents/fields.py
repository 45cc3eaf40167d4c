"""Readers for the head of a council document, shared by every layout.

Labelled fields come in three shapes: ``Label: value`` on one line, ``Label`` on a line and
the value on the next, and table cells run together (``Status:öffentlichVorlage-Art:
Beschlussvorlage``), which :func:`label_value` cuts at the next known label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice

from tracker.documents.dates import DATE, parse_date
from tracker.documents.model import Consultation
from tracker.documents.outcomes import outcome_of, outcome_phrase
from tracker.documents.text import one_of, squash
from tracker.documents.vocabulary import (
    COUNCIL,
    COUNCILS,
    GIVEN_NAMES,
    MUNICIPALITIES,
    NAMED_COUNCIL,
)

LABELS: tuple[str, ...] = (
    "Betreff",
    "Status",
    "Initiator",
    "Initiatoren",
    "Verfasser",
    "Drucksache-Art",
    "Drucksachenart",
    "Vorlage-Art",
    "Vorlagenart",
    "Vorlagenart",
    "Dokumentart",
    "Art",
    "Einreicher",
    "Federführend",
    "Federführung",
    "Federführendes Amt",
    "Bearbeiter/-in",
    "Bearbeiter",
    "Sachbearbeiter",
    "Sachbearbeiter/-in",
    "Gremium",
    "Datum",
    "Zeit",
    "Raum",
    "Ort",
    "TOP",
    "Beratungsfolge",
    "Aktenzeichen",
    "Vorlage",
    "Drucksache",
    "Erledigungsfrist",
    "Eingereicht von",
    "Termin",
    "Zuständigkeit",
    "Dateiname",
    "Kommune",
    "Beteiligt",
    "Beteiligte Ämter",
    "Antragsteller",
    "Antragsteller/in",
    "Fraktion",
    "Titel",
    "Gegenstand",
    "Thema",
    "Vorlagen-Nr",
    "Drucksachen-Nr",
    "Sitzung",
    "Beschluss",
    "Abstimmungsergebnis",
    "Berichterstatter",
    "Berichterstatterin",
    "Ursprung",
    "Kurzbeschreibung",
    "Typ",
    "Ergebnis",
    "Beschlussart",
    "Wahlperiode",
    "Stand",
    "Verantwortlich",
)
_LABEL_AHEAD = re.compile(one_of(LABELS) + r"\s*:")

KINDS: tuple[str, ...] = (
    "Antrag",
    "Änderungsantrag",
    "Dringlichkeitsantrag",
    "Ergänzungsantrag",
    "Bürgerantrag",
    "Einwohnerantrag",
    "Beschlussantrag",
    "Ersetzungsantrag",
    "Beschlussvorlage",
    "Vorlage",
    "Informationsvorlage",
    "Mitteilungsvorlage",
    "Mitteilung",
    "Berichtsvorlage",
    "Beschlussempfehlung",
    "Verwaltungsstandpunkt",
    "Verwaltungsvorlage",
    "Stellungnahme",
    "Anfrage",
    "Kleine Anfrage",
    "Große Anfrage",
    "Einwohneranfrage",
    "Schriftliche Anfrage",
    "Mündliche Anfrage",
    "Auszug",
    "Niederschrift",
    "Protokoll",
    "Bericht",
    "Sachstandsbericht",
    "Zwischenbericht",
    "Schlussbericht",
    "Beschluss",
    "Empfehlung",
    "Resolution",
    "Petition",
    "Anregung",
    "Eingabe",
    "Vorlage zur Beschlussfassung",
    "Vorlage zur Kenntnisnahme",
    "Mitteilung zur Kenntnisnahme",
    "Informationsdrucksache",
    "Beantwortung",
    "Antwort",
    "Dringlichkeitsvorlage",
    "Ergänzungsvorlage",
    "Änderungsvorlage",
    "Sitzungsvorlage",
    "Mündliche Anfragen",
    "Kleine Anfragen",
    "Große Anfragen",
    "Mitteilungsdrucksache",
    "Beschlussdrucksache",
    "Antrag zur Beschlussfassung",
    "Vorlage zur Beschlussfassung",
    "Dringliche Vorlage zur Kenntnisnahme",
    "Dringliche Vorlage",
    "Auskunftsersuchen",
    "Verwaltungsvorlage",
    "Sachbericht",
    "Dringlicher Antrag",
)
_KIND_PREFIX = re.compile(
    "(" + one_of(KINDS) + ")"
    r"(?![a-zäöüß])"
)
ROLES: tuple[str, ...] = (
    "Entscheidung",
    "Vorberatung",
    "Beschlussfassung",
    "Kenntnisnahme",
    "Anhörung",
    "Beratung",
    "Empfehlung",
    "Zur Kenntnisnahme",
    "Zur Beratung",
    "Zur Entscheidung",
    "Vorberatend",
    "Beschließend",
    "Entscheidend",
    "Federführend",
    "Information",
    "Beratung und Beschluss",
    "Beratung und Empfehlung",
    "Beschlussempfehlung",
    "Vorabstimmung",
)
_ROLE_END = re.compile(
    r"\s*(?:\t|\s)(" + one_of(ROLES) + r")\s*$",
    re.IGNORECASE,
)
_ROLE_ONLY = re.compile(
    "^" + one_of(ROLES) + "$",
    re.IGNORECASE,
)
#: A whole row in one cell: "Schulausschuss Vorberatung 29.01.2025 empfohlen".
_ROW_IN_ONE_CELL = re.compile(
    r"^(?P<head>.*?\s" + one_of(ROLES) + r")\s+(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})"
    r"(?:\s+(?P<tail>.+))?$",
    re.IGNORECASE,
)


def label_names(names: Iterable[str]) -> str:
    """The alternation of a field's label names, each as written and in capitals (a label
    written in capitals is the same label: "BESCHLUSS:", "BETREFF:", "DATUM:")."""
    names = tuple(names)
    return one_of(names + tuple(name.upper() for name in names))


@lru_cache(maxsize=64)
def _label_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    label = label_names(names)
    inline = re.compile(r"(?:^|\t|(?<=[a-zäöüß\s]))" + label + r"\s*:\s*(?=\S)(.*)$")
    alone = re.compile("^" + label + r"\s*:?$")
    return inline, alone


def label_value(lines: list[str], names: Iterable[str], *, next_line: bool = True) -> str | None:
    """The value of the first field labelled with one of ``names`` (``Label: value``,
    ``Label:`` run into the previous cell, or ``Label`` alone with the value below)."""
    inline, alone = _label_patterns(tuple(names))
    for index, line in enumerate(lines):
        m = inline.search(line)
        if m:
            value = _first_cell(m.group(1))
            if value:
                return value
        if next_line and alone.match(line) and index + 1 < len(lines):
            following = lines[index + 1]
            if not _LABEL_AHEAD.match(following) and not alone.match(following):
                return _first_cell(following)
    return None


def _first_cell(value: str) -> str:
    m = _LABEL_AHEAD.search(value, 1)
    if m:
        value = value[: m.start()]
    cells = [c.strip() for c in value.split("\t") if c.strip()]
    return cells[0] if cells else ""


def known_kind(value: str | None) -> str | None:
    """The document type a value starts with: ``AntragBeschluss`` -> ``Antrag``."""
    if not value:
        return None
    for cell in value.split("\t"):
        cell = re.sub(r"^(?:nicht)?öffentliche[rs]?\s+", "", cell.strip())
        m = _KIND_PREFIX.match(cell)
        if m:
            return m.group(1)
    return None


def split_cells(value: str) -> list[str]:
    """Table cells of a value, also where an export ran them together (``IntegrationBezirks``)."""
    parts: list[str] = []
    for cell in value.split("\t"):
        parts.extend(re.split(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ][a-zäöüß])", cell))
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]


# --- references ----------------------------------------------------------------------

# A part of a number: letters with digits ("WP11"), digits with a letter or a series' letters
# ("062a", "02GV", "17HA").
_PART = r"(?:[A-ZÄÖÜ]{1,6}\d{0,4}|\d{1,6}(?:[a-z]|[A-Z]{2,4})?)"
# Kinds that label a paper's own number ("Antrag Nr. 15-0268/2015"); a Beschluss-Nr. is not one.
_LABEL_KINDS = frozenset(KINDS) - {
    "Beschluss",
    "Empfehlung",
    "Antwort",
    "Beantwortung",
    "Protokoll",
    "Niederschrift",
    "Auszug",
    "Eingabe",
    "Anregung",
    "Bericht",
    "Sachbericht",
}
_REF = r"(?=[A-Z0-9/ .-]*\d)" + _PART + r"(?:(?:/|-|\s/\s)" + _PART + r"){1,5}(?:\.\d{1,3})?"
_REF_LABEL = (
    "(?:"
    + one_of({*_LABEL_KINDS, "Drucksachen", "Drucksache", "Vorlagen"})
    + r"(?:\s*-?\s*(?:Nr\.?|Nummer)|nummer)?|"
    r"Drucks\.\s*(?:Nr\.?)?|"
    r"Drs\.\s*(?:Nr\.?)?|DS-?\s?Nr\.?|Ds\.|DS|VO-?Nr\.?|Vorlagen?-?Nr\.?|Drucksachen?-?Nr\.?|"
    r"Nr\.(?:\s+der\s+(?:Rats|Kreistags)?[Dd]rucksache)?)"
)
# After a label, a number may carry a letter prefix of its series: "Vorlage Nr.: AN 0088/2018".
# Not a parcel's or a house's number: "Fl.Nr. 1844", "Flurstück Nr. 12", "Haus Nr. 3".
_LABELLED_REF = re.compile(
    r"(?<![\w.-])(?<!Flurstück )(?<!Flurstücks )(?<!Flst\. )(?<!Flur )(?<!Haus )("
    + _REF_LABEL
    + r")\s*[-:–]?\s*((?:[A-Z]{1,4} (?=\d))?(?:"
    # München's term and series ("20-26 / A 04872"), Kassel's dots ("101.19.1234")
    + r"\d{2}-\d{2}\s?/\s?[A-Z]\s?\d{4,6}|\d{3}\.\d{2}\.\d{3,5}|"
    + _REF
    # a chamber's letter after the number ("Drucksache 21/345 S")
    + r"(?:\s[A-Z](?=\s*$))?|\d{3,7}))"
    r"(?![\w/-]|\.\d)"
)
_CITATION = re.compile(
    r"(?:\b(?:zur|zum|gemäß|gem\.|siehe|vgl\.|laut|lt\.|betreffend|bzgl\.|aus\s+der|aus\s+dem|"
    r"in\s+der|mit\s+der|zu\s+der|auf\s+die|auf\s+den|auf\s+das)|Beschluss(?:es)?|BVV-Beschluss)\s*$",
    re.IGNORECASE,
)
# PARLIS (Frankfurt) numbers a paper "OF 387/3" or "M 220", followed by its Betreff.
_SPACED_REF = re.compile(r"\b([A-Z]{1,3})\s+(\d{1,5}(?:/\d{1,4})?),?\s+Betreff\s*:")
# A paper named as another one's: "die beschlossenen Drs. 1633/IV", "die o. g. Vorlage".
_FOREIGN = re.compile(
    r"\b(?:beschlossenen|genannten|o\.\s?g\.|vorgenannten|zitierten|früheren|bisherigen|"
    r"weiteren|anderen)\s*$",
    re.IGNORECASE,
)
_TOP_REF = re.compile(r"^(?:Ö|N|TOP)\s*[\d.]+\s*[-–]\s*(" + _REF + r")\s*$")
_LINE_REF = re.compile(
    r"^(?:[-–•]\s*)?(" + _REF + r")(?:\s+(\S.*))?$"
    # a series' letters apart from the number, before the title: "BV 600/2023: Neufassung ..."
    r"|^(?!(?:TOP|NR|AZ|KW|GR)\s)([A-Z]{1,4}\s\d{1,5}/\d{2,4}):\s+(\S.*)$"
)
_LABEL_ONLY_REF = re.compile(
    r"^(?i:Drucksachen?(?:-?\s?Nr\.?|nummer)?|Vorlagen?(?:-?\s?Nr\.?|nummer)?|Nummer|Nr\.)\s*:?$"
)


@dataclass(frozen=True)
class ReferenceMatch:
    """A Drucksachen-Nr. found in the text: the value, its line, and what surrounds it."""

    value: str
    line: int
    kind: str | None = None
    rest: str | None = None


def find_reference(lines: list[str]) -> ReferenceMatch | None:
    """The document's own Drucksachen-Nr.

    Preference: a number alone on the first line; a labelled number near the top
    (``Drucksache - 1263/IV``, ``Antrag Nr. 15-0268/2015``, ``Drs. VIII-0609``); a line
    that starts with the number (``2017/FB3/0433 Title``); a labelled number further down;
    last, a cited one (``zur Drucksache 062/2016``, ``gemäß Vorlage V-KA/18/480``).
    """
    best: tuple[int, int, ReferenceMatch] | None = None

    def offer(score: int, match: ReferenceMatch) -> None:
        nonlocal best
        if _looks_like_date(match.value):
            return
        if best is None or (score, -match.line) > (best[0], -best[1]):
            best = (score, match.line, match)

    if lines:
        first = lines[0].split("\t")[0].strip()
        if re.fullmatch(_REF, first) and re.search(r"[/-]", first):
            offer(100, ReferenceMatch(first, 0))
    for index, line in enumerate(lines):
        for m in _LABELLED_REF.finditer(line):
            label = m.group(1)
            before = line[: m.start()]
            kind = known_kind(label.split()[0].rstrip(".")) or _kind_before(before)
            at_start = not before.strip(" -–•\t") or known_kind(before.strip(" -–•\t")) is not None
            rest = (line[m.end() :].strip(" :–-") or None) if at_start else None
            value = m.group(2).replace(" / ", "/")
            if label == "DS" and at_start:  # "DS 35/2008": the prefix is part of the number
                value = f"DS {value}"
            match = ReferenceMatch(value, index, kind, rest)
            if _FOREIGN.search(before):
                continue
            if _CITATION.search(before):
                offer(50, match)
            elif index < 12:
                offer(90, match)
            else:
                offer(70, match)
        top = _TOP_REF.match(line)
        if top:
            offer(85, ReferenceMatch(top.group(1), index))
        bare = _LINE_REF.match(line) if index < 30 else None
        number = bare and (bare.group(1) or bare.group(3))
        if bare and number and re.search(r"[/-]", number) and len(re.findall(r"\d", number)) >= 3:
            rest = bare.group(2) or bare.group(4)
            offer(80 if index < 8 or rest else 60, ReferenceMatch(number, index, None, rest))
        if index + 1 < len(lines) and _LABEL_ONLY_REF.match(line):
            below = re.fullmatch(
                r"(" + _REF + r"|\d{3,7})", lines[index + 1].split("\t")[0].strip()
            )
            if below:
                offer(88, ReferenceMatch(below.group(1), index + 1))
            column = _column_value(lines, index)
            if column is not None:
                offer(91, column)
    joined = "\n".join(lines)
    for m in _SPACED_REF.finditer(joined):
        offer(88, ReferenceMatch(f"{m.group(1)} {m.group(2)}", joined.count("\n", 0, m.start())))
    return best[2] if best else None


_BARE_LABEL = re.compile(r"^(?:" + one_of(LABELS) + r"|Vorlagen?\s*-?\s*Nr\.?)\s*:$")


def _column_value(lines: list[str], index: int) -> ReferenceMatch | None:
    """The number below a column of bare labels, at the reference label's place.

    A two-column head exported line by line lists its labels first and their values after
    them (``Termin:`` ``Vorlage Nr.:`` ``TOP:`` then ``21.10.2008`` ``1557`` ``5``).
    """
    first = index
    while first > 0 and _BARE_LABEL.match(lines[first - 1]):
        first -= 1
    last = index
    while last + 1 < len(lines) and _BARE_LABEL.match(lines[last + 1]):
        last += 1
    if last == first:
        return None
    at = last + 1 + index - first
    if at >= len(lines):
        return None
    value = lines[at].split("\t")[0].strip()
    if _BARE_LABEL.match(value) or not re.fullmatch(r"(?:" + _REF + r"|\d{1,7})", value):
        return None
    return ReferenceMatch(value, at)


def _kind_before(text: str) -> str | None:
    m = re.search(r"([A-ZÄÖÜ][\wäöüß]+)\s*[-–:]?\s*$", text)
    return known_kind(m.group(1)) if m else None


def _looks_like_date(ref: str) -> bool:
    return (
        re.fullmatch(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|(?:19|20)\d{2}\s?[/-]\s?(?:19|20)?\d{2}", ref)
        is not None
    )


# --- bodies --------------------------------------------------------------------------

_BERLIN_DISTRICTS = (
    "Charlottenburg-Wilmersdorf",
    "Friedrichshain-Kreuzberg",
    "Marzahn-Hellersdorf",
    "Steglitz-Zehlendorf",
    "Tempelhof-Schöneberg",
    "Treptow-Köpenick",
    "Reinickendorf",
    "Lichtenberg",
    "Neukölln",
    "Spandau",
    "Pankow",
    "Mitte",
)
_BERLIN = re.compile(
    r"(?:\bBVV|Bezirksverordnetenversammlung|Bezirksamt(?:es|s)?|\bBezirk|\bBerlin)[\s-]+("
    + one_of(_BERLIN_DISTRICTS)
    + r")\b|\b("
    + one_of(_BERLIN_DISTRICTS)
    + r")\s+von\s+Berlin\b"
)
_BERLIN_COUNCIL = re.compile(r"\bBezirksverordnetenversammlung\b|\bBVV\b")
_HAMBURG_DISTRICTS = (
    "Hamburg-Mitte",
    "Hamburg-Nord",
    "Altona",
    "Eimsbüttel",
    "Wandsbek",
    "Bergedorf",
    "Harburg",
)
_HAMBURG = re.compile(
    r"(?:Bezirksversammlung|Bezirksamt(?:es|s)?|\bBezirk)\s*(" + one_of(_HAMBURG_DISTRICTS) + r")\b"
)
# "Frankfurt am Main", "Neustadt an der Weinstraße"; not "Vettweiß am Donnerstag"
_NAME = (
    r"[A-ZÄÖÜ][a-zäöüß][\w-]*(?:\s+(?:an\s+der|am|im|in\s+der|ob\s+der)\s+"
    r"(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Sonnabend)\b)"
    r"[A-ZÄÖÜ][\w-]*)?"
)
# "Ortsbeirat 8", not the day in "Gemeinderat 22.02.2022" or "Gemeinderates 22. Oktober 2019".
_NUMBER = r"\d{1,2}\b(?!\.\s?(?:\d|[A-ZÄÖÜ][a-zäöü]+\s+\d{4}))"
_NAMED_COUNCIL = re.compile(
    r"\b(" + NAMED_COUNCIL + r"|Rat\s+der\s+(?:Stadt|Gemeinde|Samtgemeinde|Verbandsgemeinde))"
    r"(?:es|s)?\s+(" + _NAME + r"|" + _NUMBER + r")"
)
# "Stadtrat Detlef Hofmann (CDU)", "des Stadtrats Tim Wirth (GRÜNE) vom": a councillor, not
# the council (a name, then the party in brackets).
_COUNCILLOR = re.compile(
    r"[^\n()]{0,60}\([^()\n]{1,40}\)[ \t]*$|\s+[A-ZÄÖÜ][\w-]+\s+[A-ZÄÖÜ][\w-]+\s*\([^()\n]{1,30}\)",
    re.MULTILINE,
)
#: Council words that are also the title of one of its members.
_MEMBER_TITLES = frozenset({"Stadtrat", "Gemeinderat", "Kreisrat", "Ortsrat", "Bezirksrat"})
_MUNICIPALITY = re.compile(
    r"\b(" + "|".join(MUNICIPALITIES) + r")(?:es|s)?[^\S\n]+"
    r"(?!(?:Stadt|Gemeinde|Verwaltung|Rat|Bezirk)\b)(" + _NAME + r")"
)
_PLACE_WORDS = tuple(f"{place} " for place in MUNICIPALITIES)
_DISTRICT_COUNCIL = re.compile(
    r"Stadtbezirksrat|Bezirksrat|Ortsbeirat|Ortschaftsrat|Bezirksvertretung"
)
_MUNICIPALITY_CAPS = re.compile(r"\b(LANDKREIS|STADT|GEMEINDE|KREIS)\s+([A-ZÄÖÜ][A-ZÄÖÜ-]{2,})\b")
_COUNCIL = re.compile(
    r"\b(" + NAMED_COUNCIL + r"|Stadtbürgerschaft)(?:es|s)?(?:\b(?!-|\s+[A-ZÄÖÜ])|(?=s?sitzung))"
    r"|\b(?:der|den|dem|des)\s+(Rat)(?:es|s)?\b(?!\s+der)"
)
_NOT_A_PLACE = frozenset(
    {
        "Beratung",
        "Entscheidung",
        "Empfehlung",
        "Vorberatung",
        "Drs",
        "Ds",
        "Drucksache",
        "Sitzung",
        "Beschluss",
        "Kenntnisnahme",
        "Dr",
        "Prof",
        "Herr",
        "Frau",
        "Und",
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Ein",
        "Eine",
        # nouns that follow "die Gemeinde", "der Stadt" in prose: "der Gemeinde Kosten"
        "Kosten",
        "Mittel",
        "Einnahmen",
        "Ausgaben",
        "Aufgaben",
        "Vorteile",
        "Nachteile",
        "Gelder",
        "Zuschüsse",
    }
)


_REASONING = re.compile(r"^[^\S\n]*Begründung[^\S\n]*:?[^\S\n]*$", re.MULTILINE)


def find_body(text: str) -> str | None:
    """The council the document belongs to: ``BVV Mitte von Berlin``, ``Bezirksversammlung
    Altona``, ``Bezirksrat Linden-Limmer``; for the minutes of a committee's session, that
    committee (``Ausschuss für Soziales``). A page that names its municipality
    (``Landkreis Börde``, ``Stadt Bergkamen``) and its council without a name (``der
    Kreistag``) gets both: ``Kreistag (Landkreis Börde)``, the council as ANNOTATION.md asks
    and the municipality that tells one Kreistag from another (as the seeds name it)."""
    body = _body(text)
    if body is not None and body.startswith(_PLACE_WORDS):
        council = _COUNCIL.search(text)
        if council:
            return f"{_base(council.group(1) or council.group(2))} ({body})"
    return body


def _body(text: str) -> str | None:
    """The council, else the municipality the document names (see :func:`find_body`)."""
    committee = _COMMITTEE_SESSION.search("\n".join(text.split("\n")[:8]))
    if committee is not None:
        return _nominative(committee.group(1))
    for berlin in _BERLIN.finditer(text):
        # "beim Bezirk Mitte" alone names a district of any city; Berlin's need more.
        if (
            berlin.group(0).startswith("Bezirk ")
            and "von Berlin" not in text
            and not _BERLIN_COUNCIL.search(text)
        ):
            continue
        return f"BVV {berlin.group(1) or berlin.group(2)} von Berlin"
    if _BERLIN_COUNCIL.search(text):
        return "Bezirksverordnetenversammlung"
    m = _HAMBURG.search(text)
    if m:
        return f"Bezirksversammlung {m.group(1)}"
    if re.search(r"\bBezirksversammlung\b", text):
        return "Bezirksversammlung"
    session = council_in_session_heading(text)
    if session is not None:
        return session
    # A place named only in the reasoning ("Vorreiter ist die Stadt Tübingen") is another
    # council's: the council named above it wins.
    reasoning = _REASONING.search(text)
    if reasoning is not None:
        head = _council_or_place(text[: reasoning.start()])
        if head is not None:
            return head
    return _council_or_place(text)


def _council_or_place(text: str) -> str | None:
    """A named council or municipality (the most local first), else a bare council word."""
    candidates: list[tuple[int, int, str]] = []
    for pattern in (_NAMED_COUNCIL, _MUNICIPALITY):
        for m in pattern.finditer(text):
            if m.group(1) in _MEMBER_TITLES and _COUNCILLOR.match(text, m.start(2) - 1):
                continue
            first = m.group(2).split()[0]
            if first not in _NOT_A_PLACE and first not in GIVEN_NAMES:
                local = 1 if _DISTRICT_COUNCIL.match(m.group(1)) else 0
                candidates.append((local, m.start(), squash(f"{_base(m.group(1))} {m.group(2)}")))
    if candidates:
        named = [c for c in candidates if not c[2].startswith(_PLACE_WORDS)]
        head = "\n".join(islice((x for x in text.split("\n") if x.strip()), 3))
        if not named and not (_MUNICIPALITY.search(head) or _MUNICIPALITY_CAPS.search(head)):
            # only a municipality is named, in the text, not as the page's publisher: the
            # council the text names without a name is the body ("der Gemeinderat
            # beschließt"); a page headed by its municipality keeps it (the seeds' hand)
            council = _COUNCIL.search(text)
            if council:
                return _base(council.group(1) or council.group(2))
        return min(candidates)[2]
    caps = _MUNICIPALITY_CAPS.search(text)
    if caps:
        return f"{caps.group(1).capitalize()} {caps.group(2).capitalize()}"
    council = _COUNCIL.search(text)
    if council:
        return _base(council.group(1) or council.group(2))
    committee = _COMMITTEE.search(text)
    if committee:
        return squash(committee.group(0))
    return None


# A committee named alone, when no council is: "Ausschuss für Mobilität, Infrastruktur und
# Grün", "Amtsausschuss", "Beirat Burglesum", "Hauptausschuss".
_COMMITTEE = re.compile(
    r"\b(?:Ausschuss|Ausschusses)\s+für\s+[A-ZÄÖÜ][\w-]*(?:(?:,\s*|\s+und\s+)[A-ZÄÖÜ][\w-]*){0,4}"
    r"|\b(?:Haupt|Finanz|Bau|Umwelt|Sozial|Jugendhilfe|Kreis|Amts|Werk|Verwaltungs|Planungs|"
    r"Kultur|Schul|Sport|Verkehrs|Ältesten)ausschuss\b"
    r"|\bBeirat\s+[A-ZÄÖÜ][\w-]+|\bOrtsbeirat(?:\s+\d{1,2})?\b|\bOrtsrat\s+[A-ZÄÖÜ][\w-]+"
)


# The head of a committee's minutes: "Niederschrift über die Sitzung des Ausschusses für
# Soziales", "Protokoll der 12. Sitzung des Bauausschusses".
_COMMITTEE_SESSION = re.compile(
    r"\b(?:Niederschrift|Protokoll|Sitzung)\b[^\n]{0,60}?\b(?:des|der)\s+(?:\d+\.\s+)?("
    r"Ausschusses\s+für\s+[A-ZÄÖÜ][\w-]*(?:(?:,\s*|\s+und\s+)[A-ZÄÖÜ][\w-]*){0,4}"
    r"|[A-ZÄÖÜ][\w-]*ausschusses|Stadtbezirksrat(?:e)?s\s+[A-ZÄÖÜ][\w-]+|Bezirksvertretung\s+"
    r"[A-ZÄÖÜ][\w-]+|Beirat(?:e)?s\s+[A-ZÄÖÜ][\w-]+)"
)


# The council a session heading names: "Sitzung der Gemeindevertretung", "Niederschrift über
# die 14. Sitzung des Rates der Gemeinde Kreuzau", "4. Amtsausschusssitzung des Amtes ...",
# "Sitzung Stadtbezirksrat Misburg-Anderten", "Bericht über die öffentliche
# Gemeinderatssitzung".
_SESSION_COUNCIL = re.compile(
    r"(?:\b(?:Sitzung|Niederschrift|Protokoll)\b[^\n]{0,60}?\b(?:des|der)\s+(?:\d+\.\s+)?"
    r"(?:(?:öffentlichen|konstituierenden|außerordentlichen)\s+)?"
    r"|\bSitzung\s+)"
    r"(?P<council>" + COUNCIL + r")(?:es|s)?(?![\wäöüß-])"
    r"(?:[^\S\n]+(?P<name>(?!(?:am|vom|der|des|in|im|Am|Die|Der)\b)[A-ZÄÖÜ][\wäöüß]+(?:-[\wäöüß]+)*"
    r"|\d{1,2}\b(?!\.)))?"
    r"|\b(?P<compound>" + COUNCIL + r")(?:es|s)?sitzung\b",
)


def council_in_session_heading(text: str, within: int = 12) -> str | None:
    """The council whose session the head's heading names (see :data:`_SESSION_COUNCIL`),
    with its own name where one follows (``Bezirksrat Mitte``). Only heading-like lines
    count: a paragraph that mentions a session (``Ortsbeiratssitzungen``) is no heading."""
    lines = list(islice((x for x in text.split("\n") if x.strip()), within))
    # the meetings of a Beratungsfolge table are the paper's path, not its heading
    table = next((i for i, x in enumerate(lines) if _CONSULTATION_START.match(x.strip())), None)
    head = "\n".join(x for x in lines[:table] if len(x) <= 160)
    for m in _SESSION_COUNCIL.finditer(head):
        council = m.group("council") or m.group("compound")
        if council == "Rat" and m.group("compound"):
            continue  # "Ratssitzung" names no council in particular
        base = _base(council) if council != "Rat" else "Rat"
        name = m.group("name")
        if name and name not in _NOT_A_PLACE and name not in GIVEN_NAMES:
            return f"{base} {name}"
        return base
    return None


def _nominative(committee: str) -> str:
    """``Ausschusses für Soziales`` -> ``Ausschuss für Soziales``, ``Bauausschusses`` ->
    ``Bauausschuss``, ``Beirates Burglesum`` -> ``Beirat Burglesum``."""
    words = squash(committee).split(" ", 1)
    head = (
        re.sub(r"(?:es|s)$", "", words[0])
        if words[0].endswith(("sses", "tes", "rats", "rates"))
        else words[0]
    )
    return " ".join([head, *words[1:]])


def _base(word: str) -> str:
    """The nominative of a council or municipality word (``Landkreises`` -> ``Landkreis``)."""
    word = squash(word)
    for full in sorted((*COUNCILS, "Landkreis"), key=len, reverse=True):
        if word.startswith(full) and full != "Rat":
            return full
    return word


# --- Beratungsfolge --------------------------------------------------------------------

_CONSULTATION_START = re.compile(
    r"^(?:Beratungsfolge|Beratungsreihenfolge|Beratungsgang)\b:?", re.IGNORECASE
)
_HEADER_WORDS = frozenset(
    [
        "gremium",
        "termin",
        "datum",
        "sitzung",
        "zuständigkeit",
        "top",
        "status",
        "rolle",
        "beratungsart",
        "ergebnis",
        "sitzungstermin",
        "beratung",
        "beschlussart",
        "ö/n",
        "ö",
        "n",
        "öffentlich",
        "nichtöffentlich",
        "art",
        "behandlung",
        "sitzungsdatum",
        "gremien",
    ]
)
_BLOCK_END = re.compile(
    r"^(?:Sachverhalt|Sachdarstellung|Begründung|Beschlussvorschlag|Betreff|Eingereicht|"
    r"Anlage|Anlagen|Inhalt|Beschluss|Petitum|Antrag|Erläuterung|Problembeschreibung|"
    r"Finanzielle|Rechtliche|Die\s|Der\s|Das\s)(?:\b|:|$)",
    re.IGNORECASE,
)


def consultations_after(lines: list[str], start: int, limit: int = 40) -> list[Consultation]:
    """Read a Beratungsfolge table that starts at ``lines[start]``.

    Cells arrive one per line (Politik bei Uns), as ``committee role`` / date / meeting and
    result lines (ALLRIS), or as bare dates (Hamburg); a committee after a complete row
    begins the next consultation.
    """
    rows: list[dict[str, object]] = []
    current: dict[str, object] = {}

    def flush() -> None:
        nonlocal current
        if current:
            rows.append(current)
        current = {}

    first = _CONSULTATION_START.sub("", lines[start]).strip()
    cells = [first] if first else []
    for line in lines[start + 1 : start + 1 + limit]:
        if _BLOCK_END.match(line) and not DATE.search(line):
            break
        for c in line.split("\t"):
            whole = _ROW_IN_ONE_CELL.match(c.strip())
            parts = [whole["head"], whole["date"], whole["tail"]] if whole else [c]
            cells.extend(p.strip() for p in parts if p and p.strip())
    for cell in cells:
        low = cell.lower().strip(":")
        if low in _HEADER_WORDS or set(low.split()) <= _HEADER_WORDS:
            continue
        day = parse_date(cell)
        rest = DATE.sub("", cell).strip(" ,;-")
        if day is not None and len(rest) <= 4:
            if "date" in current:
                flush()
            current["date"] = day
            continue
        if _ROLE_ONLY.match(cell):
            if "role" in current and ("date" in current or "committee" in current):
                flush()
            current["role"] = cell
            continue
        result = outcome_phrase(cell) if outcome_of(cell) else None
        if result is not None or re.search(r"\bSitzung\b", cell):
            if result is not None:
                previous = current.get("result")
                if re.match(r"^\S+\s+(?:beschlossen|angenommen|abgelehnt)", cell) and previous:
                    result = f"{previous} {cell}"
                current["result"] = result
            continue
        role_match = _ROLE_END.search(cell)
        committee = cell[: role_match.start()].strip() if role_match else cell
        if not re.search(r"[A-Za-zÄÖÜäöü]{2,}", committee) or len(committee) > 120:
            continue
        if "committee" in current or ("date" in current and "role" in current):
            flush()
        current["committee"] = committee
        if role_match:
            current["role"] = role_match.group(1)
    flush()
    found = []
    for row in rows:
        row_committee, row_date = row.get("committee"), row.get("date")
        row_role, row_result = row.get("role"), row.get("result")
        found.append(
            Consultation(
                committee=row_committee if isinstance(row_committee, str) else None,
                date=row_date if isinstance(row_date, date) else None,
                role=row_role if isinstance(row_role, str) else None,
                result=row_result if isinstance(row_result, str) else None,
            )
        )
    return [c for c in found if c.date is not None or c.committee is not None]


# A Beratungsfolge that an export ran into one line with the rest of a form: "Beratungsfolge
# Termin Stadtentwicklungsausschuss 16.09.2014 Rat 30.09.2014 Zur Beratung in ..."
_RUN_ON_CONSULTATIONS = re.compile(
    r"\bBeratungsfolge\b:?\s+(?:Termin\s+|Gremium\s+|Datum\s+){0,3}"
    r"((?:[A-ZÄÖÜ][\w.-]*(?:\s+[\w.-]+){0,5}?\s+\d{1,2}\.\d{1,2}\.\d{4}\s*){1,8})"
)
_RUN_ON_STEP = re.compile(r"([A-ZÄÖÜ][\w.-]*(?:\s+[\w.-]+){0,5}?)\s+(\d{1,2}\.\d{1,2}\.\d{4})")


def find_consultations(lines: list[str]) -> list[Consultation]:
    """The Beratungsfolge of the document, or an empty list."""
    for index, line in enumerate(lines):
        if _CONSULTATION_START.match(line):
            found = consultations_after(lines, index)
            if found:
                return found
        run_on = _RUN_ON_CONSULTATIONS.search(line)
        if run_on:
            return [
                Consultation(squash(m.group(1)), parse_date(m.group(2)), None, None)
                for m in _RUN_ON_STEP.finditer(run_on.group(1))
            ]
    return []


# --- people and offices ----------------------------------------------------------------

_ADMIN_UNIT = re.compile(
    r"Dezernat|Amt\b|Ämter|Fachbereich|Referat|Bürgermeister|Verwaltung|Geschäftsbereich|"
    r"Dienststelle|Abteilung|Fachdienst|Bezirksamt|Landrat|Landrätin|Beigeordnete|Senat|"
    r"Stadtrat\s+\w|Magistrat|Fachamt|Sachgebiet|Stabsstelle|Eigenbetrieb|Oberbürgermeister"
)
_GROUP = re.compile(
    r"Fraktion|Partei|Gruppe|Beirat|Bezirksverordnete|Stadtverordnete|"
    r"Ausschuss|Einzel|Mitglied|SPD|CDU|CSU|FDP|Grüne|GRÜNE|Linke|LINKE|AfD"
)


def is_admin_unit(value: str) -> bool:
    """True for an administrative unit (Dezernat, Amt, Fachbereich), not a political group."""
    return _ADMIN_UNIT.search(value) is not None and _GROUP.search(value) is None


def find_office(lines: list[str]) -> str | None:
    """The Federführung: the administrative unit responsible for the paper."""
    value = label_value(
        lines,
        (
            "Federführend",
            "Federführung",
            "Federführendes Amt",
            "Federführende Dienststelle",
            "Zuständiges Amt",
        ),
    )
    if value:
        return value
    submitted = label_value(
        lines, ("Eingereicht von", "Einreicher", "Vorlage von", "Absender", "Dienststelle")
    )
    if submitted and is_admin_unit(submitted):
        return submitted
    return None

"""Readers for the head of a council document, shared by every layout.

Labelled fields come in three shapes: ``Label: value`` on one line, ``Label`` on a line and
the value on the next, and table cells run together (``Status:öffentlichVorlage-Art:
Beschlussvorlage``), which :func:`label_value` cuts at the next known label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from tracker.documents.model import Consultation
from tracker.documents.outcomes import outcome_of, outcome_phrase
from tracker.documents.text import squash

LABELS: tuple[str, ...] = (
    "Betreff", "Status", "Initiator", "Initiatoren", "Verfasser", "Drucksache-Art",
    "Drucksachenart", "Vorlage-Art", "Vorlagenart", "Vorlagenart", "Dokumentart", "Art",
    "Einreicher", "Federführend", "Federführung", "Federführendes Amt", "Bearbeiter/-in",
    "Bearbeiter", "Sachbearbeiter", "Sachbearbeiter/-in", "Gremium", "Datum", "Zeit", "Raum",
    "Ort", "TOP", "Beratungsfolge", "Aktenzeichen", "Vorlage", "Drucksache", "Erledigungsfrist",
    "Eingereicht von", "Termin", "Zuständigkeit", "Dateiname", "Kommune", "Beteiligt",
    "Beteiligte Ämter", "Antragsteller", "Antragsteller/in", "Fraktion", "Titel", "Gegenstand",
    "Thema", "Vorlagen-Nr", "Drucksachen-Nr", "Sitzung", "Beschluss", "Abstimmungsergebnis",
    "Berichterstatter", "Berichterstatterin", "Ursprung", "Kurzbeschreibung", "Typ", "Ergebnis",
    "Beschlussart", "Wahlperiode", "Stand",
)
_LABEL_AHEAD = re.compile(
    r"(?:" + "|".join(re.escape(x) for x in sorted(LABELS, key=len, reverse=True)) + r")\s*:"
)

KINDS: tuple[str, ...] = (
    "Antrag", "Änderungsantrag", "Dringlichkeitsantrag", "Ergänzungsantrag", "Bürgerantrag",
    "Einwohnerantrag", "Beschlussantrag", "Ersetzungsantrag", "Beschlussvorlage", "Vorlage",
    "Informationsvorlage", "Mitteilungsvorlage", "Mitteilung", "Berichtsvorlage",
    "Beschlussempfehlung", "Verwaltungsstandpunkt", "Verwaltungsvorlage", "Stellungnahme",
    "Anfrage", "Kleine Anfrage", "Große Anfrage", "Einwohneranfrage", "Schriftliche Anfrage",
    "Mündliche Anfrage", "Auszug", "Niederschrift", "Protokoll", "Bericht", "Sachstandsbericht",
    "Zwischenbericht", "Schlussbericht", "Beschluss", "Empfehlung", "Resolution", "Petition",
    "Anregung", "Eingabe", "Vorlage zur Beschlussfassung", "Vorlage zur Kenntnisnahme",
    "Mitteilung zur Kenntnisnahme", "Informationsdrucksache", "Beantwortung", "Antwort",
    "Dringlichkeitsvorlage", "Ergänzungsvorlage", "Änderungsvorlage", "Sitzungsvorlage",
)
_KIND_PREFIX = re.compile(
    r"(" + "|".join(re.escape(k) for k in sorted(KINDS, key=len, reverse=True)) + r")"
    r"(?![a-zäöüß])"
)
ROLES: tuple[str, ...] = (
    "Entscheidung", "Vorberatung", "Beschlussfassung", "Kenntnisnahme", "Anhörung", "Beratung",
    "Empfehlung", "Zur Kenntnisnahme", "Zur Beratung", "Zur Entscheidung", "Vorberatend",
    "Beschließend", "Entscheidend", "Federführend", "Information", "Beratung und Beschluss",
    "Beratung und Empfehlung", "Beschlussempfehlung", "Vorabstimmung",
)
_ROLE_END = re.compile(
    r"\s*(?:\t|\s)(" + "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
_ROLE_ONLY = re.compile(
    r"^(?:" + "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)
DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")


def parse_date(text: str) -> date | None:
    """The first ``dd.mm.yyyy`` (or ``d.m.yy``) date in ``text`` that exists, else None."""
    for m in DATE.finditer(text):
        year = int(m.group(3))
        if year < 100:
            year += 2000 if year < 70 else 1900
        try:
            return date(year, int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
    return None


def label_value(lines: list[str], names: Iterable[str], *, next_line: bool = True) -> str | None:
    """The value of the first field labelled with one of ``names`` (``Label: value``,
    ``Label:`` run into the previous cell, or ``Label`` alone with the value below)."""
    wanted = tuple(names)
    inline = re.compile(
        r"(?:^|\t|(?<=[a-zäöüß\s]))(?:" + "|".join(re.escape(n) for n in wanted) + r")\s*:\s*"
        r"(?=\S)(.*)$",
    )
    alone = re.compile(r"^(?:" + "|".join(re.escape(n) for n in wanted) + r")\s*:?$")
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
        m = _KIND_PREFIX.match(cell.strip())
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

_REF = r"(?=[A-Z0-9/ -]*\d)[A-Z0-9]{1,12}(?:(?:/|-|\s/\s)[A-Z0-9]{1,12}){1,5}"
_LABELLED_REF = re.compile(
    r"(?i:\b(?:Drucksachen?|Vorlagen?|Verwaltungsstandpunkt|Antrag|Anfrage|Beschlussvorlage|"
    r"Informationsvorlage|Mitteilung|Stellungnahme|Beschlussempfehlung|Mitteilungsvorlage)"
    r"(?:\s*-?\s*(?:Nr\.?|Nummer)|nummer)?|\bDS-?\s?Nr\.?|\bDs\.|\bDS\b|\bVO-?Nr\.?|"
    r"\bVorlagen?-?Nr\.?|\bDrucksachen?-?Nr\.?)\s*[-:–]?\s*"
    r"(" + _REF + r"|\d{3,7})(?![\w/-])"
)
_LABEL_ONLY_REF = re.compile(
    r"^(?i:Drucksachen?(?:-?\s?Nr\.?|nummer)?|Vorlagen?(?:-?\s?Nr\.?|nummer)?|Nummer|Nr\.)\s*:?$"
)
_BARE_REF = re.compile(r"^(" + _REF + r")(?:\s+\S.*)?$")


def find_reference(lines: list[str]) -> tuple[str | None, int | None]:
    """The Drucksachen-Nr. and the index of its line; labelled forms first."""
    for index, line in enumerate(lines):
        m = _LABELLED_REF.search(line)
        if m and not _looks_like_date(m.group(1)):
            return m.group(1).replace(" / ", "/"), index
    for index, line in enumerate(lines[:-1]):
        if _LABEL_ONLY_REF.match(line):
            m = re.fullmatch(r"(" + _REF + r"|\d{3,7})", lines[index + 1].split("\t")[0].strip())
            if m:
                return m.group(1), index + 1
    for index, line in enumerate(lines[:8]):
        m = _BARE_REF.match(line)
        if m and not _looks_like_date(m.group(1)) and re.search(r"[/-]", m.group(1)):
            if line == m.group(1) or re.search(r"\d.*[/-].*\d", m.group(1)):
                return m.group(1), index
    return None, None


def _looks_like_date(ref: str) -> bool:
    return re.fullmatch(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|(?:19|20)\d{2}[/-](?:19|20)?\d{2}", ref) is not None


# --- bodies --------------------------------------------------------------------------

_BODY_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bBVV\s+[A-ZÄÖÜ][\w-]+(?:\s+von\s+Berlin)?"),
    re.compile(r"\bBezirksverordnetenversammlung\s+[A-ZÄÖÜ][\w-]+(?:\s+von\s+Berlin)?"),
    re.compile(r"\bBezirksversammlung(?:\s+(?!Hamburg\b)[A-ZÄÖÜ][\w-]+)?"),
    re.compile(
        r"\b(?:Stadt|Gemeinde|Landkreis|Kreis|Markt|Samtgemeinde|Verbandsgemeinde|Hansestadt|"
        r"Landeshauptstadt|Bundesstadt|Universitätsstadt|Städteregion|Region|Amt)\s+"
        r"(?!(?:Stadt|Gemeinde|Verwaltung|Rat)\b)[A-ZÄÖÜ][a-zäöüß][\w-]*"
        r"(?:\s+(?:an\s+der|am|im|in\s+der|ob\s+der|\(\w+\))\s*[A-ZÄÖÜ]?[\w)-]*)?"
    ),
    re.compile(r"\b(?:LANDKREIS|STADT|GEMEINDE|KREIS)\s+[A-ZÄÖÜ][A-ZÄÖÜ-]{2,}\b"),
    re.compile(r"\b(?:Kreistag|Stadtrat|Gemeinderat|Ratsversammlung|Stadtverordnetenversammlung|"
               r"Gemeindevertretung|Stadtbürgerschaft|Bürgerschaft|Bezirksbeirat)\b"),
)


def find_body(text: str) -> str | None:
    """The council (BVV, Bezirksversammlung, Stadt, Landkreis, ...) the document belongs to."""
    for pattern in _BODY_PATTERNS:
        m = pattern.search(text)
        if m:
            value = m.group(0).strip()
            if value.isupper() or re.match(r"[A-ZÄÖÜ]+ [A-ZÄÖÜ-]+$", value):
                value = " ".join(w.capitalize() for w in value.split())
            return squash(value)
    return None


# --- Beratungsfolge --------------------------------------------------------------------

_CONSULTATION_START = re.compile(r"^(?:Beratungsfolge|Beratungsreihenfolge|Beratungsgang)\b:?",
                                 re.IGNORECASE)
_HEADER_WORDS = frozenset(
    "gremium termin datum sitzung zuständigkeit top status rolle beratungsart ergebnis "
    "sitzungstermin beratung beschlussart ö/n ö n öffentlich nichtöffentlich art".split()
)
_BLOCK_END = re.compile(
    r"^(?:Sachverhalt|Sachdarstellung|Begründung|Beschlussvorschlag|Betreff|Eingereicht|"
    r"Anlage|Anlagen|Inhalt|Beschluss|Petitum|Antrag|Erläuterung|Problembeschreibung|"
    r"Finanzielle|Rechtliche|Die\s|Der\s|Das\s)",
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
        cells.extend(c.strip() for c in line.split("\t") if c.strip())
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
        if "committee" in current or "date" in current and "role" in current:
            flush()
        current["committee"] = committee
        if role_match:
            current["role"] = role_match.group(1)
    flush()
    found = []
    for row in rows:
        committee, day = row.get("committee"), row.get("date")
        role, result = row.get("role"), row.get("result")
        found.append(
            Consultation(
                committee=committee if isinstance(committee, str) else None,
                date=day if isinstance(day, date) else None,
                role=role if isinstance(role, str) else None,
                result=result if isinstance(result, str) else None,
            )
        )
    return [c for c in found if c.date is not None or c.committee is not None]


def find_consultations(lines: list[str]) -> list[Consultation]:
    """The Beratungsfolge of the document, or an empty list."""
    for index, line in enumerate(lines):
        if _CONSULTATION_START.match(line):
            return consultations_after(lines, index)
    return []


# --- people and offices ----------------------------------------------------------------

_ADMIN_UNIT = re.compile(
    r"Dezernat|Amt\b|Ämter|Fachbereich|Referat|Bürgermeister|Verwaltung|Geschäftsbereich|"
    r"Dienststelle|Abteilung|Fachdienst|Bezirksamt|Landrat|Landrätin|Beigeordnete|Senat|"
    r"Stadtrat\s+\w|Magistrat|Fachamt|Sachgebiet|Stabsstelle|Eigenbetrieb|Oberbürgermeister"
)
_GROUP = re.compile(r"Fraktion|Partei|Gruppe|Beirat|Bezirksverordnete|Stadtverordnete|"
                    r"Ausschuss|Einzel|Mitglied|SPD|CDU|CSU|FDP|Grüne|GRÜNE|Linke|LINKE|AfD")


def is_admin_unit(value: str) -> bool:
    """True for an administrative unit (Dezernat, Amt, Fachbereich), not a political group."""
    return _ADMIN_UNIT.search(value) is not None and _GROUP.search(value) is None


def find_office(lines: list[str]) -> str | None:
    """The Federführung: the administrative unit responsible for the paper."""
    value = label_value(lines, ("Federführend", "Federführung", "Federführendes Amt",
                                "Federführende Dienststelle", "Zuständiges Amt"))
    if value:
        return value
    submitted = label_value(lines, ("Eingereicht von", "Einreicher", "Vorlage von",
                                    "Absender", "Dienststelle"))
    if submitted and is_admin_unit(submitted):
        return submitted
    return None

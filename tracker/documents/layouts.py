"""One parser per council-information-system layout, plus a generic reader.

:func:`detect` picks the layout from the text itself (never from configuration); every
layout starts from the generic reader and corrects what its system writes differently.
A layout returns a :class:`Header`: the document's identity and procedural facts, before
the obligations are read from its operative text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date

from tracker.documents.dates import DATE, paper_date, parse_date
from tracker.documents.decisions import RECORD_RULES, prose_decision
from tracker.documents.fields import (
    KINDS,
    ReferenceMatch,
    find_body,
    find_consultations,
    find_office,
    find_reference,
    known_kind,
    label_names,
    label_value,
    split_cells,
)
from tracker.documents.kinds import KIND_RULES, kind_from_content, opens_with_an_item
from tracker.documents.model import Consultation, Decision
from tracker.documents.obligations import operative_text
from tracker.documents.outcomes import outcome_of
from tracker.documents.text import despaced, lines_of, one_of, sentences, squash
from tracker.documents.vocabulary import (
    ADMINISTRATION,
    COUNCIL,
    DECISION_LABELS,
    MINUTES_NAME,
    MUNICIPALITIES,
)


@dataclass(frozen=True)
class Header:
    """What a layout parser reads from a document, apart from its obligations."""

    layout: str
    reference: str | None = None
    title: str | None = None
    kind: str | None = None
    body: str | None = None
    consultations: tuple[Consultation, ...] = ()
    decision: Decision | None = None
    proposal: str | None = None
    office: str | None = None
    #: who the document asks to act, read from its wording as a whole (see :func:`addressed_party`)
    addressee: str | None = None
    initiators: tuple[str, ...] = ()
    date: date | None = None
    #: the system's own record names the kind (a file page's type): no content rule overrides it
    kind_given: bool = False


_TITLE_LABELS = (
    "Betreff",
    "Betr.",
    "Beschlussgegenstand",
    "Titel",
    "Gegenstand",
    "Thema",
    "Betrifft",
    "Kurztitel",
    "Bezeichnung",
)
_TITLE_ALONE = re.compile("^" + one_of(_TITLE_LABELS) + r"\s*:?$")
_TITLE_INLINE = re.compile("^" + one_of(_TITLE_LABELS) + r"\s*:\s*(\S.*)$")
_LABEL_LINE = re.compile(
    r"^(?:Rechtliche\s+Konsequenzen|Beschlussvorschlag|Sachverhalt|Sachdarstellung|Begründung|"
    r"Status|Beratungsfolge|Eingereicht\s+von|Vorlage|Art|Aktenzeichen|Anlagen?|Inhalt|"
    r"Drucksache|Datum|Federführ\w*|Initiator|Verfasser)\b"
)
AUSZUG = re.compile(r"^Auszug\s+[-–]\s+(.*?)(?:\s+Berichterstatter\w*:.*)?$")
_KIND_LINE = re.compile(
    "^(" + one_of(KINDS) + ")"
    r"(?:\s+(?:öffentlich|nichtöffentlich|Nr\..*|der\s.*|des\s.*|zur\s.*|zum\s.*|vom\s.*|"
    r"für\s.*|gemäß\s.*)|"
    r"\s*[-–]\s.*|,\s.*)?$"
)
# A kind closing a letterhead's line.
_KIND_LAST = re.compile(r"\s(" + one_of(KINDS) + r")\s*$")
# A letterhead: a municipality's name, or its administration's ("Amt Büsum-Wesselburen").
_LETTERHEAD = re.compile(
    r"^(?:Große\s+)?(?:"
    + one_of((*MUNICIPALITIES, "Amt", "Bezirksamt", "Kreisstadt", "Ortsgemeinde", "Marktgemeinde"))
    + r")\b"
)
# "Eine Kleine Anfrage wird ...", "Gemeinsamer Antrag der ...": a kind opening a line.
_KIND_OPENING = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+\s+)?(" + one_of(KINDS) + r")(?![\wäöüß])")
KIND_SUFFIX = re.compile(r"\s+" + one_of(KINDS) + r"\s+(?:des|der|zum|zur|vom)\s.*$")
_INITIATOR_SUFFIX = re.compile(
    r"\s*\((?:Antrag|Anfrage|Initiative)\s+(?:der|des|von)\s+([^()]+)\)\s*$"
)
DECISION_STRONG = re.compile(
    r"\b(?:beschließt|beschließen|beschlossen|einstimmig|mehrheitlich|Abstimmungsergebnis|"
    r"lehnt\s+\S+(?:\s+\S+){0,5}?\s+ab|lehnen\s+\S+(?:\s+\S+){0,5}?\s+ab|abgelehnt|"
    r"empfiehlt|empfehlen|nimmt\s+\S+(?:\s+\S+){0,5}?\s+zur\s+Kenntnis|"
    r"nehmen\s+\S+(?:\s+\S+){0,5}?\s+zur\s+Kenntnis|vertagt|zurückgestellt|überwiesen|"
    r"zurückgezogen|bestätigt|bestätigen)\b",
    re.IGNORECASE,
)


def _continued_title(lines: list[str], index: int, first: str) -> str:
    parts = [first]
    for following in lines[index + 1 : index + 3]:
        previous = parts[-1]
        if (
            len(previous) < 45
            or previous.endswith((".", ":", "!", "?"))
            or _LABEL_LINE.match(following)
            or re.match(r"^[\w ./-]{2,30}:", following)
            or DATE.search(following)
            or len(following) > 120
        ):
            break
        parts.append(following)
    return squash(" ".join(parts))


def _clean_title(value: str) -> str | None:
    value = re.sub(r"(?<=[a-zäöüß])- (?=[a-zäöüß])(?!(?:und|oder|bzw|sowie|bis)\b)", "", value)
    value = re.sub(r"\s*\(\d{1,2}\.\d{1,2}\.\d{2,4}\)\s*$", "", squash(value)).strip(" ;,:-–")
    return value if len(value.split()) >= 2 or len(value) >= 12 else None


def _looks_like_title(line: str) -> bool:
    return (
        len(line.split()) >= 4
        and ":" not in line
        and not line.endswith(".")
        and len(line) <= 250
        and not DATE.search(line)
    )


# The heading of a session's minutes or agenda, in the head: "Niederschrift" / "über die 2.
# Sitzung der Bezirksvertretung ..." / "am 25.11.2009", "Öffentlicher Teil der Niederschrift
# über ...", "Sitzung des Bezirksrates Mitte", "4. Amtsausschusssitzung des Amtes ...",
# "Sitzung Stadtbezirksrat Misburg-Anderten am 01.11.2017".
_SESSION_HEADING = re.compile(
    r"^(?:(?:Öffentliche[rs]?|Nichtöffentliche[rs]?)\s+(?:Teil\s+der\s+)?)?"
    # "Protokoll Nr. 3 der öffentlichen ... Beiratssitzung am 26.09.19"
    r"(?i:" + MINUTES_NAME + r")(?:\s+Nr\.\s*\d+(?:/\d+)?)?"
    r"(?:\s+(?P<tail>(?:über|der|des|zur|vom)\b.*|(?:" + COUNCIL + r")\s+(?:vom|am)\s+\d.*))?$"
    r"|^(?:\d{1,3}\.\s+)?(?:(?:öffentliche|konstituierende|außerordentliche)\s+)?"
    r"(?:[A-ZÄÖÜ][\wäöüß]*s)?[Ss]itzung\s+(?:des|der)\s+[A-ZÄÖÜ].*$"
    r"|^Sitzung\s+(?:" + COUNCIL + r")\b.*$"
)
_SESSION_CONTINUED = re.compile(r"^(?:über|der|des|zur|vom|Sitzung\s+(?:des|der))\s+\S")
_SESSION_DAY = re.compile(r"^(?:am|vom)\s+\S")


def session_heading(lines: list[str], within: int = 12) -> str | None:
    """The heading of minutes (or of a session page) among the head's first lines, with the
    lines that continue it (``über die ...``, ``am <date>``): the title a reader takes for
    minutes that carry no Betreff. A minutes word alone counts only with its continuation."""
    for index, raw in enumerate(lines[:within]):
        line = squash(raw)
        m = _SESSION_HEADING.match(despaced(line))
        if m is None or len(line) > 200 or line.endswith((".", ":")):
            continue
        parts = [line]
        at = index + 1
        if m.group("tail") is None and re.match(
            r"^(?:\S+\s+){0,3}(?i:" + MINUTES_NAME + r")$", line
        ):
            if at >= len(lines) or not _SESSION_CONTINUED.match(lines[at]):
                continue
            parts.append(squash(lines[at]))
            at += 1
        if at < len(lines) and _SESSION_DAY.match(lines[at]) and DATE.search(lines[at]):
            parts.append(squash(lines[at]))
        heading = " ".join(parts)
        if len(heading) <= 250:
            return _clean_title(heading)
    return None


# Minutes: "Punkt 4 der Tagesordnung: Corona-Hilfe für Kultureinrichtungen".
_AGENDA_ITEM = re.compile(r"^(?:Punkt|TOP)\s+[\d.]+\s+der\s+Tagesordnung\s*:\s*(\S.*)$")
# A page of one agenda item opens with it: "TOP Ö 1: Eröffnung, Begrüßung", "TOP 4.2: Haushalt".
_TOP_OPENING = re.compile(r"^TOP\s*(?:[ÖN]\s*)?\d{1,3}(?:\.\d{1,2})*[a-z]?\s*:\s*\S.{3,}$")
# A page of one agenda item headed by its meeting's date: "25.06.2019 - 9 Wahl eines ...".
_DATED_ITEM = re.compile(
    r"^\d{1,2}\.\d{1,2}\.\d{4}\s+[-–]\s+(?:[ÖN]\s*)?\d{1,3}(?:\.\d{1,2})*\s+(\S.{3,})$"
)


def _top_title(lines: list[str], index: int) -> str:
    """The title of a TOP page's opening line as written (``TOP Ö 2: ...``), with its second
    line where the first ends in ``:`` or ``;`` (a subject and what is decided on it)."""
    first = squash(lines[index])
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if (
        first.endswith((":", ";"))
        and following
        and len(following) <= 250
        and not _LABEL_LINE.match(following)
        and not _TOP_OPENING.match(squash(following))
        and not re.match(r"^[\w ./-]{2,30}:", following)
    ):
        return f"{first} {squash(following)}"
    return _continued_title(lines, index, first)


def _title(lines: list[str], ref: ReferenceMatch | None) -> str | None:
    for index, line in enumerate(lines[:2]):
        if _TOP_OPENING.match(squash(line)) and len(line) <= 250:
            return _clean_title(_top_title(lines, index))
        dated = _DATED_ITEM.match(squash(line))
        if dated:
            return _clean_title(dated.group(1))
    for index, line in enumerate(lines):
        agenda = _AGENDA_ITEM.match(line)
        if agenda:
            return _clean_title(_continued_title(lines, index, agenda.group(1)))
        m = _TITLE_INLINE.match(line)
        if m:
            return _clean_title(_continued_title(lines, index, m.group(1).split("\t")[0]))
        if _TITLE_ALONE.match(line) and index + 1 < len(lines):
            return _clean_title(_continued_title(lines, index + 1, lines[index + 1]))
    if ref is not None and (heading := _minutes_heading(lines[ref.line : ref.line + 1], 1)):
        return heading  # the number stands in the minutes' heading ("Niederschrift Nr. 9 über")
    if (
        ref is not None
        and ref.line > 0
        and (heading := session_heading(lines[: ref.line]))
        and not re.match(r"\d{1,3}\.\s", heading)
    ):
        # minutes headed above a number they record (a Beschluss-Nr. below); not a TOP page's
        # meeting line ("25. öffentliche Sitzung des Sportausschusses") above its paper
        return heading
    if ref is not None and ref.rest:
        title = _clean_title(ref.rest)
        if title and len(title.split()) >= 2:
            return title
    for line in lines[:6]:
        m = AUSZUG.match(line)
        if m:
            return _clean_title(m.group(1))
    # A page reporting a session's results: its heading ("Bericht aus der Gemeinderatssitzung
    # vom 20. September 2023", "Beschlüsse des Stadtrates"), not the gazette's masthead above
    # it nor the first matter below.
    if ref is None and (report := _report_heading(lines)):
        return report
    # Minutes without a number of their own: their heading (a TOP page names its paper).
    session = session_heading(lines) if ref is None else None
    if session is not None:
        return session
    if ref is not None and ref.line > 0 and lines and _looks_like_title(lines[0]):
        # minutes with a number of their own: their heading, not the letterhead above it
        return _minutes_heading(lines[: ref.line], 8) or squash(lines[0])
    if ref is not None and not ref.rest:
        for line in lines[ref.line + 1 : ref.line + 4]:
            if (
                len(line.split()) >= 3
                and not _LABEL_LINE.match(line)
                and not _STATUS_LINE.match(line)
                and not DATE.match(line)
                and not _CLOSING.match(line)
                and not re.match(r"^[\w ./-]{2,30}:\s", line)  # "Verantwortlich: Dez. 5"
            ):
                return _clean_title(line)
    if lines and _looks_like_title(lines[0]):
        return squash(lines[0])
    return (
        _heading_before_resolution(lines)
        or _topic(lines)
        or (squash(lines[0]) if lines and _LABELLED_HEADING.match(squash(lines[0])) else None)
        or _first_heading(lines)
    )


# The heading of a page that reports a session: a report's or the results' word, then the
# session or the body ("Kurzbericht zur Sitzung vom 01.04.2025", "Informationen und Beschlüsse
# aus der Sitzung vom 17.10.2012", "Aus der Sitzung des Gemeinderates").
_REPORT_HEAD = re.compile(
    r"^(?:(?:Kurz|Sitzungs)?[Bb]ericht|Beschlüsse|Ergebnisse|Informationen?|Neues\s+aus|"
    r"Nachrichten|Aus\s+(?:der|dem|den)|Mitschrift|Unterrichtung|Rückblick)\b"
)
_REPORT_OF = re.compile(
    r"[Ss]itzung|\b(?:" + COUNCIL + r")\w*\b|[Aa]usschuss|Stadtverordneten|Gemeindevertret"
)


def _report_heading(lines: list[str], within: int = 25) -> str | None:
    for raw in lines[:within]:
        line = squash(raw)
        if (
            len(line) <= 160
            and len(line.split()) >= 2
            and not line.endswith((".", ",", ";"))
            and not re.search(r"\.{4,}|\|", line)  # a table of contents, a table's row
            and _REPORT_HEAD.match(line)
            and _REPORT_OF.search(line)
        ):
            return _clean_title(line)
    return None


# A page's date before its heading: "25.10.2018 Antrag: ..."
_PAGE_DATE = r"\d{1,2}\.\d{1,2}\.\d{2,4}"
# A page's heading led by a short label: "Pressemitteilung: Gemeinsamer Antrag zum Busverkehr
# einstimmig angenommen", "BV 600/2023: Neufassung der Kitagebührensatzung".
_LABELLED_HEADING = re.compile(
    # (not a field of a TOP page or an archive: "Beschluss: Einstimmig beschlossen")
    r"^(?!(?:Beschluss|Gremium|Zusatz|Archiv\w*|Abstimmung\w*|Status|Datum|Ergebnis|Sitzung|"
    r"Beratung|Federführend\w*|Verfasser\w*|Anlage\w*|Aktie|PDF|Kategorie\w*|Schlagwort\w*)\b"
    # (nor a date heading a paper's kind: "25.10.2018 Antrag: ...", read as dated)
    r"|" + _PAGE_DATE + r")"
    r"(?:[\w./-]+\s){0,2}[\w./-]+:\s+[A-ZÄÖÜ„\"][^:]{10,180}(?<![.:,;])$"
)


# The topic a paper names in its opening line: "Antrag zum Thema: „Ratsinformationssystem“",
# "... stellt einen Änderungsantrag ... zum Thema Schaffung von Kita-Plätzen".
_TOPIC = re.compile(r"\bzum\s+Thema\s*:?\s*(\S.{3,}?)[\s.:]*$")


def _topic(lines: list[str]) -> str | None:
    """The rest of an opening line after ``zum Thema`` (the last resort before a heading)."""
    for line in lines[:3]:
        m = _TOPIC.search(squash(line))
        if m and len(m.group(1)) <= 200:
            return _clean_title(m.group(1))
    return None


# "Beratung in öffentlicher Sitzung", "öffentlich", "Status: öffentlich": not a title.
_STATUS_LINE = re.compile(
    r"^(?:Beratung|Behandlung|Sitzung)\s+in\s+(?:nicht\s*)?öffentlicher\s+Sitzung|^(?:nicht\s*)?öffentlich\b",
    re.IGNORECASE,
)
_RESOLUTION_HEAD = re.compile(
    r"^(?:Beschlussvorschlag|Beschlussempfehlung|Sachverhalt|Sachdarstellung|Begründung|Antrag)\s*:?\s*$"
)


def _heading_before_resolution(lines: list[str]) -> str | None:
    """The one or two lines right above ``Beschlussvorschlag:`` or ``Sachverhalt:`` in the
    head, when they read as a heading (a paper whose number and table come first)."""
    for index, line in enumerate(lines[:40]):
        if not _RESOLUTION_HEAD.match(line) or index == 0:
            continue
        above = lines[max(0, index - 2) : index]
        if len(above) == 2 and not above[0].endswith(("-", "–")):
            above = above[1:]
        heading = squash(" ".join(above))
        if (
            3 <= len(heading.split()) <= 30
            and ":" not in heading
            and not DATE.search(heading)
            and not _LABEL_LINE.match(heading)
            and not _NOT_HEADING.match(heading)
            and not re.match(r"^(?:Dr\.|Prof\.)", heading)
            and not heading.endswith((".", ","))
        ):
            return _clean_title(heading)
        return None
    return None


# Lines of a page's head that are not its heading: print marks, labels, salutations, navigation.
_NOT_HEADING = re.compile(
    r"^(?:Gedruckt|Seite\s+\d|(?:nicht\s*)?öffentlich|Sehr\s+geehrte|Liebe|Anlage|Stand|Datum|Az\.|"
    r"Aktenzeichen|Verantwortlich|Dienststelle|Gremi|Termin|TOP\b|Vorlage|Drucksache|Beratungs|"
    r"Sitzung|Tagesordnung|Zurück|Titel|Logo|Weiterlesen|Inhalt|Startseite|Navigation|Suche|"
    r"Veröffentlicht|Hinweis|Bitte|Herr\b|Frau\b|Mitglieder|Anwesend|Beginn|Ende|Ort\b|"
    r"Seiteninhalt|Mitteilungsblatt|Aus\s+(?:dem\s+)?Ratsinformations|Keine\s+Ergebnisse|hierzu|"
    r"(?:Stadt|Gemeinde|Landkreis|Amt)\s+[\w-]+\s+-"
    # a letterhead, a closing, a bullet of a page's navigation
    r"|(?:Stadt|Gemeinde|Landkreis|Kreis|Markt|Samtgemeinde|Verbandsgemeinde|Amt)\s+[\w.-]+$"
    r"|(?:Der|Die)\s+(?:Ober)?bürgermeister(?:in)?$|(?:Der|Die)\s+Landr(?:at|ätin)$"
    r"|Mit\s+freundlichen\s+Grüßen|[•·]\s)",
    re.IGNORECASE,
)
_HEADING_LABEL = re.compile(
    r"^(?:Antrag|Anfrage|Beschlussvorlage|Vorlage|Mitteilung|Stellungnahme|Betreff|Thema|"
    r"Gegenstand|Beratungsgegenstand)\s*:\s*(\S.{5,})$",
    re.IGNORECASE,
)


# The heading of minutes: "Niederschrift über die 2. Sitzung ...", "Protokoll der 19. Sitzung".
_MINUTES_HEADING = re.compile(
    r"^(?:(?:Öffentliche\s+)?(?:Niederschrift|Protokoll|Sitzungsniederschrift)\s+"
    # "Niederschrift Nr. 9/2013 – 2018 über die Sitzung ..."
    r"(?:Nr\.?\s*\d[\w/.]*(?:\s+[–-]\s+\d{4})?\s+)?(?:über|der|des|zur)"
    # "Niederschrift Gemeindevertretung vom 22.04.2025"
    r"|(?:Öffentliche\s+)?(?:Niederschrift|Protokoll)\s+(?:(?:"
    + COUNCIL
    + r")|[\w-]*[Aa]usschuss\w*)"
    r"\s+(?:vom|am)\s+\d"
    # "Aus der öffentlichen Gemeinderatssitzung vom ...", "Bericht über die Sitzung des ...",
    # "Öffentliche Gemeinderatssitzung am ...", "Kreistagssitzung vom ..."
    r"|(?:(?:Aus|Bericht\s+(?:über|aus)|Ergebnisse?\s+(?:aus|der))\s+(?:der|die)\s+"
    r"(?:\d{1,3}\.\s+)?)?"
    r"(?:(?:öffentlichen?|nichtöffentlichen?|konstituierenden?)\s+)?"
    r"(?:Sitzung\s+de[sr]|(?:" + COUNCIL + r")s?s?itzung))\b.{5,}",
    re.IGNORECASE,
)


def _minutes_heading(lines: list[str], within: int) -> str | None:
    """A heading of minutes among the first lines (``Niederschrift über die ...``), a
    letter-spaced one counted by its word and kept as written."""
    for raw in lines[:within]:
        raw = _MUNICIPALITY_WORD.sub("", raw.strip(), count=1)
        line = despaced(squash(raw))
        if _MINUTES_HEADING.match(line) and len(raw) <= 200 and not raw.endswith(":"):
            return _clean_title(raw)
    return None


# A page's masthead word run into the heading ("Gemeinde Niederschrift Nr. 9 über ..."): not
# part of it.
_MUNICIPALITY_WORD = re.compile(
    r"^(?:Gemeinde|Stadt|Markt|Amt|Landkreis)\s+(?=(?:Öffentliche\s+)?(?:Niederschrift|Protokoll)\b)"
)


# A letter's salutation or closing: no title.
_CLOSING = re.compile(
    r"^(?:Mit\s+freundlichen\s+Grüßen|Sehr\s+geehrte|Liebe[rs]?\s|Im\s+Namen\b|Hochachtungsvoll|"
    r"gez\.)",
    re.IGNORECASE,
)
# A line that only dates the page ("Juli 2022", "im März 2024"): no heading.
_MONTH_LINE = re.compile(
    r"^(?:im\s+)?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\s+\d{4}$",
    re.IGNORECASE,
)


_LEADING_DATE = re.compile(r"^" + _PAGE_DATE + r"\s+(?=\S)")
# A kind word with the subject it is on: "Antrag zu Defibrillatoren", "Anfrage zur Schulweg".
_KIND_ON_SUBJECT = re.compile(
    r"^(?:Antrag|Anfrage|Änderungsantrag|Ergänzungsantrag|Prüfantrag|Haushaltsantrag|Resolution)"
    r"\s+(?:zu[mr]?|auf|für|betreffend|über|wegen|gegen)\s+\S"
)


def _joined_heading(lines: list[str]) -> list[str]:
    """A heading broken after its first word ("Bericht" / "über die Sitzung des ..."), joined."""
    for index, line in enumerate(lines[:10]):
        if re.fullmatch(
            r"(?:(?:Öffentliche|Nichtöffentliche)\s+)?(?:Bericht|Niederschrift|Protokoll)",
            line.strip(),
            re.IGNORECASE,
        ) and index + 1 < len(lines):
            return [f"{line.strip()} {lines[index + 1].strip()}"]
    return []


def _first_heading(lines: list[str]) -> str | None:
    """The first line of the head that reads as a heading (the last resort for a title):
    a minutes heading, else a few words, no label, date, number, person or kind word, not a
    sentence."""
    minutes = _minutes_heading(lines, 15) or _minutes_heading(_joined_heading(lines), 1)
    if minutes:
        return minutes
    for index, raw in enumerate(lines[:30]):
        # a page's date before its heading ("25.10.2018 Antrag: Direkte Schnellbuslinien")
        line = _LEADING_DATE.sub("", squash(raw)) if index == 0 else squash(raw)
        labelled = _HEADING_LABEL.match(line)
        if labelled:
            return _clean_title(labelled.group(1))
        if _KIND_ON_SUBJECT.match(line) and not line.endswith((".", ":")) and len(line) <= 200:
            return _clean_title(line)  # "Antrag zu Defibrillatoren": the heading as written
        words = line.split()
        if (
            len(line) < 8
            or len(line) > 200
            or line.endswith((":", ".", ",", ")"))
            or not line[:1].isupper()
            or _NOT_HEADING.match(line)
            or _LABEL_LINE.match(line)
            or re.match(r"^[\w ./-]{2,30}:\s", line)
            or DATE.search(line)
            or _MONTH_LINE.match(line)
            or known_kind(words[0].capitalize().rstrip(":")) is not None
        ):
            continue
        if len(words) == 1 and (index > 0 or len(line) < 10):
            continue
        return _clean_title(line)
    return None


def split_initiators(title: str | None) -> tuple[str | None, tuple[str, ...]]:
    if not title:
        return title, ()
    m = _INITIATOR_SUFFIX.search(title)
    if not m:
        return title, ()
    names = re.split(r",\s*|\s+und\s+", m.group(1))
    suffix = re.search(r"-?(Fraktion\w*|Gruppe)$", names[-1])
    expanded = []
    for name in names:
        name = name.strip()
        if suffix and name.endswith("-"):
            name = name + suffix.group(1)
        if name:
            expanded.append(name)
    return title[: m.start()].strip(), tuple(expanded)


def _kind(lines: list[str], ref: ReferenceMatch | None, title: str | None) -> str | None:
    labelled = label_value(
        lines,
        (
            "Drucksache-Art",
            "Drucksachenart",
            "Vorlage-Art",
            "Vorlagenart",
            "Dokumentart",
            "Art",
            "Typ",
            "Vorlagentyp",
        ),
    )
    kind = known_kind(labelled)
    if kind:
        return kind
    typed = label_value(
        lines,
        ("Drucksache-Art", "Vorlage-Art", "Vorlagenart", "Vorlagentyp", "Dokumentart"),
        next_line=False,
    )
    if typed and len(typed) <= 40:
        return typed
    if ref is None or ref.kind in (None, "Vorlage"):
        # "Vorlage Nr.:" labels every paper; the heading (``ANTRAG``) is sharper.
        heading = _heading_kind(lines)
        if heading:
            return heading
    if ref is not None and ref.kind:
        return ref.kind
    if title:
        kind = known_kind(title.split(" ")[0])
        if kind and re.search(r"antrag|anfrage|vorlage|mitteilung", kind, re.IGNORECASE):
            return kind
    for line in lines[:20]:
        m = _KIND_LINE.match(line)
        if m:
            return known_kind(m.group(1))
    for line in lines[:3]:
        # the kind set flush right in the letterhead ("Stadt Kirchtal          Beschlussvorlage",
        # its gap collapsed)
        m = _KIND_LAST.search(line)
        if m and len(line.split()) <= 6 and _LETTERHEAD.match(line):
            return known_kind(m.group(1))
    if any(AUSZUG.match(line) for line in lines[:6]):
        return "Auszug"
    for index, line in enumerate(lines[:5]):
        m = _KIND_OPENING.match(line)
        # a heading, or the document's opening sentence; not a later sentence of the text
        # ("Die Anfrage soll nun ... konkretisiert werden.")
        if m and (index == 0 or not line.rstrip().endswith(".")):
            return known_kind(m.group(1))
    return None


_JOINT = re.compile(r"(?i:interfraktionelle[rs]?|gemeinsame[rs]?)")


def _heading_kind(lines: list[str]) -> str | None:
    """The kind a paper's heading names: ``ANTRAG``, ``Beschlussvorlage``, ``Niederschrift 35.``,
    ``Stellungnahme zum Antrag``."""
    for index, line in enumerate(lines[:12]):
        if index >= 4 and not line.isupper():
            continue  # below the letterhead, only a heading in capitals ("STELLUNGNAHME DER
            # VERWALTUNG" under the town's and the office's lines)
        words = line.split()
        if index == 0 and len(words) > 1 and words[0].lower() in ("niederschrift", "protokoll"):
            words = words[:1]
        elif len(words) > 2 and (
            words[1].lower() in ("zum", "zur")
            # a heading in capitals: "ANTRAG DER FRAKTION BÜNDNIS 90/DIE GRÜNEN"
            or (line.isupper() and words[1].lower() in ("der", "des", "von", "vom", "für"))
        ):
            words = words[:1]  # "Stellungnahme zum Ergänzungsantrag", "ANTRAG zur Sitzung"
        elif len(words) == 2 and _JOINT.fullmatch(words[0]):
            words = words[1:]
        if len(words) == 1:
            word = words[0][:1].upper() + words[0][1:].lower()
            kind = known_kind(word)
            if kind == word and kind != "Vorlage":
                return kind
    return None


def _decision_from(consultations: tuple[Consultation, ...]) -> Decision | None:
    for consultation in reversed(consultations):
        outcome = outcome_of(consultation.result)
        if outcome and consultation.result:
            return Decision(outcome, consultation.date, consultation.committee, consultation.result)
    return None


# (with a note in brackets: "Beschluss (einstimmig):", "Beschluss (12 : 3 Stimmen):")
_DECISION_LABEL = re.compile(
    r"(?:^|(?<=\s))" + label_names(DECISION_LABELS) + r"(?:\s*\(([^()\n]{1,40})\))?\s*:\s*(.*)$"
)
# A label inside a line of prose, after a sentence ("... beantragt, ... prüfen zu lassen.
# Ergebnis: abgelehnt (Ja 6, Nein 24)"): the vote on a member's motion told in the debate.
_AFTER_A_SENTENCE = re.compile(r"[.!?)]\s+$")
_UNANIMOUS_LINE = re.compile(r"^\W*((?:Einstimmige|Mehrheitliche)[rn]?\s+Beschluss\b.*)$")


# A result standing alone on its line, as a status: "– angenommen –", "(einstimmig abgelehnt)",
# "Angenommen" (decorated or capitalised: a bare "beschlossen." ends a wrapped sentence)
_RESULT_LINE = re.compile(
    r"^(?:[\s–—\-(\[]+((?i:(?:einstimmig\s+|mehrheitlich\s+)?(?:angenommen|abgelehnt|"
    r"beschlossen|zurückgezogen|vertagt|verwiesen|überwiesen)))[\s–—\-)\].!]*"
    r"|((?:Einstimmig\s+|Mehrheitlich\s+)?(?:Angenommen|Abgelehnt|Beschlossen|Zurückgezogen|"
    r"Vertagt|Verwiesen|Überwiesen)(?:\s+\w+)?)[\s.!]*)$"
)
# The formula that opens a resolution ("Der Gemeinderat beschließt:"): a proposal's text, no
# result.
_RESOLUTION_FORMULA = re.compile(
    r"\bbeschlie(?:ß|ss)(?:t|en)\s*:|\bm[öo]ge\s+(?:\S+\s+){0,3}?beschl"
)


def _labelled_decision(
    lines: list[str], committee: str | None, day: date | None
) -> Decision | None:
    """A decision given as ``Beschluss: einstimmig beschlossen`` (or on the line below), as a
    result line (``– angenommen –``), else in the first sentence below an empty label."""
    below: list[str] = []  # first sentences below empty labels: the resolution, weaker
    in_prose: Decision | None = None  # a vote told in the debate's prose, weaker still
    for index, line in enumerate(lines):
        m = _DECISION_LABEL.search(line)
        value = None
        if m:
            given = m.group(2).strip()
            if not given and outcome_of(m.group(1)):
                given = m.group(1).strip()  # "Beschluss (einstimmig):"
            value = given or (lines[index + 1] if index + 1 < len(lines) else "")
            value = next(iter(sentences(value)), value)
            if not given:
                # (up to the next label: "Beschluss-Nr. 2-12/2025:" opens the next matter)
                block = list(
                    itertools.takewhile(
                        lambda x: not x.rstrip().endswith(":"), lines[index + 1 : index + 6]
                    )
                )
                following = " ".join(x.lstrip("- ") for x in block)
                below.append(next(iter(sentences(following)), following))
        else:
            u = _UNANIMOUS_LINE.match(line) or _RESULT_LINE.match(line)
            value = next((g for g in u.groups() if g), None) if u else None
        outcome = outcome_of(value)
        if value and outcome:
            found = Decision(outcome, _decided_on(value, outcome, day), committee, squash(value))
            if m is None or not _AFTER_A_SENTENCE.search(line[: m.start()]):
                return found
            in_prose = in_prose or found
    if in_prose is not None:
        return in_prose
    for value in below:
        outcome = outcome_of(value)
        if outcome and not _RESOLUTION_FORMULA.search(value):
            return Decision(outcome, _decided_on(value, outcome, day), committee, squash(value))
    return None


# A date that refers to a paper or an earlier decision ("vom 15.04.2021", "seit dem 1.1.2020").
_REFERENCED = re.compile(r"\b(?:vom|von|seit(?:\s+dem)?)\s+" + _PAGE_DATE)


def _decided_on(value: str, outcome: str, day: date | None) -> date | None:
    """The day of a labelled decision: the date its wording tells ("einstimmig beschlossen am
    12.03.2025"), else the session's. A postponement's or referral's date is its target ("wird
    zurückgestellt und in der Sitzung am 30.09.2025 erneut beraten"), and no decision falls
    after its session's day. A date that names another paper or decision ("(Beschluss KT 21/044
    vom 15.04.2021)") is not this decision's."""
    told = None if outcome in ("deferred", "referred") else parse_date(_REFERENCED.sub("", value))
    if told is None or (day is not None and told > day):
        return day
    return told


#: Kinds that record what was decided, not a proposal (a gazette prints what the council
#: decided, in the present).
DECISION_PAGES = frozenset(
    {"Auszug", "Niederschrift", "Beschluss", "Protokoll", "Bericht", "Amtsblatt", "Bekanntmachung"}
)


_REJECT_RECOMMENDED = re.compile(
    r"\bempf(?:iehlt|ehlen|ahl)\b[^.;]{0,100}?\b(?:den|die|das)\s+(?:[\w-]*[Aa]ntrag|Vorlage|"
    r"Beschlussvorschlag)\w*\s+abzulehnen\b"
)


# An item of the proposed resolution about the paper's motion ("2. Dem Einwohnerantrag wird
# nicht entsprochen.", "Die Anregung wird zurückgewiesen."): what it says is its fate.
_MOTION_ITEM = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:Der|Dem|Die|Das|Diesem|Dieser)\s+[\w-]*(?:[Aa]ntrag|[Aa]nregung|"
    r"[Ee]ingabe|[Pp]etition|[Bb]eschwerde)\w*\s+(?:\S+\s+){0,4}?(?:wird|werden)\b"
)
_PROPOSAL_LABELS = ("Beschlussvorschlag", "Beschlussempfehlung", "Empfehlung")
_PROPOSAL_LABEL = re.compile(r"^\W*(?:" + "|".join(_PROPOSAL_LABELS) + r")\s*:")


def _proposal(lines: list[str]) -> str | None:
    value = label_value(lines, _PROPOSAL_LABELS)
    if value:
        outcome = outcome_of(value)
        if outcome == "recommended" and _REJECT_RECOMMENDED.search(value):
            # "Empfehlung: Die Verwaltung empfiehlt, den Antrag abzulehnen."
            return "rejected"
        if outcome:
            return outcome
    # the proposal's later item turns the motion down ("1. Der Rat stellt die Zulässigkeit
    # des Einwohnerantrags fest. 2. Dem Einwohnerantrag wird nicht entsprochen.")
    for i, line in enumerate(lines):
        if _PROPOSAL_LABEL.match(line):
            for item in lines[i + 1 : i + 9]:
                if not item.strip():
                    break
                if _MOTION_ITEM.search(item) and outcome_of(item) == "rejected":
                    return "rejected"
            break
    # "Der Ausschuss empfiehlt der BVV, den Antrag abzulehnen": a recommendation to reject
    if _REJECT_RECOMMENDED.search(" ".join(lines)):
        return "rejected"
    for line in lines:
        m = re.match(r"^(?:X|x|☒|\[x\]|\(x\))\s+(\S.*)$", line)
        if m:
            outcome = outcome_of(m.group(1))
            if outcome in ("rejected", "adopted", "adopted_amended", "noted"):
                return outcome
    return None


# Who a document asks to act, wherever the sentence stands: "Die Verwaltung wird ermächtigt",
# "Der Magistrat wird gebeten", "beauftragt den Oberbürgermeister", and the salutation of a
# letter to the head of the administration ("Sehr geehrter Herr Oberbürgermeister").
_ADDRESSED = (
    re.compile(
        # "Der (Erste) Bürgermeister (o.V.i.A.) wird zum weiteren Vollzug (...) ermächtigt"
        r"\b(?:Der|Die|Das)\s+(?:[Ee]rste[rn]?\s+)?(" + ADMINISTRATION + r")"
        r"(?:\s+o\.\s?V\.\s?i\.\s?A\.|\s+\([^()]{1,40}\))?\s+(?:wird|werden)\s+"
        r"(?:[^\s.;:]+\s+){0,12}?(?:beauftragt|gebeten|ersucht|aufgefordert|ermächtigt|verpflichtet)\b"
    ),
    re.compile(
        r"\b(?:beauftragt|beauftragen|bittet|bitten|ersucht|ersuchen|fordert|fordern|ermächtigt|"
        r"ermächtigen|bevollmächtigt|bevollmächtigen)\s+(?:\S+\s+){0,2}?(?:den|die|das)\s+("
        + ADMINISTRATION
        + r")\b"
    ),
    # the administration as the object before the participle: "haben ... die Verwaltung um
    # Erarbeitung eines Konzeptes gebeten", "werden Verwaltung und Planer beauftragt"
    re.compile(
        r"\b(?:(?:haben|hat|hatten|hatte)\s+(?:\S+\s+){0,8}?(?:den|die|das)|(?:wird|werden|wurde|wurden)"
        r"(?:\s+(?:die|der|das))?)\s+(" + ADMINISTRATION + r")\s+(?:[^\s.;:]+\s+){0,10}?"
        r"(?:beauftragt|gebeten|ersucht|aufgefordert|ermächtigt|bevollmächtigt|verpflichtet)\b"
    ),
    # "den Beschluss, die Verwaltung zu ermächtigen, ...", "8. die Verwaltung beauftragen"
    re.compile(
        r"\b(?:den|die|das)\s+(" + ADMINISTRATION + r")\s+(?:zu\s+)?(?:ermächtigen|beauftragen|"
        r"bitten|ersuchen|verpflichten)\b"
    ),
    re.compile(
        r"^Sehr\s+geehrte[rs]?\s+(?:Herr|Frau)\s+((?:Ober|Bezirks)?[Bb]ürgermeister(?:in)?|"
        r"Landrat|Landrätin)\b",
        re.MULTILINE,
    ),
    # a task put with a modal: "Des Weiteren soll die Verwaltung ... einplanen", "Die
    # Verwaltung möge prüfen"
    re.compile(
        r"\b(?:soll|sollen|möge|mögen)\s+(?:der|die|das)\s+(" + ADMINISTRATION + r")\b"
        r"|\b(?:Der|Die|Das)\s+(" + ADMINISTRATION + r")\s+(?:soll|sollen|möge|mögen)\b"
    ),
)


def addressed_party(text: str) -> str | None:
    """The administration a document asks to act, read from the document as a whole: the
    fallback where no operative sentence named one (see :data:`_ADDRESSED`)."""
    for pattern in _ADDRESSED:
        m = pattern.search(text)
        if m:
            return next(g for g in m.groups() if g)
    return None


def _document_date(lines: list[str]) -> date | None:
    """The paper's own date: a ``Datum:`` field, else the first date in its head, however
    it is written (``12.05.2015``, ``12. Mai 2015``, ``2015-05-12``)."""
    labelled = label_value(lines, ("Datum", "Sitzungsdatum", "Vorlagedatum"))
    return parse_date(labelled or "") or paper_date(" ".join(lines[:15]))


def read_generic(text: str) -> Header:
    """The generic reader: labelled fields, a Beratungsfolge table, common reference forms."""
    lines = lines_of(text)
    ref = find_reference(lines)
    title, initiators = split_initiators(_title(lines, ref))
    named = label_value(
        lines,
        (
            "Initiator",
            "Initiatoren",
            "Antragsteller",
            "Antragsteller/in",
            "Einreicher",
            "Eingereicht von",
        ),
    )
    if named and not initiators:
        initiators = tuple(split_cells(named))
    consultations = tuple(find_consultations(lines))
    decision = _decision_from(consultations) or _labelled_decision(
        lines,
        consultations[-1].committee if consultations else None,
        consultations[-1].date if consultations else None,
    )
    if decision is None and operative_text(text) is None:
        decision = prose_decision(text, PAPER_RULES)
    return Header(
        layout="generic",
        reference=ref.value if ref else None,
        title=title,
        kind=_kind(lines, ref, title),
        body=find_body(text),
        consultations=consultations,
        decision=decision,
        proposal=_proposal(lines),
        office=find_office(lines),
        addressee=addressed_party(text),
        initiators=initiators,
        date=_document_date(lines),
    )


#: Words that name a label or a part of a paper more often than the paper itself.
_WEAK_KINDS = frozenset({"Beschluss", "Beschlussempfehlung", "Vorlage"})
#: Kinds a page of minutes mentions (the papers it decides on) without being one.
_MENTIONED_KINDS = frozenset(
    {"Beschlussvorlage", "Vorlage", "Antrag", "Beschluss", "Beschlussempfehlung"}
)


def settled_kind(text: str, header: Header) -> str | None:
    """The kind the document has: minutes that name themselves win over a paper they
    mention; a weak word is replaced by what the content says; ``Protokoll`` is
    ``Niederschrift``; a ``Vorlage`` that proposes a resolution is a ``Beschlussvorlage``; a
    kind the system's own record gives stays."""
    kind = header.kind
    if header.kind_given and kind != "Vorlage":
        return kind
    if kind in _MENTIONED_KINDS and KIND_RULES["minutes"](text, bool(header.reference)):
        kind = "Niederschrift"
    if kind in (None, "Niederschrift", "Protokoll", *_WEAK_KINDS) and opens_with_an_item(text):
        # a page that opens with one agenda item ("16.06.2025 - 5.1 Gebührenordnung") is an
        # excerpt, though its record section is labelled "Wortprotokoll"
        kind = "Auszug"
    if kind is None or (kind in _WEAK_KINDS and not header.reference):
        kind = kind_from_content(text, bool(header.reference)) or kind
    if kind == "Protokoll":
        kind = "Niederschrift"
    if kind == "Vorlage" and (header.proposal or _PROPOSES.search(text)):
        kind = "Beschlussvorlage"
    return kind


_PROPOSES = re.compile(
    r"^Beschlussvorschlag\b|m[öo]ge\s+(?:\S+\s+){0,3}?beschlie(?:ß|ss)en", re.MULTILINE
)


#: The prose rules for a paper without an operative text of its own (no Beschlussvorschlag
#: to mistake for a decision).
PAPER_RULES = ("council_past", "recommendation", "passive_result")


def decided_in_present(text: str, header: Header) -> Header:
    """A page without a decision found: on a page of minutes one stated in prose (present or
    past); on a page of unknown kind one that only a record writes (``wurde abgelehnt``, a
    count of votes)."""
    if header.decision is not None:
        return header
    if header.kind in DECISION_PAGES:
        decision = prose_decision(text)
    elif header.kind is None:
        decision = prose_decision(text, RECORD_RULES)
    else:
        # a paper printed with its vote form ("dafür: 12 dagegen: 0"): counted votes are a
        # record whatever the paper, and so is its withdrawal by its movers
        decision = prose_decision(text, ("result_line", "withdrawn", "vote_tally"))
    return replace(header, decision=decision) if decision is not None else header


__all__ = [
    "AUSZUG",
    "DECISION_STRONG",
    "KIND_SUFFIX",
    "Header",
    "decided_in_present",
    "read_generic",
    "settled_kind",
    "split_initiators",
]

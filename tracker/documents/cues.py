"""The cues of the document-level uncertainty signal: words of time and of reporting.

An operative sentence (of a resolution, an order to the administration, a report request)
that holds a cue and yielded no obligation is shown to a person
(``obligations.unread_cues``): the deadline grammar reads the ways of writing a date that it
knows, and a cue is any sign that a sentence speaks of time at all, whatever the council's
wording. Each cue is a named, registered rule ``rule(sentence, context) -> phrase | None``
in :data:`CUE_RULES`, with a unit test.

What is no cue, by structure rather than by phrase: a date or year before the document's own
date (a past event), a date after ``vom``/``seit`` (the date of a paper or a state), a year
that names a thing (``Haushaltsjahr 2022``, ``Straßenbauprogramm 2019``) instead of a time of
action, a session noun that is not a session ahead (``Sitzungsvorlage``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.documents.dates import full_year, safe_date
from tracker.documents.grammar import DateContext
from tracker.documents.text import one_of
from tracker.documents.vocabulary import (
    COUNCIL,
    DEADLINE_NOUNS,
    DELIVERABLE_WORDS,
    EVENT_ENDINGS,
    MONTHS,
    PARTS_OF_YEAR,
    PROCEDURE,
    RECURRENCE,
    REPORT_WORDS,
    REQUEST_WORDS,
    SESSION_CYCLES,
    URGENCY,
)

CueRule = Callable[[str, DateContext], str | None]

_MONTH = re.compile(r"\b" + one_of(MONTHS) + r"\b(?:\s+((?:19|20)\d{2})\b)?")
# Nouns found inside compounds (``Sommerferien``, ``Berichtsfrist``) are searched for bare and
# widened to their word (:func:`_word`): a leading ``[\w-]*`` would retry at every letter.
_PART_OF_YEAR = re.compile(r"(?i:" + one_of(PARTS_OF_YEAR) + r")")
_DEADLINE_NOUN = re.compile(r"(?i:" + one_of(DEADLINE_NOUNS) + r")(?:e|en|s)?\b")
_SESSION_CYCLE = re.compile(r"(?i:" + one_of(SESSION_CYCLES) + r")")
_URGENCY = re.compile(r"\b(?i:" + one_of(URGENCY) + r")(?:e|en|er|es)?\b")
_RECURRENCE = re.compile(r"\b(?i:" + one_of(RECURRENCE) + r")(?:e|en|er|es)?\b")
_REPORT = re.compile(r"\b" + one_of(REPORT_WORDS) + r"(?:e|en|es|s)?\b")
_DELIVERABLE = re.compile(r"\b" + one_of(DELIVERABLE_WORDS) + r"\b")
# (asked of someone: "wird beauftragt", "bittet den Magistrat", "soll")
_REQUESTED = re.compile(
    r"\b" + one_of((*REQUEST_WORDS, "fordert", "soll", "sollen")) + r"\b", re.IGNORECASE
)
_SESSION_AHEAD = re.compile(
    r"\b(?:nächst|kommend|folgend|übernächst|ein(?:er)?\s+der\s+nächst)\w*\s+"
    r"(?:[\w-]+\s+)?[\w-]*(?:[Ss]itzung|BVV)\w*"
)
_DATE = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?(?![\d])"
    r"|\b(\d{4})-(\d{2})-(\d{2})\b"
)
# "Schreiben vom 24.11.2014", "seit dem 1.1.", "Berlin, den 13.01.2010": the date of a paper,
# a state or a letter, never a time ahead.
# (a status's date: "Stand: 01.03.2024")
_REFERENCE = re.compile(
    r"\b(?:vom|seit|von)(?:\s+dem)?\s*$|,\s*den\s*$|\bStand\s*:?\s*$", re.IGNORECASE
)
# "Stadtbürgerschaft am 04. Mai 2021", "Sitzung des Rates am 3.5.": the day of a meeting, told
# as the meeting's own date, is no time of action; "TOP 1.1.", "Nr. 3.2.": numbering.
_MEETING_DAY = re.compile(
    r"[\w-]*(?i:sitzung\w*|" + COUNCIL + r"|ausschuss\w*|versammlung)\s+(?:\S+\s+){0,3}?am\s+"
    r"(?:\d{1,2}\.\s*)?$"
)
_NUMBERING = re.compile(r"\b(?:TOP|Top|Punkt|Nr\.?|§|Ziffer|Abs\.?|Kapitel|Tz\.?|TZ)\s*$")
# "Rundgang vom 06. Juni 2013": the day of a month is the date of a paper or an event.
_REFERENCE_DAY = re.compile(r"\b(?:vom|seit)(?:\s+dem)?\s+\d{1,2}\.\s*$", re.IGNORECASE)
# A year as a time of action follows a preposition or a word of time ("im Jahr 2026",
# "bis 2027", "Ende 2026", "soll 2025 folgen"); after a noun it names a thing.
_YEAR = re.compile(
    r"(?<!\d\s)(?<!\d)\b(?:im|in|bis|ab|zum|Ende|Anfang|Mitte|Beginn|Laufe|spätestens|"
    r"soll|sollen|wird|werden|muss|müssen)\s+(?:(?:des\s+)?Jahr(?:es|e)?\s+)?((?:19|20)\d{2})\b"
)
_EVENT_ANCHOR = re.compile(
    r"\b(?:vor|nach|bis|ab)\s+(?:(?:dem|der|den|des|zum|zur|Ende|Beginn|Anfang)\s+)?"
    r"(?!" + one_of(PROCEDURE) + r"\b)[A-ZÄÖÜ][a-zäöüß]*" + one_of(EVENT_ENDINGS) + r"\b"
)


def _word(sentence: str, m: re.Match[str] | None) -> str | None:
    """The whole word (a compound with its hyphens) around a match, or None."""
    if m is None:
        return None
    start, end = m.start(), m.end()
    while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] == "-"):
        start -= 1
    while end < len(sentence) and sentence[end].isalnum():
        end += 1
    return sentence[start:end]


def _before_anchor(year: int, context: DateContext) -> bool:
    anchor = context.anchor
    return anchor is not None and year < anchor.year


def month(sentence: str, context: DateContext) -> str | None:
    """A month name (``im März``, ``Juni 2026``), unless its year is past."""
    for m in _MONTH.finditer(sentence):
        if m.group(1) and _before_anchor(int(m.group(1)), context):
            continue
        if _REFERENCE_DAY.search(sentence, max(0, m.start() - 16), m.start()):
            continue
        if _MEETING_DAY.search(sentence, max(0, m.start() - 80), m.start()):
            continue
        return m.group(0)
    return None


def part_of_year(sentence: str, context: DateContext) -> str | None:
    """A season, a quarter, a half-year, school holidays, a term of office."""
    return _word(sentence, _PART_OF_YEAR.search(sentence))


# The periods of procedure and of contracts, quoted as background (ANNOTATION: general
# statutory periods are no obligation): the summons period, "frist- und ordnungsgemäß",
# "Form und Frist", a notice, tender, objection or display period.
_PROCEDURAL_PERIOD = re.compile(
    r"^(?:(?:Ein)?[Ll]adungs|Kündigungs|Angebots|Bewerbungs|Bewerber|Auslegungs|Widerspruchs|"
    r"Einspruchs|Einwendungs|Bindungs|Zweckbindungs|Zahlungs|Verjährungs|Jahres|Antrags|"
    r"Ausschluss|Rechtsbehelfs|Klage|Anfechtungs|Ruhe|Bau|Sperr|Äußerungs)frist(?:en)?$"
    r"|^frist(?:gerecht|gemäß|-)$",
    re.IGNORECASE,
)
_FORM_AND_PERIOD = re.compile(
    r"\bForm\s*(?:,|und)\s*Frist\b|\bfrist-\s+und\s+ordnungsgemäß"
    # a session called as it must be: "frist- und formgerecht", "form- und frist- gerecht"
    r"|\b(?:frist|form|ordnungs)-\s+und\s+(?:frist|form|ordnungs)-?\s*(?:gerecht|gemäß)"
    # a period the text stated before ("während dieser Frist", "innerhalb der genannten Frist")
    r"|\b(?:dieser|der\s+(?:genannten|o\.\s?g\.|vorgenannten|obigen))\s+Frist\b",
    re.I,
)


def deadline_noun(sentence: str, context: DateContext) -> str | None:
    """``Frist``, ``Termin``, ``Wiedervorlage`` and their compounds (``Berichtsfrist``); not
    a period of procedure or of a contract (``Ladungsfrist``, ``Kündigungsfrist``, ``Form und
    Frist``)."""
    if _FORM_AND_PERIOD.search(sentence):
        return None
    for m in _DEADLINE_NOUN.finditer(sentence):
        word = _word(sentence, m)
        if word and not _PROCEDURAL_PERIOD.match(word):
            return word
    return None


def urgency(sentence: str, context: DateContext) -> str | None:
    """``spätestens``, ``rechtzeitig``, ``zeitnah``, ``umgehend``: time without a date."""
    m = _URGENCY.search(sentence)
    return m.group(0) if m else None


# A recurrence inflected before its noun that names money or a thing, not a paper: "die
# monatliche Grundgebühr", "ein jährlicher Zuschuss", "bei 14-täglicher Abfuhr".
_OF_A_THING = re.compile(
    r"\b(?i:" + one_of(RECURRENCE) + r")(?:e|en|er|es)\s+(?:[a-zäöüß]+e[nrs]?\s+)?"
    r"(?![\w-]*(?:[Bb]ericht|[Ss]achstand|[Ii]nformation|[Vv]orlage|[Üü]bersicht|[Ee]valuation|"
    r"[Üü]berprüfung|[Ff]ortschreibung|[Aa]uswertung))[A-ZÄÖÜ][\w-]*"
)


def recurrence(sentence: str, context: DateContext) -> str | None:
    """``jährlich``, ``halbjährlich``, ``regelmäßig``: a duty that returns; not a fee, a
    grant or a collection that returns (``die monatliche Grundgebühr``)."""
    for m in _RECURRENCE.finditer(sentence):
        if not _OF_A_THING.match(sentence, m.start()):
            return m.group(0)
    return None


def session_ahead(sentence: str, context: DateContext) -> str | None:
    """``in der nächsten Sitzung``, ``in einer der kommenden Ausschusssitzungen``, a cycle
    of sessions (``um einen Sitzungsturnus``)."""
    m = _SESSION_AHEAD.search(sentence)
    return m.group(0) if m else _word(sentence, _SESSION_CYCLE.search(sentence))


def date_ahead(sentence: str, context: DateContext) -> str | None:
    """A numeric or ISO date not before the document's own date and not the date of a
    paper (``Schreiben vom 24.11.2014``); a date without a year counts."""
    for m in _DATE.finditer(sentence):
        if _REFERENCE.search(sentence, max(0, m.start() - 12), m.start()):
            continue
        if _NUMBERING.search(sentence, max(0, m.start() - 10), m.start()):
            continue
        if _MEETING_DAY.search(sentence, max(0, m.start() - 80), m.start()):
            continue
        if m.group(4):
            year, month_, day = int(m.group(4)), int(m.group(5)), int(m.group(6))
        else:
            year = full_year(m.group(3)) if m.group(3) else 2000
            month_, day = int(m.group(2)), int(m.group(1))
        if safe_date(year if m.group(3) or m.group(4) else 2000, month_, day) is None:
            continue
        if (m.group(3) or m.group(4)) and _before_anchor(year, context):
            continue
        anchor = context.anchor
        when = safe_date(year, month_, day)
        if (m.group(3) or m.group(4)) and anchor is not None and when and when < anchor:
            continue
        return m.group(0)
    return None


def year_ahead(sentence: str, context: DateContext) -> str | None:
    """A year as a time of action (``im Jahr 2026``, ``bis 2027``, ``soll 2025 folgen``),
    not before the document's own year."""
    for m in _YEAR.finditer(sentence):
        if not _before_anchor(int(m.group(1)), context):
            return m.group(0)
    return None


def event_anchor(sentence: str, context: DateContext) -> str | None:
    """``vor/nach/bis/ab`` + a noun of an event or stage (``nach Abschluss der Planung``,
    ``bis zur Fertigstellung``, ``ab Inkrafttreten``)."""
    m = _EVENT_ANCHOR.search(sentence)
    return m.group(0) if m else None


def report(sentence: str, context: DateContext) -> str | None:
    """A report word (``berichten``, ``vorzulegen``, ``Sachstand``, ``informieren``)."""
    m = _REPORT.search(sentence)
    return m.group(0) if m else None


def deliverable(sentence: str, context: DateContext) -> str | None:
    """A paper to be produced (``ein Konzept zu erarbeiten``, ``einen Vorschlag``, ``in einer
    Übersicht zusammenzustellen``): in an order, a report owed without a report word."""
    m = _DELIVERABLE.search(sentence)
    return m.group(0) if m and _REQUESTED.search(sentence) else None


CUE_RULES: dict[str, CueRule] = {
    "month": month,
    "part_of_year": part_of_year,
    "deadline_noun": deadline_noun,
    "urgency": urgency,
    "recurrence": recurrence,
    "session_ahead": session_ahead,
    "date_ahead": date_ahead,
    "year_ahead": year_ahead,
    "event_anchor": event_anchor,
    "report": report,
    "deliverable": deliverable,
}


def cues_of(sentence: str, context: DateContext) -> dict[str, str]:
    """Every registered cue the sentence holds, by rule name, in the registry's order."""
    found = {}
    for name, rule in CUE_RULES.items():
        phrase = rule(sentence, context)
        if phrase is not None:
            found[name] = phrase
    return found


Cue = tuple[str, str]

#: Cues that speak of a duty ahead on their own, in any sentence (not only an operative one).
STRONG: frozenset[str] = frozenset({"session_ahead", "deadline_noun"})

#: Cues of time alone (a report word or an event anchor without a time is no time).
TIME: frozenset[str] = frozenset(
    {
        "month",
        "part_of_year",
        "deadline_noun",
        "urgency",
        "recurrence",
        "session_ahead",
        "date_ahead",
        "year_ahead",
    }
)


def any_of(found: dict[str, str]) -> Cue | None:
    """The first of the cues found, as ``(rule, phrase)``: what marks an operative sentence."""
    return next(iter(found.items()), None)


def time_of(found: dict[str, str]) -> Cue | None:
    """The first cue of time alone (see :data:`TIME`): what marks a sentence looking ahead."""
    return next(((n, p) for n, p in found.items() if n in TIME), None)


def strong_of(found: dict[str, str]) -> Cue | None:
    """A cue that marks any sentence: a session ahead, a deadline noun, or a report word
    together with any other cue (``Bericht ... Halbjahres``)."""
    strong = next(((n, p) for n, p in found.items() if n in STRONG), None)
    if strong is not None:
        return strong
    if "report" in found and len(found) >= 2:
        other = next(n for n in found if n != "report")
        return f"report+{other}", found[other]
    return None


def first_cue(sentence: str, context: DateContext) -> Cue | None:
    """The first registered cue the sentence holds, as ``(rule, phrase)``, else None."""
    return any_of(cues_of(sentence, context))


def time_cue(sentence: str, context: DateContext) -> Cue | None:
    """The first cue of time alone the sentence holds."""
    return time_of(cues_of(sentence, context))


def strong_cue(sentence: str, context: DateContext) -> Cue | None:
    """The strong cue the sentence holds (see :func:`strong_of`)."""
    return strong_of(cues_of(sentence, context))

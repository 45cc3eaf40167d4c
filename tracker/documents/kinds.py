"""The kind of a document read from its content, when no label or heading names it.

Each rule is named and looks at the head of the text (the first lines) or at the shape of
the whole: minutes name themselves (``Niederschrift``, ``Protokoll``) near the top, gazettes
say ``Amtsblatt``, an agenda lists items, a TOP page or decision fragment records one
decision without a number of its own, a motion says ``beantragt``. The first rule that
matches wins; :data:`KIND_RULES` is the registry, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from tracker.documents.decisions import prose_decision
from tracker.documents.text import despaced
from tracker.documents.vocabulary import COUNCIL, PARTIES, RESOLUTION_FORMULA

_I = re.compile
_MINUTES = _I(
    r"\b(?:Niederschrift|Sitzungsniederschrift|Protokoll|Sitzungsprotokoll|Ergebnisprotokoll|"
    r"Wortprotokoll|Beschlussprotokoll)\b",
    re.IGNORECASE,
)
_GAZETTE = _I(r"\b(?:Amtsblatt|Amtliche\s+Bekanntmachung|Mitteilungsblatt)\b", re.IGNORECASE)
_AGENDA = _I(r"\b(?:Tagesordnung|Einladung\s+zur|Öffentliche\s+Bekanntmachung\s+der\s+Sitzung)\b")
_ITEM_LINE = _I(r"^(?:TOP|Ö|N|Punkt)?\s*\d{1,2}(?:\.\d{1,2})*\.?\s+\S")
_DECISION = _I(
    r"^(?:Beschluss|Abstimmung|Abstimmungsergebnis|Ergebnis|Beratungsergebnis)"
    r"\s*:|\b(?:einstimmig|mehrheitlich|mit\s+\d+\s+(?:Ja|Stimmen))\b"
    r"|\b(?:stimmt|stimmen)\b[^.]{0,80}\bzu\b|\bnimmt\b[^.]{0,80}\bzur\s+Kenntnis\b",
    re.IGNORECASE | re.MULTILINE,
)
# What only a record of a whole session says: who came, that it opened, that it had a quorum.
_SESSION = _I(
    r"\beröffnet\w*\s+(?:\S+\s+){0,6}?(?:die\s+)?Sitzung|\bBeschlussfähigkeit\b|"
    r"^Eröffnung\s+der\s+(?:\w+\s+)?Sitzung\b|\bTagesordnung\s+wird\s+(?:\w+\s+)?festgestellt\b|"
    r"\bSitzungsbeginn\b|^Anwesend\w*\s*:|^über\s+die\s+(?:\w+\s+)?Sitzung\b|"
    r"\bAus\s+der\s+Sitzung\s+de[sr]\b|\bSitzungsbericht\b",
    re.IGNORECASE | re.MULTILINE,
)
_ATTACHMENT = _I(r"^Anlage\s+(?:\d+[a-z]?|[IVX]+|zu)\b", re.MULTILINE)
_MOTION_HEAD = _I(r"^(?:Antr[aä]ge?|Dringlichkeitsantrag|Änderungsantrag)\s*$", re.MULTILINE)
_MOTION = _I(
    r"\b(?:beantragt|beantragen|beantrage\s+ich|stellt\s+folgenden\s+Antrag|Antrag\s+der\s+\w*[Ff]raktion|"
    r"Antrag\s+(?:der|des|von)\s+(?:Fraktion|Gruppe|Stadtverordneten|Ratsmitglied))\b"
)
_QUESTION = _I(
    r"\b(?:Anfrage\s+(?:der|des|von)|fragt\s+(?:den|die|das)|Ich\s+frage|Gegenstand\s+der\s+"
    r"Anfrage|Fragen\s+an\s+(?:den|die|das)\s+(?:Magistrat|Verwaltung|Bürgermeister\w*|"
    r"Oberbürgermeister\w*|Landrat|Landrätin|Senat|Bezirksamt|Kreisausschuss|Stadtrat))\b"
)
#: A speaker of a meeting told in the past: one list for the narration of minutes and for
#: telling minutes from news.
_SPOKE = (
    r"berichtete|teilte|erklärte|wies|erinnerte|informierte|erläuterte|schilderte|antwortete|"
    r"verwies|fragte"
)
# A speaker of a meeting in the third person ("Landrat Dr. Schulze erinnert an ...", "Frau
# Dirks weist darauf hin, ...", "Zu diesem TOP ..."): the record of a meeting, not a paper.
_NARRATION = _I(
    r"\b(?:Herr|Frau|Bürgermeister(?:in)?|Oberbürgermeister(?:in)?|\w+bürgermeister(?:in)?|"
    r"Landrat|Landrätin|Vorsitzende[r]?|Amtsleiter(?:in)?|Ortsvorsteher(?:in)?|Kämmerer|"
    r"Kämmerin|Mitglied|Ratsmitglied|Stadträtin|Gemeinderätin|Stadtverordnete[r]?|"
    r"Gemeindevertreter(?:in)?|Kreistagsmitglied|Ratsherr|Ratsfrau|"
    # a councillor's abbreviated title before the name: "RV Hohnholz", "Rh Goebel", "GV Meier"
    r"(?:[A-Z]{2,3}|R[hfm]|StR)(?=\s+[A-ZÄÖÜ][a-zäöüß]))"
    r"\s+(?:(?:Dr\.|Prof\.|[A-ZÄÖÜ][\w-]+)\s+){0,3}?(?:berichtet|teilt|erklärt|"
    r"weist|erinnert|informiert|erläutert|gibt|schließt|eröffnet|begrüßt|antwortet|verweist|"
    r"trägt|erteilt|fragt|erörtert|bemängelt|regt|dankt|"
    # the same told in the past (minutes of some Länder): "Frau Dyrba erläuterte ..."
    + _SPOKE
    + r"|bemängelte|regte|dankte)\b|^Zu\s+diesem\s+(?:TOP|Tagesordnungspunkt)\b|"
    r"^Es\s+wird\s+folgendes\s+vorgetragen\b",
    re.MULTILINE,
)


def _head(text: str, lines: int = 12) -> str:
    """The first lines with text (blank lines of an export are no lines of the head),
    letter-spaced headings joined (``N i e d e r s c h r i f t``)."""
    head = "\n".join(islice((x for x in text.split("\n") if x.strip()), lines))
    return despaced(head)


# A notice of the decisions a session took: "Bekanntmachung der Beschlüsse", "Beschlüsse der
# Kreistagssitzung vom ...", "Übersicht der gefassten Beschlüsse", "... folgende Beschlüsse
# gefasst:".
_DECISIONS_NOTICE = _I(
    r"^\W*(?:Öffentliche\s+)?(?:Bekanntmachung|Veröffentlichung|Übersicht|Bekanntgabe)\s+"
    r"(?:der|von)\s+(?:\w+\s+)?Beschlüsse[n]?\b"
    r"|^\W*(?:Gefasste\s+|Ausgewählte\s+|Wichtige\s+|Weitere\s+)?Beschlüsse\s+(?:der|des|aus\s+der|vom)\b"
    # "Der Gemeinderat hat in seiner Sitzung am ... folgende Beschlüsse gefasst:"
    r"|\bfolgende[rn]?\s+(?:\w+\s+)?Beschl(?:üsse|uss)\s+gefasst\b",
    re.IGNORECASE | re.MULTILINE,
)


def decisions_notice(text: str, has_reference: bool) -> str | None:
    """A notice of a session's decisions near the top: a Beschluss (of several)."""
    return "Beschluss" if _DECISIONS_NOTICE.search(_head(text, 6)) else None


# A statute as published, the council's act: its enacting formula ("Aufgrund der §§ 4 und 28 ...
# hat der Stadtrat ... beschlossen") or its heading ("Hauptsatzung der Stadt ...", "Satzung der
# Gemeinde ... über ...") opening a line of the head that no sentence runs into.
_ENACTING = _I(r"\b(?:Aufgrund|Auf\s+Grund)\s+(?:der|des|von)\s+(?:§|Art\.|Artikel)")
_STATUTE_HEADING = _I(
    r"^\W*(?:\d{1,2}\.\d{1,2}\.\d{4}\s+-\s+)?(?:Haupt|Hebe\w*|Gebühren|Beitrags|Benutzungs|"
    r"Änderungs)?[Ss]atzung\s+(?:der|des|über|zur)\b"
)


def statute(text: str, has_reference: bool) -> str | None:
    """A statute as published (its enacting formula or heading near the top): the council's
    Beschluss, not a TOP page."""
    head = _head(text, 8)
    if _ENACTING.search(head):
        return "Beschluss"
    lines = head.split("\n")
    for before, line in zip([".", *lines], lines, strict=False):
        if _STATUTE_HEADING.match(line) and before.rstrip().endswith((".", ":", "!", "?", "-")):
            return "Beschluss"
    return None


def attachment(text: str, has_reference: bool) -> str | None:
    """``Anlage 2 zu 3. a)`` on a line of the head: a paper's attachment."""
    return "Anlage" if _ATTACHMENT.search(_head(text, 6)) else None


# A page of one agenda item: it opens with the item ("TOP Ö 3: Vollzug ...", "25.06.2019 - 9
# Wahl eines ...") within its first two lines and lists no second item below.
_ITEM_OPENING = _I(
    r"^(?:TOP\s*(?:[ÖN]\s*)?\d{1,3}(?:\.\d{1,2})*[a-z]?\s*:"
    r"|\d{1,2}\.\d{1,2}\.\d{4}\s+[-–]\s+(?:[ÖN]\s*)?\d{1,3}(?:\.\d{1,2})*\s)\s*\S"
)
_NEXT_ITEM = _I(r"^(?:TOP\s*(?:[ÖN]\s*)?\d|Tagesordnungspunkt\s+\d)", re.MULTILINE)


def agenda_item_page(text: str, has_reference: bool) -> str | None:
    """A page that opens with one agenda item and names no other: an excerpt (Auszug)."""
    head = _head(text, 2).split("\n")
    opening = next((i for i, line in enumerate(head) if _ITEM_OPENING.match(line.strip())), None)
    if opening is None:
        return None
    rest = "\n".join(x.strip() for x in text.split("\n") if x.strip())
    return "Auszug" if len(_NEXT_ITEM.findall(rest)) <= 1 else None


def opens_with_an_item(text: str) -> bool:
    """Whether the text's first line is one agenda item and no other item follows: a TOP page
    whatever a later label calls its record section."""
    first = _head(text, 1).strip()
    return bool(_ITEM_OPENING.match(first)) and agenda_item_page(text, False) is not None


# A report on a session for the public, headed by the session: "Kurzbericht über die Sitzung
# der Gemeindevertretung", "Gemeinderatssitzung vom 02.03.2021", "Aus dem Gemeinderat",
# "Aktuelles aus dem Gemeinderat".
_SESSION_REPORT = _I(
    r"^(?:(?:Kurz|Sitzungs)?[Bb]ericht\s+(?:über|aus|von)\s+(?:de[mnr]|die)\s+(?:\w+\s+){0,2}?"
    r"(?:Sitzung|\w+sitzung)\b"
    r"|(?:Aktuelles\s+|Neues\s+|Berichte?\s+)?[Aa]us\s+de[mr]\s+(?:" + COUNCIL + r")\b\s*$"
    r"|(?:" + COUNCIL + r")s?s?itzung\s+vom\s+\d"
    r"|Aus\s+der\s+(?:öffentlichen\s+|nichtöffentlichen\s+)?(?:" + COUNCIL + r")s?s?itzung\b)",
    re.MULTILINE,
)


def session_report(text: str, has_reference: bool) -> str | None:
    """A report on a council session headed by it, not its minutes: a Bericht."""
    return "Bericht" if _SESSION_REPORT.search(_head(text, 4)) else None


def session_record(text: str, has_reference: bool) -> str | None:
    """The record of a session (it opened, had a quorum, fixed its agenda) without the word."""
    return "Niederschrift" if _SESSION.search(text[:3000]) else None


# An agenda item that names the last minutes ("2. Genehmigung der Niederschrift vom ...").
_MINUTES_ITEM = _I(
    r"\b(?:Genehmigung|Feststellung|Billigung|Bestätigung|Anerkennung|Kontrolle|Verlesung|"
    r"Annahme|Einwände\s+gegen|Einwendungen\s+gegen)\s+(?:der|des|die)\s+(?:\S+\s+)?"
    r"(?:Niederschrift|Sitzungsniederschrift|Protokoll|Sitzungsprotokoll)\w*",
    re.IGNORECASE,
)


# Minutes naming themselves: the word opens a line ("Niederschrift über die ...", "Öffentliche
# Niederschrift", "Auszug aus dem Protokoll") or names a session ("Protokoll der Sitzung",
# "Niederschrift über die 26. Sitzung"); not the word in a sentence ("stimmt der vorliegenden
# Niederschrift ... zu").
_MINUTES_NAMED = re.compile(
    r"^\W*(?:\S+\s+){0,4}?"
    + _MINUTES.pattern
    + r"|"
    + _MINUTES.pattern
    + r"\s*$|"
    + _MINUTES.pattern
    + r"\s+(?:über\s+die|der|des|zur|vom)\s+(?:\S+\s+){0,3}?\w*(?:[Ss]itzung|[Vv]ersammlung)\b",
    re.IGNORECASE | re.MULTILINE,
)


def minutes(text: str, has_reference: bool) -> str | None:
    """``Niederschrift über die Sitzung ...`` near the top (not an agenda item approving the
    last minutes)."""
    head = _head(text)
    if not _MINUTES.search(head):
        return None  # the word is not there at all (a cheap test first)
    return "Niederschrift" if _MINUTES_NAMED.search(_MINUTES_ITEM.sub("", head)) else None


# A gazette naming itself: the word opens a line of the head or names its publisher ("Amtsblatt
# der Gemeinde ...", "Mitteilungsblatt für ..."); not a motion's "(Amtsblatt, Homepage)".
_GAZETTE_NAMED = re.compile(
    r"^\W*(?:\S+\s+){0,6}?"
    + _GAZETTE.pattern
    + r"|"
    + _GAZETTE.pattern
    + r"\s+(?:der|des|für|Nr\.?|vom|\d)",
    re.IGNORECASE | re.MULTILINE,
)


def gazette(text: str, has_reference: bool) -> str | None:
    """``Amtsblatt für ...`` near the top."""
    head = _head(text, 8)
    return "Amtsblatt" if _GAZETTE.search(head) and _GAZETTE_NAMED.search(head) else None


def agenda(text: str, has_reference: bool) -> str | None:
    """``Tagesordnung`` near the top, several numbered items and no decision recorded."""
    items = sum(bool(_ITEM_LINE.match(line.strip())) for line in text.split("\n")[:80])
    if _AGENDA.search(_head(text)) and items >= 3 and not _DECISION.search(text):
        return "Tagesordnung"
    return None


def decision_page(text: str, has_reference: bool) -> str | None:
    """One decision without a number of its own: a TOP page or a minutes excerpt."""
    if has_reference:
        return None
    return "Auszug" if _DECISION.search(text) or prose_decision(text) is not None else None


def narration(text: str, has_reference: bool) -> str | None:
    """A speaker of a meeting told in the third person, without a number of its own: a TOP
    page or an excerpt of minutes."""
    return "Auszug" if not has_reference and _NARRATION.search(text[:3000]) else None


def motion(text: str, has_reference: bool) -> str | None:
    """A motion in its own words (``beantragt``, ``Antrag der Fraktion``)."""
    head = _head(text, 20)
    return "Antrag" if _MOTION.search(head) or _MOTION_HEAD.search(_head(text, 3)) else None


# A letter whose request is the resolution formula of a motion ("Sehr geehrter Herr
# Bürgermeister, der Ausschuss möge beschließen:"): the group's motion, whatever its
# reasoning later tells in the past.
_MOTION_FORMULA = _I(
    r"^(?:Sehr\s+geehrte[rs]?|Liebe[rs]?)\b[^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*\b"
    + RESOLUTION_FORMULA
    + r"\s*:",
    re.MULTILINE,
)


def motion_letter(text: str, has_reference: bool) -> str | None:
    """A letter to the head of the administration that opens with ``möge beschließen:``."""
    return "Antrag" if _MOTION_FORMULA.search(_head(text, 8)) else None


# A group asking the council to decide: "bitten den Rat um Beschlussfassung des folgenden
# Antrags", "bittet um Aufnahme des o.g. Punktes auf die Tagesordnung sowie um Beratung und
# Beschlussfassung" (the period of an abbreviation such as "o.g." does not end it).
_REQUEST = _I(
    r"\bbitte[nt]?\b(?:[^.]|(?<!\w\w)\.){0,160}?\bum\s+(?:[^\s.]+\s+){0,10}?Beschlussfassung\b"
    r"|\bBeschlussfassung\s+(?:über\s+)?(?:des|den)\s+(?:folgenden|nachstehenden)\s+Antrag"
)


# A motion filed in its own words, near the top: "haben folgenden Antrag ... eingereicht", "Die
# Fraktion ... beantragt, ...", a motion's own "Antragsbegründung".
_MOTION_FILED = _I(
    r"\b(?:folgenden|diesen|nachstehenden)\s+(?:Antrag|Prüfauftrag|Prüfantrag)\s+(?:\S+\s+){0,4}?"
    r"(?:gestellt|eingereicht|eingebracht)\b"
    r"|^(?:Die|Der)\s+(?:[\w-]+\s+){0,4}?Fraktion\b[^.\n]{0,80}?\bbeantragt\s*[,:]"
    r"|^Antragsbegründung\b",
    re.IGNORECASE | re.MULTILINE,
)


def motion_filed(text: str, has_reference: bool) -> str | None:
    """A motion that says near the top that it is one as filed (before the rules that read a
    report on a session, which such a motion resembles when it tells its history)."""
    return "Antrag" if _MOTION_FILED.search(_head(text, 12)) else None


def motion_request(text: str, has_reference: bool) -> str | None:
    """A request to put a proposal to the vote (``bitten ... um Beschlussfassung``): a motion."""
    return "Antrag" if _REQUEST.search(_head(text, 8)) else None


def question(text: str, has_reference: bool) -> str | None:
    """A question in its own words (``Anfrage der Fraktion``, ``Ich frage den Senat``)."""
    return "Anfrage" if _QUESTION.search(_head(text, 20)) else None


# A report on what a council did, told in the past (a gazette, a party's or a town's news
# page): "beschloss", "stimmten ... zu", "forderte", "plädierten", "wurde festgelegt".
_PAST_NARRATION = _I(
    r"\b(?:beschloss|stimmte|stimmten|forderte|forderten|plädierte|plädierten|votierte|"
    r"votierten|lehnte|lehnten|beauftragte|beauftragten|billigte|billigten|verabschiedete|"
    r"verabschiedeten|entschied|entschieden\s+sich|sprach\s+sich|sprachen\s+sich|"
    r"informierte|berichtete|erläuterte|beglückwünschte|verpflichtete|begrüßte|"
    r"wurde\s+(?:\S+\s+){0,4}?(?:beschlossen|festgelegt|beauftragt|vergeben|genehmigt|"
    r"zugestimmt|abgelehnt))\b"
)


# A named speaker told in the past ("Frau Dyrba erläuterte"): minutes of some Länder, not news.
_NAMED_SPEAKER_PAST = _I(r"\b(?:Herr|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w-]+\s+(?:" + _SPOKE + r")\b")
# What only a report on a session says: the session as past news ("in seiner jüngsten
# Sitzung", "hat der Gemeinderat ... beschlossen"), or a group's own voice on it ("In unserem
# Änderungsantrag haben wir ...", "unsere Fraktion").
_NEWS = _I(
    r"\bin\s+(?:seiner|ihrer)\s+(?:jüngsten|letzten|vergangenen|gestrigen|vorigen)\s+"
    r"(?:\w+\s+)?Sitzung\b"
    r"|\b(?:hat|haben)\s+(?:der|die|das)\s+(?:" + COUNCIL + r")\b[^.]{0,160}?\b(?:beschlossen|"
    r"entschieden|zugestimmt|abgelehnt|gebilligt|verabschiedet|vergeben)\b"
    r"|\b(?:haben\s+wir|hatten\s+wir|wir\s+haben|unser(?:e[mnrs]?)?\s+(?:Antrag|Fraktion|"
    r"Änderungsantrag|Anfrage|Vorschlag|Initiative))\b"
)


# The structure of a record: a TOP, a decision label, a vote line opening a line.
_RECORD_LINE = _I(
    r"^\W*(?:TOP\b|Tagesordnungspunkt\b|Zu\s+TOP\b|Beschluss\s*:|Beschlussvorschlag\b|"
    r"Abstimmung\w*\s*:|Ö\s*\d|N\s*\d|Sachverhalt\s*:)",
    re.MULTILINE,
)


def news_report(text: str, has_reference: bool) -> str | None:
    """A report on a session as news or in a group's own voice, without a number: a Bericht
    (before the rules that read a TOP page, which such a report resembles); also a council's
    doings told in the past in a text without a record's structure (no TOP, no decision
    label)."""
    if has_reference:
        return None
    head = text[:3000]
    if _NEWS.search(head):
        return "Bericht"
    if (
        _PAST_NARRATION.search(head)
        and not _RECORD_LINE.search(head)
        and not _NAMED_SPEAKER_PAST.search(head)
    ):
        return "Bericht"
    return None


def past_report(text: str, has_reference: bool) -> str | None:
    """A council's doings told in the past tense, without a number: a report (Bericht)."""
    if has_reference:
        return None
    return "Bericht" if _PAST_NARRATION.search(text[:3000]) else None


KindRule = Callable[[str, bool], str | None]

#: The rules by name, in order: the first that names a kind wins.
KIND_RULES: dict[str, KindRule] = {
    "decisions_notice": decisions_notice,
    "attachment": attachment,
    "agenda_item_page": agenda_item_page,
    "statute": statute,
    "minutes": minutes,
    "gazette": gazette,
    "session_report": session_report,
    # an agenda lists "Feststellung der Beschlussfähigkeit" among its items: before the record
    "agenda": agenda,
    "session_record": session_record,
    "motion_letter": motion_letter,
    "motion_filed": motion_filed,
    "news_report": news_report,
    "narration": narration,
    "motion": motion,
    "motion_request": motion_request,
    "question": question,
    "decision_page": decision_page,
    "past_report": past_report,
}


def kind_from_content(text: str, has_reference: bool) -> str | None:
    """The kind the first matching rule names, or None."""
    for rule in KIND_RULES.values():
        kind = rule(text, has_reference)
        if kind:
            return kind
    return None


#: When no rule names a kind, the guess a careful reader makes of what the text is: prose on
#: council matters without a paper's or a record's marks is told as a report (on the dev split,
#: a Bericht is the annotated or an acceptable kind of 31 of the 77 such documents that name no
#: party; no other kind comes near), in a group's voice as its communication (Mitteilung: 13 of
#: the 25 that name a party or a group in their head, Bericht 9). The guess fills the field
#: only: the obligations are read with the kind unknown, and the document keeps its review
#: reason ``no_kind`` where it has one.
GUESSED_KIND = "Bericht"
GUESSED_GROUP_KIND = "Mitteilung"
_GROUP_VOICE = _I(r"\b(?:" + "|".join(PARTIES) + r")\b")


# What a motion says of itself where no rule named it: the resolution formula, a motion or a
# request to examine tabled ("haben wir folgenden Antrag gestellt", "diesen Prüfauftrag
# gestellt", "Beschlussvorschlag: (lt. Antrag des Einreichers)").
_MOTION_GUESS = _I(
    r"\b"
    + RESOLUTION_FORMULA
    + r"\b|\b(?:folgenden|diesen)\s+(?:Antrag|Prüfauftrag|Prüfantrag)\s+(?:\S+\s+){0,3}?"
    r"(?:gestellt|eingereicht|eingebracht)\b"
    r"|\bAntrag\s+des\s+Einreichers\b"
)


def guessed_kind(text: str) -> str:
    """The kind guessed for a text no rule names: a motion where it says it is one, a group's
    communication where the head names a party or a group, else a report."""
    head = text[:1500]
    if _MOTION_GUESS.search(head):
        return "Antrag"
    return GUESSED_GROUP_KIND if _GROUP_VOICE.search(head) else GUESSED_KIND


#: Kinds read for the reader's own rules that ANNOTATION.md's list of kinds does not hold:
#: a gazette page (``Amtsblatt``) prints notices and communications of its municipality, and
#: careful readers name such a page a ``Mitteilung``.
_REPORTED_AS: dict[str, str] = {"Amtsblatt": "Mitteilung"}


def reported_kind(kind: str | None) -> str | None:
    """The kind an extraction reports for the kind the header reading settled on."""
    return _REPORTED_AS.get(kind, kind) if kind is not None else None

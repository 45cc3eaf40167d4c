"""Obligations: the deadlines, report duties and addressee that a document imposes.

Only operative text counts: the ``möge beschließen`` items, a Beschlussvorschlag, sentences
with ``wird ersucht / beauftragt / gebeten``, ``zu berichten``, ``vorzulegen``, and labelled
fields such as ``Erledigungsfrist:``. False friends are left out: questions, the dates of a
rejected motion, meeting and reference dates (``Beschluss vom 25.02.2014``), reports the
administration declines, and the Beratungsfolge's own dates. A sentence whose structure puts
its time in doubt (:mod:`tracker.documents.doubts`: another level's duty, a negated
announcement, a question by word order, the unreal mood, a forecast, an earliest time, a time
already passed) is shown for review instead of recorded.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.documents.clauses import (
    ADMIN,
    ADOPTED_NEXT,
    ASKS,
    DEMANDED,
    FELL_NEXT,
    MOTION_THEN_PUT_OFF,
    MOVES,
    NEW_MATTER,
    NOT_A_LIMIT,
    PARTIES,
    PUBLIC_ACTS,
    TURNED_DOWN,
    is_question,
)
from tracker.documents.cues import Cue, any_of, cues_of, strong_of, time_cue, time_of
from tracker.documents.dates import MONTH
from tracker.documents.decisions import vote_tally
from tracker.documents.doubts import (
    LIST_ITEM,
    Reading,
    answered_motion,
    demand_items,
    doubt_of,
    member_motions,
    member_turns,
    original_motion,
)
from tracker.documents.grammar import DateContext, Term, find_terms, recurrence_of, review_of
from tracker.documents.labels import FOLLOW_UP_NAMES, LABELLED, follow_up_rows, labelled_deadlines
from tracker.documents.model import Consultation, Deadline, DeadlineKind, Report, ReviewItem
from tracker.documents.text import WITHIN_SENTENCE, one_of, sentence_list, squash
from tracker.documents.vocabulary import (
    ADMINISTRATION,
    AMENDMENT,
    COUNCIL,
    DECISION_LABELS,
    RESOLUTION_FORMULA,
)

_I = re.IGNORECASE

_OPERATIVE_START = re.compile(
    RESOLUTION_FORMULA + r"|^Beschlussvorschlag\b|"
    r"^Beschlussempfehlung\b|^Petitum\b|^Beschluss(?:text|antrag)?\s*:?\s*$|^Antrag\s*:\s*$|"
    r"^Beschl(?:uss|üsse)\s*:|\bbeschließt\s*:|"
    # ("Beschluss (in der geänderten Fassung):", "Beschluss in geänderter Fassung:")
    r"^Beschluss\s*(?:\((?:[^()\n]{0,40}\s)?(?:Fassung|Änderung\w*)\)|(?:in|mit)\s+(?:der\s+)?"
    r"[\w-]+\s+Fassung)\s*:|^Der\s+(?:" + COUNCIL + r"|Ausschuss)\b"
    r"[^.:]{0,80}\bbeschließt\b|wird\s+(?:wie\s+folgt\s+)?beschlossen\s*:"
    # a group's letter: "beantragt, ... folgenden Antrag zu beraten." and the items below
    r"|\b(?:folgenden|nachstehenden)\s+Antrag\b(?:\s+zu\s+\w+)?\s*[.:]\s*$"
    # "bittet um Aufnahme des folgenden Antrages auf die Tagesordnung der nächsten Sitzung ...:"
    r"|\b(?:folgenden|nachstehenden)\s+Antrag(?:e?s)?\b[^.:]{0,160}:\s*$"
    # "Die SPD-Fraktion beantragt für die Sitzung des Ausschusses ... am 26.11.2020:", the items
    # below
    r"|^(?:Die|Der|Wir|Ich)\b[^\n]{0,40}?\b(?:beantragt|beantragen|beantrage)\b[^\n]{0,200}:\s*$"
    # a body's request on a line of its own, its items below ("Der Ortsbeirat bittet den
    # Magistrat," / "1. ... zu prüfen;" / "3. dem Ortsbeirat bis zum 30.06.2026 ... zu
    # berichten.")
    r"|^(?:Der|Die|Das)\s+(?:[\w-]+\s+){1,3}?(?:bittet|ersucht|beauftragt)\s+(?:den|die|das)\s+"
    r"(?:[\w-]+\s+){0,3}?[\w-]+\s*[,:]\s*$"
    # "Der Kreistag erwartet vom Landrat, dass er" / "1. den Entwurf ... bis Mitte 2025 einbringt"
    r"|^(?:Der|Die|Das)\s+(?:[\w-]+\s+){1,3}?(?:erwartet|fordert)\s+(?:vom|von\s+der|von\s+dem)\s+"
    r"(?:[\w-]+\s+){0,3}?[\w-]+\s*,\s*dass\s+(?:er|sie|es)\s*:?\s*$",
    _I,
)
_OPERATIVE_END = re.compile(
    r"^(?:Begründung|Sachverhalt|Sachdarstellung|Erläuterung(?:en)?|Problembeschreibung|"
    r"Finanzielle\s+Auswirkungen|Anlage|Anlagen|Abstimmungsergebnis|Beratungsergebnis|Legende|"
    r"Sachstand|Beschlussbegründung|Hintergrund|Ausgangslage|Erledigungsfrist|Haushaltsmäßige|"
    r"Kosten|Rechtliche\s+Konsequenzen|Prüfung\s+der|Bestandteile)\b"
    # the record's next item ("TOP 5 Mitteilungen der Ortsvorsteherin")
    r"|^(?:zu\s+)?(?:TOP|Tagesordnungspunkt)\s*\d",
    _I,
)
#: A passive request: "wird ersucht", "werden um einen Bericht bis Ende 2020 gebeten".
# "wird ... beauftragt"; in minutes also "wurde mit der Beantwortung ... beauftragt" (the
# record of the order given in the session)
_PASSIVE_REQUEST = (
    # (a limit among the words: "wurde mit der Erarbeitung eines Konzepts bis zum 30.09.2025
    # beauftragt"; not a letter's date: "wurden mit Schreiben vom 15.10.2021 gebeten")
    r"(?:wird|werden|wurde|wurden)\s+(?:(?:[^\s.;:]+|(?<!vom\s)\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)\s+)"
    r"{0,8}?"
    r"(?:ersucht|beauftragt|gebeten|"
    r"aufgefordert|verpflichtet|angewiesen)\b"
)
#: An order told in the simple past, as gazettes and session reports tell a body's decision
#: ("Der Stadtrat beauftragte die Verwaltung, ...", "ersuchte den Magistrat, ..."); not the
#: participle before its noun ("die beauftragte Firma").
_ORDER_TOLD = (
    # (not "verpflichtete": "verpflichtete die neu gewählten Mitglieder" swears them in)
    r"|\b(?:beauftragte|beauftragten|ersuchte|ersuchten|ermächtigte|ermächtigten)\s+"
    r"(?:den|die|das|dem)\b"
)
#: An infinitive with "zu" ("zu sanieren", "zu erneuern"), or with "zu" inside after a
#: separable prefix ("vorzulegen", "abzuschließen").
_INFINITIVE = (
    # (not an adjective before its noun: "zu eigenen öffentlichen Aufgaben", "zu weiteren
    # Gesprächen")
    r"(?:zu\s+[a-zäöüß]{3,}e[lr]?n(?!\s+(?:[a-zäöüß]+e[nmrs]?\s+)?[A-ZÄÖÜ][a-zäöüß])|"
    r"(?:vor|dar|um|durch|ein|auf|aus|an|fest|her|mit|fertig|ab|bereit|fort|weiter|nach|zurück|"
    r"wieder|hin|hinzu|herzu|zusammen|bei|los|frei|teil|statt|zu|entgegen|voran)"
    r"zu[a-zäöüß]{2,}e[lr]?n)\b"
)
_OPERATIVE = re.compile(
    r"\b"
    + _PASSIVE_REQUEST
    + r"|\b(?:ersucht|beauftragt|bittet|bitten|fordert|fordern|verpflichtet)\s+(?:den|die|das|"
    r"dem|hiermit|daher)\b|\bzu\s+(?:ersuchen|beauftragen)\b"
    + _ORDER_TOLD
    # "Das Amt erhält den Auftrag, ...", "Der Verwaltung wird der Prüfauftrag erteilt, ..."
    + r"|\b(?:erhält|erhalten|erhielt|erhielten)\s+(?:hiermit\s+)?(?:den|einen)\s+(?:\w+\s+)?"
    r"[\w-]*[Aa]uftrag\b"
    r"|\b(?:wird|werden)\s+(?:hiermit\s+)?(?:der|ein)\s+[\w-]*[Aa]uftrag\s+erteilt\b"
    # a letter's request to its addressee: "bittet Sie, den folgenden Punkt ... zu nehmen"
    r"|\b(?:bittet|bitten)\s+Sie\s*,(?!\s*(?:liebe|sehr\s+geehrte))"
    # a motion's request, performative: "beantragt hiermit ... die Einberufung ... bis ..."
    r"|\b(?:beantragt|beantragen|beantrage)\s+hiermit\b"
    # "bittet um Vorlage eines Konzepts": a request for a paper, not "bittet um Zustimmung"
    r"|\b(?:bittet|bitten)\s+(?:\S+\s+){0,5}?um\s+(?:(?:einen|eine|die|den)\s+)?(?:\w+e\s+)?"
    r"(?:[\w-]*[Bb]ericht|Vorlage|Darstellung|Stellungnahme|Übersicht|Aufstellung|Rückmeldung)\b"
    r"|\b(?:ersucht|beauftragt|bittet|fordert)\s+(?:der|die|das)\s+[\w-]+\s+(?:den|die|das)\b"
    r"|\b(?:möge|mögen|soll|sollen|solle|muss|müssen|müsse)\b"
    # the request of a motion in the subjunctive with a passive ("sollten ... in Wiesen
    # umgewandelt werden")
    r"|\bsollte[n]?\b[^.;?]{0,160}?\b[a-zäöüß]+(?:t|en)\s+werden\b"
    # a motion's request in a clause ("Wir beantragen, dass die Verwaltung ... gibt")
    r"|\b(?:beantragt|beantragen|beantrage)\b(?:\s+\S+){0,2}?\s*,?\s*dass\b"
    # "Der Gemeinderat beschließt, die Straßen in 2018 zu sanieren": a decision to act; "Wir
    # beantragen, die Planung bis Ende 2026 abzuschließen": a motion's request
    r"|\b(?:beschließt|beschließen|beschloss|beschlossen|beantragt|beantragen|beantrage)\b"
    + WITHIN_SENTENCE
    + r"{0,200}?\b"
    + _INFINITIVE
    + r"|\b(?:hat|haben|ist|sind)\b"
    + WITHIN_SENTENCE
    + r"{0,160}?\b"
    + _INFINITIVE
    + r"|\bzu\s+berichten\b|\bvorzulegen\b|\bzu\s+informieren\b|\bzu\s+unterrichten\b"
    r"|\bdarzulegen\b|\bdarzustellen\b|\bmitzuteilen\b|\bzu\s+unterbreiten\b|\bvorzustellen\b"
    # an answer to be handed in later ("sagt zu, die Antwort schriftlich nachzureichen")
    r"|\bnachzureichen\b",
    _I,
)
# "haben ... verabredet, um die Gehwege zu schützen", "sind ... nicht zu finden": a purpose
# clause or a description, not a duty (``hat ... zu tun`` is one).
_NOT_A_DUTY = re.compile(
    r"\bum\b[^,.;]{0,120}?\bzu\s+\w+$|\bnicht\s+(?:mehr\s+)?zu\s+\w+$|"
    # a reproach: "hat es nicht für nötig gehalten, ... zu unterrichten", "hat versäumt, ... zu"
    r"\b(?:für\s+nötig|für\s+notwendig|für\s+erforderlich)\s+gehalten\b|\bversäumt\b|"
    r"\bunterlassen\b|"
    r"\bzu\s+(?:finden|sehen|erkennen|erwarten|beobachten|verzeichnen|lesen|entnehmen|hören|"
    r"bemerken|beklagen|begrüßen|bedauern|rechnen)$|\bauszugehen$",
    _I,
)


# "sollen am 2. Juli 2012 beginnen": a start, not a limit.
_STARTS = re.compile(
    r"\s+(?:\S+\s+){0,4}?(?:beginnen|beginnt|starten|startet|anlaufen|beginnende[nmrs]?|"
    r"startende[nmrs]?|stattfindende[nmrs]?)\b",
    _I,
)
# "der am 26. November 2015 nichtöffentlich gefassten Beschlüsse", "die bis Juni eingegangenen
# Anträge": a past participle in attributive use dates a thing done, not a duty ahead.
_DONE = re.compile(
    r"\s+(?:(?:im|in\s+der|vom|von\s+der|durch\s+den|durch\s+die)\s+[A-ZÄÖÜ]\S*\s+)?"
    # (not a passive's participle: "in der nächsten Sitzung wird gebeten")
    r"(?:(?!(?:wird|werden|wurde|wurden|ist|sind|war|waren)\s)[a-zäöüß]+\s+){0,2}?"
    r"[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)(?:e|en|er|es|em)\b"
)


# A mandate: someone is asked or bound to act (a request verb, ``ist ... zu tun``, ``vorzulegen``),
# not a bare modal: ``Lidl: im Jahr 2022 sollen 200 Standorte dazukommen`` mandates nothing.
_MANDATE = re.compile(
    r"\b"
    + _PASSIVE_REQUEST
    + r"|\b(?:ersucht|beauftragt|bittet|bitten|fordert|fordern|verpflichtet)\s+(?:den|die|das|"
    r"dem|hiermit|daher)\b|\bzu\s+(?:ersuchen|beauftragen)\b"
    + _ORDER_TOLD
    # an order given, told in the perfect, with the task as an infinitive ("Die ADD hat die
    # Ortsgemeinde aufgefordert, die Maßnahmen bis zum 30.06. abzuschließen")
    + r"|\b(?:hat|haben|hatte|hatten)\s+(?:\S+\s+){0,4}?(?:aufgefordert|beauftragt|gebeten|ersucht|"
    r"verpflichtet)\b(?=[^.;?]{0,160}?(?:\bzu\s+[a-zäöüß]{3,}e[lr]?n|[a-zäöüß]+zu[a-zäöüß]{2,}e[lr]?n)\b)"
    r"|\b(?:hat|haben|ist|sind)\b" + WITHIN_SENTENCE + r"{0,160}?\b" + _INFINITIVE,
    _I,
)
_PURPOSE_AHEAD = re.compile(
    r"^\s*(?:(?:[IVX]{1,4}|\d{1,2}|[a-z])[.)]\s*)?Um\b[^,;.]{0,240}?\bzu\s*[a-zäöüß]+en\s*,\s*"
    # (an item's number before it: "II. Um ..."); the purpose's own dass-clause ("Um die
    # Gefahr zu bannen, dass es in absehbarer Zeit kein Krankenhaus mehr gibt, werden ...")
    r"(?:dass\b[^,;.]{0,240}?,\s*)?"
)
# A purpose clause ("..., damit ein Baubeginn im Sommer 2010 möglich wird"): its time is the
# goal, not the duty.
_PURPOSE = re.compile(r",\s*(?:damit|um|sodass|so\s+dass)\b", _I)


def _binds_weak(term: Term, sentence: str, in_section: bool) -> bool:
    """Whether a weak term (``im Jahr 2025``, ``im Herbst 2025``) binds: in the resolution or
    in a sentence that mandates an action, and not inside a purpose clause."""
    if _PURPOSE.search(sentence, 0, term.start):
        return False
    return in_section or _MANDATE.search(sentence) is not None


@functools.lru_cache(maxsize=4096)
def _is_operative(text: str) -> bool:
    """Whether the text asks someone to act: an operative verb, a modal, ``hat ... zu tun``."""
    return any(
        not (
            m.group(0).lower().startswith(("hat", "haben", "ist", "sind"))
            and (_NOT_A_DUTY.search(m.group(0)) or _SUBCLAUSE_BETWEEN.search(m.group(0)))
        )
        for m in _OPERATIVE.finditer(text)
    )


# "haben ergeben, dass eine Anlage wirtschaftlicher zu betreiben ist": the infinitive belongs to
# a subordinate clause, not to "hat ... zu tun"
_SUBCLAUSE_BETWEEN = re.compile(r",\s*(?:dass|daß|ob|wenn|weil|da|als|wie|obwohl)\b", _I)


# A promise told ("sagt zu, ...", "sicherte ... zu", "wurde zugesagt"): a step announced.
_PROMISED = (
    r"\b(?:sagt|sagte|sicherte|sichert)\b" + WITHIN_SENTENCE + r"{0,80}?\bzu\b"
    r"|\bzugesagt\b|\bzugesichert\b"
)

# A verb in the present that tells no step of the administration: an auxiliary or modal, a
# state, an expectation or a record ("verfügt bis 2027 über Mittel", "rechnet bis 2027 mit
# Defiziten", "geht davon aus").
_NOT_A_STEP = (
    r"(?!(?:hat|hatte|war|wurde|ist|sind|kann|könnte|darf|verfügt|rechnet|geht|bleibt|hofft|"
    r"befürchtet|schätzt|sieht|hält|liegt|steht|verzeichnet|erhält|erhielt|benötigt|braucht|"
    r"kennt|weiß|erwartet|rechnete|ging)\b)"
)
# Who receives a report (the council, its groups and members) and what it receives.
_RECIPIENTS = (
    r"(?:Fraktionen|Ratsmitglieder|Mitglieder|Stadtverordneten|Gemeindevertreter\w*|"
    r"Kreistagsmitglieder|Stadträt\w*|Gemeinderät\w*|" + COUNCIL + r"|\w*[Aa]usschuss\w*)\b"
)
# A paper the administration owes, announced, expected or received ("ein Konzept", "den
# Sachstandsbericht", "eine Kostenschätzung", "die Unterlagen").
_PAPER_OWED = (
    r"[\w-]*(?:Konzept|Bericht|Vorlage|Entwurf|Stellungnahme|Antwort|Vorschl[aä]g|Lösung|"
    r"Entscheidung|[Üü]bersicht|Gutachten|Planung|Ergebnis|[Aa]ufstellung|[Ss]chätzung|"
    r"Unterlagen|Sachstand)\w*"
)
_PAPERS = r"(?:" + _PAPER_OWED + r")\b"
# "legt ... vor": the separable verb in the present, a paper still to come.
_LAYS_BEFORE = (
    r"(?:\blegt\b[^;?]{0,160}?\bvor"
    # "Die Verwaltung stellt die Ergebnisse ... vor": the administration as the subject
    r"|\b(?:Die|Der|Das)\s+" + ADMINISTRATION + r"\s+(?:stellt|teilt|trägt)\b[^;?]{0,160}?\b"
    r"(?:dar|mit|vor)"
    # "stellt die Verwaltung dar": the administration, not a chair telling the meeting
    r"|\b(?:stellt|teilt)\s+(?:\S+\s+){0,2}?(?:die|der|das)\s+"
    + ADMINISTRATION
    + r"\b[^;?]{0,160}?\b(?:dar|mit|vor))\s*(?=[.;,]|$)"
)
_FUTURE_TENSE_REPORT = (
    r"\b(?:wird|werden|werde)\s+(?:\S+\s+){0,16}?(?:informiert|unterrichtet|vorgelegt|berichtet|"
    r"vorgestellt|"
    r"vorlegen|berichten|informieren|unterrichten|vorstellen|darstellen|darlegen|mitteilen|"
    r"unterbreiten|vorschlagen|zur\s+Verfügung\s+gestellt|zugeleitet|übermittelt|nachgereicht|"
    r"zugesandt|beantworten)\b"
    r"|\b(?:informiert|unterrichtet|vorgelegt|berichtet)\s+(?:wird|werden)\b"
)
_PRESENT_REPORT = re.compile(_LAYS_BEFORE, _I)
# In minutes the present tells the session ("Die Verwaltung stellt die Fortschreibung vor"):
# there only the future announces a report.
_FUTURE_REPORT_IN_RECORD = re.compile(_FUTURE_TENSE_REPORT, _I)
# The administration or one of its offices ("Friedhofsverwaltung", "Tiefbauamt", "Bauhof").
_OFFICE = (
    r"(?:" + ADMINISTRATION + r"|Bauhof|Stadtwerke|Gemeindewerke|Kämmerei|[\w-]*amt|"
    r"[\w-]*verwaltung)"
)
# An action announced for later ("Die Berichte werden auf die Tagesordnung der nächsten
# Sitzung genommen", "wird die Arbeitsgruppe bis Ende Januar 2013 erste Hinweise geben"):
# with a term it counts as an obligation even outside a resolution.
_ANNOUNCED = re.compile(
    r"\b(?:wird|werden|werde|soll|sollen|solle)\b"
    + WITHIN_SENTENCE
    + r"{0,160}?\b(?:genommen|gesetzt|behandelt|beraten|"
    r"aufgerufen|vorgelegt|eingebracht|vorgestellt|erstattet|beantwortet|entschieden|"
    r"abgeschlossen|umgesetzt|fertiggestellt|durchgeführt|geben|erhalten|nachgereicht|"
    r"eingeladen|einberufen|anberaumt|übersandt|zugeleitet|zugehen|zugestellt|übermittelt|erarbeitet|erstellt|geprüft|"
    r"vorlegen|vorstellen|"
    r"nachreichen|beantworten|erarbeiten|erstellen|umsetzen|durchführen|klären|prüfen|"
    r"unterbreiten|unterbreitet|vorschlagen|vorgeschlagen|aufgreifen|aufgegriffen|befassen|"
    r"vorbereiten|vorbereitet|ausschreiben|ausgeschrieben|vergeben|einrichten|eingerichtet|"
    r"fertigstellen|abschließen|beginnen|begonnen|festgelegt|festgesetzt|"
    # works and acts of the administration announced ("wird im Herbst 2025 saniert")
    r"veröffentlicht|bekanntgegeben|bekanntgemacht|saniert|errichtet|gebaut|umgebaut|ausgebaut|"
    r"erneuert|installiert|aufgestellt|angeschafft|beschafft|eröffnet|ausgezahlt|"
    r"fortgeschrieben|überarbeitet|aktualisiert|ausgewertet|evaluiert|"
    # a decision to come ("Der formelle Beschluss wird in der nächsten Sitzung gefasst", "Die
    # Beschlussfassung wird am 10. November erfolgen")
    r"gefasst|getroffen|erfolgen)\b"
    r"|"
    + _PROMISED
    # the administration telling its own next step ("Ergänzend teilt die Verwaltung mit, dass
    # sie dem Ausschuss im ersten Quartal 2026 einen Vorschlag ... vorlegen wird")
    + r"|\b(?:teilt|teilte|kündigt|kündigte)\s+(?:der|die|das)\s+(?:"
    + ADMINISTRATION
    + r")\s+(?:\S+\s+){0,2}?(?:mit|an)\s*,\s*dass\s+(?:sie|er)\b(?:[^.;?]|(?<=\d)\.){0,160}?\b"
    r"(?:vorlegen|vorstellen|berichten|informieren|unterrichten|nachreichen|beantworten|"
    r"erarbeiten|prüfen)\s+(?:wird|werde)\b"
    # an agreement of the meeting ("Es wurde vereinbart, dass die Verwaltung ...")
    # ("Schließlich kam es zur Absprache, dass die Verwaltung ... vorstellt")
     + r"|\b(?:Absprache|Vereinbarung|Einigung|Verabredung)\s*,\s*dass\b"
    r"|\b(?:vereinbart|verabredet|verständigt\w*|verständigte\w*)\s*,\s*(?:dass|diesen|diese|"
    r"dieses|den|die|das|zunächst|bis|in)\b"
    # a thing scheduled ("Ein Zwischenbericht ist für die Sitzung im Juni vorgesehen"); the
    # forecast doubt rule shows it where it names no one who acts
    # (not a calendar of sessions: "Die weiteren Sitzungen in 2024 sind für ... geplant")
    r"|^(?!(?:Die|Der|Das)\s+(?:\w+\s+)?(?:Sitzung|Sitzungen|Sitzungstermin\w*|Termine)\b)"
    r".*\b(?:ist|sind|wird|werden)\s+(?:\S+\s+){0,8}?(?:vorgesehen|geplant|terminiert|avisiert)\b"
    # an action in the present with a limit ("Die Umsetzung erfolgt bis Ende 2026"): the
    # present of a plan, not of a routine, where "bis" or "spätestens" bounds it
    r"|\b(?:erfolgt|erfolgen)\b[^.;?]{0,80}?\b(?:bis|spätestens)\b"
    # an act placed in a session to come ("Die Vorstellung der Planung erfolgt in der Sitzung
    # am 12.03.2024"): a date past the paper's own is left by the date rules
    r"|\b(?:erfolgt|erfolgen)\s+(?:\S+\s+){0,3}?(?:in|zur)\s+(?:der|einer)\s+(?:\S+\s+){0,3}?"
    r"\S*[Ss]itzung\b"
    # the next report told ("Der nächste Sachstandsbericht erfolgt zur Sitzung am 02.10.2025")
    r"|\b(?:nächste|weitere)[nrs]?\s+[\w-]*[Bb]ericht\w*\s+(?:erfolgt|folgt)\b"
    r"|\b(?:bis|spätestens)\b[^.;?]{0,80}?\b(?:erfolgt|erfolgen)\b"
    # the administration (or one of its offices) acting in the present or the future with a
    # limit: "Die Verwaltung prüft bis zum 30.06.", "Der Bauhof stellt die Bänke bis Ostern
    # auf", "Frau Meier wird bis zum 01.05. die Unterlagen verschicken"
    r"|^(?:Die|Der|Das)\s+" + _OFFICE + r"\s+" + _NOT_A_STEP + r"[a-zäöüß]+t\b[^.;?]{0,100}?\b"
    r"(?:bis|spätestens)\b"
    # (the limit first: "Bis zum 30.09.2025 erarbeitet die Verwaltung ein Konzept."; not any
    # time first: "Im ersten Halbjahr 2022 unterrichtet die Verwaltung ..." took traps)
    + r"|^\W*(?:Bis|Spätestens)\b(?:[^.;?]|(?<=\d)\.){0,80}?\s"
    + _NOT_A_STEP
    + r"[a-zäöüß]+t\s+(?:die|der|das)\s+"
    + _OFFICE
    + r"\b"
    # a paper announced as the object ("Der Oberbürgermeister kündigte ein Konzept bis zum
    # 30.09.2025 an", "stellte einen Bericht für den Herbst in Aussicht")
    r"|\b(?:kündigt|kündigte|kündigten|stellt|stellte|stellten)\s+(?:\S+\s+){0,6}?(?:ein|eine|"
    r"einen|den|die|das)\s+(?:\w+e[nrs]?\s+)?" + _PAPER_OWED + r"\b"
    r"(?:[^.;?]|(?<=\d)\.){0,80}?\b(?:an|in\s+Aussicht)\s*[.;]?$"
    r"|\b(?:wird|werden)\b[^.;?]{0,60}?\b(?:bis|spätestens)\b(?:[^.;?]|(?<=\d)\.){0,80}?\b"
    # (not a state to come: "werden bis 2027 stabil bleiben", "wird bis 2030 verlängert werden")
    r"(?!(?:sein|werden|bleiben|gelten|laufen|dauern|steigen|sinken|fallen|reichen|liegen|"
    r"stehen|bestehen|betragen|kosten|haben)\b)[a-zäöüß]{3,}e[lr]?n\s*[.;]?$"
    # the administration proposing or planning what it will do ("Die Verwaltung schlage vor, im
    # 1. Quartal 2020 zwei Workshops zu veranstalten", "Die Verwaltung plant, ... vorzuschlagen")
    r"|\b(?:Die|Der|Das)\s+"
    + _OFFICE
    + r"\s+(?:(?:schlägt|schlagen|schlage|schlug)\s+(?:\S+\s+){0,3}?vor|plant|plane|beabsichtigt|"
    r"beabsichtige)\s*,\s*"
    + WITHIN_SENTENCE
    + r"{0,160}?\b"
    + _INFINITIVE
    # a body expecting a paper of the administration ("erwartet bis ... einen Vorschlag")
    + r"|\b(?:erwartet|erwarten)\b(?:[^.;?]|(?<=\d)\.){0,100}?\b"
    + _PAPER_OWED
    + r"\b"
    # the council or its groups receiving a paper by a time ("Die Fraktionen erhalten das
    # Gutachten bis spätestens 27. März", "Eine Vorlage ... erhalten die Fraktionen spätestens
    # zur Sitzung im Oktober")
    + r"|^\W*(?:Die|Der|Das|Alle)\s+(?:\w+\s+)?"
    + _RECIPIENTS
    + r"\s+(?:erhalten|erhält|bekommen|bekommt)\b(?:[^.;?]|(?<=\d)\.){0,100}?\b"
    + _PAPERS
    # (the paper first, where the sentence begins: not searched from every word)
    + r"|^\W*(?:Ein|Eine|Einen|Der|Die|Das|Den)\s+(?:\w+\s+)?"
    + _PAPERS
    + r"(?:[^.;?]|(?<=\d)\.){0,100}?\b(?:erhalten|erhält|bekommen|bekommt)\s+"
    r"(?:die|der|das|alle)\s+(?:\w+\s+)?"
    + _RECIPIENTS
    # a matter to come on an agenda ("werden auch ein Tagesordnungspunkt ... sein")
    + r"|\b(?:wird|werden)\b[^.;?]{0,80}?\b(?:Tagesordnungspunkt|Beratungsgegenstand)\b"
    # an entry into force decided ("Die Satzung tritt am 01.01.2026 in Kraft"); one that
    # happened ("ist ... in Kraft getreten") is none
    r"|\b(?:tritt|treten)\b" + WITHIN_SENTENCE + r"{0,120}?\b(?:in|außer)\s+Kraft\b"
    # a decided change taking effect ("Die erste Erhöhung kommt zum 1. Oktober", "gilt ab dem
    # 01.01.2026", "wird mit Wirkung zum 1.7. wirksam")
    r"|\b(?:gilt|gelten|greift|greifen|kommt|kommen|wirksam)\b[^.;?]{0,60}?"
    r"\b(?:zum|ab(?:\s+dem)?|mit\s+Wirkung\s+(?:vom|zum|ab))\s+\d"
    # ("Die Umbenennung wird zum 01.07.2026 wirksam"): the date before the word
    r"|\b(?:wird|werden)\s+(?:\S+\s+){0,3}?(?:zum|ab|mit\s+Wirkung\s+(?:vom|zum|ab))\s+\d"
    r"[^;?]{0,30}?\bwirksam\b"
    # a measure decided with its effective date ("richtet mit Wirkung vom 1. Juli 2016 ... ein")
    r"|\bmit\s+Wirkung\s+(?:vom|zum|ab)\s+\d"
    # the administration in the future tense ("Die Verwaltung wird das Thema ... wieder aufrufen",
    # "Bis zur Sitzung im Juni wird die Verwaltung Gespräche führen"): a commitment
    r"|\b(?:Die|Der|Das)\s+"
    + _OFFICE
    + r"\s+(?:\S+\s+){0,8}?(?:und\s+)?wird\b|\bwird\s+(?:die|der|das)\s+"
    + _OFFICE
    + r"\b",
    _I,
)
# A passive present of a work to come, bounded by a limit ("Weitere 60 Bügel werden bis zum
# 30.04.2025 montiert", "Bis zum 31.12.2025 werden weitere Leistungen online gestellt", "Die
# Linie wird zum 06.01.2025 aufgenommen"): any participle at the sentence's end.
_PASSIVE_AHEAD = re.compile(
    r"\b(?:wird|werden)\b(?:[^.;?]|(?<=\d)\.){0,160}?\b(?:[a-zäöü]{0,10}ge[a-zäöüß]{2,}(?:t|en)|"
    # (a verb with an inseparable prefix has no "ge": "ersetzt", "verlegt", "beseitigt"; not a
    # term drawn out, "bis zum 31.12.2029 verlängert")
    r"(?!verlängert)[a-zäöü]{0,6}(?:er|ver|be|ent|zer|über)[a-zäöüß]{3,}t|"
    r"[a-zäöüß]{3,}iert)\s*[.;]?$"
    # a time limit drawn out ("Die Frist zur Vorlage des Gesamtkonzepts wird bis zum 31.07.2025
    # verlängert"): the new limit
    r"|\b[\w-]*(?:[Ff]rist|[Tt]ermin)\b(?:[^.;?]|(?<=\d)\.){0,100}?\b(?:wird|werden)\b"
    r"(?:[^.;?]|(?<=\d)\.){0,100}?\bverlängert\s*[.;]?$"
    # the verb last in a clause told ("Der Kämmerer teilt mit, dass die Aufstellung des
    # Jahresabschlusses bis zum 30.09.2026 abgeschlossen wird.")
    r"|\b(?:mit|berichtet|informiert|erklärt|erläutert|versichert|bestätigt|an)\s*,\s*dass\b"
    r"(?:[^.;?]|(?<=\d)\.){0,160}?\b(?:[a-zäöü]{0,10}ge[a-zäöüß]{2,}(?:t|en)|"
    r"[a-zäöüß]{3,}iert|erweitert|abgeschlossen|vorgelegt)\s+(?:wird|werden)\s*[.;]?$"
)
_PASSIVE_LIMIT = re.compile(
    r"\b(?:bis|spätestens)\b|\bzum\s+(?=\d|Schul|Kita|Kindergarten|Jahres|Monats|Quartals|"
    r"Halbjahres|Ende|Beginn|Start)|\bzur\s+(?=nächsten|kommenden|Sitzung|Saison|Sommerpause)",
    _I,
)


def _passive_ahead(sentence: str) -> bool:
    """A work announced in the passive present with a limit that is no range (``vom 20. Mai
    bis 24. Mai``, ``von 20:00 Uhr bis 5:00 Uhr`` are periods, not limits)."""
    if _PASSIVE_AHEAD.search(sentence) is None:
        return False
    for m in _PASSIVE_LIMIT.finditer(sentence):
        if m.group(0).lower().startswith("bis") and (
            _opens_range(sentence, m.start(), 60)
            or _TIME_OF_DAY.match(sentence, m.end(), m.end() + 12)
        ):
            continue
        return True
    return False


_TIME_OF_DAY = re.compile(r"\s*\d{1,2}(?::\d{2})?\s*Uhr")


def _opens_range(sentence: str, at: int, width: int) -> bool:
    """Whether a range opens (``von``, ``vom``, ``ab``, ``zwischen``) within ``width``
    characters before ``at``: a ``bis`` there closes it."""
    return _RANGE_START.search(sentence[max(0, at - width) : at]) is not None


_NEXT_SESSION = re.compile(r"\b(?:nächsten?|kommenden?|folgenden?)\s+[\w-]*(?:[Ss]itzung|BVV)", _I)
# A term that sets a limit: inside the resolution it binds even without an operative verb
# ("Alle Einbahnstraßen werden bis Ende des Jahres 2022 freigegeben.").
_LIMIT = re.compile(r"^(?:bis|spätestens|binnen|innerhalb|im\s+Laufe|im\s+Verlauf)\b", _I)
# ... or just before it: a numeric date carries no words ("bis spätestens zum 1.1.2025").
_LIMIT_BEFORE = re.compile(
    r"\b(?:bis|spätestens|noch)(?:\s+(?:spätestens|zum|zur|am|bis|im|in))*\s*$", _I
)
_REPORT_WORDS = re.compile(
    r"\bberichte[nt]?\b|\bBericht(?:e|s|es|en|erstattung)?\b|\b(?:Sachstands|Zwischen|Schluss|"
    r"Abschluss|Tätigkeits|Erfahrungs|Jahres|Evaluations|Fortschritts|Umsetzungs|Status|"
    r"Quartals|Halbjahres|Monats)bericht\w*|\binformier|"
    # (informing, not the school's lessons: "der Unterricht im neuen Gebäude")
    r"\bunterricht(?:en|et|ete|eten|ung)\b|\bvorzulegen\b|\bvorgelegt\b|\bvorlegen\b|"
    r"\bnachzureichen\b|\bnachgereicht\b|\bum\s+(?:die\s+|eine\s+)?(?:Vorlage|Darstellung|Übersicht)\b|"
    # an answer still owed ("Die Antwort wird schriftlich übermittelt", "wird die Frage bis zur
    # nächsten Sitzung beantworten")
    r"\bAntwort\s+(?:\S+\s+){0,6}?(?:nachgereicht|übermittelt|zugesandt|zugeleitet)\b|"
    r"\b(?:wird|werden|werde)\s+(?:\S+\s+){0,10}?beantworten\b|"
    r"\b(?:sagt|sagte|sichert|sicherte|kündigt|kündigte)\b[^.;?]{0,80}?\bzu\s+beantworten\b|"
    # a request for feedback ("Wir bitten um eine zeitnahe Rückmeldung über die Ergebnisse")
    r"\bum\s+(?:die\s+|eine\s+)?(?:\w+\s+)?Rückmeldung\b|"
    # a paper due before a body, in nominal style ("Vorlage im Bauausschuss ... 2. Quartal 2025")
    r"\bVorlage\s+(?:im|in\s+der|an\s+den|an\s+die)\s+[\w-]*(?:[Aa]usschuss|[Rr]at|[Ss]itzung|"
    r"Gremium|Kreistag)\b|"
    r"\bmitzuteilen\b|\bdarzustellen\b|\bdarzulegen\b|\bRechenschaft\b|\bunterbreite\w*|"
    r"\bvorzustellen\b|\bvorstellen\b|\bInformations(?:drucksache|vorlage)\b|\bSachstand\w*|"
    # "Maßnahmen aufzuzeigen": proposals to present
    r"\baufzuzeigen\b|"
    # other words of presenting to a body ("über den Stand Auskunft zu geben", "dem Ausschuss
    # eine Aufstellung zukommen zu lassen", "die Ergebnisse dem Rat zu erläutern", "soll die
    # Ergebnisse präsentieren")
    r"\bAuskunft\s+(?:zu\s+)?(?:geben|erteilen)\b|\bzukommen\s+(?:zu\s+)?lassen\b|"
    r"\b(?:zu\s+)?erläutern\b|\b(?:zu\s+)?präsentieren\b|"
    # a presentation to a body still to come ("wird dem Gemeinderat im Herbst vorgestellt")
    r"\b(?:wird|werden)\b[^.;?]{0,120}?\b(?:dem|der|den)\s+(?:\w+\s+)?(?:" + COUNCIL + r"|"
    r"\w*[Aa]usschuss\w*|Gremium|Gremien)\b[^.;?]{0,80}?\b(?:vorgestellt|präsentiert|"
    r"dargestellt|erläutert|zur\s+Verfügung\s+gestellt|übermittelt|zugeleitet|mitgeteilt)\b|"
    # "auf dem Laufenden zu halten", "in Kenntnis zu setzen", "gibt ... einen Überblick" (not
    # "hatten ... auf dem Laufenden gehalten"; "ist ... zur Kenntnis zu geben" is Berlin's
    # formula for passing the paper itself on)
    r"\bvorzutragen\b|\bdarlegen\b|\bBeantwortung\b|\bauf\s+dem\s+Laufenden\s+(?:zu\s+halten|halten|hält)\b|"
    r"\bin\s+Kenntnis\s+(?:zu\s+setzen|setzen|setzt)\b|"
    r"\b(?:gibt|geben|zu\s+geben)\b[^.;?]{0,80}?\bÜberblick\b|\bsoll(?:en|te|ten)?\b"
    + WITHIN_SENTENCE
    + r"{0,120}?\bvorliegen\b|"
    + _LAYS_BEFORE,
    _I,
)
# What is put before the council or its groups: "den Fraktionen eine Liste ... zur Verfügung zu
# stellen", "dem Rat ... in einer Vorlage vorschlagen", "im Ausschuss ... vorgestellt", "eine
# Übersicht zusammenzustellen", "für eine Sitzung ... vorzubereiten" (the dative, not the council
# as the subject: "Der Gemeinderat wird um Entscheidung gebeten"). Read only where one of its
# verbs occurs (:data:`_PUT_BEFORE_VERBS`): the articles it starts from are everywhere.
_PUT_BEFORE = re.compile(
    r"(?:\b(?-i:dem|der|den)|\bDem)\s+(?:\w+\s+)?(?:" + COUNCIL + r"|Fraktionen|Gremien|"
    r"\w*[Aa]usschuss\w*)\b"
    r"[^.;?]{0,120}?\b(?:zur\s+Verfügung\s+(?:zu\s+stellen|stellen|gestellt)|vorschlagen|"
    r"vorzuschlagen)\b|"
    r"\b(?:im|in\s+der|in\s+einer)\s+(?:\w+\s+)?(?:\w*[Aa]usschuss\w*|\w*[Ss]itzung)\b[^.;?]{0,80}?"
    r"\bvorgestellt\b|"
    r"\b(?:Übersicht|Aufstellung|Zusammenstellung)\b[^.;?]{0,40}?\bzusammenzustellen\b|"
    r"\bin\s+einer\s+Übersicht\s+zusammenzustellen\b|"
    r"\bfür\s+(?:eine|die)\s+(?:\w+\s+)?Sitzung\b[^.;?]{0,80}?\bvorzubereiten\b",
    _I,
)
# What is to come put before a body ("Die Ergebnisse sind dem Rat zur Kenntnis zu geben"), not
# the paper itself passed on ("Die Vorlage ist der BVV zur Kenntnis zu geben").
_TO_NOTE = re.compile(r"\bzur\s+Kenntnis\s+zu\s+geben\b", _I)
_PAPER_PASSED_ON = re.compile(
    r"\b(?:Vorlage|Drucksache|Beschluss\w*|Antrag|Mitteilung|Niederschrift|Protokoll|Empfehlung)\s+"
    r"(?:ist|wird)\b"
)
_PUT_BEFORE_VERBS = (
    "Verfügung",
    "orschlagen",
    "orzuschlagen",
    "vorgestellt",
    "zusammenzustellen",
    "vorzubereiten",
)


# Report words that name no duty to report: the text reporting itself ("Im Folgenden wird über
# die Beschlüsse berichtet", "über deren Verlauf folgend berichtet wird", a gazette's section
# "Aus dem Rathaus wird berichtet"), a speaker having news ("wussten auch Gutes zu berichten")
# and someone introducing or informing himself ("sich vorzustellen", "um sich ... zu informieren").
_NOT_A_REPORT = re.compile(
    r"\b(?:im\s+Folgenden|nachfolgend|folgend|wie\s+folgt)\b[^.;?]{0,60}?\bberichtet\b"
    r"|\bberichtet\b[^.;?]{0,20}?\b(?:wie\s+folgt|Folgendes|im\s+Folgenden)\b"
    r"|\bAus\s+dem\s+[\w-]+\s+wird\s+berichtet\b"
    r"|\b(?:wusste|wussten|weiß|wissen)\b[^.;?]{0,80}?\bzu\s+berichten\b"
    r"|\bsich\s+(?:[^\s.;?]+\s+){0,8}?(?:vorzustellen|vorstellen|vorstellte|vorgestellt|"
    r"zu\s+informieren|informieren|informierte|informiert)\b",
    _I,
)


class _ReportPattern:
    """A duty to report, inform or present (:data:`_REPORT_WORDS`, :data:`_PUT_BEFORE`), with
    a pattern's ``search``; none where the words name no duty (:data:`_NOT_A_REPORT`)."""

    def search(self, text: str) -> re.Match[str] | None:
        found = _REPORT_WORDS.search(text)
        if found is None and any(verb in text for verb in _PUT_BEFORE_VERBS):
            found = _PUT_BEFORE.search(text)
        if found is None and "Kenntnis" in text and _PAPER_PASSED_ON.search(text) is None:
            found = _TO_NOTE.search(text)
        if found is not None and _NOT_A_REPORT.search(text) is not None:
            return None
        return found


_REPORT = _ReportPattern()
_DECLINED = re.compile(
    r"\b(?:nicht|kein\w*)\b(?:\W+\w+){0,6}?\W+(?:bericht\w*|informier\w*|vorgeleg\w*|Kenntnis|"
    r"vorzulegen|vorgesehen|erfolgen|erforderlich|beabsichtigt|geplant|möglich|leistbar)"
    r"|\b(?:Bericht\w*|Berichterstattung|Information)\b(?:\W+\w+){0,6}?\W+(?:nicht|kein\w*)\b"
    r"|\babgesehen\b|\bverzichtet\b|\bentbehrlich\b|\bwird\s+abgelehnt\b"
    r"|\b(?:Bericht\w*|Berichterstattung)\b[^.;]{0,40}?\bentf(?:ällt|allen)\b"
    r"|\bohne\s+(?:einen\s+|weiteren\s+)?(?:Sachstands|Zwischen)?[Bb]ericht\b",
    _I,
)
# A conditional or relative clause ("Für jede Straße, bei welcher eine Freigabe nicht möglich
# ist, legt die Verwaltung ... vor"): its negation does not decline the main clause's report.
_SUBCLAUSE = re.compile(
    r",\s*(?:(?:(?:bei|in|an|auf|für|mit|von|zu|nach|über|unter)\s+)?(?:welche[mnrs]?|denen)|"
    r"wenn|falls|sofern|soweit|sobald)\b[^,.;]*,",
    _I,
)
# A rule quoted as background ("Nach den Richtlinien müssen die Wege nach drei Jahren erneut
# geprüft werden", "Gemäß § 102 GO ist die Jahresrechnung ... vorzulegen"): the law's period,
# not the council's follow-up.
_NORM_CITED = re.compile(
    r"^(?:Nach|Gemäß|Laut|Lt\.|Entsprechend|Nach\s+Maßgabe)\s+(?:(?:den|der|dem|des)\s+)?"
    r"(?:§|Art\.|Artikel|[\w-]*(?:Richtlinie|Satzung|Verordnung|Gesetz|Vorschrift|Bestimmung|"
    r"ordnung|recht|Erlass|Vorgabe)\w*)",
    _I,
)
# "Der Bürgermeister sei nicht darüber informiert": a state of knowledge, not a declined report.
_INFORMED_STATE = re.compile(
    r"\b(?:sei|ist|war|wäre|sind|waren)\b(?:\W+\w+){0,5}?\W+informiert\b(?!\s+(?:werden|wird))"
    r"|\binformiert\s+(?:sein|sei|ist|war|gewesen)\b",
    _I,
)
_QUESTION_KINDS = re.compile(r"Anfrage|Frage", _I)
#: Kinds of a paper that proposes what is to be done (a motion, a Vorlage), not a record.
_PROPOSING_KIND = re.compile(r"antrag|vorlage|drucksache|Beschlussempfehlung", _I)
# A report given, told in the past ("Die Verwaltung informierte das Gremium, dass ..."): a
# record, unless the sentence looks ahead.
_REPORTED_PAST = re.compile(
    r"\b(?:informierte|informierten|berichtete|berichteten|unterrichtete|unterrichteten|"
    r"erläuterte|erläuterten|präsentierte|präsentierten)\b"
    # a duty that was ("der dem Schulausschuss bis zum 31.03.2020 vorzulegen war")
    r"|\b(?:vorzulegen|vorzustellen|zu\s+berichten|zu\s+informieren|zu\s+unterrichten)\s+"
    r"(?:war|waren)\b",
    _I,
)
#: The finite verbs that look ahead (the future, a duty): one list for the patterns below.
_FUTURE_VERBS = r"wird|werden|werde|soll|sollen|solle|muss|müssen"
# A question's own request for its answer by a time ("bitten um zeitnahe schriftliche Antwort",
# "Um Beantwortung bis zum 15.03.2024 wird gebeten"): the one duty an Anfrage sets.
_ANSWER = r"\b(?:Antwort|Beantwortung|Rückmeldung|Stellungnahme|Auskunft)\b"
_ANSWER_ASKED = re.compile(
    r"\b(?:bitten|bitte|bittet|ersuchen|erbitten|erbeten|gebeten)\b[^.;?]{0,80}?"
    + _ANSWER
    + r"|"
    + _ANSWER
    + r"[^.;?]{0,80}?\b(?:gebeten|erbeten)\b",
    _I,
)
_AHEAD = re.compile(r"\b(?:" + _FUTURE_VERBS + r"|künftig|zukünftig|weiterhin)\b", _I)
#: Kinds that record several matters: one of them rejected leaves the others' terms.
_NOTICES = frozenset({"Amtsblatt", "Bekanntmachung", "Tagesordnung"})
_RECORDS = frozenset({"Niederschrift", "Amtsblatt", "Bekanntmachung", "Bericht", "Tagesordnung"})
# A line that opens one matter of several ("TOP 4", "Beschluss-Nr. 13/2024:", "Zu TOP 3").
# (a follow-up list's numbered item too: "1) Beschluss vom 25.02.2025, TOP 6 – ...")
# (the agenda item's words, shared with :data:`_MATTER_START`, which reads sentences)
_AGENDA_ITEM = r"TOP\s*[ÖN]?\s*\d|Tagesordnungspunkt\s+\d|Punkt\s+\d{1,2}\b"
_MATTER_LINE = re.compile(
    r"^[^\S\n]*(?:\d{1,2}[.)][^\S\n]*)?(?:Zu\s+)?(?:" + _AGENDA_ITEM + r"|"
    r"Beschluss-?Nr\.?:?\s*(?:[A-Z]{1,5}[\s/-]?)?\d|(?:Beschluss|Sitzung)\s+vom\s+\d)",
    re.MULTILINE,
)
_PROMISE = re.compile(_PROMISED)
# A resolution that adopts a statute given with the paper ("beschließt die
# Kostenbeitragssatzung in der Fassung der Anlage 1", "die als Anlage beigefügte Satzung"), and
# that statute's own entry into force: decided with it, though printed after the resolution.
# (the resolution's formula may have been cut off: "die als Anlage beigefügte Satzung ...")
_ADOPTS_STATUTE = re.compile(
    r"(?:\bbeschlie(?:ß|ss)(?:t|en)\b|\berl(?:ässt|assen)\b|^\W*(?:die|den|das)\b)[^.;?]{0,160}?"
    r"(?:[Ss]atzung|[Vv]erordnung|[Oo]rdnung)\b",
    _I,
)
_STATUTE_IN_FORCE = (
    r"\b(?:Diese|Die)\s+(?:\w+\s+){0,3}?(?:\w*[Ss]atzung|\w*[Vv]erordnung|\w*[Oo]rdnung)\s+"
    r"(?:tritt|treten)\b" + WITHIN_SENTENCE + r"{0,80}?\bin\s+Kraft\b"
)
_PROMISE_OR_IN_FORCE = re.compile(_PROMISED + "|" + _STATUTE_IN_FORCE)
# A published list of a session's decisions: "Beschlüsse der Stadtverordnetenversammlung vom
# 10. Juli 2025", "Bekanntmachung der in der Sitzung vom ... gefassten Beschlüsse".
_DECISION_LIST = re.compile(
    r"^[^\S\n]*(?:Beschlüsse\s+(?:der|des|aus\s+der|aus\s+dem)\b|(?:Bekanntgabe|Bekanntmachung)\s+"
    r"(?:der|von)\s+(?:\S+\s+){0,8}?Beschlüss|[^\n]{0,80}\bgefassten?\s+Beschlüsse\b)",
    re.MULTILINE,
)


# An excerpt of minutes: one item's record ("Auszug aus der Niederschrift", "Protokollauszug").
_EXCERPT = re.compile(
    r"\bAuszug\s+aus\s+(?:der|dem)\s+(?:\S+\s+){0,2}?(?:Sitzungs)?(?:Niederschrift|Protokoll|Beschlussbuch)"
    r"|\b(?:Protokoll|Niederschrifts|Sitzungsprotokoll|Beschluss)auszug\b",
    _I,
)


# What an excerpt's record of the decision says binds: an item adopted with a condition ("Ziffer 2
# wird mit der Maßgabe beschlossen, dass der Standortvorschlag bis Ende September 2019 vorgelegt
# wird"), a duty added ("Die Verwaltung berichtet dem Jugendgemeinderat halbjährlich").
_DECIDED_BELOW = re.compile(
    r"\b(?:beschlossen|beschließt|beauftragt|gebeten|ersucht|berichtet|vorgelegt|vorzulegen|"
    r"zu\s+berichten|vorlegen)\b",
    _I,
)


# The heading of the decision's record below a motion: "Beschluss des Gemeinderats vom
# 23.04.2024 (TOP 7):".
_DECISION_HEAD = re.compile(
    r"^[^\S\n]*Beschluss\b[^\n.]{0,80}?\bvom\s+\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}[^\n]{0,40}:[^\S\n]*$",
    re.MULTILINE,
)
_MOVED = re.compile(MOVES + r"|\bbeantragte\b", _I)


def _decided_below(text: str, section: str) -> list[str]:
    """The sentences of an excerpt printed below a motion (the record of its decision) that
    tell what was decided: they bind with the motion's resolution."""
    at = text.find(section)
    if at < 0:
        return []
    m = _EXCERPT.search(text, at + len(section)) or _DECISION_HEAD.search(text, at + len(section))
    if m is None:
        return []
    below = sentence_list(text[m.end() :])
    return [
        x
        for i, x in enumerate(below)
        if _DECIDED_BELOW.search(x)
        # not a motion made in the session, nor one that fell in the sentences after it
        and not _MOVED.search(x)
        and not any(FELL_NEXT.match(y) for y in below[i + 1 : i + 4])
    ]


def _several_matters(kind: str | None, text: str) -> bool:
    """Whether the document records several matters (minutes, a gazette, a list of a
    session's decisions): no one motion's fate decides all its terms."""
    return (
        kind in _RECORDS
        or len(_MATTER_LINE.findall(text)) >= 2
        or _DECISION_LIST.search(text[:3000]) is not None
    )


def _one_item_excerpt(kind: str | None, text: str) -> bool:
    """Whether a record is an excerpt of one item (a motion followed by the excerpt that tells
    its fate): its fate is the motion's."""
    return (
        kind in _RECORDS
        and not _several_matters(None, text)  # (a record by its kind alone)
        and _EXCERPT.search(text) is not None
        # (an adoption told as well: a second vote, the resolution after a member's motion fell)
        and ADOPTED_NEXT.search(text) is None
    )


# Where the answer to a question starts: "Antwort der Verwaltung:", "Beantwortung:",
# "Stellungnahme der Verwaltung", "Die Verwaltung beantwortet die Anfrage wie folgt".
_ANSWER_START = re.compile(
    r"^[^\S\n]*(?:Antwort(?:\s+(?:der|des)\s+\w+)?|Beantwortung(?:\s+der\s+Anfrage)?|"
    r"Stellungnahme(?:\s+(?:der|des)\s+\w+)?)\s*:?[^\S\n]*$"
    r"|^[^\S\n]*(?:Antwort|Beantwortung)\s*:"
    # "Antwort des Oberbürgermeisters (Schreiben vom 12.08.2024):", "Antwort zu 3: Ja."
    r"|^[^\S\n]*(?:Antwort|Beantwortung)\s+(?:der|des|zu|auf|von)\b[^\n:?]{0,100}:"
    r"|^[^\S\n]*(?:Die|Der)\s+\w+\s+(?:beantwortet|antwortet)\b[^\n]{0,80}?\bwie\s+folgt\b",
    re.MULTILINE,
)
# An answer without a heading: a letter's formula ("zu Ihrer Frage ... teile ich mit:"), or the
# first line below a question that is no question itself ("2. Werden ... vorgenommen?" / "Das
# Bezirksamt wird ... pflanzen.").
_ANSWER_AFTER = re.compile(
    # the paper is the answer: "Kreis Lippe - Beantwortung der Anfrage der Kreistagsfraktion"
    r"\b(?:Beantwortung|Antwort)\s+(?:der|des|auf\s+die|zur)\s+(?:\S+\s+){0,3}?Anfrage\b"
    # (an interim reply: "für Ihre Anfrage vom 02.03.2026 danke ich Ihnen")
    r"|^[^\S\n]*(?:[–-][^\S\n]*)?(?:Zwischennachricht|Zwischenbescheid|Zwischenantwort|"
    r"Zwischenbericht)\b"
    # "Die Verwaltung nimmt wie folgt Stellung:", "Der Magistrat teilt hierzu Folgendes mit:"
    r"|\b(?:nimmt|nehmen)\s+(?:\S+\s+){0,3}?(?:wie\s+folgt|folgendermaßen)\s+Stellung\b"
    r"|\b(?:teilt|teilen)\s+(?:\S+\s+){0,3}?(?:wie\s+folgt|Folgendes)\s+mit\b"
    r"|\b(?:für\s+Ihre\s+Anfrage\b(?:[^.\n]|(?<=\d)\.){0,60}?\bdanke\s+ich|"
    r"teile\s+ich\s+(?:Ihnen\s+)?(?:\S+\s+){0,2}?mit|beantworte\s+ich|kann\s+ich\s+Ihnen\s+"
    r"(?:\S+\s+){0,2}?mitteilen|nehme\s+ich\s+(?:\S+\s+){0,2}?Stellung)\b"
    # (after a blank line too: "Frage 1: Wie viele ...?" / "" / "Mit dem Fahrplanwechsel ...")
    r"|(?<=\?)[^\S\n]*[\"“”]?[^\S\n]*\n(?:[^\S\n]*\n)?(?=[^\S\n]*(?!\d{1,2}[.)]\s)[^\n?]{12,}$)",
    re.MULTILINE,
)
# A postponement: its target (a month, a quarter, the next session) is an event deadline.
_POSTPONED = re.compile(
    r"(?:\bvertagt|\bverschoben|\bzurückgestellt|[Vv]ertagung|[Vv]erschiebung|Wiedervorlage|"
    r"wieder\s+vorgelegt|erneut\s+(?:zu\s+)?(?:beraten|vorgelegt|vorzulegen|aufgerufen|aufzurufen|"
    r"behandelt|behandeln)|"
    r"(?:verschieben|vertagen|zurückstellen|zurückzustellen|zu\s+vertagen|zu\s+verschieben)|"
    # an adjourned session: "Die Sitzung wird am 13.1.2020 fortgesetzt."
    r"[Ss]itzung\s+(?:wird|werden)\s+(?:\S+\s+){0,5}?fortgesetzt)\b",
    _I,
)
# A planning, budget or electoral period named just before a term: its span, not a limit.
_PERIOD_NAMED = re.compile(
    r"\b(?:[\w-]*[Ff]inanzplanung\w*|Planungszeitraum\w*|Wahlzeit|Wahlperiode|Amtszeit|"
    r"Amtsperiode|Legislatur\w*|Förderzeitraum\w*|Förderperiode)\s*$"
)
# A session as a target's noun, with its body and its day or month to come: "Sitzung des
# Bauausschusses am", "Ratssitzung im".
# (the committee's name may run to a few words: "des Haupt- und Finanzausschusses")
_SESSION_NAMED = r"[\w-]*[Ss]itzung\w*(?:\s+(?:des|der)(?:\s+[\w-]+){1,4}?)?(?:\s+(?:am|im|vom))?"
# "auf die Sitzung am", "in die Sitzung des Bauausschusses im": a session named as a target
_SESSION_TARGET = re.compile(
    r"\b(?:auf|in)\s+(?:die|den)\s+(?:\S+\s+){0,2}?" + _SESSION_NAMED + r"\s*$", _I
)
# "vertagt auf den ...", "auf die Sitzung (des Bauausschusses) am ...": the target comes next
_TARGET_BEFORE = re.compile(
    r"\b(?:auf|in|bis|zur|zum)(?:\s+(?:den|die|das|dem|der))?"
    r"(?:\s+(?:nächste\w*\s+)?" + _SESSION_NAMED + r")?\s*$",
    _I,
)
# Time words that no rule read: an operative sentence holding one is shown to a person.
_TIME_WORD = re.compile(
    r"\bbis\s+(?!zu\s+\d|auf\b|hin\b|dato\b|heute\b|jetzt\b|dahin\b)(?:zu[mr]?\s+|spätestens\s+|"
    r"Ende\s+|Mitte\s+|Anfang\s+)?[A-ZÄÖÜ\d]\w*|\bspätestens\b|\b(?:Erledigungs|Abgabe|"
    r"Berichts)?[Ff]rist(?:en)?\b|\bTermin\b|\b(?:innerhalb|binnen)\s+(?:von\s+|der\s+|des\s+|"
    r"eines\s+|einer\s+)?(?:[\w-]+\s+)?(?:Tag|Woche|Monat|Jahr|Frist|Quartal|Halbjahr|"
    r"Wahlperiode|Legislatur)\w*|"
    r"\bQuartal\w*|\bHalbjahr\w*|\bJahreshälfte\b|\bSommerpause\b|\b\w*ferien\b|"
    r"\b(?:im|zum|bis\s+zum)\s+(?:Frühjahr|Sommer|Herbst|Winter|Jahreswechsel)\b|"
    r"\b(?:nächsten|kommenden|folgenden)\s+(?:Sitzung|Sitzungs\w+|Ausschuss\w*|Rats\w*)",
    _I,
)
# "in der Sitzung am 15.05.2025 vorzustellen": a session ahead is a due date (see _due_terms).
#: A meeting named with its day ("Sitzung am", "Versammlung am"): its date is no due date
#: unless it lies ahead.
_MEETING = r"(?:[Ss]itzung|[Vv]ersammlung|Besprechung|Termin|Treffen|Gespräch|Begehung)"
_SESSION_ON = re.compile(_MEETING + r"\s+am\s*$")
# "In der Ratssitzung am 04.09.2007 wurde vereinbart": a session on record, not one ahead.
# "In der jüngsten Sitzung ... am 17. Dezember ist die Verwaltung gebeten worden": so too.
_RECORDED = re.compile(
    r"\b(?:wurde|wurden|war|waren|hat|haben|hatte|hatten|fand|fanden|worden|jüngsten|"
    r"vergangenen|vorigen)\b",
    _I,
)
_NOT_A_DUE_DATE = re.compile(
    # ("mit Wirkung vom/ab" is an effective date, no reference)
    r"(?:(?<!Wirkung\s)\bvom|\bseit|(?<!Wirkung\s)\bab|" + _MEETING + r"\s+am|[Ss]itzung\s+vom|"
    r"\bStand(?:\s*:)?|\bgeändert\s+am|\bbeschlossen\s+am|\bDatum|\bSchreiben\s+vom|\bfand\s+am|\bwurde\s+am|\bhat\s+am|"
    # a record's field ("Gröbern am: 12.05.2009 mit Beschluss-Nr.: 399/2009")
    r"\bam:)"
    r"\s*(?:dem\s+|den\s+)?$",
    _I,
)
_EVENT_NOUN = re.compile(
    r"Konferenz|Veranstaltung|Workshop|Tagung|Fest\b|Feier|Forum|Anhörung|Versammlung\b|"
    r"Gespräch|Treffen|Fachtag|Aktionstag|Einwohnerversammlung|Begehung|\bin\s+Kraft\b|"
    r"\b(?:gilt|gelten|greift|greifen|kommt|kommen|wirksam)\b",
    _I,
)
_ADDRESSEE_PASSIVE = re.compile(
    r"\b(?:Der|Die|Das)\s+((?:[\w./-]+\s+){0,5}?[\w./-]+)\s+"
    + _PASSIVE_REQUEST
    # a clause of its own after a comma or "und", its subject a noun: "..., der Bauhof wird
    # gebeten, Erde aufzufüllen"
    + r"|(?:(?<=,\s)|(?<=\bund\s))(?:der|die|das)\s+((?:[\w./-]+\s+){0,3}?[A-ZÄÖÜ][\w./-]*)\s+"
    + _PASSIVE_REQUEST
)
_ADDRESSEE_ACTIVE = re.compile(
    r"\b(?:ersucht|beauftragt|bittet|bitten|fordert|fordern|verpflichtet)\s+"
    # the subject after the verb: the council, a committee, a group ("bittet die
    # Grünen-Fraktion die Verwaltung um ...")
    r"(?:(?:der|die|das)\s+(?:" + COUNCIL + r"|Ausschuss|[\w-]*[Ff]raktion|[\w-]*[Gg]ruppe)\s+)?"
    r"(?:den|die|das)\s+"
    r"((?:[\w./-]+\s+){0,4}?[\w./-]+?)\s*(?:,|\.|\s+(?:auf|um|zu|bis|mit|im|in|für|dafür|"
    r"darum|hiermit|deshalb|daher|nochmals|erneut|außerdem)\b)"
)
_ADDRESSEE_INVERTED = re.compile(
    r"\b(?:wird|werden)\s+(?:der|die|das)\s+((?:[\w./-]+\s+){0,3}?[\w./-]+)\s+(?:\S+\s+){0,2}?"
    r"(?:ersucht|beauftragt|gebeten|aufgefordert|verpflichtet)\b"
)
_ADDRESSEE_INFINITIVE = re.compile(
    r"\b(?:den|die|das)\s+((?:[\w./-]+\s+){0,3}?[\w./-]+)\s+"
    # "das Tiefbauamt mit einer Prüfung ... zu beauftragen": the task follows ``mit``
    r"(?:mit\s+(?:[^\s.;:]+\s+){0,12}?)?zu\s+(?:ersuchen|beauftragen|bitten|verpflichten)\b"
)
# "einen Sachstandsbericht durch die involvierten Fachabteilungen der Verwaltung über ...":
# who is to report, when the sentence names no one else.
_REPORT_AGENT = re.compile(
    r"\b(?:Bericht|Sachstandsbericht|Zwischenbericht|Berichterstattung)\w*\s+durch\s+"
    r"(?:die|den|das)\s+((?:[\w./-]+\s+){0,4}?[\w./-]+?)(?=\s+(?:über|zu|zum|zur|bis|im|in|an|"
    r"bezüglich)\b|\s*[,.;]|$)"
)
_QUESTIONED = re.compile(
    r"\b(?:frage[n]?|Fragen\s+an|Anfrage\s+(?:wird\s+)?an|richtet\s+sich\s+an)\s+"
    r"(?:den|die|das)\s+((?:[\w./-]+\s+){0,2}?[\w./-]+?)\s*(?::|\.|,|$|\s+(?:gestellt|"
    r"gerichtet|zu|um|über|nach|ob)\b)",
    re.MULTILINE,
)
_ASKED_ABOUT = re.compile(r"\b(?:der|die|das|dem|den|des)\s+(" + ADMINISTRATION + r")(?:es|s)?\b")
_ADDRESSEE_MODAL = re.compile(
    r"\b(?:Der|Die|Das)\s+((?:[\w./-]+\s+){0,4}?[\w./-]+)\s+(?:möge|mögen|soll|sollen|wird|hat|"
    r"ist\s+gehalten|erstattet|informiert|berichtet|legt)\b"
    r"|\b(?:erstattet|informiert|berichtet|fordert\s+über|legt)\s+(?:der|die|das)\s+"
    r"((?:[\w./-]+\s+){0,2}?[\w./-]+?)(?=\s|,|\.)"
    # the administration charged in the perfect, its participle after it ("hat ... den
    # Grundsatzbeschluss gefasst ... und die Verwaltung beauftragt, die Schritte einzuleiten")
    r"|\b(?:den|die|das)\s+((?:[\w./-]+\s+){0,2}?[\w./-]+?)\s+(?:mit\s+(?:\S+\s+){0,8}?)?"
    r"(?:beauftragt|ersucht|gebeten|aufgefordert)\s*,"
)
_COUNCIL_BODY = re.compile(r"^(?:" + COUNCIL + r"|Ausschuss)\b")
_RECIPIENT = re.compile(
    r"\b(?:der|die|das|den|dem)\s+((?:[A-ZÄÖÜ][\w]*-\s+und\s+)?(?:[A-ZÄÖÜ][\w-]*?"
    r"(?:ausschuss|rat|versammlung|beirat|kommission|gremium|vertretung)|Ausschuss|Rat|Kreistag|"
    r"Bürgerschaft|BVV|Beirat|Gremium)\b"
    r"(?:\s+für\s+[A-ZÄÖÜ][\w-]*(?:(?:,\s*|\s+und\s+)[A-ZÄÖÜ][\w-]*)*)?)"
)


@dataclass(frozen=True)
class Obligations:
    """What the operative text asks of whom."""

    deadlines: tuple[Deadline, ...]
    reports: tuple[Report, ...]
    addressee: str | None
    warnings: tuple[str, ...]
    review: tuple[ReviewItem, ...] = ()


# An opening of the operative text that an export wrapped onto two lines.
_WRAPPED_START = re.compile(
    r"\b(?:folgenden|nachstehenden)\s+Antrag(?:e?s)?\b[^.:]{0,160}:\s*$", _I
)


# A request to take note ("Der Regionalausschuss und die Bezirksversammlung werden um
# Kenntnisnahme gebeten", "Der Rat nimmt den Bericht zur Kenntnis"): the council is asked to
# read, not to bind anyone.
_TAKES_NOTE = re.compile(
    r"\b(?:um\s+(?:die\s+)?Kenntnisnahme|zur\s+Kenntnis\s+(?:genommen|nehmen|gegeben)|nimmt\b"
    + WITHIN_SENTENCE
    + r"{0,160}?\bzur\s+Kenntnis)\b",
    _I,
)


def _takes_note_only(section: Sequence[str]) -> bool:
    """Whether a resolution's sentences only take note: a Mitteilung's Petitum binds no one, and its
    announcements are read as in any text (``Das Bezirksamt wird ... bis Ende August 2026
    ... durchführen``)."""
    # (a label line alone, "/Beschlussvorschlag", is no sentence of it)
    sentences = [x for x in section if len(x.split()) > 2]
    return bool(sentences) and all(_TAKES_NOTE.search(x) for x in sentences)


def operative_text(text: str) -> str | None:
    """The operative sections (``möge beschließen`` ... ``Begründung``), or None."""
    chunks: list[str] = []
    collecting = False
    previous = ""
    for line in text.split("\n"):
        stripped = line.strip()
        start = _OPERATIVE_START.search(stripped)
        # the opening wrapped onto this line ("... des folgenden Antrages auf die Tagesordnung
        # der nächsten" / "Sitzung des Ausschusses:"): nothing of it is kept
        wrapped = (
            start is None
            and bool(previous)
            and stripped.endswith(":")
            and _WRAPPED_START.search(f"{previous} {stripped}") is not None
        )
        previous = stripped
        if start or wrapped:
            collecting = True
            rest = stripped[start.end() :].strip(" :") if start else ""
            if rest and not rest.lower().startswith(("beschließen", "daher")):
                chunks.append(rest)
                if not rest.endswith((".", "!", "?", ":")):
                    continue  # its sentence goes on in the next line ("bis zum" / "31.12.")
            chunks.append("")
            continue
        if collecting and _OPERATIVE_END.match(stripped):
            collecting = False
        if collecting:
            chunks.append(line)
    joined = "\n".join(chunks).strip()
    return joined or None


_TASK_LIST = re.compile(
    r"\b(?:" + FOLLOW_UP_NAMES + r"|Erledigungsvermerk|Erledigungsstand|Umsetzungsstand)\b"
    r"|^(?:Auftrag|Zuständig\w*)\s*:",
    _I | re.MULTILINE,
)
# What a follow-up list's row says of a task's state, not when it is due ("Sachstand: Lieferung
# vom Hersteller für Mai 2025 zugesagt"): no sentence of the record to read for obligations.
_STATUS_LABEL = re.compile(
    r"^(?:Sachstand|Bemerkung(?:en)?|Stand|Status|Erledigungsstand|Umsetzungsstand|"
    r"Erledigungsvermerk)\s*:",
    _I,
)


# The administration's report verb in the present: "berichtet", "informiert", "legt ... vor".
_REPORTS_NOW = re.compile(
    r"\b(?:berichtet|informiert|unterrichtet|(?:legt|stellt)\b[^.;?]{0,160}?\bvor)\b", _I
)
# The administration as the subject opening a sentence (a resolution's item may be numbered):
# "Die Verwaltung informiert den Ausschuss laufend".
_ADMIN_SUBJECT = re.compile(r"^\W*(?:\d+\.\W*)?(?:Die|Der|Das)\s+(?:" + ADMINISTRATION + r")\b")
_ADMIN_INVERTED = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:Über|Zum|Zur|Dazu|Hierzu|Darüber)\b[^,;]{0,80}?\s(?:berichtet|informiert|unterrichtet|"
    r"erstattet|legt)\s+(?:der|die|das)\s+(?:" + ADMINISTRATION + r"|Amt)\b"
    r"|^\W*(?:Einen|Den|Ein)\s+(?:[\w-]+\s+)?[\w-]*[Bb]ericht\w*\s+(?:\S+\s+){0,3}?(?:erwartet|erwarten)\s+"
    r"(?:der|die|das)\s+(?:" + COUNCIL + r"|[\w-]*[Aa]usschuss)\b"
)
# A report no one owes the council: a group promising its readers ("Über das Ergebnis werden
# wir berichten"), or an agenda row that lists a report delivered there ("| 3.1 | Umsetzung
# OZG Halbjährlicher Statusbericht, 10.01.2024 |": numbered, without a verb).
_WE_REPORT = re.compile(
    r"\b(?:werden|wollen|möchten|werde)\s+wir\b|\bwir\s+(?:werden|wollen|möchten)\b", _I
)
_ITEM_ROW = re.compile(r"^\W*(?:TOP\s*)?[ÖN]?\s*\d{1,2}(?:\.\d{1,2})*\.?\s*\W")
_FINITE = re.compile(
    r"\b(?:wird|werden|soll|sollen|ist|sind|hat|haben|muss|müssen|möge|mögen|berichtet|legt|"
    r"stellt|informiert|unterrichtet|erstattet|gibt|erhält|erfolgt|bittet|beauftragt)\b|"
    r"\bzu\s+[a-zäöüß]{3,}e[lr]?n\b|"
    r"[a-zäöüß]zu[a-zäöüß]{2,}e[lr]?n\b",
    _I,
)


# The minutes put before the next session for approval ("Das Sitzungsprotokoll wird in der
# nächsten Sitzung am 10. Juli 2025 zur Bestätigung vorgelegt"): the body's routine, no duty.
_MINUTES_APPROVAL = re.compile(
    r"\b(?:[\w-]*[Pp]rotokoll|[\w-]*[Nn]iederschrift)\w*\b[^;?]{0,120}?\bzur\s+(?:Genehmigung|"
    r"Bestätigung|Billigung|Unterschrift|Unterzeichnung)\b"
)


def _nobody_owes(sentence: str) -> bool:
    """Whether a sentence's term is the public's (:data:`PUBLIC_ACTS`) or the body's routine
    (:data:`_MINUTES_APPROVAL`): no duty of the administration, in every pass that reads it."""
    return (
        PUBLIC_ACTS.search(sentence) is not None or _MINUTES_APPROVAL.search(sentence) is not None
    )


# The administration acting in a numbered item, in the present ("2. Die Verwaltung prüft ...",
# "3. Der Bürgermeister erarbeitet ..."): a sentence, not an agenda row.
_ADMIN_ACTS = re.compile(
    r"^\W*(?:\d{1,2}[.)]\W*)?(?:Die|Der|Das)\s+(?:" + ADMINISTRATION + r")\s+[a-zäöüß]{3,}t\b"
)
# An invitation's formula asking the members to excuse themselves ("Sollten Sie verhindert sein,
# bitte ich Sie, ... die Verwaltung bis spätestens 02.02.2026 zu informieren", "Verhinderungen
# bitte ich bis Montag ... mitzuteilen"): the members' notice, not a report owed the council.
_EXCUSED = re.compile(r"\b(?:verhindert|Verhinderung\w*)\b", _I)


def _not_owed(sentence: str) -> bool:
    """Whether a report sentence is one no one owes the council (see :data:`_WE_REPORT`,
    :data:`_EXCUSED`)."""
    if _WE_REPORT.search(sentence) and not PARTIES.search(sentence):
        return True
    if _EXCUSED.search(sentence):
        return True
    return (
        bool(_ITEM_ROW.match(sentence))
        and not _FINITE.search(sentence)
        and not _ADMIN_ACTS.match(sentence)
    )


# What runs out by itself after a soft term: "in Kürze auslaufen", "demnächst abläuft".
_EXPIRES = re.compile(
    r"\s+(?:\S+\s+){0,2}?(?:aus|ab)(?:laufen|läuft|gelaufen)\b|\s+(?:enden|endet|erlöschen|erlischt|"
    r"verfallen|verfällt)\b",
    _I,
)
# The head of a statute's text and its paragraphs: "Hauptsatzung der Stadt ...", "§ 3".
_STATUTE_HEAD = re.compile(
    r"\b(?:Hauptsatzung|Geschäftsordnung|[A-ZÄÖÜ][\wäöüß-]*satzung|Satzung\s+(?:über|zur|der))\b"
)
_PARAGRAPH = re.compile(r"§\s*\d+|^\s*\(\d{1,2}\)\s", re.MULTILINE)
# Something that takes place ("findet ... statt"), on a day ("am ..."), or the invitation to it.
_TAKES_PLACE = re.compile(
    r"\b(?:findet|finden)\b"
    + WITHIN_SENTENCE
    + r"{0,160}?\bstatt\b|\bstattfinden\b|\beingeladen\b|\beinladen\b",
    _I,
)
# An event set for a day ("Die Bürgerversammlung ist für den 21.11.2024 terminiert"; not a
# work's completion): read only where the verb occurs (the nouns are common).
#: A festivity of public life ("Seefest", "Neujahrsempfang", "Feier").
_FESTIVITY = r"\w[Ff]est|\bFest|[Ff]eier|[Ee]mpfang"
_SET_FOR_A_DAY = re.compile(
    r"(?:[Vv]ersammlung|[Ss]itzung|[Vv]eranstaltung|"
    + _FESTIVITY
    + r"|[Tt]reffen)\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\b(?:terminiert|anberaumt)\b"
)


# A meeting as the subject, set for a time ("Die erste Ratssitzung im neuen Jahr ist für den
# 04.02.2026 vorgesehen"): its date, not a limit (a report "für die Sitzung im Juni vorgesehen"
# is not its subject).
_MEETING_SET = re.compile(
    r"^\W*(?:Die|Der|Das)\s+(?:\w+\s+)?[\w-]*(?:[Ss]itzung|[Vv]ersammlung)\w*\b[^.;:]{0,80}?"
    r"\b(?:ist|sind|wird|werden)\s+(?:\S+\s+){0,6}?(?:vorgesehen|geplant|angesetzt|terminiert|"
    r"anberaumt)\b"
)


def _takes_place(sentence: str) -> bool:
    """Whether the sentence tells when something happens (:data:`_TAKES_PLACE`,
    :data:`_SET_FOR_A_DAY`, :data:`_MEETING_SET`, :data:`_FESTIVITY_SET`)."""
    if _TAKES_PLACE.search(sentence) or _MEETING_SET.search(sentence):
        return True
    if ("geplant" in sentence or "vorgesehen" in sentence) and _FESTIVITY_SET.search(sentence):
        return True
    return ("terminiert" in sentence or "anberaumt" in sentence) and bool(
        _SET_FOR_A_DAY.search(sentence)
    )


# A festivity of public life or an outing planned for a day ("Das Seefest ist für den 11. Juli
# 2026 geplant"): when it happens, not a limit set for anyone.
_FESTIVITY_SET = re.compile(
    r"(?:" + _FESTIVITY + r"|[Ww]ochenmarkt|[Ww]eihnachtsmarkt|[Uu]mzug|[Kk]onzert|[Ff]estival|"
    # (an outing of the body: "Der nächste Stadtteilspaziergang ... ist für den 24. Mai 2025
    # geplant")
    r"[Kk]irmes|[Ss]paziergang|[Rr]undgang|[Rr]undfahrt|[Ee]xkursion|[Ii]nfoabend|"
    r"[Ii]nformationsabend)\b" + WITHIN_SENTENCE + r"{0,80}?\b(?:geplant|vorgesehen)\b"
)


# A day a meeting is set for ("die Abstimmung mit den Fachbehörden ..., die für den 24.06.2025
# angesetzt ist"): its day, not a limit (a work's completion set for a day stays).
_SET_FOR = re.compile(r"\s*(?:angesetzt|terminiert|anberaumt)\b", _I)
_MEETING_NOUN = re.compile(
    r"(?:[Ss]itzung|[Tt]ermin|[Aa]bstimmung|[Bb]esprechung|[Gg]espräch|[Tt]reffen|[Aa]nhörung|"
    r"[Ee]rörterung|[Ww]orkshop|[Vv]ersammlung|[Aa]rbeitskreis)"
)
# What was reached by a day, told ("sind bis 30.06. erst 2,1 Mio. EUR abgeflossen"): a status.
_SO_FAR = re.compile(
    r"\s*(?:erst|bereits|schon|insgesamt|lediglich)\s+(?:rund\s+|rd\.\s+|ca\.\s+)?\d", _I
)
# A status's day ("den Stand zum 30. Juni und zum 30. September"): what a report tells, not
# when it is due.
_STATUS_AT = re.compile(
    r"\bStand(?:es)?\s+(?:zum|am|per|vom)?\s*(?:[^;]{0,25}?\s(?:und|sowie)\s+"
    r"(?:zum|am|per)?\s*)?$",
    _I,
)
# A state that lasts until then ("bleiben gesperrt, bis der Fördermittelbescheid vorliegt").
_LASTS = re.compile(
    r"\b(?:bleibt|bleiben)\s+(?:\S+\s+){0,3}?(?:gesperrt|geschlossen|ausgesetzt|bestehen|"
    r"erhalten|befristet)\s*,?\s*(?:bis(?:\s+(?:zum|zur))?\s*)?$",
    _I,
)
# An appointment: a day with its hour ("am 31.05.2025 um 10 Uhr ... stattfinden").
_AT_HOUR = re.compile(r"\s*,?\s*(?:um|ab|von)\s+\d{1,2}(?:[.:]\d{2})?\s*Uhr\b", _I)
# How long something is valid, told after its end ("ist bis zum 31.12.2024 befristet", "eine
# Nachrückerliste, die bis zum 31.12.2025 gilt") or before it ("gilt bis 30.06.2026"): a
# validity, not a duty.
_VALIDITY = re.compile(r"\s*(?:befristet|gültig|gilt|gelten)\b", _I)
_VALIDITY_BEFORE = re.compile(r"\b(?:gilt|gelten|gültig)\s+(?:\S+\s+){0,2}?$", _I)
# A session named as the cause or the occasion ("wegen des Ausfalls der Schulausschusssitzung
# am 23.02.2015"): its date, not a limit.
_CAUSE_DATE = re.compile(
    r"\b(?:wegen|aufgrund|infolge|trotz)\b[^,;]{0,60}?\w*[Ss]itzung\s+(?:vom|am)\s*$", _I
)
# A date in the first cell of a table row ("29.10.2025 | ...") dates the row.
_CELL_AFTER = re.compile(r"[^\S\n]*\|")


def _dates_the_row(sentence: str, term: Term) -> bool:
    """Whether the term is the first cell of a table row: the row's date, never due."""
    return not sentence[: term.start].strip() and _CELL_AFTER.match(sentence, term.end) is not None


# "erst nach der Genehmigung auf der nächsten Sitzung", "erst im Jahr 2026": not before then
_ONLY_AFTER = re.compile(
    r"\berst\s+(?!(?:einmal|mal)\b)(?:\S+\s+){0,5}$"
    # the day a period ends, the act after it ("soll nach Ablauf der Bindefrist am 28.05.2025
    # erteilt werden")
    r"|\bnach\s+(?:Ablauf|Ende)\s+(?:der|des)\s+[\w-]+\s+am\s*$",
    _I,
)
# A date that heads what follows it ("am 08.05.2025:", "vom 12.03.2024:"): a label, never due.
_AT_DATE = re.compile(r"\b(?:am|vom|den)\s*$", _I)
_COLON = re.compile(r"[^\S\n]*:")


# A popular election's day ("als Wahltag ... der Sonntag, 08.03.2026", "die Stichwahl am
# 22.03.2026"): the citizens vote, no one owes the council anything by it. (A referendum the
# council schedules, "Der Termin für den Bürgerentscheid wird auf den ... festgelegt", is the
# administration's to hold: not here.)
_ELECTION_DAY = re.compile(
    r"\b(?:Wahltag\w*|Wahlsonntag|Stichwahl\w*|Wahltermin\w*|(?:Kommunal|Landtags|Bundestags|"
    r"Europa|Bürgermeister|Oberbürgermeister|Landrats|Gemeinderats|Stadtrats|Kreistags)wahl\w*)\b",
    _I,
)


def _election_day(sentence: str, term: Term) -> bool:
    """Whether a date names a popular election's day (not a limit before it: "bis zur
    Kommunalwahl")."""
    return (
        term.rule in ("numeric_date", "named_date", "day_without_year", "iso_date")
        and _ELECTION_DAY.search(sentence[max(0, term.start - 120) : term.end + 40]) is not None
        and not _is_limit(term, sentence)
    )


def _due_terms(sentence: str, context: DateContext, skip: set[date]) -> list[Term]:
    kept = []
    takes_place = _takes_place(sentence)
    for term in find_terms(sentence, context):
        if (
            term.rule == "event_anchor"
            and term.start == 0
            and term.text.split(" ", 1)[0].lower() in ("der", "die", "den")
        ):
            continue  # "Die nächste Sitzung findet am ... statt": the subject, not a target
        before = _before(sentence, term)
        # the session a matter was put off to, told in the past too ("wurde auf die Sitzung am
        # 25. März vertagt"): the postponement's target, ahead
        target = _SESSION_TARGET.search(before) is not None and _POSTPONED.search(sentence)
        if (
            _NOT_A_DUE_DATE.search(before)
            and not target
            and not (
                _SESSION_ON.search(before)
                and context.is_ahead(term)
                and not _RECORDED.search(sentence)
            )
        ):
            continue
        if _STARTS.match(sentence, term.end, term.end + 40):
            continue
        if _PERIOD_NAMED.search(before):
            continue  # "in der Finanzplanung bis 2029", "für den Rest der Wahlzeit bis 2028"
        if term.rule == "soft_term" and _EXPIRES.match(sentence, term.end):
            continue  # "Grabnutzungsrechte, die in Kürze auslaufen": a state ahead, no duty
        if _AT_DATE.search(before) and _COLON.match(sentence, term.end):
            continue  # "beschlossen im Stadtrat am 08.05.2025: Die Verwaltung soll ...": a label
        if _dates_the_row(sentence, term):
            continue  # "29.10.2025 | Der Gemeinderat hat ... beschlossen": the row's date cell
        if _election_day(sentence, term) or _set_aside(sentence, term, takes_place):
            continue
        if _ONLY_AFTER.search(before) and not _is_limit(term, sentence):
            # "kann dies erst nach der Genehmigung auf der nächsten Sitzung tun": the earliest
            # time, not a limit
            continue
        if not _is_limit(term, sentence) and _DONE.match(sentence, term.end, term.end + 60):
            # "der am 26. November 2015 gefassten Beschlüsse", "die am 28.06.2022 im
            # Gemeinderat vorgestellte Satzung": a past event, attributive (not "bis zum
            # 30.06. den geprüften Bericht vorzulegen", a limit before the object)
            continue
        if term.date in skip and term.rule in ("numeric_date", "named_date"):
            continue
        if _past_mention(term, sentence, context):
            continue
        if (
            not target
            and (
                context.anchor is None
                or (term.rule in _YEAR_GUESSED and not _is_limit(term, sentence))
            )
            and _PAST_CLAUSE.search(_clause(sentence, term, and_too=True))
        ):
            # "hat ihre Tätigkeit im August wieder aufgenommen": no date to judge by; "die
            # Ausschreibung sei im Januar erfolgt": a month whose year was guessed ahead
            continue
        kept.append(term)
    return kept


def _past_mention(term: Term, sentence: str, context: DateContext) -> bool:
    """A date before the document's own, not set as a limit: a record of the past (``am
    12.03.2019 vorgestellt``), not an obligation. A quoted limit (``bis 31.12.2014 zu
    berichten``) stays: a report answering a motion quotes the duty it answers."""
    anchor = context.own
    return (
        term.date is not None
        and anchor is not None
        and term.date < anchor
        and not _is_limit(term, sentence)
    )


def _is_limit(term: Term, sentence: str) -> bool:
    """Whether the term sets a limit: ``bis Ende 2023``, ``spätestens zum 1.1.2025``, a period
    that runs out (``nach Ablauf eines Jahres``); not the end of a range (``vom 15.03. bis
    31.10.``, ``von Januar bis März 2025``)."""
    if term.text.lower().startswith("bis") and _RANGE_BEFORE.search(_before(sentence, term, 50)):
        return False
    return bool(
        _LIMIT.match(term.text)
        or term.rule == "after_period"
        or _LIMIT_BEFORE.search(_before(sentence, term))
    )


def _in_range(sentence: str, term: Term) -> bool:
    """Whether a term is the start or the end of a range (``vom 01.11.2023 bis 31.03.2024``,
    ``vom 23. bis 25.08.2024``)."""
    if term.rule == "period":
        return bool(re.match(r"(?i)(?:vom|von|zwischen)\b", term.text))
    before = _before(sentence, term, 50)
    if term.text.lower().startswith("bis") or re.search(r"\bbis\s+(?:zum\s+|zur\s+)?$", before):
        return _RANGE_BEFORE.search(before) is not None
    return bool(
        re.search(r"\b(?:vom|von|zwischen|Zeitraum|Laufzeit)\s+(?:dem\s+)?$", before)
        and re.match(r"\s*(?:bis|-|–|und)\s", sentence[term.end : term.end + 8])
    )


# The start of a range just before a "bis" term: "vom 15.03.", "von Januar", "zwischen dem 1."
_RANGE_BEFORE = re.compile(
    r"\b(?:vom|von|ab|zwischen|Zeitraum|Laufzeit)\s+(?:dem\s+|den\s+)?(?:\d|Januar|Februar|März|April|Mai|Juni|"
    r"Juli|August|September|Oktober|November|Dezember|Anfang|Mitte|Montag|Dienstag|Mittwoch|"
    r"Donnerstag|Freitag|Samstag|Sonntag)[^,;:]{0,25}$"
)


_RANGE_START = re.compile(r"\b(?:von|vom|ab|über|zwischen)\b", _I)
# "Straßenbauprogramm 2019 bis 2023": a span of years, not a limit
_SPAN_START = re.compile(r"(?:19|20)\d{2}\s*$")


def _time_word(sentence: str) -> bool:
    """Whether the sentence holds a time word; ``bis`` closing a range of places or numbers
    (``von Wilhelmsruh bis Berlin``) is none."""
    for m in _TIME_WORD.finditer(sentence):
        if m.group(0).lower().startswith("bis") and (
            _opens_range(sentence, m.start(), 80)
            or _SPAN_START.search(sentence, max(0, m.start() - 12), m.start())
        ):
            continue
        return True
    return False


# A resolution in the passive present ("wird ... ausgebaut", "werden ... ergänzt"): the
# section under "möge beschließen" binds even without a modal or a limit.
_RESOLVED = re.compile(
    r"\b(?:wird|werden)\b"
    + WITHIN_SENTENCE
    + r"{0,160}?\b(?:(?:ab|an|auf|aus|durch|ein|fertig|fest|her|um|vor|weiter)?"
    r"ge[a-zäöüß]{3,}(?:t|en)|[a-zäöüß]+iert)\b"
)


def _schedule(sentence: str, terms: list[Term]) -> bool:
    """Three or more plain dates and no limit: a table or a timetable run into one
    sentence (a Beratungsfolge, a schedule of meetings), not an obligation."""
    dated = [t for t in terms if t.date is not None]
    return len({t.date for t in dated}) >= 3 and not any(_is_limit(t, sentence) for t in dated)


# "der Sitzung vom 26.06.2025", "seit dem 1.1.": the date of a paper or a state, never due.
_REFERENCE_DATE = re.compile(r"\b(?:vom|seit)(?:\s+dem)?\s*$|\bam:\s*$", _I)


# A clause in the perfect or past tense and not the future: a record ("hat ... im August wieder
# aufgenommen"), used where no document date tells the past from the future.
_PAST_CLAUSE = re.compile(
    # (not a duty: "ist ... zu tun", "hat im III. Quartal 2025 zu erfolgen")
    r"^(?!.*\b(?:wird|werden|soll|sollen|muss|müssen)\b|.*\b(?:hat|haben|ist|sind)\b[^,]*\b"
    + _INFINITIVE
    + r")"
    r".*\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|sei|seien)\b.*\b(?:ge[a-zäöüß]{3,}(?:t|en)|"
    r"(?:ab|an|auf|aus|ein|vor|zu|mit|um|durch)ge[a-zäöüß]{3,}(?:t|en)|"
    # participles without ge- ("sei im Januar erfolgt", "wurde ... vergeben")
    r"(?:er|ver|be|ent|zer|emp)[a-zäöüß]{3,}(?:t|en)|[a-zäöüß]{3,}iert)\b",
    _I | re.S,
)


#: Terms whose year the reader supplied (the next such month or day after the document's date).
_YEAR_GUESSED = frozenset({"month_without_year", "day_without_year"})


#: Terms that name when something is to happen (a month, a session, a quarter, a season),
#: not a day a thing takes effect or a span it covers.
_SCHEDULE_RULES = frozenset(
    {"month_year", "month_session", "session_of_year", "quarter", "quarter_code", "half_year",
     "period_of_year", "season", "month_without_year"}
)  # fmt: skip


def _scheduled(term: Term, context: DateContext) -> bool:
    """Whether a term of a resolution's sentence without a limit word schedules its matter
    ("Im November 2021 evaluiert der Ausschuss ...", "zur 1. Ratssitzung 2021 eine
    Förderrichtlinie erstellt"): a point in time ahead of the document's date."""
    return (
        term.rule in _SCHEDULE_RULES
        and not term.weak
        and (context.own is None or term.date is None or term.date > context.own)
    )


# An item of a resolution's list in nominal style, led by an action noun ("1- Zügiger Bau
# eines Feuerwehrhauses", "b) Erstellung eines Konzepts"): a task, even without a verb.
_TASK_ITEM = re.compile(
    r"^(?:[-•–]\s*|(?:\d{1,2}|[a-z])\s*[.)-]\s*)(?:[A-ZÄÖÜ]?[a-zäöüß]+e[nrs]?\s+)?"
    r"[A-ZÄÖÜ][\w-]*(?:ung|[Bb]au|[Ee]rsatz|[Kk]auf)\b(?![^.;:]*\b(?:ist|sind|war|wurde|hat)\b)"
)


def _not_before(term: Term, context: DateContext) -> bool:
    """Whether an announced term may bind: it lies after the document's own date, or the text
    has no date of its own (then the announcement's future tense tells ahead from past; the
    start of the one year its dates name is no date of its own: "Diese Satzung tritt am
    01.01.2023 in Kraft" in a text whose only date that is)."""
    return context.own is None or context.is_ahead(term)


def _clause(sentence: str, term: Term, width: int = 160, *, and_too: bool = False) -> str:
    """The clause around a term: from the comma, semicolon or colon before it to the one after
    it (with ``and_too`` also `` und ``), bounded so that reading stays linear."""
    marks = (",", ";", ":", " und ") if and_too else (",", ";", ":")
    start = max(0, term.start - width)
    head = sentence[start : term.start]
    cut = max([-1] + [i + len(m) - 1 for m in marks if (i := head.rfind(m)) >= 0])
    tail = sentence[term.end : term.end + width]
    ends = [i for i in (tail.find(m) for m in marks) if i >= 0]
    return head[cut + 1 :] + term.text + tail[: min(ends) if ends else len(tail)]


def _words_around(sentence: str, term: Term, width: int = 100) -> str:
    """The clause around a term in whole words (a clause longer than ``width`` on a side is
    cut at the word boundary nearest the term)."""
    clause = _clause(sentence, term, width)
    at = clause.find(term.text)
    head, tail = clause[:at], clause[at + len(term.text) :]
    if term.start - len(head) > 0 and sentence[term.start - len(head) - 1].isalnum():
        head = head.split(" ", 1)[1] if " " in head else ""
    end = term.end + len(tail)
    if end < len(sentence) and sentence[end].isalnum():
        tail = tail.rsplit(" ", 1)[0] if " " in tail else ""
    return squash(head + term.text + tail)


# What someone may do until a day, not what anyone must ("Vertragskündigung ... möglich bis
# 01.September", "Anmeldungen sind bis zum 30.06. möglich"): a right's period.
_POSSIBLE_BEFORE = re.compile(
    r"\b(?:möglich|zulässig)\s+(?:bis\s+(?:zum\s+|spätestens\s+)?|spätestens\s+)?$", _I
)
_POSSIBLE_AFTER = re.compile(
    r"\s*(?:(?:des|der)\s+[\w-]+\s+[\w-]+\s+)?(?:möglich|zulässig)\b"
    # ("die Gemeinden, die bis zum 15. Januar 2026 Gelegenheit zur Stellungnahme haben")
    r"|\s*(?:die\s+)?Gelegenheit\s+zu",
    _I,
)


def _set_aside(sentence: str, term: Term, takes_place: bool) -> bool:
    """A date no duty hangs on, whatever the modal: an appointment's day with its hour in a
    sentence that says it takes place (``takes_place``: "soll am 31.05.2025 um 10 Uhr in der
    Halle stattfinden"), the date of a session named as a cause (:data:`_CAUSE_DATE`), a
    validity, a right's period (:data:`_POSSIBLE_BEFORE`), a day something is set for
    (:data:`_SET_FOR`)."""
    before = _before(sentence, term)
    if _CAUSE_DATE.search(before) or _VALIDITY.match(sentence, term.end):
        return True
    if (
        _SET_FOR.match(sentence, term.end)
        and re.search(r"\bfür\s+(?:den|das)\s*$", before)
        and _MEETING_NOUN.search(before)
    ):
        return True
    if _SO_FAR.match(sentence, term.end) or _STATUS_AT.search(before) or _LASTS.search(before):
        return True
    if _VALIDITY_BEFORE.search(before):
        return True
    if _POSSIBLE_BEFORE.search(before) or _POSSIBLE_AFTER.match(sentence, term.end):
        return True
    return takes_place and _AT_HOUR.match(sentence, term.end) is not None


def _before(sentence: str, term: Term, width: int = 60) -> str:
    """The words just before a term: the patterns that look back are anchored at its start,
    so a bounded window keeps reading linear in the sentence's length."""
    return sentence[max(0, term.start - width) : term.start]


def _clean_party(value: str) -> str | None:
    words = value.split()
    while words and words[0].lower() in {"hiermit", "daher", "deshalb", "auch", "zudem"}:
        words.pop(0)
    # "involvierten Fachabteilungen der Verwaltung": the party without its adjective
    while len(words) > 1 and words[0][:1].islower() and words[1][:1].isupper():
        words.pop(0)
    phrase = " ".join(words).strip(" ,.;:")
    return phrase if phrase and any(w[:1].isupper() for w in words) else None


def addressee_of(sentence: str) -> str | None:
    """Who an operative sentence asks to act (``Das Bezirksamt wird ersucht`` -> Bezirksamt).

    The council itself is never the addressee of its own decision.
    """
    for pattern in (
        _ADDRESSEE_PASSIVE,
        _ADDRESSEE_INVERTED,
        _ADDRESSEE_ACTIVE,
        _ADDRESSEE_INFINITIVE,
    ):
        for m in pattern.finditer(sentence):
            party = _clean_party(next((g for g in m.groups() if g), ""))
            if party and not _COUNCIL_BODY.match(party):
                return party
    for m in _ADDRESSEE_MODAL.finditer(sentence):
        phrase = next((g for g in m.groups() if g), None)
        if phrase and ADMIN.search(phrase):
            return _clean_party(phrase)
    for m in _REPORT_AGENT.finditer(sentence):
        if ADMIN.search(m.group(1)):
            return _clean_party(m.group(1))
    return None


# A resolution in the indicative: "1. Die Verwaltung startet das Modellprojekt ... im zweiten
# Halbjahr 2013", "..., dass 1. die Verwaltung die Satzung ... bis spätestens zum 1.1.2025".
_SUBJECT_FIRST = re.compile(
    r"(?:^|\bdass\s+)(?:\d{1,2}[.)]\s+)?(?:Der|Die|Das|der|die|das)\s+"
    r"((?:[\w./-]+\s+){0,2}?[\w./-]+?)\s+(?=[a-zäöüß])"
)


def admin_subject(sentence: str) -> str | None:
    """The administration as the subject that opens a dated sentence of a resolution, or a
    ``dass`` clause in it (the fallback when no operative verb names the addressee)."""
    for m in _SUBJECT_FIRST.finditer(sentence):
        party = _clean_party(m.group(1))
        if party and ADMIN.search(party) and not _COUNCIL_BODY.match(party):
            return party
    return None


def questioned_party(text: str) -> str | None:
    """Whom a question is put to (``Ich frage das Bezirksamt:`` -> Bezirksamt), else the
    administration the questions are about."""
    m = _QUESTIONED.search(text)
    if m:
        return _clean_party(m.group(1))
    for sentence in sentence_list(text):
        if is_question(sentence):
            asked = _ASKED_ABOUT.search(sentence)
            if asked:
                return asked.group(1)
    return None


def recipient_of(sentence: str) -> str | None:
    """The committee or council a report goes to, if the sentence names one."""
    m = _RECIPIENT.search(sentence)
    return squash(m.group(1)) if m else None


def _report_text(sentence: str) -> str:
    m = re.search(r"\bdass\s+(.*)$", sentence)
    clause = m.group(1) if m and _REPORT.search(m.group(1)) else sentence
    return squash(clause).rstrip(" .")


def _postponement_terms(sentence: str, terms: list[Term]) -> list[Term]:
    """The targets of a postponement: terms after ``auf``/``bis``/``in``, or events. A session
    named by its month alone ("auf die Sitzung im Oktober") is the target at the month's end,
    and weak: its day is not given, so a person is asked too (decisions 0016, 0035)."""
    targets = [
        t
        for t in terms
        if t.rule == "event_anchor"
        or _TARGET_BEFORE.search(sentence[max(0, t.start - 60) : t.start])
        # a target that carries its preposition ("auf die Sitzung im September 2025")
        or re.match(r"(?i)(?:auf|in|bis|zur|zum)\b", t.text)
        or _is_limit(t, sentence)
    ]
    return [
        dataclasses.replace(t, weak=True)
        if t.rule == "month_without_year" and _SESSION_TARGET.search(_before(sentence, t))
        else t
        for t in targets
    ]


def _fell_outside(section: Sequence[str], text: str, in_section: bool) -> bool:
    """Whether a resolution that turns nothing down was read while a fall is told outside it
    (the fall may be another motion's)."""
    return (
        in_section
        and not any(TURNED_DOWN.search(x) for x in section)
        and any(TURNED_DOWN.search(x) for x in sentence_list(text) if x not in section)
    )


# An adoption stated in the text ("wird ... einstimmig angenommen", "Der Rat beschließt").
_ADOPTED_TOO = re.compile(
    r"[^.\n]*\b(?:wird|wurde|werden|wurden)\b[^.\n]{0,120}?\b(?:angenommen|beschlossen)\b[^.\n]*"
)


_CONDITION = re.compile(r",?\s*\b(?:sobald|sofern|falls|nachdem)\b[^,;.]*", _I)
# The session at hand, unnamed and undated ("in der Sitzung über den Stand berichten", "in
# der heutigen Sitzung"): not one ahead ("in der Sitzung am 12.03.", "in der Sitzung des
# Ausschusses").
_THIS_SESSION = re.compile(
    r"\b(?:in|während)\s+(?:der|dieser)\s+(?:heutigen\s+)?Sitzung\b"
    r"(?!\s+(?:am|im|vom|des|der|nach|ab|zum|zur|Ende|Anfang|Mitte)\b)",
    _I,
)
# A report to a company's own organ, and no council or committee beside it.
_TO_COMPANY_ORGAN = re.compile(
    r"\b(?:dem|den|der)\s+(?:\w+\s+)?(?:Aufsichtsrat|Gesellschafterversammlung|Verwaltungsrat)\b"
    r"(?![^.;]{0,80}\b(?:Ausschuss|Rat|Kreistag|Gemeinderat|Stadtrat)\b)",
    _I,
)
# A report offered if someone asks ("auf Wunsch", "bei Bedarf", "auf Nachfrage"; not "auf Wunsch
# des Ausschusses", the reason of a duty).
_ON_REQUEST = re.compile(
    r"\b(?:auf\s+(?:Wunsch|Anfrage|Nachfrage|Anforderung)(?!\s+(?:des|der|von|aus|eines|einer)\b)"
    r"|bei\s+Bedarf|wenn\s+gewünscht|sofern\s+gewünscht)\b",
    _I,
)
# Informing the public ("Die Anwohner werden rechtzeitig informiert", "unterrichtet die
# Bürgerinnen und Bürger"): no report owed to the council (ANNOTATION.md's report duty is
# something presented to it).
_THE_PUBLIC = (
    # (not the "Bürgerschaft", a council)
    r"(?:Anwohner|Anlieger|Bürger(?!schaft)|Einwohner|Öffentlichkeit|Bevölkerung|Eltern|"
    r"Grundstückseigentümer|Eigentümer|Betroffenen|Presse|Haushalte|Kunden|"
    # another authority informed ("Die untere Straßenverkehrsbehörde wird ... informiert")
    r"[\w-]*[Bb]ehörde|Kommunalaufsicht|Polizei)\w*"
)
_INFORMS_THE_PUBLIC = re.compile(
    r"\b(?:die|der|den|alle)\s+(?:\w+\s+){0,2}?"
    + _THE_PUBLIC
    + r"(?:[^.;?]|(?<=\d)\.){0,100}?\b(?:informier|"
    r"unterricht)\w*"
    r"|\b(?:informier|unterricht)\w*\s+(?:\w+\s+){0,4}?(?:die|der|den)\s+(?:\w+\s+){0,2}?"
    + _THE_PUBLIC,
    _I,
)


_INFORMING = re.compile(r"informier|unterricht", _I)


def _owed_to_the_council(sentence: str) -> str:
    """The sentence without its information of the public, unless it names a council or a
    committee to be informed as well (a sentence that informs no one is read once only)."""
    if _INFORMING.search(sentence) is None or _RECIPIENT.search(sentence):
        return sentence
    return _INFORMS_THE_PUBLIC.sub(" ", sentence)


# The paper delivering the report itself ("Hiermit wird der dritte Sachstandsbericht vorgelegt",
# "Mit dieser Vorlage wird der Bericht für den Zeitraum ... vorgelegt", "der vorliegende Bericht
# erfüllt diese Pflicht"): a report given, no duty ahead.
_DELIVERED_HERE = re.compile(
    r"\b(?:Hiermit|Anbei|Mit\s+(?:dieser|der\s+vorliegenden)\s+(?:[\w-]*(?:[Vv]orlage|[Mm]itteilung|"
    r"[Dd]rucksache)|Information\w*|Unterlage|Bericht\w*))\b"
    + WITHIN_SENTENCE
    + r"{0,100}?\b(?:(?:wird|werden)\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\b(?:vorgelegt|berichtet|übersandt|übermittelt|zur\s+Kenntnis\s+gegeben)\b"
    # the active ("Mit dieser Informationsvorlage legt die Verwaltung den Erfahrungsbericht
    # ... vor", "Hiermit berichtet die Verwaltung über ...")
    r"|(?:legt|legen)\b"
    + WITHIN_SENTENCE
    + r"{0,120}?\bvor\b|(?:berichtet|informiert|unterrichtet)\b)"
    r"|\b(?:der|die|das)\s+vorliegende\s+(?:\w+)?[Bb]ericht\b",
    _I,
)
# A supervisory authority as the one reported to ("ist der Rechtsaufsichtsbehörde vorzulegen"):
# the law's duty towards it, not one owed the council.
_TO_SUPERVISOR = re.compile(
    r"\b(?:der|die|dem|den)\s+(?:zuständigen\s+)?(?:Rechts|Kommunal|Fach)?[Aa]ufsichtsbehörde\b"
    r"|\bder\s+Kommunalaufsicht\b"
)
# ... unless the council is told as well ("Der Stadtrat und die Aufsichtsbehörde sind
# vierteljährlich ... zu unterrichten").
_COUNCIL_TOO = re.compile(r"\b(?:" + COUNCIL + r"|[\w-]*[Aa]usschuss\w*)\b")


# A report that the text itself gives: "Über die Resultate kann folgendermaßen berichtet
# werden:", "teilt Folgendes mit", "wird wie folgt informiert".
_AS_FOLLOWS = re.compile(
    r"\b(?:folgendermaßen|wie\s+folgt|Folgendes|nachfolgend)\s+(?:\S+\s+){0,2}?(?:berichtet|"
    r"informiert|mitgeteilt|unterrichtet|dargestellt|mit)\b"
    # "hat ... beschlossen, den Kreistag wie folgt zu unterrichten:" and the report follows
    # (not a rule: "ist wie folgt dem Rat zu berichten")
    r"|\b(?:den|die|das|dem|der)\s+[\w-]+\s+(?:\S+\s+){0,2}?(?:wie\s+folgt|Folgendes)\s+"
    r"(?:\S+\s+){0,3}?(?:zu\s+(?:unterrichten|informieren|berichten)|mitzuteilen|vorzulegen|"
    r"zur\s+Kenntnis\s+zu\s+bringen)\s*:"
    # "beschlossen, der Gemeindevertretung folgenden Beschluss vorzuschlagen:": the paper itself
    r"|\bfolgende[nrs]?\s+[\w-]+\s+(?:\S+\s+){0,2}?(?:vorzuschlagen|vorzulegen|"
    r"zur\s+Kenntnis\s+zu\s+(?:geben|bringen))\s*:"
    # "Für den Zeitraum vom 01.01. bis 30.06.2025 wird berichtet: ..." and the report follows
    r"|\b(?:wird|werden)\s+(?:\S+\s+){0,3}?(?:berichtet|mitgeteilt)\s*:"
    # a record's speaker reporting, the report after the colon ("Der Bürgermeister berichtet:
    # Der Kreis hat ... angekündigt")
    r"|(?:meister(?:in)?|Landrat|Landrätin|[Vv]orsitzende[r]?|[Vv]orsteher(?:in)?|leiter(?:in)?|"
    r"Dezernent(?:in)?|Beigeordnete[r]?|Kämmerer|Kämmerin|(?:Herr|Frau)\s+[\w-]+)\s+"
    r"(?:berichtet|berichtete|informiert|informierte|teilt\s+mit|teilte\s+mit)\s*:",
    _I,
)
# A paper's number and title as a heading of a list or a record ("0223/VII Halbjährliches
# Vorlegen einer Übersicht der Eingaben und Beschwerden"): it names a matter, it orders nothing.
_PAPER_HEADING = re.compile(
    r"^\W*(?:(?:Drucksache|Drs\.|DS|Vorlage)\s*(?:Nr\.?\s*)?)?[A-Z]{0,4}[\s-]?\d{2,5}/[\w-]{1,10}"
    r"\s+[A-ZÄÖÜ][^.!?;:]*$"
)
# A table row whose last cell says the motion fell: "| 19. September 2019 | abgelehnt |".
_ROW_FELL = re.compile(
    r"\|[^|\n]*\|\s*(?:abgelehnt|zurückgezogen|nicht\s+beschlossen|nicht\s+zugestimmt)"
    r"\W{0,3}\|?\s*$",
    _I,
)
# "sollte eigentlich ... vorgestellt werden", "sollten ursprünglich ...": a plan that was
_COUNTERFACTUAL = re.compile(r"\bsollten?\s+(?:\S+\s+){0,3}?(?:eigentlich|ursprünglich)\b", _I)
_SHOULD = re.compile(r"\bsollten?\b", _I)
# The first clause of an item ends in an infinitive with "zu": "II. Umgehend Prüfungen
# einzuleiten, inwieweit ...", "I. Eine Machbarkeitsstudie ... in Auftrag zu geben."
_ITEM_MARK = r"(?:[IVX]{1,4}|\d{1,2}|[a-z])\s*[.)]\s*"
_INFINITIVE_ITEM = (
    r"[A-ZÄÖÜ]"
    # no finite verb of its own ("Mit der Ausführung ist ... zu rechnen")
    r"(?:(?!\b(?:ist|sind|war|waren|wird|werden|hat|haben|kann|können)\b)[^,;:.?]){0,160}?\b"
    + _INFINITIVE
    + r"[^\S\n]*(?:[,;.)]|$)"
)
_ITEM_INFINITIVE = re.compile(r"^\W*(?:" + _ITEM_MARK + r")?" + _INFINITIVE_ITEM)
# ... and as a numbered line of a section, which makes the section a resolution
_NUMBERED_INFINITIVE = re.compile(r"^" + _ITEM_MARK + _INFINITIVE_ITEM)

# A result line, labelled, after a proposal: "Beschluss: mehrheitlich abgelehnt", "Beschluss-Nr.
# 2025/044: abgelehnt (3 Ja, 12 Nein)", "Abstimmungsergebnis: Der Antrag wird abgelehnt." The
# first such line after a proposal is its result.
_RESULT_LABEL = re.compile(
    r"^\W*(?:" + one_of(DECISION_LABELS) + r")(?!\w)(?:[-\s]*Nr\.?\s*[\w/.-]+)?"
    # the item voted on ("Abstimmung 3.2: Ja 8 · Nein 54 · Enth. 2 – abgelehnt")
    r"(?:\s+(?:zu\s+)?\d{1,2}(?:\.\d{1,2})*\.?)?"
    # "Abstimmung über den Änderungsantrag: mehrheitlich abgelehnt", "Abstimmung über den
    # Antrag Kraus: ..."
    r"(?:\s+über\s+(?:den|die|das)\s+[\w-]+(?:\s+(?:der|des)\s+[\w-]+|\s+[A-ZÄÖÜ][\w-]+)?)?\s*:\s*"
    # the chair calling the vote ("Bezirksbürgermeister Hülsmann lässt über den Zusatz
    # abstimmen: mehrheitlich abgelehnt")
    r"|^\W*(?:\S+\s+){0,4}?lässt\s+über\s+(?:den|die|das)\s+[\w-]+(?:\s+[\w-]+)?\s+abstimmen\s*:\s*",
    _I,
)
_RESULT_FELL = re.compile(
    r"(?:(?:einstimmig|mehrheitlich)\s+)?(?:abgelehnt|nicht\s+(?:beschlossen|zugestimmt|"
    r"angenommen))\b"
    # withdrawn by its movers ("Ergebnis: zurückgezogen", "Beschluss: Antrag zurückgezogen")
    r"|(?:(?:der|die|das)\s+)?(?:[\w-]*(?:[Aa]ntrag|[Vv]orlage)\s+)?(?:wird\s+|wurde\s+)?zurückgezogen\b"
    # the noun as the result ("Abstimmung: Ablehnung (CDU, SPD gegen LINKE)")
    r"|(?:(?:einstimmige|mehrheitliche)\s+)?Ablehnung\b(?!\s+(?:des|der|von)\b)",
    _I,
)


def _bare_status(words: str) -> re.Pattern[str]:
    """A status line of its own: between dashes ("– abgelehnt (12 : 21 : 2) –") or with its
    votes ("abgelehnt (11 Ja / 15 Nein)", "angenommen 19:2"); not a heading ("Abgelehnt")
    that opens what follows."""
    outcome = r"(?:(?:einstimmig|mehrheitlich)\s+)?(?:" + words + r")"
    return re.compile(
        r"^\s*(?:[–—-]\s*"
        + outcome
        + r"\b|\(?\s*"
        + outcome
        + r"\s*(?:\(\s*\d|[:,]?\s*\d{1,3}\s*[:/]\s*\d))",
        _I,
    )


_BARE_FELL = _bare_status(r"abgelehnt|zurückgezogen")
# (or one that tells another outcome: "– einstimmig beschlossen –", "angenommen (19 : 2)")
_BARE_RESULT = _bare_status(
    r"beschlossen|angenommen|zugestimmt|vertagt|überwiesen|verwiesen|erledigt|"
    r"zur\s+Kenntnis\s+genommen"
)
# The votes, then the outcome: "18 Ja / 41 Nein / 3 Enthaltungen - abgelehnt".
_TALLY_THEN_FELL = re.compile(
    r"(?:(?:\d+|Ja|Nein|Enth\w*|Gegenstimme\w*|Stimm\w*|dafür|dagegen|bei|und)"
    r"[\s/:,;.–·-]*){2,}(?:abgelehnt|nicht\s+(?:beschlossen|angenommen|zugestimmt))\b",
    _I,
)
# A sentence's own vote: "(einstimmig)", "(12 Ja, 3 Nein)".
_OWN_VOTE = re.compile(r"\(\s*(?:einstimmig|mehrheitlich|\d+\s*Ja\b)", _I)


def _result_fell(sentence: str) -> bool | None:
    """Whether a labelled result line says the proposal fell (None: no result line)."""
    m = _RESULT_LABEL.match(sentence)
    if m is None:
        # a status line of its own below the motion, unlabelled ("abgelehnt (11 Ja / 15 Nein)",
        # "– abgelehnt (12 : 21 : 2) –")
        if _BARE_FELL.match(sentence):
            return True
        return False if _BARE_RESULT.match(sentence) else None
    rest = sentence[m.end() :]
    if not rest.strip():
        return None  # the label alone ("Beschluss:"): its result is the next sentence's
    # (after its votes too: "Abstimmungsergebnis: 18 Ja / 41 Nein / 3 Enthaltungen - abgelehnt")
    if (
        _RESULT_FELL.match(rest) is not None
        or FELL_NEXT.match(rest) is not None
        or _TALLY_THEN_FELL.match(rest) is not None
    ):
        return True
    # the votes alone: "Abstimmungsergebnis: Ja: 6 Nein: 11 Enthaltung: 1"
    votes = vote_tally(rest)
    return votes is not None and votes.outcome == "rejected"


def _fell_below(
    fell: list[bool], results: list[bool | None], scoped: tuple[str, ...], index: int
) -> str | None:
    """How the proposal of a sentence fell in the three sentences after it: ``told`` (a
    sentence says so, ``FELL_NEXT``) or ``result`` (the first result line says so), before
    the next matter begins; None where it did not. A result line is no proposal, nor is a
    sentence that carries its own vote ("... zu benennen. (einstimmig)")."""
    if results[index] is not None or _OWN_VOTE.search(scoped[index]):
        return None
    if _PROMISE.search(scoped[index]):
        return None  # a promise given in the debate stands whatever becomes of the motion
    for after in range(index + 1, min(index + 4, len(scoped))):
        if fell[after]:
            # (not where another proposal is told between: "Die CDU wollte ... festschreiben.
            # Dieser Antrag wurde abgelehnt." is that proposal's fall)
            if after > index + 1 and _ANOTHER_PROPOSAL.search(scoped[after - 1]):
                return None
            return "told"
        if results[after] is not None:
            return "result" if results[after] else None
        if NEW_MATTER.search(scoped[after]):
            return None
    return None


# A proposal told ("Die CDU wollte ...", "Frau X beantragte, ..."): a fall told right after it is
# its own.
_ANOTHER_PROPOSAL = re.compile(
    r"\b(?:wollte|wollten|beantragte|beantragten|beantragt|beantragen|forderte|forderten|"
    r"schlug|schlugen)\b",
    _I,
)


# A sentence that opens one matter of a record ("TOP 4 Antrag ...", "Zu TOP 3:", "Ö 9 Freibad",
# "§ 87 Antrag des Jugendgemeinderats").
# (after the last one's end in the same sentence too: "... zu berichten. (einstimmig) Ö 9 Antrag")
_MATTER_START = re.compile(
    r"(?:^|(?<=[.!?)\-–—]\s))[^\S\n]*(?:[Zz]u\s+)?(?:" + _AGENDA_ITEM + r"|"
    r"[ÖN]\s*\d+(?:\.\d+)*\s|§\s*\d+\s*\n)"
)


# A motion's heading inside a matter: "6. Antrag der Gruppe BIW: Baumschutzverordnung", or a
# sub-item's number ("6.3 Drs. 1510/XIX – Sanierung Zitadellenbrücke").
_MOTION_HEADING = re.compile(
    r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[\w-]*(?:[Aa]ntrag|Anfrage|Vorlage)\s+(?:der|des|von|vom)\b"
    r"|^\W*\d{1,2}\.\d{1,2}\.?\s"
)
# An adoption told in the present ("Die BVV beschließt einstimmig:", "... wird angenommen"); not
# "beschlossen", which the reasons above a motion use for decisions before it.
_ADOPTS_HERE = re.compile(r"\bbeschlie(?:ß|ss)t\b|\beinstimmig\b|\bangenommen\b", _I)


def _adopts(sentence: str) -> bool:
    """Whether a sentence tells an adoption, in words or by a count of votes."""
    if ADOPTED_NEXT.search(sentence):
        return True
    votes = vote_tally(sentence)
    return votes is not None and votes.outcome == "adopted"


_WISHED = re.compile(r"\b(?:wollte|wollten)\b", _I)
_AMENDMENT = re.compile(AMENDMENT, _I)


def _fallen_matters(
    scoped: tuple[str, ...], fell: list[bool], results: list[bool | None]
) -> set[int]:
    """The sentences of a record's matter before the sentence or result line that says its
    motion fell ("Beschluss: Der Antrag wird abgelehnt."), where nothing after it in the matter
    adopts anything: the motion's items and the reasons given for them bind no one, however
    far above the vote they stand (:func:`_fell_below` looks three sentences ahead)."""
    starts = [(i, m.start() > 0) for i, x in enumerate(scoped) if (m := _MATTER_START.search(x))]
    fallen: set[int] = set()
    for at, (start, straddles) in enumerate(starts):
        end = starts[at + 1][0] if at + 1 < len(starts) else len(scoped)
        # (an amendment that fell leaves the motion standing: "Dieser Änderungsantrag wurde
        # abgelehnt" is the amendment's fall alone, which :func:`_fell_below` reads; so is a
        # fall told right after a wish: "Die CDU wollte ... Dieser Antrag wurde abgelehnt.")
        falls = [
            i
            for i in range(start + 1, end)
            if (
                fell[i]
                and not _AMENDMENT.search(scoped[i])
                and not (i > start + 1 and _WISHED.search(scoped[i - 1]))
            )
            or results[i]
        ]
        if not falls:
            continue
        if any(_adopts(scoped[i]) for i in range(falls[-1] + 1, end)):
            continue
        # back to the matter's start (a sentence that opens it after the last one's end belongs
        # to both), or to an earlier result or adoption: what came before was decided apart
        first = falls[-1]
        while first - 1 > start + straddles and (fell[first - 1] or results[first - 1]):
            first -= 1  # the votes on several motions, one after another, each a fall
        while first > start + straddles and not (
            fell[first - 1]
            or results[first - 1] is not None
            or _OWN_VOTE.search(scoped[first - 1])
            or _ADOPTED_TOO.search(scoped[first - 1])
            or _ADOPTS_HERE.search(scoped[first - 1])
        ):
            first -= 1
            if _MOTION_HEADING.match(scoped[first]):
                break  # the motion that fell begins here ("6. Antrag der Gruppe BIW: ...")
        fallen.update(i for i in range(first, falls[-1]) if not _PROMISE.search(scoped[i]))
    return fallen


# An item's number opening a sentence of a resolution, a space after it: "1. ", "2) ", "II. "
_ITEM_NUMBER = re.compile(r"^\W*" + _ITEM_MARK + r"(?<=\s)")
# A request that opens a list of what is asked ("Das Bezirksamt wird ersucht,", "Die Verwaltung
# wird beauftragt:"): the numbered items after it go on from it.
_REQUEST_OPENS = re.compile(
    r"\b(?:wird|werden)\s+(?:\S+\s+){0,3}?(?:ersucht|beauftragt|gebeten|aufgefordert)\s*[,:]\s*$"
    # the body asking in the active ("Der Ortschaftsrat bittet die Stadtverwaltung,", "fordert
    # die Stadtverwaltung auf,")
    r"|\b(?:bittet|bitten|ersucht|ersuchen|beauftragt|beauftragen)\s+(?:den|die|das)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+\s*[,:]\s*$"
    r"|\b(?:fordert|fordern)\s+(?:den|die|das)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+auf\s*[,:]\s*$"
)


def _requested_items(scoped: tuple[str, ...]) -> set[int]:
    """The numbered sentences that follow a request opening their list, each an infinitive
    clause of it (``1. an der Kreuzung ... einzurichten``)."""
    found: set[int] = set()
    for index, sentence in enumerate(scoped):
        if not _REQUEST_OPENS.search(sentence):
            continue
        later = index + 1
        while later < len(scoped) and (
            _ITEM_NUMBER.match(scoped[later]) or LIST_ITEM.match(scoped[later])
        ):
            if _INFINITIVE_END.search(scoped[later]):
                found.add(later)
            later += 1
    return found


# (the item ends in an infinitive with "zu", then its comma or stop, or a phrase added after a
# comma: "... durchzuführen, etwa in Zusammenarbeit mit den Grundschulen,")
_INFINITIVE_END = re.compile(
    r"\b"
    + _INFINITIVE
    + r"(?:[\s,;.)]*$|\s*,\s*(?:etwa|insbesondere|z\.\s?B\.|zum\s+Beispiel|beispielsweise|"
    r"unter\s+anderem|u\.\s?a\.|möglichst|vorzugsweise|gegebenenfalls|ggf\.)\s[^;]*$)"
)


# The council or a committee as a sentence's subject: what it demands, it decides.
_COUNCIL_SUBJECT = re.compile(
    r"^\W*(?:Der|Die|Das)\s+(?:\w+\s+)?(?:" + COUNCIL + r"|[\w-]*[Aa]usschuss|[\w-]*[Bb]eirat)\b"
)
# The label of a paper's subject line.
_TITLE_LABEL = re.compile(r"^\W*(?:Betreff|Gegenstand|Tagesordnungspunkt|Thema|Titel)\s*:", _I)
# A decision told with its content: "hat der Rat beschlossen, dass ...".
_DECIDED_THAT = re.compile(
    r"\b(?:beschließt|beschließen|beschloss|beschlossen)(?:\s+(?:ist|wurde))?\s*(?:,\s*dass\b|:)"
    # "Der Gemeinderat stimmte zu, dass ...", "Mehrheitlich angenommen wurde unser Antrag, dass
    # ..."
    r"|\b(?:stimmt|stimmte|stimmten|stimmen)\s+(?:\S+\s+){0,4}?zu\s*,\s*dass\b"
    r"|\bangenommen\s+(?:wurde|wurden)\s+(?:\S+\s+){0,4}?[\w-]*[Aa]ntrag\w*\s*,\s*dass\b",
    _I,
)


def find_obligations(
    text: str,
    *,
    context: DateContext,
    kind: str | None,
    outcome: str | None,
    proposal: str | None,
    consultations: tuple[Consultation, ...] = (),
) -> Obligations:
    """Deadlines, reports and the addressee of the document ``text``, with what a person
    should look at (``review``): undated and vague terms, time words no rule read,
    declined report duties, conflicting dates."""
    warnings: list[str] = []
    review: list[ReviewItem] = []
    rows = follow_up_rows(text, context)
    task_list = _TASK_LIST.search(text) is not None
    labelled = labelled_deadlines(text, context, task_list) + rows.deadlines
    review.extend(rows.review)
    section = operative_text(text)
    section_sentences: Sequence[str] = sentence_list(section) if section is not None else ()
    binding = (
        section is not None
        and not _takes_note_only(section_sentences)
        and (
            _is_operative(section)
            or any(
                _TASK_ITEM.match(line.strip()) or _NUMBERED_INFINITIVE.match(line.strip())
                for line in section.split("\n")
            )
            or _RESOLVED.search(section) is not None
            or any(_is_limit(t, section) for t in find_terms(section, context))
        )
    )
    # a record of several matters has no one resolution: every sentence is read
    several = _several_matters(kind, text)
    scope = section if section is not None and binding and not several else text
    scope_is_section = section is not None and binding and not several
    if scope_is_section and section is not None:
        # a promise made in the debate before the resolution binds as well ("Der Bürgermeister
        # sagt zu, dass die Amtsverwaltung die Kostenberechnung bis zur nächsten Sitzung
        # aktualisiert")
        # (and the entry into force of a statute the resolution adopts, printed after it)
        binds_too = _PROMISE if not _ADOPTS_STATUTE.search(section) else _PROMISE_OR_IN_FORCE
        outside = [x for x in sentence_list(text) if binds_too.search(x) and x not in section]
        outside.extend(_decided_below(text, section))
        if outside:
            scope = "\n".join([section, *outside])
    # a record of several matters with a resolution in it: its task items bind as in one
    in_resolution = section is not None and binding
    # a paper that proposes (a motion, a Vorlage), not a record: its resolution schedules
    proposes = in_resolution and kind is not None and _PROPOSING_KIND.search(kind) is not None
    prose_lines = [
        line
        for line in scope.split("\n")
        if not LABELLED.match(line.strip())
        and line.strip() not in rows.lines
        and not (task_list and _STATUS_LABEL.match(line.strip()))
    ]
    scope = "\n".join(prose_lines)
    skip = {c.date for c in consultations if c.date is not None}
    asks_questions = bool(kind and _QUESTION_KINDS.search(kind))
    # a statute's text (Hauptsatzung, Geschäftsordnung): its "unverzüglich" is a standing rule
    statute_text = (
        _STATUTE_HEAD.search(text[:1500]) is not None and len(_PARAGRAPH.findall(text)) >= 3
    )
    answer = (_ANSWER_START.search(text) or _ANSWER_AFTER.search(text)) if asks_questions else None
    if answer is not None:
        # a question with its answer: the answer's announcements bind, the questions do not
        scope, scope_is_section, in_resolution, asks_questions = (
            text[answer.start() :],
            False,
            False,
            False,
        )
    terms_read: dict[str, list[Term]] = {}

    def due_terms(sentence: str) -> list[Term]:
        """The sentence's due terms, read once (the safety net reads the sentences again)."""
        if sentence not in terms_read:
            terms_read[sentence] = _due_terms(sentence, context, skip)
        return terms_read[sentence]

    deadlines: list[Deadline] = []
    reports: list[Report] = list(rows.reports)
    alternative: list[Deadline | Report] = []
    addressee: str | None = None
    marks: list[tuple[str, int]] = []  # each sentence with the number of findings before it
    scoped = sentence_list(scope)
    # a record that tells a session (minutes, several matters), not a notice announcing one
    narrated = several and kind not in _NOTICES
    # the resolution's sentences (read once: a record's resolved sentences, a resolution's items)
    section_keys = {squash(x) for x in section_sentences}
    # which sentences say that the proposal before them fell (each tested once)
    fell = [FELL_NEXT.match(x) is not None for x in scoped]
    # a resolution whose numbered item turns the motion down and whose later items decide
    # otherwise ("1. Der Antrag wird abgelehnt. 2. Die Verwaltung führt bis Ende Mai eine
    # Erhebung durch."): those items are the alternative, and bind where the motion's do not
    turned_at = next(
        (
            i
            for i, x in enumerate(scoped)
            if squash(x) in section_keys and _ITEM_NUMBER.match(x) and TURNED_DOWN.search(x)
        ),
        None,
    )
    later_items = (
        {i for i, x in enumerate(scoped) if i > turned_at and _ITEM_NUMBER.match(x)}
        if turned_at is not None
        else set()
    )
    results = [_result_fell(x) for x in scoped]
    requested_items = _requested_items(scoped)
    in_fallen_matter = _fallen_matters(scoped, fell, results) if several else set()
    # the sentences whose place in the text puts them in doubt, by the doubt's name: a group's
    # demands listed, a member's turn or motion, the motion as first tabled
    placed_in_doubt = {
        "group_demand": demand_items(scoped),
        "member_speech": member_turns(scoped),
        "member_motion": member_motions(scoped, results),
        "past_motion": original_motion(scoped),
        "answered_motion": answered_motion(text, scoped, kind),
    }
    fallen: set[str] = set()  # the proposals that fell: set aside, not missed
    for index, sentence in enumerate(scoped):
        marks.append((sentence, len(deadlines) + len(reports) + len(review)))
        fell_by = _fell_below(fell, results, scoped, index) or (
            "matter" if index in in_fallen_matter else None
        )
        if fell_by or _ROW_FELL.search(sentence):
            if fell_by == "result":
                # a labelled result says so: set aside, not missed (a told one stays shown)
                fallen.add(squash(sentence))
            # the proposal fell in the sentences after it ("GV S. beantragt, ... zu begrenzen.
            # Dieser Änderungsantrag wird abgelehnt.", "... Es sollte bis Frühjahr 2019
            # vorliegen. Der Rat lehnte den Antrag ... ab."), or in its table row's last cell
            # ("... vorgelegt. | 19. September 2019 | abgelehnt |"): it binds no one
            continue
        # a purpose clause ahead ("Um unsere Bürger ... zu informieren, fand ... statt") orders
        # nothing: the main clause decides
        core = _PURPOSE_AHEAD.sub("", sentence, count=1)
        # in a record of several matters only its resolutions bind by their limit or present
        # tense ("Frau Berns erklärt, dass die Container noch bis 2025 gemietet sind" does not)
        # (a decision told with its content binds by its limits: "hat der Rat beschlossen,
        # dass die Verwaltung bis Ende September 2025 ein Konzept vorlegt")
        decided_that = _DECIDED_THAT.search(sentence) is not None
        resolved = not narrated or squash(sentence) in section_keys or decided_that
        if (
            narrated
            and not resolved
            and DEMANDED.search(sentence)
            and not _COUNCIL_SUBJECT.match(sentence)
        ):
            # a speaker's demand told in the record ("Außerdem erinnerte er, dass die Risse
            # noch vor Wintereinbruch saniert werden müssen", "forderte die CDU-Fraktion, die
            # Verwaltung müsse ..."): asked for, not decided
            continue
        operative = _is_operative(core)
        if not operative and _TITLE_LABEL.match(sentence):
            # a paper's subject ("Betreff: Jahresbericht des LVR-Inklusionsamtes 2025",
            # "Tagesordnungspunkt: ..."): it names the matter, it orders nothing
            continue
        if operative and _COUNTERFACTUAL.search(core):
            # "sollte eigentlich ... vorgestellt werden": a plan that was
            operative = _is_operative(_SHOULD.sub("kann", core))
        if not operative and (
            (in_resolution and _ITEM_INFINITIVE.match(core)) or index in requested_items
        ):
            # "II. Umgehend Prüfungen einzuleiten, inwieweit ...": an item of the resolution in
            # the infinitive ("Der Kreistag möge beschließen: ... zu geben"), or of the request
            # that opens its list ("Das Bezirksamt wird ersucht, / 1. an der Kreuzung ...")
            operative = True
        # a report in a condition on someone else ("sobald der Verein den Nachweis vorgelegt
        # hat") is no duty to report
        reporting = (
            _REPORT.search(_owed_to_the_council(_CONDITION.sub(" ", core))) is not None
            # "kann folgendermaßen berichtet werden: ...": the text is the report
            and _AS_FOLLOWS.search(core) is None
            # "Der Jahresbericht ... wird zur Kenntnis genommen": a report delivered
            and (operative or _TAKES_NOTE.search(core) is None)
            # "wird ... auf Wunsch erneut berichten": offered if asked, no duty
            and _ON_REQUEST.search(core) is None
            # "Kreisbrandrat Huber wird in der Sitzung über den Stand berichten": the session at
            # hand, no duty ahead
            and _THIS_SESSION.search(core) is None
            # "Der Jahresabschluss wird dem Aufsichtsrat im Mai vorgelegt": a company's organ,
            # told (a council's instruction to the company's management stays)
            and (operative or _TO_COMPANY_ORGAN.search(core) is None)
            # "Hiermit wird der dritte Sachstandsbericht vorgelegt": the paper is the report
            and _DELIVERED_HERE.search(core) is None
            # "Die Haushaltssatzung ist der Rechtsaufsichtsbehörde vorzulegen": owed to the
            # supervisory authority, by law
            and (_TO_SUPERVISOR.search(core) is None or _COUNCIL_TOO.search(core) is not None)
        )
        # a motion quoted before what became of it ("Unser Antrag, ... bis 06/30/2024 zu
        # beauftragen, wurde in der Sitzung am 03/14/2024 vertagt"): a postponement, not an order
        put_off = MOTION_THEN_PUT_OFF.search(sentence)
        operative = operative and put_off is None
        reporting = reporting and put_off is None
        # a request for an answer by a time binds the one asked, in a question's paper too
        asked = (
            _ANSWER_ASKED.search(core) is not None
            and not is_question(sentence)
            and bool(due_terms(sentence))
        )
        if asked:
            operative = reporting = True
        postponed = not operative and _POSTPONED.search(sentence) is not None
        announced = (
            not operative
            and not postponed
            and put_off is None
            and (
                _ANNOUNCED.search(sentence) is not None
                or _passive_ahead(sentence)
                # "berichtet in der nächsten Ausschusssitzung": a session ahead makes it a duty
                or (reporting and _NEXT_SESSION.search(sentence) is not None)
                # the administration reporting in the present ("Die Verwaltung berichtet dem
                # Ausschuss erneut zum Ende des Jahres 2024"): its own next step (the terms
                # must lie ahead, below)
                or (
                    reporting
                    and _ADMIN_SUBJECT.match(core) is not None
                    and _REPORTS_NOW.search(core) is not None
                    and _REPORTED_SPEECH.search(core) is None
                )
                # (the subject after the verb: "Über den Stand berichtet die Verwaltung im
                # Ausschuss nach der Sommerpause"; a council expecting a report: "Einen ersten
                # Sachstandsbericht erwartet der Kreistag in seiner letzten Sitzung des Jahres")
                or (reporting and _ADMIN_INVERTED.search(core) is not None)
            )
        )
        recurrence = recurrence_of(sentence) if reporting else None
        # A sentence of the resolution without an operative verb counts by its limit alone.
        plain = not operative and not (
            reporting
            and (
                recurrence
                or _FUTURE_REPORT_IN_RECORD.search(sentence)
                # the present of a resolution ("Die Verwaltung legt ... vor"), not a statement
                # told ("Der Ortsvorsteher teilt mit, dass das Bauamt ... informiert wurde")
                or (
                    resolved
                    and _PRESENT_REPORT.search(sentence)
                    and not _REPORTED_SPEECH.search(sentence)
                )
                # the resolution's present: "Der Bürgermeister unterrichtet den Rat zeitnah"
                or (
                    in_resolution
                    and resolved
                    and _ADMIN_SUBJECT.match(sentence)
                    and not _REPORTED_SPEECH.search(sentence)
                    and not _INFORMED_STATE.search(sentence)
                )
            )
        )
        if (
            plain
            and not ((binding or decided_that) and resolved)
            and not postponed
            and not announced
        ):
            continue
        if addressee is None and (operative or reporting):
            addressee = addressee_of(sentence)
        if (
            is_question(sentence)
            or (asks_questions and not asked)
            or (reporting and _REPORTED_PAST.search(sentence) and not _AHEAD.search(sentence))
            or _nobody_owes(sentence)
            or _NORM_CITED.match(sentence)
            or _PAPER_HEADING.match(sentence)
            or TURNED_DOWN.search(sentence)
            # ("möchten wir ... Fragen ... richten und bitten um zeitnahe Antwort": the askers)
            or (reporting and not asked and _not_owed(sentence))
        ):
            continue
        if (
            reporting
            and _DECLINED.search(_SUBCLAUSE.sub(",", sentence))
            and not _INFORMED_STATE.search(sentence)
        ):
            warnings.append(f"declined report, not an obligation: {squash(sentence)[:80]}")
            review.append(ReviewItem("declined_report", squash(sentence)[:160], "declined"))
            continue
        terms = [
            t
            for t in due_terms(sentence)
            if not (statute_text and t.rule == "soft_term")
            if not t.weak
            or _binds_weak(t, sentence, in_resolution)
            # a report or an act announced for a time ahead ("wird dem Gemeinderat im Herbst
            # 2025 vorgestellt", "wird im Herbst 2025 veröffentlicht"): the time is its due date
            or (announced and _not_before(t, context))
        ]
        purpose = _PURPOSE_AHEAD.match(sentence)
        if purpose is not None:
            # a time in the purpose clause ahead is the goal's, not the duty's
            terms = [t for t in terms if t.start >= purpose.end()]
        takes_place = _takes_place(sentence)
        if takes_place and not reporting:
            # "Die öffentliche Auslegung soll vom 09.02. bis 13.03.2026 stattfinden": when it
            # happens, a span, not a limit, whatever the modal
            terms = [t for t in terms if not _in_range(sentence, t)]
        if not operative:
            # a period told ("Das Schützenfest findet vom 06. bis 08.07.2024 statt", "ist vom
            # 05.08. bis 23.08.2024 geschlossen", "für die Winterperiode vom 01.11.2023 bis
            # 31.03.2024 vergeben"): its dates are no limits (an order keeps them: "soll ab
            # April bis Juni 2024 zur Ausführung kommen")
            terms = [t for t in terms if not _in_range(sentence, t)]
        if not (postponed or operative or reporting) and takes_place:
            # "Die Bürgerversammlung findet am 07.03.2024 im Gasthof Post statt", "ist für den
            # 21.11.2024 terminiert", "Die Beratungen finden bis Mitte November statt": when
            # something happens, told, not a limit set for anyone
            terms = []
        if _schedule(sentence, terms):
            continue
        doubt = next(
            (name for name, held in placed_in_doubt.items() if index in held), None
        ) or doubt_of(
            Reading(
                sentence,
                _MANDATE.search(sentence) is not None,
                announced,
                reporting,
                tuple(terms),
                context,
            )
        )
        if doubt is not None and (terms or reporting):
            review.append(ReviewItem("unread_obligation", squash(sentence)[:160], f"doubt:{doubt}"))
            continue
        # "2- Anschaffung eines HLF 10 in 2023": a task of the resolution, in nominal style
        task_item = plain and in_resolution and _TASK_ITEM.match(sentence) is not None
        if postponed and plain:
            # the motion's own terms stand before what became of it: not targets
            outcome_at = put_off.start("outcome") if put_off is not None else 0
            terms = _postponement_terms(sentence, [t for t in terms if t.start >= outcome_at])
        elif announced and plain:
            terms = [
                t
                for t in terms
                if (t.date is None or _is_limit(t, sentence) or _not_before(t, context))
                # (a validity or a possibility told: "für das laufende Jahr gilt eine Frist bis")
                and not NOT_A_LIMIT.search(_clause(sentence, t))
            ]
        elif task_item:
            # a task item binds by its dates ahead, with or without a limit word
            terms = [t for t in terms if t.date is None or not context.is_past(t)]
        elif plain:
            terms = [
                t
                for t in terms
                if (_is_limit(t, sentence) or (proposes and resolved and _scheduled(t, context)))
                and not NOT_A_LIMIT.search(_clause(sentence, t))
            ]
        if not terms and (operative or reporting or postponed):
            # a time word no rule read, or a date ahead that was set aside (``ab 01.01.2018``)
            unread = _time_word(sentence) or any(
                not t.weak
                and t.date is not None
                and not context.is_past(t)
                and not _REFERENCE_DATE.search(_before(sentence, t))
                and not _dates_the_row(sentence, t)
                and not _set_aside(sentence, t, takes_place)
                for t in find_terms(sentence, context)
            )
            if unread and not plain:
                review.append(
                    ReviewItem("time_word_without_date", squash(sentence)[:160], "time_word")
                )
        if addressee is None and (terms or operative):
            # who is charged, where the sentence orders or sets a limit
            addressee = admin_subject(sentence)
        if plain and not terms:
            continue
        conflict = _conflict(sentence, terms)
        if conflict is not None:
            review.append(conflict)
        names_event = bool(terms) and _EVENT_NOUN.search(sentence) is not None
        basis = _basis(operative, postponed, announced, plain, in_resolution, task_item)
        for term in terms:
            if reporting and not postponed:
                term_kind: DeadlineKind = "report"
            elif postponed or (names_event and not term.text.lower().startswith("bis")):
                term_kind = "event"
            else:
                term_kind = "completion"
            # a bare word ("zeitnah") names no obligation a reader can find again: its clause
            short = term.date is None and len(term.text) < 12
            said = _words_around(sentence, term) if short else term.text
            deadlines.append(
                Deadline(
                    said,
                    term.date,
                    term.window_start,
                    term_kind,
                    term.rule,
                    "report" if term_kind == "report" else basis,
                )
            )
            if index in later_items:
                alternative.append(deadlines[-1])
            if term.date is None:
                warnings.append(f"no date for {said!r}: depends on {term.anchor}")
            if term.date is None or term.weak:
                review.append(review_of(term))
        if reporting and not postponed:
            dated = [t for t in terms if t.date is not None]
            cue = None if terms else time_cue(sentence, context)
            if cue is not None and not (recurrence and cue[0] == "recurrence"):
                # a report recorded without its time: the time the sentence gives is unread
                review.append(ReviewItem("unread_cue", squash(sentence)[:160], f"cue:{cue[0]}"))
            reports.append(
                Report(
                    text=_report_text(sentence),
                    recurrence=recurrence or "once",
                    due=dated[0].date if dated else None,
                    recipient=recipient_of(sentence),
                )
            )
            if index in later_items:
                alternative.append(reports[-1])

    # a sentence yielded something when the count grew before the next sentence began
    after = [n for _, n in marks[1:]] + [len(deadlines) + len(reports) + len(review)]
    read = {squash(m[0]) for m, n in zip(marks, after[: len(marks)], strict=True) if n > m[1]}
    seen = read | fallen | {squash(d.text) for d in labelled}
    if not asks_questions:
        # something binds: the wide safety net shows every action paired with a time; where
        # nothing binds, the narrow one only an action paired with a date ahead
        narrow = not (deadlines or reports or labelled or in_resolution)
        review.extend(_unread(text, context, seen, due_terms, narrow=narrow))
        review.extend(unread_cues(text, scope, scope_is_section, context, seen | _phrases(review)))
    else:
        # questions whose answer has no heading the reader knows: an answer's announcement
        # paired with a date ahead is shown, not read (the questions' own dates bind no one)
        review.extend(_unread(text, context, seen, due_terms, narrow=True))
    if addressee is None and (deadlines or reports):
        addressee = _named_administration(m[0] for m in marks if squash(m[0]) in read)
    if labelled and any(d.date is None for d in deadlines):
        warnings.append("an Erledigungsfrist is given: undated prose terms dropped")
        deadlines = [d for d in deadlines if d.date is not None]
        review = [r for r in review if r.reason not in ("undated_term", "soft_term", "weak_term")]
    all_deadlines = _merge(deadlines, labelled)
    # (a motion declared disposed, "für erledigt erklärt", was not adopted either)
    disposed_motion = outcome == "disposed" and "antrag" in (kind or "").lower()
    if (outcome in ("rejected", "withdrawn") or disposed_motion or proposal == "rejected") and (
        not several or _one_item_excerpt(kind, text)
    ):
        # the document's one motion fell: none of its terms binds (a record of several
        # matters keeps the others'; a turned-down sentence is dropped by itself)
        if all_deadlines or reports:
            warnings.append(
                f"motion {outcome or 'proposed for rejection'}: "
                f"{len(all_deadlines)} deadline(s) and {len(reports)} report(s) not taken"
            )
        adopted = _ADOPTED_TOO.search(text) if all_deadlines or reports else None
        shown = squash(adopted.group(0)) if adopted is not None else None
        dropped = [d.text for d in all_deadlines] + [r.text for r in reports]
        if shown is None and dropped and _fell_outside(section_sentences, text, scope_is_section):
            # the resolution turns nothing down, a fall is told outside it (a member's motion
            # rejected in the debate before "Beschlüsse: ..."): which fell, a person decides
            shown = squash(dropped[0])
        if alternative:
            # the resolution turns the motion down and decides otherwise: its items bind
            all_deadlines = [x for x in alternative if isinstance(x, Deadline)]
            reports = [x for x in alternative if isinstance(x, Report)]
            shown = None
        else:
            # (a follow-up list's rows are the list's, each with its own fate; what the reader
            # could not resolve stays shown: were the rejection misread, nothing is lost unsaid)
            all_deadlines, reports = list(rows.deadlines), list(rows.reports)
        if shown is not None:
            # the text records an adoption as well (a second motion, an amended version):
            # what it adopted may bind, and a person decides which
            review.append(ReviewItem("several_outcomes", shown[:160], "outcome"))
    if asks_questions:
        addressee = questioned_party(text) or addressee
    elif addressee is None:
        addressee = questioned_party(text)
    return Obligations(
        tuple(all_deadlines),
        tuple(_unique_reports(reports)),
        addressee,
        tuple(warnings),
        tuple(_unique_review(review)),
    )


# A report of the past ("waren ... informiert worden", "war bis zum Jahre 2001"): no duty
# ahead. ``wurde beauftragt`` and ``beschloss`` stay: minutes record decisions so.
_PAST = re.compile(r"\b(?:war|waren|gewesen|worden|fand|fanden)\b", _I)


# What a dated term needs: a digit, a month, or a year, quarter or season word the
# document's own date completes (a cheap test before the grammar reads the sentence).
_DATED_WORD = re.compile(
    r"\d|" + MONTH + r"|Jahr|Quartal|Woche|Monat|Frühjahr|Frühling|Sommer|Herbst|Winter|[Ss]itzung",
    _I,
)


def _basis(
    operative: bool,
    postponed: bool,
    announced: bool,
    plain: bool,
    in_resolution: bool,
    task_item: bool,
) -> str:
    """Why a sentence's terms bind (:data:`~tracker.documents.model.BASES`)."""
    if postponed:
        return "postponement"
    if operative:
        return "order"
    if plain and in_resolution:
        return "task_item" if task_item else "resolution"
    if announced:
        return "announcement"
    return "resolution" if plain else "report"


# The label of a paper's own date ("Datum: 05.06.2024", "Stand: 01.03.2025").
_PAPER_DATED = re.compile(r"\b(?:Datum|Stand|Erstellt\s+am|Ausgabe)\s*:?\s*$", _I)


def _unread(
    text: str,
    context: DateContext,
    read: set[str],
    due_terms: Callable[[str], list[Term]],
    *,
    narrow: bool = False,
) -> list[ReviewItem]:
    """Sentences that pair an action (a request, a report, a postponement, an
    announcement) with a time and yielded nothing. In a document that already binds (an
    obligation or a resolution was found) any time term or word counts: a person looks at
    such a document anyway, and one obligation seldom comes alone. Where nothing binds
    (``narrow``), only a date on or after the document's own: a time word or an undated term
    there is left to the uncertainty signal (:func:`unread_cues`), since most such documents
    bind nobody (decision 0025)."""
    found = []
    for sentence in sentence_list(text):
        key = squash(sentence)
        if len(key) > 400 or key in read:
            continue
        if narrow and _DATED_WORD.search(sentence) is None:
            continue  # a cheap test first: the narrow net needs a date
        if (
            is_question(sentence)
            or _PAST.search(sentence)
            or TURNED_DOWN.search(sentence)
            # the public's term (a notice to applicants, a post to fill), a meeting's date: set
            # aside, not missed
            or _nobody_owes(sentence)
            or _MEETING_SET.search(sentence)
            or _FESTIVITY_SET.search(sentence)
        ):
            continue
        if any(key in r or r in key for r in read if r):
            continue
        acting = (
            _is_operative(sentence)
            or _REPORT.search(sentence)
            or _POSTPONED.search(sentence)
            or _ANNOUNCED.search(sentence)
            or _passive_ahead(sentence)
        )
        if narrow and not acting:
            continue  # reading the terms costs more than the test that makes them moot
        if not narrow and acting and _time_word(sentence):
            hit = True  # an action with a time word: the wide net needs no terms read
        else:
            terms = [
                t
                for t in due_terms(sentence)
                if (t.date is None or context.anchor is None or t.date >= context.anchor)
                # (not the paper's own date in its head: "Informationsvorlage Nr. ... Datum:
                # 05.06.2024")
                and _PAPER_DATED.search(sentence, max(0, t.start - 25), t.start) is None
            ]
            if narrow:
                hit = bool(acting) and any(t.date is not None for t in terms)
            else:
                # an action's terms, or a limit (or an undated term) without one
                hit = bool(acting and terms) or any(
                    _is_limit(t, sentence) or t.date is None for t in terms
                )
        if hit:
            found.append(ReviewItem("unread_obligation", key[:160], "safety_net"))
    return found


def _phrases(review: list[ReviewItem]) -> set[str]:
    return {r.phrase for r in review}


# A speaker's statement told in the minutes ("Der Landrat informiert, dass ..."): a record of
# what was said, not an order.
_REPORTED_SPEECH = re.compile(
    r"\b(?:informiert|berichtet|erklärt|erläutert|teilt|weist|verweist|antwortet|führt)\b"
    r"(?:\s+\S+){0,6}?\s*,?\s*(?:mit|hin|aus)?\s*,\s*dass\b"
)


def _orders(sentence: str) -> bool:
    """Whether a sentence (of a document without a resolution that binds) is operative: it
    orders someone to act (a request verb, ``ist ... zu tun``) or postpones a matter."""
    return bool(
        (_MANDATE.search(sentence) and _is_operative(sentence)) or _POSTPONED.search(sentence)
    )


# A sentence in the perfect or the past with nothing ahead ("Die Verwaltung hat im Mai
# berichtet", "wurde im Mai beauftragt"): a record. "wurde beauftragt, bis Mai zu berichten"
# holds an infinitive ahead and is none, and so does "hat beschlossen, dass ... berichtet".
_RECORD = re.compile(
    r"^(?!.*\b(?:wird|werden|werde|soll|sollen|solle|muss|müssen|möge|mögen|dass|zu\s+[a-zäöüß]+en|"
    r"[a-zäöüß]+zu[a-zäöüß]+en)\b).*\b(?:hat|haben|hatte|hatten|wurde|wurden)\b",
    _I | re.S,
)


def _looks_ahead(sentence: str) -> bool:
    """Whether a sentence looks ahead (a modal, the future, an announcement) and speaks of a
    report or of the council or its administration, or has the council or its
    administration report in the present (``Die Stadtverwaltung legt ... vor``): what
    someone owes the council."""
    report = _REPORT.search(sentence) is not None
    party = PARTIES.search(sentence) is not None
    if report and party:
        return True
    return (report or party) and bool(
        _FORWARD.search(sentence) or _ANNOUNCED.search(sentence) or _is_operative(sentence)
    )


_FORWARD = re.compile(r"\b(?:" + _FUTURE_VERBS + r"|sollte|sollten|möge|mögen)\b", _I)


def unread_cues(
    text: str,
    scope: str,
    in_section: bool,
    context: DateContext,
    read: set[str],
) -> list[ReviewItem]:
    """The document-level uncertainty signal (decision 0021), so that nothing that reads
    like an obligation passes silently. A sentence that yielded no obligation is a review
    item ``unread_cue`` when it holds, by its role in the document:

    - an operative sentence (of the resolution, else an order to act or a postponement
      anywhere): any cue of time or reporting (:func:`cues.first_cue`);
    - a sentence that looks ahead and names a report, the council or its administration
      (``soll dem Rat im Herbst vorgelegt werden``): a cue of time (:func:`cues.time_cue`);
    - any other sentence: a strong cue (:func:`cues.strong_cue`: a session ahead, a
      deadline noun, a report word together with a time)."""
    every = list(sentence_list(text))
    cache: dict[str, dict[str, str]] = {}
    considered: set[str] = set()

    def items(
        candidates: list[str],
        pick: Callable[[dict[str, str]], Cue | None],
        role: Callable[[str], bool] | None = None,
    ) -> list[ReviewItem]:
        seen = read | _phrases(found)
        return _cue_items(candidates, context, seen, (cache, considered), pick, role)

    found: list[ReviewItem] = []
    if in_section:
        found += items(list(sentence_list(scope)), any_of)
    else:
        found += items(every, any_of, _orders)
    found += items(every, time_of, _looks_ahead)
    found += items(every, strong_of)
    return found


# A calendar's line, not a duty: a session as the subject ("Die nächste Sitzung des
# Gemeinderates ist für den 26.06.2025 geplant", "Unsere nächste Fraktionssitzung ist
# öffentlich: Montag, 7. Juli 2025"), a dateline ("Ilmtal-Weinstraße, 20.05.2025").
_CALENDAR = re.compile(
    r"^\W*(?:Die|Der|Das|Unsere)\s+(?:\w+\s+)?[\w-]*(?:[Ss]itzung(?:en)?|Sitzungstermin\w*|"
    r"Termine?)\b(?:\s+(?:des|der)\s+[\w-]+)?\s+(?:ist|sind|findet|finden)\b"
    r"|^[\w .()/-]{2,60},\s*(?:den\s+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*$"
)


def _cue_items(
    candidates: Iterable[str],
    context: DateContext,
    read: set[str],
    memory: tuple[dict[str, dict[str, str]], set[str]],
    pick: Callable[[dict[str, str]], Cue | None],
    role: Callable[[str], bool] | None = None,
) -> list[ReviewItem]:
    """The sentences of a ``role`` (all when None) with a cue ``pick`` chooses that yielded
    nothing and were not considered by an earlier tier. ``memory`` holds each sentence's
    cues (read once) and the sentences an earlier tier considered. Questions,
    records of the past, notices to the public, quoted statutes, motions turned down in
    their own sentence and a speaker's statement told in the minutes hold no obligation."""
    cache, considered = memory
    found = []
    for sentence in candidates:
        key = squash(sentence)
        if not key or len(key) > 600 or key in considered:
            continue
        if key not in cache:
            cache[key] = cues_of(sentence, context)
        cue = pick(cache[key])
        if cue is None or (role is not None and not role(sentence)):
            continue
        considered.add(key)
        if any(key in r or r in key for r in read if r):
            continue
        if (
            is_question(sentence)
            or _PAST.search(sentence)
            or _PAST_CLAUSE.search(sentence)
            or _nobody_owes(sentence)
            or _NORM_CITED.match(sentence)
            or TURNED_DOWN.search(sentence)
            or _REPORTED_SPEECH.search(sentence)
            or _RECORD.search(sentence)
            or _takes_place(sentence)
            or ASKS.search(sentence)
            or _CALENDAR.match(sentence)
        ):
            continue
        found.append(ReviewItem("unread_cue", key[:160], f"cue:{cue[0]}"))
    return found


# The administration by its usual names: who acts when a sentence with an obligation names
# no one as its subject ("um eine Berichterstattung ... hat der Oberbürgermeister gebeten").
_ADMINISTRATION = re.compile(r"\b(" + ADMINISTRATION + r")(?:s|es)?\b")


def _named_administration(found: Iterable[str]) -> str | None:
    """The first administration named in the sentences that yielded an obligation."""
    for sentence in found:
        m = _ADMINISTRATION.search(sentence)
        if m:
            return m.group(1)
    return None


def _conflict(sentence: str, terms: list[Term]) -> ReviewItem | None:
    """One sentence that sets two different limits (``bis zum 30.06. ... spätestens bis
    31.12.``): two steps or a contradiction, a person decides."""
    limits = {t.date for t in terms if t.date is not None and _is_limit(t, sentence)}
    if len(limits) < 2:
        return None
    return ReviewItem("conflicting_dates", squash(sentence)[:160], "limits")


def _unique_review(items: list[ReviewItem]) -> list[ReviewItem]:
    unique: list[ReviewItem] = []
    for item in items:
        if item not in unique:
            unique.append(item)
    return unique


def _merge(prose: list[Deadline], labelled: list[Deadline]) -> list[Deadline]:
    """Labelled fields first: where both give the same date, the label's wording is kept. Rows
    of a follow-up list are tasks each, whatever their dates."""
    merged: list[Deadline] = []
    seen: set[tuple[date | None, str]] = set()
    dates: set[date] = set()
    for deadline in [*labelled, *prose]:
        row = deadline.rule.startswith("row:")
        key = (deadline.date, deadline.text if deadline.date is None or row else "")
        if key in seen or (not row and deadline.date in dates):
            continue
        seen.add(key)
        merged.append(deadline)
        if deadline.date is not None:
            dates.add(deadline.date)
    return merged


def _unique_reports(reports: list[Report]) -> list[Report]:
    """One report per duty: the same recurrence, recipient and due date; an undated duty is
    the same only where its wording is (two undated requests of one motion are two duties)."""
    unique: list[Report] = []
    for report in reports:
        if not any(
            (r.recurrence, r.recipient, r.due) == (report.recurrence, report.recipient, report.due)
            and (report.due is not None or _same_wording(r.text, report.text))
            for r in unique
        ):
            unique.append(report)
    return unique


def _same_wording(a: str, b: str) -> bool:
    """Whether two report texts say the same: one holds the other, or half their words agree."""
    x, y = squash(a).lower(), squash(b).lower()
    if x in y or y in x:
        return True
    wa, wb = set(re.findall(r"\w{4,}", x)), set(re.findall(r"\w{4,}", y))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5

"""Clause patterns that both the main pass (:mod:`tracker.documents.obligations`) and the doubt
rules (:mod:`tracker.documents.doubts`) read: the administration as a party, the parties a
sentence names, a motion made, a new matter begun, and a proposal that fell.
"""

from __future__ import annotations

import re

from tracker.documents.text import WITHIN_SENTENCE
from tracker.documents.vocabulary import ADMINISTRATION, COUNCIL

# The administration's units and officers by their common names (in :data:`ADMIN` and the doubt
# rules' own offices).
ADMIN_UNITS = r"Dezernat|Fachbereich|Fachamt|Referat|Fachdienst|Beigeordnete|Abteilung|Stadtwerke"

# The administration or one of its units or officers as a party of a sentence.
ADMIN = re.compile(
    r"Bezirksamt|Verwaltung|\w+verwaltung|Bürgermeister|Oberbürgermeister|Landrat|Landrätin|Senat|Magistrat|"
    r"Gemeindevorstand|Kreisausschuss|Amt\b|Geschäftsführung|Stadtdirektor|Eigenbetrieb|"
    + ADMIN_UNITS
)

# A motion made in the session (the words :data:`NEW_MATTER` opens a proposal with).
MOVES = r"\b(?:beantragt|beantragen|stellt\s+den\s+Antrag)\b"

# A new matter or proposal begins: the result lines after it are its own.
NEW_MATTER = re.compile(
    r"^\W*(?:TOP\b|Ö\s*\d|N\s*\d|Tagesordnungspunkt\b|\d+(?:\.\d+)*\.?\s+[A-ZÄÖÜ])|" + MOVES,
)

# The next sentence says the proposal just read fell ("Dieser Änderungsantrag wird mit 4 Ja- zu 9
# Nein-Stimmen abgelehnt", "Der Antrag wird zurückgezogen").
FELL_NEXT = re.compile(
    r"^\W*(?:Dieser|Der|Diese|Die|Dem|Diesem)\s+(?:[\w-]*[Aa]ntrag|[\w-]*[Vv]orschlag|Ergänzung|"
    r"Änderung)\w*\s+(?:wird|wurde|ist)\s+(?:\S+\s+){0,8}?(?:abgelehnt|zurückgezogen|"
    r"nicht\s+zugestimmt|verwiesen|überwiesen)\b"
    # the verb first, after a short opening ("Nach Diskussion wird der Antrag zur weiteren
    # Beratung in den Bauausschuss verwiesen."): rejected, withdrawn or referred, undecided
    r"|^\W*(?:\w+\s+){1,3}?(?:wird|wurde)\s+(?:der|dieser)\s+(?:[\w-]*[Aa]ntrag|[\w-]*[Vv]orschlag)"
    r"\w*\s+(?:\S+\s+){0,10}?(?:abgelehnt|zurückgezogen|verwiesen|überwiesen)\b"
    # "Der Verbandsgemeinderat lehnte den Antrag mit 8 Ja-Stimmen, 13 Nein-Stimmen ... ab."
    r"|^\W*(?:Der|Die|Das)\s+[\w-]+\s+(?:lehnte|lehnt)\s+(?:den|diesen)\s+(?:[\w-]*[Aa]ntrag|"
    r"Vorschlag)\b[^;?]{0,120}?\bab\s*[.;]?$"
    # "Die Koalition hat diesen Antrag abgelehnt."
    r"|^\W*(?:Der|Die|Das)\s+[\w-]+\s+(?:hat|hatte|haben|hatten)\s+(?:den|diesen|unseren)\s+"
    r"(?:[\w-]*[Aa]ntrag|Vorschlag)\w*\s+(?:\S+\s+){0,6}?abgelehnt\s*[.;]?$"
    # the want of a majority ("Am Ende fand der Ergänzungsantrag mit 9 zu 22 Stimmen keine
    # Mehrheit.") or the vote called on it ("Zunächst wird über den weitergehenden Antrag der UWG
    # abgestimmt: abgelehnt 5:10.")
    r"|^\W*(?:[\w-]+\s+){0,3}?(?:fand|fanden|findet|erhielt|erhält|bekam)\s+(?:der|die|dieser|diese|"
    r"unser|ihr|sein)\s+(?:[\w-]*[Aa]ntrag|[\w-]*[Vv]orschlag|Ergänzung|Änderung)\w*\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\bkeine\s+Mehrheit\b"
    r"|^\W*(?:[\w-]+\s+){0,3}?(?:wird|wurde)\s+über\s+(?:den|diesen)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:[\w-]*[Aa]ntrag|[\w-]*[Vv]orschlag)\w*\b[^.;?]{0,80}?\babgestimmt\s*:\s*"
    r"(?:(?:einstimmig|mehrheitlich)\s+)?abgelehnt\b"
    # withdrawn by its movers: "Nach Aussprache zieht die CDU-Fraktion den Antrag zurück.", "Die
    # Fraktion hat ihren Antrag zurückgezogen."
    r"|^(?:[^;?]{0,240}?[\s,])?(?:zieht|zog|ziehen|zogen)\s+(?:[\w-]+\s+){0,5}?(?:den|ihren|"
    r"seinen|diesen|unseren)\s+(?:[\w-]*[Aa]ntrag|Vorschlag)\w*\b[^.;?]{0,100}?\bzurück\s*[.;]?$"
    r"|^\W*(?:[\w-]+\s+){1,5}?(?:hat|hatte|haben|hatten)\s+(?:den|ihren|seinen|diesen|unseren)\s+"
    r"(?:[\w-]*[Aa]ntrag|Vorschlag)\w*\s+(?:\S+\s+){0,6}?zurückgezogen\s*[.;]?$"
)
# The council, the administration or a committee named in a sentence.
PARTIES = re.compile(r"\b(?:" + COUNCIL + r"|" + ADMINISTRATION + r"|[\w-]*[Aa]usschuss)\w*\b")
# An indirect question ("fragt an, wann ...", "erkundigt sich, ob ..."): the time is asked.
ASKS = re.compile(
    r"\b(?:fragt|fragte|fragen|erkundigt|erkundigte|Frage|Anfrage|Auskunft|wissen)\b[^.;?]{0,60}?,?\s*"
    r"(?:wann|ob|bis\s+wann|wie|inwieweit|was|warum|weshalb|wieso|welche[rsmn]?)\b",
    re.IGNORECASE,
)
# What adopts a motion told just before ("Der Antrag wird einstimmig angenommen", "Dem wird
# zugestimmt", "So beschlossen").
ADOPTED_NEXT = re.compile(
    r"\b(?:angenommen|beschlossen|zugestimmt|Zustimmung|einstimmig|befürwortet|entsprochen)\b",
    re.IGNORECASE,
)

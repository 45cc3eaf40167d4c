"""Clause patterns that both the main pass (:mod:`tracker.documents.obligations`) and the doubt
rules (:mod:`tracker.documents.doubts`) and the labelled fields (:mod:`tracker.documents.labels`)
read: the administration as a party, the parties a sentence names, a motion made, a new matter
begun, a proposal that fell, was turned down or put off, a question, the public asked to act,
and a demand.
"""

from __future__ import annotations

import re

from tracker.documents.text import WITHIN_SENTENCE
from tracker.documents.vocabulary import ADMINISTRATION, COUNCIL, MEMBER_TITLE, PUBLIC_NOUN

_I = re.IGNORECASE

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
    # ("Über diesen Antrag wird zuerst abgestimmt: 4 Ja, 12 Nein, 1 Enthaltung – abgelehnt.")
    r"|^\W*Über\s+(?:den|diesen)\s+(?:[\w-]+\s+)?(?:[\w-]*[Aa]ntrag|[\w-]*[Vv]orschlag)\w*\s+"
    r"(?:wird|wurde)\b[^.;?]{0,40}?\babgestimmt\b[^.;?]{0,80}?\babgelehnt\b"
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
    _I,
)
# What adopts a motion told just before ("Der Antrag wird einstimmig angenommen", "Dem wird
# zugestimmt", "So beschlossen").
ADOPTED_NEXT = re.compile(
    r"\b(?:angenommen|beschlossen|zugestimmt|Zustimmung|einstimmig|befürwortet|entsprochen)\b",
    _I,
)

# What the public or others hand in (applications, registrations, objections).
HANDED_IN = (
    r"(?:[\w-]*[Aa]nträge|Anmeldungen|Bewerbungen|Einwendungen|Widersprüche|[\w-]*[Vv]orschläge|"
    r"Meldungen|Fragen|Anfragen|Wortmeldungen|Verhinderungen|Anregungen|Eingaben)"
)

# The public asked or allowed to act ("Bürger/innen werden gebeten", "Eigentümer können bis
# zum 25.02. Widerspruch einlegen", a submission to the administration, a post to apply for):
# a notice's term, not the administration's obligation.
PUBLIC_ACTS = re.compile(
    # an invitation's request to confirm one's attendance ("Die Vertreter der freien Träger
    # werden gebeten, ihre Anwesenheit bis 24.11.2025 zu bestätigen")
    r"\b(?:Anwesenheit|Teilnahme)\b(?:[^.;?]|(?<=\d)\.){0,60}?\b(?:zu\s+bestätigen|zurückzumelden|mitzuteilen|"
    r"anzuzeigen)\b|"
    # what the council recommends to or imposes on one of them ("Dem Bauwerber wird empfohlen,
    # bis 30.06.2026 eine reduzierte Planung vorzulegen")
    r"(?:\b(?:Dem|Den|Der)\s+|^\W*)(?:[\w-]*" + PUBLIC_NOUN + r")(?:n|in)?\s+(?:wird|werden)\s+"
    r"(?:\S+\s+){0,2}?(?:empfohlen|anheimgestellt|aufgegeben|auferlegt|nahegelegt)\b|"
    r"(?<![\w-])(?:[\w-]*" + PUBLIC_NOUN + r")(?:\*innen|/innen|innen)?\s+(?:\S+\s+){0,3}?"
    r"(?:werden\s+(?:\S+\s+){0,3}?(?:gebeten|aufgefordert)|können|kann|dürfen|haben\s+die\s+"
    r"Möglichkeit|müssen|sind\s+(?:\S+\s+){0,6}?verpflichtet|"
    # ("Inhaber alter Erlaubnisse haben bis zum 30.06.2009 eine neue Erlaubnis zu beantragen")
    r"haben\s+(?:\S+\s+){0,10}?(?:zu\s+\w+en|\w+zu\w+en))\b"
    # a submission to the administration is the public's ("Bewerbungen sind bis ... an das
    # Bürgerbüro zu richten", "... bei der Gemeindekasse anmelden")
    r"|\b(?:an|bei|beim|im|in\s+der)\s+(?:(?:das|die|der|den)\s+)?[\w-]*(?:[Bb]ürgerbüro|[Bb]ürgeramt|[Kk]asse|"
    r"[Ss]ekretariat|[Oo]rdnungsamt|[Rr]athaus|Vorstand|Kassenführer\w*|Kassenverwalter\w*|"
    r"Vorzimmer|Wahlamt|[Vv]erwaltung|Stadt|Gemeinde|(?:Ortschafts|Orts|Bau|Steuer|Standes)amt|"
    r"Bürgerservice\w*)\b"
    + WITHIN_SENTENCE
    + r"{0,40}?\b(?:zu\s+richten|zu\s+stellen|einzureichen|abzugeben|anzumelden|anmelden|"
    r"einreichen|abgeben)\b"
    # what others hand in, as the subject ("Anträge sind bis zum 31. März des Folgejahres zu
    # stellen", "Änderungsanträge der Fraktionen sind bis zum 05.12.2025 einzureichen")
    r"|(?:^\W*|\bdass\s+|[;:]\s*)(?:(?:Die|Alle|Weitere|Etwaige|Eventuelle)\s+)?(?:"
    + HANDED_IN
    + r"|Ein\s+Antrag)\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\b(?:sind|ist|können|kann|müssen|muss)\b"
    + WITHIN_SENTENCE
    + r"{0,120}?\b(?:zu\s+stellen|einzureichen|abzugeben|zu\s+richten|zu\s+erheben|einzulegen|"
    # ("... müssen bis 05.12.2025 beim Ortsamt vorliegen")
    r"(?:gestellt|eingereicht|abgegeben|eingelegt)\s+werden|vorliegen|eingehen|eingegangen\s+sein)\b"
    # (or the verb last: "..., dass Anträge ... gestellt werden müssen")
    r"|\bdass\s+"
    + HANDED_IN
    + r"\b"
    + WITHIN_SENTENCE
    + r"{0,160}?\b(?:gestellt|eingereicht|abgegeben)\s+werden\s+(?:müssen|können|sollen)\b"
    # a tax or fee the payers pay ("die Grundsteuer 2026 zu den Fälligkeitsterminen ... zu
    # zahlen")
    r"|\b[\w-]*(?:[Ss]teuer|[Gg]ebühr|[Aa]bgabe|[Bb]eitr[aä]g|[Vv]orauszahlung|Kaufpreis|"
    r"[Ee]ntgelt|Pacht)\w*\b" + WITHIN_SENTENCE + r"{0,120}?\bzu\s+zahlen\b"
    # fees paid, the public's periods, a grant's proof of use: the payers', the public's, the
    # recipient's ("Die Gebühren sind bis zum 31.05.2025 zu entrichten", "Die Einwendungsfrist
    # endet ...", "Der Verwendungsnachweis ist bis 30.11.2025 vorzulegen")
    r"|\bzu\s+entrichten\b|\bentrichtet\s+werden\b"
    r"|\b(?:Einwendungs|Auslegungs|Bewerbungs|Anmelde|Antrags|Widerspruchs|Einspruchs|"
    r"Beteiligungs)frist\b"
    r"|(?:^\W*|[:;]\s*|\b(?:ist|sind)\s+)(?:Der|Die|Ein|der|die|ein)\s+Verwendungsnachweise?\b"
    # registrations someone takes ("Anmeldungen für Stände nimmt der Gewerbeverein bis 20.
    # November entgegen")
    r"|\b(?:"
    + HANDED_IN
    + r"|Bestellungen)\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\b(?:nimmt|nehmen)\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\bentgegen\b"
    # "Um Anmeldung bis 28.11.2025 im Vorzimmer wird gebeten": the guests'
    r"|\bUm\s+(?:\w+\s+)?Anmeldung\b"
    # a post to fill ("ist zum 01.07.2025 folgende Stelle zu besetzen"): the vacancy's start
    # (not an order to fill it: "Die Verwaltung wird beauftragt, die Stelle ... bis zum 30. Juni
    # 2025 zu besetzen")
    r"|^(?![^\n]*\b(?:beauftragt|gebeten|ersucht|aufgefordert)\b)[^\n]*\bzu\s+besetzen\b"
)

# A motion turned down in the same sentence ("Der Antrag, bis Ende 2025 ein Konzept vorzulegen,
# wurde mehrheitlich abgelehnt"): its terms are a trap.
TURNED_DOWN = re.compile(
    r"\b(?:wurde|wird|ist|wurden|werden|sind)\s+(?:\S+\s+){0,12}?(?:abgelehnt|zurückgewiesen|"
    r"zurückgezogen)\b"
    r"|\blehnt(?:e|en)?\b" + WITHIN_SENTENCE + r"{0,200}?\bab\b"
    # told in the perfect or as the want of a majority ("hat ... einen Antrag abgelehnt, der
    # ... sollte", "fand keine Mehrheit", "Nicht beschlossen wurde ein Antrag, ...")
    r"|\b(?:hat|haben|hatte|hatten)\b" + WITHIN_SENTENCE + r"{0,160}?\babgelehnt\b"
    r"|\b(?:fand|fanden|findet|finden|erhielt|erhielten|erhält|bekam|bekamen)\b"
    + WITHIN_SENTENCE
    + r"{0,200}?\bkeine\s+Mehrheit\b"
    # the few votes it got ("Ihr Antrag, ... vorzulegen, fand nur fünf Stimmen")
    r"|\b(?:fand|erhielt|bekam|findet|erhält)\s+(?:nur|lediglich)\s+(?:\S+\s+){0,2}?"
    r"(?:Stimmen|Ja-Stimmen|Befürworter\w*|Unterstützer\w*)\b"
    # ("Abgelehnt hat der Stadtrat einen Antrag der Grünen-Fraktion, bis zum Sommer 2026 ...")
    r"|^\W*Abgelehnt\s+(?:hat|haben|hatte|hatten)\b"
    # the outcome put first ("Keine Mehrheit fand ein Antrag der Grünen, ...", "Mit knapper
    # Mehrheit abgelehnt wurde der Antrag, ...", "Durchfallen ließ die Mehrheit den Antrag ...")
    r"|\bkeine\s+Mehrheit\s+(?:fand|fanden|erhielt|erhielten|bekam|bekamen)\b"
    r"|\b(?:abgelehnt|zurückgewiesen|zurückgezogen)\s+(?:wurde|wurden)\b"
    r"|\b(?:durchgefallen|Durchfallen\s+ließ|durchfallen\s+lassen)\b"
    r"|\b(?:fiel|fielen)\s+(?:\S+\s+){0,8}?durch\s*(?:[.;,]|$)"
    r"|^\W*Nicht\s+beschlossen\b"
    # its status with the votes, set at the end of its line ("... zu fällen. abgelehnt (6 dafür,
    # 46 dagegen, 1 Enth.)")
    r"|\babgelehnt\s*\(\s*\d{1,3}\s*(?:dafür|Ja\b|:|/|,|zu\b|gegen\b)[^()]{0,60}\)\W*$"
    # a motion withdrawn in its own sentence ("zieht den Änderungsantrag seiner Fraktion, das
    # Konzept bis zum 31.12.2025 vorzulegen, ... zurück")
    r"|\bzieh(?:t|en)\b[^.;?]{0,40}?\b[\w-]*(?:[Aa]ntrag|[Vv]orschlag)\w*\b"
    + WITHIN_SENTENCE
    + r"{0,240}?\bzurück\b"
    # a motion that failed or was passed over, in its own sentence ("Unser Antrag, bis zum
    # Sommer 2020 ... vorzulegen, scheiterte im Umweltausschuss", "Den Vorschlag ..., bis zum
    # Herbst ... vorzulegen, hat der Rat nicht aufgegriffen")
    r"|\b[\w-]*(?:[Aa]ntrag|[Vv]orschlag)\w*\b"
    + WITHIN_SENTENCE
    + r"{0,240}?\b(?:scheiterte|scheiterten|gescheitert|nicht\s+(?:aufgegriffen|übernommen|"
    r"angenommen|beschlossen))\b"
    # or was referred undecided, in its own sentence ("Ein Antrag der Grünen, die Verwaltung möge
    # bis zum 30. Juni 2026 ... vorlegen, wurde ... in die Fraktionen verwiesen"; a postponement
    # names its target, an event)
    r"|^\W*(?:Ein|Der|Den|Unser|Ihr)\s+[\w-]*(?:[Aa]ntrag|[Vv]orschlag)\w*\b"
    + WITHIN_SENTENCE
    + r"{0,240}?,\s*(?:wurde|wird)\b"
    + WITHIN_SENTENCE
    + r"{0,120}?\b(?:verwiesen|überwiesen)\b(?!"
    + WITHIN_SENTENCE
    + r"{0,80}?\b(?:Sitzung|aufgerufen|beraten)\b)",
    _I,
)

# A possibility or a period of validity, not an action due ("Anträge können bis zum 30.04.
# eingereicht werden", "Der Vertrag läuft bis zum 31.12.2026", "Die Regelung gilt bis 2027").
NOT_A_LIMIT = re.compile(
    # (a state that lasts: "Der Streusalzvorrat reicht bis Ende der Saison")
    r"\b(?:kann|können|könnte|könnten|darf|dürfen|läuft|laufen|gilt|gelten|gültig|befristet|"
    r"reicht|reichen|dauert|dauern|andauert|andauern|Gelegenheit|"
    r"Laufzeit|Gültigkeit|beginnend|Pachtdauer|Pachtzeit|Mietdauer|Mietzeit|Vertragsdauer|"
    r"Vertragslaufzeit|Nutzungsdauer|Bindungsfrist|Zweckbindungsfrist|Amtszeit|Amtsdauer)\b",
    _I,
)

# A demand told in a record: a speaker reminds, urges or calls for something that must be
# done ("erinnerte er, dass ... saniert werden müssen", "forderte, dass ... sollte").
DEMANDED = re.compile(
    r"\b(?:erinnerte|erinnerten|forderte|forderten|mahnte|mahnten|appellierte|appellierten|"
    r"bemängelte|bemängelten|kritisierte|kritisierten|wünschte|wünschten|machte|machten|regte|"
    r"regten)\b(?:\s+\S+){0,8}?\s*,\s*dass\b[^.;]*\b(?:müssen|müsse|müsste|müssten|"
    r"sollen|solle|sollte|sollten)\b"
    # "Stadtrat Müller forderte, bis ... vorzulegen", "verlangte, das Bezirksamt solle ...",
    # "bat darum, den Ortschaftsrat ... zu informieren", "regte an, der Landrat möge ..."
    r"|\b(?:forderte|forderten|verlangte|verlangten|bat|baten|wünschte|wünschten|mahnte|"
    r"mahnten|regte|regten|schlug|schlugen|plädierte|plädierten)\b"
    # (the speaker after the verb: "forderte die CDU-Fraktion, die Verwaltung müsse ..."; not
    # "forderte die Verwaltung auf, ...", a request the council may have made)
    r"(?!(?:\s+\S+){0,4}?\s+auf\s*,)(?:\s+\S+){0,4}?\s*,\s*"
    + WITHIN_SENTENCE
    + r"*?(?:\b(?:solle|sollte|möge|müsse)\b|\bzu\s+\w+en\b|zu\w+en\b)"
    # "Mehrere Redner sprachen sich dafür aus, ...", "Aus der Mitte des Rates wurde der Wunsch
    # geäußert, ...", "Die CSU-Fraktion kündigte an, einen Antrag einzubringen, ..."
    r"|\bsprachen?\s+sich\s+(?:\S+\s+){0,3}?dafür\s+aus\b|\bWunsch\s+geäußert\b"
    # a speaker's words in a verbatim record ("Stadtrat Kretschmar (AfD): Wir sollten ...")
    r"|^\W*(?:(?:Herr|Frau|Dr\.|Abg\.|" + MEMBER_TITLE + r")\s+)+(?:[A-ZÄÖÜ][\w.-]+\s+){0,2}"
    r"[A-ZÄÖÜ][\w-]+\s*"
    r"(?:\([^)]{1,40}\))?\s*:"
    # a speaker's view ("hält eine Entscheidung noch in diesem Jahr für erforderlich")
    r"|\b(?:hält|hielt|halten|hielten)\b"
    + WITHIN_SENTENCE
    + r"{0,120}?\bfür\s+(?:dringend\s+)?(?:erforderlich|notwendig|geboten|sinnvoll|wichtig|"
    r"unerlässlich|angebracht)\b"
    r"|\bkündigte[n]?\s+(?:\S+\s+){0,3}?an\s*,\s*(?:einen|den)\s+[\w-]*[Aa]ntrag\b",
    _I,
)


def is_question(sentence: str) -> bool:
    return sentence.rstrip(' "“”)').endswith("?")


MOTION_THEN_PUT_OFF = re.compile(
    # (the noun's end, in a compound too: "Beschlussvorschlag", not "beantragt")
    r"(?:[Aa]ntrag|[Vv]orschlag|Prüfauftrag|Drucksache)\b"
    + WITHIN_SENTENCE
    + r"{0,240}?,\s*(?P<outcome>(?:(?:wurde|wird|ist)\s+(?:\S+\s+){0,10}?"
    r"(?:vertagt|verschoben|zurückgestellt|verwiesen|überwiesen|zurückgezogen)"
    # "..., in den Ausschuss überwiesen", "..., in der Sitzung zurückgezogen", "erledigte sich"
    r"|(?:\S+\s+){0,8}?(?:überwiesen|verwiesen|zurückgezogen)(?=\s*(?:[.;]|$))|erledigte\s+sich))\b"
)

"""The doubt rules: sentences whose structure puts their time in doubt.

The main pass (:mod:`tracker.documents.obligations`) reads a sentence with a term as an
obligation; a doubt rule holding for it shows the sentence for review instead of recording it
(``DOUBT_RULES``, in order: another level's duty, a negated announcement, a question by word
order, the unreal mood, a forecast, an earliest time, a distant aim, a statute, a standing
period, another party's reported intent or word, a time already passed, a motion told as made
before). Each rule is a named function of a :class:`Reading` with a unit test
(``tests/unit/documents/test_doubts.py``). The helpers that find a record's member motions,
turns, original motion, answered motion and demands serve the main pass too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tracker.documents.clauses import (
    ADMIN,
    ADMIN_UNITS,
    ADOPTED_NEXT,
    ASKS,
    FELL_NEXT,
    NEW_MATTER,
    PARTIES,
)
from tracker.documents.grammar import DateContext, Term
from tracker.documents.text import WITHIN_SENTENCE, one_of
from tracker.documents.vocabulary import ADMINISTRATION, MEMBER_NAMED, OTHER_BODIES, REQUEST_WORDS

_I = re.IGNORECASE

# An office of the administration by its name ("Das Amt für Schule, Sport und Kultur", "Das
# Verkehrs- und Tiefbauamt"), not another level's ("Finanzamt", "Nationalparkverwaltung"), as
# the main pass's generic office (``_OFFICE``: "-amt", "-verwaltung") would take.
_OWN_OFFICE = re.compile(
    r"\b(?:Amt|" + ADMIN_UNITS + r"|Kämmerei|Bauhof|"
    r"[\w-]*(?:[Bb]au|[Oo]rdnungs|[Ss]ozial|[Jj]ugend|[Hh]aupt|[Gg]rünflächen|[Pp]lanungs|[Uu]mwelt|"
    r"[Kk]ultur|[Ss]port|[Bb]ürger|[Ll]iegenschafts|[Pp]ersonal|[Vv]erkehrs)amt|"
    # its officers ("Der Kämmerer hat zugesagt, ...")
    r"Kämmerer|Kämmerin|Dezernent|Stadtbaurat|Stadtbaurätin|Baudezernent|"
    r"(?:Bau|Stadt|Gemeinde|Kreis|Amts|Schul|Friedhofs|Liegenschafts)verwaltung)\w*\b"
)


@dataclass(frozen=True)
class Reading:
    """One sentence of the main pass with what the doubt rules ask of it."""

    sentence: str
    #: Someone is ordered or bound to act in it (``_MANDATE``).
    mandate: bool
    #: An action announced for later (``_ANNOUNCED``), not ordered.
    announced: bool
    #: The sentence speaks of a report (``_REPORT``).
    reporting: bool
    #: The terms the main pass would record for it, and the document's dates.
    terms: tuple[Term, ...]
    context: DateContext


# Another level's body as the actor or the source of a duty ("Die Schulen sind vom Land
# verpflichtet", "Das Ministerium hat bis ... zu entscheiden"): its duty, not the council's.
_OTHER_BODY = re.compile(
    r"\b(?:vom|von\s+der|vom\s+jeweiligen|durch\s+(?:das|den|die))\s+(?:"
    + one_of(OTHER_BODIES)
    + r")\b|^(?:Das|Der|Die)\s+(?:(?:Staatliche|Zuständige|Untere|Obere|Höhere)\s+)?(?:"
    + one_of(OTHER_BODIES)
    # (a Bavarian district's government: "Die Regierung von Niederbayern entscheidet ...")
    + r"|Regierung(?=\s+von\b))(?:\s+[A-ZÄÖÜ][\w-]+|\s+(?:von|für)\s+[A-ZÄÖÜ][\w-]+"
    r"(?:,\s+[A-ZÄÖÜ][\w-]+)*(?:\s+und\s+[A-ZÄÖÜ][\w-]+)?)?\s+"
    # (not asked by the council to report to it: "Die Agentur für Arbeit wird gebeten, dem
    # Sozialausschuss vierteljährlich ... zu berichten")
    r"(?:hat|muss|soll|wird(?!\s+gebeten\b[^.;]*\b(?:dem|den)\s+[\w-]*(?:[Aa]usschuss|[Rr]at|"
    r"Kreistag|[Vv]ersammlung)\b)|ist|"
    # its own plan or intent ("Das Land plant, bis zum Frühjahr 2023 ... vorzulegen", "Die
    # Deutsche Bahn will den Antrag ... stellen")
    r"plant|beabsichtigt|will|rechnet|entscheidet)\b"
    # in a relative clause or with the subject after the verb ("auf den Landesbetrieb für
    # Küstenschutz, der die Reparatur bis Mai abschließen will", "das wolle die Behörde bis Ende
    # 2011 tun")
    r"|\b(?:"
    + one_of(OTHER_BODIES)
    + r")(?:\s+(?:für|der|des)\s+[\w-]+){0,2},\s+(?:der|die|das)\s(?:(?!,)"
    + WITHIN_SENTENCE
    + r"){0,100}?\b(?:will|wolle|plant|plane|beabsichtigt|beabsichtige)\b"
    r"|\b(?:will|wolle|wollen|plant|plane|beabsichtigt|beabsichtige)\s+(?:die|der|das)\s+(?:"
    + one_of(OTHER_BODIES)
    + r")\b"
    # a resolution asking another level ("Der Rat fordert die Bundesregierung und den
    # Deutschen Bundestag auf, ... noch im Jahr 2026 gesetzlich zu verankern")
    r"|\b(?:fordert|fordern|ersucht|ersuchen|appelliert|appellieren)\s+(?:\S+\s+){0,2}?"
    r"(?:die|den|das)\s+(?:Deutschen\s+)?(?:" + one_of(OTHER_BODIES) + r")\b"
    # told in a clause: "..., dass die Bezirksregierung angekündigt hat, ... zu entscheiden",
    # or after the verb ("Zweitens hat die Senatsverwaltung für Bildung zugesagt, ...")
    r"|\b(?:dass|da|weil|wonach|hat|hatte|haben|hatten)\s+(?:die|der|das)\s+(?:"
    + one_of(OTHER_BODIES)
    + r")\b"
    # its word cited ("Nach Mitteilung der Bezirksregierung vom 03.02.2026 ist ...", "Nach einem
    # Erlass des Hessischen Kultusministeriums sind die Schulen gehalten, ...")
    r"|\b[Nn]ach\s+(?:\S+\s+){0,2}?(?:Mitteilung|Auskunft|Angaben|Erlass|Schreiben|Einschätzung|"
    r"Planung|Vorgabe)\w*\s+(?:der|des)\s+(?:[\w-]+\s+)?(?:" + one_of(OTHER_BODIES) + r")"
    # municipalities or operators as a class, bound by law ("Große Kreisstädte müssen bis zum
    # 30.06.2026 planen"): the law's duty of all, not this council's order
    r"|^(?:Alle\s+|Die\s+)?(?:[A-ZÄÖÜa-zäöüß-]+\s+)?(?:Gemeinden|Kommunen|Städte|Kreisstädte|"
    r"Landkreise|Kreise|Träger|Betreiber|Eigentümer|Arbeitgeber)\s+(?:müssen|sollen|haben|sind)\b"
)


# A negation in an announcement ("wird es kurzfristig keine Lademöglichkeit geben",
# "wird nicht vor 2026 fertiggestellt"): what will not happen is no duty.
# ``nicht öffentlich`` is a compound adjective (a closed session), no negation.
_NEGATION = re.compile(
    r"\b(?:nicht(?![\s-]*öffentlich)|kein|keine|keinen|keinem|keiner|nie|niemals)\b", _I
)


def negated_announcement(r: Reading) -> bool:
    """An announcement that says what will not happen."""
    return r.announced and not r.mandate and _NEGATION.search(r.sentence) is not None


def other_body(r: Reading) -> bool:
    """A duty of another level (Land, Bund, a court, a ministry): not the council's."""
    return _OTHER_BODY.search(r.sentence) is not None


# A contractor or an investor, hired or not ("die beauftragte Baufirma", "der Investor").
_CONTRACTOR = (
    r"(?:beauftragte[n]?\s+)?(?:Firma|Baufirma|Auftragnehmer(?:in)?|Bauunternehmen|Investor(?:in)?)"
)
# A party to a contract with the municipality, bound by the contract, not by the council.
_PARTY = (
    r"(?:" + _CONTRACTOR + r"|(?:General)?[Uu]nternehmer(?:in)?|Pächter(?:in)?|Mieter(?:in)?|"
    r"Käufer(?:in)?|Erwerber(?:in)?|Vorhabenträger(?:in)?|Erbbauberechtigte[rn]?|Bauherr(?:in|en)?|"
    r"Antragsteller(?:in)?|Betreiber(?:in)?|Bieter(?:in)?|Lieferant(?:in)?|Zuwendungsempfänger(?:in)?)"
)
# A private body as the actor or its own assembly as the place of the act ("soll der Haushalt
# in einer Mitgliederversammlung im Oktober 2024 verabschiedet werden", "Die
# Pfarreiengemeinschaft soll aufgefordert werden, ... vorzulegen"): its business, not a duty
# of the council or its administration.
# A private body by its noun: an association, a church, a contract party, a company.
_PRIVATE_NOUN = (
    r"(?:[\w-]*[Vv]erband|[\w-]*[Vv]erein|Genossenschaft|Kirchengemeinde|Träger(?:in)?|"
    r"Pfarreiengemeinschaft|Grundstückseigentümer(?:in)?|" + _PARTY + r"|"
    r"[\w-]*[Zz]weckverband|Stadtwerke|Landesbetrieb|(?:Planungs|Ingenieur|Statik|"
    r"Architektur|Fach|Gutachter)büro|Gutachter(?:in)?|Unternehmen|"
    # a company by its legal form ("Die Autobahn GmbH hat zugesagt, ...")
    r"(?:[\w-]+\s+){1,4}?(?:g?GmbH|AG|mbH|eG|KG|AöR))"
)
_PRIVATE_BODY = re.compile(
    r"\bin\s+(?:einer|der)\s+(?:nächsten\s+|kommenden\s+)?(?:Mitglieder|Gesellschafter|"
    r"Jahreshaupt|Haupt)versammlung\b"
    # (after an answer's number: "Zu 2.: Das beauftragte Statikbüro wird ...")
    # (after an item's number: "2. Der Verein hat bis zum 31.01.2023 ... vorzulegen", "(1) Der
    # Träger ... legt bis zum 15.06. ... vor")
    r"|^\W*(?:Zu\s+(?:Frage\s+)?\d{1,2}\.?\s*:?\s*|\d{1,2}[.)]\s*|[a-z]\)\s*)?(?:Der|Die|Das)\s+"
    r"(?:[\w-]+\s+(?:und\s+)?)?" + _PRIVATE_NOUN + r"\b[^.;:]{0,60}?\s(?:soll|sollen|wird|"
    r"werden|muss|müssen|hat|haben|ist|sind|plant|planen|beabsichtigt|beabsichtigen|will|"
    # its expectation ("Der Vorhabenträger rechnet mit der Genehmigung bis Ende 2025")
    r"rechnet|rechnen|erwartet|erwarten|führt|führen|beginnt|beginnen|"
    # its own reports to the municipality ("Der Kunstverein legt der Hansestadt jährlich bis zum
    # 30.04. einen Sachbericht vor")
    r"legt|legen|reicht|reichen)\b"
    # a contractor's promise ("Fertigstellung durch die Firma für KW 14/2025 zugesagt"), told in
    # reported speech too ("..., die beauftragte Baufirma habe die Fertigstellung ... zugesagt")
    r"|\bdurch\s+(?:die|den|das)\s+" + _CONTRACTOR + r"\b"
    # ("durch ein privates Telekommunikationsunternehmen bis Ende ... abgeschlossen werden")
    r"|\bdurch\s+(?:ein|eine|einen)\s+(?:privat\w*\s+)?[\w-]*(?:[Uu]nternehmen|[Ff]irma|[Bb]üro)\b"
    r"|\b(?:die|der|das)\s+" + _CONTRACTOR + r"\s+(?:habe|hätte|haben|hätten)\b"
    # a contract party's duty in a clause of its own ("...; der Auftragnehmer hat die Arbeiten
    # bis zum 11.09.2019 abzuschließen") or as the agent ("Die Schlussrechnung ist vom
    # Auftragnehmer spätestens zwei Monate nach Abnahme vorzulegen")
    r"|(?:[;:]\s*|,\s*(?:und\s+)?)(?:der|die|das)\s+(?:[\w-]+\s+)?" + _PRIVATE_NOUN + r"\s+(?:hat|"
    r"haben|muss|müssen|soll|sollen|ist|sind|verpflichtet\s+sich)\b"
    # its promise with the subject after the verb ("Die Auslieferung hat der Bieter für die 14.
    # KW 2021 verbindlich zugesagt", "; die Stadtwerke haben die Fertigstellung ... zugesagt")
    r"|\b(?:hat|haben|hatte|hatten)\s+(?:der|die|das)\s+(?:[\w-]+\s+)?"
    + _PRIVATE_NOUN
    + r"\b"
    + WITHIN_SENTENCE
    + r"{0,120}?\bzu(?:gesagt|gesichert)\b"
    r"|\bvo[nm]\s+(?:der\s+|dem\s+|den\s+)?(?:[\w-]+\s+)?" + _PARTY + r"\s+(?:\S+\s+){0,10}?"
    r"(?:\w+zu\w+en|zu\s+\w+en)\b"
)


def private_body(r: Reading) -> bool:
    """A private body's own business (its assembly, its plan, what it is asked to do)."""
    return _PRIVATE_BODY.search(r.sentence) is not None


# A finite verb first (after any numbering) or an interrogative word and a verb: a question
# or a condition ("Wird die Stadtverwaltung ... ?", "Können die Ziffern ... nicht ...,
# so ...", "Wann ist mit ... zu rechnen"), even where the question mark is lost.
_VERB_FIRST = re.compile(
    r"^(?:[-•–]\s*|(?:\d{1,2}|[a-z]|[IVX]{1,4})\s*[.)]\s*)?(?:"
    r"(?:Wird|Werden|Ist|Sind|Hat|Haben|Kann|Können|Könnte|Könnten|Gibt|Gab|Plant|Planen|"
    r"Beabsichtigt|Beabsichtigen|Sieht|Sehen|Wurde|Wurden|War|Waren|Soll|Sollen|Muss|Müssen|"
    r"Darf|Dürfen|Liegt|Liegen|Besteht|Bestehen|Trifft|Teilt)\s+(?:der|die|das|es|den|dem|man|sie|"
    r"eine?|ein|hier|dort|dies|diese[rs]?|bereits|noch|schon|auch|Frau|Herr)\b"
    r"|(?:Wann|Wie|Wer|Was|Welche[rsnm]?|Warum|Weshalb|Wieso|Wo|Wodurch|Inwieweit|Inwiefern|"
    r"Bis\s+wann|Ab\s+wann|Seit\s+wann|Wie\s+viele|Wie\s+hoch|Wie\s+lange)\s+(?:\w+\s+){0,2}?"
    r"(?:wird|werden|ist|sind|hat|haben|kann|können|soll|sollen|gibt|plant|war|waren|wurde|"
    r"wurden|sieht|muss|müssen)\b)"
)


def asked(r: Reading) -> bool:
    """A question, direct (verb first) or indirect (``fragt an, wann``): its time is asked,
    not set."""
    return not r.mandate and (
        _VERB_FIRST.match(r.sentence) is not None or ASKS.search(r.sentence) is not None
    )


# The unreal mood (Konjunktiv II: "würden ... erwartet", "könnte ... begonnen werden",
# "wäre ... möglich"): a possibility or a wish, not a duty.
_PARENTHESIS = re.compile(r"\([^()]*\)")
_UNREAL = re.compile(r"\b(?:würde|würden|könnte|könnten|wäre|wären|hätte|hätten)\b", _I)


def unreal_mood(r: Reading) -> bool:
    """A sentence in the unreal mood that orders nothing."""
    plain = _INDIRECT_QUESTION.sub(" ", _PARENTHESIS.sub(" ", r.sentence))
    return not r.mandate and _UNREAL.search(plain) is not None


# An indirect question after a verb of saying ("darzulegen, wie die Grabstätten erhalten werden
# könnten"): its mood is the matter asked about, not the sentence's.
_INDIRECT_QUESTION = re.compile(
    r",\s*(?:wie|ob|welche[rsnm]?|inwieweit|inwiefern|wann|warum|weshalb|wieso|in\s+welche[rm])"
    r"\b[^;]*",
    _I,
)


# A forecast ("voraussichtlich", "wird erwartet", "ist vorgesehen", "Prognose"): what is
# expected to happen, not what someone is bound to do.
# The words of a likelihood ("voraussichtlich", "erwartet").
_LIKELY_WORDS = r"voraussichtlich|vermutlich|erwartet|erwarten|prognostiziert|Prognose"
_FORECAST = re.compile(
    r"\b(?:" + _LIKELY_WORDS + r"|vorgesehen|absehbar|planmäßig|nach\s+derzeitigem\s+Stand)\b", _I
)
# A plan bounded by its latest date ("ist nun bis spätestens 30.09.2021 vorgesehen"), and the
# words of a likelihood that keep it a forecast.
_PLANNED_LATEST = re.compile(
    r"\bspätestens\b" + WITHIN_SENTENCE + r"{0,60}?\b(?:vorgesehen|geplant)\b", _I
)
_LIKELY = re.compile(r"\b(?:" + _LIKELY_WORDS + r")\b", _I)
# A hope or a confidence voiced ("zeigte sich zuversichtlich, dass bis zum Sommer eine Lösung
# gefunden wird"), by whomever: no one's commitment.
_HOPE = re.compile(
    r"\b(?:zuversichtlich|optimistisch|hofft|hoffe|hoffen|hoffte|rechnet\s+damit|geht\s+davon\s+"
    r"aus|gehen\s+davon\s+aus)\b",
    _I,
)


def forecast(r: Reading) -> bool:
    """A forecast that neither orders an action, nor announces a report, nor names the
    council or its administration (``dem Stadtrat voraussichtlich ... vorgestellt`` stays); a
    hope voiced (:data:`_HOPE`), whoever voices it."""
    if r.mandate or r.reporting:
        return False
    if _HOPE.search(r.sentence) is not None:
        return True
    if _PLANNED_LATEST.search(r.sentence) and not _LIKELY.search(r.sentence):
        # a plan with its latest date ("Die Inbetriebnahme ist nun bis spätestens 30.09.2021
        # vorgesehen"): a limit set, not a forecast
        return False
    return _FORECAST.search(r.sentence) is not None and PARTIES.search(r.sentence) is None


# A lower bound ("frühestens Ende 2024", "nicht vor 2026"): the earliest time, not a limit.
_EARLIEST = re.compile(r"\b(?:frühestens|nicht\s+vor|nicht\s+bevor)\b", _I)


def earliest(r: Reading) -> bool:
    """A sentence whose time is an earliest point, not a latest one."""
    return not r.mandate and _EARLIEST.search(r.sentence) is not None


# A statute's requirement quoted ("ist gemäß § 79 Abs. 3 WG LSA regelmäßig ...
# fortzuschreiben"): the law's period, quoted as background, not the council's order.
_STATUTE = re.compile(
    r"\b(?:gemäß|nach|laut|lt\.|entsprechend|i\.\s?S\.\s?d\.|im\s+Sinne\s+des|aufgrund)\s+"
    r"(?:§§?|Art\.|Artikel)\s*\d"
    # "nach der Gemeindeordnung", "gemäß Kommunalabgabengesetz"
    r"|\b(?:gemäß|nach|laut|entsprechend)\s+(?:der|dem|des)?\s*(?:\w+\s+)?(?:Gemeindeordnung|"
    r"Kommunalverfassung|Landkreisordnung|Kreisordnung|Kommunalabgabengesetz|Baugesetzbuch|"
    r"BauGB|GemO|KAG|Haushaltsrecht|[\w-]*[Gg]esetz(?:es|e|buch(?:es)?)?|Geschäftsordnung|"
    r"Hauptsatzung|GeschO|GO|[\w-]*[Vv]erordnung|"
    # a contract's term ("Die Arbeiten sind gemäß Bauvertrag bis zum 30.11.2026 auszuführen"):
    # the contractor's; a grant's conditions ("nach den Förderbedingungen bis zum 31.12.2027
    # abgeschlossen")
    r"[\w-]*[Vv]ertrag(?:es|s)?|Förderbedingungen|Förderrichtlinien?|Zuwendungsbescheid(?:es)?|"
    r"Programmvorgaben|Fördervorgaben)\b"
    # a grant's notice as the subject, a contract as an adverb ("Der Zuwendungsbescheid sieht einen
    # Bewilligungszeitraum bis 31.12.2026 vor", "muss der Vermieter vertragsgemäß bis ...")
    r"|^\W*(?:Der|Die|Das)\s+(?:Zuwendungsbescheid|Förderbescheid|Bewilligungsbescheid)\b"
    r"|\b(?:vertragsgemäß|vertraglich)\b"
    # an entitlement phased in by law ("Der Anspruch wird bis zum Schuljahr 2029/30 jährlich um
    # eine Jahrgangsstufe ausgeweitet")
    r"|^\W*(?:Der|Dieser)\s+(?:Rechts)?[Aa]nspruch\b"
    # a norm cited with what it requires ("§ 7 des Alten- und Pflegegesetzes NRW, wonach die
    # Kreise ...")
    r"|(?:§|Art\.)\s*\d+[^.;]{0,80}?,\s*wonach\b"
    # "das ist die gesetzliche Abrechnungsfrist"
    r"|\b(?:ist|sind)\s+(?:die|eine)\s+gesetzliche[nr]?\s+[\w-]*[Ff]rist\b"
    # a law or decree as the subject that binds ("Das Niedersächsische Windgesetz verpflichtet
    # den Landkreis, bis Ende 2027 ...", "Die Verordnung schreibt vor, ...")
    r"|^\W*(?:Das|Die|Der)\s+(?:[\w-]+\s+){0,2}?(?:[\w-]*[Gg]esetz|[\w-]*[Vv]erordnung|"
    r"[\w-]*[Rr]ichtlinie|Erlass|[\w-]*[Ss]atzung|[\w-]*ordnung)\w*\s+(?:\([^)]{1,20}\)\s+)?(?:verpflichtet|schreibt|sieht|"
    r"verlangt|fordert|gibt)\b",
    _I,
)


# (verbs in lower case: "Ersuchen" and "Bitten" are nouns)
# (and the request in the infinitive: "die Verwaltung zu beauftragen")
_REQUESTED = re.compile(r"\b" + one_of((*REQUEST_WORDS, "beauftragen", "ersuchen")) + r"\b")


# The administration named anywhere in a sentence ("Die Verwaltung soll bis 2030 ...").
_ADMINISTRATION_NAMED = re.compile(r"\b(?:" + ADMINISTRATION + r")\b")


def distant_aim(r: Reading) -> bool:
    """A bare year as the only limit ("Lahnfels soll bis 2035 klimaneutral werden", "sollen
    bis 2025 Photovoltaikanlagen entstehen") in a sentence that asks no one to act and names
    no administration: an aim, a programme's run or a plan of others, not a task given a
    deadline (decision 0039)."""
    return (
        bool(r.terms)
        and all(t.rule == "year_only" for t in r.terms)
        and not r.reporting
        and _REQUESTED.search(r.sentence) is None
        and _ADMINISTRATION_NAMED.search(r.sentence) is None
    )


# A body taking note of a paper ("Der Kreistag nimmt die Schülerzahlprognose ... bis zum
# Schuljahr 2034/35 zur Kenntnis", "Der Bericht ... wird zur Kenntnis genommen"): a term in what
# it notes sets no task. (What it notes in a clause, "nimmt zur Kenntnis, dass die Verwaltung
# ... vorlegt", is told as an announcement and stays.)
_TAKES_NOTE = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:Der|Die|Das)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:nimmt|nehmen)\b"
    r"[^,;]*\bzur\s+Kenntnis\W*$"
    r"|\bwird\s+zur\s+Kenntnis\s+genommen\W*$"
)


def noted(r: Reading) -> bool:
    """A term in what a body takes note of, with no clause that tells a task."""
    return not r.mandate and _TAKES_NOTE.search(r.sentence) is not None


def statute(r: Reading) -> bool:
    """A statute's period or duty quoted (``ist gemäß § 79 ... fortzuschreiben``) in a sentence
    that asks nobody to act; or a rule for anyone (``Art. 8 Abs. 1 BayDSchG: Wer Bodendenkmäler
    auffindet, ist verpflichtet, dies unverzüglich ... anzuzeigen``)."""
    if _ANYONE.match(r.sentence):
        return True
    return _STATUTE.search(r.sentence) is not None and _REQUESTED.search(r.sentence) is None


# A rule for whoever does something, the law's voice: "Wer ... ist verpflichtet", after a
# norm's label perhaps ("Art. 8 Abs. 1 BayDSchG: Wer ...", "§ 34 BauGB: Wer ...").
_ANYONE = re.compile(r"^\W*(?:[^:.]{0,60}?(?:§|Art\.|Artikel)[^:]{0,40}:\s*)?Wer\s+\S")


# A standing rule of procedure: a period counted back from every session ("möglichst 14 Tage vor
# der Sitzung vorzulegen", "zehn Kalendertage vor dem ersten geplanten Ausschusstermin").
_STANDING_PERIOD = re.compile(
    r"\b(?:\d{1,2}|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn)\s+"
    r"(?:Kalender|Werk|Arbeits)?(?:tage?|wochen?)\s+vor\s+(?:der|dem|jeder|jedem|einer|einem)\s+"
    r"(?:[\w-]+\s+){0,3}?[\w-]*(?:[Ss]itzung|[Tt]ermin|[Bb]eratung)\b",
    _I,
)
# A period before each year's start ("spätestens einen Monat vor Beginn des Haushaltsjahres"):
# a standing rule where it is the sentence's only term (not beside a date set for this year).
_YEARLY_PERIOD = re.compile(
    r"\b(?:\d{1,2}|einen|einem|zwei|drei|vier|sechs)\s+(?:Monat|Woche)\w*\s+vor\s+(?:dem\s+)?Beginn\s+"
    r"(?:des|eines|jedes)\s+(?:Haushalts|Kalender|Wirtschafts|Schul)jahres\b(?!\s+\d)",
    _I,
)


# A period counted from an event that recurs with each case ("binnen eines Monats nach Eingang",
# "innerhalb von drei Monaten nach Abschluss der Maßnahme", "spätestens zwölf Monate nach Bezug",
# "spätestens neun Monate vor Vertragsende"): a rule for every case, a contract's or a
# statute's, not a term set for this one (a period after the decision stays).
_CASE_PERIOD = re.compile(
    r"\b(?:innerhalb|binnen|spätestens)\s+(?:von\s+)?(?:\d{1,2}|einem|eines|einer|einen|zwei|drei|"
    r"vier|fünf|sechs|acht|neun|zehn|zwölf)\s+(?:Kalender|Werk|Arbeits)?(?:Tag|Woche|Monat|Jahr)\w*\s+"
    r"(?:nach|vor)\s+(?:dem\s+|der\s+|des\s+|ihrem\s+|seinem\s+)?(?:Eingang|Zugang|Erhalt|Ende|Ablauf|"
    r"Abschluss|Beginn|Bezug|Fällung|Abnahme|Vertragsende|Antragstellung|Bekanntgabe|Zustellung|"
    r"Fertigstellung|Inbetriebnahme|Auszahlung|Bewilligung)\b",
    _I,
)


def standing_period(r: Reading) -> bool:
    """A period counted back from every session, or from an event that recurs with each case
    (:data:`_CASE_PERIOD`), in a sentence that asks nobody to act: a standing rule, not a duty
    with a date."""
    standing = (
        _STANDING_PERIOD.search(r.sentence) is not None
        or (_YEARLY_PERIOD.search(r.sentence) is not None and all(t.date is None for t in r.terms))
        or (_CASE_PERIOD.search(r.sentence) is not None and all(t.date is None for t in r.terms))
    )
    return standing and _REQUESTED.search(r.sentence) is None


# Someone else's intention told in the perfect ("Die Klinikbetreiberin hat angekündigt, die
# Station zum 31.12.2024 zu schließen"): reported, not ordered, where the subject is neither the
# council nor its administration.
_REPORTED_INTENT = re.compile(
    r"\b(?:hat|haben|hatte|hatten)\s+(?:\S+\s+){0,5}?(?:angekündigt|mitgeteilt|erklärt|"
    r"signalisiert|bekanntgegeben|in\s+Aussicht\s+gestellt|zugesagt|zugesichert|angeboten)\s*,"
    # a promise with its object before the participle ("Die Krankenkassen haben die
    # Finanzierung bis zum 31.12.2024 zugesagt.")
    r"|\b(?:hat|haben|hatte|hatten)\s+"
    + WITHIN_SENTENCE
    + r"{0,120}?\bzu(?:gesagt|gesichert)\s*(?:[.;]|$)",
    _I,
)


# The subject after the verb ("Bis Ende Juni hat die Verwaltung eine Lösung zugesagt").
_INVERTED_SUBJECT = re.compile(
    r"(?:hat|haben|hatte|hatten)\s+(?:\S+\s+){0,2}?(?P<who>(?:der|die|das)\s+(?:\S+\s+)?\S+)"
)


def reported_intent(r: Reading) -> bool:
    """Another party's intention, reported (``X hat angekündigt, ... zu schließen``)."""
    m = _REPORTED_INTENT.search(r.sentence)
    if m is None:
        return False
    # (the subject, after any speaker's name: "Die Bürgermeisterin: Der Landesrechnungshof hat
    # angekündigt, ...")
    subject = r.sentence[: m.start()].rsplit(":", 1)[-1]
    inverted = _INVERTED_SUBJECT.match(m.group(0))
    if inverted is not None:
        subject += " " + inverted.group("who")
    # (an office of the administration promising is its own step: "Das Amt für Schule, Sport
    # und Kultur hat zugesagt, ..."; a company or a contract party is :func:`private_body`'s)
    return (
        PARTIES.search(subject) is None
        and _OWN_OFFICE.search(subject) is None
        and _PRIVATE_BODY.search(r.sentence) is None
    )


# A statement attributed to someone outside the council and its administration ("sollen laut
# VBBr bis Mitte Mai dauern", "wird nach Auskunft des Projektträgers im Herbst 2024 erfolgen",
# "..., sagt der Investor"): their plan or forecast, not a duty.
_ATTRIBUTED = re.compile(
    r"\b(?:laut|lt\.|(?:die|eine)\s+Auskunft\s+(?:des|der)|nach\s+(?:Auskunft|Angaben?|Ankündigung|Aussage|"
    r"Mitteilung|"
    r"Aussagen|Einschätzung|Planung|derzeitiger\s+Planung|Plänen|(?:dem\s+)?Zeitplan|"
    r"(?:dem\s+)?Bauzeitenplan|(?:einem\s+|dem\s+)?Erlass)\s+(?:des|der|von|deren|dessen))\s+"
    r"(?!(?:Beschluss|Vorlage|Antrag|Satzung|"
    r"Geschäftsordnung|Haushalt|Plan|Vertrag|§|Art\.|Anlage|Tagesordnung)\b)(?P<who>\S+(?:\s+\S+)?)"
    r"|,\s*(?:sagt|sagte|so|erklärt|erklärte|teilt|teilte|meint|meinte)\s+(?:der|die|das)\s+"
    r"(?P<speaker>[\w-]+)"
    # its own word ("Der LBM wird die Anlieger nach eigener Ankündigung bis Mitte Februar
    # informieren")
    r"|\bnach\s+eigene[rn]\s+(?:Ankündigung|Angaben?|Aussagen?|Auskunft|Einschätzung|Planung)\b"
    # a speaker's words ("Nach Fiedlers Worten will die VEH ab dem Fahrplanwechsel ...")
    r"|\b[Nn]ach\s+(?:[A-ZÄÖÜ][\w-]*s|seinen|ihren)\s+Worten\b"
    # the party named before ("... Versorgungsunternehmen ...; nach dessen Bauzeitenplan ist
    # die Freigabe für Ende März vorgesehen")
    r"|\bnach\s+(?:dessen|deren|ihrem|ihren|ihrer|seinem|seinen|seiner)\s+"
    r"(?:(?:aktuellen|derzeitigen|jetzigen|neuen)\s+)?(?:Bauzeitenplan|Zeitplan|Plan|Planung|Plänen|"
    r"Angaben|Auskunft|Einschätzung)\b",
    _I,
)


def attributed(r: Reading) -> bool:
    """A plan or a forecast attributed to another party (``laut``, ``nach Auskunft des``,
    ``sagt der``) in a sentence that orders nothing."""
    if r.mandate:
        return False
    m = _ATTRIBUTED.search(r.sentence)
    if m is None:
        return False
    who = m.group("who") or m.group("speaker") or ""
    return PARTIES.search(who) is None and ADMIN.search(who) is None


# A statement told as said, the speaker named after it ("..., sagte Bürgermeister Mario
# Gerhold.", "“, betonte die Kämmerin"): what someone said in a session or to the press, not
# an order of the council.
_SAID = re.compile(
    r",\s*(?:sagte|sagt|betonte|betont|erklärte|meinte|so)\s+(?:der\s+|die\s+)?"
    r"(?:[A-ZÄÖÜ][\w.-]+\s+){0,4}[A-ZÄÖÜ][\w-]+\s*[.!]?\s*$"
    r"|[“\"]\s*,?\s*(?:sagte|betonte|erklärte|meinte)\b"
)


def said(r: Reading) -> bool:
    """A statement reported as someone's words, the speaker named after it."""
    return _SAID.search(r.sentence) is not None


def passed(r: Reading) -> bool:
    """Every dated term of a sentence that orders nothing lies before the document's own
    date: a record of what was planned, not a duty ahead (a report answering a motion that
    quotes its limit is a report sentence and stays)."""
    dated = [t for t in r.terms if t.date is not None]
    return (
        bool(dated)
        and len(dated) == len(r.terms)
        and not r.mandate
        and not r.reporting
        and all(r.context.is_past(t) for t in dated)
    )


# A motion told as made before ("Zu den Haushaltsberatungen 2015 hatte die SPD den Antrag
# gestellt, dass ..."): what became of it the sentence does not say.
_PAST_MOTION = re.compile(
    r"\b(?:hatte|hatten)\b[^.;?]{0,80}?\b(?:(?:den|einen)\s+Antrag\s+gestellt|beantragt|gefordert|"
    r"verlangt)\b"
    # a promise given before ("Der Landrat hatte im Frühjahr 2010 zugesagt, bis Ende 2011 ...
    # vorzulegen"): told as the past, kept or broken; a new one is given in the present or perfect
    r"|\b(?:hatte|hatten)\b" + WITHIN_SENTENCE + r"{0,80}?\bzu(?:gesagt|gesichert)\b"
    # the motion as first tabled, replaced by what was adopted ("Der ursprüngliche Antrag hatte
    # vorgesehen, das Konzept bereits bis zum 30.06.2026 vorzulegen")
    r"|\burspr[üu]nglich\w*\s+(?:[\w-]*[Aa]ntrag|[\w-]*[Vv]orschlag|Fassung)\w*\s+"
    r"(?:hatte|hatten|sah|sahen|sieht|sehen|lautete|lautet)\b"
    # the wording an amendment replaces, quoted on its own ("(bisher: „Die Maßnahmen werden bis
    # Ende 2028 vollständig umgesetzt.“)", "Bisherige Fassung: ...")
    r"|^\W*bisher\s*[:„\"]|^\W*(?:bisherige|alte)\s+Fassung\b"
    # ("Die Worte „bis zum 31.03.2025“ werden durch „zeitnah“ ersetzt")
    r"|^\W*(?:\d{1,2}[.)]\s*)?(?:Die|Das)\s+(?:Worte?|Wörter|Angabe)\s+„[^“”]{1,80}[“”]\s+"
    r"(?:wird|werden)\s+(?:durch|gestrichen)\b"
    # "Der ursprünglich beantragte Verzicht ... bis zum 31.12.2026": what was first asked for
    r"|\burspr[üu]nglich\s+(?:beantragt|gefordert|vorgeschlagen|vorgesehen)e\w*\b"
    # ("Ursprünglicher Beschlussvorschlag der Verwaltung: Der Stadtrat beauftragt ...")
    r"|\burspr[üu]nglich\w*\s+[\w-]*(?:[Aa]ntrag|[Vv]orschlag|Fassung)\w*\b[^:.;]{0,60}:"
    # a demand told in the pluperfect passive ("In dem Antrag war gefordert worden, dem
    # Kreistag bis zum 31.01.2025 einen Bericht vorzulegen")
    r"|\b(?:war|waren)\s+(?:\S+\s+){0,3}?(?:gefordert|beantragt|verlangt|vorgeschlagen)\s+worden\b"
    # a request made before, in the perfect ("Die Stadt Colditz hat mit Schreiben vom
    # 14.04.2025 beantragt, ... bis zum 30.09.2025 zu erstatten"; not "hat ... gebeten", a
    # body's request that binds)
    r"|\b(?:hat|haben)\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\b(?:beantragt|gefordert|verlangt|angeregt)\s*,"
    # a suggestion made in a session before ("Aus der Mitte des Rates wurde in der Sitzung am
    # 27.06.2024 angeregt, den Rat regelmäßig zu informieren")
    r"|\b(?:wurde|wurden)\b" + WITHIN_SENTENCE + r"{0,80}?\bangeregt\s*,"
    # an aim told as past ("Wir wollten den Gemeindevorstand beauftragen, bis ...", "Vorgesehen
    # war, die Befragung bis Ende April abzuschließen", "Unser Antrag sah vor, ..."): what
    # became of it is told elsewhere, if at all
    r"|^\W*(?:\S+\s+){0,4}?(?:wollte|wollten)\b"
    r"|^\W*(?:Vorgesehen|Geplant|Beabsichtigt|Ziel)\s+war\b"
    r"|\b(?:Der|Unser|Ihr|Sein|Dieser)\s+[\w-]*(?:[Aa]ntrag|[Vv]orschlag)\w*\s+(?:sah|sahen)\s+"
    r"(?:\S+\s+){0,3}?vor\b",
    _I,
)


# A council member's motion or suggestion told in a record ("Herr Brandt (GRÜNE) regt an, die
# Freiflächenplanung im Ausschuss erneut vorzustellen", "Ratsmitglied Hüsch (FWG) beantragt,
# ..."): moved, not decided (its vote, if any, is told apart). Not the administration's head.
_MEMBER_MOVES = re.compile(
    r"^\W*(?:" + MEMBER_NAMED + r"\s+(?:(?:Dr|Prof)\.\s+)*(?:[A-ZÄÖÜ][\w.-]+\s+){0,2}"
    r"[A-ZÄÖÜ][\w-]+\s*(?:\([^()\n]{1,40}\)\s*)?"
    # (a name with the member's group in brackets; not an office's: "Herr Voß (Fachamt)")
    r"|(?:Herr|Frau)\s+(?:(?:Dr|Prof)\.\s+)*(?:[A-ZÄÖÜ][\w.-]+\s+){0,2}[A-ZÄÖÜ][\w-]+\s*"
    r"\((?![^()\n]*(?:"
    + ADMINISTRATION
    + r"|[Aa]mt\b|FB\b|FD\b|Leit|Büro|GmbH|[Rr]eferat|Dezernat))"
    r"[^()\n]{1,40}\)\s*)"
    r"(?:regt|regte|beantragt|beantragte|schlägt|schlug|plädiert|plädierte|wünscht|wünschte|"
    r"fordert|forderte|bittet|bat)\b(?!\s+um\b|\s+(?:\S+\s+){0,3}?(?:zu\s+Protokoll|ums\s+Wort))"
)


def member_motions(scoped: tuple[str, ...], results: list[bool | None]) -> set[int]:
    """The sentences where a council member moves or suggests something (:data:`_MEMBER_MOVES`)
    that the next sentences of the matter do not adopt: moved, not decided (``results``: what
    each sentence's result line says, :func:`_result_fell`)."""
    moved: set[int] = set()
    for index, sentence in enumerate(scoped):
        if not _MEMBER_MOVES.search(sentence):
            continue
        adopted = False
        for at in range(index + 1, min(index + 4, len(scoped))):
            later = scoped[at]
            if NEW_MATTER.search(later) or FELL_NEXT.match(later) or results[at]:
                break  # the matter ends, or the motion fell
            if ADOPTED_NEXT.search(later):
                adopted = True
                break
        if not adopted:
            moved.add(index)
    return moved


def past_motion(r: Reading) -> bool:
    """A motion made or a promise given before, told in the past perfect: its outcome is not
    in the sentence."""
    return _PAST_MOTION.search(r.sentence) is not None


# A duty waived or denied ("Der Magistrat ist nicht verpflichtet, ...", "Von einer nochmaligen
# Befassung ... wird abgesehen", "wird die Berichtspflicht zum 30.09.2025 aufgehoben",
# "Eine Verpflichtung ..., bis ... tätig zu werden, besteht nicht"): no obligation.
_WAIVED = re.compile(
    r"\bnicht\s+(?:\w+\s+)?verpflichtet\b|\bkeine\s+(?:\w+\s+)?Verpflichtung\b"
    r"|\bVerpflichtung\b[^.;]{0,160}?\bbesteht\s+nicht\b|\bwird\s+(?:\w+\s+)?abgesehen\b"
    r"|(?:[Pp]flicht|\bFrist|[Aa]uftrag)\b" + WITHIN_SENTENCE + r"{0,80}?\baufgehoben\b"
    r"|\b(?:wird|werden|wurde|ist)\s+(?:die|der|das)\s+\w*?(?:[Pp]flicht|Frist|[Aa]uftrag)\b"
    + WITHIN_SENTENCE
    + r"{0,80}?\baufgehoben\b|\bWeder\b[^.;]{0,160}?\bnoch\b",
    _I,
)


def waived(r: Reading) -> bool:
    """A duty waived or denied (``ist nicht verpflichtet``, ``wird abgesehen``, ``die
    Berichtspflicht ... wird aufgehoben``)."""
    return _WAIVED.search(r.sentence) is not None


# A group's demand in the third person ("Die SPD-Fraktion fordert die Stadtverwaltung auf, bis
# zum Jahresende ...", "Die CSU-Fraktion fordert ..."): a press release's or a report's, asked
# for, not decided (a motion speaks in its own voice: "Wir beantragen", "Der Rat möge").
#: A council group as a noun ("CDU-Fraktion", "Gruppe", "Partei"), and its demand's verb.
_GROUP_NOUN = r"[\w-]*(?:Fraktion|Gruppe|Partei)\w*"
_DEMANDS = r"(?:fordert|fordern|verlangt|verlangen)\b"
_GROUP_DEMAND = re.compile(
    r"^\W*(?:Die|Der)\s+(?:\S+\s+){0,3}?"
    + _GROUP_NOUN
    + r"\s+(?:\S+\s+){0,3}?"
    + _DEMANDS
    # a party by its name ("Die SPD fordert die Verwaltung auf, ...")
    + r"|^\W*Die\s+(?:SPD|CDU|CSU|FDP|AfD|Grünen|Linke|LINKE|Freien\s+Wähler|FWG|UWG|ÖDP)\s+"
    + _DEMANDS
    # its stance or goal before a colon ("Für die CDU-Fraktion ist klar: Die Stadt muss ...",
    # "Unser Ziel bleibt: ...")
    + r"|^\W*(?:Für\s+(?:die|den|uns)\b[^:.;]{0,40}?\bist\s+klar|Unser(?:e)?\s+(?:Ziel|Forderung|"
    r"Position)\w*\s+(?:bleibt|ist|lautet))\s*:"
)


def group_demand(r: Reading) -> bool:
    """A group's demand told in the third person."""
    return _GROUP_DEMAND.search(r.sentence) is not None


# A group's demands listed below it ("Unsere Fraktion fordert außerdem:", "Wir fordern:"),
# each item a sentence of its own ("– ein Sanierungskonzept ..., das bis Ende März 2026
# vorgelegt wird,").
_DEMANDS_BELOW = re.compile(
    r"(?:^\W*(?:Die|Der|Unsere?)\s+(?:\S+\s+){0,3}?" + _GROUP_NOUN + r"\s+|^\W*Wir\s+)"
    r"(?:\S+\s+){0,2}?" + _DEMANDS + r"[^.;]{0,40}:\s*$",
    _I,
)
LIST_ITEM = re.compile(r"^\s*(?:[-–—•*]|\d{1,2}[.)])\s")


# A councillor's turn in a verbatim record ("Stadträtin Anna Kellerer (Die Grünen – Rosa
# Liste): ...", "Kreistagsabgeordneter Thomas Heinemeyer (SPD): ..."): the member's words, up
# to the next speaker or the record's next step.
_MEMBER_TITLE = MEMBER_NAMED + r"\s+(?:(?:Dr|Prof)\.\s+)*[A-ZÄÖÜ][\w-]+"
_MEMBER_SPEAKS = re.compile(
    r"^\W*" + _MEMBER_TITLE + r"(?:\s+[A-ZÄÖÜ][\w.-]+){0,3}\s*\([^()\n]{1,60}\)\s*:"
)
# Who else may speak, or the record's next step: the member's turn ends there.
_TURN_ENDS = re.compile(
    # the next speaker ("Oberbürgermeister:", "Bürgermeister für Umwelt, Klima und Sport Dr.
    # Heiko Walther:"), not the speaker's own label ("Unser Antrag: ...")
    r"^\W*(?!(?:Unser|Unsere|Mein|Meine|Ihr|Ihre|Wir|Ich|Der|Die|Das)\b)[A-ZÄÖÜ][\w.-]+"
    r"(?:\s+(?:[A-ZÄÖÜ][\w.,-]+|für|und|der|des|von)){0,8}\s*(?:\([^()\n]{1,60}\)\s*)?:\s"
    r"|^\W*(?:Abstimmung|Beschluss|Abstimmungsergebnis|TOP|Tagesordnungspunkt)\b"
    # a heading or a label ("Beschlüsse:", "Haushaltsbegleitantrag der SPD (Drs. 2301/2025):"),
    # an item's number, a member told of in the third person
    r"|^[^\n]*:\s*$|^\W*\d{1,2}[.)]\s|^\W*[\w-]*(?:[Aa]ntrag|[Vv]orlage)\b"
    r"|^\W*" + _MEMBER_TITLE + r"(?:\s+\([^()\n]{1,60}\))?\s+[a-zäöü]"
)
# An interjection or applause within the turn ("(Beifall bei der SPD)").
_INTERJECTION = re.compile(r"^\W*\((?:Beifall|Zuruf|Heiterkeit|Lachen|Widerspruch|Unruhe)")


def member_turns(scoped: tuple[str, ...]) -> set[int]:
    """The sentences a council member speaks in a verbatim record (:data:`_MEMBER_SPEAKS`):
    their motions, expectations and accounts, not the council's decision."""
    turns: set[int] = set()
    speaking = False
    for index, sentence in enumerate(scoped):
        if _MEMBER_SPEAKS.match(sentence):
            speaking = True
        elif _INTERJECTION.match(sentence):
            continue
        elif _TURN_ENDS.match(sentence):
            speaking = False
        if speaking:
            turns.add(index)
    return turns


# The motion as first tabled, quoted under its label ("Ursprünglicher Antrag: „... bis zum
# 30.11.2025 ...“", "Ursprüngliche Fassung:"): replaced by what was decided.
_ORIGINAL_LABEL = re.compile(
    r"^\W*(?:Urspr[üu]nglich\w*\s+(?:[\w-]*[Aa]ntrag|[\w-]*[Vv]orschlag|Fassung)\w*|"
    # ("Ursprungsfassung (Drs. VIII/1142 vom 27.08.2020):", "Ursprungsantrag:")
    r"Ursprungs(?:fassung|antrag|text|vorlage)|"
    r"[\w-]*[Aa]ntrag\s+in\s+der\s+urspr[üu]nglichen\s+Fassung|"
    # ("Wortlaut des Änderungsantrages in der eingereichten Fassung:")
    r"(?:Wortlaut\s+des\s+)?[\w-]*(?:[Aa]ntrag|[Vv]orschlag)\w*\s+in\s+der\s+eingereichten\s+"
    r"Fassung)"
    # ("Ursprünglicher Antragstext (im Ausschuss geändert):")
    r"(?:\s*\([^()\n]{1,60}\))?\s*:"
)
_QUOTE_OPENS = re.compile(r"[„»“\"]")
_QUOTE_CLOSES = re.compile(r"[“«”\"]\s*\W*$")


def original_motion(scoped: tuple[str, ...]) -> set[int]:
    """The sentences of a motion quoted under the label of its first version
    (:data:`_ORIGINAL_LABEL`): up to the quote's end, or the label's sentence alone."""
    found: set[int] = set()
    index = 0
    while index < len(scoped):
        label = _ORIGINAL_LABEL.match(scoped[index])
        if label is None:
            index += 1
            continue
        found.add(index)
        if not scoped[index][label.end() :].strip() and index + 1 < len(scoped):
            # the label on a line of its own: the motion begins with the next sentence
            index += 1
            found.add(index)
            quoted = _QUOTE_OPENS.match(scoped[index].lstrip()) is not None
            # a numbered motion: its items that follow ("1. ... / 2. Die Verwaltung wird ...")
            while (
                not quoted
                and LIST_ITEM.match(scoped[index])
                and index + 1 < len(scoped)
                and LIST_ITEM.match(scoped[index + 1])
            ):
                index += 1
                found.add(index)
        else:
            quoted = _QUOTE_OPENS.search(scoped[index], label.end()) is not None
        if quoted and not _QUOTE_CLOSES.search(scoped[index]):
            for later in range(index + 1, min(index + 12, len(scoped))):
                found.add(later)
                if _QUOTE_CLOSES.search(scoped[later]):
                    index = later
                    break
        index += 1
    return found


# A paper of the administration that answers a motion or a body's request ("Stellungnahme zum
# Antrag Nr. 212/2010", "Verwaltungsstandpunkt zum Antrag des Ortschaftsrates", "Antwort der
# Verwaltung"): it quotes what was asked before it answers.
_ANSWERS_A_MOTION = re.compile(
    r"^[^\S\n]*(?:Stellungnahme|Verwaltungsstandpunkt|Standpunkt|Antwort|Beantwortung)\b"
    r"(?:\s+(?:der|des)\s+\w+)?\s+(?:zum|zur|zu\s+dem|auf\s+den)\s+(?:\S+\s+)?(?:Antrag|Anregung|"
    r"Prüfauftrag|Ersuchen|Anliegen)\b",
    re.MULTILINE | re.IGNORECASE,
)
# The request quoted: its mover asking in the present ("Die Fraktion bittet die Verwaltung, ...",
# "Anliegen: Der Ortschaftsrat bittet, ...", "Mit ihrem Antrag fordert die SPD-Fraktion, ...").
_QUOTED_REQUEST = re.compile(
    r"^\W*(?:(?:Anliegen|Antrag|Antragstext|Inhalt\s+des\s+Antrags)\s*:\s*)?"
    r"(?:(?:Die|Der|Das)\s+(?:[\w-]+\s+){0,3}?(?:[\w-]*[Ff]raktion|Gruppe|[\w-]*[Rr]at|Ortsbeirat|"
    r"[\w-]*[Bb]eirat|Antragsteller\w*|Petent\w*|Bürgerinitiative)\b[^.;:]{0,60}?"
    r"|Mit\s+(?:dem|ihrem|seinem)\s+(?:\S+\s+){0,6}?Antrag\b[^.;:]{0,60}?)"
    r"\b(?:bittet|bitten|beantragt|beantragen|fordert|fordern|ersucht|ersuchen|regt|regen|"
    r"schlägt|schlagen|möchte|möchten|wünscht|wünschen)\b"
)


#: Kinds of a paper that answers (a statement, an answer): what it quotes was asked of it.
_ANSWER_KINDS = re.compile(r"Stellungnahme|Antwort|Beantwortung|Standpunkt", _I)


def answered_motion(text: str, scoped: tuple[str, ...], kind: str | None) -> set[int]:
    """In a paper that answers a motion (:data:`_ANSWERS_A_MOTION`, or of an answering kind),
    the sentences that quote its request (:data:`_QUOTED_REQUEST`): asked for, not decided."""
    answers = _ANSWERS_A_MOTION.search(text[:1500]) is not None or (
        kind is not None and _ANSWER_KINDS.search(kind) is not None
    )
    if not answers:
        return set()
    return {i for i, x in enumerate(scoped) if _QUOTED_REQUEST.search(x)}


def demand_items(scoped: tuple[str, ...]) -> set[int]:
    """The sentences listed below a group's demand (:data:`_DEMANDS_BELOW`): demanded, not
    decided."""
    items: set[int] = set()
    below = False
    for index, sentence in enumerate(scoped):
        if _DEMANDS_BELOW.search(sentence):
            below = True
        elif below and LIST_ITEM.match(sentence):
            items.add(index)
        else:
            below = False
    return items


#: Rules that put a sentence's terms in doubt (decision 0023): its terms are not recorded as
#: obligations; the sentence is shown for review instead (a flagged non-obligation costs a
#: look, a recorded trap costs precision).
DOUBT_RULES: dict[str, Callable[[Reading], bool]] = {
    "waived": waived,
    "group_demand": group_demand,
    "other_body": other_body,
    "private_body": private_body,
    "negated_announcement": negated_announcement,
    "asked": asked,
    "unreal_mood": unreal_mood,
    "forecast": forecast,
    "earliest": earliest,
    "distant_aim": distant_aim,
    "statute": statute,
    "noted": noted,
    "standing_period": standing_period,
    "reported_intent": reported_intent,
    "attributed": attributed,
    "said": said,
    "passed": passed,
    "past_motion": past_motion,
}


def doubt_of(reading: Reading) -> str | None:
    """The name of the first doubt rule that holds for a sentence, or None."""
    return next((name for name, rule in DOUBT_RULES.items() if rule(reading)), None)

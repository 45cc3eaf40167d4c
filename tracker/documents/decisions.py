"""Decisions stated in prose: what a page of minutes or a TOP page says was decided.

A labelled result (``Beschluss: einstimmig beschlossen``) and a Beratungsfolge table are read
by the layouts; this module reads the decisions written as sentences. Each rule is named
and registered in :data:`PROSE_RULES`; the first that finds a decision wins, unless the last
labelled result line (``result_line``, not in the registry: it arbitrates, named in ``rules`` like
the others) counts the other way. The wording is mapped to its outcome by
:func:`tracker.documents.outcomes.outcome_of`.

========================  ========================================================  ==========
rule                      reads                                                     outcome
========================  ========================================================  ==========
``postponement``          "wird der TOP auf die nächste Sitzung verschoben",        deferred
                          "beschlossen, die Angelegenheit zu vertagen"
``result_line``           "Abstimmungsergebnis: Ja 12, Nein 1, Enthaltung 0" (the    adopted or
                          last labelled result line, over a motion voted down in     rejected
                          the prose before it)
``council_present``       "Der Ausschuss stimmt dem Beschlussvorschlag zu", "Der    by wording
                          Rat lehnt den Antrag ab", "billigt", "genehmigt",
                          "folgt dem Beschlussvorschlag", "fasst folgenden
                          Beschluss", "erteilt ... Entlastung", "stellt ... fest"
``council_past``          "Der Kreistag beschloss einstimmig", "lehnten ... ab",     by wording
                          "fassten den Beschluss", "billigte"
``council_inverted``      "Einstimmig beschloss der Rat ...", "Das hat der Rat       by wording
                          beschlossen" (the verb before the council)
``recommendation``        "Der Bauausschuss empfiehlt dem Rat ..."                   recommended
``passive_result``        "Der Antrag wurde mehrheitlich abgelehnt", "Dem Antrag     by wording
                          wird nicht zugestimmt", "Der Bericht wurde zur Kenntnis
                          genommen", "Der Punkt wurde von der Tagesordnung
                          abgesetzt"
``voted``                 "Die Berufungen wurden einstimmig beschlossen",           by wording
                          "Einstimmig wurde beschlossen", "wurden folgende
                          Beschlüsse gefasst", "wurde vom Rat beschlossen"
``withdrawn``             "die Fraktion ziehe den Antrag zurück", "Der Antrag wird   withdrawn
                          zurückgezogen"
``vote_tally``            "Ja 12, Nein 3, Enthaltung 1", "Ja-Stimmen: 10             adopted or
                          Nein-Stimmen: 2", "Dafür: 9 Dagegen: 4" (not a vote on    rejected
                          the urgency)
========================  ========================================================  ==========

Where a document proposes rather than records (an Antrag, a Beschlussvorlage), "Der Rat
beschließt ..." is its proposal: the caller applies the present-tense rules only to pages
that record decisions (see :data:`tracker.documents.layouts.DECISION_PAGES`) and the rules
that only a record uses (:data:`RECORD_RULES`) to pages of unknown kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.documents.model import Decision
from tracker.documents.outcomes import outcome_of
from tracker.documents.text import WITHIN_SENTENCE, one_of, squash
from tracker.documents.vocabulary import AMENDMENT, COUNCIL, DECISION_LABELS

#: A council or committee as a noun phrase ("Gemeinderat", "Ausschuss für Umwelt").
_COUNCIL_NOUN = (
    r"(?:"
    + COUNCIL
    + r"|Ausschussmitglieder|(?:(?:Stadt|Gemeinde|Kreis|Ortschafts)rätinnen\s+und\s+)?"
    r"(?:Stadträte|Gemeinderäte|Kreisräte|Ortschaftsräte)|"
    r"Stadtverordneten|Gemeindevertreter|Ratsmitglieder|"
    r"Mitglieder\s+des\s+[\w-]+|(?:große\s+)?Mehrheit\s+(?:der|des)\s+[\w-]+|"
    r"[\w-]*[Aa]usschuss(?:\s+für\s+[\w, -]+?)?|Gremium)"
)
# "Der Feuerwehrausschuss der Verbandsgemeinde Trier-Land", "Der Stadtrat der Stadt Burg"
_OF_MUNICIPALITY = (
    r"(?:\s+(?:der|des)\s+(?:Stadt|Gemeinde|Verbandsgemeinde|Samtgemeinde|Marktgemeinde|"
    r"Ortsgemeinde|Kreisstadt|Hansestadt|Großen\s+Kreisstadt|Landkreises|Kreises|Amtes|Marktes)"
    r"\s+[A-ZÄÖÜ][\w./-]*(?:\s+[A-ZÄÖÜ][\w./-]*)?)?"
)
_COUNCIL_SUBJECT = (
    r"\b(?:Der|Die|Das)\s+("
    + _COUNCIL_NOUN
    + r"(?:\s+[A-ZÄÖÜ][\w-]+)?"
    + _OF_MUNICIPALITY
    # two bodies deciding together ("Der Ortschaftsrat und der Gemeinderat fassten ...")
    + r"(?:\s+und\s+(?:der|die|das)\s+"
    + _COUNCIL_NOUN
    + r")?"
    + r")\s+"
)

# A postponement decided on the page: "wird der Tagesordnungspunkt auf die nächste Sitzung
# verschoben", "Es wird beschlossen, die Angelegenheit zu vertagen", "sind ... mit der
# Vertagung einverstanden". It ends the item's consideration there: it is the decision.
_POSTPONEMENT = re.compile(
    r"\b(?:wird|werden|wurde|wurden)\b[^.?]{0,120}?\b(?:vertagt|verschoben|zurückgestellt|"
    r"abgesetzt)\b[^.?\n]*"
    r"|\bbeschlossen,\s+(?:\S+\s+){0,6}?zu\s+(?:vertagen|verschieben)\b[^.?]*"
    r"|\bmit\s+der\s+(?:Vertagung|Verschiebung|Zurückstellung)\b[^.?]{0,40}?\beinverstanden\b"
    r"|\b(?:wird|werden)\s+in\s+der\s+(?:nächsten|kommenden|folgenden)\s+\w*[Ss]itzung\s+"
    r"fortgesetzt\b[^.?]*",
    re.IGNORECASE,
)

# Minutes and TOP pages state the decision in the present: "Der Ausschuss stimmt dem
# Beschlussvorschlag zu", "Die Bezirksversammlung nimmt die Drucksache zur Kenntnis".
_PRESENT = re.compile(
    _COUNCIL_SUBJECT + r"(?:(?:einstimmig\s+|mehrheitlich\s+)?(?:stimmt|stimmen)\s+"
    # the object up to "zu", within the sentence (an abbreviation's period does not end it)
    r"(?:\S*[^\s.]\s+|\S+\.\s+(?=[a-zäöüß\d])){0,30}?zu\b"
    r"|(?:nimmt|nehmen)\s+(?:\S+\s+){0,14}?zur\s+Kenntnis|(?:lehnt|lehnen)\s+(?:\S+\s+){0,8}?ab"
    r"|(?:vertagt|vertagen|verweist|verweisen|empfiehlt|empfehlen)\b"
    r"|(?:stimmt|stimmen)\s+(?:\S+\s+){0,4}?(?:für\s+(?:diese|dies|den|die|das)\b|dafür\b)"
    r"|(?:spricht|sprechen)\s+sich\s+(?:\S+\s+){0,3}?(?:für|gegen)\s+(?:\S+\s+){0,8}?aus\b"
    # ("beschließt:" and "beschließt wie folgt" open a proposal as often as a record: not here)
    r"|(?:beschließt|beschließen)\s+(?:einstimmig|mehrheitlich|mit\s|(?:die|den|das)\s|bei\s+\d|"
    r"auf\s+(?:seiner|ihrer)|in\s+(?:seiner|ihrer)|nach\s+(?:eingehender|kurzer|ausführlicher))"
    r"|(?:ist|sind)\s+(?:einstimmig|mehrheitlich)\s+dafür\b"
    r"|(?:beauftragt|beauftragen)\s+(?:einstimmig|mehrheitlich)\b"
    r"|(?:erklärt|erklären)\s+(?:\S+\s+){0,3}?(?:sein|ihr)\s+Einverständnis"
    r"|(?:wählt|wählen|bestellt|bestellen|beruft|berufen)\b"
    r"|(?:erteilt|erteilen|versagt|versagen)\s+(?:\S+\s+){0,8}?(?:Einvernehmen|Zustimmung)"
    r"|(?:einstimmig\s+|mehrheitlich\s+)?(?:billigt|billigen|genehmigt|genehmigen)\b"
    r"|(?:folgt|folgen)\s+(?:einstimmig\s+|mehrheitlich\s+)?(?:dem|der)\s+(?:Beschlussvorschlag|"
    r"Beschlussempfehlung|Empfehlung|Vorschlag|Antrag)\w*"
    r"|(?:fasst|fassen)\s+(?:\S+\s+){0,3}?(?:folgenden|nachstehenden|den|folgende|nachstehende)\s+"
    r"Beschl(?:uss|üsse)"
    r"|(?:erteilt|erteilen)\s+(?:\S+\s+){0,8}?Entlastung"
    r"|(?:stellt|stellen)\s+(?:\S+\s+){0,10}?(?:Jahresrechnung|Jahresabschluss|Ergebnis)\w*\s+"
    r"(?:\S+\s+){0,6}?fest\b)[^.]*"
)
# The participles of a decision told in the perfect ("hat ... beschlossen")
_DECIDED = (
    r"(?:beschlossen|zugestimmt|abgelehnt|gebilligt|genehmigt|vertagt|verabschiedet|gefasst|"
    r"empfohlen|verwiesen|erlassen|zur\s+Kenntnis\s+genommen)"
)
_PAST = re.compile(
    _COUNCIL_SUBJECT
    + r"(?:(?:hat|haben|hatte|hatten)\s+"
    + WITHIN_SENTENCE
    + r"*?\b"
    + _DECIDED
    # (not a passive to come: "es muss vorher beschlossen werden")
    + r"(?!e|\s+(?:werden|wird|worden)\b)|beschloss(?:en)?|"
    r"stimmten?\s+(?:\S+\s+){0,6}?(?:zu|für)|lehnten?\s+"
    r"(?:\S+\s+){0,6}?ab|nahm(?:en)?\s+(?:\S+\s+){0,8}?(?:an|zur\s+Kenntnis)|empfahl(?:en)?|"
    r"verwies(?:en)?|vertagte[n]?|billigten?|genehmigten?|verabschiedeten?|"
    r"fassten?\s+(?:\S+\s+){0,4}?Beschl(?:uss|üsse)|erklärten?\s+(?:\S+\s+){0,3}?"
    r"(?:sein|ihr)\s+Einverständnis|sprach(?:en)?\s+sich\s+(?:\S+\s+){0,4}?(?:dafür|für)\b|"
    r"w(?:ar|aren)\s+(?:\S+\s+){0,3}?einverstanden|wählten?|beauftragten?|ermächtigten?|"
    r"entschied(?:en)?\s+sich\s+(?:\S+\s+){0,6}?für|"
    r"erteilten?\s+(?:\S+\s+){0,8}?(?:Einvernehmen|Zustimmung|Auftrag)|"
    r"stellten?\s+(?:\S+\s+){0,8}?fest|"
    # an award, a limit set, a vote for, a proposal followed ("vergab den Auftrag an ...",
    # "setzte ein Limit von 110.000 € fest", "votierte für den Erhalt", "folgte dem Vorschlag")
    r"vergab(?:en)?|setzten?\s+(?:\S+\s+){0,8}?fest|votierten?\s+(?:\S+\s+){0,6}?für|"
    r"folgten?\s+(?:\S+\s+){0,2}?(?:dem|der)\s+(?:Beschlussvorschlag|Beschlussempfehlung|"
    r"Empfehlung|Vorschlag|Antrag)\w*|segneten?\s+(?:\S+\s+){0,6}?ab|bestellten?)\b[^.]*"
)
# The same in the order of a main clause that opens with something else (verb second):
# "Mit 18 Ja-Stimmen beschloss der Gemeinderat dies", "Das hat der Gemeinderat einstimmig
# beschlossen", "Einstimmig stimmte der Ausschuss dem Vorschlag zu". The perfect needs its
# participle in the same sentence.
_PAST_INVERTED = re.compile(
    r"\b(?:beschloss(?:en)?|stimmten?|lehnten?|vertagten?|billigten?|genehmigten?|"
    r"verabschiedeten?|fassten?|empfahl(?:en)?|verwies(?:en)?|wählten?|entschied(?:en)?\s+sich|"
    r"vergab(?:en)?|setzten?|votierte[n]?|votiert|bestellten?)"
    r"\s+(?:\S+\s+){0,2}?"
    r"(?:der|die|das|alle(?:\s+anwesenden)?)\s+(" + _COUNCIL_NOUN + r")\b[^.]*"
    # "Mit dieser Vorgehensweise war der Gemeinderat einstimmig einverstanden"
    r"|\bw(?:ar|aren)\s+(?:der|die|das)\s+(" + _COUNCIL_NOUN + r")\s+(?:\S+\s+){0,3}?"
    r"einverstanden\b[^.]*"
    # a date's ordinal period ("am Mittwoch, 1. Juni,") does not end the sentence
    r"|\b(?:hat|haben|hatte|hatten)\s+(?:\S+\s+){0,2}?(?:der|die|das|alle(?:\s+anwesenden)?)\s+("
    + _COUNCIL_NOUN
    + r")\b"
    + WITHIN_SENTENCE
    + r"*?\b"
    + _DECIDED
    + r"\b[^.]*"
)
_PAST_ADOPTING = re.compile(
    r"\b(?:billigten?|genehmigten?|verabschiedeten?|fassten?|stimmten?\s+(?:\S+\s+){0,6}?für|"
    r"gebilligt|genehmigt|verabschiedet|gefasst|erlassen|Einverständnis|einverstanden|"
    r"sprach(?:en)?\s+sich\s+(?:\S+\s+){0,4}?(?:dafür|für)|wählten?|stellten?|beauftragten?|"
    r"ermächtigten?|erteilten?|entschied(?:en)?\s+sich\s+(?:\S+\s+){0,8}?für|vergab(?:en)?|"
    r"setzten?|votiert|votierten?|folgten?|segneten?|bestellten?)\b"
)
_RECOMMENDATION = re.compile(
    _COUNCIL_SUBJECT + r"empfiehlt\s+(?:dem|der|den)\s+(?:" + COUNCIL + r")\b[^.]*"
)
# The thing decided on as the subject, its result in the passive: "Der Antrag wurde
# mehrheitlich abgelehnt", "Dem Beschlussvorschlag wird zugestimmt". The minutes, the
# agenda and the order of business are approved in every session: not the item's decision.
_MATTER = (
    r"(?:Antrag|Änderungsantrag|Ergänzungsantrag|Dringlichkeitsantrag|Beschlussvorschlag|"
    r"Beschlussvorlage|Beschlussempfehlung|Vorlage|Empfehlung|Tagesordnungspunkt|Punkt|TOP|"
    r"Angelegenheit|Beschlussfassung|Entscheidung|Beratung|Bericht|Satzung|Bauantrag|"
    r"Bauvoranfrage|Haushaltsplan|Haushaltssatzung|Jahresrechnung|Jahresabschluss|Entwurf|"
    r"Vorschlag|Vertrag|Vergabe|Auftrag|Beschluss)"
)
_PASSIVE = re.compile(
    r"\b(?:Der|Die|Das|Dem|Den|Ein|Eine|Einem)\s+(?:(?:\S+\s+){0,2}?)"
    + _MATTER
    + r"\w*\b[^.]{0,120}?"
    r"\b(?:wurde|wird|wurden|werden)\b(?:[^.]{0,80}?)\b(abgelehnt|angenommen|beschlossen|"
    r"zugestimmt|zurückgezogen|vertagt|zurückgestellt|abgesetzt|verwiesen|überwiesen|"
    r"zur\s+Kenntnis\s+genommen|gebilligt|genehmigt|bestätigt|für\s+erledigt\s+erklärt|"
    r"vergeben|festgestellt|verabschiedet)\b[^.]*"
    # the matter named before: "wurde dieser einstimmig beschlossen"
    r"|\b(?:wurde|wird)\s+(?:dieser|diese|dieses|er|sie|es)\s+(?:\S+\s+){0,3}?(abgelehnt|angenommen|"
    r"beschlossen|zugestimmt|vertagt|zurückgestellt)\b[^.]*"
    # the verb before the matter, after an opening phrase: "Fast bei Stimmengleichheit wurde
    # unser Antrag abgelehnt", "In der Sitzung vom 27.09.2021 wurde die Beschaffung ... beschlossen"
    r"|\b(?:wurde|wurden)\s+(?:der|die|das|dem|den|unser|unsere|unserem|unseren|ihr|ihre)\s+"
    # (not one told as history: "wurde der Antrag damals knapp abgelehnt")
    r"(?:(?!damals|seinerzeit|bereits|schon|früher)[\w-]+\s+){0,6}?"
    r"(?:einstimmig\s+|mehrheitlich\s+|knapp\s+)?(abgelehnt|angenommen|"
    r"beschlossen|vertagt|zurückgestellt)\b[^.]*"
    # "Der Antrag hat sich damit erledigt"
    r"|\b(?:Der|Die|Das)\s+" + _MATTER + r"\w*\s+(?:\S+\s+){0,4}?hat\s+sich\s+(?:\S+\s+){0,2}?"
    r"erledigt\b[^.]*"
    # the municipal consent given or refused is the decision's content: it was decided
    r"|\b(?:Das|Dem)\s+(?:gemeindliche\s+)?Einvernehmen\s+(?:\S+\s+){0,8}?(?:wird|wurde)\s+"
    r"(?:\S+\s+){0,3}?(erteilt|versagt|verweigert)\b[^.]*",
    re.IGNORECASE,
)
# A vote recorded in the passive whatever its subject: "Die Berufungen wurden einstimmig
# beschlossen", "Einstimmig wurde beschlossen, ...", "wurden folgende Beschlüsse gefasst",
# "wurde vom Gemeinderat beschlossen".
_VOTED = re.compile(
    r"\b(?:wurde|wurden|wird|werden)\s+(?:\S+\s+){0,4}?(?:einstimmig|mehrheitlich|"
    r"mit\s+(?:der\s+)?(?:großer\s+|knapper\s+|notwendigen\s+|erforderlichen\s+|breiter\s+)?"
    r"Mehrheit)\s+(?:\S+\s+){0,4}?(beschlossen|angenommen|zugestimmt|abgelehnt|gebilligt|"
    r"gewählt|bestellt|für\s+gültig\s+erklärt)\b[^.]*"
    r"|\b(?:Einstimmig|Mehrheitlich)\s+(?:wurde|wurden)\s+(?:\S+\s+){0,6}?(beschlossen|"
    r"angenommen|zugestimmt|abgelehnt|gebilligt)\b[^.]*"
    r"|\b(?:wurde|wurden)\s+(?:\S+\s+){0,2}?(?:folgende|nachstehende)\s+Beschlüsse\s+gefasst\b"
    # "Der Beschluss erfolgte einstimmig", "Folgende Punkte ... wurden beschlossen:"
    r"|\bBeschluss\s+(?:erfolgte|erging|fiel)\s+(?:\S+\s+){0,2}?(?:einstimmig|mehrheitlich|"
    r"mit\s+(?:\w+\s+)?Mehrheit)\b[^.]*"
    r"|\bund\s+wurden\s+(beschlossen)\s*:"
    r"|\b(?:wurde|wurden)\s+(?:\S+\s+){0,8}?(?:vo[nm]|durch)\s+(?:der|dem|den|die|das)?\s*(?:"
    + _COUNCIL_NOUN
    + r"|Gremium)\s+(?:\S+\s+){0,8}?(beschlossen|angenommen|abgelehnt|gebilligt|gewählt|bestellt|"
    r"beauftragt|ermächtigt|erlassen|verabschiedet|für\s+gültig\s+erklärt)\b[^.]*"
    # a headline's result without its verb: "Antrag in der Gemeindevertretung mit großer
    # Mehrheit angenommen"
    r"|^\W*(?:Unser\s+)?(?:Antrag|Vorlage|Beschlussvorschlag)\b[^.\n]{0,80}?\b(?:einstimmig|"
    r"mehrheitlich|mit\s+(?:\w+\s+)?Mehrheit)\s+(angenommen|beschlossen|abgelehnt)\b[^.\n]*"
    # "Folgende Beschlüsse wurden durch den Gemeinderat gefasst:"
    r"|\b(?:Folgende|Nachstehende)\s+Beschlüsse\s+wurden\s+(?:\S+\s+){0,5}?gefasst\b[^.\n]*"
    # a minutes' result line without adverb: "Antrag angenommen mit 28 Ja bei 1 Enthaltung"
    r"|^\W*(?:Antrag|Vorlage|Beschlussvorschlag)\s+(angenommen|abgelehnt)\b[^.\n]*"
    # a result line alone: "Abstimmung einstimmig", "- mehrheitliche Zustimmung -", "Einstimmig
    # angenommen.", "Beschlossen mit 12:3 Stimmen."
    r"|^\W*(?i:(?:(?:Abstimmung(?:sergebnis)?|Ergebnis)\s*:?\s*)?(?:einstimmig|mehrheitlich)e?\s*"
    r"(?:(angenommen|beschlossen|zugestimmt)|Zustimmung)?)\W*$"
    r"|^\W*(?i:(beschlossen|angenommen)\s+mit\s+(?:\d|\w+\s+Mehrheit))[^.\n]*",
    re.MULTILINE,
)
_NOT_A_MATTER = re.compile(
    r"\b(?:Niederschrift|Protokoll|Tagesordnung|Geschäftsordnung|Beschlussfähigkeit|Ladung|"
    r"Einladung)\b",
    re.I,
)
# "Ja 12, Nein 3", "Ja-Stimmen: 10 Nein-Stimmen: 2", "Dafür: 9 Dagegen: 4" (the label first),
# "12 Ja-Stimmen, 3 Nein-Stimmen" (the number first)
_YES = (
    re.compile(r"\b(?:Ja(?:-?Stimmen)?|Dafür|Zustimmung(?:en)?)\s*[:=]?\s*(\d{1,3})\b", re.I),
    re.compile(r"\b(\d{1,3})\s+(?:Ja-?Stimmen|Ja\b|Stimmen\s+dafür|Dafür)", re.I),
)
_NO = (
    re.compile(r"\b(?:Nein(?:-?Stimmen)?|Dagegen|Gegenstimmen)\s*[:=]?\s*(\d{1,3})\b", re.I),
    re.compile(r"\b(\d{1,3})\s+(?:Nein-?Stimmen|Nein\b|Gegenstimmen|Stimmen\s+dagegen)", re.I),
)


def _count(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first count of one written way (label first, else number first)."""
    return next((m for m in (p.search(text) for p in patterns) if m is not None), None)


def postponement(text: str) -> Decision | None:
    """A postponement decided on the page (not one a motion asks for)."""
    m = _POSTPONEMENT.search(text)
    if m and not re.search(r"\bsollte\b|\bbeantragt\b|\bAntrag\b", m.group(0)):
        return Decision("deferred", None, None, squash(m.group(0)))
    return None


def _by_the_council(m: re.Match[str], outcome: str | None) -> Decision | None:
    """The decision a council-subject match states, with the council as its committee."""
    return Decision(outcome, None, squash(m.group(1)), squash(m.group(0))) if outcome else None


def council_present(text: str) -> Decision | None:
    """The council or a committee as the subject, the decision in the present."""
    m = _PRESENT.search(text)
    if not m:
        return None
    outcome = outcome_of(m.group(0))
    if re.search(r"\bempf(?:iehlt|ehlen)\b", m.group(0)):
        outcome = "recommended"
    elif outcome is None or (outcome == "noted" and "Kenntnis" not in m.group(0)):
        # billigt, genehmigt, folgt dem Beschlussvorschlag, fasst Beschluss, Entlastung
        outcome = "adopted"
    return _by_the_council(m, outcome)


# "folgte der Empfehlung": the recommendation taken, not given
_FOLLOWED = re.compile(r"^\W*(?:\S+\s+){0,6}?folgten?\s+(?:\S+\s+){0,2}?(?:dem|der)\s+\w", re.I)


def _past_outcome(wording: str) -> str | None:
    """The outcome of a decision told in the past: by its wording, else adopted where the
    verb itself adopts (billigte, verabschiedete, fasste den Beschluss, stimmte für)."""
    if _FOLLOWED.search(wording) and outcome_of(wording) in (None, "recommended"):
        return "adopted"
    return outcome_of(wording) or ("adopted" if _PAST_ADOPTING.search(wording) else None)


def council_past(text: str) -> Decision | None:
    """The council or a committee as the subject, the decision in the past (a decision not
    yet taken, "hat noch nicht beschlossen", is none)."""
    for m in _PAST.finditer(text):
        if re.search(r"\bnoch\s+nicht\b", m.group(0)):
            continue
        if _DATED_PLUPERFECT.search(m.group(0)):
            continue  # "Der Kreistag hatte ... am 7. Juli 2022 ... abgelehnt": its history
        return _by_the_council(m, _past_outcome(m.group(0)))
    return None


# A decision told in the pluperfect with its year: an earlier one, told as background.
_DATED_PLUPERFECT = re.compile(r"\b(?:hatte|hatten)\b.*?(?<!\d)(?:19|20)\d{2}(?!\d)", re.S)


def _clause_start(text: str, at: int, paragraph: str) -> int:
    """Where the clause holding ``at`` begins: after the last period or ``paragraph`` break."""
    return max(text.rfind(".", 0, at), text.rfind(paragraph, 0, at), 0)


def council_inverted(text: str) -> Decision | None:
    """The decision in the past with the verb before the council (a clause that opens with
    something else: "Einstimmig beschloss der Rat ...", "Das hat der Rat beschlossen")."""
    for m in _PAST_INVERTED.finditer(text):
        # the clause's opening names what was decided: not the agenda or the minutes
        opening = text[_clause_start(text, m.start(), "\n\n") : m.start()]
        if _NOT_A_MATTER.search(opening):
            continue
        outcome = _past_outcome(m.group(0))
        if outcome:
            return Decision(
                outcome, None, squash(next(g for g in m.groups() if g)), squash(m.group(0))
            )
    return None


def recommendation(text: str) -> Decision | None:
    """A committee recommending a decision to the council."""
    m = _RECOMMENDATION.search(text)
    return Decision("recommended", None, squash(m.group(1)), squash(m.group(0))) if m else None


# An amendment or a counter-motion as the subject ("Der Änderungsantrag wurde ... abgelehnt").
_AMENDMENT = re.compile(AMENDMENT, re.I)


def passive_result(text: str) -> Decision | None:
    """The matter as the subject, its result in the passive (not the minutes' approval)."""
    for m in _PASSIVE.finditer(text):
        wording = squash(m.group(0))
        subject = wording.split(" wurde")[0].split(" wird")[0]
        if _NOT_A_MATTER.search(subject):
            continue
        outcome = outcome_of(wording)
        if outcome in ("rejected", "withdrawn") and _AMENDMENT.search(subject):
            continue  # an amendment that fell leaves the motion's own fate to be told
        verb = next((g for g in m.groups() if g), "").lower()
        if verb in ("gebilligt", "genehmigt", "bestätigt", "erteilt", "versagt", "verweigert",
                    "vergeben", "festgestellt", "verabschiedet"):  # fmt: skip
            outcome = "adopted"
        if outcome:
            return Decision(outcome, None, None, wording)
    return None


def voted(text: str) -> Decision | None:
    """A vote recorded in the passive, whatever the matter (not the minutes or the agenda
    approved at the session's start)."""
    for m in _VOTED.finditer(text):
        opening = text[_clause_start(text, m.start(), "\n") : m.end()]
        if _NOT_A_MATTER.search(opening):
            continue
        wording = squash(m.group(0))
        return Decision(outcome_of(wording) or "adopted", None, None, wording)
    return None


# A vote on the urgency of a motion ("Die Dringlichkeit wird mit 24 Ja-Stimmen bei 12
# Nein-Stimmen bejaht"): the agenda's, not the matter's.
# (a sentence from its start only: tried at every position, the pattern would scan each line
# once per character)
_URGENCY_VOTE = re.compile(r"(?:^|(?<=[.\n]))[^.\n]*\bDringlichkeit\b[^.\n]*", re.I)


# A result line with its label ("Abstimmungsergebnis: 29 Ja, 0 Nein, 1 Enthaltung"): the vote
# on what the record decides, after any vote on a motion told in its prose.
_RESULT_LINE_VOTES = re.compile(r"^\W*" + one_of(DECISION_LABELS) + r"\s*:[^\n]*$", re.I | re.M)


def _without_urgency(text: str) -> str:
    """The text without its votes on a motion's urgency (:data:`_URGENCY_VOTE`)."""
    return _URGENCY_VOTE.sub(" ", text) if "dringlichkeit" in text.lower() else text


def result_line(text: str) -> Decision | None:
    """The count of the last labelled result line ("Abstimmungsergebnis: Ja 12, Nein 1"): the
    vote on what the record decides, over a motion voted down in the prose before it ("Der
    Antrag von GR Bauer ... wurde mit 4 : 9 Stimmen abgelehnt")."""
    labelled = [m.group(0) for m in _RESULT_LINE_VOTES.finditer(_without_urgency(text))]
    return _tally(labelled[-1]) if labelled else None


def vote_tally(text: str) -> Decision | None:
    """A count of votes without words: more yes than no is adopted, else rejected (not the
    vote on a motion's urgency). The last labelled result line counts first."""
    return result_line(text) or _tally(_without_urgency(text))


def _tally(text: str) -> Decision | None:
    yes, no = _count(_YES, text), _count(_NO, text)
    if yes is None or no is None or abs(yes.start() - no.start()) > 80:
        return None
    ayes, noes = int(yes.group(1)), int(no.group(1))
    wording = squash(text[min(yes.start(), no.start()) : max(yes.end(), no.end())])
    return Decision("adopted" if ayes > noes else "rejected", None, None, wording)


# A motion withdrawn by its movers, told in the record ("die Fraktion ziehe den Antrag zurück",
# "Der Antrag wird zurückgezogen").
_WITHDRAWN = re.compile(
    r"\bzieh(?:t|e|en|t\s+sie|t\s+er)?\b[^.;?]{0,60}?\b(?:den|ihren|seinen|diesen|unseren)\s+"
    r"[\w-]*[Aa]ntrag\w*\s+(?:\S+\s+){0,4}?zurück\b"
    r"|\b[\w-]*[Aa]ntrag\w*\s+(?:wird|wurde)\s+(?:\S+\s+){0,10}?zurückgezogen\b"
    # "Die Vorsitzende hat den Antrag daraufhin in der Sitzung zurückgezogen."
    r"|\b(?:hat|haben)\b[^.;?]{0,60}?\b(?:den|ihren|seinen|diesen|unseren)\s+[\w-]*[Aa]ntrag\w*\s+"
    r"(?:\S+\s+){0,6}?zurückgezogen\b"
)


def withdrawn(text: str) -> Decision | None:
    """The motion withdrawn by its movers."""
    m = _WITHDRAWN.search(text)
    return Decision("withdrawn", None, None, squash(m.group(0))) if m else None


DecisionRule = Callable[[str], "Decision | None"]

#: The rules by name, in order: the first that finds a decision wins.
PROSE_RULES: dict[str, DecisionRule] = {
    "postponement": postponement,
    "council_present": council_present,
    "council_past": council_past,
    "council_inverted": council_inverted,
    "recommendation": recommendation,
    "passive_result": passive_result,
    "voted": voted,
    "withdrawn": withdrawn,
    "vote_tally": vote_tally,
}
#: The rules whose wording only a record of a session uses (no proposal says "wurde
#: abgelehnt" or counts votes): they apply to pages of unknown kind too.
RECORD_RULES: tuple[str, ...] = (
    "postponement",
    "result_line",
    "council_past",
    "council_inverted",
    "passive_result",
    "voted",
    "withdrawn",
    "vote_tally",
)


def prose_decision(text: str, rules: tuple[str, ...] | None = None) -> Decision | None:
    """The decision the first of ``rules`` (default: all, in order) finds in ``text``; the
    last labelled result line (``result_line``) instead where it counts the other way than
    the prose ("Der Antrag von GR Bauer ... wurde mit 4 : 9 Stimmen abgelehnt" before
    "Abstimmungsergebnis: Ja 12, Nein 1")."""
    found = None
    for name, rule in PROSE_RULES.items():
        if rules is not None and name not in rules:
            continue
        found = rule(text)
        if found is not None:
            break
    counted = result_line(text) if rules is None or "result_line" in rules else None
    if counted is None:
        return found
    if found is None or _FOR_OR_AGAINST.get(found.outcome, counted.outcome) != counted.outcome:
        return counted
    return found


#: The outcomes a count of votes can contradict: a yes or a no.
_FOR_OR_AGAINST = {"adopted": "adopted", "adopted_amended": "adopted", "rejected": "rejected"}

"""What a document says about other papers and about itself: whom it answers, and whether
it is non-public.

::

    find_marks(text, dated)  -> Marks(answers, non_public, dated)

**Answers.** A document that answers an earlier Drucksache names it; each rule below reads
one way councils say so and decides, by its wording, whether the answer is interim or
final (a "Zwischenbericht"/"Zwischennachricht" anywhere in the sentence makes it interim):

=====================  ===========================================================  =======
rule                   reads                                                        kind
=====================  ===========================================================  =======
``in_erledigung``      "In Erledigung der Drucksache Nr. 1263/IV", "zur Erledigung   final
                       des Ersuchens (Drs. 1263/IV)"
``zwischenbericht``    "Zwischenbericht zu(r) Drucksache 1263/IV"                   interim
``schlussbericht``     "Schlussbericht zu(r) Drucksache 1263/IV"                    final
``kenntnisnahme_13``   "Vorlage zur Kenntnisnahme gemäß § 13 BezVG" with the        final
                       Drucksache it reports on
``stellungnahme``      "Stellungnahme ... zum Antrag/Ersuchen ... Drucksache X",    final
                       "Mitteilung ... zu(r) Drucksache X"
=====================  ===========================================================  =======

The Zwischen- and Schlussbericht rules read a line that starts with the word (a heading, "als
Zwischenbericht ..."), not a mention inside a sentence ("... zum Schlussbericht zur
Drucksache X aufheben"). A header line "Zwischenbericht" makes every answer interim. The
document's own number counts too (a Berlin report carries the number of the Ersuchen).

**Non-public.** A header that says the paper is nichtöffentlich ("Status: nichtöffentlich",
"Öffentlichkeitsstatus: nicht öffentlich", "Antrag nichtöffentlich", "Beratung in
nichtöffentlicher Sitzung") marks it; the minutes of a session with a public and a
non-public part ("öffentliche/nicht öffentliche Sitzung") do not. Only the first lines
(the header) are read for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

AnswerKind = Literal["interim", "final"]

#: How many lines from the top count as the header for the non-public mark.
HEADER_LINES = 40

#: A Drucksachen-Nr. after its label: 1263/IV, 22-4292, 2017/FB3/0433, VI-A-03824-VSP-01.
_NUMBER = r"(?P<ref>[A-Z0-9][A-Za-z0-9]*(?:[/\-.][A-Za-z0-9]+)+|\d{3,})"
_PAPER = (
    r"(?:Drucksachen?|Drs\.?|DS|Vorlagen?|Beschlussvorlage|Antrag(?:es|s)?|Ersuchens?|"
    r"Auskunftsersuchens?|Anfrage|Beschlusses|Beschluss)"
)
_LABEL = rf"{_PAPER}(?:\s*-?\s*(?:Nr\.?|Nummer))?\s*:?\s*"
#: Up to a few words between the rule's words and the paper's label ("des Bezirksamtes",
#: "der BVV vom 20.02.2014 ("): within the sentence (a dot only inside a date or number).
_GAP = r"(?:[^\n.;:]|(?<=\d)\.)*?"
#: A header line naming the document an interim report.
_HEADER_INTERIM = re.compile(r"(?im)^\s*Zwischen(?:bericht|nachricht)\b")
_SENTENCE_END = re.compile(r"(?<!\d)\.\s|\n\s*\n")
_INTERIM = re.compile(r"(?i)zwischen(?:bericht|nachricht|stand|mitteilung)")


@dataclass(frozen=True)
class Answer:
    """The document answers Drucksache ``reference``: interim or final, by ``rule``."""

    reference: str
    kind: AnswerKind
    phrase: str
    rule: str


@dataclass(frozen=True)
class Marks:
    """What the document says of other papers (``answers``) and of itself
    (``non_public``: the phrase marking it nichtöffentlich, or None; ``dated``: the date
    the document bears, which dates its facts when it names no council date)."""

    answers: tuple[Answer, ...] = ()
    non_public: str | None = None
    dated: date | None = None


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    kind: AnswerKind


_RULES = (
    _Rule(
        "in_erledigung",
        re.compile(rf"(?i)\b(?:in|zur)\s+Erledigung\s+{_GAP}\b{_LABEL}{_NUMBER}"),
        "final",
    ),
    _Rule(
        "zwischenbericht",
        re.compile(
            rf"(?im)^\s*(?:als\s+)?Zwischen(?:bericht|nachricht)\w*\s+{_GAP}\b{_LABEL}{_NUMBER}"
        ),
        "interim",
    ),
    _Rule(
        "schlussbericht",
        re.compile(
            rf"(?im)^\s*(?:als\s+)?(?:Schluss|Abschluss)bericht\w*\s+{_GAP}\b{_LABEL}{_NUMBER}"
        ),
        "final",
    ),
    _Rule(
        "kenntnisnahme_13",
        re.compile(
            rf"(?is)Vorlage\s+(?:-\s*)?zur\s+Kenntnisnahme\s+(?:-\s*)?gem(?:äß|\.)\s*§\s*13\s+BezVG"
            rf".{{0,600}}?\b{_LABEL}{_NUMBER}"
        ),
        "final",
    ),
    _Rule(
        "stellungnahme",
        re.compile(
            rf"(?i)\b(?:Stellungnahme|Mitteilung|Antwort|Beantwortung)\w*\s+{_GAP}"
            rf"\b(?:zu[mr]?|auf)\s+(?:de[mnrs]\s+)?{_GAP}\b{_LABEL}{_NUMBER}"
        ),
        "final",
    ),
)

_NON_PUBLIC = re.compile(
    r"(?im)^(?:"
    r"(?:Status|Öffentlichkeitsstatus|Öffentlichkeit)\s*:?\s*nicht\s*öffentlich\w*"
    r"|(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?nicht\s*öffentlich\s*$"
    r"|(?:Beratung|Behandlung)\s+in\s+nicht\s*öffentlicher\s+Sitzung"
    r")"
)


def find_answers(text: str) -> tuple[Answer, ...]:
    """Every Drucksache the text answers (the first phrase per reference), in order.

    The document's own number may be among them: a Berlin Vorlage zur Kenntnisnahme
    reporting on an Ersuchen carries the Ersuchen's number ("An die Drucksache-Nr.:
    VIII-0431 ... In Erledigung des ... Ersuchens ... Drucksache Nr.: VIII-0431").
    """
    found: dict[str, tuple[int, Answer]] = {}
    interim_header = _HEADER_INTERIM.search("\n".join(text.split("\n")[:HEADER_LINES]))
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            reference = m.group("ref").rstrip(".-/")
            if not any(ch.isdigit() for ch in reference):
                continue
            phrase = " ".join(m.group(0).split())
            rest = _SENTENCE_END.split(text[m.end() : m.end() + 300], maxsplit=1)[0]
            interim = interim_header or _INTERIM.search(phrase + rest)
            kind: AnswerKind = "interim" if interim else rule.kind
            key = "".join(reference.split()).casefold()
            if key not in found or m.start() < found[key][0]:
                found[key] = (m.start(), Answer(reference, kind, phrase, rule.name))
    return tuple(answer for _, answer in sorted(found.values(), key=lambda pair: pair[0]))


def find_non_public(text: str) -> str | None:
    """The header phrase that marks the document nichtöffentlich, or None."""
    header = "\n".join(text.split("\n")[:HEADER_LINES])
    m = _NON_PUBLIC.search(header)
    return " ".join(m.group(0).split()) if m else None


def find_marks(text: str, dated: date | None = None) -> Marks:
    """Whom the document answers and whether it is non-public; ``dated`` as read by the
    document's reader."""
    return Marks(find_answers(text), find_non_public(text), dated)

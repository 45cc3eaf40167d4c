"""The words councils and administrations call themselves: one list each, for every pattern.

A new council's name for its plenary (``Samtgemeinderat``, ``Amtsausschuss``) or for its
administration (``Bürgermeisteramt``) is added here once, and every rule that asks "is this
the council?" or "is this the administration?" learns it.
"""

from __future__ import annotations

from tracker.documents.text import one_of

#: Names of a council (the body that decides), plenary or district, in their nominative form.
COUNCILS: tuple[str, ...] = (
    "Rat",
    "Stadtrat",
    "Gemeinderat",
    "Marktgemeinderat",
    "Marktrat",
    "Ortsgemeinderat",
    "Verbandsgemeinderat",
    "Kreistag",
    "Samtgemeinderat",
    "Ortsrat",
    "Ortschaftsrat",
    "Ortsbeirat",
    "Bezirksrat",
    "Stadtbezirksrat",
    "Bezirksbeirat",
    "Bezirksvertretung",
    "BVV",
    "Bezirksverordnetenversammlung",
    "Bezirksversammlung",
    "Gemeindevertretung",
    "Stadtvertretung",
    "Stadtverordnetenversammlung",
    "Ratsversammlung",
    "Bürgerschaft",
    "Amtsausschuss",
    "Verbandsversammlung",
    "Regionalversammlung",
    "Regionsversammlung",
    "Städteregionstag",
    "Bezirkstag",
    "Bezirksausschuss",
    "Landschaftsversammlung",
    "Gemeinschaftsversammlung",
    "Ortsteilrat",
    "Stadtteilrat",
    "Stadtteilbeirat",
    "Stadtbezirksbeirat",
    "Ortsvertretung",
)

#: A regex alternative matching any council name, longest first.
COUNCIL = one_of(COUNCILS)
#: The same without the bare ``Rat`` (too common a word to name a council unqualified).
NAMED_COUNCIL = one_of(c for c in COUNCILS if c != "Rat")

#: Names of the administration that a council orders to act (the addressee's usual names).
ADMINISTRATIONS: tuple[str, ...] = (
    "Bezirksamt",
    "Magistrat",
    "Verwaltung",
    "Stadtverwaltung",
    "Kreisverwaltung",
    "Gemeindeverwaltung",
    "Amtsverwaltung",
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Bürgermeister",
    "Bürgermeisterin",
    "Bezirksbürgermeister",
    "Bezirksbürgermeisterin",
    "Landrat",
    "Landrätin",
    "Kreisausschuss",
    "Gemeindevorstand",
    "Senat",
    "Bürgermeisteramt",
    "Landratsamt",
    "Ortsbürgermeister",
    "Ortsbürgermeisterin",
    "Samtgemeindebürgermeister",
    "Samtgemeindebürgermeisterin",
    "Verbandsbürgermeister",
    "Verbandsbürgermeisterin",
    "Amtsdirektor",
    "Amtsdirektorin",
    "Amtsvorsteher",
    "Amtsvorsteherin",
    "Verbandsgemeindeverwaltung",
    "Samtgemeindeverwaltung",
    "Gemeindedirektor",
    "Stadtdirektor",
    "Verwaltungsvorstand",
    "Jobcenter",
)

#: A regex alternative matching any name of the administration, longest first.
ADMINISTRATION = one_of(ADMINISTRATIONS)

#: The public: citizens, residents and owners whom a notice asks or allows to act
#: (``Bürger/innen werden gebeten``, ``Eigentümer können bis zum ... Widerspruch einlegen``).
#: A term set for them is a notice's term, not an obligation of the administration.
PUBLIC: tuple[str, ...] = (
    "Bürger",
    "Bürgerinnen",
    "Bürger/innen",
    "Bürger*innen",
    "Einwohner",
    "Einwohnerinnen",
    "Anwohner",
    "Anwohnerinnen",
    "Eigentümer",
    "Grundstückseigentümer",
    "Antragsteller",
    "Antragstellerinnen",
    "Eltern",
    "Besucher",
    "Interessierte",
    "Interessenten",
    "Bewerber",
    "Bewerberinnen",
    "Bieter",
    "Vereine",
    "Gewerbetreibende",
)
PUBLIC_NOUN = one_of(PUBLIC)

#: The cues of the document-level uncertainty signal (``tracker.documents.cues``): words of
#: time an operative sentence may hold without any rule of the grammar reading them.
MONTHS: tuple[str, ...] = (
    "Januar",
    "Jänner",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
#: Parts of a year and of the council's calendar (also inside compounds: ``Sommerferien``).
PARTS_OF_YEAR: tuple[str, ...] = (
    "Frühjahr",
    "Frühling",
    "Sommer",
    "Herbst",
    "Winter",
    "Jahresende",
    "Jahresbeginn",
    "Jahresanfang",
    "Jahreswechsel",
    "Jahresmitte",
    "Quartal",
    "Halbjahr",
    "Jahreshälfte",
    "Sommerpause",
    "ferien",
    "Wahlperiode",
    "Legislaturperiode",
    "Haushaltsberatung",
)
#: The council's cycle of sessions: a postponement or a report ``um einen Sitzungsturnus``.
SESSION_CYCLES: tuple[str, ...] = (
    "Sitzungsturnus",
    "Sitzungsdurchlauf",
    "Sitzungsrunde",
    "Sitzungszyklus",
    "Sitzungsfolge",
    "Beratungsturnus",
    "Beratungsdurchlauf",
)
#: Nouns of a deadline (also inside compounds: ``Berichtsfrist``). A bare ``Termin`` is a
#: meeting's label (``Sitzungstermin:``) far more often than a limit; its compounds that set
#: one are listed.
DEADLINE_NOUNS: tuple[str, ...] = (
    "Frist",
    "Wiedervorlage",
    "Zieltermin",
    "Abgabetermin",
    "Berichtstermin",
    "Erledigungstermin",
    "Umsetzungstermin",
    "Fertigstellungstermin",
    "Zeitplan",
    "Zeitschiene",
)
#: Adverbs of urgency: a term without a date.
URGENCY: tuple[str, ...] = (
    "spätestens",
    "rechtzeitig",
    "zeitnah",
    "umgehend",
    "unverzüglich",
    "baldmöglichst",
    "schnellstmöglich",
    "frühestmöglich",
    "zügig",
)
#: Adverbs of recurrence: a duty that returns.
RECURRENCE: tuple[str, ...] = (
    "jährlich",
    "alljährlich",
    "halbjährlich",
    "vierteljährlich",
    "quartalsweise",
    "monatlich",
    "regelmäßig",
    "turnusmäßig",
    "fortlaufend",
    "kontinuierlich",
    "jeweils zum",
)
#: Words of a report to the council, in the forms an operative sentence uses.
REPORT_WORDS: tuple[str, ...] = (
    "berichten",
    "berichtet",
    "Bericht",
    "Berichterstattung",
    "vorlegen",
    "vorzulegen",
    "informieren",
    "unterrichten",
    "Sachstand",
    "Sachstandsbericht",
    "Zwischenbericht",
    "darzustellen",
    "vorzustellen",
    "mitzuteilen",
)
#: Endings of a noun that names an event or a stage (``nach Abschluss``, ``vor Beginn``,
#: ``ab Inkrafttreten``, ``bis zur Fertigstellung``): a time anchored to an event.
EVENT_ENDINGS: tuple[str, ...] = (
    "ung",
    "ungen",
    "schluss",
    "beginn",
    "ende",
    "treten",
    "wahl",
    "sitzung",
    "ferien",
    "pause",
    "jahr",
    "start",
)
#: The council's own procedure: ``nach Vorberatung im Ausschuss`` is its path, not a time.
PROCEDURE: tuple[str, ...] = (
    "Beratung",
    "Vorberatung",
    "Abstimmung",
    "Beschlussfassung",
    "Anhörung",
    "Maßgabe",
    "Prüfung",
    "Rücksprache",
    "Abwägung",
)

#: Bodies outside the council and its administration (another level's procedure, a court):
#: a duty they set or bear is theirs, not the administration's.
OTHER_BODIES: tuple[str, ...] = (
    "Land",
    "Landes",
    "Bund",
    "Bundes",
    "Freistaat",
    "Freistaates",
    "Landesregierung",
    "Bundesregierung",
    "Ministerium",
    "Landesamt",
    "Regierungspräsidium",
    "Gericht",
    "Gesetzgeber",
    "EU",
)

#: What minutes call themselves in their heading (``Niederschrift über die 2. Sitzung ...``).
MINUTES_NAMES: tuple[str, ...] = (
    "Niederschrift",
    "Sitzungsniederschrift",
    "Protokoll",
    "Sitzungsprotokoll",
    "Plenarprotokoll",
    "Ergebnisprotokoll",
    "Beschlussprotokoll",
    "N I E D E R S C H R I F T",
    "P R O T O K O L L",
)
MINUTES_NAME = one_of(MINUTES_NAMES)

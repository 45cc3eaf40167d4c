"""The words councils and administrations call themselves: one list each, for every pattern.

A new council's name for its plenary (``Samtgemeinderat``, ``Amtsausschuss``) or for its
administration (``Bürgermeisteramt``) is added here once, and every rule that asks "is this
the council?" or "is this the administration?" learns it.
"""

from __future__ import annotations

from tracker.documents.text import one_of

#: Numbers written as words: a period's length (``binnen drei Monaten``), a count of millions
#: (``zwei Millionen Euro``).
NUMBER_WORDS: dict[str, int] = {
    "ein": 1,
    "eine": 1,
    "einem": 1,
    "einer": 1,
    "eines": 1,
    "einen": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "vierzehn": 14,
    "achtzehn": 18,
    "zwanzig": 20,
    "vierundzwanzig": 24,
    "hundert": 100,
}


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
    # the names some councils and their groups use ("Stadtparlament" in Hesse, the
    # "Gemeindevertreterversammlung" of some Brandenburg municipalities)
    "Stadtparlament",
    "Gemeindeparlament",
    "Kreisparlament",
    "Gemeindevertreterversammlung",
    "Stadtbürgerschaft",
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
    # the heads and offices of a town's districts and of associations
    "Ortsvorsteher",
    "Ortsvorsteherin",
    "Ortsverwaltung",
    "Ortsamt",
    "Ortsamtsleiter",
    "Ortsamtsleiterin",
    "Bezirksamtsleiter",
    "Bezirksamtsleiterin",
    "Verbandsvorsteher",
    "Verbandsvorsteherin",
    "Verbandsverwaltung",
    "Geschäftsstelle",
    "Regionspräsident",
    "Regionspräsidentin",
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
    "Erziehungsberechtigte",
    "Erziehungsberechtigten",
    "Hundehalter",
    "Hundehalterinnen",
    "Anlieger",
    "Anliegerinnen",
    "Vermieter",
    "Vermieterinnen",
    "Steuerpflichtige",
    "Steuerpflichtigen",
    "Gebührenpflichtige",
    "Gebührenpflichtigen",
    "Bauwerber",
    "Bauwerberin",
    "Bauherr",
    "Bauherrin",
    "Käufer",
    "Käuferin",
    "Inhaber",
    "Inhaberinnen",
    "Teilnehmer",
    "Teilnehmende",
    "Jäger",
    "Landwirte",
    "Tierhalter",
)
PUBLIC_NOUN = one_of(PUBLIC)

#: An amendment or a counter-motion ("Änderungsantrag", "Zusatzantrag", "Gegenvorschlag"): its
#: fall leaves the motion's own fate to be told.
AMENDMENT = r"(?:Änderungs|Ergänzungs|Zusatz|Gegen|Alternativ)(?:antrag|anträge|vorschlag)"

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
    "Schuljahr",
    "Kindergartenjahr",
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
#: Words that ask someone to act (``wird beauftragt``, ``bittet den Magistrat``, ``möge``).
REQUEST_WORDS: tuple[str, ...] = (
    "beauftragt",
    "ersucht",
    "gebeten",
    "bittet",
    "bitten",
    "aufgefordert",
    "möge",
    "mögen",
)
#: Words of a paper to be produced (``ein Konzept zu erarbeiten``, ``einen Vorschlag``, ``in
#: einer Übersicht zusammenzustellen``): in an order, a report owed, though no report word says so.
DELIVERABLE_WORDS: tuple[str, ...] = (
    "ein Konzept",
    "ein Gesamtkonzept",
    "einen Vorschlag",
    "Vorschläge",
    "eine Übersicht",
    "eine Aufstellung",
    "zu erarbeiten",
    "zu erstellen",
    "auszuarbeiten",
    "zu entwickeln",
    "zusammenzustellen",
    "aufzuzeigen",
    "aufzulisten",
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

#: A council member's title before the name (``Stadträtin Anna Kellerer``, ``Kreistagsabgeordneter
#: Jan Claussen``): a speaker in a record, not the council or its administration.
MEMBER_TITLES: tuple[str, ...] = tuple(
    f"{stem}{end}"
    for stem, ends in (
        ("Stadtrat", ("",)),
        ("Stadträtin", ("",)),
        ("Ratsherr", ("",)),
        ("Ratsfrau", ("",)),
        ("Ratsmitglied", ("",)),
        ("Ortsratsmitglied", ("",)),
        ("Ortsbeiratsmitglied", ("",)),
        ("Ortsgemeinderatsmitglied", ("",)),
        ("Ausschussmitglied", ("",)),
        ("Kreistagsmitglied", ("",)),
        ("Kreisrat", ("",)),
        ("Kreisrätin", ("",)),
        ("Gemeinderat", ("",)),
        ("Gemeinderätin", ("",)),
        ("Ortschaftsrat", ("",)),
        ("Ortschaftsrätin", ("",)),
        ("Gemeindevertreter", ("", "in")),
        ("Kreistagsabgeordnete", ("", "r", "n")),
        ("Stadtverordnete", ("", "r", "n")),
        ("Bezirksverordnete", ("", "r", "n")),
        ("Abgeordnete", ("", "r", "n")),
        ("Bezirksabgeordnete", ("", "r", "n")),
    )
    for end in ends
)
MEMBER_TITLE = one_of(MEMBER_TITLES)
#: The abbreviations of those titles in minutes ("AM Kamps (CDU)", "StR Müller", "KTM
#: Vollrath"), read in their case only ("am", "gr" are words).
MEMBER_ABBREVIATIONS: tuple[str, ...] = (
    "AM", "RM", "StR", "SR", "GR", "KR", "StV", "BV", "GV", "KTA", "KTM",
)  # fmt: skip
#: A council member's title before the name, written out or abbreviated.
MEMBER_NAMED = "(?:" + MEMBER_TITLE + "|(?-i:" + one_of(MEMBER_ABBREVIATIONS) + "))"

#: The words a municipality is named with ("Stadt Bergkamen", "Landkreis Börde").
MUNICIPALITIES: tuple[str, ...] = (
    "Stadt",
    "Gemeinde",
    "Landkreis",
    "Kreis",
    "Markt",
    "Samtgemeinde",
    "Verbandsgemeinde",
    "Hansestadt",
    "Landeshauptstadt",
    "Bundesstadt",
    "Universitätsstadt",
    "Städteregion",
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
    "Bezirksregierung",
    "Landesverwaltungsamt",
    "Kommunalaufsicht",
    "Landesbetrieb",
    "Gericht",
    "Gesetzgeber",
    "EU",
    "Bundestag",
    "Landtag",
    "Senat",
    "Senatsverwaltung",
    "Bundesministerium",
    "Kultusministerium",
    "Innenministerium",
    "Umweltministerium",
    "Verkehrsministerium",
    "Finanzministerium",
    "Sozialministerium",
    "Mitgliedstaaten",
    "Landesstraßenbaubehörde",
    "Straßenbauverwaltung",
    # agencies, operators and offices of the Land or the Bund that act on their own
    "Behörde",
    "Agentur für Arbeit",
    "Bundesagentur für Arbeit",
    "Deutsche Bahn",
    "DB",
    "Netzbetreiber",
    "Polizei",
    "Polizeidirektion",
    "Polizeipräsidium",
    "Wasserwirtschaftsamt",
    "Schulamt",
    "Eisenbahn-Bundesamt",
    "Bundesnetzagentur",
    "Verkehrsverbund",
    "Verbund",
    # a company's own board
    "Aufsichtsrat",
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

#: The resolution formula of a motion: "Die BVV möge beschließen", "mögen ... beschliessen".
RESOLUTION_FORMULA = r"m[öo]ge[n]?\s+(?:\S+\s+){0,3}?beschlie(?:ß|ss)en"

#: Common German given names: a council word followed by one names a member
#: (``Ortschaftsrat Manfred Schneider``, ``Stadtrat Tim Wirth``), not the council.
GIVEN_NAMES: frozenset[str] = frozenset(
    [
        "Alexander",
        "Andrea",
        "Andreas",
        "Angelika",
        "Anja",
        "Anke",
        "Anna",
        "Annette",
        "Barbara",
        "Bernd",
        "Bernhard",
        "Birgit",
        "Brigitte",
        "Carsten",
        "Christa",
        "Christian",
        "Christiane",
        "Christina",
        "Christine",
        "Christoph",
        "Claudia",
        "Cornelia",
        "Daniel",
        "Daniela",
        "David",
        "Dennis",
        "Dieter",
        "Dirk",
        "Doris",
        "Elisabeth",
        "Elke",
        "Erich",
        "Erika",
        "Ernst",
        "Eva",
        "Florian",
        "Frank",
        "Franz",
        "Friedrich",
        "Gabriele",
        "Georg",
        "Gerd",
        "Gerhard",
        "Gisela",
        "Günter",
        "Günther",
        "Hannelore",
        "Hans",
        "Harald",
        "Heike",
        "Heinrich",
        "Heinz",
        "Helga",
        "Helmut",
        "Herbert",
        "Hermann",
        "Horst",
        "Hubert",
        "Ingrid",
        "Jan",
        "Jana",
        "Jens",
        "Joachim",
        "Johann",
        "Johannes",
        "Jörg",
        "Josef",
        "Jürgen",
        "Karin",
        "Karl",
        "Katharina",
        "Kathrin",
        "Klaus",
        "Kerstin",
        "Lars",
        "Lothar",
        "Ludwig",
        "Lukas",
        "Manfred",
        "Manuela",
        "Marco",
        "Marcus",
        "Maria",
        "Marion",
        "Markus",
        "Martin",
        "Martina",
        "Matthias",
        "Max",
        "Michael",
        "Monika",
        "Nicole",
        "Norbert",
        "Olaf",
        "Oliver",
        "Patrick",
        "Paul",
        "Peter",
        "Petra",
        "Rainer",
        "Ralf",
        "Regina",
        "Reinhard",
        "Renate",
        "Robert",
        "Roland",
        "Rolf",
        "Rudolf",
        "Sabine",
        "Sandra",
        "Sebastian",
        "Silke",
        "Simon",
        "Sonja",
        "Stefan",
        "Stefanie",
        "Steffen",
        "Stephan",
        "Susanne",
        "Sven",
        "Thomas",
        "Thorsten",
        "Tim",
        "Tobias",
        "Torsten",
        "Ulrich",
        "Ursula",
        "Ute",
        "Uwe",
        "Volker",
        "Walter",
        "Werner",
        "Wilhelm",
        "Wolfgang",
    ]
)


#: Parties and groups whose name in a text's head gives it a group's voice (a press release,
#: a group's report: ``tracker.documents.kinds.guessed_kind``); regex alternatives, in order.
PARTIES: tuple[str, ...] = (
    "SPD",
    "CDU",
    "CSU",
    "FDP",
    "AfD",
    "Grüne",
    "Grünen",
    r"Bündnis\s*90",
    "Linke",
    "FWG",
    r"Freie\s+Wähler",
    "UWG",
    "ÖDP",
    "Piraten",
    "BSW",
    "Fraktion",
)

#: The labels of a decision's result (``Beschluss: einstimmig``, ``Abstimmungsergebnis:
#: abgelehnt``): read by the layouts as a paper's decision, and in a record as the result of the
#: proposal above them.
DECISION_LABELS: tuple[str, ...] = (
    "Abstimmung",
    "Abst.-Erg.",
    "Abst.-Ergebnis",
    "Beschluss",
    "Beschlussart",
    "Beratungsergebnis",
    "Beschlussergebnis",
    "Ergebnis/Beschluss",
    "Ergebnis",
    "Abstimmungsergebnis",
    "Status",
)

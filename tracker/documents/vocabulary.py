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

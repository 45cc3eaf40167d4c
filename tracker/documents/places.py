"""Where a council sits: its Bundesland from the text (state names, postcodes, large cities).

Only clear evidence counts; :func:`state_of` returns None rather than guess.
"""

from __future__ import annotations

import re
from collections import Counter

from tracker.documents.text import one_of

_STATE_NAMES: tuple[tuple[str, str], ...] = (
    ("BW", r"Baden-Württemberg"),
    (
        "BY",
        r"Freistaat\s+Bayern|\bBayern\b|Bayerische[nrs]?\s+(?:Gemeindeordnung|Staats)|"
        r"\bBayGO\b",
    ),
    ("BE", r"\bvon\s+Berlin\b|\bLand\s+Berlin\b|Bezirksverordnetenversammlung|\bBVV\b"),
    ("BB", r"\bBrandenburg\b(?!\s+an\s+der)|Land\s+Brandenburg|\bBbgKVerf\b"),
    ("HB", r"Freie\s+Hansestadt\s+Bremen|Stadtbürgerschaft|\bBremische"),
    (
        "HH",
        r"Freie\s+und\s+Hansestadt\s+Hamburg|Bezirksversammlung|Bezirksamt\s+(?:Altona|"
        r"Eimsbüttel|Hamburg-Nord|Wandsbek|Bergedorf|Harburg|Hamburg-Mitte)",
    ),
    ("HE", r"\bHessen\b|Hessische[nrs]?\s+(?:Gemeindeordnung|Landes)|\bHGO\b"),
    ("MV", r"Mecklenburg-Vorpommern|\bKV\s+M-V\b|\bM-V\b"),
    ("NI", r"Niedersachsen|Niedersächsische[nrs]?|\bNKomVG\b"),
    ("NW", r"\bNRW\b|Nordrhein-Westfalen|\bGO\s+NW\b|\bGO\s+NRW\b"),
    ("RP", r"Rheinland-Pfalz"),
    ("SL", r"\bSaarland\b"),
    (
        "SN",
        r"Freistaat\s+Sachsen|Sächsische[nrs]?\s+(?:Gemeindeordnung|Landes|Staats)|\bSächsGemO\b",
    ),
    ("ST", r"Sachsen-Anhalt|\bKVG\s+LSA\b|\bLSA\b"),
    ("SH", r"Schleswig-Holstein|\bGO\s+SH\b"),
    ("TH", r"Thüringen|Thüringer\s+(?:Kommunalordnung|Landes)|Freistaat\s+Thüringen|\bThürKO\b"),
)
_STATE_PATTERNS = tuple((code, re.compile(p)) for code, p in _STATE_NAMES)

# The larger cities and districts, for documents that name only their council's seat.
_CITIES: dict[str, str] = {
    "Berlin": "BE",
    "Hamburg": "HH",
    "München": "BY",
    "Köln": "NW",
    "Frankfurt am Main": "HE",
    "Stuttgart": "BW",
    "Düsseldorf": "NW",
    "Leipzig": "SN",
    "Dortmund": "NW",
    "Essen": "NW",
    "Bremen": "HB",
    "Dresden": "SN",
    "Hannover": "NI",
    "Nürnberg": "BY",
    "Duisburg": "NW",
    "Bochum": "NW",
    "Wuppertal": "NW",
    "Bielefeld": "NW",
    "Bonn": "NW",
    "Münster": "NW",
    "Mannheim": "BW",
    "Karlsruhe": "BW",
    "Augsburg": "BY",
    "Wiesbaden": "HE",
    "Mönchengladbach": "NW",
    "Gelsenkirchen": "NW",
    "Aachen": "NW",
    "Braunschweig": "NI",
    "Kiel": "SH",
    "Chemnitz": "SN",
    "Halle (Saale)": "ST",
    "Magdeburg": "ST",
    "Freiburg im Breisgau": "BW",
    "Krefeld": "NW",
    "Mainz": "RP",
    "Lübeck": "SH",
    "Erfurt": "TH",
    "Oberhausen": "NW",
    "Rostock": "MV",
    "Kassel": "HE",
    "Hagen": "NW",
    "Potsdam": "BB",
    "Saarbrücken": "SL",
    "Hamm": "NW",
    "Ludwigshafen": "RP",
    "Oldenburg": "NI",
    "Mülheim an der Ruhr": "NW",
    "Osnabrück": "NI",
    "Leverkusen": "NW",
    "Darmstadt": "HE",
    "Heidelberg": "BW",
    "Solingen": "NW",
    "Herne": "NW",
    "Neuss": "NW",
    "Regensburg": "BY",
    "Paderborn": "NW",
    "Ingolstadt": "BY",
    "Offenbach am Main": "HE",
    "Würzburg": "BY",
    "Fürth": "BY",
    "Ulm": "BW",
    "Heilbronn": "BW",
    "Pforzheim": "BW",
    "Wolfsburg": "NI",
    "Göttingen": "NI",
    "Bottrop": "NW",
    "Reutlingen": "BW",
    "Koblenz": "RP",
    "Bremerhaven": "HB",
    "Recklinghausen": "NW",
    "Bergisch Gladbach": "NW",
    "Erlangen": "BY",
    "Jena": "TH",
    "Remscheid": "NW",
    "Trier": "RP",
    "Salzgitter": "NI",
    "Moers": "NW",
    "Siegen": "NW",
    "Hildesheim": "NI",
    "Cottbus": "BB",
    "Gütersloh": "NW",
    "Kaiserslautern": "RP",
    "Schwerin": "MV",
    "Witten": "NW",
    "Gera": "TH",
    "Iserlohn": "NW",
    "Zwickau": "SN",
    "Düren": "NW",
    "Esslingen am Neckar": "BW",
    "Ratingen": "NW",
    "Flensburg": "SH",
    "Lünen": "NW",
    "Marl": "NW",
    "Velbert": "NW",
    "Tübingen": "BW",
    "Dessau-Roßlau": "ST",
    "Konstanz": "BW",
    "Bamberg": "BY",
    "Bayreuth": "BY",
    "Neubrandenburg": "MV",
    "Greifswald": "MV",
    "Stralsund": "MV",
    "Weimar": "TH",
    "Frankfurt (Oder)": "BB",
    "Brandenburg an der Havel": "BB",
    "Plauen": "SN",
    "Görlitz": "SN",
    "Halle": "ST",
    "Freiburg": "BW",
    "Frankfurt": "HE",
    "Offenbach": "HE",
    "Mülheim": "NW",
    "Ludwigshafen am Rhein": "RP",
}
_CITY = re.compile(
    r"\b(?:Stadt|Landeshauptstadt|Hansestadt|Gemeinde|Kommune|in|von|der)\s+("
    + one_of(_CITIES)
    + r")(?![\w-])"
)

# Postcode regions (first two digits) that lie wholly or mostly in one state.
_POSTCODES: dict[str, str] = {}
for _codes, _state in (
    ("01 02 04 08 09", "SN"),
    ("03 14 15 16", "BB"),
    ("06 39", "ST"),
    ("07 98 99", "TH"),
    ("10 12 13", "BE"),
    ("17 18 19", "MV"),
    ("20 21 22", "HH"),
    ("23 24 25", "SH"),
    ("26 27 29 30 31 37 38 49", "NI"),
    ("28", "HB"),
    ("32 33 40 41 42 44 45 46 47 48 50 51 52 53 57 58 59", "NW"),
    ("34 35 36 60 61 63 64 65", "HE"),
    ("54 55 56 67", "RP"),
    ("66", "SL"),
    ("68 69 70 71 72 73 74 75 76 77 78 79 88", "BW"),
    ("80 81 82 83 84 85 86 87 90 91 92 93 94 95 96 97", "BY"),
):
    for _code in _codes.split():
        _POSTCODES[_code] = _state
# Regions whose first two digits are shared by two states, split by number.
_POSTCODE_RANGES: tuple[tuple[int, int, str], ...] = (
    (20000, 21149, "HH"),
    (21150, 21789, "NI"),
    (21790, 21999, "SH"),
    (22000, 22769, "HH"),
    (22770, 22999, "SH"),
    (27500, 27580, "HB"),
    (28000, 28779, "HB"),
    (19000, 19417, "MV"),
    (14000, 14199, "BE"),
    (4000, 4779, "SN"),
    (4780, 4999, "ST"),
    (6000, 6929, "ST"),
    (36400, 36469, "TH"),
    (63700, 63939, "BY"),
    (68500, 68649, "HE"),
    (89000, 89198, "BW"),
)
_POSTCODE = re.compile(r"(?<![\d.,/-])(\d{5})\s+[A-ZÄÖÜ][a-zäöüß]+")


def _postcode_state(code: int) -> str | None:
    for low, high, state in _POSTCODE_RANGES:
        if low <= code <= high:
            return state
    return _POSTCODES.get(f"{code:05d}"[:2])


def state_of(text: str, body: str | None) -> str | None:
    """The Bundesland named or implied by ``body`` and ``text``, or None."""
    for source in (body or "", text):
        votes: Counter[str] = Counter()
        for code, pattern in _STATE_PATTERNS:
            votes[code] += len(pattern.findall(source))
        for m in _CITY.finditer(source):
            votes[_CITIES[m.group(1)]] += 1
        if source is text:
            for m in _POSTCODE.finditer(source):
                region = _postcode_state(int(m.group(1)))
                if region:
                    votes[region] += 1
        ranked = [(n, code) for code, n in votes.items() if n]
        if ranked:
            ranked.sort(reverse=True)
            if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
                return ranked[0][1]
            return None
    return None

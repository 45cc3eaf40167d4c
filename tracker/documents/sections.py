"""The parts of a council document: narrative (Sachverhalt, Begründung) and operative
(Beschluss, Beschlussvorschlag, Antrag), found by their headings in any layout.

A heading is a line that is the heading word alone (numbered or not, with a qualifier of a
few words and a colon or nothing after it: ``2. Sachverhalt``, ``Begründung des Antrags:``,
``II. Beschlussvorschlag``) or a line that starts with the heading word and a colon
(``Sachverhalt: Die Verwaltung hat ...``). Words of either kind live in ``vocabulary.py``.
The reader of obligations (``obligations.operative_text``) ends a resolution at a narrative
heading in any of these forms (``2. Begründung``, ``II. Sachverhalt:``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from tracker.documents.text import one_of
from tracker.documents.vocabulary import COUNCIL, NARRATIVE_HEADINGS, OPERATIVE_HEADINGS

Role = Literal["narrative", "operative"]

_NUMBERING = r"(?:(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[A-Za-z])\s*[.)]\s*|\d{1,2}\s+)?"
_QUALIFIER = r"(?:\s+(?!(?:ist|sind|war|wird|wurde|hat|haben)\b)[\w/.,-]+){0,4}"


def _heading(words: Iterable[str]) -> re.Pattern[str]:
    alternative = one_of(words)
    return re.compile(
        r"^" + _NUMBERING + r"(?:" + alternative + r")" + _QUALIFIER + r"\s*:?\s*$"
        r"|^" + _NUMBERING + r"(?:" + alternative + r")\s*:\s*\S",
        re.IGNORECASE,
    )


_NARRATIVE = _heading(NARRATIVE_HEADINGS)
_OPERATIVE = _heading(OPERATIVE_HEADINGS)
# A resolution's own opening line ("Der Gemeinderat beschließt:", "möge beschließen").
_RESOLVES = re.compile(
    r"m[öo]ge[n]?\s+(?:\S+\s+){0,3}?beschlie(?:ß|ss)en|^(?:Der|Die|Das)\s+(?:"
    + COUNCIL
    + r"|[\w-]*[Aa]usschuss)\b[^.:]{0,80}\b(?:beschließt|beschloss|empfiehlt)\b",
    re.IGNORECASE,
)
#: Longest line read as a heading of its own (a heading with a colon and text may be longer).
_HEADING_LENGTH = 70


def heading_role(line: str) -> Role | None:
    """The role of the part a line opens, or None when the line is no heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 400:
        return None
    if _RESOLVES.search(stripped):
        return "operative"
    short = len(stripped) <= _HEADING_LENGTH
    for role, pattern in (("operative", _OPERATIVE), ("narrative", _NARRATIVE)):
        m = pattern.match(stripped)
        if m and (short or ":" in stripped[: m.end()]):
            return role  # type: ignore[return-value]
    return None

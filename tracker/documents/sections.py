"""The parts of a council document: narrative (Sachverhalt, Begründung) and operative
(Beschluss, Beschlussvorschlag, Antrag), found by their headings in any layout.

A heading is a line that is the heading word alone (numbered or not, with a qualifier of a
few words and a colon or nothing after it: ``2. Sachverhalt``, ``Begründung des Antrags:``,
``II. Beschlussvorschlag``) or a line that starts with the heading word and a colon
(``Sachverhalt: Die Verwaltung hat ...``). Words of either kind live in ``vocabulary.py``.
A part runs from its heading to the next heading of either kind; text before the first
heading belongs to no part. Reading is one pass over the lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from tracker.documents.text import one_of, sentences, squash
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


def _key(sentence: str) -> str:
    """A sentence's key: its last 80 characters, squashed (a heading glued to its first
    sentence changes only the sentence's start)."""
    return squash(sentence)[-80:]


def narrative_keys(text: str) -> frozenset[str]:
    """The keys of the sentences that lie in a narrative part of ``text``."""
    keys: set[str] = set()
    role: Role | None = None
    chunk: list[str] = []

    def close() -> None:
        if role == "narrative" and chunk:
            keys.update(_key(s) for s in sentences("\n".join(chunk)))

    for line in text.split("\n"):
        found = heading_role(line)
        if found is not None:
            close()
            role, chunk = found, []
            rest = line.split(":", 1)[1] if ":" in line else ""
            if rest.strip():
                chunk.append(rest)
            continue
        chunk.append(line)
    close()
    return frozenset(keys)


def in_narrative(sentence: str, keys: frozenset[str]) -> bool:
    """Whether ``sentence`` lies in a narrative part (``keys`` from :func:`narrative_keys`)."""
    return bool(keys) and _key(sentence) in keys

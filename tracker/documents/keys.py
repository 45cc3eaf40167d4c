"""The key a document's motion is recorded under when the document has no number of its own.

A TOP page or a minutes excerpt often names no Drucksachen-Nr. Its obligations are still
recorded, under a stable key: the body's meeting date and agenda item (``TOP 7.2 2024-03-14``)
when the text gives both, else the document's content hash (``Dokument 3fa2c1d09b1e``).
The same document again yields the same key, so ingesting it twice appends nothing.
"""

from __future__ import annotations

import re
from datetime import date

_TOP = re.compile(
    r"(?<![\w-])(?:TOP|Tagesordnungspunkt|TO-Punkt|Punkt)\s*(?:Nr\.?\s*)?:?\s*(?:[ÖN]\s*)?"
    r"(\d{1,3}(?:\.\d{1,3}){0,3})(?![\d,])",
    re.IGNORECASE,
)


def agenda_item(text: str) -> str | None:
    """The first agenda item number the text names (``TOP 7.2``, ``Tagesordnungspunkt 4``)."""
    m = _TOP.search(text[:4000])
    return m.group(1).rstrip(".") if m else None


def motion_key(reference: str | None, text: str, meeting: date | None, sha256: str) -> str:
    """The reference when there is one; else the meeting date and TOP; else the hash."""
    if reference:
        return reference
    top = agenda_item(text)
    if top and meeting is not None:
        return f"TOP {top} {meeting.isoformat()}"
    return f"Dokument {sha256[:12]}"

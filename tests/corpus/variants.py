"""Meaning-preserving variants of a council text (metamorphic checks, decision 0031).

A council the reader never saw writes the same facts in other clothes: dates with the month's
name or in ISO form, a page's furniture above and below the text, an export that puts a blank
line after every line, Windows line ends, non-breaking spaces. The reader should read a
variant as it reads the original; ``tests/integration/test_invariance.py`` holds it to that.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.documents.vocabulary import MONTHS as VOCABULARY_MONTHS

#: The month names by number (the vocabulary's, without the Austrian "Jänner").
MONTHS = tuple(m for m in VOCABULARY_MONTHS if m != "Jänner")
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def written_dates(text: str) -> str:
    """``31.12.2025`` -> ``31. Dezember 2025``."""

    def name(m: re.Match[str]) -> str:
        month = int(m.group(2))
        return f"{int(m.group(1))}. {MONTHS[month - 1]} {m.group(3)}" if 1 <= month <= 12 else m[0]

    return _NUMERIC.sub(name, text)


def iso_dates(text: str) -> str:
    """``31.12.2025`` -> ``2025-12-31``."""
    return _NUMERIC.sub(lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}", text)


def doubled_lines(text: str) -> str:
    """A blank line after every line, as some web exports give a PDF's page."""
    return text.replace("\n", "\n\n")


def page_furniture(text: str) -> str:
    """A portal's head and foot around the text: breadcrumb, reading aids, sharing, menu."""
    head = (
        "Sie sind hier: Startseite › Politik › Sitzungen\nSchriftgröße: A A A\n"
        "Zurück zur Übersicht\nFacebook Twitter WhatsApp E-Mail\n"
        "Seite empfehlen  Seite drucken\nKategorie: Aktuelles\nHauptmenü öffnen\n"
        "Leben & Wohnen\nDrucken | Teilen\n"
    )
    foot = "\nImpressum | Datenschutz | Barrierefreiheit\nNach oben\n"
    return head + text + foot


def windows_lines(text: str) -> str:
    return text.replace("\n", "\r\n")


def non_breaking_spaces(text: str) -> str:
    return text.replace(" ", "\u00a0")


VARIANTS: dict[str, Callable[[str], str]] = {
    "written_dates": written_dates,
    "iso_dates": iso_dates,
    "doubled_lines": doubled_lines,
    "page_furniture": page_furniture,
    "windows_lines": windows_lines,
    "non_breaking_spaces": non_breaking_spaces,
}

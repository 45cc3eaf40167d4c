"""Meaning-preserving variants of a council text (metamorphic checks, decisions 0031, 0032).

A council the reader never saw writes the same facts in other clothes: dates with the month's
name or in ISO form, a page's furniture above and below the text, an export that puts a blank
line after every line, Windows line ends, non-breaking spaces, a PDF's text with its long
lines wrapped or hyphenated and its page numbers between the pages. The reader should read a
variant as it reads the original; ``tests/integration/test_invariance.py`` holds it to that.
"""

from __future__ import annotations

import re
import textwrap
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


def _long_lines(text: str, breaker: Callable[[str], list[str]]) -> str:
    """``text`` with each line longer than 100 characters (a web page's paragraph) broken."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(breaker(line) if len(line) > 100 else [line])
    return "\n".join(out)


def wrapped_lines(text: str, width: int = 72) -> str:
    """A PDF's text of a web page: each long line (a paragraph) broken at ``width``."""
    return _long_lines(
        text,
        lambda line: textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False),
    )


def _hyphenated(line: str, width: int) -> list[str]:
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        if len(current) + len(word) + 1 > width and len(word) >= 10 and word.isalpha():
            cut = len(word) // 2
            out.append(f"{current} {word[:cut]}-".strip())
            current = word[cut:]
        elif len(current) + len(word) + 1 > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*out, current]


def hyphenated_lines(text: str, width: int = 70) -> str:
    """The same with long words hyphenated at the break ("Verwal-" / "tung")."""
    return _long_lines(text, lambda line: _hyphenated(line, width))


def page_breaks(text: str, every: int = 30) -> str:
    """A PDF's page numbers between its pages ("Seite 2 von 4")."""
    lines = text.split("\n")
    pages = len(lines) // every + 1
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and index % every == 0:
            out += ["", f"Seite {index // every + 1} von {pages}", ""]
        out.append(line)
    return "\n".join(out)


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
    "wrapped_lines": wrapped_lines,
    "hyphenated_lines": hyphenated_lines,
    "page_breaks": page_breaks,
}

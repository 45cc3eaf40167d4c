"""A mandate's span runs over the dot of an ordinal (``im 1. Quartal``, ``zum 30. Juni``)."""

from __future__ import annotations

from tracker.documents import extract_text

PAGE = """Auszug - Umbau der Stadtbibliothek

Gremium: Bau- und Planungsausschuss Beschlussart: ohne Änderungen beschlossen
Datum: Mi, 05.03.2025

Herr Beispiel stellt die Planung vor.

Beschluss:

{sentence}

Abstimmungsergebnis: einstimmig
"""


def _deadlines(sentence: str) -> list[tuple[str | None, str]]:
    found = extract_text(PAGE.format(sentence=sentence), name="auszug.txt").to_json()
    return [(d["date"], d["rule"]) for d in found["deadlines"]]


def test_a_passive_mandate_with_an_ordinal_quarter_binds() -> None:
    assert _deadlines("Der übrige Umbau ist im 1. Quartal 2027 abzuschließen.") == [
        ("2027-03-31", "quarter")
    ]


def test_the_span_still_ends_at_the_end_of_a_sentence() -> None:
    # a year's dot ends the sentence: the next one's infinitive is not this one's mandate
    sentences = "Der Umbau ist ein Projekt im Jahr 2027. Geplant ist, ihn abzuschließen."
    assert _deadlines(sentences) == []

"""Decision wording -> outcome, and decisions read from their labelled place."""

from __future__ import annotations

import pytest

from tracker.documents import extract_text
from tracker.documents.outcomes import outcome_of


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a participle used as an attribute describes a thing, not the outcome
        ("Der Marktgemeinderat beschließt die vom Ausschuss empfohlenen Straßen.", "adopted"),
        ("Der Rat bestätigt den abgelehnten Antrag nicht erneut zu beraten.", "adopted"),
        ("Die Angelegenheit wird zur Beratung empfohlen.", "recommended"),
        ("Der Antrag wird abgelehnt.", "rejected"),
        ("Ergebnis: Zurückstellung", "deferred"),
    ],
)
def test_the_outcome_a_wording_states(text: str, outcome: str) -> None:
    assert outcome_of(text) == outcome


def test_an_abbreviated_vote_label_states_the_decision() -> None:
    text = "TOP 4 Haushaltssatzung 2017\nAbst.-Erg.: einstimmig dafür\n"
    decision = extract_text(text, name="a.txt").decision
    assert decision is not None and decision.outcome == "adopted"

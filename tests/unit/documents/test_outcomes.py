"""Decision wording -> outcome, and decisions read from their labelled place."""

from __future__ import annotations

import pytest

from tracker.documents import extract_text
from tracker.documents.decisions import council_present
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


def test_an_agreement_with_a_long_object_is_adopted() -> None:
    text = (
        "Die Gemeindevertretung stimmt einstimmig dem Verkauf des Baugrundstückes Gemarkung Au "
        "Flur 18 Nr. 58/7, 594 qm, an Herrn Krämer zum Kaufpreis von 90 EUR/m², insgesamt "
        "53.460 EUR zu."
    )
    decision = council_present(text)
    assert decision is not None and decision.outcome == "adopted"


def test_an_agreement_does_not_reach_into_the_next_sentence() -> None:
    text = "Der Ausschuss stimmt der Sache. Die Verwaltung sagt Prüfung zu."
    assert council_present(text) is None


def test_a_report_on_a_session_records_its_decisions() -> None:
    text = (
        "Kurzbericht über die Sitzung der Gemeindevertretung Au am 4. Februar 2019\n"
        "1. Verkauf des Bauplatzes\nDie Gemeindevertretung stimmt einstimmig dem Verkauf des "
        "Bauplatzes an Herrn Krämer zum Kaufpreis von 90 EUR/m², insgesamt 53.460 EUR zu.\n"
    )
    extraction = extract_text(text, name="k.txt")
    assert extraction.kind == "Bericht"
    assert extraction.decision is not None and extraction.decision.outcome == "adopted"

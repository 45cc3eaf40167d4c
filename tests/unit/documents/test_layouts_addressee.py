"""Who a document asks to act, read from the document as a whole when no operative sentence
named anyone."""

from __future__ import annotations

import pytest

from tracker.documents import extract_text
from tracker.documents.layouts import addressed_party
from tracker.documents.obligations import addressee_of


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Die Verwaltung wird ermächtigt, in begründeten Einzelfällen abzuweichen.", "Verwaltung"),
        ("Der Magistrat wird ferner gebeten, die Pläne vorzustellen.", "Magistrat"),
        (
            "Der Stadtrat beauftragt den Oberbürgermeister mit den Verhandlungen.",
            "Oberbürgermeister",
        ),
        ("Sehr geehrter Herr Oberbürgermeister,\nwir fragen an:", "Oberbürgermeister"),
        ("Sehr geehrte Frau Bürgermeisterin Weber,\nwir fragen an:", "Bürgermeisterin"),
        (
            "In einem Antrag haben die Fraktionen die Verwaltung um Erarbeitung eines Konzeptes "
            "gebeten.",
            "Verwaltung",
        ),
        (
            "Dafür werden Verwaltung und Planer beauftragt, die Planung voranzutreiben.",
            "Verwaltung",
        ),
        # empowered, an infinitive item, a task put with a modal
        (
            "Gleichzeitig wurde die Verwaltung ermächtigt, den Förderantrag einzureichen.",
            "Verwaltung",
        ),
        (
            "1. Der Auftrag wird vergeben und ermächtigt den Bürgermeister zur Vergabe.",
            "Bürgermeister",
        ),
        ("8. die Verwaltung beauftragen, die Verträge vorzulegen", "Verwaltung"),
        ("Des Weiteren soll die Verwaltung Geld für die Lampen einplanen.", "Verwaltung"),
    ],
)
def test_the_party_asked_to_act(text: str, party: str) -> None:
    assert addressed_party(text) == party


@pytest.mark.parametrize(
    "text",
    [
        "Sehr geehrter Herr Vorsitzender,\nwir bitten um Beratung.",  # not the administration
        "Die Verwaltung hat im Mai berichtet.",  # a report, nobody asked
        "Der Rat wird gebeten, zuzustimmen.",  # the council is not addressed by its own text
    ],
)
def test_no_party_asked(text: str) -> None:
    assert addressed_party(text) is None


def test_the_document_addressee_falls_back_to_the_party_asked() -> None:
    text = "Schulentwicklungsplan\nDie Verwaltung wird ermächtigt, Ausnahmen zuzulassen.\n"
    assert extract_text(text, name="s.txt").addressee == "Verwaltung"


def test_an_administration_empowered_in_an_infinitive_is_the_addressee() -> None:
    from tracker.documents.layouts import addressed_party

    text = "Sie fassen den Beschluss, die Verwaltung zu ermächtigen, eine Analyse zu machen."
    assert addressed_party(text) == "Verwaltung"


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("Der Ortsbeirat schlägt die Einebnung vor, der Bauhof wird gebeten, Erde aufzufüllen.",
         "Bauhof"),
        ("Der Rat hat den Grundsatzbeschluss gefasst und die Verwaltung beauftragt, die "
         "erforderlichen Schritte bis Ende 2013 einzuleiten.", "Verwaltung"),
    ],
)  # fmt: skip
def test_the_party_asked_in_a_clause_of_its_own(sentence: str, party: str) -> None:
    assert addressee_of(sentence) == party


def test_a_session_before_a_passive_request_is_no_party() -> None:
    sentence = "In der nächsten Sitzung, die Fördervoraussetzungen zu erfüllen, wird gebeten."
    assert addressee_of(sentence) is None

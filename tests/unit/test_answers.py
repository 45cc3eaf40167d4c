"""Reading whom a document answers and whether it is non-public (tracker.documents.answers):
one test per rule with the phrase it reads, and the phrases it must leave alone."""

from __future__ import annotations

from tracker.documents import extract_text
from tracker.documents.answers import Answer, find_answers, find_marks, find_non_public


def only(text: str) -> Answer:
    (answer,) = find_answers(text)
    return answer


def test_in_erledigung_is_a_final_answer() -> None:
    a = only("In Erledigung der Drucksache Nr. 1263/IV wird mitgeteilt:")
    assert (a.reference, a.kind, a.rule) == ("1263/IV", "final", "in_erledigung")
    assert a.phrase == "In Erledigung der Drucksache Nr. 1263/IV"


def test_in_erledigung_reads_past_a_dated_session_and_a_dash() -> None:
    a = only(
        "In Erledigung des in der Fortsetzung der 14. Sitzung am 18.04.2018 angenommenen "
        "Ersuchens der Bezirksverordnetenversammlung – Drucksache Nr.: VIII-0431 wird berichtet"
    )
    assert (a.reference, a.kind) == ("VIII-0431", "final")


def test_zwischenbericht_is_interim() -> None:
    a = only("Zwischenbericht zur Drucksache 22-4292\n\nDas Bezirksamt teilt mit ...")
    assert (a.reference, a.kind, a.rule) == ("22-4292", "interim", "zwischenbericht")


def test_an_interim_word_later_in_the_sentence_or_in_the_header_makes_it_interim() -> None:
    a = only("In Erledigung des Beschlusses vom 20.02.2014 (Drs. 1263/IV) wird als Zwischenbericht")
    assert a.kind == "interim"
    a = only("Zwischenbericht\nBetreff: Konferenz\nIn Erledigung der Drucksache 1263/IV:")
    assert a.kind == "interim"


def test_schlussbericht_at_the_start_of_a_line_is_final() -> None:
    a = only("Schlussbericht zu Drs. 2017/FB3/0433")
    assert (a.reference, a.kind, a.rule) == ("2017/FB3/0433", "final", "schlussbericht")


def test_a_schlussbericht_mentioned_inside_a_sentence_is_no_answer() -> None:
    text = "Die BVV hebt den Beschluss zum Schlussbericht zur Drucksache VIII-0307 auf."
    assert find_answers(text) == ()


def test_vorlage_zur_kenntnisnahme_nach_13_bezvg_answers_the_drucksache_it_names() -> None:
    a = only(
        "Vorlage zur Kenntnisnahme gemäß § 13 BezVG\nBetreff: Integrationskonferenz\n"
        "Die BVV hat am 20.02.2014 folgendes Ersuchen beschlossen (Drucksache Nr. 1263/IV):"
    )
    assert (a.reference, a.kind, a.rule) == ("1263/IV", "final", "kenntnisnahme_13")


def test_a_stellungnahme_or_mitteilung_naming_the_antrag_answers_it() -> None:
    a = only("Stellungnahme der Behörde zum Auskunftsersuchen der SPD-Fraktion, Drucksache 22-4292")
    assert (a.reference, a.rule) == ("22-4292", "stellungnahme")
    a = only("Mitteilung des Bezirksamtes zur Drucksache VI-A-03824-VSP-01")
    assert a.reference == "VI-A-03824-VSP-01"


def test_each_reference_is_answered_once_in_order() -> None:
    text = (
        "In Erledigung der Drucksache 2/IV und der Drucksache 1/IV.\n"
        "Zwischenbericht zur Drucksache 1/IV\n"
        "In Erledigung der Drucksache 1/IV"
    )
    assert [a.reference for a in find_answers(text)] == ["2/IV", "1/IV"]


def test_non_public_is_read_from_the_header_only() -> None:
    assert (
        find_non_public("Drucksache - 1/IV\nStatus:nichtöffentlich\n") == "Status:nichtöffentlich"
    )
    assert find_non_public("22-4292\nTitel\nAntrag nichtöffentlich\n") == "Antrag nichtöffentlich"
    assert find_non_public("Öffentlichkeitsstatus: nicht öffentlich") is not None
    assert find_non_public("Beratung in nichtöffentlicher Sitzung") is not None
    assert find_non_public("Status:öffentlich\nAntrag öffentlich") is None
    assert find_non_public("41. öffentliche/nicht öffentliche Sitzung der Stadtvertretung") is None
    assert find_non_public("\n" * 50 + "Status: nichtöffentlich") is None


def test_the_extraction_carries_the_marks() -> None:
    extraction = extract_text(
        "Drucksache - 1300/IV\nStatus:nichtöffentlich\nIn Erledigung der Drucksache 1263/IV",
        name="x.txt",
    )
    assert extraction.marks == find_marks(
        "Drucksache - 1300/IV\nStatus:nichtöffentlich\nIn Erledigung der Drucksache 1263/IV"
    )
    assert extraction.marks is not None and extraction.marks.non_public == "Status:nichtöffentlich"

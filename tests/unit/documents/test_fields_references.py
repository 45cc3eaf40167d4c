"""References read by the labels that carry them."""

from __future__ import annotations

import pytest

from tracker.documents.fields import find_reference


@pytest.mark.parametrize(
    ("line", "reference"),
    [
        ("Bürgerschaft vom 20.09.2018, Vorlage Nr.: AN 0088/2018", "AN 0088/2018"),
        ("Drucksache: BV 12/2020", "BV 12/2020"),
        ("Vorlage Nr.: 0088/2018", "0088/2018"),
    ],
)
def test_a_series_prefix_after_a_label_belongs_to_the_number(line: str, reference: str) -> None:
    found = find_reference(["Anträge", line])
    assert found is not None and found.value == reference


def test_a_word_after_the_label_is_no_prefix() -> None:
    found = find_reference(["Vorlage Nr.: 1557 vom 21.10.2008"])
    assert found is not None and found.value == "1557"


@pytest.mark.parametrize(
    "line",
    [
        "Mitnutzung des Mastes auf dem Grundstück Fl.Nr. 1844, Gmkg. Stadelhofen; Beschluss",
        "Bauantrag für das Flurstück Nr. 470/57 in der Ortsmitte",
        "Sanierung Haus Nr. 12 an der Hauptstraße",
    ],
)
def test_a_parcels_or_houses_number_is_no_reference(line: str) -> None:
    assert find_reference([line]) is None


@pytest.mark.parametrize(
    ("lines", "reference"),
    [
        (["VO/2018/095/02GV Beratung und Beschluss zum Erlass einer Nachtragssatzung"],
         "VO/2018/095/02GV"),
        (["Sitzung der Gemeindevertretung", "0157/17HA/2011 Beschluss zur Erhöhung"],
         "0157/17HA/2011"),
    ],
)  # fmt: skip
def test_a_part_of_digits_and_a_series_letters_belongs_to_the_number(
    lines: list[str], reference: str
) -> None:
    found = find_reference(lines)
    assert found is not None and found.value == reference


def test_the_number_of_the_councils_paper_is_labelled_so() -> None:
    found = find_reference(["Az: 32-51-26 Rei. Nr. der Ratsdrucksache: 77-X ______"])
    assert found is not None and found.value == "77-X"


def test_a_series_letters_apart_before_a_title_lead_the_number() -> None:
    found = find_reference(["Die Linke", "BV 600/2023: Neufassung der Kitagebührensatzung"])
    assert found is not None and (found.value, found.rest) == (
        "BV 600/2023",
        "Neufassung der Kitagebührensatzung",
    )
    assert find_reference(["TOP 5/2023: Haushalt"]) is None


@pytest.mark.parametrize(
    ("line", "reference"),
    [
        # München: the term, the series' letter and the number
        ("Antrag Nr. 20-26 / A 04872", "20-26 / A 04872"),
        # Bremen: the chamber's letter after the number
        ("Drucksache 21/345 S", "21/345 S"),
        # Leipzig: an amendment's suffix with an umlaut
        ("Änderungsantrag Nr. VII-DS-09876-ÄA-02", "VII-DS-09876-ÄA-02"),
        # Kassel: dotted
        ("Vorlage Nr. 101.19.1234", "101.19.1234"),
    ],
)
def test_the_numbering_of_other_cities_is_read_whole(line: str, reference: str) -> None:
    found = find_reference(["Stadt", line])
    assert found is not None and found.value.replace(" / ", "/") == reference.replace(" / ", "/")

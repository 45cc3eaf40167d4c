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

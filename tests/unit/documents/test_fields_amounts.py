"""Euro amounts in tables whose unit is declared once, in a header line."""

from __future__ import annotations

import pytest

from tracker.documents.amounts import find_amounts, table_amounts


def test_cells_of_a_table_declared_in_euro_are_amounts() -> None:
    text = (
        "Anlage 1\nMittelanmeldung 2026\n- in € -5,0% - in € -\n"
        "Verlustabdeckung KVV3.000.000150.0002.850.000\n"
        "Betriebskostenzuschuss KEK (THH3100) 209.00010.450198.550\n"
    )
    assert find_amounts(text) == [3000000, 150000, 2850000, 209000, 10450, 198550]


def test_a_column_unit_line_declares_the_table() -> None:
    text = "Kosten HJ 2025\nEUROEUROEURO\nSumme Kosten 21.528,08        12.891.318\n"
    assert find_amounts(text) == [21528.08, 12891318]


@pytest.mark.parametrize(
    "text",
    [
        # no unit header: grouped numbers are counts, not money
        "Einwohner 12.345\nFläche 3.500.000 m²\n",
        # the unit in running text is not a table's header
        "Die Kosten in Euro werden im Haushalt 2025 veranschlagt.\nEinwohner 12.345\n",
    ],
)
def test_without_a_unit_header_no_cell_is_money(text: str) -> None:
    assert table_amounts(text) == []
    assert find_amounts(text) == []


def test_a_number_run_into_a_year_is_not_split_at_random() -> None:
    # "Plan 202546.561.393": where the number starts is unknown, so it is left out
    assert find_amounts("in EUR\nGesamtergebnis Plan 202546.561.393\n") == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("30.000,– € Planungskosten", 30000.0),
        ("Zuschüsse von je 250,– €uro gewährt", 250.0),
        ("109.000, -- EUR für allgemeine Bauunterhaltung", 109000.0),
        ("ein Betrag von 100,— Euro", 100.0),
    ],
)
def test_no_cents_written_with_any_dash(text: str, amount: float) -> None:
    assert find_amounts(text) == [amount]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("von der Energierücklage von 380 Mill. Euro", [380000000.0]),
        ("eine Million Euro für die Schulen", [1000000.0]),
        ("zwei Millionen Euro", [2000000.0]),
        ("die Gebühr wird von 96 auf 120 Euro angehoben", [96.0, 120.0]),
        ("die Umlage steigt im Jahr 2013 auf 200.756,23 EUR", [200756.23]),
    ],
)
def test_millions_in_words_and_a_changes_old_value(text: str, amounts: list[float]) -> None:
    assert find_amounts(text) == amounts

"""Tables at a terminal's width: titles and names give way, references and dates stay whole."""

from __future__ import annotations

from console.render.output import render_table

ROWS = [
    {
        "reference": "2025/BV/0087",
        "office": "Fachbereich 4 - Schule und Sport",
        "initiator": "Fraktion Bündnis 90/Die Grünen",
        "kind": "completion",
        "due": "2025-09-01",
        "status": "overdue",
        "days": "+461",
        "rag": "red",
        "title": "Sanierungsprogramm Schulsporthallen 2025-2027",
    }
]
COLUMNS = list(ROWS[0])


def test_references_and_dates_stay_whole_at_80_columns() -> None:
    table = render_table(ROWS, COLUMNS, width=80)
    assert all(len(line) <= 80 for line in table.splitlines())
    row = table.splitlines()[2]
    assert "2025/BV/0087" in row and "2025-09-01" in row and "completion" in row
    assert "Sanierung" in row and "…" in row


def test_the_least_needed_columns_go_before_everything_is_cut() -> None:
    table = render_table(ROWS, COLUMNS, width=80)
    head = table.splitlines()[0]
    assert "initiator" not in head and "title" in head


def test_a_wide_terminal_shows_everything_whole() -> None:
    table = render_table(ROWS, COLUMNS, width=200)
    assert "Fraktion Bündnis 90/Die Grünen" in table and "…" not in table

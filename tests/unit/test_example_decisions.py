"""The shipped examples (issue 17, found by a new user): 2025/BV/0087 is decided
("ungeändert beschlossen" in a one-line Beratungsfolge row), 2025/0156 with its date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker.documents import extract_file, extract_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_2025_bv_0087_reads_each_one_line_row_of_its_beratungsfolge() -> None:
    e = extract_file(EXAMPLES / "musterstadt-beschlussvorlage-2025-BV-0087.txt")
    assert [(c.committee, c.date, c.role, c.result) for c in e.consultations] == [
        ("Schulausschuss", date(2025, 1, 29), "Vorberatung", "empfohlen"),
        ("Rat der Stadt Musterstadt", date(2025, 2, 13), "Entscheidung", "ungeändert beschlossen"),
    ]
    assert e.decision is not None
    assert (e.decision.outcome, e.decision.date) == ("adopted", date(2025, 2, 13))


def test_2025_0156_takes_its_decision_date_and_committee_from_the_meeting_labels() -> None:
    e = extract_file(EXAMPLES / "musterstadt-auszug-bauausschuss-2025-0156.txt")
    assert e.decision is not None
    assert (e.decision.outcome, e.decision.date, e.decision.committee) == (
        "adopted", date(2025, 3, 5), "Bau- und Planungsausschuss",
    )  # fmt: skip


def test_a_row_without_a_role_word_is_left_as_it_was_read() -> None:
    e = extract_text(
        "Drucksache 1/2025\nBeratungsfolge:\nRat 13.02.2025 beschlossen\n\nSachverhalt\n",
        name="x.txt",
    )
    assert all(c.role is None for c in e.consultations)

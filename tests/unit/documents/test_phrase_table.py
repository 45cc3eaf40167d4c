"""The grammar against a table of how councils write a limit (decision 0032).

``tests/data/phrases/limits.tsv`` lists phrasings of time limits gathered by sweeping the
grammar with systematic variants (months, quarters, seasons, sessions, relative years and
months, school and budget events, soft urgency), each with the terms it must yield in an
operative sentence of a resolution dated 12 March 2025. A change that reads one of them
otherwise shows here, row by row.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.documents.grammar import DateContext, find_terms

TABLE = Path(__file__).resolve().parents[2] / "data" / "phrases" / "limits.tsv"
DECIDED = DateContext(decision_date=date(2025, 3, 12))


def _rows() -> list[tuple[str, str]]:
    rows = []
    for line in TABLE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, expected = line.split("\t")
            rows.append((phrase, expected))
    return rows


def test_the_table_covers_the_families_of_limits() -> None:
    assert len(_rows()) >= 150


@pytest.mark.parametrize(("phrase", "expected"), _rows())
def test_each_phrasing_of_a_limit_is_read_as_listed(phrase: str, expected: str) -> None:
    terms = find_terms(
        f"Die Verwaltung wird beauftragt, {phrase} einen Bericht vorzulegen.", DECIDED
    )
    got = "; ".join(f"{t.rule}={t.date or '-'}" for t in terms) if terms else "-"
    assert got == expected

"""``--as-of`` on a document that names no council date (issue 17, both backends): its
facts are dated by the date the document bears, not by the day it was ingested."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

UNDATED = """Antrag Nr. 2026/0007
Datum: 05.01.2026

Betreff: Bänke im Stadtpark

Die Verwaltung wird beauftragt, bis zum 13.02.2026 zehn Bänke aufzustellen.
"""


def test_as_of_the_day_before_ingesting_still_lists_the_overdue_item(
    run: Invoke, tmp_path: Path
) -> None:
    doc = tmp_path / "2026-0007.txt"
    doc.write_text(UNDATED, encoding="utf-8")
    code, _, err = run("ingest", str(doc), "--state", "BE", now="2026-03-01T10:00")
    assert code == 0, err

    for day in ("2026-02-28", "2026-03-01"):
        code, out, _ = run("overdue", "--as-of", day, "--format", "json", now="2026-03-01T10:00")
        assert [i["reference"] for i in json.loads(out)["items"]] == ["2026/0007"], day
    code, out, _ = run("overdue", "--as-of", "2026-01-04", "--format", "json")
    assert json.loads(out)["total"] == 0  # before the document's own date it did not exist
    code, out, _ = run("log", "--format", "jsonl")
    assert {json.loads(line)["effective"] for line in out.splitlines()} == {"2026-01-05"}

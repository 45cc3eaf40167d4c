"""A document whose header says nichtöffentlich is recorded as a non-public motion (both
backends), and a person's marking is not undone by ingesting the document again."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

NON_PUBLIC = """Drucksache - 1300/IV

Betreff: Personalangelegenheit Grünflächenamt
Status:nichtöffentlich
Initiator:Fraktion Die Linke
Drucksache-Art:Antrag
Beratungsfolge:
BVV Mitte von Berlin Entscheidung
20.02.2014
28. Sitzung der BVV Mitte von Berlin ohne Änderungen in der BVV beschlossen

Die Bezirksverordnetenversammlung möge beschließen:

Das Bezirksamt wird ersucht, bis zum 30.06.2014 zu berichten.
"""


def test_a_non_public_document_never_reaches_a_public_listing(run: Invoke, tmp_path: Path) -> None:
    doc = tmp_path / "1300.txt"
    doc.write_text(NON_PUBLIC, encoding="utf-8")
    code, _, err = run("ingest", str(doc), now="2014-03-01T10:00")
    assert code == 0, err

    code, out, _ = run("overdue", "--format", "json", now="2014-08-01T10:00")
    (item,) = json.loads(out)["items"]
    assert (item["reference"], item["public"], item["fraktion"]) == (
        "1300/IV", False, "Fraktion Die Linke",
    )  # fmt: skip
    code, out, _ = run("overdue", "--public", "--format", "json", now="2014-08-01T10:00")
    assert json.loads(out)["total"] == 0
    code, out, _ = run("log", "--format", "jsonl")
    (mark,) = [json.loads(line) for line in out.splitlines() if "VisibilityChanged" in line]
    assert mark["data"]["reason"] == "document: Status:nichtöffentlich"

    # a person decides it may be public; ingesting the document again does not undo that
    code, _, err = run("visibility", "1300/IV", "--public", "--reason", "Beschluss öffentlich")
    assert code == 0, err
    code, _, err = run("ingest", str(doc), now="2014-03-02T10:00")
    assert code == 0, err
    code, out, _ = run("overdue", "--public", "--format", "json", now="2014-08-01T10:00")
    assert json.loads(out)["total"] == 1

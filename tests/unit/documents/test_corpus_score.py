"""The real council documents in tests/data/documents score at least 0.9.

Documents without a Drucksachen-Nr. of their own (``reference: null`` in expected.jsonl) are
bad input on purpose: extract_file must refuse them; the score is taken on the lenient
extraction (``require_reference=False``), which reads them too.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.documents import extract_file
from tracker.errors import NoReference

from .test_seed_score import shared_or_skip

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "data" / "documents"


def truths() -> list[dict[str, object]]:
    expected = CORPUS / "expected.jsonl"
    if not expected.is_file():
        pytest.skip(f"no annotated corpus at {expected}")
    return [
        json.loads(line)
        for line in expected.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_documents_without_their_own_reference_are_refused() -> None:
    for truth in truths():
        path = CORPUS / str(truth["file"])
        if truth.get("reference") is None:
            with pytest.raises(NoReference):
                extract_file(path)
        else:
            assert extract_file(path).reference


def test_the_corpus_scores_at_least_0_9(tmp_path: Path) -> None:
    shared = shared_or_skip()
    predictions = tmp_path / "pred.jsonl"
    with predictions.open("w", encoding="utf-8") as out:
        for truth in truths():
            extraction = extract_file(CORPUS / str(truth["file"]), require_reference=False)
            out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score_extraction.py"),
            str(CORPUS / "expected.jsonl"),
            str(predictions),
            "--min-score",
            "0.9",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    score = re.search(r"score: ([\d.]+)", result.stdout)
    assert result.returncode == 0 and score is not None, result.stdout + result.stderr

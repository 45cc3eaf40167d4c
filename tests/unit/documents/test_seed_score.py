"""The five shared seeds extract to score 1.000 with the project's scorer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.documents import extract_file

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO / ".." / "shared"


def shared_or_skip() -> Path:
    if SHARED.is_dir():
        return SHARED
    reason = f"the shared seeds and scorer are not here ({SHARED.resolve()})"
    if os.environ.get("CI") == "true":
        pytest.fail(reason + "; CI=true requires them")
    pytest.skip(reason)


def test_the_seeds_score_one(tmp_path: Path) -> None:
    shared = shared_or_skip()
    predictions = tmp_path / "pred.jsonl"
    with predictions.open("w", encoding="utf-8") as out:
        for seed in sorted((shared / "seeds").glob("*.txt")):
            out.write(json.dumps(extract_file(seed).to_json(), ensure_ascii=False) + "\n")
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score_extraction.py"),
            str(shared / "seeds" / "expected.jsonl"),
            str(predictions),
            "--verbose",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "score: 1.000", result.stdout

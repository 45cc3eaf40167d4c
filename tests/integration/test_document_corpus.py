"""The reader against real council documents annotated by hand (tests/data/documents/).

Documents annotated with a reference are scored with the shared scorer as ``tracker extract``
reads them and must reach 0.9; all documents, read leniently (``require_reference=False``),
must reach 0.9 too; those annotated without a reference must be refused with
:class:`NoReference`. The invented examples shipped for the quick start are scored too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.documents import extract_file
from tracker.errors import NoReference

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "documents"
SCORER_NAME = "score_extraction.py"


def truths(folder: Path) -> list[dict[str, object]]:
    lines = (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score(shared_dir: Path, folder: Path, tmp_path: Path, *, lenient: bool = False) -> str:
    wanted = [t for t in truths(folder) if lenient or t.get("reference")]
    truth_file = tmp_path / "truth.jsonl"
    truth_file.write_text("".join(json.dumps(t) + "\n" for t in wanted), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for t in wanted:
            extraction = extract_file(folder / str(t["file"]), require_reference=not lenient)
            out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    done = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / SCORER_NAME), str(truth_file), str(pred),
         "--verbose"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def last_score(report: str) -> float:
    return float(report.strip().splitlines()[-1].removeprefix("score:").strip())


def test_the_corpus_has_at_least_thirty_real_documents() -> None:
    annotated = truths(CORPUS)
    assert len(annotated) >= 30
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for t in annotated:
        assert (CORPUS / str(t["file"])).is_file()
        assert str(t["file"]) in sources, f"{t['file']} has no source"


def test_the_corpus_scores_at_least_nine_tenths(shared_dir: Path, tmp_path: Path) -> None:
    report = score(shared_dir, CORPUS, tmp_path)
    assert last_score(report) >= 0.9, report


def test_the_whole_corpus_read_leniently_scores_at_least_nine_tenths(
    shared_dir: Path, tmp_path: Path
) -> None:
    report = score(shared_dir, CORPUS, tmp_path, lenient=True)
    assert last_score(report) >= 0.9, report


@pytest.mark.parametrize("name", [str(t["file"]) for t in truths(CORPUS) if not t.get("reference")])
def test_documents_without_a_reference_are_refused(name: str) -> None:
    with pytest.raises(NoReference):
        extract_file(CORPUS / name)


def test_the_shipped_examples_extract_as_annotated(shared_dir: Path, tmp_path: Path) -> None:
    report = score(shared_dir, REPO / "examples", tmp_path)
    assert last_score(report) >= 0.9, report

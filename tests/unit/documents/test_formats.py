"""Given one seed as .txt, .html and .pdf, then the same facts from each."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.documents import extract_file

FORMATS = Path(__file__).resolve().parents[3] / "tests" / "data" / "seeds_formats"
SEEDS = sorted(p.stem for p in FORMATS.glob("0*.txt"))


def facts(path: Path) -> dict[str, object]:
    data = extract_file(path).to_json()
    decision = data["decision"]
    return {
        "reference": data["reference"],
        "title": data["title"],
        "kind": data["kind"],
        "body": data["body"],
        "state": data["state"],
        "addressee": data["addressee"],
        "decision": decision["outcome"] if isinstance(decision, dict) else None,
        "deadlines": [(d["date"], d["window_start"]) for d in data["deadlines"]],  # type: ignore[attr-defined,index]
        "reports": [(r["recurrence"], r["due"]) for r in data["reports"]],  # type: ignore[attr-defined,index]
        "amounts": data["amounts_eur"],
    }


def test_the_seeds_come_in_three_formats() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("suffix", [".html", ".pdf"])
def test_html_and_pdf_extract_to_the_same_facts_as_the_text(seed: str, suffix: str) -> None:
    assert facts(FORMATS / f"{seed}{suffix}") == facts(FORMATS / f"{seed}.txt")

"""The annotated corpus of real council documents, and its frozen dev/test split.

``tests/data/documents/`` is the corpus the reader was built on: all of it is ``dev``.
``tests/data/corpus/<batch>/`` holds later batches (documents, ``expected.jsonl``,
``SOURCES.md``), annotated before the reader ran on them. Each of their documents falls into
``test`` or ``dev`` by the SHA-256 of its file name (:func:`split_of`): the rule is fixed, so
the split is frozen and grows with every batch, and no one chooses which documents test the
reader. Only the aggregate scores of ``test`` are looked at; its failures are not read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

REPO = Path(__file__).resolve().parents[2]
LEGACY = REPO / "tests" / "data" / "documents"
BATCHES = REPO / "tests" / "data" / "corpus"

Split = Literal["dev", "test"]


def split_of(file_name: str) -> Split:
    """``test`` for half of the names (the first byte of their hash is even), else ``dev``."""
    return "test" if hashlib.sha256(file_name.encode("utf-8")).digest()[0] % 2 == 0 else "dev"


@dataclass(frozen=True)
class Entry:
    """One annotated document: its path, its annotation and its split."""

    path: Path
    truth: dict[str, Any]
    split: Split
    batch: str


def _read(folder: Path) -> list[dict[str, Any]]:
    path = folder / "expected.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def entries() -> list[Entry]:
    """Every annotated document of the corpus, legacy first, then the batches by name."""
    found = [Entry(LEGACY / t["file"], t, "dev", "documents") for t in _read(LEGACY)]
    if BATCHES.is_dir():
        for folder in sorted(p for p in BATCHES.iterdir() if p.is_dir()):
            for t in _read(folder):
                name = Path(t["file"]).name
                found.append(Entry(folder / name, t, split_of(name), folder.name))
    return found


def of_split(split: Split) -> list[Entry]:
    return [e for e in entries() if e.split == split]

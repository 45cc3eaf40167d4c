"""The probe excerpts (``tests/data/probes/``): hand-written council texts with their
obligations and traps, scored like the corpus. ``python -m tests.corpus.probes [--misses]``.

Half ``A`` of each set may be read to find faults; half ``B`` is held out (only its aggregate is
printed), by the SHA-256 of the probe's id.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Any, Literal

import structlog

from tests.corpus.corpus import REPO
from tests.corpus.scoring import Score, score
from tracker.documents import extract_text

PROBES = REPO / "tests" / "data" / "probes"
Half = Literal["A", "B"]


@dataclass(frozen=True)
class Probe:
    set: str
    id: str
    text: str
    truth: dict[str, Any]

    @property
    def half(self) -> Half:
        return "A" if hashlib.sha256(self.id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def probes(name: str) -> list[Probe]:
    """The probes of one set (``set1`` ...), each with an annotation in the corpus format."""
    found = []
    for line in (PROBES / f"{name}.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        truth = {
            "file": f"{p['id']}.txt",
            "deadlines": [
                {"text": o["text"], "date": o.get("date"), "kind": o.get("kind")}
                for o in p.get("obligations", [])
            ],
            "reports": [],
            "non_obligations": [{"text": t["text"], "why": t.get("why")} for t in p["traps"]],
        }
        found.append(Probe(name, p["id"], p["text"], truth))
    return found


def sets() -> list[str]:
    return sorted(p.stem for p in PROBES.glob("set*.jsonl"))


def scored(items: list[Probe]) -> Score:
    predictions = [
        dict(extract_text(p.text, name=f"{p.id}.txt").to_json(), file=f"{p.id}.txt") for p in items
    ]
    return score([p.truth for p in items], predictions)


def line(label: str, s: Score) -> str:
    return (
        f"{label:12s} found {s.found}/{s.required} silent {s.silent} "
        f"flagged {s.flagged}/{s.documents} traps {s.traps}/{s.predicted}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list half A's failures")
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    for name in sets():
        items = probes(name)
        for half in ("A", "B"):
            s = scored([p for p in items if p.half == half])
            print(line(f"{name} {half}", s))
            if args.misses and half == "A":
                for miss in s.misses:
                    if miss.startswith(("silent", "flagged", "trap")):
                        print("   ", miss[:160])


if __name__ == "__main__":
    main()

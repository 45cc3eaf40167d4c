"""Print the reader's scores on the corpus, per split: ``python -m tests.corpus.report``.

``--misses`` lists the dev split's failures (never the test split's: it is frozen, only its
scores are looked at). ``--batch NAME`` limits the report to one batch. ``--per-batch`` prints
the dev split batch by batch (the generalisation measure: a change that helps one batch and
not the others has learnt a council's wording, not a mechanism) and the review load split by
documents with and without obligations; it never reads the test split. ``--dev-only`` skips
the test split's aggregate too. ``--signal`` measures the uncertainty signal on its own, per
dev batch (decision 0021).
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Sequence
from typing import Any

import structlog

from tests.corpus.corpus import Entry, entries
from tests.corpus.scoring import Score, has_obligations, overlaps, required_obligations, score
from tracker.documents import extract_file, obligations
from tracker.documents.grammar import DateContext
from tracker.documents.model import ReviewItem
from tracker.documents.text import sentences, squash


def _row(name: str, count: int, s: Score) -> str:
    return (
        f"| {name} | {count} | {s.score:.3f} | {s.found}/{s.required} | {s.silent} "
        f"| {s.flagged} | {s.traps}/{s.predicted} |"
    )


def load_split(items: Sequence[Entry], predictions: Sequence[dict[str, Any]]) -> list[str]:
    """The review load on documents with obligations and on those without (a random
    stream is mostly the latter: the load there is the price of the safety net)."""
    rows = []
    for label, want in (("with obligations", True), ("without obligations", False)):
        pairs = [(e, p) for e, p in zip(items, predictions, strict=True)
                 if has_obligations(e.truth) == want]  # fmt: skip
        flagged = sum(bool(p.get("review")) for _, p in pairs)
        share = flagged / len(pairs) if pairs else 0.0
        rows.append(f"review load, {label:20s} {flagged:4d}/{len(pairs):<4d} {share:.3f}")
    return rows


def per_batch(items: Sequence[Entry], predictions: Sequence[dict[str, Any]]) -> list[str]:
    """One table row per batch of the dev split: field, found, silent, flagged, traps."""
    rows = [
        "| batch | docs | field | found | silent | flagged | traps |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for batch in sorted({e.batch for e in items}):
        pairs = [(e, p) for e, p in zip(items, predictions, strict=True) if e.batch == batch]
        s = score([e.truth for e, _ in pairs], [p for _, p in pairs])
        rows.append(_row(batch, len(pairs), s))
    return rows


def _within(sentence: str, text: object) -> bool:
    """Whether an annotated obligation's text is (part of) the sentence."""
    return overlaps(sentence, text) or squash(str(text))[:60] in squash(sentence)


def signal_recall(items: Sequence[Entry]) -> list[str]:
    """The uncertainty signal on its own, batch by batch: with nothing read (as if the
    grammar failed on an unseen council's wording), the share of required obligations that
    lie in a sentence the signal shows, and the obligation-free documents it fires on."""
    captured: list[str] = []
    original = obligations.unread_cues

    def capture(
        text: str, scope: str, in_section: bool, context: DateContext, read: set[str]
    ) -> list[ReviewItem]:
        # the whole sentences shown (a review item's phrase is cut at 160 characters)
        shown = {r.phrase for r in original(text, scope, in_section, context, set())}
        captured.extend(s for s in sentences(text) if squash(s)[:160] in shown)
        return original(text, scope, in_section, context, read)

    rows = [
        "| batch | obligations in a shown sentence | obligation-free documents it fires on |",
        "|---|---:|---:|",
    ]
    totals = [0, 0, 0, 0]
    obligations.unread_cues = capture  # type: ignore[assignment]
    try:
        for batch in sorted({e.batch for e in items}):
            counts = [0, 0, 0, 0]
            for entry in (e for e in items if e.batch == batch):
                captured.clear()
                extract_file(entry.path)
                phrases = list(captured)
                required = required_obligations(entry.truth)
                if not required:
                    counts[2] += 1
                    counts[3] += bool(phrases)
                for item in required:
                    counts[0] += 1
                    counts[1] += any(_within(p, item["text"]) for p in phrases)
            rows.append(f"| {batch} | {counts[1]}/{counts[0]} | {counts[3]}/{counts[2]} |")
            totals = [t + c for t, c in zip(totals, counts, strict=True)]
    finally:
        obligations.unread_cues = original
    rows.append(f"| all | {totals[1]}/{totals[0]} | {totals[3]}/{totals[2]} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the dev split's failures")
    parser.add_argument("--batch", help="only this batch (folder name)")
    parser.add_argument("--per-batch", action="store_true", help="dev split batch by batch")
    parser.add_argument("--dev-only", action="store_true", help="never read the test split")
    parser.add_argument(
        "--signal", action="store_true", help="the uncertainty signal alone, per dev batch"
    )
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    chosen = [e for e in entries() if args.batch in (None, e.batch)]
    if args.signal:
        print("\n".join(signal_recall([e for e in chosen if e.split == "dev"])))
        return
    splits = ("dev",) if args.dev_only or args.per_batch else ("dev", "test")
    for split in splits:
        items = [e for e in chosen if e.split == split]
        if not items:
            continue
        start = time.perf_counter()
        predictions = [extract_file(e.path).to_json() for e in items]
        elapsed = time.perf_counter() - start
        result = score([e.truth for e in items], predictions)
        batches = sorted({e.batch for e in items})
        print(f"== {split}: {len(items)} documents ({', '.join(batches)}), {elapsed:.2f} s")
        print("\n".join(result.lines()))
        if split == "dev":
            print("\n".join(load_split(items, predictions)))
            if args.per_batch:
                print("\n".join(per_batch(items, predictions)))
        if args.misses and split == "dev":
            print("\n".join("  miss " + m for m in result.misses))


if __name__ == "__main__":
    main()

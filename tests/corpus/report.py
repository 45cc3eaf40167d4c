"""Print the reader's scores on the corpus, per split: ``python -m tests.corpus.report``.

``--misses`` lists the dev split's failures (never the test split's: it is frozen, only its
scores are looked at). ``--batch NAME`` limits the report to one batch.
"""

from __future__ import annotations

import argparse
import logging
import time

import structlog

from tests.corpus.corpus import entries
from tests.corpus.scoring import score
from tracker.documents import extract_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the dev split's failures")
    parser.add_argument("--batch", help="only this batch (folder name)")
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    chosen = [e for e in entries() if args.batch in (None, e.batch)]
    for split in ("dev", "test"):
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
        if args.misses and split == "dev":
            print("\n".join("  miss " + m for m in result.misses))


if __name__ == "__main__":
    main()

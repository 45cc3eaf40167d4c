"""Measure pypdf against pdfminer.six on the seed PDFs (decision 0003).

    python tests/data/seeds_formats/compare_pdf_libraries.py [--rounds N]

For each library: milliseconds per document (median of N rounds, after one warm-up),
word accuracy against the seed text (difflib ratio over the word sequence), the share of
the seed's paragraph breaks that survive as blank lines, and how many of the extracted
facts (reference, title, kind, body, state, decision, addressee, deadlines, reports,
amounts) equal those extracted from the .txt seed.
"""

from __future__ import annotations

import argparse
import difflib
import io
import logging
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import structlog

from tracker.documents import extract_file, extract_text
from tracker.documents.pdf import _BROKEN, _checked, pypdf_text
from tracker.errors import UnreadableDocument

HERE = Path(__file__).resolve().parent
FACTS = (
    "reference",
    "title",
    "kind",
    "body",
    "state",
    "decision",
    "addressee",
    "deadlines",
    "reports",
    "amounts_eur",
)


def pdfminer_text(data: bytes, name: str) -> str:
    """Text of every page with pdfminer.six (layout analysis), the alternative measured."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, PSException) as exc:
        raise UnreadableDocument(name, f"broken PDF: {exc}") from exc
    except _BROKEN as exc:
        raise UnreadableDocument(name, f"broken PDF: {type(exc).__name__}: {exc}") from exc
    return _checked(text.replace("\x0c", "\n\n"), name, 1)


def facts(obj: dict[str, object]) -> dict[str, object]:
    decision = obj["decision"]
    return {
        **{k: obj[k] for k in FACTS},
        "decision": decision["outcome"] if isinstance(decision, dict) else None,
        "deadlines": sorted(str(d["date"]) for d in obj["deadlines"]),  # type: ignore[attr-defined,index]
        "reports": sorted(str(r["recurrence"]) for r in obj["reports"]),  # type: ignore[attr-defined,index]
    }


def measure(reader: Callable[[bytes, str], str], rounds: int) -> dict[str, float]:
    times, accuracy, breaks, agree, total = [], [], [], 0, 0
    for pdf in sorted(HERE.glob("0*.pdf")):
        data = pdf.read_bytes()
        reader(data, pdf.name)
        runs = []
        for _ in range(rounds):
            start = time.perf_counter()
            text = reader(data, pdf.name)
            runs.append(time.perf_counter() - start)
        times.append(statistics.median(runs))
        source = pdf.with_suffix(".txt").read_text(encoding="utf-8")
        accuracy.append(difflib.SequenceMatcher(None, source.split(), text.split()).ratio())
        wanted = len(re.findall(r"\S\n\s*\n\s*\S", source)) or 1
        breaks.append(min(1.0, len(re.findall(r"\S\n\s*\n\s*\S", text)) / wanted))
        want = facts(extract_file(pdf.with_suffix(".txt")).to_json())
        got = facts(extract_text(text, name=pdf.name).to_json())
        agree += sum(want[k] == got[k] for k in FACTS)
        total += len(FACTS)
    return {
        "ms_per_doc": 1000 * statistics.mean(times),
        "word_accuracy": statistics.mean(accuracy),
        "paragraph_breaks": statistics.mean(breaks),
        "facts_equal": agree / total,
    }


def main() -> None:
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    print(f"{'library':12s} {'ms/doc':>8s} {'words':>7s} {'breaks':>7s} {'facts':>7s}")
    for name, reader in (("pypdf", pypdf_text), ("pdfminer.six", pdfminer_text)):
        m = measure(reader, rounds)
        print(
            f"{name:12s} {m['ms_per_doc']:8.1f} {m['word_accuracy']:7.3f} "
            f"{m['paragraph_breaks']:7.3f} {m['facts_equal']:7.3f}"
        )


if __name__ == "__main__":
    main()

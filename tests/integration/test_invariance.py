"""The reader reads a text in other clothes as it reads the original (decision 0031).

Metamorphic checks on the dev split and the A halves of probe sets 1-11 (never the held-out
halves): every dated obligation the reader finds in a document it still finds in each
meaning-preserving variant (:mod:`tests.corpus.variants`; each variant reads half of the
documents, each document is read by half of the variants), and a portal's furniture around a page
changes none of its fields. Floors as measured when the checks were written; they only tighten.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
import structlog

from tests.corpus.corpus import of_split
from tests.corpus.probes import probes, sets
from tests.corpus.variants import VARIANTS, page_furniture
from tracker.documents import extract_text
from tracker.documents.sources import read_source

#: The share of found dated obligations each variant keeps, at least.
FLOORS = {
    "written_dates": 0.95,
    "iso_dates": 0.97,
    "doubled_lines": 0.95,
    "page_furniture": 0.98,
    "windows_lines": 0.98,
    "non_breaking_spaces": 0.98,
    # a PDF's text: long lines wrapped (0.995 when written), hyphenated (0.973), page numbers
    # between pages (1.000)
    "wrapped_lines": 0.97,
    "hyphenated_lines": 0.95,
    "page_breaks": 0.98,
}


#: The probe sets the floors were measured on (sets 1-11): a later set would grow the check's
#: time (CI's ten minutes) and change what the floors measure.
MEASURED_SETS = tuple(f"set{n}" for n in range(1, 12))


def _annotated_dates(truth: dict[str, object]) -> bool:
    items = [*(truth.get("deadlines") or []), *(truth.get("reports") or [])]  # type: ignore[misc]
    return any(i.get("date") or i.get("due") for i in items)


def _texts() -> list[tuple[str, str]]:
    """(name, text) of the dev documents and the probes' A halves annotated with a date."""
    found = []
    for entry in of_split("dev"):
        if _annotated_dates(entry.truth):
            data = entry.path.read_bytes()
            found.append((entry.path.name, read_source(data, entry.path.name).text))
    assert set(MEASURED_SETS) <= set(sets())
    for name in MEASURED_SETS:
        found += [
            (f"{p.id}.txt", p.text)
            for p in probes(name)
            if p.half == "A" and _annotated_dates(p.truth)
        ]
    return found


def _dates(text: str, name: str) -> set[str]:
    e = extract_text(text, name=name)
    return {d.date.isoformat() for d in e.deadlines if d.date} | {
        r.due.isoformat() for r in e.reports if r.due
    }


@pytest.fixture(scope="module")
def dated() -> list[tuple[str, str, set[str]]]:
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    found = []
    for name, text in _texts():
        dates = _dates(text, name)
        if dates:
            found.append((name, text, dates))
    return found


@pytest.mark.parametrize("variant", sorted(FLOORS))
def test_a_variant_keeps_the_dated_obligations(
    variant: str, dated: list[tuple[str, str, set[str]]]
) -> None:
    change = VARIANTS[variant]
    kept = total = 0
    lost = []
    # each variant reads half of the documents, by a fixed rule that gives each document to
    # half of the variants (the check's time stays within CI's ten minutes)
    turn = sorted(FLOORS).index(variant)
    for name, text, dates in dated:
        if (hashlib.sha256(name.encode()).digest()[0] + turn) % 2:
            continue
        changed = change(text)
        # the reader is deterministic: a text the variant leaves alone needs no second reading
        again = dates if changed == text else _dates(changed, name)
        total += len(dates)
        kept += len(dates & again)
        lost += [f"{name}: {d}" for d in sorted(dates - again)]
    assert total > 100, total
    assert kept / total >= FLOORS[variant], f"{kept}/{total} kept; lost: {lost[:20]}"


def test_page_furniture_changes_no_field() -> None:
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    changed = []
    entries = of_split("dev")
    for entry in entries[::6]:  # a sixth of the dev split: the check's time stays short
        text = read_source(entry.path.read_bytes(), entry.path.name).text
        a = extract_text(text, name=entry.path.name)
        b = extract_text(page_furniture(text), name=entry.path.name)
        for field in ("title", "kind", "body", "reference"):
            if getattr(a, field) != getattr(b, field):
                before, after = getattr(a, field), getattr(b, field)
                changed.append(f"{Path(entry.path).name} {field}: {before!r} -> {after!r}")
    assert len(changed) <= 3, "\n".join(changed[:20])

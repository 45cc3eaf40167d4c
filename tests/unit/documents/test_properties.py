"""Given random and mutated texts, then extract_text raises nothing but DocumentError."""

from __future__ import annotations

import json
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.documents import extract_text
from tracker.documents.grammar import DateContext, find_terms
from tracker.errors import DocumentError

FORMATS = Path(__file__).resolve().parents[3] / "tests" / "data" / "seeds_formats"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FORMATS.glob("0*.txt"))]
WORDS = [
    "Drucksache",
    "-",
    "Nr.",
    "1263/IV",
    "22-4292",
    "Betreff:",
    "bis",
    "zum",
    "Jahresende",
    "2014",
    "30.",
    "Juni",
    "31.02.2024",
    "Q2/2025",
    "im",
    "2.",
    "Halbjahr",
    "innerhalb",
    "von",
    "6",
    "Wochen",
    "nach",
    "Beschlussfassung",
    "wird",
    "ersucht",
    "möge",
    "beschließen:",
    "Beratungsfolge:",
    "Entscheidung",
    "abgelehnt",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "?",
    ".",
    "Erledigungsfrist:",
    "Ende",
    "Zeitraum",
    "Januar",
    "Oktober",
    "20.000",
    "EUR",
    "Mio.",
    "halbjährlich",
    "zu",
    "berichten",
    "Bezirksamt",
    "Verwaltung",
    "X",
    "Ablehnung",
    "Auszug",
    "Gremium:",
    "Datum:",
    "Inhalt der Datei",
    "Kommune",
    "99.99.99",
    "0.0.",
    "binnen",
]
SETTINGS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def extract_or_document_error(text: str) -> None:
    try:
        extraction = extract_text(text, name="random.txt")
    except DocumentError:
        return
    assert extraction.key == extraction.reference or (
        not extraction.reference and extraction.key.startswith(("TOP ", "Dokument "))
    )
    # printable: no lone surrogate survives into the output
    json.dumps(extraction.to_json(), ensure_ascii=False).encode("utf-8")


@SETTINGS
@given(st.text())
def test_arbitrary_text_raises_only_document_errors(text: str) -> None:
    extract_or_document_error(text)


@SETTINGS
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
def test_texts_made_of_council_words_raise_only_document_errors(text: str) -> None:
    extract_or_document_error(text)


@SETTINGS
@given(
    st.sampled_from(SEED_TEXTS),
    st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 60), st.text(max_size=12)), max_size=8),
)
def test_mutated_seeds_raise_only_document_errors(
    seed: str, edits: list[tuple[int, int, str]]
) -> None:
    text = seed
    for position, length, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + length :]
    extract_or_document_error(text)


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from("0123456789./ -–QIVbisJahrMonatWochenEnde"), max_size=60),
    st.dates(),
)
def test_the_grammar_never_raises_on_date_like_noise(text: str, decided: object) -> None:
    context = DateContext(decision_date=decided)  # type: ignore[arg-type]
    for term in find_terms(text, context):
        assert term.start < term.end


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=())))
def test_any_code_point_even_a_lone_surrogate_raises_only_document_errors(text: str) -> None:
    extract_or_document_error("Drucksache 12/2024\n" + text)


def _best_cpu_seconds(text: str) -> float:
    """The least CPU time of three readings of ``text``."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        extract_text(text, name="long.txt")
        best = min(best, time.process_time() - start)
    return best


def _cpu_seconds(repeats: int) -> float:
    return _best_cpu_seconds(
        "Beschluss:\nDas Bezirksamt wird ersucht, " + "bis zum 31.12.2024 " * repeats + "."
    )


def test_reading_time_grows_linearly_with_a_long_sentence() -> None:
    # Four times the text must take well under sixteen times as long (quadratic growth).
    small, large = _cpu_seconds(1000), _cpu_seconds(4000)
    assert large < 6 * max(small, 0.01), (small, large)


def _dates_after_a_council(count: int) -> float:
    """CPU seconds to read a record whose council "hat" is followed by ``count`` dates and no
    decision: each date's dots could be taken by two of a sentence's character patterns."""
    dates = " ".join(f"am {day:02d}.03.2025" for day in range(1, count + 1))
    return _best_cpu_seconds(f"Niederschrift\n\nDer Bauausschuss hat {dates} getagt und beraten\n")


def test_reading_time_does_not_explode_with_the_dates_in_a_sentence() -> None:
    # Twice the dates took some 200 times as long (11 s for eight dates) before the sentence's
    # character patterns were made atomic; now the time barely grows.
    small, large = _dates_after_a_council(4), _dates_after_a_council(8)
    assert large < 6 * max(small, 0.01), (small, large)

"""The reader against two tables of sentences written by helpers from general knowledge of
council wording, without reading the reader (decision 0034): ``tests/data/phrases/orders.tsv``
(160 ways to order, ask, promise, schedule or postpone with a limit, 120 of them due 30
September 2025 and 40 undated) read in a resolution, and ``tests/data/phrases/traps.tsv`` (141
sentences with a date that bind no one: questions, rejected or referred proposals, duties
waived, past steps, meetings, statutes, third parties, budgets, status dates, forecasts,
demands told) read in a paper's reasons or a record's prose. Each sentence in four contexts,
with what the reader does there; a change that reads one otherwise shows row by row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.scoring import overlaps
from tests.unit.documents.test_sentence_table import CONTEXTS as ORDER_CONTEXTS
from tracker.documents import extract_text

PHRASES = Path(__file__).resolve().parents[2] / "data" / "phrases"
#: The contexts of a trap: the reasons of a motion or a Vorlage, a record's prose, a news page.
TRAP_CONTEXTS = {
    "motion": "Antrag der CDU-Fraktion\nBetreff: Spielplätze\n\nDer Rat möge beschließen:\n"
    "Die Spielplätze werden saniert.\n\nBegründung:\nDie Spielplätze sind marode. {s}\n",
    "vorlage": "Beschlussvorlage\nDrucksache 2025/117\nDatum: 12.03.2025\nBetreff: Spielplätze\n\n"
    "Beschlussvorschlag:\nDer Gemeinderat beschließt die Sanierung der Spielplätze.\n\n"
    "Sachverhalt:\nDie Spielplätze sind marode. {s}\n",
    "minutes": "Niederschrift über die Sitzung des Gemeinderates am 12.03.2025\n\nTOP 5 "
    "Spielplätze\nDer Bürgermeister erläutert den Sachstand. {s}\nBeschluss:\nDer Gemeinderat "
    "nimmt den Bericht zur Kenntnis.\nAbstimmungsergebnis: einstimmig\n\nTOP 6 Verschiedenes\n"
    "Keine Wortmeldungen.\n",
    "news": "Aus dem Gemeinderat\n\nIn der Sitzung vom 12.03.2025 ging es um die Spielplätze. {s} "
    "Der Beschluss fiel einstimmig.\n",
}


def order_outcome(sentence: str, limit: str, due: str, context: str) -> str:
    """``read`` (an obligation due ``due``, or undated at the limit), ``flagged``, ``silent``."""
    e = extract_text(ORDER_CONTEXTS[context].format(s=sentence), name="s.txt")
    found = [(d.text, d.date) for d in e.deadlines] + [(r.text, r.due) for r in e.reports]
    if due != "-":
        read = any(d is not None and d.isoformat() == due for _, d in found)
    else:
        read = any(overlaps(t, limit) or overlaps(t, sentence) for t, _ in found)
    return "read" if read else "flagged" if e.review else "silent"


def trap_outcome(sentence: str, context: str) -> str:
    """``taken`` (a dated obligation, or one of the sentence's that is no postponement's
    target), ``flagged``, ``left``."""
    e = extract_text(TRAP_CONTEXTS[context].format(s=sentence), name="s.txt")
    taken = any(
        d.date is not None or (overlaps(d.text, sentence) and d.kind != "event")
        for d in e.deadlines
    ) or any(r.due is not None or overlaps(r.text, sentence) for r in e.reports)
    return "taken" if taken else "flagged" if e.review else "left"


def _rows(name: str) -> list[list[str]]:
    lines = (PHRASES / name).read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _order_cases() -> list[tuple[str, str, str, str, str]]:
    return [
        (sentence, limit, due, context, want)
        for _, due, sentence, limit, *wants in _rows("orders.tsv")
        for context, want in zip(ORDER_CONTEXTS, wants, strict=True)
    ]


def _trap_cases() -> list[tuple[str, str, str]]:
    return [
        (sentence, context, want)
        for _, sentence, _, *wants in _rows("traps.tsv")
        for context, want in zip(TRAP_CONTEXTS, wants, strict=True)
    ]


def test_most_orders_are_read_and_few_traps_taken() -> None:
    orders = [want for *_, want in _order_cases()]
    traps = [want for *_, want in _trap_cases()]
    assert len(orders) == 640 and orders.count("read") >= 540
    assert len(traps) == 608 and traps.count("taken") <= 15


@pytest.mark.parametrize(("sentence", "limit", "due", "context", "want"), _order_cases())
def test_each_order_is_read_as_listed(
    sentence: str, limit: str, due: str, context: str, want: str
) -> None:
    assert order_outcome(sentence, limit, due, context) == want


@pytest.mark.parametrize(("sentence", "context", "want"), _trap_cases())
def test_each_trap_is_left_as_listed(sentence: str, context: str, want: str) -> None:
    assert trap_outcome(sentence, context) == want

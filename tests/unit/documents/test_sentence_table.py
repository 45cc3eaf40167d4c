"""The reader against a table of how councils order, ask, promise and announce a report by a
date (decision 0032): ``tests/data/phrases/sentences.tsv``, each sentence in a motion, a
Vorlage, minutes and a news page, with what the reader must do with it there: read it (a
deadline or a report due 30 September 2025), flag it for review, or leave it (a bare
``Termin:`` outside a motion, ``Erledigung bis:`` in a news page's prose: gaps, listed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.documents import extract_text

TABLE = Path(__file__).resolve().parents[2] / "data" / "phrases" / "sentences.tsv"
CONTEXTS = {
    "motion": "Antrag der CDU-Fraktion\nBetreff: Spielplätze\n\nDer Rat möge beschließen:\n{s}\n\n"
    "Begründung:\nDie Spielplätze sind marode.\n",
    "vorlage": "Beschlussvorlage\nDrucksache 2025/117\nDatum: 12.03.2025\nBetreff: Spielplätze\n\n"
    "Beschlussvorschlag:\n{s}\n\nSachverhalt:\nDie Spielplätze sind marode.\n",
    "minutes": "Niederschrift über die Sitzung des Gemeinderates am 12.03.2025\n\nTOP 5 "
    "Spielplätze\nBeschluss:\n{s}\nAbstimmungsergebnis: einstimmig\n\nTOP 6 Verschiedenes\n"
    "Keine Wortmeldungen.\n",
    "news": "Aus dem Gemeinderat\n\nIn der Sitzung vom 12.03.2025 ging es um die Spielplätze. {s} "
    "Der Beschluss fiel einstimmig.\n",
}


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for line in TABLE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, *expected = line.split("\t")
            cases += [
                (sentence, context, want) for context, want in zip(CONTEXTS, expected, strict=True)
            ]
    return cases


def test_most_ways_of_setting_a_date_are_read_everywhere() -> None:
    wants = [want for _, _, want in _cases()]
    assert len(wants) >= 170 and wants.count("read") >= 160


@pytest.mark.parametrize(("sentence", "context", "want"), _cases())
def test_each_sentence_is_read_as_listed(sentence: str, context: str, want: str) -> None:
    e = extract_text(CONTEXTS[context].format(s=sentence), name="s.txt")
    dates = {d.date.isoformat() for d in e.deadlines if d.date}
    dates |= {r.due.isoformat() for r in e.reports if r.due}
    got = "read" if "2025-09-30" in dates else "flagged" if e.review else "silent"
    assert got == want

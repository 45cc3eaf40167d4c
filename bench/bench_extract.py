"""Extraction speed: documents per second on the seeds and on a generated corpus.

    python bench/bench_extract.py [--documents 10000] [--rounds 20] [--seed 1]

Rows:
  seeds .txt / .html / .pdf   the five seeds in tests/data/seeds_formats, each read
                              --rounds times (file read, decode, parse), one process
  corpus (N docs)             N documents written from templates into a temporary folder
                              (five layouts, random references, titles, dates, amounts,
                              deadlines, report duties), each read once, one process
  real corpus                 every annotated real document of tests/data/ (documents and
                              corpus batches), each read --rounds times
  doubling N                  one sentence holding N repeats of "bis zum 31.12.2024": the
                              CPU seconds of one read, for N = 1,000 2,000 4,000 8,000 (linear
                              reading doubles, quadratic quadruples)
docs/s is wall-clock, docs/cpu-s divides by this process's CPU time (steadier on a busy
machine). Results go to docs/benchmarks.md (section "Extraction") by hand, with the machine.
"""

from __future__ import annotations

import argparse
import logging
import platform
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import structlog

from tracker.deadlines import MONTHS_DE
from tracker.documents import extract_file, extract_text

REPO = Path(__file__).resolve().parents[1]
FORMATS = REPO / "tests" / "data" / "seeds_formats"

TOPICS = [
    "Spielplätze im Quartier sanieren",
    "Radwege an der Hauptstraße sicherer machen",
    "Integrationskonferenz durchführen",
    "Schulhof öffnen",
    "Bäume nachpflanzen",
    "Sitzbänke im Park aufstellen",
    "Jugendclub erhalten",
    "Barrierefreie Bushaltestellen",
    "Lärmschutz an der Bahntrasse",
    "Bibliothek länger öffnen",
]
DEADLINES = [
    "bis Jahresende {y}",
    "bis zum {d}",
    "im 2. Halbjahr {y}",
    "im I. Quartal {y}",
    "bis {m} {y}",
    "Ende {y}",
    "innerhalb von 6 Wochen nach Beschlussfassung",
    "bis zur Sommerpause",
    "im Zeitraum von Januar bis Oktober {y}",
    "Q3/{y}",
]
REPORTS = ["halbjährlich", "quartalsweise", "jährlich", "monatlich", "regelmäßig", "einmalig"]
FILLER = (
    "Die Maßnahme ist mit den Trägern vor Ort abgestimmt. Der Bedarf wurde in den "
    "vergangenen Jahren mehrfach festgestellt und in den Ausschüssen beraten. "
)


def _allris(r: random.Random, n: int, day: date, deadline: str, report: str) -> str:
    return (
        f"Drucksache - {n:04d}/{r.choice(['IV', 'V', 'XVIII'])}\u00a0\u00a0\n\n"
        f"Betreff: {r.choice(TOPICS)}\nStatus:öffentlich\u00a0\n"
        "Initiator:SPDBezirksverordnetenversammlung\n"
        f"Drucksache-Art:AntragBeschluss\nBeratungsfolge:\nBVV Mitte von Berlin Entscheidung\n"
        f"{day:%d.%m.%Y}\u00a0\n"
        "12. öffentliche Sitzung der BVV ohne Änderungen in der BVV beschlossen\n\n"
        f"Die Bezirksverordnetenversammlung möge beschließen:\n\nDas Bezirksamt wird ersucht, "
        f"{deadline} die Maßnahme umzusetzen und der BVV {report} zu berichten. "
        f"Die Kosten von {r.randint(2, 900)}.000 EUR sind im Haushalt vorzusehen.\n\n"
        f"Begründung:\n\n{FILLER * r.randint(1, 6)}\n\nErledigungsfrist: "
        f"{day + timedelta(days=r.randint(60, 400)):%d.%m.%Y}\n"
    )


def _hamburg(r: random.Random, n: int, day: date, deadline: str, report: str) -> str:
    return (
        f"{r.randint(20, 22)}-{n:04d}\n\n{r.choice(TOPICS)} (Antrag der SPD- und CDU-Fraktion)\n\n"
        f"Antrag öffentlich\n\nBeratungsreihenfolge\nGremium\nTOP\n{day:%d.%m.%Y}\nSachverhalt\n\n"
        f"{FILLER * r.randint(1, 6)}\n\nPetitum/Beschluss\n\n"
        "Die Bezirksversammlung möge beschließen\n\n"
        f"-          {r.randint(1, 99)}.000 EUR für die Maßnahme bereitzustellen.\n\n"
        f"-          Die Verwaltung möge {deadline} berichten und {report} informieren.\n"
    )


def _sessionnet(r: random.Random, n: int, day: date, deadline: str, report: str) -> str:
    return (
        f"Betreff\n{r.choice(TOPICS)}\nVorlage\n{r.randint(10, 12)}/{n:04d}\nAktenzeichen\n51si-\n"
        f"Art\nBeschlussvorlage\n\nBeschlussvorschlag:\n\nDer Rat beschließt: Die Verwaltung wird "
        f"beauftragt, {deadline} ein Konzept vorzulegen.\n\nSachdarstellung:\n\n"
        f"Der Rat der Stadt Bergkamen hat am {day.day}. {MONTHS_DE[day.month - 1]} beraten. "
        f"{FILLER * r.randint(1, 6)}\n"
    )


def _buergerinfo(r: random.Random, n: int, day: date, deadline: str, report: str) -> str:
    return (
        f"Bürgerinfo LANDKREIS BÖRDE\n\nAuszug - {r.choice(TOPICS)}\n\n"
        f"ordentliche Sitzung des Kultur- und Sozialausschusses\nTOP: Ö 5.1\n"
        f"Gremium: Kultur- und Sozialausschuss\nDatum: Mi, {day:%d.%m.%Y} Status: öffentlich\n"
        f"Ort: Landkreis Börde, Gerikestraße 104, 39340 Haldensleben\n"
        f"{day.year}/FB3/{n:04d} {r.choice(TOPICS)}\n"
        "Status:öffentlichVorlage-Art:Beschlussvorlage\n"
        "Federführend:Fachbereich 3 Bearbeiter/-in: Muster, Erika\n\n"
        f"{FILLER * r.randint(1, 6)}\n\n"
        f"Frau K. erklärt, dass der Ausschuss {report} über den Stand informiert wird.\n\n"
        f"Die Mitglieder des Ausschusses bestätigen einstimmig die Vorlage.\n"
    )


def _politik_bei_uns(r: random.Random, n: int, day: date, deadline: str, report: str) -> str:
    return (
        f"Daten\nKommune\nLeipzig\nDateiname\n{n}.pdf\nInhalt der Datei\n"
        f"Verwaltungsstandpunkt Nr. VI-A-{n:05d}-VSP-01\nStatus: öffentlich\nBeratungsfolge:\n"
        f"Gremium\nTermin\nZuständigkeit\nFA Allgemeine Verwaltung\n{day:%d.%m.%Y}\nVorberatung\n"
        f"Ratsversammlung\n{day + timedelta(days=28):%d.%m.%Y}\nBeschlussfassung\nEingereicht von\n"
        f"Dezernat Allgemeine Verwaltung\nBetreff\n{r.choice(TOPICS)}\n"
        f"X {r.choice(['Ablehnung', 'Zustimmung'])}\nBegründung:\n{FILLER * r.randint(1, 6)}\n"
        f"Die Verwaltung soll {deadline} berichten.\n"
    )


TEMPLATES = (_allris, _hamburg, _sessionnet, _buergerinfo, _politik_bei_uns)


def generate_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` template documents into ``folder`` and return their paths."""
    r = random.Random(seed)
    paths = []
    for n in range(count):
        day = date(2010, 1, 1) + timedelta(days=r.randint(0, 5000))
        year = day.year + r.randint(0, 2)
        deadline = r.choice(DEADLINES).format(
            y=year, m=r.choice(MONTHS_DE), d=f"{r.randint(1, 28)}.{r.randint(1, 12)}.{year}"
        )
        text = TEMPLATES[n % len(TEMPLATES)](r, n + 1, day, deadline, r.choice(REPORTS))
        path = folder / f"{n:05d}.txt"
        path.write_text(text, encoding="utf-8" if n % 3 else "cp1252")
        paths.append(path)
    return paths


def rate(paths: list[Path], rounds: int) -> tuple[float, float, float]:
    """(documents per wall-clock second, per CPU second, wall ms per document)."""
    for path in paths:  # warm-up: imports, regex compilation, file cache
        extract_file(path)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for path in paths:
            extract_file(path)
    elapsed, cpu_used = time.perf_counter() - start, time.process_time() - cpu
    count = len(paths) * rounds
    return count / elapsed, count / cpu_used, 1000 * elapsed / count


def doubling(repeats: int) -> float:
    """CPU seconds (best of three) to read one sentence of ``repeats`` dated phrases."""
    text = "Beschluss:\nDas Bezirksamt wird ersucht, " + "bis zum 31.12.2024 " * repeats + "."
    best = float("inf")
    for _ in range(3):
        cpu = time.process_time()
        extract_text(text, name="doubling.txt")
        best = min(best, time.process_time() - cpu)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))

    rows: list[tuple[str, int, float, float, float]] = []
    for suffix in (".txt", ".html", ".pdf"):
        paths = sorted(FORMATS.glob(f"0*{suffix}"))
        rows.append((f"seeds {suffix}", len(paths) * args.rounds, *rate(paths, args.rounds)))
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        started = time.perf_counter()
        corpus = generate_corpus(Path(tmp), args.documents, args.seed)
        generated = time.perf_counter() - started
        sizes = [p.stat().st_size for p in corpus]
        rows.append((f"corpus ({args.documents} docs)", args.documents, *rate(corpus, 1)))
    real = sorted((REPO / "tests" / "data").glob("*/**/[0-9a-z]*_*.txt"))
    rows.append((f"real corpus ({len(real)})", len(real) * args.rounds, *rate(real, args.rounds)))

    print(f"python {platform.python_version()}, {platform.machine()}, one process")
    print(
        f"corpus generated in {generated:.1f} s, median size {statistics.median(sizes):.0f} bytes"
    )
    print(f"{'input':24s} {'docs':>7s} {'docs/s':>9s} {'docs/cpu-s':>11s} {'ms/doc':>8s}")
    for name, count, docs_per_s, docs_per_cpu_s, ms in rows:
        print(f"{name:24s} {count:7d} {docs_per_s:9.1f} {docs_per_cpu_s:11.1f} {ms:8.2f}")
    print(f"{'doubling':24s} {'repeats':>7s} {'cpu s':>9s}")
    for repeats in (1_000, 2_000, 4_000, 8_000):
        print(f"{'doubling':24s} {repeats:7d} {doubling(repeats):9.3f}")


if __name__ == "__main__":
    main()

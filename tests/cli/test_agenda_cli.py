"""``tracker agenda-list`` (both backends): given motions of a committee with a Sachstand,
an extension, a report of done, when the list for a session is written, then the PDF and
XLSX open and read back (pypdf, openpyxl) with the German headings, the CSV for German
Excel has ``;`` and a BOM, and ``--since`` lists what changed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.conftest import Invoke
from tracker.agenda import COLUMNS

MITTE = "BVV Mitte von Berlin"
HEADINGS = [h for _, h in COLUMNS]


def given_a_committee(run: Invoke) -> None:
    for reference, title, office, due, initiator, extra in (
        ("1263/IV", "Integrationskonferenz", "Abt. Jugend", "2014-12-18", "SPD-Fraktion", ()),
        (
            "1270/IV",
            "Spielplatz Leopoldplatz",
            "Abt. Jugend",
            "2014-09-30",
            "Fraktion Die Linke",
            (),
        ),
        (
            "1271/IV",
            "Radweg Müllerstraße",
            "Abt. Stadtentwicklung",
            "2015-03-31",
            "CDU-Fraktion",
            (),
        ),
        (
            "1272/IV",
            "Personalsache",
            "Abt. Jugend",
            "2015-03-31",
            "SPD-Fraktion",
            ("--non-public",),
        ),
    ):
        code, _, err = run(
            "add", reference, "--body", MITTE, "--title", title, "--state", "BE", "--decided",
            "2014-02-20", "--office", office, "--due", due, "--initiator", initiator, *extra,
            now="2014-02-21T10:00",
        )  # fmt: skip
        assert code == 0, err
    for args, now in (
        (("progress", "1263/IV", "--text", "Räume angefragt", "--reason", "Personalmangel"),
         "2014-10-01T10:00"),
        (("deadline", "extend", "1270/IV", "D1", "--to", "2015-04-30", "--reason", "Lieferengpass"),
         "2014-11-10T10:00"),
        (("complete", "1271/IV", "--note", "Prüfung abgeschlossen"), "2014-12-01T10:00"),
    ):  # fmt: skip
        code, _, err = run(*args, now=now)
        assert code == 0, err


def agenda(run: Invoke, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"liste.{fmt}"
    code, stdout, err = run(
        "agenda-list", "--committee", MITTE, "--session", "2015-01-15", "--format", fmt,
        "--output", str(out), *extra, now="2015-01-05T10:00",
    )  # fmt: skip
    assert code == 0, err
    assert stdout.startswith(f"{out}: ")
    return out


def test_the_pdf_opens_and_reads_as_a_councils_list(run: Invoke, tmp_path: Path) -> None:
    given_a_committee(run)
    pdf = agenda(run, tmp_path, "pdf", "--since", "2014-10-15", "--public")

    reader = PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Beschlusskontrolle: Liste der offenen Beschlüsse" in text
    assert "BVV Mitte von Berlin, Sitzung am 15.01.2015" in text
    for heading in ("Drucksache", "Betreff", "Antragsteller", "Federführung", "Frist", "Ampel"):
        assert heading in text
    assert "Gründe der" in text and "Verzögerung" in text
    assert "1263/IV" in text and "Personalmangel" in text and "Räume angefragt" in text
    assert "1272/IV" not in text  # non-public: never on a public list
    assert "Änderungen seit der Sitzung am 15.10.2014" in text
    assert "Frist verlängert" in text and "Erledigung gemeldet" in text
    assert reader.metadata is not None and reader.metadata.title.startswith("Beschlusskontrolle")


def test_the_xlsx_opens_with_the_list_and_the_changes(run: Invoke, tmp_path: Path) -> None:
    given_a_committee(run)
    book = load_workbook(agenda(run, tmp_path, "xlsx", "--since", "2014-10-15"))

    sheet = book["Beschlusskontrolle"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Beschlusskontrolle: Liste der offenen Beschlüsse"
    assert rows[3] == HEADINGS
    listed = {r[1]: dict(zip(HEADINGS, r, strict=True)) for r in rows[4:]}
    assert set(listed) == {"1263/IV", "1270/IV", "1271/IV", "1272/IV"}
    first = listed["1263/IV"]
    assert (first["Nr."], first["Frist"], first["Stand"], first["Ampel"]) == (
        1, "18.12.2014", "in Bearbeitung", "rot",
    )  # fmt: skip
    assert first["Gründe der Verzögerung"] == "Personalmangel"
    assert first["Antragsteller"] == "SPD-Fraktion"
    assert listed["1271/IV"]["Abschluss vorgeschlagen"] == "ja (Erledigung gemeldet am 01.12.2014)"
    assert listed["1270/IV"]["Frist"] == "30.04.2015"
    changes = [[c.value for c in row] for row in book["Änderungen"].iter_rows(min_row=4)]
    assert sorted((r[0], r[2]) for r in changes) == [
        ("1270/IV", "Frist verlängert"), ("1271/IV", "Erledigung gemeldet"),
    ]  # fmt: skip


def test_csv_for_german_excel_and_plain_csv(run: Invoke, tmp_path: Path) -> None:
    given_a_committee(run)
    excel = agenda(run, tmp_path, "csv", "--excel").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(excel.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADINGS and len(rows) == 5
    code, out, _ = run(
        "agenda-list", "--committee", MITTE, "--session", "2015-01-15", "--format", "csv",
        "--non-public", now="2015-01-05T10:00",
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and [r[1] for r in rows[1:]] == ["1272/IV"]
    code, _, err = run(
        "agenda-list", "--committee", MITTE, "--session", "2015-01-15", "--format", "html",
        "--excel",
    )  # fmt: skip
    assert code == 2 and "--excel needs --format csv" in err


def test_html_and_a_closed_motion_leaves_the_list_for_the_changes(
    run: Invoke, tmp_path: Path
) -> None:
    given_a_committee(run)
    code, _, err = run(
        "close", "1271/IV", "--by", MITTE, "--on", "2015-01-10", now="2015-01-10T10:00"
    )
    assert code == 0, err
    page = agenda(run, tmp_path, "html", "--since", "2014-12-15").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="de">' in page
    assert "<th>Gründe der Verzögerung</th>" in page
    listed, _, changes = page.partition("Änderungen seit der Sitzung am 15.12.2014")
    assert "1271/IV" not in listed and "1270/IV" in listed
    assert "<td>1271/IV</td>" in changes and "abgeschlossen" in changes


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_a_binary_list_needs_an_output_file(run: Invoke, fmt: str) -> None:
    code, _, err = run(
        "agenda-list", "--committee", MITTE, "--session", "2015-01-15", "--format", fmt
    )
    assert code == 2 and "--output" in err


def test_an_unknown_committee_names_the_known_ones(run: Invoke) -> None:
    given_a_committee(run)
    code, _, err = run(
        "agenda-list", "--committee", "BVV Mite", "--session", "2015-01-15", "--format", "csv"
    )
    assert code == 2 and "unknown --committee 'BVV Mite'" in err and f"'{MITTE}'" in err

"""Issue 17's acceptance walk, on both backends, through ``cli.app`` (the seeds from
``../shared/seeds``: skipped when absent, required under CI=true).

Ingest the seeds; record a Sachstand with a reason on 1263/IV; ``overdue --format json``
shows it with status and RAG; ``complete`` then ``close`` takes it off the list only after
``close``; a Hamburg Auskunftsersuchen without a term gets its § 27 BezVG due date; a
Vorlage zur Kenntnisnahme "in Erledigung" of 1263/IV records its report there; the list
tabled at the session is written as a PDF and an XLSX that open.
"""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.conftest import Invoke
from tests.cli.test_terms_cli import DATA, events

MITTE = "BVV Mitte von Berlin"


def overdue(run: Invoke, now: str) -> list[dict[str, object]]:
    code, out, err = run("overdue", "--format", "json", now=now)
    assert code == 0, err
    items: list[dict[str, object]] = json.loads(out)["items"]
    return items


def test_the_acceptance_walk_of_issue_17(run: Invoke, shared_dir: Path, tmp_path: Path) -> None:
    code, out, err = run("ingest", str(shared_dir / "seeds"), now="2014-03-01T10:00")
    assert code == 0, err

    # a Sachstand with a reason; the listing shows it with status and RAG
    code, _, err = run(
        "progress", "1263/IV", "--text", "Räume angefragt", "--reason", "Personalmangel",
        "--next", "Einladung", now="2015-01-05T09:00",
    )  # fmt: skip
    assert code == 0, err
    items = [i for i in overdue(run, "2015-01-05T09:00") if i["reference"] == "1263/IV"]
    assert items and all((i["motion_status"], i["rag"]) == ("in_progress", "red") for i in items)
    progress = items[0]["progress"]
    assert isinstance(progress, dict)
    assert (progress["text"], progress["reason"], progress["on"]) == (
        "Räume angefragt", "Personalmangel", "2015-01-05",
    )  # fmt: skip

    # the Vorlage zur Kenntnisnahme "in Erledigung" of 1263/IV records its report there
    code, _, err = run(
        "ingest", str(DATA / "be-0412-IX-vzk-zwischenbericht.txt"), now="2015-01-16T09:00"
    )
    assert code == 0, err
    (report,) = events(run, "ReportSubmitted")
    assert report["data"]["report_kind"] == "interim"  # type: ignore[index]
    assert report["data"]["document_reference"] == "1390/IV"  # type: ignore[index]
    code, out, _ = run("show", "1263/IV", "--format", "json", now="2015-01-16T09:00")
    assert [r["document"] for r in json.loads(out)["reports"]] == ["1390/IV"]
    code, out, _ = run("show", "1390/IV", "--format", "json", now="2015-01-16T09:00")
    assert [a["reference"] for a in json.loads(out)["answers"]] == ["1263/IV"]

    # the list tabled at the session opens as a PDF and as an XLSX
    for fmt in ("pdf", "xlsx"):
        code, _, err = run(
            "agenda-list", "--committee", MITTE, "--session", "2015-01-15", "--format", fmt,
            "--output", str(tmp_path / f"liste.{fmt}"), now="2015-01-05T09:00",
        )  # fmt: skip
        assert code == 0, err
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "liste.pdf").pages)
    assert "1263/IV" in text and "Personalmangel" in text
    sheet = load_workbook(tmp_path / "liste.xlsx")["Beschlusskontrolle"]
    assert [c.value for c in sheet[5]][1] == "1263/IV"

    # done reported: still listed; closed by the committee: off the list
    code, _, err = run(
        "complete", "1263/IV", "--note", "Konferenz fand statt", now="2015-02-02T09:00"
    )
    assert code == 0, err
    still = [i for i in overdue(run, "2015-02-03T09:00") if i["reference"] == "1263/IV"]
    assert still and {i["motion_status"] for i in still} == {"done_reported"}
    code, _, err = run(
        "close", "1263/IV", "--by", MITTE, "--on", "2015-02-19", now="2015-02-19T18:00"
    )
    assert code == 0, err
    assert not [i for i in overdue(run, "2015-02-20T09:00") if i["reference"] == "1263/IV"]

    # a Hamburg Auskunftsersuchen without a term gets its § 27 BezVG due date
    code, _, err = run("ingest", str(DATA / "hh-22-5001-auskunftsersuchen.txt"))
    assert code == 0, err
    code, out, _ = run("show", "22-5001", "--format", "json")
    (deadline,) = json.loads(out)["deadlines"]
    assert (deadline["rule"], deadline["due"]) == ("statute:§ 27 BezVG", "2024-04-18")

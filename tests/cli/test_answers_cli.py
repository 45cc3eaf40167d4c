"""A report closes what it answers (both backends): given the answered motion and the
answering document, in either order, then ``ReportSubmitted`` on the answered motion, the
obligation met, and the link shown both ways in ``show``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.cli.test_terms_cli import DATA, events

QUESTION = DATA / "hh-22-5001-auskunftsersuchen.txt"
ANSWER = DATA / "hh-22-5001.1-stellungnahme.txt"


def ingest(run: Invoke, *paths: Path) -> None:
    for path in paths:
        code, _, err = run("ingest", str(path), now="2024-04-20T10:00")
        assert code == 0, err


def check_linked(run: Invoke) -> None:
    (report,) = events(run, "ReportSubmitted")
    data = report["data"]
    assert isinstance(data, dict)
    assert (data["report_kind"], data["document_reference"], data["obligation_id"]) == (
        "final", "22-5001.1", "D1",
    )  # fmt: skip
    assert report["effective"] == "2024-04-10"
    _, out, _ = run("show", "22-5001", "--format", "json", now="2024-04-20T10:00")
    view = json.loads(out)
    assert view["reports"][0]["document"] == "22-5001.1"
    assert view["deadlines"][0]["met_on"] == "2024-04-10"  # the § 27 answer came in time
    _code, out, _ = run("show", "22-5001.1", "--format", "json", now="2024-04-20T10:00")
    (answer,) = json.loads(out)["answers"]
    assert (answer["reference"], answer["kind"], answer["rule"]) == (
        "22-5001",
        "final",
        "stellungnahme",
    )
    _, out, _ = run("show", "22-5001", now="2024-04-20T10:00")
    assert "reports received:" in out and "22-5001.1" in out
    _, out, _ = run("show", "22-5001.1", now="2024-04-20T10:00")
    assert "answers (this document reports on):" in out


def test_a_stellungnahme_records_its_report_on_the_motion_it_answers(run: Invoke) -> None:
    ingest(run, QUESTION, ANSWER)
    check_linked(run)


def test_an_answer_ingested_first_waits_for_the_motion_it_answers(run: Invoke) -> None:
    ingest(run, ANSWER)
    assert events(run, "ReportSubmitted") == []
    (filed,) = events(run, "AnswerFiled")
    assert filed["data"]["answered_reference"] == "22-5001"  # type: ignore[index]

    ingest(run, QUESTION)
    check_linked(run)
    ingest(run, ANSWER, QUESTION)  # again: nothing new
    assert len(events(run, "ReportSubmitted")) == 1


def test_a_report_carrying_the_number_it_answers_reports_on_its_own_motion(
    run: Invoke, tmp_path: Path
) -> None:
    doc = tmp_path / "vzk.txt"
    doc.write_text(
        "Drucksache - 1263/IV\nBetreff: Integrationskonferenz\nStatus:öffentlich\n"
        "Drucksache-Art:Vorlage zur Kenntnisnahme\nSchlussbericht\nDatum: 15.01.2015\n\n"
        "In Erledigung des Ersuchens der Bezirksverordnetenversammlung – Drucksache Nr.: "
        "1263/IV wird berichtet: Die Konferenz fand statt.\n",
        encoding="utf-8",
    )
    ingest(run, doc)
    (report,) = events(run, "ReportSubmitted")
    assert (report["data"]["report_kind"], report["data"]["document_reference"]) == (  # type: ignore[index]
        "final", "vzk.txt",
    )  # fmt: skip
    assert events(run, "AnswerFiled") == []

"""The motion page shows what the Sachstand work records: open review items (reasons in
German), due dates the council did not set itself (statutory, soft, the next session)
marked as such, the links between a report and the motion it answers, and a timeline in
German words."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from tests.web.conftest import REPO, Client, Server, seed, start_server, tracker, write_config

DATA = REPO / "tests" / "data" / "sachstand"
SESSIONS = (
    "[deadlines]\nsoft_days = 21\n[deadlines.sessions]\n"
    '"Ausschuss für Soziales" = ["2025-02-10", "2025-03-10", "2025-04-14"]\n'
)


@pytest.fixture(scope="module")
def terms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A store with the example documents, a Hamburg Auskunftsersuchen (§ 27 BezVG) with
    the Stellungnahme answering it, and a motion with vague terms and the next session."""
    folder = tmp_path_factory.mktemp("terms")
    db = str(folder / "db")
    ids = seed(db)
    config = write_config(folder, SESSIONS)
    for name in ("hh-22-5001-auskunftsersuchen.txt", "hh-22-5001.1-stellungnahme.txt"):
        tracker(db, "--config", str(config), "ingest", str(DATA / name), now="2024-04-20T10:00")
    tracker(db, "--config", str(config), "ingest", str(DATA / "sozial-2025-0011-vage.txt"),
            "--state", "BE", now="2025-02-20T10:00")  # fmt: skip
    for reference in ("22-5001", "22-5001.1", "2025/0011"):
        shown = json.loads(tracker(db, "show", reference, "--format", "json"))
        ids[reference] = shown["id"]
    server = start_server(db, config=config)
    server.ids = ids
    yield server
    server.stop()


def page(server: Server, reference: str, client: Client | None = None) -> str:
    answer = (client or server.client()).get(f"/motions/{server.ids[reference]}")
    assert answer.status_code == 200, answer.text[:300]
    return answer.text


def text_of(html: str) -> str:
    """The page's words without tags (to read what a visitor reads)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_open_review_items_are_listed_with_their_reason_in_german(terms: Server) -> None:
    shown = json.loads(tracker(terms.db, "show", "2025/BV/0087", "--format", "json"))
    open_items = [r for r in shown["review"] if r["resolution"] is None]
    assert open_items, "the example document leaves an item for review"
    words = text_of(page(terms, "2025/BV/0087"))
    assert "Offene Prüfpunkte" in words
    for item in open_items:
        assert f"{item['item']}:" in words
        assert item["reason"] not in words.replace("Prüfpunkte", "")  # the code is not shown
    assert "Zeitangabe" in words or "Frist" in words


def test_a_motion_without_open_review_items_has_no_such_section(terms: Server) -> None:
    assert "Offene Prüfpunkte" not in page(terms, "1263/IV")


def test_a_statutory_due_date_is_marked_as_such(terms: Server) -> None:
    words = text_of(page(terms, "22-5001"))
    assert "gesetzliche Regelfrist (§ 27 BezVG)" in words


def test_soft_and_meeting_due_dates_are_marked_as_such(terms: Server) -> None:
    words = text_of(page(terms, "2025/0011"))
    assert "weich: vage Frist, angenommen 21 Tage" in words
    assert "keine vom Gremium gesetzte Frist" in words
    assert "nächste Sitzung: Ausschuss für Soziales" in words


def test_a_report_and_the_motion_it_answers_link_each_other(terms: Server) -> None:
    question = page(terms, "22-5001")
    answer_link = f'<a href="/motions/{terms.ids["22-5001.1"]}">22-5001.1</a>'
    assert "Beantwortet durch" in question and answer_link in question
    report = page(terms, "22-5001.1")
    question_link = f'<a href="/motions/{terms.ids["22-5001"]}">22-5001</a>'
    assert "Beantwortet</dt>" in report and question_link in report
    assert "Abschlussbericht" in text_of(report)


def test_the_timeline_shows_each_events_content_in_german(terms: Server) -> None:
    html = page(terms, "2025/0156")
    table = html[html.index('class="timeline"') : html.index("</table>", html.index("timeline"))]
    cells = re.findall(r"<td data-label=\"Inhalt\">([^<]*)</td>", table)
    assert cells and all(cells)
    words = " ".join(cells)
    for english in ("title=", "outcome=", "due ", "committee=", "office=", "user:", "document:"):
        assert english not in words and english not in text_of(table)
    assert "Titel: " in words and "fällig " in words
    assert "Dokument: " in text_of(table)


def test_the_timeline_in_german_for_a_sachstand_and_an_extension(server: Server) -> None:
    client = server.client()
    assert client.login("rat").status_code == 303
    tracker(server.db, "progress", "0777/IV", "--text", "Planung läuft",
            "--reason", "Personal fehlt", "--date", "20.02.2026")  # fmt: skip
    tracker(server.db, "deadline", "extend", "0777/IV", "D1", "--to", "29.05.2026",
            "--reason", "Gutachten fehlt", "--effective", "20.02.2026")  # fmt: skip
    words = text_of(page(server, "0777/IV", client))
    assert "Planung läuft; Grund der Verzögerung: Personal fehlt" in words
    assert "D1: von 20.03.2026 auf 29.05.2026; Begründung: Gutachten fehlt" in words
    assert "Beschluss" in words and "beschlossen" in words


def test_an_empty_fact_is_left_out_not_shown_as_a_dash(terms: Server) -> None:
    html = page(terms, "0777/IV")
    assert "<dt>Art</dt><dd>–</dd>" not in html and "<dt>Art</dt>" not in html
    assert "<dt>Adressat</dt>" not in html


def test_the_board_marks_a_due_date_the_council_did_not_set(terms: Server) -> None:
    board = terms.client().get("/", params={"as_of": "2025-03-20", "sort": "reference"})
    assert board.status_code == 200
    row = next(r for r in board.text.split("<tr") if "2025/0011" in r)
    assert "weich: vage Frist, angenommen 21 Tage" in row, row

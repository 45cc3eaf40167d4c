"""The agenda list from the board's items and states (tracker.agenda): one row per motion,
its earliest due date and worst RAG, and the changes since the last session."""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker.agenda import build_agenda, to_csv


def item(mid: str, due: str | None, rag: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "motion_id": mid, "reference": f"{mid}/IV", "title": f"Titel {mid}", "due": due,
        "rag": rag, "motion_status": "in_progress", "decision_date": "2014-02-20",
        "office": None, "initiators": ["Anna Schmidt (CDU)"], "fraktion": "CDU",
        "progress": None,
    } | extra  # fmt: skip


def state(mid: str, **extra: Any) -> dict[str, Any]:
    return {
        "reference": f"{mid}/IV", "title": f"Titel {mid}", "registered": "2014-02-20",
        "decisions": [["2014-02-20", "adopted", "BVV"]], "deadlines": {}, "done": None,
        "closure": None, "completed": None,
    } | extra  # fmt: skip


def test_one_row_per_motion_with_its_earliest_due_date_and_worst_rag() -> None:
    items = [
        item("1", "2015-03-31", "amber"),
        item("1", "2014-12-18", "red"),
        item("2", None, None),
    ]
    agenda = build_agenda(items, {}, committee="BVV", session=date(2015, 1, 15))
    first, second = agenda.rows
    assert (first.reference, first.due, first.rag, first.initiator) == (
        "1/IV",
        "18.12.2014",
        "rot",
        "CDU",
    )
    assert (first.office, first.status) == ("ohne Federführung", "in Bearbeitung")
    assert (second.due, second.rag, second.number) == ("ohne Datum", "", 2)
    soft = build_agenda([item("3", "2015-02-01", "green", soft=True)], {}, committee="BVV",
                        session=date(2015, 1, 15))  # fmt: skip
    assert soft.rows[0].due == "01.02.2015 (weich)"
    assert agenda.changes == () and agenda.subtitle == "BVV, Sitzung am 15.01.2015"


def test_changes_since_the_last_session() -> None:
    states = {
        "1": state("1", deadlines={"D1": {"changes": [["2014-02-20", "2014-09-30"],
                                                      ["2014-11-10", "2015-04-30"]]}}),
        "2": state("2", done="2014-12-01"),
        "3": state("3", closure={"on": "2015-01-10", "committee": "BVV", "met": [], "ended": []}),
        "4": state("4", decisions=[["2014-12-11", "adopted", "BVV"]]),
        "5": state("5", deadlines={"D1": {"changes": [["2014-03-01", "2014-09-30"],
                                                      ["2014-05-10", "2015-04-30"]]}}),
    }  # fmt: skip
    agenda = build_agenda(
        [], states, committee="BVV", session=date(2015, 1, 15), since=date(2014, 10, 15)
    )
    assert [(c.reference, c.what, c.on, c.detail) for c in agenda.changes] == [
        ("1/IV", "Frist verlängert", "10.11.2014", "D1: von 30.09.2014 auf 30.04.2015"),
        ("2/IV", "Erledigung gemeldet", "01.12.2014", ""),
        ("3/IV", "abgeschlossen", "10.01.2015", "durch BVV"),
        ("4/IV", "neu", "11.12.2014", ""),
    ]


def test_csv_cells_are_not_evaluated_by_a_spreadsheet() -> None:
    items = [item("1", "2014-12-18", "red", title="=HYPERLINK(1)")]
    agenda = build_agenda(items, {}, committee="BVV", session=date(2015, 1, 15))
    assert ",'=HYPERLINK(1)," in to_csv(agenda).decode("utf-8")

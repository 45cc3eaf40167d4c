"""The latest Sachstand on the board, on real SQLite and PostgreSQL: every item of the
motion carries it, a rebuild gives it back, ``--as-of`` leaves out one dated later."""

from __future__ import annotations

from datetime import date

from tests.integration.projections.conftest import Board

TODAY = date(2015, 1, 5)


def test_every_item_of_the_motion_carries_its_latest_sachstand(board: Board) -> None:
    mid = board.add("1263/IV", date(2014, 12, 18))
    board.service.report_progress(mid, on=date(2014, 10, 1), text="Räume angefragt")
    board.service.report_progress(
        mid,
        on=date(2014, 12, 1),
        text="Konferenz vorbereitet",
        reason="Personalmangel im Amt",
        next_step="Einladung der Träger",
        expected=date(2015, 3, 1),
    )
    board.refresh()

    (item,) = board.queries.overdue(today=TODAY).items

    assert item["progress"] == {
        "text": "Konferenz vorbereitet",
        "reason": "Personalmangel im Amt",
        "next": "Einladung der Träger",
        "expected": "2015-03-01",
        "on": "2014-12-01",
        "by": "tester",
        "office": "Abt. Stadtentwicklung",
    }
    assert board.queries.for_motion(mid, today=TODAY)[0]["progress"] == item["progress"]
    before = board.rows()
    board.runner.rebuild()
    assert board.rows() == before


def test_a_motion_without_sachstand_has_none(board: Board) -> None:
    board.add("1/IV", date(2015, 1, 9))
    board.refresh()
    (item,) = board.queries.due_within(7, today=TODAY).items
    assert item["progress"] is None


def test_as_of_leaves_out_a_sachstand_dated_after_the_day(board: Board) -> None:
    mid = board.add("1263/IV", date(2014, 12, 18))
    board.service.report_progress(mid, on=date(2015, 1, 2), text="Konferenz terminiert")
    board.refresh()

    (then,) = board.queries.overdue(today=TODAY, as_of=date(2014, 12, 31)).items
    (now,) = board.queries.overdue(today=TODAY, as_of=date(2015, 1, 2)).items

    assert then["progress"] is None
    assert now["progress"]["text"] == "Konferenz terminiert"

"""Status, red / amber / green and staleness on the board, on real SQLite and PostgreSQL:
derived on the day asked about from stored dates, and filtered with totals that agree."""

from __future__ import annotations

from datetime import date

from projections.queries import BoardQueries, Filters, RagRules
from tests.integration.projections.conftest import Board

TODAY = date(2015, 1, 5)


def rag(board: Board, mid: object, *, today: date = TODAY) -> tuple[object, object]:
    (item,) = board.queries.for_motion(str(mid), today=today)
    return item["rag"], item["stale"]


def test_overdue_is_red(board: Board) -> None:
    mid = board.add("1/IV", date(2014, 12, 18), decided=date(2014, 11, 1))
    board.refresh()
    (item,) = board.queries.overdue(today=TODAY).items
    assert (item["rag"], item["stale"], item["motion_status"]) == ("red", False, "not_started")
    assert rag(board, mid) == ("red", False)


def test_due_within_30_days_without_a_sachstand_since_the_decision_is_amber(board: Board) -> None:
    mid = board.add("1/IV", date(2015, 1, 30), decided=date(2014, 11, 1))
    board.refresh()
    assert rag(board, mid) == ("amber", False)
    assert rag(board, mid, today=date(2014, 12, 30)) == ("green", False)  # 31 days ahead

    board.service.report_progress(mid, on=date(2015, 1, 2), text="Vorlage in Arbeit")
    board.refresh()
    assert rag(board, mid) == ("green", False)
    (item,) = board.queries.due_within(30, today=TODAY).items
    assert item["motion_status"] == "in_progress"


def test_no_sachstand_for_180_days_is_stale_and_red(board: Board) -> None:
    mid = board.add("1/IV", date(2015, 12, 31), decided=date(2014, 7, 1))
    board.refresh()
    assert rag(board, mid, today=date(2014, 12, 27)) == ("green", False)  # 179 days
    assert rag(board, mid, today=date(2014, 12, 29)) == ("red", True)

    board.service.report_progress(mid, on=date(2014, 12, 1), text="Gutachten beauftragt")
    board.refresh()
    assert rag(board, mid, today=date(2015, 5, 30)) == ("green", False)
    assert rag(board, mid, today=date(2015, 5, 31)) == ("red", True)
    lenient = BoardQueries(board.db, rag=RagRules(stale_days=365))
    (item,) = lenient.for_motion(str(mid), today=date(2015, 5, 31))
    assert (item["rag"], item["stale"]) == ("green", False)


def test_extended_twice_is_amber(board: Board) -> None:
    mid = board.add("1/IV", date(2015, 3, 31), decided=date(2014, 11, 1))
    board.service.report_progress(mid, on=date(2015, 1, 2), text="läuft")
    board.service.extend_deadline(
        mid, "D1", new_due=date(2015, 6, 30), reason="Haushalt", effective=date(2015, 1, 3)
    )
    board.refresh()
    assert rag(board, mid) == ("green", False)
    board.service.extend_deadline(
        mid, "D1", new_due=date(2015, 9, 30), reason="Personal", effective=date(2015, 1, 4)
    )
    board.refresh()
    assert rag(board, mid) == ("amber", False)


def test_met_and_closed_have_no_rag(board: Board) -> None:
    mid = board.add("1/IV", date(2014, 12, 18), decided=date(2014, 11, 1))
    board.service.complete(mid, on=date(2014, 12, 20), deadline_id=None, note="erledigt")
    board.refresh()
    (item,) = board.queries.for_motion(str(mid), today=TODAY)
    assert (item["rag"], item["stale"], item["motion_status"]) == (None, False, "closed")


def test_status_rag_and_stale_filters_and_their_totals(board: Board) -> None:
    red = board.add("1/IV", date(2014, 12, 18), decided=date(2014, 11, 1))
    board.add("2/IV", date(2015, 1, 20), decided=date(2014, 11, 1))  # amber
    board.add("3/IV", date(2015, 12, 31), decided=date(2014, 6, 1))  # stale: red
    green = board.add("4/IV", date(2015, 1, 25), decided=date(2014, 11, 1))
    board.service.report_progress(green, on=date(2015, 1, 2), text="fast fertig")
    board.service.report_progress(red, on=date(2015, 1, 2), text="verzögert", reason="Krankheit")
    board.refresh()
    q = board.queries

    def refs(page_filters: Filters) -> tuple[list[object], int]:
        page = q.due_within(400, today=TODAY, filters=page_filters)
        late = q.overdue(today=TODAY, filters=page_filters)
        return [i["reference"] for i in late.items + page.items], late.total + page.total

    assert refs(Filters(rag="red")) == (["1/IV", "3/IV"], 2)
    assert refs(Filters(rag="amber")) == (["2/IV"], 1)
    assert refs(Filters(rag="green")) == (["4/IV"], 1)
    assert refs(Filters(stale=True)) == (["3/IV"], 1)
    assert refs(Filters(status="in_progress")) == (["1/IV", "4/IV"], 2)
    assert refs(Filters(status="not_started", rag="red")) == (["3/IV"], 1)
    page = q.overdue(today=TODAY, filters=Filters(rag="red", office="Abt. Stadtentwicklung"))
    assert page.as_json()["filters"]["rag"] == "red" and page.total == 1
    assert q.overdue(today=TODAY, filters=Filters(rag="red"), as_of=date(2014, 12, 20)).total == 1

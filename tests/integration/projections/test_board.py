"""The deadline board on real SQLite and PostgreSQL: given events, then rows and statuses."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from events.log import read_log
from events.store import Database, StoreLocation
from events.values import Recurrence, ReportKind
from projections.board import BoardProjection
from projections.queries import BoardQueries, Filters
from projections.runner import Runner, project
from tests.integration.projections.conftest import Board
from tracker.errors import InputError

TODAY = date(2015, 1, 5)


def ids(page_items: list[dict[str, object]]) -> list[object]:
    return [item["reference"] for item in page_items]


def test_completion_deadline_is_overdue_after_its_due_date(board: Board) -> None:
    board.add("1263/IV", date(2014, 12, 18))
    board.refresh()

    page = board.queries.overdue(today=TODAY)

    assert page.total == 1
    (item,) = page.items
    assert item["reference"] == "1263/IV"
    assert item["due"] == "2014-12-18"
    assert item["status"] == "overdue"
    assert item["days_overdue"] == 18
    assert item["decision_date"] == "2014-02-20"
    assert item["office"] == "Abt. Stadtentwicklung"
    assert board.queries.overdue(today=TODAY, as_of=date(2014, 6, 1)).total == 0


def test_due_date_itself_is_not_overdue_and_statuses_follow_the_day(board: Board) -> None:
    board.add("1/IV", date(2015, 1, 5))
    board.refresh()
    q = BoardQueries(board.db, due_soon_days=10)

    assert q.overdue(today=date(2015, 1, 5)).total == 0
    assert q.overdue(today=date(2015, 1, 6)).items[0]["days_overdue"] == 1
    assert (
        q.for_motion(board.add("1/IV", date(2015, 1, 5)), today=date(2014, 12, 26))[0]["status"]
        == "due_soon"
    )
    assert (
        q.for_motion(board.add("1/IV", date(2015, 1, 5)), today=date(2014, 12, 25))[0]["status"]
        == "upcoming"
    )


def test_met_and_met_late_are_derived_from_the_met_date(board: Board) -> None:
    early = board.add("1/IV", date(2014, 6, 30))
    late = board.add("2/IV", date(2014, 6, 30))
    board.service.complete(early, on=date(2014, 6, 30), deadline_id="D1", note=None)
    board.service.complete(late, on=date(2014, 7, 10), deadline_id=None, note="erledigt")
    board.refresh()

    (on_time,) = board.queries.for_motion(early, today=TODAY)
    (too_late,) = board.queries.for_motion(late, today=TODAY)

    assert (on_time["status"], on_time["met_on"]) == ("met", "2014-06-30")
    assert (too_late["status"], too_late["days_late"]) == ("met_late", 10)
    assert board.queries.overdue(today=TODAY).total == 0
    # As of a day before it was met, the late one was overdue.
    as_of = board.queries.overdue(today=TODAY, as_of=date(2014, 7, 5))
    assert ids(as_of.items) == ["2/IV"]
    assert as_of.items[0]["met_on"] is None


def test_extension_shows_the_original_due_date(board: Board) -> None:
    mid = board.add("1263/IV", date(2014, 12, 18))
    board.service.extend_deadline(
        mid, "D1", new_due=date(2015, 3, 31), reason="Personalmangel", effective=date(2014, 12, 1)
    )
    board.refresh()

    (item,) = board.queries.for_motion(mid, today=TODAY)
    assert (item["due"], item["original_due"], item["status"]) == (
        "2015-03-31",
        "2014-12-18",
        "upcoming",
    )
    assert board.queries.overdue(today=TODAY).total == 0
    # Before the extension took effect, the old due date applied.
    before = board.queries.overdue(today=TODAY, as_of=date(2014, 11, 30))
    assert before.total == 0
    assert (
        board.queries.due_within(30, today=TODAY, as_of=date(2014, 11, 30)).items[0]["due"]
        == "2014-12-18"
    )
    assert board.queries.overdue(today=TODAY, as_of=date(2015, 4, 1)).items[0]["due"] == (
        "2015-03-31"
    )


def test_extension_granted_after_the_old_due_date_leaves_it_overdue_until_then(
    board: Board,
) -> None:
    mid = board.add("1263/IV", date(2014, 12, 18))
    board.service.extend_deadline(
        mid, "D1", new_due=date(2015, 6, 30), reason="", effective=date(2015, 2, 1)
    )
    board.refresh()

    then = board.queries.overdue(today=TODAY, as_of=date(2015, 1, 20))

    assert [(i["due"], i["days_overdue"]) for i in then.items] == [("2014-12-18", 33)]
    assert board.queries.overdue(today=date(2015, 1, 20)).total == 0


def test_as_of_hides_motions_registered_later_and_before_any_event_is_empty(
    board: Board,
) -> None:
    board.add("1/IV", date(2014, 3, 31), decided=date(2014, 2, 20))
    board.add("2/IV", date(2014, 9, 30), decided=date(2014, 9, 1))
    board.refresh()

    assert ids(board.queries.overdue(today=TODAY, as_of=date(2014, 8, 1)).items) == ["1/IV"]
    assert ids(board.queries.overdue(today=TODAY).items) == ["1/IV", "2/IV"]
    empty = board.queries.overdue(today=TODAY, as_of=date(2000, 1, 1))
    assert (empty.total, empty.items) == (0, [])
    assert board.queries.stats(today=TODAY, as_of=date(2000, 1, 1))["by_office"] == []


def test_withdrawn_motion_is_not_overdue_from_its_withdrawal(board: Board) -> None:
    mid = board.add("1/IV", date(2014, 6, 30))
    board.service.withdraw(mid, on=date(2014, 8, 1), reason="erledigt durch Zeitablauf")
    board.refresh()

    assert board.queries.overdue(today=TODAY).total == 0
    assert board.queries.for_motion(mid, today=TODAY)[0]["status"] == "withdrawn"
    assert board.queries.overdue(today=TODAY, as_of=date(2014, 7, 15)).total == 1


def test_half_yearly_report_duty_produces_its_next_occurrence(board: Board) -> None:
    mid = board.add("1/IV", None)
    board.service.set_report_obligation(
        mid,
        recipient="Ausschuss für Stadtentwicklung",
        recurrence=Recurrence.HALF_YEARLY,
        first_due=date(2014, 6, 30),
        phrase="halbjährlich zu berichten",
        effective=date(2014, 2, 20),
    )
    board.refresh()

    (first,) = board.queries.for_motion(mid, today=date(2014, 7, 15))
    assert (first["occurrence"], first["due"], first["status"]) == (1, "2014-06-30", "overdue")
    # It fell due: the next occurrence is shown beside it.
    assert first["next_due"] == "2014-12-30"

    board.service.submit_report(
        mid,
        on=date(2014, 7, 20),
        report_kind=ReportKind.INTERIM,
        document_reference="1263/IV-B1",
        obligation_id="R1",
    )
    board.refresh()

    rows = board.queries.for_motion(mid, today=date(2014, 7, 21))
    assert [(r["occurrence"], r["due"], r["status"]) for r in rows] == [
        (1, "2014-06-30", "met_late"),
        (2, "2014-12-30", "upcoming"),
    ]
    assert rows[0]["days_late"] == 20
    # On 15 July the report was not in yet.
    then = board.queries.overdue(today=TODAY, as_of=date(2014, 7, 15))
    assert [(i["occurrence"], i["status"]) for i in then.items] == [(1, "overdue")]

    board.service.submit_report(
        mid,
        on=date(2014, 12, 1),
        report_kind=ReportKind.FINAL,
        document_reference=None,
        obligation_id="R1",
    )
    board.refresh()
    rows = board.queries.for_motion(mid, today=TODAY)
    assert [r["status"] for r in rows] == ["met_late", "met"]


@pytest.mark.parametrize(
    ("recurrence", "second_due"),
    [
        (Recurrence.MONTHLY, "2014-04-30"),
        (Recurrence.QUARTERLY, "2014-06-30"),
        (Recurrence.YEARLY, "2015-03-31"),
        (Recurrence.REGULAR, "2014-09-30"),
    ],
)
def test_recurring_cadences(board: Board, recurrence: Recurrence, second_due: str) -> None:
    mid = board.add("1/IV", None)
    board.service.set_report_obligation(
        mid,
        recipient=None,
        recurrence=recurrence,
        first_due=date(2014, 3, 31),
        phrase="regelmäßig",
        effective=date(2014, 2, 20),
    )
    board.service.submit_report(
        mid,
        on=date(2014, 3, 28),
        report_kind=ReportKind.INTERIM,
        document_reference=None,
        obligation_id="R1",
    )
    board.refresh()

    rows = board.queries.for_motion(mid, today=date(2014, 3, 29))
    assert [(r["status"], r["due"]) for r in rows] == [
        ("met", "2014-03-31"),
        ("upcoming", second_due),
    ]


def test_regular_cadence_comes_from_the_setting_and_a_change_rebuilds(board: Board) -> None:
    mid = board.add("1/IV", None)
    board.service.set_report_obligation(
        mid,
        recipient=None,
        recurrence=Recurrence.REGULAR,
        first_due=date(2014, 3, 31),
        phrase="regelmäßig",
        effective=date(2014, 2, 20),
    )
    board.service.submit_report(
        mid,
        on=date(2014, 3, 28),
        report_kind=ReportKind.INTERIM,
        document_reference=None,
        obligation_id="R1",
    )
    board.refresh()
    quarterly = Runner(board.db, board.service.app, [BoardProjection(regular_cadence_months=3)])

    assert quarterly.catch_up() == 5  # the stored version differs: rebuilt from the start

    rows = board.queries.for_motion(mid, today=date(2014, 3, 29))
    assert rows[-1]["due"] == "2014-06-30"


def test_completing_the_motion_meets_every_open_obligation(board: Board) -> None:
    mid = board.add("1/IV", date(2014, 12, 18))
    board.service.set_report_obligation(
        mid,
        recipient=None,
        recurrence=Recurrence.QUARTERLY,
        first_due=date(2014, 6, 30),
        phrase="vierteljährlich",
        effective=date(2014, 2, 20),
    )
    board.service.complete(mid, on=date(2014, 10, 1), deadline_id=None, note="erledigt")
    board.refresh()

    rows = board.queries.for_motion(mid, today=TODAY)
    assert sorted((r["obligation_id"], r["status"], r["met_on"]) for r in rows) == [
        ("D1", "met", "2014-10-01"),
        ("R1", "met_late", "2014-10-01"),
    ]
    assert board.queries.overdue(today=TODAY).total == 0


def test_report_for_a_report_deadline_meets_it(board: Board) -> None:
    mid = board.add("1/IV", None)
    board.service.add(
        body="BVV Mitte von Berlin",
        reference="1/IV",
        title="Poststadion",
        kind=None,
        state="BE",
        decided_on=None,
        outcome=None,
        committee=None,
        addressee=None,
        office=None,
        due=date(2014, 9, 30),
        deadline_kind=__import__("events.values", fromlist=["DeadlineKind"]).DeadlineKind.REPORT,
        phrase="Bericht bis 30.09.2014",
    )
    board.service.submit_report(
        mid,
        on=date(2014, 9, 15),
        report_kind=ReportKind.FINAL,
        document_reference=None,
        obligation_id="D1",
    )
    board.refresh()

    (row,) = board.queries.for_motion(mid, today=TODAY)
    assert (row["kind"], row["status"], row["met_on"]) == ("report", "met", "2014-09-15")


@pytest.mark.parametrize(
    ("state", "nominal", "legal"),
    [
        ("BE", date(2014, 4, 21), "2014-04-22"),  # Easter Monday in Berlin
        ("SN", date(2014, 10, 31), "2014-11-03"),  # Reformationstag (Friday) in Saxony
        ("NW", date(2014, 10, 31), "2014-10-31"),  # an ordinary Friday in NRW
        ("BE", date(2014, 12, 20), "2014-12-22"),  # a Saturday
    ],
)
def test_bgb_193_moves_due_dates_off_weekends_and_holidays_of_the_state(
    board: Board, state: str, nominal: date, legal: str
) -> None:
    board.add("1/IV", nominal, state=state, decided=date(2014, 2, 20))
    board.refresh()

    (item,) = board.queries.due_within(400, today=date(2014, 3, 1)).items
    assert (item["nominal_due"], item["due"]) == (nominal.isoformat(), legal)
    # Not overdue on the nominal day's successor when § 193 moved it further.
    day_after = date.fromordinal(nominal.toordinal() + 1)
    expected = 1 if day_after.isoformat() > legal else 0
    assert board.queries.overdue(today=day_after).total == expected


def test_correcting_the_state_recomputes_the_legal_due_date(board: Board) -> None:
    mid = board.add("1/IV", date(2014, 10, 31), state="NW")
    board.service.correct(mid, field_name="state", value="SN", reason="falsch", effective=None)
    board.refresh()

    assert board.queries.for_motion(mid, today=TODAY)[0]["due"] == "2014-11-03"


def test_correcting_a_due_date_keeps_the_original(board: Board) -> None:
    mid = board.add("1/IV", date(2014, 10, 1))
    board.service.correct(
        mid,
        field_name="deadline.D1.due",
        value="2014-11-03",
        reason="Tippfehler",
        effective=date(2014, 3, 1),
    )
    board.refresh()

    (row,) = board.queries.for_motion(mid, today=TODAY)
    assert (row["due"], row["original_due"]) == ("2014-11-03", "2014-10-01")


def test_filters_pagination_and_totals(board: Board) -> None:
    working_days = [date(2014, 5, d) for d in (5, 6, 7, 8, 9, 12, 13)]
    for n, due in enumerate(working_days, start=1):
        board.add(f"{n}/IV", due, office="Abt. Bauen" if n % 2 else "Abt. Jugend")
    board.add("9/IV", date(2014, 6, 2), body="Rat der Stadt Köln", state="NW", office="Amt 61")
    board.refresh()

    first = board.queries.overdue(today=TODAY, limit=3)
    second = board.queries.overdue(today=TODAY, limit=3, offset=3)
    bauen = board.queries.overdue(today=TODAY, filters=Filters(office="Abt. Bauen"))
    koeln = board.queries.overdue(
        today=TODAY, filters=Filters(body="Rat der Stadt Köln", kind="completion")
    )

    assert first.total == second.total == 8
    assert ids(first.items) == ["1/IV", "2/IV", "3/IV"]  # most overdue first
    assert ids(second.items) == ["4/IV", "5/IV", "6/IV"]
    assert [i["days_overdue"] for i in first.items] == [245, 244, 243]
    assert (bauen.total, ids(bauen.items)) == (4, ["1/IV", "3/IV", "5/IV", "7/IV"])
    assert (koeln.total, ids(koeln.items)) == (1, ["9/IV"])
    assert board.queries.overdue(today=TODAY, offset=8).items == []
    # The maintained counts agree with counting rows (as-of counts rows).
    assert board.queries.overdue(today=TODAY, as_of=TODAY).total == 8
    assert board.queries.due_within(7, today=date(2014, 5, 6)).total == 6


def test_unknown_filter_names_close_matches(board: Board) -> None:
    board.add("1/IV", date(2014, 5, 2), office="Abt. Stadtentwicklung")
    board.refresh()

    with pytest.raises(
        InputError,
        match=r"unknown --office 'Stadtentwicklung'; did you mean "
        r"'Abt. Stadtentwicklung'\?",
    ):
        board.queries.overdue(today=TODAY, filters=Filters(office="Stadtentwicklung"))
    with pytest.raises(InputError, match="unknown --kind 'erledigung'; known values: "):
        board.queries.overdue(today=TODAY, filters=Filters(kind="erledigung"))
    with pytest.raises(InputError, match="unknown --committee 'x'"):
        board.queries.stats(today=TODAY, filters=Filters(committee="x"))


def test_stats_per_office_and_committee(board: Board) -> None:
    a = board.add("1/IV", date(2014, 6, 30), office="Abt. Bauen")
    b = board.add("2/IV", date(2014, 6, 30), office="Abt. Bauen")
    c = board.add("3/IV", date(2014, 6, 30), office="Abt. Bauen")
    board.add("4/IV", date(2014, 6, 30), office="Abt. Bauen")
    board.add("5/IV", date(2015, 6, 30), office="Abt. Jugend")
    board.service.complete(a, on=date(2014, 6, 1), deadline_id=None, note=None)
    board.service.complete(b, on=date(2014, 7, 10), deadline_id=None, note=None)
    board.service.complete(c, on=date(2014, 7, 31), deadline_id=None, note=None)
    board.refresh()

    stats = board.queries.stats(today=TODAY)

    by_office = {g["office"]: g for g in stats["by_office"]}
    assert by_office["Abt. Bauen"] == {
        "office": "Abt. Bauen",
        "open": 1,
        "overdue": 1,
        "met_on_time": 1,
        "met_late": 2,
        "median_days_late": 20.5,
    }
    assert by_office["Abt. Jugend"]["open"] == 1
    assert by_office["Abt. Jugend"]["overdue"] == 0
    assert stats["by_committee"][0]["committee"] == "BVV Mitte von Berlin"
    then = board.queries.stats(today=TODAY, as_of=date(2014, 7, 15))
    assert {g["office"]: g["met_late"] for g in then["by_office"]} == {
        "Abt. Bauen": 1,
        "Abt. Jugend": 1 - 1,
    }


def test_reference_lookup_from_the_catalogue(board: Board) -> None:
    mid = board.add("1263/IV", date(2014, 12, 18))
    other = board.add("1263/IV", date(2014, 12, 18), body="BVV Pankow")
    board.refresh()

    assert sorted(board.queries.ids_for_reference(" 1263/iv")) == sorted([mid, other])
    assert sorted(board.queries.ids_for_reference("1263/IV")) == sorted(
        board.service.ids_for_reference("1263/IV")
    )
    assert board.queries.ids_for_reference("9999") == []


def test_catch_up_applies_only_new_events_and_rebuild_gives_the_same_rows(board: Board) -> None:
    mid = board.add("1/IV", date(2014, 6, 30))
    assert board.refresh() == 4
    assert board.refresh() == 0
    board.service.extend_deadline(
        mid, "D1", new_due=date(2014, 9, 30), reason="", effective=date(2014, 6, 1)
    )
    assert board.refresh() == 1
    incremental = board.rows()

    assert board.runner.rebuild() == 5
    assert board.rows() == incremental
    assert board.runner.positions() == {"board": board.service.head()}


def test_batches_of_one_give_the_same_read_model(board: Board) -> None:
    for n in range(1, 6):
        mid = board.add(f"{n}/IV", date(2014, 6, n))
        board.service.extend_deadline(
            mid, "D1", new_due=date(2014, 9, n), reason="", effective=date(2014, 5, 1)
        )
    board.service.complete(mid, on=date(2014, 7, 1), deadline_id=None, note=None)
    board.runner.catch_up(batch_size=1)
    one_by_one = board.rows()
    counts = board.queries.overdue(today=TODAY).total

    board.runner.rebuild(batch_size=500)

    assert board.rows() == one_by_one
    assert board.queries.overdue(today=TODAY).total == counts == 4


def test_two_runners_on_separate_connections_never_apply_twice(
    board: Board, location: StoreLocation
) -> None:
    from events.store import connect

    for n in range(1, 4):
        board.add(f"{n}/IV", date(2014, 6, n))
    other_db = connect(location)
    try:
        other = Runner(other_db, board.service.app, [BoardProjection()])
        assert other.catch_up(batch_size=5) == 12
        assert board.runner.catch_up(batch_size=5) == 0
        board.add("4/IV", date(2014, 6, 4))
        assert board.runner.catch_up() == 4
        assert other.catch_up() == 0
    finally:
        other_db.close()
    assert board.queries.overdue(today=TODAY).total == 4


def test_projection_runs_into_an_in_memory_database_from_entries(board: Board) -> None:
    """The auditor's case: rebuild as recorded up to a position, into memory."""
    board.add("1/IV", date(2014, 6, 30))
    cut = board.service.head()
    board.add("2/IV", date(2014, 6, 30))
    memory = Database(StoreLocation("sqlite", path=Path(":memory:")), sqlite3.connect(":memory:"))

    entries = read_log(board.service.app.recorder, board.service.app.mapper, stop=cut)
    applied = project(memory, [BoardProjection()], entries)

    assert applied == cut == 4
    page = BoardQueries(memory).overdue(today=TODAY)
    assert ids(page.items) == ["1/IV"]
    board.refresh()
    stored = board.db.query(
        f"SELECT * FROM {board.db.table_prefix}board_rows WHERE reference = '1/IV'"
    )
    assert set(stored) == set(memory.query("SELECT * FROM board_rows"))


def test_log_head_is_read_without_the_library_on_both_backends(board: Board) -> None:
    from projections.runner import log_head

    assert log_head(board.db) == 0
    board.add("1/IV", date(2014, 6, 30))

    assert log_head(board.db) == board.service.head() == 4


def test_a_rebuild_reports_its_progress_per_batch(board: Board) -> None:
    for n in range(1, 6):
        board.add(f"{n}/IV", date(2014, 6, n))
    head = board.service.head()
    seen: list[tuple[int, int]] = []

    assert board.runner.rebuild(batch_size=4, progress=lambda *p: seen.append(p)) == head

    assert seen[-1] == (head, head)
    assert [done for done, _ in seen] == sorted({done for done, _ in seen})
    assert len(seen) == -(-head // 4)  # one call per batch

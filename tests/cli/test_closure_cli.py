"""Two-step closure through ``cli.app`` on both backends: ``complete`` reports a motion done
(still listed), ``close`` takes it off the lists, ``reopen`` brings it back."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke
from tests.cli.test_board_cli import add


def overdue(run: Invoke) -> list[tuple[str, str]]:
    code, out, err = run("overdue", "--format", "json")
    assert code == 0, err
    return [(i["reference"], i["motion_status"]) for i in json.loads(out)["items"]]


def test_acceptance_complete_then_close_takes_1263_iv_off_the_list_only_after_close(
    run: Invoke,
) -> None:
    add(run, "1263/IV", "2014-12-18")
    assert overdue(run) == [("1263/IV", "not_started")]

    code, out, err = run("complete", "1263/IV", "--date", "2015-01-02", "--note", "fand statt")
    assert (code, out) == (0, "1263/IV: reported done on 2015-01-02; open until closed\n"), err
    assert overdue(run) == [("1263/IV", "done_reported")]

    code, out, err = run(
        "close", "1263/IV", "--by", "BVV Mitte", "--on", "15.01.2015", now="2015-01-20T09:00"
    )
    assert (code, out) == (0, "1263/IV: closed on 2015-01-15 by BVV Mitte\n"), err
    assert overdue(run) == []
    code, out, _ = run("show", "1263/IV", "--format", "json")
    view = json.loads(out)
    assert (view["status"], view["done_on"], view["closed_on"], view["closed_by"]) == (
        "closed", "2015-01-02", "2015-01-15", "BVV Mitte",
    )  # fmt: skip
    assert view["board"][0]["met_on"] == "2015-01-02"

    code, out, err = run("reopen", "1263/IV", "--reason", "nur teilweise erledigt")
    assert (code, out) == (0, "1263/IV: reopened\n"), err
    assert overdue(run) == [("1263/IV", "not_started")]


def test_closing_needs_by_and_on_and_a_closed_motion_cannot_be_closed_again(
    run: Invoke,
) -> None:
    add(run, "1263/IV", "2014-12-18")
    code, _, err = run("close", "1263/IV", "--by", "BVV")
    assert code == 2 and "--on" in err
    later = "2015-01-20T09:00"
    assert run("close", "1263/IV", "--by", "BVV", "--on", "2015-01-15", now=later)[0] == 0
    code, _, err = run("close", "1263/IV", "--by", "BVV", "--on", "2015-01-16", now=later)
    assert code == 1 and "was closed on 2015-01-15 by BVV" in err
    code, _, err = run("reopen", "1263/IV")
    assert code == 2 and "--reason" in err


def test_a_closure_in_a_session_yet_to_come_is_refused_and_nothing_recorded(
    run: Invoke,
) -> None:
    add(run, "1263/IV", "2014-12-18")
    before = run("log", "--format", "jsonl")[1]
    code, out, err = run("close", "1263/IV", "--by", "BVV", "--on", "2015-01-15")  # now: 05.01.
    assert code == 1 and out == "", (out, err)
    assert "after today (2015-01-05)" in err
    assert run("log", "--format", "jsonl")[1] == before
    assert overdue(run) == [("1263/IV", "not_started")]


def test_complete_with_a_deadline_still_meets_just_that_deadline(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    code, out, err = run("complete", "1263/IV", "--deadline", "D1", "--date", "2014-12-01")
    assert (code, out) == (0, "1263/IV D1: completed on 2014-12-01\n"), err
    assert overdue(run) == []

"""How ``tracker add`` dates a motion added by hand (issue 17, "Also fix", both backends):
by the date it bears (``--on``), else its decision, else, said so, the day it is recorded;
``--as-of`` follows that date."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke

NOW = "2026-03-01T10:00"
ADD = ("add", "2026/0008", "--body", "Rat der Stadt", "--title", "Bänke", "--state", "BE",
       "--office", "Grünflächenamt", "--due", "13.02.2026")  # fmt: skip


def overdue_as_of(run: Invoke, day: str) -> list[str]:
    code, out, err = run("overdue", "--as-of", day, "--format", "json", now=NOW)
    assert code == 0, err
    return [i["reference"] for i in json.loads(out)["items"]]


def effective_dates(run: Invoke) -> dict[str, object]:
    _, out, _ = run("log", "--format", "jsonl", now=NOW)
    return {json.loads(line)["event"]: json.loads(line)["effective"] for line in out.splitlines()}


def test_a_motion_added_with_the_date_it_bears_is_listed_as_of_days_before_it_was_recorded(
    run: Invoke,
) -> None:
    code, _, err = run(*ADD, "--on", "05.01.2026", now=NOW)
    assert code == 0, err
    assert err == ""
    assert overdue_as_of(run, "2026-02-28") == ["2026/0008"]
    assert overdue_as_of(run, "2026-03-01") == ["2026/0008"]
    assert overdue_as_of(run, "2026-01-04") == []  # before the date it bears it did not exist
    assert set(effective_dates(run).values()) == {"2026-01-05"}


def test_the_decision_dates_the_rest_and_the_motion_may_bear_an_earlier_date(
    run: Invoke,
) -> None:
    code, _, err = run(*ADD, "--on", "05.01.2026", "--decided", "20.01.2026", now=NOW)
    assert code == 0, err
    dates = effective_dates(run)
    assert dates["Registered"] == "2026-01-05"
    assert dates["DecisionRecorded"] == dates["DeadlineSet"] == "2026-01-20"
    code, _, err = run(*ADD[:2], "--body", "Rat", "--title", "t", "--on", "21.01.2026",
                       "--decided", "20.01.2026", now=NOW)  # fmt: skip
    assert code == 2
    assert "cannot bear a date after its decision" in err


def test_without_a_date_the_motion_is_dated_today_and_the_command_says_so(run: Invoke) -> None:
    code, out, err = run(*ADD, now=NOW)
    assert code == 0, err
    assert out == "2026/0008: 3 event(s) recorded, deadline D1\n"
    assert "2026/0008 dated 01.03.2026, the day it is recorded (no --decided or --on)" in err
    assert set(effective_dates(run).values()) == {"2026-03-01"}  # stated, not left implicit
    assert overdue_as_of(run, "2026-02-28") == []
    assert overdue_as_of(run, "2026-03-01") == ["2026/0008"]

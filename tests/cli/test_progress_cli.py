"""``tracker progress`` through ``cli.app`` on both backends: the Sachstand in every listing
(table, JSON, CSV), in ``show`` with its whole series, and in the calendar feed."""

from __future__ import annotations

import csv
import io
import json

from icalendar import Calendar

from tests.cli.conftest import Invoke
from tests.cli.test_board_cli import add


def record(run: Invoke, *args: str, now: str = "2015-01-02T10:00") -> None:
    code, out, err = run("progress", "1263/IV", *args, now=now)
    assert (code, out) == (0, "1263/IV: 1 event(s) recorded\n"), err


def test_acceptance_a_sachstand_with_a_reason_shows_in_overdue_json(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    record(run, "--text", "Räume angefragt", now="2014-11-03T10:00")
    record(
        run, "--text", "Konferenz vorbereitet", "--reason", "Personalmangel",
        "--next", "Einladung der Träger", "--expected", "01.03.2015",
    )  # fmt: skip

    code, out, _ = run("overdue", "--format", "json")

    assert code == 0
    (item,) = json.loads(out)["items"]
    assert item["progress"] == {
        "text": "Konferenz vorbereitet", "reason": "Personalmangel",
        "next": "Einladung der Träger", "expected": "2015-03-01", "on": "2015-01-02",
        "by": item["progress"]["by"], "office": "Abt. Stadtentwicklung",
    }  # fmt: skip
    assert item["progress"]["by"]  # the user who recorded it

    code, out, _ = run("overdue", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert "progress" not in row
    assert (row["progress_text"], row["progress_reason"], row["progress_on"]) == (
        "Konferenz vorbereitet", "Personalmangel", "2015-01-02",
    )  # fmt: skip

    code, out, _ = run("overdue")
    assert "2015-01-02: Konferenz vorbereitet (late: Person…" in out  # cut at 48


def test_show_has_the_whole_series(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    record(run, "--text", "Konferenz vorbereitet", "--date", "2015-01-02")
    record(run, "--text", "Räume angefragt", "--date", "2014-11-03", "--office", "Abt. Jugend")

    code, out, _ = run("show", "1263/IV", "--format", "json")

    assert code == 0
    view = json.loads(out)
    assert [(p["on"], p["text"], p["office"]) for p in view["progress"]] == [
        ("2014-11-03", "Räume angefragt", "Abt. Jugend"),
        ("2015-01-02", "Konferenz vorbereitet", "Abt. Stadtentwicklung"),
    ]
    assert view["board"][0]["progress"]["text"] == "Konferenz vorbereitet"
    code, out, _ = run("show", "1263/IV")
    assert "progress (Sachstand):" in out and "Räume angefragt" in out


def test_the_calendar_description_carries_the_sachstand(run: Invoke) -> None:
    add(run, "1263/IV", "2015-02-20")
    record(run, "--text", "Räume angefragt", "--reason", "Haushaltssperre")

    code, out, _ = run("calendar")

    assert code == 0
    (event,) = Calendar.from_ical(out).walk("VEVENT")
    lines = str(event["DESCRIPTION"]).splitlines()
    assert lines[-2].startswith("Sachstand (2015-01-02, ") and "Räume angefragt" in lines[-2]
    assert lines[-1] == "Grund der Verzögerung: Haushaltssperre"


def test_bad_sachstand_input_is_refused_with_a_clear_message(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    code, _, err = run("progress", "1263/IV", "--text", " ")
    assert code != 0 and "needs a text" in err
    code, _, err = run("progress", "1263/IV", "--text", "x", "--expected", "2014-01-01")
    assert code != 0 and "lies before the Sachstand" in err
    code, _, err = run("progress", "9999/IV", "--text", "x")
    assert code != 0 and "9999/IV" in err

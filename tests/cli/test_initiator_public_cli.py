"""Initiator, Fraktion and non-public motions through ``cli.app`` on both backends: shown in
every listing (JSON, CSV, table, iCal, ``show``), filtered with ``--initiator`` and
``--public/--non-public``; ``tracker visibility`` marks a motion."""

from __future__ import annotations

import csv
import io
import json

from tests.cli.conftest import Invoke
from tests.cli.test_board_cli import add


def test_listings_show_initiators_and_the_fraktion(run: Invoke) -> None:
    add(
        run,
        "1263/IV",
        "2014-12-18",
        "--initiator",
        "SPD-Fraktion",
        "--initiator",
        "Anna Schmidt (CDU)",
    )
    add(run, "1264/IV", "2014-12-19", "--initiator", "Fraktion Die Linke")

    code, out, _ = run("overdue", "--format", "json")
    assert code == 0
    items = {i["reference"]: i for i in json.loads(out)["items"]}
    first = items["1263/IV"]
    assert first["initiators"] == ["SPD-Fraktion", "Anna Schmidt (CDU)"]
    assert (first["fraktion"], first["public"]) == ("SPD-Fraktion, CDU", True)
    assert items["1264/IV"]["fraktion"] == "Fraktion Die Linke"

    code, out, _ = run("overdue", "--format", "csv")
    rows = {r["reference"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["1263/IV"]["initiators"] == "SPD-Fraktion; Anna Schmidt (CDU)"
    assert rows["1263/IV"]["fraktion"] == "SPD-Fraktion, CDU"
    code, out, _ = run("overdue")
    assert "initiator" in out.splitlines()[0]
    assert "Fraktion Die Linke" in out
    code, out, _ = run("calendar")
    assert "Initiative: SPD-Fraktion\\, Anna Schmidt (CDU)" in out.replace("\n ", "")
    code, out, _ = run("show", "1263/IV", "--format", "json")
    view = json.loads(out)
    assert (view["fraktion"], view["public"]) == ("SPD-Fraktion, CDU", True)
    code, out, _ = run("show", "1263/IV")
    assert "initiators: SPD-Fraktion, Anna Schmidt (CDU)" in out


def test_initiator_filter_finds_part_of_a_name_and_names_known_ones(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18", "--initiator", "SPD-Fraktion")
    add(run, "1264/IV", "2014-12-19", "--initiator", "Fraktion Die Linke")

    code, out, _ = run("overdue", "--initiator", "spd", "--format", "json")
    doc = json.loads(out)
    assert (code, doc["total"], doc["filters"]["initiator"]) == (0, 1, "spd")
    assert [i["reference"] for i in doc["items"]] == ["1263/IV"]
    code, out, _ = run("due", "--within", "400", "--initiator", "Die  LINKE", "--format", "json")
    assert json.loads(out)["total"] == 0  # overdue ones are not repeated in `due`
    code, out, _ = run("stats", "--initiator", "linke", "--format", "json")
    assert [g["open"] for g in json.loads(out)["by_office"]] == [1]
    code, _, err = run("overdue", "--initiator", "Grüne")
    assert code == 2
    assert "unknown --initiator 'Grüne'" in err and "'SPD-Fraktion'" in err


def test_a_non_public_motion_never_appears_in_a_public_listing(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    add(run, "1264/IV", "2014-12-19", "--non-public")

    code, out, _ = run("overdue", "--public", "--format", "json")
    doc = json.loads(out)
    assert (doc["total"], doc["filters"]["public"]) == (1, True)
    assert [i["reference"] for i in doc["items"]] == ["1263/IV"]
    code, out, _ = run("overdue", "--non-public", "--format", "json")
    ((item),) = json.loads(out)["items"]
    assert (item["reference"], item["public"]) == ("1264/IV", False)
    code, out, _ = run("calendar", "--public")
    assert "1263/IV" in out and "1264/IV" not in out
    code, out, _ = run("stats", "--public", "--format", "json")
    assert sum(g["open"] for g in json.loads(out)["by_office"]) == 1
    code, out, _ = run("overdue", "--format", "json")
    assert (code, json.loads(out)["total"]) == (0, 2)  # unfiltered: both (the administration)


def test_visibility_marks_a_motion_non_public_and_public_again(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")

    code, out, err = run("visibility", "1263/IV", "--non-public", "--reason", "Personalsache")
    assert (code, out) == (0, "1263/IV: non-public\n"), err
    code, out, _ = run("visibility", "1263/IV", "--non-public")
    assert out == "1263/IV: non-public already\n"
    code, out, _ = run("log", "--format", "jsonl")
    marks = [json.loads(line) for line in out.splitlines() if "VisibilityChanged" in line]
    assert len(marks) == 1
    assert marks[0]["data"]["public"] is False and marks[0]["data"]["reason"] == "Personalsache"
    code, out, _ = run("overdue", "--public", "--format", "json")
    assert json.loads(out)["total"] == 0
    code, out, _ = run("show", "1263/IV")
    assert "non-public (nichtöffentlich)" in out

    code, out, _ = run("visibility", "1263/IV", "--public")
    assert out == "1263/IV: public\n"
    code, out, _ = run("overdue", "--public", "--format", "json")
    assert json.loads(out)["total"] == 1


def test_stats_names_the_group_without_an_office(run: Invoke) -> None:
    code, _, err = run(
        "add", "9/IV", "--body", "BVV Mitte von Berlin", "--title", "t", "--state", "BE",
        "--decided", "2014-02-20", "--due", "2014-12-18", now="2014-02-21T10:00",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run("stats")
    assert out.splitlines()[2].split()[:3] == ["office", "ohne", "Federführung"]
    code, out, _ = run("stats", "--format", "csv")
    assert "office,ohne Federführung,1,1" in out
    code, out, _ = run("stats", "--format", "json")
    assert json.loads(out)["by_office"][0]["office"] is None  # JSON keeps null

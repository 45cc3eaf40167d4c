"""Status and red / amber / green through ``cli.app`` on both backends: in the listings'
JSON, CSV and table, in ``show``, and the ``--status``, ``--rag``, ``--stale`` filters."""

from __future__ import annotations

import csv
import io
import json

from tests.cli.conftest import Invoke
from tests.cli.test_board_cli import add


def test_overdue_json_shows_status_and_rag_and_filters_by_them(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    add(run, "1264/IV", "2015-01-20")
    code, _, err = run(
        "progress", "1263/IV", "--text", "Räume angefragt", "--reason", "Personalmangel"
    )
    assert code == 0, err

    code, out, _ = run("overdue", "--format", "json")
    (item,) = json.loads(out)["items"]
    assert (item["motion_status"], item["rag"], item["stale"]) == ("in_progress", "red", False)
    assert item["progress"]["reason"] == "Personalmangel"

    # decided 2014-02-20 and silent since: stale, so red
    code, out, _ = run("due", "--within", "30", "--rag", "red", "--stale", "--format", "json")
    assert [i["reference"] for i in json.loads(out)["items"]] == ["1264/IV"]
    run("progress", "1264/IV", "--text", "in Arbeit")
    for to in ("2015-02-20", "2015-03-20"):
        code, _, err = run("deadline", "extend", "1264/IV", "D1", "--to", to, "--reason", "x")
        assert code == 0, err
    code, out, _ = run("due", "--within", "90", "--rag", "amber", "--format", "json")
    doc = json.loads(out)
    assert [i["reference"] for i in doc["items"]] == ["1264/IV"]
    assert doc["filters"] == {
        "body": None, "committee": None, "office": None, "kind": None,
        "status": None, "rag": "amber", "stale": False, "initiator": None, "public": None,
    }  # fmt: skip
    code, out, _ = run("overdue", "--status", "not_started", "--format", "json")
    assert json.loads(out)["total"] == 0
    code, out, _ = run("overdue", "--rag", "red", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["motion_status"], row["rag"], row["stale"]) == ("in_progress", "red", "False")
    code, out, _ = run("overdue")
    assert out.splitlines()[2].split()[5:8] == ["overdue", "+18", "red"]


def test_stale_lists_motions_without_a_sachstand_for_180_days(run: Invoke) -> None:
    add(run, "1263/IV", "2015-12-31")  # decided 2014-02-20, no Sachstand since
    code, out, _ = run("due", "--within", "400", "--stale", "--format", "json")
    assert code == 0
    (item,) = json.loads(out)["items"]
    assert (item["stale"], item["rag"]) == (True, "red")
    run("progress", "1263/IV", "--text", "Gutachten beauftragt")
    code, out, _ = run("due", "--within", "400", "--stale", "--format", "json")
    assert json.loads(out)["total"] == 0


def test_show_has_the_status(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    code, out, _ = run("show", "1263/IV", "--format", "json")
    assert json.loads(out)["status"] == "not_started"
    run("complete", "1263/IV", "--date", "2015-01-02")
    code, out, _ = run("show", "1263/IV")
    assert code == 0 and "status: done_reported" in out


def test_unknown_status_or_rag_is_bad_input(run: Invoke) -> None:
    add(run, "1263/IV", "2014-12-18")
    code, out, err = run("overdue", "--rag", "gelb")
    assert (code, out) == (2, "")
    assert "unknown --rag 'gelb'" in err and "'red', 'amber', 'green'" in err
    code, _, err = run("overdue", "--status", "in_progres")
    assert code == 2 and "did you mean 'in_progress'?" in err

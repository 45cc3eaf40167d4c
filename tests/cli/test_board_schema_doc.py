"""docs/board-schema.md against what ``--format json`` prints, key by key: the listings,
an item, a Sachstand, ``stats``, and ``show`` with its explanations, answers and reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.cli.test_terms_cli import DATA

DOC = (Path(__file__).resolve().parents[2] / "docs" / "board-schema.md").read_text("utf-8")
MITTE = ("--body", "BVV Mitte von Berlin", "--state", "BE")


def section(title: str) -> str:
    start = DOC.index(title)
    end = DOC.find("\n#", start + len(title))
    return DOC[start : end if end > 0 else None]


def documented(title: str) -> list[str]:
    """The keys of the tables under ``title`` (`key` or `a`, `b` in the first column)."""
    found: list[str] = []
    for line in section(title).splitlines():
        cell = line.split("|")[1] if line.startswith("| `") else ""
        found += re.findall(r"`([^`]+)`", cell)
    return found


def json_of(run: Invoke, *args: str) -> dict[str, object]:
    code, out, err = run(*args, "--format", "json", now="2015-01-20T09:00")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_the_schema_document_names_every_key_the_json_prints(run: Invoke) -> None:
    for args in (
        ("add", "1263/IV", *MITTE, "--title", "Integrationskonferenz", "--decided", "20.02.2014",
         "--office", "Abt. Soziales", "--due", "18.12.2014"),
        ("progress", "1263/IV", "--text", "Räume angefragt", "--reason", "Personalmangel"),
        ("ingest", str(DATA / "be-0412-IX-vzk-zwischenbericht.txt")),
    ):  # fmt: skip
        code, _, err = run(*args, now="2015-01-20T09:00")
        assert code == 0, err

    overdue = json_of(run, "overdue")
    assert set(overdue) == set(documented("## Listings")) - {"within_days"}
    due = json_of(run, "due", "--within", "30")
    assert set(due) == set(documented("## Listings"))
    items = overdue["items"]
    assert isinstance(items, list) and items
    item = items[0]
    assert list(item) == [k for k in documented("## An item") if k in item]
    assert set(item) == set(documented("## An item"))
    assert list(item["progress"]) == documented("### `progress`")

    stats = json_of(run, "stats")
    shown = re.search(r"```json\n(\{.*?\})\n```", section("## `tracker stats`"), re.S)
    assert shown is not None
    example = json.loads(shown.group(1))
    assert list(stats) == list(example)
    assert list(stats["reminders"]) == list(example["reminders"])  # type: ignore[call-overload]
    for group in ("by_office", "by_committee"):
        rows = stats[group]
        assert isinstance(rows, list) and list(rows[0]) == list(example[group][0])

    show = json_of(run, "show", "1263/IV")
    keys = documented("## `tracker show --format json`")
    for key in keys:
        top = key.split("[]")[0].split(".")[0]
        assert top in show, key
    for key in ("status", "progress", "done_on", "closed_on", "closed_by", "reports", "answers"):
        assert key in keys, f"{key} printed by show --format json but not documented"
    deadlines = show["deadlines"]
    assert isinstance(deadlines, list)
    assert list(deadlines[0]["explanation"]) == documented("### `explanation`")
    reports = show["reports"]
    assert isinstance(reports, list) and reports
    assert list(reports[0]) == ["date", "kind", "document", "obligation"]
    answers = json_of(run, "show", "1390/IV")["answers"]
    assert isinstance(answers, list) and answers
    assert list(answers[0]) == ["reference", "kind", "date", "phrase", "rule"]
    rows = section("## `tracker show").splitlines()
    answer_row = next(line for line in rows if "`answers`" in line)
    assert all(f"`{k}`" in answer_row for k in answers[0])

"""What issue 17's walk as a new user found (both backends): a vague term the defaults date
draws no "no date" warning; a term that ran from a document without a decision says so in
its explanation; a motion reported done without a note shows no dangling colon."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

DATA = Path(__file__).resolve().parents[1] / "data" / "sachstand"

UNDECIDED = """Antrag 22-4300
Betreff: Sitzbänke am Hafen
Datum: 07.12.2023

Die Verwaltung wird gebeten, schnellstmöglich zehn Sitzbänke aufzustellen.
"""


def test_a_vague_term_dated_by_the_default_draws_no_warning_but_an_undated_one_does(
    run: Invoke,
) -> None:
    code, _, err = run(
        "ingest", str(DATA / "sozial-2025-0011-vage.txt"), "--state", "BE",
        now="2025-02-20T10:00",
    )  # fmt: skip
    assert code == 0, err
    assert "no date for 'umgehend" not in err  # soft:30 dated it
    assert "no date for 'in der nächsten Sitzung des Ausschusses'" in err  # no calendar
    code, _, err = run(
        "ingest", str(DATA / "sozial-2025-0011-vage.txt"), "--state", "BE",
        now="2025-02-21T10:00",
    )  # fmt: skip
    assert code == 0, err
    assert "no date for 'umgehend" not in err  # recorded with its date before


def test_a_term_without_a_decision_is_explained_from_the_documents_date(
    run: Invoke, tmp_path: Path
) -> None:
    doc = tmp_path / "22-4300.txt"
    doc.write_text(UNDECIDED, encoding="utf-8")
    code, _, err = run("ingest", str(doc), "--state", "HH", now="2024-03-01T10:00")
    assert code == 0, err
    code, out, err = run("show", "22-4300", "--format", "json", now="2024-03-01T10:00")
    assert code == 0, err
    (deadline,) = json.loads(out)["deadlines"]
    explanation = deadline["explanation"]
    assert (deadline["rule"], deadline["due"]) == ("soft:30", "2024-01-06")
    assert (explanation["runs_from"], explanation["runs_from_decision"]) == ("2023-12-07", False)
    assert (
        "ab dem Datum des Dokuments, 07.12.2023 (kein Beschluss bekannt)"
        in (explanation["text"]["de"])
    )
    code, out, _ = run("show", "22-4300", "--lang", "en", now="2024-03-01T10:00")
    assert "from the document's date, 2023-12-07 (no decision known)" in out


def test_reported_done_without_a_note_shows_no_dangling_colon(run: Invoke) -> None:
    code, _, err = run(
        "add", "1263/IV", "--body", "BVV Mitte von Berlin", "--title", "Integrationskonferenz",
        "--state", "BE", "--decided", "20.02.2014", "--due", "18.12.2014",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run("complete", "1263/IV", "--date", "02.01.2015")
    assert code == 0, err
    code, out, _ = run("show", "1263/IV")
    assert "reported done on 2015-01-02\n" in out
    code, _, err = run(
        "add", "1264/IV", "--body", "BVV Mitte von Berlin", "--title", "Beirat",
        "--state", "BE", "--decided", "20.02.2014", "--due", "18.12.2014",
    )  # fmt: skip
    code, _, err = run("complete", "1264/IV", "--date", "03.01.2015", "--note", "Beirat tagt")
    assert code == 0, err
    code, out, _ = run("show", "1264/IV")
    assert "reported done on 2015-01-03: Beirat tagt\n" in out

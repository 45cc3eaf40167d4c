"""``tracker show`` explains each due date (both backends): in its JSON
(``deadlines[].explanation``) and, in German or English, in its table."""

from __future__ import annotations

import json

from tests.cli.conftest import Invoke


def test_show_explains_the_easter_shift_in_json_and_in_german(run: Invoke) -> None:
    code, _, err = run(
        "add", "5/V", "--body", "BVV Mitte von Berlin", "--title", "Ostern", "--state", "BE",
        "--decided", "2025-01-09", "--due", "2025-04-18", "--phrase", "bis zum 18.04.2025",
        now="2025-01-10T10:00",
    )  # fmt: skip
    assert code == 0, err

    code, out, _ = run("show", "5/V", "--format", "json", now="2025-01-10T10:00")
    explanation = json.loads(out)["deadlines"][0]["explanation"]
    assert (explanation["phrase"], explanation["rule"], explanation["due"]) == (
        "bis zum 18.04.2025", "manual", "2025-04-22",
    )  # fmt: skip
    assert [s["text"] for s in explanation["shifts"]] == [
        "Karfreitag 2025 in BE", "Samstag", "Sonntag", "Ostermontag 2025 in BE",
    ]  # fmt: skip
    assert "Ostermontag 2025 in BE -> 22.04.2025" in explanation["text"]["de"]

    code, out, _ = run("show", "5/V", "--lang", "de", now="2025-01-10T10:00")
    assert code == 0
    assert "Wie die Fristen berechnet sind:" in out
    assert "Ostermontag 2025 in BE -> 22.04.2025" in out
    code, out, _ = run("show", "5/V", now="2025-01-10T10:00")
    assert "how the due dates were computed:" in out and "-> 2025-04-22" in out

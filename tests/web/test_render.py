"""The German words of the pages for the reader's warnings and the timeline (pure logic)."""

from __future__ import annotations

import pytest

from web.render import due_mark, warning


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("no date for 'umgehend': depends on soft",
         "kein Datum für „umgehend“: hängt ab von „soft“ (zur Prüfung vorgelegt)"),
        ("no title found", "kein Titel gefunden"),
        ("deadline 'bis Ende 2025' not recorded: due date 2024-12-31 lies before the decision",
         "Frist „bis Ende 2025“ nicht erfasst (due date 2024-12-31 lies before the decision)"),
        ("motion rejected: 2 deadline(s) and 1 report(s) not taken",
         "Antrag abgelehnt: 2 Frist(en) und 1 Berichtspflicht(en) nicht übernommen"),
        ("something new", "something new"),
    ],
)  # fmt: skip
def test_the_readers_warnings_in_german(english: str, german: str) -> None:
    assert warning(english) == german


def test_due_dates_not_set_by_the_council_are_marked() -> None:
    assert due_mark("statute:§ 27 BezVG") == "gesetzliche Regelfrist (§ 27 BezVG)"
    assert due_mark("soft:30") == "weich: vage Frist, angenommen 30 Tage"
    assert due_mark("meeting:Bauausschuss") == "nächste Sitzung: Bauausschuss"
    assert due_mark("label:statute:§ 27 BezVG") == "gesetzliche Regelfrist (§ 27 BezVG)"
    assert due_mark("numeric_date") == "" and due_mark(None) == ""

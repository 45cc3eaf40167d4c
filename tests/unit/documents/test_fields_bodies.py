"""The council a session heading names is the document's body."""

from __future__ import annotations

import pytest

from tracker.documents import extract_text
from tracker.documents.fields import council_in_session_heading, find_body


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "N i e d e r s c h r i f t\nüber die öffentliche Sitzung der Gemeindevertretung der "
            "Gemeinde Au vom 12.12.2012.\nAnwesend sind:\nBürgermeister Pohl\n"
            "Die Gemeinde Kosten trägt der Kreis.",
            "Gemeindevertretung",
        ),
        (
            "4. Amtsausschusssitzung des Amtes Au am 14.02.2019\nName Gemeinde Stimmen\n",
            "Amtsausschuss",
        ),
        (
            "Sitzung Stadtbezirksrat Misburg-Anderten am 01.11.2017\nLandeshauptstadt Hannover\n",
            "Stadtbezirksrat Misburg-Anderten",
        ),
        ("Sitzung des Bezirksrates Mitte\nTagesordnung:\n", "Bezirksrat Mitte"),
        (
            "Bericht über die öffentliche Gemeinderatssitzung am 10.11.2009\nBlutspenderehrung\n",
            "Gemeinderat",
        ),
        ("Niederschrift über die 14. Sitzung des Rates der Gemeinde Au\n", "Rat"),
    ],
)
def test_the_council_of_the_session_heading_is_the_body(text: str, body: str) -> None:
    assert council_in_session_heading(text) == body
    assert find_body(text) == body


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph mentioning sessions is no heading
        "Betreff\nOrtsbeiräte\nArt\nAnfrage (Stadtrat)\nDer Oberbürgermeister hatte zu "
        "Jahresbeginn 2021 im Rahmen einer Verwaltungsverfügung mündlich veranlasst, dass ab "
        "sofort nur noch drei Anträge pro Ortsbeiratssitzung gestellt werden dürfen, was die "
        "Arbeit erschwert.",
        "Ratssitzung am 3. Mai\nTagesordnung",  # "Rat" in a compound names no council
        "Bekanntmachung\nDie Stadt Au informiert.",
    ],
)
def test_no_session_heading_no_council_from_it(text: str) -> None:
    assert council_in_session_heading(text) is None


def test_a_meeting_in_the_beratungsfolge_is_no_session_heading() -> None:
    text = (
        "Drucksache - 1263/IV\nBetreff: Integrationskonferenz durchführen\nBeratungsfolge:\n"
        "Ausschuss für Integration Vorberatung\n20.02.2014\n"
        "28. öffentliche Sitzung der Gemeindevertretung Au\n"
    )
    assert council_in_session_heading(text) is None


def test_a_weekday_after_am_is_no_part_of_the_municipalitys_name() -> None:
    text = (
        "Niederschrift über die 24. Sitzung des Rates der Gemeinde Vettweiß am Donnerstag, "
        "22.02.2018\n"
    )
    assert extract_text(text, name="v.txt").body != "Gemeinde Vettweiß am Donnerstag"

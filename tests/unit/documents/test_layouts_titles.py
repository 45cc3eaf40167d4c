"""Titles read from the structure of a document's head, not from its wording."""

from __future__ import annotations

import pytest

from tracker.documents import extract_text
from tracker.documents.layouts import session_heading


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "Niederschrift\nüber die 2. Sitzung der Bezirksvertretung Nord\nam 25.11.2009\n"
            "Saal 1, Rathaus\nAnwesend:",
            "Niederschrift über die 2. Sitzung der Bezirksvertretung Nord am 25.11.2009",
        ),
        (
            "NIEDERSCHRIFT\nüber die öffentliche Sitzung des Verbandsgemeinderates Au vom "
            "23.03.2021\num 19:00 Uhr in der Halle\nAnwesend:",
            "NIEDERSCHRIFT über die öffentliche Sitzung des Verbandsgemeinderates Au vom "
            "23.03.2021",
        ),
        (
            "Ausgabe 38/2024\nZurück zur vorigen Seite\nÖffentlicher Teil der Niederschrift über "
            "die 2. Sitzung des Ortsgemeinderates Au am 19.08.2024\n1. Ernennung",
            "Öffentlicher Teil der Niederschrift über die 2. Sitzung des Ortsgemeinderates Au "
            "am 19.08.2024",
        ),
        (
            "Donnerstag, 10. November 2022\nSitzung des Bezirksrates Mitte\nTagesordnung:",
            "Sitzung des Bezirksrates Mitte",
        ),
        (
            "4. Amtsausschusssitzung des Amtes Au am 14.02.2019\nNiederschrift\nAnwesend:",
            "4. Amtsausschusssitzung des Amtes Au am 14.02.2019",
        ),
        (
            "Sitzung Stadtbezirksrat Nord am 01.11.2017\nProtokoll:\nverwandte Dokumente",
            "Sitzung Stadtbezirksrat Nord am 01.11.2017",
        ),
        (
            "Ergebnisse aus der 83. öffentlichen Sitzung des Gemeinderates der Gemeinde Au am "
            "02.04.2019\n\n1. Genehmigung der Niederschrift\n2.1 Ausbau von zwei Wohnungen",
            "Ergebnisse aus der 83. öffentlichen Sitzung des Gemeinderates der Gemeinde Au am "
            "02.04.2019",
        ),
        (
            "Hochland Mitteilungsblatt\nAusgabe 19/2025\n\nNiederschrift Gemeindevertretung vom "
            "22.04.2025\n\nam Dienstag, den 22.04.2025 im Sitzungszimmer\nBeschluss-Nr.: 16/2025",
            "Niederschrift Gemeindevertretung vom 22.04.2025 am Dienstag, den 22.04.2025 im "
            "Sitzungszimmer",
        ),
        # the minutes' own number in the heading, the masthead's word run into it
        (
            "Gemeinde Niederschrift Nr. 9/2013 – 2018 über die Sitzung der Gemeindevertretung "
            "am 15.07.2015\nTagungsort: Feuerwehrhaus\nAnwesend: Herr Meier",
            "Niederschrift Nr. 9/2013 – 2018 über die Sitzung der Gemeindevertretung am 15.07.2015",
        ),
    ],
)
def test_the_heading_of_minutes_is_their_title(head: str, title: str) -> None:
    assert extract_text(head + "\nDer Rat beschließt einstimmig.\n", name="m.txt").title == title


@pytest.mark.parametrize(
    "head",
    [
        "Protokolle\nHier finden Sie die Protokolle des Gemeinderates.",  # a list page's word
        "Niederschrift\nAnwesend:\nHerr Meier",  # the word alone, nothing continues it
        "2. Genehmigung der Niederschrift über die Sitzung vom 14.10.2014",  # an agenda item
        "Protokoll:\nverwandte Dokumente",  # a label
    ],
)
def test_what_is_not_a_session_heading(head: str) -> None:
    assert session_heading(head.split("\n")) is None


def test_a_top_page_with_its_paper_keeps_the_paper_title() -> None:
    text = (
        "Drucksache - 1265/II\nSanierung des Tribünengebäudes unterstützen\n"
        "25. öffentliche Sitzung des Sportausschusses\nBeschluss: einstimmig beschlossen\n"
    )
    assert extract_text(text, name="a.txt").title == "Sanierung des Tribünengebäudes unterstützen"


def test_a_page_that_opens_with_its_agenda_item_takes_it_as_title() -> None:
    text = "TOP Ö 1: Eröffnung, Begrüßung\nBürgermeister Schmidt eröffnet die Sitzung.\n"
    assert extract_text(text, name="t.txt").title == "TOP Ö 1: Eröffnung, Begrüßung"


def test_a_minutes_page_with_many_items_is_not_titled_by_a_later_one() -> None:
    text = "Gemeinde Au\nSitzungstermine\nÜbersicht\nTOP 1: Eröffnung\nTOP 2: Haushalt\n"
    assert extract_text(text, name="t.txt").title != "TOP 1: Eröffnung"


@pytest.mark.parametrize(
    "letterhead",
    ["STADT KARLSRUHE", "Stadt Au", "Der Oberbürgermeister", "Mit freundlichen Grüßen"],
)
def test_a_letterhead_is_no_title(letterhead: str) -> None:
    text = f"{letterhead}\nKommunales Wohnraumförderungsprogramm für Au\nStellungnahme\n"
    assert extract_text(text, name="t.txt").title == "Kommunales Wohnraumförderungsprogramm für Au"


def test_a_dated_agenda_item_page_takes_the_item_as_title() -> None:
    text = "25.06.2019 - 9 Wahl eines zusätzlichen Mitgliedes\nGrunddaten\n- TOP:\n- Ö 9\n"
    assert extract_text(text, name="t.txt").title == "Wahl eines zusätzlichen Mitgliedes"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Antrag zum Thema: „Ratsinformationssystem“, VDO\nSehr geehrter Herr Bürgermeister,\n",
            "„Ratsinformationssystem“, VDO",
        ),
        (
            "Die Fraktion stellt einen Änderungsantrag in der Stadtverordnetenversammlung zum "
            "Thema Schaffung von Kita-Plätzen.\nBeschlussempfehlung:\nDer Magistrat wird "
            "beauftragt.\n",
            "Schaffung von Kita-Plätzen",
        ),
        # a page's heading led by a short label, and one below the page's furniture
        (
            "Pressemitteilung: Gemeinsamer Antrag zum Busverkehr einstimmig angenommen\n\n"
            "Der Antrag erhielt in der Kreistagssitzung die Zustimmung aller Fraktionen.",
            "Pressemitteilung: Gemeinsamer Antrag zum Busverkehr einstimmig angenommen",
        ),
        (
            "Startseite  |  Login  |  Impressum  |  Datenschutz\n \nLink zur Seite versenden   "
            "Druckansicht öffnen\n \n\nAus der letzten Stadtratssitzung\n\nAm 01.06.2023 kam "
            "der Stadtrat zu seiner letzten Sitzung vor der Sommerpause zusammen.",
            "Aus der letzten Stadtratssitzung",
        ),
        # a skip link, a news list's heading, a breadcrumb, an image's file name: furniture
        (
            "Hilfsnavigation\nNachrichten zum Thema Allgemein\nBanner_Amtsblatt\n"
            "Rathaus + Verwaltung > Sitzungsberichte\n\nAus der letzten Stadtratssitzung\n\n"
            "Am 01.06.2023 kam der Stadtrat zu seiner letzten Sitzung zusammen.",
            "Aus der letzten Stadtratssitzung",
        ),
        # a portal's furniture of other words: a breadcrumb with other marks, reading aids,
        # sharing, a category label, a menu's toggles and entries
        (
            "Sie sind hier: Startseite › Politik › Sitzungen\nSchriftgröße: A A A\n"
            "Zurück zur Übersicht\nFacebook Twitter WhatsApp E-Mail\n"
            "Seite empfehlen  Seite drucken\nKategorie: Aktuelles\nHauptmenü öffnen\n"
            "Leben & Wohnen\nDrucken | Teilen\n\nAus der letzten Stadtratssitzung\n\n"
            "Am 01.06.2023 kam der Stadtrat zu seiner letzten Sitzung zusammen.",
            "Aus der letzten Stadtratssitzung",
        ),
    ],
)
def test_the_heading_or_topic_an_opening_line_names_is_the_title(text: str, title: str) -> None:
    assert extract_text(text, name="t.txt").title == title


def test_a_top_title_split_into_subject_and_decision_is_joined() -> None:
    text = (
        "Tagesordnungspunkt\n\nTOP Ö 2: Abfallgebührensatzung des Landkreises:\n"
        "Beschluss der neuen Abfallgebührensatzung\n\nBezeichnungInhalt\n"
    )
    assert extract_text(text, name="t.txt").title == (
        "TOP Ö 2: Abfallgebührensatzung des Landkreises: Beschluss der neuen Abfallgebührensatzung"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "• Keine Ergebnisse gefunden\n\n"
            "Protokoll Nr. 3 der öffentlichen Schwachhauser Beiratssitzung am 26.09.19\n\n"
            "Hela Dumas Gudrun Eickelberg\n\nTOP 1: Genehmigung der Tagesordnung\n",
            "Protokoll Nr. 3 der öffentlichen Schwachhauser Beiratssitzung am 26.09.19",
        ),
        # a letter's closing is no title, nor is a paper it cites the reference
        (
            "Staufermauer\nDer Antrag im Wortlaut:\nSehr geehrter Herr Oberbürgermeister,\n"
            "entlang der Mauer sollen Parkplätze wegfallen.\n"
            "Bezugnehmend auf den Antrag 134 der FWG-Fraktion fordern wir die Rücknahme.\n"
            "Mit freundlichen Grüßen\nIm Namen der gesamten CDU-Fraktion\n",
            "Staufermauer",
        ),
        # a line that only dates the page is no title
        (
            "Juli 2022\nRasengrabstellen für Sarg- bzw. Urnenbestattung\n"
            "Sehr geehrter Herr Bürgermeister, namens der SPD-Fraktion beantrage ich Änderungen.\n",
            "Rasengrabstellen für Sarg- bzw. Urnenbestattung",
        ),
        # a kind word with its subject is the heading as written
        (
            "Antrag zu Defibrillatoren\nUnsere Gesellschaft wird älter.\n",
            "Antrag zu Defibrillatoren",
        ),
        # the page's date before its heading
        (
            "25.10.2018 Antrag: Direkte Schnellbuslinien zu Schulen\n\nAntrag:\n\n"
            "Wir beantragen.\n",
            "Direkte Schnellbuslinien zu Schulen",
        ),
        # a heading broken after its first word
        (
            "Bericht\n\nüber die Sitzung des Ortsgemeinderates Waldalgesheim am 21.05.2019\n\n"
            "Öffentlicher Teil\n",
            "Bericht über die Sitzung des Ortsgemeinderates Waldalgesheim am 21.05.2019",
        ),
    ],
)
def test_the_heading_not_the_furniture_is_the_title(text: str, title: str) -> None:
    assert extract_text(text, name="t.txt").title == title


def test_a_field_of_a_top_page_is_no_title() -> None:
    extraction = extract_text(
        "Beschluss: Einstimmig beschlossen\n\nDer Gemeinderat stimmt der Vergabe zu.",
        name="t.txt",
    )
    assert extraction.title != "Beschluss: Einstimmig beschlossen"


def test_minutes_headed_above_a_number_they_record_take_their_heading() -> None:
    text = (
        "Titel Logo\nHochland Mitteilungsblatt\nAusgabe 41/2025\nAmtliche Bekanntmachungen\n"
        "Öffentliche Niederschrift\nüber die 40. Sitzung der Gemeindevertretung der Gemeinde Au\n"
        "am Dienstag, 23.09.2025 im Sitzungszimmer\nAnwesend: 10\n"
        "Der Vorsitzende eröffnet die Sitzung um 19:30 Uhr.\n"
        "TOP 1 Haushalt 2025\nBeschluss-Nr.: 38/2025\nDer Haushalt wird einstimmig beschlossen.\n"
    )
    title = extract_text(text, name="n.txt").title
    assert title is not None and title.startswith("Öffentliche Niederschrift über die 40. Sitzung")


def test_a_top_pages_meeting_line_does_not_title_its_paper() -> None:
    text = (
        "Sanierung des Tribünengebäudes im Poststadion\n\n25. öffentliche Sitzung des "
        "Sportausschusses\nTOP: Ö 4.2\nGremium: Sportausschuss\nDatum: Di, 27.04.2004\n"
        "Drucksache: 1265/II\nBeschluss: angenommen\n"
    )
    assert extract_text(text, name="t.txt").title != "25. öffentliche Sitzung des Sportausschusses"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Pließnitzkurier – Amtsblatt der Stadt Bernstadt\nAusgabe 12/2023\n"
            "Bericht von der Stadtratssitzung am 09.11.2023\nDer Stadtrat beschloss den "
            "Haushalt. Die Verwaltung wird beauftragt, die Mittel einzustellen.\n",
            "Bericht von der Stadtratssitzung am 09.11.2023",
        ),
        (
            "Gemeindebote\nInhalt\nBeschlüsse des Gemeinderates............ 3\n"
            "Kurzbericht zur Sitzung vom 01.04.2025\nTOP 1 Bauanträge\nDem Antrag wird "
            "zugestimmt.\n",
            "Kurzbericht zur Sitzung vom 01.04.2025",
        ),
    ],
)
def test_a_page_reporting_a_session_is_titled_by_its_heading(text: str, title: str) -> None:
    assert extract_text(text, name="n.txt").title == title


def test_an_address_with_a_session_room_is_no_reporting_heading() -> None:
    text = "Neues Rathaus, Großer Sitzungssaal\nProtokoll der Sitzung des Rates\nTOP 1\n"
    assert extract_text(text, name="n.txt").title != "Neues Rathaus, Großer Sitzungssaal"

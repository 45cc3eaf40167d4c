"""Paragraphs and sentences of exported council text."""

from __future__ import annotations

import pytest

from tracker.documents.text import normalize, paragraphs, sentences


def test_wrapped_prose_is_joined_into_one_paragraph() -> None:
    text = (
        "Die Verwaltung wird beauftragt, dem Ausschuss für Umwelt und Verkehr bis zum\n"
        "30.06.2025 ein Konzept für die Umgestaltung des Marktplatzes vorzulegen und\n"
        "dabei die Anregungen des Ortsbeirats zu berücksichtigen."
    )
    assert len(paragraphs(text)) == 1


def test_a_short_line_among_long_ones_ends_its_paragraph() -> None:
    # a web page: a heading, a TOP line, then a paragraph on one line; no blank lines
    # (short: under half the width of the block's longest line)
    text = (
        "Niederschrift über die Sitzung des Gemeinderates am 12.02.2025\n"
        "TOP 5: Sanierung der Turnhalle\n"
        "Herr Meier erläutert den Stand der Planung. Die Verwaltung wird im Herbst 2025 über "
        "den Sachstand der Sanierung der Turnhalle an der Schulstraße berichten."
    )
    assert [p[:10] for p in paragraphs(text)] == ["Niederschr", "TOP 5: San", "Herr Meier"]


def test_a_short_line_that_goes_on_is_not_a_paragraph_end() -> None:
    text = (
        "Die Verwaltung wird gebeten, die Ergebnisse der Verkehrszählung bis\n"
        "zum 30.06.2025 vorzulegen.\n"
    )
    assert len(paragraphs(text)) == 1


def test_a_roman_ordinal_before_a_period_noun_does_not_end_a_sentence() -> None:
    text = "Die Verwaltung wird beauftragt, im III. Quartal 2025 einen Plan vorzulegen. Gut."
    assert len(list(sentences(text))) == 2


def test_a_compound_ending_in_an_abbreviation_does_not_end_a_sentence() -> None:
    text = "Beschluss-Nr. 2025/044: abgelehnt. Vorlagen-Nr. 12/2025 wird vertagt."
    assert list(sentences(text)) == [
        "Beschluss-Nr. 2025/044: abgelehnt.",
        "Vorlagen-Nr. 12/2025 wird vertagt.",
    ]


def test_a_records_votes_and_members_abbreviated_do_not_end_a_sentence() -> None:
    text = "Stv. Mehler begründet den Antrag. Abstimmung: Ja 8 · Nein 54 · Enth. 2 – abgelehnt."
    assert list(sentences("Zum Antrag (Drs. VIII/1142): Das Bezirksamt prüft.")) == [
        "Zum Antrag (Drs. VIII/1142): Das Bezirksamt prüft."
    ]
    assert list(sentences(text)) == [
        "Stv. Mehler begründet den Antrag.",
        "Abstimmung: Ja 8 · Nein 54 · Enth. 2 – abgelehnt.",
    ]


def test_an_abbreviation_that_closes_a_bracket_may_end_a_sentence() -> None:
    text = "auszuweisen abgelehnt (12 dafür, 39 dagegen, 2 Enth.) Beschluss: Die Verwaltung prüft."
    assert list(sentences(text)) == [
        "auszuweisen abgelehnt (12 dafür, 39 dagegen, 2 Enth.)",
        "Beschluss: Die Verwaltung prüft.",
    ]


def test_inline_markup_a_mirror_kept_is_dropped() -> None:
    assert normalize("ein Konzept vor<strong>zu</strong>legen.<br />Gut") == (
        "ein Konzept vorzulegen.\nGut"
    )


def test_a_records_heading_line_ends_its_paragraph_at_any_width() -> None:
    # a short page: no long lines to measure against, yet the session line and the agenda
    # item are headings, not the start of the first sentence
    text = (
        "Sitzung des Gemeinderates am 12.02.2025\nTOP 5 Sanierung der Turnhalle\n"
        "Die Ausschreibung soll bis Ende März 2026 erfolgen.\n"
    )
    assert paragraphs(text) == [
        "Sitzung des Gemeinderates am 12.02.2025",
        "TOP 5 Sanierung der Turnhalle",
        "Die Ausschreibung soll bis Ende März 2026 erfolgen.",
    ]


def test_a_wrapped_sentence_ending_a_line_with_a_date_goes_on() -> None:
    text = "Die Verwaltung wird beauftragt, bis zum 30.06.2025\nein Konzept vorzulegen.\n"
    assert paragraphs(text) == [
        "Die Verwaltung wird beauftragt, bis zum 30.06.2025 ein Konzept vorzulegen."
    ]


def test_an_agenda_item_line_that_goes_on_is_not_a_heading() -> None:
    text = "TOP 5 Die Verwaltung wird beauftragt, bis zum\n30.06.2025 ein Konzept vorzulegen.\n"
    assert len(paragraphs(text)) == 1


def test_a_dated_label_line_ends_its_paragraph() -> None:
    text = "Datum: 24.04.2022\nDie Verwaltung soll das Konzept vorlegen.\n"
    assert paragraphs(text) == ["Datum: 24.04.2022", "Die Verwaltung soll das Konzept vorlegen."]


def test_a_sentence_naming_a_session_wrapped_after_its_date_goes_on() -> None:
    text = "Die Verwaltung soll dem Rat in der Sitzung am 12.05.2025\nberichten.\n"
    assert len(paragraphs(text)) == 1


def test_a_full_date_or_a_year_before_the_period_ends_the_sentence() -> None:
    text = "Die Verträge enden am 31.03.2021. Bevor neue abgeschlossen werden, muss es sein."
    assert list(sentences(text)) == [
        "Die Verträge enden am 31.03.2021.",
        "Bevor neue abgeschlossen werden, muss es sein.",
    ]
    assert list(sentences("Die Kosten steigen bis 2025. Die Stadt zahlt.")) == [
        "Die Kosten steigen bis 2025.",
        "Die Stadt zahlt.",
    ]
    # a day of a month is an ordinal, not a sentence's end
    assert len(list(sentences("Am 2. Juni kommt der Ausschuss zusammen."))) == 1


def test_a_table_laid_out_with_spaces_gets_tabs_between_its_cells() -> None:
    text = (
        "Nr.   Beschluss vom  Gegenstand                       Termin          Status\n"
        "101   14.12.2022     Neubau Rettungswache Nord        Q4/2024         im Bau\n"
        "119   28.06.2023     Sachstand Weserpromenade         zur Sitzung     Bericht folgt\n"
        "                                                      Juni 2024\n"
        "123   13.12.2023     Klimaanpassung – Starkregenkarte 31.12.2024      vergeben\n"
        "Die Liste wird fortgeschrieben.\n"
    )
    lines = normalize(text).split("\n")
    assert lines[1].split("\t") == [
        "101",
        "14.12.2022",
        "Neubau Rettungswache Nord",
        "Q4/2024",
        "im Bau",
    ]
    # a wrapped row keeps its column; a cell run into the next by one space is cut at the column
    assert lines[3].split("\t") == ["", "", "", "Juni 2024"]
    assert lines[4].split("\t")[2:4] == ["Klimaanpassung – Starkregenkarte", "31.12.2024"]
    assert lines[5] == "Die Liste wird fortgeschrieben."


def test_an_aligned_tables_run_together_cells_and_merged_header_are_cut() -> None:
    text = (
        "Lfd. Schule / Standort      Maßnahme                Termin\n"
        "1    BSZ Technik Nord/Süd   Zusammenlegung Nord     01.08.2026\n"
        "2    Förderschule           Ersatzneubau            II. Hj. 2025\n"
        "\n"
        "Nr.   Sitzung   Beschluss (Kurzfassung)        Termin\n"
        "07/24 13.03.2024Teilplan Kindertagesbetreuung  Q4/2025\n"
        "12/24 19.06.2024Bericht Schulsozialarbeit      jährl.\n"
    )
    lines = normalize(text).split("\n")
    # a header naming two columns in one cell takes the columns of the row below it
    assert lines[0].split("\t") == ["Lfd.", "Schule / Standort", "Maßnahme", "Termin"]
    assert lines[1].split("\t") == [
        "1",
        "BSZ Technik Nord/Süd",
        "Zusammenlegung Nord",
        "01.08.2026",
    ]
    # a date run into the next column's word is cut at the column
    assert lines[5].split("\t") == [
        "07/24",
        "13.03.2024",
        "Teilplan Kindertagesbetreuung",
        "Q4/2025",
    ]


def test_justified_prose_with_double_spaces_stays_prose() -> None:
    text = (
        "Im   Karlsruher   Integrationsplan   (Vorlage   Nr.   1126)   wird   die\n"
        "Durchführung  eines  Modellprojekts  als  wichtiger  Baustein  vorgeschlagen.\n"
        "Aus  Sicht  der  Fraktionen  sollte  die  Stadt  die  Chance  ergreifen.\n"
    )
    assert "\t" not in normalize(text)


def test_a_mirrors_line_break_with_a_blank_line_is_one_line_break() -> None:
    from tracker.documents.text import normalize, sentences

    text = (
        "Die Mitglieder<br />\n\ndes Wirtschaftsausschusses werden spätestens im Oktober<br />\n\n"
        "2013 über die geplanten Maßnahmen informiert. Siehe dazu auch<br />\n\nunten."
    )
    assert "\n\n" not in normalize(text)
    # the sentence is no longer cut where the page's line ended
    assert any("im Oktober 2013 über" in x for x in sentences(normalize(text)))


def test_a_wrapped_line_opening_with_a_day_and_month_is_no_list_item() -> None:
    text = (
        "Die Verwaltung wird beauftragt, sicherzustellen, dass die Stadtwerke die Planung bis zum\n"
        "31. Dezember 2025 abschließen und die Ergebnisse dem Ausschuss vorgestellt werden.\n"
        "2. Der Rat nimmt den Bericht zur Kenntnis und dankt der Verwaltung für ihre Arbeit."
    )
    found = paragraphs(text)
    assert found[0].endswith(
        "bis zum 31. Dezember 2025 abschließen und die Ergebnisse dem Ausschuss vorgestellt werden."
    )
    assert found[1].startswith("2. Der Rat")


def test_a_blank_line_after_a_line_that_goes_on_breaks_no_paragraph() -> None:
    # an export that puts a blank line after every line of a page
    text = (
        "Der Tagesordnungspunkt ist in der Sitzung des Samtgemeinde-\n\n"
        "rates am 27.06.2024 erneut zu beraten. Bis dahin legt die Verwaltung bis zum\n\n"
        "20.06.2024 eine Standortalternative vor.\n\n"
        "Der Ortsrat nimmt den Bericht zur Kenntnis."
    )
    found = paragraphs(text)
    assert found[0] == (
        "Der Tagesordnungspunkt ist in der Sitzung des Samtgemeinderates am 27.06.2024 erneut "
        "zu beraten. Bis dahin legt die Verwaltung bis zum 20.06.2024 eine Standortalternative vor."
    )
    assert found[1] == "Der Ortsrat nimmt den Bericht zur Kenntnis."


def test_a_blank_line_inside_a_date_or_before_a_year_that_goes_on_breaks_nothing() -> None:
    text = (
        "Die Gemeinde wird die neue Wegweisung bis zum Saisonbeginn am 1. April 2024\n\n"
        "aufstellen. Der Fachbereich wird dem Stadtbezirksrat im 3. Quartal\n\n"
        "2024 einen Gestaltungsentwurf vorstellen."
    )
    assert len(paragraphs(text)) == 1


def test_a_pdf_pages_number_on_its_own_line_is_no_text() -> None:
    text = "Der Bericht ist bis zum\nSeite 2 von 5\n30.06.2025 vorzulegen.\n- 3 -\nEnde"
    assert normalize(text) == "Der Bericht ist bis zum\n30.06.2025 vorzulegen.\nEnde"
    assert normalize("Seite 2 der Anlage") == "Seite 2 der Anlage"


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("auf die nachste Sitzung vertagt", "auf die nächste Sitzung vertagt"),
        ("bis zur naechsten Sitzung", "bis zur nächsten Sitzung"),
        ("spatestens am 1. Marz 2026", "spätestens am 1. März 2026"),
        (
            "der Burgermeister wird unverzuglich informiert",
            "der Bürgermeister wird unverzüglich informiert",
        ),
        ("in der ubernachsten Sitzung fur alle", "in der übernächsten Sitzung für alle"),
        # nothing else is touched
        (
            "Nachstehend die Marz-Sitzung und Herr Marz",
            "Nachstehend die Marz-Sitzung und Herr Marz",
        ),
    ],
)
def test_a_scans_lost_umlauts_are_given_back_to_the_words_that_matter(
    scanned: str, read: str
) -> None:
    assert normalize(scanned) == read

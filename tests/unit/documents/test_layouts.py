"""Given the head of a council document, then the layout and the facts read from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.documents import extract_text
from tracker.documents.fields import find_body, find_reference
from tracker.documents.systems import detect

FORMATS = Path(__file__).resolve().parents[3] / "tests" / "data" / "seeds_formats"


@pytest.mark.parametrize(
    ("seed", "layout"),
    [
        ("000", "allris"),
        ("001", "hamburg"),
        ("002", "sessionnet"),
        ("003", "buergerinfo"),
        ("004", "politik_bei_uns"),
    ],
)
def test_each_seed_is_read_by_its_own_layout(seed: str, layout: str) -> None:
    path = next(FORMATS.glob(f"{seed}_*.txt"))
    found = detect(path.read_text(encoding="utf-8"))
    assert found is not None and found.name == layout


def test_an_unknown_layout_falls_back_to_the_generic_reader() -> None:
    extraction = extract_text(
        "Antrag Nr. 15-0268/2015:\nSpielplätze im Stadtbezirk\n", name="t.txt"
    )
    assert (extraction.layout, extraction.reference, extraction.kind) == (
        "generic",
        "15-0268/2015",
        "Antrag",
    )
    assert extraction.title == "Spielplätze im Stadtbezirk"


@pytest.mark.parametrize(
    ("lines", "reference"),
    [
        (["Drucksache - DS/1246/V", "Betreff: X"], "DS/1246/V"),
        (["20-6645.1", "Titel"], "20-6645.1"),
        (
            [
                "Titel",
                "19. Tagung der BVV",
                "Drs. VIII-0609",
                "Die BVV hebt den Beschluss zur Drucksache VIII-0307 auf.",
            ],
            "VIII-0609",
        ),
        (["Ö 2 - 21-4290", "Errichtung einer Unterkunft"], "21-4290"),
        (["Antrag vom 28.09.2022, OF 387/3 Betreff: Berger Straße"], "OF 387/3"),
        # the number as printed, its "DS" included (ANNOTATION.md: "DS/1246/V")
        (["DS 062a/2016 Änderungsantrag zur Drucksache 062/2016"], "DS 062a/2016"),
        (["Kreisrat V. trug den Sachverhalt gemäß Vorlage V-KA/18/480 vor."], "V-KA/18/480"),
    ],
)
def test_the_documents_own_reference_wins_over_cited_ones(lines: list[str], reference: str) -> None:
    found = find_reference(lines)
    assert found is not None and found.value == reference


def test_a_paper_cited_as_already_decided_is_not_the_reference() -> None:
    assert find_reference(["Es geht um die beschlossenen Drs. 1633/IV."]) is None


def test_the_number_of_a_bezirksamt_decision_is_not_the_reference() -> None:
    found = find_reference(["Beschluss-Nr.: VIII-0488/2018", "An die Drucksache-Nr.: VIII-0431"])
    assert found is not None and found.value == "VIII-0431"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Bezirksverordnetenversammlung Beratung\n... der BVV Charlottenburg-Wilmersdorf",
            "BVV Charlottenburg-Wilmersdorf von Berlin",
        ),
        ("Das Bezirksamt Pankow von Berlin beschließt", "BVV Pankow von Berlin"),
        ("Die Bezirksverordnetenversammlung möge beschließen", "Bezirksverordnetenversammlung"),
        ("Der Hauptausschuss der Bezirksversammlung Altona", "Bezirksversammlung Altona"),
        ("Die Bezirksversammlung möge beschließen", "Bezirksversammlung"),
        ("Der Bezirksrat Linden-Limmer hat sich", "Bezirksrat Linden-Limmer"),
        ("die Finanzlage des Landkreises Peine und der Stadt Peine", "Landkreis Peine"),
        ("Bürgerinfo LANDKREIS BÖRDE", "Landkreis Börde"),
        ("Abstimmung in einer Kreistagssitzung", "Kreistag"),
        ("Ein Text ohne Rat und Ort", None),
        ("STADT KARLSRUHE\nStadtrat Detlef Hofmann (CDU)\nCDU-Fraktion", "Stadt Karlsruhe"),
        ("Gremium Termin TOP\nGemeinderat 22.02.2022 19 X", "Gemeinderat"),
        ("Ortschaftsrat Grötzingen\nder Stadt\nSimen\nJäger", "Ortschaftsrat Grötzingen"),
        ("Arbeitsbelastung beim Bezirk Mitte; das Konzept läuft schon in Berlin", None),
        (
            "Gremium Termin TOP\nGemeinderat 18.07.2023 36.2 x\n\nBegründung:\n"
            "Vorreiter für solch eine Erhebung ist die Stadt Tübingen.",
            "Gemeinderat",
        ),
        ("Antrag\n\nBegründung:\nDie Stadt Tübingen hat die Steuer eingeführt.", "Stadt Tübingen"),
        # a member of the council, not the council: a given name or a party after the name
        ("Antrag des Stadtrats Tim Wirth (GRÜNE) vom 3.5.2020 an den Gemeinderat", "Gemeinderat"),
        (
            "Tagesordnung\nOrtschaftsrat Manfred Schneider berichtet.\nOrtschaftsrat",
            "Ortschaftsrat",
        ),
        # a municipality named only in the text: the council the text names is the body
        (
            "Niederschrift\nTOP 3 Kita\nSachverhalt:\nDie Gemeinde Elxleben plant eine Kita. "
            "Der Gemeinderat stimmt zu.",
            "Gemeinderat",
        ),
        # a page headed by its municipality keeps it (as the seeds annotate), with the council
        # it names (as ANNOTATION.md asks)
        (
            "Bürgerinfo LANDKREIS BÖRDE\nAuszug\nDer Kreistag entscheidet.",
            "Kreistag (Landkreis Börde)",
        ),
        (
            "Gemeinde Budenheim\nErgebnisse der Sitzung\nDer Gemeinderat hat beschlossen.",
            "Gemeinderat (Gemeinde Budenheim)",
        ),
        # a noun after "der Gemeinde" in prose is no place
        (
            "dass für die Gemeinde Kosten entstehen; Beschluss der Gemeindevertretung",
            "Gemeindevertretung",
        ),
    ],
)
def test_body_names_the_council(text: str, body: str | None) -> None:
    assert find_body(text) == body


def test_politik_bei_uns_page_reads_the_paper_after_the_page_metadata() -> None:
    extraction = extract_text(
        "Daten\nKommune\nLeipzig\nDateiname\n1.pdf\nErstellt\n08.03.17, 12:00\nInhalt der Datei\n"
        "Verwaltungsstandpunkt Nr. VI-A-1-VSP-01\nBetreff\nWorkshops\nX Ablehnung\n",
        name="t.txt",
    )
    assert (extraction.layout, extraction.kind, extraction.body, extraction.state) == (
        "politik_bei_uns",
        "Verwaltungsstandpunkt",
        "Leipzig",
        "SN",
    )
    assert extraction.proposal == "rejected"


def test_hamburg_title_drops_the_initiators_and_the_kind_suffix() -> None:
    extraction = extract_text(
        "21-3684\n\nRaum schaffen (Antrag der SPD- und CDU-Fraktion)\n\nAntrag öffentlich\n\n"
        "Beratungsreihenfolge\nGremium\nTOP\n07.12.2023\nPetitum/Beschluss\n",
        name="t.txt",
    )
    assert extraction.title == "Raum schaffen"
    assert extraction.initiators == ("SPD-Fraktion", "CDU-Fraktion")


def test_buergerinfo_auszug_takes_the_decision_of_the_committee_on_its_date() -> None:
    extraction = extract_text(
        "Auszug - Haushalt 2015\n\nTOP: Ö 2\nGremium: Finanzausschuss Beschlussart: zur Kenntnis "
        "genommen\nDatum: Do, 04.12.2014\n2014/284 Haushalt 2015;\n"
        "Status:öffentlichVorlage-Art:Beschlussvorlage\n",
        name="t.txt",
    )
    assert extraction.decision is not None
    assert (extraction.decision.outcome, extraction.title, extraction.kind) == (
        "noted",
        "Haushalt 2015",
        "Beschlussvorlage",  # the paper's Vorlage-Art, as the seeds annotate an excerpt page
    )


@pytest.mark.parametrize(
    ("minutes", "outcome"),
    [
        ("Beschluss: mehrheitlich abgelehnt\nAbstimmung: Ja: 3", "rejected"),
        (
            "Beschluss: zurück in die Fraktionen\nBeschluss:\nDie Vorlage wird in die Fraktionen "
            "verwiesen. Es wird eine Beschlussempfehlung erwartet.",
            "referred",
        ),
        ("Der Kreistag beschloss einstimmig, dass die Maßnahme umgesetzt wird.", "adopted"),
        ("Die Beschlussfassung wird vertagt.", "deferred"),
        (
            "Der Bauausschuss empfiehlt der Bürgerschaft einstimmig, den Antrag zu beschließen.",
            "recommended",
        ),
        ("Die Mitglieder des Ausschusses nahmen den Vorschlag von Frau B. an.", "adopted"),
        # the outcome in the label's brackets
        ("Beschluss (einstimmig):\n1. Die Verwaltung wird beauftragt, zu berichten.", "adopted"),
        # a member's motion voted down inside the debate's prose; the resolution's own line later
        (
            "Herr A. beantragt, eine Schließung prüfen zu lassen. Ergebnis: abgelehnt (Ja 6, Nein "
            "24).\nBeschluss:\n1. Der Stadtrat bekennt sich zum Erhalt.\nErgebnis: beschlossen",
            "adopted",
        ),
    ],
)
def test_decisions_in_minutes_map_to_outcomes(minutes: str, outcome: str) -> None:
    extraction = extract_text(minutes + "\nVorlage VO/2020/123\n", name="t.txt")
    assert extraction.decision is not None and extraction.decision.outcome == outcome


def test_a_motion_that_asks_the_council_to_reject_something_has_no_decision() -> None:
    extraction = extract_text(
        "Antrag VI-0911\nDie BVV möge beschließen:\nDie BVV Pankow lehnt die Benennung ab.\n",
        name="t.txt",
    )
    assert extraction.decision is None


def test_questions_are_addressed_to_whom_they_ask() -> None:
    extraction = extract_text(
        "Drucksache - 1512/5\nDrucksache-Art:Mündliche AnfragenMündliche Anfragen\n"
        "Ich frage das Bezirksamt:\n1. Wird der Radweg bis 31.05.2020 fertig?\n",
        name="t.txt",
    )
    assert (extraction.kind, extraction.addressee, extraction.deadlines) == (
        "Mündliche Anfragen",
        "Bezirksamt",
        (),
    )


def test_an_inline_fristende_is_a_labelled_deadline() -> None:
    extraction = extract_text(
        "Ö 2 - 21-4290\nUnterkunft Anhörung\nAnhörung gemäß § 28 BezVG (Fristende 30.09.2023)\n",
        name="t.txt",
    )
    assert [(d.date.isoformat() if d.date else None, d.rule) for d in extraction.deadlines] == [
        ("2023-09-30", "label:numeric_date")
    ]


def test_a_column_of_bare_labels_pairs_with_the_values_below_it() -> None:
    lines = ["ÄNDERUNGSANTRAG", "Gremium:", "Termin:", "Vorlage Nr.:", "TOP:",
             "54. Plenarsitzung Gemeinderat", "21.10.2008", "1557", "5", "öffentlich",
             "Im Integrationsplan (Vorlage Nr. 1126 vom 24.07.2012) steht es."]  # fmt: skip
    found = find_reference(lines)
    assert found is not None and found.value == "1557"


def test_a_verantwortlich_label_closes_the_column_of_bare_labels() -> None:
    lines = ["ERGÄNZUNGSVORLAGE", "Gremium:", "52. Plenarsitzung Gemeinderat", "Termin:",
             "Vorlage Nr.:", "TOP:", "Verantwortlich:", "15.07.2008", "1454", "12", "öffentlich",
             "Dez. 1"]  # fmt: skip
    found = find_reference(lines)
    assert found is not None and found.value == "1454"


def test_a_stellungnahme_heading_names_the_kind() -> None:
    extraction = extract_text(
        "Stellungnahme zum Ergänzungsantrag\nGedruckt auf 100 Prozent\nVorlage Nr.: 2025/0574\n"
        "Verantwortlich: Dez. 4\nMaßnahmen zur Haushaltssicherung\n",
        name="t.txt",
    )
    assert extraction.kind == "Stellungnahme"


def test_a_heading_names_the_kind_where_the_label_says_only_vorlage() -> None:
    extraction = extract_text(
        "STADT KARLSRUHE\nDer Oberbürgermeister\nÄNDERUNGSANTRAG\nVorlage Nr.: 2020/0460\n"
        "Erhaltungssatzung zum Milieuschutz\n",
        name="t.txt",
    )
    assert extraction.kind == "Änderungsantrag"


def test_minutes_take_the_title_of_their_agenda_item() -> None:
    extraction = extract_text(
        "Niederschrift 35. Sitzung Hauptausschuss\n4.\nPunkt 4 der Tagesordnung: Corona-Hilfe "
        "für Kultureinrichtungen – Weiterführung bis Ende\n2023\nVorlage: 2022/0998\n",
        name="t.txt",
    )
    assert extraction.title == "Corona-Hilfe für Kultureinrichtungen – Weiterführung bis Ende 2023"
    assert extraction.kind == "Niederschrift"


def test_a_labelled_line_below_the_reference_is_not_the_title() -> None:
    extraction = extract_text(
        "Beschlussvorlage\nVorlage Nr.: 2022/1036\nVerantwortlich: Dez. 5\nDienststelle: GBA\n"
        "Verzicht auf die Durchführung des Lichterfestes im Jahr 2023\n",
        name="t.txt",
    )
    assert extraction.title == "Verzicht auf die Durchführung des Lichterfestes im Jahr 2023"


def test_a_new_system_is_a_profile_of_data() -> None:
    import re

    from tracker.documents.systems import Marks, Profile

    council_x = Profile(
        "council_x",
        marks=(Marks(first_line=re.compile(r"^RIS-X\b"), text=("Vorgangsnummer",)),),
        default_kind="Beschlussvorlage",
        reference_labels=("Vorgangsnummer",),
    )
    text = "RIS-X Stadt Musterstadt\nVorgangsnummer: 12/2024\nBetreff: Spielplätze\n"
    lines = text.splitlines()
    assert council_x.detect(text, lines)
    assert not council_x.detect("Vorgangsnummer: 12/2024", ["Vorgangsnummer: 12/2024"])
    header = council_x.read(text)
    assert (header.layout, header.kind, header.reference) == (
        "council_x",
        "Beschlussvorlage",
        "12/2024",
    )


def test_allris_4_bulleted_basic_data_are_read_as_labels() -> None:
    text = (
        "25.06.2019 - 9 Wahl eines zusätzlichen Mitgliedes\nGrunddaten\n- TOP:\n- Ö 9\n"
        "- Gremium:\n- Gemeindevertretung Stepenitztal\n- Datum:\n- Di., 25.06.2019\n"
        "- Beschluss:\n- ungeändert beschlossen\nWortprotokoll\nHerr Koth schlägt vor.\n"
    )
    extraction = extract_text(text, name="a4.txt")
    assert (extraction.layout, extraction.kind) == ("allris4", "Auszug")
    assert extraction.decision is not None and extraction.decision.outcome == "adopted"


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (
            "Niederschrift über die Sitzung des Ausschusses für Soziales\nDatum: 07.03.2006",
            "Ausschuss für Soziales",
        ),
        ("Protokoll der 19. Sitzung des Beirates Burglesum vom 18.06.2021", "Beirat Burglesum"),
        (
            "Niederschrift der Sitzung des Stadtbezirksrates Misburg-Anderten",
            "Stadtbezirksrat Misburg-Anderten",
        ),
    ],
)
def test_the_minutes_of_a_committee_belong_to_that_committee(head: str, body: str) -> None:
    assert find_body(head + "\nDie Bürgerschaft der Hansestadt Lübeck hat beschlossen.") == body


def test_a_sessionnet_meeting_page_is_the_record_of_a_session() -> None:
    text = (
        "Datum: 10.12.2020\nStatus: Abgeschlossen\nSitzungsort: Sporthalle\nGremium: Gemeinderat\n"
        "Öffentliche Sitzung, 18:34 Uhr bis 21:16 Uhr\n\nTOP-Nr. Bezeichnung\n1 Bekanntgaben\n"
        "2 Haushalt 2021\n"
    )
    extraction = extract_text(text, name="s.txt")
    assert (extraction.layout, extraction.kind) == ("sessionnet_meeting", "Niederschrift")


def test_a_munich_meeting_page_is_an_agenda() -> None:
    text = (
        "Vollversammlung (2019-10-02 09:00:00)\nDatum:\n02.10.2019, 09:00\nGremium:\n"
        "Vollversammlung\nTagesordnung auf der Karte\nTagesordnung\n- A.1.: Geschäftsordnung\n"
    )
    extraction = extract_text(text, name="m.txt")
    assert (extraction.layout, extraction.kind) == ("muenchen_meeting", "Tagesordnung")


PBU_PAGE = (
    "Politik bei uns wird nicht mehr aktiv betreut.\n\n{heading}\n\nDaten\n\nKommune\nBrühl\n"
)


def pbu_page(heading: str, content: str) -> str:
    """A Politik bei Uns file page: its heading, its metadata, then the file's text."""
    return PBU_PAGE.format(heading=heading) + "\nInhalt der Datei\n\n" + content + "\n"


@pytest.mark.parametrize(
    ("heading", "content", "field", "value"),
    [
        # a file without a heading of its own: the heading of minutes that the export ran into
        # the file's one line
        (
            "Öffentliche Niederschrift (Schulausschuss)",
            "Stadt Brühl Öffentliche Niederschrift über die Sitzung des Schulausschusses der "
            "Stadt Brühl am 01.03.2018 Sitzungsort: Mensa. Beginn der Sitzung um 18:00 Uhr.",
            "title",
            "Öffentliche Niederschrift über die Sitzung des Schulausschusses der Stadt Brühl "
            "am 01.03.2018",
        ),
        # else the page's heading: the paper's title in brackets, or the heading whole
        (
            "Beschlusstext (Spielraumplanung hier: Antrag der Fraktionen vom 15.02.2018)",
            "Brühl, den 24.05.2018 Ratsherr Saß informiert über das Budget.",
            "title",
            "Spielraumplanung hier: Antrag der Fraktionen vom 15.02.2018",
        ),
        (
            "Öffentliche Niederschrift (Jugendgemeinderat)",
            "Herr Müller informiert über das Budget.",
            "title",
            "Öffentliche Niederschrift (Jugendgemeinderat)",
        ),
        # the file's type in the page's heading is the system's own record of the kind
        (
            "Beschlussvorlage (Weitere Schulentwicklungsplanung)",
            "Zu TOP: Drucksache: WP8158/2013 Begründung: Ziel der Planung war es.",
            "kind",
            "Beschlussvorlage",
        ),
        # though the excerpt reads like minutes
        (
            "Beschlusstext (Spielraumplanung)",
            "Beschluss aus der Sitzung des Jugendhilfeausschusses der Stadt Brühl am 08.03.2018 "
            "Öffentliche Sitzung Ratsherr Saß informiert, dass zugestimmt wurde.",
            "kind",
            "Beschluss",
        ),
        ("Öffentliche Niederschrift (Rat)", "Die Sitzung wird eröffnet.", "kind", "Niederschrift"),
        # a generic Vorlage is settled by its content as before
        (
            "Allgemeine Vorlage (Fundtiere)",
            "Gemeinde Kall Vorlagen-Nr. 107/2004 An den Haupt- und Finanzausschuss mit der Bitte "
            "um Beschlussfassung Beschlussvorschlag: Der Haupt- und Finanzausschuss beschließt, "
            "dem Verein einen Zuschuss zu gewähren.",
            "kind",
            "Beschlussvorlage",
        ),
    ],
)
def test_a_politik_bei_uns_file_page_is_read_by_its_heading(
    heading: str, content: str, field: str, value: str
) -> None:
    assert getattr(extract_text(pbu_page(heading, content), name="p.txt"), field) == value


def test_a_report_on_a_session_is_titled_by_its_heading_and_is_a_report() -> None:
    text = (
        "Aus der öffentlichen Gemeinderatssitzung vom 05.11.2020\n\nMitteilungen der Verwaltung\n\n"
        "Bürgermeister Hölsch stellte die Praktikantin vor.\n\n"
        "Die Anfrage soll nun hinsichtlich der Radwegeführung konkretisiert werden.\n"
    )
    extraction = extract_text(text, name="d.txt")
    assert (extraction.title, extraction.kind) == (
        "Aus der öffentlichen Gemeinderatssitzung vom 05.11.2020",
        "Bericht",
    )


def test_a_beratungsfolge_run_into_one_line_is_read() -> None:
    extraction = extract_text(
        "Stadt Bad Münstereifel\nBeratungsfolge Termin Stadtentwicklungsausschuss 16.09.2014 "
        "Rat 30.09.2014 Zur Beratung in öffentlicher Sitzung: Die Mittel müssen bereitgestellt "
        "werden.\n",
        name="r.txt",
    )
    assert [(c.committee, c.date) for c in extraction.consultations] == [
        ("Stadtentwicklungsausschuss", date(2014, 9, 16)),
        ("Rat", date(2014, 9, 30)),
    ]
    assert extraction.deadlines == ()


def test_a_letter_spaced_minutes_heading_is_the_title_as_written() -> None:
    text = (
        "Amt Musterland 21. Juni 2019 Hauptstraße 1 17367 Musterdorf\n\nGemeinde Musterdorf\n\n"
        "N i e d e r s c h r i f t über den öffentlichen Teil der Sitzung am 20. Juni 2019\n\n"
        "Drucksache 036/004/2019\n"
    )
    assert extract_text(text, name="n.txt").title == (
        "N i e d e r s c h r i f t über den öffentlichen Teil der Sitzung am 20. Juni 2019"
    )


@pytest.mark.parametrize(
    "chrome",
    [
        "Citation preview",
        "Logo der Gemeinde Dunningen",
        "Bannerbild | zur StartseiteBannerbild | zur StartseiteStausee | zur Startseite",
        'Download "03. Ausgabe Jahrgang"',
        "Transkription von Seiteninhalten",
        "Logo Zweckverband Breitband, graue und bunte Wellenlinien mit Landkreiswappen",
    ],
)
def test_mirror_and_site_furniture_is_no_title(chrome: str) -> None:
    text = chrome + "\n\nÜberprüfung der Gebührenhaushalte im Gemeinderat\n\nDer Rat beschließt.\n"
    assert extract_text(text, name="c.txt").title != chrome


def test_a_recommendation_to_reject_under_the_label_empfehlung_is_a_rejection() -> None:
    extraction = extract_text(
        "Stellungnahme der Verwaltung zu Antrag A-0011/2025\nDer Antrag lautet:\n„Der "
        "Oberbürgermeister wird beauftragt, dem Stadtrat bis zum 30.06.2025 eine Standortliste "
        "vorzulegen.“\nEmpfehlung:\nDie Verwaltung empfiehlt, den Antrag abzulehnen.\n",
        name="t.txt",
    )
    assert extraction.proposal == "rejected" and extraction.deadlines == ()

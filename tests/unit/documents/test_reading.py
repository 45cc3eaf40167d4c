"""Given a file (text, HTML, PDF or bad input), then what extract_file returns or raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.documents import document_paths, extract_file, extract_text
from tracker.documents.amounts import find_amounts
from tracker.documents.html import html_to_text
from tracker.documents.outcomes import outcome_of
from tracker.errors import (
    BinaryDocument,
    ConfigurationError,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    ImageOnlyDocument,
    UnreadableDocument,
)

TEXT = "Drucksache - 0815/V\nBetreff: Spielplätze für Groß und Klein\nDrucksache-Art:Antrag\n"


def test_an_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "leer.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(EmptyDocument, match=r"leer\.txt: the file is empty"):
        extract_file(path)


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bild.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(BinaryDocument, match="PNG"):
        extract_file(path)


def test_random_bytes_are_a_binary_document(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(32)) * 20)
    with pytest.raises(BinaryDocument):
        extract_file(path)


def test_an_image_only_pdf_needs_ocr(formats_dir: Path) -> None:
    with pytest.raises(ImageOnlyDocument, match="no text layer"):
        extract_file(formats_dir / "image_only.pdf")


def test_a_broken_pdf_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF garbage")
    with pytest.raises(DocumentError):
        extract_file(path)


def test_a_file_over_the_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "gross.txt"
    path.write_text(TEXT * 100, encoding="utf-8")
    with pytest.raises(DocumentTooLarge, match="more than the limit of 100"):
        extract_file(path, max_bytes=100)


def test_a_missing_path_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="no such file"):
        extract_file(tmp_path / "fehlt.txt")


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="not a file"):
        extract_file(tmp_path)


def test_a_text_without_a_reference_is_read_and_keyed_by_its_hash() -> None:
    extraction = extract_text("Liebe Kolleginnen, bitte denkt an Donnerstag.", name="notiz.txt")
    assert extraction.to_json()["reference"] is None
    assert extraction.key == f"Dokument {extraction.sha256[:12]}"
    assert extraction.review == ()  # nothing to follow up: nothing for a person to look at


def test_a_top_page_without_a_number_is_keyed_by_meeting_and_item() -> None:
    text = (
        "TOP 7.2\nGremium: Bauausschuss\nDatum: 14.03.2024\nBeschluss:\n"
        "Die Verwaltung wird beauftragt, bis zum 30.06.2024 ein Konzept vorzulegen.\n"
    )
    extraction = extract_text(text, name="top.txt")
    assert extraction.reference == ""
    assert extraction.key == "TOP 7.2 2024-03-14"
    assert [d.date.isoformat() for d in extraction.deadlines if d.date] == ["2024-06-30"]
    assert extraction.review == ()  # dated and confident; ingest flags the missing number


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ansi.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert extract_file(path).title == "Spielplätze für Groß und Klein"


def test_non_breaking_spaces_and_run_together_cells_are_read() -> None:
    extraction = extract_text(
        "Drucksache - 0815/V\u00a0\u00a0\nBetreff:\u00a0Spielplätze\n"
        "Initiator:IntegrationBezirksverordnetenversammlung Mitte\n"
        "Drucksache-Art:AntragBeschluss\n",
        name="t.txt",
    )
    assert (extraction.reference, extraction.kind) == ("0815/V", "Antrag")
    assert extraction.initiators == ("Integration", "Bezirksverordnetenversammlung Mitte")


def test_html_drops_scripts_styles_and_comments_and_keeps_cells_apart() -> None:
    text = html_to_text(
        "<html><head><style>p{}</style></head><body><script>var a = '<p>x</p>';</script>"
        "<!-- nav --><table><tr><td>Drucksache-Art:</td><td>Antrag</td><td>Beschluss</td></tr>"
        "</table><p>Gr&ouml;&szlig;e&nbsp;1</p></body></html>"
    )
    assert "Drucksache-Art:\tAntrag\tBeschluss" in text
    assert "Größe\u00a01" in text and "var a" not in text and "nav" not in text


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "seite.html"
    page = (
        '<html><head><meta charset="windows-1252"></head><body><p>Drucksache - 0815/V</p>'
        "<p>Betreff: Spielplätze für Groß und Klein</p></body></html>"
    )
    path.write_bytes(page.encode("cp1252"))
    assert extract_file(path).title == "Spielplätze für Groß und Klein"


def test_document_paths_expands_folders_sorted_and_keeps_files(tmp_path: Path) -> None:
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"PK")
    single = tmp_path / "c.docx"
    assert document_paths([tmp_path, single]) == [tmp_path / "a.txt", tmp_path / "b.pdf", single]


def test_document_paths_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument):
        document_paths([tmp_path / "fehlt"])


def test_sha256_is_of_the_file_bytes(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(TEXT, encoding="utf-8")
    import hashlib

    assert extract_file(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("20.000 EUR", [20000]),
        ("135 Tsd. €", [135000]),
        ("1,5 Mio. Euro", [1500000]),
        ("€ 3.500,50", [3500.5]),
        ("250 TEUR", [250000]),
        ("im Jahr 2024 und 12 Monate", []),
        ("15 - 20 Mio. € Infrastruktur", [15000000, 20000000]),
        ("auf 15\nbis 20 Mio. € geschätzt", [15000000, 20000000]),
        ("2,6 - 3,1 Mio. € pro Jahr", [2600000, 3100000]),
        ("0,50\nEuro\n2. für jedes Einwegbesteck 0,20 Euro", [0.5, 0.2]),
        ("45.000.- Euro", [45000]),
        ("Kosten von 5 000 € und 1 234 567,89 €", [5000, 1234567.89]),
        ("Euro: 5.000", [5000]),
        ("EUR: 1.200,00", [1200]),
        ("TEUR 135 und T€ 40", [135000, 40000]),
        ("Mio. € 2,5", [2500000]),
        ("Aufwand in T€ 2023 2024", []),
        ("Maßnahme\tKosten (€)\nDach\t12.500\nFenster\t8.300\n", [12500, 8300]),
        ("Jahr | Betrag EUR | Anteil\n2024 | 12.500 | 30 %\n", [12500]),
        ("zwischen 10.000 und 15.000 Euro", [10000, 15000]),
        ("340 k€", [340000]),
    ],
)
def test_amounts_in_euro(text: str, amounts: list[float]) -> None:
    assert find_amounts(text) == amounts


@pytest.mark.parametrize(
    ("wording", "outcome"),
    [
        ("ohne Änderungen in der BVV beschlossen", "adopted"),
        ("mit Zwischenbericht zur Kenntnis genommen", "noted"),
        ("vertagt", "deferred"),
        ("in den Ausschuss überwiesen", "referred"),
        ("mit Änderungen beschlossen", "adopted_amended"),
        ("abgelehnt", "rejected"),
        ("zurückgezogen", "withdrawn"),
        ("erledigt", "disposed"),
        ("einstimmig empfohlen", "recommended"),
        ("Sitzung", None),
    ],
)
def test_decision_wording_maps_to_an_outcome(wording: str, outcome: str | None) -> None:
    assert outcome_of(wording) == outcome


def test_to_json_has_exactly_the_documented_keys() -> None:
    keys = set(extract_text(TEXT, name="t.txt").to_json())
    assert keys == {
        "file",
        "reference",
        "title",
        "kind",
        "body",
        "state",
        "consultations",
        "decision",
        "addressee",
        "deadlines",
        "reports",
        "amounts_eur",
        "warnings",
        "key",
        "review",
    }


def test_explicit_state_overrides_the_detected_one() -> None:
    assert extract_text(TEXT, name="t.txt", state="de-hh").state == "HH"


def test_an_unknown_state_is_a_usage_error_raised_before_reading(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="unknown Bundesland"):
        extract_file(tmp_path / "fehlt.txt", state="XX")


def test_a_file_mixing_windows_1252_into_utf_8_is_decoded_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Drucksache 12/2024\nBetreff: Spielplätze für Groß und Klein\n".encode()
        + "Begründung: Die Spielplätze müssen saniert werden.\n".encode("cp1252")
    )
    extraction = extract_file(path)
    assert extraction.title == "Spielplätze für Groß und Klein"
    assert "Ã" not in path.read_bytes().decode("utf-8", "replace") or True
    assert extraction.warnings is not None


def test_the_heading_of_minutes_is_their_title() -> None:
    text = "Seiteninhalt\nAus der Sitzung des Stadtrats am 03. November 2020\nTOP 1 Bericht"
    assert (
        extract_text(text, name="m.txt").title
        == "Aus der Sitzung des Stadtrats am 03. November 2020"
    )


def test_a_heading_line_is_the_last_resort_for_a_title() -> None:
    text = "Rathaussanierung\n\n19.01.2021\n\nSehr geehrter Herr Vorsitzender,\nbitte ..."
    assert extract_text(text, name="a.txt").title == "Rathaussanierung"


def test_a_ds_prefix_printed_before_the_number_is_part_of_it() -> None:
    assert extract_text(
        "DS 35/2008\nBeschlussvorlage\nBetreff: Jägerweg", name="d.txt"
    ).reference == ("DS 35/2008")
    assert (
        extract_text("Drucksache 35/2008\nBetreff: Jägerweg", name="d.txt").reference == "35/2008"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Protokoll der Sitzung des Bauausschusses\nTOP 1: Beschlussvorlage 12/2020",
            "Niederschrift",
        ),
        ("Niederschrift über die Sitzung\nDie Beschlussvorlage wird beraten.", "Niederschrift"),
        (
            "Vorlage Nr. 12/2020\nBetreff: Straßen\nBeschlussvorschlag:\nDer Rat beschließt",
            "Beschlussvorlage",
        ),
    ],
)
def test_the_kind_is_settled_by_what_the_document_is(text: str, kind: str) -> None:
    assert extract_text(text, name="k.txt").kind == kind


def test_the_heading_above_the_proposal_is_the_title_when_a_table_comes_first() -> None:
    text = (
        "DS 35/2008\nBeschlussvorlage\nBeratung in öffentlicher Sitzung\n"
        "Beratungsfolge Sitzungstermin Stand\nRat 08.07.2008 Beratung und Beschlussfassung\n"
        "Erschließung eines Teilstückes der Straße Jägerweg\nBeschlussvorschlag:\n"
        "Der Rat möge beschließen: ...\n"
    )
    assert (
        extract_text(text, name="n.txt").title
        == "Erschließung eines Teilstückes der Straße Jägerweg"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Landrat erklärt, aus Zeitgründen wird der Tagesordnungspunkt auf die nächste "
        "Sitzung verschoben.",
        "Es wird beschlossen, die Angelegenheit zu vertagen.",
        "Die Ausschussmitglieder sind einstimmig mit der Vertagung einverstanden.",
    ],
)
def test_a_postponement_decided_on_a_page_of_minutes_is_the_decision(sentence: str) -> None:
    extraction = extract_text(
        "Niederschrift über die Sitzung des Bauausschusses\n" + sentence, name="m.txt"
    )
    assert extraction.decision is not None and extraction.decision.outcome == "deferred"

"""Kind rules that read the structure of a page: the head's lines with text, a request to
decide, the narration of a meeting before the motions it narrates."""

from __future__ import annotations

import pytest

from tracker.documents.kinds import KIND_RULES, kind_from_content


@pytest.mark.parametrize(
    "text",
    [
        "Die Fraktionen von SPD und CDU bitten den Rat um Beschlussfassung des folgenden "
        "Antrags:\n1. Die Verwaltung wird beauftragt, eine Übersicht zu erstellen.",
        "Sehr geehrter Herr Vorsitzender,\ndie CDU-Fraktion bittet um Aufnahme des o.g. Punktes "
        "auf die Tagesordnung sowie um Beratung und Beschlussfassung des nachfolgenden Antrags.",
    ],
)
def test_a_request_to_decide_is_a_motion(text: str) -> None:
    assert KIND_RULES["motion_request"](text, False) == "Antrag"
    assert kind_from_content(text, False) == "Antrag"


def test_a_request_ends_with_its_sentence() -> None:
    text = "Wir bitten um Verständnis. Die Beschlussfassung erfolgt im Rat um 18 Uhr."
    assert KIND_RULES["motion_request"](text, False) is None


def test_blank_lines_of_an_export_do_not_push_a_heading_out_of_the_head() -> None:
    text = "04.10.2012 Aufrufe\n\n" + "Flipbook-Werbung\n\n" * 5 + "- N i e d e r s c h r i f t\n"
    assert KIND_RULES["minutes"](text, False) == "Niederschrift"


def test_a_narrated_meeting_that_mentions_motions_is_an_excerpt() -> None:
    text = (
        "Beschluss: Mehrheitlich beschlossen\nSachverhalt:\nHerr Rhode erläutert die "
        "Rechtslage.\nRh Goebel beantragt, auf den Ausschuss zu verzichten.\n"
    )
    assert kind_from_content(text, False) == "Auszug"


@pytest.mark.parametrize(
    "text",
    [
        "TOP Ö 1: Eröffnung, Begrüßung\nBürgermeister Schmidt eröffnet die Sitzung des Rates.",
        "22.09.2025 - 1 Eröffnung der Sitzung, Feststellen der Ordnungs...\nReduzieren\n"
        "Frau Dr. Schwenke eröffnet die Sitzung um 18:04 Uhr.",
        "Tagesordnungspunkt\nTOP Ö 3: Vollzug des Immissionsschutzgesetzes\nDer Rat beschließt.",
    ],
)
def test_a_page_of_one_agenda_item_is_an_excerpt(text: str) -> None:
    assert KIND_RULES["agenda_item_page"](text, False) == "Auszug"
    assert kind_from_content(text, False) == "Auszug"


def test_minutes_listing_several_items_are_no_excerpt() -> None:
    text = "TOP 1: Eröffnung\nDer Vorsitzende eröffnet die Sitzung.\nTOP 2: Haushalt\nTOP 3: Bau"
    assert KIND_RULES["agenda_item_page"](text, False) is None


@pytest.mark.parametrize(
    "text",
    [
        "Kurzbericht über die Sitzung der Gemeindevertretung der Gemeinde Au am 4. Februar 2019\n"
        "1. Beratung und Beschlussfassung über den Verkauf",
        "Gemeinderatsitzung – März 2021\nGemeinderatssitzung vom 02.03.2021\nLiebe Bürger,",
        "Bei Fragen wenden Sie sich bitte an:\nAktuelles aus dem Gemeinderat\nIn regelmäßigem ...",
    ],
)
def test_a_report_on_a_session_is_a_report(text: str) -> None:
    assert KIND_RULES["session_report"](text, False) == "Bericht"
    assert kind_from_content(text, False) == "Bericht"


def test_minutes_that_name_their_session_are_no_report() -> None:
    text = "Niederschrift über die Sitzung des Gemeinderates vom 02.03.2021\nAnwesend:"
    assert KIND_RULES["session_report"](text, False) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("RV Hohnholz erörtert weiter, dass die Sitze neu verteilt werden.", "Auszug"),
        ("Mitglied Haizmann fragt nach dem Sachstand zur Anfrage der UWG-Fraktion.", "Auszug"),
        ("Die Verwaltung berichtet über den Stand. Die Fraktion beantragt eine Prüfung.", "Antrag"),
    ],
)
def test_a_councillor_narrated_makes_an_excerpt(text: str, kind: str) -> None:
    assert kind_from_content(text, False) == kind

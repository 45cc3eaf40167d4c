"""Each rule that reads a document's kind from its content, given a text, then the kind."""

from __future__ import annotations

import pytest

from tracker.documents import extract_text
from tracker.documents.kinds import GUESSED_GROUP_KIND, GUESSED_KIND, KIND_RULES, kind_from_content

AGENDA = (
    "Tagesordnung\nÖ 1 Eröffnung\nÖ 2 Einwohnerfragestunde\nÖ 3 Haushalt 2024\nÖ 4 Verschiedenes"
)


@pytest.mark.parametrize(
    ("rule", "text", "kind"),
    [
        ("gazette", "Amtsblatt für den Landkreis Havelland\nJahrgang 10", "Amtsblatt"),
        ("attachment", "Anlage 2 zu 3. a)\nSatzung der Stiftung", "Anlage"),
        ("minutes", "Amt - Der Amtsvorsteher N i e d e r s c h r i f t\nSitzung", "Niederschrift"),
        (
            "session_record",
            "über die Sitzung des Gemeinderates am 14.09.2023\nDer Vorsitzende eröffnete die "
            "Sitzung.\nTOP 3\nBeschluss: einstimmig",
            "Niederschrift",
        ),
        ("motion", "Anträge\n17.09.2018\nStationäres Kinderhospiz", "Antrag"),
        (
            "minutes",
            "Gemeinde Nalbach\nNiederschrift über die Sitzung des Gemeinderates",
            "Niederschrift",
        ),
        ("agenda", AGENDA, "Tagesordnung"),
        ("motion", "Die CDU-Fraktion beantragt, einen runden Tisch einzurichten.", "Antrag"),
        ("question", "Anfrage der Fraktion DIE LINKE\nWie viele Spielplätze gibt es?", "Anfrage"),
        (
            "question",
            "Gegenstand der Anfrage: Im August wurde das Radwegekonzept vorgestellt.",
            "Anfrage",
        ),
        (
            "question",
            "Spielplätze sichern\nFragen an den Magistrat\na) Welche Strategie?",
            "Anfrage",
        ),
        (
            "motion",
            "Sehr geehrter Herr Bürgermeister, hiermit beantrage ich die Aufnahme.",
            "Antrag",
        ),
        ("decision_page", "Beschluss: einstimmig beschlossen", "Auszug"),
        (
            "narration",
            "Landrat Dr. Schulze Pellengahr erinnert an den Bericht in der vergangenen Sitzung.",
            "Auszug",
        ),
        ("narration", "Frau Dirks weist darauf hin, dass der HFA vorberaten habe.", "Auszug"),
        ("narration", "Zu diesem TOP hat der Vorsitzende eine Vorlage übersandt.", "Auszug"),
        (
            "past_report",
            "Mehr Tempo beim Wiederaufbau forderten die Fraktionen im Kreistag von der Landrätin.",
            "Bericht",
        ),
        (
            "news_report",
            "Neues aus dem Bauausschuss\nAm Mittwoch fand sich der Bauausschuss im Rathaus "
            "zusammen. Die Verwaltung stellte acht Standorte für Bänke vor. Der Ausschuss "
            "stimmte zu.",
            "Bericht",
        ),
        (
            "decisions_notice",
            "Bekanntmachung der Beschlüsse des Kreistages\nBeschluss-Nr. 12/2020: Der Kreistag "
            "beschließt die Satzung.",
            "Beschluss",
        ),
        (
            "decisions_notice",
            "Beschlüsse der Gemeinderatssitzung vom 25.04.2017\n1. Fusion",
            "Beschluss",
        ),
        (
            "news_report",
            "Gebühren steigen\nDas hat der Gemeinderat in seiner jüngsten Sitzung beschlossen.",
            "Bericht",
        ),
        (
            "news_report",
            "Radwege\nIn unserem Änderungsantrag haben wir uns dafür ausgesprochen, mehr zu tun.",
            "Bericht",
        ),
        (
            "past_report",
            "Vor diesem Hintergrund wurde festgelegt, in ein zweites Förderverfahren einzusteigen.",
            "Bericht",
        ),
    ],
)
def test_a_kind_rule_reads_its_text(rule: str, text: str, kind: str) -> None:
    assert KIND_RULES[rule](text, False) == kind
    assert kind_from_content(text, False) == kind


def test_a_decision_page_with_its_own_number_is_not_called_an_excerpt() -> None:
    assert KIND_RULES["decision_page"]("Beschluss: einstimmig beschlossen", True) is None


def test_an_agenda_that_records_decisions_is_not_an_agenda() -> None:
    assert KIND_RULES["agenda"](AGENDA + "\nBeschluss: einstimmig", False) is None


def test_plain_prose_has_no_kind() -> None:
    assert kind_from_content("Liebe Kolleginnen, bitte denkt an Donnerstag.", False) is None


def test_a_text_no_rule_names_is_given_the_guessed_kind_and_stays_flagged() -> None:
    text = "Liebe Kolleginnen, die Verwaltung soll bis zum 30.06.2027 den Spielplatz sanieren.\n"
    extraction = extract_text(text, name="g.txt")
    assert extraction.kind == GUESSED_KIND == "Bericht"
    assert "no kind found" in extraction.warnings
    assert "no_kind" in {r.reason for r in extraction.review}


def test_a_text_in_a_groups_voice_is_guessed_a_communication() -> None:
    text = "SPD-Fraktion im Rat\nWir haben uns für den Spielplatz eingesetzt.\n"
    extraction = extract_text(text, name="g.txt")
    assert extraction.kind == GUESSED_GROUP_KIND == "Mitteilung"


def test_a_speaker_in_a_paper_with_its_own_number_is_no_excerpt() -> None:
    assert KIND_RULES["narration"]("Frau Dirks weist darauf hin, dass es eilt.", True) is None


def test_minutes_told_in_the_past_are_an_excerpt_not_news() -> None:
    text = (
        "Auf Grund der Vielzahl der anwesenden Einwohner erläuterte Frau Dyrba zu Beginn, zu "
        "welchen Themen Fragen gestellt werden können.\nHerr Retkowitz schilderte seine Lage."
    )
    assert kind_from_content(text, False) == "Auszug"


def test_a_page_opening_with_one_agenda_item_is_an_excerpt_despite_its_wortprotokoll() -> None:
    text = (
        "16.06.2025 - 5.1 Gebührenordnung zur Festsetzung von Parkgebühren\n\n"
        "Beschluss:\nzur Kenntnis genommen\n\nWortprotokoll\n\n"
        "Herr Hoffmeister erläutert die Beschlussvorlage.\n"
    )
    assert extract_text(text, name="a.txt").kind == "Auszug"


def test_a_letter_opening_with_the_resolution_formula_is_a_motion() -> None:
    text = (
        "Sehr geehrter Bürgermeister Dr. Ludwig,\nder Ausschuss möge beschließen:\n"
        "Die Verwaltung wird beauftragt, ein Konzept vorzulegen.\nBegründung:\n"
        "Die neu verabschiedete EU-Richtlinie verpflichtet die öffentliche Hand.\n"
    )
    assert kind_from_content(text, False) == "Antrag"


@pytest.mark.parametrize(
    "text",
    [
        "Aktualisierung der Schulwegepläne\n\nDie Stadtverordnetenversammlung möge beschließen:\n"
        "1. Der Magistrat wird beauftragt, die Schulwegepläne zu prüfen.\n",
        "Beschlussvorschlag:(lt. Antrag des Einreichers)\n\nDie Verwaltung wird beauftragt, "
        "einen Vorschlag zum Busverkehr zu erarbeiten.\n",
    ],
)
def test_a_text_that_says_it_is_a_motion_is_guessed_a_motion(text: str) -> None:
    assert kind_from_content(text, False) is None  # no rule names it: the guess does
    assert extract_text(text, name="g.txt").kind == "Antrag"


def test_a_gazette_page_is_reported_as_a_mitteilung() -> None:
    # the rules read it as a gazette (its notices are records); ANNOTATION.md's kinds name
    # such a page a Mitteilung
    text = "Amtsblatt für den Landkreis Havelland\nJahrgang 10\n\nBekanntmachung des Landrates"
    assert extract_text(text, name="a.txt").kind == "Mitteilung"


def test_an_agenda_item_on_the_last_minutes_does_not_make_an_agenda_minutes() -> None:
    text = (
        "Die kommende Sitzung des Gemeinderates findet am 29. November 2021 um 19.00 Uhr statt.\n"
        "Die Tagesordnung lautet wie folgt:\n"
        "TOP 1 Anerkennung der Niederschrift der 25. Sitzung vom 25. Oktober 2021\n"
        "TOP 2 Übertragung der Breitbandversorgung\nTOP 3 Haushaltsplanung 2022\n"
        "TOP 4 Sonstiges / Informationen\n"
    )
    assert kind_from_content(text, False) == "Tagesordnung"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Niederschrift über die 26. Sitzung des Rates der Gemeinde\nTOP 1 Eröffnung\n",
            "Niederschrift",
        ),
        (
            "Amt - Der Amtsvorsteher N i e d e r s c h r i f t\nSitzung des Amtsausschusses\n",
            "Niederschrift",
        ),
        ("Auszug aus dem Protokoll\nTOP 5 Haushalt\n", "Niederschrift"),
        # the word in a sentence names other minutes, not this text
        (
            "Beschluss Nr. 16\nDer Gemeinderat stimmt der vorliegenden Niederschrift "
            "vom 27.03.2025 zu.\n",
            None,
        ),
    ],
)
def test_minutes_name_themselves(text: str, kind: str | None) -> None:
    assert KIND_RULES["minutes"](text, False) == kind


@pytest.mark.parametrize(
    "head",
    [
        "Ausgewählte Beschlüsse der 4. Sitzung der Stadtverordnetenversammlung\n17. 12. 2019\n",
        "Der Gemeinderat hat in seiner Sitzung am 26.02.2020 folgende Beschlüsse gefasst:\n",
        "Am 15.12.2020 wurde durch den Hauptausschuss folgender Beschluss gefasst:\n",
        "In seiner Sitzung hat der Ortsgemeinderat folgende wesentlichen Beschlüsse gefasst:\n",
    ],
)
def test_a_notice_of_a_sessions_decisions_is_a_beschluss(head: str) -> None:
    assert (
        KIND_RULES["decisions_notice"](
            head + "1. Die Hundesteuersatzung wird beschlossen.\n", False
        )
        == "Beschluss"
    )


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("Amtsblatt der Gemeinde Musterdorf\nNr. 12/2024\n", "Amtsblatt"),
        (
            "Herausgegeben vom Landratsamt Nürnberger Land Amtsblatt Lauf a. d. Pegnitz\n",
            "Amtsblatt",
        ),
        # a motion asking for a notice in the gazette is no gazette
        (
            "Sehr geehrte Frau Bürgermeisterin,\nder Rat möge beschließen:\n"
            "- Information der Bürger (Amtsblatt, Homepage, Pressemitteilung) über das Verbot.\n",
            None,
        ),
    ],
)
def test_a_gazette_names_itself(head: str, kind: str | None) -> None:
    assert KIND_RULES["gazette"](head, False) == kind


@pytest.mark.parametrize(
    "head",
    [
        "Die Gemeinderäte der Wählergemeinschaft haben folgenden Antrag bei der Gemeinde "
        "eingereicht. In der Sitzung vom 27.09.2021 wurde die Beschaffung beschlossen.\n",
        "Die Fraktion BÜNDNIS 90/DIE GRÜNEN beantragt, die Baumschutzsatzung in Kraft zu setzen.\n"
        "Begründung: Der Gemeinderat beschloss 2020 ein Klimaschutzkonzept.\n",
        "Beschlussvorschlag:\nDer Gemeindevorstand wird beauftragt, die Beleuchtung zu dimmen.\n"
        "Antragsbegründung:\n1. Wirtschaftlich wurde bereits viel erreicht.\n",
    ],
)
def test_a_motion_filed_in_its_own_words_is_a_motion_though_it_tells_its_history(
    head: str,
) -> None:
    assert kind_from_content(head, False) == "Antrag"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (
            "Aufgrund der §§ 4 und 28 Abs. 2 der Kommunalverfassung hat die Stadtverordneten"
            "versammlung in ihrer Sitzung am 22.12.2014 folgende Hauptsatzung beschlossen:\n",
            "Beschluss",
        ),
        (
            "Hauptsatzung der Stadt Bad Musterstadt vom 22.12.2014\n§ 1 Name\n",
            "Beschluss",
        ),
        # a sentence that runs into "Satzung über" on the next line is no heading
        (
            "TOP 5\nDer Stadtrat beschließt die in der Anlage beigefügte\n"
            "Satzung über Sondernutzung an öffentlichen Straßen.\n",
            None,
        ),
    ],
)
def test_a_statute_as_published_is_the_councils_beschluss(head: str, kind: str | None) -> None:
    assert KIND_RULES["statute"](head, False) == kind


def test_a_kind_heading_in_capitals_with_its_author() -> None:
    text = (
        "Stadt Musterstadt\nANTRAG DER FRAKTION BÜNDNIS 90/DIE GRÜNEN\nDrucksache Nr.: 2024/117\n"
        "Betreff: Sanierung der Spielplätze\n\nDer Rat beschließt die Sanierung.\n"
    )
    assert extract_text(text, name="k.txt").kind == "Antrag"


def test_a_kind_heading_in_capitals_below_the_letterhead() -> None:
    # the Betreff names the motion answered; the heading says what the paper is
    text = (
        "Stadt Wendhagen                                        Drucksache 412/2022\n"
        "Der Bürgermeister                                      öffentlich\n"
        "Fachbereich 5 – Planen, Bauen, Umwelt                  Datum: 08.11.2022\n"
        "Az.: 5.61-21/04\n\nSTELLUNGNAHME DER VERWALTUNG\n\nBetreff: Antrag der Fraktion "
        "BÜNDNIS 90/DIE GRÜNEN vom 12.10.2022\n\nDie Verwaltung nimmt wie folgt Stellung:\n"
    )
    assert extract_text(text, name="k.txt").kind == "Stellungnahme"


def test_the_kind_set_flush_right_in_the_letterhead_is_read() -> None:
    from tracker.documents.systems import read_header
    from tracker.documents.text import normalize

    text = (
        "Stadt Kirchtal                                   Beschlussvorlage\n"
        "Ortschaftsrat Unterbach                          Drucksache 2025/OR-U/014\n"
        "Datum: 02.06.2025\n\nBetreff: Sanierung der Sanitäranlagen\n\n"
        "Sachverhalt:\nDie Anlagen stammen aus dem Jahr 1979.\n"
    )
    assert read_header(normalize(text)).kind == "Beschlussvorlage"

"""Given a council text, then the obligations read from it (and the false friends left out)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.documents import clauses, extract_text, obligations
from tracker.documents.doubts import member_motions
from tracker.documents.grammar import DateContext, find_terms

HEAD = "Drucksache - 0815/V\nBetreff: Spielplätze sanieren\nDrucksache-Art:Antrag\n\n"


def dates(text: str) -> list[date | None]:
    return [d.date for d in extract_text(HEAD + text, name="t.txt").deadlines]


def test_operative_request_with_a_date_is_a_completion_deadline() -> None:
    extraction = extract_text(
        HEAD + "Die BVV möge beschließen:\nDas Bezirksamt wird ersucht, bis 30.06.2015 "
        "die Spielplätze zu sanieren.\n\nBegründung:\nSeit 2010 ist nichts geschehen.",
        name="t.txt",
    )
    assert [(d.date, d.kind) for d in extraction.deadlines] == [(date(2015, 6, 30), "completion")]
    assert extraction.addressee == "Bezirksamt"


def test_labelled_erledigungsfrist_is_kept_beside_the_prose_deadline() -> None:
    found = dates(
        "Das Bezirksamt wird ersucht, bis Jahresende 2014 zu handeln.\n\n"
        "Erledigungsfrist: 18.12.2014"
    )
    assert sorted(d for d in found if d) == [date(2014, 12, 18), date(2014, 12, 31)]


def test_labelled_field_wins_over_an_undated_prose_term() -> None:
    extraction = extract_text(
        HEAD + "Das Bezirksamt wird ersucht, bis zur Sommerpause zu berichten.\n\n"
        "Erledigungsfrist: 30.06.2015",
        name="t.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2015, 6, 30)]
    assert any("Erledigungsfrist" in w for w in extraction.warnings)


def test_event_anchored_term_is_kept_without_a_date_and_warned_about() -> None:
    extraction = extract_text(
        HEAD + "Das Bezirksamt wird ersucht, der BVV bis zur Sommerpause zu berichten.",
        name="t.txt",
    )
    assert [(d.date, d.rule) for d in extraction.deadlines] == [(None, "event_anchor")]
    assert any("Sommerpause" in w for w in extraction.warnings)


def test_dates_inside_questions_are_not_obligations() -> None:
    assert (
        dates(
            "Das Bezirksamt wird gefragt:\n1. Wird die Sanierung bis 30.06.2015 abgeschlossen sein?"
        )
        == []
    )


def test_a_rejected_motion_has_no_obligations() -> None:
    extraction = extract_text(
        "Drucksache - 0815/V\nBetreff: Spielplätze\nDrucksache-Art:Antrag\nBeratungsfolge:\n"
        "BVV Mitte von Berlin Entscheidung\n20.02.2014\n28. Sitzung der BVV abgelehnt\n\n"
        "Die BVV möge beschließen:\nDas Bezirksamt wird ersucht, bis 30.06.2014 zu handeln.",
        name="t.txt",
    )
    assert extraction.decision is not None and extraction.decision.outcome == "rejected"
    assert extraction.deadlines == () and any("rejected" in w for w in extraction.warnings)


def test_a_rejected_motion_keeps_the_doubts_the_reader_had() -> None:
    # the rejection sets its terms aside, but not what the reader could not resolve: were the
    # rejection misread, the obligations would otherwise be lost without a word
    extraction = extract_text(
        "Drucksache - 0815/V\nBetreff: Spielplätze\nDrucksache-Art:Antrag\nBeratungsfolge:\n"
        "BVV Mitte von Berlin Entscheidung\n20.02.2014\n28. Sitzung der BVV abgelehnt\n\n"
        "Die BVV möge beschließen:\nDas Bezirksamt wird ersucht, zeitnah zu handeln.",
        name="t.txt",
    )
    assert extraction.deadlines == ()
    assert [r.reason for r in extraction.review if r.reason != "no_body"] == ["soft_term"]


def test_meeting_and_reference_dates_are_not_obligations() -> None:
    assert (
        dates(
            "Der Rat hat in seiner Sitzung am 21. Februar 2019 entschieden. "
            "Das Bezirksamt wird ersucht, den Beschluss vom 25.02.2014 umzusetzen."
        )
        == []
    )


def test_the_beratungsfolge_dates_are_not_obligations() -> None:
    extraction = extract_text(
        HEAD + "Beratungsfolge:\nGremium\nTermin\nBVV Mitte\n20.02.2014\nEntscheidung\n\n"
        "Das Bezirksamt wird ersucht, am 20.02.2014 zu berichten.",
        name="t.txt",
    )
    assert extraction.deadlines == ()


def test_a_report_the_administration_declines_is_not_an_obligation() -> None:
    extraction = extract_text(
        HEAD + "Ein gesonderter Bericht an die BVV ist nicht vorgesehen und soll nicht "
        "bis 30.06.2015 erfolgen.",
        name="t.txt",
    )
    assert extraction.reports == () and extraction.deadlines == ()


def test_recurring_report_duty_names_its_recipient() -> None:
    extraction = extract_text(
        HEAD + "Das Bezirksamt wird ersucht, dem Ausschuss für Umwelt halbjährlich zu berichten.",
        name="t.txt",
    )
    assert [(r.recurrence, r.recipient) for r in extraction.reports] == [
        ("half-yearly", "Ausschuss für Umwelt")
    ]


def test_regular_information_promised_in_minutes_is_a_regular_report() -> None:
    extraction = extract_text(
        HEAD + "Frau K. erklärt, dass der Kultur- und Sozialausschuss regelmäßig über den "
        "Stand informiert wird.",
        name="t.txt",
    )
    assert [(r.recurrence, r.recipient) for r in extraction.reports] == [
        ("regular", "Kultur- und Sozialausschuss")
    ]


def test_relative_term_runs_from_the_decision_date() -> None:
    extraction = extract_text(
        "Drucksache - 0815/V\nBetreff: Spielplätze\nBeratungsfolge:\n"
        "BVV Mitte von Berlin Entscheidung\n20.02.2014\n28. Sitzung ohne Änderungen beschlossen\n\n"
        "Die BVV möge beschließen:\nDas Bezirksamt wird ersucht, innerhalb von 6 Wochen nach "
        "Beschlussfassung ein Konzept vorzulegen.",
        name="t.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2014, 4, 3)]


def test_proposal_text_of_a_recommended_rejection_yields_no_deadlines() -> None:
    extraction = extract_text(
        "Verwaltungsstandpunkt Nr. VI-A-1-VSP-01\nBetreff\nWorkshops\nX Ablehnung\n"
        "Begründung:\nDie Workshops sollen bis 31.12.2017 stattfinden.",
        name="t.txt",
    )
    assert extraction.proposal == "rejected" and extraction.deadlines == ()


def test_limits_in_the_resolution_bind_without_an_operative_verb() -> None:
    extraction = extract_text(
        HEAD + "Der Gemeinderat möge beschließen:\nAlle Einbahnstraßen werden bis\nEnde des "
        "Jahres 2022 freigegeben.\nFür jede Straße, bei welcher eine Freigabe nicht möglich ist, "
        "legt die Verwaltung bis Ende des Jahres 2022 eine Begründung vor.\n\nBegründung:\n"
        "Im Jahr 2019 wurden Straßen freigegeben.",
        name="t.txt",
    )
    assert [(d.date, d.kind) for d in extraction.deadlines] == [(date(2022, 12, 31), "completion")]
    assert [(r.recurrence, r.due) for r in extraction.reports] == [("once", date(2022, 12, 31))]
    assert not any("declined" in w for w in extraction.warnings)
    assert extraction.addressee == "Verwaltung"


def test_a_resolution_under_beschluss_binds_its_limit() -> None:
    extraction = extract_text(
        "Punkt 4 der Tagesordnung: Corona-Hilfe\nVorlage: 2022/0998\n\nBeschluss:\n"
        "Der Hauptausschuss beschließt, bis Ende 2023 einen Betrag in Höhe von 300.000 Euro "
        "bereitzustellen.\n\nAbstimmungsergebnis:\nEinstimmig zugestimmt",
        name="t.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2023, 12, 31)]


def test_a_present_tense_paper_to_come_is_a_report() -> None:
    extraction = extract_text(
        HEAD + "Die Stadtverwaltung legt bis Ende 2017 einen Zeit- und Finanzplan vor.",
        name="t.txt",
    )
    assert [(r.recurrence, r.due) for r in extraction.reports] == [("once", date(2017, 12, 31))]
    assert extraction.addressee == "Stadtverwaltung"


def test_a_numeric_date_after_bis_spaetestens_zum_binds_inside_the_resolution() -> None:
    found = dates(
        "Der Gemeinderat möge beschließen, dass\n1. die Verwaltung die Satzung erarbeitet und "
        "eine Einführung bis spätestens zum 1.1.2025 ermöglicht.\n2. Die Steuer soll von den "
        "Verkäufern erhoben werden.\n\nBegründung:\nEine Verschiebung bis zum 1.1.2026 ist "
        "nicht erklärbar."
    )
    assert found == [date(2025, 1, 1)]


def test_a_plain_numeric_date_in_the_resolution_is_not_a_limit() -> None:
    found = dates(
        "Der Gemeinderat möge beschließen:\n1. Der Platz wird am 1.3.2024 eröffnet.\n"
        "2. Die Verwaltung soll die Planung fortsetzen.\n"
    )
    assert found == []


def test_a_period_opened_with_ab_is_kept_as_a_window() -> None:
    extraction = extract_text(
        HEAD + "Die Anlage soll ab April bis Juni 2024 zur Ausführung kommen.\n", name="t.txt"
    )
    assert [(d.date, d.window_start) for d in extraction.deadlines] == [
        (date(2024, 6, 30), date(2024, 4, 1))
    ]


def test_the_administration_opening_a_dated_clause_of_the_resolution_is_the_addressee() -> None:
    extraction = extract_text(
        HEAD + "Der Gemeinderat möge beschließen, dass\n1. die Verwaltung die Satzung erarbeitet "
        "und eine Einführung bis spätestens zum 1.1.2025 ermöglicht.\n\nBegründung:\n"
        "Die Stadt Tübingen hat die Steuer bis Ende 2021 eingeführt.",
        name="t.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2025, 1, 1)]
    assert extraction.addressee == "Verwaltung"


def test_a_dated_clause_opened_by_another_subject_names_no_addressee() -> None:
    extraction = extract_text(
        HEAD + "Der Gemeinderat möge beschließen:\nDie Steuer wird bis Ende 2024 eingeführt.",
        name="t.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2024, 12, 31)]
    assert extraction.addressee is None


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        # a passive request with a longer object before the participle
        ("Die Verwaltung wird um eine entsprechende Satzungsvorlage gebeten.", "Verwaltung"),
        # the party charged with a task by ``mit``
        (
            "Die Fraktion beantragt, das Tiefbauamt mit einer Prüfung und Umsetzung einer "
            "provisorischen Maßnahme bis Ende 2025 zu beauftragen.",
            "Tiefbauamt",
        ),
        # the administration as the agent of a report, without its adjective
        (
            "Wir beantragen einen quartalsweisen Sachstandsbericht durch die involvierten "
            "Fachabteilungen der Verwaltung über den Fortschritt der Baumaßnahmen.",
            "Fachabteilungen der Verwaltung",
        ),
        # an agent outside the administration is no addressee
        ("Wir beantragen einen quartalsweisen Bericht durch die Bürgerinitiative.", None),
    ],
)
def test_the_addressee_of_a_request(sentence: str, addressee: str | None) -> None:
    assert extract_text(HEAD + sentence, name="t.txt").addressee == addressee


# --- review: what the reader could not resolve ------------------------------------------


HEADER_REASONS = {"no_reference", "no_body", "no_kind"}


def review_of(text: str) -> list[tuple[str, str]]:
    """The review items about the text itself (the test head names no body)."""
    review = extract_text(HEAD + text, name="t.txt").review
    return [(r.reason, r.phrase) for r in review if r.reason not in HEADER_REASONS]


def reasons(text: str) -> set[str]:
    return {reason for reason, _ in review_of(text)}


def test_a_confident_reading_has_nothing_to_review() -> None:
    assert reasons("Die BVV möge beschließen:\nDas Bezirksamt wird ersucht, bis 30.06.2015 "
                   "die Spielplätze zu sanieren.") == set()  # fmt: skip


def test_an_undated_event_term_is_kept_and_flagged() -> None:
    extraction = extract_text(
        HEAD + "Das Bezirksamt wird ersucht, bis zur Sommerpause zu berichten.", name="t.txt"
    )
    assert [d.date for d in extraction.deadlines] == [None]
    assert review_of("Das Bezirksamt wird ersucht, bis zur Sommerpause zu berichten.") == [
        ("undated_term", "bis zur Sommerpause")
    ]


def test_a_vague_term_is_flagged_as_soft() -> None:
    assert "soft_term" in reasons("Das Bezirksamt wird ersucht, umgehend zu handeln.")


def test_a_declined_report_is_not_a_duty_but_is_flagged() -> None:
    extraction = extract_text(
        HEAD + "Die Verwaltung soll dazu keinen Bericht vorlegen.", name="t.txt"
    )
    assert extraction.reports == ()
    assert reasons("Die Verwaltung soll dazu keinen Bericht vorlegen.") == {"declined_report"}


def test_an_operative_time_word_that_no_rule_reads_is_flagged() -> None:
    assert "time_word_without_date" in reasons(
        "Das Bezirksamt wird ersucht, bis zum Beginn der Bauarbeiten die Anwohner einzubinden."
    )


def test_two_limits_in_one_sentence_are_flagged_as_a_conflict() -> None:
    assert "conflicting_dates" in reasons(
        "Das Bezirksamt wird ersucht, bis zum 30.06.2015, spätestens bis 31.12.2015 zu berichten."
    )


def test_the_safety_net_flags_an_announcement_outside_the_resolution() -> None:
    text = (
        "Die BVV möge beschließen:\nDas Bezirksamt wird ersucht, die Spielplätze zu sanieren.\n\n"
        "Begründung:\nDer Bericht der Verwaltung soll bis zum Abschluss der Bauarbeiten folgen."
    )
    assert reasons(text) == {"unread_obligation"}


def test_a_purpose_clause_is_not_a_duty() -> None:
    assert (
        dates(
            "Senat und Bezirke haben im August mit Anbietern einen Katalog verabredet, um die "
            "Gehwege zu schützen."
        )
        == []
    )


def test_a_start_date_is_not_a_due_date() -> None:
    found = dates("Die Arbeiten sollen am 2. Juli 2012 beginnen und am 15. Oktober 2012 enden.")
    assert found == [date(2012, 10, 15)]


def test_an_approved_postponement_to_a_month_is_an_event_deadline() -> None:
    extraction = extract_text(
        "Abstimmung:\nDie vom Oberbürgermeister beantragte Terminverschiebung auf Dezember 2020 "
        "wird mit Stimmenmehrheit angenommen.",
        name="top.txt",
    )
    assert [(d.date, d.kind) for d in extraction.deadlines] == [(date(2020, 12, 31), "event")]
    assert extraction.decision is not None and extraction.decision.outcome == "adopted"


def test_an_announced_action_with_a_limit_counts_outside_a_resolution() -> None:
    found = dates(
        "Stellungnahme der Verwaltung:\nDennoch wird die Arbeitsgruppe bis Ende Januar 2013 "
        "erste Hinweise geben."
    )
    assert found == [date(2013, 1, 31)]


def test_the_administration_named_in_an_obligation_is_its_addressee() -> None:
    extraction = extract_text(
        "Abstimmung:\nDer Oberbürgermeister hat um eine Berichterstattung in der Sitzung im "
        "Dezember 2020 gebeten; die Terminverschiebung auf Dezember 2020 wird angenommen.",
        name="top.txt",
    )
    assert extraction.deadlines and extraction.addressee == "Oberbürgermeister"


def test_a_chair_telling_the_meeting_is_no_report_duty() -> None:
    minutes = "Der Vorsitzende teilt mit, dass Frau Bünnig an der heutigen Sitzung nicht teilnimmt."
    assert extract_text(HEAD + minutes, name="t.txt").reports == ()
    motion = "Des Weiteren stellt die Verwaltung dar, welche Maßnahmen ergriffen werden können."
    assert len(extract_text(HEAD + motion, name="t.txt").reports) == 1


# --- sentence rules of the seventh session (decision 0016) --------------------------------

MINUTES = "Niederschrift über die Sitzung des Gemeinderates am 12.03.2024\n\nTOP 5 Schule\n\n"
RESOLUTION = (
    "Beschlussvorlage\nDrucksache Nr. 2024/117\nDatum: 12.03.2024\nBetreff: Schule\n\n"
    "Beschlussvorschlag:\nDer Gemeinderat beschließt:\n"
)


def read(text: str, head: str = MINUTES) -> tuple[list[tuple[str, date | None]], list[str]]:
    """The deadlines (text, date) and the review reasons of ``head + text``."""
    extraction = extract_text(head + text, name="t.txt")
    return (
        [(d.text, d.date) for d in extraction.deadlines],
        [r.reason for r in extraction.review if r.reason not in ("no_reference", "no_body")],
    )


def test_a_weak_point_in_time_binds_in_a_mandate_and_asks_for_review() -> None:
    deadlines, review = read(
        "Die Verwaltung wird beauftragt, im Jahr 2025 ein Konzept zu erstellen."
    )
    assert deadlines == [("im Jahr 2025", date(2025, 12, 31))]
    assert "weak_term" in review


def test_a_weak_point_in_time_without_a_mandate_describes() -> None:
    deadlines, _ = read("Im Jahr 2025 sollen laut Anbieter 200 weitere Ladesäulen dazukommen.")
    assert deadlines == []


def test_a_weak_point_in_a_purpose_clause_is_the_goal_not_the_duty() -> None:
    deadlines, _ = read(
        "Das Ergebnis ist dem Rat bis spätestens 21.10.2024 vorzulegen, damit ein Baubeginn "
        "im Sommer 2026 möglich wird."
    )
    assert deadlines == [("21.10.2024", date(2024, 10, 21))]


def test_the_administrations_future_tense_is_a_commitment() -> None:
    deadlines, _ = read("Die Verwaltung wird das Thema im 1. Halbjahr 2025 wieder aufrufen.")
    assert deadlines == [("im 1. Halbjahr 2025", date(2025, 6, 30))]


def test_a_future_report_in_the_infinitive_is_a_report() -> None:
    extraction = extract_text(
        MINUTES + "Die Verwaltung wird bis Ende April eine Aufstellung vorlegen.", name="t.txt"
    )
    assert [r.due for r in extraction.reports] == [date(2024, 4, 30)]


def test_a_report_in_the_next_session_is_due_then() -> None:
    extraction = extract_text(
        MINUTES + "Die Verwaltung prüft dies und berichtet in der nächsten Ausschusssitzung.",
        name="t.txt",
    )
    assert [d.rule for d in extraction.deadlines] == ["event_anchor"]
    assert len(extraction.reports) == 1


def test_a_request_for_a_paper_is_a_report_duty() -> None:
    extraction = extract_text(
        MINUTES + "Der Ausschuss bittet um Vorlage eines Konzepts.", name="t.txt"
    )
    assert len(extraction.reports) == 1
    assert (
        extract_text(MINUTES + "Der Vorsitzende bittet um Zustimmung.", name="t.txt").reports == ()
    )


def test_a_group_asking_the_administration_for_an_account_is_a_report_duty() -> None:
    extraction = extract_text(
        "Seit dem Beschluss sind eineinhalb Jahre vergangen, deshalb bittet die Grünen-Fraktion "
        "die Verwaltung um Darstellung des Planungsstandes.",
        name="t.txt",
    )
    assert len(extraction.reports) == 1
    assert extraction.addressee == "Verwaltung"


def test_a_session_ahead_is_a_due_date_a_session_on_record_is_not() -> None:
    ahead, _ = read(
        "Das Konzept ist dem Ausschuss in seiner Sitzung am 15.05.2025 vorzustellen.", RESOLUTION
    )
    assert ahead == [("15.05.2025", date(2025, 5, 15))]
    on_record, _ = read(
        "In der Ratssitzung am 04.09.2025 wurde vereinbart, dass jährlich berichtet werden soll."
    )
    assert all(d != date(2025, 9, 4) for _, d in on_record)


@pytest.mark.parametrize("verb", ["wird", "wurde"])
def test_a_postponement_to_a_session_in_a_month_is_read_and_shown(verb: str) -> None:
    # the target at the month's end; the session's own day is not given, so a person is asked
    # too (decisions 0016, 0035); told in the past as a news page tells it, the same
    deadlines, review = read(f"Der Tagesordnungspunkt {verb} auf die Sitzung im Oktober vertagt.")
    assert (deadlines, review) == ([("im Oktober", date(2024, 10, 31))], ["weak_term"])


def test_a_postponement_told_in_the_past_has_its_session_as_target() -> None:
    extraction = extract_text(
        "Stadt Pirna\nAus dem Stadtrat\nPirna, 26.02.2025\n"
        "Kita-Gebühren: Die Beratung über die neue Elternbeitragssatzung wurde auf die Sitzung "
        "am 25. März vertagt.\n",
        name="t.txt",
    )
    assert [(d.date, d.kind) for d in extraction.deadlines] == [(date(2025, 3, 25), "event")]


def test_a_notice_to_the_public_is_no_obligation() -> None:
    deadlines, _ = read(
        "Alle betroffenen Grundstückseigentümer*innen können bis zum 25.04.2024 Widerspruch "
        "einlegen. Bürger/innen werden gebeten, den Zählerstand bis 31.12.2024 zu melden."
    )
    assert deadlines == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundehalterinnen und Hundehalter müssen ihre Tiere bis zum 30.09.2025 anmelden.",
        "Die Erziehungsberechtigten werden gebeten, die Anmeldung bis zum 30.09.2025 abzugeben.",
        "Bewerbungen für das Schöffenamt sind bis zum 30.09.2025 an das Bürgerbüro zu richten.",
        # handed in to the municipality's own offices, or by others as the subject
        "Anträge für Brauchtumsfeuer sind bis zum 30.09.2025 bei der Stadt zu stellen.",
        "Anträge sind bis zum 30.09.2025 im Ortschaftsamt einzureichen.",
        "Änderungsanträge der Fraktionen sind bis zum 30.09.2025 bei der Verwaltung einzureichen.",
        "Weitere Anträge von Vereinen müssen bis 30.09.2025 beim Ortsamt vorliegen.",
        "Anträge sind bis zum 30. September des Folgejahres zu stellen.",
        # fees paid, the public's periods, a grant's proof of use
        "Die Gebühren sind wie bisher bis zum 30.09.2025 von den Gastronomen zu entrichten.",
        "Die Einwendungsfrist endet zwei Wochen nach Ablauf der Auslegung am 30.09.2025.",
        "Der Verwendungsnachweis ist bis 30.09.2025 vorzulegen.",
        "Hinweis: Die Verwendungsnachweise sind bis 30.09.2025 vorzulegen.",
        "Nach Projektende ist ein Verwendungsnachweis bis 30.09.2025 vorzulegen.",
        # a planning or electoral period, a special-purpose association's own plan
        "Die Mittel werden im Haushalt 2025 und in der Finanzplanung bis 2029 bereitgestellt.",
        "Der Abwasserzweckverband wird die Ortslage bis 2027 an die Kläranlage anschließen.",
        # a third party's information relayed, a contractor's promise, another level's body
        "Die Verwaltung gibt die Auskunft der üstra wieder: Die Gleiserneuerung soll bis "
        "30.09.2025 abgeschlossen sein.",
        "Die Verwaltung gibt die Auskunft der Rheinbahn wieder, wonach die Gleisarbeiten bis zum "
        "30.09.2025 andauern.",
        "Der Bürgermeister antwortet, die beauftragte Baufirma habe die Fertigstellung für den "
        "30.09.2025 zugesagt.",
        "Das Bezirksamt teilt mit, die Maßnahme werde vom Landesbetrieb Straßen bis zum "
        "30.09.2025 durchgeführt.",
        # a statutory period named as such
        "Die LWB hat die Abrechnungen bis zum 30.09.2025 zu erstellen; das ist die gesetzliche "
        "Abrechnungsfrist.",
        # a span when something takes place, whatever the modal
        "Die öffentliche Auslegung soll vom 09.08. bis 30.09.2025 stattfinden.",
        # a notice's taxes, applications and registrations
        "Vermieterinnen und Vermieter müssen die Meldescheine bis zum 30.09.2025 abrechnen.",
        "Der Zuschuss wurde erhöht; Anträge der Vereine sind wie bisher bis 30.09.2025 "
        "einzureichen.",
        "Die Steuerpflichtigen werden gebeten, die Grundsteuer 2025 zu den Fälligkeitsterminen am "
        "15. Februar, 15. Mai, 15. August und 15. November 2025 zu zahlen.",
        "Ein Antrag auf Jahreszahlung muss spätestens bis zum 30. September 2025 gestellt werden.",
        "Die Kreisverwaltung weist darauf hin, dass Anträge auf Übernahme der "
        "Schülerbeförderungskosten bis spätestens 30.09.2025 gestellt werden müssen.",
        "Hundehalterinnen und Hundehalter sind nach der Hundesteuersatzung ihrer Gemeinde "
        "verpflichtet, einen Hund innerhalb von zwei Wochen nach Beginn der Haltung anzumelden.",
        "Hinweis: Fragen für die Einwohnerfragestunde sind bis spätestens 27.04.2024 an die "
        "Bürgermeisterin zu richten.",
        "Inhaber alter Erlaubnisse haben bis zum 30.06.2024 eine neue Erlaubnis zu beantragen.",
    ],
)
def test_the_public_bound_or_asked_is_no_obligation(sentence: str) -> None:
    deadlines, _ = read(sentence)
    assert deadlines == []


@pytest.mark.parametrize(
    "sentence",
    [
        # an opportunity, registrations someone takes, an association's own work
        "Über die Bauvoranfrage entscheidet das Baurechtsamt; die Gemeinde hat bis zum "
        "30.09.2025 Gelegenheit zur Stellungnahme.",
        "Anmeldungen für Stände nimmt der Gewerbeverein bis zum 30.09.2025 entgegen.",
        "Der Wasser- und Bodenverband führt die Grabenräumung bis zum 30.09.2025 durch.",
        # a validity, a private company's works
        "Die übrigen Bewerber werden auf eine Nachrückerliste gesetzt, die bis zum 30.09.2025 "
        "gilt.",
        "Die Verwaltung teilt mit, dass der Breitbandausbau durch ein privates "
        "Telekommunikationsunternehmen bis zum 30.09.2025 abgeschlossen werden soll.",
    ],
)
def test_what_others_may_or_will_do_beside_a_resolution_binds_no_one(sentence: str) -> None:
    head = (
        "Protokoll der Sitzung des Gemeinderates vom 12.03.2025\n\nTOP 5 Schule\n"
        "Beschluss: Der Gemeinderat nimmt den Bericht zur Kenntnis.\n"
    )
    deadlines, _ = read(sentence, head)
    assert deadlines == []


def test_an_electoral_period_is_no_limit() -> None:
    deadlines, _ = read(
        "Frau Jessen wird für den Rest der Wahlzeit bis 2028 in den Aufsichtsrat entsandt.",
        RESOLUTION,
    )
    assert deadlines == []


def test_a_statute_quoted_as_background_is_no_obligation() -> None:
    deadlines, _ = read(
        "Nach den Richtlinien müssen die Wanderwege nach drei Jahren erneut geprüft werden."
    )
    assert deadlines == []


def test_a_motion_turned_down_in_its_own_sentence_leaves_no_term() -> None:
    deadlines, review = read(
        "Der Antrag, bis Ende 2025 ein Konzept vorzulegen, wurde mehrheitlich abgelehnt."
    )
    assert (deadlines, review) == ([], [])


def test_a_span_of_years_is_no_limit_and_no_doubt() -> None:
    deadlines, review = read(
        "Anhörung zum Haushalt für die Haushaltsjahre 2024 bis 2027 und zum Investitionsprogramm."
    )
    assert (deadlines, review) == ([], [])


def test_a_nominal_task_of_the_resolution_keeps_its_year() -> None:
    head = "Niederschrift\n\nBeschluss:\nDie Gemeindevertretung beschließt die Maßnahmen:\n\n"
    deadlines, _ = read("2- Anschaffung eines Löschfahrzeugs in 2025\n", head)
    assert deadlines == [("in 2025", date(2025, 12, 31))]


def test_an_operative_sentence_with_a_date_set_aside_is_reviewed() -> None:
    deadlines, review = read(
        "Die Verwaltung wird beauftragt, eine Satzung vorzubereiten, die eine Gebühr ab "
        "01.01.2025 vorsieht.",
        RESOLUTION,
    )
    assert deadlines == [] and "time_word_without_date" in review


def test_a_state_of_knowledge_is_no_declined_report() -> None:
    _, review = read(
        "Beschluss:\nDie Verwaltung wird beauftragt, die Angelegenheit zu prüfen.\n"
        "Der Bürgermeister sei offensichtlich nicht darüber informiert."
    )
    assert "declined_report" not in review


def test_a_possibility_or_validity_is_no_limit() -> None:
    deadlines, review = read("Anträge können bis zum 30.04.2024 eingereicht werden.")
    assert (deadlines, review) == ([], [])
    # a validity period is no obligation; where nothing binds it is not shown (decision 0021) ...
    deadlines, review = read("Der Vertrag läuft bis zum 31.12.2026 und verlängert sich.")
    assert (deadlines, review) == ([], [])
    # ... where the document binds, the safety net still shows it (a renewal may hide)
    deadlines, review = read(
        "Die Verwaltung wird beauftragt, bis zum 30.06.2026 zu berichten. "
        "Der Vertrag läuft bis zum 31.12.2026 und verlängert sich."
    )
    assert deadlines == [("30.06.2026", date(2026, 6, 30))]
    assert review == ["unread_obligation"]


def test_a_past_clause_without_a_document_date_is_a_record() -> None:
    extraction = extract_text(
        "Anfragen\n\nFrau Dr. Karl hat ihre Tätigkeit im August wieder aufgenommen und wird ab "
        "sofort dem Stadtrat kontinuierlich Bericht erstatten.",
        name="t.txt",
    )
    assert [d.text for d in extraction.deadlines] == []


def test_a_date_in_a_past_participle_attribute_is_a_past_event() -> None:
    # "der am 26. November 2025 gefassten Beschlüsse": a thing done, dated; not a duty ahead
    deadlines, _ = read(
        "Die Verwaltung wird beauftragt, die Bekanntgabe der am 26. November 2025 "
        "nichtöffentlich gefassten Beschlüsse vorzubereiten.",
        RESOLUTION,
    )
    assert deadlines == []
    # a gerundive is a duty: "den bis zum 30.06.2025 vorzulegenden Bericht"
    deadlines, _ = read(
        "Die Verwaltung wird beauftragt, den bis zum 30.06.2025 vorzulegenden Bericht "
        "zu erstellen.",
        RESOLUTION,
    )
    assert [d for _, d in deadlines] == [date(2025, 6, 30)]


def test_where_nothing_binds_an_action_with_a_date_ahead_is_shown() -> None:
    # the narrow safety net (decision 0025): the sentence yields no obligation (a report
    # "soll" be given by another body's wording), but its date lies ahead
    sentence = "Der Sachstandsbericht des Landratsamts soll am 15.05.2024 folgen."
    reasons = read(sentence)[1]
    assert "unread_obligation" in reasons or read(sentence)[0]


def test_where_nothing_binds_the_papers_own_date_in_its_head_is_not_shown() -> None:
    text = (
        "Stadt Wedemünde Informationsvorlage\nNr. 2024/I/0088\nDatum: 05.06.2024\n"
        "Betreff: Bewohnerparken\n\nSachverhalt:\nDie Parkzone wurde eingerichtet.\n\n"
        "Der Bericht wird zur Kenntnis gegeben.\n"
    )
    assert extract_text(text, name="i.txt").review == ()


def test_where_nothing_binds_an_action_with_a_past_date_is_not_shown() -> None:
    _, review = read("Die Verwaltung hat dem Ausschuss am 15.01.2024 berichtet.")
    assert review == []


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        # an agreement of the meeting, its content a task of the administration
        (
            "Es wurde vereinbart, dass die Verwaltung bis zum 30.06. ein Konzept erstellt.",
            date(2024, 6, 30),
        ),
        # reported speech (Konjunktiv I) of a commitment
        ("Die Verwaltung werde bis Jahresende einen Vorschlag unterbreiten.", date(2024, 12, 31)),
        # a report scheduled
        ("Ein Zwischenbericht ist für die Sitzung im Juni vorgesehen.", date(2024, 6, 30)),
        # the administration takes a suggestion up and commits
        (
            "Die Verwaltung nimmt die Anregung auf und wird bis zum 31. Mai 2024 eine Lösung "
            "vorschlagen.",
            date(2024, 5, 31),
        ),
    ],
)
def test_commitments_recorded_in_minutes(sentence: str, due: date) -> None:
    deadlines, _ = read(sentence)
    assert due in [d for _, d in deadlines]


def test_a_body_expecting_a_paper_by_an_event() -> None:
    deadlines, _ = read(
        "Der Ausschuss erwartet bis zur Haushaltsberatung einen Vorschlag der Verwaltung."
    )
    assert deadlines == [("bis zur Haushaltsberatung", None)]


def test_an_agreement_told_in_the_perfect_is_a_past_event() -> None:
    deadlines, _ = read(
        "Senat und Bezirke haben im August mit Anbietern einen Katalog von Maßnahmen "
        "verabredet, um die Gehwege besser zu schützen."
    )
    assert deadlines == []


def test_the_start_of_school_holidays_is_an_event() -> None:
    deadlines, _ = read("Bis zum Beginn der Sommerferien sollen die Arbeiten abgeschlossen sein.")
    assert deadlines == [("Bis zum Beginn der Sommerferien", None)]


@pytest.mark.parametrize(
    ("sentence", "recurrence"),
    [
        ("Die Verwaltung wird beauftragt, den Ausschuss auf dem Laufenden zu halten.", "regular"),
        ("Die Verwaltung wird beauftragt, den Rat fortlaufend in Kenntnis zu setzen.", "regular"),
        ("Die Verwaltung gibt dem Ausschuss jeweils zum Jahresende einen Überblick.", "yearly"),
        (
            "Der Landrat wird beauftragt, im Kreisausschuss über den Stand Auskunft zu geben.",
            "once",
        ),
        ("Die Verwaltung wird gebeten, dem Ausschuss eine Aufstellung zukommen zu lassen.", "once"),
        ("Die Verwaltung wird gebeten, die Ergebnisse dem Rat zu erläutern.", "once"),
        ("Die Verwaltung soll die Ergebnisse dem Ausschuss präsentieren.", "once"),
        ("Die Ergebnisse sind dem Rat zur Kenntnis zu geben.", "once"),
    ],
)
def test_report_duties_in_other_words(sentence: str, recurrence: str) -> None:
    extraction = extract_text(RESOLUTION + sentence + "\n", name="r.txt")
    assert [r.recurrence for r in extraction.reports] == [recurrence]


def test_keeping_informed_in_the_past_is_no_duty() -> None:
    extraction = extract_text(
        MINUTES + "Darüber hatten wir Sie im Juni informiert und auf dem Laufenden gehalten.\n",
        name="r.txt",
    )
    assert extraction.reports == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Vorlage ist der Bezirksverordnetenversammlung zur Kenntnis zu geben.",
        "Die aus der Anlage ersichtliche Vorlage ist der BVV zur Kenntnis zu geben.",
    ],
)
def test_passing_the_paper_itself_on_is_no_report_duty(sentence: str) -> None:
    extraction = extract_text(RESOLUTION + sentence + "\n", name="r.txt")
    assert extraction.reports == ()


def test_an_entry_into_force_decided_is_an_event() -> None:
    extraction = extract_text(
        RESOLUTION + "die Satzung.\n§ 5 Inkrafttreten\nDie Satzung tritt am 01.01.2026 in Kraft.\n",
        name="s.txt",
    )
    assert [(d.date, d.kind) for d in extraction.deadlines] == [(date(2026, 1, 1), "event")]


@pytest.mark.parametrize("verb", ["beschließt", "erlässt"])
def test_the_entry_into_force_of_a_statute_adopted_with_the_paper_is_an_event(verb: str) -> None:
    extraction = extract_text(
        "Beschlussvorlage BV-0081/2018\nDatum: 12.04.2018\nBetreff: Kostenbeiträge\n\n"
        "Beschlussvorschlag:\n"
        f"1. Der Stadtrat {verb} die Kostenbeitragssatzung in der Fassung der Anlage 1.\n"
        "2. Die Verwaltung wird beauftragt, die Eltern bis zum 30.06.18 zu informieren.\n\n"
        "Sachverhalt:\nDie Kostenbeiträge wurden zuletzt zum 01.08.2014 angepasst.\n\n"
        "Anlage 1 – Kostenbeitragssatzung (Auszug)\n§ 3 Höhe der Kostenbeiträge\n"
        "Krippe: 185 € monatlich.\n§ 9 Inkrafttreten\n"
        "Diese Satzung tritt am 01.08.2018 in Kraft.\n",
        name="s.txt",
    )
    assert (date(2018, 8, 1), "event") in [(d.date, d.kind) for d in extraction.deadlines]


def test_an_entry_into_force_that_happened_is_none() -> None:
    deadlines, _ = read("Das neue Gesetz ist zum 01.10.2023 in Kraft getreten.")
    assert deadlines == []


def test_a_decided_change_taking_effect_is_an_event() -> None:
    deadlines, _ = read(
        "Die Gebühren steigen in zwei Stufen. Die erste Erhöhung kommt zum 1. Oktober 2024, "
        "die zweite zum 1. Oktober 2025."
    )
    assert [d for _, d in deadlines] == [date(2024, 10, 1), date(2025, 10, 1)]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Die Umbenennung wird zum 01.07.2024 wirksam.", date(2024, 7, 1)),
        ("Eine Sondersitzung des Rates wird für den 23.04.2024 einberufen.", date(2024, 4, 23)),
        ("Die Vorstellung der Planung erfolgt in der Sitzung am 23.04.2024.", date(2024, 4, 23)),
    ],
)
def test_an_act_scheduled_for_a_day_to_come_is_an_event(sentence: str, due: date) -> None:
    deadlines, _ = read(sentence)
    assert due in [d for _, d in deadlines]


def test_an_act_placed_in_a_past_session_is_none() -> None:
    deadlines, _ = read("Die Vorstellung der Planung erfolgte in der Sitzung am 23.01.2024.")
    assert deadlines == []


def test_a_question_with_its_answer_binds_by_the_answers_announcements() -> None:
    extraction = extract_text(
        "Anfrage der CDU-Fraktion vom 03.02.2025\nBetreff: Sporthalle\n"
        "1. Ist die Finanzierung bis Ende 2025 gesichert?\n"
        "Antwort der Verwaltung:\n"
        "Die Verwaltung wird dem Sportausschuss im Mai 2025 den Zeitplan vorstellen.\n",
        name="q.txt",
    )
    assert [(d.text, d.date) for d in extraction.deadlines] == [("im Mai 2025", date(2025, 5, 31))]


def test_a_question_without_an_answer_binds_nobody() -> None:
    extraction = extract_text(
        "Anfrage der CDU-Fraktion vom 03.02.2025\nBetreff: Sporthalle\n"
        "Wird die Verwaltung dem Sportausschuss bis Mai 2025 den Zeitplan vorstellen?\n",
        name="q.txt",
    )
    assert extraction.deadlines == ()


def test_an_answer_the_reader_cannot_place_is_shown_not_lost() -> None:
    # no answer heading, no question mark before it: the questions bind no one, but a
    # sentence announcing an action with a date ahead is shown to a person
    extraction = extract_text(
        "Anfrage der CDU-Fraktion vom 03.02.2025\nBetreff: Sporthalle\n"
        "1. Wie ist der Stand der Planung.\n"
        "Die Verwaltung wird dem Sportausschuss am 15.05.2025 den Zeitplan vorstellen.\n",
        name="q.txt",
    )
    assert extraction.deadlines == ()
    assert [r.phrase[:31] for r in extraction.review] == ["Die Verwaltung wird dem Sportau"]


def test_one_rejected_matter_of_several_leaves_the_others_terms() -> None:
    extraction = extract_text(
        "Öffentliche Bekanntmachung\n"
        "Die Gemeindevertretung hat in ihrer Sitzung am 05.03.2024 folgende Beschlüsse gefasst:\n"
        "Beschluss-Nr. 13/2024: Der Auftrag wird an die Firma Bau GmbH vergeben. Die Arbeiten "
        "sind bis zum 31.08.2024 abzuschließen.\n"
        "Beschluss-Nr. 14/2024: Der Antrag auf Einrichtung eines Jugendbeirats bis Ende 2024 "
        "wird abgelehnt.\n",
        name="b.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2024, 8, 31)]


_MOTION_THEN_EXCERPT = (
    "Stadtverordnetenversammlung der Stadt Ohmtal                 Drucksache Nr. IX/0388\n"
    "Antrag der SPD-Fraktion vom 02.06.2015\n\n"
    "Betreff: Neuausschreibung der Gastronomie im Ratskeller\n\n"
    "Die Stadtverordnetenversammlung möge beschließen:\n"
    "Der Magistrat wird beauftragt, die Verpachtung des Ratskellers bis zum 31.12.2015 "
    "öffentlich auszuschreiben.\n\n"
    "gez. Martina Roth\n\n"
    "Auszug aus der Niederschrift der 31. Sitzung der Stadtverordnetenversammlung am "
    "25.06.2015\n"
    "TOP 12: Antrag der SPD-Fraktion – Drucksache IX/0388\n"
    "Stv. Hofmann (CDU) hält eine Neuausschreibung für unverhältnismäßig.\n"
    "Beschluss: Der Antrag wird {fate}.\n"
)


def test_a_motion_followed_by_the_excerpt_that_rejects_it_sets_no_term() -> None:
    # the excerpt of one item tells the fate of the motion printed above it
    extraction = extract_text(_MOTION_THEN_EXCERPT.format(fate="abgelehnt"), name="x.txt")
    assert extraction.decision is not None and extraction.decision.outcome == "rejected"
    assert extraction.deadlines == () and extraction.reports == ()


def test_a_motion_followed_by_an_excerpt_that_adopts_something_keeps_its_term() -> None:
    # a second vote told (here the motion itself adopted after all): a record, terms kept
    text = _MOTION_THEN_EXCERPT.format(fate="abgelehnt") + "Der Änderungsantrag wird angenommen.\n"
    assert [d.date for d in extract_text(text, name="x.txt").deadlines] == [date(2015, 12, 31)]


def test_a_motion_rejected_far_below_its_items_in_minutes_of_several_matters_sets_no_term() -> None:
    # the vote stands five sentences below the motion's items: the matter's fate is theirs;
    # the next matter's adopted term stays
    text = (
        "Niederschrift über die öffentliche Sitzung des Gemeinderates Wildenroth vom 26.11.2013\n"
        "TOP 4  Antrag der Fraktion auf Erstellung eines Energienutzungsplans\n"
        "Die Antragsteller beantragen:\n"
        "1. Die Verwaltung wird beauftragt, bis 31.12.2014 einen Energienutzungsplan erstellen "
        "zu lassen.\n"
        "2. Dem Gemeinderat ist halbjährlich über den Fortschritt zu berichten.\n"
        "Begründung: Für Energienutzungspläne gewährt der Freistaat eine Förderung.\n"
        "Diskussion: GR Pfisterer hält den Plan für verfrüht.\n"
        "GRin Obermüller gibt zu bedenken, dass die Förderung ausläuft.\n"
        "Beschluss: Der Antrag wird abgelehnt.\n"
        "TOP 5  Friedhofsmauer\n"
        "Beschluss: Die Verwaltung wird beauftragt, die Friedhofsmauer bis zum 30.06.2014 "
        "instand zu setzen. (einstimmig)\n"
    )
    extraction = extract_text(text, name="n.txt")
    assert [d.date for d in extraction.deadlines] == [date(2014, 6, 30)]
    assert extraction.reports == ()


def test_a_promise_in_the_debate_stands_when_the_motion_is_referred() -> None:
    deadlines, _ = read(
        "Herr Matthes (SPD) begründet den Antrag auf eine Tempo-30-Zone. Die Verwaltung sagt "
        "zu, die Ergebnisse der Verkehrszählung bis zum 30.04.2024 vorzulegen.\n"
        "Der Antrag wird in den Ausschuss für Bauen und Verkehr überwiesen.\n"
    )
    assert [d for _, d in deadlines] == [date(2024, 4, 30)]


def test_what_the_excerpt_below_a_motion_decides_binds() -> None:
    text = (
        "Jugendgemeinderat Leutkirch\n\nAn den Gemeinderat der Stadt Leutkirch\n\n"
        "Antrag des Jugendgemeinderats: Bau eines Skateparks\n\n"
        "Der Jugendgemeinderat hat beschlossen, folgenden Antrag an den Gemeinderat zu richten:\n\n"
        "1. Die Stadt errichtet einen Skatepark.\n"
        "2. Die Verwaltung erarbeitet bis zu den Pfingstferien 2019 einen Standortvorschlag.\n\n"
        "Begründung:\nDie alte Anlage ist gesperrt.\n\n"
        "Auszug aus dem Beschlussbuch des Gemeinderats, Sitzung vom 25.03.2019, TOP 8:\n"
        "Ziffer 1 wird einstimmig beschlossen. Ziffer 2 wird mit der Maßgabe beschlossen, dass "
        "der Standortvorschlag bis Ende September 2019 vorgelegt wird.\n"
    )
    extraction = extract_text(text, name="j.txt")
    assert date(2019, 9, 30) in [d.date for d in extraction.deadlines]
    # a member's motion in the excerpt that fell binds no one
    fell = text.replace(
        "Ziffer 1 wird",
        "Die CDU-Fraktion beantragt, bereits zum 30.06.2019 einen Zwischenbericht vorzulegen. "
        "Der Ergänzungsantrag wird mehrheitlich abgelehnt. Ziffer 1 wird",
    )
    assert date(2019, 6, 30) not in [d.date for d in extract_text(fell, name="j.txt").deadlines]
    # the record headed by the decision itself
    headed = text.replace(
        "Auszug aus dem Beschlussbuch des Gemeinderats, Sitzung vom 25.03.2019, TOP 8:",
        "Beschluss des Gemeinderats vom 25.03.2019 (TOP 8):",
    )
    assert date(2019, 9, 30) in [d.date for d in extract_text(headed, name="j.txt").deadlines]


def test_a_follow_up_list_with_one_rejected_item_keeps_the_others_terms() -> None:
    extraction = extract_text(
        "Sachstandsbericht zu Beschlüssen des Gemeinderats\n\n"
        "1) Beschluss vom 25.02.2025, TOP 6 – Gemeindehalle\n"
        "   Stand: Die Verwaltung wird dem Gemeinderat bis zum 30.09.2025 Einsparvorschläge "
        "vorlegen.\n"
        "2) Beschluss vom 20.05.2025, TOP 9 – Antrag SPD: Bürgerbus\n"
        "   Ergebnis: abgelehnt (7 Ja, 11 Nein). Kein Auftrag.\n",
        name="s.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2025, 9, 30)]


def test_a_working_groups_to_do_table_gives_each_open_row_its_limit() -> None:
    extraction = extract_text(
        "Ergebnisprotokoll\n3. Sitzung der Lenkungsgruppe Innenstadt am 19.03.2019\n\n"
        "Aufgabenliste\n"
        "Nr. | Was | Wer | Bis wann | Status\n"
        "1 | Entwurf Kapitel 3 | Büro plan-werk | 30.04.2019 | offen\n"
        "2 | Terminvorschläge Bürgerwerkstatt | FB 6 | 31.05.2019 | offen\n"
        "3 | Versand Protokoll | FB 6 | 05.02.2019 | erledigt\n",
        name="v.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2019, 4, 30), date(2019, 5, 31)]
    # a yes in the column that asks whether the row is done
    done = extract_text(
        "Ergebnisprotokoll des Partnerschaftskomitees vom 20.01.2009\n\n"
        "Was | Wer | Termin | Erledigt\n"
        "Dankschreiben | BM Frick | Dez. 2008 | ja, 15.12.2008\n"
        "Abrechnung Jubiläum | Frau Leible | 31.03.2009 | nein\n",
        name="w.txt",
    )
    assert [d.date for d in done.deadlines] == [date(2009, 3, 31)]


def test_an_answer_promised_for_later_is_a_report_duty() -> None:
    extraction = extract_text(
        MINUTES + "Zu Frage 3 sagt der Bürgermeister zu, die Antwort schriftlich nachzureichen.\n",
        name="a.txt",
    )
    assert [r.due for r in extraction.reports] == [None]


def test_a_fallen_matter_stops_at_a_sub_item_and_at_an_adoption() -> None:
    # the sentences of a record as the reader splits them: item 6.3 fell; the adopted item 6.2
    # before it is no part of its fall
    scoped = (
        "TOP 6  Beschlussempfehlungen der Ausschüsse",
        "6.1 Drs.",
        "1488/XIX – Hundeauslaufgebiete prüfen (Antrag der Fraktion der CDU)",
        "Die BVV lehnt den Antrag mehrheitlich ab.",
        "6.2 Drs.",
        "1501/XIX – Schulentwicklungsplanung (Antrag der Fraktion der SPD)",
        "Die BVV beschließt einstimmig:",
        '"Das Bezirksamt wird ersucht, der BVV bis zum 30. Juni 2016 ein Konzept vorzulegen."',
        "6.3 Drs.",
        "1510/XIX – Sanierung Zitadellenbrücke",
        "Der Antrag wird auf Wunsch der einreichenden Fraktion zurückgezogen.",
        "TOP 7  Anträge",
    )
    fell = [clauses.FELL_NEXT.match(x) is not None for x in scoped]
    results = [obligations._result_fell(x) for x in scoped]
    assert obligations._fallen_matters(scoped, fell, results) == {8, 9}


@pytest.mark.parametrize(
    "sentence",
    [
        "Am Ende fand der Ergänzungsantrag mit 9 zu 22 Stimmen keine Mehrheit.",
        "Zunächst wird über den weitergehenden Antrag der UWG abgestimmt: abgelehnt 5:10.",
        "Nach Aussprache zieht die CDU-Fraktion den Antrag zurück.",
        "Nach dem Hinweis von Stadtrat Weitzel, dass die Anlage schon stand, zieht Herr Diehl "
        "den Antrag zurück.",
        "Die Fraktion hat ihren Antrag zurückgezogen.",
    ],
)
def test_a_sentence_tells_that_the_proposal_before_it_fell(sentence: str) -> None:
    assert clauses.FELL_NEXT.match(sentence)


def test_a_report_announced_with_a_long_object_is_a_duty() -> None:
    # thirteen words between the auxiliary and the verb
    extraction = extract_text(
        "Stellungnahme\n\nNach Fertigstellung wird die Verwaltung dem Ausschuss für Mobilität "
        "und Klimaschutz über die Auslastung der Anlage berichten.\n",
        name="r.txt",
    )
    assert [r.recurrence for r in extraction.reports] == ["once"]


def test_the_items_of_a_request_that_opens_their_list_are_ordered() -> None:
    extraction = extract_text(
        "Drucksache - VIII-0987\nArt der Drucksache: Antrag\nBetreff: Schulwege\n\n"
        "Beschluss der BVV vom 11.09.2019:\n\nDas Bezirksamt wird ersucht,\n"
        "1. an der Kreuzung einen Schulweghelferdienst einzurichten und die dafür notwendigen "
        "Mittel\n   bis spätestens 31. Juli 2020 bereitzustellen,\n"
        "2. der BVV bis zum 31.12.2019 über das Ergebnis zu berichten.\n",
        name="b.txt",
    )
    assert sorted(d.date for d in extraction.deadlines) == [date(2019, 12, 31), date(2020, 7, 31)]


def test_a_presentation_to_a_committee_announced_in_the_present_is_a_report_duty() -> None:
    extraction = extract_text(
        "Vorlage zur Kenntnisnahme\nDrucksache VIII-1204\nDatum: 12.11.2020\n\n"
        "Das Bezirksamt hat die Machbarkeitsuntersuchung beauftragt. Zuvor werden die Ergebnisse "
        "im Ausschuss für Verkehr vorgestellt.\n",
        name="k.txt",
    )
    assert [r.due for r in extraction.reports] == [None]


def test_an_agenda_is_no_record_of_a_session() -> None:
    text = (
        "Einladung\nzur 12. Sitzung des Gemeinderates am Dienstag, 12.03.2024, 19:00 Uhr\n"
        "Tagesordnung\n1. Eröffnung, Feststellung der Beschlussfähigkeit\n"
        "2. Genehmigung der Niederschrift vom 13.02.2024\n3. Bebauungsplan Am Mühlbach\n"
        "4. Anfragen und Mitteilungen\n"
    )
    assert extract_text(text, name="e.txt").kind == "Tagesordnung"


def test_a_calendar_of_sessions_is_no_announcement() -> None:
    deadlines, _ = read(
        "Die weiteren Sitzungen in 2024 sind für den 01.07., 10.10. und 05.12. geplant."
    )
    assert deadlines == []


def test_an_order_told_in_the_perfect_with_its_task() -> None:
    deadlines, _ = read(
        "Die ADD hat die Ortsgemeinde aufgefordert\n\ndie Maßnahmen bis zum 30.06.2024 "
        "abzuschließen."
    )
    assert deadlines == [("30.06.2024", date(2024, 6, 30))]


def test_a_report_given_told_in_the_past_is_no_duty() -> None:
    extraction = extract_text(
        MINUTES + "Die Verwaltung informierte das Gremium, dass der bisher jährlich "
        "eingebrachte Energiebericht einen hohen Aufwand bedeutet.\n",
        name="p.txt",
    )
    assert extraction.reports == ()


def test_a_matter_to_come_on_an_agenda_is_announced() -> None:
    deadlines, _ = read(
        "Die Ausbaubeiträge werden auch ein Tagesordnungspunkt in der nächsten Bauausschuss "
        "Sitzung sein."
    )
    assert deadlines == [("in der nächsten Bauausschuss Sitzung", None)]


def test_a_plea_to_set_out_the_next_steps_is_a_report_duty() -> None:
    extraction = extract_text(
        RESOLUTION + "Die Verwaltung möge in einer Vorlage ihre weitere Vorgehensweise darlegen.\n",
        name="r.txt",
    )
    assert [r.recurrence for r in extraction.reports] == ["once"]


def test_an_order_recorded_in_the_minutes_with_a_task_noun() -> None:
    extraction = extract_text(
        MINUTES + "Die Verwaltung wurde mit der Beantwortung der Fragen beauftragt, welche "
        "Anforderungen an einen solchen Platz gestellt werden.\n",
        name="m.txt",
    )
    assert [r.recurrence for r in extraction.reports] == ["once"]


def test_a_past_meeting_on_a_date_is_no_deadline() -> None:
    deadlines, _ = read(
        "In der Kommandantenversammlung am 22.03.2016 hat die Verwaltung darüber beraten, ob "
        "der Bedarfsplan extern erarbeitet werden soll."
    )
    assert deadlines == []


def test_a_purpose_clause_ahead_orders_nothing() -> None:
    extraction = extract_text(
        MINUTES + "Um unsere Bürger über die Vorhaben für das laufende Jahr zu informieren, fand "
        "vorige Woche die erste Einwohnerversammlung statt.\n",
        name="p.txt",
    )
    assert extraction.reports == ()


def test_urgency_as_an_adjective_of_the_task_is_a_vague_term() -> None:
    deadlines, _ = read("Herr Meier sichert eine schnelle Abarbeitung dieser Angelegenheit zu.")
    assert [d for _, d in deadlines] == [None]


def test_a_task_list_of_the_beschlusskontrolle_keeps_the_open_tasks() -> None:
    extraction = extract_text(
        "TOP 12 Ö: Anfragen und Anregungen der Ortschaftsräte\n\n"
        "Umsetzung: Termin: 30.08.2019 an: Bauamt\nErledigt: 20.09.2019 Ergebnis: erledigt\n\n"
        "Aufgabe: Die Schautafeln sind zu erneuern.\n\n"
        "TOP 13 Ö: Anfragen\n\n"
        "Umsetzung: Termin: 15.09.2019 an: Bauamt\nErledigt: Ergebnis: in Bearbeitung\n\n"
        "Aufgabe: Die Bushaltestelle ist barrierefrei umzubauen.\n",
        name="k.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2019, 9, 15)]


def test_minutes_of_several_matters_are_read_whole() -> None:
    # the resolution of one TOP is no scope for the others: a postponement elsewhere binds
    extraction = extract_text(
        "Niederschrift über die Sitzung des Ortsrates am 10.02.2022\n\n"
        "TOP 5 Spielplatz\nBeschluss:\nDer Ortsrat beschließt die Sanierung des Spielplatzes.\n\n"
        "TOP 7 Baulandkataster\nDaher wird TOP 7 vertagt auf die nächste Ortsratssitzung.\n",
        name="m.txt",
    )
    assert [d.text for d in extraction.deadlines] == ["auf die nächste Ortsratssitzung"]


def test_a_reproach_for_not_informing_is_no_duty() -> None:
    extraction = extract_text(
        MINUTES + "So hat er es nicht für nötig gehalten, den Kreistag offiziell darüber in "
        "Kenntnis zu setzen.\n",
        name="r.txt",
    )
    assert extraction.reports == ()


TOP_PAGE = "Sitzung des Gemeinderates am 12.02.2025\nTOP 5 Sanierung der Turnhalle\n"


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        # an action in the present bounded by "bis": a plan announced
        ("Die Umsetzung erfolgt bis spätestens Ende 2026.", date(2026, 12, 31)),
        ("Die Ausschreibung erfolgt bis Ende März 2026.", date(2026, 3, 31)),
        # a report announced to the council for a season ahead
        (
            "Das Ergebnis der Prüfung wird dem Gemeinderat im Herbst 2025 vorgestellt.",
            date(2025, 11, 30),
        ),
    ],
)
def test_an_announcement_on_a_top_page_is_recorded(sentence: str, due: date) -> None:
    e = extract_text(TOP_PAGE + sentence + "\n", name="top.txt")
    dates = {d.date for d in e.deadlines} | {r.due for r in e.reports}
    assert due in dates
    # the meeting date of the page's heading is no limit of the first sentence
    assert date(2025, 2, 12) not in dates


def test_a_routine_in_the_present_without_a_limit_is_no_obligation() -> None:
    e = extract_text(TOP_PAGE + "Die Auszahlung erfolgt jährlich im März.\n", name="r.txt")
    assert not e.deadlines and not e.reports


def test_a_motions_request_in_the_subjunctive_passive_binds_its_term() -> None:
    text = (
        "Die SPD-Fraktion beantragt, das Thema im Umweltausschuss zu behandeln. Städtische "
        "Grundstücke sollten unverzüglich in Wildblumenwiesen umgewandelt werden.\n"
    )
    e = extract_text(text, name="w.txt")
    assert [d.text for d in e.deadlines] == ["unverzüglich"]


def test_the_term_of_a_lease_in_a_resolution_is_no_limit() -> None:
    text = (
        "Der Gemeinderat beschließt:\n1. Dem Nutzungsvertrag wird zugestimmt.\n"
        "2. Die Pachtdauer beträgt 25 Jahre, beginnend am 01.04.2023 bis 31.12.2048.\n"
    )
    assert not extract_text(text, name="p.txt").deadlines


def test_a_statutes_entry_into_force_after_publication_is_an_undated_event() -> None:
    text = (
        "Die Neufassung der Friedhofssatzung tritt ab dem Tag nach der Bekanntmachung in Kraft.\n"
    )
    e = extract_text(text, name="s.txt")
    assert [(d.text, d.date) for d in e.deadlines] == [("ab dem Tag nach der Bekanntmachung", None)]


def test_an_act_announced_for_a_season_ahead_is_recorded() -> None:
    text = (
        "Mitteilungsvorlage\nBetreff: Sachstand Breitbandausbau\n\nSachverhalt:\n"
        "Die Ausschreibung wird im Herbst 2025 veröffentlicht.\n"
    )
    dates = {d.date for d in extract_text(text, name="m.txt").deadlines}
    assert date(2025, 11, 30) in dates


def test_a_bare_termin_in_a_list_that_follows_decisions_up_is_a_due_date() -> None:
    head = "Beschlusskontrolle\n\nBeschluss-Nr. 45/2024 Radweg Lindenstraße\nAuftrag: Planung\n"
    open_task = extract_text(head + "Termin: 30.06.2025\nStand: in Bearbeitung\n", name="o.txt")
    assert [d.date for d in open_task.deadlines] == [date(2025, 6, 30)]
    done = extract_text(head + "Termin: 30.06.2024\nStand: erledigt\n", name="d.txt")
    assert not done.deadlines


@pytest.mark.parametrize(
    "sentence",
    [
        # a group promising its readers
        "Über das Ergebnis der Prüfung werden wir berichten.",
        # an agenda row listing a report delivered there
        "| 3.1 | Umsetzung Onlinezugangsgesetz Halbjährlicher Statusbericht, 10.01.2024 |",
    ],
)
def test_a_report_no_one_owes_the_council_is_no_duty(sentence: str) -> None:
    text = "Aus dem Ausschuss vom 18.01.2024\n\n" + sentence + "\n"
    assert not extract_text(text, name="w.txt").reports


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Der formelle Beschluss wird in der nächsten Sitzung gefasst.", "in der nächsten Sitzung"),
        ("Die Beschlussfassung wird am 10. November 2025 erfolgen.", "10. November 2025"),
    ],
)
def test_a_decision_announced_for_a_session_is_an_obligation(sentence: str, phrase: str) -> None:
    text = "Aus der Sitzung des Marktgemeinderates vom 29.09.2025\n\n" + sentence + "\n"
    assert phrase in {d.text for d in extract_text(text, name="d.txt").deadlines}


def test_papers_to_be_given_to_the_body_are_a_report_duty() -> None:
    text = (
        "Aus der Sitzung des Marktgemeinderates vom 29.09.2025\n\n"
        "Die Berechnungsunterlagen vom Büro Delta werden dem Gremium zur Verfügung gestellt.\n"
    )
    assert extract_text(text, name="r.txt").reports


def test_a_limit_before_an_object_with_a_participle_keeps_its_date() -> None:
    text = (
        "Der Gemeinderat möge beschließen:\nDie Verwaltung wird beauftragt, bis zum 30.06.2025 "
        "den geprüften Bericht vorzulegen.\n"
    )
    assert [d.date for d in extract_text(text, name="l.txt").deadlines] == [date(2025, 6, 30)]


def test_a_date_of_a_thing_done_before_its_participle_is_no_limit() -> None:
    text = (
        "Die Fraktion beantragt, die am 28.06.2022 im Gemeinderat vorgestellte Satzung sofort in "
        "Kraft zu setzen.\n"
    )
    assert date(2022, 6, 28) not in {d.date for d in extract_text(text, name="d.txt").deadlines}


def test_a_motions_request_with_an_infinitive_binds_its_limit() -> None:
    text = "Wir beantragen, die Planung bis Ende des Jahres 2026 abzuschließen.\n"
    assert date(2026, 12, 31) in {d.date for d in extract_text(text, name="b.txt").deadlines}


@pytest.mark.parametrize(
    "text",
    [
        # the infinitive of a subordinate clause is no "hat ... zu tun"
        "Ausführliche Diskussionen im Gemeinderat am 24.9.2008 haben ergeben, dass eine Anlage "
        "auf dem Bauhof wirtschaftlicher zu betreiben ist.",
        # the year's accounts are no year's end
        "Da Haushalte das Vorsichtsprinzip beachten müssen, hoffen wir, dass der "
        "Jahresabschluss 2018 positiv ausfallen wird.",
        # "zu" before an adjective and its noun is no infinitive: a law's condition, no duty
        "Die Verbandsgemeinde kann den Antrag nur ablehnen, wenn er mehr als 4 Jahre nach dem "
        "Ende des Jahres gestellt wird, in dem die Nutzung entfallen ist, bzw. sie das "
        "Grundstück in absehbarer Zeit zu eigenen öffentlichen Aufgaben benötigt.",
    ],
)
def test_a_subclause_infinitive_or_the_years_accounts_set_no_limit(text: str) -> None:
    assert not extract_text(text + "\n", name="s.txt").deadlines


def test_a_standing_period_before_every_session_is_shown_not_recorded() -> None:
    text = (
        "Bericht des Bürgermeisters\n\nAngelegenheiten, die auf die Tagesordnung gesetzt werden "
        "sollen, sind ihm möglichst 14 Tage vor der Sitzung in schriftlicher Form vorzulegen.\n"
    )
    e = extract_text(text, name="g.txt")
    assert not e.reports and not e.deadlines


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # a date fixed for an event
        (
            "Niederschrift über die Sitzung des Stadtrates am 18.07.2023\n\n"
            "Der Termin für die Durchführung des Bürgerentscheids wird auf den 24.09.2023 "
            "festgelegt.\n",
            date(2023, 9, 24),
        ),
        # a day without a year, announced: the document's year
        (
            "Gemeinderatssitzung vom 29.09.2020\n\nBM Pfaff teilt mit, dass die Abrechnung im "
            "März auf der Tagesordnung gestanden hätte. Die Beschlussfassung wird am 10. November "
            "erfolgen.\n",
            date(2020, 11, 10),
        ),
    ],
)
def test_a_date_set_for_an_event_is_an_obligation(text: str, due: date) -> None:
    assert due in {d.date for d in extract_text(text, name="e.txt").deadlines}


MINUTES_HEAD = (
    "Niederschrift über die Sitzung des Gemeinderates am 10.03.2025\n\nTOP 4 Verschiedenes\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "binds"),
    [
        # an action with a limit in the present or the future
        ("Die Verwaltung prüft bis zum 30.06.2025, ob ein Zuschuss möglich ist.", True),
        ("Der Bauhof stellt die Bänke bis Ende April 2025 auf.", True),
        ("Frau Meier wird bis zum 01.05.2025 die Unterlagen verschicken.", True),
        ("Der Ausschuss erwartet bis zum 30. April 2025 eine Kostenaufstellung.", True),
        # a state or an expectation with a limit
        ("Die Verwaltung verfügt bis 2027 über ausreichende Mittel.", False),
        ("Die Kämmerei rechnet bis 2027 mit Defiziten.", False),
        ("Die Gebühren werden bis 2027 stabil bleiben.", False),
        ("Der Vertrag wird bis 31.12.2030 verlängert werden.", False),
    ],
)
def test_an_action_with_a_limit_binds_a_state_does_not(sentence: str, binds: bool) -> None:
    e = extract_text(MINUTES_HEAD + sentence + "\n", name="a.txt")
    assert bool(e.deadlines or e.reports) is binds


def test_the_resolutions_present_report_is_a_duty() -> None:
    text = (
        "Antrag der Fraktion XY vom 03.03.2025\nBetreff: Klimaschutz\n\nDer Rat möge beschließen:\n"
        "Die Verwaltung informiert den Ausschuss laufend über den Sachstand.\n"
    )
    assert [r.recurrence for r in extract_text(text, name="p.txt").reports] == ["regular"]


ANSWERED = (
    "Schriftliche Anfrage Nr. 45/2024\nBetreff: Friedhof\n"
    "Frage: Ist das noch in diesem Jahr geplant?\n"
)


@pytest.mark.parametrize(
    "heading",
    ["Antwort des Oberbürgermeisters (Schreiben vom 12.08.2024):", "Antwort zu 3: Ja."],
)
def test_an_answer_heading_with_more_words_starts_the_answer(heading: str) -> None:
    extraction = extract_text(
        ANSWERED + heading + "\nDie Verwaltung wird das Feld bis Ende 2025 anlegen.\n", name="t.txt"
    )
    assert [d.date for d in extraction.deadlines] == [date(2025, 12, 31)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Weitere 60 Bügel werden bis zum 30.04.2025 montiert.",
        "Bis zum 30.04.2025 werden weitere 30 Leistungen online gestellt.",
        "Die Linie wird zum 30.04.2025 aufgenommen.",
    ],
)
def test_a_work_in_the_passive_bounded_by_a_limit_is_announced(sentence: str) -> None:
    deadlines, _ = read(sentence, "Mitteilung zur Kenntnisnahme\nDatum: 12.03.2025\n\n")
    assert [d for _, d in deadlines] == [date(2025, 4, 30)]


def test_an_office_of_the_administration_announcing_a_term_binds() -> None:
    deadlines, _ = read(
        "Die Friedhofsverwaltung wird das Urnenfeld im Laufe des Jahres 2025 anlegen.",
        "Mitteilung\nDatum: 12.03.2024\n\n",
    )
    assert [d for _, d in deadlines] == [date(2025, 12, 31)]


def test_a_date_that_heads_a_resolution_is_a_label_not_a_limit() -> None:
    deadlines, _ = read(
        'Antrag "Skateranlage" - beschlossen im Stadtrat am 08.05.2025: Die Verwaltung soll die '
        "Anlage bis zum 31.07.2025 sanieren.",
        "Unsere Anträge\n\n",
    )
    assert [d for _, d in deadlines] == [date(2025, 7, 31)]


def test_a_month_in_a_clause_told_in_the_past_is_no_term_ahead() -> None:
    deadlines, _ = read(
        "Bürgermeister Lenz antwortet, die Ausschreibung sei im Januar erfolgt; er werde dem Rat "
        "in der Sitzung am 02.04.2024 die Vergabe vorschlagen."
    )
    assert all(text != "im Januar" for text, _ in deadlines)


def test_a_work_in_the_passive_to_a_school_year_is_announced() -> None:
    deadlines, _ = read(
        "Die Schulsozialarbeit wird zum Schuljahr 2025/26 an allen Grundschulen eingeführt.",
        "Mitteilung\nDatum: 12.03.2025\n\n",
    )
    assert [t for t, _ in deadlines] == ["zum Schuljahr 2025/26"]


def test_a_paper_due_before_a_committee_in_nominal_style_is_shown_for_review() -> None:
    extraction = extract_text(
        "Beschlusskontrolle, Hauptausschuss 15.01.2025\nErledigung offen. Vorlage im "
        "Bauausschuss im 2. Quartal 2025.\n",
        name="t.txt",
    )
    assert ("unread_obligation", "Vorlage im Bauausschuss im 2. Quartal 2025.") in [
        (r.reason, r.phrase) for r in extraction.review
    ]


def test_a_motion_requesting_in_a_dass_clause_binds() -> None:
    extraction = extract_text(
        "Antrag der Fraktion\nBetreff: Sachstand\n\nWir beantragen, dass die Verwaltung in der "
        "Sitzung des Gemeinderats im November 2024 einen Sachstandsbericht gibt.\n",
        name="t.txt",
    )
    assert [r.due for r in extraction.reports] == [date(2024, 11, 30)]


def test_a_measure_with_its_effective_date_is_announced() -> None:
    deadlines, _ = read(
        "Die Gemeinde richtet mit Wirkung vom 1. Juli 2016 eine Beratungsstelle ein.",
        "Beschlüsse\nDatum: 12.03.2016\n\n",
    )
    assert [d for _, d in deadlines] == [date(2016, 7, 1)]


def test_a_fallen_motion_beside_an_adopted_one_asks_for_review() -> None:
    extraction = extract_text(
        "Folgender Beschlussvorschlag wird mit 8 Ja-Stimmen und 23 Nein-Stimmen abgelehnt:\n\n"
        "Die Verwaltung wird aufgefordert, bis Ende 2026 eine Fläche aufzuforsten.\n\n"
        "Folgender Beschlussantrag wird einstimmig angenommen:\n\n"
        "Die Verwaltung wird beauftragt, bis Ende 2025 eine Übersicht vorzulegen.\n",
        name="t.txt",
    )
    assert extraction.deadlines == ()
    assert "several_outcomes" in [r.reason for r in extraction.review]


def test_the_administration_proposing_what_it_will_do_binds() -> None:
    deadlines, _ = read(
        "Herr Buchholz erläutert die Handlungsfelder. Die Verwaltung schlage vor, im 1. Quartal "
        "2024 zwei Workshops zu veranstalten.",
        "Niederschrift über die Sitzung des Kreistages am 12.11.2023\n\nTOP 5 Inklusion\n\n",
    )
    assert [d for _, d in deadlines] == [date(2024, 3, 31)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Brücke wird in der Nacht vom 13. auf den 14. Mai 2025 von 20:00 Uhr bis 5:00 Uhr "
        "voll gesperrt.",
        "Das Verzeichnis wird in der Zeit vom 20. Mai bis 24. Mai 2025 zur Einsicht "
        "bereitgehalten.",
        "Die Verordnung über das Offenhalten an Sonntagen zur Aufhebung im Jahre 2025 wird "
        "genehmigt.",
    ],
)
def test_a_passive_with_a_period_or_no_limit_is_no_announcement(sentence: str) -> None:
    deadlines, _ = read(sentence, "Amtsblatt der Stadt\nDatum: 03.05.2025\n\n")
    assert deadlines == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a meeting set for a day: its date, neither a limit nor a doubt
        "Die erste Ratssitzung im neuen Jahr ist für den 04.02.2026 vorgesehen.",
        "Die nächste Beiratssitzung ist für den 23.09.2025 vorgesehen.",
    ],
)
def test_a_meeting_set_for_a_day_is_no_obligation(sentence: str) -> None:
    deadlines, review = read(sentence, "Beschluss\nDatum: 12.03.2025\n\nBeschluss:\n")
    assert (deadlines, review) == ([], [])


def test_a_state_that_lasts_is_no_limit() -> None:
    deadlines, _ = read(
        "Herr Beck berichtet über den Winterdienst. Der Streusalzvorrat reicht bis Ende der "
        "Saison.",
        "Beschluss\nDatum: 12.03.2025\n\nBeschluss:\n",
    )
    assert deadlines == []


@pytest.mark.parametrize(
    "text",
    [
        # the proposal falls in the next sentence
        "GV Schmidt beantragt, die Saison auf die Zeit bis 31.10.2024 zu begrenzen. Dieser "
        "Änderungsantrag wird mit 4 Ja- zu 9 Nein-Stimmen abgelehnt.",
        # a motion quoted before its rejection, with words between
        "Unser Antrag, den Magistrat zu beauftragen, bis zum 31.10.2024 ein Konzept vorzulegen, "
        "wurde leider mit den Stimmen der Koalition abgelehnt.",
        # a motion quoted before its postponement
        "Unser Antrag, den Direktor mit einem Tilgungsplan bis 31.10.2024 zu beauftragen, wurde in "
        "der Sitzung am 14.03.2024 auf Wunsch der Mehrheit vertagt.",
        # withdrawn in its own sentence
        "Stadtverordneter Brückner zieht den Änderungsantrag seiner Fraktion, das Konzept schon "
        "bis zum 31.10.2024 vorzulegen, mit Blick auf die Ausschussempfehlung zurück.",
        # referred, the verb first after a short opening
        "Die Fraktion beantragt, die Verwaltung zu beauftragen, bis zum 31.10.2024 eine "
        "Förderrichtlinie zu erarbeiten. Nach Diskussion wird der Antrag zur weiteren Beratung in "
        "den Umwelt- und Bauausschuss verwiesen.",
        # the votes first on the result line, then the outcome
        "Kreistagsabgeordneter Weigand beantragt, die Zusammenlegung der Grundschulen bis "
        "31.10.2024 auszusetzen. Abstimmungsergebnis: 18 Ja / 41 Nein / 3 Enthaltungen - "
        "abgelehnt.",
        # referred, the motion first
        "Wir haben beantragt, dass die Stadtverwaltung bis zum 31.10.2024 einen Zeitplan "
        "vorlegt. Der Antrag wurde in den Hauptausschuss überwiesen.",
        # the votes alone on the result line, then the outcome told
        "Die Fraktion beantragt, die Verwaltung zu beauftragen, bis zum 31.10.2024 eine "
        "Machbarkeitsstudie vorzulegen.\nAbstimmungsergebnis:    Ja: 6      Nein: 11      "
        "Enthaltung: 1\nDer Antrag ist abgelehnt.",
        # a speaker's words in a verbatim record
        "Stadtrat Kretschmar (AfD): Angesichts der Haushaltslage sollten wir die Maßnahme bis "
        "zum 31.10.2024 zurückstellen.",
        # a speaker's view in the debate
        "Ortschaftsrat Kern beantragt, die Entscheidung zu vertagen. Ortschaftsrätin Zeller hält "
        "eine Entscheidung bis zum 31.10.2024 für erforderlich, weil der Förderantrag bis dahin "
        "eingehen muss.",
    ],
)
def test_a_motion_that_fell_or_was_put_off_sets_no_term(text: str) -> None:
    deadlines, _ = read(text)
    assert all(d != date(2024, 10, 31) for _, d in deadlines)


RESULT_LINES = (
    "Gemeinde Seddinwalde\nProtokoll der 10. Sitzung der Gemeindevertretung\nDatum: 27.05.2025\n\n"
    "Ö 8 Antrag der Fraktion SPD: Schulweg Birkenallee\n"
    "Beschluss-Nr. 2025/043: Der Bürgermeister wird beauftragt, bis zum 15.08.2025 eine "
    "Querungshilfe einzurichten. (einstimmig)\n"
    "Ö 9 Antrag der Fraktion AfD: Hundesteuer\n"
    "Die Fraktion beantragt, die Erhöhung der Hundesteuer bis zum 30.09.2025 aufzuheben.\n"
    "Beschluss-Nr. 2025/044: abgelehnt (3 Ja, 12 Nein)\n"
    "Ö 10 Antrag der Fraktion CDU: Mitfahrbank\n"
    "Herr Behrens beantragt, die Gemeinde zu bitten, bis zum 31.10.2025 eine Mitfahrbank "
    "aufzustellen.\n"
    "Beschluss: mehrheitlich abgelehnt\n"
    "Ö 11 Antrag der Fraktion LINKE: Sozialticket\n"
    "„Der Bürgermeister wird gebeten, bis zum 30.11.2025 eine Beratungsstelle einzurichten.“\n"
    "Abstimmung: Ablehnung (CDU, SPD gegen LINKE)\n"
)


def test_a_labelled_result_line_says_the_motion_before_it_fell() -> None:
    extraction = extract_text(RESULT_LINES, name="t.txt")
    # the adopted item keeps its term; the rejected motions' terms bind no one and are not
    # shown for review either (the result line said what became of them)
    assert [d.date for d in extraction.deadlines] == [date(2025, 8, 15)]
    shown = " ".join(r.phrase for r in extraction.review)
    assert "Hundesteuer" not in shown and "Mitfahrbank" not in shown
    assert "Beratungsstelle" not in shown


@pytest.mark.parametrize(
    "vote",
    ["", " (einstimmig)"],
)
def test_a_rejection_after_the_next_matter_is_that_matters_own(vote: str) -> None:
    # the rejection below the heading of item 6 is item 6's: item 5's request stands
    deadlines, _ = read(
        "5. Antrag der CDU-Fraktion: Hundeauslaufflächen\n"
        "Der Magistrat wird gebeten, bis Ende des zweiten Quartals 2025 geeignete Flächen zu "
        f"benennen.{vote}\n"
        "6. Antrag der Gruppe BIW: Baumschutzverordnung\n"
        "Die Antragsteller wollen die Verordnung aufheben.\n"
        "Der Antrag wird abgelehnt.\n"
    )
    assert [d for _, d in deadlines] == [date(2025, 6, 30)]


@pytest.mark.parametrize(
    "head",
    ["Übersicht der Beschlüsse\nStand: 01.03.2024 Seite 1 von 3\n", "Stand 01.03.2024\n"],
)
def test_a_status_date_is_no_due_date(head: str) -> None:
    extraction = extract_text(
        head + "Die Verwaltung legt dem Rat bis 30.06.2024 eine Satzung vor.\n", name="t.txt"
    )
    assert [d.date for d in extraction.deadlines] == [date(2024, 6, 30)]
    assert not any("01.03.2024" in r.phrase for r in extraction.review)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param(
            # the motion's term does not bind; the alternative the resolution decides does
            "Stellungnahme der Verwaltung\nVorlage-Nr.: 0127/2026/1\nDatum: 03.02.2026\nBetreff: "
            "Parkraumbewirtschaftung\n\nAntrag der SPD-Fraktion:\n„Die Verwaltung wird beauftragt, "
            "bis zum 31.03.2026 ein Parkraumkonzept vorzulegen.“\n\nBeschlussvorschlag:\n1. Der "
            "Antrag der SPD-Fraktion vom 14.01.2026 wird abgelehnt.\n2. Die Verwaltung führt im "
            "Gründerzeitviertel bis Ende Mai eine Parkraumerhebung durch.\n",
            [date(2026, 5, 31)],
            id="turned down, decided otherwise",
        ),
        pytest.param(
            # the rejection is an earlier motion's: this paper's own resolution binds
            "Magistrat der Stadt Bremerhaven                 Vorlage Nr. I/187/2025\nBremerhaven, "
            "16.09.2025\n\nVorlage für die Stadtverordnetenversammlung\n– Beschlussvorlage –\n\n"
            "Betreff: Unterbringung wohnungsloser Menschen\n\nA. Problem\nDie "
            "Stadtverordnetenversammlung hat am 13.03.2025 den Antrag, bis zum 30.06.2025 eine "
            "zusätzliche Unterkunft einzurichten, abgelehnt und den Magistrat stattdessen um eine "
            "Gesamtkonzeption gebeten, die hiermit vorgelegt wird.\n\nF. Beschlussvorschlag\n1. Der"
            " Magistrat wird beauftragt, die Notunterkunft bis zum 31.12.2025 in die Trägerschaft "
            "eines freien Trägers zu überführen.\n",
            [date(2025, 12, 31)],
            id="an earlier motion's rejection told",
        ),
        pytest.param(
            "Stadtanzeiger · Amtliche Bekanntmachungen · Nr. 29 · 17. Juli 2025\nBeschlüsse der "
            "Stadtverordnetenversammlung vom 10. Juli 2025\n1. Kinderbetreuung\nDer Magistrat wird "
            "beauftragt, der Stadtverordnetenversammlung bis zum 31. Oktober 2025 einen Bericht "
            "vorzulegen. (einstimmig)\n2. Antrag der FDP-Fraktion „Hybride Sitzungen“\nDer Antrag "
            "wird abgelehnt. (mehrheitlich)\n",
            [date(2025, 10, 31)],
            id="a published list of decisions",
        ),
        pytest.param(
            "Auszug aus der Niederschrift der Gemeindevertretung vom 20.11.2025\nTOP 7 Kita-Neubau"
            "\nBeratung:\nGV Petersen beantragt, die Kostenberechnung fortzuschreiben. Der "
            "Bürgermeister sagt zu, dass die Amtsverwaltung die Kostenberechnung bis zum 31.01.2026"
            " aktualisiert.\n\nBeschluss:\n1. Die Gemeindevertretung beschließt den Neubau der "
            "Kindertagesstätte.\nAbstimmungsergebnis: einstimmig\n",
            [date(2026, 1, 31)],
            id="a promise in the debate",
        ),
        pytest.param(
            "Anfrage Nr. AF0512/26\nFragesteller: Stadtrat Gärtner\nEingang: 02.03.2026\nBetreff: "
            "Prüfung der Elbbrücken\nFragen:\n1. Ist beabsichtigt, das Blaue Wunder bis Ende 2026 "
            "zu sperren?\n\nZwischennachricht\nSehr geehrter Herr Gärtner,\nfür Ihre Anfrage vom "
            "02.03.2026 danke ich Ihnen. Die Antwort wird Ihnen bis zum 17. April 2026 zugehen.\n",
            [date(2026, 4, 17)],
            id="an interim reply",
        ),
        pytest.param(
            # a Mitteilung's Petitum only asks to take note: its announcements bind
            "Bezirksamt Bergedorf\nDrucksache 22-4127\nDatum: 28.04.2026\nMitteilung des "
            "Bezirksamtes\nSachverhalt:\nDas Bezirksamt wird das Vergabeverfahren bis Ende August "
            "2026 erneut durchführen.\nPetitum/Beschlussvorschlag:\nDer Regionalausschuss und die "
            "Bezirksversammlung werden um Kenntnisnahme gebeten.\n",
            [date(2026, 8, 31)],
            id="a Mitteilung to take note of",
        ),
        pytest.param(
            "Kreis Treenemark\nÜbersicht der offenen Prüf- und Berichtsaufträge des Kreistages\n"
            "Stand: 01.06.2026\n1) Prüfauftrag Kreisstraßenbauprogramm\n   zuständig: FD "
            "Straßenbau\n   Zeitziel: Ende Q3/2026\n   Stand: Priorisierung in Erarbeitung\n",
            [date(2026, 9, 30)],
            id="a list's Zeitziel",
        ),
        pytest.param(
            # the motion's content quoted, the proposal not to grant it
            "Beschlussvorlage der Verwaltung\nDrucksachen-Nr. 0871/2026\nEinwohnerantrag gemäß "
            "§ 25 GO NRW\nSachverhalt:\nInhalt: Die Verwaltung soll bis zum 31.12.2026 ein "
            "Lieferkonzept erarbeiten.\nBeschlussvorschlag:\n1. Der Rat stellt die Zulässigkeit "
            "des Einwohnerantrags fest.\n2. Dem Einwohnerantrag wird nicht entsprochen.\n",
            [],
            id="a motion not granted",
        ),
        pytest.param(
            # a body's request on a line of its own, its items below, adopted as tabled
            "Ortsbeirat 4\nAnregung an den Magistrat vom 10.03.2026, OM 8123\nVorgang:\nDer "
            "Ortsbeirat bittet den Magistrat,\n1. eine Querungsmöglichkeit zu prüfen;\n2. dem "
            "Ortsbeirat bis zum 30.06.2026 über das Ergebnis der Prüfung zu berichten.\n"
            "Begründung:\nEin Kind wurde verletzt.\nBeschluss:\nDie Vorlage OF 1544/4 wird in der "
            "vorgelegten Fassung beschlossen.\n",
            [date(2026, 6, 30)],
            id="a request with items below",
        ),
        pytest.param(
            # the head of a town's district reports in a session ahead
            "Ortschaftsrat Munzingen\nNiederschrift über die öffentliche Sitzung am 17.03.2026\n"
            "Beschluss (einstimmig):\n1. Der Ortschaftsrat beschließt die Anschaffung von sechs "
            "Sitzbänken.\n2. Die Ortsvorsteherin berichtet in der Sitzung im Juli über die "
            "Verwendung der restlichen Mittel.\n",
            [date(2026, 7, 31)],
            id="the Ortsvorsteherin reports",
        ),
        pytest.param(
            # a group's demands listed in a speech: demanded, not decided
            "SPD-Fraktion\nHaushaltsrede zum Haushaltsplanentwurf 2026\nSitzung am 11. Dezember "
            "2025\nUnsere Fraktion fordert außerdem:\n– ein Sanierungskonzept für die Kita, das bis"
            " Ende März 2026 vorgelegt wird,\n– die Wiedereinführung des Sozialpasses.\n",
            [],
            id="a group's demands listed",
        ),
        pytest.param(
            # a motion rejected by others, told in the perfect
            "Haushaltsrede 2026\nWir haben im Finanzausschuss beantragt, den Hebesatz bis zum "
            "31.12.2026 bei 690 Punkten zu belassen.\nDie Koalition hat diesen Antrag abgelehnt.\n",
            [],
            id="a motion the others rejected",
        ),
        pytest.param(
            # the public's objections, a festival planned, a third party's schedule
            "Ortsbeirat Groß Glienicke\nNiederschrift der öffentlichen Sitzung vom 17.03.2026\n"
            "Widersprüche sind innerhalb eines Monats nach Bekanntgabe einzulegen.\nDas Seefest "
            "ist für den 11. Juli 2026 geplant.\nVorschläge für die Ehrenamtsauszeichnung können "
            "bis zum 15. Juni bei der Ortsvorsteherin eingereicht werden.\nDie Arbeiten führt ein "
            "Versorgungsunternehmen aus; nach dessen Bauzeitenplan ist die Freigabe für Ende März "
            "vorgesehen.\n",
            [],
            id="what binds others",
        ),
        pytest.param(
            # the motion as first tabled, replaced by the adopted version
            "Beschlussauszug aus der Sitzung des Kreistages am 16.03.2026\nDer Kreistag beschließt"
            " in der Fassung des Änderungsantrags:\n1. Der Landrat wird beauftragt, bis zum "
            "31.10.2026 ein Konzept vorzulegen.\nDer ursprüngliche Antrag hatte vorgesehen, das "
            "Konzept bereits bis zum 30.06.2026 vorzulegen.\n",
            [date(2026, 10, 31)],
            id="the motion as first tabled",
        ),
        pytest.param(
            # the rules of procedure quoted, a Petitum to take note of
            "Mitteilung\nBeschlusskontrolle der Bezirksversammlung\nHinweis: Gemäß "
            "Geschäftsordnung sind Ersuchen an die Fachbehörden grundsätzlich innerhalb von drei "
            "Monaten zu beantworten.\nPetitum:\nDie Bezirksversammlung wird um Kenntnisnahme "
            "gebeten.\n",
            [],
            id="the rules of procedure quoted",
        ),
        pytest.param(
            # the explanations below the resolution are not of it
            "Vorlage Nr. 0377/2025\nDatum: 30.10.2025\nBeschlussvorschlag:\nDer Rat stellt den "
            "Wirtschaftsplan 2026 des Bäderbetriebs fest.\nErläuterungen:\nDie Sanierung der "
            "Hallenbadtechnik wurde im Oktober 2025 abgeschlossen. Der Wärmeliefervertrag hat eine "
            "Preisbindung bis 31.12.2027.\n",
            [],
            id="explanations below the resolution",
        ),
        pytest.param(
            # a motion printed with its record: withdrawn; rejected after the urgency vote
            "Stadt Kaiserslautern\n"
            "Stadtrat\n"
            "Antrag der Fraktion Bündnis 90/Die Grünen vom 19.01.2026\n"
            "Vorlage Nr. 0031/2026\n"
            "\n"
            "Betreff: Gebührenfreie Nutzung der Stadtbibliothek für Kinder und Jugendliche\n"
            "\n"
            "Beschlussvorschlag:\n"
            "Ab dem 01.07.2026 wird für Kinder und Jugendliche bis zur Vollendung des 18.\n"
            "Lebensjahres keine Jahresgebühr für die Nutzung der Stadtbibliothek mehr"
            " erhoben. Die\n"
            "Verwaltung wird beauftragt, bis zur nächsten Sitzung des Kulturausschusses die\n"
            "Auswirkungen auf den Haushalt darzustellen.\n"
            "\n"
            "Begründung:\n"
            "Die Jahresgebühr für Kinder und Jugendliche beträgt derzeit 12 Euro. Im Jahr"
            " 2024 wurden\n"
            "damit Einnahmen von rund 9.600 Euro erzielt. Die meisten rheinland-pfälzischen\n"
            "Oberzentren verzichten inzwischen auf diese Gebühr.\n"
            "\n"
            "Auszug aus der Niederschrift über die Sitzung des Stadtrates vom 09.02.2026\n"
            "TOP 7: Gebührenfreie Nutzung der Stadtbibliothek für Kinder und Jugendliche\n"
            "Die Fraktionsvorsitzende erklärt, die Fraktion ziehe den Antrag zurück, da der"
            " Haushalt\n"
            "2026 von der Aufsichtsbehörde noch nicht genehmigt sei und der Antrag zu einem"
            " späteren\n"
            "Zeitpunkt erneut gestellt werde. Der Antrag wird nicht behandelt.\n",
            [],
            id="a motion withdrawn",
        ),
        pytest.param(
            "Dringlichkeitsantrag der Fraktion Freie Wähler\nDer Stadtrat möge beschließen:\nDer "
            "Oberbürgermeister wird beauftragt, bereits gezahlte Mehrbeträge bis zum 30.04.2026 zu"
            " erstatten.\nAuszug aus der Niederschrift vom 05.03.2026\nDie Dringlichkeit wird mit"
            " 24 Ja-Stimmen bei 12 Nein-Stimmen bejaht.\nDer Antrag wird sodann mit 11 Ja-Stimmen,"
            " 25 Nein-Stimmen und 2 Enthaltungen abgelehnt.\n",
            [],
            id="rejected after the urgency vote",
        ),
        pytest.param(
            # a resolution asks the Bund; the council's own step is to send it
            "Antrag der Fraktionen SPD und CDU\nDer Rat möge beschließen:\n1. Der Rat fordert die "
            "Bundesregierung und den Deutschen Bundestag auf, die Beteiligung des Bundes noch im "
            "Jahr 2026 gesetzlich zu verankern.\n2. Der Oberbürgermeister wird gebeten, die "
            "Resolution bis zum 31.03.2026 der Bundesregierung zu übermitteln.\n",
            [date(2026, 3, 31)],
            id="a resolution to the Bund",
        ),
        pytest.param(
            # what binds the applicant, the buyer and the contractor
            "Niederschrift über die Sitzung des Bauausschusses am 12.05.2026\nTOP 1 Bauantrag\n"
            "Beschluss:\nDas gemeindliche Einvernehmen wird nicht erteilt. Dem Bauwerber wird "
            "empfohlen, bis 30.06.2026 eine reduzierte Planung vorzulegen.\nTOP 2 Verkauf\nDer "
            "Kaufpreis ist vom jeweiligen Käufer innerhalb von vier Wochen nach Vertragsschluss zu "
            "zahlen.\nTOP 3 Vergabe\nBeschluss:\nDer Auftrag wird an die Firma West GmbH vergeben."
            " Die Arbeiten sind gemäß Bauvertrag bis zum 30.11.2026 auszuführen.\n",
            [],
            id="the applicant's, the buyer's, the contractor's",
        ),
        pytest.param(
            # the result on the line below its label; a target session of a long name
            "Niederschrift über die Sitzung des Umweltausschusses am 05.05.2026\n3. Antrag der "
            "FWG-Fraktion: Baumschutzsatzung\nRatsmitglied Schuster begründet den Antrag, die "
            "Verwaltung mit der Erarbeitung einer Baumschutzsatzung bis zum 31.12.2026 zu "
            "beauftragen.\nBeschluss:\nDer Antrag wird abgelehnt.\n4. Antrag Grundstück\n"
            "Beschluss:\nDer Antrag wird auf die Sitzung des Haupt- und Finanzausschusses am "
            "16.06.2026 vertagt.\n",
            [date(2026, 6, 16)],
            id="a result below its label",
        ),
        pytest.param(
            "Stadt Lindenau - Pressemitteilung\nDer Rat hat am Dienstag den Haushalt beschlossen."
            "\nGrüne und SPD hatten in einem Änderungsantrag gefordert, zusätzlich bis zum 30. "
            "Juni ein Konzept für Radwege vorzulegen.\n",
            [],
            id="a demand told in the past perfect",
        ),
        pytest.param(
            # the administration's step told in the record, the verb last
            "Niederschrift über die Sitzung des Haupt- und Finanzausschusses am 12.05.2026\n"
            "TOP 1 Mitteilungen der Verwaltung\nDer Kämmerer teilt mit, dass die Aufstellung des "
            "Jahresabschlusses 2025 bis zum 30.09.2026 abgeschlossen wird.\nTOP 2 Anfragen\n",
            [date(2026, 9, 30)],
            id="a step told in the record",
        ),
        pytest.param(
            # a grant's conditions, an entitlement phased in by law, advice to parents
            "Mitteilungsvorlage\nSachverhalt:\nDer Anspruch wird bis zum Schuljahr 2029/30 "
            "jährlich um eine Jahrgangsstufe ausgeweitet. Die geförderten Maßnahmen müssen nach "
            "den Förderbedingungen bis zum 31.12.2027 abgeschlossen sein. Eltern wird empfohlen, "
            "Anträge möglichst bis zum 30.04.2027 zu stellen.\n",
            [],
            id="conditions, entitlements, advice",
        ),
        pytest.param(
            # a scan's text without its umlauts
            "N i e d e r s c h r i f t\nuber die Sitzung des Gemeinderates am 12.03.2026\nTOP 4 "
            "Bauhof\nDer Tagesordnungspunkt wird auf die nachste Sitzung vertagt.\n",
            [None],
            id="a scan without umlauts",
        ),
        pytest.param(
            # a member's turn in a verbatim record: their motion and their account, not the
            # council's decision; the chair's result and the resolution below bind
            "Wortprotokoll der Sitzung des Stadtrates am 20.03.2024\nTOP 7 Radverkehr\n"
            "Stadträtin Sabine Pohl (FDP): Unser Änderungsantrag ist ganz einfach: Das "
            "Mobilitätsreferat soll bis zum 31. März 2024 eine Verkehrszählung durchführen.\n"
            "(Beifall bei der FDP)\nDie Schule wird wie geplant bis 2027 erweitert.\n"
            "Bürgermeisterin Hofstetter: Damit ist der Änderungsantrag abgelehnt.\nBeschluss:\n1. "
            "Die Verwaltung wird beauftragt, bis zum 30.09.2024 den Radring zu planen.\n",
            [date(2024, 9, 30)],
            id="a member's turn in a verbatim record",
        ),
        pytest.param(
            # a status report of a building works: others' terms, a grant's, a forecast
            "Mitteilungsvorlage\nProjektstand Feuerwehrgerätehaus\nDer Rohbauer hatte vertraglich "
            "bis zum 31.10.2025 fertigzustellen. Die Übergabe an die Feuerwehr ist nach derzeitigem"
            " Stand für September 2026 geplant. Der Zuwendungsbescheid sieht einen "
            "Bewilligungszeitraum bis 31.12.2026 vor; der Verwendungsnachweis ist innerhalb von "
            "sechs Monaten vorzulegen. Die Autobahn GmbH hat zugesagt, die Beschilderung bis zum "
            "10.04.2026 aufzustellen. Die Mittel müssen nach den Programmvorgaben bis zum "
            "Jahresende 2026 verausgabt sein.\n",
            [],
            id="a works' status, others' terms",
        ),
        pytest.param(
            # the member's own label does not end their turn; a vote on an amendment, labelled
            "Wortprotokoll der Sitzung des Kreistages am 12.12.2024\nKreistagsabgeordneter "
            "Jan-Hendrik Claussen (FDP): Herr Kreispräsident, meine Damen und Herren!\nUnser "
            "Antrag: Der Kreis soll bis zum 1. März 2025 eine zusätzliche Rettungswache in Betrieb "
            "nehmen.\nKreispräsident: Wir stimmen ab.\nÄnderungsantrag der Fraktion DIE LINKE:\n"
            "„Die Verwaltung wird beauftragt, bis zum 30.09.2025 eine Behelfsbrücke zu "
            "errichten.“\nAbstimmung über den Änderungsantrag: mehrheitlich abgelehnt.\n",
            [],
            id="a member's label, a labelled vote on an amendment",
        ),
        pytest.param(
            # a heading ends a member's turn: the resolution below it binds
            "Wortprotokoll der Sitzung des Rates am 12.03.2025\nRatsherr Jens Albers (SPD): Wir "
            "stimmen zu.\nBeschlüsse:\nDie Verwaltung legt dem Rat bis zum 30.06.2025 einen "
            "Bericht vor.\n",
            [date(2025, 6, 30)],
            id="a heading ends a member's turn",
        ),
        pytest.param(
            # a member's suggestion in the record, not adopted, is shown, not recorded; one the
            # committee then adopts binds
            "Auszug aus der Niederschrift vom 17.11.2025\nTOP 4 Wohnungsbau Jarrestraße\n"
            "Herr Brandt (GRÜNE) regt an, die Freiflächenplanung bis zum 31.03.2026 im Ausschuss "
            "vorzustellen. Die Vorhabenträgerin zeigt sich dafür offen.\nTOP 5 Radweg\n"
            "Frau Demir (SPD) beantragt, die Verwaltung zu beauftragen, bis zum 30.06.2026 einen "
            "Plan vorzulegen. Der Antrag wird einstimmig angenommen.\nTOP 6 Gewerbe\nAM Kamps "
            "(CDU) bittet darum, dem Ausschuss bis zum 30.09.2026 die Zahl der Arbeitsplätze "
            "mitzuteilen.\n",
            [date(2026, 6, 30)],
            id="a member's suggestion, adopted or not",
        ),
        pytest.param(
            # the motion as first tabled, quoted under its label, is replaced by what was
            # decided
            "Beschlussausfertigung\nKreistag Vogelsbergkreis, Sitzung vom 24.03.2025\nTOP 7 "
            "Biotonne\nAntrag der Fraktion GRÜNE\nUrsprünglicher Antrag:\n„Der Kreistag "
            "beschließt die Einführung der Biotonne zum 01.01.2026. Der Kreisausschuss wird "
            "beauftragt, die Gebührensatzung bis zum 30.11.2025 anzupassen.“\nBeschluss in der "
            "vom Ausschuss empfohlenen Fassung:\n1. Der Kreisausschuss wird beauftragt, bis zum "
            "31.03.2026 ein Konzept zur Biotonne vorzulegen.\nAbstimmungsergebnis: 51 Ja, 9 "
            "Nein\n",
            [date(2026, 3, 31)],
            id="the first version quoted under its label",
        ),
        pytest.param(
            # (the label with a note in brackets)
            "Beschlussausfertigung\nKreistag Vogelsbergkreis, Sitzung vom 24.03.2025\nTOP 7 "
            "Biotonne\nAntrag der Fraktion GRÜNE\nUrsprünglicher Antragstext (im Ausschuss "
            "geändert):\n„Der Kreisausschuss wird beauftragt, die Gebührensatzung bis zum "
            "30.11.2025 anzupassen.“\nBeschluss in der vom Ausschuss empfohlenen Fassung:\n1. Der "
            "Kreisausschuss wird beauftragt, bis zum 31.03.2026 ein Konzept zur Biotonne "
            "vorzulegen.\nAbstimmungsergebnis: 51 Ja, 9 Nein\n",
            [date(2026, 3, 31)],
            id="the first version under a label with a note",
        ),
        pytest.param(
            # (a numbered first version: all its items, not only the first)
            "Auszug aus der Niederschrift über die Sitzung des Stadtrates am 07.04.2022\nTOP 5 "
            "Antrag der Fraktion Bündnis 90/Die Grünen: Radverkehrskonzept\nUrsprünglicher "
            "Antrag:\n1. Der Stadtrat unterstützt das Ziel eines Radverkehrskonzepts.\n2. Die "
            "Verwaltung wird beauftragt, die Kosten zu prüfen und dem Stadtrat bis zum "
            "30.09.2022 zu berichten.\nBeratung:\nRatsmitglied Gerhardt beantragt, Ziffer 2 zu "
            "streichen.\nBeschluss:\nDer Stadtrat unterstützt das Ziel eines "
            "Radverkehrskonzepts.\nAbstimmungsergebnis: einstimmig\n",
            [],
            id="the numbered first version under its label",
        ),
        pytest.param(
            # a resolution's item quoted as the amendment worded it: the administration still
            # opens it
            "Beschluss:\n1. Der Stadtrat beschließt die Gestaltungssatzung.\n2. »Die Verwaltung "
            "berichtet dem Stadtrat im ersten Quartal 2016 über die Erfahrungen mit der "
            "Satzung.«\nAbstimmungsergebnis: einstimmig\n",
            [date(2016, 3, 31)],
            id="the administration reporting in a quoted item",
        ),
        pytest.param(
            # a record told by a group: what it says was decided binds, with its content
            # after a colon as after "beschlossen, dass"
            "Infobrief der Fraktion\n\n▶ BAUHOF – ANGENOMMEN\nUnser Antrag wurde am 20.10.2022 "
            "angenommen. Beschlossen ist: Die Verwaltung lässt eine Studie erstellen und legt "
            "sie dem Gemeinderat bis Ende des ersten Quartals 2023 vor.\n\n▶ PARKGEBÜHREN – "
            "ABGELEHNT\nDer Antrag der Grünen fand keine Mehrheit. Auch wir haben dagegen "
            "gestimmt: Der Ortskern braucht Kundschaft.\n",
            [date(2023, 3, 31)],
            id="a decision told after a colon",
        ),
        pytest.param(
            # a motion withdrawn in its own sentence, told in the passive
            "Drucksache 21-1473\nBeschluss:\n1. Die Bezirksamtsleitung wird gebeten, sich für "
            "die Veloroute einzusetzen.\nEin ergänzender Antrag der FDP-Fraktion, bis zum "
            "31.12.2018 eine Verkehrszählung durchführen zu lassen, wurde von der "
            "Antragstellerin zurückgezogen.\n",
            [],
            id="a motion withdrawn in the passive",
        ),
        pytest.param(
            # withdrawn by its movers in the sentence after it, after a clause of its own
            "Niederschrift über die Sitzung des Ortsbeirates\nTOP 4 Antrag Diehl: "
            "Geschwindigkeitsmessung\nHerr Diehl beantragt, den Magistrat zu bitten, bis Ende "
            "Oktober 2016 eine Geschwindigkeitsmessung durchzuführen. Nach dem Hinweis von "
            "Stadtrat Weitzel, dass die Messanlage bereits eingesetzt war, zieht Herr Diehl den "
            "Antrag zurück.\nTOP 5 Verschiedenes\n",
            [],
            id="a motion withdrawn by its mover after a clause",
        ),
        pytest.param(
            # withdrawn, said by the result line far below the motion
            "Niederschrift über die Sitzung des Kreistages\nTOP 11 Antrag der Fraktion GRÜNE\n"
            "Der Antrag hat folgenden Wortlaut:\n„Der Landrat wird beauftragt, dem Kreistag bis "
            "zum 30.09.2017 einen Bericht vorzulegen.“\nDer Antrag war im Mai vertagt worden. "
            "Der Landrat verweist auf den Sozialbericht. Die Fraktion behält sich eine neue "
            "Initiative vor. Die Aussprache ist lang.\nErgebnis: zurückgezogen\nTOP 12 "
            "Anfragen\n",
            [],
            id="a motion withdrawn by the result line",
        ),
        pytest.param(
            # rejected in its own sentence, a date with its dots between the verb and its "ab"
            "Beschlussprotokoll Gemeinderatssitzung\nBeschluss-Nr. 18/2012\nDer Gemeinderat "
            "lehnt den Antrag von GR Menzel, die Verwaltung bis 30.06.2012 mit einer Prüfung zu "
            "beauftragen, ab.\nJa 3 / Nein 9 / Enth. 0\n",
            [],
            id="a motion turned down around its date",
        ),
        pytest.param(
            # a gazette's list of decisions: each motion's status on a line of its own below it
            "Beschlüsse der Stadtverordnetenversammlung in Kurzform\nTOP 5   Antrag A 19/2022: "
            "Nahwärme\n        Beschlusstext: „Der Magistrat wird beauftragt, das Ergebnis bis "
            "zur Sitzung im Dezember 2022 vorzulegen.“\n        – einstimmig beschlossen –\n"
            "TOP 6   Antrag A 20/2022: Energiegeld\n        „Der Magistrat wird beauftragt, bis "
            "zum 31.10.2022 eine Richtlinie vorzulegen.“\n        – abgelehnt (12 : 21 : 2) –\n"
            "TOP 7   Anfrage F 08/2022\n",
            [date(2022, 12, 31)],
            id="a status line below each motion",
        ),
        pytest.param(
            # two motions of one item explained, then voted down one after the other, each
            # result with its item's number and its votes
            "Niederschrift über die Sitzung der Stadtverordnetenversammlung\nPunkt 2   "
            "Grundstück\nBeschluss: Dem Erwerb wird zugestimmt.   Ja 52 · Nein 9 · Enth. 3\n"
            "Punkt 3   Unterbringung\n3.1 Antrag der Fraktion GRÜNE\n3.2 Antrag der FDP\nStv. "
            "Dr. Ott begründet den Antrag 3.1: Der Magistrat solle bis zum 31.12.2015 ein "
            "Konzept vorlegen. Stv. Mehler begründet den Antrag 3.2, wonach der Magistrat bis "
            "zum 30.11.2015 berichten soll.\nOB Weilbächer verweist auf die Berichte.\n"
            "Abstimmung 3.2:   Ja 8 · Nein 54 · Enth. 2 – abgelehnt\nAbstimmung 3.1:   Ja 14 · "
            "Nein 47 · Enth. 3 – abgelehnt\nPunkt 4   Verschiedenes\n",
            [],
            id="two motions voted down one after the other",
        ),
        pytest.param(
            # each motion's status with its votes at the end of its line, as a record's column
            "P r o t o k o l l\nSitzung des Rates am 08.07.2014\n4.    Anträge\n4.3   Livestream – "
            "Antrag der Piraten   14-04533\n      Die Übertragung solle ab der Ratssitzung im "
            "September 2014 erfolgen.\n                abgelehnt (5 dafür, 45 dagegen, 3 Enth.)\n"
            "4.4   Moratorium – Antrag der Fraktion BIO   14-04537\n      Gefordert wird, bis zum "
            "31.10.2014 keine Straßenbäume zu fällen.\n                abgelehnt (6 dafür, 46 "
            "dagegen, 1 Enth.)\n5.    Vorlagen der Verwaltung\n",
            [],
            id="a status with its votes at the end of the line",
        ),
        pytest.param(
            # a question printed with the executive's interim report below its heading: what
            # the report promises binds
            "Anfrage Nr. 58/2024 der Fraktion GRÜNE vom 02.09.2024\nWärmeplanung\n\n"
            "Zwischenbericht des Magistrats vom 30.09.2024\n\nDie Fraktion hat gefragt:\n1. "
            "Bis wann wird der Wärmeplan vorliegen?\n\nZu den Fragen 3 und 4 ist eine "
            "Abstimmung erforderlich. Der Magistrat wird die Fragen 3 und 4 bis zur Sitzung der "
            "Stadtverordnetenversammlung am 12.12.2024 beantworten.\n",
            [date(2024, 12, 12)],
            id="a question with its interim report",
        ),
        pytest.param(
            # a motion the council declared disposed (its aim met before): not adopted, its
            # terms bind no one
            "Antrag der SPD-Fraktion\nKostenfreies WLAN\nDer Oberbürgermeister wird beauftragt,\n"
            "1. bis zum 30.09.2017 in Rathaus und Stadtbibliothek kostenfreies WLAN "
            "einzurichten;\n2. dem Stadtrat bis Ende des Jahres 2017 über die Nutzungszahlen zu "
            "berichten.\nBeratungsfolge / Ergebnis:\n01.06.2017   Stadtrat   für erledigt "
            "erklärt\n",
            [],
            id="a motion declared disposed",
        ),
        pytest.param(
            # the first version under the label "Ursprungsfassung" with its paper's number
            "Beschlussempfehlung des Ausschusses vom 18.11.2020\nUrsprungsfassung (Drs. "
            "VIII/1142 vom 27.08.2020):\nDas Bezirksamt wird ersucht, bis zum 31.12.2020 "
            "mindestens 40 Bäume zu pflanzen.\nDer Ausschuss empfiehlt der BVV, den Antrag in "
            "folgender Fassung anzunehmen:\nDas Bezirksamt wird ersucht, der BVV bis zum "
            "31.03.2021 über das Ergebnis der Prüfung zu berichten.\n",
            [date(2021, 3, 31)],
            id="the first version as the Ursprungsfassung",
        ),
        pytest.param(
            # a term of office is how long an appointment lasts, not a limit for an action
            "Beschluss:\nZur Schiedsperson gewählt wird Herr Klaus Amend für die Amtszeit bis "
            "zum 31.03.2020.\n",
            [],
            id="a term of office",
        ),
        pytest.param(
            # a heading "Abgelehnt" opens what follows; it ends nothing above it
            "Bericht aus der Sitzung vom 4. April 2025\nTempo 30\nEinstimmig hat der "
            "Ortsbeirat den Magistrat gebeten, bis Ende Juni 2025 zu prüfen, ob Tempo 30 "
            "angeordnet werden kann.\nAbgelehnt\nEin Antrag der FDP, bis zum Jahresende "
            "Parkplätze auszuweisen, fand keine Mehrheit.\n",
            [date(2025, 6, 30)],
            id="a heading that says rejected",
        ),
        pytest.param(
            # the vote called on a member's motion, its result after a colon
            "Sitzungsniederschrift Gemeinderat\nTOP 3 Hochwasserschutz – Antrag der UWG\nDie "
            "UWG beantragt, die Studie noch im Januar 2025 zu vergeben. GR Pfister warnt davor. "
            "Zunächst wird über den weitergehenden Antrag der UWG abgestimmt: abgelehnt 5:10.\n"
            "Beschluss:\n1. Die Verwaltung wird beauftragt, bis spätestens Mitte 2025 den "
            "Förderantrag zu stellen.\n",
            [date(2025, 6, 30)],
            id="a motion voted down after a colon",
        ),
        pytest.param(
            # the record's next item ends a resolution: the chair's announcements under it are
            # no tasks of the resolution
            "Niederschrift über die Sitzung des Ortsbeirates am 12.11.2025\nTOP 3 "
            "Geschwindigkeitsanzeige\nBeschluss: Der Ortsbeirat bittet den Magistrat, eine "
            "Geschwindigkeitsanzeige aufzustellen. (einstimmig)\nTOP 4 Mitteilungen der "
            "Ortsvorsteherin\n– Kranzniederlegung zum Volkstrauertag am 16.11.2025 am Ehrenmal\n"
            "– Seniorenadventsfeier am 30.11.2025 im Dorfgemeinschaftshaus\n",
            [],
            id="the next item ends a resolution",
        ),
        pytest.param(
            # a member's motion voted down under a label naming it, an addition voted down
            # when the chair calls the vote
            "Auszug aus der Niederschrift des Ortsbeirates vom 12.06.2025\nTOP 3 Baugebiet\n"
            "Ortsbeiratsmitglied Kraus (Bürgerliste) beantragt, die Verwaltung zu verpflichten, "
            "dem Ortsbeirat bis zum 30.09.2025 ein Verkehrskonzept vorzulegen.\nAbstimmung über "
            "den Antrag Kraus: 3 Ja-Stimmen, 6 Nein-Stimmen – abgelehnt.\nTOP 4 Spielplatz\nDie "
            "Fraktion beantragt, folgenden Zusatz aufzunehmen: „Die Verwaltung legt bis zum "
            "31.10.2025 ein Konzept vor.“ Bezirksbürgermeister Hülsmann lässt über den Zusatz "
            "abstimmen: mehrheitlich abgelehnt.\n",
            [],
            id="motions voted down under a named label",
        ),
        pytest.param(
            # a period before each year's start is a standing rule only where it stands alone:
            # beside a date set for this year the sentence still binds
            "Beschlussvorlage\nZeitplan Haushaltsaufstellung 2026\nBeschlussvorschlag:\nDie "
            "Fachbereiche melden ihre Ansätze bis zum 16.06.2025, damit der Entwurf spätestens "
            "einen Monat vor Beginn des Haushaltsjahres vorgelegt werden kann.\n",
            [date(2025, 6, 16), None],
            id="a yearly period beside this year's date",
        ),
    ],
)
def test_the_terms_a_whole_document_binds(text: str, due: list[date | None]) -> None:
    assert [d.date for d in extract_text(text, name="t.txt").deadlines] == due


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Vorlage Nr. 16/2841\nTagesordnungspunkt: Jahresbericht des Inklusionsamtes 2025\n"
            "Kenntnisnahme:\nDer Jahresbericht des Inklusionsamtes wird gemäß Vorlage zur "
            "Kenntnis genommen.\n",
            id="a yearly report taken note of",
        ),
        pytest.param(
            "Mitteilungsvorlage\nDer Kreisausschuss hat in seiner Sitzung am 02.02.2026 "
            "beschlossen, den Kreistag wie folgt zu unterrichten:\n1. Ausstattung\nAn 38 von 41 "
            "Schulen ist das WLAN fertiggestellt.\n",
            id="the report that follows",
        ),
        pytest.param(
            "Stellungnahme des Magistrats\nDer Magistrat hat am 22.07.2019 beschlossen, dem "
            "Ortsbeirat wie folgt zu berichten:\nDie Ampel wird nicht eingerichtet.\n",
            id="the report that follows, told to a body",
        ),
        pytest.param(
            "Vorlage zur Kenntnisnahme\nDas Bezirksamt hat am 13.06.2017 beschlossen, der BVV "
            "hierzu Folgendes als Schlussbericht zur Kenntnis zu bringen:\nDie Bäume stehen.\n",
            id="the final report that follows",
        ),
        pytest.param(
            "Vorlage\nDer Gemeindevorstand hat in seiner Sitzung am 29.04.2013 beschlossen, der "
            "Gemeindevertretung folgenden Beschluss vorzuschlagen:\nDer Vereinbarung wird "
            "zugestimmt.\n",
            id="the proposal that follows",
        ),
        pytest.param(
            "Niederschrift des Ortschaftsrats vom 12.06.2024\nTOP 6 Buxbaumhecken\nDer "
            "Ortsvorsteher teilt mit, dass das Bauamt über den Zustand der Hecken bereits "
            "informiert wurde.\n",
            id="a statement told",
        ),
        pytest.param(
            "Mitteilungsvorlage\nSachverhalt:\nDie Wartezeit lag im Februar 2025 bei 11 Tagen. "
            "Das Bezirksamt wird dem Hauptausschuss auf Wunsch erneut berichten.\n",
            id="a report offered if asked",
        ),
        pytest.param(
            "Sitzungsvorlage für den Ausschuss, Sitzung am 15.05.2025, TOP 3\nSachstand "
            "digitale Alarmierung\nKreisbrandrat Josef Huber wird in der Sitzung über den Stand "
            "der Einführung berichten.\n",
            id="a report in the session at hand",
        ),
        pytest.param(
            "Niederschrift über die Sitzung des Kreistages am 10.03.2025\nBericht des Landrats\n"
            "Das Klinikum hat das Geschäftsjahr 2024 mit einem Fehlbetrag abgeschlossen. Der "
            "Jahresabschluss wird dem Aufsichtsrat im Mai vorgelegt.\n",
            id="a report to a company's organ",
        ),
        pytest.param(
            "Seniorenbeirat der Stadt Musterstadt\nFür den Zeitraum vom 01.01.2025 bis "
            "30.06.2025 wird berichtet: Im Berichtszeitraum fanden sechs Sitzungen statt.\n",
            id="the report that follows its label",
        ),
        pytest.param(
            "Mitteilungsvorlage\nBetreff: Sanierung Hallenbad\nHiermit wird der dritte "
            "Sachstandsbericht vorgelegt (Stand: 15.05.2025).\n",
            id="the paper delivering the report",
        ),
        pytest.param(
            "Mitteilungsvorlage\nBetreff: Quartalsbericht\nMit dieser Vorlage wird der Bericht "
            "für den Zeitraum 01.07.2025 bis 30.09.2025 vorgelegt.\n",
            id="the paper delivering the report for a period",
        ),
        pytest.param(
            "Informationsvorlage\nBetreff: Bewohnerparken\nMit dieser Informationsvorlage legt die "
            "Verwaltung den Erfahrungsbericht zum Bewohnerparken in der Altstadt vor.\n",
            id="the paper delivering the report, in the active",
        ),
        pytest.param(
            "Beschlussvorlage\nBetreff: Haushaltssatzung 2025\nDie Haushaltssatzung ist nach "
            "Beschlussfassung der Rechtsaufsichtsbehörde vorzulegen (§ 81 Abs. 2 GemO).\n",
            id="a paper owed the supervisory authority",
        ),
        pytest.param(
            "Einladung zur Sitzung des Bauausschusses am 12.02.2026\nSollten Sie verhindert "
            "sein, bitte ich Sie, die Verwaltung bis spätestens 02.02.2026 zu informieren.\n",
            id="an invitation asking the members to excuse themselves",
        ),
        pytest.param(
            "Haushaltsrede der SPD-Fraktion\nDie Mittel waren gesperrt bis zur Vorlage eines "
            "Plans, der dem Schulausschuss bis zum 31.03.2026 vorzulegen war.\n",
            id="a duty that was",
        ),
    ],
)
def test_a_delivered_or_told_report_is_no_duty(text: str) -> None:
    assert extract_text(text, name="t.txt").reports == ()


def test_an_associations_office_reports_as_the_administration() -> None:
    extraction = extract_text(
        "Zweckverband Nahverkehr\nBeschlussvorschlag:\n1. Die Verbandsversammlung beschließt "
        "die Fortschreibung des Nahverkehrsplans.\n2. Die Geschäftsstelle berichtet der "
        "Verbandsversammlung in jeder ordentlichen Sitzung über den Stand der Vergabeverfahren.\n",
        name="t.txt",
    )
    assert [r.recurrence for r in extraction.reports] == ["regular"]


def test_a_recommendation_to_reject_the_motion_takes_none_of_its_terms() -> None:
    extraction = extract_text(
        "Beschlussempfehlung\nAusschuss für Schule vom 05.03.2024\nDrucksache 0974/VI: Antrag\n"
        "Der Ausschuss empfiehlt der BVV, den Antrag abzulehnen.\n"
        "Ursprünglicher Antragstext: Das Bezirksamt wird ersucht, der BVV bis zum 30.06.2024 zu "
        "berichten.\n",
        name="t.txt",
    )
    assert extraction.proposal == "rejected"
    assert extraction.deadlines == () and extraction.reports == ()


@pytest.mark.parametrize(
    "text",
    [
        # an answer below its question, no heading
        "Beantwortung der Anfrage Drs. 21-7823\nDatum: 21.02.2024\n"
        "2. Werden Ersatzpflanzungen vorgenommen und wenn ja, wann?\n"
        "   Das Bezirksamt wird 20 Ersatzbäume bis 31. März 2025 pflanzen.\n",
        # a letter's formula
        "Schriftliche Anfrage vom 14.12.2023\nSehr geehrter Herr Stadtrat,\nzu Ihrer Frage „Bis "
        "wann?“ teile ich mit: Das Referat wird bis zum 31. März 2025 ein Konzept vorlegen.\n",
        # an answer below its question after a blank line
        "Anfrage Nr. 2024/031\nFraktion BfW, eingegangen am 12.02.2024\n\n"
        "(2) Wann wird das Rückhaltebecken gebaut?\n\n"
        "Das Bauamt wird bis zum 31. März 2025 die Genehmigungsplanung vorlegen.\n",
        # the administration's formula for its answer
        "Anfrage der Fraktion BfW vom 12.02.2024\nDie Verwaltung nimmt wie folgt Stellung:\n"
        "Das Bauamt wird bis zum 31. März 2025 die Genehmigungsplanung vorlegen.\n",
        # an interim answer named below the title
        "Anfrage der Kreistagsfraktion vom 16.01.2023\nSchülerbeförderung\n– Zwischenantwort –\n"
        "Der Fachdienst legt dem Schulausschuss bis zum 31. März 2025 die Fahrgastzählung vor.\n",
    ],
)
def test_an_answer_without_a_heading_binds(text: str) -> None:
    assert [d.date for d in extract_text(text, name="t.txt").deadlines] == [date(2025, 3, 31)]


def test_the_end_of_a_process_is_an_event_anchor() -> None:
    deadlines, review = read(
        "Die Verwaltung wird nach Ablauf der Probephase die Ergebnisse dem Gemeinderat vorlegen.",
        "Mitteilung\nDatum: 27.05.2024\n\n",
    )
    assert deadlines == [("nach Ablauf der Probephase", None)]
    assert "undated_term" in review


def test_in_minutes_of_several_matters_only_resolutions_bind_by_their_limit() -> None:
    text = (
        "Niederschrift über die Sitzung des Ausschusses am 06.02.2024\n\n"
        "zu TOP 4: Schulentwicklungsplanung\n"
        "Die Verwaltung stellt die Fortschreibung vor. Frau Berns erklärt, dass die Container noch "
        "bis 2025 gemietet sind.\n"
        "Beschluss: Der Ausschuss nimmt die Planung zur Kenntnis.\n\n"
        "zu TOP 5: Sportstätten\n"
        "Beschluss: Die Hallen werden bis zum 31.08.2024 saniert.\n"
    )
    extraction = extract_text(text, name="t.txt")
    assert [d.date for d in extraction.deadlines] == [date(2024, 8, 31)]
    assert extraction.reports == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Schützenfest findet vom 06. bis 08.07.2025 statt.",
        "Der Kindergarten ist vom 05.08. bis 23.08.2025 geschlossen.",
        "Der Auftrag wird an die Firma Hansen für die Winterperiode vom 01.11.2025 bis 31.03.2026 "
        "vergeben.",
    ],
)
def test_a_period_told_sets_no_limit(sentence: str) -> None:
    deadlines, _ = read(sentence)
    assert deadlines == []


def test_a_period_ordered_keeps_its_end() -> None:
    deadlines, _ = read("Die Anlage soll ab April bis Juni 2025 zur Ausführung kommen.", RESOLUTION)
    assert [d for _, d in deadlines] == [date(2025, 6, 30)]


def test_a_month_in_the_past_perfect_is_no_term_ahead() -> None:
    deadlines, _ = read(
        "Der Fachausschuss hatte Ende November empfohlen, das Konzept zu beschließen."
    )
    assert deadlines == []


def test_a_paper_headed_as_the_answer_binds_throughout() -> None:
    extraction = extract_text(
        "Kreis Lippe - Beantwortung der Anfrage der Kreistagsfraktion vom 02.02.2025\n"
        "Betreff: Ladeinfrastruktur\nWeitere Standorte sind nicht veranschlagt. Der Landrat sagt "
        "zu, dem Ausschuss bis zum 30.06.2025 ein Konzept vorzulegen.\n",
        name="t.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2025, 6, 30)]


def test_the_administration_planning_what_it_will_do_binds() -> None:
    deadlines, _ = read(
        "Die Verwaltung plant, dem Stadtrat die neuen Hebesätze bis zum 30.11.2024 vorzuschlagen.",
        "Informationsvorlage\nDatum: 23.10.2024\n\n",
    )
    assert [d for _, d in deadlines] == [date(2024, 11, 30)]


def test_one_years_report_presented_is_no_yearly_duty() -> None:
    extraction = extract_text(
        MINUTES + "Die Jugendkoordinatorin stellt den Jahresbericht 2023 vor.", name="t.txt"
    )
    assert all(r.recurrence != "yearly" for r in extraction.reports)


def test_a_report_in_a_condition_on_someone_else_is_no_duty() -> None:
    extraction = extract_text(
        MINUTES + "Die Gemeindevertretung beschließt einen Zuschuss von 12.000 €. Der Zuschuss "
        "wird ausgezahlt, sobald der Verein den Verwendungsnachweis vorgelegt hat.",
        name="t.txt",
    )
    assert extraction.reports == ()


def test_a_motion_rejected_after_many_words_sets_no_term() -> None:
    deadlines, _ = read(
        "Unser Antrag, die Kreisverwaltung aufzufordern, bis zum 30.09.2024 ein Konzept "
        "vorzulegen, wurde im Kreistag am 29.04.2024 mit den Stimmen aller anderen Fraktionen "
        "abgelehnt."
    )
    assert deadlines == []


def test_a_motion_the_council_turned_down_two_sentences_later_sets_no_term() -> None:
    extraction = extract_text(
        "Der Verbandsgemeinderat möge wie folgt beschließen:\nDie Verwaltung wird gebeten, ein "
        "Standortkonzept zu erarbeiten. Es sollte bis Frühjahr 2019 vorliegen.\nDer "
        "Verbandsgemeinderat lehnte den Antrag mit 8 Ja-Stimmen, 13 Nein-Stimmen ab.\n",
        name="t.txt",
    )
    assert extraction.deadlines == ()


def test_each_obligation_says_why_its_sentence_binds() -> None:
    ordered = extract_text(
        HEAD + "Die BVV möge beschließen:\nDas Bezirksamt wird ersucht, bis 30.06.2015 "
        "die Spielplätze zu sanieren.\n\nErledigungsfrist: 18.12.2015",
        name="t.txt",
    )
    assert sorted((d.date, d.basis) for d in ordered.deadlines) == [
        (date(2015, 6, 30), "order"),
        (date(2015, 12, 18), "label"),
    ]
    resolved = extract_text(
        HEAD + "Der Gemeinderat möge beschließen:\nAlle Einbahnstraßen werden bis\nEnde des "
        "Jahres 2022 freigegeben.\n\nBegründung:\nIm Jahr 2019 wurden Straßen freigegeben.",
        name="t.txt",
    )
    assert [d.basis for d in resolved.deadlines] == ["resolution"]
    reported = extract_text(
        HEAD + "Die Stadtverwaltung legt bis Ende 2017 einen Zeit- und Finanzplan vor.",
        name="t.txt",
    )
    assert [r.basis for r in reported.reports] == ["report"]
    assert reported.to_json()["reports"][0]["basis"] == "report"  # type: ignore[index]


def test_a_table_row_whose_last_cell_says_the_motion_fell_binds_no_one() -> None:
    extraction = extract_text(
        "Nr | Antrag | Inhalt | Datum | Ergebnis |\n---|---|---|---|---|\n"
        "2 | Berichte | Dem Stadtrat werden quartalsweise Berichte zum Neubau vorgelegt. "
        "| 19. September 2019 | abgelehnt |\n",
        name="t.txt",
    )
    assert not extraction.reports and not extraction.deadlines


def test_the_date_in_the_first_cell_of_a_row_dates_the_row() -> None:
    extraction = extract_text(
        "29.10.2025 | Der Gemeinderat hat in seiner jüngsten Sitzung beschlossen, die "
        "Stadtverwaltung mit der Erstellung eines Hitzeplans zu beauftragen.\n",
        name="t.txt",
    )
    assert not extraction.deadlines
    assert not any("29.10.2025" in r.phrase for r in extraction.review)


def test_a_plan_that_was_is_no_order() -> None:
    extraction = extract_text(
        "Liebe Bürgerinnen und Bürger,\n\nin dem Sonderstadtrat Ende Juli sollte eigentlich "
        "„nur“ der neue Amtsleiter des Umweltamtes vor- und eingestellt werden. Wir nutzten "
        "die Gelegenheit.",
        name="t.txt",
    )
    assert not extraction.deadlines


def test_an_earliest_time_is_no_limit() -> None:
    extraction = extract_text(
        "Die Ergebnisse müssen auch auf der Website der Stadt veröffentlicht werden - aber "
        "die Verwaltung kann dies erst nach der Genehmigung auf der nächsten "
        "Stadtvertretungssitzung tun.",
        name="t.txt",
    )
    assert not extraction.deadlines
    kurz = extract_text(
        HEAD + "Vor einer weiteren Beratung soll erst einmal kurzfristig eine Besichtigung "
        "solcher Einrichtungen stattfinden.",
        name="t.txt",
    )
    assert [d.rule for d in kurz.deadlines] == ["soft_term"]


def test_an_item_of_the_resolution_in_the_infinitive_is_an_order() -> None:
    extraction = extract_text(
        HEAD + "Der Kreistag möge beschließen:\n\nI. Eine Machbarkeitsstudie in Auftrag zu "
        "geben.\n\nII. Umgehend die Ausschreibung des Radwegs einzuleiten.\n\n"
        "Begründung:\nDer Radweg fehlt.",
        name="t.txt",
    )
    assert [(d.rule, d.basis) for d in extraction.deadlines] == [("soft_term", "order")]
    assert extraction.deadlines[0].text.startswith("II. Umgehend")


def test_a_motion_requesting_hiermit_orders_its_limit() -> None:
    extraction = extract_text(
        "Sehr geehrter Herr Bürgermeister,\ndie Fraktion beantragt hiermit die Einberufung "
        "einer Stadtratssitzung bis einschließlich 04.06.2024.",
        name="t.txt",
    )
    assert [(d.date, d.basis) for d in extraction.deadlines] == [(date(2024, 6, 4), "order")]


def test_an_adjourned_session_continued_on_a_date_is_shown() -> None:
    extraction = extract_text(
        "Bericht aus der Stadtverordnetenversammlung vom 16.12.2019\nDie Tagesordnung wurde "
        "nicht abgearbeitet. Die Sitzung wird am 13.1.2020 fortgesetzt.",
        name="t.txt",
    )
    shown = [d.date for d in extraction.deadlines] + [r.phrase for r in extraction.review]
    assert date(2020, 1, 13) in shown or any("13.1.2020" in str(x) for x in shown)


def test_a_papers_number_and_title_as_a_heading_orders_nothing() -> None:
    extraction = extract_text(
        "Sitzung der BVV vom 23.08.2012\n\n0223/VII Halbjährliches Vorlegen einer Übersicht "
        "der Eingaben und Beschwerden\n\n0254/VII Transparente Haushaltsunterlagen\n",
        name="t.txt",
    )
    assert not extraction.reports


def test_the_date_of_the_latest_session_is_on_record() -> None:
    extraction = extract_text(
        "Datum: 01.11.2099\nIn der jüngsten Sitzung am 17.12.2099 ist die Verwaltung gebeten "
        "worden, unter den "
        "Mitgliedern eine Umfrage durchzuführen.",
        name="t.txt",
    )
    assert not extraction.deadlines
    ahead = extract_text(
        "Datum: 01.11.2099\nDie Verwaltung wird gebeten, in der Sitzung am 17.12.2099 über die "
        "Umfrage zu berichten.",
        name="t.txt",
    )
    assert [d.date for d in ahead.deadlines] == [date(2099, 12, 17)]


def test_a_report_that_the_text_itself_gives_is_no_duty() -> None:
    extraction = extract_text(
        "Bericht aus der Gemeinderatssitzung vom 20.01.2004\nÜber die wesentlichen Resultate "
        "der Sitzung kann folgendermaßen berichtet werden: Der Bahnhof wird umgebaut.",
        name="t.txt",
    )
    assert not extraction.reports


def test_the_mood_of_an_indirect_question_is_the_matter_asked_about() -> None:
    extraction = extract_text(
        HEAD + "Die Verwaltung wird gebeten,\n\n1. zur nächsten Sitzung eine Übersicht der "
        "Grabstätten vorzulegen, deren Nutzungsrechte in Kürze auslaufen;\n2. darzulegen, wie "
        "die Grabstätten erhalten werden könnten und mit welchen Kosten zu rechnen ist.",
        name="t.txt",
    )
    assert len(extraction.reports) == 2  # two undated duties of one motion stay two
    assert not [d for d in extraction.deadlines if d.rule == "soft_term"]  # "in Kürze auslaufen"
    assert not [r for r in extraction.review if r.rule == "doubt:unreal_mood"]


def test_an_agreement_that_the_administration_presents_binds() -> None:
    extraction = extract_text(
        "Unser Antrag wurde abgelehnt. Schließlich kam es zur Absprache, dass die Verwaltung "
        "im nächsten Jahr (2024) nochmal Möglichkeiten einer Wahl zu einem Jugendparlament "
        "vorstellt.",
        name="t.txt",
    )
    assert date(2024, 12, 31) in [d.date for d in extraction.deadlines]


def test_a_request_for_feedback_is_a_report_and_an_answer_in_due_time_is_soft() -> None:
    asked = extract_text(
        HEAD + "Wir bitten um eine zeitnahe Rückmeldung über die Ergebnisse der Gespräche.",
        name="t.txt",
    )
    assert len(asked.reports) == 1
    assert [d.rule for d in asked.deadlines] == ["soft_term"]
    answered = extract_text(
        "Einige Fragen konnten durch den Landrat gleich beantwortet werden, andere werden "
        "fristgerecht schriftlich beantwortet.",
        name="t.txt",
    )
    assert [d.text for d in answered.deadlines] == ["fristgerecht"]
    invited = extract_text(
        "Der Vorsitzende stellt fest, dass fristgerecht eingeladen wurde.", name="t.txt"
    )
    assert not invited.deadlines


def test_a_day_on_which_something_takes_place_is_no_limit() -> None:
    told = extract_text(
        "TOP 6 Informationen des Bürgermeisters\n- Die Bürgerversammlung findet am 07.03.2099 "
        "im Gasthof Post statt.",
        name="t.txt",
    )
    assert not told.deadlines
    presented = extract_text(
        "Datum: 01.09.2099\nAus aktuellem Anlass findet am 19.09.2099 ein weiterer Ausschuss "
        "statt, in dem der Maßnahmenkatalog zur Abstimmung vorgelegt wird.",
        name="t.txt",
    )
    assert date(2099, 9, 19) in [r.due for r in presented.reports]


def test_a_statutes_urgency_is_a_standing_rule() -> None:
    extraction = extract_text(
        "Der Stadtrat hat in seiner Sitzung am 04.07.2024 folgende Hauptsatzung beschlossen:\n"
        "(1) Der Vorsitzende wird aus der Mitte des Stadtrates gewählt.\n(2) Er kann abgewählt "
        "werden. Eine Neuwahl hat unverzüglich stattzufinden.\n(3) Die Stellvertreter vertreten "
        "ihn.\n",
        name="t.txt",
    )
    assert not extraction.deadlines


def test_a_groups_motion_above_its_items_opens_the_resolution() -> None:
    extraction = extract_text(
        "Am Mittwoch, 16.12.2099 soll der Stadtrat den Haushalt beschließen.\n\n"
        "Die SPD-Fraktion beantragt für die Sitzung des Stadtrates am 16.12.2099:\n\n"
        "  • Die Verwaltung legt bis zum 31.03.2100 eine Förderrichtlinie vor.\n",
        name="t.txt",
    )
    assert [d.date for d in extraction.deadlines] == [date(2100, 3, 31)]


def test_a_letters_request_to_its_addressee_orders() -> None:
    asked = extract_text(
        "Siegburg, den 18. Februar 2015\nSehr geehrte Frau Thiel,\ndie FDP-Fraktion bittet Sie, "
        "den folgenden Punkt auf die Tagesordnung des Umweltausschusses am 05. März 2015 zu "
        "nehmen: Sachstand Wolsberg.",
        name="t.txt",
    )
    assert date(2015, 3, 5) in [d.date for d in asked.deadlines]
    appeal = extract_text(
        "Wir bitten Sie, liebe Bürgerinnen und Bürger, bei der Kommunalwahl am 09.06.2099 die "
        "Standpunkte der Fraktionen zu prüfen.",
        name="t.txt",
    )
    assert not appeal.deadlines


@pytest.mark.parametrize(
    "sentence",
    [
        "Zu dieser Maßnahme werden die Anwohner nochmals umfassend informiert.",
        "Die betroffenen Anwohner werden durch den Zweckverband in einer Einwohnerversammlung "
        "informiert.",
        "Die Verwaltung wird die Bürgerinnen und Bürger rechtzeitig über die Sperrung "
        "unterrichten.",
    ],
)
def test_informing_the_public_is_no_report_owed_to_the_council(sentence: str) -> None:
    assert extract_text(MINUTES + sentence, name="t.txt").reports == ()


def test_informing_the_committee_beside_the_public_stays_a_report() -> None:
    sentence = "Die Verwaltung wird den Ausschuss und die Anwohner über den Baubeginn informieren."
    assert len(extract_text(MINUTES + sentence, name="t.txt").reports) == 1


FOLLOW_UP = (
    "Gemeinde Musterdorf – Liste der offenen Gemeinderatsbeschlüsse\nStand: 22.04.2024\n"
    "Beschl.-Nr. | Datum | Gegenstand | Termin | Stand\n"
    "------------|------------|------------------|-----------|----------\n"
    "GR/117/23 | 18.10.2023 | Konzept Ganztag Grundschule | 31.7.24 | Entwurf liegt vor\n"
    "| | Friedenstraße | |\n"
    "GR/120/23 | 25.10.2023 | Radweg Nord | 30.09.2024 | erledigt\n"
    "GR/131/23 | 06.12.2023 | Sachstandsbericht Kläranlage | jede 2. Sitzung | laufend\n"
    "GR/140/24 | 24.01.2024 | Sitzbänke Ortspark | 31.03.2024 | aufgestellt 03/24\n"
)


def test_a_follow_up_lists_open_row_is_a_deadline_and_a_done_row_none() -> None:
    extraction = extract_text(FOLLOW_UP, name="t.txt")
    rows = [(d.text, d.date) for d in extraction.deadlines if d.rule.startswith("row:")]
    # the wrapped row is one row; the rows marked done ("erledigt", "aufgestellt") are none
    assert rows == [("Konzept Ganztag Grundschule Friedenstraße | 31.7.24", date(2024, 7, 31))]
    # a due cell no rule reads is shown to a person
    unread = extract_text(FOLLOW_UP.replace("jede 2. Sitzung", "nach Klärung"), name="t.txt")
    assert any(r.rule == "follow_up_row" for r in unread.review)


@pytest.mark.parametrize(
    ("cell", "due"),
    [("09/2024", date(2024, 9, 30)), ("III/2024", date(2024, 9, 30)), ("nächste Sitzung", None)],
)
def test_a_due_cells_shorthand_is_its_limit(cell: str, due: date | None) -> None:
    text = FOLLOW_UP.replace("| 31.7.24 |", f"| {cell} |")
    rows = [d for d in extract_text(text, name="t.txt").deadlines if d.rule.startswith("row:")]
    assert [d.date for d in rows] == [due]


def test_a_popular_elections_day_is_no_deadline() -> None:
    text = (
        "Der Kreisverwaltung wird als Wahltag für die Wahl des Bürgermeisters der Sonntag, "
        "08.03.2026, vorgeschlagen. Als Termin für eine eventuelle Stichwahl wird der Sonntag, "
        "22.03.2026 vorgeschlagen."
    )
    assert extract_text(MINUTES + text, name="t.txt").deadlines == ()


def test_a_limit_before_an_election_stays_a_deadline() -> None:
    text = "Die Verwaltung legt das Konzept bis zum 31.01.2026, vor der Kommunalwahl, vor."
    assert date(2026, 1, 31) in [
        d.date for d in extract_text(MINUTES + text, name="t.txt").deadlines
    ]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a table of decisions with a due and a state column is a follow-up list
        (
            "Controlling-Bericht Ratsbeschlüsse, Stadt Musterstadt - Stand 30.09.2024\n"
            "Nr. | Beschluss | Auftrag | Frist | Status\n"
            "12 | 21.03.2024 | Konzept Schulhofbegrünung vorlegen | 31.12.2024 | in Arbeit\n"
            "13 | 21.03.2024 | Verkehrsschau Hauptstraße | erledigt am 14.06.2024 | erledigt\n",
            ("Konzept Schulhofbegrünung vorlegen | 31.12.2024", date(2024, 12, 31)),
        ),
        # a PDF's text layer keeps the columns as runs of spaces, not bars or tabs
        (
            "Stadt Musterstadt – Erledigungsliste der Ratsbeschlüsse      Seite 4 von 7\n"
            "Beschluss  Datum        Maßnahme                             Termin     Erledigung\n"
            "R-512      30.03.2023   Photovoltaik Rathausdach             31.12.2023 erledigt\n"
            "R-538      22.06.2023   Fahrradparkhaus Bahnhof              –          Mittel\n"
            "                                                                        beantragt\n"
            "R-560      14.12.2023   Verkehrskonzept Innenstadt, Entwurf  30.9.2024  in Arbeit\n",
            ("Verkehrskonzept Innenstadt, Entwurf | 30.9.2024", date(2024, 9, 30)),
        ),
        # one column for the state and the due date ("Erledigung / Frist"); a row whose motion
        # fell is no task and no decision of the list; a cell telling a step behind and one
        # ahead is due at the one ahead
        (
            "Mitteilung der Vorsitzenden, Datum: 01.09.2025\n"
            "Übersicht der Beschlüsse mit ausstehender Erledigung\n"
            "Drs. | Beschluss | Betreff | Adressat | Erledigung / Frist\n"
            "22-1100 | 26.06.2025 | Antrag: Wochenmarkt samstags | – | abgelehnt\n"
            "22-0987 | 22.05.2025 | Bewohnerparken | Bezirksamt | im HA am 10.07.2025 vertagt; "
            "erneute Beratung in der BV am 25.09.2025\n",
            (
                "Bewohnerparken | im HA am 10.07.2025 vertagt; erneute Beratung in der BV am "
                "25.09.2025",
                date(2025, 9, 25),
            ),
        ),
        # a plan of measures the council adopts, its due dates in a column of their own
        (
            "Beschluss der Bezirksversammlung vom 27.11.2025\n"
            "Die Bezirksversammlung stimmt dem nachstehenden Maßnahmenplan zu.\n"
            "Maßnahmenplan\n"
            "Nr. Spielplatz            Maßnahme                      Kosten (€)   Fertigstellung\n"
            "1   Lohbrügger Markt      Erneuerung der Spielgeräte      185.000    06/2026\n"
            "2   Sander Tannen         barrierefreier Umbau            240.000    –\n",
            ("Erneuerung der Spielgeräte | 06/2026", date(2026, 6, 30)),
        ),
    ],
)
def test_a_table_of_decisions_is_read_as_a_follow_up_list(text: str, row: tuple[str, date]) -> None:
    assert [(d.text, d.date) for d in extract_text(text, name="t.txt").deadlines] == [row]


def test_a_follow_up_rows_cadence_is_a_recurring_report() -> None:
    text = FOLLOW_UP.replace(
        "Sachstandsbericht Kläranlage | jede 2. Sitzung", "Sachstandsbericht Kläranlage | jährl."
    )
    extraction = extract_text(text, name="t.txt")
    assert [(r.text, r.recurrence) for r in extraction.reports] == [
        ("Sachstandsbericht Kläranlage | jährl.", "yearly")
    ]
    # the row is read once, as a row: its decision date is no report's due date
    assert all(r.due is None for r in extraction.reports)


def test_a_motions_opening_wrapped_onto_two_lines_opens_its_operative_text() -> None:
    from tracker.documents.obligations import operative_text

    text = (
        "Sehr geehrter Herr Bürgermeister,\n"
        "die Fraktion bittet um Aufnahme des folgenden Antrages auf die Tagesordnung der nächsten\n"
        "Sitzung des Ausschusses für Mobilität und Bauwesen:\n"
        "Die Verwaltung prüft, wo eine Brötchentaste eingerichtet werden kann.\n"
        "Begründung:\nIn den Parkhäusern gibt es sie schon.\n"
    )
    assert (
        operative_text(text)
        == "Die Verwaltung prüft, wo eine Brötchentaste eingerichtet werden kann."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Verwaltung wird beauftragt, den Fraktionen eine Liste aller Denkmäler der Stadt zur "
        "Verfügung zu stellen.",
        "Die Verwaltung soll dem Rat ihre Wahl eines Trägers in einer Vorlage vorschlagen.",
        "Die Grundzüge des Konzepts sollen im Ausschuss für Feuerwehr vorgestellt werden.",
        "Die Verwaltung wird beauftragt, in einer Übersicht zusammenzustellen, wo aufgeforstet "
        "werden kann.",
        "Die Verwaltung wird gebeten, einen Vereinbarungsentwurf für eine Sitzung des "
        "Ortsgemeinderates vorzubereiten.",
    ],
)
def test_what_is_put_before_the_council_is_a_report(sentence: str) -> None:
    assert len(extract_text("Beschluss:\n" + sentence + "\n", name="t.txt").reports) == 1


def test_the_council_asked_to_decide_on_what_the_public_gets_is_no_report() -> None:
    sentence = (
        "Der Gemeinderat wird um Entscheidung gebeten, ob eine solche Bestattungsform zur "
        "Verfügung gestellt wird."
    )
    assert extract_text("Beschluss:\n" + sentence + "\n", name="t.txt").reports == ()


def test_a_report_announced_with_a_long_middle_is_read() -> None:
    sentence = (
        "Die Mitglieder des Wirtschaftsausschusses werden spätestens in der Beratung im Oktober "
        "2013 über die geplanten Maßnahmen informiert."
    )
    assert len(extract_text(MINUTES + sentence + "\n", name="t.txt").reports) == 1


def test_a_time_in_the_purpose_clause_ahead_is_the_goals_not_the_duty() -> None:
    sentence = (
        "II. Um die Gefahr zu bannen, dass es im Landkreis in absehbarer Zeit kein Krankenhaus "
        "mehr gibt, wird die Verwaltung beauftragt, die Strukturen der Kliniken anzupassen."
    )
    extraction = extract_text("Beschluss:\n" + sentence + "\n", name="t.txt")
    assert [d.text for d in extraction.deadlines] == []
    assert extraction.addressee == "Verwaltung"


@pytest.mark.parametrize(
    "sentence",
    [
        # an appointment's day with its hour, whatever the modal
        "Die Versammlung soll am 31.05.2026 um 10 Uhr in der Fuggerhalle stattfinden.",
        # the date of a session named as the cause
        "Wir bitten die Verwaltung wegen des Ausfalls der Schulausschusssitzung am 23.02.2026 "
        "um eine schriftliche Antwort.",
    ],
)
def test_a_date_no_duty_hangs_on_is_no_deadline_and_no_review(sentence: str) -> None:
    extraction = extract_text("Beschluss:\n" + sentence + "\n", name="t.txt")
    assert extraction.deadlines == ()
    assert not any(r.rule == "time_word" for r in extraction.review)


def test_the_administration_reporting_in_the_present_with_a_time_ahead_owes_a_report() -> None:
    text = (
        "Stadt Musterstadt – Bericht für den Verkehrsausschuss\nSitzung am 18.04.2024\n"
        "Betreff: Sozialticket\nIm ersten Quartal 2024 wurden 18.412 Tickets verkauft.\n"
        "Die Verwaltung berichtet dem Verkehrsausschuss erneut zum Ende des Jahres 2024 über die "
        "Nutzerzahlen.\n"
    )
    extraction = extract_text(text, name="t.txt")
    assert [d.date for d in extraction.deadlines] == [date(2024, 12, 31)]
    # what the administration tells in the session is no duty ahead
    told = text.replace("erneut zum Ende des Jahres 2024", "im ersten Quartal 2024")
    assert extract_text(told, name="t.txt").deadlines == ()


def test_the_resolution_formulas_sentence_goes_on_in_the_next_line() -> None:
    text = (
        "Antrag der Fraktion\nBetreff: Wärmeplanung beschleunigen\n"
        "Der Stadtrat möge beschließen, dass die Stadt die kommunale Wärmeplanung bis zum\n"
        "31.12.2025 abschließt, also vor der gesetzlichen Frist.\nBegründung:\nDas Gesetz.\n"
    )
    assert [d.date for d in extract_text(text, name="t.txt").deadlines] == [date(2025, 12, 31)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Bürgerversammlung 2024 ist für den 21.11.2024 terminiert.",
        "Die Ratsmitglieder werden zum Frühlingsempfang am 03.05.2024 eingeladen.",
        "Die Haushaltsplanberatungen in den Fraktionen finden bis Mitte November 2024 statt.",
        # a validity, not a duty
        "Die Anordnung ist bis zum 31.12.2024 befristet.",
    ],
)
def test_when_something_happens_told_is_no_deadline(sentence: str) -> None:
    assert extract_text(MINUTES + sentence + "\n", name="t.txt").deadlines == ()


def test_a_works_completion_set_for_a_day_stays_a_deadline() -> None:
    sentence = "Die Fertigstellung ist nunmehr fest für den 31.08.2024 terminiert."
    assert [d.date for d in extract_text(MINUTES + sentence + "\n", name="t.txt").deadlines] == [
        date(2024, 8, 31)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the text reporting itself
        "Im Folgenden wird über die wesentlichen Beschlüsse aus der Sitzung berichtet.",
        "Am Donnerstag fand eine Sitzung des Stadtrates statt, über deren Verlauf folgend "
        "berichtet wird.",
        "Aus dem Rathaus wird berichtet",
        # a speaker's news, someone introducing or informing himself
        "Die Fachleute vom Forstamt wussten auch Gutes zu berichten.",
        "Sodann erhält Herr Thomas Schuklat, Streetworker, die Möglichkeit, sich vorzustellen.",
        "Ich bitte Sie, nutzen Sie diese Einwohnerversammlungen, um sich über die Vorhaben zu "
        "informieren.",
    ],
)
def test_report_words_that_name_no_duty_make_no_report(sentence: str) -> None:
    assert extract_text(MINUTES + sentence, name="t.txt").reports == ()


def test_a_duty_to_report_beside_reflexive_words_elsewhere_stays() -> None:
    sentence = "Die Verwaltung wird beauftragt, dem Ausschuss bis zum 30.06.2025 zu berichten."
    assert len(extract_text(MINUTES + sentence, name="t.txt").reports) == 1


def test_a_rights_period_is_no_due_date() -> None:
    text = (
        "Beschluss: Der Gemeinderat stimmt dem Vertrag zu. Vertragskündigung zu beiden Seiten "
        "lt. Vertrag möglich bis 01.09.2021 des laufenden Kalenderjahres.\n"
    )
    assert not extract_text(text, name="v.txt").deadlines


def test_informing_another_authority_is_no_report_owed_to_the_council() -> None:
    sentence = (
        "Die untere Straßenverkehrsbehörde wird über das Ordnungsamt informiert und trifft "
        "dann die Entscheidung."
    )
    assert extract_text(MINUTES + sentence, name="t.txt").reports == ()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Anfrage der SPD-Fraktion\n\nWir bitten um schriftliche Beantwortung bis zum "
         "15.03.2024.\n\n1. Wann wird die Stelle besetzt?", "numeric_date"),
        ("Anfrage der SPD-Fraktion\n\nIn Anbetracht dieser Sachlage möchten wir folgende "
         "Fragen an Sie richten und bitten um zeitnahe schriftliche Antwort:\n\n"
         "1. Wann wird die Stelle besetzt?", "soft_term"),
        ("Anfrage der CDU-Fraktion\n\nUm Beantwortung in der nächsten Sitzung des "
         "Ausschusses wird gebeten.\n\n1. Wie viele Spielplätze gibt es?", "event_anchor"),
    ],
)  # fmt: skip
def test_a_request_for_the_answer_by_a_time_is_a_duty_to_report(text: str, rule: str) -> None:
    extraction = extract_text(text, name="a.txt")
    assert [(d.kind, d.rule) for d in extraction.deadlines] == [("report", rule)]


def test_a_request_for_the_answer_without_a_time_sets_no_duty() -> None:
    text = (
        "Anfrage der CDU-Fraktion\n\nWir bitten um Beantwortung der folgenden Fragen:\n\n"
        "1. Wie viele Spielplätze gibt es bis 2025?"
    )
    extraction = extract_text(text, name="a.txt")
    assert extraction.deadlines == () and extraction.reports == ()


def test_a_season_without_a_year_binds_a_mandate_only() -> None:
    ordered = extract_text(
        RESOLUTION + "Die Verwaltung wird beauftragt, im Herbst ein Konzept vorzulegen.\n",
        name="t.txt",
    )
    assert [d.rule for d in ordered.deadlines] == ["season"]
    told = extract_text(MINUTES + "Im Herbst fand das Dorffest statt.\n", name="t.txt")
    assert told.deadlines == ()


def test_a_speakers_demand_told_in_the_record_binds_no_one() -> None:
    text = (
        "Sitzungsbericht der Gemeinderatssitzung\n\nTOP 1 Einwohnerfragestunde\n"
        "Ein Bürger machte auf den Feldweg aufmerksam. Außerdem erinnerte er, dass die Risse "
        "an der Straße noch vor Wintereinbruch saniert werden müssen.\n\n"
        "TOP 2 Bauanträge\nDer Gemeinderat erteilt das Einvernehmen.\n"
    )
    assert extract_text(text, name="t.txt").deadlines == ()


@pytest.mark.parametrize(
    "said",
    [
        "Stadtrat Müller forderte, bis zum 30.09.2025 ein Konzept zur Belebung der Innenstadt "
        "vorzulegen; ein Beschluss wurde hierzu nicht gefasst.",
        "Ortsvorsteher Klein bat darum, den Ortschaftsrat bis zum 30.09.2025 über die Planung "
        "zu informieren.",
        "Bezirksverordneter Yılmaz verlangte, das Bezirksamt solle bis zum 30.09.2025 Auskunft "
        "über die Leerstände geben.",
        "Mehrere Redner sprachen sich dafür aus, bis zum 30.09.2025 einen Runden Tisch "
        "einzurichten.",
        "Danach forderte die CDU-Fraktion, die Verwaltung müsse bis zum 30.09.2025 einen Plan "
        "vorlegen.",
    ],
)
def test_a_speakers_request_told_in_the_record_binds_no_one(said: str) -> None:
    text = (
        "Niederschrift über die Sitzung des Gemeinderates am 12.03.2025\n\nTOP 5 Spielplätze\n"
        f"Der Bürgermeister erläutert den Sachstand. {said}\nBeschluss:\nDer Gemeinderat nimmt "
        "den Bericht zur Kenntnis.\n\nTOP 6 Verschiedenes\nKeine Wortmeldungen.\n"
    )
    found = extract_text(text, name="t.txt")
    assert found.deadlines == () and found.reports == ()


def test_a_paper_referred_to_a_committee_orders_nothing_yet() -> None:
    text = (
        "Aus der BVV\n\nIn der Sitzung vom 12.03.2025 ging es um Spielplätze. Die BVV hat die "
        "Drucksache, mit der das Bezirksamt ersucht werden sollte, bis zum 30.09.2025 zu "
        "berichten, in den Ausschuss für Stadtentwicklung überwiesen.\n"
    )
    found = extract_text(text, name="t.txt")
    assert found.deadlines == () and found.reports == ()


def test_a_decision_told_with_its_content_binds_by_its_limit() -> None:
    text = (
        "Aus dem Gemeinderat\n\nIn der Sitzung vom 12.03.2025 ging es um Brunnen. Auf Antrag "
        "unserer Fraktion hat der Rat beschlossen, dass die Verwaltung bis Ende September 2025 "
        "ein Konzept für Trinkwasserbrunnen vorlegt.\n"
    )
    found = extract_text(text, name="t.txt")
    assert [d.date for d in found.deadlines] == [date(2025, 9, 30)]


def test_a_postponement_to_a_session_in_a_named_month_is_its_target() -> None:
    text = (
        "Niederschrift über die Sitzung des Gemeinderates am 12.03.2025\n\nTOP 5 Spielplätze\n"
        "Beschluss:\nDer Antrag der FDP-Fraktion wird auf die Sitzung im September 2025 "
        "vertagt.\nAbstimmungsergebnis: einstimmig\n"
    )
    found = extract_text(text, name="t.txt").deadlines
    assert [(d.date, d.kind) for d in found] == [(date(2025, 9, 30), "event")]


def test_an_entry_into_force_in_a_text_whose_only_date_it_is_binds() -> None:
    text = (
        "Der Ortsgemeinderat hat folgende Satzung beschlossen:\n§ 1 Hebesätze\n"
        "Die Hebesätze werden festgesetzt.\n§ 2 Inkrafttreten\n"
        "Diese Satzung tritt am 01.01.2023 in Kraft.\n"
    )
    found = extract_text(text, name="s.txt").deadlines
    assert [(d.date, d.kind) for d in found] == [(date(2023, 1, 1), "event")]


MOTION = (
    "Antrag der SPD-Fraktion: Digitalisierung\n\nDer Rat möge beschließen:\n"
    "Die Verwaltung wird beauftragt, eine Förderrichtlinie zu erstellen.\n"
)


@pytest.mark.parametrize(
    ("item", "due"),
    [
        (
            "Im November 2021 evaluiert der Ausschuss den städtischen Fördertopf.",
            date(2021, 11, 30),
        ),
        ("Die Veranstaltung soll für das 2. Quartal 2021 geplant werden.", date(2021, 6, 30)),
    ],
)
def test_a_motions_item_scheduled_for_a_time_ahead_binds(item: str, due: date) -> None:
    found = extract_text(MOTION + item + "\n\nBegründung:\nEs eilt.\n", name="m.txt").deadlines
    assert [d.date for d in found] == [due]


def test_a_records_item_with_a_month_binds_only_by_a_limit() -> None:
    text = "Auszug\nBeschluss:\nHerr Schubert informiert, dass im Mai 2020 gebaut wird.\n"
    assert extract_text(text, name="a.txt").deadlines == ()


def test_a_follow_up_lists_due_cell_may_name_what_is_due_and_its_state_is_no_term() -> None:
    text = (
        "Stadt Neubrandenburg\nBeschlusskontrolle der Stadtvertretung – Stand: 15.06.2025\n\n"
        "Beschluss 0921/45/24 – Neubau Kita Oststadt\nzuständig: FB Hochbau\n"
        "Termin: Fertigstellung 31.07.2026\nSachstand: Rohbau fertig; Richtfest am 05.06.2025.\n\n"
        "Beschluss 145/2024 – Bericht zum Parkraumkonzept\nzuständig: FB Mobilität\n"
        "Termin lt. Beschluss: Ausschuss für Mobilität im Juni 2025\n"
        "Sachstand: Lieferung vom Hersteller für Mai 2025 zugesagt.\n"
    )
    found = {d.date for d in extract_text(text, name="t.txt").deadlines}
    assert found == {date(2026, 7, 31), date(2025, 6, 30)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Anträge auf Auszahlung des Jagdpachtanteils sind bis zum 31.05.2025 schriftlich beim "
        "Kassenführer zu stellen.",
        "Um Anmeldung bis 28.11.2025 im Vorzimmer wird gebeten.",
        "Bei der Stadtverwaltung ist zum 01.07.2025 folgende Stelle zu besetzen:",
    ],
)
def test_a_notices_term_for_applicants_and_guests_is_no_obligation(sentence: str) -> None:
    found = extract_text(f"Amtsblatt der Gemeinde\n\n{sentence}\n", name="t.txt")
    # set aside for a reason, so the safety net does not show it either
    assert found.deadlines == () and not [r for r in found.review if r.rule == "safety_net"]


def test_the_next_report_told_with_its_session_is_due_then() -> None:
    text = (
        "Mitteilungsvorlage\nDatum: 20.05.2025\nBetreff: Neubau der Rettungswache\n\n"
        "Der Kreistag ist über den Baufortschritt regelmäßig zu unterrichten. Der nächste "
        "Sachstandsbericht erfolgt zur Sitzung des Kreistages am 02.10.2025.\n"
    )
    due = {r.due for r in extract_text(text, name="t.txt").reports}
    assert date(2025, 10, 2) in due


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Stadtverordnetenversammlung hat am Donnerstagabend einen Antrag abgelehnt, der den "
        "Oberbürgermeister verpflichten sollte, bis zum 31. Januar 2026 ein Bäderkonzept "
        "vorzulegen.",
        "Leider fand unser Antrag, die Verwaltung möge bis zum Jahresende einen "
        "Investorenwettbewerb ausloben, keine Mehrheit.",
        "Nicht beschlossen wurde ein Antrag, die Parkgebühren bereits zum 1. August zu erhöhen.",
    ],
)
def test_a_motion_turned_down_as_news_tells_it_binds_no_one(sentence: str) -> None:
    text = f"Aus dem Stadtrat\n\nIn der Sitzung vom 12.03.2025 ging es um vieles. {sentence}\n"
    found = extract_text(text, name="t.txt")
    assert found.deadlines == () and found.reports == ()


def test_applications_handed_in_at_the_town_hall_are_the_publics() -> None:
    text = (
        "Amtsblatt\n\nAnträge auf Vereinsförderung sind bis zum 15. Dezember im Rathaus "
        "einzureichen.\n"
    )
    assert extract_text(text, name="t.txt").deadlines == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Einen Antrag der Grünen, der Oberbürgermeisterin eine Frist bis zum 30. September 2025 "
        "für einen neuen Kostenplan zu setzen, lehnte die Mehrheit ab.",
        "Anträge auf Ermäßigung stellen Eltern beim Jugendamt; für das laufende Jahr gilt eine "
        "Frist bis zum 31. Oktober 2025.",
    ],
)
def test_a_frist_named_in_prose_that_sets_no_limit_is_no_deadline(sentence: str) -> None:
    text = f"Aus dem Stadtrat\n\nIn der Sitzung vom 12.03.2025 ging es um vieles. {sentence}\n"
    assert extract_text(text, name="t.txt").deadlines == ()


def test_a_members_motion_is_moved_until_the_matter_adopts_it() -> None:
    from tracker.documents.doubts import member_motions
    from tracker.documents.obligations import _result_fell

    motion = "Herr Lindemann (GRÜNE) beantragt, das Wort durch bis zum 30.09.2025 zu ersetzen."
    against = "Frau Schwarz (SPD) weist darauf hin, dass eine Frist nicht erforderlich sei."
    fell = "Abstimmungsergebnis über den Änderungsantrag der GRÜNE-Fraktion: abgelehnt"
    adopted = "Abstimmungsergebnis über die Drucksache 22-0617: einstimmig angenommen"
    # the amendment fell before the motion was adopted: the adoption is not the amendment's
    assert _result_fell(fell) is True

    def moved(*scoped: str) -> set[int]:
        return member_motions(scoped, [_result_fell(x) for x in scoped])

    assert moved(motion, against, fell, adopted) == {0}
    assert moved(motion, "Der Antrag wird einstimmig angenommen.") == set()


@pytest.mark.parametrize(
    "request_quoted",
    [
        "Anliegen:\nDer Ortschaftsrat bittet, den Dorfteich noch im Jahr 2021 zu entschlammen und "
        "dem Ortschaftsrat bis zum 30.06.2021 einen Kostenvoranschlag vorzulegen.",
        "Die Fraktion bittet die Verwaltung, dem Ausschuss bis zum 30.06.2021 zu berichten.",
    ],
)
def test_a_request_quoted_by_the_paper_that_answers_it_binds_no_one(request_quoted: str) -> None:
    extraction = extract_text(
        "Stadt Pleißenau\nVerwaltungsstandpunkt zum Antrag des Ortschaftsrates vom 15.03.2021\n"
        "Betreff: Dorfteich Gröbern\nDatum: 03.05.2021\n\n"
        + request_quoted
        + "\n\nStandpunkt der Verwaltung:\nAus Sicht der Verwaltung besteht vor 2023 kein "
        "Handlungsbedarf.\n",
        name="s.txt",
    )
    assert extraction.deadlines == () and extraction.reports == ()
    assert "doubt:answered_motion" in [r.rule for r in extraction.review]


def test_a_speakers_report_in_the_record_is_given_not_owed() -> None:
    deadlines, _ = read(
        "Der Bürgermeister berichtet: Der Kreis hat mit Schreiben vom 05.02.2024 die Zuweisung "
        "von weiteren 12 Flüchtlingen bis Ende März angekündigt."
    )
    assert deadlines == []


def test_a_plan_bounded_by_its_latest_date_is_no_forecast() -> None:
    deadlines, _ = read("Die Inbetriebnahme ist nun bis spätestens 30.09.2024 vorgesehen.")
    assert [d for _, d in deadlines] == [date(2024, 9, 30)]
    likely, _ = read("Die Inbetriebnahme ist voraussichtlich bis spätestens 30.09.2024 vorgesehen.")
    assert likely == []


def test_a_request_quoted_in_an_answer_binds_no_one() -> None:
    extraction = extract_text(
        "Antwort der Verwaltung\nBetreff: Kommunale Wärmeplanung\nDatum: 03.03.2026\n\n"
        "Kann die Stadt schneller sein als gesetzlich gefordert? Die Fraktion regt an, den "
        "Wärmeplan bereits bis Ende 2026 vorzulegen. Die Verwaltung hält das nicht für machbar.\n",
        name="a.txt",
    )
    assert extraction.deadlines == () and extraction.reports == ()


def test_a_service_period_is_no_limit() -> None:
    deadlines, _ = read(
        "Beschluss: Der Auftrag für den Winterdienst im Zeitraum 01.11.2024 bis 31.03.2025 wird an "
        "die Firma Agrar GmbH vergeben."
    )
    assert deadlines == []


@pytest.mark.parametrize(
    "promise",
    [
        "Die Antwort wird schriftlich nachgereicht.",
        "Die Amtsverwaltung wird die Frage schriftlich bis zur nächsten Sitzung beantworten.",
        "Die Antwort wird den Ratsmitgliedern schriftlich übermittelt.",
        "Die Bürgermeisterin sagt zu, die Frage zeitnah schriftlich zu beantworten.",
    ],
)
def test_an_answer_promised_in_the_minutes_is_a_report_owed(promise: str) -> None:
    extraction = extract_text(
        "Niederschrift über die Sitzung des Gemeinderates\nTOP 9 Anfragen\nGR Müller fragt "
        f"nach den Kosten der Dorfstraße. {promise}\nTOP 10 Verschiedenes\n",
        name="a.txt",
    )
    assert [r.recurrence for r in extraction.reports] == ["once"]


def test_an_answer_given_now_is_no_report_owed() -> None:
    extraction = extract_text(
        "Niederschrift über die Sitzung des Gemeinderates\nTOP 9 Anfragen\nGR Müller fragt, ob "
        "die Halle bis Mai fertig wird. Ihre Frage muss ich daher mit Nein beantworten.\n",
        name="a.txt",
    )
    assert extraction.reports == ()


@pytest.mark.parametrize(
    "order",
    [
        "Der Stadtrat beauftragte die Verwaltung, bis zum 31.05.2023 den Vertrag zu kündigen.",
        "Der Ortsbeirat ersuchte den Magistrat, bis zum 31.05.2023 den Vertrag zu kündigen.",
        "Der Gemeinderat ermächtigte die Verwaltung, bis zum 31.05.2023 den Vertrag zu kündigen.",
    ],
)
def test_an_order_told_in_the_simple_past_binds(order: str) -> None:
    # as gazettes and session reports tell a body's decision
    text = "Aus der Sitzung des Gemeinderates vom 14. Februar 2023\n\n" + order + "\n"
    assert [d.date for d in extract_text(text, name="t.txt").deadlines] == [date(2023, 5, 31)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a contractor hired, not an order
        "Die beauftragte Firma wird die Arbeiten bis zum 31.05.2023 abschließen.",
        # members sworn in
        "Der Bürgermeister verpflichtete die neu gewählten Mitglieder nach der Kommunalwahl.",
    ],
)
def test_the_simple_past_of_other_verbs_orders_nothing(sentence: str) -> None:
    text = "Aus der Sitzung des Gemeinderates vom 14. Februar 2023\n\n" + sentence + "\n"
    assert extract_text(text, name="t.txt").deadlines == ()


def test_a_body_expecting_of_the_administration_lists_its_tasks_below() -> None:
    text = (
        "Antrag der Fraktion BVB/FREIE WÄHLER\nDatum: 02.09.2024\n\n"
        "Der Kreistag erwartet vom Landrat, dass er\n"
        "1. den Entwurf des Nahverkehrsplans bis Mitte 2025 zur Beratung einbringt und\n"
        "2. vor dem Fahrplanwechsel im Dezember 2024 einen Rufbus als Pilotprojekt startet.\n\n"
        "Begründung:\nDer Nahverkehrsplan ist ausgelaufen.\n"
    )
    dates = [d.date for d in extract_text(text, name="t.txt").deadlines]
    assert date(2025, 6, 30) in dates


def test_resolutions_in_the_plural_are_the_resolution() -> None:
    text = (
        "Auszug aus der Niederschrift über die Sitzung des Kreistags vom 20. Februar 2023\n\n"
        "TOP 4: Energie\n\nDer Kreiskämmerer erläutert den Entwurf.\n\n"
        "Beschlüsse:\na) Die Haushaltssatzung 2023 wird erlassen. (58 : 2)\n"
        "b) Die Verwaltung untersucht bis zum 30.06.2023 die Energieeffizienz aller "
        "Liegenschaften. (einstimmig)\n"
    )
    assert [d.date for d in extract_text(text, name="t.txt").deadlines] == [date(2023, 6, 30)]


def test_a_fall_told_outside_a_resolution_that_turns_nothing_down_is_shown() -> None:
    # a member's motion rejected in the debate, then the resolutions: the document's outcome
    # reads as rejected, so its terms are not taken, but not in silence
    text = (
        "Auszug aus der Niederschrift über die Sitzung des Kreistags vom 20. Februar 2023\n\n"
        "TOP 4: Haushaltssatzung 2023\n\nDer Kreiskämmerer erläutert den Entwurf.\n"
        "Kreisrat Haslbeck (ÖDP) beantragt, den Hebesatz bei 45,0 Punkten festzusetzen. Der Antrag "
        "wird mit 9 zu 51 Stimmen abgelehnt.\n\n"
        "Beschlüsse:\na) Die Haushaltssatzung 2023 wird erlassen. (58 : 2)\n"
        "b) Dem Kreisausschuss ist jeden Monat die Entwicklung der Energiekosten vorzulegen. "
        "(einstimmig)\n"
    )
    extraction = extract_text(text, name="t.txt")
    assert extraction.reports == ()
    assert [r.reason for r in extraction.review if r.rule == "outcome"] == ["several_outcomes"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Unser Antrag, bis zum 30.06.2020 eine Baumschutzsatzung vorzulegen, scheiterte im "
        "Umweltausschuss an CDU und FDP.",
        "Den Vorschlag unserer Ratsfrau, bis zum 30.06.2020 eine Bedarfsplanung vorzulegen, hat "
        "der Rat nicht aufgegriffen.",
    ],
)
def test_a_motion_that_failed_in_its_own_sentence_binds_no_one(sentence: str) -> None:
    text = "Bericht aus dem Stadtrat\n\nAus der Sitzung vom 12.03.2020. " + sentence + "\n"
    assert extract_text(text, name="t.txt").deadlines == ()


NEWS = "Bericht aus dem Stadtrat vom 12.03.2025\n\n"
DECIDED = "Niederschrift vom 12.03.2025\n\nBeschluss:\n"


def test_a_resolution_item_where_the_administration_informs_in_the_present_is_a_report() -> None:
    text = (
        "Niederschrift über die Sitzung der Gemeindevertretung vom 12.03.2025\n\nBeschluss:\n"
        "1. Die Satzung wird beschlossen.\n"
        "2. Die Verwaltung unterrichtet den Ausschuss vierteljährlich über den Fortgang.\n"
    )
    assert [r.recurrence for r in extract_text(text, name="t.txt").reports] == ["quarterly"]


def test_a_follow_up_list_reads_the_extended_term_and_the_legends_done_letter() -> None:
    text = (
        "Erledigungsübersicht zum 28.02.2025\n\n"
        "Legende Status: E = erledigt, B = in Bearbeitung, V = verzögert\n\n"
        "Nr. | Beschl.-Datum | Gegenstand | Frist alt | Frist neu | St.\n"
        "01 | 23.01.2024 | Neubau Kinderkrippe | 30.06.2024 | – | E\n"
        "02 | 23.01.2024 | Erlass einer Stellplatzsatzung | 31.12.2024 | 30.06.2025 | V\n"
        "03 | 24.09.2024 | Beschaffung Hubrettungsfahrzeug | 30.06.2025 | – | B\n"
    )
    deadlines = extract_text(text, name="t.txt").deadlines
    # two rows due the same day are two tasks; the done row and the replaced term are gone
    assert sorted((d.date, d.text.split(" | ")[0]) for d in deadlines) == [
        (date(2025, 6, 30), "Beschaffung Hubrettungsfahrzeug"),
        (date(2025, 6, 30), "Erlass einer Stellplatzsatzung"),
    ]


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        # a meeting's day set for it (a work's completion set for a day stays a limit)
        (
            "Zuvor ist die Abstimmung mit den Fachbehörden abzuschließen, die für den 30.09.2025 "
            "angesetzt ist.",
            True,
        ),
        ("Die Fertigstellung ist nunmehr fest für den 30.09.2025 terminiert.", False),
        # what was reached by a day
        (
            "Von den Investitionsauszahlungen sind bis 30.09.2025 erst 2,1 Mio. EUR abgeflossen.",
            True,
        ),
        # a status's day
        ("Die Berichte stellen den Stand zum 30. Juni und zum 30.09.2025 dar.", True),
        ("Der Standortvorschlag wird bis zum 30.09.2025 vorgelegt.", False),
        # a state that lasts until then
        ("Die Mittel bleiben gesperrt, bis zum 30.09.2025.", True),
    ],
)
def test_a_day_no_duty_hangs_on_is_set_aside(sentence: str, held: bool) -> None:
    term = next(t for t in find_terms(sentence, DateContext()) if t.date == date(2025, 9, 30))
    assert obligations._set_aside(sentence, term, False) is held


def test_an_outing_planned_for_a_day_takes_place() -> None:
    assert obligations._takes_place(
        "Der nächste Stadtteilspaziergang mit dem Baudezernenten ist für den 24. Mai 2025 geplant."
    )


def test_a_member_of_the_fdp_moves_as_any_member_and_an_office_does_not() -> None:
    moved = (
        "Herr Seidel (FDP) regt an, dem Ausschuss halbjährlich zu berichten.",
        "Herr Voß (FD 61) regt an, dem Ausschuss halbjährlich zu berichten.",
    )
    assert member_motions(moved, [None, None]) == {0}


def test_a_decisions_date_is_not_the_date_of_a_paper_it_cites() -> None:
    text = (
        "Beschlussauszug\naus der Sitzung des Kreistages vom 26.09.2024\n\n"
        "Beschluss: Der Kreistag nimmt den Bericht (Beschluss KT 21/044 vom 15.04.2021) zur "
        "Kenntnis.\n"
    )
    decision = extract_text(text, name="t.txt").decision
    assert decision is not None and decision.date != date(2021, 4, 15)


def test_a_numbered_item_where_the_administration_acts_in_the_present_is_no_agenda_row() -> None:
    text = (
        "Niederschrift über die Sitzung der Gemeindevertretung vom 12.03.2025\n\nBeschluss:\n"
        "1. Die Satzung wird beschlossen.\n"
        "2. Die Verwaltung prüft die Einrichtung einer Außenstelle und erarbeitet halbjährlich "
        "einen Bericht.\n"
    )
    assert [r.recurrence for r in extract_text(text, name="t.txt").reports] == ["half-yearly"]


@pytest.mark.parametrize(
    "text",
    [
        # the administration telling its own next step
        "Antwort der Verwaltung vom 14.10.2025\n\nErgänzend teilt die Verwaltung mit, dass sie "
        "dem Ausschuss bis zum 31.03.2026 einen Vorschlag zur Gestaltung vorlegen wird.\n",
        # a resolution labelled with its amended form
        "Niederschrift über die Sitzung des Kreistages vom 12.03.2025\n\nBeschluss (in der "
        "geänderten Fassung):\n1. Der Kreistag beauftragt den Landrat, ein Konzept zu erarbeiten.\n"
        "2. Die Verwaltung klärt mit der VRL bis zum 31.03.2026, welche Fördermittel genutzt "
        "werden.\n",
        # the administration as the subject after the verb
        "Bericht aus dem Stadtrat vom 12.03.2025\n\nÜber den Stand der Datenerhebung berichtet "
        "die Verwaltung im Bauausschuss bis zum 31.03.2026.\n",
        # a council expecting a report
        "Bericht aus dem Stadtrat vom 12.03.2025\n\nEinen ersten Sachstandsbericht erwartet der "
        "Kreistag bis zum 31.03.2026.\n",
    ],
)
def test_an_obligation_told_in_these_forms_is_read(text: str) -> None:
    assert date(2026, 3, 31) in [d.date for d in extract_text(text, name="t.txt").deadlines]


def test_an_invitations_request_to_confirm_attendance_binds_no_one() -> None:
    text = (
        "Einladung vom 14.11.2025\n\nDie Vertreterinnen und Vertreter der freien Träger werden "
        "gebeten, ihre Anwesenheit bis 24.11.2025 zu bestätigen.\n"
    )
    assert extract_text(text, name="t.txt").deadlines == ()


def test_a_fall_told_after_another_proposal_or_of_an_amendment_leaves_the_order_standing() -> None:
    decided = (
        "Bericht aus dem Stadtrat – Sitzung vom 8. Mai 2025\n\nTOP 3 – Spielplätze\n"
        "Auf unseren Antrag hin hat der Stadtrat mit 24 zu 7 Stimmen beschlossen: Die Verwaltung "
        "hat bis zum Jahresende ein Spielplatzkonzept zu erarbeiten.\n\n"
        "Die Debatte war lebhaft.\n\n"
    )
    for fall in (
        "Die CDU wollte das Konzept auf die Kernstadt beschränken. Dieser Antrag wurde abgelehnt.",
        "Die CDU wollte das Konzept auf die Kernstadt beschränken.\n\nDie AfD hielt das Konzept "
        "für überflüssig.\n\nDieser Änderungsantrag wurde abgelehnt.",
    ):
        dates = [d.date for d in extract_text(decided + fall + "\n", name="t.txt").deadlines]
        assert date(2025, 12, 31) in dates, fall


@pytest.mark.parametrize(
    ("head", "sentence"),
    [
        (
            NEWS,
            "Ihr Antrag, die Verwaltung solle bis zum 30.06.2026 ein Konzept für Photovoltaik "
            "vorlegen, fand nur fünf Stimmen.",
        ),
        (
            NEWS,
            "Abgelehnt hat der Stadtrat einen Antrag der Grünen-Fraktion, bis zum 30.06.2026 "
            "ein Radverkehrskonzept erstellen zu lassen.",
        ),
        (
            DECIDED,
            "Ein Antrag der Grünen, die Verwaltung möge bis zum 30.06.2026 den Entwurf einer "
            "Satzung vorlegen, wurde nach kontroverser Debatte in die Fraktionen verwiesen.",
        ),
        (
            DECIDED,
            "Herr Pohl schlägt einen Bericht bis zum 30.06.2026 vor; dieser Vorschlag findet "
            "keine Mehrheit.",
        ),
        (
            NEWS,
            "Das Sitzungsprotokoll wird in der nächsten Sitzung am 30.06.2026 zur Bestätigung "
            "vorgelegt.",
        ),
        (NEWS, "Jäger haben Fallwild bis zum 30.06.2026 zu melden."),
        (
            NEWS,
            "Der Kreistag soll den Plan erst beschließen, wenn die Gemeinden, die bis zum "
            "30.06.2026 Gelegenheit zur Stellungnahme haben, gehört sind.",
        ),
    ],
)
def test_what_fell_was_referred_or_binds_others_is_no_deadline(head: str, sentence: str) -> None:
    text = head + sentence + "\n"
    assert date(2026, 6, 30) not in [d.date for d in extract_text(text, name="t.txt").deadlines]


def test_a_motion_quoted_as_it_was_tabled_is_shown_not_recorded() -> None:
    text = (
        "Niederschrift vom 12.12.2024\n\nTOP 5 Haushalt\nWortlaut des Änderungsantrages in der "
        "eingereichten Fassung: „Die Mehrerträge werden gestrichen. Die Verwaltung legt bis zum "
        "31. März 2025 eine überarbeitete Satzung vor.“\nBeschluss (geänderte Fassung):\n"
        "1. Die Verwaltung legt dem Stadtrat bis zum 30. September 2025 eine Satzung vor.\n"
    )
    extraction = extract_text(text, name="t.txt")
    assert [d.date for d in extraction.deadlines] == [date(2025, 9, 30)]
    assert "doubt:past_motion" in [r.rule for r in extraction.review]


@pytest.mark.parametrize(
    "sentence",
    [
        # the school's lessons, no one informed
        "Das Richtfest ist für das Frühjahr 2025 geplant, der Unterricht im neuen Gebäude soll "
        "zum Schuljahr 2026/27 beginnen.",
        # the day a period ends, the act after it
        "Der Zuschlag für die Rohbauarbeiten soll nach Ablauf der Bindefrist am 28.05.2025 "
        "erteilt werden.",
    ],
)
def test_a_sentence_that_owes_nothing_records_nothing(sentence: str) -> None:
    extraction = extract_text("Mitteilung vom 12.04.2025\n\n" + sentence + "\n", name="t.txt")
    assert extraction.deadlines == () and extraction.reports == ()


@pytest.mark.parametrize(
    "text",
    [
        # an order to fill a post (not a vacancy's notice)
        "Beschlussvorlage\nDatum: 09.12.2024\n\nBeschlussvorschlag:\n4. Die Verwaltung wird "
        "beauftragt, die Stelle der stellvertretenden Betriebsleitung bis zum 31.03.2026 zu "
        "besetzen.\n",
        # a requested item with a phrase added after its infinitive
        "Beschluss vom 21.11.2024\n\nDie Bezirksamtsleitung wird gebeten,\n\n1. bis Ende des "
        "1. Quartals 2026 ein Beteiligungsformat durchzuführen, etwa in Zusammenarbeit mit den "
        "Grundschulen,\n2. dem Ausschuss darüber zu berichten.\n",
        # the office reporting, the time first
        "Niederschrift vom 12.03.2025\n\nBeschluss:\n3. Zur Sitzung am 31.03.2026 erstattet das "
        "Amt einen Zwischenbericht über den Stand der Planung.\n",
    ],
)
def test_an_order_in_these_forms_is_read(text: str) -> None:
    assert date(2026, 3, 31) in [d.date for d in extract_text(text, name="t.txt").deadlines]


def test_a_decision_told_in_the_pluperfect_is_history_not_the_papers_outcome() -> None:
    text = (
        "Beschluss\nder 18. Sitzung des Kreistages vom 26.03.2025\n\nDer Kreistag beschließt:\n\n"
        "1. Der Landrat wird beauftragt, den Betrieb des Pflegestützpunktes spätestens zum "
        "1. Oktober 2025 aufzunehmen.\n\nBegründung:\nDer Kreistag hatte einen entsprechenden "
        "Antrag am 7. Juli 2022 noch mit Verweis auf die Haushaltslage abgelehnt.\n"
    )
    extraction = extract_text(text, name="t.txt")
    assert extraction.decision is None or extraction.decision.outcome != "rejected"
    assert date(2025, 10, 1) in [d.date for d in extraction.deadlines]


def test_the_items_of_a_request_made_in_the_active_are_read() -> None:
    text = (
        "Niederschrift vom 12.03.2025\n\nDer Ortschaftsrat fordert die Stadtverwaltung auf,\n"
        "– zusätzliche Plätze zu schaffen;\n"
        "– bis zum 30.06.2025 eine Begehung des Feuerwehrgerätehauses durchzuführen.\n"
    )
    assert date(2025, 6, 30) in [d.date for d in extract_text(text, name="t.txt").deadlines]

"""Decisions stated in prose on pages that record them (each rule of ``PROSE_RULES``)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.documents import extract_text
from tracker.documents.decisions import PROSE_RULES, passive_result, prose_decision, vote_tally

# a TOP page without a number and without a decision label
HEAD = (
    "Sitzung des Gemeinderates am 12.02.2025\nTOP 5 Sanierung der Turnhalle\n"
    "Sachverhalt: Die Halle ist alt und muss saniert werden, die Kosten betragen 20.000 EUR.\n"
)


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Der Antrag wurde mehrheitlich abgelehnt.", "rejected"),
        ("Der Gemeinderat lehnt den Antrag ab.", "rejected"),
        ("Dem Antrag wird nicht zugestimmt.", "rejected"),
        ("Der Bericht wurde zur Kenntnis genommen.", "noted"),
        ("Der Punkt wurde von der Tagesordnung abgesetzt.", "deferred"),
        ("Die Beratung wird in der nächsten Sitzung fortgesetzt.", "deferred"),
        ("Der Antrag wurde zur weiteren Beratung an den Hauptausschuss überwiesen.", "referred"),
        ("Der Antrag wurde von der Antragstellerin zurückgezogen.", "withdrawn"),
        ("Der Antrag hat sich damit erledigt.", "disposed"),
        ("Der Ortsrat empfiehlt, dem Antrag zu folgen.", "recommended"),
        ("Der Gemeinderat beschließt mit den Änderungen des Bauausschusses.", "adopted_amended"),
        ("Der Stadtrat billigt den Entwurf.", "adopted"),
        ("Der Kreistag folgt dem Beschlussvorschlag der Verwaltung.", "adopted"),
        ("Der Gemeinderat fasst folgenden Beschluss: Die Halle wird saniert.", "adopted"),
        ("Der Gemeinderat wählt Herrn Müller zum Schiedsmann.", "adopted"),
        ("Der Gemeinderat erteilt das gemeindliche Einvernehmen.", "adopted"),
        # the refusal is the decision's content; the decision itself was taken
        ("Das gemeindliche Einvernehmen wird nicht erteilt.", "adopted"),
        (
            "Der Gemeinderat stellt die Jahresrechnung 2023 fest und erteilt dem Bürgermeister "
            "Entlastung.",
            "adopted",
        ),
        ("Der Gemeinderat stimmt ohne Gegenstimme für diese Bauweise.", "adopted"),
        ("Der Ortsrat fasste den einstimmigen Beschluss, die Gebühren zu senken.", "adopted"),
        ("Der Kreistag billigte den Entwurf.", "adopted"),
        ("Der Rat beschloss die Satzung.", "adopted"),
        (
            "Der Feuerwehrausschuss der Verbandsgemeinde Trier-Land empfiehlt dem "
            "Verbandsgemeinderat einstimmig, die Beschaffung zu beschließen.",
            "recommended",
        ),
        (
            "Der Jugendhilfeausschuss nimmt die Präsentation des Sozialberichts 2013 durch Herrn "
            "Mrosek und Frau Berger zur Kenntnis.",
            "noted",
        ),
        # the verb before the council (a clause that opens with something else)
        ("Mit 18 Ja- und 3 Neinstimmen beschloss der Gemeinderat dies.", "adopted"),
        ("Das hat der Gemeinderat am Mittwoch, 1. Juni, einstimmig beschlossen.", "adopted"),
        ("Nach langer Debatte lehnte der Ausschuss den Antrag ab.", "rejected"),
        ("Der Kreistag beschließt bei 2 Gegenstimmen und 5 Stimmenthaltungen.", "adopted"),
        ("Der Gemeinderat fasste folgende Beschlüsse.", "adopted"),
        ("Der Gemeinderat erklärte sein Einverständnis zur Erweiterung.", "adopted"),
        ("Die Stadtverordneten sind einstimmig dafür, den TOP vorzuziehen.", "adopted"),
        ("Nach kurzer Aussprache wurde dieser einstimmig beschlossen.", "adopted"),
        # the council first, the decision in the perfect (a date's and a paragraph's periods
        # inside the sentence)
        (
            "Der Gemeinderat Amtsberg hat in seiner Sitzung am 21.09.2015 beschlossen, "
            "die Halle zu sanieren.",
            "adopted",
        ),
        (
            "Der Ortsgemeinderat hat auf Grund des § 24 Abs. 1 GemO am 27. Juni 2019 folgende "
            "Satzung beschlossen:",
            "adopted",
        ),
        ("Der Gemeinderat hat deshalb der vorgelegten Planung zugestimmt.", "adopted"),
        ("Der Ausschuss hatte den Antrag mehrheitlich abgelehnt.", "rejected"),
        # a vote recorded in the passive, whatever the subject
        ("Die Berufungen wurden einstimmig beschlossen.", "adopted"),
        ("Einstimmig wurde beschlossen, den Anteil zu erhöhen.", "adopted"),
        ("In der Sitzung vom 26.06.2018 wurden folgende Beschlüsse gefasst:", "adopted"),
        ("Die Satzung wurde am 12.12.2024 von der Gemeindevertretung beschlossen.", "adopted"),
        ("Die Resolution wurde mit großer Mehrheit abgelehnt.", "rejected"),
        # a vote told in the past, a present order with its vote
        ("Der Gemeinderat stellte einstimmig fest, dass kein Hinderungsgrund besteht.", "adopted"),
        ("In offener Abstimmung wählte der Stadtrat Herrn Meier zum Schiedsmann.", "adopted"),
        ("Der Rat beauftragt einstimmig die Verwaltung mit Verhandlungen.", "adopted"),
        ("Der Beschluss wurde angenommen.", "adopted"),
        ("Abstimmung: Ja 12, Nein 3, Enthaltung 1", "adopted"),
        ("Ja-Stimmen: 10 Nein-Stimmen: 2 Enthaltungen: 0", "adopted"),
        ("Abstimmungsergebnis: 4 Ja-Stimmen, 9 Nein-Stimmen", "rejected"),
        # the council as the agent of a passive, more verbs of deciding, a headline's result
        ("Die Wahlen wurden vom Gemeinderat einstimmig für gültig erklärt.", "adopted"),
        (
            "Frau B. wurde am 13. Dezember 2018 durch den Stadtrat zur Beauftragten bestellt.",
            "adopted",
        ),
        (
            "Damit wurde Herr Meyer mit der notwendigen Mehrheit zum Amtsvorsteher gewählt.",
            "adopted",
        ),
        ("Der Stadtrat beauftragte zudem den Oberbürgermeister mit der Ausfertigung.", "adopted"),
        ("Der Gemeinderat erteilte zu 3 Bauanträgen das gemeindliche Einvernehmen.", "adopted"),
        ("Die Ausschussmitglieder stimmen mehrheitlich dafür.", "adopted"),
        ("Der Beschluss erfolgte einstimmig.", "adopted"),
        ("Bei der Wahl entschied sich die Mehrheit der Gemeinderäte für Herrn Karger.", "adopted"),
        # the verb before the matter, after an opening phrase
        ("Fast bei Stimmengleichheit wurde unser Antrag abgelehnt.", "rejected"),
        # a strong verb's past, two bodies deciding together, consent told after the verb,
        # the members named in both genders
        (
            "Der Gemeinderat sprach sich dafür aus, den Auftrag an den Zweckverband zu erteilen.",
            "adopted",
        ),
        (
            "Der Ortschaftsrat und der Gemeinderat fassten den einstimmigen Beschluss, den "
            "Wärmepreis zu erhöhen.",
            "adopted",
        ),
        ("Mit dieser Vorgehensweise war der Gemeinderat einstimmig einverstanden.", "adopted"),
        # the decisions announced, a matter led by "ein"
        ("Folgende Beschlüsse wurden durch den Gemeinderat gefasst:", "adopted"),
        (
            "Ein gemeinsamer Antrag aller Fraktionen wurde in der letzten Sitzung beschlossen.",
            "adopted",
        ),
        (
            "Dennoch haben alle anwesenden Kreisrätinnen und Kreisräte dem Vorhaben zugestimmt.",
            "adopted",
        ),
        (
            "In der Sitzung vom 27.09.2021 wurde die Beschaffung eines Defibrillators beschlossen.",
            "adopted",
        ),
    ],
)
def test_a_decision_in_prose_on_a_top_page(sentence: str, outcome: str) -> None:
    decision = extract_text(HEAD + sentence + "\n", name="t.txt").decision
    assert decision is not None and decision.outcome == outcome


def test_the_approval_of_the_minutes_is_not_the_items_decision() -> None:
    assert prose_decision("Die Niederschrift der letzten Sitzung wurde genehmigt.") is None


def test_a_motion_that_proposes_records_no_decision() -> None:
    text = (
        "Antrag der Fraktion XY\nBetreff: Sanierung der Turnhalle\n\nBeschlussvorschlag:\n"
        "Der Gemeinderat beschließt die Sanierung der Turnhalle.\n"
    )
    assert extract_text(text, name="a.txt").decision is None


def test_a_decision_told_in_the_past_counts_on_a_page_of_unknown_kind() -> None:
    # a news page on a session: no TOP, no label; the council's decision told in the past
    text = "Gebühren steigen in zwei Stufen\nDas hat der Stadtrat in seiner Sitzung beschlossen.\n"
    decision = extract_text(text, name="n.txt").decision
    assert decision is not None and decision.outcome == "adopted"


def test_the_agenda_approved_in_the_inverted_order_is_not_the_items_decision() -> None:
    text = "Der Erweiterung der Tagesordnung stimmte der Gemeinderat einstimmig zu."
    assert prose_decision(text) is None


def test_a_perfect_without_its_participle_is_no_decision() -> None:
    assert prose_decision("Seit Jahren hat der Gemeinderat keine Mittel für die Halle.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Gemeinderat hat noch nicht beschlossen, ob die Halle saniert wird.",
        # "hat" as a full verb, the participle in a passive to come
        "Der Rat hat bisher das Recht, dass vorher beschlossen werden muss, wer Akten sieht.",
        "Der Rat hat bisher das Recht; es muss vorher beschlossen werden.",
        # a result told as history
        "Im Haushalt 2023 wurde der Antrag damals knapp abgelehnt.",
    ],
)
def test_a_perfect_not_yet_taken_or_a_passive_to_come_is_no_decision(sentence: str) -> None:
    assert prose_decision(sentence) is None


def test_the_minutes_approved_in_the_passive_are_not_the_items_decision() -> None:
    assert prose_decision("Das Protokoll der letzten Sitzung wurde einstimmig angenommen.") is None


def test_a_vote_count_far_from_its_counterpart_is_no_tally() -> None:
    text = "Ja 12 Teilnehmer kamen. " + "x " * 60 + "Nein 3"
    assert vote_tally(text) is None


def test_every_prose_rule_is_registered_by_name() -> None:
    assert all(rule.__name__ == name for name, rule in PROSE_RULES.items())


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a party page: the motion with its status line
        ("Akteneinsichtsrecht für die Mitglieder des Gemeinderates\n\n– angenommen –\n", "adopted"),
        (
            "Antrag: Photovoltaik\n- Status:\n- einstimmig angenommen\nDafür 15\nDagegen 0\n",
            "adopted",
        ),
        # an empty label: the first sentence below it
        (
            "TOP 3 Hundeverein\nBeschluss:\nDer\nAusschuss für Stadtentwicklung spricht sich "
            "einstimmig\nbei einer Stimmenthaltung dafür aus, dem Verein zu helfen.\n",
            "adopted",
        ),
    ],
)
def test_a_result_line_or_the_sentence_below_a_label(text: str, outcome: str) -> None:
    decision = extract_text(text, name="p.txt").decision
    assert decision is not None and decision.outcome == outcome


def test_the_sentence_below_an_empty_label_stops_at_the_next_label() -> None:
    # the votes below the label, not the next matter's words ("Ablehnungs- bzw.
    # Hinderungsgründe")
    text = (
        "Beschlüsse Stadtrat 02.10.2025\n\nBeschluss-Nr. 1-12/2025:\n\nDer Stadtrat stellt das "
        "Ausscheiden von Frau H. fest.\n\nAbstimmungsergebnis:\n\n24    Ja-Stimmen\n"
        "einstimmig\n\n\n"
        "Beschluss-Nr. 2-12/2025:\n\nDer Stadtrat stellt fest, dass bei Herrn G. keine "
        "Ablehnungs- bzw. Hinderungsgründe vorliegen.\n"
    )
    decision = extract_text(text, name="p.txt").decision
    assert decision is not None and decision.outcome == "adopted"


def test_a_bare_participle_ending_a_wrapped_sentence_is_no_result() -> None:
    text = "Bericht\nErste Vorabmaßnahmen wurden bereits\nbeschlossen.\nDie Sanierung folgt.\n"
    assert extract_text(text, name="b.txt").decision is None


def test_the_resolution_formula_below_a_label_is_a_proposal() -> None:
    text = (
        "Vorlage\nBeschluss:\nAntrag an den Gemeinderat\nDer Gemeinderat beschließt:\n"
        "1. Das Budget wird erhöht.\n"
    )
    assert extract_text(text, name="v.txt").decision is None


@pytest.mark.parametrize(
    "text",
    [
        # a paper printed with its vote form: counted votes are a record whatever the paper
        "Beschlussvorlage\nBetreff: Neufassung der Friedhofssatzung\n\nBeschlussvorschlag:\n"
        "Der Gemeinderat beschließt die Neufassung.\n\nAbstimmungsergebnis\ndafür:\n\n12\n\n"
        "dagegen:\n\n0\n\nEnthaltungen:\n\n0\n",
        # a gazette prints the decision in the present
        "Amtsblatt der Stadt Burg\n\nDer Stadtrat der Stadt Burg beschließt die Satzung über "
        "Sondernutzungen.\n",
    ],
)
def test_a_vote_form_or_a_gazette_records_the_decision(text: str) -> None:
    decision = extract_text(text, name="v.txt").decision
    assert decision is not None and decision.outcome == "adopted"


def test_a_headlines_result_without_its_verb_is_a_decision() -> None:
    decision = PROSE_RULES["voted"](
        "Antrag in der Gemeindevertretung mit großer Mehrheit angenommen\n"
    )
    assert decision is not None and decision.outcome == "adopted"


def test_a_postponement_told_in_the_past_or_headed_on_a_page_of_unknown_kind() -> None:
    text = (
        "Kindergartenausbauberatung wird vertagt\n\n06/2015\n\nBei der Sitzung am 15. Juni 2015 "
        "wird der Punkt von der Tagesordnung genommen. Ein Antrag folgt.\n"
    )
    decision = extract_text(text, name="t.txt").decision
    assert decision is not None and decision.outcome == "deferred"
    told = PROSE_RULES["postponement"]("Deshalb wurden die beiden TOP für den Friedhof vertagt.")
    assert told is not None and told.outcome == "deferred"


def test_a_result_line_without_adverb_is_a_decision() -> None:
    decision = prose_decision("TOP 4\nAntrag angenommen mit 28 Ja bei 1 Enthaltung (SPD)\n")
    assert decision is not None and decision.outcome == "adopted"


def test_a_decision_label_in_capitals_is_the_same_label() -> None:
    text = (
        "Sitzung des Gemeinderates am 12.02.2025\nTOP 5 Kostenrahmen Turnhalle\n"
        "BESCHLUSS:\nMit dem Kostenrahmen in Höhe von 3,4 Mio € besteht Einverständnis.\n"
    )
    decision = extract_text(text, name="t.txt").decision
    assert decision is not None and decision.outcome == "adopted"


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Gemeinderat vergab den Auftrag an die Firma Müller.",
        "Der Auftrag wurde an die Firma Müller vergeben.",
        "Einstimmig setzte das Gremium ein Limit von 110.000 € fest.",
        "Mit 15 Ja-Stimmen votiert der Gemeinderat für den Erhalt der Kugel.",
        "Der Gemeinderat folgte der Empfehlung des Bauausschusses.",
        "Der Stadtrat segnete den Haushalt ab.",
        "Der Rat bestellte Frau Meier zur Schiedsperson.",
        "Die Jahresrechnung 2022 wurde festgestellt.",
        "Abstimmung einstimmig",
        "- mehrheitliche Zustimmung -",
        "Einstimmig angenommen.",
        "Beschlossen mit 12:3 Stimmen.",
    ],
)
def test_more_ways_a_record_tells_an_adoption(sentence: str) -> None:
    decision = extract_text(f"Aus dem Gemeinderat\n\n{sentence}\n", name="d.txt").decision
    assert decision is not None and decision.outcome == "adopted"


def test_the_quorum_established_is_no_decision() -> None:
    text = (
        "Aus dem Gemeinderat\n\nDie ordnungsgemäße Ladung und Beschlussfähigkeit werden "
        "festgestellt.\n"
    )
    assert extract_text(text, name="d.txt").decision is None


def test_a_vote_on_the_urgency_is_not_the_matters_decision() -> None:
    decision = vote_tally(
        "Die Dringlichkeit wird mit 24 Ja-Stimmen bei 12 Nein-Stimmen bejaht.\n"
        "Der Antrag wird sodann mit 11 Ja-Stimmen, 25 Nein-Stimmen und 2 Enthaltungen abgelehnt."
    )
    assert decision is not None and decision.outcome == "rejected"


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Fraktionsvorsitzende erklärt, die Fraktion ziehe den Antrag zurück.",
        "Der Änderungsantrag wird von den Antragstellern zurückgezogen.",
        "Der Antrag wurde in der Sitzung der Bezirksversammlung von der antragstellenden "
        "Fraktion zurückgezogen.",
        "Die Vorsitzende des Jugendbeirats hat den Antrag daraufhin in der Sitzung zurückgezogen.",
    ],
)
def test_a_motion_withdrawn_by_its_movers(sentence: str) -> None:
    decision = PROSE_RULES["withdrawn"](sentence)
    assert decision is not None and decision.outcome == "withdrawn"


def test_the_labelled_result_line_outweighs_a_vote_told_before_it() -> None:
    decision = vote_tally(
        "Die CDU-Fraktion beantragt, zunächst eine Sammelbeschaffung zu prüfen. Dieser Antrag "
        "wird mit 12 Ja- zu 17 Nein-Stimmen bei 1 Enthaltung abgelehnt.\nBeschluss:\nDie "
        "Verwaltung wird beauftragt, die Ausschreibung vorzubereiten.\n"
        "Abstimmungsergebnis: 29 Ja, 0 Nein, 1 Enthaltung\n"
    )
    assert decision is not None and decision.outcome == "adopted"


def test_a_postponements_target_is_not_the_day_of_its_decision() -> None:
    text = (
        "Niederschrift über die Sitzung des Gemeinderates am 12.03.2025\n\nTOP 5 Spielplätze\n"
        "Beschluss:\nDer Tagesordnungspunkt wird zurückgestellt und in der Sitzung am 30.09.2025 "
        "erneut beraten.\nAbstimmungsergebnis: einstimmig\n"
    )
    extraction = extract_text(text, name="t.txt")
    assert extraction.decision is not None and extraction.decision.outcome == "deferred"
    assert extraction.decision.date != date(2025, 9, 30)
    # the target is the postponement's term, no longer a meeting date skipped
    assert [d.date for d in extraction.deadlines] == [date(2025, 9, 30)]


def test_the_labelled_result_line_outweighs_a_motion_voted_down_before_it() -> None:
    text = (
        "Auszug aus der Niederschrift über die öffentliche Sitzung des Gemeinderates am "
        "26.03.2019\n\n§ 27 Nachmittagsbetreuung an der Grundschule\n\n"
        "Der Antrag von GR Bauer, zusätzlich eine Ferienbetreuung einzurichten, wurde mit 4 : 9 "
        "Stimmen abgelehnt.\n\nBeschluss:\n1. Die Gemeinde richtet eine Nachmittagsbetreuung ein.\n"
        "2. Der Trägervertrag ist bis Mitte 2019 abzuschließen.\n\n"
        "Abstimmungsergebnis: Ja 12, Nein 1, Enthaltung 0\n"
    )
    extraction = extract_text(text, name="a.txt")
    assert extraction.decision is not None and extraction.decision.outcome == "adopted"
    assert [d.date for d in extraction.deadlines] == [date(2019, 6, 30)]


def test_a_count_that_agrees_leaves_the_decision_told_in_prose() -> None:
    text = (
        "Der Bauausschuss empfiehlt dem Gemeinderat, dem Bauantrag zuzustimmen.\n"
        "Abstimmungsergebnis: Ja 7, Nein 0\n"
    )
    decision = prose_decision(text)
    assert decision is not None and decision.outcome == "recommended"


def test_an_amendment_that_fell_is_not_the_matters_outcome() -> None:
    assert passive_result("Der Änderungsantrag der CDU wurde mehrheitlich abgelehnt.") is None
    decision = passive_result("Der Antrag der CDU wurde mehrheitlich abgelehnt.")
    assert decision is not None and decision.outcome == "rejected"

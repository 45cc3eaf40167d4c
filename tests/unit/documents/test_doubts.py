"""Given a sentence whose time is in doubt by its structure, then it is shown for review and
not recorded as an obligation (decision 0023).

Each doubt rule's case is also read with that rule taken out of the registry: the term is
then recorded, so every case fails without its rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.documents import doubts, extract_text
from tracker.documents.doubts import DOUBT_RULES

HEAD = "Drucksache - 0815/V\nBetreff: Spielplätze sanieren\nDrucksache-Art:Antrag\n\n"
DATED = HEAD.replace("\n\n", "\nDatum: 12.03.2024\n\n")

#: rule, document text, the date recorded when the rule is taken out
CASES = [
    (
        "group_demand",
        DATED + "Die SPD-Fraktion fordert die Stadtverwaltung auf, bis zum 30.09.2025 einen "
        "Zeitplan für das Hallenbad vorzulegen.",
        date(2025, 9, 30),
    ),
    (
        "group_demand",
        DATED + "Für die CDU-Fraktion ist klar: Die Stadt muss bis zum 30.09.2025 ein "
        "Nachnutzungskonzept vorlegen.",
        date(2025, 9, 30),
    ),
    (
        "attributed",
        DATED + "Die Kreisumlage soll nach Plänen des Landkreises bis zum 30.09.2025 steigen.",
        date(2025, 9, 30),
    ),
    (
        "attributed",
        DATED + "Die Netzbetreiberin hat ihren Bauzeitenplan angepasst; nach ihrem aktuellen Plan "
        "soll der Ausbau bis zum 30.09.2025 abgeschlossen sein.",
        date(2025, 9, 30),
    ),
    (
        "private_body",
        DATED
        + "Die Ausschreibung sieht die Ausführung in den Ferien vor; der Auftragnehmer hat die "
        "Arbeiten bis zum 11.09.2025 abzuschließen.",
        date(2025, 9, 11),
    ),
    (
        "private_body",
        DATED + "Die Schlussrechnung ist vom Auftragnehmer bis zum 30.09.2025 vorzulegen.",
        date(2025, 9, 30),
    ),
    (
        "private_body",
        DATED + "2. Der Verein hat bis zum 31.01.2026 einen Verwendungsnachweis vorzulegen.",
        date(2026, 1, 31),
    ),
    (
        "private_body",
        HEAD + "Zu 2.: Das beauftragte Statikbüro wird sein Gutachten bis zum 30.06.2025 vorlegen.",
        date(2025, 6, 30),
    ),
    (
        "private_body",
        DATED + "Der Kunstverein legt der Hansestadt jährlich bis zum 30.04.2025 einen Sachbericht "
        "vor.",
        date(2025, 4, 30),
    ),
    (
        "statute",
        DATED + "Die Wärmeplanung ist nach dem Wärmeplanungsgesetz bis zum 30.06.2026 zu "
        "erstellen.",
        date(2026, 6, 30),
    ),
    (
        "other_body",
        DATED + "Zweitens hat die Senatsverwaltung für Bildung zugesagt, den Ergänzungsbau bis zum "
        "31.08.2025 fertigzustellen.",
        date(2025, 8, 31),
    ),
    (
        "other_body",
        DATED + "Nach einem Erlass des Hessischen Kultusministeriums sind die Schulen gehalten, "
        "ihre Konzepte bis zum 31.07.2025 zu aktualisieren.",
        date(2025, 7, 31),
    ),
    (
        "other_body",
        HEAD + "Die Verwaltung teilt mit, dass die Bezirksregierung angekündigt hat, über die "
        "Anträge bis Ende Mai 2025 zu entscheiden.",
        date(2025, 5, 31),
    ),
    (
        "private_body",
        HEAD + "Das beauftragte Planungsbüro wird sein Gutachten bis zum 30.06.2025 vorlegen.",
        date(2025, 6, 30),
    ),
    (
        "waived",
        DATED + "Mit dem heutigen Beschluss wird die Berichtspflicht zum 30.09.2025 aufgehoben.",
        date(2025, 9, 30),
    ),
    (
        "waived",
        HEAD + "Der Magistrat ist nicht verpflichtet, den Stadtverordneten bis zum 30.09.2025 "
        "über die Vergabe Rechenschaft abzulegen.",
        date(2025, 9, 30),
    ),
    (
        "waived",
        HEAD + "Von einer nochmaligen Befassung des Ortschaftsrats bis zum 30.09.2025 wird "
        "abgesehen.",
        date(2025, 9, 30),
    ),
    (
        "private_body",
        HEAD + "Der Pächter ist verpflichtet, die Gaststätte bis zum 30.09.2025 zu räumen.",
        date(2025, 9, 30),
    ),
    (
        "private_body",
        "Beschlussvorlage\nDatum: 12.03.2025\nBeschlussvorschlag:\nDer Gemeinderat nimmt den "
        "Bericht zur Kenntnis. Der Vorhabenträger rechnet mit der Genehmigung bis Ende 2025.\n",
        date(2025, 12, 31),
    ),
    (
        "statute",
        HEAD + "Ein Bürgerbegehren muss nach der Gemeindeordnung bis zum 30.09.2025 eingereicht "
        "werden.",
        date(2025, 9, 30),
    ),
    (
        "asked",
        HEAD + "Stadtverordnete Schneider bittet um Auskunft, ob der Magistrat bis zum 30.09.2025 "
        "über die Ergebnisse berichten kann.",
        date(2025, 9, 30),
    ),
    (
        "asked",
        HEAD + "Stadträtin Beyer fragt, was aus dem Vorschlag ihrer Fraktion geworden sei, bis zum "
        "31.12.2025 einen Spielplatzbedarfsplan vorzulegen.",
        date(2025, 12, 31),
    ),
    (
        "other_body",
        HEAD + "Die Schulen sind vom Land verpflichtet, bis zum 30.09.2025 ein Konzept vorzulegen.",
        date(2025, 9, 30),
    ),
    (
        # another party's word, the singular ("nach Angabe des Händlers")
        "attributed",
        HEAD + "Das Fahrzeug soll nach Angabe des Händlers bis zum 30.09.2025 ausgeliefert werden.",
        date(2025, 9, 30),
    ),
    (
        # the subject's own word
        "attributed",
        HEAD + "Der LBM wird die Anlieger nach eigener Ankündigung bis zum 30.09.2025 schriftlich "
        "informieren.",
        date(2025, 9, 30),
    ),
    (
        # a promise of another party, its object before the participle
        "reported_intent",
        HEAD + "Die Krankenkassen haben die Finanzierung bis zum 30.09.2025 zugesagt.",
        date(2025, 9, 30),
    ),
    (
        # the speaker's name before the party that announced
        "reported_intent",
        HEAD + "Die Bürgermeisterin: Der Landesrechnungshof hat angekündigt, seinen Bericht bis "
        "zum 30.09.2025 zu übersenden.",
        date(2025, 9, 30),
    ),
    (
        "other_body",
        HEAD + "Große Kreisstädte müssen bis zum 30.06.2026 einen Wärmeplan aufstellen.",
        date(2026, 6, 30),
    ),
    (
        # its own plan, told with the agency as the subject
        "other_body",
        HEAD + "Das Land plant, bis zum 30.09.2025 ein überarbeitetes Waldbrandschutzkonzept "
        "vorzulegen.",
        date(2025, 9, 30),
    ),
    (
        "other_body",
        HEAD + "Die Regierung von Niederbayern wird bis zum 30.09.2025 über den Förderantrag "
        "entscheiden.",
        date(2025, 9, 30),
    ),
    (
        # in a relative clause
        "other_body",
        HEAD + "Der Bürgermeister verweist auf den Landesbetrieb für Küstenschutz, der die "
        "Reparatur bis zum 30.09.2025 abschließen will.",
        date(2025, 9, 30),
    ),
    (
        # the subject after the verb
        "other_body",
        HEAD + "Zunächst müsse das Landesverwaltungsamt seinen Plan überarbeiten; das wolle die "
        "Behörde bis zum 30.09.2025 tun.",
        date(2025, 9, 30),
    ),
    (
        "private_body",
        HEAD + "Nach Abstimmung mit den Kommunen soll der Haushalt in einer Mitgliederversammlung "
        "im Oktober 2025 verabschiedet werden.",
        date(2025, 10, 31),
    ),
    (
        "private_body",
        HEAD + "Der Auftrag ist erteilt, die Fertigstellung durch die Firma ist bis zum "
        "30.04.2025 zugesagt.",
        date(2025, 4, 30),
    ),
    (
        # its promise, the subject after the verb
        "private_body",
        HEAD + "Die Auslieferung der Fahrzeuge hat der Bieter bis zum 30.04.2025 verbindlich "
        "zugesagt.",
        date(2025, 4, 30),
    ),
    (
        "private_body",
        HEAD + "Das Unternehmen hat die Betriebsaufnahme bis zum 30.09.2025 zugesagt.",
        date(2025, 9, 30),
    ),
    (
        "said",
        HEAD + "Mit der neuen Satzung noch bis zum 31.12.2025 müsse man die Bescheide "
        "verschicken, sagte Bürgermeister Mario Gerhold.",
        date(2025, 12, 31),
    ),
    (
        "negated_announcement",
        HEAD + "Demnach wird es bis Ende 2025 keine Lademöglichkeit in der Ortsmitte geben.",
        date(2025, 12, 31),
    ),
    (
        "asked",
        HEAD + "Wird die Verwaltung bis zum 30.06.2025 einen Bericht vorlegen.",
        date(2025, 6, 30),
    ),
    (
        "unreal_mood",
        HEAD + "Der Bericht würde bis zum 30.06.2025 vorgelegt werden, wenn der Rat es wünscht.",
        date(2025, 6, 30),
    ),
    (
        "forecast",
        HEAD + "Die Brücke wird voraussichtlich bis Ende 2026 fertiggestellt.",
        date(2026, 12, 31),
    ),
    (
        "forecast",
        HEAD + "Der Spielplatz wird bis Ende 2026 fertiggestellt, zeigte sich die Bürgermeisterin "
        "zuversichtlich.",
        date(2026, 12, 31),
    ),
    (
        # a bare year as the only limit, nobody asked, no administration named: an aim
        "distant_aim",
        HEAD + "Auf allen geeigneten städtischen Dächern sollen bis 2028 Photovoltaikanlagen "
        "entstehen.",
        date(2028, 12, 31),
    ),
    (
        "earliest",
        HEAD + "Die Sanierung wird frühestens bis Ende 2026 abgeschlossen.",
        date(2026, 12, 31),
    ),
    (
        "statute",
        HEAD + "Das Konzept ist gemäß § 79 Abs. 3 WG LSA bis zum 31.12.2025 fortzuschreiben.",
        date(2025, 12, 31),
    ),
    (
        "statute",
        HEAD + "Art. 8 Abs. 1 BayDSchG: Wer Bodendenkmäler auffindet, ist verpflichtet, dies bis "
        "zum 30.06.2025 der Unteren Denkmalschutzbehörde anzuzeigen.",
        date(2025, 6, 30),
    ),
    (
        "statute",
        HEAD + "Das Niedersächsische Windgesetz verpflichtet den Landkreis, bis Ende 2027 "
        "mindestens 2,38 Prozent seiner Fläche für die Windenergie auszuweisen.",
        date(2027, 12, 31),
    ),
    (
        "statute",
        HEAD + "Die Stadt ist nach der Polizeiverordnung verpflichtet, die Hecken an Gehwegen "
        "bis zum 31.07.2025 zurückzuschneiden.",
        date(2025, 7, 31),
    ),
    (
        "statute",
        HEAD + "Die Friedhofssatzung sieht vor, dass die Grabstätten bis zum 30.06.2025 "
        "hergerichtet sein müssen.",
        date(2025, 6, 30),
    ),
    (
        "other_body",
        HEAD + "Die Fahrpläne werden vom Verbund bis Ende Juli 2025 veröffentlicht.",
        date(2025, 7, 31),
    ),
    (
        "statute",
        HEAD + "Die Gemeindeordnung verpflichtet die Stadt, bis zum 31.12.2025 einen Bericht über "
        "ihre Beteiligungen vorzulegen.",
        date(2025, 12, 31),
    ),
    (
        "statute",
        HEAD + "Grundlage ist § 7 des Pflegegesetzes, wonach die Verwaltung bis zum 31.12.2025 "
        "eine Pflegeplanung vorzulegen hat.",
        date(2025, 12, 31),
    ),
    (
        "other_body",
        HEAD + "Die Senatsverwaltung für Bildung, Jugend und Familie hat zugesagt, bis zum "
        "30.06.2025 einen Standort zu benennen.",
        date(2025, 6, 30),
    ),
    (
        "other_body",
        HEAD + "Die Geschäftsführung wurde vom Aufsichtsrat gebeten, bis zum 30.06.2025 einen "
        "Bericht vorzulegen.",
        date(2025, 6, 30),
    ),
    (
        "group_demand",
        HEAD + "Die SPD fordert die Verwaltung auf, die Ausschreibung bis zum 31.12.2025 "
        "durchzuführen.",
        date(2025, 12, 31),
    ),
    (
        "past_motion",
        HEAD + "2. Die Worte „bis zum 31.03.2025“ werden durch „zeitnah“ ersetzt.",
        date(2025, 3, 31),
    ),
    (
        "noted",
        HEAD.replace("Antrag", "Beschlussvorlage")
        + "Beschlussvorschlag:\n1. Der Kreistag nimmt die Schülerzahlprognose der Berufsschulen "
        "bis zum 31.07.2034 zur Kenntnis.\n2. Die Verwaltung wird beauftragt, ein Raumprogramm zu "
        "erarbeiten.",
        date(2034, 7, 31),
    ),
    (
        "standing_period",
        HEAD + "Die Anträge sind bis zum 31.12.2025 jeweils 14 Tage vor der Sitzung vorzulegen.",
        date(2025, 12, 31),
    ),
    (
        "standing_period",
        HEAD + "Die Haushaltssatzung ist der Aufsichtsbehörde ab dem Jahr 2026 spätestens einen "
        "Monat vor Beginn des Haushaltsjahres vorzulegen.",
        None,
    ),
    (
        "standing_period",
        HEAD + "Die Zuschussempfänger haben die Verwendung innerhalb von drei Monaten nach "
        "Abschluss der Maßnahme nachzuweisen.",
        None,
    ),
    (
        "standing_period",
        HEAD + "Über Bauanträge ist binnen eines Monats nach Eingang zu entscheiden.",
        None,
    ),
    (
        "reported_intent",
        HEAD + "Die Klinikbetreiberin hat angekündigt, die Station zum 31.12.2025 zu schließen.",
        date(2025, 12, 31),
    ),
    (
        "reported_intent",
        HEAD + "Die Netzgesellschaft hat angeboten, eine Teststrecke bis zum 30.11.2025 "
        "auszustatten.",
        date(2025, 11, 30),
    ),
    (
        "attributed",
        HEAD + "Nach Fiedlers Worten soll das neue Taktnetz bis zum 31.12.2026 eingeführt werden.",
        date(2026, 12, 31),
    ),
    (
        "attributed",
        HEAD + "Die Gleisbauarbeiten sollen laut VBBr bis Mitte Mai 2025 dauern.",
        date(2025, 5, 15),
    ),
    (
        "attributed",
        HEAD + "Die Arbeiten sollen nach dem Zeitplan des Architekturbüros bis zum 30.09.2025 "
        "abgeschlossen sein.",
        date(2025, 9, 30),
    ),
    (
        "passed",
        DATED + "Die Sanierung wird bis Ende 2023 abgeschlossen.",
        date(2023, 12, 31),
    ),
    (
        "past_motion",
        HEAD + "Der ursprüngliche Antrag sieht vor, die Verwaltung zu beauftragen, bis zum "
        "31.03.2026 eine Vorplanung vorzulegen.",
        date(2026, 3, 31),
    ),
    (
        # the wording an amendment replaces
        "past_motion",
        HEAD + "(bisher: „Die Maßnahmen werden bis zum 31.12.2028 vollständig umgesetzt.“)",
        date(2028, 12, 31),
    ),
    (
        # a promise given before, told in the past perfect
        "past_motion",
        HEAD + "Der Landrat hatte im Frühjahr 2024 zugesagt, bis Ende 2025 einen "
        "Schulentwicklungsplan vorzulegen.",
        date(2025, 12, 31),
    ),
    (
        "past_motion",
        HEAD + "Die Antragsteller hatten beantragt, den Magistrat zu beauftragen, mit dem RMV bis "
        "30.06.2024 über eine Nachtbuslinie zu verhandeln.",
        date(2024, 6, 30),
    ),
    (
        "past_motion",
        HEAD + "Die Stadt Colditz hat mit Schreiben vom 14.04.2025 beantragt, die Umlage "
        "abzusenken und die Differenz bis zum 30.09.2025 zu erstatten.",
        date(2025, 9, 30),
    ),
    (
        "past_motion",
        HEAD + "Aus der Mitte des Rates wurde in der Sitzung am 27.06.2024 angeregt, den Rat bis "
        "zum 30.09.2025 über den Stand der Sanierung zu informieren.",
        date(2025, 9, 30),
    ),
    (
        "past_motion",
        HEAD + "Wir wollten die Verwaltung beauftragen, bis zum 30. September 2024 einen Bericht "
        "vorzulegen.",
        date(2024, 9, 30),
    ),
    (
        "past_motion",
        HEAD + "Vorgesehen war, die Verwaltung zu beauftragen, bis Ende April 2026 die Befragung "
        "abzuschließen.",
        date(2026, 4, 30),
    ),
    (
        "past_motion",
        HEAD + "Unser Antrag sah vor, die Kreisverwaltung zu beauftragen, bis zum 31.12.2025 "
        "ein Konzept vorzulegen.",
        date(2025, 12, 31),
    ),
]


def test_every_doubt_rule_is_registered_under_its_name_and_has_a_case() -> None:
    assert all(rule.__name__ == name for name, rule in DOUBT_RULES.items())
    assert {name for name, _, _ in CASES} == set(DOUBT_RULES)


@pytest.mark.parametrize(("rule", "text", "due"), CASES, ids=[c[0] for c in CASES])
def test_a_term_in_doubt_is_shown_for_review_not_recorded(rule: str, text: str, due: date) -> None:
    extraction = extract_text(text, name="t.txt")
    assert extraction.deadlines == () and extraction.reports == ()
    assert [r.reason for r in extraction.review if r.rule == f"doubt:{rule}"] == [
        "unread_obligation"
    ]


@pytest.mark.parametrize(("rule", "text", "due"), CASES, ids=[c[0] for c in CASES])
def test_without_its_rule_the_term_would_be_recorded(
    rule: str, text: str, due: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doubts, "DOUBT_RULES", {n: r for n, r in DOUBT_RULES.items() if n != rule})
    assert due in [d.date for d in extract_text(text, name="t.txt").deadlines]

"""The cues of the uncertainty signal: each rule, a phrase it marks and one it must not, and
the signal's tiers and structural exclusions in a whole document (decision 0021)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.documents import extract_text
from tracker.documents.cues import CUE_RULES, first_cue, strong_cue, time_cue
from tracker.documents.grammar import DateContext

DOC_2024 = DateContext(decision_date=date(2024, 3, 12))

# (rule, a sentence it marks, the phrase it reports)
MARKED = [
    ("month", "Das Konzept kommt im Oktober in den Ausschuss.", "Oktober"),
    ("part_of_year", "Die Arbeiten folgen nach den Osterferien.", "Osterferien"),
    ("deadline_noun", "Die Berichtsfrist ist einzuhalten.", "Berichtsfrist"),
    ("urgency", "Die Verwaltung soll zeitnah handeln.", "zeitnah"),
    ("recurrence", "Die Zahlen sind halbjährlich vorzulegen.", "halbjährlich"),
    ("recurrence", "Ein jährlicher Sachstandsbericht ist vorzulegen.", "jährlicher"),
    ("session_ahead", "Das Thema kommt in der nächsten Bauausschusssitzung.", None),
    ("session_ahead", "Die Vorlage wird um einen Sitzungsturnus vertagt.", "Sitzungsturnus"),
    ("date_ahead", "Der Plan ist am 15.05.2024 vorzustellen.", "15.05.2024"),
    ("date_ahead", "Die Unterlagen folgen zum 30.6.", "30.6."),
    ("year_ahead", "Die Verwaltung soll 2025 ausschreiben.", "soll 2025"),
    ("year_ahead", "Der Ausbau erfolgt im Jahr 2026.", "im Jahr 2026"),
    ("event_anchor", "Die Verwaltung berichtet nach Abschluss der Planung.", None),
    ("event_anchor", "Der Bau beginnt ab Inkrafttreten der Satzung.", None),
    ("report", "Der Sachstand ist darzustellen.", "Sachstand"),
    (
        "deliverable",
        "Der Bürgermeister wird beauftragt, einen Vorschlag zu erarbeiten, wie die Zusammenarbeit "
        "wachsen kann.",
        "einen Vorschlag",
    ),
]

# (rule, a sentence it must leave alone)
UNMARKED = [
    ("month", "Der Vertrag stammt vom Juni 2019.", DOC_2024),
    ("month", "Die Stadtbürgerschaft tagte am 04. Mai.", DOC_2024),
    ("month", "Der Rundgang vom 06. Juni fand großen Anklang.", DOC_2024),
    ("deadline_noun", "Der Sitzungstermin: Donnerstag.", DOC_2024),
    ("deadline_noun", "Die Ladungsfrist von 10 Tagen wurde nicht eingehalten.", DOC_2024),
    ("deadline_noun", "Bedenken gegen Form, Frist werden nicht erhoben.", DOC_2024),
    ("deadline_noun", "Er stellt die frist- und ordnungsgemäße Einladung fest.", DOC_2024),
    (
        "deadline_noun",
        "Er stellt fest, dass die Einladung frist- und formgerecht erfolgte.",
        DOC_2024,
    ),
    ("deadline_noun", "Der Vertrag ist 6 Wochen vor Kündigungsfrist kündbar.", DOC_2024),
    ("deadline_noun", "Nach Ablauf der Ruhefrist werden die Grabstellen vergeben.", DOC_2024),
    ("deadline_noun", "Während dieser Frist liegen die Unterlagen aus.", DOC_2024),
    ("date_ahead", "Das Schreiben vom 24.11.2024 liegt vor.", DOC_2024),
    ("date_ahead", "Die Zahlen von 2022 wurden am 03.02.2022 veröffentlicht.", DOC_2024),
    ("date_ahead", "Dieser TOP wird nach TOP 1.1. behandelt.", DOC_2024),
    ("date_ahead", "Berlin, den 13.01.2025", DOC_2024),
    ("date_ahead", "Die Sitzung des Rates am 13.06.2024 beginnt um 18 Uhr.", DOC_2024),
    ("year_ahead", "Das Haushaltsjahr 2025 schließt ausgeglichen.", DOC_2024),
    ("year_ahead", "Das Straßenbauprogramm 2019 bis 2023 liegt vor.", DOC_2024),
    ("year_ahead", "Die Kosten im Jahr 2019 waren hoch.", DOC_2024),
    ("event_anchor", "Der Rat stimmt nach Vorberatung im Ausschuss zu.", DOC_2024),
    ("event_anchor", "Die Gruppe trifft sich vor Ort.", DOC_2024),
    ("session_ahead", "Die Sitzungsvorlage braucht nicht behandelt zu werden.", DOC_2024),
    ("recurrence", "Die monatliche Grundgebühr bleibt unverändert.", DOC_2024),
    ("recurrence", "Dazu kommt ein jährlicher Zuschuss der Gemeinde.", DOC_2024),
    # a paper named, but asked of no one
    ("deliverable", "Der Rat beschließt das Konzept für die Innenstadt.", DOC_2024),
    ("deliverable", "Die Verwaltung hat ein Konzept zu erarbeiten begonnen.", DOC_2024),
]


@pytest.mark.parametrize(("rule", "sentence", "phrase"), MARKED)
def test_each_cue_rule_marks_its_phrase(rule: str, sentence: str, phrase: str | None) -> None:
    found = CUE_RULES[rule](sentence, DOC_2024)
    assert found is not None
    if phrase is not None:
        assert found == phrase
    # without the rule no other rule reads the sentence as this kind of cue
    others = {n: r for n, r in CUE_RULES.items() if n != rule}
    assert all(r(sentence, DOC_2024) != found for r in others.values()) or rule == "report"


@pytest.mark.parametrize(("rule", "sentence", "context"), UNMARKED)
def test_each_cue_rule_leaves_what_is_no_time(
    rule: str, sentence: str, context: DateContext
) -> None:
    assert CUE_RULES[rule](sentence, context) is None


def test_every_cue_rule_is_registered_under_its_name() -> None:
    assert all(rule.__name__ == name for name, rule in CUE_RULES.items())
    assert {r for r, _, _ in MARKED} == set(CUE_RULES)


def test_the_tiers_ask_for_more_the_farther_a_sentence_is_from_an_order() -> None:
    # any cue in an operative sentence; a report word alone is one
    assert first_cue("Der Sachstand ist darzustellen.", DOC_2024) == ("report", "Sachstand")
    # a sentence looking ahead needs a time: a report word alone is none
    assert time_cue("Der Sachstand ist darzustellen.", DOC_2024) is None
    assert time_cue("Der Bericht folgt im Herbst.", DOC_2024) == ("part_of_year", "Herbst")
    # elsewhere only a strong cue: a session ahead, a deadline noun, a report with a time
    assert strong_cue("Die Arbeiten ruhen im Herbst.", DOC_2024) is None
    assert strong_cue("Der Bericht folgt im Herbst.", DOC_2024) == ("report+part_of_year", "Herbst")
    assert strong_cue("Das kommt in die nächste Sitzung.", DOC_2024) is not None


MINUTES = "Niederschrift über die Sitzung des Gemeinderates am 12.03.2024\n\nTOP 5 Schule\n\n"


def reasons(text: str) -> list[tuple[str, str]]:
    extraction = extract_text(MINUTES + text, name="t.txt")
    return [(r.reason, r.rule) for r in extraction.review if r.reason == "unread_cue"]


def test_an_operative_sentence_with_a_time_no_rule_reads_is_shown() -> None:
    # "nach den Sommermonaten" is no term of the grammar: the signal shows the sentence
    assert reasons(
        "Die Verwaltung wird beauftragt, nach den Sommermonaten die Planung abzuschließen."
    ) == [("unread_cue", "cue:part_of_year")]


def test_a_report_recorded_without_the_time_its_sentence_gives_is_shown() -> None:
    extraction = extract_text(
        MINUTES
        + "Die Verwaltung wird beauftragt, nach den Sommermonaten einen Sachstand zu geben.",
        name="t.txt",
    )
    assert [r.due for r in extraction.reports] == [None]
    assert [(r.reason, r.rule) for r in extraction.review if r.reason == "unread_cue"] == [
        ("unread_cue", "cue:part_of_year")
    ]
    # a recurrence read as the report's rhythm is no unread time
    assert reasons("Die Verwaltung wird beauftragt, halbjährlich zu berichten.") == []


def test_a_sentence_looking_ahead_to_the_council_with_a_time_is_shown() -> None:
    assert reasons("Die Ergebnisse werden dem Stadtrat nach den Sommermonaten vorgestellt.") == [
        ("unread_cue", "cue:part_of_year")
    ]
    # looking ahead, but to no one the council can hold to account: not shown
    assert reasons("Die Bäume werden im Februar geschnitten.") == []


def test_a_strong_cue_is_shown_anywhere() -> None:
    assert reasons("Konkrete Angaben folgen in der nächsten Bauausschusssitzung.") == [
        ("unread_cue", "cue:session_ahead")
    ]


def test_records_questions_statements_and_notices_are_not_shown() -> None:
    # a record of the past, a question, a speaker's statement in the minutes, a statute
    assert reasons("Die Verwaltung wurde im Mai 2024 beauftragt und hat berichtet.") == []
    assert reasons("Wird die Verwaltung bis zur nächsten Sitzung berichten?") == []
    assert reasons("Der Landrat informiert, dass der Sitzungsplan im Juni geändert wird.") == []
    assert reasons("Gemäß § 28 GO ist die Jahresrechnung in der nächsten Sitzung vorzulegen.") == []
    # when the next session takes place, an invitation to it: a notice, no duty
    assert reasons("Die nächste Sitzung des Gemeinderates findet im Februar statt.") == []
    assert reasons("Zur nächsten Ortsteilratssitzung möchte ich alle Bürger einladen.") == []
    # a calendar's line: the session as the subject
    assert reasons("Die nächste Sitzung des Gemeinderates ist für den 26.06.2024 geplant.") == []
    assert reasons("Unsere nächste Fraktionssitzung ist öffentlich: Montag, 7. Juli 2024.") == []


def test_a_sentence_the_grammar_read_is_not_shown_again() -> None:
    extraction = extract_text(
        MINUTES + "Die Verwaltung wird beauftragt, bis zum 30.06.2024 zu berichten.",
        name="t.txt",
    )
    assert len(extraction.deadlines) == 1
    assert all(r.reason != "unread_cue" for r in extraction.review)


def test_an_order_to_produce_a_paper_without_a_term_is_shown() -> None:
    # no report word and no time: the paper ordered is the report owed (ANNOTATION.md's
    # "Konzept vorlegen, Vorschläge unterbreiten"), so a person looks
    extraction = extract_text(
        "Beschlüsse des Stadtrates\nBeschluss:\nDer Bürgermeister wird beauftragt, einen "
        "Vorschlag zu erarbeiten, wie die interkommunale Zusammenarbeit ausgebaut werden kann.\n",
        name="d.txt",
    )
    assert ("unread_cue", "cue:deliverable") in [(r.reason, r.rule) for r in extraction.review]

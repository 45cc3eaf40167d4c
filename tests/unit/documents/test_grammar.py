"""Each rule of the German deadline grammar, given a phrase, then the term it reads."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.documents.grammar import (
    RULES,
    DateContext,
    Term,
    day_without_year,
    end_of_year,
    event_anchor,
    find_terms,
    half_year,
    month_without_year,
    month_year,
    named_date,
    numeric_date,
    numeric_month,
    period,
    quarter,
    quarter_code,
    recurrence_of,
    relative_period,
    season,
    single_year,
    soft_term,
    year_end,
    year_only,
)

DECIDED = DateContext(decision_date=date(2014, 2, 20))
NOTHING = DateContext()


def only(terms: list[Term]) -> Term:
    assert len(terms) == 1, terms
    return terms[0]


def test_numeric_date_reads_a_four_digit_year() -> None:
    term = only(numeric_date("Erledigungsfrist: 18.12.2014", NOTHING))
    assert term.date == date(2014, 12, 18)


def test_numeric_date_reads_a_two_digit_year_without_leading_zeros() -> None:
    assert only(numeric_date("bis 1.1.11", NOTHING)).date == date(2011, 1, 1)


def test_numeric_date_skips_a_day_that_does_not_exist() -> None:
    assert numeric_date("bis 31.02.2024", NOTHING) == []


def test_named_date_reads_day_month_name_and_year() -> None:
    assert only(named_date("bis zum 30. Juni 2025", NOTHING)).date == date(2025, 6, 30)


def test_month_year_is_due_at_the_end_of_the_month() -> None:
    term = only(month_year("bis September 2005", NOTHING))
    assert term.date == date(2005, 9, 30)


def test_month_year_with_mitte_is_due_on_the_fifteenth() -> None:
    assert only(month_year("bis Mitte März 2020", NOTHING)).date == date(2020, 3, 15)


@pytest.mark.parametrize(
    "phrase", ["bis Jahresende 2014", "bis zum Jahresende 2014", "zum Ende des Jahres 2014"]
)
def test_year_end_is_the_31st_of_december(phrase: str) -> None:
    assert only(year_end(phrase, NOTHING)).date == date(2014, 12, 31)


def test_year_end_without_a_year_takes_the_decision_year() -> None:
    assert only(year_end("bis Jahresende", DECIDED)).date == date(2014, 12, 31)


def test_end_of_year_reads_ende_and_a_year() -> None:
    assert only(end_of_year("Ende 2014", NOTHING)).date == date(2014, 12, 31)


def test_half_year_is_due_at_its_end_and_keeps_the_window_start() -> None:
    term = only(half_year("im 2. Halbjahr 2024", NOTHING))
    assert (term.date, term.window_start) == (date(2024, 12, 31), date(2024, 7, 1))


def test_first_half_year_in_words() -> None:
    term = only(half_year("in der ersten Jahreshälfte 2025", NOTHING))
    assert (term.date, term.window_start) == (date(2025, 6, 30), date(2025, 1, 1))


def test_quarter_with_roman_numeral() -> None:
    term = only(quarter("im I. Quartal 2020", NOTHING))
    assert (term.date, term.window_start) == (date(2020, 3, 31), date(2020, 1, 1))


def test_quarter_code() -> None:
    term = only(quarter_code("Umsetzung Q2/2025", NOTHING))
    assert (term.date, term.window_start) == (date(2025, 6, 30), date(2025, 4, 1))


def test_period_of_months_is_due_at_the_end_of_the_last_month() -> None:
    term = only(period("im Zeitraum von Januar bis Oktober 2019", NOTHING))
    assert (term.date, term.window_start) == (date(2019, 10, 31), date(2019, 1, 1))


def test_period_opened_with_ab_is_one_window_not_a_start_date() -> None:
    term = only(period("soll ab April bis Juni 2024 zur Ausführung kommen", NOTHING))
    assert term.text == "ab April bis Juni 2024"
    assert (term.date, term.window_start) == (date(2024, 6, 30), date(2024, 4, 1))


def test_period_between_two_dates() -> None:
    term = only(period("vom 1.3. bis 30.6.2020", NOTHING))
    assert (term.date, term.window_start) == (date(2020, 6, 30), date(2020, 3, 1))


def test_relative_weeks_after_the_decision_follow_bgb_187_188() -> None:
    term = only(relative_period("innerhalb von 6 Wochen nach Beschlussfassung", DECIDED))
    assert term.date == date(2014, 4, 3)


def test_relative_months_in_words_clamp_to_the_month_end() -> None:
    context = DateContext(decision_date=date(2023, 11, 30))
    assert only(relative_period("binnen drei Monaten", context)).date == date(2024, 2, 29)


def test_relative_period_without_a_decision_date_has_no_date() -> None:
    term = only(relative_period("binnen drei Monaten", NOTHING))
    assert term.date is None and term.anchor == "Beschlussfassung"


def test_relative_period_after_another_event_keeps_the_event() -> None:
    term = only(relative_period("innerhalb eines Jahres nach Inkrafttreten", DECIDED))
    assert term.date is None and term.anchor == "Inkrafttreten"


def test_day_without_year_takes_the_first_such_day_after_the_decision() -> None:
    assert only(day_without_year("bis zum 30. Juni", DECIDED)).date == date(2014, 6, 30)
    assert only(day_without_year("bis zum 31.1.", DECIDED)).date == date(2015, 1, 31)


def test_month_without_year_needs_a_document_date() -> None:
    assert only(month_without_year("bis Ende September", DECIDED)).date == date(2014, 9, 30)
    assert only(month_without_year("bis Ende September", NOTHING)).date is None


@pytest.mark.parametrize("phrase", ["bis Jahresmitte 2025", "bis zur Jahresmitte 2025"])
def test_the_middle_of_a_year_is_the_end_of_june(phrase: str) -> None:
    assert only(end_of_year(phrase, NOTHING)).date == date(2025, 6, 30)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [("bis 12/2025", date(2025, 12, 31)), ("spätestens 02/2024", date(2024, 2, 29))],
)
def test_a_month_in_digits_after_a_limit_word_is_its_last_day(phrase: str, due: date) -> None:
    assert only(numeric_month(phrase, NOTHING)).date == due


def test_a_month_in_digits_without_a_limit_word_is_no_term() -> None:
    assert numeric_month("Drucksache 12/2025", NOTHING) == []


def test_a_season_without_a_year_after_bis_is_a_term_without_a_date() -> None:
    term = only(season("bis spätestens Herbst seitens der Planungsstelle", NOTHING))
    assert term.date is None and term.anchor == "year"
    # without "bis": weak (it binds only where a sentence mandates an action)
    assert [t.weak for t in season("im Herbst", NOTHING)] == [True]


def test_year_only_is_due_at_the_year_end() -> None:
    assert only(year_only("bis 2025", NOTHING)).date == date(2025, 12, 31)


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("bis zur Sommerpause", "Sommerpause"),
        ("in der nächsten Sitzung", "in der nächsten Sitzung"),
        ("vor den Haushaltsberatungen", "Haushaltsberatungen"),
        # a session named by its body, a special session, an election (eighth session)
        (
            "soll in der Sitzung der Stadtverordnetenversammlung beraten werden",
            "Stadtverordnetenversammlung",
        ),
        ("zur Sitzung des Bauausschusses vorlegen", "Bauausschusses"),
        ("für eine Sitzung des Ortsgemeinderates vorzubereiten", "Ortsgemeinderates"),
        ("in der nächsten Bauausschuss Sitzung", "in der nächsten Bauausschuss Sitzung"),
        ("Dazu wird es eine Sondersitzung geben", "Sondersitzung"),
        ("Mit den kommenden Kommunalwahlen entfällt der Ortschaftsrat", "Kommunalwahlen"),
    ],
)
def test_event_anchor_has_no_date_but_keeps_the_event(phrase: str, anchor: str) -> None:
    term = only(event_anchor(phrase, DECIDED))
    assert term.date is None and term.anchor == anchor


def test_find_terms_prefers_the_longest_reading() -> None:
    terms = find_terms("im Zeitraum von Januar bis Oktober 2019", NOTHING)
    assert [t.rule for t in terms] == ["period"]


def test_find_terms_ignores_years_that_are_not_deadlines() -> None:
    assert find_terms("Mittel des Jahres 2023 und das Konzept 2011/2012", NOTHING) == []


def test_every_rule_is_registered_by_name() -> None:
    assert {rule.__name__ for rule in RULES.values()} == set(RULES)


@pytest.mark.parametrize(
    ("phrase", "recurrence"),
    [
        ("halbjährlich zu berichten", "half-yearly"),
        ("quartalsweise", "quarterly"),
        ("vierteljährlich", "quarterly"),
        ("jährlich einen Bericht", "yearly"),
        ("monatlich", "monthly"),
        ("regelmäßig über den Stand zu informieren", "regular"),
        ("einmalig zu berichten", None),
        ("im ersten Jahr vierteljährlich, im zweiten Jahr halbjährlich", "quarterly"),
        ("regelmäßig, und zwar monatlich", "monthly"),
        ("zweimal jährlich", "half-yearly"),
        # a follow-up list's cadence column abbreviates
        ("jährl.", "yearly"),
        ("halbjährl.", "half-yearly"),
        ("monatl.", "monthly"),
        ("jede 2. Sitzung", "regular"),
        ("in jeder zweiten Ausschusssitzung", "regular"),
        ("jeweils nach Ablauf des jeweiligen Halbjahres", "half-yearly"),
        ("zum Ende des jeweiligen Quartals", "quarterly"),
    ],
)
def test_recurrence_of_report_duties(phrase: str, recurrence: str | None) -> None:
    assert recurrence_of(phrase) == recurrence


# --- rules learnt from councils the reader had not seen --------------------------------


@pytest.mark.parametrize(
    ("phrase", "rule", "due"),
    [
        ("bis 2024-12-31", "iso_date", date(2024, 12, 31)),
        ("by 12/31/2024", "us_date", date(2024, 12, 31)),
        ("am 25/12/2024", "us_date", date(2024, 12, 25)),  # only the day-first reading is valid
        ("bis Mitte 2026", "end_of_year", date(2026, 6, 30)),
        ("Mitte 2026", "end_of_year", date(2026, 6, 30)),
        ("bis zum Herbst 2025", "season", date(2025, 11, 30)),
        ("Verschiebung auf den März 2025", "month_year", date(2025, 3, 31)),
    ],
)
def test_new_rules_read_their_phrase(phrase: str, rule: str, due: date) -> None:
    term = only(find_terms(phrase, DECIDED))
    assert (term.rule, term.date) == (rule, due)


def test_a_season_without_bis_is_a_weak_point_in_time() -> None:
    term = only(find_terms("im Sommer 2010 wurde gebaut", DECIDED))
    assert (term.rule, term.date, term.weak) == ("season", date(2010, 8, 31), True)
    assert not only(find_terms("bis zum Sommer 2010", DECIDED)).weak


def test_an_ambiguous_slash_date_is_not_guessed() -> None:
    # 03/04/2024 is 4 March (month first) or 3 April (day first): not read.
    assert find_terms("am 03/04/2024", DECIDED) == []


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("nach den Osterferien", "Osterferien"),
        ("in den anstehenden Haushaltsberatungen", "Haushaltsberatungen"),
        ("auf die Tagesordnung der nächsten Sitzung", "der nächsten Sitzung"),
        ("vertagt auf die nächste Sitzung", "auf die nächste Sitzung"),
        ("vertagt den Punkt auf seine nächste Sitzung", "auf seine nächste Sitzung"),
        ("befasst sich in ihrer nächsten Sitzung damit", "in ihrer nächsten Sitzung"),
        ("im nächsten Sitzungslauf", "im nächsten Sitzungslauf"),
    ],
)
def test_events_and_sessions_are_anchors_without_a_date(phrase: str, anchor: str) -> None:
    term = only(find_terms(phrase, DECIDED))
    assert term.date is None and term.rule == "event_anchor"
    assert anchor in term.text


@pytest.mark.parametrize(
    "word",
    [
        "zeitnah",
        "umgehend",
        "baldmöglichst",
        "in Kürze",
        "im Verlaufe der nächsten Woche",
        "in der kommenden Woche",
        "noch in dieser Woche",
        "bis Ende nächster Woche",
        "im Laufe der nächsten Monate",
        "demnächst",
        "in angemessener Zeit",
    ],
)
def test_vague_terms_are_soft_and_undated(word: str) -> None:
    term = only(find_terms(f"Die Verwaltung soll {word} berichten.", DECIDED))
    assert (term.rule, term.date, term.anchor) == ("soft_term", None, "soft")


def test_a_limit_until_an_event_clause_is_undated() -> None:
    term = only(find_terms("bis der HFA seine Beratungen abgeschlossen hat", DECIDED))
    assert (term.rule, term.date) == ("until_clause", None)


def test_a_missing_year_comes_from_the_documents_only_year() -> None:
    context = DateContext(text_year=single_year("Sitzung am 12.03.2019, Antrag vom 1. März 2019"))
    assert only(find_terms("bis zum Jahresende", context)).date == date(2019, 12, 31)
    assert single_year("am 12.03.2019 und am 1.2.2020") is None  # two years: no guess


def test_every_rule_is_registered_under_its_name() -> None:
    assert all(rule.__name__ == name for name, rule in RULES.items())


MARCH_2024 = DateContext(decision_date=date(2024, 3, 14))


@pytest.mark.parametrize(
    ("phrase", "rule", "due"),
    [
        ("im 2. Quartal", "period_of_year", date(2024, 6, 30)),
        ("im 1. Quartal", "period_of_year", date(2024, 3, 31)),  # ends after the decision
        ("im ersten Halbjahr des kommenden Jahres", "period_of_year", date(2025, 6, 30)),
        ("noch in diesem Jahr", "relative_year", date(2024, 12, 31)),
        ("bis Ende nächsten Jahres", "relative_year", date(2025, 12, 31)),
        ("nächstes Jahr", "relative_year", date(2025, 12, 31)),
        ("im neuen Jahr", "relative_year", date(2025, 12, 31)),
        ("im Folgejahr", "relative_year", date(2025, 12, 31)),
        ("im Laufe des Jahres 2025", "year_period", date(2025, 12, 31)),
        ("bis KW 12/2025", "calendar_week", date(2025, 3, 23)),
        ("in der 40. Kalenderwoche", "calendar_week", date(2024, 10, 6)),
    ],
)
def test_periods_relative_to_the_documents_year(phrase: str, rule: str, due: date) -> None:
    term = only(find_terms(phrase, MARCH_2024))
    assert (term.rule, term.date) == (rule, due)


def test_a_period_without_a_year_waits_for_one() -> None:
    term = only(find_terms("im 2. Quartal", NOTHING))
    assert (term.rule, term.date, term.anchor) == ("period_of_year", None, "year")


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("zum Schuljahresbeginn 2025/26", "school_year"),
        ("spätestens zum Beginn des zweiten Schulhalbjahres", "school_year"),
        ("mit der unverzüglichen Nachrüstung", "soft_term"),
        ("in den kommenden Wochen", "soft_term"),
        ("bis Ostern", "event_anchor"),
        ("vor Weihnachten", "event_anchor"),
        ("vor dem Weihnachtsfest", "event_anchor"),
        ("bis zum Schuljahresende", "school_year"),
        ("bis zum Kita-Jahr 2025/26", "school_year"),
        ("zum Kindergartenjahr 2025/26", "school_year"),
        ("tritt am Tage nach ihrer Bekanntmachung in Kraft", "after_publication"),
        ("ab dem Tag nach der öffentlichen Bekanntmachung", "after_publication"),
        ("bis zur Klärung der Finanzierung", "until_event"),
        ("bis zum Ende der Wahlperiode", "until_event"),
    ],
)
def test_limits_that_hang_on_an_event_have_no_date(phrase: str, rule: str) -> None:
    term = only(find_terms(phrase, MARCH_2024))
    assert (term.rule, term.date) == (rule, None)


def test_a_school_year_describes_and_is_not_read() -> None:
    assert find_terms("im Schuljahr 2011/2012", MARCH_2024) == []


@pytest.mark.parametrize(
    ("phrase", "text", "due"),
    [
        ("im Jahr 2022 wurde", "im Jahr 2022", date(2022, 12, 31)),
        ("BA II und III soll 2024 folgen", "2024", date(2024, 12, 31)),
        ("erstellen und 2023 ausschreiben", "2023", date(2023, 12, 31)),
    ],
)
def test_year_point_reads_a_bare_year_as_a_weak_term(phrase: str, text: str, due: date) -> None:
    term = only(find_terms(phrase, MARCH_2024))
    assert (term.rule, term.text, term.date, term.weak) == ("year_point", text, due, True)


@pytest.mark.parametrize(
    "phrase", ["Haushaltsjahre 2010 bis 2013", "von 2019 bis 2023", "Mittel für 2023 beantragt"]
)
def test_a_span_of_years_or_a_budget_year_is_no_term(phrase: str) -> None:
    assert find_terms(phrase, MARCH_2024) == []


@pytest.mark.parametrize(
    ("phrase", "rule", "due", "weak"),
    [
        ("zum Jahresbeginn 2025", "year_start", date(2025, 1, 1), False),
        ("Anfang 2025", "year_start", date(2025, 3, 31), True),
        ("zu Beginn des Jahres 2025", "year_start", date(2025, 3, 31), True),
        ("im Herbst 2025", "season", date(2025, 11, 30), True),
        ("bis zum Ende des ersten Quartals 2025", "quarter", date(2025, 3, 31), False),
        ("spätestens im 2. Halbjahr 2025", "half_year", date(2025, 12, 31), False),
        ("in der Juni-Sitzung", "month_session", date(2024, 6, 30), False),
        ("zur Septembersitzung", "month_session", date(2024, 9, 30), False),
        ("nach Ablauf eines Jahres", "after_period", date(2025, 3, 14), False),
        ("nach zwei Jahren", "after_period", date(2026, 3, 14), False),
        ("innerhalb eines halben Jahres", "relative_period", date(2024, 9, 14), False),
    ],
)
def test_starts_sessions_and_periods_after_the_decision(
    phrase: str, rule: str, due: date, weak: bool
) -> None:
    term = only(find_terms(phrase, MARCH_2024))
    assert (term.rule, term.date, term.weak) == (rule, due, weak)


def test_a_period_after_another_event_keeps_the_event() -> None:
    term = only(find_terms("zwei Jahre nach Inkrafttreten", MARCH_2024))
    assert (term.rule, term.date, term.anchor) == ("after_period", None, "Inkrafttreten")


@pytest.mark.parametrize(
    ("sentence", "recurrence"),
    [
        ("jeweils zu den Sitzungen eine aktualisierte Liste vorzulegen", "regular"),
        ("über die Punkte jeweils zum 31.03. eines Jahres berichtet werden soll", "yearly"),
    ],
)
def test_cadences_written_as_occasions(sentence: str, recurrence: str) -> None:
    assert recurrence_of(sentence) == recurrence


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("bis zum Ende der laufenden Wahlperiode", "event"),
        ("mit dem Entwurf des Haushalts 2026", "Entwurf des Haushalts 2026"),
        ("vor Beginn der Haushaltsberatungen", "Haushaltsberatungen"),
        ("in einer seiner nächsten Sitzungen", "in einer seiner nächsten Sitzungen"),
    ],
)
def test_events_councils_name_as_limits(phrase: str, anchor: str) -> None:
    terms = find_terms(phrase, NOTHING)
    assert len(terms) == 1 and terms[0].date is None and terms[0].anchor == anchor


def test_a_month_session_with_its_year() -> None:
    assert only(find_terms("in der Septembersitzung 2025", NOTHING)).date == date(2025, 9, 30)


@pytest.mark.parametrize(
    "phrase", ["zum nächstmöglichen Zeitpunkt", "baldigst", "in absehbarer Zeit"]
)
def test_more_vague_terms(phrase: str) -> None:
    term = only(find_terms(phrase, NOTHING))
    assert term.rule == "soft_term" and term.date is None


def test_a_session_named_with_its_day_is_read_by_the_day() -> None:
    terms = find_terms("in der Sitzung des Gemeinderates am 12.03.2024", NOTHING)
    assert [t.rule for t in terms] == ["numeric_date"]


def test_the_digit_rules_read_nothing_in_a_text_without_digits() -> None:
    from tests.corpus.corpus import entries
    from tracker.documents.grammar import DIGIT_RULES
    from tracker.documents.text import sentences

    context = DateContext(decision_date=date(2024, 3, 12))
    checked = 0
    for entry in entries()[:120]:
        for sentence in sentences(entry.path.read_text("utf-8", errors="replace")):
            if not any(c.isdigit() for c in sentence):
                checked += 1
                for name in DIGIT_RULES:
                    assert RULES[name](sentence, context) == [], (name, sentence)
    assert checked > 1000


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("im nächsten Jahr (2024)", date(2024, 12, 31)),
        ("im kommenden Jahr 2026", date(2026, 12, 31)),
    ],
)
def test_a_relative_year_the_text_names_is_that_year(phrase: str, due: date) -> None:
    term = only(find_terms(f"Die Verwaltung stellt {phrase} die Möglichkeiten vor.", DateContext()))
    assert (term.rule, term.date, term.text) == ("relative_year", due, phrase)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("am Freitag dieser Woche", date(2025, 9, 12)),
        ("am kommenden Montag", date(2025, 9, 15)),
        ("am Dienstag der kommenden Woche", date(2025, 9, 16)),
    ],
)
def test_a_weekday_counts_from_the_documents_date(phrase: str, due: date) -> None:
    context = DateContext(reference_date=date(2025, 9, 9))  # a Tuesday
    term = only(find_terms(f"Die Verwaltung legt {phrase} die Bewertung vor.", context))
    assert (term.rule, term.date) == ("weekday", due)
    undated = only(find_terms(f"Die Verwaltung legt {phrase} die Bewertung vor.", DateContext()))
    assert (undated.rule, undated.date) == ("weekday", None)


@pytest.mark.parametrize(
    "phrase", ["zur 1. Ratssitzung 2021", "in der ersten Sitzung des Jahres 2018"]
)
def test_a_session_counted_in_a_year_is_an_event_without_a_date(phrase: str) -> None:
    term = only(find_terms(f"Die Verwaltung legt {phrase} eine Richtlinie vor.", DateContext()))
    assert (term.rule, term.date, term.text) == ("session_of_year", None, phrase)


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("noch vor Wintereinbruch", "Wintereinbruch"),
        ("vor Beginn der Badesaison", "Badesaison"),
        ("bis Ende der Wahlperiode", "Wahlperiode"),
        ("vor Beginn der Heizperiode", "Heizperiode"),
        ("bis zum Beginn der Badesaison", "Badesaison"),
    ],
)
def test_the_start_or_end_of_a_span_is_an_event_anchor(phrase: str, anchor: str) -> None:
    terms = event_anchor(f"Die Verwaltung wird beauftragt, {phrase} zu berichten.", NOTHING)
    assert [(t.rule, t.anchor) for t in terms] == [("event_anchor", anchor)]


def test_a_span_itself_is_no_limit() -> None:
    assert event_anchor("Die Verwaltung hat in der Wahlperiode 2021 viel getan.", NOTHING) == []


@pytest.mark.parametrize("cycle", ["Sitzungsdurchlauf", "Sitzungslauf", "Beratungsturnus"])
def test_every_session_cycle_of_the_vocabulary_is_a_next_session(cycle: str) -> None:
    terms = event_anchor(f"Die Auswertung wird im nächsten {cycle} verteilt.", NOTHING)
    assert [t.rule for t in terms] == ["event_anchor"]


def test_a_season_of_a_year_named_otherwise_is_no_yearless_season() -> None:
    assert season("Im Herbst des Vorjahres wurde gebaut.", NOTHING) == []


MARCH_2025 = DateContext(decision_date=date(2025, 3, 12))


@pytest.mark.parametrize(
    ("phrase", "rule", "due"),
    [
        # the quarter of a named year, not the document's ("Quartal" is no word of its own)
        ("im Laufe des ersten Quartals 2026", "quarter", date(2026, 3, 31)),
        ("bis zum 30. Juni des Folgejahres", "day_without_year", date(2026, 6, 30)),
        ("bis Ende März des kommenden Jahres", "month_without_year", date(2026, 3, 31)),
        ("Mitte nächsten Jahres", "relative_year", date(2026, 6, 30)),
        ("bis Anfang des kommenden Jahres", "relative_year", date(2026, 3, 31)),
        ("bis Mitte des Jahres", "mid_year", date(2025, 6, 30)),
        ("bis zur Jahresmitte", "mid_year", date(2025, 6, 30)),
        # "d. J.": the document's own year, also for a month already past
        ("im Februar d. J.", "month_without_year", date(2025, 2, 28)),
        ("für den Dezember d. J.", "month_without_year", date(2025, 12, 31)),
        ("bis zum 30.06. d. J.", "day_without_year", date(2025, 6, 30)),
        ("bis Ende d. J.", "year_end", date(2025, 12, 31)),
        ("bis Ende des lfd. Jahres", "relative_year", date(2025, 12, 31)),
        ("im Herbst dieses Jahres", "season", date(2025, 11, 30)),
        ("bis zum Frühjahr nächsten Jahres", "season", date(2026, 5, 31)),
        ("bis einschließlich 2026", "year_only", date(2026, 12, 31)),
        # a recurring day with its first year named, not the document's
        ("jährlich zum 31. März, erstmals 2027", "day_without_year", date(2027, 3, 31)),
    ],
)
def test_a_term_relative_to_the_documents_year(phrase: str, rule: str, due: date) -> None:
    terms = find_terms(f"Die Verwaltung wird beauftragt, {phrase} zu berichten.", MARCH_2025)
    assert [(t.rule, t.date) for t in terms] == [(rule, due)]


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("Die Satzung ist sofort in Kraft zu setzen.", True),
        ("Den Jugendlichen sind sofort Zugänge anzubieten.", True),
        ("Die Fragen wurden sofort beantwortet.", False),
        ("Man müsse nicht sofort entscheiden.", False),
        ("Die Regel gilt ab sofort zu jeder Zeit.", False),
    ],
)
def test_sofort_is_urgency_only_of_something_to_do(sentence: str, read: bool) -> None:
    assert bool(soft_term(sentence, NOTHING)) is read


def test_the_budgets_introduction_is_an_event_anchor() -> None:
    terms = event_anchor("Das Konzept ist bis zur Einbringung des Haushalts vorzulegen.", NOTHING)
    assert [t.anchor for t in terms] == ["Einbringung des Haushalts"]


def test_a_winter_of_a_year_named_by_relation_stays_undated() -> None:
    assert [t.date for t in season("im Winter nächsten Jahres", MARCH_2025)] == [None]


@pytest.mark.parametrize(
    "phrase",
    [
        "im nächsten Bauausschuss",
        "im nächsten Ausschuss für Umwelt",
        "im nächsten Haupt- und Finanzausschuss",
        "im nächsten Stadtrat",
        "zum kommenden Ortsbeirat",
    ],
)
def test_a_body_named_for_its_next_session_is_an_event_anchor(phrase: str) -> None:
    terms = event_anchor(f"Die Verwaltung berichtet {phrase} über den Stand.", NOTHING)
    assert [t.rule for t in terms] == ["event_anchor"]


def test_the_next_step_is_no_session() -> None:
    assert event_anchor("Im nächsten Schritt wird geplant.", NOTHING) == []


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("die Abstimmung zurückzustellen, bis das Konzept für die Innenstadt (vgl. TOP 1) "
         "vorliegt", "until_clause"),
        ("eine Bürgerversammlung, die stattfinden soll, bevor über das Verhalten der Stadt im "
         "Rat abgestimmt wird", "until_clause"),
        ("Entwicklungen sind zu gegebener Zeit vorzutragen", "soft_term"),
        ("1- Zügiger Bau eines Feuerwehrhauses", "soft_term"),
        ("zeitgleich mit der Erstellung des Haushaltsentwurfs 2010 ein Konzept zu erarbeiten",
         "event_anchor"),
    ],
)  # fmt: skip
def test_limits_that_hang_on_what_happens(sentence: str, rule: str) -> None:
    assert [t.rule for t in find_terms(sentence, NOTHING)] == [rule]


def test_a_month_relative_to_the_document_is_not_a_named_month() -> None:
    terms = find_terms("Die Verwaltung berichtet bis Ende des Monats März.", MARCH_2025)
    assert [t.rule for t in terms] != ["relative_month"]

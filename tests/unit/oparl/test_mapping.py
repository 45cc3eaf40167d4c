"""Mapping OParl objects to the facts ``tracker ingest`` records (pure)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from oparl.mapping import (
    ConsultationContext,
    PaperContext,
    day_of,
    map_paper,
    state_of_body,
)
from tracker.errors import NoReference

DATA = Path(__file__).resolve().parents[2] / "data" / "oparl"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def org(name: str, oid: str = "o") -> dict[str, Any]:
    return {"id": oid, "type": "Organization", "name": name}


def test_the_spec_paper_maps_reference_type_office_and_consultation() -> None:
    paper = load("Paper-01.json")
    ctx = PaperContext(
        paper=paper,
        body=load("Body-01.json"),
        consultations=(
            ConsultationContext(
                paper["consultation"][0],
                agenda_item=load("AgendaItem-01.json"),
                meeting=load("Meeting-01.json"),
                organizations=(load("Organization-01.json"),),
            ),
        ),
        directing=(org("Dezernat II"),),
        files=tuple([paper["mainFile"], *paper["auxiliaryFile"]]),
    )
    ex = map_paper(ctx, default_state=None)
    assert (ex.reference, ex.title, ex.kind) == (
        "1234/2014",
        "Antwort auf Anfrage 1200/2014",
        "Beantwortung einer Anfrage",
    )
    assert (ex.body, ex.state, ex.office, ex.addressee) == (
        "Stadt Köln, kreisfreie Stadt",
        "NW",
        "Dezernat II",
        "Dezernat II",
    )
    [c] = ex.consultations
    assert (c.committee, c.date, c.role, c.result) == (
        "Ausschuss für Haushalt und Finanzen",
        date(2013, 1, 4),
        "Beschlussfassung",
        "Geändert beschlossen",
    )
    assert ex.decision is not None
    assert (ex.decision.outcome, ex.decision.date) == ("adopted_amended", date(2013, 1, 4))
    assert ex.decision.text == "Der Beschluss weicht wie folgt vom Antrag ab: ..."
    assert (ex.layout, ex.file, len(ex.sha256)) == ("oparl", paper["id"], 64)


def consultation(
    cid: str, *, authoritative: bool | None, result: str | None, start: str, role: str | None = None
) -> ConsultationContext:
    c: dict[str, Any] = {"id": cid, "type": "Consultation"}
    if authoritative is not None:
        c["authoritative"] = authoritative
    if role:
        c["role"] = role
    item = {"id": f"a-{cid}", "type": "AgendaItem"} | ({"result": result} if result else {})
    meeting = {"id": f"m-{cid}", "type": "Meeting", "start": start}
    return ConsultationContext(c, item, meeting, (org(f"Gremium {cid}", cid),))


def paper_with(*consultations: ConsultationContext, **fields: Any) -> PaperContext:
    paper = {"id": "p", "type": "Paper", "reference": "DS/1"} | fields
    return PaperContext(paper, {"id": "b", "name": "Rat"}, tuple(consultations))


def test_the_authoritative_consultation_decides_even_before_a_later_one() -> None:
    ctx = paper_with(
        consultation(
            "1", authoritative=True, result="abgelehnt", start="2015-03-01T17:00:00+01:00"
        ),
        consultation(
            "2", authoritative=False, result="empfohlen", start="2015-04-01T17:00:00+02:00"
        ),
    )
    ex = map_paper(ctx, default_state="BE")
    assert ex.decision is not None
    assert (ex.decision.outcome, ex.decision.committee) == ("rejected", "Gremium 1")
    assert ex.state == "BE"
    assert [c.role for c in ex.consultations] == ["Entscheidung", "Vorberatung"]


def test_without_an_authoritative_one_the_latest_result_decides() -> None:
    ctx = paper_with(
        consultation("1", authoritative=None, result="vertagt", start="2015-03-01T17:00:00+01:00"),
        consultation("2", authoritative=None, result="beschlossen", start="2015-04-01"),
        consultation("3", authoritative=None, result=None, start="2015-05-01"),
    )
    ex = map_paper(ctx, default_state=None)
    assert ex.decision is not None and ex.decision.outcome == "adopted"
    assert ex.consultations[2].role is None


def test_a_result_without_a_known_wording_is_a_warning_not_a_decision() -> None:
    ctx = paper_with(consultation("1", authoritative=True, result="siehe Protokoll", start=""))
    ex = map_paper(ctx, default_state=None)
    assert ex.decision is None
    assert ex.warnings == ("result 'siehe Protokoll' of 1 names no outcome",)
    assert ex.consultations[0].date is None


def test_deadlines_and_reports_come_from_the_resolution_text() -> None:
    c = consultation(
        "1", authoritative=True, result="ohne Änderungen beschlossen", start="2015-03-12"
    )
    assert c.agenda_item is not None
    c.agenda_item["resolutionText"] = (
        "Das Bezirksamt wird ersucht, bis zum 30.06.2015 ein Konzept vorzulegen "
        "und der BVV halbjährlich zu berichten."
    )
    ex = map_paper(paper_with(c), default_state=None)
    assert [(d.date, d.kind) for d in ex.deadlines] == [(date(2015, 6, 30), "report")]
    assert [r.recurrence for r in ex.reports] == ["half-yearly"]
    assert ex.addressee == "Bezirksamt"


def test_a_file_text_is_the_operative_text_when_there_is_no_resolution() -> None:
    ctx = PaperContext(
        {"id": "p", "reference": "DS/2", "paperType": "Antrag", "date": "2015-01-05"},
        {"id": "b", "name": "Rat"},
        files=({"id": "f", "text": "Die Verwaltung wird beauftragt, bis 31.12.2015 zu prüfen."},),
    )
    ex = map_paper(ctx, default_state=None)
    assert [d.date for d in ex.deadlines] == [date(2015, 12, 31)]
    assert map_paper(ctx, default_state=None, reader=None).deadlines == ()


def test_a_paper_without_reference_cannot_be_recorded() -> None:
    with pytest.raises(NoReference, match="no reference"):
        map_paper(paper_with(reference=None), default_state=None)


def test_equal_input_gives_an_equal_hash_and_changed_input_another() -> None:
    a = map_paper(paper_with(name="Radwege"), default_state=None)
    b = map_paper(paper_with(name="Radwege"), default_state=None)
    c = map_paper(paper_with(name="Radwege neu"), default_state=None)
    assert a.sha256 == b.sha256 != c.sha256


def test_dates_are_read_in_berlin_time() -> None:
    assert day_of("2015-03-01T23:30:00Z") == date(2015, 3, 2)
    assert day_of("2015-03-01T23:30:00+01:00") == date(2015, 3, 1)
    assert day_of("2015-03-01") == date(2015, 3, 1)
    assert day_of("01.03.2015") is None and day_of(None) is None


def test_the_state_comes_from_the_ags() -> None:
    assert state_of_body({"ags": "14713000"}, None) == "SN"
    assert state_of_body({"ags": "99"}, "BE") == "BE"
    assert state_of_body({}, None) is None


def test_the_paper_date_completes_a_year_less_term_when_nothing_was_decided() -> None:
    ctx = PaperContext(
        {"id": "p", "reference": "DS/3", "paperType": "Antrag", "date": "2015-01-05"},
        {"id": "b", "name": "Rat"},
        files=({"id": "f", "text": "Das Bezirksamt wird ersucht, bis zum 30. Juni zu berichten."},),
    )
    ex = map_paper(ctx, default_state=None)
    assert [d.date for d in ex.deadlines] == [date(2015, 6, 30)]


def test_a_paper_only_on_non_public_agenda_items_is_marked_non_public() -> None:
    hidden = consultation("1", authoritative=True, result=None, start="2015-03-01")
    hidden.agenda_item["public"] = False  # type: ignore[index]
    ex = map_paper(paper_with(hidden), default_state=None)
    assert ex.marks is not None and ex.marks.non_public == "OParl: agendaItem.public = false"
    shown = consultation("2", authoritative=False, result=None, start="2015-04-01")
    ex = map_paper(paper_with(hidden, shown), default_state=None)
    assert ex.marks is not None and ex.marks.non_public is None

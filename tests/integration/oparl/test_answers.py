"""An OParl Mitteilung that answers a paper records the report on it (both backends): the
paper's name and main file's text go to the answer rules, as a document's text does."""

from __future__ import annotations

from typing import Any

from events.motion import AnswerFiled, ReportSubmitted
from events.values import ReportKind
from tests.integration.oparl.conftest import T1, T2, Runner
from tests.integration.oparl.server import BASE, OParlWorld
from tests.integration.oparl.world import BODY1, V11

GEN = "Bezirksverordnetenversammlung Generatia"


def mitteilung(*, name: str, text: str | None) -> dict[str, Any]:
    """A Mitteilung of body 1 (Generatia), with its main file embedded."""
    main: dict[str, Any] = {
        "id": f"{BASE}/gen/file/50",
        "type": f"{V11}File",
        "name": "Mitteilung",
        "fileName": "mitteilung.pdf",
        "mimeType": "application/pdf",
    }
    if text is not None:
        main["text"] = text
    return {
        "id": f"{BASE}/gen/paper/50",
        "type": f"{V11}Paper",
        "body": BODY1,
        "name": name,
        "reference": "DS/0050/XX",
        "date": "2015-04-20",
        "paperType": "Mitteilung",
        "mainFile": main,
        "created": "2015-04-20T10:00:00+02:00",
        "modified": "2015-04-20T10:00:00+02:00",
    }


def add(world: OParlWorld, paper: dict[str, Any]) -> None:
    world.add_to_list(f"{BASE}/gen/body/1/papers", paper)


def test_a_mitteilung_in_erledigung_records_its_report_on_the_paper_it_answers(
    sync: Runner, world: OParlWorld
) -> None:
    text = (
        "Mitteilung - zur Kenntnisnahme -\n\n"
        "In Erledigung der Drucksache Nr. DS/0004/XX teilt das Bezirksamt mit:\n"
        "Die Radwege im Ortsteil sind saniert.\n"
    )
    add(world, mitteilung(name="Sichere Radwege im Ortsteil 4 - Schlussbericht", text=text))
    sync(at=T1)
    service = sync.service()

    answering = service.find("DS/0050/XX", GEN)
    (filed,) = [e for e in service.history(answering.id) if isinstance(e, AnswerFiled)]
    assert (filed.answered_reference, filed.report_kind, filed.rule) == (
        "DS/0004/XX", ReportKind.FINAL, "in_erledigung",
    )  # fmt: skip
    answered = service.find("DS/0004/XX", GEN)
    (report,) = [e for e in service.history(answered.id) if isinstance(e, ReportSubmitted)]
    assert report.report_kind is ReportKind.FINAL
    assert report.document_reference == "DS/0050/XX"
    assert str(report.effective) == "2015-04-20"  # the date the Mitteilung bears

    head = sync.head()
    sync(at=T2)  # the same papers again: nothing new
    assert sync.head() == head


def test_a_paper_named_as_an_interim_answer_records_an_interim_report(
    sync: Runner, world: OParlWorld
) -> None:
    add(world, mitteilung(name="Zwischenbericht zur Drucksache DS/0004/XX", text=None))
    sync(at=T1)
    service = sync.service()
    answered = service.find("DS/0004/XX", GEN)
    (report,) = [e for e in service.history(answered.id) if isinstance(e, ReportSubmitted)]
    assert report.report_kind is ReportKind.INTERIM

"""The templates' environment (autoescaping everywhere) and the German words they show."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2

from tracker.clock import BERLIN

TEMPLATES = Path(__file__).parent / "templates"

MOTION_STATUS = {
    "not_started": "nicht begonnen",
    "in_progress": "in Bearbeitung",
    "deferred": "zurückgestellt",
    "done_reported": "als erledigt gemeldet",
    "closed": "abgeschlossen",
    "withdrawn": "zurückgezogen",
}
ITEM_STATUS = {
    "overdue": "überfällig",
    "due_soon": "bald fällig",
    "upcoming": "später fällig",
    "undated": "ohne Datum",
    "met": "erfüllt",
    "met_late": "verspätet erfüllt",
    "withdrawn": "zurückgezogen",
}
RAG = {"red": "rot", "amber": "gelb", "green": "grün"}
OUTCOME = {
    "adopted": "beschlossen",
    "adopted_amended": "geändert beschlossen",
    "rejected": "abgelehnt",
    "noted": "zur Kenntnis genommen",
    "deferred": "vertagt",
    "referred": "überwiesen",
    "recommended": "empfohlen",
    "withdrawn": "zurückgezogen",
    "disposed": "erledigt",
}
RECURRENCE = {
    "once": "einmalig",
    "monthly": "monatlich",
    "quarterly": "vierteljährlich",
    "half-yearly": "halbjährlich",
    "yearly": "jährlich",
    "regular": "regelmäßig",
}
KIND = {"completion": "Erledigung", "report": "Bericht", "event": "Termin"}
ORDER = {
    "due": "Fälligkeit (älteste zuerst)",
    "-due": "Fälligkeit (neueste zuerst)",
    "reference": "Drucksachen-Nr.",
    "office": "Federführung",
    "committee": "Gremium",
    "decision_date": "Beschlussdatum",
}
EVENT = {
    "Registered": "erfasst",
    "DecisionRecorded": "Beschluss",
    "DeadlineSet": "Frist gesetzt",
    "DeadlineExtended": "Frist verlängert",
    "ReportSubmitted": "Bericht eingereicht",
    "ReportObligationSet": "Berichtspflicht",
    "Completed": "erledigt",
    "Withdrawn": "zurückgezogen",
    "ProgressReported": "Sachstand",
    "DoneReported": "als erledigt gemeldet",
    "ClosureConfirmed": "Abschluss bestätigt",
    "Reopened": "wieder aufgenommen",
    "ReviewRequested": "zur Prüfung",
    "ReviewResolved": "geprüft",
    "Corrected": "berichtigt",
    "AddresseeAssigned": "Adressat bestimmt",
    "ConsultationRecorded": "Beratung",
    "VisibilityChanged": "Sichtbarkeit geändert",
    "AnswerFiled": "Antwort auf eine Drucksache",
}
#: The reader's review reasons (``tracker.documents.model.REVIEW_REASONS``) as reviewers read them.
REVIEW_REASON = {
    "undated_term": "Zeitangabe ohne bestimmbares Datum (Ereignis, vage oder ohne Jahr)",
    "soft_term": "vage Frist (zeitnah, umgehend): nur Dringlichkeit, kein Datum",
    "weak_term": "bloßer Zeitpunkt (im Jahr 2025, im Herbst 2025) als Frist gelesen",
    "time_word_without_date": "beschließender Satz mit einer Zeitangabe, die keine Regel las",
    "declined_report": "Berichtspflicht neben einer Verneinung, nicht als Pflicht erfasst",
    "unread_obligation": "Handlung mit Zeitangabe, aus der nichts erfasst wurde",
    "unread_cue": "beschließender Satz mit Zeit- oder Berichtswort, aus dem nichts erfasst wurde",
    "conflicting_dates": "eine Pflicht mit zwei verschiedenen Daten",
    "no_reference": "keine Drucksachen-Nr.: unter einem Schlüssel aus dem Dokument erfasst",
    "no_body": "kein Gremium erkannt",
    "no_kind": "keine Dokumentart erkannt",
}


def german_date(value: Any) -> str:
    """``2026-03-01`` (or a date) as ``01.03.2026``; a date-time in Berlin time; '' for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        text = value
        try:
            value = datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
        except ValueError:
            return text
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(BERLIN)
        return str(value.strftime("%d.%m.%Y %H:%M"))
    if isinstance(value, date):
        return str(value.strftime("%d.%m.%Y"))
    return str(value)


def label(mapping: dict[str, str]) -> Any:
    def translate(value: Any) -> str:
        if value is None:
            return ""
        text = str(getattr(value, "value", value))
        return mapping.get(text, text)

    return translate


def query(params: dict[str, Any], **changes: Any) -> str:
    """A query string of ``params`` with ``changes`` (None removes a key)."""
    merged = {k: v for k, v in ({**params, **changes}).items() if v not in (None, "", False)}
    return "?" + urlencode(merged) if merged else "?"


@cache
def environment() -> jinja2.Environment:
    """The one environment: autoescaping on for every template, undefined names fail."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["de_date"] = german_date
    env.filters["motion_status"] = label(MOTION_STATUS)
    env.filters["item_status"] = label(ITEM_STATUS)
    env.filters["rag"] = label(RAG)
    env.filters["kind"] = label(KIND)
    env.filters["event"] = label(EVENT)
    env.filters["review_reason"] = label(REVIEW_REASON)
    env.filters["outcome"] = label(OUTCOME)
    env.filters["recurrence"] = label(RECURRENCE)
    env.filters["path"] = lambda v: quote(str(v), safe="")
    env.globals["query"] = query
    env.globals["ORDER"] = ORDER
    env.globals["MOTION_STATUS"] = MOTION_STATUS
    env.globals["RAG"] = RAG
    env.globals["KIND"] = KIND
    return env


def render(template: str, **context: Any) -> str:
    """A page from its template."""
    return environment().get_template(template).render(**context)

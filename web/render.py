"""The templates' environment (autoescaping everywhere) and the German words they show."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2

from tracker.clock import german_date as german_day
from tracker.clock import german_datetime

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
    "several_outcomes": "Antrag abgelehnt, im Text aber auch eine Annahme: Fristen nicht erfasst",
    "no_reference": "keine Drucksachen-Nr.: unter einem Schlüssel aus dem Dokument erfasst",
    "no_body": "kein Gremium erkannt",
    "no_kind": "keine Dokumentart erkannt",
}


#: The roles of ``web.accounts.ROLES`` as the pages name them.
ROLE = {
    "public": "Öffentlichkeit",
    "councillor": "Ratsmitglied",
    "office": "Fachamt",
    "reviewer": "Prüfung",
    "administrator": "Administration",
}
REPORT_KIND = {"interim": "Zwischenbericht", "final": "Abschlussbericht"}
RESOLUTION = {"confirmed": "bestätigt", "corrected": "berichtigt"}
SOURCE = {"document": "Dokument", "user": "Benutzer", "oparl": "OParl", "system": "System"}
#: Fields a correction can name (``deadline.D1.due`` and the like), in German.
FIELD = {
    "title": "Titel",
    "office": "Federführung",
    "addressee": "Adressat",
    "committee": "Gremium",
    "outcome": "Beschluss",
    "kind": "Art",
    "state": "Bundesland",
    "due": "Fälligkeit",
    "phrase": "Wortlaut",
    "first_due": "erste Fälligkeit",
    "recurrence": "Turnus",
    "recipient": "Empfänger",
    "decision.outcome": "Beschluss: Ergebnis",
}


def correctable(motion: Any) -> list[tuple[str, str]]:
    """The facts of ``motion`` a reviewer may correct: (field name, German label)."""
    from tracker.state import CORRECTABLE  # deferred: only the review queue needs it

    names = [f"deadline.{d}.{part}" for d in motion.deadlines for part in ("due", "kind")]
    names += ["decision.outcome", *CORRECTABLE]
    return [(name, _field(name)) for name in names]


def _field(name: str) -> str:
    """``deadline.D1.due`` as ``Frist D1: Fälligkeit``."""
    parts = name.split(".")
    if len(parts) == 3:
        owner = {"deadline": "Frist", "duty": "Berichtspflicht"}.get(parts[0], parts[0])
        return f"{owner} {parts[1]}: {FIELD.get(parts[2], parts[2])}"
    return FIELD.get(name, name)


def _value(field_name: str, value: str | None) -> str:
    if value is None or value == "":
        return "(leer)"
    if field_name.endswith("due"):
        return german_date(value)
    if field_name.endswith("outcome"):
        return OUTCOME.get(value, value)
    return f"„{value}“"


def source(provenance: Any) -> str:
    """Where an event's fact came from, in German (``Dokument: x.txt``)."""
    if provenance is None:
        return "–"
    kind = str(getattr(provenance.kind, "value", provenance.kind))
    return f"{SOURCE.get(kind, kind)}: {provenance.name}"


def event_content(event: Any) -> str:
    """What one event recorded, in German words (the timeline's "Inhalt")."""
    name = type(event).__name__
    parts: list[str] = []

    def get(key: str) -> Any:
        return getattr(event, key, None)

    def add(label_text: str, value: Any) -> None:
        if value is not None and value != "" and value != []:
            parts.append(f"{label_text}: {value}" if label_text else str(value))

    def word(mapping: dict[str, str], value: Any) -> str | None:
        if value is None:
            return None
        text = str(getattr(value, "value", value))
        return mapping.get(text, text)

    if name == "Registered":
        add("Titel", get("title"))
        add("Art", get("kind"))
        add("Antragsteller", ", ".join(get("initiators") or []) or None)
    elif name == "DecisionRecorded":
        add("", word(OUTCOME, get("outcome")))
        add("Gremium", get("committee"))
    elif name == "ConsultationRecorded":
        add("Gremium", get("committee"))
        add("Rolle", get("role"))
        add("Ergebnis", get("result"))
    elif name == "AddresseeAssigned":
        add("Adressat", get("addressee"))
        add("Federführung", get("office"))
    elif name == "DeadlineSet":
        due = german_date(get("due")) or "ohne Datum"
        add("", f"{get('deadline_id')}: {word(KIND, get('kind'))}, fällig {due}")
        add("Wortlaut", f"„{get('phrase')}“")
    elif name == "DeadlineExtended":
        before = german_date(get("previous_due")) or "ohne Datum"
        add("", f"{get('deadline_id')}: von {before} auf {german_date(get('new_due'))}")
        add("Begründung", get("reason"))
    elif name == "ReportObligationSet":
        add("", f"{get('obligation_id')}: {word(RECURRENCE, get('recurrence'))}")
        add("erstmals fällig", german_date(get("first_due")) or None)
        add("an", get("recipient"))
    elif name == "ReportSubmitted":
        add("", word(REPORT_KIND, get("report_kind")))
        add("Drucksache", get("document_reference"))
        add("zur Pflicht", get("obligation_id"))
    elif name == "AnswerFiled":
        add("", f"{word(REPORT_KIND, get('report_kind'))} zu {get('answered_reference')}")
    elif name == "Completed":
        add("Frist", get("deadline_id") or "alle")
        add("Vermerk", get("note"))
    elif name == "Withdrawn":
        add("Grund", get("reason"))
    elif name == "ProgressReported":
        add("", get("text"))
        add("Grund der Verzögerung", get("reason"))
        add("Nächster Schritt", get("next_step"))
        add("Voraussichtlich erledigt", german_date(get("expected")) or None)
        add("Federführung", get("office"))
    elif name == "DoneReported":
        add("Federführung", get("office"))
        add("Vermerk", get("note"))
    elif name == "ClosureConfirmed":
        add("Gremium", get("committee"))
        add("Vermerk", get("note"))
    elif name == "Reopened":
        add("Grund", get("reason"))
    elif name == "Corrected":
        field_name = str(get("field"))
        before, after = _value(field_name, get("previous")), _value(field_name, get("value"))
        add("", f"{_field(field_name)}: {before} → {after}")
        add("Begründung", get("reason"))
    elif name == "ReviewRequested":
        add("", f"{get('item_id')}: {word(REVIEW_REASON, get('reason'))}")
        add("Wortlaut", f"„{get('phrase')}“" if get("phrase") else None)
    elif name == "ReviewResolved":
        add("", f"{get('item_id')} {word(RESOLUTION, get('resolution'))}")
        add("Vermerk", get("note"))
    elif name == "VisibilityChanged":
        add("", "öffentlich" if get("public") else "nichtöffentlich")
        add("Grund", get("reason"))
    return "; ".join(parts)


#: The reader's warnings (English, as the CLI prints them) as a reviewer reads them after an
#: upload: (pattern, German); a warning no pattern knows is shown as it is.
WARNINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), german)
    for pattern, german in (
        (r"^no date for (?P<a>.+): depends on (?P<b>.+)$",
         "kein Datum für {a}: hängt ab von „{b}“ (zur Prüfung vorgelegt)"),
        (r"^Bundesland not recognised; give the state explicitly$",
         "Bundesland nicht erkannt: Feiertage nur bundesweit berücksichtigt (beim Einlesen "
         "über die Kommandozeile mit --state angeben)"),
        (r"^no Drucksachen-Nr\. found: the document is keyed by its text$",
         "keine Drucksachen-Nr. gefunden: unter einem Schlüssel aus dem Text erfasst"),
        (r"^no title found$", "kein Titel gefunden"),
        (r"^no kind found$", "keine Dokumentart gefunden"),
        (r"^no body found$", "kein Gremium gefunden"),
        (r"^declined report, not an obligation: (?P<a>.+)$",
         "abgelehnte Berichtspflicht, nicht erfasst: {a}"),
        (r"^an Erledigungsfrist is given: undated prose terms dropped$",
         "eine Erledigungsfrist ist angegeben: Zeitangaben ohne Datum im Text nicht erfasst"),
        (r"^deadline (?P<a>.+) not recorded: (?P<b>.+)$", "Frist {a} nicht erfasst ({b})"),
        (r"^report duty (?P<a>.+) not recorded: (?P<b>.+)$",
         "Berichtspflicht {a} nicht erfasst ({b})"),
        (r"^statutory term (?P<a>.+) not recorded: (?P<b>.+)$",
         "gesetzliche Frist {a} nicht erfasst ({b})"),
        (r"^motion (?P<a>.+): (?P<n>\d+) deadline\(s\) and (?P<m>\d+) report\(s\) not taken$",
         "Antrag {a}: {n} Frist(en) und {m} Berichtspflicht(en) nicht übernommen"),
    )
)  # fmt: skip


def warning(text: Any) -> str:
    """One of the reader's warnings in German (quotes as „…“)."""
    value = str(text)
    for pattern, german in WARNINGS:
        found = pattern.match(value)
        if found:
            parts = {k: _quoted(v) for k, v in found.groupdict().items()}
            return german.format(**parts)
    return value


def _quoted(value: str) -> str:
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        return f"„{value[1:-1]}“"
    return value.replace("rejected", "abgelehnt").replace("withdrawn", "zurückgezogen")


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
        return german_datetime(value)
    if isinstance(value, date):
        return german_day(value)
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


def due_mark(rule: Any) -> str:
    """How a due date came about when the council did not set it: a statutory default, a
    vague term's default period (soft), the committee's next session; '' otherwise."""
    text = str(rule or "")
    base = text.partition(":")[2] if text.startswith("label:") else text
    prefix, _, rest = base.partition(":")
    if prefix == "statute" and rest:
        return f"gesetzliche Regelfrist ({rest})"
    if prefix == "soft" and rest:
        return f"weich: vage Frist, angenommen {rest} Tage"
    if prefix == "meeting" and rest:
        return f"nächste Sitzung: {rest}"
    return ""


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
    env.filters["report_kind"] = label(REPORT_KIND)
    env.filters["role"] = label(ROLE)
    env.filters["warning"] = warning
    env.filters["event_content"] = event_content
    env.filters["source"] = source
    env.filters["due_mark"] = due_mark
    env.filters["path"] = lambda v: quote(str(v), safe="")
    env.globals["query"] = query
    env.globals["correctable"] = correctable
    env.globals["ORDER"] = ORDER
    env.globals["MOTION_STATUS"] = MOTION_STATUS
    env.globals["RAG"] = RAG
    env.globals["KIND"] = KIND
    return env


def render(template: str, **context: Any) -> str:
    """A page from its template."""
    return environment().get_template(template).render(**context)

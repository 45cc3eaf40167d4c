"""The list tabled at a committee's session (Beschlusskontrolle): one row per open motion,
as councils table it, and what changed since the last session.

:func:`build_agenda` makes an :class:`AgendaList` from the board's items and the motions'
folded states (:meth:`projections.queries.BoardQueries.agenda`); the writers turn it into
the formats councils use: PDF (reportlab), XLSX (XlsxWriter), CSV (plain, and for German
Excel: ``;``, UTF-8 with BOM) and HTML. The headings are German, as a council's list has
them (:data:`COLUMNS`); the choice of libraries is recorded in docs/decisions/0019.

A row per motion: Drucksache, Betreff, Antragsteller (the Fraktionen, else the
initiators), Beschluss vom, Federführung, Frist (the earliest open due date), Stand (the
motion's status) with the Ampel (its worst red / amber / green on the session's day),
Sachstand, Gründe der Verzögerung, and Abschluss vorgeschlagen (the office reported it
done: the committee may confirm the closure). With ``since`` the list adds what changed
after that day: new (decided since), extended, reported done, closed.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.clock import german_date

#: The columns of the list: key and German heading.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", "Nr."),
    ("reference", "Drucksache"),
    ("title", "Betreff"),
    ("initiator", "Antragsteller"),
    ("decided", "Beschluss vom"),
    ("office", "Federführung"),
    ("due", "Frist"),
    ("status", "Stand"),
    ("rag", "Ampel"),
    ("progress", "Sachstand"),
    ("reason", "Gründe der Verzögerung"),
    ("closure", "Abschluss vorgeschlagen"),
)
CHANGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "Drucksache"),
    ("title", "Betreff"),
    ("what", "Änderung"),
    ("on", "am"),
    ("detail", "Einzelheiten"),
)
STATUS_DE = {
    "not_started": "nicht begonnen",
    "in_progress": "in Bearbeitung",
    "deferred": "zurückgestellt",
    "done_reported": "Erledigung gemeldet",
    "closed": "abgeschlossen",
    "withdrawn": "zurückgezogen",
}
RAG_DE = {"red": "rot", "amber": "gelb", "green": "grün"}
_RAG_ORDER = {"red": 0, "amber": 1, "green": 2}
#: The fill colour of the Ampel cell (PDF, XLSX, HTML).
RAG_COLOURS = {"rot": "#E4572E", "gelb": "#F3C13A", "grün": "#76B041"}
FORMATS = ("pdf", "xlsx", "csv", "csv-excel", "html")


def _de(day: str | date | None) -> str:
    if day is None:
        return ""
    return german_date(date.fromisoformat(day) if isinstance(day, str) else day)


@dataclass(frozen=True)
class AgendaRow:
    """One motion on the list (the values as printed)."""

    number: int
    reference: str
    title: str
    initiator: str
    decided: str
    office: str
    due: str
    status: str
    rag: str
    progress: str
    reason: str
    closure: str

    def cells(self) -> list[str]:
        """The row's cells in :data:`COLUMNS` order."""
        return [str(getattr(self, key)) for key, _ in COLUMNS]


@dataclass(frozen=True)
class AgendaChange:
    """Something that changed on a motion after the last session."""

    reference: str
    title: str
    what: str
    on: str
    detail: str

    def cells(self) -> list[str]:
        return [getattr(self, key) for key, _ in CHANGE_COLUMNS]


@dataclass(frozen=True)
class AgendaList:
    """The list for ``committee``'s session on ``session`` (changes after ``since``)."""

    committee: str
    session: date
    since: date | None
    rows: tuple[AgendaRow, ...]
    changes: tuple[AgendaChange, ...] = field(default=())

    @property
    def title(self) -> str:
        return "Beschlusskontrolle: Liste der offenen Beschlüsse"

    @property
    def subtitle(self) -> str:
        return f"{self.committee}, Sitzung am {_de(self.session)}"

    @property
    def changes_heading(self) -> str:
        return f"Änderungen seit der Sitzung am {_de(self.since)}"


def build_agenda(
    items: Iterable[Mapping[str, Any]],
    states: Mapping[str, Mapping[str, Any]],
    *,
    committee: str,
    session: date,
    since: date | None = None,
) -> AgendaList:
    """The list from the board's open items (statuses for ``session``) and the motions'
    folded states (for the changes after ``since``)."""
    by_motion: dict[str, list[Mapping[str, Any]]] = {}
    for item in items:
        by_motion.setdefault(str(item["motion_id"]), []).append(item)
    rows = []
    for number, (mid, group) in enumerate(by_motion.items(), 1):
        first = group[0]
        dated = sorted((str(i["due"]), bool(i.get("soft"))) for i in group if i["due"])
        rags = sorted((i["rag"] for i in group if i["rag"]), key=lambda r: _RAG_ORDER[r])
        progress = first.get("progress") or {}
        state = states.get(mid, {})
        done = state.get("done")
        rows.append(
            AgendaRow(
                number=number,
                reference=str(first["reference"]),
                title=str(first["title"]),
                initiator=first.get("fraktion") or ", ".join(first.get("initiators") or []),
                decided=_de(first.get("decision_date")),
                office=first.get("office") or "ohne Federführung",
                due=(_de(dated[0][0]) + (" (weich)" if dated[0][1] else ""))
                if dated
                else "ohne Datum",
                status=STATUS_DE.get(str(first["motion_status"]), str(first["motion_status"])),
                rag=RAG_DE[rags[0]] if rags else "",
                progress=_progress(progress),
                reason=progress.get("reason") or "",
                closure=f"ja (Erledigung gemeldet am {_de(done)})" if done else "",
            )
        )
    changes = tuple(_changes(states, since)) if since is not None else ()
    return AgendaList(committee, session, since, tuple(rows), changes)


def _progress(progress: Mapping[str, Any]) -> str:
    if not progress:
        return ""
    text = f"{_de(progress['on'])}: {progress['text']}"
    if progress.get("next"):
        text += f" Nächster Schritt: {progress['next']}"
    if progress.get("expected"):
        text += f" (erwartet bis {_de(progress['expected'])})"
    return text


def _changes(states: Mapping[str, Mapping[str, Any]], since: date) -> Iterable[AgendaChange]:
    """New (decided or registered after ``since``), extended, reported done, closed."""
    after = since.isoformat()
    for state in states.values():
        ref, title = str(state["reference"]), str(state["title"])
        decided = [d[0] for d in state.get("decisions", []) if d[0]]
        first = min(decided) if decided else state.get("registered")
        if first and first > after:
            yield AgendaChange(ref, title, "neu", _de(first), "")
        for did, d in sorted(state.get("deadlines", {}).items()):
            for (on, due), (_, before) in zip(d["changes"][1:], d["changes"], strict=False):
                if on > after:
                    detail = f"{did}: von {_de(before)} auf {_de(due)}"
                    yield AgendaChange(ref, title, "Frist verlängert", _de(on), detail)
        done = state.get("done")
        if done and done > after:
            yield AgendaChange(ref, title, "Erledigung gemeldet", _de(done), "")
        closure = state.get("closure")
        if closure and closure["on"] > after:
            by = f"durch {closure['committee']}"
            yield AgendaChange(ref, title, "abgeschlossen", _de(closure["on"]), by)
        if state.get("completed") and state["completed"] > after:
            yield AgendaChange(ref, title, "abgeschlossen", _de(state["completed"]), "")


# -- writers --------------------------------------------------------------------------------


def to_csv(agenda: AgendaList, *, excel: bool = False) -> bytes:
    """CSV: plain (``,``, UTF-8), or for German Excel (``;``, UTF-8 with BOM). The changes
    follow the list after an empty line, under their own heading row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow([heading for _, heading in COLUMNS])
    writer.writerows([_safe(c) for c in row.cells()] for row in agenda.rows)
    if agenda.since is not None:
        writer.writerow([])
        writer.writerow([heading for _, heading in CHANGE_COLUMNS])
        writer.writerows([_safe(c) for c in change.cells()] for change in agenda.changes)
    return buffer.getvalue().encode("utf-8-sig" if excel else "utf-8")


def _safe(cell: str) -> str:
    """A cell a spreadsheet will not evaluate (``=``, ``+``, ``-``, ``@`` get a ``'``)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def to_html(agenda: AgendaList) -> str:
    """A standalone HTML page (German), the Ampel as a coloured cell."""
    esc = html.escape

    def table(headings: list[str], rows: list[list[str]], rag_column: int | None) -> str:
        head = "".join(f"<th>{esc(h)}</th>" for h in headings)
        body = []
        for cells in rows:
            tds = []
            for i, cell in enumerate(cells):
                colour = RAG_COLOURS.get(cell) if i == rag_column else None
                style = f' style="background:{colour}"' if colour else ""
                tds.append(f"<td{style}>{esc(cell)}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"

    rag_index = [key for key, _ in COLUMNS].index("rag")
    parts = [
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">',
        f"<title>{esc(agenda.title)} – {esc(agenda.subtitle)}</title>",
        "<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse}"
        "th,td{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}"
        "th{background:#eee}</style></head><body>",
        f"<h1>{esc(agenda.title)}</h1><p>{esc(agenda.subtitle)}</p>",
        table([h for _, h in COLUMNS], [r.cells() for r in agenda.rows], rag_index)
        if agenda.rows
        else "<p>Keine offenen Beschlüsse.</p>",
    ]
    if agenda.since is not None:
        parts.append(f"<h2>{esc(agenda.changes_heading)}</h2>")
        parts.append(
            table([h for _, h in CHANGE_COLUMNS], [c.cells() for c in agenda.changes], None)
            if agenda.changes
            else "<p>Keine Änderungen.</p>"
        )
    parts.append("</body></html>\n")
    return "\n".join(parts)


#: Relative widths of the PDF's columns (landscape A4).
_PDF_WIDTHS = (0.03, 0.07, 0.135, 0.09, 0.065, 0.09, 0.065, 0.075, 0.045, 0.14, 0.105, 0.09)


def to_pdf(agenda: AgendaList) -> bytes:
    """A landscape A4 PDF: title, the list (headings repeated on every page), the changes."""
    # deferred: reportlab is loaded only when a PDF is written (start-up, decision 0010)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=7, leading=8.5)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold")
    buffer = io.BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(
        buffer, pagesize=page, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm,
        bottomMargin=12 * mm, title=agenda.title, subject=agenda.subtitle, lang="de-DE",
    )  # fmt: skip
    width = page[0] - 24 * mm

    def grid(
        headings: list[str], rows: list[list[str]], widths: Iterable[float], rag: int | None
    ) -> Table:
        data = [[Paragraph(html.escape(h), head) for h in headings]]
        data += [[Paragraph(html.escape(c), cell) for c in r] for r in rows]
        table = Table(data, colWidths=[w * width for w in widths], repeatRows=1)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if rag is not None:
            for i, r in enumerate(rows, 1):
                colour = RAG_COLOURS.get(r[rag])
                if colour:
                    style.append(("BACKGROUND", (rag, i), (rag, i), colors.HexColor(colour)))
        table.setStyle(TableStyle(style))
        return table

    story: list[Any] = [
        Paragraph(html.escape(agenda.title), styles["Title"]),
        Paragraph(html.escape(agenda.subtitle), styles["Heading3"]),
        Spacer(1, 4 * mm),
    ]
    if agenda.rows:
        rag_index = [key for key, _ in COLUMNS].index("rag")
        rows = [r.cells() for r in agenda.rows]
        story.append(grid([h for _, h in COLUMNS], rows, _PDF_WIDTHS, rag_index))
    else:
        story.append(Paragraph("Keine offenen Beschlüsse.", styles["BodyText"]))
    if agenda.since is not None:
        story += [
            Spacer(1, 6 * mm),
            Paragraph(html.escape(agenda.changes_heading), styles["Heading3"]),
        ]
        if agenda.changes:
            changes = [c.cells() for c in agenda.changes]
            headings = [h for _, h in CHANGE_COLUMNS]
            story.append(grid(headings, changes, (0.1, 0.35, 0.15, 0.1, 0.3), None))
        else:
            story.append(Paragraph("Keine Änderungen.", styles["BodyText"]))
    doc.build(story)
    return buffer.getvalue()


def to_xlsx(agenda: AgendaList) -> bytes:
    """An XLSX workbook: sheet "Beschlusskontrolle" (title rows, headings, the list, frozen
    under the headings, filters on), and with ``since`` a sheet "Änderungen"."""
    # deferred: XlsxWriter is loaded only when a workbook is written (start-up, decision 0010)
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#E8E8E8", "border": 1, "text_wrap": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    title = book.add_format({"bold": True, "font_size": 14})
    fills = {
        name: book.add_format({"bg_color": colour, "border": 1, "valign": "top"})
        for name, colour in RAG_COLOURS.items()
    }

    sheet = book.add_worksheet("Beschlusskontrolle")
    sheet.write_string(0, 0, agenda.title, title)
    sheet.write_string(1, 0, agenda.subtitle)
    headings = [h for _, h in COLUMNS]
    sheet.write_row(3, 0, headings, bold)
    rag_index = [key for key, _ in COLUMNS].index("rag")
    for i, row in enumerate(agenda.rows, 4):
        for j, value in enumerate(row.cells()):
            fmt = fills.get(value, wrap) if j == rag_index else wrap
            if j == 0:
                sheet.write_number(i, j, row.number, fmt)
            else:
                sheet.write_string(i, j, value, fmt)
    widths = (5, 12, 40, 22, 12, 24, 12, 18, 7, 45, 30, 22)
    for j, w in enumerate(widths):
        sheet.set_column(j, j, w)
    sheet.freeze_panes(4, 0)
    sheet.autofilter(3, 0, 3 + len(agenda.rows), len(headings) - 1)
    if agenda.since is not None:
        changes = book.add_worksheet("Änderungen")
        changes.write_string(0, 0, agenda.changes_heading, title)
        changes.write_row(2, 0, [h for _, h in CHANGE_COLUMNS], bold)
        for i, change in enumerate(agenda.changes, 3):
            changes.write_row(i, 0, change.cells(), wrap)
        for j, w in enumerate((12, 40, 20, 12, 40)):
            changes.set_column(j, j, w)
    book.close()
    return buffer.getvalue()


def write(agenda: AgendaList, fmt: str) -> bytes:
    """The list in ``fmt``: one of :data:`FORMATS`."""
    if fmt == "pdf":
        return to_pdf(agenda)
    if fmt == "xlsx":
        return to_xlsx(agenda)
    if fmt in ("csv", "csv-excel"):
        return to_csv(agenda, excel=fmt == "csv-excel")
    if fmt == "html":
        return to_html(agenda).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")

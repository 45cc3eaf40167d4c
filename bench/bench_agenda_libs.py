"""Which libraries write the agenda list (decision 0019): reportlab vs fpdf2 for the PDF,
openpyxl vs xlsxwriter for the XLSX, on the same 300-row table of German text.

    .venv/bin/python -m bench.bench_agenda_libs

Prints per library: import time, time to write, output size. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import importlib
import io
import subprocess
import sys
import time

HEAD = ["Drucksache", "Betreff", "Antragsteller", "Beschluss vom", "Federführung", "Frist",
        "Stand", "Sachstand / Gründe der Verzögerung"]  # fmt: skip
ROWS = [
    [f"{n:04d}/IV", f"Sanierung der Sporthalle Grünstraße Nr. {n} – Überprüfung", "SPD-Fraktion",
     "20.02.2014", "Abt. Stadtentwicklung", "18.12.2014", "in Bearbeitung · rot",
     "Räume angefragt; Gründe: Personalmangel im Fachbereich, Ausschreibung läuft"]
    for n in range(300)
]  # fmt: skip


def import_seconds(module: str) -> float:
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def reportlab_pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4))
    data = [HEAD] + [[Paragraph(c, style) for c in r] for r in ROWS]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
    doc.build([table])
    return buf.getvalue()


def fpdf2_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.add_page()
    # Its core fonts are Latin-1 only ("–", "·" raise); a Unicode font needs a TTF file.
    pdf.set_font("Helvetica", size=7)
    with pdf.table() as table:
        for r in [HEAD, *ROWS]:
            row = table.row()
            for c in r:
                row.cell(c.replace("–", "-").replace("·", "-"))
    return bytes(pdf.output())


def openpyxl_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in [HEAD, *ROWS]:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsxwriter_xlsx() -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet()
    for i, r in enumerate([HEAD, *ROWS]):
        ws.write_row(i, 0, r)
    wb.close()
    return buf.getvalue()


def main() -> None:
    for name, module, write in (
        ("reportlab", "reportlab.platypus", reportlab_pdf),
        ("fpdf2", "fpdf", fpdf2_pdf),
        ("openpyxl", "openpyxl", openpyxl_xlsx),
        ("xlsxwriter", "xlsxwriter", xlsxwriter_xlsx),
    ):
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"{name:10s} not installed")
            continue
        imported = import_seconds(module)
        write()  # warm
        start = time.perf_counter()
        for _ in range(5):
            data = write()
        took = (time.perf_counter() - start) / 5
        print(f"{name:10s} import {imported * 1000:6.0f} ms  write {took * 1000:7.1f} ms  "
              f"{len(data) / 1024:7.1f} KiB")  # fmt: skip


if __name__ == "__main__":
    main()

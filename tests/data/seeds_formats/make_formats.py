"""Make the HTML and PDF versions of the seed documents (see README.md in this folder).

    python tests/data/seeds_formats/make_formats.py [SEEDS_DIR]

SEEDS_DIR defaults to ../shared/seeds beside the repository. Writes, for every seed
NNN_x.txt: a copy of the text, NNN_x.html (a saved council page: scripts, styles, comments,
entities, label/value rows as table cells; even numbers UTF-8, odd numbers Windows-1252)
and NNN_x.pdf (reportlab, Helvetica 10 pt on A4, lines wrapped as a word processor would);
plus image_only.pdf (a drawing without any text).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
LABEL_ROW = re.compile(r"^([A-ZÄÖÜ][\w/ -]{1,30}):\s*(\S.*)$")

PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>Ratsinformationssystem &ndash; {title}</title>
<style>body {{ font-family: sans-serif; }} td {{ padding: 2px; }}</style>
<script>var smc = {{"menu": "<p>Sitzungskalender</p>"}}; function go() {{ return 1 < 2; }}</script>
</head>
<body>
<!-- navigation removed when the page was saved -->
<div id="content">
{content}
</div>
<noscript><p>Bitte aktivieren Sie JavaScript.</p></noscript>
</body>
</html>
"""


def _cell(text: str) -> str:
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


def to_html(text: str, charset: str) -> bytes:
    """The seed as a saved council page: paragraphs, and ``Label: value`` lines as rows."""
    parts: list[str] = []
    rows: list[str] = []

    def close_table() -> None:
        if rows:
            parts.append("<table>\n" + "\n".join(rows) + "\n</table>")
            rows.clear()

    for block in re.split(r"\n\s*\n", text):
        for line in block.split("\n"):
            m = LABEL_ROW.match(line.strip())
            if m:
                rows.append(f"<tr><td>{_cell(m.group(1))}:</td><td>{_cell(m.group(2))}</td></tr>")
                continue
            close_table()
            if line.strip():
                parts.append(f"<p>{_cell(line)}</p>")
        close_table()
        parts.append("<p>&nbsp;</p>")
    first = next((line for line in text.splitlines() if line.strip()), "")
    page = PAGE.format(charset=charset, title=_cell(first.strip()), content="\n".join(parts))
    return page.encode(charset, errors="xmlcharrefreplace")


def to_pdf(text: str, target: Path) -> None:
    """The seed as a wrapped A4 PDF with a text layer."""
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    story: list[object] = []
    for line in text.split("\n"):
        if line.strip():
            story.append(Paragraph(html.escape(line.strip(), quote=False), style))
        else:
            story.append(Spacer(1, 6))
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=target.stem,
        invariant=1,
    )
    doc.build(story)  # type: ignore[arg-type]


def image_only_pdf(target: Path) -> None:
    """A one-page PDF with shapes and no text layer, like a scan."""
    page = canvas.Canvas(str(target), pagesize=A4, invariant=1)
    for i in range(40):
        page.rect(2 * cm, 2 * cm + i * 0.6 * cm, 15 * cm - i * 0.2 * cm, 0.3 * cm, fill=1)
    page.showPage()
    page.save()


def main(seeds: Path) -> None:
    for number, source in enumerate(sorted(seeds.glob("[0-9]*.txt"))):
        text = source.read_text(encoding="utf-8")
        (HERE / source.name).write_text(text, encoding="utf-8")
        charset = "utf-8" if number % 2 == 0 else "windows-1252"
        (HERE / source.with_suffix(".html").name).write_bytes(to_html(text, charset))
        to_pdf(text, HERE / source.with_suffix(".pdf").name)
    image_only_pdf(HERE / "image_only.pdf")


if __name__ == "__main__":
    default = HERE.parents[2] / ".." / "shared" / "seeds"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)

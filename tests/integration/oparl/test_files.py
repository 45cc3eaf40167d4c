"""Reading a paper's main file through the document reader when OParl gives no text."""

from __future__ import annotations

import io
from datetime import date

from tests.integration.oparl.conftest import T1, T2, Runner
from tests.integration.oparl.server import BASE, OParlWorld
from tests.integration.oparl.world import gen_paper

GEN = "Bezirksverordnetenversammlung Generatia"
PAPERS = f"{BASE}/gen/body/1/papers"


def pdf(*lines: str) -> bytes:
    """A one-page PDF with a text layer."""
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for n, line in enumerate(lines):
        page.drawString(72, 760 - 16 * n, line)
    page.save()
    return out.getvalue()


def with_main_file(world: OParlWorld, i: int, content: bytes | None) -> None:
    paper = gen_paper(i)
    paper["mainFile"] = {
        "id": f"{BASE}/gen/file/{i}",
        "type": "https://schema.oparl.org/1.1/File",
        "fileName": f"antrag-{i}.pdf",
        "mimeType": "application/pdf",
        "accessUrl": f"{BASE}/gen/download/{i}.pdf",
    }
    world.replace(PAPERS, paper)
    if content is not None:
        world.files[f"/gen/download/{i}.pdf"] = content


def test_the_main_pdf_gives_the_deadline_when_no_text_is_in_oparl(
    sync: Runner, world: OParlWorld
) -> None:
    with_main_file(
        world,
        3,  # paper 3 has no result and no resolution text
        pdf("Beschlussvorschlag:", "Das Bezirksamt wird ersucht, bis zum 31.10.2015 zu berichten."),
    )
    with_main_file(world, 7, b"not a pdf at all")
    with_main_file(world, 2, None)  # 404
    with_main_file(world, 4, pdf("Anlage"))  # has a resolution text: not downloaded
    summary = sync(at=T1, body="Generatia", download_files=True)
    motion = sync.service().find("DS/0003/XX", GEN)
    assert [d.due for d in motion.deadlines.values()] == [date(2015, 10, 31)]
    assert summary.problems["file_unreadable"] == 1  # paper 7
    assert summary.problems["file_failed"] == 1  # paper 2
    downloads = [t for t in world.log() if t.startswith("/gen/download/")]
    assert sorted(downloads) == [
        "/gen/download/2.pdf",
        "/gen/download/3.pdf",
        "/gen/download/7.pdf",
    ]

    world.clear_log()
    again = sync(at=T2, body="Generatia", download_files=True, full=True)
    assert again.events == 0
    assert "/gen/download/3.pdf" not in world.log()  # the text is kept in the mirror


def test_files_are_not_downloaded_unless_asked(sync: Runner, world: OParlWorld) -> None:
    with_main_file(world, 3, pdf("Das Bezirksamt wird ersucht, bis zum 31.10.2015 zu berichten."))
    sync(at=T1, body="Generatia")
    assert not [t for t in world.log() if t.startswith("/gen/download/")]
    assert not sync.service().find("DS/0003/XX", GEN).deadlines

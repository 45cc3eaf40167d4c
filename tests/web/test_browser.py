"""The journeys of issue 18 in a real browser (Debian's chromium driven by Playwright) against
``tracker serve`` on loopback: no JavaScript is needed, and none runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect

from tests.conftest import require
from tests.web.browser import CHROMIUM, chromium
from tests.web.conftest import PASSWORD, XSS, Server, tracker


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    with chromium() as running:
        yield running


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:  # a script that ran would open one (the XSS title)
        dialogs.append(dialog.message)
        dialog.dismiss()

    ctx.on("page", lambda page: page.on("dialog", refuse))
    yield ctx
    ctx.close()
    assert dialogs == [], f"a script ran: {dialogs}"


def sign_in(page: Page, server: Server, name: str) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_text(f"Angemeldet: {name}")).to_be_visible()


def test_a_councillor_filters_a_committee_and_opens_a_motion(
    server: Server, context: BrowserContext
) -> None:
    page = context.new_page()
    sign_in(page, server, "rat")
    page.get_by_label("Gremium").select_option("Ausschuss Soziales")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page.locator(".count")).to_contain_text("von 3 überfälligen Fristen")
    expect(page.get_by_role("link", name="2025/0156")).to_have_count(0)
    page.get_by_role("link", name="1263/IV").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Integrationskonferenz")
    expect(page.get_by_role("heading", name="Verlauf")).to_be_visible()
    expect(page.get_by_text("So wurde das Datum bestimmt")).to_be_visible()


def test_an_office_records_a_sachstand_and_sees_it_in_the_list(
    server: Server, context: BrowserContext
) -> None:
    page = context.new_page()
    sign_in(page, server, "amt_a")
    page.goto(f"{server.url}/motions/{server.ids['1263/IV']}")
    page.locator("#p-text").fill("Konferenz für Mai geplant")
    page.get_by_label("Grund der Verzögerung").fill("Raum erst ab Mai frei")
    page.get_by_role("button", name="Sachstand speichern").click()
    expect(page.locator("ol.progress")).to_contain_text("Konferenz für Mai geplant")
    page.goto(f"{server.url}/?office=Amt+A")
    row = page.get_by_role("row").filter(has_text="1263/IV")
    expect(row).to_contain_text("Konferenz für Mai geplant")
    expect(row).to_contain_text("Raum erst ab Mai frei")


def test_a_reviewer_confirms_an_extracted_deadline(server: Server, context: BrowserContext) -> None:
    before = len(json.loads(tracker(server.db, "review", "--format", "json")))
    assert before > 0
    page = context.new_page()
    sign_in(page, server, "pruef")
    page.get_by_role("link", name="Prüfliste").click()
    articles = page.locator("article.review")
    expect(articles).to_have_count(before)
    articles.first.get_by_role("button", name="Bestätigen").click()
    expect(page.locator("article.review")).to_have_count(before - 1)
    assert len(json.loads(tracker(server.db, "review", "--format", "json"))) == before - 1


def test_a_public_visitor_sees_no_non_public_item(server: Server, context: BrowserContext) -> None:
    page = context.new_page()
    page.goto(server.url)
    expect(page.locator(".count")).to_be_visible()
    expect(page.get_by_text("Geheimweg")).to_have_count(0)
    response = page.goto(f"{server.url}/motions/{server.ids['0888/IV']}")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Nicht gefunden")).to_be_visible()


def test_refusals_write_nothing(server: Server, context: BrowserContext) -> None:
    page = context.new_page()
    sign_in(page, server, "amt_b")
    version = json.loads(tracker(server.db, "show", "1263/IV", "--format", "json"))["version"]
    page.goto(f"{server.url}/motions/{server.ids['1263/IV']}")
    expect(page.get_by_role("button", name="Sachstand speichern")).to_have_count(0)
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    url = f"{server.url}/motions/{server.ids['1263/IV']}/progress"
    foreign = page.request.post(url, form={"csrf": token or "", "version": str(version),
                                           "text": "fremdes Amt"})  # fmt: skip
    assert foreign.status == 403
    no_token = page.request.post(url, form={"version": str(version), "text": "ohne Token"})
    assert no_token.status == 403
    after = json.loads(tracker(server.db, "show", "1263/IV", "--format", "json"))["version"]
    assert after == version


def test_a_hostile_title_is_shown_as_text(server: Server, context: BrowserContext) -> None:
    page = context.new_page()
    page.goto(f"{server.url}/motions/{server.ids['0666/IV']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(XSS)
    assert page.locator("img[src=x]").count() == 0
    page.goto(server.url)
    expect(page.get_by_role("cell", name=XSS)).to_be_visible()


def test_keyboard_phone_width_and_print(server: Server, browser: Browser, tmp_path: Path) -> None:
    ctx = browser.new_context(locale="de-DE", viewport={"width": 375, "height": 740})
    try:
        page = ctx.new_page()
        page.goto(server.url)
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Zum Inhalt springen"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the board is {width}px wide on a 375px phone"
        page.emulate_media(media="print")
        assert page.locator("form.filters").is_hidden()
        pdf = tmp_path / "board.pdf"
        page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
        assert (tmp_path / "phone.png").stat().st_size > 0 and not pdf.exists()
    finally:
        ctx.close()


def test_a_motion_page_fits_a_phone(server: Server, browser: Browser) -> None:
    """Every table of a motion page (the Frist's history, the timeline) folds into the
    phone's width instead of widening the page."""
    tracker(server.db, "deadline", "extend", "0777/IV", "D1", "--to", "30.06.2026",
            "--reason", "Gutachten steht aus", "--effective", "20.02.2026")  # fmt: skip
    ctx = browser.new_context(locale="de-DE", viewport={"width": 375, "height": 740})
    try:
        page = ctx.new_page()
        page.goto(f"{server.url}/motions/{server.ids['0777/IV']}")
        expect(page.get_by_text("Verlauf der Frist")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the motion page is {width}px wide on a 375px phone"
        timeline = page.locator("table.timeline")
        box = timeline.bounding_box()
        assert box is not None and box["width"] <= 375
        cell = page.locator("table.timeline td[data-label=Inhalt]").first
        assert cell.bounding_box() is not None
        assert cell.bounding_box()["width"] > 300  # type: ignore[index]  # a line, not a sliver
    finally:
        ctx.close()


def test_a_councillor_downloads_the_list_tabled_at_a_session(
    server: Server, context: BrowserContext, tmp_path: Path
) -> None:
    """The committee page's download buttons in the browser: the PDF and the XLSX saved by
    chromium and read back (a councillor's list has the non-public item too)."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    page = context.new_page()
    sign_in(page, server, "rat")
    page.goto(f"{server.url}/committees/Ausschuss%20Soziales")
    page.get_by_label("Sitzung am").fill("05.03.2026")
    saved: dict[str, Path] = {}
    for button, suffix in (("PDF", "pdf"), ("Excel (XLSX)", "xlsx")):
        with page.expect_download() as info:
            page.get_by_role("button", name=button, exact=True).click()
        download = info.value
        assert download.suggested_filename == f"liste-2026-03-05.{suffix}"
        saved[suffix] = tmp_path / download.suggested_filename
        download.save_as(saved[suffix])
    text = "".join(p.extract_text() for p in PdfReader(saved["pdf"]).pages)
    assert "Ausschuss Soziales" in text and "05.03.2026" in text
    assert "1263/IV" in text and "0888/IV" in text
    sheet = load_workbook(saved["xlsx"]).active
    assert sheet is not None
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert {"1263/IV", "0888/IV"} <= cells


def test_a_reviewer_corrects_a_due_date_by_its_german_name(
    server: Server, context: BrowserContext
) -> None:
    """The correction form offers the motion's correctable facts by their German names
    (no field codes to type); correcting closes the item in the same save."""
    from tests.web.conftest import REPO

    source = REPO / "examples" / "musterstadt-beschlussvorlage-2025-BV-0087.txt"
    copy = Path(server.db).parent / "copy-0089.txt"
    copy.write_text(source.read_text(encoding="utf-8").replace("2025/BV/0087", "2025/BV/0089"),
                    encoding="utf-8")  # fmt: skip
    tracker(server.db, "ingest", str(copy))
    page = context.new_page()
    sign_in(page, server, "pruef")
    page.goto(f"{server.url}/review")
    article = page.locator("article.review").filter(has_text="2025/BV/0089").first
    field = article.get_by_label("Feld")
    options = field.locator("option").all_inner_texts()
    assert "Frist D1: Fälligkeit" in options and "Federführung" in options
    assert not any("deadline." in o for o in options)
    field.select_option(label="Frist D1: Fälligkeit")
    article.get_by_label("Richtiger Wert").fill("30.09.2025")
    article.get_by_label("Begründung").fill("Frist laut Beschluss")
    article.get_by_role("button", name="Berichtigen").click()
    expect(page).to_have_url(f"{server.url}/review")
    shown = json.loads(tracker(server.db, "show", "2025/BV/0089", "--format", "json"))
    still_open = [r for r in shown["review"] if r["resolution"] is None]
    article = page.locator("article.review").filter(has_text="2025/BV/0089")
    expect(article).to_have_count(len(still_open))
    assert shown["deadlines"][0]["due"] == "2025-09-30"
    assert any(r["resolution"] == "corrected" for r in shown["review"])

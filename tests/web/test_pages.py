"""The read-only pages, feeds and API of ``tracker serve`` on a seeded SQLite store, over
real HTTP on loopback."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from icalendar import Calendar

from tests.web.conftest import NOW, XSS, Server, tracker


def test_the_board_lists_overdue_items_with_the_total(server: Server) -> None:
    page = server.client().get("/")
    assert page.status_code == 200
    assert "1263/IV" in page.text and "Integrationskonferenz" in page.text
    assert "1–8 von 8 überfälligen Fristen" in page.text
    assert "0777/IV" not in page.text  # due 20.03.2026: not overdue on 01.03.2026


def test_the_board_filters_by_committee_and_lists_due_soon(server: Server) -> None:
    client = server.client()
    page = client.get("/", params={"committee": "Ausschuss Soziales"})
    assert "1–2 von 2 überfälligen Fristen" in page.text
    assert "2025/0156" not in page.text
    soon = client.get("/", params={"list": "due", "within": "30"})
    assert "0777/IV" in soon.text and "1263/IV" not in soon.text


def test_the_board_pages_and_sorts(server: Server) -> None:
    client = server.client()
    first = client.get("/", params={"limit": "2"})
    assert "1–2 von 8" in first.text and "Seite 1 von 4" in first.text
    assert 'href="?limit=2&amp;page=2"' in first.text
    third = client.get("/", params={"limit": "2", "page": "3"})
    assert "5–6 von 8" in third.text
    by_reference = client.get("/", params={"sort": "reference"}).text
    refs = [r for r in ("0412/IX", "0666/IV", "1263/IV", "2025/0156") if r in by_reference]
    assert sorted(refs, key=by_reference.index) == refs
    by_due = client.get("/").text
    assert by_due.index("2025/0156") < by_due.index("1263/IV")


def test_unknown_filters_and_malformed_dates_are_refused_in_german(server: Server) -> None:
    client = server.client()
    unknown = client.get("/", params={"amt": "x"})
    assert unknown.status_code == 400 and "Unbekannter Parameter „amt“" in unknown.text
    bad_date = client.get("/", params={"as_of": "31.02.2026"})
    assert bad_date.status_code == 400 and "Ungültiges Datum „31.02.2026“" in bad_date.text
    bad_value = client.get("/", params={"office": "Amt Z"})
    assert bad_value.status_code == 400 and "Unbekannter Wert „Amt Z“" in bad_value.text
    bad_status = client.get("/", params={"status": "fertig"})
    assert bad_status.status_code == 400 and "Status" in bad_status.text


def test_a_refused_value_names_the_allowed_ones_in_german_words(server: Server) -> None:
    client = server.client()
    rag = client.get("/", params={"rag": "lila"})
    assert rag.status_code == 400 and "red (rot), amber (gelb), green (grün)" in rag.text
    status = client.get("/", params={"status": "fertig"})
    assert "in_progress (in Bearbeitung)" in status.text
    kind = client.get("/", params={"kind": "x"})
    assert "completion (Erledigung)" in kind.text
    which = client.get("/", params={"list": "alle"})
    assert "overdue (überfällig), due (bald fällig)" in which.text


def test_feeds_refuse_unknown_parameters_in_german(server: Server) -> None:
    client = server.client()
    for path in (
        "/feed.atom",
        "/calendar/committees/Ausschuss%20Soziales.ics",
        "/calendar/offices/Amt%20A.ics",
        f"/calendar/motions/{server.ids['1263/IV']}.ics",
    ):
        answer = client.get(path, params={"farbe": "rot"})
        assert answer.status_code == 400, path
        assert "Unbekannter Parameter „farbe“. Hier gibt es keine." in answer.text
        assert client.get(path).status_code == 200


def test_as_of_shows_the_board_of_an_earlier_day(server: Server) -> None:
    page = server.client().get("/", params={"as_of": "01.01.2026"})
    assert page.status_code == 200
    assert "zum Stichtag 01.01.2026" in page.text
    assert "0666/IV" not in page.text  # due 15.01.2026: not yet overdue then


def test_a_motion_page_shows_facts_deadlines_timeline_and_source(server: Server) -> None:
    client = server.client()
    page = client.get(f"/motions/{server.ids['2025/0156']}")
    assert page.status_code == 200
    text = page.text
    assert "Barrierefreier Umbau der Stadtbibliothek" in text
    assert "Fachbereich 6 - Gebäudemanagement" in text
    assert "So wurde das Datum bestimmt" in text and "numeric_date" in text
    assert "30.06.2025: ein Werktag, § 193 BGB verschiebt nichts" in text
    assert '<th scope="col">wirksam</th>' in text and '<th scope="col">erfasst</th>' in text
    assert "01.03.2026 10:00" in text  # recorded (the --now of the ingest)
    assert "05.03.2025" in text  # effective (the decision's day)
    link = text.split('href="/motions/' + server.ids["2025/0156"] + "/documents/")[1]
    document = client.get(f"/motions/{server.ids['2025/0156']}/documents/{link.split(chr(34))[0]}")
    assert document.status_code == 200
    assert "Stadtbibliothek" in document.text and "<pre" in document.text


def test_unknown_motions_and_documents_are_404(server: Server) -> None:
    client = server.client()
    assert client.get("/motions/not-a-uuid").status_code == 404
    assert client.get("/motions/00000000-0000-0000-0000-000000000000").status_code == 404
    bad_doc = client.get(f"/motions/{server.ids['1263/IV']}/documents/{'0' * 64}")
    assert bad_doc.status_code == 404


def test_a_hostile_title_renders_as_text(server: Server) -> None:
    client = server.client()
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
    for path in ("/", f"/motions/{server.ids['0666/IV']}", "/offices/Amt%20B", "/feed.atom"):
        text = client.get(path).text
        assert XSS not in text and "<script" not in text, path
        assert escaped in text, path


def test_every_answer_carries_the_security_headers(server: Server) -> None:
    page = server.client().get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script at all
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    cookie = page.headers["set-cookie"]
    assert cookie.startswith("tracker_csrf=") and "Secure" in cookie and "HttpOnly" in cookie
    assert "<script" not in page.text


def test_office_and_committee_pages_have_their_statistics(server: Server) -> None:
    client = server.client()
    office = client.get("/offices/Amt%20A")
    assert office.status_code == 200
    assert "Federführung Amt A" in office.text and "Statistik" in office.text
    assert "1263/IV" in office.text and "0666/IV" not in office.text
    row = office.text.split('<th scope="row">Amt A</th>')[1].split("</tr>")[0]
    assert row.count('class="num"') == 5 and '<td class="num">2</td>' in row  # open: 2
    committee = client.get("/committees/Ausschuss%20Soziales")
    assert committee.status_code == 200 and "0666/IV" in committee.text
    assert client.get("/offices/Amt%20Z").status_code == 404


def test_the_atom_feed_lists_the_latest_changes(server: Server) -> None:
    feed = server.client().get("/feed.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert entries, feed.text[:300]
    titles = [e.findtext("a:title", namespaces=ns) for e in entries]
    assert any(t and t.startswith("0777/IV: ") for t in titles)
    link = entries[0].find("a:link", ns)
    assert link is not None and "/motions/" in link.attrib["href"]
    summaries = [e.findtext("a:summary", namespaces=ns) or "" for e in entries]
    assert any("D1: Erledigung, fällig 20.03.2026" in s for s in summaries), summaries[:5]
    assert not any("due " in s or "title=" in s for s in summaries)


def test_calendar_feeds_per_office_committee_and_motion(server: Server) -> None:
    client = server.client()
    office = Calendar.from_ical(client.get("/calendar/offices/Amt%20A.ics").content)
    summaries = [str(e["summary"]) for e in office.walk("VEVENT")]
    assert any("1263/IV" in s for s in summaries) and any("0777/IV" in s for s in summaries)
    assert not any("0666/IV" in s for s in summaries)
    committee = client.get("/calendar/committees/Ausschuss%20Soziales.ics")
    assert committee.headers["content-type"].startswith("text/calendar")
    motion = Calendar.from_ical(
        client.get(f"/calendar/motions/{server.ids['1263/IV']}.ics").content
    )
    uids = [str(e["uid"]) for e in motion.walk("VEVENT")]
    assert uids == [f"{server.ids['1263/IV']}-D1@tracker.invalid"]


def test_the_api_answers_with_the_cli_json(server: Server) -> None:
    client = server.client()
    token = tracker(server.db, "user", "token", "rat").strip()
    for path, args in (
        ("/api/overdue?committee=Ausschuss%20Soziales", ["overdue", "--committee",
                                                         "Ausschuss Soziales"]),
        ("/api/due?within=30", ["due", "--within", "30"]),
        ("/api/overdue?limit=2&offset=1", ["overdue", "--limit", "2", "--offset", "1"]),
    ):  # fmt: skip
        answer = client.get(path)  # a public visitor: public items only
        assert answer.status_code == 200
        cli_json = tracker(server.db, *args, "--public", "--format", "json", now=NOW)
        assert answer.text == cli_json, path
        signed = client.get(path, headers={"authorization": f"Bearer {token}"})
        assert signed.text == tracker(server.db, *args, "--format", "json", now=NOW), path
    shown = json.loads(tracker(server.db, "show", "1263/IV", "--format", "json"))
    api = client.get(f"/api/motions/{server.ids['1263/IV']}").json()
    assert api == shown


def test_the_api_refuses_bad_input_with_a_json_error(server: Server) -> None:
    client = server.client()
    unknown = client.get("/api/overdue?amt=1")
    assert unknown.status_code == 400 and "amt" in unknown.json()["error"]
    bad = client.get("/api/due?as_of=2026-02-30")
    assert bad.status_code == 400 and "Ungültiges Datum" in bad.json()["error"]
    assert client.get("/api/motions/123").status_code == 404
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")


def test_a_public_visitor_sees_no_non_public_item(server: Server) -> None:
    public = server.client()
    secret = server.ids["0888/IV"]
    for path in ("/", "/offices/Amt%20A", "/feed.atom", "/calendar/offices/Amt%20A.ics",
                 "/api/overdue", "/committees/Ausschuss%20Soziales"):  # fmt: skip
        answer = public.get(path)
        assert answer.status_code == 200, path
        assert "0888/IV" not in answer.text and "Geheimweg" not in answer.text, path
    for path in (f"/motions/{secret}", f"/api/motions/{secret}", f"/calendar/motions/{secret}.ics"):
        assert public.get(path).status_code == 404, path
    councillor = server.client()
    assert councillor.login("rat").status_code == 303
    assert "Geheimweg" in councillor.get("/").text
    page = councillor.get(f"/motions/{secret}")
    assert page.status_code == 200 and "nein (nichtöffentlich)" in page.text


def test_the_board_filters_by_initiator(server: Server) -> None:
    client = server.client()
    page = client.get("/", params={"initiator": "grünen"})
    assert "1–1 von 1 überfälligen Fristen" in page.text and "1263/IV" in page.text
    unknown = client.get("/", params={"initiator": "Piraten"})
    assert unknown.status_code == 400 and "Kein Antragsteller enthält „Piraten“" in unknown.text


def test_the_list_tabled_at_a_session_downloads(server: Server) -> None:
    from io import BytesIO

    from openpyxl import load_workbook
    from pypdf import PdfReader

    client = server.client()
    page = client.get("/committees/Ausschuss%20Soziales")
    assert "Liste zur Sitzung" in page.text
    base = "/committees/Ausschuss%20Soziales/agenda"
    pdf = client.get(f"{base}.pdf", params={"session": "05.03.2026"})
    assert pdf.headers["content-type"] == "application/pdf"
    assert "attachment" in pdf.headers["content-disposition"]
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "1263/IV" in text and "Geheimweg" not in text  # public visitor: public items only
    sheet = load_workbook(BytesIO(client.get(f"{base}.xlsx").content)).active
    assert sheet is not None
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "1263/IV" in cells
    csv = client.get(f"{base}.csv-excel").content
    assert csv.startswith(b"\xef\xbb\xbf") and b";" in csv
    assert client.get(f"{base}.doc").status_code == 404
    assert client.get(f"{base}.csv", params={"session": "gestern"}).status_code == 400


def test_unknown_paths_and_methods_answer_in_german(server: Server) -> None:
    client = server.client()
    page = client.get("/gibt-es-nicht")
    assert page.status_code == 404 and "Diese Seite gibt es nicht." in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    api = client.get("/api/gibt-es-nicht")
    assert api.status_code == 404 and api.json() == {"error": "Diese Seite gibt es nicht."}
    assert client.request("DELETE", "/api/overdue").status_code == 405

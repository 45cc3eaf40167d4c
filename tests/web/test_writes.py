"""Writes through the web front: each the CLI's service command with the signed-in user as
provenance; and every refusal writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORD, REPO, Client, Server, tracker


def version(server: Server, reference: str) -> int:
    shown = json.loads(tracker(server.db, "show", reference, "--format", "json"))
    return int(shown["version"])


def history(server: Server, reference: str) -> list[dict[str, str]]:
    out = tracker(server.db, "show", reference, "--history", "--format", "json")
    rows: list[dict[str, str]] = json.loads(out)["history"]
    return rows


def signed_in(server: Server, name: str) -> Client:
    client = server.client()
    assert client.login(name).status_code == 303
    return client


def form(client: Client, server: Server, reference: str) -> dict[str, str]:
    """The CSRF token and version of the forms on a motion's page."""
    return {"csrf": client.csrf(f"/motions/{server.ids[reference]}"),
            "version": str(version(server, reference))}  # fmt: skip


def test_an_office_records_a_sachstand_as_itself(server: Server) -> None:
    client = signed_in(server, "amt_a")
    mid = server.ids["1263/IV"]
    fields = form(client, server, "1263/IV") | {
        "text": "Raum ist angefragt", "reason": "Personalmangel", "next": "Termin festlegen",
        "expected": "2026-06-30",
    }  # fmt: skip
    answer = client.post(f"/motions/{mid}/progress", data=fields)
    assert answer.status_code == 303 and answer.headers["location"].endswith("#sachstand")
    last = history(server, "1263/IV")[-1]
    assert last["event"] == "ProgressReported" and last["provenance"] == "user: amt_a"
    board = client.get("/", params={"office": "Amt A"}).text
    assert "Raum ist angefragt" in board and "Grund der Verzögerung: Personalmangel" in board


def test_an_office_may_not_change_another_offices_item(server: Server) -> None:
    client = signed_in(server, "amt_b")
    before = version(server, "1263/IV")
    fields = form(client, server, "1263/IV") | {"text": "fremd"}
    answer = client.post(f"/motions/{server.ids['1263/IV']}/progress", data=fields)
    assert answer.status_code == 403 and "andere Federführung" in answer.text
    assert version(server, "1263/IV") == before
    page = client.get(f"/motions/{server.ids['1263/IV']}").text
    assert "Sachstand melden" not in page  # no form offered either


def test_a_form_without_its_csrf_token_is_refused(server: Server) -> None:
    client = signed_in(server, "amt_a")
    before = version(server, "1263/IV")
    mid = server.ids["1263/IV"]
    for token in (None, "falsch"):
        fields = {"version": str(before), "text": "ohne Token"}
        if token:
            fields["csrf"] = token
        answer = client.post(f"/motions/{mid}/progress", data=fields)
        assert answer.status_code == 403 and "Sicherheits-Token" in answer.text
    assert version(server, "1263/IV") == before


def test_a_stale_form_says_so_instead_of_overwriting(server: Server) -> None:
    client = signed_in(server, "amt_a")
    mid = server.ids["1263/IV"]
    fields = form(client, server, "1263/IV")
    tracker(server.db, "progress", "1263/IV", "--text", "inzwischen per CLI")
    before = version(server, "1263/IV")
    answer = client.post(f"/motions/{mid}/progress", data=fields | {"text": "veraltet"})
    assert answer.status_code == 409 and "Nichts wurde gespeichert" in answer.text
    assert version(server, "1263/IV") == before


def test_writing_needs_a_sign_in(server: Server) -> None:
    client = server.client()
    token = client.csrf("/login")
    before = version(server, "1263/IV")
    answer = client.post(
        f"/motions/{server.ids['1263/IV']}/progress",
        data={"csrf": token, "version": str(before), "text": "anonym"},
    )
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    assert version(server, "1263/IV") == before


def test_extend_report_done_and_confirm_closure(server: Server) -> None:
    office = signed_in(server, "amt_a")
    mid = server.ids["0777/IV"]
    answer = office.post(f"/motions/{mid}/extend", data=form(office, server, "0777/IV") | {
        "deadline": "D1", "to": "2026-05-29", "reason": "Abstimmung mit dem Senat"})  # fmt: skip
    assert answer.status_code == 303
    shown = json.loads(tracker(server.db, "show", "0777/IV", "--format", "json"))
    assert shown["deadlines"][0]["due"] == "2026-05-29"
    fields = form(office, server, "0777/IV") | {"note": "umgesetzt"}
    assert office.post(f"/motions/{mid}/done", data=fields).status_code == 303
    closing = form(office, server, "0777/IV") | {"committee": "Ausschuss Soziales",
                                                 "on": "2026-03-01"}  # fmt: skip
    refused = office.post(f"/motions/{mid}/close", data=closing)
    assert refused.status_code == 403
    admin = signed_in(server, "admin")
    closing["csrf"] = admin.csrf(f"/motions/{mid}")
    assert admin.post(f"/motions/{mid}/close", data=closing).status_code == 303
    events = [(h["event"], h["provenance"]) for h in history(server, "0777/IV")[-3:]]
    assert events == [("DeadlineExtended", "user: amt_a"), ("DoneReported", "user: amt_a"),
                      ("ClosureConfirmed", "user: admin")]  # fmt: skip


def test_a_reviewer_confirms_an_item_of_the_review_queue(server: Server) -> None:
    public = server.client()
    assert public.get("/review").status_code == 403
    client = signed_in(server, "pruef")
    queue = client.get("/review")
    assert queue.status_code == 200 and "Bestätigen" in queue.text
    open_before = tracker(server.db, "review", "--format", "json")
    items = json.loads(open_before)
    assert items
    first = items[0]
    mid = tracker(
        server.db, "show", first["reference"], "--body", first["body"], "--format", "json"
    )
    motion = json.loads(mid)
    answer = client.post(
        f"/review/{motion['id']}/{first['item']}",
        data={"csrf": client.csrf("/review"), "version": str(motion["version"]),
              "action": "confirm"},
    )  # fmt: skip
    assert answer.status_code == 303
    assert len(json.loads(tracker(server.db, "review", "--format", "json"))) == len(items) - 1
    last = history(server, first["reference"])[-1]
    assert last["event"] == "ReviewResolved" and last["provenance"] == "user: pruef"


def test_a_reviewer_uploads_a_document_to_ingest(server: Server, tmp_path: Path) -> None:
    client = signed_in(server, "pruef")
    source = REPO / "examples" / "musterstadt-auszug-bauausschuss-2025-0156.txt"
    text = source.read_text(encoding="utf-8")
    text = text.replace("2025/0156", "2025/0999").replace("Stadtbibliothek", "Stadthalle")
    answer = client.post(
        "/upload",
        data={"csrf": client.csrf("/upload")},
        files={"document": ("neu.txt", text.encode(), "text/plain")},
    )
    assert answer.status_code == 200, answer.text[-800:]
    assert "Ereignis(se) erfasst" in answer.text
    assert "2025/0999" in answer.text
    shown = tracker(server.db, "show", "2025/0999", "--history", "--format", "json")
    assert "Upload: neu.txt" in shown
    assert client.get("/?sort=reference").text.count("2025/0999") >= 1


def test_an_upload_names_its_document_and_warns_in_german(server: Server) -> None:
    client = signed_in(server, "pruef")
    # an example that leaves an item for review (two limits in one sentence)
    source = REPO / "examples" / "musterstadt-beschlussvorlage-2025-BV-0087.txt"
    text = source.read_text(encoding="utf-8").replace("2025/BV/0087", "2025/0998")
    text = text.split("Stadt Musterstadt · Fachbereich")[0]  # no address: no Bundesland
    answer = client.post(
        "/upload", data={"csrf": client.csrf("/upload")},
        files={"document": ("../../bauausschuss.txt", text.encode(), "text/plain")},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text[-800:]
    assert "Hinweis: Bundesland nicht erkannt" in answer.text
    assert "not recognised" not in answer.text
    shown = json.loads(tracker(server.db, "show", "2025/0998", "--format", "json"))
    assert shown["review"] and {r["document"] for r in shown["review"]} == {"bauausschuss.txt"}


def test_an_office_cannot_upload(server: Server) -> None:
    client = signed_in(server, "amt_a")
    answer = client.post(
        "/upload", data={"csrf": client.csrf("/")},
        files={"document": ("x.txt", b"Drucksache 1/1", "text/plain")},
    )  # fmt: skip
    assert answer.status_code == 403
    assert "Das Einlesen von Dokumenten ist Prüferinnen und Prüfern vorbehalten" in answer.text
    assert "Einlesen von Dokumenten" in client.get("/upload").text


def test_api_writes_need_a_token_of_the_right_office(server: Server) -> None:
    token = tracker(server.db, "user", "token", "amt_a").strip()
    other = tracker(server.db, "user", "token", "amt_b").strip()
    client = server.client()
    mid = server.ids["1263/IV"]
    before = version(server, "1263/IV")
    assert client.post(f"/api/motions/{mid}/progress", json={"text": "x"}).status_code == 401
    wrong = client.post(f"/api/motions/{mid}/progress", json={"text": "x"},
                        headers={"authorization": "Bearer trk_falsch"})  # fmt: skip
    assert wrong.status_code == 401
    foreign = client.post(f"/api/motions/{mid}/progress", json={"text": "x"},
                          headers={"authorization": f"Bearer {other}"})  # fmt: skip
    assert foreign.status_code == 403
    stale = client.post(f"/api/motions/{mid}/progress", json={"text": "x", "version": 1},
                        headers={"authorization": f"Bearer {token}"})  # fmt: skip
    assert stale.status_code == 409
    assert version(server, "1263/IV") == before
    done = client.post(f"/api/motions/{mid}/progress",
                       json={"text": "per API", "reason": "Haushaltssperre"},
                       headers={"authorization": f"Bearer {token}"})  # fmt: skip
    assert done.status_code == 201 and done.json()["appended"] == 1
    last = history(server, "1263/IV")[-1]
    assert last["event"] == "ProgressReported" and last["provenance"] == "user: amt_a"


@pytest.mark.parametrize("wrong", ["falsch-falsch-1"])
def test_sign_in_is_limited_after_five_failures(server: Server, wrong: str) -> None:
    client = server.client()
    for _ in range(5):
        assert client.login("rat", wrong).status_code == 401
    assert client.login("rat", PASSWORD).status_code == 429
    assert "tracker_session" not in client.cookies
    other = server.client()
    assert other.login("admin").status_code == 303  # the limit is per name


def test_a_reviewer_corrects_a_fact_from_the_review_queue(server: Server) -> None:
    source = REPO / "examples" / "musterstadt-beschlussvorlage-2025-BV-0087.txt"
    copy = Path(server.db).parent / "copy-0088.txt"
    copy.write_text(
        source.read_text(encoding="utf-8").replace("2025/BV/0087", "2025/BV/0088"),
        encoding="utf-8",
    )
    tracker(server.db, "ingest", str(copy))
    shown = json.loads(tracker(server.db, "show", "2025/BV/0088", "--format", "json"))
    item = next(r["item"] for r in shown["review"] if r["resolution"] is None)
    client = signed_in(server, "pruef")
    fields = {"csrf": client.csrf("/review"), "version": str(shown["version"]),
              "action": "correct", "field": "deadline.D1.due", "value": "30.09.2025",
              "reason": "Frist laut Beschluss"}  # fmt: skip
    answer = client.post(f"/review/{shown['id']}/{item}", data=fields)
    assert answer.status_code == 303, answer.text[-500:]
    after = json.loads(tracker(server.db, "show", "2025/BV/0088", "--format", "json"))
    assert after["deadlines"][0]["due"] == "2025-09-30"
    resolved = next(r for r in after["review"] if r["item"] == item)
    assert resolved["resolution"] == "corrected" and resolved["resolved_by"] == "pruef"


def test_an_administrator_manages_users(server: Server) -> None:
    assert signed_in(server, "amt_a").get("/users").status_code == 403
    admin = signed_in(server, "admin")
    token = admin.csrf("/users")
    fields = {"csrf": token, "name": "neu", "role": "office", "office": "Amt B",
              "password": "ein-neues-pw-1"}  # fmt: skip
    added = admin.post("/users", data=fields)
    assert added.status_code == 303
    assert "neu\toffice\tAmt B" in tracker(server.db, "user", "list")
    listed = admin.get("/users").text
    assert "<td>neu</td><td>Fachamt</td>" in listed and '<option value="office">Fachamt' in listed
    bad = admin.post("/users", data={"csrf": token, "name": "x", "role": "king"})
    assert bad.status_code == 400 and "Nicht angelegt" in bad.text
    newcomer = server.client()
    assert newcomer.login("neu", "ein-neues-pw-1").status_code == 303
    assert admin.post("/users/neu/remove", data={"csrf": token}).status_code == 303
    assert "neu\t" not in tracker(server.db, "user", "list")
    assert "Angemeldet" not in newcomer.get("/").text  # their session ended with them

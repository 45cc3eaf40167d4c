"""A write the motion's state does not allow is refused in German (not with the domain's
English message), and nothing is written."""

from __future__ import annotations

import json
import re

from tests.web.conftest import Client, Server, tracker


def version(server: Server, reference: str) -> int:
    return int(json.loads(tracker(server.db, "show", reference, "--format", "json"))["version"])


def signed_in(server: Server, name: str) -> Client:
    client = server.client()
    assert client.login(name).status_code == 303
    return client


def post(client: Client, server: Server, reference: str, action: str, **fields: str) -> str:
    """Send a form of the motion's page; the answer's status and its main text."""
    mid = server.ids[reference]
    data = {"csrf": client.csrf(f"/motions/{mid}"), "version": str(version(server, reference))}
    answer = client.post(f"/motions/{mid}/{action}", data=data | fields)
    main = re.search(r"<main.*?</main>", answer.text, re.S)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main.group(0) if main else answer.text))
    return f"{answer.status_code} {words.strip()}"


def test_an_extension_that_is_none_is_refused_in_german(server: Server) -> None:
    office = signed_in(server, "amt_a")
    before = version(server, "0777/IV")
    earlier = post(office, server, "0777/IV", "extend", deadline="D1", to="2026-01-01",
                   reason="r")  # fmt: skip
    assert earlier.startswith("400 ")
    assert "Die neue Frist muss nach der bisherigen (20.03.2026) liegen, nicht am 01.01.2026" in (
        earlier
    )
    unknown = post(office, server, "0777/IV", "extend", deadline="D9", to="2027-01-01",
                   reason="r")  # fmt: skip
    assert unknown.startswith("400 ") and "hat keine Frist „D9“ (vorhanden: D1)" in unknown
    assert version(server, "0777/IV") == before


def test_an_expected_date_before_the_sachstand_is_refused_in_german(server: Server) -> None:
    office = signed_in(server, "amt_a")
    before = version(server, "0777/IV")
    answer = post(office, server, "0777/IV", "progress", text="x", expected="2026-02-01")
    assert answer.startswith("400 ")
    assert "„Voraussichtlich erledigt“ (01.02.2026) liegt vor dem Datum des Sachstands" in answer
    assert version(server, "0777/IV") == before


def test_done_twice_and_changes_after_closing_are_refused_in_german(server: Server) -> None:
    office = signed_in(server, "amt_a")
    assert post(office, server, "1263/IV", "done", note="fertig").startswith("303")
    twice = post(office, server, "1263/IV", "done", note="nochmal")
    assert twice.startswith("409 ")
    assert "1263/IV wurde bereits am 01.03.2026 als erledigt gemeldet" in twice
    admin = signed_in(server, "admin")
    closed = post(admin, server, "1263/IV", "close", committee="Ausschuss Soziales",
                  on="2026-03-01")  # fmt: skip
    assert closed.startswith("303")
    before = version(server, "1263/IV")
    late = post(admin, server, "1263/IV", "progress", text="noch etwas")
    assert late.startswith("409 ")
    assert "1263/IV wurde am 01.03.2026 von Ausschuss Soziales abgeschlossen" in late
    assert "Nichts" in late or "nichts wurde gespeichert" in late
    for english in ("was closed", "cannot", "already"):
        assert english not in late and english not in twice
    assert version(server, "1263/IV") == before


def test_the_api_refuses_a_sachstand_on_a_closed_motion_in_german(server: Server) -> None:
    tracker(server.db, "close", "0666/IV", "--by", "Ausschuss Soziales", "--on", "01.03.2026")
    token = tracker(server.db, "user", "token", "amt_b").strip()
    before = version(server, "0666/IV")
    answer = server.client().http.post(
        f"/api/motions/{server.ids['0666/IV']}/progress", json={"text": "zu spät"},
        headers={"authorization": f"Bearer {token}"},
    )  # fmt: skip
    assert answer.status_code == 409
    assert (
        "0666/IV wurde am 01.03.2026 von Ausschuss Soziales abgeschlossen"
        in (answer.json()["error"])
    )
    assert version(server, "0666/IV") == before

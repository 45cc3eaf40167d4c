"""Two ``tracker serve`` processes on one PostgreSQL store: the API listing, sessions and
writes shared between them."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.web.conftest import NOW, Server, tracker

pytestmark = pytest.mark.postgres


@pytest.fixture
def servers(pg_servers: tuple[Server, Server]) -> tuple[Server, Server]:
    return pg_servers


def test_two_servers_answer_the_api_listing_alike(servers: tuple[Server, Server]) -> None:
    a, b = servers
    expected = tracker(a.db, "overdue", "--public", "--format", "json", now=NOW)
    assert a.client().get("/api/overdue").text == expected
    assert b.client().get("/api/overdue").text == expected


def test_a_session_of_one_server_writes_through_the_other(
    servers: tuple[Server, Server],
) -> None:
    a, b = servers
    client = a.client()
    assert client.login("amt_a").status_code == 303
    mid = a.ids["1263/IV"]
    token = client.csrf(f"/motions/{mid}")
    version = json.loads(tracker(a.db, "show", "1263/IV", "--format", "json"))["version"]
    other = b.client()
    other.cookies = dict(client.cookies)
    fields = {"csrf": token, "version": str(version), "text": "über B"}
    answer = other.post(f"/motions/{mid}/progress", data=fields)
    assert answer.status_code == 303
    assert "über B" in client.get("/", params={"office": "Amt A"}).text


def test_api_writes_through_both_servers_at_once_all_land(
    servers: tuple[Server, Server],
) -> None:
    a, b = servers
    token = tracker(a.db, "user", "token", "amt_a").strip()
    mid = a.ids["1263/IV"]
    before = json.loads(tracker(a.db, "show", "1263/IV", "--format", "json"))["version"]

    def write(n: int) -> int:
        server = (a, b)[n % 2]
        return server.client().http.post(
            f"/api/motions/{mid}/progress", json={"text": f"Sachstand {n}"},
            headers={"authorization": f"Bearer {token}"},
        ).status_code  # fmt: skip

    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(write, range(8)))
    assert codes == [201] * 8
    shown = json.loads(tracker(a.db, "show", "1263/IV", "--format", "json"))
    assert shown["version"] == before + 8
    assert {p["text"] for p in shown["progress"]} >= {f"Sachstand {n}" for n in range(8)}

"""Two writers on one motion from forms of the same version: exactly one wins, the other is
told in German that the motion changed, and nothing of it is written (the version check is
the store's optimistic concurrency check, in the write's own transaction)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import pytest

from bootstrap import Bootstrap
from tests.web.conftest import Client, Server, seed, tracker
from tracker.motion import Motion
from tracker.service import StaleVersion

REFERENCE = "1263/IV"
STALE = "wurde geändert, seit Sie das Formular geöffnet haben"


def shown(db: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(tracker(db, "show", REFERENCE, "--format", "json"))
    return data


def race(posts: list[Callable[[], httpx.Response]]) -> list[httpx.Response]:
    """Send the posts at the same moment (one thread each, released together)."""
    gate = threading.Barrier(len(posts))
    answers: list[httpx.Response | None] = [None] * len(posts)

    def send(n: int) -> None:
        gate.wait()
        answers[n] = posts[n]()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(len(posts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(a is not None for a in answers)
    return [a for a in answers if a is not None]


def sender(client: Client, path: str, fields: dict[str, str]) -> Callable[[], httpx.Response]:
    return lambda: client.post(path, data=fields)


def signed_in(server: Server, name: str = "amt_a") -> Client:
    client = server.client()
    assert client.login(name).status_code == 303
    return client


def two_writers(first: Server, second: Server, rounds: int) -> None:
    """``rounds`` times: two signed-in office users (one on each server) send a Sachstand
    from forms of the same version at once; one lands, the other is refused with 409."""
    mid = first.ids[REFERENCE]
    writers = [signed_in(first), signed_in(second)]
    for n in range(rounds):
        before = shown(first.db)
        tokens = [w.csrf(f"/motions/{mid}") for w in writers]
        texts = [f"Runde {n} Schreiber {k}" for k in (0, 1)]

        posts = [
            sender(writers[k], f"/motions/{mid}/progress", {
                "csrf": tokens[k], "version": str(before["version"]), "text": texts[k],
                "reason": f"Grund {n}/{k}"})
            for k in (0, 1)
        ]  # fmt: skip
        answers = race(posts)
        codes = sorted(a.status_code for a in answers)
        assert codes == [303, 409], (n, [(a.status_code, a.text[:300]) for a in answers])
        loser = next(a for a in answers if a.status_code == 409)
        assert STALE in loser.text and "Nichts wurde gespeichert" in loser.text
        after = shown(first.db)
        assert after["version"] == int(str(before["version"])) + 1
        written = {p["text"] for p in after["progress"]} - {  # type: ignore[attr-defined]
            p["text"]
            for p in before["progress"]  # type: ignore[attr-defined]
        }
        winner = texts[answers.index(next(a for a in answers if a.status_code == 303))]
        assert written == {winner}


def test_two_writers_on_sqlite_exactly_one_wins(server: Server) -> None:
    two_writers(server, server, rounds=8)


def test_service_refuses_a_write_that_lost_the_race_inside_its_save(tmp_path: Path) -> None:
    """The other writer lands after the version was checked and before the save: the
    store's check refuses the save, nothing of the late command is written."""
    db = str(tmp_path / "db")
    seed(db)
    first = Bootstrap(db=db, now="2026-03-01T10:00")
    second = Bootstrap(db=db, now="2026-03-01T10:00")
    try:
        motion = first.service.find(REFERENCE)
        version = motion.version

        def command(m: Motion) -> None:
            second.service.report_progress(m.id, on=date(2026, 3, 1), text="dazwischen")
            m.report_progress(text="zu spät", reason=None, next_step=None, expected=None,
                              office=None, meta=first.service.meta(date(2026, 3, 1)))  # fmt: skip

        with pytest.raises(StaleVersion):
            first.service.change(motion.id, command, expected_version=version)
        after = first.service.get(motion.id)
        assert after.version == version + 1
        assert [p["text"] for p in after.progress_reports][-1] == "dazwischen"
        assert "zu spät" not in [p["text"] for p in after.progress_reports]
    finally:
        first.close()
        second.close()


@pytest.mark.postgres
def test_two_writers_on_two_postgresql_servers_exactly_one_wins(
    pg_servers: tuple[Server, Server],
) -> None:
    two_writers(*pg_servers, rounds=6)


def test_two_api_writers_with_the_same_version_exactly_one_wins(server: Server) -> None:
    token = tracker(server.db, "user", "token", "amt_a").strip()
    mid = server.ids[REFERENCE]
    for n in range(4):
        before = shown(server.db)

        def send(
            k: int, version: object = before["version"], n: int = n
        ) -> Callable[[], httpx.Response]:
            client = server.client()
            return lambda: client.http.post(
                f"/api/motions/{mid}/progress",
                json={"text": f"API {n}/{k}", "version": version},
                headers={"authorization": f"Bearer {token}"},
            )

        answers = race([send(0), send(1)])
        assert sorted(a.status_code for a in answers) == [201, 409]
        loser = next(a for a in answers if a.status_code == 409)
        assert "wurde inzwischen geändert; nichts gespeichert" in loser.json()["error"]
        assert shown(server.db)["version"] == int(str(before["version"])) + 1

"""A reminder's signed link to the Sachstand form: once, until it expires, unaltered."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.web.conftest import Server, seed, start_server, tracker, write_config

SECRET = {"TRACKER_WEB_SECRET": "ein-langes-geheimnis"}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("links")
    db = str(folder / "db")
    ids = seed(db)
    running = start_server(db, config=write_config(folder), env=SECRET)
    running.ids = ids
    yield running
    running.stop()


def link(server: Server, *, now: str = "2026-03-01T10:00", reminder: str = "R7") -> str:
    url = tracker(server.db, "sachstand-link", "1263/IV", "--office", "Amt A", "--reminder",
                  reminder, now=now, env=SECRET).strip()  # fmt: skip
    assert url.startswith("http://127.0.0.1:8080/sachstand/")
    return url.removeprefix("http://127.0.0.1:8080")


def shown(server: Server) -> dict[str, object]:
    out = tracker(server.db, "show", "1263/IV", "--history", "--format", "json")
    result: dict[str, object] = json.loads(out)
    return result


def fields(client_page: str, **extra: str) -> dict[str, str]:
    import re

    csrf = re.search(r'name="csrf" value="([^"]+)"', client_page)
    version = re.search(r'name="version" value="([^"]+)"', client_page)
    assert csrf and version
    return {"csrf": csrf.group(1), "version": version.group(1)} | extra


def test_a_link_records_the_offices_sachstand_once(linked: Server) -> None:
    path = link(linked)
    client = linked.client()
    form = client.get(path)
    assert form.status_code == 200 and "Sachstand für <strong>Amt A</strong>" in form.text
    data = fields(form.text, text="Per Link gemeldet", reason="Vergabe verzögert")
    assert client.post(path, data=data).status_code == 200
    history = shown(linked)["history"]
    assert isinstance(history, list)
    assert history[-1]["event"] == "ProgressReported"
    assert history[-1]["provenance"] == "user: Amt A (Erinnerungslink R7)"
    version = shown(linked)["version"]
    replay = client.post(path, data=data | {"version": str(version)})
    assert replay.status_code == 403 and "bereits benutzt" in replay.text
    assert client.get(path).status_code == 403
    assert shown(linked)["version"] == version


def test_an_expired_or_altered_link_writes_nothing(linked: Server) -> None:
    before = shown(linked)["version"]
    client = linked.client()
    expired = link(linked, now="2026-01-01T10:00")  # 14 days: long gone on 01.03.2026
    answer = client.get(expired)
    assert answer.status_code == 403 and "abgelaufen" in answer.text
    token = client.csrf("/login")
    posted = client.post(expired, data={"csrf": token, "version": str(before), "text": "x"})
    assert posted.status_code == 403
    altered = link(linked, reminder="R8")
    altered = altered[:-3] + ("abc" if not altered.endswith("abc") else "xyz")
    assert client.get(altered).status_code == 403
    assert shown(linked)["version"] == before


def test_a_link_form_needs_its_csrf_token(linked: Server) -> None:
    path = link(linked, reminder="R9")
    client = linked.client()
    before = shown(linked)["version"]
    answer = client.post(path, data={"version": str(before), "text": "ohne Token"})
    assert answer.status_code == 403
    assert shown(linked)["version"] == before
    assert client.get(path).status_code == 200  # still unused


def test_a_link_needs_the_secret(linked: Server) -> None:
    from typer.testing import CliRunner

    import cli

    args = ["--db", linked.db, "sachstand-link", "1263/IV", "--office", "Amt A"]
    result = CliRunner().invoke(cli.app, args, env={"TRACKER_WEB_SECRET": ""})
    assert result.exit_code == 2 and "TRACKER_WEB_SECRET" in result.stderr


def test_a_link_can_require_signing_in(
    linked: Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("login-links")
    strict = start_server(linked.db, config=write_config(folder, "link_requires_login = true\n"),
                          env=SECRET)  # fmt: skip
    try:
        path = link(linked, reminder="R10")
        answer = strict.client().get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
        client = strict.client()
        assert client.login("amt_a").status_code == 303
        assert client.get(path).status_code == 200
    finally:
        strict.stop()

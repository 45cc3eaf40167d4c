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


def test_a_replayed_or_expired_link_is_refused_in_the_browser(linked: Server) -> None:
    """In chromium: the link's form open in two tabs is sent from the first; sending it
    again from the second, opening the link again, or opening an expired link is refused
    in German and writes nothing."""
    from playwright.sync_api import expect

    from tests.conftest import require
    from tests.web.browser import CHROMIUM, chromium

    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    path = link(linked, reminder="R9")
    with chromium() as browser:
        context = browser.new_context(locale="de-DE")
        page, second = context.new_page(), context.new_page()
        for tab in (page, second):
            tab.goto(linked.url + path)
            tab.get_by_label("Sachstand", exact=True).fill("Im Browser per Link gemeldet")
        page.get_by_role("button", name="Sachstand speichern").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Danke")
        version = shown(linked)["version"]
        second.get_by_role("button", name="Sachstand speichern").click()
        expect(second.get_by_text("Dieser Link wurde bereits benutzt")).to_be_visible()
        page.goto(linked.url + path)
        expect(page.get_by_text("Dieser Link wurde bereits benutzt")).to_be_visible()
        expired = link(linked, now="2026-01-01T10:00", reminder="R10")
        answer = page.goto(linked.url + expired)
        assert answer is not None and answer.status == 403
        expect(page.get_by_text("Dieser Link ist abgelaufen.")).to_be_visible()
        context.close()
    texts = [p["text"] for p in shown(linked)["progress"]]  # type: ignore[attr-defined]
    assert texts.count("Im Browser per Link gemeldet") == 1
    assert shown(linked)["version"] == version

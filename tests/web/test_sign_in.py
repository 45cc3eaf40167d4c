"""Signing in and out, and single sign-on through a trusted reverse proxy's header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import Server, seed, start_server, write_config


def test_signing_out_ends_the_session(server: Server) -> None:
    client = server.client()
    assert client.login("rat").status_code == 303
    session = client.cookies["tracker_session"]
    assert "Angemeldet: rat" in client.get("/").text
    token = client.csrf("/")
    assert client.post("/logout", data={"csrf": token}).status_code == 303
    assert "Angemeldet" not in client.get("/").text
    replay = server.client()
    replay.cookies = {"tracker_session": session}
    assert "Angemeldet" not in replay.get("/").text  # the old cookie is worth nothing


def test_the_session_cookie_is_secure_and_http_only(server: Server) -> None:
    client = server.client()
    answer = client.login("rat")
    cookie = next(c for c in answer.headers.get_list("set-cookie") if "tracker_session" in c)
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_sign_in_only_follows_local_paths(server: Server) -> None:
    client = server.client()
    token = client.csrf("/login")
    answer = client.post("/login", data={"csrf": token, "name": "rat",
                                         "password": "richtig-geheim-1",
                                         "next": "//evil.example/"})  # fmt: skip
    assert answer.headers["location"] == "/"


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Server]]:
    folder = tmp_path_factory.mktemp("proxy")
    db = str(folder / "db")
    seed(db)
    trusted = folder / "trusted"
    trusted.mkdir()
    untrusted = folder / "untrusted"
    untrusted.mkdir()
    header = 'auth_header = "X-Remote-User"\n'
    a = start_server(db, config=write_config(trusted, header + 'trusted_proxies = ["127.0.0.1"]\n'))
    b = start_server(
        db, config=write_config(untrusted, header + 'trusted_proxies = ["10.9.9.9"]\n')
    )
    yield a, b
    a.stop()
    b.stop()


def test_a_trusted_proxy_header_signs_in(proxied: tuple[Server, Server]) -> None:
    trusted, untrusted = proxied
    client = trusted.client()
    page = client.get("/", headers={"x-remote-user": "rat"})
    assert "Angemeldet: rat (Ratsmitglied)" in page.text
    assert "Geheimweg" in page.text  # a councillor sees non-public items
    unknown = client.get("/", headers={"x-remote-user": "mallory"})
    assert unknown.status_code == 403
    ignored = untrusted.client().get("/", headers={"x-remote-user": "rat"})
    assert "Angemeldet" not in ignored.text and "Geheimweg" not in ignored.text


def test_a_write_through_the_proxy_needs_the_csrf_token(
    proxied: tuple[Server, Server], tmp_path: Path
) -> None:
    trusted, _ = proxied
    client = trusted.client()
    headers = {"x-remote-user": "amt_a"}
    page = client.get("/", headers=headers)
    assert page.status_code == 200
    answer = client.post("/logout", data={}, headers=headers)
    assert answer.status_code == 403

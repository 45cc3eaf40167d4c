"""``tracker notify --test ADDRESS``: one test message through ``TRACKER_SMTP_URL`` against a
real SMTP server on loopback; what failed is said in one line (issue 16, SMTP setup)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from tests.integration.notifiers.smtp import SmtpServer, free_port

runner = CliRunner()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer(password="richtig")
    server.start()
    yield server
    server.stop()


def send(tmp_path: Path, url: str | None, address: str = "it@bvv.example") -> tuple[int, str]:
    config = tmp_path / "tracker.toml"
    config.write_text('[reminders]\nsender = "fristen@bvv.example"\n', encoding="utf-8")
    result = runner.invoke(
        app,
        ["--db", str(tmp_path / "db"), "--config", str(config), "notify", "--test", address],
        env={"TRACKER_SMTP_URL": url or ""},
    )
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    return result.exit_code, lines[0]


def test_a_test_message_arrives_and_says_sent(tmp_path: Path, smtp: SmtpServer) -> None:
    code, line = send(tmp_path, smtp.url_with("richtig"))

    assert (code, line) == (
        0,
        f"sent: a test message to it@bvv.example through "
        f"smtp://tracker@127.0.0.1:{smtp.port}?starttls=off",
    )
    (got,) = smtp.received
    assert got.recipients == ["it@bvv.example"] and got.sender == "fristen@bvv.example"
    assert got.message["Subject"] == "tracker: Testnachricht"
    assert "richtig" not in got.text


def test_a_wrong_password_is_named_and_exits_1(tmp_path: Path, smtp: SmtpServer) -> None:
    code, line = send(tmp_path, smtp.url_with("falsch"))

    assert code == 1
    assert line == (
        f"tracker: error: smtp://tracker@127.0.0.1:{smtp.port}?starttls=off: authentication "
        "failed (535); check the user and password of TRACKER_SMTP_URL"
    )
    assert "falsch" not in line and not smtp.received


def test_a_refused_recipient_is_named(tmp_path: Path, smtp: SmtpServer) -> None:
    smtp.handler.refuse.add("niemand@bvv.example")

    code, line = send(tmp_path, smtp.url_with("richtig"), "niemand@bvv.example")

    assert (code, line) == (
        1,
        "tracker: error: recipient refused: 550 5.1.1 mailbox unavailable",
    )


def test_a_closed_port_says_connection_refused(tmp_path: Path) -> None:
    port = free_port()
    code, line = send(tmp_path, f"smtp://127.0.0.1:{port}?starttls=off&timeout=5")

    assert (code, line) == (
        1,
        f"tracker: error: smtp://127.0.0.1:{port}?starttls=off: connection refused",
    )


def test_tls_failures_are_named(tmp_path: Path, smtp: SmtpServer) -> None:
    code, line = send(tmp_path, f"smtps://127.0.0.1:{smtp.port}?timeout=5")
    assert code == 1
    assert line.startswith(f"tracker: error: smtps://127.0.0.1:{smtp.port}: TLS failed: ")

    code, line = send(tmp_path, f"smtp://127.0.0.1:{smtp.port}?timeout=5")
    assert code == 1
    assert "offers no STARTTLS; refusing to send in clear text" in line
    assert not smtp.received


def test_without_an_smtp_url_it_is_bad_configuration(tmp_path: Path) -> None:
    assert send(tmp_path, None) == (
        2,
        "tracker: error: TRACKER_SMTP_URL is not set (see README, Configuration)",
    )

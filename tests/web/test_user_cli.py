"""``tracker user`` and ``tracker serve``'s options, through the CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import cli
from events.store import connect, parse_location
from web.accounts import Accounts


def run(db: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, ["--db", str(db), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_users_are_added_listed_given_tokens_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "db"
    code, out, _ = run(db, "user", "add", "amt", "--role", "office", "--office", "Amt A",
                       "--password-stdin", stdin="lang-genug-123\n")  # fmt: skip
    assert code == 0 and "user amt added (office, Amt A)" in out
    assert run(db, "user", "list")[1] == "amt\toffice\tAmt A\n"
    code, token, _ = run(db, "user", "token", "amt")
    assert code == 0 and token.startswith("trk_")
    with connect(parse_location(str(db))) as store:
        rows = store.query("SELECT password_hash FROM web_users")
        assert rows[0][0].startswith("$argon2id$") and "lang-genug" not in rows[0][0]
        assert Accounts(store).token_user(token.strip()) is not None
    assert run(db, "user", "remove", "amt")[0] == 0
    assert run(db, "user", "list")[1] == ""


def test_bad_user_input_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "db"
    code, _, err = run(db, "user", "add", "x", "--role", "king", "--no-password")
    assert code == 2 and "role 'king'" in err
    code, _, err = run(db, "user", "add", "x", "--role", "office", "--no-password")
    assert code == 2 and "--office" in err
    code, _, err = run(db, "user", "add", "x", "--role", "reviewer", "--password-stdin",
                       stdin="kurz\n")  # fmt: skip
    assert code == 2 and "10 characters" in err
    assert run(db, "user", "add", "x", "--role", "reviewer", "--no-password")[0] == 0
    code, _, err = run(db, "user", "add", "x", "--role", "reviewer", "--no-password")
    assert code == 2 and "exists already" in err
    assert run(db, "user", "remove", "nobody")[0] == 1


def test_several_workers_need_postgresql(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "db", "serve", "--workers", "2")
    assert code == 2 and "PostgreSQL" in err


def test_a_taken_port_is_named_before_anything_is_announced(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(tmp_path / "db", "serve", "--port", str(port))
    assert code == 2
    assert err == f"tracker: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_tracker_run_hosts_the_web_front(tmp_path: Path) -> None:
    import re
    import signal
    import subprocess
    import sys
    import time

    import httpx

    from tests.web.conftest import REPO

    db = tmp_path / "db"
    args = [sys.executable, "-c", "import cli; cli.main()", "--db", str(db), "--log-level",
            "info", "run", "--serve-port", "0"]  # fmt: skip
    with (tmp_path / "run.log").open("wb") as log:
        process = subprocess.Popen(args, cwd=REPO, stderr=log)
    try:
        answer = None
        for _ in range(600):  # the port it holds, as it logged it
            serving = re.search(r"http://127\.0\.0\.1:(\d+)/", (tmp_path / "run.log").read_text())
            if serving:
                try:
                    with httpx.Client(timeout=1) as client:
                        answer = client.get(f"http://127.0.0.1:{serving.group(1)}/healthz")
                    break
                except httpx.TransportError:
                    pass
            time.sleep(0.05)
        assert answer is not None and answer.json() == {"status": "ok"}
        for _ in range(300):  # SIGTERM is handled once the reminder service has started
            if "reminder_service_started" in (tmp_path / "run.log").read_text():
                break
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(20)
    assert code == 0, (tmp_path / "run.log").read_text()

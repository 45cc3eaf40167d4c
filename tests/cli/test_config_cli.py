"""``tracker config check`` and a channel without its setting: the others go on (issue 16,
an administrator's first hour)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from tests.integration.notifiers.smtp import SmtpServer

runner = CliRunner()

CONFIG = """
[reminders]
sender = "fristen@bvv.example"
fallback = "fristen@bvv.example"
backoff_seconds = 0.01

[reminders.office]
"Abt. Soziales" = "soziales@mitte.example"
"Abt. Jugend" = "https://hooks.mitte.example/fristen"
"""


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "tracker.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return str(path)


def check(config: str, tmp_path: Path, **env: str) -> tuple[int, list[str]]:
    environ = {"TRACKER_SMTP_URL": "", "TRACKER_WEBHOOK_SECRET": ""} | env
    result = runner.invoke(
        app, ["--db", str(tmp_path / "db"), "--config", config, "config", "check"], env=environ
    )
    return result.exit_code, result.stdout.splitlines()


def test_a_complete_configuration_exits_0(config: str, tmp_path: Path) -> None:
    code, lines = check(
        config,
        tmp_path,
        TRACKER_SMTP_URL="smtp://mail.bvv.example:587",
        TRACKER_WEBHOOK_SECRET="whsec_c2VjcmV0",
    )
    assert (code, lines) == (
        0,
        [
            "ok       reminders  recipients: 3 configured",
            "ok       email      TRACKER_SMTP_URL: smtp://mail.bvv.example:587",
            "ok       email      [reminders] sender: fristen@bvv.example",
            "ok       webhook    TRACKER_WEBHOOK_SECRET: set",
            "the configuration is complete",
        ],
    )


def test_a_webhook_without_its_secret_is_named_beside_the_working_email(
    config: str, tmp_path: Path
) -> None:
    code, lines = check(config, tmp_path, TRACKER_SMTP_URL="smtp://mail.bvv.example:587")

    assert code == 1
    assert "ok       email      TRACKER_SMTP_URL: smtp://mail.bvv.example:587" in lines
    assert (
        "missing  webhook    TRACKER_WEBHOOK_SECRET: not set, but 1 recipient(s) are webhooks: "
        "https://hooks.mitte.example/fristen"
    ) in lines
    assert lines[-1] == "1 setting(s) missing or wrong"


def test_every_channel_is_checked_even_when_one_is_wrong(config: str, tmp_path: Path) -> None:
    code, lines = check(
        config, tmp_path, TRACKER_SMTP_URL="http://mail", TRACKER_WEBHOOK_SECRET="whsec_!!"
    )
    assert code == 1
    assert lines[1:4] == [
        "wrong    email      TRACKER_SMTP_URL: TRACKER_SMTP_URL must start with smtp:// or smtps://",
        "ok       email      [reminders] sender: fristen@bvv.example",
        "wrong    webhook    TRACKER_WEBHOOK_SECRET: TRACKER_WEBHOOK_SECRET: whsec_ value is not "
        "base64",
    ]
    assert lines[-1] == "2 setting(s) missing or wrong"


def test_no_smtp_url_for_email_recipients_and_a_bad_reminders_table(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[reminders]\nfallback = "a@b.example"\n', encoding="utf-8")
    code, lines = check(str(path), tmp_path)
    assert code == 1
    assert lines == [
        "ok       reminders  recipients: 1 configured",
        "missing  email      TRACKER_SMTP_URL: not set, but 1 recipient(s) get e-mail: a@b.example",
        "missing  email      [reminders] sender: not set: mail would come from tracker@localhost",
        "ok       webhook    TRACKER_WEBHOOK_SECRET: not set (no webhook recipient)",
        "2 setting(s) missing or wrong",
    ]
    path.write_text("[reminders]\nbefore = [14, -3]\n", encoding="utf-8")
    code, lines = check(str(path), tmp_path)
    assert code == 1 and lines[0].startswith("wrong    reminders  [reminders]: [reminders] before")


def run(db: str, config: str, now: str, *args: str, smtp: str = "") -> tuple[int, str, str]:
    env = {"TRACKER_SMTP_URL": smtp, "TRACKER_WEBHOOK_SECRET": ""}
    result = runner.invoke(app, ["--db", db, "--now", now, "--config", config, *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_a_webhook_without_its_secret_does_not_stop_the_email(
    db_url: str, config: str, smtp: SmtpServer
) -> None:
    for reference, office in (("1263/IV", "Abt. Soziales"), ("1264/IV", "Abt. Jugend")):
        code, _, err = run(
            db_url, config, "2014-03-01T09:00", "add", reference, "--body", "BVV Mitte",
            "--title", "Spielplatz", "--state", "BE", "--decided", "2014-02-20",
            "--office", office, "--due", "2014-12-18",
        )  # fmt: skip
        assert code == 0, err

    code, out, err = run(
        db_url, config, "2014-12-04T08:30", "notify", "--format", "json", smtp=smtp.url
    )

    assert code == 2
    assert err.strip().splitlines()[-1] == (
        "tracker: error: webhook: reminders to send by webhook but TRACKER_WEBHOOK_SECRET is "
        "not set (reminders kept pending; fix it and run again)"
    )
    assert [r.recipients for r in smtp.received] == [["soziales@mitte.example"]]
    assert json.loads(out)["counts"]["sent"] == 1
    code, out, _ = run(db_url, config, "2014-12-04T08:30", "reminders", "--format", "json")
    hook = [r for r in json.loads(out)["reminders"] if r["recipient"].startswith("https://")]
    assert {(r["stage"], r["status"]) for r in hook} >= {("before-14", "planned")}


def test_audit_settings_are_checked_when_configured(tmp_path: Path) -> None:
    path = tmp_path / "audit.toml"
    path.write_text(
        CONFIG + '\n[audit]\nkey = "keys/seal.key"\nauditors = ["rpa@bvv.example"]\n',
        encoding="utf-8",
    )
    code, lines = check(str(path), tmp_path, TRACKER_WEBHOOK_SECRET="whsec_c2VjcmV0")
    assert code == 1
    assert (
        f"ok       audit      [audit] key: {tmp_path}/keys/seal.key: created on first use" in lines
    )
    assert (
        "missing  audit      [audit] auditors: 1 auditor(s), but TRACKER_SMTP_URL is not set"
        in lines
    )
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "seal.key").write_text("not a key")
    (tmp_path / "keys" / "seal.key").chmod(0o644)
    _, lines = check(str(path), tmp_path)
    assert any(
        line.startswith("wrong    audit      [audit] key: seal key ") and "others may read" in line
        for line in lines
    ), lines
